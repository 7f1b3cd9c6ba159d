//! The word lists of time expressions (`assets/lexicon/time_*.tsv`), parsed once.

use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::LazyLock;

use crate::analysis::lexicon::data_rows;
use crate::wordlist::WordClasses;

use super::value::{Clock, DayPart, Edge, Season, TimeValue};
use crate::analysis::model::TimexType;

/// A unit of calendar time, as counted in durations and moved by in relative expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Year,
    Month,
    Week,
    Fortnight,
    Day,
    Hour,
    Minute,
    Second,
    Decade,
    Century,
    Quarter,
    Weekend,
}

/// What one word can be in a time expression. A word can be several ("second": ordinal, unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Month(u8),
    Weekday(u8),
    Number(u32),
    Ordinal(u32),
    Unit(Unit),
    Season(Season),
    DayPart(DayPart),
    Set(TimeValue),
    /// Days from the published date: today 0, yesterday -1.
    Day(i32),
    /// last -1, this 0, next 1.
    Relative(i32),
    Edge(Edge),
    Approx,
    Fiscal,
    /// "Q3" (3), "H1" (5): a quarter or half as [`super::normalise::Sem::Quarter`] numbers it.
    Period(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordEntry {
    pub entry: Entry,
    /// An abbreviation ("Feb", "Wed"): a time word only before a stop or a day number.
    pub abbreviation: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    /// "is", "are": the clause speaks of now, so a reporting verb further away ("says")
    /// does not set its tense.
    Present,
    Future,
    /// "would": a future seen from a past report ("said the plant would reopen in
    /// January"), ahead for a month, but too near the report to choose a weekday's week.
    FutureInPast,
}

pub struct Phrase {
    pub words: Vec<&'static str>,
    pub kind: TimexType,
    pub value: Fixed,
}

/// A phrase's value: a value as it is ("PRESENT_REF", "PXD"), or a time of the reference
/// day ("T12:00" for noon, "TNI" for tonight).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixed {
    Value(TimeValue),
    Today(Clock),
}

/// When a holiday falls in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayRule {
    Fixed {
        month: u8,
        day: u8,
    },
    /// The nth (-1 last) weekday (Monday = 1) of the month, counted from a day.
    Nth {
        n: i8,
        weekday: u8,
        month: u8,
        from: u8,
    },
    /// Days from Easter Sunday: Good Friday -2, Easter Monday 1.
    Easter(i8),
}

impl HolidayRule {
    /// The month it falls in; Easter's varies (March or April), April as the nearer guess.
    pub fn month(self) -> u8 {
        match self {
            HolidayRule::Fixed { month, .. } | HolidayRule::Nth { month, .. } => month,
            HolidayRule::Easter(_) => 4,
        }
    }
}

pub struct Holiday {
    pub words: Vec<&'static str>,
    pub rule: HolidayRule,
}

/// A slot of the grammar's constructions and the function words read there
/// (`assets/lexicon/time_grammar.tsv`, a class each, in this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gram {
    Of,
    Definite,
    Indefinite,
    And,
    YearNoun,
    Than,
    UpTo,
    To,
    AtLeast,
    Tonight,
    TwoThousand,
    Thousand,
    Last,
    This,
    Next,
    First,
    Quarter,
    Quarters,
    Half,
    PeriodNoun,
    Same,
    Full,
    Current,
    Latest,
    Ago,
    Back,
    Earlier,
    Later,
    From,
    Now,
    Before,
    After,
    Day,
    Week,
    Weekend,
    That,
    End,
    Other,
    Few,
    Couple,
    Dozen,
    Hundred,
    Some,
    Or,
    So,
    Local,
    Time,
    On,
    FutureBe,
    WouldBe,
    HadBeen,
    Be,
    Been,
    Being,
    RangeStart,
}

const GRAMMAR: [&str; 55] = [
    "of",
    "definite",
    "indefinite",
    "and",
    "year_noun",
    "than",
    "up_to",
    "to",
    "at_least",
    "tonight",
    "two_thousand",
    "thousand",
    "last",
    "this",
    "next",
    "first",
    "quarter",
    "quarters",
    "half",
    "period_noun",
    "same",
    "full",
    "current",
    "latest",
    "ago",
    "back",
    "earlier",
    "later",
    "from",
    "now",
    "before",
    "after",
    "day",
    "week",
    "weekend",
    "that",
    "end",
    "other",
    "few",
    "couple",
    "dozen",
    "hundred",
    "some",
    "or",
    "so",
    "local",
    "time",
    "on",
    "future_be",
    "would_be",
    "had_been",
    "be",
    "been",
    "being",
    "range_start",
];

impl Gram {
    /// Its bit in a word's mask of grammar classes.
    pub fn bit(self) -> u64 {
        1 << self as u32
    }
}

impl Cue {
    /// Its bit in a word's mask of cues.
    pub fn bit(self) -> u64 {
        1 << self as u32
    }
}

/// What a cue word tells the grammar (`assets/lexicon/time_cues.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    Year,
    Quantity,
    Function,
    NotPlural,
    Zone,
    Month,
    Clock,
    Starter,
    Modifier,
    PositionNoun,
    EndEdge,
    Comparative,
    Superlative,
    OrdinalSuffix,
    BeforeCommonEra,
    Article,
    Century,
    Range,
    YearDeterminer,
    YearWord,
    SeasonDeterminer,
    Recent,
    Step,
    Span,
    Extra,
    Age,
    Half,
    DurationPreposition,
    Back,
    Period,
    ReportedPeriod,
    During,
    Ended,
    Vague,
    Meridian,
    Every,
    Possessive,
    Forward,
    Perfect,
    Direction,
    Bound,
    SetAdjective,
    Degree,
}

pub struct Lexicon {
    /// Every word an expression can start with: a quick test before parsing.
    starters: HashSet<&'static str>,
    /// Keyed by first word, longest first.
    holidays: HashMap<&'static str, Vec<Holiday>>,
    /// A word's entries, its cue classes (one bit each, [`Cue::bit`]) and its grammar classes
    /// ([`Gram::bit`]): one lookup a word.
    words: HashMap<&'static str, (Vec<WordEntry>, u64, u64)>,
    /// Keyed by first word, longest first.
    phrases: HashMap<&'static str, Vec<Phrase>>,
    /// A word's tense, and the word that must follow it if any.
    tense: HashMap<&'static str, (Tense, Option<&'static str>)>,
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let holidays = parse_holidays(include_str!("../../../assets/lexicon/time_holidays.tsv"));
    let words = parse_words(include_str!("../../../assets/lexicon/time_words.tsv"));
    let phrases = parse_phrases(include_str!("../../../assets/lexicon/time_phrases.tsv"));
    let cues = parse_cues(include_str!("../../../assets/lexicon/time_cues.tsv"));
    let starters = (holidays.keys().chain(words.keys()).chain(phrases.keys()))
        .copied()
        .chain(
            cues.iter()
                .filter(|(_, c)| **c & Cue::Starter.bit() != 0)
                .map(|(w, _)| *w),
        )
        .collect();
    let mut words: HashMap<&'static str, (Vec<WordEntry>, u64, u64)> = words
        .into_iter()
        .map(|(w, entries)| (w, (entries, 0, 0)))
        .collect();
    for (w, mask) in cues {
        words.entry(w).or_default().1 |= mask;
    }
    let grammar = include_str!("../../../assets/lexicon/time_grammar.tsv");
    for (w, mask) in WordClasses::parse(grammar, &GRAMMAR).iter() {
        words.entry(w).or_default().2 |= mask;
    }
    Lexicon {
        starters,
        holidays,
        words,
        phrases,
        tense: data_rows(include_str!("../../../assets/lexicon/tense_cues.tsv"))
            .filter_map(|r| {
                let tense = match *r.get(1)? {
                    "past" => Tense::Past,
                    "future" => Tense::Future,
                    "future_in_past" => Tense::FutureInPast,
                    "present" => Tense::Present,
                    _ => return None,
                };
                Some((r[0], (tense, r.get(2).copied())))
            })
            .collect(),
    }
});

impl Lexicon {
    /// Whether an expression can start with this (lower-case) word.
    pub fn starts(&self, lower: &str) -> bool {
        self.starters.contains(lower)
    }
    pub fn cue(&self, lower: &str, cue: Cue) -> bool {
        self.cues(lower) & cue.bit() != 0
    }
    /// A word's cue classes as a mask of [`Cue::bit`]s.
    pub fn cues(&self, lower: &str) -> u64 {
        self.word(lower).1
    }
    /// Whether a (lower-case) word is of a grammar class of `time_grammar.tsv`.
    pub fn gram(&self, lower: &str, gram: Gram) -> bool {
        self.word(lower).2 & gram.bit() != 0
    }
    pub fn entries(&self, lower: &str) -> &[WordEntry] {
        self.word(lower).0
    }
    /// A word's entries, cue classes and grammar classes, in one lookup.
    pub fn word(&self, lower: &str) -> (&[WordEntry], u64, u64) {
        self.words
            .get(lower)
            .map_or((&[], 0, 0), |(e, c, g)| (e.as_slice(), *c, *g))
    }
    pub fn find(&self, lower: &str, pick: impl Fn(Entry) -> bool) -> Option<WordEntry> {
        self.entries(lower).iter().copied().find(|e| pick(e.entry))
    }
    pub fn phrases(&self, first: &str) -> &[Phrase] {
        self.phrases.get(first).map_or(&[], Vec::as_slice)
    }
    pub fn holidays(&self, first: &str) -> &[Holiday] {
        self.holidays.get(first).map_or(&[], Vec::as_slice)
    }
    /// The tense a word sets, given the word after it.
    pub fn tense(&self, lower: &str, next: &str) -> Option<Tense> {
        let (tense, needs) = self.tense.get(lower)?;
        needs.is_none_or(|n| n == next).then_some(*tense)
    }
}

fn parse_words(data: &'static str) -> HashMap<&'static str, Vec<WordEntry>> {
    let mut map: HashMap<&'static str, Vec<WordEntry>> = HashMap::new();
    for row in data_rows(data) {
        let [word, class, value] = row[..] else {
            continue;
        };
        let num = || value.parse::<i64>().ok();
        let entry = match class {
            "month" => num().map(|n| Entry::Month(n as u8)),
            "weekday" => num().map(|n| Entry::Weekday(n as u8)),
            "number" => num().map(|n| Entry::Number(n as u32)),
            "ordinal" => num().map(|n| Entry::Ordinal(n as u32)),
            "day" => num().map(|n| Entry::Day(n as i32)),
            "relative" => num().map(|n| Entry::Relative(n as i32)),
            "unit" => unit(value).map(Entry::Unit),
            "season" => Season::from_code(value).map(Entry::Season),
            "daypart" => DayPart::from_code(value).map(Entry::DayPart),
            "set" => value.parse().ok().map(Entry::Set),
            "edge" => Edge::from_code(value).map(Entry::Edge),
            "approx" => Some(Entry::Approx),
            "fiscal" => Some(Entry::Fiscal),
            "period" => num().map(|n| Entry::Period(n as u8)),
            _ => None,
        };
        let Some(entry) = entry else { continue };
        let (word, abbreviation) = match word.strip_suffix('.') {
            Some(w) => (w, true),
            None => (word, false),
        };
        map.entry(word).or_default().push(WordEntry {
            entry,
            abbreviation,
        });
    }
    map
}

fn unit(code: &str) -> Option<Unit> {
    Some(match code {
        "Y" => Unit::Year,
        "M" => Unit::Month,
        "W" => Unit::Week,
        "FN" => Unit::Fortnight,
        "D" => Unit::Day,
        "H" => Unit::Hour,
        "MIN" => Unit::Minute,
        "S" => Unit::Second,
        "DE" => Unit::Decade,
        "CE" => Unit::Century,
        "Q" => Unit::Quarter,
        "WE" => Unit::Weekend,
        _ => return None,
    })
}

fn parse_phrases(data: &'static str) -> HashMap<&'static str, Vec<Phrase>> {
    let mut map: HashMap<&'static str, Vec<Phrase>> = HashMap::new();
    for row in data_rows(data) {
        let [phrase, kind, value] = row[..] else {
            continue;
        };
        let kind = match kind {
            "DATE" => TimexType::Date,
            "TIME" => TimexType::Time,
            "DURATION" => TimexType::Duration,
            "SET" => TimexType::Set,
            _ => continue,
        };
        let value = match value.strip_prefix('T') {
            Some(clock) => clock.parse().map(Fixed::Today),
            None => value.parse().map(Fixed::Value),
        };
        let Ok(value) = value else { continue };
        let words: Vec<&str> = phrase.split_whitespace().collect();
        if let Some(first) = words.first() {
            map.entry(*first)
                .or_default()
                .push(Phrase { words, kind, value });
        }
    }
    for list in map.values_mut() {
        list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    }
    map
}

fn parse_holidays(data: &'static str) -> HashMap<&'static str, Vec<Holiday>> {
    let mut map: HashMap<&'static str, Vec<Holiday>> = HashMap::new();
    for row in data_rows(data) {
        let [name, rule] = row[..] else { continue };
        let Some(rule) = parse_rule(rule) else {
            continue;
        };
        let words: Vec<&str> = name.split_whitespace().collect();
        if let Some(first) = words.first() {
            map.entry(*first).or_default().push(Holiday { words, rule });
        }
    }
    for list in map.values_mut() {
        list.sort_by_key(|h| std::cmp::Reverse(h.words.len()));
    }
    map
}

fn parse_rule(rule: &str) -> Option<HolidayRule> {
    if let Some(offset) = rule.strip_prefix("easter") {
        let offset = offset.strip_prefix('+').unwrap_or(offset);
        return Some(HolidayRule::Easter(if offset.is_empty() {
            0
        } else {
            offset.parse().ok()?
        }));
    }
    if let Some((m, d)) = rule.split_once('-').filter(|_| !rule.contains(' ')) {
        return Some(HolidayRule::Fixed {
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        });
    }
    let nums: Vec<i64> = rule
        .split_whitespace()
        .map(|n| n.parse().ok())
        .collect::<Option<_>>()?;
    let (n, weekday, month, from) = match nums[..] {
        [n, w, m] => (n, w, m, 1),
        [n, w, m, d] => (n, w, m, d),
        _ => return None,
    };
    Some(HolidayRule::Nth {
        n: n as i8,
        weekday: weekday as u8,
        month: month as u8,
        from: from as u8,
    })
}

fn parse_cues(data: &'static str) -> HashMap<&'static str, u64> {
    data_rows(data)
        .filter_map(|row| {
            let cue = match *row.get(1)? {
                "year" => Cue::Year,
                "quantity" => Cue::Quantity,
                "function" => Cue::Function,
                "not_plural" => Cue::NotPlural,
                "zone" => Cue::Zone,
                "month" => Cue::Month,
                "clock" => Cue::Clock,
                "starter" => Cue::Starter,
                "modifier" => Cue::Modifier,
                "degree" => Cue::Degree,
                "position_noun" => Cue::PositionNoun,
                "end_edge" => Cue::EndEdge,
                "comparative" => Cue::Comparative,
                "superlative" => Cue::Superlative,
                "ordinal_suffix" => Cue::OrdinalSuffix,
                "bc" => Cue::BeforeCommonEra,
                "article" => Cue::Article,
                "century" => Cue::Century,
                "range" => Cue::Range,
                "year_determiner" => Cue::YearDeterminer,
                "year_word" => Cue::YearWord,
                "season_determiner" => Cue::SeasonDeterminer,
                "recent" => Cue::Recent,
                "step" => Cue::Step,
                "span" => Cue::Span,
                "extra" => Cue::Extra,
                "age" => Cue::Age,
                "half" => Cue::Half,
                "duration_preposition" => Cue::DurationPreposition,
                "back" => Cue::Back,
                "period" => Cue::Period,
                "reported_period" => Cue::ReportedPeriod,
                "during" => Cue::During,
                "ended" => Cue::Ended,
                "vague" => Cue::Vague,
                "meridian" => Cue::Meridian,
                "every" => Cue::Every,
                "possessive" => Cue::Possessive,
                "forward" => Cue::Forward,
                "perfect" => Cue::Perfect,
                "direction" => Cue::Direction,
                "bound" => Cue::Bound,
                "set_adjective" => Cue::SetAdjective,
                _ => return None,
            };
            Some((row[0], cue))
        })
        .fold(HashMap::new(), |mut map, (word, cue)| {
            *map.entry(word).or_default() |= cue.bit();
            map
        })
}
