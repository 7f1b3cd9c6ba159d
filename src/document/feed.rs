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

/// The namespace prefixes an item's fields are read from: none (RSS, Atom, RSS 1.0), Dublin
/// Core, RSS's content module and Atom's. Others (media:, itunes: ...) reuse the same local
/// names for a photograph's caption or a podcast's blurb.
fn ours(start: &quick_xml::events::BytesStart<'_>) -> bool {
    start.name().prefix().is_none_or(|p| {
        matches!(
            p.as_ref(),
            "dc" | "dcterms" | "content" | "atom" | "atom10" | "rdf"
        )
    })
}

/// An item field being gathered: its element, whether its text is HTML, its depth, and
/// the `xml:base` in force there.
struct Field {
    name: String,
    html: bool,
    depth: usize,
    base: Option<String>,
}

/// RSS and Atom: an item's fields are its own children (an Atom author's `name`), by their
/// local names, never those of what it holds (a `media:content`'s title, an Atom `source`'s);
/// links resolved against `xml:base`.
fn xml(text: &str) -> Result<Vec<Item>, IngestError> {
    let mut items = Vec::new();
    let mut feed_title: Option<String> = None;
    let mut entry: Option<(Entry, usize)> = None;
    // the elements open, each with the xml:base in force inside it
    let mut open: Vec<(String, Option<String>)> = Vec::new();
    let mut field: Option<Field> = None;
    let mut value = String::new();
    let mut too_many_items = false;
    walk(text, FORMAT, "the feed", |event| match event {
        Xml::Open(start) => {
            let local = name(start);
            let inherited = open.last().and_then(|(_, base)| base.clone());
            let base = match attr(start, "base") {
                Some(base) => Some(resolve(inherited.as_deref(), &base)),
                None => inherited,
            };
            let in_feed = matches!(
                open.last().map(|(name, _)| name.as_str()),
                Some("channel" | "feed")
            );
            open.push((local.to_string(), base.clone()));
            let depth = open.len();
            if let Some(gathering) = &mut field {
                if gathering.name == "author" && local == "name" && depth == gathering.depth + 1 {
                    // Atom's author: its name alone
                    *gathering = Field {
                        name: "name".into(),
                        html: false,
                        depth,
                        base,
                    };
                    value.clear();
                } else if gathering.html {
                    // Atom's xhtml content: its markup is the HTML
                    value.push('<');
                    value.push_str(local);
                    value.push('>');
                }
                return;
            }
            if !ours(start) {
                return;
            }
            let Some((item, at)) = &mut entry else {
                match local {
                    "item" | "entry" => {
                        too_many_items |= items.len() >= MAX_ITEMS;
                        entry = Some((Entry::default(), depth));
                    }
                    "title" if feed_title.is_none() && in_feed => {
                        field = Some(Field {
                            name: "title".into(),
                            html: false,
                            depth,
                            base,
                        });
                        value.clear();
                    }
                    _ => {}
                }
                return;
            };
            if depth != *at + 1 {
                return;
            }
            match local {
                // Atom's link is an attribute; the alternate (or unmarked) one is the page
                "link" if attr(start, "href").is_some() => {
                    let rel = attr(start, "rel");
                    if matches!(rel.as_deref(), None | Some("alternate")) && item.link.is_none() {
                        item.link = attr(start, "href").map(|href| resolve(base.as_deref(), &href));
                    }
                }
                "guid" if attr(start, "isPermaLink").as_deref() == Some("false") => {}
                "title" | "link" | "guid" | "pubDate" | "published" | "updated" | "date"
                | "issued" | "author" | "creator" | "name" | "description" | "summary"
                | "content" | "encoded" => {
                    // RSS's description and encoded content are HTML; Atom says by `type`
                    let html = match attr(start, "type").as_deref() {
                        Some("html" | "xhtml" | "text/html") => true,
                        Some(_) => false,
                        None => matches!(local, "description" | "encoded" | "summary"),
                    };
                    field = Some(Field {
                        name: local.to_string(),
                        html,
                        depth,
                        base,
                    });
                    value.clear();
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
            let depth = open.len();
            open.pop();
            if let Some(gathering) = field.as_ref().filter(|f| depth > f.depth) {
                if gathering.html {
                    value.push_str("</");
                    value.push_str(closed);
                    value.push('>');
                }
                return;
            }
            if let Some(done) = field.take_if(|f| depth == f.depth) {
                let got = std::mem::take(&mut value);
                let Some((item, _)) = entry.as_mut() else {
                    feed_title = Some(tidy(&got)).filter(|t| !t.is_empty());
                    return;
                };
                let link = || resolve(done.base.as_deref(), got.trim());
                match done.name.as_str() {
                    "title" if done.html => item.title = Some(plain(&got)),
                    "title" => item.title = Some(got),
                    "link" => item.link = Some(link()),
                    // a guid that is a link stands for one
                    "guid" if item.link.is_none() && got.trim().starts_with("http") => {
                        item.link = Some(link());
                    }
                    "pubDate" | "published" | "date" | "issued" => {
                        item.published = date(&got).or(item.published);
                    }
                    "updated" if item.published.is_none() => item.published = date(&got),
                    "author" | "creator" | "name" if item.author.is_none() => {
                        item.author = Some(tidy(&got)).filter(|a| !a.is_empty());
                    }
                    "content" | "encoded" => item.content = Some((got, done.html)),
                    "description" | "summary" => item.summary = Some((got, done.html)),
                    _ => {}
                }
                return;
            }
            if entry.as_ref().is_some_and(|(_, at)| *at == depth)
                && let Some((done, _)) = entry.take()
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

/// A title given as HTML (Atom's `type="html"`), as text: its tags dropped, its entities
/// read.
fn plain(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        rest = rest[at..].find('>').map_or("", |end| &rest[at + end + 1..]);
    }
    text.push_str(rest);
    let text = match quick_xml::escape::unescape(&text) {
        Ok(read) => read.into_owned(),
        Err(_) => text,
    };
    tidy(&text)
}

/// `link` read against `base` (RFC 3986's resolution, for the forms feeds use): an
/// absolute link stays as it is, one without a base too.
fn resolve(base: Option<&str>, link: &str) -> String {
    let absolute = |l: &str| {
        l.split_once(':').is_some_and(|(scheme, _)| {
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        })
    };
    let Some((scheme, rest)) = base
        .filter(|b| absolute(b) && !absolute(link))
        .and_then(|b| b.split_once("://"))
    else {
        return link.to_string();
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if let Some(other) = link.strip_prefix("//") {
        return format!("{scheme}://{other}");
    }
    let path = path.split(['?', '#']).next().unwrap_or_default();
    if link.is_empty() || link.starts_with(['?', '#']) {
        return format!("{scheme}://{authority}{path}{link}");
    }
    let joined = if link.starts_with('/') {
        link.to_string()
    } else {
        format!("{}{link}", &path[..path.rfind('/').map_or(0, |at| at + 1)])
    };
    // dot segments, as RFC 3986 removes them
    let (joined, query) = joined.split_at(joined.find(['?', '#']).unwrap_or(joined.len()));
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = joined.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        match *part {
            "." if last => segments.push(""),
            "." => {}
            ".." => {
                if segments.len() > 1 {
                    segments.pop();
                }
                if last {
                    segments.push("");
                }
            }
            part => segments.push(part),
        }
    }
    let mut path = segments.join("/");
    if !path.starts_with('/') {
        path.insert(0, '/');
    }
    format!("{scheme}://{authority}{path}{query}")
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
            // version 1.1's authors, all of them; version 1's author
            let names: Vec<String> = match item.get("authors") {
                Some(serde_json::Value::Array(authors)) => {
                    authors.iter().filter_map(|a| text_of(a, "name")).collect()
                }
                _ => item
                    .get("author")
                    .and_then(|a| text_of(a, "name"))
                    .into_iter()
                    .collect(),
            };
            let author = (!names.is_empty()).then(|| names.join(", "));
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

    #[test]
    fn links_are_read_against_the_base() {
        let base = Some("https://a.example/notes/2024/index.html?x=1");
        for (link, resolved) in [
            ("post", "https://a.example/notes/2024/post"),
            ("./post", "https://a.example/notes/2024/post"),
            ("../2023/post", "https://a.example/notes/2023/post"),
            ("../../../../up", "https://a.example/up"),
            ("/root", "https://a.example/root"),
            ("//b.example/x", "https://b.example/x"),
            ("#part", "https://a.example/notes/2024/index.html#part"),
            ("mailto:desk@a.example", "mailto:desk@a.example"),
            ("https://c.example/", "https://c.example/"),
        ] {
            assert_eq!(resolve(base, link), resolved, "{link}");
        }
        assert_eq!(resolve(None, "post"), "post");
        assert_eq!(
            resolve(Some("https://a.example"), "post"),
            "https://a.example/post"
        );
    }

    #[test]
    fn an_html_title_is_read_as_text() {
        assert_eq!(
            plain("Talks <em>resume</em> &amp; end"),
            "Talks resume & end"
        );
        assert_eq!(plain("A &nbsp; <b"), "A &nbsp;");
    }
}
