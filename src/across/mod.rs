//! Across briefings: what the library holds about one actor, one event, taken together from
//! every briefing indexed. Built from the index (`index/`), which keeps each briefing's
//! analysis as `brief extract` gives it, and from the library review (`review.rs`), which
//! keeps what the analyst decided about the links; nothing here is stored, so it is always
//! what the files and the decisions give.
//!
//! `link.rs` makes one library actor of the briefings' actors that are the same, each link
//! with its reason; `claims.rs` groups the claims several briefings report and links those
//! another briefing denies (comparing words through `words.rs`); `timeline.rs` merges the briefings' timelines; `dossier.rs` gathers
//! everything held about one library actor; `related.rs` says of each claim which other
//! briefings report or contradict it; `sources.rs` is the source register; `report.rs` writes them out.

pub mod claims;
pub mod dossier;
pub mod link;
pub mod related;
pub mod report;
pub mod review;
pub mod sources;
pub mod timeline;
pub mod words;

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::analysis::times::Edge;
use crate::index::{Index, IndexError};

/// One briefing of the library, as much of its analysis as the cross-briefing work reads.
#[derive(Debug, Clone)]
pub struct Briefing {
    /// b1, b2 ... in path order: unique in one output.
    pub id: String,
    pub path: PathBuf,
    pub fingerprint: String,
    pub title: Option<String>,
    /// YYYY-MM-DD.
    pub published: Option<String>,
    /// Its web address and publisher, when it gives them.
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub actors: Vec<Actor>,
    pub claims: Vec<Claim>,
    pub events: Vec<Event>,
}

#[cfg(test)]
impl Briefing {
    /// The n-th briefing of a test library, with nothing in it yet.
    pub(crate) fn blank(n: usize) -> Briefing {
        Briefing {
            id: format!("b{n}"),
            path: format!("{n}.md").into(),
            fingerprint: String::new(),
            title: None,
            published: None,
            url: None,
            publisher: None,
            actors: Vec::new(),
            claims: Vec::new(),
            events: Vec::new(),
        }
    }
}

/// A briefing's actor, with its id as `brief extract` gives it.
#[derive(Debug, Clone, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub mentions: Vec<At>,
}

/// A span of the briefing's text, in code points.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
pub struct At {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Claim {
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub kind: String,
    #[serde(default)]
    pub source: Option<Source>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Source {
    #[serde(default)]
    pub actors: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Event {
    pub id: String,
    pub label: String,
    pub start: usize,
    pub end: usize,
    /// The normalised date (TimeML's notation), when the event has one.
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub actors: Vec<String>,
    /// Its time expression's index in the stored `times`, when the machine dated it.
    #[serde(default)]
    time: Option<usize>,
    /// The part of its date's period an edge word names ("late February"), from its time
    /// expression's `mod`: the merged timeline orders by it as a briefing's timeline does.
    #[serde(skip)]
    pub edge: Option<Edge>,
}

/// The part of a stored time expression read here: its edge word's `mod`.
#[derive(Deserialize)]
struct Time {
    #[serde(default, rename = "mod")]
    edge: Option<String>,
}

/// The part of the stored `brief.analysis/1` JSON read here.
#[derive(Deserialize)]
struct Stored {
    #[serde(default)]
    document: Described,
    #[serde(default)]
    actors: Vec<Actor>,
    #[serde(default)]
    claims: Vec<Claim>,
    #[serde(default)]
    times: Vec<Time>,
    #[serde(default)]
    timeline: Vec<Event>,
}

impl Stored {
    /// Its lists cut to their length: every briefing's are held at once, and a list read
    /// from JSON grows by doubling, a quarter of it spare on average.
    fn shrink(&mut self) {
        for actor in &mut self.actors {
            actor.aliases.shrink_to_fit();
            actor.mentions.shrink_to_fit();
        }
        for event in &mut self.timeline {
            event.actors.shrink_to_fit();
        }
        self.actors.shrink_to_fit();
        self.claims.shrink_to_fit();
        self.timeline.shrink_to_fit();
    }
}

/// The stored document's address and publisher.
#[derive(Deserialize, Default)]
struct Described {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

/// The briefings indexed under `roots` (all indexed when `roots` is empty) that could be
/// analysed, in path order.
pub fn load(index: &Index, roots: &[PathBuf]) -> Result<Vec<Briefing>, IndexError> {
    let within = |path: &Path| roots.is_empty() || roots.iter().any(|r| path.starts_with(r));
    let mut briefings = Vec::new();
    index.each_analysis(|held| {
        if !within(&held.path) {
            return;
        }
        // a row this brief wrote always reads; one that does not is left out, not fatal
        let Ok(mut stored) = serde_json::from_str::<Stored>(&held.analysis) else {
            return;
        };
        for event in &mut stored.timeline {
            event.edge = (event.time)
                .and_then(|t| stored.times.get(t)?.edge.as_deref())
                .and_then(Edge::from_code);
        }
        stored.times = Vec::new();
        stored.shrink();
        briefings.push(Briefing {
            id: format!("b{}", briefings.len() + 1),
            path: held.path,
            fingerprint: held.fingerprint,
            title: held.title,
            published: held.published,
            url: stored.document.url,
            publisher: stored.document.source,
            actors: stored.actors,
            claims: stored.claims,
            events: stored.timeline,
        });
    })?;
    Ok(briefings)
}

/// The words between two code-point offsets of `text`.
pub fn words(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}
