//! The real binary in a pseudo-terminal: it shows the sample's panes, moves the focus,
//! jumps to a claim, searches, and quits with the terminal given back.

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

#[test]
fn the_reader_in_a_pseudo_terminal() {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_brief"));
    command.arg("--no-config");
    command.env("TERM", "xterm-256color");
    let mut child = pty.slave.spawn_command(command).expect("brief starts");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let mut keys = pty.master.take_writer().expect("writer");
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
    let mut press = |keys_: &str| {
        keys.write_all(keys_.as_bytes()).expect("keys sent");
        keys.flush().expect("keys flushed");
    };

    screen.wait("the panes, analysed", |s| {
        ["Article", "Claims", "Actors", "Timeline", "claims reviewed"]
            .iter()
            .all(|w| s.contains(w))
    });
    assert!(screen.parser.lock().unwrap().screen().alternate_screen());

    press("2");
    screen.wait("the claims pane's keys", |s| s.contains("enter open"));
    press("G\r");
    screen.wait("the article scrolled to the last claim", |s| {
        !s.contains(" 0% ")
    });

    press("/korea\r");
    screen.wait("a match count", |s| {
        s.lines().any(|l| {
            l.split_once("/korea ")
                .and_then(|(_, rest)| rest.split_whitespace().next())
                .is_some_and(|count| count.contains('/'))
        })
    });

    press("q");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("child status") {
            break status;
        }
        assert!(start.elapsed() < PATIENCE, "brief did not quit");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success());
    let start = Instant::now();
    while screen.parser.lock().unwrap().screen().alternate_screen() {
        assert!(
            start.elapsed() < PATIENCE,
            "the alternate screen was not left"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
