//! Byte offsets (what Rust slices with) to code-point offsets (what the contract speaks),
//! in constant time per lookup, with one checkpoint per 64 bytes of non-ASCII text.

const STRIDE: usize = 64;

#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// Code points before byte `k * STRIDE`; empty when the text is ASCII (identity).
    checkpoints: Vec<usize>,
}

impl OffsetMap {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return OffsetMap::default();
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 2);
        let mut count = 0;
        for chunk in bytes.chunks(STRIDE) {
            checkpoints.push(count);
            count += chars_in(chunk);
        }
        checkpoints.push(count); // so that the end of the text has a checkpoint too
        OffsetMap { checkpoints }
    }

    /// The code-point offset of a byte offset on a character boundary of `text`, the text
    /// this map was made from.
    pub fn to_char(&self, text: &str, byte: usize) -> usize {
        if self.checkpoints.is_empty() {
            return byte;
        }
        let k = byte / STRIDE;
        self.checkpoints[k] + chars_in(&text.as_bytes()[k * STRIDE..byte])
    }
}

fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| !is_continuation(**b)).count()
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_counting_chars_at_every_boundary() {
        for text in [
            "plain ascii",
            "Russia’s war — “quoted” 서울 😀 e\u{301}",
            &"é".repeat(200),
            &"x".repeat(64),
            &format!("{}’", "a".repeat(127)),
        ] {
            let map = OffsetMap::new(text);
            for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
                assert_eq!(
                    map.to_char(text, byte),
                    text[..byte].chars().count(),
                    "{text:?} at {byte}"
                );
            }
        }
    }
}
