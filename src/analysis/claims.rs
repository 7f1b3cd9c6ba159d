//! Attributed claims: source, cue, content, kind, hedges and contradictions.

use super::lexicon::UserLexicon;
use super::model::{Actor, Claim};
use super::tokens::Token;
use crate::document::Document;

pub fn extract(
    _doc: &Document,
    _tokens: &[Token],
    _actors: &[Actor],
    _lexicon: &UserLexicon,
) -> Vec<Claim> {
    Vec::new()
}
