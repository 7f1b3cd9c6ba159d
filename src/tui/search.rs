//! What a typed query matches in a briefing, for the article's search and the library's.
//!
//! News text is typeset: "Russia’s" has a curly apostrophe, quotes are “curly”, a name can
//! break across a hard-wrapped line. So a straight apostrophe or quote in the query matches
//! its typographic forms, a space matches any run of white space, and case is ignored unless
//! the query has a capital letter (smart case: "us" finds "US" and "us", "US" only "US").

use regex::{Regex, RegexBuilder};

use crate::document::Span;

/// Characters that stand for one another in a query.
const APOSTROPHES: &str = "'’‘ʼ′";
const QUOTES: &str = "\"“”„″";
const DASHES: &str = "-‐‑–—";

pub struct Query(Regex);

impl Query {
    /// The matcher for what was typed; `None` for an empty query.
    pub fn new(typed: &str) -> Option<Query> {
        if typed.trim().is_empty() {
            return None;
        }
        let mut pattern = String::new();
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

    /// Every match in the text, in order.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Span> + 't {
        self.0
            .find_iter(text)
            .map(|m| Span::new(m.start(), m.end()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn an_empty_query_or_regex_syntax_is_safe() {
        assert!(Query::new("  ").is_none());
        assert_eq!(found("a.b(", "a.b( axb("), ["a.b("]);
    }
}
