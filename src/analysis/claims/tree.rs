//! The sentence parse ([`Syntax`]) as the attribution rules read it: each token's
//! dependents and the extent of its subtree, built once in linear time.

use std::ops::Range;

use crate::analysis::syntax::Syntax;

pub struct Tree<'a> {
    syntax: &'a Syntax,
    /// Each token's dependents: `kids[starts[t]..starts[t + 1]]`, in text order.
    starts: Vec<u32>,
    kids: Vec<u32>,
    /// The first and last token of each token's subtree.
    lo: Vec<u32>,
    hi: Vec<u32>,
}

/// A relation without its subtype ("obl:agent" -> "obl").
pub fn base(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

impl<'a> Tree<'a> {
    /// The tree of `n` tokens parsed by `syntax`.
    pub fn new(syntax: &'a Syntax, n: usize) -> Tree<'a> {
        // looked up, not collected: every table here is per token, and tokens can be one
        // character each
        let head = |t: usize| syntax.head(t).filter(|&h| h < n);
        let mut starts = vec![0u32; n + 1];
        for h in (0..n).filter_map(head) {
            starts[h + 1] += 1;
        }
        for t in 0..n {
            starts[t + 1] += starts[t];
        }
        let mut fill = starts.clone();
        let mut kids = vec![0u32; starts[n] as usize];
        for t in 0..n {
            if let Some(h) = head(t) {
                kids[fill[h] as usize] = t as u32;
                fill[h] += 1;
            }
        }
        // subtree extents: children before parents, by depth (a parse has no cycle; a
        // chain longer than the sentence is cut, so a damaged parse cannot loop)
        let mut depth = vec![u32::MAX; n];
        for t in 0..n {
            let mut path = Vec::new();
            let mut at = t;
            while depth[at] == u32::MAX && path.len() <= n {
                path.push(at);
                match head(at) {
                    Some(h) => at = h,
                    None => break,
                }
            }
            let mut d = if depth[at] == u32::MAX {
                0
            } else {
                depth[at] + 1
            };
            for &p in path.iter().rev() {
                if depth[p] == u32::MAX {
                    depth[p] = d;
                    d += 1;
                }
            }
        }
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_unstable_by_key(|&t| std::cmp::Reverse(depth[t as usize]));
        let mut lo: Vec<u32> = (0..n as u32).collect();
        let mut hi = lo.clone();
        for t in order.into_iter().map(|t| t as usize) {
            if let Some(h) = head(t) {
                lo[h] = lo[h].min(lo[t]);
                hi[h] = hi[h].max(hi[t]);
            }
        }
        Tree {
            syntax,
            starts,
            kids,
            lo,
            hi,
        }
    }

    pub fn len(&self) -> usize {
        self.lo.len()
    }

    pub fn upos(&self, t: usize) -> &'static str {
        if t < self.len() {
            self.syntax.upos(t)
        } else {
            ""
        }
    }

    pub fn head(&self, t: usize) -> Option<usize> {
        (t < self.len())
            .then(|| self.syntax.head(t))
            .flatten()
            .filter(|&h| h < self.len())
    }

    pub fn deprel(&self, t: usize) -> &'static str {
        if t < self.len() {
            self.syntax.deprel(t)
        } else {
            ""
        }
    }

    pub fn children(&self, t: usize) -> impl Iterator<Item = usize> + '_ {
        let range = if t < self.len() {
            self.starts[t] as usize..self.starts[t + 1] as usize
        } else {
            0..0
        };
        self.kids[range].iter().map(|&k| k as usize)
    }

    /// The first dependent of `t` whose relation `rel` accepts.
    pub fn child(&self, t: usize, rel: impl Fn(&str) -> bool) -> Option<usize> {
        self.children(t).find(|&k| rel(self.deprel(k)))
    }

    /// The tokens of `t`'s subtree, from its first to its last.
    pub fn span(&self, t: usize) -> Range<usize> {
        self.lo[t] as usize..self.hi[t] as usize + 1
    }
}
