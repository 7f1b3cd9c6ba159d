//! The configuration and `brief paths`: a bad or missing file, the user lexicon, the README's
//! examples, completions.

#[path = "common/cli.rs"]
mod cli;

use std::process::Command;

use cli::{brief, json, stderr, write};
use serde_json::Value;

#[test]
fn an_invalid_or_missing_named_config_exits_two_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = write(
        dir.path(),
        "config.toml",
        b"reviewer = \"A\"\nbogus_key = 1\n",
    );
    let out = brief(&["extract", "--config", &config], None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("config.toml") && err.contains("line 2") && err.contains("bogus_key"),
        "{err}"
    );

    let twice = write(
        dir.path(),
        "keys.toml",
        b"[keys]\nquit = [\"x\"]\nhelp = [\"x\"]\n",
    );
    let out = brief(&["extract", "--config", &twice], None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("keys.toml: line 3") && err.contains("`x`"),
        "{err}"
    );

    // one key written as a string, not a list: what is expected, not serde's words
    let string = write(dir.path(), "string.toml", b"[keys]\n\nquit = \"Q\"\n");
    let out = brief(&["extract", "--config", &string], None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("string.toml: line 3")
            && err.contains("a list of keys, such as quit = [\"Q\"]"),
        "{err}"
    );

    let out = brief(&["extract", "--config", "/nonexistent/brief.toml"], None);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    // --no-config ignores even a broken file named in the environment
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["extract", "--no-config"])
        .env("BRIEF_CONFIG", &config)
        .output()
        .unwrap();
    assert!(out.status.success());
}

#[test]
fn paths_and_completions() {
    let out = brief(&["paths", "--data-dir", "/srv/brief-data"], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("config: /nonexistent/xdg-config/brief/config.toml"),
        "{text}"
    );
    assert!(text.contains("data:   /srv/brief-data"), "{text}");
    for shell in ["bash", "zsh", "fish"] {
        let out = brief(&["completions", shell], None);
        assert!(out.status.success());
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("extract"),
            "{shell}"
        );
    }
}

#[test]
fn the_user_lexicon_is_read_unless_no_config() {
    let dir = tempfile::tempdir().unwrap();
    let config = write(
        dir.path(),
        "config.toml",
        b"[lexicon]\naliases = { \"Hermit Kingdom\" = \"North Korea\" }\nhedges = [\"conceivably\"]\n",
    );
    let text = write(
        dir.path(),
        "a.txt",
        b"North Korea tested a missile. Officials said the Hermit Kingdom conceivably plans more tests.\n",
    );
    let with = json(&brief(&["extract", &text, "--config", &config], None));
    let north_korea = with["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "North Korea")
        .expect("North Korea");
    assert!(
        north_korea["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Hermit Kingdom")
    );
    let hedged = |analysis: &Value| {
        analysis["claims"].as_array().unwrap().iter().any(|c| {
            c["hedges"]
                .as_array()
                .unwrap()
                .iter()
                .any(|h| h["text"] == "conceivably")
        })
    };
    assert!(hedged(&with));
    let without = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["extract", &text, "--no-config"])
        .env("BRIEF_CONFIG", &config)
        .output()
        .unwrap();
    assert!(!hedged(&json(&without)));
}

/// Every configuration the README shows is read as written, and its lexicon is used.
#[test]
fn the_readmes_configuration_examples_work_as_written() {
    let readme = include_str!("../README.md");
    let blocks: Vec<&str> = readme
        .split("```toml\n")
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .collect();
    assert!(!blocks.is_empty(), "the README shows a configuration");
    let dir = tempfile::tempdir().unwrap();
    for block in blocks {
        let config = write(dir.path(), "config.toml", block.as_bytes());
        let out = brief(
            &["--config", &config, "extract", "-"],
            Some(b"DPRK fired a missile on Friday, the ministry said.\n"),
        );
        let analysis = json(&out);
        if block.contains("DPRK") {
            let actor = analysis["actors"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["name"] == "North Korea")
                .unwrap_or_else(|| panic!("no North Korea: {analysis}"));
            assert!(actor["aliases"].to_string().contains("DPRK"), "{actor}");
        }
    }
}

/// `brief paths` reads the configuration as every command does: an invalid or missing named
/// file is exit status 2 with the same line; `~` is the home folder.
#[test]
fn paths_checks_the_configuration_and_expands_a_tilde() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.toml", b"reviewer = 5\n");
    let paths = brief(&["--config", &bad, "paths"], None);
    let extract = brief(&["--config", &bad, "extract"], None);
    assert_eq!(paths.status.code(), Some(2));
    assert_eq!(stderr(&paths), stderr(&extract));
    assert!(stderr(&paths).starts_with("brief: "), "{}", stderr(&paths));
    let missing = brief(&["--config", "/nonexistent/brief.toml", "paths"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(stderr(&missing).lines().count(), 1);

    let config = write(dir.path(), "c.toml", b"[export]\ndir = \"~/exports\"\n");
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["--config", &config, "paths"])
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let exports = dir.path().join("exports");
    assert!(
        text.contains(&format!(
            "export: {} (missing: made on the first export)",
            exports.display()
        )),
        "{text}"
    );
    // a file where a folder on the way must be: no promise
    write(dir.path(), "blocker", b"");
    let config = write(dir.path(), "d.toml", b"[export]\ndir = \"~/blocker/x\"\n");
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["--config", &config, "paths"])
        .env("HOME", dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("(a file is in the way: exports will fail)"),
        "{text}"
    );
}
