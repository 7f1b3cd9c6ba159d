//! Drawing the overlays of the review (the grade picker, the note editor, the pickers, the
//! actor's new name; the notes list is `notes.rs`) and their hints; their state and keys are the
//! reader's ([`super::reader::Overlay`]).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as Text};
use ratatui::widgets::Paragraph;

use super::keymap::{Command, Context, Keymap};
use super::notes;
use super::reader::{NoteOn, Overlay, Pick, Reader, Typed, offered};
use super::theme;
use super::widgets::{bordered, centred, clear, row_style};

/// What the status bar says while an overlay is open, with the keys as bound.
pub fn hint(overlay: &Overlay, keys: &Keymap) -> String {
    use Command::*;
    let in_context = |context| move |command| keys.context_key(context, command);
    match overlay {
        Overlay::Grade { reliability, .. } => {
            let key = in_context(Context::GradePicker);
            let cancel = key(Cancel);
            match reliability {
                None => format!(
                    "source reliability A-F · {} clears the grade · {cancel} cancel",
                    key(ClearGrade)
                ),
                Some(_) => format!(
                    "information credibility 1-6 · {} back · {cancel} cancel",
                    key(Back)
                ),
            }
        }
        Overlay::Pick { on, .. } => {
            let key = in_context(Context::MergePicker);
            let verb = match on {
                Pick::Merge { .. } => "merge",
                Pick::Source { .. } => "set the source",
                Pick::ClaimKind { .. } | Pick::ActorKind { .. } => "set the kind",
                Pick::Part { .. } => "mark the words so",
                Pick::SplitAlias { .. } => "split it off",
                Pick::SplitInto { .. } | Pick::MoveInto { .. } => "move them there",
                Pick::Other { .. } => "go there",
            };
            format!(
                "type to find · {}/{} choose · {} {verb} · {} cancel",
                key(Down),
                key(Up),
                key(Choose),
                key(Cancel)
            )
        }
        Overlay::Detail { .. } => {
            let first = |action| keys.first_key(action).unwrap_or_else(|| "?".into());
            format!(
                "{}/{} scroll · {} other briefings · any other key closes",
                first(crate::tui::action::Action::Down),
                first(crate::tui::action::Action::Up),
                first(crate::tui::action::Action::OtherBriefings)
            )
        }
        Overlay::Typing {
            on: Typed::ActorName(_),
            ..
        } => format!("the new name · {}", prompt_hint(keys)),
        Overlay::Typing {
            on: Typed::Published,
            ..
        } => format!(
            "2024-11-23, 23 November 2024 or Nov 23, 2024; empty for the briefing's own · {}",
            prompt_hint(keys)
        ),
        Overlay::Typing {
            on: Typed::Tags(_) | Typed::NoteTags(_),
            ..
        } => format!(
            "words, spaces between; tab completes a tag used before · {}",
            prompt_hint(keys)
        ),
        Overlay::Typing {
            on: Typed::EventDate(_),
            ..
        } => format!(
            "2024-11-22, Nov 2024, last Friday, or undated · {}",
            prompt_hint(keys)
        ),
        Overlay::Notes { confirm: false, .. } => {
            let key = in_context(Context::NotesList);
            format!(
                "{}/{} choose · {} go to the passage · {} edit · {} tags · {} delete · {} close",
                key(Down),
                key(Up),
                key(GoTo),
                key(Edit),
                key(Tags),
                key(Remove),
                key(Close)
            )
        }
        Overlay::Notes { confirm: true, .. } => {
            let key = in_context(Context::NotesList);
            format!(
                "delete this note? {} deletes, any other key keeps it",
                key(Confirm)
            )
        }
        Overlay::Note { discard: true, .. } => {
            let key = in_context(Context::NoteEditor);
            format!(
                "{} again discards the changes · {} saves them",
                key(Cancel),
                key(Save)
            )
        }
        Overlay::Note { .. } => {
            let key = in_context(Context::NoteEditor);
            format!(
                "arrows move · {} new line · {} save · {} cancel",
                key(Newline),
                key(Save),
                key(Cancel)
            )
        }
    }
}

/// "enter keep · esc cancel" for a prompt, with its keys as bound.
pub fn prompt_hint(keys: &Keymap) -> String {
    let key = |command| keys.context_key(Context::Prompt, command);
    format!(
        "{} keep · {} cancel",
        key(Command::Keep),
        key(Command::Cancel)
    )
}

/// The grade picker, the note editor or the merge picker, over the panes.
/// `editor`: the note editor's text box, as the frame's plan placed it.
pub fn draw(frame: &mut Frame, area: Rect, app: &Reader, keys: &Keymap, editor: Option<Rect>) {
    let Some(hint) = app.overlay.as_ref().map(|o| hint(o, keys)) else {
        return;
    };
    if let (Some(Overlay::Note { on, text, .. }), Some(inner)) = (&app.overlay, editor) {
        let title = match on {
            NoteOn::Claim(claim) => format!(" note on {} ", app.claim_id(*claim)),
            NoteOn::Passage(_) | NoteOn::Listed(..) => " note on the passage ".to_string(),
        };
        let place = inner.outer(ratatui::layout::Margin::new(1, 1));
        let block = bordered(title, &hint);
        let (rows, (x, y)) = text.view(usize::from(inner.height));
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
        &Overlay::Detail { claim, scroll } => {
            return super::detail::draw(frame, area, app, claim, scroll, &hint);
        }
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
            (format!(" grade {} ", app.claim_id(*claim)), rows, height)
        }
        Overlay::Pick { on, picker, .. } => {
            let fit = usize::from(area.height.saturating_sub(3)).max(1);
            let skip = (picker.selected + 1).saturating_sub(fit);
            let find = vec![
                Text::styled(" find: ", theme::dim()),
                Text::styled(picker.query.clone(), theme::key()),
                Text::styled("▏", theme::key()),
            ];
            let rows: Vec<Line> = std::iter::once(Line::from(find))
                .chain(
                    picker
                        .shown()
                        .into_iter()
                        .enumerate()
                        .skip(skip)
                        .take(fit)
                        .map(|(k, e)| {
                            let style = row_style(k == picker.selected);
                            Line::styled(format!(" {}", picker.entry(e)), style)
                        }),
                )
                .collect();
            let actor = |a: &usize| {
                app.analysis
                    .as_ref()
                    .and_then(|an| an.actors.get(*a))
                    .map_or(String::new(), |a| a.name.clone())
            };
            let title = match on {
                Pick::Merge { from } => format!(" merge {} into ", actor(from)),
                Pick::Source { claim } => format!(" source of {} ", app.claim_id(*claim)),
                Pick::ClaimKind { claim } => format!(" kind of {} ", app.claim_id(*claim)),
                Pick::ActorKind { actor: a } => format!(" kind of {} ", actor(a)),
                Pick::Part { claim, .. } => format!(" the words are {}'s ", app.claim_id(*claim)),
                Pick::SplitAlias { actor: a } => format!(" split off {} ", actor(a)),
                Pick::SplitInto { actor: a, .. } => {
                    format!(" its mentions from {} go to ", actor(a))
                }
                Pick::MoveInto { .. } => " the mentions marked go to ".to_string(),
                Pick::Other { claim } => format!(" {} in other briefings ", app.claim_id(*claim)),
            };
            let height = (rows.len() as u16 + 2).min(area.height);
            (title, rows, height)
        }
        Overlay::Typing { on, text } => {
            let title = match on {
                Typed::ActorName(actor) => {
                    let old = app
                        .analysis
                        .as_ref()
                        .and_then(|a| a.actors.get(*actor))
                        .map_or("", |a| a.name.as_str());
                    format!(" rename {old} ")
                }
                Typed::Published => " published ".to_string(),
                Typed::Tags(claim) => format!(" tags of {} ", app.claim_id(*claim)),
                Typed::NoteTags(_) => " tags of the note ".to_string(),
                Typed::EventDate(event) => {
                    let label = app
                        .analysis
                        .as_ref()
                        .and_then(|a| a.timeline.get(*event))
                        .map_or("", |e| e.label.as_str());
                    format!(" date of {label} ")
                }
            };
            let row = Line::from(vec![
                Text::raw(format!(" {text}")),
                Text::styled("▏", theme::key()),
            ]);
            let used = offered(text, &app.known_tags);
            if on.is_tags() && !used.is_empty() {
                let used: Vec<&str> = used.iter().map(|t| t.as_str()).collect();
                let used = Line::styled(format!(" used: {}", used.join(" ")), theme::dim());
                (title, vec![row, used], 4)
            } else {
                (title, vec![row], 3)
            }
        }
        Overlay::Note { .. } => return,
    };
    // 60 columns, wider where the title or the keys below would be cut (a long actor name,
    // keys rebound to longer names); `centred` keeps it within the screen.
    let width = [
        60,
        Text::raw(&title).width() + 2,
        Text::raw(&hint).width() + 4,
    ]
    .into_iter()
    .max();
    let width = u16::try_from(width.unwrap_or(60)).unwrap_or(u16::MAX);
    let place = centred(area, width, height);
    clear(frame, place);
    frame.render_widget(Paragraph::new(rows).block(bordered(title, &hint)), place);
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
        let keys = vec!["Z".to_string()];
        let down = vec!["ctrl-n".to_string()];
        let keymap = Keymap::with_overrides([
            (None, "note", keys.as_slice()),
            (None, "down", down.as_slice()),
        ])
        .unwrap();
        let notes = Overlay::Notes {
            selected: 0,
            confirm: false,
        };
        let said = hint(&notes, &keymap);
        assert!(said.starts_with("ctrl-n/k choose"), "{said}");
        assert!(said.contains("Z edit"), "{said}");
        assert!(hint(&notes, &Keymap::default()).contains("c edit"));
    }
}
