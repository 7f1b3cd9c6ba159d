//! From a cue to an attribution: where its source and its content lie around it. Everything
//! here works in token indices; [`super`] turns them into byte spans.
//!
//! The layouts, in the order they are tried for a verb cue:
//! - quote after the cue: `X said: "..."`, `X said, "..."`, `X said "..." ...`
//! - that-clause or rest of the sentence after it: `X said (that) ...`, `X told Y ...`
//! - content before it: `"...," X said.`, `..., X said on Friday.`, `..., said X.`
//! - split content around it: `"...," X said, "..."`, `The plan, X said, is dead.`
//! - a quote opening the next sentence goes on with a quote before the cue
//!
//! Verbs that take an object ("endorsed X") keep only the object; a passive cue has no source
//! (`It is estimated that ...`, `X is seen as ...`, `X was asked whether ...`) but the agent
//! the parse gives it (`X was first reported by Y`). The other
//! cues: `According to X, ...`, `..., according to X`, `X has reportedly ...` (no source),
//! and a headline's or transcript's `Name: ...`.

use crate::analysis::actors::gazetteer::{Entry, GAZETTEER};
use foldhash::{HashSet, HashSetExt};
use std::ops::Range;

use super::lexicon::{Class, Frame};
use super::reader::{CueMatch, Reader, Sentence};
use super::subjects::{CONTENT_REACH, SOURCE_REACH};
use super::tree::base;
use crate::analysis::model::ClaimKind;
use crate::analysis::tokens::{TokenKind, is_capitalised, is_possessive};

/// An attribution in token indices.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The content's pieces in order (one unless split around its source and cue).
    pub content: Vec<Range<usize>>,
    pub source: Option<Range<usize>>,
    pub cue: Range<usize>,
    pub kind: ClaimKind,
    /// Where the attribution's own words (source and cue) begin in its sentence: a content
    /// running up to them from the left stops at the comma before.
    region_start: usize,
}

/// Word forms that read as past participles after "is"/"was" ("is estimated", "are seen").
fn is_participle(word: &str) -> bool {
    word.ends_with("ed")
        || matches!(
            word,
            "seen" | "said" | "thought" | "told" | "known" | "found" | "shown" | "held"
        )
}

/// A claim without a source whose cue lies in another's reported words ("A statement was
/// posted online, the army said") is what that source reports, not a claim of its own.
fn drop_reported_reports(found: &mut Vec<Found>) {
    let reported = |f: &Found| {
        f.source.is_none()
            && found.iter().any(|g| {
                g.source.is_some()
                    && g.content
                        .iter()
                        .any(|r| r.start <= f.cue.start && f.cue.end <= r.end)
            })
    };
    let drop: Vec<bool> = found.iter().map(reported).collect();
    let mut drop = drop.into_iter();
    found.retain(|_| !drop.next().unwrap_or(false));
}

impl Reader<'_> {
    /// The attributions of one sentence, given its cues (from [`Reader::cues`]).
    pub fn attributions(
        &self,
        sentence: Range<usize>,
        previous: Option<Range<usize>>,
        cues: &[CueMatch],
    ) -> Vec<Found> {
        let end = self.content_end(sentence.clone());
        let mut found: Vec<Found> = Vec::new();
        let mut seen: HashSet<Vec<Range<usize>>> = HashSet::new();
        found.extend(self.colon(sentence.start, end));
        for m in cues {
            let s = Sentence {
                start: sentence.start,
                end,
                previous: previous.clone(),
            };
            let attribution = match m.cue.frame {
                Frame::Adverb => self.adverb(&s, m),
                Frame::According => self.according(&s, m),
                Frame::Speech | Frame::Clause | Frame::Complement | Frame::Tell | Frame::Object => {
                    self.verb(&s, m, &found)
                }
                Frame::Noun => self.noun(&s, m),
                Frame::Extend => None,
            };
            if let Some(f) = attribution
                .filter(|f| self.has_words(f) && self.short_enough(f) && self.states(f, m))
                && seen.insert(f.content.clone())
            {
                found.push(f);
            }
        }
        self.cut_at_later_attributions(&mut found, end);
        drop_reported_reports(&mut found);
        for f in &mut found {
            if let Some(source) = f.source.clone() {
                f.source = Some(self.source_words(source, &f.cue));
            }
        }
        for f in &mut found {
            // a quote before the cue, or reported words after it to the sentence's end ("X
            // said Y. "..."), goes on with a quote opening the next sentence
            if let [content] = &f.content[..]
                && (f.cue.start >= content.end || content.start >= f.cue.end && content.end >= end)
                && content.end <= sentence.end
                && let Some(next) =
                    self.continuation(sentence.end, self.is_quote(content) && !self.answered(f))
            {
                f.content.push(next);
            }
        }
        found
    }

    /// Whether the next quotation may be another's reply: the claim asks a question, or its
    /// cue names whom it is said to ("Ames told Lee", "asked him").
    fn answered(&self, f: &Found) -> bool {
        let question = f.content.last().is_some_and(|c| {
            (c.start..c.end)
                .rev()
                .find(|&i| !self.is_closing_quote(i) && self.word(i) != ",")
                .is_some_and(|i| self.word(i) == "?")
        });
        let listener = self.tokens.get(f.cue.end).is_some_and(|t| {
            t.is_word() && is_capitalised(t.text(self.text)) || self.is(Class::Addressee, f.cue.end)
        }) && self
            .lexicon
            .cue_at(&self.words, f.cue.start)
            .is_some_and(|(_, c)| c.frame == Frame::Tell);
        question || listener
    }

    /// A source's own words: not a conjunction joining its clause to the one before ("And
    /// Jo Ames said"), nor a fronted adjunct the parse hangs on the cue's verb before a comma
    /// ("Last month, Jo Ames said", "Speaking in Lyon, Jo Ames said").
    fn source_words(&self, source: Range<usize>, cue: &Range<usize>) -> Range<usize> {
        let t = &self.tree;
        let mut start = source.start;
        loop {
            if start + 1 < source.end && self.is(Class::Conjunction, start) {
                start += 1;
                continue;
            }
            let Some(comma) = (start + 1..source.end)
                .find(|&i| self.word(i) == ",")
                .filter(|&c| (c + 1..source.end).any(|i| self.tokens[i].is_word()))
            else {
                break;
            };
            // the words before the comma make one phrase, an adjunct of the cue's verb
            let mut roots =
                (start..comma).filter(|&i| t.head(i).is_none_or(|h| !(start..comma).contains(&h)));
            // (a noun phrase only with a preposition or a time word: the parse often hangs a
            // name before its apposition on the verb, "Jo Ames, a lawyer, said")
            let timely = (start..comma).any(|i| self.is(Class::Time, i))
                || matches!(t.upos(start), "ADP" | "SCONJ");
            let adjunct = match (roots.next(), roots.next()) {
                (Some(root), None) => {
                    t.head(root).is_some_and(|h| cue.contains(&h))
                        && t.upos(root) != "PROPN"
                        && match base(t.deprel(root)) {
                            "advmod" | "advcl" => true,
                            "obl" => timely,
                            _ => false,
                        }
                }
                _ => false,
            };
            if !adjunct {
                break;
            }
            start = comma + 1;
        }
        start..source.end
    }

    /// Whether a noun phrase with no verb (by the parse) runs from `from` to the sentence's
    /// end, or to a comma or a relative pronoun: "said one aide in the room".
    fn names_after(&self, cue: usize, from: usize, end: usize) -> bool {
        let t = &self.tree;
        let opens_clause = self.is(Class::Subject, from)
            || self.is(Class::Complement, from)
            || self.is(Class::Adjunct, from)
            || self.is(Class::Boundary, from)
            || self.is(Class::Time, from);
        if from >= end || opens_clause || t.upos(from).is_empty() {
            return false;
        }
        let stop = (from..end).find(|&i| self.stops_source(i)).unwrap_or(end);
        if self.series_goes_on(cue, stop) {
            return false;
        }
        let mut noun = false;
        for i in from..stop {
            match t.upos(i) {
                "VERB" | "AUX" => return false,
                "NOUN" | "PROPN" => noun = true,
                _ => {}
            }
        }
        noun
    }

    /// Whether a comma and a conjunction at token `i` go on with the next verb of a series
    /// that the cue at `cue` joins after a verb and its comma, so that the noun phrase before
    /// them is the cue's object, no source after it ("paused, said a few words, and left";
    /// not after a quote or a clause: "..., said the minister, and the crowd cheered").
    fn series_goes_on(&self, cue: usize, i: usize) -> bool {
        cue >= 2
            && self.word(cue - 1) == ","
            && self.tree.upos(cue - 2) == "VERB"
            && self.word(i) == ","
            && self.is(Class::Conjunction, i + 1)
    }

    /// Whether the words from `start` to `end` hold a clause of their own by the parse: a
    /// verb or auxiliary not in a relative or participle's clause ("and the meeting
    /// soured"), not a name with its apposition ("Jo Ames, who heads the bureau"), even
    /// when the parse makes the relative clause's verb the root ("The group, which refused
    /// to sign, accused ..."), nor a word of a capitalised name the parse tags a verb ("Save
    /// the Children"): one past the start, or at it with more capitals after it.
    pub(super) fn clause_before(&self, start: usize, end: usize) -> bool {
        let t = &self.tree;
        let capital = |k: usize| {
            self.tokens
                .get(k)
                .is_some_and(|w| w.is_word() && is_capitalised(w.text(self.text)))
        };
        let in_name = |k: usize| capital(k) && (k > start || (k + 1..end).any(capital));
        (start..end).filter(|&k| !in_name(k)).any(|k| {
            let verb = match t.upos(k) {
                "AUX" => t.head(k).unwrap_or(k),
                "VERB" => k,
                _ => return false,
            };
            let relative = t.children(verb).any(|c| {
                base(t.deprel(c)) == "nsubj" && matches!(self.word(c), "who" | "which" | "that")
            });
            !relative
                && matches!(
                    base(t.deprel(verb)),
                    "root" | "ccomp" | "conj" | "parataxis"
                )
        })
    }

    /// Where the listener the parse gives a verb of telling ends, when it stands right after
    /// the verb and before a comma, "that" or a quote ("told his radio audience on Monday,
    /// "..."").
    fn parsed_listener(&self, verb: usize, end: usize) -> Option<usize> {
        let t = &self.tree;
        let listener = t.child(verb, |r| matches!(r, "obj" | "iobj"))?;
        let span = t.span(listener);
        // (and past the adjuncts the parse hangs on the verb after it: "on Monday")
        let mut next = span.end;
        while let Some(k) = t
            .children(verb)
            .find(|&k| t.span(k).start == next && matches!(base(t.deprel(k)), "obl" | "advmod"))
        {
            next = t.span(k).end;
        }
        let before_words = self.word(next) == "," && self.quotes.closing(next + 1).is_some()
            || self.word(next) == "that"
            || self.quotes.closing(next).is_some();
        (span.start == verb + 1 && next < end && next - span.start <= 12 && before_words)
            .then_some(next)
    }

    fn short_enough(&self, f: &Found) -> bool {
        f.content.iter().map(|r| r.len()).sum::<usize>() <= CONTENT_REACH
    }

    /// Whether a content with no verb (by the parse) states anything: not an amount alone,
    /// which is sought, pledged or raised ("seeks $48 million", "have pledged $3 million so
    /// far"), nor a preposition's phrase after a verb of speech, what it answered or spoke
    /// to ("did not respond to a request for comment").
    fn states(&self, f: &Found, m: &CueMatch) -> bool {
        let [content] = &f.content[..] else {
            return true;
        };
        let t = &self.tree;
        let first = content.start;
        if t.len() < content.end || t.upos(first).is_empty() || self.has_verb(content.clone()) {
            return true;
        }
        let number = |i: usize| {
            self.tokens
                .get(i)
                .is_some_and(|n| n.kind == TokenKind::Number)
        };
        // (a currency sign first: "$", "€")
        // (an estimate or forecast of an amount is one: "put the toll at 300", "forecast 3%")
        let counted = matches!(m.cue.kind, ClaimKind::Estimate | ClaimKind::Prediction);
        let amount = !counted
            && (number(first) || self.tokens[first].kind == TokenKind::Punct && number(first + 1));
        let answered = m.cue.frame == Frame::Speech && t.upos(first) == "ADP";
        !(amount || answered)
    }

    fn has_words(&self, f: &Found) -> bool {
        f.content
            .iter()
            .flat_map(Clone::clone)
            .any(|i| self.tokens.get(i).is_some_and(|t| t.is_word()))
    }

    fn verb(&self, s: &Sentence, m: &CueMatch, earlier: &[Found]) -> Option<Found> {
        let mut cue_start = self.aux_start(s.start, m.range.start);
        let passive = (cue_start..m.range.start).any(|i| self.is(Class::Be, i))
            && is_participle(self.word(m.range.start));
        if passive {
            // "are often mentioned", "will be talked about": what is mentioned is no claim
            let mention = self.word(m.range.start).starts_with("mention") || m.range.len() > 1;
            if m.cue.frame == Frame::Object && mention {
                return None;
            }
            return self.passive(s, m, cue_start);
        }
        // "..., saying" / "by saying": the participle's subject is the main clause's (not a
        // progressive's: "X, a guard, is backing ...")
        let participle = self.word(m.range.start).ends_with("ing")
            && cue_start > s.start
            && !(cue_start..m.range.start).any(|i| self.is(Class::Be, i))
            && (self.word(cue_start - 1) == ","
                || self.is(Class::Subordinator, cue_start - 1)
                // "stopped short of saying", "instead of saying"
                || matches!(self.tree.upos(cue_start - 1), "ADP" | "SCONJ"));
        // `"...?" asked X`: a bare verb right after a quote has its source after it, not
        // a listener (the parse often reads one)
        let asked_after_quote = cue_start == m.range.start
            && cue_start > s.start
            && self.quote_ending_at(cue_start - 1).is_some();
        let after = if m.cue.frame == Frame::Tell && !asked_after_quote {
            let listener = self.skip_listener(m.range.end, s.end);
            if listener == m.range.end {
                self.parsed_listener(m.range.start, s.end)
                    .unwrap_or(listener)
            } else {
                listener
            }
        } else {
            m.range.end
        };
        // a that-clause, possibly after a short adjunct ("said on Friday that ...")
        let that = (after..s.end.min(after + 12))
            .take_while(|&i| self.word(i) != ",")
            .find(|&i| self.word(i) == "that")
            .filter(|&t| {
                t == after
                    || self.is(Class::Adjunct, after)
                    || self.is(Class::Time, after)
                    || self.describes_cue(m, after)
            });
        // "said on Friday he would ...": a time, then the content's own subject
        let after_time = self
            .clause_after_time(after, s.end)
            .filter(|_| that.is_none());
        // "said at a rally in Lyon the bridge ...": the parse's complement clause after adjuncts
        let complement = self
            .complement_start(s, m.range.start, after)
            .filter(|_| that.is_none() && after_time.is_none());
        let relative =
            cue_start > s.start && matches!(self.word(cue_start - 1), "who" | "which" | "that");
        // (not a time that owns the next word: "called Friday's vote a win")
        let adjunct = self.is(Class::Adjunct, after)
            && !self
                .tokens
                .get(after + 1)
                .is_some_and(|t| is_possessive(t.text(self.text)));
        let trailing = (after >= s.end || adjunct)
            && that.is_none()
            && after_time.is_none()
            && complement.is_none()
            && !relative;
        let second_verb = cue_start > s.start && matches!(self.word(cue_start - 1), "and" | "but");
        // "X is "...," said Y" and "But, said Y, "..."": the parse puts the verb's subject
        // after it, so what stands before the comma is no source
        let inverted = m.cue.frame == Frame::Tell && asked_after_quote
            || cue_start > s.start
                && (self.word(cue_start - 1) == "," || self.is_closing_quote(cue_start - 1))
                && self
                    .tree
                    .child(m.range.start, |r| r == "nsubj")
                    .is_some_and(|k| k >= m.range.end && k < s.end);
        // "The talks stalled, and the meeting soured, said one aide": a clause before the
        // comma, a noun phrase after the cue: its source stands after it, whatever subject
        // the parse gives the cue
        let inverted = inverted
            || m.cue.frame == Frame::Speech
                && cue_start == m.range.start
                && cue_start > s.start + 2
                && self.word(cue_start - 1) == ","
                && self.names_after(cue_start, m.range.end, s.end)
                && self.clause_before(s.start, cue_start - 1);
        let (source, region_start) = if inverted {
            (None, cue_start)
        } else if participle || second_verb {
            let main = self
                .doer_before(s, cue_start)
                .or_else(|| self.governing_subject(s, m.range.start, cue_start))
                .or_else(|| self.main_subject(s, cue_start));
            (
                main.or_else(|| earlier.last().and_then(|f| f.source.clone())),
                cue_start,
            )
        } else {
            // a quote after the cue's comma follows its source as a that-clause does
            // ("Jo Ames, who was there, said, "...""): the source is the whole clause before
            let quote_after = self.word(after) == "," && self.quotes.closing(after + 1).is_some();
            let source = self.subject(s.start, cue_start, !trailing || quote_after);
            let source = self.parsed_subject(s, m.range.start, cue_start, source);
            if let Some(src) = source
                .as_ref()
                .filter(|r| !matches!(self.word(r.end), "," | "that"))
            {
                // "X has uncovered evidence suggesting": the cue takes in the verb phrase (not a
                // relative "that" after an antecedent)
                cue_start = cue_start.min(src.end);
            }
            let start = source.as_ref().map_or(cue_start, |r| r.start);
            (source, start)
        };
        let cue = cue_start..m.range.end;
        let content_left = region_start > s.start
            && (self.word(region_start - 1) == "," || self.is_closing_quote(region_start - 1));
        // after a quote, what follows the cue is circumstance ("..." she said with a smile)
        let quote_left = if region_start > s.start {
            self.quote_ending_at(region_start - 1).is_some()
        } else {
            // `"...!" He said with a laugh.`: only circumstance after the cue, not a
            // complement clause of its own (`He said it failed.`, by the parse)
            s.end <= after + 4
                && self.previous_ends_in_quote(s).is_some()
                && self
                    .tree
                    .child(m.range.start, |r| r == "ccomp")
                    .is_none_or(|c| c < after)
        };
        // "Jo Ames added:" closing its line: what she added is the paragraph below
        if let Some(source) = source.as_ref().filter(|_| after == s.end)
            && let Some(paragraph) = self.paragraph_after(after)
        {
            return Some(Found {
                content: vec![paragraph],
                source: Some(source.clone()),
                cue: cue.clone(),
                kind: m.cue.kind,
                region_start,
            });
        }
        if !participle
            && (trailing
                || quote_left
                || source.is_none()
                || content_left && self.word(after) == ",")
            && let Some(f) = self.content_before(s, m, &cue, source.clone(), after)
        {
            return Some(f);
        }
        if source.is_none() {
            return self.question(s, m, cue_start);
        }
        let source = source?;
        let found = |content: Range<usize>| Found {
            content: vec![content],
            source: Some(source.clone()),
            cue: cue.clone(),
            kind: m.cue.kind,
            region_start,
        };
        // a quote right after the cue, or after its colon or comma
        let opener = if matches!(self.word(after), ":" | ",") {
            after + 1
        } else {
            after
        };
        if after < s.end
            && let Some(close) = self.quotes.closing(opener)
        {
            let content = if opener == after {
                self.rest(s, after)
            } else {
                opener..close + 1
            };
            return Some(found(content));
        }
        if after < s.end && self.word(after) == ":" {
            return Some(found(after + 1..s.end));
        }
        // "While X said Y, ...": the content ends with the subordinate clause
        let clause_end = |content: Range<usize>| {
            let end = content
                .end
                .min(self.clause_end(s, region_start, content.start));
            content.start..self.next_clause(content.start, end)
        };
        if let Some(t) = that {
            return Some(found(clause_end(self.rest(s, t))));
        }
        // "X said, if elected, she would ...": the content after a comma
        let comma_clause = self.word(after) == ","
            && after + 1 < s.end
            && !self.is_cue(after + 1)
            && !self.word(after + 1).ends_with("ing");
        // "As X puts it, ...": the main clause after the comma is what X puts so, when "as"
        // opens the sentence (perhaps after a quote mark); within it, what follows the comma
        // is the writer's ("Shares fell as X had warned, and the dollar rose")
        let after_as = region_start > s.start && self.word(region_start - 1) == "as";
        let opening =
            |i: usize| i == s.start || i == s.start + 1 && !self.tokens[s.start].is_word();
        let fronted_as = after_as && opening(region_start - 1);
        if comma_clause
            && (fronted_as
                || !after_as && !matches!(m.cue.frame, Frame::Clause | Frame::Complement))
        {
            return Some(found(clause_end(self.rest(s, after + 1))));
        }
        if matches!(m.cue.frame, Frame::Complement | Frame::Clause) && !trailing {
            // a learned cue's content is the complement clause the parse gives it, and so is
            // a cue of the clause frame's without "that" ("one study found the tax would ...")
            let start = complement.or_else(|| self.complement_at(m.range.start, after));
            return start.map(|c| found(clause_end(self.rest(s, c))));
        }
        if matches!(m.cue.frame, Frame::Clause | Frame::Complement) || trailing {
            return None;
        }
        if m.cue.frame == Frame::Object {
            // the object ends at a clause or adjunct, or at "and" before a second verb
            let second_verb = |i: usize| {
                matches!(self.word(i), "and" | "but")
                    && (self.is_cue(i + 1) || self.word(i + 1).ends_with("ed"))
            };
            // a comma inside a list of the object's own ("gallium, germanium and antimony"):
            // the parse joins the next word to one before it
            let listed = |i: usize| {
                let t = &self.tree;
                self.word(i) == ","
                    && base(t.deprel(i + 1)) == "conj"
                    && t.upos(i + 1) != "VERB"
                    && t.head(i + 1).is_some_and(|h| (after..i).contains(&h))
            };
            let stop = |from: usize| {
                (from..s.end.min(from + CONTENT_REACH))
                    .find(|&i| {
                        // another cue ends it too ("Lee, who calls it a "trap," said ...")
                        (self.is(Class::ObjectEnd, i) && !listed(i)
                            || second_verb(i)
                            || self.is_cue(i))
                            && !self.quotes.is_quoted(i)
                    })
                    .unwrap_or(s.end)
            };
            let end = stop(after + 1);
            return Some(found(after..end));
        }
        let start = after_time.or(complement).unwrap_or(after);
        Some(found(clause_end(self.rest(s, start))))
    }

    /// Whether the word at `after` opens a participle's clause that the parse hangs on a
    /// word of the cue, its noun ("said in a statement carried by the agency that ..."):
    /// what it says of the statement is no content, which begins at "that".
    fn describes_cue(&self, m: &CueMatch, after: usize) -> bool {
        let t = &self.tree;
        m.range.len() > 1
            && t.upos(after) == "VERB"
            && base(t.deprel(after)) == "acl"
            && t.head(after).is_some_and(|h| m.range.contains(&h))
    }

    /// Where reported speech gives way to the writer's next clause: at ", but ...", at
    /// "; ..." and at ", and he ..." (a new subject), outside quotations.
    fn next_clause(&self, start: usize, end: usize) -> usize {
        (start + 1..end.min(start + CONTENT_REACH))
            .find(|&i| {
                let comma = self.word(i) == ",";
                let next = self.word(i + 1);
                let new_subject = next == "and" && self.is(Class::Subject, i + 2);
                !self.quotes.is_quoted(i)
                    && (self.word(i) == ";" || comma && (next == "but" || new_subject))
            })
            .unwrap_or(end)
    }

    /// Where a clause starts after a time adjunct ("on Friday he ...", "Thursday the ..."):
    /// times, names and numbers, then a subject pronoun or a determiner.
    fn clause_after_time(&self, after: usize, end: usize) -> Option<usize> {
        let timely = |i: usize| {
            self.is(Class::Time, i)
                || self.tokens[i].kind == TokenKind::Number
                || (self.tokens[i].is_word() && is_capitalised(self.tokens[i].text(self.text)))
        };
        let mut i = after;
        while i < end.min(after + 5) && timely(i) {
            i += 1;
        }
        let subject = self.is(Class::Subject, i) || self.is(Class::Determiner, i);
        (i > after && i < end && self.is(Class::Time, after) && subject).then_some(i)
    }

    /// Content before the source and cue, perhaps continued after them.
    fn content_before(
        &self,
        s: &Sentence,
        m: &CueMatch,
        cue: &Range<usize>,
        source: Option<Range<usize>>,
        after: usize,
    ) -> Option<Found> {
        // "..., said X." : the source follows the cue
        let mut parenthetical = false;
        let (source, left_of) = match source {
            Some(src) => (Some(src.clone()), src.start),
            None => {
                // the source and its appositions run to the end, or to a quote or cue that
                // goes on after a comma ("said X, a lawyer, adding ...")
                // the sentence's last word: a relative clause may describe the source up to it
                let last = (after..s.end)
                    .rev()
                    .find(|&i| self.tokens[i].is_word())
                    .map_or(s.end, |i| i + 1);
                let mut end = self.described_to(self.source_end(after, s.end), last);
                // "The plan, said X, is dead": after a short start the sentence goes on
                let short_start = cue.start > s.start
                    && cue.start < s.start + 6
                    && !self.is_closing_quote(cue.start - 1);
                if short_start && let Some(comma) = (after..end).find(|&i| self.word(i) == ",") {
                    end = comma;
                    parenthetical = true;
                }
                // a name or a noun phrase ("said former aide Jo Ames"), not a clause ("said
                // he doesn't know") nor an adjunct or complement ("said in", "said that")
                let phrase = |i: usize| {
                    !(self.is(Class::Subject, i)
                        || self.is(Class::Complement, i)
                        || self.is(Class::Adjunct, i)
                        || self.is(Class::Boundary, i)
                        || self.is(Class::Aux, i)
                        || self.word(i) == "to")
                };
                let inverted = end > after
                    && end - after <= 40
                    && phrase(after)
                    && !self.series_goes_on(cue.start, end);
                (inverted.then_some(after..end), cue.start)
            }
        };
        let source = source?;
        let resume = if source.start >= after {
            source.end
        } else {
            after
        };
        // "..., as X puts it": "as" belongs to neither source nor content
        let (source, left_of) = if self.word(source.start) == "as" && source.len() > 1 {
            (source.start + 1..source.end, left_of.max(source.start + 1))
        } else {
            (source, left_of)
        };
        let left_of = if left_of > s.start + 1
            && self.word(left_of - 1) == "as"
            && self.word(left_of - 2) == ","
        {
            left_of - 1
        } else {
            left_of
        };
        let left = if left_of > s.start {
            let q = left_of - 1;
            match self.quote_ending_at(q) {
                // a quote ending a longer clause is part of it ("X will play the "card," Y said")
                Some(quote) if quote.start > s.start && self.tokens[s.start].is_word() => {
                    s.start..quote.end
                }
                Some(quote) => quote,
                // a clause, not a fronted adjunct ("On Saturday, X called on Y") nor a
                // dateline ("PARIS, May 2 -")
                None if self.word(q) == ","
                    && q >= s.start + 2
                    && !(q - s.start <= 4
                        && (self.is(Class::Adjunct, s.start)
                            || self.is(Class::Subordinator, s.start))) =>
                {
                    s.start..q
                }
                None => return self.quote_after_source(m, cue, source),
            }
        } else {
            // `"..." He said.` across a sentence boundary
            match self.previous_ends_in_quote(s) {
                Some(quote) => quote,
                None => return self.quote_after_source(m, cue, source),
            }
        };
        // the continuation: `, "..."` or `, the rest` after the cue and its adjuncts
        let comma = (resume..s.end.min(resume + 6)).find(|&i| self.word(i) == ",");
        // a quote continues only with a quote; nor does an appositive after an inverted source
        let quote_follows = |c: usize| self.quotes.closing(c + 1).is_some();
        let needs_quote = self.is_quote(&left) || (source.start >= after && !parenthetical);
        // `"...," Jo Ames said, pointing to the map, "..."` and `"...," she said, but "..."`:
        // the quote goes on after a participle's clause or a "but"
        let quote_resumes = |c: usize| {
            if quote_follows(c) {
                return Some(c + 1);
            }
            if self.word(c + 1) == "but" {
                return self.quotes.closing(c + 2).map(|_| c + 2);
            }
            if !self.word(c + 1).ends_with("ing") {
                return None;
            }
            let next = (c + 2..s.end.min(c + 16))
                .take_while(|&i| !self.is_cue(i) && !self.quotes.is_quoted(i))
                .find(|&i| self.word(i) == ",")?;
            quote_follows(next).then_some(next + 1)
        };
        let right = comma
            .filter(|&c| c + 1 < s.end && !self.is_cue(c + 1))
            .and_then(|c| {
                if needs_quote {
                    quote_resumes(c)
                } else {
                    Some(c + 1)
                }
            })
            .map(|start| self.rest(s, start));
        let mut content = vec![left];
        content.extend(right);
        Some(Found {
            content,
            source: Some(source.clone()),
            cue: cue.start..m.range.end,
            kind: m.cue.kind,
            region_start: source.start.min(cue.start),
        })
    }

    /// "But, said X, "..."": nothing to report before the cue, the quote after its inverted
    /// source (and that source's comma).
    fn quote_after_source(
        &self,
        m: &CueMatch,
        cue: &Range<usize>,
        source: Range<usize>,
    ) -> Option<Found> {
        if source.start < cue.end || self.word(source.end) != "," {
            return None;
        }
        let quote = source.end + 1..self.quotes.closing(source.end + 1)? + 1;
        Some(Found {
            content: vec![quote],
            source: Some(source),
            cue: cue.clone(),
            kind: m.cue.kind,
            region_start: cue.start,
        })
    }

    /// "It is estimated that ...": no source, content the clause. "X is seen as ...": no
    /// source, the content is the whole clause.
    fn passive(&self, s: &Sentence, m: &CueMatch, cue_start: usize) -> Option<Found> {
        let t = &self.tree;
        let impersonal = cue_start > s.start && self.word(cue_start - 1) == "it";
        let agent = self.agent(s, m.range.start);
        // "X was asked whether ...", "X was told to ...": the question or message is the content
        let message = self.is(Class::Complement, m.range.end)
            || m.cue.frame == Frame::Tell && matches!(self.word(m.range.end), "to" | "about");
        let phrase = self.phrase_start(s.start, cue_start);
        // "before the results were announced": a clause saying when, no one's claim (the
        // parse often hangs "before" on the subject as a preposition)
        let when = t
            .children(m.range.start)
            .any(|k| t.deprel(k) == "mark" && self.is(Class::Temporal, k))
            || phrase > s.start && self.is(Class::Temporal, phrase - 1);
        if when && agent.is_none() && !impersonal && !message {
            return None;
        }
        let content = if message && !impersonal {
            self.rest(s, m.range.end)
        } else if impersonal {
            let start = if self.word(m.range.end) == "," {
                m.range.end + 1
            } else {
                m.range.end
            };
            self.rest(s, start)
        } else {
            // (from the parse's subject, to a comma, when a cue word cuts the phrase: "1,842
            // suspected cases were reported")
            let parsed = t
                .child(m.range.start, |r| base(r) == "nsubj")
                .map(|k| t.span(k).start.max(s.start))
                .filter(|_| phrase > s.start && self.is_cue(phrase - 1));
            let subject = parsed.map_or(phrase, |k| {
                (k..phrase)
                    .rev()
                    .find(|&i| self.word(i) == ",")
                    .map_or(k, |comma| comma + 1)
                    .min(phrase)
            });
            // "The plan was endorsed by the union": what the agent endorsed is the subject;
            // with a predicate after the agent, the whole clause ("The deal was described by
            // officials as a breakthrough", "is considered by analysts to be fragile")
            let predicate = |a: &Range<usize>| matches!(self.word(a.end), "as" | "to");
            match &agent {
                Some(a) if subject < cue_start && !predicate(a) => subject..cue_start,
                _ => subject..self.clause_end(s, subject, m.range.end),
            }
        };
        let cue_from = if impersonal { cue_start - 1 } else { cue_start };
        Some(Found {
            content: vec![content],
            source: agent,
            cue: cue_from..m.range.end,
            kind: m.cue.kind,
            region_start: cue_from,
        })
    }

    /// The agent of a passive cue by the parse ("was first reported by MSNBC", "has been
    /// criticised by some of his rivals"), without its "by" nor a time hung on it ("by MSNBC
    /// on Friday"): who reported, criticised or asked.
    fn agent(&self, s: &Sentence, verb: usize) -> Option<Range<usize>> {
        let t = &self.tree;
        let agent = t.child(verb, |r| r == "obl:agent")?;
        let span = t.span(agent);
        let start = t
            .children(agent)
            .find(|&k| k < agent && t.deprel(k) == "case")
            .map_or(span.start, |by| by + 1);
        let end = t
            .children(agent)
            .find(|&k| {
                k > agent && (self.is(Class::Time, t.span(k).start) || t.deprel(k) == "punct")
            })
            .map_or(span.end, |k| t.span(k).start);
        let clean = start >= s.start
            && end <= s.end
            && start < end
            && end - start <= SOURCE_REACH
            && (start..end).all(|i| !self.quotes.is_quoted(i) && !self.is_cue(i));
        clean.then_some(start..end)
    }

    /// "(When) asked whether ..., X said": a question opening the sentence, without its
    /// source; it ends at its comma.
    fn question(&self, s: &Sentence, m: &CueMatch, cue_start: usize) -> Option<Found> {
        let opens = cue_start == s.start || matches!(self.word(cue_start - 1), "when" | "if");
        let asks = m.cue.frame == Frame::Tell
            && (self.is(Class::Complement, m.range.end) || self.word(m.range.end) == "about");
        if !(opens && asks) {
            return None;
        }
        let end = s.end.min(m.range.end + CONTENT_REACH);
        let comma = (m.range.end..end).find(|&i| self.word(i) == "," && !self.quotes.is_quoted(i));
        let question = m.range.end..comma.unwrap_or(end);
        Some(Found {
            content: vec![question],
            source: None,
            cue: m.range.clone(),
            kind: m.cue.kind,
            region_start: cue_start,
        })
    }

    /// "X has reportedly done Y": no source, the content is the clause around the adverb.
    fn adverb(&self, s: &Sentence, m: &CueMatch) -> Option<Found> {
        // a cue that is a determiner's phrase ("An estimated 9,000 families have ...")
        // estimates the subject it opens: the sentence's first words only, not an object
        // ("flooding an estimated 3,400 homes")
        if self.is(Class::Determiner, m.range.start) && m.range.start != s.start {
            return None;
        }
        let verb_start = self.aux_start(s.start, m.range.start);
        let subject = self.phrase_start(s.start, verb_start);
        let end = self.next_clause(m.range.end, self.clause_end(s, subject, m.range.end));
        let content = subject..end;
        Some(Found {
            content: vec![content],
            source: None,
            cue: m.range.clone(),
            kind: m.cue.kind,
            region_start: subject,
        })
    }

    /// "The ministry's statement that ...", "a warning that ...": the content is the clause
    /// "that" opens, up to a comma, the sentence's end or the verb the noun is the subject
    /// of (by the parse); the source the possessor the parse hangs on the noun, if any.
    fn noun(&self, s: &Sentence, m: &CueMatch) -> Option<Found> {
        let t = &self.tree;
        let that = m.range.end;
        let comma = || {
            (that..s.end.min(that + CONTENT_REACH))
                .find(|&i| self.word(i) == ",")
                .unwrap_or(s.end)
        };
        // up to a comma or the sentence's end; a noun that is itself a subject ends its
        // clause before its verb ("the statement that X would close alarmed traders")
        let verb = t
            .head(m.range.start)
            .filter(|&h| h > that + 1 && base(t.deprel(m.range.start)) == "nsubj")
            // (not the clause's own verb, which a misparse may give the noun as subject)
            .filter(|&h| t.head(that) != Some(h));
        // (the verb's auxiliaries and copula before it are the main clause's too: "his
        // assertion that X was rejected")
        let verb = verb.map(|v| {
            t.children(v)
                .find(|&k| k > that && matches!(base(t.deprel(k)), "aux" | "cop"))
                .map_or(v, |k| k.min(v))
        });
        let end = verb.unwrap_or(s.end).min(comma());
        let possessive = m
            .range
            .start
            .checked_sub(1)
            .filter(|&p| p > s.start && is_possessive(self.tokens[p].text(self.text)));
        let source = possessive.and_then(|p| {
            let owner = t.child(m.range.start, |r| r == "nmod:poss")?;
            let start = t.span(owner).start;
            (start >= s.start && start < p && p - start <= SOURCE_REACH).then_some(start..p)
        });
        // a possessive pronoun ("his claim that ..."), resolved as the pronoun is
        let source = source.or_else(|| {
            let owner = m.range.start.checked_sub(1)?;
            let pronoun = matches!(self.word(owner), "his" | "her" | "their" | "its");
            (pronoun && owner >= s.start && t.deprel(owner) == "nmod:poss")
                .then_some(owner..owner + 1)
        });
        let content = that..end;
        (that + 1 < end).then(|| Found {
            content: vec![content],
            region_start: source.as_ref().map_or(m.range.start, |r| r.start),
            source,
            cue: m.range.clone(),
            kind: m.cue.kind,
        })
    }

    /// "According to X, ..." and "..., according to X (, ...)".
    fn according(&self, s: &Sentence, m: &CueMatch) -> Option<Found> {
        let from = m.range.end;
        let next_comma = |start: usize| {
            (start..s.end.min(start + SOURCE_REACH))
                .find(|&i| self.word(i) == ",")
                .unwrap_or(s.end)
        };
        let leading = m.range.start == s.start
            || self.quotes.closing(m.range.start - 1).is_some()
            || self.is(Class::Boundary, m.range.start - 1);
        let found = |content: Vec<Range<usize>>, source: Range<usize>| Found {
            content,
            source: Some(source),
            cue: m.range.clone(),
            kind: m.cue.kind,
            region_start: m.range.start,
        };
        let parsed = self.according_source(s, m);
        if leading {
            let mut comma = next_comma(from);
            if comma >= s.end {
                return None;
            }
            // an apposition naming the source's role ("According to X, the minister, ...")
            let second = next_comma(comma + 1);
            let role = self.tokens.get(comma + 1).is_some_and(|t| {
                is_capitalised(t.text(self.text)) || matches!(self.word(comma + 1), "a" | "an")
            });
            if role && second < s.end && second - comma <= 9 && s.end - second > 4 {
                comma = second;
            }
            // the parse's source, appositions and relative clauses included, when it ends
            // at a comma with a clause after it
            if let Some(end) = parsed.filter(|&e| e < s.end && s.end - e > 4) {
                comma = end;
            }
            return Some(found(vec![self.rest(s, comma + 1)], from..comma));
        }
        let source_end = parsed.unwrap_or_else(|| next_comma(from));
        let before = if self.word(m.range.start - 1) == "," {
            m.range.start - 1
        } else {
            m.range.start
        };
        let left = self
            .quote_ending_at(before)
            .unwrap_or(s.start..before)
            .clone();
        // '"...," the captain said, according to the agency': the quote is the captain's,
        // the agency only passes it on
        let tagged = self
            .quotes
            .closing(left.start)
            .is_some_and(|close| (close + 1..before).any(|i| self.is_cue(i)));
        if tagged {
            return None;
        }
        let mut content = vec![left.clone()];
        // "X has, according to Y, done Z": a short start, or one whose clause the parse
        // finds after the source ("At the heart of it, according to Y, was a decision"),
        // goes on after it
        let clause_after = parsed.is_some() && self.root_of(m.range.start) >= source_end;
        if source_end + 1 < s.end && (left.len() <= 5 || clause_after) {
            content.push(self.rest(s, source_end + 1));
        }
        (from < source_end).then(|| found(content, from..source_end))
    }

    /// Where the parse ends the source of "according to X": X's subtree, ending at a comma
    /// or the content's end (a subtree running into the content is a misparse: none).
    fn according_source(&self, s: &Sentence, m: &CueMatch) -> Option<usize> {
        let t = &self.tree;
        let x = t
            .head(m.range.start)
            .filter(|_| t.deprel(m.range.start) == "case")?;
        let span = t.span(x);
        let end = (span.start..span.end.min(s.end))
            .rev()
            .find(|&i| self.tokens[i].kind != TokenKind::Punct)?
            + 1;
        let ok = span.start >= m.range.start
            && end > m.range.end
            && end - m.range.end <= SOURCE_REACH
            && (end == s.end || self.word(end) == ",");
        ok.then_some(end)
    }

    /// The top of the parse above `i`, within the sentence's parse.
    fn root_of(&self, mut i: usize) -> usize {
        let t = &self.tree;
        for _ in 0..t.len() {
            match t.head(i) {
                Some(h) => i = h,
                None => break,
            }
        }
        i
    }

    /// "Name: what they said" (headlines, transcripts): a short name opening the sentence or
    /// following a dash ("Polls - Pew Research: ..."), then a colon and the content. A cue
    /// before the colon makes it that cue's ("X said: ...").
    fn colon(&self, start: usize, end: usize) -> Option<Found> {
        let colon = (start..end.min(start + SOURCE_REACH))
            .take_while(|&i| !self.is_cue(i))
            .find(|&i| self.word(i) == ":")?;
        let dash = (start..colon).rev().find(|&i| self.is(Class::Dash, i));
        let start = dash.map_or(start, |d| d + 1);
        // a transcript's turn quoted whole, `"WALLACE: ...`
        let opens_line = start == 0 || self.breaks_before(start);
        let start = start + usize::from(self.quotes.closing(start).is_some());
        if colon > start + 6 {
            return None;
        }
        let name = start..colon;
        // a name is capitalised throughout ("Pew Research", "PENCE") but for the connectors
        // names keep inside ("Ursula von der Leyen", "Bank of England"; not "for", which
        // headings take, "Relief for Farmers: ..."); another lower-case word makes a heading
        // or a clause of the writer's ("Situation report: ...", "Two questions: ...")
        let connector = |k: usize| {
            let w = self.word(k);
            k > start && k + 1 < colon && w != "for" && GAZETTEER.connectors.contains(w)
        };
        let name_like = self.starts_name(start)
            && !self.is(Class::Label, start)
            && !(colon > start && self.is(Class::Label, colon - 1))
            && name.clone().all(|k| {
                let t = &self.tokens[k];
                t.is_word() && (is_capitalised(t.text(self.text)) || connector(k))
                    || matches!(t.text(self.text), "." | "&" | "'s" | "’s")
            });
        let content = colon + 1..end;
        let substantial = content
            .clone()
            .filter(|&i| self.tokens[i].is_word())
            .count()
            >= 3;
        // a list item's one-word label ("- Food: WFP has ...") names a topic, no speaker
        let label = name.len() == 1 && self.opens_list_item(start);
        if !name_like || name.is_empty() || !substantial || label || self.subtitle(content.clone())
        {
            return None;
        }
        // a speaker in capitals opening a line of a transcript speaks to the line's end, over
        // its sentences ("PENCE: ..."), a quote after the colon only to its close; a heading
        // or dateline in capitals ("LONDON:", "KEY POINTS:") only to its sentence's end
        let speaker = opens_line && self.turn_name(name.clone()) && self.is_transcript();
        let content = match self.quotes.closing(colon + 1) {
            Some(c) => colon + 1..c + 1,
            None if speaker => colon + 1..self.line_end(end),
            None => content,
        };
        Some(Found {
            content: vec![content],
            source: Some(name.clone()),
            cue: colon..colon + 1,
            kind: ClaimKind::Assertion,
            region_start: start,
        })
    }

    /// Whether token `i` is the first word of a list item: only a list mark ("-", "*", "•",
    /// "1.") before it on its line.
    fn opens_list_item(&self, i: usize) -> bool {
        let at = self.tokens[i].span.start;
        let line = self.text[..at].rfind('\n').map_or(0, |n| n + 1);
        let mark = self.text[line..at].trim();
        // a number's mark cut as text, not by bytes: "— Food:" holds a three-byte dash
        matches!(mark, "-" | "*" | "+" | "•" | "–")
            || mark
                .strip_suffix(['.', ')'])
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    }

    /// Whether `name`, before a colon opening a line, may be a transcript speaker's: in
    /// capitals throughout, no heading word ("KEY POINTS") and no place (a dateline, "LONDON").
    fn turn_name(&self, name: Range<usize>) -> bool {
        !name.is_empty()
            && name.clone().all(|k| {
                let t = self.tokens[k].text(self.text);
                !t.chars().any(char::is_lowercase)
                    && !self.is(Class::Heading, k)
                    && !self.is(Class::Label, k)
            })
            && name.clone().any(|k| self.tokens[k].is_word())
            && !self.is_place(name)
    }

    /// Whether the document is a transcript: two lines or more open with a speaker's name in
    /// capitals and a colon ("WALLACE: ...", "PENCE: ...").
    fn is_transcript(&self) -> bool {
        *self.transcript.get_or_init(|| {
            let turn = |line: usize| {
                let start = line + usize::from(self.quotes.closing(line).is_some());
                let colon = (start..self.tokens.len().min(start + 7))
                    .take_while(|&i| i == start || !self.breaks_before(i))
                    .find(|&i| self.word(i) == ":")?;
                let name = start..colon;
                let plain = name
                    .clone()
                    .all(|k| self.tokens[k].is_word() || self.word(k) == ".");
                (plain && self.turn_name(name)).then_some(())
            };
            (0..self.tokens.len())
                .filter(|&k| k == 0 || self.breaks_before(k))
                .filter_map(turn)
                .nth(1)
                .is_some()
        })
    }

    /// Whether the words of `name` are a place's name in the gazetteer, or one after a word
    /// of direction ("Northern Kenya").
    fn is_place(&self, name: Range<usize>) -> bool {
        let words: Vec<&str> = name
            .filter(|&k| self.tokens[k].is_word())
            .map(|k| self.word(k))
            .collect();
        let place = |words: &[&str]| {
            GAZETTEER
                .lookup(&words.join(" "))
                .is_some_and(|e| matches!(e, Entry::Place | Entry::Country(_) | Entry::Seat(_)))
        };
        !words.is_empty()
            && (place(&words)
                || words.len() > 1 && GAZETTEER.is_common(words[0]) && place(&words[1..]))
    }

    /// Quotations signed after a dash with their speaker's name, closing the line (`"...
    /// ..." — Jo Ames`, as readers' and witnesses' words are set out): the name says it.
    pub fn signed_quotes(&self) -> Vec<Found> {
        let mut found = Vec::new();
        for dash in 1..self.tokens.len() {
            if !self.is(Class::Dash, dash) || self.breaks_before(dash) {
                continue;
            }
            let Some(quote) = self.quote_ending_at(dash - 1) else {
                continue;
            };
            let name = dash + 1..self.line_end(dash + 1);
            let words = name.clone().filter(|&i| self.tokens[i].is_word()).count();
            // a name, no headline ("EU Condemns Strike") nor a place ("Northern Kenya")
            let name_like = (1..=6).contains(&words)
                && name.clone().all(|i| {
                    let t = self.tokens[i];
                    let verb = matches!(self.tree.upos(i), "VERB" | "AUX")
                        || self.lexicon.cue_at(&self.words, i).is_some();
                    t.is_word() && is_capitalised(t.text(self.text)) && !verb
                        || t.kind == TokenKind::Punct && self.word(i) == "."
                        || GAZETTEER.connectors.contains(self.word(i))
                })
                && !self.is_place(name.clone());
            // the quotation opens the line ("Caption: ... “...” — X" signs nothing): the
            // speaker's to the dash, quotes within it and words between them included
            let line = (quote.start.saturating_sub(CONTENT_REACH)..=quote.start)
                .rev()
                .find(|&k| k == 0 || self.breaks_before(k));
            let Some(line) = line.filter(|&l| self.quotes.closing(l).is_some()) else {
                continue;
            };
            let content = line..quote.end;
            if name_like && self.starts_name(name.start) {
                found.push(Found {
                    content: vec![content],
                    source: Some(name),
                    cue: dash..dash + 1,
                    kind: ClaimKind::Assertion,
                    region_start: dash,
                });
            }
        }
        found
    }

    /// The end of the line that token `end` lies on: before the next line break (or a
    /// closing quote just before it), its final punctuation left out.
    fn line_end(&self, end: usize) -> usize {
        let limit = self.tokens.len().min(end + CONTENT_REACH);
        let mut line = (end..limit)
            .find(|&i| self.breaks_before(i))
            .unwrap_or(limit);
        while line > end && self.tokens[line - 1].kind == TokenKind::Punct {
            line -= 1;
        }
        line.max(end)
    }

    /// "The Ninth Ward: The Long Road from the River": a title's subtitle, a noun phrase in
    /// title case with no verb, states nothing; a headline's statement has one ("Mayor:
    /// Repairs Will Take Years") or is in running case ("Police: The driver fled").
    fn subtitle(&self, content: Range<usize>) -> bool {
        let title_case = content.clone().all(|i| {
            let t = self.tokens[i].text(self.text);
            !self.tokens[i].is_word()
                || t.starts_with(char::is_uppercase)
                || t.len() <= 4 && self.is(Class::Stop, i)
        });
        // the Aux class holds adverbs too ("long", "still"): only "be" and modals count
        let verb = |i: usize| {
            self.is(Class::Be, i)
                || matches!(
                    self.word(i),
                    "will"
                        | "would"
                        | "can"
                        | "could"
                        | "must"
                        | "should"
                        | "shall"
                        | "has"
                        | "have"
                        | "had"
                        | "does"
                        | "did"
                )
        };
        // a noun phrase shows by its determiner, or, parsed, by every word capitalised with
        // no verb in the parse ("Sudan: Flash Update No. 7"; the parser misses many a verb
        // among capitals, so a lower-case "for" keeps "Poll: Voters Abandon Party for X")
        let parsed = !self.tree.upos(content.start).is_empty();
        let capitals = content.clone().all(|i| {
            let t = self.tokens[i];
            !t.is_word() || is_capitalised(t.text(self.text))
        });
        let noun_phrase = self.is(Class::Determiner, content.start) && title_case
            || parsed && capitals && !content.clone().any(|i| self.tree.upos(i) == "VERB");
        noun_phrase && !content.clone().any(verb)
    }

    /// A content running to the sentence's end stops at the comma before a later
    /// attribution's own words ("X denied it, with Y insisting that ...").
    fn cut_at_later_attributions(&self, found: &mut [Found], end: usize) {
        // (region start, comma before it), in order; and the comma before a cue whose
        // source stands before a clause set off by commas, "Jo Ames, who asked not to be
        // named, said ...": what that clause's cue reports ends there
        let parenthetical = found.iter().filter_map(|f| {
            let comma = f.cue.start.checked_sub(1)?;
            let source = f.source.as_ref()?;
            (self.word(comma) == "," && source.end < comma).then_some((f.cue.start, comma))
        });
        let mut cuts: Vec<(usize, usize)> = found
            .iter()
            .filter_map(|f| {
                let r = f.region_start;
                let before = r.checked_sub(1)?;
                let joined = self.is(Class::Subordinator, before)
                    || matches!(self.word(before), "and" | "but");
                if self.word(before) == "," {
                    Some((r, before))
                } else if joined && before > 0 && self.word(before - 1) == "," {
                    Some((r, before - 1))
                } else if matches!(self.word(before), "and" | "but") {
                    // "One in three said X and one in four said Y"
                    Some((r, before))
                } else {
                    None
                }
            })
            .chain(parenthetical)
            .collect();
        cuts.sort_unstable();
        for f in found.iter_mut() {
            let Some(last) = f.content.last_mut() else {
                continue;
            };
            if last.end < end {
                continue;
            }
            let first = cuts.partition_point(|&(r, _)| r <= last.start + 1);
            if let Some(&(r, c)) = cuts.get(first)
                && r < last.end
                && c > last.start
            {
                last.end = c;
            }
        }
    }
}
