//! A correction in words, for the Markdown export and the reader's list of orphans: the
//! words quoted from the briefing or named by the analyst put through `text` (the Markdown
//! export's escaping, or none).

use super::word;
use crate::review::{Change, Part};

/// What `change` did, in a line: "Merged Amman into Jordan".
pub fn describe(change: &Change, text: &dyn Fn(&str) -> String) -> String {
    match change {
        Change::AddClaim { quote, .. } => {
            format!("Added as a claim: “{}”", text(&quote.exact))
        }
        Change::MergeActors { from, into } => {
            format!("Merged {} into {}", text(from), text(into))
        }
        Change::ClaimKind { quote, to, .. } => {
            format!("Kind of “{}” set to {}", text(&quote.exact), word(to))
        }
        Change::ClaimSource { quote, actor, .. } => format!(
            "Source of “{}” set to {}",
            text(&quote.exact),
            actor.as_deref().map_or("none".to_string(), text)
        ),
        Change::ClaimPart {
            quote, part, words, ..
        } => match words {
            Some(words) => format!(
                "“{}” marked as {} of “{}”",
                text(&words.exact),
                part_words(*part),
                text(&quote.exact)
            ),
            None => format!("No hedges in “{}”", text(&quote.exact)),
        },
        Change::SplitActor {
            name,
            alias,
            into,
            number,
        } => format!(
            "Split {} off {} (to {})",
            text(alias),
            text(name),
            destination(into.as_deref(), *number, text)
        ),
        Change::MoveMention {
            quote,
            into,
            number,
            ..
        } => format!(
            "Moved the mention “{}” to {}",
            text(&quote.exact),
            destination(into.as_deref(), *number, text)
        ),
        Change::RenameActor { name, to } => {
            format!("Renamed {} to {}", text(name), text(to))
        }
        Change::RetypeActor { name, to } => {
            format!("Re-typed {} as {}", text(name), word(to))
        }
        Change::RemoveActor { name } => {
            format!("Removed {} (not an actor)", text(name))
        }
        Change::EventDate {
            quote,
            value,
            typed,
            ..
        } => match value {
            Some(value) => format!(
                "Event “{}” dated {} (typed “{}”)",
                text(&quote.exact),
                text(&value.to_string()),
                text(typed)
            ),
            None => format!("Event “{}” made undated", text(&quote.exact)),
        },
        Change::RemoveEvent { quote, .. } => {
            format!("Removed the event “{}” (not an event)", text(&quote.exact))
        }
        Change::AddEvent { quote, .. } => {
            format!("Added as an event: “{}”", text(&quote.exact))
        }
    }
}

/// A claim's part as a correction names it: "the content", "a hedge".
fn part_words(part: Part) -> String {
    match part {
        Part::Hedge | Part::NoHedges => part.words().to_string(),
        _ => format!("the {}", part.words()),
    }
}

/// Where mentions split off or moved went: an actor by name, or the new one with its id.
fn destination(into: Option<&str>, number: Option<usize>, text: &dyn Fn(&str) -> String) -> String {
    match (into, number) {
        (Some(into), _) => text(into),
        (None, Some(n)) => format!("an actor of its own, ua{n}"),
        (None, None) => "an actor of its own".to_string(),
    }
}
