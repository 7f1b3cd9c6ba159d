//! The library through the app's own event handling: the list, its order and filter, open
//! and back with the position kept, the search across briefings, and a snapshot.

use std::path::PathBuf;

use super::{Action::*, App, Keymap, draw, plan, run, typed};
use crate::analysis::{UserLexicon, analyze};
use crate::document::Document;
use crate::index::indexed;
use crate::tui::library::scan::{Arrived, Found, Report};
use crate::tui::library::{Analysed, Library, Status};

/// Three briefings, a file that could not be read, and one still being read.
const FILES: [(&str, &str); 3] = [
    (
        "harbour.md",
        "---\ntitle: Harbour dredging delayed\nsource: Coastal Wire\npublished: 2024-03-02\n---\n\n\
         The port authority said the dredging would start in May.\n\n\
         Engineers warned that the channel was silting up.\n",
    ),
    (
        "notes.txt",
        "The mayor said the budget vote was postponed.\n\nCouncillors denied that the vote was \
         delayed by the auditors.\n",
    ),
    (
        "rail.md",
        "---\ntitle: Rail strike called off\nsource: Metro Report\npublished: 2024-09-14\n---\n\n\
         The union said the strike was called off after talks.\n\nA spokesperson told reporters \
         that the quartermaster's office had approved the deal.\n",
    ),
];

fn briefing(text: &str) -> Analysed {
    let (doc, warnings) = Document::from_bytes(text.as_bytes()).expect("a briefing");
    let analysis = analyze(&doc, &UserLexicon::default());
    Analysed {
        doc,
        analysis,
        warnings,
        reviewed: 0,
    }
}

fn library() -> App {
    let mut found: Vec<Found> = FILES
        .iter()
        .chain([&("slow.md", "")])
        .map(|(name, _)| Found {
            path: PathBuf::from(name),
            name: name.to_string(),
            error: None,
        })
        .collect();
    found.push(Found {
        path: PathBuf::from("locked.md"),
        name: "locked.md".into(),
        error: Some("permission denied".into()),
    });
    let mut library = Library::new(vec![PathBuf::from("briefs")], found);
    for (index, (_, text)) in FILES.iter().enumerate() {
        let arrived = Arrived {
            generation: library.generation,
            index,
            item: None,
            result: Ok(briefing(text)),
        };
        assert_eq!(library.arrived(arrived), None);
    }
    App::with_library(library, Keymap::default())
}

/// The titles in the order shown.
fn titles(app: &App) -> Vec<String> {
    let library = app.library.as_ref().expect("a library");
    library
        .view
        .iter()
        .map(|&i| library.entries[i].title().to_string())
        .collect()
}

fn selected_title(app: &App) -> String {
    let library = app.library.as_ref().expect("a library");
    library.entries[library.selected().expect("a selection")]
        .title()
        .to_string()
}

#[test]
fn the_list_shows_every_file_newest_first_then_undated() {
    let app = library();
    assert!(app.in_library());
    assert_eq!(
        titles(&app),
        [
            "Rail strike called off",
            "Harbour dredging delayed",
            "locked.md",
            "notes.txt",
            "slow.md"
        ]
    );
    let library = app.library.as_ref().unwrap();
    assert!(matches!(library.entries[4].status, Status::Failed(_)));
    assert!(matches!(library.entries[3].status, Status::Reading));
    assert_eq!(library.reading(), 1);
}

#[test]
fn o_cycles_the_order_and_the_selection_stays_on_its_briefing() {
    let mut app = library();
    run(&mut app, &[Down]);
    assert_eq!(selected_title(&app), "Harbour dredging delayed");
    run(&mut app, &[Sort]);
    assert_eq!(
        titles(&app)[..2],
        ["Harbour dredging delayed", "Rail strike called off"]
    );
    assert_eq!(selected_title(&app), "Harbour dredging delayed");
    run(&mut app, &[Sort]);
    assert_eq!(
        titles(&app),
        [
            "Harbour dredging delayed",
            "locked.md",
            "notes.txt",
            "Rail strike called off",
            "slow.md"
        ]
    );
    run(&mut app, &[Sort]);
    assert_eq!(titles(&app)[0], "Rail strike called off");
}

#[test]
fn slash_filters_by_title_source_and_file_name_and_esc_clears() {
    let mut app = library();
    run(&mut app, &[Search]);
    typed(&mut app, "metro");
    assert_eq!(titles(&app), ["Rail strike called off"]);
    app.handle_key(key(crossterm::event::KeyCode::Enter));
    run(&mut app, &[Back]);
    assert_eq!(titles(&app).len(), 5);
    run(&mut app, &[Search]);
    typed(&mut app, "NOTES");
    assert_eq!(titles(&app), ["notes.txt"]);
    typed(&mut app, "x");
    assert!(titles(&app).is_empty());
    app.handle_key(key(crossterm::event::KeyCode::Esc));
    assert_eq!(titles(&app).len(), 5);
}

fn key(code: crossterm::event::KeyCode) -> crossterm::event::KeyEvent {
    crossterm::event::KeyEvent::new(code, crossterm::event::KeyModifiers::NONE)
}

#[test]
fn enter_opens_the_briefing_and_esc_or_b_come_back_to_the_same_place() {
    let mut app = library();
    run(&mut app, &[Down, Open]);
    assert!(!app.in_library());
    let doc = app.reader().doc.as_ref().expect("opened");
    assert_eq!(doc.meta.title.as_deref(), Some("Harbour dredging delayed"));
    assert!(app.reader().analysis.is_some());
    run(&mut app, &[FocusClaims, Down, Back]);
    assert!(app.in_library());
    assert_eq!(selected_title(&app), "Harbour dredging delayed");
    run(&mut app, &[Up, Open, OpenLibrary]);
    assert!(app.in_library());
    assert_eq!(selected_title(&app), "Rail strike called off");
    // An unreadable file says why instead of opening.
    run(&mut app, &[Down, Down, Open]);
    assert!(app.in_library());
    let notice = app.library.as_ref().unwrap().notice.clone().unwrap();
    assert!(notice.contains("permission denied"), "{notice}");
}

#[test]
fn a_briefing_still_being_read_opens_when_it_arrives() {
    let mut app = library();
    run(&mut app, &[Bottom, Open]);
    assert!(app.in_library());
    let library = app.library.as_ref().unwrap();
    assert!(library.notice.as_deref().unwrap().contains("slow.md"));
    let arrived = Arrived {
        generation: library.generation,
        index: 3,
        item: None,
        result: Ok(briefing("The minister said the talks would resume.\n")),
    };
    app.arrived(Report::Arrived(Box::new(arrived)));
    assert!(!app.in_library());
    assert_eq!(app.reader().name, "slow.md");
}

#[test]
fn the_search_across_briefings_opens_the_briefing_at_the_hit() {
    let mut app = library();
    run(&mut app, &[SearchLibrary]);
    typed(&mut app, "quartermaster");
    app.handle_key(key(crossterm::event::KeyCode::Enter));
    let hits = app.library.as_ref().unwrap().hits.as_ref().unwrap();
    assert_eq!(hits.list.len(), 1);
    assert!(hits.list[0].context.contains("quartermaster's office"));
    let span = hits.list[0].span;
    run(&mut app, &[Open]);
    assert!(!app.in_library());
    let doc = app.reader().doc.clone().unwrap();
    assert_eq!(doc.meta.title.as_deref(), Some("Rail strike called off"));
    assert_eq!(app.reader().search.query, "quartermaster");
    let current = app
        .reader()
        .search
        .current
        .expect("the hit is the current match");
    assert_eq!(
        app.reader().search.matches.nth(&doc.text, current),
        Some(span)
    );
    // Esc ends the search in the article, then goes back to the hits; then closes them.
    run(&mut app, &[Back, Back]);
    assert!(app.in_library());
    assert!(app.library.as_ref().unwrap().hits.is_some());
    run(&mut app, &[Back]);
    assert!(app.library.as_ref().unwrap().hits.is_none());
    run(&mut app, &[SearchLibrary]);
    typed(&mut app, "said");
    let hits = &app.library.as_ref().unwrap().hits.as_ref().unwrap().list;
    let briefings: std::collections::BTreeSet<usize> = hits.iter().map(|h| h.entry).collect();
    assert_eq!(briefings.len(), 3, "{hits:?}");
}

#[test]
fn the_search_across_briefings_is_found_off_the_screen_and_a_newer_one_wins() {
    use std::sync::atomic::Ordering;
    let mut app = library();
    run(&mut app, &[SearchLibrary]);
    let press = |app: &mut App, c: char| app.handle_key(key(crossterm::event::KeyCode::Char(c)));
    // each key asks for a search and shows it pending; nothing is searched on the key
    press(&mut app, 's');
    let library = app.library.as_mut().unwrap();
    assert!(library.hits.as_ref().unwrap().pending);
    let older = library.search_wanted.take().expect("a search asked for");
    press(&mut app, 'a');
    let library = app.library.as_mut().unwrap();
    let newer = library.search_wanted.take().expect("a search asked for");
    assert!(
        older.stop.load(Ordering::Relaxed),
        "the older search is stopped"
    );
    assert!(!newer.stop.load(Ordering::Relaxed));
    // the newer one's hits are kept, the older one's (arriving late) dropped
    library.found(newer.run(None));
    let kept = library.hits.as_ref().unwrap().list.clone();
    assert!(!kept.is_empty() && !library.hits.as_ref().unwrap().pending);
    older.stop.store(false, Ordering::Relaxed);
    library.found(older.run(None));
    assert_eq!(library.hits.as_ref().unwrap().list, kept);
    // closed, the search running is stopped too
    run(&mut app, &[Back]);
    assert!(newer.stop.load(Ordering::Relaxed));
}

#[test]
fn the_search_running_stops_wherever_its_hits_are_dropped() {
    use std::sync::atomic::Ordering;
    let mut app = library();
    let asked = |app: &mut App| {
        let press =
            |app: &mut App, c: char| app.handle_key(key(crossterm::event::KeyCode::Char(c)));
        run(app, &[SearchLibrary]);
        press(app, 's');
        let library = app.library.as_mut().unwrap();
        library.search_wanted.take().expect("a search asked for")
    };
    // esc while typing
    let job = asked(&mut app);
    app.handle_key(key(crossterm::event::KeyCode::Esc));
    assert!(app.library.as_ref().unwrap().hits.is_none());
    assert!(job.stop.load(Ordering::Relaxed));
    // S again
    let job = asked(&mut app);
    run(&mut app, &[SearchLibrary]);
    assert!(job.stop.load(Ordering::Relaxed));
    // a rescan
    let job = asked(&mut app);
    app.library.as_mut().unwrap().scanned(Vec::new());
    assert!(job.stop.load(Ordering::Relaxed));
}

#[test]
fn with_the_mouse_a_click_selects_a_row_and_the_wheel_moves() {
    use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut app = library();
    draw(&mut app, 100, 12);
    let plan = plan(&app, 100, 12);
    let rows = plan.rows.expect("drawn");
    let mouse = |kind, row| MouseEvent {
        kind,
        column: rows.x + 3,
        row,
        modifiers: KeyModifiers::NONE,
    };
    app.handle_mouse(
        mouse(MouseEventKind::Down(MouseButton::Left), rows.y + 1),
        &plan,
    );
    assert_eq!(selected_title(&app), "Harbour dredging delayed");
    app.handle_mouse(
        mouse(MouseEventKind::Down(MouseButton::Left), rows.y + 9),
        &plan,
    );
    assert_eq!(
        selected_title(&app),
        "Harbour dredging delayed",
        "below the rows"
    );
    app.handle_mouse(mouse(MouseEventKind::ScrollDown, rows.y), &plan);
    assert_eq!(selected_title(&app), "slow.md");
}

#[test]
fn the_library_screen() {
    let mut app = library();
    run(&mut app, &[Down]);
    insta::assert_snapshot!("library_100x12", draw(&mut app, 100, 12).backend());
    insta::assert_snapshot!("library_60x12", draw(&mut app, 60, 12).backend());
    run(&mut app, &[SearchLibrary]);
    typed(&mut app, "said");
    insta::assert_snapshot!("library_search_100x12", draw(&mut app, 100, 12).backend());
}

#[test]
fn a_row_counts_the_claims_reviewed_in_the_reader() {
    let mut app = library();
    let claims = |app: &App| {
        let library = app.library.as_ref().unwrap();
        library.entries[library.selected().unwrap()].claims()
    };
    let (reviewed, total) = claims(&app).expect("read");
    assert_eq!(reviewed, 0);
    assert!(total > 0, "the briefing has claims");
    run(&mut app, &[Open, FocusClaims, MarkDisputed, OpenLibrary]);
    assert!(app.in_library());
    assert_eq!(claims(&app), Some((1, total)));
    let screen = draw(&mut app, 100, 12).backend().to_string();
    assert!(screen.contains(&format!("1/{total}")), "{screen}");
}

#[test]
fn review_changes_left_unsaved_in_a_briefing_are_asked_about_at_quit() {
    // No data dir: each briefing's review is in memory only.
    let mut app = library();
    run(&mut app, &[Open, FocusClaims, MarkSupported]);
    assert!(app.reader().unsaved);
    run(&mut app, &[OpenLibrary, Down, Open]);
    assert!(!app.reader().unsaved, "nothing changed in this one");
    assert_eq!(app.lost, 1);
    run(&mut app, &[Quit]);
    assert!(!app.quit);
    assert!(app.message.as_deref().unwrap().contains("not saved"));
    run(&mut app, &[Quit]);
    assert!(app.quit);
}

#[test]
fn one_briefing_is_counted_in_the_singular_and_the_help_lists_the_library_keys() {
    let found = vec![Found {
        path: PathBuf::from("harbour.md"),
        name: "harbour.md".into(),
        error: None,
    }];
    let mut library = Library::new(vec![PathBuf::from("briefs")], found);
    let arrived = Arrived {
        generation: library.generation,
        index: 0,
        item: None,
        result: Ok(briefing(FILES[0].1)),
    };
    library.arrived(arrived);
    let mut app = App::with_library(library, Keymap::default());
    let screen = draw(&mut app, 100, 12).backend().to_string();
    assert!(screen.contains(" 1 briefing "), "{screen}");
    run(&mut app, &[Help]);
    let screen = draw(&mut app, 120, 40).backend().to_string();
    for words in ["library order", "rescan the folder", "search library"] {
        assert!(screen.contains(words), "{screen}");
    }
}

#[test]
fn a_briefing_opened_again_from_the_list_keeps_its_unsaved_review() {
    // No data dir: the review is in memory only, so reloading the briefing would lose it.
    let mut app = library();
    run(&mut app, &[Open, FocusClaims, MarkSupported]);
    let reviewed = app.reader().reviewed();
    assert_eq!(reviewed, 1);
    run(&mut app, &[OpenLibrary, Open]);
    assert!(app.reader().unsaved);
    assert_eq!(app.reader().reviewed(), reviewed);
    // at quit, the list shows the question
    run(&mut app, &[OpenLibrary, Quit]);
    assert!(!app.quit);
    let screen = draw(&mut app, 100, 12).backend().to_string();
    assert!(screen.contains("not saved"), "{screen}");
}

#[test]
fn a_library_the_index_holds_is_listed_at_once_and_read_when_opened() {
    use crate::briefing::Opener;
    use crate::index::{Index, update};
    use crate::tui::library::scan;
    let (dir, mut index, root) = indexed(&FILES);
    let (briefs, data) = (dir.path().join("briefs"), dir.path().join("data"));
    let opener = Opener::default();
    // a file the index does not hold yet is read as without one
    std::fs::write(
        briefs.join("late.md"),
        "The minister said talks would resume.\n",
    )
    .unwrap();
    let mut library = Library::new(vec![briefs.clone()], scan::scan(&[briefs]));
    library.index = Some(Index::open(&data).unwrap());
    library.made = update::made(&opener);
    library.list_from_index(&opener.reviews);
    assert_eq!(library.reading(), 1);
    assert!(
        library
            .entries
            .iter()
            .all(|e| matches!(e.status, Status::Indexed(_) | Status::Reading))
    );
    let mut app = App::with_library(library, Keymap::default());
    assert_eq!(
        titles(&app),
        [
            "Rail strike called off",
            "Harbour dredging delayed",
            "late.md",
            "notes.txt"
        ]
    );
    let rail = &app.library.as_ref().unwrap().entries[3];
    assert_eq!(rail.claims(), Some((0, 2)));
    // the update in the background lists the new file once it has written it
    let mut written = Vec::new();
    let listed = |paths: &[std::path::PathBuf], _, _| written.extend_from_slice(paths);
    update::update(&mut index, &[root], &opener, 1, listed).unwrap();
    app.indexed(&written);
    assert_eq!(app.library.as_ref().unwrap().reading(), 0);
    // the search across the library reads the texts from the index
    run(&mut app, &[SearchLibrary]);
    typed(&mut app, "quartermaster");
    app.handle_key(key(crossterm::event::KeyCode::Enter));
    let hits = &app.library.as_ref().unwrap().hits.as_ref().unwrap().list;
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0].context.contains("quartermaster's office"),
        "{hits:?}"
    );
    assert_eq!(hits[0].claim, Some(1));
    // opened, it is read, and opens at the hit when it arrives
    run(&mut app, &[Open]);
    assert!(app.in_library());
    let library = app.library.as_mut().unwrap();
    let wanted = std::mem::take(&mut library.wanted);
    assert_eq!(wanted.len(), 1);
    let (index, path) = wanted[0].clone();
    let arrived = Arrived {
        generation: library.generation,
        index,
        item: None,
        result: scan::read(&path, &opener),
    };
    app.arrived(Report::Arrived(Box::new(arrived)));
    assert!(!app.in_library());
    let doc = app.reader().doc.clone().unwrap();
    assert_eq!(doc.meta.title.as_deref(), Some("Rail strike called off"));
    assert_eq!(app.reader().search.query, "quartermaster");
}

#[test]
fn the_published_date_is_set_from_the_list_and_the_row_shows_it() {
    let mut app = library();
    let date = |app: &App| {
        let library = app.library.as_ref().unwrap();
        library.entries[library.selected().unwrap()].published()
    };
    let title = selected_title(&app);
    run(&mut app, &[SetPublished]);
    // the briefing opens, asking for its date
    assert!(!app.in_library());
    let screen = draw(&mut app, 100, 24).backend().to_string();
    assert!(screen.contains(" published "), "{screen}");
    let typed = app.reader().doc.as_ref().unwrap().meta.published;
    let text: String = typed.map_or(String::new(), |d| d.to_string());
    for _ in 0..text.len() {
        app.handle_key(key(crossterm::event::KeyCode::Backspace));
    }
    for c in "1 March 2031".chars() {
        app.handle_key(key(crossterm::event::KeyCode::Char(c)));
    }
    app.handle_key(key(crossterm::event::KeyCode::Enter));
    run(&mut app, &[OpenLibrary]);
    assert!(app.in_library());
    assert_eq!(selected_title(&app), title);
    assert_eq!(date(&app), Some("2031-03-01".parse().unwrap()));
    let screen = draw(&mut app, 100, 12).backend().to_string();
    assert!(screen.contains("2031-03-01"), "{screen}");
}

/// `P` on a briefing still being read: the date is asked for once it is read and opens.
#[test]
fn the_published_date_asked_of_a_briefing_still_read_is_asked_when_it_opens() {
    let mut app = library();
    run(&mut app, &[Bottom]);
    assert_eq!(selected_title(&app), "slow.md");
    run(&mut app, &[SetPublished]);
    assert!(app.in_library(), "still being read");
    let library = app.library.as_mut().unwrap();
    let index = library.selected().unwrap();
    let arrived = Arrived {
        generation: library.generation,
        index,
        item: None,
        result: Ok(briefing(
            "The ministry said on Friday that talks would resume.\n",
        )),
    };
    app.arrived(Report::Arrived(Box::new(arrived)));
    assert!(!app.in_library());
    let screen = draw(&mut app, 100, 24).backend().to_string();
    assert!(screen.contains(" published "), "{screen}");
}

/// Two briefings naming one union leader and one shipping firm, indexed in a temporary
/// folder, opened as a library from the index.
fn indexed_pair() -> (tempfile::TempDir, App) {
    let files = [
        (
            "strike.md",
            "---\ntitle: Dock strike begins\npublished: 2024-05-06\n---\n\n\
             Kestrel Shipping Corporation said on Monday that its cranes had stopped.\n\n\
             Tomas Varga, who leads the dockers, said the strike would last a week.\n",
        ),
        (
            "talks.md",
            "---\ntitle: Dock talks stall\npublished: 2024-05-09\n---\n\n\
             Kestrel said the talks with the dockers ended on Wednesday.\n\n\
             Varga denied that the dockers had walked out of the talks.\n",
        ),
    ];
    indexed_app(&files)
}

/// `files` indexed in a temporary folder and opened as a library from the index.
pub(super) fn indexed_app(files: &[(&str, &str)]) -> (tempfile::TempDir, App) {
    use crate::briefing::Opener;
    use crate::index::update;
    use crate::tui::library::scan;
    let (dir, index, root) = indexed(files);
    let opener = Opener::default();
    let mut library = Library::new(vec![root.clone()], scan::scan(&[root]));
    library.index = Some(index);
    library.made = update::made(&opener);
    library.list_from_index(&opener.reviews);
    (dir, App::with_library(library, Keymap::default()))
}

/// The screen without its title bar (which shows the temporary folder).
pub(super) fn body(app: &mut App, width: u16, height: u16) -> String {
    let screen = draw(app, width, height).backend().to_string();
    screen.lines().skip(1).collect::<Vec<_>>().join("\n")
}

#[test]
fn the_views_across_briefings_link_actors_gather_a_dossier_and_merge_the_timelines() {
    let (dir, mut app) = indexed_pair();
    run(&mut app, &[LibraryActors]);
    insta::assert_snapshot!("library_actors_100x10", body(&mut app, 100, 10));

    // the link under the first actor, rejected: saved in the library review, still shown
    run(&mut app, &[Down, MarkRejected]);
    let library = app.library.as_ref().unwrap();
    assert!(
        library.notice.as_deref().unwrap().ends_with("rejected"),
        "{:?}",
        library.notice
    );
    assert!(dir.path().join("data/reviews/library.json").exists());
    let screen = body(&mut app, 100, 10);
    assert!(screen.contains("analyst ×0 · rejected"), "{screen}");
    run(&mut app, &[ClearStatus]);
    let screen = body(&mut app, 100, 10);
    assert!(screen.contains("· 2 briefings · also Kestrel"), "{screen}");

    // an actor's dossier, and a row of it opens its briefing
    run(&mut app, &[Top, Open]);
    insta::assert_snapshot!("library_dossier_100x10", body(&mut app, 100, 10));
    run(&mut app, &[Open]);
    assert_eq!(app.library.as_ref().unwrap().wanted.len(), 1);

    // Esc goes back to the actors; the timeline across briefings by date
    let library = app.library.as_mut().unwrap();
    library.wanted.clear();
    run(&mut app, &[Back]);
    assert!(body(&mut app, 100, 10).contains("Actors across briefings"));
    run(&mut app, &[LibraryTimeline]);
    insta::assert_snapshot!("library_timeline_100x10", body(&mut app, 100, 10));
    run(&mut app, &[Back]);
    assert!(app.library.as_ref().unwrap().across.is_none());
}

#[test]
fn the_claims_across_briefings_are_grouped_decided_and_open_their_briefing() {
    let (dir, mut app) = indexed_app(&super::across::ENGINES);
    run(&mut app, &[LibraryClaims]);
    let screen = body(&mut app, 100, 14);
    assert!(screen.contains("Claims across briefings"), "{screen}");
    assert!(
        screen.contains("G1 corroborates · 2 briefings, 1 source · reported in 2 briefings"),
        "{screen}"
    );
    assert!(
        screen.contains("G2 contradicts · 3 briefings, 2 sources"),
        "{screen}"
    );
    assert!(
        screen.contains("b: reports that Norvania had supplied"),
        "{screen}"
    );

    // the contradiction rejected: saved in the library review, the selection kept on it
    let g2 = screen.lines().position(|l| l.contains("G2")).unwrap() - 1;
    run(&mut app, &vec![Down; g2]);
    run(&mut app, &[MarkRejected]);
    let library = app.library.as_ref().unwrap();
    assert_eq!(
        library.notice.as_deref(),
        Some("claims that contradicts: rejected")
    );
    assert!(dir.path().join("data/reviews/library.json").exists());
    assert!(body(&mut app, 100, 14).contains("2 sources · rejected"));

    // a claim opens its briefing
    run(&mut app, &[Down, Open]);
    assert_eq!(app.library.as_ref().unwrap().wanted.len(), 1);
}

/// A feed of two items, an mbox of two messages, and a Markdown briefing.
const SEVERAL: [(&str, &str); 3] = [
    (
        "desk.mbox",
        include_str!("../../tests/fixtures/mail/ferry.mbox"),
    ),
    (
        "feed.rss",
        "<rss><channel><title>Wire</title>\
         <item><title>Council votes</title><description>The council voted.</description></item>\
         <item><title>Talks end</title><description>Talks ended.</description></item>\
         </channel></rss>",
    ),
    ("one.md", "---\ntitle: One\n---\n\nThe minister spoke.\n"),
];

/// The titles shown, sorted.
fn sorted_titles(library: Library) -> Vec<String> {
    let mut titles = titles(&App::with_library(library, Keymap::default()));
    titles.sort();
    titles
}

#[test]
fn a_file_of_several_briefings_is_one_entry_until_read_then_each_of_them() {
    use crate::briefing::Opener;
    use crate::index::update;
    use crate::tui::library::scan;
    let (dir, index, root) = indexed(&SEVERAL);
    let briefs = dir.path().join("briefs");
    // listing reads nothing: a file of several is one entry
    let found = scan::scan(std::slice::from_ref(&briefs));
    let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["desk.mbox", "feed.rss", "one.md"]);

    // read, each file is split once and its briefings read by every thread
    let mut library = Library::new(vec![briefs.clone()], found.clone());
    let (send, reports) = std::sync::mpsc::channel();
    let opener = std::sync::Arc::new(Opener::default());
    let files = library.to_read();
    scan::read_all(library.generation, files, 2, opener.clone(), move |r| {
        let _ = send.send(r);
    });
    for report in reports {
        match report.unwrap() {
            Report::Arrived(arrived) => assert_eq!(library.arrived(*arrived), None),
            Report::Split {
                generation,
                index,
                count,
            } => assert_eq!(library.split(generation, index, count), None),
        }
    }
    assert_eq!(library.reading(), 0);
    assert!(library.view.iter().all(|&i| library.briefing(i).is_some()));
    let expected = [
        "Council votes",
        "Ferry back",
        "Ferry cut",
        "One",
        "Talks end",
    ];
    assert_eq!(sorted_titles(library), expected);

    // with the index, they are listed from its rows without being read
    let mut library = Library::new(vec![root.clone()], scan::scan(&[root]));
    library.index = Some(index);
    library.made = update::made(&opener);
    library.list_from_index(&opener.reviews);
    assert_eq!(library.reading(), 0);
    let names: Vec<&str> = library
        .view
        .iter()
        .map(|&i| library.entries[i].name.as_str())
        .collect();
    assert!(names.contains(&"feed.rss#2") && names.contains(&"desk.mbox#1"));
    assert_eq!(sorted_titles(library), expected);
}

#[test]
fn unread_briefings_are_marked_and_their_marks_outlive_the_reader() {
    use crate::briefing::{Opener, Reviews};
    use crate::tui::library::scan;
    let dir = tempfile::tempdir().unwrap();
    let (briefs, data) = (dir.path().join("briefs"), dir.path().join("data"));
    std::fs::create_dir(&briefs).unwrap();
    for (name, text) in FILES {
        std::fs::write(briefs.join(name), text).unwrap();
    }
    // the reader started on the folder, every briefing read
    let start = || {
        let opener = Opener {
            reviews: Reviews::open(Some(&data), "analyst".into()),
            ..Opener::default()
        };
        let mut library = Library::new(
            vec![briefs.clone()],
            scan::scan(std::slice::from_ref(&briefs)),
        );
        for index in 0..library.entries.len() {
            let path = library.entries[index].path.clone();
            let arrived = Arrived {
                generation: library.generation,
                index,
                item: None,
                result: scan::read(&path, &opener),
            };
            library.arrived(arrived);
        }
        library.load_marks(&opener.reviews);
        let mut app = App::with_library(library, Keymap::default());
        app.opener = std::sync::Arc::new(opener);
        app
    };
    let unread = |app: &App| {
        let library = app.library.as_ref().unwrap();
        let rows = library
            .view
            .iter()
            .map(|&i| library.unread(i) == Some(true));
        (rows.collect::<Vec<_>>(), library.list.selected)
    };
    let mut app = start();
    assert_eq!(unread(&app), (vec![true, true, true], 0));
    let screen = draw(&mut app, 100, 12).backend().to_string();
    assert!(screen.contains("· 3 unread ·"), "{screen}");
    assert!(screen.contains("│N 2024-09-14"), "{screen}");
    // opened and left: read, the count falls
    run(&mut app, &[Open]);
    assert!(!app.in_library());
    run(&mut app, &[OpenLibrary]);
    assert_eq!(unread(&app), (vec![false, true, true], 0));
    let screen = draw(&mut app, 100, 12).backend().to_string();
    assert!(screen.contains("· 2 unread ·"), "{screen}");
    assert!(screen.contains("│  2024-09-14"), "{screen}");
    // the next unread, from the top again at the end, past the one read
    run(&mut app, &[NextUnread]);
    assert_eq!(unread(&app).1, 1);
    run(&mut app, &[NextUnread, NextUnread]);
    assert_eq!(unread(&app).1, 1);
    // marked unread again, and read
    run(&mut app, &[Top, ToggleRead]);
    assert_eq!(unread(&app).0, [true, true, true]);
    run(&mut app, &[ToggleRead]);
    assert_eq!(unread(&app).0, [false, true, true]);
    // kept in the data dir for the next start
    let mut app = start();
    assert_eq!(unread(&app).0, [false, true, true]);
    run(&mut app, &[Down, ToggleRead]);
    let mut app = start();
    assert_eq!(unread(&app).0, [false, false, true]);
    let screen = draw(&mut app, 100, 12).backend().to_string();
    assert!(screen.contains("· 1 unread ·"), "{screen}");
}

#[test]
fn files_changed_are_listed_when_no_update_runs_and_no_search_is_open() {
    use crate::tui::library::scan;
    let (_dir, index, root) = indexed(&[(
        "ferry.md",
        "---\ntitle: Ferry resumes\n---\n\nThe ferry to the island resumed on Monday.\n",
    )]);
    let mut library = Library::new(vec![root.clone()], scan::scan(&[root]));
    library.index = Some(index);
    let mut app = App::with_library(library, Keymap::default());
    // `r` while an update runs waits for its end: two at once lose rows
    run(&mut app, &[Rescan]);
    assert!(!app.rescan_due(true));
    assert!(app.rescan_due(false));
    let library = app.library.as_mut().unwrap();
    library.scanned(scan::scan(&library.roots.clone()));
    // a look's changes found while a search is open keep its query and hits
    run(&mut app, &[SearchLibrary]);
    typed(&mut app, "ferry");
    app.handle_key(key(crossterm::event::KeyCode::Enter));
    app.files_changed();
    assert!(!app.rescan_due(false));
    assert!(app.library.as_ref().unwrap().hits.is_some());
    // closed, the list is made again
    app.handle_key(key(crossterm::event::KeyCode::Esc));
    assert!(app.library.as_ref().unwrap().hits.is_none());
    assert!(app.rescan_due(false));
}
