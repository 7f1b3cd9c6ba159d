//! The contract's JSON analysis (`brief.analysis/1`): ids, code-point offsets and the text
//! each span covers, made from a [`Document`] and its [`Analysis`].

use serde::{Serialize, Serializer};

use crate::analysis::times::{Edge, TimeValue};
use crate::analysis::{
    ActorKind, Analysis, Claim, ClaimKind, Event, EventId, MentionForm, TimexType,
};
use crate::document::{DateSource, Document, Span};

pub const SCHEMA: &str = "brief.analysis/1";

#[derive(Debug, Serialize)]
pub struct AnalysisJson<'a> {
    pub schema: &'static str,
    /// A batch line's, as given (a string or a number, its digits as they were written,
    /// however many), else the fingerprint.
    pub id: Box<serde_json::value::RawValue>,
    pub document: DocumentJson<'a>,
    pub actors: Lazy<'a, ActorJson<'a>>,
    pub claims: Lazy<'a, ClaimJson<'a>>,
    pub times: Lazy<'a, TimeJson<'a>>,
    pub timeline: Lazy<'a, EventJson<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct DocumentJson<'a> {
    pub title: Option<&'a str>,
    pub source: Option<&'a str>,
    pub url: Option<&'a str>,
    pub published: Option<String>,
    /// Where `published` came from: "option" (`--published` or a batch line's), "front
    /// matter", "page metadata" or "dateline" (the article's own, `document/dateline.rs`).
    pub published_from: Option<&'static str>,
    /// "en", or "und" when the text does not look like English (nothing is then extracted).
    pub language: &'static str,
    pub fingerprint: &'a str,
    pub text: &'a str,
    /// The code-point offset where each page starts, for a briefing read from a PDF
    /// *(extension)*; absent for one without pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<Vec<usize>>,
}

#[derive(Debug, Serialize)]
pub struct ActorJson<'a> {
    pub id: String,
    pub name: &'a str,
    pub kind: ActorKind,
    pub role: Option<&'a str>,
    pub affiliation: Option<String>,
    pub aliases: &'a [String],
    pub mentions: Lazy<'a, MentionJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct MentionJson<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub form: MentionForm,
}

#[derive(Debug, Serialize)]
pub struct SpanJson<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

#[derive(Debug, Serialize)]
pub struct BareSpanJson {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Serialize)]
pub struct SourceJson<'a> {
    pub actors: Vec<String>,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

#[derive(Debug, Serialize)]
pub struct ClaimJson<'a> {
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub fragments: Option<Vec<[usize; 2]>>,
    pub sentence: BareSpanJson,
    pub source: Option<SourceJson<'a>>,
    pub cue: Option<SpanJson<'a>>,
    pub kind: ClaimKind,
    pub hedges: Vec<SpanJson<'a>>,
    pub contradicts: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct TimeJson<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// Written in TimeML's notation.
    pub value: &'a TimeValue,
    /// TimeML's `mod` for an edge word opening the expression: START, MID, END.
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub edge: Option<Edge>,
}

#[derive(Debug, Serialize)]
pub struct EventJson<'a> {
    pub id: String,
    pub label: &'a str,
    pub start: usize,
    pub end: usize,
    pub time: Option<usize>,
    pub value: Option<&'a TimeValue>,
    pub actors: Vec<String>,
    pub order: usize,
    /// An undated event's known interval, `{"after": value or null, "before": value or
    /// null}`; absent for a dated event and for one the text does not bound.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within: Option<WithinJson<'a>>,
    /// The words the analyst typed for the date `value` holds (a review's correction; `time`
    /// is then null).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct WithinJson<'a> {
    pub after: Option<&'a TimeValue>,
    pub before: Option<&'a TimeValue>,
    /// A state the text tells in the present, which holds as of the published day (both
    /// bounds); absent otherwise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub present: bool,
}

/// A list whose items are made as it is written, never held whole: built beforehand, a long
/// briefing's lists would take several times the memory of the analysis they come from.
pub struct Lazy<'a, T> {
    len: usize,
    item: Box<dyn Fn(usize) -> T + 'a>,
}

impl<'a, T> Lazy<'a, T> {
    pub fn new(len: usize, item: impl Fn(usize) -> T + 'a) -> Self {
        Lazy {
            len,
            item: Box::new(item),
        }
    }
}

impl<T: Serialize> Serialize for Lazy<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((0..self.len).map(|i| (self.item)(i)))
    }
}

impl<T> std::fmt::Debug for Lazy<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{} items]", self.len)
    }
}

pub fn actor_id(index: usize) -> String {
    id('a', index)
}

/// The id of actor `index`: its place (a1 ...), unless a correction removed or added
/// actors, when it keeps the machine's (a3) or takes the analyst's (ua1).
pub fn actor_id_at(actors: &[crate::analysis::Actor], index: usize) -> String {
    match actors.get(index).and_then(|a| a.id) {
        None => actor_id(index),
        Some(EventId::Machine(k)) => actor_id(k),
        Some(EventId::Added(n)) => format!("ua{n}"),
    }
}

pub fn claim_id(index: usize) -> String {
    id('c', index)
}

/// Every claim's id: c1, c2 ... for the machine's claims in text order, u1, u2 ... for those
/// the analyst added ([`Claim::added`]), so that adding a claim never moves another's id and
/// ids in earlier exports still match.
pub struct ClaimIds {
    /// Per claim: whether the analyst added it, and its number in its series.
    numbers: Vec<(bool, usize)>,
}

impl ClaimIds {
    pub fn new(claims: &[Claim]) -> ClaimIds {
        let mut machine = 0;
        let numbers = claims
            .iter()
            .map(|c| match c.added {
                Some(n) => (true, n),
                None => {
                    machine += 1;
                    (false, machine)
                }
            })
            .collect();
        ClaimIds { numbers }
    }

    /// The id of claim `index` ("c<index + 1>" past the end).
    pub fn get(&self, index: usize) -> String {
        match self.numbers.get(index) {
            Some(&(true, n)) => id('u', n.saturating_sub(1)),
            Some(&(false, n)) => claim_id(n - 1),
            None => claim_id(index),
        }
    }

    /// The ids of these claims.
    pub fn of(&self, indices: &[usize]) -> Vec<String> {
        indices.iter().map(|&i| self.get(i)).collect()
    }
}

pub fn event_id(index: usize) -> String {
    id('t', index)
}

/// The id of the event at `index` in the timeline: its place, unless a correction moved,
/// removed or added events, when it keeps the machine's (t3) or takes the analyst's (ut1).
pub fn event_id_of(event: &Event, index: usize) -> String {
    match event.id {
        None => event_id(index),
        Some(EventId::Machine(k)) => event_id(k),
        Some(EventId::Added(n)) => format!("ut{n}"),
    }
}

/// "a1" for the first actor: made with itoa rather than `format!`, whose machinery cost
/// more than the rest of an id (ids are written for every actor, claim and event, and
/// for every actor a claim's source or an event names).
fn id(prefix: char, index: usize) -> String {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(index + 1);
    let mut id = String::with_capacity(1 + digits.len());
    id.push(prefix);
    id.push_str(digits);
    id
}

/// Said when the text does not look like English.
pub const NOT_ENGLISH: &str =
    "the text does not look like English: no actors, claims or timeline were extracted";

/// The analysis as the contract shows it. `id` is the batch line's id, else the fingerprint;
/// `warnings` are the ingest's, to which the analysis adds its own.
pub fn to_json<'a>(
    doc: &'a Document,
    analysis: &'a Analysis,
    id: Option<Box<serde_json::value::RawValue>>,
    mut warnings: Vec<String>,
) -> AnalysisJson<'a> {
    if !analysis.english {
        warnings.push(NOT_ENGLISH.to_string());
    }
    let at = |byte: usize| doc.char_offset(byte);
    let span = move |s: Span| SpanJson {
        start: at(s.start),
        end: at(s.end),
        text: doc.slice(s),
    };
    let ids = move |indices: &[usize]| -> Vec<String> {
        indices
            .iter()
            .map(|&i| actor_id_at(&analysis.actors, i))
            .collect()
    };
    AnalysisJson {
        schema: SCHEMA,
        id: id.unwrap_or_else(|| {
            serde_json::value::to_raw_value(&doc.fingerprint).expect("a string serialises")
        }),
        document: DocumentJson {
            title: doc.meta.title.as_deref(),
            source: doc.meta.source.as_deref(),
            url: doc.meta.url.as_deref(),
            published: doc.meta.published.map(|d| d.to_string()),
            published_from: doc.meta.published_from.map(DateSource::name),
            language: if analysis.english { "en" } else { "und" },
            fingerprint: &doc.fingerprint,
            text: &doc.text,
            pages: (!doc.pages.is_empty()).then(|| doc.pages.iter().map(|&p| at(p)).collect()),
        },
        actors: Lazy::new(analysis.actors.len(), move |i| {
            let a = &analysis.actors[i];
            ActorJson {
                id: actor_id_at(&analysis.actors, i),
                name: &a.name,
                kind: a.kind,
                role: a.role.as_deref(),
                affiliation: a.affiliation.map(|k| actor_id_at(&analysis.actors, k)),
                aliases: &a.aliases,
                // a name on every line of a long briefing: mentions by the million
                mentions: Lazy::new(a.mentions.len(), move |m| {
                    let m = &a.mentions[m];
                    MentionJson {
                        start: at(m.span().start),
                        end: at(m.span().end),
                        text: doc.slice(m.span()),
                        form: m.form,
                    }
                }),
            }
        }),
        claims: Lazy::new(analysis.claims.len(), {
            let claim_ids = ClaimIds::new(&analysis.claims);
            move |i| {
                let c = &analysis.claims[i];
                ClaimJson {
                    id: claim_ids.get(i),
                    start: at(c.span.start),
                    end: at(c.span.end),
                    text: doc.slice(c.span),
                    fragments: c
                        .fragments
                        .as_ref()
                        .map(|f| f.iter().map(|s| [at(s.start), at(s.end)]).collect()),
                    sentence: BareSpanJson {
                        start: at(c.sentence.start),
                        end: at(c.sentence.end),
                    },
                    source: c.source.as_ref().map(|s| SourceJson {
                        actors: ids(&s.actors),
                        start: at(s.span.start),
                        end: at(s.span.end),
                        text: doc.slice(s.span),
                    }),
                    cue: c.cue.map(span),
                    kind: c.kind,
                    hedges: c.hedges.iter().map(|&h| span(h)).collect(),
                    contradicts: claim_ids.of(&c.contradicts),
                }
            }
        }),
        times: Lazy::new(analysis.times.len(), move |i| {
            let t = &analysis.times[i];
            TimeJson {
                start: at(t.span.start),
                end: at(t.span.end),
                text: doc.slice(t.span),
                kind: t.kind,
                value: &t.value,
                edge: t.edge,
            }
        }),
        timeline: Lazy::new(analysis.timeline.len(), move |i| {
            let e = &analysis.timeline[i];
            EventJson {
                id: event_id_of(e, i),
                label: &e.label,
                start: at(e.span.start),
                end: at(e.span.end),
                time: e.time,
                value: e.date(&analysis.times).map(|(v, _)| v),
                actors: ids(&e.actors),
                order: i + 1,
                within: e.within.as_ref().map(|w| WithinJson {
                    after: w.after.as_ref(),
                    before: w.before.as_ref(),
                    present: w.present,
                }),
                given: e.given.as_ref().map(|g| g.typed.as_str()),
            }
        }),
        warnings,
    }
}
