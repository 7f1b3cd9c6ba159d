//! The extractors on articles of other shapes than the sample, written for these tests
//! (`tests/fixtures/`): a wire story, a quote-heavy piece, an explainer with many dates, a
//! forum post.

mod common;

use brief::analysis::{ActorKind, ClaimKind, TimexType};
use common::*;

fn load(name: &str) -> (brief::document::Document, brief::analysis::Analysis) {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    analyse(&std::fs::read(path).unwrap())
}

#[test]
fn wire_story() {
    let (doc, analysis) = load("wire.md");
    let (chile_at, chile) = actor(&analysis, "Chile");
    assert_eq!(chile.kind, ActorKind::Country);
    // "reporters in Santiago": the capital as the place where it happens, of its country
    let (_, santiago) = actor(&analysis, "Santiago");
    assert_eq!(santiago.kind, ActorKind::Place);
    assert_eq!(santiago.affiliation, Some(chile_at));
    let (_, peru) = actor(&analysis, "Peru");
    assert!(peru.aliases.iter().any(|a| a == "Lima"));
    assert!(peru.aliases.iter().any(|a| a == "Peruvian"));
    let (_, vargas) = actor(&analysis, "Alberto Vargas");
    assert_eq!(vargas.kind, ActorKind::Person);
    assert_eq!(vargas.role.as_deref(), Some("Foreign Minister"));
    assert_eq!(
        actor(&analysis, "Chilean Foreign Ministry").1.kind,
        ActorKind::Organization
    );

    assert_eq!(
        time(&doc, &analysis, "Thursday"),
        (TimexType::Date, "2023-06-08".into())
    );
    assert_eq!(
        time(&doc, &analysis, "March 2020"),
        (TimexType::Date, "2020-03".into())
    );
    assert_eq!(
        time(&doc, &analysis, "next month"),
        (TimexType::Date, "2023-07".into())
    );
    assert_eq!(
        time(&doc, &analysis, "last year"),
        (TimexType::Date, "2022".into())
    );
    assert_eq!(
        time(&doc, &analysis, "October"),
        (TimexType::Date, "2023-10".into())
    );

    let closed = event(&analysis, "crossings that were closed");
    let agreed = event(&analysis, "Chile and Peru agreed");
    let reopen = event(&analysis, "crossings would reopen");
    assert!(closed < agreed && agreed < reopen);

    let statement = claim(&doc, &analysis, "agreed on Thursday to reopen");
    assert_eq!(cue(&doc, &analysis, statement), "said in a statement");
    assert_eq!(
        source(&analysis, statement),
        vec!["Chilean Foreign Ministry"]
    );
    let quote = claim(&doc, &analysis, "This is good news");
    assert_eq!(source(&analysis, quote), vec!["Alberto Vargas"]);
    let belief = claim(&doc, &analysis, "the deal could ease tensions");
    assert_eq!(analysis.claims[belief].kind, ClaimKind::Assessment);
}

#[test]
fn quote_heavy_piece() {
    let (doc, analysis) = load("quotes.md");
    let (_, okafor) = actor(&analysis, "Helen Okafor");
    assert_eq!(okafor.kind, ActorKind::Person);
    assert_eq!(okafor.role.as_deref(), Some("Mayor"));
    assert!(okafor.aliases.iter().any(|a| a == "Okafor"));
    let (_, union) = actor(&analysis, "Transit Workers Union");
    assert_eq!(union.kind, ActorKind::Organization);
    assert!(union.aliases.iter().any(|a| a == "TWU"));
    assert_eq!(actor(&analysis, "Marcus Reid").1.kind, ActorKind::Person);

    assert_eq!(
        time(&doc, &analysis, "Monday"),
        (TimexType::Date, "2022-03-14".into())
    );
    assert_eq!(time(&doc, &analysis, "every week").0, TimexType::Set);

    let denial = claim(&doc, &analysis, "the city plans to cut night bus services");
    assert_eq!(analysis.claims[denial].kind, ClaimKind::Denial);
    assert_eq!(source(&analysis, denial), vec!["Helen Okafor"]);
    let never = claim(&doc, &analysis, "We have never proposed");
    assert_eq!(source(&analysis, never), vec!["Helen Okafor"]);
    let insisted = claim(&doc, &analysis, "the cuts were already in the draft budget");
    assert_eq!(source(&analysis, insisted), vec!["Transit Workers Union"]);
    let seen = claim(&doc, &analysis, "We have seen the documents");
    assert_eq!(source(&analysis, seen), vec!["Marcus Reid"]);
    let warning = claim(&doc, &analysis, "drivers would strike");
    assert_eq!(analysis.claims[warning].kind, ClaimKind::Warning);
    let estimate = claim(&doc, &analysis, "40,000 people use the night buses");
    assert_eq!(analysis.claims[estimate].kind, ClaimKind::Estimate);
    assert!(analysis.claims[estimate].source.is_none());
    let reported = claim(&doc, &analysis, "among the busiest");
    assert!(hedges(&doc, &analysis, reported).contains(&"reportedly"));
}

#[test]
fn explainer_with_many_dates() {
    let (doc, analysis) = load("explainer.md");
    let cases = [
        ("1998", TimexType::Date, "1998"),
        ("a decade", TimexType::Duration, "P10Y"),
        ("4 February 2019", TimexType::Date, "2019-02-04"),
        ("two days later", TimexType::Date, "2019-02-06"),
        ("March 2021", TimexType::Date, "2021-03"),
        ("next year", TimexType::Date, "2022"),
        ("the past three years", TimexType::Duration, "P3Y"),
        ("the 1990s", TimexType::Date, "199"),
    ];
    for (words, kind, value) in cases {
        assert_eq!(
            time(&doc, &analysis, words),
            (kind, value.to_string()),
            "{words}"
        );
    }
    assert_eq!(time(&doc, &analysis, "every summer").0, TimexType::Set);

    let order: Vec<usize> = [
        "dam was completed",
        "farmers first complained",
        "court ordered the operator",
        "operator appealed the ruling",
        "water levels have risen",
        "appeal was heard",
        "decision is expected",
    ]
    .iter()
    .map(|words| event(&analysis, words))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // headings name topics, they are not events
    assert!(
        !analysis
            .timeline
            .iter()
            .any(|e| e.label.contains("dispute began"))
    );
    let risen = event(&analysis, "water levels have risen");
    assert!(
        analysis.timeline[risen].time.is_none(),
        "placed by 'since the ruling', not dated"
    );
}

#[test]
fn forum_post() {
    let (_, analysis) = load("forum.md");
    for (name, kind) in [
        ("Kevin Brooks", ActorKind::Person),
        ("Sarah Jennings", ActorKind::Person),
        ("Deloitte", ActorKind::Organization),
        ("Fidelity", ActorKind::Organization),
        ("Vanguard", ActorKind::Organization),
        ("Chicago", ActorKind::Place),
    ] {
        assert_eq!(actor(&analysis, name).1.kind, kind, "{name}");
    }
    // a currency's country prefix is no actor; a capital that speaks is its country
    assert!(!analysis.actors.iter().any(|a| a.name == "United States"));
    let (_, russia) = actor(&analysis, "Russia");
    assert!(russia.aliases.iter().any(|a| a == "Moscow"));
}

#[test]
fn a_source_through_an_office_or_a_spokesman_is_the_actor_meant() {
    let (doc, analysis) = analyse(
        "Prime Minister Ana Torres met the envoy on Monday. Mr. Halvorsen accepted the \
         apology, the prime minister's office said. The office of President Luis Mora said \
         the talks would resume. A spokesman for Chancellor Karl Weber said the plan was dead. \
         Senator Jane Cole's office said the bill would pass."
            .as_bytes(),
    );
    for (words, actor) in [
        ("Halvorsen accepted the apology", "Ana Torres"),
        ("the talks would resume", "Luis Mora"),
        ("the plan was dead", "Karl Weber"),
        ("the bill would pass", "Jane Cole"),
    ] {
        let c = claim(&doc, &analysis, words);
        assert_eq!(source(&analysis, c), vec![actor], "{words}");
    }
    // the office of a prime minister the text does not name is nobody it names: not the
    // person of the claim
    let (doc, analysis) =
        analyse(b"Mr. Halvorsen accepted the apology, the prime minister's office said.");
    let c = claim(&doc, &analysis, "Halvorsen accepted the apology");
    assert!(source(&analysis, c).is_empty());
}

#[test]
fn a_role_set_off_before_or_after_a_name_with_its_organisation() {
    let (_, analysis) = analyse(
        "A spokesman, Tomas Brenner, said the plant had closed. Velmar Bank's chief economist, \
         Ana Ruiz, disagreed. The Regional Coordinator, Ines Varga, urged calm. Major Jo Ames, \
         a NATO spokeswoman, said the drills would go on."
            .as_bytes(),
    );
    let role = |name: &str| actor(&analysis, name).1.role.clone();
    assert_eq!(role("Tomas Brenner").as_deref(), Some("spokesman"));
    assert_eq!(role("Ana Ruiz").as_deref(), Some("chief economist"));
    let (bank, _) = actor(&analysis, "Velmar Bank");
    assert_eq!(actor(&analysis, "Ana Ruiz").1.affiliation, Some(bank));
    // a title before the apposed name is the person's role, no organisation of its own
    assert_eq!(role("Ines Varga").as_deref(), Some("Regional Coordinator"));
    assert!(
        !analysis
            .actors
            .iter()
            .any(|a| a.name.contains("Coordinator"))
    );
    // a rank, then the post that names its organisation
    let ames = actor(&analysis, "Jo Ames").1;
    assert_eq!(ames.role.as_deref(), Some("spokeswoman"));
    let nato = ames.affiliation.map(|a| analysis.actors[a].name.as_str());
    assert!(
        nato.is_some_and(|n| n.contains("North Atlantic")),
        "{nato:?}"
    );
}

#[test]
fn an_organisations_first_word_later_is_the_same_actor() {
    let (doc, analysis) = analyse(
        "Economists at Brixtane Systems cut their forecast on Monday. Brixtane said growth \
         would slow, and a MacBook Pro sold out while the MacBook did not."
            .as_bytes(),
    );
    let (_, firm) = actor(&analysis, "Brixtane Systems");
    assert_eq!(firm.aliases, vec!["Brixtane"]);
    let c = claim(&doc, &analysis, "growth would slow");
    assert_eq!(source(&analysis, c), vec!["Brixtane Systems"]);
    // a product line and its model stay two
    assert!(
        !analysis
            .actors
            .iter()
            .any(|a| a.aliases.iter().any(|x| x == "MacBook"))
    );
    // two names beginning with the word: neither
    let (_, analysis) = analyse(
        b"Brixtane Bank and Brixtane Group both cut forecasts. Brixtane said growth would slow.",
    );
    assert!(actor(&analysis, "Brixtane Bank").1.aliases.is_empty());
}
