//! What the tagger and the parser see of a word, as hashes: each feature is one 64-bit hash of
//! its template's number and its values, so the models keep no vocabulary and a word never
//! seen in training simply matches no weight.

use super::clusters;

/// A value mixed into a hash (splitmix64's finaliser over the sum).
pub fn mix(h: u64, v: u64) -> u64 {
    let mut x = h ^ v.wrapping_add(0x9E37_79B9_7F4A_7C15).wrapping_add(h << 6);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A string as a hash value (FNV-1a, then mixed).
pub fn text(s: &str) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for b in s.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
    }
    mix(h, s.len() as u64)
}

/// A feature: a template's number and up to three values.
pub fn feature(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(mix(template, a), b), c)
}

/// A word as the models see it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Word {
    /// The word in lower case, digits as 0: "1999" and "2024" look alike.
    pub lower: u64,
    /// The word as written.
    pub form: u64,
    /// Its last one, two, three and four characters (of the lower-case word).
    pub suffix: [u64; 4],
    /// Its first one and two characters.
    pub prefix: [u64; 2],
    /// Capitals, small letters, digits and other characters, runs cut at two ("Xxx", "dd.dd").
    pub shape: u64,
    /// Its word cluster's path cut at 4, 8 and 12 bits and whole; 0 when the word has none.
    pub cluster: [u64; 4],
}

impl Word {
    pub fn new(form: &str) -> Word {
        let mut lower = String::with_capacity(form.len());
        for c in form.chars().flat_map(char::to_lowercase) {
            lower.push(if c.is_ascii_digit() { '0' } else { c });
        }
        // the last k characters (all of a shorter word), and the first k
        let end = |k: usize| {
            let from = lower.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i);
            text(&lower[from..])
        };
        let start = |k: usize| {
            let to = lower.char_indices().nth(k).map_or(lower.len(), |(i, _)| i);
            text(&lower[..to])
        };
        let cluster = match clusters::path(form) {
            Some((bits, len)) => {
                let cut = |k: u8| {
                    let k = k.min(len);
                    mix(u64::from(k), u64::from(bits >> (len - k)))
                };
                [cut(4), cut(8), cut(12), cut(len)]
            }
            None => [0; 4],
        };
        Word {
            lower: text(&lower),
            form: text(form),
            suffix: [end(1), end(2), end(3), end(4)],
            prefix: [start(1), start(2)],
            shape: text(&shape(form)),
            cluster,
        }
    }
}

fn shape(form: &str) -> String {
    let mut out = String::new();
    let (mut last, mut run) = (' ', 0);
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        run = if k == last { run + 1 } else { 1 };
        last = k;
        if run <= 2 {
            out.push(k);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_lower_forms() {
        assert_eq!(shape("McCain"), "XxXxx");
        assert_eq!(shape("10,000"), "dd,dd");
        assert_eq!(Word::new("1999").lower, Word::new("2024").lower);
        assert_eq!(Word::new("The").lower, Word::new("the").lower);
        assert_ne!(Word::new("The").form, Word::new("the").form);
    }
}
