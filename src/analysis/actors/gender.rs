//! A person's sex as the text tells it, so that "he" and "she" find the right person: a word
//! before the name or in the role ("Mrs.", "Queen", "spokeswoman"), else a census first name
//! that is clearly one sex's. Tables: `first_name_genders.tsv`, `gender_words.tsv`.

use foldhash::HashMap;
use std::sync::LazyLock;

use super::cluster::Clustered;
use super::mentions::{Candidate, word_before};
use crate::analysis::lexicon::data_lines;
use crate::analysis::model::{Actor, ActorKind};
use crate::analysis::tokens::Token;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

struct Tables {
    first_names: HashMap<&'static str, Gender>,
    words: HashMap<&'static str, Gender>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    // two columns, split in place (a list of columns a row was most of the load's cost)
    let read = |text: &'static str| {
        data_lines(text)
            .filter_map(|line| {
                let (word, sex) = line.split_once('\t')?;
                let gender = match sex.trim() {
                    "m" => Gender::Male,
                    "f" => Gender::Female,
                    _ => return None,
                };
                Some((word.trim(), gender))
            })
            .collect()
    };
    Tables {
        first_names: read(include_str!(
            "../../../assets/gazetteer/first_name_genders.tsv"
        )),
        words: read(include_str!("../../../assets/gazetteer/gender_words.tsv")),
    }
});

/// The sex a third-person pronoun gives its antecedent ("he", "Her"), if it is one.
pub fn of_pronoun(word: &str) -> Option<Gender> {
    // called on every word: no allocation
    let is = |forms: &[&str]| forms.iter().any(|f| f.eq_ignore_ascii_case(word));
    if is(&["he", "him", "his", "himself"]) {
        Some(Gender::Male)
    } else if is(&["she", "her", "hers", "herself"]) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The sex of each person actor where the text tells it; `None` for other actors and where
/// the clues disagree or are missing.
pub fn of_people(
    text: &str,
    tokens: &[Token],
    cands: &[Candidate],
    out: &Clustered,
) -> Vec<Option<Gender>> {
    let t = &*TABLES;
    let mut clues: Vec<Vec<Gender>> = vec![Vec::new(); out.actors.len()];
    for (i, c) in cands.iter().enumerate() {
        let Some(a) = out.actor_of[i].filter(|&a| out.actors[a].kind == ActorKind::Person) else {
            continue;
        };
        // the word just before the name ("Mrs. Dale"), or the title written before it
        let before = word_before(text, tokens, c.tokens.0);
        let title = c
            .title
            .into_iter()
            .flat_map(|(s, e)| tokens[s..e].iter().map(|t| t.text(text)));
        clues[a].extend(
            before
                .into_iter()
                .chain(title)
                .filter_map(|w| t.words.get(w).copied()),
        );
    }
    out.actors
        .iter()
        .zip(clues)
        .map(|(actor, clues)| {
            if actor.kind != ActorKind::Person {
                return None;
            }
            let role = actor.role.iter().flat_map(|r| r.split_whitespace());
            let mut all = clues
                .into_iter()
                .chain(role.filter_map(|w| word_gender(t, w)));
            match all.next() {
                Some(g) => all.all(|h| h == g).then_some(g),
                None => first_name(t, actor),
            }
        })
        .collect()
}

fn word_gender(t: &Tables, word: &str) -> Option<Gender> {
    t.words.get(word).copied().or_else(|| {
        // roles are written in lower case too ("spokeswoman")
        let mut chars = word.chars();
        let first = chars.next()?;
        let capital: String = first.to_uppercase().chain(chars).collect();
        t.words.get(capital.as_str()).copied()
    })
}

/// The census sex of the first word of a full name, unless the name reads as one written
/// surname first ("Kim Jong Un", "Park Geun-hye": a census surname first, then no census
/// surname but three words or a hyphenated given name).
fn first_name(t: &Tables, actor: &Actor) -> Option<Gender> {
    let g = &*super::gazetteer::GAZETTEER;
    let words: Vec<&str> = actor.name.split_whitespace().collect();
    let (&first, &last) = (words.first()?, words.last()?);
    if words.len() < 2 {
        return None;
    }
    let given_last = words.len() > 2 || last.contains('-');
    if g.last_names.contains(first) && !g.last_names.contains(last) && given_last {
        return None;
    }
    t.first_names.get(first).copied()
}
