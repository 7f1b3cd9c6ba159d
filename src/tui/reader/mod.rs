//! One briefing in the reader: its document, analysis and review, the panes' lists, the
//! search, the selection and the overlays. No terminal and no other briefing: the shell
//! (`App`) hands it actions and does what it asks back (an [`Effect`]).

mod across;
mod find;
pub mod notes;
mod overlay;
mod review;

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;
use ratatui::text::Line;

pub use across::LibraryClaims;
pub use find::Search;
pub use notes::Entry;
pub use overlay::{Choice, NoteOn, Overlay, Pick, Typed, offered};
pub use review::ExportSettings;

use super::action::Action;
use super::article::{Article, Highlights};
use super::effect::Effect;
use super::keymap::{Command, Context, Key, Keymap};
use super::list::ListView;
use super::marks::Marks;
pub use super::pane::Pane;
use super::selection::Selection;
use super::sizes::Plan;
use crate::analysis::Analysis;
use crate::document::{Document, Span, Warning};
use crate::review::{Session, Status};

/// The item whose spans stand out in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Claim(usize),
    Actor(usize),
    Event(usize),
}

pub struct Reader {
    /// What is being read, for the title bar until the document arrives.
    pub name: String,
    /// Shared with the thread that analyses it: one copy of a long briefing, not two.
    pub doc: Option<Arc<Document>>,
    pub analysis: Option<Analysis>,
    marks: Marks,
    pub focus: Pane,
    pub article: Article,
    pub claims: ListView,
    pub actors: ListView,
    pub timeline: ListView,
    /// Claims and events shown: all, or those of the filter's actor.
    pub claim_view: Vec<usize>,
    pub event_view: Vec<usize>,
    /// By index, the claims and actors the analyst's corrections made, which the panes mark
    /// ([`crate::review::Session::corrected`]; made when the views are).
    pub corrected: (Vec<bool>, Vec<bool>),
    pub filter: Option<usize>,
    pub current: Option<Item>,
    focus_spans: Vec<Span>,
    pub search: Search,
    /// Panes are tabs (as the last frame was laid out).
    pub narrow: bool,
    /// The briefing's review, once loaded with the analysis.
    pub session: Option<Session>,
    /// Where the export key writes.
    pub export: ExportSettings,
    /// The grade picker, the note editor, the merge picker or the notes list, when open.
    pub overlay: Option<Overlay>,
    /// Only claims of this status (else all but the rejected).
    pub status_filter: Option<Status>,
    /// Only the claims filed under this tag (the filter's steps after the statuses).
    pub tag_filter: Option<String>,
    /// The tags a tag typed is completed from: this review's as a tags prompt opens, and
    /// every other briefing's once read from the store (`tags_wanted`, `tags_arrived`).
    pub known_tags: Vec<String>,
    /// The store whose every review's tags a tags prompt just opened wants: read by the
    /// event loop on a thread of its own, so the keys never wait on a store of thousands.
    pub tags_wanted: Option<crate::review::Store>,
    /// The passage selected in the article, for a free note or a missed claim.
    pub selection: Option<Selection>,
    /// What the last action did, for the status bar: the shell takes it.
    pub message: Option<String>,
    /// The review's warnings (a damaged file), printed on exit.
    pub warnings: Vec<Warning>,
    /// This briefing's review has changes that could not be written (no usable store, or
    /// a failed save).
    pub unsaved: bool,
    /// What the library says of the claims (other briefings reporting or contradicting them).
    pub library_claims: LibraryClaims,
    /// A claim of another briefing to go to (its path, its words): the shell takes it.
    pub follow: Option<(std::path::PathBuf, String)>,
}

impl Reader {
    pub fn new(name: String, export: ExportSettings) -> Reader {
        Reader {
            name,
            doc: None,
            analysis: None,
            marks: Marks::default(),
            focus: Pane::Article,
            article: Article::default(),
            claims: ListView::default(),
            actors: ListView::default(),
            timeline: ListView::default(),
            claim_view: Vec::new(),
            event_view: Vec::new(),
            corrected: Default::default(),
            filter: None,
            current: None,
            focus_spans: Vec::new(),
            search: Search::default(),
            narrow: false,
            session: None,
            export,
            overlay: None,
            status_filter: None,
            tag_filter: None,
            known_tags: Vec::new(),
            tags_wanted: None,
            selection: None,
            message: None,
            warnings: Vec::new(),
            unsaved: false,
            library_claims: LibraryClaims::None,
            follow: None,
        }
    }

    /// A library search's hit: its query found in the article, the hit shown.
    pub fn show_hit(&mut self, hit: Option<(String, Span)>) {
        if let (Some((query, span)), Some(doc)) = (hit, &self.doc) {
            self.search.query = query;
            self.search.find(doc, &mut self.article);
            self.search.show(doc, &mut self.article, span);
        }
    }

    pub fn set_document(&mut self, doc: impl Into<Arc<Document>>) {
        self.doc = Some(doc.into());
        self.article = Article::default();
    }

    pub fn set_analysis(&mut self, analysis: Analysis) {
        self.analysis = Some(analysis);
        self.refresh_views();
    }

    /// The analysis with its review attached; the review's warnings show in the status bar.
    pub fn set_review(
        &mut self,
        analysis: Analysis,
        session: Option<Session>,
        warnings: Vec<Warning>,
        keys: &Keymap,
    ) {
        // claim reviews, free notes and corrections alike: all are listed under `notes`
        let orphans = session.as_ref().map_or(0, |s| {
            let notes = s.notes().filter(|n| n.orphaned).count();
            s.orphans().count() + notes + s.orphaned_corrections().count()
        });
        self.session = session;
        if orphans > 0 {
            let list = keys
                .first_key(Action::Notes)
                .map_or(String::new(), |k| format!(", listed under {k}"));
            let items = match orphans {
                1 => "1 review item no longer matches".to_string(),
                n => format!("{n} review items no longer match"),
            };
            self.message = Some(format!(
                "{items} the text: kept as orphaned{list}, in the export"
            ));
        }
        if let Some(w) = warnings.first() {
            self.message = Some(w.to_string());
        }
        self.warnings.extend(warnings);
        self.set_analysis(analysis);
        self.restore_view();
    }

    /// Fits the briefing to the frame about to be drawn: the article sized and wrapped,
    /// its marks made for what shows, each list scrolled to keep its selection in view,
    /// the note editor's text wrapped to its box.
    pub fn fit(&mut self, plan: &Plan) {
        self.narrow = plan.narrow;
        let size = |pane| {
            plan.inside(pane)
                .map(|r| (usize::from(r.width), usize::from(r.height)))
        };
        if let (Some(doc), Some((width, height))) = (&self.doc, size(Pane::Article)) {
            let shown = self.article.fit(doc, width, height);
            if let Some(analysis) = &self.analysis {
                self.marks.show(analysis, shown);
            }
        }
        if let Some(analysis) = &self.analysis {
            let lists = [
                (Pane::Claims, self.claim_view.len()),
                (Pane::Actors, analysis.actors.len()),
                (Pane::Timeline, self.event_view.len()),
            ];
            for (pane, len) in lists {
                if let Some((_, height)) = size(pane).filter(|_| len > 0) {
                    let view = self.list_mut(pane);
                    view.scrolled(height / item_rows(pane), len);
                }
            }
        }
        if let (Some(Overlay::Note { text, .. }), Some(inside)) = (&mut self.overlay, plan.editor) {
            text.fit(usize::from(inside.width), usize::from(inside.height));
        }
    }

    /// The article's lines in the frame [`Reader::fit`] fitted it to, painted.
    pub fn article_lines(&self) -> Vec<Line<'static>> {
        let Some(doc) = &self.doc else {
            return Vec::new();
        };
        let shown = self.article.drawn_span();
        let lights = Highlights {
            marks: &self.marks,
            focus: &self.focus_spans,
            matches: &self.search.matches.within(&doc.text, shown),
            current: self.search.shown,
        };
        self.article.lines(doc, &lights)
    }

    /// A key typed into the search while it is being edited; `false` when none is.
    pub fn typed(&mut self, event: KeyEvent, keys: &Keymap) -> bool {
        if !self.search.editing {
            return false;
        }
        let key = Key::from_event(event);
        match (keys.command(Context::Prompt, key), event.code) {
            (Some(Command::Keep), _) => self.search.editing = false,
            (Some(Command::Cancel), _) => self.search = Search::default(),
            (Some(Command::Erase), _) => {
                self.search.query.pop();
                self.find();
            }
            (None, KeyCode::Char(c)) if !key.ctrl => {
                self.search.query.push(c);
                self.find();
            }
            _ => {}
        }
        true
    }

    /// Pasted text, as one event: into the note editor or the search being typed, at
    /// once; anywhere else it is ignored (pasted words are no commands). Whether it was
    /// taken.
    pub fn paste(&mut self, pasted: &str) -> bool {
        if let Some(Overlay::Note { text, discard, .. }) = &mut self.overlay {
            text.paste(pasted);
            *discard = false;
            return true;
        }
        if self.overlay.is_none() && self.search.editing {
            self.search
                .query
                .extend(pasted.chars().filter(|c| !c.is_control()));
            self.find();
            return true;
        }
        false
    }

    /// An action on this briefing; what the shell must do, if anything. Quitting, the help
    /// and the mouse are the shell's.
    pub fn handle(&mut self, action: Action) -> Option<Effect> {
        use Action::*;
        if self.selection.is_some() && self.focus == Pane::Article && self.select_key(action) {
            return None;
        }
        match action {
            Quit | Help | ToggleMouse | Sort | Rescan | NextUnread | ToggleRead | LibraryActors
            | LibraryTimeline | LibraryClaims | LibrarySources => {}
            Back => return self.back(),
            OpenLibrary => return Some(Effect::Library),
            SearchLibrary => return Some(Effect::SearchLibrary),
            NextPane => self.focus = Pane::ALL[(self.focus.index() + 1) % 4],
            PrevPane => self.focus = Pane::ALL[(self.focus.index() + 3) % 4],
            FocusArticle => self.focus = Pane::Article,
            FocusClaims => self.focus = Pane::Claims,
            FocusActors => self.focus = Pane::Actors,
            FocusTimeline => self.focus = Pane::Timeline,
            Down => self.step(1),
            Up => self.step(-1),
            Top => self.step(isize::MIN / 2),
            Bottom => self.step(isize::MAX / 2),
            PageDown => self.step(self.page() as isize),
            PageUp => self.step(-(self.page() as isize)),
            HalfPageDown => self.step((self.page() / 2).max(1) as isize),
            HalfPageUp => self.step(-((self.page() / 2).max(1) as isize)),
            Open => self.open(),
            Search => {
                self.search = find::Search::typing();
                self.focus = Pane::Article;
            }
            NextMatch => self.next_match(true),
            PrevMatch => self.next_match(false),
            NextClaim if self.focus == Pane::Article => self.next_claim(true),
            PrevClaim if self.focus == Pane::Article => self.next_claim(false),
            NextClaim | PrevClaim => {}
            OtherBriefings => self.other_briefings(),
            MarkSupported | MarkDisputed | MarkUnverified | MarkRejected | ClearStatus | Grade
            | Note | NoteInEditor | Copy | Filter | Undo | Export | Select | AddClaim
            | MergeActor | Notes | SelectNextWord | SelectPreviousWord | SelectOtherEnd
            | SetKind | SetSource | RenameActor | RemoveActor | NextUnreviewed | PrevUnreviewed
            | SetPublished | Tags | ClaimDetail | SetDate | AddEvent | ClaimPart | SplitActor => {
                return self.review_action(action);
            }
        }
        None
    }

    /// Esc: the innermost thing open closes first; with nothing open, back to the library.
    fn back(&mut self) -> Option<Effect> {
        if self.overlay.is_some() {
            self.overlay = None;
        } else if self.selection.is_some() {
            self.selection = None;
            self.refresh_focus();
        } else if !self.search.query.is_empty() || self.search.editing {
            self.search = Search::default();
        } else if self.filter.is_some() {
            self.filter = None;
            self.refresh_views();
        } else if self.status_filter.is_some() || self.tag_filter.is_some() {
            (self.status_filter, self.tag_filter) = (None, None);
            self.refresh_claims();
        } else {
            return Some(Effect::Previous);
        }
        None
    }

    fn page(&self) -> usize {
        match self.focus {
            Pane::Article => self.article.height.saturating_sub(1).max(1),
            Pane::Claims => self.claims.page,
            Pane::Actors => self.actors.page,
            Pane::Timeline => self.timeline.page,
        }
    }

    fn step(&mut self, delta: isize) {
        let actors = self.analysis.as_ref().map_or(0, |a| a.actors.len());
        match self.focus {
            Pane::Article => {
                if let Some(doc) = &self.doc {
                    match delta {
                        d if d <= isize::MIN / 2 => self.article.scroll_to_top(),
                        d if d >= isize::MAX / 2 => self.article.scroll_to_bottom(doc),
                        d => self.article.scroll(doc, d),
                    }
                }
                return;
            }
            Pane::Claims => self.claims.moved(delta, self.claim_view.len()),
            Pane::Actors => self.actors.moved(delta, actors),
            Pane::Timeline => self.timeline.moved(delta, self.event_view.len()),
        }
        self.select_current();
    }

    /// The selected item of the focused list becomes the one that stands out.
    fn select_current(&mut self) {
        let item = match self.focus {
            Pane::Article => return,
            Pane::Claims => self
                .claim_view
                .get(self.claims.selected)
                .map(|&i| Item::Claim(i)),
            Pane::Actors => (self.actors.selected
                < self.analysis.as_ref().map_or(0, |a| a.actors.len()))
            .then_some(Item::Actor(self.actors.selected)),
            Pane::Timeline => self
                .event_view
                .get(self.timeline.selected)
                .map(|&i| Item::Event(i)),
        };
        self.current = item;
        self.refresh_focus();
    }

    fn open(&mut self) {
        self.select_current();
        match self.current {
            Some(Item::Actor(a)) if self.focus == Pane::Actors => {
                self.filter = Some(a);
                self.refresh_views();
                // the article at the first mention (with tabs, the Actors pane stays in front)
                let first = self.analysis.as_ref().and_then(|an| an.actors.get(a));
                let at = first
                    .and_then(|a| a.mentions.first())
                    .map(|m| m.span().start);
                if let (Some(at), Some(doc)) = (at, &self.doc) {
                    self.article.jump_to(doc, at);
                }
            }
            Some(Item::Claim(_) | Item::Event(_)) if self.focus != Pane::Article => {
                if let Some(at) = self.focus_spans.first().map(|s| s.start) {
                    self.jump(at);
                }
            }
            _ => {}
        }
    }

    /// Scrolls the article to byte `at`; with tabs, the article comes to the front.
    fn jump(&mut self, at: usize) {
        if let Some(doc) = &self.doc {
            self.article.jump_to(doc, at);
            if self.narrow {
                self.focus = Pane::Article;
            }
        }
    }

    /// `]`/`[` in the article: the next claim after the selected one (or the top of the
    /// view), selected in the claims pane and shown.
    fn next_claim(&mut self, forward: bool) {
        let from = match self.current {
            Some(Item::Claim(i)) => self
                .analysis
                .as_ref()
                .and_then(|a| a.claims.get(i))
                .map_or(0, |c| c.span.start),
            _ => self.top_byte(),
        };
        let Some(analysis) = &self.analysis else {
            return;
        };
        let pos = self.claim_view.iter().position(|&i| {
            let start = analysis.claims[i].span.start;
            if forward {
                start > from || (start == from && self.current.is_none())
            } else {
                start >= from
            }
        });
        let k = match (forward, pos) {
            (true, Some(k)) => k,
            (true, None) => return,
            (false, Some(0)) => return,
            (false, Some(k)) => k - 1,
            (false, None) => match self.claim_view.len().checked_sub(1) {
                Some(k) => k,
                None => return,
            },
        };
        self.claims.selected = k;
        self.current = Some(Item::Claim(self.claim_view[k]));
        self.refresh_focus();
        if let Some(at) = self.focus_spans.first().map(|s| s.start) {
            self.jump(at);
        }
    }

    fn top_byte(&mut self) -> usize {
        let Some(doc) = &self.doc else {
            return 0;
        };
        self.article.top_byte(doc)
    }

    /// Finds the search's query in the article anew.
    fn find(&mut self) {
        if let Some(doc) = &self.doc {
            self.search.find(doc, &mut self.article);
        }
    }

    /// The search's count is not complete: [`Reader::count_on`] goes on with it between keys.
    pub fn counting(&self) -> bool {
        self.doc.is_some() && self.search.counting()
    }

    /// Counts the search's matches on by a step.
    pub fn count_on(&mut self) {
        if let Some(doc) = &self.doc {
            self.search.count_on(doc);
        }
    }

    /// `n`/`N`: the next or the previous match, in the article brought to the front.
    fn next_match(&mut self, forward: bool) {
        if let Some(doc) = &self.doc
            && self.search.next(doc, &mut self.article, forward)
        {
            self.focus = Pane::Article;
        }
    }

    /// After a review change: the paint and the claims in view, the selection kept on the
    /// same claim (or where it was, when that claim left the view).
    pub fn refresh_claims(&mut self) {
        let (claims, timeline, current) = (self.claims, self.timeline, self.current);
        let selected = self.claim_view.get(claims.selected).copied();
        self.refresh_views();
        self.claims = ListView {
            selected: selected
                .and_then(|c| self.claim_view.iter().position(|&i| i == c))
                .unwrap_or(claims.selected)
                .min(self.claim_view.len().saturating_sub(1)),
            ..claims
        };
        // an event removed may leave the selection past the end
        let last = self.event_view.len().saturating_sub(1);
        self.timeline = ListView {
            selected: timeline.selected.min(last),
            ..timeline
        };
        self.current = current;
        self.refresh_focus();
    }

    /// The claims and events in view after the filter changed.
    fn refresh_views(&mut self) {
        let Some(analysis) = &self.analysis else {
            return;
        };
        let statuses = self.statuses();
        let notes = self.noted_spans();
        self.corrected = self
            .session
            .as_ref()
            .map(|s| s.corrected(analysis))
            .unwrap_or_default();
        self.marks = Marks::new(analysis, &statuses, &notes);
        let mentions: Vec<Span> = self
            .filter
            .and_then(|a| analysis.actors.get(a))
            .map(|a| a.mentions.iter().map(|m| m.span()).collect())
            .unwrap_or_default();
        let names = |claim: &crate::analysis::Claim| {
            let within = |s: Span| {
                let k = mentions.partition_point(|m| m.end <= s.start);
                mentions.get(k).is_some_and(|m| m.start < s.end)
            };
            match &claim.fragments {
                Some(parts) => parts.iter().any(|&p| within(p)),
                None => within(claim.span),
            }
        };
        self.claim_view = (0..analysis.claims.len())
            .filter(|&i| {
                let claim = &analysis.claims[i];
                self.listed(statuses.get(i).copied().unwrap_or_default())
                    && self.tagged(i)
                    && self.filter.is_none_or(|a| {
                        claim.source.as_ref().is_some_and(|s| s.actors.contains(&a)) || names(claim)
                    })
            })
            .collect();
        self.event_view = (0..analysis.timeline.len())
            .filter(|&i| {
                self.filter
                    .is_none_or(|a| analysis.timeline[i].actors.contains(&a))
            })
            .collect();
        self.claims = ListView {
            page: self.claims.page,
            ..Default::default()
        };
        self.timeline = ListView {
            page: self.timeline.page,
            ..Default::default()
        };
        self.refresh_focus();
    }

    /// The spans that stand out: the current item's, and every mention of the filter's actor.
    pub fn refresh_focus(&mut self) {
        self.focus_spans.clear();
        let Some(analysis) = &self.analysis else {
            return;
        };
        let actor = |a: usize, spans: &mut Vec<Span>| {
            if let Some(actor) = analysis.actors.get(a) {
                spans.extend(actor.mentions.iter().map(|m| m.span()));
            }
        };
        let mut spans = Vec::new();
        match self.current {
            Some(Item::Claim(i)) => {
                if let Some(c) = analysis.claims.get(i) {
                    match &c.fragments {
                        Some(parts) => spans.extend(parts),
                        None => spans.push(c.span),
                    }
                    spans.extend(c.source.as_ref().map(|s| s.span));
                    spans.extend(c.cue);
                }
            }
            Some(Item::Event(i)) => spans.extend(analysis.timeline.get(i).map(|e| e.span)),
            Some(Item::Actor(a)) => actor(a, &mut spans),
            None => {}
        }
        if let Some(a) = self.filter {
            actor(a, &mut spans);
        }
        if let Some(span) = self.selected_span() {
            spans = vec![span];
        }
        spans.sort_by_key(|s| (s.start, s.end));
        spans.dedup();
        self.focus_spans = spans;
    }

    /// Mouse capture on: the wheel scrolls the pane under it, a click focuses and selects.
    /// The frame the mouse acts on is the last one drawn, laid out by `plan`.
    pub fn handle_mouse(&mut self, event: MouseEvent, plan: &Plan) {
        let at = Position::new(event.column, event.row);
        if let Some(&(pane, _)) = plan.tabs.iter().find(|(_, r)| r.contains(at)) {
            if matches!(event.kind, MouseEventKind::Down(MouseButton::Left)) {
                self.focus = pane;
            }
            return;
        }
        let Some((pane, rect)) = Pane::ALL.iter().find_map(|&p| {
            let inside = plan.inside(p)?;
            inside.contains(at).then_some((p, inside))
        }) else {
            return;
        };
        match event.kind {
            MouseEventKind::ScrollDown => {
                self.focus = pane;
                self.step(3);
            }
            MouseEventKind::ScrollUp => {
                self.focus = pane;
                self.step(-3);
            }
            MouseEventKind::Down(MouseButton::Left) => {
                self.focus = pane;
                if pane != Pane::Article {
                    let rows = usize::from(at.y - rect.y) / item_rows(pane);
                    let view = self.list(pane);
                    let k = view.offset + rows;
                    if k < self.list_len(pane) {
                        self.list_mut(pane).selected = k;
                        self.select_current();
                    }
                }
            }
            _ => {}
        }
    }

    pub fn list(&self, pane: Pane) -> ListView {
        match pane {
            Pane::Actors => self.actors,
            Pane::Timeline => self.timeline,
            _ => self.claims,
        }
    }

    fn list_mut(&mut self, pane: Pane) -> &mut ListView {
        match pane {
            Pane::Actors => &mut self.actors,
            Pane::Timeline => &mut self.timeline,
            _ => &mut self.claims,
        }
    }

    pub fn list_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Article => 0,
            Pane::Claims => self.claim_view.len(),
            Pane::Actors => self.analysis.as_ref().map_or(0, |a| a.actors.len()),
            Pane::Timeline => self.event_view.len(),
        }
    }
}

/// Screen rows one item of a list pane takes.
pub fn item_rows(pane: Pane) -> usize {
    if pane == Pane::Claims { 2 } else { 1 }
}
