//! Where actors' names start and end, and their kind, on sentences written for these tests:
//! company names of ordinary words, names a descriptor or an appositive types, natural
//! features, list labels, products.

#[allow(dead_code)]
mod common;

use brief::analysis::{ActorKind, Analysis};
use common::*;

fn kinds(text: &str) -> Analysis {
    analyse(text.as_bytes()).1
}

fn names(analysis: &Analysis) -> Vec<&str> {
    analysis.actors.iter().map(|a| a.name.as_str()).collect()
}

#[test]
fn a_run_ending_in_a_trade_is_a_company_and_keeps_its_country() {
    let a = kinds(
        "Quarry Photonics said on Monday that its new sensor would ship late. Shares of \
         Quarry Photonics fell 4 percent. Japan Precision Optics said it would cut jobs.",
    );
    assert_eq!(
        actor(&a, "Quarry Photonics").1.kind,
        ActorKind::Organization
    );
    assert_eq!(
        actor(&a, "Japan Precision Optics").1.kind,
        ActorKind::Organization
    );
    assert!(
        !names(&a).iter().any(|n| n.starts_with("Shares")),
        "{:?}",
        names(&a)
    );
    assert!(!names(&a).contains(&"Japan"), "{:?}", names(&a));
}

#[test]
fn a_descriptor_or_an_appositive_names_the_kind() {
    let a = kinds(
        "According to the industry bulletin Copper Almanac, the deal is worth $2 billion. \
         Green Valley, a logistics company based in Ohio, said the merger was off. Stone \
         Harbor, a small town, was flooded. Ana Ruiz, a company spokeswoman, declined to \
         comment.",
    );
    assert_eq!(actor(&a, "Copper Almanac").1.kind, ActorKind::Organization);
    assert_eq!(actor(&a, "Green Valley").1.kind, ActorKind::Organization);
    assert_eq!(actor(&a, "Stone Harbor").1.kind, ActorKind::Place);
    assert_eq!(actor(&a, "Ana Ruiz").1.kind, ActorKind::Person);
}

#[test]
fn a_natural_feature_after_a_name_makes_a_place() {
    let a = kinds(
        "Patrol boats crossed near the Kuril peninsula and the Southern Boundary Line on \
         Sunday, the navy said.",
    );
    assert_eq!(actor(&a, "Kuril").1.kind, ActorKind::Place);
    assert_eq!(actor(&a, "Southern Boundary Line").1.kind, ActorKind::Place);
}

#[test]
fn a_word_after_an_abbreviations_stop_stays_in_the_name() {
    let a = kinds("The U.N. Command said the talks would resume on Friday.");
    assert_eq!(actor(&a, "U.N. Command").1.kind, ActorKind::Organization);
}

#[test]
fn list_labels_and_counted_countries_are_no_actors() {
    let a = kinds(
        "Needs remain high.\n\n- Water: supplies are short in the camps.\n- Shelter: Portable \
         tents were sent by the army.\n\nTrade between the two Chinas stalled.",
    );
    let found = names(&a);
    for spurious in ["Water", "Shelter", "Portable", "Chinas"] {
        assert!(!found.contains(&spurious), "{spurious} in {found:?}");
    }
}

#[test]
fn a_name_before_its_initials_is_an_organisation_unless_a_first_name_opens_it() {
    let a = kinds(
        "Doctors Without Walls (DWW) sent a team to the camp. Ana Maria Lopez (AML) arrived \
         later.",
    );
    assert_eq!(
        actor(&a, "Doctors Without Walls").1.kind,
        ActorKind::Organization
    );
    assert_eq!(actor(&a, "Ana Maria Lopez").1.kind, ActorKind::Person);
}

#[test]
fn a_model_number_is_a_product_not_its_makers_acronym() {
    let a = kinds(
        "Zenith Xylo unveiled the ZX-400 on Tuesday. The ZX-400 will ship in March, Zenith \
         Xylo said.",
    );
    assert_eq!(actor(&a, "ZX-400").1.kind, ActorKind::Other);
    // the maker whose initials open the model's number is an organisation
    assert_eq!(actor(&a, "Zenith Xylo").1.kind, ActorKind::Organization);
    assert!(
        !actor(&a, "Zenith Xylo")
            .1
            .aliases
            .iter()
            .any(|n| n == "ZX-400")
    );
}
