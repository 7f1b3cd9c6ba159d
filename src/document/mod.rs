//! A briefing as brief sees it: clean text, its metadata, and where its paragraphs and
//! sentences are. Everything downstream works on [`Document`]; nothing downstream reads files.

mod container;
mod dateline;
mod decode;
mod docx;
mod feed;
mod frontmatter;
mod headline;
mod html;
mod htmlguard;
mod htmltree;
mod mail;
mod mbox;
mod odt;
mod office;
mod offsets;
mod pdf;
mod sanitize;
mod segment;
mod spans;

use std::fmt;

use sha2::{Digest, Sha256};

pub use container::{Item, Part, items};
pub use dateline::is_label as is_dateline_label;
pub use feed::is_feed;

pub use frontmatter::{DateSource, Meta, parse_date, published_date};
pub use offsets::OffsetMap;
pub use pdf::containing_a_panic;
pub use spans::{MAX_TEXT, Packed, Spans};

/// A half-open byte range into [`Document::text`]. Byte offsets are what Rust slices with;
/// they become code points only at the output boundary (see [`OffsetMap`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Why a briefing could not be read. Each renders as the `<why>` of `brief: <what>: <why>`.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IngestError {
    #[error("binary file (it contains NUL bytes and no UTF-16 byte-order mark)")]
    Binary,
    #[error("empty briefing (no text)")]
    Empty,
    #[error("front matter opened by '{fence}' on line {line} never ends")]
    UnterminatedFrontMatter { fence: &'static str, line: usize },
    #[error("front matter on line {line}: {why}")]
    BadFrontMatter { line: usize, why: String },
    #[error("web page with no readable article text")]
    NoArticleText,
    #[error("more than 4 GiB of text: brief reads briefings up to 4 GiB")]
    TooLong,
    #[error("{format} file that cannot be read: {why}")]
    Unreadable { format: &'static str, why: String },
    #[error(
        "PDF with no text layer (a scan?): brief reads text, not images; give it the PDF after OCR (e.g. ocrmypdf)"
    )]
    NoTextLayer,
    #[error(
        "a file of {0} briefings (a feed, an mbox or a message with attachments): open it as a library (brief PATH) or name one as PATH#1 to PATH#{0}"
    )]
    Several(usize),
}

/// Something worth telling the user that does not stop the analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning(pub String);

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone)]
pub struct Document {
    pub meta: Meta,
    /// The briefing's text, clean: LF line ends, no control characters but newline and tab.
    pub text: String,
    pub fingerprint: String,
    pub paragraphs: Spans,
    pub sentences: Spans,
    pub offsets: OffsetMap,
    /// Where each page starts (byte offsets into `text`, the first 0), for a briefing read
    /// from a PDF; empty for one without pages.
    pub pages: Vec<usize>,
}

/// A briefing read from a format of its own: its text in pieces (a PDF's pages; one for
/// the others), each sanitised alone so that where each starts stays known.
struct Converted {
    pieces: Vec<String>,
    meta: Meta,
    paged: bool,
}

/// The format a briefing's first bytes name, read; none for text (plain, Markdown, HTML).
fn convert(bytes: &[u8], warnings: &mut Vec<Warning>) -> Option<Result<Converted, IngestError>> {
    let whole = |(text, meta)| Converted {
        pieces: vec![text],
        meta,
        paged: false,
    };
    if bytes.starts_with(b"%PDF-") {
        return Some(pdf::read(bytes, warnings).map(|(pieces, meta)| Converted {
            pieces,
            meta,
            paged: true,
        }));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Some(office::read(bytes).map(whole));
    }
    if mail::is_message(bytes) {
        return Some(mail::read(bytes).map(whole));
    }
    None
}

impl Document {
    /// Reads a briefing file's bytes: decoding, sanitising, front matter (or, for a saved
    /// web page, its article and metadata), segmentation. Bytes given up (a `Vec`) are
    /// made the text without a copy when they are clean UTF-8.
    pub fn from_bytes(bytes: impl Into<Vec<u8>>) -> Result<(Document, Vec<Warning>), IngestError> {
        let mut warnings = Vec::new();
        let mut removed = sanitize::Removed::default();
        let bytes: Vec<u8> = bytes.into();
        // a message is itself (its attachments are items only when the file is listed)
        if !mail::is_message(&bytes)
            && let Some(items) = container::items(&bytes, &mut warnings)
        {
            let mut items = items?;
            if items.len() != 1 {
                return Err(IngestError::Several(items.len()));
            }
            let (doc, more) = Document::from_item(items.remove(0))?;
            warnings.extend(more);
            return Ok((doc, warnings));
        }
        if let Some(converted) = convert(&bytes, &mut warnings) {
            let Converted {
                pieces,
                meta,
                paged,
            } = converted?;
            let mut text = String::new();
            let mut pages = Vec::new();
            for piece in &pieces {
                if paged {
                    pages.push(text.len());
                }
                text.push_str(&sanitize::sanitize(piece, &mut removed));
            }
            if text.len() > MAX_TEXT {
                return Err(IngestError::TooLong);
            }
            let meta = sanitize::meta(meta, &mut removed);
            if text.trim().is_empty() {
                return Err(IngestError::Empty);
            }
            let mut doc = Document::from_clean(text, meta);
            doc.pages = pages;
            return Ok((doc, removed.warn(warnings)));
        }
        let decoded = decode::decode(bytes, &mut warnings)?;
        if decoded.len() > MAX_TEXT {
            return Err(IngestError::TooLong);
        }
        let clean = match sanitize::sanitize(&decoded, &mut removed) {
            std::borrow::Cow::Borrowed(_) => decoded,
            std::borrow::Cow::Owned(clean) => clean,
        };
        if html::is_html(&clean) {
            // given up: a page's tree is built from a copy of its own
            let (meta, text) = html::article(clean);
            // character references can spell control characters too ("&#27;"), in the
            // text and in the metadata
            let text = sanitize::sanitize(&text, &mut removed).into_owned();
            let meta = sanitize::meta(meta, &mut removed);
            if text.trim().is_empty() {
                return Err(IngestError::NoArticleText);
            }
            return Ok((Document::from_clean(text, meta), removed.warn(warnings)));
        }
        let (meta, body) = frontmatter::split(&clean, &mut warnings)?;
        // and so can a TOML string's escapes ("\u001b")
        let meta = sanitize::meta(meta, &mut removed);
        if body.trim().is_empty() {
            return Err(IngestError::Empty);
        }
        Ok((
            Document::from_clean(body.to_string(), meta),
            removed.warn(warnings),
        ))
    }

    /// One briefing of a file that holds several ([`items`]).
    pub fn from_item(item: Item) -> Result<(Document, Vec<Warning>), IngestError> {
        let (text, meta) = match item.part {
            Part::Message(bytes) => return Document::from_bytes(bytes),
            Part::Attached(bytes, given) => {
                let (mut doc, warnings) = Document::from_bytes(bytes)?;
                let meta = &mut doc.meta;
                meta.title = meta.title.take().or(given.title);
                meta.source = meta.source.take().or(given.source);
                meta.author = meta.author.take().or(given.author);
                if meta.published.is_none() {
                    meta.published = given.published;
                    meta.published_from = given.published_from;
                }
                let meta = std::mem::take(&mut doc.meta);
                let mut removed = sanitize::Removed::default();
                doc.meta = sanitize::meta(meta, &mut removed);
                return Ok((doc, removed.warn(warnings)));
            }
            Part::Text(text, meta) => (text, meta),
            Part::Html(html, meta) => {
                let page = format!("<!DOCTYPE html><html><body>{html}</body></html>");
                (html::article(page).1, meta)
            }
        };
        // an item with no words of its own (a link feed's) is its title
        let text = if text.trim().is_empty() {
            meta.title.clone().unwrap_or_default()
        } else {
            text
        };
        if text.len() > MAX_TEXT {
            return Err(IngestError::TooLong);
        }
        if text.trim().is_empty() {
            return Err(IngestError::Empty);
        }
        Ok(Document::from_string(text, meta))
    }

    /// A briefing whose text arrives without front matter (a batch line): sanitised and
    /// segmented, its metadata given by the caller.
    pub fn from_text(text: &str, meta: Meta) -> (Document, Vec<Warning>) {
        let mut removed = sanitize::Removed::default();
        let clean = sanitize::sanitize(text, &mut removed);
        let meta = sanitize::meta(meta, &mut removed);
        (
            Document::from_clean(clean.into_owned(), meta),
            removed.warn(Vec::new()),
        )
    }

    /// [`Document::from_text`] on a text the caller gives up: clean text is kept, not copied.
    pub fn from_string(text: String, meta: Meta) -> (Document, Vec<Warning>) {
        let mut removed = sanitize::Removed::default();
        let clean = match sanitize::sanitize(&text, &mut removed) {
            std::borrow::Cow::Borrowed(_) => text,
            std::borrow::Cow::Owned(clean) => clean,
        };
        let meta = sanitize::meta(meta, &mut removed);
        (Document::from_clean(clean, meta), removed.warn(Vec::new()))
    }

    /// Without a date in the metadata, the article's own dateline gives it (the caller's
    /// `--published` still goes over it: [`Meta::give_published`]); without a title, its
    /// headline does.
    fn from_clean(text: String, mut meta: Meta) -> Document {
        if meta.title.is_none() {
            meta.title = headline::find(&text);
        }
        if meta.published.is_none()
            && let Some(date) = dateline::find(&text)
        {
            meta.published = Some(date);
            meta.published_from = Some(DateSource::Dateline);
        }
        let paragraphs = segment::paragraphs(&text);
        let sentences = segment::sentences(&text, &paragraphs);
        let offsets = OffsetMap::new(&text);
        Document {
            fingerprint: fingerprint(&text),
            meta,
            paragraphs,
            sentences,
            offsets,
            text,
            pages: Vec::new(),
        }
    }

    /// The part of the briefing in `span` (paragraphs and sentences clipped to it), as a
    /// briefing of its own (offsets from its start, the same metadata), for analysing a
    /// long briefing in sections.
    pub fn section(&self, span: Span) -> Document {
        let clip = |s: Span| {
            Span::new(
                s.start.max(span.start) - span.start,
                s.end.min(span.end) - span.start,
            )
        };
        let first = self.paragraphs.partition_point(|p| p.end <= span.start);
        let last = self.paragraphs.partition_point(|p| p.start < span.end);
        let paragraphs = self
            .paragraphs
            .range(first, last.max(first))
            .map(clip)
            .collect();
        let first = self.sentences.partition_point(|s| s.end <= span.start);
        let last = self.sentences.partition_point(|s| s.start < span.end);
        let text = self.text[span.start..span.end].to_string();
        Document {
            meta: self.meta.clone(),
            fingerprint: fingerprint(&text),
            paragraphs,
            sentences: self
                .sentences
                .range(first, last.max(first))
                .map(clip)
                .collect(),
            offsets: OffsetMap::new(&text),
            text,
            // the analysis of a section never asks for pages
            pages: Vec::new(),
        }
    }

    /// The page (from 1) on which the byte `at` stands; none for a briefing without pages.
    pub fn page_at(&self, at: usize) -> Option<usize> {
        if self.pages.is_empty() {
            return None;
        }
        Some(self.pages.partition_point(|&start| start <= at).max(1))
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The code-point offset (the contract's unit) of a byte offset.
    pub fn char_offset(&self, byte: usize) -> usize {
        self.offsets.to_char(&self.text, byte)
    }
}

/// The first 16 hex digits of the SHA-256 of the text (the contract's fingerprint).
pub fn fingerprint(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_is_sixteen_hex_digits_of_sha256() {
        // SHA-256("abc") = ba7816bf8f01cfea...
        assert_eq!(fingerprint("abc"), "ba7816bf8f01cfea");
    }

    #[test]
    fn whole_pipeline_keeps_clean_text_byte_for_byte() {
        let text = "Seoul said on Friday that it had evidence.\nMoscow denied it.\n";
        let (doc, warnings) = Document::from_bytes(text.as_bytes()).unwrap();
        assert!(warnings.is_empty());
        assert_eq!(doc.text, text);
        assert_eq!(doc.sentences.len(), 2);
    }

    #[test]
    fn a_section_is_its_paragraphs_with_offsets_from_its_start() {
        let text = "One. Two.\n\nThree is here. Four.\n\nFive.\n";
        let (doc, _) = Document::from_bytes(text.as_bytes()).unwrap();
        assert_eq!(doc.paragraphs.len(), 3);
        let section = doc.section(doc.paragraphs.at(1));
        assert_eq!(section.text, "Three is here. Four.");
        assert_eq!(
            section.paragraphs.iter().collect::<Vec<_>>(),
            [Span::new(0, 20)]
        );
        assert_eq!(
            section.sentences.iter().collect::<Vec<_>>(),
            [Span::new(0, 14), Span::new(15, 20)]
        );
        // cut inside a paragraph, at a sentence
        let section = doc.section(Span::new(
            doc.sentences.at(1).start,
            doc.paragraphs.at(1).end,
        ));
        assert_eq!(section.text, "Two.\n\nThree is here. Four.");
        assert_eq!(
            section.paragraphs.iter().collect::<Vec<_>>(),
            [Span::new(0, 4), Span::new(6, 26)]
        );
        assert_eq!(section.sentences.len(), 3);
    }

    #[test]
    fn the_date_comes_from_the_option_then_the_front_matter_then_the_dateline() {
        let dated = |published: &str| Some(published.parse::<jiff::civil::Date>().unwrap());
        let body =
            "Harbour plan approved\nFriday, July 21, 2017\n\nThe council voted on Thursday.\n";
        let (mut doc, _) = Document::from_bytes(body.as_bytes()).unwrap();
        assert_eq!(doc.meta.published, dated("2017-07-21"));
        assert_eq!(doc.meta.published_from, Some(DateSource::Dateline));
        doc.meta.give_published(None);
        assert_eq!(doc.meta.published_from, Some(DateSource::Dateline));
        doc.meta.give_published(dated("2017-07-24"));
        assert_eq!(doc.meta.published, dated("2017-07-24"));
        assert_eq!(doc.meta.published_from, Some(DateSource::Given));

        let with_front_matter = format!("---\npublished: 2017-07-22\n---\n{body}");
        let (mut doc, _) = Document::from_bytes(with_front_matter.as_bytes()).unwrap();
        assert_eq!(doc.meta.published, dated("2017-07-22"));
        assert_eq!(doc.meta.published_from, Some(DateSource::FrontMatter));
        doc.meta.give_published(dated("2017-07-24"));
        assert_eq!(doc.meta.published_from, Some(DateSource::Given));

        // a batch line: its date, else the dateline
        let mut given = Meta::default();
        given.give_published(dated("2017-07-23"));
        let (doc, _) = Document::from_text(body, given);
        assert_eq!(doc.meta.published, dated("2017-07-23"));
        assert_eq!(doc.meta.published_from, Some(DateSource::Given));
        let (doc, _) = Document::from_text(body, Meta::default());
        assert_eq!(doc.meta.published, dated("2017-07-21"));

        let (doc, _) = Document::from_text("The council voted on Thursday.", Meta::default());
        assert_eq!((doc.meta.published, doc.meta.published_from), (None, None));
    }

    #[test]
    fn a_saved_page_in_windows_1252_is_read_as_its_article() {
        let page = b"\xEF\xBB\xBF  <!-- saved from url=(0022)https://example.org -->\r\n\
                     <!DOCTYPE html><html><head><meta charset=\"windows-1252\">\
                     <title>Caf\xE9s</title></head><body><p>Caf\xE9 owners said prices \
                     rose.</p></body></html>";
        let (doc, warnings) = Document::from_bytes(page).unwrap();
        assert_eq!(doc.text, "Café owners said prices rose.");
        assert_eq!(doc.meta.title.as_deref(), Some("Cafés"));
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn whitespace_only_is_empty() {
        assert_eq!(
            Document::from_bytes(b" \n\t\n").unwrap_err(),
            IngestError::Empty
        );
        assert_eq!(
            Document::from_bytes(b"---\ntitle: x\n---\n\n").unwrap_err(),
            IngestError::Empty
        );
    }
}
