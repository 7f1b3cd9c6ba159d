//! Long briefings analysed in sections. The extractors' working set (tokens, the claims
//! reader's words and quotation tables, the contradiction word sets) is many times the size
//! of the text; analysed a section of whole paragraphs at a time (of sentences, in a
//! paragraph longer than a section), it stays bounded and only the results grow with the
//! briefing. The sections' results are joined into one analysis:
//! offsets shifted, actors of the same name and kind made one (aliases united, mentions
//! concatenated), claims' sources, contradictions and events pointed at the joined lists,
//! and the sections' timelines merged in chronological order. What only a whole reading
//! finds is lost at the joins: a pronoun, a quotation or a contradiction whose other end is
//! in another section.

use std::cmp::Reverse;
use std::collections::hash_map::Entry;
use std::collections::{BinaryHeap, HashMap};

use jiff::civil::Date;

use super::model::{Actor, ActorKind, Analysis, Claim, Event, Timex};
use super::{UserLexicon, analyze_whole, tokens};
use crate::document::{Document, Span};

/// Briefings longer than this, in bytes of text, are analysed in sections: whole, the
/// extractors need about 28 bytes a byte of text at their peak, within issue 7's 10x + 30 MB
/// only up to about this size. News articles and reports (tens of kB) are far below.
pub const SECTIONED_ABOVE: usize = 1 << 20;

/// A section's size in bytes of text: whole paragraphs, at least one.
const SECTION: usize = 1 << 19;

/// At most this many tokens are analysed at once, whatever the bytes: the working set grows
/// with the tokens (about 100 bytes each at the peak, 280 when every token is a name), and
/// a text of one-character tokens (quote marks, brackets) has as many as it has bytes. News
/// has a token in about 5 bytes, so news longer than about 80 kB is sectioned for its
/// tokens: at 65,536 tokens a section of one-word lines took 18 MB, against the 15 MB left
/// of the bound of 40 MB for 1 MB beside the program and the results.
const TOKENS: usize = 1 << 14;

/// Whether the briefing is analysed in sections: for its bytes or for its tokens.
pub fn needed(doc: &Document) -> bool {
    let len = doc.text.len();
    // a briefing of TOKENS bytes or fewer cannot have more tokens
    len > SECTIONED_ABOVE || len > TOKENS && tokens::count(&doc.text, Span::new(0, len)) > TOKENS
}

pub fn analyze(doc: &Document, lexicon: &UserLexicon) -> Analysis {
    let mut joined = Joined::default();
    for span in sections(units(doc)) {
        joined.add(analyze_whole(&doc.section(span), lexicon), span.start);
    }
    joined.finish()
}

/// A part of the text sections are made of, with its tokens counted.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Unit {
    span: Span,
    tokens: usize,
}

/// What sections are made of: paragraphs, or the sentences of a paragraph too long for a
/// section (a briefing in one line), or pieces of a sentence too long for one (a run of
/// brackets), cut between tokens. Made as they are taken, not held: a briefing of one-word
/// lines has as many paragraphs as it has words.
fn units(doc: &Document) -> impl Iterator<Item = Unit> + '_ {
    let text = &doc.text;
    let fits = move |span: Span| {
        let tokens = tokens::count(text, span);
        (span.len() <= SECTION && tokens <= TOKENS).then_some(Unit { span, tokens })
    };
    doc.paragraphs.iter().flat_map(move |p| {
        let whole = fits(p);
        let (first, last) = if whole.is_some() {
            (0, 0)
        } else {
            let first = doc.sentences.partition_point(|s| s.start < p.start);
            let last = doc.sentences.partition_point(|s| s.start < p.end);
            (first, last.max(first))
        };
        let parts = doc
            .sentences
            .range(first, last)
            .flat_map(move |s| match fits(s) {
                Some(unit) => vec![unit],
                None => pieces(text, s),
            });
        whole.into_iter().chain(parts)
    })
}

/// A sentence too long for a section, cut before a token into pieces that fit one.
fn pieces(text: &str, sentence: Span) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut piece = Unit {
        span: Span::new(sentence.start, sentence.start),
        tokens: 0,
    };
    tokens::scan(text, sentence, |token, _| {
        if piece.tokens == TOKENS || piece.tokens > 0 && token.end - piece.span.start > SECTION {
            piece.span.end = token.start;
            out.push(piece);
            piece = Unit {
                span: Span::new(token.start, token.start),
                tokens: 0,
            };
        }
        piece.tokens += 1;
    });
    piece.span.end = sentence.end;
    out.push(piece);
    out
}

/// Runs of whole units covering them all: each closed once it reaches [`SECTION`] bytes, or
/// before a unit that would take it past [`TOKENS`] tokens.
fn sections(units: impl IntoIterator<Item = Unit>) -> Vec<Span> {
    let mut out = Vec::new();
    // the open section: its span so far and its tokens
    let mut open: Option<(Span, usize)> = None;
    for u in units {
        if let Some((span, tokens)) = open
            && tokens + u.tokens > TOKENS
        {
            out.push(span);
            open = None;
        }
        let (span, tokens) = open.get_or_insert((Span::new(u.span.start, u.span.start), 0));
        span.end = u.span.end;
        *tokens += u.tokens;
        if span.len() >= SECTION {
            out.push(*span);
            open = None;
        }
    }
    out.extend(open.map(|(span, _)| span));
    out
}

/// The sections' results, shifted and pointed at the joined actors.
#[derive(Default)]
struct Joined {
    english: bool,
    actors: Vec<Actor>,
    /// Each actor's index in `actors`, by name and kind.
    by_name: HashMap<(String, ActorKind), usize>,
    claims: Vec<Claim>,
    times: Vec<Timex>,
    /// Each section's timeline in its own chronological order.
    timelines: Vec<Vec<Event>>,
}

impl Joined {
    /// Adds the analysis of the section that starts at byte `base` of the briefing.
    fn add(&mut self, part: Analysis, base: usize) {
        let shift = |s: Span| Span::new(s.start + base, s.end + base);
        self.english |= part.english;

        let mut affiliations = Vec::with_capacity(part.actors.len());
        let index: Vec<usize> = part
            .actors
            .into_iter()
            .map(|mut actor| {
                for m in &mut actor.mentions {
                    m.set_span(shift(m.span()));
                }
                affiliations.push(actor.affiliation.take());
                match self.by_name.entry((actor.name.clone(), actor.kind)) {
                    Entry::Occupied(e) => {
                        unite(&mut self.actors[*e.get()], actor);
                        *e.get()
                    }
                    Entry::Vacant(e) => {
                        e.insert(self.actors.len());
                        self.actors.push(actor);
                        self.actors.len() - 1
                    }
                }
            })
            .collect();
        for (&a, affiliation) in index.iter().zip(affiliations) {
            let affiliation = affiliation.map(|b| index[b]).filter(|&b| b != a);
            let actor = &mut self.actors[a];
            actor.affiliation = actor.affiliation.or(affiliation);
        }
        let actors = |section: Vec<usize>| -> Vec<usize> {
            let mut joined: Vec<usize> = Vec::with_capacity(section.len());
            for a in section.into_iter().map(|a| index[a]) {
                if !joined.contains(&a) {
                    joined.push(a);
                }
            }
            joined
        };

        let (times, claims) = (self.times.len(), self.claims.len());
        self.times.extend(part.times.into_iter().map(|t| Timex {
            span: shift(t.span),
            ..t
        }));
        self.claims.extend(part.claims.into_iter().map(|mut c| {
            c.span = shift(c.span);
            c.sentence = shift(c.sentence);
            c.cue = c.cue.map(shift);
            for s in c.fragments.iter_mut().flatten().chain(&mut c.hedges) {
                *s = shift(*s);
            }
            if let Some(source) = &mut c.source {
                source.span = shift(source.span);
                source.actors = actors(std::mem::take(&mut source.actors));
            }
            for other in &mut c.contradicts {
                *other += claims;
            }
            c
        }));
        let timeline = part
            .timeline
            .into_iter()
            .map(|e| Event {
                span: shift(e.span),
                time: e.time.map(|t| t + times),
                actors: actors(e.actors),
                label: e.label,
                within: e.within,
                given: e.given,
                id: e.id,
            })
            .collect();
        self.timelines.push(timeline);
    }

    fn finish(mut self) -> Analysis {
        for actor in &mut self.actors {
            // an actor met twice in one section has its mentions out of order; sorted
            // only then, as a stable sort takes a buffer of half their size
            if !actor.mentions.is_sorted_by_key(|m| m.span()) {
                actor.mentions.sort_by_key(|m| m.span());
            }
            actor.mentions.dedup();
        }
        let timeline = merge(self.timelines, &self.times);
        Analysis {
            english: self.english,
            actors: self.actors,
            claims: self.claims,
            times: self.times,
            timeline,
        }
    }
}

/// The same actor met again: its surface forms and mentions added to those already known.
fn unite(actor: &mut Actor, more: Actor) {
    for alias in more.aliases {
        if !actor.aliases.contains(&alias) {
            actor.aliases.push(alias);
        }
    }
    actor.mentions.extend(more.mentions);
    if actor.role.is_none() {
        actor.role = more.role;
    }
}

/// The sections' chronological timelines as one: by the interval of each event's date
/// (first day, then the shorter first), the earlier section's first when equal. An undated event goes with the next dated
/// event of its own timeline (just before it), or after the last when none follows, where
/// that timeline's ordering placed it; each timeline keeps its own order.
fn merge(timelines: Vec<Vec<Event>>, times: &[Timex]) -> Vec<Event> {
    let date = |e: &Event| {
        e.time
            .and_then(|t| times.get(t))
            .and_then(|t| t.value.interval())
    };
    // Each event's place in time: its date, else the next dated event's, else the previous.
    let places: Vec<Vec<Option<(Date, Date)>>> = timelines
        .iter()
        .map(|events| {
            let mut places = vec![None; events.len()];
            let mut next = None;
            for (i, e) in events.iter().enumerate().rev() {
                next = date(e).or(next);
                places[i] = next;
            }
            let mut previous = None;
            for (i, e) in events.iter().enumerate() {
                match date(e) {
                    Some(d) => previous = Some(d),
                    None if places[i].is_none() => places[i] = previous,
                    None => {}
                }
            }
            places
        })
        .collect();
    let mut out = Vec::with_capacity(timelines.iter().map(Vec::len).sum());
    let mut sections: Vec<_> = timelines.into_iter().map(Vec::into_iter).collect();
    let mut taken = vec![0; sections.len()];
    let mut next: BinaryHeap<_> = (0..sections.len())
        .filter(|&i| !places[i].is_empty())
        .map(|i| Reverse((places[i][0], i)))
        .collect();
    while let Some(Reverse((_, i))) = next.pop() {
        out.extend(sections[i].next());
        taken[i] += 1;
        match places[i].get(taken[i]) {
            Some(&place) => next.push(Reverse((place, i))),
            // its buffer given back now, not when all are merged: the merged timeline
            // grows as the sections' shrink
            None => sections[i] = Vec::new().into_iter(),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::model::{ClaimKind, Source, TimexType};

    #[test]
    fn sections_are_runs_of_whole_units_covering_them_all() {
        let half = SECTION / 2;
        let unit = |span, tokens| Unit { span, tokens };
        let paragraphs: Vec<Unit> = (0..5)
            .map(|i| unit(Span::new(i * (half + 2), i * (half + 2) + half), 10))
            .collect();
        let run = |a: usize, b: usize| Span::new(paragraphs[a].span.start, paragraphs[b].span.end);
        assert_eq!(
            sections(paragraphs.clone()),
            vec![run(0, 1), run(2, 3), run(4, 4)]
        );
        let one = unit(Span::new(0, 3 * SECTION), 10);
        assert_eq!(sections([one]), vec![one.span]);
        assert!(sections([]).is_empty());
        // short units of many tokens: closed before the one that would pass TOKENS
        let dense: Vec<Unit> = (0..5)
            .map(|i| unit(Span::new(i * 100, i * 100 + 90), TOKENS / 2))
            .collect();
        let spans = |a: usize, b: usize| Span::new(dense[a].span.start, dense[b].span.end);
        assert_eq!(
            sections(dense.clone()),
            vec![spans(0, 1), spans(2, 3), spans(4, 4)]
        );
    }

    #[test]
    fn a_sentence_too_long_for_a_section_is_cut_between_tokens() {
        let text = "(".repeat(2 * TOKENS + 10);
        let out = pieces(&text, Span::new(0, text.len()));
        let tokens: Vec<usize> = out.iter().map(|u| u.tokens).collect();
        assert_eq!(tokens, vec![TOKENS, TOKENS, 10]);
        assert!(out.windows(2).all(|w| w[0].span.end == w[1].span.start));
        assert_eq!((out[0].span.start, out[2].span.end), (0, text.len()));
    }

    fn claim(start: usize, end: usize, source: Vec<usize>, contradicts: Vec<usize>) -> Claim {
        Claim {
            span: Span::new(start, end),
            fragments: None,
            sentence: Span::new(0, end),
            source: Some(Source {
                actors: source,
                span: Span::new(0, 4),
            }),
            cue: Some(Span::new(5, 9)),
            kind: ClaimKind::Assertion,
            hedges: vec![],
            contradicts,
            added: None,
        }
    }

    fn time(start: usize, value: &str) -> Timex {
        Timex {
            span: Span::new(start, start + 4),
            kind: TimexType::Date,
            value: value.parse().unwrap(),
            edge: None,
        }
    }

    fn event(label: &str, time: Option<usize>, actors: Vec<usize>) -> Event {
        Event {
            label: label.into(),
            span: Span::new(10, 20),
            time,
            actors,
            within: None,
            given: None,
            id: None,
        }
    }

    #[test]
    fn sections_join_into_one_analysis_over_the_whole_text() {
        let first = Analysis {
            english: true,
            actors: vec![
                Actor::named_at("Kalmar", ActorKind::Country, &[(0, 6)]),
                Actor::named_at("Ivo Brandt", ActorKind::Person, &[(30, 40)]),
            ],
            claims: vec![claim(12, 20, vec![1], vec![])],
            times: vec![time(50, "2021-03")],
            timeline: vec![event("talks began", Some(0), vec![0])],
        };
        let mut brandt = Actor::named_at("Ivo Brandt", ActorKind::Person, &[(0, 10)]);
        brandt.aliases.push("Brandt".into());
        brandt.affiliation = Some(1);
        let second = Analysis {
            english: true,
            actors: vec![
                brandt,
                Actor::named_at("Kalmar", ActorKind::Organization, &[(20, 26)]),
            ],
            claims: vec![
                claim(12, 20, vec![0], vec![]),
                claim(30, 40, vec![0, 1], vec![0]),
            ],
            times: vec![time(3, "2020-01"), time(8, "2022")],
            timeline: vec![
                event("the vote", Some(0), vec![]),
                event("riots", None, vec![0]),
                event("the treaty", Some(1), vec![1]),
            ],
        };
        let mut joined = Joined::default();
        joined.add(first, 0);
        joined.add(second, 1000);
        let a = joined.finish();

        // the person is one actor; the organisation is not the country of the same name
        let names: Vec<_> = a.actors.iter().map(|x| (x.name.as_str(), x.kind)).collect();
        assert_eq!(
            names,
            vec![
                ("Kalmar", ActorKind::Country),
                ("Ivo Brandt", ActorKind::Person),
                ("Kalmar", ActorKind::Organization),
            ]
        );
        let brandt = &a.actors[1];
        assert_eq!(brandt.aliases, vec!["Ivo Brandt", "Brandt"]);
        let spans: Vec<_> = brandt.mentions.iter().map(|m| m.span()).collect();
        assert_eq!(spans, vec![Span::new(30, 40), Span::new(1000, 1010)]);
        assert_eq!(brandt.affiliation, Some(2));

        assert_eq!(a.claims[1].span, Span::new(1012, 1020));
        assert_eq!(a.claims[1].cue, Some(Span::new(1005, 1009)));
        assert_eq!(a.claims[2].source.as_ref().unwrap().actors, vec![1, 2]);
        assert_eq!(a.claims[2].contradicts, vec![1]);
        assert_eq!(a.times[1].span, Span::new(1003, 1007));

        let timeline: Vec<_> = a
            .timeline
            .iter()
            .map(|e| (e.label.as_str(), e.time, e.span.start))
            .collect();
        assert_eq!(
            timeline,
            vec![
                ("the vote", Some(1), 1010),
                ("talks began", Some(0), 10),
                ("riots", None, 1010),
                ("the treaty", Some(2), 1010),
            ]
        );
        assert_eq!(a.timeline[2].actors, vec![1]);
    }
}
