//! Bytes to text: UTF-8 (with or without a BOM), UTF-16 with a BOM, a web page in the
//! Western single-byte set its head declares (windows-1252, which browsers also read for
//! "iso-8859-1" and "us-ascii"), and the refusal of binary files.

use super::{IngestError, Warning, html};

/// The labels browsers read as windows-1252 (the WHATWG Encoding Standard's list).
const WINDOWS_1252: &[&str] = &[
    "ansi_x3.4-1968",
    "ascii",
    "cp1252",
    "cp819",
    "csisolatin1",
    "ibm819",
    "iso-8859-1",
    "iso-ir-100",
    "iso8859-1",
    "iso88591",
    "iso_8859-1",
    "iso_8859-1:1987",
    "l1",
    "latin1",
    "us-ascii",
    "windows-1252",
    "x-cp1252",
];

/// Bytes 0x80-0x9F in windows-1252; every other byte is the code point of its value (as in
/// Latin-1). The five bytes the set leaves undefined stay C1 controls, as browsers read them.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

pub fn decode(bytes: &[u8], warnings: &mut Vec<Warning>) -> Result<String, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(utf16(rest, u16::from_le_bytes, warnings));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(utf16(rest, u16::from_be_bytes, warnings));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(IngestError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        // valid UTF-8 stays so whatever a page declares: a page saved anew is re-encoded
        // and often keeps its old declaration
        return Ok(text.to_string());
    }
    let charset = html::declared_charset(bytes);
    if charset
        .as_deref()
        .is_some_and(|c| WINDOWS_1252.contains(&c))
    {
        return Ok(windows_1252(bytes));
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

fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
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
        let text = decode(bytes, &mut w).unwrap();
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
        // a set that is not read: replaced, and the warning says why
        let (text, w) = ok(b"<html><meta charset=koi8-r><p>\xF0\xD2\xC9</p>");
        assert!(text.contains('\u{FFFD}'));
        assert!(w[0].0.contains("koi8-r is not read"), "{}", w[0]);
    }

    #[test]
    fn nul_without_bom_is_binary_and_blank_is_empty() {
        let mut w = Vec::new();
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0", &mut w),
            Err(IngestError::Binary)
        );
        assert_eq!(decode(b"", &mut w), Err(IngestError::Empty));
        assert_eq!(decode(b"\n \n", &mut w), Err(IngestError::Empty));
    }
}
