//! The analysis: pure and deterministic, no I/O and no clock. One file per extractor; each
//! extractor reads the shared tokens and what the extractors before it found.

pub mod actors;
pub mod claims;
pub mod language;
pub mod lexicon;
pub mod mentions;
pub mod model;
mod sections;
pub mod syntax;
pub mod timeline;
pub mod times;
pub mod tokens;

pub use lexicon::UserLexicon;
pub use model::*;

use crate::document::Document;

/// The analysis of a briefing; a long one, or one of very many tokens, is analysed a section
/// at a time ([`sections::needed`]), so that memory stays within a small multiple of its size.
pub fn analyze(doc: &Document, lexicon: &UserLexicon) -> Analysis {
    if sections::needed(doc) {
        sections::analyze(doc, lexicon)
    } else {
        analyze_whole(doc, lexicon)
    }
}

fn analyze_whole(doc: &Document, lexicon: &UserLexicon) -> Analysis {
    let tokens = tokens::tokenize(doc);
    if !language::is_english(doc, &tokens) {
        return Analysis {
            english: false,
            ..Analysis::default()
        };
    }
    let (mut times, tensed) = times::extract_tensed(doc, &tokens);
    // parsed once: the sentences with a cue, for the claims, those with several dates, for
    // the timeline, those with a time whose tense the words left unsure, and those with a
    // capital travelled to or from, for the actors (parsing is most of the cost of an
    // analysis, and the other sentences do not read it)
    let for_claims = claims::wants_parse(&doc.text, lexicon);
    let for_timeline = timeline::wants_parse(&doc.text, &times);
    let for_times = times::wants_parse(&times, &tensed);
    let for_actors = actors::wants_parse(&doc.text);
    let syntax = syntax::Syntax::of_sentences(doc, &tokens, move |s| {
        for_claims(s) || for_timeline(s) || for_times(s) || for_actors(s)
    });
    let actors = actors::extract(doc, &tokens, &times, &syntax, lexicon);
    let mentions = mentions::MentionIndex::new(&actors);
    // a time whose value its tense decides, in the tense of the verb it hangs on
    times::retense(&doc.text, &mut times, &tensed, &syntax, &tokens);
    // where each sentence's own words begin, read once for the claims and the timeline
    let sentences = claims::sentences(&doc.text, &tokens);
    let claims = claims::extract(doc, &tokens, &sentences, &syntax, &mentions, lexicon);
    let timeline = timeline::build(
        doc, &tokens, &sentences, &times, &syntax, &claims, &mentions,
    );
    Analysis {
        english: true,
        actors,
        claims,
        times,
        timeline,
    }
}
