//! The kind a name's neighbours say, over what its own words say: a kind of organisation or
//! place named just before it after a determiner ("the trade newsletter Copper Almanac", "the
//! cloud provider Nimbus"), or heading an appositive after it ("Green Valley, a logistics
//! company based in Ohio": not a place for its "Valley"), or a natural feature or boundary
//! right after it ("the Kuril peninsula": not an organisation).

use super::gazetteer::Gazetteer;
use super::mentions::DETERMINERS;
use crate::analysis::model::ActorKind;
use crate::analysis::tokens::{Token, TokenKind};

/// How many words an appositive's head may stand after its article ("a small regional cloud
/// provider").
const REACH: usize = 4;

/// The kind the words around the name of tokens `s..e` give it, if they give one.
pub fn kind(g: &Gazetteer, text: &str, tokens: &[Token], s: usize, e: usize) -> Option<ActorKind> {
    let word = |k: usize| tokens[k].text(text);
    let lower = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.kind == TokenKind::Word && t.text(text).starts_with(char::is_lowercase)
        })
    };
    // "the Kuril peninsula", "Ongjin island"
    if lower(e) && g.geo_nouns.contains(word(e)) {
        return Some(ActorKind::Place);
    }
    // "the trade newsletter Copper Almanac": a noun of organisations right before the name,
    // a determiner before it or before one word before it ("The other was insurer Thierry
    // Dehaan" is none; a place noun so written is as often a clause's subject: "the district
    // SOLIDERE is rebuilding"), and no census first name opening the name
    if s > 1
        && lower(s - 1)
        && g.descriptor_nouns.contains(word(s - 1))
        && !(e > s + 1 && g.first_names.contains(word(s)))
        && (s.saturating_sub(3)..s - 1)
            .any(|k| DETERMINERS.contains(&word(k)) && (k + 2 == s || lower(k + 1)))
    {
        return Some(ActorKind::Organization);
    }
    // "Green Valley, a logistics company": the first kind noun after the article that no
    // title follows ("Ana Ruiz, a company spokeswoman" is a person)
    if tokens.get(e).is_some_and(|t| t.text(text) == ",")
        && tokens
            .get(e + 1)
            .is_some_and(|t| DETERMINERS.contains(&t.text(text)))
    {
        let mut k = e + 2;
        while k < (e + 2 + REACH).min(tokens.len()) && lower(k) {
            // a title or another kind noun after it is the head ("a river port")
            let head = !lower(k + 1) || {
                let next = word(k + 1);
                !g.is_title(next) && noun_kind(g, next).is_none()
            };
            if let Some(kind) = noun_kind(g, word(k)).filter(|_| head) {
                return Some(kind);
            }
            k += 1;
        }
    }
    None
}

/// The kind a lower-case noun of organisations or places names.
fn noun_kind(g: &Gazetteer, w: &str) -> Option<ActorKind> {
    if g.descriptor_nouns.contains(w) {
        Some(ActorKind::Organization)
    } else if g.place_nouns.contains(w) || g.admin_nouns.contains(w) || g.geo_nouns.contains(w) {
        Some(ActorKind::Place)
    } else {
        None
    }
}
