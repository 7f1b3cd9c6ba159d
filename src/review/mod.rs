//! The analyst's review of a briefing: claim statuses, Admiralty grades, notes and
//! corrections, anchored by quote so they survive edits to the text and a better analysis,
//! and kept on disk per briefing ([`store`]).
//!
//! [`Session`] is what a front end holds: `load` attaches the stored review to a fresh
//! analysis; each change (`set_status`, `set_grade`, `set_note`, `clear_status`, `add_note`,
//! `edit_note`, `add_claim`, `merge_actor`) pushes onto an undo stack; `save` writes at once. Every
//! function takes the time as `now`: nothing here reads the clock.

pub mod anchor;
pub mod attach;
pub mod correct;
pub mod merge;
pub mod model;
pub mod position;
pub mod store;
#[cfg(test)]
mod tests;

pub use model::{
    Change, Changed, ClaimReview, Correction, FreeNote, Grade, GradeError, Quote, Review, Status,
};
pub use position::Position;
pub use store::{BriefingKey, Store, StoreError};

use jiff::Timestamp;

use crate::analysis::Analysis;
use crate::document::{Document, Span, Warning};
use crate::schema::claim_id;

use merge::{Item, put, restore};

/// Fields of claims changed here since `synced` that the merge took from another reader,
/// who changed them later: said in one warning (the reader shows it in its status bar).
fn clashes(mine: &Review, merged: &Review, synced: Timestamp) -> Option<Warning> {
    let mut fields: Vec<&str> = Vec::new();
    let mut claims = 0;
    for item in &mine.claims {
        let Some(other) = merged.claims.iter().find(|m| m.key() == item.key()) else {
            continue;
        };
        let times = item.field_times();
        let lost = [
            ("status", item.status != other.status),
            ("grade", item.grade != other.grade),
            ("note", item.note != other.note),
        ];
        let before = fields.len();
        for (k, (field, differs)) in lost.into_iter().enumerate() {
            if differs && times[k] > synced {
                fields.push(field);
            }
        }
        claims += usize::from(fields.len() > before);
    }
    if fields.is_empty() {
        return None;
    }
    fields.sort_unstable();
    fields.dedup();
    Some(Warning(format!(
        "another copy of brief changed the same {} of {claims} {} later: its change is kept",
        fields.join(" and "),
        if claims == 1 { "claim" } else { "claims" }
    )))
}
use model::stamp;

/// Who review items are recorded as: the config's `reviewer`, else the login name from the
/// system's user database (a cron job or service may run without `$USER`), else `$USER`,
/// else "unknown".
pub fn reviewer(configured: Option<&str>) -> String {
    let named = |name: String| Some(name).filter(|n| !n.trim().is_empty());
    configured
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .or_else(|| login_name().and_then(named))
        .or_else(|| std::env::var("USER").ok().and_then(named))
        .unwrap_or_else(|| "unknown".to_string())
}

/// The name of the user running brief in the system's user database.
#[cfg(unix)]
fn login_name() -> Option<String> {
    let mut buf = vec![0 as libc::c_char; 16 * 1024];
    // SAFETY: passwd is plain data, all zeroes a valid value
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let mut found = std::ptr::null_mut();
    // SAFETY: getpwuid_r writes only into `entry` and `buf` (its length given), and sets
    // `found` to `entry` or null
    let status = unsafe {
        libc::getpwuid_r(
            libc::geteuid(),
            &mut entry,
            buf.as_mut_ptr(),
            buf.len(),
            &mut found,
        )
    };
    if status != 0 || found.is_null() || entry.pw_name.is_null() {
        return None;
    }
    // SAFETY: pw_name points into `buf`, NUL-terminated by getpwuid_r
    let name = unsafe { std::ffi::CStr::from_ptr(entry.pw_name) };
    Some(name.to_string_lossy().into_owned())
}

#[cfg(not(unix))]
fn login_name() -> Option<String> {
    std::env::var("USERNAME").ok()
}

/// One change, as it can be taken back.
enum Undo {
    Claim((Quote, Option<String>), Option<ClaimReview>),
    Note(Quote, Option<FreeNote>),
    /// The analysis before the correction, restored as it was.
    Correction(Change, Option<Correction>, Box<Analysis>),
}

/// A briefing's review while it is open: attached to the analysis on screen.
pub struct Session {
    store: Option<Store>,
    key: BriefingKey,
    review: Review,
    undo: Vec<Undo>,
    /// When the review was last read from or written to the store: a field changed here
    /// after it, and by another reader after it too, is a clash the later change won.
    synced: Timestamp,
}

impl Session {
    /// Loads the stored review (none yet: an empty one by `reviewer`), re-applies its
    /// corrections to `analysis` and attaches its items. Without a store (no data dir on
    /// this platform) the review lives in memory only. Returns warnings (a damaged file).
    pub fn load(
        store: Option<Store>,
        key: BriefingKey,
        reviewer: String,
        doc: &Document,
        analysis: &mut Analysis,
        now: Timestamp,
    ) -> Result<(Session, Vec<Warning>), StoreError> {
        let (stored, warnings) = match &store {
            Some(store) => store.load(&key, now)?,
            None => (None, Vec::new()),
        };
        let mut review = stored.unwrap_or_default();
        review.reviewer = reviewer;
        attach::attach(doc, analysis, &mut review);
        let session = Session {
            store,
            key,
            review,
            undo: Vec::new(),
            synced: stamp(now),
        };
        Ok((session, warnings))
    }

    /// Everything, tombstones of undone changes included; [`Review::live`] drops those.
    pub fn review(&self) -> &Review {
        &self.review
    }

    /// The review of claim `claim` (an index into `analysis.claims`), if any.
    pub fn claim(&self, claim: usize) -> Option<&ClaimReview> {
        let id = claim_id(claim);
        self.review
            .claims
            .iter()
            .find(|c| c.claim.as_deref() == Some(id.as_str()))
    }

    /// Every claim's review by claim index, for drawing a list of `claims` claims at once.
    pub fn by_claim(&self, claims: usize) -> Vec<Option<&ClaimReview>> {
        let mut out = vec![None; claims];
        for item in &self.review.claims {
            let slot = item
                .claim
                .as_deref()
                .and_then(|id| id.strip_prefix('c')?.parse::<usize>().ok()?.checked_sub(1))
                .and_then(|i| out.get_mut(i));
            if let Some(slot) = slot {
                *slot = Some(item);
            }
        }
        out
    }

    pub fn status(&self, claim: usize) -> Status {
        self.claim(claim).map_or(Status::Unreviewed, |c| c.status)
    }

    /// Items that no longer attach to the text or to a claim: shown apart, never dropped.
    pub fn orphans(&self) -> impl Iterator<Item = &ClaimReview> {
        self.review
            .claims
            .iter()
            .filter(|c| c.orphaned && !c.is_empty())
    }

    /// The free notes in force (orphaned ones included, flagged).
    pub fn notes(&self) -> impl Iterator<Item = &FreeNote> {
        self.review.notes.iter().filter(|n| !n.text.is_empty())
    }

    pub fn set_status(
        &mut self,
        doc: &Document,
        analysis: &Analysis,
        claim: usize,
        status: Status,
        now: Timestamp,
    ) -> bool {
        self.edit_claim(doc, analysis, claim, now, |c| c.status = status)
    }

    /// Back to unreviewed; the grade and note stay.
    pub fn clear_status(
        &mut self,
        doc: &Document,
        analysis: &Analysis,
        claim: usize,
        now: Timestamp,
    ) -> bool {
        self.set_status(doc, analysis, claim, Status::Unreviewed, now)
    }

    pub fn set_grade(
        &mut self,
        doc: &Document,
        analysis: &Analysis,
        claim: usize,
        grade: Option<Grade>,
        now: Timestamp,
    ) -> bool {
        self.edit_claim(doc, analysis, claim, now, |c| c.grade = grade)
    }

    /// An empty (or blank) note removes it.
    pub fn set_note(
        &mut self,
        doc: &Document,
        analysis: &Analysis,
        claim: usize,
        note: &str,
        now: Timestamp,
    ) -> bool {
        let note = Some(note.to_string()).filter(|n| !n.trim().is_empty());
        self.edit_claim(doc, analysis, claim, now, |c| c.note = note)
    }

    /// Attaches a note to the passage `span` (bytes), replacing one already on exactly that
    /// passage; an empty text removes it. `false` when the span is not a passage of the text.
    pub fn add_note(&mut self, doc: &Document, span: Span, text: &str, now: Timestamp) -> bool {
        let Some(quote) = Quote::of(&doc.text, span) else {
            return false;
        };
        let note = FreeNote {
            quote: quote.clone(),
            start: doc.char_offset(span.start),
            end: doc.char_offset(span.end),
            text: if text.trim().is_empty() {
                String::new()
            } else {
                text.to_string()
            },
            updated: stamp(now),
            orphaned: false,
        };
        let before = put(&mut self.review.notes, note);
        self.undo.push(Undo::Note(quote, before));
        true
    }

    /// Rewrites the free note that quotes `quote`, whether it still attaches to the text or
    /// is orphaned; an empty (or blank) text removes it. `false` when there is no such note.
    pub fn edit_note(&mut self, quote: &Quote, text: &str, now: Timestamp) -> bool {
        let Some(note) = self.notes().find(|n| &n.quote == quote) else {
            return false;
        };
        let note = FreeNote {
            text: if text.trim().is_empty() {
                String::new()
            } else {
                text.to_string()
            },
            updated: stamp(now),
            ..note.clone()
        };
        let before = put(&mut self.review.notes, note);
        self.undo.push(Undo::Note(quote.clone(), before));
        true
    }

    /// Adds the passage `span` (bytes) as a claim the machine missed, recorded as a
    /// correction; returns the new claim's index (claims after it move up by one).
    pub fn add_claim(
        &mut self,
        doc: &Document,
        analysis: &mut Analysis,
        span: Span,
        now: Timestamp,
    ) -> Option<usize> {
        let quote = Quote::of(&doc.text, span)?;
        let change = Change::AddClaim {
            quote,
            start: doc.char_offset(span.start),
            end: doc.char_offset(span.end),
        };
        self.correct(doc, analysis, change, now);
        attach::claim_at(doc, analysis, span, None)
    }

    /// Folds actor `from` into actor `into` (indices into `analysis.actors`), recorded as a
    /// correction by their names. `false` when there is nothing to merge.
    pub fn merge_actor(
        &mut self,
        doc: &Document,
        analysis: &mut Analysis,
        from: usize,
        into: usize,
        now: Timestamp,
    ) -> bool {
        let (Some(f), Some(i)) = (analysis.actors.get(from), analysis.actors.get(into)) else {
            return false;
        };
        if from == into {
            return false;
        }
        let change = Change::MergeActors {
            from: f.name.clone(),
            into: i.name.clone(),
        };
        self.correct(doc, analysis, change, now);
        true
    }

    /// Takes back the last change. A taken-back correction restores the analysis as it was
    /// before it. `false` when there is nothing to undo.
    pub fn undo(&mut self, doc: &Document, analysis: &mut Analysis, now: Timestamp) -> bool {
        let Some(last) = self.undo.pop() else {
            return false;
        };
        let now = stamp(now);
        match last {
            Undo::Claim(key, before) => restore(&mut self.review.claims, &key, before, now),
            Undo::Note(key, before) => restore(&mut self.review.notes, &key, before, now),
            Undo::Correction(key, before, previous) => {
                restore(&mut self.review.corrections, &key, before, now);
                *analysis = *previous;
            }
        }
        attach::attach_items(doc, analysis, &mut self.review);
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Writes the review at once, merged with what another instance may have saved since;
    /// corrections that instance added are applied to `analysis`. On failure the review in
    /// memory is untouched, so a later save can still write it.
    pub fn save(
        &mut self,
        doc: &Document,
        analysis: &mut Analysis,
        now: Timestamp,
    ) -> Result<Vec<Warning>, StoreError> {
        let Some(store) = &self.store else {
            return Ok(Vec::new());
        };
        let (mut merged, mut warnings) = store.save(&self.key, &self.review, now)?;
        if let Some(clash) = clashes(&self.review, &merged, self.synced) {
            warnings.push(clash);
        }
        self.synced = stamp(now);
        let known: Vec<Change> = self.review.corrections.iter().map(Item::key).collect();
        for correction in &mut merged.corrections {
            if !known.contains(&correction.key()) {
                attach::apply(doc, analysis, correction);
            }
        }
        attach::attach_items(doc, analysis, &mut merged);
        self.review = merged;
        Ok(warnings)
    }

    /// Where this briefing's review is kept, if anywhere.
    pub fn path(&self) -> Option<std::path::PathBuf> {
        self.store.as_ref().map(|s| s.path(&self.key))
    }

    fn edit_claim(
        &mut self,
        doc: &Document,
        analysis: &Analysis,
        claim: usize,
        now: Timestamp,
        change: impl FnOnce(&mut ClaimReview),
    ) -> bool {
        let Some(span) = analysis.claims.get(claim).map(|c| c.span) else {
            return false;
        };
        let mut item = match self.claim(claim) {
            Some(item) => item.clone(),
            None => {
                let Some(quote) = Quote::of(&doc.text, span) else {
                    return false;
                };
                ClaimReview {
                    claim: Some(claim_id(claim)),
                    quote,
                    cue: analysis.claims[claim].cue.map(|c| doc.slice(c).to_string()),
                    start: doc.char_offset(span.start),
                    end: doc.char_offset(span.end),
                    status: Status::Unreviewed,
                    grade: None,
                    note: None,
                    updated: stamp(now),
                    changed: Default::default(),
                    orphaned: false,
                }
            }
        };
        let before = item.clone();
        change(&mut item);
        item.stamp_changes(&before, stamp(now));
        let key = item.key();
        let before = put(&mut self.review.claims, item);
        self.undo.push(Undo::Claim(key, before));
        true
    }

    fn correct(&mut self, doc: &Document, analysis: &mut Analysis, change: Change, now: Timestamp) {
        let previous = Box::new(analysis.clone());
        let mut correction = Correction {
            change,
            updated: stamp(now),
            withdrawn: false,
            orphaned: false,
        };
        attach::apply(doc, analysis, &mut correction);
        let key = correction.key();
        let before = put(&mut self.review.corrections, correction);
        self.undo.push(Undo::Correction(key, before, previous));
        attach::attach_items(doc, analysis, &mut self.review);
    }
}
