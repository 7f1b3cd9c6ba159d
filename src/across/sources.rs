//! The source register: per source (a library actor that is the source of a claim in some
//! briefing), the claims it made across the library, how the analyst reviewed them (each
//! briefing's review, read from the store), the Admiralty grades given, a suggested
//! reliability letter by the rule of [`suggest`], and the analyst's own letter from the
//! library review. The Admiralty code gives reliability to the source, earned over time:
//! this is where the reviews of every briefing add up to it.

use std::collections::BTreeMap;

use super::claims::source_actors;
use super::link::Linked;
use super::review::LibraryReview;
use super::{Briefing, Library};
use crate::index::Index;
use crate::review::{BriefingKey, ClaimReview, Grade, Review, Status, Store};

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

/// What the analyst's reviews of a source's claims say of it: the claims found true and
/// false, and the reliability letters given with their grades.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Weighed {
    pub supported: usize,
    pub disputed: usize,
    /// How many claims were graded A, B, C, D, E (F, cannot be judged, says nothing).
    pub letters: [usize; 5],
}

impl Weighed {
    /// Adds one claim's review: marked supported or disputed, else, not yet given a status,
    /// by its grade's credibility (1 confirmed, 2 probably true: supported; 4 doubtful, 5
    /// improbable: disputed; 3 and 6 nothing); its grade's letter counted, unless it is not
    /// a claim.
    pub fn add(&mut self, status: Status, grade: Option<Grade>) {
        match (status, grade.map(Grade::credibility)) {
            (Status::Supported, _) | (Status::Unreviewed, Some(1 | 2)) => self.supported += 1,
            (Status::Disputed, _) | (Status::Unreviewed, Some(4 | 5)) => self.disputed += 1,
            _ => {}
        }
        let letter = grade.filter(|_| status != Status::Rejected);
        if let Some(n) = letter.and_then(|g| "ABCDE".find(g.reliability())) {
            self.letters[n] += 1;
        }
    }
}

/// The Admiralty source reliability letter its reviewed claims suggest (README's rule). Of
/// the claims found true or false (marked supported or disputed, else graded 1-2 or 4-5):
/// fewer than 3, F (cannot be judged); else by the share supported: A (completely
/// reliable) at least 90% of at least 10, B (usually reliable) at least 75%, C (fairly
/// reliable) at least 50%, D (not usually reliable) at least 25%, E (unreliable) below.
/// When the analyst gave letters A-E to at least 3 of its claims, the letter given most
/// often (the less reliable on a tie) stands for F, and for a more reliable letter: the
/// analyst's own judgement of the source is not overruled upwards.
pub fn suggest(weighed: &Weighed) -> char {
    let Weighed {
        supported,
        disputed,
        letters,
    } = *weighed;
    let judged = supported + disputed;
    let by_share = if judged < LEAST_JUDGED {
        'F'
    } else {
        match supported * 100 / judged {
            90.. if judged >= ENOUGH_FOR_A => 'A',
            75.. => 'B',
            50.. => 'C',
            25.. => 'D',
            _ => 'E',
        }
    };
    if letters.iter().sum::<usize>() < LEAST_JUDGED {
        return by_share;
    }
    // the most given, the last (less reliable) of equals
    let most = (0..5).max_by_key(|&n| (letters[n], n)).unwrap_or(0);
    let given = char::from(b'A' + most as u8);
    if by_share == 'F' || given > by_share {
        given
    } else {
        by_share
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
    briefings: &Library,
    linked: &Linked,
    decided: &LibraryReview,
    review: impl Fn(&Briefing) -> Option<(Review, String)>,
) -> Vec<Source> {
    let mut by_actor: BTreeMap<usize, Source> = BTreeMap::new();
    let mut weighed: BTreeMap<usize, Weighed> = BTreeMap::new();
    for (b, briefing) in briefings.iter().enumerate() {
        let stored = review(briefing);
        for claim in briefing.claims.iter() {
            let actors = source_actors(briefing, b, claim, linked);
            if actors.is_empty() {
                continue;
            }
            let reviewed = stored.as_ref().and_then(|(r, text)| {
                reviewed(&r.claims, text, claim.start as usize, claim.end as usize)
            });
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
                weighed.entry(actor).or_default().add(r.status, r.grade);
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
        let given = weighed.remove(&source.actor).unwrap_or_default();
        source.suggested = suggest(&given);
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
    use super::{Grade, Status, Weighed, suggest};

    #[test]
    fn the_suggested_letter_follows_the_share_supported_of_enough_claims() {
        let share = |supported, disputed| {
            suggest(&Weighed {
                supported,
                disputed,
                letters: [0; 5],
            })
        };
        assert_eq!(share(2, 0), 'F');
        assert_eq!(share(0, 2), 'F');
        assert_eq!(share(9, 0), 'B');
        assert_eq!(share(10, 0), 'A');
        assert_eq!(share(9, 1), 'A');
        assert_eq!(share(8, 2), 'B');
        assert_eq!(share(2, 1), 'C');
        assert_eq!(share(1, 2), 'D');
        assert_eq!(share(1, 4), 'E');
    }

    #[test]
    fn the_analysts_grades_count_and_their_letters_are_not_overruled_upwards() {
        let grade = |g: &str| Some(g.parse::<Grade>().unwrap());
        // graded claims with no status: credibility 1-2 supports, 4-5 disputes, 3 nothing
        let mut weighed = Weighed::default();
        for g in ["B1", "B2", "B2", "C3", "B4"] {
            weighed.add(Status::Unreviewed, grade(g));
        }
        assert_eq!((weighed.supported, weighed.disputed), (3, 1));
        // 75% supported gives B, and B is the letter given most
        assert_eq!(suggest(&weighed), 'B');
        // a status wins over the grade's credibility
        weighed.add(Status::Disputed, grade("D1"));
        assert_eq!((weighed.supported, weighed.disputed), (3, 2));
        // letters given: four B, then as many D (the less reliable of equals); an unverified
        // claim's grade says nothing of its truth, and what is not a claim nothing at all
        for g in ["D2", "D2", "D6"] {
            weighed.add(Status::Unverified, grade(g));
        }
        weighed.add(Status::Rejected, grade("A1"));
        assert_eq!((weighed.supported, weighed.disputed), (3, 2));
        assert_eq!(weighed.letters, [0, 4, 1, 4, 0]);
        assert_eq!(suggest(&weighed), 'D', "60% supported (C), but graded D");
        // graded more reliable than the share: the share stands
        weighed.letters = [0, 5, 0, 0, 0];
        assert_eq!(suggest(&weighed), 'C');
        // too few found true or false: the letters given alone
        let mut few = Weighed::default();
        for g in ["A6", "A3", "B6"] {
            few.add(Status::Unreviewed, grade(g));
        }
        assert_eq!(suggest(&few), 'A');
        // F given says nothing
        let mut unjudged = Weighed::default();
        for g in ["F6", "F6", "F6"] {
            unjudged.add(Status::Unreviewed, grade(g));
        }
        assert_eq!(suggest(&unjudged), 'F');
    }
}
