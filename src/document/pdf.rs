//! PDF: the text of each page, laid out from where its characters are drawn (pdf-extract
//! decodes the fonts and encodings; lopdf parses the file), the title, author and date of
//! its Info dictionary.
//!
//! What a page gives is characters with positions, in the order the file draws them (which
//! is the reading order for what word processors write, columns one after the other). They
//! become lines, lines become paragraphs (a wider gap, a change of size, a short line ending
//! a sentence), a word hyphenated at a line's end is joined again, ligatures are unfolded,
//! and the lines repeated at the top or bottom of most pages (running headers, footers, page
//! numbers) are left out.
//!
//! A hostile file must end in one line: the drawings a page calls within drawings are walked
//! first, without recursion, and a cycle, a depth past [`MAX_DEPTH`] or more drawing than
//! [`MAX_OPERATIONS`] is refused before pdf-extract (which recurses) sees them; compressed
//! streams are unpacked within the budget a zip gets; and the crates, which unwrap what they
//! expect, run under `catch_unwind`, their panic kept quiet ([`containing_a_panic`]).

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::panic::AssertUnwindSafe;

use lopdf::{Dictionary, Object, ObjectId};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::frontmatter::{DateSource, Meta};
use super::{IngestError, Warning, office};

const FORMAT: &str = "PDF";
/// Drawings inside drawings deeper than this are refused (word processors nest two or three).
const MAX_DEPTH: usize = 32;
/// Content operations a file may make pdf-extract run, counting a drawing each time it is
/// drawn (a drawing of a drawing drawn a thousand times, a thousand times over, is a bomb).
const MAX_OPERATIONS: u64 = 50_000_000;
const MAX_PAGES: usize = 10_000;

thread_local! {
    static CONTAINING: Cell<bool> = const { Cell::new(false) };
}

/// Whether this thread is running a PDF crate under `catch_unwind`: the panic hooks then
/// stay quiet, the panic being turned into the file's one error line.
pub fn containing_a_panic() -> bool {
    CONTAINING.with(Cell::get)
}

fn contain<T>(work: impl FnOnce() -> T) -> Option<T> {
    CONTAINING.with(|c| c.set(true));
    let result = std::panic::catch_unwind(AssertUnwindSafe(work)).ok();
    CONTAINING.with(|c| c.set(false));
    result
}

fn bad(why: impl Into<String>) -> IngestError {
    office::bad(FORMAT, why.into())
}

/// Each page's text (the pieces join into the briefing's text) and the file's metadata.
pub fn read(bytes: &[u8], warnings: &mut Vec<Warning>) -> Result<(Vec<String>, Meta), IngestError> {
    let mut doc = contain(|| lopdf::Document::load_mem(bytes))
        .ok_or_else(|| bad("its structure could not be parsed"))?
        .map_err(|e| bad(format!("it is damaged or cut short ({e})")))?;
    if doc.is_encrypted() {
        return Err(bad(
            "it is encrypted, and brief opens no PDF that needs a password",
        ));
    }
    let page_count = doc.get_pages().len();
    if page_count == 0 {
        return Err(bad("it has no pages"));
    }
    if page_count > MAX_PAGES {
        return Err(bad(format!(
            "it has {page_count} pages, more than brief reads ({MAX_PAGES})"
        )));
    }
    unpack(&mut doc, bytes.len())?;
    check_drawings(&doc)?;
    let meta = metadata(&doc);
    let mut glyphs = Glyphs::default();
    contain(|| pdf_extract::output_doc(&doc, &mut glyphs))
        .ok_or_else(|| bad("its pages could not be read"))?
        .map_err(|e| bad(format!("{e:?}")))?;
    let pages: Vec<Vec<Line>> = glyphs.pages.iter().map(|page| lines(page)).collect();
    let blank = pages.iter().filter(|p| p.is_empty()).count();
    if blank == pages.len() {
        return Err(IngestError::NoTextLayer);
    }
    if blank > 0 {
        warnings.push(Warning(format!(
            "{blank} of {} pages have no text (scanned pages?): brief reads no images",
            pages.len()
        )));
    }
    let mut pages = drop_running_lines(pages);
    let notes: Vec<(String, String)> = pages.iter_mut().flat_map(take_notes).collect();
    Ok((pieces(pages, &notes), meta))
}

/// Streams compressed with Flate alone unpacked within a budget (lopdf would unpack a bomb
/// whole), images emptied (pdf-extract reads every drawn object as drawing operations).
fn unpack(doc: &mut lopdf::Document, size: usize) -> Result<(), IngestError> {
    let mut budget = office::unpack_budget(size);
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image") {
            stream.dict.remove(b"Filter");
            stream.dict.remove(b"DecodeParms");
            stream.set_content(Vec::new());
            continue;
        }
        let flate = stream.filters().ok().as_deref() == Some(&[b"FlateDecode".as_slice()][..]);
        if !flate || stream.dict.has(b"DecodeParms") {
            continue;
        }
        let mut out = Vec::new();
        let read = flate2::read::ZlibDecoder::new(stream.content.as_slice())
            .take(budget + 1)
            .read_to_end(&mut out);
        if read.is_err() {
            // left for lopdf, which tries harder (raw deflate, a damaged end)
            continue;
        }
        if out.len() as u64 > budget {
            return Err(bad(format!(
                "its streams unpack to more than {} MB, a compression bomb: brief stops there",
                office::unpack_budget(size) >> 20
            )));
        }
        budget -= out.len() as u64;
        stream.dict.remove(b"Filter");
        stream.set_content(out);
    }
    Ok(())
}

/// Refuses what would make pdf-extract recurse without end or draw without end: a page
/// tree whose parents loop, a drawing (form XObject) that draws itself, drawings nested
/// deeper than [`MAX_DEPTH`], more than [`MAX_OPERATIONS`] operations in all.
fn check_drawings(doc: &lopdf::Document) -> Result<(), IngestError> {
    let mut costs: HashMap<(ObjectId, usize), u64> = HashMap::new();
    let mut total = 0u64;
    for page in doc.get_pages().into_values() {
        let page_dict = doc
            .get_dictionary(page)
            .map_err(|e| bad(format!("a page cannot be read ({e})")))?;
        let resources = inherited_resources(doc, page_dict)?;
        let content = doc.get_page_content(page).unwrap_or_default();
        total = total.saturating_add(cost(doc, &content, resources, &mut costs, &mut Vec::new())?);
        if total > MAX_OPERATIONS {
            return Err(bad(format!(
                "it draws more than {MAX_OPERATIONS} operations (drawings repeated within drawings)"
            )));
        }
    }
    Ok(())
}

/// A page's resources, from it or the nearest parent that has them. pdf-extract looks
/// these and the page's size up its parents recursively: a loop of parents is refused here.
fn inherited_resources<'a>(
    doc: &'a lopdf::Document,
    page: &'a Dictionary,
) -> Result<Option<&'a Dictionary>, IngestError> {
    let mut chain = vec![page];
    let mut seen = HashSet::new();
    let mut dict = page;
    while let Ok(parent) = dict.get(b"Parent").and_then(Object::as_reference) {
        if !seen.insert(parent) || seen.len() > 256 {
            return Err(bad("its page tree loops (a cyclic object graph)"));
        }
        let Ok(next) = doc.get_dictionary(parent) else {
            break;
        };
        chain.push(next);
        dict = next;
    }
    Ok(chain.into_iter().find_map(|d| {
        d.get_deref(b"Resources", doc)
            .and_then(Object::as_dict)
            .ok()
    }))
}

/// The operations drawing `content` with `resources` runs, the drawings it calls
/// counted as often as they are drawn; `path` holds the drawings being drawn, a stack kept
/// by hand, each frame's cost memoised by its drawing and the resources in force.
fn cost(
    doc: &lopdf::Document,
    content: &[u8],
    resources: Option<&Dictionary>,
    costs: &mut HashMap<(ObjectId, usize), u64>,
    path: &mut Vec<ObjectId>,
) -> Result<u64, IngestError> {
    struct Frame<'a> {
        drawing: Option<(ObjectId, usize)>,
        calls: Vec<Call<'a>>,
        next: usize,
        sum: u64,
    }
    let (operations, calls) = drawn(doc, content, resources);
    let mut stack = vec![Frame {
        drawing: None,
        calls,
        next: 0,
        sum: operations,
    }];
    loop {
        let top = stack
            .last_mut()
            .expect("the page's frame is never popped here");
        if top.next < top.calls.len() {
            let (id, stream, inner_resources) = top.calls[top.next];
            top.next += 1;
            let key = (
                id,
                inner_resources.map_or(0, |r| r as *const Dictionary as usize),
            );
            if let Some(&known) = costs.get(&key) {
                top.sum = top.sum.saturating_add(known);
                continue;
            }
            if path.contains(&id) {
                return Err(bad("a drawing in it draws itself (a cyclic object graph)"));
            }
            if path.len() >= MAX_DEPTH {
                return Err(bad(format!("its drawings nest deeper than {MAX_DEPTH}")));
            }
            path.push(id);
            let content = stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone());
            let (operations, calls) = drawn(doc, &content, inner_resources);
            stack.push(Frame {
                drawing: Some(key),
                calls,
                next: 0,
                sum: operations,
            });
            continue;
        }
        let done = stack.pop().expect("a frame is on the stack");
        if done.sum > MAX_OPERATIONS {
            return Err(bad(format!(
                "it draws more than {MAX_OPERATIONS} operations (drawings repeated within drawings)"
            )));
        }
        match (done.drawing, stack.last_mut()) {
            (Some(key), Some(parent)) => {
                path.pop();
                costs.insert(key, done.sum);
                parent.sum = parent.sum.saturating_add(done.sum);
            }
            _ => return Ok(done.sum),
        }
    }
}

/// A drawing called: its object, its stream, the resources it is drawn with.
type Call<'a> = (ObjectId, &'a lopdf::Stream, Option<&'a Dictionary>);

/// How many operations `content` has, and the drawings (form XObjects, with the resources
/// they are drawn with: their own, else the caller's) it calls.
fn drawn<'a>(
    doc: &'a lopdf::Document,
    content: &[u8],
    resources: Option<&'a Dictionary>,
) -> (u64, Vec<Call<'a>>) {
    let Ok(content) = lopdf::content::Content::decode(content) else {
        return (0, Vec::new());
    };
    let xobjects =
        resources.and_then(|r| r.get_deref(b"XObject", doc).and_then(Object::as_dict).ok());
    let mut calls = Vec::new();
    for operation in &content.operations {
        if operation.operator != "Do" {
            continue;
        }
        let Some(name) = operation.operands.first().and_then(|o| o.as_name().ok()) else {
            continue;
        };
        let Some(Ok(id)) = xobjects.map(|x| x.get(name).and_then(Object::as_reference)) else {
            continue;
        };
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            continue;
        };
        let own = stream
            .dict
            .get_deref(b"Resources", doc)
            .and_then(Object::as_dict)
            .ok();
        calls.push((id, stream, own.or(resources)));
    }
    (content.operations.len() as u64, calls)
}

/// The Info dictionary's title, author and date (when it was made, else last changed).
fn metadata(doc: &lopdf::Document) -> Meta {
    let info = doc
        .trailer
        .get_deref(b"Info", doc)
        .and_then(Object::as_dict)
        .ok();
    let text = |key: &[u8]| {
        let value = info?.get_deref(key, doc).ok()?;
        let text = lopdf::decode_text_string(value).ok()?;
        let text = office::tidy(&text);
        (!text.is_empty()).then_some(text)
    };
    let date = |key: &[u8]| {
        // "D:20241123103000+01'00'"
        let value = text(key)?;
        let digits = value.strip_prefix("D:").unwrap_or(&value);
        let (y, m, d) = (digits.get(..4)?, digits.get(4..6)?, digits.get(6..8)?);
        jiff::civil::Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
    };
    let published = date(b"CreationDate").or_else(|| date(b"ModDate"));
    Meta {
        title: text(b"Title").filter(|t| !is_file_name(t)),
        author: text(b"Author"),
        published,
        published_from: published.map(|_| DateSource::Properties),
        ..Meta::default()
    }
}

/// A title that is the name of the file the PDF was made from ("Microsoft Word -
/// report.docx", "untitled"): no title.
fn is_file_name(title: &str) -> bool {
    let lower = title.to_lowercase();
    lower.starts_with("microsoft word - ")
        || lower == "untitled"
        || [
            ".doc", ".docx", ".odt", ".rtf", ".pdf", ".txt", ".indd", ".tex",
        ]
        .iter()
        .any(|x| lower.ends_with(x))
}

/// A character as drawn: where (y down from the top of the page), how wide, how large.
struct Glyph {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: String,
}

#[derive(Default)]
struct Glyphs {
    pages: Vec<Vec<Glyph>>,
    height: f64,
}

impl OutputDev for Glyphs {
    fn begin_page(
        &mut self,
        _: u32,
        media_box: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.pages.push(Vec::new());
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // the square of the same area as the font's size drawn (a rotation keeps it)
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = font_size * scale;
        let (x, y) = (trm.m31, self.height - trm.m32);
        if !(x.is_finite() && y.is_finite() && size.is_finite()) {
            return Ok(());
        }
        if let Some(page) = self.pages.last_mut() {
            page.push(Glyph {
                x,
                y,
                end: x + width * size,
                size,
                text: text.to_string(),
            });
        }
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// A line of a page: its baseline, where it starts and ends, its largest size.
#[derive(Debug, Clone)]
struct Line {
    y: f64,
    x0: f64,
    x1: f64,
    size: f64,
    text: String,
}

/// A page's glyphs as lines, in the order drawn: a new line where the baseline moves by
/// half a character's height, a space where the gap between glyphs is a tenth of one.
fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut last_end = f64::NEG_INFINITY;
    // a note's number raised small after a word is written as its marker, "[^1]"
    let mut marker = false;
    for glyph in glyphs {
        let text = unfold(&glyph.text);
        let raised = out.last().is_some_and(|line| {
            glyph.size < line.size * 0.8
                && line.y - glyph.y > line.size * 0.15
                && !text.is_empty()
                && text.chars().all(|c| c.is_ascii_digit())
        });
        if marker && !raised {
            if let Some(line) = out.last_mut() {
                line.text.push(']');
            }
            marker = false;
        }
        let new_line = match out.last() {
            None => true,
            Some(line) => {
                let height = line.size.max(glyph.size).max(1.0);
                (glyph.y - line.y).abs() > height * 0.5 || glyph.x < last_end - height * 2.0
            }
        };
        if new_line {
            if text.trim().is_empty() {
                continue;
            }
            out.push(Line {
                y: glyph.y,
                x0: glyph.x,
                x1: glyph.end,
                size: glyph.size,
                text: String::new(),
            });
        }
        let line = out.last_mut().expect("a line was just pushed");
        let gap = glyph.x - last_end;
        if !new_line && gap > glyph.size.max(1.0) * 0.1 && !line.text.ends_with(' ') {
            line.text.push(' ');
        }
        if raised && !new_line {
            if !marker {
                line.text.push_str("[^");
                marker = true;
            }
            line.text.push_str(&text);
        } else if text.trim().is_empty() {
            if !line.text.ends_with(' ') {
                line.text.push(' ');
            }
        } else {
            line.text.push_str(&text);
        }
        line.x1 = line.x1.max(glyph.end);
        line.size = line.size.max(glyph.size);
        last_end = glyph.end;
    }
    if marker && let Some(line) = out.last_mut() {
        line.text.push(']');
    }
    for line in &mut out {
        line.text = line.text.trim().to_string();
    }
    out.retain(|l| !l.text.is_empty());
    out
}

/// The footnotes at the foot of a page, taken out of its lines: the last lines, smaller
/// than most of the page's text, the first of them numbered. Each note is its number and
/// its text.
fn take_notes(page: &mut Vec<Line>) -> Vec<(String, String)> {
    let mut sizes: Vec<(f64, usize)> = page.iter().map(|l| (l.size, l.text.len())).collect();
    sizes.sort_by(|a, b| a.0.total_cmp(&b.0));
    // the size of the middle character of the page's text
    let half = sizes.iter().map(|s| s.1).sum::<usize>() / 2;
    let mut seen = 0;
    let Some(body) = sizes.iter().find_map(|&(size, len)| {
        seen += len;
        (seen > half).then_some(size)
    }) else {
        return Vec::new();
    };
    let small = page
        .iter()
        .rev()
        .take_while(|l| l.size < body * 0.9)
        .count();
    let first = page.len() - small;
    let numbered = |l: &Line| l.text.starts_with(|c: char| c.is_ascii_digit());
    if small == 0 || !numbered(&page[first]) {
        return Vec::new();
    }
    let mut notes: Vec<(String, String)> = Vec::new();
    for line in page.drain(first..) {
        let digits = line.text.chars().take_while(char::is_ascii_digit).count();
        let (number, rest) = line.text.split_at(digits);
        // the next note has the next number; "3 March" goes on the note before
        let next = match notes.last() {
            None => true,
            Some((last, _)) => last.parse::<u64>().ok().map(|n| n + 1) == number.parse().ok(),
        };
        match notes.last_mut() {
            Some((_, text)) if !next => {
                text.push(' ');
                text.push_str(&line.text);
            }
            _ => {
                let rest = rest.trim_start_matches(['.', ')', ' ']).to_string();
                notes.push((number.to_string(), rest));
            }
        }
    }
    notes
}

/// Ligatures (U+FB00-FB06) as their letters, as NFKC has them, and no control characters.
fn unfold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The lines standing first or last on a page (two at each end) and apart from its body
/// ([`apart`]) that, their numbers set aside, stand so on at least half the pages (and two):
/// running headers, footers and page numbers, left out.
fn drop_running_lines(mut pages: Vec<Vec<Line>>) -> Vec<Vec<Line>> {
    if pages.len() < 2 {
        return pages;
    }
    let key = |line: &Line| {
        let mut key = String::new();
        for c in line.text.to_lowercase().chars() {
            let c = if c.is_ascii_digit() { '#' } else { c };
            if !(c.is_whitespace() || c == '#' && key.ends_with('#')) {
                key.push(c);
            }
        }
        key
    };
    let ends = |page: &[Line]| -> Vec<usize> {
        let n = page.len();
        let mut at: Vec<usize> = (0..n.min(2)).chain(n.saturating_sub(2)..n).collect();
        at.dedup();
        // a column's last line in reading order is not a footer
        at.retain(|&i| apart(page, i));
        at
    };
    // each page's end lines, found once: `apart` sorts the page's line steps
    let all_ends: Vec<Vec<usize>> = pages.iter().map(|p| ends(p)).collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (page, ends) in pages.iter().zip(&all_ends) {
        let keys: HashSet<String> = ends.iter().map(|&i| key(&page[i])).collect();
        for k in keys {
            *counts.entry(k).or_default() += 1;
        }
    }
    let needed = pages.len().div_ceil(2).max(2);
    for (page, ends) in pages.iter_mut().zip(all_ends) {
        let running: Vec<usize> = ends
            .into_iter()
            .filter(|&i| counts.get(&key(&page[i])).is_some_and(|&n| n >= needed))
            .collect();
        let mut i = 0;
        page.retain(|_| {
            i += 1;
            !running.contains(&(i - 1))
        });
    }
    pages
}

/// Whether line `i` stands where a running header or footer does: the page's top- or
/// bottom-most line (or on its baseline), or further from the body's lines than the body's
/// line spacing (the median step between lines read one after another).
fn apart(page: &[Line], i: usize) -> bool {
    let (y, near) = (page[i].y, page[i].size / 2.0);
    let (top, bottom) = page
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(t, b), l| {
            (t.min(l.y), b.max(l.y))
        });
    if y - top <= near || bottom - y <= near {
        return true;
    }
    let mut steps: Vec<f64> = page
        .windows(2)
        .map(|w| (w[1].y - w[0].y).abs())
        .filter(|&d| d > near)
        .collect();
    steps.sort_by(f64::total_cmp);
    let Some(&spacing) = steps.get(steps.len() / 2) else {
        return true;
    };
    // the body is on the side with more lines (a header of two lines has one beyond its
    // second); both sides when as many
    let (before, after): (Vec<&Line>, Vec<&Line>) = page
        .iter()
        .filter(|l| (l.y - y).abs() > near)
        .partition(|l| l.y < y);
    let body = match before.len().cmp(&after.len()) {
        std::cmp::Ordering::Greater => before,
        std::cmp::Ordering::Less => after,
        std::cmp::Ordering::Equal => [before, after].concat(),
    };
    body.iter().all(|l| (l.y - y).abs() > spacing * 1.5)
}

/// The pages' lines as paragraphs, a page a piece; a paragraph that runs on to the next
/// page (no full stop, a small letter after) is joined across it.
fn pieces(pages: Vec<Vec<Line>>, notes: &[(String, String)]) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::with_capacity(pages.len());
    let mut last_text: Option<usize> = None;
    for page in pages {
        let paragraphs = paragraphs(&page);
        if paragraphs.is_empty() {
            pieces.push(String::new());
            continue;
        }
        let text = paragraphs.join("\n\n");
        if let Some(previous) = last_text {
            let before = &mut pieces[previous];
            if let Some(joined) = join(before, &text) {
                *before = joined;
            } else {
                before.push_str("\n\n");
            }
        }
        last_text = Some(pieces.len());
        pieces.push(text);
    }
    if let Some(last) = last_text {
        // the notes after the last page's text, as a Word file's are
        if !notes.is_empty() {
            pieces[last].push_str("\n\n---");
        }
        for (number, text) in notes {
            pieces[last].push_str(&format!("\n\n[^{number}]: {text}"));
        }
        pieces[last].push('\n');
    }
    pieces
}

/// What `before` becomes to run on into `after` as one paragraph: a space after it, or
/// its final hyphen removed; none when `after` starts a paragraph of its own.
fn join(before: &str, after: &str) -> Option<String> {
    let next = after.chars().next()?;
    if !next.is_lowercase() {
        return None;
    }
    let mut chars = before.chars().rev();
    match (chars.next()?, chars.next()) {
        ('-' | '\u{AD}', Some(letter)) if letter.is_alphabetic() => {
            let end = before.len() - before.chars().next_back()?.len_utf8();
            Some(before[..end].to_string())
        }
        (last, _) if !matches!(last, '.' | '!' | '?' | ':' | '"' | '”') => {
            Some(format!("{before} "))
        }
        _ => None,
    }
}

/// A page's lines as paragraphs: a new one where the gap between baselines is half again
/// the usual, the size changes, the text goes back up (a new column) not in mid-sentence,
/// a bullet starts the line, or the line before ended well short of the right margin its
/// neighbours reach, either a sentence or a line of its own (a heading set in the body's
/// size, followed by a capital).
fn paragraphs(lines: &[Line]) -> Vec<String> {
    // the line spacing: the lower quartile of the gaps between lines of one size (a
    // heading's gap, or a paragraph's, is wider)
    let mut gaps: Vec<f64> = lines
        .windows(2)
        .filter(|w| (w[1].size - w[0].size).abs() <= w[0].size * 0.15)
        .map(|w| w[1].y - w[0].y)
        .filter(|g| *g > 0.0)
        .collect();
    gaps.sort_by(f64::total_cmp);
    let usual = gaps.get(gaps.len().saturating_sub(1) / 4).copied();
    let mut out: Vec<String> = Vec::new();
    // whether the line before began its paragraph
    let mut began = false;
    for (i, line) in lines.iter().enumerate() {
        // a bullet starts a list item, written as Markdown's
        let item = line
            .text
            .strip_prefix(['•', '▪', '◦', '●', '■', '‣'])
            .map(|rest| format!("- {}", rest.trim_start()));
        let new = item.is_some()
            || match i.checked_sub(1).map(|b| &lines[b]) {
                None => true,
                Some(before) => {
                    let gap = line.y - before.y;
                    let usual = usual.unwrap_or(before.size * 1.2).max(before.size * 0.8);
                    let size_changed = (line.size - before.size).abs() > before.size * 0.15;
                    // short of the right margin its neighbours reach (in its column)
                    let earlier = i
                        .checked_sub(2)
                        .map(|b| &lines[b])
                        .filter(|e| e.y < before.y);
                    let reach = earlier.map_or(line.x1, |e| e.x1.max(line.x1));
                    let left = line.x0.min(before.x0);
                    let short_line = before.x1 < reach - (reach - left) * 0.15;
                    let short = short_line && before.text.ends_with(['.', '!', '?', ':', '"', '”']);
                    // a short line alone, ending in no punctuation that runs on, before a
                    // capital: a heading in the body's own size
                    let heading = short_line
                        && began
                        && !before.text.ends_with([',', ';', '-', '–', '—', '(', '/'])
                        && line.text.starts_with(|c: char| c.is_uppercase());
                    // back up the page: the next column, where a paragraph may run on
                    let next_column = gap < 0.0 && join(&before.text, &line.text).is_none();
                    next_column || gap > usual * 1.5 || size_changed || short || heading
                }
            };
        began = new;
        match out.last_mut() {
            Some(paragraph) if !new => match join(paragraph, &line.text) {
                Some(joined) => *paragraph = joined + &line.text,
                None => {
                    paragraph.push(' ');
                    paragraph.push_str(&line.text);
                }
            },
            _ => out.push(item.unwrap_or_else(|| line.text.clone())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(y: f64, text: &str) -> Line {
        Line {
            y,
            x0: 72.0,
            x1: 500.0,
            size: 10.0,
            text: text.into(),
        }
    }

    #[test]
    fn hyphenated_words_are_joined_and_sentences_run_on() {
        let page = [
            line(100.0, "The council voted to ap-"),
            line(112.0, "prove the harbour plan"),
            line(124.0, "on Thursday. A well-"),
            line(136.0, "Known firm objected."),
        ];
        assert_eq!(
            paragraphs(&page),
            [
                "The council voted to approve the harbour plan on Thursday. A well- Known firm objected."
            ]
        );
    }

    #[test]
    fn a_wider_gap_or_a_new_size_starts_a_paragraph() {
        let mut heading = line(80.0, "Harbour plan");
        heading.size = 16.0;
        let page = [
            heading,
            line(100.0, "The council voted."),
            line(112.0, "It met again"),
            line(140.0, "Officials said so."),
        ];
        assert_eq!(
            paragraphs(&page),
            [
                "Harbour plan",
                "The council voted. It met again",
                "Officials said so."
            ]
        );
    }

    #[test]
    fn a_short_line_alone_before_a_capital_is_a_heading_of_its_own() {
        let mut heading = line(100.0, "Background to the dispute");
        heading.x1 = 230.0;
        let mut last = line(136.0, "the harbour.");
        last.x1 = 180.0;
        let mut wrapped = line(160.0, "The ferry operator said the");
        wrapped.x1 = 300.0;
        let page = [
            line(80.0, "Officials met on Thursday."),
            heading,
            line(112.0, "Talks between the council and"),
            line(124.0, "the operator began in March over"),
            last,
            wrapped,
        ];
        assert_eq!(
            paragraphs(&page),
            [
                "Officials met on Thursday.",
                "Background to the dispute",
                "Talks between the council and the operator began in March over the harbour.",
                "The ferry operator said the"
            ]
        );
    }

    #[test]
    fn running_headers_footers_and_page_numbers_are_left_out() {
        let page = |n: usize, body: &str| {
            vec![
                line(40.0, "Situation Report | Harbour"),
                line(100.0, body),
                line(760.0, &format!("Page {n} of 3")),
            ]
        };
        let pages = vec![page(1, "One."), page(2, "Two."), page(3, "Three.")];
        let kept = drop_running_lines(pages);
        let texts: Vec<Vec<&str>> = kept
            .iter()
            .map(|p| p.iter().map(|l| l.text.as_str()).collect())
            .collect();
        assert_eq!(texts, [["One."], ["Two."], ["Three."]]);
    }

    #[test]
    fn a_line_repeated_at_a_column_foot_is_body_text() {
        // two columns, the left one ending "of 3 November." on two pages of three, above a
        // page number
        let page = |n: usize, last: &str| {
            let first = ["Ferries resume", "Trains resume", "Buses resume"][n - 1];
            vec![
                line(100.0, first),
                line(112.0, "on the morning"),
                line(124.0, last),
                line(100.0, "Officials said the"),
                line(112.0, "harbour would reopen"),
                line(124.0, "within a week, and"),
                line(136.0, "the council agreed."),
                line(760.0, &format!("{n}")),
            ]
        };
        let pages = vec![
            page(1, "of 3 November."),
            page(2, "of 3 November."),
            page(3, "of 4 December."),
        ];
        let kept = drop_running_lines(pages);
        for page in &kept {
            assert_eq!(
                page.len(),
                7,
                "{:?}",
                page.iter().map(|l| &l.text).collect::<Vec<_>>()
            );
            assert!(page[2].text.starts_with("of "));
        }
    }

    #[test]
    fn a_running_header_of_two_lines_is_left_out() {
        let page = |body: &str| {
            vec![
                line(40.0, "Situation Report"),
                line(52.0, "Harbour Desk"),
                line(100.0, body),
                line(112.0, "and more."),
                line(124.0, "The end."),
            ]
        };
        let kept = drop_running_lines(vec![page("One"), page("Two"), page("Three")]);
        let first: Vec<&str> = kept.iter().map(|p| p[0].text.as_str()).collect();
        assert_eq!(first, ["One", "Two", "Three"]);
    }

    #[test]
    fn ligatures_unfold_and_pages_join_mid_sentence() {
        assert_eq!(unfold("e\u{FB03}cient \u{FB01}rst"), "efficient first");
        let pages = vec![
            vec![line(100.0, "The plan was ap-")],
            vec![],
            vec![line(100.0, "proved. Then")],
            vec![line(100.0, "Officials left.")],
        ];
        let pieces = pieces(pages, &[]);
        assert_eq!(
            pieces,
            [
                "The plan was ap",
                "",
                "proved. Then\n\n",
                "Officials left.\n"
            ]
        );
    }

    #[test]
    fn footnotes_at_a_pages_foot_are_taken_out_with_their_numbers() {
        let mut note = line(740.0, "1Minutes of the council,");
        note.size = 8.0;
        let mut more = line(750.0, "3 March.");
        more.size = 8.0;
        let mut page = vec![
            line(
                100.0,
                "The council voted on Thursday to approve the plan.[^1]",
            ),
            line(112.0, "Officials said so."),
            note,
            more,
        ];
        let notes = take_notes(&mut page);
        assert_eq!(
            notes,
            [(
                "1".to_string(),
                "Minutes of the council, 3 March.".to_string()
            )]
        );
        assert_eq!(page.len(), 2);
    }

    #[test]
    fn a_paragraph_runs_on_into_the_next_column() {
        let mut right = line(100.0, "authority said so. It ended.");
        right.x0 = 320.0;
        let page = [line(100.0, "The council"), line(112.0, "said the"), right];
        assert_eq!(
            paragraphs(&page),
            ["The council said the authority said so. It ended."]
        );
    }

    #[test]
    fn file_names_are_no_titles() {
        assert!(is_file_name("Microsoft Word - brief.docx"));
        assert!(is_file_name("report.pdf"));
        assert!(!is_file_name("Harbour situation report"));
    }
}
