//! `brief export`: the analysis and the analyst's review in one format, one file per format.
//! Each renderer is a pure function of the [`Briefing`] (no clock, no files).

mod claimreview;
mod csv;
mod json;
mod md;
mod timelinejs;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::analysis::{Analysis, Claim};
use crate::document::Document;
use crate::review::{ClaimReview, Review, Status};
use crate::schema::claim_id;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A briefing note to send on (Markdown)
    #[default]
    Md,
    /// The analysis plus the review
    Json,
    /// One row per claim
    Csv,
    /// schema.org ClaimReview JSON-LD for each reviewed claim
    Claimreview,
    /// The timeline as TimelineJS JSON
    Timelinejs,
}

impl Format {
    /// The file name ending (two JSON formats must not collide in one folder).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Claimreview => "claimreview.jsonld",
            Format::Timelinejs => "timeline.json",
        }
    }
}

/// What an export shows: a briefing, its analysis, and the review attached to that analysis.
pub struct Briefing<'a> {
    pub doc: &'a Document,
    pub analysis: &'a Analysis,
    /// Without tombstones ([`Review::live`]).
    pub review: Review,
}

impl<'a> Briefing<'a> {
    pub fn new(doc: &'a Document, analysis: &'a Analysis, review: &Review) -> Self {
        Briefing {
            doc,
            analysis,
            review: review.live(),
        }
    }

    /// Each claim with its id and its review, if it has one.
    fn claims(&self) -> impl Iterator<Item = (String, &Claim, Option<&ClaimReview>)> {
        self.analysis.claims.iter().enumerate().map(|(i, claim)| {
            let id = claim_id(i);
            let review = self
                .review
                .claims
                .iter()
                .find(|r| r.claim.as_deref() == Some(id.as_str()));
            (id, claim, review)
        })
    }

    fn source(&self, claim: &Claim) -> Option<String> {
        let source = claim.source.as_ref()?;
        Some(self.analysis.source_label(self.doc, source))
    }

    fn title(&self) -> &str {
        self.doc
            .meta
            .title
            .as_deref()
            .unwrap_or("Untitled briefing")
    }
}

/// A serde enum's word ("assertion", "country").
fn word(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn status(review: Option<&ClaimReview>) -> Status {
    review.map_or(Status::Unreviewed, |r| r.status)
}

pub fn render(format: Format, briefing: &Briefing) -> String {
    match format {
        Format::Md => md::render(briefing),
        Format::Json => json::render(briefing),
        Format::Csv => csv::render(briefing),
        Format::Claimreview => claimreview::render(briefing),
        Format::Timelinejs => timelinejs::render(briefing),
    }
}

/// `<title-slug>-<published or fingerprint>.<ext>`, as the reader's export key names files.
pub fn file_name(doc: &Document, format: Format) -> String {
    let mut slug = String::new();
    for c in doc.meta.title.as_deref().unwrap_or("briefing").chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.chars().count() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "briefing" } else { slug };
    let when = doc
        .meta
        .published
        .map_or_else(|| doc.fingerprint.clone(), |d| d.to_string());
    format!("{slug}-{when}.{}", format.extension())
}

/// Renders `briefing` into `dir` under its [`file_name`], atomically (what the reader's
/// export key does); returns the path written.
pub fn write_file(dir: &Path, format: Format, briefing: &Briefing) -> io::Result<PathBuf> {
    let path = dir.join(file_name(briefing.doc, format));
    let mut out = crate::output::Output::open(Some(&path))?;
    out.write_all(render(format, briefing).as_bytes())?;
    out.finish()?;
    Ok(path)
}
