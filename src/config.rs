//! Configuration (`config.toml`) and the platform paths brief uses.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::analysis::UserLexicon;
use crate::cli::Options;
use crate::tui::theme::{Depth, Palette};
use crate::tui::{Keymap, KeymapError, PaneSizes, Settings};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Who the review items are recorded as (else $USER).
    pub reviewer: Option<String>,
    pub lexicon: LexiconConfig,
    /// action name = [key names] over the default bindings, and a table a context
    /// (`[keys.grade_picker]`: command name = [key names]).
    pub keys: BTreeMap<String, KeysEntry>,
    /// role = colour, over the default palette.
    pub theme: BTreeMap<String, String>,
    /// Mouse capture on when the reader starts.
    pub mouse: bool,
    pub export: ExportConfig,
    pub layout: LayoutConfig,
    /// `[[feeds]]`: what `brief fetch` brings in.
    pub feeds: Vec<crate::fetch::Feed>,
    /// Where `brief fetch` puts each feed's folder (else `feeds` in the data dir).
    pub feeds_dir: Option<PathBuf>,
}

/// An entry of `[keys]`: an action's keys, or a context's table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(
    untagged,
    expecting = "expected a list of keys, such as quit = [\"Q\"], or a table of them, such as [keys.prompt]"
)]
pub enum KeysEntry {
    Keys(Vec<String>),
    Context(BTreeMap<String, Vec<String>>),
}

/// What the reader's export key writes, and where.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExportConfig {
    pub format: crate::export::Format,
    /// Default: the current directory.
    pub dir: Option<PathBuf>,
    /// A CSV export begins with a byte-order mark (`--bom`).
    pub csv_bom: bool,
}

impl ExportConfig {
    pub fn dir(&self) -> Option<PathBuf> {
        self.dir.clone().or_else(|| std::env::current_dir().ok())
    }
}

/// `[layout]`: how the reader's panes share the screen.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LayoutConfig {
    /// Percent of the width for the right-hand column in the wide layout.
    pub side: u16,
    /// Columns from which the panes sit side by side.
    pub wide: u16,
}

impl Default for LayoutConfig {
    fn default() -> Self {
        let sizes = PaneSizes::default();
        LayoutConfig {
            side: sizes.side,
            wide: sizes.wide,
        }
    }
}

impl LayoutConfig {
    /// The sizes, or the key out of range and why.
    fn sizes(&self) -> Result<PaneSizes, (&'static str, String)> {
        for (key, value, range) in [
            ("side", self.side, PaneSizes::SIDE),
            ("wide", self.wide, PaneSizes::WIDE),
        ] {
            if !range.contains(&value) {
                return Err((
                    key,
                    format!(
                        "`{key}` in [layout] is {value}: it must be from {} to {}",
                        range.start(),
                        range.end()
                    ),
                ));
            }
        }
        Ok(PaneSizes {
            side: self.side,
            wide: self.wide,
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LexiconConfig {
    /// alias = canonical name, e.g. DPRK = "North Korea".
    pub aliases: BTreeMap<String, String>,
    pub cues: Vec<String>,
    pub hedges: Vec<String>,
    /// Lexicon files (the same three keys), relative to the configuration's folder; a team
    /// can share one. Read when the configuration is, and merged into the keys above.
    pub files: Vec<PathBuf>,
}

impl LexiconConfig {
    /// Reads and merges the lexicon files (a file's aliases win over earlier ones).
    fn merge_files(&mut self, base: &Path) -> Result<(), ConfigError> {
        for file in std::mem::take(&mut self.files) {
            let path = base.join(home(&file));
            let text = read_small(&path).map_err(|e| ConfigError::Unreadable {
                path: path.clone(),
                why: crate::io_reason(&e),
            })?;
            let invalid = |line: usize, why: String| ConfigError::Invalid {
                path: path.clone(),
                line,
                why,
            };
            let lexicon: LexiconConfig = toml::from_str(&text)
                .map_err(|e| invalid(error_line(&text, &e), e.message().trim().to_string()))?;
            if !lexicon.files.is_empty() {
                return Err(invalid(
                    key_line(&text, "", "files"),
                    "a lexicon file cannot name other lexicon files".into(),
                ));
            }
            self.aliases.extend(lexicon.aliases);
            self.cues.extend(lexicon.cues);
            self.hedges.extend(lexicon.hedges);
        }
        Ok(())
    }
}

impl Config {
    /// The reader's key bindings: the defaults with `[keys]` over them (already checked
    /// when the file was loaded).
    pub fn keymap(&self) -> Result<Keymap, KeymapError> {
        Keymap::with_overrides(self.keys.iter().flat_map(|(name, entry)| {
            let entries: Vec<(Option<&str>, &str, &[String])> = match entry {
                KeysEntry::Keys(keys) => vec![(None, name.as_str(), keys.as_slice())],
                KeysEntry::Context(table) => table
                    .iter()
                    .map(|(command, keys)| (Some(name.as_str()), command.as_str(), keys.as_slice()))
                    .collect(),
            };
            entries
        }))
    }

    pub fn palette(&self, depth: Depth) -> Result<Palette, String> {
        Palette::new(
            self.theme.iter().map(|(r, c)| (r.as_str(), c.as_str())),
            depth,
        )
    }

    /// Everything the reader takes from the configuration, for a terminal of `depth`.
    pub fn reader(&self, depth: Depth) -> Result<Settings, String> {
        Ok(Settings {
            keymap: self.keymap().map_err(|e| e.why)?,
            palette: self.palette(depth)?,
            mouse: self.mouse,
            sizes: self.layout.sizes().map_err(|(_, why)| why)?,
            export: crate::tui::ExportSettings {
                format: self.export.format,
                dir: self.export.dir.clone(),
                csv_bom: self.export.csv_bom,
            },
        })
    }

    pub fn lexicon(&self) -> UserLexicon {
        UserLexicon {
            aliases: self
                .lexicon
                .aliases
                .iter()
                .map(|(alias, name)| (alias.clone(), name.clone()))
                .collect(),
            cues: self.lexicon.cues.clone(),
            hedges: self.lexicon.hedges.clone(),
        }
    }
}

/// An invalid configuration: the file, the line and what is wrong (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: {why}", path.display())]
    Unreadable { path: PathBuf, why: String },
    #[error("{}: line {line}: {why}", path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        why: String,
    },
}

/// Where the configuration comes from: `--config`, else `$BRIEF_CONFIG`, else the platform
/// default. Only the default may be missing.
pub fn config_path(options: &Options) -> Option<(PathBuf, bool)> {
    if let Some(path) = &options.config {
        return Some((path.clone(), true));
    }
    if let Some(path) = std::env::var_os("BRIEF_CONFIG").filter(|p| !p.is_empty()) {
        return Some((PathBuf::from(path), true));
    }
    project_dirs().map(|dirs| (dirs.config_dir().join("config.toml"), false))
}

pub fn data_dir(options: &Options) -> Option<PathBuf> {
    options
        .data_dir
        .clone()
        .or_else(|| {
            std::env::var_os("BRIEF_DATA_DIR")
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| project_dirs().map(|dirs| dirs.data_dir().to_path_buf()))
}

impl Config {
    /// Where `brief fetch` puts each feed's folder: `feeds_dir`, else `feeds` in the data dir.
    pub fn feeds_dir(&self, options: &Options) -> Option<PathBuf> {
        match &self.feeds_dir {
            Some(dir) => Some(home(dir)),
            None => data_dir(options).map(|d| d.join("feeds")),
        }
    }
}

/// `~` or `~/...` in a configured path is the home folder, as a shell would read it.
fn home(path: &Path) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    match path.strip_prefix("~") {
        Ok(rest) => home().map_or_else(|| path.to_path_buf(), |h| h.join(rest)),
        Err(_) => path.to_path_buf(),
    }
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "brief")
}

/// The configuration in force: defaults with `--no-config`, else the file's.
pub fn load(options: &Options) -> Result<Config, ConfigError> {
    if options.no_config {
        return Ok(Config::default());
    }
    match config_path(options) {
        Some((path, named)) => load_file(&path, named),
        None => Ok(Config::default()),
    }
}

/// A configuration or lexicon file is small: reading stops past this (`--config /dev/zero`
/// would otherwise be read until memory ran out).
const MAX_CONFIG: u64 = 4 << 20;

/// The file's text, refused past [`MAX_CONFIG`] bytes.
fn read_small(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_CONFIG + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_CONFIG {
        return Err(std::io::Error::other(
            "is larger than 4 MB: not a configuration file",
        ));
    }
    String::from_utf8(bytes).map_err(|_| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        )
    })
}

fn load_file(path: &Path, must_exist: bool) -> Result<Config, ConfigError> {
    if path.is_dir() {
        return Err(ConfigError::Unreadable {
            path: path.to_path_buf(),
            why: "is a folder: --config takes the configuration file (config.toml)".into(),
        });
    }
    let text = match read_small(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !must_exist => {
            return Ok(Config::default());
        }
        Err(e) => {
            return Err(ConfigError::Unreadable {
                path: path.to_path_buf(),
                why: crate::io_reason(&e),
            });
        }
    };
    let mut config = parse(&text).map_err(|(line, why)| ConfigError::Invalid {
        path: path.to_path_buf(),
        line,
        why,
    })?;
    config.export.dir = config.export.dir.map(|d| home(&d));
    let base = path.parent().unwrap_or(Path::new("."));
    config.lexicon.merge_files(base)?;
    Ok(config)
}

/// Parses a configuration, or gives the line (from 1) and what is wrong there.
pub fn parse(text: &str) -> Result<Config, (usize, String)> {
    let config: Config =
        toml::from_str(text).map_err(|e| (error_line(text, &e), e.message().trim().to_string()))?;
    config
        .keymap()
        .map_err(|e| (key_line(text, &e.table, &e.action), e.why))?;
    config
        .layout
        .sizes()
        .map_err(|(key, why)| (key_line(text, "layout", key), why))?;
    for (role, colour) in &config.theme {
        Palette::new([(role.as_str(), colour.as_str())], Depth::Full)
            .map_err(|why| (key_line(text, "theme", role), why))?;
    }
    Ok(config)
}

/// The line (from 1) a TOML error points at.
fn error_line(text: &str, e: &toml::de::Error) -> usize {
    e.span().map_or(1, |s| {
        text[..s.start.min(text.len())].matches('\n').count() + 1
    })
}

/// The line of `key = ...` in the `[table]` ("" for the top level; 1 when it cannot be
/// found).
fn key_line(text: &str, table: &str, key: &str) -> usize {
    let header = format!("[{table}]");
    let mut inside = table.is_empty();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = line == header;
        } else if inside
            && line
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            return n + 1;
        }
    }
    1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_file_is_valid_and_is_the_defaults() {
        let example = parse(include_str!("../config.example.toml")).unwrap();
        assert_eq!(example.keymap().unwrap(), Keymap::default());
        for action in Keymap::default().actions() {
            assert!(
                example.keys.contains_key(action.name()),
                "{} is not in the example",
                action.name()
            );
        }
        assert_eq!(example.palette(Depth::Full).unwrap(), Palette::default());
        assert!(!example.mouse);
        assert_eq!(example.layout, LayoutConfig::default());
        let defaults = Config::default();
        assert_eq!(
            (&example.reviewer, &example.lexicon),
            (&defaults.reviewer, &defaults.lexicon)
        );
    }

    #[test]
    fn a_tilde_is_the_home_folder() {
        let home = directories::BaseDirs::new()
            .unwrap()
            .home_dir()
            .to_path_buf();
        assert_eq!(super::home(Path::new("~/exports")), home.join("exports"));
        assert_eq!(super::home(Path::new("~")), home);
        for kept in ["/tmp/~x", "~other/x", "rel/~"] {
            assert_eq!(super::home(Path::new(kept)), PathBuf::from(kept));
        }
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        assert_eq!(parse("").unwrap(), Config::default());
    }

    #[test]
    fn export_format_and_folder() {
        let config = parse("[export]\nformat = \"csv\"\ndir = \"/tmp/out\"\n").unwrap();
        assert_eq!(config.export.format, crate::export::Format::Csv);
        assert_eq!(config.export.dir(), Some(PathBuf::from("/tmp/out")));
        let (line, why) = parse("[export]\nformat = \"pdf\"\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(why.contains("pdf"), "{why}");
    }

    #[test]
    fn reviewer_and_lexicon() {
        let config = parse("reviewer = \"J. Analyst\"\n[lexicon]\naliases = { DPRK = \"North Korea\" }\nhedges = [\"purportedly\"]\n").unwrap();
        assert_eq!(config.reviewer.as_deref(), Some("J. Analyst"));
        let lexicon = config.lexicon();
        assert_eq!(
            lexicon.aliases,
            vec![("DPRK".to_string(), "North Korea".to_string())]
        );
        assert_eq!(lexicon.hedges, vec!["purportedly".to_string()]);
    }

    #[test]
    fn key_bindings_are_checked_when_the_file_is_read() {
        let ok = parse("[keys]\nquit = [\"Q\"]\n").unwrap();
        assert_eq!(ok.keys["quit"], KeysEntry::Keys(vec!["Q".to_string()]));
        // a context's table is checked on its own, and named with its line
        assert!(parse("[keys.grade_picker]\ncancel = [\"q\"]\n").is_ok());
        let (line, why) =
            parse("[keys]\nquit = [\"q\"]\n\n[keys.note_editor]\nsave = [\"s\"]\n").unwrap_err();
        assert_eq!(line, 5, "{why}");
        assert!(why.contains("[keys.note_editor]"), "{why}");
        let (line, why) =
            parse("reviewer = \"x\"\n\n[keys]\nquit = [\"q\"]\nhelp = [\"q\"]\n").unwrap_err();
        assert_eq!(line, 5);
        assert!(why.contains("`q`"), "{why}");
        let (line, why) = parse("[keys]\nfly = [\"f\"]\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(why.contains("fly"), "{why}");
    }

    #[test]
    fn theme_colours_are_checked_when_the_file_is_read() {
        let ok = parse("mouse = true\n[theme]\nperson = \"#ff8800\"\ncue = \"yellow\"\n").unwrap();
        assert!(ok.mouse);
        assert!(ok.reader(Depth::Full).is_ok());
        let (line, why) = parse("[theme]\nperson = \"red\"\ncue = \"mauve-ish\"\n").unwrap_err();
        assert_eq!(line, 3);
        assert!(why.contains("mauve-ish"), "{why}");
    }

    #[test]
    fn pane_sizes_are_read_and_checked() {
        let ok = parse("[layout]\nside = 35\nwide = 120\n").unwrap();
        let sizes = ok.reader(Depth::Full).unwrap().sizes;
        assert_eq!((sizes.side, sizes.wide), (35, 120));
        let partial = parse("[layout]\nwide = 90\n").unwrap();
        assert_eq!(partial.layout.side, PaneSizes::default().side);
        let (line, why) = parse("mouse = true\n\n[layout]\nwide = 90\nside = 95\n").unwrap_err();
        assert_eq!(line, 5);
        assert!(why.contains("side") && why.contains("95"), "{why}");
        let (line, why) = parse("[layout]\nwide = 10\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(why.contains("wide"), "{why}");
        let (line, why) = parse("[layout]\nheight = 10\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(why.contains("height"), "{why}");
        let (line, _) = parse("[layout]\nside = \"wide\"\n").unwrap_err();
        assert_eq!(line, 2);
    }

    #[test]
    fn lexicon_files_are_merged_and_their_errors_name_them() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("team.toml"),
            "aliases = { \"Hermit Kingdom\" = \"North Korea\" }\nhedges = [\"conceivably\"]\n",
        )
        .unwrap();
        let config = dir.path().join("config.toml");
        std::fs::write(
            &config,
            "[lexicon]\ncues = [\"intimated\"]\nfiles = [\"team.toml\"]\n",
        )
        .unwrap();
        let lexicon = load_file(&config, true).unwrap().lexicon();
        assert_eq!(
            lexicon.aliases,
            vec![("Hermit Kingdom".into(), "North Korea".into())]
        );
        assert_eq!(lexicon.cues, vec!["intimated".to_string()]);
        assert_eq!(lexicon.hedges, vec!["conceivably".to_string()]);

        std::fs::write(dir.path().join("team.toml"), "aliases = 3\n").unwrap();
        let err = load_file(&config, true).unwrap_err().to_string();
        assert!(err.contains("team.toml: line 1"), "{err}");
        std::fs::remove_file(dir.path().join("team.toml")).unwrap();
        let err = load_file(&config, true).unwrap_err().to_string();
        assert!(
            err.contains("team.toml") && err.contains("no such file"),
            "{err}"
        );
    }

    #[test]
    fn errors_name_the_line_and_the_key() {
        let (line, why) = parse("reviewer = \"x\"\n\ncolour = 3\n").unwrap_err();
        assert_eq!(line, 3);
        assert!(why.contains("colour"), "{why}");
        let (line, _) = parse("reviewer = 3\n").unwrap_err();
        assert_eq!(line, 1);
    }
}
