//! Bytes to text: UTF-8 (with or without a BOM), UTF-16 with a BOM, and the refusal of
//! binary files.

use super::{IngestError, Warning};

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
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let replaced = text.matches('\u{FFFD}').count();
            warnings.push(Warning(format!(
                "invalid UTF-8 replaced with U+FFFD ({replaced} {})",
                if replaced == 1 { "place" } else { "places" }
            )));
            Ok(text)
        }
    }
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
