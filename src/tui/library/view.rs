//! The library's screen: a title bar, the list of briefings (or the hits of a search across
//! them) in one bordered pane, and a status bar with the keys that work there.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as Text};
use ratatui::widgets::{Block, Paragraph};

use super::across::{self, Across};
use super::{Entry, Hits, Library, Status};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Keymap;
use crate::tui::sizes::Plan;
use crate::tui::widgets::{SPINNER, clip, empty, hint, row_style, spans_width};
use crate::tui::{help, theme};

/// The library's screen, in the places `plan` gives it.
pub fn draw(frame: &mut Frame, app: &App, plan: &Plan) {
    let (title, body, status) = (plan.title, plan.body, plan.status);
    let spin = SPINNER[app.tick % SPINNER.len()];
    let Some(library) = &app.library else {
        return;
    };
    title_bar(frame, title, library, spin);
    let block = Block::bordered().border_style(theme::border(true));
    let (block, lines) = match (&library.across, &library.hits) {
        (Some(view), _) => {
            let block = block.title(Line::styled(view.title.clone(), theme::title(true)));
            let inner = block.inner(body);
            let lines = across_lines(view, inner);
            (block, lines)
        }
        (None, Some(hits)) => {
            let label = hits_label(hits, library.briefings());
            let block = block.title(Line::styled(label, theme::title(true)));
            let inner = block.inner(body);
            let lines = hit_lines(hits, &library.entries, inner);
            (block, lines)
        }
        (None, None) => {
            let shown = if library.filter.text.is_empty() {
                format!("{}", library.briefings())
            } else {
                format!("{} of {}", library.view.len(), library.briefings())
            };
            let unread = library.unread_count();
            let order = library.order.describe();
            let label = format!(" Briefings {shown} · {unread} unread · {order} ");
            let block = block.title(Line::styled(label, theme::title(true)));
            let inner = block.inner(body);
            let lines = entry_lines(library, inner, spin);
            (block, lines)
        }
    };
    frame.render_widget(Paragraph::new(lines).block(block), body);
    let message = app.message.as_deref();
    status_bar(frame, status, library, (&app.keymap, app.mouse), message);
    if app.help {
        help::draw(frame, body, &app.keymap, true, app.help_scroll);
    }
}

/// A view across briefings: its rows from the scroll offset, a link or an item indented
/// under its actor or briefing.
fn across_lines(view: &Across, inner: Rect) -> Vec<Line<'static>> {
    if view.rows.is_empty() {
        return empty("actor, claim or event across briefings yet");
    }
    let width = usize::from(inner.width);
    view.rows[view.view.offset..]
        .iter()
        .take(view.view.page)
        .enumerate()
        .map(|(k, row)| {
            let style = row_style(view.view.offset + k == view.view.selected);
            let (lead, look) = match (&row.kind, row.inner) {
                (across::Kind::Link(_), _) => ("    ", theme::dim()),
                (across::Kind::Group(..), _) => ("", theme::title(false)),
                (_, true) => ("    ", Style::new()),
                _ => ("", theme::title(false)),
            };
            let text = clip(&row.text, width.saturating_sub(lead.len()));
            Line::from(vec![Text::raw(lead), Text::styled(text, look)]).style(style)
        })
        .collect()
}

fn title_bar(frame: &mut Frame, area: Rect, library: &Library, spin: char) {
    let sep = || Text::styled(" │ ", theme::dim());
    let place = match library.roots.as_slice() {
        [one] => one.display().to_string(),
        many => format!("{} paths", many.len()),
    };
    let reading = library.reading();
    let right = if reading > 0 {
        format!("{spin} reading {reading} ")
    } else {
        let n = library.briefings();
        format!("{n} briefing{} ", plural(n))
    };
    let room = usize::from(area.width).saturating_sub(right.chars().count() + 20);
    let mut spans = vec![
        Text::styled(" brief", theme::key()),
        sep(),
        Text::styled("Library", theme::title(false)),
        sep(),
        Text::raw(clip(&place, room)),
    ];
    let used = spans_width(&spans);
    let width = right.chars().count();
    spans.push(Text::raw(
        " ".repeat(usize::from(area.width).saturating_sub(used + width)),
    ));
    spans.push(Text::styled(right, theme::dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme::bar()), area);
}

/// The mark of an unread briefing, in a column of its own before the date.
const UNREAD: &str = "N ";

/// Column widths for a list of `width` (less the unread mark): date, title, source, claims.
fn columns(width: usize) -> (usize, usize, usize, usize) {
    let width = width.saturating_sub(UNREAD.len());
    let date = 10;
    let claims = 6;
    let source = if width >= 90 { (width / 5).min(28) } else { 0 };
    let gaps = if source > 0 { 6 } else { 4 };
    let title = width.saturating_sub(date + claims + source + gaps);
    (date, title, source, claims)
}

fn entry_lines(library: &Library, inner: Rect, spin: char) -> Vec<Line<'static>> {
    if library.view.is_empty() {
        return empty(if library.entries.is_empty() {
            "briefings here"
        } else {
            "briefing matches the filter"
        });
    }
    let width = usize::from(inner.width);
    let (date_w, title_w, source_w, claims_w) = columns(width);
    let mut header = format!(
        "{}{}  {}  ",
        pad("", UNREAD.len()),
        pad("Date", date_w),
        pad("Title", title_w)
    );
    if source_w > 0 {
        header.push_str(&format!("{}  ", pad("Source", source_w)));
    }
    header.push_str(&format!("{:>claims_w$}", "Claims"));
    let mut lines = vec![Line::styled(header, theme::dim())];
    let view = library.list;
    for (k, &i) in library.view[view.offset..]
        .iter()
        .take(view.page)
        .enumerate()
    {
        let entry = &library.entries[i];
        let style = row_style(view.offset + k == view.selected);
        let date = entry.published().map_or("—".to_string(), |d| d.to_string());
        let mark = match library.unread(i) {
            Some(true) => Text::styled(UNREAD, theme::unread()),
            _ => Text::raw(pad("", UNREAD.len())),
        };
        let mut spans = vec![
            mark,
            Text::styled(format!("{date:<date_w$}  "), theme::time()),
            Text::raw(pad(entry.title(), title_w)),
            Text::raw("  "),
        ];
        if source_w > 0 {
            spans.push(Text::styled(
                pad(entry.source().unwrap_or(""), source_w),
                theme::source(),
            ));
            spans.push(Text::raw("  "));
        }
        spans.push(Text::raw(format!("{:>claims_w$}", claims(entry, spin))));
        let mut line = Line::from(spans).style(style);
        if let Status::Failed(why) = &entry.status {
            let name = clip(&entry.name, title_w);
            let room = width.saturating_sub(date_w + 4 + name.chars().count());
            line = Line::from(vec![
                Text::raw(format!("{:<w$}  {name}  ", "", w = date_w + UNREAD.len())),
                Text::styled(clip(why, room), theme::hedge()),
            ])
            .style(style);
        }
        lines.push(line);
    }
    lines
}

/// The claims column: "reviewed/total".
fn claims(entry: &Entry, spin: char) -> String {
    match (&entry.status, entry.claims()) {
        (_, Some((reviewed, total))) => format!("{reviewed}/{total}"),
        (Status::Reading, _) => spin.to_string(),
        _ => String::new(),
    }
}

/// Clipped to `width` columns and padded to it.
fn pad(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let text = clip(text, width);
    let fill = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(fill))
}

fn hits_label(hits: &Hits, total: usize) -> String {
    let mut briefings: Vec<usize> = hits.list.iter().map(|h| h.entry).collect();
    briefings.dedup();
    if hits.pending {
        return format!(" Search all {total}: searching… ");
    }
    let more = if hits.capped { "+" } else { "" };
    let (found, inside) = (hits.list.len(), briefings.len());
    format!(
        " Search all {total}: {found}{more} hit{} in {inside} briefing{} ",
        plural(found),
        plural(inside)
    )
}

/// The ending of a count's noun.
fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn hit_lines(hits: &Hits, entries: &[Entry], inner: Rect) -> Vec<Line<'static>> {
    if hits.list.is_empty() {
        return empty(if hits.query.text.is_empty() {
            "search yet: type the words to find"
        } else if hits.pending {
            "hits yet: searching"
        } else {
            "hits"
        });
    }
    let width = usize::from(inner.width);
    let title_w = (width / 3).min(32);
    let view = hits.view;
    hits.list[view.offset..]
        .iter()
        .take(view.page)
        .enumerate()
        .map(|(k, hit)| {
            let style = row_style(view.offset + k == view.selected);
            // A briefing's title heads its first hit on the screen only.
            let first = k == 0 || hits.list[view.offset + k - 1].entry != hit.entry;
            let title = if first {
                entries[hit.entry].title()
            } else {
                ""
            };
            let claim = hit.claim.map_or(String::new(), |c| format!("c{} ", c + 1));
            let room = width.saturating_sub(title_w + 2 + claim.chars().count());
            Line::from(vec![
                Text::styled(pad(title, title_w), theme::title(false)),
                Text::raw("  "),
                Text::styled(claim, theme::cue()),
                Text::raw(clip(&hit.context, room)),
            ])
            .style(style)
        })
        .collect()
}

fn status_bar(
    frame: &mut Frame,
    area: Rect,
    library: &Library,
    (keys, mouse): (&Keymap, bool),
    message: Option<&str>,
) {
    use Action::*;
    let mut spans = Vec::new();
    let prompt = match &library.hits {
        Some(hits) if hits.query.editing => Some((
            format!(" search all: {}", hits.query.text),
            if hits.pending {
                "searching…".to_string()
            } else {
                format!("{} hits", hits.list.len())
            },
        )),
        _ if library.filter.editing => Some((
            format!(" /{}", library.filter.text),
            format!("{} of {}", library.view.len(), library.entries.len()),
        )),
        _ => None,
    };
    if let Some((typed, count)) = prompt {
        spans.push(Text::styled(typed, theme::key()));
        spans.push(Text::styled("▏", theme::key()));
        spans.push(Text::raw(format!("  {count}")));
        let keep = crate::tui::overlay::prompt_hint(keys);
        spans.push(Text::styled(format!("  {keep}"), theme::dim()));
    } else {
        // what the app has to say ("the review is not saved: q again quits") comes first
        if let Some(message) = message {
            spans.push(Text::styled(format!(" {message} "), theme::current_match()));
        } else if let Some(notice) = &library.notice {
            spans.push(Text::styled(format!(" {notice} "), theme::current_match()));
        } else if !library.filter.text.is_empty() && library.hits.is_none() {
            spans.push(Text::styled(
                format!(" /{} ", library.filter.text),
                theme::current_match(),
            ));
        }
        let back = match &library.hits {
            _ if library.across.is_some() => Some("back"),
            Some(_) => Some("close search"),
            None if !library.filter.text.is_empty() => Some("clear filter"),
            None => None,
        };
        let mut wanted = vec![(Open, "open")];
        if let Some(what) = back {
            wanted.push((Back, what));
        }
        let on_source = library
            .across
            .as_ref()
            .and_then(|a| a.selected())
            .is_some_and(|r| matches!(r.kind, super::across::Kind::Source(..)));
        if on_source {
            wanted.extend([(Grade, "next letter"), (ClearStatus, "as suggested")]);
        } else if library.across.is_some() {
            wanted.extend([(MarkSupported, "accept"), (MarkRejected, "reject")]);
            wanted.push((ClearStatus, "undecide"));
        }
        if library.across.is_some() {
            wanted.extend([
                (LibraryActors, "actors"),
                (LibraryClaims, "claims"),
                (LibrarySources, "sources"),
                (LibraryTimeline, "timeline"),
            ]);
        } else {
            if library.hits.is_none() {
                wanted.extend([
                    (Search, "filter"),
                    (Sort, "order"),
                    (NextUnread, "unread"),
                    (ToggleRead, "read"),
                ]);
            }
            wanted.extend([(SearchLibrary, "search all"), (Rescan, "rescan")]);
        }
        let mut room = usize::from(area.width).saturating_sub(spans_width(&spans) + 24);
        for (action, what) in wanted {
            let pair = hint(keys, action, what);
            let width = spans_width(&pair);
            if width <= room {
                room -= width;
                spans.extend(pair);
            }
        }
        for action in [Help, Quit] {
            spans.extend(hint(keys, action, action.describe()));
        }
        if mouse {
            spans.push(Text::styled(" mouse on", theme::dim()));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme::bar()), area);
}
