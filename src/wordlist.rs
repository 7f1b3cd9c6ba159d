//! Closed word classes as data: files in `assets/` whose lines are `class <TAB> words`
//! (space-separated; a class may run over several lines). The document layer and the analysis
//! each read their own files through this; neither reaches into the other.

use foldhash::{HashMap, HashMapExt, HashSet};

pub struct WordClasses {
    classes: HashMap<&'static str, HashSet<&'static str>>,
}

impl WordClasses {
    /// The classes of a data file. Every class in `names` must be in it: a missing one is a
    /// bug in the file, found the first time the list is used (and so by the tests).
    pub fn parse(data: &'static str, names: &[&str]) -> WordClasses {
        let mut classes: HashMap<&'static str, HashSet<&'static str>> = HashMap::new();
        for line in data.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some((class, words)) = line.split_once('\t') {
                classes
                    .entry(class.trim())
                    .or_default()
                    .extend(words.split_whitespace());
            }
        }
        for name in names {
            assert!(classes.contains_key(name), "word class {name} missing");
        }
        WordClasses { classes }
    }

    /// Whether `word` (as written: the lists say which case they hold) is of `class`.
    pub fn has(&self, class: &str, word: &str) -> bool {
        debug_assert!(self.classes.contains_key(class), "no word class {class}");
        self.classes.get(class).is_some_and(|s| s.contains(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_run_over_lines_and_keep_case() {
        let c = WordClasses::parse(
            "# a comment\nstart\tThe A\nstart\tAn\nstop\tmr dr\n",
            &["start"],
        );
        assert!(c.has("start", "The") && c.has("start", "An"));
        assert!(!c.has("start", "the"));
        assert!(c.has("stop", "dr"));
    }

    #[test]
    #[should_panic(expected = "word class stop missing")]
    fn a_class_named_must_be_there() {
        WordClasses::parse("start\tThe\n", &["start", "stop"]);
    }
}
