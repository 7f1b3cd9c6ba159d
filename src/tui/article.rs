//! The article pane: the text wrapped to the pane's width, lazily. Paragraphs are wrapped
//! only when they come into view and cached for the width, so a 10 MB briefing scrolls as
//! fast as a short one. Markdown stays as written; headings and emphasis are styled, and
//! the analysis's spans ([`Marks`]) are painted over the words.

use ratatui::style::Style;
use ratatui::text::{Line, Span as Text};
use textwrap::WordSeparator;
use textwrap::core::{Word, break_words};
use textwrap::wrap_algorithms::wrap_first_fit;

use super::marks::Marks;
use super::text::drawable;
use super::theme;
use crate::document::{Document, Span};

/// One screen line: a byte range of the document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VLine {
    pub start: usize,
    pub end: usize,
    pub heading: bool,
}

/// A paragraph wrapped at the current width, with its emphasis spans.
#[derive(Debug, Default)]
struct Para {
    lines: Vec<VLine>,
    emphasis: Vec<(Span, bool)>,
}

/// Where the article is scrolled to, and the wrapped paragraphs seen so far.
#[derive(Debug)]
pub struct Article {
    width: usize,
    pub height: usize,
    cache: Vec<Option<Para>>,
    /// The first visible line: paragraph index, line within the paragraph.
    top: (usize, usize),
    /// The byte the last jump showed, until the reader scrolls: placed again after a
    /// resize (the pane may not have been drawn at its new size when the jump came).
    target: Option<usize>,
    /// The target's line goes at the top (a restored reading position), not a third down.
    at_top: bool,
    /// What the frame about to be drawn shows, from [`Article::fit`].
    drawn: Drawn,
}

/// The lines on screen (each with its paragraph) and how far down they are, worked out for
/// a frame before it is drawn, so that drawing only reads.
#[derive(Debug, Default)]
struct Drawn {
    lines: Vec<(VLine, usize)>,
    percent: usize,
}

impl Default for Article {
    fn default() -> Self {
        Article {
            width: 80,
            height: 20,
            cache: Vec::new(),
            top: (0, 0),
            target: None,
            at_top: false,
            drawn: Drawn::default(),
        }
    }
}

/// What to paint beyond the analysis: the selected item's spans and the search matches.
pub struct Highlights<'a> {
    pub marks: &'a Marks,
    /// Sorted, not overlapping.
    pub focus: &'a [Span],
    /// The search's matches on screen, in order.
    pub matches: &'a [Span],
    /// The search's current match.
    pub current: Option<Span>,
}

impl Article {
    /// Sets the pane's inner size. A new width drops the wrapped lines but keeps the top
    /// line's words on top; the target of the last jump is placed again.
    pub fn resize(&mut self, doc: &Document, width: usize, height: usize) {
        let (width, height) = (width.max(1), height.max(1));
        let moved = width != self.width || height != self.height;
        if width != self.width || self.cache.len() != doc.paragraphs.len() {
            let top = self.top_byte(doc);
            self.width = width;
            self.cache = std::iter::repeat_with(|| None)
                .take(doc.paragraphs.len())
                .collect();
            self.top = self.locate(doc, top);
        }
        self.height = height;
        match self.target {
            Some(at) if moved => self.place(doc, at),
            _ => self.clamp(doc),
        }
    }

    fn para(&mut self, doc: &Document, p: usize) -> &Para {
        if self.cache.len() != doc.paragraphs.len() {
            self.cache = std::iter::repeat_with(|| None)
                .take(doc.paragraphs.len())
                .collect();
        }
        let width = self.width;
        self.cache[p].get_or_insert_with(|| wrap(doc, doc.paragraphs.at(p), width))
    }

    /// Screen lines of paragraph `p`, with the blank line that separates it from the next.
    fn len(&mut self, doc: &Document, p: usize) -> usize {
        let gap = usize::from(p + 1 < doc.paragraphs.len());
        self.para(doc, p).lines.len() + gap
    }

    pub fn scroll(&mut self, doc: &Document, delta: isize) {
        self.target = None;
        self.move_by(doc, delta);
    }

    fn move_by(&mut self, doc: &Document, delta: isize) {
        if doc.paragraphs.is_empty() {
            return;
        }
        let (mut p, mut l) = self.top;
        if delta >= 0 {
            let mut left = delta.unsigned_abs();
            while left > 0 {
                let len = self.len(doc, p);
                if l + left < len {
                    l += left;
                    break;
                }
                if p + 1 >= doc.paragraphs.len() {
                    l = len.saturating_sub(1);
                    break;
                }
                left -= len - l;
                (p, l) = (p + 1, 0);
            }
        } else {
            let mut left = delta.unsigned_abs();
            while left > 0 {
                if l >= left {
                    l -= left;
                    break;
                }
                if p == 0 {
                    l = 0;
                    break;
                }
                left -= l + 1;
                p -= 1;
                l = self.len(doc, p) - 1;
            }
        }
        self.top = (p, l);
        self.clamp(doc);
    }

    /// The last position that still fills the pane.
    fn bottom(&mut self, doc: &Document) -> (usize, usize) {
        let Some(mut p) = doc.paragraphs.len().checked_sub(1) else {
            return (0, 0);
        };
        let mut left = self.height;
        loop {
            let len = self.len(doc, p);
            if len >= left {
                return (p, len - left);
            }
            if p == 0 {
                return (0, 0);
            }
            left -= len;
            p -= 1;
        }
    }

    fn clamp(&mut self, doc: &Document) {
        if doc.paragraphs.is_empty() {
            self.top = (0, 0);
            return;
        }
        self.top.0 = self.top.0.min(doc.paragraphs.len() - 1);
        self.top.1 = self.top.1.min(self.len(doc, self.top.0) - 1);
        self.top = self.top.min(self.bottom(doc));
    }

    pub fn scroll_to_top(&mut self) {
        self.target = None;
        self.top = (0, 0);
    }

    pub fn scroll_to_bottom(&mut self, doc: &Document) {
        self.target = None;
        self.top = self.bottom(doc);
    }

    /// Scrolls so the line holding byte `at` sits a third of the way down the pane.
    pub fn jump_to(&mut self, doc: &Document, at: usize) {
        self.target = Some(at);
        self.at_top = false;
        self.place(doc, at);
    }

    /// Scrolls so the line holding byte `at` is the top line: where the reader left off.
    pub fn resume_at(&mut self, doc: &Document, at: usize) {
        self.target = Some(at);
        self.at_top = true;
        self.place(doc, at);
    }

    fn place(&mut self, doc: &Document, at: usize) {
        self.top = self.locate(doc, at);
        if !self.at_top {
            self.move_by(doc, -((self.height / 3) as isize));
        }
    }

    /// The line holding byte `at`.
    fn locate(&mut self, doc: &Document, at: usize) -> (usize, usize) {
        if doc.paragraphs.is_empty() {
            return (0, 0);
        }
        let p = doc
            .paragraphs
            .partition_point(|s| s.end < at)
            .min(doc.paragraphs.len() - 1);
        let lines = &self.para(doc, p).lines;
        (
            p,
            lines.partition_point(|v| v.start <= at).saturating_sub(1),
        )
    }

    /// Whether byte `at` is on screen.
    pub fn shows(&mut self, doc: &Document, at: usize) -> bool {
        self.visible(doc)
            .iter()
            .any(|(v, _)| v.start <= at && at <= v.end)
    }

    /// The first byte on screen.
    pub fn top_byte(&mut self, doc: &Document) -> usize {
        self.visible(doc).first().map_or(0, |(v, _)| v.start)
    }

    /// The bytes on screen, from the top line's first to the last line's last.
    pub fn shown(&mut self, doc: &Document) -> Span {
        let lines = self.visible(doc);
        match (lines.first(), lines.last()) {
            (Some((first, _)), Some((last, _))) => Span::new(first.start, last.end),
            _ => Span::default(),
        }
    }

    /// How far the reader has got, as less counts it: the last line on screen, in per cent
    /// of the text; 100 once the last line shows.
    pub fn percent(&mut self, doc: &Document) -> usize {
        let bottom = self.bottom(doc);
        if self.top >= bottom {
            return 100;
        }
        (self.shown(doc).end * 100 / doc.text.len().max(1)).min(99)
    }

    /// The visible lines, each with its paragraph index.
    fn visible(&mut self, doc: &Document) -> Vec<(VLine, usize)> {
        let mut out = Vec::with_capacity(self.height);
        let (mut p, mut l) = self.top;
        while out.len() < self.height && p < doc.paragraphs.len() {
            let para = self.para(doc, p);
            if let Some(line) = para.lines.get(l) {
                out.push((*line, p));
                l += 1;
            } else {
                if p + 1 < doc.paragraphs.len() {
                    let end = doc.paragraphs.at(p).end;
                    out.push((
                        VLine {
                            start: end,
                            end,
                            heading: false,
                        },
                        p,
                    ));
                }
                (p, l) = (p + 1, 0);
            }
        }
        out
    }

    /// Sizes the pane for the next frame and works out what it shows (wrapping what comes
    /// into view); returns the bytes on screen.
    pub fn fit(&mut self, doc: &Document, width: usize, height: usize) -> Span {
        self.resize(doc, width, height);
        self.drawn = Drawn {
            lines: self.visible(doc),
            percent: self.percent(doc),
        };
        self.drawn_span()
    }

    /// The bytes on screen in the frame [`Article::fit`] worked out.
    pub fn drawn_span(&self) -> Span {
        match (self.drawn.lines.first(), self.drawn.lines.last()) {
            (Some((first, _)), Some((last, _))) => Span::new(first.start, last.end),
            _ => Span::default(),
        }
    }

    /// How far down the frame [`Article::fit`] worked out is, in per cent.
    pub fn drawn_percent(&self) -> usize {
        self.drawn.percent
    }

    /// The lines of the frame [`Article::fit`] worked out, painted.
    pub fn lines(&self, doc: &Document, lights: &Highlights) -> Vec<Line<'static>> {
        self.drawn
            .lines
            .iter()
            .map(|&(v, p)| {
                let emphasis = self
                    .cache
                    .get(p)
                    .and_then(Option::as_ref)
                    .map_or(&[][..], |para| para.emphasis.as_slice());
                paint(&doc.text, v, emphasis, lights)
            })
            .collect()
    }
}

/// Wraps one paragraph: each source line on its own (Markdown lists and headings stay as
/// written), words measured by display width, over-long words broken.
fn wrap(doc: &Document, span: Span, width: usize) -> Para {
    let mut para = Para::default();
    let mut pos = span.start;
    for line in doc.text[span.start..span.end].split('\n') {
        let heading = is_heading(line);
        let before = para.lines.len();
        let words: Vec<Word> = WordSeparator::AsciiSpace.find_words(line).collect();
        let words = break_words(words, width);
        for row in wrap_first_fit(&words, &[width as f64]) {
            if let (Some(first), Some(last)) = (row.first(), row.last()) {
                let start = pos + offset(line, first.word);
                let end = pos + offset(line, last.word) + last.word.len();
                para.lines.push(VLine {
                    start,
                    end,
                    heading,
                });
            }
        }
        if para.lines.len() == before {
            para.lines.push(VLine {
                start: pos,
                end: pos,
                heading,
            });
        }
        emphasis(line, pos, &mut para.emphasis);
        pos += line.len() + 1;
    }
    para
}

/// Where `part`, a slice of `whole`, begins in it.
fn offset(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(whole.as_ptr() as usize)
        .min(whole.len())
}

fn is_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && line[hashes..].starts_with(' ')
}

/// How far an emphasis may run before its closing mark is no longer looked for.
const EMPHASIS_REACH: usize = 400;

/// Markdown emphasis in one source line: `*a*`, `_a_` (italic), `**a**`, `__a__` (bold).
fn emphasis(line: &str, base: usize, out: &mut Vec<(Span, bool)>) {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let opens = (b == b'*' || b == b'_')
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && bytes.get(i + 1).is_some_and(|&n| n != b' ' && n != b);
        let strong_opens = (b == b'*' || b == b'_')
            && bytes.get(i + 1) == Some(&b)
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && bytes.get(i + 2).is_some_and(|&n| n != b' ' && n != b);
        let delim: &[u8] = match (strong_opens, opens) {
            (true, _) => &bytes[i..i + 2],
            (false, true) => &bytes[i..i + 1],
            _ => {
                i += 1;
                continue;
            }
        };
        let from = i + delim.len();
        let reach = (from + EMPHASIS_REACH).min(bytes.len());
        let close = bytes[from..reach]
            .windows(delim.len())
            .position(|w| w == delim)
            .map(|k| from + k)
            .filter(|&c| {
                bytes[c - 1] != b' '
                    && bytes
                        .get(c + delim.len())
                        .is_none_or(|n| !n.is_ascii_alphanumeric() && *n != b)
            });
        match close {
            Some(c) => {
                let end = c + delim.len();
                out.push((Span::new(base + i, base + end), delim.len() == 2));
                i = end;
            }
            None => i = from,
        }
    }
}

/// One screen line with every span that touches it painted, heaviest on top.
fn paint(text: &str, v: VLine, emphasis: &[(Span, bool)], lights: &Highlights) -> Line<'static> {
    let line = Span::new(v.start, v.end);
    let mut layers: Vec<(Span, Style, u8)> = Vec::new();
    let mut add = |span: Span, style: Style, rank: u8| {
        if span.overlaps(line) {
            let clipped = Span::new(span.start.max(line.start), span.end.min(line.end));
            layers.push((clipped, style, rank));
        }
    };
    for &(span, strong) in emphasis {
        add(span, theme::emphasis(strong), 1);
    }
    for (span, style, rank) in lights.marks.overlapping(line) {
        add(span, style, rank);
    }
    for list in [lights.focus, lights.matches] {
        let from = list.partition_point(|s| s.end <= line.start);
        for &span in &list[from..] {
            if span.start >= line.end {
                break;
            }
            let (style, rank) = if std::ptr::eq(list, lights.matches) {
                if lights.current == Some(span) {
                    (theme::current_match(), 30)
                } else {
                    (theme::search_match(), 29)
                }
            } else {
                (theme::focus(), 20)
            };
            add(span, style, rank);
        }
    }
    layers.sort_by_key(|l| l.2);
    let mut cuts: Vec<usize> = layers
        .iter()
        .flat_map(|(s, _, _)| [s.start, s.end])
        .chain([line.start, line.end])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let base = if v.heading {
        theme::heading()
    } else {
        Style::new()
    };
    let pieces = cuts.windows(2).filter_map(|w| {
        let piece = text.get(w[0]..w[1])?;
        let style = layers
            .iter()
            .filter(|(s, _, _)| s.start <= w[0] && w[1] <= s.end)
            .fold(base, |style, (_, layer, _)| style.patch(*layer));
        Some(Text::styled(drawable(piece), style))
    });
    Line::from(pieces.collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Meta;

    fn doc(text: &str) -> Document {
        Document::from_text(text, Meta::default()).0
    }

    fn shown(article: &mut Article, doc: &Document) -> Vec<String> {
        let marks = Marks::default();
        let lights = Highlights {
            marks: &marks,
            focus: &[],
            matches: &[],
            current: None,
        };
        let (width, height) = (article.width, article.height);
        article.fit(doc, width, height);
        article
            .lines(doc, &lights)
            .iter()
            .map(|l| l.to_string())
            .collect()
    }

    #[test]
    fn paragraphs_wrap_to_the_width_with_a_blank_line_between() {
        let d = doc("One two three four five.\n\nSix seven.\n");
        let mut a = Article::default();
        a.resize(&d, 10, 10);
        assert_eq!(
            shown(&mut a, &d),
            ["One two", "three four", "five.", "", "Six seven."]
        );
    }

    #[test]
    fn wide_characters_are_measured_by_their_width() {
        let d = doc("日本語の文章です 東京 🙂🙂🙂🙂\n");
        let mut a = Article::default();
        a.resize(&d, 8, 10);
        for line in shown(&mut a, &d) {
            assert!(
                unicode_width::UnicodeWidthStr::width(line.as_str()) <= 8,
                "{line}"
            );
        }
    }

    #[test]
    fn scrolling_stops_at_both_ends_and_survives_any_width() {
        let text = "word ".repeat(500) + "\n\n# Heading\n\nlast *line* here\n";
        let d = doc(&text);
        let mut a = Article::default();
        for width in [1, 2, 7, 40, 300] {
            a.resize(&d, width, 5);
            a.scroll(&d, 10_000);
            let last = shown(&mut a, &d).last().cloned().unwrap_or_default();
            let word = last.split_whitespace().last().unwrap_or_default();
            assert!(!word.is_empty() && "here".ends_with(word), "{last}");
            a.scroll(&d, -10_000);
            assert_eq!(a.top, (0, 0));
            a.jump_to(&d, text.len() - 3);
            assert!(a.shows(&d, text.len() - 3));
        }
    }

    #[test]
    fn the_percentage_counts_to_the_last_line_shown_and_ends_at_100() {
        let text = "word ".repeat(400) + "\n\nlast line\n\n";
        let d = doc(&text);
        let mut a = Article::default();
        a.resize(&d, 40, 10);
        let first = a.percent(&d);
        assert!((1..100).contains(&first), "{first}");
        a.scroll(&d, 5);
        assert!(a.percent(&d) > first);
        a.scroll_to_bottom(&d);
        assert_eq!(a.percent(&d), 100);
        // a text that fits is read whole
        let d = doc("Short.\n");
        a.resize(&d, 40, 10);
        assert_eq!(a.percent(&d), 100);
    }

    #[test]
    fn emphasis_and_headings_are_found_as_written() {
        let mut out = Vec::new();
        emphasis(
            "a *b* and **c d** but not 2*3*4 or snake_case_name",
            0,
            &mut out,
        );
        assert_eq!(out, [(Span::new(2, 5), false), (Span::new(10, 17), true)]);
        assert!(is_heading("## Title"));
        assert!(!is_heading("#hashtag"));
    }
}
