//! The real binary in a pseudo-terminal, for the reader's end-to-end tests: each test file
//! takes it (`#[path]`), so what one does not use is not dead code there.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 140;
/// Generous: the machine may be busy with other builds.
const PATIENCE: Duration = Duration::from_secs(60);

#[derive(Clone)]
pub struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
}

impl Screen {
    /// The screen as it is now.
    pub fn now(&self) -> vt100::Screen {
        self.parser.lock().unwrap().screen().clone()
    }

    pub fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Whether brief's full-screen mode (the alternate screen) is on.
    pub fn alternate(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Whether the cursor is hidden (as brief hides it while it draws).
    pub fn cursor_hidden(&self) -> bool {
        self.parser.lock().unwrap().screen().hide_cursor()
    }

    /// Polls the screen's text until `ok` holds; the screen on failure.
    pub fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) {
        self.wait_for(what, |screen| ok(&screen.contents()));
    }

    /// Polls the screen until `ok` holds; the screen on failure.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if ok(self.parser.lock().unwrap().screen()) {
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
pub struct Session {
    pub screen: Screen,
    keys: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    /// The data dir unless the test names one: reviews and reading positions stay out of
    /// the user's own.
    _data: tempfile::TempDir,
}

impl Session {
    pub fn start(args: &[&str]) -> Session {
        Session::start_in(None, &[], args)
    }

    /// The binary run from folder `cwd` (where the export key writes without a config),
    /// with `env` set.
    pub fn start_in(cwd: Option<&std::path::Path>, env: &[(&str, &str)], args: &[&str]) -> Session {
        Session::spawn(cwd, env, args, None)
    }

    /// The binary run with files limited to `blocks` blocks of 512 bytes (the soft
    /// RLIMIT_FSIZE, with SIGXFSZ ignored, so that a write past it fails as on a full disk).
    #[cfg(target_os = "linux")]
    pub fn start_limited(blocks: u64, args: &[&str]) -> Session {
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

    pub fn press(&mut self, keys: &str) {
        self.keys.write_all(keys.as_bytes()).expect("keys sent");
        self.keys.flush().expect("keys flushed");
    }

    pub fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) {
        self.screen.wait(what, ok);
    }

    /// Presses `keys`, then waits for the screen to show `what`.
    pub fn step(&mut self, keys: &str, what: &str, ok: impl Fn(&str) -> bool) {
        self.press(keys);
        self.wait(what, ok);
    }

    /// `q`: brief ends with success and gives the terminal back.
    pub fn quit(mut self) {
        self.press("q");
        assert!(self.exited().success());
        self.screen
            .wait_for("the alternate screen left", |s| !s.alternate_screen());
    }

    /// Waits for brief to end; its exit status.
    pub fn exited(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                return status;
            }
            assert!(start.elapsed() < PATIENCE, "brief did not end");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Whether `title` on the screen's top rows (a pane's title) is in reverse video.
pub fn title_reversed(screen: &vt100::Screen, title: &str) -> bool {
    let (rows, cols) = screen.size();
    for row in 0..rows.get().min(3) {
        let line = screen.contents_between(row, 0, row, cols.get());
        if let Some(at) = line.find(title) {
            let col = line[..at].chars().count() as u16;
            return screen.cell(row, col).is_some_and(|c| c.inverse());
        }
    }
    false
}
