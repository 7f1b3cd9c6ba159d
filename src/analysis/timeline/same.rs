//! One happening stated by several clauses ("the government has provided military aid", "the
//! missiles and military supplies have been provided to Pyongyang") is one event, dated by
//! its dated statement. Two clauses state one happening when a word-level match makes it
//! clear: event verbs of one kind (the same verb, or one set of `event_kinds.txt`: "supply",
//! "provide"), the same actors (or the one's at least two all among the other's: "Russia has
//! been supplying missiles to North Korea for its war in Ukraine"), at least one content word
//! in common, and no disagreement in time (both dated, their values agree; both undated, their
//! tenses do).

use foldhash::{HashMap, HashMapExt};

use super::events::{Found, Target};
use super::lexicon::{COORDINATOR, DETERMINER, is};
use crate::analysis::model::Timex;
use crate::analysis::tokens::lowercase;
use crate::document::Span;

/// How many earlier statements with the same verb a statement is compared with: enough for an
/// article's restatements, and the cost stays linear.
const WINDOW: usize = 16;

/// The events with every restatement folded into the statement that stands for it (the dated
/// one, else the first), each with the actors it names in order of first mention (looked up
/// here once, for the folding and the event); links to a folded statement point at the one
/// standing for it.
pub fn fold(
    mut found: Vec<Found>,
    times: &[Timex],
    text: &str,
    mentions: impl Fn(Span) -> Vec<(Span, usize)>,
) -> Vec<(Found, Vec<usize>)> {
    let sets: Vec<Actors> = found
        .iter()
        .map(|f| {
            let mentions = mentions(f.span);
            let mut set: Vec<usize> = mentions.iter().map(|&(_, a)| a).collect();
            set.sort_unstable();
            set.dedup();
            Actors { set, mentions }
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
            .find(|&i| one_happening(&found[i], &found[j], &sets[i], &sets[j], times, text));
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
        return found
            .into_iter()
            .zip(sets.iter().map(Actors::named))
            .collect();
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
    let mut out: Vec<(Found, Vec<usize>)> = found
        .into_iter()
        .zip(&sets)
        .enumerate()
        .filter(|(i, _)| stands_for[*i] == *i)
        .map(|(_, (f, actors))| (f, actors.named()))
        .collect();
    for (i, (f, _)) in out.iter_mut().enumerate() {
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

/// The actors a statement names: the set (sorted) and the mentions, in order.
struct Actors {
    set: Vec<usize>,
    mentions: Vec<(Span, usize)>,
}

impl Actors {
    /// The actors in order of their first mention.
    fn named(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.set.len());
        for &(_, a) in &self.mentions {
            if !out.contains(&a) {
                out.push(a);
            }
        }
        out
    }
}

fn one_happening(
    a: &Found,
    b: &Found,
    actors_a: &Actors,
    actors_b: &Actors,
    times: &[Timex],
    text: &str,
) -> bool {
    let time_agrees = match (a.time, b.time) {
        (Some(s), Some(t)) => times[s].value == times[t].value,
        (None, None) => a.tense == b.tense,
        _ => true,
    };
    let (fewer, more) = if actors_a.set.len() <= actors_b.set.len() {
        (actors_a, actors_b)
    } else {
        (actors_b, actors_a)
    };
    let same_actors = fewer.set == more.set
        || (fewer.set.len() >= 2
            && fewer.set.iter().all(|a| more.set.binary_search(a).is_ok())
            && aside(more, &fewer.set, text));
    a.verb.is_some()
        && a.verb == b.verb
        && !actors_a.set.is_empty()
        && same_actors
        && time_agrees
        && a.words.iter().any(|w| b.words.contains(w))
}

/// Whether the actors of `more` that `shared` lacks are named aside, after the shared ones and
/// not beside any ("supplying missiles to North Korea for its war in Ukraine"), rather than
/// among those the happening is told of ("to Syria and North Korea", "to North Korea and
/// Syria").
fn aside(more: &Actors, shared: &[usize], text: &str) -> bool {
    let is_shared = |a: usize| shared.binary_search(&a).is_ok();
    let first_extra = more.mentions.iter().position(|&(_, a)| !is_shared(a));
    let Some(first_extra) = first_extra else {
        return true;
    };
    let after_shared = shared
        .iter()
        .all(|&s| more.mentions[..first_extra].iter().any(|&(_, a)| a == s));
    let coordinated = more.mentions.windows(2).any(|w| {
        let ((left, a), (right, b)) = (w[0], w[1]);
        is_shared(a) != is_shared(b) && text.get(left.end..right.start).is_some_and(coordination)
    });
    after_shared && !coordinated
}

/// Whether the words between two names join them: "and", "or", a comma, a determiner.
fn coordination(gap: &str) -> bool {
    let words: Vec<&str> = gap
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let joins = gap.contains(',') || words.iter().any(|w| is(COORDINATOR, &lowercase(w)));
    joins
        && words
            .iter()
            .all(|w| is(COORDINATOR, &lowercase(w)) || is(DETERMINER, &lowercase(w)))
}
