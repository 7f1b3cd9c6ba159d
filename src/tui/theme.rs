//! Colours and text styles, in one place. Indexed colours, so a 256-colour terminal shows
//! the same as a true-colour one.

use ratatui::style::{Color, Modifier, Style};

use crate::analysis::ActorKind;

pub fn actor(kind: ActorKind) -> Style {
    let colour = match kind {
        ActorKind::Person => Color::Indexed(117),
        ActorKind::Organization => Color::Indexed(183),
        ActorKind::Country => Color::Indexed(114),
        ActorKind::Place => Color::Indexed(150),
        ActorKind::Group => Color::Indexed(216),
        ActorKind::Other => Color::Indexed(250),
    };
    Style::new().fg(colour)
}

/// Claim content: a quiet background tint.
pub fn claim() -> Style {
    Style::new().bg(Color::Indexed(236))
}

pub fn source() -> Style {
    Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
}

pub fn cue() -> Style {
    Style::new()
        .fg(Color::Indexed(222))
        .add_modifier(Modifier::ITALIC)
}

pub fn hedge() -> Style {
    Style::new()
        .fg(Color::Indexed(209))
        .add_modifier(Modifier::ITALIC)
}

pub fn time() -> Style {
    Style::new().fg(Color::Indexed(81))
}

/// The spans of the selected claim, event or actor.
pub fn focus() -> Style {
    Style::new()
        .bg(Color::Indexed(24))
        .add_modifier(Modifier::BOLD)
}

pub fn search_match() -> Style {
    Style::new().bg(Color::Indexed(58)).fg(Color::Indexed(230))
}

pub fn current_match() -> Style {
    Style::new().bg(Color::Indexed(220)).fg(Color::Black)
}

pub fn heading() -> Style {
    Style::new()
        .fg(Color::Indexed(229))
        .add_modifier(Modifier::BOLD)
}

pub fn emphasis(strong: bool) -> Style {
    let modifier = if strong {
        Modifier::BOLD
    } else {
        Modifier::ITALIC
    };
    Style::new().add_modifier(modifier)
}

pub fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Indexed(75))
    } else {
        Style::new().fg(Color::Indexed(240))
    }
}

pub fn title(focused: bool) -> Style {
    let style = Style::new().add_modifier(Modifier::BOLD);
    if focused {
        style.fg(Color::Indexed(75))
    } else {
        style
    }
}

/// The selected row of a list.
pub fn selected() -> Style {
    Style::new()
        .bg(Color::Indexed(237))
        .add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    Style::new().fg(Color::Indexed(244))
}

pub fn key() -> Style {
    Style::new()
        .fg(Color::Indexed(75))
        .add_modifier(Modifier::BOLD)
}

pub fn bar() -> Style {
    Style::new().bg(Color::Indexed(235))
}
