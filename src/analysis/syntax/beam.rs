//! Parsing with a beam, and learning for it: the moves of a whole sentence scored as one
//! sequence, a structured perceptron (Zhang and Nivre 2011) updated where the best sequence
//! in the beam beats the best one of least cost by most (max-violation, Huang, Fayong and
//! Guo 2012). The shift is never scored (its weights stay zero), so the moves' table keeps
//! only left and right, as [`super::weights::Relative`] stores it, and scores add up across
//! the beam's configurations.

use super::learn::{Perceptron, best};
use super::parser::{Gold, MOVES, NO_LABEL, SHIFT, Sentence, State};
use super::tagger::Model;

const NONE: u32 = u32::MAX;

/// A move one of the beam's configurations (`from`) could make, and the score of the
/// sequence it would end.
#[derive(Clone, Copy)]
struct Candidate {
    score: f32,
    from: usize,
    m: usize,
}

/// Best first; equals in the order they were made, so decisions are deterministic.
fn rank(candidates: &mut [Candidate]) {
    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.from.cmp(&b.from))
            .then(a.m.cmp(&b.m))
    });
}

impl Sentence<'_> {
    /// The moves' scores in a configuration, all zero where one move only is legal (then
    /// `feats` is left empty).
    fn move_scores(&self, st: &State, moves: &impl Model, feats: &mut Vec<u64>) -> [f32; 3] {
        let mut scores = [0f32; 3];
        feats.clear();
        if st.only_move().is_none() {
            self.move_features(st, feats);
            moves.score(feats, &mut scores);
        }
        scores
    }

    /// The tree of the best-scoring move sequence a beam of `width` configurations finds.
    pub fn parse_beam(&self, moves: &impl Model, labels: &impl Model, width: usize) -> State {
        let mut beam = vec![(State::new(self.words.len()), 0f32)];
        let mut feats = Vec::with_capacity(128);
        let mut label_scores = vec![0f32; labels.classes()];
        let mut candidates = Vec::with_capacity(3 * width);
        while !beam[0].0.done() {
            candidates.clear();
            for (from, (st, score)) in beam.iter().enumerate() {
                let s = self.move_scores(st, moves, &mut feats);
                candidates.extend(
                    (0..MOVES.len())
                        .filter(|&m| st.legal(m))
                        .map(|m| Candidate {
                            score: score + s[m],
                            from,
                            m,
                        }),
                );
            }
            rank(&mut candidates);
            let next = candidates
                .iter()
                .take(width)
                .map(|c| {
                    let mut st = beam[c.from].0.clone();
                    let label = self.label(&st, c.m, labels, &mut feats, &mut label_scores);
                    st.apply(c.m, label);
                    (st, c.score)
                })
                .collect();
            beam = next;
        }
        beam.swap_remove(0).0
    }
}

/// A move made: the node of the move before it, and the features it was scored on (the
/// range of the sentence's arena; empty where it was the only legal move).
struct Node {
    parent: u32,
    m: usize,
    feats: (u32, u32),
}

/// A configuration in the beam, its sequence's score and last move.
#[derive(Clone)]
struct Item {
    state: State,
    score: f32,
    node: u32,
}

/// What one sentence's search keeps.
struct Search<'g, 'a> {
    gold: &'g Gold<'a>,
    nodes: Vec<Node>,
    arena: Vec<u64>,
    feats: Vec<u64>,
    label_feats: Vec<u64>,
    label_scores: Vec<f32>,
}

impl Search<'_, '_> {
    /// The moves' scores in `st`, its features kept in the arena.
    fn score(&mut self, st: &State, moves: &Perceptron) -> ([f32; 3], (u32, u32)) {
        let s = self.gold.sentence.move_scores(st, moves, &mut self.feats);
        let start = self.arena.len() as u32;
        self.arena.extend_from_slice(&self.feats);
        (s, (start, self.arena.len() as u32))
    }

    /// `from` after move `c.m`. An arc to its gold head takes the gold label (and on the
    /// gold sequence, `learning`, the labeller learns it); another the labeller's (the
    /// least-cost sequence of a non-projective tree makes such arcs too).
    fn advance(
        &mut self,
        from: &Item,
        c: Candidate,
        feats: (u32, u32),
        learning: bool,
        labels: &mut Perceptron,
    ) -> Item {
        let mut st = from.state.clone();
        let gold = self.gold;
        let s = &gold.sentence;
        let label = match st.arc(c.m) {
            Some((h, d)) if (h as usize) < s.words.len() => {
                let want = gold.labels[d as usize];
                let right = gold.heads[d as usize] == h;
                if right && learning {
                    s.label_features(&st, h, d, &mut self.label_feats);
                    self.label_scores.fill(0.0);
                    labels.score(&self.label_feats, &mut self.label_scores);
                    let guess = best(&self.label_scores, |_| true).unwrap_or(0);
                    labels.update(&self.label_feats, usize::from(want), guess);
                    labels.tick();
                    want
                } else if right {
                    want
                } else {
                    s.label(
                        &st,
                        c.m,
                        labels,
                        &mut self.label_feats,
                        &mut self.label_scores,
                    )
                }
            }
            _ => NO_LABEL,
        };
        st.apply(c.m, label);
        self.nodes.push(Node {
            parent: from.node,
            m: c.m,
            feats,
        });
        Item {
            state: st,
            score: c.score,
            node: self.nodes.len() as u32 - 1,
        }
    }

    fn words(&self) -> usize {
        self.gold.sentence.words.len()
    }

    /// The sequence ending at `gold` made more likely than the one ending at `wrong`, move by
    /// move back to where they part.
    fn update(&self, moves: &mut Perceptron, mut wrong: u32, mut gold: u32) {
        while wrong != gold {
            for (at, delta) in [(wrong, -1.0), (gold, 1.0)] {
                let node = &self.nodes[at as usize];
                let (a, b) = node.feats;
                if node.m != SHIFT && a < b {
                    moves.add(&self.arena[a as usize..b as usize], node.m, delta);
                }
            }
            wrong = self.nodes[wrong as usize].parent;
            gold = self.nodes[gold as usize].parent;
        }
    }
}

/// One pass over gold trees with a beam of `width`. The gold sequence is, at each step, the
/// best-scoring move of least cost (the dynamic oracle's costs, so a non-projective tree has
/// one too) from the gold configuration before; once it falls out of the beam it goes on
/// alone, so that the step where the beam's best leads it by most is found.
pub fn learn(moves: &mut Perceptron, labels: &mut Perceptron, trees: &[Gold], width: usize) {
    let mut candidates = Vec::with_capacity(3 * width);
    let mut item_feats = Vec::with_capacity(width);
    let mut search = Search {
        gold: &trees[0],
        nodes: Vec::new(),
        arena: Vec::new(),
        feats: Vec::with_capacity(128),
        label_feats: Vec::with_capacity(32),
        label_scores: vec![0f32; labels.classes()],
    };
    for gold in trees {
        search.gold = gold;
        search.nodes.clear();
        search.arena.clear();
        search.nodes.push(Node {
            parent: NONE,
            m: SHIFT,
            feats: (0, 0),
        });
        let start = Item {
            state: State::new(search.words()),
            score: 0.0,
            node: 0,
        };
        let mut beam = vec![start];
        // where the gold configuration is in the beam, or itself once it fell out
        let mut gold_at = Some(0);
        let mut lost: Option<Item> = None;
        // the greatest violation: how far the beam's best led the gold, and their nodes
        let mut worst: Option<(f32, u32, u32)> = None;
        while !beam[0].state.done() {
            candidates.clear();
            item_feats.clear();
            for (from, item) in beam.iter().enumerate() {
                let (s, feats) = search.score(&item.state, moves);
                item_feats.push(feats);
                candidates.extend((0..MOVES.len()).filter(|&m| item.state.legal(m)).map(|m| {
                    Candidate {
                        score: item.score + s[m],
                        from,
                        m,
                    }
                }));
            }
            rank(&mut candidates);
            let kept = candidates.len().min(width);
            let gold_item = gold_at.map_or_else(|| lost.as_ref().expect("lost"), |i| &beam[i]);
            let costs = gold_item.state.costs(gold.heads);
            let least = *costs.iter().min().expect("three");
            let (gold_move, gold_feats, gold_rank) = match gold_at {
                Some(i) => {
                    let rank = candidates
                        .iter()
                        .position(|c| c.from == i && costs[c.m] == least)
                        .expect("a move of least cost");
                    (candidates[rank], item_feats[i], Some(rank))
                }
                None => {
                    let (s, feats) = search.score(&gold_item.state, moves);
                    let m = best(&s, |m| costs[m] == least).expect("a move of least cost");
                    let c = Candidate {
                        score: gold_item.score + s[m],
                        from: usize::MAX,
                        m,
                    };
                    (c, feats, None)
                }
            };
            let mut next = Vec::with_capacity(kept);
            let mut next_gold = None;
            for (rank, &c) in candidates[..kept].iter().enumerate() {
                let is_gold = gold_rank == Some(rank);
                if is_gold {
                    next_gold = Some(next.len());
                }
                next.push(search.advance(&beam[c.from], c, item_feats[c.from], is_gold, labels));
            }
            if next_gold.is_none() {
                let from = match gold_at {
                    Some(i) => beam[i].clone(),
                    None => lost.take().expect("lost"),
                };
                lost = Some(search.advance(&from, gold_move, gold_feats, true, labels));
            }
            let gold_now = next_gold.map_or_else(|| lost.as_ref().expect("lost"), |i| &next[i]);
            if next_gold != Some(0) {
                let violation = next[0].score - gold_now.score;
                if violation >= 0.0 && worst.is_none_or(|(v, _, _)| violation > v) {
                    worst = Some((violation, next[0].node, gold_now.node));
                }
            }
            gold_at = next_gold;
            beam = next;
        }
        if let Some((_, wrong, right)) = worst {
            search.update(moves, wrong, right);
        }
        moves.tick();
    }
}

#[cfg(test)]
mod tests {
    use super::super::features::Word;
    use super::*;

    /// A beam of one is the greedy parser: the same moves from the same scores.
    #[test]
    fn a_beam_of_one_parses_as_the_greedy_parser() {
        let words: Vec<Word> = ["They", "said", "it", "failed", "."]
            .map(Word::new)
            .to_vec();
        let tags = [3u16, 1, 3, 1, 0];
        let s = Sentence {
            words: &words,
            tags: &tags,
        };
        let heads = [1u32, 5, 3, 1, 1];
        let labels = [0u16, NO_LABEL, 0, 1, 2];
        let gold = [Gold {
            sentence: s,
            heads: &heads,
            labels: &labels,
        }];
        let (mut moves, mut label_model) = (Perceptron::new(3), Perceptron::new(3));
        for _ in 0..5 {
            learn(&mut moves, &mut label_model, &gold, 4);
        }
        let greedy = s.parse(&moves, &label_model);
        let beam = s.parse_beam(&moves, &label_model, 1);
        assert_eq!((greedy.heads, greedy.labels), (beam.heads, beam.labels));
        // and a beam of four has learnt the tree
        let st = s.parse_beam(&moves, &label_model, 4);
        assert_eq!(st.heads, heads);
        assert_eq!(st.labels, labels);
    }
}
