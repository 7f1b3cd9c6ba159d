//! Recognition: where the text names a person, organisation, country or place.
//!
//! Each sentence is scanned once, left to right. At a capitalised word (or "the" before one)
//! the longest gazetteer phrase wins; otherwise the run of capitalised words (with connectors
//! such as "of" inside) is typed from its own words (organisation and place cue words, titles,
//! census first names, acronyms) and from its neighbours ("said" after, a title before).
//! Headlines and all-capital lines say little by their capitals, so there only gazetteer
//! phrases and names already found in the body are taken.

use foldhash::{HashMap, HashSet, HashSetExt};

use super::described;
use super::gazetteer::{self, Entry, GAZETTEER, Gazetteer};
use super::recogniser::{self, Type};
use crate::analysis::lexicon::UserLexicon;
use crate::analysis::model::{ActorKind, MentionForm, Timex};
use crate::analysis::tokens::{Token, TokenKind, breaks_before, is_capitalised, is_possessive};
use crate::document::Span;

/// A name found in the text, before mentions of one actor are merged.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub span: Span,
    /// Token range, end exclusive.
    pub tokens: (usize, usize),
    /// `None` when the words alone do not tell; decided when mentions are merged.
    pub kind: Option<ActorKind>,
    pub form: MentionForm,
    /// The actor's name when a table or the user's lexicon gives it ("Russia" for "the Kremlin").
    pub canonical: Option<String>,
    /// "the North": stands for a country of the text named with this compass word.
    pub compass: bool,
    /// The title written just before a person's name ("Defense Secretary").
    pub title: Option<(usize, usize)>,
}

/// How sure the learned recogniser must be of a name's type (its score less the best other
/// label's, at the name's least sure word) to retype a name the rules found: from the dev
/// documents of all four corpora (30 traded news for web text, 60 gained less).
const SURE_TO_RETYPE: f32 = 40.0;

/// How sure the learned recogniser must be of a type to give it to an untyped name of the
/// rules of several words that opens with no census first name ("Lockheed Martin",
/// "Belet Weyne"), which would be a person by default: from the dev documents of all four
/// corpora (25 gained on three and lost on none; 15 and 20 lost GUM, 0 CoNLL too).
const SURE_TO_TYPE_UNNAMED: f32 = 25.0;

/// How sure the learned recogniser must be that none of a weak name's words is a name to
/// drop it ([`Scan::weak`]): from the dev documents of all four corpora (0 gave about the same).
const SURE_TO_DROP: f32 = 20.0;

/// The share of a text's words that are "I", "me", "my", "you" or "your" from which it is read
/// as written in the first and second person (reviews, e-mails, forum posts), where the learned
/// recogniser has the last word on names ([`personal`]): from the dev documents of all four
/// corpora (0.05 gained web text less; 0.03 cost MEANTIME's news and GUM's interviews more).
const PERSONAL_SHARE: f32 = 0.04;

/// Whether the text speaks as "I" to "you" in at least [`PERSONAL_SHARE`] of its words. The
/// capitalisation rules were written on edited news, where capitals mark names; text written
/// in the first and second person is mostly informal (reviews, e-mails, forum posts), with
/// capitals on headings, products and emphasis, and it is what the learned recogniser was
/// trained on. Quoted speech in news rarely reaches the share.
fn personal(text: &str, tokens: &[Token]) -> bool {
    let (mut words, mut own) = (0usize, 0usize);
    for t in tokens.iter().filter(|t| t.is_word()) {
        words += 1;
        own += usize::from(matches!(t.text(text), "I" | "me" | "my" | "you" | "your"));
    }
    own as f32 >= PERSONAL_SHARE * words as f32 && own > 0
}

/// How sure the model is of a name: at its least sure word.
fn least_sure(sure: &[f32]) -> f32 {
    sure.iter().copied().fold(f32::INFINITY, f32::min)
}

/// How much a sentence's capitals say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Body,
    /// Title Case: capitals on ordinary words too.
    Headline,
    /// ALL CAPITALS.
    Shouting,
}

pub(super) struct Scan<'a> {
    text: &'a str,
    tokens: &'a [Token],
    g: &'static Gazetteer,
    in_time: Vec<bool>,
    /// [`Scan::is_cap`] of each token, asked several times a token: worked out once.
    caps: Vec<bool>,
    user: HashMap<String, String>,
    /// Words written capitalised inside a body sentence (not at its start) next to another
    /// capitalised word, as in names ("Helen Carter"; not "Western allies").
    name_words: HashSet<&'a str>,
    /// Those of them that follow another capitalised word, as surnames do ("Carter", not
    /// "World" of "World Bank").
    name_tails: HashSet<&'a str>,
    /// First words of the user's aliases, lower-cased.
    user_starts: HashSet<String>,
    /// How many tokens before each are organisation or place cue words, so that
    /// [`Scan::has_cue`] over a run is one subtraction.
    cues: Vec<u32>,
    /// The last run [`Scan::run_end`] measured (its start and end): a run asked for again
    /// from a capitalised word inside it ends there too. Without it, a long run of names
    /// ("Russia North Korea Ukraine ...") was measured again from each name: quadratic.
    last_run: std::cell::Cell<Option<(usize, usize)>>,
    /// Whether a known organisation's name stands before a model's number somewhere in the
    /// text ("Airbus A380"), a maker that makes a lone "A380" a model: worked out when asked.
    maker_named: std::cell::OnceCell<bool>,
}

pub fn recognise(
    text: &str,
    tokens: &[Token],
    times: &[Timex],
    lexicon: &UserLexicon,
) -> Vec<Candidate> {
    let (scan, sentences, modes, out) = rules(text, tokens, times, lexicon);
    let mut out = scan.learned_names(&sentences, &modes, personal(text, tokens), out);
    // "US$", "HK$", "A$": a currency's country prefix names no actor
    out.retain(|c| {
        tokens.get(c.tokens.1).is_none_or(|t| {
            t.span.start > c.span.end || !t.text(text).starts_with(['$', '€', '£', '¥'])
        })
    });
    // "Lisa_resume.doc", "RobB@aol.com": a file's or address's words; "Vibrio cholerae"
    out.retain(|c| !in_address(text, c.span) && !scan.genus(c));
    // "Food: ...": a list's label; "the two Koreas": no actor of the country's name
    out.retain(|c| !scan.label(c) && !scan.country_plural(c));
    mark_teams(tokens, &mut out);
    scan.mark_described(&mut out);
    scan.mark_makers(&mut out);
    scan.mark_things(&mut out);
    out
}

/// What the rules find, as the learned recogniser reads it: a code for each token
/// ([`recogniser::rule_code`]). For the recogniser's training.
pub fn rule_evidence(text: &str, tokens: &[Token], times: &[Timex]) -> Vec<u64> {
    let (scan, _, _, out) = rules(text, tokens, times, &UserLexicon::default());
    scan.rule_codes(&out)
}

/// What the rules found with (the scan, the sentences' token ranges and modes) and their
/// candidates, sorted by start.
type Found<'a> = (Scan<'a>, Vec<(usize, usize)>, Vec<Mode>, Vec<Candidate>);

/// The rules' candidates (sorted by start) and what they were found with.
fn rules<'a>(
    text: &'a str,
    tokens: &'a [Token],
    times: &[Timex],
    lexicon: &UserLexicon,
) -> Found<'a> {
    let g = &*GAZETTEER;
    let sentences = sentence_ranges(tokens);
    let modes: Vec<Mode> = sentences
        .iter()
        .map(|&(a, b)| mode(g, text, &tokens[a..b]))
        .collect();
    let mut name_words = HashSet::new();
    let mut name_tails = HashSet::new();
    let caps = |t: &Token| t.is_word() && is_capitalised(t.text(text));
    for (&(a, b), &m) in sentences.iter().zip(&modes) {
        if m != Mode::Body {
            continue;
        }
        let s = &tokens[a..b];
        for (k, t) in s.iter().enumerate() {
            if !caps(t) || starts_line(text, tokens, a + k) {
                continue;
            }
            let after_caps = k > 0 && caps(&s[k - 1]);
            if after_caps {
                name_tails.insert(t.text(text));
            }
            if after_caps || s.get(k + 1).is_some_and(caps) {
                name_words.insert(t.text(text));
            }
        }
    }
    let mut scan = Scan {
        text,
        tokens,
        g,
        in_time: in_time(tokens, times),
        caps: Vec::new(),
        user: lexicon
            .aliases
            .iter()
            .map(|(alias, canonical)| (gazetteer::key(alias), canonical.clone()))
            .collect(),
        name_words,
        name_tails,
        user_starts: lexicon
            .aliases
            .iter()
            .filter_map(|(alias, _)| alias.split_whitespace().next())
            .map(str::to_lowercase)
            .collect(),
        cues: Vec::new(),
        last_run: std::cell::Cell::new(None),
        maker_named: std::cell::OnceCell::new(),
    };
    scan.caps = (0..tokens.len()).map(|i| scan.cap_at(i)).collect();
    scan.cues = std::iter::once(0)
        .chain((0..tokens.len()).scan(0, |n, k| {
            let w = scan.word(k);
            *n += u32::from(g.org_cues.contains(w) || g.place_cues.contains(w));
            Some(*n)
        }))
        .collect();
    let mut out = Vec::new();
    for (&(a, b), &m) in sentences.iter().zip(&modes) {
        if m == Mode::Body {
            scan.body_sentence(a, b, &mut out);
        }
    }
    // names of the body, to be found again in headlines (most texts have none)
    if modes.iter().any(|&m| m != Mode::Body) {
        let known: HashMap<String, Candidate> = out
            .iter()
            .map(|c| (gazetteer::key(&text[c.span.start..c.span.end]), c.clone()))
            .collect();
        for (&(a, b), &m) in sentences.iter().zip(&modes) {
            if m != Mode::Body {
                scan.headline_sentence(a, b, m, &known, &mut out);
            }
        }
    }
    out.sort_by_key(|c| c.span.start);
    (scan, sentences, modes, out)
}

/// In a line of results ("Chicago 5 Houston 3") or a row of standings ("Chicago 69 61 .531"),
/// city names followed by scores are teams: organisations. National teams stay countries, as
/// news style names them.
fn mark_teams(tokens: &[Token], cands: &mut [Candidate]) {
    let number = |k: usize| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number);
    let scored = |c: &Candidate| number(c.tokens.1);
    let standing = |c: &Candidate| number(c.tokens.1) && number(c.tokens.1 + 1);
    let mut start = 0;
    while start < cands.len() {
        let sentence = tokens[cands[start].tokens.0].sentence;
        let end = start
            + cands[start..]
                .iter()
                .take_while(|c| tokens[c.tokens.0].sentence == sentence)
                .count();
        let results = cands[start..end].iter().filter(|c| scored(c)).count() >= 2;
        for c in &mut cands[start..end] {
            if results && scored(c) || standing(c) {
                let lone = c.tokens.1 == c.tokens.0 + 1;
                if c.kind == Some(ActorKind::Place) || c.kind.is_none() && lone {
                    c.kind = Some(ActorKind::Organization);
                }
            }
        }
        start = end;
    }
}

/// Words before a name that make it an owner's or a kind's rather than a place's own.
pub(super) const DETERMINERS: &[&str] = &[
    "the", "The", "a", "A", "an", "An", "this", "This", "that", "That", "its", "their",
];

/// The endings of the file names a text attaches or cites ("CrudeStocks.pdf"); a web
/// address's ("Detik.com") names the site.
const FILE_ENDINGS: &[&str] = &[
    "doc", "docx", "xls", "xlsx", "ppt", "pptx", "pdf", "txt", "rtf", "csv", "jpg", "jpeg", "png",
    "gif", "zip", "exe",
];

/// Whether `span` lies in an e-mail address or a file name ("RobB@aol.com",
/// "Kevin.A.Boone@accenture.com", "Lisa_resume.doc", "CrudeStocks.pdf"), where a capital marks
/// no name: the text around it up to spaces, brackets, quotes or slashes ("Rudwell
/// Johnson/ENRON@enronXgate") holds "@" or "_" between letters or digits, or ends with a
/// file's ending. Markdown's emphasis marks at the chunk's ends ("_Jo Ames_") are no address.
fn in_address(text: &str, span: Span) -> bool {
    let apart = |c: char| c.is_whitespace() || "()<>[]\"/".contains(c);
    let from = text[..span.start]
        .char_indices()
        .rfind(|&(_, c)| apart(c))
        .map_or(0, |(k, c)| k + c.len_utf8());
    let to = text[span.end..]
        .find(apart)
        .map_or(text.len(), |k| span.end + k);
    let chunk = text[from..to]
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .trim_start_matches(['_', '*', '~']);
    chunk.char_indices().any(|(k, c)| {
        (c == '@' || c == '_')
            && chunk[..k]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            && chunk[k + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    }) || chunk
        .rsplit_once('.')
        .is_some_and(|(_, ending)| FILE_ENDINGS.contains(&ending.to_ascii_lowercase().as_str()))
}

/// Whether token `i` starts a sentence or a line (lines of tables and lists are often not
/// sentences of their own), where any word is capitalised.
fn starts_line(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens[i].sentence_start
        || i == 0
        || breaks_before(text, tokens, i)
        || (i >= 2 && tokens[i - 1].kind == TokenKind::Punct && breaks_before(text, tokens, i - 1))
        // "Health: Mobile clinics ...": a capital after a line's one-word label is one by
        // position (not "At Cardiff: Kent 128-1")
        || (i >= 2 && tokens[i - 1].text(text) == ":" && starts_line(text, tokens, i - 2))
}

/// Token ranges of the sentences, in order.
fn sentence_ranges(tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        match out.last_mut() {
            Some(last) if tokens[last.0].sentence == t.sentence => last.1 = i + 1,
            _ => out.push((i, i + 1)),
        }
    }
    out
}

fn mode(g: &Gazetteer, text: &str, sentence: &[Token]) -> Mode {
    // iterators, not lists: most sentences are settled by their first words
    let words = || {
        sentence
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.text(text))
    };
    let lettered = || words().filter(|w| w.chars().filter(|c| c.is_alphabetic()).nth(1).is_some());
    if lettered().all(|w| !w.chars().any(char::is_lowercase)) && {
        let total = lettered().take(2).count();
        total >= 2 || total == 1 && words().nth(1).is_none()
    } {
        return Mode::Shouting;
    }
    // Title Case: every longer word capitalised, some of them ordinary words
    let long = || words().filter(|w| w.chars().nth(3).is_some());
    // ordinary words in Title Case, not names of people ("Love", "Cook" in a list of golfers)
    let common_caps = || {
        long()
            .filter(|w| {
                is_capitalised(w)
                    && w.chars().any(char::is_lowercase)
                    && g.is_common(w)
                    && !g.first_names.contains(*w)
                    && !g.last_names.contains(*w)
            })
            .count()
    };
    let commas = || sentence.iter().filter(|t| t.text(text) == ",").count();
    // the gazetteer last: most sentences fail the cheap tests
    if long().all(is_capitalised) && long().nth(3).is_some() && commas() <= 1 && {
        let common_caps = common_caps();
        common_caps >= 2 && common_caps * 2 >= long().count()
    } {
        Mode::Headline
    } else {
        Mode::Body
    }
}

/// Which tokens lie inside a time expression ("Friday", "May 2024").
fn in_time(tokens: &[Token], times: &[Timex]) -> Vec<bool> {
    let mut spans: Vec<Span> = times.iter().map(|t| t.span).collect();
    spans.sort_by_key(|s| s.start);
    let mut out = vec![false; tokens.len()];
    let mut k = 0;
    for (i, t) in tokens.iter().enumerate() {
        while k < spans.len() && spans[k].end <= t.span.start {
            k += 1;
        }
        out[i] = spans[k..]
            .iter()
            .take_while(|s| s.start < t.span.end)
            .any(|s| s.end > t.span.start);
    }
    out
}

impl<'a> Scan<'a> {
    /// Whether a rule's candidate comes from the tables (a country, seat, demonym, known
    /// place or organisation, the user's alias, "the North") or is a group of people.
    fn tabled(&self, c: &Candidate) -> bool {
        c.canonical.is_some()
            || c.compass
            || c.kind == Some(ActorKind::Group)
            // a known place is the only table phrase without a canonical name
            || c.kind == Some(ActorKind::Place)
                && self
                    .g
                    .lookup(&gazetteer::key(&self.text[c.span.start..c.span.end]))
                    .is_some()
    }

    /// The rules' candidates as evidence for the recogniser: a code for each token.
    fn rule_codes(&self, cands: &[Candidate]) -> Vec<u64> {
        let mut out = vec![0; self.tokens.len()];
        for c in cands {
            let tabled = self.tabled(c);
            for (k, code) in out[c.tokens.0..c.tokens.1].iter_mut().enumerate() {
                *code = recogniser::rule_code(c.kind, k == 0, tabled);
            }
        }
        out
    }

    /// The learned recogniser's names (`recogniser.rs`) in the body sentences, combined with
    /// the rules' candidates (sorted by start), which it reads as evidence: a name where the
    /// rules found none is added, and a name the rules found with the same words but of
    /// another type, and no table's, is retyped when the model is sure of it by
    /// [`SURE_TO_RETYPE`], and a name that rests on its capitals alone ([`Scan::weak`]) is
    /// dropped when the model is sure by [`SURE_TO_DROP`] that none of its words is a name.
    /// Letting it also cut, join or drop the other names of the rules traded news for web
    /// text on the dev documents at every margin tried (docs/ARCHITECTURE.md), so it does so
    /// only in a text written in the first and second person ([`personal`]): there the
    /// model's names replace the rules' names they overlap but the tables', a rule's name of
    /// the same words keeping its type unless the model is sure, and a rule's name the model
    /// found nothing in goes when it is sure by [`SURE_TO_DROP`] there is none.
    fn learned_names(
        &self,
        sentences: &[(usize, usize)],
        modes: &[Mode],
        personal: bool,
        mut out: Vec<Candidate>,
    ) -> Vec<Candidate> {
        let codes = self.rule_codes(&out);
        let before = out.len();
        let named = self.named_words(&out);
        let mut dropped = vec![false; before];
        for (&(a, b), &m) in sentences.iter().zip(modes) {
            // where every capitalised word is in a table's name, any name the model found
            // would be one the rules found or cut across one, and be left
            if m != Mode::Body || !(a..b).any(|k| self.caps[k] && !recogniser::tabled(codes[k])) {
                continue;
            }
            let spans: Vec<(usize, usize)> = self.tokens[a..b]
                .iter()
                .map(|t| (t.span.start, t.span.end))
                .collect();
            let reading = recogniser::recognise(self.text, &spans, &codes[a..b]);
            let first = out[..before].partition_point(|c| c.tokens.0 < a);
            for (k, c) in out[first..before].iter().enumerate() {
                let (s, e) = c.tokens;
                if s >= b {
                    break;
                }
                let o = first + k;
                let model_named = reading
                    .names
                    .iter()
                    .any(|n| a + n.start < e && s < a + n.end);
                let sure_o = || {
                    !model_named
                        && reading.sure[s - a..e - a]
                            .iter()
                            .all(|&m| m.is_finite() && m >= SURE_TO_DROP)
                };
                dropped[o] = if personal {
                    // the model's names replace the rules' they overlap, and a rule's name
                    // it found nothing in goes when it is sure there is none
                    !self.tabled(c)
                        && (model_named
                            || reading.sure[s - a..e - a]
                                .iter()
                                .all(|&m| m >= SURE_TO_DROP))
                } else {
                    self.weak(&out[..before], o, &named) && sure_o()
                };
            }
            for n in reading.names {
                let (mut s, e) = (a + n.start, a + n.end);
                // "President Trump": the rules read titles as roles
                while s < e && self.g.is_title(self.word(s)) {
                    s += 1;
                }
                // a name starts and ends with a word, holds a capital, is no time and no
                // title ("National Security Director")
                if !self.is_word(s, e)
                    || !self.tokens[e - 1].is_word()
                    || (s..e).any(|k| self.g.is_title(self.word(k)) || self.in_time[k])
                    || !(s..e).any(|k| self.caps[k])
                {
                    continue;
                }
                // "Diplomats said": a plural of an ordinary word, capitalised only because it
                // opens the sentence, names no person
                if n.kind == Type::Person && e == s + 1 && self.plural_opening(s) {
                    continue;
                }
                // "Health partners said": a frequent word opening the sentence before a
                // lower-case plural is that noun's modifier, no name
                if e == s + 1 && self.modifier_opening(s) {
                    continue;
                }
                let kind = match n.kind {
                    Type::Person => ActorKind::Person,
                    Type::Organization => ActorKind::Organization,
                    Type::Place => ActorKind::Place,
                };
                // "Asia Maritime Transparency Initiative": a name ending in a word of plans,
                // programmes and meetings is no person's or place's, unless a census name
                // opens it before census names ("Stuart Law")
                let words: Vec<&str> = (s..e).map(|k| self.word(k)).collect();
                let kind = if kind != ActorKind::Organization
                    && e > s + 1
                    && self.g.other_cues.contains(self.word(e - 1))
                    && !self.g.census_named(&words)
                {
                    ActorKind::Organization
                } else {
                    kind
                };
                let first = out[..before].partition_point(|c| c.tokens.1 <= s);
                if personal {
                    let mut cut = out[first..before].iter().take_while(|c| c.tokens.0 < e);
                    if cut.any(|c| self.tabled(c)) {
                        continue;
                    }
                    // a rule's name of the same words keeps its type unless the model is sure
                    if out[first..before]
                        .first()
                        .is_some_and(|c| c.tokens == (s, e))
                        && least_sure(&reading.sure[s - a..e - a]) < SURE_TO_RETYPE
                    {
                        dropped[first] = false;
                    } else {
                        out.push(self.name(s, e, Some(kind)));
                    }
                    continue;
                }
                match out[first..before].first() {
                    Some(c) if c.tokens.0 >= e => out.push(self.name(s, e, Some(kind))),
                    None => out.push(self.name(s, e, Some(kind))),
                    // a model's designation names a product, which the model has no type for
                    Some(c)
                        if c.tokens == (s, e)
                            && c.kind != Some(kind)
                            && !self.tabled(c)
                            && !(c.kind == Some(ActorKind::Other)
                                && e == s + 1
                                && is_model(self.word(s))) =>
                    {
                        // an untyped name of several words is a person only by default
                        let margin = if c.kind.is_none()
                            && e > s + 1
                            && !self.g.first_names.contains(self.word(s))
                        {
                            SURE_TO_TYPE_UNNAMED
                        } else {
                            SURE_TO_RETYPE
                        };
                        if least_sure(&reading.sure[s - a..e - a]) >= margin {
                            out[first].kind = Some(kind);
                        }
                    }
                    Some(_) => {}
                }
            }
        }
        if dropped.contains(&true) {
            let mut drop = dropped.into_iter();
            out.retain(|_| !drop.next().unwrap_or(false));
        }
        if out.len() > before {
            out.sort_by_key(|c| c.span.start);
        }
        out
    }

    /// "Food:", "Health:" opening a line or list item: an ordinary word before a colon is the
    /// item's label, no name (no table's, no census name: "Park: we will respond" is a
    /// speaker).
    fn label(&self, c: &Candidate) -> bool {
        let (s, e) = c.tokens;
        let w = self.word(s);
        e == s + 1
            && !self.tabled(c)
            && self.tokens.get(e).is_some_and(|t| t.text(self.text) == ":")
            && starts_line(self.text, self.tokens, s)
            && self.g.is_common(w)
            && !self.g.first_names.contains(w)
            && !self.g.last_names.contains(w)
    }

    /// "the two Koreas", "both Chinas": a country's name in the plural after a lower-case word
    /// that counts them (not "the Americas", a continent's name) names no one actor.
    fn country_plural(&self, c: &Candidate) -> bool {
        let (s, e) = c.tokens;
        let w = self.word(s);
        e == s + 1
            && s > 0
            && !self.tabled(c)
            && self.lower_word_at(s - 1, s)
            && !DETERMINERS.contains(&self.word(s - 1))
            && w.strip_suffix('s').is_some_and(|stem| {
                matches!(
                    self.g.lookup(&gazetteer::key(stem)),
                    Some(Entry::Country(_))
                )
            })
    }

    /// The kind the words around a name give it ([`described::kind`]: "the newsletter Copper
    /// Almanac", "Green Valley, a logistics company", "the Kuril peninsula"), and a name spelled
    /// out before its initials in brackets an organisation's unless a census first name opens
    /// it: the last word on a name no table gave, after its own words and the learned
    /// recogniser. Products and facilities (kind other) keep their kind.
    fn mark_described(&self, cands: &mut [Candidate]) {
        for c in cands.iter_mut() {
            if self.tabled(c) || c.kind == Some(ActorKind::Other) {
                continue;
            }
            let (s, e) = c.tokens;
            let kind = described::kind(self.g, self.text, self.tokens, s, e).or_else(|| {
                (c.kind.is_none_or(|k| k == ActorKind::Person)
                    && self.spelled_out(s, e)
                    && !self.g.first_names.contains(self.word(s)))
                .then_some(ActorKind::Organization)
            });
            if kind.is_some() {
                c.kind = kind;
            }
        }
    }

    /// "McDonnell Douglas introduced the MD-95": a name of several words whose initials open
    /// a model's designation of the text (kind other) is its maker's, an organisation, not a
    /// person's by default.
    fn mark_makers(&self, cands: &mut [Candidate]) {
        let prefixes: HashSet<String> = cands
            .iter()
            .filter(|c| c.kind == Some(ActorKind::Other) && c.tokens.1 == c.tokens.0 + 1)
            .map(|c| self.word(c.tokens.0))
            .filter(|w| is_model(w))
            .map(|w| w.chars().take_while(char::is_ascii_alphabetic).collect())
            .collect();
        if prefixes.is_empty() {
            return;
        }
        for c in cands.iter_mut() {
            let (s, e) = c.tokens;
            if e > s + 1
                && c.kind.is_none_or(|k| k == ActorKind::Person)
                && !self.tabled(c)
                && prefixes.contains(&super::cluster::initials_of((s..e).map(|k| self.word(k))))
            {
                c.kind = Some(ActorKind::Organization);
            }
        }
    }

    /// "Vibrio cholerae", "Formica fusca": a capitalised word before a lower-case word with a
    /// Latin ending that is no English word (nor a connector of names: "bin", "al") names a
    /// genus and its species, no actor; the capitalised word no census name or table's.
    fn genus(&self, c: &Candidate) -> bool {
        let (s, e) = c.tokens;
        let w = self.word(s);
        e == s + 1
            && !self.tabled(c)
            && !self.g.first_names.contains(w)
            && !self.g.last_names.contains(w)
            && self.tokens.get(e).is_some_and(|t| {
                let next = t.text(self.text);
                t.kind == TokenKind::Word
                    && t.span.start > c.span.end
                    && next.chars().count() >= 3
                    && next.chars().all(|ch| ch.is_lowercase())
                    && ["a", "ae", "i", "ii", "is", "us", "um", "ens", "ensis"]
                        .iter()
                        .any(|end| next.ends_with(end))
                    && !self.g.is_common(next)
                    && !self.g.connectors.contains(next)
                    && !starts_line(self.text, self.tokens, e)
            })
    }

    /// A plural of an ordinary word that opens a sentence or a line ("Diplomats", "Analysts"),
    /// capitalised there by position: no census name, and written capitalised nowhere else
    /// beside another capital.
    fn plural_opening(&self, i: usize) -> bool {
        let w = self.word(i);
        w.ends_with('s')
            && starts_line(self.text, self.tokens, i)
            && self.g.is_common(w)
            && !self.g.first_names.contains(w)
            && !self.g.last_names.contains(w)
            && !self.name_words.contains(w)
    }

    /// A frequent word of English that opens a sentence or a line before a lower-case plural
    /// ("Health partners", "Security forces"), capitalised there by position, however often
    /// the text writes it in names ("the Security Council"): no census name.
    fn modifier_opening(&self, i: usize) -> bool {
        let w = self.word(i);
        starts_line(self.text, self.tokens, i)
            && self.g.rank(w).is_some()
            && !self.g.first_names.contains(w)
            && !self.g.last_names.contains(w)
            && self.lower_word_at(i + 1, self.tokens.len())
            && {
                let next = self.word(i + 1);
                next.ends_with('s')
                    && !next.ends_with("ss")
                    && !self.g.said_verbs.contains(next)
                    && self.g.is_common(next)
            }
    }

    /// The words of the typed names: a name that shares one of them is the document's,
    /// whatever its own capitals say ("Smith" after "John Smith").
    fn named_words(&self, cands: &[Candidate]) -> HashSet<&'a str> {
        let mut out = HashSet::new();
        for c in cands {
            if c.kind.is_some() {
                for k in c.tokens.0..c.tokens.1 {
                    out.insert(self.word(k));
                }
            }
        }
        out
    }

    /// Whether the rules' name `i` of `cands` rests on its capitals alone, so that the model
    /// may overrule it: no table's, untyped (no cue word, title, first name or context gave
    /// a kind), every word an ordinary English word and no census name ("Email", "File",
    /// "Great Job"), not written against another name ("London Newsroom", "Manchester
    /// United": a piece of a longer name) or before a number (a team in a table of
    /// results), and none of its words in a typed name of the document ([`Scan::named_words`]).
    fn weak(&self, cands: &[Candidate], i: usize, named: &HashSet<&str>) -> bool {
        let c = &cands[i];
        let (s, e) = c.tokens;
        c.kind.is_none()
            && !self.tabled(c)
            && (i == 0 || cands[i - 1].tokens.1 != s)
            && cands.get(i + 1).is_none_or(|n| n.tokens.0 != e)
            && self
                .tokens
                .get(e)
                .is_none_or(|t| t.kind != TokenKind::Number)
            && (s..e).all(|k| {
                let w = self.word(k);
                self.g.is_common(w)
                    && !self.g.first_names.contains(w)
                    && !self.g.last_names.contains(w)
                    && !named.contains(w)
            })
    }

    /// Names of vessels ("USS Carney") and facilities ("the Yongbyon nuclear complex") are of
    /// kind other: no person, organisation or place. A table's name is left as it is ("the
    /// Kremlin complex").
    fn mark_things(&self, cands: &mut [Candidate]) {
        let n = self.tokens.len();
        // the full names of the text, a person's or not yet typed, by their last words
        let full_names: HashMap<&str, usize> = cands
            .iter()
            .filter(|c| c.kind.is_none_or(|k| k == ActorKind::Person))
            .map(|c| (self.word(c.tokens.1 - 1), c.tokens.1 - c.tokens.0))
            .fold(HashMap::default(), |mut m, (w, len)| {
                let longest = m.entry(w).or_insert(0);
                *longest = len.max(*longest);
                m
            });
        for c in cands.iter_mut() {
            let (s, e) = c.tokens;
            // "USS Carney", "the survey ship Oruc Reis"
            let vessel = e > s + 1 && self.g.vessel_prefixes.contains(self.word(s))
                || s > 0
                    && self.lower_word_at(s - 1, n)
                    && self.g.vessel_prefixes.contains(self.word(s - 1))
                    && !self.tabled(c);
            // "the Trump camp", "the Biden base": a person's following, not a facility; so is
            // "the Ramaswamy camp" after "Vivek Ramaswamy", whose surname no census lists
            let census = || {
                (s..e).all(|k| {
                    self.g.first_names.contains(self.word(k))
                        || self.g.last_names.contains(self.word(k))
                }) || full_names
                    .get(self.word(e - 1))
                    .is_some_and(|&len| len > e - s)
            };
            let facility = || {
                c.kind != Some(ActorKind::Person)
                    && !self.tabled(c)
                    && !census()
                    // the head noun among the modifiers right after the name, not past a
                    // verb or determiner ("38 North said the site ...")
                    && (e..(e + 3).min(n))
                        .take_while(|&k| {
                            self.lower_word_at(k, n)
                                && !self.g.said_verbs.contains(self.word(k))
                                && !matches!(
                                    self.word(k),
                                    "the" | "a" | "an" | "its" | "their" | "this" | "that"
                                )
                        })
                        .any(|k| self.g.facility_nouns.contains(self.word(k)))
            };
            if vessel || facility() {
                c.kind = Some(ActorKind::Other);
            }
        }
    }

    /// A name of tokens `s..e`, of `kind` when the words tell it, with nothing from a table.
    fn name(&self, s: usize, e: usize, kind: Option<ActorKind>) -> Candidate {
        Candidate {
            span: self.span(s, e),
            tokens: (s, e),
            kind,
            form: MentionForm::Name,
            canonical: None,
            compass: false,
            title: None,
        }
    }

    fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    fn is_word(&self, i: usize, b: usize) -> bool {
        i < b && self.tokens[i].kind == TokenKind::Word
    }

    /// A capitalised word that may be part of a name.
    fn is_cap(&self, i: usize, b: usize) -> bool {
        i < b && self.caps[i]
    }

    fn cap_at(&self, i: usize) -> bool {
        if !self.is_word(i, self.tokens.len()) {
            return false;
        }
        let w = self.word(i);
        // "I'm", "We'll": a pronoun with its verb; "January-June": a time
        let stem = w.split(['\'', '’', '-']).next().unwrap_or(w);
        // "al-Shabaab", "el-Sisi": a name after the lower-case article of an Arabic name
        let prefixed = || {
            w.split_once('-').is_some_and(|(article, rest)| {
                self.g.connectors.contains(article) && is_capitalised(rest)
            })
        };
        !self.in_time[i]
            // "Don't", "Can't": a verb, whatever "Don" is
            && !w.ends_with("n't")
            && !w.ends_with("n’t")
            && (is_capitalised(w) || prefixed())
            && !self.g.not_names.contains(w)
            && !self.g.not_names.contains(stem)
    }

    fn lower_word_at(&self, i: usize, b: usize) -> bool {
        self.is_word(i, b) && self.word(i).chars().next().is_some_and(char::is_lowercase)
    }

    fn is_connector(&self, i: usize, b: usize) -> bool {
        i < b && self.g.connectors.contains(self.word(i))
    }

    fn is_the(&self, i: usize, b: usize) -> bool {
        self.is_word(i, b) && matches!(self.word(i), "the" | "The")
    }

    /// End of the run of capitalised words from `i`, with connectors between them.
    fn run_end(&self, i: usize, b: usize) -> usize {
        if let Some((from, end)) = self.last_run.get()
            && from < i
            && i < end
            && self.is_cap(i, b)
        {
            return end;
        }
        let end = self.measure_run(i, b);
        self.last_run.set(Some((i, end)));
        end
    }

    fn measure_run(&self, i: usize, b: usize) -> usize {
        let mut j = i;
        while j < b {
            // a name does not go on to the next line (a byline, then the dateline)
            if j > i && starts_line(self.text, self.tokens, j) {
                break;
            }
            if self.is_cap(j, b) {
                j += 1;
            } else if j > i
                && (self.is_connector(j, b) || self.collective_possessive(j))
                && self.is_cap(j + 1, b)
            {
                j += 2;
            } else if j > i
                && matches!(self.word(j), "of" | "for")
                && j == i + 1
                && self.g.org_cues.contains(self.word(i))
                && self.is_the(j + 1, b)
                && self.is_cap(j + 2, b)
            {
                // "Institute for the Study of War"
                j += 3;
            } else if j > i && self.word(j) == "and" && self.coordinated(i, j, b) {
                // "Center for Strategic and International Studies"
                j += 2;
            } else {
                break;
            }
        }
        j
    }

    /// Whether the "and" at `j` joins two words of one name: an organisation word, "of" or
    /// "for" before it ("Department of Housing and Urban Development"), and after it
    /// capitalised words with no acronym or cue word, which would make a name of their own
    /// ("Ministry of Defence and FBI", "... and Colorado State University").
    fn coordinated(&self, i: usize, j: usize, b: usize) -> bool {
        (i + 1..j).any(|k| {
            matches!(self.word(k), "of" | "for") && self.g.org_cues.contains(self.word(k - 1))
        }) && self.is_cap(j + 1, b)
            && (j + 1..b)
                .take_while(|&k| self.is_cap(k, b))
                .all(|k| !is_acronym(self.word(k)) && !self.is_title_or_cue(k))
    }

    /// A possessive after a plural of people ("Workers' Party", "Korean People's Army",
    /// "Women's Hospital") is inside a name; after a name ("Russia's President") it ends one.
    fn collective_possessive(&self, j: usize) -> bool {
        let (before, mark) = (self.word(j - 1), self.word(j));
        is_possessive(mark)
            && self.tokens[j - 1].span.end == self.tokens[j].span.start
            && if mark.len() == 1 || mark == "’" {
                before.ends_with('s') && self.g.is_common(before)
            } else {
                matches!(before, "People" | "Women" | "Men" | "Children")
            }
    }

    fn span(&self, a: usize, e: usize) -> Span {
        Span::new(self.tokens[a].span.start, self.tokens[e - 1].span.end)
    }

    /// The longest table phrase from `i` (the user's aliases first): its end and entry.
    fn phrase(&self, i: usize, b: usize, shouting: bool) -> Option<(usize, Phrase)> {
        let user_start = self.is_word(i, b)
            && !self.user_starts.is_empty()
            && self.user_starts.contains(&self.word(i).to_lowercase());
        if !(shouting
            || user_start
            || self.is_cap(i, b)
            || self.is_the(i, b) && self.is_cap(i + 1, b))
        {
            return None;
        }
        // the longest span worth a lookup: words, possessives and connectors
        let mut limit = i;
        while limit < b && limit - i < self.g.max_words + 2 {
            let t = self.tokens[limit];
            let w = self.word(limit);
            let ok = if t.kind == TokenKind::Word {
                shouting
                    || user_start
                    || is_capitalised(w)
                    || self.g.connectors.contains(w)
                    || w == "the"
            } else {
                is_possessive(w) || matches!(w, "-" | "." | "&")
            };
            if !ok || self.in_time[limit] {
                break;
            }
            limit += 1;
        }
        // at most the text of the span it grows over
        let mut key = String::with_capacity(if limit > i {
            self.tokens[limit - 1].span.end - self.tokens[i].span.start
        } else {
            0
        });
        let mut best = None;
        for e in i + 1..=limit {
            if e > i + 1 {
                let gap = self.tokens[e - 2].span.end < self.tokens[e - 1].span.start;
                if gap {
                    key.push(' ');
                }
            }
            let word = self.word(e - 1);
            if word.is_ascii() {
                // lowered in place, not pushed a character at a time
                let from = key.len();
                key.push_str(word);
                key[from..].make_ascii_lowercase();
            } else {
                key.extend(word.chars().flat_map(char::to_lowercase));
            }
            if !self.is_word(e - 1, b) {
                continue;
            }
            if let Some(canonical) = self.user.get(&key) {
                best = Some((e, Phrase::User(canonical.clone())));
            } else if let Some(entry) = self.g.lookup(&key) {
                best = Some((e, Phrase::Table(entry)));
            }
        }
        best
    }

    fn body_sentence(&self, a: usize, b: usize, out: &mut Vec<Candidate>) {
        let mut i = a;
        while i < b {
            if let Some((e, phrase)) = self
                .phrase(i, b, false)
                .filter(|(e, p)| !self.first_name_not_place(i, *e, b, p))
            {
                let run = self.run_end(e, b);
                if run > e && (self.has_cue(e, run) || self.demonym_led(i, e, run, &phrase)) {
                    i = self.typed_run(i, run, b, out);
                    continue;
                }
                if matches!(phrase, Phrase::Table(Entry::Organization(_))) {
                    // "Airbus A380", "Boeing 737s": a maker's name before a model's number
                    // names the product, not the maker
                    if let Some(end) = self.model_after(e, b) {
                        out.push(self.name(i, end, Some(ActorKind::Other)));
                        i = end;
                        continue;
                    }
                    let more = self.ordinary_tail(e, b);
                    if more > e {
                        let mut c = self.phrase_candidate(i, e, phrase);
                        c.span = self.span(i, more);
                        c.tokens = (i, more);
                        out.push(c);
                        i = more;
                        continue;
                    }
                }
                if self.accept_phrase(i, e, &phrase) {
                    let mut c = self.phrase_candidate(i, e, phrase);
                    // "the bombing in Nairobi": a capital where something happens is a
                    // place of its own, as is the one a wire dateline opens with ("ATHENS,
                    // March 14 -"); one that speaks or acts stands for its country
                    let words = &self.text[c.span.start..c.span.end];
                    let dateline = self.tokens[i].sentence_start
                        && !words.chars().any(char::is_lowercase)
                        && self.tokens.get(e).is_some_and(|t| t.text(self.text) == ",");
                    if matches!(c.kind, Some(ActorKind::Country))
                        && self
                            .g
                            .lookup(&gazetteer::key(words))
                            .is_some_and(|e| matches!(e, Entry::Seat(_)))
                        && (dateline
                            || word_before(self.text, self.tokens, i).is_some_and(|w| {
                                matches!(w, "in" | "at" | "near" | "into" | "inside" | "outside")
                            }))
                    {
                        c.kind = Some(ActorKind::Place);
                        c.canonical = None;
                    }
                    out.push(c);
                }
                i = e;
                continue;
            }
            if self.is_the(i, b) && self.is_compass(i + 1, b) && !self.is_cap(i + 2, b) {
                out.push(Candidate {
                    span: self.span(i, i + 2),
                    tokens: (i, i + 2),
                    kind: Some(ActorKind::Country),
                    form: MentionForm::Name,
                    canonical: None,
                    compass: true,
                    title: None,
                });
                i += 2;
                continue;
            }
            if !self.is_cap(i, b) {
                i += 1;
                continue;
            }
            let end = self.run_end(i, b);
            // an ordinary word that starts the sentence ("Analysts", "Several Russian",
            // "Forty-three"; not "Al-Shabaab", whose capitalised tail keeps it whole)
            let head = match self.word(i).split_once('-') {
                Some((head, tail)) if !is_capitalised(tail) => head,
                _ => self.word(i),
            };
            if self.modifier_opening(i)
                || starts_line(self.text, self.tokens, i)
                    && self.g.is_common(head)
                    && !self.name_words.contains(self.word(i))
                    && !(end > i + 1
                        && (self.g.first_names.contains(self.word(i))
                            // a cue word before the first connector ("Ministry of ..."); not
                            // one after it ("Shares of Quarry Photonics")
                            || (i..end)
                                .take_while(|&k| !self.is_connector(k, end))
                                .any(|k| self.is_title_or_cue(k))
                            || self.surname_before_name(i)))
            {
                i += 1;
                continue;
            }
            i = self.typed_run(i, end, b, out);
        }
    }

    /// "Georgian Dream", "Palestinian Islamic Jihad": a people's adjective before capitalised
    /// ordinary words, a space apart on one line, is the first word of a name (a party's, a
    /// company's), not its country, when none of the words after it is a title, census name,
    /// acronym, faith or people ("Georgian Muslims") or table phrase ("Russian President", "Ukrainian Olena Ames", "Iraqi
    /// Kurdistan") or a word no dictionary has ("French Macron").
    fn demonym_led(&self, i: usize, e: usize, run: usize, phrase: &Phrase) -> bool {
        let b = self.tokens.len();
        e == i + 1
            && matches!(phrase, Phrase::Table(Entry::Demonym(_)))
            && !self.word(i).ends_with('s')
            && !starts_line(self.text, self.tokens, e)
            && self.tokens[e].span.start == self.tokens[i].span.end + 1
            && (e..run).all(|k| {
                let w = self.word(k);
                self.g.connectors.contains(w)
                    || self.g.is_common(w)
                        && !is_acronym(w)
                        && !self.g.is_title(w)
                        && !self.g.first_names.contains(w)
                        && !self.g.last_names.contains(w)
                        && !self
                            .g
                            .group_words
                            .contains(w.strip_suffix('s').unwrap_or(w))
                        && self.phrase(k, b, false).is_none()
            })
    }

    /// The end of the capitalised ordinary words right after a known organisation's name,
    /// which name a part or a former name of it ("Apple Computer", "Boeing Commercial
    /// Airplanes"): no title, first name, acronym or known phrase among them ("Apple CEO Tim
    /// Cook", "Boeing Saudi Arabia"); `e` when there are none.
    fn ordinary_tail(&self, e: usize, b: usize) -> usize {
        let mut j = e;
        while self.is_cap(j, b)
            && !starts_line(self.text, self.tokens, j)
            && self.tokens[j].span.start > self.tokens[j - 1].span.end
            && {
                let w = self.word(j);
                self.g.is_common(w)
                    && !is_acronym(w)
                    && !self.g.is_title(w)
                    && !self.g.first_names.contains(w)
                    && self.phrase(j, b, false).is_none()
            }
        {
            j += 1;
        }
        j
    }

    /// The end of a model's number right after a maker's name ending at `e` ("Airbus A380",
    /// "Boeing 737s", "Boeing 737-800", "Airbus 380"), written a space apart and not a time
    /// ("Boeing 2024"), an ordinal ("the United Nations 80th session") or a count ("Toyota 500
    /// workers"); none when the next word is not one.
    fn model_after(&self, e: usize, b: usize) -> Option<usize> {
        let numbered = |k: usize| {
            let w = if k < b { self.word(k) } else { "" };
            k < b
                && !self.in_time[k]
                && self.tokens[k].kind != TokenKind::Punct
                && w.chars().any(|c| c.is_ascii_digit())
                && w.chars().all(|c| c.is_ascii_alphanumeric())
        };
        let touches = |k: usize| self.tokens[k].span.start == self.tokens[k - 1].span.end;
        if !numbered(e) || touches(e) || self.word(e).len() < 3 {
            return None;
        }
        let w = self.word(e);
        let rest = w.trim_start_matches(|c: char| c.is_ascii_digit());
        let ordinal = rest.len() < w.len() && ["st", "nd", "rd", "th"].contains(&rest);
        let count = rest.is_empty()
            && self.lower_word_at(e + 1, b)
            && self.word(e + 1).len() > 3
            && self.word(e + 1).ends_with('s');
        if ordinal || count {
            return None;
        }
        // a variant after a hyphen: "737-800", "777-200LR"
        let variant = e + 2 < b && self.word(e + 1) == "-" && touches(e + 1) && touches(e + 2);
        Some(if variant && numbered(e + 2) {
            e + 3
        } else {
            e + 1
        })
    }

    fn maker_named(&self) -> bool {
        *self.maker_named.get_or_init(|| {
            let n = self.tokens.len();
            (0..n.saturating_sub(1)).any(|k| {
                self.caps[k]
                    && self.model_after(k + 1, n).is_some()
                    && matches!(
                        self.phrase(k, k + 1, false),
                        Some((_, Phrase::Table(Entry::Organization(_))))
                    )
            })
        })
    }

    /// "George W. Bush", "Florence Smith": a first name that is also a town, before another
    /// capitalised word, starts a person's name.
    fn first_name_not_place(&self, i: usize, e: usize, b: usize, phrase: &Phrase) -> bool {
        e == i + 1
            && matches!(phrase, Phrase::Table(Entry::Place))
            && self.g.first_names.contains(self.word(i))
            && self.is_cap(e, b)
    }

    /// "Shin Wonsik" at a sentence start: a surname that is also a rare word, before a
    /// capitalised word known nowhere (no English word, no name or place we know, no
    /// initials), starts a name. Everyday words stay out ("Later Putin", "Real Sociedad",
    /// "Doctor Sergei ..."), and so does a word before a known name ("Key Clinton").
    fn surname_before_name(&self, i: usize) -> bool {
        let (first, next) = (self.word(i), self.word(i + 1));
        self.g.last_names.contains(first)
            && self.g.rank(first).is_none()
            && self.is_cap(i + 1, self.tokens.len())
            && next.chars().skip(1).any(char::is_lowercase)
            && !self.g.is_common(next)
            && !self.g.first_names.contains(next)
            && !self.g.last_names.contains(next)
            && self.g.lookup(&gazetteer::key(next)).is_none()
    }

    fn is_title_or_cue(&self, k: usize) -> bool {
        let w = self.word(k);
        self.g.is_title(w) || self.g.org_cues.contains(w) || self.g.place_cues.contains(w)
    }

    fn is_compass(&self, i: usize, b: usize) -> bool {
        self.is_word(i, b) && matches!(self.word(i), "North" | "South" | "East" | "West")
    }

    /// A single ordinary word found as a place ("Reading", "Mobile") at a sentence start is
    /// only a place if the text capitalises it elsewhere too.
    fn accept_phrase(&self, i: usize, e: usize, phrase: &Phrase) -> bool {
        let w = self.word(i);
        !(e == i + 1
            && matches!(phrase, Phrase::Table(Entry::Place))
            && starts_line(self.text, self.tokens, i)
            && self.g.is_common(w)
            && !self.name_words.contains(w))
    }

    fn phrase_candidate(&self, i: usize, e: usize, phrase: Phrase) -> Candidate {
        let (kind, form, canonical) = match phrase {
            Phrase::User(name) => {
                let kind = self.g.lookup(&gazetteer::key(&name)).map(Entry::kind);
                (kind, MentionForm::Name, Some(name))
            }
            Phrase::Table(entry) => {
                let form = if matches!(entry, Entry::Demonym(_)) {
                    MentionForm::Demonym
                } else {
                    MentionForm::Name
                };
                let canonical = match entry {
                    Entry::Country(n) | Entry::Seat(n) | Entry::Demonym(n) => Some(n.to_string()),
                    Entry::Organization(n) => Some(n.to_string()),
                    Entry::Place => None,
                };
                (Some(entry.kind()), form, canonical)
            }
        };
        Candidate {
            span: self.span(i, e),
            tokens: (i, e),
            kind,
            form,
            canonical,
            compass: false,
            title: None,
        }
    }

    fn has_cue(&self, a: usize, e: usize) -> bool {
        self.cues[e] > self.cues[a]
    }

    /// Types the run of capitalised words `[a, e)` and pushes what it names; returns where
    /// scanning goes on.
    fn typed_run(&self, a: usize, e: usize, b: usize, out: &mut Vec<Candidate>) -> usize {
        let g = self.g;
        let words: Vec<&str> = (a..e).map(|k| self.word(k)).collect();
        let last = words[words.len() - 1];
        let cand = |s: usize, t: usize, kind: Option<ActorKind>| self.name(s, t, kind);
        let first_name = words.len() > 1 && g.first_names.contains(words[0]);
        // "Institute for the Study of War": an organisation named for what it studies
        let org_headed =
            words.len() > 2 && g.org_cues.contains(words[0]) && matches!(words[1], "of" | "for");
        // laws, plans and events are no actors ("Clean Air Act", "Election Day"), but
        // "Stuart Law" is a man
        if words.len() > 1 && g.other_cues.contains(last) && !g.census_named(&words) && !org_headed
        {
            if self.spelled_out(a, e) {
                out.push(cand(a, e, Some(ActorKind::Organization)));
            }
            return e;
        }
        // places and organisations by their cue words
        if g.place_cues.contains(last)
            || (words.len() > 2 && g.place_cues.contains(words[0]) && words[1] == "of")
        {
            out.push(cand(a, e, Some(ActorKind::Place)));
            return e;
        }
        // a person's name has no acronym or ampersand in it ("ALAFCO Aviation Lease & Finance")
        let company = words.len() > 1
            && words.iter().any(|w| {
                // "Apple CEO Tim Cook": a title, not a company's initials
                *w == "&"
                    || is_acronym(w) && !w.contains('.') && !is_roman(w) && !g.titles.contains(w)
            });
        if company
            || g.org_cues.contains(last)
            || org_headed
            || (words.len() > 1
                && words[..words.len() - 1]
                    .iter()
                    .any(|w| g.org_cues.contains(w))
                && !words.iter().any(|w| g.is_title(w)))
        {
            // "SBS TV": the acronym is the name; not a country's ("U.S. Air Force")
            let country = words.len() > 1
                && is_acronym(words[0])
                && matches!(
                    g.lookup(&gazetteer::key(words[0])),
                    Some(Entry::Country(_) | Entry::Demonym(_))
                );
            // "U.S. TV networks": one organisation word before a plural names a kind of
            // organisation of the country
            if country
                && words.len() == 2
                && self.lower_word_at(e, b)
                && self.word(e).ends_with('s')
                && let Some((pe, phrase)) = self.phrase(a, e, false)
            {
                out.push(self.phrase_candidate(a, pe, phrase));
                return e;
            }
            // "U.N. Command": an abbreviation's stops keep the words after it in the name
            let end = if words.len() > 1
                && is_acronym(words[0])
                && !words[0].contains('.')
                && !country
                && words[1..].iter().all(|w| g.org_cues.contains(w))
            {
                a + 1
            } else {
                e
            };
            out.push(cand(a, end, Some(ActorKind::Organization)));
            return e;
        }
        // a title before the name: "Defense Secretary Lloyd Austin", "Mr. Smith"
        // "John Major" is a name, "Major Smith" a title and a name
        let titled = (a..e)
            .rev()
            .find(|&k| g.is_title(self.word(k)))
            .filter(|&k| !(k + 1 == e && first_name));
        if let Some(k) = titled {
            let mut start = k + 1;
            while start < e && (self.is_connector(start, e) || !self.is_cap(start, e)) {
                start += 1;
            }
            if start < e && start > k + 1 {
                // "Secretary of State Antony Blinken": the name starts at the first name
                match (start..e).find(|&p| g.first_names.contains(self.word(p))) {
                    Some(p) => start = p,
                    None => return e,
                }
            }
            if start >= e {
                return e; // a title alone: "National Security Director"
            }
            // a table name at the head of the title is an actor of its own ("Russian President")
            let mut title_start = a;
            if let Some((pe, phrase)) = self.phrase(a, k + 1, false) {
                out.push(self.phrase_candidate(a, pe, phrase));
                title_start = pe;
            }
            let title = (title_start < start && !g.honorifics.contains(self.word(k)))
                .then_some((title_start, start));
            let mut c = cand(start, e, Some(ActorKind::Person));
            c.title = title;
            out.push(c);
            return e;
        }
        // "38 North": a compass word after a number is the number's name
        if words.len() == 1
            && self.is_compass(a, e)
            && a > 0
            && self.tokens[a - 1].kind == TokenKind::Number
            && !starts_line(self.text, self.tokens, a)
            // not a road's number and direction ("Highway 17 North", "Route 9 West")
            && !(a > 1 && self.caps[a - 2] && !starts_line(self.text, self.tokens, a - 2))
        {
            out.push(cand(a - 1, e, Some(ActorKind::Organization)));
            return e;
        }
        if words.len() == 1 && is_acronym(last) && !is_model(last) {
            // "GDP", "NOTE": a measure or an ordinary word in capitals
            // "(INS)" after the name it stands for, whatever its letters spell
            let bracketed = a > 0
                && self.word(a - 1) == "("
                && e < b
                && self.word(e) == ")"
                && out.last().is_some_and(|c| {
                    c.tokens.1 + 1 == a && c.kind == Some(ActorKind::Organization)
                });
            if bracketed || !g.not_acronyms.contains(last) && !g.is_common(last) {
                out.push(cand(a, e, Some(ActorKind::Organization)));
            }
            return e;
        }
        let person = (words.len() > 1 && g.first_names.contains(words[0]))
            || word_before(self.text, self.tokens, a).is_some_and(|w| g.is_title(w))
            // "Lam Research said" is no person's saying
            || ((words.len() > 1 && !g.ends_ordinary(words[0], last)
                || words.len() == 1 && g.last_names.contains(last))
                && e < b
                && g.said_verbs.contains(self.word(e)));
        let place = a > 0 && matches!(self.word(a - 1), "in" | "near")
            // "Lower Shabelle", "Middle Juba", "Upper Nile": a region by a river's course; not
            // before an ordinary word ("the Lower House", "the Middle Ages")
            || words.len() > 1
                && matches!(words[0], "Upper" | "Lower" | "Middle")
                && !g.is_common(last)
            || a > 1 && self.word(a - 1) == "of" && g.place_nouns.contains(self.word(a - 2))
            // "Cabo Delgado province", "Nacala and Monapo districts": an administrative noun
            // (not "the Chechen capital", a people's adjective; not after a determiner, an
            // owner's name: "the Adani port", "the Trump region")
            || self.lower_word_at(e, b)
                && !g.is_people_adjective(last)
                && (a == 0 || !DETERMINERS.contains(&self.word(a - 1)))
                && {
                    let next = self.word(e);
                    g.admin_nouns.contains(next.strip_suffix('s').unwrap_or(next))
                };
        // "the Ninth Circle", "the Free Army": a person's name takes no article
        let article = a > 0 && matches!(self.word(a - 1), "the" | "The");
        let kind = if let Some(kind) = described::kind(g, self.text, self.tokens, a, e) {
            Some(kind)
        } else if self.spelled_out(a, e) && !first_name {
            // "Doctors Without Walls (DWW)": a name before its initials in brackets is an
            // organisation's, unless a census first name opens it
            Some(ActorKind::Organization)
        } else if person {
            Some(ActorKind::Person)
        } else if place {
            Some(ActorKind::Place)
        } else if article && words.len() > 1 {
            Some(ActorKind::Organization)
        } else {
            None
        };
        // "A380", "MiG-29": a model's designation names a product; one letter before the
        // number ("A380", not the road "A303") only where the text names a maker
        if words.len() == 1
            && is_model(last)
            && (last.chars().nth(1).is_some_and(|c| !c.is_ascii_digit()) || self.maker_named())
        {
            out.push(cand(a, e, Some(ActorKind::Other)));
            return e;
        }
        // a lone ordinary word in capitals ("Western") is no name without other evidence, nor
        // a lone letter
        let lone_word = words.len() == 1
            && (g.not_alone.contains(last)
                || last.chars().count() == 1
                || g.is_very_common(last, self.lower_word_at(e, b))
                    && !self.name_tails.contains(last)
                    && !g.first_names.contains(last)
                || self.lower_word_at(e, b)
                    && !g.said_verbs.contains(self.word(e))
                    && g.is_people_adjective(last)
                // "H1", "G20": a code
                || last.chars().any(|c| c.is_ascii_digit()) && !is_acronym(last));
        if !person && lone_word {
            return e;
        }
        // "Muslims", "Democrats": members of a faith, party or people
        let group = words.len() == 1 && !person && {
            let singular = last.strip_suffix('s').unwrap_or(last);
            g.group_words.contains(last) || g.group_words.contains(singular)
        };
        out.push(cand(
            a,
            e,
            if group { Some(ActorKind::Group) } else { kind },
        ));
        e
    }

    /// Whether the run `[a, e)` is spelled out before its acronym in brackets, the acronym its
    /// capitals' initials ("World Food Programme (WFP)"): an organisation's name, whatever
    /// its last word ("Programme", "Fund") says elsewhere ("the Marshall Plan").
    fn spelled_out(&self, a: usize, e: usize) -> bool {
        let n = self.tokens.len();
        if e + 2 >= n || self.word(e) != "(" || self.word(e + 2) != ")" {
            return false;
        }
        let acronym = self.word(e + 1);
        if !is_acronym(acronym) {
            return false;
        }
        let initials = super::cluster::initials_of((a..e).map(|k| self.word(k)));
        initials.chars().count() >= 2 && super::cluster::letters(acronym) == initials
    }

    /// In a headline or all-capital line: table phrases and names known from the body.
    fn headline_sentence(
        &self,
        a: usize,
        b: usize,
        m: Mode,
        known: &HashMap<String, Candidate>,
        out: &mut Vec<Candidate>,
    ) {
        let shouting = m == Mode::Shouting;
        let mut i = a;
        while i < b {
            if !self.is_word(i, b) {
                i += 1;
                continue;
            }
            let from_body = (i + 1..=(i + 6).min(b)).rev().find_map(|e| {
                let key = gazetteer::key(&self.text[self.span(i, e).start..self.span(i, e).end]);
                known.get(&key).map(|c| (e, c))
            });
            if let Some((e, c)) = from_body {
                out.push(Candidate {
                    span: self.span(i, e),
                    tokens: (i, e),
                    title: None,
                    ..c.clone()
                });
                i = e;
            } else if let Some((e, phrase)) = self.phrase(i, b, shouting) {
                out.push(self.phrase_candidate(i, e, phrase));
                i = e;
            } else {
                i += 1;
            }
        }
    }
}

enum Phrase {
    Table(Entry),
    User(String),
}

/// "II", "XIV": a regnal or sequence number.
fn is_roman(word: &str) -> bool {
    word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// "SoDMA", "KeFRA": an acronym with small letters between its capitals, which are its
/// expansion's initials: at least three capitals, the first and last letters among them.
pub fn is_mixed_acronym(word: &str) -> bool {
    word.chars().all(char::is_alphabetic)
        && word.starts_with(char::is_uppercase)
        && word.ends_with(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && word.chars().filter(|c| c.is_uppercase()).count() >= 3
}

/// A model's designation ("A380", "A350s", "A400M", "AK-47", "MiG-29"): one to three letters,
/// a capital first, then a number of three or four digits, or of two after a hyphen and two
/// letters or more, and at most two capitals; not a code of one or two digits ("H1", "G20",
/// "A4", "K-12", "G-20").
pub fn is_model(word: &str) -> bool {
    let w = word.strip_suffix('s').unwrap_or(word);
    let letters = w.chars().take_while(char::is_ascii_alphabetic).count();
    let rest = &w[letters..];
    let (hyphen, number) = match rest.strip_prefix('-') {
        Some(number) => (true, number),
        None => (false, rest),
    };
    let digits = number.chars().take_while(char::is_ascii_digit).count();
    let tail = &number[digits..];
    (1..=3).contains(&letters)
        && w.starts_with(|c: char| c.is_ascii_uppercase())
        && ((3..=4).contains(&digits) || hyphen && digits >= 2 && letters >= 2)
        && tail.len() <= 2
        && tail.chars().all(|c| c.is_ascii_uppercase())
}

/// "SBS", "NATO", "U.N.": capitals (with stops, digits or &), two letters or more.
pub fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '.' | '&' | '-'))
}

/// The word before token `k`, past the stop of an abbreviation ("Mrs." is "Mrs" and ".").
pub fn word_before<'a>(text: &'a str, tokens: &[Token], k: usize) -> Option<&'a str> {
    let before = |k: usize| k.checked_sub(1).map(|j| (j, tokens[j].text(text)));
    match before(k)? {
        (j, ".") => before(j).map(|(_, w)| w),
        (_, w) => Some(w),
    }
}

/// The candidate that starts at token `k`. Candidates are in text order and do not overlap,
/// so both their starts and their ends are sorted.
pub fn starting_at(cands: &[Candidate], k: usize) -> Option<usize> {
    cands.binary_search_by_key(&k, |c| c.tokens.0).ok()
}

/// The candidate that ends (exclusive) at token `k`.
pub fn ending_at(cands: &[Candidate], k: usize) -> Option<usize> {
    cands.binary_search_by_key(&k, |c| c.tokens.1).ok()
}
