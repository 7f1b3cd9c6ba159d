//! The interactive reader: the terminal guard and the event loop. Reading, ingest and
//! analysis run on a blocking thread; the loop draws at once and then `select!`s over
//! terminal input, the results coming back on a channel, a ticker (while work is under
//! way) and SIGTERM/SIGHUP, which restore the terminal like `q` does.

mod action;
mod actors;
mod app;
mod article;
mod claims;
mod detail;
mod editor;
mod effect;
mod help;
mod keymap;
mod layout;
pub(crate) mod library;
mod list;
mod marks;
mod notes;
mod overlay;
mod pane;
mod picker;
mod reader;
pub(crate) mod search;
mod selection;
mod sizes;
mod text;
mod textarea;
pub mod theme;
mod timeline;
mod widgets;

#[cfg(test)]
mod tests;

use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    EventStream, KeyEventKind,
};
use crossterm::execute;
use futures::StreamExt;
use tokio::sync::mpsc;

pub use action::Action;
use app::App;
use effect::Effect;
pub use keymap::{Keymap, KeymapError};
use library::{Library, scan};
pub use reader::ExportSettings;
pub use sizes::PaneSizes;
use sizes::Plan;

use crate::analysis::Analysis;
use crate::briefing::{Opener, Origin};
use crate::document::{Document, Warning};
use crate::io_reason;
use crate::review::{BriefingKey, Session};

/// What the blocking thread sends back.
enum Loaded {
    Document(Arc<Document>),
    /// The analysis with its review attached, and the review's warnings.
    Analysis(Analysis, Option<Box<Session>>, Vec<Warning>),
    Failed(String),
    /// A briefing of the library, read (or not), or a file of several split.
    Entry(Box<scan::Report>),
    /// Briefings of the library the background update wrote to the index.
    Indexed(Vec<PathBuf>),
    /// The background update ended: what it changed, or why it failed; and whether it was
    /// a check for files added, changed or removed while the library is open.
    IndexDone(Result<crate::index::update::Changes, String>, bool),
    /// What the library's claim groups say of each briefing's claims.
    Related(Result<crate::across::related::Related, String>),
    /// Every tag of every stored review, for the tags prompt.
    Tags(Vec<String>),
    /// What a search across the library found.
    Found(library::find::Found),
}

/// What the reader opens on.
enum Start {
    /// A briefing, with its bytes when they were read before the terminal was taken (stdin).
    One(Origin, Option<Vec<u8>>),
    /// The folders and files of a library, how many threads read them, and the data dir
    /// whose library index lists them.
    Library(Vec<PathBuf>, usize, Option<PathBuf>),
}

/// What the configuration decides about the reader.
pub struct Settings {
    pub keymap: Keymap,
    pub palette: theme::Palette,
    /// Mouse capture from the start (else off until `toggle_mouse`).
    pub mouse: bool,
    pub sizes: PaneSizes,
    pub export: ExportSettings,
}

/// Runs the reader until the user quits, on a briefing read, analysed and reviewed in the
/// background through `opener` (`bytes`: stdin, already read). Returns the ingest
/// warnings, to print once the terminal is back, or the failure that ended it.
pub fn run(
    origin: Origin,
    bytes: Option<Vec<u8>>,
    opener: Opener,
    settings: Settings,
) -> Result<Vec<Warning>, String> {
    start(Start::One(origin, bytes), opener, settings)
}

/// Runs the reader on a library: the briefings of `roots` (folders and files), listed from
/// the library index in `data_dir` when it holds them, the others read in the background
/// through `opener` on `threads` threads (and the index updated with them). Returns the
/// warnings of the briefings read, each naming its file.
pub fn run_library(
    roots: Vec<PathBuf>,
    threads: usize,
    opener: Opener,
    settings: Settings,
    data_dir: Option<PathBuf>,
) -> Result<Vec<Warning>, String> {
    start(Start::Library(roots, threads, data_dir), opener, settings)
}

/// How often an open library with an index looks for files added, changed or removed: an
/// update that finds nothing changed states each file and reads none (0.04 s of CPU, 119 M
/// instructions, for 10,000 briefings: docs/PERFORMANCE.md).
const WATCH: Duration = Duration::from_secs(3);

/// Brings the library index of `data_dir` up to date with `roots` on a thread of its own,
/// sending the paths of each batch written, then the end (`check`: a look for changes made
/// while the library is open).
fn update_in_background(
    data_dir: PathBuf,
    roots: &[PathBuf],
    opener: Arc<Opener>,
    threads: usize,
    tx: mpsc::UnboundedSender<Loaded>,
    check: bool,
) {
    let roots: Vec<PathBuf> = roots
        .iter()
        .filter_map(|r| std::fs::canonicalize(r).ok())
        .collect();
    std::thread::spawn(move || {
        let written = |paths: &[PathBuf], _, _| {
            let _ = tx.send(Loaded::Indexed(paths.to_vec()));
        };
        let result = crate::index::Index::open(&data_dir).and_then(|mut index| {
            crate::index::update::update(&mut index, &roots, &opener, threads, written)
        });
        let _ = tx.send(Loaded::IndexDone(result.map_err(|e| e.to_string()), check));
    });
}

fn start(start: Start, opener: Opener, settings: Settings) -> Result<Vec<Warning>, String> {
    theme::configure(settings.palette);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("terminal: {}", io_reason(&e)))?;
    let mut app = App::new(String::new(), settings.keymap);
    app.sizes = settings.sizes;
    app.export = settings.export;
    app.opener = Arc::new(opener);
    runtime.block_on(event_loop(start, app, settings.mouse))
}

/// The reader without a terminal, for the benchmarks: the same `App` and drawing as the
/// event loop, on ratatui's `TestBackend`.
pub struct Offscreen {
    app: App,
    terminal: ratatui::Terminal<ratatui::backend::TestBackend>,
}

impl Offscreen {
    pub fn new(doc: Document, analysis: Analysis, width: u16, height: u16) -> Offscreen {
        let mut app = App::new(String::new(), Keymap::default());
        app.set_document(doc);
        app.set_analysis(analysis);
        let backend = ratatui::backend::TestBackend::new(width, height);
        let terminal = ratatui::Terminal::new(backend).expect("a test backend never fails");
        Offscreen { app, terminal }
    }

    /// The same with a review kept in memory (no store), for the review keys and the note
    /// editor.
    pub fn reviewed(doc: Document, mut analysis: Analysis, width: u16, height: u16) -> Offscreen {
        let key = crate::review::BriefingKey::Fingerprint(doc.fingerprint.clone());
        let now = jiff::Timestamp::now();
        let (session, warnings) = Session::load(None, key, String::new(), &doc, &mut analysis, now)
            .expect("a review without a store always loads");
        let mut screen = Offscreen::new(doc, Analysis::default(), width, height);
        screen.app.set_review(analysis, Some(session), warnings);
        screen
    }

    /// The library on the folders and files `roots`, as it stands at its first frame: the
    /// folders walked, nothing read yet (no index, no reading threads).
    pub fn library(roots: Vec<PathBuf>, width: u16, height: u16) -> Offscreen {
        let library = Library::new(roots.clone(), scan::scan(&roots));
        let app = App::with_library(library, Keymap::default());
        let backend = ratatui::backend::TestBackend::new(width, height);
        let terminal = ratatui::Terminal::new(backend).expect("a test backend never fails");
        Offscreen { app, terminal }
    }

    /// A key press, as the event loop hands it over.
    pub fn key(&mut self, key: crossterm::event::KeyEvent) {
        self.app.handle_key(key);
        // the search across the library, which the event loop runs on a thread of its own
        if let Some(library) = &mut self.app.library {
            library.search_now();
        }
    }

    /// What the event loop does while no key waits: the search's count, to its end.
    pub fn settle(&mut self) {
        while self.app.counting() {
            self.app.count_on();
        }
    }

    /// Draws a frame and returns what it shows.
    pub fn draw(&mut self) -> &ratatui::buffer::Buffer {
        let app = &mut self.app;
        self.terminal
            .draw(|frame| {
                render(frame, app);
            })
            .expect("a test backend never fails")
            .buffer
    }
}

/// One frame: laid out from its size and the state, the state fitted to it (lists scrolled,
/// the article wrapped), then drawn from the state as it is. Returns the layout, which the
/// mouse acts on until the next frame.
fn render(frame: &mut ratatui::Frame, app: &mut App) -> Plan {
    let plan = layout::plan(frame.area(), app);
    app.fit(&plan);
    layout::draw(frame, app, &plan);
    plan
}

/// Gives the terminal back however the loop ends.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        crate::limits::TERMINAL_TAKEN.store(false, std::sync::atomic::Ordering::SeqCst);
        let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
        ratatui::restore();
    }
}

async fn event_loop(start: Start, mut app: App, mouse: bool) -> Result<Vec<Warning>, String> {
    let failed = |e: io::Error| format!("terminal: {}", io_reason(&e));
    crate::limits::guard_terminal_against_aborts();
    let mut terminal = ratatui::try_init().map_err(failed)?;
    let _guard = Guard;
    crate::limits::TERMINAL_TAKEN.store(true, std::sync::atomic::Ordering::SeqCst);
    // ratatui's hook restores the screen; mouse capture and bracketed paste must be given
    // back too.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // a PDF crate's panic, contained while the library reads: the terminal stays ours
        if crate::document::containing_a_panic() {
            return;
        }
        let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
        hook(info);
    }));
    // a paste comes as one event, not as keys, each of which would redraw the screen
    execute!(io::stdout(), EnableBracketedPaste).map_err(failed)?;

    let (tx, mut rx) = mpsc::unbounded_channel();
    let failed_tx = tx.clone();
    let related_tx = tx.clone();
    let tags_tx = tx.clone();
    let search_tx = tx.clone();
    // The library's readers: the current scan's, stopped when a rescan replaces them.
    let reading_tx = tx.clone();
    let shared = app.opener.clone();
    let (threads, data_dir) = match &start {
        Start::Library(_, threads, data_dir) => (*threads, data_dir.clone()),
        Start::One(..) => (1, None),
    };
    let read = move |generation: u64, files: Vec<(usize, PathBuf)>| {
        let tx = reading_tx.clone();
        scan::read_all(
            generation,
            files,
            threads,
            shared.clone(),
            move |arrived: Result<scan::Report, String>| {
                let _ =
                    tx.send(arrived.map_or_else(Loaded::Failed, |a| Loaded::Entry(Box::new(a))));
            },
        )
    };
    // With an index, the entries it does not hold are read by its update in the background;
    // without one, by the readers.
    let index_tx = tx.clone();
    let watch_tx = tx.clone();
    let read_rest = read.clone();
    let watched = data_dir.clone();
    let refresh = move |library: &mut Library, opener: &Arc<Opener>| match &data_dir {
        Some(data_dir) if library.index.is_some() => {
            library.list_from_index(&opener.reviews);
            let (roots, tx) = (&library.roots, index_tx.clone());
            update_in_background(data_dir.clone(), roots, opener.clone(), threads, tx, false);
            None
        }
        _ => Some(read_rest(library.generation, library.to_read())),
    };
    let mut readers: Option<Arc<AtomicBool>> = None;
    // whether an update of the index is under way (none is started beside it)
    let mut updating = false;
    match start {
        Start::One(origin, bytes) => {
            app.reader = Some(reader::Reader::new(origin.name(), app.export.clone()));
            let opener = app.opener.clone();
            tokio::task::spawn_blocking(move || {
                let read = || match bytes {
                    Some(bytes) => opener.ingest(&origin, bytes),
                    None => opener.read(&origin),
                };
                // A bug in the analysis must end the reader with one line, not leave it running on
                // a terminal the panic hook has already given back.
                let work = std::panic::AssertUnwindSafe(|| match read() {
                    Ok((doc, found)) => {
                        let doc = Arc::new(doc);
                        let _ = tx.send(Loaded::Document(Arc::clone(&doc)));
                        let mut analysis = opener.analyse(&doc);
                        let (session, warnings) = opener.reviews.attach_or_keep_in_memory(
                            origin.file(),
                            &doc,
                            &mut analysis,
                        );
                        // opened is read, for the library that lists it
                        let key = BriefingKey::for_briefing(origin.file(), &doc.fingerprint);
                        let marked = match opener.reviews.mark_read(&key, true) {
                            Ok(marked) => marked.map(|(_, found)| found).unwrap_or_default(),
                            Err(why) => vec![Warning(why)],
                        };
                        let warnings = warnings.into_iter().chain(marked);
                        // what ingest noticed first: the status bar shows it (and the
                        // reader's warnings are printed when it ends)
                        let warnings = found.into_iter().chain(warnings).collect();
                        let _ =
                            tx.send(Loaded::Analysis(analysis, session.map(Box::new), warnings));
                    }
                    Err(why) => {
                        let _ = tx.send(Loaded::Failed(why.to_string()));
                    }
                });
                if std::panic::catch_unwind(work).is_err() {
                    let _ = failed_tx.send(Loaded::Failed(
                        "internal error: the analysis failed; please report it".into(),
                    ));
                }
            });
        }
        Start::Library(roots, _, data_dir) => {
            let mut library = Library::new(roots.clone(), scan::scan(&roots));
            library.index = data_dir.and_then(|d| crate::index::Index::open(&d).ok());
            library.made = crate::index::update::made(&app.opener);
            library.load_marks(&app.opener.reviews);
            readers = refresh(&mut library, &app.opener);
            updating = readers.is_none();
            let (sizes, review, opener) = (app.sizes, app.export, app.opener);
            app = App::with_library(library, app.keymap);
            app.sizes = sizes;
            app.export = review;
            app.opener = opener;
        }
    }
    if mouse {
        execute!(io::stdout(), EnableMouseCapture).map_err(failed)?;
        app.mouse = true;
    }
    let mut events = EventStream::new();
    let mut ticker = tokio::time::interval(Duration::from_millis(150));
    let mut watch = tokio::time::interval_at(tokio::time::Instant::now() + WATCH, WATCH);
    watch.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut signals = Signals::new().map_err(failed)?;
    let mut plan = Plan::default();
    loop {
        terminal
            .draw(|frame| plan = render(frame, &mut app))
            .map_err(failed)?;
        if app.quit {
            break;
        }
        let mouse = app.mouse;
        tokio::select! {
            event = events.next() => match event {
                Some(Ok(Event::Key(key))) if key.kind != KeyEventKind::Release => {
                    app.handle_key(key);
                }
                Some(Ok(Event::Mouse(event))) if app.mouse => app.handle_mouse(event, &plan),
                Some(Ok(Event::Paste(pasted))) => app.handle_paste(&pasted),
                Some(Ok(_)) => {}
                Some(Err(e)) => return Err(failed(e)),
                None => break,
            },
            Some(loaded) = rx.recv() => match loaded {
                Loaded::Document(doc) => app.set_document(doc),
                Loaded::Analysis(analysis, session, found) => app.set_review(analysis, session.map(|s| *s), found),
                Loaded::Failed(why) => return Err(why),
                Loaded::Entry(arrived) => app.arrived(*arrived),
                Loaded::Indexed(paths) => app.indexed(&paths),
                Loaded::Related(related) => app.related(related),
                Loaded::Found(found) => {
                    if let Some(library) = &mut app.library {
                        library.found(found);
                    }
                }
                Loaded::Tags(tags) => {
                    if let Some(reader) = &mut app.reader {
                        reader.tags_arrived(tags);
                    }
                }
                Loaded::IndexDone(done, check) => {
                    updating = false;
                    let changed = done.as_ref().is_ok_and(|c| c.any());
                    if !check || changed {
                        app.library_changed();
                    }
                    if check && changed {
                        // the list made again from the folders and the index
                        app.files_changed();
                    }
                    if let Some(library) = &mut app.library {
                        if let Err(why) = done {
                            library.notice = Some(format!("the index was not updated: {why}"));
                        }
                        if !check {
                            // what the update could not list is read as without an index
                            readers = Some(read(library.generation, library.to_read()));
                        }
                    }
                }
            },
            _ = ticker.tick(), if app.busy() => app.tick += 1,
            _ = watch.tick(), if !updating && app.watching() => {
                if let (Some(library), Some(data_dir)) = (&app.library, &watched) {
                    let (roots, opener) = (&library.roots, app.opener.clone());
                    let tx = watch_tx.clone();
                    update_in_background(data_dir.clone(), roots, opener, threads, tx, true);
                    updating = true;
                }
            }
            // the search's count, a step a turn while no key is waiting
            () = std::future::ready(()), if app.counting() => app.count_on(),
            () = signals.next() => break,
        }
        let rescan = app.rescan_due(updating);
        if let Some(library) = &mut app.library {
            if rescan {
                if let Some(stop) = &readers {
                    stop.store(true, Ordering::Relaxed);
                }
                library.scanned(scan::scan(&library.roots));
                readers = refresh(library, &app.opener);
                updating = readers.is_none();
            }
            // briefings listed from the index are read when opened
            let wanted = std::mem::take(&mut library.wanted);
            if !wanted.is_empty() {
                read(library.generation, wanted);
            }
        }
        // a search across the library, on a thread of its own with its own connection
        if let Some(job) = app.library.as_mut().and_then(|l| l.search_wanted.take()) {
            let tx = search_tx.clone();
            tokio::task::spawn_blocking(move || {
                let index = job
                    .data_dir
                    .as_deref()
                    .and_then(|d| crate::index::Index::open(d).ok());
                let _ = tx.send(Loaded::Found(job.run(index.as_ref())));
            });
        }
        // every review's tags, for a tags prompt just opened
        if let Some(store) = app.reader.as_mut().and_then(|r| r.tags_wanted.take()) {
            let tx = tags_tx.clone();
            tokio::task::spawn_blocking(move || {
                let _ = tx.send(Loaded::Tags(store.tags()));
            });
        }
        // the library's claims, for the reader, worked out on a thread of their own
        if let Some((data, roots)) = app.related_wanted() {
            let tx = related_tx.clone();
            tokio::task::spawn_blocking(move || {
                let related = crate::index::Index::open(&data)
                    .map_err(|e| e.to_string())
                    .and_then(|index| library::across::related(&index, &roots));
                let _ = tx.send(Loaded::Related(related));
            });
        }
        match app.pending.take() {
            Some(Effect::Copy(text)) => {
                use crossterm::clipboard::CopyToClipboard;
                execute!(io::stdout(), CopyToClipboard::to_clipboard_from(text)).map_err(failed)?;
            }
            Some(Effect::EditNote { claim, text }) => {
                // The editor gets the terminal, and the keys: the stream stops reading.
                drop(events);
                let result = match editor::command() {
                    Some(editor) => {
                        let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
                        ratatui::restore();
                        let result = editor::edit(&editor, &text);
                        use crossterm::terminal::{Clear, ClearType, EnterAlternateScreen};
                        crossterm::terminal::enable_raw_mode().map_err(failed)?;
                        execute!(
                            io::stdout(),
                            EnterAlternateScreen,
                            Clear(ClearType::All),
                            EnableBracketedPaste
                        )
                        .map_err(failed)?;
                        if app.mouse {
                            execute!(io::stdout(), EnableMouseCapture).map_err(failed)?;
                        }
                        // A new terminal draws everything again (`clear` would ask the
                        // terminal where its cursor is, which not every terminal answers).
                        let backend = ratatui::backend::CrosstermBackend::new(io::stdout());
                        terminal = ratatui::Terminal::new(backend).map_err(failed)?;
                        result
                    }
                    None => Err("set $VISUAL or $EDITOR to edit notes in an editor".into()),
                };
                events = EventStream::new();
                app.edited(claim, result);
            }
            Some(_) | None => {}
        }
        if app.mouse != mouse {
            let result = if app.mouse {
                execute!(io::stdout(), EnableMouseCapture)
            } else {
                execute!(io::stdout(), DisableMouseCapture)
            };
            result.map_err(failed)?;
        }
    }
    if let Some(stop) = readers {
        stop.store(true, Ordering::Relaxed);
    }
    Ok(app.finish())
}

/// SIGTERM, SIGHUP, and SIGINT and SIGQUIT sent from outside (raw mode turns the keys off):
/// leave as `q` does, so the terminal is restored.
#[cfg(unix)]
struct Signals {
    term: tokio::signal::unix::Signal,
    hup: tokio::signal::unix::Signal,
    int: tokio::signal::unix::Signal,
    quit: tokio::signal::unix::Signal,
}

#[cfg(unix)]
impl Signals {
    fn new() -> io::Result<Signals> {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(Signals {
            term: signal(SignalKind::terminate())?,
            hup: signal(SignalKind::hangup())?,
            int: signal(SignalKind::interrupt())?,
            quit: signal(SignalKind::quit())?,
        })
    }

    async fn next(&mut self) {
        tokio::select! {
            _ = self.term.recv() => {}
            _ = self.hup.recv() => {}
            _ = self.int.recv() => {}
            _ = self.quit.recv() => {}
        }
    }
}

#[cfg(not(unix))]
struct Signals;

#[cfg(not(unix))]
impl Signals {
    fn new() -> io::Result<Signals> {
        Ok(Signals)
    }

    async fn next(&mut self) {
        futures::future::pending::<()>().await
    }
}
