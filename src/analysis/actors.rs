//! People, organisations, countries, places and groups, with aliases merged.

use super::lexicon::UserLexicon;
use super::model::{Actor, Timex};
use super::tokens::Token;
use crate::document::Document;

pub fn extract(
    _doc: &Document,
    _tokens: &[Token],
    _times: &[Timex],
    _lexicon: &UserLexicon,
) -> Vec<Actor> {
    Vec::new()
}
