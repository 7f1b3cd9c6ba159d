//! Hostile input through the real binary (issue 17): pages nested deep or with many
//! attributes, control characters in metadata, notes, configuration and file names,
//! special files as `-o`, and the smaller shapes. Each is handled with one clear line or a
//! correct result; nothing aborts, nothing reaches the terminal.

#[path = "common/cli.rs"]
mod cli;
#[path = "common/pty.rs"]
mod pty;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use cli::{brief, json, stderr, write};
use serde_json::Value;

/// No byte that could drive a terminal: C0 but newline, tab and carriage return (CSV's
/// record ends), DEL, C1.
fn assert_terminal_safe(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| (c < ' ' && !"\n\t\r".contains(c)) || ('\u{7F}'..'\u{A0}').contains(&c))
        .collect();
    assert!(bad.is_empty(), "{what} carries {bad:?}: {text}");
}

// How long these take is measured by scripts/shapes.sh (html-deep, html-attributes,
// capitalised-run: growth per doubling of the input), not here: shared machines are noisy.
#[test]
fn a_page_nested_forty_thousand_deep_is_read_whole() {
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
        let out = brief(&["extract", "--no-config", &path], None);
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
fn a_tag_with_many_attributes_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let attributes: String = (0..160_000).map(|i| format!(" a{i}=x")).collect();
    let page = format!(
        "<!DOCTYPE html><html><body><p{attributes}>Officials in Oslo said on Monday that \
         talks would resume.</p></body></html>"
    );
    let path = write(dir.path(), "attributes.html", page.as_bytes());
    let out = brief(&["extract", "--no-config", &path], None);
    let analysis = json(&out);
    assert!(
        analysis["document"]["text"]
            .as_str()
            .unwrap()
            .contains("talks would resume")
    );
}

/// The sample reviewed, with a note and a reviewer that try to drive the terminal.
fn review_the_sample(data: &Path, note: &str, reviewer: &str) {
    let analysis = json(&brief(&["extract"], None));
    let fingerprint = analysis["document"]["fingerprint"].as_str().unwrap();
    let claim = &analysis["claims"][1];
    let review = serde_json::json!({
        "schema": "brief.review/1",
        "briefing": fingerprint,
        "review": {"reviewer": reviewer, "claims": [{
            "quote": {"exact": claim["text"], "prefix": "", "suffix": ""},
            "start": claim["start"], "end": claim["end"], "status": "disputed", "grade": "C3",
            "note": note, "updated": "2026-11-27T10:00:00Z"}]}
    });
    std::fs::create_dir_all(data.join("reviews")).unwrap();
    let file = data.join(format!("reviews/text-{fingerprint}.json"));
    std::fs::write(&file, review.to_string()).unwrap();
}

const HOSTILE: &str =
    "Denied\u{1b}c\u{1b}(0 by\u{7} the \u{9b}2J\u{9d}0;owned\u{9c}ministry\u{1b}]0;title\u{7}.";

#[test]
fn notes_and_the_reviewer_reach_no_export_raw_and_stay_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    review_the_sample(&data, HOSTILE, "J.\u{1b}[2J Analyst");
    let data_dir = data.to_str().unwrap();
    for format in ["md", "json", "csv", "claimreview", "timelinejs"] {
        let out = brief(
            &[
                "export",
                "--no-config",
                "--format",
                format,
                "--data-dir",
                data_dir,
            ],
            None,
        );
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        assert_terminal_safe(format, &out.stdout);
        assert_terminal_safe(format, &out.stderr);
        if format == "json" {
            // the escapes are JSON's own: the note reads back exactly as written
            let value: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(value["review"]["claims"][0]["note"], HOSTILE);
        }
        if format == "md" {
            let md = String::from_utf8(out.stdout).unwrap();
            assert!(md.contains("Denied\\u{1b}c"), "{md}");
        }
    }
    // the review file keeps the note as the analyst wrote it
    let reviews = std::fs::read_dir(data.join("reviews")).unwrap();
    let file = reviews
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    let stored: Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
    assert_eq!(stored["review"]["claims"][0]["note"], HOSTILE);
}

#[test]
fn metadata_spelling_control_characters_is_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let toml = write(
        dir.path(),
        "toml.md",
        b"+++\ntitle = \"Talks\\u001bc\\u009b2J stall\"\nsource = \"Wire\\u0007\"\nurl = \"https://example.org/\\u001b]0;x\\u0007a\"\n+++\nOfficials in Oslo said on Monday that talks would resume.\n",
    );
    let html = write(
        dir.path(),
        "page.html",
        b"<!DOCTYPE html><html><head><title>Talks&#27;c&#x9b;2J stall</title>\
          <meta property=\"og:url\" content=\"https://example.org/&#x9d;0;x&#7;a\">\
          <meta name=\"author\" content=\"A&#27;(0 Writer\"></head>\
          <body><p>Officials in Oslo said on Monday that talks would resume.</p></body></html>",
    );
    // an e-mail's encoded-word subject and sender (base64 of "Talks ESC c CSI 2J stall"
    // and "Ada ESC ] 0 ; x BEL"), and its body
    let mail = write(
        dir.path(),
        "mail.eml",
        b"From: =?utf-8?B?QWRhIBtdMDt4Bw==?= <ada@example.org>\r\n\
          Date: Sat, 23 Nov 2024 10:00:00 +0100\r\nMessage-ID: <1@example.org>\r\n\
          Subject: =?utf-8?B?VGFsa3MgG2PCmzJKIHN0YWxs?=\r\n\r\n\
          Officials in Oslo said on Monday that talks would resume.\x1b[31m\r\n",
    );
    for path in [&toml, &html, &mail] {
        let out = brief(&["extract", "--no-config", path], None);
        assert_terminal_safe("extract", &out.stdout);
        assert_terminal_safe("extract", &out.stderr);
        // what was removed from the text and each field, in one warning
        assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
        let analysis = json(&out);
        let title = analysis["document"]["title"].as_str().unwrap();
        assert!(
            title.starts_with("Talks") && title.ends_with("stall"),
            "{title}"
        );
        assert!(!title.chars().any(|c| c.is_control()), "{title:?}");
        assert!(
            stderr(&out).contains("terminal control"),
            "{}",
            stderr(&out)
        );
        for format in ["md", "json", "csv", "claimreview", "timelinejs"] {
            let out = brief(&["export", "--no-config", "--format", format, path], None);
            assert!(out.status.success(), "{format}: {}", stderr(&out));
            assert_terminal_safe(format, &out.stdout);
        }
    }
    // a batch line's fields
    let line = b"{\"id\": 1, \"title\": \"T\\u009b2J\\u001bc\", \"source\": \"S\\u0085\", \"text\": \"Officials in Oslo said so.\"}\n";
    let out = brief(&["extract", "--no-config", "--jsonl"], Some(line));
    assert_terminal_safe("batch", &out.stdout);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["document"]["title"], "T");
}

#[test]
fn a_file_name_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let name = "report\u{1b}]0;owned\u{7}\u{9b}2J\n.md";
    let missing = dir.path().join(name);
    let out = brief(&["extract", "--no-config", missing.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert_terminal_safe("stderr", &out.stderr);
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("report\\u{1b}]0;owned\\u{7}\\u{9b}2J\\u{a}.md: "),
        "{said}"
    );
    // a warning names the file too
    let present = write(dir.path(), name, "Caf\u{e9} owners said so.".as_bytes());
    std::fs::write(&present, b"Caf\xe9 owners said so.").unwrap();
    let out = brief(&["extract", "--no-config", &present], None);
    assert!(out.status.success());
    assert_terminal_safe("stderr", &out.stderr);
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
}

#[test]
fn a_batch_stream_may_start_with_a_byte_order_mark() {
    let input = "\u{FEFF}{\"id\": \"a\", \"text\": \"Officials in Oslo said so.\"}\n";
    let out = brief(
        &["extract", "--no-config", "--jsonl"],
        Some(input.as_bytes()),
    );
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["id"], "a", "{value}");
    assert!(value.get("error").is_none());
}

#[test]
fn a_long_batch_line_is_streamed_between_the_others() {
    let long = "Officials in Oslo said on Monday that talks would resume. ".repeat(40_000);
    let input = format!(
        "{{\"id\": 1, \"text\": \"Cairo said so.\"}}\n{{\"id\": 2, \"text\": \"{long}\"}}\n\
         {{\"id\": 3, \"text\": \"Lima said so.\"}}\n"
    );
    let out = brief(
        &["extract", "--no-config", "--jsonl"],
        Some(input.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<Value> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    let ids: Vec<&Value> = lines.iter().map(|l| &l["id"]).collect();
    assert_eq!(ids, [1, 2, 3]);
    assert_eq!(
        lines[1]["document"]["text"].as_str().unwrap().len(),
        long.len()
    );
}

#[cfg(unix)]
#[test]
fn output_onto_a_pipe_or_device_writes_into_it_and_other_special_files_are_refused() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    // a named pipe: read by another thread while brief writes into it
    let fifo = fifo(dir.path(), "pipe");
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let out = brief(
        &["extract", "--no-config", "-o", fifo.to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let written: Value = serde_json::from_slice(&reader.join().unwrap()).unwrap();
    assert_eq!(written["schema"], "brief.analysis/1");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    // a character device
    let out = brief(&["export", "--no-config", "-o", "/dev/null"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // a socket is refused with one line, and left alone
    let socket = dir.path().join("socket");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let out = brief(
        &["extract", "--no-config", "-o", socket.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("is not a regular file, a named pipe or a character device"),
        "{said}"
    );
    assert!(std::fs::metadata(&socket).unwrap().file_type().is_socket());
}

#[cfg(unix)]
#[test]
fn output_through_a_symbolic_link_replaces_the_file_it_points_to() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("report.json"), "old").unwrap();
    // a relative link, read from the link's own folder
    let link = dir.path().join("latest.json");
    symlink("data/report.json", &link).unwrap();
    let out = brief(
        &["extract", "--no-config", "-o", link.to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let written: Value =
        serde_json::from_slice(&std::fs::read(data.join("report.json")).unwrap()).unwrap();
    assert_eq!(written["schema"], "brief.analysis/1");
    // a link to nothing makes the file it names, as a shell's `>` does
    let dangling = dir.path().join("next.csv");
    symlink("data/claims.csv", &dangling).unwrap();
    let out = brief(
        &[
            "export",
            "--no-config",
            "--format",
            "csv",
            "-o",
            dangling.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(data.join("claims.csv").is_file());
    // a loop of links is one line, and nothing is written
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    symlink(&b, &a).unwrap();
    symlink(&a, &b).unwrap();
    let out = brief(&["extract", "--no-config", "-o", a.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains("loop of symbolic links"), "{said}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 5);
}

#[test]
fn a_long_run_of_capitalised_names_is_read() {
    // 200 kB took 34 s (measured again from every name); now about a second
    let text = "Russia North Korea Ukraine ".repeat(8_000);
    let out = brief(&["extract", "--no-config", "-"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!json(&out)["actors"].as_array().unwrap().is_empty());
}

/// `brief` under an address-space limit (RLIMIT_AS) of `mb` megabytes.
#[cfg(target_os = "linux")]
fn brief_limited(mb: u64, args: &[&str], stdin: &[u8]) -> Output {
    let limit = format!("--as={}", mb << 20);
    let mut child = Command::new("prlimit")
        .arg(limit)
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .env_remove("BRIEF_CONFIG")
        .env_remove("BRIEF_DATA_DIR")
        .env("XDG_CONFIG_HOME", "/nonexistent/xdg-config")
        .env("XDG_DATA_HOME", "/nonexistent/xdg-data")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("prlimit runs (util-linux)");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

#[cfg(target_os = "linux")]
#[test]
fn an_input_too_large_for_the_memory_limit_is_refused_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let big = write(
        dir.path(),
        "big.md",
        SENTENCE_OF_NEWS.repeat(40 << 20 >> 6).as_bytes(),
    );
    let out = brief_limited(300, &["extract", "--no-config", &big], b"");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("too large for the memory this process may use"),
        "{said}"
    );
    // a batch line too large is its own error line; the next line is analysed
    let line = format!(
        "{{\"id\": 1, \"text\": \"{}\"}}\n{{\"id\": 2, \"text\": \"Oslo said so.\"}}\n",
        SENTENCE_OF_NEWS.repeat(30 << 20 >> 6)
    );
    let out = brief_limited(300, &["extract", "--no-config", "--jsonl"], line.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<Value> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert!(
        lines[0]["error"].as_str().unwrap().contains("too large"),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1]["id"], 2);
    // stdin, and a device that never ends, are refused as soon as they pass what fits
    let out = brief_limited(
        150,
        &["extract", "--no-config", "-"],
        SENTENCE_OF_NEWS.repeat(120 << 20 >> 6).as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.starts_with("brief: -: too large"), "{said}");
    let out = brief_limited(150, &["extract", "--no-config", "/dev/zero"], b"");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.starts_with("brief: /dev/zero: too large"), "{said}");
}

/// Where no size is known up front (`parse --conllu -` reads a sentence at a time), an
/// allocation the limit refuses ends the process with one line and exit status 1, not an
/// abort: here a word of 100 MB, whose line cannot be held under a limit of 150 MB.
#[cfg(target_os = "linux")]
#[test]
fn an_allocation_that_fails_anyway_ends_in_one_line() {
    let mut line = b"1\t".to_vec();
    line.resize(line.len() + (100 << 20), b'a');
    line.extend_from_slice(b"\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
    let out = brief_limited(150, &["parse", "--conllu", "-"], &line);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.starts_with("brief: out of memory: "), "{said}");
}

/// 64 bytes of news.
const SENTENCE_OF_NEWS: &str = "Officials in Oslo said on Monday that the talks would resume.   ";

#[test]
fn two_readers_changing_different_fields_of_one_claim_both_keep_theirs() {
    use brief::analysis::{UserLexicon, analyze};
    use brief::document::Document;
    use brief::review::{BriefingKey, Session, Status, Store};
    use jiff::Timestamp;
    let dir = tempfile::tempdir().unwrap();
    let (doc, _) = Document::from_bytes(brief::SAMPLE).unwrap();
    let at = |s: i64| Timestamp::from_second(1_800_000_000 + s).unwrap();
    let key = BriefingKey::Fingerprint(doc.fingerprint.clone());
    let open = |now| {
        let mut analysis = analyze(&doc, &UserLexicon::default());
        let store = Store::open(dir.path()).unwrap();
        let (session, _) = Session::load(
            Some(store),
            key.clone(),
            "A".into(),
            &doc,
            &mut analysis,
            now,
        )
        .unwrap();
        (session, analysis)
    };
    // a format-1 file, as brief wrote before: it loads, and the next save writes format 2
    let (mut first, mut analysis) = open(at(0));
    first.set_status(&doc, &analysis, 1, Status::Disputed, at(1));
    first.save(&doc, &mut analysis, at(1)).unwrap();
    let path = first.path().unwrap();
    let mut stored: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    stored["schema"] = "brief.review/1".into();
    stored["review"]["claims"][0]
        .as_object_mut()
        .unwrap()
        .remove("changed");
    std::fs::write(&path, stored.to_string()).unwrap();
    // two readers open it; A marks the claim supported, then B, who read it before, notes it
    let (mut a, mut analysis_a) = open(at(2));
    let (mut b, mut analysis_b) = open(at(2));
    assert_eq!(a.status(1), Status::Disputed);
    a.set_status(&doc, &analysis_a, 1, Status::Supported, at(3));
    a.save(&doc, &mut analysis_a, at(3)).unwrap();
    b.set_note(&doc, &analysis_b, 1, "Denied by the ministry.", at(4));
    b.save(&doc, &mut analysis_b, at(4)).unwrap();
    // both changes are on disk and on B's screen; A sees B's note at its next save
    assert_eq!(b.status(1), Status::Supported);
    a.save(&doc, &mut analysis_a, at(5)).unwrap();
    assert_eq!(
        a.claim(1).unwrap().note.as_deref(),
        Some("Denied by the ministry.")
    );
    let stored: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(stored["schema"], "brief.review/2");
    assert_eq!(stored["review"]["claims"][0]["status"], "supported");
    assert_eq!(
        stored["review"]["claims"][0]["note"],
        "Denied by the ministry."
    );
    // both change the status: the later change wins, and the reader whose change lost is told
    a.set_status(&doc, &analysis_a, 1, Status::Disputed, at(6));
    b.set_status(&doc, &analysis_b, 1, Status::Unverified, at(7));
    assert!(b.save(&doc, &mut analysis_b, at(7)).unwrap().is_empty());
    let warnings = a.save(&doc, &mut analysis_a, at(8)).unwrap();
    assert_eq!(a.status(1), Status::Unverified);
    let said: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        ["another copy of brief changed the same status of 1 claim later: its change is kept"]
    );
}

#[test]
fn a_folder_as_config_and_a_key_clash_are_named_where_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_str().unwrap();
    let out = brief(&["extract", "--config", folder], None);
    assert_eq!(out.status.code(), Some(2));
    let said = stderr(&out);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(
        said.contains("is a folder: --config takes the configuration file"),
        "{said}"
    );
    // `s` is mark_supported's own key: the clash is on quit's line, which made it
    let config = write(
        dir.path(),
        "config.toml",
        b"reviewer = \"A\"\n\n[keys]\nquit = [\"s\"]\n",
    );
    let out = brief(&["extract", "--config", &config], None);
    assert_eq!(out.status.code(), Some(2));
    let said = stderr(&out);
    assert!(
        said.contains("config.toml: line 4: key `s` is bound to both"),
        "{said}"
    );
    // a device that never ends is refused, not read until memory runs out
    #[cfg(unix)]
    {
        let out = brief(&["extract", "--config", "/dev/zero"], None);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            stderr(&out),
            "brief: /dev/zero: is larger than 4 MB: not a configuration file\n"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_link_planted_at_the_lock_file_is_never_followed() {
    use brief::analysis::{UserLexicon, analyze};
    use brief::document::Document;
    use brief::review::{BriefingKey, Session, Status, Store};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (doc, _) = Document::from_bytes(brief::SAMPLE).unwrap();
    let victim = dir.path().join("victim");
    std::fs::create_dir_all(data.join("reviews")).unwrap();
    let lock = data.join(format!("reviews/text-{}.json.lock", doc.fingerprint));
    std::os::unix::fs::symlink(&victim, &lock).unwrap();
    // export reads the review: no file appears where the link points
    let out = brief(&["export", "--data-dir", data.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!victim.exists());
    // a save refuses the link, in one line naming it
    let mut analysis = analyze(&doc, &UserLexicon::default());
    let store = Store::open(&data).unwrap();
    let key = BriefingKey::Fingerprint(doc.fingerprint.clone());
    let now = jiff::Timestamp::now();
    let (mut session, _) =
        Session::load(Some(store), key, "A".into(), &doc, &mut analysis, now).unwrap();
    session.set_status(&doc, &analysis, 1, Status::Supported, now);
    let error = session
        .save(&doc, &mut analysis, now)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("is a symbolic link, not followed"),
        "{error}"
    );
    assert!(!victim.exists());
}

#[test]
fn days_that_do_not_exist_and_years_past_9999_get_no_value() {
    let text = "Officials in Oslo said on 30 February 2024 that talks would resume next year, \
                and again on 29 February 2024 and on 31 April.";
    let out = brief(
        &["extract", "--no-config", "-", "--published", "9999-12-31"],
        Some(text.as_bytes()),
    );
    let analysis = json(&out);
    let chars: Vec<char> = analysis["document"]["text"]
        .as_str()
        .unwrap()
        .chars()
        .collect();
    let times: Vec<(String, String)> = analysis["times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let (s, e) = (
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
            );
            (
                chars[s..e].iter().collect(),
                t["value"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let value = |words: &str| {
        times
            .iter()
            .find(|(w, _)| w.contains(words))
            .map(|(_, v)| v.clone())
    };
    assert_eq!(value("30 February"), None, "{times:?}");
    assert_eq!(value("31 April"), None, "{times:?}");
    assert_eq!(
        value("29 February 2024").as_deref(),
        Some("2024-02-29"),
        "{times:?}"
    );
    assert_eq!(value("next year").as_deref(), Some("XXXX"), "{times:?}");
}

/// SIGINT or SIGQUIT sent from outside (`kill -INT`): the reader ends as `q` does and gives
/// the terminal back (raw mode turns the keys' own signals off, not a signal sent); an abort
/// still ends it, but with the terminal given back.
#[cfg(target_os = "linux")]
#[test]
fn a_signal_from_outside_gives_the_terminal_back() {
    // SIGABRT stands for every abort (a stack overflow aborts): the process dies of it, but
    // gives the terminal back first
    for signal in [libc::SIGINT, libc::SIGQUIT, libc::SIGABRT] {
        let mut session = pty::Session::start(&[]);
        session.wait("the reader", |s| s.contains("claims reviewed"));
        let pid = session.child.process_id().unwrap();
        // SAFETY: kill only sends a signal, to the reader this test started.
        assert_eq!(unsafe { libc::kill(pid as libc::pid_t, signal) }, 0);
        let status = session.exited();
        assert_eq!(
            status.success(),
            signal != libc::SIGABRT,
            "signal {signal}: {status:?}"
        );
        session
            .screen
            .wait_for("the alternate screen left", |s| !s.alternate_screen());
        assert!(!session.screen.cursor_hidden(), "the cursor stayed hidden");
    }
}

#[test]
fn batch_ids_come_back_exactly_as_given() {
    let input = "{\"id\": 123456789012345678901234567890, \"text\": \"Oslo said so.\"}\n\
                 {\"id\": 1.50, \"text\": \"Oslo said so.\"}\n\
                 {\"id\": -7, \"text\": \"\"}\n\
                 {\"id\": 98765432109876543210987, \"published\": \"soon\", \"text\": \"x\"}\n\
                 {\"id\": 18446744073709551616}\n";
    let out = brief(
        &["extract", "--no-config", "--jsonl"],
        Some(input.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    for (line, id) in lines.iter().zip([
        "123456789012345678901234567890",
        "1.50",
        "-7",
        "98765432109876543210987",
        "18446744073709551616",
    ]) {
        assert!(line.contains(&format!("\"id\":{id},")), "{line}");
    }
}

#[test]
fn one_bad_item_is_set_aside_alone_and_the_others_load() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    review_the_sample(&data, "Denied by the ministry.", "A");
    let reviews = data.join("reviews");
    let file = std::fs::read_dir(&reviews)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    let mut stored: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let good = stored["review"]["claims"][0].clone();
    let mut bad = good.clone();
    bad["status"] = "maybe".into();
    bad["quote"]["exact"] = "a passage".into();
    stored["review"]["claims"] = serde_json::json!([bad, good]);
    std::fs::write(&file, stored.to_string()).unwrap();
    for _ in 0..2 {
        let out = brief(
            &[
                "export",
                "--no-config",
                "--format",
                "json",
                "--data-dir",
                data.to_str().unwrap(),
            ],
            None,
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let said = stderr(&out);
        assert!(
            said.contains("1 item could not be read and is kept in"),
            "{said}"
        );
        let exported: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            exported["review"]["claims"][0]["note"],
            "Denied by the ministry."
        );
    }
    // the bad item is kept aside once, however often the review is read before a save
    let aside: Vec<_> = std::fs::read_dir(&reviews)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    let kept = std::fs::read_to_string(reviews.join(&aside[0])).unwrap();
    assert!(kept.contains("maybe"), "{kept}");
}

/// A named pipe given to the reader: the first screen comes at once, and the briefing when
/// something writes it.
#[cfg(target_os = "linux")]
#[test]
fn a_named_pipe_does_not_hold_up_the_first_screen() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = fifo(dir.path(), "pipe.md");
    let session = pty::Session::start(&[fifo.to_str().unwrap()]);
    // nothing writes the pipe yet: the reader draws all the same
    session.screen.wait_for("the first screen", |s| {
        s.alternate_screen() && s.contents().contains("pipe.md")
    });
    std::fs::write(
        &fifo,
        "Officials in Oslo said on Monday that talks would resume.\n",
    )
    .unwrap();
    session.wait("the analysis", |s| s.contains("claims reviewed"));
    session.quit();
}

/// A named pipe made in `dir`.
#[cfg(unix)]
fn fifo(dir: &Path, name: &str) -> std::path::PathBuf {
    let fifo = dir.join(name);
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    fifo
}
