//! Line ends and terminal safety: CRLF (and a lone CR) become LF; escape sequences and every
//! other C0/C1 control but newline and tab are removed, so the text can never drive a terminal.

use std::borrow::Cow;

use super::Warning;

fn is_control(c: char) -> bool {
    (c < ' ' && c != '\n' && c != '\t') || ('\u{7F}'..'\u{A0}').contains(&c)
}

/// Whether the text has a control character: [`is_control`] over bytes rather than decoded
/// characters (C0 and DEL are single bytes; C1 is 0xC2 then 0x80-0x9F, and 0xC2 only ever
/// starts a character).
fn has_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        (b < b' ' && b != b'\n' && b != b'\t')
            || b == 0x7F
            || (b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..0xA0).contains(n)))
    })
}

/// The control characters removed from one briefing, its text's pieces and its metadata
/// together: said in one warning ([`Removed::warn`]), not one a field or a page.
#[derive(Default)]
pub struct Removed(usize);

impl Removed {
    /// `warnings` with the one warning added, when anything was removed.
    pub fn warn(self, mut warnings: Vec<Warning>) -> Vec<Warning> {
        let Removed(removed) = self;
        if removed > 0 {
            warnings.push(Warning(format!(
                "removed {removed} terminal control {}",
                if removed == 1 {
                    "character"
                } else {
                    "characters"
                }
            )));
        }
        warnings
    }
}

/// Clean text passes through borrowed and byte for byte (so gold offsets line up).
pub fn sanitize<'a>(text: &'a str, removed_here: &mut Removed) -> Cow<'a, str> {
    if !has_control(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut removed = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                // CRLF and a lone CR (old Mac files) both end a line.
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{1B}' => removed += skip_escape(&mut chars),
            '\u{9B}' => removed += 1 + skip_csi_body(&mut chars),
            '\u{9D}' => removed += 1 + skip_string_body(&mut chars),
            c if is_control(c) => removed += 1,
            c => out.push(c),
        }
    }
    removed_here.0 += removed;
    Cow::Owned(out)
}

/// The metadata's text fields cleaned as the text is: what front matter, a page's head or
/// a batch line's fields hold was never part of the text that was cleaned (a TOML escape or
/// an HTML character reference can spell any control character).
pub fn meta(mut meta: super::Meta, removed: &mut Removed) -> super::Meta {
    for field in [
        &mut meta.title,
        &mut meta.source,
        &mut meta.url,
        &mut meta.author,
    ] {
        if let Some(value) = field.as_mut()
            && let Cow::Owned(clean) = sanitize(value, removed)
        {
            *value = clean.replace('\n', " ");
        }
    }
    meta
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After ESC: drops a whole CSI (`ESC [ ... final`) or OSC/DCS/APC/PM string
/// (`ESC ] ... BEL or ESC \`), or the one character of a two-character escape.
/// Returns how many characters were dropped, ESC included.
fn skip_escape(chars: &mut Chars) -> usize {
    match chars.peek() {
        Some('[') => {
            chars.next();
            2 + skip_csi_body(chars)
        }
        Some(']' | 'P' | '_' | '^' | 'X') => {
            chars.next();
            2 + skip_string_body(chars)
        }
        Some(c) if ('\u{20}'..'\u{7F}').contains(c) => {
            chars.next();
            2
        }
        _ => 1,
    }
}

/// Parameter and intermediate bytes up to and including the final byte (0x40-0x7E).
fn skip_csi_body(chars: &mut Chars) -> usize {
    let mut n = 0;
    while let Some(&c) = chars.peek() {
        if !('\u{20}'..'\u{7F}').contains(&c) {
            break; // malformed: stop before anything that is not part of a sequence
        }
        chars.next();
        n += 1;
        if ('\u{40}'..'\u{7F}').contains(&c) {
            break;
        }
    }
    n
}

/// A control string runs to BEL, ST (ESC \ or U+9C), or the end of the line.
fn skip_string_body(chars: &mut Chars) -> usize {
    let mut n = 0;
    while let Some(&c) = chars.peek() {
        match c {
            '\u{7}' | '\u{9C}' => {
                chars.next();
                return n + 1;
            }
            '\u{1B}' => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                    return n + 2;
                }
                return n + 1;
            }
            '\n' => return n,
            _ => {
                chars.next();
                n += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_test_finds_the_controls_the_character_test_does() {
        for text in [
            "plain text\nand a\ttab",
            "bell\u{7}",
            "del\u{7F}",
            "c1 \u{85} and \u{9F}",
            "no-break\u{A0}space, \u{80}\u{C0}\u{100}\u{2080}Â€",
            "emoji 🙂 and RTL שלום",
            "\r",
            "",
        ] {
            assert_eq!(has_control(text), text.chars().any(is_control), "{text:?}");
        }
    }

    fn clean(text: &str) -> (String, usize) {
        let mut removed = Removed::default();
        let out = sanitize(text, &mut removed).into_owned();
        (out, removed.warn(Vec::new()).len())
    }

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        let mut removed = Removed::default();
        assert!(matches!(
            sanitize("a\tb\nc", &mut removed),
            Cow::Borrowed("a\tb\nc")
        ));
        assert!(removed.warn(Vec::new()).is_empty());
    }

    #[test]
    fn line_ends_become_lf_without_warning() {
        assert_eq!(clean("a\r\nb\rc\n"), ("a\nb\nc\n".to_string(), 0));
    }

    #[test]
    fn escape_sequences_are_removed_whole() {
        let (out, warnings) =
            clean("\u{1b}[31mred\u{1b}[0m and \u{1b}]0;title\u{7}x\u{1b}]8;;http://e\u{1b}\\link");
        assert_eq!(out, "red and xlink");
        assert_eq!(warnings, 1);
        assert_eq!(clean("a\u{0}b\u{8}c\u{85}d\u{7f}e").0, "abcde");
        assert_eq!(clean("bell\u{7} \u{9b}2Jok").0, "bell ok");
    }
}
