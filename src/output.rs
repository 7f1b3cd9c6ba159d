//! Where a command's output goes: stdout, or a file written atomically (a temporary file
//! beside it, renamed over it only when everything was written).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub enum Output {
    Stdout(io::StdoutLock<'static>),
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
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        Ok(Output::File {
            temp: tempfile::NamedTempFile::new_in(dir)?,
            target: target.to_path_buf(),
        })
    }

    /// Flushes, and for a file syncs it and renames it into place.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Output::Stdout(mut out) => out.flush(),
            Output::File { mut temp, target } => {
                temp.flush()?;
                temp.as_file().sync_all()?;
                temp.persist(&target).map_err(|e| e.error)?;
                Ok(())
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::File { temp, .. } => temp.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::File { temp, .. } => temp.flush(),
        }
    }
}
