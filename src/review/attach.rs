//! A review attached to an analysis of a (possibly edited) text: corrections re-applied,
//! then every item found again by its quote. An item that cannot be found is marked
//! orphaned and kept where it was.

use crate::analysis::{Actor, Analysis, GivenDate};
use crate::document::{Document, Span};
use crate::schema::ClaimIds;

use super::anchor::locate;
use super::correct::{self, Destination};
use super::model::{Change, Correction, Quote, Review};

/// Applies every correction in force to `analysis`, then attaches the items.
pub fn attach(doc: &Document, analysis: &mut Analysis, review: &mut Review) {
    number_added(&mut review.corrections);
    for correction in &mut review.corrections {
        apply(doc, analysis, correction);
    }
    attach_items(doc, analysis, review);
}

/// Applies one correction (nothing if withdrawn); marks it orphaned when what it names is no
/// longer there.
pub fn apply(doc: &Document, analysis: &mut Analysis, correction: &mut Correction) {
    if correction.withdrawn {
        correction.orphaned = false;
        return;
    }
    correction.orphaned = match &mut correction.change {
        Change::AddClaim {
            quote,
            start,
            end,
            number,
        } => !relocate(doc, quote, (start, end)).is_some_and(|span| {
            correct::add_claim(doc, analysis, span, number.unwrap_or_default());
            true
        }),
        Change::ClaimKind {
            quote,
            cue,
            start,
            end,
            to,
        } => match find_claim(doc, analysis, quote, cue.as_deref(), (start, end)) {
            Some(claim) => {
                analysis.claims[claim].kind = *to;
                false
            }
            None => true,
        },
        Change::ClaimSource {
            quote,
            cue,
            start,
            end,
            actor,
        } => {
            let claim = find_claim(doc, analysis, quote, cue.as_deref(), (start, end));
            match (
                claim,
                actor.as_deref().map(|a| correct::find_actor(analysis, a)),
            ) {
                (Some(claim), None) => !correct::set_claim_source(analysis, claim, None),
                (Some(claim), Some(Some(a))) => {
                    !correct::set_claim_source(analysis, claim, Some(a))
                }
                _ => true,
            }
        }
        Change::ClaimPart {
            quote,
            cue,
            start,
            end,
            part,
            words,
            words_start,
        } => {
            let claim = find_claim(doc, analysis, quote, cue.as_deref(), (start, end));
            let marked = match words {
                Some(words) => {
                    let found = locate(&doc.text, words, *words_start);
                    if let Some(found) = &found {
                        *words_start = found.start;
                    }
                    found.map(|f| Some(f.bytes))
                }
                None => Some(None),
            };
            match (claim, marked) {
                (Some(claim), Some(marked)) => {
                    !correct::set_claim_part(doc, analysis, claim, *part, marked)
                }
                _ => true,
            }
        }
        Change::SplitActor {
            name,
            alias,
            into,
            number,
        } => {
            let target = into.as_deref().map(|n| correct::find_actor(analysis, n));
            match (correct::find_actor(analysis, name), target) {
                (Some(from), None | Some(Some(_))) => {
                    let to = target.flatten().map_or(
                        Destination::New {
                            name: alias,
                            number: number.unwrap_or_default(),
                        },
                        Destination::Actor,
                    );
                    let reads = |span: Span| doc.slice(span) == alias.as_str();
                    correct::move_mentions(doc, analysis, from, to, reads).is_none()
                }
                _ => true,
            }
        }
        Change::MoveMention {
            quote,
            start,
            end,
            into,
            number,
        } => {
            let words = relocate(doc, quote, (start, end));
            let target = into.as_deref().map(|n| correct::find_actor(analysis, n));
            let from = words.and_then(|w| {
                let holds = |a: &Actor| a.mentions.iter().any(|m| w.contains(m.span()));
                analysis.actors.iter().position(holds).map(|a| (a, w))
            });
            match (from, target) {
                (Some((from, w)), None | Some(Some(_))) => {
                    let name = doc.slice(w).trim();
                    let to = target.flatten().map_or(
                        Destination::New {
                            name,
                            number: number.unwrap_or_default(),
                        },
                        Destination::Actor,
                    );
                    let inside = |span: Span| w.contains(span);
                    correct::move_mentions(doc, analysis, from, to, inside).is_none()
                }
                _ => true,
            }
        }
        Change::RenameActor { name, to } => match correct::find_actor(analysis, name) {
            Some(a) => !correct::rename_actor(analysis, a, to),
            None => true,
        },
        Change::RetypeActor { name, to } => match correct::find_actor(analysis, name) {
            Some(a) => {
                analysis.actors[a].kind = *to;
                false
            }
            None => true,
        },
        Change::RemoveActor { name } => match correct::find_actor(analysis, name) {
            Some(a) => !correct::remove_actor(analysis, a),
            None => true,
        },
        Change::EventDate {
            quote,
            start,
            end,
            value,
            typed,
        } => match find_event(doc, analysis, quote, (start, end)) {
            Some(event) => {
                let given = value.map(|value| GivenDate {
                    value,
                    typed: typed.clone(),
                });
                correct::set_event_date(analysis, event, given, doc.meta.published).is_none()
            }
            None => true,
        },
        Change::RemoveEvent { quote, start, end } => {
            match find_event(doc, analysis, quote, (start, end)) {
                Some(event) => !correct::remove_event(analysis, event),
                None => true,
            }
        }
        Change::AddEvent {
            quote,
            start,
            end,
            number,
        } => !relocate(doc, quote, (start, end)).is_some_and(|span| {
            correct::add_event(doc, analysis, span, number.unwrap_or_default());
            true
        }),
        Change::MergeActors { from, into } => {
            match (
                correct::find_actor(analysis, from),
                correct::find_actor(analysis, into),
            ) {
                // Already folded (the name is now an alias of `into`): nothing to do.
                (Some(f), Some(i)) if f == i => false,
                (Some(f), Some(i)) => !correct::merge_actors(analysis, f, i),
                _ => true,
            }
        }
    };
}

/// What the analyst adds, each in a series of numbers of its own (u1 ... claims, ut1 ...
/// events, ua1 ... actors: those a split or a mention moved makes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    Claims,
    Events,
    Actors,
}

impl Series {
    const ALL: [Series; 3] = [Series::Claims, Series::Events, Series::Actors];

    /// The series of what the change adds, if it adds something.
    pub fn of(change: &Change) -> Option<Series> {
        Series::ALL
            .into_iter()
            .find(|s| s.number(&mut change.clone()).is_some())
    }

    /// The number of an addition of this series, if the change is one.
    pub fn number(self, change: &mut Change) -> Option<&mut Option<usize>> {
        match (self, change) {
            (Series::Claims, Change::AddClaim { number, .. })
            | (Series::Events, Change::AddEvent { number, .. })
            | (
                Series::Actors,
                Change::SplitActor {
                    into: None, number, ..
                }
                | Change::MoveMention {
                    into: None, number, ..
                },
            ) => Some(number),
            _ => None,
        }
    }
}

/// The number an addition was given, if the change is one.
fn added_number(change: &Change, series: Series) -> Option<usize> {
    series.number(&mut change.clone()).copied().flatten()
}

/// Gives each addition without a number (a format 2 file kept none) or with one an earlier
/// addition of its series took (two readers adding one at once) the next free number, in
/// the order kept; the others keep theirs.
pub fn number_added(corrections: &mut [Correction]) {
    for series in Series::ALL {
        let mut next = next_number(corrections, series);
        let mut taken = Vec::new();
        for correction in corrections.iter_mut() {
            if let Some(number) = series.number(&mut correction.change) {
                if number.is_none_or(|n| taken.contains(&n)) {
                    *number = Some(next);
                    next += 1;
                }
                taken.extend(*number);
            }
        }
    }
}

/// The number an addition of `series` about `target` ([`Change::target`]) takes: the one a
/// correction of the same thing was given, undone or not (an added claim added again, an
/// alias split off again, keeps its id), else one past every number given, undone ones too,
/// so no id is ever given to two things.
pub fn number_for(corrections: &[Correction], target: &Change, series: Series) -> usize {
    let same = corrections.iter().find(|c| c.change.target() == *target);
    same.and_then(|c| added_number(&c.change, series))
        .unwrap_or_else(|| next_number(corrections, series))
}

/// The number the next addition of `series` takes: one past every number given, undone
/// ones too, so no id is ever given twice.
fn next_number(corrections: &[Correction], series: Series) -> usize {
    let numbers = corrections
        .iter()
        .filter_map(|c| added_number(&c.change, series));
    numbers.max().unwrap_or(0) + 1
}

/// The claim a correction is about, found as a review item is (by its quote, then its cue);
/// `at` (code points) follows the quote to where it now is.
fn find_claim(
    doc: &Document,
    analysis: &Analysis,
    quote: &Quote,
    cue: Option<&str>,
    at: (&mut usize, &mut usize),
) -> Option<usize> {
    claim_at(doc, analysis, relocate(doc, quote, at)?, cue)
}

/// Where a correction's quote now is, in bytes; `at` (code points) follows it there.
fn relocate(doc: &Document, quote: &Quote, at: (&mut usize, &mut usize)) -> Option<Span> {
    let found = locate(&doc.text, quote, *at.0)?;
    (*at.0, *at.1) = (found.start, found.end);
    Some(found.bytes)
}

/// The event a correction is about, found by the quote of its words.
fn find_event(
    doc: &Document,
    analysis: &Analysis,
    quote: &Quote,
    at: (&mut usize, &mut usize),
) -> Option<usize> {
    correct::event_at(analysis, relocate(doc, quote, at)?)
}

/// Finds each claim review and note again in the text, and the claim each review is about.
pub fn attach_items(doc: &Document, analysis: &Analysis, review: &mut Review) {
    let ids = ClaimIds::new(&analysis.claims);
    for item in &mut review.claims {
        let claim = locate(&doc.text, &item.quote, item.start).and_then(|found| {
            (item.start, item.end) = (found.start, found.end);
            claim_at(doc, analysis, found.bytes, item.cue.as_deref())
        });
        item.index = claim;
        item.claim = claim.map(|c| ids.get(c));
        item.orphaned = claim.is_none();
    }
    for note in &mut review.notes {
        let found = locate(&doc.text, &note.quote, note.start);
        if let Some(found) = found {
            (note.start, note.end) = (found.start, found.end);
        }
        note.orphaned = found.is_none();
    }
}

/// The claim over exactly these bytes (of several, the one with this cue), else the one that
/// overlaps them most, when that is more than half of the longer of the two (the analysis
/// may have moved a boundary by a word) or, with the same cue, the whole of either (it may
/// have taken in or left out a part: a statement's second sentence, a clause of its
/// content; a word the analysis once took for a claim is not one inside another cue's).
pub fn claim_at(
    doc: &Document,
    analysis: &Analysis,
    span: Span,
    cue: Option<&str>,
) -> Option<usize> {
    let claims = &analysis.claims;
    let same_cue =
        |i: &usize| cue.is_none_or(|cue| claims[*i].cue.map(|c| doc.slice(c)) == Some(cue));
    let exact: Vec<usize> = (0..claims.len())
        .filter(|&i| claims[i].span == span)
        .collect();
    let exact = exact
        .iter()
        .copied()
        .find(same_cue)
        .or(exact.first().copied());
    exact.or_else(|| {
        claims
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let overlap = c
                    .span
                    .end
                    .min(span.end)
                    .saturating_sub(c.span.start.max(span.start));
                let longer = c.span.len().max(span.len());
                let whole = overlap == c.span.len().min(span.len()) && same_cue(&i);
                (overlap > 0 && (overlap * 2 > longer || whole)).then_some((overlap, i))
            })
            .max_by_key(|&(overlap, _)| overlap)
            .map(|(_, i)| i)
    })
}
