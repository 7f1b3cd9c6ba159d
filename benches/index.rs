//! The library index on a generated library of 10,000 news briefings (about 3 kB each):
//! indexing it from nothing on every core, updating it with nothing changed (what opening
//! the library or a search without PATH does first), after one file changed, and a search.
//! `cargo bench --bench index`; the first run builds the library and its index (minutes of
//! CPU: the analysis of 30 MB of text).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use brief::briefing::{Opener, Reviews};
use brief::index::Index;
use brief::index::search::Query;
use brief::index::update::{Changes, update};
use divan::Bencher;

#[path = "library/mod.rs"]
mod library;

fn main() {
    divan::main();
}

const FILES: usize = 10_000;

/// The generated library and an index of it, made once.
struct Built {
    _dir: tempfile::TempDir,
    root: PathBuf,
    data: PathBuf,
}

/// Brings `index` up to date with the library at `root`, on `threads` threads.
fn index_folder(index: &mut Index, root: &Path, threads: usize) -> Changes {
    update(
        index,
        std::slice::from_ref(&root.to_path_buf()),
        &Opener::default(),
        threads,
        |_, _, _| {},
    )
    .expect("indexed")
}

fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a folder");
        let root = dir.path().join("library");
        library::write(&root, FILES);
        let data = dir.path().join("data");
        let mut index = Index::open(&data).expect("an index");
        index_folder(&mut index, &root, threads());
        Built {
            _dir: dir,
            root,
            data,
        }
    })
}

#[divan::bench(sample_count = 1, sample_size = 1)]
fn index_from_nothing(bencher: Bencher) {
    let root = built().root.clone();
    bencher
        .with_inputs(|| tempfile::tempdir().expect("a folder"))
        .bench_values(|data| {
            let mut index = Index::open(data.path()).expect("an index");
            index_folder(&mut index, &root, threads())
        });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn reopen_nothing_changed() {
    let built = built();
    let mut index = Index::open(&built.data).expect("an index");
    let changes = index_folder(&mut index, &built.root, 1);
    assert_eq!(changes.unchanged, FILES);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn update_after_one_change(bencher: Bencher) {
    let built = built();
    let file = built.root.join("00007.md");
    let edits = std::sync::atomic::AtomicUsize::new(0);
    bencher
        .with_inputs(|| {
            let n = edits.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let text = format!("{}\nAn editor added line {n}.\n", library::numbered(7));
            std::fs::write(&file, text).expect("a briefing can be written");
        })
        .bench_values(|()| {
            let mut index = Index::open(&built.data).expect("an index");
            let changes = index_folder(&mut index, &built.root, threads());
            assert_eq!(changes.changed, 1);
        });
}

#[divan::bench(args = ["\"trade talks\" Nairobi", "pipeline actor:\"Grace Ferreira\" after:2021", "kind:denial source:\"central bank\""], sample_count = 20)]
fn search(bencher: Bencher, query: &str) {
    let built = built();
    let index = Index::open(&built.data).expect("an index");
    let query = Query::parse(query).expect("a query");
    let reviews = Reviews::default();
    bencher.bench_local(|| index.search(&query, &[], &reviews).expect("searched"));
}

/// What the library lists at once when it opens: every row, without the analyses.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn list_from_the_index() -> usize {
    let index = Index::open(&built().data).expect("an index");
    index.listed().expect("listed").len()
}
