//! Running the `brief` binary for the command-line tests: each test file takes what it
//! needs (`#[path]`), so what one does not use is not dead code there.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The binary, never with the developer's own configuration or reviews.
pub fn command() -> Command {
    isolated(Command::new(env!("CARGO_BIN_EXE_brief")))
}

/// brief, run in `dir` with the data dir `dir/data`.
pub fn run(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    command()
        .current_dir(dir)
        .args(args)
        .arg("--data-dir")
        .arg(dir.join("data"))
        .output()
        .unwrap()
}

/// A command that runs the binary, kept from the developer's configuration and reviews.
fn isolated(mut command: Command) -> Command {
    command
        .env_remove("BRIEF_CONFIG")
        .env_remove("BRIEF_DATA_DIR")
        .env_remove("BRIEF_THREADS")
        .env("XDG_CONFIG_HOME", "/nonexistent/xdg-config")
        .env("XDG_DATA_HOME", "/nonexistent/xdg-data")
        .env_remove("RUST_BACKTRACE");
    command
}

/// The binary as a user permission bits apply to, for tests of read-only folders: root
/// ignores them, so as root it runs as nobody (65534) through `setpriv`, and `dir` (the
/// test's own) is opened to nobody. None, with the reason printed, when that cannot be done.
pub fn unprivileged(dir: &Path) -> Option<Command> {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: geteuid has no preconditions and cannot fail
    if unsafe { libc::geteuid() } != 0 {
        return Some(command());
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let nobody = || {
        let mut setpriv = Command::new("setpriv");
        setpriv
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_brief"));
        setpriv
    };
    if !nobody()
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success())
    {
        eprintln!("skipped: running as root, and `setpriv` cannot run the binary as nobody");
        return None;
    }
    Some(isolated(nobody()))
}

pub fn brief(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = command()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        // a child that stops reading early is not the test's failure: its output says
        let _ = input.write_all(bytes);
    }
    drop(input);
    child.wait_with_output().unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn json(out: &Output) -> Value {
    assert!(out.status.success(), "failed: {}", stderr(out));
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON document")
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

/// Every span in the analysis slices (in code points) to the text it claims to cover.
pub fn assert_offsets_slice_the_text(analysis: &Value) {
    let text: Vec<char> = analysis["document"]["text"]
        .as_str()
        .unwrap()
        .chars()
        .collect();
    let check = |span: &Value| {
        let (start, end) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        assert!(
            start <= end && end <= text.len(),
            "span out of range: {span}"
        );
        if let Some(expected) = span.get("text").and_then(Value::as_str) {
            let got: String = text[start..end].iter().collect();
            assert_eq!(got, expected, "span {span}");
        }
    };
    for actor in analysis["actors"].as_array().unwrap() {
        actor["mentions"].as_array().unwrap().iter().for_each(check);
    }
    for claim in analysis["claims"].as_array().unwrap() {
        check(claim);
        check(&claim["sentence"]);
        for key in ["source", "cue"] {
            if !claim[key].is_null() {
                check(&claim[key]);
            }
        }
        claim["hedges"].as_array().unwrap().iter().for_each(check);
    }
    analysis["times"].as_array().unwrap().iter().for_each(check);
    analysis["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .for_each(check);
}
