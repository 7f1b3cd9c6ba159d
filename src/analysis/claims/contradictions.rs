//! Denials and what they deny: a claim that denies (by its cue, or by negating its content)
//! is linked to earlier claims stating the same proposition, judged by shared content words.

use std::cell::OnceCell;

use foldhash::{HashSet, HashSetExt};

use super::lexicon::{Class, Lexicon};
use crate::analysis::model::{Claim, ClaimKind};
use crate::analysis::tokens::is_capitalised;

/// Calls `f` with each word of a claim's text, lower-cased with a typographic apostrophe
/// made straight, and whether it is written capitalised. One buffer serves every word: ASCII
/// words (nearly all) are lowered in it without allocating.
fn for_each_word(text: &str, claim: &Claim, mut f: impl FnMut(&str, bool)) {
    let whole = [claim.span];
    let pieces = claim.fragments.as_deref().unwrap_or(&whole);
    let mut lower = String::new();
    for piece in pieces {
        let content = text.get(piece.start..piece.end).unwrap_or("");
        for word in content
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
        {
            lower.clear();
            if word.is_ascii() {
                lower.push_str(word);
                lower.make_ascii_lowercase();
            } else {
                // as a whole, for the context of a final sigma
                lower.push_str(&word.to_lowercase().replace('’', "'"));
            }
            f(&lower, is_capitalised(word));
        }
    }
}

fn is_negation(word: &str, lexicon: &Lexicon) -> bool {
    lexicon.is(Class::Negation, word) || word.ends_with("n't")
}

/// Whether a claim negates its content.
fn negated(text: &str, claim: &Claim, lexicon: &Lexicon) -> bool {
    let mut negated = false;
    for_each_word(text, claim, |word, _| {
        negated = negated || is_negation(word, lexicon);
    });
    negated
}

/// A claim's content words: stemmed, without negations, function words and names, which
/// say who and where rather than what.
fn content_words(text: &str, claim: &Claim, lexicon: &Lexicon) -> HashSet<String> {
    let mut words = HashSet::new();
    for_each_word(text, claim, |word, name| {
        if !name
            && !is_negation(word, lexicon)
            && !lexicon.is(Class::Stop, word)
            && !lexicon.is(Class::Aux, word)
        {
            words.insert(stem(word).to_string());
        }
    });
    words
}

/// The stem of the noun a denial denies when its content opens with that noun after a
/// determiner and the noun names what a source puts out ("the report", "the report on
/// Monday", "these allegations of fraud", `reported` in `claim_words.tsv`).
fn denied_source(text: &str, claim: &Claim, lexicon: &Lexicon) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    for_each_word(text, claim, |word, _| words.push(word.to_string()));
    match &words[..] {
        [det, noun, ..]
            if lexicon.is(Class::Determiner, det) && lexicon.is(Class::Reported, noun) =>
        {
            Some(stem(noun).to_string())
        }
        _ => None,
    }
}

/// A crude stem, enough to match "provided" with "provides".
fn stem(word: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s", "e"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.chars().count() >= 4
        {
            return stem;
        }
    }
    word
}

/// How many earlier claims a denial is compared with: what it denies is not far back.
const REACH: usize = 200;

/// Fills `contradicts` (claims must be in text order) and makes a negated assertion that
/// contradicts an earlier claim a denial.
pub fn link(claims: &mut [Claim], text: &str, lexicon: &Lexicon) {
    let negated: Vec<bool> = claims.iter().map(|c| negated(text, c, lexicon)).collect();
    // Content words are gathered only for the claims compared: most texts have no denial.
    let words: Vec<OnceCell<HashSet<String>>> = claims.iter().map(|_| OnceCell::new()).collect();
    let words_of = |k: usize, claims: &[Claim]| {
        words[k].get_or_init(|| content_words(text, &claims[k], lexicon))
    };
    // Lowered once a claim, not once a pair.
    let sources: Vec<Option<String>> = claims
        .iter()
        .map(|c| {
            c.source
                .as_ref()
                .and_then(|s| text.get(s.span.start..s.span.end))
                .map(str::to_lowercase)
        })
        .collect();
    for i in 0..claims.len() {
        let denial = claims[i].kind == ClaimKind::Denial;
        if !denial && !negated[i] {
            continue;
        }
        let words = words_of(i, claims);
        let denied: Vec<usize> = (i.saturating_sub(REACH)..i)
            .filter(|&j| {
                claims[j].kind != ClaimKind::Denial
                    && !negated[j]
                    && (sources[j].is_none() || sources[j] != sources[i])
                    && {
                        let shared = words.intersection(words_of(j, claims)).count();
                        shared >= 2 && shared * 2 >= words.len()
                    }
            })
            .collect();
        // "X denied the report": the nearest earlier claim the report is the source of
        let denied = if denied.is_empty() && denial {
            denied_source(text, &claims[i], lexicon)
                .and_then(|noun| {
                    (i.saturating_sub(REACH)..i).rev().find(|&j| {
                        claims[j].kind != ClaimKind::Denial
                            && sources[j].as_deref().is_some_and(|s| {
                                s.split(|c: char| !c.is_alphanumeric())
                                    .any(|w| stem(w) == noun)
                            })
                    })
                })
                .into_iter()
                .collect()
        } else {
            denied
        };
        if !denied.is_empty() && !denial {
            claims[i].kind = ClaimKind::Denial;
        }
        claims[i].contradicts = denied;
    }
}
