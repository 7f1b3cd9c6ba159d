//! The analyst's review in the reader: statuses, grades and notes on the selected claim, the
//! status filter, free notes and added claims on a selection, actor merges, undo, export,
//! the reading position; the overlays that ask for input are in [`super::overlay`]. Each change is saved at once; a failed save is reported
//! in the status bar and the review stays in memory, so the next change writes it all.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::{Item, NoteOn, Overlay, Pane, Reader};
use crate::briefing::reviewed;
use crate::document::Span;
use crate::export::{self, Briefing, Format};
use crate::review::{FreeNote, Grade, Position, Session, Status};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::selection::{Selection, Step};
use crate::tui::textarea::TextArea;

/// What the configuration decides about the reader's export key.
#[derive(Debug, Clone, Default)]
pub struct ExportSettings {
    pub format: Format,
    /// Where `export` writes; none: the current directory.
    pub dir: Option<PathBuf>,
}

/// The status filter's steps, in the order `filter` cycles through them after "all".
const FILTERS: [Status; 5] = [
    Status::Unreviewed,
    Status::Disputed,
    Status::Unverified,
    Status::Supported,
    Status::Rejected,
];

impl Reader {
    /// The claim the review keys act on: the Claims pane's selection, or in the article
    /// the claim selected there.
    pub fn target_claim(&self) -> Option<usize> {
        match (self.focus, self.current) {
            (Pane::Claims, _) => self.claim_view.get(self.claims.selected).copied(),
            (Pane::Article, Some(Item::Claim(i))) => Some(i),
            _ => None,
        }
    }

    /// Every free note in force, with its passage in bytes (none when orphaned: it has no
    /// place in the text).
    pub fn free_notes(&self) -> Vec<(FreeNote, Option<Span>)> {
        let (Some(session), Some(doc)) = (&self.session, &self.doc) else {
            return Vec::new();
        };
        // Notes hold code-point offsets; one pass over the text turns them all into bytes.
        let mut wanted: Vec<usize> = session
            .notes()
            .filter(|n| !n.orphaned)
            .flat_map(|n| [n.start, n.end])
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut bytes = std::collections::HashMap::new();
        let mut next = wanted.iter().peekable();
        let ends = doc
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain([doc.text.len()]);
        for (k, byte) in ends.enumerate() {
            while next.peek().is_some_and(|&&w| w == k) {
                bytes.insert(k, byte);
                next.next();
            }
            if next.peek().is_none() {
                break;
            }
        }
        session
            .notes()
            .map(|n| {
                let span = (!n.orphaned)
                    .then(|| Some(Span::new(*bytes.get(&n.start)?, *bytes.get(&n.end)?)))
                    .flatten()
                    .filter(|s| s.start < s.end);
                (n.clone(), span)
            })
            .collect()
    }

    /// The passages with a free note, in bytes.
    pub fn noted_spans(&self) -> Vec<Span> {
        self.free_notes()
            .into_iter()
            .filter_map(|(_, s)| s)
            .collect()
    }

    /// Every claim's status at once (one pass over the review).
    pub fn statuses(&self) -> Vec<Status> {
        let claims = self.analysis.as_ref().map_or(0, |a| a.claims.len());
        match &self.session {
            Some(s) => s
                .by_claim(claims)
                .iter()
                .map(|c| c.map_or(Status::Unreviewed, |c| c.status))
                .collect(),
            None => vec![Status::Unreviewed; claims],
        }
    }

    /// How many claims have a status other than unreviewed.
    pub fn reviewed(&self) -> usize {
        let claims = self.analysis.as_ref().map_or(0, |a| a.claims.len());
        self.session.as_ref().map_or(0, |s| reviewed(s, claims))
    }

    /// A claim is listed unless rejected, or when the status filter asks for its status.
    pub fn listed(&self, status: Status) -> bool {
        match self.status_filter {
            Some(wanted) => status == wanted,
            None => status != Status::Rejected,
        }
    }

    /// A review key; the clipboard and the external editor are asked of the shell.
    pub fn review_action(&mut self, action: Action) -> Option<Effect> {
        use Action::*;
        let now = Timestamp::now();
        match action {
            MarkSupported => self.mark(Status::Supported, now),
            MarkDisputed => self.mark(Status::Disputed, now),
            MarkUnverified => self.mark(Status::Unverified, now),
            MarkRejected => self.mark(Status::Rejected, now),
            ClearStatus => self.mark(Status::Unreviewed, now),
            Grade => {
                if let Some(claim) = self.review_target() {
                    self.overlay = Some(Overlay::Grade {
                        claim,
                        reliability: None,
                    });
                }
            }
            Note => {
                if let Some(claim) = self.review_target() {
                    let text = self.note(claim).unwrap_or_default();
                    self.overlay = Some(Overlay::note(NoteOn::Claim(claim), TextArea::new(text)));
                }
            }
            NoteInEditor => {
                if let Some(claim) = self.review_target() {
                    let text = self.note(claim).unwrap_or_default();
                    return Some(Effect::EditNote { claim, text });
                }
            }
            Copy => {
                if let Some(claim) = self.review_target()
                    && let Some(text) = self.clip(claim)
                {
                    self.message = Some(format!("c{} copied (OSC 52)", claim + 1));
                    return Some(Effect::Copy(text));
                }
            }
            Filter => {
                self.status_filter = match self.status_filter {
                    None => Some(FILTERS[0]),
                    Some(s) => FILTERS
                        .iter()
                        .position(|&f| f == s)
                        .and_then(|k| FILTERS.get(k + 1).copied()),
                };
                self.refresh_claims();
                // in the pane's words: its "Claims 15 of 16" hides the rejected
                let Some(analysis) = &self.analysis else {
                    return None;
                };
                let total = analysis.claims.len();
                let shown = format!("{} of {total}", self.claim_view.len());
                let actor = self.filter.and_then(|a| analysis.actors.get(a));
                let whose = actor.map_or(String::new(), |a| format!(" · {}", a.name));
                let rejected = self.statuses().contains(&Status::Rejected);
                self.message = Some(match self.status_filter {
                    Some(s) => format!("showing {s} claims: {shown}{whose}"),
                    None if rejected => {
                        format!("showing all but the rejected claims: {shown}{whose}")
                    }
                    None => format!("showing all claims: {shown}{whose}"),
                });
            }
            Undo => {
                let (Some(session), Some(doc), Some(analysis)) =
                    (&mut self.session, &self.doc, &mut self.analysis)
                else {
                    return None;
                };
                if session.undo(doc, analysis, now) {
                    self.message = Some("undone".into());
                    self.save(now);
                } else {
                    self.message = Some("nothing to undo".into());
                }
            }
            Export => self.export(),
            Notes => self.open_notes(0),
            Select if self.focus == Pane::Article => self.start_selection(),
            MergeActor => self.start_merge(),
            Select | AddClaim | SelectNextWord | SelectPreviousWord | SelectOtherEnd => {
                self.message = Some("select a passage in the article first (v)".into());
            }
            _ => {}
        }
        None
    }

    /// `M` in the Actors pane: a picker of the other actors.
    fn start_merge(&mut self) {
        let Some(analysis) = &self.analysis else {
            return;
        };
        let from = self.actors.selected;
        if self.focus != Pane::Actors || from >= analysis.actors.len() {
            self.message = Some("select an actor in the Actors pane first".into());
            return;
        }
        let into: Vec<usize> = (0..analysis.actors.len()).filter(|&a| a != from).collect();
        if into.is_empty() {
            self.message = Some("no other actor to merge into".into());
            return;
        }
        self.overlay = Some(Overlay::Merge {
            from,
            into,
            selected: 0,
        });
    }

    pub(super) fn merge(&mut self, from: usize, into: usize) {
        let now = Timestamp::now();
        let (Some(session), Some(doc), Some(analysis)) =
            (&mut self.session, &self.doc, &mut self.analysis)
        else {
            return;
        };
        let names = (analysis.actors.get(from), analysis.actors.get(into));
        let (Some(f), Some(i)) = names else {
            return;
        };
        let message = format!("{} merged into {}", f.name, i.name);
        if session.merge_actor(doc, analysis, from, into, now) {
            self.message = Some(message);
            // Actor indices moved: the actor filter and selection start again.
            self.filter = None;
            self.actors = Default::default();
            self.current = None;
            self.save(now);
        }
    }

    /// `v` in the article: the sentence of the selected claim, else the one at the top.
    fn start_selection(&mut self) {
        let Some(doc) = &self.doc else {
            return;
        };
        let at = match (self.current, &self.analysis) {
            (Some(Item::Claim(i)), Some(a)) => a.claims.get(i).map_or(0, |c| c.span.start),
            _ => self.article.top_byte(doc),
        };
        let Some(s) = doc.sentences.iter().position(|s| s.end > at) else {
            return;
        };
        self.selection = Selection::sentence(doc, s);
        self.refresh_focus();
    }

    /// The selected passage, in bytes.
    pub fn selected_span(&self) -> Option<Span> {
        self.selection.map(|s| s.span)
    }

    /// Keys while a passage is selected; `true` when the key acted on the selection.
    pub fn select_key(&mut self, action: Action) -> bool {
        use Action::*;
        let (Some(mut selection), Some(doc)) = (self.selection, &self.doc) else {
            return false;
        };
        match action {
            Down => selection.step(doc, Step::Sentence, true),
            Up => selection.step(doc, Step::Sentence, false),
            SelectNextWord => selection.step(doc, Step::Word, true),
            SelectPreviousWord => selection.step(doc, Step::Word, false),
            SelectOtherEnd => selection.swap(),
            Note => {
                self.overlay = Some(Overlay::note(
                    NoteOn::Passage(selection.span),
                    TextArea::default(),
                ));
            }
            AddClaim => {
                self.add_claim();
                return true;
            }
            _ => return false,
        }
        self.selection = Some(selection);
        // The end that moves stays in view.
        let head = selection.head();
        let shown = if selection.start_moves {
            head
        } else {
            head.saturating_sub(1)
        };
        if let Some(doc) = &self.doc
            && !self.article.shows(doc, shown)
        {
            self.article.jump_to(doc, shown);
        }
        self.refresh_focus();
        true
    }

    /// `+` on a selection: the passage becomes a claim the machine missed.
    fn add_claim(&mut self) {
        let now = Timestamp::now();
        let Some(span) = self.selected_span() else {
            return;
        };
        self.selection = None;
        let (Some(session), Some(doc), Some(analysis)) =
            (&mut self.session, &self.doc, &mut self.analysis)
        else {
            return;
        };
        match session.add_claim(doc, analysis, span, now) {
            Some(claim) => {
                self.message = Some(format!("added as c{}", claim + 1));
                self.current = Some(Item::Claim(claim));
                self.save(now);
            }
            None => self.message = Some("not a passage of the text".into()),
        }
    }

    pub(super) fn add_note(&mut self, span: Span, text: &str) {
        let now = Timestamp::now();
        self.selection = None;
        if let (Some(session), Some(doc)) = (&mut self.session, &self.doc)
            && session.add_note(doc, span, text, now)
        {
            self.message = Some("note on the passage saved".into());
            self.save(now);
        }
    }

    fn note(&self, claim: usize) -> Option<String> {
        self.session.as_ref()?.claim(claim)?.note.clone()
    }

    /// Claim `claim` as the clipboard gets it: its words, source, status, grade and note.
    fn clip(&self, claim: usize) -> Option<String> {
        let (doc, analysis) = (self.doc.as_ref()?, self.analysis.as_ref()?);
        let c = analysis.claims.get(claim)?;
        let mut out = format!("\"{}\"", doc.slice(c.span).trim());
        if let Some(source) = &c.source {
            out.push_str(&format!("\n— {}", doc.slice(source.span)));
        }
        let review = self.session.as_ref().and_then(|s| s.claim(claim));
        let status = review.map_or(Status::Unreviewed, |r| r.status);
        out.push_str(&format!("\nStatus: {status}"));
        if let Some(grade) = review.and_then(|r| r.grade) {
            out.push_str(&format!(" · Grade: {grade}"));
        }
        if let Some(note) = review.and_then(|r| r.note.as_deref()) {
            out.push_str(&format!("\nNote: {note}"));
        }
        Some(out)
    }

    /// The external editor came back: its text is the note, or why it is not.
    pub fn edited(&mut self, claim: usize, result: Result<String, String>) {
        match result {
            Ok(text) => self.set_note(claim, &text, Timestamp::now()),
            Err(why) => self.message = Some(why),
        }
    }

    /// The claim to act on, or a hint in the status bar when there is none.
    fn review_target(&mut self) -> Option<usize> {
        self.session.as_ref()?;
        let target = self.target_claim();
        if target.is_none() {
            self.message = Some("select a claim first (Claims pane, or ] in the article)".into());
        }
        target
    }

    fn mark(&mut self, status: Status, now: Timestamp) {
        let Some(claim) = self.review_target() else {
            return;
        };
        let (Some(session), Some(doc), Some(analysis)) =
            (&mut self.session, &self.doc, &self.analysis)
        else {
            return;
        };
        if session.set_status(doc, analysis, claim, status, now) {
            self.message = Some(format!("c{} {status}", claim + 1));
            self.save(now);
        }
    }

    /// Writes the review at once and repaints what shows it. A change that cannot be
    /// written says so after what it did, and the title bar marks the review unsaved.
    pub(super) fn save(&mut self, now: Timestamp) {
        if let (Some(session), Some(doc), Some(analysis)) =
            (&mut self.session, &self.doc, &mut self.analysis)
        {
            let stored = session.path().is_some();
            let failed = match session.save(doc, analysis, now) {
                Ok(_) if !stored => Some("the review is in memory only".to_string()),
                Ok(warnings) => {
                    if let Some(w) = warnings.first() {
                        self.message = Some(w.to_string());
                    }
                    self.warnings.extend(warnings);
                    None
                }
                Err(e) => Some(e.to_string()),
            };
            self.unsaved = failed.is_some();
            if let Some(why) = failed {
                let done = self.message.take().map_or(String::new(), |m| m + ", ");
                self.message = Some(format!("{done}not saved: {why}"));
            }
        }
        self.refresh_claims();
    }

    pub(super) fn set_grade(&mut self, claim: usize, grade: Option<Grade>, now: Timestamp) {
        if let (Some(session), Some(doc), Some(analysis)) =
            (&mut self.session, &self.doc, &self.analysis)
            && session.set_grade(doc, analysis, claim, grade, now)
        {
            self.message = Some(match grade {
                Some(g) => format!("c{} graded {g}", claim + 1),
                None => format!("c{} grade cleared", claim + 1),
            });
            self.save(now);
        }
    }

    pub(super) fn set_note(&mut self, claim: usize, text: &str, now: Timestamp) {
        if let (Some(session), Some(doc), Some(analysis)) =
            (&mut self.session, &self.doc, &self.analysis)
            && session.set_note(doc, analysis, claim, text, now)
        {
            self.message = Some(format!("c{} note saved", claim + 1));
            self.save(now);
        }
    }

    /// Keeps the reading position and focus beside the review.
    pub fn save_view(&mut self) {
        let (Some(session), Some(doc)) = (&self.session, &self.doc) else {
            return;
        };
        session.keep_position(&Position {
            top: self.article.top_byte(doc),
            pane: Pane::ALL.iter().position(|&p| p == self.focus).unwrap_or(0) + 1,
            claim: self.claim_view.get(self.claims.selected).copied(),
        });
    }

    /// Back where the reader left off: the article's top line, the focus, the claim.
    pub fn restore_view(&mut self) {
        let Some(view) = self.session.as_ref().and_then(Session::position) else {
            return;
        };
        if let Some(&pane) = view.pane.checked_sub(1).and_then(|k| Pane::ALL.get(k)) {
            self.focus = pane;
        }
        if let Some(k) = view
            .claim
            .and_then(|c| self.claim_view.iter().position(|&i| i == c))
        {
            self.claims.selected = k;
            self.current = Some(Item::Claim(self.claim_view[k]));
            self.refresh_claims();
        }
        // The text may have been edited since: a position inside it, on a character.
        if let Some(doc) = &self.doc
            && view.top < doc.text.len()
            && doc.text.is_char_boundary(view.top)
        {
            self.article.resume_at(doc, view.top);
        }
    }

    /// Writes the briefing note in the configured format and folder.
    fn export(&mut self) {
        let (Some(session), Some(doc), Some(analysis)) = (&self.session, &self.doc, &self.analysis)
        else {
            return;
        };
        let settings = &self.export;
        let Some(dir) = settings
            .dir
            .clone()
            .or_else(|| std::env::current_dir().ok())
        else {
            self.message = Some("export: no folder to write to".into());
            return;
        };
        let briefing =
            Briefing::new(doc, analysis, session.review()).with_file(Path::new(&self.name));
        self.message = Some(match export::write_file(&dir, settings.format, &briefing) {
            Ok(path) => {
                // inside the current folder, the shorter name says where
                let cwd = std::env::current_dir().unwrap_or_default();
                let shown = path.strip_prefix(&cwd).unwrap_or(&path);
                format!("exported to {}", shown.display())
            }
            Err(e) => format!("export failed: {}: {}", dir.display(), crate::io_reason(&e)),
        });
    }
}
