//! The analyst's corrections applied to an analysis: a claim the machine missed, a claim's
//! source or parts, two actors that are one, an actor renamed, split or removed, a mention
//! moved, an event dated, removed or added. Each is idempotent where it
//! can be (an added claim, a merge, a rename), so re-applying them to a new analysis is safe.

use jiff::civil::Date;

use crate::analysis::times::{TimeValue, sort_key};
use crate::analysis::{
    Actor, ActorId, Analysis, Claim, ClaimKind, Event, EventId, GivenDate, Mention, Source,
    TimexType,
};
use crate::document::{Document, Span};

use super::model::Part;

/// Adds a claim over `span` (bytes, on character boundaries), the analyst's `number`th,
/// unless the analysis already has one there; returns its index. Claims stay in text order,
/// so the indices of later claims (and the `contradicts` lists that hold them) move up by
/// one; their ids do not ([`crate::schema::ClaimIds`]).
pub fn add_claim(doc: &Document, analysis: &mut Analysis, span: Span, number: usize) -> usize {
    if let Some(i) = analysis.claims.iter().position(|c| c.span == span) {
        return i;
    }
    let sentence = doc
        .sentences
        .iter()
        .filter(|s| s.overlaps(span))
        .fold(span, Span::cover);
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
            added: Some(number),
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
    keep_actor_ids(analysis);
    let gone = analysis.actors.remove(from);
    let target = if into > from { into - 1 } else { into };
    let actor = &mut analysis.actors[target];
    for alias in std::iter::once(&gone.name).chain(&gone.aliases) {
        if !actor.aliases.contains(alias) {
            actor.aliases.push(alias.clone());
        }
    }
    actor.mentions.extend(gone.mentions);
    actor.mentions.sort_by_key(|m| m.span());
    actor.mentions.dedup_by_key(|m| m.span());
    if actor.role.is_none() {
        actor.role = gone.role;
    }
    if actor.affiliation.is_none() {
        actor.affiliation = gone.affiliation;
    }
    renumber_actors(analysis, from, Some(into));
    true
}

/// Removes actor `actor` (not an actor at all) and every reference to it: claims it was the
/// source of keep their words without it, events lose it, affiliations to it end. `false`
/// when out of range.
pub fn remove_actor(analysis: &mut Analysis, actor: usize) -> bool {
    if actor >= analysis.actors.len() {
        return false;
    }
    keep_actor_ids(analysis);
    analysis.actors.remove(actor);
    renumber_actors(analysis, actor, None);
    true
}

/// Before actors go or come, each keeps the id its place gave it, so no correction
/// renumbers the machine's ids.
fn keep_actor_ids(analysis: &mut Analysis) {
    for (i, actor) in analysis.actors.iter_mut().enumerate() {
        actor.id.get_or_insert(ActorId::Machine(i));
    }
}

/// After actor `gone` left the list: every reference to it names `instead` (none: is
/// dropped), references to the actors after it move down by one, and no list names an actor
/// twice or an actor its own affiliation.
fn renumber_actors(analysis: &mut Analysis, gone: usize, instead: Option<usize>) {
    let remap = |i: usize| {
        let i = if i == gone { instead? } else { i };
        Some(if i > gone { i - 1 } else { i })
    };
    for (i, actor) in analysis.actors.iter_mut().enumerate() {
        actor.affiliation = actor.affiliation.and_then(remap).filter(|&a| a != i);
    }
    let remap_all = |list: &mut Vec<usize>| {
        let mut seen = Vec::with_capacity(list.len());
        for i in list.iter().filter_map(|&i| remap(i)) {
            if !seen.contains(&i) {
                seen.push(i);
            }
        }
        *list = seen;
    };
    for claim in &mut analysis.claims {
        if let Some(source) = &mut claim.source {
            remap_all(&mut source.actors);
        }
    }
    for event in &mut analysis.timeline {
        remap_all(&mut event.actors);
    }
}

/// Where mentions moved go.
#[derive(Debug, Clone, Copy)]
pub enum Destination<'a> {
    /// An actor of the analysis, by index.
    Actor(usize),
    /// A new actor of this name, the analyst's `number`th (ua<number>).
    New { name: &'a str, number: usize },
}

/// Moves the mentions of actor `from` that `moved` picks to `to`: an actor, or a new one of
/// `from`'s kind (appended, so no actor's index moves); the words of those
/// mentions become aliases of where they went and stop being `from`'s when none of its
/// mentions reads so any more. A claim's source or an event that holds a moved mention names
/// where it went too, and stops naming `from` when it holds no mention of it. An actor left
/// without mentions is removed. Returns where they went (its index after any removal), none
/// when nothing moved.
pub fn move_mentions(
    doc: &Document,
    analysis: &mut Analysis,
    from: usize,
    to: Destination,
    moved: impl Fn(Span) -> bool,
) -> Option<usize> {
    if let Destination::Actor(into) = to
        && (into == from || into >= analysis.actors.len())
    {
        return None;
    }
    let actor = analysis.actors.get_mut(from)?;
    let (gone, left): (Vec<Mention>, Vec<Mention>) =
        actor.mentions.iter().partition(|m| moved(m.span()));
    if gone.is_empty() {
        return None;
    }
    actor.mentions = left.clone();
    let reads = |ms: &[Mention], alias: &str| ms.iter().any(|m| doc.slice(m.span()) == alias);
    actor
        .aliases
        .retain(|a| reads(&left, a) || !reads(&gone, a));
    let kind = actor.kind;
    let into = match to {
        Destination::Actor(into) => into,
        Destination::New { name, number } => {
            keep_actor_ids(analysis);
            analysis.actors.push(Actor {
                name: name.to_string(),
                kind,
                role: None,
                affiliation: None,
                aliases: Vec::new(),
                mentions: Vec::new(),
                id: Some(ActorId::Added(number)),
            });
            analysis.actors.len() - 1
        }
    };
    let target = &mut analysis.actors[into];
    for m in &gone {
        let alias = doc.slice(m.span());
        if !target.aliases.iter().any(|a| a == alias) {
            target.aliases.push(alias.to_string());
        }
    }
    target.mentions.extend(gone.iter().copied());
    target.mentions.sort_by_key(|m| m.span());
    target.mentions.dedup_by_key(|m| m.span());
    let holds = |ms: &[Mention], span: Span| ms.iter().any(|m| span.contains(m.span()));
    let repoint = |actors: &mut Vec<usize>, span: Span| {
        if !actors.contains(&from) || !holds(&gone, span) {
            return;
        }
        if !actors.contains(&into) {
            actors.push(into);
        }
        if !holds(&left, span) {
            actors.retain(|&a| a != from);
        }
    };
    for claim in &mut analysis.claims {
        if let Some(source) = &mut claim.source {
            repoint(&mut source.actors, source.span);
        }
    }
    for event in &mut analysis.timeline {
        repoint(&mut event.actors, event.span);
    }
    if left.is_empty() {
        remove_actor(analysis, from);
        return Some(if into > from { into - 1 } else { into });
    }
    Some(into)
}

/// Gives actor `actor` the name `to`; the name it had stays among its aliases, so a
/// re-applied rename finds it. `false` when out of range or `to` is blank.
pub fn rename_actor(analysis: &mut Analysis, actor: usize, to: &str) -> bool {
    let to = to.trim();
    let Some(actor) = analysis.actors.get_mut(actor).filter(|_| !to.is_empty()) else {
        return false;
    };
    let old = std::mem::replace(&mut actor.name, to.to_string());
    for name in [old, to.to_string()] {
        if !actor.aliases.contains(&name) {
            actor.aliases.push(name);
        }
    }
    true
}

/// Makes actor `actor` (none: no one) the source of claim `claim`. The source's words, which
/// the panes and exports show, stay the machine's when they hold a mention of the actor
/// (they read "The Syrian Observatory" where the mention is "Observatory"); else they are
/// the actor's mention nearest before the claim (or the first after it). `false` when
/// either is out of range or the actor has no mention.
pub fn set_claim_source(analysis: &mut Analysis, claim: usize, actor: Option<usize>) -> bool {
    let Some(at) = analysis.claims.get(claim).map(|c| c.span.start) else {
        return false;
    };
    let source = match actor {
        None => None,
        Some(a) => {
            let Some(mentions) = analysis.actors.get(a).map(|a| &a.mentions) else {
                return false;
            };
            let words = analysis.claims[claim].source.as_ref().map(|s| s.span);
            if let Some(words) = words.filter(|w| mentions.iter().any(|m| w.contains(m.span()))) {
                analysis.claims[claim].source = Some(Source {
                    actors: vec![a],
                    span: words,
                });
                return true;
            }
            let before = mentions.partition_point(|m| m.span().start < at);
            let Some(mention) = before
                .checked_sub(1)
                .and_then(|k| mentions.get(k))
                .or(mentions.get(before))
            else {
                return false;
            };
            Some(Source {
                actors: vec![a],
                span: mention.span(),
            })
        }
    };
    analysis.claims[claim].source = source;
    true
}

/// Makes `words` (bytes; none for [`Part::NoHedges`]) part `part` of claim `claim`: its
/// content (the sentence around it following), cue, source (the words, and the actors with
/// a mention inside them) or one more hedge. `false` when out of range or without words.
pub fn set_claim_part(
    doc: &Document,
    analysis: &mut Analysis,
    claim: usize,
    part: Part,
    words: Option<Span>,
) -> bool {
    let named = words.map(|w| actors_in(analysis, w)).unwrap_or_default();
    let Some(c) = analysis.claims.get_mut(claim) else {
        return false;
    };
    match (part, words) {
        (Part::NoHedges, _) => c.hedges.clear(),
        (Part::Content, Some(w)) => {
            c.span = w;
            c.fragments = None;
            c.sentence = doc
                .sentences
                .iter()
                .filter(|s| s.overlaps(w))
                .fold(w, |cover, s| cover.cover(s));
        }
        (Part::Cue, Some(w)) => c.cue = Some(w),
        (Part::Source, Some(w)) => {
            c.source = Some(Source {
                actors: named,
                span: w,
            })
        }
        (Part::Hedge, Some(w)) => {
            if !c.hedges.contains(&w) {
                c.hedges.push(w);
                c.hedges.sort_unstable();
            }
        }
        (_, None) => return false,
    }
    true
}

/// The actors with a mention inside `span`, in the order of their first mention there.
fn actors_in(analysis: &Analysis, span: Span) -> Vec<usize> {
    let mut actors: Vec<(usize, usize)> = analysis
        .actors
        .iter()
        .enumerate()
        .filter_map(|(a, actor)| {
            let first = actor.mentions.iter().find(|m| span.contains(m.span()))?;
            Some((first.span().start, a))
        })
        .collect();
    actors.sort_unstable();
    actors.into_iter().map(|(_, a)| a).collect()
}

/// The event stated by exactly these bytes, else the one overlapping them most when that is
/// more than half of the longer of the two (a new analysis may have moved a boundary).
pub fn event_at(analysis: &Analysis, span: Span) -> Option<usize> {
    let events = &analysis.timeline;
    events.iter().position(|e| e.span == span).or_else(|| {
        events
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let overlap = e
                    .span
                    .end
                    .min(span.end)
                    .saturating_sub(e.span.start.max(span.start));
                (overlap * 2 > e.span.len().max(span.len())).then_some((overlap, i))
            })
            .max_by_key(|&(overlap, _)| overlap)
            .map(|(_, i)| i)
    })
}

/// Before events move or go, each keeps the id its place gave it, so no correction
/// renumbers the machine's ids.
fn keep_event_ids(analysis: &mut Analysis) {
    for (i, event) in analysis.timeline.iter_mut().enumerate() {
        event.id.get_or_insert(EventId::Machine(i));
    }
}

/// Where a dated event goes in the timeline: before the first dated event that begins
/// later (or is as early and shorter); none when its date has no place in the calendar.
fn place(
    timeline: &[Event],
    analysis: &Analysis,
    value: &TimeValue,
    published: Option<Date>,
) -> Option<usize> {
    let key = sort_key(value, published)?;
    let later = |e: &Event| {
        e.date(&analysis.times)
            .and_then(|(v, _)| sort_key(v, published))
            .is_some_and(|k| k > key)
    };
    Some(timeline.iter().position(later).unwrap_or(timeline.len()))
}

/// Gives event `event` the analyst's date (none: undated) and moves a dated one to its
/// place in time; returns where it now is. `None` when out of range.
pub fn set_event_date(
    analysis: &mut Analysis,
    event: usize,
    given: Option<GivenDate>,
    published: Option<Date>,
) -> Option<usize> {
    if event >= analysis.timeline.len() {
        return None;
    }
    keep_event_ids(analysis);
    let mut moved = analysis.timeline.remove(event);
    moved.time = None;
    moved.given = given;
    let at = match &moved.given {
        Some(given) => {
            moved.within = None;
            place(&analysis.timeline, analysis, &given.value, published)
        }
        None => None,
    };
    let at = at.unwrap_or(event);
    analysis.timeline.insert(at, moved);
    Some(at)
}

/// Removes event `event` (not an event at all). `false` when out of range.
pub fn remove_event(analysis: &mut Analysis, event: usize) -> bool {
    if event >= analysis.timeline.len() {
        return false;
    }
    keep_event_ids(analysis);
    analysis.timeline.remove(event);
    true
}

/// How long an added event's label may be, as the machine's labels are (about 60 characters).
const LABEL: usize = 60;

/// Adds the event stated by `span` (bytes), the analyst's `number`th, unless the timeline
/// has one there; returns its index. Its date is the first date or time inside the words
/// (placed by it in time), else it is undated and goes after the event stated before it in
/// the text; its actors are those named inside the words.
pub fn add_event(doc: &Document, analysis: &mut Analysis, span: Span, number: usize) -> usize {
    if let Some(i) = analysis.timeline.iter().position(|e| e.span == span) {
        return i;
    }
    keep_event_ids(analysis);
    let time = analysis
        .times
        .iter()
        .position(|t| span.contains(t.span) && matches!(t.kind, TimexType::Date | TimexType::Time));
    let actors = actors_in(analysis, span);
    let mut label = String::new();
    for word in doc.slice(span).split_whitespace() {
        if !label.is_empty() && label.len() + 1 + word.len() > LABEL {
            label.push('…');
            break;
        }
        if !label.is_empty() {
            label.push(' ');
        }
        label.push_str(word);
    }
    let event = Event {
        label,
        span,
        time,
        actors,
        within: None,
        given: None,
        id: Some(EventId::Added(number)),
    };
    let timeline = &analysis.timeline;
    let dated = time.and_then(|t| {
        place(
            timeline,
            analysis,
            &analysis.times[t].value,
            doc.meta.published,
        )
    });
    let at = dated.unwrap_or_else(|| {
        let before = timeline
            .iter()
            .enumerate()
            .filter(|(_, e)| e.span.start < span.start)
            .max_by_key(|(_, e)| e.span.start);
        before.map_or(0, |(i, _)| i + 1)
    });
    analysis.timeline.insert(at, event);
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Actor, ActorKind, Event, UserLexicon, analyze};
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
            added: None,
        };
        analysis.claims = vec![claim(0, 15, vec![1]), claim(31, 46, vec![0])];
        let at = add_claim(&d, &mut analysis, Span::new(16, 30), 1);
        assert_eq!(at, 1);
        assert_eq!(analysis.claims[1].sentence, Span::new(16, 30));
        assert_eq!(analysis.claims[0].contradicts, vec![2]);
        assert_eq!(analysis.claims[2].contradicts, vec![0]);
        // Idempotent.
        assert_eq!(add_claim(&d, &mut analysis, Span::new(16, 30), 1), 1);
        assert_eq!(analysis.claims.len(), 3);
    }

    #[test]
    fn a_source_set_keeps_the_machines_words_when_they_name_the_actor() {
        // "The Syrian Observatory said it. Jo Ames said so."
        let claim = |span: Span, source: Option<Source>| Claim {
            span,
            fragments: None,
            sentence: span,
            source,
            cue: None,
            kind: ClaimKind::Assertion,
            hedges: vec![],
            contradicts: vec![],
            added: None,
        };
        let mut analysis = Analysis {
            actors: vec![
                Actor::named_at("Syrian Observatory", ActorKind::Organization, &[(11, 22)]),
                Actor::named_at("Jo Ames", ActorKind::Person, &[(32, 39)]),
            ],
            ..Analysis::default()
        };
        let words = Span::new(0, 22);
        let source = Source {
            actors: vec![],
            span: words,
        };
        analysis.claims = vec![
            claim(Span::new(28, 30), Some(source)),
            claim(Span::new(45, 47), None),
        ];
        assert!(set_claim_source(&mut analysis, 0, Some(0)));
        let source = analysis.claims[0].source.clone().unwrap();
        assert_eq!((source.actors, source.span), (vec![0], words));
        // other words: the actor's mention nearest before the claim, else the first after
        assert!(set_claim_source(&mut analysis, 0, Some(1)));
        assert_eq!(
            analysis.claims[0].source.as_ref().unwrap().span,
            Span::new(32, 39)
        );
        assert!(set_claim_source(&mut analysis, 1, Some(1)));
        assert_eq!(
            analysis.claims[1].source.as_ref().unwrap().span,
            Span::new(32, 39)
        );
        assert!(set_claim_source(&mut analysis, 1, None));
        assert!(analysis.claims[1].source.is_none());
        assert!(!set_claim_source(&mut analysis, 5, None));
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
            added: None,
        });
        analysis.timeline.push(Event {
            label: "x".into(),
            span: Span::new(0, 1),
            time: None,
            actors: vec![2, 0],
            within: None,
            given: None,
            id: None,
        });
        analysis.actors[1].affiliation = Some(2);
        assert!(merge_actors(&mut analysis, 0, 2));
        assert_eq!(analysis.actors.len(), 2);
        let merged = &analysis.actors[1];
        assert_eq!(merged.name, "North Korea");
        assert_eq!(merged.aliases, vec!["North Korea", "Pyongyang"]);
        assert_eq!(merged.mentions.len(), 2);
        assert_eq!(merged.mentions[0].span(), Span::new(0, 9));
        let source = analysis.claims.last().unwrap().source.as_ref().unwrap();
        assert_eq!(source.actors, vec![1, 0]);
        assert_eq!(analysis.timeline[0].actors, vec![1]);
        assert_eq!(analysis.actors[0].affiliation, Some(1));
        assert_eq!(find_actor(&analysis, "Pyongyang"), Some(1));
        assert!(!merge_actors(&mut analysis, 1, 1));
        assert!(!merge_actors(&mut analysis, 5, 1));
    }
}
