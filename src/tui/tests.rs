//! Rendering snapshots of every pane and layout, and keyboard flows through `App::handle`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Style};

use super::action::Action::{self, *};
use super::app::App;
use super::keymap::Keymap;
use super::layout;
use super::reader::{Item, Pane};
use super::sizes::Plan;
use crate::analysis::{UserLexicon, analyze};
use crate::document::{Document, Meta};
use ratatui::layout::Rect;

fn app_for(doc: Document) -> App {
    let analysis = analyze(&doc, &UserLexicon::default());
    let mut app = App::new("test".into(), Keymap::default());
    app.set_document(doc);
    app.set_analysis(analysis);
    app
}

fn sample() -> App {
    let (doc, _) = Document::from_bytes(crate::SAMPLE).expect("the sample reads");
    app_for(doc)
}

fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|frame| {
            super::render(frame, app);
        })
        .expect("drawn");
    terminal
}

/// Where a frame of this size puts everything: what the mouse acts on.
fn plan(app: &App, width: u16, height: u16) -> Plan {
    layout::plan(Rect::new(0, 0, width, height), app)
}

fn run(app: &mut App, actions: &[Action]) {
    for &action in actions {
        app.handle(action);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        // a search across the library, as the event loop runs it on a thread of its own
        if let Some(library) = &mut app.library {
            library.search_now();
        }
    }
}

#[test]
fn wide_layout_shows_every_pane() {
    let mut app = sample();
    insta::assert_snapshot!("wide_160x45", draw(&mut app, 160, 45).backend());
}

#[test]
fn narrow_layout_shows_one_pane_as_tabs() {
    let mut app = sample();
    for (action, name) in [
        (FocusArticle, "narrow_article"),
        (FocusClaims, "narrow_claims"),
        (FocusActors, "narrow_actors"),
        (FocusTimeline, "narrow_timeline"),
    ] {
        app.handle(action);
        insta::assert_snapshot!(name, draw(&mut app, 80, 24).backend());
    }
}

#[test]
fn the_smallest_useful_terminal_and_one_too_small() {
    let mut app = sample();
    app.handle(FocusClaims);
    insta::assert_snapshot!("tiny_40x12", draw(&mut app, 40, 12).backend());
    insta::assert_snapshot!("too_small", draw(&mut app, 29, 7).backend());
}

#[test]
fn help_overlay_lists_the_live_keymap() {
    let mut app = sample();
    app.handle(Help);
    let terminal = draw(&mut app, 120, 30);
    insta::assert_snapshot!("help_120x30", terminal.backend());
    // taller than 30 rows with every context's keys: whole on a larger terminal
    let terminal = draw(&mut app, 160, 45);
    let screen = terminal.backend().to_string();
    assert!(screen.contains("in the grade picker"), "{screen}");
    assert!(screen.contains("clear the grade"), "{screen}");
    for action in app.keymap.actions() {
        // a single briefing: no library keys
        let shown = screen.contains(action.describe());
        assert_eq!(shown, !action.for_library(), "{}", action.name());
    }
    // every status and kind of actor in the legend, the longest row whole
    for words in [
        "supported",
        "disputed",
        "unverified",
        "rejected",
        "person",
        "org",
        "country",
        "place",
        "group",
        "other",
        "a passage with a note",
    ] {
        assert!(screen.contains(words), "{words}");
    }
}

#[test]
fn panes_say_work_is_under_way_until_the_analysis_arrives() {
    let mut app = App::new("big.md".into(), Keymap::default());
    insta::assert_snapshot!("reading", draw(&mut app, 100, 12).backend());
    let (doc, _) = Document::from_bytes(crate::SAMPLE).expect("the sample reads");
    app.set_document(doc);
    insta::assert_snapshot!("analysing", draw(&mut app, 100, 12).backend());
}

#[test]
fn tab_and_numbers_move_the_focus() {
    let mut app = sample();
    run(&mut app, &[NextPane, NextPane]);
    assert_eq!(app.reader().focus, Pane::Actors);
    run(&mut app, &[PrevPane, PrevPane, PrevPane]);
    assert_eq!(app.reader().focus, Pane::Timeline);
    run(&mut app, &[FocusClaims]);
    assert_eq!(app.reader().focus, Pane::Claims);
}

#[test]
fn enter_on_a_claim_shows_its_words_in_the_article() {
    let mut app = sample();
    draw(&mut app, 160, 30);
    run(&mut app, &[FocusClaims, Bottom, Open]);
    let last = app.reader().claim_view.len() - 1;
    assert_eq!(
        app.reader().current,
        Some(Item::Claim(app.reader().claim_view[last]))
    );
    let start = app.reader().analysis.as_ref().unwrap().claims[app.reader().claim_view[last]]
        .span
        .start;
    let doc = app.reader().doc.clone().unwrap();
    assert!(app.reader_mut().article.shows(&doc, start));
    // The claim's words stand out in the drawn article.
    let terminal = draw(&mut app, 160, 30);
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content()
            .iter()
            .any(|cell| cell.bg == Color::Indexed(24))
    );
}

#[test]
fn in_narrow_layout_a_jump_brings_the_article_to_the_front() {
    let mut app = sample();
    draw(&mut app, 80, 24);
    run(&mut app, &[FocusTimeline, Down, Open]);
    assert_eq!(app.reader().focus, Pane::Article);
}

#[test]
fn brackets_step_through_claims_in_the_article() {
    let mut app = sample();
    draw(&mut app, 80, 24);
    run(&mut app, &[NextClaim]);
    assert_eq!(app.reader().current, Some(Item::Claim(0)));
    run(&mut app, &[NextClaim, NextClaim]);
    assert_eq!(app.reader().current, Some(Item::Claim(2)));
    assert_eq!(app.reader().claims.selected, 2);
    run(&mut app, &[PrevClaim]);
    assert_eq!(app.reader().current, Some(Item::Claim(1)));
}

#[test]
fn search_counts_matches_and_steps_through_them() {
    let mut app = sample();
    draw(&mut app, 80, 24);
    app.handle(Search);
    typed(&mut app, "korea");
    assert!(app.reader().search.editing);
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let n = app.reader().search.matches.len();
    assert!(n > 1);
    assert_eq!(app.reader().search.current, Some(0));
    typed(&mut app, "n");
    assert_eq!(app.reader().search.current, Some(1));
    typed(&mut app, "NN");
    assert_eq!(app.reader().search.current, Some(n - 1));
    let screen = draw(&mut app, 80, 24).backend().to_string();
    assert!(screen.contains(&format!("/korea {n}/{n}")), "{screen}");
}

/// A briefing of `paragraphs` paragraphs written for the tests, "the chair" twice in each,
/// open in the reader (no analysis needed to search it).
fn long_briefing(paragraphs: usize) -> (App, String) {
    let text = "The chair of the harbour board said on Monday that the ferry timetable \
                would change. Residents asked the chair to wait.\n\n"
        .repeat(paragraphs);
    let mut app = App::new("long".into(), Keymap::default());
    app.set_document(Document::from_text(&text, Meta::default()).0);
    (app, text)
}

/// The status bar: the last row.
fn status(terminal: &Terminal<TestBackend>) -> String {
    let screen = terminal.backend().to_string();
    screen.lines().last().unwrap_or_default().to_string()
}

/// Every "chair" in the drawn article is painted as a match, and exactly one as the current.
fn assert_matches_painted(terminal: &Terminal<TestBackend>) {
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width);
    let (mut painted, mut current) = (0, 0);
    let rows = buffer.content().chunks(width);
    // not the status bar, which repeats the query
    for row in rows.take(usize::from(buffer.area.height) - 1) {
        for at in 0..row.len().saturating_sub(4) {
            if row[at..at + 5]
                .iter()
                .map(|c| c.symbol())
                .collect::<String>()
                != "chair"
            {
                continue;
            }
            match row[at].bg {
                Color::Indexed(58) => painted += 1,
                Color::Indexed(220) => current += 1,
                other => panic!("a match unpainted ({other:?}) at {at}"),
            }
        }
    }
    assert!(painted > 0 && current == 1, "{painted} {current}");
}

#[test]
fn a_search_in_a_long_briefing_is_counted_between_keys_and_steps_through_every_match() {
    let (mut app, text) = long_briefing(10_000);
    let all: Vec<usize> = text.match_indices("chair").map(|(at, _)| at).collect();
    draw(&mut app, 80, 24);
    app.handle(Search);
    typed(&mut app, "chair");
    // The first match is shown at once; the rest of the text is counted between keys.
    assert!(app.counting());
    let so_far = app.reader().search.matches.len();
    assert!(0 < so_far && so_far < all.len());
    assert_eq!(app.reader().search.current, Some(0));
    let terminal = draw(&mut app, 80, 24);
    assert!(
        status(&terminal).contains(&format!("/chair▏  1/{so_far}+")),
        "{}",
        status(&terminal)
    );
    assert_matches_painted(&terminal);
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    while app.counting() {
        app.count_on();
    }
    assert_eq!(app.reader().search.matches.len(), all.len());
    let terminal = draw(&mut app, 80, 24);
    assert!(status(&terminal).contains(&format!("/chair 1/{} ", all.len())));
    // N from the first goes round to the last, n back to the first, then on.
    typed(&mut app, "N");
    assert_eq!(app.reader().search.current, Some(all.len() - 1));
    assert_eq!(
        app.reader().search.shown.map(|m| m.start),
        all.last().copied()
    );
    let doc = app.reader().doc.clone().expect("a document");
    assert!(app.reader_mut().article.shows(&doc, all[all.len() - 1]));
    assert_matches_painted(&draw(&mut app, 80, 24));
    typed(&mut app, "nn");
    assert_eq!(app.reader().search.current, Some(1));
    assert_eq!(app.reader().search.shown.map(|m| m.start), Some(all[1]));
    assert!(app.reader_mut().article.shows(&doc, all[1]));
}

#[test]
fn a_search_from_deep_in_a_long_briefing_shows_the_match_before_the_count_reaches_it() {
    let (mut app, text) = long_briefing(10_000);
    let all = text.matches("chair").count();
    draw(&mut app, 80, 24);
    app.handle(Bottom);
    app.handle(Search);
    typed(&mut app, "chair");
    let shown = app.reader().search.shown.expect("a match near the end");
    let doc = app.reader().doc.clone().expect("a document");
    assert!(app.reader_mut().article.shows(&doc, shown.start));
    assert_eq!(app.reader().search.current, None);
    let terminal = draw(&mut app, 80, 24);
    assert!(
        status(&terminal).contains("/chair▏  ?/"),
        "{}",
        status(&terminal)
    );
    assert_matches_painted(&terminal);
    while app.counting() {
        app.count_on();
    }
    let k = text[..shown.start].matches("chair").count();
    assert_eq!(app.reader().search.current, Some(k));
    let terminal = draw(&mut app, 80, 24);
    assert!(status(&terminal).contains(&format!("/chair▏  {}/{all}", k + 1)));
}

#[test]
fn after_scrolling_away_n_and_shift_n_go_on_from_the_view() {
    let (mut app, text) = long_briefing(10_000);
    let all: Vec<usize> = text.match_indices("chair").map(|(at, _)| at).collect();
    draw(&mut app, 80, 24);
    app.handle(Search);
    typed(&mut app, "chair");
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(app.reader().search.shown.map(|m| m.start), Some(all[0]));
    let doc = app.reader().doc.clone().expect("a document");
    // far from the first match: n shows the first match from the top of the view on
    for _ in 0..40 {
        app.handle(PageDown);
    }
    draw(&mut app, 80, 24);
    let top = app.reader_mut().article.top_byte(&doc);
    assert!(top > all[3], "{top}");
    typed(&mut app, "n");
    let next = *all.iter().find(|&&at| at >= top).expect("a match below");
    assert_eq!(app.reader().search.shown.map(|m| m.start), Some(next));
    assert!(app.reader_mut().article.shows(&doc, next));
    let k = all.iter().position(|&at| at == next);
    while app.counting() {
        app.count_on();
    }
    assert_eq!(app.reader().search.current, k);
    // scrolled away again: N shows the last match before the view
    for _ in 0..10 {
        app.handle(PageDown);
    }
    draw(&mut app, 80, 24);
    let top = app.reader_mut().article.top_byte(&doc);
    typed(&mut app, "N");
    let before = *all
        .iter()
        .rev()
        .find(|&&at| at < top)
        .expect("a match above");
    assert_eq!(app.reader().search.shown.map(|m| m.start), Some(before));
    assert_eq!(
        app.reader().search.current,
        all.iter().position(|&at| at == before)
    );
}

#[test]
fn a_growing_query_counts_a_step_a_key_and_ends_with_the_whole_count() {
    let (mut app, text) = long_briefing(10_000);
    draw(&mut app, 80, 24);
    app.handle(Search);
    for typed_so_far in ["t", "th", "the"] {
        typed(&mut app, &typed_so_far[typed_so_far.len() - 1..]);
        // one step of the count a key, not the whole text again
        assert!(app.counting(), "{typed_so_far}");
        assert_eq!(app.reader().search.current, Some(0));
    }
    typed(&mut app, "x");
    app.handle_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    while app.counting() {
        app.count_on();
    }
    // smart case: "the" finds "The" too
    assert_eq!(
        app.reader().search.matches.len(),
        text.to_lowercase().matches("the").count()
    );
    assert_eq!(app.reader().search.current, Some(0));
}

/// The style of the first cell of `word`'s first (or last) appearance in the frame.
fn style_of(terminal: &Terminal<TestBackend>, word: &str, last: bool) -> Option<Style> {
    let buffer = terminal.backend().buffer();
    let cells = buffer.content();
    let width = word.chars().count();
    let mut found = (0..cells.len().saturating_sub(width)).filter(|&at| {
        cells[at..at + width]
            .iter()
            .map(|c| c.symbol())
            .collect::<String>()
            == word
    });
    let at = if last {
        found.next_back()
    } else {
        found.next()
    }?;
    Some(cells[at].style())
}

#[test]
fn the_end_of_a_long_briefing_is_painted_as_its_start() {
    let text = "Minister Ana Duarte said on Monday that the port of Lisbon would reopen.\n\n"
        .repeat(4_000);
    let mut app = app_for(Document::from_text(&text, Meta::default()).0);
    let top = style_of(&draw(&mut app, 80, 24), "Lisbon", false).expect("on screen");
    assert_ne!(top, Style::default());
    app.handle(Bottom);
    let bottom = style_of(&draw(&mut app, 80, 24), "Lisbon", true).expect("on screen");
    assert_eq!(bottom, top);
}

#[test]
fn escape_goes_back_one_step_at_a_time() {
    let mut app = sample();
    draw(&mut app, 160, 45);
    let korea = app
        .reader()
        .analysis
        .as_ref()
        .unwrap()
        .actors
        .iter()
        .position(|a| a.name == "North Korea")
        .unwrap();
    run(&mut app, &[FocusActors]);
    for _ in 0..korea {
        app.handle(Down);
    }
    app.handle(Open);
    assert_eq!(app.reader().filter, Some(korea));
    let all = app.reader().analysis.as_ref().unwrap().timeline.len();
    assert!(app.reader().event_view.len() < all);
    app.handle(Search);
    typed(&mut app, "missile");
    app.handle(Help);
    assert!(app.help);

    app.handle(Back);
    assert!(!app.help);
    app.handle(Back);
    assert!(app.reader().search.query.is_empty() && app.reader().filter.is_some());
    app.handle(Back);
    assert_eq!(app.reader().filter, None);
    assert_eq!(app.reader().event_view.len(), all);
}

#[test]
fn the_mouse_is_off_until_toggled_and_q_quits() {
    let mut app = sample();
    assert!(!app.mouse);
    typed(&mut app, "m");
    assert!(app.mouse);
    typed(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn any_size_and_any_text_draws_without_panic() {
    let long = "x".repeat(20_000);
    let text = format!(
        "# 見出し\n\n東京で会議が開かれた。🙂🙂 e\u{301}\u{301} مرحبا بالعالم *stress* **bold\n\n{long}\n\n\tTabbed line said the minister on Friday.\n"
    );
    let (doc, _) = Document::from_text(&text, Meta::default());
    for mut app in [sample(), app_for(doc)] {
        for (w, h) in [
            (1, 1),
            (10, 3),
            (29, 7),
            (30, 8),
            (40, 12),
            (99, 30),
            (100, 30),
            (250, 70),
        ] {
            for action in [FocusArticle, Bottom, FocusClaims, Bottom, Open, Help] {
                app.handle(action);
                draw(&mut app, w, h);
            }
            app.handle(Back);
        }
    }
}

#[test]
fn rows_are_clipped_to_their_width_with_an_ellipsis() {
    use super::widgets::clip;
    assert_eq!(clip("a  b\n c", 5), "a b c");
    assert_eq!(clip("abcdef", 5), "abcd…");
    assert_eq!(clip("日本語です", 5), "日本…");
    assert_eq!(clip("abc", 0), "");
}

#[test]
fn with_the_mouse_a_click_selects_and_the_wheel_scrolls() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mut app = sample();
    draw(&mut app, 160, 45);
    let plan = plan(&app, 160, 45);
    let claims = plan.inside(Pane::Claims).expect("the claims pane is drawn");
    let mouse = |kind, column, row| MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    // The second row of the third claim.
    app.handle_mouse(
        mouse(
            MouseEventKind::Down(MouseButton::Left),
            claims.x + 3,
            claims.y + 5,
        ),
        &plan,
    );
    assert_eq!(app.reader().focus, Pane::Claims);
    assert_eq!(app.reader().current, Some(Item::Claim(2)));
    let article = plan.inside(Pane::Article).expect("the article is drawn");
    app.handle_mouse(
        mouse(MouseEventKind::ScrollDown, article.x + 1, article.y + 1),
        &plan,
    );
    assert_eq!(app.reader().focus, Pane::Article);
    let doc = app.reader().doc.clone().unwrap();
    assert_ne!(app.reader_mut().article.top_byte(&doc), 0);
}

#[test]
fn a_jump_from_a_tab_is_placed_at_the_article_size_it_is_drawn_at() {
    let mut app = sample();
    draw(&mut app, 200, 50);
    draw(&mut app, 80, 24);
    run(&mut app, &[FocusClaims, Down, Down, Down, Open]);
    draw(&mut app, 80, 24);
    let start = app.reader().analysis.as_ref().unwrap().claims[3].span.start;
    let doc = app.reader().doc.clone().unwrap();
    assert!(app.reader_mut().article.shows(&doc, start));
    assert_ne!(app.reader_mut().article.top_byte(&doc), 0);
}

#[test]
fn a_resize_keeps_the_words_at_the_top() {
    let mut app = sample();
    draw(&mut app, 80, 24);
    run(&mut app, &[Down; 9]);
    let doc = app.reader().doc.clone().unwrap();
    let before = app.reader_mut().article.top_byte(&doc);
    draw(&mut app, 130, 30);
    let doc = app.reader().doc.clone().unwrap();
    let after = app.reader_mut().article.top_byte(&doc);
    assert!(after <= before && before - after < 130, "{before} {after}");
}

#[test]
fn a_help_taller_than_the_terminal_scrolls() {
    let mut app = sample();
    run(&mut app, &[Help]);
    let first = draw(&mut app, 40, 12).backend().to_string();
    assert!(first.contains("quit") && first.contains("j/k scroll"));
    run(&mut app, &[PageDown; 40]);
    let last = draw(&mut app, 40, 12).backend().to_string();
    assert!(
        last.contains("corrected or added") && !last.contains("q/ctrl-c"),
        "{last}"
    );
    run(&mut app, &[Back]);
    assert!(!app.help);
}

#[test]
fn with_the_mouse_a_click_on_a_tab_brings_its_pane() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mut app = sample();
    draw(&mut app, 80, 24);
    let plan = plan(&app, 80, 24);
    let (_, timeline) = plan.tabs[3];
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: timeline.x + 1,
        row: timeline.y,
        modifiers: KeyModifiers::NONE,
    };
    app.handle_mouse(click, &plan);
    assert_eq!(app.reader().focus, Pane::Timeline);
}

#[test]
fn pane_sizes_from_the_configuration_are_honoured() {
    use super::sizes::PaneSizes;
    let mut app = sample();
    app.sizes = PaneSizes {
        side: 30,
        wide: 120,
    };
    draw(&mut app, 110, 30);
    assert!(app.reader().narrow, "below `wide` the panes are tabs");
    draw(&mut app, 160, 30);
    assert!(!app.reader().narrow);
    let plan = plan(&app, 160, 30);
    let width = |pane: usize| plan.panes[pane].map_or(0, |r| r.width);
    assert_eq!((width(0), width(1)), (112, 48), "30% of 160 on the right");
    app.sizes = PaneSizes::default();
    draw(&mut app, 110, 30);
    assert!(!app.reader().narrow);
}

#[path = "library_tests.rs"]
mod library;

#[path = "review_tests.rs"]
mod review;

#[path = "across_tests.rs"]
mod across;

#[test]
fn bidirectional_controls_are_never_drawn() {
    let text = "Officials said the vote was \u{202E}dekcir\u{202C} on Friday. \u{2067}Talks\u{2069} resume.";
    let (doc, _) = Document::from_text(text, Meta::default());
    let mut app = app_for(doc);
    let terminal = draw(&mut app, 160, 20);
    let shown: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(shown.contains("dekcir"), "the words are drawn");
    assert!(!shown.chars().any(super::text::is_bidi_control), "{shown}");
}

#[test]
fn without_a_published_date_the_timeline_says_a_date_would_resolve_open_dates() {
    let text = "Rebels took the airport on Friday. Talks resume next week.";
    let (doc, _) = Document::from_text(text, Meta::default());
    let mut app = app_for(doc);
    let screen = format!("{:?}", draw(&mut app, 160, 30).backend());
    assert!(
        screen.contains("2 dates left open: a published date would resolve them"),
        "{screen}"
    );
    let meta = Meta {
        published: "2024-11-23".parse().ok(),
        ..Meta::default()
    };
    let (doc, _) = Document::from_text(text, meta);
    let mut app = app_for(doc);
    let screen = format!("{:?}", draw(&mut app, 160, 30).backend());
    assert!(!screen.contains("left open"), "{screen}");
}

#[test]
fn a_date_read_from_the_dateline_is_shown_as_one() {
    let text = "Harbour plan approved\nFriday, July 21, 2017\n\nThe council voted on Thursday to dredge the harbour.";
    let (doc, _) = Document::from_text(text, Meta::default());
    let mut app = app_for(doc);
    let screen = format!("{:?}", draw(&mut app, 160, 30).backend());
    assert!(screen.contains("Fri 21 Jul 2017 (dateline)"), "{screen}");
    assert!(
        screen.contains("published 2017-07-21, from the dateline"),
        "{screen}"
    );
    assert!(!screen.contains("left open"), "{screen}");
    // with room, the foot says how to correct it
    let screen = format!("{:?}", draw(&mut app, 200, 30).backend());
    assert!(
        screen.contains("from the dateline (--published to correct)"),
        "{screen}"
    );
    // a date given is not a guess
    let mut meta = Meta::default();
    meta.give_published("2017-07-22".parse().ok());
    let (doc, _) = Document::from_text(text, meta);
    let mut app = app_for(doc);
    let screen = format!("{:?}", draw(&mut app, 160, 30).backend());
    assert!(screen.contains("Sat 22 Jul 2017"), "{screen}");
    assert!(!screen.contains("dateline"), "{screen}");
}

#[test]
fn timeline_dates_are_in_words_and_never_run_into_the_label() {
    let text = "Missiles struck the port overnight. The ministry said it will open a plant in 2025. \
                Ferries stopped running last week. Crews repaired the bridge on Monday. \
                Sales grew in the third quarter of 2023.";
    let meta = Meta {
        published: "2024-03-05".parse().ok(),
        ..Meta::default()
    };
    let (doc, _) = Document::from_text(text, meta);
    let mut app = app_for(doc);
    app.handle(FocusTimeline);
    insta::assert_snapshot!("timeline_words", draw(&mut app, 80, 12).backend());
    let analysis = app.reader().analysis.clone().expect("analysed");
    for width in 30..=160 {
        let terminal = draw(&mut app, width, 40);
        let pane = plan(&app, width, 40)
            .inside(Pane::Timeline)
            .expect("the timeline is drawn");
        let buffer = terminal.backend().buffer();
        let rows: Vec<String> = (pane.top()..pane.bottom())
            .map(|y| {
                let cells = pane.left()..pane.right();
                cells.map(|x| buffer[(x, y)].symbol()).collect()
            })
            .collect();
        for event in &analysis.timeline {
            let head: String = event.label.chars().take(4).collect();
            let row = rows.iter().find(|r| r.contains(&head));
            let row = row.unwrap_or_else(|| panic!("{head} at {width}: {rows:#?}"));
            let at = row.find(&head).expect("found");
            assert!(row[..at].ends_with(' '), "{width}: {row}");
        }
    }
}

#[test]
fn the_article_reaches_100_percent_at_its_end() {
    let mut app = sample();
    let top = format!("{:?}", draw(&mut app, 100, 30).backend());
    assert!(!top.contains(" 100% "), "{top}");
    run(&mut app, &[FocusArticle, Bottom]);
    let end = format!("{:?}", draw(&mut app, 100, 30).backend());
    assert!(end.contains(" 100% "), "{end}");
}

#[test]
fn a_pdfs_page_at_the_top_of_the_article_is_shown_beside_the_percent() {
    let (mut doc, _) = Document::from_bytes(crate::SAMPLE).expect("the sample reads");
    // the sample as if read from a PDF of two pages, the second from its middle
    doc.pages = vec![0, doc.text.len() / 2];
    let mut app = app_for(doc);
    let top = format!("{:?}", draw(&mut app, 100, 30).backend());
    assert!(top.contains(" p. 1 of 2 · "), "{top}");
    run(&mut app, &[FocusArticle, Bottom]);
    let end = format!("{:?}", draw(&mut app, 100, 30).backend());
    assert!(end.contains(" p. 2 of 2 · 100% "), "{end}");
}

#[test]
fn on_a_text_that_is_not_english_the_panes_say_why_they_are_empty() {
    let text = "El gobierno anunció ayer que las nuevas medidas entrarán en vigor durante \
                la próxima semana. Según el ministro, los precios bajarán pronto porque \
                las empresas tendrán menos costes.";
    let (doc, _) = Document::from_text(text, Meta::default());
    let mut app = app_for(doc);
    assert!(!app.reader().analysis.as_ref().unwrap().english);
    let screen = format!("{:?}", draw(&mut app, 160, 30).backend());
    for what in ["no claims", "no actors", "no events"] {
        assert!(screen.contains(what), "{screen}");
    }
    assert_eq!(
        screen.matches("does not read as English").count(),
        3,
        "{screen}"
    );
    // a short pane shows the reason whole, wrapped to its width
    let short = format!("{:?}", draw(&mut app, 120, 16).backend());
    assert_eq!(short.matches("is analysed").count(), 3, "{short}");
}

#[test]
fn a_search_for_a_space_finds_the_spaces() {
    let mut app = sample();
    run(&mut app, &[Search]);
    typed(&mut app, " ");
    let bar = status(&draw(&mut app, 120, 30));
    assert!(!bar.contains("no match"), "{bar}");
    assert!(app.reader().search.current.is_some(), "{bar}");
}

#[test]
fn a_long_message_is_cut_in_the_middle_so_its_end_shows() {
    let mut app = sample();
    let long = format!(
        "exported to /home/analyst/exports/{}-2024-11-23.md",
        "a-rather-long-title-slug".repeat(4)
    );
    app.message = Some(long.clone());
    let bar = status(&draw(&mut app, 80, 24));
    assert!(bar.starts_with("\" exported to /home/"), "{bar}");
    assert!(bar.ends_with("-slug-2024-11-23.md\""), "{bar}");
    assert!(bar.contains('…'), "{bar}");
    assert_eq!(super::widgets::clip_middle(&long, 200), long);
    assert_eq!(super::widgets::clip_middle("日本語の文章", 7), "日…文章");
    assert_eq!(super::widgets::clip_middle("abc", 0), "");
}
