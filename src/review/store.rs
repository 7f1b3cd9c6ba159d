//! Reviews on disk: one JSON file per briefing under `<data dir>/reviews/`. Every write is a
//! temporary file in the same folder, synced and renamed over the old one, so a killed
//! process leaves the old state or the new, never a torn file. Writers take a lock on a
//! sidecar file and merge with what is on disk, so two instances never lose each other's
//! work. A file that cannot be read as a review is renamed aside, never overwritten. A
//! temporary file a killed writer left behind is never read, and the next save of that
//! briefing removes it.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::document::Warning;

use super::merge::merge;
use super::model::Review;

/// The format written: 2 gives each claim review's fields their own time (`changed`).
pub const SCHEMA: &str = "brief.review/2";

/// Formats read: 1 (one time per item) is read as 2 whose fields all changed at `updated`,
/// and written back as 2 by the next save.
const READ: &[&str] = &[SCHEMA, "brief.review/1"];

/// How a review's temporary file ends, before it is renamed into place.
const TEMP_SUFFIX: &str = ".tmp";

/// Which briefing a review belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BriefingKey {
    /// A file, by its canonical path.
    Path(PathBuf),
    /// Stdin or the bundled sample, by the fingerprint of its text.
    Fingerprint(String),
}

impl BriefingKey {
    /// The file's canonical path; the fingerprint when there is no file (`None`, `-`) or it
    /// cannot be resolved.
    pub fn for_briefing(path: Option<&Path>, fingerprint: &str) -> BriefingKey {
        path.filter(|p| *p != Path::new("-") && !p.as_os_str().is_empty())
            .and_then(|p| fs::canonicalize(p).ok())
            .map_or_else(
                || BriefingKey::Fingerprint(fingerprint.to_string()),
                BriefingKey::Path,
            )
    }

    /// The name of its review file, which also keys its read mark (`read`).
    pub(crate) fn file_name(&self) -> String {
        match self {
            BriefingKey::Path(path) => {
                let digest = Sha256::digest(path.as_os_str().as_encoded_bytes());
                let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
                format!("path-{hex}.json")
            }
            BriefingKey::Fingerprint(fingerprint) => format!("text-{fingerprint}.json"),
        }
    }

    fn describe(&self) -> String {
        match self {
            BriefingKey::Path(path) => path.display().to_string(),
            BriefingKey::Fingerprint(fingerprint) => fingerprint.clone(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: is a file, not a folder (the data dir holds the reviews)", .0.display())]
    NotAFolder(PathBuf),
    #[error("{}: {why}", path.display())]
    Io { path: PathBuf, why: String },
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |e| StoreError::Io {
        path: path.to_path_buf(),
        why: crate::io_reason(&e),
    }
}

#[derive(Serialize, Deserialize)]
struct StoredReview {
    schema: String,
    briefing: String,
    review: Review,
}

#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// The store under `data_dir`; nothing is created until the first save.
    pub fn open(data_dir: &Path) -> Result<Store, StoreError> {
        let dir = data_dir.join("reviews");
        for path in [data_dir, &dir] {
            if path.exists() && !path.is_dir() {
                return Err(StoreError::NotAFolder(path.to_path_buf()));
            }
        }
        Ok(Store { dir })
    }

    pub fn path(&self, key: &BriefingKey) -> PathBuf {
        self.dir.join(key.file_name())
    }

    /// The store's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The stored review, if any. A damaged file is renamed aside with a warning.
    pub fn load(
        &self,
        key: &BriefingKey,
        now: Timestamp,
    ) -> Result<(Option<Review>, Vec<Warning>), StoreError> {
        if !self.dir.exists() {
            return Ok((None, Vec::new()));
        }
        // A folder brief may not write to (read-only, another user's) can still be read:
        // every write is a rename, so what is read is always whole.
        let _lock = self.lock(key).ok();
        let mut warnings = Vec::new();
        let review = self.read(key, now, &mut warnings)?;
        Ok((review, warnings))
    }

    /// The stored review as it reads, without a lock or a word about a damaged file (which
    /// [`Store::load`] sets aside and reports): for a glance before the briefing is
    /// analysed, at its published date.
    pub fn peek(&self, key: &BriefingKey) -> Option<Review> {
        glance(&self.path(key))
    }

    /// Every tag used in the reviews of every briefing in the store, each once, sorted: what
    /// a tag typed is completed from. Each review read as [`Store::peek`] reads it (one that
    /// does not read gives none); it costs a read of every review, so it is asked for when a
    /// tag is about to be typed, not at each key.
    pub fn tags(&self) -> Vec<String> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut tags: Vec<String> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                let name = p.file_name().unwrap_or_default().to_string_lossy();
                name.ends_with(".json") && !name.ends_with(".view.json")
            })
            .filter_map(|p| glance(&p))
            .flat_map(|review| review.live().tags())
            .collect();
        tags.sort_unstable();
        tags.dedup();
        tags
    }

    /// Merges `review` with what is on disk and writes the result, which it returns.
    pub fn save(
        &self,
        key: &BriefingKey,
        review: &Review,
        now: Timestamp,
    ) -> Result<(Review, Vec<Warning>), StoreError> {
        fs::create_dir_all(&self.dir).map_err(io_error(&self.dir))?;
        let _lock = self.lock(key)?;
        let mut warnings = Vec::new();
        let merged = match self.read(key, now, &mut warnings)? {
            Some(on_disk) => merge(review, &on_disk),
            None => review.clone(),
        };
        let stored = StoredReview {
            schema: SCHEMA.to_string(),
            briefing: key.describe(),
            review: merged,
        };
        let json = serde_json::to_vec_pretty(&stored).expect("a review always serialises");
        self.replace(&key.file_name(), &json)?;
        Ok((stored.review, warnings))
    }

    /// Writes the store's file `name` whole (a temporary file beside it, synced, renamed
    /// over it), under the caller's [`Store::lock_file`]: the briefings' reviews and the
    /// library review (`across::review`) alike.
    pub(crate) fn replace(&self, name: &str, json: &[u8]) -> Result<(), StoreError> {
        fs::create_dir_all(&self.dir).map_err(io_error(&self.dir))?;
        let path = self.dir.join(name);
        let prefix = self.clear_leftovers(name);
        let write = || -> io::Result<()> {
            let mut temp = tempfile::Builder::new()
                .prefix(&prefix)
                .suffix(TEMP_SUFFIX)
                .tempfile_in(&self.dir)?;
            temp.write_all(json)?;
            temp.write_all(b"\n")?;
            temp.as_file().sync_all()?;
            temp.persist(&path).map_err(|e| e.error)?;
            // The rename itself is durable only once the folder is synced; not every
            // platform can open a folder, and the data is safe either way.
            if let Ok(dir) = File::open(&self.dir) {
                let _ = dir.sync_all();
            }
            Ok(())
        };
        write().map_err(io_error(&path))
    }

    /// Removes the temporary files of the store's file `name` that a writer killed mid-save
    /// left behind, and returns the prefix its own temporary file takes. Only a save holding
    /// the lock writes one, so under the lock every such file is a leftover.
    fn clear_leftovers(&self, name: &str) -> String {
        let prefix = format!(".{name}.");
        if let Ok(entries) = fs::read_dir(&self.dir) {
            for entry in entries.flatten() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if name.starts_with(&prefix) && name.ends_with(TEMP_SUFFIX) {
                    let _ = fs::remove_file(entry.path());
                }
            }
        }
        prefix
    }

    /// An exclusive lock on the briefing's sidecar lock file, held until dropped.
    /// A symbolic link planted at its path is never followed (it would create or lock a
    /// file wherever it points).
    pub(super) fn lock(&self, key: &BriefingKey) -> Result<File, StoreError> {
        self.lock_file(&key.file_name())
    }

    /// An exclusive lock on the sidecar lock file of the store's file `name`.
    pub(crate) fn lock_file(&self, name: &str) -> Result<File, StoreError> {
        let path = self.dir.join(format!("{name}.lock"));
        if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(StoreError::Io {
                path,
                why: "is a symbolic link, not followed (remove it: brief makes its own lock file)"
                    .into(),
            });
        }
        let mut options = File::options();
        options.create(true).truncate(false).write(true);
        #[cfg(target_os = "linux")]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // and one planted between the look and the open is refused by the kernel
            options.custom_flags(libc::O_NOFOLLOW);
        }
        let file = options.open(&path).map_err(io_error(&path))?;
        file.lock().map_err(io_error(&path))?;
        Ok(file)
    }

    fn read(
        &self,
        key: &BriefingKey,
        now: Timestamp,
        warnings: &mut Vec<Warning>,
    ) -> Result<Option<Review>, StoreError> {
        let path = self.path(key);
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_error(&path)(e)),
        };
        let why = match serde_json::from_slice::<StoredReview>(&bytes) {
            Ok(mut stored) if READ.contains(&stored.schema.as_str()) => {
                stored.review.own_items();
                return Ok(Some(stored.review));
            }
            Ok(stored) => format!("unknown schema {:?}", stored.schema),
            Err(e) => {
                if let Some(review) = self.salvage(&path, &bytes, now, warnings)? {
                    return Ok(Some(review));
                }
                e.to_string()
            }
        };
        let aside = self.set_aside(&path, now).map_err(|e| StoreError::Io {
            path: path.clone(),
            why: format!(
                "the review file is damaged ({why}) and cannot be set aside ({}): move it away or \
                 make its folder writable",
                match e {
                    StoreError::Io { why, .. } => why,
                    other => other.to_string(),
                }
            ),
        })?;
        warnings.push(Warning(format!(
            "review file {} is damaged ({why}); kept as {} and starting afresh",
            path.display(),
            aside.display()
        )));
        Ok(None)
    }

    /// A review file whose frame reads (its schema, a `review` object) but some of whose
    /// items do not: the good items, with the bad ones written aside to
    /// `<name>.damaged-<time>` and a warning saying how many and where. None when the frame
    /// itself cannot be read (the whole file is then set aside).
    fn salvage(
        &self,
        path: &Path,
        bytes: &[u8],
        now: Timestamp,
        warnings: &mut Vec<Warning>,
    ) -> Result<Option<Review>, StoreError> {
        use serde_json::Value;
        let Ok(Value::Object(file)) = serde_json::from_slice::<Value>(bytes) else {
            return Ok(None);
        };
        let schema_known = file
            .get("schema")
            .and_then(Value::as_str)
            .is_some_and(|s| READ.contains(&s));
        let Some(Value::Object(stored)) = file.get("review").filter(|_| schema_known) else {
            return Ok(None);
        };
        let mut bad = Vec::new();
        let mut review = Review {
            reviewer: stored
                .get("reviewer")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            ..Review::default()
        };
        fn items<T: serde::de::DeserializeOwned>(
            list: Option<&Value>,
            bad: &mut Vec<Value>,
        ) -> Vec<T> {
            let list = list
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice);
            list.iter()
                .filter_map(|item| {
                    serde_json::from_value(item.clone())
                        .inspect_err(|_| bad.push(item.clone()))
                        .ok()
                })
                .collect()
        }
        review.claims = items(stored.get("claims"), &mut bad);
        review.notes = items(stored.get("notes"), &mut bad);
        review.corrections = items(stored.get("corrections"), &mut bad);
        review.own_items();
        if bad.is_empty() {
            // the frame was at fault after all (a field of the file, not of an item)
            return Ok(None);
        }
        let text = serde_json::to_vec_pretty(&serde_json::json!({ "unreadable items": bad }))
            .expect("JSON values serialise");
        let time = now.strftime("%Y%m%dT%H%M%SZ").to_string();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        // read again before the next save, the same items were set aside already
        let earlier = fs::read_dir(&self.dir).ok().and_then(|entries| {
            entries.flatten().map(|e| e.path()).find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&format!("{name}.damaged-")))
                    && fs::read(p).is_ok_and(|b| b == text)
            })
        });
        let mut aside = self.dir.join(format!("{name}.damaged-{time}"));
        let mut n = 1;
        while aside.exists() {
            aside = self.dir.join(format!("{name}.damaged-{time}-{n}"));
            n += 1;
        }
        let written = match &earlier {
            Some(earlier) => {
                aside = earlier.clone();
                Ok(())
            }
            None => fs::write(&aside, &text),
        };
        written.map_err(|e| StoreError::Io {
            path: path.to_path_buf(),
            why: format!(
                "{} {} of the review file {} damaged and cannot be set aside ({}): move it \
                 away or make its folder writable",
                bad.len(),
                if bad.len() == 1 { "item" } else { "items" },
                if bad.len() == 1 { "is" } else { "are" },
                crate::io_reason(&e)
            ),
        })?;
        warnings.push(Warning(format!(
            "review file {}: {} {} could not be read and {} kept in {}; the other items are loaded",
            path.display(),
            bad.len(),
            if bad.len() == 1 { "item" } else { "items" },
            if bad.len() == 1 { "is" } else { "are" },
            aside.display()
        )));
        Ok(Some(review))
    }

    /// The store's file `name` as `parse` reads it (why not, when it cannot), under the
    /// caller's [`Store::lock_file`]: none when there is no such file; a file that does not
    /// read set aside, with a warning that calls it `what`.
    pub(crate) fn read_whole<T>(
        &self,
        name: &str,
        what: &str,
        parse: impl FnOnce(&[u8]) -> Result<T, String>,
        now: Timestamp,
    ) -> Result<(Option<T>, Vec<Warning>), StoreError> {
        let path = self.dir.join(name);
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((None, Vec::new())),
            Err(e) => return Err(io_error(&path)(e)),
        };
        let why = match parse(&bytes) {
            Ok(read) => return Ok((Some(read), Vec::new())),
            Err(why) => why,
        };
        let aside = self.set_aside(&path, now)?;
        let warning = Warning(format!(
            "{what} {} is damaged ({why}); kept as {} and starting afresh",
            path.display(),
            aside.display()
        ));
        Ok((None, vec![warning]))
    }

    /// Renames a damaged file to `<name>.damaged-<time>`, never over an earlier one.
    pub(crate) fn set_aside(&self, path: &Path, now: Timestamp) -> Result<PathBuf, StoreError> {
        let time = now.strftime("%Y%m%dT%H%M%SZ").to_string();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let mut aside = self.dir.join(format!("{name}.damaged-{time}"));
        let mut n = 1;
        while aside.exists() {
            aside = self.dir.join(format!("{name}.damaged-{time}-{n}"));
            n += 1;
        }
        fs::rename(path, &aside).map_err(io_error(path))?;
        Ok(aside)
    }
}

/// The review file at `path` as it reads, none when it does not (or is of no format read).
fn glance(path: &Path) -> Option<Review> {
    let bytes = fs::read(path).ok()?;
    let stored: StoredReview = serde_json::from_slice(&bytes).ok()?;
    let mut review = READ
        .contains(&stored.schema.as_str())
        .then_some(stored.review)?;
    review.own_items();
    Some(review)
}
