//! A time's tense read from the parse: the verb the expression hangs on and that verb's
//! auxiliaries ("the bridge will reopen, repaired and repainted, in March": "will", ahead),
//! not the tense word nearest in the text ("repainted"). Times are found before the
//! sentence is parsed (actors must know them), so an expression whose value hangs on its
//! tense (a month without a year, a weekday, a season ...) is kept as [`Tensed`] and
//! resolved again once the parse is made.

use super::lexicon::{Cue, Gram, LEXICON, Tense};
use super::normalise::{self, Context, Sem};
use crate::analysis::model::Timex;
use crate::analysis::syntax::Syntax;
use crate::analysis::tokens::{Token, lowercase};

/// An expression whose value the tense decides, as the word-window reading resolved it.
pub struct Tensed {
    /// Its place in the times.
    pub(super) index: usize,
    pub(super) sem: Sem,
    /// The context it was resolved in, the window's tense included.
    pub(super) cx: Context,
    /// After "until", "by", "before", "through": a future or present perfect looks ahead.
    pub(super) forward: bool,
}

/// How many participles up a time's tense is looked for.
const CLIMB: usize = 8;

impl Tensed {
    /// The words found no tense for it, or none ahead after "until" and the like: worth a
    /// parse of its own. Elsewhere the parse is read where the claims or the timeline had
    /// it made (parsing every sentence with such a time took about 8% more CPU on the dev
    /// corpora, and changed few values).
    fn unsure(&self) -> bool {
        self.cx.tense.is_none() || (self.forward && self.cx.tense != Some(Tense::Future))
    }
}

/// Whether a sentence holds a time whose tense the words left unsure; `tensed` is in text
/// order.
pub fn wants_parse<'a>(times: &'a [Timex], tensed: &'a [Tensed]) -> impl Fn(&[Token]) -> bool + 'a {
    move |sentence| {
        let (Some(first), Some(last)) = (sentence.first(), sentence.last()) else {
            return false;
        };
        let from = tensed.partition_point(|t| times[t.index].span.start < first.span.start);
        tensed[from..]
            .iter()
            .take_while(|t| times[t.index].span.start < last.span.end)
            .any(Tensed::unsure)
    }
}

/// Each kept expression of a parsed sentence resolved again in the tense of the verb it
/// hangs on, where the parse tells one (a past, a future, a future seen from the past) and
/// it is not the one the words gave.
pub fn retense(
    text: &str,
    times: &mut [Timex],
    tensed: &[Tensed],
    syntax: &Syntax,
    tokens: &[Token],
) {
    for t in tensed {
        let span = times[t.index].span;
        let words = tokens.partition_point(|k| k.span.start < span.start)
            ..tokens.partition_point(|k| k.span.start < span.end);
        let Some(verb) = verb_of(syntax, words) else {
            continue;
        };
        let tense = tense_of(text, syntax, tokens, verb, t.forward, 0);
        if tense.is_none() || tense == t.cx.tense {
            continue;
        }
        let cx = Context { tense, ..t.cx };
        if let Some((kind, value)) = normalise::resolve(&t.sem, &cx).and_then(normalise::checked) {
            times[t.index].kind = kind;
            times[t.index].value = value;
        }
    }
}

/// The verb or clause head the expression hangs on, from its head word (the one whose head
/// lies outside it): "destroyed" of "In March, ... a fire destroyed", "payable" of "will be
/// payable Jan. 3" (a clause of its own, whose auxiliaries are read). None when the
/// sentence was not parsed, or the expression hangs on a noun or an adjective ("a strike on
/// Thursday", "a survey due on Monday"): that word's time, whose tense the parse does not
/// tell, and the parser often hangs such a time on the verb above it.
fn verb_of(syntax: &Syntax, words: std::ops::Range<usize>) -> Option<usize> {
    let at = words
        .clone()
        .find(|&w| syntax.head(w).is_none_or(|h| !words.contains(&h)))?;
    if syntax.deprel(at).is_empty() {
        return None;
    }
    clause_of(syntax, at)
}

/// The word `at` hangs on, when it is a verb or heads a clause.
fn clause_of(syntax: &Syntax, at: usize) -> Option<usize> {
    let h = syntax.head(at)?;
    let clause = matches!(
        syntax.deprel(h),
        "root" | "ccomp" | "xcomp" | "advcl" | "acl" | "acl:relcl" | "parataxis" | "csubj"
    );
    (clause || syntax.upos(h) == "VERB").then_some(h)
}

/// The tense of `verb` from its auxiliaries (a modal future, "would", "had", "was"; "has"
/// or "have", a present perfect, looks ahead after "until" and the like), else from its
/// own tag, a simple past. None when the parse tells no tense that places a time: a
/// present ("holds", "is": the time may lie either side), an infinitive, a participle, a
/// modal of possibility, a present perfect elsewhere ("has scheduled a news conference
/// Thursday").
fn tense_of(
    text: &str,
    syntax: &Syntax,
    tokens: &[Token],
    verb: usize,
    forward: bool,
    depth: usize,
) -> Option<Tense> {
    let sentence = tokens[verb].sentence;
    let lo = (0..verb)
        .rev()
        .take_while(|&k| tokens[k].sentence == sentence)
        .last()
        .unwrap_or(verb);
    let hi = (verb..tokens.len())
        .take_while(|&k| tokens[k].sentence == sentence)
        .last()
        .unwrap_or(verb);
    let mut past = false;
    let mut aux = false;
    for k in (lo..=hi).filter(|&k| syntax.head(k) == Some(verb)) {
        let rel = syntax.deprel(k);
        if !matches!(rel, "aux" | "aux:pass" | "cop" | "mark") {
            continue;
        }
        let lower = lowercase(tokens[k].text(text));
        let lower = lower.as_ref();
        if rel == "mark" {
            if LEXICON.gram(lower, Gram::To) {
                return None;
            }
            continue;
        }
        aux = true;
        if LEXICON.cue(lower, Cue::Perfect) {
            return forward.then_some(Tense::Future);
        }
        match LEXICON.tense(lower, "") {
            Some(t @ (Tense::Future | Tense::FutureInPast)) => return Some(t),
            Some(Tense::Past) => past = true,
            Some(Tense::Present) => return None,
            None if syntax.xpos(k) == "MD" => return None,
            None => {}
        }
    }
    if past || (!aux && syntax.xpos(verb) == "VBD") {
        return Some(Tense::Past);
    }
    // a gerund or present participle without auxiliaries ("lent revolving loans through
    // January", "leaving on Friday, he said") has the tense of the clause it hangs on
    if !aux && syntax.xpos(verb) == "VBG" && depth < CLIMB {
        let up = clause_of(syntax, verb)?;
        return tense_of(text, syntax, tokens, up, forward, depth + 1);
    }
    None
}
