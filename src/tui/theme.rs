//! Colours and text styles, in one place. The palette is set once, before the reader draws,
//! from the configuration's `[theme]` (named colours, `#rrggbb`, or 0-255), reduced to the
//! 16 basic colours on terminals that have no more, and to no colour at all when `NO_COLOR`
//! is set; text styles (bold, italic, underline) stay, so nothing is told by colour alone.

use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::OnceLock;

use ratatui::style::{Color, Modifier, Style};

use crate::analysis::ActorKind;
use crate::review::Status;

/// The colour of each role, by the names `[theme]` uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    colours: BTreeMap<&'static str, Color>,
    depth: Depth,
}

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    Full,
    Basic,
    None,
}

const DEFAULTS: &[(&str, u8)] = &[
    ("person", 117),
    ("organization", 183),
    ("country", 114),
    ("place", 150),
    ("group", 216),
    ("other", 250),
    ("claim", 236),
    ("supported", 22),
    ("disputed", 52),
    ("unverified", 94),
    ("cue", 222),
    ("hedge", 209),
    ("time", 81),
    ("focus", 24),
    ("match", 58),
    ("match_text", 230),
    ("current_match", 220),
    ("heading", 229),
    ("accent", 75),
    ("border", 240),
    ("selected", 237),
    ("dim", 244),
    ("bar", 235),
];

impl Default for Palette {
    fn default() -> Self {
        Palette {
            colours: DEFAULTS
                .iter()
                .map(|&(role, n)| (role, Color::Indexed(n)))
                .collect(),
            depth: Depth::Full,
        }
    }
}

impl Palette {
    /// The defaults with `overrides` (role = colour) over them; an unknown role or colour is
    /// an error naming it.
    pub fn new<'a>(
        overrides: impl IntoIterator<Item = (&'a str, &'a str)>,
        depth: Depth,
    ) -> Result<Palette, String> {
        let mut palette = Palette {
            depth,
            ..Palette::default()
        };
        for (role, value) in overrides {
            let colour = Color::from_str(value).map_err(|_| {
                format!("`{value}` is not a colour (a name, #rrggbb or 0-255) for `{role}`")
            })?;
            let slot = palette.colours.get_mut(role).ok_or_else(|| {
                let roles: Vec<&str> = DEFAULTS.iter().map(|(r, _)| *r).collect();
                format!(
                    "unknown theme colour `{role}` (one of {})",
                    roles.join(", ")
                )
            })?;
            *slot = colour;
        }
        Ok(palette)
    }

    fn get(&self, role: &str) -> Color {
        let colour = self.colours.get(role).copied().unwrap_or(Color::Reset);
        match self.depth {
            Depth::Full => colour,
            Depth::Basic => basic(colour),
            Depth::None => Color::Reset,
        }
    }
}

/// The terminal's depth from the environment: none with `NO_COLOR`, full where the terminal
/// says it has 256 colours or more, else the 16 basic colours.
pub fn detect_depth() -> Depth {
    let var = |name| std::env::var(name).unwrap_or_default();
    if !var("NO_COLOR").is_empty() {
        Depth::None
    } else if ["truecolor", "24bit"].contains(&var("COLORTERM").as_str())
        || var("TERM").contains("256")
    {
        Depth::Full
    } else {
        Depth::Basic
    }
}

/// The nearest of the 16 basic colours, by hue (pastels keep their hue) and lightness.
fn basic(colour: Color) -> Color {
    let (r, g, b) = match colour {
        Color::Indexed(n) if n >= 16 => indexed_rgb(n),
        Color::Rgb(r, g, b) => (r, g, b),
        other => return other,
    };
    let max = r.max(g).max(b);
    let chroma = max - r.min(g).min(b);
    if chroma < 40 {
        // greys: dark ones (backgrounds) stay dark, light ones light
        return match max {
            0..=60 => Color::Black,
            61..=160 => Color::DarkGray,
            161..=230 => Color::Gray,
            _ => Color::White,
        };
    }
    // which channels are near the strongest one give the hue
    let high = |c: u8| max - c <= chroma / 2;
    let light = max > 200;
    match (high(r), high(g), high(b)) {
        (true, false, false) if light => Color::LightRed,
        (true, false, false) => Color::Red,
        (true, true, false) if light => Color::LightYellow,
        (true, true, false) => Color::Yellow,
        (false, true, false) if light => Color::LightGreen,
        (false, true, false) => Color::Green,
        (false, true, true) if light => Color::LightCyan,
        (false, true, true) => Color::Cyan,
        (false, false, true) if light => Color::LightBlue,
        (false, false, true) => Color::Blue,
        (true, false, true) if light => Color::LightMagenta,
        (true, false, true) => Color::Magenta,
        _ => Color::Gray,
    }
}

/// The RGB of a colour of the 256-colour palette (the 6x6x6 cube and the grey ramp).
fn indexed_rgb(n: u8) -> (u8, u8, u8) {
    if n >= 232 {
        let v = 8 + 10 * (n - 232);
        return (v, v, v);
    }
    let n = n - 16;
    let level = |k: u8| if k == 0 { 0 } else { 55 + 40 * k };
    (level(n / 36), level(n / 6 % 6), level(n % 6))
}

static PALETTE: OnceLock<Palette> = OnceLock::new();

/// Sets the palette for the whole reader; the first call wins (later ones change nothing).
pub fn configure(palette: Palette) {
    let _ = PALETTE.set(palette);
}

fn palette() -> &'static Palette {
    PALETTE.get_or_init(Palette::default)
}

fn colour(role: &str) -> Color {
    palette().get(role)
}

/// Without colour, what colour alone would mark is marked by a text style instead.
fn uncoloured(marks: Modifier) -> Modifier {
    if palette().depth == Depth::None {
        marks
    } else {
        Modifier::empty()
    }
}

pub fn actor(kind: ActorKind) -> Style {
    let role = match kind {
        ActorKind::Person => "person",
        ActorKind::Organization => "organization",
        ActorKind::Country => "country",
        ActorKind::Place => "place",
        ActorKind::Group => "group",
        ActorKind::Other => "other",
    };
    Style::new().fg(colour(role))
}

/// Claim content: a quiet background tint.
pub fn claim() -> Style {
    Style::new().bg(colour("claim"))
}

/// Claim content by the analyst's verdict: a tint of its own, and without colour a text
/// style, so the verdict still shows. Rejected claims are struck through.
pub fn status(status: Status) -> Style {
    match status {
        Status::Unreviewed => claim(),
        Status::Supported => Style::new().bg(colour("supported")),
        Status::Disputed => Style::new()
            .bg(colour("disputed"))
            .add_modifier(uncoloured(Modifier::UNDERLINED)),
        Status::Unverified => Style::new()
            .bg(colour("unverified"))
            .add_modifier(uncoloured(Modifier::ITALIC)),
        Status::Rejected => dim().add_modifier(Modifier::CROSSED_OUT),
    }
}

/// A passage with a free note on it: underlined beneath everything else.
pub fn noted() -> Style {
    Style::new().add_modifier(Modifier::UNDERLINED)
}

pub fn source() -> Style {
    Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
}

pub fn cue() -> Style {
    Style::new()
        .fg(colour("cue"))
        .add_modifier(Modifier::ITALIC)
}

pub fn hedge() -> Style {
    Style::new()
        .fg(colour("hedge"))
        .add_modifier(Modifier::ITALIC)
}

pub fn time() -> Style {
    Style::new().fg(colour("time"))
}

/// The spans of the selected claim, event or actor.
pub fn focus() -> Style {
    Style::new()
        .bg(colour("focus"))
        .add_modifier(Modifier::BOLD | uncoloured(Modifier::REVERSED))
}

pub fn search_match() -> Style {
    Style::new()
        .bg(colour("match"))
        .fg(colour("match_text"))
        .add_modifier(uncoloured(Modifier::UNDERLINED))
}

pub fn current_match() -> Style {
    let fg = if palette().depth == Depth::None {
        Color::Reset
    } else {
        Color::Black
    };
    Style::new()
        .bg(colour("current_match"))
        .fg(fg)
        .add_modifier(uncoloured(Modifier::REVERSED | Modifier::BOLD))
}

pub fn heading() -> Style {
    Style::new()
        .fg(colour("heading"))
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
    Style::new().fg(colour(if focused { "accent" } else { "border" }))
}

/// A pane's title: the focused one in the accent colour, and without colour in reverse
/// video, so that the focus can be told from the others under `NO_COLOR` too.
pub fn title(focused: bool) -> Style {
    let style = Style::new().add_modifier(Modifier::BOLD);
    if focused {
        style
            .fg(colour("accent"))
            .add_modifier(uncoloured(Modifier::REVERSED))
    } else {
        style
    }
}

/// The selected row of a list.
pub fn selected() -> Style {
    Style::new()
        .bg(colour("selected"))
        .add_modifier(Modifier::BOLD | uncoloured(Modifier::REVERSED))
}

pub fn dim() -> Style {
    Style::new().fg(colour("dim"))
}

pub fn key() -> Style {
    Style::new()
        .fg(colour("accent"))
        .add_modifier(Modifier::BOLD)
}

/// The mark of an unread briefing in the library: a letter, bold, so it reads without
/// colour too.
pub fn unread() -> Style {
    key()
}

pub fn bar() -> Style {
    Style::new().bg(colour("bar"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_take_names_hex_and_indices() {
        let palette = Palette::new(
            [("person", "red"), ("claim", "#102030"), ("time", "33")],
            Depth::Full,
        )
        .unwrap();
        assert_eq!(palette.get("person"), Color::Red);
        assert_eq!(palette.get("claim"), Color::Rgb(16, 32, 48));
        assert_eq!(palette.get("time"), Color::Indexed(33));
        assert_eq!(
            palette.get("cue"),
            Color::Indexed(222),
            "others keep their defaults"
        );
        assert!(
            Palette::new([("persons", "red")], Depth::Full)
                .unwrap_err()
                .contains("persons")
        );
        assert!(
            Palette::new([("person", "reddish")], Depth::Full)
                .unwrap_err()
                .contains("reddish")
        );
    }

    #[test]
    fn basic_terminals_get_the_nearest_basic_colour_and_no_color_none() {
        let basic = Palette::new([], Depth::Basic).unwrap();
        assert_eq!(
            basic.get("claim"),
            Color::Black,
            "a dark grey background stays dark"
        );
        assert_eq!(basic.get("country"), Color::LightGreen);
        assert_eq!(basic.get("hedge"), Color::LightRed);
        assert_eq!(basic.get("focus"), Color::Cyan);
        assert_eq!(basic.get("dim"), Color::DarkGray);
        let none = Palette::new([("person", "red")], Depth::None).unwrap();
        assert_eq!(none.get("person"), Color::Reset);
    }
}
