//! Placing events in time. A dated event sits at the start of its date's interval. An
//! undated one is placed by what the text says:
//! - a connective puts it just after ("since", "after", "following") or just before
//!   ("before", "until") the event it names;
//! - in the past or perfect it is background to the news: just before the news peg, the
//!   latest dated event in the week up to the published date (else the published date);
//! - in the present it is at the peg, after it; in the future, after everything up to the
//!   published date.
//!
//! Ties keep text order.

use foldhash::{HashMap, HashMapExt};

use jiff::civil::Date;

use super::events::{Found, Relation, Target, Tense};
use crate::analysis::model::Timex;
use crate::analysis::times::sort_key;

/// A date value's (first day, last day), as `times::sort_key` gives it.
type Interval = (Date, Date);

/// Where an event sorts: an interval (None before every interval: nothing is known), a phase
/// at that interval (0 before its dated events, 1 the dated events, 2 after them, 3 after
/// everything known), and the position in the text.
type Key = (Option<Interval>, u8, usize);

/// The events' indices in chronological order.
pub fn chronological(found: &[Found], times: &[Timex], published: Option<Date>) -> Vec<usize> {
    let dates: Vec<Option<Interval>> = found
        .iter()
        .map(|f| f.time.and_then(|t| sort_key(&times[t].value, published)))
        .collect();
    let peg = news_peg(&dates, published);
    let mut keys: Vec<Option<Key>> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| d.map(|d| (Some(d), 1, found[i].span.start)))
        .collect();
    let links = link_targets(found, &dates);
    // Links to dated events first, then links to events placed by those, a few steps deep; a
    // link that does not resolve (a cycle, an undated chain) falls back to the tense.
    for _ in 0..4 {
        let mut progress = false;
        for (i, link) in links.iter().enumerate() {
            let Some((target, relation)) = *link else {
                continue;
            };
            if keys[i].is_some() {
                continue;
            }
            if let Some((day, _, _)) = keys[target] {
                let phase = match relation {
                    Relation::After => 2,
                    Relation::Before => 0,
                };
                keys[i] = Some((day, phase, found[i].span.start));
                progress = true;
            }
        }
        if !progress {
            break;
        }
    }
    let latest = dates.iter().flatten().max().copied();
    let now = published.map(|d| (d, d)).or(latest);
    for (i, f) in found.iter().enumerate() {
        if keys[i].is_none() {
            let pos = f.span.start;
            keys[i] = Some(match f.tense {
                Tense::Past | Tense::Perfect => (peg, 0, pos),
                Tense::Present => (peg.max(now), 2, pos),
                Tense::Future => (now, 3, pos),
            });
        }
    }
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| keys[i]);
    order
}

/// The day of the news: the latest dated event within a week before publication, else the
/// published date, else (undated article) the latest date in it.
fn news_peg(dates: &[Option<Interval>], published: Option<Date>) -> Option<Interval> {
    let Some(published) = published else {
        return dates.iter().flatten().max().copied();
    };
    let week_before = published.saturating_sub(jiff::Span::new().days(7));
    dates
        .iter()
        .flatten()
        .filter(|(start, _)| (week_before..=published).contains(start))
        .max()
        .copied()
        .or(Some((published, published)))
}

/// Each event's link as (the event it points at, relation).
fn link_targets(found: &[Found], dates: &[Option<Interval>]) -> Vec<Option<(usize, Relation)>> {
    let mut by_noun: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, f) in found.iter().enumerate() {
        for noun in &f.nouns {
            by_noun.entry(noun).or_default().push(j);
        }
    }
    found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let link = f.link.as_ref()?;
            let target = match &link.target {
                Target::Event(j) => *j,
                Target::Nouns { nouns, names } => {
                    named_event(found, dates, &by_noun, i, nouns, names)?
                }
            };
            Some((target, link.relation))
        })
        .collect()
}

/// The event a noun phrase names: one whose clause has the same event noun, preferring a
/// dated one and one that shares a name ("its invasion of Ukraine" is "the invasion of
/// Ukraine began in February 2022").
fn named_event(
    found: &[Found],
    dates: &[Option<Interval>],
    by_noun: &HashMap<&str, Vec<usize>>,
    me: usize,
    nouns: &[String],
    names: &[String],
) -> Option<usize> {
    nouns
        .iter()
        .flat_map(|n| by_noun.get(n.as_str()).into_iter().flatten())
        .filter(|&&j| j != me)
        .max_by_key(|&&j| {
            let shared = found[j].names.iter().filter(|n| names.contains(n)).count();
            (dates[j].is_some(), shared, std::cmp::Reverse(j))
        })
        .copied()
}
