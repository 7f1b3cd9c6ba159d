//! Where everything goes: the title bar, the panes (side by side when wide, tabs when
//! narrow), the status bar, the help overlay, or a notice when the terminal is too small.
//! [`plan`] works the places out from the size and the state; [`draw`] draws them from the
//! state as it is (`&App`), after the shell fitted the state to the plan.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span as Text};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::app::App;
use super::keymap::Keymap;
use super::list::ListView;
use super::reader::Overlay;
use super::reader::{Pane, Reader};
use super::sizes::{MIN_HEIGHT, MIN_WIDTH, Plan};
use super::widgets::{SPINNER, centred, clip, clip_middle, hint, spans_width};
use super::{actors, claims, help, library, overlay, theme, timeline};
use crate::document::DateSource;

/// What the shell shows around the reader: its keys, its message, the mouse, the help.
pub struct Shell<'a> {
    pub keymap: &'a Keymap,
    pub message: Option<&'a str>,
    pub mouse: bool,
    pub help: bool,
    /// A library is open (its keys are shown).
    pub library: bool,
    /// Briefings left with review changes that could not be saved.
    pub lost: usize,
    pub tick: usize,
}

/// Where everything goes in a frame of `area`: a function of the size and the state alone.
pub fn plan(area: Rect, app: &App) -> Plan {
    let mut plan = Plan {
        area,
        too_small: area.width < MIN_WIDTH || area.height < MIN_HEIGHT,
        ..Plan::default()
    };
    if plan.too_small {
        return plan;
    }
    [plan.title, plan.body, plan.status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    if app.help {
        plan.help_hidden = help::hidden(plan.body, &app.keymap, app.library.is_some());
    }
    if let (true, Some(library)) = (app.in_library(), &app.library) {
        let inside = plan.body.inner(Margin::new(1, 1));
        plan.list = Some(inside);
        // the list's first row is its header; the hits have none
        plan.rows = Some(match library.hits {
            Some(_) => inside,
            None => Rect {
                y: inside.y + 1,
                height: inside.height.saturating_sub(1),
                ..inside
            },
        });
        return plan;
    }
    let Some(reader) = &app.reader else {
        return plan;
    };
    plan.narrow = area.width < app.sizes.wide;
    if plan.narrow {
        let [tabs, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(plan.body);
        plan.tab_bar = Some(tabs);
        plan.tabs = tab_places(tabs);
        plan.panes[reader.focus.index()] = Some(body);
    } else {
        let side = app.sizes.side;
        let [left, right] = Layout::horizontal([
            Constraint::Percentage(100 - side),
            Constraint::Percentage(side),
        ])
        .areas(plan.body);
        let [c, a, t] = Layout::vertical([
            Constraint::Percentage(45),
            Constraint::Percentage(25),
            Constraint::Percentage(30),
        ])
        .areas(right);
        plan.panes = [Some(left), Some(c), Some(a), Some(t)];
    }
    if let Some(Overlay::Note { .. }) = &reader.overlay {
        let place = centred(plan.body, 60, plan.body.height.min(14));
        plan.editor = Some(place.inner(Margin::new(1, 1)));
    }
    plan
}

/// Draws the frame `plan` lays out, from the state as it is: drawing changes nothing.
pub fn draw(frame: &mut Frame, app: &App, plan: &Plan) {
    let area = plan.area;
    if plan.too_small {
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
        library::view::draw(frame, app, plan);
        return;
    }
    let shell = Shell {
        keymap: &app.keymap,
        message: app.message.as_deref(),
        mouse: app.mouse,
        help: app.help,
        library: app.library.is_some(),
        lost: app.lost,
        tick: app.tick,
    };
    let Some(reader) = &app.reader else {
        return;
    };
    title_bar(frame, plan.title, reader, &shell);
    if let Some(tabs) = plan.tab_bar {
        tab_bar(frame, tabs, reader);
    }
    for (k, place) in plan.panes.iter().enumerate() {
        if let Some(place) = *place {
            pane(frame, place, reader, &shell, Pane::ALL[k]);
        }
    }
    status_bar(frame, plan.status, reader, &shell, plan.narrow);
    if shell.help {
        help::draw(
            frame,
            plan.body,
            shell.keymap,
            shell.library,
            app.help_scroll,
        );
    } else if reader.overlay.is_some() {
        overlay::draw(frame, plan.body, reader, shell.keymap, plan.editor);
    }
}

/// The title on the left, cut to fit; the date and the review count always on the right.
fn title_bar(frame: &mut Frame, area: Rect, app: &Reader, shell: &Shell) {
    let sep = || Text::styled(" │ ", theme::dim());
    let mut title = app.name.clone();
    let mut date = None;
    let mut marked = None;
    if let Some(doc) = &app.doc {
        if let Some(t) = &doc.meta.title {
            title = t.clone();
        }
        if let Some(source) = doc.meta.source.as_deref().filter(|s| !s.is_empty()) {
            title = format!("{title} │ {source}");
        }
        date = doc.meta.published;
        // a date read from the article, or set in the review, not the briefing's own: the
        // timeline's foot says more
        marked = match doc.meta.published_from {
            Some(DateSource::Dateline) => Some(" (dateline)"),
            Some(DateSource::Review) => Some(" (review)"),
            _ => None,
        };
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
        if let Some(marked) = marked {
            right.push(Text::styled(marked, theme::dim()));
        }
    }
    if let Some((done, n)) = reviewed {
        right.extend([
            sep(),
            Text::styled(format!("{done}/{n} {reviewed_word} "), theme::dim()),
        ]);
        // review changes that could not be written: the count is not on disk
        if app.unsaved || shell.lost > 0 {
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

/// Very narrow terminals drop the tabs' padding so all four still show.
fn tab_padding(area: Rect) -> (&'static str, &'static str) {
    if area.width < 48 {
        ("", " ")
    } else {
        (" ", "  ")
    }
}

fn tab_label(pane: Pane, pad: &str) -> String {
    format!("{pad}{} {}{pad}", pane.index() + 1, pane.title())
}

/// Where each tab's label goes in the tab bar, for the mouse.
fn tab_places(area: Rect) -> Vec<(Pane, Rect)> {
    let (pad, gap) = tab_padding(area);
    let mut x = area.x;
    let mut places = Vec::new();
    for (k, &p) in Pane::ALL.iter().enumerate() {
        let before = if k == 0 { pad } else { gap };
        x = x.saturating_add(Text::raw(before).width() as u16);
        let width = Text::raw(tab_label(p, pad)).width() as u16;
        places.push((p, Rect { x, width, ..area }.intersection(area)));
        x = x.saturating_add(width);
    }
    places
}

fn tab_bar(frame: &mut Frame, area: Rect, app: &Reader) {
    let (pad, gap) = tab_padding(area);
    let mut spans = Vec::new();
    for (k, &p) in Pane::ALL.iter().enumerate() {
        let style = if p == app.focus {
            theme::selected().patch(theme::title(true))
        } else {
            theme::dim()
        };
        spans.push(Text::raw(if k == 0 { pad } else { gap }));
        spans.push(Text::styled(tab_label(p, pad), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn pane(frame: &mut Frame, area: Rect, app: &Reader, shell: &Shell, pane: Pane) {
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
        let percent = app.article.drawn_percent();
        // a PDF's page at the top of the view, as an analyst cites it
        let page = doc
            .page_at(app.article.drawn_span().start)
            .map_or(String::new(), |p| {
                format!("p. {p} of {} · ", doc.pages.len())
            });
        block = block.title_top(Line::from(format!(" {page}{percent}% ")).right_aligned());
    }
    let room = usize::from(area.width).saturating_sub(2);
    if pane == Pane::Timeline
        && let Some(hint) = timeline::date_foot(app, room)
    {
        block = block.title_bottom(Line::styled(clip(&hint, room), theme::dim()));
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let waiting = match (&app.doc, &app.analysis) {
        (None, _) => Some("reading"),
        (Some(_), None) if pane != Pane::Article => Some("analysing"),
        _ => None,
    };
    if let Some(what) = waiting {
        let spin = SPINNER[shell.tick % SPINNER.len()];
        let line = Line::styled(format!("{spin} {what}…"), theme::dim());
        frame.render_widget(Paragraph::new(line), inner);
        return;
    }
    let width = usize::from(inner.width);
    let lines = match pane {
        Pane::Article => app.article_lines(),
        Pane::Claims => claims::lines(app, width),
        Pane::Actors => actors::lines(app, width),
        Pane::Timeline => timeline::lines(app, width),
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
fn count(app: &Reader, pane: Pane) -> String {
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
    let status = app.status_filter.map(|s| s.to_string());
    let status = status
        .or_else(|| app.tag_filter.as_ref().map(|t| format!("#{t}")))
        .filter(|_| pane == Pane::Claims);
    match (
        app.filter.and_then(|a| analysis.actors.get(a)),
        status.as_deref(),
    ) {
        (Some(actor), _) if pane != Pane::Actors => {
            let status = status.as_deref().map_or(String::new(), |s| format!(" {s}"));
            format!(" {shown} of {total}{status} · {}", actor.name)
        }
        (_, Some(status)) => format!(" {shown} of {total} {status}"),
        _ if shown < total && pane == Pane::Claims => format!(" {shown} of {total}"),
        _ => format!(" {total}"),
    }
}

fn status_bar(frame: &mut Frame, area: Rect, app: &Reader, shell: &Shell, narrow: bool) {
    use super::action::Action::*;
    let show = |action| {
        let what = match action {
            Back if app.filter.is_some()
                || app.status_filter.is_some()
                || app.tag_filter.is_some() =>
            {
                "clear filter"
            }
            _ => action.describe(),
        };
        hint(shell.keymap, action, what)
    };
    let mut spans = Vec::new();
    let search = &app.search;
    if let Some(message) = shell.message {
        let room = usize::from(area.width).saturating_sub(1);
        spans.push(Text::styled(
            format!(" {}", clip_middle(message, room)),
            theme::key(),
        ));
    } else if let Some(overlay) = &app.overlay {
        spans.push(Text::styled(
            format!(" {}", overlay::hint(overlay, shell.keymap)),
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
            spans.extend(hint(shell.keymap, action, what));
        }
    } else if search.editing {
        spans.push(Text::styled(format!(" /{}", search.query), theme::key()));
        spans.push(Text::styled("▏", theme::key()));
        spans.push(Text::raw(format!("  {}", matches(app))));
        let keep = overlay::prompt_hint(shell.keymap);
        spans.push(Text::styled(format!("  {keep}"), theme::dim()));
    } else if shell.help {
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
        let filtered = app.filter.is_some() || app.status_filter.is_some();
        let filter: &[_] = match (filtered || app.tag_filter.is_some(), shell.library) {
            (true, _) => &[Back],
            (false, true) => &[OpenLibrary],
            (false, false) => &[],
        };
        let extra: &[_] = if narrow { &[NextPane] } else { &[] };
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
        if shell.mouse {
            spans.push(Text::styled(" mouse on", theme::dim()));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme::bar()), area);
}

/// "3/120"; while the count goes on, "3/80+", or "?/80+" for a match beyond it.
fn matches(app: &Reader) -> String {
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
