//! The library: every briefing of the folders and files named on the command line, listed
//! with title, date, source and claims, in an order, narrowed by a filter, and searched
//! across as a whole. With the library index ([`crate::index`]) a briefing it holds is
//! listed from it at once and read only when opened; the others are read in the background.
//! Pure state: the folder walk and the background readers are in `scan.rs`, the drawing in
//! `view.rs`.

pub mod across;
pub mod find;
pub mod scan;
pub mod view;

use std::cell::OnceCell;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::search::Query;
use crossterm::event::{KeyCode, KeyEvent};

use super::action::Action;
use super::effect::Effect;
use super::keymap::{Command, Context, Key, Keymap};
use super::list::ListView;
use crate::analysis::Analysis;
use crate::briefing::{Origin, Reviews};
use crate::document::{Document, Span, Warning};
use crate::index::{Index, Listed};
use crate::review::BriefingKey;
use crate::review::read::ReadMarks;

/// A briefing read and analysed.
#[derive(Debug)]
pub struct Analysed {
    pub doc: Document,
    pub analysis: Analysis,
    /// What ingest noticed, printed when the reader ends.
    pub warnings: Vec<Warning>,
    /// Claims with a status in the stored review.
    pub reviewed: usize,
}

#[derive(Debug, Clone)]
pub enum Status {
    Reading,
    /// As the library index holds it, up to date: what the list shows, without the
    /// analysis, which is read when the briefing is opened.
    Indexed(Arc<Listed>),
    Ready(Arc<Analysed>),
    /// Unreadable, binary, not a briefing: why, shown in the list.
    Failed(String),
    /// A file of several briefings, listed as its items (entries of their own) instead.
    Split,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    /// The file as the list names it: relative to the folder it was found in.
    pub name: String,
    pub status: Status,
    /// Claims reviewed, once known: from the stored review, then from the reader.
    pub reviewed: Option<usize>,
    /// The published date as the reader last had it (the analyst may have set it there),
    /// over the one read or indexed.
    pub dated: Option<Option<jiff::civil::Date>>,
    /// How its read mark is keyed, once known (see [`Entry::read_key`]), with the name the
    /// marks file keys it by, made once rather than hashed again each frame.
    key: OnceCell<(BriefingKey, String)>,
}

impl Entry {
    /// Listed from its row in the index (or failed, with why).
    fn list_row(&mut self, row: Listed, reviews: &Reviews) {
        if let Some(why) = row.error {
            self.status = Status::Failed(why);
            return;
        }
        let fingerprint = row.fingerprint.as_deref().unwrap_or_default();
        let review = reviews.stored(Origin::at(&self.path).file(), fingerprint);
        // a date the analyst set in the review, which the index may not have seen
        if let Some(date) = review.as_ref().and_then(|r| r.published?.date) {
            self.dated = Some(Some(date));
        }
        self.reviewed = Some(review.map_or(0, |r| {
            r.claims
                .iter()
                .filter(|c| c.status != crate::review::Status::Unreviewed && !c.orphaned)
                .count()
        }));
        self.status = Status::Indexed(Arc::new(row));
    }

    fn briefing(&self) -> Option<&Analysed> {
        match &self.status {
            Status::Ready(b) => Some(b),
            _ => None,
        }
    }

    fn indexed(&self) -> Option<&Listed> {
        match &self.status {
            Status::Indexed(listed) => Some(listed),
            _ => None,
        }
    }

    /// The briefing's title, or its file name when it has none (or is not read yet).
    pub fn title(&self) -> &str {
        let indexed = self.indexed().and_then(|l| l.title.as_deref());
        self.briefing()
            .and_then(|b| b.doc.meta.title.as_deref())
            .or(indexed)
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&self.name)
    }

    pub fn source(&self) -> Option<&str> {
        let indexed = self.indexed().and_then(|l| l.source.as_deref());
        self.briefing()
            .and_then(|b| b.doc.meta.source.as_deref())
            .or(indexed)
            .filter(|s| !s.trim().is_empty())
    }

    pub fn published(&self) -> Option<jiff::civil::Date> {
        let indexed = || self.indexed()?.published.as_deref()?.parse().ok();
        if let Some(dated) = self.dated {
            return dated;
        }
        match self.briefing() {
            Some(b) => b.doc.meta.published,
            None => indexed(),
        }
    }

    /// How its read mark (and its review) is keyed: a file by its canonical path, an item
    /// of a file of several by its text, known once it is indexed or read.
    pub fn read_key(&self) -> Option<&BriefingKey> {
        self.read_keys().map(|(key, _)| key)
    }

    /// The name of its review file, which keys its read mark (`ReadMarks::is_read`).
    fn read_name(&self) -> Option<&str> {
        self.read_keys().map(|(_, name)| name.as_str())
    }

    fn read_keys(&self) -> Option<&(BriefingKey, String)> {
        if let Some(keys) = self.key.get() {
            return Some(keys);
        }
        let key = match Origin::at(&self.path) {
            Origin::Item(..) => {
                let fingerprint = match (self.briefing(), self.indexed()) {
                    (Some(b), _) => b.doc.fingerprint.clone(),
                    (_, Some(listed)) => listed.fingerprint.clone()?,
                    _ => return None,
                };
                BriefingKey::Fingerprint(fingerprint)
            }
            // a file gone since the folder was walked keeps its mark by its path as given
            _ => BriefingKey::Path(
                std::fs::canonicalize(&self.path).unwrap_or_else(|_| self.path.clone()),
            ),
        };
        Some(self.key.get_or_init(|| {
            let name = key.file_name();
            (key, name)
        }))
    }

    /// Claims reviewed and claims in all.
    pub fn claims(&self) -> Option<(usize, usize)> {
        let total = match (&self.status, self.briefing()) {
            (_, Some(b)) => b.analysis.claims.len(),
            (Status::Indexed(listed), _) => listed.claims,
            _ => return None,
        };
        let reviewed = self.reviewed.or(self.briefing().map(|b| b.reviewed));
        Some((reviewed.unwrap_or(0), total))
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Order {
    #[default]
    Newest,
    Oldest,
    Title,
}

impl Order {
    fn next(self) -> Order {
        match self {
            Order::Newest => Order::Oldest,
            Order::Oldest => Order::Title,
            Order::Title => Order::Newest,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Order::Newest => "newest first",
            Order::Oldest => "oldest first",
            Order::Title => "by title",
        }
    }
}

/// A line being typed: the filter or the library search.
#[derive(Debug, Default)]
pub struct Prompt {
    pub text: String,
    pub editing: bool,
}

impl Prompt {
    /// A key typed into the prompt; true when the text changed (or was cancelled).
    fn typed(&mut self, event: KeyEvent, keys: &Keymap) -> bool {
        let key = Key::from_event(event);
        match (keys.command(Context::Prompt, key), event.code) {
            (Some(Command::Keep), _) => self.editing = false,
            (Some(Command::Cancel), _) => {
                *self = Prompt::default();
                return true;
            }
            (Some(Command::Erase), _) => return self.text.pop().is_some(),
            (None, KeyCode::Char(c)) if !key.ctrl => {
                self.text.push(c);
                return true;
            }
            _ => {}
        }
        false
    }
}

/// One place a library search found its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub span: Span,
    /// The words around the hit, on one line.
    pub context: String,
    /// The claim (index) the hit is in, if any.
    pub claim: Option<usize>,
}

/// The search across every briefing: the query and what it found.
#[derive(Debug, Default)]
pub struct Hits {
    pub query: Prompt,
    pub list: Vec<Hit>,
    pub view: ListView,
    /// More were found than are listed.
    pub capped: bool,
    /// The search of this query is still running.
    pub pending: bool,
}

#[derive(Debug, Default)]
pub struct Library {
    pub roots: Vec<PathBuf>,
    pub entries: Vec<Entry>,
    pub order: Order,
    pub filter: Prompt,
    /// The entries shown, in order.
    pub view: Vec<usize>,
    pub list: ListView,
    pub hits: Option<Hits>,
    /// One line for the status bar (why an entry cannot be opened).
    pub notice: Option<String>,
    /// Bumped by every scan, so late results of an older one are ignored.
    pub generation: u64,
    /// The folder is to be read again (the event loop does it).
    pub rescan: bool,
    /// Opened while still being read: opens when it arrives.
    waiting: Option<Effect>,
    /// The library index, when there is one: the briefings it holds are listed from it.
    pub index: Option<Index>,
    /// How this reader analyses ([`crate::index::update::made`]): a row made otherwise is
    /// stale.
    pub made: String,
    /// The entries by the canonical path the index keys them by.
    canonical: HashMap<PathBuf, usize>,
    /// Entries listed from the index to be read because they were opened (the event loop
    /// takes them).
    pub wanted: Vec<(usize, PathBuf)>,
    /// A view across briefings, shown over the list while open.
    pub across: Option<across::Across>,
    /// The entries of a file of several briefings' items (the N-th at N - 1), by the file's
    /// entry: appended to the entries as the file is split, so no other entry moves.
    items: HashMap<usize, Vec<usize>>,
    /// The briefings read (opened in the reader), as stored.
    pub marks: ReadMarks,
    /// A search across the library to run off the UI thread (the event loop takes it).
    pub search_wanted: Option<find::Job>,
    /// Numbers the searches, so the hits of one a newer replaced are dropped.
    searches: u64,
    /// Stops the search running when a newer one is asked for.
    search_stop: Arc<std::sync::atomic::AtomicBool>,
}

impl Library {
    pub fn new(roots: Vec<PathBuf>, found: Vec<scan::Found>) -> Library {
        let mut library = Library {
            roots,
            ..Library::default()
        };
        library.scanned(found);
        library
    }

    /// A new listing of the folder: the selection stays on the same file when it is still
    /// there. The search is dropped (its hits point into the old list).
    pub fn scanned(&mut self, found: Vec<scan::Found>) {
        let selected = self.selected().map(|i| self.entries[i].path.clone());
        self.generation += 1;
        self.rescan = false;
        self.replace_hits(None);
        self.waiting = None;
        self.items.clear();
        self.entries = found
            .into_iter()
            .map(|f| Entry {
                path: f.path,
                name: f.name,
                status: f.error.map_or(Status::Reading, Status::Failed),
                reviewed: None,
                dated: None,
                key: OnceCell::new(),
            })
            .collect();
        self.refresh_view(selected.and_then(|p| self.entries.iter().position(|e| e.path == p)));
    }

    /// The entries the index holds up to date are listed from it (the others are left to be
    /// read), with the claims their stored reviews judge; a file of several briefings the
    /// index holds is listed as its items there and then, without being read.
    pub fn list_from_index(&mut self, reviews: &Reviews) {
        let Some(index) = &self.index else {
            return;
        };
        let listed: HashMap<PathBuf, Listed> = index
            .listed()
            .unwrap_or_default()
            .into_iter()
            .map(|l| (l.path.clone(), l))
            .collect();
        self.canonical.clear();
        let made = self.made.clone();
        let fresh = |path: &PathBuf| {
            let row = listed.get(path)?;
            let stamp = crate::index::update::stamp(path).ok();
            (stamp == Some((row.size, row.mtime)) && row.made == made).then(|| row.clone())
        };
        let mut rows = Vec::new();
        for i in 0..self.entries.len() {
            let entry = &self.entries[i];
            if !matches!(entry.status, Status::Reading) {
                continue;
            }
            let Some(path) = canonical(&entry.path) else {
                continue;
            };
            if let Some(row) = fresh(&path) {
                rows.push((i, row));
            } else if scan::may_hold_several(&entry.path) {
                let items = (1..).map_while(|n| fresh(&numbered(&path, n)));
                for (n, row) in (1..).zip(items.collect::<Vec<_>>()) {
                    rows.push((self.item_entry(i, n), row));
                }
            }
            self.canonical.insert(path, i);
        }
        for (i, row) in rows {
            if let Some(path) = canonical(&self.entries[i].path) {
                self.canonical.insert(path, i);
            }
            self.entries[i].list_row(row, reviews);
        }
        let selected = self.selected();
        self.refresh_view(selected);
    }

    /// Briefings the background update wrote to the index: listed from it now (an item of
    /// a file of several as an entry of its own). Returns what to open, when the reader was
    /// waiting for one of them.
    pub fn indexed(&mut self, paths: &[PathBuf], reviews: &Reviews) -> Option<Effect> {
        self.index.as_ref()?;
        let mut any = false;
        for path in paths {
            let i = match (self.canonical.get(path), Origin::at(path)) {
                (Some(&i), _) => i,
                (None, Origin::Item(file, n)) => {
                    let Some(&of) = self.canonical.get(&file) else {
                        continue;
                    };
                    let i = self.item_entry(of, n);
                    self.canonical.insert(path.clone(), i);
                    i
                }
                _ => continue,
            };
            let entry = &mut self.entries[i];
            if !matches!(entry.status, Status::Reading) {
                continue;
            }
            let index = self.index.as_ref()?;
            if let Ok(Some(row)) = index.listed_at(path) {
                entry.list_row(row, reviews);
                any = true;
            }
        }
        if !any {
            return None;
        }
        let selected = self.selected().filter(|_| self.list.selected > 0);
        self.refresh_view(selected);
        let waiting = self.waiting.take()?;
        self.request(waiting)
    }

    /// The entry of the N-th briefing (from 1) of the file of entry `file`, made (still to be
    /// read) with those before it when new: the file is then listed as its items.
    fn item_entry(&mut self, file: usize, n: usize) -> usize {
        let made = self.items.get(&file).map_or(0, Vec::len);
        for k in made + 1..=n {
            let of = &self.entries[file];
            let found = scan::item(&of.path, &of.name, k);
            self.entries.push(Entry {
                path: found.path,
                name: found.name,
                status: Status::Reading,
                reviewed: None,
                dated: None,
                key: OnceCell::new(),
            });
            let at = self.entries.len() - 1;
            self.items.entry(file).or_default().push(at);
        }
        self.entries[file].status = Status::Split;
        // an open asked of the file is one of its first briefing
        if let Some(Effect::Open(waiting, _)) = &mut self.waiting
            && *waiting == file
        {
            *waiting = self.items[&file][0];
        }
        self.items[&file][n - 1]
    }

    /// The file of entry `index` holds `count` briefings, which the readers read next.
    pub fn split(&mut self, generation: u64, index: usize, count: usize) -> Option<Effect> {
        if generation != self.generation || count == 0 || index >= self.entries.len() {
            return None;
        }
        self.item_entry(index, count);
        let selected = self.selected().filter(|_| self.list.selected > 0);
        self.refresh_view(selected);
        None
    }

    /// The read marks from the store; why they could not be read, in the notice.
    pub fn load_marks(&mut self, reviews: &Reviews) {
        let (marks, warnings) = reviews.read_marks();
        self.marks = marks;
        if let Some(warning) = warnings.first() {
            self.notice = Some(warning.to_string());
        }
    }

    /// Whether entry `i` is unread; none when it is not a briefing (a file that failed or
    /// was split into its items) or its key is not known yet.
    pub fn unread(&self, i: usize) -> Option<bool> {
        let entry = self.entries.get(i)?;
        if matches!(entry.status, Status::Failed(_) | Status::Split) {
            return None;
        }
        Some(!self.marks.is_read(entry.read_name()?))
    }

    /// The briefings not read yet.
    pub fn unread_count(&self) -> usize {
        (0..self.entries.len())
            .filter(|&i| self.unread(i) == Some(true))
            .count()
    }

    /// Selects the next unread briefing in the list after the selection, from the top
    /// again at its end.
    fn next_unread(&mut self) {
        let len = self.view.len();
        let from = self.list.selected;
        let next = (1..=len)
            .map(|k| (from + k) % len)
            .find(|&row| self.unread(self.view[row]) == Some(true));
        match next {
            Some(row) => self.list.selected = row,
            None => self.notice = Some("no unread briefing".into()),
        }
    }

    /// Entry `i`'s review count after the reader changed it.
    pub fn reviewed(&mut self, i: usize, reviewed: usize, published: Option<jiff::civil::Date>) {
        if let Some(entry) = self.entries.get_mut(i) {
            entry.reviewed = Some(reviewed);
            entry.dated = Some(published);
        }
    }

    /// The entries still to be read, for the background readers.
    pub fn to_read(&self) -> Vec<(usize, PathBuf)> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e.status, Status::Reading))
            .map(|(i, e)| (i, e.path.clone()))
            .collect()
    }

    /// A briefing read (or not) in the background. Returns what to open, when the reader
    /// was waiting for this one.
    pub fn arrived(&mut self, arrived: scan::Arrived) -> Option<Effect> {
        if arrived.generation != self.generation || arrived.index >= self.entries.len() {
            return None;
        }
        let index = match arrived.item {
            Some(n) => self.item_entry(arrived.index, n),
            None => arrived.index,
        };
        let entry = self.entries.get_mut(index)?;
        entry.status = match arrived.result {
            Ok(briefing) => Status::Ready(Arc::new(briefing)),
            Err(why) => Status::Failed(why),
        };
        // The selected briefing keeps the selection as the list reorders, unless it is the
        // top row: the top of the list stays in view while the list fills in.
        let selected = self.selected().filter(|_| self.list.selected > 0);
        self.refresh_view(selected);
        match &self.waiting {
            Some(Effect::Open(i, _)) if *i == index => {
                self.notice = None;
                let request = self.waiting.take()?;
                self.request(request)
            }
            _ => None,
        }
    }

    /// The briefings listed (a file of several split counts as its items, not itself).
    pub fn briefings(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| !matches!(e.status, Status::Split))
            .count()
    }

    /// Entries still being read.
    pub fn reading(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| matches!(e.status, Status::Reading))
            .count()
    }

    /// The entry under the selection.
    pub fn selected(&self) -> Option<usize> {
        self.view.get(self.list.selected).copied()
    }

    /// The view after the entries, the order or the filter changed, with `keep` (an entry)
    /// still selected when it is shown.
    fn refresh_view(&mut self, keep: Option<usize>) {
        let needle = self.filter.text.to_lowercase();
        let shown = (0..self.entries.len()).filter(|&i| {
            let e = &self.entries[i];
            !matches!(e.status, Status::Split)
                && (needle.is_empty()
                    || [Some(e.title()), e.source(), Some(e.name.as_str())]
                        .into_iter()
                        .flatten()
                        .any(|text| text.to_lowercase().contains(&needle)))
        });
        self.view = self.sorted(shown);
        if let Some(k) = keep.and_then(|i| self.view.iter().position(|&v| v == i)) {
            self.list.selected = k;
        }
        self.list.selected = self.list.selected.min(self.view.len().saturating_sub(1));
    }

    /// Entries in the library's order; undated ones after the dated, then by title.
    fn sorted(&self, entries: impl Iterator<Item = usize>) -> Vec<usize> {
        let mut list: Vec<(usize, Vec<Chunk>)> = entries
            .map(|i| (i, natural(self.entries[i].title())))
            .collect();
        let date = |i: usize| self.entries[i].published();
        match self.order {
            Order::Newest => list.sort_by(|(a, ta), (b, tb)| {
                (date(*a).is_none(), Reverse(date(*a)), ta).cmp(&(
                    date(*b).is_none(),
                    Reverse(date(*b)),
                    tb,
                ))
            }),
            Order::Oldest => list.sort_by(|(a, ta), (b, tb)| {
                (date(*a).is_none(), date(*a), ta).cmp(&(date(*b).is_none(), date(*b), tb))
            }),
            Order::Title => list.sort_by(|(_, ta), (_, tb)| ta.cmp(tb)),
        }
        list.into_iter().map(|(i, _)| i).collect()
    }

    /// The prompt being typed into, if any.
    pub fn editing(&self) -> bool {
        self.filter.editing || self.hits.as_ref().is_some_and(|h| h.query.editing)
    }

    /// A key typed into the prompt being edited.
    pub fn typed(&mut self, event: KeyEvent, keys: &Keymap) {
        if let Some(hits) = self.hits.as_mut().filter(|h| h.query.editing) {
            if hits.query.typed(event, keys) {
                if hits.query.text.is_empty() && !hits.query.editing {
                    self.replace_hits(None);
                } else {
                    self.search();
                }
            }
        } else if self.filter.typed(event, keys) {
            let selected = self.selected();
            self.refresh_view(selected);
        }
    }

    /// An action on the library's screen; what the reader must do, if anything.
    pub fn handle(&mut self, action: Action) -> Option<Effect> {
        use Action::*;
        self.notice = None;
        if self.across.is_some() {
            return self.handle_across(action);
        }
        let page = self.page() as isize;
        match action {
            Down => self.step(1),
            Up => self.step(-1),
            Top => self.step(isize::MIN / 2),
            Bottom => self.step(isize::MAX / 2),
            PageDown => self.step(page),
            PageUp => self.step(-page),
            HalfPageDown => self.step((page / 2).max(1)),
            HalfPageUp => self.step(-(page / 2).max(1)),
            Open => return self.open(),
            NextUnread if self.hits.is_none() => self.next_unread(),
            ToggleRead if self.hits.is_none() => {
                let i = self.selected()?;
                return Some(Effect::MarkRead(i, self.unread(i)?));
            }
            Search if self.hits.is_none() => {
                self.filter = Prompt {
                    editing: true,
                    ..Prompt::default()
                };
                let selected = self.selected();
                self.refresh_view(selected);
            }
            SearchLibrary => {
                self.replace_hits(Some(Hits {
                    query: Prompt {
                        editing: true,
                        ..Prompt::default()
                    },
                    ..Hits::default()
                }));
            }
            Sort if self.hits.is_none() => {
                self.order = self.order.next();
                let selected = self.selected();
                self.refresh_view(selected);
            }
            Rescan => self.rescan = true,
            LibraryActors | LibraryTimeline | LibraryClaims | LibrarySources => {
                self.show_across(action, None);
            }
            Back => self.back(),
            _ => {}
        }
        None
    }

    /// Opens a view across briefings (the actors, the timeline, or with `name` a dossier),
    /// made from the index.
    fn show_across(&mut self, action: Action, name: Option<&str>) {
        let Some(index) = &self.index else {
            self.notice = Some("no library index: the views across briefings need one".into());
            return;
        };
        let made = match (action, name) {
            (_, Some(name)) => across::Across::dossier(index, &self.roots, name),
            (Action::LibraryTimeline, _) => across::Across::timeline(index, &self.roots),
            (Action::LibraryClaims, _) => across::Across::claims(index, &self.roots),
            (Action::LibrarySources, _) => across::Across::sources(index, &self.roots),
            _ => across::Across::actors(index, &self.roots),
        };
        match made {
            Ok(mut view) => {
                view.back = self.across.take().map(Box::new);
                self.across = Some(view);
            }
            Err(why) => self.notice = Some(why),
        }
    }

    /// A key while a view across briefings is open.
    fn handle_across(&mut self, action: Action) -> Option<Effect> {
        use Action::*;
        let view = self.across.as_mut()?;
        let (len, page) = (view.rows.len(), view.view.page as isize);
        match action {
            Down => view.view.moved(1, len),
            Up => view.view.moved(-1, len),
            Top => view.view.moved(isize::MIN / 2, len),
            Bottom => view.view.moved(isize::MAX / 2, len),
            PageDown => view.view.moved(page, len),
            PageUp => view.view.moved(-page, len),
            Back => self.across = view.back.take().map(|b| *b),
            LibraryActors | LibraryTimeline | LibraryClaims | LibrarySources => {
                self.across = None;
                self.show_across(action, None);
            }
            Open => match view.selected().map(|r| r.kind.clone()) {
                Some(across::Kind::Actor(name) | across::Kind::Source(name, _)) => {
                    self.show_across(action, Some(&name));
                }
                Some(across::Kind::Briefing(path)) => {
                    let Some(&i) = self.canonical.get(&path) else {
                        self.notice = Some(format!("{} is not listed here", path.display()));
                        return None;
                    };
                    return self.request(Effect::Open(i, None));
                }
                _ => {}
            },
            MarkSupported => return self.decide(Some(across::Decision::Accepted)),
            MarkRejected => return self.decide(Some(across::Decision::Rejected)),
            ClearStatus => return self.decide(None),
            Grade => {
                let (Some(index), Some(view)) = (&self.index, self.across.as_mut()) else {
                    return None;
                };
                self.notice = Some(match across::next_reliability(index, &self.roots, view) {
                    Ok(said) | Err(said) => said,
                });
            }
            _ => {}
        }
        None
    }

    /// Accepts, rejects or takes back the selected link or claim group, in the library
    /// review.
    fn decide(&mut self, decision: Option<across::Decision>) -> Option<Effect> {
        let (Some(index), Some(view)) = (&self.index, self.across.as_mut()) else {
            return None;
        };
        self.notice = Some(match across::decide(index, &self.roots, view, decision) {
            Ok(said) | Err(said) => said,
        });
        None
    }

    /// Scrolls the list (or the hits) to keep the selection in view, `rows` high, before
    /// a frame is drawn.
    pub fn fit(&mut self, rows: usize) {
        if let Some(view) = &mut self.across {
            view.view.scrolled(rows, view.rows.len());
            return;
        }
        match &mut self.hits {
            Some(hits) if !hits.list.is_empty() => hits.view.scrolled(rows, hits.list.len()),
            None if !self.view.is_empty() => self.list.scrolled(rows, self.view.len()),
            _ => {}
        }
    }

    /// A click on a row (of those in `rows`, where the last frame drew them) selects it.
    pub fn click(&mut self, at: ratatui::layout::Position, rows: Option<ratatui::layout::Rect>) {
        let Some(rows) = rows.filter(|r| r.contains(at)) else {
            return;
        };
        let row = usize::from(at.y - rows.y);
        let (view, len) = match &mut self.hits {
            Some(hits) => (&mut hits.view, hits.list.len()),
            None => (&mut self.list, self.view.len()),
        };
        if view.offset + row < len {
            view.selected = view.offset + row;
        }
    }

    /// The search's hits replaced (None closes it): the search running for the old ones stops.
    fn replace_hits(&mut self, hits: Option<Hits>) {
        self.stop_search();
        self.hits = hits;
    }

    fn stop_search(&self) {
        self.search_stop
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// Esc: the search closes first, then the filter clears.
    fn back(&mut self) {
        if self.hits.is_some() {
            self.replace_hits(None);
        } else if !self.filter.text.is_empty() {
            let selected = self.selected();
            self.filter = Prompt::default();
            self.refresh_view(selected);
        }
    }

    fn page(&self) -> usize {
        match &self.hits {
            Some(hits) => hits.view.page,
            None => self.list.page,
        }
    }

    fn step(&mut self, delta: isize) {
        match &mut self.hits {
            Some(hits) => hits.view.moved(delta, hits.list.len()),
            None => self.list.moved(delta, self.view.len()),
        }
    }

    fn open(&mut self) -> Option<Effect> {
        let request = match &self.hits {
            Some(hits) => {
                let hit = hits.list.get(hits.view.selected)?;
                Effect::Open(hit.entry, Some((hits.query.text.clone(), hit.span)))
            }
            None => Effect::Open(self.selected()?, None),
        };
        self.request(request)
    }

    /// Passes an open on to the reader once the entry is read; why not, in the notice.
    pub fn request(&mut self, request: Effect) -> Option<Effect> {
        let Effect::Open(i, _) = &request else {
            return Some(request);
        };
        let entry = self.entries.get(*i)?;
        match &entry.status {
            Status::Ready(_) => Some(request),
            Status::Indexed(_) => {
                self.notice = Some(format!("reading {}: it opens when ready", entry.name));
                self.wanted.push((*i, entry.path.clone()));
                self.waiting = Some(request);
                None
            }
            Status::Reading => {
                self.notice = Some(format!(
                    "{} is still being read: it opens when ready",
                    entry.name
                ));
                self.waiting = Some(request);
                None
            }
            Status::Failed(why) => {
                self.notice = Some(format!("{}: {why}", entry.name));
                None
            }
            Status::Split => None,
        }
    }

    /// The entry the index keys by `path` (its canonical path).
    pub fn entry_at(&self, path: &Path) -> Option<usize> {
        self.canonical.get(path).copied()
    }

    /// The path the index keys entry `i` by.
    pub fn index_key(&self, i: usize) -> Option<PathBuf> {
        let found = self.canonical.iter().find(|&(_, &at)| at == i);
        found.map(|(path, _)| path.clone())
    }

    /// Every read briefing's warnings, each naming its file.
    pub fn warnings(&self) -> Vec<Warning> {
        self.entries
            .iter()
            .flat_map(|e| {
                let warnings = match &e.status {
                    Status::Ready(b) => b.warnings.iter().map(|w| w.0.clone()).collect(),
                    Status::Indexed(listed) => listed.warnings.clone(),
                    _ => Vec::new(),
                };
                warnings
                    .into_iter()
                    .map(|w| Warning(format!("{}: {w}", e.name)))
            })
            .collect()
    }

    /// The briefing of an entry, once read.
    pub fn briefing(&self, i: usize) -> Option<Arc<Analysed>> {
        match &self.entries.get(i)?.status {
            Status::Ready(b) => Some(b.clone()),
            _ => None,
        }
    }

    /// Asks for the query (see [`Query`]) to be found in every briefing read or indexed,
    /// in the library's order: a [`find::Job`] for the event loop, the hits cleared until
    /// it answers ([`Library::found`]).
    fn search(&mut self) {
        let order = self.sorted(0..self.entries.len());
        self.stop_search();
        let Some(hits) = &mut self.hits else {
            return;
        };
        hits.list.clear();
        hits.view = ListView::default();
        hits.capped = false;
        self.search_stop = Arc::default();
        self.searches += 1;
        if Query::new(&hits.query.text).is_none() {
            hits.pending = false;
            self.search_wanted = None;
            return;
        }
        hits.pending = true;
        let briefings = order
            .into_iter()
            .filter_map(|i| match &self.entries[i].status {
                Status::Ready(b) => Some((i, find::Source::Read(b.clone()))),
                Status::Indexed(listed) => Some((i, find::Source::Indexed(listed.path.clone()))),
                _ => None,
            })
            .collect();
        self.search_wanted = Some(find::Job {
            generation: self.searches,
            query: hits.query.text.clone(),
            briefings,
            data_dir: self
                .index
                .as_ref()
                .and_then(|i| i.path().parent())
                .map(Path::to_path_buf),
            stop: self.search_stop.clone(),
        });
    }

    /// What a search found; dropped when a newer one was asked for since, or the search
    /// closed.
    pub fn found(&mut self, found: find::Found) {
        if found.generation != self.searches {
            return;
        }
        if let Some(hits) = self.hits.as_mut().filter(|h| h.pending) {
            hits.list = found.list;
            hits.capped = found.capped;
            hits.pending = false;
        }
    }

    /// Runs the search asked for on this thread, with the library's own index connection:
    /// what the event loop does on a thread of its own, for the tests and the benchmarks.
    pub fn search_now(&mut self) {
        if let Some(job) = self.search_wanted.take() {
            let found = job.run(self.index.as_ref());
            self.found(found);
        }
    }
}

/// The path the index keys an entry by: the file's canonical path, with `#N` for the N-th
/// briefing of a file of several.
fn canonical(path: &Path) -> Option<PathBuf> {
    match Origin::at(path) {
        Origin::Item(file, n) => Some(numbered(&std::fs::canonicalize(file).ok()?, n)),
        _ => std::fs::canonicalize(path).ok(),
    }
}

/// `PATH#N`.
fn numbered(path: &Path, n: usize) -> PathBuf {
    PathBuf::from(format!("{}#{n}", path.display()))
}

/// A piece of a title for sorting: words case folded, numbers by value ("Report 9" before
/// "Report 10").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Chunk {
    /// Digits without leading zeros: longer is larger, then by the digits.
    Number(usize, String),
    Text(String),
}

fn natural(title: &str) -> Vec<Chunk> {
    let mut chunks: Vec<Chunk> = Vec::new();
    for c in title.chars() {
        let digit = c.is_ascii_digit();
        match chunks.last_mut() {
            Some(Chunk::Number(_, digits)) if digit => digits.push(c),
            Some(Chunk::Text(text)) if !digit => text.extend(c.to_lowercase()),
            _ if digit => chunks.push(Chunk::Number(0, c.to_string())),
            _ => chunks.push(Chunk::Text(c.to_lowercase().collect())),
        }
    }
    for chunk in &mut chunks {
        if let Chunk::Number(len, digits) = chunk {
            *digits = digits.trim_start_matches('0').to_string();
            *len = digits.len();
        }
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::natural;

    #[test]
    fn titles_sort_with_their_numbers_by_value() {
        let mut titles = ["Report 10", "report 9", "Report 009b", "Alpha", "Report"];
        titles.sort_by_key(|t| natural(t));
        assert_eq!(
            titles,
            ["Alpha", "Report", "report 9", "Report 009b", "Report 10"]
        );
    }
}
