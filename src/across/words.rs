//! The words of a claim as claims across briefings compare them: each content word in a base
//! form ("supplied" to "supply", "missiles" to "missile"), and whether two words say the same
//! (the same base form, spelled with a hyphen or without, or a concept they share in Open
//! English WordNet, unless WordNet calls them antonyms). The WordNet list (`assets/lexicon/synonyms.tsv.gz`, made by
//! `scripts/build_synonyms.py`) is gzipped in the binary and read once on first use; a short
//! hand-written list of the news' own equivalences (`claim_synonyms.txt`) adds concepts of its
//! own.

use std::io::Read;
use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::analysis::lexicon::data_lines;

struct Lexicon {
    /// A base form's concepts, sorted.
    concepts: HashMap<String, Vec<u32>>,
    /// An irregular form's base form ("sent" to "send").
    forms: HashMap<String, String>,
    /// Pairs of antonyms, each in order.
    antonyms: HashSet<(String, String)>,
    /// Words that carry no content here: function words, reporting verbs.
    function: HashSet<&'static str>,
    /// Words that turn a statement into its denial.
    negations: HashSet<&'static str>,
    /// Nouns that only say what kind of place a name after "of" is ("the city of").
    name_nouns: HashSet<&'static str>,
    /// Hyphened after a prefix, another word than written without the hyphen ("re-sign").
    homographs: HashSet<&'static str>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut text = String::new();
    flate2::read::GzDecoder::new(&include_bytes!("../../assets/lexicon/synonyms.tsv.gz")[..])
        .read_to_string(&mut text)
        .expect("the bundled synonyms list is gzipped UTF-8");
    let mut lexicon = Lexicon {
        concepts: HashMap::new(),
        forms: HashMap::new(),
        antonyms: HashSet::new(),
        function: data_lines(include_str!(
            "../../assets/lexicon/claim_function_words.txt"
        ))
        .flat_map(str::split_whitespace)
        .collect(),
        negations: data_lines(include_str!("../../assets/lexicon/negations.txt"))
            .flat_map(str::split_whitespace)
            .collect(),
        name_nouns: data_lines(include_str!("../../assets/lexicon/claim_name_nouns.txt"))
            .flat_map(str::split_whitespace)
            .collect(),
        homographs: data_lines(include_str!("../../assets/lexicon/prefix_homographs.txt"))
            .flat_map(str::split_whitespace)
            .collect(),
    };
    for line in data_lines(&text) {
        let Some((word, rest)) = line.split_once('\t') else {
            continue;
        };
        if let Some(base) = rest.strip_prefix('=') {
            lexicon.forms.insert(word.to_string(), base.to_string());
        } else if let Some(other) = rest.strip_prefix('!') {
            lexicon.antonyms.insert(ordered(word, other));
        } else {
            let concepts = rest
                .split_whitespace()
                .filter_map(|c| u32::from_str_radix(c, 36).ok());
            lexicon
                .concepts
                .insert(word.to_string(), concepts.collect());
        }
    }
    // the hand-written sets: each line a concept numbered past WordNet's
    let mut next = u32::MAX;
    for line in data_lines(include_str!("../../assets/lexicon/claim_synonyms.txt")) {
        for word in line.split_whitespace() {
            let held = lexicon.concepts.entry(word.to_string()).or_default();
            held.push(next);
            held.sort_unstable();
        }
        next -= 1;
    }
    lexicon
});

fn ordered(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// A word's base form: an irregular form's, else the first regular ending taken off that
/// gives a word the list knows, else the word (a plural's s off).
pub fn base(word: &str) -> String {
    let lexicon = &*LEXICON;
    let lower = word.to_lowercase();
    if lexicon.concepts.contains_key(&lower) {
        return lower;
    }
    if let Some(base) = lexicon.forms.get(&lower) {
        return base.clone();
    }
    const ENDINGS: &[(&str, &str)] = &[
        ("ies", "y"),
        ("ied", "y"),
        ("ing", "e"),
        ("ing", ""),
        ("ed", "e"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ];
    for (ending, put) in ENDINGS {
        if let Some(stem) = lower.strip_suffix(ending).filter(|s| s.len() > 2) {
            let candidate = format!("{stem}{put}");
            if lexicon.concepts.contains_key(&candidate) {
                return candidate;
            }
            // a doubled consonant ("planned", "shipping")
            let mut chars = stem.chars().rev();
            if put.is_empty() && chars.next() == chars.next() {
                let single = &stem[..stem.len() - 1];
                if lexicon.concepts.contains_key(single) {
                    return single.to_string();
                }
            }
        }
    }
    match lower.strip_suffix('s') {
        Some(stem) if stem.chars().count() > 3 && !stem.ends_with('s') => stem.to_string(),
        _ => lower,
    }
}

/// Two words written apart that the list knows as one, hyphened or joined ("air defence":
/// "air-defence", "cease fire": "cease-fire"), in its base form.
pub fn compound(first: &str, second: &str) -> Option<String> {
    [format!("{first}-{second}"), format!("{first}{second}")]
        .iter()
        .map(|joined| base(joined))
        .find(|joined| LEXICON.concepts.contains_key(joined))
}

/// Whether a word (lower case) carries no content of its own in a claim.
pub fn is_function(word: &str) -> bool {
    LEXICON.function.contains(word)
}

/// Whether a word (lower case) negates what it is said with ("not", "never", "denied").
pub fn is_negation(word: &str) -> bool {
    LEXICON.negations.contains(word)
}

/// Whether a word (lower case) only says what kind of place the name after it is, written
/// before "of" ("city" in "the city of Dunmere").
pub fn is_name_noun(word: &str) -> bool {
    LEXICON.name_nouns.contains(word)
}

/// How two base forms say the same: the same word, or synonyms (a concept shared).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Same {
    Word,
    Synonym,
}

/// A base form as spelled without its hyphens: "cease-fire" and "ceasefire", "re-open" and
/// "reopen" are one word written two ways. The hyphen stays in a word it tells apart from
/// another (`prefix_homographs.txt`: "re-sign" is not "resign"), in any of its forms.
fn unhyphened(word: &str) -> String {
    let listed = |form: &str| {
        ["", "s", "d", "ed", "es", "ing"].iter().any(|ending| {
            form.strip_suffix(ending)
                .is_some_and(|stem| LEXICON.homographs.contains(stem))
        })
    };
    if word.contains('-') && !listed(word) {
        word.replace('-', "")
    } else {
        word.to_string()
    }
}

/// Whether two base forms say the same, and how.
pub fn same(a: &str, b: &str) -> Option<Same> {
    if a == b || unhyphened(a) == unhyphened(b) {
        return Some(Same::Word);
    }
    let lexicon = &*LEXICON;
    let (Some(x), Some(y)) = (lexicon.concepts.get(a), lexicon.concepts.get(b)) else {
        return None;
    };
    let shared = x.iter().any(|c| y.binary_search(c).is_ok());
    (shared && !lexicon.antonyms.contains(&ordered(a, b))).then_some(Same::Synonym)
}

/// The keys a base form is found by: itself and each of its concepts.
pub fn keys(word: &str) -> Vec<String> {
    let mut keys = vec![format!("w:{}", unhyphened(word))];
    if let Some(concepts) = LEXICON.concepts.get(word) {
        keys.extend(concepts.iter().map(|c| format!("c:{c}")));
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_come_to_their_base_and_synonyms_meet() {
        assert_eq!(base("supplied"), "supply");
        assert_eq!(base("Missiles"), "missile");
        assert_eq!(base("sent"), "send");
        assert_eq!(base("planned"), "plan");
        assert_eq!(same("supply", "provide"), Some(Same::Synonym));
        assert_eq!(same("missile", "missile"), Some(Same::Word));
        assert_eq!(
            same("supply", "send"),
            Some(Same::Synonym),
            "the news' own list"
        );
        assert_eq!(same("increase", "decrease"), None);
        assert_eq!(same("missile", "treaty"), None);
        assert!(is_negation("denied") && is_negation("not"));
        assert_eq!(compound("air", "defences").as_deref(), Some("air-defence"));
        assert_eq!(compound("cease", "fire").as_deref(), Some("cease-fire"));
        assert_eq!(compound("sent", "missiles"), None);
        assert_eq!(
            same(&base("troops"), &base("soldiers")),
            Some(Same::Synonym)
        );
        assert_eq!(same("deploy", "send"), Some(Same::Synonym));
        assert!(is_function("the") && !is_function("missile"));
        // one word spelled with a hyphen and without, found by the same key
        assert_eq!(same("cease-fire", "ceasefire"), Some(Same::Word));
        assert!(
            keys("ceasefire")
                .iter()
                .any(|k| keys("cease-fire").contains(k))
        );
        assert_eq!(same("seize", "capture"), Some(Same::Synonym));
        assert_eq!(same("ceasefire", "truce"), Some(Same::Synonym));
        // a hyphen after a prefix is a spelling, but for the words it tells apart
        assert_eq!(same("re-sign", "resign"), None);
        assert_eq!(same("re-signed", "resigned"), None);
        assert_eq!(same("co-op", "coop"), None);
        assert!(!keys("resign").iter().any(|k| keys("re-sign").contains(k)));
        for (hyphened, joined) in [
            ("re-open", "reopen"),
            ("re-election", "reelection"),
            ("co-operation", "cooperation"),
            ("pre-war", "prewar"),
            ("re-elect", "reelect"),
        ] {
            assert_eq!(same(hyphened, joined), Some(Same::Word), "{hyphened}");
            assert!(keys(joined).iter().any(|k| keys(hyphened).contains(k)));
        }
    }
}
