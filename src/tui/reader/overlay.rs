//! The overlays of the review, as state: the grade picker, the note editor (on a claim or a
//! passage), the notes list, the pickers (an actor to merge into, a claim's source, a
//! kind) and the actor's new name. While one is open it takes the
//! keys; `tui/overlay.rs` draws them.

use crossterm::event::{KeyCode, KeyEvent};
use jiff::Timestamp;

use super::Reader;
#[cfg(test)]
mod complete_tests {
    use super::complete_tag;

    #[test]
    fn the_last_word_is_completed_from_the_tags_used() {
        let used = [
            "sanctions".to_string(),
            "sanctioned".into(),
            "missiles".into(),
        ];
        assert_eq!(complete_tag("mis", &used), "missiles ");
        assert_eq!(complete_tag("missiles sa", &used), "missiles sanction");
        assert_eq!(complete_tag("a,#mi", &used), "a,missiles ");
        assert_eq!(complete_tag("zz", &used), "zz");
        assert_eq!(complete_tag("", &used), "");
    }
}
use crate::analysis::{ActorKind, ClaimKind};
use crate::document::Span;
use crate::review::{Grade, Part, Quote};
use crate::tui::action::Action;
use crate::tui::keymap::{Command, Context, Key, Keymap};
use crate::tui::picker::Picker;
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
    /// A picker (type-to-find): `choices` are what its entries stand for, `on` what the
    /// one chosen does.
    Pick {
        on: Pick,
        choices: Vec<Choice>,
        picker: Picker,
    },
    /// Claim `claim` in full (`tui/detail.rs`), scrolled down by `scroll` rows.
    Detail { claim: usize, scroll: u16 },
    /// A line being typed: an actor's new name, the published date.
    Typing { on: Typed, text: String },
}

/// What a line typed in an overlay is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typed {
    /// Actor `.0`'s new name.
    ActorName(usize),
    /// The briefing's published date (one day in any form the time tagger reads; empty
    /// clears the review's).
    Published,
    /// Event `.0`'s date ("2024-11-22", "Nov 2024", "last Friday", "undated").
    EventDate(usize),
    /// Claim `.0`'s tags: words, Tab completing the last from the tags used before.
    Tags(usize),
    /// The tags of the free note of entry `.0` of the notes list, typed as a claim's; the
    /// list opens again after.
    NoteTags(usize),
}

impl Typed {
    /// Tags: Tab completes there.
    pub fn is_tags(self) -> bool {
        matches!(self, Typed::Tags(_) | Typed::NoteTags(_))
    }
}

/// What a picker is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// Actor `from` goes into the one chosen.
    Merge { from: usize },
    /// The source of claim `claim`.
    Source { claim: usize },
    /// The kind of claim `claim`.
    ClaimKind { claim: usize },
    /// The kind of actor `actor`.
    ActorKind { actor: usize },
    /// Which of actor `actor`'s aliases to split off.
    SplitAlias { actor: usize },
    /// Where the mentions of actor `actor` reading as the mention at `alias` go.
    SplitInto { actor: usize, alias: Span },
    /// Where the mentions inside the words marked go.
    MoveInto { words: Span },
    /// Which part of claim `claim` the words marked in the article are.
    Part { claim: usize, words: Span },
    /// Which claim of another briefing that reports or contradicts claim `claim` to go to.
    Other { claim: usize },
}

/// What a picker's entry stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Actor(usize),
    /// No source: the text gives none.
    NoOne,
    ClaimKind(ClaimKind),
    ActorKind(ActorKind),
    Part(Part),
    /// An alias, by a mention that reads so.
    Alias(Span),
    /// The k-th claim of other briefings the library relates to the claim.
    Other(usize),
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
            Overlay::Grade { claim, reliability } => {
                match (
                    keys.command(Context::GradePicker, key),
                    key.code,
                    reliability,
                ) {
                    (Some(Command::Cancel), ..) => {}
                    (Some(Command::Back), _, Some(_)) => {
                        self.overlay = Some(Overlay::Grade {
                            claim,
                            reliability: None,
                        });
                    }
                    (Some(Command::ClearGrade), _, None) => self.set_grade(claim, None, now),
                    (None, KeyCode::Char(c), None)
                        if ('A'..='F').contains(&c.to_ascii_uppercase()) =>
                    {
                        self.overlay = Some(Overlay::Grade {
                            claim,
                            reliability: Some(c.to_ascii_uppercase()),
                        });
                    }
                    (None, KeyCode::Char(c), Some(r)) if ('1'..='6').contains(&c) => {
                        let grade = Grade::new(r, c as u8 - b'0').ok();
                        self.set_grade(claim, grade, now);
                    }
                    _ => self.overlay = Some(Overlay::Grade { claim, reliability }),
                }
            }
            Overlay::Notes { selected, confirm } => {
                self.notes_key(key, selected, confirm, keys);
            }
            Overlay::Pick {
                on,
                choices,
                mut picker,
            } => {
                match keys.command(Context::MergePicker, key) {
                    Some(Command::Cancel) => return true,
                    Some(Command::Choose) => {
                        match picker.chosen().and_then(|k| choices.get(k)) {
                            Some(&choice) => self.picked(on, choice),
                            None => self.message = Some("nothing matches".into()),
                        }
                        return true;
                    }
                    Some(Command::Down) => picker.step(1),
                    Some(Command::Up) => picker.step(-1),
                    Some(Command::Erase) => picker.erase(),
                    None if key.is_text() => {
                        if let KeyCode::Char(c) = key.code {
                            picker.push(c);
                        }
                    }
                    _ => {}
                }
                self.overlay = Some(Overlay::Pick {
                    on,
                    choices,
                    picker,
                });
            }
            Overlay::Detail { claim, scroll } => {
                // the reader's down and up scroll it; any other key closes it
                let scroll = match keys.action(key) {
                    Some(Action::Down) => scroll.saturating_add(1),
                    Some(Action::Up) => scroll.saturating_sub(1),
                    Some(Action::OtherBriefings) => {
                        self.other_briefings();
                        return true;
                    }
                    _ => return true,
                };
                self.overlay = Some(Overlay::Detail { claim, scroll });
            }
            Overlay::Typing { on, mut text } => {
                match (keys.command(Context::Prompt, key), key.code) {
                    (Some(Command::Keep), _) => {
                        match on {
                            Typed::ActorName(actor) => self.rename(actor, &text),
                            Typed::Published => self.set_published(&text),
                            Typed::EventDate(event) => self.set_event_date(event, &text),
                            Typed::Tags(claim) => self.set_tags(claim, &text, now),
                            Typed::NoteTags(at) => self.set_note_tags(at, &text),
                        }
                        return true;
                    }
                    (Some(Command::Cancel), _) => {
                        if let Typed::NoteTags(at) = on {
                            self.open_notes(at);
                        }
                        return true;
                    }
                    (Some(Command::Erase), _) => {
                        text.pop();
                    }
                    (None, KeyCode::Char(c)) if key.is_text() => text.push(c),
                    (None, KeyCode::Tab) if on.is_tags() => {
                        text = complete_tag(&text, &self.known_tags);
                    }
                    _ => {}
                }
                self.overlay = Some(Overlay::Typing { on, text });
            }
            Overlay::Note {
                on,
                text,
                discard: false,
            } if keys.command(Context::NoteEditor, key) == Some(Command::Cancel)
                && text.changed() =>
            {
                self.overlay = Some(Overlay::Note {
                    on,
                    text,
                    discard: true,
                });
            }
            Overlay::Note { on, mut text, .. } => {
                let edit = match (keys.command(Context::NoteEditor, key), key.code) {
                    (Some(Command::Cancel), _) => {
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
                    (Some(Command::Save), _) => {
                        match on {
                            NoteOn::Claim(claim) => self.set_note(claim, text.text(), now),
                            NoteOn::Passage(span) => self.add_note(span, text.text()),
                            NoteOn::Listed(quote, at) => {
                                self.listed_note_edited(&quote, Some(text.text()), at);
                            }
                        }
                        return true;
                    }
                    (Some(command), _) => edit(command),
                    (None, KeyCode::Char(c)) if !key.ctrl => Some(Edit::Insert(c)),
                    (None, _) => None,
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

/// The word being typed at the end of `typed` (a tag, its `#` dropped) and what is before it.
fn last_word(typed: &str) -> (&str, &str) {
    let start = typed.rfind([' ', ',']).map_or(0, |i| i + 1);
    let (done, word) = typed.split_at(start);
    (done, word.trim_start_matches('#'))
}

/// The tags of `used` the last word of `typed` begins (all of them before a word is begun):
/// what the tags prompt offers.
pub fn offered<'a>(typed: &str, used: &'a [String]) -> Vec<&'a String> {
    let (_, word) = last_word(typed);
    used.iter().filter(|t| t.starts_with(word)).collect()
}

/// `typed` with its last word completed from `used` (the tags used before): as far as every
/// tag it begins agrees, then a space once only one is left.
fn complete_tag(typed: &str, used: &[String]) -> String {
    let (done, word) = last_word(typed);
    if word.is_empty() {
        return typed.to_string();
    }
    let fits = offered(typed, used);
    let Some(first) = fits.first() else {
        return typed.to_string();
    };
    let common = fits.iter().fold(first.as_str(), |common, t| {
        let same = common
            .char_indices()
            .zip(t.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8());
        &common[..same]
    });
    let end = if fits.len() == 1 { " " } else { "" };
    format!("{done}{common}{end}")
}

/// What a note editor's command does to its text.
fn edit(command: Command) -> Option<Edit> {
    Some(match command {
        Command::Newline => Edit::Newline,
        Command::Erase => Edit::Backspace,
        Command::Delete => Edit::Delete,
        Command::Left => Edit::Left,
        Command::Right => Edit::Right,
        Command::Up => Edit::Up,
        Command::Down => Edit::Down,
        Command::Home => Edit::Home,
        Command::End => Edit::End,
        _ => return None,
    })
}
