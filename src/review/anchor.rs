//! Finding a quoted passage again in a text that may have been edited: the exact text, the
//! occurrence whose surroundings agree best with the quote's prefix and suffix, the one
//! nearest the old position among equals. Pure functions.

use crate::document::Span;

use super::model::Quote;

/// Where a quote was found: bytes for slicing, code points for the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    pub bytes: Span,
    pub start: usize,
    pub end: usize,
}

/// The occurrence of `quote.exact` in `text` that best fits the quote, preferring the one
/// nearest `near` (a code-point offset); `None` when the text no longer contains it.
pub fn locate(text: &str, quote: &Quote, near: usize) -> Option<Located> {
    if quote.exact.is_empty() {
        return None;
    }
    let exact_chars = quote.exact.chars().count();
    let mut best: Option<((usize, std::cmp::Reverse<usize>), Located)> = None;
    // Code points are counted from one occurrence to the next, so the whole text is
    // walked once however many occurrences there are.
    let (mut chars, mut counted) = (0, 0);
    for (at, _) in text.match_indices(quote.exact.as_str()) {
        chars += text[counted..at].chars().count();
        counted = at;
        let end = at + quote.exact.len();
        let context =
            common_suffix(&text[..at], &quote.prefix) + common_prefix(&text[end..], &quote.suffix);
        let rank = (context, std::cmp::Reverse(chars.abs_diff(near)));
        if best.as_ref().is_none_or(|(r, _)| rank > *r) {
            let found = Located {
                bytes: Span::new(at, end),
                start: chars,
                end: chars + exact_chars,
            };
            best = Some((rank, found));
        }
    }
    best.map(|(_, found)| found)
}

fn common_suffix(text: &str, prefix: &str) -> usize {
    text.chars()
        .rev()
        .zip(prefix.chars().rev())
        .take_while(|(a, b)| a == b)
        .count()
}

fn common_prefix(text: &str, suffix: &str) -> usize {
    text.chars()
        .zip(suffix.chars())
        .take_while(|(a, b)| a == b)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(text: &str, exact: &str, nth: usize) -> (Quote, usize) {
        let (at, _) = text.match_indices(exact).nth(nth).unwrap();
        let q = Quote::of(text, Span::new(at, at + exact.len())).unwrap();
        (q, text[..at].chars().count())
    }

    #[test]
    fn an_edit_before_the_passage_moves_it() {
        let old = "Officials said the bridge was closed. Traffic stopped.";
        let (q, start) = quote(old, "the bridge was closed", 0);
        let new = format!("Breaking — “update”: {old}");
        let found = locate(&new, &q, start).unwrap();
        assert_eq!(&new[found.bytes.start..found.bytes.end], q.exact);
        assert_eq!(found.start, start + "Breaking — “update”: ".chars().count());
        assert_eq!(found.end - found.start, q.exact.chars().count());
    }

    #[test]
    fn context_chooses_among_several_occurrences() {
        let old = "In March the talks failed. In June the talks failed. In May they met.";
        let (q, start) = quote(old, "the talks failed", 1);
        // The first sentence is removed: the nearest occurrence to the old offset is now
        // the wrong one, but the prefix still says "In June".
        let new = "Intro. In June the talks failed. Later, in March the talks failed.";
        let found = locate(new, &q, start).unwrap();
        assert_eq!(&new[..found.bytes.start], "Intro. In June ");
    }

    #[test]
    fn equal_context_takes_the_nearest() {
        let text = "x said no. x said no. x said no.";
        let q = Quote {
            exact: "said no".into(),
            ..Quote::default()
        };
        assert_eq!(locate(text, &q, 13).unwrap().start, 13);
        assert_eq!(locate(text, &q, 30).unwrap().start, 24);
    }

    #[test]
    fn a_passage_that_is_gone_is_not_found() {
        let (q, start) = quote("The minister resigned on Friday.", "resigned", 0);
        assert!(locate("The minister stayed on.", &q, start).is_none());
        assert!(locate("", &q, start).is_none());
        assert!(locate("anything", &Quote::default(), 0).is_none());
    }
}
