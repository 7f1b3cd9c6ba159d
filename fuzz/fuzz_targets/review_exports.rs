//! A review built from the input (statuses, grades, notes with any text, free notes, added
//! claims, merged actors, undo, a reviewer), saved, rendered in every export format and read
//! again. Every JSON format must parse, no export may carry a raw control character, and the
//! review read back must be the review saved.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use brief::analysis::{UserLexicon, analyze};
use brief::document::{Document, Meta, Span};
use brief::export::{self, Briefing, Format};
use brief::review::{BriefingKey, Grade, Session, Status, Store};
use jiff::Timestamp;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Op {
    Status(u8, u8),
    Grade(u8, u8, u8),
    Note(u8, String),
    Clear(u8),
    FreeNote(u16, u16, String),
    AddClaim(u16, u16),
    Merge(u8, u8),
    Undo,
    Save,
}

#[derive(Arbitrary, Debug)]
struct Input {
    text: String,
    title: Option<String>,
    url: Option<String>,
    reviewer: String,
    ops: Vec<Op>,
}

const NEWS: &str = "Officials in Oslo said on Monday that talks would resume. The ministry \
                    denied it on Friday, according to Reuters. Russia reportedly sent troops.";

fn is_control(c: char) -> bool {
    (c < ' ' && !"\n\t\r".contains(c)) || ('\u{7F}'..'\u{A0}').contains(&c)
}

/// A span of the text on character boundaries.
fn span(text: &str, start: u16, len: u16) -> Option<Span> {
    let mut start = usize::from(start) % (text.len() + 1);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + usize::from(len) % 200).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (end > start).then(|| Span::new(start, end))
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(input) = Input::arbitrary(&mut Unstructured::new(bytes)) else {
        return;
    };
    let text = format!("{NEWS} {}", input.text);
    let meta = Meta { title: input.title, url: input.url, ..Meta::default() };
    let (doc, _) = Document::from_text(&text, meta);
    let mut analysis = analyze(&doc, &UserLexicon::default());
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let key = BriefingKey::Fingerprint(doc.fingerprint.clone());
    let mut second = 1_800_000_000;
    let mut now = || {
        second += 1;
        Timestamp::from_second(second).unwrap()
    };
    let (mut session, _) =
        Session::load(Some(store), key.clone(), input.reviewer.clone(), &doc, &mut analysis, now())
            .unwrap();
    let claims = |a: &brief::analysis::Analysis| a.claims.len().max(1);
    for op in input.ops.iter().take(64) {
        match op {
            Op::Status(c, s) => {
                let status = [Status::Supported, Status::Disputed, Status::Unverified, Status::Rejected]
                    [usize::from(*s) % 4];
                session.set_status(&doc, &analysis, usize::from(*c) % claims(&analysis), status, now());
            }
            Op::Grade(c, r, n) => {
                let grade = Grade::new(char::from(b'A' + r % 7), n % 7).ok();
                session.set_grade(&doc, &analysis, usize::from(*c) % claims(&analysis), grade, now());
            }
            Op::Note(c, note) => {
                session.set_note(&doc, &analysis, usize::from(*c) % claims(&analysis), note, now());
            }
            Op::Clear(c) => {
                session.clear_status(&doc, &analysis, usize::from(*c) % claims(&analysis), now());
            }
            Op::FreeNote(start, len, note) => {
                if let Some(span) = span(&doc.text, *start, *len) {
                    session.add_note(&doc, span, note, now());
                }
            }
            Op::AddClaim(start, len) => {
                if let Some(span) = span(&doc.text, *start, *len) {
                    session.add_claim(&doc, &mut analysis, span, now());
                }
            }
            Op::Merge(a, b) => {
                let n = analysis.actors.len().max(1);
                session.merge_actor(&doc, &mut analysis, usize::from(*a) % n, usize::from(*b) % n, now());
            }
            Op::Undo => {
                session.undo(&doc, &mut analysis, now());
            }
            Op::Save => {
                session.save(&doc, &mut analysis, now()).unwrap();
            }
        }
    }
    session.save(&doc, &mut analysis, now()).unwrap();
    let saved = session.review().clone();
    for format in [Format::Md, Format::Json, Format::Csv, Format::Claimreview, Format::Timelinejs] {
        let out = export::render(format, &Briefing::new(&doc, &analysis, &saved));
        assert!(!out.chars().any(is_control), "{format:?} carries a control character");
        if !matches!(format, Format::Md | Format::Csv) {
            serde_json::from_str::<serde_json::Value>(&out).expect("a JSON export parses");
        }
        if format == Format::Claimreview {
            assert!(!out.contains('<'), "claimreview carries '<'");
        }
    }
    // read again, as a second reader would
    let mut again = analyze(&doc, &UserLexicon::default());
    let store = Store::open(dir.path()).unwrap();
    let (reread, warnings) =
        Session::load(Some(store), key, input.reviewer, &doc, &mut again, now()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(reread.review().claims.len(), saved.claims.len());
    assert_eq!(reread.review().notes.len(), saved.notes.len());
    for (a, b) in reread.review().claims.iter().zip(&saved.claims) {
        assert_eq!((a.status, a.grade, &a.note), (b.status, b.grade, &b.note));
    }
});
