//! CoNLL-U, the format of Universal Dependencies: a sentence a block of lines (comments
//! starting with `#`, then one line of ten tab-separated columns a word), blocks separated by
//! a blank line. Words have integer ids; lines whose id is a range (`3-4`, a multiword token
//! such as "don't") or a decimal (`5.1`, an empty node) are not words of the tree.

use std::io::BufRead;

/// One line of a sentence block.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    Comment(String),
    Word(Word),
    /// A multiword token or an empty node, kept as it is.
    Other(String),
}

/// A word of the tree: its line as read, and where each of its ten columns ends (one string
/// a word rather than ten: reading a treebank is mostly allocating otherwise).
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    line: String,
    ends: [u32; 10],
}

impl Word {
    /// Column `k` (0 the ID, 1 the FORM ... 9 MISC).
    pub fn column(&self, k: usize) -> &str {
        let start = if k == 0 {
            0
        } else {
            self.ends[k - 1] as usize + 1
        };
        &self.line[start..self.ends[k] as usize]
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Block {
    pub lines: Vec<Line>,
}

impl Block {
    pub fn words(&self) -> impl Iterator<Item = &Word> {
        self.lines.iter().filter_map(|l| match l {
            Line::Word(w) => Some(w),
            _ => None,
        })
    }
}

/// Why a CoNLL-U input cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("line {line}: {why}")]
    Format { line: usize, why: String },
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Reads blocks one at a time, so a treebank of any size streams through.
pub struct Reader<R> {
    input: R,
    line: usize,
    buf: String,
}

impl<R: BufRead> Reader<R> {
    pub fn new(input: R) -> Self {
        Reader {
            input,
            line: 0,
            buf: String::new(),
        }
    }

    /// The next sentence, or None at the end.
    pub fn next_block(&mut self) -> Result<Option<Block>, Error> {
        let mut block = Block::default();
        loop {
            self.buf.clear();
            if self.input.read_line(&mut self.buf)? == 0 {
                return Ok((!block.lines.is_empty()).then_some(block));
            }
            self.line += 1;
            let text = self.buf.trim_end_matches(['\n', '\r']);
            let text = if self.line == 1 {
                text.trim_start_matches('\u{feff}')
            } else {
                text
            };
            if text.trim().is_empty() {
                if block.lines.is_empty() {
                    continue;
                }
                return Ok(Some(block));
            }
            block.lines.push(self.read_line(text)?);
        }
    }

    fn read_line(&self, text: &str) -> Result<Line, Error> {
        if text.starts_with('#') {
            return Ok(Line::Comment(text.to_string()));
        }
        let bad = |why: String| Error::Format {
            line: self.line,
            why,
        };
        let mut ends = [0u32; 10];
        let mut count = 0;
        for (at, _) in text.match_indices('\t').chain([(text.len(), "")]) {
            if let Some(end) = ends.get_mut(count) {
                *end = u32::try_from(at).map_err(|_| bad("a line over 4 GB".into()))?;
            }
            count += 1;
        }
        if count != 10 {
            return Err(bad(format!("{count} columns, not 10")));
        }
        let word = Word {
            line: text.to_string(),
            ends,
        };
        let id = word.column(0);
        if id.contains(['-', '.']) {
            return Ok(Line::Other(text.to_string()));
        }
        if id.parse::<u32>().is_err() {
            return Err(bad(format!("the word id '{id}' is not a number")));
        }
        if word.column(1).is_empty() {
            return Err(bad("a word with no form".into()));
        }
        Ok(Line::Word(word))
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<Block, Error>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_block().transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_comments_ranges_and_words() {
        let text = "# sent_id = 1\n# text = I don't.\n1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n3\tn't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n\n1\tYes\t_\t_\t_\t_\t_\t_\t_\t_\n";
        let blocks: Vec<Block> = Reader::new(text.as_bytes()).map(Result::unwrap).collect();
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].lines.len(), 7);
        assert!(matches!(&blocks[0].lines[3], Line::Other(t) if t.starts_with("2-3\tdon't")));
        let words: Vec<[&str; 3]> = blocks[0]
            .words()
            .map(|w| [w.column(0), w.column(1), w.column(9)])
            .collect();
        assert_eq!(
            words,
            [
                ["1", "I", "_"],
                ["2", "do", "_"],
                ["3", "n't", "SpaceAfter=No"],
                ["4", ".", "_"]
            ]
        );
        assert_eq!(blocks[1].words().count(), 1);
    }

    #[test]
    fn a_short_line_is_an_error_with_its_number() {
        let err = Reader::new("1\tA\t_\n".as_bytes())
            .next_block()
            .unwrap_err();
        assert_eq!(err.to_string(), "line 1: 3 columns, not 10");
    }
}
