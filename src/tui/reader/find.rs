//! The search in the article: the query, whether it is being typed, its matches (counted
//! between keys, never all kept, see [`Matches`]) and the one shown. It moves the article
//! to the match it shows; the reader gives it the document and the article.

use crate::document::{Document, Span};
use crate::tui::article::Article;
use crate::tui::search::{self, Matches};

#[derive(Default)]
pub struct Search {
    pub query: String,
    pub editing: bool,
    pub matches: Matches,
    /// The shown match's number, once the count has reached it.
    pub current: Option<usize>,
    pub shown: Option<Span>,
}

impl Search {
    /// A new search, being typed.
    pub fn typing() -> Search {
        Search {
            editing: true,
            ..Search::default()
        }
    }

    /// Finds the query in the article: the first match from the top of the view on is
    /// shown at once, and the count begins.
    pub fn find(&mut self, doc: &Document, article: &mut Article) {
        self.matches = Matches::new(&self.query);
        self.current = None;
        self.shown = None;
        let top = article.top_byte(doc);
        let matches = &self.matches;
        let first = matches
            .find_at(&doc.text, top)
            .or_else(|| matches.find_at(&doc.text, 0));
        self.count_on(doc);
        if let Some(m) = first {
            self.show(doc, article, m);
        }
    }

    /// The count is not complete: [`Search::count_on`] goes on with it between keys.
    pub fn counting(&self) -> bool {
        !self.matches.counted()
    }

    /// Counts the matches on by a step ([`search::STEP`] bytes of text).
    pub fn count_on(&mut self, doc: &Document) {
        self.matches.count(&doc.text, search::STEP);
        self.number_shown(doc);
    }

    /// `n`/`N`: the next match after the shown one (the first after the last), or the one
    /// before it, which needs its number: counted that far first, at once. Scrolled away
    /// from the shown match, they go on from the view instead, as in `less`. `true` when a
    /// match is shown.
    pub fn next(&mut self, doc: &Document, article: &mut Article, forward: bool) -> bool {
        let Some(shown) = self.shown else {
            return false;
        };
        if !article.shows(doc, shown.start) {
            return self.next_from_view(doc, article, forward);
        }
        let text = &doc.text;
        let (k, m) = if forward {
            match self.matches.find_at(text, shown.end) {
                Some(m) => (self.current.map(|k| k + 1), Some(m)),
                None => (Some(0), self.matches.find_at(text, 0)),
            }
        } else {
            self.matches.count_past(text, shown.start);
            self.number_shown(doc);
            let matches = &mut self.matches;
            let k = match self.current {
                Some(k) if k > 0 => k - 1,
                _ => {
                    matches.count_past(text, usize::MAX);
                    matches.len().saturating_sub(1)
                }
            };
            (Some(k), matches.nth(text, k))
        };
        let Some(m) = m else {
            return false;
        };
        self.show(doc, article, m);
        self.current = self.current.or(k);
        true
    }

    /// The first match from the top of the view on (`n`), or the last before it (`N`),
    /// wrapping round the article's ends.
    fn next_from_view(&mut self, doc: &Document, article: &mut Article, forward: bool) -> bool {
        let text = &doc.text;
        let top = article.top_byte(doc);
        let matches = &mut self.matches;
        let m = if forward {
            matches
                .find_at(text, top)
                .or_else(|| matches.find_at(text, 0))
        } else {
            matches.count_past(text, top);
            let before = matches
                .first_from(text, top)
                .map_or(matches.len(), |(k, _)| k);
            let k = match before.checked_sub(1) {
                Some(k) => k,
                None => {
                    matches.count_past(text, usize::MAX);
                    matches.len().saturating_sub(1)
                }
            };
            matches.nth(text, k)
        };
        let Some(m) = m else {
            return false;
        };
        self.show(doc, article, m);
        true
    }

    /// Shows match `m`, scrolling the article to it when it is off screen.
    pub fn show(&mut self, doc: &Document, article: &mut Article, m: Span) {
        self.shown = Some(m);
        self.current = None;
        self.number_shown(doc);
        if !article.shows(doc, m.start) {
            article.jump_to(doc, m.start);
        }
    }

    /// Numbers the shown match once the count has passed it. Found beyond the count, a match
    /// of a query that overlaps itself ("aa" in "aaa") may be out of step with the count's
    /// matches: the count's next one is shown instead.
    fn number_shown(&mut self, doc: &Document) {
        let (Some(shown), None) = (self.shown, self.current) else {
            return;
        };
        let matches = &self.matches;
        let found = matches.first_from(&doc.text, shown.start).or_else(|| {
            // counted, and none from there on: the last match, which reaches over it
            let k = matches.len().checked_sub(1)?;
            matches
                .counted()
                .then(|| matches.nth(&doc.text, k).map(|m| (k, m)))?
        });
        if let Some((k, m)) = found {
            self.current = Some(k);
            self.shown = Some(m);
        }
    }
}
