//! `brief extract` through the real binary: the JSON shape and its offsets, one file or
//! several, stdin only when asked, batch mode, the published date.

#[path = "common/cli.rs"]
mod cli;

use std::io::Write;

use cli::{assert_offsets_slice_the_text, brief, command, json, stderr, write};
use serde_json::Value;

#[test]
fn no_path_analyses_the_bundled_sample() {
    let analysis = json(&brief(&["extract"], None));
    assert_eq!(analysis["schema"], "brief.analysis/1");
    assert_eq!(analysis["document"]["published"], "2024-11-23");
    assert_eq!(analysis["document"]["published_from"], "front matter");
    let fingerprint = analysis["document"]["fingerprint"].as_str().unwrap();
    assert_eq!(fingerprint.len(), 16);
    assert!(fingerprint.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(analysis["id"], fingerprint);
    assert!(
        analysis["document"]["text"]
            .as_str()
            .unwrap()
            .starts_with("South Korea has uncovered")
    );
    for key in ["actors", "claims", "times", "timeline"] {
        assert!(analysis[key].is_array(), "{key}");
    }
    assert_offsets_slice_the_text(&analysis);
}

#[test]
fn clean_input_is_kept_byte_for_byte_and_offsets_are_code_points() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Seoul’s envoy 서울 said on Friday that Moscow denied it. 😀 “We disagree,” Pyongyang said.\n";
    let path = write(dir.path(), "a.txt", text.as_bytes());
    let analysis = json(&brief(
        &["extract", &path, "--published", "2024-11-23"],
        None,
    ));
    assert_eq!(analysis["document"]["text"], text);
    assert_offsets_slice_the_text(&analysis);
}

#[test]
fn front_matter_fills_the_document_and_published_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "fm.md",
        b"---\ntitle: Talks stall\nsource: Wire\nurl: https://example.org/a\npublished: 2024-01-05\nauthor: A. Writer\nmood: grim\n---\nTalks stalled on Friday.\n",
    );
    let analysis = json(&brief(&["extract", &path], None));
    let doc = &analysis["document"];
    assert_eq!(doc["title"], "Talks stall");
    assert_eq!(doc["source"], "Wire");
    assert_eq!(doc["url"], "https://example.org/a");
    assert_eq!(doc["published"], "2024-01-05");
    assert_eq!(doc["published_from"], "front matter");
    assert_eq!(doc["text"], "Talks stalled on Friday.\n");
    let overridden = json(&brief(
        &["--published", "2023-03-03", "extract", &path],
        None,
    ));
    assert_eq!(overridden["document"]["published"], "2023-03-03");
    assert_eq!(overridden["document"]["published_from"], "option");

    let toml = write(
        dir.path(),
        "fm2.md",
        b"+++\ntitle = \"T\"\ndate = 2020-02-02\n+++\nBody.\n",
    );
    let analysis = json(&brief(&["extract", &toml], None));
    assert_eq!(analysis["document"]["published"], "2020-02-02");
    assert_eq!(analysis["document"]["text"], "Body.\n");
}

#[test]
fn stdin_only_when_asked_with_a_dash() {
    let analysis = json(&brief(
        &["extract", "-"],
        Some(b"Kyiv said so.\r\nMoscow did not.\r\n"),
    ));
    assert_eq!(
        analysis["document"]["text"],
        "Kyiv said so.\nMoscow did not.\n"
    );
    // without '-', stdin is never read: the sample is analysed even though input waits
    let sample = json(&brief(&["extract"], Some(b"ignored")));
    assert!(
        sample["document"]["text"]
            .as_str()
            .unwrap()
            .starts_with("South Korea")
    );
}

#[test]
fn several_paths_give_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", b"Paris said yes.");
    let b = write(dir.path(), "b.txt", b"Berlin said no.");
    let out = brief(&["extract", &a, &b], None);
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["document"]["text"], "Paris said yes.");
    assert_eq!(lines[1]["document"]["text"], "Berlin said no.");
}

#[test]
fn a_bad_file_among_good_ones_still_analyses_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", b"Rome agreed.");
    let out = brief(&["extract", "/nonexistent/x.txt", &good], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn batch_mode_keeps_order_reports_bad_lines_and_exits_zero() {
    let mut input = String::new();
    for i in 0..40 {
        input.push_str(&format!(
            "{{\"id\": \"doc-{i}\", \"text\": \"Officials in Ankara said on Monday that talks would resume.\", \"published\": \"2024-03-0{}\"}}\n",
            i % 9 + 1
        ));
    }
    input.push_str("{\"id\": \"broken\", \"text\": \n");
    input.push_str("{\"text\": \"no id\"}\n");
    input.push_str(
        "{\"id\": \"last\", \"text\": \"Lima agreed.\", \"title\": \"T\", \"source\": \"S\"}\n",
    );
    let out = brief(
        &["extract", "--jsonl", "--published", "2020-01-01"],
        Some(input.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 43);
    for (i, line) in lines.iter().take(40).enumerate() {
        assert_eq!(line["id"], format!("doc-{i}"));
        assert_eq!(
            line["document"]["published"],
            format!("2024-03-0{}", i % 9 + 1)
        );
        assert_offsets_slice_the_text(line);
    }
    assert!(lines[40]["error"].is_string());
    assert!(lines[41]["error"].as_str().unwrap().contains("id"));
    assert_eq!(lines[42]["id"], "last");
    assert_eq!(lines[42]["document"]["title"], "T");
    assert_eq!(lines[42]["document"]["published"], "2020-01-01");
    assert_eq!(lines[42]["document"]["published_from"], "option");
}

#[test]
fn without_a_given_date_the_articles_dateline_gives_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Ferry operator fined over late sailings\nBy A. Writer\nFriday, July 21, 2017\n\n\
                The regulator fined the operator on Thursday, the second penalty in two years.\n";
    let path = write(dir.path(), "pasted.txt", text.as_bytes());
    let analysis = json(&brief(&["extract", &path], None));
    let doc = &analysis["document"];
    assert_eq!(doc["published"], "2017-07-21");
    assert_eq!(doc["published_from"], "dateline");
    assert_eq!(doc["text"], text);
    let value = |analysis: &Value, words: &str| {
        analysis["times"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["text"] == words)
            .map(|t| t["value"].clone())
    };
    assert_eq!(value(&analysis, "Thursday"), Some("2017-07-20".into()));
    assert_offsets_slice_the_text(&analysis);
    let data = dir.path().join("data");
    let note = brief(
        &["export", &path, "--data-dir", data.to_str().unwrap()],
        None,
    );
    assert!(note.status.success(), "{}", stderr(&note));
    let note = String::from_utf8(note.stdout).unwrap();
    assert!(
        note.contains("- Published: 2017-07-21 (from the dateline)"),
        "{note}"
    );

    // the option and front matter go over it
    let given = json(&brief(
        &["extract", &path, "--published", "2017-07-28"],
        None,
    ));
    assert_eq!(given["document"]["published"], "2017-07-28");
    assert_eq!(given["document"]["published_from"], "option");
    assert_eq!(value(&given, "Thursday"), Some("2017-07-27".into()));
    let front = format!("---\npublished: 2017-07-25\n---\n{text}");
    let front = write(dir.path(), "front.md", front.as_bytes());
    let analysis = json(&brief(&["extract", &front], None));
    assert_eq!(analysis["document"]["published"], "2017-07-25");
    assert_eq!(analysis["document"]["published_from"], "front matter");

    // a batch line without a date, and none on the command line
    let line = serde_json::json!({"id": "p", "text": text}).to_string();
    let out = brief(&["extract", "--jsonl"], Some(line.as_bytes()));
    let analysis = json(&out);
    assert_eq!(analysis["document"]["published"], "2017-07-21");
    assert_eq!(analysis["document"]["published_from"], "dateline");

    // a date in the story's first sentence is not the article's
    let plain = write(
        dir.path(),
        "plain.txt",
        b"On July 21, 2017, the regulator fined the operator.\nIt appealed on Thursday.\n",
    );
    let analysis = json(&brief(&["extract", &plain], None));
    assert_eq!(analysis["document"]["published"], Value::Null);
    assert_eq!(analysis["document"]["published_from"], Value::Null);
}

/// A single file's JSON carries its decoding warnings as a batch line's does; a numeric
/// batch id comes back a number.
#[test]
fn single_file_json_has_its_warnings_and_batch_ids_are_echoed_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "cafe.txt",
        b"Caf\xe9 owners said prices rose.\n",
    );
    let out = brief(&["extract", &path], None);
    let analysis = json(&out);
    let warnings = analysis["warnings"].as_array().expect("a warnings list");
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].as_str().unwrap().contains("invalid UTF-8"));
    assert!(
        stderr(&out).contains("invalid UTF-8"),
        "still said on stderr"
    );

    let out = brief(
        &["extract", "--jsonl"],
        Some(b"{\"id\": 2, \"text\": \"The mayor said it rained.\"}\n{\"id\": \"2\", \"text\": \"It rained.\"}\n"),
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["id"], serde_json::json!(2));
    assert_eq!(lines[1]["id"], serde_json::json!("2"));
}

/// `--threads` and `BRIEF_THREADS` change how many threads analyse a batch, never what comes
/// out: the same lines, bad ones included, in the same order.
#[test]
fn a_batch_is_the_same_on_any_number_of_threads() {
    let input: String = (0..60)
        .map(|i| match i % 9 {
            4 => "{\"text\": 5}\n".to_string(),
            7 => "not json\n".to_string(),
            _ => format!(
                "{{\"id\": {i}, \"text\": \"Officials in Lisbon said on Friday that talks {i} had failed.\", \"published\": \"2024-11-23\"}}\n"
            ),
        })
        .collect();
    let default = brief(&["extract", "--jsonl"], Some(input.as_bytes()));
    assert_eq!(String::from_utf8_lossy(&default.stdout).lines().count(), 60);
    for threads in ["1", "3"] {
        let out = brief(
            &["extract", "--jsonl", "--threads", threads],
            Some(input.as_bytes()),
        );
        assert!(out.stdout == default.stdout, "--threads {threads}");
    }
    let mut child = command()
        .args(["extract", "--jsonl"])
        .env("BRIEF_THREADS", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    assert!(child.wait_with_output().unwrap().stdout == default.stdout);

    for bad in ["0", "two"] {
        let out = brief(&["extract", "--jsonl", "--threads", bad], Some(b""));
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    }
}

/// `--threads 1` analyses a batch on the calling thread alone: the process never has a
/// second thread while it reads, analyses and writes.
#[cfg(target_os = "linux")]
#[test]
fn one_thread_means_one_thread() {
    use std::process::Stdio;
    let sentence = "Officials said on Friday that the talks had failed. ";
    let line = format!("{{\"id\": 1, \"text\": \"{}\"}}\n", sentence.repeat(100));
    let mut child = command()
        .args(["extract", "--jsonl", "--threads", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        for _ in 0..200 {
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let mut most = 0;
    while child.try_wait().unwrap().is_none() {
        let threads = std::fs::read_to_string(&status).ok().and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Threads:"))
                .and_then(|n| n.trim().parse::<u32>().ok())
        });
        most = most.max(threads.unwrap_or(0));
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    feeder.join().unwrap();
    assert_eq!(most, 1);
}

/// `brief -` on a terminal says it is reading the briefing there and how to end it.
#[cfg(unix)]
#[test]
fn stdin_on_a_terminal_gives_a_hint() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_brief"));
    command.args(["--no-config", "extract", "-"]);
    let mut child = pty.slave.spawn_command(command).unwrap();
    drop(pty.slave);
    let mut screen = pty.master.try_clone_reader().unwrap();
    let mut keys = pty.master.take_writer().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = screen.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    let mut wait_for = |what: &str| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while !String::from_utf8_lossy(&seen).contains(what) {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match rx.recv_timeout(left) {
                Ok(bytes) => seen.extend(bytes),
                Err(_) => panic!("no {what:?} in {:?}", String::from_utf8_lossy(&seen)),
            }
        }
    };
    wait_for("end it with Ctrl-D");
    keys.write_all(b"The mayor said it rained.\n\x04").unwrap();
    keys.flush().unwrap();
    wait_for("brief.analysis/1");
    assert!(child.wait().unwrap().success());
}

/// A well-formed date that is no day, or one before the year 1000, is refused and says why.
#[test]
fn an_impossible_or_too_early_published_date_says_so() {
    for (date, why) in [
        ("2024-02-30", "2024-02-30 is not a day"),
        ("0000-01-01", "0000-01-01 is before the year 1000"),
        ("2024/02/03", "is not a date of the form YYYY-MM-DD"),
    ] {
        let out = brief(&["extract", "--published", date], None);
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(why), "{err}");
    }
    let out = brief(
        &["extract", "--jsonl"],
        Some(b"{\"id\": \"a\", \"text\": \"It rained.\", \"published\": \"0999-05-01\"}\n"),
    );
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        line["error"]
            .as_str()
            .unwrap()
            .contains("before the year 1000"),
        "{line}"
    );
}
