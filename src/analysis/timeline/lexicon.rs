//! The timeline's word lists (`assets/lexicon/event_*`), parsed once on first use.

use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::LazyLock;

use crate::analysis::lexicon::data_lines;
use crate::analysis::tokens::lowercase;
use crate::wordlist::WordClasses;

/// How a verb form is inflected, which (with its auxiliaries) gives the event's tense.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    Base,
    ThirdPerson,
    Past,
    Participle,
    /// A form that is both the past and the participle ("supplied", "sent").
    PastOrParticiple,
    Ing,
}

/// Every inflected form of every event verb, lower case.
pub static EVENT_VERBS: LazyLock<HashMap<String, VerbForm>> = LazyLock::new(|| {
    let mut forms = HashMap::new();
    for line in data_lines(include_str!("../../../assets/lexicon/event_verbs.txt")) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let base = words[0];
        let past = words
            .get(1)
            .map_or_else(|| regular_past(base), |w| w.to_string());
        let participle = words.get(2).map_or_else(|| past.clone(), |w| w.to_string());
        let ing = words
            .get(3)
            .map_or_else(|| regular_ing(base), |w| w.to_string());
        forms.insert(third_person(base), VerbForm::ThirdPerson);
        forms.insert(ing, VerbForm::Ing);
        if past == participle {
            forms.insert(past, VerbForm::PastOrParticiple);
        } else {
            forms.insert(past, VerbForm::Past);
            forms.insert(participle, VerbForm::Participle);
        }
        // last, so that "cut", "hit", "put" read as past/participle only after the others
        forms.entry(base.to_string()).or_insert(VerbForm::Base);
    }
    forms
});

/// The classes of `assets/lexicon/event_words.tsv`, by their place in [`CLASSES`].
pub const CLAUSE_OPENER: usize = 0;
pub const AFTER: usize = 1;
pub const BEFORE: usize = 2;
pub const HYPOTHETICAL_OPENER: usize = 3;
pub const RELATIVE: usize = 4;
pub const WH: usize = 5;
pub const LABEL_LEAD: usize = 6;
pub const PHRASE_BREAK: usize = 7;
pub const LABEL_TAIL: usize = 8;
pub const PREPOSITION: usize = 9;
pub const ADVERB_SKIP: usize = 10;
pub const DETERMINER: usize = 11;
pub const AUXILIARY: usize = 12;
pub const MODIFIER_BEFORE: usize = 13;
pub const SUBJECT_PRONOUN: usize = 14;
pub const NEGATION: usize = 15;
pub const HYPOTHETICAL: usize = 16;
pub const FUTURE_BEFORE_TO: usize = 17;
pub const FINITE: usize = 18;
pub const FUTURE_AUX: usize = 19;
pub const PERFECT_AUX: usize = 20;
pub const PRESENT_AUX: usize = 21;
pub const PAST_AUX: usize = 22;
pub const PLURAL_NOUN: usize = 23;
pub const MEASURE: usize = 24;
pub const COORDINATOR: usize = 25;
pub const COPULA_BASE: usize = 26;
pub const PARTICIPLE_PHRASE: usize = 27;
pub const COMPARISON_LEAD: usize = 28;
pub const COMPARISON_BASE: usize = 29;
pub const DATE_JOINER: usize = 30;
pub const COMPARISON: usize = 31;
pub const FORWARD_NOUN: usize = 32;
pub const INFINITIVE: usize = 33;
pub const AGENT: usize = 34;
pub const TIME_RELATIVE: usize = 35;
pub const STRANDING: usize = 36;
pub const PERIOD_PART: usize = 37;
pub const TIME_ANAPHOR: usize = 38;
pub const REFERENCE_LEAD: usize = 39;
pub const SPAN_BACK: usize = 40;
pub const SEQUENCE: usize = 41;
pub const CHANGE: usize = 42;

const CLASSES: [&str; 43] = [
    "clause_opener",
    "after",
    "before",
    "hypothetical_opener",
    "relative",
    "wh",
    "label_lead",
    "phrase_break",
    "label_tail",
    "preposition",
    "adverb_skip",
    "determiner",
    "auxiliary",
    "modifier_before",
    "subject_pronoun",
    "negation",
    "hypothetical",
    "future_before_to",
    "finite",
    "future_aux",
    "perfect_aux",
    "present_aux",
    "past_aux",
    "plural_noun",
    "measure",
    "coordinator",
    "copula_base",
    "participle_phrase",
    "comparison_lead",
    "comparison_base",
    "date_joiner",
    "comparison",
    "forward_noun",
    "infinitive",
    "agent",
    "time_relative",
    "stranding",
    "period_part",
    "time_anaphor",
    "reference_lead",
    "span_back",
    "sequence",
    "change",
];

/// The timeline's closed word classes (`assets/lexicon/event_words.tsv`).
static WORDS: LazyLock<WordClasses> = LazyLock::new(|| {
    WordClasses::parse(
        include_str!("../../../assets/lexicon/event_words.tsv"),
        &CLASSES,
    )
});

/// Whether a lower-case word is of a class of `event_words.tsv`.
pub fn is(class: usize, word: &str) -> bool {
    WORDS.has(class, word)
}

/// The classes of a lower-case word, as a mask of `1 << class` bits.
pub fn classes(word: &str) -> u64 {
    WORDS.of(word)
}

/// Every inflected form of every event verb, lower case, to the kind of happening it states:
/// its base form ("provided" to "provide"), or the first of its set in `event_kinds.txt`
/// ("provided" to "supply"). Two clauses of one kind may state one happening.
static LEMMAS: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut kinds: HashMap<&'static str, &'static str> = HashMap::new();
    for line in data_lines(include_str!("../../../assets/lexicon/event_kinds.txt")) {
        let mut verbs = line.split_whitespace();
        let first = verbs.next().unwrap_or_default();
        for verb in verbs {
            kinds.insert(verb, first);
        }
    }
    let mut lemmas = HashMap::new();
    for line in data_lines(include_str!("../../../assets/lexicon/event_verbs.txt")) {
        let words: Vec<&'static str> = line.split_whitespace().collect();
        let base = words[0];
        let past = words
            .get(1)
            .map_or_else(|| regular_past(base), |w| w.to_string());
        let participle = words.get(2).map_or_else(|| past.clone(), |w| w.to_string());
        let ing = words
            .get(3)
            .map_or_else(|| regular_ing(base), |w| w.to_string());
        let kind = kinds.get(base).copied().unwrap_or(base);
        for form in [third_person(base), ing, past, participle, base.to_string()] {
            lemmas.entry(form).or_insert(kind);
        }
    }
    lemmas
});

/// The kind of happening an event verb's form states (see [`LEMMAS`]).
pub fn lemma(form: &str) -> Option<&'static str> {
    LEMMAS.get(form).copied()
}

/// Nouns that name events ("invasion", "talks"), lower case.
static EVENT_NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| data_lines(include_str!("../../../assets/lexicon/event_nouns.txt")).collect());

pub fn is_event_noun(word: &str) -> bool {
    let lower = lowercase(word);
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    EVENT_NOUNS.contains(&*lower) || EVENT_NOUNS.contains(singular)
}

fn ends_consonant_y(word: &str) -> bool {
    let mut rev = word.chars().rev();
    rev.next() == Some('y') && rev.next().is_some_and(|c| !"aeiou".contains(c))
}

fn regular_past(base: &str) -> String {
    if base.ends_with('e') {
        format!("{base}d")
    } else if ends_consonant_y(base) {
        format!("{}ied", &base[..base.len() - 1])
    } else {
        format!("{base}ed")
    }
}

fn regular_ing(base: &str) -> String {
    match base.strip_suffix('e') {
        Some(stem) if !base.ends_with("ee") => format!("{stem}ing"),
        _ => format!("{base}ing"),
    }
}

fn third_person(base: &str) -> String {
    if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|e| base.ends_with(e))
    {
        format!("{base}es")
    } else if ends_consonant_y(base) {
        format!("{}ies", &base[..base.len() - 1])
    } else {
        format!("{base}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_forms() {
        let form = |w: &str| EVENT_VERBS.get(w).copied();
        assert_eq!(form("supplied"), Some(VerbForm::PastOrParticiple));
        assert_eq!(form("supplies"), Some(VerbForm::ThirdPerson));
        assert_eq!(form("supplying"), Some(VerbForm::Ing));
        assert_eq!(form("invaded"), Some(VerbForm::PastOrParticiple));
        assert_eq!(form("began"), Some(VerbForm::Past));
        assert_eq!(form("begun"), Some(VerbForm::Participle));
        assert_eq!(form("sent"), Some(VerbForm::PastOrParticiple));
        assert_eq!(form("banning"), Some(VerbForm::Ing));
        assert_eq!(form("said"), None);
    }

    #[test]
    fn event_nouns_match_singular_and_plural() {
        assert!(is_event_noun("Invasion"));
        assert!(is_event_noun("elections"));
        assert!(is_event_noun("talks"));
        assert!(!is_event_noun("missile"));
    }
}
