//! Review items as a set keyed by what they quote: two copies of a review merge item by
//! item, the newest `updated` winning (a claim's status, grade and note field by field, the
//! newest of each winning), so two instances never lose each other's work.
//! Removing an item leaves an empty one behind (a tombstone) so that the removal merges too.

use std::collections::HashMap;
use std::hash::Hash;

use jiff::Timestamp;

use super::model::{
    Change, Changed, ClaimReview, Correction, FreeNote, NEVER, Quote, Review, Status,
};

pub trait Item: Clone {
    type Key: Eq + Hash + Clone;
    fn key(&self) -> Self::Key;
    fn updated(&self) -> Timestamp;
    fn set_updated(&mut self, now: Timestamp);
    /// The item with what it says removed (the tombstone of an undone addition).
    fn cleared(&self) -> Self;
    /// Stamps `now` on the item, which was `before` (and on each of its fields that changed).
    fn stamp_changes(&mut self, _before: &Self, now: Timestamp) {
        self.set_updated(now);
    }
    /// This item and `other` (the same key) as one: the newer whole (this one on a tie).
    fn merged(&self, other: &Self) -> Self {
        if other.updated() > self.updated() {
            other.clone()
        } else {
            self.clone()
        }
    }
}

impl Item for ClaimReview {
    type Key = (Quote, Option<String>);
    fn key(&self) -> Self::Key {
        (self.quote.clone(), self.cue.clone())
    }
    fn updated(&self) -> Timestamp {
        self.updated
    }
    fn set_updated(&mut self, now: Timestamp) {
        self.updated = now;
    }
    fn cleared(&self) -> Self {
        ClaimReview {
            status: Status::Unreviewed,
            grade: None,
            note: None,
            tags: Vec::new(),
            ..self.clone()
        }
    }
    fn stamp_changes(&mut self, before: &Self, now: Timestamp) {
        ClaimReview::stamp_changes(self, before, now);
    }
    /// Field by field: each of status, grade, note and tags from the side that changed it
    /// last (this one on a tie); where it attached, and who changed it, from the newer whole.
    fn merged(&self, other: &Self) -> Self {
        let (mine, theirs) = (self.field_times(), other.field_times());
        let mut out = if other.updated > self.updated {
            other.clone()
        } else {
            self.clone()
        };
        let pick = |k: usize| if theirs[k] > mine[k] { other } else { self };
        out.status = pick(0).status;
        // the verdict's: who set the status is who reviewed the claim; while no one has,
        // who changed it last (a note, a grade, tags), as the newer whole says
        if mine[0].max(theirs[0]) > NEVER {
            out.reviewer = pick(0).reviewer.clone();
        }
        out.grade = pick(1).grade;
        out.note = pick(2).note.clone();
        out.tags = pick(3).tags.clone();
        out.changed = Changed {
            status: Some(mine[0].max(theirs[0])),
            grade: Some(mine[1].max(theirs[1])),
            note: Some(mine[2].max(theirs[2])),
            tags: Some(mine[3].max(theirs[3])),
        };
        out.updated = self.updated.max(other.updated);
        out
    }
}

impl Item for FreeNote {
    type Key = Quote;
    fn key(&self) -> Quote {
        self.quote.clone()
    }
    fn updated(&self) -> Timestamp {
        self.updated
    }
    fn set_updated(&mut self, now: Timestamp) {
        self.updated = now;
    }
    fn cleared(&self) -> Self {
        FreeNote {
            text: String::new(),
            tags: Vec::new(),
            ..self.clone()
        }
    }
}

impl Item for Correction {
    /// A change to one thing is the same correction wherever it last attached and
    /// whatever it now says ([`Change::target`]).
    type Key = Change;
    fn key(&self) -> Change {
        self.change.target()
    }
    fn updated(&self) -> Timestamp {
        self.updated
    }
    fn set_updated(&mut self, now: Timestamp) {
        self.updated = now;
    }
    fn cleared(&self) -> Self {
        Correction {
            withdrawn: true,
            ..self.clone()
        }
    }
}

/// `mine` with `theirs` merged in: per key the newer item (mine on a tie); items only one
/// side has are kept, mine first in their order, then theirs.
pub fn merge_items<T: Item>(mine: &[T], theirs: &[T]) -> Vec<T> {
    let mut out = mine.to_vec();
    let index: HashMap<T::Key, usize> = out.iter().enumerate().map(|(i, t)| (t.key(), i)).collect();
    for item in theirs {
        match index.get(&item.key()) {
            Some(&i) => out[i] = out[i].merged(item),
            None => out.push(item.clone()),
        }
    }
    out
}

pub fn merge(mine: &Review, theirs: &Review) -> Review {
    Review {
        reviewer: mine.reviewer.clone(),
        claims: merge_items(&mine.claims, &theirs.claims),
        notes: merge_items(&mine.notes, &theirs.notes),
        corrections: merge_items(&mine.corrections, &theirs.corrections),
        // the later word on the date (mine on a tie)
        published: match (mine.published, theirs.published) {
            (Some(m), Some(t)) if t.updated > m.updated => Some(t),
            (None, t) => t,
            (m, _) => m,
        },
    }
}

/// Puts `item` in place of the one with its key (or appends it); returns what was there.
pub fn put<T: Item>(list: &mut Vec<T>, item: T) -> Option<T> {
    let key = item.key();
    match list.iter_mut().find(|t| t.key() == key) {
        Some(slot) => Some(std::mem::replace(slot, item)),
        None => {
            list.push(item);
            None
        }
    }
}

/// Undoes a [`put`]: the item with `key` goes back to `before`, or to its tombstone when it
/// was new, stamped `now` so that the undo wins the next merge.
pub fn restore<T: Item>(list: &mut [T], key: &T::Key, before: Option<T>, now: Timestamp) {
    if let Some(slot) = list.iter_mut().find(|t| &t.key() == key) {
        let mut back = before.unwrap_or_else(|| slot.cleared());
        back.stamp_changes(slot, now);
        *slot = back;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(second: i64) -> Timestamp {
        Timestamp::from_second(second).unwrap()
    }

    fn item(exact: &str, status: Status, second: i64) -> ClaimReview {
        ClaimReview {
            claim: None,
            index: None,
            quote: Quote {
                exact: exact.into(),
                ..Quote::default()
            },
            cue: None,
            start: 0,
            end: 0,
            status,
            grade: None,
            note: None,
            tags: Vec::new(),
            reviewer: None,
            updated: at(second),
            changed: Changed::default(),
            orphaned: false,
        }
    }

    #[test]
    fn the_newest_item_wins_and_nothing_is_lost() {
        let mine = [
            item("a", Status::Supported, 10),
            item("b", Status::Disputed, 5),
        ];
        let theirs = [
            item("b", Status::Rejected, 7),
            item("c", Status::Unverified, 1),
        ];
        let merged = merge_items(&mine, &theirs);
        let statuses: Vec<_> = merged
            .iter()
            .map(|i| (i.quote.exact.as_str(), i.status))
            .collect();
        assert_eq!(
            statuses,
            [
                ("a", Status::Supported),
                ("b", Status::Rejected),
                ("c", Status::Unverified)
            ]
        );
        // A tie keeps mine.
        let tie = merge_items(
            &[item("a", Status::Supported, 3)],
            &[item("a", Status::Disputed, 3)],
        );
        assert_eq!(tie[0].status, Status::Supported);
    }

    #[test]
    fn an_undone_addition_leaves_a_newer_tombstone() {
        let mut list = vec![item("a", Status::Supported, 1)];
        let before = put(&mut list, item("b", Status::Disputed, 2));
        assert!(before.is_none());
        restore(
            &mut list,
            &item("b", Status::Unreviewed, 0).key(),
            before,
            at(3),
        );
        assert!(list[1].is_empty());
        // The other instance still has the addition; the undo is newer and wins.
        let merged = merge_items(&list, &[item("b", Status::Disputed, 2)]);
        assert!(merged[1].is_empty());
    }

    #[test]
    fn the_later_published_date_wins_a_clearing_too() {
        let date = |d: Option<&str>, second| {
            Some(super::super::model::Published {
                date: d.map(|d| d.parse().unwrap()),
                updated: at(second),
            })
        };
        let review = |published| Review {
            published,
            ..Review::default()
        };
        let (a, b) = (date(Some("2024-11-25"), 5), date(None, 7));
        assert_eq!(merge(&review(a), &review(b)).published, b);
        assert_eq!(merge(&review(b), &review(a)).published, b);
        assert_eq!(merge(&review(None), &review(a)).published, a);
        assert!(
            review(b).live().published.is_none(),
            "a clearing is no date"
        );
    }

    #[test]
    fn two_readers_changing_different_fields_both_keep_theirs() {
        // A marks it supported at 10; B, who read it before, adds a note at 11
        let base = item("a", Status::Unreviewed, 1);
        let mut a = base.clone();
        a.status = Status::Supported;
        a.stamp_changes(&base, at(10));
        let mut b = base.clone();
        b.note = Some("Denied by the ministry.".into());
        b.stamp_changes(&base, at(11));
        for merged in [
            merge_items(&[a.clone()], &[b.clone()]),
            merge_items(&[b], &[a]),
        ] {
            assert_eq!(merged[0].status, Status::Supported);
            assert_eq!(merged[0].note.as_deref(), Some("Denied by the ministry."));
            assert_eq!(merged[0].updated, at(11));
        }
        // the same field: the newer wins
        let mut c = base.clone();
        c.status = Status::Disputed;
        c.stamp_changes(&base, at(12));
        let mut d = base.clone();
        d.status = Status::Supported;
        d.stamp_changes(&base, at(13));
        assert_eq!(
            merge_items(&[c.clone()], &[d.clone()])[0].status,
            Status::Supported
        );
        assert_eq!(merge_items(&[d], &[c])[0].status, Status::Supported);
    }

    #[test]
    fn tags_merge_as_a_field_and_the_verdicts_reviewer_names_the_item() {
        // a fresh item's fields were never set: only what each reader did has a time
        let fresh = || {
            let mut i = item("a", Status::Unreviewed, 0);
            i.updated = Timestamp::UNIX_EPOCH;
            i
        };
        let mut ann = fresh();
        ann.tags = vec!["sanctions".into()];
        ann.reviewer = Some("Ann".into());
        ann.stamp_changes(&fresh(), at(20));
        let mut kim = fresh();
        kim.status = Status::Disputed;
        kim.reviewer = Some("Kim".into());
        kim.stamp_changes(&fresh(), at(10));
        for merged in [
            merge_items(&[ann.clone()], &[kim.clone()]),
            merge_items(&[kim.clone()], &[ann.clone()]),
        ] {
            assert_eq!(merged[0].status, Status::Disputed);
            assert_eq!(merged[0].tags, ["sanctions"]);
            assert_eq!(merged[0].reviewer.as_deref(), Some("Kim"));
        }
        // with no verdict from either, the later change names it: Ann's tags after Kim's
        // note
        let mut kim = fresh();
        kim.note = Some("Ask the ministry.".into());
        kim.reviewer = Some("Kim".into());
        kim.stamp_changes(&fresh(), at(10));
        for merged in [
            merge_items(&[ann.clone()], &[kim.clone()]),
            merge_items(&[kim.clone()], &[ann.clone()]),
        ] {
            assert_eq!(merged[0].note.as_deref(), Some("Ask the ministry."));
            assert_eq!(merged[0].reviewer.as_deref(), Some("Ann"));
        }
    }
}
