//! Finding events: a clause with a date is a dated event; a clause whose event verb is
//! asserted in the past, perfect, present or future (not negated, not hypothetical) is an
//! undated one. Connectives ("since the invasion", "after the talks") link an event to
//! another.

use std::borrow::Cow;
use std::ops::Range;

use super::attach;
use super::lexicon::*;
use crate::analysis::claims::Sentence;
use crate::analysis::model::{Timex, TimexType};
use crate::analysis::syntax::Syntax;
use crate::analysis::times;
use crate::analysis::tokens::{Token, TokenKind, lowercase};
use crate::document::{Document, Span};

/// Punctuation that ends a clause.
pub const CLAUSE_MARKS: [char; 7] = [',', ';', ':', '—', '–', '(', ')'];

/// Labels are cut at a word boundary to about this many characters.
const LABEL_MAX: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Perfect,
    Present,
    Future,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    After,
    Before,
}

/// What a connective points at: the event of a neighbouring clause, or (when that clause
/// states none) the date it gives ("since 10 May", an index into the times) or the event
/// nouns it names ("following its invasion of Ukraine").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Event(usize),
    Date(usize),
    Nouns {
        nouns: Vec<String>,
        names: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub relation: Relation,
    pub target: Target,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The clause that states the event.
    pub span: Span,
    pub label: String,
    /// Index into the analysis' times.
    pub time: Option<usize>,
    pub tense: Tense,
    pub link: Option<Link>,
    /// Event nouns (lower case, singular as written) and capitalised words of the clause,
    /// which connectives elsewhere match against.
    pub nouns: Vec<String>,
    pub names: Vec<String>,
    /// The kind of happening the clause's event verb states, dated or not: its base form or
    /// its set's first in `event_kinds.txt` ("provided" and "supplies" give "supply").
    pub verb: Option<&'static str>,
    /// The clause's lower-case content words (not its verb, names or function words), which
    /// tell two statements of one happening.
    pub words: Vec<String>,
    /// For an undated event in a subordinate clause, the date of the dated clause before it
    /// in its sentence ("Weaver shot to prominence in 1994, when he won the Guineas"): the
    /// era it may belong to.
    pub era: Option<usize>,
    /// For an event told over a stretch between two dates ("between 1 and 14 May"), undated,
    /// the two (indices into the times): it lies between them.
    pub range: Option<(usize, usize)>,
    /// For an undated past, a duration running back to the report's day that the clause
    /// tells it in ("fell over the past 48 hours"; an index into the times).
    pub past: Option<usize>,
}

/// Connectives and the relation of the clause they open to the event they qualify: "X since
/// Y" puts X after Y.
fn connective(word: &str) -> Option<Relation> {
    if is(AFTER, word) {
        Some(Relation::After)
    } else if is(BEFORE, word) {
        Some(Relation::Before)
    } else {
        None
    }
}

/// What a sentence's events are read from besides its words.
pub struct Context<'a> {
    pub times: &'a [Timex],
    /// Byte offsets where what is reported begins or ends beside its report (see
    /// [`super::report_edges`]), each a clause boundary.
    pub reports: &'a [usize],
    pub syntax: &'a Syntax,
}

/// `sentences`: the text's sentences as the claims read them ([`crate::analysis::claims::sentences`]).
pub fn find(doc: &Document, tokens: &[Token], sentences: &[Sentence], cx: &Context) -> Vec<Found> {
    let mut found = Vec::new();
    for sentence in sentences {
        // a Markdown heading names a topic, it does not narrate; elsewhere the sentence's
        // own words begin past a list's mark and a wire dateline ("TIRANA, March 4 (AP) -")
        if !doc.text[tokens[sentence.start].span.start..].starts_with('#') {
            sentence_events(doc, tokens, sentence.words.clone(), cx, &mut found);
        }
    }
    found
}

/// A clause: a token range of one sentence, and the connective that opens it.
struct Clause {
    start: usize,
    end: usize,
    opener: Option<Relation>,
    /// Opened by "if", "unless" or "whether": what it says may not happen.
    hypothetical: bool,
    /// A subject relative clause ("that were closed"): its subject is the noun before it.
    relative: bool,
    /// What a report before it in the sentence reports ("it had shelled the airport" after
    /// "the army said Wednesday").
    reported: bool,
}

/// `low`: the tokens' words in lower case; `cx` as for [`find`].
fn clauses(doc: &Document, toks: &[Token], low: &[Cow<str>], cx: &Context) -> Vec<Clause> {
    let reports = cx.reports;
    // an opener inside a time expression opens no clause ("the week before last")
    let in_time = |t: &Token| {
        cx.times
            .iter()
            .any(|x| x.span.start < t.span.start && t.span.end <= x.span.end)
    };
    let mut out: Vec<Clause> = Vec::new();
    let mut start = 0;
    // what is reported is a clause of its own only with a finite verb ("it had shelled the
    // airport"), not as an object and infinitive ("ordered the operator to release water")
    let finite = |i: usize| {
        let end = (i + 1..toks.len())
            .find(|&j| toks[j].kind == TokenKind::Punct || is(CLAUSE_OPENER, &low[j]))
            .unwrap_or(toks.len());
        let words = &low[i..end];
        words.iter().any(|w| is(FINITE, w) || is(AUXILIARY, w))
            || event_verb(doc, &toks[i..end], words).is_some()
    };
    let reported = |i: usize| {
        let gap = (toks[i - 1].span.end, toks[i].span.start);
        let next = reports.partition_point(|&e| e < gap.0);
        reports.get(next).is_some_and(|&e| e <= gap.1) && finite(i)
    };
    let asides = name_asides(doc, toks);
    // whether the clause begun at `start` is what a report before it reports
    let mut reports_start = false;
    for i in 0..=toks.len() {
        let by_report = i > start && i < toks.len() && reported(i);
        // a coordinator before an auxiliary joins a verb phrase of its own ("was drawn in 1953
        // and has been disputed since"), with its own date
        let conjunct = i > start
            && i < toks.len()
            && is(COORDINATOR, &low[i])
            && low.get(i + 1).is_some_and(|n| is(AUXILIARY, n));
        let boundary = i == toks.len()
            || by_report
            || conjunct
            || (i > start && {
                let prev = toks[i - 1].text(&doc.text);
                // an opener last before punctuation opens nothing ("on the day before.")
                (is(CLAUSE_OPENER, &low[i])
                    && !in_time(&toks[i])
                    && toks.get(i + 1).is_some_and(|t| t.kind != TokenKind::Punct))
                    || (toks[i - 1].kind == TokenKind::Punct
                        && prev.chars().count() == 1
                        && prev.starts_with(CLAUSE_MARKS)
                        && asides.binary_search(&(i - 1)).is_err())
            });
        if boundary {
            let word = &low[start];
            let next = low.get(start + 1).filter(|_| start + 1 < i);
            out.push(Clause {
                start,
                end: i,
                opener: connective(word),
                hypothetical: is(HYPOTHETICAL_OPENER, word),
                relative: is(RELATIVE, word)
                    && next
                        .is_some_and(|n| is(AUXILIARY, n) || EVENT_VERBS.contains_key(n.as_ref())),
                reported: reports_start,
            });
            reports_start = by_report;
            start = i;
        }
    }
    out
}

/// The brackets of a name's aside ("the Rapid Support Forces (RSF) and the army"): up to
/// four capitalised words or numbers in brackets, which end no clause.
fn name_asides(doc: &Document, toks: &[Token]) -> Vec<usize> {
    let mut out = Vec::new();
    for (open, t) in toks.iter().enumerate() {
        if t.text(&doc.text) != "(" {
            continue;
        }
        let close = (open + 1..toks.len().min(open + 6)).find(|&j| toks[j].text(&doc.text) == ")");
        let Some(close) = close.filter(|&c| c > open + 1) else {
            continue;
        };
        let named = toks[open + 1..close].iter().all(|w| {
            w.kind != TokenKind::Punct
                && w.text(&doc.text)
                    .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        });
        if named {
            out.extend([open, close]);
        }
    }
    out
}

struct ClauseEvent {
    found: usize,
    clause: usize,
}

/// The events of the sentence of `tokens[sentence]` (its own words, past any dateline).
fn sentence_events(
    doc: &Document,
    tokens: &[Token],
    sentence: Range<usize>,
    cx: &Context,
    found: &mut Vec<Found>,
) {
    let (times, base) = (cx.times, sentence.start);
    let toks = &tokens[sentence];
    // each word lowered once, for every test below (a capitalised word allocates)
    let low: Vec<Cow<str>> = toks.iter().map(|t| lower(doc, t)).collect();
    let clauses = clauses(doc, toks, &low, cx);
    let spans: Vec<Option<Span>> = clauses
        .iter()
        .map(|c| clause_span(&toks[c.start..c.end]))
        .collect();
    // a clause's first date, or of several the one its verb carries
    let mut anchors: Vec<Option<usize>> = clauses
        .iter()
        .zip(&spans)
        .map(|(c, s)| {
            let dates: Vec<usize> = attach::dates(times, (*s)?)
                .filter(|&d| !incidental(doc, toks, &low, c, times[d].span))
                .collect();
            let words = base + c.start..base + c.end;
            (dates.len() > 1)
                .then(|| attach::verb_date(cx.syntax, tokens, words, times, &dates))
                .flatten()
                .or(dates.first().copied())
        })
        .collect();
    let states: Vec<bool> = clauses
        .iter()
        .map(|c| states_something(doc, &toks[c.start..c.end], &low[c.start..c.end]))
        .collect();
    // A date that stands alone ("On 4 February 2019, the court ruled") dates its neighbour,
    // a clause that states an event: the clause before it not by a word in -ed before a noun
    // alone, which may be a name's ("The Philippine armed forces chief, speaking on Monday,
    // said"), and would give a label with no verb
    let stated: Vec<Stated> = clauses
        .iter()
        .map(|c| stated(doc, cx.syntax, base, c, toks, &low, true))
        .collect();
    let opens_with = |j: usize, class: usize| is(class, &low[clauses[j].start]);
    for ci in 0..clauses.len() {
        if anchors[ci].is_none() || states[ci] {
            continue;
        }
        let free = |j: usize| {
            j < clauses.len()
                && states[j]
                && anchors[j].is_none()
                && match stated[j] {
                    Stated::Verb => true,
                    Stated::Modifier => j > ci,
                    Stated::None => false,
                }
        };
        // "since 2018" is a stretch of time up to now, not its neighbour's date, except for
        // the clause that says what happened then ("since 2018, when talks failed")
        let neighbour = if clauses[ci].opener.is_some() {
            Some(ci + 1).filter(|&j| free(j) && opens_with(j, TIME_RELATIVE))
        } else {
            [ci + 1, ci.wrapping_sub(1)].into_iter().find(|&j| free(j))
        };
        if let Some(j) = neighbour {
            anchors[j] = anchors[ci].take();
        }
    }
    // "talks last failed in 2019, when negotiations collapsed": a "when" clause after a date
    // that ends the clause before tells what happened then (not after a bound, "ruled until
    // 2011, when ...", which says no more than that it was before)
    for ci in 1..clauses.len() {
        let (Some(before), true) = (spans[ci - 1], anchors[ci].is_none()) else {
            continue;
        };
        let last = attach::dates(times, before).last();
        let Some(d) = last.filter(|&d| times[d].span.end == before.end) else {
            continue;
        };
        let first = toks.partition_point(|t| t.span.start < times[d].span.start);
        let bound = first > 0 && connective(&low[first - 1]).is_some();
        if opens_with(ci, TIME_RELATIVE) && !bound && states[ci] {
            anchors[ci] = Some(d);
        }
    }
    let mut events: Vec<ClauseEvent> = Vec::new();
    let mut last_dated = None;
    for (ci, clause) in clauses.iter().enumerate() {
        let ctoks = &toks[clause.start..clause.end];
        let Some(span) = spans[ci] else { continue };
        if clause.hypothetical {
            continue;
        }
        let event = match anchors[ci] {
            Some(t) if states[ci] => Some((Some(t), None, Tense::Past)),
            // a form the parse reads as a noun's modifier after a modifier is none ("the
            // Philippine armed forces chief"), not after a name ("Airbus unveiled plans", which
            // the parser misreads as often)
            _ => event_verb_where(doc, ctoks, &low[clause.start..clause.end], |i| {
                let k = base + clause.start + i;
                let after_modifier =
                    i > 0 && matches!(cx.syntax.upos(k - 1), "ADJ" | "DET" | "NUM");
                let name = in_name(doc, ctoks, &low[clause.start..clause.end], i);
                !(name || after_modifier && modifies(cx.syntax, k))
            })
            .map(|(verb, tense)| (None, Some(verb), tense)),
        };
        let Some((time, trigger, tense)) = event else {
            continue;
        };
        let date = time.map(|t| with_joined(&doc.text, times, t));
        // ("moved from Monday to Tuesday" changes a date: no stretch, `change`)
        let change = low[clause.start..clause.end].iter().any(|w| is(CHANGE, w));
        let range = time
            .filter(|_| !change)
            .and_then(|t| range_of(doc, toks, &low, times, t));
        let time = time.filter(|_| range.is_none());
        let mut subject = if clause.relative {
            antecedent(doc, &toks[..clause.start])
        } else {
            None
        };
        let mut label = label(doc, ctoks, date, trigger, subject);
        // a lone word with no date names no event ("left" in a style sheet or a caption, a
        // "Pledged:" line); a dated one ("Ana Ruiz, the envoy, warned Saturday") takes the
        // sentence's opening noun phrase as its subject, unless it is the briefing's own
        // date, a line of a label and a date ("Published 14 October 2025"; not "The
        // hostages, released on Friday, ...")
        let dateline =
            || clauses.len() == 1 && crate::document::is_dateline_label(&label.to_lowercase());
        if label.is_empty() || is_one_word(&label) && (time.is_none() || dateline()) {
            continue;
        }
        let wh = is(WH, &low[clause.start]);
        // "The president, who took office in 2019, signed the decree": the verb after a
        // relative clause set off by commas has that clause's antecedent for its subject
        let after_relative = ci > 0 && clauses[ci - 1].relative && {
            let form = EVENT_VERBS.get(low[clause.start].as_ref());
            form.is_some_and(|f| !matches!(f, VerbForm::Ing | VerbForm::Base))
        };
        if subject.is_none() && after_relative {
            subject = antecedent(doc, &toks[..clauses[ci - 1].start]);
            if subject.is_some() {
                label = self::label(doc, ctoks, date, trigger, subject);
            }
        }
        // a clause that opens with its finite verb ("warned of floods") has its subject before
        // it, as a lone word has
        let clow = &low[clause.start..clause.end];
        let opens_with_verb = || {
            let first = ctoks.iter().position(|t| t.kind != TokenKind::Punct);
            first.is_some_and(|v| {
                let w = &clow[v];
                let form = EVENT_VERBS.get(w.as_ref());
                ctoks[v].text(&doc.text).starts_with(char::is_lowercase)
                    && (form.is_some_and(|f| !matches!(f, VerbForm::Ing | VerbForm::Base))
                        || is(FINITE, w)
                        || w.len() > 4 && w.ends_with("ed"))
            })
        };
        if subject.is_none() && !wh && (is_one_word(&label) || opens_with_verb()) {
            // the sentence's own subject if it opens the sentence, else the nearest before
            let parse = (cx.syntax, base);
            let candidate =
                |j: usize| subject_clause(doc, parse, &clauses[j], spans[j], toks, &low);
            subject = (ci > 0)
                .then(|| candidate(0).flatten())
                .flatten()
                .or_else(|| (0..ci).rev().map_while(candidate).find_map(|s| s));
            if subject.is_some() {
                label = self::label(doc, ctoks, date, trigger, subject);
            }
        }
        let (nouns, names) = nouns_and_names(doc, ctoks);
        let verb_at = trigger.or_else(|| event_verb(doc, ctoks, clow).map(|(v, _)| v));
        let verb = verb_at.and_then(|v| lemma(&clow[v]));
        let words = content_words(doc, ctoks, clow, verb_at);
        events.push(ClauseEvent {
            found: found.len(),
            clause: ci,
        });
        found.push(Found {
            span: subject.map_or(span, |s| s.cover(span)),
            label,
            time,
            tense,
            link: None,
            nouns,
            names,
            verb,
            words,
            era: (time.is_none() && is(CLAUSE_OPENER, &low[clause.start]))
                .then_some(last_dated)
                .flatten(),
            range,
            past: (time.is_none() && matches!(tense, Tense::Past | Tense::Perfect))
                .then(|| span_back(&doc.text, times, span))
                .flatten(),
        });
        if time.is_some() {
            last_dated = time;
        }
    }
    // "On 11 May the dam gave way, and thousands fled": a date opening the sentence dates
    // the past of a clause joined to the first by a coordinator as well, unless the clause
    // says it came after ("and it later closed", `sequence`)
    let fronted = events.first().and_then(|e| {
        let f = &found[e.found];
        let t = f.time.filter(|_| f.tense == Tense::Past)?;
        let opening = toks.get(1).map_or(0, |w| w.span.start);
        (times[t].span.start <= opening).then_some(t)
    });
    for e in events.iter().skip(1) {
        let f = &mut found[e.found];
        let clause = &clauses[e.clause];
        let after = low[clause.start..clause.end]
            .iter()
            .any(|w| is(SEQUENCE, w));
        let joined = opens_with(e.clause, COORDINATOR) && f.tense == Tense::Past && !after;
        if f.time.is_none() && joined && clauses[e.clause].opener.is_none() {
            f.time = fronted;
        }
    }
    // A clause opened by a connective qualifies the event of the clause before it (or, when
    // it opens the sentence, the one after it: "After the talks failed, troops moved in").
    for (ci, clause) in clauses.iter().enumerate() {
        let Some(relation) = clause.opener else {
            continue;
        };
        let qualified = if ci == 0 {
            events.iter().find(|e| e.clause > 0)
        } else {
            events.iter().rev().find(|e| e.clause < ci)
        };
        let Some(qualified) = qualified.map(|e| e.found) else {
            continue;
        };
        let own = events.iter().find(|e| e.clause == ci).map(|e| e.found);
        let target = match (own, anchors[ci]) {
            (Some(own), _) => Target::Event(own),
            (None, Some(date)) => Target::Date(date),
            // "since then": after the last date before it
            (None, None) if let Some(date) = anaphoric(times, toks, &low, clause) => {
                Target::Date(date)
            }
            (None, None) => {
                let (nouns, names) = nouns_and_names(doc, &toks[clause.start..clause.end]);
                if nouns.is_empty() {
                    continue;
                }
                Target::Nouns { nouns, names }
            }
        };
        if found[qualified].link.is_none() && own != Some(qualified) {
            found[qualified].link = Some(Link { relation, target });
        }
    }
    // What a dated report reports in the past happened before the report ("the army said
    // Wednesday it had shelled the airport").
    for (k, e) in events.iter().enumerate() {
        let f = &found[e.found];
        let past = matches!(f.tense, Tense::Past | Tense::Perfect);
        if !clauses[e.clause].reported || f.time.is_some() || f.link.is_some() || !past {
            continue;
        }
        // the report's clause just before, or before a "that" of its own
        let that = |c: &Clause| c.end == c.start + 1;
        let report = events[..k]
            .last()
            .filter(|r| {
                r.clause + 1 == e.clause
                    || (r.clause + 2 == e.clause && that(&clauses[e.clause - 1]))
            })
            .map(|r| r.found);
        if let Some(report) = report.filter(|&r| found[r].time.is_some()) {
            found[e.found].link = Some(Link {
                relation: Relation::Before,
                target: Target::Event(report),
            });
        }
    }
}

/// A duration inside `span` that runs back to the report's day: "the" and a `span_back`
/// word opening it ("the past 48 hours", "the last two weeks").
fn span_back(text: &str, times: &[Timex], span: Span) -> Option<usize> {
    let from = times.partition_point(|t| t.span.start < span.start);
    (from..times.len())
        .take_while(|&i| times[i].span.end <= span.end)
        .find(|&i| {
            let mut words = text[times[i].span.start..times[i].span.end].split_whitespace();
            let (first, second) = (words.next().map(lowercase), words.next().map(lowercase));
            times[i].kind == TimexType::Duration
                && first.is_some_and(|w| is(DETERMINER, &w))
                && second.is_some_and(|w| is(SPAN_BACK, &w))
        })
}

/// The stretch date `t` is an end of, "between 1 and 14 May", "from March to June": a word
/// that opens a range (the time words' `range_start`) before the first, a `date_joiner`
/// between the two.
fn range_of(
    doc: &Document,
    toks: &[Token],
    low: &[Cow<str>],
    times: &[Timex],
    t: usize,
) -> Option<(usize, usize)> {
    let joined = |a: usize| {
        let b = a + 1;
        let gap = doc
            .text
            .get(times[a].span.end..times.get(b)?.span.start)?
            .trim();
        let first = toks.partition_point(|w| w.span.start < times[a].span.start);
        let opened = first > 0 && times::opens_range(&low[first - 1]);
        (opened && !gap.is_empty() && is(DATE_JOINER, &lowercase(gap))).then_some((a, b))
    };
    joined(t).or_else(|| joined(t.checked_sub(1)?))
}

/// The date a connective's clause names by a word for the time last named ("since then"):
/// the last date written before the clause.
fn anaphoric(times: &[Timex], toks: &[Token], low: &[Cow<str>], clause: &Clause) -> Option<usize> {
    let words = &low[clause.start + 1..clause.end];
    if !words.iter().any(|w| is(TIME_ANAPHOR, w)) {
        return None;
    }
    attach::dates(times, Span::new(0, toks[clause.start].span.start)).last()
}

/// Whether a date in a clause is not the time of its event: the base of a comparison made
/// before it in the clause ("a 30 percent increase on a year earlier", "up 5% from a year ago",
/// "higher than last year"; not "attacked the town over last weekend"), or a date that
/// describes a plan or expectation after the clause's verb, between a determiner and its noun
/// ("lowered its 2025 outlook", "its 2025 growth forecast"; not "hosted the 2023 climate
/// summit", "in the 2024 election", where a preposition takes the phrase, nor "The 2024
/// budget was passed", before the verb).
fn incidental(
    doc: &Document,
    toks: &[Token],
    low: &[Cow<str>],
    clause: &Clause,
    date: Span,
) -> bool {
    let first = toks.partition_point(|t| t.span.start < date.start);
    let end = toks.partition_point(|t| t.span.start < date.end);
    if first <= clause.start || first >= end || end > clause.end {
        return false;
    }
    let before = &*low[first - 1];
    let compared = || {
        low[clause.start..first - 1]
            .iter()
            .any(|w| is(COMPARISON, w) || is(MEASURE, w) || w.ends_with('%'))
    };
    if is(COMPARISON_LEAD, before)
        && (is(COMPARISON_BASE, &low[first]) || is(COMPARISON_BASE, &low[end - 1]))
        && compared()
    {
        return true;
    }
    let determiner = is(DETERMINER, before) || matches!(before, "'s" | "’s");
    let plain_word = |k: usize| {
        toks[k].kind == TokenKind::Word
            && toks[k].text(&doc.text).starts_with(char::is_lowercase)
            && ![PHRASE_BREAK, LABEL_TAIL, AUXILIARY, FINITE, COORDINATOR]
                .iter()
                .any(|&class| is(class, &low[k]))
    };
    // the noun, or a noun before it ("its 2025 growth forecast")
    let forward_noun = (end..clause.end.min(end + 2))
        .take_while(|&k| plain_word(k))
        .any(|k| is(FORWARD_NOUN, &low[k]));
    let governed = first >= clause.start + 2 && is(PREPOSITION, &low[first - 2]);
    determiner && forward_noun && !governed && {
        let words = clause.start..first - 1;
        states_something(doc, &toks[words.clone()], &low[words])
    }
}

/// A date's span with the dates joined to it in one phrase ("September and October 2023"),
/// all of which a label leaves out with it.
fn with_joined(text: &str, times: &[Timex], t: usize) -> Span {
    let joined = |a: Span, b: Span| {
        text.get(a.end..b.start).is_some_and(|gap| {
            let gap = gap.trim();
            !gap.is_empty() && is(DATE_JOINER, &lowercase(gap))
        })
    };
    let mut span = times[t].span;
    let mut k = t;
    while k > 0 && joined(times[k - 1].span, span) {
        k -= 1;
        span = times[k].span.cover(span);
    }
    let mut k = t;
    while k + 1 < times.len() && joined(span, times[k + 1].span) {
        k += 1;
        span = span.cover(times[k].span);
    }
    span
}

/// The noun phrase a subject relative clause hangs on ("three border crossings" in "three
/// border crossings that were closed", "the president" in "the president, who ..."): back
/// from the pronoun (past a comma) to a determiner or number, at most five words.
fn antecedent(doc: &Document, before: &[Token]) -> Option<Span> {
    let before = match before.split_last() {
        Some((comma, rest)) if comma.text(&doc.text) == "," => rest,
        _ => before,
    };
    let end = before
        .last()
        .filter(|t| t.kind != TokenKind::Punct)?
        .span
        .end;
    let mut start = None;
    for t in before.iter().rev().take(5) {
        if t.kind == TokenKind::Punct {
            break;
        }
        start = Some(t.span.start);
        let w = lower(doc, t);
        if t.kind == TokenKind::Number || is(DETERMINER, &w) {
            break;
        }
    }
    start.map(|s| Span::new(s, end))
}

fn is_one_word(label: &str) -> bool {
    !label.contains(' ')
}

/// An earlier clause of the sentence as the subject of a later one's lone verb: a short
/// noun phrase with no verb and no connective ("the envoy" in "Ana Ruiz, the envoy, warned
/// ..."): `Some(Some(span))`. `Some(None)` for a clause to look past, `None` for one that
/// says something of its own, past which no subject is sought.
fn subject_clause(
    doc: &Document,
    (syntax, base): (&Syntax, usize),
    clause: &Clause,
    span: Option<Span>,
    toks: &[Token],
    low: &[Cow<str>],
) -> Option<Option<Span>> {
    let words = &toks[clause.start..clause.end];
    let short = words.iter().filter(|t| t.is_word()).count() <= 5;
    // "In his memoir", "Actually": a phrase or an adverb opening the sentence is no subject
    let opens = &*low[clause.start];
    let names = words[0].text(&doc.text).starts_with(char::is_uppercase)
        && !is(PREPOSITION, opens)
        && !is(LABEL_LEAD, opens)
        && !opens.ends_with("ly");
    let noun_phrase = names || is(DETERMINER, opens) || words[0].kind == TokenKind::Number;
    // no verb, or only a word in -ed before a noun ("The Philippine armed forces chief"); an
    // event noun is a noun here, "The deal, announced in May, ..."
    if stated(doc, syntax, base, clause, toks, low, false) > Stated::Modifier {
        return None;
    }
    let span = span.map(|s| with_bracket(&doc.text, s));
    Some(span.filter(|_| clause.opener.is_none() && !clause.hypothetical && short && noun_phrase))
}

/// A span with the closing bracket of a bracket it opens ("the Flood Agency (FDA)").
fn with_bracket(text: &str, span: Span) -> Span {
    let inside = &text[span.start..span.end];
    let open = inside.matches('(').count() > inside.matches(')').count();
    if open && text[span.end..].starts_with(')') {
        Span::new(span.start, span.end + 1)
    } else {
        span
    }
}

/// The clause's span without surrounding punctuation.
fn clause_span(ctoks: &[Token]) -> Option<Span> {
    let first = ctoks.iter().position(|t| t.kind != TokenKind::Punct)?;
    let last = ctoks.iter().rposition(|t| t.kind != TokenKind::Punct)?;
    Some(Span::new(ctoks[first].span.start, ctoks[last].span.end))
}

fn lower<'a>(doc: &'a Document, t: &Token) -> Cow<'a, str> {
    lowercase(t.text(&doc.text))
}

/// How sure it is that a clause states an event of its own, a verb or an event noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stated {
    None,
    /// Only a word in -ed before a noun, which may be a name's adjective ("the Philippine
    /// armed forces chief") as well as a verb ("Moscow denied reports").
    Modifier,
    /// A verb, an auxiliary, a finite word, an event noun, or a word in -ed before no noun
    /// ("the decline accelerated in the past weeks"), which nothing tells apart.
    Verb,
}

/// What a clause states, the most a word of it tells: by the parse where the sentence was
/// parsed (a verb that is no noun's modifier, "the armed forces", or an auxiliary), else a
/// finite word, an auxiliary or an event verb's form, none right after a determiner ("the
/// deal"), one in -ed less surely before a noun; or, when `nouns`, an event noun
/// ([`names_event`]).
fn stated(
    doc: &Document,
    syntax: &Syntax,
    base: usize,
    clause: &Clause,
    toks: &[Token],
    low: &[Cow<str>],
    nouns: bool,
) -> Stated {
    let (ctoks, clow) = (
        &toks[clause.start..clause.end],
        &low[clause.start..clause.end],
    );
    let before_noun = |i: usize| before_noun(doc, ctoks, clow, i);
    let word = |i: usize| {
        let w = &clow[i];
        let parsed = base + clause.start + i;
        if nouns && names_event(doc, ctoks, clow, i) {
            return Stated::Verb;
        }
        if in_name(doc, ctoks, clow, i) {
            return Stated::None;
        }
        match syntax.upos(parsed) {
            "VERB" if !matches!(syntax.deprel(parsed), "amod" | "compound") => {
                return Stated::Verb;
            }
            "AUX" => return Stated::Verb,
            "" => {}
            _ => return Stated::None,
        }
        let participle = w.len() > 4 && w.ends_with("ed");
        let after_determiner = i > 0 && is(DETERMINER, &clow[i - 1]);
        let event_verb = EVENT_VERBS.contains_key(w.as_ref()) && !participle && !after_determiner;
        if is(FINITE, w) || is(AUXILIARY, w) || event_verb {
            Stated::Verb
        } else if !participle || after_determiner {
            Stated::None
        } else if before_noun(i) {
            Stated::Modifier
        } else {
            Stated::Verb
        }
    };
    (0..clow.len()).map(word).max().unwrap_or(Stated::None)
}

/// Whether the word after `i` is a lower-case word that is no function word: a noun the
/// word at `i` may modify.
fn before_noun(doc: &Document, ctoks: &[Token], low: &[Cow<str>], i: usize) -> bool {
    ctoks.get(i + 1).is_some_and(|t| {
        t.kind == TokenKind::Word
            && t.text(&doc.text).starts_with(char::is_lowercase)
            && ![
                PHRASE_BREAK,
                LABEL_TAIL,
                PREPOSITION,
                DETERMINER,
                AUXILIARY,
                FINITE,
            ]
            .iter()
            .any(|&class| is(class, &low[i + 1]))
    })
}

/// Whether a capitalised word at `i` belongs to a name, not a verb: in a run of
/// capitalised words past the sentence's start ("The Royal Armed Forces", "the United
/// States Armed Forces"; a verb is written in lower case, "Airbus unveiled"), or a word in -ed
/// opening the sentence before a noun ("Armed men").
fn in_name(doc: &Document, ctoks: &[Token], low: &[Cow<str>], i: usize) -> bool {
    let capital = |k: usize| {
        ctoks
            .get(k)
            .is_some_and(|t| t.text(&doc.text).starts_with(char::is_uppercase))
    };
    if !capital(i) {
        return false;
    }
    if ctoks[i].sentence_start {
        return low[i].ends_with("ed") && before_noun(doc, ctoks, low, i);
    }
    (i > 0 && capital(i - 1)) || capital(i + 1)
}

/// Whether the parse reads token `k` as an adjective or a noun's modifier (none where the
/// sentence was not parsed).
fn modifies(syntax: &Syntax, k: usize) -> bool {
    syntax.upos(k) == "ADJ" || matches!(syntax.deprel(k), "amod" | "compound")
}

/// Whether the word at `i` is an event noun naming an event: written as a common noun, or
/// opening the clause, or last of a name ("the Second Punic War"); not a modifier inside a
/// name ("the Disaster Management Agency"), which names no event.
fn names_event(doc: &Document, ctoks: &[Token], low: &[Cow<str>], i: usize) -> bool {
    let capital = |k: usize| {
        ctoks
            .get(k)
            .is_some_and(|t| t.text(&doc.text).starts_with(char::is_uppercase))
    };
    is_event_noun(&low[i]) && (i == 0 || !capital(i) || !capital(i + 1))
}

/// Whether a clause may state an event: a verb, a finite word, a word in -ed or an event
/// noun naming one ([`names_event`]).
fn states_something(doc: &Document, ctoks: &[Token], low: &[Cow<str>]) -> bool {
    low.iter().enumerate().any(|(i, w)| {
        EVENT_VERBS.contains_key(w.as_ref())
            || is(FINITE, w)
            || (w.len() > 4 && w.ends_with("ed") && !in_name(doc, ctoks, low, i))
            || names_event(doc, ctoks, low, i)
    })
}

/// The clause's first asserted event verb (its index) and its tense, if it has one.
fn event_verb(doc: &Document, ctoks: &[Token], low: &[Cow<str>]) -> Option<(usize, Tense)> {
    event_verb_where(doc, ctoks, low, |_| true)
}

/// [`event_verb`] among the words `verbal` allows.
fn event_verb_where(
    doc: &Document,
    ctoks: &[Token],
    low: &[Cow<str>],
    verbal: impl Fn(usize) -> bool,
) -> Option<(usize, Tense)> {
    low.iter().enumerate().find_map(|(i, w)| {
        let form = *EVENT_VERBS.get(w.as_ref()).filter(|_| verbal(i))?;
        let after = After {
            toks: &ctoks[i + 1..],
            low: &low[i + 1..],
        };
        tense(doc, &ctoks[..i], &low[..i], form, after).map(|tense| (i, tense))
    })
}

/// Reads the auxiliaries before a verb form: "has been sent" is perfect, "will be sent"
/// future, "was sending" past; a negated, hypothetical or non-finite form is no event, nor is
/// a participle that describes the noun before it (`after`: the clause's words after it).
fn tense(
    doc: &Document,
    before: &[Token],
    low: &[Cow<str>],
    form: VerbForm,
    after: After,
) -> Option<Tense> {
    let next_is_by = after.low.first().is_some_and(|n| is(AGENT, n));
    // The nearest word before `end` that is not an adverb, a form of "be" or a measure
    // ("is only 16 per cent funded"); `None` past a negation.
    let nearest_before = |end: usize| -> Option<Option<(usize, &str)>> {
        for (i, w) in low[..end].iter().enumerate().rev().take(6) {
            if is(NEGATION, w) {
                return None;
            }
            let measure = is(MEASURE, w)
                || (before[i].kind == TokenKind::Number
                    && low.get(i + 1).is_some_and(|n| is(MEASURE, n)));
            if !(w.ends_with("ly") || is(ADVERB_SKIP, w) || measure) {
                return Some(Some((i, w)));
            }
        }
        Some(None)
    };
    let mut nearest = nearest_before(low.len())?;
    // a copula's base form is present ("the crossings remain closed") unless a future or
    // hypothetical auxiliary or a "to" before it says otherwise ("will remain closed")
    if let Some((at, w)) = nearest
        && is(COPULA_BASE, w)
        && let Some((i, aux)) = nearest_before(at)?
        && (is(FUTURE_AUX, aux) || is(HYPOTHETICAL, aux) || is(INFINITIVE, aux))
    {
        nearest = Some((i, aux));
    }
    let found_word = nearest.is_some();
    let (at, word) = nearest.unwrap_or((0, ""));
    let subject_before = found_word
        && (is(SUBJECT_PRONOUN, word)
            || (!is(MODIFIER_BEFORE, word)
                && before[at].text(&doc.text).starts_with(char::is_uppercase)));
    if is(HYPOTHETICAL, word) {
        return None;
    }
    if is(INFINITIVE, word) {
        let before_to = at.checked_sub(1).map(|i| &low[i]);
        return before_to
            .filter(|w| is(FUTURE_BEFORE_TO, w))
            .map(|_| Tense::Future);
    }
    use VerbForm::*;
    let participle = matches!(form, Participle | PastOrParticiple | Ing);
    match form {
        _ if is(FUTURE_AUX, word) => Some(Tense::Future),
        _ if participle && is(PERFECT_AUX, word) => Some(Tense::Perfect),
        _ if participle && is(PRESENT_AUX, word) => Some(Tense::Present),
        _ if participle && is(PAST_AUX, word) => Some(Tense::Past),
        Past => Some(Tense::Past),
        // "the missiles supplied by Russia" and "for increased vigilance" describe, and so
        // does a participle before its clause's own verb ("the number of people killed is
        // likely to rise", "troops deployed in the east are withdrawing")
        PastOrParticiple
            if !next_is_by && !is(MODIFIER_BEFORE, word) && !before_its_verb(doc, after) =>
        {
            Some(Tense::Past)
        }
        // "supplies", "arms", "sanctions" are nouns as often as verbs: a verb only after a
        // name or a pronoun ("Russia supplies", "it sends")
        ThirdPerson if subject_before => Some(Tense::Present),
        _ => None,
    }
}

/// A clause's words after its verb: the tokens and their lower-case forms.
#[derive(Clone, Copy)]
struct After<'a, 'b> {
    toks: &'a [Token],
    low: &'a [Cow<'b, str>],
}

/// Whether the words after a bare participle go on to its clause's auxiliary, straight
/// after it or after a phrase of place or time, with no coordinator, quotation or other
/// punctuation, or word that opens or joins a clause, between ("killed is", "deployed in the
/// east are"; not "attacked in the night
/// and were repelled", "marched around the square chanting “We will ...”", nor the month
/// "in May").
fn before_its_verb(doc: &Document, after: After) -> bool {
    let opens = after
        .low
        .first()
        .is_some_and(|w| is(AUXILIARY, w) || is(PARTICIPLE_PHRASE, w));
    opens
        && after
            .toks
            .iter()
            .zip(after.low)
            // a word that joins or opens a clause ends the phrase: the auxiliary after it is
            // another clause's ("escalated in the north as talks were stalled")
            .take_while(|(t, w)| {
                t.kind != TokenKind::Punct && !is(COORDINATOR, w) && !is(LABEL_LEAD, w)
            })
            .any(|(t, w)| is(AUXILIARY, w) && t.text(&doc.text).starts_with(char::is_lowercase))
}

/// Event nouns and capitalised words of a clause, for matching connectives to events.
fn nouns_and_names(doc: &Document, ctoks: &[Token]) -> (Vec<String>, Vec<String>) {
    let mut nouns = Vec::new();
    let mut names = Vec::new();
    for t in ctoks.iter().filter(|t| t.is_word()) {
        let w = t.text(&doc.text);
        if is_event_noun(w) {
            nouns.push(singular(&lowercase(w)));
        } else if !t.sentence_start && w.chars().next().is_some_and(char::is_uppercase) {
            names.push(w.to_string());
        }
    }
    (nouns, names)
}

/// Lower-case words of four letters or more that are not function words, adverbs in -ly,
/// the verb at `verb`, or written with a capital (a name, or a sentence's first word, which
/// may be one).
fn content_words(
    doc: &Document,
    ctoks: &[Token],
    low: &[Cow<str>],
    verb: Option<usize>,
) -> Vec<String> {
    let function_words = [DETERMINER, AUXILIARY, PREPOSITION, LABEL_TAIL, ADVERB_SKIP]
        .iter()
        .fold(0u64, |mask, c| mask | 1 << c);
    let function = |w: &str| classes(w) & function_words != 0;
    ctoks
        .iter()
        .zip(low)
        .enumerate()
        .filter(|(i, (t, w))| {
            Some(*i) != verb
                && t.is_word()
                && w.chars().count() >= 4
                && w.chars().all(char::is_alphabetic)
                && !w.ends_with("ly")
                && !function(w)
                && t.text(&doc.text).starts_with(char::is_lowercase)
        })
        .map(|(_, (_, w))| w.to_string())
        .collect()
}

fn singular(word: &str) -> String {
    if is(PLURAL_NOUN, word) {
        return word.to_string();
    }
    word.strip_suffix('s').unwrap_or(word).to_string()
}

/// A short label taken from the clause: without its opening connective, without its date
/// (and the preposition before it), cut at a word boundary near [`LABEL_MAX`] characters.
/// A label that must be cut ends, if it can, where a phrase ends: before one of these words,
/// after the event's verb (`trigger`), and not before half its length.
fn label(
    doc: &Document,
    ctoks: &[Token],
    date: Option<Span>,
    trigger: Option<usize>,
    subject: Option<Span>,
) -> String {
    let words: Vec<&Token> = ctoks.iter().collect();
    // "at Tuesday's debate": a possessive date is part of a noun phrase and stays in
    let possessive = date.is_some_and(|d| {
        let after = words.iter().position(|t| t.span.start >= d.end);
        after.is_some_and(|a| matches!(words[a].text(&doc.text), "'s" | "’s"))
    });
    let date = date.filter(|_| !possessive);
    let in_time = |t: &Token| date.is_some_and(|d| d.contains(t.span));
    let mut keep: Vec<bool> = words.iter().map(|t| !in_time(t)).collect();
    let last_word = words.iter().rposition(|t| t.kind != TokenKind::Punct);
    for (i, k) in keep.iter_mut().enumerate() {
        *k &= last_word.is_some_and(|last| i <= last);
    }
    // the preposition before the date goes with it, and so does one before that which it
    // would leave stranded ("struck at about 3 a.m. on Monday": "struck on Monday"; not "to
    // take over on 1 January")
    let mut gone: Option<Cow<str>> = None;
    for i in (0..words.len()).rev() {
        let before_time = words.get(i + 1).is_some_and(|n| in_time(n));
        let strands = gone.as_deref().is_some_and(|g| is(STRANDING, g));
        let word = lower(doc, words[i]);
        gone = ((before_time || strands) && is(PREPOSITION, &word)).then_some(word);
        if gone.is_some() {
            keep[i] = false;
        }
        // "on the morning of 12 March", "in the early hours of Monday": a part of the date's
        // day or period goes with it, and the preposition and determiner before it
        if gone.as_deref() == Some("of")
            && let Some(from) = period_part_phrase(doc, &words[..i])
        {
            keep[from..i].iter_mut().for_each(|k| *k = false);
            gone = None;
        }
    }
    let mut first = 0;
    while first < words.len()
        && (!keep[first]
            || words[first].kind == TokenKind::Punct
            || (subject.is_none() && is(LABEL_LEAD, &lower(doc, words[first]))))
    {
        first += 1;
    }
    let mut label = subject.map_or(String::new(), |s| format!("{} ", doc.slice(s)));
    // (token, label length in bytes once it is in) for each token taken
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for i in first..words.len() {
        if !keep[i] {
            continue;
        }
        let piece = match taken.last() {
            Some(&(prev, _)) if prev + 1 == i => {
                &doc.text[words[prev].span.end..words[i].span.start]
            }
            Some(_) => " ",
            None => "",
        };
        let word = words[i].text(&doc.text);
        if label.chars().count() + piece.chars().count() + word.chars().count() > LABEL_MAX {
            // the word that does not fit counts as a place to cut before, too
            let next_words: Vec<usize> = taken.iter().skip(1).map(|&(t, _)| t).chain([i]).collect();
            let cut = taken
                .iter()
                .zip(next_words)
                .rev()
                .find(|&(&(end, len), next)| {
                    is(PHRASE_BREAK, &lower(doc, words[next]))
                        && trigger.is_none_or(|t| end >= t)
                        && len >= LABEL_MAX / 2
                });
            if let Some((&(_, len), _)) = cut {
                label.truncate(len);
            }
            break;
        }
        label.push_str(piece);
        label.push_str(word);
        taken.push((i, label.len()));
    }
    let trimmed = trim_tail(&label);
    let last = taken.last().map(|&(t, _)| words[t]);
    // the text after the label's last word, when the label still ends with it
    let rest = last
        .filter(|t| trimmed.ends_with(t.text(&doc.text)))
        .map_or("", |t| &doc.text[t.span.end..]);
    close_quote(trimmed, rest)
}

/// Where the phrase of a day's or period's part before an "of" begins (`words`: the words
/// before it): its preposition, a determiner, up to two lower-case modifiers and a
/// `period_part` noun ("toward the end", "in the early hours", "in the latter part").
fn period_part_phrase(doc: &Document, words: &[&Token]) -> Option<usize> {
    let noun = words.len().checked_sub(1)?;
    if !is(PERIOD_PART, &lower(doc, words[noun])) {
        return None;
    }
    let det = (noun.saturating_sub(3)..noun)
        .rev()
        .find(|&j| is(DETERMINER, &lower(doc, words[j])))?;
    let modifiers = words[det + 1..noun]
        .iter()
        .all(|t| t.kind == TokenKind::Word && t.text(&doc.text).starts_with(char::is_lowercase));
    let prep = det.checked_sub(1)?;
    (modifiers && is(PREPOSITION, &lower(doc, words[prep]))).then_some(prep)
}

/// A label that opens a quotation closes it: with the quotation's own mark when the
/// quotation ends right after the label ("called it “reckless”"), else after an ellipsis
/// ("called it “a reckless…”"), so no label leaves a quote hanging.
fn close_quote(label: &str, rest: &str) -> String {
    let open = label.matches('“').count() > label.matches('”').count();
    let straight = label.matches('"').count() % 2 == 1;
    let mark = match (open, straight) {
        (true, _) => '”',
        (false, true) => '"',
        (false, false) => return label.to_string(),
    };
    let ends_here = rest
        .trim_start_matches(['.', ',', '!', '?', ';', ':'])
        .starts_with(mark);
    let ellipsis = if ends_here { "" } else { "…" };
    format!("{label}{ellipsis}{mark}")
}

fn trim_tail(label: &str) -> &str {
    let mut label =
        label.trim_end_matches(|c: char| c.is_whitespace() || ".!?,;:—–-(\"“".contains(c));
    while let Some((head, last)) = label.rsplit_once(' ') {
        if is(LABEL_TAIL, &lowercase(last)) {
            label = head.trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c));
        } else {
            break;
        }
    }
    label
}
