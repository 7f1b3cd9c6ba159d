//! Bytes to text: UTF-8 (with or without a BOM), UTF-16 and UTF-32 with a BOM, a web page
//! in the character set its head declares (any the WHATWG Encoding Standard names, through
//! encoding_rs: windows-1252 for "iso-8859-1", Shift_JIS, KOI8-R, GBK ...), and the refusal of
//! binary files.

use encoding_rs::Encoding;

use super::{IngestError, Warning, html};

/// The bytes' text; valid UTF-8 is taken over, not copied (a briefing is read whole, and
/// a copy beside it would be held while a page's tree is built).
pub fn decode(mut bytes: Vec<u8>, warnings: &mut Vec<Warning>) -> Result<String, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    // UTF-32's marks first: little-endian's begins as UTF-16's does
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE, 0, 0]) {
        return Ok(utf32(rest, u32::from_le_bytes, warnings));
    }
    if let Some(rest) = bytes.strip_prefix(&[0, 0, 0xFE, 0xFF]) {
        return Ok(utf32(rest, u32::from_be_bytes, warnings));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(utf16(rest, u16::from_le_bytes, warnings));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(utf16(rest, u16::from_be_bytes, warnings));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    if bytes.contains(&0) {
        return Err(IngestError::Binary);
    }
    // valid UTF-8 stays so whatever a page declares: a page saved anew is re-encoded and
    // often keeps its old declaration
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e.into_bytes(),
    };
    let bytes = bytes.as_slice();
    let charset = html::declared_charset(bytes);
    // a page cannot declare UTF-16 in ASCII bytes: browsers read such a page as UTF-8
    let encoding = charset
        .as_deref()
        .and_then(|c| Encoding::for_label(c.as_bytes()))
        .filter(|e| {
            *e != encoding_rs::UTF_8 && *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE
        });
    if let Some(encoding) = encoding {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if had_errors {
            warnings.push(Warning(format!(
                "bytes that are not {} replaced with U+FFFD",
                encoding.name()
            )));
        }
        return Ok(text.into_owned());
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    let replaced = text.matches('\u{FFFD}').count();
    let unread = match charset.as_deref() {
        Some("utf-8" | "utf8" | "unicode-1-1-utf-8") | None => String::new(),
        Some(other) => format!("; the page's character set {other} is not read"),
    };
    warnings.push(Warning(format!(
        "invalid UTF-8 replaced with U+FFFD ({replaced} {}{unread})",
        if replaced == 1 { "place" } else { "places" }
    )));
    Ok(text)
}

fn utf32(bytes: &[u8], unit: fn([u8; 4]) -> u32, warnings: &mut Vec<Warning>) -> String {
    let mut bad = 0usize;
    let text: String = bytes
        .chunks(4)
        .map(|four| {
            four.try_into()
                .ok()
                .and_then(|four| char::from_u32(unit(four)))
                .unwrap_or_else(|| {
                    bad += 1;
                    '\u{FFFD}'
                })
        })
        .collect();
    if bad > 0 {
        warnings.push(Warning("invalid UTF-32 replaced with U+FFFD".to_string()));
    }
    text
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, warnings: &mut Vec<Warning>) -> String {
    let units = bytes.chunks(2).map(|pair| match pair {
        [a, b] => unit([*a, *b]),
        _ => 0xFFFD, // an odd trailing byte
    });
    let mut bad = 0usize;
    let text: String = char::decode_utf16(units)
        .map(|c| {
            c.unwrap_or_else(|_| {
                bad += 1;
                '\u{FFFD}'
            })
        })
        .collect();
    if bad > 0 || bytes.len() % 2 == 1 {
        warnings.push(Warning("invalid UTF-16 replaced with U+FFFD".to_string()));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> (String, Vec<Warning>) {
        let mut w = Vec::new();
        let text = decode(bytes.to_vec(), &mut w).unwrap();
        (text, w)
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(ok("héllo".as_bytes()).0, "héllo");
        assert_eq!(ok(b"\xEF\xBB\xBFhi").0, "hi");
    }

    #[test]
    fn utf16_both_byte_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Seoul 서울".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Seoul 서울".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(ok(&le), ("Seoul 서울".to_string(), vec![]));
        assert_eq!(ok(&be).0, "Seoul 서울");
    }

    #[test]
    fn invalid_utf8_is_replaced_with_one_warning() {
        let (text, w) = ok(b"caf\xE9 and cr\xE8me");
        assert_eq!(text, "caf\u{FFFD} and cr\u{FFFD}me");
        assert_eq!(w.len(), 1);
        assert!(w[0].0.contains("2 places"), "{}", w[0]);
    }

    #[test]
    fn a_page_declaring_windows_1252_or_latin_1_is_read_so() {
        let page = b"<!-- saved from url=(0022)https://example.org -->\n<!DOCTYPE html>\
                     <html><head><meta charset=\"windows-1252\"></head>\
                     <body><p>Caf\xE9 \x93cr\xE8me\x94 \x80 5</p></body></html>";
        let (text, w) = ok(page);
        assert!(text.contains("Café “crème” € 5"), "{text}");
        assert!(w.is_empty());
        let page = b"<html><head><meta http-equiv=\"Content-Type\" \
                     content=\"text/html; charset=iso-8859-1\"></head><p>na\xEFve</p>";
        assert!(ok(page).0.contains("naïve"));
        // valid UTF-8 stays UTF-8 whatever the page declares
        let page = "<html><meta charset=latin1><p>Café</p>";
        assert_eq!(ok(page.as_bytes()).0, page);
        // any set the Encoding Standard names
        let (text, w) = ok(b"<html><meta charset=koi8-r><p>\xF0\xD2\xC9</p>");
        assert!(text.contains("При"), "{text}");
        assert!(w.is_empty());
        let (text, _) = ok(b"<html><meta charset=shift_jis><p>\x93\x8C\x8B\x9E</p>");
        assert!(text.contains("東京"), "{text}");
        // a label that names none: replaced, and the warning says why
        let (text, w) = ok(b"<html><meta charset=bogus-8><p>\xF0\xD2\xC9</p>");
        assert!(text.contains('\u{FFFD}'));
        assert!(w[0].0.contains("bogus-8 is not read"), "{}", w[0]);
    }

    #[test]
    fn utf32_both_byte_orders() {
        let le: Vec<u8> = [0xFF, 0xFE, 0, 0]
            .into_iter()
            .chain(
                "Seoul 서울 🙂"
                    .chars()
                    .flat_map(|c| u32::from(c).to_le_bytes()),
            )
            .collect();
        let be: Vec<u8> = [0, 0, 0xFE, 0xFF]
            .into_iter()
            .chain(
                "Seoul 서울 🙂"
                    .chars()
                    .flat_map(|c| u32::from(c).to_be_bytes()),
            )
            .collect();
        assert_eq!(ok(&le), ("Seoul 서울 🙂".to_string(), vec![]));
        assert_eq!(ok(&be).0, "Seoul 서울 🙂");
    }

    #[test]
    fn nul_without_bom_is_binary_and_blank_is_empty() {
        let mut w = Vec::new();
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0".to_vec(), &mut w),
            Err(IngestError::Binary)
        );
        assert_eq!(decode(Vec::new(), &mut w), Err(IngestError::Empty));
        assert_eq!(decode(b"\n \n".to_vec(), &mut w), Err(IngestError::Empty));
    }
}
