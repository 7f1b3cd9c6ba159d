//! The analyst's corrections applied to an analysis: a claim the machine missed, two actors
//! that are one. Both are idempotent, so re-applying them to a new analysis is safe.

use crate::analysis::{Analysis, Claim, ClaimKind};
use crate::document::{Document, Span};

/// Adds a claim over `span` (bytes, on character boundaries) unless the analysis already has
/// one there; returns its index. Claims stay in text order, so the indices of later claims
/// (and the `contradicts` lists that hold them) move up by one.
pub fn add_claim(doc: &Document, analysis: &mut Analysis, span: Span) -> usize {
    if let Some(i) = analysis.claims.iter().position(|c| c.span == span) {
        return i;
    }
    let sentence = doc
        .sentences
        .iter()
        .filter(|s| s.overlaps(span))
        .fold(span, |cover, &s| cover.cover(s));
    let at = analysis
        .claims
        .partition_point(|c| c.span.start <= span.start);
    for claim in &mut analysis.claims {
        for other in &mut claim.contradicts {
            if *other >= at {
                *other += 1;
            }
        }
    }
    analysis.claims.insert(
        at,
        Claim {
            span,
            fragments: None,
            sentence,
            source: None,
            cue: None,
            kind: ClaimKind::Other,
            hedges: Vec::new(),
            contradicts: Vec::new(),
        },
    );
    at
}

/// The actor with this canonical name, else the one that has it as an alias.
pub fn find_actor(analysis: &Analysis, name: &str) -> Option<usize> {
    let actors = &analysis.actors;
    actors.iter().position(|a| a.name == name).or_else(|| {
        actors
            .iter()
            .position(|a| a.aliases.iter().any(|x| x == name))
    })
}

/// Folds actor `from` into actor `into`: its mentions, aliases and role; every reference to
/// `from` (claim sources, timeline events, affiliations) then names `into`. Returns `false`
/// and changes nothing when the two are the same or either is out of range.
pub fn merge_actors(analysis: &mut Analysis, from: usize, into: usize) -> bool {
    let n = analysis.actors.len();
    if from == into || from >= n || into >= n {
        return false;
    }
    let gone = analysis.actors.remove(from);
    let remap = |i: usize| {
        let i = if i == from { into } else { i };
        if i > from { i - 1 } else { i }
    };
    let target = remap(into);
    let actor = &mut analysis.actors[target];
    for alias in std::iter::once(&gone.name).chain(&gone.aliases) {
        if !actor.aliases.contains(alias) {
            actor.aliases.push(alias.clone());
        }
    }
    actor.mentions.extend(gone.mentions);
    actor.mentions.sort_by_key(|m| m.span);
    actor.mentions.dedup_by_key(|m| m.span);
    if actor.role.is_none() {
        actor.role = gone.role;
    }
    if actor.affiliation.is_none() {
        actor.affiliation = gone.affiliation;
    }
    for (i, actor) in analysis.actors.iter_mut().enumerate() {
        actor.affiliation = actor.affiliation.map(remap).filter(|&a| a != i);
    }
    let remap_all = |list: &mut Vec<usize>| {
        for i in list.iter_mut() {
            *i = remap(*i);
        }
        let mut seen = Vec::with_capacity(list.len());
        list.retain(|i| {
            let new = !seen.contains(i);
            seen.push(*i);
            new
        });
    };
    for claim in &mut analysis.claims {
        if let Some(source) = &mut claim.source {
            remap_all(&mut source.actors);
        }
    }
    for event in &mut analysis.timeline {
        remap_all(&mut event.actors);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Actor, ActorKind, Event, Source, UserLexicon, analyze};
    use crate::document::Meta;

    fn doc(text: &str) -> Document {
        Document::from_text(text, Meta::default()).0
    }

    #[test]
    fn an_added_claim_keeps_text_order_and_contradiction_indices() {
        let d = doc("Alpha happened. Beta happened. Gamma happened.");
        let mut analysis = Analysis::default();
        let claim = |s: usize, e: usize, contradicts: Vec<usize>| Claim {
            span: Span::new(s, e),
            fragments: None,
            sentence: Span::new(s, e),
            source: None,
            cue: None,
            kind: ClaimKind::Assertion,
            hedges: vec![],
            contradicts,
        };
        analysis.claims = vec![claim(0, 15, vec![1]), claim(31, 46, vec![0])];
        let at = add_claim(&d, &mut analysis, Span::new(16, 30));
        assert_eq!(at, 1);
        assert_eq!(analysis.claims[1].sentence, Span::new(16, 30));
        assert_eq!(analysis.claims[0].contradicts, vec![2]);
        assert_eq!(analysis.claims[2].contradicts, vec![0]);
        // Idempotent.
        assert_eq!(add_claim(&d, &mut analysis, Span::new(16, 30)), 1);
        assert_eq!(analysis.claims.len(), 3);
    }

    #[test]
    fn merging_folds_mentions_and_moves_every_reference() {
        let mut analysis = Analysis {
            actors: vec![
                Actor::named_at("Pyongyang", ActorKind::Place, &[(0, 9)]),
                Actor::named_at("Seoul", ActorKind::Place, &[(20, 25)]),
                Actor::named_at("North Korea", ActorKind::Country, &[(30, 41)]),
            ],
            ..Analysis::default()
        };
        analysis.claims = analyze(&doc("x"), &UserLexicon::default()).claims;
        analysis.claims.push(Claim {
            span: Span::new(0, 1),
            fragments: None,
            sentence: Span::new(0, 1),
            source: Some(Source {
                actors: vec![0, 2, 1],
                span: Span::new(0, 1),
            }),
            cue: None,
            kind: ClaimKind::Assertion,
            hedges: vec![],
            contradicts: vec![],
        });
        analysis.timeline.push(Event {
            label: "x".into(),
            span: Span::new(0, 1),
            time: None,
            actors: vec![2, 0],
            within: None,
        });
        analysis.actors[1].affiliation = Some(2);
        assert!(merge_actors(&mut analysis, 0, 2));
        assert_eq!(analysis.actors.len(), 2);
        let merged = &analysis.actors[1];
        assert_eq!(merged.name, "North Korea");
        assert_eq!(merged.aliases, vec!["North Korea", "Pyongyang"]);
        assert_eq!(merged.mentions.len(), 2);
        assert_eq!(merged.mentions[0].span, Span::new(0, 9));
        let source = analysis.claims.last().unwrap().source.as_ref().unwrap();
        assert_eq!(source.actors, vec![1, 0]);
        assert_eq!(analysis.timeline[0].actors, vec![1]);
        assert_eq!(analysis.actors[0].affiliation, Some(1));
        assert_eq!(find_actor(&analysis, "Pyongyang"), Some(1));
        assert!(!merge_actors(&mut analysis, 1, 1));
        assert!(!merge_actors(&mut analysis, 5, 1));
    }
}
