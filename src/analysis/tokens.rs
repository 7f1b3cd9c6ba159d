//! Words, numbers and punctuation with their spans and sentences: the shared input of every
//! extractor.
//!
//! A possessive ending ('s, ’s, or a lone ' after s) is a token of its own, so that "Russia’s"
//! yields the name "Russia". Initialisms keep their stops ("U.S.", "a.m."), hyphenated words
//! stay whole ("anti-air", but "U.S.-led" is "U.S.", "-", "led"), and numbers keep their
//! separators ("10,000", "3.5", "10:30").

use std::borrow::Cow;

use crate::document::{Document, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Index into [`Document::sentences`].
    pub sentence: usize,
    /// The first word or number of its sentence (after any opening quotes or Markdown marks).
    pub sentence_start: bool,
}

impl Token {
    pub fn text(self, text: &str) -> &str {
        &text[self.span.start..self.span.end]
    }
    pub fn is_word(self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// Is this word capitalised ("Seoul", "SBS", "McCain"), as names are?
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A word in lower case, borrowed when it already is (most words are: no allocation).
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// The possessive marker as a token: 's, ’s, or an apostrophe after a plural.
pub fn is_possessive(token: &str) -> bool {
    matches!(token, "'s" | "’s" | "'" | "’" | "'S" | "’S")
}

/// The text between token `i` and the one before it ("" for the first token or past the end).
pub fn gap_before<'a>(text: &'a str, tokens: &[Token], i: usize) -> &'a str {
    match (i.checked_sub(1).and_then(|b| tokens.get(b)), tokens.get(i)) {
        (Some(before), Some(token)) => text.get(before.span.end..token.span.start).unwrap_or(""),
        _ => "",
    }
}

/// Whether a line break stands between token `i` and the one before it (the lines of lists,
/// tables and headlines are often not sentences of their own).
pub fn breaks_before(text: &str, tokens: &[Token], i: usize) -> bool {
    gap_before(text, tokens, i).contains('\n')
}

pub fn tokenize(doc: &Document) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(doc.text.len() / 5);
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let first = tokens.len();
        tokenize_range(&doc.text, sentence, index, &mut tokens);
        if let Some(t) = tokens[first..]
            .iter_mut()
            .find(|t| t.kind != TokenKind::Punct)
        {
            t.sentence_start = true;
        }
    }
    tokens
}

fn tokenize_range(text: &str, range: Span, sentence: usize, out: &mut Vec<Token>) {
    scan(text, range, |span, kind| {
        out.push(Token {
            span,
            kind,
            sentence,
            sentence_start: false,
        })
    });
}

/// How many tokens `range` of the text holds, none of them kept.
pub fn count(text: &str, range: Span) -> usize {
    let mut n = 0;
    scan(text, range, |_, _| n += 1);
    n
}

/// Each token of `range` in turn: its span and kind.
pub fn scan(text: &str, range: Span, mut token: impl FnMut(Span, TokenKind)) {
    let s = &text[range.start..range.end];
    // each token's end is a char boundary past `i`: the scan jumps there, not decoding its
    // characters a second time
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let (end, kind) = if c.is_alphabetic() {
            (word_end(s, i), TokenKind::Word)
        } else if c.is_ascii_digit() {
            (number_end(s, i), TokenKind::Number)
        } else if (c == '\'' || c == '’') && possessive_at(s, i) {
            let len = if s[i + c.len_utf8()..].starts_with(['s', 'S']) {
                c.len_utf8() + 1
            } else {
                c.len_utf8()
            };
            (i + len, TokenKind::Punct)
        } else {
            (i + c.len_utf8(), TokenKind::Punct)
        };
        token(Span::new(range.start + i, range.start + end), kind);
        i = end;
    }
}

/// An apostrophe that marks a possessive: right after a word, followed by s and a non-letter,
/// or after a word ending in s and followed by a non-letter ("the allies' aid").
fn possessive_at(s: &str, i: usize) -> bool {
    let prev = s[..i].chars().next_back();
    if !prev.is_some_and(char::is_alphanumeric) {
        return false;
    }
    let after = &s[i + s[i..].chars().next().map_or(1, char::len_utf8)..];
    let mut rest = after.chars();
    match rest.next() {
        Some('s' | 'S') => !rest.next().is_some_and(char::is_alphanumeric),
        Some(c) if c.is_alphanumeric() => false,
        _ => matches!(prev, Some('s' | 'S')),
    }
}

fn word_end(s: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = s[start..].char_indices().peekable();
    let mut has_inner_stop = false;
    while let Some((k, c)) = chars.next() {
        let at = start + k;
        if c.is_alphanumeric() || is_mark(c) {
            end = at + c.len_utf8();
            continue;
        }
        let next = chars.peek().map(|(_, n)| *n);
        match c {
            // don't, O'Brien: an apostrophe inside a word, unless it starts a possessive
            '\'' | '’' if next.is_some_and(char::is_alphabetic) && !possessive_at(s, at) => {}
            '-' | '‐' if next.is_some_and(char::is_alphanumeric) => {}
            '.' if next.is_some_and(char::is_alphabetic) && single_letter_before(s, start, at) => {
                has_inner_stop = true;
            }
            '.' if has_inner_stop || is_initial(&s[start..at]) => {
                // U.S. and a.m. keep their final stop; so does an initial ("W.")
                return at + 1;
            }
            _ => return end,
        }
    }
    end
}

fn is_mark(c: char) -> bool {
    // combining marks (e.g. e + U+0301) stay with their letter
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// Whether the letter run just before `at` is one letter long ("U" in "U.S").
fn single_letter_before(s: &str, word_start: usize, at: usize) -> bool {
    let run = &s[word_start..at];
    let last = run.rsplit('.').next().unwrap_or(run);
    last.chars().count() == 1
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

fn number_end(s: &str, start: usize) -> usize {
    let bytes = s.as_bytes();
    let mut end = start;
    let mut k = start;
    while k < bytes.len() {
        let b = bytes[k];
        if b.is_ascii_digit() {
            k += 1;
            end = k;
        } else if matches!(b, b',' | b'.' | b':' | b'/')
            && bytes.get(k + 1).is_some_and(u8::is_ascii_digit)
        {
            k += 1;
        } else if b.is_ascii_alphabetic() && end == k {
            // ordinals and decades: 10th, 2nd, 1990s, 5pm
            while k < bytes.len() && bytes[k].is_ascii_alphabetic() {
                k += 1;
            }
            return k;
        } else {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Meta};

    fn words(text: &str) -> Vec<String> {
        let (doc, _) = Document::from_text(text, Meta::default());
        tokenize(&doc)
            .iter()
            .map(|t| t.text(&doc.text).to_string())
            .collect()
    }

    #[test]
    fn possessives_are_split_off() {
        assert_eq!(
            words("Russia’s war and the allies' aid, O'Brien's view"),
            vec![
                "Russia", "’s", "war", "and", "the", "allies", "'", "aid", ",", "O'Brien", "'s",
                "view"
            ]
        );
    }

    #[test]
    fn initialisms_numbers_and_hyphens_stay_whole() {
        assert_eq!(
            words("The U.S.-led anti-air plan cost $10,000.50 at 10:30 a.m. in the 1990s."),
            vec![
                "The",
                "U.S.",
                "-",
                "led",
                "anti-air",
                "plan",
                "cost",
                "$",
                "10,000.50",
                "at",
                "10:30",
                "a.m.",
                "in",
                "the",
                "1990s",
                "."
            ]
        );
        assert_eq!(words("George W. Bush"), vec!["George", "W.", "Bush"]);
    }

    #[test]
    fn sentence_starts_are_marked() {
        let (doc, _) = Document::from_text("“Yes,” he said. Moscow denied it.", Meta::default());
        let starts: Vec<&str> = tokenize(&doc)
            .iter()
            .filter(|t| t.sentence_start)
            .map(|t| t.text(&doc.text))
            .collect();
        assert_eq!(starts, vec!["Yes", "Moscow"]);
    }
}
