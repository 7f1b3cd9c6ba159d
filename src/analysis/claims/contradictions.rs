//! Denials and what they deny: a claim that denies (by its cue, or by negating its content)
//! is linked to earlier claims stating the same proposition, judged by shared content words.

use foldhash::{HashSet, HashSetExt};

use super::lexicon::{Class, Lexicon};
use crate::analysis::model::{Claim, ClaimKind};
use crate::analysis::tokens::is_capitalised;

/// A claim's content words (stemmed, without function words and names, which say who and
/// where rather than what) and whether it is negated.
fn proposition(text: &str, claim: &Claim, lexicon: &Lexicon) -> (HashSet<String>, bool) {
    let pieces = claim.fragments.clone().unwrap_or_else(|| vec![claim.span]);
    let mut words = HashSet::new();
    let mut negated = false;
    for piece in pieces {
        let content = text.get(piece.start..piece.end).unwrap_or("");
        for word in content
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
        {
            let name = is_capitalised(word);
            let word = word.to_lowercase().replace('’', "'");
            if lexicon.is(Class::Negation, &word) || word.ends_with("n't") {
                negated = true;
            } else if !name && !lexicon.is(Class::Stop, &word) && !lexicon.is(Class::Aux, &word) {
                words.insert(stem(&word).to_string());
            }
        }
    }
    (words, negated)
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
    let props: Vec<_> = claims
        .iter()
        .map(|c| proposition(text, c, lexicon))
        .collect();
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
        let (words, negated) = &props[i];
        let denial = claims[i].kind == ClaimKind::Denial;
        if !denial && !negated {
            continue;
        }
        let denied: Vec<usize> = (i.saturating_sub(REACH)..i)
            .filter(|&j| {
                let (other, other_negated) = &props[j];
                claims[j].kind != ClaimKind::Denial
                    && !other_negated
                    && (sources[j].is_none() || sources[j] != sources[i])
                    && {
                        let shared = words.intersection(other).count();
                        shared >= 2 && shared * 2 >= words.len()
                    }
            })
            .collect();
        if !denied.is_empty() && !denial {
            claims[i].kind = ClaimKind::Denial;
        }
        claims[i].contradicts = denied;
    }
}
