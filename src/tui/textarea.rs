//! The note editor's text: a cursor that steps by grapheme (a wide character, or a letter
//! with its combining marks, is one step and is never split), rows soft-wrapped to the box
//! by display width, Up/Down and Home/End by those rows, and a view scrolled to keep the
//! cursor in it.

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
    /// The first row in view.
    top: usize,
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
        match edit {
            Edit::Insert(c) if !c.is_control() || c == '\t' => self.insert(c),
            Edit::Insert(_) => {}
            Edit::Newline => self.insert('\n'),
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
                let rows = self.rows();
                let r = self.row_of(&rows);
                self.cursor = if edit == Edit::Home {
                    rows[r].start
                } else {
                    self.row_end(&rows, r)
                };
            }
        }
        if !vertical {
            self.goal = None;
        }
    }

    fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
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
        let rows = self.rows();
        let r = self.row_of(&rows);
        let goal = *self
            .goal
            .get_or_insert_with(|| width_of(&self.text[rows[r].start..self.cursor]));
        let target = if down {
            r + 1
        } else {
            match r.checked_sub(1) {
                Some(t) => t,
                None => return,
            }
        };
        if target >= rows.len() {
            return;
        }
        let row = rows[target];
        let end = self.row_end(&rows, target);
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

    /// The last place the cursor can take on row `r`: its end, or for a row that wraps onto
    /// the next, just before its last grapheme (its end is where the next row begins).
    fn row_end(&self, rows: &[Row], r: usize) -> usize {
        let row = rows[r];
        match rows.get(r + 1) {
            Some(next) if next.start == row.end => self.text[row.start..row.end]
                .grapheme_indices(true)
                .next_back()
                .map_or(row.start, |(k, _)| row.start + k),
            _ => row.end,
        }
    }

    /// The row the cursor is on: the last that starts at or before it.
    fn row_of(&self, rows: &[Row]) -> usize {
        rows.partition_point(|r| r.start <= self.cursor)
            .saturating_sub(1)
    }

    /// The text as screen rows: each line broken before it would pass the width, after its
    /// last space when it has one, else between graphemes. One column is kept for the cursor
    /// at a line's end.
    fn rows(&self) -> Vec<Row> {
        let width = match self.width {
            0 => usize::MAX,
            w => w.saturating_sub(1).max(1),
        };
        let mut rows = Vec::new();
        let mut start = 0;
        for line in self.text.split('\n') {
            let end = start + line.len();
            let mut row = start;
            let (mut used, mut space) = (0, None);
            for (k, g) in line.grapheme_indices(true) {
                let at = start + k;
                let w = columns(g);
                if used + w > width && at > row {
                    let cut = space.filter(|&s| s > row).unwrap_or(at);
                    rows.push(Row {
                        start: row,
                        end: cut,
                    });
                    used = width_of(&self.text[cut..at]);
                    row = cut;
                    space = None;
                }
                used += w;
                if g.chars().all(char::is_whitespace) {
                    space = Some(at + g.len());
                }
            }
            rows.push(Row { start: row, end });
            start = end + 1;
        }
        rows
    }

    /// Wraps the text for a box of `width` by `height` cells and scrolls just enough to
    /// keep the cursor in view, before the box is drawn.
    pub fn fit(&mut self, width: usize, height: usize) {
        self.width = width.max(1);
        let height = height.max(1);
        let rows = self.rows();
        let r = self.row_of(&rows);
        if r < self.top {
            self.top = r;
        } else if r >= self.top + height {
            self.top = r + 1 - height;
        }
        self.top = self.top.min(rows.len().saturating_sub(height));
    }

    /// The rows in view in the box [`TextArea::fit`] was given (`height` rows of it), and
    /// where the cursor is in it (column, row).
    pub fn view(&self, height: usize) -> (Vec<String>, (usize, usize)) {
        let height = height.max(1);
        let rows = self.rows();
        let r = self.row_of(&rows);
        let column = width_of(&self.text[rows[r].start..self.cursor]);
        let lines = rows[self.top..]
            .iter()
            .take(height)
            .map(|row| drawable(&self.text[row.start..row.end]))
            .collect();
        (lines, (column, r - self.top))
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
        let rows: Vec<_> = a.rows().iter().map(|r| &a.text[r.start..r.end]).collect();
        assert_eq!(rows, ["one two ", "three four"]);
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
        let rows: Vec<_> = a.rows().iter().map(|r| &a.text[r.start..r.end]).collect();
        assert_eq!(rows, ["日本語", "日本語"]);
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
