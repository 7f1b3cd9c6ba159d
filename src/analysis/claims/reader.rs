//! The text as the attribution rules read it: lower-cased words, word classes, quotation
//! marks and the cues of each sentence.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

use super::lexicon::{Class, Cue, Frame, Lexicon};
use super::quotes::Quotes;
use super::subjects::{CONTENT_REACH, SOURCE_REACH};
use super::tree::{Tree, base};
use crate::analysis::tokens::{
    Token, breaks_before, gap_before, is_capitalised, is_possessive, lowercase,
};

/// A cue found in the text.
#[derive(Debug, Clone)]
pub struct CueMatch {
    pub range: Range<usize>,
    pub cue: Cue,
}

/// One document's tokens with what the rules ask of them; attributions are read sentence by
/// sentence (see [`super::frames`] and [`super::subjects`]).
pub struct Reader<'a> {
    pub lexicon: &'a Lexicon,
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// Lower-cased token texts.
    pub words: Vec<Cow<'a, str>>,
    pub quotes: Quotes,
    /// The sentences' parse.
    pub tree: Tree<'a>,
    /// Tokens that belong to some cue: sources never reach back over them.
    pub(super) in_cue: Vec<bool>,
    /// Whether the text is a transcript of speakers' turns (see `is_transcript`).
    pub(super) transcript: OnceCell<bool>,
}

impl<'a> Reader<'a> {
    pub fn new(
        lexicon: &'a Lexicon,
        text: &'a str,
        tokens: &'a [Token],
        quotes: Quotes,
        tree: Tree<'a>,
    ) -> Reader<'a> {
        // one apostrophe, so that "doesn’t" reads as the list's "doesn't"
        let words = tokens
            .iter()
            .map(|t| {
                let word = lowercase(t.text(text));
                if word.contains('’') {
                    Cow::Owned(word.replace('’', "'"))
                } else {
                    word
                }
            })
            .collect();
        Reader {
            lexicon,
            text,
            tokens,
            words,
            quotes,
            tree,
            in_cue: vec![false; tokens.len()],
            transcript: OnceCell::new(),
        }
    }

    pub(super) fn word(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w)
    }

    pub(super) fn is_cue(&self, i: usize) -> bool {
        self.in_cue.get(i).copied().unwrap_or(false)
    }

    pub(super) fn is(&self, class: Class, i: usize) -> bool {
        self.lexicon.is(class, self.word(i))
    }

    /// Whether `range` is exactly one quotation, marks included.
    pub(super) fn is_quote(&self, range: &Range<usize>) -> bool {
        range.end > range.start && self.quotes.closing(range.start) == Some(range.end - 1)
    }

    /// A quotation opening the sentence that starts at token `next`, on the same line, or
    /// after a `quote` making the whole next line and a sentence, with no cue of its own: it
    /// goes on with the quote before ("..." he said. "...").
    pub(super) fn continuation(&self, next: usize, quote: bool) -> Option<Range<usize>> {
        let close = self.quotes.closing(next)?;
        next.checked_sub(1)?;
        // a cue after it in its sentence, a titled name away at most ('," Defence Minister
        // Lena Vos said'), attributes it anew
        let sentence = self.tokens[close].sentence;
        let own_cue = (close + 1..self.tokens.len().min(close + 1 + SOURCE_REACH))
            .take_while(|&i| self.tokens[i].sentence == sentence)
            .find(|&i| self.is_cue(i))
            .is_some_and(|i| {
                let between = self.tokens[close].span.end..self.tokens[i].span.start;
                !self.text.get(between).unwrap_or("").contains('\n')
            });
        // a line (a paragraph) that is one quoted sentence and nothing else goes on with the
        // speaker of the line before, as news style leaves a quote's next paragraph untagged;
        // a quoted title alone ("“The Road Back”") says nothing
        let sentence_like = close > next
            && (matches!(self.word(close - 1), "." | "!" | "?" | "…")
                || (next + 1..close)
                    .filter(|&i| self.tokens[i].is_word())
                    .count()
                    >= 3
                    && (next + 1..close).any(|i| matches!(self.tree.upos(i), "VERB" | "AUX")));
        let whole_line = quote
            && sentence_like
            && (close + 1 >= self.tokens.len() || self.breaks_before(close + 1));
        ((!self.breaks_before(next) || whole_line) && !own_cue).then_some(next..close + 1)
    }

    /// Whether a line break stands between token `i` and the one before it.
    pub(super) fn breaks_before(&self, i: usize) -> bool {
        breaks_before(self.text, self.tokens, i)
    }

    /// The paragraph after a colon that ends its line ("Jo Ames added:" and the words she
    /// added below it): from after a list mark opening it to the paragraph's end, a blank
    /// line or the next list item (hard-wrapped lines run on); none when it runs on past
    /// what a content may hold.
    pub(super) fn paragraph_after(&self, colon: usize) -> Option<Range<usize>> {
        let mut start = colon + 1;
        if self.word(colon) != ":" || start >= self.tokens.len() || !self.breaks_before(start) {
            return None;
        }
        let item = |i: usize| matches!(self.word(i), "-" | "*" | "•" | "–" | "—");
        if item(start) {
            start += 1;
        }
        let ends_before = |i: usize| {
            let gap = gap_before(self.text, self.tokens, i);
            gap.matches('\n').count() > 1 || gap.contains('\n') && item(i)
        };
        let limit = start + CONTENT_REACH;
        match (start + 1..self.tokens.len().min(limit)).find(|&i| ends_before(i)) {
            Some(end) => Some(start..end),
            None if self.tokens.len() <= limit && start < self.tokens.len() => {
                Some(start..self.tokens.len())
            }
            None => None,
        }
    }

    pub(super) fn is_closing_quote(&self, i: usize) -> bool {
        self.quotes.opening(i).is_some()
    }

    /// The cues of one sentence; a cue that is a name ("Hope") or a noun after a determiner
    /// or a possessive ("the report", "Kim's plans") is not one. Also marks them for [`Reader::attributions`].
    pub fn cues(&mut self, sentence: Range<usize>) -> Vec<CueMatch> {
        let mut found: Vec<CueMatch> = Vec::new();
        let title_case = self.title_case(&sentence);
        let mut i = sentence.start;
        while i < sentence.end {
            let Some((len, cue)) = self.lexicon.cue_at(&self.words[..sentence.end], i) else {
                i += 1;
                continue;
            };
            let range = i..i + len;
            i += len;
            if cue.frame == Frame::Extend {
                if let Some(last) = found.last_mut().filter(|m| m.range.end == range.start) {
                    last.range.end = range.end;
                }
                continue;
            }
            let token = self.tokens[range.start];
            // (a sentence's words may start after a dateline, with no token marked so)
            let starts = token.sentence_start || range.start == sentence.start;
            let is_name = !starts && is_capitalised(token.text(self.text)) && !title_case;
            // "the report", "Trump's plans": a noun
            let after_determiner = range.start > sentence.start
                && (self.is(Class::Determiner, range.start - 1)
                    || is_possessive(self.tokens[range.start - 1].text(self.text)));
            let needs_verb = !matches!(cue.frame, Frame::According | Frame::Adverb);
            // what a quoted speaker reports is part of the quote, not a claim of the article
            let quoted = self.quotes.is_quoted(range.start);
            // "urged them to vote for X": what is urged, not a claim of its own
            let infinitive = range.start > sentence.start && self.word(range.start - 1) == "to";
            // "the ministry's statement that ...", "X's claim that ...": a noun of saying
            let noun_use = after_determiner && !quoted && !is_name && self.says_that(range.end);
            if cue.frame == Frame::Noun || (needs_verb && noun_use) {
                if noun_use {
                    let cue = Cue {
                        kind: cue.kind,
                        frame: Frame::Noun,
                    };
                    found.push(CueMatch { range, cue });
                }
                continue;
            }
            if is_name
                || quoted
                || (needs_verb && (after_determiner || infinitive))
                || self.after_speech_tag(&sentence, &found, range.start)
            {
                continue;
            }
            // (a headline in title case is tagged as names)
            if needs_verb && !title_case && !self.verbal(&range) {
                continue;
            }
            if range.len() == 1 && self.names_a_noun(range.start) {
                continue;
            }
            if cue.frame == Frame::Complement && !self.reports_clause(&range) {
                continue;
            }
            found.push(CueMatch { range, cue });
        }
        for m in &found {
            self.in_cue[m.range.clone()].fill(true);
        }
        found
    }

    /// Whether the cue word at `i` follows a speech tag set off by commas inside its clause
    /// ("The plan, Jo Ames said, called for cuts"): it is that clause's own verb, what the
    /// tag's source says, not a cue of its own (but for a participle, "said, adding").
    fn after_speech_tag(&self, sentence: &Range<usize>, found: &[CueMatch], i: usize) -> bool {
        let Some(tag) = found.last().filter(|m| m.cue.frame == Frame::Speech) else {
            return false;
        };
        let opens = (sentence.start..tag.range.start)
            .rev()
            .take(SOURCE_REACH)
            .find(|&k| self.word(k) == ",");
        tag.range.end + 1 == i
            && self.word(tag.range.end) == ","
            // ("..., she said, adding that ...": a participle goes on with the tag)
            && !self.word(i).ends_with("ing")
            && opens.is_some_and(|c| c > sentence.start && !self.is_closing_quote(c - 1))
    }

    /// Whether a verb cue is used as a verb, by the parse: a word the parse reads as a noun
    /// or a modifier ("a think tank", "the claims", tagged so or hanging on a noun as its
    /// compound or modifier) with nothing a verb takes (a subject, an auxiliary, an object,
    /// a complement clause) is no cue, nor is a phrase whose later word qualifies a noun
    /// outside it ("has made clear progress"). Only both signs together count: the parser
    /// errs, most on verbs after names, so a verb's own dependents outweigh its tag.
    fn verbal(&self, range: &Range<usize>) -> bool {
        let t = &self.tree;
        let verb = range.start;
        if t.len() < range.end {
            return true;
        }
        let verb_takes = |rel: &str| {
            matches!(
                base(rel),
                "nsubj" | "csubj" | "aux" | "ccomp" | "xcomp" | "parataxis" | "obj" | "iobj"
            ) || rel == "obl:agent"
        };
        let qualifies_outside = (verb + 1..range.end).any(|k| {
            matches!(t.deprel(k), "amod" | "compound")
                && t.head(k).is_some_and(|h| !range.contains(&h))
        });
        if qualifies_outside {
            return false;
        }
        if t.child(verb, verb_takes).is_some() {
            return true;
        }
        // a noun with a determiner, compound or adjective before it, and no sign of speech
        // but a colon, is a noun ("Situation report: flooding in the region")
        let noun_phrase = matches!(t.upos(verb), "NOUN" | "PROPN")
            && t.children(verb).any(|k| {
                k < verb && matches!(base(t.deprel(k)), "det" | "compound" | "amod" | "nmod:poss")
            });
        // the patterns' own signs of reported speech: a that-clause, a colon or a quote
        // after the cue, a quote or comma just before its subject ("...," X points out),
        // with no verb between them ("..., prompting fears of", "..., blaming weak demand")
        let next = range.end;
        let no_verb_from = |i: usize| !self.has_verb(i + 1..verb);
        let reports = self.is(Class::Complement, next)
            || self.word(next) == ":" && !noun_phrase
            || self.quotes.closing(next).is_some()
            || (verb.saturating_sub(5)..verb)
                .any(|i| (self.is_closing_quote(i) || self.word(i) == ",") && no_verb_from(i));
        if reports {
            return true;
        }
        let nominal = matches!(t.upos(verb), "NOUN" | "PROPN" | "ADJ" | "NUM");
        let as_noun = matches!(
            base(t.deprel(verb)),
            "compound" | "amod" | "nmod" | "det" | "flat" | "nsubj" | "obj" | "iobj" | "obl"
        );
        // a participle before the noun it qualifies ("2,310 suspected cases", "the alleged
        // attack") is an adjective whatever its tag
        let prenominal = t.deprel(verb) == "amod" && t.head(verb).is_some_and(|h| h > verb);
        !(nominal && as_noun || prenominal || noun_phrase || t.deprel(verb) == "compound")
    }

    /// Whether a learned cue ([`Frame::Complement`]) reports here, by the parse: a verb that
    /// governs a complement clause, or stands in the reported words as a parenthetical ("...,
    /// he reckons."); or the patterns' signs: "that", a colon or a quote right after it, a
    /// quote just before its subject (`"...," he mused`). An unparsed sentence has only
    /// "that" or a quote after it.
    fn reports_clause(&self, range: &Range<usize>) -> bool {
        let t = &self.tree;
        let verb = range.start;
        let next = range.end;
        if t.upos(verb).is_empty() {
            return self.word(next) == "that" || self.quotes.closing(next).is_some();
        }
        if t.upos(verb) != "VERB" {
            return false;
        }
        t.child(verb, |r| r == "ccomp").is_some()
            || t.deprel(verb) == "parataxis" && t.head(verb).is_some_and(|h| h < verb)
            || self.word(next) == "that"
            || self.word(next) == ":"
            || self.quotes.closing(next).is_some()
            || (verb.saturating_sub(3)..verb).any(|i| self.is_closing_quote(i))
    }

    /// Whether a naming participle hangs on the common noun just before it as a reduced
    /// relative clause, by the parse: "a program called Safe Streets" names the program, and
    /// nobody says anything. (The parser also reads many a main verb after a name and its
    /// apposition as such a clause, so the noun must be the word before and no name.)
    fn names_a_noun(&self, verb: usize) -> bool {
        let t = &self.tree;
        self.is(Class::Naming, verb)
            && t.deprel(verb) == "acl"
            && verb > 0
            && t.head(verb) == Some(verb - 1)
            && t.upos(verb - 1) == "NOUN"
    }

    /// Whether token `that` is "that" opening a clause (a conjunction, by the parse), not a
    /// relative pronoun ("the claim that he made").
    fn says_that(&self, that: usize) -> bool {
        self.word(that) == "that"
            && (self.tree.len() <= that
                || self.tree.upos(that) == "SCONJ"
                || self.tree.deprel(that) == "mark")
    }

    /// A headline in title case ("Mayor Says Bridge Will Reopen"): most words capitalised.
    pub(super) fn title_case(&self, sentence: &Range<usize>) -> bool {
        let words = || self.tokens[sentence.clone()].iter().filter(|t| t.is_word());
        let capitalised = words()
            .filter(|t| is_capitalised(t.text(self.text)))
            .count();
        capitalised * 4 >= words().count() * 3 && capitalised >= 3
    }

    /// The sentence without its final punctuation.
    pub(super) fn content_end(&self, sentence: Range<usize>) -> usize {
        let mut end = sentence.end;
        while end > sentence.start && matches!(self.word(end - 1), "." | "!" | "?" | ";" | ":") {
            end -= 1;
        }
        end
    }

    /// The content from `start` to the sentence's end, or to the end of a quote that opens
    /// inside it and closes later.
    pub(super) fn rest(&self, s: &Sentence, start: usize) -> Range<usize> {
        let crossing = s
            .end
            .checked_sub(1)
            .and_then(|last| self.quotes.around(last))
            .filter(|quote| quote.start >= start);
        start..crossing.map_or(s.end, |quote| s.end.max(quote.end))
    }

    /// The quote that ends the sentence before, if any (`"...!" He said.`).
    pub(super) fn previous_ends_in_quote(&self, s: &Sentence) -> Option<Range<usize>> {
        let previous = s.previous.clone()?;
        let last = self.content_end(previous.clone());
        let close = (last.saturating_sub(2).max(previous.start)..previous.end)
            .rev()
            .find(|&i| self.is_closing_quote(i))?;
        Some(self.quotes.opening(close)?..close + 1)
    }

    /// The quote that ends at or just before `i` (`"...," he said` / `"...", he said`); a
    /// quoted title is no quotation (`On "Meet the Press," X said ...`).
    pub(super) fn quote_ending_at(&self, i: usize) -> Option<Range<usize>> {
        let close = if self.is_closing_quote(i) {
            i
        } else if self.word(i) == "," && i > 0 && self.is_closing_quote(i - 1) {
            i - 1
        } else {
            return None;
        };
        let quote = self.quotes.opening(close)?..close + 1;
        (!self.is_title(&quote)).then_some(quote)
    }

    /// A short quote whose words are all capitalised: the name of a show, book or film.
    fn is_title(&self, quote: &Range<usize>) -> bool {
        if quote.len() > 16 {
            return false;
        }
        let words = || self.tokens[quote.clone()].iter().filter(|t| t.is_word());
        let count = words().count();
        (2..=6).contains(&count) && words().all(|t| is_capitalised(t.text(self.text)))
    }
}

/// The sentence being read: its first token, where its content may end, and the sentence
/// before it.
pub(super) struct Sentence {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) previous: Option<Range<usize>>,
}
