//! `brief export` through the real binary: the stored review attached in every format, atomic
//! output, a damaged review, untitled briefings.

#[path = "common/cli.rs"]
mod cli;

use std::path::Path;

use cli::{brief, json, stderr, unprivileged, write};

/// A stored review of the bundled sample disputing its second claim, as the reader writes it.
fn review_the_sample(data: &Path) -> (String, String) {
    let analysis = json(&brief(&["extract"], None));
    let fingerprint = analysis["document"]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    let claim = &analysis["claims"][1];
    let review = serde_json::json!({
        "schema": "brief.review/1",
        "briefing": fingerprint,
        "review": {"reviewer": "someone", "claims": [{
            "quote": {"exact": claim["text"], "prefix": "", "suffix": ""},
            "start": claim["start"], "end": claim["end"], "status": "disputed", "grade": "C3",
            "note": "Denied by the ministry.", "updated": "2026-11-27T10:00:00Z"}]}
    });
    std::fs::create_dir_all(data.join("reviews")).unwrap();
    let file = data.join(format!("reviews/text-{fingerprint}.json"));
    std::fs::write(&file, review.to_string()).unwrap();
    (
        file.to_str().unwrap().to_string(),
        claim["text"].as_str().unwrap().to_string(),
    )
}

#[test]
fn export_attaches_the_stored_review_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data_dir = data.to_str().unwrap();
    let (_, claim) = review_the_sample(&data);
    let md = brief(&["export", "--data-dir", data_dir], None);
    assert!(md.status.success(), "{}", stderr(&md));
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("# "), "{md}");
    assert!(md.contains("## Disputed (1)"), "{md}");
    assert!(md.contains("grade C3") && md.contains("Denied by the ministry."));

    let out = brief(
        &["--format", "json", "export", "--data-dir", data_dir],
        None,
    );
    let exported = json(&out);
    assert_eq!(exported["schema"], "brief.analysis/1");
    let item = &exported["review"]["claims"][0];
    assert_eq!(item["claim"], "c2");
    assert_eq!(item["orphaned"], false);
    assert_eq!(item["quote"]["exact"].as_str().unwrap(), claim);

    let csv = brief(&["export", "--format", "csv", "--data-dir", data_dir], None);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with(
        "id,status,grade,kind,source,cue,claim,hedges,note,start,end,contradicts,title,published,path,reviewer,tags,page\r\n"
    ));
    assert!(csv.contains("c2,disputed,C3,"), "{csv}");
    // every row names its briefing: the sample's title and date (it has no path), then
    // the claim's reviewer (the review file's, whose items name none) and tags
    for line in csv.lines().skip(1).filter(|l| l.starts_with('c')) {
        let reviewer = if line.starts_with("c2,") {
            "someone"
        } else {
            ""
        };
        assert!(
            line.ends_with(&format!(",South Korea says Russia sent anti-air missiles to North Korea in return for troops,2024-11-23,,{reviewer},,")),
            "{line}"
        );
    }

    // a byte-order mark when asked, by the option or the configuration, and only on CSV
    let bom = |args: &[&str]| {
        let out = brief(args, None);
        assert!(out.status.success(), "{}", stderr(&out));
        out.stdout.starts_with("\u{feff}id,".as_bytes())
    };
    let csv_args = ["export", "--format", "csv", "--data-dir", data_dir];
    assert!(!bom(&csv_args));
    assert!(bom(&[&csv_args[..], &["--bom"]].concat()));
    let config = write(dir.path(), "config.toml", b"[export]\ncsv_bom = true\n");
    assert!(bom(&[&csv_args[..], &["--config", &config]].concat()));
    let md = brief(&["export", "--bom", "--data-dir", data_dir], None);
    assert!(md.stdout.starts_with(b"# "), "only CSV takes the mark");

    for format in ["claimreview", "timelinejs"] {
        let out = brief(
            &["export", "--format", format, "--data-dir", data_dir],
            None,
        );
        let value = json(&out);
        assert!(value.is_array() || value["events"].is_array(), "{format}");
    }
    let claimreview = json(&brief(
        &["export", "--format", "claimreview", "--data-dir", data_dir],
        None,
    ));
    assert_eq!(claimreview[0]["reviewRating"]["alternateName"], "Disputed");
}

/// Without a configured reviewer, items are recorded under the login name from the user
/// database, even where `$USER` is unset (cron, services).
#[cfg(unix)]
#[test]
fn the_reviewer_is_the_login_name_without_user() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let login = std::process::Command::new("id")
        .arg("-un")
        .output()
        .unwrap();
    let login = String::from_utf8(login.stdout).unwrap().trim().to_string();
    let child = cli::command()
        .args([
            "--data-dir",
            data.to_str().unwrap(),
            "--format",
            "json",
            "export",
        ])
        .env_remove("USER")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let exported: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(exported["review"]["reviewer"], login.as_str());
    assert_ne!(login, "unknown");
}

#[test]
fn export_writes_atomically_with_output_and_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data_dir = data.to_str().unwrap();
    let target = dir.path().join("note.md");
    let out = brief(
        &[
            "export",
            "-o",
            target.to_str().unwrap(),
            "--data-dir",
            data_dir,
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(std::fs::read_to_string(&target).unwrap().starts_with("# "));
    // Exporting reads reviews; it never creates the store.
    assert!(!data.exists());

    let briefing = write(dir.path(), "b.md", b"Officials said the port was closed.\n");
    let out = brief(&["export", &briefing, "--data-dir", data_dir], None);
    assert!(out.status.success(), "{}", stderr(&out));

    let missing = brief(&["export", "nope.md", "--data-dir", data_dir], None);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).starts_with("brief: nope.md: "));

    let bad = brief(&["export", "--format", "pdf"], None);
    assert_eq!(bad.status.code(), Some(2));

    let file = write(dir.path(), "not-a-folder", b"");
    let out = brief(&["export", "--data-dir", &file], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).lines().count(), 1);
    assert!(
        stderr(&out).contains("is a file, not a folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_damaged_review_is_set_aside_with_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (file, _) = review_the_sample(&data);
    std::fs::write(&file, b"{\"schema\": \"brief.review/1\", \"rev").unwrap();
    let out = brief(&["export", "--data-dir", data.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let warnings = stderr(&out);
    assert_eq!(warnings.lines().count(), 1, "{warnings}");
    assert!(
        warnings.starts_with("brief: warning: review file "),
        "{warnings}"
    );
    assert!(!Path::new(&file).exists());
    let aside = std::fs::read_dir(data.join("reviews"))
        .unwrap()
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().contains(".damaged-"))
        .expect("the damaged file is kept");
    assert!(
        std::fs::read_to_string(aside.path())
            .unwrap()
            .ends_with("\"rev")
    );
}

#[test]
fn a_damaged_review_in_a_read_only_data_dir_is_called_damaged_where_it_is() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (file, _) = review_the_sample(&data);
    let mode = |path: &Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    let mut review: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    review["review"]["claims"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"start": "not a number"}));
    let one_bad_item = review.to_string();
    mode(&data, 0o755);
    for (damaged, says) in [
        (
            "{\"schema\": \"brief.review/1\", \"rev",
            "the review file is damaged",
        ),
        (
            one_bad_item.as_str(),
            "1 item of the review file is damaged",
        ),
    ] {
        mode(&data.join("reviews"), 0o755);
        std::fs::write(&file, damaged).unwrap();
        mode(Path::new(&file), 0o644);
        mode(&data.join("reviews"), 0o555);
        let Some(mut nobody) = unprivileged(dir.path()) else {
            return;
        };
        let out = nobody
            .args(["export", "--data-dir", data.to_str().unwrap()])
            .output()
            .unwrap();
        let error = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{error}");
        assert_eq!(error.lines().count(), 1, "{error}");
        assert!(
            error.starts_with(&format!("brief: {file}: {says}"))
                && error.contains("cannot be set aside (permission denied)"),
            "{error}"
        );
        assert_eq!(std::fs::read_to_string(&file).unwrap(), damaged);
    }
    // the folder writable again, so the test's own can be removed
    mode(&data.join("reviews"), 0o755);
}

#[test]
fn an_untitled_briefing_is_exported_under_its_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "harbour.txt",
        b"The council said the harbour would reopen on Monday.\n",
    );
    let data = dir.path().join("data");
    let out = brief(
        &["export", &path, "--data-dir", data.to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let note = String::from_utf8(out.stdout).unwrap();
    assert!(note.starts_with("# harbour.txt\n"), "{note}");
}

/// TimelineJS: a week starts on its Monday and says which week it is.
#[test]
fn timelinejs_places_a_period_on_its_first_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "port.txt",
        b"Rebel forces struck the river port last week, officials said.\n",
    );
    let data = dir.path().join("data");
    let out = brief(
        &[
            "export",
            &path,
            "--format",
            "timelinejs",
            "--published",
            "2024-03-05",
            "--data-dir",
            data.to_str().unwrap(),
        ],
        None,
    );
    let timeline = json(&out);
    let event = &timeline["events"][0];
    assert_eq!(
        event["start_date"],
        serde_json::json!({"year": "2024", "month": "2", "day": "26"}),
        "{timeline}"
    );
    assert_eq!(event["display_date"], "week of 26 Feb 2024");
}

/// The Markdown note links the briefing's URL and says which claims a denial contradicts;
/// CSV has `contradicts`, `title`, `published` and `path` columns after the contract's.
#[test]
fn export_shows_the_url_as_a_link_and_the_contradictions() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "ferry.md",
        b"---\nurl: https://example.org/ferry\n---\nHarbour officials said the ferry had run aground.\nThe operator denied that the ferry had run aground.\n",
    );
    let data = dir.path().join("data");
    let export = |format: &str| {
        let out = brief(
            &[
                "export",
                &path,
                "--format",
                format,
                "--data-dir",
                data.to_str().unwrap(),
            ],
            None,
        );
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8(out.stdout).unwrap()
    };
    let md = export("md");
    assert!(md.contains("- URL: <https://example.org/ferry>\n"), "{md}");
    assert!(md.contains("- Contradicts: c1\n"), "{md}");
    let csv = export("csv");
    let mut rows = csv.lines();
    assert_eq!(
        rows.next().unwrap(),
        "id,status,grade,kind,source,cue,claim,hedges,note,start,end,contradicts,title,published,path,reviewer,tags,page"
    );
    // an untitled briefing: its file name is its title, and its path as given
    let tail = format!(",c1,ferry.md,,{path},,,");
    assert!(
        rows.any(|r| r.starts_with("c2,") && r.ends_with(&tail)),
        "{csv}"
    );
}

#[test]
fn export_of_a_text_not_in_english_says_why_it_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "es.txt",
        "El ministro dijo el viernes que las conversaciones se reanudarían en Ginebra la \
         próxima semana, según funcionarios presentes en la reunión."
            .as_bytes(),
    );
    let data = dir.path().join("data");
    let out = brief(
        &["export", &path, "--data-dir", data.to_str().unwrap()],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("does not look like English"),
        "{}",
        stderr(&out)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("**0 claims.**"), "{md}");
    assert!(md.contains("*The text does not look like English"), "{md}");
}
