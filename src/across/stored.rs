//! A briefing as the index stores it (`brief.analysis/1`), the part the work across
//! briefings reads, with the contract's ids and code-point offsets: read one briefing at a
//! time and put in the library's compact form ([`super::Library::add`]).

use std::path::PathBuf;

use serde::Deserialize;

use crate::analysis::times::Edge;

/// One briefing, as read.
#[derive(Debug, Clone, Default)]
pub struct Draft {
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
impl Draft {
    /// The n-th briefing of a test library, with nothing in it yet.
    pub(crate) fn blank(n: usize) -> Draft {
        Draft {
            path: format!("{n}.md").into(),
            ..Draft::default()
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
    /// The normalised date (TimeML's notation), when the event has one.
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub actors: Vec<String>,
    /// Its time expression's index in the stored `times`, when the machine dated it.
    #[serde(default)]
    pub time: Option<usize>,
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

/// The stored document's address and publisher.
#[derive(Deserialize, Default)]
struct Described {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

/// A stored analysis read into `draft` (its actors, claims, events, address and
/// publisher); false when it does not read.
pub fn read(analysis: &str, draft: &mut Draft) -> bool {
    let Ok(mut stored) = serde_json::from_str::<Stored>(analysis) else {
        return false;
    };
    for event in &mut stored.timeline {
        event.edge = (event.time)
            .and_then(|t| stored.times.get(t)?.edge.as_deref())
            .and_then(Edge::from_code);
    }
    draft.url = stored.document.url;
    draft.publisher = stored.document.source;
    draft.actors = stored.actors;
    draft.claims = stored.claims;
    draft.events = stored.timeline;
    true
}
