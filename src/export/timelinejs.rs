//! `timelinejs`: the timeline as TimelineJS JSON. TimelineJS renders text as HTML, so every
//! text is HTML-escaped. An undated event takes the date of the event before it (the first
//! dated one, or the publication date, when nothing precedes it) and says "undated"; with no
//! date anywhere an event cannot be placed and is left out.

use serde_json::{Value, json};

use crate::analysis::Analysis;

use super::Briefing;

pub fn render(b: &Briefing) -> String {
    let analysis = b.analysis;
    let dated: Vec<Option<Value>> = analysis
        .timeline
        .iter()
        .map(|e| {
            e.time
                .and_then(|t| analysis.times.get(t))
                .and_then(|t| date(&t.value))
        })
        .collect();
    let published = b.doc.meta.published.and_then(|d| date(&d.to_string()));
    let mut previous = dated.iter().flatten().next().cloned().or(published);
    let mut events = Vec::new();
    for (event, own) in analysis.timeline.iter().zip(dated) {
        let start = match own {
            Some(start) => {
                previous = Some(start.clone());
                start
            }
            None => match &previous {
                Some(start) => start.clone(),
                None => continue,
            },
        };
        let sentence = b
            .doc
            .sentences
            .iter()
            .find(|s| s.contains(event.span))
            .map_or(event.span, |s| *s);
        let mut out = json!({
            "start_date": start,
            "text": {
                "headline": html(&event.label),
                "text": html(b.doc.slice(sentence).trim()),
            },
        });
        if event.time.is_none() {
            out["display_date"] = json!("undated");
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

/// A TimelineJS date from a TimeML value that names a year, month or day (2022, 2022-02,
/// 2022-02-24); anything else (P3Y, PAST_REF, XXXX-02, 2024-W47) is not a calendar date.
fn date(value: &str) -> Option<Value> {
    let mut parts = value.split('-');
    let year = parts
        .next()
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))?;
    let mut out = json!({"year": year});
    for key in ["month", "day"] {
        match parts.next() {
            Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                out[key] = json!(p.trim_start_matches('0'));
            }
            Some(_) => return None,
            None => break,
        }
    }
    Some(out)
}

fn html(text: &str) -> String {
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
    fn only_calendar_values_are_dates() {
        assert_eq!(
            date("2022-02-04").unwrap(),
            json!({"year": "2022", "month": "2", "day": "4"})
        );
        assert_eq!(date("2022").unwrap(), json!({"year": "2022"}));
        for not in ["P3Y", "PAST_REF", "XXXX-02", "2024-W47", "2024-11-22T10:00"] {
            assert!(date(not).is_none(), "{not}");
        }
        assert_eq!(
            html("<b>\"x\" & 'y'</b>"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"
        );
    }
}
