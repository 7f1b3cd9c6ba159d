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

use std::collections::HashMap;

use jiff::civil::Date;

use super::events::{Found, Relation, Target, Tense};
use crate::analysis::model::Timex;

/// Where an event sorts: a day (None before every day: nothing is known), a phase within
/// that day (0 before the day's dated events, 1 the dated events, 2 after them, 3 after
/// everything known), and the position in the text.
type Key = (Option<Date>, u8, usize);

/// The events' indices in chronological order.
pub fn chronological(found: &[Found], times: &[Timex], published: Option<Date>) -> Vec<usize> {
    let dates: Vec<Option<Date>> = found
        .iter()
        .map(|f| f.time.and_then(|t| interval_start(&times[t].value)))
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
    let now = published.or(latest);
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
fn news_peg(dates: &[Option<Date>], published: Option<Date>) -> Option<Date> {
    let Some(published) = published else {
        return dates.iter().flatten().max().copied();
    };
    let week_before = published.saturating_sub(jiff::Span::new().days(7));
    dates
        .iter()
        .flatten()
        .filter(|d| (week_before..=published).contains(d))
        .max()
        .copied()
        .or(Some(published))
}

/// Each event's link as (the event it points at, relation).
fn link_targets(found: &[Found], dates: &[Option<Date>]) -> Vec<Option<(usize, Relation)>> {
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
    dates: &[Option<Date>],
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

/// The first day of a TIMEX3 date value's interval: 2022 (a year), 2022-02, 2024-11-22,
/// 2024-11-22T10:00, 2024-W47, 2024-Q3, 2024-H2, 2024-SU (a season), 199 (a decade),
/// 19 (a century). None for values that name no day (PAST_REF, XXXX-02, P3Y).
pub fn interval_start(value: &str) -> Option<Date> {
    let date = value.split('T').next()?;
    let mut parts = date.split('-');
    let head = parts.next()?;
    if !head.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let year: i16 = match head.len() {
        4 => head.parse().ok()?,
        3 => head.parse::<i16>().ok()? * 10,
        2 => head.parse::<i16>().ok()? * 100,
        _ => return None,
    };
    let Some(second) = parts.next() else {
        return Date::new(year, 1, 1).ok();
    };
    let month_day = |month: i8| Date::new(year, month, 1).ok();
    if let Some(week) = second.strip_prefix('W') {
        let week: i8 = week.parse().ok()?;
        let iso = jiff::civil::ISOWeekDate::new(year, week, jiff::civil::Weekday::Monday).ok()?;
        return Some(iso.date());
    }
    match second {
        "Q1" | "H1" => return month_day(1),
        "Q2" => return month_day(4),
        "Q3" | "H2" => return month_day(7),
        "Q4" => return month_day(10),
        "SP" => return month_day(3),
        "SU" => return month_day(6),
        "FA" => return month_day(9),
        "WI" => return month_day(12),
        _ => {}
    }
    let month: i8 = second.parse().ok()?;
    let day: i8 = match parts.next() {
        Some(d) => d.parse().ok()?,
        None => 1,
    };
    Date::new(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn interval_starts() {
        assert_eq!(interval_start("2022-02"), Some(date(2022, 2, 1)));
        assert_eq!(interval_start("2024-11-22"), Some(date(2024, 11, 22)));
        assert_eq!(interval_start("2024-11-22T10:00"), Some(date(2024, 11, 22)));
        assert_eq!(interval_start("2024-11-22TMO"), Some(date(2024, 11, 22)));
        assert_eq!(interval_start("2024-W47"), Some(date(2024, 11, 18)));
        assert_eq!(interval_start("2024-Q3"), Some(date(2024, 7, 1)));
        assert_eq!(interval_start("2023-SU"), Some(date(2023, 6, 1)));
        assert_eq!(interval_start("2022"), Some(date(2022, 1, 1)));
        assert_eq!(interval_start("199"), Some(date(1990, 1, 1)));
        assert_eq!(interval_start("PAST_REF"), None);
        assert_eq!(interval_start("XXXX-02"), None);
        assert_eq!(interval_start("P3Y"), None);
        assert_eq!(interval_start("2024-02-30"), None);
    }
}
