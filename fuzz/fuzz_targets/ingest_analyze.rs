//! Any bytes through ingest and the whole analysis and the JSON schema: no panic, and every
//! span inside the text on character boundaries. A file of several briefings (a feed, an
//! mbox, a message with attachments) has its first items read too. Seeds: `tests/fixtures`
//! (with its `feeds/` and `mail/`), given as a second corpus folder.
#![no_main]

use brief::analysis::{UserLexicon, analyze};
use brief::document::Document;
use libfuzzer_sys::fuzz_target;
use std::sync::Once;

/// libFuzzer's panic hook aborts on any panic, even one brief catches: a PDF crate's panic,
/// which brief contains and turns into the file's one error line, is no failure here.
static QUIET_WHEN_CONTAINED: Once = Once::new();

fuzz_target!(|bytes: &[u8]| {
    QUIET_WHEN_CONTAINED.call_once(|| {
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !brief::document::containing_a_panic() {
                abort(info);
            }
        }));
    });
    if let Ok((doc, _)) = Document::from_bytes(bytes) {
        check(&doc);
    }
    if let Some(Ok(items)) = brief::document::items(bytes, &mut Vec::new()) {
        for item in items.into_iter().take(4) {
            if let Ok((doc, _)) = Document::from_item(item) {
                check(&doc);
            }
        }
    }
});

fn check(doc: &Document) {
    let analysis = analyze(doc, &UserLexicon::default());
    let json = brief::schema::to_json(doc, &analysis, None, Vec::new());
    let text = &doc.text;
    for time in &analysis.times {
        assert!(text.is_char_boundary(time.span.start) && text.is_char_boundary(time.span.end));
    }
    for claim in &analysis.claims {
        assert!(claim.span.end <= text.len() && text.is_char_boundary(claim.span.start));
    }
    serde_json::to_string(&json).expect("the analysis serialises");
}
