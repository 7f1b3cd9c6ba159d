//! The search across the library (`S`), run off the UI thread: [`Library`](super::Library)
//! makes a [`Job`] of the query and, in the library's order, where each briefing's text is;
//! the event loop runs it on a blocking thread with an index connection of its own and hands
//! back what it [`Found`]. The query matches words from their start in every text (as FTS5
//! matches its words), so the briefings the index holds are narrowed first by its FTS5 table
//! (the query's words, its last one as a prefix) without losing a hit: only the texts that
//! hold them are read.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::{Analysed, Hit};
use crate::document::{Span, Spans};
use crate::index::Index;
use crate::tui::search::Query;

/// At most this many hits are listed: the query is then too common to be useful.
pub const MAX_HITS: usize = 2000;
/// Characters of context before a hit.
const LEAD: usize = 40;

/// Where a briefing's text is.
#[derive(Debug, Clone)]
pub enum Source {
    /// Read: its document and analysis in memory.
    Read(Arc<Analysed>),
    /// Listed from the index: its text there, by its index path.
    Indexed(PathBuf),
}

/// A search to run: the query typed and the briefings in the library's order.
#[derive(Debug)]
pub struct Job {
    pub generation: u64,
    pub query: String,
    pub briefings: Vec<(usize, Source)>,
    /// The data dir of the library's index, which the thread opens for itself.
    pub data_dir: Option<PathBuf>,
    /// Set when a newer search replaces this one.
    pub stop: Arc<AtomicBool>,
}

/// What a search found.
#[derive(Debug, Default)]
pub struct Found {
    pub generation: u64,
    pub list: Vec<Hit>,
    /// More were found than are listed.
    pub capped: bool,
}

impl Job {
    /// Runs the search on `index` (the one the briefings listed from it are read from).
    pub fn run(&self, index: Option<&Index>) -> Found {
        let mut found = Found {
            generation: self.generation,
            ..Found::default()
        };
        let Some(query) = Query::from_word_start(&self.query) else {
            return found;
        };
        // the briefings the index holds that have the words; all of them when the query has
        // no word (punctuation alone), one word of one or two letters, an apostrophe or a
        // script written without spaces (`Index::holding`), or the index cannot say
        let holding: Option<HashSet<PathBuf>> =
            index.and_then(|index| index.holding(&self.query).ok().flatten());
        for (entry, source) in &self.briefings {
            if self.stop.load(Ordering::Relaxed) {
                break;
            }
            let text = match source {
                Source::Read(b) => Text::read(b),
                Source::Indexed(path) => {
                    if holding.as_ref().is_some_and(|h| !h.contains(path)) {
                        continue;
                    }
                    let Some(text) = index.and_then(|i| i.text(path).ok().flatten()) else {
                        continue;
                    };
                    Text {
                        text: std::borrow::Cow::Owned(text),
                        claims: None,
                        sentences: None,
                    }
                }
            };
            let Text {
                text,
                mut claims,
                sentences,
            } = text;
            for span in query.find_iter(&text) {
                if found.list.len() == MAX_HITS {
                    found.capped = true;
                    return found;
                }
                // an indexed briefing's claims are read once it has a hit
                let claims = claims.get_or_insert_with(|| match (source, index) {
                    (Source::Indexed(path), Some(index)) => {
                        index.claim_spans(path).unwrap_or_default()
                    }
                    _ => Vec::new(),
                });
                let claim = claims
                    .iter()
                    .position(|c| c.start <= span.start && span.end <= c.end);
                found.list.push(Hit {
                    entry: *entry,
                    span,
                    context: context(&text, sentences, span),
                    claim,
                });
            }
        }
        found
    }
}

/// A briefing's text as the search reads it.
struct Text<'a> {
    text: std::borrow::Cow<'a, str>,
    claims: Option<Vec<Span>>,
    /// Its sentences, when read (else the hit's line stands for its sentence).
    sentences: Option<&'a Spans>,
}

impl Text<'_> {
    fn read(b: &Analysed) -> Text<'_> {
        Text {
            text: std::borrow::Cow::Borrowed(&b.doc.text),
            claims: Some(b.analysis.claims.iter().map(|c| c.span).collect()),
            sentences: Some(&b.doc.sentences),
        }
    }
}

/// The hit's sentence (its line, when the sentences are not known) from a little before
/// the hit, on one line.
fn context(text: &str, sentences: Option<&Spans>, span: Span) -> String {
    let k = sentences.map_or(0, |all| all.partition_point(|s| s.end <= span.start));
    let line = || {
        let start = text[..span.start].rfind('\n').map_or(0, |at| at + 1);
        let end = text[span.end..]
            .find('\n')
            .map_or(text.len(), |at| span.end + at);
        Span::new(start, end)
    };
    let sentence = sentences
        .and_then(|all| all.get(k))
        .filter(|s| s.start <= span.start)
        .unwrap_or_else(line);
    let before = &text[sentence.start..span.start];
    let from = before
        .char_indices()
        .rev()
        .nth(LEAD)
        .map_or(sentence.start, |(at, _)| sentence.start + at);
    let end = sentence.end.max(span.end);
    let lead = if from > sentence.start { "…" } else { "" };
    format!("{lead}{}", &text[from..end])
}
