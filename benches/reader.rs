//! The reader's frames on ratatui's `TestBackend` (160x45): the first frame of the sample and
//! of large briefings, the frame after `G`, and search, each key with its frame (and the
//! search's count to its end).
//! `cargo bench --bench reader`.

use brief::analysis::{Analysis, UserLexicon, analyze};
use brief::document::Document;
use brief::tui::Offscreen;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use divan::Bencher;

#[path = "news/mod.rs"]
mod news;

fn main() {
    divan::main();
}

const WIDTH: u16 = 160;
const HEIGHT: u16 = 45;
/// The briefing sizes the reader is measured on: the sample's, 1 MB and 10 MB.
const SIZES: &[usize] = &[0, 1_000_000, 10_000_000];

fn analysed(size: usize) -> (Document, Analysis) {
    let text = match size {
        0 => String::from_utf8_lossy(brief::SAMPLE).into_owned(),
        _ => news::briefing(size, false),
    };
    let doc = Document::from_bytes(text.as_bytes()).expect("a briefing").0;
    let analysis = analyze(&doc, &UserLexicon::default());
    (doc, analysis)
}

fn press(reader: &mut Offscreen, c: char) {
    reader.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
}

/// The first frame once the analysis is in (size 0 is the sample).
#[divan::bench(args = SIZES, sample_count = 20)]
fn first_frame(bencher: Bencher, size: usize) {
    let (doc, analysis) = analysed(size);
    bencher
        .with_inputs(|| (doc.clone(), analysis.clone()))
        .bench_local_values(|(doc, analysis)| {
            let mut reader = Offscreen::new(doc, analysis, WIDTH, HEIGHT);
            reader.draw();
            reader
        });
}

/// `G`, to the end of the article, and its frame.
#[divan::bench(args = SIZES, sample_count = 20)]
fn bottom(bencher: Bencher, size: usize) {
    let (doc, analysis) = analysed(size);
    bencher
        .with_inputs(|| {
            let mut reader = Offscreen::new(doc.clone(), analysis.clone(), WIDTH, HEIGHT);
            reader.draw();
            reader
        })
        .bench_local_refs(|reader| {
            press(reader, 'G');
            reader.draw();
        });
}

/// One key typed into a search (`/` then `t`: a frequent letter, hundreds of thousands of
/// matches on 10 MB) and its frame: the first match from the screen on, and the first step
/// of the count.
#[divan::bench(args = SIZES, sample_count = 20)]
fn search_key(bencher: Bencher, size: usize) {
    let (doc, analysis) = analysed(size);
    bencher
        .with_inputs(|| searching(&doc, &analysis))
        .bench_local_refs(|reader| {
            press(reader, 't');
            reader.draw();
        });
}

/// The same key, then the count to its end (a step a turn of the event loop while no key
/// waits), and the frame with the count.
#[divan::bench(args = SIZES, sample_count = 20)]
fn search_counted(bencher: Bencher, size: usize) {
    let (doc, analysis) = analysed(size);
    bencher
        .with_inputs(|| searching(&doc, &analysis))
        .bench_local_refs(|reader| {
            press(reader, 't');
            reader.settle();
            reader.draw();
        });
}

/// The reader with a search opened, nothing typed yet.
fn searching(doc: &Document, analysis: &Analysis) -> Offscreen {
    let mut reader = Offscreen::new(doc.clone(), analysis.clone(), WIDTH, HEIGHT);
    press(&mut reader, '/');
    reader.draw();
    reader
}

/// `n`, to the next match of a search already made, and its frame.
#[divan::bench(args = SIZES, sample_count = 20)]
fn next_match(bencher: Bencher, size: usize) {
    let (doc, analysis) = analysed(size);
    bencher
        .with_inputs(|| {
            let mut reader = Offscreen::new(doc.clone(), analysis.clone(), WIDTH, HEIGHT);
            press(&mut reader, '/');
            "minister".chars().for_each(|c| press(&mut reader, c));
            reader.key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
            reader.draw();
            reader
        })
        .bench_local_refs(|reader| {
            press(reader, 'n');
            reader.draw();
        });
}

/// A note of `length` bytes (one paragraph, as a paste leaves it) in the sample's note
/// editor, drawn as the editor opens, the cursor at its end.
fn with_note(doc: &Document, analysis: &Analysis, length: usize) -> Offscreen {
    let note: String = "said on Monday that "
        .chars()
        .cycle()
        .take(length)
        .collect();
    let mut reader = Offscreen::reviewed(doc.clone(), analysis.clone(), WIDTH, HEIGHT);
    // the claims, then a note on the first
    press(&mut reader, '2');
    press(&mut reader, 'c');
    reader.draw();
    note.chars().for_each(|c| press(&mut reader, c));
    reader.draw();
    reader
}

/// A letter typed at the end of a note of `length` bytes and its frame: the same at any
/// length.
#[divan::bench(args = [0, 30_000, 300_000], sample_count = 20)]
fn note_key(bencher: Bencher, length: usize) {
    let (doc, analysis) = analysed(0);
    bencher
        .with_inputs(|| with_note(&doc, &analysis, length))
        .bench_local_refs(|reader| {
            press(reader, 'x');
            reader.draw();
        });
}

/// Up from the first row in view of a note of `length` bytes (one paragraph), which
/// scrolls, and its frame: the same at any length. The rows above are learnt on the first
/// step up out of the view (made before the one timed), not wrapped again on each.
#[divan::bench(args = [0, 30_000, 300_000], sample_count = 20)]
fn note_up(bencher: Bencher, length: usize) {
    let (doc, analysis) = analysed(0);
    let up = KeyEvent::new(KeyCode::Up, KeyModifiers::NONE);
    bencher
        .with_inputs(|| {
            let mut reader = with_note(&doc, &analysis, length);
            for _ in 0..HEIGHT {
                reader.key(up);
            }
            reader.draw();
            reader
        })
        .bench_local_refs(|reader| {
            reader.key(up);
            reader.draw();
        });
}

/// A folder of 500 e-mails (one in five with a text file attached) and 20 RSS feeds of 20
/// items each, every text about 2 kB of generated news.
fn mail_and_feeds() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a folder");
    for i in 0..500 {
        let text = news::briefing(2_000 + i, false);
        let body = if i % 5 == 0 {
            format!(
                "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\n\
                 Content-Type: text/plain; charset=utf-8\n\n{text}\n--b\n\
                 Content-Type: text/plain; name=\"notes.txt\"\n\
                 Content-Disposition: attachment; filename=\"notes.txt\"\n\n{text}\n--b--\n"
            )
        } else {
            format!("Content-Type: text/plain; charset=utf-8\n\n{text}")
        };
        let message = format!(
            "From: Desk <desk@example.org>\nTo: analyst@example.org\n\
             Subject: Briefing {i}\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\
             Message-ID: <{i}@example.org>\nMIME-Version: 1.0\n{body}"
        );
        std::fs::write(dir.path().join(format!("{i:03}.eml")), message).expect("written");
    }
    for f in 0..20 {
        let items: String = (0..20)
            .map(|i| {
                let text = news::briefing(1_000 + 20 * f + i, false).replace('&', "and");
                format!(
                    "<item><title>Item {i}</title><link>https://example.org/{f}/{i}</link>\
                     <pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>\
                     <description><![CDATA[<p>{text}</p>]]></description></item>\n"
                )
            })
            .collect();
        let feed = format!(
            "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Feed {f}</title>\n\
             {items}</channel></rss>\n"
        );
        std::fs::write(dir.path().join(format!("feed{f:02}.rss")), feed).expect("written");
    }
    dir
}

/// The library's first frame on that folder: the walk and whatever it reads before the
/// list is drawn (the files themselves are read afterwards, by the reading threads).
#[divan::bench(sample_count = 10)]
fn library_first_frame(bencher: Bencher) {
    let dir = mail_and_feeds();
    let roots = vec![dir.path().to_path_buf()];
    bencher.bench_local(|| {
        let mut library = Offscreen::library(roots.clone(), WIDTH, HEIGHT);
        library.draw();
        library
    });
}
