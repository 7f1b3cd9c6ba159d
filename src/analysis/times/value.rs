//! A TIMEX3 value, typed. The normaliser makes one for each expression; it is written in
//! TimeML's notation ("2024-11-22", "2022-Q1", "P3Y", "XXXX-WXX-5TNI") only where it leaves
//! brief: the JSON (`schema.rs`), the exports, the reader's value column ([`Display`]).
//! Everything inside (ordering, intervals, shifting, the words of [`super::readable`]) reads
//! the fields, never the notation. [`FromStr`] reads the notation for the word lists' values
//! and for tests; the analysis never parses a value it made.

use std::fmt;
use std::str::FromStr;

use jiff::ToSpan;
use jiff::civil::{Date, ISOWeekDate, Weekday};

/// A part of a calendar left open is `None`: TimeML's X ("XXXX-02", "1998-10-XX").
pub type Open<T> = Option<T>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeValue {
    /// A day or a period of the calendar.
    Date(Calendar),
    /// A day (or a day left open) at a time of day: "2024-11-22T10:30", "XXXX-XX-XXTNI".
    Time(Calendar, Clock),
    /// PAST_REF, PRESENT_REF, FUTURE_REF.
    Ref(Reference),
    /// "P3Y", "P2Y6M", "PT5H30M", "PXD": one or two amounts, the larger unit first.
    Duration(Amount, Option<Amount>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Calendar {
    /// "2025", "XXXX"
    Year(Open<i32>),
    /// "2022-02", "XXXX-02", "1998-XX"
    Month(Open<i32>, Open<u8>),
    /// "2024-11-22", "1998-10-XX", "XXXX-XX-XX"
    Day(Open<i32>, Open<u8>, Open<u8>),
    /// "2024-W09", "2024-WXX", "XXXX-WXX": an ISO week
    Week(Open<i32>, Open<u8>),
    /// "2024-W09-WE": the weekend of an ISO week
    Weekend(Open<i32>, Open<u8>),
    /// "XXXX-WXX-5": a weekday (Monday 1) of a week left open
    Weekday(u8),
    /// "2024-Q1", "2024-QX"
    Quarter(Open<i32>, Open<u8>),
    /// "2023-H2"
    Half(Open<i32>, u8),
    /// "2024-SU", "XXXX-WI"
    Season(Open<i32>, Season),
    /// "199": the 1990s, by the first three digits of its years
    Decade(Open<i32>),
    /// "19": the 1900s, by the first two digits of its years
    Century(Open<i32>),
    /// "BC0044": a year before the common era
    BcYear(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
    Daytime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Clock {
    /// "10:30", "24:00"
    At { hour: u8, minute: u8 },
    /// "MO", "NI" ...
    Part(DayPart),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reference {
    Past,
    Present,
    Future,
}

/// A count of a unit in a duration; `None` is TimeML's X ("PXD": days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Amount {
    pub count: Open<u32>,
    pub unit: PeriodUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodUnit {
    Year,
    Quarter,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
}

impl PeriodUnit {
    fn letter(self) -> char {
        match self {
            PeriodUnit::Year => 'Y',
            PeriodUnit::Quarter => 'Q',
            PeriodUnit::Month | PeriodUnit::Minute => 'M',
            PeriodUnit::Week => 'W',
            PeriodUnit::Day => 'D',
            PeriodUnit::Hour => 'H',
            PeriodUnit::Second => 'S',
        }
    }

    pub fn is_time(self) -> bool {
        self >= PeriodUnit::Hour
    }
}

impl Amount {
    pub fn new(count: Open<u32>, unit: PeriodUnit) -> Amount {
        Amount { count, unit }
    }
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    pub fn from_code(code: &str) -> Option<Season> {
        Some(match code {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Fall,
            "WI" => Season::Winter,
            _ => return None,
        })
    }

    /// Its first and last month; winter's last is counted on from December (14: February).
    pub fn months(self) -> (i8, i8) {
        match self {
            Season::Spring => (3, 5),
            Season::Summer => (6, 8),
            Season::Fall => (9, 11),
            Season::Winter => (12, 14),
        }
    }
}

/// The part of a period an edge word opening its expression names ("early", "mid", "late",
/// "the end of"): TimeML's `mod` START, MID and END, kept beside the value (which stays the
/// whole period) so that the timeline orders "late February" after "early February".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Start,
    Mid,
    End,
}

impl Edge {
    pub fn code(self) -> &'static str {
        match self {
            Edge::Start => "START",
            Edge::Mid => "MID",
            Edge::End => "END",
        }
    }

    pub fn from_code(code: &str) -> Option<Edge> {
        Some(match code {
            "START" => Edge::Start,
            "MID" => Edge::Mid,
            "END" => Edge::End,
            _ => return None,
        })
    }
}

impl serde::Serialize for Edge {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl DayPart {
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
            DayPart::Daytime => "DT",
        }
    }

    pub fn from_code(code: &str) -> Option<DayPart> {
        Some(match code {
            "MO" => DayPart::Morning,
            "AF" => DayPart::Afternoon,
            "EV" => DayPart::Evening,
            "NI" => DayPart::Night,
            "DT" => DayPart::Daytime,
            _ => return None,
        })
    }
}

impl Calendar {
    /// A known day.
    pub fn day(d: Date) -> Calendar {
        Calendar::Day(
            Some(i32::from(d.year())),
            Some(d.month() as u8),
            Some(d.day() as u8),
        )
    }

    /// The ISO week a day is in.
    pub fn week_of(d: Date) -> Calendar {
        let w = d.iso_week_date();
        Calendar::Week(Some(i32::from(w.year())), Some(w.week() as u8))
    }

    /// The day, when the calendar is one known day.
    pub fn date(&self) -> Option<Date> {
        match *self {
            Calendar::Day(Some(y), Some(m), Some(d)) => {
                Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
            }
            _ => None,
        }
    }

    /// The year written in the value's first four digits: every form but decades, centuries,
    /// years before the common era and weekdays of an open week.
    pub fn year(&self) -> Open<i32> {
        match *self {
            Calendar::Year(y)
            | Calendar::Month(y, _)
            | Calendar::Day(y, ..)
            | Calendar::Week(y, _)
            | Calendar::Weekend(y, _)
            | Calendar::Quarter(y, _)
            | Calendar::Half(y, _)
            | Calendar::Season(y, _) => y,
            Calendar::Weekday(_)
            | Calendar::Decade(_)
            | Calendar::Century(_)
            | Calendar::BcYear(_) => None,
        }
    }

    /// Whether the value is placed in the calendar from its first digit: a known year, decade
    /// or century of the common era.
    pub fn anchored(&self) -> bool {
        match *self {
            Calendar::Decade(Some(n)) | Calendar::Century(Some(n)) => n >= 0,
            _ => self.year().is_some_and(|y| y >= 0),
        }
    }

    /// The same value in another year (its week, month, day or part of the year kept).
    pub fn with_year(self, year: i32) -> Calendar {
        let y = Some(year);
        match self {
            Calendar::Year(_) => Calendar::Year(y),
            Calendar::Month(_, m) => Calendar::Month(y, m),
            Calendar::Day(_, m, d) => Calendar::Day(y, m, d),
            Calendar::Week(_, w) => Calendar::Week(y, w),
            Calendar::Weekend(_, w) => Calendar::Weekend(y, w),
            Calendar::Quarter(_, q) => Calendar::Quarter(y, q),
            Calendar::Half(_, h) => Calendar::Half(y, h),
            Calendar::Season(_, s) => Calendar::Season(y, s),
            other => other,
        }
    }

    /// The same value with its year left open ("XXXX-02" for "10000-02").
    pub fn with_open_year(self) -> Calendar {
        match self {
            Calendar::Year(_) => Calendar::Year(None),
            Calendar::Month(_, m) => Calendar::Month(None, m),
            Calendar::Day(_, m, d) => Calendar::Day(None, m, d),
            Calendar::Week(_, w) => Calendar::Week(None, w),
            Calendar::Weekend(_, w) => Calendar::Weekend(None, w),
            Calendar::Quarter(_, q) => Calendar::Quarter(None, q),
            Calendar::Half(_, h) => Calendar::Half(None, h),
            Calendar::Season(_, s) => Calendar::Season(None, s),
            other => other,
        }
    }

    /// The chronological interval covered, (first day, last day): "2022-02" is (2022-02-01,
    /// 2022-02-28), "2024-W47" its Monday to Sunday, "199" the 1990s, "BC0992" the year -991
    /// (1 BC is the year 0). None for values left open.
    pub fn interval(&self) -> Option<(Date, Date)> {
        let years = |first: i32, count: i32| -> Option<(Date, Date)> {
            Some((
                Date::new(i16::try_from(first).ok()?, 1, 1).ok()?,
                Date::new(i16::try_from(first + count - 1).ok()?, 12, 31).ok()?,
            ))
        };
        let months = |year: i32, first: i8, last: i8| -> Option<(Date, Date)> {
            let year = i16::try_from(year).ok()?;
            let end = Date::new(year, last, 1).ok()?.last_of_month();
            Some((Date::new(year, first, 1).ok()?, end))
        };
        let monday = |year: i32, week: u8| -> Option<Date> {
            let year = i16::try_from(year).ok()?;
            Some(
                ISOWeekDate::new(year, week as i8, Weekday::Monday)
                    .ok()?
                    .date(),
            )
        };
        // a year of more than four digits, or negative, is no year of the notation
        let y = |y: Open<i32>| y.filter(|y| (0..=9999).contains(y));
        match *self {
            Calendar::BcYear(n) => years(1 - i32::try_from(n).ok()?, 1),
            Calendar::Century(c) => years(y(c).filter(|c| *c <= 99)? * 100, 100),
            Calendar::Decade(d) => years(y(d).filter(|d| *d <= 999)? * 10, 10),
            Calendar::Year(year) => years(y(year)?, 1),
            Calendar::Month(year, m) => {
                let m = m? as i8;
                months(y(year)?, m, m)
            }
            Calendar::Day(..) => self.date().map(|d| (d, d)),
            Calendar::Quarter(year, q) => {
                let q = q.filter(|q| (1..=4).contains(q))? as i8;
                months(y(year)?, q * 3 - 2, q * 3)
            }
            Calendar::Half(year, h) => {
                let h = h as i8;
                (1..=2).contains(&h).then_some(())?;
                months(y(year)?, h * 6 - 5, h * 6)
            }
            Calendar::Season(year, Season::Winter) => {
                let year = i16::try_from(y(year)?).ok()?;
                Some((
                    Date::new(year, 12, 1).ok()?,
                    Date::new(year + 1, 2, 1).ok()?.last_of_month(),
                ))
            }
            Calendar::Season(year, s) => {
                let (first, last) = s.months();
                months(y(year)?, first, last)
            }
            Calendar::Week(year, w) => {
                let monday = monday(y(year)?, w?)?;
                Some((monday, monday.checked_add(6.days()).ok()?))
            }
            Calendar::Weekend(year, w) => {
                let monday = monday(y(year)?, w?)?;
                Some((
                    monday.checked_add(5.days()).ok()?,
                    monday.checked_add(6.days()).ok()?,
                ))
            }
            Calendar::Weekday(_) => None,
        }
    }
}

impl TimeValue {
    /// The calendar part of a date or a time.
    pub fn calendar(&self) -> Option<&Calendar> {
        match self {
            TimeValue::Date(c) | TimeValue::Time(c, _) => Some(c),
            _ => None,
        }
    }

    /// The interval a date or time covers (a time: its day); None for durations,
    /// references and values left open.
    pub fn interval(&self) -> Option<(Date, Date)> {
        self.calendar()?.interval()
    }

    /// Whether TimeML writes the value with a leading X: its year, decade or century, or
    /// its whole day, left open.
    pub fn open(&self) -> bool {
        match self.calendar() {
            Some(Calendar::Decade(d) | Calendar::Century(d)) => d.is_none(),
            Some(Calendar::BcYear(_)) => false,
            Some(c) => c.year().is_none(),
            None => false,
        }
    }
}

/// A year as four digits at least.
struct Y(Open<i32>, usize);

impl fmt::Display for Y {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.0 {
            Some(y) => write!(f, "{y:0w$}", w = self.1),
            None => f.write_str(&"XXXX"[..self.1]),
        }
    }
}

/// Two digits, or XX.
struct Two(Open<u8>);

impl fmt::Display for Two {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.0 {
            Some(n) => write!(f, "{n:02}"),
            None => f.write_str("XX"),
        }
    }
}

impl fmt::Display for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match *self {
            Calendar::Year(y) => write!(f, "{}", Y(y, 4)),
            Calendar::Month(y, m) => write!(f, "{}-{}", Y(y, 4), Two(m)),
            Calendar::Day(y, m, d) => write!(f, "{}-{}-{}", Y(y, 4), Two(m), Two(d)),
            Calendar::Week(y, w) => write!(f, "{}-W{}", Y(y, 4), Two(w)),
            Calendar::Weekend(y, w) => write!(f, "{}-W{}-WE", Y(y, 4), Two(w)),
            Calendar::Weekday(d) => write!(f, "XXXX-WXX-{d}"),
            Calendar::Quarter(y, Some(q)) => write!(f, "{}-Q{q}", Y(y, 4)),
            Calendar::Quarter(y, None) => write!(f, "{}-QX", Y(y, 4)),
            Calendar::Half(y, h) => write!(f, "{}-H{h}", Y(y, 4)),
            Calendar::Season(y, s) => write!(f, "{}-{}", Y(y, 4), s.code()),
            Calendar::Decade(d) => write!(f, "{}", Y(d, 3)),
            Calendar::Century(c) => write!(f, "{}", Y(c, 2)),
            Calendar::BcYear(n) => write!(f, "BC{n:04}"),
        }
    }
}

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match *self {
            Clock::At { hour, minute } => write!(f, "{hour:02}:{minute:02}"),
            Clock::Part(p) => f.write_str(p.code()),
        }
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.count {
            Some(n) => write!(f, "{n}{}", self.unit.letter()),
            None => write!(f, "X{}", self.unit.letter()),
        }
    }
}

impl fmt::Display for TimeValue {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            TimeValue::Date(c) => write!(f, "{c}"),
            TimeValue::Time(c, clock) => write!(f, "{c}T{clock}"),
            TimeValue::Ref(r) => f.write_str(match r {
                Reference::Past => "PAST_REF",
                Reference::Present => "PRESENT_REF",
                Reference::Future => "FUTURE_REF",
            }),
            TimeValue::Duration(first, second) => {
                f.write_str("P")?;
                let mut time = false;
                for a in std::iter::once(first).chain(second) {
                    if a.unit.is_time() && !time {
                        f.write_str("T")?;
                        time = true;
                    }
                    write!(f, "{a}")?;
                }
                Ok(())
            }
        }
    }
}

/// The JSON contract writes the notation.
impl serde::Serialize for TimeValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A value kept in a review (an event's date the analyst gave), read back from its notation.
impl<'de> serde::Deserialize<'de> for TimeValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<TimeValue, D::Error> {
        <String as serde::Deserialize>::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// A value in TimeML's notation that brief does not write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAValue(pub String);

impl fmt::Display for NotAValue {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "not a TIMEX3 value brief writes: {:?}", self.0)
    }
}

impl std::error::Error for NotAValue {}

impl FromStr for Clock {
    type Err = NotAValue;

    fn from_str(s: &str) -> Result<Clock, NotAValue> {
        let err = || NotAValue(s.to_string());
        if let Some(p) = DayPart::from_code(s) {
            return Ok(Clock::Part(p));
        }
        let (h, m) = s.split_once(':').ok_or_else(err)?;
        let hour = digits(h, 2).filter(|h| *h <= 24).ok_or_else(err)?;
        let minute = digits(m, 2).filter(|m| *m < 60).ok_or_else(err)?;
        Ok(Clock::At {
            hour: hour as u8,
            minute: minute as u8,
        })
    }
}

/// A number of exactly `len` ASCII digits.
fn digits(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// A number of `len` digits, or as many X.
fn open(s: &str, len: usize) -> Option<Open<u32>> {
    if s.len() == len && s.bytes().all(|b| b == b'X') {
        return Some(None);
    }
    digits(s, len).map(Some)
}

impl FromStr for Calendar {
    type Err = NotAValue;

    fn from_str(s: &str) -> Result<Calendar, NotAValue> {
        let err = || NotAValue(s.to_string());
        let year = |p: &str| open(p, 4).map(|y| y.map(|y| y as i32));
        let two = |p: &str| open(p, 2).map(|n| n.map(|n| n as u8));
        if let Some(bc) = s.strip_prefix("BC") {
            return digits(bc, 4).map(Calendar::BcYear).ok_or_else(err);
        }
        let parts: Vec<&str> = s.split('-').collect();
        let c = match parts[..] {
            [y] if y.len() == 3 => open(y, 3).map(|d| Calendar::Decade(d.map(|d| d as i32))),
            [y] if y.len() == 2 => open(y, 2).map(|c| Calendar::Century(c.map(|c| c as i32))),
            [y] => year(y).map(Calendar::Year),
            [y, w, "WE"] => {
                let w = two(w.strip_prefix('W').ok_or_else(err)?);
                year(y).zip(w).map(|(y, w)| Calendar::Weekend(y, w))
            }
            ["XXXX", "WXX", d] => digits(d, 1)
                .filter(|d| (1..=7).contains(d))
                .map(|d| Calendar::Weekday(d as u8)),
            [y, m, d] => year(y)
                .zip(two(m))
                .zip(two(d))
                .map(|((y, m), d)| Calendar::Day(y, m, d)),
            [y, second] => {
                let y = year(y).ok_or_else(err)?;
                match second.as_bytes() {
                    [b'Q', b'X'] => Some(Calendar::Quarter(y, None)),
                    [b'Q', q @ b'1'..=b'4'] => Some(Calendar::Quarter(y, Some(q - b'0'))),
                    [b'H', h @ b'1'..=b'2'] => Some(Calendar::Half(y, h - b'0')),
                    _ if Season::from_code(second).is_some() => {
                        Season::from_code(second).map(|s| Calendar::Season(y, s))
                    }
                    [b'W', ..] => two(&second[1..]).map(|w| Calendar::Week(y, w)),
                    _ => two(second).map(|m| Calendar::Month(y, m)),
                }
            }
            _ => None,
        };
        let valid = |c: &Calendar| match *c {
            Calendar::Month(_, Some(m)) | Calendar::Day(_, Some(m), _) => (1..=12).contains(&m),
            Calendar::Week(_, Some(w)) | Calendar::Weekend(_, Some(w)) => (1..=53).contains(&w),
            _ => true,
        };
        let day_valid = |c: &Calendar| match *c {
            Calendar::Day(y, Some(m), Some(d)) => {
                let year = y.and_then(|y| i16::try_from(y).ok()).unwrap_or(2000);
                Date::new(year, m as i8, d as i8).is_ok()
            }
            Calendar::Day(_, _, Some(d)) => (1..=31).contains(&d),
            Calendar::Week(Some(y), Some(w)) | Calendar::Weekend(Some(y), Some(w)) => {
                ISOWeekDate::new(y as i16, w as i8, Weekday::Monday).is_ok()
            }
            _ => true,
        };
        c.filter(valid).filter(day_valid).ok_or_else(err)
    }
}

impl FromStr for TimeValue {
    type Err = NotAValue;

    fn from_str(s: &str) -> Result<TimeValue, NotAValue> {
        let err = || NotAValue(s.to_string());
        match s {
            "PAST_REF" => return Ok(TimeValue::Ref(Reference::Past)),
            "PRESENT_REF" => return Ok(TimeValue::Ref(Reference::Present)),
            "FUTURE_REF" => return Ok(TimeValue::Ref(Reference::Future)),
            _ => {}
        }
        if let Some(rest) = s.strip_prefix('P') {
            let mut amounts = Vec::new();
            let mut time = false;
            let mut count = String::new();
            for c in rest.chars() {
                let unit = match (c, time) {
                    ('T', false) if count.is_empty() && !rest.ends_with('T') => {
                        time = true;
                        continue;
                    }
                    ('0'..='9' | 'X', _) => {
                        count.push(c);
                        continue;
                    }
                    ('Y', false) => PeriodUnit::Year,
                    ('Q', false) => PeriodUnit::Quarter,
                    ('M', false) => PeriodUnit::Month,
                    ('W', false) => PeriodUnit::Week,
                    ('D', false) => PeriodUnit::Day,
                    ('H', true) => PeriodUnit::Hour,
                    ('M', true) => PeriodUnit::Minute,
                    ('S', true) => PeriodUnit::Second,
                    _ => return Err(err()),
                };
                let count = match std::mem::take(&mut count).as_str() {
                    "X" => None,
                    n if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                        Some(n.parse().map_err(|_| err())?)
                    }
                    _ => return Err(err()),
                };
                amounts.push(Amount::new(count, unit));
            }
            let ordered = amounts.windows(2).all(|w| w[0].unit < w[1].unit);
            return match amounts[..] {
                [a] if count.is_empty() => Ok(TimeValue::Duration(a, None)),
                [a, b] if count.is_empty() && ordered => Ok(TimeValue::Duration(a, Some(b))),
                _ => Err(err()),
            };
        }
        match s.split_once('T') {
            Some((date, clock)) => {
                let c: Calendar = date.parse()?;
                let day = matches!(c, Calendar::Day(..) | Calendar::Weekday(_));
                if !day {
                    return Err(err());
                }
                Ok(TimeValue::Time(c, clock.parse()?))
            }
            None => Ok(TimeValue::Date(s.parse()?)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_is_written_as_it_is_read() {
        for value in [
            "2024-11-22",
            "2024-03-05TNI",
            "2024-11-22T10:30",
            "XXXX-XX-XXT24:00",
            "XXXX-WXX-1TMO",
            "1998-10-XXTEV",
            "2022-02",
            "XXXX-02",
            "1998-XX",
            "XXXX-02-14",
            "1998-10-XX",
            "XXXX-XX-XX",
            "2025",
            "XXXX",
            "2024-W09",
            "2024-WXX",
            "2024-W09-WE",
            "XXXX-WXX-WE",
            "XXXX-WXX-7",
            "2024-Q1",
            "2024-QX",
            "2023-H2",
            "2024-SU",
            "XXXX-WI",
            "199",
            "XXX",
            "19",
            "XX",
            "BC0044",
            "PAST_REF",
            "PRESENT_REF",
            "FUTURE_REF",
            "P3Y",
            "P2Y6M",
            "PT5H30M",
            "P1DT12H",
            "PXD",
            "PXQ",
            "PT1H",
        ] {
            let parsed: TimeValue = value.parse().unwrap();
            assert_eq!(parsed.to_string(), value);
        }
    }

    #[test]
    fn odd_values_are_not_values() {
        for value in [
            "",
            "2024-13",
            "2024-02-30",
            "2024-W60",
            "XXXX-WXX-9",
            "P",
            "PT",
            "P3",
            "P3YT",
            "2024-11-22T",
            "2024-11-22T99:00",
            "BC",
            "12345",
            "2024-ZZ",
            "x",
            "é-é",
            "2024T10:00",
            "P6M2Y",
        ] {
            assert!(value.parse::<TimeValue>().is_err(), "{value}");
        }
    }

    #[test]
    fn intervals_cover_each_form() {
        let i = |v: &str| {
            v.parse::<TimeValue>()
                .unwrap()
                .interval()
                .map(|(a, b)| (a.to_string(), b.to_string()))
        };
        let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(i("2022-02"), pair("2022-02-01", "2022-02-28"));
        assert_eq!(i("2024-11-22T10:00"), pair("2024-11-22", "2024-11-22"));
        assert_eq!(i("2024-W47"), pair("2024-11-18", "2024-11-24"));
        assert_eq!(i("2024-W47-WE"), pair("2024-11-23", "2024-11-24"));
        assert_eq!(i("2022-Q1"), pair("2022-01-01", "2022-03-31"));
        assert_eq!(i("2022-H2"), pair("2022-07-01", "2022-12-31"));
        assert_eq!(i("2022-WI"), pair("2022-12-01", "2023-02-28"));
        assert_eq!(i("199"), pair("1990-01-01", "1999-12-31"));
        assert_eq!(i("19"), pair("1900-01-01", "1999-12-31"));
        assert_eq!(i("BC0992"), pair("-000991-01-01", "-000991-12-31"));
        for open in [
            "XXXX-02",
            "1998-10-XX",
            "2024-QX",
            "P3Y",
            "PAST_REF",
            "XXXX-WXX-5",
        ] {
            assert_eq!(i(open), None, "{open}");
        }
    }
}
