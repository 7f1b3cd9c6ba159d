//! The binary's `brief index` and `brief search`: the roots to work on, the index opened
//! in the data dir and brought up to date (a progress line on a terminal), what changed or
//! what was found printed.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use brief::cli::Options;
use brief::index::search::{Query, SearchError};
use brief::index::update::{Changes, update};
use brief::index::{Index, IndexError};
use brief::{config, export, io_reason};

use super::{Failure, load_config, opener, write_output};

/// `brief index [PATH]...`: the index brought up to date, and what changed, on stdout.
pub fn index(paths: &[PathBuf], options: &Options) -> Result<ExitCode, Failure> {
    let (mut index, roots) = open(paths, options)?;
    let changes = refresh(&mut index, &roots, options)?;
    let json = options.format == Some(export::Format::Json);
    write_output(options, |out| {
        if json {
            let report = serde_json::json!({
                "schema": "brief.index/1",
                "index": index.path(),
                "roots": roots,
                "changes": changes,
            });
            return brief::escape::write_pretty(out, &report);
        }
        let from = if paths.is_empty() {
            " (the folders indexed before)"
        } else {
            ""
        };
        let roots: Vec<String> = roots.iter().map(|r| shown(r)).collect();
        writeln!(
            out,
            "indexed {}{from}: {}",
            brief::escape::Line(&roots.join(", ")),
            summary(&changes)
        )
    })?;
    Ok(ExitCode::SUCCESS)
}

/// `brief search QUERY [PATH]...`: `path:line: text` a line found, or JSON; exit status 1
/// when nothing is found, as grep and ripgrep do.
pub fn search(typed: &str, paths: &[PathBuf], options: &Options) -> Result<ExitCode, Failure> {
    let usage = |why: String| Failure {
        status: 2,
        message: format!("search: {why}"),
    };
    let query = Query::parse(typed).map_err(|e| usage(e.0))?;
    let (mut index, roots) = open(paths, options)?;
    refresh(&mut index, &roots, options)?;
    let reviews = opener(&load_config(options)?, options).reviews;
    let within = if paths.is_empty() { &[][..] } else { &roots };
    let refusal = |e: SearchError| match e {
        SearchError::Query(e) => usage(e.0),
        SearchError::Index(e) => failed(e),
    };
    let searched = |index: &Index, each: &mut dyn FnMut(brief::index::search::Hit) -> bool| {
        index
            .search_each(&query, within, &reviews, each)
            .map_err(refusal)
    };
    if options.format == Some(export::Format::Json) {
        let hits = index.search(&query, within, &reviews).map_err(refusal)?;
        write_output(options, |out| {
            let report = serde_json::json!({
                "schema": "brief.search/1",
                "query": typed,
                "hits": hits,
            });
            brief::escape::write_pretty(out, &report)
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    // each line printed (flushed) as it is found, so the first come at once, even when hits
    // are sparse, and a reader that stops early (`| head`) stops the search; a query the
    // index refuses fails before any line
    let (mut found, mut refused) = (0, None);
    let written = write_output(options, |out| {
        let mut out = io::BufWriter::new(out);
        let here = std::env::current_dir().ok();
        let mut failed = None;
        let searched = searched(&index, &mut |hit| {
            found += 1;
            let line = writeln!(
                out,
                "{}:{}: {}",
                brief::escape::Line(&shown_from(here.as_deref(), &hit.path)),
                hit.line,
                brief::escape::Line(&hit.snippet)
            )
            .and_then(|()| out.flush());
            line.map_err(|e| failed = Some(e)).is_ok()
        });
        if let Err(f) = searched {
            refused = Some(f);
            // the output is not finished: a file named by -o is not made
            return Err(io::Error::other("the search failed"));
        }
        match failed {
            Some(e) => Err(e),
            None => out.flush(),
        }
    });
    if let Some(f) = refused {
        return Err(f);
    }
    written?;
    Ok(if found == 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The analyst's decisions about links given on the command line, each 'NAME = NAME'.
pub struct Decisions {
    pub accept: Vec<String>,
    pub reject: Vec<String>,
    pub undecide: Vec<String>,
    /// 'NAME = B': a source's reliability letter; 'NAME =' takes it back.
    pub reliability: Vec<String>,
}

/// `brief library [PATH]...`: the decisions given saved in the library review, then the
/// analysis across the briefings, or one actor's dossier, in the format asked (md else).
pub fn library(
    paths: &[PathBuf],
    actor: Option<&str>,
    sources: bool,
    decisions: &Decisions,
    options: &Options,
) -> Result<ExitCode, Failure> {
    use brief::across::{
        self, claims, dossier, link, report, review, sources as register, timeline,
    };
    use brief::escape;
    use clap::ValueEnum;
    use export::Format;
    let name = |f: &Format| {
        f.to_possible_value()
            .map_or(String::new(), |v| v.get_name().to_string())
    };
    let usage = |why: String| Failure {
        status: 2,
        message: format!("library: {why}"),
    };
    let format = options.format.unwrap_or_default();
    let allowed: &[Format] = if actor.is_some() || sources {
        &[Format::Md, Format::Json, Format::Csv]
    } else {
        &[Format::Md, Format::Json, Format::Csv, Format::Timelinejs]
    };
    if !allowed.contains(&format) {
        return Err(usage(format!(
            "--format {} is not one of its formats: {}{}",
            name(&format),
            allowed.iter().map(name).collect::<Vec<_>>().join(", "),
            match (actor, sources) {
                (Some(_), _) => " for a dossier",
                (_, true) => " for the sources",
                _ => "",
            }
        )));
    }
    let (mut changes, mut groups) = (Vec::new(), Vec::new());
    for (list, decision) in [
        (&decisions.accept, Some(review::Decision::Accepted)),
        (&decisions.reject, Some(review::Decision::Rejected)),
        (&decisions.undecide, None),
    ] {
        for given in list {
            let group = given
                .trim()
                .strip_prefix(['G', 'g'])
                .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            if let Some(n) = group {
                groups.push((format!("G{n}"), decision));
                continue;
            }
            let names = given
                .split_once('=')
                .map(|(a, b)| (a.trim(), b.trim()))
                .filter(|(a, b)| !a.is_empty() && !b.is_empty())
                .ok_or_else(|| {
                    usage(format!(
                        "'{given}' is neither two names as 'NAME = NAME' nor a claim group as G3"
                    ))
                })?;
            changes.push((names, decision));
        }
    }
    let letters = reliabilities(&decisions.reliability).map_err(usage)?;
    let (index, roots) = {
        let (mut index, roots) = open(paths, options)?;
        refresh(&mut index, &roots, options)?;
        (index, roots)
    };
    let data = config::data_dir(options).expect("open found the data dir");
    let store = brief::review::store::Store::open(&data)
        .map_err(|e| Failure::runtime("library review", e))?;
    let now = jiff::Timestamp::now();
    let (mut decided, warnings) =
        review::load(&store, now).map_err(|e| Failure::runtime("library review", e))?;
    for warning in warnings {
        say!("warning: {}", warning.0);
    }
    if !changes.is_empty() || !letters.is_empty() {
        for ((a, b), decision) in changes {
            decided.decide(a, b, decision, now);
        }
        for (name, letter) in letters {
            decided.set_reliability(name, letter, now);
        }
        decided = review::save(&store, &decided, now)
            .map_err(|e| Failure::runtime("library review", e))?
            .0;
    }
    let within = if paths.is_empty() { &[][..] } else { &roots };
    let text = |b: &across::Briefing| index.text(&b.path).ok().flatten();
    // the groups are compared claim by claim: only for the reports that show them, or to
    // decide one; their texts read twice, from one snapshot
    let shown = actor.is_none() && !sources && matches!(format, Format::Json | Format::Md);
    let (briefings, linked, mut claim_groups) = index
        .at_once(|index| {
            let briefings = across::load(index, within)?;
            let linked = link::link(&briefings, &decided);
            let groups = if shown || !groups.is_empty() {
                claims::group(&briefings, &linked, &decided, |b| {
                    index.text(&b.path).ok().flatten()
                })
            } else {
                Vec::new()
            };
            Ok((briefings, linked, groups))
        })
        .map_err(failed)?;
    if !groups.is_empty() {
        for (id, decision) in groups {
            let Some(group) = claim_groups.iter().find(|g| g.id == id) else {
                return Err(Failure::runtime(
                    format!("library: claim group {id}"),
                    format!("is not one of the {} groups", claim_groups.len()),
                ));
            };
            decided.decide_claims(group.relation, &group.links, decision, now);
        }
        decided = review::save(&store, &decided, now)
            .map_err(|e| Failure::runtime("library review", e))?
            .0;
        for group in &mut claim_groups {
            group.decision = group.decided(&decided);
        }
    }
    let peek = register::stored(&store, &index);
    let rendered = match actor {
        None if sources => {
            let listed = register::register(&briefings, &linked, &decided, &peek);
            match format {
                Format::Json => json(&report::sources_json(&linked, &listed)),
                Format::Csv => escape::csv(&report::sources_csv(&linked, &listed)),
                _ => escape::text(&report::sources_md(&linked, &listed)),
            }
        }
        Some(name) => {
            let Some(found) = linked.find(name) else {
                return Err(Failure::runtime(
                    format!("library: actor '{}'", brief::escape::Line(name)),
                    "is not named in any indexed briefing",
                ));
            };
            let parts = dossier::gather(&briefings, &linked, found, text);
            match format {
                Format::Json => json(&report::dossier_json(&briefings, &linked, found, &parts)),
                Format::Csv => escape::csv(&report::dossier_csv(&briefings, &parts)),
                _ => escape::text(&report::dossier_md(&briefings, &linked, found, &parts)),
            }
        }
        None => {
            // the whole library's report is written as it is made, never held
            let rows = timeline::merge(&briefings, &linked, |_| true);
            let listed = || register::register(&briefings, &linked, &decided, &peek);
            write_output(options, |out| match format {
                Format::Json => report::write_library_json(
                    out,
                    &briefings,
                    &linked,
                    &rows,
                    &claim_groups,
                    &listed(),
                ),
                Format::Csv => report::write_library_csv(out, &briefings, &rows),
                Format::Timelinejs => report::write_library_timelinejs(out, &briefings, &rows),
                _ => report::write_library_md(
                    out,
                    &briefings,
                    &linked,
                    &rows,
                    &claim_groups,
                    &listed(),
                ),
            })?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    write_output(options, |out| out.write_all(rendered.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}

/// What the claim groups of every indexed briefing say of the claims of the briefing at
/// `path`, and its key there (its canonical path), when the data dir has an index holding
/// it; none else (an index that cannot be read is a warning: the export goes on without).
pub fn related_of(
    path: &Path,
    options: &Options,
) -> Option<(brief::across::related::Related, PathBuf)> {
    let data = config::data_dir(options)?;
    let key = std::fs::canonicalize(path).ok()?;
    if !data.join(brief::index::FILE).exists() {
        return None;
    }
    let worked = || -> Result<_, String> {
        let index = Index::open(&data).map_err(|e| e.to_string())?;
        let store = brief::review::store::Store::open(&data).map_err(|e| e.to_string())?;
        let (decided, _) = brief::across::review::load(&store, jiff::Timestamp::now())
            .map_err(|e| e.to_string())?;
        brief::across::related::from_index(&index, &[], &decided).map_err(|e| e.to_string())
    };
    match worked() {
        Ok(related) => Some((related, key)),
        Err(why) => {
            say!("warning: the library's appearances are left out: {why}");
            None
        }
    }
}

/// The reliability letters given, each 'NAME = B' (A-F, either case) or 'NAME =' (taken
/// back).
fn reliabilities(given: &[String]) -> Result<Vec<(&str, Option<char>)>, String> {
    given
        .iter()
        .map(|g| {
            let bad = || format!("'{g}' is not a source's reliability as 'NAME = B' (A to F)");
            let (name, letter) = g.split_once('=').ok_or_else(bad)?;
            let (name, letter) = (name.trim(), letter.trim().to_ascii_uppercase());
            let letter = match letter.as_str() {
                "" => None,
                "A" | "B" | "C" | "D" | "E" | "F" => letter.chars().next(),
                _ => return Err(bad()),
            };
            if name.is_empty() {
                return Err(bad());
            }
            Ok((name, letter))
        })
        .collect()
}

/// Pretty JSON, its controls escaped.
fn json(value: &serde_json::Value) -> String {
    let mut out = serde_json::to_string_pretty(value).expect("JSON always serialises");
    out.push('\n');
    brief::escape::json(out)
}

/// The index of the data dir and the roots to work on: the paths given (each must be
/// there), else those indexed before.
fn open(paths: &[PathBuf], options: &Options) -> Result<(Index, Vec<PathBuf>), Failure> {
    let data = config::data_dir(options).ok_or_else(|| {
        Failure::runtime(
            "index",
            "no data dir on this platform: give one with --data-dir or $BRIEF_DATA_DIR",
        )
    })?;
    let mut roots = Vec::new();
    for path in paths {
        let root = std::fs::canonicalize(path)
            .map_err(|e| Failure::runtime(path.display(), io_reason(&e)))?;
        if !roots.contains(&root) {
            roots.push(root);
        }
    }
    let index = Index::open(&data).map_err(failed)?;
    if let Some(aside) = &index.set_aside {
        say!(
            "warning: {}: was damaged; set aside as {} and built again from the files",
            index.path().display(),
            aside.display()
        );
    }
    if roots.is_empty() {
        roots = index.roots().map_err(failed)?;
        if roots.is_empty() {
            return Err(Failure::runtime(
                "index",
                "no folders indexed yet: name one, as in `brief index FOLDER`",
            ));
        }
    }
    Ok((index, roots))
}

/// The roots brought up to date on every core (`--threads`), with a progress line on
/// stderr when it is a terminal.
fn refresh(index: &mut Index, roots: &[PathBuf], options: &Options) -> Result<Changes, Failure> {
    let opener = opener(&load_config(options)?, options);
    let terminal = io::stderr().is_terminal();
    let mut shown = Instant::now();
    let progress = |_: &[PathBuf], done: usize, total: usize| {
        if terminal && (done == total || shown.elapsed() >= Duration::from_millis(100)) {
            shown = Instant::now();
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r\x1b[Kbrief: indexing {done}/{total} briefings");
            if done == total {
                let _ = write!(err, "\r\x1b[K");
            }
            let _ = err.flush();
        }
    };
    update(index, roots, &opener, options.threads(), progress).map_err(failed)
}

fn failed(e: IndexError) -> Failure {
    Failure::runtime(e.what, e.why)
}

/// "3 added, 1 changed ...": the counts that are not zero; "nothing changed" else.
fn summary(changes: &Changes) -> String {
    let counts = [
        (changes.added, "added"),
        (changes.changed, "changed"),
        (changes.removed, "removed"),
        (changes.moved, "moved"),
        (changes.failed, "could not be read"),
    ];
    let said: Vec<String> = counts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
    let unchanged = format!("{} unchanged", changes.unchanged);
    if said.is_empty() {
        format!("nothing changed ({unchanged})")
    } else {
        format!("{}, {unchanged}", said.join(", "))
    }
}

/// A path as printed: relative to the working folder when under it, as ripgrep shows it.
fn shown(path: &Path) -> String {
    shown_from(std::env::current_dir().ok().as_deref(), path)
}

/// A path as printed, relative to `here` when under it.
fn shown_from(here: Option<&Path>, path: &Path) -> String {
    here.and_then(|h| path.strip_prefix(h).ok())
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(path)
        .display()
        .to_string()
}
