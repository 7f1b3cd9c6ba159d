//! Every actor mention by position, so that later extractors ask "which actors does this
//! span name?" in logarithmic time instead of scanning every mention (which would make long
//! documents quadratic).

use super::model::Actor;
use crate::document::Span;

/// How far back a pronoun looks for the actor it stands for, in mentions.
const PRONOUN_REACH: usize = 200;

pub struct MentionIndex<'a> {
    pub actors: &'a [Actor],
    /// (mention span, actor index), sorted by span.
    entries: Vec<(Span, usize)>,
}

impl<'a> MentionIndex<'a> {
    pub fn new(actors: &'a [Actor]) -> Self {
        let mut entries: Vec<(Span, usize)> = actors
            .iter()
            .enumerate()
            .flat_map(|(a, actor)| actor.mentions.iter().map(move |m| (m.span(), a)))
            .collect();
        entries.sort_unstable();
        MentionIndex { actors, entries }
    }

    /// The actors with a mention overlapping `span`, in order of their first mention there.
    pub fn overlapping(&self, span: Span) -> Vec<usize> {
        self.collect(span, |m| m.overlaps(span))
    }

    /// The mentions wholly inside `span`, in order, each with its actor.
    pub fn mentions_inside(&self, span: Span) -> Vec<(Span, usize)> {
        self.near(span)
            .filter(|(s, _)| span.contains(*s))
            .copied()
            .collect()
    }

    /// The mentions that may meet `span`, in order: mentions do not nest, so one that starts
    /// before `span` and reaches into it is among the few just before the first that starts
    /// inside.
    fn near(&self, span: Span) -> impl Iterator<Item = &(Span, usize)> {
        let from = self
            .entries
            .partition_point(|(s, _)| s.start < span.start)
            .saturating_sub(4);
        self.entries[from..]
            .iter()
            .take_while(move |(s, _)| s.start < span.end)
    }

    fn collect(&self, span: Span, keep: impl Fn(Span) -> bool) -> Vec<usize> {
        let mut out = Vec::new();
        for &(s, a) in self.near(span) {
            if keep(s) && !out.contains(&a) {
                out.push(a);
            }
        }
        out
    }

    /// The actor of the closest mention that ends at or before `pos` and passes `fits`
    /// (looking back a bounded number of mentions).
    pub fn last_before(&self, pos: usize, fits: impl Fn(&Actor) -> bool) -> Option<usize> {
        self.before(pos)
            .find(|&&(_, a)| fits(&self.actors[a]))
            .map(|&(_, a)| a)
    }

    /// The last mention that ends at or before `pos`, with its actor.
    pub fn mention_before(&self, pos: usize) -> Option<(Span, usize)> {
        self.before(pos).next().copied()
    }

    /// The mentions that end before `pos`, the latest first, as far back as a pronoun reaches.
    fn before(&self, pos: usize) -> impl Iterator<Item = &(Span, usize)> {
        let upto = self.entries.partition_point(|(s, _)| s.start < pos);
        self.entries[..upto]
            .iter()
            .rev()
            .take(PRONOUN_REACH)
            .filter(move |(s, _)| s.end <= pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::model::ActorKind;

    #[test]
    fn spans_find_their_actors_and_pronouns_look_back() {
        let actors = [
            Actor::named_at("", ActorKind::Person, &[(0, 5), (40, 45)]),
            Actor::named_at("", ActorKind::Country, &[(10, 15), (30, 35)]),
        ];
        let index = MentionIndex::new(&actors);
        assert_eq!(
            index.mentions_inside(Span::new(0, 20)),
            vec![(Span::new(0, 5), 0), (Span::new(10, 15), 1)]
        );
        assert_eq!(
            index.mentions_inside(Span::new(12, 38)),
            vec![(Span::new(30, 35), 1)]
        );
        assert_eq!(index.overlapping(Span::new(12, 31)), vec![1]);
        assert_eq!(index.overlapping(Span::new(3, 4)), vec![0]);
        assert_eq!(
            index.last_before(38, |a| a.kind == ActorKind::Person),
            Some(0)
        );
        assert_eq!(index.last_before(38, |_| true), Some(1));
        assert_eq!(index.last_before(3, |_| true), None);
    }
}
