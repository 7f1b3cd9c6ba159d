//! What a typed query matches in a briefing, for the article's search and the library's.
//!
//! News text is typeset: "Russia’s" has a curly apostrophe, quotes are “curly”, a name can
//! break across a hard-wrapped line. So a straight apostrophe or quote in the query matches
//! its typographic forms, a space matches any run of white space, and case is ignored unless
//! the query has a capital letter (smart case: "us" finds "US" and "us", "US" only "US").
//!
//! The article's search keeps no list of its matches: a letter typed into it can match a
//! tenth of a 10 MB briefing. [`Matches`] counts them a step at a time (the reader counts on
//! between keys), keeping where every 16 KiB of text begins in the count, so the k-th match,
//! a match's number and the matches on screen are each found by searching one stretch.

use regex::{Regex, RegexBuilder};

use crate::document::Span;

/// Characters that stand for one another in a query.
pub const APOSTROPHES: &str = "'’‘ʼ′";
const QUOTES: &str = "\"“”„″";
const DASHES: &str = "-‐‑–—";

/// A character of a script written without spaces between words (Han, kana, Thai, Lao,
/// Khmer, Myanmar, Tibetan): a word tokenizer takes a whole clause of them for one word.
pub fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0FFF}' // Thai, Lao, Tibetan
        | '\u{1000}'..='\u{109F}' // Myanmar
        | '\u{1780}'..='\u{17FF}' // Khmer
        | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}' // Han
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF66}'..='\u{FF9F}' // half-width Katakana
        | '\u{20000}'..='\u{3FFFF}')
}

pub struct Query(Regex);

impl Query {
    /// The matcher for what was typed; `None` for an empty query (a space alone is a
    /// query: it finds the runs of white space).
    pub fn new(typed: &str) -> Option<Query> {
        Query::build(typed, false)
    }

    /// The matcher for what was typed, matching words from their start: "master" is not in
    /// "quartermaster", "quarterm" is (the library's search, which the index's words narrow).
    /// A query in a script written without spaces matches anywhere, as its words are not
    /// set apart.
    pub fn from_word_start(typed: &str) -> Option<Query> {
        Query::build(typed, true)
    }

    fn build(typed: &str, word_start: bool) -> Option<Query> {
        if typed.is_empty() {
            return None;
        }
        let mut pattern = String::new();
        if word_start && typed.starts_with(char::is_alphanumeric) && !typed.chars().any(unspaced) {
            pattern.push_str(r"\b");
        }
        let mut space = false;
        for c in typed.chars() {
            if c.is_whitespace() {
                if !space {
                    pattern.push_str(r"\s+");
                }
                space = true;
                continue;
            }
            space = false;
            match [APOSTROPHES, QUOTES, DASHES]
                .iter()
                .find(|set| set.contains(c))
            {
                Some(set) => {
                    pattern.push('[');
                    set.chars()
                        .for_each(|s| pattern.push_str(&regex::escape(&s.to_string())));
                    pattern.push(']');
                }
                None => pattern.push_str(&regex::escape(&c.to_string())),
            }
        }
        let smart_case = !typed.chars().any(char::is_uppercase);
        RegexBuilder::new(&pattern)
            .case_insensitive(smart_case)
            .build()
            .ok()
            .map(Query)
    }

    /// The first match starting at or after byte `at`; none past the end or off a char
    /// boundary.
    pub fn find_at(&self, text: &str, at: usize) -> Option<Span> {
        if !text.is_char_boundary(at) {
            return None;
        }
        self.0
            .find_at(text, at)
            .map(|m| Span::new(m.start(), m.end()))
    }

    /// Every match in the text, in order.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Span> + 't {
        self.0
            .find_iter(text)
            .map(|m| Span::new(m.start(), m.end()))
    }
}

/// Bytes of text between two checkpoints of the count.
const BLOCK: usize = 1 << 14;

/// Bytes of text counted a step, between keys: 1-2 ms on the most frequent letters.
pub const STEP: usize = 1 << 20;

/// Where the count stood at a point of the text: the matches that start before it, the
/// last of them, and so where the search goes on (after that match, which may reach past).
#[derive(Debug, Clone, Copy, Default)]
struct Checkpoint {
    at: usize,
    before: usize,
    last: Option<Span>,
}

impl Checkpoint {
    fn resume(&self) -> usize {
        self.last.map_or(self.at, |l| l.end.max(self.at))
    }
}

/// The matches of a query in one text, counted a step at a time and never all kept: the
/// matches are those `Query::find_iter` gives, in its order, numbered from 0.
#[derive(Default)]
pub struct Matches {
    query: Option<Query>,
    /// One at every [`BLOCK`] of the text counted (on a char boundary), the first at 0.
    checkpoints: Vec<Checkpoint>,
    /// How far the count has gone: where it resumes, the matches so far and the last.
    frontier: Checkpoint,
    done: bool,
}

impl Matches {
    /// The matches of what was typed; none for an empty query.
    pub fn new(typed: &str) -> Matches {
        Matches {
            query: Query::new(typed),
            ..Matches::default()
        }
    }

    /// The first match starting at or after byte `at`, counted or not.
    pub fn find_at(&self, text: &str, at: usize) -> Option<Span> {
        self.query.as_ref()?.find_at(text, at)
    }

    /// The matches counted so far: all of them once [`Matches::counted`].
    pub fn len(&self) -> usize {
        self.frontier.before
    }

    /// The count is complete (at once for no query).
    pub fn counted(&self) -> bool {
        self.done || self.query.is_none()
    }

    /// Counts on over at least `budget` bytes of `text` (less at its end), recording a
    /// checkpoint at every block passed.
    pub fn count(&mut self, text: &str, budget: usize) {
        let Some(query) = &self.query else {
            return;
        };
        let stop = self.frontier.at.saturating_add(budget);
        while !self.done && self.frontier.at < stop {
            let next = query.find_at(text, self.frontier.at);
            let upto = next.map_or(text.len(), |m| m.start);
            while self.checkpoints.len() * BLOCK <= upto {
                let at = text.ceil_char_boundary(self.checkpoints.len() * BLOCK);
                self.checkpoints.push(Checkpoint {
                    at,
                    ..self.frontier
                });
            }
            match next {
                Some(m) => {
                    self.frontier.before += 1;
                    self.frontier.last = Some(m);
                    self.frontier.at = past(text, m);
                }
                None => {
                    self.frontier.at = text.len();
                    self.done = true;
                }
            }
        }
    }

    /// Counts on until the matches starting before byte `at` are all counted.
    pub fn count_past(&mut self, text: &str, at: usize) {
        while !self.counted() && !self.past(at) {
            self.count(text, BLOCK);
        }
    }

    /// Every match starting before byte `at` is counted.
    fn past(&self, at: usize) -> bool {
        self.counted() || self.frontier.last.is_some_and(|l| l.start >= at)
    }

    /// The count as it stood at the last checkpoint at or before byte `at`.
    fn checkpoint(&self, at: usize) -> Checkpoint {
        let k = self.checkpoints.partition_point(|c| c.at <= at);
        self.checkpoints
            .get(k.wrapping_sub(1))
            .copied()
            .unwrap_or_default()
    }

    /// The matches from a checkpoint on, numbered.
    fn from<'t>(
        &'t self,
        text: &'t str,
        c: Checkpoint,
    ) -> impl Iterator<Item = (usize, Span)> + 't {
        let query = self.query.as_ref();
        let mut at = c.resume();
        std::iter::from_fn(move || {
            let m = query?.find_at(text, at)?;
            at = past(text, m);
            Some(m)
        })
        .zip(c.before..)
        .map(|(m, k)| (k, m))
    }

    /// The first match starting at or after byte `at`, with its number, once counted that far.
    pub fn first_from(&self, text: &str, at: usize) -> Option<(usize, Span)> {
        if !self.past(at) {
            return None;
        }
        self.from(text, self.checkpoint(at))
            .find(|(_, m)| m.start >= at)
    }

    /// The `k`-th match, once counted.
    pub fn nth(&self, text: &str, k: usize) -> Option<Span> {
        if k >= self.len() {
            return None;
        }
        let c = self.checkpoints.partition_point(|c| c.before <= k);
        let c = self.checkpoints.get(c.wrapping_sub(1)).copied()?;
        self.from(text, c).nth(k - c.before).map(|(_, m)| m)
    }

    /// The matches that overlap `shown`, in order. Counted that far, exactly; beyond the
    /// count, by searching from a little before (a match reaching further back, or one a
    /// query that overlaps itself places otherwise, may be painted differently there).
    pub fn within(&self, text: &str, shown: Span) -> Vec<Span> {
        let c = if self.past(shown.start) {
            self.checkpoint(shown.start)
        } else {
            Checkpoint {
                at: text.floor_char_boundary(shown.start.saturating_sub(LOOK_BACK)),
                ..Checkpoint::default()
            }
        };
        // the checkpoint's last match may reach into the screen
        c.last
            .into_iter()
            .chain(self.from(text, c).map(|(_, m)| m))
            .take_while(|m| m.start < shown.end.max(shown.start + 1))
            .filter(|m| m.end > shown.start)
            .collect()
    }
}

/// How far before the screen a match beyond the count is looked for.
const LOOK_BACK: usize = 256;

/// Where a search goes on after match `m`: its end (a match is never empty, but the search
/// must move on whatever it is).
fn past(text: &str, m: Span) -> usize {
    m.end.max(text.ceil_char_boundary(m.start + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_word_start_matches_words_from_their_start() {
        let text = "The quartermaster\u{2019}s mast, \u{6E2F}\u{53E3}\u{4ECA}\u{5929}";
        let found = |typed: &str| {
            let q = Query::from_word_start(typed).unwrap();
            q.find_iter(text)
                .map(|s| text[s.start..s.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(found("mast"), ["mast"]);
        assert_eq!(found("ma"), ["ma"]);
        assert_eq!(found("quarterm"), ["quarterm"]);
        assert_eq!(found("quartermaster's"), ["quartermaster\u{2019}s"]);
        assert!(found("master").is_empty());
        assert!(found("ster").is_empty());
        // an apostrophe sets words apart, as the index's tokenizer does
        assert_eq!(found("s mast"), ["s mast"]);
        assert_eq!(found("\u{4ECA}\u{5929}"), ["\u{4ECA}\u{5929}"]);
    }

    fn found(query: &str, text: &str) -> Vec<String> {
        Query::new(query)
            .map(|q| {
                q.find_iter(text)
                    .map(|s| text[s.start..s.end].to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn case_is_ignored_unless_the_query_has_a_capital() {
        let text = "The US told us. École, école.";
        assert_eq!(found("us", text), ["US", "us"]);
        assert_eq!(found("US", text), ["US"]);
        assert_eq!(found("école", text), ["École", "école"]);
    }

    #[test]
    fn typed_punctuation_finds_its_typographic_forms() {
        let text = "Russia’s “aid” and Russia's \"aid\"; 2022–2023.";
        assert_eq!(found("russia's", text), ["Russia’s", "Russia's"]);
        assert_eq!(found("\"aid\"", text), ["“aid”", "\"aid\""]);
        assert_eq!(found("2022-2023", text), ["2022–2023"]);
    }

    #[test]
    fn a_space_matches_a_line_break() {
        assert_eq!(found("north  korea", "North\nKorea"), ["North\nKorea"]);
    }

    /// Counts `typed` in `text` by steps of `step` bytes.
    fn counted(typed: &str, text: &str, step: usize) -> Matches {
        let mut matches = Matches::new(typed);
        while !matches.counted() {
            matches.count(text, step);
        }
        matches
    }

    #[test]
    fn matches_counted_in_steps_are_find_iter_s_and_found_again_by_number_and_place() {
        // several checkpoints, matches of varied lengths astride them, multi-byte text
        let text = "Café  “au lait”, café\nà la carte; CAFÉ \u{1F642} cafés ".repeat(12_000);
        let query = Query::new("café ").expect("a query");
        let all: Vec<Span> = query.find_iter(&text).collect();
        assert!(text.len() > 6 * BLOCK && all.len() > 1000);
        for step in [1, 777, STEP] {
            let matches = counted("café ", &text, step);
            assert_eq!(matches.len(), all.len());
            for k in (0..all.len()).step_by(97).chain([all.len() - 1]) {
                assert_eq!(matches.nth(&text, k), Some(all[k]));
                let at = all[k].start;
                assert_eq!(matches.first_from(&text, at), Some((k, all[k])));
                assert_eq!(
                    matches.first_from(&text, at.saturating_sub(1)),
                    Some((k, all[k]))
                );
            }
        }
        let matches = counted("café ", &text, STEP);
        let boundary = (4 * BLOCK..)
            .find(|&b| text.is_char_boundary(b))
            .unwrap_or(0);
        let shown = Span::new(boundary, boundary + 300);
        let expected: Vec<Span> = all.iter().copied().filter(|m| m.overlaps(shown)).collect();
        assert_eq!(matches.within(&text, shown), expected);
        // before the count gets there, the screen's matches are found from near it
        assert_eq!(Matches::new("café ").within(&text, shown), expected);
    }

    #[test]
    fn a_query_that_overlaps_itself_is_counted_as_find_iter_finds_it() {
        let matches = counted("aa", "aaaaa aaa", 2);
        assert_eq!(matches.len(), 3);
        assert_eq!(matches.nth("aaaaa aaa", 1), Some(Span::new(2, 4)));
        assert_eq!(
            matches.first_from("aaaaa aaa", 1),
            Some((1, Span::new(2, 4)))
        );
        assert_eq!(matches.first_from("aaaaa aaa", 7), None);
    }

    #[test]
    fn an_empty_query_or_regex_syntax_is_safe() {
        assert!(Query::new("").is_none());
        assert_eq!(found(" ", "a b\n\nc"), [" ", "\n\n"]);
        assert_eq!(found("a.b(", "a.b( axb("), ["a.b("]);
    }
}
