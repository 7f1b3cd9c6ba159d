//! Finding time expressions in the token stream: a small hand-written grammar over words,
//! tried at each word, longest match first.

use std::borrow::Cow;

use super::lexicon::{Cue, Entry, Fixed, Gram, LEXICON, Unit, WordEntry};
use super::normalise::{Anchor, Count, Sem, holiday_date};
use super::value::{Calendar, Clock, DayPart, TimeValue};
use crate::analysis::model::TimexType;
use crate::analysis::tokens::{Token, TokenKind};
use crate::document::Span;

/// A token, or one part of a hyphenated word ("mid" and "1990s" of "mid-1990s").
pub struct Word<'a> {
    pub span: Span,
    pub text: &'a str,
    /// Lower case; borrowed when the text already is.
    pub lower: Cow<'a, str>,
    /// Its entries in the time lexicon (none for most words), looked up once: the grammar
    /// asks about a word many times.
    pub entries: &'static [WordEntry],
    /// Its cue classes (`time_cues.tsv`), as a mask of [`Cue::bit`]s, looked up once too.
    pub cues: u64,
    /// Its grammar classes (`time_grammar.tsv`), as a mask of [`Gram::bit`]s.
    pub grammar: u64,
    pub kind: TokenKind,
    pub sentence: usize,
    /// The part ends its token: an expression may end here.
    pub token_end: bool,
    /// The part starts its token: an expression may start here.
    pub token_start: bool,
    /// The first word of its sentence.
    pub sentence_start: bool,
}

/// The words of `tokens`, appended to `out`.
pub fn words<'a>(text: &'a str, tokens: &[Token], out: &mut Vec<Word<'a>>) {
    out.reserve(tokens.len());
    for t in tokens {
        let s = t.text(text);
        let hyphenated = t.kind == TokenKind::Word && s.contains(['-', '‐']);
        if !hyphenated {
            out.push(word(s, t, t.span, t.kind, true, true));
            continue;
        }
        let mut start = 0;
        let pieces: Vec<(usize, &str)> = s
            .split(['-', '‐'])
            .map(|p| {
                let at = start;
                start += p.len() + s[at + p.len()..].chars().next().map_or(0, char::len_utf8);
                (at, p)
            })
            .collect();
        let last = pieces.len() - 1;
        for (k, (at, p)) in pieces.into_iter().enumerate() {
            if p.is_empty() {
                continue;
            }
            let kind = if p.starts_with(|c: char| c.is_ascii_digit()) {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            let span = Span::new(t.span.start + at, t.span.start + at + p.len());
            out.push(word(p, t, span, kind, k == 0, k == last));
        }
    }
}

fn word<'a>(
    s: &'a str,
    t: &Token,
    span: Span,
    kind: TokenKind,
    first: bool,
    last: bool,
) -> Word<'a> {
    let lower = if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    };
    let (entries, cues, grammar) = LEXICON.word(&lower);
    Word {
        span,
        text: s,
        entries,
        cues,
        grammar,
        lower,
        kind,
        sentence: t.sentence,
        token_end: last,
        token_start: first,
        sentence_start: t.sentence_start && first,
    }
}

/// A recognised expression: words `start..end` and what they say.
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
}

pub struct Parser<'w, 'a> {
    pub w: &'w [Word<'a>],
}

impl<'w, 'a> Parser<'w, 'a> {
    fn lower(&self, i: usize) -> &str {
        self.w.get(i).map_or("", |w| w.lower.as_ref())
    }
    fn is(&self, i: usize, s: &str) -> bool {
        self.lower(i) == s
    }
    /// Whether the word at `i` is of a grammar class of `time_grammar.tsv`.
    fn gram(&self, i: usize, gram: Gram) -> bool {
        self.w.get(i).is_some_and(|w| w.grammar & gram.bit() != 0)
    }
    /// Whether the word at `i` is of a cue class of `time_cues.tsv`.
    fn cue(&self, i: usize, cue: Cue) -> bool {
        self.w.get(i).is_some_and(|w| w.cues & cue.bit() != 0)
    }
    fn entries(&self, i: usize) -> &'static [WordEntry] {
        self.w.get(i).map_or(&[], |w| w.entries)
    }
    fn entry(&self, i: usize, pick: impl Fn(Entry) -> bool) -> Option<Entry> {
        let w = self.w.get(i)?;
        let e = w.entries.iter().copied().find(|e| pick(e.entry))?;
        // "Feb. 24", "Fri., Feb. 24": an abbreviation needs a date after it ("The Sun." has none)
        let k = if self.is(i + 1, ".") { i + 2 } else { i + 1 };
        let k = if self.is(k, ",") { k + 1 } else { k };
        let dated = self.w.get(k).is_some_and(|w| w.kind == TokenKind::Number)
            || self
                .entries(k)
                .iter()
                .any(|e| matches!(e.entry, Entry::Month(_)));
        if e.abbreviation && !dated {
            return None;
        }
        Some(e.entry)
    }
    /// Words after an abbreviation's stop: "Feb." spans two tokens.
    fn after_stop(&self, i: usize) -> usize {
        let abbreviated = self.entries(i).iter().any(|e| e.abbreviation);
        if abbreviated && self.is(i + 1, ".") && self.adjacent(i, i + 1) {
            i + 2
        } else {
            i + 1
        }
    }
    fn adjacent(&self, a: usize, b: usize) -> bool {
        match (self.w.get(a), self.w.get(b)) {
            (Some(x), Some(y)) => x.span.end == y.span.start,
            _ => false,
        }
    }
    fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.w.get(a), self.w.get(b)) {
            (Some(x), Some(y)) => x.sentence == y.sentence,
            _ => false,
        }
    }
    /// A plain integer token ("24", "2022"), not "10,000" or "3.5".
    fn number(&self, i: usize) -> Option<u32> {
        let w = self.w.get(i)?;
        if w.kind != TokenKind::Number || !w.text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        w.text.parse().ok().filter(|_| w.text.len() <= 6)
    }
    /// The word at `i` is a lower-case content word of the same sentence: what comes before
    /// it modifies a noun.
    pub fn before_noun(&self, i: usize) -> bool {
        self.w.get(i).is_some_and(|w| {
            w.kind == TokenKind::Word
                && w.text.starts_with(char::is_lowercase)
                && w.cues & Cue::Function.bit() == 0
                && i > 0
                && w.sentence == self.w[i - 1].sentence
        })
    }
    fn capitalised(&self, i: usize) -> bool {
        self.w
            .get(i)
            .is_some_and(|w| w.text.starts_with(|c: char| c.is_uppercase()))
    }

    /// The longest expression starting at word `i`.
    pub fn parse(&self, i: usize) -> Option<Found> {
        let w = self.w.get(i)?;
        let starts = w.kind == TokenKind::Number
            || LEXICON.starts(&w.lower)
            || fiscal_year(w.text).is_some();
        if !w.token_start || !starts {
            return None;
        }
        let found = [self.phrase(i), self.modified(i), self.core(i), self.set(i)]
            .into_iter()
            .flatten()
            .filter(|f| self.w.get(f.end - 1).is_some_and(|w| w.token_end))
            .max_by_key(|f| f.end)?;
        // "USA Today", "Yucatan Today": a capitalised time word after a name is part of it
        let name = matches!(found.sem, Sem::Fixed(..) | Sem::Day { .. })
            && self.capitalised(found.start)
            && !self.w[found.start].sentence_start
            && found.start > 0
            && self.capitalised(found.start - 1);
        (!name).then_some(found)
    }

    fn phrase(&self, i: usize) -> Option<Found> {
        LEXICON.phrases(self.lower(i)).iter().find_map(|p| {
            let ok = p.words.iter().enumerate().all(|(k, pw)| self.is(i + k, pw));
            ok.then_some(Found {
                start: i,
                end: i + p.words.len(),
                sem: Sem::Fixed(p.kind, p.value),
            })
        })
    }

    /// Christmas, Thanksgiving Day, New Year's Eve (capitalised).
    fn holiday(&self, i: usize) -> Option<Found> {
        if !self.capitalised(i) {
            return None;
        }
        LEXICON.holidays(self.lower(i)).iter().find_map(|h| {
            let ok = h.words.iter().enumerate().all(|(k, hw)| {
                let l = self.lower(i + k);
                l == *hw || l.replace('’', "'") == *hw
            });
            let end = i + h.words.len();
            // "Christmas 2023", "Easter Monday, 1916": that year's
            let at = end + usize::from(self.is(end, ","));
            let dated = self
                .year_number(at)
                .and_then(|y| holiday_date(h.rule, i16::try_from(y).ok()?));
            ok.then(|| match dated {
                Some(d) => Found {
                    start: i,
                    end: at + 1,
                    sem: Sem::Date {
                        year: Some(i32::from(d.year())),
                        month: Some(d.month() as u8),
                        day: Some(d.day() as u8),
                    },
                },
                // "Easter week", "Thanksgiving week": the week the feast falls in
                None if self.unit(end) == Some(Unit::Week) && !self.lower(end).ends_with('s') => {
                    Found {
                        start: i,
                        end: end + 1,
                        sem: Sem::WeekOf(Box::new(Sem::Holiday(h.rule))),
                    }
                }
                None => Found {
                    start: i,
                    end,
                    sem: Sem::Holiday(h.rule),
                },
            })
        })
    }

    /// Modifiers kept in the span before a core expression: "the", "early", "nearly",
    /// "the end of", "more than".
    fn modified(&self, i: usize) -> Option<Found> {
        let mut j = i;
        let mut approx = false;
        let mut the = false;
        let mut edge = false;
        let mut end_of = false;
        loop {
            // "early", "mid", "late" alone; "end", "start" only as "the end of"
            let of = self.gram(j + 1, Gram::Of);
            let noun = self.cue(j, Cue::PositionNoun);
            if self.entry(j, |e| matches!(e, Entry::Edge(_))).is_some()
                && j + 1 < self.w.len()
                && (of || !noun)
            {
                end_of = self.cue(j, Cue::EndEdge);
                j += if of { 2 } else { 1 };
                edge = true;
                the = false;
                continue;
            }
            if self.entry(j, |e| e == Entry::Approx).is_some()
                || (self.cue(j, Cue::Comparative) && self.gram(j + 1, Gram::Than))
                || self.at_least(j)
                || (self.gram(j, Gram::UpTo) && self.gram(j + 1, Gram::To))
            {
                j += if self.cue(j, Cue::Comparative)
                    || self.gram(j, Gram::AtLeast)
                    || self.gram(j, Gram::UpTo)
                {
                    2
                } else {
                    1
                };
                approx = true;
                continue;
            }
            if self.gram(j, Gram::Definite) && !the {
                j += 1;
                the = true;
                continue;
            }
            break;
        }
        if j == i {
            return None;
        }
        // "mid afternoon", "early morning": that part of the day, after an edge word only
        let part = self
            .daypart(j)
            .filter(|_| edge && !end_of && !self.lower(j).ends_with('s'));
        let core = self.core(j).or_else(|| self.phrase(j));
        let core = core.or_else(|| {
            part.map(|part| Found {
                start: j,
                end: j + 1,
                sem: Sem::Day {
                    offset: 0,
                    part: Some(part),
                },
            })
        });
        let core = core.or_else(|| {
            // "the end of the year": after a position word, "the year" is the current one
            let unit = self
                .unit(j)
                .filter(|u| matches!(u, Unit::Year | Unit::Month | Unit::Week));
            let singular = !self.lower(j).ends_with('s');
            let sem = Sem::Relative {
                unit: unit?,
                offset: 0,
            };
            (edge && singular).then_some(Found {
                start: j,
                end: j + 1,
                sem,
            })
        })?;
        // "the end of the year" may be last year's: the tense says
        let this_year = Sem::Relative {
            unit: Unit::Year,
            offset: 0,
        };
        let core = match core.sem {
            ref sem if end_of && *sem == this_year => Found {
                sem: Sem::YearEnd,
                ..core
            },
            _ => core,
        };
        // "the recent sale", "the recently passed law": "the" belongs to the noun after an
        // adjective or adverb, not to the time word
        let lone_word = core.end - core.start == 1 && !edge && !approx;
        if lone_word && matches!(core.sem, Sem::Fixed(_, Fixed::Value(TimeValue::Ref(_)))) {
            return None;
        }
        let keeps = match core.sem {
            Sem::Duration { .. } | Sem::HalfDuration { .. } | Sem::Shift { .. } => true,
            Sem::Fixed(TimexType::Duration, _) => true,
            _ => !approx,
        };
        keeps.then_some(Found { start: i, ..core })
    }

    fn core(&self, i: usize) -> Option<Found> {
        [
            self.deictic(i),
            self.holiday(i),
            self.weekday(i),
            self.month_date(i),
            self.day_month(i),
            self.numeric(i),
            self.the_year(i),
            self.quarter(i),
            self.season(i),
            self.relative(i),
            self.counted(i),
            self.bare_plural(i),
            self.period(i),
            self.clock(i),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|f| f.end)
    }

    fn daypart(&self, i: usize) -> Option<DayPart> {
        match self.entry(i, |e| matches!(e, Entry::DayPart(_)))? {
            Entry::DayPart(p) => Some(p),
            _ => None,
        }
    }

    /// today, yesterday morning, tonight.
    fn deictic(&self, i: usize) -> Option<Found> {
        let Entry::Day(offset) = self.entry(i, |e| matches!(e, Entry::Day(_)))? else {
            return None;
        };
        if self.gram(i, Gram::Tonight) {
            return Some(Found {
                start: i,
                end: i + 1,
                sem: Sem::Day {
                    offset,
                    part: Some(DayPart::Night),
                },
            });
        }
        let part = self.daypart(i + 1);
        let end = if part.is_some() { i + 2 } else { i + 1 };
        Some(Found {
            start: i,
            end,
            sem: Sem::Day { offset, part },
        })
    }

    /// Friday, Friday morning, Friday, July 21, 2017.
    fn weekday(&self, i: usize) -> Option<Found> {
        let Entry::Weekday(day) = self.entry(i, |e| matches!(e, Entry::Weekday(_)))? else {
            return None;
        };
        if !self.capitalised(i) {
            return None;
        }
        let mut j = self.after_stop(i);
        if self.is(j, ",") {
            j += 1;
        }
        if let Some(date) = self.month_date(j).or_else(|| self.day_month(j)) {
            return Some(Found { start: i, ..date });
        }
        let end = self.after_stop(i);
        let part = self.daypart(end);
        let end = if part.is_some() { end + 1 } else { end };
        Some(Found {
            start: i,
            end,
            sem: Sem::Weekday {
                day,
                rel: None,
                part,
            },
        })
    }

    fn month(&self, i: usize) -> Option<u8> {
        match self.entry(i, |e| matches!(e, Entry::Month(_)))? {
            Entry::Month(m) => Some(m),
            _ => None,
        }
    }

    fn day_number(&self, i: usize) -> Option<u8> {
        let w = self.w.get(i)?;
        if w.kind != TokenKind::Number {
            return None;
        }
        let digits = w.lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w.lower[digits.len()..];
        if !(suffix.is_empty() || LEXICON.cue(suffix, Cue::OrdinalSuffix)) || digits.len() > 2 {
            return None;
        }
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    }

    fn year_number(&self, i: usize) -> Option<i32> {
        let w = self.w.get(i)?;
        (w.kind == TokenKind::Number && w.text.len() == 4)
            .then(|| self.number(i))
            .flatten()
            .map(|n| n as i32)
            .filter(|y| (1000..=2200).contains(y))
    }

    /// February 24, 2022; Feb. 24; February 2022; February (capitalised, not "may").
    fn month_date(&self, i: usize) -> Option<Found> {
        let month = self.month(i)?;
        if !self.capitalised(i) {
            return None;
        }
        let j = self.after_stop(i);
        // "March 8", "March 8th", "March eighth"
        let spelled = || match self.entry(j, |e| matches!(e, Entry::Ordinal(_))) {
            Some(Entry::Ordinal(n)) if n <= 31 => Some(n as u8),
            _ => None,
        };
        if let Some(day) = self.day_number(j).or_else(spelled) {
            let mut end = j + 1;
            let mut year = None;
            let k = if self.is(end, ",") { end + 1 } else { end };
            if let Some(y) = self.year_number(k) {
                year = Some(y);
                end = k + 1;
            }
            return Some(Found {
                start: i,
                end,
                sem: Sem::Date {
                    year,
                    month: Some(month),
                    day: Some(day),
                },
            });
        }
        if let Some(Entry::Relative(offset)) = self.entry(j, |e| matches!(e, Entry::Relative(_)))
            && self.gram(j + 1, Gram::YearNoun)
            && self.capitalised(i)
        {
            let sem = Sem::MonthInYear { month, offset };
            return Some(Found {
                start: i,
                end: j + 2,
                sem,
            });
        }
        let k = if self.is(j, ",") { j + 1 } else { j };
        let year = self
            .year_number(k)
            .map(|y| (y, k + 1))
            .or_else(|| self.spoken_year(k));
        if let Some((y, end)) = year {
            return Some(Found {
                start: i,
                end,
                sem: Sem::Date {
                    year: Some(y),
                    month: Some(month),
                    day: None,
                },
            });
        }
        // a month name alone: "May" and "March" also are words, so ask for a date-like context
        let ambiguous = matches!(month, 3 | 5) || self.entries(i).len() > 1;
        let prev = if i > 0 { self.lower(i - 1) } else { "" };
        let context = LEXICON.cue(prev, Cue::Month);
        // "MAY" in capitals is a word in a headline unless a preposition says otherwise
        let shouting = self.w[i].text.chars().all(char::is_uppercase);
        if (ambiguous || shouting) && !context || shouting && ambiguous || self.w[i].lower.len() < 3
        {
            return None;
        }
        Some(Found {
            start: i,
            end: j,
            sem: Sem::Date {
                year: None,
                month: Some(month),
                day: None,
            },
        })
    }

    /// 24 February 2022, 24 Feb.; the first day of a range whose second day gives the month,
    /// "between 1 and 14 October" ("from 3 to 9 May 2024").
    fn day_month(&self, i: usize) -> Option<Found> {
        let day = self.day_number(i)?;
        let range_start = i > 0
            && self.gram(i - 1, Gram::RangeStart)
            && self.cue(i + 1, Cue::Range)
            && self.day_number(i + 2).is_some();
        if range_start && self.month(i + 1).is_none() {
            let end = self.day_month(i + 2)?;
            let Sem::Date { year, month, .. } = end.sem else {
                return None;
            };
            return Some(Found {
                start: i,
                end: i + 1,
                sem: Sem::Date {
                    year,
                    month,
                    day: Some(day),
                },
            });
        }
        let month = self.month(i + 1)?;
        if !self.capitalised(i + 1) {
            return None;
        }
        let j = self.after_stop(i + 1);
        let (year, end) = match self.year_number(j) {
            Some(y) => (Some(y), j + 1),
            None => (None, j),
        };
        Some(Found {
            start: i,
            end,
            sem: Sem::Date {
                year,
                month: Some(month),
                day: Some(day),
            },
        })
    }

    /// 2022-02-24, 02/24/2022, 1990s, 2022 in a year-like context, 20th century.
    fn numeric(&self, i: usize) -> Option<Found> {
        let w = self.w.get(i)?;
        if w.kind != TokenKind::Number {
            return self
                .short_decade(i)
                .or_else(|| self.century(i))
                .or_else(|| {
                    let (year, end) = self.spoken_year(i)?;
                    let sem = Sem::year(year);
                    Some(Found { start: i, end, sem })
                });
        }
        if let Some(y) = self.year_number(i) {
            // 2022-02-24: five adjacent tokens; 2022-02-24T10:00Z: seven, a time on that day
            if self.is(i + 1, "-") && self.adjacent(i, i + 1) && self.adjacent(i + 1, i + 2) {
                let m = self.number(i + 2).filter(|m| (1..=12).contains(m));
                let day_text = self.w.get(i + 4).map_or("", |w| w.text);
                let stamp = day_text.strip_suffix('T');
                let d = (self.is(i + 3, "-")
                    && self.adjacent(i + 2, i + 3)
                    && self.adjacent(i + 3, i + 4))
                .then(|| match stamp {
                    Some(day) => day.parse().ok(),
                    None => self.number(i + 4),
                })
                .flatten()
                .filter(|d| (1..=31).contains(d));
                if let (Some(m), Some(d)) = (m, d) {
                    let date = Sem::Date {
                        year: Some(y),
                        month: Some(m as u8),
                        day: Some(d as u8),
                    };
                    let clock = stamp
                        .filter(|_| self.adjacent(i + 4, i + 5))
                        .and_then(|_| iso_clock(self.w.get(i + 5)?.text));
                    return Some(match clock {
                        Some((hour, minute)) => Found {
                            start: i,
                            end: i + 6,
                            sem: Sem::Clock {
                                hour,
                                minute,
                                on: Some(Box::new(date)),
                            },
                        },
                        None => Found {
                            start: i,
                            end: i + 5,
                            sem: date,
                        },
                    });
                }
            }
            if self.year_context(i) {
                return Some(Found {
                    start: i,
                    end: i + 1,
                    sem: Sem::year(y),
                });
            }
            return None;
        }
        // "1957-58": the second year of a range, written short
        if let Some(n) = self.number(i).filter(|_| w.text.len() == 2)
            && i >= 2
            && self.is(i - 1, "-")
            && self.adjacent(i - 2, i - 1)
            && self.adjacent(i - 1, i)
            && let Some(first) = self.year_number(i - 2)
            && n as i32 > first % 100
        {
            let sem = Sem::Date {
                year: Some(first / 100 * 100 + n as i32),
                month: None,
                day: None,
            };
            return Some(Found {
                start: i,
                end: i + 1,
                sem,
            });
        }
        // 490 BC
        if let Some(n) = self.number(i).filter(|n| (1..10_000).contains(n))
            && self.cue(i + 1, Cue::BeforeCommonEra)
        {
            return Some(Found {
                start: i,
                end: i + 2,
                sem: Sem::BcYear(n),
            });
        }
        if let Some(sem) = slash_date(w.text) {
            return Some(Found {
                start: i,
                end: i + 1,
                sem,
            });
        }
        if let Some(stem) = w
            .lower
            .strip_suffix('s')
            .filter(|s| s.len() == 4 && s.ends_with('0'))
            && let Ok(y) = stem.parse::<i32>()
        {
            return Some(Found {
                start: i,
                end: i + 1,
                sem: Sem::Decade(y / 10),
            });
        }
        self.century(i)
    }

    /// A year read out as in a broadcast transcript: "nineteen ninety-six", "eighteen twelve";
    /// the year and the word after it.
    fn spoken_year(&self, i: usize) -> Option<(i32, usize)> {
        let number = |k: usize| match self.entry(k, |e| matches!(e, Entry::Number(_))) {
            Some(Entry::Number(n)) if !self.cue(k, Cue::Article) => Some(n),
            _ => None,
        };
        let century = number(i).filter(|n| (18..=20).contains(n))?;
        let tens = number(i + 1).filter(|n| n % 10 == 0 && (20..=90).contains(n))?;
        // "ninety-six": the ones are the rest of the same hyphenated word
        let ones = number(i + 2).filter(|n| (1..=9).contains(n) && !self.w[i + 2].token_start);
        let end = if ones.is_some() { i + 3 } else { i + 2 };
        let year = century * 100 + tens + ones.unwrap_or(0);
        // "nineteen twenty-year-olds", "twenty thirty-somethings" count people
        let count = self.unit(end).is_some() || self.plural(end);
        (!count && self.w[end - 1].token_end).then_some((year as i32, end))
    }

    /// "the year 2000", "the year two thousand and one": "the year" is part of the span.
    fn the_year(&self, i: usize) -> Option<Found> {
        if !self.gram(i, Gram::Definite) || !self.gram(i + 1, Gram::YearNoun) {
            return None;
        }
        let (year, end) = match self.year_number(i + 2) {
            Some(year) => (year, i + 3),
            None => self
                .spoken_year(i + 2)
                .or_else(|| self.thousands_year(i + 2))?,
        };
        let sem = Sem::year(year);
        Some(Found { start: i, end, sem })
    }

    /// "two thousand", "two thousand and eight", "two thousand twelve" (after "the year" only:
    /// elsewhere it is a count); the year and the word after it.
    fn thousands_year(&self, i: usize) -> Option<(i32, usize)> {
        if !self.gram(i, Gram::TwoThousand) || !self.gram(i + 1, Gram::Thousand) {
            return None;
        }
        let k = i + 2 + usize::from(self.gram(i + 2, Gram::And));
        let number = |k: usize| match self.entry(k, |e| matches!(e, Entry::Number(_))) {
            Some(Entry::Number(n)) if (1..=99).contains(&n) && !self.gram(k, Gram::Indefinite) => {
                Some(n)
            }
            _ => None,
        };
        let Some(n) = number(k) else {
            return Some((2000, i + 2));
        };
        // "twenty-one": the ones are the rest of the same hyphenated word
        let ones = number(k + 1).filter(|o| *o < 10 && n % 10 == 0 && !self.w[k + 1].token_start);
        let end = if ones.is_some() { k + 2 } else { k + 1 };
        Some((2000 + (n + ones.unwrap_or(0)) as i32, end))
    }

    /// The '90s: a decade of the last century from '20s up, of this one below.
    fn short_decade(&self, i: usize) -> Option<Found> {
        if !matches!(self.lower(i), "'" | "’") || !self.adjacent(i, i + 1) {
            return None;
        }
        let w = self.w.get(i + 1)?;
        let stem = w
            .lower
            .strip_suffix('s')
            .filter(|s| s.len() == 2 && s.ends_with('0'))?;
        let y: i32 = stem.parse().ok()?;
        let century = if y >= 20 { 1900 } else { 2000 };
        Some(Found {
            start: i,
            end: i + 2,
            sem: Sem::Decade((century + y) / 10),
        })
    }

    /// "the 20th century", "the nineteenth century".
    fn century(&self, i: usize) -> Option<Found> {
        if !self.cue(i + 1, Cue::Century) {
            return None;
        }
        let n = match self.entry(i, |e| matches!(e, Entry::Ordinal(_))) {
            Some(Entry::Ordinal(n)) => n,
            _ => {
                let w = self.w.get(i)?;
                w.lower
                    .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                    .parse()
                    .ok()?
            }
        };
        (1..=30).contains(&n).then(|| Found {
            start: i,
            end: i + 2,
            sem: Sem::Century(n as i32 - 1),
        })
    }

    /// "at least", "at most" at `j`: what follows is approximate.
    fn at_least(&self, j: usize) -> bool {
        self.gram(j, Gram::AtLeast) && self.cue(j + 1, Cue::Superlative)
    }

    /// A lower-case plural noun: the number before it counts ("2000 tanks").
    fn plural(&self, i: usize) -> bool {
        self.w.get(i).is_some_and(|n| {
            n.kind == TokenKind::Word
                && n.lower.ends_with('s')
                && !n.lower.ends_with("ss")
                && n.lower.len() > 3
                && n.cues & Cue::NotPlural.bit() == 0
                && !n.text.starts_with(|c: char| c.is_uppercase())
        })
    }

    /// A four-digit number is a year after a preposition or a month, at either end of a range,
    /// or if it lies in 1900-2100; never when something marks it as a count ("about 2000
    /// people", "2000 tanks").
    fn year_context(&self, i: usize) -> bool {
        let prev = if i > 0 && self.same_sentence(i - 1, i) {
            self.lower(i - 1)
        } else {
            ""
        };
        // "since at least 2021": the approximate edge of a stretch of time, not a count
        let edge = i >= 3 && self.at_least(i - 2) && self.cue(i - 3, Cue::Bound);
        if LEXICON.cue(prev, Cue::Quantity) && !(edge && self.same_sentence(i - 3, i)) {
            return false;
        }
        // one end of a range of years: "(1789-1791)", "from 1792 to 1797"
        let dash = |k: usize| self.cue(k, Cue::Range);
        if dash(i + 1) && self.year_number(i + 2).is_some()
            || i >= 2 && dash(i - 1) && self.year_number(i - 2).is_some()
            || prev == "(" && self.is(i + 1, ")")
        {
            return true;
        }
        let year_like = self.number(i).is_some_and(|y| (1800..=2100).contains(&y));
        if self.plural(i + 1) {
            // "the 2014 elections", "its 1995 profits": a determiner before a count is rare
            return year_like && LEXICON.cue(prev, Cue::YearDeterminer);
        }
        if LEXICON.cue(prev, Cue::Year) || self.month(i.wrapping_sub(1)).is_some() {
            return true;
        }
        self.number(i).is_some_and(|y| (1900..=2100).contains(&y))
    }

    /// "last year", "this year", "next year" at `i`: the years from the published one.
    fn year_offset(&self, i: usize) -> Option<i32> {
        let offset = if self.gram(i, Gram::Last) {
            -1
        } else if self.gram(i, Gram::This) {
            0
        } else if self.gram(i, Gram::Next) {
            1
        } else {
            return None;
        };
        self.gram(i + 1, Gram::YearNoun).then_some(offset)
    }

    /// third quarter (of 1990), the fiscal first quarter, first half, fiscal 1998, last
    /// year's fourth quarter, the first half of next year.
    fn quarter(&self, i: usize) -> Option<Found> {
        // "FY2024", "FY24": a fiscal year in one word
        if let Some(year) = fiscal_year(self.w.get(i)?.text) {
            let sem = Sem::year(year);
            return Some(Found {
                start: i,
                end: i + 1,
                sem,
            });
        }
        // "last year's fourth quarter"
        if let Some(offset) = self.year_offset(i)
            && self.cue(i + 2, Cue::Possessive)
        {
            let found = self.quarter(i + 3)?;
            return match found.sem {
                Sem::Quarter { year: None, q } => Some(Found {
                    start: i,
                    end: found.end,
                    sem: Sem::QuarterInYear { q, offset },
                }),
                _ => None,
            };
        }
        let mut j = i;
        let mut year = self.year_number(j).filter(|_| {
            self.capitalised(j + 1)
                || self
                    .entry(j + 1, |e| matches!(e, Entry::Ordinal(_) | Entry::Fiscal))
                    .is_some()
        });
        if year.is_some() {
            j += 1;
        }
        let fiscal = self.entry(j, |e| e == Entry::Fiscal).is_some();
        if fiscal {
            j += 1;
            if let Some(y) = self.year_number(j) {
                return Some(Found {
                    start: i,
                    end: j + 1,
                    sem: Sem::year(y),
                });
            }
            if self.cue(j, Cue::YearWord) {
                return Some(Found {
                    start: i,
                    end: j + 1,
                    sem: Sem::Relative {
                        unit: Unit::Year,
                        offset: 0,
                    },
                });
            }
        }
        // "Q3", "Q3 2024", "2024 Q3", "H1 of 2025": in capitals ("h1" may be anything)
        if let Some(Entry::Period(q)) = self.entry(j, |e| matches!(e, Entry::Period(_)))
            && self.w[j].text.starts_with(['Q', 'H'])
        {
            let k = j + 1 + usize::from(self.gram(j + 1, Gram::Of) || self.is(j + 1, ","));
            let (year, end) = match self.year_number(k) {
                Some(y) if year.is_none() => (Some(y), k + 1),
                _ => (year, j + 1),
            };
            return Some(Found {
                start: i,
                end,
                sem: Sem::Quarter { year, q },
            });
        }
        // "the last half of 1989": the last of its year only when a year follows
        let of_year = self.gram(j + 2, Gram::Of) && self.year_number(j + 3).is_some();
        // "the first two quarters (of 1990)": its first half, as "the last two quarters" of a
        // year is its second
        if self.gram(j + 1, Gram::TwoThousand) && self.gram(j + 2, Gram::Quarters) {
            let year_follows = self.gram(j + 3, Gram::Of) && self.year_number(j + 4).is_some();
            let q = if self.gram(j, Gram::First) {
                5
            } else if self.gram(j, Gram::Last) && year_follows {
                6
            } else {
                return None;
            };
            let (year, end) = match self.year_number(j + 4) {
                Some(y) if year_follows => (Some(y), j + 5),
                _ => (year, j + 3),
            };
            return Some(Found {
                start: i,
                end,
                sem: Sem::Quarter { year, q },
            });
        }
        let n = match self.entry(j, |e| matches!(e, Entry::Ordinal(_))) {
            Some(Entry::Ordinal(n)) => n,
            _ if self.gram(j, Gram::Last) && of_year => {
                if self.gram(j + 1, Gram::Half) {
                    2
                } else {
                    4
                }
            }
            _ => self.day_number(j).filter(|_| self.w[j].lower.len() > 2)? as u32,
        };
        let q = if self.gram(j + 1, Gram::Quarter) && (1..=4).contains(&n) {
            n as u8
        } else if self.gram(j + 1, Gram::Half) && (1..=2).contains(&n) {
            n as u8 + 4
        } else {
            return None;
        };
        let mut end = j + 2;
        if self.gram(end, Gram::Of) || self.is(end, ",") {
            let k = if self.entry(end + 1, |e| e == Entry::Fiscal).is_some() {
                end + 2
            } else {
                end + 1
            };
            if let Some(y) = self.year_number(k) {
                year = Some(y);
                end = k + 1;
            }
        }
        // "the first quarter of next year", "the fourth quarter last year"
        let k = end + usize::from(self.gram(end, Gram::Of));
        if year.is_none()
            && let Some(offset) = self.year_offset(k)
        {
            return Some(Found {
                start: i,
                end: k + 2,
                sem: Sem::QuarterInYear { q, offset },
            });
        }
        Some(Found {
            start: i,
            end,
            sem: Sem::Quarter { year, q },
        })
    }

    /// summer 2022, the summer of 1989, in the spring, early autumn (not "Summer Olympics").
    fn season(&self, i: usize) -> Option<Found> {
        let Some(Entry::Season(code)) = self.entry(i, |e| matches!(e, Entry::Season(_))) else {
            return None;
        };
        if self.capitalised(i) && !self.w[i].sentence_start {
            return None;
        }
        let k = if self.gram(i + 1, Gram::Of) {
            i + 2
        } else {
            i + 1
        };
        if let Some(y) = self.year_number(k) {
            let sem = Sem::Season {
                year: Some(y),
                code,
                offset: 0,
            };
            return Some(Found {
                start: i,
                end: k + 1,
                sem,
            });
        }
        let prev = if i > 0 { self.lower(i - 1) } else { "" };
        let edge = i > 0 && self.entry(i - 1, |e| matches!(e, Entry::Edge(_))).is_some();
        let sem = Sem::Season {
            year: None,
            code,
            offset: 0,
        };
        (edge || LEXICON.cue(prev, Cue::SeasonDeterminer)).then_some(Found {
            start: i,
            end: i + 1,
            sem,
        })
    }

    fn unit(&self, i: usize) -> Option<Unit> {
        match self.entry(i, |e| matches!(e, Entry::Unit(_)))? {
            Entry::Unit(u) => Some(u),
            _ => None,
        }
    }

    /// last week, this month, next year, last Friday, last May, this summer, this morning,
    /// last night, the past three years, the next two weeks, the first nine months.
    fn relative(&self, i: usize) -> Option<Found> {
        let rel = match self.entry(i, |e| matches!(e, Entry::Relative(_))) {
            Some(Entry::Relative(r)) => Some(r),
            _ => None,
        };
        // "this past spring", "this coming Sunday": the second word says which way
        if rel == Some(0)
            && let Some(Entry::Relative(-1 | 1)) =
                self.entry(i + 1, |e| matches!(e, Entry::Relative(_)))
        {
            return self.relative(i + 1).map(|f| Found { start: i, ..f });
        }
        let first = self.gram(i, Gram::First);
        let latest = self.cue(i, Cue::Recent);
        if rel.is_none() && !first && !latest {
            return None;
        }
        let the = i > 0 && self.gram(i - 1, Gram::Definite);
        let j = i + 1;
        if let Some(found) = self.counted(j)
            && let Sem::Duration { .. } = found.sem
        {
            return Some(Found { start: i, ..found });
        }
        if latest {
            return match self.unit(j) {
                Some(Unit::Quarter) if the => Some(Found {
                    start: i,
                    end: j + 1,
                    sem: Sem::Relative {
                        unit: Unit::Quarter,
                        offset: -1,
                    },
                }),
                _ => None,
            };
        }
        let offset = rel?;
        let found = |end, sem| Some(Found { start: i, end, sem });
        if let Some(unit) = self.unit(j) {
            // "last-minute", "This Week" (a title): not times
            let plural = self.lower(j).ends_with('s');
            let clock = matches!(unit, Unit::Hour | Unit::Minute | Unit::Second);
            if plural || clock || self.capitalised(j) {
                return None;
            }
            // "the next day" is a step from the day last mentioned, as "the following day"
            let step = self.cue(i, Cue::Step) || self.gram(i, Gram::Next) && unit == Unit::Day;
            if the && !step && self.cue(i, Cue::Span) && unit != Unit::Quarter {
                return found(
                    j + 1,
                    Sem::Duration {
                        count: Some(1),
                        unit,
                    },
                );
            }
            if step {
                // "the following year": a step from the time last mentioned
                let sem = Sem::Shift {
                    count: Some(1),
                    unit,
                    sign: offset,
                    from: Anchor::Step,
                };
                return found(j + 1, sem).filter(|_| the);
            }
            return found(j + 1, Sem::Relative { unit, offset });
        }
        if let Some(Entry::Weekday(day)) = self.entry(j, |e| matches!(e, Entry::Weekday(_))) {
            // "next Sunday, March 8": the date says which
            if let Some(date) = self
                .weekday(j)
                .filter(|f| matches!(f.sem, Sem::Date { .. }))
            {
                return Some(Found { start: i, ..date });
            }
            let part = self.daypart(self.after_stop(j));
            let end = self.after_stop(j) + usize::from(part.is_some());
            // "the previous Friday": the one before the day last named, not the published one
            if the && part.is_none() && self.cue(i, Cue::Step) {
                return found(end, Sem::StepWeekday { day, sign: offset });
            }
            let rel = (offset != 0).then_some(offset);
            return found(end, Sem::Weekday { day, rel, part });
        }
        if let Some(month) = self.month(j).filter(|_| self.capitalised(j)) {
            // "last Oct. 23": the day, a year back if it has not yet come round
            if let Some(Found {
                end,
                sem:
                    Sem::Date {
                        year: None,
                        day: Some(day),
                        ..
                    },
                ..
            }) = self.month_date(j)
            {
                let day = Some(day);
                return found(end, Sem::RelMonth { month, day, offset });
            }
            let day = None;
            return found(self.after_stop(j), Sem::RelMonth { month, day, offset });
        }
        // "last Thanksgiving", "next Christmas"; "this Christmas" as the tense says
        if let Some(h) = self.holiday(j)
            && let Sem::Holiday(rule) = h.sem
        {
            let sem = match offset {
                0 => h.sem,
                _ => Sem::RelHoliday { rule, offset },
            };
            return found(h.end, sem);
        }
        if let Some(Entry::Season(code)) = self.entry(j, |e| matches!(e, Entry::Season(_))) {
            return found(
                j + 1,
                Sem::Season {
                    year: None,
                    code,
                    offset,
                },
            );
        }
        if let Some(part) = self.daypart(j) {
            // "the next morning", "the previous night": beside the day last named
            if the && (self.gram(i, Gram::Next) || self.cue(i, Cue::Step)) {
                let sem = Sem::StepPart { sign: offset, part };
                return found(j + 1, sem);
            }
            let offset = if offset < 0 && part == DayPart::Night {
                -1
            } else {
                offset.max(0)
            };
            return found(
                j + 1,
                Sem::Day {
                    offset,
                    part: Some(part),
                },
            );
        }
        None
    }

    /// A count of units: "three years", "18 months", "a decade", "several weeks", "16-hour";
    /// with "ago", "back", "earlier", "later" a date.
    fn counted(&self, i: usize) -> Option<Found> {
        let (count, mut j) = self.count(i)?;
        if self.is(j, "-") && self.adjacent(j - 1, j) && self.adjacent(j, j + 1) {
            j += 1;
        }
        // "20 more years", "two additional weeks", "three straight days"
        if self.cue(j, Cue::Extra) && self.unit(j + 1).is_some() {
            j += 1;
        }
        // "2 1/2 years", "two and a half hours": counted in the next smaller unit
        let mut half = self.half(j);
        j += half;
        let unit = self.unit(j)?;
        let w = &self.w[j];
        // "three quarters of the vote", "in some quarters": parts and places, not periods;
        // "several quarters of losses" is a time
        let fraction = unit == Unit::Quarter
            && (count.is_some() && (self.gram(j + 1, Gram::Of) || !w.token_start)
                || self.gram(i, Gram::Some));
        if w.text.starts_with(char::is_uppercase) && !w.token_start
            || w.text.starts_with(char::is_uppercase) && !self.capitalised(i)
            || fraction
            || unit == Unit::Second && self.cue(i, Cue::Article) && count == Some(1)
            || count.is_none() && unit == Unit::Second
            || self.cue(j + 1, Cue::Age)
        {
            return None;
        }
        let mut end = j + 1;
        // "an hour and a half"
        if half == 0 && self.half(end) == 3 {
            half = 3;
            end += 3;
        }
        // "a week or so (ago)"
        if self.gram(end, Gram::Or) && self.gram(end + 1, Gram::So) {
            end += 2;
        }
        // "a month earlier than usual" compares: the count alone is the expression
        let after = |gram| self.gram(end, gram) && !self.gram(end + 1, Gram::Than);
        let shift = if after(Gram::Ago) {
            // "a year ago" in a report of quarterly results is that quarter a year before
            Some((
                -1,
                if unit == Unit::Year {
                    Anchor::Period
                } else {
                    Anchor::Published
                },
            ))
        } else if after(Gram::Back) && !self.cue(end + 1, Cue::Direction) {
            // "a couple of years back (that)", not "two days back from leave" or "moved a
            // week back to May": a direction goes on with a preposition
            Some((-1, Anchor::Published))
        } else if after(Gram::Earlier) {
            Some((-1, Anchor::Last))
        } else if after(Gram::Later) {
            Some((1, Anchor::Last))
        } else if after(Gram::From) && self.gram(end + 1, Gram::Now) {
            end += 1;
            Some((1, Anchor::Published))
        } else {
            None
        };
        let sem = match shift {
            Some((sign, from)) => {
                end += 1;
                Sem::Shift {
                    count,
                    unit,
                    sign,
                    from,
                }
            }
            None if half > 0 => Sem::HalfDuration {
                count: count?,
                unit,
            },
            None => Sem::Duration { count, unit },
        };
        Some(Found { start: i, end, sem })
    }

    /// How many words say "and a half" (3) or "1/2" (1) at `i`, or 0.
    fn half(&self, i: usize) -> usize {
        if self.cue(i, Cue::Half) {
            1
        } else if self.gram(i, Gram::And)
            && self.gram(i + 1, Gram::Indefinite)
            && self.gram(i + 2, Gram::Half)
        {
            3
        } else {
            0
        }
    }

    /// "for years", "within weeks": a plural unit alone after a preposition of extent.
    fn bare_plural(&self, i: usize) -> Option<Found> {
        let unit = self.unit(i)?;
        let w = &self.w[i];
        let prev = if i > 0 { self.lower(i - 1) } else { "" };
        let plural = w.lower.ends_with('s') && !matches!(unit, Unit::Second | Unit::Quarter);
        (plural
            && w.text.starts_with(char::is_lowercase)
            && LEXICON.cue(prev, Cue::DurationPreposition))
        .then_some(Found {
            start: i,
            end: i + 1,
            sem: Sem::Duration { count: None, unit },
        })
    }

    /// Reporting periods: "the quarter", "the latest period", "the year-earlier quarter",
    /// "year-ago", "for the year", "the fiscal year ended".
    fn period(&self, i: usize) -> Option<Found> {
        // year-earlier, year-ago: a year before the period last mentioned
        if self.gram(i, Gram::YearNoun) && !self.w[i].token_end && self.cue(i + 1, Cue::Back) {
            let mut end = i + 2;
            if let Some(Entry::Ordinal(_)) = self.entry(end, |e| matches!(e, Entry::Ordinal(_))) {
                end += usize::from(self.gram(end + 1, Gram::Quarter)) * 2;
            } else if self.cue(end, Cue::Period) {
                end += 1;
            }
            let sem = year_before_report();
            return Some(Found { start: i, end, sem });
        }
        // "last year's quarter": the reporting period a year before
        if self.year_offset(i) == Some(-1)
            && self.cue(i + 2, Cue::Possessive)
            && self.cue(i + 3, Cue::Period)
        {
            return Some(Found {
                start: i,
                end: i + 4,
                sem: year_before_report(),
            });
        }
        // that year, that same day: the time last mentioned
        let the_same = self.gram(i, Gram::Definite) && self.gram(i + 1, Gram::Same);
        if self.gram(i, Gram::That) || the_same {
            let j = if self.gram(i + 1, Gram::Same) {
                i + 2
            } else {
                i + 1
            };
            if let Some(unit) = self
                .unit(j)
                .filter(|u| matches!(u, Unit::Year | Unit::Month | Unit::Day))
            {
                return Some(Found {
                    start: i,
                    end: j + 1,
                    sem: Sem::Anaphor(unit),
                });
            }
        }
        // year-end, year end, year's end
        if self.gram(i, Gram::YearNoun) {
            let j = if self.is(i + 1, "-")
                || self.w.get(i + 1).is_some_and(|w| w.text.starts_with('\''))
            {
                i + 2
            } else {
                i + 1
            };
            return self.gram(j, Gram::End).then_some(Found {
                start: i,
                end: j + 1,
                sem: Sem::YearEnd,
            });
        }
        if !self.gram(i, Gram::Definite) {
            return None;
        }
        if self.gram(i + 1, Gram::Weekend) {
            return Some(Found {
                start: i,
                end: i + 2,
                sem: Sem::Weekend,
            });
        }
        // "the day before yesterday", "the day after tomorrow"
        if self.gram(i + 1, Gram::Day)
            && let Some(Entry::Day(offset @ (-1 | 1))) =
                self.entry(i + 3, |e| matches!(e, Entry::Day(_)))
            && self.side(i + 2) == offset
        {
            return Some(Found {
                start: i,
                end: i + 4,
                sem: Sem::Day {
                    offset: offset * 2,
                    part: None,
                },
            });
        }
        // "the week before last", "the year after next"
        if let Some(unit) = self
            .unit(i + 1)
            .filter(|u| matches!(u, Unit::Year | Unit::Month | Unit::Week))
            && let offset @ (-2 | 2) = match self.side(i + 2) {
                -1 if self.gram(i + 3, Gram::Last) => -2,
                1 if self.gram(i + 3, Gram::Next) => 2,
                _ => 0,
            }
            && !self.lower(i + 1).ends_with('s')
            // "the week before last Tuesday" counts from that Tuesday
            && self
                .entry(i + 4, |e| {
                    matches!(e, Entry::Weekday(_) | Entry::Month(_) | Entry::Unit(_))
                })
                .is_none()
        {
            return Some(Found {
                start: i,
                end: i + 4,
                sem: Sem::Relative { unit, offset },
            });
        }
        // "the day after Christmas", "the day before last Tuesday"
        if self.gram(i + 1, Gram::Day)
            && let sign @ (-1 | 1) = self.side(i + 2)
            && let Some(day) = self.core(i + 3).filter(|f| f.sem.is_day())
        {
            let sem = Sem::DayNextTo {
                day: Box::new(day.sem),
                sign,
            };
            return Some(Found {
                start: i,
                end: day.end,
                sem,
            });
        }
        // "the year before", "the day after": a step from the time last mentioned, when no
        // clause follows ("the day before he left" is not one)
        if let Some(unit) = self
            .unit(i + 1)
            .filter(|u| matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Day))
            && let sign @ (-1 | 1) = self.side(i + 2)
            && self.w.get(i + 3).is_none_or(|w| w.kind == TokenKind::Punct)
            && !self.lower(i + 1).ends_with('s')
        {
            let sem = Sem::Shift {
                count: Some(1),
                unit,
                sign,
                from: Anchor::Step,
            };
            return Some(Found {
                start: i,
                end: i + 3,
                sem,
            });
        }
        // "the week of March 6": the week that day is in
        if self.gram(i + 1, Gram::Week)
            && self.gram(i + 2, Gram::Of)
            && let Some(day) = self.month_date(i + 3).or_else(|| self.day_month(i + 3))
            && let Sem::Date { day: Some(_), .. } = day.sem
        {
            return Some(Found {
                start: i,
                end: day.end,
                sem: Sem::WeekOf(Box::new(day.sem)),
            });
        }
        // "the 1988 period", "the 1989 quarter": the reported quarter, in that year
        if let Some(year) = self.year_number(i + 1)
            && self.cue(i + 2, Cue::Period)
        {
            return Some(Found {
                start: i,
                end: i + 3,
                sem: Sem::QuarterOfYear(year),
            });
        }
        let mut j = i + 1;
        let which = i + 1;
        let latest = self.cue(j, Cue::ReportedPeriod);
        if latest {
            j += 1;
        }
        // "the quarter a year ago", "the same period last year"
        if self.cue(j, Cue::Period)
            && let Some(end) = self.year_back(j + 1)
        {
            return Some(Found {
                start: i,
                end,
                sem: year_before_report(),
            });
        }
        let prev = if i > 0 { self.lower(i - 1) } else { "" };
        let sem = if self.gram(j, Gram::Quarter)
            && !self.gram(which, Gram::Full)
            && !self.gram(which, Gram::Same)
        {
            let offset = if self.gram(which, Gram::Current) {
                0
            } else {
                -1
            };
            self.quarter_ended(j + 1).unwrap_or(Sem::Relative {
                unit: Unit::Quarter,
                offset,
            })
        } else if self.gram(j, Gram::PeriodNoun) && self.gram(which, Gram::Latest) {
            Sem::Relative {
                unit: Unit::Quarter,
                offset: -1,
            }
        } else if self.gram(j, Gram::YearNoun) && LEXICON.cue(prev, Cue::During) {
            if self.cue(j + 1, Cue::Ended) {
                Sem::Duration {
                    count: Some(1),
                    unit: Unit::Year,
                }
            } else {
                Sem::Relative {
                    unit: Unit::Year,
                    offset: 0,
                }
            }
        } else {
            return None;
        };
        Some(Found {
            start: i,
            end: j + 1,
            sem,
        })
    }

    /// "before" (-1) or "after" (1) at `i`, else 0.
    fn side(&self, i: usize) -> i32 {
        if self.gram(i, Gram::Before) {
            -1
        } else if self.gram(i, Gram::After) {
            1
        } else {
            0
        }
    }

    /// The end of "a year ago", "a year earlier", "last year" at `i`.
    fn year_back(&self, i: usize) -> Option<usize> {
        if self.year_offset(i) == Some(-1) {
            Some(i + 2)
        } else {
            (self.gram(i, Gram::Indefinite)
                && self.gram(i + 1, Gram::YearNoun)
                && self.cue(i + 2, Cue::Back))
            .then_some(i + 3)
        }
    }

    /// "(the quarter) ended July 31": the three months up to that day, named by the calendar
    /// quarter holding most of them, the one of the month before the end.
    fn quarter_ended(&self, i: usize) -> Option<Sem> {
        if !self.cue(i, Cue::Ended) {
            return None;
        }
        let Sem::Date {
            year,
            month: Some(m),
            ..
        } = self.month_date(i + 1)?.sem
        else {
            return None;
        };
        let (year, m) = if m == 1 {
            (year.map(|y| y - 1), 12)
        } else {
            (year, m - 1)
        };
        Some(Sem::Quarter {
            year,
            q: (m - 1) / 3 + 1,
        })
    }

    /// A number before a unit: digits, words ("twenty-five"), "a", "a couple of", "several".
    fn count(&self, i: usize) -> Option<(Count, usize)> {
        if self.cue(i, Cue::Vague) {
            return Some((None, i + 1));
        }
        if self.gram(i, Gram::Indefinite) {
            if self.gram(i + 1, Gram::Few) {
                return Some((None, i + 2));
            }
            if self.gram(i + 1, Gram::Couple) || self.gram(i + 1, Gram::Dozen) {
                let n = if self.gram(i + 1, Gram::Couple) {
                    2
                } else {
                    12
                };
                let j = if self.gram(i + 2, Gram::Of) {
                    i + 3
                } else {
                    i + 2
                };
                return Some((Some(n), j));
            }
        }
        // "the next couple of years"
        if self.gram(i, Gram::Couple) && self.gram(i + 1, Gram::Of) {
            return Some((Some(2), i + 2));
        }
        if let Some(n) = self.number(i).filter(|n| *n < 10_000) {
            return Some((Some(n), i + 1));
        }
        let mut total = 0;
        let mut j = i;
        while let Some(Entry::Number(n)) = self.entry(j, |e| matches!(e, Entry::Number(_))) {
            if j > i && self.cue(j, Cue::Article) {
                break;
            }
            total = if n == 100 {
                total.max(1) * 100
            } else {
                total + n
            };
            j += 1;
            if self.cue(j - 1, Cue::Article) && j == i + 1 && self.gram(j, Gram::Hundred) {
                continue;
            }
            if self.cue(j - 1, Cue::Article) {
                break;
            }
        }
        (j > i).then_some((Some(total), j))
    }

    /// 10 a.m., 10:30 p.m. local time, 5pm, midnight is a phrase.
    fn clock(&self, i: usize) -> Option<Found> {
        let w = self.w.get(i)?;
        if w.kind != TokenKind::Number {
            return self.named_clock(i);
        }
        let (digits, suffix) = w.lower.split_at(
            w.lower
                .find(|c: char| c.is_ascii_alphabetic())
                .unwrap_or(w.lower.len()),
        );
        let (h, m) = match digits.split_once(':') {
            Some((h, m)) => (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?),
            None => (digits.parse::<u8>().ok()?, 0),
        };
        if h > 24 || m > 59 {
            return None;
        }
        let mut end = i + 1;
        let meridian = if !suffix.is_empty() {
            Some(suffix)
        } else {
            let next = self.lower(end);
            self.cue(end, Cue::Meridian).then(|| {
                end += 1;
                next
            })
        };
        let hour = match meridian {
            Some(s) if s.starts_with('p') && h < 12 => h + 12,
            Some(s) if s.starts_with('a') && h == 12 => 0,
            Some(s) if LEXICON.cue(s, Cue::Meridian) => h,
            Some(_) => return None,
            // 24-hour times: "15:00 GMT", "at 08:00"
            None if digits.split_once(':').is_some_and(|(_, m)| m.len() == 2)
                && (self.cue(end, Cue::Zone)
                    || self.gram(end, Gram::Local)
                    || i > 0 && self.cue(i - 1, Cue::Clock)) =>
            {
                h
            }
            None => return None,
        };
        if self.cue(end, Cue::Zone) {
            end += 1;
        } else if self.gram(end, Gram::Local) && self.gram(end + 1, Gram::Time) {
            end += 2;
        }
        // "5 p.m. EST Nov. 9", "15:00 GMT Saturday": the time on that day
        let on = match self.clock_day(end) {
            Some(day) => {
                end = day.end;
                Some(day.sem)
            }
            // "10:35 a.m. (0735 GMT) Friday": the day after an aside, out of the span
            None if self.is(end, "(") => (end + 1..end + 6)
                .find(|&k| self.is(k, ")"))
                .and_then(|k| self.clock_day(k + 1))
                .map(|day| day.sem),
            // "6 a.m. on Monday": that day's, the day an expression of its own
            None if self.gram(end, Gram::On) => self.clock_day(end + 1).map(|day| day.sem),
            None => None,
        };
        let on = on.map(Box::new);
        Some(Found {
            start: i,
            end,
            sem: Sem::Clock {
                hour,
                minute: m,
                on,
            },
        })
    }

    /// The day a clock time is on, said right after it.
    fn clock_day(&self, i: usize) -> Option<Found> {
        self.weekday(i)
            .or_else(|| self.month_date(i))
            .or_else(|| self.deictic(i))
    }

    /// "noon Saturday", "midnight Friday": a named time of day on a day said after it (alone,
    /// the phrase list has them).
    fn named_clock(&self, i: usize) -> Option<Found> {
        let found = self.phrase(i)?;
        let Sem::Fixed(TimexType::Time, Fixed::Today(Clock::At { hour, minute })) = found.sem
        else {
            return None;
        };
        let day = self.clock_day(found.end)?;
        Some(Found {
            start: i,
            end: day.end,
            sem: Sem::Clock {
                hour,
                minute,
                on: Some(Box::new(day.sem)),
            },
        })
    }

    /// every year, each month, every other week, every Friday, daily, weekly.
    fn set(&self, i: usize) -> Option<Found> {
        if let Some(Entry::Set(v)) = self.entry(i, |e| matches!(e, Entry::Set(_))) {
            // "its quarterly dividend": an adjective, not a set
            let prev = if i > 0 { self.lower(i - 1) } else { "" };
            let determiner = LEXICON.cue(prev, Cue::SetAdjective);
            // "the party daily Granma": a newspaper before its name
            if determiner || self.capitalised(i + 1) && self.same_sentence(i, i + 1) {
                return None;
            }
            return Some(Found {
                start: i,
                end: i + 1,
                sem: Sem::Set(v),
            });
        }
        if !self.cue(i, Cue::Every) {
            return None;
        }
        let mut j = i + 1;
        let other = self.gram(j, Gram::Other);
        if other {
            j += 1;
        }
        let (count, k) = self
            .count(j)
            .filter(|(c, _)| c.is_some())
            .unwrap_or((Some(1), j));
        let n = count.unwrap_or(1) * if other { 2 } else { 1 };
        if let Some(unit) = self.unit(k) {
            // "every week of delay", "every day of fighting": a unit measuring what follows
            // "of", a quantity and no recurring time (not "every week of the year")
            let measured = self.gram(k + 1, Gram::Of)
                && self.before_noun(k + 2)
                && self.entries(k + 2).is_empty();
            if measured {
                return None;
            }
            let sem = Sem::Set(super::normalise::duration(Some(n), unit));
            return Some(Found {
                start: i,
                end: k + 1,
                sem,
            });
        }
        if let Some(Entry::Weekday(d)) = self.entry(k, |e| matches!(e, Entry::Weekday(_))) {
            return Some(Found {
                start: i,
                end: self.after_stop(k),
                sem: Sem::Set(TimeValue::Date(Calendar::Weekday(d))),
            });
        }
        if let Some(m) = self.month(k).filter(|_| self.capitalised(k)) {
            let sem = Sem::Set(TimeValue::Date(Calendar::Month(None, Some(m))));
            return Some(Found {
                start: i,
                end: self.after_stop(k),
                sem,
            });
        }
        if let Some(Entry::Season(code)) = self.entry(k, |e| matches!(e, Entry::Season(_))) {
            return Some(Found {
                start: i,
                end: k + 1,
                sem: Sem::Set(TimeValue::Date(Calendar::Season(None, code))),
            });
        }
        if let Some(part) = self.daypart(k) {
            return Some(Found {
                start: i,
                end: k + 1,
                sem: Sem::Set(TimeValue::Time(
                    Calendar::Day(None, None, None),
                    Clock::Part(part),
                )),
            });
        }
        None
    }
}

/// 02/24/2022 (month first, as in American news) or 24.02.2022.
/// The hour and minute of an ISO 8601 time: "10:00Z", "10:00:00", "10:00+02" (the zone is
/// left as written: TIMEX3 values are local times).
fn iso_clock(text: &str) -> Option<(u8, u8)> {
    let (h, rest) = text.split_once(':')?;
    let m = rest.get(..2)?;
    let (hour, minute) = (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?);
    (h.len() == 2 && hour < 24 && minute < 60).then_some((hour, minute))
}

/// The year of "FY2024" or "FY24" (a two-digit year from 1970 to 2069).
fn fiscal_year(word: &str) -> Option<i32> {
    let digits = word.strip_prefix("FY")?;
    let n: i32 = digits.parse().ok()?;
    match digits.len() {
        4 => Some(n),
        2 if n < 70 => Some(2000 + n),
        2 => Some(1900 + n),
        _ => None,
    }
}

fn slash_date(s: &str) -> Option<Sem> {
    let sep = if s.contains('/') { '/' } else { '.' };
    let parts: Vec<&str> = s.split(sep).collect();
    let [a, b, y] = parts[..] else { return None };
    let (a, b): (u8, u8) = (a.parse().ok()?, b.parse().ok()?);
    let y: i32 = y.parse().ok().filter(|_| y.len() == 4)?;
    let (m, d) = if sep == '/' { (a, b) } else { (b, a) };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(Sem::Date {
        year: Some(y),
        month: Some(m),
        day: Some(d),
    })
}

/// A year before the reporting period last mentioned.
fn year_before_report() -> Sem {
    Sem::Shift {
        count: Some(1),
        unit: Unit::Year,
        sign: -1,
        from: Anchor::Report,
    }
}
