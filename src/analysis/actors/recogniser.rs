//! Where a name starts and ends and whether it names a person, an organisation or a place:
//! a BIO sequence model (an averaged perceptron, greedy left to right with the two labels
//! before each word as features, I-X only after B-X or I-X), learned from UNER English EWT
//! and GUM by `cargo run --release --example train_entities` and shipped as
//! `assets/entities/names.bin` (read in place on first use, as the parser's weights are).
//!
//! Its features are the word's and its neighbours' forms, affixes, shapes and word clusters
//! ([`Word`]), and the gazetteers as evidence, never as the decision: whether a word starts
//! or continues a known country, capital, demonym, place or organisation phrase, is a
//! census first name or surname, a title, an organisation or place cue, a common word.

use std::sync::LazyLock;

use super::gazetteer::{self, Entry, GAZETTEER};
use crate::analysis::syntax::features::{Word, feature, text as hash};
use crate::analysis::syntax::learn::{Perceptron, best};
use crate::analysis::syntax::tagger::Model;
use crate::analysis::syntax::weights::Weights;
use crate::analysis::tokens::{is_possessive, lowercase};

/// The model's classes, in the order of its weights.
pub const LABELS: [&str; 7] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    Person,
    Organization,
    Place,
}

/// A name found by the model: words `start..end` of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name {
    pub start: usize,
    pub end: usize,
    pub kind: Type,
}

static MODEL: LazyLock<Weights<'static>> = LazyLock::new(|| {
    Weights::from_bytes(include_bytes!("../../../assets/entities/names.bin"))
        .expect("assets/entities/names.bin")
});

/// What the gazetteers say of a word of a sentence.
#[derive(Debug, Clone, Copy, Default)]
pub struct Evidence {
    /// The known phrase the word begins or continues ("B-Country", "I-Org" ...), hashed; 0
    /// when none.
    phrase: u64,
    /// The phrase's length in words (at most 4 counted), 0 when none.
    length: u64,
    /// The word lists the word is on (the `FIRST_NAME` ... bits).
    flags: u32,
}

const FIRST_NAME: u32 = 1;
const LAST_NAME: u32 = 1 << 1;
const TITLE: u32 = 1 << 2;
const HONORIFIC: u32 = 1 << 3;
const ORG_CUE: u32 = 1 << 4;
const PLACE_CUE: u32 = 1 << 5;
const PLACE_NOUN: u32 = 1 << 6;
const GROUP: u32 = 1 << 7;
const SAID: u32 = 1 << 8;
const CONNECTOR: u32 = 1 << 9;
const MOST_COMMON: u32 = 1 << 10;
const COMMON: u32 = 1 << 11;
const RANKED: u32 = 1 << 12;
const CAPITALISED: u32 = 1 << 13;
const FLAGS: u32 = 14;

/// The longest gazetteer phrase looked for, in words.
const LONGEST: usize = 6;

/// The gazetteers' evidence for each word of a sentence: `words` are byte ranges of `text`,
/// so that a phrase is looked up as written between its first and last word.
pub fn evidence(text: &str, words: &[(usize, usize)]) -> Vec<Evidence> {
    let g = &*GAZETTEER;
    let mut out = vec![Evidence::default(); words.len()];
    for (i, &(a, b)) in words.iter().enumerate() {
        let w = &text[a..b];
        let lower = lowercase(w);
        let mut flags = 0;
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        for (on, bit) in [
            (capitalised, CAPITALISED),
            (g.first_names.contains(w), FIRST_NAME),
            (g.last_names.contains(w), LAST_NAME),
            (g.titles.contains(w), TITLE),
            (g.honorifics.contains(w), HONORIFIC),
            (g.org_cues.contains(w), ORG_CUE),
            (g.place_cues.contains(w), PLACE_CUE),
            (g.place_nouns.contains(lower.as_ref()), PLACE_NOUN),
            (g.group_words.contains(w), GROUP),
            (g.said_verbs.contains(lower.as_ref()), SAID),
            (g.connectors.contains(lower.as_ref()), CONNECTOR),
        ] {
            if on {
                flags |= bit;
            }
        }
        match g.rank(w) {
            Some(r) if r < 3_000 => flags |= MOST_COMMON | COMMON | RANKED,
            Some(r) if r < 10_000 => flags |= COMMON | RANKED,
            Some(_) => flags |= RANKED,
            None => {}
        }
        out[i].flags = flags;
        if !capitalised || out[i].phrase != 0 {
            continue;
        }
        // the longest known phrase starting here, over words that may be part of one
        let mut last = i + 1;
        while last < words.len().min(i + LONGEST) {
            let (a, b) = words[last];
            let w = &text[a..b];
            let ok = w.chars().next().is_some_and(char::is_uppercase)
                || g.connectors.contains(w)
                || w == "the"
                || is_possessive(w)
                || matches!(w, "-" | "." | "&");
            if !ok {
                break;
            }
            last += 1;
        }
        for end in (i + 1..=last).rev() {
            let phrase = &text[a..words[end - 1].1];
            if phrase.contains('\n') {
                continue;
            }
            if let Some(entry) = g.lookup(&gazetteer::key(phrase)) {
                let kind = match entry {
                    Entry::Country(_) => "Country",
                    Entry::Seat(_) => "Seat",
                    Entry::Demonym(_) => "Demonym",
                    Entry::Place => "Place",
                    Entry::Organization(_) => "Org",
                };
                let length = (end - i).min(4) as u64;
                for (k, e) in out[i..end].iter_mut().enumerate() {
                    let at = if k == 0 { "B" } else { "I" };
                    e.phrase = hash(&format!("{at}-{kind}"));
                    e.length = length;
                }
                break;
            }
        }
    }
    out
}

/// Values standing for a word before the sentence and after it.
const BEFORE: u64 = 0x5EED_0101;
const AFTER: u64 = 0x5EED_0102;
/// The label "before the first word".
const NO_LABEL: u64 = 0x5EED_0103;

/// The features of word `i`, given the labels of the two words before it.
pub fn features(words: &[Word], ev: &[Evidence], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let w = &words[i];
    let prev = i.checked_sub(1).map(|k| &words[k]);
    let prev2 = i.checked_sub(2).map(|k| &words[k]);
    let next = words.get(i + 1);
    let next2 = words.get(i + 2);
    let e = ev[i];
    let pe = i.checked_sub(1).map_or(Evidence::default(), |k| ev[k]);
    let ne = ev.get(i + 1).copied().unwrap_or_default();
    let l1 = prev.map_or(BEFORE, |p| p.lower);
    let r1 = next.map_or(AFTER, |n| n.lower);
    let f = feature;
    out.extend([
        f(100, 0, 0, 0),
        f(101, w.lower, 0, 0),
        f(102, w.form, 0, 0),
        f(103, w.suffix[1], 0, 0),
        f(104, w.suffix[2], 0, 0),
        f(105, w.suffix[3], 0, 0),
        f(106, w.prefix[0], 0, 0),
        f(107, w.prefix[1], 0, 0),
        f(108, w.shape, 0, 0),
        f(109, p1, 0, 0),
        f(110, p1, p2, 0),
        f(111, p1, w.shape, 0),
        f(112, p1, w.lower, 0),
        f(113, l1, 0, 0),
        f(114, prev2.map_or(BEFORE, |p| p.lower), 0, 0),
        f(115, r1, 0, 0),
        f(116, next2.map_or(AFTER, |n| n.lower), 0, 0),
        f(117, prev.map_or(BEFORE, |p| p.shape), 0, 0),
        f(118, next.map_or(AFTER, |n| n.shape), 0, 0),
        f(119, l1, w.lower, 0),
        f(120, w.lower, r1, 0),
        f(121, u64::from(i == 0), w.shape, 0),
        f(122, prev.map_or(BEFORE, |p| p.shape), w.shape, 0),
        f(123, w.shape, next.map_or(AFTER, |n| n.shape), 0),
        f(124, e.phrase, e.length, 0),
        f(125, e.phrase, p1, 0),
        f(126, pe.phrase, 0, 0),
        f(127, ne.phrase, 0, 0),
        f(128, u64::from(e.flags), w.shape, 0),
        f(
            129,
            u64::from(pe.flags & !(RANKED | COMMON)),
            u64::from(e.flags),
            0,
        ),
        f(130, u64::from(e.flags), p1, 0),
        f(131, next.map_or(AFTER, |n| n.suffix[2]), 0, 0),
        f(132, prev.map_or(BEFORE, |p| p.suffix[2]), 0, 0),
    ]);
    for bit in 0..FLAGS {
        let b = 1 << bit;
        if e.flags & b != 0 {
            out.push(f(140 + u64::from(bit), 0, 0, 0));
        }
        if pe.flags & b != 0 {
            out.push(f(160 + u64::from(bit), 0, 0, 0));
        }
        if ne.flags & b != 0 {
            out.push(f(180 + u64::from(bit), 0, 0, 0));
        }
    }
    for (k, c) in w.cluster.iter().enumerate() {
        if *c != 0 {
            out.push(f(200 + k as u64, *c, 0, 0));
        }
    }
    for (t, n) in [(210, prev), (212, next)] {
        if let Some(n) = n {
            for (k, c) in [n.cluster[1], n.cluster[3]].into_iter().enumerate() {
                if c != 0 {
                    out.push(f(t + k as u64, c, 0, 0));
                }
            }
        }
    }
}

/// Whether label `c` may follow label `prev` (an I-X only after B-X or I-X).
fn may_follow(prev: Option<usize>, c: usize) -> bool {
    c == 0 || c % 2 == 1 || prev.is_some_and(|p| p == c || p + 1 == c)
}

fn label_value(label: Option<usize>) -> u64 {
    label.map_or(NO_LABEL, |l| l as u64 + 1)
}

/// The labels of a sentence's words (indices into [`LABELS`]).
pub fn label(model: &impl Model, words: &[Word], ev: &[Evidence]) -> Vec<u8> {
    let mut out = Vec::with_capacity(words.len());
    let mut feats = Vec::with_capacity(96);
    let mut scores = vec![0f32; model.classes()];
    let (mut p1, mut p2) = (None, None);
    for i in 0..words.len() {
        features(words, ev, i, label_value(p1), label_value(p2), &mut feats);
        scores.fill(0.0);
        model.score(&feats, &mut scores);
        let c = best(&scores, |c| may_follow(p1, c)).unwrap_or(0);
        out.push(c as u8);
        (p2, p1) = (p1, Some(c));
    }
    out
}

/// One pass over labelled sentences, learning from each mistake (the labels before each
/// word are those the model chose, as when it labels).
pub fn learn(model: &mut Perceptron, sentences: &[(&[Word], &[Evidence], &[u8])]) {
    let mut feats = Vec::with_capacity(96);
    let mut scores = vec![0f32; model.classes()];
    for (words, ev, gold) in sentences {
        let (mut p1, mut p2) = (None, None);
        for i in 0..words.len() {
            features(words, ev, i, label_value(p1), label_value(p2), &mut feats);
            scores.fill(0.0);
            model.score(&feats, &mut scores);
            let guess = best(&scores, |c| may_follow(p1, c)).unwrap_or(0);
            model.update(&feats, gold[i] as usize, guess);
            model.tick();
            (p2, p1) = (p1, Some(guess));
        }
    }
}

/// The names that BIO labels mark.
pub fn names(labels: &[u8]) -> Vec<Name> {
    let mut out: Vec<Name> = Vec::new();
    for (i, &l) in labels.iter().enumerate() {
        let kind = match l.div_ceil(2) {
            1 => Type::Person,
            2 => Type::Organization,
            3 => Type::Place,
            _ => continue,
        };
        match out.last_mut() {
            Some(n) if l % 2 == 0 && n.end == i && n.kind == kind => n.end = i + 1,
            _ => out.push(Name {
                start: i,
                end: i + 1,
                kind,
            }),
        }
    }
    out
}

/// The names in a sentence whose words are these byte ranges of `text`.
pub fn recognise(text: &str, words: &[(usize, usize)]) -> Vec<Name> {
    if words.is_empty() {
        return Vec::new();
    }
    let ev = evidence(text, words);
    let w: Vec<Word> = words.iter().map(|&(a, b)| Word::new(&text[a..b])).collect();
    names(&label(&*MODEL, &w, &ev))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;
    use crate::document::{Document, Meta};

    /// The names the model finds in a text, cut into words as brief cuts it.
    fn found(text: &str) -> Vec<(String, Type)> {
        let (doc, _) = Document::from_text(text, Meta::default());
        let tokens = tokenize(&doc);
        let mut out = Vec::new();
        for sentence in tokens.chunk_by(|a, b| a.sentence == b.sentence) {
            let words: Vec<(usize, usize)> = sentence
                .iter()
                .map(|t| (t.span.start, t.span.end))
                .collect();
            for n in recognise(&doc.text, &words) {
                let name = &doc.text[words[n.start].0..words[n.end - 1].1];
                out.push((name.to_string(), n.kind));
            }
        }
        out
    }

    #[test]
    fn names_with_connectors_are_kept_whole() {
        let names = found(
            "Maria Fernandez studied at the University of Cape Town before joining the World \
             Health Organization in Nairobi.",
        );
        assert_eq!(
            names,
            [
                ("Maria Fernandez".to_string(), Type::Person),
                ("University of Cape Town".to_string(), Type::Organization),
                ("World Health Organization".to_string(), Type::Organization),
                ("Nairobi".to_string(), Type::Place),
            ]
        );
    }

    #[test]
    fn people_organisations_and_places_are_typed() {
        let names = found(
            "Helen Carter, a spokeswoman for Greenpeace, spoke in Geneva on Tuesday. Daniel \
             Okafor flew from Lagos to meet executives of Microsoft.",
        );
        let kind = |name: &str| names.iter().find(|(n, _)| n == name).map(|(_, k)| *k);
        assert_eq!(kind("Helen Carter"), Some(Type::Person), "{names:?}");
        assert_eq!(kind("Daniel Okafor"), Some(Type::Person), "{names:?}");
        assert_eq!(kind("Greenpeace"), Some(Type::Organization), "{names:?}");
        assert_eq!(kind("Microsoft"), Some(Type::Organization), "{names:?}");
        assert_eq!(kind("Geneva"), Some(Type::Place), "{names:?}");
        assert_eq!(kind("Lagos"), Some(Type::Place), "{names:?}");
        assert_eq!(kind("Tuesday"), None, "{names:?}");
    }

    #[test]
    fn bio_labels_make_whole_names() {
        // O B-PER I-PER O B-ORG I-ORG I-LOC
        let n = names(&[0, 1, 2, 0, 3, 4, 6]);
        let spans: Vec<(usize, usize, Type)> = n.iter().map(|n| (n.start, n.end, n.kind)).collect();
        assert_eq!(
            spans,
            [
                (1, 3, Type::Person),
                (4, 6, Type::Organization),
                (6, 7, Type::Place)
            ]
        );
    }
}
