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

use std::cell::RefCell;
use std::sync::LazyLock;

use foldhash::HashMap;

use super::gazetteer::{self, Entry, GAZETTEER};
use crate::analysis::model::ActorKind;
use crate::analysis::syntax::features::{Word, mix, text as hash};
use crate::analysis::syntax::learn::{Perceptron, best};
use crate::analysis::syntax::tagger::Model;
use crate::analysis::syntax::weights::Relative;
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

/// What the model made of a sentence: its names, and how sure it is of each word's label.
pub struct Reading {
    pub names: Vec<Name>,
    pub sure: Vec<f32>,
}

static MODEL: LazyLock<Relative<'static>> = LazyLock::new(|| {
    Relative::from_bytes(include_bytes!("../../../assets/entities/names.bin"))
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
    /// What the rules made of the word ([`rule_code`]), 0 when nothing.
    pub rule: u64,
    /// The run of capitalised words the word is in (with up to two other words between
    /// two of them, "Institute for the Study of War"): the word's place in it and its
    /// length (each at most 5), and its first and last words, hashed; 0 outside a run.
    run: (u64, u64, u64),
}

/// A word of a name the rules found: its kind, whether it is the name's first word, whether
/// the name is a table's (a country, capital, demonym, known place or organisation) or a
/// group of people.
pub fn rule_code(kind: Option<ActorKind>, first: bool, tabled: bool) -> u64 {
    let kind = kind.map_or(0, |k| k as u64 + 1);
    1 + kind * 4 + u64::from(first) * 2 + u64::from(tabled)
}

/// Whether a [`rule_code`] is that of a table's name or a group's.
pub fn tabled(code: u64) -> bool {
    code != 0 && code.is_multiple_of(2)
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

/// The word lists a word (as written) is on: the `FIRST_NAME` ... bits.
pub fn word_flags(w: &str) -> u32 {
    let g = &*GAZETTEER;
    let lower = lowercase(w);
    let mut flags = 0;
    for (on, bit) in [
        (
            w.chars().next().is_some_and(char::is_uppercase),
            CAPITALISED,
        ),
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
        Some(r) if r < 3_000 => flags | MOST_COMMON | COMMON | RANKED,
        Some(r) if r < 10_000 => flags | COMMON | RANKED,
        Some(_) => flags | RANKED,
        None => flags,
    }
}

/// The hashed labels of a word that begins and of one that continues a known phrase of each
/// kind of entry.
static PHRASE_LABELS: LazyLock<[(u64, u64); 5]> = LazyLock::new(|| {
    ["Country", "Seat", "Demonym", "Place", "Org"]
        .map(|kind| (hash(&format!("B-{kind}")), hash(&format!("I-{kind}"))))
});

/// The gazetteers' evidence for the words of a sentence that are `needed` (the others are
/// left empty, and so is every word no capitalised word begins a phrase with), given each
/// needed word's [`word_flags`]: `words` are byte ranges of `text`, so that a phrase is
/// looked up as written between its first and last word.
pub fn evidence(
    text: &str,
    words: &[(usize, usize)],
    needed: &[bool],
    flags: &[u32],
) -> Vec<Evidence> {
    let g = &*GAZETTEER;
    let mut out = vec![Evidence::default(); words.len()];
    for (i, &(a, _)) in words.iter().enumerate() {
        if !needed[i] {
            continue;
        }
        out[i].flags = flags[i];
        if flags[i] & CAPITALISED == 0 || out[i].phrase != 0 {
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
                let (begins, inside) = PHRASE_LABELS[match entry {
                    Entry::Country(_) => 0,
                    Entry::Seat(_) => 1,
                    Entry::Demonym(_) => 2,
                    Entry::Place => 3,
                    Entry::Organization(_) => 4,
                }];
                let length = (end - i).min(4) as u64;
                for (k, e) in out[i..end].iter_mut().enumerate() {
                    e.phrase = if k == 0 { begins } else { inside };
                    e.length = length;
                }
                break;
            }
        }
    }
    let capital = |k: usize| {
        let (a, b) = words[k];
        text[a..b].chars().next().is_some_and(char::is_uppercase)
    };
    let mut i = 0;
    while i < words.len() {
        if !capital(i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < words.len() {
            if capital(end) {
                end += 1;
            } else if end + 1 < words.len() && capital(end + 1) {
                end += 2;
            } else if end + 2 < words.len() && capital(end + 2) && !capital(end + 1) {
                end += 3;
            } else {
                break;
            }
        }
        let first = hash(&lowercase(&text[words[i].0..words[i].1]));
        let last = hash(&lowercase(&text[words[end - 1].0..words[end - 1].1]));
        let length = (end - i).min(5) as u64;
        for (k, e) in out[i..end].iter_mut().enumerate() {
            e.run = (((k.min(4) as u64) << 8) | length, first, last);
        }
        i = end;
    }
    out
}

/// Which words of a sentence the model labels: those with a capital ("Nairobi", "eBay"),
/// but not a sentence's first word when it is a common one and no capital follows ("The",
/// "However"), a number before one ("38 North"), and up to two words between two such
/// ("Dar es Salaam", "Institute for the Study of War"). Every other word is O without being
/// scored: names are written with capitals, and scoring every word of a news sentence cost
/// more than parsing it.
pub fn scored(forms: &[&str]) -> Vec<bool> {
    let upper: Vec<bool> = forms
        .iter()
        .map(|w| w.chars().any(char::is_uppercase))
        .collect();
    let first = upper.first().is_some_and(|&u| {
        u && (upper.get(1) == Some(&true) || GAZETTEER.rank(forms[0]).is_none_or(|r| r >= 3_000))
    });
    let capital = |k: usize| {
        if k == 0 {
            first
        } else {
            upper.get(k) == Some(&true)
        }
    };
    (0..forms.len())
        .map(|i| {
            capital(i)
                || forms[i].starts_with(|c: char| c.is_ascii_digit()) && capital(i + 1)
                || (capital(i.wrapping_sub(1)) || capital(i.wrapping_sub(2)))
                    && (capital(i + 1) || capital(i + 2))
        })
        .collect()
}

/// `mask` widened by `k` words either side.
pub fn near(mask: &[bool], k: usize) -> Vec<bool> {
    (0..mask.len())
        .map(|i| mask[i.saturating_sub(k)..(i + k + 1).min(mask.len())].contains(&true))
        .collect()
}

/// Values standing for a word before the sentence and after it.
const BEFORE: u64 = 0x5EED_0101;
const AFTER: u64 = 0x5EED_0102;
/// The label "before the first word".
const NO_LABEL: u64 = 0x5EED_0103;

/// A feature: a template's number and up to two values (the second 0 when none), mixed
/// once a value: the recogniser's cost is mostly hashing and scoring its features.
fn hashed(template: u64, a: u64, b: u64) -> u64 {
    let h = mix(template, a);
    if b == 0 { h } else { mix(h, b) }
}

/// The features of word `i`, given the labels of the two words before it.
pub fn features(words: &[Word], ev: &[Evidence], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let w = &words[i];
    let prev = i.checked_sub(1).map(|k| &words[k]);
    let next = words.get(i + 1);
    let e = ev[i];
    let pe = i.checked_sub(1).map_or(Evidence::default(), |k| ev[k]);
    let ne = ev.get(i + 1).copied().unwrap_or_default();
    let l1 = prev.map_or(BEFORE, |p| p.lower);
    let r1 = next.map_or(AFTER, |n| n.lower);
    let f = hashed;
    out.extend([
        f(100, 0, 0),
        f(101, w.lower, 0),
        f(102, w.form, 0),
        f(103, w.suffix[1], 0),
        f(104, w.suffix[2], 0),
        f(105, w.suffix[3], 0),
        f(106, w.prefix[0], 0),
        f(107, w.prefix[1], 0),
        f(108, w.shape, 0),
        f(109, p1, 0),
        f(110, p1, p2),
        f(111, p1, w.shape),
        f(112, p1, w.lower),
        f(113, l1, 0),
        f(115, r1, 0),
        f(119, l1, w.lower),
        f(120, w.lower, r1),
        f(121, u64::from(i == 0), w.shape),
        f(122, prev.map_or(BEFORE, |p| p.shape), w.shape),
        f(123, w.shape, next.map_or(AFTER, |n| n.shape)),
        f(124, e.phrase, e.length),
        f(125, e.phrase, p1),
        f(126, pe.phrase, 0),
        f(127, ne.phrase, 0),
        f(128, u64::from(e.flags), w.shape),
        f(
            129,
            u64::from(pe.flags & !(RANKED | COMMON)),
            u64::from(e.flags),
        ),
        f(130, u64::from(e.flags), p1),
        f(131, next.map_or(AFTER, |n| n.suffix[2]), 0),
        f(132, prev.map_or(BEFORE, |p| p.suffix[2]), 0),
        f(236, u64::from(ne.flags & !(RANKED | COMMON)), 0),
        f(133, e.rule, 0),
        f(134, e.rule, p1),
        f(135, pe.rule, e.rule),
        f(136, e.rule, ne.rule),
        f(137, e.rule, w.shape),
        f(138, e.rule, e.phrase),
        f(139, e.run.0, 0),
        f(230, e.run.0, e.run.2),
        f(231, e.run.2, 0),
        f(232, e.run.1, 0),
        f(233, e.run.0, p1),
        f(234, e.run.0, w.lower),
    ]);
    for bit in 0..FLAGS {
        let b = 1 << bit;
        if e.flags & b != 0 {
            out.push(f(140 + u64::from(bit), 0, 0));
        }
    }
    for (k, c) in w.cluster.iter().enumerate() {
        if *c != 0 {
            out.push(f(200 + k as u64, *c, 0));
        }
    }
    for (t, n) in [(210, prev), (212, next)] {
        if let Some(n) = n {
            for (k, c) in [n.cluster[1], n.cluster[3]].into_iter().enumerate() {
                if c != 0 {
                    out.push(f(t + k as u64, c, 0));
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

/// The labels of a sentence's words (indices into [`LABELS`]); only the words `scored` are
/// scored (their neighbours' `words` and `ev` are read), the others are O.
pub fn label(model: &impl Model, words: &[Word], ev: &[Evidence], scored: &[bool]) -> Vec<u8> {
    label_sure(model, words, ev, scored).0
}

/// [`label`], with how sure the model is of each label: its score less the best other
/// label's (infinite for a word not scored).
fn label_sure(
    model: &impl Model,
    words: &[Word],
    ev: &[Evidence],
    scored: &[bool],
) -> (Vec<u8>, Vec<f32>) {
    let mut out = Vec::with_capacity(words.len());
    let mut sure = Vec::with_capacity(words.len());
    let mut feats = Vec::with_capacity(96);
    let mut scores = vec![0f32; model.classes()];
    let (mut p1, mut p2) = (None, None);
    for (i, &scored) in scored.iter().enumerate() {
        if !scored {
            out.push(0);
            sure.push(f32::INFINITY);
            (p2, p1) = (p1, Some(0));
            continue;
        }
        features(words, ev, i, label_value(p1), label_value(p2), &mut feats);
        scores.fill(0.0);
        model.score(&feats, &mut scores);
        let c = best(&scores, |c| may_follow(p1, c)).unwrap_or(0);
        let next = best(&scores, |k| k != c && may_follow(p1, k))
            .map_or(f32::INFINITY, |k| scores[c] - scores[k]);
        out.push(c as u8);
        sure.push(next);
        (p2, p1) = (p1, Some(c));
    }
    (out, sure)
}

/// A sentence to learn from: its words, their evidence, which are scored, their labels.
pub type Sentence<'a> = (&'a [Word], &'a [Evidence], &'a [bool], &'a [u8]);

/// One pass over labelled sentences, learning from each mistake (the labels before each
/// word are those the model chose, as when it labels).
pub fn learn(model: &mut Perceptron, sentences: &[Sentence]) {
    let mut feats = Vec::with_capacity(96);
    let mut scores = vec![0f32; model.classes()];
    for &(words, ev, scored, gold) in sentences {
        let (mut p1, mut p2) = (None, None);
        for i in 0..words.len() {
            if !scored[i] {
                (p2, p1) = (p1, Some(0));
                continue;
            }
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

/// The most words [`KNOWN`] holds before it starts again.
const KNOWN_WORDS: usize = 1 << 15;

thread_local! {
    /// The words made so far on this thread, with their [`word_flags`]: texts repeat their
    /// names and function words, and making a word (its cluster above all) and looking it up
    /// in the word lists were most of the recogniser's cost after scoring.
    static KNOWN: RefCell<HashMap<Box<str>, (Word, u32)>> = RefCell::default();
}

fn known(form: &str) -> (Word, u32) {
    KNOWN.with_borrow_mut(|known| {
        if let Some(&k) = known.get(form) {
            return k;
        }
        if known.len() >= KNOWN_WORDS {
            known.clear();
        }
        let k = (Word::new(form), word_flags(form));
        known.insert(form.into(), k);
        k
    })
}

/// The names in a sentence whose words are these byte ranges of `text`, given what the rules
/// made of each ([`rule_code`]).
pub fn recognise(text: &str, words: &[(usize, usize)], rules: &[u64]) -> Reading {
    let forms: Vec<&str> = words.iter().map(|&(a, b)| &text[a..b]).collect();
    let scored = scored(&forms);
    if !scored.contains(&true) {
        return Reading {
            names: Vec::new(),
            sure: vec![f32::INFINITY; words.len()],
        };
    }
    // the features of a scored word read its neighbours' words and evidence: only those
    // are made
    let one = near(&scored, 1);
    let (w, flags): (Vec<Word>, Vec<u32>) = forms
        .iter()
        .zip(&one)
        .map(|(f, &one)| if one { known(f) } else { Default::default() })
        .unzip();
    let mut ev = evidence(text, words, &one, &flags);
    for (e, &r) in ev.iter_mut().zip(rules) {
        e.rule = r;
    }
    let (labels, sure) = label_sure(&*MODEL, &w, &ev, &scored);
    Reading {
        names: names(&labels),
        sure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scored_words<'a>(forms: &[&'a str]) -> Vec<&'a str> {
        forms
            .iter()
            .zip(scored(forms))
            .filter(|(_, s)| *s)
            .map(|(f, _)| *f)
            .collect()
    }

    #[test]
    fn only_words_with_capitals_and_those_between_them_are_scored() {
        let forms = [
            "The", "blast", "in", "Dar", "es", "Salaam", "was", "reported", "by", "38", "North",
            ".",
        ];
        assert_eq!(scored_words(&forms), ["Dar", "es", "Salaam", "38", "North"]);
        let forms = [
            "the",
            "Institute",
            "for",
            "the",
            "Study",
            "of",
            "War",
            "said",
        ];
        assert_eq!(
            scored_words(&forms),
            ["Institute", "for", "the", "Study", "of", "War"]
        );
        // a common first word is scored only before another capitalised word
        assert_eq!(
            scored_words(&["The", "World", "Bank"]),
            ["The", "World", "Bank"]
        );
        assert_eq!(scored_words(&["Pirelli", "said", "so"]), ["Pirelli"]);
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
