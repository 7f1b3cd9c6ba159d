//! Word files (.docx, Office Open XML): the body's paragraphs in order (tables' cells as
//! paragraphs), headings and lists by their styles and numbering, footnotes and endnotes at
//! the end, and the title, author and date of docProps/core.xml.

use std::collections::HashMap;

use super::IngestError;
use super::frontmatter::Meta;
use super::office::{self, Block, Package, Xml, attr, name, walk};

pub const FORMAT: &str = "Word";

pub fn read(mut package: Package) -> Result<(String, Meta), IngestError> {
    let Some(body) = package.part("word/document.xml")? else {
        return Err(office::bad(FORMAT, "it has no word/document.xml".into()));
    };
    let styles = match package.part("word/styles.xml")? {
        Some(xml) => styles(&xml)?,
        None => HashMap::new(),
    };
    let formats = match package.part("word/numbering.xml")? {
        Some(xml) => numbering(&xml)?,
        None => HashMap::new(),
    };
    let mut notes = HashMap::new();
    for (part, kind) in [
        ("word/footnotes.xml", Note::Foot),
        ("word/endnotes.xml", Note::End),
    ] {
        if let Some(xml) = package.part(part)? {
            notes_of(&xml, part, kind, &mut notes)?;
        }
    }
    let (blocks, cited) = body_blocks(&body, &styles, &formats)?;
    let notes: Vec<String> = cited
        .iter()
        .map(|key| notes.remove(key).unwrap_or_default())
        .collect();
    let meta = match package.part("docProps/core.xml")? {
        Some(xml) => office::properties(&xml, FORMAT, "docProps/core.xml")?,
        None => Meta::default(),
    };
    Ok((office::render(&blocks, &notes), meta))
}

/// What a paragraph style makes of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Heading(usize),
    Bullet,
    Numbered,
}

/// Style ids to what they mean, by their names ("heading 2", "Title", "List Bullet"),
/// which Word keeps in English whatever the language its ids are in, or by an outline level.
fn styles(xml: &str) -> Result<HashMap<String, Style>, IngestError> {
    let mut out = HashMap::new();
    let mut id = None;
    walk(xml, FORMAT, "word/styles.xml", |event| match event {
        Xml::Open(start) => match name(start) {
            "style" => id = attr(start, "styleId"),
            "name" => {
                let style = attr(start, "val").and_then(|n| style_named(&n));
                if let (Some(id), Some(style)) = (&id, style) {
                    out.insert(id.clone(), style);
                }
            }
            "outlineLvl" => {
                let level = attr(start, "val").and_then(|v| v.parse::<usize>().ok());
                if let (Some(id), Some(level @ 0..=8)) = (&id, level) {
                    out.entry(id.clone()).or_insert(Style::Heading(level + 1));
                }
            }
            _ => {}
        },
        Xml::Close("style") => id = None,
        _ => {}
    })?;
    Ok(out)
}

fn style_named(name: &str) -> Option<Style> {
    let name = name.to_ascii_lowercase().replace(' ', "");
    if name == "title" {
        return Some(Style::Heading(1));
    }
    if let Some(level) = name.strip_prefix("heading") {
        return level
            .parse()
            .ok()
            .filter(|l| (1..=9).contains(l))
            .map(Style::Heading);
    }
    if name.starts_with("listbullet") {
        return Some(Style::Bullet);
    }
    name.starts_with("listnumber").then_some(Style::Numbered)
}

/// Whether each (list, level) is numbered: numbering.xml's `num`s name abstract lists,
/// whose levels give a number format ("bullet", "decimal", "lowerRoman" ...).
fn numbering(xml: &str) -> Result<HashMap<(String, usize), bool>, IngestError> {
    let mut abstract_formats: HashMap<(String, usize), bool> = HashMap::new();
    let mut lists: Vec<(String, String)> = Vec::new();
    let (mut abstract_id, mut level, mut num_id) = (None, 0, None);
    walk(xml, FORMAT, "word/numbering.xml", |event| match event {
        Xml::Open(start) => match name(start) {
            "abstractNum" => abstract_id = attr(start, "abstractNumId"),
            "lvl" => {
                level = attr(start, "ilvl")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0)
            }
            "numFmt" => {
                if let (Some(id), Some(format)) = (&abstract_id, attr(start, "val")) {
                    let numbered = format != "bullet" && format != "none";
                    abstract_formats.insert((id.clone(), level), numbered);
                }
            }
            "num" => num_id = attr(start, "numId"),
            "abstractNumId" => {
                if let (Some(num), Some(of)) = (&num_id, attr(start, "val")) {
                    lists.push((num.clone(), of));
                }
            }
            _ => {}
        },
        Xml::Close("abstractNum") => abstract_id = None,
        Xml::Close("num") => num_id = None,
        _ => {}
    })?;
    let mut out = HashMap::new();
    for (num, of) in lists {
        for ((id, level), numbered) in &abstract_formats {
            if *id == of {
                out.insert((num.clone(), *level), *numbered);
            }
        }
    }
    Ok(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Note {
    Foot,
    End,
}

/// A note by its kind and its id in its part.
type NoteKey = (Note, String);

/// Each note's paragraphs, joined, by its kind and id; the separators Word keeps as notes
/// are left out.
fn notes_of(
    xml: &str,
    part: &str,
    kind: Note,
    notes: &mut HashMap<NoteKey, String>,
) -> Result<(), IngestError> {
    let mut id: Option<String> = None;
    let mut text = String::new();
    let mut in_text = false;
    walk(xml, FORMAT, part, |event| match event {
        Xml::Open(start) => match name(start) {
            "footnote" | "endnote" => {
                let separator = attr(start, "type").is_some_and(|t| t != "normal");
                id = attr(start, "id").filter(|_| !separator);
                text.clear();
            }
            "t" => in_text = true,
            "p" | "tab" | "br" => text.push(' '),
            _ => {}
        },
        Xml::Text(t) if in_text => text.push_str(t),
        Xml::Close("t") => in_text = false,
        Xml::Close("footnote" | "endnote") => {
            if let Some(id) = id.take() {
                notes.insert((kind, id), office::tidy(&text));
            }
        }
        _ => {}
    })
}

/// A paragraph being read.
#[derive(Default)]
struct Paragraph {
    text: String,
    style: Option<String>,
    list: Option<String>,
    level: usize,
}

/// The body's blocks, and the notes in the order they are cited (the `[^n]` markers).
fn body_blocks(
    xml: &str,
    styles: &HashMap<String, Style>,
    formats: &HashMap<(String, usize), bool>,
) -> Result<(Vec<Block>, Vec<NoteKey>), IngestError> {
    let mut blocks = Vec::new();
    let mut cited = Vec::new();
    // a text box's paragraphs sit inside a paragraph of the body
    let mut open: Vec<Paragraph> = Vec::new();
    let mut in_text = false;
    // the fallback of alternate content repeats its choice (a text box drawn twice)
    let mut skipping = 0usize;
    let mut counters: HashMap<(String, usize), usize> = HashMap::new();
    walk(xml, FORMAT, "word/document.xml", |event| {
        if skipping > 0 {
            match event {
                Xml::Open(start) if name(start) == "Fallback" => skipping += 1,
                Xml::Close("Fallback") => skipping -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Xml::Open(start) => {
                let paragraph = open.last_mut();
                match (name(start), paragraph) {
                    ("Fallback", _) => skipping = 1,
                    ("p", _) => open.push(Paragraph::default()),
                    ("t", Some(_)) => in_text = true,
                    ("tab" | "br" | "cr", Some(p)) => p.text.push(' '),
                    ("noBreakHyphen", Some(p)) => p.text.push('-'),
                    ("pStyle", Some(p)) => p.style = attr(start, "val"),
                    ("numId", Some(p)) => p.list = attr(start, "val").filter(|v| v != "0"),
                    ("ilvl", Some(p)) => {
                        p.level = attr(start, "val").and_then(|v| v.parse().ok()).unwrap_or(0);
                    }
                    (kind @ ("footnoteReference" | "endnoteReference"), Some(p)) => {
                        let kind = if kind == "footnoteReference" {
                            Note::Foot
                        } else {
                            Note::End
                        };
                        if let Some(id) = attr(start, "id") {
                            cited.push((kind, id));
                            p.text.push_str(&format!("[^{}]", cited.len()));
                        }
                    }
                    _ => {}
                }
            }
            Xml::Text(text) if in_text => {
                if let Some(p) = open.last_mut() {
                    p.text.push_str(text);
                }
            }
            Xml::Close("t") => in_text = false,
            Xml::Close("p") => {
                if let Some(p) = open.pop()
                    && let Some(block) = block_of(p, styles, formats, &mut counters)
                {
                    blocks.push(block);
                }
            }
            _ => {}
        }
    })?;
    Ok((blocks, cited))
}

fn block_of(
    p: Paragraph,
    styles: &HashMap<String, Style>,
    formats: &HashMap<(String, usize), bool>,
    counters: &mut HashMap<(String, usize), usize>,
) -> Option<Block> {
    let text = office::tidy(&p.text);
    if text.is_empty() {
        return None;
    }
    let style = p
        .style
        .as_deref()
        .and_then(|id| styles.get(id).copied().or_else(|| style_named(id)));
    if let Some(Style::Heading(level)) = style {
        return Some(Block::Heading(level, text));
    }
    let numbered = match (&p.list, style) {
        (Some(list), _) => formats
            .get(&(list.clone(), p.level))
            .copied()
            .unwrap_or(false),
        (None, Some(Style::Numbered)) => true,
        (None, Some(Style::Bullet)) => false,
        (None, _) => return Some(Block::Paragraph(text)),
    };
    let list = p.list.unwrap_or_else(|| format!("style {:?}", p.style));
    // a deeper level starts again after each item above it
    counters.retain(|(l, level), _| *l != list || *level <= p.level);
    let count = counters.entry((list, p.level)).or_insert(0);
    *count += 1;
    Some(Block::Item {
        depth: p.level.min(8),
        number: numbered.then_some(*count),
        text,
    })
}
