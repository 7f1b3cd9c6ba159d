//! Word lists: the built-in tables' file format, and the analyst's own additions from the
//! configuration's `[lexicon]` (never read with `--no-config`).

use std::sync::LazyLock;

use foldhash::HashSet;

/// The lines of a data file in `assets/`, without blank lines and `#` comments.
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim_start().is_empty() && !l.starts_with('#'))
}

/// Whether a lower-case word in "-ly" is a noun ("family", "assembly"), not an adverb: one
/// list for the claims' and the tenses' adverb tests.
pub fn is_ly_noun(word: &str) -> bool {
    static LY_NOUNS: LazyLock<HashSet<&str>> =
        LazyLock::new(|| data_lines(include_str!("../../assets/lexicon/ly_nouns.txt")).collect());
    LY_NOUNS.contains(word)
}

/// The lines of a data file split at tabs, each column trimmed.
pub fn data_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    data_lines(text).map(|l| l.split('\t').map(str::trim).collect())
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserLexicon {
    /// (alias, canonical name): "DPRK" = "North Korea".
    pub aliases: Vec<(String, String)>,
    /// Extra attribution cue words ("intimated").
    pub cues: Vec<String>,
    /// Extra hedge words ("purportedly").
    pub hedges: Vec<String>,
}
