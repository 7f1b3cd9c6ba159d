//! The cross-briefing analysis written out: the library (`brief library`: JSON
//! `brief.library/1`, Markdown, CSV of the merged timeline, TimelineJS with a group a
//! briefing), the source register (`--sources`: Markdown, CSV) and an actor's dossier (`brief library --actor NAME`: JSON `brief.dossier/1`,
//! Markdown, CSV).

use std::collections::BTreeMap;
use std::fmt::Write;
use std::io::{self, Write as _};
use std::path::Path;

use serde::Serialize;
use serde_json::{Value, json};

use super::claims::{Group, Side};
use super::dossier::Part;
use super::link::{Linked, Reason};
use super::review::{Decision, Relation};
use super::sources::Source;
use super::timeline::{Row, Timeline};
use super::{Briefing, Library};
use crate::analysis::TimexType;
use crate::analysis::times::TimeValue;
use crate::export::csv::cell_text;
use crate::export::timelinejs::{date, html};
use crate::schema::Lazy;

/// A briefing as the outputs list it.
#[derive(Serialize)]
struct BriefingJson<'a> {
    id: &'a str,
    path: &'a Path,
    fingerprint: &'a str,
    title: Option<&'a str>,
    published: Option<&'a str>,
}

impl<'a> From<&'a Briefing> for BriefingJson<'a> {
    fn from(b: &'a Briefing) -> Self {
        BriefingJson {
            id: &b.id,
            path: &b.path,
            fingerprint: &b.fingerprint,
            title: b.title.as_deref(),
            published: b.published.as_deref(),
        }
    }
}

/// `brief.library/1`, its lists made item by item as they are written: built whole, the
/// report of 10,000 briefings took 8 GB.
#[derive(Serialize)]
struct LibraryJson<'a> {
    schema: &'static str,
    briefings: Lazy<'a, BriefingJson<'a>>,
    actors: Lazy<'a, ActorJson<'a>>,
    events: Lazy<'a, EventJson<'a>>,
    claim_groups: Lazy<'a, GroupJson<'a>>,
    sources: Lazy<'a, SourceJson<'a>>,
}

#[derive(Serialize)]
struct ActorJson<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    aliases: &'a [String],
    members: Lazy<'a, MemberJson<'a>>,
    reasons: &'a [Reason],
}

#[derive(Serialize)]
struct MemberJson<'a> {
    briefing: &'a str,
    actor: &'a str,
}

#[derive(Serialize)]
struct EventJson<'a> {
    id: String,
    value: Option<&'a str>,
    label: &'a str,
    reports: Lazy<'a, ReportJson<'a>>,
    conflict: bool,
    actors: Lazy<'a, &'a str>,
}

#[derive(Serialize)]
struct ReportJson<'a> {
    briefing: &'a str,
    event: &'a str,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    id: &'a str,
    relation: Relation,
    claims: Lazy<'a, GroupClaimJson<'a>>,
    independent_sources: usize,
    reason: &'a str,
    decision: Option<Decision>,
}

#[derive(Serialize)]
struct GroupClaimJson<'a> {
    briefing: &'a str,
    claim: &'a str,
    side: Option<Side>,
}

#[derive(Serialize)]
struct SourceJson<'a> {
    actor: &'a str,
    name: &'a str,
    claims: usize,
    reviewed: &'a BTreeMap<String, usize>,
    grades: &'a BTreeMap<String, usize>,
    suggested_reliability: String,
    reliability: Option<String>,
}

/// `brief.library/1` written to `out` as it is made (a line a field and a line an item of
/// its lists, [`crate::escape::write_lines`]; its controls escaped).
pub fn write_library_json(
    out: &mut dyn io::Write,
    briefings: &Library,
    linked: &Linked,
    rows: &Timeline,
    groups: &[Group],
    sources: &[Source],
) -> io::Result<()> {
    let actor = |i: usize| {
        let a = &linked.actors[i];
        ActorJson {
            id: &a.id,
            name: &a.name,
            kind: &a.kind,
            aliases: &a.aliases,
            members: Lazy::new(a.members.len(), move |m| {
                let (b, m) = a.members[m];
                MemberJson {
                    briefing: &briefings[b].id,
                    actor: briefings.str(briefings[b].actors[m].id),
                }
            }),
            reasons: &a.reasons,
        }
    };
    let event = |i: usize| {
        let r = &rows.rows[i];
        EventJson {
            id: super::timeline::id(i),
            value: r.value.map(|v| briefings.str(v)),
            label: briefings.str(r.label),
            reports: Lazy::new(rows.reports(r).len(), move |e| {
                let (b, e) = rows.reports(r)[e];
                let (b, e) = (b as usize, e as usize);
                ReportJson {
                    briefing: &briefings[b].id,
                    event: briefings.str(briefings[b].events[e].id),
                }
            }),
            conflict: r.conflict,
            actors: Lazy::new(rows.actors(r).len(), move |a| {
                linked.actors[rows.actors(r)[a] as usize].id.as_str()
            }),
        }
    };
    let group = |i: usize| {
        let g = &groups[i];
        GroupJson {
            id: &g.id,
            relation: g.relation,
            claims: Lazy::new(g.members.len(), move |m| {
                let m = &g.members[m];
                let (b, c) = m.claim;
                GroupClaimJson {
                    briefing: &briefings[b].id,
                    claim: briefings.str(briefings[b].claims[c].id),
                    side: m.side,
                }
            }),
            independent_sources: g.independent_sources,
            reason: &g.reason,
            decision: g.decision,
        }
    };
    let library = LibraryJson {
        schema: "brief.library/1",
        briefings: Lazy::new(briefings.len(), |b| BriefingJson::from(&briefings[b])),
        actors: Lazy::new(linked.actors.len(), actor),
        events: Lazy::new(rows.rows.len(), event),
        claim_groups: Lazy::new(groups.len(), group),
        sources: listed(linked, sources),
    };
    crate::escape::write_lines(out, &library)
}

/// The source register's entries as `brief.library/1` lists them.
fn listed<'a>(linked: &'a Linked, sources: &'a [Source]) -> Lazy<'a, SourceJson<'a>> {
    Lazy::new(sources.len(), move |i| {
        let s = &sources[i];
        let a = &linked.actors[s.actor];
        SourceJson {
            actor: &a.id,
            name: &a.name,
            claims: s.claims,
            reviewed: &s.reviewed,
            grades: &s.grades,
            suggested_reliability: s.suggested.to_string(),
            reliability: s.reliability.map(|r| r.to_string()),
        }
    })
}

/// The source register as `brief.library/1` lists it.
pub fn sources_json(linked: &Linked, sources: &[Source]) -> Value {
    serde_json::to_value(listed(linked, sources)).expect("JSON always serialises")
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

/// Text written to `out` a piece at a time as it is made, each piece escaped as an export
/// is (`escape::text`, or `escape::csv` keeping CSV's carriage returns): both escape
/// character by character, so the pieces read as the whole would.
struct Pieces<'a> {
    out: io::BufWriter<&'a mut dyn io::Write>,
    piece: String,
    escape: fn(&str) -> String,
    failed: Option<io::Error>,
}

/// A piece is written out once it holds this many bytes.
const PIECE: usize = 1 << 16;

impl<'a> Pieces<'a> {
    fn new(out: &'a mut dyn io::Write, escape: fn(&str) -> String) -> Self {
        Pieces {
            out: io::BufWriter::with_capacity(PIECE, out),
            piece: String::new(),
            escape,
            failed: None,
        }
    }

    fn write_piece(&mut self) -> io::Result<()> {
        let escaped = (self.escape)(&self.piece);
        self.piece.clear();
        self.out.write_all(escaped.as_bytes())
    }

    /// What is left written out; the first error met, if any.
    fn finish(mut self) -> io::Result<()> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        self.write_piece()?;
        self.out.flush()
    }
}

impl Write for Pieces<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        if self.failed.is_some() {
            return Err(std::fmt::Error); // the first error is the one reported
        }
        self.piece.push_str(s);
        if self.piece.len() >= PIECE
            && let Err(e) = self.write_piece()
        {
            self.failed = Some(e);
            return Err(std::fmt::Error);
        }
        Ok(())
    }
}

/// The library in Markdown, written to `out` as it is made: the actors named in more than
/// one briefing, with why they are one, the claims several briefings report or contradict,
/// the sources, then the merged timeline.
pub fn write_library_md(
    out: &mut dyn io::Write,
    briefings: &Library,
    linked: &Linked,
    rows: &Timeline,
    groups: &[Group],
    sources: &[Source],
) -> io::Result<()> {
    let mut out = Pieces::new(out, crate::escape::text);
    // an error is kept by `Pieces` and returned by `finish`
    let _ = library_md(&mut out, briefings, linked, rows, groups, sources);
    out.finish()
}

fn library_md(
    out: &mut Pieces,
    briefings: &Library,
    linked: &Linked,
    rows: &Timeline,
    groups: &[Group],
    sources: &[Source],
) -> std::fmt::Result {
    write!(out, "# Library: {} briefings\n\n", briefings.len())?;
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
    out.write_str("## Actors across briefings\n\n")?;
    for (a, n) in across {
        write!(out, "- **{}** ({}), in {n} briefings", a.name, a.kind)?;
        if !a.aliases.is_empty() {
            write!(out, "; also {}", a.aliases.join(", "))?;
        }
        out.write_char('\n')?;
        for r in &a.reasons {
            let decision = r
                .decision
                .map_or(String::new(), |d| format!(", {}", crate::export::word(d)));
            writeln!(
                out,
                "  - {} = {}: {} ({}×{decision})",
                r.names[0],
                r.names[1],
                crate::export::word(r.why),
                r.links
            )?;
        }
    }
    out.write_str("\n## Claims across briefings\n\n")?;
    for g in groups {
        let decision = g
            .decision
            .map_or(String::new(), |d| format!(", {}", crate::export::word(d)));
        writeln!(
            out,
            "- **{}** {} ({} briefings, {} source{}{decision}): {}",
            g.id,
            crate::export::word(g.relation),
            g.briefings().len(),
            g.independent_sources,
            if g.independent_sources == 1 { "" } else { "s" },
            g.reason
        )?;
        for m in &g.members {
            let (b, c) = m.claim;
            let side = m
                .side
                .map_or(String::new(), |s| format!("{} ", crate::export::word(s)));
            writeln!(
                out,
                "  - {side}{} {}: \"{}\"",
                briefings[b].id,
                briefings.str(briefings[b].claims[c].id),
                m.quote
            )?;
        }
    }
    out.write_char('\n')?;
    out.write_str(&sources_md(linked, sources))?;
    out.write_str("\n## Timeline\n\n")?;
    for r in &rows.rows {
        write!(
            out,
            "- {}: {}",
            r.value.map_or("undated", |v| briefings.str(v)),
            briefings.str(r.label)
        )?;
        let from: Vec<&str> = (rows.reports(r).iter())
            .map(|&(b, _)| briefings[b as usize].id.as_str())
            .collect();
        write!(out, " ({})", from.join(", "))?;
        if r.conflict {
            out.write_str(" **dates disagree**")?;
        }
        out.write_char('\n')?;
    }
    out.write_str("\n## Briefings\n\n")?;
    for b in briefings.iter() {
        writeln!(
            out,
            "- {}: {} ({}), {}",
            b.id,
            b.title.as_deref().unwrap_or("untitled"),
            b.published.as_deref().unwrap_or("no date"),
            b.path.display()
        )?;
    }
    Ok(())
}

/// The merged timeline as CSV, written to `out` as it is made: one row a report, CRLF line
/// ends.
pub fn write_library_csv(
    out: &mut dyn io::Write,
    briefings: &Library,
    rows: &Timeline,
) -> io::Result<()> {
    let mut out = Pieces::new(out, crate::escape::csv);
    let mut row = String::new();
    out.piece
        .push_str("event,date,label,briefing,briefing_event,published,path,conflict\r\n");
    'rows: for (n, r) in rows.rows.iter().enumerate() {
        for &(b, e) in rows.reports(r) {
            let briefing = &briefings[b as usize];
            let event = &briefing.events[e as usize];
            let cells = [
                super::timeline::id(n),
                event.value.map_or("", |v| briefings.str(v)).to_string(),
                briefings.str(event.label).to_string(),
                briefing.id.clone(),
                briefings.str(event.id).to_string(),
                briefing.published.clone().unwrap_or_default(),
                briefing.path.display().to_string(),
                r.conflict.to_string(),
            ];
            csv_row(&mut row, &cells);
            if out.write_str(&row).is_err() {
                break 'rows; // a closed pipe: no row more is wanted
            }
            row.clear();
        }
    }
    out.finish()
}

/// The merged timeline as TimelineJS JSON, written to `out` as it is made: a group a
/// briefing (its first report's); an undated row at the day it is placed, "undated".
pub fn write_library_timelinejs(
    out: &mut dyn io::Write,
    briefings: &Library,
    rows: &Timeline,
) -> io::Result<()> {
    let title = json!({"text": {"headline": html(&format!("{} briefings", briefings.len()))}});
    crate::escape::write_pretty(
        out,
        &TimelineJs {
            title,
            events: TimelineEvents(briefings, rows),
        },
    )
}

#[derive(Serialize)]
struct TimelineJs<'a> {
    title: Value,
    events: TimelineEvents<'a>,
}

/// The merged timeline's rows that have a day, as TimelineJS events, each made as it is
/// written.
struct TimelineEvents<'a>(&'a Library, &'a Timeline);

impl Serialize for TimelineEvents<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let rows = self.1.rows.iter();
        serializer.collect_seq(rows.filter_map(|r| timelinejs_event(self.0, self.1, r)))
    }
}

fn timelinejs_event(briefings: &Library, timeline: &Timeline, r: &Row) -> Option<Value> {
    let own = r
        .value
        .and_then(|v| briefings.str(v).parse::<TimeValue>().ok())
        .and_then(|v| date(&v, TimexType::Date));
    let (start, display) = match own {
        Some(own) => own,
        None => {
            let d = r.placed?;
            let start = json!({"year": d.year().to_string(), "month": d.month().to_string(), "day": d.day().to_string()});
            (start, Some("undated".to_string()))
        }
    };
    let (b, _) = *timeline.reports(r).first()?;
    let briefing = &briefings[b as usize];
    let group = briefing
        .title
        .clone()
        .unwrap_or_else(|| briefing.path.display().to_string());
    let mut out = json!({
        "start_date": start,
        "text": {"headline": html(briefings.str(r.label))},
        "group": html(&group),
    });
    if let Some(display) = display {
        out["display_date"] = json!(display);
    }
    Some(out)
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
        .map(|b| serde_json::to_value(BriefingJson::from(b)).expect("JSON always serialises"))
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
