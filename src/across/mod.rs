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
pub mod stored;
pub mod strings;
pub mod timeline;
pub mod words;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::analysis::times::Edge;
use crate::index::{Index, IndexError};
use stored::Draft;
pub use strings::{Strings, Sym};

/// The library's briefings, each name, id, kind, label and date held once in `strings`:
/// every briefing's are held at once, and as strings of their own they took about 45 kB a
/// briefing of 4 kB.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub briefings: Vec<Briefing>,
    pub strings: Strings,
}

impl std::ops::Deref for Library {
    type Target = [Briefing];

    fn deref(&self) -> &[Briefing] {
        &self.briefings
    }
}

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
    pub actors: Box<[Actor]>,
    /// Every mention of its actors, actor by actor.
    pub mentions: Box<[Mention]>,
    pub claims: Box<[Claim]>,
    pub events: Box<[Event]>,
    /// The actors (places in `actors`) each claim gives as its source and each event names,
    /// one list cut by [`Briefing::sources`] and [`Briefing::actors_of`].
    named: Box<[u32]>,
}

/// A briefing's actor, with its id as `brief extract` gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: Sym,
    pub name: Sym,
    pub kind: Sym,
    pub role: Option<Sym>,
    pub aliases: Box<[Sym]>,
}

/// A mention of an actor (its place in the briefing's actors), in code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: u32,
    pub end: u32,
    pub actor: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    pub id: Sym,
    /// Its span, in code points.
    pub start: u32,
    pub end: u32,
    pub kind: Sym,
    source: Cut,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Event {
    pub id: Sym,
    pub label: Sym,
    /// The normalised date (TimeML's notation), when the event has one.
    pub value: Option<Sym>,
    /// The part of its date's period an edge word names ("late February"), from its time
    /// expression's `mod`: the merged timeline orders by it as a briefing's timeline does.
    pub edge: Option<Edge>,
    actors: Cut,
}

/// A run of a briefing's `named`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cut {
    at: u32,
    len: u32,
}

impl Briefing {
    /// The actors a claim gives as its source (the first actor of each id it names).
    pub fn sources(&self, claim: &Claim) -> &[u32] {
        self.cut(claim.source)
    }

    /// The actors an event names.
    pub fn actors_of(&self, event: &Event) -> &[u32] {
        self.cut(event.actors)
    }

    fn cut(&self, cut: Cut) -> &[u32] {
        &self.named[cut.at as usize..(cut.at + cut.len) as usize]
    }
}

impl Library {
    /// The string numbered `sym`.
    pub fn str(&self, sym: Sym) -> &str {
        self.strings.get(sym)
    }

    /// The library of these briefings, in their order.
    pub fn of(drafts: impl IntoIterator<Item = Draft>) -> Library {
        let mut library = Library::default();
        for draft in drafts {
            library.add(draft);
        }
        library
    }

    /// Adds a briefing, numbered after the others; the ids its claims and events name that
    /// none of its actors has are left out.
    pub fn add(&mut self, draft: Draft) {
        let strings = &mut self.strings;
        let mut ids: HashMap<&str, u32> = HashMap::with_capacity(draft.actors.len());
        for (i, actor) in draft.actors.iter().enumerate() {
            ids.entry(&actor.id).or_insert(i as u32);
        }
        let mut named: Vec<u32> = Vec::new();
        let mut cut = |listed: &[String]| {
            let at = named.len() as u32;
            named.extend(listed.iter().filter_map(|id| ids.get(id.as_str())));
            Cut {
                at,
                len: named.len() as u32 - at,
            }
        };
        let claims = (draft.claims.iter())
            .map(|c| Claim {
                id: strings.add(&c.id),
                start: c.start as u32,
                end: c.end as u32,
                kind: strings.add(&c.kind),
                source: cut(c.source.as_ref().map_or(&[][..], |s| &s.actors)),
            })
            .collect();
        let events = (draft.events.iter())
            .map(|e| Event {
                id: strings.add(&e.id),
                label: strings.add(&e.label),
                value: e.value.as_deref().map(|v| strings.add(v)),
                edge: e.edge,
                actors: cut(&e.actors),
            })
            .collect();
        let mentions = (draft.actors.iter().enumerate())
            .flat_map(|(a, actor)| {
                actor.mentions.iter().map(move |m| Mention {
                    start: m.start as u32,
                    end: m.end as u32,
                    actor: a as u32,
                })
            })
            .collect();
        let actors = (draft.actors.iter())
            .map(|a| Actor {
                id: strings.add(&a.id),
                name: strings.add(&a.name),
                kind: strings.add(&a.kind),
                role: a.role.as_deref().map(|r| strings.add(r)),
                aliases: a.aliases.iter().map(|n| strings.add(n)).collect(),
            })
            .collect();
        self.briefings.push(Briefing {
            id: format!("b{}", self.briefings.len() + 1),
            path: draft.path,
            fingerprint: draft.fingerprint,
            title: draft.title,
            published: draft.published,
            url: draft.url,
            publisher: draft.publisher,
            actors,
            mentions,
            claims,
            events,
            named: named.into(),
        });
    }
}

/// The briefings indexed under `roots` (all indexed when `roots` is empty) that could be
/// analysed, in path order.
pub fn load(index: &Index, roots: &[PathBuf]) -> Result<Library, IndexError> {
    let within = |path: &Path| roots.is_empty() || roots.iter().any(|r| path.starts_with(r));
    let mut library = Library::default();
    index.each_analysis(|held| {
        if !within(&held.path) {
            return;
        }
        let mut draft = Draft {
            path: held.path,
            fingerprint: held.fingerprint,
            title: held.title,
            published: held.published,
            ..Draft::default()
        };
        // a row this brief wrote always reads; one that does not is left out, not fatal
        if stored::read(&held.analysis, &mut draft) {
            library.add(draft);
        }
    })?;
    library.briefings.shrink_to_fit();
    Ok(library)
}

/// The words between two code-point offsets of `text`.
pub fn words(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}
