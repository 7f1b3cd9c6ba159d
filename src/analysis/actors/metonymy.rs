//! A capital travelled to or from is a place, not its government: "flights to Amman", "the
//! families who fled from Kabul on Monday". The recognition already makes a capital a place
//! after "in", "at", "near"; after "to" or "from" a capital is as often the government
//! addressed ("ties to Moscow", "pressure from Washington"), so the parse decides: the
//! capital hangs, by its preposition, on a noun or verb of going (`motion_words.txt`).

use super::gazetteer::{self, Entry, GAZETTEER};
use super::mentions::Candidate;
use crate::analysis::model::ActorKind;
use crate::analysis::syntax::Syntax;
use crate::analysis::tokens::Token;

/// The prepositions of going somewhere or leaving it.
fn of_motion(word: &str) -> bool {
    matches!(word, "to" | "from" | "toward" | "towards")
}

/// Whether a capital (a seat of government in the tables) of one or two words starts at
/// token `k`.
fn seat_at(text: &str, tokens: &[Token], k: usize) -> bool {
    let seat = |e: usize| {
        e <= tokens.len()
            && matches!(
                GAZETTEER.lookup(&gazetteer::key(
                    &text[tokens[k].span.start..tokens[e - 1].span.end]
                )),
                Some(Entry::Seat(_))
            )
    };
    tokens[k].is_word() && (seat(k + 1) || seat(k + 2))
}

/// The sentences to parse for [`places`]: those with a capital after "to" or "from".
pub fn wants_parse(text: &str) -> impl Fn(&[Token]) -> bool + '_ {
    move |sentence| {
        sentence.windows(2).enumerate().any(|(k, pair)| {
            of_motion(pair[0].text(text))
                && pair[1].text(text).starts_with(char::is_uppercase)
                && seat_at(text, sentence, k + 1)
        })
    }
}

/// Makes each capital that the parse hangs, by "to" or "from" just before it, on a word of
/// going a place of its own ([`ActorKind::Place`], no country's name), which
/// `affiliate_capitals` then ties to its country.
pub fn places(text: &str, tokens: &[Token], syntax: &Syntax, cands: &mut [Candidate]) {
    for c in cands.iter_mut() {
        let (s, e) = c.tokens;
        if c.kind != Some(ActorKind::Country)
            || s == 0
            || !of_motion(tokens[s - 1].text(text))
            || !matches!(
                GAZETTEER.lookup(&gazetteer::key(&text[c.span.start..c.span.end])),
                Some(Entry::Seat(_))
            )
        {
            continue;
        }
        // the preposition hangs on the name, and the name on a word of going
        let inside = |k: Option<usize>| k.is_some_and(|k| (s..e).contains(&k));
        let head = (s..e).find(|&k| !inside(syntax.head(k)));
        let going = head.and_then(|h| syntax.head(h)).is_some_and(|g| {
            GAZETTEER
                .motion_words
                .contains(tokens[g].text(text).to_lowercase().as_str())
        });
        if inside(syntax.head(s - 1)) && going {
            c.kind = Some(ActorKind::Place);
            c.canonical = None;
        }
    }
}
