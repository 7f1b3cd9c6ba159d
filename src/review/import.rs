//! A colleague's review merged into this analyst's (`brief import`): read from what
//! `brief export --format json` writes (or a review file itself), merged field by field as
//! two readers' copies are, each item keeping who reviewed it.

use jiff::Timestamp;
use serde_json::Value;

use crate::analysis::Analysis;
use crate::document::{Document, Warning};

use super::merge::{Item, merge};
use super::model::{Changed, NEVER, Review, Status};
use super::{Session, StoreError, attach};

/// Why a file is not a review to import.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("not JSON ({0})")]
    NotJson(String),
    #[error(
        "no review in it (brief import takes what `brief export --format json` writes: an object with a \"review\")"
    )]
    NoReview,
    #[error("its review cannot be read ({0})")]
    BadReview(String),
}

/// A review as exported: the review, and the fingerprint of the text it was made on (none
/// for a review file, which does not say).
#[derive(Debug, Clone)]
pub struct Exported {
    pub review: Review,
    pub fingerprint: Option<String>,
}

impl Exported {
    pub fn from_json(bytes: &[u8]) -> Result<Exported, ImportError> {
        let value: Value =
            serde_json::from_slice(bytes).map_err(|e| ImportError::NotJson(e.to_string()))?;
        let review = value
            .get("review")
            .filter(|r| r.is_object())
            .ok_or(ImportError::NoReview)?;
        let mut review: Review = serde_json::from_value(review.clone())
            .map_err(|e| ImportError::BadReview(e.to_string()))?;
        // who reviewed an item the export does not name is who exported it
        review.own_items();
        // an export without each field's time (written before exports kept them) says when the item
        // changed: a field it leaves empty is no change, so it never clears one set here
        for claim in &mut review.claims {
            if claim.changed.is_empty() {
                let set = |empty: bool| Some(if empty { NEVER } else { claim.updated });
                claim.changed = Changed {
                    status: set(claim.status == Status::Unreviewed),
                    grade: set(claim.grade.is_none()),
                    note: set(claim.note.is_none()),
                    tags: set(claim.tags.is_empty()),
                };
            }
        }
        let fingerprint = value
            .pointer("/document/fingerprint")
            .and_then(Value::as_str)
            .map(str::to_string);
        Ok(Exported {
            review,
            fingerprint,
        })
    }
}

/// What an import changed: items of the colleague's that were new here or newer than
/// this analyst's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Imported {
    pub claims: usize,
    pub notes: usize,
    pub corrections: usize,
    pub published: bool,
}

impl Imported {
    pub fn is_empty(&self) -> bool {
        *self == Imported::default()
    }
}

/// How many items of `after` say what no item of `before` with their key says (`says`:
/// what an item holds, without where it attached or when).
fn changed<T: Item, S: PartialEq>(before: &[T], after: &[T], says: impl Fn(&T) -> S) -> usize {
    let is_new = |a: &T| {
        let key = a.key();
        !before.iter().any(|b| b.key() == key && says(b) == says(a))
    };
    after.iter().filter(|a| is_new(a)).count()
}

impl Session {
    /// Merges `theirs` (a colleague's review of this briefing) into this review and saves
    /// it: of each claim's status, grade, note and tags the later change wins, as between
    /// two readers; items only they have are added, with their reviewer. `analysis` gets
    /// their corrections.
    pub fn import(
        &mut self,
        doc: &Document,
        analysis: &mut Analysis,
        theirs: &Review,
        now: Timestamp,
    ) -> Result<(Imported, Vec<Warning>), StoreError> {
        let mut merged = merge(&self.review, theirs);
        attach::number_added(&mut merged.corrections);
        let before = &self.review;
        let imported = Imported {
            claims: changed(&before.claims, &merged.claims, |c| {
                (c.status, c.grade, c.note.clone(), c.tags.clone())
            }),
            notes: changed(&before.notes, &merged.notes, |n| {
                (n.text.clone(), n.tags.clone())
            }),
            corrections: changed(&before.corrections, &merged.corrections, |c| {
                (c.change.clone(), c.withdrawn)
            }),
            published: before.published != merged.published,
        };
        self.review = merged;
        *analysis = self.machine.clone();
        attach::attach(doc, analysis, &mut self.review);
        let warnings = self.save(doc, analysis, now)?;
        Ok((imported, warnings))
    }
}
