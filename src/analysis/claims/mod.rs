//! Attributed claims: who says what (source, cue, content), what kind of claim it is, the
//! words that hedge it, and which earlier claims it denies.
//!
//! Cues, hedges and word classes are data (`lexicon`, `assets/lexicon/claim_*.tsv`,
//! `hedges.txt`). `reader` finds each sentence's cues (checked against the sentence's
//! parse, `tree`) and `quotes` the quotations;
//! `frames` lays out each cue's source and content with the common patterns of news
//! prose, `subjects` finds where sources begin and end; `sources` ties a source to the
//! actors it names and `contradictions` links denials to what they deny. Content spans
//! follow the usual attribution convention: the words attributed, without source and cue,
//! quotation marks and a leading "that" kept; a quote split by its cue is in fragments.
//! Cues inside a quotation are the quoted speaker's, not the article's, and are skipped; so
//! is a claim whose content lies inside another claim's content, and of two claims over the
//! same words only one is kept (the one with a source).

mod contradictions;
mod frames;
mod lexicon;
mod openings;
mod quotes;
mod reader;
mod sources;
mod subjects;
mod tree;

use std::ops::Range;

use super::lexicon::UserLexicon;
use super::mentions::MentionIndex;
use super::model::{Claim, ClaimKind, Source};
use super::syntax::Syntax;
use super::tokens::{Token, is_capitalised, lowercase};
use crate::document::{Document, Span};
use frames::Found;
use lexicon::{Class, Lexicon};
pub use openings::{Sentence, sentences};
use quotes::Quotes;
use reader::Reader;
use tree::base;

/// Which sentences need their parse for the claims: those holding a cue (the parse decides
/// whether the cue is one, and where its source and content lie), and a "Name: ..." line
/// whose words after the colon are all capitalised (whether they state something, by a verb:
/// `frames`' subtitles); the others are not parsed.
pub fn wants_parse<'a>(text: &'a str, lexicon: &UserLexicon) -> impl Fn(&[Token]) -> bool + 'a {
    let lexicon = Lexicon::with_user(lexicon);
    move |sentence| {
        let words: Vec<_> = sentence
            .iter()
            .map(|t| lowercase(t.text(text)).replace('’', "'"))
            .collect();
        let colon = words
            .iter()
            .take(subjects::SOURCE_REACH)
            .position(|w| w == ":");
        let capitals = |after: usize| {
            sentence[after..]
                .iter()
                .all(|t| !t.is_word() || is_capitalised(t.text(text)))
        };
        colon.is_some_and(|c| capitals(c + 1))
            || (0..words.len()).any(|i| lexicon.cue_at(&words, i).is_some())
    }
}

/// `sentences`: the text's sentences as [`sentences`] reads them, shared with the timeline.
pub fn extract(
    doc: &Document,
    tokens: &[Token],
    sentences: &[Sentence],
    syntax: &Syntax,
    mentions: &MentionIndex,
    lexicon: &UserLexicon,
) -> Vec<Claim> {
    let lexicon = Lexicon::with_user(lexicon);
    let quotes = Quotes::find(doc, tokens);
    let tree = tree::Tree::new(syntax, tokens.len());
    let mut reader = Reader::new(&lexicon, &doc.text, tokens, quotes, tree);
    let sentences: Vec<Range<usize>> = sentences.iter().map(|s| s.words.clone()).collect();
    let cues: Vec<_> = sentences.iter().map(|s| reader.cues(s.clone())).collect();
    let mut claims: Vec<Claim> = Vec::new();
    for (i, sentence) in sentences.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| sentences[p].clone());
        for found in reader.attributions(sentence.clone(), previous, &cues[i]) {
            claims.extend(to_claim(doc, &reader, &found, mentions));
        }
    }
    for found in reader.signed_quotes() {
        claims.extend(to_claim(doc, &reader, &found, mentions));
    }
    // one claim for one span of words: the one with a source, else the first cue's
    claims.sort_by_key(|c| (c.span, c.source.is_none(), c.cue.map(|s| s.start)));
    claims.dedup_by(|a, b| a.span == b.span);
    claims.sort_by_key(|c| (c.span.start, c.cue.map(|s| s.start)));
    drop_nested(&mut claims);
    contradictions::link(&mut claims, &doc.text, &lexicon);
    claims
}

/// A claim inside a longer claim's content ("X said Y wants Z") is part of what that
/// claim reports, and seldom a claim of the article's own: it is left out. One sweep over
/// the claims in order of start, keeping the furthest end reached so far.
fn drop_nested(claims: &mut Vec<Claim>) {
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| (claims[i].span.start, std::cmp::Reverse(claims[i].span.end)));
    let mut nested = vec![false; claims.len()];
    let mut reach: Option<Span> = None;
    for i in order {
        let span = claims[i].span;
        match reach {
            Some(r) if r.end >= span.end && r != span => nested[i] = true,
            Some(r) if r.end >= span.end => {}
            _ => reach = Some(span),
        }
    }
    let mut keep = nested.into_iter().map(|n| !n);
    claims.retain(|_| keep.next().unwrap_or(true));
}

/// Each sentence's tokens, as a range of indices, in text order.
fn byte_span(tokens: &[Token], range: &Range<usize>) -> Option<Span> {
    let first = tokens.get(range.start)?;
    let last = tokens.get(range.end.checked_sub(1)?)?;
    (range.start < range.end).then(|| Span::new(first.span.start, last.span.end))
}

fn to_claim(
    doc: &Document,
    reader: &Reader,
    found: &Found,
    mentions: &MentionIndex,
) -> Option<Claim> {
    let tokens = reader.tokens;
    let pieces: Vec<Span> = found
        .content
        .iter()
        .filter_map(|r| byte_span(tokens, r))
        .collect();
    let span = pieces.iter().copied().reduce(Span::cover)?;
    let cue = byte_span(tokens, &found.cue);
    let source = found.source.as_ref().and_then(|r| {
        let span = byte_span(tokens, r)?;
        let at = tokens[r.start].sentence;
        let window: Vec<Span> = (at.saturating_sub(sources::SENTENCES)..=at)
            .filter_map(|i| doc.sentences.get(i))
            .collect();
        Some(Source {
            actors: sources::resolve(&doc.text, span, &window, mentions, reader.lexicon),
            span,
        })
    });
    let touched = found
        .content
        .iter()
        .chain(std::iter::once(&found.cue))
        .filter(|r| r.start < r.end)
        .flat_map(|r| [r.start, r.end - 1]);
    let sentence = touched
        .filter_map(|i| doc.sentences.get(tokens.get(i)?.sentence))
        .reduce(Span::cover)?;
    let future = speaks_of_future(reader, &found.content);
    let kind = match found.kind {
        ClaimKind::Assertion | ClaimKind::Prediction if future && warns(reader, &found.content) => {
            ClaimKind::Warning
        }
        ClaimKind::Assertion if future || predicts(reader, &found.content) => ClaimKind::Prediction,
        kind => kind,
    };
    let hedge_ranges = found.content.iter().chain(std::iter::once(&found.cue));
    let mut hedges: Vec<Span> = hedge_ranges.flat_map(|r| hedges_in(reader, r)).collect();
    hedges.sort_by_key(|s| s.start);
    hedges.dedup();
    Some(Claim {
        span,
        fragments: (pieces.len() > 1).then_some(pieces),
        sentence,
        source,
        cue,
        kind,
        hedges,
        contradicts: Vec::new(),
        added: None,
    })
}

/// An assertion about what will happen ("said it will ...") is a prediction.
fn speaks_of_future(reader: &Reader, content: &[Range<usize>]) -> bool {
    content
        .iter()
        .flat_map(Clone::clone)
        .any(|i| matches!(reader.words[i].as_ref(), "will" | "'ll" | "won't"))
}

/// A prediction that warns, by the parse: a threat, a clause of condition on a verb of
/// striking back ("we will respond firmly if it happens again", `conditional` and
/// `response` in `claim_words.tsv`; not "will pay a dividend if profits rise"), or harm in
/// its main clause ("will cost lives", `harm`; not "will save lives", `benefit`).
fn warns(reader: &Reader, content: &[Range<usize>]) -> bool {
    let t = &reader.tree;
    content.iter().any(|range| {
        let main = |i: usize| main_clause(t, i, range);
        let threat = range.clone().any(|i| {
            reader.is(Class::Conditional, i)
                && t.head(i)
                    .filter(|&c| base(t.deprel(c)) == "advcl")
                    .and_then(|c| t.head(c))
                    .is_some_and(|v| reader.is(Class::Response, v))
        });
        let harm = range.clone().any(|i| reader.is(Class::Harm, i) && main(i))
            && !range
                .clone()
                .any(|i| reader.is(Class::Benefit, i) && main(i));
        threat || harm
    })
}

/// A content whose main clause, by the parse, looks ahead: its verb a forecast's ("the
/// firm expected the chip to ...", a prediction cue's form) or with a future in the past
/// ("the ship would sail in May", `future` in `claim_words.tsv`).
fn predicts(reader: &Reader, content: &[Range<usize>]) -> bool {
    let t = &reader.tree;
    content.iter().any(|range| {
        range
            .clone()
            .filter(|&i| main_clause(t, i, range))
            .any(|i| {
                let cue = reader.lexicon.cue_at(&reader.words, i);
                let forecast = t.upos(i) == "VERB"
                    && cue.is_some_and(|(_, c)| c.kind == ClaimKind::Prediction);
                forecast || t.upos(i) == "AUX" && reader.is(Class::Future, i)
            })
    })
}

/// Whether token `i` belongs to the main clause of `range` by the parse: no clausal
/// relation (a complement, relative or adverbial clause) on its way up to the word whose
/// head lies outside `range`. A modal there hedges the claim; one deeper ("to show it could
/// strike", "actions that could escalate") hedges only its own clause.
fn main_clause(t: &tree::Tree, i: usize, range: &Range<usize>) -> bool {
    // (a modal, a copula, a mark: the word of the clause it serves)
    let mut at = match base(t.deprel(i)) {
        "aux" | "cop" | "mark" | "advmod" => t.head(i).unwrap_or(i),
        _ => i,
    };
    for _ in 0..range.len() {
        match t.head(at) {
            Some(h) if range.contains(&h) => {
                if matches!(
                    base(t.deprel(at)),
                    "ccomp" | "xcomp" | "acl" | "advcl" | "csubj"
                ) {
                    return false;
                }
                at = h;
            }
            _ => return true,
        }
    }
    true
}

/// The hedges among tokens `range`; "May" the month is not one, nor a modal outside the
/// range's main clause.
fn hedges_in(reader: &Reader, range: &Range<usize>) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let token = reader.tokens[i];
        let month = !token.sentence_start && is_capitalised(token.text(reader.text));
        let deeper = reader.tree.upos(i) == "AUX" && !main_clause(&reader.tree, i, range);
        match reader.lexicon.hedge_at(&reader.words[..range.end], i) {
            Some(len) if !month && !deeper => {
                out.extend(byte_span(reader.tokens, &(i..i + len)));
                i += len;
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests;
