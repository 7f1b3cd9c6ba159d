//! The reader's view of the library's claims: what other briefings report or contradict a
//! claim, worked out as the event loop does it (off the UI thread, here called directly),
//! shown in the claims pane and the detail, and `F` to those claims and Esc back.

use super::library::{body, indexed_app};
use super::{Action::*, App, run};
use crate::briefing::Opener;
use crate::tui::library::scan::{self, Arrived, Report};

/// Three briefings: two say Norvania supplied engines to Ostland, one denies it.
pub(super) const ENGINES: [(&str, &str); 3] = [
    (
        "a.md",
        "---\ntitle: Turbines for Ostland\npublished: 2025-02-10\n---\n\n\
         Norvania has supplied jet engines to Ostland, said Ilse Brandt, the trade minister.\n",
    ),
    (
        "b.md",
        "---\ntitle: The engine deal\npublished: 2025-02-11\n---\n\n\
         Norvania sent turbine engines to Ostland, according to Ilse Brandt.\n",
    ),
    (
        "c.md",
        "---\ntitle: A denial\npublished: 2025-02-12\n---\n\n\
         The government of Norvania denied reports that Norvania had supplied engines to Ostland.\n",
    ),
];

/// The entries the library wants read, read and arrived (as its reading threads would).
fn read_wanted(app: &mut App) {
    let opener = Opener::default();
    let library = app.library.as_mut().unwrap();
    let generation = library.generation;
    for (index, path) in std::mem::take(&mut library.wanted) {
        let arrived = Arrived {
            generation,
            index,
            item: None,
            result: scan::read(&path, &opener),
        };
        app.arrived(Report::Arrived(Box::new(arrived)));
    }
}

/// The library's claims worked out, as the event loop does on a thread of its own.
fn compare(app: &mut App) {
    let (data, roots) = app.related_wanted().expect("a library with an index");
    let index = crate::index::Index::open(&data).unwrap();
    app.related(crate::tui::library::across::related(&index, &roots));
    assert!(app.related_wanted().is_none(), "asked once");
}

fn title(app: &App) -> String {
    let doc = app.reader().doc.clone().unwrap();
    doc.meta.title.clone().unwrap_or_default()
}

#[test]
fn a_claim_says_which_briefings_report_and_contradict_it_and_f_goes_there_and_esc_back() {
    let (_dir, mut app) = indexed_app(&ENGINES);
    // the list: "Turbines for Ostland" is the oldest, last
    run(&mut app, &[Bottom, Open]);
    read_wanted(&mut app);
    assert_eq!(title(&app), "Turbines for Ostland");
    run(&mut app, &[FocusClaims, OtherBriefings]);
    assert_eq!(
        app.message.as_deref(),
        Some("the library's claims are still being compared")
    );
    compare(&mut app);

    // the claims pane says it, the detail lists them
    let screen = body(&mut app, 150, 16);
    assert!(screen.contains("+1 (1 src)  ⟂1 other"), "{screen}");
    run(&mut app, &[ClaimDetail]);
    let screen = body(&mut app, 120, 24);
    assert!(
        screen.contains("also reported by 1 briefing (1 source); contradicted by 1"),
        "{screen}"
    );
    assert!(screen.contains("The engine deal (2025-02-11)"), "{screen}");
    insta::assert_snapshot!("claim_detail_across_120x24", screen);

    // F from the detail: a picker of the two; the first is the one reporting it too
    run(&mut app, &[OtherBriefings]);
    let screen = body(&mut app, 120, 16);
    assert!(screen.contains("in other briefings"), "{screen}");
    assert!(screen.contains("also: The engine deal"), "{screen}");
    assert!(screen.contains("against: A denial"), "{screen}");
    app.handle_key(crossterm::event::KeyEvent::from(
        crossterm::event::KeyCode::Enter,
    ));
    // it is read, then opens at that claim
    read_wanted(&mut app);
    assert_eq!(title(&app), "The engine deal");
    let reader = app.reader();
    let claim = reader
        .target_claim()
        .expect("the claim followed to is selected");
    let words = reader.claim_words().unwrap();
    assert!(words.contains("Norvania sent turbine engines"), "{words}");
    assert!(reader.across(claim).is_some_and(|a| a.briefings == 1));

    // Esc: back to the first briefing, at the claim followed from; then to the list
    run(&mut app, &[Back]);
    assert_eq!(title(&app), "Turbines for Ostland");
    let words = app.reader().claim_words().unwrap();
    assert!(words.contains("has supplied jet engines"), "{words}");
    run(&mut app, &[Back]);
    assert!(app.in_library());
}

#[test]
fn a_briefing_of_a_library_without_an_index_says_nothing_of_other_briefings() {
    let (_dir, mut app) = indexed_app(&ENGINES);
    app.library.as_mut().unwrap().index = None;
    // listed from the index once, then read as without one
    run(&mut app, &[Bottom, Open]);
    read_wanted(&mut app);
    assert!(app.related_wanted().is_none());
    run(&mut app, &[FocusClaims, OtherBriefings]);
    assert_eq!(
        app.message.as_deref(),
        Some("this briefing is in no indexed library")
    );
}

#[test]
fn the_sources_view_lists_each_source_and_keeps_the_analysts_reliability() {
    let (dir, mut app) = indexed_app(&ENGINES);
    run(&mut app, &[LibrarySources]);
    let screen = body(&mut app, 120, 8);
    assert!(screen.contains("Sources across briefings"), "{screen}");
    assert!(
        screen.contains("Ilse Brandt · 2 claims · none reviewed · suggested F"),
        "{screen}"
    );
    insta::assert_snapshot!("library_sources_120x8", screen);

    // a: the letter after the one in force (F: A), kept in the library review
    let brandt = screen
        .lines()
        .position(|l| l.contains("Ilse Brandt"))
        .unwrap()
        - 1;
    run(&mut app, &vec![Down; brandt]);
    run(&mut app, &[Grade, Grade]);
    let library = app.library.as_ref().unwrap();
    assert_eq!(
        library.notice.as_deref(),
        Some("Ilse Brandt: reliability B")
    );
    let kept = std::fs::read_to_string(dir.path().join("data/reviews/library.json")).unwrap();
    assert!(kept.contains("\"reliability\": \"B\""), "{kept}");
    assert!(body(&mut app, 120, 8).contains("suggested F · set B"));
    // x: back to the one suggested; enter: the source's dossier
    run(&mut app, &[ClearStatus]);
    assert!(!body(&mut app, 120, 8).contains("set B"));
    run(&mut app, &[Open]);
    assert!(body(&mut app, 120, 8).contains(" Ilse Brandt "));
}
