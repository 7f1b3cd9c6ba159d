//! Finding the briefings (a walk of the folders, hidden folders skipped) and reading them:
//! a small pool of threads reads and analyses one file after another and sends each result
//! back, so the list fills in while the reader stays responsive.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use super::Analysed;
use crate::briefing::{Opener, Origin};
use crate::document::{Document, Item, Warning};
use crate::io_reason;

/// The extensions of the files of one briefing a folder's briefings are found by.
const ONE: [&str; 8] = ["md", "markdown", "txt", "html", "htm", "pdf", "docx", "odt"];

/// The extensions of the files that may hold several briefings (feeds, mboxes, messages
/// with attachments; a `.json` file too when it is a JSON Feed): each is listed as one
/// entry, split into its briefings when read (or as the index holds them).
const SEVERAL: [&str; 5] = ["eml", "mbox", "xml", "rss", "atom"];

/// A file to list, or why it cannot be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    pub name: String,
    pub error: Option<String>,
}

/// Every file of briefings under the roots: a file named is always listed; a folder gives
/// its files with a briefing's extension, sorted by name, without going into hidden folders
/// or following links to folders (which could loop). Nothing is read but a `.json` file's
/// first bytes: a file of several briefings is one entry until it is read ([`expand`]).
pub fn scan(roots: &[PathBuf]) -> Vec<Found> {
    let mut found = Vec::new();
    for root in roots {
        if root.is_dir() {
            walk(root, root, &mut found);
        } else {
            found.push(Found {
                path: root.clone(),
                name: root.display().to_string(),
                error: std::fs::metadata(root).err().map(|e| io_reason(&e)),
            });
        }
    }
    found
}

/// Whether the file at `path` may hold several briefings: any but those of one briefing by
/// their extension (a file named on the command line may have any).
pub fn may_hold_several(path: &Path) -> bool {
    !has_extension(path, &ONE)
}

/// `PATH#N`, the N-th briefing of the file at `path`, and its name in the list.
pub fn item(path: &Path, name: &str, n: usize) -> Found {
    Found {
        path: PathBuf::from(format!("{}#{n}", path.display())),
        name: format!("{name}#{n}"),
        error: None,
    }
}

/// A file listed as each of its briefings, `PATH#N`, when it holds several (read and split
/// to know); else as itself.
pub fn expand(found: Found) -> Vec<Found> {
    let several = found.error.is_none() && may_hold_several(&found.path);
    match several
        .then(|| crate::briefing::several(&found.path))
        .flatten()
    {
        Some(n) => (1..=n).map(|i| item(&found.path, &found.name, i)).collect(),
        None => vec![found],
    }
}

fn walk(root: &Path, folder: &Path, found: &mut Vec<Found>) {
    let name = |path: &Path| {
        let relative = path.strip_prefix(root).unwrap_or(path);
        if relative.as_os_str().is_empty() {
            path.display().to_string()
        } else {
            relative.display().to_string()
        }
    };
    let listing = match std::fs::read_dir(folder) {
        Ok(listing) => listing,
        Err(e) => {
            found.push(Found {
                path: folder.to_path_buf(),
                name: name(folder),
                error: Some(io_reason(&e)),
            });
            return;
        }
    };
    // the entry's type comes with the listing: only a link is stated, to know what it
    // points to (an update with nothing changed states each file once, for its stamp)
    let mut items: Vec<(PathBuf, bool, bool)> = listing
        .filter_map(Result::ok)
        .filter_map(|item| {
            let kind = item.file_type().ok()?;
            Some((item.path(), kind.is_dir(), kind.is_file()))
        })
        .collect();
    // by name, as bytes: Path's order parses every path into its components
    items.sort_unstable_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
    for (path, is_dir, is_file) in items {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if is_dir {
            if !hidden {
                walk(root, &path, found);
            }
        } else if is_briefing(&path) && (is_file || path.is_file()) {
            found.push(Found {
                name: name(&path),
                path,
                error: None,
            });
        }
    }
}

fn is_briefing(path: &Path) -> bool {
    has_extension(path, &ONE)
        || has_extension(path, &SEVERAL)
        || (has_extension(path, &["json"]) && is_json_feed(path))
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Whether a `.json` file is a JSON Feed, by its first bytes.
fn is_json_feed(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(4096).read_to_end(&mut head))
        .is_ok_and(|_| crate::document::is_feed(&head))
}

/// One briefing's result, from the scan numbered `generation`.
#[derive(Debug)]
pub struct Arrived {
    pub generation: u64,
    /// The entry; with `item`, the file of several briefings it is the N-th of (from 1).
    pub index: usize,
    pub item: Option<usize>,
    pub result: Result<Analysed, String>,
}

/// What the reading threads report.
#[derive(Debug)]
pub enum Report {
    Arrived(Box<Arrived>),
    /// Entry `index` of scan `generation` is a file of `count` briefings, read next as items.
    Split {
        generation: u64,
        index: usize,
        count: usize,
    },
}

/// A file to read, or an item of one already split.
struct Job {
    index: usize,
    path: PathBuf,
    item: Option<(usize, Item)>,
}

/// Reads and analyses the files on `threads` threads (`--threads`, else one a core), beside
/// the interface's, sending each result as it comes. A file of several briefings is split
/// by the thread that reads it, which reports how many it holds and puts them at the head
/// of the queue, so every thread reads them and none reads the file again. Setting the
/// returned flag stops them after the briefing in hand. A bug in the analysis is sent as
/// `Err`: the panic hook has already given the terminal back, so the reader must end, as it
/// does for a single briefing.
pub fn read_all(
    generation: u64,
    files: Vec<(usize, PathBuf)>,
    threads: usize,
    opener: Arc<Opener>,
    send: impl Fn(Result<Report, String>) + Clone + Send + 'static,
) -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let threads = threads.min(files.len());
    let jobs = files.into_iter().map(|(index, path)| Job {
        index,
        path,
        item: None,
    });
    let queue = Arc::new(Mutex::new(jobs.collect::<VecDeque<Job>>()));
    for _ in 0..threads {
        let (queue, stop, opener, send) =
            (queue.clone(), stop.clone(), opener.clone(), send.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let next = queue.lock().ok().and_then(|mut q| q.pop_front());
                let Some(Job { index, path, item }) = next else {
                    return;
                };
                let n = item.as_ref().map(|(n, _)| *n);
                let work = std::panic::AssertUnwindSafe(|| match item {
                    Some((n, item)) => {
                        read_item(&path, n, item, &opener).map(|b| Read::One(Box::new(b)))
                    }
                    None => read_file(&path, &opener),
                });
                let Ok(result) = std::panic::catch_unwind(work) else {
                    send(Err(format!(
                        "{}: internal error: the analysis failed; please report it",
                        path.display()
                    )));
                    return;
                };
                let result = match result {
                    Ok(Read::Several(items)) => {
                        let count = items.len();
                        send(Ok(Report::Split {
                            generation,
                            index,
                            count,
                        }));
                        if let Ok(mut queue) = queue.lock() {
                            for (k, item) in items.into_iter().enumerate().rev() {
                                queue.push_front(Job {
                                    index,
                                    path: path.clone(),
                                    item: Some((k + 1, item)),
                                });
                            }
                        }
                        continue;
                    }
                    Ok(Read::One(briefing)) => Ok(*briefing),
                    Err(why) => Err(why),
                };
                send(Ok(Report::Arrived(Box::new(Arrived {
                    generation,
                    index,
                    item: n,
                    result,
                }))));
            }
        });
    }
    stop
}

/// A file read: one briefing, or the briefings of a file of several.
enum Read {
    One(Box<Analysed>),
    Several(Vec<Item>),
}

/// A file read whole once: split when it holds several briefings, else analysed.
fn read_file(path: &Path, opener: &Opener) -> Result<Read, String> {
    let origin = Origin::at(path);
    if !matches!(origin, Origin::File(_)) || !may_hold_several(path) {
        return read(path, opener).map(|b| Read::One(Box::new(b)));
    }
    let bytes = origin.read().map_err(|e| e.why)?;
    let mut warnings = Vec::new();
    match crate::briefing::split(&origin, &bytes, &mut warnings).map_err(|e| e.why)? {
        Some(items) if items.len() > 1 => Ok(Read::Several(items)),
        _ => {
            let (doc, found) = opener.ingest(&origin, bytes).map_err(|e| e.why)?;
            let briefing = analysed(&origin, doc, [warnings, found].concat(), opener);
            Ok(Read::One(Box::new(briefing)))
        }
    }
}

/// The N-th briefing of the file at `path`, already split from it.
fn read_item(path: &Path, n: usize, item: Item, opener: &Opener) -> Result<Analysed, String> {
    let origin = Origin::Item(path.to_path_buf(), n);
    let (doc, warnings) = opener.read_item(&origin, item).map_err(|e| e.why)?;
    Ok(analysed(&origin, doc, warnings, opener))
}

/// One briefing, read and analysed, with its stored review counted; `Err` is why not. The
/// analysis stays as the machine made it: the reader applies the review's corrections
/// when it opens it.
pub fn read(path: &Path, opener: &Opener) -> Result<Analysed, String> {
    let origin = Origin::at(path);
    let (doc, warnings) = opener.read(&origin).map_err(|e| e.why)?;
    Ok(analysed(&origin, doc, warnings, opener))
}

fn analysed(origin: &Origin, doc: Document, warnings: Vec<Warning>, opener: &Opener) -> Analysed {
    let analysis = opener.analyse(&doc);
    let (reviewed, found) = opener.reviews.reviewed(origin.file(), &doc, &analysis);
    Analysed {
        doc,
        analysis,
        warnings: [warnings, found].concat(),
        reviewed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_gives_its_briefings_and_skips_hidden_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::create_dir_all(root.join(".hidden")).unwrap();
        for file in [
            "b.md",
            "a.TXT",
            "page.html",
            "sub/c.markdown",
            ".hidden/d.md",
            "e.pdf",
            "f.png",
        ] {
            std::fs::write(root.join(file), "Some words.").unwrap();
        }
        let names: Vec<String> = scan(&[root.to_path_buf()])
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(
            names,
            ["a.TXT", "b.md", "e.pdf", "page.html", "sub/c.markdown"]
        );
        let missing = scan(&[root.join("nowhere.md")]);
        assert_eq!(missing[0].error.as_deref(), Some("no such file or folder"));
    }

    #[test]
    fn a_binary_file_fails_with_its_reason() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.txt");
        std::fs::write(&path, b"\0\x01\x02binary").unwrap();
        let why = read(&path, &Opener::default()).unwrap_err();
        assert!(why.contains("binary"), "{why}");
    }
}
