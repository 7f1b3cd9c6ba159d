//! The review workflow against a real store in a temporary folder: persistence, edits to
//! the text, corrections surviving re-analysis, undo, damaged files, two writers, failures.

use std::path::Path;

use jiff::Timestamp;

use super::*;
use crate::analysis::{UserLexicon, analyze};
use crate::document::Meta;

const TEXT: &str = "Transport officials said on Thursday that the harbour bridge would reopen in March.\n\n\
The city council denied that tolls would rise. Mayor Ana Ruiz warned that repairs could take years.\n\n\
France offered engineers in 2024, and Paris later sent a team of twelve.\n";

fn at(second: i64) -> Timestamp {
    Timestamp::from_second(1_800_000_000 + second).unwrap()
}

fn doc(text: &str) -> Document {
    Document::from_text(text, Meta::default()).0
}

fn claim_index(doc: &Document, analysis: &Analysis, words: &str) -> usize {
    analysis
        .claims
        .iter()
        .position(|c| doc.slice(c.span).contains(words))
        .unwrap_or_else(|| panic!("no claim with {words:?}"))
}

/// The bytes of the first occurrence of `words`.
fn passage(d: &Document, words: &str) -> Span {
    let start = d.text.find(words).unwrap();
    Span::new(start, start + words.len())
}

/// The changes of a session's corrections that no longer apply.
fn orphaned_changes(s: &Session) -> Vec<&Change> {
    s.review()
        .corrections
        .iter()
        .filter(|c| c.orphaned)
        .map(|c| &c.change)
        .collect()
}

fn open(dir: &Path, text: &str) -> (Document, Analysis, Session, Vec<Warning>) {
    let d = doc(text);
    let mut analysis = analyze(&d, &UserLexicon::default());
    let store = Store::open(dir).unwrap();
    let key = BriefingKey::Fingerprint("briefing".into());
    let (session, warnings) =
        Session::load(Some(store), key, "tester".into(), &d, &mut analysis, at(0)).unwrap();
    (d, analysis, session, warnings)
}

#[test]
fn a_review_persists_and_reattaches_after_the_text_is_edited() {
    let dir = tempfile::tempdir().unwrap();
    let (d, mut a, mut s, _) = open(dir.path(), TEXT);
    let tolls = claim_index(&d, &a, "tolls would rise");
    let years = claim_index(&d, &a, "repairs could take years");
    assert!(s.set_status(&d, &a, tolls, Status::Disputed, at(1)));
    assert!(s.set_grade(&d, &a, tolls, Some("B2".parse().unwrap()), at(2)));
    assert!(s.set_note(&d, &a, tolls, "Two sources\ndisagree.", at(3)));
    assert!(s.set_status(&d, &a, years, Status::Supported, at(4)));
    s.save(&d, &mut a, at(5)).unwrap();

    // An edit before both claims and one that removes the second.
    let edited = format!(
        "Update: a correction was added.\n\n{}",
        TEXT.replace(" Mayor Ana Ruiz warned that repairs could take years.", "")
    );
    let (d2, a2, s2, warnings) = open(dir.path(), &edited);
    assert!(warnings.is_empty());
    let tolls2 = claim_index(&d2, &a2, "tolls would rise");
    let item = s2.claim(tolls2).expect("re-attached");
    assert_eq!(item.status, Status::Disputed);
    assert_eq!(item.grade.unwrap().to_string(), "B2");
    assert_eq!(item.note.as_deref(), Some("Two sources\ndisagree."));
    assert_eq!(item.updated, at(3));
    let shift = "Update: a correction was added.\n\n".len();
    assert_eq!(
        item.start,
        d.char_offset(a.claims[tolls].span.start) + shift
    );
    assert!(!item.orphaned);
    // The passage that is gone is kept, orphaned, and still saved.
    let orphans: Vec<_> = s2.orphans().collect();
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0].status, Status::Supported);
    assert_eq!(orphans[0].quote.exact, "that repairs could take years");
}

#[test]
fn a_review_reattaches_when_the_analysis_draws_its_claim_otherwise() {
    let text = "Lee said the talks had failed. \"We will try again next week.\"\n\n\
                The mayor said that the bridge would reopen in May.\n";
    let dir = tempfile::tempdir().unwrap();
    let d = doc(text);
    // an older analysis: the statement's first sentence alone, "that" in the other content
    let new = analyze(&d, &UserLexicon::default());
    let mut old = new.clone();
    let talks = claim_index(&d, &old, "the talks had failed");
    let bridge = claim_index(&d, &old, "the bridge would reopen");
    let first = text.find("the talks had failed").unwrap();
    old.claims[talks].span = Span::new(first, first + "the talks had failed".len());
    old.claims[talks].fragments = None;
    let that = text.find("that the bridge").unwrap();
    old.claims[bridge].span = Span::new(that, old.claims[bridge].span.end);
    let store = Store::open(dir.path()).unwrap();
    let key = BriefingKey::Fingerprint("briefing".into());
    let (mut s, _) = Session::load(Some(store), key, "tester".into(), &d, &mut old, at(0)).unwrap();
    assert!(s.set_status(&d, &old, talks, Status::Disputed, at(1)));
    assert!(s.set_status(&d, &old, bridge, Status::Supported, at(2)));
    s.save(&d, &mut old, at(3)).unwrap();

    let (d2, a2, s2, _) = open(dir.path(), text);
    assert_ne!(
        a2.claims[talks].span, old.claims[talks].span,
        "{:?}",
        a2.claims
    );
    for (words, status) in [
        ("the talks had failed", Status::Disputed),
        ("the bridge would reopen", Status::Supported),
    ] {
        let item = s2.claim(claim_index(&d2, &a2, words)).expect(words);
        assert_eq!(item.status, status);
        assert!(!item.orphaned);
    }
    assert_eq!(s2.orphans().count(), 0);
}

#[test]
fn corrections_survive_reanalysis_and_undo_takes_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let (d, mut a, mut s, _) = open(dir.path(), TEXT);
    let passage = "Paris later sent a team of twelve";
    let start = d.text.find(passage).unwrap();
    let span = Span::new(start, start + passage.len());
    let claims_before = a.claims.len();
    let added = s.add_claim(&d, &mut a, span, at(1)).unwrap();
    assert_eq!(a.claims[added].span, span);
    assert_eq!(a.claims.len(), claims_before + 1);
    assert!(s.set_status(&d, &a, added, Status::Unverified, at(2)));
    let (ruiz, france) = (
        correct::find_actor(&a, "Ana Ruiz").unwrap(),
        correct::find_actor(&a, "France").unwrap(),
    );
    assert!(s.merge_actor(&d, &mut a, ruiz, france, at(3)));
    assert!(!s.merge_actor(&d, &mut a, 0, 0, at(3)));
    s.save(&d, &mut a, at(4)).unwrap();

    // A fresh analysis of the same text gets both corrections again.
    let (d2, a2, s2, _) = open(dir.path(), TEXT);
    assert_eq!(a2.claims.len(), claims_before + 1);
    let again = claim_index(&d2, &a2, passage);
    assert_eq!(s2.status(again), Status::Unverified);
    let merged = correct::find_actor(&a2, "France").unwrap();
    assert!(a2.actors[merged].aliases.iter().any(|x| x == "Ana Ruiz"));
    assert_eq!(a2.actors.len(), a.actors.len());

    // Undo, newest first: the merge, the status, then the added claim.
    let analysis_before_merge = a2.actors.len() + 1;
    assert!(s.undo(&d, &mut a, at(5)));
    assert_eq!(a.actors.len(), analysis_before_merge);
    assert!(s.undo(&d, &mut a, at(6)));
    assert!(s.undo(&d, &mut a, at(7)));
    assert_eq!(a.claims.len(), claims_before);
    assert!(!s.undo(&d, &mut a, at(8)));
    s.save(&d, &mut a, at(9)).unwrap();
    let (_, a3, s3, _) = open(dir.path(), TEXT);
    assert_eq!(a3.claims.len(), claims_before);
    assert_eq!(a3.actors.len(), analysis_before_merge);
    assert!(s3.review().live().corrections.is_empty());
    assert!(s3.review().live().claims.is_empty());
}

#[test]
fn claim_and_actor_corrections_survive_an_edited_text_and_undo() {
    use crate::analysis::{ActorKind, ClaimKind};
    let dir = tempfile::tempdir().unwrap();
    let (d, mut a, mut s, _) = open(dir.path(), TEXT);
    let (bridge, tolls, engineers) = (
        claim_index(&d, &a, "the harbour bridge would reopen"),
        claim_index(&d, &a, "tolls would rise"),
        claim_index(&d, &a, "engineers"),
    );
    let ruiz = correct::find_actor(&a, "Ana Ruiz").unwrap();
    let france = correct::find_actor(&a, "France").unwrap();
    assert!(s.set_claim_kind(&d, &mut a, tolls, ClaimKind::Warning, at(1)));
    assert!(s.set_claim_source(&d, &mut a, bridge, Some(ruiz), at(2)));
    assert!(s.set_claim_source(&d, &mut a, engineers, None, at(3)));
    assert!(s.rename_actor(&d, &mut a, ruiz, "Mayor Ruiz", at(4)));
    assert!(s.retype_actor(&d, &mut a, france, ActorKind::Place, at(5)));
    assert!(!s.rename_actor(&d, &mut a, ruiz, "  ", at(5)));
    assert!(!s.set_claim_kind(&d, &mut a, 99, ClaimKind::Other, at(5)));
    assert_eq!(a.claims[tolls].kind, ClaimKind::Warning);
    let source = a.claims[bridge].source.as_ref().unwrap();
    assert_eq!(
        (source.actors.as_slice(), d.slice(source.span)),
        (&[ruiz][..], "Ana Ruiz")
    );
    assert_eq!(a.actors[ruiz].name, "Mayor Ruiz");
    // the kind set again replaces the first: one correction for the claim
    assert!(s.set_claim_kind(&d, &mut a, tolls, ClaimKind::Assessment, at(6)));
    assert_eq!(s.review().corrections.len(), 5);
    s.save(&d, &mut a, at(7)).unwrap();

    // a fresh analysis of an edited text: every correction re-applied
    let edited = format!("Update: a line was added.\n\n{TEXT}");
    let (d2, mut a2, mut s2, _) = open(dir.path(), &edited);
    let check = |d2: &Document, a2: &Analysis| {
        assert_eq!(
            a2.claims[claim_index(d2, a2, "tolls would rise")].kind,
            ClaimKind::Assessment
        );
        let ruiz2 = correct::find_actor(a2, "Mayor Ruiz").expect("renamed");
        assert_eq!(a2.actors[ruiz2].name, "Mayor Ruiz");
        let bridge2 = &a2.claims[claim_index(d2, a2, "the harbour bridge would reopen")];
        assert_eq!(bridge2.source.as_ref().unwrap().actors, vec![ruiz2]);
        assert!(a2.claims[claim_index(d2, a2, "engineers")].source.is_none());
        let france2 = correct::find_actor(a2, "France").unwrap();
        assert_eq!(a2.actors[france2].kind, ActorKind::Place);
    };
    check(&d2, &a2);
    assert!(s2.review().corrections.iter().all(|c| !c.orphaned));

    // removing an actor drops every reference to it; undo brings it back
    let france2 = correct::find_actor(&a2, "France").unwrap();
    let actors = a2.actors.len();
    assert!(s2.remove_actor(&d2, &mut a2, france2, at(8)));
    assert_eq!(a2.actors.len(), actors - 1);
    assert!(correct::find_actor(&a2, "France").is_none());
    assert!(s2.undo(&d2, &mut a2, at(9)));
    assert_eq!(a2.actors.len(), actors);
    s2.save(&d2, &mut a2, at(10)).unwrap();

    // undo takes back the renaming in the first session, and the store keeps that
    assert!(s.undo(&d, &mut a, at(11)));
    assert!(s.undo(&d, &mut a, at(12)));
    assert_eq!(a.actors[france].kind, ActorKind::Country);
    assert!(s.undo(&d, &mut a, at(13)));
    assert_eq!(a.actors[ruiz].name, "Ana Ruiz");
    s.save(&d, &mut a, at(14)).unwrap();
    let (d3, a3, s3, _) = open(dir.path(), TEXT);
    assert!(correct::find_actor(&a3, "Mayor Ruiz").is_none());
    assert_eq!(
        a3.claims[claim_index(&d3, &a3, "tolls would rise")].kind,
        ClaimKind::Warning
    );
    assert_eq!(s3.review().live().corrections.len(), 3);

    // a claim that is gone from the text leaves its correction orphaned, and kept
    let cut = TEXT.replace("The city council denied that tolls would rise. ", "");
    let (_, _, s4, _) = open(dir.path(), &cut);
    let orphaned: Vec<_> = s4
        .review()
        .live()
        .corrections
        .into_iter()
        .filter(|c| c.orphaned)
        .collect();
    assert_eq!(orphaned.len(), 1);
    assert!(matches!(orphaned[0].change, Change::ClaimKind { .. }));
}

#[test]
fn an_added_claim_takes_an_id_of_its_own_and_moves_no_other() {
    use crate::schema::ClaimIds;
    let dir = tempfile::tempdir().unwrap();
    let (d, mut a, mut s, _) = open(dir.path(), TEXT);
    let ids_of = |a: &Analysis, d: &Document| -> Vec<(String, String)> {
        let ids = ClaimIds::new(&a.claims);
        (0..a.claims.len())
            .map(|i| (ids.get(i), d.slice(a.claims[i].span).to_string()))
            .collect()
    };
    let before = ids_of(&a, &d);
    // one near the end, then one before every claim
    let late = s.add_claim(&d, &mut a, passage(&d, "Paris later sent a team"), at(1));
    let early = s.add_claim(&d, &mut a, passage(&d, "Transport officials"), at(2));
    assert_eq!(early, Some(0));
    assert_eq!(a.claim_id(0), "u2");
    assert_eq!(a.claim_id(late.unwrap() + 1), "u1");
    assert!(s.set_status(&d, &a, 0, Status::Unverified, at(3)));
    assert_eq!(s.claim(0).unwrap().claim.as_deref(), Some("u2"));
    // an added claim takes a kind and a source as any other
    let ruiz = correct::find_actor(&a, "Ana Ruiz").unwrap();
    assert!(s.set_claim_kind(&d, &mut a, 0, crate::analysis::ClaimKind::Warning, at(3)));
    assert!(s.set_claim_source(&d, &mut a, 0, Some(ruiz), at(3)));
    let after: Vec<_> = ids_of(&a, &d)
        .into_iter()
        .filter(|(id, _)| id.starts_with('c'))
        .collect();
    assert_eq!(after, before, "the machine's claims keep their ids");
    s.save(&d, &mut a, at(4)).unwrap();

    // reopened on an edited text, every id is the same
    let edited = format!("Update: a line was added.\n\n{TEXT}");
    let (d2, a2, s2, _) = open(dir.path(), &edited);
    let claim = |a: &Analysis, d: &Document, words: &str| {
        let i = claim_index(d, a, words);
        a.claim_id(i)
    };
    assert_eq!(claim(&a2, &d2, "Transport officials"), "u2");
    let added = &a2.claims[claim_index(&d2, &a2, "Transport officials")];
    assert_eq!(added.kind, crate::analysis::ClaimKind::Warning);
    let source = added.source.as_ref().unwrap();
    assert_eq!(a2.actors[source.actors[0]].name, "Ana Ruiz");
    assert_eq!(claim(&a2, &d2, "Paris later sent a team"), "u1");
    let officials = claim_index(&d2, &a2, "Transport officials");
    assert_eq!(
        s2.claim(officials).map(|c| c.status),
        Some(Status::Unverified),
        "{:?}",
        s2.review().claims
    );
    // an id undone is never given again
    for second in 5..9 {
        assert!(s.undo(&d, &mut a, at(second)));
    }
    s.save(&d, &mut a, at(9)).unwrap();
    let (d2b, mut a2b, mut s2b, _) = open(dir.path(), &edited);
    let third = s2b.add_claim(
        &d2b,
        &mut a2b,
        passage(&d2b, "Update: a line was added."),
        at(10),
    );
    assert_eq!(a2b.claim_id(third.unwrap()), "u3");
    // a file of format 2 kept added claims without numbers: they take them in order
    let mut review = s2.review().clone();
    for c in &mut review.corrections {
        if let Change::AddClaim { number, .. } = &mut c.change {
            *number = None;
        }
    }
    attach::number_added(&mut review.corrections);
    let numbers: Vec<_> = review
        .corrections
        .iter()
        .filter_map(|c| match c.change {
            Change::AddClaim { number, .. } => number,
            _ => None,
        })
        .collect();
    assert_eq!(numbers, [1, 2]);
}

#[test]
fn free_notes_and_clearing_a_status() {
    let dir = tempfile::tempdir().unwrap();
    let (d, mut a, mut s, _) = open(dir.path(), TEXT);
    let start = d.text.find("France").unwrap();
    assert!(s.add_note(&d, Span::new(start, start + 6), "Check the embassy.", at(1)));
    assert!(!s.add_note(&d, Span::new(start, start), "empty", at(1)));
    let tolls = claim_index(&d, &a, "tolls would rise");
    s.set_status(&d, &a, tolls, Status::Rejected, at(2));
    s.set_grade(&d, &a, tolls, Some("C3".parse().unwrap()), at(3));
    s.clear_status(&d, &a, tolls, at(4));
    s.save(&d, &mut a, at(5)).unwrap();
    let (_, _, s2, _) = open(dir.path(), TEXT);
    let item = s2.claim(tolls).unwrap();
    assert_eq!(item.status, Status::Unreviewed);
    assert_eq!(item.grade.unwrap().to_string(), "C3");
    let notes: Vec<_> = s2.notes().collect();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "Check the embassy.");
    assert_eq!(notes[0].quote.exact, "France");
}

#[test]
fn a_free_note_is_edited_and_removed_by_its_quote_even_when_orphaned() {
    let dir = tempfile::tempdir().unwrap();
    let (d, mut a, mut s, _) = open(dir.path(), TEXT);
    let passage = "Paris later sent a team of twelve";
    let start = d.text.find(passage).unwrap();
    assert!(s.add_note(
        &d,
        Span::new(start, start + passage.len()),
        "Ask Paris.",
        at(1)
    ));
    s.save(&d, &mut a, at(2)).unwrap();
    // The passage leaves the text: the note is orphaned, and can still be edited.
    let (d2, mut a2, mut s2, _) = open(dir.path(), &TEXT.replace(passage, "nobody came"));
    let quote = s2.notes().next().unwrap().quote.clone();
    assert!(s2.notes().next().unwrap().orphaned);
    assert!(s2.edit_note(&quote, "Ask Paris again.", at(3)));
    assert_eq!(s2.notes().next().unwrap().text, "Ask Paris again.");
    assert!(s2.edit_note(&quote, "  ", at(4)), "a blank text removes it");
    assert_eq!(s2.notes().count(), 0);
    assert!(!s2.edit_note(&quote, "gone", at(5)), "no such note now");
    assert!(s2.undo(&d2, &mut a2, at(6)));
    assert_eq!(s2.notes().next().unwrap().text, "Ask Paris again.");
    s2.save(&d2, &mut a2, at(7)).unwrap();
    let (_, _, s3, _) = open(dir.path(), TEXT);
    let notes: Vec<_> = s3.notes().collect();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "Ask Paris again.");
    assert!(
        !notes[0].orphaned,
        "back in the original text, it attaches again"
    );
}

#[test]
fn two_sessions_never_lose_each_others_work() {
    let dir = tempfile::tempdir().unwrap();
    let (d, mut a1, mut one, _) = open(dir.path(), TEXT);
    let (_, mut a2, mut two, _) = open(dir.path(), TEXT);
    let tolls = claim_index(&d, &a1, "tolls would rise");
    let years = claim_index(&d, &a1, "repairs could take years");
    one.set_status(&d, &a1, tolls, Status::Supported, at(1));
    two.set_status(&d, &a2, years, Status::Disputed, at(2));
    // The same claim, changed by both: the later change wins.
    let reopen = claim_index(&d, &a1, "bridge would reopen");
    one.set_note(&d, &a1, reopen, "older", at(3));
    two.set_note(&d, &a2, reopen, "newer", at(4));
    one.save(&d, &mut a1, at(5)).unwrap();
    two.save(&d, &mut a2, at(6)).unwrap();
    one.save(&d, &mut a1, at(7)).unwrap();
    for session in [&one, &two] {
        let all = session.by_claim(a1.claims.len());
        assert_eq!(all[tolls].unwrap().status, Status::Supported);
        assert_eq!(all.iter().flatten().count(), 3);
        assert_eq!(session.status(tolls), Status::Supported);
        assert_eq!(session.status(years), Status::Disputed);
        assert_eq!(
            session.claim(reopen).unwrap().note.as_deref(),
            Some("newer")
        );
    }
}

#[test]
fn concurrent_writers_are_serialised_by_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let key = BriefingKey::Fingerprint("shared".into());
    std::thread::scope(|scope| {
        for writer in 0..4 {
            let (store, key) = (&store, &key);
            scope.spawn(move || {
                for n in 0..10 {
                    let mut review = Review::new(format!("w{writer}"));
                    let d = doc(&format!("Passage {writer}-{n} is here."));
                    review.notes.push(FreeNote {
                        quote: Quote::of(&d.text, Span::new(0, d.text.len())).unwrap(),
                        start: 0,
                        end: 0,
                        text: "x".into(),
                        tags: Vec::new(),
                        reviewer: None,
                        updated: at(n),
                        orphaned: false,
                    });
                    store.save(key, &review, at(n)).unwrap();
                }
            });
        }
    });
    let (review, warnings) = store.load(&key, at(99)).unwrap();
    assert!(warnings.is_empty());
    assert_eq!(review.unwrap().notes.len(), 40);
}

#[test]
fn a_damaged_file_is_set_aside_and_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let (d, mut a, mut s, _) = open(dir.path(), TEXT);
    s.set_status(&d, &a, 0, Status::Supported, at(1));
    s.save(&d, &mut a, at(2)).unwrap();
    let path = s.path().unwrap();
    std::fs::write(&path, b"{\"schema\": \"brief.review/1\", \"review\": {tru").unwrap();
    let (_, _, s2, warnings) = open(dir.path(), TEXT);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].0.contains("damaged"), "{}", warnings[0]);
    assert!(s2.review().claims.is_empty());
    let aside: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".damaged-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(aside[0].ends_with(".damaged-20270115T080000Z"), "{aside:?}");
    let kept = path.with_file_name(&aside[0]);
    assert!(std::fs::read_to_string(&kept).unwrap().contains("{tru"));
    // A second damaged file at the same time does not overwrite the first.
    std::fs::write(&path, b"not json").unwrap();
    let (_, _, _, warnings) = open(dir.path(), TEXT);
    assert_eq!(warnings.len(), 1);
    assert!(std::fs::read_to_string(&kept).unwrap().contains("{tru"));
}

#[test]
fn a_data_dir_that_is_a_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("data");
    std::fs::write(&file, b"").unwrap();
    let err = Store::open(&file).unwrap_err();
    assert!(err.to_string().contains("is a file, not a folder"), "{err}");
}

#[test]
fn a_failed_save_keeps_the_review_in_memory_and_the_old_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (d, mut a, mut s, _) = open(dir.path(), TEXT);
    s.set_status(&d, &a, 0, Status::Supported, at(1));
    s.save(&d, &mut a, at(2)).unwrap();
    let path = s.path().unwrap();
    let before = std::fs::read(&path).unwrap();
    // The folder's lock file turned into a folder: the save cannot go ahead.
    let lock = path.with_file_name(format!(
        "{}.lock",
        path.file_name().unwrap().to_string_lossy()
    ));
    std::fs::remove_file(&lock).unwrap();
    std::fs::create_dir(&lock).unwrap();
    s.set_status(&d, &a, 0, Status::Disputed, at(3));
    assert!(s.save(&d, &mut a, at(4)).is_err());
    assert_eq!(s.status(0), Status::Disputed);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    std::fs::remove_dir(&lock).unwrap();
    s.save(&d, &mut a, at(5)).unwrap();
    let (_, _, s2, _) = open(dir.path(), TEXT);
    assert_eq!(s2.status(0), Status::Disputed);
    // Nothing but the review and its lock is left in the folder (no temporary files).
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn the_reviewer_comes_from_the_config_first() {
    assert_eq!(reviewer(Some("J. Analyst")), "J. Analyst");
    assert!(!reviewer(None).is_empty());
    assert!(!reviewer(Some("  ")).is_empty());
}

#[test]
fn a_file_is_keyed_by_its_canonical_path_and_stdin_by_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.md");
    std::fs::write(&file, "x").unwrap();
    let roundabout = dir.path().join(".").join("b.md");
    let key = BriefingKey::for_briefing(Some(&file), "f");
    assert!(matches!(key, BriefingKey::Path(_)));
    assert_eq!(key, BriefingKey::for_briefing(Some(&roundabout), "f"));
    for other in [None, Some(Path::new("-")), Some(Path::new(""))] {
        assert_eq!(
            BriefingKey::for_briefing(other, "f"),
            BriefingKey::Fingerprint("f".into())
        );
    }
}

#[test]
fn two_claims_over_the_same_words_keep_their_own_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let d = doc(TEXT);
    // The same words attributed twice (the council's denial, and again by the mayor).
    let with_twin = || {
        let mut a = analyze(&d, &UserLexicon::default());
        let i = claim_index(&d, &a, "tolls would rise");
        let mut twin = a.claims[i].clone();
        let mayor = d.text.find("Mayor").unwrap();
        twin.cue = Some(Span::new(mayor, mayor + "Mayor".len()));
        a.claims.insert(i + 1, twin);
        (a, i)
    };
    let key = BriefingKey::Fingerprint("twins".into());
    let (mut a, i) = with_twin();
    let store = Store::open(dir.path()).unwrap();
    let (mut s, _) =
        Session::load(Some(store), key.clone(), "tester".into(), &d, &mut a, at(0)).unwrap();
    assert!(s.set_status(&d, &a, i, Status::Disputed, at(1)));
    assert!(s.set_status(&d, &a, i + 1, Status::Supported, at(2)));
    s.save(&d, &mut a, at(3)).unwrap();
    assert_eq!(
        (s.status(i), s.status(i + 1)),
        (Status::Disputed, Status::Supported)
    );

    let (mut a2, _) = with_twin();
    let store = Store::open(dir.path()).unwrap();
    let (s2, _) = Session::load(Some(store), key, "tester".into(), &d, &mut a2, at(4)).unwrap();
    assert_eq!(
        (s2.status(i), s2.status(i + 1)),
        (Status::Disputed, Status::Supported)
    );
}

/// The timeline as (id, label, value) rows.
fn timeline(a: &Analysis) -> Vec<(String, String, Option<String>)> {
    a.timeline
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let value = e.date(&a.times).map(|(v, _)| v.to_string());
            (crate::schema::event_id_of(e, i), e.label.clone(), value)
        })
        .collect()
}

fn event_index(a: &Analysis, label: &str) -> usize {
    a.timeline
        .iter()
        .position(|e| e.label.contains(label))
        .unwrap_or_else(|| panic!("no event {label:?} in {:?}", timeline(a)))
}

#[test]
fn event_corrections_survive_an_edited_text_keep_ids_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let (d, mut a, mut s, _) = open(dir.path(), TEXT);
    let machine = timeline(&a);
    let paris = event_index(&a, "Paris");
    let paris_id = machine[paris].0.clone();
    assert_eq!(machine[paris].2, None, "undated by the machine");
    // a date that is not one, or a duration, is refused and changes nothing
    for bad in ["soon", "three years"] {
        assert_eq!(
            s.set_event_date(&d, &mut a, paris, bad, at(1)),
            Err(EventDateError::NotADate)
        );
    }
    assert_eq!(timeline(&a), machine);
    let at_now = s
        .set_event_date(&d, &mut a, paris, "2025-03-02", at(1))
        .unwrap();
    assert_eq!(
        a.timeline[at_now].given.as_ref().unwrap().typed,
        "2025-03-02"
    );
    assert_eq!(timeline(&a)[at_now].0, paris_id, "the id stays");
    assert_eq!(timeline(&a)[at_now].2.as_deref(), Some("2025-03-02"));
    let bridge = event_index(&a, "bridge");
    let bridge_id = timeline(&a)[bridge].0.clone();
    assert!(s.remove_event(&d, &mut a, bridge, at(2)));
    assert!(timeline(&a).iter().all(|(id, _, _)| *id != bridge_id));
    let added = s
        .add_event(&d, &mut a, passage(&d, "The city council denied"), at(3))
        .unwrap();
    assert_eq!(timeline(&a)[added].0, "ut1");
    // every machine id still names the event it named
    for (id, label, _) in timeline(&a) {
        if let Some(was) = machine.iter().find(|(m, _, _)| *m == id) {
            assert_eq!(was.1, label);
        }
    }
    s.save(&d, &mut a, at(4)).unwrap();
    let kept = timeline(&a);

    // reopened on an edited text: all three in force again, with the same ids
    let edited = format!("Update: a line was added.\n\n{TEXT}");
    let (d2, mut a2, mut s2, _) = open(dir.path(), &edited);
    assert_eq!(timeline(&a2), kept);
    let paris2 = event_index(&a2, "Paris");
    assert_eq!(
        a2.timeline[paris2].given.as_ref().unwrap().typed,
        "2025-03-02"
    );
    // undo in this session takes back only this session's changes: a later date, undone
    s2.set_event_date(&d2, &mut a2, paris2, "undated", at(5))
        .unwrap();
    assert_eq!(timeline(&a2)[event_index(&a2, "Paris")].2, None);
    assert!(s2.undo(&d2, &mut a2, at(6)));
    assert_eq!(timeline(&a2), kept);
    s2.save(&d2, &mut a2, at(7)).unwrap();

    // the sentence gone: its correction is orphaned, kept, and the others still apply
    let cut = TEXT.replace(", and Paris later sent a team of twelve", "");
    let (_, a3, s3, _) = open(dir.path(), &cut);
    let orphaned = orphaned_changes(&s3);
    assert!(
        matches!(orphaned[..], [Change::EventDate { .. }]),
        "{orphaned:?}"
    );
    assert!(timeline(&a3).iter().any(|(id, _, _)| id == "ut1"));
    assert!(timeline(&a3).iter().all(|(_, l, _)| !l.contains("bridge")));
}

#[test]
fn a_claims_parts_drawn_from_marked_words_survive_an_edit_and_orphan_when_gone() {
    let dir = tempfile::tempdir().unwrap();
    let (d, mut a, mut s, _) = open(dir.path(), TEXT);
    let years = claim_index(&d, &a, "repairs could take years");
    let slice = |d: &Document, span: Option<Span>| span.map(|s| d.slice(s).to_string());
    // the content cut to the words that matter, the cue and source marked, hedges set
    let content = passage(&d, "repairs could take years");
    assert!(s.set_claim_part(&d, &mut a, years, Part::Content, Some(content), at(1)));
    assert!(s.set_claim_part(
        &d,
        &mut a,
        years,
        Part::Cue,
        Some(passage(&d, "warned that")),
        at(2)
    ));
    let mayor = passage(&d, "Mayor Ana Ruiz");
    assert!(s.set_claim_part(&d, &mut a, years, Part::Source, Some(mayor), at(3)));
    assert!(s.set_claim_part(&d, &mut a, years, Part::NoHedges, None, at(4)));
    assert!(s.set_claim_part(
        &d,
        &mut a,
        years,
        Part::Hedge,
        Some(passage(&d, "could")),
        at(5)
    ));
    // words that are not a passage of the text, or none where words are wanted
    assert!(!s.set_claim_part(&d, &mut a, years, Part::Cue, None, at(6)));
    let check = |d: &Document, a: &Analysis| {
        let c = &a.claims[claim_index(d, a, "repairs could take years")];
        assert_eq!(d.slice(c.span), "repairs could take years");
        assert_eq!(slice(d, c.cue).as_deref(), Some("warned that"));
        let source = c.source.as_ref().unwrap();
        assert_eq!(d.slice(source.span), "Mayor Ana Ruiz");
        let named: Vec<_> = source
            .actors
            .iter()
            .map(|&x| a.actors[x].name.clone())
            .collect();
        assert_eq!(named, ["Ana Ruiz"]);
        let hedges: Vec<_> = c.hedges.iter().map(|&h| d.slice(h)).collect();
        assert_eq!(hedges, ["could"]);
    };
    check(&d, &a);
    s.save(&d, &mut a, at(7)).unwrap();

    let edited = format!("Update: a line was added.\n\n{TEXT}");
    let (d2, a2, _, _) = open(dir.path(), &edited);
    check(&d2, &a2);

    // the cue's words gone from the text: that correction is orphaned, kept; the rest apply
    let cut = edited.replace("warned that", "wrote that");
    let (d3, a3, s3, _) = open(dir.path(), &cut);
    let orphaned = orphaned_changes(&s3);
    assert!(
        matches!(
            orphaned[..],
            [Change::ClaimPart {
                part: Part::Cue,
                ..
            }]
        ),
        "{orphaned:?}"
    );
    let c = &a3.claims[claim_index(&d3, &a3, "repairs could take years")];
    assert_eq!(d3.slice(c.source.as_ref().unwrap().span), "Mayor Ana Ruiz");
}

#[test]
fn an_alias_split_off_and_a_mention_moved_survive_an_edit() {
    let text = "Jordan said the border was calm. Amman denied it. \
                Jordan later closed the crossing, and Amman confirmed the closure.\n";
    let dir = tempfile::tempdir().unwrap();
    let (d, mut a, mut s, _) = open(dir.path(), text);
    let names = |a: &Analysis| -> Vec<(String, usize)> {
        a.actors
            .iter()
            .map(|x| (x.name.clone(), x.mentions.len()))
            .collect()
    };
    let Some(jordan) = correct::find_actor(&a, "Amman") else {
        panic!("Amman is not one of {:?}", names(&a));
    };
    assert_eq!(a.actors[jordan].name, "Jordan", "{:?}", names(&a));
    // Amman split off to an actor of its own, then its second mention moved back
    let amman = s
        .split_actor(&d, &mut a, jordan, "Amman", None, at(1))
        .unwrap();
    assert_eq!(a.actors[amman].name, "Amman");
    assert_eq!(a.actors[amman].mentions.len(), 2);
    let jordan = correct::find_actor(&a, "Jordan").unwrap();
    assert!(!a.actors[jordan].aliases.contains(&"Amman".to_string()));
    let second = passage(&d, "and Amman confirmed");
    let went = s
        .move_mention(&d, &mut a, second, Some(jordan), at(2))
        .unwrap();
    assert_eq!(a.actors[went].name, "Jordan");
    assert_eq!(
        a.actors[correct::find_actor(&a, "Amman").unwrap()]
            .mentions
            .len(),
        1
    );
    s.save(&d, &mut a, at(3)).unwrap();
    let kept = names(&a);

    let edited = format!("Update.\n\n{text}");
    let (_, a2, _, _) = open(dir.path(), &edited);
    assert_eq!(names(&a2), kept);
    // the moved mention's words gone: that correction orphaned, the split still applies
    let cut = edited.replace(", and Amman confirmed the closure", "");
    let (_, a3, s3, _) = open(dir.path(), &cut);
    let orphaned: Vec<_> = s3
        .review()
        .corrections
        .iter()
        .filter(|c| c.orphaned)
        .collect();
    assert!(matches!(orphaned[..], [c] if matches!(c.change, Change::MoveMention { .. })));
    assert!(correct::find_actor(&a3, "Amman").is_some());
}

#[test]
fn merged_removed_and_split_actors_move_no_other_actors_id() {
    use crate::schema::actor_id_at;
    let dir = tempfile::tempdir().unwrap();
    let text = "Officials in Amman said Jordan would reopen the border. Pyongyang denied it. \
                North Korea said the talks failed. Kim Jong Un spoke later.\n";
    let (d, mut a, mut s, _) = open(dir.path(), text);
    let ids = |a: &Analysis| -> Vec<(String, String)> {
        (0..a.actors.len())
            .map(|i| (actor_id_at(&a.actors, i), a.actors[i].name.clone()))
            .collect()
    };
    let before = ids(&a);
    let id_of = |a: &Analysis, name: &str| {
        let i = correct::find_actor(a, name).unwrap();
        actor_id_at(&a.actors, i)
    };
    let kim = id_of(&a, "Kim Jong Un");
    let amman = correct::find_actor(&a, "Amman").unwrap();
    let jordan = correct::find_actor(&a, "Jordan").unwrap();
    assert!(s.merge_actor(&d, &mut a, amman, jordan, at(1)));
    assert_eq!(id_of(&a, "Kim Jong Un"), kim, "{:?}", ids(&a));
    // a new actor split off takes an id of its own series
    let nk = correct::find_actor(&a, "North Korea").unwrap();
    let went = s
        .split_actor(&d, &mut a, nk, "Pyongyang", None, at(2))
        .unwrap();
    assert_eq!(actor_id_at(&a.actors, went), "ua1");
    let jordan = correct::find_actor(&a, "Jordan").unwrap();
    assert!(s.remove_actor(&d, &mut a, jordan, at(3)));
    assert_eq!(id_of(&a, "Kim Jong Un"), kim);
    // every actor left has the id it had, and so after a new analysis
    let kept: Vec<_> = before
        .iter()
        .filter(|(_, name)| ids(&a).iter().any(|(_, n)| n == name))
        .cloned()
        .collect();
    let now: Vec<_> = ids(&a)
        .into_iter()
        .filter(|(id, _)| id.starts_with('a'))
        .collect();
    assert_eq!(now, kept);
    s.save(&d, &mut a, at(4)).unwrap();
    let (_, again, _, _) = open(dir.path(), text);
    assert_eq!(ids(&again), ids(&a));
}

/// An actor the analyst made keeps its ua id for good: an earlier split undone, or orphaned
/// by an edit, moves no later one's id, and no id is given to a second actor.
#[test]
fn an_actor_split_off_keeps_its_id_when_an_earlier_split_is_undone_or_orphaned() {
    use crate::schema::actor_id_at;
    let dir = tempfile::tempdir().unwrap();
    let text = "Jordan said the border was calm. Amman denied it. \
                North Korea said the talks failed. Pyongyang denied it later.\n";
    let (d, mut a, mut s, _) = open(dir.path(), text);
    let id_of = |a: &Analysis, name: &str| {
        let i = correct::find_actor(a, name).unwrap_or_else(|| panic!("no {name}"));
        actor_id_at(&a.actors, i)
    };
    let split = |s: &mut Session, a: &mut Analysis, alias: &str, second: i64| {
        let from = correct::find_actor(a, alias).unwrap();
        assert_ne!(a.actors[from].name, alias, "{alias} is an alias");
        let went = s.split_actor(&d, a, from, alias, None, at(second)).unwrap();
        actor_id_at(&a.actors, went)
    };
    assert_eq!(split(&mut s, &mut a, "Amman", 1), "ua1");
    assert!(s.undo(&d, &mut a, at(2)));
    // ua1 was Amman's, in any export made meanwhile: never given to another
    assert_eq!(split(&mut s, &mut a, "Pyongyang", 3), "ua2");
    // the same alias split off again is the same actor again
    assert_eq!(split(&mut s, &mut a, "Amman", 4), "ua1");
    s.save(&d, &mut a, at(5)).unwrap();
    let (_, again, _, _) = open(dir.path(), text);
    assert_eq!(id_of(&again, "Amman"), "ua1");
    assert_eq!(id_of(&again, "Pyongyang"), "ua2");
    // Amman's sentence gone: its split orphaned, Pyongyang's id unmoved
    let (_, cut, s2, _) = open(dir.path(), &text.replace("Amman denied it. ", ""));
    assert!(matches!(
        orphaned_changes(&s2)[..],
        [Change::SplitActor { .. }]
    ));
    assert_eq!(id_of(&cut, "Pyongyang"), "ua2");
}
