//! The merged timeline: every briefing's events in one order, by their normalised dates
//! (within the part of the period an edge word names, "late February", as in a briefing).
//! Reports of one event from several briefings are one row: events with a library actor in
//! common and the same day, or the same label (whose dates may then disagree: a conflict).
//! An undated event keeps its place within its briefing: it follows the dated event before
//! it there, or goes with the first when none is (the published day when none is dated).

use std::collections::HashMap;

use jiff::civil::Date;

use super::link::Linked;
use super::{Library, Sym};
use crate::analysis::times::{TimeValue, sort_key_within};

/// One event of one briefing: the briefing and the event's place in its timeline.
pub type Report = (u32, u32);

/// Where a row goes: the interval it is placed in (none first), its first report's briefing
/// and place there.
type Place = (Option<Date>, Option<Date>, u32, u32);

/// The merged timeline: its rows in order, each row's reports and library actors cut from
/// one list each (a row is most often one report: two lists of its own for each took most
/// of the timeline's memory).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    pub rows: Vec<Row>,
    reports: Vec<Report>,
    actors: Vec<u32>,
}

/// A row of the merged timeline (E1, E2 ... in order: [`id`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// The date (TimeML's notation) of the reports, when dated.
    pub value: Option<Sym>,
    /// The first report's label.
    pub label: Sym,
    /// Whether the reports give different dates.
    pub conflict: bool,
    /// The day it is placed at, when any: its own, or the one of what precedes it.
    pub placed: Option<Date>,
    /// Its reports and library actors: where they begin in the timeline's lists, how many.
    reports: (u32, u32),
    actors: (u32, u32),
}

impl Timeline {
    /// A row's reports, in the order they were merged.
    pub fn reports(&self, row: &Row) -> &[Report] {
        &self.reports[row.reports.0 as usize..(row.reports.0 + row.reports.1) as usize]
    }

    /// The library actors of a row's reports, each once.
    pub fn actors(&self, row: &Row) -> &[u32] {
        &self.actors[row.actors.0 as usize..(row.actors.0 + row.actors.1) as usize]
    }
}

/// The id of the merged timeline's row `n` (from 0).
pub fn id(n: usize) -> String {
    format!("E{}", n + 1)
}

/// None: the end of a chain of [`Open`] reports or actors.
const END: u32 = u32::MAX;

/// A row while the timeline is merged: its reports and actors chained through `next`s
/// (a report joins a row made long before), flattened once every briefing is merged.
struct Open {
    row: Row,
    /// The first and last of its reports in `reports`, of its actors in `actors`.
    reports: (u32, u32),
    actors: (u32, u32),
}

/// Items chained by row: each with the place of the next of its row.
struct Chained<T> {
    items: Vec<(T, u32)>,
}

impl<T: Copy + PartialEq> Chained<T> {
    /// `item` put after `last` (END: a chain of its own); the chain's new first and last.
    fn push(&mut self, (first, last): (u32, u32), item: T) -> (u32, u32) {
        let at = self.items.len() as u32;
        self.items.push((item, END));
        if last == END {
            return (at, at);
        }
        self.items[last as usize].1 = at;
        (first, at)
    }

    fn each(&self, (first, _): (u32, u32)) -> impl Iterator<Item = T> + '_ {
        std::iter::successors((first != END).then_some(first), |&at| {
            Some(self.items[at as usize].1).filter(|&next| next != END)
        })
        .map(|at| self.items[at as usize].0)
    }
}

/// The events of `briefings` (those `keep` says, by briefing) merged into one timeline.
pub fn merge(briefings: &Library, linked: &Linked, keep: impl Fn(usize) -> bool) -> Timeline {
    let mut rows: Vec<Open> = Vec::new();
    let mut reports: Chained<Report> = Chained { items: Vec::new() };
    let mut actors: Chained<u32> = Chained { items: Vec::new() };
    // (day or label, library actor) -> row; each day and label numbered once, not kept
    // again for each actor
    let mut numbers: HashMap<String, u32> = HashMap::new();
    let mut same: HashMap<(u32, u32), u32> = HashMap::new();
    let mut order: Vec<(Place, u32)> = Vec::new();
    for (b, briefing) in briefings.iter().enumerate().filter(|(b, _)| keep(*b)) {
        let published = briefing
            .published
            .as_deref()
            .and_then(|p| p.parse::<Date>().ok());
        let interval = |event: &super::Event| {
            event
                .value
                .and_then(|v| briefings.str(v).parse::<TimeValue>().ok())
                .and_then(|v| sort_key_within(&v, event.edge, published))
        };
        // what precedes the first dated event is placed with it, as the briefing has it
        let mut before = briefing
            .events
            .iter()
            .find_map(interval)
            .or(published.map(|d| (d, d)));
        let b = b as u32;
        for (e, event) in briefing.events.iter().enumerate() {
            let e = e as u32;
            let interval = interval(event);
            if interval.is_some() {
                before = interval;
            }
            let of: Vec<u32> = (briefing.actors_of(event).iter())
                .map(|&a| linked.of[b as usize][a as usize] as u32)
                .collect();
            let day = interval
                .filter(|(start, end)| start == end)
                .and(event.value)
                .map(|v| format!("day {}", briefings.str(v)));
            let label = briefings.str(event.label).to_lowercase();
            let keys: Vec<String> = day.into_iter().chain([format!("label {label}")]).collect();
            // a briefing's own events are told apart by its analysis: a row whose last
            // report (the briefings are merged in order) is of another briefing
            let other = |at: u32| {
                let last = rows[at as usize].reports.1;
                reports.items[last as usize].0.0 != b
            };
            let found = keys.iter().filter_map(|k| numbers.get(k)).find_map(|&key| {
                (of.iter())
                    .filter_map(|&a| same.get(&(key, a)).copied())
                    .find(|&at| other(at))
            });
            let at = match found {
                Some(at) => at,
                None => {
                    rows.push(Open {
                        row: Row {
                            value: event.value,
                            label: event.label,
                            conflict: false,
                            placed: before.map(|(start, _)| start),
                            reports: (0, 0),
                            actors: (0, 0),
                        },
                        reports: (END, END),
                        actors: (END, END),
                    });
                    let key = before.map_or((None, None), |(s, e)| (Some(s), Some(e)));
                    let at = rows.len() as u32 - 1;
                    order.push(((key.0, key.1, b, e), at));
                    at
                }
            };
            for key in keys.into_iter().filter(|_| !of.is_empty()) {
                let next = numbers.len() as u32;
                let key = *numbers.entry(key).or_insert(next);
                for &a in &of {
                    same.entry((key, a)).or_insert(at);
                }
            }
            let open = &mut rows[at as usize];
            open.reports = reports.push(open.reports, (b, e));
            open.row.conflict |= open.row.value != event.value;
            for a in of {
                if !actors.each(open.actors).any(|x| x == a) {
                    open.actors = actors.push(open.actors, a);
                }
            }
        }
    }
    drop((numbers, same));
    // undated first, then by the day placed, within a briefing in its own order
    order.sort_by_key(|x| x.0);
    let mut timeline = Timeline {
        rows: Vec::with_capacity(rows.len()),
        reports: Vec::with_capacity(reports.items.len()),
        actors: Vec::with_capacity(actors.items.len()),
    };
    for (_, at) in order {
        let open = &rows[at as usize];
        let mut row = open.row;
        let at = timeline.reports.len() as u32;
        timeline.reports.extend(reports.each(open.reports));
        row.reports = (at, timeline.reports.len() as u32 - at);
        let at = timeline.actors.len() as u32;
        timeline.actors.extend(actors.each(open.actors));
        row.actors = (at, timeline.actors.len() as u32 - at);
        timeline.rows.push(row);
    }
    timeline
}
