//! The cross-briefing analysis written out: the library (`brief library`: JSON
//! `brief.library/1`, Markdown, CSV of the merged timeline, TimelineJS with a group a
//! briefing), the source register (`--sources`: Markdown, CSV) and an actor's dossier (`brief library --actor NAME`: JSON `brief.dossier/1`,
//! Markdown, CSV).

use std::fmt::Write;

use serde_json::{Value, json};

use super::Briefing;
use super::claims::Group;
use super::dossier::Part;
use super::link::Linked;
use super::sources::Source;
use super::timeline::Row;
use crate::analysis::TimexType;
use crate::analysis::times::TimeValue;
use crate::export::csv::cell_text;
use crate::export::timelinejs::{date, html};

/// A briefing as the outputs list it.
fn briefing_json(b: &Briefing) -> Value {
    json!({
        "id": b.id,
        "path": b.path,
        "fingerprint": b.fingerprint,
        "title": b.title,
        "published": b.published,
    })
}

/// `brief.library/1`.
pub fn library_json(
    briefings: &[Briefing],
    linked: &Linked,
    rows: &[Row],
    groups: &[Group],
    sources: &[Source],
) -> Value {
    let actors: Vec<Value> = linked
        .actors
        .iter()
        .map(|a| {
            let members: Vec<Value> = a
                .members
                .iter()
                .map(|&(b, m)| json!({"briefing": briefings[b].id, "actor": briefings[b].actors[m].id}))
                .collect();
            json!({
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "aliases": a.aliases,
                "members": members,
                "reasons": a.reasons,
            })
        })
        .collect();
    let events: Vec<Value> = rows
        .iter()
        .map(|r| {
            let reports: Vec<Value> = r
                .reports
                .iter()
                .map(|&(b, e)| json!({"briefing": briefings[b].id, "event": briefings[b].events[e].id}))
                .collect();
            json!({
                "id": r.id,
                "value": r.value,
                "label": r.label,
                "reports": reports,
                "conflict": r.conflict,
                "actors": r.actors.iter().map(|&a| &linked.actors[a].id).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "schema": "brief.library/1",
        "briefings": briefings.iter().map(briefing_json).collect::<Vec<_>>(),
        "actors": actors,
        "events": events,
        "claim_groups": groups.iter().map(|g| group_json(briefings, g)).collect::<Vec<_>>(),
        "sources": sources_json(linked, sources),
    })
}

/// The source register as `brief.library/1` lists it.
pub fn sources_json(linked: &Linked, sources: &[Source]) -> Value {
    let listed: Vec<Value> = sources
        .iter()
        .map(|s| {
            let a = &linked.actors[s.actor];
            json!({
                "actor": a.id,
                "name": a.name,
                "claims": s.claims,
                "reviewed": s.reviewed,
                "grades": s.grades,
                "suggested_reliability": s.suggested.to_string(),
                "reliability": s.reliability.map(|r| r.to_string()),
            })
        })
        .collect();
    Value::Array(listed)
}

/// The source register's rows: who, how many claims, reviewed how, the letters.
pub fn source_cells(linked: &Linked, s: &Source) -> [String; 7] {
    let a = &linked.actors[s.actor];
    let counts = |map: &std::collections::BTreeMap<String, usize>| {
        let parts: Vec<String> = map.iter().map(|(k, n)| format!("{k} {n}")).collect();
        parts.join(", ")
    };
    [
        a.id.clone(),
        a.name.clone(),
        s.claims.to_string(),
        counts(&s.reviewed),
        counts(&s.grades),
        s.suggested.to_string(),
        s.reliability.map(|r| r.to_string()).unwrap_or_default(),
    ]
}

/// The source register in Markdown: a section of the library's, or the whole of
/// `brief library --sources`.
pub fn sources_md(linked: &Linked, sources: &[Source]) -> String {
    let mut out = String::from(
        "## Sources

",
    );
    for s in sources {
        let [_, name, claims, reviewed, grades, suggested, given] = source_cells(linked, s);
        let reviewed = if reviewed.is_empty() {
            "none reviewed".into()
        } else {
            reviewed
        };
        let plural = if claims == "1" { "" } else { "s" };
        let _ = write!(out, "- **{name}**: {claims} claim{plural} ({reviewed})");
        if !grades.is_empty() {
            let _ = write!(out, "; graded {grades}");
        }
        let _ = write!(out, "; reliability suggested {suggested}");
        if !given.is_empty() {
            let _ = write!(out, ", set {given}");
        }
        out.push('\n');
    }
    out
}

/// The source register as CSV (`brief library --sources --format csv`), CRLF line ends.
pub fn sources_csv(linked: &Linked, sources: &[Source]) -> String {
    let mut out =
        String::from("actor,name,claims,reviewed,grades,suggested_reliability,reliability\r\n");
    for s in sources {
        csv_row(&mut out, &source_cells(linked, s));
    }
    out
}

/// A claim group as `brief.library/1` lists it.
fn group_json(briefings: &[Briefing], g: &Group) -> Value {
    let claims: Vec<Value> = g
        .members
        .iter()
        .map(|m| {
            let (b, c) = m.claim;
            json!({"briefing": briefings[b].id, "claim": briefings[b].claims[c].id, "side": m.side})
        })
        .collect();
    json!({
        "id": g.id,
        "relation": g.relation,
        "claims": claims,
        "independent_sources": g.independent_sources,
        "reason": g.reason,
        "decision": g.decision,
    })
}

/// The library in Markdown: the actors named in more than one briefing, with why they are
/// one, the claims several briefings report or contradict, the sources, then the merged
/// timeline.
pub fn library_md(
    briefings: &[Briefing],
    linked: &Linked,
    rows: &[Row],
    groups: &[Group],
    sources: &[Source],
) -> String {
    let mut out = format!("# Library: {} briefings\n\n", briefings.len());
    let mut across: Vec<_> = linked
        .actors
        .iter()
        .map(|a| {
            let mut bs: Vec<usize> = a.members.iter().map(|m| m.0).collect();
            bs.dedup();
            (a, bs.len())
        })
        .filter(|(_, n)| *n > 1)
        .collect();
    across.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.name.cmp(&y.0.name)));
    out.push_str("## Actors across briefings\n\n");
    for (a, n) in across {
        let _ = write!(out, "- **{}** ({}), in {n} briefings", a.name, a.kind);
        if !a.aliases.is_empty() {
            let _ = write!(out, "; also {}", a.aliases.join(", "));
        }
        out.push('\n');
        for r in &a.reasons {
            let decision = r
                .decision
                .map_or(String::new(), |d| format!(", {}", crate::export::word(d)));
            let _ = writeln!(
                out,
                "  - {} = {}: {} ({}×{decision})",
                r.names[0],
                r.names[1],
                crate::export::word(r.why),
                r.links
            );
        }
    }
    out.push_str("\n## Claims across briefings\n\n");
    for g in groups {
        let decision = g
            .decision
            .map_or(String::new(), |d| format!(", {}", crate::export::word(d)));
        let _ = writeln!(
            out,
            "- **{}** {} ({} briefings, {} source{}{decision}): {}",
            g.id,
            crate::export::word(g.relation),
            g.briefings().len(),
            g.independent_sources,
            if g.independent_sources == 1 { "" } else { "s" },
            g.reason
        );
        for m in &g.members {
            let (b, c) = m.claim;
            let side = m
                .side
                .map_or(String::new(), |s| format!("{} ", crate::export::word(s)));
            let _ = writeln!(
                out,
                "  - {side}{} {}: \"{}\"",
                briefings[b].id, briefings[b].claims[c].id, m.quote
            );
        }
    }
    out.push('\n');
    out.push_str(&sources_md(linked, sources));
    out.push_str("\n## Timeline\n\n");
    for r in rows {
        let _ = write!(
            out,
            "- {}: {}",
            r.value.as_deref().unwrap_or("undated"),
            r.label
        );
        let from: Vec<&str> = r
            .reports
            .iter()
            .map(|&(b, _)| briefings[b].id.as_str())
            .collect();
        let _ = write!(out, " ({})", from.join(", "));
        if r.conflict {
            out.push_str(" **dates disagree**");
        }
        out.push('\n');
    }
    out.push_str("\n## Briefings\n\n");
    for b in briefings {
        let _ = writeln!(
            out,
            "- {}: {} ({}), {}",
            b.id,
            b.title.as_deref().unwrap_or("untitled"),
            b.published.as_deref().unwrap_or("no date"),
            b.path.display()
        );
    }
    out
}

/// The merged timeline as CSV: one row a report, CRLF line ends.
pub fn library_csv(briefings: &[Briefing], rows: &[Row]) -> String {
    let mut out =
        String::from("event,date,label,briefing,briefing_event,published,path,conflict\r\n");
    for r in rows {
        for &(b, e) in &r.reports {
            let briefing = &briefings[b];
            let cells = [
                r.id.clone(),
                briefing.events[e].value.clone().unwrap_or_default(),
                briefing.events[e].label.clone(),
                briefing.id.clone(),
                briefing.events[e].id.clone(),
                briefing.published.clone().unwrap_or_default(),
                briefing.path.display().to_string(),
                r.conflict.to_string(),
            ];
            csv_row(&mut out, &cells);
        }
    }
    out
}

/// The merged timeline as TimelineJS JSON, a group a briefing (its first report's); an
/// undated row at the day it is placed, "undated".
pub fn library_timelinejs(briefings: &[Briefing], rows: &[Row]) -> String {
    let events: Vec<Value> = rows
        .iter()
        .filter_map(|r| {
            let own = r
                .value
                .as_deref()
                .and_then(|v| v.parse::<TimeValue>().ok())
                .and_then(|v| date(&v, TimexType::Date));
            let (start, display) = match own {
                Some(own) => own,
                None => {
                    let d = r.placed?;
                    let start = json!({"year": d.year().to_string(), "month": d.month().to_string(), "day": d.day().to_string()});
                    (start, Some("undated".to_string()))
                }
            };
            let (b, _) = *r.reports.first()?;
            let briefing = &briefings[b];
            let group = briefing
                .title
                .clone()
                .unwrap_or_else(|| briefing.path.display().to_string());
            let mut out = json!({
                "start_date": start,
                "text": {"headline": html(&r.label)},
                "group": html(&group),
            });
            if let Some(display) = display {
                out["display_date"] = json!(display);
            }
            Some(out)
        })
        .collect();
    let title = json!({"text": {"headline": html(&format!("{} briefings", briefings.len()))}});
    let mut out = serde_json::to_string_pretty(&json!({"title": title, "events": events}))
        .expect("JSON always serialises");
    out.push('\n');
    out
}

/// `brief.dossier/1`.
pub fn dossier_json(
    briefings: &[Briefing],
    linked: &Linked,
    actor: usize,
    parts: &[Part],
) -> Value {
    let a = &linked.actors[actor];
    let used: Vec<Value> = parts
        .iter()
        .filter_map(|p| briefings.iter().find(|b| b.id == p.briefing))
        .map(briefing_json)
        .collect();
    json!({
        "schema": "brief.dossier/1",
        "actor": {"id": a.id, "name": a.name, "kind": a.kind, "aliases": a.aliases, "reasons": a.reasons},
        "briefings": used,
        "parts": parts,
    })
}

/// The dossier in Markdown: a section a briefing, in the order they were published.
pub fn dossier_md(briefings: &[Briefing], linked: &Linked, actor: usize, parts: &[Part]) -> String {
    let a = &linked.actors[actor];
    let mut out = format!("# {} ({})\n\n", a.name, a.kind);
    if !a.aliases.is_empty() {
        let _ = writeln!(out, "Also: {}\n", a.aliases.join(", "));
    }
    for p in parts {
        let Some(b) = briefings.iter().find(|b| b.id == p.briefing) else {
            continue;
        };
        let _ = writeln!(
            out,
            "## {} ({})\n\n{}: named {} times, as {}\n",
            b.title.as_deref().unwrap_or("untitled"),
            b.published.as_deref().unwrap_or("no date"),
            b.path.display(),
            p.mentions,
            p.names.join(", ")
        );
        if !p.roles.is_empty() {
            let _ = writeln!(out, "Roles: {}\n", p.roles.join("; "));
        }
        for (head, items) in [
            ("Claims it makes", &p.claims_by),
            ("Claims about it", &p.claims_about),
            ("Events", &p.events),
        ] {
            if items.is_empty() {
                continue;
            }
            let _ = writeln!(out, "### {head}\n");
            for item in items {
                let _ = writeln!(
                    out,
                    "- {} ({}): {}",
                    item.id,
                    item.what.as_deref().unwrap_or("undated"),
                    item.words
                );
            }
            out.push('\n');
        }
    }
    out
}

/// The dossier as CSV: one row a claim or event, CRLF line ends.
pub fn dossier_csv(briefings: &[Briefing], parts: &[Part]) -> String {
    let mut out = String::from("briefing,published,path,relation,id,what,words\r\n");
    for p in parts {
        let Some(b) = briefings.iter().find(|b| b.id == p.briefing) else {
            continue;
        };
        for (relation, items) in [
            ("claim by", &p.claims_by),
            ("claim about", &p.claims_about),
            ("event", &p.events),
        ] {
            for item in items {
                let cells = [
                    b.id.clone(),
                    b.published.clone().unwrap_or_default(),
                    b.path.display().to_string(),
                    relation.to_string(),
                    item.id.clone(),
                    item.what.clone().unwrap_or_default(),
                    item.words.clone(),
                ];
                csv_row(&mut out, &cells);
            }
        }
    }
    out
}

/// One CSV row, each cell quoted and neutralised as the exports do, CRLF ended.
fn csv_row(out: &mut String, cells: &[String]) {
    let cells: Vec<String> = cells.iter().map(|c| cell_text(c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}
