//! The overlays of the review, as state: the grade picker, the note editor (on a claim or a
//! passage), the notes list and the actor merge picker. While one is open it takes the
//! keys; `tui/overlay.rs` draws them.

use crossterm::event::{KeyCode, KeyEvent};
use jiff::Timestamp;

use super::Reader;
use crate::document::Span;
use crate::review::{Grade, Quote};
use crate::tui::action::Action;
use crate::tui::keymap::{Key, Keymap};
use crate::tui::textarea::{Edit, TextArea};

/// An overlay that takes the keys while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The grade picker on claim `claim`: the reliability letter once it is chosen.
    Grade {
        claim: usize,
        reliability: Option<char>,
    },
    /// The note editor; `discard` after an Esc on changed text, which the next Esc throws
    /// away (any other key goes on editing).
    Note {
        on: NoteOn,
        text: TextArea,
        discard: bool,
    },
    /// The free notes and orphaned items; `confirm` while it asks before deleting a note.
    Notes { selected: usize, confirm: bool },
    /// The actor picker: actor `from` goes into the one selected (by position in `into`).
    Merge {
        from: usize,
        into: Vec<usize>,
        selected: usize,
    },
}

/// What a note is written on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteOn {
    Claim(usize),
    /// A passage of the article (bytes): a free note.
    Passage(Span),
    /// A free note already kept, by its quote, opened from entry `.1` of the Notes list
    /// (which comes back when the editor closes).
    Listed(Quote, usize),
}

impl Overlay {
    /// The note editor on `on`, opened with `text`.
    pub fn note(on: NoteOn, text: TextArea) -> Overlay {
        Overlay::Note {
            on,
            text,
            discard: false,
        }
    }
}

impl Reader {
    /// Keys while an overlay is open; `true` when the overlay took the key.
    pub fn overlay_key(&mut self, event: KeyEvent, keys: &Keymap) -> bool {
        let Some(overlay) = self.overlay.take() else {
            return false;
        };
        let key = Key::from_event(event);
        let now = Timestamp::now();
        match overlay {
            Overlay::Grade { claim, reliability } => match (key.code, reliability) {
                (KeyCode::Esc, _) => {}
                (KeyCode::Backspace, Some(_)) => {
                    self.overlay = Some(Overlay::Grade {
                        claim,
                        reliability: None,
                    });
                }
                (KeyCode::Char(c), None) if ('A'..='F').contains(&c.to_ascii_uppercase()) => {
                    self.overlay = Some(Overlay::Grade {
                        claim,
                        reliability: Some(c.to_ascii_uppercase()),
                    });
                }
                (KeyCode::Char(c), Some(r)) if ('1'..='6').contains(&c) => {
                    let grade = Grade::new(r, c as u8 - b'0').ok();
                    self.set_grade(claim, grade, now);
                }
                (KeyCode::Char('-'), None) => self.set_grade(claim, None, now),
                _ => self.overlay = Some(Overlay::Grade { claim, reliability }),
            },
            Overlay::Notes { selected, confirm } => {
                self.notes_key(key, selected, confirm, keys);
            }
            Overlay::Merge {
                from,
                into,
                mut selected,
            } => {
                match keys.action(key) {
                    Some(Action::Back) => return true,
                    Some(Action::Open) => {
                        if let Some(&to) = into.get(selected) {
                            self.merge(from, to);
                        }
                        return true;
                    }
                    Some(Action::Down) => selected = (selected + 1).min(into.len() - 1),
                    Some(Action::Up) => selected = selected.saturating_sub(1),
                    _ => {}
                }
                self.overlay = Some(Overlay::Merge {
                    from,
                    into,
                    selected,
                });
            }
            Overlay::Note {
                on,
                text,
                discard: false,
            } if key.code == KeyCode::Esc && text.changed() => {
                self.overlay = Some(Overlay::Note {
                    on,
                    text,
                    discard: true,
                });
            }
            Overlay::Note { on, mut text, .. } => {
                let edit = match key.code {
                    KeyCode::Esc => {
                        if let NoteOn::Listed(quote, at) = on {
                            self.listed_note_edited(&quote, None, at);
                        }
                        let what = if text.changed() {
                            "changes discarded"
                        } else {
                            "note not changed"
                        };
                        self.message = Some(what.into());
                        return true;
                    }
                    KeyCode::Char('s') if key.ctrl => {
                        match on {
                            NoteOn::Claim(claim) => self.set_note(claim, text.text(), now),
                            NoteOn::Passage(span) => self.add_note(span, text.text()),
                            NoteOn::Listed(quote, at) => {
                                self.listed_note_edited(&quote, Some(text.text()), at);
                            }
                        }
                        return true;
                    }
                    KeyCode::Char(c) if !key.ctrl => Some(Edit::Insert(c)),
                    KeyCode::Enter => Some(Edit::Newline),
                    KeyCode::Backspace => Some(Edit::Backspace),
                    KeyCode::Delete => Some(Edit::Delete),
                    KeyCode::Left => Some(Edit::Left),
                    KeyCode::Right => Some(Edit::Right),
                    KeyCode::Up => Some(Edit::Up),
                    KeyCode::Down => Some(Edit::Down),
                    KeyCode::Home => Some(Edit::Home),
                    KeyCode::End => Some(Edit::End),
                    _ => None,
                };
                if let Some(edit) = edit {
                    text.edit(edit);
                }
                self.overlay = Some(Overlay::note(on, text));
            }
        }
        true
    }
}
