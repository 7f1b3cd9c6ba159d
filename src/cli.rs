//! The command line, as the contract fixes it.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use jiff::civil::Date;

#[derive(Debug, Parser)]
#[command(
    name = "brief",
    version,
    about = "A terminal workstation for reading news briefings: claims, actors and a timeline",
    long_about = "A terminal workstation for reading news briefings.\n\n\
        brief finds who claims what (source, cue, kind, hedges, contradictions), the actors \
        with their aliases and roles, and a dated timeline, all offline. Without PATH every \
        command works on the bundled sample briefing; '-' reads stdin.",
    subcommand_precedence_over_arg = true
)]
pub struct Cli {
    #[command(flatten)]
    pub options: Options,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// Briefings to open (text or Markdown; '-' for stdin); none opens the bundled sample
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct Options {
    /// The article's date (YYYY-MM-DD); anchors "on Friday", "last year"; overrides front
    /// matter, and in batch mode is the default for lines that give none
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_published)]
    pub published: Option<Date>,

    /// Export format: md (default), json, csv, claimreview, timelinejs
    #[arg(long, global = true, value_name = "FMT", value_enum)]
    pub format: Option<crate::export::Format>,

    /// CSV export: begin with a UTF-8 byte-order mark, for spreadsheet programs that need
    /// one to read UTF-8 (else `csv_bom` under [export] in the configuration)
    #[arg(long, global = true)]
    pub bom: bool,

    /// Write there instead of stdout (atomically)
    #[arg(short, long, global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Where reviews live (else $BRIEF_DATA_DIR, else the platform data dir)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// The configuration file (else $BRIEF_CONFIG, else config.toml in the platform config dir)
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Defaults only, no user lexicon (what the evaluation uses)
    #[arg(long, global = true)]
    pub no_config: bool,

    /// Threads analysing a batch (`extract --jsonl`) or a library's files (else
    /// $BRIEF_THREADS, else one a core); 1 keeps a batch on the calling thread
    #[arg(long, global = true, value_name = "N", env = "BRIEF_THREADS")]
    pub threads: Option<NonZeroUsize>,
}

impl Options {
    /// The threads asked for, else one a core.
    pub fn threads(&self) -> usize {
        self.threads.map_or_else(
            || std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
            NonZeroUsize::get,
        )
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse briefings and print the analysis as JSON (several PATHs: JSON lines)
    Extract {
        /// Briefings to analyse ('-' for stdin); none analyses the bundled sample
        paths: Vec<PathBuf>,

        /// Batch: JSON lines {"id", "text", "published"?, "title"?, "source"?, "url"?} on
        /// stdin, one analysis per line on stdout, in the same order
        #[arg(long, conflicts_with = "paths")]
        jsonl: bool,
    },
    /// The analysis plus the analyst's review, in one format (--format; stdout or -o FILE)
    Export {
        /// The briefing ('-' for stdin); none exports the bundled sample
        path: Option<PathBuf>,
    },
    /// Merge a colleague's review (as `brief export --format json` writes it) into yours of
    /// the same briefing: the later change of each field wins, each item keeps its reviewer
    Import {
        /// The colleague's export ('-' for stdin)
        review: PathBuf,

        /// The briefing it reviews ('-' for stdin); none: the bundled sample
        path: Option<PathBuf>,
    },
    /// Tag and parse briefings: CoNLL-U of brief's own sentences and tokens (stdout or -o FILE)
    Parse {
        /// Briefings to parse ('-' for stdin); none parses the bundled sample
        paths: Vec<PathBuf>,

        /// The input is CoNLL-U (a file, or '-' for stdin): its sentences and words are
        /// kept, and UPOS, XPOS, HEAD and DEPREL filled in
        #[arg(long)]
        conllu: bool,
    },
    /// Build or update the library index (in the data dir) of the briefings in folders and
    /// files, and say what changed
    Index {
        /// Folders and files to index; none updates those indexed before
        paths: Vec<PathBuf>,
    },
    /// Search every indexed briefing: words (phrases in quotes, AND, OR, NOT, prefix*) and
    /// fields actor:, source:, kind:, status:, after:, before:; prints path:line: text
    Search {
        /// What to find, e.g. 'missiles actor:"Shin Wonsik" after:2024-06'
        query: String,

        /// Search only these folders and files (indexed first); none: everything indexed
        paths: Vec<PathBuf>,
    },
    /// Fetch the feeds of the configuration's [[feeds]] (url, name) into their folders: each
    /// new item's page saved as a briefing; one line a feed
    Fetch,

    /// The analysis across the indexed briefings (indexed first): one actor across
    /// briefings with why, a merged timeline (--format json|md|csv|timelinejs), or one
    /// actor's dossier (--actor); --accept and --reject decide a link in the library review
    Library {
        /// Folders and files to take (indexed first); none: everything indexed
        paths: Vec<PathBuf>,

        /// Everything held about this actor across briefings (json, md or csv)
        #[arg(long, value_name = "NAME")]
        actor: Option<String>,

        /// Link two names as one actor in the library review: 'NAME = NAME'
        #[arg(long, value_name = "NAME = NAME")]
        accept: Vec<String>,

        /// Never link these two names directly: 'NAME = NAME'
        #[arg(long, value_name = "NAME = NAME")]
        reject: Vec<String>,

        /// Take back a decision about two names: 'NAME = NAME'
        #[arg(long, value_name = "NAME = NAME")]
        undecide: Vec<String>,

        /// The source register alone: each source's claims, how they were reviewed, its
        /// suggested and given reliability (json, md or csv)
        #[arg(long, conflicts_with = "actor")]
        sources: bool,

        /// A source's Admiralty reliability in the library review: 'NAME = B' (A-F);
        /// 'NAME =' takes it back
        #[arg(long, value_name = "NAME = LETTER")]
        reliability: Vec<String>,
    },
    /// Print the config file, data dir and export dir in use
    Paths,
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// `--published`: exactly a day, or why it is not one.
fn parse_published(value: &str) -> Result<Date, String> {
    // exactly the day here: a time after it is for files and batch lines
    if value.len() != 10 {
        return Err(format!("'{value}' is not a date of the form YYYY-MM-DD"));
    }
    crate::document::published_date(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn options_go_before_or_after_the_subcommand() {
        let before =
            Cli::try_parse_from(["brief", "--published", "2024-11-23", "extract", "a.txt"])
                .unwrap();
        let after = Cli::try_parse_from(["brief", "extract", "a.txt", "--published", "2024-11-23"])
            .unwrap();
        assert_eq!(before.options.published, after.options.published);
        for cli in [before, after] {
            assert!(
                matches!(cli.command, Some(Command::Extract { ref paths, .. }) if paths.len() == 1)
            );
        }
        assert!(Cli::try_parse_from(["brief", "--published", "23/11/2024"]).is_err());
        for (bad, why) in [
            ("2024-02-30", "2024-02-30 is not a day"),
            ("2024-2-3", "not a date of the form"),
            ("0999-12-31", "before the year 1000"),
        ] {
            let err = Cli::try_parse_from(["brief", "--published", bad]).unwrap_err();
            assert!(err.to_string().contains(why), "{err}");
        }
    }
}
