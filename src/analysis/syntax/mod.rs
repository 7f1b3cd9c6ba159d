//! Sentence structure: part-of-speech tags and labelled dependency trees (Universal
//! Dependencies), learned from treebanks by `train.rs` and shipped as weights in
//! `assets/syntax/`, read in place on first use.

pub mod clusters;
pub mod conllu;
pub mod features;
pub mod learn;
pub mod parser;
pub mod tagger;
pub mod train;
pub mod weights;

use std::sync::LazyLock;

use crate::analysis::tokens::Token;
use crate::document::Document;
use features::Word;
use parser::{NO_LABEL, Sentence};
use tagger::Dictionary;
use weights::{Relative, Weights};

/// The shipped models.
struct Models {
    dictionary: Dictionary,
    tagger: Weights<'static>,
    second: Weights<'static>,
    moves: Relative<'static>,
    labels: Weights<'static>,
    /// Each tag's universal and Penn Treebank parts.
    tags: Vec<(&'static str, &'static str)>,
}

static MODELS: LazyLock<Models> = LazyLock::new(|| {
    let load = |bytes: &'static [u8]| Weights::from_bytes(bytes).expect("assets/syntax/*.bin");
    let tagger = load(include_bytes!("../../../assets/syntax/tagger.bin"));
    let tags = tagger
        .names()
        .iter()
        .map(|n| n.split_once(' ').unwrap_or((n, "_")))
        .collect();
    let dictionary = Dictionary::read(
        include_str!("../../../assets/syntax/tag_dictionary.tsv"),
        tagger.names(),
    )
    .expect("assets/syntax/tag_dictionary.tsv");
    Models {
        tags,
        dictionary,
        tagger,
        second: load(include_bytes!("../../../assets/syntax/tagger2.bin")),
        moves: Relative::from_bytes(include_bytes!("../../../assets/syntax/moves.bin"))
            .expect("assets/syntax/moves.bin"),
        labels: load(include_bytes!("../../../assets/syntax/labels.bin")),
    }
});

/// A sentence's tags and tree.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parse {
    tags: Vec<u16>,
    heads: Vec<u32>,
    labels: Vec<u16>,
}

impl Parse {
    pub fn len(&self) -> usize {
        self.tags.len()
    }
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }
    /// The universal part-of-speech tag of word `i` ("NOUN", "VERB" ...).
    pub fn upos(&self, i: usize) -> &'static str {
        MODELS.tags[self.tags[i] as usize].0
    }
    /// The Penn Treebank tag of word `i` ("NNS", "VBD" ...).
    pub fn xpos(&self, i: usize) -> &'static str {
        MODELS.tags[self.tags[i] as usize].1
    }
    /// The word `i` depends on; None for the root of the sentence.
    pub fn head(&self, i: usize) -> Option<usize> {
        let h = self.heads[i] as usize;
        (h < self.len()).then_some(h)
    }
    /// The relation of word `i` to its head ("nsubj", "obl:unmarked" ...; "root").
    pub fn deprel(&self, i: usize) -> &'static str {
        label_name(self.labels[i])
    }
}

/// Tags and parses one sentence, given its words.
pub fn parse<S: AsRef<str>>(words: &[S]) -> Parse {
    if words.is_empty() {
        return Parse::default();
    }
    let m = &*MODELS;
    let words: Vec<Word> = words.iter().map(|w| Word::new(w.as_ref())).collect();
    let tags = tagger::tag_twice(&m.tagger, &m.second, &m.dictionary, &words);
    let state = Sentence {
        words: &words,
        tags: &tags,
    }
    .parse(&m.moves, &m.labels);
    Parse {
        heads: state.heads,
        labels: state.labels,
        tags,
    }
}

/// The parse of a briefing's sentences over the shared tokens (brief's own tokenisation),
/// for the extractors: each token's tag, head and relation, by token index.
#[derive(Debug, Default)]
pub struct Syntax {
    tags: Vec<u16>,
    /// The token each token depends on; `NONE` for a sentence's root.
    heads: Vec<u32>,
    labels: Vec<u16>,
}

const NONE: u32 = u32::MAX;
/// The tag and label of a token whose sentence was not parsed.
const UNPARSED: u16 = u16::MAX - 1;

impl Syntax {
    /// Parses every sentence of the tokens (consecutive tokens of one sentence).
    pub fn of(doc: &Document, tokens: &[Token]) -> Syntax {
        Syntax::of_sentences(doc, tokens, |_| true)
    }

    /// Parses the sentences `wanted` asks for; the tokens of the others have no tag, head
    /// or relation (the empty string, None), so a rule reading them finds no evidence.
    pub fn of_sentences(
        doc: &Document,
        tokens: &[Token],
        wanted: impl Fn(&[Token]) -> bool,
    ) -> Syntax {
        let mut syntax = Syntax {
            tags: Vec::with_capacity(tokens.len()),
            heads: Vec::with_capacity(tokens.len()),
            labels: Vec::with_capacity(tokens.len()),
        };
        let mut first = 0;
        for sentence in tokens.chunk_by(|a, b| a.sentence == b.sentence) {
            let n = sentence.len();
            if wanted(sentence) {
                let words: Vec<&str> = sentence.iter().map(|t| t.text(&doc.text)).collect();
                let parse = parse(&words);
                syntax.tags.extend_from_slice(&parse.tags);
                syntax.labels.extend_from_slice(&parse.labels);
                syntax
                    .heads
                    .extend((0..n).map(|i| parse.head(i).map_or(NONE, |h| (first + h) as u32)));
            } else {
                syntax.tags.extend(std::iter::repeat_n(UNPARSED, n));
                syntax.labels.extend(std::iter::repeat_n(UNPARSED, n));
                syntax.heads.extend(std::iter::repeat_n(NONE, n));
            }
            first += n;
        }
        syntax
    }

    /// The universal part-of-speech tag of a token ("NOUN", "VERB" ...).
    pub fn upos(&self, token: usize) -> &'static str {
        match self.tags[token] {
            UNPARSED => "",
            t => MODELS.tags[t as usize].0,
        }
    }

    /// The Penn Treebank tag of a token ("VBD", "NNS" ...).
    pub fn xpos(&self, token: usize) -> &'static str {
        match self.tags[token] {
            UNPARSED => "",
            t => MODELS.tags[t as usize].1,
        }
    }

    /// The token a token depends on; None for the root of its sentence.
    pub fn head(&self, token: usize) -> Option<usize> {
        let h = self.heads[token];
        (h != NONE).then_some(h as usize)
    }

    /// A token's relation to its head ("nsubj", "ccomp" ...; "root").
    pub fn deprel(&self, token: usize) -> &'static str {
        match self.labels[token] {
            UNPARSED => "",
            l => label_name(l),
        }
    }
}

fn label_name(label: u16) -> &'static str {
    match label {
        NO_LABEL => "root",
        l => MODELS.labels.names()[l as usize],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each word's (head word, relation), the root's head "ROOT".
    fn tree(sentence: &str) -> Vec<(String, String, &'static str)> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let p = parse(&words);
        (0..words.len())
            .map(|i| {
                let head = p.head(i).map_or("ROOT", |h| words[h]).to_string();
                (words[i].to_string(), head, p.deprel(i))
            })
            .collect()
    }

    fn has(t: &[(String, String, &str)], word: &str, head: &str, rel: &str) -> bool {
        t.iter()
            .any(|(w, h, r)| w == word && h == head && r.split(':').next() == Some(rel))
    }

    #[test]
    fn a_speech_verb_with_its_subject_and_complement() {
        let t = tree("The minister said that the talks had failed .");
        for (word, head, rel) in [
            ("said", "ROOT", "root"),
            ("minister", "said", "nsubj"),
            ("failed", "said", "ccomp"),
            ("talks", "failed", "nsubj"),
            ("that", "failed", "mark"),
            (".", "said", "punct"),
        ] {
            assert!(has(&t, word, head, rel), "{word} -{rel}-> {head} in {t:?}");
        }
    }

    #[test]
    fn a_time_expression_attaches_to_its_verb() {
        let t = tree("On Friday , police raided the offices of the newspaper .");
        assert!(has(&t, "Friday", "raided", "obl"), "{t:?}");
        assert!(has(&t, "police", "raided", "nsubj"), "{t:?}");
        assert!(has(&t, "offices", "raided", "obj"), "{t:?}");
        assert!(has(&t, "newspaper", "offices", "nmod"), "{t:?}");
    }

    #[test]
    fn a_relative_pronoun_is_the_subject_of_its_clause() {
        let t = tree("They stopped a flotilla that sought to break the blockade .");
        assert!(has(&t, "that", "sought", "nsubj"), "{t:?}");
        assert!(has(&t, "sought", "flotilla", "acl"), "{t:?}");
        assert!(has(&t, "break", "sought", "xcomp"), "{t:?}");
    }

    #[test]
    fn a_word_is_tagged_by_its_use() {
        let p = parse(&["The", "report", "said", "talks", "would", "resume", "."]);
        assert_eq!(
            [p.upos(1), p.upos(2), p.upos(4), p.upos(5)],
            ["NOUN", "VERB", "AUX", "VERB"]
        );
        let p = parse(&[
            "Officials",
            "report",
            "that",
            "the",
            "talks",
            "resumed",
            ".",
        ]);
        assert_eq!([p.upos(1), p.upos(2), p.upos(4)], ["VERB", "SCONJ", "NOUN"]);
    }

    #[test]
    fn every_sentence_has_one_root_and_no_cycle() {
        for s in [
            "Yes .",
            "",
            "\" Never , \" he said , \" not once . \"",
            "a b c d e f g",
        ] {
            let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
            let p = parse(&words);
            assert_eq!(p.len(), words.len());
            assert_eq!(
                (0..p.len()).filter(|&i| p.head(i).is_none()).count(),
                usize::from(!words.is_empty())
            );
            for i in 0..p.len() {
                let mut at = i;
                for _ in 0..=p.len() {
                    match p.head(at) {
                        Some(h) => at = h,
                        None => break,
                    }
                }
                assert!(p.head(at).is_none(), "a cycle through word {i} of {s:?}");
            }
        }
    }
}
