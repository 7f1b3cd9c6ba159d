//! Hostile input through the real binary (issue 17): pages nested deep or with many
//! attributes, control characters in metadata, notes, configuration and file names,
//! special files as `-o`, and the smaller shapes. Each is handled with one clear line or a
//! correct result; nothing aborts, nothing reaches the terminal.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_brief"));
    // never the developer's own configuration or reviews
    command
        .env_remove("BRIEF_CONFIG")
        .env_remove("BRIEF_DATA_DIR")
        .env("XDG_CONFIG_HOME", "/nonexistent/xdg-config")
        .env("XDG_DATA_HOME", "/nonexistent/xdg-data")
        .env_remove("RUST_BACKTRACE");
    command
}

fn brief(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = command()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        // a child that stops reading early is not this test's failure
        let _ = input.write_all(bytes);
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(out: &Output) -> Value {
    assert!(out.status.success(), "failed: {}", stderr(out));
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON document")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn a_page_nested_ten_thousand_deep_is_read_whole_and_quickly() {
    let dir = tempfile::tempdir().unwrap();
    for (name, open, close) in [
        ("div", "<div>", "</div>"),
        ("span", "<span>", "</span>"),
        ("b", "<b>", ""),
        ("table", "<table><tr><td>", "</td></tr></table>"),
        ("svg", "<svg><g>", ""),
    ] {
        let depth = 40_000;
        let page = format!(
            "<!DOCTYPE html><html><head><title>Deep</title></head><body>{}\
             <p>Officials in Oslo said on Monday that talks would resume.</p>{}</body></html>",
            open.repeat(depth),
            close.repeat(depth)
        );
        let path = write(dir.path(), &format!("{name}.html"), page.as_bytes());
        let started = Instant::now();
        let out = brief(&["extract", "--no-config", &path], None);
        let took = started.elapsed();
        assert!(took < Duration::from_secs(10), "{name}: {took:?}");
        if name == "svg" {
            // a drawing is no article text: one line says so
            assert_eq!(out.status.code(), Some(1));
            assert!(stderr(&out).ends_with("web page with no readable article text\n"));
            continue;
        }
        let analysis = json(&out);
        let text = analysis["document"]["text"].as_str().unwrap();
        assert!(text.contains("talks would resume"), "{name}: {text}");
    }
}

#[test]
fn a_tag_with_many_attributes_is_read_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let attributes: String = (0..160_000).map(|i| format!(" a{i}=x")).collect();
    let page = format!(
        "<!DOCTYPE html><html><body><p{attributes}>Officials in Oslo said on Monday that \
         talks would resume.</p></body></html>"
    );
    let path = write(dir.path(), "attributes.html", page.as_bytes());
    let started = Instant::now();
    let out = brief(&["extract", "--no-config", &path], None);
    assert!(started.elapsed() < Duration::from_secs(10));
    let analysis = json(&out);
    assert!(
        analysis["document"]["text"]
            .as_str()
            .unwrap()
            .contains("talks would resume")
    );
}
