//! `md`: a briefing note a person would send on. Everything taken from the briefing or the
//! review is escaped, so quoted text cannot become markup, links or HTML.

use std::fmt::Write;

use crate::analysis::EventId;
use crate::analysis::times::readable;
use crate::document::DateSource;
use crate::review::Status;

use super::{Briefing, describe, status, word};

pub fn render(b: &Briefing) -> String {
    let mut out = String::new();
    let doc = b.doc;
    let meta = &doc.meta;
    let _ = writeln!(out, "# {}\n", inline(b.title()));
    // a date read from the article's first lines is a guess the reader of the note should see
    let published = meta.published.map(|d| match meta.published_from {
        Some(DateSource::Dateline) => format!("{d} (from the dateline)"),
        Some(DateSource::Review) => format!("{d} (set in the review)"),
        _ => d.to_string(),
    });
    let facts = [
        ("Source", meta.source.as_deref().map(inline)),
        ("URL", meta.url.as_deref().map(link)),
        ("Author", meta.author.as_deref().map(inline)),
        ("Published", published.as_deref().map(inline)),
        ("Fingerprint", Some(inline(&doc.fingerprint))),
        ("Reviewer", Some(inline(&b.reviewers().join(", ")))),
    ]
    .map(|(k, v)| v.map(|v| format!("- {k}: {v}\n")));
    out.extend(facts.into_iter().flatten());

    let claims: Vec<_> = b.claims().collect();
    let ids = b.ids();
    let counts: Vec<String> = Status::ALL
        .iter()
        .map(|&s| (claims.iter().filter(|(_, _, r)| status(*r) == s).count(), s))
        .filter(|&(n, _)| n > 0)
        .map(|(n, s)| format!("{n} {s}"))
        .collect();
    if counts.is_empty() {
        let _ = writeln!(out, "\n**{} claims.**", claims.len());
    } else {
        let _ = writeln!(out, "\n**{} claims:** {}.", claims.len(), counts.join(", "));
    }
    if !b.analysis.english {
        let why = crate::schema::NOT_ENGLISH;
        let _ = writeln!(out, "\n*The {}.*", why.strip_prefix("the ").unwrap_or(why));
    }

    for wanted in Status::ALL {
        let group: Vec<_> = claims
            .iter()
            .filter(|(_, _, r)| status(*r) == wanted)
            .collect();
        if group.is_empty() {
            continue;
        }
        let mut heading = wanted.to_string();
        heading[..1].make_ascii_uppercase();
        let _ = writeln!(out, "\n## {heading} ({})", group.len());
        for (id, claim, review) in group {
            let grade = review
                .and_then(|r| r.grade)
                .map_or(String::new(), |g| format!(", grade {g}"));
            let source = b
                .source(claim)
                .map_or("no source given".to_string(), |s| inline(&s));
            // a PDF's page, as the claim is cited
            let page = doc
                .page_at(claim.span.start)
                .map_or(String::new(), |p| format!(", p. {p}"));
            let _ = writeln!(out, "\n### {id}: {source}{grade}{page}\n");
            let _ = writeln!(out, "{}", block(doc.slice(claim.span), "> "));
            let cue = claim.cue.map_or(String::new(), |c| {
                format!(", cue “{}”", inline(doc.slice(c)))
            });
            let _ = writeln!(out, "\n- Kind: {}{cue}", word(claim.kind));
            if !claim.hedges.is_empty() {
                let hedges: Vec<String> =
                    claim.hedges.iter().map(|&h| inline(doc.slice(h))).collect();
                let _ = writeln!(out, "- Hedged: {}", hedges.join(", "));
            }
            if !claim.contradicts.is_empty() {
                let _ = writeln!(
                    out,
                    "- Contradicts: {}",
                    ids.of(&claim.contradicts).join(", ")
                );
            }
            if let Some(tags) = review.map(|r| &r.tags).filter(|t| !t.is_empty()) {
                let _ = writeln!(out, "- Tags: {}", tags_line(tags));
            }
            if let Some(by) = review.and_then(|r| b.other_reviewer(r.reviewer.as_deref())) {
                let _ = writeln!(out, "- Reviewed by: {}", inline(by));
            }
            if let Some(note) = review.and_then(|r| r.note.as_deref()) {
                let _ = writeln!(out, "- Note:\n\n{}", block(note, "  "));
            }
        }
    }

    let orphans: Vec<_> = b.review.claims.iter().filter(|c| c.orphaned).collect();
    if !orphans.is_empty() {
        let _ = writeln!(
            out,
            "\n## Review items no longer found in the analysis ({})",
            orphans.len()
        );
        for item in orphans {
            let grade = item.grade.map_or(String::new(), |g| format!(", grade {g}"));
            let _ = writeln!(
                out,
                "\n- {}{grade}: “{}”",
                item.status,
                inline(&item.quote.exact)
            );
            if let Some(note) = &item.note {
                let _ = writeln!(out, "\n{}", block(note, "  "));
            }
        }
    }

    if !b.analysis.actors.is_empty() {
        let _ = writeln!(out, "\n## Actors\n");
        for actor in &b.analysis.actors {
            let role = actor
                .role
                .as_deref()
                .map_or(String::new(), |r| format!(", {}", inline(r)));
            let aliases: Vec<String> = actor
                .aliases
                .iter()
                .filter(|a| **a != actor.name)
                .map(|a| inline(a))
                .collect();
            let aliases = if aliases.is_empty() {
                String::new()
            } else {
                format!("; also {}", aliases.join(", "))
            };
            let _ = writeln!(
                out,
                "- **{}** ({}{role}){aliases}",
                inline(&actor.name),
                word(actor.kind)
            );
        }
    }

    if !b.analysis.timeline.is_empty() {
        let _ = writeln!(out, "\n## Timeline\n");
        for (i, event) in b.analysis.timeline.iter().enumerate() {
            let undated = match &event.within {
                Some(w) => format!("undated, {}", inline(&w.words())),
                None => "undated".to_string(),
            };
            let when = event
                .date(&b.analysis.times)
                .map_or(undated, |(value, kind)| {
                    // in words for the reader of the note, the value for the record
                    let words = readable(value, kind);
                    let value = value.to_string();
                    if words == value {
                        inline(&value)
                    } else {
                        format!("{} ({})", inline(&words), inline(&value))
                    }
                });
            // what the analyst did, so the note never passes it off as the machine's
            let by = match (&event.given, event.id) {
                (_, Some(EventId::Added(_))) => " (added by the analyst)".to_string(),
                (Some(given), _) => format!(" (dated by the analyst: “{}”)", inline(&given.typed)),
                _ => String::new(),
            };
            let _ = writeln!(out, "{}. {when}: {}{by}", i + 1, inline(&event.label));
        }
    }

    let published = b.review.published.and_then(|p| p.date);
    if !b.review.corrections.is_empty() || published.is_some() {
        let _ = writeln!(out, "\n## Corrections to the analysis\n");
        if let Some(date) = published {
            let under = if meta.published_from == Some(DateSource::Given) {
                " (not in force: --published gives the date)"
            } else {
                ""
            };
            let _ = writeln!(out, "- Published date set to {date}{under}");
        }
        for correction in &b.review.corrections {
            let what = describe(&correction.change, &inline);
            let lost = if correction.orphaned {
                " (no longer applies)"
            } else {
                ""
            };
            let by = b
                .other_reviewer(correction.reviewer.as_deref())
                .map_or(String::new(), |r| format!(" (by {})", inline(r)));
            let _ = writeln!(out, "- {what}{lost}{by}");
        }
    }

    let notes: Vec<_> = b.review.notes.iter().collect();
    if !notes.is_empty() {
        let _ = writeln!(out, "\n## Notes");
        for note in notes {
            let lost = if note.orphaned {
                " (passage no longer in the text)"
            } else {
                ""
            };
            let _ = writeln!(out, "\n{}{lost}\n", block(&note.quote.exact, "> "));
            let _ = writeln!(out, "{}", block(&note.text, ""));
            let tags = (!note.tags.is_empty()).then(|| format!("Tags: {}", tags_line(&note.tags)));
            let by = b
                .other_reviewer(note.reviewer.as_deref())
                .map(|r| format!("By {}", inline(r)));
            let after: Vec<String> = [tags, by].into_iter().flatten().collect();
            if !after.is_empty() {
                let _ = writeln!(out, "\n*{}*", after.join("; "));
            }
        }
    }
    out
}

/// Tags as the note lists them: each as `#tag`, escaped.
fn tags_line(tags: &[String]) -> String {
    // mid-line, so `#` opens no heading
    let tags: Vec<String> = tags.iter().map(|t| format!("#{}", inline(t))).collect();
    tags.join(" ")
}

/// Text on one line: runs of whitespace become one space, then [`escape`].
fn inline(text: &str) -> String {
    escape(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The briefing's address as a link when it is a plain http(s) URL (an autolink holds no
/// space, control or angle bracket, so nothing in it can break out), else as escaped text.
fn link(url: &str) -> String {
    let web = super::claimreview::is_web(url);
    let plain = !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '`' | '\\'));
    if web && plain {
        format!("<{url}>")
    } else {
        inline(url)
    }
}

/// Text kept as lines, each escaped and given `prefix` ("> " quotes it); a blank line stays
/// inside the quote.
fn block(text: &str, prefix: &str) -> String {
    text.trim()
        .lines()
        .map(|line| {
            format!("{prefix}{}", escape(line.trim()))
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Backslash-escapes what CommonMark would read as markup at that place, and nothing else, so
/// the note reads clean: code, links, HTML and entities, emphasis only where a `*` or `_`
/// could open or close it (CommonMark's flanking rules: not "2 * 3" or "snake_case"), a
/// heading, quote or list marker at the start ("#", ">", "1.", "-"), and table pipes (GitHub
/// draws tables). `~` and `:` stay as written: "~11,000", "Follow up: ask".
fn escape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut leading_digits = true;
    for (i, &c) in chars.iter().enumerate() {
        let start = out.is_empty();
        let list_marker = leading_digits && !start && matches!(c, '.' | ')');
        let special = match c {
            '\\' | '`' | '[' | ']' | '<' | '|' => true,
            '*' | '_' => emphasis(&chars, i),
            '&' => entity(&chars[i + 1..]),
            '#' | '>' | '+' | '-' | '=' => start,
            _ => false,
        };
        if special || list_marker {
            out.push('\\');
        }
        out.push(c);
        leading_digits &= c.is_ascii_digit();
    }
    out
}

/// Whether the run of `*` or `_` holding `chars[i]` could open or close emphasis.
fn emphasis(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let first = chars[..i]
        .iter()
        .rposition(|&x| x != c)
        .map_or(0, |p| p + 1);
    let after = chars[i..]
        .iter()
        .position(|&x| x != c)
        .map_or(chars.len(), |p| i + p);
    let before = first.checked_sub(1).map_or(' ', |p| chars[p]);
    let next = chars.get(after).copied().unwrap_or(' ');
    let punct = |x: char| !x.is_alphanumeric() && !x.is_whitespace();
    let left = !next.is_whitespace() && (!punct(next) || before.is_whitespace() || punct(before));
    let right = !before.is_whitespace() && (!punct(before) || next.is_whitespace() || punct(next));
    if c == '*' {
        return left || right;
    }
    (left && (!right || punct(before))) || (right && (!left || punct(next)))
}

/// Whether an `&` followed by `rest` starts an entity or character reference ("&amp;",
/// "&#35;", "&#x23;").
fn entity(rest: &[char]) -> bool {
    let end = rest.iter().take(33).position(|&c| c == ';');
    end.is_some_and(|end| {
        end > 0
            && rest[..end]
                .iter()
                .enumerate()
                .all(|(k, &c)| c.is_ascii_alphanumeric() || (k == 0 && c == '#'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_text_cannot_become_markup() {
        assert_eq!(escape("[x](javascript:alert)"), "\\[x\\](javascript:alert)");
        assert_eq!(escape("- a-b"), "\\- a-b");
        assert_eq!(escape("<img src=x>"), "\\<img src=x>");
        assert_eq!(escape("1. item"), "1\\. item");
        assert_eq!(escape("# h"), "\\# h");
        assert_eq!(escape("> quoted"), "\\> quoted");
        assert_eq!(
            escape("&amp; &#35; *b* `c`"),
            "\\&amp; \\&#35; \\*b\\* \\`c\\`"
        );
        assert_eq!(escape("a*b _c_ __d__"), "a\\*b \\_c\\_ \\_\\_d\\_\\_");
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(block("a\n\n> b", "> "), "> a\n>\n> \\> b");
        assert_eq!(inline("two\n  lines"), "two lines");
        assert_eq!(link("https://x.org/a?b=1"), "<https://x.org/a?b=1>");
        assert_eq!(link("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(link("https://x.org/a> <b"), "https://x.org/a> \\<b");
    }

    #[test]
    fn plain_text_keeps_its_characters() {
        for text in [
            "~11,000 troops",
            "Follow up: ask the ministry",
            "2 * 3 = 6",
            "snake_case_name and file_2",
            "R&D, AT&T & co",
            "a # in the middle, 5 > 3",
            "see https://x.org or www.y.org, mail a@b.org",
        ] {
            assert_eq!(escape(text), text);
        }
    }
}
