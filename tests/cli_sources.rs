//! The source register of `brief library` through the real binary, on briefings written
//! here and reviews imported into them: each source's claims across the library, how the
//! analyst reviewed them, the grades given, the reliability suggested by the README's rule,
//! and the analyst's own letter kept in the library review; and ClaimReview's appearances
//! of a claim other briefings of the library report too.

#[path = "common/cli.rs"]
mod cli;

use std::path::Path;

use cli::{run, stderr};
use serde_json::{Value, json};

const A: &str = "---\ntitle: Turbines for Ostland\npublished: 2025-02-10\n---\n\n\
Norvania has supplied jet engines to Ostland, said Ilse Brandt, the trade minister.\n\n\
Ilse Brandt said the engines were delivered in March.\n";
const B: &str = "---\ntitle: The engine deal\npublished: 2025-02-11\n---\n\n\
Norvania sent turbine engines to Ostland, according to Ilse Brandt.\n\n\
Brandt said a second shipment would follow in April.\n";

/// A colleague's review of `file` (claims by their words: status, grade) imported.
fn review(dir: &Path, file: &str, items: &[(&str, &str, Option<&str>)]) {
    let claims: Vec<Value> = items
        .iter()
        .map(|(words, status, grade)| {
            json!({"quote": {"exact": words, "prefix": "", "suffix": ""}, "start": 0, "end": 0,
                   "status": status, "grade": grade, "updated": "2026-12-01T10:00:00Z"})
        })
        .collect();
    let export =
        json!({"schema": "brief.review/1", "review": {"reviewer": "Ann", "claims": claims}});
    let path = dir.join(format!("{file}.review.json"));
    std::fs::write(&path, export.to_string()).unwrap();
    let out = run(
        dir,
        &["import", path.to_str().unwrap(), &format!("briefs/{file}")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("briefs")).unwrap();
    std::fs::write(dir.path().join("briefs/a.md"), A).unwrap();
    std::fs::write(dir.path().join("briefs/b.md"), B).unwrap();
    review(
        dir.path(),
        "a.md",
        &[
            (
                "Norvania has supplied jet engines to Ostland",
                "supported",
                Some("B2"),
            ),
            ("the engines were delivered in March", "supported", None),
        ],
    );
    review(
        dir.path(),
        "b.md",
        &[
            (
                "Norvania sent turbine engines to Ostland",
                "supported",
                Some("B1"),
            ),
            ("a second shipment would follow in April", "disputed", None),
        ],
    );
    dir
}

fn sources(dir: &Path, extra: &[&str]) -> Vec<Value> {
    let out = run(
        dir,
        &[&["library", "briefs", "--format", "json"], extra].concat(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let lib: Value = serde_json::from_slice(&out.stdout).unwrap();
    lib["sources"].as_array().unwrap().clone()
}

#[test]
fn each_source_counts_its_claims_reviews_and_grades_and_suggests_a_letter() {
    let dir = library();
    let listed = sources(dir.path(), &[]);
    let brandt = listed.iter().find(|s| s["name"] == "Ilse Brandt").unwrap();
    // four claims by her in two briefings: three supported, one disputed (75%): B
    assert_eq!(brandt["claims"], 4);
    assert_eq!(brandt["reviewed"], json!({"supported": 3, "disputed": 1}));
    assert_eq!(brandt["grades"], json!({"B1": 1, "B2": 1}));
    assert_eq!(brandt["suggested_reliability"], "B");
    assert_eq!(brandt["reliability"], Value::Null);
    assert!(brandt["actor"].as_str().unwrap().starts_with('A'));

    // the analyst's letter, kept in the library review; the same name in any case
    let listed = sources(dir.path(), &["--reliability", "ilse brandt = a"]);
    let brandt = listed.iter().find(|s| s["name"] == "Ilse Brandt").unwrap();
    assert_eq!(brandt["reliability"], "A");
    assert_eq!(brandt["suggested_reliability"], "B");
    let kept = std::fs::read_to_string(dir.path().join("data/reviews/library.json")).unwrap();
    assert!(kept.contains("\"reliability\": \"A\""), "{kept}");
    // it outlives the index
    for file in ["library.sqlite", "library.sqlite-wal", "library.sqlite-shm"] {
        std::fs::remove_file(dir.path().join("data").join(file)).ok();
    }
    let listed = sources(dir.path(), &[]);
    let brandt = listed.iter().find(|s| s["name"] == "Ilse Brandt").unwrap();
    assert_eq!(brandt["reliability"], "A");
    // taken back
    let listed = sources(dir.path(), &["--reliability", "Ilse Brandt ="]);
    let brandt = listed.iter().find(|s| s["name"] == "Ilse Brandt").unwrap();
    assert_eq!(brandt["reliability"], Value::Null);
}

#[test]
fn the_register_alone_in_markdown_and_csv_and_a_bad_letter_refused() {
    let dir = library();
    let out = run(dir.path(), &["library", "briefs", "--sources"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("## Sources\n"), "{md}");
    assert!(
        md.contains("- **Ilse Brandt**: 4 claims (disputed 1, supported 3); graded B1 1, B2 1; reliability suggested B\n"),
        "{md}"
    );
    let out = run(
        dir.path(),
        &["library", "briefs", "--sources", "--format", "csv"],
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("actor,name,claims,reviewed,grades,suggested_reliability,reliability")
    );
    assert!(
        csv.contains(",Ilse Brandt,4,\"disputed 1, supported 3\",\"B1 1, B2 1\",B,\r\n"),
        "{csv}"
    );
    // the library's Markdown has the section too
    let out = run(dir.path(), &["library", "briefs"]);
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("## Sources\n\n- **Ilse Brandt**")
    );

    let out = run(
        dir.path(),
        &["library", "briefs", "--reliability", "Ilse Brandt = G"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim(),
        "brief: library: 'Ilse Brandt = G' is not a source's reliability as 'NAME = B' (A to F)"
    );
    let out = run(
        dir.path(),
        &["library", "briefs", "--sources", "--format", "timelinejs"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("for the sources"), "{}", stderr(&out));
}

#[test]
fn claimreview_lists_the_other_briefings_reporting_a_claim_and_the_first_appearance() {
    let dir = library();
    let claimreview = |file: &str| -> Vec<Value> {
        let out = run(
            dir.path(),
            &[
                "export",
                &format!("briefs/{file}"),
                "--format",
                "claimreview",
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    // without an index, the briefing's own appearance only
    let reviews = claimreview("b.md");
    assert_eq!(
        reviews[0]["itemReviewed"]["appearance"]["headline"],
        "The engine deal"
    );
    assert!(reviews[0]["itemReviewed"].get("firstAppearance").is_none());

    let out = run(dir.path(), &["index", "briefs"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let reviews = claimreview("b.md");
    let sent = reviews
        .iter()
        .find(|r| {
            r["claimReviewed"]
                .as_str()
                .unwrap()
                .contains("turbine engines")
        })
        .unwrap();
    let item = &sent["itemReviewed"];
    let headlines: Vec<&str> = item["appearance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["headline"].as_str().unwrap())
        .collect();
    assert_eq!(headlines, ["The engine deal", "Turbines for Ostland"]);
    assert_eq!(item["appearance"][1]["datePublished"], "2025-02-10");
    assert_eq!(item["firstAppearance"]["headline"], "Turbines for Ostland");
    assert_eq!(item["firstAppearance"]["datePublished"], "2025-02-10");
    // a claim no other briefing reports keeps its one appearance
    let shipment = reviews
        .iter()
        .find(|r| {
            r["claimReviewed"]
                .as_str()
                .unwrap()
                .contains("second shipment")
        })
        .unwrap();
    assert!(shipment["itemReviewed"]["appearance"].is_object());
}
