//! The claims pane: two rows a claim, its review (status, grade, a note marker), kind,
//! source, cue and hedges, the other briefings of the library that report it ("+2 (1 src)": two
//! briefings, one independent source) or contradict it ("⟂1 other"), then its words.

use ratatui::text::{Line, Span as Text};

use super::reader::Reader;
use super::theme;
use super::widgets::{clip, none_found, row_style};
use crate::analysis::{Analysis, Claim};
use crate::document::Document;
use crate::review::{ClaimReview, Status};
use crate::schema::ClaimIds;

/// How many digits the ids' column holds.
fn id_digits(analysis: &Analysis) -> usize {
    analysis.claims.len().to_string().len().max(2)
}

/// What marks an item the analyst corrected or added, in every pane.
pub const CORRECTED: &str = "*";

/// The rows in view, as [`Reader::fit`] scrolled the list.
pub fn lines(app: &Reader, width: usize) -> Vec<Line<'static>> {
    let (Some(doc), Some(analysis)) = (&app.doc, &app.analysis) else {
        return Vec::new();
    };
    if app.claim_view.is_empty() {
        return none_found(analysis, "claims", width);
    }
    let ids = ClaimIds::new(&analysis.claims);
    let view = app.claims;
    let reviews = app
        .session
        .as_ref()
        .map(|s| s.by_claim(analysis.claims.len()))
        .unwrap_or_default();
    app.claim_view[view.offset..]
        .iter()
        .take(view.page)
        .enumerate()
        .flat_map(|(k, &i)| {
            let style = row_style(view.offset + k == view.selected);
            let claim = &analysis.claims[i];
            let review = reviews.get(i).copied().flatten();
            let corrected = app.corrected.0.get(i).copied().unwrap_or(false);
            let head = header(app, &ids, i, review, corrected, width);
            let body = Line::from(format!("  {}", clip(&content(doc, claim), width - 2)));
            [head.style(style), body.style(style)]
        })
        .collect()
}

/// "c3 assertion  Shin Wonsik · according to  ~reportedly  ⟂c9"
fn header(
    app: &Reader,
    ids: &ClaimIds,
    i: usize,
    review: Option<&ClaimReview>,
    corrected: bool,
    width: usize,
) -> Line<'static> {
    let (Some(doc), Some(analysis)) = (&app.doc, &app.analysis) else {
        return Line::default();
    };
    let digits = id_digits(analysis);
    let claim = &analysis.claims[i];
    let verdict = verdict(review);
    let id_width = digits + 1;
    // a claim the analyst corrected or added is marked right after its id, in its column
    let id = ids.get(i);
    let mark = if corrected { CORRECTED } else { "" };
    let pad = (id_width + 1).saturating_sub(id.chars().count() + mark.len());
    let mut spans = vec![
        Text::styled(id, theme::dim()),
        Text::styled(mark, theme::key()),
        Text::raw(" ".repeat(pad)),
        Text::styled(
            verdict.clone(),
            theme::status(review.map_or(Status::Unreviewed, |r| r.status)),
        ),
        Text::styled(format!("{:<11}", kind(claim)), theme::cue()),
    ];
    let mut who = match &claim.source {
        Some(source) => analysis.source_label(doc, source),
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
        notes.push(format!("⟂{}", ids.of(&claim.contradicts).join(",")));
    }
    // the library's: other briefings that report it or contradict it
    if let Some(across) = app.across(i) {
        if across.briefings > 0 {
            notes.push(format!("+{} ({} src)", across.briefings, across.sources));
        }
        if across.contradicting() > 0 {
            notes.push(format!("⟂{} other", across.contradicting()));
        }
    }
    // The source gives way first, then the notes, so the row never runs over.
    let noted: usize = notes.iter().map(|n| n.chars().count() + 2).sum();
    let left = width.saturating_sub(14 + digits + verdict.chars().count());
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

/// "✗ disputed B2 ✎ ": the status as a mark and a word (none while unreviewed), the grade,
/// a marker for a note.
pub fn verdict(review: Option<&ClaimReview>) -> String {
    let Some(review) = review.filter(|r| !r.is_empty()) else {
        return String::new();
    };
    let mark = match review.status {
        Status::Unreviewed => "",
        Status::Supported => "✓",
        Status::Disputed => "✗",
        Status::Unverified => "?",
        Status::Rejected => "⊘",
    };
    let mut out = String::new();
    if review.status != Status::Unreviewed {
        out.push_str(&format!("{mark} {} ", review.status));
    }
    if let Some(grade) = review.grade {
        out.push_str(&format!("{grade} "));
    }
    if review.note.is_some() {
        out.push_str("✎ ");
    }
    out
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
