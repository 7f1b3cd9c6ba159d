//! From what an expression says ([`Sem`]) to a TimeML value, resolved against the published
//! date, the tense of its clause, and the last date the text mentioned.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::lexicon::{Fixed, HolidayRule, Tense, Unit};
use super::value::{Amount, Calendar, Clock, DayPart, PeriodUnit, Reference, Season, TimeValue};
use crate::analysis::model::TimexType;

/// A number of units: exact, or vague ("several", "a few") as TimeML's X.
pub type Count = Option<u32>;

#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// A value from the phrase list, or a time of the reference day.
    Fixed(TimexType, Fixed),
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
        code: Season,
        offset: i32,
    },
    /// A weekday (Monday = 1), optionally moved ("last Friday" -1), at a part of the day.
    Weekday {
        day: u8,
        rel: Option<i32>,
        part: Option<DayPart>,
    },
    /// Days from the published date, at a part of the day.
    Day {
        offset: i32,
        part: Option<DayPart>,
    },
    /// "the next morning" (1), "the previous night" (-1): a part of the day before or after
    /// the day last named.
    StepPart {
        sign: i32,
        part: DayPart,
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
    Set(TimeValue),
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

#[derive(Clone, Copy)]
pub struct Context {
    pub published: Option<Date>,
    pub tense: Option<Tense>,
    /// The last date before this expression placed in the calendar (a known year, decade or
    /// century).
    pub last: Option<Calendar>,
    /// The last date was named a sentence or two before: a bare clock time is on its day.
    pub last_near: bool,
}

pub fn resolve(sem: &Sem, cx: &Context) -> Option<(TimexType, TimeValue)> {
    use TimeValue as V;
    use TimexType::*;
    let dct = cx.published;
    Some(match sem {
        Sem::Fixed(kind, Fixed::Today(clock)) => (*kind, V::Time(day(dct), *clock)),
        Sem::Fixed(kind, Fixed::Value(value)) => (*kind, *value),
        Sem::Date { year, month, day } => (Date, V::Date(date_value(*year, *month, *day, cx))),
        Sem::Decade(d) => (Date, V::Date(Calendar::Decade(Some(*d)))),
        Sem::BcYear(y) => (Date, V::Date(Calendar::BcYear(*y))),
        Sem::Century(c) => (Date, V::Date(Calendar::Century(Some(*c)))),
        Sem::Quarter { year, q } => {
            let year = year.or_else(|| {
                // a past quarter not yet reached this year belongs to last year
                let q_now = dct.map(|d| (d.month() as u8 - 1) / 3 + 1);
                match (dct, cx.tense) {
                    (Some(d), Some(Tense::Past)) if q_now.is_some_and(|n| *q <= 4 && *q > n) => {
                        Some(i32::from(d.year()) - 1)
                    }
                    _ => year_of(dct),
                }
            });
            (Date, V::Date(quarter_part(year, *q)))
        }
        Sem::QuarterInYear { q, offset } => {
            let year = dct.map(|d| i32::from(d.year()) + offset);
            (Date, V::Date(quarter_part(year, *q)))
        }
        Sem::WeekOf(day) => {
            let (_, v) = resolve(day, cx)?;
            let week = match v.calendar().and_then(Calendar::date) {
                Some(d) => Calendar::week_of(d),
                None => Calendar::Week(v.calendar().and_then(Calendar::year), None),
            };
            (Date, V::Date(week))
        }
        Sem::QuarterOfYear(year) => {
            let q = dct.map(|d| reported_quarter(d).1);
            (Date, V::Date(Calendar::Quarter(Some(*year), q)))
        }
        Sem::Season { year, code, offset } => {
            let y = match (year, dct) {
                (Some(y), _) => Some(*y),
                // "the summer": the nearer one, or as the tense says, like a month
                (None, Some(_)) if *offset == 0 => {
                    let month = match *code {
                        Season::Spring => 4,
                        Season::Summer => 7,
                        Season::Fall => 10,
                        Season::Winter => 12,
                    };
                    date_value(None, Some(month), None, cx).year()
                }
                (None, Some(d)) => {
                    Some(i32::from(d.year()) + season_shift(*code, *offset, d.month() as i32))
                }
                (None, None) => None,
            };
            (Date, V::Date(Calendar::Season(y, *code)))
        }
        Sem::Weekday { day: wd, rel, part } => {
            let v = weekday_value(*wd, *rel, cx);
            match part {
                Some(p) => (Time, V::Time(v, Clock::Part(*p))),
                None => (Date, V::Date(v)),
            }
        }
        Sem::Day { offset, part } => {
            let v = match dct.and_then(|d| d.checked_add(offset.days()).ok()) {
                Some(d) => Calendar::day(d),
                None if *offset == 0 && part.is_none() => {
                    return Some((Date, V::Ref(Reference::Present)));
                }
                None => Calendar::Day(None, None, None),
            };
            match part {
                Some(p) => (Time, V::Time(v, Clock::Part(*p))),
                None => (Date, V::Date(v)),
            }
        }
        Sem::StepPart { sign, part } => {
            let day = match shift(Some(1), Unit::Day, *sign, Anchor::Last, cx) {
                V::Date(c) => c,
                _ => Calendar::Day(None, None, None),
            };
            (Time, V::Time(day, Clock::Part(*part)))
        }
        Sem::Relative { unit, offset } => (Date, V::Date(relative(*unit, *offset, dct)?)),
        Sem::YearEnd => {
            let back = cx.tense == Some(Tense::Past) && dct.is_some_and(|d| d.month() < 12);
            (Date, V::Date(relative(Unit::Year, -i32::from(back), dct)?))
        }
        Sem::RelMonth { month, day, offset } => {
            let y = dct.map(|d| {
                // a day compares with the published day, a month alone with its month
                let (now, then) = match day {
                    Some(n) => ((d.month() as u8, d.day() as u8), (*month, *n)),
                    None => ((d.month() as u8, 0), (*month, 0)),
                };
                let y = i32::from(d.year());
                match offset.signum() {
                    -1 if then >= now => y - 1,
                    1 if then <= now => y + 1,
                    _ => y,
                }
            });
            let v = match day {
                Some(n) => Calendar::Day(y, Some(*month), Some(*n)),
                None => Calendar::Month(y, Some(*month)),
            };
            (Date, V::Date(v))
        }
        Sem::Holiday(rule) => {
            let day = match rule {
                HolidayRule::Fixed { day, .. } => *day,
                HolidayRule::Nth { n, from, .. } => from.saturating_add((n.max(&1) * 7) as u8 - 4),
                HolidayRule::Easter(_) => 1,
            };
            let year = date_value(None, Some(rule.month()), Some(day), cx).year();
            let v = year
                .and_then(|y| i16::try_from(y).ok())
                .and_then(|y| holiday_date(*rule, y))
                .map_or_else(
                    || match rule {
                        // a movable feast has no day without its year
                        HolidayRule::Easter(_) => Calendar::Day(None, None, None),
                        _ => Calendar::Day(None, Some(rule.month()), Some(day)),
                    },
                    Calendar::day,
                );
            (Date, V::Date(v))
        }
        Sem::RelHoliday { rule, offset } => {
            let on = |y: i32| i16::try_from(y).ok().and_then(|y| holiday_date(*rule, y));
            let v = dct
                .and_then(|d| {
                    let y = i32::from(d.year());
                    let this = on(y)?;
                    match offset.signum() {
                        -1 if this >= d => on(y - 1),
                        1 if this <= d => on(y + 1),
                        _ => Some(this),
                    }
                })
                .map_or_else(|| Calendar::Month(None, Some(rule.month())), Calendar::day);
            (Date, V::Date(v))
        }
        Sem::Anaphor(unit) => (Date, V::Date(anaphor(*unit, cx.last))),
        Sem::StepWeekday { day: wd, sign } => {
            let from = cx.last.as_ref().and_then(Calendar::date);
            let target = Weekday::from_monday_one_offset(*wd as i8).ok();
            let v = match (from, target) {
                (Some(d), Some(t)) => d.nth_weekday(*sign, t).ok().map(Calendar::day),
                _ => None,
            };
            let v = v.unwrap_or_else(|| weekday_value(*wd, Some(*sign), cx));
            (Date, V::Date(v))
        }
        Sem::Weekend => {
            let back = cx.tense == Some(Tense::Past)
                && dct.is_some_and(|d| d.weekday().to_monday_one_offset() < 6);
            let v = relative(Unit::Weekend, if back { -1 } else { 0 }, dct)?;
            (Date, V::Date(v))
        }
        Sem::MonthInYear { month, offset } => {
            let y = dct.map(|d| i32::from(d.year()) + offset);
            (Date, V::Date(Calendar::Month(y, Some(*month))))
        }
        Sem::DayNextTo { day, sign } => {
            let (_, value) = resolve(day, cx)?;
            let d = value.calendar()?.date()?;
            (
                Date,
                V::Date(Calendar::day(d.checked_add(sign.days()).ok()?)),
            )
        }
        Sem::Shift {
            count,
            unit,
            sign,
            from,
        } => (Date, shift(*count, *unit, *sign, *from, cx)),
        Sem::Duration { count, unit } => (Duration, duration(*count, *unit)),
        Sem::HalfDuration { count, unit } => (Duration, half_duration(*count, *unit)?),
        Sem::Set(v) => (Set, *v),
        Sem::Clock { hour, minute, on } => {
            // a day, or a weekday of a week left open
            let day_like = |c: &Calendar| matches!(c, Calendar::Day(..) | Calendar::Weekday(_));
            let date = on
                .as_deref()
                .and_then(|d| resolve(d, cx))
                .and_then(|(_, v)| v.calendar().copied())
                .filter(day_like)
                // a bare clock time is on the day just named, else the published day
                .or_else(|| {
                    cx.last
                        .filter(|_| cx.last_near)
                        .filter(|l| l.date().is_some())
                })
                .unwrap_or_else(|| day(dct));
            let clock = Clock::At {
                hour: *hour,
                minute: *minute,
            };
            (Time, V::Time(date, clock))
        }
    })
}

/// A value as TIMEX3 can hold it: a day that does not exist ("30 February 2024") is no time
/// expression at all (None: the words stay text); a year past 9999, which "next year" from
/// 9999-12-31 reaches, is left open ("XXXX").
pub fn checked((kind, value): (TimexType, TimeValue)) -> Option<(TimexType, TimeValue)> {
    let check = |c: Calendar| -> Option<Calendar> {
        let c = match c.year() {
            Some(y) if y > 9999 => c.with_open_year(),
            _ => c,
        };
        if let Calendar::Day(y, Some(m), Some(d)) = c {
            // an unknown year may be a leap year
            let year = y.and_then(|y| i16::try_from(y).ok()).unwrap_or(2000);
            Date::new(year, m as i8, d as i8).ok()?;
        }
        Some(c)
    };
    let value = match value {
        TimeValue::Date(c) => TimeValue::Date(check(c)?),
        TimeValue::Time(c, clock) => TimeValue::Time(check(c)?, clock),
        other => other,
    };
    Some((kind, value))
}

/// "that year", "that month", "that same day": the unit of the last date mentioned, what is
/// finer left open ("1998-10-XX" after "last October").
fn anaphor(unit: Unit, last: Option<Calendar>) -> Calendar {
    use Calendar as C;
    match (unit, last) {
        (Unit::Year, Some(l)) => C::Year(l.year()),
        (Unit::Year, None) => C::Year(None),
        (Unit::Month, Some(C::Day(y, m, _) | C::Month(y, m))) => C::Month(y, m),
        (Unit::Month, Some(l @ (C::Quarter(..) | C::Half(..) | C::Season(..)))) => l,
        (Unit::Month, Some(C::Year(y) | C::Week(y, _) | C::Weekend(y, _))) => C::Month(y, None),
        (Unit::Month, _) => C::Month(None, None),
        (_, Some(l @ C::Day(..))) => l,
        (_, Some(C::Month(y @ Some(_), m @ Some(_)))) => C::Day(y, m, None),
        (_, Some(C::Year(y))) => C::Day(y, None, None),
        _ => C::Day(None, None, None),
    }
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
fn season_shift(season: Season, offset: i32, month: i32) -> i32 {
    let (first, last) = season.months();
    let (first, last) = (i32::from(first), i32::from(last));
    match offset.signum() {
        -1 if last < month => 0,
        -1 => -1,
        1 if first > month => 0,
        1 => 1,
        _ => 0,
    }
}

/// A quarter (1-4) or a half (5-6) of a year.
fn quarter_part(year: Option<i32>, q: u8) -> Calendar {
    if q <= 4 {
        Calendar::Quarter(year, Some(q))
    } else {
        Calendar::Half(year, q - 4)
    }
}

/// The quarter last completed before `d`: (1989, 3).
fn reported_quarter(d: Date) -> (i32, u8) {
    let q = i32::from(d.year()) * 4 + (d.month() as i32 - 1) / 3 - 1;
    (q.div_euclid(4), q.rem_euclid(4) as u8 + 1)
}

/// The quarter a day is in.
fn quarter_of(d: Date) -> Calendar {
    Calendar::Quarter(
        Some(i32::from(d.year())),
        Some((d.month() as u8 - 1) / 3 + 1),
    )
}

fn day(dct: Option<Date>) -> Calendar {
    dct.map_or(Calendar::Day(None, None, None), Calendar::day)
}

fn year_of(dct: Option<Date>) -> Option<i32> {
    dct.map(|d| i32::from(d.year()))
}

/// A month or day without a year takes the published year, or the year before or after: a
/// past clause looks back, a future one ahead, but a date within two months either way keeps
/// the published year ("was extended to Nov. 16").
fn date_value(year: Option<i32>, month: Option<u8>, day: Option<u8>, cx: &Context) -> Calendar {
    let year = match (year, cx.published, month) {
        (Some(y), ..) => Some(y),
        (None, Some(d), Some(m)) => {
            let y = i32::from(d.year());
            // months from the published date to the date in the published year
            let mut gap =
                (m as i32 - d.month() as i32) * 30 + (day.unwrap_or(15) as i32 - d.day() as i32);
            if day.is_none() {
                gap = (m as i32 - d.month() as i32) * 30;
            }
            Some(match cx.tense {
                Some(Tense::Past) if gap > 60 => y - 1,
                Some(Tense::Future | Tense::FutureInPast) if gap < -60 => y + 1,
                // without a tense, the nearer of the two
                None if gap > 180 => y - 1,
                None if gap < -180 => y + 1,
                _ => y,
            })
        }
        (None, ..) => None,
    };
    match (month, day) {
        (Some(m), Some(d)) => Calendar::Day(year, Some(m), Some(d)),
        (Some(m), None) => Calendar::Month(year, Some(m)),
        _ => Calendar::Year(year),
    }
}

/// A weekday in a past clause is the last one on or before the published date, in a future
/// clause the next one on or after it; "last"/"next" move a week further only from the same day.
fn weekday_value(wd: u8, rel: Option<i32>, cx: &Context) -> Calendar {
    let (Some(dct), Ok(target)) = (cx.published, Weekday::from_monday_one_offset(wd as i8)) else {
        return Calendar::Weekday(wd);
    };
    let ahead =
        (target.to_monday_one_offset() - dct.weekday().to_monday_one_offset()).rem_euclid(7);
    let forward = match (rel, cx.tense) {
        (Some(r), _) => r > 0,
        // no tense, or a future seen from a past report: the nearer one
        (None, None | Some(Tense::FutureInPast)) => ahead < 7 - ahead,
        (None, Some(t)) => t == Tense::Future,
    };
    let same = dct.weekday() == target;
    let found = match (forward, same, rel) {
        (_, true, None) => Ok(dct),
        (true, ..) => dct.nth_weekday(1, target),
        (false, ..) => dct.nth_weekday(-1, target),
    };
    found.map_or(Calendar::Weekday(wd), Calendar::day)
}

/// A unit of the calendar left open: "XXXX", "XXXX-WXX" ...
fn open(unit: Unit) -> Calendar {
    match unit {
        Unit::Year => Calendar::Year(None),
        Unit::Month => Calendar::Month(None, None),
        Unit::Week | Unit::Fortnight => Calendar::Week(None, None),
        Unit::Weekend => Calendar::Weekend(None, None),
        Unit::Quarter => Calendar::Quarter(None, None),
        Unit::Decade => Calendar::Decade(None),
        Unit::Century => Calendar::Century(None),
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => Calendar::Day(None, None, None),
    }
}

fn relative(unit: Unit, offset: i32, dct: Option<Date>) -> Option<Calendar> {
    let Some(d) = dct else {
        return Some(open(unit));
    };
    let year = i32::from(d.year());
    Some(match unit {
        Unit::Year => Calendar::Year(Some(year + offset)),
        Unit::Month => {
            let m = d.checked_add(offset.months()).ok()?;
            Calendar::Month(Some(i32::from(m.year())), Some(m.month() as u8))
        }
        Unit::Week | Unit::Fortnight => Calendar::week_of(d.checked_add((offset * 7).days()).ok()?),
        Unit::Weekend => match Calendar::week_of(d.checked_add((offset * 7).days()).ok()?) {
            Calendar::Week(y, w) => Calendar::Weekend(y, w),
            other => other,
        },
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => {
            Calendar::day(d.checked_add(offset.days()).ok()?)
        }
        Unit::Quarter => {
            let q = year * 4 + (d.month() as i32 - 1) / 3 + offset;
            Calendar::Quarter(Some(q.div_euclid(4)), Some(q.rem_euclid(4) as u8 + 1))
        }
        Unit::Decade => Calendar::Decade(Some(year / 10 + offset)),
        Unit::Century => Calendar::Century(Some(year / 100 + offset)),
    })
}

/// "two days ago" is a day, "three years ago" a year: the value keeps the unit's granularity.
/// From the last mentioned date ("a year earlier"), that date's own granularity is kept.
fn shift(count: Count, unit: Unit, sign: i32, from: Anchor, cx: &Context) -> TimeValue {
    let Some(n) = count else {
        return TimeValue::Ref(if sign < 0 {
            Reference::Past
        } else {
            Reference::Future
        });
    };
    let n = n as i32 * sign;
    let last = cx.last.filter(|l| match from {
        Anchor::Published => false,
        Anchor::Last | Anchor::Step | Anchor::Report => true,
        Anchor::Period => matches!(l, Calendar::Quarter(..) | Calendar::Half(..)),
    });
    let ahead = |l: &Calendar| {
        l.interval()
            .zip(cx.published)
            .is_some_and(|((s, _), d)| s > d)
    };
    let last = match (from, last.as_ref().and_then(Calendar::date)) {
        (Anchor::Report, Some(d)) if d <= cx.published.unwrap_or(d) => Some(quarter_of(d)),
        // a forecast ("the third quarter of 1990") is not the period reported on: that is
        // the quarter last completed
        (Anchor::Report, _) if last.as_ref().is_some_and(ahead) => cx.published.map(|d| {
            let (y, q) = reported_quarter(d);
            Calendar::Quarter(Some(y), Some(q))
        }),
        _ => last,
    };
    if let Some(v) = last.and_then(|last| shift_value(last, unit, n)) {
        // "the following year" is a year even after a day
        let v = match (from, unit, v.year()) {
            (Anchor::Step, Unit::Year, Some(y)) => Calendar::Year(Some(y)),
            (Anchor::Step, Unit::Decade, Some(y)) => Calendar::Decade(Some(y / 10)),
            _ => v,
        };
        return TimeValue::Date(v);
    }
    let Some(d) = cx.published else {
        return TimeValue::Date(open(unit));
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
        return TimeValue::Date(open(unit));
    };
    TimeValue::Date(match unit {
        Unit::Year | Unit::Decade => year_value(i32::from(m.year())),
        Unit::Century => Calendar::Century(Some(i32::from(m.year()) / 100)),
        Unit::Quarter => quarter_of(m),
        Unit::Month => Calendar::Month(Some(i32::from(m.year())), Some(m.month() as u8)),
        Unit::Week | Unit::Weekend | Unit::Fortnight => Calendar::week_of(m),
        _ => Calendar::day(m),
    })
}

/// Moves a date ("1989-Q3", "1989-10", "1989-10-27", "1989") by `n` units, keeping its form
/// by years and its month (or day) by months and days; None for dates it cannot move.
fn shift_value(value: Calendar, unit: Unit, n: i32) -> Option<Calendar> {
    let year = value.year().filter(|y| (0..=9999).contains(y))?;
    let years = match unit {
        Unit::Year => n,
        Unit::Decade => n * 10,
        Unit::Month | Unit::Day | Unit::Week => {
            let (month, day) = match value {
                Calendar::Month(_, Some(m)) => (m, None),
                Calendar::Day(_, Some(m), d) => (m, d),
                _ => return None,
            };
            let date = Date::new(
                i16::try_from(year).ok()?,
                month as i8,
                day.unwrap_or(1) as i8,
            )
            .ok()?;
            return match (unit, day) {
                (Unit::Month, _) => {
                    let m = date.checked_add(n.months()).ok()?;
                    Some(Calendar::Month(
                        Some(i32::from(m.year())),
                        Some(m.month() as u8),
                    ))
                }
                (Unit::Day, Some(_)) => Some(Calendar::day(date.checked_add(n.days()).ok()?)),
                (Unit::Week, Some(_)) => {
                    Some(Calendar::week_of(date.checked_add((n * 7).days()).ok()?))
                }
                _ => None,
            };
        }
        _ => return None,
    };
    // Feb 29 has no twin a year away: drop the day then.
    if let Calendar::Day(_, Some(2), Some(29)) = value {
        return Some(Calendar::Month(Some(year + years), Some(2)));
    }
    let shifted = year + years;
    if shifted < 1 {
        return matches!(value, Calendar::Year(_)).then(|| year_value(shifted));
    }
    Some(value.with_year(shifted))
}

/// A year as TIMEX3 writes it: "1989", or "BC0991" before the common era ("3000 years ago"
/// in 2009; the year 0 is 1 BC).
fn year_value(year: i32) -> Calendar {
    if year < 1 {
        Calendar::BcYear((1 - year) as u32)
    } else {
        Calendar::Year(Some(year))
    }
}

/// A count and a half, the half in the next smaller unit: P2Y6M, PT5H30M, P1DT12H.
fn half_duration(n: u32, unit: Unit) -> Option<TimeValue> {
    use PeriodUnit as P;
    let (first, second) = match unit {
        Unit::Year => ((n, P::Year), Some((6, P::Month))),
        Unit::Decade => ((n * 10 + 5, P::Year), None),
        Unit::Century => ((n * 100 + 50, P::Year), None),
        Unit::Day => ((n, P::Day), Some((12, P::Hour))),
        Unit::Hour => ((n, P::Hour), Some((30, P::Minute))),
        Unit::Minute => ((n, P::Minute), Some((30, P::Second))),
        Unit::Week => ((n * 7 + 3, P::Day), Some((12, P::Hour))),
        Unit::Month => ((n, P::Month), Some((15, P::Day))),
        _ => return None,
    };
    let amount = |(n, unit): (u32, PeriodUnit)| Amount::new(Some(n), unit);
    Some(TimeValue::Duration(amount(first), second.map(amount)))
}

pub fn duration(count: Count, unit: Unit) -> TimeValue {
    use PeriodUnit as P;
    let (times, unit) = match unit {
        Unit::Year => (1, P::Year),
        Unit::Decade => (10, P::Year),
        Unit::Century => (100, P::Year),
        // "several quarters" stays in quarters, TimeML's PXQ
        Unit::Quarter if count.is_none() => (1, P::Quarter),
        Unit::Quarter => (3, P::Month),
        Unit::Month => (1, P::Month),
        Unit::Week => (1, P::Week),
        Unit::Fortnight => (2, P::Week),
        Unit::Weekend => (2, P::Day),
        Unit::Day => (1, P::Day),
        Unit::Hour => (1, P::Hour),
        Unit::Minute => (1, P::Minute),
        Unit::Second => (1, P::Second),
    };
    TimeValue::Duration(Amount::new(count.map(|c| c * times), unit), None)
}
