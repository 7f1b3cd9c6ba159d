//! The published date an article states near its top, for a briefing that comes without one
//! (no `--published`, no front matter, no batch line's date): a line that is only a date
//! ("Friday, July 21, 2017", "24 May 2008 10:00 BST", "2008-05-24"), a date after a label
//! ("Published: 12 March 2024", "Updated 3:14 PM EST, Tue March 5, 2024", "Posted on 5
//! March 2024 by ...", a situation report's "As of 14 October 2025"), after a byline ("By Ada Writer, May 24, 2008"), or a wire dateline
//! ("LONDON, March 5, 2024 (Reuters) -"). Only a full date counts (day, month and year):
//! "August 13 (Xinhua)" leaves the year open, and a date in a running sentence ("On May 24,
//! 2008, the board said") is no dateline. Numeric dates other than ISO ("03/05/2024",
//! "5.3.2024") are not taken: day-first and month-first cannot be told apart.
//!
//! Any valid date is taken, however far from today: ingestion never reads the clock, so one
//! text always gives one analysis, and the reader says the date is the dateline's, so a wrong
//! one is seen and corrected with `--published`.
//!
//! The month and weekday words are a table of their own (`assets/lexicon/dateline.tsv`)
//! rather than the time tagger's: the document layer comes before the analysis and does not
//! reach into it, and a dozen months do not need its grammar.

use std::sync::LazyLock;

use foldhash::HashMap;
use jiff::civil::Date;

/// Headline, standfirst, byline and date come before the story; six non-empty lines leave
/// room for a kicker or a photo credit as well. A line must also start in the first 600
/// bytes, so that a long standfirst or a briefing in one line is read no further: the cost
/// is fixed, and the story's own sentences are not searched for dates.
const MAX_LINES: usize = 6;
const MAX_START: usize = 600;
/// Only a line's beginning is read: a dateline is short, and a label's date or a wire
/// dateline comes first on its line.
const MAX_LINE: usize = 200;

/// What a date is said to be. A date of publication wins over a later revision's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Published,
    Updated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Month(i8),
    Weekday,
    Label(Label),
}

static WORDS: LazyLock<HashMap<&'static str, Entry>> = LazyLock::new(|| {
    include_str!("../../assets/lexicon/dateline.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut columns = l.split('\t').map(str::trim);
            let (word, kind, value) = (columns.next()?, columns.next()?, columns.next()?);
            let entry = match (kind, value) {
                ("month", n) => Entry::Month(n.parse().ok()?),
                ("weekday", _) => Entry::Weekday,
                ("label", "updated") => Entry::Label(Label::Updated),
                ("label", _) => Entry::Label(Label::Published),
                _ => return None,
            };
            Some((word, entry))
        })
        .collect()
});

/// Whether `word` (lower case) labels the date after it as the article's own ("Published",
/// "Posted", "Updated"): a line of such a label and a date is the dateline, not news.
pub fn is_label(word: &str) -> bool {
    matches!(WORDS.get(word), Some(Entry::Label(_)))
}

/// The date of the article's dateline: the first date of publication in its first lines,
/// else the first date of a revision ("Updated ...").
pub fn find(text: &str) -> Option<Date> {
    let mut updated = None;
    for (line, whole) in top_lines(text) {
        for (date, label) in candidates(line, whole) {
            match label {
                Label::Published => return Some(date),
                Label::Updated => {
                    updated.get_or_insert(date);
                }
            }
        }
    }
    updated
}

/// The first non-empty lines, each cut to its beginning, with whether it is whole.
fn top_lines(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut start = 0;
    text.split('\n')
        .map(move |line| {
            let at = start;
            start += line.len() + 1;
            (at, line)
        })
        .take_while(|&(at, _)| at < MAX_START)
        .filter(|(_, line)| !line.trim().is_empty())
        .take(MAX_LINES)
        .map(|(_, line)| {
            let cut = line.floor_char_boundary(MAX_LINE);
            (&line[..cut], cut == line.len())
        })
}

/// The dated forms on one line, in order: a wire dateline, then each part of a line split
/// at "|", "·" or "•" ("By A. Writer | May 24, 2008") as a labelled date or a date alone.
/// A date alone needs the whole line, not a beginning cut from a long one.
fn candidates(line: &str, whole: bool) -> Vec<(Date, Label)> {
    let toks = tokens(line);
    let toks = words_on(&toks);
    let wire = wire(toks, whole)
        .or_else(|| leading(toks))
        .map(|date| (date, Label::Published));
    let parts = toks
        .split(|t| t.kind == Kind::Punct && "|·•".contains(t.text))
        .map(words_on)
        .flat_map(|part| {
            let found = labelled_all(part);
            if !found.is_empty() {
                return found;
            }
            whole
                .then(|| date_alone(part))
                .flatten()
                .map(|date| vec![(date, Label::Published)])
                .unwrap_or_default()
        });
    wire.into_iter().chain(parts).collect()
}

/// From the first word or number on: a heading's "#", a quote's ">", a list's "-" and the
/// like are not part of a dateline.
fn words_on<'t, 'a>(toks: &'t [Tok<'a>]) -> &'t [Tok<'a>] {
    let start = toks.iter().position(|t| t.kind != Kind::Punct);
    &toks[start.unwrap_or(toks.len())..]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    text: &'a str,
    kind: Kind,
    /// Whether white space comes before it ("10:00" is three tokens, none spaced).
    spaced: bool,
}

/// Words (letters), numbers (ASCII digits) and single punctuation marks. Markdown emphasis
/// around a dateline ("*May 24, 2008*", "__Published:__") counts as space.
fn tokens(line: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut spaced = true;
    let mut chars = line.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() || c == '*' || c == '_' {
            spaced = true;
            continue;
        }
        let kind = if c.is_alphabetic() {
            Kind::Word
        } else if c.is_ascii_digit() {
            Kind::Number
        } else {
            Kind::Punct
        };
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            let same = match kind {
                Kind::Word => d.is_alphabetic(),
                Kind::Number => d.is_ascii_digit(),
                Kind::Punct => false,
            };
            if !same {
                break;
            }
            end = i + d.len_utf8();
            chars.next();
        }
        out.push(Tok {
            text: &line[start..end],
            kind,
            spaced,
        });
        spaced = false;
    }
    out
}

/// A part that is a date and nothing else but punctuation, a weekday, a time and a zone,
/// or a byline and its date ("By Ada Writer, May 24, 2008", "By A. Writer on 24 May 2008").
fn date_alone(toks: &[Tok]) -> Option<Date> {
    let start = byline(toks).unwrap_or(0);
    let (date, end) = stamp(toks, start)?;
    toks[end..]
        .iter()
        .all(|t| t.kind == Kind::Punct)
        .then_some(date)
}

/// Past a byline's names and what parts them from a date: "By Ada Writer,", "By A. Writer
/// and T. Reyes on", "By ADA WRITER -".
fn byline(toks: &[Tok]) -> Option<usize> {
    if !is_word(toks, 0, "by") {
        return None;
    }
    let names = toks[1..]
        .iter()
        .take(12)
        .take_while(|t| match t.kind {
            Kind::Word => t.text.starts_with(char::is_uppercase) || t.text == "and",
            // "A.", "Jean-Paul", "O'Brien"; a spaced dash parts the names from the date
            Kind::Punct => !t.spaced && ".-'’".contains(t.text),
            Kind::Number => false,
        })
        .count();
    let k = 1 + names;
    if names == 0 {
        None
    } else if is_word(toks, k, "on") {
        Some(k + 1)
    } else {
        Some(skip(toks, k, ",-–—")).filter(|&after| after > k)
    }
}

/// Each labelled date of a part, in order: "Last updated: July 22, 2017. Published July 21,
/// 2017" has two, and the publication's wins.
fn labelled_all(toks: &[Tok]) -> Vec<(Date, Label)> {
    let mut found = Vec::new();
    let mut rest = toks;
    while let Some((date, label, end)) = labelled(rest) {
        found.push((date, label));
        rest = &rest[skip(rest, end, ".;,").min(rest.len())..];
    }
    found
}

/// "Published: 12 March 2024", "Posted on 5 March 2024 by ...", "Last updated 3:14 PM EST,
/// Tue March 5, 2024": a label opening the part, then a date, and where it ends. After the
/// date comes nothing, punctuation, or a byline; "Dated March 5, 2024, the letter says" is a
/// sentence.
fn labelled(toks: &[Tok]) -> Option<(Date, Label, usize)> {
    let (label, k) = label(toks)?;
    let k = skip(toks, k, ":-–—");
    let k = if is_word(toks, k, "on") || is_word(toks, k, "at") {
        k + 1
    } else {
        k
    };
    let (date, end) = stamp(toks, k)?;
    let next = skip(toks, end, ",");
    let ends = match toks.get(next) {
        None => true,
        Some(t) if t.kind == Kind::Punct => next == end,
        Some(_) => {
            is_word(toks, next, "by")
                || is_word(toks, next, "in")
                || matches!(entry(toks, next), Some(Entry::Label(_)))
        }
    };
    ends.then_some((date, label, end))
}

/// A label of one or two words ("Updated", "Last updated") opening the part.
fn label(toks: &[Tok]) -> Option<(Label, usize)> {
    if let [a, b, ..] = toks
        && a.kind == Kind::Word
        && b.kind == Kind::Word
        && let Some(Entry::Label(label)) =
            WORDS.get(format!("{} {}", a.text, b.text).to_lowercase().as_str())
    {
        return Some((*label, 2));
    }
    match entry(toks, 0)? {
        Entry::Label(label) => Some((label, 1)),
        _ => None,
    }
}

/// "LONDON, March 5, 2024 (Reuters) -", "KYIV, Ukraine, Tuesday, March 5, 2024 (AP) —",
/// "BRUSSELS 2008-05-24": a place in capitalised words, a full date, then the agency, or
/// else a place whose town is in capitals (as wire datelines write it; its country after a
/// comma need not be, "BAMAKO, Mali, May 12, 2025 —") and a dash before the story or the
/// end of the line, so that a sentence opening with a name and a date ("Boeing, May 24,
/// 2008 - ...") is not taken.
fn wire(toks: &[Tok], whole: bool) -> Option<Date> {
    let mut capitals = true;
    let mut town = true;
    // a place of a few words: "WASHINGTON, D.C.", "ST. LOUIS", "KYIV, Ukraine"
    for k in 1..toks.len().min(12) {
        let t = toks[k - 1];
        match t.kind {
            Kind::Word if t.text.starts_with(char::is_uppercase) => {
                capitals &= !town || !t.text.chars().any(char::is_lowercase);
            }
            Kind::Punct if t.text == "," => town = false,
            Kind::Punct if ",.-'’".contains(t.text) => {}
            _ => return None,
        }
        if t.kind == Kind::Punct && t.text != "." {
            continue;
        }
        let at = skip(toks, k, ",");
        let at = weekday(toks, at).unwrap_or(at);
        let Some((date, end)) = date(toks, at) else {
            continue;
        };
        let (agency, next) = agency(toks, end);
        let story = skip(toks, next, "-–—") > next;
        let line_ends = next == toks.len() && whole;
        if agency || (capitals && (story || line_ends)) {
            return Some(date);
        }
    }
    None
}

/// "Thursday, May 7, 2015 The council said ...": a weekday and a full date opening the line,
/// then a new sentence, as when a dateline and the story's first line run together in
/// pasted text. A sentence that opens with a date goes on with a comma or a verb
/// ("Thursday, May 7, 2015, was the day"), not a capitalised word.
fn leading(toks: &[Tok]) -> Option<Date> {
    if entry(toks, 0)? != Entry::Weekday {
        return None;
    }
    let (date, end) = stamp(toks, 0)?;
    let next = toks.get(end)?;
    (next.kind == Kind::Word && next.text.starts_with(char::is_uppercase)).then_some(date)
}

/// "(Reuters)", "(AP)", "/PRNewswire/" after a dateline's date: whether there is one, and
/// where what follows it starts.
fn agency(toks: &[Tok], i: usize) -> (bool, usize) {
    for (open, close) in [("(", ")"), ("/", "/")] {
        if !punct(toks, i, open) {
            continue;
        }
        let name = toks[i + 1..]
            .iter()
            .take(6)
            .take_while(|t| {
                t.kind == Kind::Word || (t.kind == Kind::Punct && "-.&'".contains(t.text))
            })
            .count();
        if name > 0 && punct(toks, i + 1 + name, close) {
            return (true, i + 2 + name);
        }
    }
    (false, i)
}

/// A date with what may stand around it in a dateline: a weekday, and a time (with its
/// zone) before or after it: "Tue March 5, 2024", "3:14 PM EST, Tue March 5, 2024",
/// "24 May 2008 10:00 BST", "May 24, 2008 at 9 a.m.".
fn stamp(toks: &[Tok], i: usize) -> Option<(Date, usize)> {
    let mut k = i;
    if let Some(after) = time(toks, k) {
        k = skip(toks, after, ",-–—|");
        if is_word(toks, k, "on") {
            k += 1;
        }
    }
    let k = weekday(toks, k).unwrap_or(k);
    let (date, mut end) = date(toks, k)?;
    let mut at = skip(toks, skip(toks, end, ","), "-–—@/");
    if is_word(toks, at, "at") {
        at += 1;
    }
    if let Some(after) = time(toks, at) {
        end = after;
    }
    Some((date, end))
}

/// A full date: "May 24, 2008", "Sept. 5 2024", "24th May 2008", "24 of May, 2008",
/// "2008-05-24" (also as a timestamp's start, "2008-05-24T09:30:00Z"). Impossible dates
/// (February 30) are none.
fn date(toks: &[Tok], i: usize) -> Option<(Date, usize)> {
    let (year, month, day, end) = iso(toks, i)
        .or_else(|| month_first(toks, i))
        .or_else(|| day_first(toks, i))?;
    Some((Date::new(year, month, day).ok()?, end))
}

fn iso(toks: &[Tok], i: usize) -> Option<(i16, i8, i8, usize)> {
    let year = four_digits(toks, i)?;
    let joined = (i + 1..=i + 4).all(|k| toks.get(k).is_some_and(|t| !t.spaced));
    if !(joined && punct(toks, i + 1, "-") && punct(toks, i + 3, "-")) {
        return None;
    }
    let month = number(toks, i + 2, 2)?;
    let day = number(toks, i + 4, 2)?;
    let mut end = i + 5;
    // nothing may cling to the day but a timestamp's time
    if let Some(t) = toks.get(end).filter(|t| !t.spaced && t.kind != Kind::Punct) {
        if !t.text.eq_ignore_ascii_case("t") || toks.get(end + 1).is_none_or(|t| t.spaced) {
            return None;
        }
        end = time(toks, end + 1)?;
    }
    Some((
        year,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
        end,
    ))
}

fn month_first(toks: &[Tok], i: usize) -> Option<(i16, i8, i8, usize)> {
    let (month, k) = month(toks, i)?;
    let (day, k) = day(toks, k)?;
    let (year, k) = year(toks, skip(toks, k, ","))?;
    Some((year, month, day, k))
}

fn day_first(toks: &[Tok], i: usize) -> Option<(i16, i8, i8, usize)> {
    let (day, k) = day(toks, i)?;
    let k = if is_word(toks, k, "of") { k + 1 } else { k };
    let (month, k) = month(toks, k)?;
    let (year, k) = year(toks, skip(toks, k, ","))?;
    Some((year, month, day, k))
}

fn month(toks: &[Tok], i: usize) -> Option<(i8, usize)> {
    match entry(toks, i)? {
        Entry::Month(m) => Some((m, stop(toks, i + 1))),
        _ => None,
    }
}

/// A weekday and the stop and comma after it ("Tue.,", "Friday,").
fn weekday(toks: &[Tok], i: usize) -> Option<usize> {
    (entry(toks, i)? == Entry::Weekday).then(|| skip(toks, stop(toks, i + 1), ","))
}

/// A day of the month, with its ordinal ending ("24th").
fn day(toks: &[Tok], i: usize) -> Option<(i8, usize)> {
    let t = toks
        .get(i)
        .filter(|t| t.kind == Kind::Number && t.text.len() <= 2)?;
    let day: i8 = t.text.parse().ok()?;
    let ordinal = toks.get(i + 1).is_some_and(|t| {
        !t.spaced
            && ["st", "nd", "rd", "th"]
                .iter()
                .any(|o| t.text.eq_ignore_ascii_case(o))
    });
    Some((day, i + 1 + usize::from(ordinal)))
}

/// A year of four digits with nothing clinging to it ("2008s", "2008a" are not years).
fn year(toks: &[Tok], i: usize) -> Option<(i16, usize)> {
    let year = four_digits(toks, i)?;
    let clings = toks
        .get(i + 1)
        .is_some_and(|t| !t.spaced && t.kind != Kind::Punct);
    (!clings).then_some((year, i + 1))
}

fn four_digits(toks: &[Tok], i: usize) -> Option<i16> {
    let t = toks
        .get(i)
        .filter(|t| t.kind == Kind::Number && t.text.len() == 4)?;
    if t.text.starts_with('0') {
        return None;
    }
    t.text.parse().ok()
}

/// A clock time: "10:00", "3:14 PM", "10.00 BST", "9 a.m. ET", "09:30:00Z", "14:30 GMT+1".
fn time(toks: &[Tok], i: usize) -> Option<usize> {
    let t = toks
        .get(i)
        .filter(|t| t.kind == Kind::Number && t.text.len() <= 2)?;
    if t.text.parse::<u8>().ok()? > 24 {
        return None;
    }
    let joined = |k: usize| toks.get(k).is_some_and(|t| !t.spaced);
    let mut k = i + 1;
    let minutes = punct(toks, k, ":.")
        && joined(k)
        && joined(k + 1)
        && number(toks, k + 1, 2).is_some_and(|m| m < 60);
    if minutes {
        k += 2;
        // seconds, and their fraction
        while punct(toks, k, ":.") && joined(k) && joined(k + 1) && toks[k + 1].kind == Kind::Number
        {
            k += 2;
        }
    }
    let meridiem = meridiem(toks, k);
    if !minutes && meridiem.is_none() {
        return None; // a bare "9" is no time
    }
    let k = meridiem.unwrap_or(k);
    Some(zone(toks, k).unwrap_or(k))
}

/// "am", "PM", "a.m.", "p.m".
fn meridiem(toks: &[Tok], i: usize) -> Option<usize> {
    let t = toks.get(i).filter(|t| t.kind == Kind::Word)?;
    match t.text.to_ascii_lowercase().as_str() {
        "am" | "pm" => Some(stop(toks, i + 1)),
        "a" | "p" if punct(toks, i + 1, ".") && is_word(toks, i + 2, "m") => {
            Some(stop(toks, i + 3))
        }
        _ => None,
    }
}

/// A time zone after a clock time: an abbreviation in capitals ("EST", "GMT", "Z"), an
/// offset ("+01:00", "-0500"), or both ("GMT+8").
fn zone(toks: &[Tok], i: usize) -> Option<usize> {
    let mut k = i;
    if toks.get(k).is_some_and(|t| {
        t.kind == Kind::Word && t.text.len() <= 5 && t.text.chars().all(|c| c.is_ascii_uppercase())
    }) {
        k += 1;
    }
    let joined = |k: usize| toks.get(k).is_some_and(|t| !t.spaced);
    if punct(toks, k, "+-") && joined(k + 1) && toks[k + 1].kind == Kind::Number {
        k += 2;
        if punct(toks, k, ":") && joined(k) && joined(k + 1) && number(toks, k + 1, 2).is_some() {
            k += 2;
        }
    }
    (k > i).then_some(k)
}

/// A number of exactly `digits` digits.
fn number(toks: &[Tok], i: usize, digits: usize) -> Option<u8> {
    let t = toks
        .get(i)
        .filter(|t| t.kind == Kind::Number && t.text.len() == digits)?;
    t.text.parse().ok()
}

fn entry(toks: &[Tok], i: usize) -> Option<Entry> {
    let t = toks.get(i).filter(|t| t.kind == Kind::Word)?;
    WORDS.get(t.text.to_lowercase().as_str()).copied()
}

fn is_word(toks: &[Tok], i: usize, word: &str) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == Kind::Word && t.text.eq_ignore_ascii_case(word))
}

/// Whether the token at `i` is one of the punctuation marks in `marks`.
fn punct(toks: &[Tok], i: usize, marks: &str) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == Kind::Punct && marks.contains(t.text))
}

/// Past the token at `i` when it is one of `marks`.
fn skip(toks: &[Tok], i: usize, marks: &str) -> usize {
    i + usize::from(punct(toks, i, marks))
}

/// Past an abbreviation's stop, when one follows the word before `i` closely.
fn stop(toks: &[Tok], i: usize) -> usize {
    let close = toks.get(i).is_some_and(|t| !t.spaced);
    if close { skip(toks, i, ".") } else { i }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<String> {
        find(text).map(|d| d.to_string())
    }

    #[test]
    fn a_line_that_is_only_a_date() {
        for line in [
            "May 24, 2008",
            "Saturday, May 24, 2008",
            "Sat. May 24 2008",
            "24 May 2008",
            "24th May, 2008",
            "Sat 24 May 2008 10.00 BST",
            "2008-05-24",
            "2008-05-24T09:30:00Z",
            "*May 24, 2008*",
            "May 24, 2008 at 9:30 a.m. ET",
            "May 24, 2008, 14:30 GMT+1",
            "Sat 24 May 2008 / 15.14 BST",
            "By Ada Writer, May 24, 2008",
            "By A. Writer and T. Reyes on Saturday, May 24, 2008",
            "By ADA WRITER - 24 May 2008",
        ] {
            let text = format!("Harbour plan approved\n{line}\n\nThe council voted on Friday.");
            assert_eq!(found(&text).as_deref(), Some("2008-05-24"), "{line}");
        }
    }

    #[test]
    fn a_date_after_a_label() {
        for line in [
            "Published: 12 March 2024",
            "Published on March 12, 2024",
            "Posted on 12 March 2024 by Ada Writer",
            "First published Tue 12 Mar 2024 08.15 GMT",
            "Updated 3:14 PM EST, Tue March 12, 2024",
            "**Dated:** 2024-03-12",
            "Publication date: 2024-03-12",
            "*As of 12 March 2024*",
            "By Ada Writer | Published March 12, 2024 | 4 min read",
        ] {
            let text = format!("Harbour plan approved\n{line}\nThe council voted on Friday.");
            assert_eq!(found(&text).as_deref(), Some("2024-03-12"), "{line}");
        }
    }

    #[test]
    fn publication_wins_over_a_revision_and_the_first_is_taken() {
        let text = "Last updated March 14, 2024\nPublished March 12, 2024\nMay 1, 2024\n";
        assert_eq!(found(text).as_deref(), Some("2024-03-12"));
        let text = "Updated: March 14, 2024 | Updated: March 15, 2024\nThe story.\n";
        assert_eq!(found(text).as_deref(), Some("2024-03-14"));
        // both on one line, parted by a full stop
        let text = "Last updated: March 14, 2024. Published March 12, 2024\nThe story.\n";
        assert_eq!(found(text).as_deref(), Some("2024-03-12"));
    }

    #[test]
    fn a_wire_dateline() {
        for line in [
            "LONDON, March 5, 2024 (Reuters) - Ministers met on Friday.",
            "KYIV, Ukraine, Tuesday, March 5, 2024 (AP) — Sirens sounded.",
            "WASHINGTON, D.C., March 5, 2024 /PRNewswire/ -- A group said it would sue.",
            "ST. LOUIS, March 5, 2024 - Flooding closed the bridge.",
            "Lagos, 5 March 2024 (Agency) - Fuel prices rose.",
            "BRUSSELS 2024-03-05",
            "NAIROBI, Kenya, March 5, 2024 (AP) _ Rescuers dug through the night.",
            "BAMAKO, Mali, March 5, 2024 — The army said the convoy was attacked.",
            "## LONDON, March 5, 2024 (Reuters) -",
        ] {
            assert_eq!(found(line).as_deref(), Some("2024-03-05"), "{line}");
        }
    }

    #[test]
    fn a_dateline_run_into_the_story() {
        let text = "Tuesday, March 5, 2024 The ministry said on Monday that talks would resume.";
        assert_eq!(found(text).as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn dates_that_are_no_dateline() {
        for text in [
            // in a running sentence
            "On May 24, 2008, the board said it would sell the plant.",
            "Dated March 5, 2024, the letter asks for a delay.",
            "Boeing, May 24, 2008 - the day the order was signed.",
            "Boeing, Airbus, May 24, 2008 - the day the orders were signed.",
            "Talks resume on 24 May 2008 in Geneva",
            "By May 24, 2008, the plant must close.",
            "As of May 24, 2008, the plant employed 300 people.",
            "Saturday, May 24, 2008, was the day the plant closed.",
            "Saturday, May 24, 2008 was the day the plant closed.",
            "By Ada Writer in Lagos, May 24, 2008",
            // no year, no day
            "LAGOS, August 13 (Agency) - Fuel prices rose.",
            "May 2008",
            "Published in 2008",
            // impossible
            "February 30, 2024",
            "2024-13-01",
            "May 24, 208",
            // a year that is not one
            "May 24, 2008s",
            // numbers that may be day-first or month-first
            "03/05/2024",
            "Published 5.3.2024",
        ] {
            assert_eq!(found(text), None, "{text}");
        }
    }

    #[test]
    fn only_the_top_of_the_article_is_read() {
        let mut text = String::new();
        for n in 1..20 {
            text.push_str(&format!("Line {n} of the story.\n\n"));
        }
        text.push_str("May 24, 2008\n");
        assert_eq!(found(&text), None, "line 20");
        let long = format!("{}\nMay 24, 2008\n", "word ".repeat(130));
        assert_eq!(found(&long), None, "past 600 bytes");
        // a date alone at the start of a long line is the start of a sentence
        let cut = format!("May 24, 2008{}", " and then".repeat(40));
        assert_eq!(found(&cut), None);
    }

    proptest::proptest! {
        /// Text made of a dateline's pieces in any order: no panic, and a date found is one
        /// the text spells (its year is in it).
        #[test]
        fn any_mix_of_dateline_pieces(pieces in proptest::collection::vec(0usize..24, 0..40)) {
            let text: String = pieces
                .into_iter()
                .map(|k| [
                    "May", "Sept.", "Tue", "24", "2008", "3", "30", "-", "—", ", ", ":", ".",
                    "(", ")", "/", "|", "\n", " ", "Published", "By", "LONDON", "a.m.", "T",
                    "😀",
                ][k])
                .collect();
            if let Some(date) = find(&text) {
                proptest::prop_assert!(text.contains(&date.year().to_string()), "{text}");
            }
        }
    }

    #[test]
    fn odd_text_is_no_date_and_no_panic() {
        for text in [
            "",
            "\n\n\n",
            "🎉 May 24, 2008 🎉",
            "مايو 24, 2008",
            &"9".repeat(300),
            &format!("{}May 24, 2008", "é".repeat(99)),
            "May 24, 99999999999999999999",
            "10:99 May 24, 2008",
            "2008-05-24T",
            "LONDON, (",
            "(",
        ] {
            let _ = find(text);
        }
    }
}
