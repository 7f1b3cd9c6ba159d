//! The review in the reader, through `App`'s own event handling: statuses, the filter, the
//! grade picker, the note editor, undo, saving and export.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::super::reader::Entry;
use super::super::reader::{Choice, Overlay};
use super::super::selection::Selection;
use super::*;
use crate::briefing::Reviews;
use crate::document::Span;
use crate::review::{BriefingKey, Grade, Session, Status, Store};

/// The sample with its review kept under `dir` (reviewer "tester").
fn reviewed(dir: &std::path::Path) -> App {
    let (doc, _) = Document::from_bytes(crate::SAMPLE).expect("the sample reads");
    let mut analysis = analyze(&doc, &UserLexicon::default());
    let store = Store::open(dir).expect("a store");
    let key = BriefingKey::Fingerprint(doc.fingerprint.clone());
    let (session, warnings) = Session::load(
        Some(store),
        key,
        "tester".into(),
        &doc,
        &mut analysis,
        jiff::Timestamp::now(),
    )
    .expect("the review loads");
    let mut app = App::new("test".into(), Keymap::default());
    app.set_document(doc);
    app.set_review(analysis, Some(session), warnings);
    app
}

/// A briefing of `text`, as if read from `brief.md`, with its review kept under `dir`.
fn briefing(dir: &std::path::Path, text: &str) -> App {
    let (doc, _) = Document::from_bytes(text.as_bytes()).expect("a briefing");
    let mut analysis = analyze(&doc, &UserLexicon::default());
    let key = BriefingKey::Path(dir.join("brief.md"));
    let store = Store::open(dir).ok();
    let now = jiff::Timestamp::now();
    let (session, warnings) =
        Session::load(store, key, "tester".into(), &doc, &mut analysis, now).unwrap();
    let mut app = App::new("brief.md".into(), Keymap::default());
    app.set_document(doc);
    app.set_review(analysis, Some(session), warnings);
    app
}

/// The bytes of the first occurrence of `words`.
fn span_of(doc: &Document, words: &str) -> Span {
    let start = doc.text.find(words).unwrap();
    Span::new(start, start + words.len())
}

fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    app.handle_key(KeyEvent::new(code, modifiers));
}

/// What the open picker's selected entry stands for.
fn picker_choice(app: &App) -> Option<Choice> {
    match &app.reader().overlay {
        Some(Overlay::Pick {
            choices, picker, ..
        }) => picker.chosen().map(|k| choices[k]),
        _ => None,
    }
}

fn status(app: &App, claim: usize) -> Status {
    app.reader().statuses()[claim]
}

#[test]
fn marking_a_claim_tints_it_counts_it_and_saves_it_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    run(&mut app, &[FocusClaims, Down, MarkDisputed]);
    let claim = app.reader().claim_view[1];
    assert_eq!(status(&app, claim), Status::Disputed);
    assert_eq!(
        app.reader().claims.selected,
        1,
        "the selection stays on the claim"
    );
    let n = app.reader().analysis.as_ref().unwrap().claims.len();
    let screen = draw(&mut app, 160, 30).backend().to_string();
    assert!(
        screen.contains(&format!("1/{n} claims reviewed")),
        "{screen}"
    );
    assert!(screen.contains("✗ disputed"), "{screen}");
    // Saved: a fresh reader on the same store sees it.
    let again = reviewed(dir.path());
    assert_eq!(status(&again, claim), Status::Disputed);
    run(&mut app, &[ClearStatus]);
    assert_eq!(status(&app, claim), Status::Unreviewed);
    assert_eq!(status(&reviewed(dir.path()), claim), Status::Unreviewed);
}

#[test]
fn a_status_needs_a_selected_claim_in_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    run(&mut app, &[MarkSupported]);
    assert_eq!(app.reader().reviewed(), 0);
    assert!(app.message.as_deref().unwrap().contains("select a claim"));
    run(&mut app, &[NextClaim, MarkSupported]);
    let Some(Item::Claim(claim)) = app.reader().current else {
        panic!("] selects a claim");
    };
    assert_eq!(status(&app, claim), Status::Supported);
}

#[test]
fn rejected_claims_are_hidden_unless_the_filter_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    let all = app.reader().claim_view.len();
    run(&mut app, &[FocusClaims, MarkRejected]);
    let rejected = 0;
    assert_eq!(app.reader().claim_view.len(), all - 1);
    assert!(!app.reader().claim_view.contains(&rejected));
    // unreviewed, disputed, unverified, supported, rejected, then all again
    run(&mut app, &[Filter]);
    assert_eq!(app.reader().status_filter, Some(Status::Unreviewed));
    assert_eq!(app.reader().claim_view.len(), all - 1);
    run(&mut app, &[Filter, Filter, Filter, Filter]);
    assert_eq!(app.reader().status_filter, Some(Status::Rejected));
    assert_eq!(app.reader().claim_view, [rejected]);
    run(&mut app, &[Back]);
    assert_eq!(app.reader().status_filter, None, "esc clears the filter");
    run(&mut app, &[Filter, Filter, Filter, Filter, Filter]);
    assert_eq!(app.reader().status_filter, Some(Status::Rejected));
    let screen = draw(&mut app, 160, 30).backend().to_string();
    assert!(
        screen.contains(&format!("Claims 1 of {all} rejected")),
        "{screen}"
    );
    assert!(
        super::status(&draw(&mut app, 160, 30))
            .contains(&format!("showing rejected claims: 1 of {all}"))
    );
    // back to all: the status says what the pane shows, the rejected still hidden
    run(&mut app, &[Filter]);
    assert_eq!(app.reader().status_filter, None);
    let shown = format!("{} of {all}", all - 1);
    let terminal = draw(&mut app, 160, 30);
    let screen = terminal.backend().to_string();
    assert!(screen.contains(&format!("Claims {shown}")), "{screen}");
    let bar = super::status(&terminal);
    assert!(
        bar.contains(&format!("showing all but the rejected claims: {shown}")),
        "{bar}"
    );
}

#[test]
fn the_grade_picker_takes_a_letter_then_a_digit() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    run(&mut app, &[FocusClaims, Grade]);
    insta::assert_snapshot!("grade_picker", draw(&mut app, 100, 24).backend());
    typed(&mut app, "z");
    assert!(matches!(
        app.reader().overlay,
        Some(Overlay::Grade {
            reliability: None,
            ..
        })
    ));
    typed(&mut app, "b");
    insta::assert_snapshot!(
        "grade_picker_credibility",
        draw(&mut app, 100, 24).backend()
    );
    typed(&mut app, "2");
    assert_eq!(app.reader().overlay, None);
    let claim = app.reader().claim_view[0];
    let grade = app
        .reader()
        .session
        .as_ref()
        .unwrap()
        .claim(claim)
        .unwrap()
        .grade;
    assert_eq!(grade, Some(Grade::new('B', 2).unwrap()));
    assert_eq!(
        status(&app, claim),
        Status::Unreviewed,
        "a grade is not a status"
    );
    // Esc cancels without a change.
    run(&mut app, &[Grade]);
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.reader().overlay, None);
    let grade = app
        .reader()
        .session
        .as_ref()
        .unwrap()
        .claim(claim)
        .unwrap()
        .grade;
    assert_eq!(grade, Some(Grade::new('B', 2).unwrap()));
}

#[test]
fn the_note_editor_saves_with_ctrl_s_and_cancels_with_esc() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    run(&mut app, &[FocusClaims, Note]);
    typed(&mut app, "first line");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    typed(&mut app, "second linex");
    key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    // Keys bound to actions are text in the editor.
    typed(&mut app, " qsd");
    insta::assert_snapshot!("note_editor", draw(&mut app, 100, 24).backend());
    key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(app.reader().overlay, None);
    assert!(!app.quit);
    let claim = app.reader().claim_view[0];
    let note = |app: &App| {
        app.reader()
            .session
            .as_ref()
            .unwrap()
            .claim(claim)?
            .note
            .clone()
    };
    assert_eq!(note(&app).as_deref(), Some("first line\nsecond line qsd"));
    run(&mut app, &[Down, MarkDisputed, Grade]);
    typed(&mut app, "c3");
    run(
        &mut app,
        &[Down, MarkSupported, Down, MarkUnverified, Up, Up, Up],
    );
    insta::assert_snapshot!("claims_reviewed", draw(&mut app, 100, 24).backend());
    // Esc on changed words asks first; any other key goes on editing, a second Esc discards
    // them, and closes the editor before anything else in the back chain.
    run(&mut app, &[Note]);
    typed(&mut app, " more");
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(app.reader().overlay.is_some(), "the words are kept");
    insta::assert_snapshot!("note_editor_asks", draw(&mut app, 100, 24).backend());
    typed(&mut app, "!");
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(
        app.reader().overlay.is_some(),
        "asked again after more typing"
    );
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.reader().overlay, None);
    assert!(super::status(&draw(&mut app, 100, 24)).contains("changes discarded"));
    assert_eq!(note(&app).as_deref(), Some("first line\nsecond line qsd"));
    // Unchanged, one Esc closes.
    run(&mut app, &[Note]);
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.reader().overlay, None);
    assert!(super::status(&draw(&mut app, 100, 24)).contains("note not changed"));
    assert_eq!(
        note(&reviewed(dir.path())).as_deref(),
        note(&app).as_deref()
    );
}

#[test]
fn the_note_editor_edits_at_a_cursor_it_shows_and_scrolls() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    let press = |app: &mut App, code: KeyCode, times: usize| {
        (0..times).for_each(|_| key(app, code, KeyModifiers::NONE));
    };
    run(&mut app, &[FocusClaims, Note]);
    typed(&mut app, "bridge shut");
    press(&mut app, KeyCode::Home, 1);
    typed(&mut app, "the ");
    press(&mut app, KeyCode::End, 1);
    typed(&mut app, " until 日本 visits");
    // Back over " visits"; the wide character before it goes in one step.
    press(&mut app, KeyCode::Left, 7);
    press(&mut app, KeyCode::Backspace, 1);
    typed(&mut app, "語");
    press(&mut app, KeyCode::Delete, 1);
    for k in 1..=14 {
        press(&mut app, KeyCode::End, 1);
        key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
        typed(&mut app, &format!("line {k}"));
    }
    let screen = draw(&mut app, 100, 24).backend().to_string();
    assert!(
        screen.contains("line 14") && !screen.contains("bridge shut"),
        "scrolled to the cursor: {screen}"
    );
    // Up to the first line: the box scrolls back; the cursor goes to the fifth column.
    press(&mut app, KeyCode::Up, 20);
    press(&mut app, KeyCode::Home, 1);
    press(&mut app, KeyCode::Right, 4);
    let mut terminal = draw(&mut app, 100, 24);
    insta::assert_snapshot!("note_editor_cursor", terminal.backend());
    let rows: Vec<String> = (0..24)
        .map(|y| {
            (0..100)
                .map(|x| terminal.backend().buffer()[(x, y)].symbol().to_string())
                .collect()
        })
        .collect();
    let (y, row) = rows
        .iter()
        .enumerate()
        .find(|(_, r)| r.contains("┌ note on c1"))
        .expect("the editor's frame");
    let x = row[..row.find("┌ note on c1").unwrap()].chars().count();
    terminal
        .backend_mut()
        .assert_cursor_position((x as u16 + 5, y as u16 + 1));
    key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let claim = app.reader().claim_view[0];
    let note = app
        .reader()
        .session
        .as_ref()
        .unwrap()
        .claim(claim)
        .unwrap()
        .note
        .clone();
    let lines: Vec<String> = (1..=14).map(|k| format!("line {k}")).collect();
    assert_eq!(
        note.unwrap(),
        format!("the bridge shut until 日語visits\n{}", lines.join("\n"))
    );
}

#[test]
fn a_long_pasted_note_wraps_scrolls_and_takes_typing_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    run(&mut app, &[FocusClaims, Note]);
    // 30 kB as a paste types it, a frame now and then: a paragraph of 18 kB, then short lines
    let paragraph: String = (0..3000).map(|k| format!("w{k:04} ")).collect();
    let lines: Vec<String> = (0..1500).map(|k| format!("line {k}")).collect();
    for (k, c) in paragraph.chars().enumerate() {
        typed(&mut app, &c.to_string());
        if k % 1000 == 0 {
            draw(&mut app, 100, 24);
        }
    }
    let screen = draw(&mut app, 100, 24).backend().to_string();
    assert!(
        screen.contains("w2999"),
        "the paragraph's end in view: {screen}"
    );
    for (k, line) in lines.iter().enumerate() {
        key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
        typed(&mut app, line);
        if k % 100 == 0 {
            draw(&mut app, 100, 24);
        }
    }
    let screen = draw(&mut app, 100, 24).backend().to_string();
    assert!(
        screen.contains("line 1499") && !screen.contains("w2999"),
        "{screen}"
    );
    // up into the paragraph's last rows, and typing there
    for _ in 0..1503 {
        key(&mut app, KeyCode::Up, KeyModifiers::NONE);
    }
    key(&mut app, KeyCode::End, KeyModifiers::NONE);
    typed(&mut app, "!");
    let screen = draw(&mut app, 100, 24).backend().to_string();
    assert!(
        screen.contains("!") && screen.contains("line 0"),
        "{screen}"
    );
    key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let claim = app.reader().claim_view[0];
    let session = app.reader().session.as_ref().unwrap();
    let note = session.claim(claim).unwrap().note.clone().unwrap();
    let (first, rest) = note.split_once('\n').unwrap();
    assert_eq!(rest, lines.join("\n"));
    assert_eq!(first.replace('!', "").trim_end(), paragraph.trim_end());
    assert_eq!(first.matches('!').count(), 1);
}

#[test]
fn up_through_a_long_paragraph_shows_its_rows_in_order_and_takes_typing_at_its_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    run(&mut app, &[FocusClaims, Note]);
    // one paragraph of 18 kB, its words numbered, so that a row missing, repeated or
    // wrapped differently shows as a gap in the numbers on screen
    let paragraph: String = (0..3000).map(|k| format!("w{k:04} ")).collect();
    for (k, c) in paragraph.chars().enumerate() {
        typed(&mut app, &c.to_string());
        if k % 1000 == 0 {
            draw(&mut app, 100, 24);
        }
    }
    let numbers = |screen: &str| -> Vec<usize> {
        screen
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter_map(|w| w.strip_prefix('w').and_then(|n| n.parse().ok()))
            .collect()
    };
    let mut first_seen = usize::MAX;
    for k in 0..600 {
        key(&mut app, KeyCode::Up, KeyModifiers::NONE);
        if k % 7 == 0 {
            let screen = draw(&mut app, 100, 24).backend().to_string();
            let seen = numbers(&screen);
            assert!(!seen.is_empty(), "{screen}");
            assert!(
                seen.windows(2).all(|w| w[1] == w[0] + 1),
                "rows in order, none missing: {screen}"
            );
            assert!(seen[0] <= first_seen, "the view only goes up");
            first_seen = seen[0];
        }
    }
    let screen = draw(&mut app, 100, 24).backend().to_string();
    assert_eq!(numbers(&screen).first(), Some(&0), "{screen}");
    key(&mut app, KeyCode::Home, KeyModifiers::NONE);
    typed(&mut app, "> ");
    let screen = draw(&mut app, 100, 24).backend().to_string();
    assert!(screen.contains("> w0000 w0001"), "{screen}");
    key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let claim = app.reader().claim_view[0];
    let session = app.reader().session.as_ref().unwrap();
    let note = session.claim(claim).unwrap().note.clone().unwrap();
    assert_eq!(note.trim_end(), format!("> {}", paragraph.trim_end()));
}

#[test]
fn undo_takes_back_the_last_change_and_saves() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    run(&mut app, &[FocusClaims, MarkSupported, MarkDisputed]);
    let claim = app.reader().claim_view[0];
    run(&mut app, &[Undo]);
    assert_eq!(status(&app, claim), Status::Supported);
    run(&mut app, &[Undo]);
    assert_eq!(status(&app, claim), Status::Unreviewed);
    assert_eq!(status(&reviewed(dir.path()), claim), Status::Unreviewed);
    run(&mut app, &[Undo]);
    assert_eq!(app.message.as_deref(), Some("nothing to undo"));
}

#[test]
fn export_writes_the_briefing_note_where_the_configuration_says() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    app.reader_mut().export.dir = Some(out.path().to_path_buf());
    run(&mut app, &[FocusClaims, MarkDisputed, Note]);
    typed(&mut app, "check the figures");
    key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    run(&mut app, &[Export]);
    let message = app.message.clone().unwrap();
    let path = message.strip_prefix("exported to ").expect(&message);
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("check the figures"), "{text}");
    assert!(text.to_lowercase().contains("disputed"), "{text}");
    // A folder that cannot be made (a file in its way) is reported, not fatal.
    std::fs::write(out.path().join("file"), "").unwrap();
    app.reader_mut().export.dir = Some(out.path().join("file/deeper"));
    run(&mut app, &[Export]);
    assert!(app.message.unwrap().starts_with("export failed"));
}

#[test]
fn a_save_that_fails_is_reported_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    // The store's folder becomes a file: every save fails.
    let reviews = dir.path().join("reviews");
    let _ = std::fs::remove_dir_all(&reviews);
    std::fs::write(&reviews, "in the way").unwrap();
    run(&mut app, &[FocusClaims, MarkDisputed]);
    let message = app.message.clone().unwrap();
    assert!(message.starts_with("c1 disputed, not saved: "), "{message}");
    let claim = app.reader().claim_view[0];
    assert_eq!(status(&app, claim), Status::Disputed, "kept in memory");
    let title = draw(&mut app, 160, 30).backend().buffer().content[..160]
        .iter()
        .map(|c| c.symbol())
        .collect::<String>();
    assert!(title.contains("1/16 claims reviewed not saved"), "{title}");
    // Quitting asks first; any other key stays.
    key(&mut app, KeyCode::Char('q'), KeyModifiers::NONE);
    assert!(!app.quit);
    let screen = super::status(&draw(&mut app, 160, 30));
    assert!(screen.contains("q again quits and loses it"), "{screen}");
    key(&mut app, KeyCode::Char('j'), KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('q'), KeyModifiers::NONE);
    assert!(!app.quit, "asked again after another key");
    std::fs::remove_file(&reviews).unwrap();
    run(&mut app, &[MarkSupported]);
    assert!(!app.reader().unsaved, "written by the next save");
    assert!(!super::status(&draw(&mut app, 160, 30)).contains("not saved"));
    key(&mut app, KeyCode::Char('q'), KeyModifiers::NONE);
    assert!(app.quit, "nothing left to lose");
    let again = reviewed(dir.path());
    assert_eq!(
        status(&again, claim),
        Status::Disputed,
        "written by the next save"
    );
}

#[test]
fn without_a_usable_store_each_change_says_it_is_not_saved_and_quitting_asks() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a file");
    std::fs::write(&file, "not a folder").unwrap();
    let reviews = Reviews::open(Some(&file), "tester".into());
    let (doc, _) = Document::from_bytes(crate::SAMPLE).expect("the sample reads");
    let mut analysis = analyze(&doc, &UserLexicon::default());
    let (session, warnings) = reviews.attach_or_keep_in_memory(None, &doc, &mut analysis);
    let mut app = App::new("test".into(), Keymap::default());
    app.set_document(doc);
    app.set_review(analysis, session, warnings);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .starts_with("review not kept")
    );
    run(&mut app, &[FocusClaims, MarkSupported]);
    let screen = draw(&mut app, 160, 30).backend().to_string();
    assert!(
        screen.contains("c1 supported, not saved: the review is in memory only"),
        "{screen}"
    );
    assert!(screen.contains("claims reviewed not saved"), "{screen}");
    run(&mut app, &[Quit]);
    assert!(!app.quit);
    run(&mut app, &[Quit]);
    assert!(app.quit, "the second quit loses the review");
}

#[test]
fn copy_and_the_external_editor_are_asked_of_the_event_loop() {
    use super::super::effect::Effect;
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    run(&mut app, &[FocusClaims, MarkDisputed, NoteInEditor]);
    let claim = app.reader().claim_view[0];
    assert_eq!(
        app.pending.take(),
        Some(Effect::EditNote {
            claim,
            text: String::new()
        })
    );
    app.edited(claim, Ok("from the editor".into()));
    app.edited(claim, Err("vi failed; the note is unchanged".into()));
    assert_eq!(
        app.message.as_deref(),
        Some("vi failed; the note is unchanged")
    );
    run(&mut app, &[Grade]);
    typed(&mut app, "a1");
    run(&mut app, &[Copy]);
    let Some(Effect::Copy(text)) = app.pending.take() else {
        panic!("y asks for a copy");
    };
    let words = {
        let (doc, analysis) = (
            app.reader().doc.as_ref().unwrap(),
            app.reader().analysis.as_ref().unwrap(),
        );
        doc.slice(analysis.claims[claim].span).trim().to_string()
    };
    assert!(text.starts_with(&format!("\"{words}\"")), "{text}");
    assert!(text.contains("Status: disputed · Grade: A1"), "{text}");
    assert!(text.ends_with("Note: from the editor"), "{text}");
}

#[test]
fn the_reading_position_and_focus_come_back_on_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    draw(&mut app, 160, 30);
    run(&mut app, &[PageDown, FocusClaims, Down, Down]);
    draw(&mut app, 160, 30);
    let top = {
        let doc = app.reader().doc.clone().unwrap();
        app.reader_mut().article.top_byte(&doc)
    };
    assert!(top > 0, "scrolled");
    app.reader_mut().save_view();
    let mut again = reviewed(dir.path());
    draw(&mut again, 160, 30);
    assert_eq!(again.reader().focus, Pane::Claims);
    assert_eq!(again.reader().claims.selected, 2);
    assert_eq!(
        again.reader().current,
        Some(Item::Claim(again.reader().claim_view[2]))
    );
    let doc = again.reader().doc.clone().unwrap();
    assert_eq!(again.reader_mut().article.top_byte(&doc), top);
}

#[test]
fn a_selection_in_the_article_takes_a_free_note_or_becomes_a_claim() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    run(&mut app, &[FocusClaims, Select]);
    assert_eq!(app.reader().selection, None, "only in the article");
    run(&mut app, &[FocusArticle, NextClaim, Select]);
    let doc = app.reader().doc.clone().unwrap();
    let selected = app.reader().selected_span().expect("a sentence selected");
    let first = doc
        .sentences
        .iter()
        .position(|s| s == selected)
        .expect("a sentence");
    run(&mut app, &[Down, Down, Up]);
    let span = app.reader().selected_span().unwrap();
    assert_eq!(
        span,
        Span::new(selected.start, doc.sentences.at(first + 1).end)
    );
    run(&mut app, &[Note]);
    insta::assert_snapshot!("free_note_editor", draw(&mut app, 100, 24).backend());
    typed(&mut app, "two sentences worth a look");
    key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(app.reader().selection, None);
    let notes: Vec<String> = reviewed(dir.path())
        .reader()
        .session
        .as_ref()
        .unwrap()
        .notes()
        .map(|n| n.text.clone())
        .collect();
    assert_eq!(notes, ["two sentences worth a look"]);
    assert_eq!(
        app.reader().noted_spans(),
        [span],
        "the passage is marked in the article"
    );

    // Esc leaves a selection; + adds one as a claim the machine missed.
    run(&mut app, &[Select, Back]);
    assert_eq!(app.reader().selection, None);
    let before = app.reader().analysis.as_ref().unwrap().claims.len();
    let last_sentence = doc.sentences.len() - 1;
    run(&mut app, &[Bottom, Select]);
    app.reader_mut().selection = Selection::sentence(&doc, last_sentence);
    run(&mut app, &[AddClaim]);
    let analysis = app.reader().analysis.as_ref().unwrap();
    assert_eq!(analysis.claims.len(), before + 1, "{:?}", app.message);
    assert_eq!(app.message.as_deref(), Some("added as u1"));
    let again = reviewed(dir.path());
    assert_eq!(
        again.reader().analysis.as_ref().unwrap().claims.len(),
        before + 1,
        "re-applied on reopen"
    );
    assert!(span.start < span.end);
}

#[test]
fn m_merges_the_selected_actor_into_one_chosen_in_a_picker() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    let actors = |app: &App| app.reader().analysis.as_ref().unwrap().actors.len();
    let before = actors(&app);
    run(&mut app, &[FocusClaims, MergeActor]);
    assert_eq!(app.reader().overlay, None, "only in the Actors pane");
    run(&mut app, &[FocusActors, MergeActor]);
    insta::assert_snapshot!("merge_picker", draw(&mut app, 100, 24).backend());
    // arrows move; j and k are typed, and find the actors whose names hold them
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    key(&mut app, KeyCode::Up, KeyModifiers::NONE);
    let Some(Overlay::Pick {
        choices, picker, ..
    }) = app.reader().overlay.clone()
    else {
        panic!("the picker is open");
    };
    assert_eq!(picker.selected, 1);
    let name = |a: usize| {
        app.reader().analysis.as_ref().unwrap().actors[a]
            .name
            .clone()
    };
    let from_name = name(0);
    let Choice::Actor(into) = choices[picker.chosen().unwrap()] else {
        panic!("an actor");
    };
    let into_name = name(into);
    // typing part of the name finds it
    let part: String = into_name.chars().skip(1).take(4).collect();
    typed(&mut app, &part.to_lowercase());
    let Some(Overlay::Pick {
        choices, picker, ..
    }) = app.reader().overlay.clone()
    else {
        panic!("the picker is open");
    };
    assert!(picker.query.len() >= 4);
    assert!(
        picker
            .shown()
            .iter()
            .any(|&e| choices[e] == Choice::Actor(into)),
        "{part:?} finds {into_name}"
    );
    let screen = draw(&mut app, 100, 24).backend().to_string();
    assert!(
        screen.contains(&format!("find: {}", part.to_lowercase())),
        "{screen}"
    );
    while picker_choice(&app) != Some(Choice::Actor(into)) {
        key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    }
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.reader().overlay, None);
    assert_eq!(actors(&app), before - 1);
    assert_eq!(
        app.message.as_deref(),
        Some(format!("{from_name} merged into {into_name}").as_str())
    );
    // the actor merged into is the one selected now, so the next key acts on it
    let reader = app.reader();
    let selected = &reader.analysis.as_ref().unwrap().actors[reader.actors.selected];
    assert_eq!(selected.name, into_name);
    assert_eq!(
        actors(&reviewed(dir.path())),
        before - 1,
        "re-applied on reopen"
    );
    run(&mut app, &[Undo]);
    assert_eq!(actors(&app), before);
}

#[test]
fn an_item_the_edited_text_no_longer_holds_is_reported_as_orphaned() {
    let dir = tempfile::tempdir().unwrap();
    let open = |text: &str| briefing(dir.path(), text);
    let mut app = open("The mayor said the old bridge would close for repairs in June.\n");
    assert!(!app.reader().claim_view.is_empty(), "a claim to review");
    run(&mut app, &[FocusClaims, MarkDisputed]);
    let app = open("Nothing of the kind is written here any more.\n");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains("orphaned"), "{message}");
    assert_eq!(app.reader().session.as_ref().unwrap().orphans().count(), 1);
}

/// A correction whose actor the edited text no longer names is counted, and listed under
/// `R` with what it did, as an orphaned claim review is.
#[test]
fn a_correction_that_no_longer_applies_is_counted_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let open = |text: &str| briefing(dir.path(), text);
    let text = "Kim Jong Un visited a missile factory, state media said. \
                The mayor said the old bridge would close in June.\n";
    let mut app = open(text);
    let actors = &app.reader().analysis.as_ref().unwrap().actors;
    let kim = actors.iter().position(|a| a.name == "Kim Jong Un");
    let kim = kim.expect("Kim Jong Un");
    run(&mut app, &[FocusActors]);
    app.reader_mut().actors.selected = kim;
    run(&mut app, &[RemoveActor]);
    assert_eq!(app.message.as_deref(), Some("Kim Jong Un removed"));
    let mut app = open("The mayor said the old bridge would close in June.\n");
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.starts_with("1 review item no longer matches the text"),
        "{message}"
    );
    run(&mut app, &[Notes]);
    let screen = draw(&mut app, 120, 20).backend().to_string();
    assert!(
        screen.contains(
            "orphaned correction: no longer applies · Removed Kim Jong Un (not an actor)"
        ),
        "{screen}"
    );
    assert!(screen.contains("notes 0 · orphaned 1"), "{screen}");
}

#[test]
fn the_notes_list_shows_free_notes_and_orphans_and_edits_and_deletes_notes() {
    let dir = tempfile::tempdir().unwrap();
    let open = |text: &str| briefing(dir.path(), text);
    let ctrl_s = |app: &mut App| key(app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let mut app = open(
        "The mayor said the old bridge would close for repairs in June.\n\n\
         The council said that tolls would rise in May.\n\n\
         Engineers warned that the ferry would be late.\n",
    );
    assert_eq!(app.reader().claim_view.len(), 3, "three claims");
    run(&mut app, &[FocusClaims, MarkDisputed, Grade]);
    typed(&mut app, "b2");
    run(&mut app, &[Note]);
    typed(&mut app, "ask the mayor's office");
    ctrl_s(&mut app);
    run(
        &mut app,
        &[FocusArticle, NextClaim, NextClaim, Select, Note],
    );
    typed(&mut app, "tolls: compare last year");
    ctrl_s(&mut app);
    run(&mut app, &[NextClaim, Select, Note]);
    typed(&mut app, "which engineers?");
    ctrl_s(&mut app);
    assert_eq!(
        app.reader().note_entries().len(),
        2,
        "two free notes, nothing orphaned"
    );

    // The first and last sentences leave the text.
    let mut app = open("The council said that tolls would rise in May.\n");
    assert!(app.message.as_deref().unwrap().contains("listed under R"));
    typed(&mut app, "R");
    insta::assert_snapshot!("notes_list", draw(&mut app, 100, 24).backend());
    let entries = app.reader().note_entries();
    assert!(matches!(&entries[0], Entry::Note(n, Some(_)) if n.text == "tolls: compare last year"));
    assert!(matches!(&entries[1], Entry::Note(n, None) if n.text == "which engineers?"));
    assert!(
        matches!(&entries[2], Entry::Orphan(r) if r.note.as_deref() == Some("ask the mayor's office"))
    );

    // enter goes to a passage; an orphan has none.
    let enter = |app: &mut App| key(app, KeyCode::Enter, KeyModifiers::NONE);
    run(&mut app, &[FocusClaims]);
    enter(&mut app);
    assert_eq!(
        (app.reader().overlay.clone(), app.reader().focus),
        (None, Pane::Article)
    );
    typed(&mut app, "Rjj");
    enter(&mut app);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("orphaned: text not found")
    );
    // An orphaned review cannot be deleted from the list.
    key(&mut app, KeyCode::Char('d'), KeyModifiers::NONE);
    assert!(app.message.as_deref().unwrap().contains("never dropped"));
    assert_eq!(app.reader().note_entries().len(), 3);

    // c edits a note where it is (an orphaned one too), and the list comes back.
    typed(&mut app, "kc");
    key(&mut app, KeyCode::End, KeyModifiers::NONE);
    typed(&mut app, " (site crew)");
    ctrl_s(&mut app);
    assert_eq!(
        app.reader().overlay,
        Some(Overlay::Notes {
            selected: 1,
            confirm: false
        })
    );
    // d asks first; anything but y keeps the note, y deletes it, U brings it back.
    typed(&mut app, "kd");
    insta::assert_snapshot!("notes_list_confirm", draw(&mut app, 100, 24).backend());
    key(&mut app, KeyCode::Char('n'), KeyModifiers::NONE);
    assert_eq!(app.reader().note_entries().len(), 3);
    key(&mut app, KeyCode::Char('d'), KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('y'), KeyModifiers::NONE);
    assert_eq!(app.reader().note_entries().len(), 2);
    assert!(
        app.reader().noted_spans().is_empty(),
        "the passage is no longer marked"
    );
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.reader().overlay, None);

    let again = open("The council said that tolls would rise in May.\n");
    let texts: Vec<String> = again
        .reader()
        .note_entries()
        .iter()
        .map(|e| match e {
            Entry::Note(n, _) => n.text.clone(),
            Entry::Orphan(r) => r.quote.exact.clone(),
            Entry::Correction(c) => format!("{:?}", c.change),
        })
        .collect();
    assert_eq!(
        texts,
        [
            "which engineers? (site crew)",
            "the old bridge would close for repairs in June"
        ]
    );
    let mut app = again;
    run(&mut app, &[Undo]);
    assert_eq!(
        app.message.as_deref(),
        Some("nothing to undo"),
        "a new session"
    );
}

#[test]
fn a_selection_moves_by_words_at_either_end_and_is_painted_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = briefing(
        dir.path(),
        "Storms closed the port on Monday. The harbour master said ferries would \
         sail again on Friday, weather permitting. Fishermen were less sure.\n",
    );
    run(&mut app, &[FocusArticle, Select, Down]);
    let painted = |app: &mut App| {
        let terminal = draw(app, 100, 20);
        let buffer = terminal.backend().buffer().clone();
        let focus = crate::tui::theme::focus().bg;
        let mut text = String::new();
        for y in 0..buffer.area.height {
            let row: String = (0..buffer.area.width)
                .map(|x| &buffer[(x, y)])
                .filter(|cell| Some(cell.bg) == focus)
                .map(|cell| cell.symbol())
                .collect();
            if !row.is_empty() {
                text.push_str(row.trim_end());
                text.push(' ');
            }
        }
        text.trim_end().to_string()
    };
    let selected = |app: &App| {
        let span = app.reader().selected_span().unwrap();
        app.reader().doc.as_ref().unwrap().slice(span).to_string()
    };
    // The end moves back by words (the comma goes with its word), then the start on.
    typed(&mut app, "BBB");
    assert_eq!(
        selected(&app),
        "Storms closed the port on Monday. The harbour master said ferries would sail again on Friday"
    );
    typed(&mut app, "O");
    for _ in 0..9 {
        key(&mut app, KeyCode::Right, KeyModifiers::SHIFT);
    }
    assert_eq!(selected(&app), "said ferries would sail again on Friday");
    assert_eq!(
        painted(&mut app),
        selected(&app),
        "exactly the selection is painted"
    );
    insta::assert_snapshot!("selection_by_words", draw(&mut app, 100, 20).backend());
    run(&mut app, &[AddClaim]);
    let claims = &app.reader().analysis.as_ref().unwrap().claims;
    let doc = app.reader().doc.clone().unwrap();
    assert!(
        claims
            .iter()
            .any(|c| doc.slice(c.span) == "said ferries would sail again on Friday"),
        "{:?}",
        app.message
    );
}

/// An overlay widens to show its keys whole when they are rebound to longer names.
#[test]
fn an_overlay_is_as_wide_as_its_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    let config = crate::config::parse(
        "[keys.grade_picker]\ncancel = [\"ctrl-q\"]\nclear_grade = [\"delete\"]\n",
    )
    .unwrap();
    app.keymap = config.keymap().unwrap();
    run(&mut app, &[FocusClaims, Grade]);
    let screen = draw(&mut app, 100, 24).backend().to_string();
    let hint = "source reliability A-F · delete clears the grade · ctrl-q cancel";
    assert!(
        screen.lines().any(|l| l.contains(&format!("└ {hint} ┘"))),
        "the frame holds the keys: {screen}"
    );
}

#[test]
fn each_contexts_keys_are_rebound_from_the_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    let config = crate::config::parse(
        "[keys.grade_picker]\ncancel = [\"q\"]\n\n[keys.note_editor]\nsave = [\"ctrl-w\"]\n\n\
         [keys.prompt]\nkeep = [\"tab\"]\n\n[keys.merge_picker]\ndown = [\"n\"]\n\
         choose = [\"m\"]\n\n[keys.notes_list]\nclose = [\"x\"]\n",
    )
    .unwrap();
    app.keymap = config.keymap().unwrap();
    run(&mut app, &[FocusClaims, Grade]);
    let screen = draw(&mut app, 100, 24).backend().to_string();
    assert!(
        screen.contains("q cancel"),
        "the hint names the key: {screen}"
    );
    typed(&mut app, "q");
    assert_eq!(app.reader().overlay, None, "q cancels the grade picker");
    assert!(!app.quit, "and does not quit");
    // in the note editor q and s are text, ctrl-w saves
    run(&mut app, &[Note]);
    typed(&mut app, "qs");
    let screen = draw(&mut app, 100, 24).backend().to_string();
    assert!(screen.contains("ctrl-w save"), "{screen}");
    key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(app.reader().overlay.is_some(), "ctrl-s no longer saves");
    key(&mut app, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(app.reader().overlay, None);
    let claim = app.reader().claim_view[0];
    let session = app.reader().session.as_ref().unwrap();
    assert_eq!(session.claim(claim).unwrap().note.as_deref(), Some("qs"));
    // a search kept with tab
    run(&mut app, &[Search]);
    typed(&mut app, "Korea");
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    assert!(!app.reader().search.editing);
    assert_eq!(app.reader().search.query, "Korea");
    // the merge picker steps with n and merges with m (characters bound there are
    // commands, not typed); the notes list closes with x
    run(&mut app, &[FocusActors, MergeActor]);
    typed(&mut app, "n");
    let Some(Overlay::Pick { picker, .. }) = app.reader().overlay.clone() else {
        panic!("the picker is open");
    };
    assert_eq!(picker.selected, 1);
    let before = app.reader().analysis.as_ref().unwrap().actors.len();
    typed(&mut app, "m");
    assert_eq!(app.reader().overlay, None);
    assert_eq!(
        app.reader().analysis.as_ref().unwrap().actors.len(),
        before - 1
    );
    run(&mut app, &[Notes]);
    assert!(app.reader().overlay.is_some());
    typed(&mut app, "x");
    assert_eq!(app.reader().overlay, None, "x closes the notes list");
}

#[test]
fn a_claims_kind_and_source_and_an_actor_are_corrected_from_the_keyboard() {
    use crate::analysis::{ActorKind, ClaimKind};
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    let analysis = |app: &App| app.reader().analysis.clone().unwrap();
    let enter = |app: &mut App| key(app, KeyCode::Enter, KeyModifiers::NONE);
    let claim = app.reader().claim_view[0];
    let kind = analysis(&app).claims[claim].kind;
    // K on a claim: the kinds, the claim's own selected; "den" finds denial
    run(&mut app, &[FocusClaims, SetKind]);
    assert_eq!(picker_choice(&app), Some(Choice::ClaimKind(kind)));
    insta::assert_snapshot!("kind_picker", draw(&mut app, 100, 24).backend());
    typed(&mut app, "den");
    enter(&mut app);
    assert_eq!(analysis(&app).claims[claim].kind, ClaimKind::Denial);
    assert_eq!(app.message.as_deref(), Some("c1 is now denial"));
    // W: the actors, found by typing; the source is the one chosen
    let shin = analysis(&app)
        .actors
        .iter()
        .position(|a| a.name == "Shin Wonsik")
        .unwrap();
    run(&mut app, &[SetSource]);
    typed(&mut app, "wons");
    assert_eq!(picker_choice(&app), Some(Choice::Actor(shin)));
    enter(&mut app);
    let source = analysis(&app).claims[claim].source.clone().unwrap();
    assert_eq!(source.actors, vec![shin]);
    // an actor renamed (A), re-typed (K in the Actors pane)
    run(&mut app, &[FocusActors, RenameActor]);
    let Some(Overlay::Typing { text: name, .. }) = app.reader().overlay.clone() else {
        panic!("the name is asked for");
    };
    assert_eq!(name, "South Korea");
    for _ in 0.."South Korea".len() {
        key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    }
    typed(&mut app, "Republic of Korea");
    let screen = draw(&mut app, 100, 24).backend().to_string();
    assert!(screen.contains("rename South Korea"), "{screen}");
    enter(&mut app);
    assert_eq!(analysis(&app).actors[0].name, "Republic of Korea");
    run(&mut app, &[SetKind]);
    typed(&mut app, "org");
    enter(&mut app);
    assert_eq!(analysis(&app).actors[0].kind, ActorKind::Organization);

    // all kept: a new reader on the same store applies them again
    let again = reviewed(dir.path());
    let a = analysis(&again);
    assert_eq!(a.claims[claim].kind, ClaimKind::Denial);
    assert_eq!(a.claims[claim].source.as_ref().unwrap().actors, vec![shin]);
    assert_eq!(
        (a.actors[0].name.as_str(), a.actors[0].kind),
        ("Republic of Korea", ActorKind::Organization)
    );

    // D removes the actor; U takes back each correction, newest first
    let actors = a.actors.len();
    run(&mut app, &[RemoveActor]);
    assert_eq!(analysis(&app).actors.len(), actors - 1);
    assert_eq!(app.message.as_deref(), Some("Republic of Korea removed"));
    run(&mut app, &[Undo, Undo, Undo]);
    let a = analysis(&app);
    assert_eq!(
        (a.actors.len(), a.actors[0].name.as_str()),
        (actors, "South Korea")
    );
    run(&mut app, &[Undo, Undo]);
    assert_eq!(analysis(&app).claims[claim].kind, kind);
    let a = analysis(&reviewed(dir.path()));
    assert_eq!(a.claims[claim].kind, kind);
    assert_eq!(a.actors[0].name, "South Korea");
}

#[test]
fn quick_review_keys_step_to_unreviewed_claims_select_a_match_and_show_an_actor() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    run(&mut app, &[FocusClaims, MarkSupported, NextUnreviewed]);
    assert_eq!(app.reader().claims.selected, 1);
    run(&mut app, &[MarkDisputed, NextUnreviewed]);
    assert_eq!(app.reader().claims.selected, 2);
    let n = app.reader().claim_view.len();
    assert_eq!(
        app.message.as_deref(),
        Some(format!("c3: {} unreviewed", n - 2).as_str())
    );
    // back past the two reviewed, round to the last
    run(&mut app, &[PrevUnreviewed]);
    assert_eq!(app.reader().claims.selected, n - 1);

    // v starts at the search's match
    run(&mut app, &[Search]);
    typed(&mut app, "Kremlin");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    draw(&mut app, 100, 30);
    run(&mut app, &[FocusArticle, Select]);
    let doc = app.reader().doc.clone().unwrap();
    let span = app.reader().selected_span().unwrap();
    assert_eq!(doc.slice(span), "Kremlin");
    run(&mut app, &[Back]);

    // enter on an actor filters the panes and shows where the text first names it
    let analysis = app.reader().analysis.clone().unwrap();
    let states = analysis
        .actors
        .iter()
        .position(|a| a.name == "United States")
        .unwrap();
    let first = analysis.actors[states].mentions[0].span().start;
    run(&mut app, &[FocusActors]);
    for _ in 0..states {
        run(&mut app, &[Down]);
    }
    run(&mut app, &[Open]);
    draw(&mut app, 100, 30);
    assert_eq!(app.reader().filter, Some(states));
    assert!(app.reader_mut().article.shows(&doc, first));
}

#[test]
fn the_published_date_set_in_the_reader_resolves_the_timeline_at_once_and_is_kept() {
    use crate::briefing::{Opener, Origin};
    use crate::document::DateSource;
    let dir = tempfile::tempdir().unwrap();
    let dir = std::fs::canonicalize(dir.path()).unwrap();
    let text = "The minister said on Friday that the talks would resume.\n";
    let file = dir.join("brief.md");
    std::fs::write(&file, text).unwrap();
    let mut app = briefing(&dir, text);
    let friday = |app: &App| {
        let (a, d) = (app.reader().analysis.clone(), app.reader().doc.clone());
        let (a, d) = (a.unwrap(), d.unwrap());
        let t = a.times.iter().find(|t| d.slice(t.span).contains("Friday"));
        t.map(|t| t.value.to_string())
    };
    assert_eq!(
        friday(&app).as_deref(),
        Some("XXXX-WXX-5"),
        "open without a date"
    );
    run(&mut app, &[SetPublished]);
    let screen = draw(&mut app, 100, 24).backend().to_string();
    assert!(screen.contains(" published "), "{screen}");
    typed(&mut app, "Nov 25, 2024");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let doc = app.reader().doc.clone().unwrap();
    assert_eq!(doc.meta.published, Some("2024-11-25".parse().unwrap()));
    assert_eq!(doc.meta.published_from, Some(DateSource::Review));
    assert_eq!(
        friday(&app).as_deref(),
        Some("2024-11-22"),
        "re-resolved at once"
    );
    let screen = draw(&mut app, 120, 24).backend().to_string();
    assert!(screen.contains("Mon 25 Nov 2024 (review)"), "{screen}");
    let md = {
        let r = app.reader();
        let (doc, analysis) = (r.doc.as_ref().unwrap(), r.analysis.as_ref().unwrap());
        let review = r.session.as_ref().unwrap().review();
        let briefing = crate::export::Briefing::new(doc, analysis, review);
        crate::export::render(crate::export::Format::Md, &briefing)
    };
    assert!(
        md.contains("- Published: 2024-11-25 (set in the review)"),
        "{md}"
    );
    assert!(md.contains("- Published date set to 2024-11-25"), "{md}");
    // opened again, by any front end: the date comes from the review
    let opener = Opener {
        reviews: Reviews::open(Some(&dir), "tester".into()),
        ..Opener::default()
    };
    let origin = Origin::File(file.clone());
    let (again, _) = opener.read(&origin).unwrap();
    assert_eq!(again.meta.published_from, Some(DateSource::Review));
    // --published wins over it
    let given = Opener {
        published: Some("2024-01-01".parse().unwrap()),
        ..opener.clone()
    };
    let (doc, _) = given.read(&origin).unwrap();
    assert_eq!(doc.meta.published_from, Some(DateSource::Given));
    // a date that is none, or not one day, is refused; U takes the date back, the timeline
    // with it
    for bad in ["x", "Nov 2024", "last Friday"] {
        run(&mut app, &[SetPublished]);
        typed(&mut app, bad);
        key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
        assert!(
            app.message.as_deref().unwrap().contains("is not a date"),
            "{bad}"
        );
    }
    run(&mut app, &[Undo]);
    assert_eq!(app.reader().doc.as_ref().unwrap().meta.published, None);
    assert_eq!(friday(&app).as_deref(), Some("XXXX-WXX-5"));
    let (doc, _) = opener.read(&origin).unwrap();
    assert_eq!(doc.meta.published, None);
}

#[test]
fn a_claims_detail_shows_it_whole_wrapped_at_any_width() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    run(&mut app, &[FocusClaims, Down, MarkDisputed, Note]);
    typed(&mut app, "Check with the ministry.");
    key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    run(&mut app, &[ClaimDetail]);
    let claim = app.reader().claim_view[1];
    let (doc, analysis) = (
        app.reader().doc.clone().unwrap(),
        app.reader().analysis.clone().unwrap(),
    );
    let words = doc.slice(analysis.claims[claim].span).to_string();
    let last = words.split_whitespace().last().unwrap().to_string();
    insta::assert_snapshot!("claim_detail", draw(&mut app, 100, 24).backend());
    for width in [100, 60, 40] {
        let screen = draw(&mut app, width, 40).backend().to_string();
        for said in ["content", &last, "disputed", "ministry.", "Director"] {
            assert!(
                screen.contains(said),
                "{said:?} at {width} columns: {screen}"
            );
        }
    }
    typed(&mut app, "j");
    let Some(Overlay::Detail { scroll, .. }) = app.reader().overlay.clone() else {
        panic!("still open");
    };
    assert_eq!(scroll, 1);
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.reader().overlay, None);
}

#[test]
fn events_are_dated_removed_and_added_from_the_keyboard_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let dir = std::fs::canonicalize(dir.path()).unwrap();
    let text = "---\npublished: 2024-11-23\n---\n\
        The ministry said on Friday that the talks would resume in Geneva.\n\n\
        The army withdrew from the border town, officials said.\n\n\
        Envoys met the foreign minister after the summit in March.\n";
    let mut app = briefing(&dir, text);
    let labels = |app: &App| -> Vec<(String, Option<String>)> {
        let a = app.reader().analysis.clone().unwrap();
        a.timeline
            .iter()
            .map(|e| {
                (
                    e.label.clone(),
                    e.date(&a.times).map(|(v, _)| v.to_string()),
                )
            })
            .collect()
    };
    let machine = labels(&app);
    let army = machine
        .iter()
        .position(|(l, _)| l.contains("army"))
        .unwrap();
    assert_eq!(machine[army].1, None, "undated by the machine");
    // T on the undated event: typed in words, resolved against the published date, and
    // moved to its place in time
    run(&mut app, &[FocusTimeline]);
    app.reader_mut().timeline.selected = army;
    run(&mut app, &[SetDate]);
    let screen = draw(&mut app, 100, 24).backend().to_string();
    assert!(screen.contains("last Friday, or undated"), "{screen}");
    typed(&mut app, "Feb 2024");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let message = app.message.clone().unwrap();
    assert!(message.contains("dated Feb 2024"), "{message}");
    let after = labels(&app);
    assert!(after[0].0.contains("army"), "{after:?}");
    assert_eq!(after[0].1.as_deref(), Some("2024-02"));
    assert_eq!(
        app.reader().timeline.selected,
        0,
        "the selection follows it"
    );
    insta::assert_snapshot!("event_dated", draw(&mut app, 100, 24).backend());
    // D in the Timeline pane removes the event selected; a date that is none is refused
    let summit = after.iter().position(|(l, _)| l == "the summit").unwrap();
    app.reader_mut().timeline.selected = summit;
    run(&mut app, &[RemoveActor]);
    assert!(labels(&app).iter().all(|(l, _)| l != "the summit"));
    run(&mut app, &[SetDate]);
    typed(&mut app, "soon");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(app.message.as_deref().unwrap().contains("not a date"));
    // e on a selection in the article: an event the machine missed, with an id of its own
    let doc = app.reader().doc.clone().unwrap();
    let words = "the talks would resume in Geneva";
    let start = doc.text.find(words).unwrap();
    run(&mut app, &[FocusArticle]);
    app.reader_mut().selection = Selection::of(Span::new(start, start + words.len()));
    run(&mut app, &[AddEvent]);
    assert_eq!(app.message.as_deref(), Some("added as event ut1"));
    let kept = labels(&app);
    assert!(kept.iter().any(|(l, _)| l == words), "{kept:?}");

    // opened again: every correction in force
    let again = briefing(&dir, text);
    assert_eq!(labels(&again), kept);
    // U takes the added event back, then the removal
    run(&mut app, &[Undo]);
    assert!(labels(&app).iter().all(|(l, _)| l != words));
    run(&mut app, &[Undo]);
    assert!(labels(&app).iter().any(|(l, _)| l == "the summit"));
}

#[test]
fn words_marked_in_the_article_become_a_claims_cue_source_or_content() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The council denied on Monday that tolls would rise, officials said.\n";
    let mut app = briefing(dir.path(), text);
    let doc = app.reader().doc.clone().unwrap();
    let words = |w: &str| span_of(&doc, w);
    run(&mut app, &[FocusArticle, NextClaim, Select]);
    let claim = app.reader().target_claim().expect("a claim in the article");
    app.reader_mut().selection = Selection::of(words("denied on Monday"));
    run(&mut app, &[ClaimPart]);
    insta::assert_snapshot!("claim_part_picker", draw(&mut app, 100, 20).backend());
    typed(&mut app, "cue");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let message = app.message.clone().unwrap();
    assert!(message.contains("the words marked as its cue"), "{message}");
    assert_eq!(app.reader().selection, None, "the selection is used up");
    let analysis = app.reader().analysis.clone().unwrap();
    let c = &analysis.claims[claim];
    assert_eq!(c.cue.map(|s| doc.slice(s)), Some("denied on Monday"));
    let screen = draw(&mut app, 100, 20).backend().to_string();
    assert!(
        screen.contains("c1* assertion"),
        "marked corrected: {screen}"
    );
    // the source from marked words, then U takes it back
    let before = c.source.clone();
    app.reader_mut().selection = Selection::of(words("The council"));
    run(&mut app, &[ClaimPart]);
    typed(&mut app, "source");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let analysis = app.reader().analysis.clone().unwrap();
    let source = analysis.claims[claim].source.clone().unwrap();
    assert_eq!(doc.slice(source.span), "The council");
    run(&mut app, &[Undo]);
    let analysis = app.reader().analysis.clone().unwrap();
    assert_eq!(analysis.claims[claim].source, before);
    assert_eq!(
        analysis.claims[claim].cue.map(|s| doc.slice(s)),
        Some("denied on Monday")
    );
}

/// The detail view lists every correction of a claim, those made before its content was
/// marked anew (and so named by the words it had then) too.
#[test]
fn a_claims_detail_lists_its_corrections_from_before_its_content_was_marked_anew() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Prime Minister Han Duck-soo said the deployment was a grave threat, \
                according to his office.\n";
    let mut app = briefing(dir.path(), text);
    let doc = app.reader().doc.clone().unwrap();
    run(&mut app, &[FocusArticle, NextClaim, Select]);
    for (marked, part) in [
        ("Prime Minister Han Duck-soo", "source"),
        ("said", "cue"),
        ("the deployment was a grave threat", "content"),
    ] {
        app.reader_mut().selection = Selection::of(span_of(&doc, marked));
        run(&mut app, &[ClaimPart]);
        typed(&mut app, part);
        key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    }
    run(&mut app, &[FocusClaims, ClaimDetail]);
    let screen = draw(&mut app, 120, 30).backend().to_string();
    for said in [
        "source marked: “Prime Minister Han Duck-soo”",
        "cue marked: “said”",
        "content marked: “the deployment was a grave threat”",
    ] {
        assert!(screen.contains(said), "{said:?} in {screen}");
    }
}

#[test]
fn an_alias_is_split_off_and_a_mention_moved_from_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Jordan said the border was calm. Amman denied it. \
                Jordan later closed the crossing, and Amman confirmed the closure.\n";
    let mut app = briefing(dir.path(), text);
    let actor = |app: &App, name: &str| {
        let a = app.reader().analysis.clone().unwrap();
        a.actors
            .iter()
            .find(|x| x.name == name)
            .map(|x| (x.mentions.len(), x.aliases.clone()))
    };
    let analysis = app.reader().analysis.clone().unwrap();
    let jordan = analysis
        .actors
        .iter()
        .position(|a| a.name == "Jordan")
        .unwrap();
    run(&mut app, &[FocusActors]);
    app.reader_mut().actors.selected = jordan;
    run(&mut app, &[SplitActor]);
    insta::assert_snapshot!("split_alias_picker", draw(&mut app, 100, 20).backend());
    typed(&mut app, "Amman");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    typed(&mut app, "its own");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.message.as_deref(), Some("Amman split off Jordan"));
    assert_eq!(actor(&app, "Amman").map(|a| a.0), Some(2));
    let reader = app.reader();
    let selected = &reader.analysis.as_ref().unwrap().actors[reader.actors.selected];
    assert_eq!(selected.name, "Amman", "the actor split off selected");
    // both actors marked as the analyst's work in the pane
    let screen = draw(&mut app, 100, 20).backend().to_string();
    assert!(screen.contains("Amman ×2*"), "{screen}");
    assert!(screen.contains("Jordan ×2*"), "{screen}");
    assert!(
        !actor(&app, "Jordan")
            .unwrap()
            .1
            .contains(&"Amman".to_string())
    );
    // a mention marked in the article moved back to Jordan
    let doc = app.reader().doc.clone().unwrap();
    let words = "and Amman confirmed";
    let start = doc.text.find(words).unwrap();
    run(&mut app, &[FocusArticle]);
    app.reader_mut().selection = Selection::of(Span::new(start, start + words.len()));
    run(&mut app, &[SplitActor]);
    typed(&mut app, "Jordan");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.message.as_deref(), Some("mentions moved to Jordan"));
    assert_eq!(actor(&app, "Amman").map(|a| a.0), Some(1));
    // U takes the move back, then the split
    run(&mut app, &[Undo, Undo]);
    assert_eq!(actor(&app, "Amman"), None);
    let screen = draw(&mut app, 100, 20).backend().to_string();
    assert!(!screen.contains('*'), "nothing left marked: {screen}");
}

#[test]
fn claims_are_tagged_with_completion_filtered_by_tag_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reviewed(dir.path());
    run(&mut app, &[FocusClaims, Tags]);
    typed(&mut app, "#sanctions, follow-up");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let first = app.reader().claim_view[0];
    let tags = |app: &App, claim: usize| {
        let session = app.reader().session.as_ref().unwrap();
        session
            .claim(claim)
            .map(|c| c.tags.clone())
            .unwrap_or_default()
    };
    assert_eq!(tags(&app, first), ["sanctions", "follow-up"]);
    // the next claim: "fo" and tab complete the tag used before; the box lists them
    run(&mut app, &[Down, Tags]);
    typed(&mut app, "fo");
    key(&mut app, KeyCode::Tab, KeyModifiers::NONE);
    let screen = draw(&mut app, 100, 24).backend().to_string();
    assert!(screen.contains("follow-up ▏"), "{screen}");
    assert!(screen.contains("used: follow-up sanctions"), "{screen}");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let second = app.reader().claim_view[1];
    assert_eq!(tags(&app, second), ["follow-up"]);
    // the filter steps through the statuses, then each tag
    run(&mut app, &[Filter; 6]);
    assert_eq!(app.reader().tag_filter.as_deref(), Some("follow-up"));
    assert_eq!(app.reader().claim_view, [first, second]);
    run(&mut app, &[Filter]);
    assert_eq!(app.reader().claim_view, [first]);
    let screen = draw(&mut app, 120, 24).backend().to_string();
    assert!(screen.contains("1 of 16 #sanctions"), "{screen}");
    run(&mut app, &[Filter]);
    assert_eq!(app.reader().tag_filter, None);
    // kept: a fresh reader of the same store has them
    let again = reviewed(dir.path());
    assert_eq!(tags(&again, first), ["sanctions", "follow-up"]);
    // an empty line removes them; U brings them back
    let mut app = again;
    run(&mut app, &[FocusClaims, Tags]);
    for _ in 0.."sanctions follow-up ".len() {
        key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    }
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(tags(&app, first).is_empty());
    run(&mut app, &[Undo]);
    assert_eq!(tags(&app, first), ["sanctions", "follow-up"]);
}
