//! `brief export`: the analysis and the analyst's review in one format, one file per format.
//! Each renderer is a pure function of the [`Briefing`] (no clock, no files).

mod changes;
pub use changes::describe;
mod claimreview;
pub(crate) mod csv;
mod json;
mod md;
pub(crate) mod timelinejs;

use std::collections::HashMap;

use crate::across::related::Across;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::analysis::{Analysis, Claim};
use crate::document::Document;
use crate::review::{ClaimReview, Review, Status};
use crate::schema::ClaimIds;

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
    /// The briefing's file name, which names an untitled briefing.
    file: Option<String>,
    /// The path it was read from, as given ("-" for stdin).
    path: Option<String>,
    /// A CSV export begins with a byte-order mark.
    bom: bool,
    /// What the library says of its claims, by their words: ClaimReview's appearances.
    library: Option<&'a HashMap<String, Across>>,
}

impl<'a> Briefing<'a> {
    pub fn new(doc: &'a Document, analysis: &'a Analysis, review: &Review) -> Self {
        // when each field changed stays in the JSON: `brief import` merges by it
        let review = review.live();
        Briefing {
            doc,
            analysis,
            review,
            file: None,
            path: None,
            bom: false,
            library: None,
        }
    }

    /// The briefing as part of an indexed library: the other briefings that report its
    /// claims (`across::related`) are their appearances in ClaimReview.
    pub fn with_library(mut self, library: Option<&'a HashMap<String, Across>>) -> Self {
        self.library = library;
        self
    }

    /// A CSV export of it begins with a byte-order mark (for spreadsheet programs that
    /// read a file without one in the system's legacy encoding).
    pub fn with_bom(mut self, bom: bool) -> Self {
        self.bom = bom;
        self
    }

    /// The briefing as read from `path` (a file, or a name such as "-" that names none):
    /// without a title, its file name is its title, so that two untitled briefings of one
    /// day are not exported under one name.
    pub fn with_file(mut self, path: &Path) -> Self {
        self.path = Some(path.display().to_string()).filter(|p| !p.is_empty());
        self.file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .filter(|n| !slug(n).is_empty());
        self
    }

    /// Each claim with its id and its review, if it has one.
    fn claims(&self) -> impl Iterator<Item = (String, &Claim, Option<&ClaimReview>)> {
        let ids = self.ids();
        self.analysis
            .claims
            .iter()
            .enumerate()
            .map(move |(i, claim)| {
                let id = ids.get(i);
                let review = self
                    .review
                    .claims
                    .iter()
                    .find(|r| r.claim.as_deref() == Some(id.as_str()));
                (id, claim, review)
            })
    }

    /// Every claim's id (c1 ..., and u1 ... for those the analyst added).
    fn ids(&self) -> ClaimIds {
        ClaimIds::new(&self.analysis.claims)
    }

    /// Everyone who reviewed it: the analyst exporting first, then each colleague whose
    /// items were imported, once.
    fn reviewers(&self) -> Vec<&str> {
        let review = &self.review;
        let items = review.claims.iter().map(|c| c.reviewer.as_deref());
        let items = items
            .chain(review.notes.iter().map(|n| n.reviewer.as_deref()))
            .chain(review.corrections.iter().map(|c| c.reviewer.as_deref()));
        let mut out = vec![review.reviewer.as_str()];
        for name in items.flatten() {
            if !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }

    /// An item's reviewer where it is not the analyst exporting (a colleague's, imported).
    fn other_reviewer<'r>(&self, reviewer: Option<&'r str>) -> Option<&'r str> {
        reviewer.filter(|r| *r != self.review.reviewer)
    }

    /// An item's reviewer: its own, else (a review item written before items carried
    /// one) the analyst exporting.
    fn reviewer_of<'r>(&'r self, reviewer: Option<&'r str>) -> &'r str {
        reviewer.unwrap_or(&self.review.reviewer)
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
            .or(self.file.as_deref())
            .unwrap_or("Untitled briefing")
    }

    /// `<title-slug>-<published or fingerprint>.<ext>`, as the reader's export key names
    /// files. An untitled briefing's slug is its file name's stem; with no file either, the
    /// fingerprint stands in for the date, which would not tell two such briefings apart.
    pub fn file_name(&self, format: Format) -> String {
        let doc = self.doc;
        let stem = |f: &str| Path::new(f).file_stem().map(|s| slug(&s.to_string_lossy()));
        let named = [
            doc.meta.title.as_deref().map(slug),
            self.file.as_deref().and_then(stem),
        ]
        .into_iter()
        .flatten()
        .find(|s| !s.is_empty());
        let fingerprint = || doc.fingerprint.clone();
        let (slug, when) = match named {
            Some(slug) => (
                slug,
                doc.meta
                    .published
                    .map_or_else(fingerprint, |d| d.to_string()),
            ),
            None => ("briefing".to_string(), fingerprint()),
        };
        format!("{slug}-{when}.{}", format.extension())
    }
}

/// A serde enum's word ("assertion", "country").
pub fn word(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn status(review: Option<&ClaimReview>) -> Status {
    review.map_or(Status::Unreviewed, |r| r.status)
}

/// The export, escaped at its edge ([`crate::escape`]): no control character from the
/// briefing, a note or the configuration reaches the file (or the terminal it is shown on)
/// raw, whichever field it came in by.
pub fn render(format: Format, briefing: &Briefing) -> String {
    use crate::escape;
    match format {
        Format::Md => escape::text(&md::render(briefing)),
        Format::Json => escape::json(json::render(briefing)),
        Format::Csv if briefing.bom => format!("\u{feff}{}", escape::csv(&csv::render(briefing))),
        Format::Csv => escape::csv(&csv::render(briefing)),
        Format::Claimreview => escape::json(claimreview::render(briefing)),
        Format::Timelinejs => escape::json(timelinejs::render(briefing)),
    }
}

/// The most characters a slug keeps.
const SLUG_MAX: usize = 60;

/// Lower-case words joined by hyphens, cut after the last whole word that fits in
/// [`SLUG_MAX`] characters (a first word longer than that is cut).
fn slug(title: &str) -> String {
    let mut slug = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word: String = word.chars().flat_map(char::to_lowercase).collect();
        let len = slug.chars().count() + usize::from(!slug.is_empty()) + word.chars().count();
        if len > SLUG_MAX {
            if slug.is_empty() {
                slug = word.chars().take(SLUG_MAX).collect();
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word);
    }
    slug
}

/// Renders `briefing` into `dir` under its [`Briefing::file_name`], atomically (what the
/// reader's export key does), making the folder first if it is missing; returns the path
/// written.
pub fn write_file(dir: &Path, format: Format, briefing: &Briefing) -> io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(briefing.file_name(format));
    let mut out = crate::output::Output::open(Some(&path))?;
    out.write_all(render(format, briefing).as_bytes())?;
    out.finish()?;
    Ok(path)
}
