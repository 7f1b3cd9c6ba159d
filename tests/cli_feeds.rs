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

/// The documents `brief extract` gives for a fixture of `tests/fixtures/`.
fn extracted(fixture: &str) -> Vec<Value> {
    let path = format!("{}/tests/fixtures/{fixture}", env!("CARGO_MANIFEST_DIR"));
    let out = brief(&["extract", &path], None);
    assert!(out.status.success(), "{fixture}: {}", stderr(&out));
    // a line an item, or one document's JSON over several lines
    serde_json::Deserializer::from_slice(&out.stdout)
        .into_iter::<Value>()
        .map(|item| {
            let item = item.unwrap();
            assert_offsets_slice_the_text(&item);
            item["document"].clone()
        })
        .collect()
}

/// A document's title, url, published date and source, and its text.
fn fields(doc: &Value) -> ([&str; 4], &str) {
    let field = |key: &str| doc[key].as_str().unwrap_or("-");
    (
        [
            field("title"),
            field("url"),
            field("published"),
            field("source"),
        ],
        field("text"),
    )
}

/// Feeds in the shapes real ones have (written for the tests): each item's own fields, never
/// those of what it holds (a photograph's `media:title`, an Atom `source`'s title), links
/// resolved against `xml:base`, a character set declared only in the XML declaration.
#[test]
fn real_world_feed_shapes_give_each_item_its_own_fields() {
    let wordpress = extracted("feeds/wordpress.rss");
    assert_eq!(wordpress.len(), 2);
    let (meta, text) = fields(&wordpress[0]);
    assert_eq!(
        meta,
        [
            "Harbour authority delays the Vessel Traffic Service tender",
            "https://ports.example.net/2024/11/25/harbour-authority-delays-tender/",
            "2024-11-25",
            "Northern Ports Monitor"
        ]
    );
    // content:encoded over the description, and not the media:content's caption
    assert!(
        text.starts_with("The Tromsvik harbour authority said on Monday"),
        "{text}"
    );
    assert!(text.contains("“We would rather wait"), "{text}");
    assert!(!text.contains("East quay, Tromsvik"), "{text}");
    assert_eq!(
        fields(&wordpress[1]).0[0],
        "Pilots’ union accepts the new rota"
    );

    let latin = extracted("feeds/latin1.rss");
    let (meta, text) = fields(&latin[0]);
    assert_eq!(meta[0], "Zürich: la délégation arrive à Genève");
    assert_eq!(meta[3], "Revue de presse régionale");
    assert!(text.starts_with("La délégation est arrivée mercredi à Genève"));

    let atom = extracted("feeds/strait.atom");
    assert_eq!(
        fields(&atom[0]).0,
        [
            "Patrols resume near the strait",
            "https://analysis.example.com/notes/2024/11/patrols-resume",
            "2024-11-24",
            "Strait Watch"
        ]
    );
    assert_eq!(
        fields(&atom[0]).1,
        "Naval patrols resumed near the strait on Sunday, the coastguard said.\n\n\
         The patrols had been suspended since 3 November.\n\nOfficials gave no reason."
    );
    assert_eq!(
        fields(&atom[1]).0[..2],
        [
            "Ferry operator cuts winter sailings",
            "https://mirror.example.org/archive/ferry-cuts.html"
        ]
    );

    let json_feed = extracted("feeds/grid.json");
    let (meta, text) = fields(&json_feed[0]);
    assert_eq!(meta[2], "2024-11-19");
    assert_eq!(
        text,
        "The interconnector returned to service on Tuesday, the operator said.\n\n\
         It had been shut since 12 November."
    );
    assert_eq!(
        fields(&json_feed[1]).0[1],
        "https://regulator.example.org/notice/88"
    );

    let bulletin = extracted("feeds/bulletin.rss");
    let (meta, text) = fields(&bulletin[0]);
    assert_eq!(
        meta,
        [
            "Evening bulletin: the dam inquiry",
            "https://video.example.tv/bulletins/2024-11-18",
            "2024-11-18",
            "Evening Bulletin"
        ]
    );
    assert!(
        text.starts_with("The inquiry into the dam collapse"),
        "{text}"
    );
}

#[test]
fn real_world_mail_shapes_give_their_messages_and_attachments() {
    let desk = extracted("mail/desk.mbox");
    assert_eq!(desk.len(), 3, "two messages, one briefing attached");
    let (meta, text) = fields(&desk[0]);
    assert_eq!(meta[..3], ["Re: Tender delayed", "-", "2024-11-25"]);
    // the envelope's escaped From line unescaped; the quoted reply after the new text
    assert!(text.contains("\n\nFrom what the director said"), "{text}");
    assert!(
        text.find("> Can you confirm") > text.find("no bidder"),
        "{text}"
    );
    let (meta, text) = fields(&desk[1]);
    assert_eq!(meta[0], "Weekly summary attached");
    assert!(text.contains("“remains on alert”"), "the text part: {text}");
    let (meta, text) = fields(&desk[2]);
    assert_eq!(
        meta[..3],
        ["Weekly port security summary", "-", "2024-11-26"]
    );
    assert!(text.starts_with("Port authorities reported"), "{text}");

    let depeche = extracted("mail/depeche.eml");
    let (meta, text) = fields(&depeche[0]);
    assert_eq!(meta[0], "Dépêche: la délégation arrive");
    assert_eq!(meta[3], "Agence de Presse Régionale <depeches@example.fr>");
    assert!(
        text.contains("“Les négociations reprendront jeudi”"),
        "{text}"
    );
}
