//! Each export format against a golden file (`tests/golden/`), on a fixture of our own with
//! an analysis and a review built here, so that the files change only when an export does.
//! `UPDATE_GOLDEN=1 cargo test --test export` rewrites them after an intended change.

use brief::analysis::{
    Actor, ActorKind, Analysis, Claim, ClaimKind, Event, Mention, MentionForm, Source, Timex,
    TimexType, Within,
};
use brief::document::{Document, Span};
use brief::export::{self, Briefing, Format};
use brief::review::{BriefingKey, Session, Status};
use jiff::Timestamp;

const FIXTURE: &[u8] = include_bytes!("fixtures/review.md");

fn span(doc: &Document, words: &str) -> Span {
    let start = doc.text.find(words).unwrap_or_else(|| panic!("{words:?}"));
    Span::new(start, start + words.len())
}

fn claim(doc: &Document, content: &str, source: Option<(&str, usize)>, cue: &str) -> Claim {
    let content = span(doc, content);
    Claim {
        span: content,
        fragments: None,
        sentence: doc.sentences.iter().find(|s| s.contains(content)).unwrap(),
        source: source.map(|(words, actor)| Source {
            actors: vec![actor],
            span: span(doc, words),
        }),
        cue: Some(span(doc, cue)),
        kind: ClaimKind::Assertion,
        hedges: Vec::new(),
        contradicts: Vec::new(),
        added: None,
    }
}

fn actor(doc: &Document, name: &str, kind: ActorKind, forms: &[&str]) -> Actor {
    Actor {
        name: name.into(),
        kind,
        role: None,
        affiliation: None,
        aliases: forms.iter().map(|f| f.to_string()).collect(),
        mentions: forms
            .iter()
            .map(|f| Mention::new(span(doc, f), MentionForm::Name))
            .collect(),
        id: None,
    }
}

/// The fixture, an analysis of it written out by hand, and a review with every kind of
/// item: statuses, a grade, notes with markup in them, an orphan, a free note, an added
/// claim and the timeline's corrections.
fn briefing() -> (Document, Analysis, Session) {
    let (doc, _) = Document::from_bytes(FIXTURE).unwrap();
    let mut analysis = Analysis {
        english: true,
        actors: vec![
            actor(&doc, "Ana Ruiz", ActorKind::Person, &["Ana Ruiz"]),
            actor(&doc, "France", ActorKind::Country, &["France", "Paris"]),
        ],
        claims: vec![
            claim(
                &doc,
                "that the harbour bridge would reopen in March 2025",
                None,
                "said",
            ),
            claim(&doc, "that tolls would rise", None, "denied"),
            claim(
                &doc,
                "that repairs could take years",
                Some(("Mayor Ana Ruiz", 0)),
                "warned",
            ),
            claim(&doc, "the plan was \"=a mess\"", None, "said"),
        ],
        times: vec![
            Timex {
                span: span(&doc, "March 2025"),
                kind: TimexType::Date,
                value: "2025-03".parse().unwrap(),
                edge: None,
            },
            Timex {
                span: span(&doc, "2024"),
                kind: TimexType::Date,
                value: "2024".parse().unwrap(),
                edge: None,
            },
        ],
        timeline: Vec::new(),
    };
    analysis.claims[1].kind = ClaimKind::Denial;
    analysis.claims[1].contradicts = vec![0];
    analysis.claims[2].kind = ClaimKind::Warning;
    analysis.claims[2].hedges = vec![span(&doc, "could")];
    analysis.timeline = vec![
        Event {
            label: "France offered engineers".into(),
            span: span(&doc, "France offered engineers"),
            time: Some(1),
            actors: vec![1],
            within: None,
            given: None,
            id: None,
        },
        Event {
            label: "Paris later sent a team <of twelve>".into(),
            span: span(&doc, "Paris later sent a team of twelve"),
            time: None,
            actors: vec![1],
            within: Some(Within {
                after: Some("2024".parse().unwrap()),
                before: Some("2025-03".parse().unwrap()),
                present: false,
            }),
            given: None,
            id: None,
        },
        Event {
            label: "the harbour bridge would reopen".into(),
            span: span(&doc, "the harbour bridge would reopen"),
            time: Some(0),
            actors: vec![],
            within: None,
            given: None,
            id: None,
        },
    ];
    let at = |s: i64| Timestamp::from_second(1_800_000_000 + s).unwrap();
    let key = BriefingKey::Fingerprint(doc.fingerprint.clone());
    let (mut session, _) =
        Session::load(None, key, "J. Analyst".into(), &doc, &mut analysis, at(0)).unwrap();
    session.set_status(&doc, &analysis, 1, Status::Disputed, at(1));
    session.set_grade(&doc, &analysis, 1, Some("B2".parse().unwrap()), at(2));
    session.set_note(
        &doc,
        &analysis,
        1,
        "Council minutes say otherwise.\n- see [minutes](http://x.test) <b>now</b>",
        at(3),
    );
    session.set_status(&doc, &analysis, 2, Status::Supported, at(4));
    session.set_grade(&doc, &analysis, 2, Some("A1".parse().unwrap()), at(5));
    session.set_status(&doc, &analysis, 3, Status::Rejected, at(6));
    session.set_note(&doc, &analysis, 0, "=cmd|' /C calc'!A0", at(7));
    let passage = span(&doc, "Paris later sent a team of twelve");
    let added = session
        .add_claim(&doc, &mut analysis, passage, at(8))
        .unwrap();
    session.set_status(&doc, &analysis, added, Status::Unverified, at(9));
    session.add_note(&doc, span(&doc, "France"), "Ask the *embassy*.", at(10));
    // An item on a passage that is no longer in the text.
    session.set_status(&doc, &analysis, 0, Status::Supported, at(11));
    // The timeline corrected: an undated event dated in words, an event removed, one added;
    // the machine's events keep their ids (t2, t3), the added one takes ut1.
    session
        .set_event_date(&doc, &mut analysis, 1, "last Thursday", at(12))
        .unwrap();
    assert!(session.remove_event(&doc, &mut analysis, 0, at(13)));
    let critics = span(&doc, "Critics said the plan was");
    session
        .add_event(&doc, &mut analysis, critics, at(14))
        .unwrap();
    (doc, analysis, session)
}

fn check(format: Format, name: &str) {
    let (doc, analysis, session) = briefing();
    let mut review = session.review().clone();
    let orphan = review
        .claims
        .iter()
        .position(|c| c.claim.as_deref() == Some("c1"))
        .unwrap();
    review.claims[orphan].quote.exact = "a passage edited away".into();
    review.claims[orphan].claim = None;
    review.claims[orphan].orphaned = true;
    let out = export::render(format, &Briefing::new(&doc, &analysis, &review));
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &out).unwrap();
    }
    let golden = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        out == golden,
        "{name} differs from its golden file (UPDATE_GOLDEN=1 to rewrite):\n{out}"
    );
}

#[test]
fn markdown() {
    check(Format::Md, "review.md");
}

#[test]
fn json() {
    check(Format::Json, "review.json");
}

#[test]
fn csv() {
    check(Format::Csv, "review.csv");
}

#[test]
fn claimreview() {
    check(Format::Claimreview, "review.claimreview.jsonld");
}

#[test]
fn timelinejs() {
    check(Format::Timelinejs, "review.timeline.json");
}

#[test]
fn file_names_follow_the_contract() {
    let (doc, analysis, session) = briefing();
    let briefing = Briefing::new(&doc, &analysis, session.review());
    assert_eq!(
        briefing.file_name(Format::Md),
        "harbour-bridge-repairs-tolls-2025-01-10.md"
    );
    assert_eq!(
        briefing.file_name(Format::Timelinejs),
        "harbour-bridge-repairs-tolls-2025-01-10.timeline.json"
    );
}

/// Two untitled briefings of one day must not be exported over each other.
#[test]
fn an_untitled_briefing_is_named_by_its_file_or_its_fingerprint() {
    let review = brief::review::Review::default();
    let analysis = Analysis::default();
    let untitled = |text: &str| {
        let text = format!("---\npublished: 2024-03-05\n---\n{text}\n");
        Document::from_bytes(text.as_bytes()).unwrap().0
    };
    let (one, two) = (untitled("A bridge fell."), untitled("A port opened."));
    let named = |doc, file: &str| {
        let b = Briefing::new(doc, &analysis, &review).with_file(std::path::Path::new(file));
        (b.file_name(Format::Md), export::render(Format::Md, &b))
    };
    let (name, note) = named(&one, "notes/Bridge Story.txt");
    assert_eq!(name, "bridge-story-2024-03-05.md");
    assert!(note.starts_with("# Bridge Story.txt\n"), "{note}");
    assert_eq!(named(&two, "port.txt").0, "port-2024-03-05.md");
    // From stdin: no file, so the fingerprint tells them apart.
    let (a, b) = (named(&one, "-").0, named(&two, "-").0);
    assert_eq!(a, format!("briefing-{}.md", one.fingerprint));
    assert_ne!(a, b);
}

#[test]
fn a_long_title_is_cut_at_a_word() {
    let analysis = Analysis::default();
    let review = brief::review::Review::default();
    let text = "---\ntitle: South Korea says Russia sent anti-air missiles to North Korea in return\npublished: 2024-11-23\n---\nText.\n";
    let doc = Document::from_bytes(text.as_bytes()).unwrap().0;
    let name = Briefing::new(&doc, &analysis, &review).file_name(Format::Md);
    assert_eq!(
        name,
        "south-korea-says-russia-sent-anti-air-missiles-to-north-2024-11-23.md"
    );
}

#[test]
fn the_reader_writes_an_export_file_whole_in_a_folder() {
    let (doc, analysis, session) = briefing();
    let dir = tempfile::tempdir().unwrap();
    let briefing = Briefing::new(&doc, &analysis, session.review());
    let path = export::write_file(dir.path(), Format::Csv, &briefing).unwrap();
    assert_eq!(path, dir.path().join(briefing.file_name(Format::Csv)));
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(written, export::render(Format::Csv, &briefing));
    // a missing folder is made; one that cannot be (a file in the way) is an error
    let deeper = dir.path().join("missing/deeper");
    let path = export::write_file(&deeper, Format::Md, &briefing).unwrap();
    assert_eq!(path.parent(), Some(deeper.as_path()));
    let blocked = dir.path().join(path.file_name().unwrap()).join("sub");
    std::fs::write(dir.path().join(path.file_name().unwrap()), "a file").unwrap();
    assert!(export::write_file(&blocked, Format::Md, &briefing).is_err());
}

#[test]
fn the_json_review_is_as_the_contract_shows() {
    let (doc, analysis, session) = briefing();
    let out = export::render(
        Format::Json,
        &Briefing::new(&doc, &analysis, session.review()),
    );
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["schema"], "brief.analysis/1");
    let review = &json["review"];
    assert_eq!(review["reviewer"], "J. Analyst");
    let disputed = review["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["status"] == "disputed")
        .unwrap();
    let keys: Vec<&str> = disputed
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    // the contract's fields in its order, and the extensions: the cue's words, which tell
    // apart two claims over the same words; who reviewed it (tags only when it has some);
    // when each field changed, for `brief import`
    let expected = [
        "claim", "quote", "cue", "start", "end", "status", "grade", "note", "reviewer", "updated",
        "changed", "orphaned",
    ];
    assert_eq!(keys, expected);
    assert_eq!(disputed["grade"], "B2");
    assert_eq!(disputed["updated"], "2027-01-15T08:00:03Z");
    let text: Vec<char> = json["document"]["text"].as_str().unwrap().chars().collect();
    let (start, end) = (
        disputed["start"].as_u64().unwrap() as usize,
        disputed["end"].as_u64().unwrap() as usize,
    );
    let quoted: String = text[start..end].iter().collect();
    assert_eq!(quoted, disputed["quote"]["exact"].as_str().unwrap());
}

#[cfg(unix)]
#[test]
fn the_reader_keeps_an_existing_export_files_mode() {
    use std::os::unix::fs::PermissionsExt;
    let (doc, analysis, session) = briefing();
    let dir = tempfile::tempdir().unwrap();
    let briefing = Briefing::new(&doc, &analysis, session.review());
    let path = dir.path().join(briefing.file_name(Format::Md));
    std::fs::write(&path, "old").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    export::write_file(dir.path(), Format::Md, &briefing).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
    assert_ne!(std::fs::read_to_string(&path).unwrap(), "old");
}

/// A source naming several actors gives ClaimReview one author each, typed by its own kind
/// (a joint statement of a person and a country is not one organisation).
#[test]
fn claimreview_names_each_author_of_a_joint_source() {
    let (doc, mut analysis, session) = briefing();
    analysis.claims[2].source.as_mut().unwrap().actors = vec![0, 1];
    let out = export::render(
        Format::Claimreview,
        &Briefing::new(&doc, &analysis, session.review()),
    );
    let reviews: serde_json::Value = serde_json::from_str(&out).unwrap();
    let authors: Vec<&serde_json::Value> = reviews
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["itemReviewed"].get("author"))
        .collect();
    assert_eq!(
        authors,
        [&serde_json::json!([
            {"@type": "Person", "name": "Ana Ruiz"},
            {"@type": "Organization", "name": "France"}
        ])]
    );
}
