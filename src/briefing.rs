//! Opening a briefing: read it (a file, stdin or the bundled sample), ingest it, analyse it
//! and attach its stored review. The reader, the library, `brief export` and `brief extract`
//! all open briefings through an [`Opener`], so each step is written once; [`Reviews`] is the
//! one place the review store is opened.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use jiff::Timestamp;
use jiff::civil::Date;

use crate::analysis::{Analysis, UserLexicon, analyze};
use crate::document::{Document, Item, Warning};
use crate::io_reason;
use crate::review::read::ReadMarks;
use crate::review::{BriefingKey, Session, Status, Store, StoreError};

/// Where a briefing is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The bundled sample (no PATH).
    Sample,
    /// Standard input (`-`).
    Stdin,
    File(PathBuf),
    /// The N-th briefing (from 1) of a file that holds several (a feed, an mbox, a message
    /// with briefings attached): `PATH#N`.
    Item(PathBuf, usize),
}

impl Origin {
    /// A command line's PATH: the empty path is the sample, `-` stdin.
    pub fn from_arg(path: &Path) -> Origin {
        if path.as_os_str().is_empty() {
            Origin::Sample
        } else if path == Path::new("-") {
            Origin::Stdin
        } else {
            Origin::at(path)
        }
    }

    /// A file, or `PATH#N` when no file has that name and PATH is one: an item of it.
    pub fn at(path: &Path) -> Origin {
        if !path.exists()
            && let Some((file, n)) = path.to_str().and_then(|p| p.rsplit_once('#'))
            && let Ok(n) = n.parse::<usize>()
            && n > 0
            && Path::new(file).is_file()
        {
            return Origin::Item(PathBuf::from(file), n);
        }
        Origin::File(path.to_path_buf())
    }

    /// How messages name the briefing: "sample", "-", or the path as given.
    pub fn name(&self) -> String {
        match self {
            Origin::Sample => "sample".into(),
            Origin::Stdin => "-".into(),
            Origin::File(path) => path.display().to_string(),
            Origin::Item(path, n) => format!("{}#{n}", path.display()),
        }
    }

    /// The file the briefing is read from; none for stdin, the sample and an item of a file
    /// of several (a feed's items move as new ones come), whose reviews are kept by the
    /// fingerprint of their text.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Origin::File(path) => Some(path),
            _ => None,
        }
    }

    /// The briefing's bytes.
    /// Err when a briefing of `bytes` would need more memory than the process may have.
    fn fits(&self, bytes: u64) -> Result<(), OpenError> {
        crate::limits::check(bytes).map_err(|why| OpenError {
            what: self.name(),
            why,
        })
    }

    pub fn read(&self) -> Result<Vec<u8>, OpenError> {
        let failed = |what: String| {
            move |e: std::io::Error| OpenError {
                what,
                why: io_reason(&e),
            }
        };
        match self {
            Origin::Sample => Ok(crate::SAMPLE.to_vec()),
            Origin::Stdin => self.read_to_end(std::io::stdin().lock(), "stdin"),
            Origin::File(path) if path.is_dir() => Err(OpenError {
                what: self.name(),
                why: "is a folder, not a briefing".into(),
            }),
            Origin::File(path) | Origin::Item(path, _) => match std::fs::metadata(path) {
                // refused before it is read when it would need more memory than the
                // process may have
                Ok(meta) if meta.is_file() => {
                    self.fits(meta.len())?;
                    std::fs::read(path).map_err(failed(self.name()))
                }
                // a pipe or a device has no size to go by
                _ => {
                    let file = std::fs::File::open(path).map_err(failed(self.name()))?;
                    self.read_to_end(file, &self.name())
                }
            },
        }
    }

    /// A stream read to its end, refused as soon as it passes what the process may hold
    /// (or 4 GiB): a device that never ends (`/dev/zero`) is not read until memory runs out.
    fn read_to_end(&self, from: impl Read, what: &str) -> Result<Vec<u8>, OpenError> {
        let most = crate::limits::most().min(crate::document::MAX_TEXT as u64);
        let mut bytes = Vec::new();
        from.take(most + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| OpenError {
                what: what.to_string(),
                why: io_reason(&e),
            })?;
        self.fits(bytes.len() as u64)?;
        if bytes.len() as u64 > most {
            return Err(OpenError {
                what: self.name(),
                why: crate::document::IngestError::TooLong.to_string(),
            });
        }
        Ok(bytes)
    }
}

/// Why a briefing could not be opened: `<what>: <why>`, as brief prints it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what}: {why}")]
pub struct OpenError {
    pub what: String,
    pub why: String,
}

/// The review store, opened once for every briefing, and who reviews.
#[derive(Debug, Clone)]
pub struct Reviews {
    /// None: no data dir on this platform, reviews live in memory. `Err`: a data dir that
    /// cannot hold reviews (a file in its place).
    store: Result<Option<Store>, String>,
    reviewer: String,
}

impl Default for Reviews {
    /// In memory only, by "unknown".
    fn default() -> Self {
        Reviews::open(None, "unknown".into())
    }
}

impl Reviews {
    pub fn open(data_dir: Option<&Path>, reviewer: String) -> Reviews {
        let store = data_dir
            .map(Store::open)
            .transpose()
            .map_err(|e| e.to_string());
        Reviews { store, reviewer }
    }

    /// The stored review of a briefing read from `file` (none: stdin or the sample),
    /// attached to `analysis` (its corrections re-applied). A store that cannot be used is
    /// an error, for `brief export`, which must not write a note without the review.
    pub fn attach(
        &self,
        file: Option<&Path>,
        doc: &Document,
        analysis: &mut Analysis,
    ) -> Result<(Session, Vec<Warning>), String> {
        let store = self.store.clone()?;
        let key = BriefingKey::for_briefing(file, &doc.fingerprint);
        let reviewer = self.reviewer.clone();
        Session::load(store, key, reviewer, doc, analysis, Timestamp::now())
            .map_err(|e: StoreError| e.to_string())
    }

    /// As [`Reviews::attach`], for the reader: a store that cannot be used leaves the
    /// review in memory, with a warning saying so.
    pub fn attach_or_keep_in_memory(
        &self,
        file: Option<&Path>,
        doc: &Document,
        analysis: &mut Analysis,
    ) -> (Option<Session>, Vec<Warning>) {
        match self.attach(file, doc, analysis) {
            Ok((session, warnings)) => (Some(session), warnings),
            Err(why) => {
                let key = BriefingKey::for_briefing(file, &doc.fingerprint);
                let reviewer = self.reviewer.clone();
                let now = Timestamp::now();
                let session = Session::load(None, key, reviewer, doc, analysis, now).ok();
                let warning = Warning(format!("review not kept: {why}"));
                (session.map(|(s, _)| s), vec![warning])
            }
        }
    }

    /// The published date the stored review of a briefing read from `file` (none: stdin or
    /// the sample, by `fingerprint`) sets, if any; a review that cannot be read sets none
    /// (attaching it says why).
    pub fn published(&self, file: Option<&Path>, fingerprint: &str) -> Option<Date> {
        self.stored(file, fingerprint)?.published?.date
    }

    /// The stored review of a briefing read from `file` (none: by `fingerprint`) as it is
    /// on disk, not attached to an analysis; none when there is none or it cannot be read.
    pub fn stored(&self, file: Option<&Path>, fingerprint: &str) -> Option<crate::review::Review> {
        let store = self.store.as_ref().ok()?.as_ref()?;
        store.peek(&BriefingKey::for_briefing(file, fingerprint))
    }

    /// The briefings read, as stored; what went wrong reading them, as warnings (a store
    /// that cannot be used has none read).
    pub fn read_marks(&self) -> (ReadMarks, Vec<Warning>) {
        let Ok(Some(store)) = &self.store else {
            return (ReadMarks::default(), Vec::new());
        };
        crate::review::read::load(store, Timestamp::now())
            .unwrap_or_else(|e| (ReadMarks::default(), vec![Warning(e.to_string())]))
    }

    /// Marks the briefing read or unread, and returns every mark; none when there is no
    /// store to keep them in.
    pub fn mark_read(
        &self,
        key: &BriefingKey,
        read: bool,
    ) -> Result<Option<(ReadMarks, Vec<Warning>)>, String> {
        let Some(store) = self.store.clone()? else {
            return Ok(None);
        };
        crate::review::read::mark(&store, key, read, Timestamp::now())
            .map(Some)
            .map_err(|e| format!("read mark not kept: {e}"))
    }

    /// How many claims of the briefing's stored review have a status, for a list of
    /// briefings; the analysis is left as the machine made it.
    pub fn reviewed(
        &self,
        file: Option<&Path>,
        doc: &Document,
        analysis: &Analysis,
    ) -> (usize, Vec<Warning>) {
        let mut corrected = analysis.clone();
        let (session, warnings) = self.attach_or_keep_in_memory(file, doc, &mut corrected);
        let count = session.map_or(0, |s| reviewed(&s, corrected.claims.len()));
        (count, warnings)
    }
}

/// How many of `claims` claims have a status other than unreviewed.
pub fn reviewed(session: &Session, claims: usize) -> usize {
    session
        .by_claim(claims)
        .iter()
        .flatten()
        .filter(|c| c.status != Status::Unreviewed)
        .count()
}

/// Everything a briefing is opened with: the date that overrides its own, the analyst's
/// lexicon, the review store.
#[derive(Debug, Clone, Default)]
pub struct Opener {
    pub published: Option<Date>,
    pub lexicon: UserLexicon,
    pub reviews: Reviews,
}

impl Opener {
    /// Reads and ingests a briefing; the warnings are what decoding noticed.
    pub fn read(&self, origin: &Origin) -> Result<(Document, Vec<Warning>), OpenError> {
        let Origin::Item(path, n) = origin else {
            return self.ingest(origin, origin.read()?);
        };
        let failed = |why: String| OpenError {
            what: origin.name(),
            why,
        };
        let (items, mut warnings) = items_of(path)?;
        if items.is_empty() {
            return Err(failed(format!(
                "{} is one briefing, not a file of several: name it without #{n}",
                path.display()
            )));
        }
        let item = items.get(n - 1).ok_or_else(|| {
            failed(format!(
                "{} holds {} briefings: there is no #{n}",
                path.display(),
                items.len()
            ))
        })?;
        let (doc, more) = self.read_item(origin, item.clone())?;
        warnings.extend(more);
        Ok((doc, warnings))
    }

    /// Ingests an item already split from its file (`origin` is `PATH#N`).
    pub fn read_item(
        &self,
        origin: &Origin,
        item: Item,
    ) -> Result<(Document, Vec<Warning>), OpenError> {
        let (doc, warnings) = Document::from_item(item).map_err(|e| OpenError {
            what: origin.name(),
            why: e.to_string(),
        })?;
        Ok((self.dated(origin, doc), warnings))
    }

    /// Ingests bytes already read from `origin` (stdin, read before the terminal is taken).
    pub fn ingest(
        &self,
        origin: &Origin,
        bytes: Vec<u8>,
    ) -> Result<(Document, Vec<Warning>), OpenError> {
        let (doc, warnings) = Document::from_bytes(bytes).map_err(|e| OpenError {
            what: origin.name(),
            why: e.to_string(),
        })?;
        Ok((self.dated(origin, doc), warnings))
    }

    /// `--published` over the briefing's date, and the analyst's date, set in the review,
    /// under it and over the briefing's own.
    fn dated(&self, origin: &Origin, mut doc: Document) -> Document {
        doc.meta.give_published(self.published);
        let reviewed = self.reviews.published(origin.file(), &doc.fingerprint);
        doc.meta.review_published(reviewed);
        doc
    }

    pub fn analyse(&self, doc: &Document) -> Analysis {
        analyze(doc, &self.lexicon)
    }
}

/// How many briefings the file at `path` holds when it holds several (a feed of more than one
/// item, an mbox, a message with briefings attached); none for a file of one or a file that
/// cannot be read (opening it says why).
pub fn several(path: &Path) -> Option<usize> {
    let (items, _) = items_of(path).ok()?;
    (items.len() > 1).then_some(items.len())
}

/// The last files of several briefings read, with their size and modification time, so that
/// the index's threads (and `extract`), opening their items one after another by `PATH#N`,
/// read and split each file once. The library's readers split a file themselves and pass
/// its items on.
type Cached = (
    PathBuf,
    Option<(u64, std::time::SystemTime)>,
    Arc<Vec<Item>>,
);
static ITEMS: Mutex<Vec<Cached>> = Mutex::new(Vec::new());
const CACHED: usize = 4;

/// The briefings of a file of several read from `origin` (a feed, an mbox, a message with
/// briefings attached); none for a file of one.
pub fn split(
    origin: &Origin,
    bytes: &[u8],
    warnings: &mut Vec<Warning>,
) -> Result<Option<Vec<Item>>, OpenError> {
    crate::document::items(bytes, warnings)
        .transpose()
        .map_err(|e| OpenError {
            what: origin.name(),
            why: e.to_string(),
        })
}

/// The items of the file at `path`, and what reading it noticed.
fn items_of(path: &Path) -> Result<(Arc<Vec<Item>>, Vec<Warning>), OpenError> {
    let stamp = std::fs::metadata(path)
        .ok()
        .and_then(|m| Some((m.len(), m.modified().ok()?)));
    let cached = ITEMS.lock().ok().and_then(|cache| {
        cache
            .iter()
            .find(|(p, s, _)| p == path && *s == stamp && stamp.is_some())
            .map(|(_, _, items)| items.clone())
    });
    if let Some(items) = cached {
        return Ok((items, Vec::new()));
    }
    let origin = Origin::File(path.to_path_buf());
    let mut warnings = Vec::new();
    let items = Arc::new(split(&origin, &origin.read()?, &mut warnings)?.unwrap_or_default());
    if let Ok(mut cache) = ITEMS.lock() {
        if cache.len() == CACHED {
            cache.remove(0);
        }
        cache.push((path.to_path_buf(), stamp, items.clone()));
    }
    Ok((items, warnings))
}
