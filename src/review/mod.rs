//! The analyst's review of a briefing: claim statuses, Admiralty grades, notes and
//! corrections, anchored by quote so they survive edits to the text and a better analysis,
//! and kept on disk per briefing ([`store`]).
//!
//! [`Session`] is what a front end holds: `load` attaches the stored review to a fresh
//! analysis; each change (`set_status`, `set_grade`, `set_note`, `clear_status`, `add_note`,
//! `edit_note`, `add_claim`, `set_claim_kind`, `set_claim_source`, `merge_actor`,
//! `rename_actor`, `retype_actor`, `remove_actor`) pushes onto an undo stack; `save` writes at once. Every
//! function takes the time as `now`: nothing here reads the clock.

pub mod anchor;
pub mod attach;
pub mod correct;
pub mod import;
pub mod merge;
pub mod model;
pub mod position;
pub mod read;
pub mod store;
#[cfg(test)]
mod tests;

pub use model::{
    Change, Changed, ClaimReview, Correction, FreeNote, Grade, GradeError, Part, Published, Quote,
    Review, Status, parse_tags,
};
pub use position::Position;
pub use store::{BriefingKey, Store, StoreError};

use std::collections::HashSet;

use jiff::Timestamp;

use crate::analysis::{ActorKind, Analysis, ClaimKind, times};
use crate::document::{Document, Span, Warning};

use merge::{Item, put, restore};

/// What a claim's review item is known by (its quote and cue).
type ClaimKey = <ClaimReview as Item>::Key;

/// Fields of claims this reader changed ([`Session::own`]) for which the merge took
/// another reader's different value, changed later: said in one warning (the reader shows
/// it in its status bar). They are this reader's own no more.
fn clashes(
    mine: &Review,
    merged: &Review,
    own: &mut HashSet<(ClaimKey, usize)>,
) -> Option<Warning> {
    const FIELDS: [&str; 4] = ["status", "grade", "note", "tags"];
    let mut fields: Vec<&str> = Vec::new();
    let mut claims: HashSet<&ClaimKey> = HashSet::new();
    let lost: Vec<(ClaimKey, usize)> = own
        .iter()
        .filter(|(key, k)| {
            let find = |review: &Review| review.claims.iter().find(|c| &c.key() == key).cloned();
            let (Some(a), Some(b)) = (find(mine), find(merged)) else {
                return false;
            };
            match k {
                0 => a.status != b.status,
                1 => a.grade != b.grade,
                2 => a.note != b.note,
                _ => a.tags != b.tags,
            }
        })
        .cloned()
        .collect();
    for (key, k) in &lost {
        fields.push(FIELDS[*k]);
        claims.insert(key);
    }
    let claims = claims.len();
    for item in &lost {
        own.remove(item);
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
use model::{NEVER, stamp};

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

/// What a correction to claim `claim` is anchored by: the quote of its content, the words of
/// its cue, and where the quote is (code points).
fn claim_anchor(
    doc: &Document,
    analysis: &Analysis,
    claim: usize,
) -> Option<(Quote, Option<String>, usize, usize)> {
    let claim = analysis.claims.get(claim)?;
    let quote = Quote::of(&doc.text, claim.span)?;
    let cue = claim.cue.map(|c| doc.slice(c).to_string());
    let (start, end) = (
        doc.char_offset(claim.span.start),
        doc.char_offset(claim.span.end),
    );
    Some((quote, cue, start, end))
}

/// What a correction to event `event` is anchored by: the quote of its words and where it
/// is (code points).
fn event_anchor(
    doc: &Document,
    analysis: &Analysis,
    event: usize,
) -> Option<(Quote, usize, usize)> {
    let span = analysis.timeline.get(event)?.span;
    let quote = Quote::of(&doc.text, span)?;
    Some((
        quote,
        doc.char_offset(span.start),
        doc.char_offset(span.end),
    ))
}

/// Why a date typed for an event was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EventDateError {
    #[error("not a date (e.g. 2024-11-22, Nov 2024, last Friday; undated for none)")]
    NotADate,
    #[error("a date that cannot be placed without the published date (P sets it)")]
    Unplaced,
    #[error("no such event")]
    NoEvent,
}

/// One change, as it can be taken back.
enum Undo {
    Claim((Quote, Option<String>), Option<ClaimReview>),
    Note(Quote, Option<FreeNote>),
    Correction(Change, Option<Correction>),
    Published(Option<Published>),
}

/// A briefing's review while it is open: attached to the analysis on screen.
pub struct Session {
    store: Option<Store>,
    key: BriefingKey,
    review: Review,
    /// The analysis as the machine made it: a correction undone is the corrections in
    /// force applied to it again.
    machine: Analysis,
    undo: Vec<Undo>,
    /// The fields of claims (0 status, 1 grade, 2 note) this reader changed: when a save
    /// takes another reader's later value for one, the reader says so ([`clashes`]).
    own: HashSet<(ClaimKey, usize)>,
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
        let machine = analysis.clone();
        attach::attach(doc, analysis, &mut review);
        let session = Session {
            store,
            key,
            review,
            machine,
            undo: Vec::new(),
            own: HashSet::new(),
        };
        Ok((session, warnings))
    }

    /// Everything, tombstones of undone changes included; [`Review::live`] drops those.
    pub fn review(&self) -> &Review {
        &self.review
    }

    /// The review of claim `claim` (an index into `analysis.claims`), if any.
    pub fn claim(&self, claim: usize) -> Option<&ClaimReview> {
        self.review.claims.iter().find(|c| c.index == Some(claim))
    }

    /// Every claim's review by claim index, for drawing a list of `claims` claims at once.
    pub fn by_claim(&self, claims: usize) -> Vec<Option<&ClaimReview>> {
        let mut out = vec![None; claims];
        for item in &self.review.claims {
            if let Some(slot) = item.index.and_then(|i| out.get_mut(i)) {
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

    /// The corrections in force that no longer apply: what they name is not in the text.
    pub fn orphaned_corrections(&self) -> impl Iterator<Item = &Correction> {
        self.review
            .corrections
            .iter()
            .filter(|c| c.orphaned && !c.withdrawn)
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
            tags: Vec::new(),
            reviewer: Some(self.review.reviewer.clone()),
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
        let text = match text.trim().is_empty() {
            true => String::new(),
            false => text.to_string(),
        };
        self.change_note(quote, now, |n| n.text = text)
    }

    /// Files the free note that quotes `quote` under `tags` (none: no tags). `false` when
    /// there is no such note.
    pub fn set_note_tags(&mut self, quote: &Quote, tags: Vec<String>, now: Timestamp) -> bool {
        self.change_note(quote, now, |n| n.tags = tags)
    }

    /// The free note that quotes `quote`, changed by `change` and saved as this reviewer's.
    fn change_note(
        &mut self,
        quote: &Quote,
        now: Timestamp,
        change: impl FnOnce(&mut FreeNote),
    ) -> bool {
        let Some(note) = self.notes().find(|n| &n.quote == quote) else {
            return false;
        };
        let mut note = FreeNote {
            reviewer: Some(self.review.reviewer.clone()),
            updated: stamp(now),
            ..note.clone()
        };
        change(&mut note);
        let before = put(&mut self.review.notes, note);
        self.undo.push(Undo::Note(quote.clone(), before));
        true
    }

    /// Files claim `claim` under `tags` (none: no tags).
    pub fn set_tags(
        &mut self,
        doc: &Document,
        analysis: &Analysis,
        claim: usize,
        tags: Vec<String>,
        now: Timestamp,
    ) -> bool {
        self.edit_claim(doc, analysis, claim, now, |c| c.tags = tags)
    }

    /// Every tag used in this review, each once, sorted.
    pub fn tags(&self) -> Vec<String> {
        self.review.live().tags()
    }

    /// The store the review is kept in, when there is one: every briefing's reviews.
    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
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
        let change = self.addition(doc, span, attach::Series::Claims)?;
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

    /// Gives claim `claim` (an index into `analysis.claims`) the kind `to`, recorded as a
    /// correction. `false` when there is no such claim.
    pub fn set_claim_kind(
        &mut self,
        doc: &Document,
        analysis: &mut Analysis,
        claim: usize,
        to: ClaimKind,
        now: Timestamp,
    ) -> bool {
        let Some((quote, cue, start, end)) = claim_anchor(doc, analysis, claim) else {
            return false;
        };
        let change = Change::ClaimKind {
            quote,
            cue,
            start,
            end,
            to,
        };
        self.correct(doc, analysis, change, now);
        true
    }

    /// Makes actor `actor` (none: no one) the source of claim `claim`, recorded as a
    /// correction by the actor's name. `false` when there is no such claim, or the actor is
    /// not named in the text.
    pub fn set_claim_source(
        &mut self,
        doc: &Document,
        analysis: &mut Analysis,
        claim: usize,
        actor: Option<usize>,
        now: Timestamp,
    ) -> bool {
        let name = match actor.map(|a| analysis.actors.get(a)) {
            None => None,
            Some(Some(a)) if !a.mentions.is_empty() => Some(a.name.clone()),
            Some(_) => return false,
        };
        let Some((quote, cue, start, end)) = claim_anchor(doc, analysis, claim) else {
            return false;
        };
        let change = Change::ClaimSource {
            quote,
            cue,
            start,
            end,
            actor: name,
        };
        self.correct(doc, analysis, change, now);
        true
    }

    /// Makes the words `words` (bytes; none only for [`Part::NoHedges`]) part `part` of
    /// claim `claim`, recorded as a correction. `false` when there is no such claim or the
    /// words are not a passage of the text.
    pub fn set_claim_part(
        &mut self,
        doc: &Document,
        analysis: &mut Analysis,
        claim: usize,
        part: Part,
        words: Option<Span>,
        now: Timestamp,
    ) -> bool {
        let Some((quote, cue, start, end)) = claim_anchor(doc, analysis, claim) else {
            return false;
        };
        let marked = match words {
            Some(w) => match Quote::of(&doc.text, w) {
                Some(q) => Some((q, doc.char_offset(w.start))),
                None => return false,
            },
            None if part == Part::NoHedges => None,
            None => return false,
        };
        let (words, words_start) = match marked {
            Some((q, at)) => (Some(q), at),
            None => (None, 0),
        };
        let change = Change::ClaimPart {
            quote,
            cue,
            start,
            end,
            part,
            words,
            words_start,
        };
        self.correct(doc, analysis, change, now);
        true
    }

    /// Splits the mentions of actor `actor` that read `alias` off to actor `into`, or to a
    /// new actor named `alias` (none), recorded as a correction by names. Returns where they
    /// went; none when no mention of the actor reads so.
    pub fn split_actor(
        &mut self,
        doc: &Document,
        analysis: &mut Analysis,
        actor: usize,
        alias: &str,
        into: Option<usize>,
        now: Timestamp,
    ) -> Option<usize> {
        let name = analysis.actors.get(actor)?.name.clone();
        let reads = |m: &crate::analysis::Mention| doc.slice(m.span()) == alias;
        if into == Some(actor) || !analysis.actors[actor].mentions.iter().any(reads) {
            return None;
        }
        let into = match into {
            Some(i) => Some(analysis.actors.get(i)?.name.clone()),
            None => None,
        };
        let went = into.clone().unwrap_or_else(|| alias.to_string());
        let alias = alias.to_string();
        let change = self.numbered(Change::SplitActor {
            name,
            alias,
            into,
            number: None,
        });
        self.correct(doc, analysis, change, now);
        correct::find_actor(analysis, &went)
    }

    /// Moves the mentions inside the words `span` (bytes) to actor `into`, or to a new actor
    /// named by the words (none), recorded as a correction by the words' quote. Returns where
    /// they went; none when the words hold no mention.
    pub fn move_mention(
        &mut self,
        doc: &Document,
        analysis: &mut Analysis,
        span: Span,
        into: Option<usize>,
        now: Timestamp,
    ) -> Option<usize> {
        let quote = Quote::of(&doc.text, span)?;
        let holds = |a: &crate::analysis::Actor| a.mentions.iter().any(|m| span.contains(m.span()));
        analysis.actors.iter().position(holds)?;
        let into = match into {
            Some(i) => Some(analysis.actors.get(i)?.name.clone()),
            None => None,
        };
        let went = into
            .clone()
            .unwrap_or_else(|| quote.exact.trim().to_string());
        let (start, end) = (doc.char_offset(span.start), doc.char_offset(span.end));
        let change = self.numbered(Change::MoveMention {
            quote,
            start,
            end,
            into,
            number: None,
        });
        self.correct(doc, analysis, change, now);
        correct::find_actor(analysis, &went)
    }

    /// Renames actor `actor`, recorded as a correction. `false` when there is no such actor
    /// or the new name is blank or the same.
    pub fn rename_actor(
        &mut self,
        doc: &Document,
        analysis: &mut Analysis,
        actor: usize,
        to: &str,
        now: Timestamp,
    ) -> bool {
        let to = to.trim();
        let Some(name) = analysis.actors.get(actor).map(|a| a.name.clone()) else {
            return false;
        };
        if to.is_empty() || to == name {
            return false;
        }
        let to = to.to_string();
        self.correct(doc, analysis, Change::RenameActor { name, to }, now);
        true
    }

    /// Gives actor `actor` the kind `to`, recorded as a correction. `false` when there is no
    /// such actor.
    pub fn retype_actor(
        &mut self,
        doc: &Document,
        analysis: &mut Analysis,
        actor: usize,
        to: ActorKind,
        now: Timestamp,
    ) -> bool {
        let Some(name) = analysis.actors.get(actor).map(|a| a.name.clone()) else {
            return false;
        };
        self.correct(doc, analysis, Change::RetypeActor { name, to }, now);
        true
    }

    /// Removes actor `actor` (not an actor at all), recorded as a correction. `false` when
    /// there is no such actor.
    pub fn remove_actor(
        &mut self,
        doc: &Document,
        analysis: &mut Analysis,
        actor: usize,
        now: Timestamp,
    ) -> bool {
        let Some(name) = analysis.actors.get(actor).map(|a| a.name.clone()) else {
            return false;
        };
        self.correct(doc, analysis, Change::RemoveActor { name }, now);
        true
    }

    /// Gives event `event` (an index into `analysis.timeline`) the date `typed`
    /// ("2024-11-22", "Nov 2024", "last Friday"), resolved now against the published date
    /// and kept as the value with the words typed; "undated" makes it undated. Recorded as a
    /// correction; returns where the event now is in the timeline.
    pub fn set_event_date(
        &mut self,
        doc: &Document,
        analysis: &mut Analysis,
        event: usize,
        typed: &str,
        now: Timestamp,
    ) -> Result<usize, EventDateError> {
        let typed = typed.trim();
        let value = match typed {
            "undated" => None,
            _ => match times::resolve(typed, doc.meta.published) {
                Some(value) if value.interval().is_some() => Some(value),
                Some(_) => return Err(EventDateError::Unplaced),
                None => return Err(EventDateError::NotADate),
            },
        };
        let (quote, start, end) =
            event_anchor(doc, analysis, event).ok_or(EventDateError::NoEvent)?;
        let span = analysis.timeline[event].span;
        let change = Change::EventDate {
            quote,
            start,
            end,
            value,
            typed: typed.to_string(),
        };
        self.correct(doc, analysis, change, now);
        let at = analysis.timeline.iter().position(|e| e.span == span);
        at.ok_or(EventDateError::NoEvent)
    }

    /// Removes event `event` from the timeline (not an event), recorded as a correction.
    /// `false` when there is no such event.
    pub fn remove_event(
        &mut self,
        doc: &Document,
        analysis: &mut Analysis,
        event: usize,
        now: Timestamp,
    ) -> bool {
        let Some((quote, start, end)) = event_anchor(doc, analysis, event) else {
            return false;
        };
        self.correct(
            doc,
            analysis,
            Change::RemoveEvent { quote, start, end },
            now,
        );
        true
    }

    /// Adds the passage `span` (bytes) as an event the machine missed, recorded as a
    /// correction; returns its index in the timeline.
    pub fn add_event(
        &mut self,
        doc: &Document,
        analysis: &mut Analysis,
        span: Span,
        now: Timestamp,
    ) -> Option<usize> {
        let change = self.addition(doc, span, attach::Series::Events)?;
        self.correct(doc, analysis, change, now);
        analysis.timeline.iter().position(|e| e.span == span)
    }

    /// The passage `span` (bytes) added to `series`, numbered; none when it is not a
    /// passage of the text.
    fn addition(&self, doc: &Document, span: Span, series: attach::Series) -> Option<Change> {
        let quote = Quote::of(&doc.text, span)?;
        let (start, end) = (doc.char_offset(span.start), doc.char_offset(span.end));
        Some(self.numbered(match series {
            attach::Series::Events => Change::AddEvent {
                quote,
                start,
                end,
                number: None,
            },
            _ => Change::AddClaim {
                quote,
                start,
                end,
                number: None,
            },
        }))
    }

    /// `change` with the number of its series when it adds something (a claim, an event, an
    /// actor split off or made of a mention moved): [`attach::number_for`].
    fn numbered(&self, mut change: Change) -> Change {
        let target = change.target();
        if let Some(series) = attach::Series::of(&change) {
            let number = attach::number_for(&self.review.corrections, &target, series);
            if let Some(slot) = series.number(&mut change) {
                *slot = Some(number);
            }
        }
        change
    }

    /// Takes back the last change. A taken-back correction restores the analysis as it was
    /// before it. `false` when there is nothing to undo.
    pub fn undo(&mut self, doc: &Document, analysis: &mut Analysis, now: Timestamp) -> bool {
        let Some(last) = self.undo.pop() else {
            return false;
        };
        let now = stamp(now);
        match last {
            Undo::Claim(key, before) => {
                let was = self.review.claims.iter().find(|c| c.key() == key).cloned();
                restore(&mut self.review.claims, &key, before, now);
                let now_is = self.review.claims.iter().find(|c| c.key() == key).cloned();
                if let (Some(was), Some(now_is)) = (was, now_is) {
                    self.note_own(&was, &now_is);
                }
            }
            Undo::Note(key, before) => restore(&mut self.review.notes, &key, before, now),
            Undo::Correction(key, before) => {
                restore(&mut self.review.corrections, &key, before, now);
                *analysis = self.machine.clone();
                attach::attach(doc, analysis, &mut self.review);
            }
            Undo::Published(before) => {
                self.review.published = Some(Published {
                    date: before.and_then(|p| p.date),
                    updated: now,
                });
            }
        }
        attach::attach_items(doc, analysis, &mut self.review);
        true
    }

    /// The published date set in the review, if any.
    pub fn published(&self) -> Option<jiff::civil::Date> {
        self.review.published.and_then(|p| p.date)
    }

    /// Sets the briefing's published date in the review (none: clears it). The briefing is
    /// then to be analysed again with it ([`Session::reanalysed`]).
    pub fn set_published(&mut self, date: Option<jiff::civil::Date>, now: Timestamp) {
        let before = self.review.published;
        self.review.published = Some(Published {
            date,
            updated: stamp(now),
        });
        self.undo.push(Undo::Published(before));
    }

    /// The briefing analysed again (its published date changed): `machine` is the new
    /// analysis as the machine made it; `analysis` becomes it with the review attached.
    pub fn reanalysed(&mut self, doc: &Document, machine: Analysis, analysis: &mut Analysis) {
        *analysis = machine.clone();
        self.machine = machine;
        attach::attach(doc, analysis, &mut self.review);
    }

    /// Which claims and actors of `analysis` the analyst's corrections made (added, or not
    /// as the machine had them: another kind, source, cue, hedges or content; another name,
    /// kind or mentions), each by index, for the panes to mark.
    pub fn corrected(&self, analysis: &Analysis) -> (Vec<bool>, Vec<bool>) {
        use std::collections::HashMap;
        let machine = &self.machine;
        fn source<'a>(a: &'a Analysis, c: &crate::analysis::Claim) -> Option<(Span, Vec<&'a str>)> {
            let s = c.source.as_ref()?;
            let names = s.actors.iter().map(|&x| a.actors[x].name.as_str());
            Some((s.span, names.collect()))
        }
        let mut claims: HashMap<Span, Vec<usize>> = HashMap::new();
        for (i, c) in machine.claims.iter().enumerate() {
            claims.entry(c.span).or_default().push(i);
        }
        let claim_corrected = analysis.claims.iter().map(|c| {
            c.added.is_some()
                || !claims.get(&c.span).is_some_and(|same| {
                    same.iter().any(|&m| {
                        let m = &machine.claims[m];
                        (m.cue, m.kind, &m.hedges) == (c.cue, c.kind, &c.hedges)
                            && source(machine, m) == source(analysis, c)
                    })
                })
        });
        let actors: HashMap<&str, &crate::analysis::Actor> = machine
            .actors
            .iter()
            .map(|a| (a.name.as_str(), a))
            .collect();
        let actor_corrected = analysis.actors.iter().map(|a| {
            !actors
                .get(a.name.as_str())
                .is_some_and(|m| m.kind == a.kind && m.mentions == a.mentions)
        });
        (claim_corrected.collect(), actor_corrected.collect())
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
        attach::number_added(&mut merged.corrections);
        if let Some(clash) = clashes(&self.review, &merged, &mut self.own) {
            warnings.push(clash);
        }
        // another reader's corrections, and their later word on what this one corrected too
        // (a kind set again); a correction they withdrew stays applied here until the next
        // analysis
        for correction in &mut merged.corrections {
            let mine = &self.review.corrections;
            if !mine.iter().any(|c| c.change == correction.change) {
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
        let mut item = match self.claim(claim) {
            Some(item) => item.clone(),
            None => {
                let Some((quote, cue, start, end)) = claim_anchor(doc, analysis, claim) else {
                    return false;
                };
                ClaimReview {
                    claim: Some(analysis.claim_id(claim)),
                    index: Some(claim),
                    quote,
                    cue,
                    start,
                    end,
                    status: Status::Unreviewed,
                    grade: None,
                    note: None,
                    tags: Vec::new(),
                    reviewer: None,
                    // the fields this change leaves were never changed: another reader's
                    // change to them, at any time, wins the merge
                    updated: NEVER,
                    changed: Default::default(),
                    orphaned: false,
                }
            }
        };
        let before = item.clone();
        change(&mut item);
        item.reviewer = Some(self.review.reviewer.clone());
        item.stamp_changes(&before, stamp(now));
        self.note_own(&before, &item);
        let key = item.key();
        let before = put(&mut self.review.claims, item);
        self.undo.push(Undo::Claim(key, before));
        true
    }

    /// Records the fields of a claim that went from `before` to `after` here.
    fn note_own(&mut self, before: &ClaimReview, after: &ClaimReview) {
        let changed = [
            before.status != after.status,
            before.grade != after.grade,
            before.note != after.note,
            before.tags != after.tags,
        ];
        for (k, _) in changed.iter().enumerate().filter(|(_, c)| **c) {
            self.own.insert((after.key(), k));
        }
    }

    fn correct(&mut self, doc: &Document, analysis: &mut Analysis, change: Change, now: Timestamp) {
        let mut correction = Correction {
            change,
            reviewer: Some(self.review.reviewer.clone()),
            updated: stamp(now),
            withdrawn: false,
            orphaned: false,
        };
        attach::apply(doc, analysis, &mut correction);
        let key = correction.key();
        let before = put(&mut self.review.corrections, correction);
        self.undo.push(Undo::Correction(key, before));
        attach::attach_items(doc, analysis, &mut self.review);
    }
}
