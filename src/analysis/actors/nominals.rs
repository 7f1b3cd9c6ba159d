//! Common nouns that stand for an actor the text has named ("the ministry", "the president"),
//! from `assets/gazetteer/nominals.tsv`: where one is written, and which actors it may stand
//! for.

use foldhash::{HashMap, HashSet};
use std::sync::LazyLock;

use super::gazetteer::GAZETTEER;
use crate::analysis::lexicon::{data_lines, data_rows};
use crate::analysis::model::{Actor, ActorKind};
use crate::analysis::tokens::{Token, TokenKind, is_possessive};

/// How a noun finds its actor.
#[derive(Debug)]
pub enum Fit {
    /// The person whose role ends with the noun.
    Role,
    /// The most recent actor of the kind.
    Recent,
    /// An actor whose name has one of these words; with `any`, also one whose name has none
    /// of the words any noun lists.
    Cues {
        words: HashSet<&'static str>,
        any: bool,
    },
}

#[derive(Debug)]
pub struct Nominal {
    pub noun: &'static str,
    pub kind: ActorKind,
    pub fit: Fit,
}

struct Table {
    nouns: HashMap<&'static str, Nominal>,
    /// Every cue word of every noun.
    cues: HashSet<&'static str>,
    /// Irregular past tenses ("met", "told").
    past_verbs: HashSet<&'static str>,
    /// Words allowed between "the" and the noun ("former").
    modifiers: HashSet<&'static str>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut nouns = HashMap::default();
    let mut cues = HashSet::default();
    for row in data_rows(include_str!("../../../assets/gazetteer/nominals.tsv")) {
        let [noun, kind, fit] = row.as_slice() else {
            continue;
        };
        let kind = match *kind {
            "person" => ActorKind::Person,
            "organization" => ActorKind::Organization,
            "country" => ActorKind::Country,
            "place" => ActorKind::Place,
            _ => continue,
        };
        let fit = match *fit {
            "role" => Fit::Role,
            "recent" => Fit::Recent,
            words => {
                let words: HashSet<&str> = words.split('|').collect();
                cues.extend(words.iter().filter(|w| **w != "*"));
                Fit::Cues {
                    any: words.contains("*"),
                    words,
                }
            }
        };
        nouns.insert(*noun, Nominal { noun, kind, fit });
    }
    Table {
        nouns,
        cues,
        past_verbs: data_lines(include_str!("../../../assets/gazetteer/past_verbs.txt")).collect(),
        modifiers: data_lines(include_str!(
            "../../../assets/gazetteer/nominal_modifiers.txt"
        ))
        .collect(),
    }
});

/// How many words may stand between "the" and the noun ("the former president").
const MAX_MODIFIERS: usize = 2;
/// A word after the noun this frequent (a function word or auxiliary) ends the phrase.
pub(super) const FUNCTION_RANK: usize = 150;

/// A nominal phrase "the [modifiers] noun" at token `i`, which is "the": its end (exclusive)
/// and noun. `taken(k)`: token `k` is part of a name. Not when the noun heads a longer phrase
/// ("the company spokesman", "the president of the club").
pub fn at(
    text: &str,
    tokens: &[Token],
    i: usize,
    taken: impl Fn(usize) -> bool,
) -> Option<(usize, &'static Nominal)> {
    let t = &*TABLE;
    let word = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.is_word() && t.sentence == tokens[i].sentence && !taken(k))
            .map(|t| t.text(text))
    };
    if !matches!(word(i), Some("the" | "The")) {
        return None;
    }
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    for k in i + 1..=i + 1 + MAX_MODIFIERS {
        let w = word(k).filter(|w| lower(w))?;
        let modifier = t.modifiers.contains(w) || w.contains('-');
        let two = word(k + 1).map(|next| [w, next].join(" "));
        let (end, nominal) = match two.as_deref().and_then(|p| t.nouns.get(p)) {
            Some(n) => (k + 2, n),
            None => match t.nouns.get(w) {
                Some(n) => (k + 1, n),
                None if modifier => continue,
                None => return None,
            },
        };
        return ends_phrase(text, tokens, end).then_some((end, nominal));
    }
    None
}

/// Whether the noun phrase ends before token `k`.
fn ends_phrase(text: &str, tokens: &[Token], k: usize) -> bool {
    let Some(next) = tokens.get(k) else {
        return true;
    };
    let w = next.text(text);
    match next.kind {
        TokenKind::Punct => !matches!(w, "-" | "&"),
        TokenKind::Number => false,
        TokenKind::Word if is_possessive(w) => true,
        // a verb or function word next, not a noun of a compound ("the ministry building")
        TokenKind::Word => {
            let g = &*GAZETTEER;
            w != "of"
                && !TABLE.nouns.contains_key(w)
                && w.chars().next().is_some_and(char::is_lowercase)
                && (g.rank(w).is_some_and(|r| r < FUNCTION_RANK)
                    || g.said_verbs.contains(w)
                    || TABLE.past_verbs.contains(w)
                    || w.ends_with("ed")
                    || w.ends_with('s') && !w.ends_with("ss"))
        }
    }
}

impl Nominal {
    /// Whether the noun may stand for this actor.
    pub fn fits(&self, actor: &Actor) -> bool {
        if actor.kind != self.kind {
            return false;
        }
        match &self.fit {
            Fit::Role => actor.role.as_deref().is_some_and(|r| {
                let r = r.to_lowercase();
                // "adviser to the president" is no president
                let object = r
                    .split(' ')
                    .any(|w| matches!(w, "to" | "the" | "of" | "for"));
                !object
                    && r.strip_suffix(self.noun)
                        .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
            }),
            Fit::Recent => true,
            Fit::Cues { words, any } => {
                let mut name = actor.name.split_whitespace();
                name.clone().any(|w| words.contains(w))
                    || *any && !name.any(|w| TABLE.cues.contains(w))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;
    use crate::document::{Document, Meta};

    fn found(text: &str) -> Option<&'static str> {
        let (doc, _) = Document::from_text(text, Meta::default());
        let tokens = tokenize(&doc);
        at(&doc.text, &tokens, 0, |_| false).map(|(_, n)| n.noun)
    }

    #[test]
    fn nominal_phrases_end_at_their_noun() {
        assert_eq!(found("The company said so."), Some("company"));
        assert_eq!(
            found("The former prime minister left."),
            Some("prime minister")
        );
        assert_eq!(found("The ministry’s plan failed."), Some("ministry"));
        assert_eq!(found("The company spokesman said so."), None);
        assert_eq!(found("The president of the club said so."), None);
        assert_eq!(found("The ministry building burned."), None);
        assert_eq!(found("The very old and tired bank."), None);
        assert_eq!(found("The first company to fly it."), None);
        assert_eq!(found("The state-run agency said so."), Some("agency"));
    }

    #[test]
    fn nouns_fit_actors_by_role_and_name() {
        let mut austin = Actor::named_at("Lloyd Austin", ActorKind::Person, &[]);
        austin.role = Some("Defense Secretary".into());
        let secretary = &TABLE.nouns["secretary"];
        assert!(secretary.fits(&austin));
        assert!(!TABLE.nouns["president"].fits(&austin));
        let ministry = Actor::named_at("Ministry of Transport", ActorKind::Organization, &[]);
        let acme = Actor::named_at("Acme", ActorKind::Organization, &[]);
        assert!(TABLE.nouns["ministry"].fits(&ministry));
        assert!(!TABLE.nouns["ministry"].fits(&acme));
        assert!(TABLE.nouns["company"].fits(&acme));
        assert!(!TABLE.nouns["company"].fits(&ministry));
    }
}
