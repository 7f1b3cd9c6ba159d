//! A list's selection and scroll offset, shared by the reader's panes, its pickers and the
//! library.

/// A list pane's selection and scroll offset (items, not rows).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListView {
    pub selected: usize,
    pub offset: usize,
    /// Items that fit, from the last frame.
    pub page: usize,
}

impl ListView {
    pub fn moved(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last.max(0)) as usize;
    }

    /// Keeps the selection on screen with `fit` items visible.
    pub fn scrolled(&mut self, fit: usize, len: usize) {
        self.page = fit.max(1);
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + self.page {
            self.offset = self.selected + 1 - self.page;
        }
        self.offset = self.offset.min(len.saturating_sub(self.page));
    }
}
