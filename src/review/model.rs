//! What an analyst's review holds. Items are keyed by the text they quote (a W3C
//! TextQuoteSelector), never by claim id: ids are positions in one analysis and change
//! whenever the text or the analysis does.

use std::fmt;
use std::str::FromStr;

use jiff::Timestamp;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::analysis::times::TimeValue;
use crate::analysis::{ActorKind, ClaimKind};
use crate::document::Span;

/// What the analyst made of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Unreviewed,
    Supported,
    Disputed,
    Unverified,
    /// Not a claim at all.
    Rejected,
}

impl Status {
    /// In the order a briefing note lists them: what needs attention first.
    pub const ALL: [Status; 5] = [
        Status::Disputed,
        Status::Unverified,
        Status::Supported,
        Status::Unreviewed,
        Status::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unreviewed => "unreviewed",
            Status::Supported => "supported",
            Status::Disputed => "disputed",
            Status::Unverified => "unverified",
            Status::Rejected => "rejected",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An Admiralty (NATO) grade: source reliability A-F, then information credibility 1-6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Grade {
    reliability: char,
    credibility: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{0}' is not an Admiralty grade (source reliability A-F, then information credibility 1-6, e.g. B2)"
)]
pub struct GradeError(String);

impl Grade {
    pub fn new(reliability: char, credibility: u8) -> Result<Grade, GradeError> {
        let reliability = reliability.to_ascii_uppercase();
        if ('A'..='F').contains(&reliability) && (1..=6).contains(&credibility) {
            Ok(Grade {
                reliability,
                credibility,
            })
        } else {
            Err(GradeError(format!("{reliability}{credibility}")))
        }
    }
    pub fn reliability(self) -> char {
        self.reliability
    }
    pub fn credibility(self) -> u8 {
        self.credibility
    }
}

impl FromStr for Grade {
    type Err = GradeError;
    fn from_str(s: &str) -> Result<Grade, GradeError> {
        let bad = || GradeError(s.to_string());
        let mut chars = s.trim().chars();
        match (chars.next(), chars.next(), chars.next()) {
            (Some(r), Some(c), None) => {
                let c = c.to_digit(10).ok_or_else(bad)?;
                Grade::new(r, c as u8).map_err(|_| bad())
            }
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.reliability, self.credibility)
    }
}

impl Serialize for Grade {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Grade {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Grade, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// How many characters of context a quote keeps on each side.
pub const CONTEXT: usize = 32;

/// A passage by its text and a little of what surrounds it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Quote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

impl Quote {
    /// The quote of `text[span]` (bytes); `None` when the span is not a non-empty range on
    /// character boundaries of `text`.
    pub fn of(text: &str, span: Span) -> Option<Quote> {
        let exact = text.get(span.start..span.end).filter(|e| !e.is_empty())?;
        let before = &text[..span.start];
        let from = before
            .char_indices()
            .rev()
            .nth(CONTEXT - 1)
            .map_or(0, |(i, _)| i);
        let after = &text[span.end..];
        let to = after
            .char_indices()
            .nth(CONTEXT)
            .map_or(after.len(), |(i, _)| i);
        Some(Quote {
            exact: exact.to_string(),
            prefix: before[from..].to_string(),
            suffix: after[..to].to_string(),
        })
    }
}

/// The analyst's judgement of one claim. `claim`, `start`, `end` and `orphaned` say where it
/// attached in the current text and analysis (`start`/`end` in code points).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimReview {
    /// The id of the claim it attached to (c2, u1), as exports give it.
    #[serde(default)]
    pub claim: Option<String>,
    /// The index of that claim in the analysis: what the front ends look it up by. Never
    /// kept: it is where the item attached in this analysis.
    #[serde(skip)]
    pub index: Option<usize>,
    pub quote: Quote,
    /// The words of the claim's cue: they tell apart two claims over the very same words
    /// (each source can be judged on its own), and say nothing otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub grade: Option<Grade>,
    #[serde(default)]
    pub note: Option<String>,
    /// Free words the analyst files the claim under ("sanctions", "follow-up").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Who last changed it (a review imported from a colleague keeps theirs); none only in
    /// a file written before items carried one, where it is the file's `reviewer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<String>,
    pub updated: Timestamp,
    /// When each field last changed (format 2), so that two readers' changes to different
    /// fields of one claim both survive. Only the review file carries it: an export leaves
    /// it out ([`Changed::is_empty`] once cleared).
    #[serde(default, skip_serializing_if = "Changed::is_empty")]
    pub changed: Changed,
    #[serde(default)]
    pub orphaned: bool,
}

/// When each field of a [`ClaimReview`] last changed. A field without its own time (every
/// field of a review written in format 1) changed when the item did (`updated`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Changed {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Timestamp>,
}

impl Changed {
    pub fn is_empty(&self) -> bool {
        *self == Changed::default()
    }
}

impl ClaimReview {
    /// When the status, grade, note and tags last changed.
    pub fn field_times(&self) -> [Timestamp; 4] {
        let c = self.changed;
        [c.status, c.grade, c.note, c.tags].map(|t| t.unwrap_or(self.updated))
    }

    /// Stamps `now` on the item and on each field that differs from `before`; the others
    /// keep the times they had in `before`.
    pub fn stamp_changes(&mut self, before: &ClaimReview, now: Timestamp) {
        let [status, grade, note, tags] = before.field_times();
        let time = |changed: bool, was: Timestamp| Some(if changed { now } else { was });
        self.changed = Changed {
            status: time(self.status != before.status, status),
            grade: time(self.grade != before.grade, grade),
            note: time(self.note != before.note, note),
            tags: time(self.tags != before.tags, tags),
        };
        self.updated = now;
    }

    /// Nothing left of it (cleared or undone); kept so that the change merges.
    pub fn is_empty(&self) -> bool {
        self.status == Status::Unreviewed
            && self.grade.is_none()
            && self.note.is_none()
            && self.tags.is_empty()
    }
}

/// A note on a passage of the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FreeNote {
    pub quote: Quote,
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// As for [`ClaimReview::reviewer`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<String>,
    pub updated: Timestamp,
    #[serde(default)]
    pub orphaned: bool,
}

/// What the analyst changed in the analysis, re-applied to every new analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    #[serde(flatten)]
    pub change: Change,
    /// As for [`ClaimReview::reviewer`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<String>,
    pub updated: Timestamp,
    /// Undone; kept so that the change merges.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub withdrawn: bool,
    #[serde(default)]
    pub orphaned: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// A claim the machine missed, from a selection: the analyst's `number`th (its id
    /// `u<number>`, which never changes; given on load to one a format 2 file kept without).
    AddClaim {
        quote: Quote,
        start: usize,
        end: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        number: Option<usize>,
    },
    /// Two actors that are one: `from` is folded into `into` (by name).
    MergeActors { from: String, into: String },
    /// A claim's kind, as the analyst reads it. The claim is found as a review item is: by
    /// the quote of its content and the words of its cue.
    ClaimKind {
        quote: Quote,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cue: Option<String>,
        start: usize,
        end: usize,
        to: ClaimKind,
    },
    /// A claim's source: the actor of this name, or none (`null`) when the text gives none.
    ClaimSource {
        quote: Quote,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cue: Option<String>,
        start: usize,
        end: usize,
        actor: Option<String>,
    },
    /// A part of a claim drawn anew from words the analyst marked in the article (`words`,
    /// none for `NoHedges`); the claim is found as for its kind.
    ClaimPart {
        quote: Quote,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cue: Option<String>,
        start: usize,
        end: usize,
        part: Part,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        words: Option<Quote>,
        #[serde(default)]
        words_start: usize,
    },
    /// The mentions of actor `name` that read `alias` (a wrong alias) split off to the
    /// actor `into`, or to a new actor named `alias` (none): the analyst's `number`th (its
    /// id `ua<number>`, which never changes, as for an added claim).
    SplitActor {
        name: String,
        alias: String,
        into: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        number: Option<usize>,
    },
    /// The mentions inside the quoted words (whoever's they are) moved to the actor `into`,
    /// or to a new actor named by the words (none), numbered as a split's.
    MoveMention {
        quote: Quote,
        start: usize,
        end: usize,
        into: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        number: Option<usize>,
    },
    /// An actor renamed; its old name stays one of its aliases, so the change re-applies.
    RenameActor { name: String, to: String },
    /// An actor re-typed.
    RetypeActor { name: String, to: ActorKind },
    /// Not an actor at all: gone, with every reference to it.
    RemoveActor { name: String },
    /// An event's date as the analyst reads it (none: undated), the event found by the
    /// quote of its words; `typed` the words typed, resolved against the published date
    /// when typed and kept as `value`.
    EventDate {
        quote: Quote,
        start: usize,
        end: usize,
        value: Option<TimeValue>,
        typed: String,
    },
    /// Not an event: gone from the timeline.
    RemoveEvent {
        quote: Quote,
        start: usize,
        end: usize,
    },
    /// An event the machine missed, from a selection: the analyst's `number`th (its id
    /// `ut<number>`, which never changes).
    AddEvent {
        quote: Quote,
        start: usize,
        end: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        number: Option<usize>,
    },
}

impl Change {
    /// What the change is about, without what it says of it (where a quote last attached,
    /// the new kind, name or source): two changes to the same thing share it, so the later
    /// replaces the earlier.
    pub fn target(&self) -> Change {
        let mut target = self.clone();
        match &mut target {
            Change::AddClaim {
                start, end, number, ..
            } => (*start, *end, *number) = (0, 0, None),
            Change::ClaimKind { start, end, to, .. } => {
                (*start, *end, *to) = (0, 0, ClaimKind::Other);
            }
            Change::ClaimSource {
                start, end, actor, ..
            } => (*start, *end, *actor) = (0, 0, None),
            Change::EventDate {
                start,
                end,
                value,
                typed,
                ..
            } => {
                (*start, *end, *value) = (0, 0, None);
                typed.clear();
            }
            Change::RemoveEvent { start, end, .. } => (*start, *end) = (0, 0),
            Change::AddEvent {
                start, end, number, ..
            } => (*start, *end, *number) = (0, 0, None),
            Change::ClaimPart {
                start,
                end,
                part,
                words,
                words_start,
                ..
            } => {
                (*start, *end, *words_start) = (0, 0, 0);
                // each hedge added is a correction of its own; any other part has one
                if *part != Part::Hedge {
                    *words = None;
                }
            }
            Change::SplitActor { into, number, .. } => (*into, *number) = (None, None),
            Change::MoveMention {
                start,
                end,
                into,
                number,
                ..
            } => (*start, *end, *into, *number) = (0, 0, None, None),
            Change::RenameActor { to, .. } => to.clear(),
            Change::RetypeActor { to, .. } => *to = ActorKind::Other,
            Change::MergeActors { .. } | Change::RemoveActor { .. } => {}
        }
        target
    }
}

/// Which part of a claim words marked in the article are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// What is claimed.
    Content,
    /// The words that report it ("said", "according to").
    Cue,
    /// Who claims it: the words, and the actors named in them.
    Source,
    /// A hedge added ("reportedly", "may").
    Hedge,
    /// None of the hedges the machine found is one.
    NoHedges,
}

impl Part {
    pub const ALL: [Part; 5] = [
        Part::Content,
        Part::Cue,
        Part::Source,
        Part::Hedge,
        Part::NoHedges,
    ];

    /// As the picker and the exports say it.
    pub fn words(self) -> &'static str {
        match self {
            Part::Content => "content",
            Part::Cue => "cue",
            Part::Source => "source",
            Part::Hedge => "a hedge",
            Part::NoHedges => "no hedges",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Review {
    pub reviewer: String,
    #[serde(default)]
    pub claims: Vec<ClaimReview>,
    #[serde(default)]
    pub notes: Vec<FreeNote>,
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// The briefing's published date as the analyst set it, over the briefing's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
}

/// The published date set in the review; `date` none once cleared (kept so the clearing
/// merges).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    pub date: Option<jiff::civil::Date>,
    pub updated: Timestamp,
}

impl Review {
    pub fn new(reviewer: impl Into<String>) -> Review {
        Review {
            reviewer: reviewer.into(),
            ..Review::default()
        }
    }

    /// Without the items kept only so that their removal merges: what an export shows.
    pub fn live(&self) -> Review {
        Review {
            reviewer: self.reviewer.clone(),
            claims: self
                .claims
                .iter()
                .filter(|c| !c.is_empty())
                .cloned()
                .collect(),
            notes: self
                .notes
                .iter()
                .filter(|n| !n.text.is_empty())
                .cloned()
                .collect(),
            corrections: self
                .corrections
                .iter()
                .filter(|c| !c.withdrawn)
                .cloned()
                .collect(),
            published: self.published.filter(|p| p.date.is_some()),
        }
    }
}

/// The time of a field never changed (one of a claim's record made for a change to another
/// field): every change is later, so a merge takes another reader's.
pub const NEVER: Timestamp = Timestamp::UNIX_EPOCH;

impl Review {
    /// Gives every item without a reviewer the file's (a review written before items
    /// carried their own was one analyst's).
    pub fn own_items(&mut self) {
        let Some(reviewer) = Some(self.reviewer.trim()).filter(|r| !r.is_empty()) else {
            return;
        };
        let fill = |slot: &mut Option<String>| {
            slot.get_or_insert_with(|| reviewer.to_string());
        };
        self.claims.iter_mut().for_each(|c| fill(&mut c.reviewer));
        self.notes.iter_mut().for_each(|n| fill(&mut n.reviewer));
        self.corrections
            .iter_mut()
            .for_each(|c| fill(&mut c.reviewer));
    }

    /// Every tag used on a claim or a note, each once, sorted.
    pub fn tags(&self) -> Vec<String> {
        let claims = self.claims.iter().flat_map(|c| &c.tags);
        let mut tags: Vec<String> = claims
            .chain(self.notes.iter().flat_map(|n| &n.tags))
            .cloned()
            .collect();
        tags.sort_unstable();
        tags.dedup();
        tags
    }
}

/// Tags as typed: words split at spaces and commas, a leading `#` dropped, each once in the
/// order typed.
pub fn parse_tags(typed: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for word in typed.split(|c: char| c.is_whitespace() || c == ',') {
        let word = word.trim_start_matches('#');
        if !word.is_empty() && !tags.iter().any(|t| t == word) {
            tags.push(word.to_string());
        }
    }
    tags
}

/// A review time: whole seconds, so that files and exports read as the contract shows.
pub fn stamp(now: Timestamp) -> Timestamp {
    Timestamp::from_second(now.as_second()).unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_parse_and_print_as_two_characters() {
        assert_eq!("B2".parse::<Grade>().unwrap().to_string(), "B2");
        assert_eq!("f6".parse::<Grade>().unwrap().to_string(), "F6");
        for bad in ["G1", "A0", "A7", "", "B", "B22", "2B", "Б2"] {
            assert!(bad.parse::<Grade>().is_err(), "{bad}");
        }
        let json = serde_json::to_string(&Grade::new('c', 3).unwrap()).unwrap();
        assert_eq!(json, "\"C3\"");
        assert!(serde_json::from_str::<Grade>("\"Z9\"").is_err());
    }

    #[test]
    fn statuses_are_lowercase_words() {
        assert_eq!(
            serde_json::to_string(&Status::Unverified).unwrap(),
            "\"unverified\""
        );
        assert_eq!(
            serde_json::from_str::<Status>("\"rejected\"").unwrap(),
            Status::Rejected
        );
    }

    #[test]
    fn a_quote_keeps_context_on_character_boundaries() {
        let text = format!("{}Seoul said so.{}", "é".repeat(40), "😀".repeat(40));
        let start = "é".len() * 40;
        let span = Span::new(start, start + "Seoul said so.".len());
        let quote = Quote::of(&text, span).unwrap();
        assert_eq!(quote.exact, "Seoul said so.");
        assert_eq!(quote.prefix.chars().count(), CONTEXT);
        assert_eq!(quote.suffix.chars().count(), CONTEXT);
        assert!(Quote::of(&text, Span::new(1, 4)).is_none());
        assert!(Quote::of("ab", Span::new(1, 1)).is_none());
        assert!(Quote::of("ab", Span::new(1, 9)).is_none());
    }

    #[test]
    fn corrections_are_tagged_by_kind() {
        let c = Correction {
            change: Change::MergeActors {
                from: "Pyongyang".into(),
                into: "North Korea".into(),
            },
            reviewer: None,
            updated: Timestamp::from_second(0).unwrap(),
            withdrawn: false,
            orphaned: false,
        };
        let json = serde_json::to_value(&c).unwrap();
        assert_eq!(json["kind"], "merge_actors");
        assert_eq!(json["updated"], "1970-01-01T00:00:00Z");
        assert_eq!(serde_json::from_value::<Correction>(json).unwrap(), c);
    }
}
