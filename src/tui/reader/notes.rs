//! The notes list as state: the briefing's free notes (their passage and note; `enter` goes
//! to the passage, `c` edits, `#` files it under tags, `d` deletes after a confirmation) and the review items the
//! text no longer holds (claim reviews, corrections), marked orphaned. They are never dropped, so the list offers no way
//! to delete them. `tui/notes.rs` draws it.

use jiff::Timestamp;

use super::{NoteOn, Overlay, Pane, Reader, Typed};
use crate::document::Span;
use crate::review::{ClaimReview, Correction, FreeNote, Quote};
use crate::tui::keymap::{Command, Context, Key, Keymap};
use crate::tui::textarea::TextArea;

/// One row of the list.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// A free note, with its passage in bytes (none when orphaned).
    Note(FreeNote, Option<Span>),
    /// A claim's review whose words are no longer in the text.
    Orphan(ClaimReview),
    /// A correction that no longer applies: what it names is no longer in the analysis.
    Correction(Correction),
}

pub const ORPHANED: &str = "orphaned: text not found";
/// How a correction that no longer applies is marked.
pub const NO_LONGER_APPLIES: &str = "orphaned correction: no longer applies";

impl Reader {
    /// The free notes in the order of their passages, the orphaned ones after them, then
    /// the orphaned claim reviews and corrections.
    pub fn note_entries(&self) -> Vec<Entry> {
        let mut notes = self.free_notes();
        notes.sort_by_key(|(note, span)| (span.is_none(), span.map(|s| s.start), note.start));
        let orphans = self.session.iter().flat_map(|s| s.orphans().cloned());
        let corrections = self
            .session
            .iter()
            .flat_map(|s| s.orphaned_corrections().cloned());
        notes
            .into_iter()
            .map(|(note, span)| Entry::Note(note, span))
            .chain(orphans.map(Entry::Orphan))
            .chain(corrections.map(Entry::Correction))
            .collect()
    }

    /// Opens the list on entry `selected`.
    pub fn open_notes(&mut self, selected: usize) {
        if self.session.is_some() {
            self.overlay = Some(Overlay::Notes {
                selected,
                confirm: false,
            });
        }
    }

    /// Keys while the list is open.
    pub fn notes_key(&mut self, key: Key, selected: usize, confirm: bool, keys: &Keymap) {
        let entries = self.note_entries();
        let entry = entries.get(selected).cloned();
        let command = keys.command(Context::NotesList, key);
        if confirm {
            match (command, entry) {
                (Some(Command::Confirm), Some(Entry::Note(note, _))) => {
                    self.edit_free_note(&note.quote, "");
                    let left = entries.len().saturating_sub(1);
                    self.open_notes(selected.min(left.saturating_sub(1)));
                }
                _ => {
                    self.message = Some("note kept".into());
                    self.open_notes(selected);
                }
            }
            return;
        }
        let mut selected = selected;
        match (command, entry) {
            (Some(Command::Close), _) => return,
            (Some(Command::Down), _) => selected = (selected + 1).min(entries.len().max(1) - 1),
            (Some(Command::Up), _) => selected = selected.saturating_sub(1),
            (Some(Command::GoTo), Some(Entry::Note(_, Some(span)))) => {
                self.focus = Pane::Article;
                if let Some(doc) = &self.doc {
                    self.article.jump_to(doc, span.start);
                }
                return;
            }
            (Some(Command::Edit), Some(Entry::Note(note, _))) => {
                self.overlay = Some(Overlay::note(
                    NoteOn::Listed(note.quote.clone(), selected),
                    TextArea::new(note.text),
                ));
                return;
            }
            (Some(Command::Tags), Some(Entry::Note(note, _))) => {
                self.ask_tags(Typed::NoteTags(selected), &note.tags);
                return;
            }
            (Some(Command::Remove), Some(Entry::Note(..))) => {
                self.overlay = Some(Overlay::Notes {
                    selected,
                    confirm: true,
                });
                return;
            }
            (
                Some(Command::GoTo),
                Some(Entry::Note(_, None) | Entry::Orphan(_) | Entry::Correction(_)),
            ) => {
                self.message = Some(format!("{ORPHANED}; kept, and in the export"));
            }
            (
                Some(Command::Remove | Command::Edit | Command::Tags),
                Some(Entry::Orphan(_) | Entry::Correction(_)),
            ) => {
                self.message = Some("orphaned reviews are kept as they are, never dropped".into());
            }
            _ => {}
        }
        self.open_notes(selected);
    }

    /// The editor on a listed note came back, saved (`Some`) or cancelled: the list again.
    pub fn listed_note_edited(&mut self, quote: &Quote, text: Option<&str>, at: usize) {
        if let Some(text) = text {
            self.edit_free_note(quote, text);
        }
        self.open_notes(at);
    }

    /// The tags typed for the note of entry `at`, then the list again.
    pub(super) fn set_note_tags(&mut self, at: usize, typed: &str) {
        let now = Timestamp::now();
        let tags = crate::review::parse_tags(typed);
        if let Some(Entry::Note(note, _)) = self.note_entries().get(at)
            && let Some(session) = &mut self.session
            && session.set_note_tags(&note.quote, tags.clone(), now)
        {
            self.message = Some(match tags.is_empty() {
                true => "note's tags cleared".into(),
                false => format!("note tagged {}", tags.join(" ")),
            });
            self.save(now);
        }
        self.open_notes(at);
    }

    /// A blank text deletes the note.
    fn edit_free_note(&mut self, quote: &Quote, text: &str) {
        let now = Timestamp::now();
        if let Some(session) = &mut self.session
            && session.edit_note(quote, text, now)
        {
            self.message = Some(if text.trim().is_empty() {
                "note deleted (U undoes)".into()
            } else {
                "note saved".into()
            });
            self.save(now);
        }
    }
}
