//! A saved web page reduced to its article: the readable text of `<article>` (else `<main>`,
//! else `<body>`) without navigation, scripts, forms and page furniture, one paragraph per
//! block, headings and list items marked as Markdown; title, date, source, URL and author
//! from the page's metadata.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use super::frontmatter::published_date;
use super::{DateSource, Meta};
use crate::wordlist::WordClasses;

/// The classes of `assets/lexicon/html.tsv`, by their place in the list below.
const SKIPPED: usize = 0;
const FURNITURE: usize = 1;
const BLOCK: usize = 2;

/// The names of `assets/lexicon/html.tsv`.
static WORDS: std::sync::LazyLock<WordClasses> = std::sync::LazyLock::new(|| {
    WordClasses::parse(
        include_str!("../../assets/lexicon/html.tsv"),
        &["skipped", "furniture", "block"],
    )
});

/// How much of a page's start is searched for its declared character set (browsers look at
/// the first 1,024 bytes; a saved page's comment and long heads take more).
const CHARSET_HEAD: usize = 4096;

/// Whether decoded text is an HTML page rather than text or Markdown: a doctype or an
/// `<html>` tag first, after white space, byte-order marks, comments (a saved page opens with
/// `<!-- saved from url=... -->`) and an XML declaration.
pub fn is_html(text: &str) -> bool {
    let head = markup_start(text);
    let head = head
        .get(..head.len().min(15))
        .unwrap_or(head)
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// The text from its first tag that is no comment nor XML declaration.
fn markup_start(text: &str) -> &str {
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
        let (inside, close) = if let Some(comment) = rest.strip_prefix("<!--") {
            (comment, "-->")
        } else if let Some(declaration) = rest.strip_prefix("<?") {
            (declaration, "?>")
        } else {
            return rest;
        };
        match inside.find(close) {
            Some(end) => rest = &inside[end + close.len()..],
            None => return "",
        }
    }
}

/// The character set a page declares in its head, lower case: `<meta charset="...">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">`. None for text that
/// is no HTML page.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(CHARSET_HEAD)]);
    if !is_html(&head) {
        return None;
    }
    let head = head.to_ascii_lowercase();
    // the value of `name="..."` in `text`
    let value_of = |text: &str, name: &str| {
        text.match_indices(name).find_map(|(at, name)| {
            let value = text[at + name.len()..].trim_start().strip_prefix('=')?;
            let label: String = value
                .trim_start()
                .trim_start_matches(['"', '\''])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || "-_:.".contains(*c))
                .collect();
            (!label.is_empty()).then_some(label)
        })
    };
    let meta = head.match_indices("<meta").find_map(|(at, _)| {
        let tag = &head[at..];
        value_of(&tag[..tag.find('>').unwrap_or(tag.len())], "charset")
    });
    // an XHTML page's XML declaration: <?xml version="1.0" encoding="iso-8859-1"?>
    meta.or_else(|| {
        let declaration = head
            .trim_start_matches('\u{feff}')
            .trim_start()
            .strip_prefix("<?xml")?;
        value_of(&declaration[..declaration.find("?>")?], "encoding")
    })
}

/// The page's metadata and its article text (empty when nothing readable remains).
pub fn article(page: &str) -> (Meta, String) {
    let html = super::htmlguard::parse(page);
    let published = first_meta(
        &html,
        &[
            "article:published_time",
            "datePublished",
            "date",
            "pubdate",
            "dc.date",
        ],
    )
    .or_else(|| first_attr(&html, "time[datetime]", "datetime"))
    .and_then(|d| published_date(&d).ok());
    let meta = Meta {
        title: first_meta(&html, &["og:title", "twitter:title"])
            .or_else(|| first_text(&html, "title"))
            .or_else(|| first_text(&html, "h1")),
        source: first_meta(&html, &["og:site_name", "application-name"]),
        url: first_meta(&html, &["og:url"])
            .or_else(|| first_attr(&html, "link[rel=canonical]", "href")),
        published,
        published_from: published.map(|_| DateSource::Page),
        author: first_meta(&html, &["author", "article:author"]),
    };
    let root = ["article", "main", "[role=main]", "body"]
        .iter()
        .find_map(|s| largest(&html, s))
        .unwrap_or_else(|| html.root_element());
    let mut out = Blocks::default();
    walk(root, &mut out);
    out.end_block();
    (meta, out.text)
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("the selectors here are valid")
}

/// `<meta>` content by property, name or itemprop, in the order of `keys`.
fn first_meta(html: &Html, keys: &[&str]) -> Option<String> {
    let metas = selector("meta[content]");
    keys.iter().find_map(|key| {
        html.select(&metas)
            .find(|m| {
                let el = m.value();
                ["property", "name", "itemprop"]
                    .iter()
                    .any(|a| el.attr(a).is_some_and(|v| v.eq_ignore_ascii_case(key)))
            })
            .and_then(|m| m.value().attr("content"))
            .map(collapse)
            .filter(|c| !c.is_empty())
    })
}

fn first_attr(html: &Html, select: &str, attr: &str) -> Option<String> {
    html.select(&selector(select))
        .find_map(|e| e.value().attr(attr).map(collapse))
        .filter(|v| !v.is_empty())
}

fn first_text(html: &Html, select: &str) -> Option<String> {
    html.select(&selector(select))
        .map(|e| collapse(&e.text().collect::<String>()))
        .find(|t| !t.is_empty())
}

/// The element matching `select` with the most text (a page may have several articles).
/// One inside another has no more text than it, so is not measured: each piece of text is
/// counted once, however deep the matches nest.
fn largest<'a>(html: &'a Html, select: &str) -> Option<ElementRef<'a>> {
    let mut best: Option<(usize, ElementRef<'a>)> = None;
    let mut outer: Option<ElementRef<'a>> = None;
    for e in html.select(&selector(select)) {
        if outer.is_some_and(|o| e.ancestors().any(|a| a.id() == o.id())) {
            continue;
        }
        outer = Some(e);
        let size = e.text().map(str::len).sum::<usize>();
        if best.is_none_or(|(most, _)| size >= most) {
            best = Some((size, e));
        }
    }
    best.map(|(_, e)| e)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_furniture(el: &scraper::node::Element) -> bool {
    ["class", "id"].iter().any(|a| {
        el.attr(a).is_some_and(|v| {
            v.to_ascii_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| WORDS.has(FURNITURE, w))
        })
    }) || el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true")
}

/// Text gathered block by block: whitespace collapsed, blocks separated by blank lines.
#[derive(Default)]
struct Blocks {
    text: String,
    line: String,
}

impl Blocks {
    fn push(&mut self, piece: &str) {
        for word in piece.split_whitespace() {
            if !self.line.is_empty() && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            self.line.push_str(word);
        }
        if piece.ends_with(char::is_whitespace) && !self.line.is_empty() {
            self.line.push(' ');
        }
    }

    fn end_block(&mut self) {
        let line = self.line.trim();
        let bare_mark = line.trim_start_matches(['#', '-', ' ']).is_empty();
        if !line.is_empty() && !bare_mark {
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            self.text.push_str(line);
        }
        self.line.clear();
    }
}

/// The article's text, block by block, in one pass over the tree (no recursion, so any
/// depth is fine); skipped elements and page furniture are passed over whole.
fn walk(root: ElementRef, out: &mut Blocks) {
    // the element being passed over, while inside it
    let mut skipping = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if node.id() == root.id() => {}
            Edge::Close(node) if node.id() == root.id() => {}
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => out.push(text),
                    Node::Element(el) => {
                        let name = el.name();
                        if WORDS.has(SKIPPED, name) || is_furniture(el) {
                            skipping = Some(node.id());
                            continue;
                        }
                        if WORDS.has(BLOCK, name) {
                            out.end_block();
                        }
                        match name.as_bytes() {
                            [b'h', level @ b'1'..=b'6'] => {
                                out.push(&format!("{} ", "#".repeat(usize::from(level - b'0'))));
                            }
                            b"li" => out.push("- "),
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(skipped) = skipping {
                    if skipped == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if let Node::Element(el) = node.value()
                    && WORDS.has(BLOCK, el.name())
                {
                    out.end_block();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<title>Talks stall | Example News</title>
<meta property="og:title" content="Talks stall in Geneva">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-11-22T09:30:00Z">
<meta name="author" content="A. Writer">
<link rel="canonical" href="https://example.org/talks">
<script>var tracking = "Moscow said";</script>
<style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="share-bar">Share on social</div>
<article>
<h1>Talks stall in Geneva</h1>
<p>Delegates from <b>Chile</b> and
   Peru met on Friday.</p>
<p>"We are far apart," the envoy said.&nbsp;Talks resume &amp; continue.</p>
<ul><li>First point</li><li>Second point</li></ul>
<aside>Read more: unrelated story</aside>
</article>
<footer>Copyright Example News</footer>
</body></html>"#;

    #[test]
    fn a_page_becomes_its_article_and_metadata() {
        assert!(is_html(PAGE));
        let (meta, text) = article(PAGE);
        assert_eq!(meta.title.as_deref(), Some("Talks stall in Geneva"));
        assert_eq!(meta.source.as_deref(), Some("Example News"));
        assert_eq!(meta.url.as_deref(), Some("https://example.org/talks"));
        assert_eq!(meta.published, Some(jiff::civil::date(2024, 11, 22)));
        assert_eq!(meta.published_from, Some(DateSource::Page));
        assert_eq!(meta.author.as_deref(), Some("A. Writer"));
        assert_eq!(
            text,
            "# Talks stall in Geneva\n\nDelegates from Chile and Peru met on Friday.\n\n\
             \"We are far apart,\" the envoy said. Talks resume & continue.\n\n\
             - First point\n\n- Second point"
        );
    }

    #[test]
    fn text_and_markdown_are_not_html() {
        assert!(!is_html("# Title\n\n<p>inline html in markdown</p>"));
        assert!(is_html("  \n<HTML lang=en><body>x</body></HTML>"));
        assert!(!is_html("<!-- a note --> and then prose"));
        assert!(!is_html("<!-- a comment that never ends <html>"));
    }

    #[test]
    fn a_saved_page_opens_with_comments_a_mark_or_a_declaration() {
        let saved = "<!-- saved from url=(0026)https://example.org/a -->\n<!DOCTYPE html><p>x";
        assert!(is_html(saved));
        assert!(is_html("\u{FEFF}\n <!DOCTYPE html><p>x"));
        assert!(is_html("<?xml version=\"1.0\"?>\n<!-- x --><html><p>x"));
    }

    #[test]
    fn the_declared_charset_of_a_page() {
        let charset = |page: &str| declared_charset(page.as_bytes());
        assert_eq!(
            charset("<!DOCTYPE html><head><META CharSet=\"Windows-1252\">"),
            Some("windows-1252".to_string())
        );
        let http = "<!-- saved --><html><head><meta name=x content=y>\
                    <meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">";
        assert_eq!(charset(http), Some("iso-8859-1".to_string()));
        assert_eq!(
            charset("<html><meta charset=utf-8><p>"),
            Some("utf-8".to_string())
        );
        assert_eq!(charset("<html><meta name=\"charset\"><p>"), None);
        let xhtml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE html>\n<html><p>";
        assert_eq!(charset(xhtml), Some("iso-8859-1".to_string()));
        assert_eq!(charset("Prose about <meta charset=latin1> tags"), None);
    }

    #[test]
    fn a_page_with_no_article_text_gives_nothing() {
        let page = "<html><head><title>T</title><script>x()</script></head>\
                    <body><nav>Home</nav></body></html>";
        let (_, text) = article(page);
        assert_eq!(text, "");
    }
}
