//! The interactive reader: the terminal guard and the event loop. Reading, ingest and
//! analysis run on a blocking thread; the loop draws at once and then `select!`s over
//! terminal input, the results coming back on a channel, a ticker (while work is under
//! way) and SIGTERM/SIGHUP, which restore the terminal like `q` does.

mod action;
mod actors;
mod app;
mod article;
mod claims;
mod editor;
mod help;
mod keymap;
mod layout;
mod library;
mod marks;
mod notes;
mod overlay;
mod review;
mod search;
mod selection;
mod textarea;
pub mod theme;
mod timeline;

#[cfg(test)]
mod tests;

use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event, EventStream, KeyEventKind};
use crossterm::execute;
use futures::StreamExt;
use tokio::sync::mpsc;

pub use action::Action;
use app::App;
pub use keymap::{Keymap, KeymapError};
pub use layout::PaneSizes;
use library::{Library, scan};
use review::Pending;
pub use review::ReviewSettings;

use crate::analysis::{self, Analysis, UserLexicon};
use crate::document::{Document, Warning};
use crate::io_reason;
use crate::review as review_store;

/// What the blocking thread sends back.
enum Loaded {
    Document(Arc<Document>),
    /// The analysis with its review attached, and the review's warnings.
    Analysis(Analysis, Option<Box<review_store::Session>>, Vec<Warning>),
    Failed(String),
    /// A briefing of the library, read (or not).
    Entry(Box<scan::Arrived>),
}

/// What the reader opens on.
enum Start {
    /// A briefing's name, the file it is read from (none: stdin or the sample), its loader.
    One(String, Option<PathBuf>, Loader),
    /// The folders and files of a library, with the date that overrides theirs.
    Library(Vec<PathBuf>, Option<jiff::civil::Date>),
}

/// What the configuration decides about the reader.
pub struct Settings {
    pub keymap: Keymap,
    pub palette: theme::Palette,
    /// Mouse capture from the start (else off until `toggle_mouse`).
    pub mouse: bool,
    pub sizes: PaneSizes,
    pub review: ReviewSettings,
}

/// Reads a briefing, in the background; `Err` is the `<what>: <why>` of a failure.
pub type Loader = Box<dyn FnOnce() -> Result<(Document, Vec<Warning>), String> + Send>;

/// Runs the reader until the user quits. Returns the ingest warnings, to print once the
/// terminal is back, or the failure that ended it.
pub fn run(
    name: String,
    path: Option<PathBuf>,
    load: Loader,
    lexicon: UserLexicon,
    settings: Settings,
) -> Result<Vec<Warning>, String> {
    start(Start::One(name, path, load), lexicon, settings)
}

/// Runs the reader on a library: the briefings of `roots` (folders and files), each read in
/// the background with `published` over its own date when given. Returns the warnings of
/// the briefings read, each naming its file.
pub fn run_library(
    roots: Vec<PathBuf>,
    published: Option<jiff::civil::Date>,
    lexicon: UserLexicon,
    settings: Settings,
) -> Result<Vec<Warning>, String> {
    start(Start::Library(roots, published), lexicon, settings)
}

fn start(start: Start, lexicon: UserLexicon, settings: Settings) -> Result<Vec<Warning>, String> {
    theme::configure(settings.palette);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("terminal: {}", io_reason(&e)))?;
    let mut app = App::new(String::new(), settings.keymap);
    app.sizes = settings.sizes;
    app.review_settings = settings.review;
    runtime.block_on(event_loop(start, Arc::new(lexicon), app, settings.mouse))
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

    /// A key press, as the event loop hands it over.
    pub fn key(&mut self, key: crossterm::event::KeyEvent) {
        self.app.handle_key(key);
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
            .draw(|frame| layout::draw(frame, app))
            .expect("a test backend never fails")
            .buffer
    }
}

/// Gives the terminal back however the loop ends.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        crate::limits::TERMINAL_TAKEN.store(false, std::sync::atomic::Ordering::SeqCst);
        let _ = execute!(io::stdout(), DisableMouseCapture);
        ratatui::restore();
    }
}

async fn event_loop(
    start: Start,
    lexicon: Arc<UserLexicon>,
    mut app: App,
    mouse: bool,
) -> Result<Vec<Warning>, String> {
    let failed = |e: io::Error| format!("terminal: {}", io_reason(&e));
    crate::limits::guard_terminal_against_aborts();
    let mut terminal = ratatui::try_init().map_err(failed)?;
    let _guard = Guard;
    crate::limits::TERMINAL_TAKEN.store(true, std::sync::atomic::Ordering::SeqCst);
    // ratatui's hook restores the screen; mouse capture must be given back too.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        hook(info);
    }));

    let (tx, mut rx) = mpsc::unbounded_channel();
    let failed_tx = tx.clone();
    let mut warnings = Vec::new();
    let (warn_tx, warn_rx) = std::sync::mpsc::channel();
    // The library's readers: the current scan's, stopped when a rescan replaces them.
    let reading_tx = tx.clone();
    let shared = lexicon.clone();
    let review = Arc::new(app.review_settings.clone());
    let read = move |library: &Library, published| {
        let tx = reading_tx.clone();
        scan::read_all(
            library.generation,
            library.to_read(),
            published,
            shared.clone(),
            review.clone(),
            move |arrived: Result<scan::Arrived, String>| {
                let _ =
                    tx.send(arrived.map_or_else(Loaded::Failed, |a| Loaded::Entry(Box::new(a))));
            },
        )
    };
    let mut readers: Option<(Arc<AtomicBool>, Option<jiff::civil::Date>)> = None;
    match start {
        Start::One(name, path, load) => {
            app.name = name;
            let review = app.review_settings.clone();
            tokio::task::spawn_blocking(move || {
                // A bug in the analysis must end the reader with one line, not leave it running on
                // a terminal the panic hook has already given back.
                let work = std::panic::AssertUnwindSafe(|| match load() {
                    Ok((doc, found)) => {
                        let _ = warn_tx.send(found);
                        let doc = Arc::new(doc);
                        let _ = tx.send(Loaded::Document(Arc::clone(&doc)));
                        let mut analysis = analysis::analyze(&doc, &lexicon);
                        let (session, warnings) = review.load(path.as_deref(), &doc, &mut analysis);
                        let _ =
                            tx.send(Loaded::Analysis(analysis, session.map(Box::new), warnings));
                    }
                    Err(why) => {
                        let _ = tx.send(Loaded::Failed(why));
                    }
                });
                if std::panic::catch_unwind(work).is_err() {
                    let _ = failed_tx.send(Loaded::Failed(
                        "internal error: the analysis failed; please report it".into(),
                    ));
                }
            });
        }
        Start::Library(roots, published) => {
            let library = Library::new(roots.clone(), scan::scan(&roots));
            readers = Some((read(&library, published), published));
            let (sizes, review) = (app.sizes, app.review_settings);
            app = App::with_library(library, app.keymap);
            app.sizes = sizes;
            app.review_settings = review;
        }
    }
    if mouse {
        execute!(io::stdout(), EnableMouseCapture).map_err(failed)?;
        app.mouse = true;
    }
    let mut events = EventStream::new();
    let mut ticker = tokio::time::interval(Duration::from_millis(150));
    let mut signals = Signals::new().map_err(failed)?;
    loop {
        terminal
            .draw(|frame| layout::draw(frame, &mut app))
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
                Some(Ok(Event::Mouse(event))) if app.mouse => app.handle_mouse(event),
                Some(Ok(_)) => {}
                Some(Err(e)) => return Err(failed(e)),
                None => break,
            },
            Some(loaded) = rx.recv() => match loaded {
                Loaded::Document(doc) => {
                    warnings.extend(warn_rx.try_recv().unwrap_or_default());
                    app.set_document(doc);
                }
                Loaded::Analysis(analysis, session, found) => app.set_review(analysis, session.map(|s| *s), found),
                Loaded::Failed(why) => return Err(why),
                Loaded::Entry(arrived) => app.arrived(*arrived),
            },
            _ = ticker.tick(), if app.busy() => app.tick += 1,
            // the search's count, a step a turn while no key is waiting
            () = std::future::ready(()), if app.counting() => app.count_on(),
            () = signals.next() => break,
        }
        if let (Some(library), Some((stop, published))) = (&mut app.library, &mut readers)
            && library.rescan
        {
            stop.store(true, Ordering::Relaxed);
            library.scanned(scan::scan(&library.roots));
            *stop = read(library, *published);
        }
        match app.pending.take() {
            Some(Pending::Copy(text)) => {
                use crossterm::clipboard::CopyToClipboard;
                execute!(io::stdout(), CopyToClipboard::to_clipboard_from(text)).map_err(failed)?;
            }
            Some(Pending::EditNote { claim, text }) => {
                // The editor gets the terminal, and the keys: the stream stops reading.
                drop(events);
                let result = match editor::command() {
                    Some(editor) => {
                        let _ = execute!(io::stdout(), DisableMouseCapture);
                        ratatui::restore();
                        let result = editor::edit(&editor, &text);
                        use crossterm::terminal::{Clear, ClearType, EnterAlternateScreen};
                        crossterm::terminal::enable_raw_mode().map_err(failed)?;
                        execute!(io::stdout(), EnterAlternateScreen, Clear(ClearType::All))
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
            None => {}
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
    if app.reading {
        app.save_view();
    }
    if let Some((stop, _)) = readers {
        stop.store(true, Ordering::Relaxed);
    }
    if let Some(library) = &app.library {
        warnings.extend(library.warnings());
    }
    warnings.append(&mut app.warnings);
    Ok(warnings)
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
