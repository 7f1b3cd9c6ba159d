//! The analyst's review in the reader: statuses, grades and notes on the selected claim, the
//! status filter, the next unreviewed claim, free notes and added claims on a selection,
//! corrections (a claim's kind and source; an actor merged, renamed, re-typed, removed), the
//! published date, undo, export, the reading position; the overlays that ask for input are
//! in [`super::overlay`]. Each change is saved at once; a failed save is reported in the
//! status bar and the review stays in memory, so the next change writes it all.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::{Choice, Item, NoteOn, Overlay, Pane, Pick, Reader, Typed};
use crate::analysis::{ActorKind, Analysis, ClaimKind, UserLexicon, analyze};
use crate::briefing::reviewed;
use crate::document::{DateSource, Document, Span};
use crate::export::{self, Briefing, Format, word as kind_word};
use crate::review::{FreeNote, Grade, Part, Position, Session, Status};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::picker::Picker;
use crate::tui::selection::{Selection, Step};
use crate::tui::textarea::TextArea;

/// What the configuration decides about the reader's export key.
#[derive(Debug, Clone, Default)]
pub struct ExportSettings {
    pub format: Format,
    /// Where `export` writes; none: the current directory.
    pub dir: Option<PathBuf>,
    /// A CSV export begins with a byte-order mark.
    pub csv_bom: bool,
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
                    self.message = Some(format!("{} copied (OSC 52)", self.claim_id(claim)));
                    return Some(Effect::Copy(text));
                }
            }
            Filter => {
                // every status, then every tag used, then all again
                let tags = self.tags_used();
                let next_tag = |after: Option<&String>| {
                    let at = after.and_then(|t| tags.iter().position(|u| u == t));
                    tags.get(at.map_or(0, |k| k + 1)).cloned()
                };
                (self.status_filter, self.tag_filter) = match (self.status_filter, &self.tag_filter)
                {
                    (None, None) => (Some(FILTERS[0]), None),
                    (Some(s), _) => match FILTERS.iter().position(|&f| f == s) {
                        Some(k) if k + 1 < FILTERS.len() => (Some(FILTERS[k + 1]), None),
                        _ => (None, next_tag(None)),
                    },
                    (None, Some(tag)) => (None, next_tag(Some(tag))),
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
                self.message = Some(match (self.status_filter, &self.tag_filter) {
                    (Some(s), _) => format!("showing {s} claims: {shown}{whose}"),
                    (None, Some(tag)) => format!("showing claims tagged {tag}: {shown}{whose}"),
                    (None, None) if rejected => {
                        format!("showing all but the rejected claims: {shown}{whose}")
                    }
                    (None, None) => format!("showing all claims: {shown}{whose}"),
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
            SetKind if self.focus == Pane::Actors => self.pick_actor_kind(),
            SetKind => self.pick_claim_kind(),
            SetSource => self.pick_source(),
            RenameActor => {
                if let Some((actor, text)) = self.target_actor() {
                    let on = Typed::ActorName(actor);
                    self.overlay = Some(Overlay::Typing { on, text });
                }
            }
            Tags => {
                if let Some(claim) = self.review_target() {
                    let review = self.session.as_ref().and_then(|s| s.claim(claim));
                    let tags = review.map_or_else(Vec::new, |c| c.tags.clone());
                    self.ask_tags(Typed::Tags(claim), &tags);
                }
            }
            ClaimDetail => {
                if let Some(claim) = self.review_target() {
                    self.overlay = Some(Overlay::Detail { claim, scroll: 0 });
                }
            }
            SetPublished if self.session.is_some() => {
                let date = self.doc.as_ref().and_then(|d| d.meta.published);
                let text = date.map_or(String::new(), |d| d.to_string());
                let on = Typed::Published;
                self.overlay = Some(Overlay::Typing { on, text });
            }
            SetDate => {
                if let Some(event) = self.target_event() {
                    let on = Typed::EventDate(event);
                    let text = String::new();
                    self.overlay = Some(Overlay::Typing { on, text });
                }
            }
            RemoveActor if self.focus == Pane::Timeline => {
                if let Some(event) = self.target_event() {
                    let label = self.event_label(event);
                    self.correct(format!("event {label} removed"), false, |s, d, a, now| {
                        s.remove_event(d, a, event, now)
                    });
                    // the events after it moved up
                    self.current = None;
                    self.refresh_focus();
                }
            }
            RemoveActor => {
                if let Some((actor, name)) = self.target_actor() {
                    self.correct(format!("{name} removed"), true, |s, d, a, now| {
                        s.remove_actor(d, a, actor, now)
                    });
                    // the actor after it, where it was
                    let left = self.analysis.as_ref().map_or(0, |a| a.actors.len());
                    self.actors.selected = actor.min(left.saturating_sub(1));
                }
            }
            NextUnreviewed => self.next_unreviewed(true),
            PrevUnreviewed => self.next_unreviewed(false),
            SplitActor => self.pick_alias(),
            Select | AddClaim | AddEvent | ClaimPart | SelectNextWord | SelectPreviousWord
            | SelectOtherEnd => {
                self.message = Some("select a passage in the article first (v)".into());
            }
            _ => {}
        }
        None
    }

    /// `M` in the Actors pane: a picker of the other actors.
    fn start_merge(&mut self) {
        let Some((from, _)) = self.target_actor() else {
            return;
        };
        let actors = self.actor_choices(|a| a != from);
        if actors.is_empty() {
            self.message = Some("no other actor to merge into".into());
            return;
        }
        self.open_picker(Pick::Merge { from }, actors, None);
    }

    /// `|` in the Actors pane: a picker of the words the actor's mentions read.
    fn pick_alias(&mut self) {
        let (Some((actor, _)), Some(doc)) = (self.target_actor(), self.doc.clone()) else {
            return;
        };
        let Some(analysis) = &self.analysis else {
            return;
        };
        let mut choices: Vec<(Choice, String)> = Vec::new();
        for m in &analysis.actors[actor].mentions {
            let words = doc.slice(m.span()).to_string();
            if !choices.iter().any(|(_, w)| *w == words) {
                choices.push((Choice::Alias(m.span()), words));
            }
        }
        self.open_picker(Pick::SplitAlias { actor }, choices, None);
    }

    /// Where mentions go: an actor of their own, or another actor, from a picker.
    fn pick_new_home(&mut self, on: Pick, from: Option<usize>) {
        if self.session.is_none() {
            return;
        }
        let mut choices = vec![(Choice::NoOne, "(an actor of its own)".to_string())];
        choices.extend(self.actor_choices(|a| Some(a) != from));
        self.open_picker(on, choices, None);
    }

    /// `W` on a claim: a picker of the actors named in the text, and no one.
    fn pick_source(&mut self) {
        let Some(claim) = self.review_target() else {
            return;
        };
        let Some(analysis) = &self.analysis else {
            return;
        };
        let current = analysis.claims[claim]
            .source
            .as_ref()
            .and_then(|s| s.actors.first().copied());
        let mut choices = vec![(Choice::NoOne, "(no source)".to_string())];
        choices.extend(self.actor_choices(|a| !analysis.actors[a].mentions.is_empty()));
        let at = choices
            .iter()
            .position(|(c, _)| current.is_some_and(|a| *c == Choice::Actor(a)));
        self.open_picker(Pick::Source { claim }, choices, at);
    }

    /// `K` on a claim: a picker of the kinds.
    fn pick_claim_kind(&mut self) {
        let Some(claim) = self.review_target() else {
            return;
        };
        let Some(current) = self.analysis.as_ref().map(|a| a.claims[claim].kind) else {
            return;
        };
        let choices = ClaimKind::ALL.map(|k| (Choice::ClaimKind(k), kind_word(k)));
        let at = ClaimKind::ALL.iter().position(|&k| k == current);
        self.open_picker(Pick::ClaimKind { claim }, choices.to_vec(), at);
    }

    /// `K` in the Actors pane: a picker of the kinds.
    fn pick_actor_kind(&mut self) {
        let Some((actor, _)) = self.target_actor() else {
            return;
        };
        let Some(current) = self.analysis.as_ref().map(|a| a.actors[actor].kind) else {
            return;
        };
        let choices = ActorKind::ALL.map(|k| (Choice::ActorKind(k), kind_word(k)));
        let at = ActorKind::ALL.iter().position(|&k| k == current);
        self.open_picker(Pick::ActorKind { actor }, choices.to_vec(), at);
    }

    /// The actors that `keep` keeps, each with its name and kind, for a picker.
    fn actor_choices(&self, keep: impl Fn(usize) -> bool) -> Vec<(Choice, String)> {
        let Some(analysis) = &self.analysis else {
            return Vec::new();
        };
        (0..analysis.actors.len())
            .filter(|&a| keep(a))
            .map(|a| {
                let actor = &analysis.actors[a];
                (
                    Choice::Actor(a),
                    format!("{} ({})", actor.name, kind_word(actor.kind)),
                )
            })
            .collect()
    }

    pub(super) fn open_picker(
        &mut self,
        on: Pick,
        choices: Vec<(Choice, String)>,
        at: Option<usize>,
    ) {
        let (choices, entries): (Vec<Choice>, Vec<String>) = choices.into_iter().unzip();
        let picker = Picker::new(entries).at(at.unwrap_or(0));
        self.overlay = Some(Overlay::Pick {
            on,
            choices,
            picker,
        });
    }

    /// A picker's entry chosen: the correction it makes.
    pub(super) fn picked(&mut self, on: Pick, choice: Choice) {
        let Some(analysis) = &self.analysis else {
            return;
        };
        let actor_name = |a: usize| analysis.actors.get(a).map_or("", |a| &a.name).to_string();
        match (on, choice) {
            (Pick::Merge { from }, Choice::Actor(into)) => {
                let done = format!("{} merged into {}", actor_name(from), actor_name(into));
                self.correct(done, true, |s, d, a, now| {
                    s.merge_actor(d, a, from, into, now)
                });
                // `from` left the list
                self.select_actor(Some(into - usize::from(from < into)));
            }
            (Pick::Source { claim }, Choice::Actor(_) | Choice::NoOne) => {
                let actor = match choice {
                    Choice::Actor(a) => Some(a),
                    _ => None,
                };
                let who = actor.map_or("no one".to_string(), actor_name);
                let done = format!("{} source: {who}", analysis.claim_id(claim));
                self.correct(done, false, |s, d, a, now| {
                    s.set_claim_source(d, a, claim, actor, now)
                });
            }
            (Pick::ClaimKind { claim }, Choice::ClaimKind(kind)) => {
                let done = format!("{} is now {}", analysis.claim_id(claim), kind_word(kind));
                self.correct(done, false, |s, d, a, now| {
                    s.set_claim_kind(d, a, claim, kind, now)
                });
            }
            (Pick::SplitAlias { actor }, Choice::Alias(alias)) => {
                self.pick_new_home(Pick::SplitInto { actor, alias }, Some(actor));
            }
            (Pick::SplitInto { actor, alias }, Choice::Actor(_) | Choice::NoOne) => {
                let into = match choice {
                    Choice::Actor(a) => Some(a),
                    _ => None,
                };
                let Some(words) = self.doc.as_ref().map(|d| d.slice(alias).to_string()) else {
                    return;
                };
                let done = format!("{words} split off {}", actor_name(actor));
                let mut went = None;
                self.correct(done, true, |s, d, a, now| {
                    went = s.split_actor(d, a, actor, &words, into, now);
                    went.is_some()
                });
                self.select_actor(went);
            }
            (Pick::MoveInto { words }, Choice::Actor(_) | Choice::NoOne) => {
                let into = match choice {
                    Choice::Actor(a) => Some(a),
                    _ => None,
                };
                let who = into.map_or("an actor of its own".to_string(), actor_name);
                self.selection = None;
                let mut went = None;
                self.correct(format!("mentions moved to {who}"), true, |s, d, a, now| {
                    went = s.move_mention(d, a, words, into, now);
                    went.is_some()
                });
                self.select_actor(went);
                if self.message.is_none() {
                    self.message = Some("no actor's mention in the words marked".into());
                }
            }
            (Pick::Part { claim, words }, Choice::Part(part)) => {
                let id = analysis.claim_id(claim);
                let done = match part {
                    Part::NoHedges => format!("{id}: no hedges"),
                    _ => format!("{id}: the words marked as its {}", part.words()),
                };
                let words = Some(words).filter(|_| part != Part::NoHedges);
                self.selection = None;
                self.correct(done, false, |s, d, a, now| {
                    s.set_claim_part(d, a, claim, part, words, now)
                });
            }
            (Pick::Other { claim }, Choice::Other(k)) => self.follow_to(claim, k),
            (Pick::ActorKind { actor }, Choice::ActorKind(kind)) => {
                let done = format!("{} is now {}", actor_name(actor), kind_word(kind));
                self.correct(done, false, |s, d, a, now| {
                    s.retype_actor(d, a, actor, kind, now)
                });
            }
            _ => {}
        }
    }

    /// The new name typed for actor `actor`.
    pub(super) fn rename(&mut self, actor: usize, name: &str) {
        let done = format!("renamed {}", name.trim());
        self.correct(done, false, |s, d, a, now| {
            s.rename_actor(d, a, actor, name, now)
        });
        if self.message.is_none() {
            self.message = Some("name not changed".into());
        }
    }

    /// The published date typed (empty: the review's cleared), kept in the review; the
    /// shell then has the briefing analysed again with it ([`Reader::wants_analysis`]).
    pub(super) fn set_published(&mut self, text: &str) {
        let text = text.trim();
        let date = match text {
            "" => None,
            // "2024-11-23", "23 November 2024", "Nov 23, 2024": any one whole day
            _ => match crate::analysis::times::resolve(text, None).and_then(|v| v.interval()) {
                Some((first, last)) if first == last => Some(first),
                _ => {
                    self.message = Some(format!(
                        "{text:?} is not a date (2024-11-23, 23 November 2024, Nov 23, 2024)"
                    ));
                    return;
                }
            },
        };
        let now = Timestamp::now();
        let Some(session) = &mut self.session else {
            return;
        };
        session.set_published(date, now);
        self.message = Some(match date {
            Some(d) => format!("published {d}, kept in the review"),
            None => "the review's published date cleared".into(),
        });
        if self.doc.as_ref().and_then(|d| d.meta.published_from) == Some(DateSource::Given) {
            self.message = Some("kept in the review; --published wins while it is given".into());
        }
        self.save(now);
    }

    /// The review's published date is not the one the analysis was made with (it was set,
    /// cleared or undone here, or by another reader): the briefing is to be analysed again.
    pub fn wants_analysis(&self) -> bool {
        let (Some(doc), Some(session)) = (&self.doc, &self.session) else {
            return false;
        };
        doc.meta.clone().review_published(session.published())
    }

    /// The briefing analysed again with the review's published date, the review attached
    /// anew, so the timeline and every relative date re-resolve at once.
    pub fn reanalyse(&mut self, lexicon: &UserLexicon) {
        let (Some(doc), Some(session)) = (&self.doc, &mut self.session) else {
            return;
        };
        let mut doc = Document::clone(doc);
        if !doc.meta.review_published(session.published()) {
            return;
        }
        let machine = analyze(&doc, lexicon);
        let mut analysis = Analysis::default();
        session.reanalysed(&doc, machine, &mut analysis);
        self.doc = Some(std::sync::Arc::new(doc));
        self.analysis = Some(analysis);
        // actors and events may have moved: the filter and selections start again
        self.filter = None;
        self.actors = Default::default();
        self.current = None;
        self.refresh_claims();
    }

    /// A correction made through the session by `fix`: when it is made, `done` is said and
    /// the review saved; `moved` when actor indices moved, so the actor filter and
    /// selection start again.
    fn correct(
        &mut self,
        done: String,
        moved: bool,
        fix: impl FnOnce(&mut Session, &Document, &mut Analysis, Timestamp) -> bool,
    ) {
        let now = Timestamp::now();
        let (Some(session), Some(doc), Some(analysis)) =
            (&mut self.session, &self.doc, &mut self.analysis)
        else {
            return;
        };
        if !fix(session, doc, analysis, now) {
            return;
        }
        self.message = Some(done);
        if moved {
            self.filter = None;
            self.actors = Default::default();
            self.current = None;
        }
        self.save(now);
    }

    /// After actors were merged, split or moved: the one the mentions went to selected in
    /// the Actors pane, so the next key acts on it (`K` re-types an actor split off).
    fn select_actor(&mut self, actor: Option<usize>) {
        if let Some(actor) = actor {
            self.actors.selected = actor;
        }
    }

    /// The actor selected in the Actors pane with its name, or a hint when there is none.
    fn target_actor(&mut self) -> Option<(usize, String)> {
        self.session.as_ref()?;
        let actor = self.actors.selected;
        let name = self
            .analysis
            .as_ref()
            .and_then(|a| a.actors.get(actor))
            .map(|a| a.name.clone())
            .filter(|_| self.focus == Pane::Actors);
        if name.is_none() {
            self.message = Some("select an actor in the Actors pane first".into());
        }
        name.map(|n| (actor, n))
    }

    /// `}`/`{`: the next (or previous) claim listed that is still unreviewed, after the one
    /// selected, round to the start; selected in the Claims pane and shown in the article.
    fn next_unreviewed(&mut self, forward: bool) {
        let statuses = self.statuses();
        let n = self.claim_view.len();
        let here = match self.current {
            Some(Item::Claim(i)) => self.claim_view.iter().position(|&c| c == i),
            _ if self.focus == Pane::Claims => Some(self.claims.selected),
            _ => None,
        };
        let order: Vec<usize> = match (here, forward) {
            (Some(k), true) => (k + 1..n).chain(0..=k.min(n.saturating_sub(1))).collect(),
            (Some(k), false) => (0..k).rev().chain((k..n).rev()).collect(),
            (None, true) => (0..n).collect(),
            (None, false) => (0..n).rev().collect(),
        };
        let next = order
            .into_iter()
            .find(|&k| statuses.get(self.claim_view[k]) == Some(&Status::Unreviewed));
        let Some(k) = next else {
            self.message = Some("no claim listed is unreviewed".into());
            return;
        };
        self.claims.selected = k;
        self.current = Some(Item::Claim(self.claim_view[k]));
        self.refresh_focus();
        let left = self
            .claim_view
            .iter()
            .filter(|&&c| statuses.get(c) == Some(&Status::Unreviewed))
            .count();
        self.message = Some(format!(
            "{}: {left} unreviewed",
            self.claim_id(self.claim_view[k])
        ));
        if let Some(at) = self.focus_spans.first().map(|s| s.start) {
            self.jump(at);
        }
    }

    /// `v` in the article: the search's match when it shows, else the sentence of the
    /// selected claim, else the one at the top.
    fn start_selection(&mut self) {
        let Some(doc) = &self.doc else {
            return;
        };
        if let Some(found) = self
            .search
            .shown
            .filter(|m| self.article.shows(doc, m.start))
        {
            self.selection = Selection::of(found);
            self.refresh_focus();
            return;
        }
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
            AddEvent => {
                self.add_event();
                return true;
            }
            SplitActor => {
                self.pick_new_home(
                    Pick::MoveInto {
                        words: selection.span,
                    },
                    None,
                );
                return true;
            }
            ClaimPart => {
                if let Some(claim) = self.review_target() {
                    let choices = Part::ALL.map(|p| (Choice::Part(p), p.words().to_string()));
                    let words = selection.span;
                    self.open_picker(Pick::Part { claim, words }, choices.to_vec(), None);
                }
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
        if let Some(claim) = self.add_selection(Session::add_claim) {
            self.message = Some(format!("added as {}", self.claim_id(claim)));
            self.current = Some(Item::Claim(claim));
            self.save(Timestamp::now());
        }
    }

    /// The selection added through the session by `add` (as a claim or an event): where it
    /// went, none (said) when it is not a passage of the text.
    fn add_selection(
        &mut self,
        add: impl FnOnce(&mut Session, &Document, &mut Analysis, Span, Timestamp) -> Option<usize>,
    ) -> Option<usize> {
        let span = self.selected_span()?;
        self.selection = None;
        let (Some(session), Some(doc), Some(analysis)) =
            (&mut self.session, &self.doc, &mut self.analysis)
        else {
            return None;
        };
        let added = add(session, doc, analysis, span, Timestamp::now());
        if added.is_none() {
            self.message = Some("not a passage of the text".into());
        }
        added
    }

    /// `e` on a selection: the passage becomes an event the machine missed, shown in the
    /// Timeline pane.
    fn add_event(&mut self) {
        let Some(event) = self.add_selection(Session::add_event) else {
            return;
        };
        if let Some(analysis) = &self.analysis {
            let id = crate::schema::event_id_of(&analysis.timeline[event], event);
            self.message = Some(format!("added as event {id}"));
        }
        self.save(Timestamp::now());
        self.show_event(event);
    }

    /// The event selected in the Timeline pane, or a hint when there is none.
    fn target_event(&mut self) -> Option<usize> {
        self.session.as_ref()?;
        let event = self
            .event_view
            .get(self.timeline.selected)
            .copied()
            .filter(|_| self.focus == Pane::Timeline);
        if event.is_none() {
            self.message = Some("select an event in the Timeline pane first".into());
        }
        event
    }

    /// Event `event`'s label, as the timeline shows it.
    fn event_label(&self, event: usize) -> String {
        let analysis = self.analysis.as_ref();
        let event = analysis.and_then(|a| a.timeline.get(event));
        event.map_or(String::new(), |e| format!("“{}”", e.label))
    }

    /// Event `event` selected in the Timeline pane (where a correction moved it) and shown
    /// in the article.
    fn show_event(&mut self, event: usize) {
        if let Some(k) = self.event_view.iter().position(|&e| e == event) {
            self.timeline.selected = k;
        }
        self.current = Some(Item::Event(event));
        self.refresh_focus();
    }

    /// The date typed for event `event`, kept in the review; the event moves to its place.
    pub(super) fn set_event_date(&mut self, event: usize, typed: &str) {
        let now = Timestamp::now();
        if typed.trim().is_empty() {
            self.message = Some("no date typed: the event is as it was".into());
            return;
        }
        let label = self.event_label(event);
        let (Some(session), Some(doc), Some(analysis)) =
            (&mut self.session, &self.doc, &mut self.analysis)
        else {
            return;
        };
        match session.set_event_date(doc, analysis, event, typed, now) {
            Ok(at) => {
                let e = &analysis.timeline[at];
                self.message = Some(match e.date(&analysis.times) {
                    Some((value, kind)) => {
                        format!(
                            "{label} dated {}",
                            crate::analysis::times::readable(value, kind)
                        )
                    }
                    None => format!("{label} undated"),
                });
                self.save(now);
                self.show_event(at);
            }
            Err(why) => self.message = Some(format!("{:?}: {why}", typed.trim())),
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

    /// Claim `claim`'s id as the panes and exports give it (c3, u1).
    pub fn claim_id(&self, claim: usize) -> String {
        self.analysis
            .as_ref()
            .map_or_else(|| crate::schema::claim_id(claim), |a| a.claim_id(claim))
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
            self.message = Some(format!("{} {status}", analysis.claim_id(claim)));
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
                Some(g) => format!("{} graded {g}", analysis.claim_id(claim)),
                None => format!("{} grade cleared", analysis.claim_id(claim)),
            });
            self.save(now);
        }
    }

    /// Every tag used in this review, for completing and filtering.
    pub fn tags_used(&self) -> Vec<String> {
        self.session.as_ref().map_or_else(Vec::new, Session::tags)
    }

    /// Every briefing's tags, read from the store: completed from too.
    pub fn tags_arrived(&mut self, tags: Vec<String>) {
        self.known_tags.extend(tags);
        self.known_tags.sort_unstable();
        self.known_tags.dedup();
    }

    /// Whether claim `claim` is listed under the tag filter (any claim without one).
    pub fn tagged(&self, claim: usize) -> bool {
        let Some(tag) = &self.tag_filter else {
            return true;
        };
        let review = self.session.as_ref().and_then(|s| s.claim(claim));
        review.is_some_and(|r| r.tags.contains(tag))
    }

    /// The prompt for the tags of `on`, holding `tags` (the ones it has) and a space; the
    /// tags to complete from: this review's now, other briefings' asked of the store.
    pub(super) fn ask_tags(&mut self, on: Typed, tags: &[String]) {
        self.known_tags = self.session.as_ref().map_or_else(Vec::new, Session::tags);
        self.tags_wanted = self.session.as_ref().and_then(|s| s.store().cloned());
        let mut text = tags.join(" ");
        if !text.is_empty() {
            text.push(' ');
        }
        self.overlay = Some(Overlay::Typing { on, text });
    }

    pub(super) fn set_tags(&mut self, claim: usize, typed: &str, now: Timestamp) {
        let tags = crate::review::parse_tags(typed);
        if let (Some(session), Some(doc), Some(analysis)) =
            (&mut self.session, &self.doc, &self.analysis)
            && session.set_tags(doc, analysis, claim, tags.clone(), now)
        {
            let id = analysis.claim_id(claim);
            self.message = Some(match tags.is_empty() {
                true => format!("{id} tags cleared"),
                false => format!("{id} tagged {}", tags.join(" ")),
            });
            self.save(now);
            self.refresh_claims();
        }
    }

    pub(super) fn set_note(&mut self, claim: usize, text: &str, now: Timestamp) {
        if let (Some(session), Some(doc), Some(analysis)) =
            (&mut self.session, &self.doc, &self.analysis)
            && session.set_note(doc, analysis, claim, text, now)
        {
            self.message = Some(format!("{} note saved", analysis.claim_id(claim)));
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
        let library = match &self.library_claims {
            super::LibraryClaims::Ready(related, key) => related.of(key),
            _ => None,
        };
        let briefing = Briefing::new(doc, analysis, session.review())
            .with_file(Path::new(&self.name))
            .with_bom(settings.csv_bom)
            .with_library(library);
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
