//! Exit statuses and error lines: bad input, usage errors, the reader without a terminal.

#[path = "common/cli.rs"]
mod cli;

use std::path::Path;
use std::process::{Command, Output};

use cli::{assert_offsets_slice_the_text, brief, json, stderr, write};
use serde_json::Value;

#[test]
fn the_reader_and_the_library_need_a_terminal() {
    let one_line = |out: &Output, status: i32, says: &str| {
        let err = stderr(out);
        assert_eq!(out.status.code(), Some(status), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("brief: ") && err.contains(says), "{err}");
        assert!(out.stdout.is_empty());
    };
    one_line(&brief(&[], None), 1, "brief extract");
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.md", b"Moscow denied it.\n");
    let b = write(dir.path(), "b.md", b"Seoul said so.\n");
    one_line(&brief(&[&a, &b], None), 1, "not a terminal");
    one_line(
        &brief(&[dir.path().to_str().unwrap()], None),
        1,
        "not a terminal",
    );
}

/// What a run should leave on stderr: nothing, or exactly one line starting `brief: `
/// that contains these words.
enum Says {
    Nothing,
    Line(&'static str),
}

/// What `brief extract` is given.
enum Input {
    /// a briefing file with these bytes
    File(Vec<u8>),
    /// a path that is not a readable briefing
    Path(String),
    /// `--jsonl` with these lines on stdin
    Batch(&'static [u8]),
}

/// One row of the bad-input table: the input, options before it, and the exit status and
/// stderr expected.
struct BadInput {
    what: &'static str,
    input: Input,
    options: Vec<String>,
    status: i32,
    says: Says,
}

impl BadInput {
    fn new(what: &'static str, input: Input, status: i32, says: Says) -> Self {
        let options = Vec::new();
        BadInput {
            what,
            input,
            options,
            status,
            says,
        }
    }

    fn with(mut self, options: &[&str]) -> Self {
        self.options = options.iter().map(|o| o.to_string()).collect();
        self
    }

    fn run(self, dir: &Path) {
        let what = self.what;
        let mut args = vec!["extract".to_string()];
        args.extend(self.options);
        let stdin = match self.input {
            Input::File(bytes) => {
                args.push(write(dir, &what.replace(' ', "-"), &bytes));
                None
            }
            Input::Path(path) => {
                args.push(path);
                None
            }
            Input::Batch(lines) => {
                args.push("--jsonl".into());
                Some(lines)
            }
        };
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = brief(&args, stdin);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(self.status), "{what}: {err}");
        match self.says {
            Says::Nothing => assert!(err.is_empty(), "{what}: {err}"),
            Says::Line(words) => {
                assert_eq!(err.lines().count(), 1, "{what}: {err}");
                assert!(
                    err.starts_with("brief: ") && err.contains(words),
                    "{what}: {err}"
                );
            }
        }
        if self.status != 0 {
            assert!(out.stdout.is_empty(), "{what}");
            return;
        }
        // Whatever was wrong with it, what comes out is JSON (one document, or a line per
        // batch line) and every analysis in it slices its own text.
        let stdout = String::from_utf8(out.stdout).unwrap();
        let values: Vec<Value> = if stdin.is_some() {
            let lines = stdout.lines();
            lines.map(|l| serde_json::from_str(l).unwrap()).collect()
        } else {
            vec![serde_json::from_str(&stdout).unwrap()]
        };
        assert!(!values.is_empty(), "{what}");
        for value in values.iter().filter(|v| v.get("document").is_some()) {
            assert_offsets_slice_the_text(value);
        }
    }
}

/// Issue 6's table of bad inputs, each with its exit status and its one line on stderr.
/// (The 50 MB briefing is measured in docs/PERFORMANCE.md rather than in every test run.)
#[test]
fn every_bad_input_has_its_status_and_one_clear_line() {
    use Input::{Batch, File, Path};
    use Says::{Line, Nothing};
    let dir = tempfile::tempdir().unwrap();
    let utf16 = |bom: [u8; 2], to_bytes: fn(u16) -> [u8; 2]| -> Input {
        let units = "Tokyo said “yes”.".encode_utf16();
        File(bom.into_iter().chain(units.flat_map(to_bytes)).collect())
    };
    let text = |s: &str| File(s.as_bytes().to_vec());
    let config = write(
        dir.path(),
        "config.toml",
        b"reviewer = \"A\"\nbogus_key = 1\n",
    );
    let folder = dir.path().to_str().unwrap().to_string();
    let cases = [
        BadInput::new("empty", text(""), 1, Line("empty briefing")),
        BadInput::new("blank", text("\n  \n"), 1, Line("empty briefing")),
        BadInput::new(
            "binary",
            File(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
            1,
            Line("binary file"),
        ),
        BadInput::new(
            "invalid utf-8",
            File(b"Caf\xe9 owners said so.".to_vec()),
            0,
            Line("invalid UTF-8"),
        ),
        BadInput::new(
            "utf-16 le",
            utf16([0xFF, 0xFE], u16::to_le_bytes),
            0,
            Nothing,
        ),
        BadInput::new(
            "utf-16 be",
            utf16([0xFE, 0xFF], u16::to_be_bytes),
            0,
            Nothing,
        ),
        BadInput::new(
            "missing",
            Path(format!("{folder}/missing.txt")),
            1,
            Line("no such file"),
        ),
        BadInput::new("folder", Path(folder.clone()), 1, Line("is a folder")),
        BadInput::new(
            "one long line",
            text(&"Officials in Cairo said on Monday that talks would resume, ".repeat(17_000)),
            0,
            Nothing,
        ),
        BadInput::new(
            "escape sequences",
            text("\x1b[2J\x1b[31mAlarm\x1b[0m in \x1b]8;;http://x\x07Oslo\x1b]8;;\x07 said."),
            0,
            Line("terminal control characters"),
        ),
        BadInput::new(
            "unterminated front matter",
            text("---\ntitle: never closed\nBody text.\n"),
            1,
            Line("never ends"),
        ),
        BadInput::new(
            "web page without an article",
            text("<html><body><nav>Home</nav><script>x()</script></body></html>"),
            1,
            Line("no readable article text"),
        ),
        BadInput::new("bad published", text("Rome agreed."), 2, Line("YYYY-MM-DD"))
            .with(&["--published", "24/02/2022"]),
        BadInput::new(
            "bad json lines",
            Batch(b"{\"id\": \"a\", \"text\": \n[1, 2]\n{\"text\": \"no id\"}\n\xff\xfe\n"),
            0,
            Nothing,
        ),
        BadInput::new(
            "right-to-left and mixed scripts",
            text(
                "قال المتحدث إن المحادثات ستستأنف. Officials in Cairo said on Monday that talks \
                 would resume. \u{202e}reversed\u{202c} 東京 said nothing. שלום.",
            ),
            0,
            Nothing,
        ),
        BadInput::new(
            "not english",
            text(
                "El Ministerio de Defensa dijo el viernes que las conversaciones con Moscú se \
                 reanudarían en Ginebra la próxima semana, según funcionarios presentes.",
            ),
            0,
            Line("not look like English"),
        ),
        BadInput::new("invalid config", text("Rome agreed."), 2, Line("line 2"))
            .with(&["--config", &config]),
    ];
    for case in cases {
        case.run(dir.path());
    }
}

#[test]
fn usage_errors_exit_two() {
    for args in [
        &["extract", "--published", "24/02/2022"][..],
        &["--no-such-flag"],
        &["extract", "--jsonl", "a.txt"],
        &["completions", "powershell-9"],
    ] {
        let out = brief(args, None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("brief: ") && err.ends_with("(see brief --help)\n"));
    }
    // clap's hints stay on the line
    let err = stderr(&brief(&["export", "--format", "jsn"], None));
    assert!(err.contains("a similar value exists: 'json'"), "{err}");
    let out = brief(&["--version"], None);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("brief "));
}

/// `--format` other than json is export's, not extract's; `-o -` is stdout; `-o FOLDER`
/// says the output is a folder.
#[test]
fn extract_refuses_an_export_format_and_reads_o_as_tools_do() {
    let out = brief(&["extract", "--format", "csv"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("brief: --format csv is for `brief export`"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    json(&brief(&["extract", "--format", "json"], None));

    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["extract", "--no-config", "-o", "-"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(json(&out)["schema"], "brief.analysis/1");
    assert!(!dir.path().join("-").exists(), "no file named -");

    let folder = dir.path().to_str().unwrap();
    let out = brief(&["extract", "-o", folder], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!("brief: {folder}: is a folder: -o takes the file to write (or - for stdout)\n")
    );
}
