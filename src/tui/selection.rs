//! The passage selected in the article (for a free note or a claim the machine missed): a
//! span of the text whose moving end goes a sentence or a word at a time, toward the end of
//! the text or back; either end can be the one that moves, so a selection can start and end
//! mid-sentence. Words are the text between spaces without the punctuation at their edges.

use crate::document::{Document, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// In bytes, on character boundaries, never empty.
    pub span: Span,
    /// The start moves (else the end).
    pub start_moves: bool,
}

/// How far a move goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Sentence,
    Word,
}

impl Selection {
    /// Sentence `k`, its end moving.
    pub fn sentence(doc: &Document, k: usize) -> Option<Selection> {
        let span = doc.sentences.get(k)?;
        (!span.is_empty()).then_some(Selection {
            span,
            start_moves: false,
        })
    }

    /// Exactly `span` (a search match), its end moving; none when it is empty.
    pub fn of(span: Span) -> Option<Selection> {
        (!span.is_empty()).then_some(Selection {
            span,
            start_moves: false,
        })
    }

    /// The end that moves now stays, and the other moves.
    pub fn swap(&mut self) {
        self.start_moves = !self.start_moves;
    }

    /// Where the moving end is, in bytes.
    pub fn head(&self) -> usize {
        if self.start_moves {
            self.span.start
        } else {
            self.span.end
        }
    }

    /// Moves the moving end a step toward the end of the text (`forward`) or back; a move
    /// that would leave nothing selected, or has nowhere to go, does nothing.
    pub fn step(&mut self, doc: &Document, step: Step, forward: bool) {
        let Span { start, end } = self.span;
        let text = &doc.text;
        let sentences = &doc.sentences;
        let moved = match (step, self.start_moves, forward) {
            (Step::Word, false, true) => words(text, end, text.len()).next().map(|w| w.end),
            (Step::Word, false, false) => words(text, start, end)
                .rev()
                .map(|w| w.end)
                .find(|&e| e < end),
            (Step::Word, true, true) => words(text, start, end)
                .map(|w| w.start)
                .find(|&s| s > start),
            (Step::Word, true, false) => words(text, 0, start).next_back().map(|w| w.start),
            (Step::Sentence, false, true) => {
                let k = sentences.partition_point(|s| s.end <= end);
                sentences.get(k).map(|s| s.end)
            }
            (Step::Sentence, false, false) => {
                let k = sentences.partition_point(|s| s.end < end);
                k.checked_sub(1)
                    .map(|k| sentences.at(k).end)
                    .filter(|&e| e > start)
            }
            (Step::Sentence, true, true) => {
                let k = sentences.partition_point(|s| s.start <= start);
                sentences.get(k).map(|s| s.start).filter(|&s| s < end)
            }
            (Step::Sentence, true, false) => {
                let k = sentences.partition_point(|s| s.start < start);
                k.checked_sub(1).map(|k| sentences.at(k).start)
            }
        };
        if let Some(at) = moved {
            if self.start_moves {
                self.span.start = at;
            } else {
                self.span.end = at;
            }
        }
    }
}

/// The words of `text[from..to]` in order, in bytes of `text`: runs between whitespace,
/// without the punctuation at their edges; runs with no letter or digit are not words.
fn words(text: &str, from: usize, to: usize) -> impl DoubleEndedIterator<Item = Span> + '_ {
    let piece = text.get(from..to).unwrap_or_default();
    piece.split_whitespace().filter_map(move |run| {
        let at = from + (run.as_ptr() as usize - piece.as_ptr() as usize);
        let first = run.find(char::is_alphanumeric)?;
        let (last, c) = run
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_alphanumeric())?;
        Some(Span::new(at + first, at + last + c.len_utf8()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Meta;

    fn doc(text: &str) -> Document {
        Document::from_text(text, Meta::default()).0
    }

    fn shown(doc: &Document, s: &Selection) -> String {
        doc.slice(s.span).to_string()
    }

    #[test]
    fn the_end_moves_by_word_and_by_sentence() {
        let d = doc("The mayor said “tolls will rise.” Nobody agreed. Voters wait.");
        let mut s = Selection::sentence(&d, 0).unwrap();
        assert_eq!(shown(&d, &s), "The mayor said “tolls will rise.”");
        s.step(&d, Step::Word, false);
        assert_eq!(
            shown(&d, &s),
            "The mayor said “tolls will rise",
            "closing marks trimmed"
        );
        s.step(&d, Step::Word, false);
        assert_eq!(shown(&d, &s), "The mayor said “tolls will");
        s.step(&d, Step::Word, true);
        s.step(&d, Step::Word, true);
        assert_eq!(shown(&d, &s), "The mayor said “tolls will rise.” Nobody");
        s.step(&d, Step::Sentence, true);
        assert_eq!(
            shown(&d, &s),
            "The mayor said “tolls will rise.” Nobody agreed."
        );
        s.step(&d, Step::Sentence, true);
        s.step(&d, Step::Sentence, true);
        assert!(
            shown(&d, &s).ends_with("Voters wait."),
            "no sentence after the last"
        );
        s.step(&d, Step::Sentence, false);
        s.step(&d, Step::Sentence, false);
        s.step(&d, Step::Sentence, false);
        assert_eq!(
            shown(&d, &s),
            "The mayor said “tolls will rise.”",
            "never empty"
        );
        for _ in 0..10 {
            s.step(&d, Step::Word, false);
        }
        assert_eq!(shown(&d, &s), "The", "a word at least");
    }

    #[test]
    fn the_start_moves_too_so_a_clause_can_be_selected() {
        let d = doc("First one here. The mayor said tolls will rise. Last one.");
        let mut s = Selection::sentence(&d, 1).unwrap();
        s.swap();
        for _ in 0..3 {
            s.step(&d, Step::Word, true);
        }
        assert_eq!(shown(&d, &s), "tolls will rise.");
        s.step(&d, Step::Word, false);
        assert_eq!(shown(&d, &s), "said tolls will rise.");
        s.step(&d, Step::Sentence, false);
        assert_eq!(shown(&d, &s), "The mayor said tolls will rise.");
        s.step(&d, Step::Sentence, false);
        assert!(shown(&d, &s).starts_with("First one here."));
        for _ in 0..20 {
            s.step(&d, Step::Word, true);
        }
        assert_eq!(shown(&d, &s), "rise.", "the last word stays");
        s.swap();
        s.step(&d, Step::Word, true);
        assert_eq!(shown(&d, &s), "rise. Last");
    }

    #[test]
    fn words_in_any_script_and_none_in_punctuation() {
        let d = doc("Le ministre a dit « non » — 日本 ok… !! 😀 x");
        let words: Vec<&str> = words(&d.text, 0, d.text.len())
            .map(|w| d.slice(w))
            .collect();
        assert_eq!(
            words,
            ["Le", "ministre", "a", "dit", "non", "日本", "ok", "x"]
        );
    }
}
