//! `json`: the contract's analysis with `"review"` added.

use serde::Serialize;

use crate::review::Review;
use crate::schema::{AnalysisJson, to_json};

use super::Briefing;

#[derive(Serialize)]
struct Export<'a> {
    #[serde(flatten)]
    analysis: AnalysisJson<'a>,
    review: &'a Review,
}

pub fn render(b: &Briefing) -> String {
    let export = Export {
        analysis: to_json(b.doc, b.analysis, None, Vec::new()),
        review: &b.review,
    };
    let mut out = serde_json::to_string_pretty(&export).expect("the analysis always serialises");
    out.push('\n');
    out
}
