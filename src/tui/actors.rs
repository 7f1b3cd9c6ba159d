//! The actors pane: one row an actor, its kind, name, role, aliases and mention count.

use ratatui::text::{Line, Span as Text};

use super::reader::Reader;
use super::theme;
use super::widgets::{clip, none_found, row_style};
use crate::analysis::ActorKind;

/// The rows in view, as [`Reader::fit`] scrolled the list.
pub fn lines(app: &Reader, width: usize) -> Vec<Line<'static>> {
    let Some(analysis) = &app.analysis else {
        return Vec::new();
    };
    if analysis.actors.is_empty() {
        return none_found(analysis, "actors", width);
    }
    let view = app.actors;
    analysis.actors[view.offset..]
        .iter()
        .take(view.page)
        .enumerate()
        .map(|(k, actor)| {
            let selected = view.offset + k == view.selected;
            let filtered = app.filter == Some(view.offset + k);
            let mark = if filtered { "▶" } else { " " };
            let mut spans = vec![
                Text::styled(mark, theme::key()),
                Text::styled(format!("{:<8}", kind(actor.kind)), theme::actor(actor.kind)),
                Text::styled(
                    actor.name.clone(),
                    theme::actor(actor.kind).patch(theme::title(false)),
                ),
                Text::styled(format!(" ×{}", actor.mentions.len()), theme::dim()),
            ];
            let corrected = app
                .corrected
                .1
                .get(view.offset + k)
                .copied()
                .unwrap_or(false);
            if corrected {
                spans.push(Text::styled(super::claims::CORRECTED, theme::key()));
            }
            let mut rest = actor.role.clone().unwrap_or_default();
            let aliases: Vec<&str> = actor
                .aliases
                .iter()
                .map(String::as_str)
                .filter(|a| *a != actor.name)
                .collect();
            if !aliases.is_empty() {
                let sep = if rest.is_empty() { "" } else { " · " };
                rest.push_str(&format!("{sep}aka {}", aliases.join(", ")));
            }
            let used = 14 + actor.name.chars().count() + usize::from(corrected);
            spans.push(Text::raw("  "));
            spans.push(Text::styled(
                clip(&rest, width.saturating_sub(used)),
                theme::dim(),
            ));
            Line::from(spans).style(row_style(selected))
        })
        .collect()
}

fn kind(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::Organization => "org",
        ActorKind::Country => "country",
        ActorKind::Place => "place",
        ActorKind::Group => "group",
        ActorKind::Other => "other",
    }
}
