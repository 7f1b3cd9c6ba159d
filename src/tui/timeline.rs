//! The timeline pane: events in order, each date readable ("Fri 22 Nov 2024") beside its
//! TimeML value, undated events marked.

use ratatui::text::{Line, Span as Text};

use super::app::App;
use super::layout::{clip, empty, row_style};
use super::theme;
use crate::document::{DateSource, parse_date};

pub fn lines(app: &mut App, width: usize, height: usize) -> Vec<Line<'static>> {
    let Some(analysis) = &app.analysis else {
        return Vec::new();
    };
    if app.event_view.is_empty() {
        return empty("events");
    }
    app.timeline.scrolled(height, app.event_view.len());
    let view = app.timeline;
    app.event_view[view.offset..]
        .iter()
        .take(view.page)
        .enumerate()
        .map(|(k, &i)| {
            let event = &analysis.timeline[i];
            let value = event
                .time
                .and_then(|t| analysis.times.get(t))
                .map(|t| t.value.as_str());
            let (date, value) = match value {
                Some(v) => (readable(v).unwrap_or_default(), v.to_string()),
                None => ("undated".to_string(), String::new()),
            };
            let spans = vec![
                Text::styled(format!("{date:<16}"), theme::time()),
                Text::styled(format!("{value:<11}"), theme::dim()),
                Text::raw(clip(&event.label, width.saturating_sub(27))),
            ];
            Line::from(spans).style(row_style(view.offset + k == view.selected))
        })
        .collect()
}

/// The pane's foot, on the date that resolves "on Friday" or "last week". Without a published
/// date they keep open values (XXXX-WXX-5): the foot says how many, and that a date would
/// resolve them. A date read from the article's dateline is a guess: the foot says so, and
/// how to give the right one when there is `room`.
pub fn date_foot(app: &App, room: usize) -> Option<String> {
    let (doc, analysis) = (app.doc.as_ref()?, app.analysis.as_ref()?);
    if let Some(date) = doc.meta.published {
        if doc.meta.published_from != Some(DateSource::Dateline) {
            return None;
        }
        let foot = format!(" published {date}, from the dateline ");
        let hint = "(--published to correct) ";
        return Some(if foot.len() + hint.len() <= room {
            foot + hint
        } else {
            foot
        });
    }
    let open = analysis
        .times
        .iter()
        .filter(|t| t.value.starts_with('X'))
        .count();
    let noun = if open == 1 { "date" } else { "dates" };
    (open > 0).then(|| format!(" {open} {noun} left open: a published date would resolve them "))
}

/// A TimeML value for people: 2024-11-22 "Fri 22 Nov 2024", 2022-02 "Feb 2022",
/// 2024-W47 "week 47 2024", PAST_REF "the past"; `None` when the value says it all.
pub fn readable(value: &str) -> Option<String> {
    if value.len() == 10
        && let Some(date) = parse_date(value)
    {
        return Some(date.strftime("%a %-d %b %Y").to_string());
    }
    if value.len() == 7
        && let Some(date) = parse_date(&format!("{value}-01"))
    {
        return Some(date.strftime("%b %Y").to_string());
    }
    if let Some((year, week)) = value.split_once("-W") {
        return Some(format!("week {week} {year}"));
    }
    let words = match value {
        "PAST_REF" => "the past",
        "PRESENT_REF" => "now",
        "FUTURE_REF" => "the future",
        _ => return None,
    };
    Some(words.to_string())
}

#[cfg(test)]
mod tests {
    use super::readable;

    #[test]
    fn dates_are_readable_beside_their_values() {
        assert_eq!(readable("2024-11-22").as_deref(), Some("Fri 22 Nov 2024"));
        assert_eq!(readable("2022-02").as_deref(), Some("Feb 2022"));
        assert_eq!(readable("2024-W47").as_deref(), Some("week 47 2024"));
        assert_eq!(readable("PAST_REF").as_deref(), Some("the past"));
        assert_eq!(readable("P3Y"), None);
    }
}
