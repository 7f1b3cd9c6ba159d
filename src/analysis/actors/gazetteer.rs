//! The name tables in `assets/gazetteer/` (see its ATTRIBUTION.md), parsed once on first use.
//!
//! Phrases are keyed by their lower-cased words joined as in the text (a space where the text
//! has whitespace), so that a lookup is one hash probe per candidate length.

use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::LazyLock;

use crate::analysis::lexicon::data_lines;
use crate::analysis::model::ActorKind;

/// What a gazetteer phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A country by its name or an alternative name.
    Country(&'static str),
    /// A capital or a seat of government standing for a country ("Pyongyang", "the Kremlin").
    Seat(&'static str),
    /// The people or adjective of a country ("North Korean").
    Demonym(&'static str),
    /// A city, state, region or continent.
    Place,
    /// A well-known organisation, by its canonical name.
    Organization(&'static str),
}

impl Entry {
    pub fn kind(self) -> ActorKind {
        match self {
            Entry::Country(_) | Entry::Seat(_) | Entry::Demonym(_) => ActorKind::Country,
            Entry::Place => ActorKind::Place,
            Entry::Organization(_) => ActorKind::Organization,
        }
    }
}

pub struct Gazetteer {
    phrases: HashMap<String, Entry>,
    /// The longest phrase, in words.
    pub max_words: usize,
    pub first_names: HashSet<&'static str>,
    pub last_names: HashSet<&'static str>,
    /// Lower-case words of ordinary running text, with their frequency rank (0 = "the").
    common_words: HashMap<&'static str, usize>,
    /// Every lower-case word of a dictionary, for words too rare to be ranked.
    dictionary: Dictionary,
    pub not_names: HashSet<&'static str>,
    pub titles: HashSet<&'static str>,
    pub honorifics: HashSet<&'static str>,
    pub not_acronyms: HashSet<&'static str>,
    pub not_alone: HashSet<&'static str>,
    adjective_endings: Vec<&'static str>,
    pub said_verbs: HashSet<&'static str>,
    pub org_cues: HashSet<&'static str>,
    pub place_cues: HashSet<&'static str>,
    /// "the port of", "the village of": the name after them is a place.
    pub place_nouns: HashSet<&'static str>,
    /// "province", "district": the name before one is a place.
    pub admin_nouns: HashSet<&'static str>,
    /// "peninsula", "river": the name before one is a place, after a determiner too.
    pub geo_nouns: HashSet<&'static str>,
    /// "newsletter", "provider": a kind of organisation naming the name after it or heading
    /// an appositive after it.
    pub descriptor_nouns: HashSet<&'static str>,
    pub other_cues: HashSet<&'static str>,
    /// "USS", "HMS": the name after one is a ship's.
    pub vessel_prefixes: HashSet<&'static str>,
    /// "site", "reactor": a name just before one (lower-case words between) is a facility's.
    pub facility_nouns: HashSet<&'static str>,
    /// Members of a faith, party or people ("Muslim", "Democrat").
    pub group_words: HashSet<&'static str>,
    pub connectors: HashSet<&'static str>,
    /// "and", "in": lower-case words inside a name written out before its acronym.
    pub acronym_connectors: HashSet<&'static str>,
    /// "flights", "fled": a capital travelled to or from after one is a place.
    pub motion_words: HashSet<&'static str>,
}

/// Inflectional endings and what replaces them to give the dictionary form (the same list
/// as `scripts/build_gazetteers.py`).
const ENDINGS: &[(&str, &str)] = &[
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
    ("men", "man"),
    ("ier", "y"),
    ("iest", "y"),
    ("er", ""),
    ("er", "e"),
    ("est", ""),
    ("est", "e"),
];

/// A sorted word list (one a line, in byte order) searched by bisection over the text itself:
/// nothing is hashed or indexed at start-up, where the 200,000 lines' index took most of
/// a short briefing's time.
struct Dictionary {
    text: &'static str,
}

impl Dictionary {
    fn new(text: &'static str) -> Dictionary {
        Dictionary { text }
    }

    fn contains(&self, lower: &str) -> bool {
        let text = self.text.as_bytes();
        // `lo` and `hi` are always line starts (or the end)
        let (mut lo, mut hi) = (0, text.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = text[lo..mid]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(lo, |i| lo + i + 1);
            let end = text[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(text.len(), |i| start + i);
            match text[start..end].cmp(lower.as_bytes()) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => lo = end + 1,
                std::cmp::Ordering::Greater => hi = start,
            }
        }
        false
    }
}

/// The frequency rank below which a word is very common.
const VERY_COMMON: usize = 10_000;
/// The frequency rank below which a word is ordinary wherever it stands.
const MOST_COMMON: usize = 3_000;

pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

fn set(text: &'static str) -> HashSet<&'static str> {
    // sized by its lines first: grown from empty, a list of thousands is rehashed a dozen times
    let lines = text.bytes().filter(|&b| b == b'\n').count();
    let mut set = HashSet::with_capacity_and_hasher(lines, Default::default());
    set.extend(data_lines(text));
    set
}

/// Two columns separated by a tab; the second may be missing.
fn pairs(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    data_lines(text).map(|l| l.split_once('\t').unwrap_or((l, "")))
}

/// The lookup key of a phrase: lower case, one space between words, the possessive and
/// other punctuation attached as written.
pub fn key(phrase: &str) -> String {
    if is_plain(phrase) {
        return phrase.to_ascii_lowercase();
    }
    let mut key = String::with_capacity(phrase.len());
    for word in phrase.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    // in place when ASCII; else as a whole, for the context of a final sigma
    if key.is_ascii() {
        key.make_ascii_lowercase();
        key
    } else {
        key.to_lowercase()
    }
}

/// ASCII words joined by single spaces, as most phrases are: already their key's shape,
/// so [`key`] only lowers them (splitting and joining cost several times more).
pub(super) fn is_plain(phrase: &str) -> bool {
    let mut after_space = true;
    for b in phrase.bytes() {
        if b == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if !b.is_ascii() || b.is_ascii_whitespace() || b == 0x0B {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space
}

/// The people of a demonym in the plural ("Afghans", "Saudis", "Filipinos"); one already
/// plural or that takes no "-s" ("Chinese", "Swiss", "British", "Kyrgyz") gives nothing.
fn plural(demonym: &str) -> String {
    let regular = !demonym.is_empty()
        && !["s", "sh", "se", "z", "ch"]
            .iter()
            .any(|end| demonym.ends_with(end));
    if regular {
        format!("{demonym}s")
    } else {
        String::new()
    }
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut phrases = HashMap::new();
        // later tables do not override earlier ones: countries first, then what stands for them
        let mut add = |phrase: &str, entry: Entry| {
            if !phrase.is_empty() {
                phrases.entry(key(phrase)).or_insert(entry);
            }
        };
        let countries = include_str!("../../../assets/gazetteer/countries.tsv");
        for line in data_lines(countries) {
            let mut cols = line.split('\t');
            let name = cols.next().unwrap_or_default();
            let capital = cols.next().unwrap_or_default();
            let alternatives = cols.next().unwrap_or_default();
            let demonyms = cols.next().unwrap_or_default();
            add(name, Entry::Country(name));
            for alt in alternatives.split('|') {
                add(alt, Entry::Country(name));
            }
            add(capital, Entry::Seat(name));
            for d in demonyms.split('|') {
                add(d, Entry::Demonym(name));
                add(&plural(d), Entry::Demonym(name));
            }
        }
        for (alias, country) in pairs(include_str!(
            "../../../assets/gazetteer/country_aliases.tsv"
        )) {
            add(alias, Entry::Country(country));
        }
        for (seat, country) in pairs(include_str!("../../../assets/gazetteer/seats.tsv")) {
            add(seat, Entry::Seat(country));
        }
        for (word, country) in pairs(include_str!("../../../assets/gazetteer/demonyms.tsv")) {
            add(word, Entry::Demonym(country));
            add(&plural(word), Entry::Demonym(country));
        }
        for (name, acronym) in pairs(include_str!("../../../assets/gazetteer/organizations.tsv")) {
            add(name, Entry::Organization(name));
            add(acronym, Entry::Organization(name));
        }
        for place in data_lines(include_str!("../../../assets/gazetteer/places_extra.txt")).chain(
            data_lines(include_str!("../../../assets/gazetteer/places.txt")),
        ) {
            add(place, Entry::Place);
        }
        let max_words = phrases
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        Gazetteer {
            phrases,
            max_words,
            first_names: set(include_str!("../../../assets/gazetteer/first_names.txt")),
            last_names: set(include_str!("../../../assets/gazetteer/last_names.txt")),
            common_words: data_lines(include_str!("../../../assets/gazetteer/common_words.txt"))
                .enumerate()
                .map(|(rank, w)| (w, rank))
                .collect(),
            dictionary: Dictionary::new(include_str!("../../../assets/gazetteer/dictionary.txt")),
            not_names: set(include_str!("../../../assets/gazetteer/not_names.txt")),
            titles: set(include_str!("../../../assets/gazetteer/titles.txt")),
            honorifics: set(include_str!("../../../assets/gazetteer/honorifics.txt")),
            not_acronyms: set(include_str!("../../../assets/gazetteer/not_acronyms.txt")),
            not_alone: set(include_str!("../../../assets/gazetteer/not_alone.txt")),
            adjective_endings: data_lines(include_str!(
                "../../../assets/gazetteer/adjective_endings.txt"
            ))
            .collect(),
            said_verbs: set(include_str!("../../../assets/gazetteer/said_verbs.txt")),
            org_cues: set(include_str!("../../../assets/gazetteer/org_cues.txt")),
            place_cues: set(include_str!("../../../assets/gazetteer/place_cues.txt")),
            place_nouns: set(include_str!("../../../assets/gazetteer/place_nouns.txt")),
            admin_nouns: set(include_str!("../../../assets/gazetteer/admin_nouns.txt")),
            geo_nouns: set(include_str!("../../../assets/gazetteer/geo_nouns.txt")),
            descriptor_nouns: set(include_str!(
                "../../../assets/gazetteer/descriptor_nouns.txt"
            )),
            other_cues: set(include_str!("../../../assets/gazetteer/other_cues.txt")),
            vessel_prefixes: set(include_str!(
                "../../../assets/gazetteer/vessel_prefixes.txt"
            )),
            facility_nouns: set(include_str!("../../../assets/gazetteer/facility_nouns.txt")),
            group_words: set(include_str!("../../../assets/gazetteer/group_words.txt")),
            connectors: set(include_str!(
                "../../../assets/gazetteer/name_connectors.txt"
            )),
            acronym_connectors: set(include_str!(
                "../../../assets/gazetteer/acronym_connectors.txt"
            )),
            motion_words: set(include_str!("../../../assets/gazetteer/motion_words.txt")),
        }
    }

    /// The entry for a phrase key made with [`key`].
    pub fn lookup(&self, key: &str) -> Option<Entry> {
        self.phrases.get(key).copied()
    }

    /// Whether a word (as written) is an ordinary lower-case word of English: ranked, or a
    /// dictionary word, or an inflection of one ("analysts", "women", "bigger").
    pub fn is_common(&self, word: &str) -> bool {
        if self.rank(word).is_some() {
            return true;
        }
        let lower = word.to_lowercase();
        self.dictionary.contains(&lower)
            || ENDINGS.iter().any(|(end, base)| {
                lower.strip_suffix(end).is_some_and(|stem| {
                    // "stopped": the stem doubles its last letter
                    let mut last = stem.chars().rev();
                    let undoubled = match (last.next(), last.next()) {
                        (Some(a), Some(b)) if a == b && stem.chars().count() > 2 => {
                            Some(&stem[..stem.len() - a.len_utf8()])
                        }
                        _ => None,
                    };
                    self.dictionary.contains(&format!("{stem}{base}"))
                        || undoubled.is_some_and(|s| self.dictionary.contains(s))
                })
            })
    }

    /// Whether a name of several words is a census first name before census names only
    /// ("Stuart Law", a man, whatever "Law" names elsewhere; not "Asia Maritime Transparency
    /// Initiative").
    pub fn census_named(&self, words: &[&str]) -> bool {
        words.len() > 1
            && self.first_names.contains(words[0])
            && words[1..]
                .iter()
                .all(|w| self.first_names.contains(w) || self.last_names.contains(w))
    }

    /// Whether a name of several words `first ... last` reads as a company's or a
    /// programme's rather than a person's: it opens with no census first name and ends with
    /// an ordinary word that is no census name ("Lam Research", "Applied Materials"; not
    /// "John Cook", "Ruth Justice"), nor opens with a short name or a census surname that is
    /// no English word ("Qin Gang", "Le Pen"; "Lam" is a word).
    pub fn ends_ordinary(&self, first: &str, last: &str) -> bool {
        let foreign = (first.chars().count() <= 3 || self.last_names.contains(first))
            && !self.is_common(first);
        !self.first_names.contains(first)
            && !foreign
            && self.is_common(last)
            && !self.last_names.contains(last)
            && !self.first_names.contains(last)
    }

    /// Whether a word is a title, or titles joined by hyphens ("Secretary-General",
    /// "Director-General").
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
            || word.contains('-') && word.split('-').all(|p| self.titles.contains(p))
    }

    /// Whether a word is among the most frequent of English ("Western", not "Cisco"), so
    /// ordinary even when capitalised inside a sentence; `before_word`: a lower-case word
    /// follows, as after an adjective ("Western allies"), so a less frequent word will do.
    pub fn is_very_common(&self, word: &str, before_word: bool) -> bool {
        let limit = if before_word {
            VERY_COMMON
        } else {
            MOST_COMMON
        };
        self.rank(word).is_some_and(|r| r < limit)
    }

    /// Whether a word has the shape of an adjective of a people or a faith ("Korean",
    /// "Islamic") and is no person's name.
    pub fn is_people_adjective(&self, word: &str) -> bool {
        self.adjective_endings
            .iter()
            .any(|end| word.len() > end.len() + 2 && word.ends_with(end))
            && !self.first_names.contains(word)
            && !self.last_names.contains(word)
    }

    /// The frequency rank of a word among the common words (0 = "the"), if it is one.
    pub fn rank(&self, word: &str) -> Option<usize> {
        // most words are short and ASCII: lower-case them on the stack
        let mut buf = [0u8; 24];
        if word.is_ascii() && word.len() <= buf.len() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            let lower = std::str::from_utf8(lower).ok()?;
            return self.common_words.get(lower).copied();
        }
        self.common_words.get(word.to_lowercase().as_str()).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_of_any_script_are_looked_up_without_panic() {
        let g = &*GAZETTEER;
        assert!(g.is_common("stopped") && g.is_common("analysts"));
        // U+1000 ends in two equal bytes: a doubled-letter check on bytes would cut it
        assert!(!g.is_common("abကကed"));
        assert!(!g.is_common("abကed"));
    }

    #[test]
    fn plain_and_other_phrases_have_the_same_keys() {
        for phrase in [
            "North Korea",
            "the Kremlin's",
            "  North   Korea ",
            "North\tKorea",
            "North\u{B}Korea",
            "Côte d'Ivoire",
            "ΟΔΟΣ",
            "U.S.",
            "",
            " ",
        ] {
            let words: Vec<&str> = phrase.split_whitespace().collect();
            assert_eq!(key(phrase), words.join(" ").to_lowercase(), "{phrase:?}");
        }
    }

    #[test]
    fn tables_load_and_link_countries() {
        let g = &*GAZETTEER;
        assert_eq!(g.lookup("north korea"), Some(Entry::Country("North Korea")));
        assert_eq!(g.lookup("pyongyang"), Some(Entry::Seat("North Korea")));
        assert_eq!(g.lookup("the kremlin"), Some(Entry::Seat("Russia")));
        assert_eq!(g.lookup("washington"), Some(Entry::Seat("United States")));
        assert_eq!(g.lookup("u.s."), Some(Entry::Country("United States")));
        assert_eq!(g.lookup("russian"), Some(Entry::Demonym("Russia")));
        assert_eq!(
            g.lookup("nato"),
            Some(Entry::Organization("North Atlantic Treaty Organization"))
        );
        assert!(g.first_names.contains("John"));
        assert!(g.max_words >= 3);
    }

    #[test]
    fn the_dictionary_finds_every_line_and_nothing_else() {
        for text in [
            "ant\nbee\ncat\ndog\nelk\n",
            "ant\nbee\ncat\ndog\nelk",
            "ant\n",
        ] {
            let d = Dictionary::new(text);
            for word in text.lines() {
                assert!(d.contains(word), "{word} in {text:?}");
            }
            for word in [
                "", "a", "aa", "an", "ants", "bees", "c", "zebra", "elk\n", "é",
            ] {
                assert!(!d.contains(word), "{word} not in {text:?}");
            }
        }
        let words: Vec<&str> = GAZETTEER.dictionary.text.lines().step_by(997).collect();
        assert!(words.iter().all(|w| GAZETTEER.dictionary.contains(w)));
    }
}
