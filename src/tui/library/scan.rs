//! Finding the briefings (a walk of the folders, hidden folders skipped) and reading them:
//! a small pool of threads reads and analyses one file after another and sends each result
//! back, so the list fills in while the reader stays responsive.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use super::Analysed;
use crate::briefing::{Opener, Origin};
use crate::io_reason;

/// The extensions of the files a folder's briefings are found by (a `.json` file too when it
/// is a JSON Feed).
const EXTENSIONS: [&str; 13] = [
    "md", "markdown", "txt", "html", "htm", "pdf", "docx", "odt", "eml", "mbox", "xml", "rss",
    "atom",
];

/// The extensions of files that may hold several briefings, read while listing to list each:
/// feeds, mboxes, messages with attachments.
const SEVERAL: [&str; 6] = ["eml", "mbox", "xml", "rss", "atom", "json"];

/// A file to list, or why it cannot be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    pub name: String,
    pub error: Option<String>,
}

/// Every briefing under the roots: a file named is always listed; a folder gives its files
/// with a briefing's extension, sorted by name, without going into hidden folders or
/// following links to folders (which could loop).
pub fn scan(roots: &[PathBuf]) -> Vec<Found> {
    let mut found = Vec::new();
    for root in roots {
        if root.is_dir() {
            walk(root, root, &mut found);
        } else {
            let error = std::fs::metadata(root).err().map(|e| io_reason(&e));
            let name = root.display().to_string();
            if error.is_some() || !push_items(root, &name, &mut found) {
                found.push(Found {
                    path: root.clone(),
                    name,
                    error,
                });
            }
        }
    }
    found
}

/// A file of several briefings listed as each of them, `PATH#N`; false for a file of one.
fn push_items(path: &Path, name: &str, found: &mut Vec<Found>) -> bool {
    let Some(n) = crate::briefing::several(path) else {
        return false;
    };
    found.extend((1..=n).map(|i| Found {
        path: PathBuf::from(format!("{}#{i}", path.display())),
        name: format!("{name}#{i}"),
        error: None,
    }));
    true
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
    let mut items: Vec<(PathBuf, bool)> = listing
        .filter_map(Result::ok)
        .filter_map(|item| {
            let kind = item.file_type().ok()?;
            Some((item.path(), kind.is_dir()))
        })
        .collect();
    items.sort();
    for (path, is_dir) in items {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if is_dir {
            if !hidden {
                walk(root, &path, found);
            }
        } else if is_briefing(&path) && path.is_file() {
            let name = name(&path);
            if !(has_extension(&path, &SEVERAL) && push_items(&path, &name, found)) {
                found.push(Found {
                    name,
                    path,
                    error: None,
                });
            }
        }
    }
}

fn is_briefing(path: &Path) -> bool {
    has_extension(path, &EXTENSIONS) || (has_extension(path, &["json"]) && is_json_feed(path))
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

/// One file's result, from the scan numbered `generation`.
#[derive(Debug)]
pub struct Arrived {
    pub generation: u64,
    pub index: usize,
    pub result: Result<Analysed, String>,
}

/// Reads and analyses the files on `threads` threads (`--threads`, else one a core), beside
/// the interface's, sending each result as it comes. Setting the returned flag stops them
/// after the file in hand. A bug in the analysis is sent as `Err`: the panic hook has
/// already given the terminal back, so the reader must end, as it does for a single
/// briefing.
pub fn read_all(
    generation: u64,
    files: Vec<(usize, PathBuf)>,
    threads: usize,
    opener: Arc<Opener>,
    send: impl Fn(Result<Arrived, String>) + Clone + Send + 'static,
) -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let threads = threads.min(files.len());
    let queue = Arc::new(Mutex::new(files.into_iter()));
    for _ in 0..threads {
        let (queue, stop, opener, send) =
            (queue.clone(), stop.clone(), opener.clone(), send.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let next = queue.lock().ok().and_then(|mut q| q.next());
                let Some((index, path)) = next else {
                    return;
                };
                let work = std::panic::AssertUnwindSafe(|| read(&path, &opener));
                let Ok(result) = std::panic::catch_unwind(work) else {
                    send(Err(format!(
                        "{}: internal error: the analysis failed; please report it",
                        path.display()
                    )));
                    return;
                };
                send(Ok(Arrived {
                    generation,
                    index,
                    result,
                }));
            }
        });
    }
    stop
}

/// One briefing, read and analysed, with its stored review counted; `Err` is why not. The
/// analysis stays as the machine made it: the reader applies the review's corrections
/// when it opens it.
pub fn read(path: &Path, opener: &Opener) -> Result<Analysed, String> {
    let (doc, warnings) = opener.read(&Origin::at(path)).map_err(|e| e.why)?;
    let analysis = opener.analyse(&doc);
    let (reviewed, found) = opener.reviews.reviewed(Some(path), &doc, &analysis);
    Ok(Analysed {
        doc,
        analysis,
        warnings: [warnings, found].concat(),
        reviewed,
    })
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
