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

impl Keymap {
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
