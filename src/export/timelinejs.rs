//! `timelinejs`: the timeline as TimelineJS JSON. TimelineJS renders text as HTML, so every
//! text is HTML-escaped. An undated event takes the date of the event before it (the first
//! dated one, or the publication date, when nothing precedes it) and says "undated"; with no
//! date anywhere an event cannot be placed and is left out. A period TimelineJS has no field
//! for (a week, a quarter, a season, a decade, a part of a day) starts on its first day, and
//! its `display_date` says which period it is.

use jiff::civil::Date;
use serde_json::{Value, json};

use crate::analysis::Analysis;
use crate::analysis::TimexType;
use crate::analysis::times::{Calendar, Clock, TimeValue, readable};

use super::Briefing;

pub fn render(b: &Briefing) -> String {
    let analysis = b.analysis;
    let dated: Vec<Option<(Value, Option<String>)>> = analysis
        .timeline
        .iter()
        .map(|e| {
            e.date(&analysis.times)
                .and_then(|(value, kind)| date(value, kind))
        })
        .collect();
    let published = b.doc.meta.published.map(day);
    let mut previous = dated
        .iter()
        .flatten()
        .next()
        .map(|(start, _)| start.clone())
        .or(published);
    let mut events = Vec::new();
    for (event, own) in analysis.timeline.iter().zip(dated) {
        let (start, display) = match own {
            Some((start, display)) => {
                previous = Some(start.clone());
                (start, display)
            }
            None => match &previous {
                Some(start) => (start.clone(), Some("undated".to_string())),
                None => continue,
            },
        };
        let sentence = b
            .doc
            .sentences
            .iter()
            .find(|s| s.contains(event.span))
            .unwrap_or(event.span);
        let mut out = json!({
            "start_date": start,
            "text": {
                "headline": html(&event.label),
                "text": html(b.doc.slice(sentence).trim()),
            },
        });
        if let Some(display) = display {
            out["display_date"] = json!(display);
        }
        if let Some(group) = group(analysis, &event.actors) {
            out["group"] = json!(html(group));
        }
        events.push(out);
    }
    let mut title = json!({"text": {"headline": html(b.title())}});
    if let Some(source) = &b.doc.meta.source {
        title["text"]["text"] = json!(html(source));
    }
    let out = json!({"title": title, "events": events});
    let mut out = serde_json::to_string_pretty(&out).expect("JSON always serialises");
    out.push('\n');
    out
}

fn group<'a>(analysis: &'a Analysis, actors: &[usize]) -> Option<&'a str> {
    let first = *actors.first()?;
    analysis.actors.get(first).map(|a| a.name.as_str())
}

/// A TimelineJS date from a time value, and the `display_date` it needs when it is a
/// period: a year, month, day or time of day is given as such (2022, 2022-02, 2022-02-24,
/// 2022-02-24T10:30); any other value with an interval (2024-W09, 2022-Q1, 2024-03-05TNI,
/// 199) starts on its first day. Values without one (P3Y, PAST_REF, XXXX-02) are no date.
pub(crate) fn date(value: &TimeValue, kind: TimexType) -> Option<(Value, Option<String>)> {
    // "BC0992": TimelineJS counts years before the common era as negative (1 BC is 0)
    if let TimeValue::Date(Calendar::BcYear(n)) = *value {
        let year = 1 - i64::from(n);
        return Some((
            json!({"year": year.to_string()}),
            Some(readable(value, kind)),
        ));
    }
    if let Some(exact) = calendar(value) {
        return Some((exact, None));
    }
    let (first, _) = value.interval()?;
    Some((day(first), Some(readable(value, kind))))
}

/// A year, month or day, with the hour and minute of a clock time (not TNI and the like).
fn calendar(value: &TimeValue) -> Option<Value> {
    let (date, clock) = match *value {
        TimeValue::Date(c) => (c, None),
        TimeValue::Time(c @ Calendar::Day(_, Some(_), Some(_)), Clock::At { hour, minute }) => {
            (c, Some((hour, minute)))
        }
        _ => return None,
    };
    let (year, month, day) = match date {
        Calendar::Year(y) => (y, None, None),
        Calendar::Month(y, Some(m)) => (y, Some(m), None),
        Calendar::Day(y, Some(m), Some(d)) => (y, Some(m), Some(d)),
        _ => return None,
    };
    let year = year.filter(|y| (0..=9999).contains(y))?;
    let mut out = json!({"year": format!("{year:04}")});
    if let Some(m) = month {
        out["month"] = json!(m.to_string());
    }
    if let Some(d) = day {
        out["day"] = json!(d.to_string());
    }
    if let Some((hour, minute)) = clock {
        out["hour"] = json!(hour.to_string());
        out["minute"] = json!(minute.to_string());
    }
    Some(out)
}

/// A whole day as a TimelineJS date.
fn day(d: Date) -> Value {
    json!({
        "year": d.year().to_string(),
        "month": d.month().to_string(),
        "day": d.day().to_string(),
    })
}

pub(crate) fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_values_are_dates_and_periods_start_on_their_first_day() {
        let date = |v: &str, kind| date(&v.parse().unwrap(), kind);
        let exact = |v: &str| date(v, TimexType::Date).map(|(d, display)| (d, display.is_none()));
        assert_eq!(
            exact("2022-02-04").unwrap(),
            (json!({"year": "2022", "month": "2", "day": "4"}), true)
        );
        assert_eq!(exact("2022").unwrap(), (json!({"year": "2022"}), true));
        assert_eq!(
            exact("2024-11-22T10:05").unwrap().0,
            json!({"year": "2024", "month": "11", "day": "22", "hour": "10", "minute": "5"})
        );
        assert_eq!(
            exact("2024-11-22T00:00").unwrap().0,
            json!({"year": "2024", "month": "11", "day": "22", "hour": "0", "minute": "0"})
        );
        assert_eq!(
            date("BC0992", TimexType::Date).unwrap(),
            (json!({"year": "-991"}), Some("992 BC".to_string()))
        );
        let period = |v: &str| {
            let (start, display) = date(v, TimexType::Date).unwrap();
            let start = ["year", "month", "day"].map(|k| start[k].as_str().unwrap().to_string());
            (start.join("-"), display.unwrap())
        };
        assert_eq!(
            period("2024-W09"),
            ("2024-2-26".into(), "week of 26 Feb 2024".into())
        );
        assert_eq!(
            period("2024-W09-WE"),
            ("2024-3-2".into(), "weekend of 2 Mar 2024".into())
        );
        assert_eq!(period("2023-Q2"), ("2023-4-1".into(), "Q2 2023".into()));
        assert_eq!(period("2022-SU"), ("2022-6-1".into(), "summer 2022".into()));
        assert_eq!(
            period("2022-WI"),
            ("2022-12-1".into(), "winter 2022-23".into())
        );
        assert_eq!(
            period("2024-03-05TNI"),
            ("2024-3-5".into(), "night of Tue 5 Mar 2024".into())
        );
        assert_eq!(period("199"), ("1990-1-1".into(), "the 1990s".into()));
        for not in ["P3Y", "PAST_REF", "XXXX-02", "XXXX-WXX-1"] {
            assert!(date(not, TimexType::Date).is_none(), "{not}");
        }
        assert_eq!(
            html("<b>\"x\" & 'y'</b>"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"
        );
    }
}
