//! Brown word clusters (`assets/syntax/clusters.txt`): each word's bit path in a binary tree
//! of word classes, for the tagger's and parser's features. Words that share a long prefix
//! of their paths are used alike ("monday" and "friday", "said" and "told"); a caller takes
//! prefixes of 4, 6, 10 or 20 bits for coarser or finer classes.
//!
//! The asset is `word<TAB>bits` lines sorted by the word's bytes, trained by
//! [`train`] (the example `train_clusters`) on the words of freely licensed text. It stays in
//! the binary as it is: the first lookup builds the index of its line starts (4 bytes a
//! word), and a lookup bisects over it. Words are looked up as [`normalise`] folds them.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::sync::LazyLock;

pub mod corpus;
pub mod train;

/// The paths, one `word<TAB>bits` line each, sorted by word.
static ASSET: &str = include_str!("../../../assets/syntax/clusters.txt");

/// The byte offset of every line of [`ASSET`].
static LINES: LazyLock<Vec<u32>> = LazyLock::new(|| {
    let mut starts = Vec::with_capacity(ASSET.len() / 12);
    let mut at = 0;
    for line in ASSET.split_inclusive('\n') {
        starts.push(at as u32);
        at += line.len();
    }
    starts
});

/// The longest path kept, in bits (deeper leaves share their first 32 bits' path).
pub const MAX_BITS: u8 = 32;

/// A word as the clusters know it: lower case, curly quotes and apostrophes straight.
pub fn normalise(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '‘' | '’' => out.push('\''),
            '“' | '”' => out.push('"'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    Cow::Owned(out)
}

/// The word's line: its text up to the tab, and its bits.
fn line(index: usize) -> (&'static str, &'static str) {
    let start = LINES[index] as usize;
    let rest = &ASSET[start..];
    let line = rest.split('\n').next().unwrap_or(rest);
    line.split_once('\t').unwrap_or((line, ""))
}

/// The word's bit path from the root of the cluster tree, as an integer whose lowest `len`
/// bits are the path (the first step the highest of them), and `len` (at most [`MAX_BITS`]).
/// `None` for a word the clusters leave out (rare in the training text).
pub fn path(word: &str) -> Option<(u32, u8)> {
    let word = normalise(word);
    let key = word.as_bytes();
    let (mut lo, mut hi) = (0, LINES.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        match compare(mid, key) {
            Ordering::Less => lo = mid + 1,
            Ordering::Greater => hi = mid,
            Ordering::Equal => return Some(parse_bits(line(mid).1)),
        }
    }
    None
}

/// The word of line `index` against `key`, reading the line only as far as they differ
/// (the bisection's hot path: no search for the line's end).
fn compare(index: usize, key: &[u8]) -> Ordering {
    let line = &ASSET.as_bytes()[LINES[index] as usize..];
    for (k, &b) in line.iter().enumerate() {
        if b == b'\t' {
            return k.cmp(&key.len());
        }
        match key.get(k) {
            None => return Ordering::Greater,
            Some(c) if b != *c => return b.cmp(c),
            Some(_) => {}
        }
    }
    Ordering::Less
}

fn parse_bits(bits: &str) -> (u32, u8) {
    let mut value = 0u32;
    let mut len = 0u8;
    for b in bits.bytes().take(MAX_BITS as usize) {
        value = (value << 1) | u32::from(b == b'1');
        len += 1;
    }
    (value, len)
}

/// The first `bits` bits of a path (all of it when shorter), as a feature value: the length
/// taken is folded in, so that a short path's prefix never equals a longer one's.
pub fn prefix((value, len): (u32, u8), bits: u8) -> u64 {
    let take = bits.min(len);
    let prefix = if take == 0 {
        0
    } else {
        u64::from(value >> (len - take))
    };
    (prefix << 6) | u64::from(take)
}

/// How many words the clusters know.
pub fn len() -> usize {
    LINES.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many leading bits the paths of two words share.
    fn shared(a: &str, b: &str) -> u8 {
        let (pa, la) = path(a).unwrap_or_else(|| panic!("{a} has no path"));
        let (pb, lb) = path(b).unwrap_or_else(|| panic!("{b} has no path"));
        let mut n = 0;
        while n < la.min(lb) && (pa >> (la - 1 - n)) & 1 == (pb >> (lb - 1 - n)) & 1 {
            n += 1;
        }
        n
    }

    #[test]
    fn the_asset_is_sorted_and_well_formed() {
        assert!(len() > 20_000, "{} words", len());
        let mut previous = "";
        for index in 0..len() {
            let (word, bits) = line(index);
            assert!(previous < word, "{previous:?} before {word:?}");
            assert!(!bits.is_empty() && bits.bytes().all(|b| b == b'0' || b == b'1'));
            assert_eq!(normalise(word), word);
            previous = word;
        }
    }

    #[test]
    fn words_of_a_class_share_long_prefixes() {
        let classes: &[(&[&str], u8)] = &[
            (&["monday", "wednesday", "thursday", "friday", "sunday"], 7),
            (
                &[
                    "january",
                    "february",
                    "august",
                    "september",
                    "october",
                    "november",
                ],
                9,
            ),
            (&["he", "she"], 8),
            (&["two", "three", "four", "five", "six", "ten", "twenty"], 9),
            (
                &["father", "mother", "son", "daughter", "wife", "husband"],
                8,
            ),
            (&["said", "told", "asked"], 9),
            (&["dog", "cat", "horse"], 7),
        ];
        for &(words, bits) in classes {
            for w in &words[1..] {
                let n = shared(words[0], w);
                assert!(n >= bits, "{} and {w} share {n} bits", words[0]);
            }
        }
    }

    #[test]
    fn words_of_different_classes_part_early() {
        for (a, b) in [
            ("the", "monday"),
            ("of", "said"),
            ("he", "january"),
            ("and", "dog"),
        ] {
            let n = shared(a, b);
            assert!(n < 4, "{a} and {b} share {n} bits");
        }
    }

    #[test]
    fn lookup_folds_case_and_quotes() {
        assert!(path("monday").is_some());
        assert_eq!(path("Monday"), path("monday"));
        assert_eq!(path("MONDAY"), path("monday"));
        assert_eq!(path("n’t"), path("n't"));
        assert!(path("n't").is_some());
        assert_eq!(path("qxzvwk"), None);
        assert_eq!(path(""), None);
    }

    #[test]
    fn prefixes_of_a_path() {
        let p = (0b1011_0110, 8);
        assert_eq!(prefix(p, 4), (0b1011 << 6) | 4);
        assert_eq!(prefix(p, 20), (0b1011_0110 << 6) | 8);
        assert_ne!(prefix((0b1, 1), 4), prefix((0b0001, 4), 4));
        assert_eq!(parse_bits("0101"), (0b0101, 4));
        assert_eq!(parse_bits(&"1".repeat(40)), (u32::MAX, 32));
    }
}
