//! Where a source begins and ends: the subject before a cue with its auxiliaries and
//! appositions, a main clause's subject, a listener after "told".

use std::ops::Range;

use super::lexicon::Class;
use super::reader::{Reader, Sentence};
use super::tree::base;
use crate::analysis::lexicon::is_ly_noun;
use crate::analysis::tokens::is_capitalised;

/// How far a source may reach (in tokens): no name is longer, and it keeps every scan short.
pub(super) const SOURCE_REACH: usize = 40;
/// The longest content kept (in tokens): a longer one is a run-on text, not a claim.
pub(super) const CONTENT_REACH: usize = 500;

impl Reader<'_> {
    /// Where the auxiliaries and adverbs in front of a cue begin ("has repeatedly warned").
    pub(super) fn aux_start(&self, floor: usize, cue: usize) -> usize {
        let floor = floor.max(cue.saturating_sub(8));
        let mut j = cue;
        while j > floor
            && (self.is(Class::Aux, j - 1) || self.is_adverb(j - 1))
            && !self.is_cue(j - 1)
        {
            j -= 1;
        }
        j
    }

    /// A lower-case adverb in "-ly" ("has vocally called"), not a noun ("the family said").
    fn is_adverb(&self, i: usize) -> bool {
        let word = self.word(i);
        word.len() > 4
            && word.ends_with("ly")
            && !is_ly_noun(word)
            && self.tokens[i].is_word()
            && !is_capitalised(self.tokens[i].text(self.text))
    }

    /// Whether a source reaching leftwards must stop before token `i`.
    pub(super) fn stops_source(&self, i: usize) -> bool {
        self.word(i) == "," || self.is(Class::Boundary, i) || self.is_cue(i)
    }

    /// The start of the run of tokens ending at `end` with no comma, boundary word or cue.
    /// A parenthesis is passed over whole ("Rep. Jo Ames (D-Ga.) said"), and so are dashes
    /// around an apposition just before `end`.
    pub(super) fn phrase_start(&self, floor: usize, end: usize) -> usize {
        let floor = floor.max(end.saturating_sub(SOURCE_REACH));
        let mut k = end;
        while k > floor {
            let dash = |i: usize| self.is(Class::Dash, i);
            if self.word(k - 1) == ")"
                && let Some(open) = (floor.max(k.saturating_sub(10))..k - 1)
                    .rev()
                    .find(|&i| self.word(i) == "(")
            {
                k = open;
            } else if k == end
                && dash(k - 1)
                && let Some(open) = (floor.max(k.saturating_sub(14))..k - 1)
                    .rev()
                    .find(|&i| dash(i))
            {
                // an apposition between dashes ("Jo Ames — a teacher — says")
                k = open;
            } else if self.stops_source(k - 1) && !self.postmodifies(floor, k - 1) {
                break;
            } else {
                k -= 1;
            }
        }
        k
    }

    /// Whether "with" at `i` opens a phrase that the noun or adjective before it takes, by
    /// the parse ("a person familiar with the matter", "people with knowledge of the
    /// talks"): the source runs on over it, not a clause's "With X gone, ...".
    fn postmodifies(&self, floor: usize, i: usize) -> bool {
        i > floor
            && self.word(i) == "with"
            && matches!(self.tree.upos(i - 1), "NOUN" | "ADJ")
            && !is_capitalised(self.tokens[i - 1].text(self.text))
    }

    /// The subject left of `end`. Before a comma it is a name with appositions: after a
    /// quote it runs from the quote ("\"...,\" Jo Ames, a lawyer, said"); with content
    /// following (`rich`) it runs from the clause's start; else it is a short name and one
    /// apposition ("..., Jo Ames, a lawyer, said"). Without a comma it runs from a clause's
    /// start and stops at an auxiliary inside it ("X has found evidence suggesting" -> X).
    pub(super) fn subject(&self, floor: usize, end: usize, rich: bool) -> Option<Range<usize>> {
        self.subject_span(floor, end, rich)
            .filter(|r| self.tokens[r.clone()].iter().any(|t| t.is_word()))
    }

    pub(super) fn subject_span(
        &self,
        floor: usize,
        end: usize,
        rich: bool,
    ) -> Option<Range<usize>> {
        // a scare quote closing a clause works as its comma ("Lee, who calls it a "trap," said")
        let scare_quote = rich
            && end > floor
            && self
                .quotes
                .opening(end - 1)
                .is_some_and(|open| open > floor && end - open <= 8);
        if end > floor && (self.word(end - 1) == "," || scare_quote) {
            let comma = end - 1;
            let quote = (floor.max(comma.saturating_sub(40))..comma)
                .rev()
                .take_while(|&i| !self.is_cue(i))
                .find(|&i| self.is_closing_quote(i));
            if let Some(q) = quote {
                let start = if self.word(q + 1) == "," {
                    q + 2
                } else {
                    q + 1
                };
                return (start < comma && self.starts_name(start)).then_some(start..comma);
            }
            if rich {
                let start = self.clause_start(floor, comma);
                let apposition = (start..comma).any(|i| self.word(i) == ",");
                let end = self.described_to(self.source_end(start, comma), comma);
                // (a cue of a relative clause inside the apposition no bar: "Acme, a firm
                // that had announced plans to ..., said")
                let clean =
                    (start..end).all(|i| !self.is_cue(i) || self.relative_within(i, start..end));
                return (apposition && clean && end - start <= 40).then_some(start..end);
            }
            let appositive = self.phrase_start(floor, comma);
            let head_end = appositive.checked_sub(1)?;
            if appositive >= comma || appositive <= floor || self.word(head_end) != "," {
                return None;
            }
            let head = self.phrase_start(floor, head_end);
            let short = head < head_end && head_end - head <= 5 && comma - appositive <= 8;
            return short.then_some(head..comma);
        }
        let mut start = self.phrase_start(floor, end);
        // "Those who were injured said": a relative clause with no commas is the source's
        if start > floor + 1 && self.word(start - 1) == "who" && self.tokens[start - 2].is_word() {
            start = self.phrase_start(floor, start - 1);
        }
        // a list of names: "A, B and C said"
        // (not a new clause: "..., and he said", "Prices are rising, and farmers said")
        if matches!(self.word(start), "and" | "or") && !self.is(Class::Subject, start + 1) {
            while start > floor + 1 && self.word(start - 1) == "," {
                let item = self.phrase_start(floor, start - 1);
                if item >= start - 1 || start - 1 - item > 5 || self.clause_before(item, start - 1)
                {
                    break;
                }
                start = item;
            }
        }
        // a clause joined to the source's own ("The rains failed and farmers said"): the
        // source starts after the last "and" or "but" that follows a verb
        if let Some(joint) = (start + 1..end)
            .rev()
            .find(|&k| matches!(self.word(k), "and" | "but") && self.clause_before(start, k))
        {
            start = joint + 1;
        }
        if start == end {
            // "..., who said": the relative pronoun stands for the source
            let relative = end > floor && matches!(self.word(end - 1), "who" | "which" | "that");
            return relative.then(|| end - 1..end);
        }
        let aux = (start + 1..end).find(|&i| {
            self.is(Class::Aux, i)
                && !self.is(Class::Boundary, i - 1)
                && self.tokens[i - 1].is_word()
                && !self.word(i).ends_with("ly")
        });
        Some(start..aux.unwrap_or(end))
    }

    /// Whether token `i` lies in a relative or participle's clause that the parse hangs on
    /// a word of `range`.
    fn relative_within(&self, i: usize, range: Range<usize>) -> bool {
        let t = &self.tree;
        let mut at = i;
        for _ in 0..SOURCE_REACH {
            let Some(head) = t.head(at).filter(|h| range.contains(h)) else {
                return false;
            };
            if base(t.deprel(at)) == "acl" {
                return true;
            }
            at = head;
        }
        false
    }

    /// Whether the parse reads a verb among the tokens of `range`.
    pub(super) fn has_verb(&self, range: Range<usize>) -> bool {
        range
            .into_iter()
            .any(|i| matches!(self.tree.upos(i), "VERB" | "AUX"))
    }

    /// The source by the parse, over the one the patterns found before the cue: the cue
    /// verb's subject (or agent) with its modifiers, when the patterns' span misses it
    /// ("Hours later, X said" -> X). A relative "that" stands for its antecedent ("a group
    /// that says" -> "a group"); "who" and "which" stay, as the words the text gives.
    pub(super) fn parsed_subject(
        &self,
        s: &Sentence,
        verb: usize,
        cue_start: usize,
        found: Option<Range<usize>>,
    ) -> Option<Range<usize>> {
        let t = &self.tree;
        // the subject nearest the cue: a quote before it may hang on the verb too
        let subject = t
            .children(verb)
            .filter(|&k| k >= s.start && k < cue_start)
            .filter(|&k| matches!(t.deprel(k), "nsubj" | "obl:agent"))
            .last();
        let relative = subject
            .or(found.as_ref().filter(|r| r.len() == 1).map(|r| r.start))
            .filter(|&k| self.word(k) == "that" && k > s.start);
        if let Some(that) = relative {
            return self.antecedent(s, verb, that).or(found);
        }
        let Some(subject) = subject else {
            return found;
        };
        if self.quotes.is_quoted(subject) {
            return found;
        }
        // a pronoun next to its verb is the patterns' surest find
        let pronoun = |r: &Range<usize>| r.len() == 1 && self.is(Class::Subject, r.start);
        match &found {
            // words before the subject that are not its own: a fronted adjunct the patterns
            // ran over ("In an interview Trump said", "On Friday they said")
            Some(r) if r.contains(&subject) => {
                let first = t.span(subject).start;
                let adjunct = self.is(Class::Subject, subject)
                    || matches!(t.upos(r.start), "ADP" | "SCONJ")
                    || self.is(Class::Adjunct, r.start)
                    || self.is(Class::Time, r.start);
                return if first > r.start && adjunct {
                    Some(first..r.end)
                } else {
                    found
                };
            }
            Some(r) if pronoun(r) => return found,
            None => return found,
            Some(_) => {}
        }
        self.subject_phrase(s, subject, cue_start).or(found)
    }

    /// The words of the parse's subject `subject` before its verb at `cue_start`, if they make a source:
    /// a phrase, not a clause or an adjunct (no preposition first, no "but" or ";" inside),
    /// nothing quoted and no cue in it but in its own relative clause ("officials who opposed
    /// the plan said").
    fn subject_phrase(
        &self,
        s: &Sentence,
        subject: usize,
        cue_start: usize,
    ) -> Option<Range<usize>> {
        let t = &self.tree;
        let span = t.span(subject);
        let start = span.start.max(s.start);
        let mut end = span.end.min(cue_start);
        // (an apposition's closing comma hangs on it)
        while end > start && self.word(end - 1) == "," {
            end -= 1;
        }
        let phrase = !matches!(t.upos(start), "ADP" | "SCONJ" | "CCONJ" | "PUNCT")
            && !(start..end).any(|i| matches!(self.word(i), "but" | ";"));
        let relative = |i: usize| {
            t.children(subject)
                .any(|k| base(t.deprel(k)) == "acl" && t.span(k).contains(&i))
        };
        let clean = (start..end)
            .all(|i| (!self.is_cue(i) || relative(i)) && !self.quotes.is_quoted(i))
            && end - start <= SOURCE_REACH
            && phrase;
        (clean && start < end).then_some(start..end)
    }

    /// The source of a participle or a second verb by the parse: the subject of the verb it
    /// hangs on ("Jo Ames, a lawyer, rejected the plan, saying ..." -> "Jo Ames, a lawyer";
    /// "Hours later, Jo Ames left, telling ..." -> "Jo Ames"), walked up over adverbial,
    /// open-complement and conjoined clauses to the first verb with a subject before the cue
    /// that is neither subordinate nor reported. A relative pronoun is left to the patterns.
    pub(super) fn governing_subject(
        &self,
        s: &Sentence,
        verb: usize,
        cue_start: usize,
    ) -> Option<Range<usize>> {
        let t = &self.tree;
        let mut at = verb;
        for _ in 0..4 {
            if !matches!(base(t.deprel(at)), "advcl" | "xcomp" | "conj") {
                return None;
            }
            at = t.head(at).filter(|&h| h >= s.start && h < s.end)?;
            let subject = t
                .children(at)
                .filter(|&k| k >= s.start && k < cue_start && base(t.deprel(k)) == "nsubj")
                .last();
            // not a subordinate clause's subject ("X left after they came, saying"): on up
            let subordinate = t.child(at, |r| r == "mark").is_some();
            if let Some(subject) = subject.filter(|_| !subordinate) {
                let relative = matches!(self.word(subject), "who" | "which" | "that");
                if relative || self.reported(at) {
                    return None;
                }
                return self.subject_phrase(s, subject, at.min(cue_start));
            }
        }
        None
    }

    /// The object of the verb before "for" or "of" and the gerund starting at `cue_start`:
    /// the one who did the saying ("arrested a blogger for saying", "accused the mayor of
    /// claiming"; not "stopped short of saying" nor "was criticised for saying").
    pub(super) fn doer_before(&self, s: &Sentence, cue_start: usize) -> Option<Range<usize>> {
        let t = &self.tree;
        let prep = cue_start
            .checked_sub(1)
            .filter(|&p| p > s.start && matches!(self.word(p), "for" | "of"))?;
        let verb = (s.start..prep)
            .rev()
            .find(|&i| matches!(t.upos(i), "VERB" | "AUX") || self.stops_source(i))
            .filter(|&i| t.upos(i) == "VERB")?;
        let object = verb + 1..prep;
        let nominal = object
            .clone()
            .any(|i| matches!(t.upos(i), "NOUN" | "PROPN" | "PRON"));
        (nominal && object.len() <= SOURCE_REACH).then_some(object)
    }

    /// Whether verb `at` lies in a complement or relative clause (the parse often hangs a
    /// participle on the reported clause's verb: "X argued that the plan would fail, saying
    /// ..." is X's saying, not the plan's).
    fn reported(&self, mut at: usize) -> bool {
        let t = &self.tree;
        for _ in 0..SOURCE_REACH {
            if matches!(base(t.deprel(at)), "ccomp" | "csubj" | "acl" | "parataxis") {
                return true;
            }
            match t.head(at) {
                Some(h) => at = h,
                None => return false,
            }
        }
        false
    }

    /// The noun phrase a relative "that" stands for: the word its clause hangs on (by the
    /// parse's acl:relcl), else the noun just before it; from that phrase's first word, not
    /// reaching back over a comma or a verb.
    fn antecedent(&self, s: &Sentence, verb: usize, that: usize) -> Option<Range<usize>> {
        let t = &self.tree;
        let noun = |k: usize| matches!(t.upos(k), "NOUN" | "PROPN");
        let head = t
            .head(verb)
            .filter(|&a| t.deprel(verb) == "acl:relcl" && a >= s.start && a < that)
            .or(Some(that - 1).filter(|&a| noun(a)))?;
        let floor = (s.start.max(that.saturating_sub(SOURCE_REACH))..head)
            .rev()
            .find(|&i| self.word(i) == "," || matches!(t.upos(i), "VERB" | "AUX" | "ADP"))
            .map_or(s.start, |i| i + 1);
        let start = t.span(head).start.max(floor);
        (start < that).then_some(start..that)
    }

    /// Where the verb's complement clause begins when something else stands between it and
    /// the cue ("said on Fox News Sunday, in an interview, that ..." / "said Tuesday at a rally
    /// the plan ..."): the parse's ccomp, if it starts after `after`.
    pub(super) fn complement_start(
        &self,
        s: &Sentence,
        verb: usize,
        after: usize,
    ) -> Option<usize> {
        let t = &self.tree;
        if !(self.is(Class::Adjunct, after) || self.is(Class::Time, after)) {
            return None;
        }
        let c = t.child(verb, |r| r == "ccomp")?;
        let start = t.span(c).start;
        // the clause opens with its "that" or its own subject
        let subject = t.child(c, |r| base(r) == "nsubj").map(|n| t.span(n).start);
        if !(self.word(start) == "that" || subject == Some(start)) {
            return None;
        }
        let quoted = (after..start).any(|i| self.quotes.is_quoted(i) || self.is_cue(i));
        (start > after && start < s.end && start - after <= 12 && !quoted).then_some(start)
    }

    /// `after` when the parse's complement clause of `verb` begins right there, after the
    /// cue ("he imagined the talks would fail"), or just after an object that is its
    /// subject misread ("officials figure [the reform] [will pass]").
    pub(super) fn complement_at(&self, verb: usize, after: usize) -> Option<usize> {
        let t = &self.tree;
        let c = t.child(verb, |r| r == "ccomp")?;
        let start = t.span(c).start;
        let object = |o: usize| t.span(o) == (after..start);
        let at = start == after || t.child(verb, |r| r == "obj").is_some_and(object);
        (c > verb && at && !self.quotes.is_quoted(after)).then_some(after)
    }

    /// Where a name and its appositions end: before a comma that opens a quote, a cue, a
    /// relative clause, an adjunct, a participle or a clause after a conjunction ("Jo Ames, a
    /// lawyer, who ...").
    pub(super) fn source_end(&self, start: usize, end: usize) -> usize {
        let end = end.min(start + SOURCE_REACH + 1);
        (start..end)
            .find(|&i| {
                self.word(i) == ","
                    && (self.quotes.closing(i + 1).is_some()
                        || self.is_cue(i + 1)
                        || self.is(Class::Boundary, i + 1)
                        || self.is(Class::Adjunct, i + 1)
                        || self.is(Class::Subordinator, i + 1)
                        || self.word(i + 1).ends_with("ing")
                        // "said the minister, and the crowd cheered"
                        || self.is(Class::Conjunction, i + 1) && self.clause_before(i + 1, end))
            })
            .unwrap_or(end)
    }

    /// Where a source that ends at `end` ends with the relative clause or "including" list
    /// that describes it up to `limit` ("Jo Ames, who heads the bureau, said ..."; "...,"
    /// said Jo Ames, who heads the bureau."): `limit`, when nothing there is quoted or a cue;
    /// else `end`.
    pub(super) fn described_to(&self, end: usize, limit: usize) -> usize {
        let describes = end + 1 < limit
            && self.word(end) == ","
            && matches!(self.word(end + 1), "who" | "whose" | "including");
        let clean = (end + 1..limit).all(|i| !self.is_cue(i) && !self.quotes.is_quoted(i));
        if describes && clean && limit - end <= SOURCE_REACH {
            limit
        } else {
            end
        }
    }

    /// Whether a noun phrase can start at token `i`: a capitalised word, a number or a
    /// determiner ("Jo Ames", "81-year-old", "the mayor").
    pub(super) fn starts_name(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            is_capitalised(t.text(self.text)) || !t.is_word() || self.is(Class::Determiner, i)
        })
    }

    /// Where the clause of a sentence begins, after leading adjuncts set off by commas ("On
    /// Tuesday, ...", "However, ...").
    pub(super) fn clause_start(&self, floor: usize, limit: usize) -> usize {
        let mut start = floor;
        for _ in 0..3 {
            // "And X said": a conjunction without its comma is passed alone
            if self.is(Class::Opener, start) && self.word(start + 1) != "," && start + 1 < limit {
                start += 1;
                continue;
            }
            let opener = self.is(Class::Adjunct, start)
                || self.is(Class::Subordinator, start)
                || self.is(Class::Opener, start);
            let comma = (start..limit.min(start + SOURCE_REACH)).find(|&i| self.word(i) == ",");
            match comma {
                Some(c) if opener && c + 1 < limit => start = c + 1,
                _ => break,
            }
        }
        start
    }

    /// The subject of a sentence's main clause, for a participle after a comma ("X rejected
    /// the plan, saying ...") or a second verb ("X met Y and said ..."): its first words up to
    /// an auxiliary or a past-tense verb.
    pub(super) fn main_subject(&self, s: &Sentence, limit: usize) -> Option<Range<usize>> {
        let start = self.clause_start(s.start, limit);
        let stop = (start..limit.min(start + 7)).find(|&i| {
            self.is(Class::Aux, i)
                || self.stops_source(i)
                || (self.word(i).ends_with("ed") && !is_capitalised(self.tokens[i].text(self.text)))
        })?;
        (stop > start).then_some(start..stop)
    }

    /// Where a clause whose subject starts at `subject` ends: at its comma when a
    /// subordinator opens it ("With X reportedly doing Y, ..."), else at the sentence's end.
    pub(super) fn clause_end(&self, s: &Sentence, subject: usize, from: usize) -> usize {
        if subject > s.start && self.is(Class::Subordinator, subject - 1) {
            let end = s.end.min(from + CONTENT_REACH);
            (from..end).find(|&i| self.word(i) == ",").unwrap_or(end)
        } else {
            s.end
        }
    }

    /// A listener after "told": a pronoun or word from the list, or a capitalised name.
    pub(super) fn skip_listener(&self, at: usize, end: usize) -> usize {
        if at >= end {
            return at;
        }
        if self.is(Class::Listener, at) {
            return at + 1;
        }
        let mut i = at;
        if self.word(i) == "the" {
            i += 1;
        }
        let name_start = i;
        while i < end.min(name_start + 10)
            && (is_capitalised(self.tokens[i].text(self.text))
                || (i > name_start && self.word(i) == "of"))
        {
            i += 1;
        }
        if i > name_start { i } else { at }
    }
}
