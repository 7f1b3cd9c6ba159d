//! The bundled sample briefing, item by item against its hand annotation (the foundation
//! issue's acceptance list).

mod common;

use brief::analysis::{ActorKind, Analysis, ClaimKind, TimexType};
use brief::document::Document;
use common::*;

fn sample() -> (Document, Analysis) {
    analyse(brief::SAMPLE)
}

#[test]
fn sample_metadata() {
    let (doc, _) = sample();
    assert_eq!(doc.meta.published, Some(jiff::civil::date(2024, 11, 23)));
    let title = doc.meta.title.as_deref().unwrap_or_default();
    assert!(title.contains("North Korea"), "{title}");
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
                "{name} lacks {alias}: {:?}",
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
        assert!(
            !analysis.actors.iter().any(|a| a.name == junk),
            "junk actor {junk}"
        );
    }
}

#[test]
fn sample_claims() {
    let (doc, analysis) = sample();
    let claim = |words: &str| claim(&doc, &analysis, words);
    let cue = |i: usize| cue(&doc, &analysis, i);

    let aid = claim("has provided significant military aid");
    assert_eq!(cue(aid), "According to");
    assert_eq!(source(&analysis, aid), vec!["Shin Wonsik"]);

    let economic = claim("extended a range of economic assistance");
    assert_eq!(cue(economic), "confirmed");
    assert_eq!(source(&analysis, economic), vec!["Shin Wonsik"]);

    let kremlin = claim("has not provided any substantial military aid");
    assert_eq!(analysis.claims[kremlin].kind, ClaimKind::Denial);
    assert_eq!(source(&analysis, kremlin), vec!["Russia"]);
    assert!(
        analysis.claims[kremlin].contradicts.contains(&aid),
        "the Kremlin's denial contradicts Shin Wonsik's claim"
    );

    let cooperation = claim("formal military cooperation");
    assert_eq!(analysis.claims[cooperation].kind, ClaimKind::Denial);
    assert_eq!(
        source(&analysis, cooperation),
        vec!["North Korea", "Russia"]
    );

    let warning = (0..analysis.claims.len())
        .find(|&i| cue(i).contains("warned"))
        .expect("the warning");
    assert_eq!(analysis.claims[warning].kind, ClaimKind::Warning);
    assert_eq!(
        source(&analysis, warning),
        vec!["South Korea", "United States"]
    );

    let belief = claim("growing partnership between Russia and North Korea");
    assert!(cue(belief).contains("believe"));
    assert_eq!(analysis.claims[belief].kind, ClaimKind::Assessment);

    let reportedly = claim("provided to Pyongyang");
    assert!(analysis.claims[reportedly].source.is_none());
    assert!(hedges(&doc, &analysis, reportedly).contains(&"reportedly"));

    let estimate = claim("10,000 North Korean soldiers");
    assert!(analysis.claims[estimate].source.is_none());
    assert_eq!(analysis.claims[estimate].kind, ClaimKind::Estimate);
    assert!(cue(estimate).contains("estimated"));

    let evidence = claim("Russia has been supplying anti-air missiles");
    assert_eq!(source(&analysis, evidence), vec!["South Korea"]);
    let suggesting = |s: &str| s.contains("suggesting");
    assert!(
        suggesting(&cue(evidence))
            || hedges(&doc, &analysis, evidence)
                .into_iter()
                .any(suggesting)
    );
}

#[test]
fn sample_times_and_timeline() {
    let (doc, analysis) = sample();
    assert_eq!(
        time(&doc, &analysis, "February 2022"),
        (TimexType::Date, "2022-02".into())
    );
    assert_eq!(
        time(&doc, &analysis, "Friday"),
        (TimexType::Date, "2024-11-22".into())
    );
    for word in ["may", "set"] {
        let tagged = analysis
            .times
            .iter()
            .any(|t| doc.slice(t.span).eq_ignore_ascii_case(word));
        assert!(!tagged, "{word} is not a time expression");
    }

    let invasion = event(&analysis, "invasion of Ukraine");
    let troops = event(&analysis, "soldiers have been sent");
    let interview = event(&analysis, "interview");
    assert!(
        invasion < troops && troops < interview,
        "invasion, troops, interview in that order"
    );
    let value = |i: usize| {
        analysis.timeline[i]
            .time
            .map(|t| analysis.times[t].value.to_string())
    };
    assert_eq!(value(invasion).as_deref(), Some("2022-02"));
    assert_eq!(value(troops), None);
    assert_eq!(value(interview).as_deref(), Some("2024-11-22"));
    assert!(
        analysis
            .timeline
            .iter()
            .all(|e| e.label.chars().count() <= 64)
    );
}

/// The reader's timeline pane at 160x45 (on ratatui's TestBackend, through
/// `tui::Offscreen`): the sample's dated events (the February 2022 invasion, Friday's
/// interview) and the troop deployments between them are all in view, each undated event
/// with the interval it lies in.
#[test]
fn sample_timeline_pane_at_160x45() {
    let (doc, analysis) = sample();
    let mut reader = brief::tui::Offscreen::new(doc, analysis, 160, 45);
    let buffer = reader.draw();
    let area = buffer.area;
    let rows: Vec<String> = (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect();
    // the pane: from its title to its bottom border, the columns of its box
    let top = rows
        .iter()
        .position(|r| r.contains("Timeline"))
        .expect("a timeline pane");
    let left = rows[top]
        .find('┌')
        .map_or(0, |b| rows[top][..b].chars().count());
    let pane: Vec<String> = rows[top..]
        .iter()
        .take_while(|r| r.chars().nth(left).is_none_or(|c| c != '└'))
        .map(|r| r.chars().skip(left).collect::<String>())
        .collect();
    let shown =
        |date: &str, label: &str| pane.iter().any(|r| r.contains(date) && r.contains(label));
    for (date, label) in [
        ("Feb 2022", "the invasion of Ukraine began"),
        ("Feb 2022 – 23 Nov 2024", "the heavy losses"),
        ("before 22 Nov 2024", "North Korean soldier"),
        ("Fri 22 Nov 2024", "Shin Wonsik revealed"),
    ] {
        assert!(
            shown(date, label),
            "{label} ({date}) in view:\n{}",
            pane.join("\n")
        );
    }
    insta::assert_snapshot!("sample_timeline_pane_160x45", pane.join("\n"));
}
