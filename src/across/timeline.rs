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
pub type Report = (usize, usize);

/// Where a row goes: the interval it is placed in (none first), its first report's briefing
/// and place there.
type Place = (Option<Date>, Option<Date>, usize, usize);

/// A row of the merged timeline (E1, E2 ... in order: [`id`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The date (TimeML's notation) of the reports, when dated.
    pub value: Option<Sym>,
    /// The first report's label.
    pub label: Sym,
    pub reports: Vec<Report>,
    /// Whether the reports give different dates.
    pub conflict: bool,
    /// The day it is placed at, when any: its own, or the one of what precedes it.
    pub placed: Option<Date>,
    /// The library actors of its reports.
    pub actors: Vec<usize>,
}

/// The id of the merged timeline's row `n` (from 0).
pub fn id(n: usize) -> String {
    format!("E{}", n + 1)
}

/// The events of `briefings` (those `keep` says, by briefing) merged into one timeline.
pub fn merge(briefings: &Library, linked: &Linked, keep: impl Fn(usize) -> bool) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    // (day or label, library actor) -> row; each day and label numbered once, not kept
    // again for each actor
    let mut numbers: HashMap<String, u32> = HashMap::new();
    let mut same: HashMap<(u32, usize), usize> = HashMap::new();
    let mut order: Vec<(Place, usize)> = Vec::new();
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
        for (e, event) in briefing.events.iter().enumerate() {
            let interval = interval(event);
            if interval.is_some() {
                before = interval;
            }
            let actors: Vec<usize> = (briefing.actors_of(event).iter())
                .map(|&a| linked.of[b][a as usize])
                .collect();
            let day = interval
                .filter(|(start, end)| start == end)
                .and(event.value)
                .map(|v| format!("day {}", briefings.str(v)));
            let label = briefings.str(event.label).to_lowercase();
            let keys: Vec<String> = day.into_iter().chain([format!("label {label}")]).collect();
            let found = keys.iter().filter_map(|k| numbers.get(k)).find_map(|&key| {
                actors
                    .iter()
                    .filter_map(|&a| same.get(&(key, a)).copied())
                    // a briefing's own events are told apart by its analysis
                    .find(|&at| rows[at].reports.iter().all(|r| r.0 != b))
            });
            let at = match found {
                Some(at) => at,
                None => {
                    rows.push(Row {
                        value: event.value,
                        label: event.label,
                        reports: Vec::new(),
                        conflict: false,
                        placed: before.map(|(start, _)| start),
                        actors: Vec::new(),
                    });
                    let key = before.map_or((None, None), |(s, e)| (Some(s), Some(e)));
                    order.push(((key.0, key.1, b, e), rows.len() - 1));
                    rows.len() - 1
                }
            };
            for key in keys.into_iter().filter(|_| !actors.is_empty()) {
                let next = numbers.len() as u32;
                let key = *numbers.entry(key).or_insert(next);
                for &a in &actors {
                    same.entry((key, a)).or_insert(at);
                }
            }
            let row = &mut rows[at];
            row.reports.push((b, e));
            row.conflict |= row.value != event.value;
            for a in actors {
                if !row.actors.contains(&a) {
                    row.actors.push(a);
                }
            }
        }
    }
    // undated first, then by the day placed, within a briefing in its own order
    order.sort_by_key(|x| x.0);
    let mut placed: Vec<Row> = Vec::with_capacity(rows.len());
    let mut rows: Vec<Option<Row>> = rows.into_iter().map(Some).collect();
    for (_, at) in order {
        if let Some(row) = rows[at].take() {
            placed.push(row);
        }
    }
    placed
}
