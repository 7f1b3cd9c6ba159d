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
        if rows.len() > keep {
            let strength =
                |row: &[(u16, f32)]| row.iter().map(|(_, w)| w.abs()).fold(0.0, f32::max);
            // strongest first; equals by hash, so the cut is the same on every run
            rows.sort_by(|a, b| {
                strength(&b.1)
                    .total_cmp(&strength(&a.1))
                    .then(a.0.cmp(&b.0))
            });
            rows.truncate(keep);
        }
        rows.sort_by_key(|(f, _)| *f);
        rows
    }
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
}
