//! `brief index` and `brief search` through the real binary, on folders written here: what an
//! update says changed (added, changed, moved, removed), the lines a search prints and its
//! JSON, fields, query errors, and an index that survives a reader, a kill and damage.

#[path = "common/cli.rs"]
mod cli;

use std::path::Path;
use std::process::Output;

use cli::{command, run, stderr};
use serde_json::Value;

const HARBOUR: &str = "---\ntitle: Harbour dredging delayed\nsource: Coastal Wire\npublished: 2024-03-02\n---\n\n\
The port authority said the dredging would start in May.\n\n\
Engineers warned that the channel was silting up.\n";
const BUDGET: &str = "---\ntitle: Budget vote postponed\npublished: 2024-09-14\n---\n\n\
The mayor said the budget vote was postponed.\n\n\
Councillor Anna Berg denied that the vote was delayed by the auditors.\n";
const RAIL: &str = "Rail strike called off\n\nThe union said the strike was called off after talks with the harbour board.\n";

/// A folder of three briefings and a data dir beside it.
fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let briefs = dir.path().join("briefs");
    std::fs::create_dir_all(briefs.join("sub")).unwrap();
    std::fs::write(briefs.join("harbour.md"), HARBOUR).unwrap();
    std::fs::write(briefs.join("budget.md"), BUDGET).unwrap();
    std::fs::write(briefs.join("sub/rail.txt"), RAIL).unwrap();
    dir
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `brief index --format json`'s changes.
fn changes(dir: &Path, paths: &[&str]) -> Value {
    let out = run(dir, &[&["index", "--format", "json"], paths].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["schema"], "brief.index/1");
    report["changes"].clone()
}

fn counts(changes: &Value) -> [u64; 6] {
    [
        "added",
        "changed",
        "removed",
        "moved",
        "unchanged",
        "failed",
    ]
    .map(|k| changes[k].as_u64().unwrap())
}

#[test]
fn an_update_reads_only_what_changed_and_says_so() {
    let dir = library();
    let root = dir.path();
    let briefs = root.join("briefs");
    assert_eq!(counts(&changes(root, &["briefs"])), [3, 0, 0, 0, 0, 0]);
    // without PATH: the folders indexed before
    let again = run(root, &["index"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        stdout(&again),
        "indexed briefs (the folders indexed before): nothing changed (3 unchanged)\n"
    );
    // a new text, the same text touched, a file moved, one removed, a copy added
    std::fs::write(briefs.join("harbour.md"), HARBOUR.replace("May", "June")).unwrap();
    std::fs::write(briefs.join("budget.md"), BUDGET).unwrap();
    std::fs::rename(briefs.join("sub/rail.txt"), briefs.join("rail.md")).unwrap();
    assert_eq!(counts(&changes(root, &[])), [0, 1, 0, 1, 1, 0]);
    std::fs::remove_file(briefs.join("budget.md")).unwrap();
    std::fs::write(briefs.join("copy.md"), RAIL).unwrap();
    assert_eq!(counts(&changes(root, &[])), [1, 0, 1, 0, 2, 0]);
    // the moved file is found at its new path, the removed one nowhere
    let found = stdout(&run(root, &["search", "strike"]));
    assert_eq!(
        found,
        "briefs/copy.md:1: Rail strike called off\n\
         briefs/copy.md:3: The union said the strike was called off after talks with the harbour board.\n\
         briefs/rail.md:1: Rail strike called off\n\
         briefs/rail.md:3: The union said the strike was called off after talks with the harbour board.\n"
    );
    let gone = run(root, &["search", "auditors"]);
    assert_eq!(
        gone.status.code(),
        Some(1),
        "nothing found: status 1, as grep"
    );
    assert_eq!(stdout(&gone), "");
}

/// A title changed alone in the front matter is a change: the index lists the new title,
/// and a copy with another title is a briefing of its own, not the first one's copy.
#[test]
fn a_title_changed_alone_is_a_change() {
    let dir = library();
    let root = dir.path();
    let briefs = root.join("briefs");
    assert_eq!(counts(&changes(root, &["briefs"])), [3, 0, 0, 0, 0, 0]);
    let retitled = HARBOUR.replace("Harbour dredging delayed", "Dredging put off");
    std::fs::write(briefs.join("harbour.md"), &retitled).unwrap();
    std::fs::write(
        briefs.join("again.md"),
        HARBOUR.replace("Harbour dredging delayed", "Channel silting"),
    )
    .unwrap();
    assert_eq!(counts(&changes(root, &[])), [1, 1, 0, 0, 2, 0]);
    let out = run(root, &["library", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut titles: Vec<&str> = report["briefings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| b["title"].as_str())
        .collect();
    titles.sort_unstable();
    assert_eq!(
        titles,
        [
            "Budget vote postponed",
            "Channel silting",
            "Dredging put off",
            "Rail strike called off"
        ]
    );
}

#[test]
fn nothing_indexed_yet_is_said_and_a_missing_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["index"][..], &["search", "words"]] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            stderr(&out),
            "brief: index: no folders indexed yet: name one, as in `brief index FOLDER`\n"
        );
    }
    let out = run(dir.path(), &["index", "nowhere"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "brief: nowhere: no such file or folder\n");
}

#[test]
fn a_search_prints_each_line_found_best_briefing_first() {
    let dir = library();
    let root = dir.path();
    assert!(run(root, &["index", "briefs"]).status.success());
    let out = run(root, &["search", "harbour OR vote"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    // lines of the text as brief reads it: front matter is not part of it; harbour.md's
    // title has "harbour", its text not: its first line stands for it
    assert_eq!(
        lines,
        [
            "briefs/budget.md:2: The mayor said the budget vote was postponed.",
            "briefs/budget.md:4: Councillor Anna Berg denied that the vote was delayed by the auditors.",
            "briefs/harbour.md:2: The port authority said the dredging would start in May.",
            "briefs/sub/rail.txt:3: The union said the strike was called off after talks with the harbour board.",
        ]
    );
    // a PATH narrows the search to what is under it
    let narrowed = stdout(&run(root, &["search", "harbour", "briefs/sub"]));
    assert_eq!(narrowed.lines().count(), 1, "{narrowed}");
}

#[test]
fn fields_narrow_to_actors_dates_and_claims() {
    let dir = library();
    let root = dir.path();
    assert!(run(root, &["index", "briefs"]).status.success());
    let search = |query: &str| stdout(&run(root, &["search", query]));
    // a claim's kind: the claims of that kind, on their lines
    let denials = search("kind:denial");
    assert_eq!(
        denials,
        "briefs/budget.md:4: that the vote was delayed by the auditors\n"
    );
    // an actor by a name it goes by, with words: only the briefings naming it
    assert!(search("actor:\"Anna Berg\"").starts_with("briefs/budget.md:4:"));
    assert_eq!(search("vote actor:\"Anna Berg\"").lines().count(), 2);
    assert_eq!(search("harbour actor:\"Anna Berg\""), "");
    // the published date: after and before are strict, a month is a whole month
    assert_eq!(search("said after:2024-03-02").lines().count(), 1);
    assert!(search("said before:2024-09").starts_with("briefs/harbour.md:"));
    assert_eq!(
        search("said after:2024-03 before:2024-10").lines().count(),
        1
    );
    // the source of a claim, and its status (none is reviewed yet)
    assert_eq!(
        search("source:mayor"),
        "briefs/budget.md:2: the budget vote was postponed\n"
    );
    assert_eq!(search("status:unreviewed kind:denial").lines().count(), 1);
    assert_eq!(search("status:disputed"), "");
}

/// Stores `review` (the review's own fields) as budget.md's review in the data dir.
fn review_budget(root: &Path, review: Value) {
    use sha2::{Digest, Sha256};
    let file = std::fs::canonicalize(root.join("briefs/budget.md")).unwrap();
    let digest = Sha256::digest(file.as_os_str().as_encoded_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    let stored = serde_json::json!({
        "schema": "brief.review/2",
        "briefing": file,
        "review": review,
    });
    let reviews = root.join("data/reviews");
    std::fs::create_dir_all(&reviews).unwrap();
    std::fs::write(reviews.join(format!("path-{hex}.json")), stored.to_string()).unwrap();
}

/// A quote of budget.md's words, with their place.
fn quoted(exact: &str) -> Value {
    let start = BUDGET.find(exact).unwrap();
    serde_json::json!({"quote": {"exact": exact, "prefix": "", "suffix": ""},
        "start": start, "end": start + exact.len(), "updated": "2026-11-27T10:00:00Z"})
}

#[test]
fn a_claims_status_comes_from_its_stored_review() {
    let dir = library();
    let root = dir.path();
    assert!(run(root, &["index", "briefs"]).status.success());
    let mut claim = quoted("the vote was delayed by the auditors");
    claim["status"] = "disputed".into();
    review_budget(
        root,
        serde_json::json!({"reviewer": "someone", "claims": [claim]}),
    );
    let out = stdout(&run(root, &["search", "status:disputed"]));
    assert_eq!(
        out,
        "briefs/budget.md:4: that the vote was delayed by the auditors\n"
    );
}

#[test]
fn tags_on_claims_and_notes_narrow_the_search() {
    let dir = library();
    let root = dir.path();
    // a file that cannot be read is indexed as such, and a search with no words passes it
    std::fs::write(root.join("briefs/damaged.docx"), b"PK\x03\x04 not a zip").unwrap();
    assert!(run(root, &["index", "briefs"]).status.success());
    let mut claim = quoted("the vote was delayed by the auditors");
    claim["tags"] = serde_json::json!(["audit"]);
    let mut note = quoted("The mayor said");
    note["text"] = "ask the mayor's office".into();
    note["tags"] = serde_json::json!(["Audit", "follow-up"]);
    review_budget(
        root,
        serde_json::json!({"reviewer": "someone", "claims": [claim], "notes": [note]}),
    );
    // every search whole: a line found before a failure would pass unseen
    let search = |query: &str| {
        let out = run(root, &["search", query]);
        assert_eq!(stderr(&out), "", "{query}");
        stdout(&out)
    };
    // a tag alone: the tagged claim and note, in text order, a # and case aside
    assert_eq!(
        search("tag:#audit"),
        "briefs/budget.md:2: The mayor said\n\
         briefs/budget.md:4: that the vote was delayed by the auditors\n"
    );
    assert_eq!(
        search("tag:follow-up"),
        "briefs/budget.md:2: The mayor said\n"
    );
    // with words: only the lines where they fall in a tagged claim or note
    assert_eq!(search("vote tag:follow-up"), "");
    assert_eq!(
        search("auditors tag:audit"),
        "briefs/budget.md:4: Councillor Anna Berg denied that the vote was delayed by the auditors.\n"
    );
    // a kind narrows to claims: the note has none
    assert_eq!(search("tag:audit kind:denial").lines().count(), 1);
    assert_eq!(search("tag:untagged"), "");
    // a status and a tag: the claims that have both, each once
    assert_eq!(
        search("tag:audit status:unreviewed"),
        "briefs/budget.md:4: that the vote was delayed by the auditors\n"
    );
    assert_eq!(search("tag:audit status:supported"), "");
}

/// What schema 2 was, made of an index of this brief's: the texts without their titles,
/// claims and actors numbered by SQLite's own rowids (kept as they were), no index of the
/// stamps, no splits.
const SCHEMA_2: &str = "
    DROP TABLE splits;
    DROP INDEX briefings_stamps;
    CREATE VIRTUAL TABLE untitled USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO untitled (rowid, body) SELECT rowid, body FROM texts;
    DROP TABLE texts;
    ALTER TABLE untitled RENAME TO texts;
    CREATE TABLE unnumbered (
        briefing INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
        id TEXT NOT NULL, kind TEXT NOT NULL, who TEXT NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL, line INTEGER NOT NULL
    );
    INSERT INTO unnumbered (rowid, briefing, id, kind, who, start, end, line)
        SELECT row, briefing, id, kind, who, start, end, line FROM claims;
    DROP TABLE claims;
    ALTER TABLE unnumbered RENAME TO claims;
    CREATE INDEX claims_briefing ON claims (briefing);
    CREATE INDEX claims_kind ON claims (kind, briefing);
    CREATE TRIGGER claims_added AFTER INSERT ON claims BEGIN
        INSERT INTO claim_sources (rowid, who) VALUES (new.rowid, new.who);
    END;
    CREATE TRIGGER claims_removed AFTER DELETE ON claims BEGIN
        DELETE FROM claim_sources WHERE rowid = old.rowid;
    END;
    CREATE TABLE unnumbered (
        briefing INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
        id TEXT NOT NULL, names TEXT NOT NULL, lines TEXT NOT NULL
    );
    INSERT INTO unnumbered (rowid, briefing, id, names, lines)
        SELECT row, briefing, id, names, lines FROM actors;
    DROP TABLE actors;
    ALTER TABLE unnumbered RENAME TO actors;
    CREATE INDEX actors_briefing ON actors (briefing);
    CREATE TRIGGER actors_added AFTER INSERT ON actors BEGIN
        INSERT INTO actor_names (rowid, names) VALUES (new.rowid, new.names);
    END;
    CREATE TRIGGER actors_removed AFTER DELETE ON actors BEGIN
        DELETE FROM actor_names WHERE rowid = old.rowid;
    END;
    PRAGMA user_version = 2;";

/// What schema 1 was, made of schema 2: without the claims' kind index and the trigram
/// tables.
const SCHEMA_1: &str = "
    DROP TRIGGER claims_added; DROP TRIGGER claims_removed;
    DROP TRIGGER actors_added; DROP TRIGGER actors_removed;
    DROP TABLE claim_sources; DROP TABLE actor_names; DROP INDEX claims_kind;
    PRAGMA user_version = 1;";

#[test]
fn an_index_of_a_schema_before_is_migrated_and_kept_up_to_date() {
    for before in [&[SCHEMA_2][..], &[SCHEMA_2, SCHEMA_1]] {
        migrated_from(before);
    }
}

/// An index taken back by the scripts `before`, then used: migrated, its rows and trigram
/// tables kept in step through changes and a VACUUM.
fn migrated_from(before: &[&str]) {
    let dir = library();
    let root = dir.path();
    assert!(run(root, &["index", "briefs"]).status.success());
    let db = rusqlite::Connection::open(root.join("data/library.sqlite")).unwrap();
    for script in before {
        db.execute_batch(script).unwrap();
    }
    drop(db);
    let search = |query: &str| stdout(&run(root, &["search", query]));
    assert_eq!(
        search("source:mayor"),
        "briefs/budget.md:2: the budget vote was postponed\n"
    );
    assert!(search("actor:\"Anna Berg\"").starts_with("briefs/budget.md:4:"));
    // a title's words are found with the text's: "harbour" is only in the title
    assert_eq!(
        search("harbour dredging"),
        "briefs/harbour.md:2: The port authority said the dredging would start in May.\n"
    );
    let db = rusqlite::Connection::open(root.join("data/library.sqlite")).unwrap();
    let version: i64 = db
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 3);
    drop(db);
    // a changed briefing's old claims and actors are no longer found, its new ones are
    std::fs::write(
        root.join("briefs/budget.md"),
        BUDGET
            .replace("The mayor said", "The treasurer said")
            .replace("Anna Berg", "Lena Holm"),
    )
    .unwrap();
    assert_eq!(search("source:mayor"), "");
    assert_eq!(
        search("source:treasurer"),
        "briefs/budget.md:2: the budget vote was postponed\n"
    );
    assert_eq!(search("actor:\"Anna Berg\""), "");
    assert!(search("actor:\"Lena Holm\"").starts_with("briefs/budget.md:4:"));
    // the delete triggers took the old rows' trigrams out; VACUUM keeps the numbers the
    // trigram tables hold
    let db = rusqlite::Connection::open(root.join("data/library.sqlite")).unwrap();
    let count = |sql: &str| db.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    let mayor = "SELECT count(*) FROM claim_sources WHERE claim_sources MATCH '\"mayor\"'";
    let berg = "SELECT count(*) FROM actor_names WHERE actor_names MATCH '\"anna berg\"'";
    assert_eq!((count(mayor), count(berg)), (0, 0));
    db.execute_batch("VACUUM").unwrap();
    drop(db);
    assert_eq!(
        search("source:treasurer"),
        "briefs/budget.md:2: the budget vote was postponed\n"
    );
    assert!(search("actor:\"Lena Holm\"").starts_with("briefs/budget.md:4:"));
}

#[test]
fn search_json_gives_every_hit_with_its_briefing() {
    let dir = library();
    let root = dir.path();
    assert!(run(root, &["index", "briefs"]).status.success());
    let out = run(root, &["search", "--format", "json", "auditors"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["schema"], "brief.search/1");
    assert_eq!(report["query"], "auditors");
    let hits = report["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    let path = std::fs::canonicalize(root.join("briefs/budget.md")).unwrap();
    assert_eq!(hit["path"], path.to_str().unwrap());
    assert_eq!(hit["line"], 4);
    assert_eq!(hit["title"], "Budget vote postponed");
    assert_eq!(hit["published"], "2024-09-14");
    assert_eq!(hit["fingerprint"].as_str().unwrap().len(), 16);
    assert!(hit["score"].is_f64());
    assert_eq!(hit["claim"], "c2");
    // nothing found is an empty list, and success, in JSON
    let none = run(root, &["search", "--format", "json", "zeppelin"]);
    assert!(none.status.success());
    let report: Value = serde_json::from_slice(&none.stdout).unwrap();
    assert_eq!(report["hits"], serde_json::json!([]));
}

#[test]
fn a_bad_query_is_one_line_and_a_usage_error() {
    let dir = library();
    let root = dir.path();
    assert!(run(root, &["index", "briefs"]).status.success());
    for (query, why) in [
        ("colour:red", "brief: search: 'colour:' is not a field"),
        (
            "kind:rumour",
            "brief: search: kind: 'rumour' is not a claim kind",
        ),
        (
            "after:2024-13",
            "brief: search: after: '2024-13' is not a date",
        ),
        ("\"harbour", "brief: search: a quote (\") is not closed"),
        ("harbour AND", "brief: search: not a query: "),
        ("( harbour", "brief: search: not a query: "),
        ("*", "brief: search: not a query: a `*` ends a word"),
    ] {
        // the lines are written as found: a query refused makes no file of -o
        let out = run(root, &["search", query, "-o", "found.txt"]);
        assert_eq!(out.status.code(), Some(2), "{query}");
        let err = stderr(&out);
        assert!(err.starts_with(why), "{query}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!root.join("found.txt").exists(), "{query}");
    }
    let out = run(root, &["search", "--format", "csv", "harbour"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_damaged_index_is_built_again_and_a_half_written_log_is_ignored() {
    let dir = library();
    let root = dir.path();
    assert!(run(root, &["index", "briefs"]).status.success());
    // the log of a run killed while writing: SQLite ignores frames that do not check out
    let wal = root.join("data/library.sqlite-wal");
    let mut log = std::fs::read(&wal).unwrap_or_default();
    log.extend(std::iter::repeat_n(0xA5, 5000));
    std::fs::write(&wal, log).unwrap();
    assert_eq!(
        counts(&changes(root, &[])),
        [0, 0, 0, 0, 3, 0],
        "the committed index is intact"
    );
    // not an index at all: set aside, built again, said once
    std::fs::write(
        root.join("data/library.sqlite"),
        "not a database, half written",
    )
    .unwrap();
    let _ = std::fs::remove_file(&wal);
    let out = run(root, &["index", "briefs"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("was damaged; set aside"),
        "{}",
        stderr(&out)
    );
    assert!(root.join("data/library.sqlite.damaged").exists());
    assert!(stdout(&out).contains("3 added"), "{}", stdout(&out));
}

#[test]
fn an_index_from_a_newer_brief_is_left_alone() {
    let dir = library();
    let root = dir.path();
    assert!(run(root, &["index", "briefs"]).status.success());
    let db = rusqlite::Connection::open(root.join("data/library.sqlite")).unwrap();
    db.pragma_update(None, "user_version", 99).unwrap();
    drop(db);
    let out = run(root, &["index"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("made by a newer brief (schema 99"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_reader_keeps_its_view_while_an_update_commits() {
    let dir = library();
    let root = dir.path();
    assert!(run(root, &["index", "briefs"]).status.success());
    let mut reader = rusqlite::Connection::open(root.join("data/library.sqlite")).unwrap();
    let read = reader.transaction().unwrap();
    let before: i64 = read
        .query_row("SELECT count(*) FROM briefings", [], |r| r.get(0))
        .unwrap();
    std::fs::write(
        root.join("briefs/new.md"),
        "The minister said the talks would resume.\n",
    )
    .unwrap();
    assert_eq!(counts(&changes(root, &[])), [1, 0, 0, 0, 3, 0]);
    let during: i64 = read
        .query_row("SELECT count(*) FROM briefings", [], |r| r.get(0))
        .unwrap();
    assert_eq!((before, during), (3, 3), "the reader's snapshot holds");
    drop(read);
    let after: i64 = reader
        .query_row("SELECT count(*) FROM briefings", [], |r| r.get(0))
        .unwrap();
    assert_eq!(after, 4);
}

#[test]
fn an_update_killed_half_way_is_finished_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let briefs = root.join("briefs");
    std::fs::create_dir_all(&briefs).unwrap();
    for i in 0..150 {
        let text = format!(
            "Briefing {i}\n\nThe minister said on Monday that talks number {i} would resume.\n"
        );
        std::fs::write(briefs.join(format!("{i:03}.md")), text).unwrap();
    }
    let mut child: std::process::Child = command()
        .current_dir(root)
        .args(["index", "briefs", "--threads", "1", "--data-dir", "data"])
        .spawn()
        .unwrap();
    // killed once a first batch is committed, mid-run (or after it, on a fast machine)
    let committed = || {
        let db = rusqlite::Connection::open(root.join("data/library.sqlite")).ok()?;
        db.query_row("SELECT count(*) FROM briefings", [], |r| r.get::<_, i64>(0))
            .ok()
    };
    while committed().unwrap_or(0) == 0 && child.try_wait().unwrap().is_none() {
        std::thread::yield_now();
    }
    let _ = child.kill();
    child.wait().unwrap();
    let [added, changed, removed, moved, unchanged, failed] = counts(&changes(root, &[]));
    assert_eq!((changed, removed, moved, failed), (0, 0, 0, 0));
    assert_eq!(added + unchanged, 150);
    assert_eq!(counts(&changes(root, &[]))[4], 150);
}

/// A file of several briefings given itself as the root: an item it no longer holds is
/// removed from the index, as a file gone from a folder is.
#[test]
fn an_item_gone_from_a_file_given_as_root_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let message = |n: u32, body: &str| {
        format!(
            "From desk@example.org Sat Nov 23 10:00:0{n} 2024\nFrom: Desk <desk@example.org>\n\
             Subject: Item {n}\nDate: Sat, 23 Nov 2024 10:00:0{n} +0000\nMessage-ID: <{n}@x>\n\n{body}\n\n"
        )
    };
    let three = [
        message(1, "The council voted to expand the harbour."),
        message(2, "The ferry company said the crossing would reopen."),
        message(3, "Engineers warned that the dredging was late."),
    ];
    std::fs::write(root.join("desk.mbox"), three.concat()).unwrap();
    assert_eq!(counts(&changes(root, &["desk.mbox"])), [3, 0, 0, 0, 0, 0]);
    std::fs::write(root.join("desk.mbox"), three[..2].concat()).unwrap();
    assert_eq!(counts(&changes(root, &["desk.mbox"])), [0, 0, 1, 0, 2, 0]);
    let gone = run(root, &["search", "dredging"]);
    assert_eq!(gone.status.code(), Some(1), "{}", stdout(&gone));
}
