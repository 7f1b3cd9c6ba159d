//! What the index keeps of one briefing: its text (for full-text search and the lines hits
//! are printed on), the analysis as `brief extract` gives it less the text (for what is
//! built across briefings later), and rows the search filters on: claims with their kind,
//! source and place, actors with every name they go by and the lines they are named on.

use serde::Serialize;

use crate::analysis::Analysis;
use crate::document::{Document, Span};
use crate::schema::{ClaimIds, to_json};

/// One briefing, analysed, as the index stores it.
#[derive(Debug, Clone)]
pub struct Record {
    pub fingerprint: String,
    pub title: Option<String>,
    pub source: Option<String>,
    /// YYYY-MM-DD: compared as text by `after:` and `before:`.
    pub published: Option<String>,
    pub text: String,
    /// The `brief.analysis/1` JSON without `document.text`, which the text column holds,
    /// and without the words of each span, which the offsets give.
    pub analysis: String,
    pub claims: Vec<ClaimRow>,
    pub actors: Vec<ActorRow>,
    /// What reading it noticed, printed when the library closes.
    pub warnings: Vec<String>,
}

/// A claim as the search finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRow {
    /// c1, c2 ... as `brief extract` numbers them.
    pub id: String,
    pub kind: String,
    /// Who says it, lower case: the source's words and every name of the actors they stand
    /// for, one a line (what `source:` looks in).
    pub who: String,
    /// Bytes of the text.
    pub span: Span,
    /// The line (from 1) the claim begins on.
    pub line: usize,
}

/// An actor as `actor:` finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorRow {
    /// a1, a2 ... as `brief extract` numbers them.
    pub id: String,
    /// Its name and aliases, lower case, one a line.
    pub names: String,
    /// The lines (from 1) it is named on, in order, without repeats.
    pub lines: Vec<usize>,
}

impl Record {
    /// The title, source and published date (YYYY-MM-DD) a briefing gives, as kept.
    pub fn described(doc: &Document) -> (Option<String>, Option<String>, Option<String>) {
        (
            doc.meta.title.clone().filter(|t| !t.trim().is_empty()),
            doc.meta.source.clone().filter(|s| !s.trim().is_empty()),
            doc.meta.published.map(|d| d.to_string()),
        )
    }

    pub fn new(doc: &Document, analysis: &Analysis, warnings: Vec<String>) -> Record {
        let json = to_json(doc, analysis, None, warnings.clone());
        let mut value = serde_json::to_value(&json).expect("the analysis serialises");
        if let Some(document) = value.get_mut("document").and_then(|d| d.as_object_mut()) {
            document.remove("text");
        }
        without_quoted_words(&mut value);
        let lines = LineStarts::new(&doc.text);
        let ids = ClaimIds::new(&analysis.claims);
        let claims = analysis
            .claims
            .iter()
            .enumerate()
            .map(|(i, claim)| {
                let mut who = Vec::new();
                if let Some(source) = &claim.source {
                    who.push(doc.slice(source.span).to_lowercase());
                    for actor in source.actors.iter().filter_map(|&a| analysis.actors.get(a)) {
                        who.push(actor.name.to_lowercase());
                        who.extend(actor.aliases.iter().map(|a| a.to_lowercase()));
                    }
                }
                ClaimRow {
                    id: ids.get(i),
                    kind: word(&claim.kind),
                    who: who.join("\n"),
                    span: claim.span,
                    line: lines.line(claim.span.start),
                }
            })
            .collect();
        let actors = analysis
            .actors
            .iter()
            .enumerate()
            .map(|(i, actor)| {
                let names: Vec<String> = std::iter::once(&actor.name)
                    .chain(&actor.aliases)
                    .map(|n| n.to_lowercase())
                    .collect();
                let mut at: Vec<usize> = actor
                    .mentions
                    .iter()
                    .map(|m| lines.line(m.span().start))
                    .collect();
                at.dedup();
                ActorRow {
                    id: format!("a{}", i + 1),
                    names: names.join("\n"),
                    lines: at,
                }
            })
            .collect();
        let (title, source, published) = Record::described(doc);
        Record {
            fingerprint: doc.fingerprint.clone(),
            title,
            source,
            published,
            text: doc.text.clone(),
            analysis: value.to_string(),
            claims,
            actors,
            warnings,
        }
    }
}

/// Drops the `text` of every span (`start`, `end`, `text`): the words are the document's
/// between the offsets, and kept twice they made up most of the index.
fn without_quoted_words(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(fields) => {
            if fields.contains_key("start") && fields.contains_key("end") {
                fields.remove("text");
            }
            fields.values_mut().for_each(without_quoted_words);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(without_quoted_words),
        _ => {}
    }
}

/// A value's name as the contract's JSON spells it ("assertion", "person").
pub(super) fn word(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Where each line of a text begins, to turn a byte offset into a line number.
pub struct LineStarts(Vec<usize>);

impl LineStarts {
    pub fn new(text: &str) -> LineStarts {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        LineStarts(starts)
    }

    /// The line (from 1) byte `at` is on.
    pub fn line(&self, at: usize) -> usize {
        self.0.partition_point(|&start| start <= at).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offsets_become_lines_from_one() {
        let lines = LineStarts::new("ab\ncd\n\nef");
        let found: Vec<usize> = [0, 2, 3, 6, 7, 8].iter().map(|&b| lines.line(b)).collect();
        assert_eq!(found, [1, 1, 2, 3, 4, 4]);
    }
}
