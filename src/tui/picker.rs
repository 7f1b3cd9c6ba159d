//! A list to pick one entry from, found by typing: the words typed keep the entries that
//! hold them (any case, anywhere in the entry), those that begin with them first, and the
//! selection moves among those kept. The reader's pickers (an actor to merge into, a
//! claim's source, a kind) are this with what the choice does.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    entries: Vec<String>,
    pub query: String,
    /// The selection, by position among the entries kept.
    pub selected: usize,
}

impl Picker {
    pub fn new(entries: Vec<String>) -> Picker {
        Picker {
            entries,
            query: String::new(),
            selected: 0,
        }
    }

    /// Starts with entry `entry` selected (when the query keeps it: it is empty here).
    pub fn at(mut self, entry: usize) -> Picker {
        self.selected = self.shown().iter().position(|&e| e == entry).unwrap_or(0);
        self
    }

    /// The entries the query keeps, by index: those that begin with it, then those that
    /// hold it elsewhere, each in their order.
    pub fn shown(&self) -> Vec<usize> {
        let query = self.query.to_lowercase();
        let lower: Vec<String> = self.entries.iter().map(|e| e.to_lowercase()).collect();
        let (first, then): (Vec<usize>, Vec<usize>) = (0..self.entries.len())
            .filter(|&e| lower[e].contains(&query))
            .partition(|&e| lower[e].starts_with(&query));
        first.into_iter().chain(then).collect()
    }

    pub fn entry(&self, entry: usize) -> &str {
        &self.entries[entry]
    }

    /// The selected entry, by index; none when the query keeps none.
    pub fn chosen(&self) -> Option<usize> {
        self.shown().get(self.selected).copied()
    }

    /// A character typed: the query grows and the selection goes to the first entry kept.
    pub fn push(&mut self, c: char) {
        self.query.push(c);
        self.selected = 0;
    }

    pub fn erase(&mut self) {
        self.query.pop();
        self.selected = 0;
    }

    /// Moves the selection by `delta` among the entries kept, stopping at either end.
    pub fn step(&mut self, delta: isize) {
        let last = self.shown().len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picker() -> Picker {
        let names = [
            "North Korea",
            "South Korea",
            "Korean Central News Agency",
            "Kim",
        ];
        Picker::new(names.map(String::from).to_vec())
    }

    #[test]
    fn typing_keeps_the_entries_that_hold_it_those_beginning_with_it_first() {
        let mut p = picker();
        assert_eq!(p.shown(), [0, 1, 2, 3]);
        for c in "kor".chars() {
            p.push(c);
        }
        assert_eq!(p.shown(), [2, 0, 1]);
        assert_eq!(p.chosen(), Some(2));
        p.step(1);
        assert_eq!(p.chosen(), Some(0));
        p.step(5);
        assert_eq!(p.chosen(), Some(1));
        p.push('x');
        assert_eq!((p.shown(), p.chosen()), (vec![], None));
        p.erase();
        assert_eq!(
            p.chosen(),
            Some(2),
            "the selection starts again at the first kept"
        );
        p.step(-3);
        assert_eq!(p.selected, 0);
    }

    #[test]
    fn a_picker_can_open_on_the_current_entry() {
        assert_eq!(picker().at(3).chosen(), Some(3));
        assert_eq!(picker().at(9).chosen(), Some(0));
    }
}
