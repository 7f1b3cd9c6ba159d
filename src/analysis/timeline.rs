//! Events, ordered: dated ones by their time values, undated ones placed by what the text says.

use super::model::{Actor, Claim, Event, Timex};
use super::tokens::Token;
use crate::document::Document;

pub fn build(
    _doc: &Document,
    _tokens: &[Token],
    _times: &[Timex],
    _actors: &[Actor],
    _claims: &[Claim],
) -> Vec<Event> {
    Vec::new()
}
