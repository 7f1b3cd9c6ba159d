//! What the analysis finds, in byte spans of the document's text. The JSON schema
//! (code points, ids) is made from these in [`crate::schema`].

use super::times::{Edge, TimeValue};
use crate::document::{Document, Packed, Span};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    /// Whether the text is English; when it is not, nothing is extracted (the extractors
    /// would only invent actors and claims).
    pub english: bool,
    pub actors: Vec<Actor>,
    pub claims: Vec<Claim>,
    pub times: Vec<Timex>,
    pub timeline: Vec<Event>,
}

impl Analysis {
    /// Claim `index`'s id: c1 ... for the machine's claims, u1 ... for the analyst's
    /// ([`crate::schema::ClaimIds`], which gives every claim's at once).
    pub fn claim_id(&self, index: usize) -> String {
        crate::schema::ClaimIds::new(&self.claims).get(index)
    }

    /// A claim's source as a reader should see it: its words, then the actors they stand for
    /// when the words do not name them ("He (Shin Wonsik)", "the ministry (Defence Ministry)").
    pub fn source_label(&self, doc: &Document, source: &Source) -> String {
        let words = doc.slice(source.span);
        let lower = words.to_lowercase();
        let unnamed: Vec<&str> = source
            .actors
            .iter()
            .filter_map(|&a| self.actors.get(a))
            .map(|a| a.name.as_str())
            .filter(|name| !lower.contains(&name.to_lowercase()))
            .collect();
        if unnamed.is_empty() {
            words.to_string()
        } else {
            format!("{words} ({})", unnamed.join(", "))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    Country,
    Place,
    Group,
    Other,
}

impl ActorKind {
    pub const ALL: [ActorKind; 6] = [
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::Country,
        ActorKind::Place,
        ActorKind::Group,
        ActorKind::Other,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    Name,
    Demonym,
    Nominal,
    Pronoun,
}

/// Where an actor is named and how. Its span is held in 8 bytes ([`Packed`]): a briefing of
/// one-word lines has a mention every five bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    at: Packed,
    pub form: MentionForm,
}

impl Mention {
    pub fn new(span: Span, form: MentionForm) -> Mention {
        Mention {
            at: span.into(),
            form,
        }
    }

    pub fn span(&self) -> Span {
        self.at.into()
    }

    pub fn set_span(&mut self, span: Span) {
        self.at = span.into();
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// The canonical name ("North Korea" for Pyongyang, the North and North Korean).
    pub name: String,
    pub kind: ActorKind,
    pub role: Option<String>,
    /// Index into [`Analysis::actors`].
    pub affiliation: Option<usize>,
    /// Distinct surface forms that refer to the actor, in order of first appearance.
    pub aliases: Vec<String>,
    /// In text order.
    pub mentions: Vec<Mention>,
    /// Set once the analyst's corrections removed or added actors, so that none renumbers
    /// another: the machine's actor keeps its place in the machine's list (a3), the one the
    /// analyst made takes the next number of its own series (ua1). None: its place.
    pub id: Option<ActorId>,
}

#[cfg(test)]
impl Actor {
    /// An actor named by these byte spans, for tests of what comes after actors.
    pub fn named_at(name: &str, kind: ActorKind, spans: &[(usize, usize)]) -> Actor {
        Actor {
            name: name.into(),
            kind,
            role: None,
            affiliation: None,
            aliases: vec![name.into()],
            mentions: spans
                .iter()
                .map(|&(s, e)| Mention::new(Span::new(s, e), MentionForm::Name))
                .collect(),
            id: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Assertion,
    Denial,
    Estimate,
    Assessment,
    Warning,
    Prediction,
    Other,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 7] = [
        ClaimKind::Assertion,
        ClaimKind::Denial,
        ClaimKind::Estimate,
        ClaimKind::Assessment,
        ClaimKind::Warning,
        ClaimKind::Prediction,
        ClaimKind::Other,
    ];
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Indices into [`Analysis::actors`]: every actor the source names.
    pub actors: Vec<usize>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The content, without source and cue; the outer extent when split into fragments.
    pub span: Span,
    pub fragments: Option<Vec<Span>>,
    pub sentence: Span,
    pub source: Option<Source>,
    pub cue: Option<Span>,
    pub kind: ClaimKind,
    pub hedges: Vec<Span>,
    /// Indices into [`Analysis::claims`] of the claims this one denies or disputes.
    pub contradicts: Vec<usize>,
    /// A claim the analyst added (the machine's have none): its number in their own series,
    /// u1, u2 ..., so that adding one never renumbers the machine's ([`crate::schema::ClaimIds`]).
    pub added: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexType,
    /// A TimeML value (2022-02, 2024-11-22, P3Y, PAST_REF, XXXX-02 ...), typed; written in
    /// TimeML's notation only at the edges (JSON, exports).
    pub value: TimeValue,
    /// The part of the value's period an edge word opening the expression names ("early
    /// 2023", "the end of the month"), told when it is recognised: TimeML's `mod`.
    pub edge: Option<Edge>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Short, taken from the text.
    pub label: String,
    /// The words that state the event.
    pub span: Span,
    /// Index into [`Analysis::times`]; `None` for an undated event.
    pub time: Option<usize>,
    /// Indices into [`Analysis::actors`].
    pub actors: Vec<usize>,
    /// For an undated event, the interval it is known to lie in, when the text tells.
    pub within: Option<Within>,
    /// A date the analyst gave it (a review correction), in force over `time`.
    pub given: Option<GivenDate>,
    /// Its id once a correction has moved, removed or added events; none while the timeline
    /// is as the machine made it, when the id is its place ([`crate::schema::event_id`]).
    pub id: Option<EventId>,
}

impl Event {
    /// Its date: the analyst's when given, else its time expression's; with the type
    /// [`crate::analysis::times::readable`] words it by.
    pub fn date<'a>(&'a self, times: &'a [Timex]) -> Option<(&'a TimeValue, TimexType)> {
        match &self.given {
            Some(given) => Some((&given.value, given.kind())),
            None => self
                .time
                .and_then(|t| times.get(t))
                .map(|t| (&t.value, t.kind)),
        }
    }
}

/// A date the analyst typed for an event, resolved when typed ("last Friday" against the
/// published date) and kept as the value, with the words typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GivenDate {
    pub value: TimeValue,
    pub typed: String,
}

impl GivenDate {
    pub fn kind(&self) -> TimexType {
        match self.value {
            TimeValue::Time(..) => TimexType::Time,
            _ => TimexType::Date,
        }
    }
}

/// An event's id that no correction moves: the machine's event keeps its place in the
/// machine's timeline (t1 ... by `Machine(index)`), the analyst's takes the next number of
/// their own series (ut1 ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventId {
    Machine(usize),
    Added(usize),
}

/// An actor's id that no correction moves: the same two series as an event's.
pub type ActorId = EventId;

/// Where an undated event lies: after one date, before another, or between the two. The
/// bounds are the values of the dates the text gives (or the published day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Within {
    pub after: Option<TimeValue>,
    pub before: Option<TimeValue>,
    /// A state the text tells in the present ("the crossing remains closed"): it holds as of
    /// the published day, which both bounds then are.
    pub present: bool,
}

impl Within {
    /// "between Feb 2022 and 22 Nov 2024", "before 22 Nov 2024", "after Feb 2022", "as of
    /// 23 Nov 2024" (a state the text tells in the present), "during 22 Nov 2024" (bounds
    /// of one date).
    pub fn words(&self) -> String {
        self.told(|a, b| format!("between {a} and {b}"))
    }

    /// The same, short for a column: "Feb 2022 – 22 Nov 2024" for the two bounds.
    pub fn short(&self) -> String {
        self.told(|a, b| format!("{a} – {b}"))
    }

    fn told(&self, between: impl Fn(String, String) -> String) -> String {
        match (&self.after, &self.before) {
            (Some(a), _) if self.present => format!("as of {}", Self::bound(a)),
            (Some(a), Some(b)) if a == b => format!("during {}", Self::bound(a)),
            (Some(a), Some(b)) => between(Self::bound(a), Self::bound(b)),
            (Some(a), None) => format!("after {}", Self::bound(a)),
            (None, Some(b)) => format!("before {}", Self::bound(b)),
            (None, None) => "undated".to_string(),
        }
    }

    /// A bound in words, a day without its weekday ("22 Nov 2024").
    pub fn bound(value: &TimeValue) -> String {
        match value.calendar().and_then(|c| c.date()) {
            Some(d) if matches!(value, TimeValue::Date(_)) => d.strftime("%-d %b %Y").to_string(),
            _ => super::times::readable(value, TimexType::Date),
        }
    }
}
