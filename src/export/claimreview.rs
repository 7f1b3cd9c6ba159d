//! `claimreview`: schema.org ClaimReview JSON-LD, one object per reviewed claim (rejected
//! passages are not claims, unreviewed ones have no verdict).

use serde_json::{Value, json};

use crate::analysis::ActorKind;
use crate::review::Status;

use super::Briefing;

pub fn render(b: &Briefing) -> String {
    let meta = &b.doc.meta;
    let mut appearance = json!({"@type": "CreativeWork", "headline": b.title()});
    for (key, value) in [
        ("url", meta.url.as_deref()),
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
            if let Some(source) = &claim.source {
                // one actor: its name ("Shin Wonsik", not "He"); several: the words
                let actor = match source.actors[..] {
                    [a] => b.analysis.actors.get(a),
                    _ => None,
                };
                let name = actor.map_or_else(
                    || b.analysis.source_label(b.doc, source),
                    |a| a.name.clone(),
                );
                let kind = source
                    .actors
                    .first()
                    .and_then(|&a| b.analysis.actors.get(a));
                let kind = match kind.map(|a| a.kind) {
                    Some(ActorKind::Person) => "Person",
                    Some(ActorKind::Organization | ActorKind::Country | ActorKind::Group) => {
                        "Organization"
                    }
                    _ => "Thing",
                };
                item["author"] = json!({"@type": kind, "name": name});
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
                "claimReviewed": b.doc.slice(claim.span),
                "reviewRating": rating,
                "author": {"@type": "Person", "name": b.review.reviewer},
                "datePublished": review.updated.strftime("%Y-%m-%d").to_string(),
                "itemReviewed": item,
            });
            if let Some(note) = &review.note {
                out["reviewBody"] = json!(note);
            }
            Some(out)
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&reviews).expect("JSON always serialises");
    out.push('\n');
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
