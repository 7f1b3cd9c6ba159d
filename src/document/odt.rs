//! OpenDocument text files (.odt): content.xml's headings, paragraphs and lists in order
//! (tables' cells as paragraphs), footnotes and endnotes at the end, and the title, author and
//! date of meta.xml. A table of contents, comments and deleted text are left out.

use std::collections::HashMap;

use super::IngestError;
use super::frontmatter::Meta;
use super::office::{self, Block, Package, Xml, attr, name, walk};

pub const FORMAT: &str = "OpenDocument";

pub fn read(mut package: Package) -> Result<(String, Meta), IngestError> {
    let Some(content) = package.part("content.xml")? else {
        return Err(office::bad(FORMAT, "it has no content.xml".into()));
    };
    let mut styles = Styles::default();
    if let Some(xml) = package.part("styles.xml")? {
        styles.read(&xml, "styles.xml")?;
    }
    styles.read(&content, "content.xml")?;
    let (blocks, notes) = body(&content, &styles)?;
    let meta = match package.part("meta.xml")? {
        Some(xml) => office::properties(&xml, FORMAT, "meta.xml")?,
        None => Meta::default(),
    };
    Ok((office::render(&blocks, &notes), meta))
}

/// Paragraph styles' parents (an automatic style "P3" stands for "Heading 1" changed), and
/// whether each list style's levels are numbered.
#[derive(Default)]
struct Styles {
    parents: HashMap<String, String>,
    numbered: HashMap<(String, usize), bool>,
}

impl Styles {
    fn read(&mut self, xml: &str, part: &str) -> Result<(), IngestError> {
        let mut list_style = None;
        walk(xml, FORMAT, part, |event| match event {
            Xml::Open(start) => match name(start) {
                "style" => {
                    if let (Some(style), Some(parent)) =
                        (attr(start, "name"), attr(start, "parent-style-name"))
                    {
                        self.parents.insert(style, parent);
                    }
                }
                "list-style" => list_style = attr(start, "name"),
                kind @ ("list-level-style-number" | "list-level-style-bullet") => {
                    let level = attr(start, "level").and_then(|l| l.parse().ok());
                    if let (Some(style), Some(level)) = (&list_style, level) {
                        let numbered = kind == "list-level-style-number";
                        self.numbered.insert((style.clone(), level), numbered);
                    }
                }
                _ => {}
            },
            Xml::Close("list-style") => list_style = None,
            _ => {}
        })
    }

    /// The heading level a paragraph style makes, following its parents ("Title",
    /// "Heading 2", written "Heading_20_2").
    fn heading(&self, style: &str) -> Option<usize> {
        let mut style = style;
        for _ in 0..16 {
            let plain = style.replace("_20_", "").to_ascii_lowercase();
            if plain == "title" {
                return Some(1);
            }
            if let Some(level) = plain.strip_prefix("heading")
                && let Ok(level) = level.parse()
            {
                return Some(level);
            }
            style = self.parents.get(style)?;
        }
        None
    }
}

/// A list being read: its style (an inner list without one takes its outer list's) and the
/// items so far.
struct List {
    style: Option<String>,
    items: usize,
}

#[derive(Default)]
struct Paragraph {
    text: String,
    heading: Option<usize>,
}

/// Elements whose text is not the document's: a comment, deleted text, a table of
/// contents or index (the headings again), a note's own number.
const LEFT_OUT: [&str; 8] = [
    "annotation",
    "tracked-changes",
    "table-of-content",
    "alphabetical-index",
    "illustration-index",
    "bibliography",
    "note-citation",
    "sequence-decls",
];

fn body(xml: &str, styles: &Styles) -> Result<(Vec<Block>, Vec<String>), IngestError> {
    let mut blocks = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut in_body = false;
    let mut skipping: Option<(String, usize)> = None;
    let mut lists: Vec<List> = Vec::new();
    let mut open: Vec<Paragraph> = Vec::new();
    // the paragraphs of the note being read go to its text, not the body
    let mut note: Option<String> = None;
    walk(xml, FORMAT, "content.xml", |event| {
        if let Some((element, depth)) = &mut skipping {
            match event {
                Xml::Open(start) if name(start) == element.as_str() => *depth += 1,
                Xml::Close(closed) if closed == element.as_str() => {
                    *depth -= 1;
                    if *depth == 0 {
                        skipping = None;
                    }
                }
                _ => {}
            }
            return;
        }
        match event {
            Xml::Open(start) => {
                let element = name(start);
                if element == "body" {
                    in_body = true;
                }
                if !in_body {
                    return;
                }
                if LEFT_OUT.contains(&element) {
                    skipping = Some((element.to_string(), 1));
                    return;
                }
                match element {
                    "h" => open.push(Paragraph {
                        heading: Some(
                            attr(start, "outline-level")
                                .and_then(|l| l.parse().ok())
                                .unwrap_or(1),
                        ),
                        ..Paragraph::default()
                    }),
                    "p" => open.push(Paragraph {
                        heading: attr(start, "style-name").and_then(|s| styles.heading(&s)),
                        ..Paragraph::default()
                    }),
                    "list" => {
                        let style = attr(start, "style-name")
                            .or_else(|| lists.last().and_then(|l| l.style.clone()));
                        lists.push(List { style, items: 0 });
                    }
                    "list-item" => {
                        if let Some(list) = lists.last_mut() {
                            list.items += 1;
                        }
                    }
                    "note" => {
                        notes.push(String::new());
                        if let Some(p) = open.last_mut() {
                            p.text.push_str(&format!("[^{}]", notes.len()));
                        }
                        note = Some(String::new());
                    }
                    "s" => {
                        let spaces = attr(start, "c").and_then(|c| c.parse().ok()).unwrap_or(1);
                        push(&mut open, &" ".repeat(spaces.min(64)));
                    }
                    "tab" | "line-break" => push(&mut open, " "),
                    _ => {}
                }
            }
            Xml::Text(text) if in_body => push(&mut open, text),
            Xml::Close("p" | "h") => {
                let Some(p) = open.pop() else { return };
                let text = office::tidy(&p.text);
                if text.is_empty() {
                    return;
                }
                if let Some(note_text) = &mut note {
                    if !note_text.is_empty() {
                        note_text.push(' ');
                    }
                    note_text.push_str(&text);
                    return;
                }
                blocks.push(match (p.heading, lists.last()) {
                    (Some(level), _) => Block::Heading(level, text),
                    (None, Some(list)) => {
                        let level = lists.len();
                        let numbered = list
                            .style
                            .as_ref()
                            .and_then(|s| styles.numbered.get(&(s.clone(), level)))
                            .copied()
                            .unwrap_or(false);
                        Block::Item {
                            depth: level - 1,
                            number: numbered.then_some(list.items),
                            text,
                        }
                    }
                    (None, None) => Block::Paragraph(text),
                });
            }
            Xml::Close("list") => {
                lists.pop();
            }
            Xml::Close("note") => {
                if let (Some(text), Some(last)) = (note.take(), notes.last_mut()) {
                    *last = text;
                }
            }
            _ => {}
        }
    })?;
    Ok((blocks, notes))
}

/// Text into the paragraph being read (a note's own, while a note is read: it is added to
/// the note when it closes).
fn push(open: &mut [Paragraph], text: &str) {
    if let Some(p) = open.last_mut() {
        p.text.push_str(text);
    }
}
