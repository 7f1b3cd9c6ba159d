//! The real binary in a pseudo-terminal: it shows the sample's panes, moves the focus,
//! jumps to a claim, searches, and quits with the terminal given back; on a folder, the
//! library's list, filter, open and back, and search across the briefings; a review kept
//! across runs and exported.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 140;
/// Generous: the machine may be busy with other builds.
const PATIENCE: Duration = Duration::from_secs(60);

struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
}

impl Screen {
    fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Whether brief's full-screen mode (the alternate screen) is on.
    fn alternate(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Polls the screen until `ok` holds; the screen on failure.
    fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if ok(&self.text()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("waited for {what}; the screen:\n{}", self.text());
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a size above zero")
}

/// The binary running in a pseudo-terminal, its screen kept up to date by a thread.
struct Session {
    screen: Screen,
    keys: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// The data dir unless the test names one: reviews and reading positions stay out of
    /// the user's own.
    _data: tempfile::TempDir,
}

impl Session {
    fn start(args: &[&str]) -> Session {
        Session::start_in(None, &[], args)
    }

    /// The binary run from folder `cwd` (where the export key writes without a config),
    /// with `env` set.
    fn start_in(cwd: Option<&std::path::Path>, env: &[(&str, &str)], args: &[&str]) -> Session {
        Session::spawn(cwd, env, args, None)
    }

    /// The binary run with files limited to `blocks` blocks of 512 bytes (the soft
    /// RLIMIT_FSIZE, with SIGXFSZ ignored, so that a write past it fails as on a full disk).
    #[cfg(target_os = "linux")]
    fn start_limited(blocks: u64, args: &[&str]) -> Session {
        Session::spawn(None, &[], args, Some(blocks))
    }

    fn spawn(
        cwd: Option<&std::path::Path>,
        env: &[(&str, &str)],
        args: &[&str],
        blocks: Option<u64>,
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = match blocks {
            None => CommandBuilder::new(env!("CARGO_BIN_EXE_brief")),
            Some(blocks) => {
                let mut sh = CommandBuilder::new("sh");
                let script = format!("trap '' XFSZ; ulimit -S -f {blocks}; exec \"$0\" \"$@\"");
                sh.args(["-c", &script, env!("CARGO_BIN_EXE_brief")]);
                sh
            }
        };
        command.arg("--no-config");
        command.args(args);
        command.env("TERM", "xterm-256color");
        let data = tempfile::tempdir().expect("a data dir");
        command.env("BRIEF_DATA_DIR", data.path());
        if let Some(cwd) = cwd {
            command.cwd(cwd);
        }
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pty.slave.spawn_command(command).expect("brief starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let keys = pty.master.take_writer().expect("writer");
        let screen = Screen {
            parser: Arc::new(Mutex::new(vt100::Parser::new(
                nonzero(ROWS),
                nonzero(COLS),
                0,
            ))),
        };
        let parser = Arc::clone(&screen.parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                parser.lock().unwrap().process(&buf[..n]);
            }
        });
        Session {
            screen,
            keys,
            child,
            _data: data,
        }
    }

    fn press(&mut self, keys: &str) {
        self.keys.write_all(keys.as_bytes()).expect("keys sent");
        self.keys.flush().expect("keys flushed");
    }

    fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) {
        self.screen.wait(what, ok);
    }

    /// Presses `keys`, then waits for the screen to show `what`.
    fn step(&mut self, keys: &str, what: &str, ok: impl Fn(&str) -> bool) {
        self.press(keys);
        self.wait(what, ok);
    }

    /// `q`: brief ends with success and gives the terminal back.
    fn quit(mut self) {
        self.press("q");
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                break status;
            }
            assert!(start.elapsed() < PATIENCE, "brief did not quit");
            std::thread::sleep(Duration::from_millis(50));
        };
        assert!(status.success());
        let start = Instant::now();
        while self.screen.alternate() {
            assert!(
                start.elapsed() < PATIENCE,
                "the alternate screen was not left"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// A briefing written in a folder of its own, with a data dir beside it for the reviews.
struct Desk {
    dir: tempfile::TempDir,
    briefing: std::path::PathBuf,
    data: std::path::PathBuf,
}

impl Desk {
    fn new(name: &str, text: &str) -> Desk {
        let dir = tempfile::tempdir().expect("a folder");
        let briefing = dir.path().join(name);
        std::fs::write(&briefing, text).expect("the briefing written");
        let data = dir.path().join("data");
        Desk {
            dir,
            briefing,
            data,
        }
    }

    /// `--data-dir DATA BRIEFING`.
    fn args(&self) -> [&str; 3] {
        fn utf8(path: &std::path::Path) -> &str {
            path.to_str().expect("a UTF-8 path")
        }
        ["--data-dir", utf8(&self.data), utf8(&self.briefing)]
    }
}

#[test]
fn the_reader_in_a_pseudo_terminal() {
    let mut session = Session::start(&[]);
    session.wait("the panes, analysed", |s| {
        ["Article", "Claims", "Actors", "Timeline", "claims reviewed"]
            .iter()
            .all(|w| s.contains(w))
    });
    assert!(session.screen.alternate());

    session.step("2", "the claims pane's keys", |s| s.contains("enter open"));
    session.step("G\r", "the article scrolled to the last claim", |s| {
        !s.contains(" 0% ")
    });

    session.step("/korea\r", "a match count", |s| {
        s.lines().any(|l| {
            l.split_once("/korea ")
                .and_then(|(_, rest)| rest.split_whitespace().next())
                .is_some_and(|count| count.contains('/'))
        })
    });
    session.quit();
}

/// A folder of briefings written here: the list, a filter, open and back, and a search
/// across the library that finds a word in another file and opens it there.
#[test]
fn the_library_in_a_pseudo_terminal() {
    let dir = tempfile::tempdir().expect("a folder");
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "ferry.md",
        "---\ntitle: Ferry timetable cut\nsource: Island Post\npublished: 2024-04-03\n---\n\n\
         The operator said two crossings would be dropped in winter.\n",
    );
    write(
        "mill.md",
        "---\ntitle: Paper mill to close\nsource: Valley News\npublished: 2024-06-21\n---\n\n\
         The owners said the mill would close in August.\n\nA union official told reporters \
         that the gantry crane had been sold already.\n",
    );
    write("empty.txt", "");
    std::fs::create_dir(dir.path().join(".drafts")).unwrap();
    write(".drafts/secret.md", "A hidden draft about the gantry.\n");
    let mut session = Session::start(&[dir.path().to_str().expect("a UTF-8 path")]);
    session.wait("the list, read", |s| {
        s.contains("Library")
            && s.contains("Ferry timetable cut")
            && s.contains("Paper mill to close")
            && s.contains("empty briefing")
            && s.contains("3 briefings")
    });
    let first = |s: &str, a: &str, b: &str| s.find(a).zip(s.find(b)).is_some_and(|(a, b)| a < b);
    session.wait("newest first", |s| {
        first(s, "Paper mill", "Ferry timetable")
    });

    session.step("/island\r", "the filter", |s| {
        s.contains("Ferry timetable cut") && !s.contains("Paper mill to close")
    });
    session.step("\r", "the briefing opened", |s| {
        s.contains("crossings would be dropped") && s.contains("Claims")
    });
    session.step("b", "back in the filtered list", |s| {
        s.contains("Briefings 1 of 3") && s.contains("Ferry timetable cut")
    });
    session.step("\x1b", "the filter cleared", |s| {
        s.contains("Paper mill to close")
    });

    session.step("Sgantry\r", "one hit, not in the hidden folder", |s| {
        s.contains("1 hit in 1 briefing ") && s.contains("gantry crane had been sold")
    });
    session.step("\r", "the other briefing opened at the hit", |s| {
        s.contains("Paper mill to close") && s.contains("/gantry 1/1")
    });
    session.quit();
}

/// Marks a claim disputed and writes a note on it, quits, reopens on the same data dir, sees
/// both, and exports a Markdown briefing note that holds the note.
#[test]
fn a_review_survives_a_restart_and_is_exported() {
    let desk = Desk::new(
        "bridge.md",
        "---\ntitle: Bridge to close\nsource: Town Gazette\npublished: 2024-05-01\n---\n\n\
         The council said the old bridge would close for repairs in June.\n",
    );
    let (dir, briefing) = (desk.dir.path(), &desk.briefing);
    let args = desk.args();
    // An "editor" that adds a line to the note.
    let editor = dir.join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'seen by a second pair of eyes\\n' >> \"$1\"\n",
    )
    .unwrap();
    let visual = format!("sh {}", editor.display());
    let env = [("VISUAL", visual.as_str())];
    let mut session = Session::start_in(Some(dir), &env, &args);
    session.wait("the analysis, nothing reviewed", |s| {
        s.contains(" 0/") && s.contains("claims reviewed")
    });
    session.step("2d", "the claim disputed", |s| {
        s.contains("✗ disputed") && s.contains(" 1/")
    });
    session.step("c", "the note editor", |s| s.contains("note on c1"));
    session.step(
        "check the date with the council\x13",
        "the note saved",
        |s| s.contains("note saved") && s.contains("✎"),
    );
    session.quit();

    let mut session = Session::start_in(Some(dir), &env, &args);
    session.wait("the review back", |s| {
        s.contains("✗ disputed") && s.contains("✎") && s.contains(" 1/")
    });
    session.step("2C", "the note edited in $VISUAL", |s| {
        s.contains("note saved")
    });
    session.step("E", "where the export went", |s| s.contains("exported to"));
    session.quit();
    let exported = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "md") && p != briefing)
        .expect("a Markdown export beside the briefing");
    let text = std::fs::read_to_string(exported).unwrap();
    assert!(text.contains("check the date with the council"), "{text}");
    assert!(text.contains("seen by a second pair of eyes"), "{text}");
}

/// A full disk under the review store (a file-size limit, RLIMIT_FSIZE, on the running
/// reader): the failed save is reported in the status bar, the change stays on screen and in
/// the count, the old file stays whole with no temporary file beside it, and once the limit
/// is lifted the next save writes everything.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_keeps_the_review_in_memory_until_a_save_can_write_it() {
    let desk = Desk::new(
        "bridge.md",
        "---\ntitle: Bridge to close\npublished: 2024-05-01\n---\n\n\
         The council said the old bridge would close for repairs in June.\n\n\
         The mayor said that the ferry would run every hour instead.\n",
    );
    let data = &desk.data;
    let args = desk.args();
    let mut session = Session::start_in(None, &[], &args);
    session.wait("two claims, none reviewed", |s| s.contains(" 0/2 "));
    session.step("2d", "the first claim disputed", |s| s.contains(" 1/2 "));
    session.quit();
    let reviews = data.join("reviews");
    let review = std::fs::read_dir(&reviews)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.extension().is_some_and(|e| e == "json")
                && !p.to_string_lossy().ends_with(".view.json")
        })
        .expect("the review file");
    let old = std::fs::read(&review).unwrap();
    // One block of 512 bytes: the review with a second item cannot be written.
    assert!(old.len() > 512, "the review outgrows the limit");
    let files = |dir: &std::path::Path| {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let before = files(&reviews);

    let mut session = Session::start_limited(1, &args);
    session.wait("the review back", |s| {
        s.contains(" 1/2 ") && s.contains("✗ disputed")
    });
    session.step("2js", "the save refused, the change kept", |s| {
        s.contains("not saved: ") && s.contains(" 2/2 ") && s.contains("✓ supported")
    });
    assert_eq!(
        std::fs::read(&review).unwrap(),
        old,
        "the old file is whole"
    );
    assert_eq!(files(&reviews), before, "no temporary file left");

    // Space again: lift the limit on the running reader; the next change saves both.
    let pid = session.child.process_id().expect("the reader's pid");
    // The soft limit goes back up to the hard one, which `ulimit -S` left alone.
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    let pid = pid as libc::pid_t;
    // SAFETY: prlimit reads the new limit or writes the old one, each a valid `rlimit` or
    // null.
    let lifted = unsafe {
        libc::prlimit(pid, libc::RLIMIT_FSIZE, std::ptr::null(), &mut limit) == 0 && {
            limit.rlim_cur = limit.rlim_max;
            libc::prlimit(pid, libc::RLIMIT_FSIZE, &limit, std::ptr::null_mut()) == 0
        }
    };
    assert!(lifted, "{}", std::io::Error::last_os_error());
    session.step("aB2", "the grade saved", |s| {
        s.contains("graded B2") && !s.contains("not saved")
    });
    session.quit();
    let saved = std::fs::read_to_string(&review).unwrap();
    for word in ["\"disputed\"", "\"supported\"", "\"B2\""] {
        assert!(saved.contains(word), "{word} in {saved}");
    }
    let session = Session::start_in(None, &[], &args);
    session.wait("both reviews back", |s| {
        s.contains(" 2/2 ") && s.contains("✓ supported B2") && s.contains("✗ disputed")
    });
    session.quit();
}

/// The real reader killed with SIGKILL while a burst of review keys is being saved, at a
/// different moment each run: the review file always parses, nothing is set aside as
/// damaged, and the next run opens without a warning.
#[cfg(target_os = "linux")]
#[test]
fn the_reader_killed_while_saving_leaves_a_whole_review() {
    let desk = Desk::new(
        "port.md",
        "Storms closed the port on Monday. The harbour master said ferries would sail \
         again on Friday.\n\nFishermen said that the season was already lost. The council \
         denied that the breakwater had failed.\n",
    );
    let data = &desk.data;
    let args = desk.args();
    let reviews = data.join("reviews");
    let mut whole = 0;
    for run in 0..6u64 {
        let mut session = Session::start_in(None, &[], &args);
        session.wait("the analysis", |s| s.contains("claims reviewed"));
        // Every key is a change saved at once.
        session.press(&format!("2{}", "sjdjukX".repeat(60)));
        std::thread::sleep(Duration::from_millis(5 + run * 20));
        let pid = session.child.process_id().expect("the reader's pid");
        // SAFETY: kill only sends a signal, to the reader this test started.
        assert_eq!(unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) }, 0);
        let start = Instant::now();
        while session.child.try_wait().expect("child status").is_none() {
            assert!(start.elapsed() < PATIENCE, "the reader outlived SIGKILL");
            std::thread::sleep(Duration::from_millis(10));
        }
        for entry in std::fs::read_dir(&reviews).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(!name.contains(".damaged-"), "run {run}: {name}");
            if name.ends_with(".json") && !name.ends_with(".view.json") {
                let bytes = std::fs::read(entry.path()).unwrap();
                let json: serde_json::Value = serde_json::from_slice(&bytes)
                    .unwrap_or_else(|e| panic!("run {run}: a torn review ({e})"));
                assert_eq!(json["schema"], "brief.review/2");
                whole += 1;
            }
        }
    }
    assert!(whole > 0, "the reader saved before it was killed");
    let session = Session::start_in(None, &[], &args);
    session.wait("the review, whole", |s| {
        s.contains("claims reviewed") && !s.contains("damaged")
    });
    session.quit();
}
