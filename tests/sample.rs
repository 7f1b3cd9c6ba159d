//! The bundled sample briefing, item by item against its hand annotation (the foundation
//! issue's acceptance list).

use brief::analysis::{Actor, ActorKind, Analysis, ClaimKind, UserLexicon, analyze};
use brief::document::Document;

fn sample() -> (Document, Analysis) {
    let (doc, warnings) = Document::from_bytes(brief::SAMPLE).unwrap();
    assert!(warnings.is_empty());
    let analysis = analyze(&doc, &UserLexicon::default());
    (doc, analysis)
}

fn actor<'a>(analysis: &'a Analysis, name: &str) -> (usize, &'a Actor) {
    let found: Vec<(usize, &Actor)> = analysis
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.name == name)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "exactly one actor {name}: {:?}",
        names(analysis)
    );
    found[0]
}

fn names(analysis: &Analysis) -> Vec<&str> {
    analysis.actors.iter().map(|a| a.name.as_str()).collect()
}

#[test]
fn sample_metadata() {
    let (doc, _) = sample();
    assert_eq!(doc.meta.published, Some(jiff::civil::date(2024, 11, 23)));
    assert!(
        doc.meta
            .title
            .as_deref()
            .is_some_and(|t| t.contains("North Korea"))
    );
}

#[test]
fn sample_actors_with_aliases_and_roles() {
    let (_, analysis) = sample();
    let expect = [
        ("South Korea", ActorKind::Country, &["Seoul"][..]),
        (
            "North Korea",
            ActorKind::Country,
            &["Pyongyang", "the North"],
        ),
        ("Russia", ActorKind::Country, &["Moscow", "the Kremlin"]),
        ("United States", ActorKind::Country, &["Washington"]),
        ("Ukraine", ActorKind::Country, &[]),
        ("SBS", ActorKind::Organization, &[]),
    ];
    for (name, kind, aliases) in expect {
        let (_, a) = actor(&analysis, name);
        assert_eq!(a.kind, kind, "{name}");
        for alias in aliases {
            assert!(
                a.aliases.iter().any(|x| x == alias),
                "{name} lacks alias {alias}: {:?}",
                a.aliases
            );
        }
    }
    let (south_korea, _) = actor(&analysis, "South Korea");
    let (_, shin) = actor(&analysis, "Shin Wonsik");
    assert_eq!(shin.kind, ActorKind::Person);
    assert_eq!(shin.role.as_deref(), Some("National Security Director"));
    assert_eq!(shin.affiliation, Some(south_korea));
    // never a sentence-initial word, a month or a weekday
    for junk in [
        "Despite",
        "However",
        "This",
        "Friday",
        "February",
        "Analysts",
        "According",
    ] {
        assert!(!names(&analysis).contains(&junk), "junk actor {junk}");
    }
}

#[test]
fn sample_claims() {
    let (doc, analysis) = sample();
    let text = |s: brief::document::Span| doc.slice(s).to_string();
    let claim_with = |needle: &str| {
        analysis
            .claims
            .iter()
            .position(|c| text(c.span).contains(needle))
            .unwrap_or_else(|| panic!("no claim containing {needle:?}"))
    };
    let source_names = |i: usize| -> Vec<&str> {
        analysis.claims[i]
            .source
            .as_ref()
            .map(|s| {
                s.actors
                    .iter()
                    .map(|&a| analysis.actors[a].name.as_str())
                    .collect()
            })
            .unwrap_or_default()
    };
    let cue = |i: usize| analysis.claims[i].cue.map(text).unwrap_or_default();
    let hedges =
        |i: usize| -> Vec<String> { analysis.claims[i].hedges.iter().map(|&h| text(h)).collect() };

    let aid = claim_with("has provided significant military aid");
    assert_eq!(cue(aid), "According to");
    assert_eq!(source_names(aid), vec!["Shin Wonsik"]);

    let economic = claim_with("extended a range of economic assistance");
    assert_eq!(cue(economic), "confirmed");
    assert_eq!(source_names(economic), vec!["Shin Wonsik"]);

    let kremlin = claim_with("has not provided any substantial military aid");
    assert_eq!(analysis.claims[kremlin].kind, ClaimKind::Denial);
    assert_eq!(source_names(kremlin), vec!["Russia"]);
    assert!(
        analysis.claims[kremlin].contradicts.contains(&aid),
        "the Kremlin's denial contradicts Shin Wonsik's claim"
    );

    let cooperation = claim_with("formal military cooperation");
    assert_eq!(analysis.claims[cooperation].kind, ClaimKind::Denial);
    let mut both = source_names(cooperation);
    both.sort();
    assert_eq!(both, vec!["North Korea", "Russia"]);

    let warning = (0..analysis.claims.len())
        .find(|&i| cue(i).contains("warned"))
        .expect("the warning");
    assert_eq!(analysis.claims[warning].kind, ClaimKind::Warning);
    let mut warners = source_names(warning);
    warners.sort();
    assert_eq!(warners, vec!["South Korea", "United States"]);

    let belief = claim_with("growing partnership between Russia and North Korea");
    assert!(cue(belief).contains("believe"));
    assert_eq!(analysis.claims[belief].kind, ClaimKind::Assessment);

    let reportedly = claim_with("provided to Pyongyang");
    assert!(analysis.claims[reportedly].source.is_none());
    assert!(hedges(reportedly).iter().any(|h| h == "reportedly"));

    let estimate = claim_with("10,000 North Korean soldiers");
    assert!(analysis.claims[estimate].source.is_none());
    assert_eq!(analysis.claims[estimate].kind, ClaimKind::Estimate);
    assert!(cue(estimate).contains("estimated"));

    let evidence = claim_with("Russia has been supplying anti-air missiles");
    assert_eq!(source_names(evidence), vec!["South Korea"]);
    assert!(
        cue(evidence).contains("suggesting")
            || hedges(evidence).iter().any(|h| h.contains("suggesting"))
    );
}

#[test]
fn sample_times_and_timeline() {
    let (doc, analysis) = sample();
    let time = |words: &str| {
        analysis
            .times
            .iter()
            .find(|t| doc.slice(t.span) == words)
            .unwrap_or_else(|| panic!("no time expression {words:?}"))
    };
    assert_eq!(time("February 2022").value, "2022-02");
    assert_eq!(time("Friday").value, "2024-11-22");
    for word in ["may", "set"] {
        assert!(
            !analysis
                .times
                .iter()
                .any(|t| doc.slice(t.span).eq_ignore_ascii_case(word)),
            "{word} is not a time expression"
        );
    }

    let position = |needle: &str| {
        analysis
            .timeline
            .iter()
            .position(|e| e.label.contains(needle))
            .unwrap_or_else(|| {
                panic!(
                    "no event {needle:?} in {:?}",
                    analysis
                        .timeline
                        .iter()
                        .map(|e| &e.label)
                        .collect::<Vec<_>>()
                )
            })
    };
    let invasion = position("invasion of Ukraine");
    let troops = position("soldiers have been sent");
    let interview = position("interview");
    assert!(
        invasion < troops && troops < interview,
        "invasion, troops, interview in that order"
    );
    let value = |i: usize| {
        analysis.timeline[i]
            .time
            .map(|t| analysis.times[t].value.as_str())
    };
    assert_eq!(value(invasion), Some("2022-02"));
    assert_eq!(value(troops), None);
    assert_eq!(value(interview), Some("2024-11-22"));
    assert!(
        analysis
            .timeline
            .iter()
            .all(|e| e.label.chars().count() <= 64)
    );
}
