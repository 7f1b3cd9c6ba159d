//! Part-of-speech tags, greedily left to right (Collins 2002; Honnibal's tagger): each word's
//! tag from its own form, affixes, shape and cluster, its neighbours', and the two tags
//! before it. A tag is a pair, the universal tag and the Penn Treebank one ("PROPN NNP"),
//! so the parser sees the finer one and `brief parse` prints both.

use super::features::{Word, feature};
use super::learn::{Perceptron, best};

/// What scores a decision: the perceptron while it learns, the shipped weights after.
pub trait Model {
    fn classes(&self) -> usize;
    fn score(&self, features: &[u64], scores: &mut [f32]);
}

impl Model for Perceptron {
    fn classes(&self) -> usize {
        Perceptron::classes(self)
    }
    fn score(&self, features: &[u64], scores: &mut [f32]) {
        Perceptron::score(self, features, scores);
    }
}

impl Model for super::weights::Weights<'_> {
    fn classes(&self) -> usize {
        super::weights::Weights::classes(self)
    }
    fn score(&self, features: &[u64], scores: &mut [f32]) {
        super::weights::Weights::score(self, features, scores);
    }
}

impl Model for super::weights::Relative<'_> {
    fn classes(&self) -> usize {
        super::weights::Relative::classes(self)
    }
    fn score(&self, features: &[u64], scores: &mut [f32]) {
        super::weights::Relative::score(self, features, scores);
    }
}

/// Values standing for a word before the sentence and after it.
const BEFORE: u64 = 0x5EED_0001;
const AFTER: u64 = 0x5EED_0002;
/// The tag "before the first word".
pub const NO_TAG: u64 = 0x5EED_0003;

fn lower(words: &[Word], i: isize) -> u64 {
    if i < 0 {
        BEFORE
    } else {
        words.get(i as usize).map_or(AFTER, |w| w.lower)
    }
}

/// The features of word `i`, given the tags of the two words before it.
pub fn features(words: &[Word], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let w = &words[i];
    let j = i as isize;
    let (l1, l2, r1, r2) = (
        lower(words, j - 1),
        lower(words, j - 2),
        lower(words, j + 1),
        lower(words, j + 2),
    );
    let next = words.get(i + 1);
    let prev = i.checked_sub(1).map(|k| &words[k]);
    let f = feature;
    out.extend([
        f(0, 0, 0, 0),
        f(1, w.lower, 0, 0),
        f(2, w.form, 0, 0),
        f(3, w.suffix[0], 0, 0),
        f(4, w.suffix[1], 0, 0),
        f(5, w.suffix[2], 0, 0),
        f(6, w.suffix[3], 0, 0),
        f(7, w.prefix[0], 0, 0),
        f(8, w.prefix[1], 0, 0),
        f(9, w.shape, 0, 0),
        f(10, p1, 0, 0),
        f(11, p2, 0, 0),
        f(12, p1, p2, 0),
        f(13, p1, w.lower, 0),
        f(14, l1, 0, 0),
        f(15, prev.map_or(BEFORE, |p| p.suffix[2]), 0, 0),
        f(16, l2, 0, 0),
        f(17, r1, 0, 0),
        f(18, next.map_or(AFTER, |n| n.suffix[2]), 0, 0),
        f(19, r2, 0, 0),
        f(20, l1, w.lower, 0),
        f(21, w.lower, r1, 0),
        f(22, next.map_or(AFTER, |n| n.shape), 0, 0),
        f(23, u64::from(i == 0), w.shape, 0),
        f(24, p1, w.suffix[2], 0),
        f(25, l1, r1, 0),
    ]);
    for (k, c) in w.cluster.iter().enumerate() {
        if *c != 0 {
            out.push(f(30 + k as u64, *c, 0, 0));
        }
    }
    if let Some(c) = next.map(|n| n.cluster[1]).filter(|c| *c != 0) {
        out.push(f(34, c, 0, 0));
    }
    if let Some(c) = next.map(|n| n.cluster[3]).filter(|c| *c != 0) {
        out.push(f(35, c, 0, 0));
    }
    if let Some(c) = prev.map(|p| p.cluster[1]).filter(|c| *c != 0) {
        out.push(f(36, c, 0, 0));
    }
}

/// A tag's value as a feature of the words after it.
fn tag_value(tag: usize) -> u64 {
    tag as u64 + 1
}

/// The tags of a sentence's words.
pub fn tag(model: &impl Model, words: &[Word]) -> Vec<u16> {
    let mut tags = Vec::with_capacity(words.len());
    let mut feats = Vec::with_capacity(48);
    let mut scores = vec![0f32; model.classes()];
    let (mut p1, mut p2) = (NO_TAG, NO_TAG);
    for i in 0..words.len() {
        features(words, i, p1, p2, &mut feats);
        scores.fill(0.0);
        model.score(&feats, &mut scores);
        let t = best(&scores, |_| true).unwrap_or(0);
        tags.push(t as u16);
        (p2, p1) = (p1, tag_value(t));
    }
    tags
}

/// One pass over tagged sentences, learning from each mistake; the tags before each word
/// are the ones it predicted, as when tagging.
pub fn learn(model: &mut Perceptron, sentences: &[(&[Word], &[u16])]) {
    let mut feats = Vec::with_capacity(48);
    let mut scores = vec![0f32; model.classes()];
    for (words, gold) in sentences {
        let (mut p1, mut p2) = (NO_TAG, NO_TAG);
        for i in 0..words.len() {
            features(words, i, p1, p2, &mut feats);
            scores.fill(0.0);
            model.score(&feats, &mut scores);
            let guess = best(&scores, |_| true).unwrap_or(0);
            model.update(&feats, gold[i] as usize, guess);
            model.tick();
            (p2, p1) = (p1, tag_value(guess));
        }
    }
}
