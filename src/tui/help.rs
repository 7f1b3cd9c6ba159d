//! The help overlay, built from the live keymap so it always tells the truth, with a key
//! to the article's colours.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as Text};
use ratatui::widgets::{Block, Paragraph};

use super::keymap::{Context, Keymap};
use super::theme;
use super::widgets::{centred, clear};
use crate::analysis::ActorKind;
use crate::review::Status;

/// Space between the help's columns.
const GAP: usize = 2;

/// The help laid out over `area`: its rows in columns, its place, and how many rows do not
/// fit (scrolled with j/k).
struct Laid {
    lines: Vec<Line<'static>>,
    place: Rect,
    hidden: usize,
}

/// `library`: a library is open, so its keys are listed too (a single briefing has no
/// library: its keys would do nothing).
fn lay_out(area: Rect, keymap: &Keymap, library: bool) -> Laid {
    let mut rows: Vec<Line> = keymap
        .actions()
        .filter(|action| library || !action.for_library())
        .map(|action| {
            let keys = keymap.keys(action);
            Line::from(vec![
                Text::styled(format!("{keys:>15}  "), theme::key()),
                Text::raw(action.describe()),
            ])
        })
        .collect();
    // each context's own keys, from its table
    for context in Context::ALL {
        rows.push(Line::raw(""));
        rows.push(Line::styled(
            format!("{:>15}  {}", "", context.describe()),
            theme::dim(),
        ));
        rows.extend(keymap.commands(context).map(|(command, keys)| {
            Line::from(vec![
                Text::styled(format!("{keys:>15}  "), theme::key()),
                Text::raw(command.describe()),
            ])
        }));
    }
    rows.push(Line::raw(""));
    rows.extend(legend());
    // as wide as the widest row, so nothing is cut
    let column = rows.iter().map(Line::width).max().unwrap_or(0) + GAP;
    let inner_height = usize::from(area.height.saturating_sub(2)).max(1);
    let fit = (usize::from(area.width).saturating_sub(2) / column).max(1);
    let columns = rows.len().div_ceil(inner_height).clamp(1, fit);
    let per_column = rows.len().div_ceil(columns);
    let width = (columns * column + 2 - GAP) as u16;
    let height = (per_column + 2) as u16;
    let place = centred(area, width, height);
    let lines: Vec<Line> = (0..per_column)
        .map(|r| {
            let spans = (0..columns)
                .filter_map(|c| rows.get(c * per_column + r))
                .flat_map(|row| {
                    let pad = column.saturating_sub(row.width());
                    row.spans
                        .iter()
                        .cloned()
                        .chain([Text::raw(" ".repeat(pad))])
                })
                .collect::<Vec<_>>();
            Line::from(spans)
        })
        .collect();
    // Taller than the terminal: j/k scroll it.
    let hidden = per_column.saturating_sub(usize::from(place.height.saturating_sub(2)));
    Laid {
        lines,
        place,
        hidden,
    }
}

/// How many rows of the help over `area` do not fit: how far it can scroll.
pub fn hidden(area: Rect, keymap: &Keymap, library: bool) -> usize {
    lay_out(area, keymap, library).hidden
}

/// The help over `area`, scrolled by `scroll` rows (at most [`hidden`]).
pub fn draw(frame: &mut Frame, area: Rect, keymap: &Keymap, library: bool, scroll: usize) {
    let Laid {
        lines,
        place,
        hidden,
    } = lay_out(area, keymap, library);
    let closes = if hidden > 0 {
        " j/k scroll · ? or esc closes "
    } else {
        " ? or esc closes "
    };
    let block = Block::bordered()
        .border_style(theme::border(true))
        .title(Line::styled(" Keys ", theme::title(true)))
        .title_bottom(Line::styled(closes, theme::dim()).right_aligned());
    clear(frame, place);
    let scroll = u16::try_from(scroll.min(hidden)).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines).block(block).scroll((scroll, 0)),
        place,
    );
}

/// What the colours in the article mean: a claim by each review status, the other marks,
/// and each kind of actor.
fn legend() -> Vec<Line<'static>> {
    let sample = |style: Style, text: &str, meaning: String| {
        Line::from(vec![
            Text::raw(" ".repeat(6)),
            Text::styled(format!("{text:>8}"), style),
            Text::raw(format!("  {meaning}")),
        ])
    };
    let statuses = [
        Status::Supported,
        Status::Disputed,
        Status::Unverified,
        Status::Rejected,
    ];
    let kinds = [
        (ActorKind::Person, "person"),
        (ActorKind::Organization, "org"),
        (ActorKind::Country, "country"),
        (ActorKind::Place, "place"),
        (ActorKind::Group, "group"),
        (ActorKind::Other, "other"),
    ];
    let mut lines = vec![sample(theme::claim(), "claim", "what is claimed".into())];
    lines.extend(
        statuses
            .into_iter()
            .map(|s| sample(theme::status(s), "claim", s.to_string())),
    );
    for (style, text, meaning) in [
        (theme::source(), "source", "who claims it"),
        (theme::noted(), "noted", "a passage with a note"),
        (theme::cue(), "cue", "said, according to"),
        (theme::hedge(), "hedge", "reportedly, may"),
        (theme::time(), "time", "a time expression"),
        (theme::focus(), "selected", "the selected item"),
        (
            theme::key(),
            super::claims::CORRECTED,
            "corrected or added by you",
        ),
    ] {
        lines.push(sample(style, text, meaning.into()));
    }
    lines.extend(
        kinds
            .into_iter()
            .map(|(kind, name)| sample(theme::actor(kind), name, "actor".into())),
    );
    lines
}
