//! The claims pane: two rows a claim, its kind, source, cue and hedges, then its words.

use ratatui::text::{Line, Span as Text};

use super::app::App;
use super::layout::{clip, empty, row_style};
use super::theme;
use crate::analysis::Claim;
use crate::document::Document;

pub fn lines(app: &mut App, width: usize, height: usize) -> Vec<Line<'static>> {
    let (Some(doc), Some(analysis)) = (&app.doc, &app.analysis) else {
        return Vec::new();
    };
    if app.claim_view.is_empty() {
        return empty("claims");
    }
    app.claims.scrolled(height / 2, app.claim_view.len());
    let digits = analysis.claims.len().to_string().len().max(2);
    let view = app.claims;
    app.claim_view[view.offset..]
        .iter()
        .take(view.page)
        .enumerate()
        .flat_map(|(k, &i)| {
            let style = row_style(view.offset + k == view.selected);
            let claim = &analysis.claims[i];
            let head = header(doc, i, claim, width, digits);
            let body = Line::from(format!("  {}", clip(&content(doc, claim), width - 2)));
            [head.style(style), body.style(style)]
        })
        .collect()
}

/// "c3 assertion  Shin Wonsik · according to  ~reportedly  ⟂c9"
fn header(doc: &Document, i: usize, claim: &Claim, width: usize, digits: usize) -> Line<'static> {
    let mut spans = vec![
        Text::styled(format!("c{:<digits$} ", i + 1), theme::dim()),
        Text::styled(format!("{:<11}", kind(claim)), theme::cue()),
    ];
    let mut who = match &claim.source {
        Some(source) => doc.slice(source.span).to_string(),
        None => "(no source)".to_string(),
    };
    if let Some(cue) = claim.cue {
        who.push_str(" · ");
        who.push_str(doc.slice(cue));
    }
    let mut notes = Vec::new();
    if !claim.hedges.is_empty() {
        let hedges: Vec<&str> = claim.hedges.iter().map(|&h| doc.slice(h)).collect();
        notes.push(format!("~{}", hedges.join(", ")));
    }
    if !claim.contradicts.is_empty() {
        let ids: Vec<String> = claim
            .contradicts
            .iter()
            .map(|c| format!("c{}", c + 1))
            .collect();
        notes.push(format!("⟂{}", ids.join(",")));
    }
    // The source gives way first, then the notes, so the row never runs over.
    let noted: usize = notes.iter().map(|n| n.chars().count() + 2).sum();
    let left = width.saturating_sub(14 + digits);
    let room = left.saturating_sub(noted).max(left.min(12));
    let who = clip(&who, room);
    let mut left = left.saturating_sub(who.chars().count());
    spans.push(Text::styled(who, theme::source()));
    for note in notes {
        let note = clip(&note, left.saturating_sub(2));
        left = left.saturating_sub(note.chars().count() + 2);
        spans.push(Text::styled(format!("  {note}"), theme::hedge()));
    }
    Line::from(spans)
}

fn kind(claim: &Claim) -> String {
    serde_json::to_value(claim.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The claim's words; split claims show their fragments joined by "…".
fn content(doc: &Document, claim: &Claim) -> String {
    match &claim.fragments {
        Some(parts) => parts
            .iter()
            .map(|&p| doc.slice(p))
            .collect::<Vec<_>>()
            .join(" … "),
        None => doc.slice(claim.span).to_string(),
    }
}
