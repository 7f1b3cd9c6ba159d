//! Dependency trees, greedily, by the arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez
//! and Satta 2011) with the root at the end of the buffer, so every sentence gets exactly one
//! root (Ballesteros and Nivre 2013). Moves are scored by one perceptron over the features of
//! Zhang and Nivre (2011) adapted to this system; the label of each arc by a second one, when
//! the arc is made (the dependent then has all its own dependents, its "case" and "mark"
//! words among them). Training follows the dynamic oracle of Goldberg and Nivre (2013): the
//! parser learns on the configurations its own mistakes lead to.

use super::features::{Word, feature};
use super::learn::{Perceptron, best};
use super::tagger::Model;

pub const SHIFT: usize = 0;
pub const LEFT: usize = 1;
pub const RIGHT: usize = 2;
pub const MOVES: [&str; 3] = ["shift", "left", "right"];

const NONE: u32 = u32::MAX;
/// A label not yet given: the arcs to the root, and words not yet attached.
pub const NO_LABEL: u16 = u16::MAX;

const ABSENT: u64 = 0xAB5E_0001;
const ROOT: u64 = 0xAB5E_0002;

/// A configuration: the stack, the buffer (the words from `b` on, then the root, which is
/// word `n`), and the arcs made so far.
pub struct State {
    n: usize,
    stack: Vec<u32>,
    b: usize,
    pub heads: Vec<u32>,
    pub labels: Vec<u16>,
    /// Each word's leftmost and second leftmost dependents (NONE where it has fewer).
    lefts: Vec<[u32; 2]>,
    rights: Vec<[u32; 2]>,
    left_count: Vec<u8>,
    right_count: Vec<u8>,
    /// The labels of each word's dependents on either side, one bit a label.
    left_set: Vec<u64>,
    right_set: Vec<u64>,
}

impl State {
    pub fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            b: 0,
            heads: vec![NONE; n],
            labels: vec![NO_LABEL; n],
            lefts: vec![[NONE; 2]; n + 1],
            rights: vec![[NONE; 2]; n + 1],
            left_count: vec![0; n + 1],
            right_count: vec![0; n + 1],
            left_set: vec![0; n + 1],
            right_set: vec![0; n + 1],
        }
    }

    pub fn done(&self) -> bool {
        self.stack.is_empty() && self.b == self.n
    }

    pub fn legal(&self, m: usize) -> bool {
        match m {
            SHIFT => self.b < self.n,
            // the root takes its one dependent only when nothing else is left
            LEFT => !self.stack.is_empty() && (self.b < self.n || self.stack.len() == 1),
            _ => self.stack.len() >= 2,
        }
    }

    /// The only legal move, when there is one only (the stack empty, or the buffer down to
    /// the root): it needs no scoring.
    pub fn only_move(&self) -> Option<usize> {
        let mut legal = (0..MOVES.len()).filter(|&m| self.legal(m));
        let first = legal.next()?;
        legal.next().is_none().then_some(first)
    }

    /// The arc a move makes: (head, dependent); the head `n` is the root.
    pub fn arc(&self, m: usize) -> Option<(u32, u32)> {
        let s0 = *self.stack.last()?;
        match m {
            LEFT => Some((self.b as u32, s0)),
            RIGHT => Some((self.stack[self.stack.len() - 2], s0)),
            _ => None,
        }
    }

    pub fn apply(&mut self, m: usize, label: u16) {
        if m == SHIFT {
            self.stack.push(self.b as u32);
            self.b += 1;
            return;
        }
        let (h, d) = self.arc(m).expect("an arc move on a stack");
        self.stack.pop();
        self.heads[d as usize] = h;
        self.labels[d as usize] = label;
        let (h, bit) = (h as usize, 1u64 << (label % 64));
        if m == LEFT {
            self.lefts[h] = [d, self.lefts[h][0]];
            self.left_count[h] = self.left_count[h].saturating_add(1);
            self.left_set[h] |= bit;
        } else {
            self.rights[h] = [d, self.rights[h][0]];
            self.right_count[h] = self.right_count[h].saturating_add(1);
            self.right_set[h] |= bit;
        }
    }

    fn s(&self, k: usize) -> u32 {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            NONE
        }
    }

    fn buffer(&self, k: usize) -> u32 {
        let i = self.b + k;
        if i <= self.n { i as u32 } else { NONE }
    }

    /// What each move would cost against the gold heads: the gold arcs it makes
    /// unreachable (Goldberg and Nivre 2013, exact for projective trees).
    pub fn costs(&self, gold: &[u32]) -> [u32; 3] {
        let in_buffer = |x: u32| x != NONE && x as usize >= self.b;
        let mut costs = [u32::MAX; 3];
        if let Some(&s0) = self.stack.last() {
            let deps_ahead = (self.b..self.n).filter(|&k| gold[k] == s0).count() as u32;
            let h = gold[s0 as usize];
            if self.legal(LEFT) {
                let lost_head = h != self.b as u32 && (h == self.s(1) || in_buffer(h));
                costs[LEFT] = deps_ahead + u32::from(lost_head);
            }
            if self.legal(RIGHT) {
                costs[RIGHT] = deps_ahead + u32::from(in_buffer(h));
            }
        }
        if self.legal(SHIFT) {
            let b = self.b as u32;
            let len = self.stack.len();
            let head_behind = len > 1 && self.stack[..len - 1].contains(&gold[self.b]);
            let deps_behind = self
                .stack
                .iter()
                .filter(|&&x| gold[x as usize] == b)
                .count() as u32;
            costs[SHIFT] = deps_behind + u32::from(head_behind);
        }
        costs
    }
}

/// The values of one position: word, tag, cluster, and its arc's label.
#[derive(Clone, Copy)]
struct Pos {
    w: u64,
    p: u64,
    c: u64,
    l: u64,
}

#[derive(Clone, Copy)]
pub struct Sentence<'a> {
    pub words: &'a [Word],
    pub tags: &'a [u16],
}

impl Sentence<'_> {
    fn pos(&self, state: &State, i: u32) -> Pos {
        if i == NONE {
            return Pos {
                w: ABSENT,
                p: ABSENT,
                c: ABSENT,
                l: ABSENT,
            };
        }
        if i as usize == state.n {
            return Pos {
                w: ROOT,
                p: ROOT,
                c: ROOT,
                l: ROOT,
            };
        }
        let i = i as usize;
        Pos {
            w: self.words[i].lower,
            p: u64::from(self.tags[i]) + 1,
            c: self.words[i].cluster[1],
            l: u64::from(state.labels[i]),
        }
    }

    /// The features of a configuration, for choosing the next move.
    pub fn move_features(&self, st: &State, out: &mut Vec<u64>) {
        out.clear();
        let (s0i, s1i, s2i) = (st.s(0), st.s(1), st.s(2));
        let (b0i, b1i, b2i) = (st.buffer(0), st.buffer(1), st.buffer(2));
        let p = |i| self.pos(st, i);
        let (s0, s1, s2, b0, b1, b2) = (p(s0i), p(s1i), p(s2i), p(b0i), p(b1i), p(b2i));
        let child = |i: u32, lists: &Vec<[u32; 2]>, k: usize| {
            if i == NONE {
                NONE
            } else {
                lists[i as usize][k]
            }
        };
        let s0l1 = p(child(s0i, &st.lefts, 0));
        let s0l2 = p(child(s0i, &st.lefts, 1));
        let s0r1 = p(child(s0i, &st.rights, 0));
        let s0r2 = p(child(s0i, &st.rights, 1));
        let s1r1 = p(child(s1i, &st.rights, 0));
        let b0l1 = p(child(b0i, &st.lefts, 0));
        let b0l2 = p(child(b0i, &st.lefts, 1));
        let dist = |a: u32, b: u32| {
            if a == NONE || b == NONE {
                0
            } else {
                match b.abs_diff(a) {
                    d @ 0..=4 => u64::from(d),
                    5..=7 => 5,
                    _ => 6,
                }
            }
        };
        let d = dist(s0i, b0i);
        let d1 = dist(s1i, s0i);
        let count = |i: u32, counts: &Vec<u8>| {
            if i == NONE {
                99
            } else {
                u64::from(counts[i as usize])
            }
        };
        let set = |i: u32, sets: &Vec<u64>| if i == NONE { 0 } else { sets[i as usize] };
        let f = feature;
        out.extend([
            f(100, s0.w, 0, 0),
            f(101, s0.p, 0, 0),
            f(102, s0.w, s0.p, 0),
            f(103, s1.w, 0, 0),
            f(104, s1.p, 0, 0),
            f(105, s1.w, s1.p, 0),
            f(106, s2.p, 0, 0),
            f(107, b0.w, 0, 0),
            f(108, b0.p, 0, 0),
            f(109, b0.w, b0.p, 0),
            f(110, b1.w, 0, 0),
            f(111, b1.p, 0, 0),
            f(112, b1.w, b1.p, 0),
            f(113, b2.w, 0, 0),
            f(114, b2.p, 0, 0),
            f(115, s0.c, 0, 0),
            f(116, b0.c, 0, 0),
            f(117, s1.c, 0, 0),
            f(118, b1.c, 0, 0),
            // pairs
            f(120, s0.w, s0.p, f(0, b0.w, b0.p, 0)),
            f(121, s0.w, s0.p, b0.w),
            f(122, s0.w, b0.w, b0.p),
            f(123, s0.w, s0.p, b0.p),
            f(124, s0.p, b0.w, b0.p),
            f(125, s0.w, b0.w, 0),
            f(126, s0.p, b0.p, 0),
            f(127, b0.p, b1.p, 0),
            f(128, s1.w, s1.p, f(0, s0.w, s0.p, 0)),
            f(129, s1.w, s0.w, 0),
            f(130, s1.p, s0.p, 0),
            f(131, s1.w, s1.p, s0.p),
            f(132, s1.p, s0.w, s0.p),
            f(133, s0.c, b0.p, 0),
            f(134, s0.p, b0.c, 0),
            f(135, s0.c, b0.c, 0),
            f(136, s1.c, s0.p, 0),
            f(137, s1.p, s0.c, 0),
            f(138, b0.w, b1.w, 0),
            // triples
            f(140, b0.p, b1.p, b2.p),
            f(141, s0.p, b0.p, b1.p),
            f(142, s1.p, s0.p, b0.p),
            f(143, s2.p, s1.p, s0.p),
            f(144, s0.p, s0l1.p, b0.p),
            f(145, s0.p, s0r1.p, b0.p),
            f(146, s0.p, b0.p, b0l1.p),
            f(147, s1.p, s0.p, s0l1.p),
            f(148, s1.p, s1r1.p, s0.p),
            f(149, s0.w, b0.p, b1.p),
            // distance
            f(150, s0.w, d, 0),
            f(151, s0.p, d, 0),
            f(152, b0.w, d, 0),
            f(153, b0.p, d, 0),
            f(154, s0.w, b0.w, d),
            f(155, s0.p, b0.p, d),
            f(156, s1.p, s0.p, d1),
            f(157, s1.w, s0.w, d1),
            // valency
            f(160, s0.w, count(s0i, &st.right_count), 0),
            f(161, s0.p, count(s0i, &st.right_count), 0),
            f(162, s0.w, count(s0i, &st.left_count), 0),
            f(163, s0.p, count(s0i, &st.left_count), 0),
            f(164, b0.w, count(b0i, &st.left_count), 0),
            f(165, b0.p, count(b0i, &st.left_count), 0),
            f(166, s1.p, count(s1i, &st.right_count), 0),
            // the dependents
            f(170, s0l1.w, 0, 0),
            f(171, s0l1.p, 0, 0),
            f(172, s0l1.l, 0, 0),
            f(173, s0r1.w, 0, 0),
            f(174, s0r1.p, 0, 0),
            f(175, s0r1.l, 0, 0),
            f(176, b0l1.w, 0, 0),
            f(177, b0l1.p, 0, 0),
            f(178, b0l1.l, 0, 0),
            f(179, s1r1.p, s1r1.l, 0),
            f(180, s0l2.p, s0l2.l, 0),
            f(181, s0r2.p, s0r2.l, 0),
            f(182, b0l2.p, b0l2.l, 0),
            f(183, s0.p, s0l1.p, s0l2.p),
            f(184, s0.p, s0r1.p, s0r2.p),
            f(185, b0.p, b0l1.p, b0l2.p),
            f(186, s0.p, s0r1.l, b0.p),
            f(187, s0.p, s0l1.l, b0.p),
            // the labels each has
            f(190, s0.w, set(s0i, &st.right_set), 0),
            f(191, s0.p, set(s0i, &st.right_set), 0),
            f(192, s0.p, set(s0i, &st.left_set), 0),
            f(193, b0.p, set(b0i, &st.left_set), 0),
            f(194, s1.p, set(s1i, &st.right_set), 0),
            f(195, s0.p, set(s0i, &st.left_set), b0.p),
        ]);
    }

    /// The features for labelling the arc from `h` to `d` that a move makes.
    pub fn label_features(&self, st: &State, h: u32, d: u32, out: &mut Vec<u64>) {
        out.clear();
        let p = |i| self.pos(st, i);
        let (hd, dd) = (p(h), p(d));
        let dir = u64::from(d < h);
        let dist = match h.abs_diff(d) {
            x @ 0..=4 => u64::from(x),
            5..=7 => 5,
            _ => 6,
        };
        let di = d as usize;
        let (dl1, dr1) = (p(st.lefts[di][0]), p(st.rights[di][0]));
        let hl1 = p(if (h as usize) < st.n {
            st.lefts[h as usize][0]
        } else {
            NONE
        });
        let near = |i: u32, k: i64| {
            let j = i64::from(i) + k;
            if j < 0 || j as usize >= st.n {
                ABSENT
            } else {
                u64::from(self.tags[j as usize]) + 1
            }
        };
        let (dprev, dnext) = (near(d, -1), near(d, 1));
        let f = feature;
        out.extend([
            f(200, 0, 0, 0),
            f(201, hd.w, 0, 0),
            f(202, hd.p, 0, 0),
            f(203, dd.w, 0, 0),
            f(204, dd.p, 0, 0),
            f(205, hd.w, hd.p, 0),
            f(206, dd.w, dd.p, 0),
            f(207, hd.p, dd.p, dir),
            f(208, hd.w, dd.p, dir),
            f(209, hd.p, dd.w, dir),
            f(210, hd.w, dd.w, 0),
            f(211, hd.p, dd.p, dist),
            f(212, dd.p, dir, dist),
            f(213, dl1.w, dd.p, hd.p),
            f(214, dl1.l, dd.p, 0),
            f(215, dl1.w, dd.w, 0),
            f(216, dr1.l, dd.p, 0),
            f(217, st.left_set[di], dd.p, 0),
            f(218, st.right_set[di], dd.p, 0),
            f(219, set_of(st, h, dir), dd.p, dir),
            f(220, dd.c, hd.p, dir),
            f(221, hd.c, dd.p, dir),
            f(222, dprev, dd.p, dnext),
            f(223, dd.w, dir, 0),
            f(224, hl1.l, dd.p, dir),
            f(225, dl1.w, hd.w, 0),
            f(226, hd.p, dd.p, f(0, dl1.p, dr1.p, 0)),
        ]);
    }

    /// The tree: each word's head (`words.len()` for the root) and label ([`NO_LABEL`] for
    /// the root's dependent).
    pub fn parse(&self, moves: &impl Model, labels: &impl Model) -> State {
        let mut st = State::new(self.words.len());
        let mut feats = Vec::with_capacity(128);
        let mut label_scores = vec![0f32; labels.classes()];
        while !st.done() {
            let m = st.only_move().unwrap_or_else(|| {
                self.move_features(&st, &mut feats);
                let mut scores = [0f32; 3];
                moves.score(&feats, &mut scores);
                best(&scores, |m| st.legal(m)).expect("a legal move until done")
            });
            let label = self.label(&st, m, labels, &mut feats, &mut label_scores);
            st.apply(m, label);
        }
        st
    }

    fn label(
        &self,
        st: &State,
        m: usize,
        labels: &impl Model,
        feats: &mut Vec<u64>,
        scores: &mut [f32],
    ) -> u16 {
        match st.arc(m) {
            Some((h, d)) if (h as usize) < st.n => {
                self.label_features(st, h, d, feats);
                scores.fill(0.0);
                labels.score(feats, scores);
                best(scores, |_| true).unwrap_or(0) as u16
            }
            _ => NO_LABEL,
        }
    }
}

fn set_of(st: &State, h: u32, dir: u64) -> u64 {
    let h = h as usize;
    if dir == 1 {
        st.left_set[h]
    } else {
        st.right_set[h]
    }
}

/// A sentence to learn from: its words, their predicted tags, and the gold tree (heads with
/// `n` for the root; labels with [`NO_LABEL`] for the root's dependent).
#[derive(Clone, Copy)]
pub struct Gold<'a> {
    pub sentence: Sentence<'a>,
    pub heads: &'a [u32],
    pub labels: &'a [u16],
}

/// One pass over gold trees. With `explore`, the parser follows its own choice (when legal)
/// nine times in ten, so it learns to recover from its mistakes; `rng` decides which.
pub fn learn(
    moves: &mut Perceptron,
    labels: &mut Perceptron,
    trees: &[Gold],
    explore: bool,
    rng: &mut super::train::Rng,
) {
    let mut feats = Vec::with_capacity(128);
    let mut label_feats = Vec::with_capacity(32);
    let mut label_scores = vec![0f32; labels.classes()];
    for gold in trees {
        let s = &gold.sentence;
        let mut st = State::new(s.words.len());
        while !st.done() {
            s.move_features(&st, &mut feats);
            let mut scores = [0f32; 3];
            moves.score(&feats, &mut scores);
            let costs = st.costs(gold.heads);
            let least = *costs.iter().min().expect("three");
            let guess = best(&scores, |m| st.legal(m)).expect("legal");
            let right = best(&scores, |m| costs[m] == least).expect("least");
            if costs[guess] > least {
                moves.update(&feats, right, guess);
            }
            moves.tick();
            let m = if explore && rng.below(10) < 9 {
                guess
            } else {
                right
            };
            let mut label = s.label(&st, m, labels, &mut label_feats, &mut label_scores);
            if let Some((h, d)) = st.arc(m)
                && gold.heads[d as usize] == h
                && (h as usize) < st.n
            {
                let want = gold.labels[d as usize];
                labels.update(&label_feats, want as usize, label as usize);
                labels.tick();
                label = want;
            }
            st.apply(m, label);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A static walk by least cost rebuilds a projective tree exactly.
    #[test]
    fn the_oracle_rebuilds_a_projective_tree() {
        // "She said that he left ." : said is the root
        let gold = [1u32, 6, 4, 4, 1, 1];
        let mut st = State::new(6);
        while !st.done() {
            let costs = st.costs(&gold);
            let m = (0..3)
                .find(|&m| costs[m] == 0)
                .expect("a move costing nothing");
            st.apply(m, 0);
        }
        assert_eq!(st.heads, gold);
    }

    #[test]
    fn every_sentence_gets_one_root() {
        let mut st = State::new(4);
        // shift everything, then only RIGHT is legal until one word is left
        while st.legal(SHIFT) {
            st.apply(SHIFT, 0);
        }
        assert!(!st.legal(LEFT));
        while !st.done() {
            let m = if st.legal(RIGHT) { RIGHT } else { LEFT };
            st.apply(m, 0);
        }
        assert_eq!(st.heads.iter().filter(|&&h| h == 4).count(), 1);
    }
}
