//! `brief parse`: the tagger's and the parser's reading as CoNLL-U, of a briefing (brief's
//! own sentences and tokens, each token's code-point offsets in MISC) or of CoNLL-U given on
//! stdin (its sentences and words kept, the columns brief fills replaced).

use std::io::{self, BufRead, Write};

use crate::analysis::syntax::{self, Parse, conllu};
use crate::analysis::tokens::{self, Token};
use crate::document::Document;

/// The columns of word `i` from its tags and tree: LEMMA (none), UPOS, XPOS, FEATS (none),
/// HEAD (the id of its head, from `ids`, or 0), DEPREL, DEPS (none).
fn fill(cols: &mut [String; 10], parse: &Parse, i: usize, ids: &[String]) {
    cols[2] = "_".into();
    cols[3] = parse.upos(i).into();
    cols[4] = parse.xpos(i).into();
    cols[5] = "_".into();
    cols[6] = parse.head(i).map_or_else(|| "0".into(), |h| ids[h].clone());
    cols[7] = parse.deprel(i).into();
    cols[8] = "_".into();
}

/// Writes a briefing's sentences as CoNLL-U; `name` opens it as a `# newdoc id`.
pub fn write_document(out: &mut dyn Write, name: &str, doc: &Document) -> io::Result<()> {
    let tokens = tokens::tokenize(doc);
    let mut text = format!("# newdoc id = {}\n", one_line(name));
    let mut number = 0;
    for sentence in tokens.chunk_by(|a, b| a.sentence == b.sentence) {
        number += 1;
        let words: Vec<String> = sentence
            .iter()
            .map(|t| one_line(t.text(&doc.text)))
            .collect();
        let ids: Vec<String> = (1..=words.len()).map(|i| i.to_string()).collect();
        let parse = syntax::parse(&words);
        let (first, last) = (
            sentence[0].span.start,
            sentence[sentence.len() - 1].span.end,
        );
        text.push_str(&format!(
            "# sent_id = {number}\n# text = {}\n",
            one_line(&doc.text[first..last])
        ));
        let mut block = conllu::Block::default();
        for (i, token) in sentence.iter().enumerate() {
            let mut cols: [String; 10] = Default::default();
            cols[0] = ids[i].clone();
            cols[1] = words[i].clone();
            fill(&mut cols, &parse, i, &ids);
            cols[9] = misc(doc, token, sentence.get(i + 1));
            block.lines.push(conllu::Line::Word(Box::new(cols)));
        }
        conllu::write(&block, &mut text);
        out.write_all(text.as_bytes())?;
        text.clear();
    }
    Ok(())
}

/// `TokenRange=start:end` in code points, and `SpaceAfter=No` before a token that follows
/// at once.
fn misc(doc: &Document, token: &Token, next: Option<&Token>) -> String {
    let (start, end) = (
        doc.char_offset(token.span.start),
        doc.char_offset(token.span.end),
    );
    let joined = next.is_some_and(|n| n.span.start == token.span.end);
    format!(
        "TokenRange={start}:{end}{}",
        if joined { "|SpaceAfter=No" } else { "" }
    )
}

/// A form or a sentence on one line, as CoNLL-U needs it (no tab, no line break).
fn one_line(s: &str) -> String {
    s.split(['\n', '\r', '\t'])
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads CoNLL-U and writes it back with each sentence tagged and parsed: comments,
/// multiword tokens and empty nodes as they were, each word's ID, FORM and MISC kept.
pub fn filter(input: impl BufRead, out: &mut dyn Write) -> Result<(), conllu::Error> {
    let mut text = String::new();
    for block in conllu::Reader::new(input) {
        let mut block = block?;
        let (ids, forms): (Vec<String>, Vec<String>) =
            block.words().map(|w| (w[0].clone(), w[1].clone())).unzip();
        let parse = syntax::parse(&forms);
        for (i, cols) in block.words_mut().enumerate() {
            fill(cols, &parse, i, &ids);
        }
        text.clear();
        conllu::write(&block, &mut text);
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}
