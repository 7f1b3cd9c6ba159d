//! CoNLL-U, the format of Universal Dependencies: a sentence a block of lines (comments
//! starting with `#`, then one line of ten tab-separated columns a word), blocks separated by
//! a blank line. Words have integer ids; lines whose id is a range (`3-4`, a multiword token
//! such as "don't") or a decimal (`5.1`, an empty node) are not words of the tree.

use std::io::BufRead;

/// One line of a sentence block.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    Comment(String),
    /// A word of the tree: its ten columns.
    Word(Box<[String; 10]>),
    /// A multiword token or an empty node, kept as it is.
    Other(String),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Block {
    pub lines: Vec<Line>,
}

impl Block {
    pub fn words(&self) -> impl Iterator<Item = &[String; 10]> {
        self.lines.iter().filter_map(|l| match l {
            Line::Word(cols) => Some(&**cols),
            _ => None,
        })
    }
    pub fn words_mut(&mut self) -> impl Iterator<Item = &mut [String; 10]> {
        self.lines.iter_mut().filter_map(|l| match l {
            Line::Word(cols) => Some(&mut **cols),
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
        let cols: Vec<&str> = text.split('\t').collect();
        let bad = |why: String| Error::Format {
            line: self.line,
            why,
        };
        if cols.len() != 10 {
            return Err(bad(format!("{} columns, not 10", cols.len())));
        }
        let id = cols[0];
        if id.contains(['-', '.']) {
            return Ok(Line::Other(text.to_string()));
        }
        if id.parse::<u32>().is_err() {
            return Err(bad(format!("the word id '{id}' is not a number")));
        }
        if cols[1].is_empty() {
            return Err(bad("a word with no form".into()));
        }
        Ok(Line::Word(Box::new(std::array::from_fn(|i| {
            cols[i].to_string()
        }))))
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<Block, Error>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_block().transpose()
    }
}

/// A block as text, ending with its blank line.
pub fn write(block: &Block, out: &mut String) {
    for line in &block.lines {
        match line {
            Line::Comment(t) | Line::Other(t) => out.push_str(t),
            Line::Word(cols) => out.push_str(&cols.join("\t")),
        }
        out.push('\n');
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_comments_ranges_and_words() {
        let text = "# sent_id = 1\n# text = I don't.\n1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n3\tn't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n\n1\tYes\t_\t_\t_\t_\t_\t_\t_\t_\n";
        let blocks: Vec<Block> = Reader::new(text.as_bytes()).map(Result::unwrap).collect();
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].words().count(), 4);
        assert_eq!(blocks[0].lines.len(), 7);
        let mut out = String::new();
        write(&blocks[0], &mut out);
        write(&blocks[1], &mut out);
        assert_eq!(out, text.replace("\n\n\n", "\n\n") + "\n");
    }

    #[test]
    fn a_short_line_is_an_error_with_its_number() {
        let err = Reader::new("1\tA\t_\n".as_bytes())
            .next_block()
            .unwrap_err();
        assert_eq!(err.to_string(), "line 1: 3 columns, not 10");
    }
}
