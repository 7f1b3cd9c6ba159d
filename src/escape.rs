//! Text on its way out, to a terminal or into an export, made unable to drive the terminal
//! or break the format it lands in.
//!
//! Inside brief, text stays as it was given: a note as the analyst wrote it, a file name as
//! it is on disk. Only where it leaves is it escaped, by wrapping it in one of these types,
//! whose only use is `Display` (or, for JSON, writing): a message line is a [`Line`], an
//! export's text a [`Text`], JSON goes through [`Json`]. A control character then reads as
//! `\u{1b}`; in JSON, where that is no escape, as `\u001b`.

use std::fmt::{self, Display, Write as _};
use std::io;

/// C0 controls (newline and tab among them), DEL and C1: what a terminal acts on.
pub fn is_control(c: char) -> bool {
    c < ' ' || ('\u{7F}'..'\u{A0}').contains(&c)
}

/// Unicode's bidirectional embeddings, overrides and isolates: they reorder what a terminal
/// shows around them ("Trojan Source").
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One line of a message (`brief: <what>: <why>`), a file name in it: every control
/// character, newline and tab too, and every bidirectional control, written as `\u{..}`.
pub struct Line<'a>(pub &'a str);

impl Display for Line<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        escaped(f, self.0, |c| is_control(c) || is_bidi_control(c))
    }
}

/// Several lines of an export (Markdown, CSV): as [`Line`], but newline and tab stay.
pub struct Text<'a>(pub &'a str);

impl Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        escaped(f, self.0, |c| is_control(c) && c != '\n' && c != '\t')
    }
}

fn escaped(f: &mut fmt::Formatter<'_>, text: &str, escape: impl Fn(char) -> bool) -> fmt::Result {
    let mut rest = text;
    while let Some((at, c)) = rest.char_indices().find(|&(_, c)| escape(c)) {
        f.write_str(&rest[..at])?;
        write!(f, "\\u{{{:x}}}", u32::from(c))?;
        rest = &rest[at + c.len_utf8()..];
    }
    f.write_str(rest)
}

/// Text as an owned string, through [`Text`]: for exports built as one string.
pub fn text(text: &str) -> String {
    if text
        .chars()
        .any(|c| is_control(c) && c != '\n' && c != '\t')
    {
        Text(text).to_string()
    } else {
        text.to_string()
    }
}

/// CSV through [`Text`], but carriage returns stay: CSV ends its records with CRLF (and
/// the CSV writer quotes a cell that holds one).
pub fn csv(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, record) in text.split('\r').enumerate() {
        if i > 0 {
            out.push('\r');
        }
        out.push_str(&self::text(record));
    }
    out
}

/// `value` as pretty JSON on `out`, escaped as [`Json`] escapes it, a newline after.
pub fn write_pretty(out: &mut dyn io::Write, value: &impl serde::Serialize) -> io::Result<()> {
    let mut out = Json::new(io::BufWriter::with_capacity(1 << 16, out));
    serde_json::to_writer_pretty(&mut out, value)?;
    io::Write::write_all(&mut out, b"\n")?;
    io::Write::flush(&mut out.into_inner()?)
}

/// `value` as JSON on `out` with no spaces, a line each for the outer object's fields and
/// for the items of its lists (a large report, written as [`Json`] escapes it, a newline
/// after): about half its pretty size, and still read a line an item by line tools.
pub fn write_lines(out: &mut dyn io::Write, value: &impl serde::Serialize) -> io::Result<()> {
    let mut out = Json::new(io::BufWriter::with_capacity(1 << 16, out));
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut out,
        Lines::default(),
    ))?;
    io::Write::write_all(&mut out, b"\n")?;
    io::Write::flush(&mut out.into_inner()?)
}

/// serde_json's compact form, with a newline before each value of the two outer levels and
/// before their closing bracket when they hold any.
#[derive(Default)]
struct Lines {
    /// How deep the value being written is.
    depth: usize,
    /// Whether the innermost container open has a value yet.
    any: bool,
}

/// How many levels from the outside have their values on lines of their own.
const LINED: usize = 2;

impl Lines {
    fn open<W: ?Sized + io::Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.any = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        if self.depth <= LINED && self.any {
            out.write_all(b"\n")?;
        }
        self.depth -= 1;
        out.write_all(bracket)
    }

    fn value<W: ?Sized + io::Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        if !first {
            out.write_all(b",")?;
        }
        if self.depth <= LINED {
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for Lines {
    fn begin_array<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.value(out, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.any = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.value(out, first)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.any = true;
        Ok(())
    }
}

/// JSON as serde_json writes it, with DEL and the C1 controls (which it leaves raw, and
/// which an 8-bit terminal acts on) written as `\u00XX`. Outside strings JSON is ASCII, so
/// every such character is inside a string, where `\u00XX` means the same character.
pub struct Json<W: io::Write> {
    inner: W,
    /// A 0xC2 that ended the last write: whether a C1 follows is told by the next one.
    held: bool,
}

impl<W: io::Write> Json<W> {
    pub fn new(inner: W) -> Self {
        Json { inner, held: false }
    }

    pub fn into_inner(self) -> io::Result<W> {
        let Json { mut inner, held } = self;
        if held {
            inner.write_all(&[0xC2])?;
        }
        Ok(inner)
    }
}

impl<W: io::Write> io::Write for Json<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut from = 0;
        let mut i = 0;
        if self.held && !buf.is_empty() {
            self.held = false;
            if (0x80..0xA0).contains(&buf[0]) {
                write!(self.inner, "\\u00{:02x}", buf[0])?;
                from = 1;
                i = 1;
            } else {
                self.inner.write_all(&[0xC2])?;
            }
        }
        while i < buf.len() {
            match buf[i] {
                0x7F => {
                    self.inner.write_all(&buf[from..i])?;
                    self.inner.write_all(b"\\u007f")?;
                    i += 1;
                    from = i;
                }
                0xC2 if i + 1 == buf.len() => {
                    self.inner.write_all(&buf[from..i])?;
                    self.held = true;
                    i += 1;
                    from = i;
                }
                0xC2 if (0x80..0xA0).contains(&buf[i + 1]) => {
                    self.inner.write_all(&buf[from..i])?;
                    write!(self.inner, "\\u00{:02x}", buf[i + 1])?;
                    i += 2;
                    from = i;
                }
                _ => i += 1,
            }
        }
        self.inner.write_all(&buf[from..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.held) {
            self.inner.write_all(&[0xC2])?;
        }
        self.inner.flush()
    }
}

/// A JSON text built as one string, through [`Json`].
pub fn json(text: String) -> String {
    if !text.bytes().any(|b| b == 0x7F || b == 0xC2) {
        return text;
    }
    let mut out = Json::new(Vec::with_capacity(text.len() + 16));
    io::Write::write_all(&mut out, text.as_bytes()).expect("writing to memory");
    let bytes = out.into_inner().expect("writing to memory");
    String::from_utf8(bytes).expect("only whole characters are replaced")
}

/// `brief: <message>` on stderr, one line whatever the message holds.
pub fn say(message: impl Display) {
    let mut line = String::new();
    let _ = write!(line, "{message}");
    eprintln!("brief: {}", Line(&line));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_shows_every_control_and_keeps_the_rest() {
        let name = "report\u{1b}]0;owned\u{7}\n\u{9b}2J\u{202e}.md";
        assert_eq!(
            Line(name).to_string(),
            "report\\u{1b}]0;owned\\u{7}\\u{a}\\u{9b}2J\\u{202e}.md"
        );
        assert_eq!(Line("Café – 東京").to_string(), "Café – 東京");
        assert_eq!(Text("a\tb\nc\u{1b}c").to_string(), "a\tb\nc\\u{1b}c");
    }

    #[test]
    fn a_report_in_lines_has_a_line_an_item_and_reads_back() {
        let value = serde_json::json!({
            "schema": "s/1",
            "items": [{"id": "b1", "names": ["A", "B"]}, {"id": "b2", "names": []}],
            "none": [],
            "title": "x\u{9b}2J",
        });
        let mut out = Vec::new();
        write_lines(&mut out, &value).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "{\n\"schema\":\"s/1\",\n\"items\":[\n{\"id\":\"b1\",\"names\":[\"A\",\"B\"]},\n\
             {\"id\":\"b2\",\"names\":[]}\n],\n\"none\":[],\n\"title\":\"x\\u009b2J\"\n}\n"
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            value
        );
    }

    #[test]
    fn json_keeps_its_meaning_without_raw_c1() {
        let value = serde_json::json!({"title": "x\u{9b}2J\u{7f}\u{9d}0;t\u{7}é\u{c2}"});
        let safe = json(value.to_string());
        assert!(!safe.contains('\u{9b}') && !safe.contains('\u{7f}'));
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&safe).unwrap(),
            value
        );
        // a C1 split across two writes
        let mut out = Json::new(Vec::new());
        io::Write::write_all(&mut out, "\"a\u{9b}".as_bytes().split_at(2).0).unwrap();
        io::Write::write_all(&mut out, &"\"a\u{9b}\"".as_bytes()[2..]).unwrap();
        let bytes = out.into_inner().unwrap();
        assert_eq!(bytes, b"\"a\\u009b\"");
    }
}
