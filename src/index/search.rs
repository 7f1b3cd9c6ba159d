//! `brief search`: a query of words (FTS5's syntax: phrases in quotes, AND, OR, NOT, prefix*)
//! and fields, run over the index. Briefings are ranked by bm25 and each gives the lines its
//! words are on, as ripgrep prints them; fields narrow the briefings (`actor:`, `after:`,
//! `before:`) or the claims the lines must fall in (`kind:`, `source:`, `status:`), or the
//! claims and notes the analyst tagged (`tag:`, from the briefings' reviews).

use std::collections::HashSet;
use std::path::PathBuf;

use rusqlite::params;
use rusqlite::types::Value;
use serde::Serialize;

use super::{Index, IndexError, path_text};
use crate::analysis::ClaimKind;
use crate::briefing::Reviews;
use crate::document::Span;
use crate::review::anchor::locate;
use crate::review::{ClaimReview, Review, Status};
use crate::tui::search::{APOSTROPHES, unspaced};

/// The fields a query may give, as `name:value` or `name:"two words"`.
const FIELDS: [&str; 7] = [
    "actor", "source", "kind", "status", "tag", "after", "before",
];

/// Characters of a long line shown before the first match.
const LEAD: usize = 60;
/// A line longer than this (in characters) is shown around its first match.
const WIDTH: usize = 200;

/// A query, parsed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The words, as an FTS5 query; empty when only fields are given.
    words: String,
    /// Lower case, one space between words.
    actors: Vec<String>,
    sources: Vec<String>,
    kinds: Vec<String>,
    statuses: Vec<Status>,
    /// Lower case, without a leading `#`.
    tags: Vec<String>,
    after: Option<String>,
    before: Option<String>,
}

/// A query that cannot be run: what is wrong with it, for the one line on stderr.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct QueryError(pub String);

/// Why a search failed: the query (a usage error) or the index.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    #[error("{0}")]
    Query(#[from] QueryError),
    #[error("{0}")]
    Index(#[from] IndexError),
}

/// One line found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub path: PathBuf,
    /// From 1, in the briefing's text as brief reads it.
    pub line: usize,
    /// The line, or the part of a long one around its first match.
    pub snippet: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub fingerprint: Option<String>,
    /// bm25 of the briefing (lower is better); null when the query has no words.
    pub score: Option<f64>,
    /// The claim the line's first match falls in (c1 ... as `brief extract` numbers them).
    pub claim: Option<String>,
}

impl Query {
    pub fn parse(typed: &str) -> Result<Query, QueryError> {
        let mut query = Query::default();
        let mut words = Vec::new();
        for token in tokens(typed)? {
            let field = token.split_once(':').filter(|(name, _)| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic())
            });
            let Some((name, value)) = field else {
                words.extend(fts_words(&token));
                continue;
            };
            let value = value.trim_matches('"');
            let known = FIELDS.iter().find(|f| f.eq_ignore_ascii_case(name));
            let Some(&name) = known else {
                return Err(QueryError(format!(
                    "'{name}:' is not a field (the fields are {})",
                    FIELDS.map(|f| format!("{f}:")).join(", ")
                )));
            };
            if value.trim().is_empty() {
                return Err(QueryError(format!("{name}: needs a value")));
            }
            let lower = value
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            match name {
                "actor" => query.actors.push(lower),
                "source" => query.sources.push(lower),
                "kind" => query.kinds.push(kind(&lower)?),
                "status" => query.statuses.push(status(&lower)?),
                "tag" => query.tags.push(lower.trim_start_matches('#').to_string()),
                "after" => query.after = Some(date(name, value)?),
                _ => query.before = Some(date(name, value)?),
            }
        }
        query.words = words.join(" ");
        if query == Query::default() {
            return Err(QueryError(
                "nothing to search for: give words, or a field such as actor:\"Shin Wonsik\""
                    .into(),
            ));
        }
        Ok(query)
    }

    /// Whether lines must fall in claims of a kind, source or status.
    fn claims_narrowed(&self) -> bool {
        !(self.kinds.is_empty() && self.sources.is_empty() && self.statuses.is_empty())
    }

    /// Whether lines must fall in claims (of a kind, source or status) or in tagged notes.
    fn places_narrowed(&self) -> bool {
        self.claims_narrowed() || !self.tags.is_empty()
    }
}

/// The query split at white space outside double quotes, quotes kept.
fn tokens(typed: &str) -> Result<Vec<String>, QueryError> {
    let mut tokens = Vec::new();
    let mut token = String::new();
    let mut quoted = false;
    for c in typed.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                token.push(c);
            }
            c if c.is_whitespace() && !quoted => {
                if !token.is_empty() {
                    tokens.push(std::mem::take(&mut token));
                }
            }
            c => token.push(c),
        }
    }
    if quoted {
        return Err(QueryError("a quote (\") is not closed".into()));
    }
    if !token.is_empty() {
        tokens.push(token);
    }
    Ok(tokens)
}

/// A word of the query in FTS5's syntax: operators, phrases, parentheses and prefixes as
/// typed; a word with other punctuation ("U.S.", "Kim's") as the phrase it stands for.
fn fts_words(token: &str) -> Vec<String> {
    let open = token.len() - token.trim_start_matches('(').len();
    let close = token.len() - token.trim_end_matches(')').len();
    let core = &token[open..token.len() - close.min(token.len() - open)];
    let plain = |c: char| c.is_alphanumeric() || c == '_' || !c.is_ascii();
    let word = if core.is_empty()
        || ["AND", "OR", "NOT"].contains(&core)
        || (core.starts_with('"') && core.ends_with('"') && core.len() > 1)
        || core.trim_end_matches('*').chars().all(plain)
    {
        core.to_string()
    } else {
        format!("\"{}\"", core.replace('"', ""))
    };
    let mut words: Vec<String> = vec!["(".to_string(); open];
    if !word.is_empty() {
        words.push(word);
    }
    words.extend(std::iter::repeat_n(
        ")".to_string(),
        close.min(token.len() - open),
    ));
    words
}

fn kind(value: &str) -> Result<String, QueryError> {
    let names = ClaimKind::ALL.map(|k| super::record::word(&k));
    names.iter().find(|n| *n == value).cloned().ok_or_else(|| {
        QueryError(format!(
            "kind: '{value}' is not a claim kind ({})",
            names.join(", ")
        ))
    })
}

fn status(value: &str) -> Result<Status, QueryError> {
    Status::ALL
        .into_iter()
        .find(|s| s.as_str() == value)
        .ok_or_else(|| {
            let names = Status::ALL.map(Status::as_str);
            QueryError(format!(
                "status: '{value}' is not a status ({})",
                names.join(", ")
            ))
        })
}

/// `after:` and `before:` take a year, a month or a day: 2024, 2024-03, 2024-03-02.
fn date(field: &str, value: &str) -> Result<String, QueryError> {
    let bad = || {
        QueryError(format!(
            "{field}: '{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
        ))
    };
    let shape =
        value.len() == 4 || (value.len() == 7 && value.as_bytes()[4] == b'-') || value.len() == 10;
    if !shape || !value.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return Err(bad());
    }
    let day = match value.len() {
        4 => format!("{value}-01-01"),
        7 => format!("{value}-01"),
        _ => value.to_string(),
    };
    crate::document::published_date(&day).map_err(|_| bad())?;
    Ok(value.to_string())
}

/// A claim, or a tagged free note, as the hits are narrowed by it.
struct ClaimPlace {
    /// The claim's id; empty for a note.
    id: String,
    span: Span,
    line: usize,
}

impl Index {
    /// The paths of the briefings whose text holds the words of `typed` (as the reader's
    /// and the library's search type them: no FTS5 syntax), one after another, the last as a
    /// prefix ("quartermaster's off" holds "quartermaster s off*"): what the library's
    /// search reads the texts of. None when `typed` has no word to look up, or one word of
    /// fewer than three characters (as a prefix it stands for so many words that reading
    /// the texts in order, until the hits are enough, costs less), and when the FTS5 words
    /// would miss texts the search matches: an apostrophe (the search takes ' for ʼ, which
    /// the tokenizer counts as a letter: "quartermasterʼs" is one word) or a character of a
    /// script written without spaces (the tokenizer makes a whole clause one word).
    pub fn holding(&self, typed: &str) -> Result<Option<HashSet<PathBuf>>, IndexError> {
        if typed
            .chars()
            .any(|c| APOSTROPHES.contains(c) || unspaced(c))
        {
            return Ok(None);
        }
        let words: Vec<&str> = typed
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() || words.len() == 1 && words[0].chars().count() < 3 {
            return Ok(None);
        }
        // a word of letters and digits needs no quoting inside a phrase
        let phrase = format!("body : \"{}\" *", words.join(" "));
        // the paths from the stamps' index, which holds them beside the ids: the rows
        // themselves each hold a stored analysis, a page or more apiece
        self.conn
            .prepare_cached(
                "SELECT path FROM briefings INDEXED BY briefings_stamps
                 WHERE id IN (SELECT rowid FROM texts WHERE texts MATCH ?)",
            )
            .and_then(|mut s| {
                s.query_map(params![phrase], |r| {
                    r.get::<_, String>(0).map(PathBuf::from)
                })?
                .collect()
            })
            .map(Some)
            .map_err(|e| self.failed(&e))
    }

    /// The lines the query finds in the briefings under `within` (all when empty), the
    /// best-ranked briefings first; `reviews` give the claims' statuses.
    pub fn search(
        &self,
        query: &Query,
        within: &[PathBuf],
        reviews: &Reviews,
    ) -> Result<Vec<Hit>, SearchError> {
        let mut hits = Vec::new();
        self.search_each(query, within, reviews, |hit| {
            hits.push(hit);
            true
        })?;
        Ok(hits)
    }

    /// As [`Index::search`], each line handed to `each` as soon as it is found, until `each`
    /// says to stop (false): the first lines of a search that finds many come at once.
    pub fn search_each(
        &self,
        query: &Query,
        within: &[PathBuf],
        reviews: &Reviews,
        mut each: impl FnMut(Hit) -> bool,
    ) -> Result<(), SearchError> {
        let mut sql = String::from("SELECT b.id, b.path, b.title, b.published, b.fingerprint, ");
        let mut values: Vec<Value> = Vec::new();
        // the text of each briefing found is read as its turn comes (`texts` below): selected
        // here, every text found would be held (and highlighted) to be sorted
        if query.words.is_empty() {
            // a file that failed to read has no text: nothing in it is found
            sql.push_str("NULL FROM briefings b WHERE b.error IS NULL");
        } else {
            sql.push_str(
                "bm25(texts) FROM texts JOIN briefings b ON b.id = texts.rowid WHERE texts MATCH ?",
            );
            values.push(Value::Text(query.words.clone()));
        }
        for actor in &query.actors {
            sql.push_str(" AND b.id IN (SELECT a.briefing FROM actors a WHERE ");
            // a name matched between spaces holds no `|`, which stands between names
            if let Some(phrase) = trigrams(actor).filter(|_| !actor.contains('|')) {
                sql.push_str(
                    "a.rowid IN (SELECT rowid FROM actor_names WHERE actor_names MATCH ?) AND ",
                );
                values.push(phrase);
            }
            sql.push_str(
                "instr(' ' || replace(a.names, char(10), ' | ') || ' ', ' ' || ? || ' ') > 0)",
            );
            values.push(Value::Text(actor.clone()));
        }
        if let Some(after) = &query.after {
            sql.push_str(" AND b.published > ? AND substr(b.published, 1, ?) != ?");
            values.extend([
                Value::Text(after.clone()),
                Value::Integer(after.len() as i64),
                Value::Text(after.clone()),
            ]);
        }
        if let Some(before) = &query.before {
            sql.push_str(" AND b.published < ?");
            values.push(Value::Text(before.clone()));
        }
        if !within.is_empty() {
            let each = vec!["(b.path = ? OR substr(b.path, 1, ?) = ?)"; within.len()];
            sql.push_str(&format!(" AND ({})", each.join(" OR ")));
            for root in within {
                let path = path_text(root);
                let folder = format!("{}{}", path.trim_end_matches('/'), '/');
                values.extend([
                    Value::Text(path),
                    Value::Integer(folder.len() as i64),
                    Value::Text(folder),
                ]);
            }
        }
        let (claim_sql, claim_values) = claim_filter(query);
        if query.claims_narrowed() {
            // the briefings found once, from the claims of the kind (an index) or the
            // sources' trigrams, not a scan of each briefing's claims
            sql.push_str(" AND b.id IN (SELECT c.briefing FROM claims c WHERE 1");
            for source in &query.sources {
                if let Some(phrase) = trigrams(source) {
                    sql.push_str(
                        " AND c.rowid IN (SELECT rowid FROM claim_sources WHERE claim_sources MATCH ?)",
                    );
                    values.push(phrase);
                }
            }
            sql.push_str(&format!("{claim_sql})"));
            values.extend(claim_values.iter().cloned());
        }
        sql.push_str(if query.words.is_empty() {
            " ORDER BY b.published IS NULL, b.published DESC, b.path"
        } else {
            " ORDER BY bm25(texts), b.path"
        });
        let failed = |e: rusqlite::Error| -> SearchError {
            let why = super::reason(&e);
            // FTS5 says what is wrong with the words typed
            if why.starts_with("unknown special query") {
                // a word of nothing but `*`, which FTS5 reads as a command
                QueryError("not a query: a `*` ends a word (missile*), it is no word alone".into())
                    .into()
            } else if why.starts_with("fts5:")
                || why.contains("syntax error")
                || why.contains("unterminated")
            {
                QueryError(format!("not a query: {}", why.trim_start_matches("fts5: "))).into()
            } else {
                self.failed(&e).into()
            }
        };
        let mut statement = self.conn.prepare(&sql).map_err(failed)?;
        let mut rows = statement
            .query(rusqlite::params_from_iter(values))
            .map_err(failed)?;
        let mut texts = match query.words.is_empty() {
            true => self
                .conn
                .prepare_cached("SELECT body FROM texts WHERE rowid = ?1"),
            false => self.conn.prepare_cached(
                "SELECT highlight(texts, 1, char(1), char(2)) FROM texts
                 WHERE texts MATCH ?2 AND rowid = ?1",
            ),
        }
        .map_err(failed)?;
        while let Some(row) = rows.next().map_err(failed)? {
            let id: i64 = row.get(0).map_err(failed)?;
            let body: String = match query.words.is_empty() {
                true => texts.query_row(params![id], |r| r.get(0)),
                false => texts.query_row(params![id, query.words], |r| r.get(0)),
            }
            .map_err(failed)?;
            let found = Found {
                path: PathBuf::from(row.get::<_, String>(1).map_err(failed)?),
                title: row.get(2).map_err(failed)?,
                published: row.get(3).map_err(failed)?,
                fingerprint: row.get(4).map_err(failed)?,
                score: row.get(5).map_err(failed)?,
            };
            let claims = self
                .claims(id, query, &claim_sql, &claim_values)
                .map_err(failed)?;
            let claims = if query.statuses.is_empty() && query.tags.is_empty() {
                claims
            } else {
                let text = plain(&body);
                let review = reviews.stored(
                    Some(&found.path),
                    found.fingerprint.as_deref().unwrap_or_default(),
                );
                let review = review.unwrap_or_default();
                by_review(claims, query, &review, &text)
            };
            if query.places_narrowed() && claims.is_empty() {
                continue;
            }
            if !query.words.is_empty() {
                let narrowed = query.places_narrowed();
                let mut any = false;
                let mut counted = |hit| {
                    any = true;
                    each(hit)
                };
                if !lines_found(&body, &claims, narrowed, &found, &mut counted) {
                    return Ok(());
                }
                // found by its title alone: its first line stands for it
                if !any && !narrowed && !each(first_line(&body, &found)) {
                    return Ok(());
                }
            } else if query.places_narrowed() {
                for claim in &claims {
                    let text = body
                        .get(claim.span.start..claim.span.end)
                        .unwrap_or_default();
                    let id = Some(claim.id.clone()).filter(|id| !id.is_empty());
                    if !each(found.hit(claim.line, one_line(text), id)) {
                        return Ok(());
                    }
                }
            } else if !query.actors.is_empty() {
                let lines = self.actor_lines(id, &query.actors).map_err(failed)?;
                let text: Vec<&str> = body.lines().collect();
                for line in lines {
                    let words = text.get(line - 1).copied().unwrap_or_default();
                    if !each(found.hit(line, clip(words, None), None)) {
                        return Ok(());
                    }
                }
            } else if !each(first_line(&body, &found)) {
                return Ok(());
            }
        }
        Ok(())
    }

    /// The claims of a briefing (those the query's kinds and sources allow), in text order.
    fn claims(
        &self,
        id: i64,
        query: &Query,
        filter: &str,
        values: &[Value],
    ) -> rusqlite::Result<Vec<ClaimPlace>> {
        let filter = if query.claims_narrowed() { filter } else { "" };
        let sql = format!(
            "SELECT c.id, c.start, c.end, c.line FROM claims c WHERE c.briefing = ?{filter} ORDER BY c.start"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let mut all = vec![Value::Integer(id)];
        if query.claims_narrowed() {
            all.extend(values.iter().cloned());
        }
        statement
            .query_map(rusqlite::params_from_iter(all), |r| {
                Ok(ClaimPlace {
                    id: r.get(0)?,
                    span: Span::new(r.get::<_, i64>(1)? as usize, r.get::<_, i64>(2)? as usize),
                    line: r.get::<_, i64>(3)? as usize,
                })
            })?
            .collect()
    }

    /// The lines the actors named are named on, in order.
    fn actor_lines(&self, id: i64, actors: &[String]) -> rusqlite::Result<Vec<usize>> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT names, lines FROM actors WHERE briefing = ?1")?;
        let rows = statement.query_map([id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut lines = Vec::new();
        for row in rows {
            let (names, at) = row?;
            let padded = format!(" {} ", names.replace('\n', " | "));
            if actors.iter().any(|a| padded.contains(&format!(" {a} "))) {
                lines.extend(at.split(',').filter_map(|l| l.parse::<usize>().ok()));
            }
        }
        lines.sort_unstable();
        lines.dedup();
        Ok(lines)
    }
}

/// The SQL (to follow a `WHERE`) and values narrowing claims by kind and source.
fn claim_filter(query: &Query) -> (String, Vec<Value>) {
    let mut sql = String::new();
    let mut values = Vec::new();
    if !query.kinds.is_empty() {
        sql.push_str(&format!(
            " AND c.kind IN ({})",
            vec!["?"; query.kinds.len()].join(", ")
        ));
        values.extend(query.kinds.iter().cloned().map(Value::Text));
    }
    for source in &query.sources {
        sql.push_str(" AND instr(c.who, ?) > 0");
        values.push(Value::Text(source.clone()));
    }
    (sql, values)
}

/// Each of `claims` with the review's item for it (located in the text), if it has one.
fn reviewed<'a>(
    claims: Vec<ClaimPlace>,
    review: &'a Review,
    text: &str,
) -> Vec<(ClaimPlace, Option<&'a ClaimReview>)> {
    let mut items = vec![None; claims.len()];
    for item in &review.claims {
        let Some(at) = locate(text, &item.quote, item.start) else {
            continue;
        };
        let overlap = |s: Span| {
            s.end
                .min(at.bytes.end)
                .saturating_sub(s.start.max(at.bytes.start))
        };
        let best = (0..claims.len())
            .filter(|&i| overlap(claims[i].span) > 0)
            .max_by_key(|&i| overlap(claims[i].span));
        if let Some(i) = best {
            items[i] = Some(item);
        }
    }
    claims.into_iter().zip(items).collect()
}

/// The claims whose status in the stored review is one of the query's statuses (when it
/// gives any) and that are filed under one of its tags (when it gives any), and (when the
/// query names tags but no kind, source or status, which a note has not) the free notes filed
/// under one, in text order. The review's items are located in the text once.
fn by_review(
    claims: Vec<ClaimPlace>,
    query: &Query,
    review: &Review,
    text: &str,
) -> Vec<ClaimPlace> {
    let tagged = |tags: &[String]| {
        tags.iter().any(|t| {
            query
                .tags
                .contains(&t.trim_start_matches('#').to_lowercase())
        })
    };
    let status = |item: Option<&ClaimReview>| {
        query.statuses.is_empty()
            || query
                .statuses
                .contains(&item.map_or(Status::Unreviewed, |i| i.status))
    };
    let tags =
        |item: Option<&ClaimReview>| query.tags.is_empty() || item.is_some_and(|i| tagged(&i.tags));
    let mut places: Vec<ClaimPlace> = reviewed(claims, review, text)
        .into_iter()
        .filter(|(_, item)| status(*item) && tags(*item))
        .map(|(c, _)| c)
        .collect();
    if !query.tags.is_empty() && !query.claims_narrowed() {
        // a removed note keeps only its place, for the merge
        let live = review.notes.iter().filter(|n| !n.text.is_empty());
        let lines = super::record::LineStarts::new(text);
        for note in live.filter(|n| tagged(&n.tags)) {
            let Some(at) = locate(text, &note.quote, note.start) else {
                continue;
            };
            places.push(ClaimPlace {
                id: String::new(),
                line: lines.line(at.bytes.start),
                span: at.bytes,
            });
        }
        places.sort_by_key(|p| p.span.start);
    }
    places
}

/// A value as an FTS5 trigram query matching every text that holds it (and maybe more, as
/// the trigrams fold case), to be checked after; none when too short for trigrams.
fn trigrams(value: &str) -> Option<Value> {
    (value.chars().count() >= 3).then(|| Value::Text(format!("\"{}\"", value.replace('"', "\"\""))))
}

/// A briefing the query found.
struct Found {
    path: PathBuf,
    title: Option<String>,
    published: Option<String>,
    fingerprint: Option<String>,
    score: Option<f64>,
}

impl Found {
    fn hit(&self, line: usize, snippet: String, claim: Option<String>) -> Hit {
        Hit {
            path: self.path.clone(),
            line,
            snippet,
            title: self.title.clone(),
            published: self.published.clone(),
            fingerprint: self.fingerprint.clone(),
            score: self.score,
            claim,
        }
    }
}

/// The text without the highlight's marks.
fn plain(highlighted: &str) -> String {
    highlighted.replace(['\u{1}', '\u{2}'], "")
}

/// The lines of a highlighted text with a match: a hit each to `each`, when `narrowed` only
/// where a match falls in one of `claims`; false when `each` said to stop.
fn lines_found(
    highlighted: &str,
    claims: &[ClaimPlace],
    narrowed: bool,
    found: &Found,
    each: &mut impl FnMut(Hit) -> bool,
) -> bool {
    // offsets into the plain text, as the claims' are
    let mut at = 0;
    for (n, line) in highlighted.split('\n').enumerate() {
        let text = plain(line);
        let mut matches = Vec::new();
        let mut start = None;
        let mut offset = 0;
        for c in line.chars() {
            match c {
                '\u{1}' => start = Some(offset),
                '\u{2}' => matches.extend(start.take().map(|s| Span::new(s, offset))),
                c => offset += c.len_utf8(),
            }
        }
        let inside = |m: &Span| {
            claims
                .iter()
                .find(|c| c.span.start < at + m.end && at + m.start < c.span.end)
        };
        let first = matches.iter().find(|m| !narrowed || inside(m).is_some());
        if let Some(m) = first {
            let claim = inside(m).map(|c| c.id.clone());
            if !each(found.hit(n + 1, clip(&text, Some(*m)), claim)) {
                return false;
            }
        }
        at += text.len() + 1;
    }
    true
}

/// The first line of a briefing with words, standing for a briefing found by its date or
/// title.
fn first_line(body: &str, found: &Found) -> Hit {
    let first = body
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    let line = body.lines().position(|l| l == first).map_or(1, |p| p + 1);
    found.hit(line, clip(first, None), None)
}

/// A line as a hit shows it: whole, or when long the part around `around`.
fn clip(line: &str, around: Option<Span>) -> String {
    let line = line.trim_end();
    if line.chars().count() <= WIDTH {
        return line.to_string();
    }
    let from = around.map_or(0, |m| {
        let before = &line[..m.start.min(line.len())];
        before.char_indices().rev().nth(LEAD).map_or(0, |(i, _)| i)
    });
    let rest = &line[from..];
    let to = rest
        .char_indices()
        .nth(WIDTH)
        .map_or(rest.len(), |(i, _)| i);
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < rest.len() { "…" } else { "" };
    format!("{lead}{}{tail}", &rest[..to])
}

/// A claim's words on one line, clipped.
fn one_line(text: &str) -> String {
    clip(&text.split_whitespace().collect::<Vec<_>>().join(" "), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holding_narrows_only_where_the_words_hold_what_the_search_matches() {
        let file = |body: &str, name: &str| format!("---\ntitle: {name}\n---\n\n{body}\n");
        let a_md = file(
            "The quartermaster\u{2BC}s office reopened on Monday.",
            "a.md",
        );
        let b_md = file(
            "The ferry left early. \u{6E2F}\u{53E3}\u{4ECA}\u{5929}\u{5F00}\u{653E}\u{3002}",
            "b.md",
        );
        let (_dir, index, root) = super::super::indexed(&[("a.md", &a_md), ("b.md", &b_md)]);
        let a = PathBuf::from(path_text(&root.join("a.md")));
        let b = PathBuf::from(path_text(&root.join("b.md")));
        assert_eq!(index.holding("ferry le").unwrap(), Some(HashSet::from([b])));
        assert_eq!(
            index.holding("quartermaster").unwrap(),
            Some(HashSet::from([a]))
        );
        // the FTS5 words would miss a.md's "quartermasterʼs" and b.md's clause
        assert_eq!(index.holding("quartermaster's office").unwrap(), None);
        assert_eq!(index.holding("\u{4ECA}\u{5929}").unwrap(), None);
    }

    #[test]
    fn fields_are_taken_out_and_punctuated_words_become_phrases() {
        let q = Query::parse(
            "missiles actor:\"Shin  Wonsik\" kind:denial U.S. (a OR b*) after:2024-03",
        )
        .unwrap();
        assert_eq!(q.words, "missiles \"U.S.\" ( a OR b* )");
        assert_eq!(q.actors, ["shin wonsik"]);
        assert_eq!(q.kinds, ["denial"]);
        assert_eq!(q.after.as_deref(), Some("2024-03"));
    }

    #[test]
    fn a_bad_field_or_value_says_what_is_wrong() {
        for (typed, why) in [
            ("colour:red", "not a field"),
            ("kind:rumour", "not a claim kind"),
            ("status:done", "not a status"),
            ("after:2024-02-30", "not a date"),
            ("\"open", "not closed"),
            ("", "nothing to search for"),
            ("actor:", "needs a value"),
        ] {
            let error = Query::parse(typed).unwrap_err();
            assert!(error.0.contains(why), "{typed}: {error}");
        }
    }

    #[test]
    fn a_long_line_is_shown_around_its_match() {
        let line = format!("{}needle{}", "a ".repeat(200), " b".repeat(200));
        let at = line.find("needle").unwrap();
        let shown = clip(&line, Some(Span::new(at, at + 6)));
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.contains("needle"));
    }
}
