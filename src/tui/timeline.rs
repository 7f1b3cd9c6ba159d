//! The timeline pane: events in order, each date in words ("Fri 22 Nov 2024") beside its
//! TimeML value while there is room, undated events with the interval they are known to lie
//! in ("before Fri 22 Nov 2024"), else marked undated.

use ratatui::text::{Line, Span as Text};

use super::claims::CORRECTED;
use super::reader::Reader;
use super::theme;
use super::widgets::{clip, none_found, row_style};
use crate::analysis::times::readable;
use crate::analysis::{EventId, Within};
use crate::document::DateSource;
use unicode_width::UnicodeWidthStr;

/// The rows in view, as [`Reader::fit`] scrolled the list.
pub fn lines(app: &Reader, width: usize) -> Vec<Line<'static>> {
    let Some(analysis) = &app.analysis else {
        return Vec::new();
    };
    if app.event_view.is_empty() {
        return none_found(analysis, "events", width);
    }
    let view = app.timeline;
    let rows: Vec<Row> = app.event_view[view.offset..]
        .iter()
        .take(view.page)
        .map(|&i| {
            let event = &analysis.timeline[i];
            // an event the analyst dated or added is marked after its date
            let by = match (&event.given, event.id) {
                (Some(_), _) | (_, Some(EventId::Added(_))) => CORRECTED,
                _ => "",
            };
            match event.date(&analysis.times) {
                Some((value, kind)) => Row {
                    date: format!("{}{by}", readable(value, kind)),
                    value: value.to_string(),
                    label: &event.label,
                },
                None => Row {
                    date: event
                        .within
                        .as_ref()
                        .map_or("undated".to_string(), Within::short)
                        + by,
                    value: String::new(),
                    label: &event.label,
                },
            }
        })
        .collect();
    let columns = Columns::fit(&rows, width);
    rows.iter()
        .enumerate()
        .map(|(k, row)| {
            let mut spans = vec![Text::styled(
                Columns::cell(&row.date, columns.date),
                theme::time(),
            )];
            if columns.value > 0 {
                spans.push(Text::styled(
                    Columns::cell(&row.value, columns.value),
                    theme::dim(),
                ));
            }
            spans.push(Text::raw(clip(row.label, columns.label)));
            Line::from(spans).style(row_style(view.offset + k == view.selected))
        })
        .collect()
}

struct Row<'a> {
    date: String,
    value: String,
    label: &'a str,
}

/// The widths of the rows in view: the date in words as wide as the widest, the TimeML value
/// beside it only while the label keeps `LABEL` columns, each cell followed by a space, so a
/// column never runs into the next at any width.
struct Columns {
    date: usize,
    value: usize,
    label: usize,
}

impl Columns {
    /// The least a label is cut to.
    const LABEL: usize = 16;
    /// The value column repeats the date in TIMEX3 form: kept only while labels still get
    /// this much room.
    const LABEL_BESIDE_VALUE: usize = 32;

    fn fit(rows: &[Row], width: usize) -> Columns {
        let date = rows.iter().map(|r| r.date.width()).max().unwrap_or(0);
        let value = rows.iter().map(|r| r.value.width()).max().unwrap_or(0);
        if date + value + 2 + Self::LABEL_BESIDE_VALUE <= width {
            let value = if value > 0 { value + 1 } else { 0 };
            return Columns {
                date: date + 1,
                value,
                label: width - date - 1 - value,
            };
        }
        // narrow: no value column, and the date cut before the label is
        let date = (date + 1).min(width.saturating_sub(Self::LABEL).max(width / 2));
        Columns {
            date,
            value: 0,
            label: width - date,
        }
    }

    /// `text` cut to `width - 1` columns and padded to `width`.
    fn cell(text: &str, width: usize) -> String {
        let text = clip(text, width.saturating_sub(1));
        let pad = width.saturating_sub(text.width());
        format!("{text}{}", " ".repeat(pad))
    }
}

/// The pane's foot, on the date that resolves "on Friday" or "last week". Without a published
/// date they keep open values (XXXX-WXX-5): the foot says how many, and that a date would
/// resolve them. A date read from the article's dateline is a guess: the foot says so, and
/// how to give the right one when there is `room`.
pub fn date_foot(app: &Reader, room: usize) -> Option<String> {
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
    let open = analysis.times.iter().filter(|t| t.value.open()).count();
    let noun = if open == 1 { "date" } else { "dates" };
    (open > 0).then(|| format!(" {open} {noun} left open: a published date would resolve them "))
}
