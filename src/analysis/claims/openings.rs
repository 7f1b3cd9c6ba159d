//! What opens a line before its sentence's own words: Markdown block marks ("# ", "- ", "> ",
//! "1. ", as the web page converter writes headings and list items too) and a wire dateline
//! ("ODESA, March 5, 2024 (Reuters) - ", "LIMA (AP) — "). Neither is ever part of a source
//! or a content, nor of an event (the timeline reads sentences from the same start).

use std::ops::Range;

use crate::analysis::tokens::{Token, TokenKind, breaks_before, is_capitalised, lowercase};

/// The most tokens a dateline's place and date take ("WASHINGTON, D.C., Tuesday, March 5,
/// 2024"); its agency comes on top.
const DATELINE_REACH: usize = 16;

/// A sentence: its first token, and the tokens of its own words (past what opens its lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub words: Range<usize>,
}

/// Every sentence of the text with where its own words begin: read once, for the claims and
/// the timeline both.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let openings = Openings { text, tokens };
    let mut out: Vec<Sentence> = Vec::new();
    let mut start = 0;
    while start < tokens.len() {
        let sentence = tokens[start].sentence;
        let end = start + tokens[start..].partition_point(|t| t.sentence == sentence);
        out.push(Sentence {
            start,
            words: openings.body_start(start..end)..end,
        });
        start = end;
    }
    out
}

/// A text's tokens, read for what opens their lines.
struct Openings<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl<'a> Openings<'a> {
    /// The text of token `i`, "" past the end (the marks and datelines read here are
    /// punctuation, numbers and capitals, so the case is kept).
    fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// Where the words of a sentence begin: past the block marks and the dateline opening
    /// one of its lines (a headline run into its story starts the story anew).
    fn body_start(&self, sentence: Range<usize>) -> usize {
        let mut start = sentence.start;
        for i in sentence.clone() {
            if !self.starts_line(i) {
                continue;
            }
            let mut words = i;
            while let Some(len) = self.block_mark(words, sentence.end) {
                words += len;
            }
            let body = self.dateline_end(words, sentence.end).unwrap_or(words);
            if body > i {
                start = body;
            }
        }
        start
    }

    /// The length in tokens of a Markdown block mark at token `i` ("#", "##", "-", "*", "+",
    /// ">", "•", "1.", "2)"), when a space and more of the sentence follow it.
    fn block_mark(&self, i: usize, end: usize) -> Option<usize> {
        let token = self.tokens.get(i)?;
        let len = match (token.kind, self.word(i)) {
            (TokenKind::Punct, "#") => (i..end.min(i + 6))
                .take_while(|&k| self.word(k) == "#" && (k == i || self.joined(k - 1)))
                .count(),
            (TokenKind::Punct, "-" | "*" | "+" | ">" | "•" | "◦" | "‣" | "–" | "—") => 1,
            (TokenKind::Number, number)
                if number.len() <= 3
                    && number.bytes().all(|b| b.is_ascii_digit())
                    && matches!(self.word(i + 1), "." | ")")
                    && self.joined(i) =>
            {
                2
            }
            _ => return None,
        };
        (i + len < end && !self.joined(i + len - 1)).then_some(len)
    }

    /// Whether token `i` and the next touch, with no space between ("##", "1.").
    fn joined(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    /// Whether token `i` is the first on its line.
    fn starts_line(&self, i: usize) -> bool {
        i == 0 || breaks_before(self.text, self.tokens, i)
    }

    /// Past a dateline starting at token `i`: a place in capitalised words, perhaps a date,
    /// perhaps an agency in brackets, then a dash with the story after it. Without capitals
    /// ("ODESA"), an agency or a date, capitalised words and a dash are a name in apposition
    /// ("Jo Ames — a teacher — says") or a headline ("Chile - Peru talks"), not a dateline.
    fn dateline_end(&self, i: usize, end: usize) -> Option<usize> {
        let mut k = i;
        let (mut words, mut capitals, mut month, mut dated) = (0, false, false, false);
        while k < end.min(i + DATELINE_REACH) {
            let token = self.tokens[k];
            let text = token.text(self.text);
            match token.kind {
                TokenKind::Word if is_capitalised(text) => {
                    words += 1;
                    capitals |= text.chars().filter(|c| c.is_alphabetic()).count() >= 2
                        && !text.chars().any(char::is_lowercase);
                    month = crate::analysis::times::is_month(&lowercase(text));
                }
                // a day after its month ("March 5"); a year alone may be a name's ("Euro 2024")
                TokenKind::Number => dated |= month,
                TokenKind::Punct if matches!(text, "," | ".") => {}
                _ => break,
            }
            k += 1;
        }
        if words == 0 {
            return None;
        }
        // "(Reuters)", "(AP)", "/PRNewswire/"
        let agency = [("(", ")"), ("/", "/")]
            .into_iter()
            .find_map(|(open, close)| {
                (self.word(k) == open)
                    .then(|| (k + 2..end.min(k + 8)).find(|&c| self.word(c) == close))
                    .flatten()
            });
        if let Some(close) = agency {
            k = close + 1;
        }
        // a hyphen or en dash between two words it touches is a hyphen or a range ("June 5-9
        // First test"); an em dash is a dateline's closed up too ("WASHINGTON—The Senate")
        let dash = match self.word(k) {
            "-" | "–" => !(self.joined(k - 1) && self.joined(k)),
            "—" | "―" => true,
            _ => false,
        };
        if self.word(k) == "-" && self.word(k + 1) == "-" {
            k += 1; // "--"
        }
        let evidence = capitals || dated || agency.is_some();
        (dash && evidence && k + 1 < end).then_some(k + 1)
    }
}
