//! Where everything goes: the title bar, the panes (side by side when wide, tabs when
//! narrow), the status bar, the help overlay, or a notice when the terminal is too small.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span as Text};
use ratatui::widgets::{Block, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::action::Action;
use super::app::{App, ListView, Pane};
use super::keymap::Keymap;
use super::{actors, claims, help, library, overlay, theme, timeline};
use crate::analysis::Analysis;
use crate::document::DateSource;

/// Below this, only a notice: 40x12 still shows a whole pane.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

pub const SPINNER: [char; 4] = ['|', '/', '-', '\\'];

/// How the panes share the screen (`[layout]` in the configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneSizes {
    /// Percent of the width for the right-hand column when the panes sit side by side.
    pub side: u16,
    /// Columns from which the panes sit side by side; below, they are tabs.
    pub wide: u16,
}

impl PaneSizes {
    /// The range `side` may take: each column keeps room to be read.
    pub const SIDE: std::ops::RangeInclusive<u16> = 20..=80;
    /// The range `wide` may take: from the smallest usable terminal up.
    pub const WIDE: std::ops::RangeInclusive<u16> = MIN_WIDTH..=1000;
}

impl Default for PaneSizes {
    fn default() -> Self {
        PaneSizes {
            side: 42,
            wide: 100,
        }
    }
}

pub fn draw(frame: &mut Frame, app: &mut App) {
    let area = frame.area();
    app.rects = [None; 4];
    app.tabs.clear();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let notice = Paragraph::new(vec![
            Line::from("terminal too small"),
            Line::from(format!(
                "need {MIN_WIDTH}x{MIN_HEIGHT}, have {}x{}",
                area.width, area.height
            )),
            Line::from("q quits"),
        ])
        .centered();
        let y = area.height.saturating_sub(3) / 2;
        frame.render_widget(
            notice,
            Rect {
                y,
                height: area.height - y,
                ..area
            },
        );
        return;
    }
    if app.in_library() {
        library::view::draw(frame, area, app);
        return;
    }
    app.narrow = area.width < app.sizes.wide;
    let [title, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    title_bar(frame, title, app);
    if app.narrow {
        let [tabs, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
        tab_bar(frame, tabs, app);
        pane(frame, body, app, app.focus);
    } else {
        let side = app.sizes.side;
        let [left, right] = Layout::horizontal([
            Constraint::Percentage(100 - side),
            Constraint::Percentage(side),
        ])
        .areas(body);
        pane(frame, left, app, Pane::Article);
        let [c, a, t] = Layout::vertical([
            Constraint::Percentage(45),
            Constraint::Percentage(25),
            Constraint::Percentage(30),
        ])
        .areas(right);
        pane(frame, c, app, Pane::Claims);
        pane(frame, a, app, Pane::Actors);
        pane(frame, t, app, Pane::Timeline);
    }
    status_bar(frame, status, app);
    if app.help {
        help::draw(frame, body, app);
    } else if app.overlay.is_some() {
        overlay::draw(frame, body, app);
    }
}

/// The title on the left, cut to fit; the date and the review count always on the right.
fn title_bar(frame: &mut Frame, area: Rect, app: &App) {
    let sep = || Text::styled(" │ ", theme::dim());
    let mut title = app.name.clone();
    let mut date = None;
    let mut from_dateline = false;
    if let Some(doc) = &app.doc {
        if let Some(t) = &doc.meta.title {
            title = t.clone();
        }
        if let Some(source) = doc.meta.source.as_deref().filter(|s| !s.is_empty()) {
            title = format!("{title} │ {source}");
        }
        date = doc.meta.published;
        from_dateline = doc.meta.published_from == Some(DateSource::Dateline);
    }
    let reviewed = app
        .analysis
        .as_ref()
        .map(|a| (app.reviewed(), a.claims.len()));
    // Narrower terminals get shorter forms; the title keeps at least a few words.
    let width = usize::from(area.width);
    let (date_format, reviewed_word) = match width {
        0..60 => (None, "reviewed"),
        60..100 => (Some("%-d %b %Y"), "reviewed"),
        _ => (Some("%a %-d %b %Y"), "claims reviewed"),
    };
    let mut right = Vec::new();
    if let (Some(date), Some(format)) = (date, date_format) {
        right.extend([sep(), Text::raw(date.strftime(format).to_string())]);
        // a date read from the article, not given: the timeline's foot says more
        if from_dateline {
            right.push(Text::styled(" (dateline)", theme::dim()));
        }
    }
    if let Some((done, n)) = reviewed {
        right.extend([
            sep(),
            Text::styled(format!("{done}/{n} {reviewed_word} "), theme::dim()),
        ]);
        // review changes that could not be written: the count is not on disk
        if app.unsaved || app.lost > 0 {
            right.push(Text::styled("not saved ", theme::current_match()));
        }
    }
    let right_width: usize = right.iter().map(|s| s.width()).sum();
    let room = usize::from(area.width).saturating_sub(right_width + 9);
    let mut spans = vec![
        Text::styled(" brief", theme::key()),
        sep(),
        Text::styled(clip(&title, room), theme::title(false)),
    ];
    let used: usize = spans.iter().map(|s| s.width()).sum();
    spans.push(Text::raw(" ".repeat(
        usize::from(area.width).saturating_sub(used + right_width),
    )));
    spans.extend(right);
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme::bar()), area);
}

fn tab_bar(frame: &mut Frame, area: Rect, app: &mut App) {
    // Very narrow terminals drop the padding so all four tabs still show.
    let (pad, gap) = if area.width < 48 {
        ("", " ")
    } else {
        (" ", "  ")
    };
    let mut spans = Vec::new();
    let mut x = area.x;
    for (k, &p) in Pane::ALL.iter().enumerate() {
        let style = if p == app.focus {
            theme::selected().patch(theme::title(true))
        } else {
            theme::dim()
        };
        let before = Text::raw(if k == 0 { pad } else { gap });
        let label = Text::styled(format!("{pad}{} {}{pad}", k + 1, p.title()), style);
        x = x.saturating_add(before.width() as u16);
        let width = label.width() as u16;
        app.tabs
            .push((p, Rect { x, width, ..area }.intersection(area)));
        x = x.saturating_add(width);
        spans.extend([before, label]);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn pane(frame: &mut Frame, area: Rect, app: &mut App, pane: Pane) {
    let focused = app.focus == pane;
    let number = Pane::ALL.iter().position(|&p| p == pane).unwrap_or(0) + 1;
    let mut block = Block::bordered()
        .border_style(theme::border(focused))
        .title(Line::styled(
            format!(" {number} {}{} ", pane.title(), count(app, pane)),
            theme::title(focused),
        ));
    if pane == Pane::Article
        && let Some(doc) = &app.doc
    {
        block =
            block.title_top(Line::from(format!(" {}% ", app.article.percent(doc))).right_aligned());
    }
    let room = usize::from(area.width).saturating_sub(2);
    if pane == Pane::Timeline
        && let Some(hint) = timeline::date_foot(app, room)
    {
        block = block.title_bottom(Line::styled(clip(&hint, room), theme::dim()));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    app.rects[number - 1] = Some(inner);
    let waiting = match (&app.doc, &app.analysis) {
        (None, _) => Some("reading"),
        (Some(_), None) if pane != Pane::Article => Some("analysing"),
        _ => None,
    };
    if let Some(what) = waiting {
        let spin = SPINNER[app.tick % SPINNER.len()];
        let line = Line::styled(format!("{spin} {what}…"), theme::dim());
        frame.render_widget(Paragraph::new(line), inner);
        return;
    }
    let (width, height) = (usize::from(inner.width), usize::from(inner.height));
    let lines = match pane {
        Pane::Article => app.article_lines(width, height),
        Pane::Claims => claims::lines(app, width, height),
        Pane::Actors => actors::lines(app, width, height),
        Pane::Timeline => timeline::lines(app, width, height),
    };
    frame.render_widget(Paragraph::new(lines), inner);
    if pane != Pane::Article {
        scrollbar(frame, area, app.list(pane), app.list_len(pane));
    }
}

/// A list longer than its pane gets a scrollbar on its right border: where the view is, and
/// how much of the list it shows.
fn scrollbar(frame: &mut Frame, area: Rect, view: ListView, len: usize) {
    if len <= view.page {
        return;
    }
    let mut state = ScrollbarState::new(len - view.page)
        .position(view.offset)
        .viewport_content_length(view.page);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some("│"))
        .thumb_symbol("┃")
        .thumb_style(theme::border(true));
    let track = area.inner(Margin::new(0, 1));
    frame.render_stateful_widget(bar, track, &mut state);
}

/// The count beside a list pane's title: "12", or "3 of 12 · North Korea" when filtered.
fn count(app: &App, pane: Pane) -> String {
    let Some(analysis) = &app.analysis else {
        return String::new();
    };
    let total = match pane {
        Pane::Article => return String::new(),
        Pane::Claims => analysis.claims.len(),
        Pane::Actors => analysis.actors.len(),
        Pane::Timeline => analysis.timeline.len(),
    };
    let shown = app.list_len(pane);
    let status = app.status_filter.filter(|_| pane == Pane::Claims);
    match (app.filter.and_then(|a| analysis.actors.get(a)), status) {
        (Some(actor), _) if pane != Pane::Actors => {
            let status = status.map_or(String::new(), |s| format!(" {s}"));
            format!(" {shown} of {total}{status} · {}", actor.name)
        }
        (_, Some(status)) => format!(" {shown} of {total} {status}"),
        _ if shown < total && pane == Pane::Claims => format!(" {shown} of {total}"),
        _ => format!(" {total}"),
    }
}

fn status_bar(frame: &mut Frame, area: Rect, app: &App) {
    use super::action::Action::*;
    let show = |action| {
        let what = match action {
            Back if app.filter.is_some() || app.status_filter.is_some() => "clear filter",
            _ => action.describe(),
        };
        hint(&app.keymap, action, what)
    };
    let mut spans = Vec::new();
    let search = &app.search;
    if let Some(message) = &app.message {
        let room = usize::from(area.width).saturating_sub(1);
        spans.push(Text::styled(
            format!(" {}", clip_middle(message, room)),
            theme::key(),
        ));
    } else if let Some(overlay) = &app.overlay {
        spans.push(Text::styled(
            format!(" {}", overlay::hint(overlay, &app.keymap)),
            theme::dim(),
        ));
    } else if let Some(selection) = app.selection {
        let moving = if selection.start_moves {
            "start"
        } else {
            "end"
        };
        spans.push(Text::styled(format!(" {moving} moves:"), theme::dim()));
        for (action, what) in [
            (Down, "sentence on"),
            (Up, "back"),
            (SelectNextWord, "word on"),
            (SelectPreviousWord, "back"),
            (SelectOtherEnd, "other end"),
            (Note, "note"),
            (AddClaim, "claim"),
            (Back, "cancel"),
        ] {
            spans.extend(hint(&app.keymap, action, what));
        }
    } else if search.editing {
        spans.push(Text::styled(format!(" /{}", search.query), theme::key()));
        spans.push(Text::styled("▏", theme::key()));
        spans.push(Text::raw(format!("  {}", matches(app))));
        spans.push(Text::styled("  enter keep · esc cancel", theme::dim()));
    } else if app.help {
        for action in [Down, Up, Back, Quit] {
            spans.extend(show(action));
        }
    } else {
        if !search.query.is_empty() {
            spans.push(Text::styled(
                format!(" /{} {} ", search.query, matches(app)),
                theme::current_match(),
            ));
        }
        // The pane's keys while they fit; help and quit always.
        let mut room = usize::from(area.width).saturating_sub(spans_width(&spans) + 24);
        let filter: &[_] = match (app.filter.or(app.status_filter.map(|_| 0)), &app.library) {
            (Some(_), _) => &[Back],
            (None, Some(_)) => &[OpenLibrary],
            (None, None) => &[],
        };
        let extra: &[_] = if app.narrow { &[NextPane] } else { &[] };
        for &action in filter.iter().chain(app.focus.actions()).chain(extra) {
            if matches!(action, NextMatch | PrevMatch) && search.shown.is_none() {
                continue;
            }
            let pair = show(action);
            let width = spans_width(&pair);
            if width <= room {
                room -= width;
                spans.extend(pair);
            }
        }
        for action in [Help, Quit] {
            spans.extend(show(action));
        }
        if app.mouse {
            spans.push(Text::styled(" mouse on", theme::dim()));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme::bar()), area);
}

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

/// "3/120"; while the count goes on, "3/80+", or "?/80+" for a match beyond it.
fn matches(app: &App) -> String {
    let search = &app.search;
    let n = search.matches.len();
    let more = if search.matches.counted() { "" } else { "+" };
    match (search.current, search.shown) {
        _ if search.query.is_empty() => String::new(),
        (Some(k), _) => format!("{}/{n}{more}", k + 1),
        (None, Some(_)) => format!("?/{n}{more}"),
        (None, None) => "no match".into(),
    }
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

/// Bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) reorder
/// how a terminal shows the text around them, so a briefing could make its words read
/// otherwise than they are; they are kept in the text (offsets need them) but never drawn.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// A piece of the article as drawn: tabs as spaces, no bidirectional controls.
pub fn drawable(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_bidi_control(c))
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect()
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
