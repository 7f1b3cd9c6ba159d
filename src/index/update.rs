//! Bringing the index up to date with the files: only a file whose size or modification
//! time changed is read again, and only one whose text or front matter (title, source,
//! published date) changed is analysed again; a file whose text and front matter the index
//! already holds under a path now gone was moved, and keeps its row.
//! Files are read and analysed on every core, and written a batch a transaction by the
//! calling thread, so a run killed half-way keeps what it finished.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, UNIX_EPOCH};

use rusqlite::{Transaction, params};
use serde::Serialize;

use super::{Index, IndexError, Record, path_text};
use crate::briefing::{Opener, Origin};
use crate::tui::library::scan::{self, Found};

/// What an update did, file by file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    pub moved: usize,
    pub unchanged: usize,
    /// Files that could not be read or analysed (kept with why, and not read again until
    /// they change).
    pub failed: usize,
}

impl Changes {
    /// Whether anything in the index changed.
    pub fn any(&self) -> bool {
        self.added + self.changed + self.removed + self.moved + self.failed > 0
    }
}

/// How the analyses were made: this brief, `--published` and the analyst's lexicon. A row
/// made otherwise is analysed again.
pub fn made(opener: &Opener) -> String {
    let how = format!(
        "{} {:?} {:?}",
        env!("CARGO_PKG_VERSION"),
        opener.published,
        opener.lexicon
    );
    crate::document::fingerprint(&how)
}

/// Briefings written a transaction: few enough that a reader waits little, many enough
/// that commits cost little.
const BATCH: usize = 64;
/// A batch is committed after this long even when not full, so a slow run shows progress.
const BATCH_TIME: Duration = Duration::from_millis(500);

/// A file's size and modification time (nanoseconds since 1970), what tells it changed; an
/// item of a file of several briefings (`PATH#N`) has its file's.
pub fn stamp(path: &Path) -> std::io::Result<(u64, i64)> {
    // stated once: only a path that is no file may be an item's
    let meta = match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => match Origin::at(path) {
            Origin::Item(file, _) => std::fs::metadata(file)?,
            _ => return Err(e),
        },
        other => other?,
    };
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    Ok((meta.len(), mtime))
}

/// A file to read: where, its stamp, and what its row was made from (if any).
struct Job {
    path: PathBuf,
    stamp: (u64, i64),
    prior: Option<Said>,
}

/// What a briefing's analysis is made from (besides `made`): its text, by fingerprint, and
/// what its front matter or page says of it. Two files alike in all of it share an
/// analysis; a title changed alone is a change.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
struct Said {
    fingerprint: String,
    title: Option<String>,
    source: Option<String>,
    published: Option<String>,
}

impl Said {
    fn of(doc: &crate::document::Document) -> Said {
        let (title, source, published) = Record::described(doc);
        Said {
            fingerprint: doc.fingerprint.clone(),
            title,
            source,
            published,
        }
    }
}

/// What reading a file found.
enum Outcome {
    /// The same text as its row: only the stamp changed.
    Same,
    /// A text the index already holds for another path (made with the same front matter
    /// or not: `copy` tells).
    Known(Said),
    Fresh(Box<Record>),
    Failed(String),
}

/// A row as the update compares it.
struct Row {
    stamp: (u64, i64),
    made: String,
    fingerprint: Option<String>,
    /// Whether the walk found its file (else it is gone, or moved).
    seen: std::cell::Cell<bool>,
}

/// Brings the briefings under `roots` (folders and files, absolute) up to date, reading
/// and analysing on `threads` threads through `opener`; `progress(written, done, total)`
/// is called as each batch of files read is committed, with their paths. The roots are remembered for a later update without
/// any; a root that is gone is forgotten, and its briefings removed.
pub fn update(
    index: &mut Index,
    roots: &[PathBuf],
    opener: &Opener,
    threads: usize,
    mut progress: impl FnMut(&[PathBuf], usize, usize),
) -> Result<Changes, IndexError> {
    let made = made(opener);
    let what = index.path.display().to_string();
    let failed = |e: rusqlite::Error| IndexError {
        what: what.clone(),
        why: super::reason(&e),
    };
    remember(&mut index.conn, roots).map_err(&failed)?;
    let rows = rows(&index.conn).map_err(&failed)?;
    let mut splits = Splits::read(&index.conn, &made).map_err(&failed)?;
    let mut changes = Changes::default();
    let mut jobs = Vec::new();
    let files = scan::scan(roots).into_iter();
    // what a row was made from, read for the few rows compared (the rows above come whole
    // from an index of the stamps, without the titles)
    let said = |path: &str, row: &Row| -> Result<Option<Said>, IndexError> {
        match row.fingerprint.clone().filter(|_| row.made == made) {
            Some(fingerprint) => said_at(&index.conn, path, fingerprint).map_err(&failed),
            None => Ok(None),
        }
    };
    for found in files.flat_map(|found| briefings(found, &rows, &made, &mut splits)) {
        if found.error.is_some() {
            continue;
        }
        let Ok(stamp) = stamp(&found.path) else {
            continue;
        };
        let key = found.path.to_string_lossy();
        let row = rows.get(key.as_ref());
        if let Some(row) = row {
            row.seen.set(true);
        }
        match row {
            Some(row) if row.stamp == stamp && row.made == made => changes.unchanged += 1,
            row => jobs.push(Job {
                prior: row.map_or(Ok(None), |row| said(&key, row))?,
                path: found.path.clone(),
                stamp,
            }),
        }
    }
    // an item of a file of several ("desk.mbox#3") is under its file as a root
    let under = |path: &str| {
        let file = path
            .rsplit_once('#')
            .filter(|(_, n)| n.parse::<usize>().is_ok())
            .map_or(path, |(file, _)| file);
        roots
            .iter()
            .any(|r| Path::new(path).starts_with(r) || Path::new(file).starts_with(r))
    };
    splits.forget(under);
    // the rows of files gone, by what they were made from: a new file of one of them moved
    let mut gone: HashMap<Said, Vec<String>> = HashMap::new();
    for (path, row) in &rows {
        if !row.seen.get() && under(path) {
            gone.entry(said(path, row)?.unwrap_or_default())
                .or_default()
                .push(path.clone());
        }
    }
    let total = jobs.len();
    if total == 0 && gone.is_empty() && splits.unchanged() {
        // nothing to write: no transaction, which would wait for another writer's batch
        progress(&[], 0, 0);
        return Ok(changes);
    }
    let known: HashSet<String> = rows
        .values()
        .filter(|r| r.made == made)
        .filter_map(|r| r.fingerprint.clone())
        .collect();
    let next = AtomicUsize::new(0);
    let (send, receive) = std::sync::mpsc::sync_channel::<(usize, Outcome)>(threads * 4);
    let written = std::thread::scope(|scope| {
        for _ in 0..threads.clamp(1, total.max(1)) {
            let (send, jobs, next, known) = (send.clone(), &jobs, &next, &known);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    if send.send((i, read(job, opener, known))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        let mut done = 0;
        let mut tx = begin(&mut index.conn)?;
        let mut batch = (Vec::new(), Instant::now());
        for (i, outcome) in receive {
            let job = &jobs[i];
            write(&tx, job, outcome, &made, &mut gone, &mut changes, opener)?;
            done += 1;
            batch.0.push(job.path.clone());
            if batch.0.len() >= BATCH || batch.1.elapsed() >= BATCH_TIME {
                tx.commit()?;
                progress(&batch.0, done, total);
                tx = begin(&mut index.conn)?;
                batch = (Vec::new(), Instant::now());
            }
        }
        // what was not moved is gone
        for path in gone.into_values().flatten() {
            delete(&tx, &path)?;
            changes.removed += 1;
        }
        // last: a run killed before splits its files again
        splits.write(&tx, &made)?;
        tx.commit()?;
        progress(&batch.0, done, total);
        Ok(())
    });
    written.map_err(failed)?;
    Ok(changes)
}

/// The briefings of a file found: a file that may hold several is read and split, unless
/// it has not changed since its row says it held one, or since `splits` says how many it
/// held. (The rows of a split file's items may be fewer than its items after a killed run,
/// so they are not trusted to count them.)
fn briefings(
    found: Found,
    rows: &HashMap<String, Row>,
    made: &str,
    splits: &mut Splits,
) -> Vec<Found> {
    if found.error.is_some() || !scan::may_hold_several(&found.path) {
        return vec![found];
    }
    let key = path_text(&found.path);
    let Ok(now) = stamp(&found.path) else {
        return vec![found];
    };
    if rows
        .get(&key)
        .is_some_and(|row| row.stamp == now && row.made == made)
    {
        return vec![found];
    }
    splits.walked.insert(key.clone());
    if let Some(&(_, items)) = splits.known.get(&key).filter(|(at, _)| *at == now) {
        return (1..=items)
            .map(|n| scan::item(&found.path, &found.name, n))
            .collect();
    }
    let items = scan::expand(found);
    if items.len() > 1 {
        splits.fresh.push((key, now, items.len()));
    }
    items
}

/// How many briefings the files of several held when last split (the `splits` table).
struct Splits {
    /// Each file's stamp then and the count, by path (those split otherwise left out).
    known: HashMap<String, ((u64, i64), usize)>,
    /// The files of several this walk found.
    walked: HashSet<String>,
    /// Files split now, to be written.
    fresh: Vec<(String, (u64, i64), usize)>,
    /// Files no longer there, to be forgotten.
    gone: Vec<String>,
}

impl Splits {
    fn read(conn: &rusqlite::Connection, made: &str) -> rusqlite::Result<Splits> {
        let known = conn
            .prepare_cached("SELECT path, size, mtime, items FROM splits WHERE made = ?1")?
            .query_map(params![made], |r| {
                let stamp = (r.get::<_, i64>(1)? as u64, r.get(2)?);
                Ok((r.get(0)?, (stamp, r.get::<_, i64>(3)? as usize)))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Splits {
            known,
            walked: HashSet::new(),
            fresh: Vec::new(),
            gone: Vec::new(),
        })
    }

    /// The files under the roots (`under`) that the walk did not find are to be forgotten.
    fn forget(&mut self, under: impl Fn(&str) -> bool) {
        let walked = &self.walked;
        self.gone = (self.known.keys())
            .filter(|path| under(path) && !walked.contains(*path))
            .cloned()
            .collect();
    }

    fn unchanged(&self) -> bool {
        self.fresh.is_empty() && self.gone.is_empty()
    }

    fn write(&self, tx: &Transaction, made: &str) -> rusqlite::Result<()> {
        for (path, (size, mtime), items) in &self.fresh {
            tx.prepare_cached(
                "INSERT OR REPLACE INTO splits (path, size, mtime, made, items)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![path, *size as i64, mtime, made, *items as i64])?;
        }
        let mut forget = tx.prepare_cached("DELETE FROM splits WHERE path = ?1")?;
        for path in &self.gone {
            forget.execute(params![path])?;
        }
        // the counts of files split by another brief, lexicon or date: their briefings are
        // analysed again, and split again when read
        tx.prepare_cached("DELETE FROM splits WHERE made != ?1")?
            .execute(params![made])?;
        Ok(())
    }
}

/// The roots, remembered first: a run killed half-way is finished by one without PATH. A
/// root that is gone is forgotten (its briefings are removed as the update finds them gone).
fn remember(conn: &mut rusqlite::Connection, roots: &[PathBuf]) -> rusqlite::Result<()> {
    let known: HashSet<String> = conn
        .prepare_cached("SELECT path FROM roots")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    // a write transaction only when they change: it would wait for another writer's batch
    let changed: Vec<(String, bool)> = roots
        .iter()
        .map(|root| (path_text(root), root.exists()))
        .filter(|(path, there)| known.contains(path) != *there)
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    let tx = begin(conn)?;
    for (path, there) in changed {
        let sql = if there {
            "INSERT OR IGNORE INTO roots (path) VALUES (?1)"
        } else {
            "DELETE FROM roots WHERE path = ?1"
        };
        tx.execute(sql, params![path])?;
    }
    tx.commit()
}

fn begin(conn: &mut rusqlite::Connection) -> rusqlite::Result<Transaction<'_>> {
    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
}

/// What the row of `path`, of text `fingerprint`, was made from.
fn said_at(
    conn: &rusqlite::Connection,
    path: &str,
    fingerprint: String,
) -> rusqlite::Result<Option<Said>> {
    use rusqlite::OptionalExtension;
    conn.prepare_cached("SELECT title, source, published FROM briefings WHERE path = ?1")?
        .query_row(params![path], |r| {
            Ok(Said {
                fingerprint,
                title: r.get(0)?,
                source: r.get(1)?,
                published: r.get(2)?,
            })
        })
        .optional()
}

/// Every row, by path.
fn rows(conn: &rusqlite::Connection) -> rusqlite::Result<HashMap<String, Row>> {
    let mut statement =
        conn.prepare_cached("SELECT path, size, mtime, made, fingerprint FROM briefings")?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            Row {
                stamp: (r.get::<_, i64>(1)? as u64, r.get(2)?),
                made: r.get(3)?,
                fingerprint: r.get(4)?,
                seen: std::cell::Cell::new(false),
            },
        ))
    })?;
    rows.collect()
}

/// Reads a file and analyses it when its text is new to the index. A bug in the analysis
/// fails this file only.
fn read(job: &Job, opener: &Opener, known: &HashSet<String>) -> Outcome {
    let work = std::panic::AssertUnwindSafe(|| {
        let (doc, warnings) = match opener.read(&Origin::at(&job.path)) {
            Ok(read) => read,
            Err(e) => return Outcome::Failed(e.why),
        };
        let said = Said::of(&doc);
        if job.prior.as_ref() == Some(&said) {
            return Outcome::Same;
        }
        if known.contains(&said.fingerprint) {
            return Outcome::Known(said);
        }
        let analysis = opener.analyse(&doc);
        let warnings = warnings.into_iter().map(|w| w.0).collect();
        Outcome::Fresh(Box::new(Record::new(&doc, &analysis, warnings)))
    });
    std::panic::catch_unwind(work).unwrap_or_else(|_| {
        Outcome::Failed("internal error: the analysis failed; please report it".into())
    })
}

/// Writes what reading one file found.
fn write(
    tx: &Transaction,
    job: &Job,
    outcome: Outcome,
    made: &str,
    gone: &mut HashMap<Said, Vec<String>>,
    changes: &mut Changes,
    opener: &Opener,
) -> rusqlite::Result<()> {
    let path = path_text(&job.path);
    let (size, mtime) = (job.stamp.0 as i64, job.stamp.1);
    let listed = |path: &str| {
        tx.prepare_cached("SELECT 1 FROM briefings WHERE path = ?1")?
            .exists(params![path])
    };
    let existed = listed(&path)?;
    match outcome {
        Outcome::Same => {
            tx.execute(
                "UPDATE briefings SET size = ?2, mtime = ?3 WHERE path = ?1",
                params![path, size, mtime],
            )?;
            changes.unchanged += 1;
        }
        Outcome::Known(said) => {
            let moved_from = gone.get_mut(&said).and_then(Vec::pop);
            // another update may have moved or removed the row since this one read the rows
            let moved_from = match moved_from {
                Some(old) if listed(&old)? => Some(old),
                _ => None,
            };
            if let Some(old) = moved_from {
                delete(tx, &path)?;
                tx.execute(
                    "UPDATE briefings SET path = ?2, size = ?3, mtime = ?4 WHERE path = ?1",
                    params![old, path, size, mtime],
                )?;
                changes.moved += 1;
            } else if copy(tx, &said, &path, job.stamp, made)? {
                count(changes, existed);
            } else {
                // the row it was to be copied from went meanwhile: analyse it here
                let outcome = read(job, opener, &HashSet::new());
                return write(tx, job, outcome, made, gone, changes, opener);
            }
        }
        Outcome::Fresh(record) => {
            delete(tx, &path)?;
            insert(tx, &path, job.stamp, made, &record)?;
            count(changes, existed);
        }
        Outcome::Failed(why) => {
            delete(tx, &path)?;
            tx.execute(
                "INSERT INTO briefings (path, size, mtime, made, error) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![path, size, mtime, made, why],
            )?;
            changes.failed += 1;
        }
    }
    Ok(())
}

fn count(changes: &mut Changes, existed: bool) {
    if existed {
        changes.changed += 1;
    } else {
        changes.added += 1;
    }
}

/// Drops a path's row, its text and the rows that hang from it.
fn delete(tx: &Transaction, path: &str) -> rusqlite::Result<()> {
    let id: Option<i64> = tx
        .prepare_cached("SELECT id FROM briefings WHERE path = ?1")?
        .query_row(params![path], |r| r.get(0))
        .ok();
    if let Some(id) = id {
        tx.execute("DELETE FROM texts WHERE rowid = ?1", params![id])?;
        tx.execute("DELETE FROM briefings WHERE id = ?1", params![id])?;
    }
    Ok(())
}

fn insert(
    tx: &Transaction,
    path: &str,
    (size, mtime): (u64, i64),
    made: &str,
    record: &Record,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO briefings (path, size, mtime, made, fingerprint, title, source, published,
                                claims, warnings, analysis)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        path,
        size as i64,
        mtime,
        made,
        record.fingerprint,
        record.title,
        record.source,
        record.published,
        record.claims.len() as i64,
        record.warnings.join("\n"),
        record.analysis,
    ])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO texts (rowid, title, body) VALUES (?1, ?2, ?3)")?
        .execute(params![id, record.title, record.text])?;
    let mut claim = tx.prepare_cached(
        "INSERT INTO claims (briefing, id, kind, who, start, end, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for c in &record.claims {
        claim.execute(params![
            id,
            c.id,
            c.kind,
            c.who,
            c.span.start as i64,
            c.span.end as i64,
            c.line as i64
        ])?;
    }
    let mut actor = tx.prepare_cached(
        "INSERT INTO actors (briefing, id, names, lines) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for a in &record.actors {
        let lines: Vec<String> = a.lines.iter().map(usize::to_string).collect();
        actor.execute(params![id, a.id, a.names, lines.join(",")])?;
    }
    Ok(())
}

/// A new row for `path` with the analysis of another file made from the same; false when
/// there is none to copy.
fn copy(
    tx: &Transaction,
    said: &Said,
    path: &str,
    (size, mtime): (u64, i64),
    made: &str,
) -> rusqlite::Result<bool> {
    let from: Option<i64> = tx
        .prepare_cached(
            "SELECT id FROM briefings WHERE fingerprint = ?1 AND made = ?2 AND path != ?3
             AND title IS ?4 AND source IS ?5 AND published IS ?6 LIMIT 1",
        )?
        .query_row(
            params![
                said.fingerprint,
                made,
                path,
                said.title,
                said.source,
                said.published
            ],
            |r| r.get(0),
        )
        .ok();
    let Some(from) = from else {
        return Ok(false);
    };
    delete(tx, path)?;
    tx.execute(
        "INSERT INTO briefings (path, size, mtime, made, fingerprint, title, source, published,
                                claims, warnings, analysis)
         SELECT ?2, ?3, ?4, made, fingerprint, title, source, published, claims, warnings, analysis
         FROM briefings WHERE id = ?1",
        params![from, path, size as i64, mtime],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO texts (rowid, title, body) SELECT ?2, title, body FROM texts WHERE rowid = ?1",
        params![from, id],
    )?;
    tx.execute(
        "INSERT INTO claims (briefing, id, kind, who, start, end, line)
         SELECT ?2, id, kind, who, start, end, line FROM claims WHERE briefing = ?1",
        params![from, id],
    )?;
    tx.execute(
        "INSERT INTO actors (briefing, id, names, lines)
         SELECT ?2, id, names, lines FROM actors WHERE briefing = ?1",
        params![from, id],
    )?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two updates at once (`brief index` beside the reader's look for changes): the one that
    /// reads the rows first finds a moved file's row moved by the other, and keeps it.
    #[test]
    fn a_file_moved_while_another_update_runs_keeps_its_row() {
        let dir = tempfile::tempdir().unwrap();
        let briefs = dir.path().join("briefs");
        std::fs::create_dir_all(briefs.join("sub")).unwrap();
        let root = std::fs::canonicalize(&briefs).unwrap();
        let text =
            |n: usize| format!("---\ntitle: Report {n}\n---\n\nThe port reopened on day {n}.\n");
        std::fs::write(root.join("a.md"), text(0)).unwrap();
        let data = dir.path().join("data");
        let opener = Opener::default();
        let roots = std::slice::from_ref(&root);
        let mut first = Index::open(&data).unwrap();
        update(&mut first, roots, &opener, 1, |_, _, _| {}).unwrap();
        // more files than a batch, written before the moved one (under sub/, listed last)
        for n in 1..=BATCH + 6 {
            std::fs::write(root.join(format!("b{n:03}.md")), text(n)).unwrap();
        }
        std::fs::rename(root.join("a.md"), root.join("sub/a.md")).unwrap();
        let mut other = Index::open(&data).unwrap();
        let mut ran = false;
        let changes = update(&mut first, roots, &opener, 1, |_, done, total| {
            if !ran && done > 0 && done < total {
                ran = true;
                let changes = update(&mut other, roots, &opener, 1, |_, _, _| {}).unwrap();
                assert_eq!(changes.moved, 1);
            }
        })
        .unwrap();
        assert!(ran);
        assert_eq!(changes.moved, 0, "{changes:?}");
        let moved = path_text(&root.join("sub/a.md"));
        let rows: i64 = first
            .conn
            .query_row(
                "SELECT count(*) FROM briefings WHERE path = ?1 AND fingerprint IS NOT NULL",
                params![moved],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(rows, 1);
    }
}
