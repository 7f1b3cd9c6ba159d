//! The analyst's own additions to the built-in word lists, from the configuration's
//! `[lexicon]` (never read with `--no-config`).

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserLexicon {
    /// (alias, canonical name): "DPRK" = "North Korea".
    pub aliases: Vec<(String, String)>,
    /// Extra attribution cue words ("intimated").
    pub cues: Vec<String>,
    /// Extra hedge words ("purportedly").
    pub hedges: Vec<String>,
}
