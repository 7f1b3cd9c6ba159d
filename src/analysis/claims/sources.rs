//! Which actors a source names: those with a mention inside it, not in the relative clause
//! that describes it ("Jo Ames, who heads the bureau"), less one that only qualifies another
//! ("Shin Wonsik, South Korea's National Security Director" names Shin Wonsik, whose
//! affiliation South Korea is); or, for a bare "he", "she" or "they" (or "his", "her", "their",
//! "its": "his claim that ..."), the closest actor of a
//! fitting kind mentioned before it, or for "which" and "who" the name the relative clause
//! hangs on ("Russia, which ...").

use crate::analysis::mentions::MentionIndex;
use crate::analysis::model::ActorKind;
use crate::document::Span;

pub fn resolve(text: &str, source: Span, mentions: &MentionIndex) -> Vec<usize> {
    let named = mentions.overlapping(described(text, source));
    if !named.is_empty() {
        let actors = mentions.actors;
        let qualifies_another = |a: usize| {
            named
                .iter()
                .any(|&b| b != a && actors[b].affiliation == Some(a))
        };
        return named
            .iter()
            .copied()
            .filter(|&a| !qualifies_another(a))
            .collect();
    }
    let pronoun = text
        .get(source.start..source.end)
        .unwrap_or("")
        .trim()
        .to_lowercase();
    let fits: &[ActorKind] = match pronoun.as_str() {
        "he" | "she" | "his" | "her" => &[ActorKind::Person],
        "they" | "their" | "its" => &[
            ActorKind::Group,
            ActorKind::Organization,
            ActorKind::Country,
        ],
        // "Russia, which has been seeking ...": the name just before the comma
        "which" | "who" => {
            let antecedent = mentions.mention_before(source.start).filter(|(m, _)| {
                text.get(m.end..source.start)
                    .is_some_and(|gap| gap.trim() == ",")
            });
            return antecedent.map(|(_, a)| a).into_iter().collect();
        }
        _ => return named,
    };
    mentions
        .last_before(source.start, |a| fits.contains(&a.kind))
        .into_iter()
        .collect()
}

/// The source without the relative clause that describes it ("Jo Ames, who heads the
/// bureau"): the names there are not the source's.
fn described(text: &str, source: Span) -> Span {
    let words = text.get(source.start..source.end).unwrap_or("");
    [", who ", ", whose "]
        .iter()
        .filter_map(|r| words.find(r))
        .min()
        .map_or(source, |at| Span::new(source.start, source.start + at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::model::Actor;

    #[test]
    fn mentions_inside_the_source_name_its_actors() {
        let text = "Chile and Peru said so.";
        let actors = [
            Actor::named_at("Chile", ActorKind::Country, &[(0, 5)]),
            Actor::named_at("Peru", ActorKind::Country, &[(10, 14)]),
        ];
        assert_eq!(
            resolve(text, Span::new(0, 14), &MentionIndex::new(&actors)),
            vec![0, 1]
        );
    }

    #[test]
    fn pronouns_take_the_closest_earlier_actor_of_their_kind() {
        let text = "Ann Lee met Bo Park in Lima. He said it went well. They agreed.";
        let actors = [
            Actor::named_at("Ann Lee", ActorKind::Person, &[(0, 7)]),
            Actor::named_at("Bo Park", ActorKind::Person, &[(12, 19)]),
            Actor::named_at("Lima", ActorKind::Place, &[(23, 27)]),
            Actor::named_at("Farmers", ActorKind::Group, &[(0, 0)]),
        ];
        assert_eq!(
            resolve(text, Span::new(29, 31), &MentionIndex::new(&actors)),
            vec![1]
        );
        assert_eq!(
            resolve(text, Span::new(51, 55), &MentionIndex::new(&actors)),
            vec![3]
        );
        assert!(resolve(text, Span::new(45, 49), &MentionIndex::new(&actors)).is_empty());
    }

    #[test]
    fn a_relative_pronoun_is_the_name_before_its_comma() {
        let text = "Talks with Chile, which has denied it, and Peru; who said so?";
        let actors = [
            Actor::named_at("Chile", ActorKind::Country, &[(11, 16)]),
            Actor::named_at("Peru", ActorKind::Country, &[(43, 47)]),
        ];
        let index = MentionIndex::new(&actors);
        assert_eq!(resolve(text, Span::new(18, 23), &index), vec![0]);
        // no comma right after a name: nobody
        assert!(resolve(text, Span::new(49, 52), &index).is_empty());
    }

    #[test]
    fn an_affiliation_named_in_an_apposition_is_not_a_source() {
        let text = "Kim Ra, Chile's envoy, said so.";
        let mut kim = Actor::named_at("Kim Ra", ActorKind::Person, &[(0, 6)]);
        kim.affiliation = Some(1);
        let actors = [
            kim,
            Actor::named_at("Chile", ActorKind::Country, &[(8, 13)]),
        ];
        assert_eq!(
            resolve(text, Span::new(0, 21), &MentionIndex::new(&actors)),
            vec![0]
        );
    }

    #[test]
    fn names_in_a_relative_clause_describing_the_source_are_not_its_own() {
        let text = "Ann Lee, who was envoy to Peru, said so.";
        let actors = [
            Actor::named_at("Ann Lee", ActorKind::Person, &[(0, 7)]),
            Actor::named_at("Peru", ActorKind::Country, &[(26, 30)]),
        ];
        assert_eq!(
            resolve(text, Span::new(0, 30), &MentionIndex::new(&actors)),
            vec![0]
        );
    }
}
