//! Structure-aware web pages: nesting (deep too), attributes (many too, quoted every way),
//! entities that spell controls and surrogates, raw-text elements, comments, CDATA, foreign
//! content, declared character sets with bytes in them. Ingest must not panic, must leave no
//! control character in the text or the metadata, and must stay linear (libFuzzer's timeout).
//! The page rendered is at most 16 bytes per input byte (and a deep run or an attribute list
//! at most 2,048 long, far past the guard's 256), so a run costs in proportion to its input:
//! two bytes naming a 20,000-deep element made runs of 100 a second.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use brief::document::Document;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
enum Tag {
    Div, P, Span, B, I, A, Table, Tr, Td, Li, Ul, Script, Style, Title, Textarea, Svg, Math,
    Article, Main, Nav, H1, Br, Img, Meta, Template, Select, Option, Form, Button, Iframe,
    Noscript, Plaintext, Xmp, Head, Body, Html, Other(u8),
}

impl Tag {
    fn name(&self) -> String {
        let name = match self {
            Tag::Div => "div", Tag::P => "p", Tag::Span => "span", Tag::B => "b", Tag::I => "i",
            Tag::A => "a", Tag::Table => "table", Tag::Tr => "tr", Tag::Td => "td",
            Tag::Li => "li", Tag::Ul => "ul", Tag::Script => "script", Tag::Style => "style",
            Tag::Title => "title", Tag::Textarea => "textarea", Tag::Svg => "svg",
            Tag::Math => "math", Tag::Article => "article", Tag::Main => "main", Tag::Nav => "nav",
            Tag::H1 => "h1", Tag::Br => "br", Tag::Img => "img", Tag::Meta => "meta",
            Tag::Template => "template", Tag::Select => "select", Tag::Option => "option",
            Tag::Form => "form", Tag::Button => "button", Tag::Iframe => "iframe",
            Tag::Noscript => "noscript", Tag::Plaintext => "plaintext", Tag::Xmp => "xmp",
            Tag::Head => "head", Tag::Body => "body", Tag::Html => "html",
            Tag::Other(n) => return format!("x{n}"),
        };
        name.to_string()
    }
}

#[derive(Arbitrary, Debug)]
enum Value {
    Bare(String),
    Double(String),
    Single(String),
    Unquoted(u16),
    None,
}

#[derive(Arbitrary, Debug)]
enum Piece {
    Text(String),
    Words(u8),
    Entity(Entity),
    Raw(Vec<u8>),
}

#[derive(Arbitrary, Debug)]
enum Entity {
    Named(u8),
    Decimal(u32),
    Hex(u32),
    Broken(String),
}

#[derive(Arbitrary, Debug)]
enum Node {
    Piece(Piece),
    Element {
        tag: Tag,
        attributes: Vec<(u8, Value)>,
        children: Vec<Node>,
        close: bool,
        self_closing: bool,
    },
    /// The same element opened `depth` times (closed or not).
    Deep { tag: Tag, depth: u16, close: bool, inner: Box<Node> },
    /// One element with `count` attributes.
    Attributes { tag: Tag, count: u16, duplicate: bool },
    Comment(String),
    Cdata(String),
    EndTag(Tag),
    Lt(String),
}

#[derive(Arbitrary, Debug)]
struct Page {
    doctype: bool,
    charset: u8,
    title: Vec<Piece>,
    meta: Vec<(u8, Vec<Piece>)>,
    body: Vec<Node>,
}

const CHARSETS: &[&str] = &[
    "utf-8", "windows-1252", "iso-8859-1", "utf-16", "shift_jis", "koi8-r", "x-user-defined",
    "bogus", "gb18030", "euc-kr", "iso-8859-7", "utf-32",
];
const NAMED: &[&str] = &["amp", "lt", "gt", "nbsp", "quot", "apos", "copy", "notanentity", "AMP", "Ouml"];
const META: &[&str] = &["og:title", "og:url", "og:site_name", "author", "article:published_time", "date"];
const WORDS: &str = "Officials in Oslo said on Monday that talks would resume. ";

fn piece(out: &mut Vec<u8>, piece: &Piece) {
    match piece {
        Piece::Text(s) => out.extend_from_slice(s.as_bytes()),
        Piece::Words(n) => out.extend_from_slice(WORDS.repeat(usize::from(*n % 8)).as_bytes()),
        Piece::Entity(Entity::Named(n)) => {
            out.extend_from_slice(format!("&{};", NAMED[usize::from(*n) % NAMED.len()]).as_bytes())
        }
        Piece::Entity(Entity::Decimal(n)) => out.extend_from_slice(format!("&#{n};").as_bytes()),
        Piece::Entity(Entity::Hex(n)) => out.extend_from_slice(format!("&#x{n:x}").as_bytes()),
        Piece::Entity(Entity::Broken(s)) => out.extend_from_slice(format!("&{s}").as_bytes()),
        Piece::Raw(bytes) => out.extend_from_slice(bytes),
    }
}

fn attribute(out: &mut Vec<u8>, name: u8, value: &Value) {
    out.extend_from_slice(format!(" a{}", name % 16).as_bytes());
    match value {
        Value::Bare(s) => out.extend_from_slice(format!("={s}").as_bytes()),
        Value::Double(s) => out.extend_from_slice(format!("=\"{s}\"").as_bytes()),
        Value::Single(s) => out.extend_from_slice(format!("='{s}'").as_bytes()),
        Value::Unquoted(n) => out.extend_from_slice(format!("=v{n}").as_bytes()),
        Value::None => {}
    }
}

/// How long a deep run or an attribute list may be: well past `htmlguard`'s cuts at 256.
const LONGEST: usize = 2048;

fn node(out: &mut Vec<u8>, node: &Node, budget: &mut usize, cap: usize) {
    if *budget == 0 || out.len() > cap {
        return;
    }
    *budget -= 1;
    match node {
        Node::Piece(p) => piece(out, p),
        Node::Element { tag, attributes, children, close, self_closing } => {
            let name = tag.name();
            out.extend_from_slice(format!("<{name}").as_bytes());
            for (n, v) in attributes {
                attribute(out, *n, v);
            }
            out.extend_from_slice(if *self_closing { b"/>" } else { b">" });
            for child in children {
                self::node(out, child, budget, cap);
            }
            if *close {
                out.extend_from_slice(format!("</{name}>").as_bytes());
            }
        }
        Node::Deep { tag, depth, close, inner } => {
            let name = tag.name();
            let depth = usize::from(*depth) % LONGEST;
            for _ in 0..depth {
                out.extend_from_slice(format!("<{name}>").as_bytes());
            }
            self::node(out, inner, budget, cap);
            if *close {
                for _ in 0..depth {
                    out.extend_from_slice(format!("</{name}>").as_bytes());
                }
            }
        }
        Node::Attributes { tag, count, duplicate } => {
            out.extend_from_slice(format!("<{}", tag.name()).as_bytes());
            for i in 0..usize::from(*count) % LONGEST {
                let i = if *duplicate { i % 3 } else { i };
                out.extend_from_slice(format!(" b{i}=\"{i}\"").as_bytes());
            }
            out.extend_from_slice(b">text");
        }
        Node::Comment(s) => out.extend_from_slice(format!("<!--{s}-->").as_bytes()),
        Node::Cdata(s) => out.extend_from_slice(format!("<![CDATA[{s}]]>").as_bytes()),
        Node::EndTag(tag) => out.extend_from_slice(format!("</{}>", tag.name()).as_bytes()),
        Node::Lt(s) => out.extend_from_slice(format!("<{s}").as_bytes()),
    }
}

/// The page, cut once it passes `cap` bytes.
fn render(page: &Page, cap: usize) -> Vec<u8> {
    let mut out = Vec::new();
    if page.doctype {
        out.extend_from_slice(b"<!DOCTYPE html>");
    }
    out.extend_from_slice(b"<html><head>");
    let charset = CHARSETS[usize::from(page.charset) % CHARSETS.len()];
    out.extend_from_slice(format!("<meta charset=\"{charset}\"><title>").as_bytes());
    for p in &page.title {
        piece(&mut out, p);
    }
    out.extend_from_slice(b"</title>");
    for (key, value) in &page.meta {
        let key = META[usize::from(*key) % META.len()];
        out.extend_from_slice(format!("<meta property=\"{key}\" content=\"").as_bytes());
        for p in value {
            piece(&mut out, p);
        }
        out.extend_from_slice(b"\">");
    }
    out.extend_from_slice(b"</head><body>");
    let mut budget = 4096;
    for n in &page.body {
        node(&mut out, n, &mut budget, cap);
    }
    out
}

fn is_control(c: char) -> bool {
    (c < ' ' && c != '\n' && c != '\t') || ('\u{7F}'..'\u{A0}').contains(&c)
}

fuzz_target!(|data: &[u8]| {
    let Ok(page) = Page::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let bytes = render(&page, 1024 + 16 * data.len());
    let Ok((doc, _)) = Document::from_bytes(bytes) else {
        return;
    };
    assert!(!doc.text.chars().any(is_control), "a control in the text");
    let meta = &doc.meta;
    for field in [&meta.title, &meta.source, &meta.url, &meta.author].into_iter().flatten() {
        assert!(!field.chars().any(is_control), "a control in the metadata: {field:?}");
    }
});
