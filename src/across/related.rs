//! What the library's claim groups say of each briefing's claims, as the reader shows it:
//! "also reported by 3 briefings (2 sources)", "contradicted by 1", and where those other
//! claims are, to go to them. Made from the groups (`claims.rs`) once for the whole
//! library, then looked up by briefing path and claim words; a group the analyst rejected
//! says nothing.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use super::Briefing;
use super::claims::{Group, source};
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

/// What the library says of one claim.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Across {
    /// The claims of other briefings that say the same.
    pub also: Vec<Other>,
    /// How many other briefings those come from, and how many independent sources.
    pub briefings: usize,
    pub sources: usize,
    /// The claims of other briefings that deny it, or that it denies.
    pub against: Vec<Other>,
    /// How many other briefings those come from.
    pub contradicting: usize,
}

impl Across {
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
        if self.contradicting > 0 {
            out.push(format!("contradicted by {}", self.contradicting));
        }
        out
    }

    /// Every other claim, those that say the same first.
    pub fn others(&self) -> impl Iterator<Item = (Relation, &Other)> {
        let also = self.also.iter().map(|o| (Relation::Corroborates, o));
        also.chain(self.against.iter().map(|o| (Relation::Contradicts, o)))
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
    let briefings = super::load(index, roots)?;
    let linked = super::link::link(&briefings, decided);
    let groups = super::claims::group(&briefings, &linked, decided, |b| {
        index.text(&b.path).ok().flatten()
    });
    Ok(related(&briefings, &linked, &groups))
}

/// The groups looked at from each of their claims.
pub fn related(briefings: &[Briefing], linked: &Linked, groups: &[Group]) -> Related {
    let mut related = Related::default();
    let other = |b: usize, quote: &str| Other {
        path: briefings[b].path.clone(),
        title: briefings[b].title.clone(),
        published: briefings[b].published.clone(),
        url: briefings[b].url.clone(),
        publisher: briefings[b].publisher.clone(),
        quote: quote.to_string(),
    };
    for g in groups {
        if g.decision == Some(Decision::Rejected) {
            continue;
        }
        for m in &g.members {
            let (b, _) = m.claim;
            let others: Vec<_> = g
                .members
                .iter()
                .filter(|o| o.claim.0 != b)
                .filter(|o| g.relation == Relation::Corroborates || o.side != m.side)
                .collect();
            if others.is_empty() {
                continue;
            }
            let count: BTreeSet<usize> = others.iter().map(|o| o.claim.0).collect();
            let entry = related
                .by_path
                .entry(briefings[b].path.clone())
                .or_default()
                .entry(m.quote.clone())
                .or_default();
            let listed = others.iter().map(|o| other(o.claim.0, &o.quote));
            match g.relation {
                Relation::Corroborates => {
                    entry.also.extend(listed);
                    entry.briefings = count.len();
                    let sources: BTreeSet<String> = others
                        .iter()
                        .map(|o| source(&briefings[o.claim.0], o.claim, linked))
                        .collect();
                    entry.sources = sources.len();
                }
                Relation::Contradicts => {
                    entry.against.extend(listed);
                    let all: BTreeSet<&PathBuf> = entry.against.iter().map(|o| &o.path).collect();
                    entry.contradicting = all.len();
                }
            }
        }
    }
    related
}
