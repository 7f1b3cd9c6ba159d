//! The library index: every briefing of the folders indexed, analysed once and kept in an
//! SQLite file in the data dir, so that `brief search` and the library answer without
//! reading and analysing the files again. It is a cache: everything in it is rebuilt from
//! the files (and the analyst's reviews stay where they are), so an index that cannot be
//! read is set aside and built again, and deleting it loses nothing.
//!
//! Written in WAL mode, a transaction a batch of briefings: a reader sees the last batch
//! committed while `brief index` runs, and a run killed half-way leaves the batches it
//! committed and nothing of the one in hand. `user_version` numbers the schema; an older
//! index is migrated, a newer one refused.

mod record;
pub mod search;
pub mod update;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, params};

pub use record::{ActorRow, ClaimRow, LineStarts, Record};

/// The index's file in the data dir.
pub const FILE: &str = "library.sqlite";

/// How long a writer waits for another to finish its batch before giving up.
const BUSY: Duration = Duration::from_secs(30);

/// The schema, one script a version: script `i` takes an index at version `i` to `i + 1`.
const MIGRATIONS: [&str; 3] = [
    r#"
    CREATE TABLE roots (path TEXT PRIMARY KEY);
    CREATE TABLE briefings (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        mtime INTEGER NOT NULL,
        made TEXT NOT NULL,
        fingerprint TEXT,
        title TEXT,
        source TEXT,
        published TEXT,
        claims INTEGER NOT NULL DEFAULT 0,
        warnings TEXT NOT NULL DEFAULT '',
        error TEXT,
        analysis TEXT
    );
    CREATE INDEX briefings_fingerprint ON briefings (fingerprint);
    CREATE VIRTUAL TABLE texts USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
    CREATE TABLE claims (
        briefing INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        who TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        line INTEGER NOT NULL
    );
    CREATE INDEX claims_briefing ON claims (briefing);
    CREATE TABLE actors (
        briefing INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        names TEXT NOT NULL,
        lines TEXT NOT NULL
    );
    CREATE INDEX actors_briefing ON actors (briefing);
"#,
    r#"
    -- `kind:` finds its claims by their kind; `source:` and `actor:` find candidate rows
    -- through the trigrams of who says a claim and of an actor's names (kept by triggers,
    -- the cascade from a briefing's row included), checked then as before
    CREATE INDEX claims_kind ON claims (kind, briefing);
    CREATE VIRTUAL TABLE claim_sources USING fts5 (
        who, content = '', contentless_delete = 1, tokenize = 'trigram'
    );
    INSERT INTO claim_sources (rowid, who) SELECT rowid, who FROM claims;
    CREATE TRIGGER claims_added AFTER INSERT ON claims BEGIN
        INSERT INTO claim_sources (rowid, who) VALUES (new.rowid, new.who);
    END;
    CREATE TRIGGER claims_removed AFTER DELETE ON claims BEGIN
        DELETE FROM claim_sources WHERE rowid = old.rowid;
    END;
    CREATE VIRTUAL TABLE actor_names USING fts5 (
        names, content = '', contentless_delete = 1, tokenize = 'trigram'
    );
    INSERT INTO actor_names (rowid, names) SELECT rowid, names FROM actors;
    CREATE TRIGGER actors_added AFTER INSERT ON actors BEGIN
        INSERT INTO actor_names (rowid, names) VALUES (new.rowid, new.names);
    END;
    CREATE TRIGGER actors_removed AFTER DELETE ON actors BEGIN
        DELETE FROM actor_names WHERE rowid = old.rowid;
    END;
"#,
    r#"
    -- a briefing's title searched with its text (the title of a Markdown file's front
    -- matter is no part of the text); FTS5 keeps the rowids, the briefings' ids
    CREATE VIRTUAL TABLE titled USING fts5 (
        title, body, tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO titled (rowid, title, body)
        SELECT t.rowid, b.title, t.body FROM texts t LEFT JOIN briefings b ON b.id = t.rowid;
    DROP TABLE texts;
    ALTER TABLE titled RENAME TO texts;
    -- claims and actors numbered by a column of their own (an INTEGER PRIMARY KEY), which
    -- VACUUM keeps: the trigram tables hold those numbers, and claims are read in their order
    CREATE TABLE numbered_claims (
        row INTEGER PRIMARY KEY,
        briefing INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        who TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        line INTEGER NOT NULL
    );
    INSERT INTO numbered_claims (row, briefing, id, kind, who, start, end, line)
        SELECT rowid, briefing, id, kind, who, start, end, line FROM claims;
    DROP TABLE claims;
    ALTER TABLE numbered_claims RENAME TO claims;
    CREATE INDEX claims_briefing ON claims (briefing);
    CREATE INDEX claims_kind ON claims (kind, briefing);
    CREATE TRIGGER claims_added AFTER INSERT ON claims BEGIN
        INSERT INTO claim_sources (rowid, who) VALUES (new.rowid, new.who);
    END;
    CREATE TRIGGER claims_removed AFTER DELETE ON claims BEGIN
        DELETE FROM claim_sources WHERE rowid = old.rowid;
    END;
    CREATE TABLE numbered_actors (
        row INTEGER PRIMARY KEY,
        briefing INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        names TEXT NOT NULL,
        lines TEXT NOT NULL
    );
    INSERT INTO numbered_actors (row, briefing, id, names, lines)
        SELECT rowid, briefing, id, names, lines FROM actors;
    DROP TABLE actors;
    ALTER TABLE numbered_actors RENAME TO actors;
    CREATE INDEX actors_briefing ON actors (briefing);
    CREATE TRIGGER actors_added AFTER INSERT ON actors BEGIN
        INSERT INTO actor_names (rowid, names) VALUES (new.rowid, new.names);
    END;
    CREATE TRIGGER actors_removed AFTER DELETE ON actors BEGIN
        DELETE FROM actor_names WHERE rowid = old.rowid;
    END;
    -- what an update compares, read from this index rather than from the briefings' rows,
    -- which their stored analyses spread over a page or more each
    CREATE INDEX briefings_stamps ON briefings (path, size, mtime, made, fingerprint);
    -- how many briefings a file of several held when it was last split, by its stamp and
    -- how it was analysed: an update lists the items of one unchanged without reading it
    CREATE TABLE splits (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime INTEGER NOT NULL,
        made TEXT NOT NULL,
        items INTEGER NOT NULL
    );
"#,
];

/// The schema version this brief writes.
pub const SCHEMA: i32 = MIGRATIONS.len() as i32;

/// Why the index cannot be used: `<what>: <why>`, as brief prints it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what}: {why}")]
pub struct IndexError {
    pub what: String,
    pub why: String,
}

/// An open index.
pub struct Index {
    conn: Connection,
    path: PathBuf,
    /// Where a damaged index was set aside when this one was made in its place.
    pub set_aside: Option<PathBuf>,
}

/// A briefing as the library lists it, from the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub path: PathBuf,
    pub size: u64,
    pub mtime: i64,
    /// How the analysis was made ([`update::made`]): stale when it differs.
    pub made: String,
    pub fingerprint: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub claims: usize,
    pub warnings: Vec<String>,
    /// Why the file could not be read, when it could not.
    pub error: Option<String>,
}

/// A briefing's stored analysis (`brief.analysis/1` without the text and the spans' words).
#[derive(Debug, Clone)]
pub struct Analysed {
    pub path: PathBuf,
    pub fingerprint: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub analysis: String,
}

impl Index {
    /// The index of the data dir, made (with the folder) when missing. One that is not an
    /// SQLite database, or is damaged, is set aside (`library.sqlite.damaged`) and made
    /// again: it holds nothing the files do not.
    pub fn open(data_dir: &Path) -> Result<Index, IndexError> {
        let path = data_dir.join(FILE);
        let failed = |why: String| IndexError {
            what: path.display().to_string(),
            why,
        };
        std::fs::create_dir_all(data_dir).map_err(|e| IndexError {
            what: data_dir.display().to_string(),
            why: crate::io_reason(&e),
        })?;
        match Index::open_at(&path) {
            Err(e) if damaged(&e) => {
                let aside = path.with_extension("sqlite.damaged");
                std::fs::rename(&path, &aside).map_err(|e| failed(crate::io_reason(&e)))?;
                for ending in ["-wal", "-shm"] {
                    let mut side = path.clone().into_os_string();
                    side.push(ending);
                    let _ = std::fs::remove_file(side);
                }
                let mut index = Index::open_at(&path).map_err(|e| failed(reason(&e)))?;
                index.set_aside = Some(aside);
                Ok(index)
            }
            other => other.map_err(|e| failed(reason(&e))),
        }
    }

    fn open_at(path: &Path) -> rusqlite::Result<Index> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(BUSY)?;
        // WAL: readers go on while a batch is written; NORMAL: a commit survives a killed
        // process (only a power cut may lose the last batches, which the files rebuild)
        let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut index = Index {
            conn,
            path: path.to_path_buf(),
            set_aside: None,
        };
        index.migrate()?;
        Ok(index)
    }

    /// Brings the schema to [`SCHEMA`], in one transaction; an index from a newer brief is
    /// refused rather than changed.
    fn migrate(&mut self) -> rusqlite::Result<()> {
        let version =
            |conn: &Connection| conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i32>(0));
        if version(&self.conn)? == SCHEMA {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // read again under the lock: another process may have migrated it meanwhile
        let from = version(&tx)?;
        if from > SCHEMA {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_MISMATCH),
                Some(format!(
                    "made by a newer brief (schema {from}, this one reads {SCHEMA}); delete it to build it again"
                )),
            ));
        }
        for script in &MIGRATIONS[from.max(0) as usize..] {
            tx.execute_batch(script)?;
        }
        tx.pragma_update(None, "user_version", SCHEMA)?;
        tx.commit()
    }

    /// The index's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folders and files indexed before, in the order first indexed.
    pub fn roots(&self) -> Result<Vec<PathBuf>, IndexError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT path FROM roots ORDER BY rowid")
            .map_err(|e| self.failed(&e))?;
        let rows = statement
            .query_map([], |r| r.get::<_, String>(0))
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(|e| self.failed(&e))?;
        Ok(rows.into_iter().map(PathBuf::from).collect())
    }

    /// Every briefing indexed, by path.
    pub fn listed(&self) -> Result<Vec<Listed>, IndexError> {
        self.conn
            .prepare_cached(&format!("{LISTED} ORDER BY path"))
            .and_then(|mut s| s.query_map([], listed)?.collect())
            .map_err(|e| self.failed(&e))
    }

    /// The briefing indexed at `path`, if it is.
    pub fn listed_at(&self, path: &Path) -> Result<Option<Listed>, IndexError> {
        self.conn
            .prepare_cached(&format!("{LISTED} WHERE path = ?1"))
            .and_then(|mut s| s.query_row(params![path_text(path)], listed).optional())
            .map_err(|e| self.failed(&e))
    }

    /// Where the claims of the briefing at `path` are in its text (bytes), in the
    /// analysis's order.
    pub fn claim_spans(&self, path: &Path) -> Result<Vec<crate::document::Span>, IndexError> {
        self.conn
            .prepare_cached(
                "SELECT c.start, c.end FROM claims c JOIN briefings b ON b.id = c.briefing
                 WHERE b.path = ?1 ORDER BY c.rowid",
            )
            .and_then(|mut s| {
                s.query_map(params![path_text(path)], |r| {
                    let at = |i| r.get::<_, i64>(i).map(|n| n as usize);
                    Ok(crate::document::Span::new(at(0)?, at(1)?))
                })?
                .collect()
            })
            .map_err(|e| self.failed(&e))
    }

    /// A briefing's text as brief reads it, from the index.
    pub fn text(&self, path: &Path) -> Result<Option<String>, IndexError> {
        self.conn
            .prepare_cached(
                "SELECT t.body FROM briefings b JOIN texts t ON t.rowid = b.id WHERE b.path = ?1",
            )
            .and_then(|mut s| {
                s.query_row(params![path_text(path)], |r| r.get(0))
                    .optional()
            })
            .map_err(|e| self.failed(&e))
    }

    /// `read` on the index as it is at one moment: in one read transaction, which WAL keeps a
    /// snapshot, so an update written meanwhile changes nothing it reads twice.
    pub fn at_once<T>(
        &self,
        read: impl FnOnce(&Index) -> Result<T, IndexError>,
    ) -> Result<T, IndexError> {
        let snapshot = self
            .conn
            .unchecked_transaction()
            .map_err(|e| self.failed(&e))?;
        let read = read(self);
        // nothing written: rolled back
        drop(snapshot);
        read
    }

    /// Every briefing analysed, with its stored analysis, by path, handed to `each` one at
    /// a time (so no more than one stored analysis is held here): what the work across
    /// briefings (`across/`) reads.
    pub fn each_analysis(&self, mut each: impl FnMut(Analysed)) -> Result<(), IndexError> {
        let mut read = || -> rusqlite::Result<()> {
            let mut statement = self.conn.prepare_cached(
                "SELECT path, fingerprint, title, published, analysis FROM briefings
                 WHERE analysis IS NOT NULL AND fingerprint IS NOT NULL ORDER BY path",
            )?;
            let mut rows = statement.query([])?;
            while let Some(r) = rows.next()? {
                each(Analysed {
                    path: PathBuf::from(r.get::<_, String>(0)?),
                    fingerprint: r.get(1)?,
                    title: r.get(2)?,
                    published: r.get(3)?,
                    analysis: r.get(4)?,
                });
            }
            Ok(())
        };
        read().map_err(|e| self.failed(&e))
    }

    fn failed(&self, e: &rusqlite::Error) -> IndexError {
        IndexError {
            what: self.path.display().to_string(),
            why: reason(e),
        }
    }
}

/// A briefing's row as [`Listed`] reads it.
const LISTED: &str =
    "SELECT path, size, mtime, made, fingerprint, title, source, published, claims,
                             warnings, error
                      FROM briefings";

fn listed(r: &rusqlite::Row) -> rusqlite::Result<Listed> {
    let warnings: String = r.get(9)?;
    Ok(Listed {
        path: PathBuf::from(r.get::<_, String>(0)?),
        size: r.get::<_, i64>(1)? as u64,
        mtime: r.get(2)?,
        made: r.get(3)?,
        fingerprint: r.get(4)?,
        title: r.get(5)?,
        source: r.get(6)?,
        published: r.get(7)?,
        claims: r.get::<_, i64>(8)? as usize,
        warnings: warnings.lines().map(str::to_string).collect(),
        error: r.get(10)?,
    })
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("path", &self.path).finish()
    }
}

/// A path as the index keys it.
fn path_text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Whether the file is no index at all, or a damaged one (not merely busy or read-only).
fn damaged(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

/// SQLite's message, without the error code's own words when it gives a better one.
fn reason(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
        other => other.to_string(),
    }
}

/// `files` written to `briefs/` in a temporary folder and indexed in its `data/`: the
/// folder, the index and the canonical `briefs/`.
#[cfg(test)]
pub(crate) fn indexed(files: &[(&str, &str)]) -> (tempfile::TempDir, Index, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let briefs = dir.path().join("briefs");
    std::fs::create_dir_all(&briefs).unwrap();
    for (name, text) in files {
        std::fs::write(briefs.join(name), text).unwrap();
    }
    let mut index = Index::open(&dir.path().join("data")).unwrap();
    let root = std::fs::canonicalize(&briefs).unwrap();
    let opener = crate::briefing::Opener::default();
    update::update(
        &mut index,
        std::slice::from_ref(&root),
        &opener,
        1,
        |_, _, _| {},
    )
    .unwrap();
    (dir, index, root)
}
