//! The `brief` binary: parse the command line, dispatch, and turn every failure into one
//! line on stderr and an exit status (0 success, 1 runtime failure, 2 usage or config).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use brief::analysis::UserLexicon;
use brief::analysis::syntax::conllu::Error as ConllError;
use brief::briefing::{OpenError, Opener, Origin, Reviews};
use brief::cli::{Cli, Command, Options};
use brief::document::{Document, Warning};
use brief::output::Output;
use brief::{config, export, extract, io_reason, review, tui};
use clap::{CommandFactory, Parser, ValueEnum};

/// A failed allocation ends in one line, never an abort ([`brief::limits::Guarded`]).
#[global_allocator]
static ALLOCATOR: brief::limits::Guarded = brief::limits::Guarded;

/// `brief: <message>` on stderr as one line: a file name, a configuration value or a briefing's
/// words in it cannot drive the terminal ([`brief::escape::Line`]).
macro_rules! say {
    ($($arg:tt)*) => {
        brief::escape::say(format_args!($($arg)*))
    };
}

/// A failure that ends the command: its exit status and the `<what>: <why>` to print.
struct Failure {
    status: u8,
    message: String,
}

impl Failure {
    fn runtime(what: impl std::fmt::Display, why: impl std::fmt::Display) -> Self {
        Failure {
            status: 1,
            message: format!("{what}: {why}"),
        }
    }
}

fn main() -> ExitCode {
    brief::limits::map_large_blocks();
    // A bug must still end in one line, never a backtrace.
    std::panic::set_hook(Box::new(|info| {
        // a PDF crate's panic, contained: the file's error line says what failed
        if brief::document::containing_a_panic() {
            return;
        }
        let place = info
            .location()
            .map_or(String::new(), |l| format!(" at {}:{}", l.file(), l.line()));
        say!("internal error{place}: please report it");
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    match run(cli) {
        Ok(status) => status,
        Err(failure) => {
            say!("{}", failure.message);
            ExitCode::from(failure.status)
        }
    }
}

/// `--help` and `--version` print as clap writes them; a usage error is one line, status 2
/// (clap's own message runs over several lines with a usage block).
fn usage_error(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        error.exit();
    }
    // The first line says what is wrong; keep clap's hints ("possible values", "a similar
    // argument exists") on the same line, drop the usage block.
    let text = error.to_string();
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or_default();
    let mut message = first.strip_prefix("error: ").unwrap_or(first).to_string();
    for hint in lines.filter(|l| l.starts_with("[possible values") || l.starts_with("tip:")) {
        message.push_str("; ");
        message.push_str(hint.trim_start_matches("tip: "));
    }
    say!("{message} (see brief --help)");
    ExitCode::from(2)
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let options = &cli.options;
    // extract prints the contract's JSON; another format is a mistake, not a wish to ignore
    let other_format = options
        .format
        .filter(|f| *f != export::Format::Json)
        .and_then(|f| f.to_possible_value());
    let json_only = match &cli.command {
        Some(Command::Extract { .. }) => Some("extract"),
        Some(Command::Index { .. }) => Some("index"),
        Some(Command::Search { .. }) => Some("search"),
        _ => None,
    };
    if let (Some(command), Some(format)) = (json_only, other_format) {
        let prints = if command == "extract" {
            "prints the analysis as JSON"
        } else {
            "prints lines, or JSON with --format json"
        };
        return Err(Failure {
            status: 2,
            message: format!(
                "--format {} is for `brief export`; `brief {command}` {prints} (see brief --help)",
                format.get_name()
            ),
        });
    }
    match cli.command {
        None => reader(&cli.paths, options),
        Some(Command::Extract {
            paths,
            jsonl: false,
        }) => extract_files(&paths, options),
        Some(Command::Extract { jsonl: true, .. }) => {
            let lexicon = lexicon(options)?;
            write_output(options, |out| {
                extract::batch(
                    io::stdin().lock(),
                    out,
                    options.published,
                    &lexicon,
                    options.threads(),
                )
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export { path }) => {
            export(path.as_deref(), options)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Import { review, path }) => {
            import(&review, path.as_deref(), options)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Parse { paths, conllu }) => parse(&paths, conllu, options),
        Some(Command::Index { paths }) => index_cli::index(&paths, options),
        Some(Command::Search { query, paths }) => index_cli::search(&query, &paths, options),
        Some(Command::Fetch) => fetch(options),
        Some(Command::Library {
            paths,
            actor,
            accept,
            reject,
            undecide,
            sources,
            reliability,
        }) => {
            let decisions = index_cli::Decisions {
                accept,
                reject,
                undecide,
                reliability,
            };
            index_cli::library(&paths, actor.as_deref(), sources, &decisions, options)
        }
        Some(Command::Paths) => {
            print_paths(options)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Completions { shell }) => {
            write_output(options, |out| {
                clap_complete::generate(shell, &mut Cli::command(), "brief", out);
                Ok(())
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

mod index_cli;

fn load_config(options: &Options) -> Result<config::Config, Failure> {
    config::load(options).map_err(|e| Failure {
        status: 2,
        message: e.to_string(),
    })
}

fn lexicon(options: &Options) -> Result<UserLexicon, Failure> {
    load_config(options).map(|c| c.lexicon())
}

/// A briefing opened with its stored review attached (corrections re-applied), as
/// `export` and `import` take it.
struct Attached {
    config: config::Config,
    origin: Origin,
    doc: Document,
    analysis: brief::analysis::Analysis,
    session: review::Session,
}

fn attached(path: Option<&Path>, options: &Options) -> Result<Attached, Failure> {
    let config = load_config(options)?;
    let opener = opener(&config, options);
    let origin = Origin::from_arg(path.unwrap_or(Path::new("")));
    let (doc, _) = load(&opener, &origin)?;
    let mut analysis = opener.analyse(&doc);
    if !analysis.english {
        say!("warning: {}: {}", origin.name(), brief::schema::NOT_ENGLISH);
    }
    let (session, warnings) = opener
        .reviews
        .attach(origin.file(), &doc, &mut analysis)
        .map_err(|message| Failure { status: 1, message })?;
    for warning in warnings {
        say!("warning: {warning}");
    }
    Ok(Attached {
        config,
        origin,
        doc,
        analysis,
        session,
    })
}

/// `brief export`: the analysis with the stored review attached (corrections re-applied),
/// rendered in `--format`.
fn export(path: Option<&Path>, options: &Options) -> Result<(), Failure> {
    let Attached {
        config,
        doc,
        analysis,
        session,
        ..
    } = attached(path, options)?;
    let file = path.unwrap_or(Path::new(""));
    let format = options.format.unwrap_or_default();
    // ClaimReview's appearances: the other briefings of the library reporting each claim
    let library = match format {
        export::Format::Claimreview => path.and_then(|p| index_cli::related_of(p, options)),
        _ => None,
    };
    let briefing = export::Briefing::new(&doc, &analysis, session.review())
        .with_file(file)
        .with_bom(options.bom || config.export.csv_bom)
        .with_library(library.as_ref().and_then(|(r, key)| r.of(key)));
    let text = export::render(format, &briefing);
    write_output(options, |out| out.write_all(text.as_bytes()))
}

/// `brief import REVIEW.json [PATH]`: a colleague's exported review merged into this
/// analyst's review of the briefing, then a line saying what came in.
fn import(file: &Path, path: Option<&Path>, options: &Options) -> Result<(), Failure> {
    use brief::review::import::Exported;
    let stdin = Path::new("-");
    if file == stdin && path == Some(stdin) {
        return Err(Failure {
            status: 2,
            message: "import: the review and the briefing cannot both be read from stdin".into(),
        });
    }
    let name = file.display();
    let bytes = if file == stdin {
        let mut bytes = Vec::new();
        io::Read::read_to_end(&mut io::stdin().lock(), &mut bytes).map(|_| bytes)
    } else {
        std::fs::read(file)
    };
    let bytes = bytes.map_err(|e| Failure::runtime(&name, io_reason(&e)))?;
    let theirs = Exported::from_json(&bytes).map_err(|e| Failure::runtime(&name, e))?;
    let Attached {
        origin,
        doc,
        mut analysis,
        mut session,
        ..
    } = attached(path, options)?;
    let Some(kept) = session.path() else {
        return Err(Failure::runtime(
            "import",
            "no data dir to keep reviews in (give --data-dir or set BRIEF_DATA_DIR)",
        ));
    };
    if theirs
        .fingerprint
        .as_ref()
        .is_some_and(|f| *f != doc.fingerprint)
    {
        say!(
            "warning: {name} was exported from another text of {}: what no longer attaches is \
             kept as orphaned",
            origin.name()
        );
    }
    let now = jiff::Timestamp::now();
    let (imported, warnings) = session
        .import(&doc, &mut analysis, &theirs.review, now)
        .map_err(|e| Failure::runtime(kept.display(), e))?;
    for warning in warnings {
        say!("warning: {warning}");
    }
    let by = theirs.review.reviewer.trim();
    let by = if by.is_empty() { "unknown" } else { by };
    let count = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let mut what: Vec<String> = [
        (imported.claims, "claim review", "claim reviews"),
        (imported.notes, "note", "notes"),
        (imported.corrections, "correction", "corrections"),
    ]
    .into_iter()
    .filter(|&(n, ..)| n > 0)
    .map(|(n, one, many)| count(n, one, many))
    .collect();
    if imported.published {
        what.push("the published date".into());
    }
    let line = if imported.is_empty() {
        format!(
            "nothing new from {by}: the review of {} already holds it all",
            origin.name()
        )
    } else {
        format!(
            "merged from {by} into the review of {}: {}",
            origin.name(),
            what.join(", ")
        )
    };
    let mut stdout = io::stdout().lock();
    writeln!(stdout, "{}", brief::escape::Line(&line))
        .map_err(|e| Failure::runtime("stdout", io_reason(&e)))
}

/// `brief fetch`: every subscribed feed into its folder, a line each; a feed that fails is
/// its line on stderr, the others still fetched, and the exit status 1.
fn fetch(options: &Options) -> Result<ExitCode, Failure> {
    use brief::fetch::Fetched;
    let config = load_config(options)?;
    if config.feeds.is_empty() {
        return Err(Failure::runtime(
            "fetch",
            "no feeds to fetch: add [[feeds]] with a url and a name to the configuration (brief paths shows where it is)",
        ));
    }
    let root = config
        .feeds_dir(options)
        .ok_or_else(|| Failure::runtime("fetch", "no data dir on this platform: set feeds_dir"))?;
    let agent = brief::fetch::agent();
    let mut failed = false;
    let mut lines = Vec::new();
    for feed in &config.feeds {
        match brief::fetch::fetch(&agent, feed, &root) {
            Ok(Fetched::NotModified) => lines.push(format!("{}: not modified", feed.name)),
            Ok(Fetched::Saved { new, pages, seen }) => lines.push(format!(
                "{}: {new} new ({pages} from their pages), {seen} seen before",
                feed.name
            )),
            Err(why) => {
                say!("{}: {why}", feed.name);
                failed = true;
            }
        }
    }
    lines.push(format!("in {}", root.display()));
    write_output(options, |out| {
        lines.iter().try_for_each(|line| writeln!(out, "{line}"))
    })?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// How briefings are opened: `--published`, the configuration's lexicon and reviewer, the
/// data dir's review store.
fn opener(config: &config::Config, options: &Options) -> Opener {
    let reviewer = review::reviewer(config.reviewer.as_deref());
    Opener {
        published: options.published,
        lexicon: config.lexicon(),
        reviews: Reviews::open(config::data_dir(options).as_deref(), reviewer),
    }
}

/// One briefing: pretty JSON. Several: JSON lines. A briefing that cannot be read is one
/// error line; the others are still analysed, and the exit status is then 1.
fn extract_files(paths: &[PathBuf], options: &Options) -> Result<ExitCode, Failure> {
    let opener = Opener {
        published: options.published,
        lexicon: lexicon(options)?,
        reviews: Reviews::default(),
    };
    let origins = origins(paths);
    let pretty = origins.len() <= 1;
    each_input(origins, options, |origin, out| {
        let (doc, warnings) = match load(&opener, origin) {
            Ok(loaded) => loaded,
            Err(failure) => return Ok(Err(failure)),
        };
        let warnings = warnings.into_iter().map(|w| w.0).collect();
        let english = extract::write_analysis(out, &doc, warnings, &opener.lexicon, pretty)?;
        if !english {
            say!("warning: {}: {}", origin.name(), brief::schema::NOT_ENGLISH);
        }
        Ok(Ok(()))
    })
}

/// `brief parse`: each briefing's sentences as CoNLL-U, or CoNLL-U given with `--conllu`
/// parsed again.
fn parse(paths: &[PathBuf], conllu: bool, options: &Options) -> Result<ExitCode, Failure> {
    if conllu && (paths.is_empty() || paths.iter().any(|p| p.as_os_str().is_empty())) {
        return Err(Failure {
            status: 2,
            message: "--conllu reads the CoNLL-U file named ('-' for stdin)".into(),
        });
    }
    let opener = Opener {
        published: options.published,
        lexicon: UserLexicon::default(),
        reviews: Reviews::default(),
    };
    let origins = if conllu {
        paths.iter().map(|p| Origin::from_arg(p)).collect()
    } else {
        origins(paths)
    };
    each_input(origins, options, |origin, out| {
        let name = origin.name();
        if !conllu {
            return match load(&opener, origin) {
                Ok((doc, _)) => brief::parse::write_document(out, &name, &doc).map(Ok),
                Err(failure) => Ok(Err(failure)),
            };
        }
        match parse_conllu(origin, &name, out) {
            Err(ConllError::Io(e)) => Err(e),
            Err(ConllError::Format { line, why }) => Ok(Err(Failure::runtime(
                &name,
                format!("not CoNLL-U: line {line}: {why}"),
            ))),
            Ok(result) => Ok(result),
        }
    })
}

/// The briefings the PATHs name (the bundled sample when none is), a file of several
/// briefings (a feed, an mbox, a message with attachments) giving each of them.
fn origins(paths: &[PathBuf]) -> Vec<Origin> {
    let sample = [PathBuf::new()];
    let paths = if paths.is_empty() { &sample[..] } else { paths };
    paths
        .iter()
        .flat_map(|path| {
            let origin = Origin::from_arg(path);
            match (origin.file().and_then(brief::briefing::several), origin) {
                (Some(n), Origin::File(file)) => {
                    (1..=n).map(|i| Origin::Item(file.clone(), i)).collect()
                }
                (_, origin) => vec![origin],
            }
        })
        .collect()
}

/// Runs `one` on each input into the output; an input that fails is reported on its line
/// and the others still run, and the exit status says whether any failed.
fn each_input(
    origins: Vec<Origin>,
    options: &Options,
    mut one: impl FnMut(&Origin, &mut Output) -> io::Result<Result<(), Failure>>,
) -> Result<ExitCode, Failure> {
    let mut failed = false;
    write_output(options, |out| {
        for origin in &origins {
            if let Err(failure) = one(origin, out)? {
                say!("{}", failure.message);
                failed = true;
            }
        }
        Ok(())
    })?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// One CoNLL-U input through the parser, streamed; the outer error is the input's or the
/// output's, the inner one a file that cannot be opened.
fn parse_conllu(
    origin: &Origin,
    name: &str,
    out: &mut Output,
) -> Result<Result<(), Failure>, ConllError> {
    // no sample here: `parse` asks for a file with --conllu
    let Origin::File(path) = origin else {
        return brief::parse::filter(io::stdin().lock(), out).map(Ok);
    };
    if path.is_dir() {
        return Ok(Err(Failure::runtime(
            name,
            "is a folder, not a CoNLL-U file",
        )));
    }
    match std::fs::File::open(path) {
        Ok(file) => brief::parse::filter(io::BufReader::new(file), out).map(Ok),
        Err(e) => Ok(Err(Failure::runtime(name, io_reason(&e)))),
    }
}

/// Reads a briefing, printing its warnings, which it also returns for the JSON.
fn load(opener: &Opener, origin: &Origin) -> Result<(Document, Vec<Warning>), Failure> {
    let (doc, warnings) = match origin {
        Origin::Item(..) => opener.read(origin),
        _ => opener.ingest(origin, load_bytes(origin)?),
    }
    .map_err(opened)?;
    for warning in &warnings {
        say!("warning: {}: {warning}", origin.name());
    }
    Ok((doc, warnings))
}

/// A briefing that cannot be opened ends the command with status 1.
fn opened(error: OpenError) -> Failure {
    Failure::runtime(error.what, error.why)
}

/// `brief [PATH]...`: the interactive reader. Stdin (`-`) is read before the terminal is
/// taken over; a file is read and analysed in the background while the reader draws.
/// Several paths, or a folder, open the library.
fn reader(paths: &[PathBuf], options: &Options) -> Result<ExitCode, Failure> {
    let config = load_config(options)?;
    let settings = config
        .reader(tui::theme::detect_depth())
        .map_err(|message| Failure { status: 2, message })?;
    if !io::stdout().is_terminal() {
        return Err(Failure::runtime(
            "reader",
            "stdout is not a terminal (use `brief extract` for the analysis as JSON)",
        ));
    }
    // a file of several briefings (a feed, an mbox) is a library of them
    let several = || {
        paths
            .iter()
            .any(|p| p.is_file() && brief::briefing::several(p).is_some())
    };
    if paths.len() > 1 || paths.iter().any(|p| p.is_dir()) || several() {
        let opener = opener(&config, options);
        let data_dir = config::data_dir(options);
        let threads = options.threads();
        let warnings = tui::run_library(paths.to_vec(), threads, opener, settings, data_dir)
            .map_err(|message| Failure { status: 1, message })?;
        for warning in warnings {
            say!("warning: {warning}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let origin = Origin::from_arg(paths.first().map_or(Path::new(""), PathBuf::as_path));
    let name = origin.name();
    // Stdin is read before the terminal is taken over; a file that cannot be opened fails
    // before it too, and is read in the background while the reader draws.
    let bytes = match &origin {
        Origin::Stdin => Some(load_bytes(&origin)?),
        Origin::File(path) => {
            // a named pipe is not opened here, where it would block until written to
            if !is_fifo(path) {
                std::fs::File::open(path).map_err(|e| Failure::runtime(&name, io_reason(&e)))?;
            }
            None
        }
        Origin::Sample | Origin::Item(..) => None,
    };
    let warnings = tui::run(origin, bytes, opener(&config, options), settings)
        .map_err(|message| Failure { status: 1, message })?;
    for warning in warnings {
        say!("warning: {name}: {warning}");
    }
    Ok(ExitCode::SUCCESS)
}

/// A briefing's bytes; read from stdin on a terminal, with a hint on how to end it.
fn load_bytes(origin: &Origin) -> Result<Vec<u8>, Failure> {
    if *origin == Origin::Stdin && io::stdin().is_terminal() {
        // otherwise brief seems to hang, waiting for text nobody knows to type
        say!("reading the briefing from the terminal; end it with Ctrl-D on a new line");
    }
    origin.read().map_err(opened)
}

fn is_fifo(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Runs `write` against stdout or the `--output` file; a closed pipe (`| head`) is not an
/// error.
fn write_output(
    options: &Options,
    write: impl FnOnce(&mut Output) -> io::Result<()>,
) -> Result<(), Failure> {
    // `-o -` is stdout, as for most tools
    let target = options.output.as_deref().filter(|p| *p != Path::new("-"));
    let what = target.map_or("stdout".to_string(), |p| p.display().to_string());
    if target.is_some_and(Path::is_dir) {
        return Err(Failure::runtime(
            what,
            "is a folder: -o takes the file to write (or - for stdout)",
        ));
    }
    let result = Output::open(target).and_then(|mut out| {
        write(&mut out)?;
        out.finish()
    });
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| Failure::runtime(what, io_reason(&e))),
    }
}

fn print_paths(options: &Options) -> Result<(), Failure> {
    let shown = |p: Option<PathBuf>| {
        p.map_or("(none on this platform)".into(), |p| {
            p.display().to_string()
        })
    };
    let config = if options.no_config {
        "(none: --no-config)".to_string()
    } else {
        shown(config::config_path(options).map(|(p, _)| p))
    };
    let export = load_config(options)?.export.dir();
    // the reader's export key makes a missing folder; say so rather than show it as there,
    // unless a file stands where a folder on the way must be
    let made = match export.as_deref() {
        Some(d) if d.is_dir() => "",
        Some(d) if d.ancestors().any(Path::is_file) => " (a file is in the way: exports will fail)",
        Some(_) => " (missing: made on the first export)",
        None => "",
    };
    write_output(options, |out| {
        writeln!(out, "config: {config}")?;
        writeln!(out, "data:   {}", shown(config::data_dir(options)))?;
        writeln!(out, "export: {}{made}", shown(export))
    })
}
