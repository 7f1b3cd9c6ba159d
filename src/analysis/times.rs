//! Time expressions (TimeML TIMEX3), resolved against the published date.

use super::model::Timex;
use super::tokens::Token;
use crate::document::Document;

pub fn extract(_doc: &Document, _tokens: &[Token]) -> Vec<Timex> {
    Vec::new()
}
