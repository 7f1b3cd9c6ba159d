//! `claimreview`: schema.org ClaimReview JSON-LD, one object per reviewed claim (rejected
//! passages are not claims, unreviewed ones have no verdict). A claim other briefings of an
//! indexed library report too appears in each of them (`appearance`, `firstAppearance`).

use serde_json::{Value, json};

use crate::analysis::{ActorKind, Claim, Source};
use crate::document::Span;
use crate::review::Status;

use super::Briefing;
use crate::across::related::Across;

pub fn render(b: &Briefing) -> String {
    let meta = &b.doc.meta;
    let mut appearance = json!({"@type": "CreativeWork", "headline": b.title()});
    for (key, value) in [
        ("url", meta.url.as_deref().filter(|u| is_web(u))),
        ("publisher", meta.source.as_deref()),
        ("author", meta.author.as_deref()),
    ] {
        if let Some(value) = value {
            appearance[key] = json!(value);
        }
    }
    if let Some(date) = meta.published {
        appearance["datePublished"] = json!(date.to_string());
    }
    let reviews: Vec<Value> = b
        .claims()
        .filter_map(|(_, claim, review)| {
            let review =
                review.filter(|r| !matches!(r.status, Status::Unreviewed | Status::Rejected))?;
            let mut item = json!({
                "@type": "Claim",
                "appearance": appearance,
            });
            let words = b.doc.slice(claim.span);
            let across = b.library.and_then(|l| l.get(words));
            if let Some(across) = across.filter(|a| a.also().next().is_some()) {
                appeared(&mut item, &appearance, across);
            }
            if let Some(source) = &claim.source {
                item["author"] = authors(b, source);
            }
            let mut rating = json!({
                "@type": "Rating",
                "alternateName": verdict(review.status),
            });
            if let Some(grade) = review.grade {
                rating["ratingExplanation"] = json!(format!("Admiralty grade {grade}"));
            }
            let mut out = json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": b.doc.slice(statement(claim)),
                "reviewRating": rating,
                "author": {"@type": "Person", "name": b.reviewer_of(review.reviewer.as_deref())},
                "datePublished": review.updated.strftime("%Y-%m-%d").to_string(),
                "itemReviewed": item,
            });
            if let Some(note) = &review.note {
                out["reviewBody"] = json!(note);
            }
            if !review.tags.is_empty() {
                out["keywords"] = json!(review.tags.join(", "));
            }
            Some(out)
        })
        .collect();
    let out = serde_json::to_string_pretty(&reviews).expect("JSON always serialises");
    let mut out = script_safe(&out);
    out.push('\n');
    out
}

/// The claim's author: each actor its source names ("Shin Wonsik", not "He"), typed by its own
/// kind, an array when there are several ("South Korea and the United States"); the source's
/// words as a Thing when it names none.
fn authors(b: &Briefing, source: &Source) -> Value {
    let mut authors: Vec<Value> = source
        .actors
        .iter()
        .filter_map(|&a| b.analysis.actors.get(a))
        .map(|actor| {
            let kind = match actor.kind {
                ActorKind::Person => "Person",
                ActorKind::Organization | ActorKind::Country | ActorKind::Group => "Organization",
                _ => "Thing",
            };
            json!({"@type": kind, "name": actor.name})
        })
        .collect();
    match authors.len() {
        0 => json!({"@type": "Thing", "name": b.analysis.source_label(b.doc, source)}),
        1 => authors.remove(0),
        _ => Value::Array(authors),
    }
}

/// A claim other briefings of the library report too: `appearance` this briefing and each of
/// them, once, and `firstAppearance` the earliest published of those with a date.
fn appeared(item: &mut Value, own: &Value, across: &Across) {
    let mut works = vec![own.clone()];
    let mut seen = Vec::new();
    for other in across.also() {
        if seen.contains(&&other.path) {
            continue;
        }
        seen.push(&other.path);
        let headline = other.title.clone().unwrap_or_else(|| {
            let name = other.path.file_name().unwrap_or_default();
            name.to_string_lossy().into_owned()
        });
        let mut work = json!({"@type": "CreativeWork", "headline": headline});
        for (key, value) in [
            ("url", other.url.as_deref().filter(|u| is_web(u))),
            ("publisher", other.publisher.as_deref()),
            ("datePublished", other.published.as_deref()),
        ] {
            if let Some(value) = value {
                work[key] = json!(value);
            }
        }
        works.push(work);
    }
    let first = works
        .iter()
        .filter(|w| w["datePublished"].is_string())
        .min_by_key(|w| w["datePublished"].as_str().unwrap_or_default().to_string());
    if let Some(first) = first {
        item["firstAppearance"] = first.clone();
    }
    item["appearance"] = Value::Array(works);
}

/// The claim as its source asserted it: its source, cue and content, from the first to the
/// last where they share its sentence. The content alone would say the opposite of a denial:
/// "Russia and North Korea have denied any formal military cooperation" rated Disputed is
/// not "any formal military cooperation" rated Disputed.
fn statement(claim: &Claim) -> Span {
    let around = [claim.cue, claim.source.as_ref().map(|s| s.span)];
    around
        .into_iter()
        .flatten()
        .filter(|part| claim.sentence.contains(*part))
        .fold(claim.span, |all, part| {
            Span::new(all.start.min(part.start), all.end.max(part.end))
        })
}

/// Whether a URL is a web address (http or https, with a host, and no space or control
/// in it), the only kind a page may carry on: a `javascript:` or `data:` URL would run or
/// show whatever it holds. The Markdown export links only these too.
pub(super) fn is_web(url: &str) -> bool {
    let url = url.trim_start();
    let host = ["http://", "https://"].iter().find_map(|scheme| {
        url.get(..scheme.len())
            .filter(|s| s.eq_ignore_ascii_case(scheme))
            .map(|_| &url[scheme.len()..])
    });
    host.is_some_and(|rest| !rest.is_empty() && !rest.starts_with(['/', '?', '#']))
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// JSON-LD is pasted into a page's `<script type="application/ld+json">`: `<`, `>` and `&`
/// written as `\u003c` `\u003e` `\u0026` (and U+2028, U+2029 escaped), so no `</script>` or
/// `<!--` in a quote or note can end the script element early. They occur only inside
/// strings, where the escapes mean the same characters.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn verdict(status: Status) -> &'static str {
    match status {
        Status::Supported => "Supported",
        Status::Disputed => "Disputed",
        Status::Unverified => "Unverified",
        Status::Unreviewed | Status::Rejected => "Not rated",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{ClaimKind, UserLexicon, analyze};
    use crate::document::Document;

    #[test]
    fn a_denial_reviewed_is_the_denial_with_its_source_and_cue() {
        let text = "Both Norway and Sweden have denied any formal military cooperation. \
                    The talks will resume in May, officials said.";
        let (doc, _) = Document::from_bytes(text.as_bytes()).unwrap();
        let analysis = analyze(&doc, &UserLexicon::default());
        let denial = analysis
            .claims
            .iter()
            .find(|c| c.kind == ClaimKind::Denial)
            .expect("a denial");
        assert_eq!(doc.slice(denial.span), "any formal military cooperation");
        assert_eq!(
            doc.slice(statement(denial)),
            "Both Norway and Sweden have denied any formal military cooperation"
        );
        // a source after its content: still the whole statement
        let said = analysis
            .claims
            .iter()
            .find(|c| c.kind != ClaimKind::Denial)
            .expect("a second claim");
        assert_eq!(
            doc.slice(statement(said)),
            "The talks will resume in May, officials said"
        );
    }

    #[test]
    fn nothing_in_a_string_ends_the_script_element() {
        let value =
            serde_json::json!({"note": "</script><script>alert(1)</script> <!-- & \u{2028}"});
        let safe = script_safe(&value.to_string());
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        assert_eq!(serde_json::from_str::<Value>(&safe).unwrap(), value);
    }

    #[test]
    fn only_web_addresses_are_carried() {
        assert!(is_web("https://example.org/a") && is_web("HTTP://x.org"));
        for url in [
            "javascript:alert(1)",
            "data:text/html,x",
            "JaVaScRiPt:x",
            "//x.org",
            "ftp://x",
            "https://",
            "https:///x",
            "https://x.org/a b",
        ] {
            assert!(!is_web(url), "{url}");
        }
    }
}
