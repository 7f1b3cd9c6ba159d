//! The analysis's spans as paint for the article, made for the stretches of text that are
//! shown, when first shown: a 10 MB briefing has hundreds of thousands of spans, and its
//! first frame paints a few hundred of them.

use std::collections::HashMap;

use ratatui::style::Style;

use super::theme;
use crate::analysis::{Analysis, Claim};
use crate::document::Span;
use crate::review::Status;

/// Bytes of text whose marks are made at once.
const REGION: usize = 1 << 16;
/// Regions kept; a reader who goes through more of a long briefing starts a new set.
const KEPT: usize = 64;

/// A span painted over the article's text, with its weight when spans overlap.
#[derive(Debug, Clone, Copy)]
struct Mark {
    span: Span,
    /// Index into [`Marks`]' styles: few styles, many marks.
    style: u8,
    rank: u8,
}

/// Items of one kind by an anchor in the text (a span's start; a claim's own span's, its
/// source may come before it): their indices in that order (none when they are in it
/// already, as the analysis gives them), and how far an item's spans reach before and
/// after its anchor.
#[derive(Debug, Default)]
struct ByStart {
    len: usize,
    order: Option<Vec<usize>>,
    back: usize,
    reach: usize,
}

impl ByStart {
    fn new(len: usize, anchor: impl Fn(usize) -> usize, extent: impl Fn(usize) -> Span) -> ByStart {
        let sorted = (1..len).all(|i| anchor(i - 1) <= anchor(i));
        let order = (!sorted).then(|| {
            let mut order: Vec<usize> = (0..len).collect();
            order.sort_by_key(|&i| anchor(i));
            order
        });
        let (mut back, mut reach) = (0, 0);
        for i in 0..len {
            let (at, span) = (anchor(i), extent(i));
            back = back.max(at.saturating_sub(span.start));
            reach = reach.max(span.end.saturating_sub(at));
        }
        ByStart {
            len,
            order,
            back,
            reach,
        }
    }

    /// The items whose extent overlaps `region`, in their own order.
    fn within(
        &self,
        region: Span,
        anchor: impl Fn(usize) -> usize,
        extent: impl Fn(usize) -> Span,
    ) -> Vec<usize> {
        let at = |k: usize| self.order.as_ref().map_or(k, |order| order[k]);
        // bisection over the items by anchor: the first that may reach into the region
        let (mut low, mut high) = (0, self.len);
        while low < high {
            let mid = low + (high - low) / 2;
            if anchor(at(mid)) + self.reach <= region.start {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        let mut found: Vec<usize> = (low..self.len)
            .map(at)
            .take_while(|&i| anchor(i) < region.end + self.back)
            .filter(|&i| extent(i).overlaps(region))
            .collect();
        found.sort_unstable();
        found
    }
}

/// What each span of the analysis is painted with, and the marks of the regions shown so far.
#[derive(Debug, Default)]
pub struct Marks {
    styles: Vec<Style>,
    /// The styles of notes, sources, cues, hedges and times.
    fixed: [u8; 5],
    /// Each claim's tint (its status's) and each actor's colour (its kind's).
    tints: Vec<u8>,
    kinds: Vec<u8>,
    notes: Vec<Span>,
    claims: ByStart,
    times: ByStart,
    mentions: Vec<ByStart>,
    /// A region's marks (those touching it, by start then rank), and the longest's length.
    regions: HashMap<usize, (Vec<Mark>, usize)>,
}

/// Everything of a claim that is painted.
fn extent(claim: &Claim) -> Span {
    let parts = claim.fragments.iter().flatten();
    let source = claim.source.iter().map(|s| &s.span);
    parts
        .chain(source)
        .chain(&claim.cue)
        .chain(&claim.hedges)
        .fold(claim.span, |all, &part| all.cover(part))
}

impl Marks {
    /// The paint for `analysis` with the review's statuses and noted passages: one pass over
    /// its lists, no mark made yet. Made again whenever either changes.
    pub fn new(analysis: &Analysis, statuses: &[Status], notes: &[Span]) -> Marks {
        let mut styles: Vec<Style> = Vec::new();
        let mut style = |s: Style| match styles.iter().position(|&known| known == s) {
            Some(k) => k as u8,
            None => {
                styles.push(s);
                (styles.len() - 1) as u8
            }
        };
        let fixed = [
            style(theme::noted()),
            style(theme::source()),
            style(theme::cue()),
            style(theme::hedge()),
            style(theme::time()),
        ];
        // a status's style looked up in the palette once, not once a claim: a long briefing
        // has a hundred thousand claims and a handful of statuses
        let mut tint: Vec<(Status, u8)> = Vec::new();
        let tints = (0..analysis.claims.len())
            .map(|i| {
                let status = statuses.get(i).copied().unwrap_or_default();
                match tint.iter().find(|(known, _)| *known == status) {
                    Some(&(_, k)) => k,
                    None => {
                        let k = style(theme::status(status));
                        tint.push((status, k));
                        k
                    }
                }
            })
            .collect();
        let kinds = analysis
            .actors
            .iter()
            .map(|a| style(theme::actor(a.kind)))
            .collect();
        let claims = &analysis.claims;
        let times = &analysis.times;
        Marks {
            styles,
            fixed,
            tints,
            kinds,
            notes: notes.to_vec(),
            claims: ByStart::new(
                claims.len(),
                |i| claims[i].span.start,
                |i| extent(&claims[i]),
            ),
            times: ByStart::new(times.len(), |i| times[i].span.start, |i| times[i].span),
            mentions: analysis
                .actors
                .iter()
                .map(|a| {
                    let span = |i: usize| a.mentions[i].span();
                    ByStart::new(a.mentions.len(), |i| span(i).start, span)
                })
                .collect(),
            regions: HashMap::new(),
        }
    }

    /// Makes the marks of the regions `shown` touches, if not made yet. `analysis` is the
    /// one the marks were made for.
    pub fn show(&mut self, analysis: &Analysis, shown: Span) {
        let regions = shown.start / REGION..=shown.end / REGION;
        if self.regions.len() + regions.clone().count() > KEPT {
            self.regions.clear();
        }
        for r in regions {
            if !self.regions.contains_key(&r) {
                let marks = self.region(analysis, r);
                let longest = marks.iter().map(|m| m.span.len()).max().unwrap_or(0);
                self.regions.insert(r, (marks, longest));
            }
        }
    }

    /// The marks touching region `r`, sorted by start, then rank, ties in the order of the
    /// analysis's lists (notes, claims, times, actors), so that the same paint wins.
    fn region(&self, analysis: &Analysis, r: usize) -> Vec<Mark> {
        let region = Span::new(r * REGION, (r + 1) * REGION);
        let mut list = Vec::new();
        let mut add = |span: Span, style, rank| {
            if span.overlaps(region) {
                list.push(Mark { span, style, rank });
            }
        };
        let [noted, source, cue, hedge, time] = self.fixed;
        for &span in &self.notes {
            add(span, noted, 1);
        }
        let claims = &analysis.claims;
        let anchor = |i: usize| claims[i].span.start;
        for i in self.claims.within(region, anchor, |i| extent(&claims[i])) {
            let claim = &claims[i];
            let tint = self.tints.get(i).copied().unwrap_or_default();
            match &claim.fragments {
                Some(parts) => parts.iter().for_each(|&p| add(p, tint, 2)),
                None => add(claim.span, tint, 2),
            }
            if let Some(s) = &claim.source {
                add(s.span, source, 6);
            }
            if let Some(c) = claim.cue {
                add(c, cue, 5);
            }
            for &h in &claim.hedges {
                add(h, hedge, 5);
            }
        }
        let times = &analysis.times;
        for i in self
            .times
            .within(region, |i| times[i].span.start, |i| times[i].span)
        {
            add(times[i].span, time, 3);
        }
        for ((actor, mentions), &kind) in
            analysis.actors.iter().zip(&self.mentions).zip(&self.kinds)
        {
            let span = |i: usize| actor.mentions[i].span();
            for i in mentions.within(region, |i| span(i).start, span) {
                add(actor.mentions[i].span(), kind, 4);
            }
        }
        list.sort_by_key(|m| (m.span.start, m.rank));
        list
    }

    /// The marks touching `line`, each with its style, by start (made by [`Marks::show`]).
    pub fn overlapping(&self, line: Span) -> impl Iterator<Item = (Span, Style, u8)> + '_ {
        let first = line.start / REGION;
        let last = line.end.saturating_sub(1).max(line.start) / REGION;
        (first..=last)
            .filter_map(|r| Some((r, self.regions.get(&r)?)))
            .flat_map(move |(r, (list, longest))| {
                let from = list.partition_point(|m| m.span.start + longest <= line.start);
                list[from..]
                    .iter()
                    .take_while(move |m| m.span.start < line.end)
                    // a mark of an earlier region was given by it
                    .filter(move |m| {
                        m.span.end > line.start && (r == first || m.span.start >= r * REGION)
                    })
            })
            .map(|m| (m.span, self.styles[usize::from(m.style)], m.rank))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{UserLexicon, analyze};
    use crate::document::{Document, Meta};

    /// Every mark of the analysis at once, as the reader made them before regions: the
    /// reference the regions must agree with, order included.
    fn all_marks(marks: &Marks, analysis: &Analysis) -> Vec<(Span, Style, u8)> {
        let [noted, source, cue, hedge, time] = marks.fixed.map(|k| marks.styles[usize::from(k)]);
        let mut list = Vec::new();
        list.extend(marks.notes.iter().map(|&s| (s, noted, 1)));
        for (i, claim) in analysis.claims.iter().enumerate() {
            let tint = marks.styles[usize::from(marks.tints[i])];
            let parts = claim.fragments.clone().unwrap_or(vec![claim.span]);
            list.extend(parts.into_iter().map(|p| (p, tint, 2)));
            list.extend(claim.source.iter().map(|s| (s.span, source, 6)));
            list.extend(claim.cue.iter().map(|&c| (c, cue, 5)));
            list.extend(claim.hedges.iter().map(|&h| (h, hedge, 5)));
        }
        list.extend(analysis.times.iter().map(|t| (t.span, time, 3)));
        for (a, actor) in analysis.actors.iter().enumerate() {
            let kind = marks.styles[usize::from(marks.kinds[a])];
            list.extend(actor.mentions.iter().map(|m| (m.span(), kind, 4)));
        }
        list.sort_by_key(|m| (m.0.start, m.2));
        list
    }

    #[test]
    fn items_out_of_order_are_found_in_their_own_order() {
        // anchored at their ends: a span reaches back from its anchor
        let spans = [Span::new(50, 60), Span::new(5, 9), Span::new(40, 52)];
        let (anchor, extent) = (|i: usize| spans[i].end, |i: usize| spans[i]);
        let by_end = ByStart::new(spans.len(), anchor, extent);
        assert_eq!(by_end.order, Some(vec![1, 2, 0]));
        assert_eq!(by_end.within(Span::new(45, 55), anchor, extent), [0, 2]);
        assert_eq!(by_end.within(Span::new(0, 6), anchor, extent), [1]);
        assert!(by_end.within(Span::new(9, 40), anchor, extent).is_empty());
    }

    #[test]
    fn marks_made_by_region_are_the_marks_of_the_whole_text() {
        let text = "Minister Ana Duarte said on Monday that the port of Lisbon would \
                    reopen in March, according to officials. The union denied it.\n\n"
            .repeat(1_700);
        let doc = Document::from_text(&text, Meta::default()).0;
        let analysis = analyze(&doc, &UserLexicon::default());
        let notes = [Span::new(REGION - 40, REGION + 40)];
        let mut marks = Marks::new(&analysis, &[Status::Disputed], &notes);
        let all = all_marks(&marks, &analysis);
        assert!(text.len() > 3 * REGION && all.len() > 10_000);
        // lines across the regions' edges, and within them
        for start in [
            0,
            REGION - 70,
            REGION - 3,
            2 * REGION - 20,
            2 * REGION + 500,
        ] {
            let line = Span::new(start, start + 80);
            marks.show(&analysis, line);
            let expected: Vec<_> = all
                .iter()
                .copied()
                .filter(|(s, _, _)| s.start < line.end && s.end > line.start)
                .collect();
            assert!(!expected.is_empty());
            assert_eq!(
                marks.overlapping(line).collect::<Vec<_>>(),
                expected,
                "{line:?}"
            );
        }
    }
}
