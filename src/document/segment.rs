//! Paragraphs and sentences, as byte spans trimmed of surrounding whitespace.
//!
//! Paragraphs are separated by blank lines; a text with no blank line at all (one paragraph
//! a line, as news feeds often are) takes each line as a paragraph, and a Markdown heading is
//! always a paragraph of its own. Sentences never cross a paragraph.

use std::sync::LazyLock;

use super::Span;
use super::spans::Spans;
use crate::wordlist::WordClasses;

pub fn paragraphs(text: &str) -> Spans {
    let by_blank_lines = text.contains("\n\n") || text.contains("\n \n");
    let mut out = Spans::default();
    let mut start: Option<usize> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        let heading = line.trim_start().starts_with('#');
        if (blank || heading || !by_blank_lines)
            && let Some(s) = start.take()
        {
            push_trimmed(text, s, pos, &mut out);
        }
        if heading || !by_blank_lines {
            push_trimmed(text, pos, pos + line.len(), &mut out);
        } else if !blank && start.is_none() {
            start = Some(pos);
        }
        pos += line.len();
    }
    if let Some(s) = start {
        push_trimmed(text, s, text.len(), &mut out);
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Spans) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

pub fn sentences(text: &str, paragraphs: &Spans) -> Spans {
    let mut out = Spans::default();
    for p in paragraphs.iter() {
        let mut start = p.start;
        for cut in boundaries(&text[p.start..p.end]) {
            push_trimmed(text, start, p.start + cut, &mut out);
            start = p.start + cut;
        }
        push_trimmed(text, start, p.end, &mut out);
    }
    out
}

/// The classes of `assets/lexicon/segment.tsv`, by their place in the list below.
const NEVER_FINAL: usize = 0;
const SOMETIMES_FINAL: usize = 1;
const STARTER: usize = 2;

/// The words of `assets/lexicon/segment.tsv`.
static WORDS: LazyLock<WordClasses> = LazyLock::new(|| {
    WordClasses::parse(
        include_str!("../../assets/lexicon/segment.tsv"),
        &["never_final", "sometimes_final", "starter"],
    )
});

/// Byte offsets (relative to `para`) where a new sentence starts.
fn boundaries(para: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut resume = 0; // the terminal run already looked at ends here
    // by bytes, not chars: every character looked at is ASCII or starts with 0xE2 ('…'),
    // and neither byte occurs inside another character
    for (i, &b) in para.as_bytes().iter().enumerate() {
        if i < resume {
            continue;
        }
        let c = match b {
            b'\n' | b'.' | b'!' | b'?' => char::from(b),
            0xE2 if para[i..].starts_with('…') => '…',
            _ => continue,
        };
        if c == '\n' {
            // A line break inside a paragraph ends a sentence unless the line runs on
            // (hard-wrapped text: the line ends in a lower-case word or a comma).
            let before = para[..i].trim_end();
            let runs_on = before.ends_with(|c: char| c.is_lowercase() || ",;-(".contains(c));
            if !runs_on && !para[i..].trim().is_empty() {
                cuts.push(i + 1);
            }
            continue;
        }
        // Repeated terminals and closing quotes or brackets belong to this sentence.
        let mut j = i + c.len_utf8();
        while let Some(next) = para[j..].chars().next() {
            if !".!?…\"'”’)]".contains(next) {
                break;
            }
            j += next.len_utf8();
        }
        resume = j;
        let rest = &para[j..];
        let after_space = rest.trim_start_matches([' ', '\t']);
        if after_space.len() == rest.len()
            || after_space.is_empty()
            || after_space.starts_with('\n')
        {
            continue; // no space after it ("3.5", "U.S.-led") or the line ends here
        }
        let next_word = next_word(after_space);
        if starts_sentence(next_word) && !(c == '.' && abbreviation_holds(&para[..i], next_word)) {
            cuts.push(j + (rest.len() - after_space.len()));
        }
    }
    cuts
}

fn next_word(s: &str) -> &str {
    let s = s.trim_start_matches(['"', '\'', '“', '‘', '(', '[']);
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .unwrap_or(s.len());
    &s[..end]
}

fn starts_sentence(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether the full stop ending `before` is part of an abbreviation, given the next word.
fn abbreviation_holds(before: &str, next_word: &str) -> bool {
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || "\"“‘(".contains(c))
        .map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    let starter = WORDS.has(STARTER, next_word);
    if WORDS.has(NEVER_FINAL, &lower) {
        // "No. 5" is an abbreviation; "said no. The" is not
        return lower != "no" || next_word.starts_with(|c: char| c.is_ascii_digit());
    }
    if WORDS.has(SOMETIMES_FINAL, &lower) {
        return !starter;
    }
    let mut chars = word.chars();
    let single_letter = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
    if single_letter {
        // An initial ("George W. Bush"), unless a capital letter ends a sentence ("Plan B. The")
        return !(starter && word.chars().all(char::is_uppercase) && word != "I");
    }
    // Initialisms with inner stops: U.S., U.N., a.m., p.m.
    if word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2) {
        return !starter;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let paras = paragraphs(text);
        sentences(text, &paras)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Kim met U.S. officials on Feb. 24 at 10 a.m. local time. Talks went on."),
            vec![
                "Mr. Kim met U.S. officials on Feb. 24 at 10 a.m. local time.",
                "Talks went on."
            ]
        );
        assert_eq!(
            split("Gen. Smith and Sen. Jones spoke. George W. Bush did not."),
            vec![
                "Gen. Smith and Sen. Jones spoke.",
                "George W. Bush did not."
            ]
        );
    }

    #[test]
    fn initialisms_end_a_sentence_before_a_sentence_starter() {
        assert_eq!(
            split("Troops arrived in the U.S. The talks ended at 5 p.m. He left."),
            vec![
                "Troops arrived in the U.S.",
                "The talks ended at 5 p.m.",
                "He left."
            ]
        );
    }

    #[test]
    fn quotes_and_questions() {
        assert_eq!(
            split("\"We will respond,\" he said. \"Why now?\" she asked. Prices rose 3.5 percent."),
            vec![
                "\"We will respond,\" he said.",
                "\"Why now?\" she asked.",
                "Prices rose 3.5 percent."
            ]
        );
        assert_eq!(
            split("“It is over.” The minister left."),
            vec!["“It is over.”", "The minister left."]
        );
    }

    #[test]
    fn paragraphs_by_blank_lines_or_by_lines() {
        let text = "# Heading\nFirst para line one\ncontinues here.\n\nSecond para.\n";
        let paras: Vec<&str> = paragraphs(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            paras,
            vec![
                "# Heading",
                "First para line one\ncontinues here.",
                "Second para."
            ]
        );
        let feed = "One paragraph.\nAnother paragraph.\n";
        assert_eq!(paragraphs(feed).len(), 2);
    }

    #[test]
    fn a_line_break_after_a_dateline_ends_the_sentence() {
        assert_eq!(
            split("Peter Blackburn\nBRUSSELS 1996-08-22\n\nThe Commission said."),
            vec![
                "Peter Blackburn\nBRUSSELS 1996-08-22",
                "The Commission said."
            ]
        );
    }
}
