//! From what an expression says ([`Sem`]) to a TimeML value, resolved against the published
//! date, the tense of its clause, and the last date the text mentioned.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::lexicon::{HolidayRule, Tense, Unit};
use crate::analysis::model::TimexType;

/// A number of units: exact, or vague ("several", "a few") as TimeML's X.
pub type Count = Option<u32>;

#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// A value from the phrase list; one starting with "T" is a time of the reference day.
    Fixed(TimexType, &'static str),
    /// A calendar date, any part of which may be missing ("March 3", "March 2022", "2022").
    Date {
        year: Option<i32>,
        month: Option<u8>,
        day: Option<u8>,
    },
    /// A year before the common era: "BC0490".
    BcYear(u32),
    /// The first three digits of a decade's years: "199" for the 1990s.
    Decade(i32),
    /// The first two digits: "19" for the 20th century.
    Century(i32),
    /// A quarter (1-4) or a half (5-6, H1/H2) of a given or implied year.
    Quarter {
        year: Option<i32>,
        q: u8,
    },
    /// "last year's fourth quarter" (-1), "the first half of this year" (0).
    QuarterInYear {
        q: u8,
        offset: i32,
    },
    /// "the week of March 6": the week of a day.
    WeekOf(Box<Sem>),
    /// "the day after Christmas" (1), "the day before last Tuesday" (-1).
    DayNextTo {
        day: Box<Sem>,
        sign: i32,
    },
    /// "the 1988 period" in a report of results: the quarter last completed before
    /// publication, in that year.
    QuarterOfYear(i32),
    /// "summer 2022", "last winter" (offset -1).
    Season {
        year: Option<i32>,
        code: &'static str,
        offset: i32,
    },
    /// A weekday (Monday = 1), optionally moved ("last Friday" -1), at a part of the day.
    Weekday {
        day: u8,
        rel: Option<i32>,
        part: Option<&'static str>,
    },
    /// Days from the published date, at a part of the day.
    Day {
        offset: i32,
        part: Option<&'static str>,
    },
    /// "the next morning" (1), "the previous night" (-1): a part of the day before or after
    /// the day last named.
    StepPart {
        sign: i32,
        part: &'static str,
    },
    /// "last week", "this month", "next year".
    Relative {
        unit: Unit,
        offset: i32,
    },
    /// "June last year" (-1), "January this year" (0).
    MonthInYear {
        month: u8,
        offset: i32,
    },
    Holiday(HolidayRule),
    /// "last Thanksgiving" (-1), "next Christmas" (1): the one before or after the published
    /// day.
    RelHoliday {
        rule: HolidayRule,
        offset: i32,
    },
    /// "that year", "that day": the same unit of the last date mentioned.
    Anaphor(Unit),
    /// "the previous Friday" (-1), "the following Monday" (1): from the day last named.
    StepWeekday {
        day: u8,
        sign: i32,
    },
    /// "the end of the year", "year-end": this year's, or last year's in a past clause
    /// before December.
    YearEnd,
    /// "the weekend": the one before a weekday in a past clause, else the coming one.
    Weekend,
    /// "last May", "next March", "last Oct. 23".
    RelMonth {
        month: u8,
        day: Option<u8>,
        offset: i32,
    },
    /// "two days ago" (from the published date) and "a year earlier" (from the last date
    /// mentioned, see [`Anchor`]).
    Shift {
        count: Count,
        unit: Unit,
        sign: i32,
        from: Anchor,
    },
    Duration {
        count: Count,
        unit: Unit,
    },
    /// "2 1/2 years", "an hour and a half".
    HalfDuration {
        count: u32,
        unit: Unit,
    },
    Set(String),
    /// A clock time on a given day, or on the reference day.
    Clock {
        hour: u8,
        minute: u8,
        on: Option<Box<Sem>>,
    },
}

impl Sem {
    /// A year alone: "2022", "fiscal 1998", "the year 2000".
    pub fn year(year: i32) -> Sem {
        Sem::Date {
            year: Some(year),
            month: None,
            day: None,
        }
    }

    /// Whether the expression names one whole day ("Tuesday", "March 3", "Christmas").
    pub fn is_day(&self) -> bool {
        matches!(
            self,
            Sem::Date { day: Some(_), .. }
                | Sem::Weekday { part: None, .. }
                | Sem::Day { part: None, .. }
                | Sem::Holiday(_)
                | Sem::RelHoliday { .. }
                | Sem::RelMonth { day: Some(_), .. }
                | Sem::StepWeekday { .. }
        )
    }
}

/// What a shift counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Published,
    /// The last date mentioned ("a year earlier"), keeping its granularity.
    Last,
    /// The last date mentioned, in the unit stepped by: "the following year" is a year even
    /// after a day.
    Step,
    /// The last date mentioned if it is a quarter or half ("a year ago" in a quarterly report),
    /// else the published date.
    Period,
    /// The reporting period last mentioned ("year-ago", "the year-earlier quarter"): a day
    /// there is the end of a quarter ("the quarter ended Sept. 30"), so it counts as that
    /// quarter.
    Report,
}

pub struct Context {
    pub published: Option<Date>,
    pub tense: Option<Tense>,
    /// The last fully resolved DATE value before this expression.
    pub last: Option<String>,
    /// The last date was named a sentence or two before: a bare clock time is on its day.
    pub last_near: bool,
}

pub fn resolve(sem: &Sem, cx: &Context) -> Option<(TimexType, String)> {
    use TimexType::*;
    let dct = cx.published;
    Some(match sem {
        Sem::Fixed(kind, value) if value.starts_with('T') => {
            (*kind, format!("{}{value}", day(dct)))
        }
        Sem::Fixed(kind, value) => (*kind, (*value).to_string()),
        Sem::Date { year, month, day } => (Date, date_value(*year, *month, *day, cx)),
        Sem::Decade(d) => (Date, d.to_string()),
        Sem::BcYear(y) => (Date, format!("BC{y:04}")),
        Sem::Century(c) => (Date, format!("{c:02}")),
        Sem::Quarter { year, q } => {
            let year = year.map(|y| y.to_string()).unwrap_or_else(|| {
                // a past quarter not yet reached this year belongs to last year
                let q_now = dct.map(|d| (d.month() as u8 - 1) / 3 + 1);
                match (dct, cx.tense) {
                    (Some(d), Some(Tense::Past)) if q_now.is_some_and(|n| *q <= 4 && *q > n) => {
                        (d.year() - 1).to_string()
                    }
                    _ => year_of(dct),
                }
            });
            (Date, format!("{year}-{}", quarter_part(*q)))
        }
        Sem::QuarterInYear { q, offset } => {
            let year = dct.map_or_else(
                || "XXXX".to_string(),
                |d| format!("{:04}", d.year() as i32 + offset),
            );
            (Date, format!("{year}-{}", quarter_part(*q)))
        }
        Sem::WeekOf(day) => {
            let (_, v) = resolve(day, cx)?;
            let week = crate::document::parse_date(&v).map_or_else(
                || format!("{}-WXX", v.get(..4).unwrap_or("XXXX")),
                week_value,
            );
            (Date, week)
        }
        Sem::QuarterOfYear(year) => {
            let reported = dct.map(reported_quarter);
            let part = reported
                .as_deref()
                .and_then(|r| r.rsplit('-').next())
                .unwrap_or("QX");
            (Date, format!("{year:04}-{part}"))
        }
        Sem::Season { year, code, offset } => {
            let y = match (year, dct) {
                (Some(y), _) => y.to_string(),
                // "the summer": the nearer one, or as the tense says, like a month
                (None, Some(_)) if *offset == 0 => {
                    let month = match *code {
                        "SP" => 4,
                        "SU" => 7,
                        "FA" => 10,
                        _ => 12,
                    };
                    date_value(None, Some(month), None, cx)[..4].to_string()
                }
                (None, Some(d)) => {
                    (d.year() as i32 + season_shift(code, *offset, d.month() as i32)).to_string()
                }
                (None, None) => "XXXX".to_string(),
            };
            (Date, format!("{y}-{code}"))
        }
        Sem::Weekday { day: wd, rel, part } => {
            let v = weekday_value(*wd, *rel, cx);
            match part {
                Some(p) => (Time, format!("{v}T{p}")),
                None => (Date, v),
            }
        }
        Sem::Day { offset, part } => {
            let v = match dct.and_then(|d| d.checked_add(offset.days()).ok()) {
                Some(d) => d.to_string(),
                None if *offset == 0 && part.is_none() => "PRESENT_REF".to_string(),
                None => "XXXX-XX-XX".to_string(),
            };
            match part {
                Some(p) => (Time, format!("{v}T{p}")),
                None => (Date, v),
            }
        }
        Sem::StepPart { sign, part } => {
            let day = shift(Some(1), Unit::Day, *sign, Anchor::Last, cx);
            (Time, format!("{day}T{part}"))
        }
        Sem::Relative { unit, offset } => (Date, relative(*unit, *offset, dct)?),
        Sem::YearEnd => {
            let back = cx.tense == Some(Tense::Past) && dct.is_some_and(|d| d.month() < 12);
            (Date, relative(Unit::Year, -i32::from(back), dct)?)
        }
        Sem::RelMonth { month, day, offset } => {
            let y = dct.map(|d| {
                // a day compares with the published day, a month alone with its month
                let (now, then) = match day {
                    Some(n) => ((d.month() as u8, d.day() as u8), (*month, *n)),
                    None => ((d.month() as u8, 0), (*month, 0)),
                };
                let y = d.year() as i32;
                match offset.signum() {
                    -1 if then >= now => y - 1,
                    1 if then <= now => y + 1,
                    _ => y,
                }
            });
            let y = y.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"));
            let v = match day {
                Some(n) => format!("{y}-{month:02}-{n:02}"),
                None => format!("{y}-{month:02}"),
            };
            (Date, v)
        }
        Sem::Holiday(rule) => {
            let day = match rule {
                HolidayRule::Fixed { day, .. } => *day,
                HolidayRule::Nth { n, from, .. } => from.saturating_add((n.max(&1) * 7) as u8 - 4),
                HolidayRule::Easter(_) => 1,
            };
            let year = date_value(None, Some(rule.month()), Some(day), cx);
            let v = year[..4]
                .parse::<i16>()
                .ok()
                .and_then(|y| holiday_date(*rule, y))
                .map_or_else(
                    || match rule {
                        // a movable feast has no day without its year
                        HolidayRule::Easter(_) => "XXXX-XX-XX".to_string(),
                        _ => format!("XXXX-{:02}-{day:02}", rule.month()),
                    },
                    |d| d.to_string(),
                );
            (Date, v)
        }
        Sem::RelHoliday { rule, offset } => {
            let on = |y: i32| i16::try_from(y).ok().and_then(|y| holiday_date(*rule, y));
            let v = dct
                .and_then(|d| {
                    let y = d.year() as i32;
                    let this = on(y)?;
                    match offset.signum() {
                        -1 if this >= d => on(y - 1),
                        1 if this <= d => on(y + 1),
                        _ => Some(this),
                    }
                })
                .map_or_else(|| format!("XXXX-{:02}", rule.month()), |d| d.to_string());
            (Date, v)
        }
        Sem::Anaphor(unit) => {
            let len = match unit {
                Unit::Year => 4,
                Unit::Month => 7,
                _ => 10,
            };
            let v = match cx.last.as_deref() {
                Some(l) if l.len() >= len => l[..len].to_string(),
                // "that same day" after "last October": a day of that month, "1998-10-XX"
                Some(l)
                    if matches!(l.len(), 4 | 7)
                        && l.bytes().all(|b| b.is_ascii_digit() || b == b'-') =>
                {
                    format!("{l}{}", &"-XX-XX"[..len - l.len()])
                }
                _ => relative(*unit, 0, None).unwrap_or_default(),
            };
            (Date, v)
        }
        Sem::StepWeekday { day: wd, sign } => {
            let from = cx.last.as_deref().and_then(crate::document::parse_date);
            let target = Weekday::from_monday_one_offset(*wd as i8).ok();
            let v = match (from, target) {
                (Some(d), Some(t)) => d.nth_weekday(*sign, t).ok().map(|d| d.to_string()),
                _ => None,
            };
            let v = v.unwrap_or_else(|| weekday_value(*wd, Some(*sign), cx));
            (Date, v)
        }
        Sem::Weekend => {
            let back = cx.tense == Some(Tense::Past)
                && dct.is_some_and(|d| d.weekday().to_monday_one_offset() < 6);
            (
                Date,
                relative(Unit::Weekend, if back { -1 } else { 0 }, dct)?,
            )
        }
        Sem::MonthInYear { month, offset } => {
            let y = dct.map_or_else(
                || "XXXX".to_string(),
                |d| format!("{:04}", d.year() as i32 + offset),
            );
            (Date, format!("{y}-{month:02}"))
        }
        Sem::DayNextTo { day, sign } => {
            let (_, value) = resolve(day, cx)?;
            (Date, shift_value(value.get(..10)?, Unit::Day, *sign)?)
        }
        Sem::Shift {
            count,
            unit,
            sign,
            from,
        } => (Date, shift(*count, *unit, *sign, *from, cx)),
        Sem::Duration { count, unit } => (Duration, duration(*count, *unit)),
        Sem::HalfDuration { count, unit } => (Duration, half_duration(*count, *unit)?),
        Sem::Set(v) => (Set, v.clone()),
        Sem::Clock { hour, minute, on } => {
            let date = on
                .as_deref()
                .and_then(|d| resolve(d, cx))
                .map(|(_, v)| v.split('T').next().unwrap_or_default().to_string())
                .filter(|v| v.len() == 10)
                // a bare clock time is on the day just named, else the published day
                .or_else(|| {
                    // a day, not a week or weekend that happens to be ten characters long
                    let day = |l: &&str| {
                        l.get(10..)
                            .is_some_and(|r| r.is_empty() || r.starts_with('T'))
                    };
                    cx.last
                        .as_deref()
                        .filter(|_| cx.last_near)
                        .filter(day)
                        .and_then(|l| l.get(..10))
                        .filter(|l| interval(l).is_some())
                        .map(str::to_string)
                })
                .unwrap_or_else(|| day(dct));
            (Time, format!("{date}T{hour:02}:{minute:02}"))
        }
    })
}

pub fn holiday_date(rule: HolidayRule, year: i16) -> Option<Date> {
    match rule {
        HolidayRule::Fixed { month, day } => Date::new(year, month as i8, day as i8).ok(),
        HolidayRule::Nth {
            n,
            weekday,
            month,
            from,
        } => {
            let wd = Weekday::from_monday_one_offset(weekday as i8).ok()?;
            if n < 0 {
                let end = Date::new(year, month as i8, 1).ok()?.last_of_month();
                return end.checked_add(1.days()).ok()?.nth_weekday(-1, wd).ok();
            }
            // nth_weekday does not count the day it starts from: start the day before
            let start = Date::new(year, month as i8, from as i8)
                .ok()?
                .checked_sub(1.days())
                .ok()?;
            start.nth_weekday(n as i32, wd).ok()
        }
        HolidayRule::Easter(offset) => easter(year)?.checked_add((offset as i32).days()).ok(),
    }
}

/// Easter Sunday of a year of the Gregorian calendar (the anonymous Gregorian algorithm).
fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (b - (b + 8) / 25 + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let l = (32 + 2 * e + 2 * (c / 4) - h - c % 4) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    Date::new(year, (n / 31) as i8, (n % 31 + 1) as i8).ok()
}

/// Years to add to the published year for "last summer" (-1), "this winter" (0), "next
/// spring" (1): last is the latest season already over, next the first not yet begun.
fn season_shift(code: &str, offset: i32, month: i32) -> i32 {
    let (first, last) = match code {
        "SP" => (3, 5),
        "SU" => (6, 8),
        "FA" => (9, 11),
        _ => (12, 14),
    };
    match offset.signum() {
        -1 if last < month => 0,
        -1 => -1,
        1 if first > month => 0,
        1 => 1,
        _ => 0,
    }
}

/// "Q3" for a quarter (1-4), "H1" for a half (5-6).
fn quarter_part(q: u8) -> String {
    if q <= 4 {
        format!("Q{q}")
    } else {
        format!("H{}", q - 4)
    }
}

/// The quarter last completed before `d`, as "1989-Q3".
fn reported_quarter(d: Date) -> String {
    let q = d.year() as i32 * 4 + (d.month() as i32 - 1) / 3 - 1;
    format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
}

fn day(dct: Option<Date>) -> String {
    dct.map_or_else(|| "XXXX-XX-XX".to_string(), |d| d.to_string())
}

fn year_of(dct: Option<Date>) -> String {
    dct.map_or_else(|| "XXXX".to_string(), |d| format!("{:04}", d.year()))
}

fn week_value(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// A month or day without a year takes the published year, or the year before or after: a
/// past clause looks back, a future one ahead, but a date within two months either way keeps
/// the published year ("was extended to Nov. 16").
fn date_value(year: Option<i32>, month: Option<u8>, day: Option<u8>, cx: &Context) -> String {
    let year = match (year, cx.published, month) {
        (Some(y), ..) => format!("{y:04}"),
        (None, Some(d), Some(m)) => {
            let y = d.year() as i32;
            // months from the published date to the date in the published year
            let mut gap =
                (m as i32 - d.month() as i32) * 30 + (day.unwrap_or(15) as i32 - d.day() as i32);
            if day.is_none() {
                gap = (m as i32 - d.month() as i32) * 30;
            }
            let y = match cx.tense {
                Some(Tense::Past) if gap > 60 => y - 1,
                Some(Tense::Future) if gap < -60 => y + 1,
                // without a tense, the nearer of the two
                None if gap > 180 => y - 1,
                None if gap < -180 => y + 1,
                _ => y,
            };
            format!("{y:04}")
        }
        (None, ..) => "XXXX".to_string(),
    };
    match (month, day) {
        (Some(m), Some(d)) => format!("{year}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{year}-{m:02}"),
        _ => year,
    }
}

/// A weekday in a past clause is the last one on or before the published date, in a future
/// clause the next one on or after it; "last"/"next" move a week further only from the same day.
fn weekday_value(wd: u8, rel: Option<i32>, cx: &Context) -> String {
    let (Some(dct), Ok(target)) = (cx.published, Weekday::from_monday_one_offset(wd as i8)) else {
        return format!("XXXX-WXX-{wd}");
    };
    let ahead =
        (target.to_monday_one_offset() - dct.weekday().to_monday_one_offset()).rem_euclid(7);
    let forward = match (rel, cx.tense) {
        (Some(r), _) => r > 0,
        (None, Some(t)) => t == Tense::Future,
        // no tense: the nearer one
        (None, None) => ahead < 7 - ahead,
    };
    let same = dct.weekday() == target;
    let found = match (forward, same, rel) {
        (_, true, None) => Ok(dct),
        (true, ..) => dct.nth_weekday(1, target),
        (false, ..) => dct.nth_weekday(-1, target),
    };
    found.map_or_else(|_| format!("XXXX-WXX-{wd}"), |d| d.to_string())
}

fn relative(unit: Unit, offset: i32, dct: Option<Date>) -> Option<String> {
    let Some(d) = dct else {
        return Some(
            match unit {
                Unit::Year => "XXXX",
                Unit::Month => "XXXX-XX",
                Unit::Week | Unit::Fortnight => "XXXX-WXX",
                Unit::Weekend => "XXXX-WXX-WE",
                Unit::Quarter => "XXXX-QX",
                Unit::Decade => "XXX",
                Unit::Century => "XX",
                Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XX",
            }
            .to_string(),
        );
    };
    Some(match unit {
        Unit::Year => format!("{:04}", d.year() as i32 + offset),
        Unit::Month => d
            .checked_add(offset.months())
            .ok()?
            .strftime("%Y-%m")
            .to_string(),
        Unit::Week | Unit::Fortnight => week_value(d.checked_add((offset * 7).days()).ok()?),
        Unit::Weekend => format!(
            "{}-WE",
            week_value(d.checked_add((offset * 7).days()).ok()?)
        ),
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => {
            d.checked_add(offset.days()).ok()?.to_string()
        }
        Unit::Quarter => {
            let q = (d.year() as i32) * 4 + (d.month() as i32 - 1) / 3 + offset;
            format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
        }
        Unit::Decade => ((d.year() as i32) / 10 + offset).to_string(),
        Unit::Century => format!("{:02}", (d.year() as i32) / 100 + offset),
    })
}

/// "two days ago" is a day, "three years ago" a year: the value keeps the unit's granularity.
/// From the last mentioned date ("a year earlier"), that date's own granularity is kept.
fn shift(count: Count, unit: Unit, sign: i32, from: Anchor, cx: &Context) -> String {
    let Some(n) = count else {
        return if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.to_string();
    };
    let n = n as i32 * sign;
    let quarter;
    let last = cx.last.as_deref().filter(|l| match from {
        Anchor::Published => false,
        Anchor::Last | Anchor::Step | Anchor::Report => true,
        Anchor::Period => l.contains("-Q") || l.contains("-H"),
    });
    let ahead = |l: &str| {
        interval(l)
            .zip(cx.published)
            .is_some_and(|((s, _), d)| s > d)
    };
    let last = match (from, last.and_then(crate::document::parse_date)) {
        (Anchor::Report, Some(d)) if d <= cx.published.unwrap_or(d) => {
            quarter = format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1);
            Some(quarter.as_str())
        }
        // a forecast ("the third quarter of 1990") is not the period reported on: that is
        // the quarter last completed
        (Anchor::Report, _) if last.is_some_and(ahead) => {
            quarter = cx.published.map(reported_quarter).unwrap_or_default();
            Some(quarter.as_str())
        }
        _ => last,
    };
    if let Some(v) = last.and_then(|last| shift_value(last, unit, n)) {
        let len = match unit {
            Unit::Century => 2,
            Unit::Decade => 3,
            Unit::Year => 4,
            Unit::Month => 7,
            _ => v.len(),
        };
        return match v.get(..len) {
            Some(cut) if from == Anchor::Step => cut.to_string(),
            _ => v,
        };
    }
    let Some(d) = cx.published else {
        return relative(unit, 0, None).unwrap_or_default();
    };
    let moved = match unit {
        Unit::Year => d.checked_add(n.years()),
        Unit::Decade => d.checked_add((n * 10).years()),
        Unit::Century => d.checked_add((n * 100).years()),
        Unit::Quarter => d.checked_add((n * 3).months()),
        Unit::Month => d.checked_add(n.months()),
        Unit::Week | Unit::Weekend => d.checked_add((n * 7).days()),
        Unit::Fortnight => d.checked_add((n * 14).days()),
        Unit::Day => d.checked_add(n.days()),
        // "24 hours ago" is the day before; "three hours ago" the published day
        Unit::Hour => d.checked_add((n / 24).days()),
        Unit::Minute | Unit::Second => Ok(d),
    };
    let Ok(m) = moved else {
        return relative(unit, 0, None).unwrap_or_default();
    };
    match unit {
        Unit::Year | Unit::Decade => year_value(i32::from(m.year())),
        Unit::Century => format!("{:02}", m.year() / 100),
        Unit::Quarter => format!("{:04}-Q{}", m.year(), (m.month() - 1) / 3 + 1),
        Unit::Month => m.strftime("%Y-%m").to_string(),
        Unit::Week | Unit::Weekend | Unit::Fortnight => week_value(m),
        _ => m.to_string(),
    }
}

/// Moves a TimeML date value ("1989-Q3", "1989-10", "1989-10-27", "1989") by `n` units,
/// keeping its form by years and its month (or day) by months and days; None for values it
/// cannot move.
fn shift_value(value: &str, unit: Unit, n: i32) -> Option<String> {
    let (year, rest) = value.split_at_checked(4)?;
    let year: i32 = year.parse().ok()?;
    if !(rest.is_empty() || rest.starts_with('-')) {
        return None;
    }
    let years = match unit {
        Unit::Year => n,
        Unit::Decade => n * 10,
        Unit::Month | Unit::Day | Unit::Week => {
            let month: i8 = rest.get(1..3)?.parse().ok()?;
            let day: Option<i8> = rest.get(4..6).and_then(|d| d.parse().ok());
            let date = Date::new(year as i16, month, day.unwrap_or(1)).ok()?;
            return match (unit, day) {
                (Unit::Month, _) => Some(
                    date.checked_add(n.months())
                        .ok()?
                        .strftime("%Y-%m")
                        .to_string(),
                ),
                (Unit::Day, Some(_)) => Some(date.checked_add(n.days()).ok()?.to_string()),
                (Unit::Week, Some(_)) => Some(week_value(date.checked_add((n * 7).days()).ok()?)),
                _ => None,
            };
        }
        _ => return None,
    };
    // Feb 29 has no twin a year away: drop the day then.
    if rest == "-02-29" {
        return Some(format!("{:04}-02", year + years));
    }
    let shifted = year + years;
    if shifted < 1 {
        return rest.is_empty().then(|| year_value(shifted));
    }
    Some(format!("{shifted:04}{rest}"))
}

/// A year as TIMEX3 writes it: "1989", or "BC0991" before the common era ("3000 years ago"
/// in 2009; the year 0 is 1 BC).
fn year_value(year: i32) -> String {
    if year < 1 {
        format!("BC{:04}", 1 - year)
    } else {
        format!("{year:04}")
    }
}

/// A count and a half, the half in the next smaller unit: P2Y6M, PT5H30M, P1DT12H.
fn half_duration(n: u32, unit: Unit) -> Option<String> {
    Some(match unit {
        Unit::Year => format!("P{n}Y6M"),
        Unit::Decade => format!("P{}Y", n * 10 + 5),
        Unit::Century => format!("P{}Y", n * 100 + 50),
        Unit::Day => format!("P{n}DT12H"),
        Unit::Hour => format!("PT{n}H30M"),
        Unit::Minute => format!("PT{n}M30S"),
        Unit::Week => format!("P{}DT12H", n * 7 + 3),
        Unit::Month => format!("P{n}M15D"),
        _ => return None,
    })
}

pub fn duration(count: Count, unit: Unit) -> String {
    let n = |k: u32| count.map_or_else(|| "X".to_string(), |c| (c * k).to_string());
    match unit {
        Unit::Year => format!("P{}Y", n(1)),
        Unit::Decade => format!("P{}Y", n(10)),
        Unit::Century => format!("P{}Y", n(100)),
        // "several quarters" stays in quarters, TimeML's PXQ
        Unit::Quarter if count.is_none() => "PXQ".to_string(),
        Unit::Quarter => format!("P{}M", n(3)),
        Unit::Month => format!("P{}M", n(1)),
        Unit::Week => format!("P{}W", n(1)),
        Unit::Fortnight => format!("P{}W", n(2)),
        Unit::Weekend => format!("P{}D", n(2)),
        Unit::Day => format!("P{}D", n(1)),
        Unit::Hour => format!("PT{}H", n(1)),
        Unit::Minute => format!("PT{}M", n(1)),
        Unit::Second => format!("PT{}S", n(1)),
    }
}

/// The chronological interval a TimeML value covers, as (start, end) dates with the end
/// inclusive: "2022-02" is (2022-02-01, 2022-02-28), "2024-W47" (2024-11-18, 2024-11-24),
/// "199" the 1990s. None for durations, sets, references (PAST_REF) and underspecified values.
/// Compare `start` to sort values chronologically.
pub fn interval(value: &str) -> Option<(Date, Date)> {
    // "BC0992": the astronomical year -991 (1 BC is year 0), as far back as dates reach
    if let Some(bc) = value.strip_prefix("BC") {
        let year = 1 - bc.parse::<i16>().ok()?;
        return Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?));
    }
    let date_part = value.split('T').next()?;
    let mut parts = date_part.split('-');
    let head = parts.next()?;
    if !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i16 = head.parse().ok()?;
    let span_years = |first: i16, count: i16| -> Option<(Date, Date)> {
        Some((
            Date::new(first, 1, 1).ok()?,
            Date::new(first + count - 1, 12, 31).ok()?,
        ))
    };
    let (year, whole) = match head.len() {
        2 => return span_years(n * 100, 100),
        3 => return span_years(n * 10, 10),
        4 => (n, span_years(n, 1)?),
        _ => return None,
    };
    let Some(second) = parts.next() else {
        return Some(whole);
    };
    let months = |first: i8, last: i8| -> Option<(Date, Date)> {
        let end = Date::new(year, last, 1).ok()?.last_of_month();
        Some((Date::new(year, first, 1).ok()?, end))
    };
    let range = match second.as_bytes() {
        [b'Q', q @ b'1'..=b'4'] => {
            let q = (q - b'0') as i8;
            months(q * 3 - 2, q * 3)?
        }
        [b'H', h @ b'1'..=b'2'] => {
            let h = (h - b'0') as i8;
            months(h * 6 - 5, h * 6)?
        }
        b"SP" => months(3, 5)?,
        b"SU" => months(6, 8)?,
        b"FA" => months(9, 11)?,
        b"WI" => (
            Date::new(year, 12, 1).ok()?,
            Date::new(year + 1, 2, 1).ok()?.last_of_month(),
        ),
        [b'W', ..] => {
            let week: i8 = second[1..].parse().ok()?;
            let monday = jiff::civil::ISOWeekDate::new(year, week, Weekday::Monday)
                .ok()?
                .date();
            let end = if parts.next() == Some("WE") {
                return Some((
                    monday.checked_add(5.days()).ok()?,
                    monday.checked_add(6.days()).ok()?,
                ));
            } else {
                monday.checked_add(6.days()).ok()?
            };
            (monday, end)
        }
        _ => {
            let month: i8 = second.parse().ok()?;
            match parts.next() {
                Some(d) => {
                    let day = Date::new(year, month, d.parse().ok()?).ok()?;
                    (day, day)
                }
                None => months(month, month)?,
            }
        }
    };
    Some(range)
}

/// A value as TIMEX3 can hold it: a day that does not exist ("30 February 2024") is no time
/// expression at all (None: the words stay text); a year past 9999, which "next year" from
/// 9999-12-31 reaches, is left open (`XXXX`).
pub fn checked((kind, value): (TimexType, String)) -> Option<(TimexType, String)> {
    let digits = value.bytes().take_while(u8::is_ascii_digit).count();
    let value = if digits > 4 {
        format!("XXXX{}", &value[digits..])
    } else {
        value
    };
    let b = value.as_bytes();
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        let number = |r: std::ops::Range<usize>| value.get(r)?.parse::<i8>().ok();
        if let (Some(month), Some(day)) = (number(5..7), number(8..10)) {
            // an unknown year may be a leap year
            let year = value
                .get(..4)
                .and_then(|y| y.parse::<i16>().ok())
                .unwrap_or(2000);
            if Date::new(year, month, day).is_err() {
                return None;
            }
        }
    }
    Some((kind, value))
}
