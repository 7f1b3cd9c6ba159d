//! Which of a clause's dates its event carries, read from the parse: the date attached to
//! the clause's head verb ("The ministers who met in March signed the treaty on Friday" is
//! Friday's signing), not the first one written.

use std::ops::Range;

use super::events::CLAUSE_MARKS;
use crate::analysis::model::{Timex, TimexType};
use crate::analysis::syntax::Syntax;
use crate::analysis::times::TimeValue;
use crate::analysis::tokens::Token;
use crate::document::Span;

/// The dates and times (not a vague PAST_REF and the like) inside `span`, in text order;
/// `times` is sorted by position.
pub fn dates(times: &[Timex], span: Span) -> impl Iterator<Item = usize> + '_ {
    let from = times.partition_point(|t| t.span.start < span.start);
    (from..times.len())
        .take_while(move |&i| times[i].span.start < span.end)
        .filter(move |&i| {
            let t = &times[i];
            span.contains(t.span)
                && matches!(t.kind, TimexType::Date | TimexType::Time)
                && !matches!(t.value, TimeValue::Ref(_))
        })
}

/// The sentences whose parse the timeline reads: those with two dates in one stretch
/// between commas, colons, dashes or brackets, where the first need not be the one its verb
/// carries. Elsewhere each clause has one date at most, which the parse would not change.
pub fn wants_parse<'a>(text: &'a str, times: &'a [Timex]) -> impl Fn(&[Token]) -> bool + 'a {
    move |sentence| {
        let (Some(first), Some(last)) = (sentence.first(), sentence.last()) else {
            return false;
        };
        // asked of every sentence: the dates walked once, nothing collected
        let mut previous: Option<Span> = None;
        dates(times, Span::new(first.span.start, last.span.end)).any(|d| {
            let span = times[d].span;
            let joined = previous.is_some_and(|p| !text[p.end..span.start].contains(CLAUSE_MARKS));
            previous = Some(span);
            joined
        })
    }
}

/// Of the clause's dates (two or more), the one attached to its head verb: the verb of the
/// clause nearest the sentence's root, reached from the date's own head word through the
/// words it hangs on. Of several so attached, one with no other verb between the head verb
/// and it: the parser often hangs a relative clause's date on the main verb ("who met in
/// March signed"), and word order tells those apart; one premodifying a noun only after the
/// verb's own adjuncts. `None` when the clause was not parsed,
/// or no date is its verb's.
pub fn verb_date(
    syntax: &Syntax,
    tokens: &[Token],
    clause: Range<usize>,
    times: &[Timex],
    dates: &[usize],
) -> Option<usize> {
    let verb = |t: usize| syntax.upos(t) == "VERB";
    let depth = |mut t: usize| {
        let mut d = 0;
        while let Some(h) = syntax.head(t).filter(|_| d <= clause.end) {
            t = h;
            d += 1;
        }
        d
    };
    let head = clause
        .clone()
        .filter(|&t| verb(t))
        .min_by_key(|&t| depth(t))?;
    let words = |d: usize| {
        let span = times[d].span;
        tokens.partition_point(|t| t.span.start < span.start)
            ..tokens.partition_point(|t| t.span.start < span.end)
    };
    // the date's head word, the one whose head lies outside it
    let head_word = |d: usize| {
        let words = words(d);
        words
            .clone()
            .find(|&w| syntax.head(w).is_none_or(|h| !words.contains(&h)))
    };
    // the verb the date hangs on, from its head word
    let governor = |d: usize| {
        let mut at = head_word(d)?;
        for _ in 0..clause.end {
            match syntax.head(at) {
                Some(h) if verb(h) => return Some(h),
                Some(h) => at = h,
                None => return None,
            }
        }
        None
    };
    // a date that premodifies a noun describes it ("its second-quarter results on July
    // 30"): the verb's own adjunct goes first
    let describes = |d: &usize| {
        head_word(*d).is_some_and(|w| {
            syntax.head(w).is_some_and(|h| !verb(h))
                && matches!(syntax.deprel(w), "amod" | "compound" | "nmod:poss")
        })
    };
    let (mut attached, described): (Vec<usize>, Vec<usize>) = dates
        .iter()
        .copied()
        .filter(|&d| governor(d) == Some(head))
        .partition(|d| !describes(d));
    attached.extend(described);
    let in_order = |d: &usize| {
        let before = (clause.start..words(*d).start).rev().find(|&t| verb(t));
        before.is_none_or(|v| v == head)
    };
    attached
        .iter()
        .copied()
        .find(in_order)
        .or(attached.first().copied())
}
