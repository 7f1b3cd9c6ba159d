//! Pronouns and nominals linked to the actor they stand for, in one pass through the text
//! that remembers which actors were mentioned last: "he"/"she" (any case, any position) to a
//! person of a fitting sex, "the ministry" to the organisation of that kind, "the president"
//! to the person of that role. Nothing is linked when the text leaves it unclear: no fitting
//! actor within reach, or two that fit equally well.
//!
//! "They", "it" and "its" are left alone: they stand for common-noun groups and things
//! ("officials", "the plan") about as often as for a named actor, so linking them to the last
//! organisation or country named would be wrong half the time.

use super::cluster::Clustered;
use super::gazetteer::GAZETTEER;
use super::gender::{self, Gender};
use super::mentions::{Candidate, ending_at};
use super::nominals::{self, Fit};
use super::roles;
use crate::analysis::model::{ActorKind, Mention, MentionForm};
use crate::analysis::tokens::{Token, breaks_before, is_possessive};
use crate::document::Span;

/// How many sentences back a pronoun looks for its person.
const PRONOUN_SENTENCES: usize = 2;
/// How many sentences back "the company", "the country" look.
const NOMINAL_SENTENCES: usize = 3;
/// How many sentences back "the president" looks for the person of that role.
const ROLE_SENTENCES: usize = 40;
/// The most mentions looked through for one pronoun or nominal (a bound on the work).
const REACH: usize = 100;

/// An actor mentioned in a sentence.
#[derive(Debug, Clone, Copy)]
struct Seen {
    actor: usize,
    sentence: usize,
    /// The mention opens its sentence, as a subject does.
    opens: bool,
}

pub fn link(text: &str, tokens: &[Token], cands: &[Candidate], out: &mut Clustered) {
    let mut genders = gender::of_people(text, tokens, cands, out);
    let people = evident_people(cands, out, &genders);
    let mut history: Vec<Seen> = Vec::new();
    let mut added: Vec<(usize, Mention)> = Vec::new();
    let mut next = 0;
    let mut quoted = false;
    let mut i = 0;
    while i < tokens.len() {
        let next_start = cands.get(next).map_or(usize::MAX, |c| c.tokens.0);
        let sentence = tokens[i].sentence;
        if i >= next_start {
            if let Some(actor) = out.actor_of[next] {
                let opens = tokens[i].sentence_start;
                history.push(Seen {
                    actor,
                    sentence,
                    opens,
                });
            }
            i = i.max(cands[next].tokens.1);
            next += 1;
            continue;
        }
        let word = tokens[i].text(text);
        let opens = tokens[i].sentence_start;
        if breaks_before(text, tokens, i) {
            quoted = false;
        }
        match word {
            "\"" => quoted = !quoted,
            "“" => quoted = true,
            "”" => quoted = false,
            _ => {}
        }
        if let Some(sex) = gender::of_pronoun(word).filter(|_| !quoted && !generic(text, tokens, i))
        {
            let fits = |a: usize| {
                out.actors[a].kind == ActorKind::Person && genders[a] != Some(sex.other())
            };
            let found = pick(&history, (sentence, opens), PRONOUN_SENTENCES, fits, |a| {
                genders[a] == Some(sex)
            });
            if let Some(actor) = found.filter(|&a| people[a]) {
                genders[actor] = Some(sex);
                history.push(Seen {
                    actor,
                    sentence,
                    opens,
                });
                added.push((actor, mention(tokens[i].span, MentionForm::Pronoun)));
            }
            i += 1;
            continue;
        }
        if let Some((end, nominal)) = nominals::at(text, tokens, i, |k| k >= next_start) {
            let reach = match nominal.fit {
                Fit::Role => ROLE_SENTENCES,
                _ => NOMINAL_SENTENCES,
            };
            if let Some(actor) = pick(
                &history,
                (sentence, opens),
                reach,
                |a| nominal.fits(&out.actors[a]),
                |_| false,
            ) {
                history.push(Seen {
                    actor,
                    sentence,
                    opens,
                });
                let span = Span::new(tokens[i].span.start, tokens[end - 1].span.end);
                added.push((actor, mention(span, MentionForm::Nominal)));
                apposition(text, tokens, cands, out, (i, end), actor);
            }
            i = end;
            continue;
        }
        i += 1;
    }
    let mut touched = Vec::new();
    for (actor, m) in added {
        out.actors[actor].mentions.push(m);
        touched.push(actor);
    }
    touched.sort_unstable();
    touched.dedup();
    for a in touched {
        out.actors[a].mentions.sort_by_key(|m| m.span().start);
    }
}

/// Which actors are people by more than the shape of their name (a name of two capitalised
/// words is taken for a person's when nothing else tells): a known sex, a role, a census
/// first name or surname, or a title or "said" next to a mention. Only they take "he" and
/// "she" (the others still make a pronoun unclear), so that a misread name does not draw
/// every pronoun after it.
fn evident_people(cands: &[Candidate], out: &Clustered, genders: &[Option<Gender>]) -> Vec<bool> {
    let mut evident: Vec<bool> = out
        .actors
        .iter()
        .zip(genders)
        .map(|(a, g)| {
            a.kind == ActorKind::Person && (g.is_some() || a.role.is_some() || full_name(&a.name))
        })
        .collect();
    for (c, a) in cands.iter().zip(&out.actor_of) {
        if let Some(a) = *a
            && c.kind == Some(ActorKind::Person)
            && out.actors[a].kind == ActorKind::Person
        {
            evident[a] = true;
        }
    }
    evident
}

/// A census first name first, or two words or more and a census surname last, or a census
/// surname first before a given name that is no English word ("Shin Wonsik", as Korean and
/// Chinese names are written).
fn full_name(name: &str) -> bool {
    let g = &*GAZETTEER;
    let mut words = name.split(' ');
    let first = words.next().unwrap_or_default();
    let last = words.next_back();
    g.first_names.contains(first)
        || last.is_some_and(|l| g.last_names.contains(l))
        || (g.last_names.contains(first) && last.is_some_and(|l| !g.is_common(l)))
}

/// ", the union's president" after a person's name: the role, and the actor `by` that the
/// nominal (tokens `start..end`, "the union") stands for as the person's affiliation.
fn apposition(
    text: &str,
    tokens: &[Token],
    cands: &[Candidate],
    out: &mut Clustered,
    (start, end): (usize, usize),
    by: usize,
) {
    let possessive = tokens.get(end).is_some_and(|t| is_possessive(t.text(text)));
    if start < 2 || tokens[start - 1].text(text) != "," || !possessive {
        return;
    }
    let Some(p) = ending_at(cands, start - 1).and_then(|j| out.actor_of[j]) else {
        return;
    };
    let Some(((rs, re), _)) = roles::role_at(text, tokens, end + 1, cands) else {
        return;
    };
    let person = &mut out.actors[p];
    if person.kind == ActorKind::Person && p != by {
        person
            .role
            .get_or_insert_with(|| roles::words_between(text, tokens, rs, re));
        person.affiliation.get_or_insert(by);
    }
}

fn mention(span: Span, form: MentionForm) -> Mention {
    Mention::new(span, form)
}

impl Gender {
    fn other(self) -> Gender {
        match self {
            Gender::Male => Gender::Female,
            Gender::Female => Gender::Male,
        }
    }
}

/// "his or her", "he/she": anyone, no one in particular.
fn generic(text: &str, tokens: &[Token], i: usize) -> bool {
    let word = |k: usize| tokens.get(k).map(|t| t.text(text));
    let joined = |sep: Option<&str>| matches!(sep, Some("or" | "/"));
    (joined(word(i + 1)) && word(i + 2).and_then(gender::of_pronoun).is_some())
        || (i >= 2 && joined(word(i - 1)) && word(i - 2).and_then(gender::of_pronoun).is_some())
}

/// The actor a pronoun or nominal in `sentence` stands for: among the actors that `fit`,
/// mentioned at most `reach` sentences back, those `preferred` if there are any (a person
/// known to be of the pronoun's sex over one of unknown sex), and of them those of the
/// latest sentence; the one there, or, when the pronoun `opens` its sentence, the one that
/// opened that sentence (a subject for a subject); else none (unclear).
fn pick(
    history: &[Seen],
    (sentence, opens): (usize, bool),
    reach: usize,
    fits: impl Fn(usize) -> bool,
    preferred: impl Fn(usize) -> bool,
) -> Option<usize> {
    let window: Vec<Seen> = history
        .iter()
        .rev()
        .take(REACH)
        .take_while(|s| s.sentence + reach >= sentence)
        .filter(|s| fits(s.actor))
        .copied()
        .collect();
    let any_preferred = window.iter().any(|s| preferred(s.actor));
    let mut kept = window
        .iter()
        .filter(|s| !any_preferred || preferred(s.actor));
    let latest = kept.next()?;
    let mut there =
        std::iter::once(latest).chain(kept.take_while(|s| s.sentence == latest.sentence));
    if there.clone().all(|s| s.actor == latest.actor) {
        return Some(latest.actor);
    }
    there.find(|s| s.opens).filter(|_| opens).map(|s| s.actor)
}

#[cfg(test)]
mod tests {
    use crate::analysis::actors::{extract, wants_parse};
    use crate::analysis::lexicon::UserLexicon;
    use crate::analysis::model::{Actor, MentionForm};
    use crate::analysis::syntax::Syntax;
    use crate::analysis::tokens::tokenize;
    use crate::document::{Document, Meta};

    /// Each actor's name with the words of its pronoun and nominal mentions.
    fn linked(text: &str) -> Vec<(String, Vec<String>)> {
        let (doc, _) = Document::from_text(text, Meta::default());
        let tokens = tokenize(&doc);
        let syntax = Syntax::of_sentences(&doc, &tokens, wants_parse(&doc.text));
        let actors: Vec<Actor> = extract(&doc, &tokens, &[], &syntax, &UserLexicon::default());
        actors
            .iter()
            .map(|a| {
                let refs = a
                    .mentions
                    .iter()
                    .filter(|m| matches!(m.form, MentionForm::Pronoun | MentionForm::Nominal))
                    .map(|m| doc.text[m.span().start..m.span().end].to_string())
                    .collect();
                (a.name.clone(), refs)
            })
            .collect()
    }

    fn refs_of(text: &str, name: &str) -> Vec<String> {
        linked(text)
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, r)| r)
            .unwrap_or_else(|| panic!("no actor {name} in {text}"))
    }

    #[test]
    fn pronouns_inside_sentences_find_a_person_of_their_sex() {
        let text = "Maria Lopez met Thomas Berg in Oslo. She said his offer was fair, and \
                    Berg said she had convinced him.";
        assert_eq!(refs_of(text, "Maria Lopez"), vec!["She", "she"]);
        assert_eq!(refs_of(text, "Thomas Berg"), vec!["his", "him"]);
    }

    #[test]
    fn census_first_names_tell_the_sex_unless_written_surname_first() {
        let text = "Rick Amsel met Anna Berg. He smiled.";
        assert_eq!(refs_of(text, "Rick Amsel"), vec!["He"]);
        // "Kim" is a census woman's name, but here a surname
        let text = "Officials said Kim Tae-ho met Anna Berg. He smiled.";
        assert_eq!(refs_of(text, "Kim Tae-ho"), vec!["He"]);
        // a surname first is a person's name enough to take a pronoun
        let text = "Shin Hyeonsu revealed the plan on Friday. He confirmed it later.";
        assert_eq!(refs_of(text, "Shin Hyeonsu"), vec!["He"]);
    }

    #[test]
    fn titles_and_earlier_pronouns_tell_the_sex() {
        // no census first name: "Mrs." tells
        let text = "Officials said Mrs. Okonkwo greeted Mr. Adeyemi. She smiled.";
        assert_eq!(refs_of(text, "Okonkwo"), vec!["She"]);
        assert!(refs_of(text, "Adeyemi").is_empty());
        // a role word tells too
        let text = "Pat Quist, a company spokeswoman, met Lee Dorn. Dorn left. Later she spoke.";
        assert!(refs_of(text, "Lee Dorn").is_empty());
    }

    #[test]
    fn unclear_pronouns_are_left_alone() {
        // two men in the last sentence, neither its subject: no link
        let text = "On Monday John Reed met Paul Hart. He said the talks went well.";
        assert!(linked(text).iter().all(|(_, r)| r.is_empty()));
        // a subject for a subject
        let text = "John Reed met Paul Hart on Monday. He said the talks went well.";
        assert_eq!(refs_of(text, "John Reed"), vec!["He"]);
        // anyone at all
        let text = "Ana Ruiz said each voter must bring his or her card.";
        assert!(refs_of(text, "Ana Ruiz").is_empty());
        // too far back
        let text = "Ana Ruiz spoke. Rain fell. Rain fell again. The rain stopped. She left.";
        assert!(refs_of(text, "Ana Ruiz").is_empty());
    }

    #[test]
    fn nominals_stand_for_the_organisation_or_person_they_fit() {
        let text = "The Ministry of Transport signed a deal with Acme Corp on Monday. The \
                    ministry said the company had agreed.";
        assert_eq!(refs_of(text, "Ministry of Transport"), vec!["The ministry"]);
        assert_eq!(refs_of(text, "Acme Corp"), vec!["the company"]);
        let text = "President Ines Varga flew to Lima. Later the president met Defense \
                    Secretary Omar Diallo, and the secretary's aides.";
        assert_eq!(refs_of(text, "Ines Varga"), vec!["the president"]);
        assert_eq!(refs_of(text, "Omar Diallo"), vec!["the secretary"]);
    }

    #[test]
    fn nominals_with_no_fitting_actor_are_not_invented() {
        let text = "Officials at the Ministry of Health spoke. The company denied it, and \
                    the president was silent.";
        assert!(linked(text).iter().all(|(_, r)| r.is_empty()));
    }

    #[test]
    fn a_nominal_in_an_apposition_gives_role_and_affiliation() {
        let text = "The Harbour Pilots Union (HPU) protested. \"We object,\" said Ivo Marsh, \
                    the union’s secretary.";
        let (doc, _) = Document::from_text(text, Meta::default());
        let tokens = tokenize(&doc);
        let syntax = Syntax::of_sentences(&doc, &tokens, wants_parse(&doc.text));
        let actors = extract(&doc, &tokens, &[], &syntax, &UserLexicon::default());
        let marsh = actors
            .iter()
            .find(|a| a.name == "Ivo Marsh")
            .expect("Ivo Marsh");
        assert_eq!(marsh.role.as_deref(), Some("secretary"));
        assert_eq!(
            marsh.affiliation.map(|a| actors[a].name.as_str()),
            Some("Harbour Pilots Union")
        );
    }
}
