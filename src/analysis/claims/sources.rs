//! Which actors a source names: those with a mention inside it, or, for a bare "he", "she"
//! or "they", the closest actor of a fitting kind mentioned before it.

use crate::analysis::model::{Actor, ActorKind};
use crate::document::Span;

pub fn resolve(text: &str, source: Span, actors: &[Actor]) -> Vec<usize> {
    let named: Vec<usize> = actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.mentions.iter().any(|m| m.span.overlaps(source)))
        .map(|(i, _)| i)
        .collect();
    if !named.is_empty() {
        return named;
    }
    let pronoun = text
        .get(source.start..source.end)
        .unwrap_or("")
        .trim()
        .to_lowercase();
    let fits: &[ActorKind] = match pronoun.as_str() {
        "he" | "she" => &[ActorKind::Person],
        "they" => &[
            ActorKind::Group,
            ActorKind::Organization,
            ActorKind::Country,
        ],
        _ => return named,
    };
    actors
        .iter()
        .enumerate()
        .filter(|(_, a)| fits.contains(&a.kind))
        .flat_map(|(i, a)| {
            a.mentions
                .iter()
                .filter(|m| m.span.end <= source.start)
                .map(move |m| (m.span.end, i))
        })
        .max()
        .map(|(_, i)| vec![i])
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::model::{Mention, MentionForm};

    fn actor(name: &str, kind: ActorKind, spans: &[(usize, usize)]) -> Actor {
        Actor {
            name: name.into(),
            kind,
            role: None,
            affiliation: None,
            aliases: vec![name.into()],
            mentions: spans
                .iter()
                .map(|&(s, e)| Mention {
                    span: Span::new(s, e),
                    form: MentionForm::Name,
                })
                .collect(),
        }
    }

    #[test]
    fn mentions_inside_the_source_name_its_actors() {
        let text = "Chile and Peru said so.";
        let actors = [
            actor("Chile", ActorKind::Country, &[(0, 5)]),
            actor("Peru", ActorKind::Country, &[(10, 14)]),
        ];
        assert_eq!(resolve(text, Span::new(0, 14), &actors), vec![0, 1]);
    }

    #[test]
    fn pronouns_take_the_closest_earlier_actor_of_their_kind() {
        let text = "Ann Lee met Bo Park in Lima. He said it went well. They agreed.";
        let actors = [
            actor("Ann Lee", ActorKind::Person, &[(0, 7)]),
            actor("Bo Park", ActorKind::Person, &[(12, 19)]),
            actor("Lima", ActorKind::Place, &[(23, 27)]),
            actor("Farmers", ActorKind::Group, &[(0, 0)]),
        ];
        assert_eq!(resolve(text, Span::new(29, 31), &actors), vec![1]);
        assert_eq!(resolve(text, Span::new(51, 55), &actors), vec![3]);
        assert!(resolve(text, Span::new(45, 49), &actors).is_empty());
    }
}
