//! Any bytes through ingest and the whole analysis and the JSON schema: no panic, and every
//! span inside the text on character boundaries.
#![no_main]

use brief::analysis::{UserLexicon, analyze};
use brief::document::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok((doc, _)) = Document::from_bytes(bytes) else {
        return;
    };
    let analysis = analyze(&doc, &UserLexicon::default());
    let json = brief::schema::to_json(&doc, &analysis, None, Vec::new());
    let text = &doc.text;
    for time in &analysis.times {
        assert!(text.is_char_boundary(time.span.start) && text.is_char_boundary(time.span.end));
    }
    for claim in &analysis.claims {
        assert!(claim.span.end <= text.len() && text.is_char_boundary(claim.span.start));
    }
    serde_json::to_string(&json).expect("the analysis serialises");
});
