//! A TIMEX3 value in words, for the reader's timeline and the exports: every form the analysis writes
//! (days, times and parts of days, months, weeks and weekends, quarters, halves, seasons,
//! years, decades, centuries, values left open with X, the _REF words, durations and sets).

use jiff::ToSpan;
use jiff::civil::{Date, ISOWeekDate, Weekday};

use super::value::{Amount, Calendar, Clock, DayPart, PeriodUnit, Reference, Season, TimeValue};
use crate::analysis::TimexType;

/// "2024-03-05TNI" "night of Tue 5 Mar 2024", "XXXX-WXX-1" "a Monday (date unknown)",
/// "2025" "2025", "P3Y" "3 years"; a value with no words (a day that is not in the calendar)
/// is shown in TimeML's notation.
pub fn readable(value: &TimeValue, kind: TimexType) -> String {
    let words = match value {
        TimeValue::Ref(Reference::Past) => Some("the past".to_string()),
        TimeValue::Ref(Reference::Present) => Some("now".to_string()),
        TimeValue::Ref(Reference::Future) => Some("the future".to_string()),
        TimeValue::Duration(first, second) => period(*first, *second, kind),
        TimeValue::Time(date, clock) => at_time(date, *clock),
        TimeValue::Date(date) => self::date(date),
    };
    let words = match value {
        TimeValue::Date(_) | TimeValue::Time(..) if kind == TimexType::Set => words.map(every),
        _ => words,
    };
    words.unwrap_or_else(|| value.to_string())
}

const UNKNOWN: &str = "(date unknown)";

fn day(d: Date) -> String {
    d.strftime("%a %-d %b %Y").to_string()
}

/// A date: "2024-11-22", "1998-10-XX", "XXXX-02", "2024-W09-WE", "2024-Q1", "199" ...
fn date(value: &Calendar) -> Option<String> {
    let year = |y: Option<i32>| y.and_then(|y| u32::try_from(y).ok());
    Some(match *value {
        Calendar::BcYear(n) => format!("{n} BC"),
        Calendar::Year(None) => format!("a year {UNKNOWN}"),
        Calendar::Year(Some(y)) => format!("{y:04}"),
        Calendar::Decade(None) => format!("a decade {UNKNOWN}"),
        Calendar::Decade(Some(n)) => format!("the {n}0s"),
        Calendar::Century(None) => format!("a century {UNKNOWN}"),
        Calendar::Century(Some(n)) => format!("{} century", ordinal(u32::try_from(n).ok()? + 1)),
        Calendar::Quarter(y, q) => part_of_year(year(y), q.map(|q| format!("Q{q}")))?,
        Calendar::Half(y, h) => part_of_year(year(y), Some(format!("H{h}")))?,
        Calendar::Season(y, s) => season(year(y), s),
        Calendar::Week(y, w) => week_words(year(y), w, None)?,
        Calendar::Weekend(y, w) => week_words(year(y), w, Some(Weekend))?,
        Calendar::Weekday(d) => week_words(None, None, Some(Of(d)))?,
        Calendar::Month(y, m) => {
            let month = match m {
                Some(n) => Some(month_name(n)?),
                None => None,
            };
            match (year(y), month) {
                (Some(y), Some(m)) => format!("{m} {y}"),
                (None, Some(m)) => format!("{m} (year unknown)"),
                (Some(y), None) => format!("a month in {y}"),
                (None, None) => format!("a month {UNKNOWN}"),
            }
        }
        Calendar::Day(y, m, d) => {
            let month = match m {
                Some(n) => Some(month_name(n)?),
                None => None,
            };
            match (year(y), month, d) {
                (Some(_), Some(_), Some(_)) => day(value.date()?),
                (None, Some(m), Some(n)) => format!("{n} {m} (year unknown)"),
                (Some(y), Some(m), None) => format!("a day in {m} {y}"),
                (Some(y), None, _) => format!("a day in {y}"),
                _ => format!("a day {UNKNOWN}"),
            }
        }
    })
}

/// Which day of a week.
enum DayOf {
    Weekend,
    /// Monday 1
    Of(u8),
}
use DayOf::*;

/// A week, a day of one or its weekend, of a year or not.
fn week_words(year: Option<u32>, week: Option<u8>, day_of: Option<DayOf>) -> Option<String> {
    let monday = match (year, week) {
        (Some(y), Some(w)) => Some(
            ISOWeekDate::new(i16::try_from(y).ok()?, w as i8, Weekday::Monday)
                .ok()?
                .date(),
        ),
        _ => None,
    };
    let in_year = |what: &str| match year {
        Some(y) => format!("{what} in {y}"),
        None => format!("{what} {UNKNOWN}"),
    };
    Some(match day_of {
        None => monday.map_or_else(|| in_year("a week"), |m| format!("week of {}", short(m))),
        Some(Weekend) => match monday {
            Some(m) => format!("weekend of {}", short(m.checked_add(5.days()).ok()?)),
            None => in_year("a weekend"),
        },
        Some(Of(n)) => {
            let n = i8::try_from(n).ok().filter(|n| (1..=7).contains(n))?;
            match monday {
                Some(m) => day(m.checked_add(i64::from(n - 1).days()).ok()?),
                None => in_year(&format!("a {}", weekday_name(n))),
            }
        }
    })
}

/// A quarter or half ("Q1" "H2"; None a quarter left open) of a year or not.
fn part_of_year(year: Option<u32>, part: Option<String>) -> Option<String> {
    let Some(name) = part else {
        return Some(year.map_or_else(
            || format!("a quarter {UNKNOWN}"),
            |y| format!("a quarter of {y}"),
        ));
    };
    Some(match year {
        Some(y) => format!("{name} {y}"),
        None => format!("{name} (year unknown)"),
    })
}

fn season(year: Option<u32>, season: Season) -> String {
    let name = match season {
        Season::Spring => "spring",
        Season::Summer => "summer",
        Season::Fall => "autumn",
        Season::Winter => "winter",
    };
    match year {
        // winter runs into the next year
        Some(y) if season == Season::Winter => format!("winter {y}-{:02}", (y + 1) % 100),
        Some(y) => format!("{name} {y}"),
        None => format!("{name} (year unknown)"),
    }
}

/// A date with a time: a clock time, or a part of the day; what is unknown stays said last
/// ("a Friday night (date unknown)").
fn at_time(date_part: &Calendar, time: Clock) -> Option<String> {
    let (part, clock) = match time {
        Clock::Part(p) => (
            Some(match p {
                DayPart::Morning => "morning",
                DayPart::Afternoon => "afternoon",
                DayPart::Evening => "evening",
                DayPart::Night => "night",
                DayPart::Daytime => "daytime",
            }),
            None,
        ),
        Clock::At { hour, minute } => {
            if hour > 24 || minute >= 60 {
                return None;
            }
            (None, Some(format!("{hour:02}:{minute:02}")))
        }
    };
    let words = match date_part {
        Calendar::Day(None, None, None) => format!("a {UNKNOWN}"),
        _ => date(date_part)?,
    };
    let (known, unknown) = match words.find(" (") {
        Some(k) => words.split_at(k),
        None => (words.as_str(), ""),
    };
    // "a" alone: no day known; "a Friday": a weekday
    let weekday = known
        .strip_prefix("a ")
        .filter(|w| w.starts_with(char::is_uppercase));
    Some(match (part, clock) {
        (Some(part), _) if known == "a" => format!("{} {part}{unknown}", article(part)),
        (Some(part), _) if weekday.is_some() => format!("{known} {part}{unknown}"),
        (Some(part), _) => format!("{part} of {known}{unknown}"),
        (_, Some(clock)) if known == "a" => format!("{clock}{unknown}"),
        (_, Some(clock)) => format!("{known} {clock}{unknown}"),
        (None, None) => return None,
    })
}

/// A set left open ("a Friday (date unknown)", "Dec (year unknown)"): how often, "every
/// Friday", "every Dec"; a set with a known date is that date.
fn every(words: String) -> String {
    let Some((known, _)) = words
        .strip_suffix(UNKNOWN)
        .or_else(|| words.strip_suffix("(year unknown)"))
        .and_then(|w| w.rsplit_once(' '))
    else {
        return words;
    };
    format!("every {}", known.strip_prefix("a ").unwrap_or(known))
}

/// A duration ("P3Y" "PT2H" "P1Y6M" "PXD") or, for a set, how often ("P1W" every week).
fn period(first: Amount, second: Option<Amount>, kind: TimexType) -> Option<String> {
    let words: Vec<String> = std::iter::once(first)
        .chain(second)
        .map(|a| {
            let unit = match a.unit {
                PeriodUnit::Year => "year",
                PeriodUnit::Quarter => "quarter",
                PeriodUnit::Month => "month",
                PeriodUnit::Week => "week",
                PeriodUnit::Day => "day",
                PeriodUnit::Hour => "hour",
                PeriodUnit::Minute => "minute",
                PeriodUnit::Second => "second",
            };
            match a.count {
                None => format!("{unit}s"),
                Some(1) if kind == TimexType::Set => unit.to_string(),
                Some(1) => format!("1 {unit}"),
                Some(n) => format!("{n} {unit}s"),
            }
        })
        .collect();
    let words = words.join(" ");
    Some(if kind == TimexType::Set {
        format!("every {words}")
    } else {
        words
    })
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn short(d: Date) -> String {
    d.strftime("%-d %b %Y").to_string()
}

/// "Jan" for 1: the calendar's own short name, as the days above are written (`%b`), so the
/// analysis keeps one list of month words, the tagger's.
fn month_name(n: u8) -> Option<String> {
    let first = Date::new(2001, i8::try_from(n).ok()?, 1).ok()?;
    Some(first.strftime("%b").to_string())
}

/// "Monday" for 1, from the calendar (1 January 2001 was a Monday).
fn weekday_name(n: i8) -> String {
    let monday = jiff::civil::date(2001, 1, 1);
    let day = monday
        .checked_add(i64::from(n - 1).days())
        .unwrap_or(monday);
    day.strftime("%A").to_string()
}

#[cfg(test)]
mod tests {
    use super::readable;
    use crate::analysis::TimexType::{self, *};

    fn words(value: &str, kind: TimexType) -> String {
        readable(&value.parse().unwrap(), kind)
    }

    #[test]
    fn every_value_form_has_words() {
        for (value, kind, expected) in [
            ("2024-11-22", Date, "Fri 22 Nov 2024"),
            ("2024-03-05TNI", Time, "night of Tue 5 Mar 2024"),
            ("2024-03-05TMO", Time, "morning of Tue 5 Mar 2024"),
            ("2024-03-05TAF", Time, "afternoon of Tue 5 Mar 2024"),
            ("2024-03-05TEV", Time, "evening of Tue 5 Mar 2024"),
            ("2024-11-22T10:30", Time, "Fri 22 Nov 2024 10:30"),
            ("XXXX-XX-XXT24:00", Time, "24:00 (date unknown)"),
            ("XXXX-XX-XXTNI", Time, "a night (date unknown)"),
            ("XXXX-XX-XXTAF", Time, "an afternoon (date unknown)"),
            ("XXXX-WXX-1TMO", Time, "a Monday morning (date unknown)"),
            ("XXXX-WXX-6T15:00", Time, "a Saturday 15:00 (date unknown)"),
            ("XXXX-11-09T17:00", Time, "9 Nov 17:00 (year unknown)"),
            ("1998-10-XXTEV", Time, "evening of a day in Oct 1998"),
            ("2022-02", Date, "Feb 2022"),
            ("XXXX-02", Date, "Feb (year unknown)"),
            ("XXXX-02-14", Date, "14 Feb (year unknown)"),
            ("1998-10-XX", Date, "a day in Oct 1998"),
            ("1998-XX-XX", Date, "a day in 1998"),
            ("XXXX-XX-XX", Date, "a day (date unknown)"),
            ("XXXX-XX", Date, "a month (date unknown)"),
            ("2025", Date, "2025"),
            ("XXXX", Date, "a year (date unknown)"),
            ("2024-W09", Date, "week of 26 Feb 2024"),
            ("2024-W09-WE", Date, "weekend of 2 Mar 2024"),
            ("XXXX-WXX", Date, "a week (date unknown)"),
            ("XXXX-WXX-WE", Date, "a weekend (date unknown)"),
            ("XXXX-WXX-1", Date, "a Monday (date unknown)"),
            ("XXXX-WXX-7", Date, "a Sunday (date unknown)"),
            ("2024-Q1", Date, "Q1 2024"),
            ("2023-H2", Date, "H2 2023"),
            ("XXXX-Q3", Date, "Q3 (year unknown)"),
            ("2024-QX", Date, "a quarter of 2024"),
            ("XXXX-QX", Date, "a quarter (date unknown)"),
            ("2024-SU", Date, "summer 2024"),
            ("2024-FA", Date, "autumn 2024"),
            ("2099-WI", Date, "winter 2099-00"),
            ("XXXX-SP", Date, "spring (year unknown)"),
            ("199", Date, "the 1990s"),
            ("XXX", Date, "a decade (date unknown)"),
            ("19", Date, "20th century"),
            ("20", Date, "21st century"),
            ("XX", Date, "a century (date unknown)"),
            ("BC0044", Date, "44 BC"),
            ("PAST_REF", Date, "the past"),
            ("PRESENT_REF", Date, "now"),
            ("FUTURE_REF", Date, "the future"),
            ("P3Y", Duration, "3 years"),
            ("P1Y6M", Duration, "1 year 6 months"),
            ("PT2H30M", Duration, "2 hours 30 minutes"),
            ("PXD", Duration, "days"),
            ("P1W", Set, "every week"),
            ("XXXX-WXX-5", Set, "every Friday"),
            ("XXXX-XX-XXTMO", Set, "every morning"),
            ("XXXX-12", Set, "every Dec"),
            ("XXXX-WI", Set, "every winter"),
            ("P2W", Set, "every 2 weeks"),
        ] {
            assert_eq!(words(value, kind), expected, "{value}");
        }
    }
}
