//! `brief library` through the real binary, on folders written here: one actor across
//! briefings with the reason of each link, the analyst's decisions in the library review
//! (kept when the index is deleted), an actor's dossier, the merged timeline, claims
//! corroborated and contradicted across briefings, and the formats and errors.

#[path = "common/cli.rs"]
mod cli;

use std::collections::HashSet;
use std::path::Path;

use cli::{command, run, stderr};
use serde_json::Value;

const PORT: &str = "---\ntitle: Port strike spreads\npublished: 2024-03-04\n---\n\n\
Northwind Shipping Corporation said on Monday that the strike at the port of Velmar had halted its ships.\n\n\
Maria Olsen, the union's leader, said the workers would not return until wages rose.\n";
const TALKS: &str = "---\ntitle: Talks resume at Velmar\npublished: 2024-03-06\n---\n\n\
Northwind said the talks with the union resumed on Tuesday.\n\n\
Olsen denied that the union had agreed to a wage freeze.\n";
const FLEET: &str = "---\ntitle: Fleet idle\npublished: 2024-03-07\n---\n\n\
The International Maritime Bureau (IMB) reported that twelve ships waited off Velmar.\n\n\
The IMB said the delays would cost millions.\n";

fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let briefs = dir.path().join("briefs");
    std::fs::create_dir_all(&briefs).unwrap();
    for (name, text) in [("port.md", PORT), ("talks.md", TALKS), ("fleet.md", FLEET)] {
        std::fs::write(briefs.join(name), text).unwrap();
    }
    dir
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let out = run(dir, &[args, &["--format", "json"]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The library actor holding the briefing actor named `name` (by the briefing's path end).
fn actor_of<'a>(lib: &'a Value, file: &str, name: &str) -> &'a Value {
    let briefing = briefing_id(lib, file);
    let extract: Value = serde_json::from_slice(
        &command()
            .args(["extract", "--no-config"])
            .arg(lib_path(lib, file))
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let id = extract["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {file}"))["id"]
        .clone();
    lib["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["members"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["briefing"] == briefing && m["actor"] == id)
        })
        .unwrap()
}

fn lib_path(lib: &Value, file: &str) -> String {
    lib["briefings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["path"].as_str().unwrap().to_string())
        .find(|p| p.ends_with(file))
        .unwrap()
}

fn reasons(actor: &Value) -> Vec<String> {
    actor["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| format!("{} = {}: {}", r["names"][0], r["names"][1], r["why"]))
        .collect()
}

#[test]
fn each_briefing_actor_belongs_to_one_library_actor_linked_with_a_reason() {
    let dir = library();
    let lib = json(dir.path(), &["--no-config", "library", "briefs"]);
    assert_eq!(lib["schema"], "brief.library/1");
    assert_eq!(lib["briefings"].as_array().unwrap().len(), 3);
    let mut members = HashSet::new();
    for actor in lib["actors"].as_array().unwrap() {
        for m in actor["members"].as_array().unwrap() {
            assert!(members.insert((m["briefing"].clone(), m["actor"].clone())));
        }
    }
    let olsen = actor_of(&lib, "port.md", "Maria Olsen");
    assert_eq!(olsen, actor_of(&lib, "talks.md", "Olsen"));
    assert_eq!(olsen["name"], "Maria Olsen");
    assert_eq!(reasons(olsen), [r#""Maria Olsen" = "Olsen": "surname""#]);
    let northwind = actor_of(&lib, "talks.md", "Northwind");
    assert_eq!(
        northwind,
        actor_of(&lib, "port.md", "Northwind Shipping Corporation")
    );
    assert_eq!(
        reasons(northwind),
        [r#""Northwind" = "Northwind Shipping Corporation": "short name""#]
    );
    // a briefing's acronym stays with its actor; no other briefing's actor joins it
    let imb = actor_of(&lib, "fleet.md", "International Maritime Bureau");
    assert_eq!(imb["members"].as_array().unwrap().len(), 1);
    assert_eq!(imb["aliases"], serde_json::json!(["IMB"]));
    for key in ["claim_groups", "sources"] {
        assert!(lib[key].is_array());
    }
}

#[test]
fn the_analyst_rejects_and_accepts_links_in_the_library_review_which_outlives_the_index() {
    let dir = library();
    let root = dir.path();
    let out = run(
        root,
        &[
            "--no-config",
            "library",
            "briefs",
            "--reject",
            "Olsen = Maria Olsen",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let review: Value =
        serde_json::from_slice(&std::fs::read(root.join("data/reviews/library.json")).unwrap())
            .unwrap();
    assert_eq!(review["schema"], "brief.library-review/1");
    assert_eq!(review["review"]["links"][0]["decision"], "rejected");
    let lib = json(root, &["--no-config", "library"]);
    assert_ne!(
        actor_of(&lib, "port.md", "Maria Olsen"),
        actor_of(&lib, "talks.md", "Olsen")
    );

    // accepted: two names brief would not link; the index rebuilt from the files
    std::fs::remove_file(root.join("data/library.sqlite")).unwrap();
    let lib = json(
        root,
        &[
            "--no-config",
            "library",
            "briefs",
            "--accept",
            "IMB = Northwind",
        ],
    );
    let imb = actor_of(&lib, "fleet.md", "International Maritime Bureau");
    assert_eq!(imb, actor_of(&lib, "talks.md", "Northwind"));
    assert!(
        reasons(imb)
            .contains(&r#""International Maritime Bureau" = "Northwind": "analyst""#.into()),
        "{:?}",
        reasons(imb)
    );
    assert_ne!(
        actor_of(&lib, "port.md", "Maria Olsen"),
        actor_of(&lib, "talks.md", "Olsen"),
        "the rejection outlives the index"
    );

    // taken back: brief's own link again
    let lib = json(
        root,
        &[
            "--no-config",
            "library",
            "--undecide",
            "Maria Olsen = Olsen",
        ],
    );
    assert_eq!(
        actor_of(&lib, "port.md", "Maria Olsen"),
        actor_of(&lib, "talks.md", "Olsen")
    );

    let bad = run(root, &["library", "--reject", "Olsen"]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(
        stderr(&bad),
        "brief: library: 'Olsen' is neither two names as 'NAME = NAME' nor a claim group as G3\n"
    );
}

#[test]
fn a_dossier_gathers_an_actor_across_briefings_by_date() {
    let dir = library();
    let root = dir.path();
    let dossier = json(
        root,
        &["--no-config", "library", "briefs", "--actor", "olsen"],
    );
    assert_eq!(dossier["schema"], "brief.dossier/1");
    assert_eq!(dossier["actor"]["name"], "Maria Olsen");
    let parts = dossier["parts"].as_array().unwrap();
    let dates: Vec<&str> = parts
        .iter()
        .map(|p| {
            let id = &p["briefing"];
            dossier["briefings"]
                .as_array()
                .unwrap()
                .iter()
                .find(|b| &b["id"] == id)
                .unwrap()["published"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(dates, ["2024-03-04", "2024-03-06"]);
    assert_eq!(
        parts[1]["claims_by"][0]["words"],
        "that the union had agreed to a wage freeze"
    );
    assert_eq!(parts[1]["claims_by"][0]["what"], "denial");

    let md = run(root, &["library", "--actor", "Maria Olsen"]);
    assert!(md.status.success(), "{}", stderr(&md));
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.starts_with("# Maria Olsen (person)\n\nAlso: Olsen\n"),
        "{md}"
    );
    assert!(md.contains("- c2 (denial): that the union had agreed to a wage freeze\n"));

    let csv = run(root, &["library", "--actor", "Olsen", "--format", "csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with("briefing,published,path,relation,id,what,words\r\n"));
    assert_eq!(csv.matches("claim by").count(), 2, "{csv}");

    let none = run(root, &["library", "--actor", "Nobody"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(
        stderr(&none),
        "brief: library: actor 'Nobody': is not named in any indexed briefing\n"
    );
}

#[test]
fn the_merged_timeline_orders_every_briefings_events_by_date() {
    let dir = library();
    let root = dir.path();
    let lib = json(root, &["--no-config", "library", "briefs"]);
    let events = lib["events"].as_array().unwrap();
    let dated: Vec<&str> = events.iter().filter_map(|e| e["value"].as_str()).collect();
    assert_eq!(dated, ["2024-03-04", "2024-03-05"]);
    for e in events {
        let report = &e["reports"][0];
        assert!(report["briefing"].as_str().unwrap().starts_with('b'));
        assert!(report["event"].as_str().unwrap().starts_with('t'));
    }
    // within a briefing, its own order: the undated denial stays before the dated talks
    let talks: Vec<&str> = events
        .iter()
        .filter(|e| e["reports"][0]["briefing"] == briefing_id(&lib, "talks.md"))
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        talks,
        [
            "the union had agreed to a wage freeze",
            "the talks with the union resumed"
        ]
    );

    let tl = run(root, &["library", "--format", "timelinejs"]);
    assert!(tl.status.success(), "{}", stderr(&tl));
    let tl: Value = serde_json::from_slice(&tl.stdout).unwrap();
    assert_eq!(tl["events"].as_array().unwrap().len(), events.len());
    assert_eq!(tl["events"][0]["group"], "Port strike spreads");

    let bad = run(root, &["library", "--format", "claimreview"]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(
        stderr(&bad),
        "brief: library: --format claimreview is not one of its formats: md, json, csv, timelinejs\n"
    );
}

/// The id of the briefing whose path ends in `file`.
fn briefing_id(lib: &Value, file: &str) -> Value {
    lib["briefings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["path"].as_str().unwrap().ends_with(file))
        .unwrap()["id"]
        .clone()
}

#[test]
fn without_a_folder_indexed_library_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["library"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no folders indexed yet"),
        "{}",
        stderr(&out)
    );
}

const SUPPLY: &str = "---\ntitle: Engines for Harbin\npublished: 2025-02-10\n---\n\n\
Norvania has supplied jet engines to Ostland, said Ilse Brandt, the trade minister.\n\n\
Ilse Brandt said Ostland had sent 4,000 engineers to Norvania.\n";
const SENT: &str = "---\ntitle: Brandt on the engine deal\npublished: 2025-02-11\n---\n\n\
Norvania sent turbine engines to Ostland, according to Ilse Brandt.\n\n\
Shares of the airline rose on the news.\n";
const DENIED: &str = "---\ntitle: Denial\npublished: 2025-02-12\n---\n\n\
The government of Norvania denied reports that Norvania had supplied engines to Ostland.\n\n\
Officials said the harvest was good.\n";
const ENGINEERS: &str = "---\ntitle: Engineers abroad\npublished: 2025-02-13\n---\n\n\
Ostland has sent some 4,000 engineers to Norvania, the Halden Institute said.\n";

/// The groups of `lib`, each as its relation and its claims' words, by briefing file.
fn groups(lib: &Value, root: &Path) -> Vec<(String, Vec<String>)> {
    let claim_words = |briefing: &Value, claim: &Value| {
        let path = lib["briefings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| &b["id"] == briefing)
            .unwrap()["path"]
            .as_str()
            .unwrap()
            .to_string();
        let extract: Value = serde_json::from_slice(
            &command()
                .args(["extract", "--no-config", &path])
                .current_dir(root)
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap();
        extract["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| &c["id"] == claim)
            .unwrap()["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    lib["claim_groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let claims = g["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    let side = c["side"]
                        .as_str()
                        .map_or(String::new(), |s| format!("{s}: "));
                    format!("{side}{}", claim_words(&c["briefing"], &c["claim"]))
                })
                .collect();
            (g["relation"].as_str().unwrap().to_string(), claims)
        })
        .collect()
}

#[test]
fn claims_of_several_briefings_are_grouped_and_a_denial_linked_with_why() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("briefs")).unwrap();
    for (name, text) in [
        ("a_supply.md", SUPPLY),
        ("b_sent.md", SENT),
        ("c_denied.md", DENIED),
        ("d_engineers.md", ENGINEERS),
    ] {
        std::fs::write(root.join("briefs").join(name), text).unwrap();
    }
    let lib = json(root, &["--no-config", "library", "briefs"]);
    let engines = [
        "Norvania has supplied jet engines to Ostland".to_string(),
        "Norvania sent turbine engines to Ostland".to_string(),
    ];
    let engineers = [
        "Ostland had sent 4,000 engineers to Norvania".to_string(),
        "Ostland has sent some 4,000 engineers to Norvania".to_string(),
    ];
    assert_eq!(
        groups(&lib, root),
        [
            ("corroborates".to_string(), engines.to_vec()),
            ("corroborates".to_string(), engineers.to_vec()),
            (
                "contradicts".to_string(),
                vec![
                    format!("a: {}", engines[0]),
                    format!("a: {}", engines[1]),
                    "b: reports that Norvania had supplied engines to Ostland".to_string(),
                ]
            ),
        ],
        "the same actors the other way round are another claim; unrelated claims stay alone"
    );
    let g = &lib["claim_groups"];
    // both engine reports quote Brandt: one source; the engineers' two sources
    assert_eq!(g[0]["independent_sources"], 1);
    assert_eq!(g[1]["independent_sources"], 2);
    let reason = g[0]["reason"].as_str().unwrap();
    assert!(
        reason.contains("the same actors (Norvania, Ostland)") && reason.contains("send ~ supply"),
        "{reason}"
    );
    assert!(
        g[2]["reason"]
            .as_str()
            .unwrap()
            .starts_with("b denies what a says")
    );
    assert!(
        g.as_array()
            .unwrap()
            .iter()
            .all(|g| g["decision"].is_null())
    );

    // the analyst's decision, kept by the claims' words, not the group's id
    let out = run(root, &["--no-config", "library", "--reject", "G3"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lib = json(root, &["--no-config", "library", "--accept", "g1"]);
    assert_eq!(lib["claim_groups"][0]["decision"], "accepted");
    assert_eq!(lib["claim_groups"][2]["decision"], "rejected");
    let md = run(root, &["--no-config", "library"]);
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains("**G3** contradicts (3 briefings, 2 sources, rejected)"),
        "{md}"
    );
    let lib = json(root, &["--no-config", "library", "--undecide", "G3"]);
    assert!(lib["claim_groups"][2]["decision"].is_null());

    let bad = run(root, &["--no-config", "library", "--accept", "G9"]);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(
        stderr(&bad),
        "brief: library: claim group G9: is not one of the 3 groups\n"
    );
}

/// A folder `briefs` holding the briefings of `tests/fixtures/NAME`.
fn fixture_library(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let briefs = dir.path().join("briefs");
    std::fs::create_dir_all(&briefs).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    for entry in std::fs::read_dir(fixtures).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, briefs.join(path.file_name().unwrap())).unwrap();
    }
    dir
}

/// A library of related briefings written for this test (`tests/fixtures/across`): Seoul's
/// account of missiles Russia gave North Korea in two wordings quoting one official, the
/// Kremlin's denial, two accounts of the troops the North sent quoting two others, and
/// claims that look alike but are not the same (oil, not missiles; Iran, not North Korea).
#[test]
fn claims_worded_differently_group_a_denial_contradicts_and_one_official_is_one_source() {
    let dir = fixture_library("across");
    let root = dir.path();
    let lib = json(root, &["--no-config", "library", "briefs"]);
    let missiles = [
        "Russia has supplied anti-aircraft missiles to North Korea".to_string(),
        "Moscow sent air-defence missiles to Pyongyang".to_string(),
    ];
    assert_eq!(
        groups(&lib, root),
        [
            ("corroborates".to_string(), missiles.to_vec()),
            (
                "corroborates".to_string(),
                vec![
                    "North Korea has sent more than 10,000 soldiers to Russia".to_string(),
                    "Pyongyang has deployed over 10,000 troops to Russia".to_string(),
                ]
            ),
            (
                "contradicts".to_string(),
                vec![
                    format!("a: {}", missiles[0]),
                    format!("a: {}", missiles[1]),
                    "b: that Russia had given air defence missiles to North Korea".to_string(),
                ]
            ),
        ],
        "oil is not missiles, and Iran is not North Korea"
    );
    let g = &lib["claim_groups"];
    // both missile reports quote Shin Wonsik ("Shin" in the first, later): one source
    assert_eq!(g[0]["independent_sources"], 1);
    assert_eq!(g[1]["independent_sources"], 2);
    assert_eq!(g[2]["independent_sources"], 2);
    let reason = g[0]["reason"].as_str().unwrap();
    assert!(
        reason.contains("the same actors (Russia, North Korea)")
            && reason.contains("air-defence ~ anti-aircraft"),
        "{reason}"
    );
    let shin = lib["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Shin Wonsik")
        .unwrap();
    assert_eq!(
        shin["claims"], 3,
        "his two reports and what 'Shin' said after"
    );
}

/// Four briefings on one invented crisis (`tests/fixtures/crisis`): a city seized in one and
/// captured in another ("the city of" adds nothing), a ceasefire spelled two ways, a massacre
/// told with other figures and denied by the rebels; the UN envoy named in full once and by
/// her surname after; the seizure one row of the merged timeline.
#[test]
fn a_crisis_told_by_four_briefings_groups_its_claims_and_contradicts_its_figures() {
    let dir = fixture_library("crisis");
    let root = dir.path();
    let lib = json(root, &["--no-config", "library", "briefs"]);
    let said = |n: &str| format!("Rebel fighters killed {n} civilians in the central market");
    let denied = "that its fighters killed civilians in the central market";
    let truce = |word: &str| {
        format!(
            "The Ostravian government and the Northern Liberation Front agreed to a {word} in Dunmere"
        )
    };
    let strings = |list: &[&str]| list.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    assert_eq!(
        groups(&lib, root),
        [
            (
                "corroborates".to_string(),
                strings(&[
                    "The Northern Liberation Front seized the city of Dunmere on Saturday",
                    "The Northern Liberation Front captured Dunmere on Saturday",
                ])
            ),
            (
                "corroborates".to_string(),
                vec![truce("ceasefire"), truce("cease-fire")]
            ),
            (
                "contradicts".to_string(),
                vec![format!("a: {}", said("12")), format!("b: {}", said("40"))]
            ),
            (
                "contradicts".to_string(),
                vec![format!("a: {}", said("12")), format!("b: {denied}")]
            ),
            (
                "contradicts".to_string(),
                vec![format!("a: {}", said("40")), format!("b: {denied}")]
            ),
        ]
    );
    let reason = |g: usize| {
        lib["claim_groups"][g]["reason"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(
        reason(0).contains("synonyms (capture ~ seize)"),
        "{}",
        reason(0)
    );
    assert!(reason(1).contains("cease-fire"), "{}", reason(1));
    assert!(
        reason(2).starts_with("the figures differ (12 against 40)"),
        "{}",
        reason(2)
    );
    assert!(
        reason(3).starts_with("b denies what a says"),
        "{}",
        reason(3)
    );
    // the envoy, in full and by surname, and the rebels in every briefing: one actor each
    let id = |file: &str, name: &str| actor_of(&lib, file, name)["id"].clone();
    assert_eq!(
        id("c_ceasefire.md", "Lena Marsh"),
        id("d_cease_fire.md", "Marsh")
    );
    let front = "Northern Liberation Front";
    for file in ["b_captured.md", "c_ceasefire.md", "d_cease_fire.md"] {
        assert_eq!(id("a_seized.md", front), id(file, front));
    }
    // the seizure, dated by both from "on Saturday": one row with both reports
    let seized = lib["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["label"].as_str().unwrap().contains("seized the city"))
        .unwrap();
    assert_eq!(seized["reports"].as_array().unwrap().len(), 2);
    assert_eq!(seized["value"], "2025-03-01");
    assert_eq!(seized["conflict"], false);
}

/// Every format of `brief library` byte for byte, on the briefings of the tests above with a
/// decision on a group and a reliability letter: the report is written as it is made, and
/// this catches any change in what it writes (the folder's path read as ROOT).
#[test]
fn every_format_of_the_library_is_written_as_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let briefs = root.join("briefs");
    std::fs::create_dir_all(&briefs).unwrap();
    for (name, text) in [
        ("port.md", PORT),
        ("talks.md", TALKS),
        ("fleet.md", FLEET),
        ("a_supply.md", SUPPLY),
        ("b_sent.md", SENT),
        ("c_denied.md", DENIED),
        ("d_engineers.md", ENGINEERS),
    ] {
        std::fs::write(briefs.join(name), text).unwrap();
    }
    let decided = run(
        root,
        &[
            "--no-config",
            "library",
            "briefs",
            "--reject",
            "G3",
            "--reliability",
            "Ilse Brandt = B",
            "--format",
            "csv",
        ],
    );
    assert!(decided.status.success(), "{}", stderr(&decided));
    let folder = std::fs::canonicalize(root).unwrap();
    for format in ["json", "md", "csv", "timelinejs"] {
        let out = run(root, &["--no-config", "library", "--format", format]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = String::from_utf8(out.stdout).unwrap();
        // CSV's carriage returns shown, as a snapshot compares lines
        let text = text
            .replace(folder.to_str().unwrap(), "ROOT")
            .replace('\r', "\\r");
        insta::assert_snapshot!(format!("library_{format}"), text);
    }
}

/// The merged timeline orders a date within the part of its period an edge word names, as a
/// briefing's timeline does: "early February" before "late February" of another briefing,
/// whatever the briefings' order.
#[test]
fn the_merged_timeline_orders_by_the_edge_of_a_period() {
    let dir = tempfile::tempdir().unwrap();
    let briefs = dir.path().join("briefs");
    std::fs::create_dir_all(&briefs).unwrap();
    let brief = |title: &str, body: &str| {
        format!("---\ntitle: {title}\npublished: 2024-11-23\n---\n\n{body}\n")
    };
    std::fs::write(
        briefs.join("a.md"),
        brief(
            "Talks",
            "The harbour talks collapsed in late February 2024.",
        ),
    )
    .unwrap();
    std::fs::write(
        briefs.join("b.md"),
        brief(
            "Troops",
            "Naval troops arrived in the harbour in early February 2024.",
        ),
    )
    .unwrap();
    let lib = json(dir.path(), &["--no-config", "library", "briefs"]);
    let labels: Vec<&str> = lib["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "Naval troops arrived in the harbour",
            "The harbour talks collapsed"
        ]
    );
}
