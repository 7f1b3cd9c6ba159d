//! Spans held in 8 bytes rather than [`Span`]'s 16, for what a briefing keeps one of per
//! line or word: its paragraphs and sentences, an actor's mentions. A briefing of one-word
//! lines has a paragraph, a sentence and a mention every five bytes; in `usize` spans they
//! alone passed the memory bound of 10 bytes a byte. A briefing's text is below 4 GiB
//! (longer ones are refused when read: [`MAX_TEXT`]), so its offsets fit 32 bits.

use super::Span;

/// The longest text a [`super::Document`] holds, in bytes: its offsets are kept in 32 bits.
pub const MAX_TEXT: usize = u32::MAX as usize;

/// A [`Span`] of a text no longer than [`MAX_TEXT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Packed {
    start: u32,
    end: u32,
}

impl From<Span> for Packed {
    fn from(span: Span) -> Packed {
        // texts longer than MAX_TEXT are refused before spans are made of them
        let narrow = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        Packed {
            start: narrow(span.start),
            end: narrow(span.end),
        }
    }
}

impl From<Packed> for Span {
    fn from(p: Packed) -> Span {
        Span::new(p.start as usize, p.end as usize)
    }
}

/// Spans in text order (paragraphs, sentences), 8 bytes each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spans(Vec<Packed>);

impl Spans {
    pub fn push(&mut self, span: Span) {
        self.0.push(span.into());
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<Span> {
        self.0.get(i).copied().map(Span::from)
    }

    /// The `i`th span; `i` must be below [`Spans::len`], as with indexing.
    pub fn at(&self, i: usize) -> Span {
        self.0[i].into()
    }

    pub fn last(&self) -> Option<Span> {
        self.0.last().copied().map(Span::from)
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Span> + ExactSizeIterator + '_ {
        self.0.iter().map(|&p| p.into())
    }

    /// The spans `from..to`.
    pub fn range(&self, from: usize, to: usize) -> impl Iterator<Item = Span> + '_ {
        self.0[from..to].iter().map(|&p| p.into())
    }

    /// As [`slice::partition_point`].
    pub fn partition_point(&self, mut pred: impl FnMut(Span) -> bool) -> usize {
        self.0.partition_point(|&p| pred(p.into()))
    }
}

impl FromIterator<Span> for Spans {
    fn from_iter<I: IntoIterator<Item = Span>>(spans: I) -> Spans {
        Spans(spans.into_iter().map(Packed::from).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_come_back_as_they_went_in() {
        let spans: Spans = [Span::new(0, 4), Span::new(6, 9)].into_iter().collect();
        assert_eq!(
            spans.iter().collect::<Vec<_>>(),
            [Span::new(0, 4), Span::new(6, 9)]
        );
        assert_eq!(spans.at(1), Span::new(6, 9));
        assert_eq!(spans.get(2), None);
        assert_eq!(spans.partition_point(|s| s.end <= 5), 1);
        assert_eq!(std::mem::size_of::<Packed>(), 8);
    }
}
