//! Drawing the notes list (`R`): each free note with its tags and passage, then the review items the
//! text no longer holds, marked orphaned, with their quote, status, grade and note. Its
//! state and keys are the reader's ([`super::reader::Entry`]).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as Text};
use ratatui::widgets::Paragraph;

use super::claims::verdict;
use super::widgets::{bordered, centred, clear, clip, row_style};

use super::reader::notes::{NO_LONGER_APPLIES, ORPHANED};
use super::reader::{Entry, Reader};
use super::theme;
use crate::export::describe;

/// The list, over the panes.
pub fn draw(frame: &mut Frame, area: Rect, app: &Reader, selected: usize, hint: &str) {
    let entries = app.note_entries();
    let notes = entries
        .iter()
        .filter(|e| matches!(e, Entry::Note(..)))
        .count();
    let orphans = entries.len() - notes;
    let rows_for = usize::from(area.height.saturating_sub(2)).max(2);
    let height = (entries.len().max(1) * 2 + 2).min(rows_for + 2);
    let place = centred(area, 80, height as u16);
    let width = usize::from(place.width.saturating_sub(2));
    let fit = (usize::from(place.height.saturating_sub(2)) / 2).max(1);
    let skip = (selected + 1).saturating_sub(fit);
    let mut rows: Vec<Line> = entries
        .iter()
        .enumerate()
        .skip(skip)
        .take(fit)
        .flat_map(|(k, entry)| entry_rows(entry, width, k == selected))
        .collect();
    if entries.is_empty() {
        rows.push(Line::styled(
            "no free notes, and nothing orphaned",
            theme::dim(),
        ));
    }
    let title = format!(" notes {notes} · orphaned {orphans} ");
    clear(frame, place);
    frame.render_widget(Paragraph::new(rows).block(bordered(title, hint)), place);
}

/// An entry's two rows: what it is and what it quotes, then its note (a correction: what
/// it did, then that it is kept).
fn entry_rows(entry: &Entry, width: usize, selected: bool) -> [Line<'static>; 2] {
    let style = row_style(selected);
    let quoted = |q: &str| format!("“{q}”");
    let (head, words, note, tags) = match entry {
        Entry::Note(note, span) => {
            let head = match span {
                Some(_) => "✎".to_string(),
                None => format!("✎ {ORPHANED} ·"),
            };
            (
                head,
                quoted(&note.quote.exact),
                Some(note.text.as_str()),
                &note.tags[..],
            )
        }
        Entry::Orphan(review) => (
            format!("{ORPHANED} · {}", verdict(Some(review)).trim_end()),
            quoted(&review.quote.exact),
            review.note.as_deref(),
            &review.tags[..],
        ),
        Entry::Correction(correction) => (
            format!("{NO_LONGER_APPLIES} ·"),
            describe(&correction.change, &|s| s.to_string()),
            Some("kept, applied again once what it names is back, and in the export"),
            &[][..],
        ),
    };
    let orphaned = !matches!(entry, Entry::Note(_, Some(_)));
    let head = tags.iter().fold(head, |head, tag| format!("{head} #{tag}"));
    let head = clip(&head, width);
    let room = width.saturating_sub(head.chars().count() + 1);
    let first = Line::from(vec![
        Text::styled(head, if orphaned { theme::key() } else { theme::dim() }),
        Text::raw(format!(" {}", clip(&words, room))),
    ])
    .style(style);
    let note = match note {
        Some(n) => Line::raw(format!("  {}", clip(n, width.saturating_sub(2)))),
        None => Line::styled("  (no note)", theme::dim()),
    };
    [first, note.style(style)]
}
