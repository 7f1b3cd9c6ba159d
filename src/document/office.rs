//! What Word (.docx) and OpenDocument (.odt) files share: a zip of XML parts, read within a
//! budget (a zip bomb is refused, not unpacked), walked as a flat stream of XML events (no
//! recursion, so no nesting is too deep), and their paragraphs written out as the Markdown
//! the rest of brief reads: `#` headings, `-` and `1.` list items, `[^1]` footnotes at the
//! end.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use super::frontmatter::{DateSource, Meta, parse_date};
use super::{IngestError, docx, odt};

/// A zip: a Word file when it holds word/document.xml, an OpenDocument text when it holds
/// content.xml.
pub fn read(bytes: &[u8]) -> Result<(String, Meta), IngestError> {
    let mut package = Package::open(bytes)?;
    if package.has("word/document.xml") {
        package.format = docx::FORMAT;
        docx::read(package)
    } else if package.has("content.xml") {
        package.format = odt::FORMAT;
        odt::read(package)
    } else {
        Err(bad(
            "zip",
            "it holds no Word (word/document.xml) or OpenDocument (content.xml) document".into(),
        ))
    }
}

/// The XML parts of a zip, unpacked within one budget ([`unpack_budget`]) for all of them.
pub struct Package {
    archive: zip::ZipArchive<Cursor<Vec<u8>>>,
    budget: u64,
    /// How messages name the file: "Word", "OpenDocument".
    pub format: &'static str,
}

/// What a file of `size` bytes may unpack to: 16 MiB and 100 times its size (text packs 5
/// to 20 times; a bomb a thousand), never more than 512 MiB. PDF streams get the same.
pub fn unpack_budget(size: usize) -> u64 {
    (size as u64)
        .saturating_mul(100)
        .saturating_add(16 << 20)
        .min(512 << 20)
}

impl Package {
    pub fn open(bytes: &[u8]) -> Result<Package, IngestError> {
        let format = "zip";
        let archive = zip::ZipArchive::new(Cursor::new(bytes.to_vec()))
            .map_err(|e| bad(format, format!("a damaged zip ({e})")))?;
        Ok(Package {
            archive,
            budget: unpack_budget(bytes.len()),
            format,
        })
    }

    pub fn has(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// The part called `name` as text; none when the file has no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<String>, IngestError> {
        let budget = self.budget;
        let format = self.format;
        let entry = match self.archive.by_name(name) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(bad(format, format!("its part {name} cannot be read ({e})"))),
        };
        // the sizes a zip declares may lie: what is read is counted
        let mut bytes = Vec::new();
        entry
            .take(budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| bad(format, format!("its part {name} cannot be unpacked ({e})")))?;
        if bytes.len() as u64 > budget {
            return Err(bad(
                format,
                format!(
                    "its parts unpack to more than {} MB, a zip bomb or no document: brief stops there",
                    budget >> 20
                ),
            ));
        }
        self.budget -= bytes.len() as u64;
        let text = String::from_utf8(bytes)
            .map_err(|_| bad(format, format!("its part {name} is not UTF-8 XML")))?;
        Ok(Some(text))
    }
}

pub fn bad(format: &'static str, why: String) -> IngestError {
    IngestError::Unreadable { format, why }
}

/// One XML event, names without their namespace prefix ("w:p" is `p`).
pub enum Xml<'a> {
    Open(&'a BytesStart<'a>),
    Close(&'a str),
    Text(&'a str),
}

/// Calls `on` for each event of `xml`, an empty element as an open and a close; character
/// and the five predefined entity references arrive as text.
pub fn walk(
    xml: &str,
    format: &'static str,
    part: &str,
    mut on: impl FnMut(Xml<'_>),
) -> Result<(), IngestError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let broken =
        |e: &dyn std::fmt::Display| bad(format, format!("its part {part} is not XML ({e})"));
    loop {
        match reader.read_event().map_err(|e| broken(&e))? {
            Event::Start(start) => on(Xml::Open(&start)),
            Event::Empty(start) => {
                on(Xml::Open(&start));
                on(Xml::Close(start.local_name().into_inner()));
            }
            Event::End(end) => on(Xml::Close(end.local_name().into_inner())),
            Event::Text(text) => on(Xml::Text(&text.xml10_content())),
            Event::CData(data) => on(Xml::Text(&data.into_inner())),
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref().map_err(|e| broken(&e))? {
                    Some(c) => Some(c),
                    None => match &*reference.xml10_content() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = resolved {
                    on(Xml::Text(c.encode_utf8(&mut [0; 4])));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The value of the attribute whose name without prefix is `name`.
pub fn attr(start: &BytesStart<'_>, name: &str) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

pub fn name<'a>(start: &'a BytesStart<'_>) -> &'a str {
    start.local_name().into_inner()
}

/// A paragraph as brief writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading of level 1 to 6 (a title is 1).
    Heading(usize, String),
    Paragraph(String),
    /// A list item at `depth` (0: the outer list), numbered or with a bullet.
    Item {
        depth: usize,
        number: Option<usize>,
        text: String,
    },
}

/// The blocks as Markdown, a blank line between paragraphs, the notes after a rule.
pub fn render(blocks: &[Block], notes: &[String]) -> String {
    let mut out = String::new();
    let mut previous_item = false;
    for block in blocks {
        let item = matches!(block, Block::Item { .. });
        if !out.is_empty() {
            // a list's items stay together
            out.push_str(if item && previous_item { "\n" } else { "\n\n" });
        }
        previous_item = item;
        match block {
            Block::Heading(level, text) => {
                out.push_str(&"#".repeat((*level).clamp(1, 6)));
                out.push(' ');
                out.push_str(text);
            }
            Block::Paragraph(text) => out.push_str(text),
            Block::Item {
                depth,
                number,
                text,
            } => {
                out.push_str(&"  ".repeat(*depth));
                match number {
                    Some(n) => out.push_str(&format!("{n}. ")),
                    None => out.push_str("- "),
                }
                out.push_str(text);
            }
        }
    }
    if !notes.is_empty() {
        out.push_str("\n\n---");
        for (i, note) in notes.iter().enumerate() {
            out.push_str(&format!("\n\n[^{}]: {note}", i + 1));
        }
    }
    out.push('\n');
    out
}

/// Runs of whitespace as one space, trimmed: XML keeps the source's indentation and
/// line breaks inside a paragraph's text.
pub fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A document's properties (docProps/core.xml, meta.xml), read by local names: the title,
/// the author (`creator`, `initial-creator`), and the date it was last saved, else made.
pub fn properties(xml: &str, format: &'static str, part: &str) -> Result<Meta, IngestError> {
    let mut meta = Meta::default();
    let mut field: Option<String> = None;
    let mut value = String::new();
    let (mut modified, mut created) = (None, None);
    let mut author = None;
    let mut initial_author = None;
    walk(xml, format, part, |event| match event {
        Xml::Open(start) => {
            field = Some(name(start).to_string());
            value.clear();
        }
        Xml::Text(text) => value.push_str(text),
        Xml::Close(closed) => {
            if field.as_deref() == Some(closed) {
                let text = tidy(&value);
                if !text.is_empty() {
                    match closed {
                        "title" => meta.title = Some(text),
                        "creator" => author = Some(text),
                        "initial-creator" => initial_author = Some(text),
                        "modified" | "date" => modified = parse_date(&text),
                        "created" | "creation-date" => created = parse_date(&text),
                        _ => {}
                    }
                }
            }
            field = None;
        }
    })?;
    // OpenDocument's creator is who saved it last; its initial creator wrote it
    meta.author = initial_author.or(author);
    meta.published = modified.or(created);
    meta.published_from = meta.published.map(|_| DateSource::Properties);
    Ok(meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_render_as_markdown_with_the_notes_last() {
        let blocks = [
            Block::Heading(1, "Harbour plan".into()),
            Block::Paragraph("The council voted.[^1]".into()),
            Block::Item {
                depth: 0,
                number: None,
                text: "one".into(),
            },
            Block::Item {
                depth: 1,
                number: Some(1),
                text: "two".into(),
            },
            Block::Paragraph("After.".into()),
        ];
        assert_eq!(
            render(&blocks, &["A note.".into()]),
            "# Harbour plan\n\nThe council voted.[^1]\n\n- one\n  1. two\n\nAfter.\n\n---\n\n[^1]: A note.\n"
        );
    }

    #[test]
    fn properties_give_title_author_and_the_last_saved_date() {
        let core = r#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="c" xmlns:dc="d" xmlns:dcterms="t">
            <dc:title>Harbour &amp; port</dc:title><dc:creator>Ada Writer</dc:creator>
            <dcterms:created>2024-11-20T09:00:00Z</dcterms:created>
            <dcterms:modified>2024-11-23T10:00:00Z</dcterms:modified></cp:coreProperties>"#;
        let meta = properties(core, "Word", "docProps/core.xml").unwrap();
        assert_eq!(meta.title.as_deref(), Some("Harbour & port"));
        assert_eq!(meta.author.as_deref(), Some("Ada Writer"));
        assert_eq!(meta.published.unwrap().to_string(), "2024-11-23");
        assert_eq!(meta.published_from, Some(DateSource::Properties));
    }
}
