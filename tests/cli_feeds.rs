//! Files of several briefings: feeds (RSS, Atom, JSON Feed), mboxes and messages with
//! briefings attached, read as their items through extract, export and the index, and each
//! item named as `PATH#N`.

#[path = "common/cli.rs"]
mod cli;

use cli::{assert_offsets_slice_the_text, brief, json, stderr, write};
use serde_json::Value;

const RSS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour News</title><link>https://example.org</link>
<item><title>Council votes</title><link>https://example.org/a</link>
<pubDate>Sat, 23 Nov 2024 10:00:00 +0000</pubDate>
<description>&lt;p&gt;The council voted on Friday to expand the harbour, the mayor said.&lt;/p&gt;</description></item>
<item><title>Talks end</title><link>https://example.org/b</link>
<pubDate>Fri, 22 Nov 2024 10:00:00 +0000</pubDate>
<description>Talks ended on Thursday. Moscow denied it.</description></item>
</channel></rss>
"#;

fn lines(out: &std::process::Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_feed_is_a_line_for_each_item_and_path_n_names_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "harbour.rss", RSS.as_bytes());
    let out = brief(&["extract", &path], None);
    assert_eq!(stderr(&out), "");
    let items = lines(&out);
    assert_eq!(items.len(), 2);
    for item in &items {
        assert_offsets_slice_the_text(item);
    }
    let first = &items[0]["document"];
    assert_eq!(first["title"], "Council votes");
    assert_eq!(first["url"], "https://example.org/a");
    assert_eq!(first["source"], "Harbour News");
    assert_eq!(first["published"], "2024-11-23");
    assert_eq!(first["published_from"], "feed");
    assert_eq!(
        first["text"],
        "The council voted on Friday to expand the harbour, the mayor said."
    );

    let second = format!("{path}#2");
    let out = brief(&["extract", &second], None);
    assert_eq!(json(&out)["document"]["title"], "Talks end");
    let out = brief(&["export", "--no-config", &second], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Talks end"));

    // the whole feed is no one briefing to export; an item past the last is none
    let out = brief(&["export", "--no-config", &path], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("a file of 2 briefings"),
        "{}",
        stderr(&out)
    );
    let out = brief(&["extract", &format!("{path}#3")], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).ends_with("holds 2 briefings: there is no #3\n"));
}

#[test]
fn atom_and_json_feeds_read_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
        <entry><title>Talks end</title><link href="https://x/1"/><updated>2024-11-22T10:00:00Z</updated>
        <content type="html">&lt;p&gt;Talks ended on Thursday, officials said.&lt;/p&gt;</content></entry>
        <entry><title>Second</title><link href="https://x/2"/><summary>Moscow denied it.</summary></entry></feed>"#;
    let json_feed = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
        {"id": "1", "url": "https://j/1", "title": "One", "content_text": "The council voted."},
        {"id": "2", "url": "https://j/2", "title": "Two", "content_html": "<p>Moscow denied it.</p>"}]}"#;
    for (name, feed, first) in [
        (
            "wire.atom",
            atom,
            "Talks ended on Thursday, officials said.",
        ),
        ("feed.json", json_feed, "The council voted."),
    ] {
        let path = write(dir.path(), name, feed.as_bytes());
        let out = brief(&["extract", &path], None);
        assert_eq!(stderr(&out), "", "{name}");
        let items = lines(&out);
        assert_eq!(items.len(), 2, "{name}");
        assert_eq!(items[0]["document"]["text"], first, "{name}");
    }
}

fn message(from: &str, subject: &str, body: &str) -> String {
    format!(
        "From: {from}\nTo: desk@example.org\nSubject: {subject}\n\
         Date: Sat, 23 Nov 2024 10:00:00 +0000\nMessage-ID: <{subject}@x>\nMIME-Version: 1.0\n\n{body}\n"
    )
}

#[test]
fn an_mbox_is_a_briefing_a_message_and_attachments_are_briefings_of_their_own() {
    let attached = "From: Ada <ada@example.org>\nTo: desk@example.org\nSubject: Report\n\
        Date: Sun, 24 Nov 2024 10:00:00 +0000\nMessage-ID: <r@x>\nMIME-Version: 1.0\n\
        Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\n\
        See the report attached.\n--b\nContent-Type: text/markdown\n\
        Content-Disposition: attachment; filename=\"harbour-report.md\"\n\n\
        The council voted on Friday to expand the harbour, officials said.\n--b--\n";
    let mbox = format!(
        "From ada@example.org Sat Nov 23 10:00:00 2024\n{}\nFrom bo@example.org Sun Nov 24 10:00:00 2024\n{attached}",
        message(
            "Bo <bo@example.org>",
            "Talks",
            "Talks ended on Thursday.\n>From the harbour, nothing."
        )
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "desk.mbox", mbox.as_bytes());
    let out = brief(&["extract", &path], None);
    assert_eq!(stderr(&out), "");
    let items = lines(&out);
    let titles: Vec<&str> = items
        .iter()
        .map(|i| i["document"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Talks", "Report", "harbour-report.md"]);
    assert_eq!(
        items[0]["document"]["text"],
        "Talks ended on Thursday.\nFrom the harbour, nothing.\n"
    );
    let report = &items[2]["document"];
    assert_eq!(
        report["text"],
        "The council voted on Friday to expand the harbour, officials said."
    );
    assert_eq!(report["source"], "Ada <ada@example.org>");
    assert_eq!(report["published"], "2024-11-24");

    // the index holds each item under PATH#N
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let folder = dir.path().to_str().unwrap();
    let out = brief(
        &["index", "--no-config", "--data-dir", data_dir, folder],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("3 added"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = brief(
        &["search", "--no-config", "--data-dir", data_dir, "harbour"],
        None,
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("desk.mbox#3:1:"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn hostile_feeds_are_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let many = format!(
        "<rss><channel>{}</channel></rss>",
        "<item><title>x</title></item>".repeat(1_000_000)
    );
    let laughs = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"{}\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\
         <rss><channel><item><title>&b;&b;&b;</title><description>Words of the item.</description></item></channel></rss>",
        "a".repeat(1000)
    );
    let deep = format!(
        "<rss><channel><item><description>{}</description></item></channel></rss>",
        "<b>".repeat(200_000)
    );
    for (name, feed, why) in [
        ("many.rss", many, "more than 10000 items"),
        (
            "broken.rss",
            "<rss><channel><item><title>x</item>".into(),
            "feed file that cannot be read",
        ),
        (
            "empty.atom",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>".into(),
            "it holds no items",
        ),
    ] {
        let path = write(dir.path(), name, feed.as_bytes());
        let out = brief(&["extract", &path], None);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = stderr(&out);
        assert!(
            err.contains(why) && err.lines().count() == 1,
            "{name}: {err}"
        );
    }
    for (name, feed) in [("laughs.rss", laughs), ("deep.rss", deep)] {
        let path = write(dir.path(), name, feed.as_bytes());
        let out = brief(&["extract", &path], None);
        assert!(!stderr(&out).contains("internal error"), "{name}");
        assert!(out.status.code().is_some(), "{name}");
    }
}
