//! A review attached to an analysis of a (possibly edited) text: corrections re-applied,
//! then every item found again by its quote. An item that cannot be found is marked
//! orphaned and kept where it was.

use crate::analysis::Analysis;
use crate::document::{Document, Span};
use crate::schema::claim_id;

use super::anchor::locate;
use super::correct;
use super::model::{Change, Correction, Review};

/// Applies every correction in force to `analysis`, then attaches the items.
pub fn attach(doc: &Document, analysis: &mut Analysis, review: &mut Review) {
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
        Change::AddClaim { quote, start, end } => match locate(&doc.text, quote, *start) {
            Some(found) => {
                correct::add_claim(doc, analysis, found.bytes);
                (*start, *end) = (found.start, found.end);
                false
            }
            None => true,
        },
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

/// Finds each claim review and note again in the text, and the claim each review is about.
pub fn attach_items(doc: &Document, analysis: &Analysis, review: &mut Review) {
    for item in &mut review.claims {
        let claim = locate(&doc.text, &item.quote, item.start).and_then(|found| {
            (item.start, item.end) = (found.start, found.end);
            claim_at(doc, analysis, found.bytes, item.cue.as_deref())
        });
        item.claim = claim.map(claim_id);
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
