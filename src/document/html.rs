//! A saved web page reduced to its article: the readable text of `<article>` (else `<main>`,
//! else `<body>`) without navigation, scripts, forms and page furniture, one paragraph per
//! block, headings and list items marked as Markdown; title, date, source, URL and author
//! from the page's metadata.

use super::frontmatter::published_date;
use super::htmltree::{DOCUMENT, Data, Edge, Id, Tree};
use super::{DateSource, Meta};
use crate::wordlist::WordClasses;

/// The classes of `assets/lexicon/html.tsv`, by their place in the list below.
const SKIPPED: usize = 0;
const FURNITURE: usize = 1;
const BLOCK: usize = 2;
const SPACED: usize = 3;

/// The names of `assets/lexicon/html.tsv`.
static WORDS: std::sync::LazyLock<WordClasses> = std::sync::LazyLock::new(|| {
    WordClasses::parse(
        include_str!("../../assets/lexicon/html.tsv"),
        &["skipped", "furniture", "block", "spaced"],
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
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">`, else an XML file's
/// declaration (a feed's, an XHTML page's: `<?xml version="1.0" encoding="iso-8859-1"?>`).
/// None for text that is neither.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(CHARSET_HEAD)]);
    let page = is_html(&head);
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
    let meta = page.then(|| {
        head.match_indices("<meta").find_map(|(at, _)| {
            let tag = &head[at..];
            value_of(&tag[..tag.find('>').unwrap_or(tag.len())], "charset")
        })
    });
    meta.flatten().or_else(|| {
        let declaration = head
            .trim_start_matches('\u{feff}')
            .trim_start()
            .strip_prefix("<?xml")?;
        value_of(&declaration[..declaration.find("?>")?], "encoding")
    })
}

/// The page's metadata and its article text (empty when nothing readable remains).
pub fn article(page: String) -> (Meta, String) {
    let tree = super::htmlguard::parse(page);
    let html = Page { tree: &tree };
    let published = html
        .first_meta(&[
            "article:published_time",
            "datePublished",
            "date",
            "pubdate",
            "dc.date",
        ])
        .or_else(|| html.first_attr("time", "datetime", |_| true))
        .and_then(|d| published_date(&d).ok());
    let meta = Meta {
        title: html
            .first_meta(&["og:title", "twitter:title"])
            .or_else(|| html.first_text("title"))
            .or_else(|| html.first_text("h1")),
        source: html.first_meta(&["og:site_name", "application-name"]),
        url: html.first_meta(&["og:url"]).or_else(|| {
            html.first_attr("link", "href", |link| {
                tree.attr(link, "rel") == Some("canonical")
            })
        }),
        published,
        published_from: published.map(|_| DateSource::Page),
        author: html.first_meta(&["author", "article:author"]),
        own_published: None,
    };
    let root = [
        |t: &Tree, e: Id| t.name(e) == Some("article"),
        |t: &Tree, e: Id| t.name(e) == Some("main"),
        |t: &Tree, e: Id| t.attr(e, "role") == Some("main"),
        |t: &Tree, e: Id| t.name(e) == Some("body"),
    ]
    .iter()
    .find_map(|is| html.largest(is))
    .unwrap_or(DOCUMENT);
    let mut out = Blocks::default();
    walk(&tree, root, &mut out);
    out.end_block();
    (meta, out.text)
}

/// The parsed page, asked for its metadata and its article's root.
struct Page<'a> {
    tree: &'a Tree,
}

impl Page<'_> {
    /// The elements of the page, in document order.
    fn elements(&self) -> impl Iterator<Item = Id> + '_ {
        self.tree.elements(DOCUMENT)
    }

    fn named(&self, name: &str) -> impl Iterator<Item = Id> + '_ {
        let name = name.to_owned();
        self.elements()
            .filter(move |&e| self.tree.name(e) == Some(name.as_str()))
    }

    /// `<meta>` content by property, name or itemprop, in the order of `keys`.
    fn first_meta(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|key| {
            self.named("meta")
                .filter(|&m| self.tree.attr(m, "content").is_some())
                .find(|&m| {
                    ["property", "name", "itemprop"].iter().any(|a| {
                        self.tree
                            .attr(m, a)
                            .is_some_and(|v| v.eq_ignore_ascii_case(key))
                    })
                })
                .and_then(|m| self.tree.attr(m, "content"))
                .map(collapse)
                .filter(|c| !c.is_empty())
        })
    }

    /// The attribute `attr` of the first element named `name` that has it and passes `is`.
    fn first_attr(&self, name: &str, attr: &str, is: impl Fn(Id) -> bool) -> Option<String> {
        self.named(name)
            .filter(|&e| is(e))
            .find_map(|e| self.tree.attr(e, attr).map(collapse))
            .filter(|v| !v.is_empty())
    }

    fn first_text(&self, name: &str) -> Option<String> {
        self.named(name)
            .map(|e| collapse(&self.tree.texts(e).collect::<String>()))
            .find(|t| !t.is_empty())
    }

    /// The element that `is` with the most text (a page may have several articles). One
    /// inside another has no more text than it, so is not measured: each piece of text is
    /// counted once, however deep the matches nest.
    fn largest(&self, is: impl Fn(&Tree, Id) -> bool) -> Option<Id> {
        let tree = self.tree;
        let mut best: Option<(usize, Id)> = None;
        let mut outer: Option<Id> = None;
        for e in self.elements().filter(|&e| is(tree, e)) {
            let inside =
                |o: Id| std::iter::successors(tree.parent(e), |&a| tree.parent(a)).any(|a| a == o);
            if outer.is_some_and(inside) {
                continue;
            }
            outer = Some(e);
            let size = tree.texts(e).map(str::len).sum::<usize>();
            if best.is_none_or(|(most, _)| size >= most) {
                best = Some((size, e));
            }
        }
        best.map(|(_, e)| e)
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_furniture(tree: &Tree, el: Id) -> bool {
    ["class", "id"].iter().any(|a| {
        tree.attr(el, a).is_some_and(|v| {
            v.to_ascii_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| WORDS.has(FURNITURE, w))
        })
    }) || tree.attr(el, "hidden").is_some()
        || tree.attr(el, "aria-hidden") == Some("true")
}

/// Text gathered block by block: whitespace collapsed, blocks separated by blank lines.
#[derive(Default)]
struct Blocks {
    text: String,
    line: String,
}

impl Blocks {
    /// A text node's words; it joins the line before it without a space unless white space
    /// parts them (`<b>12 November</b>.` is "12 November.").
    fn push(&mut self, piece: &str) {
        if piece.starts_with(char::is_whitespace)
            && !self.line.is_empty()
            && !self.line.ends_with(' ')
        {
            self.line.push(' ');
        }
        for (i, word) in piece.split_whitespace().enumerate() {
            if i > 0 {
                self.line.push(' ');
            }
            self.line.push_str(word);
        }
        if piece.ends_with(char::is_whitespace)
            && !self.line.is_empty()
            && !self.line.ends_with(' ')
        {
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
fn walk(tree: &Tree, root: Id, out: &mut Blocks) {
    // the element being passed over, while inside it
    let mut skipping = None;
    for edge in tree.traverse(root) {
        match edge {
            Edge::Open(node) | Edge::Close(node) if node == root => {}
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match tree.data(node) {
                    Data::Text(text) => out.push(text),
                    Data::Element { name, .. } => {
                        if WORDS.has(SKIPPED, name) || is_furniture(tree, node) {
                            skipping = Some(node);
                            continue;
                        }
                        if WORDS.has(BLOCK, name) {
                            out.end_block();
                        } else if WORDS.has(SPACED, name) {
                            out.push(" ");
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
                    if skipped == node {
                        skipping = None;
                    }
                    continue;
                }
                match tree.name(node) {
                    Some(name) if WORDS.has(BLOCK, name) => out.end_block(),
                    Some(name) if WORDS.has(SPACED, name) => out.push(" "),
                    _ => {}
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
        let (meta, text) = article(PAGE.into());
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
        // a feed declares it only in its XML declaration
        let feed = "<?xml version='1.0' encoding='ISO-8859-1'?>\n<rss><channel>";
        assert_eq!(charset(feed), Some("iso-8859-1".to_string()));
    }

    #[test]
    fn inline_elements_join_their_neighbours_and_cells_are_set_apart() {
        let page = "<html><body><p>Shut since <strong>12 November</strong>. It <a href=x>was</a>, \
                    they <em>said</em> .</p><table><tr><td>Oslo</td><td>3</td></tr></table></body></html>";
        let (_, text) = article(page.into());
        assert_eq!(
            text,
            "Shut since 12 November. It was, they said .\n\nOslo 3"
        );
    }

    #[test]
    fn a_page_with_no_article_text_gives_nothing() {
        let page = "<html><head><title>T</title><script>x()</script></head>\
                    <body><nav>Home</nav></body></html>";
        let (_, text) = article(page.into());
        assert_eq!(text, "");
    }
}
