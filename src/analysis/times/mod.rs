//! Time expressions (TimeML TIMEX3 as in TempEval-3), resolved against the published date.
//!
//! [`recognise`] finds expressions in the words, [`normalise`] turns each into a value. Spans
//! follow TimeML: prepositions ("on", "in", "since") stay out, determiners and modifiers
//! ("the", "last", "early", "nearly") stay in, except that a determiner before a date that
//! modifies a noun ("the 1996 election") stays out.

mod lexicon;
mod normalise;
mod recognise;
mod retense;
mod value;
mod words;

pub use retense::{Tensed, retense, wants_parse};
pub use value::{
    Amount, Calendar, Clock, DayPart, Edge, NotAValue, PeriodUnit, Reference, Season, TimeValue,
};
pub use words::readable;

use jiff::ToSpan;
use jiff::civil::Date;

use self::lexicon::{Cue, Gram, LEXICON, Tense};
use self::normalise::{Context, Sem};
use self::recognise::{Parser, Word};
use super::model::{Timex, TimexType};
use super::tokens::{Token, TokenKind};
use crate::analysis::lexicon::is_ly_noun;
use crate::document::{Document, Span};

/// How many sentences on the last date still sets the day of a bare clock time.
const NEAR: usize = 2;

/// How many tokens' words are read at a time: the words (about 90 bytes each) are held for
/// a window of tokens, not for the whole text, whose tokens can be one character each.
const WINDOW: usize = 4096;
/// The words read before and after a window: further than the clause's tense is looked for
/// (12 words), and as far as an expression is read (a run of modifiers or number words
/// longer than this is read only this far).
const BEHIND: usize = 16;
const AHEAD: usize = 64;

pub fn extract(doc: &Document, tokens: &[Token]) -> Vec<Timex> {
    extract_tensed(doc, tokens).0
}

/// The time expressions, and those of them whose value their clause's tense decides, for
/// [`retense`] once the parse is made.
pub fn extract_tensed(doc: &Document, tokens: &[Token]) -> (Vec<Timex>, Vec<Tensed>) {
    let mut out = Vec::new();
    let mut tensed = Vec::new();
    let mut last: Option<Calendar> = None;
    // the sentence of the last date
    let mut last_at = 0;
    let mut words = Vec::new();
    // the first token not yet read
    let mut t = 0;
    while t < tokens.len() {
        let core = (t + WINDOW).min(tokens.len());
        let ahead = (core + AHEAD).min(tokens.len());
        words.clear();
        recognise::words(&doc.text, &tokens[t.saturating_sub(BEHIND)..t], &mut words);
        let mut i = words.len();
        recognise::words(&doc.text, &tokens[t..core], &mut words);
        let core_end = words.len();
        recognise::words(&doc.text, &tokens[core..ahead], &mut words);
        while i < core_end {
            // an expression is read at most AHEAD words on: a run of "early" or of number
            // words is otherwise read to its end from each of its words
            let parser = Parser {
                w: &words[..(i + AHEAD).min(words.len())],
            };
            let Some(mut found) = parser.parse(i) else {
                i += 1;
                continue;
            };
            shared_year(&parser, &mut found.sem, found.end);
            let start = trim_determiner(&parser, found.start, found.end, &found.sem);
            let cx = Context {
                published: doc.meta.published,
                tense: forward(&words, found.start)
                    .or_else(|| tense(&words, found.start, found.end)),
                last,
                last_near: words[found.start].sentence <= last_at + NEAR,
            };
            if let Some((kind, value)) =
                normalise::resolve(&found.sem, &cx).and_then(normalise::checked)
            {
                let in_tense = |tense| {
                    normalise::resolve(&found.sem, &Context { tense, ..cx })
                        .and_then(normalise::checked)
                };
                if in_tense(Some(Tense::Past)) != in_tense(Some(Tense::Future)) {
                    tensed.push(Tensed {
                        index: out.len(),
                        sem: found.sem.clone(),
                        cx,
                        forward: after_forward(&words, found.start),
                    });
                }
                let anchors = !matches!(found.sem, Sem::Shift { .. });
                match value {
                    TimeValue::Date(c) if anchors && kind == TimexType::Date && c.anchored() => {
                        last = Some(c);
                        last_at = words[found.start].sentence;
                    }
                    _ if reporting_months(&words, found.start, &found.sem) => {
                        // "for the nine months ... a year earlier": a year before those
                        // months is a year, not the quarter named before them
                        let year = last.and_then(|l| l.year());
                        let year = year.or_else(|| doc.meta.published.map(|d| i32::from(d.year())));
                        last = year.map(|y| Calendar::Year(Some(y)));
                    }
                    _ => {}
                }
                out.push(Timex {
                    span: Span::new(words[start].span.start, words[found.end - 1].span.end),
                    kind,
                    value,
                    edge: edge(&words[start..found.end]),
                });
            }
            i = found.end;
        }
        // expressions end with a token, so word `i` starts one: the next window starts there
        t = match words.get(i) {
            Some(w) => tokens.partition_point(|tok| tok.span.end <= w.span.start),
            None => ahead,
        };
    }
    (out, tensed)
}

/// "September and October 2023", "from March to June 2023": a month or day without a year
/// before a range's other end that gives one shares that year, or the year before when its
/// month comes later ("between December and February 2021": December 2020).
fn shared_year(parser: &Parser, sem: &mut Sem, end: usize) {
    let Sem::Date {
        year: year @ None,
        month: Some(month),
        ..
    } = sem
    else {
        return;
    };
    if parser
        .w
        .get(end)
        .is_none_or(|w| w.cues & Cue::Range.bit() == 0)
    {
        return;
    }
    if let Some(Sem::Date {
        year: Some(y),
        month: Some(other),
        ..
    }) = parser.parse(end + 1).map(|next| next.sem)
    {
        *year = Some(if *month > other { y - 1 } else { y });
    }
}

/// Whether a word is of a grammar class of `time_grammar.tsv`.
fn gram(word: &Word, gram: Gram) -> bool {
    word.grammar & gram.bit() != 0
}

/// "the nine months", "the first six months": a reporting period of several quarters.
fn reporting_months(words: &[Word], start: usize, sem: &Sem) -> bool {
    gram(&words[start], Gram::Definite)
        && matches!(
            sem,
            Sem::Duration {
                count: Some(6 | 9),
                unit: lexicon::Unit::Month
            }
        )
}

/// "the 1996 election", "a third-quarter loss": a date before a noun keeps its determiner out.
fn trim_determiner(parser: &Parser, start: usize, end: usize, sem: &Sem) -> usize {
    let words = parser.w;
    let determiner =
        gram(&words[start], Gram::Definite) || words[start].cues & Cue::Article.bit() != 0;
    if !determiner || end - start < 2 {
        return start;
    }
    // "the year 2000", "the year nineteen ninety-six": one name for the year
    if gram(&words[start + 1], Gram::YearNoun) && matches!(sem, Sem::Date { .. }) {
        return start;
    }
    let calendar = matches!(
        sem,
        Sem::Date { .. } | Sem::Weekday { .. } | Sem::Clock { .. }
    );
    let compound = !words[end - 1].token_start;
    let before_noun = parser.before_noun(end);
    let edge = LEXICON
        .find(&words[start + 1].lower, |e| {
            matches!(e, lexicon::Entry::Edge(_))
        })
        .is_some();
    // "the mid-1990s" keeps it, "a third-quarter loss" and "the late-November trip" do not
    if (calendar && !edge)
        || (compound && (!edge || before_noun))
        || (before_noun && matches!(sem, Sem::Duration { .. }))
    {
        start + 1
    } else {
        start
    }
}

/// Whether the time at word `start` follows "until", "by", "before" or "through".
fn after_forward(words: &[Word], start: usize) -> bool {
    start
        .checked_sub(1)
        .is_some_and(|b| words[b].cues & Cue::Forward.bit() != 0)
}

/// "will stay closed until Friday", "have until March to decide": after "until", "by",
/// "before" or "through", a future or a present perfect in the clause looks ahead, whatever
/// participle ("closed") stands nearer. The clause is read back to its first auxiliary; a past
/// or present one ("were closed until Friday") leaves the tense to [`tense`].
fn forward(words: &[Word], start: usize) -> Option<Tense> {
    if !after_forward(words, start) {
        return None;
    }
    let before = start - 1;
    let sentence = words[start].sentence;
    for k in (0..before).rev().take(10) {
        let w = &words[k];
        if w.sentence != sentence || matches!(&*w.lower, "," | ";" | ":") {
            return None;
        }
        let next = words.get(k + 1).map_or("", |n| &*n.lower);
        if w.cues & Cue::Perfect.bit() != 0 {
            return Some(Tense::Future);
        }
        match LEXICON.tense(&w.lower, next) {
            Some(t @ (Tense::Future | Tense::FutureInPast)) => return Some(t),
            Some(_) => return None,
            None => {}
        }
    }
    None
}

/// The tense of the clause around words `start..end`: the nearest tense cue in the sentence.
fn tense(words: &[Word], start: usize, end: usize) -> Option<Tense> {
    let sentence = words[start].sentence;
    let lower = |k: usize| words.get(k).map_or("", |w| &*w.lower);
    let cue = |k: usize| -> Option<Tense> {
        let w = &words[k];
        if w.kind != TokenKind::Word {
            return None;
        }
        let l: &str = &w.lower;
        // "the plan", "a still unspecified date": a noun or an adjective, not a verb
        let modifier = |j: usize| words[j].cues & Cue::Modifier.bit() != 0;
        let degree = |j: usize| {
            words[j].cues & Cue::Degree.bit() != 0
                || (words[j].lower.ends_with("ly") && !is_ly_noun(&words[j].lower))
        };
        if k > 0 && (modifier(k - 1) || (k > 1 && degree(k - 1) && modifier(k - 2))) {
            return None;
        }
        let tense = LEXICON.tense(l, lower(k + 1)).or_else(|| {
            if l.ends_with("'ll") || l.ends_with("’ll") {
                Some(Tense::Future)
            } else if l.len() > 4 && l.ends_with("ed") && !w.text.starts_with(char::is_uppercase) {
                Some(Tense::Past)
            } else {
                None
            }
        })?;
        // a passive "(is) to be held" or "will be held" is to come; a plan
        // in the past perfect ("had been due to") was for a time now past
        if k < 2 {
            return Some(tense);
        }
        let (aux, be) = (&words[k - 2], &words[k - 1]);
        if gram(be, Gram::Be) && gram(aux, Gram::FutureBe) {
            Some(Tense::Future)
        } else if gram(be, Gram::Be) && gram(aux, Gram::WouldBe) {
            Some(Tense::FutureInPast)
        } else if gram(be, Gram::Been) && gram(aux, Gram::HadBeen) {
            Some(Tense::Past)
        } else if gram(be, Gram::Be) || gram(be, Gram::Being) {
            None
        } else {
            Some(tense)
        }
    };
    let in_sentence = |k: &usize| words[*k].sentence == sentence;
    let before = (0..start)
        .rev()
        .take_while(in_sentence)
        .take(12)
        .enumerate()
        .find_map(|(d, k)| cue(k).map(|t| (d, t)));
    let after = (end..words.len())
        .take_while(in_sentence)
        .take(12)
        .enumerate()
        .find_map(|(d, k)| cue(k).map(|t| (d, t)));
    let nearest = match (before, after) {
        (Some((a, t)), Some((b, u))) => Some(if a <= b { t } else { u }),
        (Some((_, t)), None) | (None, Some((_, t))) => Some(t),
        (None, None) => None,
    };
    nearest.filter(|t| *t != Tense::Present)
}

/// Whether a lower-case word names a month ("march", "sept"): for other extractors that
/// must know one, from the time words' one list.
pub fn is_month(lower: &str) -> bool {
    LEXICON
        .find(lower.trim_end_matches('.'), |e| {
            matches!(e, lexicon::Entry::Month(_))
        })
        .is_some()
}

/// Whether a lower-case word opens a range of dates ("between 1 and 14 May", "from March
/// to June"): for the timeline, from the time words' one list (`range_start`).
pub fn opens_range(lower: &str) -> bool {
    LEXICON.gram(lower, lexicon::Gram::RangeStart)
}

/// A key that sorts TIMEX3 values chronologically: by first day, then the shorter (more
/// precise) interval first, so "2022-02" comes before "2022-02-24". PRESENT_REF is the
/// published day; other values without an interval ([`TimeValue::interval`]) have no key.
pub fn sort_key(value: &TimeValue, published: Option<Date>) -> Option<(Date, Date)> {
    match value {
        TimeValue::Ref(Reference::Present) => published.map(|d| (d, d)),
        _ => value.interval(),
    }
}

/// The edge word opening an expression's words, after "the" ("early 2023", "mid-February",
/// "the end of the month", "later this year"), told once, when the expression is found.
fn edge(words: &[Word]) -> Option<Edge> {
    let mut parts = words
        .iter()
        .flat_map(|w| w.lower.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty());
    let word = match parts.next() {
        Some(w) if LEXICON.gram(w, Gram::Definite) => parts.next(),
        w => w,
    }?;
    match LEXICON
        .find(word, |e| matches!(e, lexicon::Entry::Edge(_)))?
        .entry
    {
        lexicon::Entry::Edge(edge) => Some(edge),
        _ => None,
    }
}

/// [`sort_key`] narrowed to the part of the period that an expression's edge word names
/// ([`Timex::edge`]): "early 2023" the first third of the year, "mid-February" the middle
/// third of the month, "late February", "later this year" and "the end of the month" the last
/// third. The value keeps the whole period; the timelines, a briefing's and the library's,
/// order by this, so "late February" comes after "early February".
pub fn sort_key_within(
    value: &TimeValue,
    edge: Option<Edge>,
    published: Option<Date>,
) -> Option<(Date, Date)> {
    let (start, end) = sort_key(value, published)?;
    let Some(edge) = edge else {
        return Some((start, end));
    };
    let days = start.until(end).map_or(0, |s| s.get_days());
    // the first day after a third of the days, within the period
    let after = |n: i32| {
        let day = start.checked_add((days * n / 3 + 1).days());
        day.map_or(end, |d| d.min(end))
    };
    Some(match edge {
        Edge::Start => (start, after(1).yesterday().unwrap_or(start).max(start)),
        Edge::Mid => (after(1), after(2).yesterday().unwrap_or(end).max(after(1))),
        Edge::End => (after(2), end),
    })
}

#[cfg(test)]
mod tests;

/// A date the analyst typed ("2024-11-22", "Nov 2024", "last Friday"), resolved as the
/// tagger resolves one in an article published on `published`: the value of the date or
/// time expression that is all of what was typed (a full stop after it aside); none when it
/// is not one, or is a duration or a set.
pub fn resolve(typed: &str, published: Option<Date>) -> Option<TimeValue> {
    let typed = typed.trim().trim_end_matches('.').trim_end();
    let meta = crate::document::Meta {
        published,
        ..Default::default()
    };
    let doc = Document::from_text(typed, meta).0;
    let tokens = super::tokens::tokenize(&doc);
    match extract(&doc, &tokens).as_slice() {
        [t] if t.span == Span::new(0, doc.text.len())
            && matches!(t.kind, TimexType::Date | TimexType::Time) =>
        {
            Some(t.value)
        }
        _ => None,
    }
}
