//! `json`: the contract's analysis with `"review"` added.

use crate::schema::to_json;

use super::Briefing;

pub fn render(b: &Briefing) -> String {
    let analysis = to_json(b.doc, b.analysis, None, Vec::new());
    let mut value = serde_json::to_value(&analysis).expect("the analysis always serialises");
    if let Some(object) = value.as_object_mut() {
        let review = serde_json::to_value(&b.review).expect("a review always serialises");
        object.insert("review".into(), review);
    }
    let mut out = serde_json::to_string_pretty(&value).expect("JSON always serialises");
    out.push('\n');
    out
}
