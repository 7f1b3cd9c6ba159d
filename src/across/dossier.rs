//! An actor's dossier: everything the library holds about one library actor, briefing by
//! briefing in the order they were published: how it is named and what role it is given,
//! the claims it makes, the claims that name it, the events it takes part in.

use serde::Serialize;

use super::link::Linked;
use super::{At, Briefing, words};

/// What one briefing holds about the actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The briefing's id in the output (b1 ...).
    pub briefing: String,
    /// Its own actor ids for the library actor.
    pub actors: Vec<String>,
    pub names: Vec<String>,
    pub roles: Vec<String>,
    pub mentions: usize,
    /// Claims it makes.
    pub claims_by: Vec<Item>,
    /// Claims whose words name it, made by others.
    pub claims_about: Vec<Item>,
    pub events: Vec<Item>,
}

/// A claim or an event, with its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub id: String,
    /// A claim's kind, an event's date (TimeML's notation).
    pub what: Option<String>,
    pub words: String,
}

/// The dossier of library actor `actor`; `text` gives a briefing's text as the index holds
/// it (None: its words are left empty).
pub fn gather(
    briefings: &[Briefing],
    linked: &Linked,
    actor: usize,
    mut text: impl FnMut(&Briefing) -> Option<String>,
) -> Vec<Part> {
    let mut by: Vec<usize> = linked.actors[actor]
        .members
        .iter()
        .map(|&(b, _)| b)
        .collect();
    by.dedup();
    by.sort_by(|&x, &y| {
        let key = |b: usize| (briefings[b].published.clone(), briefings[b].path.clone());
        key(x).cmp(&key(y))
    });
    by.dedup();
    by.into_iter()
        .map(|b| {
            let briefing = &briefings[b];
            let own: Vec<&super::Actor> = linked.actors[actor]
                .members
                .iter()
                .filter(|&&(mb, _)| mb == b)
                .map(|&(_, a)| &briefing.actors[a])
                .collect();
            let ids: Vec<&str> = own.iter().map(|a| a.id.as_str()).collect();
            let body = text(briefing).unwrap_or_default();
            let said = |at: At| words(&body, at.start, at.end);
            let mentioned: Vec<At> = own.iter().flat_map(|a| a.mentions.clone()).collect();
            let mut claims_by = Vec::new();
            let mut claims_about = Vec::new();
            for claim in &briefing.claims {
                let item = Item {
                    id: claim.id.clone(),
                    what: Some(claim.kind.clone()),
                    words: said(At {
                        start: claim.start,
                        end: claim.end,
                    }),
                };
                let sources = claim.source.as_ref().map_or(&[][..], |s| &s.actors[..]);
                if sources.iter().any(|s| ids.contains(&s.as_str())) {
                    claims_by.push(item);
                } else if mentioned
                    .iter()
                    .any(|m| m.start >= claim.start && m.end <= claim.end)
                {
                    claims_about.push(item);
                }
            }
            let events = briefing
                .events
                .iter()
                .filter(|e| e.actors.iter().any(|a| ids.contains(&a.as_str())))
                .map(|e| Item {
                    id: e.id.clone(),
                    what: e.value.clone(),
                    words: e.label.clone(),
                })
                .collect();
            let mut names: Vec<String> = Vec::new();
            let mut roles: Vec<String> = Vec::new();
            for a in &own {
                for name in std::iter::once(&a.name).chain(&a.aliases) {
                    if !names.contains(name) {
                        names.push(name.clone());
                    }
                }
                if let Some(role) = a.role.as_ref().filter(|r| !roles.contains(r)) {
                    roles.push(role.clone());
                }
            }
            Part {
                briefing: briefing.id.clone(),
                actors: ids.iter().map(|s| s.to_string()).collect(),
                names,
                roles,
                mentions: mentioned.len(),
                claims_by,
                claims_about,
                events,
            }
        })
        .collect()
}
