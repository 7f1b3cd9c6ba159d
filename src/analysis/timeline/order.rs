//! Placing events in time. A dated event sits at the start of its date's interval (the part
//! of it an edge word names: "late February" after "early February"). An
//! undated one is placed by what the text says:
//! - a connective puts it just after ("since", "after", "following") or just before
//!   ("before", "until") the event it names;
//! - in the past or perfect it is background to the news: just before the news peg, the
//!   latest dated event in the week up to the published date (else the published date;
//!   without a published date, with the news after the text's dates);
//! - in the present it is at the peg, after it; in the future, after everything up to the
//!   published date.
//!
//! Ties keep text order.

use foldhash::{HashMap, HashMapExt};

use jiff::civil::Date;

use super::events::{Found, Relation, Target, Tense};
use crate::analysis::model::{Timex, Within};
use crate::analysis::times::{Calendar, PeriodUnit, TimeValue, sort_key, sort_key_within};

/// A date value's (first day, last day), as `times::sort_key` gives it.
type Interval = (Date, Date);

/// Where an event sorts: an interval (None before every interval: nothing is known), a phase
/// at that interval (0 before its dated events, 1 the dated events, 2 after them, 3 after
/// everything known), and the position in the text.
type Key = (Option<Interval>, u8, usize);

/// The events' indices in chronological order. A dated event sits in the part of its date's
/// period an edge word names ("late February": its last third, after "early February"); the
/// news peg is of whole periods, as in [`bounds`], so an edge word orders only within its period.
pub fn chronological(found: &[Found], times: &[Timex], published: Option<Date>) -> Vec<usize> {
    let dates: Vec<Option<Interval>> = found
        .iter()
        .map(|f| {
            f.time
                .and_then(|t| sort_key_within(&times[t].value, times[t].edge, published))
        })
        .collect();
    let peg = news_peg(&whole_periods(found, times, published), published);
    let latest = dates.iter().flatten().max().copied();
    let now = published.map(|d| (d, d)).or(latest);
    let mut keys: Vec<Option<Key>> = dates
        .iter()
        .zip(found)
        .map(|(d, f)| match (d, f.time) {
            (Some(d), _) => Some((Some(*d), 1, f.span.start)),
            // told over a stretch between two dates: at its start, as a dated event
            (None, None) if let Some((from, _)) = f.range => {
                let start = sort_key_within(&times[from].value, times[from].edge, published);
                start.map(|s| (Some(s), 1, f.span.start))
            }
            // a weekday or a month whose year is left open (no published date) lies near the
            // article's own date: with the news, after the text's dates
            (None, Some(t)) if times[t].value.open() => Some((now, 2, f.span.start)),
            _ => None,
        })
        .collect();
    let links = link_targets(found, &dates);
    // Links to dated events first, then links to events placed by those, a few steps deep; a
    // link that does not resolve (a cycle, an undated chain) falls back to the tense.
    for _ in 0..4 {
        let mut progress = false;
        for (i, link) in links.iter().enumerate() {
            let Some((linked, relation)) = *link else {
                continue;
            };
            if keys[i].is_some() {
                continue;
            }
            let day = match linked {
                Linked::Event(target) => keys[target].map(|(day, _, _)| day),
                Linked::Date(t) => {
                    sort_key_within(&times[t].value, times[t].edge, published).map(Some)
                }
            };
            if let Some(day) = day {
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
    for (i, f) in found.iter().enumerate() {
        if keys[i].is_none() {
            let pos = f.span.start;
            keys[i] = Some(match f.tense {
                // a past told beside a date of an earlier era is of that era
                Tense::Past if let Some(era) = earlier_era(f, times, published, peg) => {
                    (Some(era), 0, pos)
                }
                Tense::Past | Tense::Perfect if published.is_some() => (peg, 0, pos),
                // without a published date the text's latest date may be a background
                // paragraph's ("the war began in 2022"), not the news: the past it does not
                // date goes with the news, as a weekday whose year is open does
                Tense::Past | Tense::Perfect => (now, 2, pos),
                Tense::Present => (peg.max(now), 2, pos),
                Tense::Future => (now, 3, pos),
            });
        }
    }
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| keys[i]);
    order
}

/// For each undated event, the interval it is known to lie in, from what places it:
/// - a connective to a dated event bounds it on that side ("since the invasion": after it;
///   "before the talks": before them);
/// - the past or perfect puts it before the news peg (the peg's own date, else the published
///   day; nothing without a published day), as the ordering does, but a perfect since a date
///   runs up to the published day
///   ("since 10 May, 200 have been killed"); the future after the published day;
/// - the present holds as of the published day ("the plan is 16 per cent funded").
///
/// A bound that would not leave room (after a date that begins later than the other bound
/// ends) is dropped, as the text then says no more than the connective.
pub fn bounds(found: &[Found], times: &[Timex], published: Option<Date>) -> Vec<Option<Within>> {
    let dates = whole_periods(found, times, published);
    let peg = news_peg(&dates, published);
    let today = published.map(|d| TimeValue::Date(Calendar::day(d)));
    // the peg as a value: the dated event's own, else the published day; none without a
    // published day, when the latest date of the text may be background, not the news
    let peg_value = peg
        .filter(|_| published.is_some())
        .and_then(|p| {
            (0..found.len())
                .filter(|&i| dates[i] == Some(p))
                .find_map(|i| found[i].time.map(|t| times[t].value))
        })
        .or(today);
    let links = link_targets(found, &dates);
    found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            if f.time.is_some() {
                return None;
            }
            if let Some((from, to)) = f.range {
                return Some(Within {
                    after: Some(times[from].value),
                    before: Some(times[to].value),
                    present: false,
                });
            }
            // "over the past 48 hours": from that long before the report's day to it
            if let (Some(d), Some(day)) = (f.past, published)
                && let Some(start) = back(day, &times[d].value)
            {
                return Some(Within {
                    after: Some(TimeValue::Date(Calendar::day(start))),
                    before: today,
                    present: false,
                });
            }
            let (mut after, mut before) = (None, None);
            if let Some((linked, relation)) = links[i] {
                let value = match linked {
                    Linked::Event(target) => found[target].time.filter(|_| dates[target].is_some()),
                    Linked::Date(t) => {
                        Some(t).filter(|&t| sort_key(&times[t].value, published).is_some())
                    }
                }
                .map(|t| times[t].value);
                match relation {
                    Relation::After => after = value,
                    Relation::Before => before = value,
                }
            }
            // what the tense adds, where it leaves room for what the connective says
            let room = |a: Option<TimeValue>, b: Option<TimeValue>| match (a, b) {
                (Some(a), Some(b)) => match (a.interval(), b.interval()) {
                    (Some((start, _)), Some((_, end))) => start <= end,
                    _ => true,
                },
                _ => true,
            };
            let mut present = false;
            match f.tense {
                Tense::Perfect if after.is_some() && before.is_none() && today.is_some() => {
                    before = today.filter(|_| room(after, today));
                }
                Tense::Past | Tense::Perfect if before.is_none() && room(after, peg_value) => {
                    before = peg_value;
                }
                // a state with nothing else to bound it holds as of the published day
                Tense::Present if after.is_none() && before.is_none() => {
                    (after, before, present) = (today, today, today.is_some());
                }
                Tense::Present if room(after.or(today), before.or(today)) => {
                    after = after.or(today);
                    before = before.or(today);
                }
                Tense::Future if after.is_none() && room(today, before) => after = today,
                _ => {}
            }
            (after.is_some() || before.is_some()).then_some(Within {
                after,
                before,
                present,
            })
        })
        .collect()
}

/// The day a duration of whole units runs back to from `day` (hours by the day they reach
/// into: 48 hours back from the 15th is the 13th).
fn back(day: Date, duration: &TimeValue) -> Option<Date> {
    let TimeValue::Duration(amount, None) = duration else {
        return None;
    };
    let n = i64::from(amount.count?);
    let span = match amount.unit {
        PeriodUnit::Year => jiff::Span::new().years(n),
        PeriodUnit::Quarter => jiff::Span::new().months(3 * n),
        PeriodUnit::Month => jiff::Span::new().months(n),
        PeriodUnit::Week => jiff::Span::new().weeks(n),
        PeriodUnit::Day => jiff::Span::new().days(n),
        PeriodUnit::Hour => jiff::Span::new().days((n + 23) / 24),
        PeriodUnit::Minute | PeriodUnit::Second => jiff::Span::new(),
    };
    day.checked_sub(span).ok()
}

/// The date of an undated event's own sentence when it ends more than a year before the news
/// peg begins: the era the sentence tells of, which the event is placed in (just before that
/// date) rather than among the news.
fn earlier_era(
    f: &Found,
    times: &[Timex],
    published: Option<Date>,
    peg: Option<Interval>,
) -> Option<Interval> {
    let era = sort_key(&times[f.era?].value, published)?;
    let (news, _) = peg?;
    let year_before = news.saturating_sub(jiff::Span::new().years(1));
    (era.1 < year_before).then_some(era)
}

/// Each event's date as the whole period its value names, edge words aside.
fn whole_periods(
    found: &[Found],
    times: &[Timex],
    published: Option<Date>,
) -> Vec<Option<Interval>> {
    found
        .iter()
        .map(|f| f.time.and_then(|t| sort_key(&times[t].value, published)))
        .collect()
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

/// What an event's connective links it to: another event, or a date of the text (an index
/// into the times).
#[derive(Debug, Clone, Copy)]
enum Linked {
    Event(usize),
    Date(usize),
}

/// Each event's link as (what it points at, relation).
fn link_targets(found: &[Found], dates: &[Option<Interval>]) -> Vec<Option<(Linked, Relation)>> {
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
                Target::Event(j) => Linked::Event(*j),
                Target::Date(t) => Linked::Date(*t),
                Target::Nouns { nouns, names } => {
                    Linked::Event(named_event(found, dates, &by_noun, i, nouns, names)?)
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
