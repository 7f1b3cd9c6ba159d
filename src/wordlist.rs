//! Closed word classes as data: files in `assets/` whose lines are `class <TAB> words`
//! (space-separated; a class may run over several lines). The document layer and the analysis
//! each read their own files through this; neither reaches into the other.
//!
//! A word's classes are one bit each of a mask, so asking whether a word is of a class is one
//! hash lookup, and asking about several classes the same one.

use foldhash::{HashMap, HashMapExt};

pub struct WordClasses {
    words: HashMap<&'static str, u64>,
}

impl WordClasses {
    /// The classes of a data file, numbered by their place in `names` (at most 64). Every
    /// class in `names` must be in the file and every class of the file in `names`: a
    /// mismatch is a bug in the file, found the first time the list is used (and so by the
    /// tests).
    pub fn parse(data: &'static str, names: &[&str]) -> WordClasses {
        assert!(names.len() <= 64, "at most 64 word classes");
        let mut words: HashMap<&'static str, u64> = HashMap::new();
        let mut seen = vec![false; names.len()];
        for line in data.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some((class, list)) = line.split_once('\t') {
                let class = class.trim();
                let Some(k) = names.iter().position(|n| *n == class) else {
                    panic!("word class {class} is not one the code knows");
                };
                seen[k] = true;
                for w in list.split_whitespace() {
                    *words.entry(w).or_default() |= 1 << k;
                }
            }
        }
        if let Some(k) = seen.iter().position(|s| !s) {
            panic!("word class {} missing", names[k]);
        }
        WordClasses { words }
    }

    /// The classes of `word` (as written: the lists say which case they hold), as a mask.
    pub fn of(&self, word: &str) -> u64 {
        self.words.get(word).copied().unwrap_or(0)
    }

    /// Every word with its mask of classes.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, u64)> + '_ {
        self.words.iter().map(|(w, m)| (*w, *m))
    }

    /// Whether `word` is of the class numbered `class`.
    pub fn has(&self, class: usize, word: &str) -> bool {
        self.of(word) & (1 << class) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_run_over_lines_and_keep_case() {
        let c = WordClasses::parse(
            "# a comment\nstart\tThe A\nstart\tAn\nstop\tmr dr The\n",
            &["start", "stop"],
        );
        assert!(c.has(0, "The") && c.has(0, "An"));
        assert!(!c.has(0, "the"));
        assert!(c.has(1, "dr") && !c.has(0, "dr"));
        assert_eq!(c.of("The"), 0b11);
    }

    #[test]
    #[should_panic(expected = "word class stop missing")]
    fn a_class_named_must_be_there() {
        WordClasses::parse("start\tThe\n", &["start", "stop"]);
    }

    #[test]
    #[should_panic(expected = "word class other is not one the code knows")]
    fn a_class_of_the_file_must_be_named() {
        WordClasses::parse("start\tThe\nother\tx\n", &["start"]);
    }
}
