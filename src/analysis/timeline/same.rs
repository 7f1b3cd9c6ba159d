//! One happening stated by several clauses ("the government has provided military aid", "the
//! missiles and military supplies have been provided to Pyongyang") is one event, dated by
//! its dated statement. Two clauses state one happening when a word-level match makes it
//! clear: the same event verb, the same actors, at least one content word in common, and no
//! disagreement in time (both dated, their values agree; both undated, their tenses do).

use foldhash::{HashMap, HashMapExt};

use super::events::{Found, Target};
use crate::analysis::model::Timex;
use crate::document::Span;

/// How many earlier statements with the same verb a statement is compared with: enough for an
/// article's restatements, and the cost stays linear.
const WINDOW: usize = 16;

/// The events with every restatement folded into the statement that stands for it (the dated
/// one, else the first); links to a folded statement point at the one standing for it.
pub fn fold(
    mut found: Vec<Found>,
    times: &[Timex],
    actors: impl Fn(Span) -> Vec<usize>,
) -> Vec<Found> {
    let sets: Vec<Vec<usize>> = found
        .iter()
        .map(|f| {
            let mut a = actors(f.span);
            a.sort_unstable();
            a.dedup();
            a
        })
        .collect();
    // each statement's representative, found among earlier ones with the same verb
    let mut stands_for: Vec<usize> = (0..found.len()).collect();
    let mut by_verb: HashMap<&str, Vec<usize>> = HashMap::new();
    for j in 0..found.len() {
        let Some(verb) = found[j].verb else { continue };
        let earlier = by_verb.entry(verb).or_default();
        let same = earlier
            .iter()
            .rev()
            .take(WINDOW)
            .copied()
            .find(|&i| one_happening(&found[i], &found[j], &sets[i], &sets[j], times));
        match same {
            Some(i) => {
                let rep = stands_for[i];
                // the dated statement stands for the happening
                if found[rep].time.is_none() && found[j].time.is_some() {
                    for s in stands_for.iter_mut().filter(|s| **s == rep) {
                        *s = j;
                    }
                    let k = earlier.iter().position(|&e| e == i).unwrap_or(0);
                    earlier[k] = j;
                } else {
                    stands_for[j] = rep;
                }
            }
            None => earlier.push(j),
        }
    }
    if stands_for.iter().enumerate().all(|(i, &s)| i == s) {
        return found;
    }
    // what a folded statement knew, its representative knows too
    for j in 0..found.len() {
        let rep = stands_for[j];
        if rep != j {
            let (nouns, names, words) = (
                std::mem::take(&mut found[j].nouns),
                std::mem::take(&mut found[j].names),
                std::mem::take(&mut found[j].words),
            );
            let link = found[j].link.take();
            let r = &mut found[rep];
            for (to, from) in [
                (&mut r.nouns, nouns),
                (&mut r.names, names),
                (&mut r.words, words),
            ] {
                for w in from {
                    if !to.contains(&w) {
                        to.push(w);
                    }
                }
            }
            if r.link.is_none() {
                r.link = link;
            }
        }
    }
    let mut new_index = vec![usize::MAX; found.len()];
    let mut kept = 0;
    for (i, &s) in stands_for.iter().enumerate() {
        if s == i {
            new_index[i] = kept;
            kept += 1;
        }
    }
    let mut out: Vec<Found> = found
        .into_iter()
        .enumerate()
        .filter(|(i, _)| stands_for[*i] == *i)
        .map(|(_, f)| f)
        .collect();
    for (i, f) in out.iter_mut().enumerate() {
        if let Some(link) = &mut f.link
            && let Target::Event(t) = &mut link.target
        {
            *t = new_index[stands_for[*t]];
            if *t == i {
                f.link = None;
            }
        }
    }
    out
}

fn one_happening(
    a: &Found,
    b: &Found,
    actors_a: &[usize],
    actors_b: &[usize],
    times: &[Timex],
) -> bool {
    let time_agrees = match (a.time, b.time) {
        (Some(s), Some(t)) => times[s].value == times[t].value,
        (None, None) => a.tense == b.tense,
        _ => true,
    };
    a.verb.is_some()
        && a.verb == b.verb
        && !actors_a.is_empty()
        && actors_a == actors_b
        && time_agrees
        && a.words.iter().any(|w| b.words.contains(w))
}
