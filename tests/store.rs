//! The review store under stress, with real processes: a writer killed with SIGKILL at many
//! moments of its save loop leaves the old state or the new, never a torn file, and what it
//! leaves behind does not break the next load; two processes writing the same review at
//! once lose nothing.
//!
//! The writers are this test binary run again on one of the `helper_*` tests, which do
//! nothing unless `BRIEF_STRESS_DIR` names the data dir they are to write to. They go
//! through the public `Session` API, as the reader does.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use brief::analysis::{Analysis, UserLexicon, analyze};
use brief::document::{Document, Meta};
use brief::review::{BriefingKey, Review, Session, Store};
use jiff::Timestamp;
use serde_json::Value;

const DIR: &str = "BRIEF_STRESS_DIR";
const FROM: &str = "BRIEF_STRESS_FROM";
const WRITER: &str = "BRIEF_STRESS_WRITER";
const PATIENCE: Duration = Duration::from_secs(60);

/// A briefing of many short reported statements, each sentence its own passage.
fn briefing() -> (Document, Analysis) {
    let text: String = (1..=24)
        .map(|k| {
            format!(
                "Officials in district {k} said that the road would reopen after {k} weeks.\n\n"
            )
        })
        .collect();
    let doc = Document::from_text(&text, Meta::default()).0;
    let analysis = analyze(&doc, &UserLexicon::default());
    (doc, analysis)
}

fn key() -> BriefingKey {
    BriefingKey::Fingerprint("stress".into())
}

/// Every note a save of generation `n` writes; long, so that a save takes a while.
fn note(n: u64) -> String {
    format!(
        "generation {n}\n{}",
        "checked against the agency's register. ".repeat(25)
    )
}

/// The generation of a note, from its first line.
fn generation(text: &str) -> Option<u64> {
    text.lines()
        .next()?
        .strip_prefix("generation ")?
        .parse()
        .ok()
}

fn open(dir: &Path, doc: &Document, analysis: &mut Analysis) -> Session {
    let store = Store::open(dir).expect("a store");
    let (session, warnings) = Session::load(
        Some(store),
        key(),
        "stress".into(),
        doc,
        analysis,
        Timestamp::now(),
    )
    .expect("the review loads");
    assert!(warnings.is_empty(), "{warnings:?}");
    session
}

/// Run by [`a_writer_killed_mid_save_leaves_the_old_or_the_new_state`]: from generation
/// `BRIEF_STRESS_FROM` on, sets every claim's note and a free note on every sentence to that
/// generation and saves, then says so on stdout ("saved N;"), until it is killed.
#[test]
fn helper_saves_in_a_loop() {
    let Some(dir) = std::env::var_os(DIR) else {
        return;
    };
    let from: u64 = std::env::var(FROM).unwrap().parse().unwrap();
    let (doc, mut analysis) = briefing();
    let mut session = open(Path::new(&dir), &doc, &mut analysis);
    for n in from.. {
        let text = note(n);
        let now = Timestamp::now();
        for claim in 0..analysis.claims.len() {
            assert!(session.set_note(&doc, &analysis, claim, &text, now));
        }
        for sentence in doc.sentences.iter() {
            assert!(session.add_note(&doc, sentence, &text, now));
        }
        session.save(&doc, &mut analysis, now).expect("saved");
        println!("saved {n};");
    }
}

/// Run by [`two_processes_writing_at_once_lose_nothing`]: writer `BRIEF_STRESS_WRITER` (0 or
/// 1) notes every other sentence, saving after each, once both writers are ready.
#[test]
fn helper_notes_every_other_sentence() {
    let Some(dir) = std::env::var_os(DIR) else {
        return;
    };
    let dir = Path::new(&dir);
    let writer: usize = std::env::var(WRITER).unwrap().parse().unwrap();
    let (doc, mut analysis) = briefing();
    let mut session = open(dir, &doc, &mut analysis);
    // Both start saving together, so that their saves interleave.
    std::fs::write(dir.join(format!("ready-{writer}")), "").unwrap();
    let start = Instant::now();
    while !(0..2).all(|w| dir.join(format!("ready-{w}")).exists()) {
        assert!(start.elapsed() < PATIENCE, "the other writer never came");
        std::thread::sleep(Duration::from_millis(1));
    }
    for sentence in doc.sentences.iter().skip(writer).step_by(2) {
        let now = Timestamp::now();
        assert!(session.add_note(&doc, sentence, &format!("writer {writer}"), now));
        session.save(&doc, &mut analysis, now).expect("saved");
    }
}

/// This test binary, running only the helper `name` with `env`.
fn helper(name: &str, env: &[(&str, String)]) -> Child {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (k, v) in env {
        command.env(k, v);
    }
    command.spawn().expect("the helper runs")
}

fn temporary_files(reviews: &Path) -> Vec<String> {
    std::fs::read_dir(reviews)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".tmp"))
                .collect()
        })
        .unwrap_or_default()
}

/// The generation the review file on disk holds, checked whole: it parses, it is a review,
/// the store loads it without calling it damaged, and every note in it is of one save.
fn generation_on_disk(dir: &Path, path: &Path, notes: usize) -> Option<u64> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => panic!("{}: {e}", path.display()),
    };
    let json: Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
        panic!(
            "a torn review file ({e}): {} bytes, ending {:?}",
            bytes.len(),
            String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(80)..])
        )
    });
    assert_eq!(json["schema"], "brief.review/2");
    let review: Review = serde_json::from_value(json["review"].clone()).expect("a review");
    let texts: Vec<&str> = review
        .claims
        .iter()
        .filter_map(|c| c.note.as_deref())
        .chain(review.notes.iter().map(|n| n.text.as_str()))
        .collect();
    assert_eq!(texts.len(), notes, "every item saved together");
    let generations: Vec<Option<u64>> = texts.iter().map(|t| generation(t)).collect();
    assert!(
        generations.windows(2).all(|w| w[0] == w[1]),
        "notes of different saves in one file: {generations:?}"
    );
    let store = Store::open(dir).unwrap();
    let (_, warnings) = store.load(&key(), Timestamp::now()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    generations[0]
}

#[test]
fn a_writer_killed_mid_save_leaves_the_old_or_the_new_state() {
    const KILLS: u64 = 40;
    let data = tempfile::tempdir().unwrap();
    let (doc, analysis) = briefing();
    assert!(analysis.claims.len() >= 12, "the briefing has its claims");
    let notes = analysis.claims.len() + doc.sentences.len();
    let reviews = data.path().join("reviews");
    let path = Store::open(data.path()).unwrap().path(&key());
    let mut on_disk: Option<u64> = None;
    let (mut saves, mut leftovers) = (0, 0);
    for kill in 0..KILLS {
        let from = kill * 100_000;
        let mut child = helper(
            "helper_saves_in_a_loop",
            &[
                (DIR, data.path().display().to_string()),
                (FROM, from.to_string()),
            ],
        );
        let (tx, rx) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                // The first follows libtest's "test helper_saves_in_a_loop ... ".
                .filter_map(|l| {
                    let (_, n) = l.split_once("saved ")?;
                    n.strip_suffix(';')?.parse::<u64>().ok()
                })
                .inspect(|&n| {
                    let _ = tx.send(n);
                })
                .last()
        });
        // Most kills land some way into the loop, at a different point each time; every
        // fifth while the helper is still loading or in its first save.
        if kill % 5 == 0 {
            std::thread::sleep(Duration::from_millis(20 + kill * 3));
        } else {
            rx.recv_timeout(PATIENCE).expect("the helper saves");
            std::thread::sleep(Duration::from_micros(kill * 1_700 % 45_000));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let printed = reader.join().unwrap();
        // Old: the last save the helper reported, else what was there before it ran.
        // New: the save after that one, done but not yet reported.
        let (old, new) = match printed {
            Some(n) => (Some(n), n + 1),
            None => (on_disk, from),
        };
        let found = generation_on_disk(data.path(), &path, notes);
        assert!(
            found == old || found == Some(new),
            "kill {kill}: the file holds generation {found:?}, not {old:?} or {new}"
        );
        saves += printed.map_or(0, |n| n + 1 - from);
        leftovers += usize::from(!temporary_files(&reviews).is_empty());
        on_disk = found;
    }
    eprintln!("{KILLS} kills over {saves} saves; {leftovers} left a temporary file");
    assert!(on_disk.is_some(), "the helper saved at least once");

    // A leftover of a torn write beside the review, as a killed save leaves it.
    let torn = reviews.join(format!(
        ".{}.abc123.tmp",
        path.file_name().unwrap().to_string_lossy()
    ));
    let whole = std::fs::read(&path).unwrap();
    std::fs::write(&torn, &whole[..whole.len() / 2]).unwrap();
    // The next load reads the last whole state; its save clears what killed saves left.
    let (doc, mut analysis) = briefing();
    let mut session = open(data.path(), &doc, &mut analysis);
    let live = session.review().live();
    assert!(
        live.notes
            .iter()
            .all(|n| generation(&n.text) == on_disk && !n.orphaned)
    );
    assert_eq!(live.notes.len(), doc.sentences.len());
    session.save(&doc, &mut analysis, Timestamp::now()).unwrap();
    assert_eq!(temporary_files(&reviews), Vec::<String>::new());
    assert_eq!(generation_on_disk(data.path(), &path, notes), on_disk);
}

#[test]
fn two_processes_writing_at_once_lose_nothing() {
    let data = tempfile::tempdir().unwrap();
    let writers: Vec<Child> = (0..2)
        .map(|w| {
            helper(
                "helper_notes_every_other_sentence",
                &[
                    (DIR, data.path().display().to_string()),
                    (WRITER, w.to_string()),
                ],
            )
        })
        .collect();
    for writer in writers {
        let out = writer.wait_with_output().unwrap();
        assert!(out.status.success(), "a writer failed");
    }
    let (doc, mut analysis) = briefing();
    let session = open(data.path(), &doc, &mut analysis);
    let live = session.review().live();
    assert_eq!(live.notes.len(), doc.sentences.len(), "every note kept");
    for (k, sentence) in doc.sentences.iter().enumerate() {
        let note = live
            .notes
            .iter()
            .find(|n| n.quote.exact == doc.slice(sentence))
            .unwrap_or_else(|| panic!("sentence {k} lost its note"));
        assert_eq!(note.text, format!("writer {}", k % 2));
    }
}
