//! `brief import` through the real binary: a colleague's exported review merged into this
//! analyst's, field by field, each item keeping its reviewer; what it refuses.

#[path = "common/cli.rs"]
mod cli;

use std::path::Path;

use cli::{brief, json, stderr, write};
use serde_json::{Value, json};

/// The sample's analysis and its claims' quotes, as a review item holds them.
fn sample() -> (Value, Vec<Value>) {
    let analysis = json(&brief(&["extract"], None));
    let quotes = analysis["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| json!({"exact": c["text"], "prefix": "", "suffix": ""}))
        .collect();
    (analysis, quotes)
}

/// This analyst's stored review of the sample, in the first format (items without a
/// reviewer of their own): c1 rejected, c2 disputed with a note, both at ten o'clock.
fn my_review(data: &Path, fingerprint: &str, quotes: &[Value]) {
    let item = |quote: &Value, status: &str, note: Value| {
        json!({"quote": quote, "start": 0, "end": 0, "status": status, "note": note,
               "updated": "2026-11-27T10:00:00Z"})
    };
    let review = json!({
        "schema": "brief.review/1",
        "briefing": fingerprint,
        "review": {"reviewer": "Ann Analyst", "claims": [
            item(&quotes[0], "rejected", Value::Null),
            item(&quotes[1], "disputed", json!("Denied by the ministry.")),
        ]}
    });
    std::fs::create_dir_all(data.join("reviews")).unwrap();
    let file = data.join(format!("reviews/text-{fingerprint}.json"));
    std::fs::write(file, review.to_string()).unwrap();
}

/// The CSV export's rows as maps from column to cell (no cell of the sample holds a comma
/// in the columns read here, but the claim's text may: it is left out).
fn csv_rows(data_dir: &str) -> Vec<std::collections::HashMap<String, String>> {
    let out = brief(&["export", "--format", "csv", "--data-dir", data_dir], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    let header: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
    lines
        .filter(|l| l.starts_with('c'))
        .map(|line| {
            // the id and status lead; reviewer, tags and page end the row
            let cells: Vec<&str> = line.split(',').collect();
            let mut row = std::collections::HashMap::new();
            for (name, cell) in header.iter().zip(&cells).take(3) {
                row.insert(name.clone(), cell.to_string());
            }
            for (name, cell) in header.iter().rev().zip(cells.iter().rev()).take(3) {
                row.insert(name.clone(), cell.to_string());
            }
            row
        })
        .collect()
}

#[test]
fn a_colleagues_review_merges_field_by_field_and_keeps_its_reviewer() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data_dir = data.to_str().unwrap();
    let (analysis, quotes) = sample();
    let fingerprint = analysis["document"]["fingerprint"].as_str().unwrap();
    my_review(&data, fingerprint, &quotes);
    // Kim's export, written before exports kept each field's time: c2 supported an hour
    // later (the note Kim never wrote is no clearing of Ann's), c3 new with tags
    let theirs = json!({
        "schema": "brief.analysis/1",
        "document": {"fingerprint": fingerprint},
        "review": {"reviewer": "Kim Colleague", "claims": [
            {"quote": quotes[1], "start": 0, "end": 0, "status": "supported", "grade": "B2",
             "note": null, "updated": "2026-11-27T11:00:00Z", "orphaned": false},
            {"quote": quotes[2], "start": 0, "end": 0, "status": "unverified",
             "tags": ["sanctions", "follow-up"], "updated": "2026-11-27T11:00:00Z"}
        ], "notes": [], "corrections": []}
    });
    let file = write(dir.path(), "kim.json", theirs.to_string().as_bytes());

    let out = brief(&["import", &file, "--data-dir", data_dir], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "merged from Kim Colleague into the review of sample: 2 claim reviews\n"
    );

    let rows = csv_rows(data_dir);
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap().clone();
    // Ann's own item keeps her name, though this run's reviewer is someone else
    assert_eq!(
        (row("c1")["status"].as_str(), row("c1")["reviewer"].as_str()),
        ("rejected", "Ann Analyst")
    );
    let c2 = row("c2");
    assert_eq!(
        (c2["status"].as_str(), c2["grade"].as_str()),
        ("supported", "B2")
    );
    assert_eq!(c2["reviewer"], "Kim Colleague");
    let c3 = row("c3");
    assert_eq!(
        (c3["status"].as_str(), c3["tags"].as_str()),
        ("unverified", "sanctions; follow-up")
    );
    let exported = json(&brief(
        &["export", "--format", "json", "--data-dir", data_dir],
        None,
    ));
    let c2 = &exported["review"]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["claim"] == "c2")
        .unwrap()
        .clone();
    assert_eq!(c2["note"], "Denied by the ministry.", "{c2}");
    let md = brief(&["export", "--data-dir", data_dir], None);
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("- Tags: #sanctions #follow-up"), "{md}");
    assert!(md.contains("- Reviewed by: Kim Colleague"), "{md}");
    let claimreview = json(&brief(
        &["export", "--format", "claimreview", "--data-dir", data_dir],
        None,
    ));
    let authors: Vec<&str> = claimreview
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["author"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(authors, ["Kim Colleague", "Kim Colleague"]);

    // the same file again brings nothing; the export of the merged review too
    let again = brief(&["import", &file, "--data-dir", data_dir], None);
    assert_eq!(
        String::from_utf8(again.stdout).unwrap(),
        "nothing new from Kim Colleague: the review of sample already holds it all\n"
    );
    let mine = brief(
        &["export", "--format", "json", "--data-dir", data_dir],
        None,
    );
    let mine = write(dir.path(), "mine.json", &mine.stdout);
    let round = brief(&["import", &mine, "--data-dir", data_dir], None);
    assert!(
        String::from_utf8(round.stdout.clone())
            .unwrap()
            .starts_with("nothing new"),
        "{}",
        stderr(&round)
    );
}

#[test]
fn what_is_not_a_review_is_one_line_and_no_change() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let data_dir = data_dir.to_str().unwrap();
    for (name, bytes, says) in [
        ("garbage.json", &b"not json"[..], "not JSON"),
        (
            "analysis.json",
            br#"{"schema": "brief.analysis/1"}"#,
            "no review in it",
        ),
        (
            "bad.json",
            br#"{"review": {"reviewer": "x", "claims": [{"status": "maybe"}]}}"#,
            "its review cannot be read",
        ),
    ] {
        let file = write(dir.path(), name, bytes);
        let out = brief(&["import", &file, "--data-dir", data_dir], None);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with(&format!("brief: {file}: {says}")), "{err}");
    }
    assert!(!dir.path().join("data/reviews").exists());
    let out = brief(&["import", "-", "-", "--data-dir", data_dir], Some(b"{}"));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = brief(&["import", "missing.json", "--data-dir", data_dir], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("brief: missing.json: "));
}
