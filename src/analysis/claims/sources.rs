//! Which actors a source names: those with a mention inside it, not in the relative clause
//! that describes it ("Jo Ames, who heads the bureau"), less one that only qualifies another
//! ("Shin Wonsik, South Korea's National Security Director" names Shin Wonsik, whose
//! affiliation South Korea is); or, for a bare "he" or "she" ("his", "her": "his claim that
//! ..."), the closest person mentioned before it; for "they", "their" or "its", or a
//! collective noun the actors' nominals leave unlinked ("the group", `collective` in
//! `claim_words.tsv`), the group, organisation (or, for "its", country) mentioned last in the
//! sentences `window` reaches back over, none when two fit there or none does ("they" stands
//! for common-noun plurals, "officials", as often); or for "which" and "who" the name the
//! relative clause hangs on ("Russia, which ...").

use super::lexicon::{Class, Lexicon};
use crate::analysis::actors::gazetteer::{self, Entry, GAZETTEER};
use crate::analysis::mentions::MentionIndex;
use crate::analysis::model::{Actor, ActorKind};
use crate::document::Span;

/// How many sentences before its own a plural pronoun or collective noun looks back over.
pub const SENTENCES: usize = 2;

const COLLECTIVE: &[ActorKind] = &[ActorKind::Group, ActorKind::Organization];

/// `window`: the sentences a pronoun or collective noun may look back over, its own last.
pub fn resolve(
    text: &str,
    source: Span,
    window: &[Span],
    mentions: &MentionIndex,
    lexicon: &Lexicon,
) -> Vec<usize> {
    let named = mentions.overlapping(described(text, source));
    if !named.is_empty() {
        let actors = mentions.actors;
        let qualifies_another = |a: usize| {
            named
                .iter()
                .any(|&b| b != a && actors[b].affiliation == Some(a))
        };
        let named: Vec<usize> = named
            .iter()
            .copied()
            .filter(|&a| !qualifies_another(a))
            .collect();
        return heads(text, described(text, source), &named, mentions, lexicon);
    }
    let words = text
        .get(source.start..source.end)
        .unwrap_or("")
        .trim()
        .to_lowercase();
    let collective = match words.split_whitespace().collect::<Vec<_>>()[..] {
        [article, noun] => {
            lexicon.is(Class::Anaphoric, article) && lexicon.is(Class::Collective, noun)
        }
        _ => false,
    };
    let fits: &[ActorKind] = match words.as_str() {
        "he" | "she" | "his" | "her" => {
            return mentions
                .last_before(source.start, |a| a.kind == ActorKind::Person)
                .into_iter()
                .collect();
        }
        "they" | "their" => COLLECTIVE,
        "its" => &[
            ActorKind::Group,
            ActorKind::Organization,
            ActorKind::Country,
        ],
        _ if collective => COLLECTIVE,
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
    nearest((text, lexicon), source.start, window, mentions, fits)
        .into_iter()
        .collect()
}

/// The one actor of a kind in `fits` mentioned last before `pos` in the `window`'s
/// sentences: of the fitting mentions in the last sentence that has any, all of one actor,
/// and no plural noun of people from there on ("Officials met Acme. They said ..."); else
/// none (unclear).
fn nearest(
    (text, lexicon): (&str, &Lexicon),
    pos: usize,
    window: &[Span],
    mentions: &MentionIndex,
    fits: &[ActorKind],
) -> Option<usize> {
    let (from, fitting) = window.iter().rev().find_map(|sentence| {
        let before = Span::new(sentence.start, sentence.end.min(pos));
        let found: Vec<usize> = mentions
            .mentions_inside(before)
            .into_iter()
            .map(|(_, a)| a)
            .filter(|&a| fits.contains(&mentions.actors[a].kind))
            .collect();
        (!found.is_empty()).then_some((sentence.start, found))
    })?;
    // (not a word of a name, "The Workers Party")
    let named = mentions.mentions_inside(Span::new(from, pos));
    let before = text.get(from..pos).unwrap_or("");
    let people = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            // (the word's offset in the text: a piece of `before` lies inside it)
            let at = from + (w.as_ptr() as usize - before.as_ptr() as usize);
            !named.iter().any(|(m, _)| m.start <= at && at < m.end)
        })
        .any(|w| lexicon.is(Class::People, &w.to_lowercase()));
    let actor = fitting[0];
    (!people && fitting.iter().all(|&a| a == actor)).then_some(actor)
}

/// Of the actors `named` in a source, those that are its speakers: an apposition's names
/// describe the head's ("Norway, Sweden's closest neighbour": Norway), but for the person
/// an apposition names after a head that names none, a role ("The Coordinator, Ann Lee":
/// Ann Lee); a
/// place where people of the head are ("Residents in Lyon", `located` in
/// `claim_words.tsv`) is no speaker, but for a capital, which stands for its country's
/// government when that country is named in the text and the people are its officials
/// ("Officials in Seoul", `official`; not "Residents in Kyiv").
fn heads(
    text: &str,
    source: Span,
    named: &[usize],
    mentions: &MentionIndex,
    lexicon: &Lexicon,
) -> Vec<usize> {
    let actors = mentions.actors;
    let words = text.get(source.start..source.end).unwrap_or("");
    let comma = words.find(", ").map(|at| source.start + at);
    let person = |a: &usize| actors[*a].kind == ActorKind::Person;
    let mut head = Vec::new();
    let mut apposition = Vec::new();
    let inside = mentions.mentions_inside(source);
    // (a mention reaching outside the source: the names as they are)
    if !inside.iter().any(|(_, a)| named.contains(a)) {
        return named.to_vec();
    }
    for (span, a) in inside {
        if !named.contains(&a) {
            continue;
        }
        let before = text.get(source.start..span.start).unwrap_or("");
        let located = actors[a].kind == ActorKind::Place
            && before
                .split_whitespace()
                .last()
                .is_some_and(|w| lexicon.is(Class::Located, &w.to_lowercase()));
        let official = || {
            before
                .split_whitespace()
                .any(|w| lexicon.is(Class::Official, &w.to_lowercase()))
        };
        let a = if located {
            match seat_of(&actors[a], actors).filter(|_| official()) {
                Some(country) => country,
                None => continue,
            }
        } else {
            a
        };
        let side = if comma.is_some_and(|c| span.start > c) {
            &mut apposition
        } else {
            &mut head
        };
        if !side.contains(&a) {
            side.push(a);
        }
    }
    apposition.retain(person);
    if head.is_empty() || !head.iter().any(person) && !apposition.is_empty() {
        return apposition;
    }
    head
}

/// The country actor a capital or seat of government stands for, when the text names it.
fn seat_of(place: &Actor, actors: &[Actor]) -> Option<usize> {
    let Some(Entry::Seat(country)) = GAZETTEER.lookup(&gazetteer::key(&place.name)) else {
        return None;
    };
    actors
        .iter()
        .position(|a| a.kind == ActorKind::Country && a.name == country)
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
    use crate::analysis::lexicon::UserLexicon;
    use crate::analysis::model::Actor;

    /// `source` resolved with the sentences of `text` (split after ". ") as its window.
    fn resolved(text: &str, source: (usize, usize), actors: &[Actor]) -> Vec<usize> {
        let mut window = Vec::new();
        let mut start = 0;
        for (at, _) in text.match_indices(". ") {
            window.push(Span::new(start, at + 1));
            start = at + 2;
        }
        window.push(Span::new(start, text.len()));
        window.retain(|s| s.start <= source.0);
        let window = &window[window.len().saturating_sub(SENTENCES + 1)..];
        let lexicon = Lexicon::with_user(&UserLexicon::default());
        let source = Span::new(source.0, source.1);
        resolve(text, source, window, &MentionIndex::new(actors), &lexicon)
    }

    #[test]
    fn mentions_inside_the_source_name_its_actors() {
        let text = "Chile and Peru said so.";
        let actors = [
            Actor::named_at("Chile", ActorKind::Country, &[(0, 5)]),
            Actor::named_at("Peru", ActorKind::Country, &[(10, 14)]),
        ];
        assert_eq!(resolved(text, (0, 14), &actors), vec![0, 1]);
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
        assert_eq!(resolved(text, (29, 31), &actors), vec![1]);
        assert_eq!(resolved(text, (51, 55), &actors), vec![3]);
        assert!(resolved(text, (45, 49), &actors).is_empty());
    }

    #[test]
    fn a_people_word_inside_the_group_s_own_name_is_no_other_plural() {
        let text = "The Workers Party won the vote. The group said turnout was low.";
        let actors = [Actor::named_at(
            "The Workers Party",
            ActorKind::Organization,
            &[(0, 17)],
        )];
        assert_eq!(resolved(text, (32, 41), &actors), vec![0]);
        // a plural of people outside the name still makes it unclear
        let text = "The Workers Party met farmers. The group said turnout was low.";
        assert!(resolved(text, (31, 40), &actors).is_empty());
    }

    #[test]
    fn they_is_the_group_named_last_in_the_sentences_before_or_nobody() {
        let actors = |spans: [(usize, usize); 2]| {
            [
                Actor::named_at("Acme Union", ActorKind::Organization, &[spans[0]]),
                Actor::named_at("Tenants First", ActorKind::Group, &[spans[1]]),
            ]
        };
        // the nearer of the two
        let text = "Acme Union set a date. Tenants First marched. They said so.";
        assert_eq!(
            resolved(text, (46, 50), &actors([(0, 10), (23, 36)])),
            vec![1]
        );
        // both in the last sentence naming any: unclear
        let text = "Acme Union met Tenants First. They said so.";
        assert!(resolved(text, (30, 34), &actors([(0, 10), (15, 28)])).is_empty());
        // a plural noun of people there may be what "they" stands for: nobody
        let text = "Officials met Acme Union. They said so.";
        let one = [Actor::named_at(
            "Acme Union",
            ActorKind::Organization,
            &[(14, 24)],
        )];
        assert!(resolved(text, (26, 30), &one).is_empty());
        // named too long before: nobody
        let text = "Acme Union set a date. Rain fell. Roads shut. They said so.";
        let far = [Actor::named_at(
            "Acme Union",
            ActorKind::Organization,
            &[(0, 10)],
        )];
        assert!(resolved(text, (46, 50), &far).is_empty());
    }

    #[test]
    fn a_collective_noun_the_nominals_leave_is_the_group_named_last() {
        let text = "Tenants First held a rally in Lima. The group has denied it.";
        let actors = [
            Actor::named_at("Tenants First", ActorKind::Group, &[(0, 13)]),
            Actor::named_at("Lima", ActorKind::Place, &[(30, 34)]),
        ];
        assert_eq!(resolved(text, (36, 45), &actors), vec![0]);
        // a place is no group: nobody
        assert!(resolved(text, (36, 45), &actors[1..]).is_empty());
    }

    #[test]
    fn a_relative_pronoun_is_the_name_before_its_comma() {
        let text = "Talks with Chile, which has denied it, and Peru; who said so?";
        let actors = [
            Actor::named_at("Chile", ActorKind::Country, &[(11, 16)]),
            Actor::named_at("Peru", ActorKind::Country, &[(43, 47)]),
        ];
        assert_eq!(resolved(text, (18, 23), &actors), vec![0]);
        // no comma right after a name: nobody
        assert!(resolved(text, (49, 52), &actors).is_empty());
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
        assert_eq!(resolved(text, (0, 21), &actors), vec![0]);
    }

    #[test]
    fn names_in_a_relative_clause_describing_the_source_are_not_its_own() {
        let text = "Ann Lee, who was envoy to Peru, said so.";
        let actors = [
            Actor::named_at("Ann Lee", ActorKind::Person, &[(0, 7)]),
            Actor::named_at("Peru", ActorKind::Country, &[(26, 30)]),
        ];
        assert_eq!(resolved(text, (0, 30), &actors), vec![0]);
    }
    #[test]
    fn an_apposition_s_names_are_not_the_head_s_but_a_role_s_person_is() {
        let text = "Norway, Sweden's closest neighbour, said so.";
        let actors = [
            Actor::named_at("Norway", ActorKind::Country, &[(0, 6)]),
            Actor::named_at("Sweden", ActorKind::Country, &[(8, 14)]),
        ];
        assert_eq!(resolved(text, (0, 34), &actors), vec![0]);
        let text = "The Flood Office, Ann Lee, said so.";
        let actors = [
            Actor::named_at("Flood Office", ActorKind::Organization, &[(4, 16)]),
            Actor::named_at("Ann Lee", ActorKind::Person, &[(18, 25)]),
        ];
        assert_eq!(resolved(text, (0, 25), &actors), vec![1]);
    }

    #[test]
    fn people_in_a_place_are_not_the_place_but_a_capital_stands_for_its_country() {
        let text = "Residents in Lyon said so.";
        let actors = [Actor::named_at("Lyon", ActorKind::Place, &[(13, 17)])];
        assert!(resolved(text, (0, 17), &actors).is_empty());
        let text = "South Korea met Japan. Officials in Seoul said so.";
        let actors = [
            Actor::named_at("South Korea", ActorKind::Country, &[(0, 11)]),
            Actor::named_at("Seoul", ActorKind::Place, &[(36, 41)]),
        ];
        assert_eq!(resolved(text, (23, 41), &actors), vec![0]);
        // residents of a capital are not its government
        let text = "South Korea met Japan. Residents in Seoul said so.";
        assert!(resolved(text, (23, 41), &actors).is_empty());
    }
}
