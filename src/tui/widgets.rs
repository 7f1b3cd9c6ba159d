//! Pieces every screen draws with: rows cut to fit, a key and what it does, a selected row,
//! an overlay's frame and place, the spinner.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as Text};
use ratatui::widgets::{Block, Clear};

use super::action::Action;
use super::keymap::Keymap;
use super::text::is_bidi_control;
use super::theme;
use crate::analysis::Analysis;

pub const SPINNER: [char; 4] = ['|', '/', '-', '\\'];

/// " key what " for the status bar; nothing when the action has no key.
pub fn hint(keys: &Keymap, action: Action, what: &str) -> Vec<Text<'static>> {
    keys.first_key(action).map_or(Vec::new(), |k| {
        vec![
            Text::styled(format!(" {k}"), theme::key()),
            Text::raw(format!(" {what} ")),
        ]
    })
}

pub fn spans_width(spans: &[Text]) -> usize {
    spans.iter().map(|s| s.width()).sum()
}

/// An overlay's frame: its title on top, its keys below.
pub fn bordered(title: String, hint: &str) -> Block<'static> {
    Block::bordered()
        .border_style(theme::border(true))
        .title(Line::styled(title, theme::title(true)))
        .title_bottom(Line::styled(format!(" {hint} "), theme::dim()))
}

/// A row's style in a list pane: the selection stands out.
pub fn row_style(selected: bool) -> Style {
    if selected {
        theme::selected()
    } else {
        Style::new()
    }
}

/// The overlay's place: centred, at most `width` x `height`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Clears the overlay's place before it is drawn.
pub fn clear(frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
}

/// Text for one row: whitespace runs as single spaces, no bidirectional controls, cut to
/// `width` columns with "…".
pub fn clip(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let (mut used, mut keep) = (0, 0);
    let words = text.split_whitespace().enumerate();
    let chars = words.flat_map(|(k, w)| (k > 0).then_some(' ').into_iter().chain(w.chars()));
    for c in chars.filter(|&c| !is_bidi_control(c)) {
        used += c.width().unwrap_or(0);
        if used > width {
            out.truncate(keep);
            if width > 0 {
                out.push('…');
            }
            return out;
        }
        out.push(c);
        if used < width {
            keep = out.len();
        }
    }
    out
}

/// A message for the status bar, cut in the middle when too wide, so that its start (what
/// was done) and its end (a file's name, a reason) both show.
pub fn clip_middle(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let text = clip(text, usize::MAX);
    if text.width() <= width {
        return text;
    }
    let Some(room) = width.checked_sub(1) else {
        return String::new();
    };
    let fits = |room: usize| {
        let mut used = 0;
        move |c: &char| {
            used += c.width().unwrap_or(0);
            used <= room
        }
    };
    let head: String = text.chars().take_while(fits(room / 3)).collect();
    let tail: Vec<char> = text
        .chars()
        .rev()
        .take_while(fits(room - head.width()))
        .collect();
    format!("{head}…{}", tail.into_iter().rev().collect::<String>())
}

/// A dim line for an empty pane.
pub fn empty(what: &str) -> Vec<Line<'static>> {
    vec![Line::styled(format!("no {what}"), theme::dim())]
}

/// An empty pane of the analysis, and why when the text is not English (the analysis then
/// extracts nothing), wrapped to the pane's `width` so that a short pane shows it whole.
pub fn none_found(analysis: &Analysis, what: &str, width: usize) -> Vec<Line<'static>> {
    if analysis.english {
        return empty(what);
    }
    let why = format!("no {what}: the text does not read as English, and only English is analysed");
    textwrap::wrap(&why, width.max(8))
        .into_iter()
        .map(|l| Line::styled(l.into_owned(), theme::dim()))
        .collect()
}
