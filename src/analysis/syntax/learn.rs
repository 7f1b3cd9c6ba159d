//! The averaged perceptron (Collins 2002), as the tagger and the parser learn it: weights
//! that the training loops update, averaged over every step when frozen into
//! [`super::weights`]. Averaging is lazy (each weight remembers when it last changed), so an
//! update costs only the features it touches.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Features are already hashes: the map uses them as they are.
#[derive(Default)]
pub struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys")
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[derive(Clone, Copy)]
struct Weight {
    class: u16,
    value: f32,
    /// The sum of `value` over the steps before `stamp`.
    total: f64,
    stamp: u64,
}

pub struct Perceptron {
    classes: usize,
    rows: HashMap<u64, Vec<Weight>, BuildHasherDefault<Identity>>,
    /// Steps taken: one per decision the learner was shown.
    step: u64,
}

impl Perceptron {
    pub fn new(classes: usize) -> Self {
        Perceptron {
            classes,
            rows: HashMap::default(),
            step: 0,
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Adds each feature's current weights to `scores`.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for w in row {
                    scores[w.class as usize] += w.value;
                }
            }
        }
    }

    /// One decision seen: call once per decision, whether or not it was right.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// The features voted for `wrong` where `right` was meant.
    pub fn update(&mut self, features: &[u64], right: usize, wrong: usize) {
        if right == wrong {
            return;
        }
        for &f in features {
            let row = self.rows.entry(f).or_default();
            for (class, delta) in [(right, 1.0), (wrong, -1.0)] {
                let step = self.step;
                let w = match row.iter_mut().position(|w| w.class as usize == class) {
                    Some(i) => &mut row[i],
                    None => {
                        row.push(Weight {
                            class: class as u16,
                            value: 0.0,
                            total: 0.0,
                            stamp: step,
                        });
                        row.last_mut().expect("pushed")
                    }
                };
                w.total += f64::from(w.value) * (step - w.stamp) as f64;
                w.stamp = step;
                w.value += delta;
            }
        }
    }

    /// The averaged weights of at most `keep` features, those with the largest weights,
    /// in the order of their hashes; zero weights left out.
    pub fn averaged(&self, keep: usize) -> Vec<(u64, Vec<(u16, f32)>)> {
        cut(self.averaged_all(), keep)
    }

    /// The averaged weights of every feature, in the order of their hashes; zero weights
    /// left out.
    pub fn averaged_all(&self) -> Vec<(u64, Vec<(u16, f32)>)> {
        let steps = self.step.max(1) as f64;
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = self
            .rows
            .iter()
            .map(|(f, row)| {
                let mut row: Vec<(u16, f32)> = row
                    .iter()
                    .map(|w| {
                        let total = w.total + f64::from(w.value) * (self.step - w.stamp) as f64;
                        (w.class, (total / steps) as f32)
                    })
                    .filter(|(_, v)| *v != 0.0)
                    .collect();
                row.sort_by_key(|(c, _)| *c);
                (*f, row)
            })
            .filter(|(_, row)| !row.is_empty())
            .collect();
        rows.sort_by_key(|(f, _)| *f);
        rows
    }
}

/// At most `keep` of `rows` (in the order of their hashes), those with the largest weights.
pub fn cut(mut rows: Vec<(u64, Vec<(u16, f32)>)>, keep: usize) -> Vec<(u64, Vec<(u16, f32)>)> {
    if rows.len() > keep {
        let strength = |row: &[(u16, f32)]| row.iter().map(|(_, w)| w.abs()).fold(0.0, f32::max);
        // strongest first; equals by hash, so the cut is the same on every run
        rows.sort_by(|a, b| {
            strength(&b.1)
                .total_cmp(&strength(&a.1))
                .then(a.0.cmp(&b.0))
        });
        rows.truncate(keep);
        rows.sort_by_key(|(f, _)| *f);
    }
    rows
}

/// The mean of two models' weights, feature by feature and class by class (a weight one
/// lacks counts as zero), in the order of their hashes: two models learnt with different
/// shuffles made one, at the cost of one when used.
pub fn mean(
    a: &[(u64, Vec<(u16, f32)>)],
    b: &[(u64, Vec<(u16, f32)>)],
) -> Vec<(u64, Vec<(u16, f32)>)> {
    let half = |row: &[(u16, f32)]| row.iter().map(|&(c, w)| (c, w / 2.0)).collect();
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    while i < a.len() || j < b.len() {
        let fa = a.get(i).map_or(u64::MAX, |r| r.0);
        let fb = b.get(j).map_or(u64::MAX, |r| r.0);
        if j == b.len() || (i < a.len() && fa < fb) {
            out.push((fa, half(&a[i].1)));
            i += 1;
        } else if i == a.len() || fb < fa {
            out.push((fb, half(&b[j].1)));
            j += 1;
        } else {
            let mut row: Vec<(u16, f32)> = half(&a[i].1);
            for &(c, w) in &b[j].1 {
                match row.iter_mut().find(|(k, _)| *k == c) {
                    Some(r) => r.1 += w / 2.0,
                    None => row.push((c, w / 2.0)),
                }
            }
            row.retain(|(_, w)| *w != 0.0);
            row.sort_by_key(|(c, _)| *c);
            if !row.is_empty() {
                out.push((fa, row));
            }
            i += 1;
            j += 1;
        }
    }
    out
}

/// The best class among `allowed` (the first of equals, so decisions are deterministic).
pub fn best(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (c, s) in scores.iter().enumerate() {
        if allowed(c) && best.is_none_or(|b| *s > scores[b]) {
            best = Some(c);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_rule_and_averages_it() {
        let mut p = Perceptron::new(2);
        let data = [(1u64, 0usize), (2, 1), (1, 0), (2, 1)];
        for _ in 0..3 {
            for (f, gold) in data {
                let mut scores = [0.0; 2];
                p.score(&[f, 100], &mut scores);
                let guess = best(&scores, |_| true).unwrap();
                p.update(&[f, 100], gold, guess);
                p.tick();
            }
        }
        let avg = p.averaged(usize::MAX);
        let weight = |f: u64, c: u16| {
            avg.iter()
                .find(|(g, _)| *g == f)
                .and_then(|(_, r)| r.iter().find(|(k, _)| *k == c))
                .map_or(0.0, |(_, w)| *w)
        };
        assert!(weight(1, 0) > weight(1, 1));
        assert!(weight(2, 1) > weight(2, 0));
    }

    #[test]
    fn two_models_merge_into_their_mean_and_cut_to_the_strongest() {
        let a = vec![(1u64, vec![(0u16, 2.0f32)]), (3, vec![(1, 4.0)])];
        let b = vec![(1u64, vec![(0u16, -2.0f32), (1, 1.0)]), (2, vec![(0, 6.0)])];
        let merged = mean(&a, &b);
        assert_eq!(
            merged,
            vec![
                (1, vec![(1, 0.5)]),
                (2, vec![(0, 3.0)]),
                (3, vec![(1, 2.0)])
            ]
        );
        assert_eq!(
            cut(merged, 2),
            vec![(2, vec![(0, 3.0)]), (3, vec![(1, 2.0)])]
        );
    }
}
