//! Writing the output: `-o` atomically, a full disk, file modes.

#[path = "common/cli.rs"]
mod cli;

use std::path::Path;
use std::process::{Command, Stdio};

use cli::{brief, stderr, write};
use serde_json::Value;

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.json");
    let out = brief(&["extract", "-o", target.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let written: Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(written["schema"], "brief.analysis/1");
    // nothing but the target is left behind (no temporary file)
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// A full disk, simulated with a file-size limit (RLIMIT_FSIZE, with SIGXFSZ ignored so
/// that the write fails instead of killing the process): one error line, exit status 1,
/// the old file whole and no temporary file left beside it.
#[cfg(unix)]
#[test]
fn a_full_disk_leaves_the_old_output_whole() {
    let dir = tempfile::tempdir().unwrap();
    let target = write(dir.path(), "analysis.json", b"the previous analysis\n");
    let script = format!(
        "trap '' XFSZ; ulimit -f 1; exec '{}' extract -o '{}'",
        env!("CARGO_BIN_EXE_brief"),
        target
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .env("BRIEF_CONFIG", "")
        .env("XDG_CONFIG_HOME", "/nonexistent/xdg-config")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("brief: ") && err.contains("analysis.json"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "the previous analysis\n"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

/// `-o` makes a new file as the umask says and keeps an existing file's mode.
#[cfg(unix)]
#[test]
fn output_files_keep_their_mode_or_take_the_umasks() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let with_umask = |umask: &str, args: &[&str]| {
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
            .arg(env!("CARGO_BIN_EXE_brief"))
            .args(args)
            .args(["--no-config", "--data-dir"])
            .arg(dir.path().join("data"))
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    };
    let new = dir.path().join("new.json");
    with_umask("022", &["extract", "-o", new.to_str().unwrap()]);
    assert_eq!(mode(&new), 0o644);
    let private = dir.path().join("private.md");
    with_umask("077", &["export", "-o", private.to_str().unwrap()]);
    assert_eq!(mode(&private), 0o600);
    // an existing file keeps its own mode, whatever the umask
    std::fs::set_permissions(&new, std::fs::Permissions::from_mode(0o664)).unwrap();
    with_umask("077", &["extract", "-o", new.to_str().unwrap()]);
    assert_eq!(mode(&new), 0o664);
}
