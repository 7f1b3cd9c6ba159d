//! Review items as a set keyed by what they quote: two copies of a review merge item by
//! item, the newest `updated` winning (a claim's status, grade and note field by field, the
//! newest of each winning), so two instances never lose each other's work.
//! Removing an item leaves an empty one behind (a tombstone) so that the removal merges too.

use std::collections::HashMap;
use std::hash::Hash;

use jiff::Timestamp;

use super::model::{Change, Changed, ClaimReview, Correction, FreeNote, Quote, Review, Status};

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
            ..self.clone()
        }
    }
    fn stamp_changes(&mut self, before: &Self, now: Timestamp) {
        ClaimReview::stamp_changes(self, before, now);
    }
    /// Field by field: each of status, grade and note from the side that changed it last
    /// (this one on a tie); where it attached from the newer whole.
    fn merged(&self, other: &Self) -> Self {
        let (mine, theirs) = (self.field_times(), other.field_times());
        let mut out = if other.updated > self.updated {
            other.clone()
        } else {
            self.clone()
        };
        let pick = |k: usize| if theirs[k] > mine[k] { other } else { self };
        out.status = pick(0).status;
        out.grade = pick(1).grade;
        out.note = pick(2).note.clone();
        out.changed = Changed {
            status: Some(mine[0].max(theirs[0])),
            grade: Some(mine[1].max(theirs[1])),
            note: Some(mine[2].max(theirs[2])),
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
            ..self.clone()
        }
    }
}

impl Item for Correction {
    /// An added claim is the same correction wherever it last attached.
    type Key = Change;
    fn key(&self) -> Change {
        match &self.change {
            Change::AddClaim { quote, .. } => Change::AddClaim {
                quote: quote.clone(),
                start: 0,
                end: 0,
            },
            merge => merge.clone(),
        }
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
}
