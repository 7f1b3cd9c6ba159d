//! Looking things up in an analysis by their words, for the extraction tests.

use brief::analysis::{Actor, Analysis, TimexType, UserLexicon, analyze};
use brief::document::Document;

pub fn analyse(bytes: &[u8]) -> (Document, Analysis) {
    let (doc, warnings) = Document::from_bytes(bytes).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let analysis = analyze(&doc, &UserLexicon::default());
    (doc, analysis)
}

/// The one actor with this name, and its index.
pub fn actor<'a>(analysis: &'a Analysis, name: &str) -> (usize, &'a Actor) {
    let found: Vec<(usize, &Actor)> = analysis
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.name == name)
        .collect();
    let names: Vec<&str> = analysis.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(found.len(), 1, "exactly one actor {name}: {names:?}");
    found[0]
}

/// The (type, value) of the time expression with exactly these words.
pub fn time(doc: &Document, analysis: &Analysis, words: &str) -> (TimexType, String) {
    analysis
        .times
        .iter()
        .find(|t| doc.slice(t.span) == words)
        .map(|t| (t.kind, t.value.to_string()))
        .unwrap_or_else(|| panic!("no time expression {words:?}"))
}

/// The first claim whose content contains these words.
pub fn claim(doc: &Document, analysis: &Analysis, words: &str) -> usize {
    analysis
        .claims
        .iter()
        .position(|c| doc.slice(c.span).contains(words))
        .unwrap_or_else(|| panic!("no claim containing {words:?}"))
}

/// The names of the actors a claim's source names, sorted.
pub fn source(analysis: &Analysis, claim: usize) -> Vec<&str> {
    let mut names: Vec<&str> = analysis.claims[claim]
        .source
        .iter()
        .flat_map(|s| s.actors.iter().map(|&a| analysis.actors[a].name.as_str()))
        .collect();
    names.sort_unstable();
    names
}

pub fn cue(doc: &Document, analysis: &Analysis, claim: usize) -> String {
    analysis.claims[claim]
        .cue
        .map_or(String::new(), |c| doc.slice(c).to_string())
}

pub fn hedges<'a>(doc: &'a Document, analysis: &Analysis, claim: usize) -> Vec<&'a str> {
    analysis.claims[claim]
        .hedges
        .iter()
        .map(|&h| doc.slice(h))
        .collect()
}

/// The timeline position of the event whose label contains these words.
pub fn event(analysis: &Analysis, words: &str) -> usize {
    let labels: Vec<&str> = analysis.timeline.iter().map(|e| e.label.as_str()).collect();
    labels
        .iter()
        .position(|l| l.contains(words))
        .unwrap_or_else(|| panic!("no event {words:?} in {labels:?}"))
}
