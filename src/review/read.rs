//! Which briefings the analyst has read (opened in the reader), in `read.json` beside the
//! reviews, written by the review store's machinery (`store`: a lock on a sidecar file, a
//! temporary file synced and renamed, a damaged file set aside with a warning). A briefing
//! is keyed as its review is ([`BriefingKey`]: a file by its canonical path, an item of a
//! feed or mbox by its text). Each mark is written alone under the lock over what is on
//! disk, so two instances lose none of each other's.

use std::collections::BTreeMap;
use std::fs;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::store::{BriefingKey, Store, StoreError};
use crate::document::Warning;

/// The format written.
pub const SCHEMA: &str = "brief.read/1";

/// The file in the store's folder.
const FILE: &str = "read.json";

/// One briefing's mark: read or (marked back) unread, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub read: bool,
    pub updated: Timestamp,
}

/// The marks, by the name of the briefing's review file (`path-….json`, `text-….json`): no
/// path is written out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadMarks {
    #[serde(default)]
    pub marks: BTreeMap<String, Mark>,
}

impl ReadMarks {
    /// Whether the briefing whose review file is `name` ([`BriefingKey::file_name`]) was
    /// read (never opened is unread).
    pub fn is_read(&self, name: &str) -> bool {
        self.marks.get(name).is_some_and(|m| m.read)
    }

    /// Marks the briefing read or unread.
    pub fn set(&mut self, key: &BriefingKey, read: bool, now: Timestamp) {
        let mark = Mark { read, updated: now };
        self.marks.insert(key.file_name(), mark);
    }
}

#[derive(Serialize, Deserialize)]
struct Stored {
    schema: String,
    read: ReadMarks,
}

/// The marks as stored; none yet is none read. A damaged file is set aside with a warning.
pub fn load(store: &Store, now: Timestamp) -> Result<(ReadMarks, Vec<Warning>), StoreError> {
    if !store.dir().exists() {
        return Ok((ReadMarks::default(), Vec::new()));
    }
    let _lock = store.lock_file(FILE).ok();
    read(store, now)
}

/// Marks the briefing read or unread over what is on disk, and returns all the marks; a
/// mark already so is not written again (each briefing opened is marked read).
pub fn mark(
    store: &Store,
    key: &BriefingKey,
    read_now: bool,
    now: Timestamp,
) -> Result<(ReadMarks, Vec<Warning>), StoreError> {
    fs::create_dir_all(store.dir()).map_err(|e| StoreError::Io {
        path: store.dir().to_path_buf(),
        why: crate::io_reason(&e),
    })?;
    let _lock = store.lock_file(FILE)?;
    let (mut marks, warnings) = read(store, now)?;
    if marks.marks.get(&key.file_name()).map(|m| m.read) == Some(read_now) {
        return Ok((marks, warnings));
    }
    marks.set(key, read_now, now);
    let stored = Stored {
        schema: SCHEMA.to_string(),
        read: marks,
    };
    let json = serde_json::to_vec_pretty(&stored).expect("read marks serialise");
    store.replace(FILE, &json)?;
    Ok((stored.read, warnings))
}

fn read(store: &Store, now: Timestamp) -> Result<(ReadMarks, Vec<Warning>), StoreError> {
    let parse = |bytes: &[u8]| match serde_json::from_slice::<Stored>(bytes) {
        Ok(stored) if stored.schema == SCHEMA => Ok(stored.read),
        Ok(stored) => Err(format!("unknown schema {:?}", stored.schema)),
        Err(e) => Err(e.to_string()),
    };
    let (marks, warnings) = store.read_whole(FILE, "read marks file", parse, now)?;
    Ok((marks.unwrap_or_default(), warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(unix)]
    fn a_mark_already_so_leaves_the_file_alone() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let key = BriefingKey::Fingerprint("abc".into());
        let now = Timestamp::from_second(1_700_000_000).unwrap();
        let file = || fs::metadata(store.dir().join(FILE)).unwrap().ino();
        mark(&store, &key, true, now).unwrap();
        let written = file();
        let (marks, _) = mark(&store, &key, true, now).unwrap();
        assert!(marks.is_read(&key.file_name()));
        assert_eq!(file(), written, "the same file, not replaced");
        let (marks, _) = mark(&store, &key, false, now).unwrap();
        assert!(!marks.is_read(&key.file_name()));
        assert_ne!(file(), written, "a change is written");
    }

    #[test]
    fn a_damaged_file_is_set_aside_and_marks_start_afresh() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let key = BriefingKey::Fingerprint("abc".into());
        let now = Timestamp::from_second(1_700_000_000).unwrap();
        let (marks, _) = mark(&store, &key, true, now).unwrap();
        assert!(marks.is_read(&key.file_name()));
        fs::write(store.dir().join(FILE), b"{ torn").unwrap();
        let (marks, warnings) = load(&store, now).unwrap();
        assert!(!marks.is_read(&key.file_name()));
        assert!(warnings[0].0.contains("damaged"), "{warnings:?}");
        let aside = fs::read_dir(store.dir()).unwrap().flatten().any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("read.json.damaged-")
        });
        assert!(aside);
    }
}
