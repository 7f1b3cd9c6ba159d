//! A TIMEX3 value in words, for the reader's timeline and the exports: every form the analysis writes
//! (days, times and parts of days, months, weeks and weekends, quarters, halves, seasons,
//! years, decades, centuries, values left open with X, the _REF words, durations and sets).

use jiff::ToSpan;
use jiff::civil::{Date, ISOWeekDate, Weekday};

use crate::analysis::TimexType;

/// "2024-03-05TNI" "night of Tue 5 Mar 2024", "XXXX-WXX-1" "a Monday (date unknown)",
/// "2025" "2025", "P3Y" "3 years"; a value of no known form is shown as it is.
pub fn readable(value: &str, kind: TimexType) -> String {
    let words = match value {
        "PAST_REF" => Some("the past".to_string()),
        "PRESENT_REF" => Some("now".to_string()),
        "FUTURE_REF" => Some("the future".to_string()),
        _ if value.starts_with('P') => period(value, kind),
        _ => match value.split_once('T') {
            Some((date, time)) => at_time(date, time),
            None => date(value),
        }
        .map(|w| if kind == TimexType::Set { every(w) } else { w }),
    };
    words.unwrap_or_else(|| value.to_string())
}

const UNKNOWN: &str = "(date unknown)";

fn day(d: Date) -> String {
    d.strftime("%a %-d %b %Y").to_string()
}

/// A date part: "2024-11-22", "1998-10-XX", "XXXX-02", "2024-W09-WE", "2024-Q1", "199" ...
fn date(value: &str) -> Option<String> {
    if let Some(year) = value.strip_prefix("BC") {
        return Some(format!("{} BC", number(year)?));
    }
    let mut parts = value.split('-');
    let year = parts.next()?;
    let (second, third, fourth) = (parts.next(), parts.next(), parts.next());
    if fourth.is_some() {
        return None;
    }
    let Some(second) = second else {
        return whole_years(year);
    };
    let known_year = (year != "XXXX").then(|| number(year)).flatten();
    if known_year.is_none() && year != "XXXX" {
        return None;
    }
    if let Some(words) = part_of_year(known_year, second) {
        return Some(words);
    }
    if let Some(week) = second.strip_prefix('W') {
        return week_words(known_year, week, third);
    }
    let month = (second != "XX").then(|| month_name(second)).flatten();
    if month.is_none() && second != "XX" {
        return None;
    }
    let Some(d) = third else {
        return Some(match (known_year, month) {
            (Some(y), Some(m)) => format!("{m} {y}"),
            (None, Some(m)) => format!("{m} (year unknown)"),
            (Some(y), None) => format!("a month in {y}"),
            (None, None) => format!("a month {UNKNOWN}"),
        });
    };
    let n = (d != "XX").then(|| number(d)).flatten();
    if n.is_none() && d != "XX" {
        return None;
    }
    Some(match (known_year, month, n) {
        (Some(_), Some(_), Some(_)) => day(value.parse().ok()?),
        (None, Some(m), Some(n)) => format!("{n} {m} (year unknown)"),
        (Some(y), Some(m), None) => format!("a day in {m} {y}"),
        (Some(y), None, _) => format!("a day in {y}"),
        _ => format!("a day {UNKNOWN}"),
    })
}

/// "2025", "199" the 1990s, "19" the 20th century, and the same left open with X.
fn whole_years(year: &str) -> Option<String> {
    let unit = match year.len() {
        4 => "year",
        3 => "decade",
        2 => "century",
        _ => return None,
    };
    if year.bytes().all(|b| b == b'X') {
        return Some(format!("a {unit} {UNKNOWN}"));
    }
    let n = number(year)?;
    Some(match unit {
        "year" => year.to_string(),
        "decade" => format!("the {}0s", n),
        _ => format!("{} century", ordinal(n + 1)),
    })
}

/// A week ("W09"), a day of one ("W09-2") or its weekend ("W09-WE"), of a year or not.
fn week_words(year: Option<u32>, week: &str, day_of: Option<&str>) -> Option<String> {
    let number = (week != "XX").then(|| week.parse::<i8>().ok()).flatten();
    if number.is_none() && week != "XX" {
        return None;
    }
    let monday = match (year, number) {
        (Some(y), Some(w)) => Some(
            ISOWeekDate::new(i16::try_from(y).ok()?, w, Weekday::Monday)
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
        Some("WE") => match monday {
            Some(m) => format!("weekend of {}", short(m.checked_add(5.days()).ok()?)),
            None => in_year("a weekend"),
        },
        Some(d) => {
            let n: i8 = d.parse().ok().filter(|n| (1..=7).contains(n))?;
            match monday {
                Some(m) => day(m.checked_add(i64::from(n - 1).days()).ok()?),
                None => in_year(&format!("a {}", weekday_name(n))),
            }
        }
    })
}

/// "Q1" "H2" "SU" "QX" of a year or not.
fn part_of_year(year: Option<u32>, part: &str) -> Option<String> {
    let name = match part {
        "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "H2" => part,
        "SP" => "spring",
        "SU" => "summer",
        "FA" => "autumn",
        "WI" => "winter",
        "QX" => {
            return Some(year.map_or_else(
                || format!("a quarter {UNKNOWN}"),
                |y| format!("a quarter of {y}"),
            ));
        }
        _ => return None,
    };
    Some(match year {
        // winter runs into the next year
        Some(y) if part == "WI" => format!("winter {y}-{:02}", (y + 1) % 100),
        Some(y) => format!("{name} {y}"),
        None => format!("{name} (year unknown)"),
    })
}

/// A date with a time: "T10:30", or a part of the day ("TMO" "TAF" "TEV" "TNI" "TDT"); what
/// is unknown stays said last ("a Friday night (date unknown)").
fn at_time(date_part: &str, time: &str) -> Option<String> {
    let part = match time {
        "MO" => Some("morning"),
        "AF" => Some("afternoon"),
        "EV" => Some("evening"),
        "NI" => Some("night"),
        "DT" => Some("daytime"),
        _ => None,
    };
    let clock = match part {
        Some(_) => None,
        None => {
            let clock = time.get(..5)?;
            let (h, m) = clock.split_once(':')?;
            number(h).filter(|&h| h <= 24)?;
            number(m).filter(|&m| m < 60)?;
            Some(clock)
        }
    };
    let words = match date_part {
        "XXXX-XX-XX" => format!("a {UNKNOWN}"),
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
fn period(value: &str, kind: TimexType) -> Option<String> {
    let mut words = Vec::new();
    let mut time = false;
    let mut count = String::new();
    for c in value[1..].chars() {
        match c {
            'T' if count.is_empty() => time = true,
            '0'..='9' | '.' | 'X' => count.push(c),
            _ => {
                let unit = match (c, time) {
                    ('Y', false) => "year",
                    ('M', false) => "month",
                    ('W', false) => "week",
                    ('D', false) => "day",
                    ('Q', false) => "quarter",
                    ('H', true) => "hour",
                    ('M', true) => "minute",
                    ('S', true) => "second",
                    _ => return None,
                };
                words.push(match count.as_str() {
                    "" => return None,
                    "X" => format!("{unit}s"),
                    "1" if kind == TimexType::Set => unit.to_string(),
                    "1" => format!("1 {unit}"),
                    n => format!("{n} {unit}s"),
                });
                count.clear();
            }
        }
    }
    if words.is_empty() || !count.is_empty() {
        return None;
    }
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

fn number(digits: &str) -> Option<u32> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
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

fn month_name(digits: &str) -> Option<&'static str> {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let n = number(digits).filter(|_| digits.len() == 2)?;
    NAMES.get(usize::try_from(n).ok()?.checked_sub(1)?).copied()
}

fn weekday_name(n: i8) -> &'static str {
    const NAMES: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    NAMES[usize::from(n.unsigned_abs() - 1) % 7]
}

#[cfg(test)]
mod tests {
    use super::readable;
    use crate::analysis::TimexType::{self, *};

    fn words(value: &str, kind: TimexType) -> String {
        readable(value, kind)
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
            ("2024-W09-2", Date, "Tue 27 Feb 2024"),
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

    #[test]
    fn odd_values_are_shown_as_they_are() {
        for value in [
            "",
            "2024-13",
            "2024-02-30",
            "2024-W60",
            "XXXX-WXX-9",
            "P",
            "PT",
            "P3",
            "2024-11-22T",
            "2024-11-22T99:00",
            "BC",
            "12345",
            "2024-ZZ",
            "x",
            "é-é",
        ] {
            assert_eq!(words(value, Date), value);
        }
    }
}
