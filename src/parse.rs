//! `brief parse`: the tagger's and the parser's reading as CoNLL-U, of a briefing (brief's
//! own sentences and tokens, each token's code-point offsets in MISC) or of CoNLL-U given on
//! stdin (its sentences and words kept, the columns brief fills replaced).

use std::io::{self, BufRead, Write};

use crate::analysis::syntax::{self, Parse, conllu};
use crate::analysis::tokens::{self, Token};
use crate::document::Document;

/// Word `i`'s line: its ID, FORM and MISC as given, then the tagger's and parser's columns
/// (LEMMA none, UPOS, XPOS, FEATS none, HEAD the id of its head from `ids` or 0, DEPREL,
/// DEPS none).
fn word_line(out: &mut String, [id, form, misc]: [&str; 3], parse: &Parse, i: usize, ids: &[&str]) {
    let head = parse.head(i).map_or("0", |h| ids[h]);
    for column in [
        id,
        form,
        "_",
        parse.upos(i),
        parse.xpos(i),
        "_",
        head,
        parse.deprel(i),
        "_",
    ] {
        out.push_str(column);
        out.push('\t');
    }
    out.push_str(misc);
    out.push('\n');
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
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let parse = syntax::parse(&words);
        let (first, last) = (
            sentence[0].span.start,
            sentence[sentence.len() - 1].span.end,
        );
        text.push_str(&format!(
            "# sent_id = {number}\n# text = {}\n",
            one_line(&doc.text[first..last])
        ));
        for (i, token) in sentence.iter().enumerate() {
            let misc = misc(doc, token, sentence.get(i + 1));
            word_line(&mut text, [ids[i], &words[i], &misc], &parse, i, &ids);
        }
        text.push('\n');
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
        let block = block?;
        let (ids, forms): (Vec<&str>, Vec<&str>) =
            block.words().map(|w| (w.column(0), w.column(1))).unzip();
        let parse = syntax::parse(&forms);
        text.clear();
        let mut i = 0;
        for line in &block.lines {
            match line {
                conllu::Line::Comment(t) | conllu::Line::Other(t) => {
                    text.push_str(t);
                    text.push('\n');
                }
                conllu::Line::Word(w) => {
                    word_line(&mut text, [ids[i], forms[i], w.column(9)], &parse, i, &ids);
                    i += 1;
                }
            }
        }
        text.push('\n');
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}
