//! The source register: per source (a library actor that is the source of a claim in some
//! briefing), the claims it made across the library, how the analyst reviewed them (each
//! briefing's review, read from the store), the Admiralty grades given, a suggested
//! reliability letter by the rule of [`suggest`], and the analyst's own letter from the
//! library review. The Admiralty code gives reliability to the source, earned over time:
//! this is where the reviews of every briefing add up to it.

use std::collections::BTreeMap;

use super::Briefing;
use super::claims::source_actors;
use super::link::Linked;
use super::review::LibraryReview;
use crate::index::Index;
use crate::review::{BriefingKey, ClaimReview, Review, Status, Store};

/// Fewer claims supported or disputed than this, and the source cannot be judged (F).
pub const LEAST_JUDGED: usize = 3;
/// At least this many supported or disputed to be completely reliable (A).
pub const ENOUGH_FOR_A: usize = 10;

/// One source of the register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The library actor.
    pub actor: usize,
    /// The claims it is the source of, in every briefing.
    pub claims: usize,
    /// Those the analyst reviewed, by status ("supported": 3).
    pub reviewed: BTreeMap<String, usize>,
    /// The Admiralty grades given to its claims ("B2": 1).
    pub grades: BTreeMap<String, usize>,
    /// By the rule of [`suggest`].
    pub suggested: char,
    /// The analyst's letter, from the library review.
    pub reliability: Option<char>,
}

/// The Admiralty source reliability letter its reviewed claims suggest. Of the claims the
/// analyst marked supported or disputed (unverified ones and those that are not claims
/// decide nothing): fewer than 3, F (cannot be judged); else by the share supported: A
/// (completely reliable) at least 90% of at least 10, B (usually reliable) at least 75%, C
/// (fairly reliable) at least 50%, D (not usually reliable) at least 25%, E (unreliable)
/// below.
pub fn suggest(supported: usize, disputed: usize) -> char {
    let judged = supported + disputed;
    if judged < LEAST_JUDGED {
        return 'F';
    }
    let share = supported * 100 / judged;
    match share {
        90.. if judged >= ENOUGH_FOR_A => 'A',
        75.. => 'B',
        50.. => 'C',
        25.. => 'D',
        _ => 'E',
    }
}

/// A briefing's review as `store` holds it, with the briefing's text from `index` (none
/// without either): what [`register`] reads.
pub fn stored<'a>(
    store: &'a Store,
    index: &'a Index,
) -> impl Fn(&Briefing) -> Option<(Review, String)> + 'a {
    move |b| {
        let key = BriefingKey::for_briefing(Some(&b.path), &b.fingerprint);
        let review = store.peek(&key)?;
        Some((review, index.text(&b.path).ok().flatten()?))
    }
}

/// The register: every library actor that is the source of a claim, most claims first.
/// `review` gives a briefing's review as stored with the briefing's text (none when it has
/// no review).
pub fn register(
    briefings: &[Briefing],
    linked: &Linked,
    decided: &LibraryReview,
    review: impl Fn(&Briefing) -> Option<(Review, String)>,
) -> Vec<Source> {
    let mut by_actor: BTreeMap<usize, Source> = BTreeMap::new();
    for (b, briefing) in briefings.iter().enumerate() {
        let stored = review(briefing);
        for claim in &briefing.claims {
            let actors = source_actors(briefing, b, claim, linked);
            if actors.is_empty() {
                continue;
            }
            let reviewed = stored
                .as_ref()
                .and_then(|(r, text)| reviewed(&r.claims, text, claim.start, claim.end));
            for actor in actors {
                let source = by_actor.entry(actor).or_insert_with(|| Source {
                    actor,
                    claims: 0,
                    reviewed: BTreeMap::new(),
                    grades: BTreeMap::new(),
                    suggested: 'F',
                    reliability: None,
                });
                source.claims += 1;
                let Some(r) = reviewed else { continue };
                if r.status != Status::Unreviewed {
                    *source
                        .reviewed
                        .entry(r.status.as_str().to_string())
                        .or_default() += 1;
                }
                if let Some(grade) = r.grade {
                    *source.grades.entry(grade.to_string()).or_default() += 1;
                }
            }
        }
    }
    let mut register: Vec<Source> = by_actor.into_values().collect();
    for source in &mut register {
        let count = |s: Status| source.reviewed.get(s.as_str()).copied().unwrap_or(0);
        source.suggested = suggest(count(Status::Supported), count(Status::Disputed));
        let actor = &linked.actors[source.actor];
        let names = std::iter::once(&actor.name).chain(&actor.aliases);
        source.reliability = decided.reliability(names);
    }
    register.sort_by(|x, y| {
        let name = |s: &Source| &linked.actors[s.actor].name;
        y.claims.cmp(&x.claims).then_with(|| name(x).cmp(name(y)))
    });
    register
}

/// The review of the claim at `start..end` (code points) of `text`: the one at the very
/// same place, else over the same words, else the one overlapping it most, by more than
/// half of either.
fn reviewed<'a>(
    claims: &'a [ClaimReview],
    text: &str,
    start: usize,
    end: usize,
) -> Option<&'a ClaimReview> {
    let overlap = |r: &ClaimReview| r.end.min(end).saturating_sub(r.start.max(start));
    claims
        .iter()
        .find(|r| r.start == start && r.end == end)
        .or_else(|| {
            let words = super::words(text, start, end);
            claims.iter().find(|r| r.quote.exact == words)
        })
        .or_else(|| {
            claims
                .iter()
                .filter(|r| {
                    let o = overlap(r) * 2;
                    o > end - start || o > r.end.saturating_sub(r.start)
                })
                .max_by_key(|r| overlap(r))
        })
}

#[cfg(test)]
mod tests {
    use super::suggest;

    #[test]
    fn the_suggested_letter_follows_the_share_supported_of_enough_claims() {
        assert_eq!(suggest(2, 0), 'F');
        assert_eq!(suggest(0, 2), 'F');
        assert_eq!(suggest(9, 0), 'B');
        assert_eq!(suggest(10, 0), 'A');
        assert_eq!(suggest(9, 1), 'A');
        assert_eq!(suggest(8, 2), 'B');
        assert_eq!(suggest(2, 1), 'C');
        assert_eq!(suggest(1, 2), 'D');
        assert_eq!(suggest(1, 4), 'E');
    }
}
