//! Roles and affiliations, from a title before a person's name ("Defense Secretary Lloyd
//! Austin", "Russian President ...") and from an apposition after it ("Shin Wonsik, South
//! Korea's National Security Director,").

use super::cluster::Clustered;
use super::gazetteer::GAZETTEER;
use super::mentions::{Candidate, ending_at, starting_at};
use super::nominals::FUNCTION_RANK;
use crate::analysis::model::ActorKind;
use crate::analysis::tokens::{Token, TokenKind, is_possessive};

/// The longest apposition read as a role, in words.
const MAX_ROLE_WORDS: usize = 6;

pub fn assign(text: &str, tokens: &[Token], cands: &[Candidate], out: &mut Clustered) {
    let ending_at = |k: usize| ending_at(cands, k);
    for (i, c) in cands.iter().enumerate() {
        let Some(a) = out.actor_of[i] else { continue };
        if out.actors[a].kind != ActorKind::Person || out.actors[a].role.is_some() {
            continue;
        }
        let found = if let Some((ts, te)) = c.title {
            // "Russian President X", "South Korea's Defense Minister X"
            let before = ending_at(ts).or_else(|| {
                (ts > 0 && is_possessive(tokens[ts - 1].text(text)))
                    .then(|| ending_at(ts - 1))
                    .flatten()
            });
            // a rank with no organisation, then the post that names one: "Colonel X, a JCS
            // spokeswoman" is the JCS's spokeswoman
            let post = apposition(text, tokens, c.tokens.1, cands)
                .filter(|(_, by)| before.is_none() && by.is_some());
            post.or(Some(((ts, te), before)))
        } else {
            role_before(text, tokens, c.tokens.0, cands)
                .or_else(|| apposition(text, tokens, c.tokens.1, cands))
                .or_else(|| role_ahead(text, tokens, c.tokens.0, cands))
        };
        let Some(((rs, re), by)) = found else {
            continue;
        };
        let role = words_between(text, tokens, rs, re);
        let affiliation = by
            .and_then(|j| out.actor_of[j])
            .filter(|&b| b != a && out.actors[b].kind != ActorKind::Person);
        out.actors[a].role = Some(role);
        out.actors[a].affiliation = affiliation;
    }
}

pub fn words_between(text: &str, tokens: &[Token], s: usize, e: usize) -> String {
    text[tokens[s].span.start..tokens[e - 1].span.end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_title(word: &str) -> bool {
    let g = &*GAZETTEER;
    g.is_title(word) && !g.honorifics.contains(word)
}

/// "Kremlin spokesman X", "EU foreign policy chief X", "Hamas's military commander X": role
/// words in lower case right before a person's name, the last a title, and before them the
/// name of the organisation or country the person belongs to (with its possessive or not):
/// the role's token range and that name's candidate.
fn role_before(
    text: &str,
    tokens: &[Token],
    start: usize,
    cands: &[Candidate],
) -> Option<((usize, usize), Option<usize>)> {
    let word = |k: usize| tokens[k].text(text);
    let lower =
        |k: usize| tokens[k].kind == TokenKind::Word && word(k).starts_with(char::is_lowercase);
    if start == 0 || !lower(start - 1) || !is_title(word(start - 1)) {
        return None;
    }
    let mut s = start - 1;
    while s > 0 && start - s < MAX_ROLE_WORDS && lower(s - 1) && modifies(word(s - 1)) {
        s -= 1;
    }
    let owner = ending_at(cands, s).or_else(|| {
        (s > 0 && is_possessive(word(s - 1)))
            .then(|| ending_at(cands, s - 1))
            .flatten()
    })?;
    Some(((s, start), Some(owner)))
}

/// "A spokeswoman, X", "Acme's chief executive, X", "The Humanitarian Coordinator, X": role
/// words ending in a title, after an article or an owner's possessive, set off by a comma
/// before a person's name: the role's token range and the owner's candidate. Not after a
/// name and its comma ("Ana Ruiz, the director, Jo Ames ..." gives the role to Ana Ruiz).
fn role_ahead(
    text: &str,
    tokens: &[Token],
    start: usize,
    cands: &[Candidate],
) -> Option<((usize, usize), Option<usize>)> {
    let word = |k: usize| tokens[k].text(text);
    if start < 3 || word(start - 1) != "," {
        return None;
    }
    let end = start - 1;
    let last = word(end - 1);
    if !(is_title(last) || is_title(&last.to_lowercase())) {
        return None;
    }
    let article = |w: &str| matches!(w, "a" | "an" | "the" | "A" | "An" | "The");
    let role_word = |k: usize| {
        let w = word(k);
        tokens[k].kind == TokenKind::Word
            && !article(w)
            && tokens[k].sentence == tokens[end].sentence
            && !is_possessive(w)
            && ending_at(cands, k + 1).is_none()
            && (is_title(w) || modifies(&w.to_lowercase()))
    };
    let mut s = end;
    while s > 0 && end - s < MAX_ROLE_WORDS && role_word(s - 1) {
        s -= 1;
    }
    if s == end || s == 0 {
        return None;
    }
    let before = word(s - 1);
    let owner = if article(before) {
        let after_name = s >= 2 && word(s - 2) == "," && ending_at(cands, s - 2).is_some();
        if after_name {
            return None;
        }
        None
    } else if is_possessive(before) {
        ending_at(cands, s - 1)
    } else {
        return None;
    };
    Some(((s, end), owner))
}

/// Whether a lower-case word may modify a title ("foreign policy", "deputy", "top"): a title
/// itself, or no function word of the commonest, verb of saying or past participle ("the",
/// "and", "said", "named").
fn modifies(word: &str) -> bool {
    let g = &*GAZETTEER;
    g.is_title(word)
        || !(g.rank(word).is_some_and(|r| r < FUNCTION_RANK)
            || g.said_verbs.contains(word)
            || word.ends_with("ed"))
}

/// ", [the] [Country's] role words [of Org]," after a name: the role's token range and the
/// candidate it belongs to.
fn apposition(
    text: &str,
    tokens: &[Token],
    after: usize,
    cands: &[Candidate],
) -> Option<((usize, usize), Option<usize>)> {
    let starting_at = |k: usize| starting_at(cands, k);
    let word = |k: usize| tokens.get(k).map(|t| t.text(text));
    if word(after) != Some(",") {
        return None;
    }
    let mut k = after + 1;
    if matches!(word(k), Some("the" | "a" | "an")) {
        k += 1;
    }
    let mut by = None;
    if let Some(j) = starting_at(k) {
        by = Some(j);
        k = cands[j].tokens.1;
        if word(k).is_some_and(is_possessive) {
            k += 1;
        }
    }
    let (role, of) = role_at(text, tokens, k, cands)?;
    Some((role, by.or(of)))
}

/// Role words from token `start` ("National Security Director", "president of Acme"): their
/// token range, and the candidate after "of"/"at"/"for" they belong to.
pub fn role_at(
    text: &str,
    tokens: &[Token],
    start: usize,
    cands: &[Candidate],
) -> Option<((usize, usize), Option<usize>)> {
    let starting_at = |k: usize| starting_at(cands, k);
    let word = |k: usize| tokens.get(k).map(|t| t.text(text));
    let mut by = None;
    let mut k = start;
    while k < tokens.len() && k - start < MAX_ROLE_WORDS {
        let t = tokens[k];
        // "..., and his father": no role
        let clause = matches!(
            word(k),
            Some("and" | "or" | "but" | "who" | "which" | "that" | "his" | "her" | "its" | "their")
        );
        if t.kind != TokenKind::Word || starting_at(k).is_some() || clause {
            break;
        }
        if matches!(word(k), Some("of" | "at" | "for")) {
            by = starting_at(k + 1);
            break;
        }
        k += 1;
    }
    let end = k;
    (end > start && word(end - 1).is_some_and(is_title)).then_some(((start, end), by))
}
