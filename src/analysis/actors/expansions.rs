//! An organisation written out in full and known by its acronym is one name, however its
//! words were cut: "the Food Security and Nutrition Analysis Unit (FSNAU)", where "and" ended
//! the name after "Food Security", and "the Organization for Security and Co-operation in
//! Europe" in a text that writes "OSCE" too, where "in" ended it before "Europe". The
//! acronym's letters are the initials of the capitalised words, with the lower-case words of
//! `acronym_connectors.txt` between them: words that spell a name's acronym are that name.

use foldhash::HashSet;

use super::cluster::{initials_of, letters};
use super::gazetteer::GAZETTEER;
use super::mentions::{Candidate, is_acronym, is_mixed_acronym};
use crate::analysis::model::{ActorKind, MentionForm, Timex};
use crate::analysis::tokens::{Token, TokenKind, is_capitalised};
use crate::document::Span;

/// The fewest letters an acronym written apart from its expansion (not in brackets right
/// after it) must have to join names: two capitals are too often the initials of any two
/// names side by side.
const MIN_APART: usize = 3;

/// The most words an expansion may have.
const MAX_WORDS: usize = 14;

/// The candidates, with the names cut from an organisation's written-out name replaced by
/// that name, of kind organisation.
pub fn join(
    text: &str,
    tokens: &[Token],
    times: &[Timex],
    mut cands: Vec<Candidate>,
) -> Vec<Candidate> {
    let word = |k: usize| tokens[k].text(text);
    let acronym_at = |k: usize| {
        let w = word(k);
        (tokens[k].kind == TokenKind::Word && (is_acronym(w) || is_mixed_acronym(w)))
            .then(|| letters(w))
            .filter(|l| l.chars().count() >= 2)
    };
    // acronyms in brackets, each with the token where its expansion must end
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for k in 1..tokens.len().saturating_sub(1) {
        if k >= 2
            && word(k - 1) == "("
            && word(k + 1) == ")"
            && let Some(l) = acronym_at(k)
        {
            spans.extend(expansion_before(text, tokens, k - 1, &l));
        }
    }
    // acronyms anywhere, for expansions written elsewhere in the text
    let apart: HashSet<String> = (0..tokens.len())
        .filter_map(acronym_at)
        .filter(|l| l.chars().count() >= MIN_APART && !GAZETTEER.not_acronyms.contains(l.as_str()))
        .collect();
    if !apart.is_empty() {
        spans.extend(expansions_of(text, tokens, &apart));
    }
    spans.sort_unstable();
    spans.dedup();
    for (s, e) in spans {
        let span = Span::new(tokens[s].span.start, tokens[e - 1].span.end);
        if times
            .iter()
            .any(|t| t.span.start < span.end && span.start < t.span.end)
        {
            continue;
        }
        // the names found inside the span: none may cross its edges, and they must be more
        // than the span itself (a span with none, "Reactive Oxygen Species", is left to the
        // recognition, which may have seen that it names no actor)
        let first = cands.partition_point(|c| c.tokens.1 <= s);
        let last = cands.partition_point(|c| c.tokens.0 < e);
        let inside = &cands[first..last];
        if inside.is_empty()
            || inside.iter().any(|c| c.tokens.0 < s || c.tokens.1 > e)
            || inside.len() == 1 && inside[0].tokens == (s, e)
        {
            continue;
        }
        let joined = Candidate {
            span,
            tokens: (s, e),
            kind: Some(ActorKind::Organization),
            form: MentionForm::Name,
            canonical: None,
            compass: false,
            title: None,
        };
        cands.splice(first..last, [joined]);
    }
    cands
}

/// A lower-case word that may stand between the capitalised words of an expansion.
fn connects(w: &str) -> bool {
    GAZETTEER.acronym_connectors.contains(w)
}

/// The expansion whose initials are `letters`, ending just before token `end` (a bracket):
/// read backwards over capitalised words and connectors until every letter is matched.
fn expansion_before(
    text: &str,
    tokens: &[Token],
    end: usize,
    letters: &str,
) -> Option<(usize, usize)> {
    let sentence = tokens[end].sentence;
    let mut wanted = letters.chars().rev().peekable();
    let mut k = end;
    while k > 0 && end - k < MAX_WORDS {
        k -= 1;
        let t = &tokens[k];
        let w = t.text(text);
        if t.sentence != sentence || t.kind != TokenKind::Word {
            return None;
        }
        if is_capitalised(w) {
            let initial = w.chars().next()?;
            if wanted.next() != Some(initial) {
                return None;
            }
            if wanted.peek().is_none() {
                return Some((k, end));
            }
        } else if !(connects(w) && k + 1 < end) {
            return None;
        }
    }
    None
}

/// Spans of capitalised words and connectors, inside one sentence, whose initials are one of
/// `acronyms`, each from a capitalised word to a capitalised word.
fn expansions_of(text: &str, tokens: &[Token], acronyms: &HashSet<String>) -> Vec<(usize, usize)> {
    let longest = acronyms
        .iter()
        .map(|a| a.chars().count())
        .max()
        .unwrap_or(0);
    let capital =
        |k: usize| tokens[k].kind == TokenKind::Word && is_capitalised(tokens[k].text(text));
    let mut out = Vec::new();
    for s in 0..tokens.len() {
        if !capital(s) || is_acronym(tokens[s].text(text)) {
            continue;
        }
        let mut words: Vec<&str> = Vec::new();
        let mut e = s;
        while e < tokens.len() && e - s < MAX_WORDS && tokens[e].sentence == tokens[s].sentence {
            let w = tokens[e].text(text);
            if capital(e) && !is_acronym(w) {
                words.push(w);
                if words.len() > longest {
                    break;
                }
                let initials = initials_of(words.iter().copied());
                if words.len() >= MIN_APART && acronyms.contains(&initials) {
                    out.push((s, e + 1));
                }
            } else if !(tokens[e].kind == TokenKind::Word && connects(w)) {
                break;
            }
            e += 1;
        }
    }
    out
}
