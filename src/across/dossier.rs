//! An actor's dossier: everything the library holds about one library actor, briefing by
//! briefing in the order they were published: how it is named and what role it is given,
//! the claims it makes, the claims that name it, the events it takes part in.

use serde::Serialize;

use super::link::Linked;
use super::{Briefing, Library, words};

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
    briefings: &Library,
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
            let own: Vec<u32> = linked.actors[actor]
                .members
                .iter()
                .filter(|&&(mb, _)| mb == b)
                .map(|&(_, a)| a as u32)
                .collect();
            let ids: Vec<&str> = (own.iter())
                .map(|&a| briefings.str(briefing.actors[a as usize].id))
                .collect();
            let body = text(briefing).unwrap_or_default();
            let said = |start: u32, end: u32| words(&body, start as usize, end as usize);
            let mentioned: Vec<&super::Mention> = (briefing.mentions.iter())
                .filter(|m| own.contains(&m.actor))
                .collect();
            let mut claims_by = Vec::new();
            let mut claims_about = Vec::new();
            for claim in briefing.claims.iter() {
                let item = Item {
                    id: briefings.str(claim.id).to_string(),
                    what: Some(briefings.str(claim.kind).to_string()),
                    words: said(claim.start, claim.end),
                };
                if briefing.sources(claim).iter().any(|a| own.contains(a)) {
                    claims_by.push(item);
                } else if mentioned
                    .iter()
                    .any(|m| m.start >= claim.start && m.end <= claim.end)
                {
                    claims_about.push(item);
                }
            }
            let events = (briefing.events.iter())
                .filter(|e| briefing.actors_of(e).iter().any(|a| own.contains(a)))
                .map(|e| Item {
                    id: briefings.str(e.id).to_string(),
                    what: e.value.map(|v| briefings.str(v).to_string()),
                    words: briefings.str(e.label).to_string(),
                })
                .collect();
            let mut names: Vec<String> = Vec::new();
            let mut roles: Vec<String> = Vec::new();
            for a in own.iter().map(|&a| &briefing.actors[a as usize]) {
                for &name in std::iter::once(&a.name).chain(&a.aliases) {
                    let name = briefings.str(name);
                    if !names.iter().any(|n| n == name) {
                        names.push(name.to_string());
                    }
                }
                let role = a.role.map(|r| briefings.str(r));
                if let Some(role) = role.filter(|r| !roles.iter().any(|x| x == r)) {
                    roles.push(role.to_string());
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
