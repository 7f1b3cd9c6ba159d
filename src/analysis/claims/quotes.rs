//! Quotations: pairs of double quotation marks, found once per document so that a quote
//! running over several sentences is one piece of content.

use foldhash::HashMap;

use crate::analysis::tokens::Token;
use crate::document::Document;

/// Matched quotation marks, as token indices.
#[derive(Debug, Default)]
pub struct Quotes {
    /// Opening mark -> closing mark, and closing -> opening.
    partner: HashMap<usize, usize>,
    /// For each token between a pair of marks, the opening mark.
    inside: Vec<Option<usize>>,
}

impl Quotes {
    /// Pairs marks within each paragraph: curly marks by their shape, straight ones by whether
    /// they lean on the word after (opening) or before (closing). A quote that opens a
    /// paragraph and is not closed in it ends with the paragraph: news style for a quote that
    /// runs on into the next paragraph.
    pub fn find(doc: &Document, tokens: &[Token]) -> Quotes {
        let mut quotes = Quotes {
            inside: vec![None; tokens.len()],
            ..Quotes::default()
        };
        let mut paragraph = 0;
        let mut open: Option<usize> = None;
        let mut paragraph_start = 0;
        for (i, token) in tokens.iter().enumerate() {
            let mut new_paragraph = false;
            while doc
                .paragraphs
                .get(paragraph)
                .is_some_and(|p| p.end <= token.span.start)
            {
                paragraph += 1;
                new_paragraph = true;
            }
            if new_paragraph {
                if let Some(start) = open.take().filter(|&s| s == paragraph_start && i > s + 1) {
                    quotes.pair(start, i - 1);
                }
                paragraph_start = i;
            }
            let opening = match token.text(&doc.text) {
                "“" | "«" | "„" => true,
                "”" | "»" => false,
                "\"" => {
                    let before = doc.text[..token.span.start].chars().next_back();
                    open.is_none()
                        && before.is_none_or(|c| c.is_whitespace() || "([—–-".contains(c))
                }
                _ => continue,
            };
            if opening {
                open = Some(i);
            } else if let Some(start) = open.take() {
                quotes.pair(start, i);
            }
        }
        if let Some(start) = open.filter(|&s| s == paragraph_start && tokens.len() > s + 1) {
            quotes.pair(start, tokens.len() - 1);
        }
        quotes
    }

    fn pair(&mut self, open: usize, close: usize) {
        self.partner.insert(open, close);
        self.partner.insert(close, open);
        self.inside[open + 1..close].fill(Some(open));
    }

    /// The closing mark of the quote opened at token `i`.
    pub fn closing(&self, i: usize) -> Option<usize> {
        self.partner.get(&i).copied().filter(|&j| j > i)
    }

    /// Whether token `i` lies inside a quotation.
    pub fn is_quoted(&self, i: usize) -> bool {
        self.inside.get(i).copied().flatten().is_some()
    }

    /// The quotation around token `i` (its marks included), if `i` is inside one.
    pub fn around(&self, i: usize) -> Option<std::ops::Range<usize>> {
        let open = self.inside.get(i).copied().flatten()?;
        Some(open..self.closing(open)? + 1)
    }

    /// The opening mark of the quote closed at token `i`.
    pub fn opening(&self, i: usize) -> Option<usize> {
        self.partner.get(&i).copied().filter(|&j| j < i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;
    use crate::document::Meta;

    fn pairs(text: &str) -> Vec<(String, String)> {
        let (doc, _) = Document::from_text(text, Meta::default());
        let tokens = tokenize(&doc);
        let quotes = Quotes::find(&doc, &tokens);
        (0..tokens.len())
            .filter_map(|i| {
                let j = quotes.closing(i)?;
                let after = |k: usize| tokens[k].text(&doc.text).to_string();
                Some((after(i + 1), after(j - 1)))
            })
            .collect()
    }

    #[test]
    fn curly_and_straight_quotes_pair_up_across_sentences() {
        assert_eq!(
            pairs("“We will win. Nobody doubts it,” she said. He said \"no way\" twice."),
            vec![("We".into(), ",".into()), ("no".into(), "way".into())]
        );
    }

    #[test]
    fn quotes_do_not_pair_across_paragraphs() {
        assert!(pairs("He said “this is open.\n\nAnother” thing.").is_empty());
    }

    #[test]
    fn a_quote_opening_a_paragraph_runs_to_its_end() {
        assert_eq!(
            pairs("“We will stay.\n\n“And we will win,” she said."),
            vec![("We".into(), "stay".into()), ("And".into(), ",".into())]
        );
    }
}
