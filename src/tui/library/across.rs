//! The library's views across briefings (`across/`), made from the index when asked: the
//! actors named in more than one briefing with each link and why (a link accepted,
//! rejected or taken back with the review keys: supported, not a claim, clear), an actor's
//! dossier, the claims several briefings report or contradict (a group accepted, rejected or
//! taken back with the same keys), the source register (a source's reliability letter set
//! with `a`, taken back with `x`), and the merged timeline. A row may open its briefing.

use std::path::{Path, PathBuf};

pub use crate::across::review::Decision;
use crate::across::review::{self, ClaimKey, LibraryReview, Relation};
use crate::across::{self, claims, dossier, link, report, sources, timeline};
use crate::index::Index;
use crate::review::store::Store;
use crate::tui::list::ListView;

/// What a row is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A library actor (its name): opens its dossier.
    Actor(String),
    /// A link between two names: decided with the review keys.
    Link([String; 2]),
    /// A claim group, by its links: decided with the review keys.
    Group(Relation, Vec<[ClaimKey; 2]>),
    /// A briefing's heading, a claim or an event: opens the briefing.
    Briefing(PathBuf),
    /// A source of the register, by its library actor's name, with the reliability letter
    /// in force (the analyst's, else the one suggested): opens its dossier; `a` gives it
    /// the next letter, `x` takes the analyst's back.
    Source(String, char),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub text: String,
    pub kind: Kind,
    /// Indented under the row before.
    pub inner: bool,
}

/// A view across briefings.
#[derive(Debug, Clone, Default)]
pub struct Across {
    pub title: String,
    pub rows: Vec<Row>,
    pub view: ListView,
    /// The actors list a dossier was opened from, shown again on Esc.
    pub back: Option<Box<Across>>,
}

/// Where the library review lives: the reviews folder of the index's data dir.
fn store(index: &Index) -> Result<Store, String> {
    let data = index.path().parent().unwrap_or(Path::new("."));
    Store::open(data).map_err(|e| e.to_string())
}

fn decisions(index: &Index) -> Result<LibraryReview, String> {
    let store = store(index)?;
    review::load(&store, jiff::Timestamp::now())
        .map(|(review, _)| review)
        .map_err(|e| e.to_string())
}

type Loaded = (across::Library, link::Linked, LibraryReview);

fn loaded(index: &Index, roots: &[PathBuf]) -> Result<Loaded, String> {
    let briefings = across::load(index, roots).map_err(|e| e.to_string())?;
    let decided = decisions(index)?;
    let linked = link::link(&briefings, &decided);
    Ok((briefings, linked, decided))
}

fn row(text: String, kind: Kind, inner: bool) -> Row {
    Row { text, kind, inner }
}

impl Across {
    /// The actors named in more than one briefing, most briefings first, each with its links.
    pub fn actors(index: &Index, roots: &[PathBuf]) -> Result<Across, String> {
        let (_, linked, _) = loaded(index, roots)?;
        let mut shown: Vec<(usize, &link::LibraryActor)> = linked
            .actors
            .iter()
            .map(|a| {
                let mut briefings: Vec<usize> = a.members.iter().map(|m| m.0).collect();
                briefings.dedup();
                (briefings.len(), a)
            })
            .filter(|(n, a)| *n > 1 || !a.reasons.is_empty())
            .collect();
        shown.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.name.cmp(&y.1.name)));
        let mut rows = Vec::new();
        for (n, a) in shown {
            let also = if a.aliases.is_empty() {
                String::new()
            } else {
                format!(" · also {}", a.aliases.join(", "))
            };
            rows.push(row(
                format!("{} ({}) · {n} briefings{also}", a.name, a.kind),
                Kind::Actor(a.name.clone()),
                false,
            ));
            for r in &a.reasons {
                let decided = r
                    .decision
                    .map_or(String::new(), |d| format!(" · {}", crate::export::word(d)));
                rows.push(row(
                    format!(
                        "{} = {} · {} ×{}{decided}",
                        r.names[0],
                        r.names[1],
                        crate::export::word(r.why),
                        r.links
                    ),
                    Kind::Link(r.names.clone()),
                    true,
                ));
            }
        }
        Ok(Across {
            title: " Actors across briefings ".into(),
            rows,
            ..Across::default()
        })
    }

    /// Every briefing's events in one order, by date.
    pub fn timeline(index: &Index, roots: &[PathBuf]) -> Result<Across, String> {
        let (briefings, linked, _) = loaded(index, roots)?;
        let merged = timeline::merge(&briefings, &linked, |_| true);
        let rows = (merged.rows.iter())
            .map(|r| {
                let reports = merged.reports(r);
                let (b, _) = reports[0];
                let briefing = &briefings[b as usize];
                let more = match reports.len() {
                    1 => String::new(),
                    n => format!(" · {n} briefings"),
                };
                let conflict = if r.conflict { " · dates disagree" } else { "" };
                row(
                    format!(
                        "{:<10}  {} · {}{more}{conflict}",
                        r.value.map_or("undated", |v| briefings.str(v)),
                        briefings.str(r.label),
                        briefing.title.as_deref().unwrap_or("untitled")
                    ),
                    Kind::Briefing(briefing.path.clone()),
                    false,
                )
            })
            .collect();
        Ok(Across {
            title: " Timeline across briefings ".into(),
            rows,
            ..Across::default()
        })
    }

    /// The dossier of the actor named `name`, briefing by briefing.
    pub fn dossier(index: &Index, roots: &[PathBuf], name: &str) -> Result<Across, String> {
        let (briefings, linked, _) = loaded(index, roots)?;
        let actor = linked
            .find(name)
            .ok_or_else(|| format!("{name} is not named in any briefing"))?;
        let parts = dossier::gather(&briefings, &linked, actor, |b| {
            index.text(&b.path).ok().flatten()
        });
        let mut rows = Vec::new();
        for p in parts {
            let Some(b) = briefings.iter().find(|b| b.id == p.briefing) else {
                continue;
            };
            let open = || Kind::Briefing(b.path.clone());
            rows.push(row(
                format!(
                    "{}  {} · named {} time{} as {}",
                    b.published.as_deref().unwrap_or("no date"),
                    b.title.as_deref().unwrap_or("untitled"),
                    p.mentions,
                    if p.mentions == 1 { "" } else { "s" },
                    p.names.join(", ")
                ),
                open(),
                false,
            ));
            for (what, items) in [
                ("says", &p.claims_by),
                ("about", &p.claims_about),
                ("event", &p.events),
            ] {
                for item in items {
                    let kind = item.what.as_deref().unwrap_or("undated");
                    rows.push(row(
                        format!("{what} ({kind}): {}", item.words),
                        open(),
                        true,
                    ));
                }
            }
        }
        Ok(Across {
            title: format!(" {} ", linked.actors[actor].name),
            rows,
            ..Across::default()
        })
    }

    /// The claims of several briefings that say the same, then those another briefing
    /// denies, each group with why and its claims (which open their briefing).
    pub fn claims(index: &Index, roots: &[PathBuf]) -> Result<Across, String> {
        // the texts read twice, from one snapshot
        let decided = decisions(index)?;
        let (briefings, groups) = index
            .at_once(|index| {
                let briefings = across::load(index, roots)?;
                let linked = link::link(&briefings, &decided);
                let groups = claims::group(&briefings, &linked, &decided, |b| {
                    index.text(&b.path).ok().flatten()
                });
                Ok((briefings, groups))
            })
            .map_err(|e| e.to_string())?;
        let mut rows = Vec::new();
        for g in groups {
            let decided = g
                .decision
                .map_or(String::new(), |d| format!(" · {}", crate::export::word(d)));
            let sources = g.independent_sources;
            rows.push(row(
                format!(
                    "{} {} · {} briefings, {sources} source{}{decided} · {}",
                    g.id,
                    crate::export::word(g.relation),
                    g.briefings().len(),
                    if sources == 1 { "" } else { "s" },
                    g.reason
                ),
                Kind::Group(g.relation, g.links.clone()),
                false,
            ));
            for m in &g.members {
                let b = &briefings[m.claim.0];
                // the sides as the group's reason names them ("b denies what a says", "the
                // figures differ (12 against 40)"): b need not deny
                let side = match m.side {
                    Some(claims::Side::A) => "a: ",
                    Some(claims::Side::B) => "b: ",
                    None => "",
                };
                rows.push(row(
                    format!(
                        "{side}{} · {}",
                        m.quote,
                        b.title.as_deref().unwrap_or("untitled")
                    ),
                    Kind::Briefing(b.path.clone()),
                    true,
                ));
            }
        }
        Ok(Across {
            title: " Claims across briefings ".into(),
            rows,
            ..Across::default()
        })
    }

    /// The source register: each source's claims across the library, how they were
    /// reviewed, the grades given, the reliability suggested and the analyst's.
    pub fn sources(index: &Index, roots: &[PathBuf]) -> Result<Across, String> {
        let (briefings, linked, decided) = loaded(index, roots)?;
        let store = store(index)?;
        let listed = sources::register(
            &briefings,
            &linked,
            &decided,
            sources::stored(&store, index),
        );
        let rows = listed
            .iter()
            .map(|s| {
                let [_, name, claims, reviewed, grades, suggested, given] =
                    report::source_cells(&linked, s);
                let reviewed = if reviewed.is_empty() { "none reviewed".into() } else { reviewed };
                let grades = if grades.is_empty() { String::new() } else { format!(" · graded {grades}") };
                let given = if given.is_empty() { String::new() } else { format!(" · set {given}") };
                let s_ = if claims == "1" { "" } else { "s" };
                row(
                    format!("{name} · {claims} claim{s_} · {reviewed}{grades} · suggested {suggested}{given}"),
                    Kind::Source(name, s.reliability.unwrap_or(s.suggested)),
                    false,
                )
            })
            .collect();
        Ok(Across {
            title: " Sources across briefings ".into(),
            rows,
            ..Across::default()
        })
    }

    pub fn selected(&self) -> Option<&Row> {
        self.rows.get(self.view.selected)
    }
}

/// Saves the analyst's decision about the selected link or claim group and makes the list
/// again, the selection kept on its row.
pub fn decide(
    index: &Index,
    roots: &[PathBuf],
    across: &mut Across,
    decision: Option<Decision>,
) -> Result<String, String> {
    let now = jiff::Timestamp::now();
    let mut review = LibraryReview::default();
    let selected = across.selected().map(|r| r.kind.clone());
    let what = match &selected {
        Some(Kind::Link([a, b])) => {
            review.decide(a, b, decision, now);
            format!("{a} = {b}")
        }
        Some(Kind::Group(relation, links)) => {
            review.decide_claims(*relation, links, decision, now);
            format!("claims that {}", crate::export::word(relation))
        }
        Some(Kind::Source(name, _)) if decision.is_none() => {
            return set_reliability(index, roots, across, None);
        }
        Some(Kind::Source(..)) => {
            return Err(
                "a: the source's next reliability letter, x: back to the one suggested".into(),
            );
        }
        _ => return Err("select a link (a = b) or a claim group to accept or reject it".into()),
    };
    review::save(&store(index)?, &review, now).map_err(|e| e.to_string())?;
    let at = across.view.selected;
    *across = match selected {
        Some(Kind::Group(..)) => Across::claims(index, roots)?,
        _ => Across::actors(index, roots)?,
    };
    // on the same row, wherever it now is (a rejected link moves to its first name's actor)
    across.view.selected = across
        .rows
        .iter()
        .position(|r| Some(&r.kind) == selected.as_ref())
        .unwrap_or(at.min(across.rows.len().saturating_sub(1)));
    Ok(match decision {
        Some(Decision::Accepted) => format!("{what}: accepted"),
        Some(Decision::Rejected) => format!("{what}: rejected"),
        None => format!("{what}: decision taken back"),
    })
}

/// `a` on a source: the letter after the one in force (A after F), as the analyst's, in the
/// library review.
pub fn next_reliability(
    index: &Index,
    roots: &[PathBuf],
    across: &mut Across,
) -> Result<String, String> {
    let Some(Kind::Source(_, now)) = across.selected().map(|r| &r.kind) else {
        return Err("select a source (I) to set its reliability".into());
    };
    let next = match now {
        'A'..='E' => (*now as u8 + 1) as char,
        _ => 'A',
    };
    set_reliability(index, roots, across, Some(next))
}

/// The selected source's reliability set (none: the analyst's taken back) and the register
/// made again, the selection kept on the source.
fn set_reliability(
    index: &Index,
    roots: &[PathBuf],
    across: &mut Across,
    letter: Option<char>,
) -> Result<String, String> {
    let Some(Kind::Source(name, _)) = across.selected().map(|r| r.kind.clone()) else {
        return Err("select a source to set its reliability".into());
    };
    let now = jiff::Timestamp::now();
    let mut review = LibraryReview::default();
    review.set_reliability(&name, letter, now);
    review::save(&store(index)?, &review, now).map_err(|e| e.to_string())?;
    let at = across.view.selected;
    *across = Across::sources(index, roots)?;
    across.view.selected = across
        .rows
        .iter()
        .position(|r| matches!(&r.kind, Kind::Source(n, _) if *n == name))
        .unwrap_or(at.min(across.rows.len().saturating_sub(1)));
    Ok(match letter {
        Some(letter) => format!("{name}: reliability {letter}"),
        None => format!("{name}: reliability as suggested"),
    })
}

/// What the library's claim groups say of each briefing's claims (`across::related`), for
/// the reader: made on a thread of its own, never on the UI's.
pub fn related(index: &Index, roots: &[PathBuf]) -> Result<across::related::Related, String> {
    let decided = decisions(index)?;
    across::related::from_index(index, roots, &decided).map_err(|e| e.to_string())
}
