//! People, organisations, countries, places and groups, with aliases merged.
//!
//! [`mentions`] finds the names, [`expansions`] joins the pieces of a name its acronym spells,
//! [`metonymy`] makes a capital travelled to a place, [`cluster`] merges those that stand for
//! one actor, [`roles`] reads titles and appositions, [`anaphora`] links pronouns and nominals
//! ("the ministry") to the actors named before them; the tables are in [`gazetteer`],
//! [`gender`] and [`nominals`].

mod anaphora;
mod cluster;
mod described;
mod expansions;
pub(crate) mod gazetteer;
mod gender;
mod mentions;
mod metonymy;
mod nominals;
pub mod recogniser;
mod roles;

use super::lexicon::UserLexicon;
use super::model::{Actor, ActorKind, Timex};
use super::syntax::Syntax;
use super::tokens::Token;
use crate::document::Document;

/// Whether a word (as written) is an ordinary word of English, by the gazetteer's word lists.
pub fn is_english_word(word: &str) -> bool {
    gazetteer::GAZETTEER.is_common(word)
}

/// Whether a word is among the most frequent of English: an [`is_english_word`] found by
/// one hash probe, where a rarer word takes a bisection of the dictionary.
pub fn is_frequent_word(word: &str) -> bool {
    gazetteer::GAZETTEER.rank(word).is_some()
}

/// What the rules alone find in a text, a code for each token, as the learned recogniser
/// reads it (for its training).
pub fn rule_evidence(doc: &Document, tokens: &[Token], times: &[Timex]) -> Vec<u64> {
    mentions::rule_evidence(&doc.text, tokens, times)
}

/// The sentences [`extract`] reads the parse of: those with a capital after "to" or "from".
pub fn wants_parse(text: &str) -> impl Fn(&[Token]) -> bool + '_ {
    metonymy::wants_parse(text)
}

pub fn extract(
    doc: &Document,
    tokens: &[Token],
    times: &[Timex],
    syntax: &Syntax,
    lexicon: &UserLexicon,
) -> Vec<Actor> {
    let cands = mentions::recognise(&doc.text, tokens, times, lexicon);
    let mut cands = expansions::join(&doc.text, tokens, times, cands);
    metonymy::places(&doc.text, tokens, syntax, &mut cands);
    let mut clustered = cluster::cluster(&doc.text, tokens, &cands);
    roles::assign(&doc.text, tokens, &cands, &mut clustered);
    anaphora::link(&doc.text, tokens, &cands, &mut clustered);
    affiliate_capitals(&mut clustered.actors);
    clustered.actors
}

/// A capital named as a place of its own ("the bombing in Nairobi") is affiliated to its
/// country when the text names that too.
fn affiliate_capitals(actors: &mut [Actor]) {
    for i in 0..actors.len() {
        if actors[i].kind != ActorKind::Place || actors[i].affiliation.is_some() {
            continue;
        }
        if let Some(gazetteer::Entry::Seat(country)) =
            gazetteer::GAZETTEER.lookup(&gazetteer::key(&actors[i].name))
        {
            actors[i].affiliation = actors.iter().position(|a| a.name == country);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::model::MentionForm;
    use crate::analysis::tokens::tokenize;
    use crate::document::Meta;

    fn actors_with(text: &str, lexicon: &UserLexicon) -> (Document, Vec<Actor>) {
        let (doc, _) = Document::from_text(text, Meta::default());
        let tokens = tokenize(&doc);
        let syntax = Syntax::of_sentences(&doc, &tokens, wants_parse(&doc.text));
        let actors = extract(&doc, &tokens, &[], &syntax, lexicon);
        (doc, actors)
    }

    fn actors(text: &str) -> Vec<Actor> {
        actors_with(text, &UserLexicon::default()).1
    }

    fn find<'a>(actors: &'a [Actor], name: &str) -> &'a Actor {
        actors
            .iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("no actor {name} in {actors:#?}"))
    }

    fn names(actors: &[Actor]) -> Vec<&str> {
        actors.iter().map(|a| a.name.as_str()).collect()
    }

    #[test]
    fn a_currency_prefix_is_no_actor() {
        let found =
            actors("The frigate cost US$ 40 million and HK$ 3 million more, the navy said.");
        assert!(
            found
                .iter()
                .all(|a| a.name != "United States" && a.name != "Hong Kong"),
            "{:?}",
            names(&found)
        );
    }

    #[test]
    fn of_for_the_and_stay_inside_an_organisations_name() {
        let found = actors(
            "Scholars at the Bureau for Coastal and Inland Studies disagreed. The Foundation \
             for the Study of War agreed, and the Department of Mining and Ministry of Roads \
             did not comment.",
        );
        for name in [
            "Bureau for Coastal and Inland Studies",
            "Foundation for the Study of War",
        ] {
            assert_eq!(find(&found, name).kind, ActorKind::Organization, "{name}");
        }
        // a cue word after "and" starts a name of its own
        assert!(
            !names(&found).iter().any(|n| n.contains("Mining and")),
            "{:?}",
            names(&found)
        );
    }

    #[test]
    fn an_ordinary_word_with_a_capital_is_no_name_when_the_model_says_so() {
        let found = actors(
            "Thanks For The Prompt Service. The Meal was great and the Staff were kind to us, \
             so I will be back with Maria Lopez next week.",
        );
        assert!(!names(&found).contains(&"Meal"), "{:?}", names(&found));
        assert_eq!(find(&found, "Maria Lopez").kind, ActorKind::Person);
    }

    #[test]
    fn in_a_text_written_as_i_to_you_the_model_decides_the_names() {
        let personal = actors(
            "I ordered the Deluxe Plan for my mother and I think you will love the Customer \
             Care too. My sister Anna Berg works at Harlow Bank in Leeds.",
        );
        assert!(
            !names(&personal).contains(&"Customer Care"),
            "{:?}",
            names(&personal)
        );
        assert_eq!(find(&personal, "Anna Berg").kind, ActorKind::Person);
        assert_eq!(find(&personal, "Harlow Bank").kind, ActorKind::Organization);
        assert_eq!(find(&personal, "Leeds").kind, ActorKind::Place);
        // the same words in the third person: the capitals read as edited text's
        let edited = actors(
            "She ordered the Deluxe Plan for her mother and thinks others will love the \
             Customer Care too. Her sister Anna Berg works at Harlow Bank in Leeds.",
        );
        assert!(
            names(&edited).contains(&"Customer Care"),
            "{:?}",
            names(&edited)
        );
    }

    #[test]
    fn a_connector_of_a_foreign_place_name_stays_inside_it() {
        let found = actors("Storms flooded Dar es Salaam and Vila dos Remos on Sunday.");
        assert_eq!(find(&found, "Dar es Salaam").kind, ActorKind::Place);
        assert!(
            names(&found).contains(&"Vila dos Remos"),
            "{:?}",
            names(&found)
        );
    }

    #[test]
    fn vessels_and_facilities_are_of_kind_other() {
        let found = actors(
            "The frigate HMS Valour and the USS Tern escorted the convoy. Inspectors visited \
             the Tolvik nuclear test site and the Brask reactor.",
        );
        for name in ["HMS Valour", "USS Tern", "Tolvik", "Brask"] {
            assert_eq!(find(&found, name).kind, ActorKind::Other, "{name}");
        }
        let found = actors(
            "The survey ship Eskil Varn left port. Families fled to Umm Saraf camp, and the \
             wounded were taken to the Dorna field hospital. The Smith camp stayed quiet.",
        );
        for name in ["Eskil Varn", "Umm Saraf", "Dorna"] {
            assert_eq!(find(&found, name).kind, ActorKind::Other, "{name}");
        }
        // a person's following is no facility
        assert_ne!(find(&found, "Smith").kind, ActorKind::Other);
    }

    #[test]
    fn a_capital_where_something_happens_is_a_place_of_its_country() {
        let found =
            actors("A bus exploded in Nairobi on Monday. Kenya condemned it and Moscow said so.");
        let nairobi = find(&found, "Nairobi");
        assert_eq!(nairobi.kind, ActorKind::Place);
        let kenya = found.iter().position(|a| a.name == "Kenya");
        assert!(kenya.is_some(), "{:?}", names(&found));
        assert_eq!(nairobi.affiliation, kenya);
        // a capital that speaks is its government
        assert_eq!(find(&found, "Russia").kind, ActorKind::Country);
    }

    #[test]
    fn a_wire_datelines_capital_is_a_place_of_its_country() {
        let found = actors(
            "ATHENS, March 14 (Wire) - Greece accused Turkey on Thursday. Talks in Athens failed.",
        );
        // one place, the dateline's and the sentence's
        let athens = find(&found, "Athens");
        assert_eq!(athens.mentions.len(), 2, "{:?}", names(&found));
        assert_eq!(athens.kind, ActorKind::Place);
        let greece = found.iter().position(|a| a.name == "Greece");
        assert!(greece.is_some(), "{:?}", names(&found));
        assert_eq!(athens.affiliation, greece);
    }

    #[test]
    fn a_possessive_after_a_plural_of_people_is_inside_the_name() {
        let found = actors(
            "Talks resumed on Monday. The Toiling People's Front said so, and officials of the \
             Workers' Party of Korea agreed. Velmar's Mayor Ana Rusk welcomed them.",
        );
        for name in ["Toiling People's Front", "Workers' Party of Korea"] {
            assert_eq!(find(&found, name).kind, ActorKind::Organization, "{name}");
        }
        // after a name, a possessive ends it
        assert_eq!(find(&found, "Ana Rusk").kind, ActorKind::Person);
        assert!(
            !names(&found).iter().any(|n| n.contains("Velmar's")),
            "{:?}",
            names(&found)
        );
    }

    #[test]
    fn multi_word_names_and_possessives() {
        let (doc, found) = actors_with(
            "The United Kingdom’s envoy met Maria Gonzalez in New York on Tuesday.",
            &UserLexicon::default(),
        );
        assert_eq!(
            names(&found),
            vec!["United Kingdom", "Maria Gonzalez", "New York"]
        );
        let uk = &found[0];
        assert_eq!(uk.kind, ActorKind::Country);
        let span = uk.mentions[0].span();
        assert_eq!(&doc.text[span.start..span.end], "United Kingdom");
        assert_eq!(find(&found, "Maria Gonzalez").kind, ActorKind::Person);
        assert_eq!(find(&found, "New York").kind, ActorKind::Place);
    }

    #[test]
    fn a_name_after_the_port_of_or_the_village_of_is_a_place() {
        let found = actors("Drones struck the port of Varnoka and the village of Ostrelt.");
        assert_eq!(find(&found, "Varnoka").kind, ActorKind::Place);
        assert_eq!(find(&found, "Ostrelt").kind, ActorKind::Place);
    }

    #[test]
    fn a_name_after_the_article_is_no_person() {
        let found = actors("Fighters of the Northern Shield met Tomas Brenner on Monday.");
        assert_eq!(
            find(&found, "Northern Shield").kind,
            ActorKind::Organization
        );
        assert_eq!(find(&found, "Tomas Brenner").kind, ActorKind::Person);
    }

    #[test]
    fn a_surname_that_is_also_a_rare_word_starts_a_name_at_a_sentence_start() {
        let found = actors("Shin Hyeonsu revealed the plan on Friday.");
        assert_eq!(names(&found), vec!["Shin Hyeonsu"]);
        // an everyday word before a name is no part of it
        let found = actors("Later Abramovitz said the talks had failed.");
        assert_eq!(names(&found), vec!["Abramovitz"]);
        // nor a surname-like word before a known first name
        let found = actors("Key Maria Lopez said the talks had failed.");
        assert_eq!(names(&found), vec!["Maria Lopez"]);
    }

    #[test]
    fn capitals_seats_and_demonyms_stand_for_their_country() {
        let found = actors(
            "Iran and Israel traded threats. Tehran said the Israeli strikes failed, and the \
             White House urged calm while Washington weighed sanctions on Iranian banks.",
        );
        assert_eq!(names(&found), vec!["Iran", "Israel", "United States"]);
        assert_eq!(found[0].aliases, vec!["Tehran", "Iranian"]);
        assert_eq!(found[1].aliases, vec!["Israeli"]);
        assert_eq!(found[1].mentions[1].form, MentionForm::Demonym);
        assert_eq!(found[2].aliases, vec!["the White House", "Washington"]);
    }

    #[test]
    fn a_demonym_in_the_plural_or_a_country_adjective_stands_for_its_country() {
        let found = actors(
            "Nigerians queued for fuel while Saudi officials met a Philippine envoy. \
             Chinese and Swiss banks lent to Kazakh firms.",
        );
        assert_eq!(
            names(&found),
            vec![
                "Nigeria",
                "Saudi Arabia",
                "Philippines",
                "China",
                "Switzerland",
                "Kazakhstan"
            ]
        );
        assert_eq!(found[0].aliases, vec!["Nigerians"]);
    }

    #[test]
    fn the_north_is_the_north_korea_of_the_text() {
        let found = actors("North Korea fired a missile. The South condemned the North.");
        assert_eq!(names(&found), vec!["North Korea"]);
        assert_eq!(found[0].aliases, vec!["the North"]);
        // no country named North-something: no actor
        assert!(actors("Troops moved to the North.").is_empty());
    }

    #[test]
    fn people_merge_with_their_surname_and_a_following_pronoun() {
        let found = actors("Helen Carter visited the plant. Carter praised the workers. She left.");
        assert_eq!(names(&found), vec!["Helen Carter"]);
        let forms: Vec<MentionForm> = found[0].mentions.iter().map(|m| m.form).collect();
        assert_eq!(
            forms,
            vec![MentionForm::Name, MentionForm::Name, MentionForm::Pronoun]
        );
        assert_eq!(found[0].aliases, vec!["Carter"]);
        let found = actors("Police found Maria Lopez on Monday. Officers said Maria was safe.");
        assert_eq!(names(&found), vec!["Maria Lopez"]);
        assert_eq!(found[0].aliases, vec!["Maria"]);
    }

    #[test]
    fn roles_from_titles_and_appositions() {
        let found = actors(
            "Defense Secretary Lloyd Austin spoke first. Akira Tanabe, Japan's Foreign \
             Minister, replied.",
        );
        let austin = find(&found, "Lloyd Austin");
        assert_eq!(austin.role.as_deref(), Some("Defense Secretary"));
        let tanabe = find(&found, "Akira Tanabe");
        assert_eq!(tanabe.role.as_deref(), Some("Foreign Minister"));
        let japan = found.iter().position(|a| a.name == "Japan");
        assert_eq!(tanabe.affiliation, japan);
        let found = actors("Shares fell after Zentro CEO Maria Vance quit.");
        assert_eq!(find(&found, "Maria Vance").kind, ActorKind::Person);
        let found = actors("Russian President Ivan Petrov arrived in Berlin.");
        let petrov = find(&found, "Ivan Petrov");
        assert_eq!(petrov.role.as_deref(), Some("President"));
        assert_eq!(petrov.affiliation, Some(0));
        assert_eq!(found[0].name, "Russia");
    }

    #[test]
    fn acronyms_and_organisations() {
        let found = actors(
            "The Coastal Energy Agency (CEA) warned of shortages. CEA officials and the \
             Ministry of Transport disagreed, NATO said, citing an ABC TV report.",
        );
        assert_eq!(
            names(&found),
            vec![
                "Coastal Energy Agency",
                "Ministry of Transport",
                "North Atlantic Treaty Organization",
                "ABC"
            ]
        );
        assert!(found.iter().all(|a| a.kind == ActorKind::Organization));
        assert_eq!(found[0].aliases, vec!["CEA"]);
    }

    #[test]
    fn a_name_spelled_out_before_its_acronym_is_the_organisation() {
        let found = actors(
            "The Global Seed Programme (GSP) said stocks were low. GSP trucks reached the \
             coast, while the Coastal Harvest Plan (CHIP) stalled.",
        );
        let gsp = find(&found, "Global Seed Programme");
        assert_eq!(gsp.kind, ActorKind::Organization);
        assert_eq!(gsp.aliases, vec!["GSP"]);
        assert!(
            !names(&found).iter().any(|n| n.contains("Harvest")),
            "{:?}",
            names(&found)
        );
    }

    #[test]
    fn a_mixed_case_acronym_is_one_actor_with_its_expansion() {
        let found = actors(
            "Officials of the Kenyan Flood Response Agency (KeFRA) said roads were shut. \
             KeFRA reopened two of them, and the Port Health Office (PoRTA) agreed.",
        );
        let agency = find(&found, "Kenyan Flood Response Agency");
        assert_eq!(agency.kind, ActorKind::Organization);
        assert_eq!(agency.aliases, vec!["KeFRA"]);
        assert_eq!(agency.mentions.len(), 3);
        // capitals that are not the initials of the name before them name something else
        assert!(find(&found, "Port Health Office").aliases.is_empty());
    }

    #[test]
    fn a_name_before_a_place_noun_is_a_place() {
        let found = actors(
            "Fighters crossed from neighbouring Tarumba Norte province, and shops closed in \
             Vilanu and Kessari districts.",
        );
        for name in ["Tarumba Norte", "Vilanu", "Kessari"] {
            assert_eq!(find(&found, name).kind, ActorKind::Place, "{name}");
        }
        // an owner's name before a port or region is no place
        for (text, name) in [
            ("Trucks queued outside the Vandoro port.", "Vandoro"),
            ("Officials in the Kelmark region met.", "Kelmark"),
        ] {
            let found = actors(text);
            assert!(
                found
                    .iter()
                    .all(|a| a.name != name || a.kind != ActorKind::Place),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_name_ending_in_an_ordinary_word_is_no_person_by_default() {
        let found = actors("Talvek Research said on Monday that Quorvan Materials would merge.");
        for name in ["Talvek Research", "Quorvan Materials"] {
            assert_ne!(find(&found, name).kind, ActorKind::Person, "{name}");
        }
        // a short name or a census surname that is no English word opens a person's name
        for (text, name) in [
            ("Qin Gang said the talks were useful.", "Qin Gang"),
            ("Le Pen said the vote was near.", "Le Pen"),
        ] {
            assert_eq!(find(&actors(text), name).kind, ActorKind::Person, "{text}");
        }
    }

    #[test]
    fn a_name_cut_at_and_or_in_is_whole_when_its_acronym_spells_it() {
        // "and" after a name with no "of" or "for" ends it; the bracketed acronym joins it
        let found = actors(
            "The Grain Storage and Market Watch Office (GSMWO) said stocks fell. GSMWO \
             staff left.",
        );
        let office = find(&found, "Grain Storage and Market Watch Office");
        assert_eq!(office.kind, ActorKind::Organization);
        assert_eq!(office.aliases, vec!["GSMWO"]);
        assert_eq!(office.mentions.len(), 3);
        // "in" ends a name too; the acronym written elsewhere in the text joins it
        let found = actors(
            "The Council for Trade and Transit in Asia met on Monday. Later the CTTA said \
             the roads were open.",
        );
        let council = find(&found, "Council for Trade and Transit in Asia");
        assert_eq!(council.kind, ActorKind::Organization);
        assert_eq!(council.aliases, vec!["CTTA"]);
        // two capitals are too often two names' initials: two names stay apart
        let found = actors("Talks in Vienna and Geneva failed, the VG Group said.");
        assert!(names(&found).contains(&"Vienna"), "{:?}", names(&found));
    }

    #[test]
    fn a_peoples_adjective_before_ordinary_capitalised_words_opens_a_name() {
        let found = actors(
            "Leaders of Latvian Harvest met the Latvian Prime Minister, and Latvian Muslims \
             marched.",
        );
        assert_eq!(
            find(&found, "Latvian Harvest").kind,
            ActorKind::Organization
        );
        // a title after it: the country and a title; a faith after it: no party
        assert!(names(&found).contains(&"Latvia"), "{:?}", names(&found));
        assert!(
            !names(&found)
                .iter()
                .any(|n| n.contains("Muslims") && n.contains("Latvian")),
            "{:?}",
            names(&found)
        );
    }

    #[test]
    fn a_navys_prefix_makes_a_ship() {
        let found = actors("The BRP Tala Bay and the KRI Ombak Laut sailed past the JS Kumo.");
        for name in ["BRP Tala Bay", "KRI Ombak Laut", "JS Kumo"] {
            assert_eq!(find(&found, name).kind, ActorKind::Other, "{name}");
        }
    }

    #[test]
    fn a_role_before_a_name_belongs_to_the_organisation_before_it() {
        let found = actors(
            "Brussels sent help after NATO spokesman Tomas Brenner spoke. Later EU trade \
             policy chief Ana Ruiz and Peru's deputy foreign minister Jo Ames agreed.",
        );
        let brenner = find(&found, "Tomas Brenner");
        assert_eq!(brenner.role.as_deref(), Some("spokesman"));
        let nato = found.iter().position(|a| a.name.contains("North Atlantic"));
        assert_eq!(brenner.affiliation, nato);
        let ruiz = find(&found, "Ana Ruiz");
        assert_eq!(ruiz.role.as_deref(), Some("trade policy chief"));
        assert_eq!(
            ruiz.affiliation,
            found.iter().position(|a| a.name == "European Union")
        );
        let ames = find(&found, "Jo Ames");
        assert_eq!(ames.role.as_deref(), Some("deputy foreign minister"));
        assert_eq!(
            ames.affiliation,
            found.iter().position(|a| a.name == "Peru")
        );
        // a verb before the title is no part of a role
        let found = actors("The UN named envoy Jo Ames on Monday.");
        assert!(find(&found, "Jo Ames").role.is_none());
    }

    #[test]
    fn a_capital_travelled_to_or_from_is_a_place() {
        let found = actors(
            "Airlines cancelled flights to Nairobi, and families fled from Kampala on Monday. \
             Kenya said the talks would go on, and Washington sent a note to Kampala.",
        );
        let nairobi = find(&found, "Nairobi");
        assert_eq!(nairobi.kind, ActorKind::Place);
        assert_eq!(
            nairobi.affiliation,
            found.iter().position(|a| a.name == "Kenya")
        );
        let kampala = find(&found, "Kampala");
        assert_eq!(kampala.kind, ActorKind::Place);
        // a note sent to a capital goes to its government
        assert_eq!(find(&found, "Uganda").kind, ActorKind::Country);
    }

    #[test]
    fn an_arabic_article_before_a_name_keeps_it_whole() {
        let found = actors(
            "Al-Harakat fighters seized the road. Later, al-Harakat gunmen met Omar al-Rashid.",
        );
        let group = find(&found, "Al-Harakat");
        assert_eq!(group.mentions.len(), 2, "{:?}", names(&found));
        assert_eq!(find(&found, "Omar al-Rashid").kind, ActorKind::Person);
    }

    #[test]
    fn a_frequent_word_opening_a_sentence_before_a_plural_is_no_name() {
        let found = actors(
            "The Health Council met on Monday. Health workers said clinics were full, and \
             Water trucks arrived.",
        );
        assert!(
            !names(&found).contains(&"Health") && !names(&found).contains(&"Water"),
            "{:?}",
            names(&found)
        );
    }

    #[test]
    fn a_web_sites_ending_is_no_name() {
        let found = actors("According to Qorvex.Com, the plant closed.");
        assert!(
            !names(&found).iter().any(|n| n.contains("Com")),
            "{:?}",
            names(&found)
        );
    }

    #[test]
    fn a_plans_name_after_a_first_name_and_ordinary_words_is_no_person() {
        let found = actors("The Asia Grain Transparency Initiative said prices rose.");
        assert!(
            found.iter().all(|a| a.kind != ActorKind::Person),
            "{found:?}"
        );
    }

    #[test]
    fn a_compass_word_after_a_number_is_the_numbers_name() {
        let found = actors("At 38 North, analysts said the site was active again.");
        assert_eq!(find(&found, "38 North").kind, ActorKind::Organization);
        let found = actors("Analysts at 38 North said the site was active again.");
        assert_eq!(find(&found, "38 North").kind, ActorKind::Organization);
        assert!(!names(&found).contains(&"North"), "{:?}", names(&found));
        // a road's number and direction name nothing
        let found =
            actors("Traffic on Highway 17 North was blocked, and police closed Route 9 West.");
        let names = names(&found);
        assert!(
            !names.iter().any(|n| n.starts_with(char::is_numeric)),
            "{names:?}"
        );
    }

    #[test]
    fn a_bracketed_acronym_after_an_organisation_is_its_alias_whatever_its_letters() {
        let found = actors(
            "The National Statistics Institute (INS) published the count, and the Marine \
             Corps sent a team.",
        );
        let institute = find(&found, "National Statistics Institute");
        assert_eq!(institute.aliases, vec!["INS"]);
        assert_eq!(institute.mentions.len(), 2);
        assert_eq!(find(&found, "Marine Corps").kind, ActorKind::Organization);
    }

    #[test]
    fn a_genus_before_its_species_is_no_actor() {
        let found = actors(
            "The bacterium Vibrio cholerae spreads in dirty water, and Formica fusca ants \
             were studied by Ana Ruiz.",
        );
        assert_eq!(names(&found), vec!["Ana Ruiz"]);
        // a known place before a lower-case word is no genus
        let found =
            actors("The Wuhan coronavirus spread fast, and leaders of the Quetta shura met.");
        assert!(names(&found).contains(&"Wuhan"), "{:?}", names(&found));
        assert!(names(&found).contains(&"Quetta"), "{:?}", names(&found));
    }

    #[test]
    fn the_words_of_addresses_and_file_names_are_no_actors() {
        let found = actors(
            "Mail Harlow.Benton@example.com or RobV@example.com for Quarterly_Report.doc and \
             GasPrices.xls, as Zorblyx.com reported.",
        );
        let names = names(&found);
        for word in ["Harlow", "Benton", "RobV", "Quarterly", "GasPrices"] {
            assert!(!names.iter().any(|n| n.contains(word)), "{word}: {names:?}");
        }
        assert!(names.contains(&"Zorblyx"), "{names:?}");
    }

    #[test]
    fn a_name_after_a_wide_space_is_read_without_fault() {
        for space in ['\u{a0}', '\u{202f}', '\u{2003}'] {
            let text = format!("Prime Minister{space}Vorin Talbot said the plan would work.");
            let found = actors(&text);
            assert!(
                names(&found).iter().any(|n| n.contains("Talbot")),
                "{space:?}: {:?}",
                names(&found)
            );
        }
    }

    #[test]
    fn a_name_in_underscore_emphasis_is_a_name() {
        let found = actors(
            "Reporting by _Jo Ames_ in Nairobi. The report by _Helvani Rights Watch_ said so.",
        );
        assert_eq!(find(&found, "Jo Ames").kind, ActorKind::Person);
        find(&found, "Helvani Rights Watch");
    }

    #[test]
    fn a_region_named_by_a_rivers_course_is_a_place() {
        let found = actors("Floods cut off Lower Shabelle, and families from Middle Juba fled.");
        assert_eq!(find(&found, "Lower Shabelle").kind, ActorKind::Place);
        assert_eq!(find(&found, "Middle Juba").kind, ActorKind::Place);
        // an ordinary word after it names no region
        let found = actors("The Lower House approved the budget on Tuesday.");
        assert!(
            found.iter().all(|a| a.kind != ActorKind::Place),
            "{found:?}"
        );
    }

    #[test]
    fn a_camp_after_a_named_persons_surname_is_their_following() {
        let found = actors(
            "Vivek Ramaswamy spoke in Ames. Aides said the Ramaswamy camp was upbeat, while \
             aid reached the Abu Shouk camp. The Abu Shouk camp is full.",
        );
        let person = find(&found, "Vivek Ramaswamy");
        assert_eq!(person.kind, ActorKind::Person);
        assert_eq!(person.mentions.len(), 2);
        assert_eq!(find(&found, "Abu Shouk").kind, ActorKind::Other);
    }

    #[test]
    fn a_title_alone_is_no_actor() {
        let found = actors(
            "The Secretary-General condemned the raid. Later, Director-General Mira Holt \
             visited the site.",
        );
        assert_eq!(names(&found), vec!["Mira Holt"]);
        assert_eq!(found[0].role.as_deref(), Some("Director-General"));
    }

    #[test]
    fn a_known_organisations_name_goes_on_over_ordinary_capitalised_words() {
        let found = actors(
            "Apple Computer said sales rose. Apple later cut prices, and Apple CEO Tim Cook \
             spoke.",
        );
        let apple = find(&found, "Apple");
        assert_eq!(apple.kind, ActorKind::Organization);
        assert_eq!(apple.mentions.len(), 3);
        assert!(!names(&found).contains(&"Computer"), "{:?}", names(&found));
        assert_eq!(find(&found, "Tim Cook").kind, ActorKind::Person);
    }

    #[test]
    fn a_countrys_acronym_before_organisation_words_is_part_of_the_name() {
        let found = actors("The U.S. Air Force chose a tanker. SBS TV reported it.");
        assert_eq!(find(&found, "U.S. Air Force").kind, ActorKind::Organization);
        // a company's initials before them are its name
        assert_eq!(find(&found, "SBS").kind, ActorKind::Organization);
        // one organisation word before a plural is a kind of the country's organisations
        let found = actors("Most U.S. TV networks covered the trial.");
        assert_eq!(names(&found), vec!["United States"]);
    }

    #[test]
    fn a_makers_name_before_a_models_number_names_the_product() {
        let found = actors(
            "Airbus said the Airbus A380 would fly in May. Buyers of the A380 and of the \
             Boeing 737-800 waited at gate H1.",
        );
        let airbus = find(&found, "Airbus");
        assert_eq!(airbus.kind, ActorKind::Organization);
        assert_eq!(airbus.mentions.len(), 1);
        for product in ["Airbus A380", "A380", "Boeing 737-800"] {
            assert_eq!(find(&found, product).kind, ActorKind::Other, "{product}");
        }
        // a code of one digit is no model
        assert!(!names(&found).contains(&"H1"), "{:?}", names(&found));
        // a code of one letter and two digits after a hyphen is no model, nor one letter and
        // three digits where no maker is named
        let found = actors(
            "The K-12 schools reopened, and leaders at the G-20 summit met. The A303 near \
             Stonehenge was shut, and the MiG-29 flew.",
        );
        assert_eq!(names(&found), vec!["Stonehenge", "MiG-29"]);
        // an ordinal or a count after a maker's name is no model's number
        for (text, maker) in [
            ("The United Nations 80th session opened.", "United Nations"),
            ("Toyota 500 workers went on strike.", "Toyota"),
        ] {
            let found = actors(text);
            assert_eq!(find(&found, maker).kind, ActorKind::Organization, "{text}");
            assert!(
                found.iter().all(|a| a.kind != ActorKind::Other),
                "{found:?}"
            );
        }
    }

    #[test]
    fn a_capitalised_contraction_is_no_name() {
        let found = actors("Don't panic. Can't you see the Harbour Board left?");
        assert!(
            !names(&found).iter().any(|n| n.contains('\'')),
            "{:?}",
            names(&found)
        );
    }

    #[test]
    fn a_plural_opening_a_sentence_is_no_person() {
        let found = actors("Diplomats told Reuters the deal was close. Envoys met in Vienna.");
        assert!(
            found.iter().all(|a| a.kind != ActorKind::Person),
            "{:?}",
            names(&found)
        );
        assert_eq!(find(&found, "Vienna").kind, ActorKind::Place);
    }

    #[test]
    fn sentence_initial_words_months_and_headlines_are_no_names() {
        let found = actors(
            "Officials Say Talks With Moscow Stalled\n\nDespite the talks, nothing moved. \
             However, Western diplomats met in March. Analysts doubt it. On Friday, Moscow \
             replied.",
        );
        assert_eq!(names(&found), vec!["Russia"]);
        assert_eq!(found[0].mentions.len(), 2);
        let found =
            actors("Korean officials and Asian markets reacted; Islamic groups met Gandhi.");
        assert_eq!(names(&found), vec!["Gandhi"]);
    }

    #[test]
    fn laws_events_and_first_names_that_are_towns() {
        let found = actors(
            "Senator George W. Bush backed the Clean Water Act before Election Day, and \
             Bush spoke in Georgia.",
        );
        assert_eq!(names(&found), vec!["George W. Bush", "Georgia"]);
        assert_eq!(found[0].aliases, vec!["Bush"]);
        let found = actors("Dana Reyes, and her brother, left. The Republican Tom Hale spoke.");
        assert_eq!(names(&found), vec!["Dana Reyes", "Tom Hale"]);
        assert!(found.iter().all(|a| a.role.is_none()));
    }

    #[test]
    fn cities_with_scores_are_teams() {
        let found = actors("Results on Sunday: Denver 3 Boston 2. Fans in Denver cheered.");
        assert_eq!(names(&found), vec!["Denver", "Boston"]);
        assert_eq!(found[1].kind, ActorKind::Organization);
        // a row of standings: wins, losses, ...
        let found = actors("The standings on Sunday:\n\nDENVER 69 61 .531\n\nStorms hit Denver.");
        assert_eq!(found[0].kind, ActorKind::Organization);
        // no first name, and a city last: a club
        let found = actors("Fans of Werder Bremen cheered with Anna Lindqvist in Bremen.");
        assert_eq!(find(&found, "Werder Bremen").kind, ActorKind::Organization);
        assert_eq!(find(&found, "Anna Lindqvist").kind, ActorKind::Person);
        let found = actors("Storms hit Denver and Boston.");
        assert!(found.iter().all(|a| a.kind == ActorKind::Place));
    }

    #[test]
    fn members_of_faiths_and_parties_are_groups() {
        let found = actors("The marchers included Muslims, Sikhs and Democrats from Ohio.");
        assert_eq!(names(&found), vec!["Muslims", "Sikhs", "Democrats", "Ohio"]);
        assert!(found[..3].iter().all(|a| a.kind == ActorKind::Group));
    }

    #[test]
    fn user_aliases_are_honoured() {
        let lexicon = UserLexicon {
            aliases: vec![("the hermit kingdom".into(), "North Korea".into())],
            ..UserLexicon::default()
        };
        let (_, found) = actors_with(
            "North Korea tested a rocket, and the hermit kingdom said more would follow.",
            &lexicon,
        );
        assert_eq!(names(&found), vec!["North Korea"]);
        assert_eq!(found[0].aliases, vec!["the hermit kingdom"]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "’s",
            "(",
            "A (B",
            "Ünal Ça said 😀 — ’’ (NATO",
            "THE END",
            "the",
            "He",
            "or his",
            "Mr.",
            "Ann Lee, the",
            "Ann Lee, the ministry’s",
            "Ann Lee said. The president 😀 said she",
        ] {
            let _ = actors(text);
        }
    }
}
