//! The shell: the keymap and settings, the status bar's message, the mouse, the help, which
//! screen is shown, and the two screens it holds: the library (a folder or several files)
//! and the reader of one briefing. Keys go to the screen shown, which answers with an
//! [`Effect`] the shell acts on. No terminal, so every flow is tested by feeding it actions;
//! the only I/O is the review's saves and exports, in the reader.

use std::sync::Arc;

use crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

use super::action::Action;
use super::effect::Effect;
use super::keymap::{Key, Keymap};
use super::library::Library;
use super::library::scan::Report;
use super::reader::{ExportSettings, LibraryClaims, Reader};
use super::sizes::{PaneSizes, Plan};
use crate::across::related::Related;
use crate::analysis::Analysis;
use crate::briefing::Opener;
use crate::document::{Document, Warning};
use crate::review::Session;

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Library,
    Reader,
}

pub struct App {
    pub keymap: Keymap,
    pub sizes: PaneSizes,
    pub export: ExportSettings,
    /// How briefings are opened: the library's are reviewed through it.
    pub opener: Arc<Opener>,
    /// What the last action did, for the status bar until the next key.
    pub message: Option<String>,
    pub mouse: bool,
    pub help: bool,
    /// Rows of the help scrolled past, when it is taller than the terminal.
    pub help_scroll: usize,
    pub quit: bool,
    /// Quit was asked for once with unsaved review changes: asked again, it quits.
    quit_asked: bool,
    pub tick: usize,
    pub screen: Screen,
    /// The briefings of a folder, when the reader was opened on one.
    pub library: Option<Library>,
    /// The briefing shown, or left for the library's list.
    pub reader: Option<Reader>,
    /// The library entry the reader holds, when opened from the library.
    pub opened: Option<usize>,
    /// Work for the event loop, which owns the terminal: a copy, an external edit.
    pub pending: Option<Effect>,
    /// Warnings of the briefings read before this one, printed on exit.
    pub warnings: Vec<Warning>,
    /// Briefings left with review changes that could not be saved.
    pub lost: usize,
    /// The library entry `P` asked the published date of before it was read: the date is
    /// asked for when it opens.
    ask_published: Option<usize>,
    /// What the library's claim groups say of every briefing's claims, once worked out.
    related: Option<Arc<Related>>,
    /// They are being worked out, or are up to date; cleared when the index or the
    /// decisions change.
    related_asked: bool,
    /// Files found changed while the list could not be made again (`files_changed`).
    unlisted: bool,
    /// The briefings a claim was followed from (`F`), each with the claim's words: Esc goes
    /// back along them.
    trail: Vec<(usize, Option<String>)>,
    /// The entry being opened and the words of the claim to show there.
    land: Option<(usize, String)>,
}

impl App {
    /// The reader on one briefing, named `name` until its document arrives.
    pub fn new(name: String, keymap: Keymap) -> App {
        let export = ExportSettings::default();
        App {
            keymap,
            sizes: PaneSizes::default(),
            reader: Some(Reader::new(name, export.clone())),
            export,
            opener: Arc::default(),
            message: None,
            mouse: false,
            help: false,
            help_scroll: 0,
            quit: false,
            quit_asked: false,
            tick: 0,
            screen: Screen::Reader,
            library: None,
            opened: None,
            pending: None,
            warnings: Vec::new(),
            lost: 0,
            ask_published: None,
            related: None,
            related_asked: false,
            unlisted: false,
            trail: Vec::new(),
            land: None,
        }
    }

    /// The reader on a library: its list first.
    pub fn with_library(library: Library, keymap: Keymap) -> App {
        App {
            library: Some(library),
            reader: None,
            screen: Screen::Library,
            ..App::new(String::new(), keymap)
        }
    }

    pub fn in_library(&self) -> bool {
        self.screen == Screen::Library && self.library.is_some()
    }

    /// The reader, when a briefing is shown.
    pub fn reading(&self) -> Option<&Reader> {
        self.reader
            .as_ref()
            .filter(|_| self.screen == Screen::Reader)
    }

    fn reading_mut(&mut self) -> Option<&mut Reader> {
        self.reader
            .as_mut()
            .filter(|_| self.screen == Screen::Reader)
    }

    /// Whether the library looks for files changed while it is open: its list shown, with
    /// an index, and nothing the analyst is looking at or typing that a new list would drop
    /// (a search's hits, a view across briefings, a prompt).
    pub fn watching(&self) -> bool {
        self.screen == Screen::Library
            && self.library.as_ref().is_some_and(|l| {
                l.index.is_some() && l.hits.is_none() && l.across.is_none() && !l.editing()
            })
    }

    /// A look for changes found files added, changed or removed: the list is made again
    /// once a new one drops nothing the analyst is at (`watching`), now or later.
    pub fn files_changed(&mut self) {
        self.unlisted = true;
    }

    /// Whether the library's list is to be made again now: asked (`r`), or files changed
    /// and `watching` holds; never while an update of the index runs (`updating`), as the
    /// new list's update would run beside it.
    pub fn rescan_due(&mut self, updating: bool) -> bool {
        if updating {
            return false;
        }
        let watching = self.watching();
        let Some(library) = &mut self.library else {
            return false;
        };
        library.rescan |= self.unlisted && watching;
        self.unlisted &= !library.rescan;
        library.rescan
    }

    /// Work is under way in the background: the spinners turn.
    pub fn busy(&self) -> bool {
        match (&self.library, self.reading()) {
            (Some(library), None) => library.reading() > 0,
            (_, Some(reader)) => reader.analysis.is_none(),
            (None, None) => false,
        }
    }

    /// The briefing's document arrived from the background.
    pub fn set_document(&mut self, doc: impl Into<Arc<Document>>) {
        if let Some(reader) = &mut self.reader {
            reader.set_document(doc);
        }
    }

    /// The analysis arrived, without a review (the benchmarks, the tests).
    pub fn set_analysis(&mut self, analysis: Analysis) {
        if let Some(reader) = &mut self.reader {
            reader.set_analysis(analysis);
        }
    }

    /// The analysis arrived with its review attached.
    pub fn set_review(
        &mut self,
        analysis: Analysis,
        session: Option<Session>,
        warnings: Vec<Warning>,
    ) {
        if let Some(reader) = &mut self.reader {
            reader.set_review(analysis, session, warnings, &self.keymap);
        }
        self.heard();
    }

    /// The reader's message, if it has one, becomes the status bar's; a published date
    /// changed in its review has the briefing analysed again first.
    fn heard(&mut self) {
        if let Some(reader) = self.reader.as_mut().filter(|r| r.wants_analysis()) {
            reader.reanalyse(&self.opener.lexicon);
        }
        if let Some(message) = self.reader.as_mut().and_then(|r| r.message.take()) {
            self.message = Some(message);
        }
        if let Some((path, quote)) = self.reader.as_mut().and_then(|r| r.follow.take()) {
            self.follow(&path, quote);
        }
    }

    /// A briefing arrived from the library's readers (it opens if it was asked for), or a
    /// file they found to hold several.
    pub fn arrived(&mut self, report: Report) {
        let effect = self.library.as_mut().and_then(|l| match report {
            Report::Arrived(arrived) => l.arrived(*arrived),
            Report::Split {
                generation,
                index,
                count,
            } => l.split(generation, index, count),
        });
        if self.screen == Screen::Library {
            self.effect(effect);
        }
    }

    /// Briefings of the library written to the index in the background; one opens if it
    /// was asked for.
    pub fn indexed(&mut self, paths: &[std::path::PathBuf]) {
        let reviews = &self.opener.reviews;
        let effect = self
            .library
            .as_mut()
            .and_then(|l| l.indexed(paths, reviews));
        if self.screen == Screen::Library {
            self.effect(effect);
        }
    }

    /// Does what a screen asked for.
    fn effect(&mut self, effect: Option<Effect>) {
        match effect {
            None => {}
            Some(Effect::Open(i, hit)) => self.open(i, hit),
            Some(Effect::Library) => {
                self.trail.clear();
                self.back_to_library();
            }
            Some(Effect::Previous) => match self.trail.pop() {
                Some((i, quote)) => {
                    self.back_to_library();
                    self.reopen(i, quote);
                }
                None => self.back_to_library(),
            },
            Some(Effect::MarkRead(i, read)) => self.mark_read(i, read),
            Some(Effect::SearchLibrary) => {
                self.back_to_library();
                if let Some(library) = &mut self.library {
                    library.handle(Action::SearchLibrary);
                }
            }
            Some(effect @ (Effect::Copy(_) | Effect::EditNote { .. })) => {
                self.pending = Some(effect);
            }
        }
    }

    /// Opens a library entry in the reader, fresh, and at the hit's match when given.
    fn open(&mut self, i: usize, hit: Option<(String, crate::document::Span)>) {
        let Some(library) = &self.library else {
            return;
        };
        let Some(briefing) = library.briefing(i) else {
            return;
        };
        let entry = &library.entries[i];
        // the briefing left for the list is still here, with its review (saved or not);
        // after a rescan the same index may be another file, or the file new text
        let same = self.reader.as_ref().is_some_and(|r| {
            r.name == entry.name
                && r.doc
                    .as_ref()
                    .is_some_and(|d| d.fingerprint == briefing.doc.fingerprint)
        });
        if self.opened == Some(i) && same {
            self.screen = Screen::Reader;
            if let Some(reader) = &mut self.reader {
                reader.show_hit(hit);
            }
            return;
        }
        let mut reader = Reader::new(entry.name.clone(), self.export.clone());
        let mut analysis = briefing.analysis.clone();
        // an item of a file of several is kept by its text, as `brief export PATH#N` keeps it
        let (session, warnings) = self.opener.reviews.attach_or_keep_in_memory(
            crate::briefing::Origin::at(&entry.path).file(),
            &briefing.doc,
            &mut analysis,
        );
        reader.set_document(briefing.doc.clone());
        reader.set_review(analysis, session, warnings, &self.keymap);
        // what ingest noticed, shown (the library prints it when the reader ends)
        if let Some(found) = briefing.warnings.first() {
            reader.message = Some(found.to_string());
        }
        reader.show_hit(hit);
        reader.library_claims = self.library_claims(i);
        if let Some((_, quote)) = self.land.take().filter(|(at, _)| *at == i) {
            reader.land_on(&quote);
        }
        if let Some(old) = self.reader.replace(reader) {
            self.lost += usize::from(old.unsaved);
            self.warnings.extend(old.warnings);
        }
        self.opened = Some(i);
        self.screen = Screen::Reader;
        if self.ask_published.take() == Some(i) {
            self.handle(Action::SetPublished);
        }
        self.heard();
        self.mark_read(i, true);
    }

    /// What the library says of entry `i`'s claims: known, being worked out, or nothing
    /// (no index).
    fn library_claims(&self, i: usize) -> LibraryClaims {
        let Some(library) = self.library.as_ref().filter(|l| l.index.is_some()) else {
            return LibraryClaims::None;
        };
        match (&self.related, library.index_key(i)) {
            (Some(related), Some(path)) => LibraryClaims::Ready(related.clone(), path),
            (None, Some(_)) => LibraryClaims::Pending,
            (_, None) => LibraryClaims::None,
        }
    }

    /// The library's claims to work out, off the UI thread: the index's data dir and the
    /// library's roots, once a briefing of a library with an index is read (and again after
    /// the index or the decisions changed).
    pub fn related_wanted(&mut self) -> Option<(std::path::PathBuf, Vec<std::path::PathBuf>)> {
        if self.related_asked || self.screen != Screen::Reader {
            return None;
        }
        let library = self.library.as_ref()?;
        let data = library.index.as_ref()?.path().parent()?.to_path_buf();
        self.related_asked = true;
        let roots = library
            .roots
            .iter()
            .filter_map(|r| std::fs::canonicalize(r).ok())
            .collect();
        Some((data, roots))
    }

    /// The library's claims, worked out: the briefing shown gets its own.
    pub fn related(&mut self, result: Result<Related, String>) {
        match result {
            Ok(related) => self.related = Some(Arc::new(related)),
            Err(why) => {
                self.message = Some(format!("the library's claims were not compared: {why}"))
            }
        }
        let claims = match self.opened {
            Some(i) if self.related.is_some() => self.library_claims(i),
            _ => LibraryClaims::None,
        };
        if let Some(reader) = &mut self.reader {
            reader.library_claims = claims;
        }
    }

    /// The index was updated, or a decision on the claims taken: the library's claims are
    /// worked out again when next read.
    pub fn library_changed(&mut self) {
        self.related_asked = false;
    }

    /// `F`'s choice: the other briefing opened at the claim, the way back remembered.
    fn follow(&mut self, path: &std::path::Path, quote: String) {
        let Some(i) = self.library.as_ref().and_then(|l| l.entry_at(path)) else {
            self.message = Some(format!("{} is not listed in this library", path.display()));
            return;
        };
        let from = self
            .opened
            .map(|at| (at, self.reader.as_ref().and_then(Reader::claim_words)));
        self.back_to_library();
        self.trail.extend(from);
        self.reopen(i, Some(quote));
    }

    /// Library entry `i` opened again from the library, at the claim of `quote` if given.
    fn reopen(&mut self, i: usize, quote: Option<String>) {
        self.land = quote.map(|q| (i, q));
        let effect = self
            .library
            .as_mut()
            .and_then(|l| l.request(Effect::Open(i, None)));
        self.effect(effect);
    }

    /// Marks library entry `i` read or unread, in the store when there is one; why not, in
    /// the library's notice.
    fn mark_read(&mut self, i: usize, read: bool) {
        let Some(library) = &mut self.library else {
            return;
        };
        let Some(key) = library.entries.get(i).and_then(|e| e.read_key()).cloned() else {
            return;
        };
        match self.opener.reviews.mark_read(&key, read) {
            Ok(Some((marks, warnings))) => {
                library.marks = marks;
                library.notice = warnings.first().map(ToString::to_string);
            }
            Ok(None) => library.marks.set(&key, read, jiff::Timestamp::now()),
            Err(why) => {
                library.marks.set(&key, read, jiff::Timestamp::now());
                library.notice = Some(why);
            }
        }
    }

    /// Back to the library's list, where it was left.
    fn back_to_library(&mut self) {
        if self.library.is_none() {
            return;
        }
        if let Some(reader) = &mut self.reader {
            reader.save_view();
            let reviewed = reader.reviewed();
            let published = reader.doc.as_ref().and_then(|d| d.meta.published);
            if let (Some(library), Some(i)) = (&mut self.library, self.opened) {
                library.reviewed(i, reviewed, published);
            }
        }
        self.screen = Screen::Library;
        self.help = false;
    }

    /// A key press: taken by an open overlay or a prompt being typed into, else looked up.
    pub fn handle_key(&mut self, event: KeyEvent) {
        self.message = None;
        // Only the quit key answers the question quitting asked (a key typed into the note
        // editor or a search is not one).
        let quit_asked = std::mem::take(&mut self.quit_asked);
        let keymap = &self.keymap;
        let typed = match (self.screen, &mut self.library, &mut self.reader) {
            (Screen::Library, Some(library), _) if library.editing() => {
                library.typed(event, keymap);
                true
            }
            (Screen::Reader, _, Some(reader)) => {
                reader.overlay_key(event, keymap) || reader.typed(event, keymap)
            }
            _ => false,
        };
        if typed {
            self.heard();
            return;
        }
        if let Some(action) = self.keymap.action(Key::from_event(event)) {
            self.quit_asked = quit_asked && action == Action::Quit;
            self.handle(action);
        }
    }

    /// A terminal's bracketed paste: the reader's note editor or search takes it whole.
    pub fn handle_paste(&mut self, pasted: &str) {
        self.message = None;
        if let (Screen::Reader, Some(reader)) = (self.screen, &mut self.reader)
            && reader.paste(pasted)
        {
            self.heard();
        }
    }

    pub fn handle(&mut self, action: Action) {
        use Action::*;
        self.message = None;
        let quit_asked = std::mem::take(&mut self.quit_asked);
        if self.help {
            match action {
                Help | Back => self.help = false,
                Quit => self.quit(quit_asked),
                Down => self.help_scroll += 1,
                Up => self.help_scroll = self.help_scroll.saturating_sub(1),
                PageDown | HalfPageDown => self.help_scroll += 5,
                PageUp | HalfPageUp => self.help_scroll = self.help_scroll.saturating_sub(5),
                Top => self.help_scroll = 0,
                _ => {}
            }
            return;
        }
        match action {
            Quit => return self.quit(quit_asked),
            Help => {
                self.help = true;
                self.help_scroll = 0;
                return;
            }
            ToggleMouse => {
                self.mouse = !self.mouse;
                return;
            }
            // the published date from the list: the briefing opens, asking for it
            SetPublished if self.screen == Screen::Library => {
                let entry = self.library.as_ref().and_then(Library::selected);
                self.handle(Open);
                if self.screen == Screen::Reader {
                    self.handle(SetPublished);
                } else {
                    // still being read: asked once it opens
                    self.ask_published = entry;
                }
                return;
            }
            // a decision on a claim group changes what the reader says of the claims
            MarkSupported | MarkRejected | ClearStatus
                if self.screen == Screen::Library
                    && self.library.as_ref().is_some_and(|l| l.across.is_some()) =>
            {
                self.library_changed();
                self.ask_published = None;
            }
            _ if self.screen == Screen::Library => self.ask_published = None,
            _ => {}
        }
        let effect = match (self.screen, &mut self.library, &mut self.reader) {
            (Screen::Library, Some(library), _) => library.handle(action),
            (Screen::Reader, _, Some(reader)) => reader.handle(action),
            _ => None,
        };
        self.heard();
        self.effect(effect);
    }

    /// Quits, unless review changes could not be saved: then it says so and asks for the
    /// quit key again (`asked`).
    fn quit(&mut self, asked: bool) {
        let unsaved = self.reader.as_ref().is_some_and(|r| r.unsaved);
        let lost = self.lost + usize::from(unsaved);
        if lost == 0 || asked {
            self.quit = true;
            return;
        }
        self.quit_asked = true;
        let key = self.keymap.first_key(Action::Quit).unwrap_or_default();
        let whose = if lost > 1 {
            format!("s of {lost} briefings are")
        } else {
            " is".to_string()
        };
        self.message = Some(format!(
            "the review{whose} not saved: {key} again quits and loses it, any other key stays"
        ));
    }

    /// The external editor came back: its text is the note, or why it is not.
    pub fn edited(&mut self, claim: usize, result: Result<String, String>) {
        if let Some(reader) = &mut self.reader {
            reader.edited(claim, result);
        }
        self.heard();
    }

    /// The search's count is not complete: the event loop calls [`App::count_on`] between keys.
    pub fn counting(&self) -> bool {
        self.reading().is_some_and(Reader::counting)
    }

    /// Counts the search's matches on by a step.
    pub fn count_on(&mut self) {
        if let Some(reader) = self.reading_mut() {
            reader.count_on();
        }
    }

    /// Mouse capture on: the wheel scrolls the pane (or the library's list) under it, a
    /// click focuses and selects, in the last frame drawn, which `plan` laid out.
    pub fn handle_mouse(&mut self, event: MouseEvent, plan: &Plan) {
        if let (Screen::Library, Some(library)) = (self.screen, &mut self.library) {
            let action = match event.kind {
                MouseEventKind::ScrollDown => Action::Down,
                MouseEventKind::ScrollUp => Action::Up,
                MouseEventKind::Down(MouseButton::Left) => {
                    return library.click(Position::new(event.column, event.row), plan.rows);
                }
                _ => return,
            };
            (0..3).for_each(|_| self.handle(action));
            return;
        }
        if let Some(reader) = self.reading_mut() {
            reader.handle_mouse(event, plan);
        }
    }

    /// Fits the state to the frame `plan` lays out, before it is drawn: the screen's lists
    /// scrolled to their selection, the article wrapped, the help's scroll kept in range.
    pub fn fit(&mut self, plan: &Plan) {
        if plan.too_small {
            return;
        }
        self.help_scroll = self.help_scroll.min(plan.help_hidden);
        match (self.screen, &mut self.library, &mut self.reader) {
            (Screen::Library, Some(library), _) => {
                library.fit(plan.rows.map_or(0, |r| usize::from(r.height)));
            }
            (Screen::Reader, _, Some(reader)) => reader.fit(plan),
            _ => {}
        }
    }

    /// What the reader ends with: the reading position kept, every warning to print.
    pub fn finish(&mut self) -> Vec<Warning> {
        if let Some(reader) = self.reading_mut() {
            reader.save_view();
        }
        let mut warnings = Vec::new();
        if let Some(library) = &self.library {
            warnings.extend(library.warnings());
        }
        warnings.append(&mut self.warnings);
        if let Some(reader) = &mut self.reader {
            warnings.append(&mut reader.warnings);
        }
        warnings
    }

    /// The briefing's reader, for the tests.
    #[cfg(test)]
    pub fn reader(&self) -> &Reader {
        self.reader.as_ref().expect("a briefing is open")
    }

    #[cfg(test)]
    pub fn reader_mut(&mut self) -> &mut Reader {
        self.reader.as_mut().expect("a briefing is open")
    }
}
