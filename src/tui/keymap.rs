//! Key bindings as data: each action with the keys that trigger it, by the contract's key
//! names ("q", "ctrl-d", "pagedown", "backtab"), in one table for the reader and the
//! library, and a table of its own for each context that takes the keys while it is open
//! (the grade picker, the note editor, the merge picker, the notes list, the prompts). The
//! help overlay, the hints and the status bar are generated from these tables, so they
//! always show the live bindings.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use strum::{EnumMessage, EnumString, IntoStaticStr};

use super::action::Action;

/// One key with its modifiers. Shift is folded into the character ("G", not "shift-g").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub fn from_event(event: KeyEvent) -> Key {
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Parses a contract key name; `None` for a name that is not one.
    pub fn parse(name: &str) -> Option<Key> {
        let (mut ctrl, mut alt, mut rest) = (false, false, name);
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
                (ctrl, rest) = (true, r);
            } else if let Some(r) = rest.strip_prefix("alt-").filter(|r| !r.is_empty()) {
                (alt, rest) = (true, r);
            } else {
                break;
            }
        }
        let code = match rest {
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "delete" => KeyCode::Delete,
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(c),
                    _ => KeyCode::F(
                        rest.strip_prefix('f')?
                            .parse()
                            .ok()
                            .filter(|n| (1..=12).contains(n))?,
                    ),
                }
            }
        };
        Some(Key { code, ctrl, alt })
    }

    /// The contract name of the key, as the help shows it.
    pub fn name(self) -> String {
        let base = match self.code {
            KeyCode::Tab => "tab".to_string(),
            KeyCode::BackTab => "backtab".into(),
            KeyCode::Enter => "enter".into(),
            KeyCode::Esc => "esc".into(),
            KeyCode::Char(' ') => "space".into(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Backspace => "backspace".into(),
            KeyCode::Up => "up".into(),
            KeyCode::Down => "down".into(),
            KeyCode::Left => "left".into(),
            KeyCode::Right => "right".into(),
            KeyCode::Home => "home".into(),
            KeyCode::End => "end".into(),
            KeyCode::PageUp => "pageup".into(),
            KeyCode::PageDown => "pagedown".into(),
            KeyCode::Delete => "delete".into(),
            KeyCode::F(n) => format!("f{n}"),
            _ => "?".into(),
        };
        let ctrl = if self.ctrl { "ctrl-" } else { "" };
        let alt = if self.alt { "alt-" } else { "" };
        format!("{ctrl}{alt}{base}")
    }

    /// A character typed as text: no ctrl or alt with it.
    pub fn is_text(self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && !self.ctrl && !self.alt
    }
}

/// Where the keys mean something of their own while it is open. Each takes every key:
/// none lets the reader's keys through, so its keys are checked against its own only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, IntoStaticStr, EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Context {
    /// The grade picker: a reliability letter A-F, then a credibility digit 1-6.
    GradePicker,
    /// The note editor.
    NoteEditor,
    /// A picker (an actor to merge into, a claim's source, a kind): characters typed find
    /// an entry. Its table keeps the name it had when merging was its only use.
    MergePicker,
    /// The notes list (`R`).
    NotesList,
    /// A line being typed: the article's search, the library's filter and search.
    Prompt,
}

impl Context {
    pub const ALL: [Context; 5] = [
        Context::GradePicker,
        Context::NoteEditor,
        Context::MergePicker,
        Context::NotesList,
        Context::Prompt,
    ];

    /// Its name, as its table is named in the configuration (`[keys.grade]`).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// What the help calls it.
    pub fn describe(self) -> &'static str {
        match self {
            Context::GradePicker => "in the grade picker",
            Context::NoteEditor => "in the note editor",
            Context::MergePicker => "in a picker (type to find)",
            Context::NotesList => "in the notes list",
            Context::Prompt => "while typing a search or filter",
        }
    }

    /// A character typed there that nothing is bound to is text: it finds an entry in a
    /// picker, so the defaults a picker takes from the reader's actions leave characters
    /// out (`j` moves in the reader and is typed in a picker). A character the
    /// configuration binds in a picker is a command there.
    fn finds(self, key: Key) -> bool {
        self.keeps(key) || (self == Context::MergePicker && key.is_text())
    }

    /// Characters typed there are text (or, in the grade picker, the grade), so a plain
    /// character cannot be bound there.
    fn keeps(self, key: Key) -> bool {
        match self {
            Context::NoteEditor | Context::Prompt => key.is_text(),
            Context::GradePicker => matches!(
                key.code,
                KeyCode::Char(c) if !key.ctrl && !key.alt
                    && (c.is_ascii_digit() || ('a'..='f').contains(&c.to_ascii_lowercase()))
            ),
            Context::MergePicker | Context::NotesList => false,
        }
    }
}

/// What a key does in a context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, IntoStaticStr, EnumString, EnumMessage)]
#[strum(serialize_all = "snake_case")]
pub enum Command {
    #[strum(message = "cancel")]
    Cancel,
    #[strum(message = "close")]
    Close,
    #[strum(message = "clear the grade")]
    ClearGrade,
    #[strum(message = "back to the letter")]
    Back,
    #[strum(message = "save")]
    Save,
    #[strum(message = "new line")]
    Newline,
    #[strum(message = "cursor left")]
    Left,
    #[strum(message = "cursor right")]
    Right,
    #[strum(message = "up")]
    Up,
    #[strum(message = "down")]
    Down,
    #[strum(message = "start of the row")]
    Home,
    #[strum(message = "end of the row")]
    End,
    #[strum(message = "delete back")]
    Erase,
    #[strum(message = "delete forward")]
    Delete,
    #[strum(message = "choose")]
    Choose,
    #[strum(message = "go to the passage")]
    GoTo,
    #[strum(message = "edit")]
    Edit,
    #[strum(message = "delete the note")]
    Remove,
    #[strum(message = "yes, delete it")]
    Confirm,
    #[strum(message = "keep")]
    Keep,
    #[strum(message = "its tags")]
    Tags,
}

impl Command {
    /// Its name, as written in its context's table.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// A few words for the help and the hints.
    pub fn describe(self) -> &'static str {
        self.get_message().unwrap_or_default()
    }
}

/// A context command's default keys: its own, or those of one of the reader's actions (so
/// that rebinding `down` in `[keys]` moves the pickers too, unless their table says else).
enum Bound {
    Keys(&'static [&'static str]),
    As(Action),
}

/// Each context's commands, in the order the help lists them, with their default keys.
const CONTEXTS: &[(Context, &[(Command, Bound)])] = {
    use Bound::{As, Keys};
    use Command::*;
    &[
        (
            Context::GradePicker,
            &[
                (Cancel, As(Action::Back)),
                (ClearGrade, Keys(&["-"])),
                (Back, Keys(&["backspace"])),
            ],
        ),
        (
            Context::NoteEditor,
            &[
                (Save, Keys(&["ctrl-s"])),
                (Cancel, Keys(&["esc"])),
                (Newline, Keys(&["enter"])),
                (Left, Keys(&["left"])),
                (Right, Keys(&["right"])),
                (Up, Keys(&["up"])),
                (Down, Keys(&["down"])),
                (Home, Keys(&["home"])),
                (End, Keys(&["end"])),
                (Erase, Keys(&["backspace"])),
                (Delete, Keys(&["delete"])),
            ],
        ),
        (
            Context::MergePicker,
            &[
                (Down, As(Action::Down)),
                (Up, As(Action::Up)),
                (Choose, As(Action::Open)),
                (Cancel, As(Action::Back)),
                (Erase, Keys(&["backspace"])),
            ],
        ),
        (
            Context::NotesList,
            &[
                (Down, As(Action::Down)),
                (Up, As(Action::Up)),
                (GoTo, As(Action::Open)),
                (Edit, As(Action::Note)),
                (Tags, As(Action::Tags)),
                (Remove, Keys(&["d", "delete"])),
                (Confirm, Keys(&["y"])),
                (Close, As(Action::Back)),
            ],
        ),
        (
            Context::Prompt,
            &[
                (Keep, Keys(&["enter"])),
                (Cancel, Keys(&["esc"])),
                (Erase, Keys(&["backspace"])),
            ],
        ),
    ]
};

/// A context's commands, each with its keys.
type Table = Vec<(Command, Vec<Key>)>;

/// Actions in the order the help lists them, each with its keys; then each context's
/// commands with theirs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Action, Vec<Key>)>,
    contexts: Vec<(Context, Table)>,
}

/// The default bindings, by key name.
const DEFAULTS: &[(Action, &[&str])] = {
    use Action::*;
    &[
        (Quit, &["q", "ctrl-c"]),
        (Help, &["?"]),
        (Back, &["esc"]),
        (NextPane, &["tab"]),
        (PrevPane, &["backtab"]),
        (FocusArticle, &["1"]),
        (FocusClaims, &["2"]),
        (FocusActors, &["3"]),
        (FocusTimeline, &["4"]),
        (Down, &["j", "down"]),
        (Up, &["k", "up"]),
        (Top, &["g", "home"]),
        (Bottom, &["G", "end"]),
        (HalfPageDown, &["ctrl-d"]),
        (HalfPageUp, &["ctrl-u"]),
        (PageDown, &["pagedown", "ctrl-f"]),
        (PageUp, &["pageup", "ctrl-b"]),
        (Open, &["enter"]),
        (Search, &["/"]),
        (NextMatch, &["n"]),
        (PrevMatch, &["N"]),
        (NextClaim, &["]"]),
        (PrevClaim, &["["]),
        (ToggleMouse, &["m"]),
        (OpenLibrary, &["b"]),
        (SearchLibrary, &["S"]),
        (Sort, &["o"]),
        (Rescan, &["r"]),
        (NextUnread, &["J"]),
        (ToggleRead, &["t"]),
        (LibraryActors, &["L"]),
        (LibraryTimeline, &["H"]),
        (LibraryClaims, &["V"]),
        (LibrarySources, &["I"]),
        (MarkSupported, &["s"]),
        (MarkDisputed, &["d"]),
        (MarkUnverified, &["u"]),
        (MarkRejected, &["X"]),
        (ClearStatus, &["x"]),
        (Grade, &["a"]),
        (Note, &["c"]),
        (Filter, &["f"]),
        (Undo, &["U"]),
        (Export, &["E"]),
        (NoteInEditor, &["C"]),
        (Copy, &["y"]),
        (Select, &["v"]),
        (SelectNextWord, &["w", "right"]),
        (SelectPreviousWord, &["B", "left"]),
        (SelectOtherEnd, &["O"]),
        (AddClaim, &["+"]),
        (MergeActor, &["M"]),
        (SetKind, &["K"]),
        (SetSource, &["W"]),
        (RenameActor, &["A"]),
        (RemoveActor, &["D"]),
        (SetDate, &["T"]),
        (AddEvent, &["e"]),
        (ClaimPart, &["="]),
        (SplitActor, &["|"]),
        (NextUnreviewed, &["}"]),
        (PrevUnreviewed, &["{"]),
        (SetPublished, &["P"]),
        (ClaimDetail, &["i"]),
        (OtherBriefings, &["F"]),
        (Tags, &["#"]),
        (Notes, &["R"]),
    ]
};

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .map(|(action, names)| (*action, parse_all(names)))
            .collect();
        let mut keymap = Keymap {
            bindings,
            contexts: Vec::new(),
        };
        keymap.contexts = keymap.context_defaults();
        keymap
    }
}

fn parse_all(names: &[&str]) -> Vec<Key> {
    names.iter().filter_map(|n| Key::parse(n)).collect()
}

/// Why a `[keys]` table cannot be used: `table` is the table at fault ("keys",
/// "keys.grade"), `action` its entry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{why}")]
pub struct KeymapError {
    pub table: String,
    pub action: String,
    pub why: String,
}

impl Keymap {
    /// The defaults with the configuration's `[keys]` over them: each entry is a context
    /// (none: the reader's own table), a name in it and its keys. A name given there has
    /// exactly the keys given (an empty list unbinds it). An unknown context or name, a key
    /// name that is not one, a key left bound to two names of one table, or a plain
    /// character in a context where characters are typed, is an error.
    pub fn with_overrides<'a>(
        overrides: impl IntoIterator<Item = (Option<&'a str>, &'a str, &'a [String])>,
    ) -> Result<Keymap, KeymapError> {
        let mut keymap = Keymap::default();
        let overrides: Vec<_> = overrides.into_iter().collect();
        let table = |context: Option<&str>| match context {
            Some(c) => format!("keys.{c}"),
            None => "keys".to_string(),
        };
        let parse = |context: Option<&str>, name: &str, keys: &[String]| {
            keys.iter()
                .map(|k| {
                    Key::parse(k).ok_or_else(|| KeymapError {
                        table: table(context),
                        action: name.to_string(),
                        why: format!(
                            "`{k}` is not a key name (for `{name}` in [{}])",
                            table(context)
                        ),
                    })
                })
                .collect::<Result<Vec<Key>, _>>()
        };
        // the reader's table first: a context's keys may default to an action's
        for &(context, name, keys) in overrides.iter().filter(|(c, _, _)| c.is_none()) {
            let action = Action::from_name(name)
                .filter(|a| keymap.actions().any(|b| b == *a))
                .ok_or_else(|| KeymapError {
                    table: table(context),
                    action: name.to_string(),
                    why: format!("unknown action `{name}` in [keys]"),
                })?;
            let keys = parse(context, name, keys)?;
            if let Some(entry) = keymap.bindings.iter_mut().find(|(a, _)| *a == action) {
                entry.1 = keys;
            }
        }
        keymap.contexts = keymap.context_defaults();
        for &(context, name, keys) in &overrides {
            let Some(context) = context else {
                continue;
            };
            let unknown = |why: String| KeymapError {
                table: table(Some(context)),
                action: name.to_string(),
                why,
            };
            let entry = keymap
                .contexts
                .iter_mut()
                .find(|(c, _)| c.name() == context)
                .ok_or_else(|| {
                    let known: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
                    unknown(format!(
                        "unknown table [keys.{context}]: the contexts are {}",
                        known.join(", ")
                    ))
                })?;
            let keys = parse(Some(context), name, keys)?;
            let command = entry
                .1
                .iter_mut()
                .find(|(c, _)| c.name() == name)
                .ok_or_else(|| unknown(format!("unknown name `{name}` in [keys.{context}]")))?;
            command.1 = keys;
        }
        keymap.check(&overrides)?;
        Ok(keymap)
    }

    /// Each context's table, its defaults taken from the reader's table as it now is.
    fn context_defaults(&self) -> Vec<(Context, Table)> {
        CONTEXTS
            .iter()
            .map(|(context, commands)| {
                let table = commands
                    .iter()
                    .map(|(command, default)| {
                        let keys = match default {
                            Bound::Keys(names) => parse_all(names),
                            // less the characters the context takes as text (`j` in a picker)
                            Bound::As(action) => self
                                .keys_of(*action)
                                .iter()
                                .filter(|k| !context.finds(**k))
                                .copied()
                                .collect(),
                        };
                        (*command, keys)
                    })
                    .collect();
                (*context, table)
            })
            .collect()
    }

    /// No key bound twice in one table, and none that a context takes as text. A clash is
    /// reported on the binding the configuration `given` made, the line to change.
    fn check(&self, given: &[(Option<&str>, &str, &[String])]) -> Result<(), KeymapError> {
        let tables = std::iter::once((
            None,
            self.bindings
                .iter()
                .map(|(a, keys)| (a.name(), keys))
                .collect::<Vec<_>>(),
        ))
        .chain(self.contexts.iter().map(|(context, commands)| {
            let entries = commands.iter().map(|(c, keys)| (c.name(), keys)).collect();
            (Some(*context), entries)
        }));
        for (context, entries) in tables {
            let table = context.map_or("keys".to_string(), |c| format!("keys.{}", c.name()));
            let mut seen: Vec<(Key, &str)> = Vec::new();
            for (name, keys) in entries {
                for key in keys {
                    let error = |why: String| KeymapError {
                        table: table.clone(),
                        action: name.to_string(),
                        why,
                    };
                    if let Some(context) = context.filter(|c| c.keeps(*key)) {
                        return Err(error(format!(
                            "key `{}` cannot be bound to `{name}` in [{table}]: {} it is typed \
                             as it is",
                            key.name(),
                            context.describe()
                        )));
                    }
                    if let Some((_, first)) = seen.iter().find(|(k, _)| k == key) {
                        let configured = |n: &str| {
                            given
                                .iter()
                                .any(|(c, g, _)| *c == context.map(Context::name) && *g == n)
                        };
                        let at = if configured(first) && !configured(name) {
                            *first
                        } else {
                            name
                        };
                        return Err(KeymapError {
                            table: table.clone(),
                            action: at.to_string(),
                            why: format!(
                                "key `{}` is bound to both `{first}` and `{name}` in [{table}]: \
                                 give one of them other keys there (`[]` unbinds it)",
                                key.name(),
                            ),
                        });
                    }
                    seen.push((*key, name));
                }
            }
        }
        Ok(())
    }

    pub fn action(&self, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(_, keys)| keys.contains(&key))
            .map(|(action, _)| *action)
    }

    pub fn actions(&self) -> impl Iterator<Item = Action> + '_ {
        self.bindings.iter().map(|(action, _)| *action)
    }

    fn keys_of(&self, action: Action) -> &[Key] {
        self.bindings
            .iter()
            .find(|(a, _)| *a == action)
            .map_or(&[], |(_, keys)| keys.as_slice())
    }

    /// The keys of an action as the help shows them ("j/down"); empty when unbound.
    pub fn keys(&self, action: Action) -> String {
        names(self.keys_of(action))
    }

    /// The first key of an action, for the compact status bar.
    pub fn first_key(&self, action: Action) -> Option<String> {
        self.keys_of(action).first().map(|k| k.name())
    }

    fn table(&self, context: Context) -> &[(Command, Vec<Key>)] {
        self.contexts
            .iter()
            .find(|(c, _)| *c == context)
            .map_or(&[], |(_, table)| table.as_slice())
    }

    /// What a key does in a context, if anything.
    pub fn command(&self, context: Context, key: Key) -> Option<Command> {
        self.table(context)
            .iter()
            .find(|(_, keys)| keys.contains(&key))
            .map(|(command, _)| *command)
    }

    /// A context's commands and their keys, as the help shows them.
    pub fn commands(&self, context: Context) -> impl Iterator<Item = (Command, String)> + '_ {
        self.table(context)
            .iter()
            .map(|(command, keys)| (*command, names(keys)))
    }

    /// The first key of a context's command, for a hint; "?" when it has none.
    pub fn context_key(&self, context: Context, command: Command) -> String {
        self.table(context)
            .iter()
            .find(|(c, _)| *c == command)
            .and_then(|(_, keys)| keys.first())
            .map_or_else(|| "?".to_string(), |k| k.name())
    }
}

/// Keys as the help shows them: "j/down".
fn names(keys: &[Key]) -> String {
    keys.iter().map(|k| k.name()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_round_trip() {
        for name in [
            "q", "G", "?", "]", "tab", "backtab", "ctrl-d", "alt-x", "f5", "space",
        ] {
            assert_eq!(Key::parse(name).map(Key::name).as_deref(), Some(name));
        }
        for bad in ["", "f13", "ctrl-", "shift-q", "qq"] {
            assert_eq!(Key::parse(bad), None, "{bad}");
        }
    }

    fn overrides(pairs: &[(&str, &[&str])]) -> Result<Keymap, KeymapError> {
        let owned: Vec<(String, Vec<String>)> = pairs
            .iter()
            .map(|(a, keys)| (a.to_string(), keys.iter().map(|k| k.to_string()).collect()))
            .collect();
        Keymap::with_overrides(owned.iter().map(|(a, k)| (None, a.as_str(), k.as_slice())))
    }

    #[test]
    fn a_rebound_key_works_and_the_old_one_no_longer_does() {
        let keymap = overrides(&[("quit", &["Q"]), ("down", &["ctrl-n"])]).unwrap();
        let key = |name| Key::parse(name).unwrap();
        assert_eq!(keymap.action(key("Q")), Some(Action::Quit));
        assert_eq!(keymap.action(key("q")), None);
        assert_eq!(keymap.action(key("ctrl-n")), Some(Action::Down));
        assert_eq!(keymap.action(key("j")), None);
        assert_eq!(
            keymap.action(key("?")),
            Some(Action::Help),
            "others keep their defaults"
        );
        assert_eq!(keymap.keys(Action::Quit), "Q");
    }

    #[test]
    fn bad_tables_name_the_action_at_fault() {
        let err = overrides(&[("leave", &["x"])]).unwrap_err();
        assert_eq!(err.action, "leave");
        let err = overrides(&[("quit", &["ctrl-"])]).unwrap_err();
        assert_eq!(err.action, "quit");
        // "j" is still bound to `down`
        let err = overrides(&[("help", &["j"])]).unwrap_err();
        assert!(
            err.why.contains("`j`") && err.why.contains("help"),
            "{}",
            err.why
        );
    }

    #[test]
    fn every_default_key_is_valid_and_bound_once() {
        let keymap = Keymap::default();
        let mut seen = std::collections::HashSet::new();
        for (action, names) in DEFAULTS {
            for name in *names {
                let key = Key::parse(name).expect(name);
                assert!(seen.insert(key), "{name} bound twice");
                assert_eq!(keymap.action(key), Some(*action));
            }
        }
    }

    fn with_contexts(entries: &[(Option<&str>, &str, &[&str])]) -> Result<Keymap, KeymapError> {
        let owned: Vec<(Option<&str>, &str, Vec<String>)> = entries
            .iter()
            .map(|(c, n, keys)| (*c, *n, keys.iter().map(|k| k.to_string()).collect()))
            .collect();
        Keymap::with_overrides(owned.iter().map(|(c, n, k)| (*c, *n, k.as_slice())))
    }

    #[test]
    fn each_context_has_its_own_table_rebound_on_its_own() {
        let key = |name| Key::parse(name).unwrap();
        let keymap = Keymap::default();
        assert_eq!(
            keymap.command(Context::GradePicker, key("esc")),
            Some(Command::Cancel)
        );
        assert_eq!(
            keymap.command(Context::NotesList, key("d")),
            Some(Command::Remove),
            "d disputes in the reader, deletes in the notes list"
        );
        assert_eq!(keymap.action(key("d")), Some(Action::MarkDisputed));
        let keymap = with_contexts(&[
            (Some("grade_picker"), "cancel", &["ctrl-g"]),
            (Some("note_editor"), "save", &["ctrl-w"]),
            (Some("prompt"), "keep", &["tab"]),
            (None, "down", &["ctrl-n"]),
        ])
        .unwrap();
        assert_eq!(
            keymap.command(Context::GradePicker, key("ctrl-g")),
            Some(Command::Cancel)
        );
        assert_eq!(keymap.command(Context::GradePicker, key("esc")), None);
        assert_eq!(
            keymap.command(Context::NoteEditor, key("ctrl-w")),
            Some(Command::Save)
        );
        assert_eq!(
            keymap.command(Context::Prompt, key("tab")),
            Some(Command::Keep)
        );
        // the pickers move with the reader's `down` unless their own table says else
        assert_eq!(
            keymap.command(Context::MergePicker, key("ctrl-n")),
            Some(Command::Down)
        );
        assert_eq!(
            keymap.context_key(Context::NotesList, Command::Down),
            "ctrl-n"
        );
        let notes: Vec<(Command, String)> = keymap.commands(Context::NotesList).collect();
        assert_eq!(notes[0], (Command::Down, "ctrl-n".to_string()));
    }

    #[test]
    fn a_context_is_checked_within_itself_and_keeps_typed_text() {
        // the same key in two tables is no clash
        assert!(with_contexts(&[(Some("merge_picker"), "cancel", &["q"])]).is_ok());
        let err = with_contexts(&[(Some("notes_list"), "close", &["y"])]).unwrap_err();
        assert_eq!(
            (err.table.as_str(), err.action.as_str()),
            ("keys.notes_list", "close")
        );
        assert!(err.why.contains("`confirm`"), "{}", err.why);
        let err = with_contexts(&[(Some("note_editor"), "save", &["s"])]).unwrap_err();
        assert!(err.why.contains("typed"), "{}", err.why);
        assert!(with_contexts(&[(Some("prompt"), "cancel", &["x"])]).is_err());
        assert!(
            with_contexts(&[(Some("grade_picker"), "clear_grade", &["b"])]).is_err(),
            "b is a reliability"
        );
        assert!(with_contexts(&[(Some("grade_picker"), "clear_grade", &["x"])]).is_ok());
        let err = with_contexts(&[(Some("grades"), "cancel", &["q"])]).unwrap_err();
        assert!(
            err.why.contains("unknown table [keys.grades]"),
            "{}",
            err.why
        );
        let err = with_contexts(&[(Some("grade_picker"), "save", &["q"])]).unwrap_err();
        assert!(err.why.contains("unknown name `save`"), "{}", err.why);
    }
}
