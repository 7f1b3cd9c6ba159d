//! The real binary in a pseudo-terminal: it shows the sample's panes, moves the focus,
//! jumps to a claim, searches, and quits with the terminal given back; on a folder, the
//! library's list, filter, open and back, and search across the briefings; a review kept
//! across runs and exported.

#[path = "common/pty.rs"]
mod pty;

use std::time::Duration;

use pty::Session;

/// Under `NO_COLOR` the focused pane is still told from the others: its title in reverse
/// video, and only its.
#[test]
fn without_colour_the_focused_pane_shows_by_its_title() {
    let mut session = Session::start_in(None, &[("NO_COLOR", "1")], &[]);
    session.wait("the analysis", |s| s.contains("claims reviewed"));
    let reversed = |title: &'static str| move |s: &vt100::Screen| pty::title_reversed(s, title);
    session
        .screen
        .wait_for("the article focused", reversed("Article"));
    assert!(!reversed("Claims")(&session.screen.now()));
    session.press("2");
    session
        .screen
        .wait_for("the claims focused", reversed("Claims"));
    assert!(!reversed("Article")(&session.screen.now()));
    session.quit();
}

/// A briefing written in a folder of its own, with a data dir beside it for the reviews.
struct Desk {
    dir: tempfile::TempDir,
    briefing: std::path::PathBuf,
    data: std::path::PathBuf,
}

impl Desk {
    fn new(name: &str, text: &str) -> Desk {
        let dir = tempfile::tempdir().expect("a folder");
        let briefing = dir.path().join(name);
        std::fs::write(&briefing, text).expect("the briefing written");
        let data = dir.path().join("data");
        Desk {
            dir,
            briefing,
            data,
        }
    }

    /// `--data-dir DATA BRIEFING`.
    fn args(&self) -> [&str; 3] {
        fn utf8(path: &std::path::Path) -> &str {
            path.to_str().expect("a UTF-8 path")
        }
        ["--data-dir", utf8(&self.data), utf8(&self.briefing)]
    }

    /// The text of the Markdown export the reader wrote beside the briefing.
    fn markdown_export(&self) -> String {
        let exported = std::fs::read_dir(self.dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "md") && *p != self.briefing)
            .expect("a Markdown export beside the briefing");
        std::fs::read_to_string(exported).unwrap()
    }

    /// What `brief export --format FORMAT` writes of the briefing's review.
    fn export(&self, format: &str) -> String {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(["export", "--format", format])
            .args(self.args())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    }

    fn json_export(&self) -> serde_json::Value {
        serde_json::from_str(&self.export("json")).unwrap()
    }
}

#[test]
fn the_reader_in_a_pseudo_terminal() {
    let mut session = Session::start(&[]);
    session.wait("the panes, analysed", |s| {
        ["Article", "Claims", "Actors", "Timeline", "claims reviewed"]
            .iter()
            .all(|w| s.contains(w))
    });
    assert!(session.screen.alternate());

    session.step("2", "the claims pane's keys", |s| s.contains("enter open"));
    session.step("G\r", "the article scrolled to the last claim", |s| {
        !s.contains(" 0% ")
    });

    session.step("/korea\r", "a match count", |s| {
        s.lines().any(|l| {
            l.split_once("/korea ")
                .and_then(|(_, rest)| rest.split_whitespace().next())
                .is_some_and(|count| count.contains('/'))
        })
    });
    session.quit();
}

/// What ingest noticed about a briefing's bytes shows in the status bar, not only on
/// stderr once the reader ends.
#[test]
fn ingest_warnings_show_in_the_reader() {
    let dir = tempfile::tempdir().expect("a folder");
    let briefing = dir.path().join("bytes.txt");
    std::fs::write(
        &briefing,
        b"The ministry said the talks would resume \xff in May.\n",
    )
    .expect("the briefing written");
    let data = dir.path().join("data");
    let args = [
        "--data-dir",
        data.to_str().unwrap(),
        briefing.to_str().unwrap(),
    ];
    let session = Session::start(&args);
    session.wait("the warning in the status bar", |s| {
        s.contains("claims reviewed") && s.contains("invalid UTF-8 replaced with U+FFFD (1 place)")
    });
    session.quit();
}

/// A folder of briefings written here: the list, a filter, open and back, and a search
/// across the library that finds a word in another file and opens it there.
#[test]
fn the_library_in_a_pseudo_terminal() {
    let dir = tempfile::tempdir().expect("a folder");
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "ferry.md",
        "---\ntitle: Ferry timetable cut\nsource: Island Post\npublished: 2024-04-03\n---\n\n\
         The operator said two crossings would be dropped in winter.\n",
    );
    write(
        "mill.md",
        "---\ntitle: Paper mill to close\nsource: Valley News\npublished: 2024-06-21\n---\n\n\
         The owners said the mill would close in August.\n\nA union official told reporters \
         that the gantry crane had been sold already.\n",
    );
    write("empty.txt", "");
    std::fs::create_dir(dir.path().join(".drafts")).unwrap();
    write(".drafts/secret.md", "A hidden draft about the gantry.\n");
    let mut session = Session::start(&[dir.path().to_str().expect("a UTF-8 path")]);
    session.wait("the list, read", |s| {
        s.contains("Library")
            && s.contains("Ferry timetable cut")
            && s.contains("Paper mill to close")
            && s.contains("empty briefing")
            && s.contains("3 briefings")
    });
    let first = |s: &str, a: &str, b: &str| s.find(a).zip(s.find(b)).is_some_and(|(a, b)| a < b);
    session.wait("newest first", |s| {
        first(s, "Paper mill", "Ferry timetable")
    });

    session.step("/island\r", "the filter", |s| {
        s.contains("Ferry timetable cut") && !s.contains("Paper mill to close")
    });
    session.step("\r", "the briefing opened", |s| {
        s.contains("crossings would be dropped") && s.contains("Claims")
    });
    session.step("b", "back in the filtered list", |s| {
        s.contains("Briefings 1 of 3") && s.contains("Ferry timetable cut")
    });
    session.step("\x1b", "the filter cleared", |s| {
        s.contains("Paper mill to close")
    });

    session.step("Sgantry\r", "one hit, not in the hidden folder", |s| {
        s.contains("1 hit in 1 briefing ") && s.contains("gantry crane had been sold")
    });
    session.step("\r", "the other briefing opened at the hit", |s| {
        s.contains("Paper mill to close") && s.contains("/gantry 1/1")
    });
    session.quit();
}

/// A feed named alone, and an mbox in a folder with an index: each listed as its briefings
/// once read (or from the index), and one of them opened.
#[test]
fn files_of_several_briefings_are_listed_as_each_of_them() {
    let dir = tempfile::tempdir().expect("a folder");
    let feed = dir.path().join("wire.rss");
    std::fs::write(
        &feed,
        "<rss><channel><title>Wire</title>\
         <item><title>Council votes</title><pubDate>Sat, 23 Nov 2024 10:00:00 +0000</pubDate>\
         <description>The council voted on Friday.</description></item>\
         <item><title>Talks end</title><pubDate>Fri, 22 Nov 2024 10:00:00 +0000</pubDate>\
         <description>Talks ended on Thursday.</description></item></channel></rss>",
    )
    .unwrap();
    let mut session = Session::start(&[feed.to_str().expect("a UTF-8 path")]);
    session.wait("the feed's items", |s| {
        s.contains("Council votes") && s.contains("Talks end") && s.contains("2 briefings")
    });
    session.step("\r", "the newest opened", |s| {
        s.contains("The council voted on Friday.") && s.contains("Claims")
    });
    session.quit();

    let folder = dir.path().join("mail");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("desk.mbox"),
        include_str!("fixtures/mail/ferry.mbox"),
    )
    .unwrap();
    let data = dir.path().join("data");
    let args = [
        "--data-dir",
        data.to_str().unwrap(),
        folder.to_str().unwrap(),
    ];
    // the first time through the background update, the second from the index
    for _ in 0..2 {
        let session = Session::start(&args);
        session.wait("the mbox's messages", |s| {
            s.contains("Ferry cut") && s.contains("Ferry back") && s.contains("2 briefings")
        });
        session.quit();
    }
}

/// A library with an index notices, while open, a file added, a title changed and a file
/// removed.
#[test]
fn the_library_notices_files_changed_while_open() {
    let dir = tempfile::tempdir().expect("a folder");
    let folder = dir.path().join("desk");
    std::fs::create_dir(&folder).unwrap();
    let write = |name: &str, title: &str, text: &str| {
        let front = format!("---\ntitle: {title}\npublished: 2024-05-02\n---\n\n{text}\n");
        std::fs::write(folder.join(name), front).unwrap();
    };
    write(
        "quay.md",
        "Quay repairs begin",
        "The council said repairs would begin.",
    );
    write(
        "bridge.md",
        "Bridge closed",
        "The bridge was closed to lorries on Monday.",
    );
    let data = dir.path().join("data");
    let args = [
        "--data-dir",
        data.to_str().unwrap(),
        folder.to_str().unwrap(),
    ];
    let session = Session::start(&args);
    session.wait("the two briefings", |s| {
        s.contains("Quay repairs begin") && s.contains("Bridge closed") && s.contains("2 briefings")
    });
    write(
        "ferry.md",
        "Ferry fares rise",
        "The operator said fares would rise.",
    );
    write(
        "quay.md",
        "Quay repairs delayed",
        "The council said repairs would begin.",
    );
    std::fs::remove_file(folder.join("bridge.md")).unwrap();
    session.wait("the new list", |s| {
        s.contains("Ferry fares rise")
            && s.contains("Quay repairs delayed")
            && !s.contains("Quay repairs begin")
            && !s.contains("Bridge closed")
            && s.contains("2 briefings")
    });
    session.quit();
}

/// Marks a claim disputed and writes a note on it, quits, reopens on the same data dir, sees
/// both, and exports a Markdown briefing note that holds the note.
#[test]
fn a_review_survives_a_restart_and_is_exported() {
    let desk = Desk::new(
        "bridge.md",
        "---\ntitle: Bridge to close\nsource: Town Gazette\npublished: 2024-05-01\n---\n\n\
         The council said the old bridge would close for repairs in June.\n",
    );
    let dir = desk.dir.path();
    let args = desk.args();
    // An "editor" that adds a line to the note.
    let editor = dir.join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'seen by a second pair of eyes\\n' >> \"$1\"\n",
    )
    .unwrap();
    let visual = format!("sh {}", editor.display());
    let env = [("VISUAL", visual.as_str())];
    let mut session = Session::start_in(Some(dir), &env, &args);
    session.wait("the analysis, nothing reviewed", |s| {
        s.contains(" 0/") && s.contains("claims reviewed")
    });
    session.step("2d", "the claim disputed", |s| {
        s.contains("✗ disputed") && s.contains(" 1/")
    });
    session.step("c", "the note editor", |s| s.contains("note on c1"));
    session.step(
        "check the date with the council\x13",
        "the note saved",
        |s| s.contains("note saved") && s.contains("✎"),
    );
    session.quit();

    let mut session = Session::start_in(Some(dir), &env, &args);
    session.wait("the review back", |s| {
        s.contains("✗ disputed") && s.contains("✎") && s.contains(" 1/")
    });
    session.step("2C", "the note edited in $VISUAL", |s| {
        s.contains("note saved")
    });
    session.step("E", "where the export went", |s| s.contains("exported to"));
    session.quit();
    let text = desk.markdown_export();
    assert!(text.contains("check the date with the council"), "{text}");
    assert!(text.contains("seen by a second pair of eyes"), "{text}");
}

/// Two readers on one briefing, as issue 17 found them losing each other's work: A marks the
/// claim supported, then B, who opened it before, writes a note on it; the note's save keeps
/// A's status (B's record of the claim never changed it), and A's next save shows B's note.
/// Then both change the status: the later change wins, and the reader whose change lost
/// says so in its status bar, once.
#[test]
fn two_readers_on_one_briefing_keep_each_others_changes() {
    let desk = Desk::new(
        "harbour.md",
        "---\ntitle: Harbour talks\npublished: 2024-11-23\n---\n\n\
         The minister said on Friday that talks would resume in Geneva.\n",
    );
    let args = desk.args();
    let mut a = Session::start(&args);
    let mut b = Session::start(&args);
    for reader in [&a, &b] {
        reader.wait("nothing reviewed", |s| s.contains(" 0/1 claims reviewed"));
    }
    a.step("2s", "A's status", |s| s.contains("✓ supported"));
    b.step("2c", "B's note editor", |s| s.contains("note on c1"));
    b.step(
        "Denied by the ministry.\x13",
        "B's note saved beside A's status",
        |s| s.contains("note saved") && s.contains("✓ supported ✎"),
    );
    a.step("aB2", "B's note on A's screen", |s| {
        s.contains("✓ supported B2 ✎")
    });
    a.step("d", "A's second status", |s| s.contains("✗ disputed"));
    // review times are whole seconds: B's change is a second later, not a tie
    std::thread::sleep(Duration::from_millis(1100));
    b.step("u", "B's later status", |s| s.contains("? unverified"));
    a.step("aC3", "A told its status lost", |s| {
        s.contains("another copy of brief changed the same status of 1 claim later")
            && s.contains("? unverified C3 ✎")
    });
    a.step("aD4", "the next save says nothing of it", |s| {
        s.contains("c1 graded D4")
    });
    let review = &desk.json_export()["review"]["claims"][0];
    assert_eq!(review["status"], "unverified");
    assert_eq!(review["grade"], "D4");
    assert_eq!(review["note"], "Denied by the ministry.");
    a.quit();
    b.quit();
}

/// A paste comes as one bracketed-paste event: into the note editor whole and at once (30 kB
/// of it), and outside an editor as no command (a pasted "q" does not quit). The terminal's
/// paste mode is given back on quitting.
#[test]
fn a_long_paste_lands_in_the_note_whole_and_no_paste_is_a_command() {
    let desk = Desk::new(
        "ferry.md",
        "---\ntitle: Ferry strike\npublished: 2024-05-03\n---\n\n\
         The union said the ferry crews would strike on Friday.\n",
    );
    let dir = desk.dir.path();
    let args = desk.args();
    let mut session = Session::start_in(Some(dir), &[], &args);
    session.wait("the analysis", |s| s.contains("claims reviewed"));
    session
        .screen
        .wait_for("bracketed paste on", vt100::Screen::bracketed_paste);
    // pasted where no text is typed: ignored, not read as the quit key
    session.press("\x1b[200~qqq\x1b[201~");
    session.step("2c", "the note editor", |s| s.contains("note on c1"));
    let line = "Pilots' account of the strike, as pasted from the wire. ";
    let mut pasted = String::new();
    for k in 0..(30_000 / (line.len() + 8)) {
        pasted.push_str(&format!("{k:05} {line}\r"));
    }
    pasted.push_str("end of the pasted account");
    session.press(&format!("\x1b[200~{pasted}\x1b[201~"));
    session.step("\x13", "the note saved", |s| {
        s.contains("note saved") && s.contains("✎")
    });
    session.step("E", "where the export went", |s| s.contains("exported to"));
    let screen = session.screen.clone();
    session.quit();
    assert!(!screen.now().bracketed_paste(), "paste mode given back");
    let text = desk.markdown_export();
    assert!(text.contains("end of the pasted account"), "{text}");
    assert!(text.contains("00000 Pilots' account"), "{text}");
}

/// Corrections made from the keyboard (a claim's kind and source, an actor renamed and
/// re-typed) survive quitting and an edit to the briefing, and every export says them.
#[test]
fn corrections_survive_a_restart_and_an_edit_and_reach_the_exports() {
    let front = "---\ntitle: Port talks\npublished: 2024-05-02\n---\n\n";
    let body = "The harbour authority said the port would reopen in June. Mayor Ana Ruiz \
                warned that fees could rise, and Oslo said it would send pilots.\n";
    let desk = Desk::new("port.md", &format!("{front}{body}"));
    let (dir, briefing) = (desk.dir.path(), &desk.briefing);
    let args = desk.args();
    let mut session = Session::start_in(Some(dir), &[], &args);
    session.wait("the analysis", |s| s.contains("claims reviewed"));
    session.step("2K", "the kind picker", |s| s.contains("kind of c1"));
    session.step("est\r", "c1 an estimate", |s| {
        s.contains("c1 is now estimate")
    });
    session.step("W", "the source picker", |s| s.contains("source of c1"));
    session.step("ruiz\r", "c1 said by Ruiz", |s| {
        s.contains("c1 source: Ana Ruiz")
    });
    session.step("3jA", "the new name asked for", |s| {
        s.contains("rename Norway")
    });
    session.step(&"\x7f".repeat(6), "the old name erased", |s| {
        !s.contains(" Norway▏")
    });
    session.step("Oslo city\r", "renamed", |s| {
        s.contains("renamed Oslo city")
    });
    session.step("K", "the actor's kind picker", |s| {
        s.contains("kind of Oslo city")
    });
    session.step("place\r", "re-typed", |s| {
        s.contains("Oslo city is now place")
    });
    session.quit();

    // the briefing edited: a paragraph before everything
    std::fs::write(
        briefing,
        format!("{front}Update: times corrected.\n\n{body}"),
    )
    .unwrap();
    let mut session = Session::start_in(Some(dir), &[], &args);
    session.wait("the corrections applied again", |s| {
        s.contains("Oslo city") && s.contains("estimate")
    });
    session.step("E", "where the export went", |s| s.contains("exported to"));
    session.quit();
    let md = desk.markdown_export();
    for said in [
        "### c1: Ana Ruiz",
        "- Kind: estimate",
        "Kind of “the port would reopen in June” set to estimate",
        "Source of “the port would reopen in June” set to Ana Ruiz",
        "Renamed Norway to Oslo city",
        "Re-typed Oslo city as place",
        "**Oslo city** (place)",
    ] {
        assert!(md.contains(said), "{said:?} in {md}");
    }
    let json = desk.json_export();
    let claim = &json["claims"][0];
    assert_eq!(claim["kind"], "estimate");
    assert_eq!(claim["source"]["text"], "Ana Ruiz");
    let oslo = json["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Oslo city");
    assert_eq!(oslo.expect("renamed")["kind"], "place");
    let kinds: Vec<&str> = json["review"]["corrections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["claim_kind", "claim_source", "rename_actor", "retype_actor"]
    );
    let csv = desk.export("csv");
    let row = csv
        .lines()
        .find(|l| l.starts_with("c1,"))
        .expect("c1's row");
    assert!(row.contains(",estimate,Ana Ruiz,"), "{row}");
}

/// The other corrections from the keyboard (an actor merged into another and one removed, a
/// claim added from words marked in the article with its kind and source, the published
/// date set) survive quitting and an edit to the briefing, and the exports say them.
#[test]
fn merges_removals_added_claims_and_the_date_survive_a_restart_and_an_edit() {
    let front = "---\ntitle: Harbour talks\n---\n\n";
    let body = "The Tarsk port authority said on Monday that the harbour would reopen in \
                June. Norway and Oslo officials said the talks failed. Mayor Ana Ruiz \
                denied that the dock had flooded.\n";
    let desk = Desk::new("harbour.md", &format!("{front}{body}"));
    let (dir, briefing) = (desk.dir.path(), &desk.briefing);
    let args = desk.args();
    let mut session = Session::start_in(Some(dir), &[], &args);
    session.wait("the analysis", |s| s.contains("0/3 claims reviewed"));
    session.step("3M", "the merge picker", |s| s.contains("enter merge"));
    session.step("nor\r", "Tarsk merged", |s| {
        s.contains("Tarsk merged into Norway")
    });
    session.step("GD", "Ana Ruiz removed", |s| s.contains("Ana Ruiz removed"));
    session.step("P", "the date asked for", |s| {
        s.contains("empty for the briefing")
    });
    session.step("2024-11-23\r", "the date set", |s| {
        s.contains("Sat 23 Nov 2024 (review)")
    });
    session.step("1/dock\r", "the search", |s| s.contains("/dock 1/1"));
    session.step("vww", "words marked", |s| s.contains("+ claim"));
    session.step("+", "a claim added", |s| s.contains("added as u1"));
    session.step("2GK", "its kind picker", |s| {
        s.contains("enter set the kind")
    });
    session.step("warn\r", "a warning", |s| s.contains("u1 is now warning"));
    session.step("W", "its source picker", |s| {
        s.contains("enter set the source")
    });
    session.step("nor\r", "said by Norway", |s| {
        s.contains("u1 source: Norway")
    });
    session.quit();

    std::fs::write(
        briefing,
        format!("{front}Update: names corrected.\n\n{body}"),
    )
    .unwrap();
    let session = Session::start_in(Some(dir), &[], &args);
    session.wait("the corrections applied again", |s| {
        s.contains("Sat 23 Nov 2024 (review)")
            && s.contains("Actors 1")
            && s.contains("u1* warning")
    });
    session.quit();
    let md = desk.export("md");
    for said in [
        "- Published: 2024-11-23 (set in the review)",
        "### u1: ",
        "- Kind: warning",
        "**Norway** (country); also Oslo, Tarsk",
        "- Published date set to 2024-11-23",
        "- Merged Tarsk into Norway",
        "- Removed Ana Ruiz (not an actor)",
        "- Added as a claim: “dock had flooded”",
        "- Source of “dock had flooded” set to Norway",
    ] {
        assert!(md.contains(said), "{said:?} in {md}");
    }
    let json = desk.json_export();
    assert_eq!(json["document"]["published"], "2024-11-23");
    assert_eq!(json["actors"].as_array().unwrap().len(), 1);
    let added = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "u1")
        .expect("the added claim");
    assert_eq!(added["kind"], "warning");
}

#[test]
fn event_corrections_survive_a_restart_and_an_edit_and_reach_the_exports() {
    let front = "---\npublished: 2024-11-23\n---\n";
    let body = "The ministry said on Friday that the talks would resume in Geneva.\n\n\
                The army withdrew from the border town, officials said.\n\n\
                Envoys met the foreign minister after the summit in March.\n";
    let desk = Desk::new("talks.md", &format!("{front}{body}"));
    let (dir, briefing) = (desk.dir.path(), &desk.briefing);
    let args = desk.args();
    let mut session = Session::start_in(Some(dir), &[], &args);
    session.wait("the analysis", |s| s.contains("claims reviewed"));
    // the timeline as the machine made it: the summit, the envoys, the army, the ministry
    session.step("4jjT", "the date asked for", |s| {
        s.contains("date of The army withdrew")
    });
    session.step("Feb 2024\r", "dated and moved first", |s| {
        s.contains("dated Feb 2024")
    });
    session.step("jD", "the summit removed", |s| {
        s.contains("event “the summit” removed")
    });
    session.step("1ve", "the first sentence added as an event", |s| {
        s.contains("added as event ut1")
    });
    session.quit();

    // the briefing edited: a paragraph before everything
    std::fs::write(briefing, format!("{front}Update: a line.\n\n{body}")).unwrap();
    let session = Session::start_in(Some(dir), &[], &args);
    session.wait("the corrections applied again", |s| {
        s.contains("Feb 2024") && !s.contains("the summit  ")
    });
    session.quit();
    let json = desk.json_export();
    let timeline = json["timeline"].as_array().unwrap();
    let rows: Vec<(&str, &str)> = timeline
        .iter()
        .map(|e| (e["id"].as_str().unwrap(), e["label"].as_str().unwrap()))
        .collect();
    assert_eq!(rows[0], ("t3", "The army withdrew from the border town"));
    assert_eq!(timeline[0]["value"], "2024-02");
    assert_eq!(timeline[0]["given"], "Feb 2024");
    assert!(rows.iter().all(|(_, l)| *l != "the summit"), "{rows:?}");
    assert!(rows.iter().any(|(id, _)| *id == "ut1"), "{rows:?}");
    let md = desk.export("md");
    for said in [
        "Event “The army withdrew from the border town” dated 2024-02 (typed “Feb 2024”)",
        "Removed the event “after the summit in March” (not an event)",
        "Added as an event: “The ministry said on Friday",
        "(dated by the analyst: “Feb 2024”)",
    ] {
        assert!(md.contains(said), "{said:?} in {md}");
    }

    // the army's sentence gone: its date is an orphan, kept and said in the export
    let cut = body.replace(
        "The army withdrew from the border town, officials said.\n\n",
        "",
    );
    std::fs::write(briefing, format!("{front}{cut}")).unwrap();
    let md = desk.export("md");
    assert!(
        md.contains("dated 2024-02 (typed “Feb 2024”) (no longer applies)"),
        "{md}"
    );
}

#[test]
fn a_claims_content_marked_in_the_article_survives_a_restart_and_an_edit() {
    let body = "Officials said on Monday that the bridge would reopen in June.\n";
    let desk = Desk::new("bridge.md", body);
    let (dir, briefing) = (desk.dir.path(), &desk.briefing);
    let args = desk.args();
    let mut session = Session::start_in(Some(dir), &[], &args);
    session.wait("the analysis", |s| s.contains("claims reviewed"));
    // the claim in the article, its sentence selected, marked as the claim's content
    session.step("1]v=", "the part picker", |s| {
        s.contains("the words are c1's")
    });
    session.step("content\r", "marked", |s| {
        s.contains("c1: the words marked as its content")
    });
    session.quit();
    std::fs::write(briefing, format!("Update: a line.\n\n{body}")).unwrap();
    let json = desk.json_export();
    assert_eq!(
        json["claims"][0]["text"],
        "Officials said on Monday that the bridge would reopen in June."
    );
    let md = desk.export("md");
    assert!(
        md.contains("“Officials said on Monday that the bridge would reopen in June.” marked as the content of “that the bridge would reopen in June”"),
        "{md}"
    );
}

#[test]
fn an_alias_split_off_survives_a_restart_and_an_edit() {
    let body = "Jordan said the border was calm. Amman denied it.\n";
    let desk = Desk::new("border.md", body);
    let (dir, briefing) = (desk.dir.path(), &desk.briefing);
    let args = desk.args();
    let mut session = Session::start_in(Some(dir), &[], &args);
    session.wait("the analysis", |s| s.contains("claims reviewed"));
    session.step("3|", "the alias picker", |s| s.contains("split off Jordan"));
    session.step("Amman\r", "where it goes", |s| {
        s.contains("its mentions from Jordan go to")
    });
    session.step("its own\r", "split", |s| {
        s.contains("Amman split off Jordan")
    });
    session.quit();
    std::fs::write(briefing, format!("Update: a line.\n\n{body}")).unwrap();
    let json = desk.json_export();
    let names: Vec<&str> = json["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Amman") && names.contains(&"Jordan"),
        "{names:?}"
    );
    let md = desk.export("md");
    assert!(
        md.contains("Split Amman off Jordan (to an actor of its own, ua1)"),
        "{md}"
    );
}

/// The reading position comes back when a briefing is opened again, and a temporary file a
/// killed reader left beside it (tmux killed mid-save) is removed by the next save.
#[test]
fn the_reading_position_comes_back_and_a_killed_saves_leftover_goes() {
    let desk = Desk::new(
        "harbour.md",
        "The harbour master said the ferries would sail again on Friday.\n\n\
         The council said that the breakwater had held.\n",
    );
    let args = desk.args();
    let mut session = Session::start_in(None, &[], &args);
    session.wait("two claims", |s| s.contains(" 0/2 "));
    session.press("2j");
    session.quit();
    let reviews = desk.data.join("reviews");
    let view = || -> (std::path::PathBuf, serde_json::Value) {
        let path = std::fs::read_dir(&reviews)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with(".view.json"))
            .expect("the reading position kept");
        let json = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        (path, json)
    };
    let (path, kept) = view();
    assert_eq!(
        (kept["pane"].as_u64(), kept["claim"].as_u64()),
        (Some(2), Some(1))
    );
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let leftover = reviews.join(format!(".{name}.a1b2c3.tmp"));
    std::fs::write(&leftover, "{\"top\":").unwrap();

    // opened again and closed at once: the position it came back to is kept again
    let session = Session::start_in(None, &[], &args);
    session.wait("the claims", |s| s.contains(" 0/2 "));
    session.quit();
    assert_eq!(view().1, kept);
    assert!(!leftover.exists(), "the leftover removed");
}

/// Tags on a free note, from the notes list, completed from the tags of another briefing's
/// review: they show in the list, survive a restart and reach the export.
#[test]
fn a_free_note_is_tagged_from_the_notes_list_completed_from_other_briefings() {
    let desk = Desk::new(
        "talks.md",
        "The ministry said the talks would resume in Geneva on Friday.\n",
    );
    let dir = desk.dir.path();
    // another briefing in the same data dir, one of its claims tagged "sanctions"
    let other = dir.join("other.md");
    std::fs::write(&other, "The envoy said the sanctions would stay.\n").unwrap();
    let other_args = [desk.args()[0], desk.args()[1], other.to_str().unwrap()];
    let mut session = Session::start_in(Some(dir), &[], &other_args);
    session.wait("the analysis", |s| s.contains("claims reviewed"));
    session.step("2#", "the tags prompt", |s| s.contains("tags of c1"));
    session.step("sanctions\r", "tagged", |s| {
        s.contains("c1 tagged sanctions")
    });
    session.quit();

    let args = desk.args();
    let mut session = Session::start_in(Some(dir), &[], &args);
    session.wait("the analysis", |s| s.contains("claims reviewed"));
    session.step("1v", "a passage selected", |s| s.contains("end moves"));
    session.step("c", "the note editor", |s| s.contains("note on"));
    session.step("ask the ministry\x13", "the note saved", |s| {
        s.contains("note on the passage saved")
    });
    session.step("R", "the notes list", |s| s.contains("ask the ministry"));
    session.step(
        "#",
        "the note's tags asked, the other briefing's offered",
        |s| s.contains("tags of the note") && s.contains("used: sanctions"),
    );
    session.step("sa\t", "completed", |s| s.contains(" sanctions ▏"));
    session.step("follow-up\r", "tagged, the list again", |s| {
        s.contains("note tagged sanctions follow-up") && s.contains("✎ #sanctions #follow-up")
    });
    session.step("\x1b", "the list closed", |s| {
        !s.contains("notes 1 · orphaned")
    });
    session.quit();

    let mut session = Session::start_in(Some(dir), &[], &args);
    session.wait("the analysis", |s| s.contains("claims reviewed"));
    session.step("R", "the note's tags kept", |s| {
        s.contains("✎ #sanctions #follow-up")
    });
    session.step("\x1b", "the list closed", |s| {
        !s.contains("notes 1 · orphaned")
    });
    session.quit();
    let json = desk.json_export();
    assert_eq!(
        json["review"]["notes"][0]["tags"],
        serde_json::json!(["sanctions", "follow-up"])
    );
    assert!(desk.export("md").contains("Tags: #sanctions #follow-up"));
}

/// A full disk under the review store (a file-size limit, RLIMIT_FSIZE, on the running
/// reader): the failed save is reported in the status bar, the change stays on screen and in
/// the count, the old file stays whole with no temporary file beside it, and once the limit
/// is lifted the next save writes everything.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_keeps_the_review_in_memory_until_a_save_can_write_it() {
    let desk = Desk::new(
        "bridge.md",
        "---\ntitle: Bridge to close\npublished: 2024-05-01\n---\n\n\
         The council said the old bridge would close for repairs in June.\n\n\
         The mayor said that the ferry would run every hour instead.\n",
    );
    let data = &desk.data;
    let args = desk.args();
    let mut session = Session::start_in(None, &[], &args);
    session.wait("two claims, none reviewed", |s| s.contains(" 0/2 "));
    session.step("2d", "the first claim disputed", |s| s.contains(" 1/2 "));
    session.quit();
    let reviews = data.join("reviews");
    let review = std::fs::read_dir(&reviews)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            // not the reader's place (`.view.json`) nor the read marks
            p.extension().is_some_and(|e| e == "json")
                && !p.to_string_lossy().ends_with(".view.json")
                && !p.ends_with("read.json")
        })
        .expect("the review file");
    let old = std::fs::read(&review).unwrap();
    // One block of 512 bytes: the review with a second item cannot be written.
    assert!(old.len() > 512, "the review outgrows the limit");
    let files = |dir: &std::path::Path| {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let before = files(&reviews);

    let mut session = Session::start_limited(1, &args);
    session.wait("the review back", |s| {
        s.contains(" 1/2 ") && s.contains("✗ disputed")
    });
    session.step("2js", "the save refused, the change kept", |s| {
        s.contains("not saved: ") && s.contains(" 2/2 ") && s.contains("✓ supported")
    });
    assert_eq!(
        std::fs::read(&review).unwrap(),
        old,
        "the old file is whole"
    );
    assert_eq!(files(&reviews), before, "no temporary file left");

    // Space again: lift the limit on the running reader; the next change saves both.
    let pid = session.child.process_id().expect("the reader's pid");
    // The soft limit goes back up to the hard one, which `ulimit -S` left alone.
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    let pid = pid as libc::pid_t;
    // SAFETY: prlimit reads the new limit or writes the old one, each a valid `rlimit` or
    // null.
    let lifted = unsafe {
        libc::prlimit(pid, libc::RLIMIT_FSIZE, std::ptr::null(), &mut limit) == 0 && {
            limit.rlim_cur = limit.rlim_max;
            libc::prlimit(pid, libc::RLIMIT_FSIZE, &limit, std::ptr::null_mut()) == 0
        }
    };
    assert!(lifted, "{}", std::io::Error::last_os_error());
    session.step("aB2", "the grade saved", |s| {
        s.contains("graded B2") && !s.contains("not saved")
    });
    session.quit();
    let saved = std::fs::read_to_string(&review).unwrap();
    for word in ["\"disputed\"", "\"supported\"", "\"B2\""] {
        assert!(saved.contains(word), "{word} in {saved}");
    }
    let session = Session::start_in(None, &[], &args);
    session.wait("both reviews back", |s| {
        s.contains(" 2/2 ") && s.contains("✓ supported B2") && s.contains("✗ disputed")
    });
    session.quit();
}

/// The real reader killed with SIGKILL while a burst of review keys is being saved, at a
/// different moment each run: the review file always parses, nothing is set aside as
/// damaged, and the next run opens without a warning.
#[cfg(target_os = "linux")]
#[test]
fn the_reader_killed_while_saving_leaves_a_whole_review() {
    let desk = Desk::new(
        "port.md",
        "Storms closed the port on Monday. The harbour master said ferries would sail \
         again on Friday.\n\nFishermen said that the season was already lost. The council \
         denied that the breakwater had failed.\n",
    );
    let data = &desk.data;
    let args = desk.args();
    let reviews = data.join("reviews");
    let mut whole = 0;
    for run in 0..6u64 {
        let mut session = Session::start_in(None, &[], &args);
        session.wait("the analysis", |s| s.contains("claims reviewed"));
        // Every key is a change saved at once.
        session.press(&format!("2{}", "sjdjukX".repeat(60)));
        std::thread::sleep(Duration::from_millis(5 + run * 20));
        let pid = session.child.process_id().expect("the reader's pid");
        // SAFETY: kill only sends a signal, to the reader this test started.
        assert_eq!(unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) }, 0);
        session.exited();
        for entry in std::fs::read_dir(&reviews).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(!name.contains(".damaged-"), "run {run}: {name}");
            if name.ends_with(".json") && !name.ends_with(".view.json") {
                let bytes = std::fs::read(entry.path()).unwrap();
                let json: serde_json::Value = serde_json::from_slice(&bytes)
                    .unwrap_or_else(|e| panic!("run {run}: a torn review ({e})"));
                // the read marks, written as the briefing opens, are whole too
                if name == "read.json" {
                    assert_eq!(json["schema"], "brief.read/1");
                    continue;
                }
                assert_eq!(json["schema"], "brief.review/2");
                whole += 1;
            }
        }
    }
    assert!(whole > 0, "the reader saved before it was killed");
    let session = Session::start_in(None, &[], &args);
    session.wait("the review, whole", |s| {
        s.contains("claims reviewed") && !s.contains("damaged")
    });
    session.quit();
}
