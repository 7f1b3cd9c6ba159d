//! Word lists: the built-in tables' file format, and the analyst's own additions from the
//! configuration's `[lexicon]` (never read with `--no-config`).

/// The lines of a data file in `assets/`, without blank lines and `#` comments.
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim_start().is_empty() && !l.starts_with('#'))
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
