//! What the library's claim groups say of each briefing's claims, as the reader shows it:
//! "also reported by 3 briefings (2 sources)", "contradicted by 1", and where those other
//! claims are, to go to them. Made from the groups (`claims.rs`) once for the whole
//! library, then looked up by briefing path and claim words; a group the analyst rejected
//! says nothing.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use super::Library;
use super::claims::{Group, Side, source};
use super::link::Linked;
use super::review::{Decision, LibraryReview, Relation};
use crate::index::{Index, IndexError};

/// A claim of another briefing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Other {
    pub path: PathBuf,
    pub title: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub publisher: Option<String>,
    /// The claim's words, as they are found again in that briefing.
    pub quote: String,
}

impl Other {
    /// "The engine deal (2025-02-10)": its briefing by title and date, as the reader lists it.
    pub fn briefing(&self) -> String {
        let title = self.title.as_deref().unwrap_or("untitled");
        let date = self.published.as_deref().unwrap_or("no date");
        format!("{title} ({date})")
    }
}

/// How an other claim stands to this one, in a word: "also" or "against".
pub fn how(relation: Relation) -> &'static str {
    match relation {
        Relation::Corroborates => "also",
        Relation::Contradicts => "against",
    }
}

/// A claim of a group, with the briefing it is in and its side in a contradiction.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Held {
    briefing: usize,
    side: Option<Side>,
    other: Other,
}

/// What the library says of one claim. Each group's claims are held once, shared by every
/// claim of it, so a group of n claims costs n, not n squared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Across {
    /// The claim's briefing and its side in each group it is in.
    own: usize,
    groups: Vec<(Relation, Option<Side>, Arc<Vec<Held>>)>,
    /// How many other briefings report the same, and how many independent sources those
    /// claims have.
    pub briefings: usize,
    pub sources: usize,
    /// The other briefings that deny it, or are denied by it.
    against: BTreeSet<usize>,
}

impl Across {
    /// How many other briefings deny it, or are denied by it.
    pub fn contradicting(&self) -> usize {
        self.against.len()
    }

    /// "also reported by 3 briefings (2 sources)", "contradicted by 1": the parts that apply.
    pub fn said(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.briefings > 0 {
            out.push(format!(
                "also reported by {} briefing{} ({} source{})",
                self.briefings,
                plural(self.briefings),
                self.sources,
                plural(self.sources)
            ));
        }
        if self.contradicting() > 0 {
            out.push(format!("contradicted by {}", self.contradicting()));
        }
        out
    }

    /// Every other briefing's claim, those that say the same first.
    pub fn others(&self) -> impl Iterator<Item = (Relation, &Other)> {
        let of = move |relation: Relation| {
            self.groups
                .iter()
                .filter(move |(r, ..)| *r == relation)
                .flat_map(move |(r, side, held)| {
                    held.iter()
                        .filter(move |h| h.briefing != self.own)
                        .filter(move |h| *r == Relation::Corroborates || h.side != *side)
                        .map(move |h| (*r, &h.other))
                })
        };
        of(Relation::Corroborates).chain(of(Relation::Contradicts))
    }

    /// The other briefings' claims that say the same.
    pub fn also(&self) -> impl Iterator<Item = &Other> {
        self.others()
            .filter(|(r, _)| *r == Relation::Corroborates)
            .map(|(_, o)| o)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Each briefing's claims that other briefings report or contradict, by the briefing's path
/// and the claim's words.
#[derive(Debug, Clone, Default)]
pub struct Related {
    by_path: HashMap<PathBuf, HashMap<String, Across>>,
}

impl Related {
    /// What the library says of the claims of the briefing at `path` (the index's key: its
    /// canonical path), by their words.
    pub fn of(&self, path: &std::path::Path) -> Option<&HashMap<String, Across>> {
        self.by_path.get(path)
    }
}

/// What the claim groups of the briefings indexed under `roots` (every one when empty) say
/// of each claim, with the analyst's decisions.
pub fn from_index(
    index: &Index,
    roots: &[PathBuf],
    decided: &LibraryReview,
) -> Result<Related, IndexError> {
    index.at_once(|index| {
        let briefings = super::load(index, roots)?;
        let linked = super::link::link(&briefings, decided);
        let groups = super::claims::group(&briefings, &linked, decided, |b| {
            index.text(&b.path).ok().flatten()
        });
        Ok(related(&briefings, &linked, &groups))
    })
}

/// The groups looked at from each of their claims.
pub fn related(briefings: &Library, linked: &Linked, groups: &[Group]) -> Related {
    let mut related = Related::default();
    for g in groups {
        if g.decision == Some(Decision::Rejected) {
            continue;
        }
        let held: Arc<Vec<Held>> = Arc::new(
            g.members
                .iter()
                .map(|m| {
                    let b = &briefings[m.claim.0];
                    Held {
                        briefing: m.claim.0,
                        side: m.side,
                        other: Other {
                            path: b.path.clone(),
                            title: b.title.clone(),
                            published: b.published.clone(),
                            url: b.url.clone(),
                            publisher: b.publisher.clone(),
                            quote: m.quote.clone(),
                        },
                    }
                })
                .collect(),
        );
        // how many of the group's claims each briefing and each source has, on each side, so
        // that each claim's count of the others is a subtraction
        let sources: Vec<String> = g
            .members
            .iter()
            .map(|m| source(&briefings[m.claim.0], m.claim, linked))
            .collect();
        let mut on_side: HashMap<Option<Side>, BTreeSet<usize>> = HashMap::new();
        let mut by_source: HashMap<&str, usize> = HashMap::new();
        let mut by_briefing: HashMap<usize, HashMap<&str, usize>> = HashMap::new();
        for (m, source) in g.members.iter().zip(&sources) {
            on_side.entry(m.side).or_default().insert(m.claim.0);
            *by_source.entry(source).or_default() += 1;
            *by_briefing
                .entry(m.claim.0)
                .or_default()
                .entry(source)
                .or_default() += 1;
        }
        let everyone: BTreeSet<usize> = g.members.iter().map(|m| m.claim.0).collect();
        for m in &g.members {
            let (b, side) = (m.claim.0, m.side);
            // the briefings of the claims it is compared with: the group's, or the other side's
            let with = match (g.relation, side) {
                (Relation::Corroborates, _) => &everyone,
                (_, Some(Side::A)) => &on_side[&Some(Side::B)],
                _ => &on_side[&Some(Side::A)],
            };
            let other_briefings = with.len() - usize::from(with.contains(&b));
            if other_briefings == 0 {
                continue;
            }
            let entry = related
                .by_path
                .entry(briefings[b].path.clone())
                .or_default()
                .entry(m.quote.clone())
                .or_insert_with(|| Across {
                    own: b,
                    ..Across::default()
                });
            entry.groups.push((g.relation, side, held.clone()));
            match g.relation {
                Relation::Corroborates => {
                    entry.briefings = other_briefings;
                    // a source only this briefing's claims have is not another's
                    let mine = &by_briefing[&b];
                    entry.sources = by_source
                        .iter()
                        .filter(|(s, n)| **n > mine.get(**s).copied().unwrap_or(0))
                        .count();
                }
                Relation::Contradicts => {
                    entry.against.extend(with.iter().filter(|&&o| o != b));
                }
            }
        }
    }
    related
}
