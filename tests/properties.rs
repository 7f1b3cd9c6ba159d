//! Properties that hold for any input, checked on generated ones: ingest and analysis never
//! panic, every span lies inside the text on character boundaries, the text carries no
//! control character, and the same input always gives the same analysis.

use brief::analysis::{Analysis, UserLexicon, analyze};
use brief::document::{Document, Meta, Span};
use proptest::prelude::*;

/// Words that make the extractors work: names, cues, dates, quotes, markup, odd scripts.
const WORDS: &[&str] = &[
    "Moscow",
    "said",
    "that",
    "the",
    "Kremlin",
    "denied",
    "on",
    "Friday",
    "February",
    "2022",
    "According",
    "to",
    "Shin",
    "Wonsik",
    ",",
    ".",
    "\"",
    "“",
    "”",
    "’s",
    "It",
    "is",
    "estimated",
    "reportedly",
    "U.S.",
    "Mr.",
    "Feb.",
    "24",
    "a.m.",
    "—",
    "\n",
    "\n\n",
    "# ",
    "*",
    "since",
    "invasion",
    "began",
    "will",
    "warned",
    "not",
    "서울",
    "😀",
    "e\u{301}",
    "مرحبا",
    "\u{202e}",
    "\t",
    "\u{1b}[31m",
    "\r\n",
    "(",
    ")",
    ":",
    "10,000",
    "last",
    "week",
    "SBS",
    "(KBS)",
    "He",
    "they",
    "Pyongyang",
    "North",
    "Korea",
    "ago",
    "two",
    "days",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..120).prop_map(|words| {
        let mut text = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 && !w.starts_with(['\n', ',', '.']) {
                text.push(' ');
            }
            text.push_str(w);
        }
        text
    })
}

fn spans(analysis: &Analysis) -> Vec<Span> {
    let mut all = Vec::new();
    for actor in &analysis.actors {
        all.extend(actor.mentions.iter().map(|m| m.span()));
    }
    for claim in &analysis.claims {
        all.push(claim.span);
        all.push(claim.sentence);
        all.extend(claim.fragments.iter().flatten().copied());
        all.extend(claim.source.iter().map(|s| s.span));
        all.extend(claim.cue);
        all.extend(claim.hedges.iter().copied());
    }
    all.extend(analysis.times.iter().map(|t| t.span));
    all.extend(analysis.timeline.iter().map(|e| e.span));
    all
}

fn check(doc: &Document) -> Result<(), TestCaseError> {
    let text = &doc.text;
    prop_assert!(
        !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "control character in {text:?}"
    );
    let analysis = analyze(doc, &UserLexicon::default());
    for span in spans(&analysis) {
        prop_assert!(
            span.start <= span.end && span.end <= text.len(),
            "{span:?} outside the text"
        );
        prop_assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{span:?} not on character boundaries of {text:?}"
        );
    }
    for (i, claim) in analysis.claims.iter().enumerate() {
        prop_assert!(
            claim
                .contradicts
                .iter()
                .all(|&j| j < analysis.claims.len() && j != i)
        );
        if let Some(source) = &claim.source {
            prop_assert!(source.actors.iter().all(|&a| a < analysis.actors.len()));
        }
    }
    for event in &analysis.timeline {
        prop_assert!(event.time.is_none_or(|t| t < analysis.times.len()));
        prop_assert!(event.actors.iter().all(|&a| a < analysis.actors.len()));
    }
    prop_assert_eq!(
        &analysis,
        &analyze(doc, &UserLexicon::default()),
        "not deterministic"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_bytes_are_read_or_refused_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok((doc, _)) = Document::from_bytes(bytes.as_slice()) {
            check(&doc)?;
        }
    }

    #[test]
    fn news_like_text_gives_a_sound_analysis(text in news_like(), published in prop::option::of(0u32..20000)) {
        let meta = Meta {
            published: published.map(|d| jiff::civil::date(1990, 1, 1) + jiff::Span::new().days(i64::from(d))),
            ..Meta::default()
        };
        let (doc, _) = Document::from_text(&text, meta);
        check(&doc)?;
    }

    #[test]
    fn news_like_files_with_front_matter(text in news_like()) {
        let file = format!("---\ntitle: T\npublished: 2024-11-23\n---\n{text}");
        if let Ok((doc, _)) = Document::from_bytes(file.as_bytes()) {
            check(&doc)?;
        }
    }
}
