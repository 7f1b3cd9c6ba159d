//! Where a command's output goes: stdout, or a file written atomically (a temporary file
//! beside it, renamed over it only when everything was written). A named pipe or a
//! character device (`/dev/null`, a terminal) is written into directly, never replaced;
//! any other file that is not a regular file (a socket, a block device) is refused.
//! A symbolic link is followed: the file it points to is replaced, the link stays.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub enum Output {
    Stdout(io::StdoutLock<'static>),
    /// A named pipe or character device, written as it is.
    Device(std::fs::File),
    File {
        temp: tempfile::NamedTempFile,
        target: PathBuf,
    },
}

impl Output {
    pub fn open(target: Option<&Path>) -> io::Result<Output> {
        let Some(target) = target else {
            return Ok(Output::Stdout(io::stdout().lock()));
        };
        let target = &followed(target)?;
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if let Some(kind) = special(target) {
            return match kind {
                Special::Stream => std::fs::OpenOptions::new()
                    .write(true)
                    .open(target)
                    .map(Output::Device),
                Special::Other => Err(io::Error::other(
                    "is not a regular file, a named pipe or a character device: -o writes only to those",
                )),
            };
        }
        let temp = temp_file(dir, target)?;
        Ok(Output::File {
            temp,
            target: target.to_path_buf(),
        })
    }

    /// Flushes, and for a file syncs it and renames it into place.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Output::Stdout(mut out) => out.flush(),
            Output::Device(mut out) => out.flush(),
            Output::File { mut temp, target } => {
                temp.flush()?;
                temp.as_file().sync_all()?;
                temp.persist(&target).map_err(|e| e.error)?;
                Ok(())
            }
        }
    }
}

/// Where `path` leads through symbolic links (the link's own folder the base of a relative
/// one), so that renaming the written file into place replaces the file and not the link.
/// A link to nothing leads to where the file will be made, as a shell's `>` does.
fn followed(path: &Path) -> io::Result<PathBuf> {
    // the kernel's own bound on links followed in one lookup
    const MAX_LINKS: usize = 40;
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) => dir.join(to),
                    None => to,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other(
        "is a loop of symbolic links (or more than 40 in a row)",
    ))
}

enum Special {
    /// A named pipe or a character device: written into.
    Stream,
    /// A socket, a block device ...: refused.
    Other,
}

/// What stands at `target` (through a symbolic link), when it is neither a regular file nor a
/// folder (which the caller refuses) nor missing.
#[cfg(unix)]
fn special(target: &Path) -> Option<Special> {
    use std::os::unix::fs::FileTypeExt;
    let kind = std::fs::metadata(target).ok()?.file_type();
    if kind.is_file() || kind.is_dir() {
        None
    } else if kind.is_fifo() || kind.is_char_device() {
        Some(Special::Stream)
    } else {
        Some(Special::Other)
    }
}

#[cfg(not(unix))]
fn special(_target: &Path) -> Option<Special> {
    None
}

/// The temporary file that will become `target`, with the mode the file should end with:
/// an existing file's own, else what the umask gives a new file (`tempfile` alone makes
/// 0600, which would hide an export from the rest of its group).
#[cfg(unix)]
fn temp_file(dir: &Path, target: &Path) -> io::Result<tempfile::NamedTempFile> {
    use std::os::unix::fs::PermissionsExt;
    let existing = std::fs::metadata(target).ok().filter(|m| m.is_file());
    // the kernel takes the umask off a mode given at creation
    let temp = tempfile::Builder::new()
        .permissions(std::fs::Permissions::from_mode(0o666))
        .tempfile_in(dir)?;
    if let Some(existing) = existing {
        // the read, write and execute bits only: never a set-user-id bit on a file of ours
        let mode = existing.permissions().mode() & 0o777;
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    Ok(temp)
}

#[cfg(not(unix))]
fn temp_file(dir: &Path, _target: &Path) -> io::Result<tempfile::NamedTempFile> {
    tempfile::NamedTempFile::new_in(dir)
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::Device(out) => out.write(buf),
            Output::File { temp, .. } => temp.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::Device(out) => out.flush(),
            Output::File { temp, .. } => temp.flush(),
        }
    }
}
