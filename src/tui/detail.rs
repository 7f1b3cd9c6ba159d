//! The claim detail view (`i`): everything about one claim, wrapped to the box at any
//! width: its whole content, source (with the source's role), cue, kind, hedges, the claims
//! it contradicts and those that contradict it, the other briefings of the library that
//! report or contradict it, the review (status, grade, note) and the corrections made to it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as Text};
use ratatui::widgets::{Paragraph, Wrap};

use super::reader::Reader;
use super::theme;
use super::widgets::{bordered, centred, clear};
use crate::across::related::how;
use crate::export::word;
use crate::review::{Change, Part, Status};
use crate::schema::ClaimIds;

/// The view's rows before wrapping: a label and its words.
pub fn rows(app: &Reader, claim: usize) -> Vec<(&'static str, String)> {
    let (Some(doc), Some(analysis)) = (&app.doc, &app.analysis) else {
        return Vec::new();
    };
    let Some(c) = analysis.claims.get(claim) else {
        return Vec::new();
    };
    let ids = ClaimIds::new(&analysis.claims);
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let content = match &c.fragments {
        Some(parts) => parts
            .iter()
            .map(|&p| one_line(doc.slice(p)))
            .collect::<Vec<_>>(),
        None => vec![one_line(doc.slice(c.span))],
    };
    let mut rows = vec![("content", content.join(" … "))];
    let source = match &c.source {
        Some(source) => {
            let mut words = analysis.source_label(doc, source);
            for actor in source.actors.iter().filter_map(|&a| analysis.actors.get(a)) {
                // the role, unless the source's words already say it
                if let Some(role) = actor.role.as_ref().filter(|r| !words.contains(r.as_str())) {
                    words.push_str(&format!("; {}: {role}", actor.name));
                }
            }
            words
        }
        None => "none given".to_string(),
    };
    rows.push(("source", source));
    if let Some(cue) = c.cue {
        rows.push(("cue", one_line(doc.slice(cue))));
    }
    rows.push(("kind", word(c.kind)));
    if !c.hedges.is_empty() {
        let hedges: Vec<String> = c.hedges.iter().map(|&h| one_line(doc.slice(h))).collect();
        rows.push(("hedged", hedges.join(", ")));
    }
    let quoted = |i: usize| {
        format!(
            "{} “{}”",
            ids.get(i),
            one_line(doc.slice(analysis.claims[i].span))
        )
    };
    for (label, others) in [
        ("contradicts", c.contradicts.clone()),
        (
            "contradicted by",
            (0..analysis.claims.len())
                .filter(|&o| analysis.claims[o].contradicts.contains(&claim))
                .collect(),
        ),
    ] {
        if !others.is_empty() {
            let said: Vec<String> = others.into_iter().map(quoted).collect();
            rows.push((label, said.join("; ")));
        }
    }
    if let Some(across) = app.across(claim) {
        rows.push(("in the library", across.said().join("; ")));
        for (relation, other) in across.others() {
            let quote = one_line(&other.quote);
            rows.push((how(relation), format!("{}: “{quote}”", other.briefing())));
        }
    }
    let review = app.session.as_ref().and_then(|s| s.claim(claim));
    let status = review.map_or(Status::Unreviewed, |r| r.status);
    rows.push(("status", status.to_string()));
    if let Some(grade) = review.and_then(|r| r.grade) {
        rows.push(("grade", grade.to_string()));
    }
    if let Some(note) = review.and_then(|r| r.note.clone()) {
        rows.push(("note", note));
    }
    if let Some(tags) = review.map(|r| r.tags.join(" ")).filter(|t| !t.is_empty()) {
        rows.push(("tags", tags));
    }
    if let Some(by) = review.and_then(|r| r.reviewer.clone()) {
        rows.push(("reviewed by", by));
    }
    if let Some(session) = &app.session {
        let corrections = session.review().live().corrections;
        // a correction names the claim by its words when made: those it has now, and each
        // content it had before one was marked anew (a source marked, then the content)
        let mut known = vec![doc.slice(c.span)];
        for correction in corrections.iter().rev() {
            if let Change::ClaimPart {
                quote,
                part: Part::Content,
                words: Some(words),
                ..
            } = &correction.change
                && known.contains(&words.exact.as_str())
                && !known.contains(&quote.exact.as_str())
            {
                known.push(&quote.exact);
            }
        }
        let known = |quote: &crate::review::Quote| known.contains(&quote.exact.as_str());
        for correction in &corrections {
            let said = match &correction.change {
                Change::AddClaim { quote, .. } if known(quote) => {
                    "added by the analyst".to_string()
                }
                Change::ClaimKind { quote, to, .. } if known(quote) => {
                    format!("kind set to {}", word(to))
                }
                Change::ClaimSource { quote, actor, .. } if known(quote) => {
                    format!("source set to {}", actor.as_deref().unwrap_or("none"))
                }
                Change::ClaimPart {
                    quote, part, words, ..
                } if known(quote) => match words {
                    Some(w) => format!("{} marked: “{}”", part.words(), w.exact),
                    None => "no hedges".to_string(),
                },
                _ => continue,
            };
            let when = correction.updated.strftime("%Y-%m-%d %H:%M");
            rows.push(("corrected", format!("{said} ({when})")));
        }
    }
    rows
}

/// The width of the labels' column, and the gap after it.
const LABELS: usize = 15 + 2;

/// The view over the panes, scrolled down by `scroll` rows. Each row's words are wrapped
/// beside its label, so a long content or note keeps clear of the labels' column.
pub fn draw(frame: &mut Frame, area: Rect, app: &Reader, claim: usize, scroll: u16, hint: &str) {
    let width = area.width.saturating_sub(4).max(20);
    let height = area.height.saturating_sub(2).max(5);
    let place = centred(area, width.min(100), height);
    let room = usize::from(place.width.saturating_sub(2))
        .saturating_sub(LABELS)
        .max(8);
    let lines: Vec<Line> = rows(app, claim)
        .into_iter()
        .flat_map(|(label, words)| {
            let pieces: Vec<String> = words
                .split('\n')
                .flat_map(|line| textwrap::wrap(line, room))
                .map(|piece| piece.into_owned())
                .collect();
            pieces.into_iter().enumerate().map(move |(k, piece)| {
                let label = if k == 0 { label } else { "" };
                Line::from(vec![
                    Text::styled(format!("{label:>15}  "), theme::dim()),
                    Text::raw(piece),
                ])
            })
        })
        .collect();
    clear(frame, place);
    let title = format!(" {} ", app.claim_id(claim));
    let body = Paragraph::new(lines)
        .block(bordered(title, hint))
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0));
    frame.render_widget(body, place);
}
