//! Key bindings as data: each action with the keys that trigger it, by the contract's key
//! names ("q", "ctrl-d", "pagedown", "backtab"). The help overlay and the status bar are
//! generated from this table, so they always show the live bindings.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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
            KeyCode::F(n) => format!("f{n}"),
            _ => "?".into(),
        };
        let ctrl = if self.ctrl { "ctrl-" } else { "" };
        let alt = if self.alt { "alt-" } else { "" };
        format!("{ctrl}{alt}{base}")
    }
}

/// Actions in the order the help lists them, each with its keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Action, Vec<Key>)>,
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
        (Notes, &["R"]),
    ]
};

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .map(|(action, names)| {
                let keys = names.iter().filter_map(|n| Key::parse(n)).collect();
                (*action, keys)
            })
            .collect();
        Keymap { bindings }
    }
}

/// Why a `[keys]` table cannot be used; `action` is the entry at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{why}")]
pub struct KeymapError {
    pub action: String,
    pub why: String,
}

impl Keymap {
    /// The defaults with the configuration's `[keys]` over them: an action named there has
    /// exactly the keys given (an empty list unbinds it). An unknown action, a key name that
    /// is not one, or a key left bound to two actions is an error.
    pub fn with_overrides<'a>(
        overrides: impl IntoIterator<Item = (&'a str, &'a [String])>,
    ) -> Result<Keymap, KeymapError> {
        let mut keymap = Keymap::default();
        // the actions [keys] names: a clash is reported on one of their lines
        let mut named: Vec<Action> = Vec::new();
        for (name, keys) in overrides {
            let error = |why: String| KeymapError {
                action: name.to_string(),
                why,
            };
            let action = keymap
                .actions()
                .find(|a| a.name() == name)
                .ok_or_else(|| error(format!("unknown action `{name}` in [keys]")))?;
            let keys = keys
                .iter()
                .map(|k| {
                    Key::parse(k)
                        .ok_or_else(|| error(format!("`{k}` is not a key name (for `{name}`)")))
                })
                .collect::<Result<Vec<Key>, _>>()?;
            if let Some(entry) = keymap.bindings.iter_mut().find(|(a, _)| *a == action) {
                entry.1 = keys;
            }
            named.push(action);
        }
        let mut seen: Vec<(Key, Action)> = Vec::new();
        for (action, keys) in &keymap.bindings {
            for key in keys {
                if let Some((_, first)) = seen.iter().find(|(k, _)| k == key) {
                    // the binding the configuration made, not the default it ran into
                    let at_fault = if named.contains(action) || !named.contains(first) {
                        action
                    } else {
                        first
                    };
                    return Err(KeymapError {
                        action: at_fault.name().to_string(),
                        why: format!(
                            "key `{}` is bound to both `{}` and `{}` in [keys]: give one \
                             of them other keys there (`[]` unbinds an action)",
                            key.name(),
                            first.name(),
                            action.name()
                        ),
                    });
                }
                seen.push((*key, *action));
            }
        }
        Ok(keymap)
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

    /// The keys of an action as the help shows them ("j/down"); empty when unbound.
    pub fn keys(&self, action: Action) -> String {
        self.bindings
            .iter()
            .find(|(a, _)| *a == action)
            .map(|(_, keys)| keys.iter().map(|k| k.name()).collect::<Vec<_>>().join("/"))
            .unwrap_or_default()
    }

    /// The first key of an action, for the compact status bar.
    pub fn first_key(&self, action: Action) -> Option<String> {
        self.bindings
            .iter()
            .find(|(a, _)| *a == action)
            .and_then(|(_, keys)| keys.first())
            .map(|k| k.name())
    }
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
        Keymap::with_overrides(owned.iter().map(|(a, k)| (a.as_str(), k.as_slice())))
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
}
