//! The library review: what the analyst decided across briefings, in `library.json` beside
//! the briefings' reviews, written by the review store's machinery (`review::store`: a
//! lock on a sidecar file, a temporary file synced and renamed, a damaged file set aside).
//! A link is decided by the two names it joins, never by ids, so a decision outlives every
//! update of the index; decisions merge one by one, the newest of each pair winning, so
//! two instances saving at once lose nothing. A claim group is decided link by link, each
//! link by its two claims' briefing paths and words, so a decision outlives the group's ids.
//! A source's reliability letter is kept by the source's name, merged the same way.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::document::Warning;
use crate::review::store::{Store, StoreError};

/// The format written.
pub const SCHEMA: &str = "brief.library-review/1";

/// The file in the store's folder.
const FILE: &str = "library.json";

/// What the analyst said of a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    /// The two are the same actor (linked even when brief would not link them).
    Accepted,
    /// They are not (never linked directly, whatever brief finds).
    Rejected,
}

/// One decision about the link between two names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkDecision {
    /// The two names as the analyst gave them.
    pub names: [String; 2],
    /// None: a decision taken back (kept, so that it merges over an older one).
    pub decision: Option<Decision>,
    pub updated: Timestamp,
}

impl LinkDecision {
    /// What the decision is about: the two names as linking compares them, in order.
    pub fn key(&self) -> (String, String) {
        pair(&self.names[0], &self.names[1])
    }
}

/// Two names as a decision's key: compared as linking compares them (`link::normal`).
pub fn pair(a: &str, b: &str) -> (String, String) {
    let (a, b) = (super::link::normal(a), super::link::normal(b));
    if a <= b { (a, b) } else { (b, a) }
}

/// A claim as a decision names it: its briefing's path and its words.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ClaimKey {
    pub path: PathBuf,
    pub quote: String,
}

/// How two claims of different briefings are related.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// They say the same.
    Corroborates,
    /// One denies or disputes the other.
    Contradicts,
}

/// One decision about the link between two claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimDecision {
    pub claims: [ClaimKey; 2],
    pub relation: Relation,
    pub decision: Option<Decision>,
    pub updated: Timestamp,
}

impl ClaimDecision {
    pub fn key(&self) -> (Relation, ClaimKey, ClaimKey) {
        let [a, b] = self.claims.clone();
        if a <= b {
            (self.relation, a, b)
        } else {
            (self.relation, b, a)
        }
    }
}

/// The analyst's Admiralty reliability letter for a source, by its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDecision {
    pub name: String,
    /// A to F; none: taken back (kept, so that it merges over an older one).
    pub reliability: Option<char>,
    pub updated: Timestamp,
}

impl SourceDecision {
    /// The name as linking compares it.
    pub fn key(&self) -> String {
        super::link::normal(&self.name)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryReview {
    #[serde(default)]
    pub links: Vec<LinkDecision>,
    /// Decisions on links between claims (absent in files written before claim groups).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<ClaimDecision>,
    /// The sources' reliability as the analyst set it (absent in files written before the
    /// source register).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceDecision>,
}

impl LibraryReview {
    /// The decision in force about each pair of names (in normal form, in order): the newest
    /// of the pair's, the later on a tie, as the store merges them. A file may hold several
    /// of one pair: edited by hand, or written by an older brief whose normal form told them
    /// apart.
    pub fn links_in_force(&self) -> BTreeMap<(String, String), &LinkDecision> {
        let mut decisions: BTreeMap<(String, String), &LinkDecision> = BTreeMap::new();
        for d in &self.links {
            match decisions.get(&d.key()) {
                Some(held) if held.updated > d.updated => {}
                _ => {
                    decisions.insert(d.key(), d);
                }
            }
        }
        decisions
    }

    /// Sets (or, with None, takes back) the decision about `a` and `b`.
    pub fn decide(&mut self, a: &str, b: &str, decision: Option<Decision>, now: Timestamp) {
        let made = LinkDecision {
            names: [a.to_string(), b.to_string()],
            decision,
            updated: now,
        };
        let made = LibraryReview {
            links: vec![made],
            ..LibraryReview::default()
        };
        *self = merge(&made, self);
    }

    /// The decision in force about the link between two claims.
    pub fn claim_decision(
        &self,
        relation: Relation,
        a: &ClaimKey,
        b: &ClaimKey,
    ) -> Option<Decision> {
        // the pair in either order, as `ClaimDecision::key` orders it, without copying keys;
        // the newest of its decisions, as for links
        self.claims
            .iter()
            .filter(|d| {
                d.relation == relation
                    && (d.claims[0] == *a && d.claims[1] == *b
                        || d.claims[0] == *b && d.claims[1] == *a)
            })
            .max_by_key(|d| d.updated)
            .and_then(|d| d.decision)
    }

    /// The reliability letter the analyst gave the source going by any of `names` (the
    /// newest, when given under several).
    pub fn reliability<'a>(&self, names: impl Iterator<Item = &'a String>) -> Option<char> {
        let keys: Vec<String> = names.map(|n| super::link::normal(n)).collect();
        self.sources
            .iter()
            .filter(|d| keys.contains(&d.key()))
            .max_by_key(|d| d.updated)
            .and_then(|d| d.reliability)
    }

    /// Sets (or, with None, takes back) the reliability of the source named `name`.
    pub fn set_reliability(&mut self, name: &str, reliability: Option<char>, now: Timestamp) {
        let made = LibraryReview {
            sources: vec![SourceDecision {
                name: name.to_string(),
                reliability,
                updated: now,
            }],
            ..LibraryReview::default()
        };
        *self = merge(&made, self);
    }

    /// Sets (or, with None, takes back) the decision about each of `links`.
    pub fn decide_claims(
        &mut self,
        relation: Relation,
        links: &[[ClaimKey; 2]],
        decision: Option<Decision>,
        now: Timestamp,
    ) {
        let made = LibraryReview {
            claims: links
                .iter()
                .map(|pair| ClaimDecision {
                    claims: pair.clone(),
                    relation,
                    decision,
                    updated: now,
                })
                .collect(),
            ..LibraryReview::default()
        };
        *self = merge(&made, self);
    }
}

/// The newer of each key's decisions in `theirs` and `ours` (ours on a tie), in key order.
fn newest<T: Clone, K: Ord>(
    theirs: &[T],
    ours: &[T],
    key: impl Fn(&T) -> K,
    updated: impl Fn(&T) -> Timestamp,
) -> Vec<T> {
    let mut by_key: BTreeMap<K, T> = BTreeMap::new();
    for d in theirs.iter().chain(ours) {
        match by_key.get(&key(d)) {
            Some(held) if updated(held) > updated(d) => {}
            _ => {
                by_key.insert(key(d), d.clone());
            }
        }
    }
    by_key.into_values().collect()
}

/// Both reviews' decisions, the newer of each pair's (this one's on a tie), in key order.
pub fn merge(ours: &LibraryReview, theirs: &LibraryReview) -> LibraryReview {
    LibraryReview {
        links: newest(&theirs.links, &ours.links, LinkDecision::key, |d| d.updated),
        claims: newest(&theirs.claims, &ours.claims, ClaimDecision::key, |d| {
            d.updated
        }),
        sources: newest(&theirs.sources, &ours.sources, SourceDecision::key, |d| {
            d.updated
        }),
    }
}

#[derive(Serialize, Deserialize)]
struct Stored {
    schema: String,
    review: LibraryReview,
}

/// The library review as stored; none yet is an empty one. A damaged file is set aside
/// with a warning, as a briefing's review is.
pub fn load(store: &Store, now: Timestamp) -> Result<(LibraryReview, Vec<Warning>), StoreError> {
    if !store.dir().exists() {
        return Ok((LibraryReview::default(), Vec::new()));
    }
    let _lock = store.lock_file(FILE).ok();
    read(store, now)
}

/// Merges `review` with the stored one and writes the result, which it returns.
pub fn save(
    store: &Store,
    review: &LibraryReview,
    now: Timestamp,
) -> Result<(LibraryReview, Vec<Warning>), StoreError> {
    fs::create_dir_all(store.dir()).map_err(|e| StoreError::Io {
        path: store.dir().to_path_buf(),
        why: crate::io_reason(&e),
    })?;
    let _lock = store.lock_file(FILE)?;
    let (on_disk, warnings) = read(store, now)?;
    let merged = merge(review, &on_disk);
    let stored = Stored {
        schema: SCHEMA.to_string(),
        review: merged,
    };
    let json = serde_json::to_vec_pretty(&stored).expect("a library review serialises");
    store.replace(FILE, &json)?;
    Ok((stored.review, warnings))
}

fn read(store: &Store, now: Timestamp) -> Result<(LibraryReview, Vec<Warning>), StoreError> {
    let parse = |bytes: &[u8]| match serde_json::from_slice::<Stored>(bytes) {
        Ok(stored) if stored.schema == SCHEMA => Ok(stored.review),
        Ok(stored) => Err(format!("unknown schema {:?}", stored.schema)),
        Err(e) => Err(e.to_string()),
    };
    let (review, warnings) = store.read_whole(FILE, "library review", parse, now)?;
    Ok((review.unwrap_or_default(), warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(1_700_000_000 + seconds).unwrap()
    }

    /// The decision in force about the link between `a` and `b`.
    fn decision(review: &LibraryReview, a: &str, b: &str) -> Option<Decision> {
        review
            .links_in_force()
            .get(&pair(a, b))
            .and_then(|d| d.decision)
    }

    #[test]
    fn decisions_merge_one_by_one_the_newest_winning() {
        let mut ours = LibraryReview::default();
        ours.decide(
            "Northrop",
            "Northrop Grumman",
            Some(Decision::Rejected),
            at(10),
        );
        ours.decide("GM", "General Motors", Some(Decision::Accepted), at(1));
        let mut theirs = LibraryReview::default();
        theirs.decide(
            "northrop grumman",
            "Northrop",
            Some(Decision::Accepted),
            at(5),
        );
        theirs.decide("General Motors", "GM", None, at(20));
        ours.set_reliability("Ilse Brandt", Some('B'), at(3));
        theirs.set_reliability("ilse brandt", Some('D'), at(4));
        theirs.set_reliability("Kestrel", Some('A'), at(1));
        let merged = merge(&ours, &theirs);
        let brandt = "Ilse Brandt".to_string();
        assert_eq!(merged.reliability([&brandt].into_iter()), Some('D'));
        assert_eq!(merged.sources.len(), 2);
        assert_eq!(merged.links.len(), 2);
        assert_eq!(
            decision(&merged, "Northrop Grumman", "Northrop"),
            Some(Decision::Rejected)
        );
        assert_eq!(decision(&merged, "GM", "General Motors"), None);
    }

    /// A file edited by hand may hold one pair twice: the newest entry is in force, in
    /// whatever order the file lists them.
    #[test]
    fn the_newest_of_a_pairs_entries_is_in_force() {
        let entry = |decision, seconds| LinkDecision {
            names: ["Northrop".into(), "Northrop Grumman".into()],
            decision: Some(decision),
            updated: at(seconds),
        };
        for links in [
            vec![entry(Decision::Rejected, 1), entry(Decision::Accepted, 2)],
            vec![entry(Decision::Accepted, 2), entry(Decision::Rejected, 1)],
        ] {
            let review = LibraryReview {
                links,
                ..LibraryReview::default()
            };
            assert_eq!(
                decision(&review, "Northrop", "Northrop Grumman"),
                Some(Decision::Accepted)
            );
        }
    }

    #[test]
    fn a_save_merges_with_the_file_and_a_damaged_file_is_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let mut one = LibraryReview::default();
        one.decide("Airbus", "Airbus A380", Some(Decision::Rejected), at(1));
        save(&store, &one, at(1)).unwrap();
        let mut two = LibraryReview::default();
        two.decide("GM", "General Motors", Some(Decision::Accepted), at(2));
        let (merged, _) = save(&store, &two, at(2)).unwrap();
        assert_eq!(merged.links.len(), 2);
        assert_eq!(load(&store, at(3)).unwrap().0, merged);

        fs::write(store.dir().join(FILE), b"{ not json").unwrap();
        let (review, warnings) = load(&store, at(4)).unwrap();
        assert!(review.links.is_empty());
        assert!(warnings[0].0.contains("is damaged"), "{warnings:?}");
        assert!(!store.dir().join(FILE).exists());
    }
}
