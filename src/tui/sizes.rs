//! The reader's size limits, how its panes share the screen, and where everything goes in
//! a frame.

use ratatui::layout::Rect;

use super::pane::Pane;

/// Below this, only a notice: 40x12 still shows a whole pane.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// How the panes share the screen (`[layout]` in the configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneSizes {
    /// Percent of the width for the right-hand column when the panes sit side by side.
    pub side: u16,
    /// Columns from which the panes sit side by side; below, they are tabs.
    pub wide: u16,
}

impl PaneSizes {
    /// The range `side` may take: each column keeps room to be read.
    pub const SIDE: std::ops::RangeInclusive<u16> = 20..=80;
    /// The range `wide` may take: from the smallest usable terminal up.
    pub const WIDE: std::ops::RangeInclusive<u16> = MIN_WIDTH..=1000;
}

impl Default for PaneSizes {
    fn default() -> Self {
        PaneSizes {
            side: 42,
            wide: 100,
        }
    }
}

/// Where everything goes in one frame, worked out from the terminal's size and the state
/// before the frame is drawn (`layout::plan`): the state is fitted to it (`App::fit`), the
/// frame drawn from it, and the mouse finds what is under it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub area: Rect,
    /// Smaller than the smallest useful terminal: only a notice.
    pub too_small: bool,
    pub title: Rect,
    /// Between the title and the status bar: where the help and the overlays go.
    pub body: Rect,
    pub status: Rect,
    /// The panes are tabs (the terminal is narrower than `PaneSizes::wide`).
    pub narrow: bool,
    /// The tab bar, and where each tab's label is, when the panes are tabs.
    pub tab_bar: Option<Rect>,
    pub tabs: Vec<(Pane, Rect)>,
    /// Each pane's place (article, claims, actors, timeline), its border included; none
    /// when it is not shown.
    pub panes: [Option<Rect>; 4],
    /// The note editor's text box, when it is open.
    pub editor: Option<Rect>,
    /// Rows of the help that do not fit, when it is shown: how far it can scroll.
    pub help_hidden: usize,
    /// The library's pane, and the rows of its list (or hits) under the header.
    pub list: Option<Rect>,
    pub rows: Option<Rect>,
}

impl Plan {
    /// Inside a pane's border, when it is shown.
    pub fn inside(&self, pane: Pane) -> Option<Rect> {
        let place = self.panes[pane.index()]?;
        Some(place.inner(ratatui::layout::Margin::new(1, 1)))
    }
}
