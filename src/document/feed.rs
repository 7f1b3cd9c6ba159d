//! News feeds: RSS 2.0 (and RSS 1.0's RDF items), Atom and JSON Feed, each read as its items:
//! title, link, date, the feed's title as source, the author, and the item's content (else
//! its summary) as text. XML is walked as a flat stream of events (no recursion, so no
//! nesting is too deep; entities a DTD declares are never expanded), JSON Feed by serde_json
//! (its nesting limit); past [`MAX_ITEMS`] items a feed is refused with one line.

use super::container::{Item, Part};
use super::frontmatter::{DateSource, Meta, parse_date};
use super::office::{self, Xml, attr, name, tidy, walk};
use super::{IngestError, Warning, decode};

const FORMAT: &str = "feed";

/// Items past this are no feed an analyst reads, and the library lists every one.
pub const MAX_ITEMS: usize = 10_000;

/// How far into a file its root element is looked for (past a BOM, the XML declaration,
/// comments, a doctype, a stylesheet).
const HEAD: usize = 4096;

/// Whether `bytes` are a feed: XML whose root element is `rss`, `feed` or `rdf:RDF`, or a
/// JSON object whose `version` names JSON Feed (within its first bytes).
pub fn is_feed(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(HEAD)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('{') {
        return head.contains("\"https://jsonfeed.org/version/");
    }
    let mut rest = head;
    // the prolog: declarations, processing instructions, comments, a doctype
    while let Some(after) = rest.strip_prefix('<') {
        let skipped = if after.starts_with('?') {
            after.find("?>").map(|at| at + 2)
        } else if after.starts_with("!--") {
            after.find("-->").map(|at| at + 3)
        } else if after.starts_with('!') {
            after.find('>').map(|at| at + 1)
        } else {
            let root: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || matches!(c, ':' | '-' | '_'))
                .collect();
            return matches!(root.as_str(), "rss" | "feed" | "rdf:RDF" | "RDF");
        };
        let Some(skipped) = skipped else {
            return false;
        };
        rest = after[skipped..].trim_start();
    }
    false
}

/// The feed's items, in the feed's order.
pub fn items(bytes: &[u8], warnings: &mut Vec<Warning>) -> Result<Vec<Item>, IngestError> {
    let text = decode::decode(bytes.to_vec(), warnings)?;
    let text = text.trim_start_matches('\u{feff}');
    let items = if text.trim_start().starts_with('{') {
        json(text)?
    } else {
        xml(text)?
    };
    if items.is_empty() {
        return Err(office::bad(FORMAT, "it holds no items".into()));
    }
    Ok(items)
}

fn too_many() -> IngestError {
    office::bad(
        FORMAT,
        format!("more than {MAX_ITEMS} items: brief reads feeds of up to {MAX_ITEMS}"),
    )
}

/// An item as the feed gives it, before it is made a briefing.
#[derive(Default)]
struct Entry {
    title: Option<String>,
    link: Option<String>,
    published: Option<jiff::civil::Date>,
    author: Option<String>,
    /// The full content, then the summary: HTML (or text, `html` false).
    content: Option<(String, bool)>,
    summary: Option<(String, bool)>,
}

impl Entry {
    fn item(self, feed: Option<&str>) -> Item {
        let meta = Meta {
            title: self.title.map(|t| tidy(&t)).filter(|t| !t.is_empty()),
            source: feed.map(str::to_string),
            url: self.link,
            published: self.published,
            published_from: self.published.map(|_| DateSource::Feed),
            author: self.author,
            own_published: None,
        };
        let (body, html) = self.content.or(self.summary).unwrap_or_default();
        let part = if html {
            Part::Html(body, meta)
        } else {
            Part::Text(body, meta)
        };
        Item { part }
    }
}

/// A feed's date: RFC 822's as RSS writes it ("Sat, 23 Nov 2024 10:00:00 +0000"), else
/// RFC 3339's (Atom, JSON Feed, Dublin Core); the day in the feed's own offset.
fn date(value: &str) -> Option<jiff::civil::Date> {
    let value = value.trim();
    parse_date(value).or_else(|| {
        jiff::fmt::rfc2822::DateTimeParser::new()
            .parse_zoned_datetime(value)
            .ok()
            .map(|z| z.date())
    })
}

/// RSS and Atom, by the local names of their elements.
fn xml(text: &str) -> Result<Vec<Item>, IngestError> {
    let mut items = Vec::new();
    let mut feed_title: Option<String> = None;
    let mut entry: Option<Entry> = None;
    // the element whose text is being gathered, and whether it is HTML
    let mut field: Option<(String, bool)> = None;
    let mut value = String::new();
    // inside an author element (Atom's name is its child)
    let mut depth_in_field = 0usize;
    let mut too_many_items = false;
    walk(text, FORMAT, "the feed", |event| match event {
        Xml::Open(start) => {
            let local = name(start);
            if let Some((_, html)) = &field {
                // Atom's xhtml content: its markup is the HTML
                if *html {
                    value.push('<');
                    value.push_str(local);
                    value.push('>');
                }
                depth_in_field += 1;
                return;
            }
            match local {
                "item" | "entry" => {
                    if items.len() >= MAX_ITEMS {
                        too_many_items = true;
                    }
                    entry = Some(Entry::default());
                }
                // Atom's link is an attribute; the alternate (or unmarked) one is the page
                "link" if entry.is_some() && attr(start, "href").is_some() => {
                    let rel = attr(start, "rel");
                    let entry = entry.as_mut().expect("checked");
                    if matches!(rel.as_deref(), None | Some("alternate")) && entry.link.is_none() {
                        entry.link = attr(start, "href");
                    }
                }
                "title" | "link" | "guid" | "pubDate" | "published" | "updated" | "date"
                | "issued" | "author" | "creator" | "name" | "description" | "summary"
                | "content" | "encoded" => {
                    // RSS's description and encoded content are HTML; Atom says by `type`
                    let html = match attr(start, "type").as_deref() {
                        Some("html" | "xhtml" | "text/html") => true,
                        Some(_) => false,
                        None => matches!(local, "description" | "encoded" | "summary"),
                    };
                    field = Some((local.to_string(), html));
                    value.clear();
                    depth_in_field = 0;
                }
                _ => {}
            }
        }
        Xml::Text(text) => {
            if field.is_some() {
                value.push_str(text);
            }
        }
        Xml::Close(closed) => {
            if depth_in_field > 0 {
                depth_in_field -= 1;
                if field.as_ref().is_some_and(|(_, html)| *html) {
                    value.push_str("</");
                    value.push_str(closed);
                    value.push('>');
                }
                return;
            }
            if let Some((open, html)) = field.take_if(|(open, _)| open == closed) {
                let got = std::mem::take(&mut value);
                let Some(entry) = entry.as_mut() else {
                    if open == "title" && feed_title.is_none() {
                        feed_title = Some(tidy(&got)).filter(|t| !t.is_empty());
                    }
                    return;
                };
                match open.as_str() {
                    "title" => entry.title = Some(got),
                    "link" => entry.link = Some(got.trim().to_string()),
                    // a guid that is a link stands for one
                    "guid" if entry.link.is_none() && got.trim().starts_with("http") => {
                        entry.link = Some(got.trim().to_string());
                    }
                    "pubDate" | "published" | "date" | "issued" => {
                        entry.published = date(&got).or(entry.published);
                    }
                    "updated" if entry.published.is_none() => entry.published = date(&got),
                    "author" | "creator" | "name" if entry.author.is_none() => {
                        entry.author = Some(tidy(&got)).filter(|a| !a.is_empty());
                    }
                    "content" | "encoded" => entry.content = Some((got, html)),
                    "description" | "summary" => entry.summary = Some((got, html)),
                    _ => {}
                }
                return;
            }
            if (closed == "item" || closed == "entry")
                && let Some(done) = entry.take()
                && !too_many_items
            {
                items.push(done.item(feed_title.as_deref()));
            }
        }
    })?;
    if too_many_items {
        return Err(too_many());
    }
    Ok(items)
}

/// JSON Feed (version 1 and 1.1).
fn json(text: &str) -> Result<Vec<Item>, IngestError> {
    #[derive(serde::Deserialize)]
    struct Feed {
        title: Option<String>,
        #[serde(default)]
        items: Vec<serde_json::Value>,
    }
    let feed: Feed = serde_json::from_str(text)
        .map_err(|e| office::bad(FORMAT, format!("its JSON cannot be read ({e})")))?;
    if feed.items.len() > MAX_ITEMS {
        return Err(too_many());
    }
    let text_of = |item: &serde_json::Value, key: &str| {
        item.get(key)
            .and_then(serde_json::Value::as_str)
            .map(str::to_string)
    };
    Ok(feed
        .items
        .iter()
        .map(|item| {
            let author = item
                .get("authors")
                .and_then(|a| a.get(0))
                .or_else(|| item.get("author"))
                .and_then(|a| text_of(a, "name"));
            Entry {
                title: text_of(item, "title"),
                link: text_of(item, "url").or_else(|| text_of(item, "external_url")),
                published: text_of(item, "date_published")
                    .or_else(|| text_of(item, "date_modified"))
                    .and_then(|d| date(&d)),
                author,
                content: text_of(item, "content_text")
                    .map(|t| (t, false))
                    .or_else(|| text_of(item, "content_html").map(|h| (h, true))),
                summary: text_of(item, "summary").map(|t| (t, false)),
            }
            .item(feed.title.as_deref())
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(item: &Item) -> (&Meta, &str) {
        match &item.part {
            Part::Html(text, meta) | Part::Text(text, meta) => (meta, text),
            _ => panic!("a feed's item is text"),
        }
    }

    #[test]
    fn feeds_are_known_by_their_root() {
        assert!(is_feed(
            b"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- x --><rss version=\"2.0\">"
        ));
        assert!(is_feed(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assert!(is_feed(
            br#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#
        ));
        assert!(!is_feed(b"<html><body>rss</body></html>"));
        assert!(!is_feed(b"{\"id\": 1}"));
        assert!(!is_feed(b"The council voted."));
    }

    #[test]
    fn an_rss_item_gives_title_link_date_source_and_its_content() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
            <title>Harbour News</title><link>https://example.org</link>
            <item><title>Council votes</title><link>https://example.org/a</link>
            <pubDate>Sat, 23 Nov 2024 22:00:00 -0500</pubDate>
            <description>A &lt;b&gt;short&lt;/b&gt; summary.</description>
            <content:encoded><![CDATA[<p>The council voted on Friday.</p>]]></content:encoded></item>
            <item><title>Second</title><guid>https://example.org/b</guid></item>
            </channel></rss>"#;
        let items = super::items(rss, &mut Vec::new()).unwrap();
        assert_eq!(items.len(), 2);
        let (meta, text) = parts(&items[0]);
        assert_eq!(meta.title.as_deref(), Some("Council votes"));
        assert_eq!(meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(meta.source.as_deref(), Some("Harbour News"));
        assert_eq!(meta.published.unwrap().to_string(), "2024-11-23");
        assert_eq!(text, "<p>The council voted on Friday.</p>");
        assert_eq!(
            meta_of(&items[1]).url.as_deref(),
            Some("https://example.org/b")
        );
    }

    fn meta_of(item: &Item) -> &Meta {
        parts(item).0
    }

    #[test]
    fn an_atom_entry_and_a_json_feed_item() {
        let atom = br#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
            <entry><title type="text">Talks end</title>
            <link rel="self" href="https://x/self"/><link href="https://x/page"/>
            <author><name>Ada Writer</name></author><updated>2024-11-22T10:00:00Z</updated>
            <summary>Short.</summary><content type="xhtml"><div><p>Talks ended.</p></div></content>
            </entry></feed>"#;
        let items = super::items(atom, &mut Vec::new()).unwrap();
        let (meta, text) = parts(&items[0]);
        assert_eq!(meta.url.as_deref(), Some("https://x/page"));
        assert_eq!(meta.author.as_deref(), Some("Ada Writer"));
        assert_eq!(meta.source.as_deref(), Some("Wire"));
        assert_eq!(meta.published.unwrap().to_string(), "2024-11-22");
        assert_eq!(text.trim(), "<div><p>Talks ended.</p></div>");

        let json = br#"{"version": "https://jsonfeed.org/version/1.1", "title": "J",
            "items": [{"id": "1", "url": "https://j/1", "title": "One",
            "content_text": "The council voted.", "date_published": "2024-11-21T08:00:00+01:00"}]}"#;
        let items = super::items(json, &mut Vec::new()).unwrap();
        let (meta, text) = parts(&items[0]);
        assert_eq!(
            (meta.title.as_deref(), text),
            (Some("One"), "The council voted.")
        );
        assert_eq!(meta.published.unwrap().to_string(), "2024-11-21");
    }

    #[test]
    fn hostile_feeds_get_one_line() {
        let many = format!(
            "<rss><channel>{}</channel></rss>",
            "<item><title>x</title></item>".repeat(MAX_ITEMS + 1)
        );
        let why = items(many.as_bytes(), &mut Vec::new())
            .unwrap_err()
            .to_string();
        assert!(why.contains("more than 10000 items"), "{why}");
        // a declared entity is not expanded
        let laughs = b"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\
            <rss><channel><item><title>&b;&b;</title><description>Words.</description></item></channel></rss>";
        let items = super::items(laughs, &mut Vec::new()).unwrap();
        assert_eq!(meta_of(&items[0]).title, None);
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let json = format!(r#"{{"version": "https://jsonfeed.org/version/1", "items": {deep}}}"#);
        assert!(super::items(json.as_bytes(), &mut Vec::new()).is_err());
        assert!(super::items(b"<rss><channel></channel></rss>", &mut Vec::new()).is_err());
    }
}
