//! A hostile page parsed in time linear in its size.
//!
//! html5ever is quadratic on two shapes: a tag with many attributes (each new attribute is
//! compared with every one before it) and deep nesting (the tree builder walks its stack of
//! open elements, and its list of formatting elements, on most tokens). So before parsing,
//! [`bound_attributes`] cuts every tag after its first [`MAX_ATTRIBUTES`] attributes, and
//! while parsing, [`Guard`] stands between the tokenizer and the tree builder and drops the
//! start tags (and their end tags) that would take the builder's stack and list past
//! [`MAX_OPEN`]: their text is kept, in the element they would have opened. Browsers do the
//! same (Blink stops nesting at 512 levels); no article is nested so deep.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use foldhash::HashMap;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{Tracer, TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{LocalName, TokenizerResult};

use super::htmltree::{Id, Sink, Tree};

/// Attributes kept on one tag (the rest are cut before parsing).
pub const MAX_ATTRIBUTES: usize = 256;

/// Open elements plus formatting elements the tree builder may hold before start tags are
/// dropped.
pub const MAX_OPEN: usize = 256;

/// What the tree may hold, in bytes: this many a byte of the page, and [`TREE_BASE`] more.
/// Past it, tags and comments are dropped and only text is added: the tree builder clones
/// the formatting elements that a closed block left open for each new piece of text, so a
/// page can make hundreds of elements a byte (100 kB of them took 130 MB). An ordinary page
/// holds about 3 bytes of tree a byte, misnested formatting about 16.
const TREE_PER_BYTE: usize = 8;
const TREE_BASE: usize = 4 << 20;

/// Elements whose content the tokenizer reads as text (in an HTML context). Their content
/// gets its `<` escaped, so that it is text whatever the context, and the scan below stays
/// in step with the tokenizer.
const RAW: &[&str] = &[
    "script",
    "style",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "textarea",
    "title",
    "plaintext",
];

/// The page, parsed with both bounds. The page is given up once the tokenizer has its
/// copy, so the two are not held while the tree grows.
pub fn parse(page: String) -> Tree {
    let input = StrTendril::from_slice(&bound_attributes(&page));
    drop(page);
    let builder = TreeBuilder::new(Sink::new(), TreeBuilderOpts::default());
    let tokenizer = Tokenizer::new(
        Guard {
            builder,
            dropped: RefCell::default(),
            budget: input.len().saturating_mul(TREE_PER_BYTE) + TREE_BASE,
        },
        TokenizerOpts::default(),
    );
    let queue = BufferQueue::default();
    queue.push_back(input);
    while !matches!(tokenizer.feed(&queue), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.builder.sink.finish()
}

/// Stands between tokenizer and tree builder: a start tag that would take the builder past
/// [`MAX_OPEN`] is dropped, and so is the end tag that would close it. Parse errors are
/// dropped too (a hostile page has many times more of them than bytes), and so is every
/// tag and comment once the tree holds its budget.
struct Guard {
    builder: TreeBuilder<Id, Sink>,
    /// Start tags dropped, by name, whose end tags are still to come.
    dropped: RefCell<HashMap<LocalName, usize>>,
    /// Bytes the tree may hold before only text is added to it.
    budget: usize,
}

/// Counts what the tree builder holds: its open elements and formatting entries.
struct Count(Cell<usize>);

impl Tracer for Count {
    type Handle = Id;
    fn trace_handle(&self, _: &Id) {
        self.0.set(self.0.get() + 1);
    }
}

/// Elements that never hold content, so never deepen the tree.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

impl TokenSink for Guard {
    type Handle = Id;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<Self::Handle> {
        match &token {
            Token::ParseError(_) => return TokenSinkResult::Continue,
            Token::TagToken(_) | Token::CommentToken(_)
                if self.builder.sink.held() > self.budget =>
            {
                return TokenSinkResult::Continue;
            }
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                let name: &str = &tag.name;
                if !is_void(name) && !RAW.contains(&name) {
                    let count = Count(Cell::new(0));
                    self.builder.trace_handles(&count);
                    if count.0.get() >= MAX_OPEN {
                        if !tag.self_closing {
                            *self
                                .dropped
                                .borrow_mut()
                                .entry(tag.name.clone())
                                .or_default() += 1;
                        }
                        return TokenSinkResult::Continue;
                    }
                }
            }
            Token::TagToken(tag) => {
                let mut dropped = self.dropped.borrow_mut();
                if let Some(n) = dropped.get_mut(&tag.name) {
                    *n -= 1;
                    if *n == 0 {
                        dropped.remove(&tag.name);
                    }
                    return TokenSinkResult::Continue;
                }
            }
            _ => {}
        }
        self.builder.process_token(token, line)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// The page with every tag cut after [`MAX_ATTRIBUTES`] attributes and the content of
/// raw-text elements (script, style, title ...) with its `<` escaped; borrowed when nothing
/// needed either.
///
/// The scan follows the tokenizer's own states (data, tags and their quoted values,
/// comments, bogus comments), so it finds the same tags the tokenizer will. Where the
/// tokenizer's state depends on the tree (script is raw text in HTML but markup in SVG, a
/// CDATA section only in SVG and MathML), the page is made to read the same either way:
/// no `<` is left in raw-text content, and a CDATA section's `>` are escaped so that it
/// ends where a bogus comment would.
pub fn bound_attributes(page: &str) -> Cow<'_, str> {
    let bytes = page.as_bytes();
    let mut out: Option<String> = None;
    // bytes[copied..] are still to be copied into `out` once it exists
    let mut copied = 0;
    let mut at = 0;
    let n = bytes.len();
    // Replace page[from..to] with `with`.
    let edit =
        |out: &mut Option<String>, copied: &mut usize, from: usize, to: usize, with: &str| {
            let o = out.get_or_insert_with(|| String::with_capacity(page.len() + 64));
            o.push_str(&page[*copied..from]);
            o.push_str(with);
            *copied = to;
        };
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        let lt = at + offset;
        let next = bytes.get(lt + 1).copied();
        match next {
            Some(b'!') => {
                at = if page[lt..].starts_with("<!--") {
                    let body = lt + 4;
                    if page[body..].starts_with('>') {
                        body + 1
                    } else if page[body..].starts_with("->") {
                        body + 2
                    } else {
                        comment_end(&page[body..]).map_or(n, |e| body + e)
                    }
                } else if page[lt..].starts_with("<![CDATA[") {
                    // foreign content reads to "]]>", HTML to the first '>': escape the '>'
                    // before "]]>" so both end there
                    let body = lt + 9;
                    let end = page[body..].find("]]>").map_or(n, |e| body + e);
                    let mut from = body;
                    while let Some(gt) = memchr(b'>', &bytes[from..end]) {
                        edit(&mut out, &mut copied, from + gt, from + gt + 1, "&gt;");
                        from += gt + 1;
                    }
                    (end + 3).min(n)
                } else {
                    memchr(b'>', &bytes[lt..]).map_or(n, |gt| lt + gt + 1)
                };
            }
            Some(b'?') => at = memchr(b'>', &bytes[lt..]).map_or(n, |gt| lt + gt + 1),
            Some(b'/') if bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) => {
                at = tag(page, lt + 2, &mut |from, to| {
                    edit(&mut out, &mut copied, from, to, "")
                })
                .0;
            }
            Some(b'/') => at = memchr(b'>', &bytes[lt..]).map_or(n, |gt| lt + gt + 1),
            Some(c) if c.is_ascii_alphabetic() => {
                let (end, name) = tag(page, lt + 1, &mut |from, to| {
                    edit(&mut out, &mut copied, from, to, "")
                });
                at = end;
                let name = name.to_ascii_lowercase();
                if RAW.contains(&name.as_str()) {
                    // the content, to the appropriate end tag, made text whatever the context
                    let close = raw_end(page, at, &name);
                    let mut from = at;
                    while let Some(inner) = memchr(b'<', &bytes[from..close]) {
                        edit(
                            &mut out,
                            &mut copied,
                            from + inner,
                            from + inner + 1,
                            "&lt;",
                        );
                        from += inner + 1;
                    }
                    at = close;
                }
            }
            _ => at = lt + 1,
        }
        if at >= n {
            break;
        }
    }
    match out {
        None => Cow::Borrowed(page),
        Some(mut o) => {
            o.push_str(&page[copied.min(n)..]);
            Cow::Owned(o)
        }
    }
}

/// Where the raw text that began at `from` ends: at `</name` followed by white space, `/`
/// or `>` (case ignored), else at the end of the page.
fn raw_end(page: &str, from: usize, name: &str) -> usize {
    let bytes = page.as_bytes();
    let mut at = from;
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        let lt = at + offset;
        let after = lt + 2 + name.len();
        if bytes.get(lt + 1) == Some(&b'/')
            && bytes
                .get(lt + 2..after)
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && bytes
                .get(after)
                .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
            && name != "plaintext"
        {
            return lt;
        }
        at = lt + 1;
    }
    bytes.len()
}

/// Where a comment whose body starts `rest` ends: just past its first `-->` or `--!>`.
/// One scan: searching for each on its own read to the page's end for every comment that
/// has only the other (a page of many comments took time with the square of their number).
fn comment_end(rest: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = rest[from..].find("--") {
        let after = from + k + 2;
        match rest.as_bytes().get(after..) {
            Some([b'>', ..]) => return Some(after + 1),
            Some([b'!', b'>', ..]) => return Some(after + 2),
            _ => from = from + k + 1,
        }
    }
    None
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// A tag from its name at `start` to just past its `>` (or the end of the page), as the
/// tokenizer reads it; `cut(from, to)` is called once when it has more than
/// [`MAX_ATTRIBUTES`] attributes, with the range to remove (the rest of its attributes).
/// Returns where the tag ends and its name.
fn tag<'a>(page: &'a str, start: usize, cut: &mut dyn FnMut(usize, usize)) -> (usize, &'a str) {
    let bytes = page.as_bytes();
    let n = bytes.len();
    let mut at = start;
    while at < n && !is_space(bytes[at]) && bytes[at] != b'/' && bytes[at] != b'>' {
        at += 1;
    }
    // the name ends on an ASCII byte, so a character boundary
    let name = &page[start..at];
    let mut attributes = 0;
    let mut cut_from = None;
    let end = loop {
        // before an attribute name
        while at < n && (is_space(bytes[at]) || bytes[at] == b'/') {
            at += 1;
        }
        if at >= n {
            break n;
        }
        if bytes[at] == b'>' {
            break at;
        }
        attributes += 1;
        if attributes > MAX_ATTRIBUTES && cut_from.is_none() {
            cut_from = Some(at);
        }
        // the name (its first character may be '=')
        at += 1;
        while at < n && !is_space(bytes[at]) && !matches!(bytes[at], b'/' | b'>' | b'=') {
            at += 1;
        }
        while at < n && is_space(bytes[at]) {
            at += 1;
        }
        if at >= n || bytes[at] != b'=' {
            continue;
        }
        at += 1;
        while at < n && is_space(bytes[at]) {
            at += 1;
        }
        match bytes.get(at) {
            Some(&q @ (b'"' | b'\'')) => {
                at = memchr(q, &bytes[at + 1..]).map_or(n, |e| at + 1 + e + 1);
            }
            Some(b'>') | None => {}
            Some(_) => {
                while at < n && !is_space(bytes[at]) && bytes[at] != b'>' {
                    at += 1;
                }
            }
        }
    };
    if let Some(from) = cut_from {
        cut(from, end);
    }
    ((end + 1).min(n), name)
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

#[cfg(test)]
mod tests {
    use super::super::htmltree::DOCUMENT;
    use super::*;

    #[test]
    fn a_tag_keeps_its_first_attributes() {
        let many: String = (0..1000).map(|i| format!(" a{i}=\"v>{i}\"")).collect();
        let page = format!("<html><body><p id=first{many} class=late>Text</p></body></html>");
        let bounded = bound_attributes(&page);
        assert!(bounded.len() < page.len() / 2);
        assert!(bounded.contains(" a254=\"v>254\" >Text</p>"), "{bounded}");
        let tree = parse(page);
        let p = tree
            .elements(DOCUMENT)
            .find(|&e| tree.name(e) == Some("p"))
            .unwrap();
        assert_eq!(tree.texts(p).collect::<String>(), "Text");
        assert_eq!(tree.attr(p, "id"), Some("first"));
        assert_eq!(tree.attr(p, "class"), None);
    }

    #[test]
    fn a_comment_ends_at_the_first_of_its_two_endings() {
        assert_eq!(comment_end(" a --> b --!>"), Some(6));
        assert_eq!(comment_end(" a --!> b -->"), Some(7));
        assert_eq!(comment_end(" a --->"), Some(7));
        assert_eq!(comment_end(" a -- > --"), None);
        // many comments, each ended only one way: the page is read once
        let page = "<!-- c -->".repeat(20_000);
        assert!(matches!(bound_attributes(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn ordinary_pages_pass_unchanged() {
        let page = "<!DOCTYPE html><html><head><title>A &amp; B</title></head>\
                    <body><!-- <a x=\" --><p class=\"x\">One</p></body></html>";
        assert!(matches!(bound_attributes(page), Cow::Borrowed(_)));
    }

    #[test]
    fn raw_text_is_made_text_in_any_context() {
        let page = "<html><script>if (a<b) x(\"<div>\")</script><p>Two</p>";
        let bounded = bound_attributes(page);
        assert_eq!(
            bounded,
            "<html><script>if (a&lt;b) x(\"&lt;div>\")</script><p>Two</p>"
        );
        // a comment hiding a quote does not hide the next tag from the scan
        let many: String = (0..600).map(|i| format!(" b{i}")).collect();
        let page = format!("<!-- <a x=\" --><div{many}>\"");
        assert!(bound_attributes(&page).len() < page.len() / 2);
        // nor does a CDATA section, which SVG reads to "]]>" and HTML to its first '>'
        let page = format!("<svg><![CDATA[ > <a x=\" ]]><div{many}>\"");
        assert!(bound_attributes(&page).contains("&gt;"));
        assert!(bound_attributes(&page).len() < page.len() / 2);
    }

    #[test]
    fn deep_nesting_keeps_its_text_and_is_bounded() {
        let depth = 20_000;
        let page = format!(
            "<html><body>{}deep text{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let tree = parse(page);
        assert!(
            tree.texts(DOCUMENT)
                .collect::<String>()
                .contains("deep text")
        );
        let depth = |mut e: Id| {
            let mut depth = 0;
            while let Some(parent) = tree.parent(e) {
                (e, depth) = (parent, depth + 1);
            }
            depth
        };
        let deepest = tree.elements(DOCUMENT).map(depth).max().unwrap();
        assert!(deepest <= MAX_OPEN + 2, "{deepest}");
    }

    #[test]
    fn formatting_cloned_for_every_piece_of_text_is_bounded_and_the_text_kept() {
        // 250 formatting elements left open by a closed block: each new block's text
        // clones them all
        let open: String = (0..250).map(|i| format!("<b id={i}>")).collect();
        let units = 20_000;
        let page = format!("<div>{open}</div>{}", "<div>x</div>".repeat(units));
        let budget = page.len() * TREE_PER_BYTE + TREE_BASE;
        let tree = parse(page);
        assert!(tree.held() <= budget + 256 * 200, "{}", tree.held());
        let text: String = tree.texts(DOCUMENT).collect();
        assert_eq!(text.matches('x').count(), units);
    }
}
