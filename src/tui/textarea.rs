//! The note editor's text: a cursor that steps by grapheme (a wide character, or a letter
//! with its combining marks, is one step and is never split), rows soft-wrapped to the box
//! by display width, Up/Down and Home/End by those rows, and a view scrolled to keep the
//! cursor in it. Rows are never all laid out: a row depends only on where it starts, so they
//! are wrapped from the first row in view or from the cursor's line, and a keystroke or a
//! frame costs what is in view, not the note's length (a 30 kB paste froze the editor when
//! every key wrapped the whole note).

use std::collections::VecDeque;

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};
use unicode_width::UnicodeWidthStr;

use super::text::drawable;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextArea {
    text: String,
    /// The text as the editor opened with it, to tell whether closing would lose words.
    opened: String,
    /// A byte of `text`, always on a grapheme boundary.
    cursor: usize,
    /// The column Up and Down aim for, kept across a run of them.
    goal: Option<usize>,
    /// The width rows wrap at, from the last time the box was drawn (0: not yet drawn).
    width: usize,
    /// Where the first row in view starts.
    top: usize,
    /// The text changed in or before the first row in view, or the width changed: `top`
    /// may no longer be where a row starts until [`TextArea::fit`] finds it again.
    stale: bool,
    /// Row starts above the view, one after another, found when the cursor or the view
    /// went up into a long line: each line is wrapped from its start once, not on every
    /// step up through it. Those after a change are dropped.
    known: Vec<usize>,
}

/// One screen row of the text, in bytes (a row's end excludes the newline after it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Row {
    start: usize,
    end: usize,
}

/// A key the editor understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Newline,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
}

/// Columns a grapheme takes on screen; a tab is drawn as one space.
fn columns(grapheme: &str) -> usize {
    if grapheme == "\t" {
        1
    } else {
        grapheme.width()
    }
}

/// Columns a piece of text takes on screen.
fn width_of(text: &str) -> usize {
    text.graphemes(true).map(columns).sum()
}

impl TextArea {
    /// The text with the cursor at its end. Line ends become `\n` (rows split there, and a
    /// `\r\n` would be one grapheme across the split).
    pub fn new(text: String) -> TextArea {
        let text = if text.contains('\r') {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text
        };
        TextArea {
            cursor: text.len(),
            opened: text.clone(),
            text,
            ..TextArea::default()
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the text differs from the one the editor opened with.
    pub fn changed(&self) -> bool {
        self.text != self.opened
    }

    pub fn edit(&mut self, edit: Edit) {
        let vertical = matches!(edit, Edit::Up | Edit::Down);
        if matches!(
            edit,
            Edit::Insert(_) | Edit::Newline | Edit::Backspace | Edit::Delete
        ) {
            self.changing();
        }
        match edit {
            Edit::Insert(c) if !c.is_control() || c == '\t' => {
                self.insert(c.encode_utf8(&mut [0; 4]));
            }
            Edit::Insert(_) => {}
            Edit::Newline => self.insert("\n"),
            Edit::Backspace => {
                if let Some(prev) = self.boundary(false) {
                    self.text.replace_range(prev..self.cursor, "");
                    self.cursor = prev;
                    self.settle();
                }
            }
            Edit::Delete => {
                if let Some(next) = self.boundary(true) {
                    self.text.replace_range(self.cursor..next, "");
                    self.settle();
                }
            }
            Edit::Left => self.cursor = self.boundary(false).unwrap_or(self.cursor),
            Edit::Right => self.cursor = self.boundary(true).unwrap_or(self.cursor),
            Edit::Up | Edit::Down => self.vertical(edit == Edit::Down),
            Edit::Home | Edit::End => {
                let (row, next) = self.row_at(self.cursor);
                self.cursor = if edit == Edit::Home {
                    row.start
                } else {
                    self.row_end(row, next)
                };
            }
        }
        if !vertical {
            self.goal = None;
        }
    }

    /// Pasted text (a terminal's bracketed paste: one event, however long), inserted at the
    /// cursor at once. Line ends become `\n`; other control characters are dropped, as
    /// typed ones are.
    pub fn paste(&mut self, pasted: &str) {
        let text: String = pasted
            .replace("\r\n", "\n")
            .chars()
            .map(|c| if c == '\r' { '\n' } else { c })
            .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
            .collect();
        if !text.is_empty() {
            self.changing();
            self.insert(&text);
            self.goal = None;
        }
    }

    /// Before the text changes at the cursor: what was known of the rows there is dropped.
    fn changing(&mut self) {
        // a row start stays where it is while its row ends before the change
        let changed = self.boundary(false).unwrap_or(self.cursor);
        if self.width > 0 && !self.stale {
            // a change in the first row in view (or before it) can move where it starts;
            // below it, it cannot
            self.stale = changed <= self.row_from(self.top).0.end;
        }
        let before = self.known.partition_point(|&s| s < changed);
        self.known.truncate(before.saturating_sub(1));
    }

    fn insert(&mut self, text: &str) {
        self.text.insert_str(self.cursor, text);
        self.cursor += text.len();
        // A letter typed before combining marks takes them: the cursor goes past them.
        if !self.is_boundary(self.cursor) {
            self.cursor = self.boundary(true).unwrap_or(self.text.len());
        }
    }

    /// What a deletion brought together can be one grapheme (a lone mark now after a
    /// letter): the cursor goes to its start.
    fn settle(&mut self) {
        if !self.is_boundary(self.cursor) {
            self.cursor = self.boundary(false).unwrap_or(0);
        }
    }

    fn is_boundary(&self, at: usize) -> bool {
        let mut cursor = GraphemeCursor::new(at, self.text.len(), true);
        cursor.is_boundary(&self.text, 0).unwrap_or(true)
    }

    /// The grapheme boundary after the cursor (`forward`) or before it, if any.
    fn boundary(&self, forward: bool) -> Option<usize> {
        let mut cursor = GraphemeCursor::new(self.cursor, self.text.len(), true);
        let found = if forward {
            cursor.next_boundary(&self.text, 0)
        } else {
            cursor.prev_boundary(&self.text, 0)
        };
        found.ok().flatten()
    }

    /// Up or Down one row, to the column aimed for (or the row's end when it is shorter).
    fn vertical(&mut self, down: bool) {
        let (row, next) = self.row_at(self.cursor);
        let goal = *self
            .goal
            .get_or_insert_with(|| width_of(&self.text[row.start..self.cursor]));
        let target = if down {
            next.map(|n| self.row_from(n))
        } else {
            self.before(row.start).map(|p| {
                self.learn(p);
                self.row_at(p)
            })
        };
        let Some((row, next)) = target else {
            return;
        };
        let end = self.row_end(row, next);
        let mut at = row.start;
        let mut used = 0;
        for (k, g) in self.text[row.start..end].grapheme_indices(true) {
            used += columns(g);
            if used > goal {
                break;
            }
            at = row.start + k + g.len();
        }
        self.cursor = at;
    }

    /// The last place the cursor can take on a row: its end, or for a row that wraps onto
    /// the next (which starts at `next`), just before its last grapheme.
    fn row_end(&self, row: Row, next: Option<usize>) -> usize {
        if next == Some(row.end) {
            self.text[row.start..row.end]
                .grapheme_indices(true)
                .next_back()
                .map_or(row.start, |(k, _)| row.start + k)
        } else {
            row.end
        }
    }

    /// The byte of the character before `at`, if any.
    fn before(&self, at: usize) -> Option<usize> {
        self.text[..at]
            .chars()
            .next_back()
            .map(|c| at - c.len_utf8())
    }

    /// The width rows wrap at: one column is kept for the cursor at a line's end.
    fn wrap(&self) -> usize {
        match self.width {
            0 => usize::MAX,
            w => w.saturating_sub(1).max(1),
        }
    }

    /// The row that starts at `start` (where a row starts), and where the next one starts
    /// (none after the last). A line is broken before it would pass the width, after its
    /// last space when it has one, else between graphemes.
    fn row_from(&self, start: usize) -> (Row, Option<usize>) {
        let width = self.wrap();
        let end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |k| start + k);
        let (mut used, mut space) = (0, None);
        for (k, g) in self.text[start..end].grapheme_indices(true) {
            let at = start + k;
            let w = columns(g);
            if used + w > width && at > start {
                let cut = space.filter(|&s| s > start).unwrap_or(at);
                return (Row { start, end: cut }, Some(cut));
            }
            used += w;
            if g.chars().all(char::is_whitespace) {
                space = Some(at + g.len());
            }
        }
        let next = (end < self.text.len()).then_some(end + 1);
        (Row { start, end }, next)
    }

    /// The nearest place known to start a row at or before byte `at`: the first row in view,
    /// a row start learnt above it, or the start of `at`'s line. Found without reading
    /// back further than that place.
    fn anchor(&self, at: usize) -> usize {
        let learnt = self.known.partition_point(|&s| s <= at);
        let top = (!self.stale && self.top <= at).then_some(self.top);
        let near = learnt
            .checked_sub(1)
            .map(|i| self.known[i])
            .into_iter()
            .chain(top)
            .max();
        let from = near.unwrap_or(0);
        self.text[from..at]
            .rfind('\n')
            .map_or(from, |k| from + k + 1)
    }

    /// Makes the start of the row byte `at` is on known: the row starts from the last one
    /// known before it (or from its line's start) are learnt, so that stepping up a row at a
    /// time through a long line wraps each of its rows once in all.
    fn learn(&mut self, at: usize) {
        if !self.stale && self.top <= at {
            return;
        }
        let learnt = self.known.partition_point(|&s| s <= at);
        if learnt > 0 && learnt < self.known.len() {
            return;
        }
        let line = self.anchor(at);
        if self.known.last() != Some(&line) {
            if learnt == 0 || self.known[learnt - 1] < line {
                self.known.clear();
            }
            if self.known.last() != Some(&line) {
                self.known.push(line);
            }
        }
        let mut start = line;
        while let Some(next) = self.row_from(start).1.filter(|&n| n <= at) {
            self.known.push(next);
            start = next;
        }
    }

    /// The row byte `at` is on (the last that starts at or before it), and where the next
    /// row starts.
    fn row_at(&self, at: usize) -> (Row, Option<usize>) {
        let mut start = self.anchor(at);
        loop {
            let (row, next) = self.row_from(start);
            match next {
                Some(n) if n <= at => start = n,
                _ => return (row, next),
            }
        }
    }

    /// Where the row `k` rows above the one starting at `start` starts (the first row's
    /// start when there are fewer): each line above wrapped only as far as needed.
    fn rows_above(&mut self, start: usize, mut k: usize) -> usize {
        let mut end = start;
        while k > 0 {
            let Some(last) = self.before(end) else {
                return 0;
            };
            self.learn(last);
            let from = self.anchor(last);
            // the last k row starts of [from, end)
            let mut starts = VecDeque::with_capacity(k);
            let mut at = from;
            while at < end {
                if starts.len() == k {
                    starts.pop_front();
                }
                starts.push_back(at);
                match self.row_from(at).1 {
                    Some(next) => at = next,
                    None => break,
                }
            }
            if starts.len() == k {
                return starts[0];
            }
            k -= starts.len();
            end = from;
        }
        end
    }

    /// Wraps the text for a box of `width` by `height` cells and scrolls just enough to
    /// keep the cursor in view (and the box full when the text allows), before the box is
    /// drawn.
    pub fn fit(&mut self, width: usize, height: usize) {
        let width = width.max(1);
        let height = height.max(1);
        if width != self.width {
            self.width = width;
            self.stale = true;
            self.known.clear();
        }
        if self.stale {
            let mut top = self.top.min(self.text.len());
            while !self.text.is_char_boundary(top) {
                top -= 1;
            }
            self.learn(top);
            self.top = self.row_at(top).0.start;
            self.stale = false;
        }
        let cursor = self.row_at(self.cursor).0.start;
        if cursor < self.top {
            self.top = cursor;
        }
        // `height` rows from the top (fewer where the text ends), the cursor's among them
        let mut at = self.top;
        let mut rows = 1;
        let mut seen = at == cursor;
        while rows < height {
            let Some(next) = self.row_from(at).1 else {
                break;
            };
            at = next;
            rows += 1;
            seen |= at == cursor;
        }
        if !seen {
            // below the box: scroll to it
            self.top = self.rows_above(cursor, height - 1);
        } else if rows < height {
            self.top = self.rows_above(self.top, height - rows);
        }
    }

    /// The rows in view in the box [`TextArea::fit`] was given (`height` rows of it), and
    /// where the cursor is in it (column, row).
    pub fn view(&self, height: usize) -> (Vec<String>, (usize, usize)) {
        let mut lines = Vec::new();
        let mut cursor = (0, 0);
        let mut at = Some(self.top);
        while let Some(start) = at.filter(|_| lines.len() < height.max(1)) {
            let (row, next) = self.row_from(start);
            if row.start <= self.cursor {
                cursor = (width_of(&self.text[row.start..self.cursor]), lines.len());
            }
            lines.push(drawable(&self.text[row.start..row.end]));
            at = next;
        }
        (lines, cursor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Edit::*;

    /// The box as drawn after the text was fitted to it.
    fn seen(a: &mut TextArea, width: usize, height: usize) -> (Vec<String>, (usize, usize)) {
        a.fit(width, height);
        a.view(height)
    }

    fn area(text: &str, width: usize) -> TextArea {
        let mut area = TextArea::new(text.to_string());
        area.width = width;
        area
    }

    fn run(area: &mut TextArea, edits: &[Edit]) {
        for &e in edits {
            area.edit(e);
        }
    }

    /// Every row of the text, wrapped from its start, as drawn.
    fn every_row(a: &TextArea) -> Vec<String> {
        let mut rows = Vec::new();
        let mut at = Some(0);
        while let Some(start) = at {
            let (row, next) = a.row_from(start);
            rows.push(drawable(&a.text[row.start..row.end]));
            at = next;
        }
        rows
    }

    fn typed(area: &mut TextArea, text: &str) {
        text.chars().for_each(|c| area.edit(Insert(c)));
    }

    #[test]
    fn typing_and_deleting_happen_at_the_cursor() {
        let mut a = area("the bridge", 0);
        run(&mut a, &[Home, Right, Right, Right, Right]);
        typed(&mut a, "old ");
        assert_eq!(a.text(), "the old bridge");
        run(&mut a, &[Backspace, Delete]);
        assert_eq!(a.text(), "the oldridge");
        run(&mut a, &[End]);
        typed(&mut a, "s");
        assert_eq!(a.text(), "the oldridges");
        run(&mut a, &[Home, Backspace, Left]);
        assert_eq!((a.text(), a.cursor), ("the oldridges", 0));
        run(&mut a, &[End, Delete, Right]);
        assert_eq!(a.cursor, a.text().len());
    }

    #[test]
    fn wide_characters_and_combining_marks_are_one_step() {
        // "e" with a combining acute accent, then two wide characters.
        let mut a = area("cafe\u{301} 日本", 0);
        run(&mut a, &[Left]);
        assert_eq!(a.cursor, "cafe\u{301} 日".len());
        run(&mut a, &[Left, Left, Left]);
        assert_eq!(a.cursor, "caf".len(), "the accent goes with its letter");
        run(&mut a, &[Delete]);
        assert_eq!(a.text(), "caf 日本");
        // A combining mark typed after a letter joins it; the cursor stays after both.
        typed(&mut a, "e\u{301}");
        assert_eq!(a.text(), "cafe\u{301} 日本");
        run(&mut a, &[Backspace]);
        assert_eq!(a.text(), "caf 日本");
        run(&mut a, &[End]);
        let (_, cursor) = seen(&mut a, 20, 3);
        assert_eq!(cursor, (8, 0), "wide characters take two columns each");
        // Control characters are not typed into a note.
        typed(&mut a, "\u{1b}\u{7}");
        assert_eq!(a.text(), "caf 日本");
    }

    #[test]
    fn up_and_down_move_by_row_to_the_same_column() {
        let mut a = area("first line\nab\nthird line", 0);
        run(&mut a, &[Up]);
        assert_eq!(a.cursor, "first line\nab".len(), "a short row: its end");
        run(&mut a, &[Up]);
        assert_eq!(a.cursor, "first line".len(), "the column is kept");
        run(&mut a, &[Up, Home, Right, Down, Down]);
        assert_eq!(a.cursor, "first line\nab\nt".len());
        run(&mut a, &[Down]);
        assert_eq!(a.cursor, "first line\nab\nt".len(), "no row below");
    }

    #[test]
    fn long_lines_wrap_at_spaces_and_the_cursor_moves_by_screen_row() {
        // 11 columns: ten for text, one for the cursor at a line's end.
        let mut a = area("one two three four", 11);
        assert_eq!(a.view(5).0, ["one two ", "three four"]);
        run(&mut a, &[Up]);
        assert_eq!(
            a.cursor,
            "one two".len(),
            "before the wrap, not on the next row"
        );
        run(&mut a, &[Home]);
        assert_eq!(a.cursor, 0);
        run(&mut a, &[End]);
        assert_eq!(a.cursor, "one two".len());
        run(&mut a, &[Down]);
        assert_eq!(a.cursor, "one two three f".len());
        // A word longer than the row is cut between graphemes; wide ones are never split.
        let a = area("日本語日本語", 7);
        assert_eq!(a.view(5).0, ["日本語", "日本語"]);
    }

    proptest::proptest! {
        /// Any edits on any text, at any box size: no panic, the cursor on a boundary, in
        /// view, and the rows in view within the box.
        #[test]
        fn any_edits_keep_the_cursor_on_a_boundary(
            text in "[a-z e\u{301}\u{308}日本😀\u{200d}\u{202e}\t\r\n]{0,40}",
            edits in proptest::collection::vec(0usize..12, 0..60),
            width in 1usize..12,
            height in 1usize..5,
        ) {
            let mut a = TextArea::new(text);
            for (k, e) in edits.into_iter().enumerate() {
                let edit = [
                    Insert('x'), Insert('\u{301}'), Insert('日'), Newline, Backspace, Delete,
                    Left, Right, Up, Down, Home, End,
                ][e];
                a.edit(edit);
                assert!(a.cursor <= a.text.len() && a.is_boundary(a.cursor));
                if k % 3 == 0 {
                    let (rows, (_, y)) = seen(&mut a, width, height);
                    assert!(rows.len() <= height && y < rows.len().max(1));
                    // what is in view is the whole text's rows, wrapped from its start, and
                    // as many of them as the box holds
                    let all = every_row(&a);
                    assert_eq!(rows.len(), height.min(all.len()));
                    assert!(all.windows(rows.len()).any(|w| w == rows), "{rows:?} in {all:?}");
                }
            }
        }
    }

    #[test]
    fn the_view_scrolls_to_keep_the_cursor_in_the_box() {
        let text: Vec<String> = (1..=10).map(|k| format!("line {k}")).collect();
        let mut a = TextArea::new(text.join("\n"));
        let (lines, cursor) = seen(&mut a, 20, 3);
        assert_eq!(lines, ["line 8", "line 9", "line 10"]);
        assert_eq!(cursor, (7, 2));
        for _ in 0..8 {
            a.edit(Up);
        }
        let (lines, cursor) = seen(&mut a, 20, 3);
        assert_eq!(lines, ["line 2", "line 3", "line 4"]);
        assert_eq!(cursor, (6, 0));
        // Bidirectional controls are kept in the note but never drawn.
        let mut a = TextArea::new("a\u{202E}b".into());
        assert_eq!(seen(&mut a, 10, 1).0, ["ab"]);
    }
}
