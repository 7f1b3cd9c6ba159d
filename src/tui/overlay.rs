//! The overlays of the review: the grade picker, the note editor (on a claim or a passage)
//! and the actor merge picker. While one is open it takes the keys.

use crossterm::event::{KeyCode, KeyEvent};
use jiff::Timestamp;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as Text};
use ratatui::widgets::{Block, Paragraph};

use super::action::Action;
use super::app::App;
use super::keymap::{Key, Keymap};
use super::layout::{centred, clear, row_style};
use super::notes;
use super::textarea::{Edit, TextArea};
use super::theme;
use crate::document::Span;
use crate::review::{Grade, Quote};

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

impl App {
    /// Keys while an overlay is open; `true` when the overlay took the key.
    pub fn overlay_key(&mut self, event: KeyEvent) -> bool {
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
            Overlay::Notes { selected, confirm } => self.notes_key(key, selected, confirm),
            Overlay::Merge {
                from,
                into,
                mut selected,
            } => {
                match self.keymap.action(key) {
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

/// What the status bar says while an overlay is open, with the keys as bound.
pub fn hint(overlay: &Overlay, keys: &Keymap) -> String {
    let key = |action| keys.first_key(action).unwrap_or_else(|| "?".into());
    let choose = format!("{}/{} choose", key(Action::Down), key(Action::Up));
    let close = key(Action::Back);
    match overlay {
        Overlay::Grade {
            reliability: None, ..
        } => format!("source reliability A-F · - clears the grade · {close} cancel"),
        Overlay::Grade { .. } => {
            format!("information credibility 1-6 · backspace back · {close} cancel")
        }
        Overlay::Merge { .. } => format!("{choose} · {} merge · {close} cancel", key(Action::Open)),
        Overlay::Notes { confirm: false, .. } => format!(
            "{choose} · {} go to the passage · {} edit · d delete · {close} close",
            key(Action::Open),
            key(Action::Note)
        ),
        Overlay::Notes { confirm: true, .. } => {
            "delete this note? y deletes, any other key keeps it".into()
        }
        Overlay::Note { discard: true, .. } => {
            "esc again discards the changes · ctrl-s saves them".into()
        }
        Overlay::Note { .. } => "arrows move · enter new line · ctrl-s save · esc cancel".into(),
    }
}

/// The grade picker, the note editor or the merge picker, over the panes.
pub fn draw(frame: &mut Frame, area: Rect, app: &mut App) {
    let Some(hint) = app.overlay.as_ref().map(|o| hint(o, &app.keymap)) else {
        return;
    };
    if let Some(Overlay::Note { on, text, .. }) = &mut app.overlay {
        let title = match on {
            NoteOn::Claim(claim) => format!(" note on c{} ", *claim + 1),
            NoteOn::Passage(_) | NoteOn::Listed(..) => " note on the passage ".to_string(),
        };
        let place = centred(area, 60, area.height.min(14));
        let block = bordered(title, &hint);
        let inner = block.inner(place);
        let (rows, (x, y)) = text.view(usize::from(inner.width), usize::from(inner.height));
        let body: Vec<Line> = rows.into_iter().map(Line::raw).collect();
        clear(frame, place);
        frame.render_widget(Paragraph::new(body).block(block), place);
        if !inner.is_empty() {
            let at = |k: usize, room: u16| u16::try_from(k).unwrap_or(u16::MAX).min(room - 1);
            frame
                .set_cursor_position((inner.x + at(x, inner.width), inner.y + at(y, inner.height)));
        }
        return;
    }
    let Some(overlay) = &app.overlay else {
        return;
    };
    let (title, rows, height) = match overlay {
        &Overlay::Notes { selected, .. } => return notes::draw(frame, area, app, selected, &hint),
        Overlay::Grade { claim, reliability } => {
            let rows: Vec<Line> = match reliability {
                None => RELIABILITY
                    .iter()
                    .map(|(k, what)| grade_row(*k, what))
                    .collect(),
                Some(r) => std::iter::once(Line::styled(format!("source {r}"), theme::dim()))
                    .chain(CREDIBILITY.iter().map(|(k, what)| grade_row(*k, what)))
                    .collect(),
            };
            let height = rows.len() as u16 + 2;
            (format!(" grade c{} ", claim + 1), rows, height)
        }
        Overlay::Merge {
            from,
            into,
            selected,
        } => {
            let actors = app.analysis.as_ref().map_or(&[][..], |a| &a.actors[..]);
            let fit = usize::from(area.height.saturating_sub(2)).max(1);
            let skip = (*selected + 1).saturating_sub(fit);
            let rows: Vec<Line> = into
                .iter()
                .enumerate()
                .skip(skip)
                .filter_map(|(k, &a)| {
                    let name = actors.get(a)?.name.clone();
                    Some(Line::styled(format!(" {name}"), row_style(k == *selected)))
                })
                .take(fit)
                .collect();
            let name = actors.get(*from).map_or("", |a| a.name.as_str());
            let height = (rows.len() as u16 + 2).min(area.height);
            (format!(" merge {name} into "), rows, height)
        }
        Overlay::Note { .. } => return,
    };
    let place = centred(area, 60, height);
    clear(frame, place);
    frame.render_widget(Paragraph::new(rows).block(bordered(title, &hint)), place);
}

/// An overlay's frame: its title on top, its keys below.
pub fn bordered(title: String, hint: &str) -> Block<'static> {
    Block::bordered()
        .border_style(theme::border(true))
        .title(Line::styled(title, theme::title(true)))
        .title_bottom(Line::styled(format!(" {hint} "), theme::dim()))
}

fn grade_row(key: char, what: &str) -> Line<'static> {
    Line::from(vec![
        Text::styled(format!(" {key}  "), theme::key()),
        Text::raw(what.to_string()),
    ])
}

/// The Admiralty scales, as the picker explains them.
const RELIABILITY: [(char, &str); 6] = [
    ('A', "completely reliable"),
    ('B', "usually reliable"),
    ('C', "fairly reliable"),
    ('D', "not usually reliable"),
    ('E', "unreliable"),
    ('F', "reliability cannot be judged"),
];
const CREDIBILITY: [(char, &str); 6] = [
    ('1', "confirmed by other sources"),
    ('2', "probably true"),
    ('3', "possibly true"),
    ('4', "doubtful"),
    ('5', "improbable"),
    ('6', "truth cannot be judged"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_name_the_keys_as_bound() {
        let keys = vec!["e".to_string()];
        let down = vec!["ctrl-n".to_string()];
        let keymap =
            Keymap::with_overrides([("note", keys.as_slice()), ("down", down.as_slice())]).unwrap();
        let notes = Overlay::Notes {
            selected: 0,
            confirm: false,
        };
        let said = hint(&notes, &keymap);
        assert!(said.starts_with("ctrl-n/k choose"), "{said}");
        assert!(said.contains("e edit"), "{said}");
        assert!(hint(&notes, &Keymap::default()).contains("c edit"));
    }
}
