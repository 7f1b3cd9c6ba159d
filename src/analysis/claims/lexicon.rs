//! The word lists behind attribution: cue phrases with their kind and frame, hedges, and the
//! closed word classes the rules consult. All are data in `assets/lexicon/`, parsed once.

use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::LazyLock;

use crate::analysis::lexicon::{UserLexicon, data_rows};
use crate::analysis::model::ClaimKind;

/// How a cue lays out its source and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Subject source; content after the cue, or before it ("..., he said").
    Speech,
    /// As `Speech`, but only with a that-clause, a quote or a colon, or after the content.
    Clause,
    /// A learned verb of saying or thinking (`claim_verbs.tsv`): as `Clause`, but only where
    /// the parse gives it a complement clause, which is then its content ("he figures the
    /// gig was reward enough").
    Complement,
    /// `Speech` whose content is its object, up to a comma or a subordinate clause.
    Object,
    /// `Speech` with a listener object ("told reporters that ...").
    Tell,
    /// The source follows ("according to X").
    According,
    /// No source: the content is the clause around the cue ("reportedly").
    Adverb,
    /// Lengthens the cue just before it ("said in a statement").
    Extend,
    /// A noun of saying with its that-clause ("the ministry's statement that ..."); a verb
    /// cue used as a noun this way ("X's claim that ...") is read so too.
    Noun,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub kind: ClaimKind,
    pub frame: Frame,
}

/// A phrase list keyed by first word, longest phrases first.
#[derive(Debug, Clone)]
struct Phrases<T> {
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            by_first: HashMap::new(),
        }
    }
}

impl<T: Copy> Phrases<T> {
    fn insert(&mut self, phrase: &str, value: T) {
        let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
        let Some(first) = words.first().cloned() else {
            return;
        };
        let list = self.by_first.entry(first).or_default();
        if list.iter().any(|(w, _)| *w == words) {
            return;
        }
        list.push((words, value));
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }

    /// The longest phrase starting at `words[i]`: its length in words and its value.
    fn longest_at<S: AsRef<str>>(&self, words: &[S], i: usize) -> Option<(usize, T)> {
        let list = self.by_first.get(words.get(i)?.as_ref())?;
        list.iter().find_map(|(phrase, value)| {
            let fits = words.len() - i >= phrase.len()
                && phrase.iter().zip(&words[i..]).all(|(p, w)| p == w.as_ref());
            fits.then_some((phrase.len(), *value))
        })
    }
}

#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    cues: Phrases<Cue>,
    hedges: Phrases<()>,
    /// Indexed by [`Class`]: one hash probe a question, not two.
    classes: [HashSet<String>; Class::ALL.len()],
}

/// The closed word classes of `claim_words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Aux,
    Be,
    Boundary,
    Subordinator,
    Adjunct,
    Opener,
    Listener,
    Subject,
    Complement,
    Label,
    ObjectEnd,
    Determiner,
    Negation,
    Stop,
    Time,
    Naming,
    Conjunction,
    Temporal,
    Dash,
    Collective,
    People,
    Heading,
    Anaphoric,
    Addressee,
    Located,
    Reported,
    Conditional,
    Harm,
    Future,
    Response,
    Benefit,
    Official,
}

impl Class {
    const ALL: [Class; 32] = [
        Class::Aux,
        Class::Be,
        Class::Boundary,
        Class::Subordinator,
        Class::Adjunct,
        Class::Opener,
        Class::Listener,
        Class::Subject,
        Class::Complement,
        Class::Label,
        Class::ObjectEnd,
        Class::Determiner,
        Class::Negation,
        Class::Stop,
        Class::Time,
        Class::Naming,
        Class::Conjunction,
        Class::Temporal,
        Class::Dash,
        Class::Collective,
        Class::People,
        Class::Heading,
        Class::Anaphoric,
        Class::Addressee,
        Class::Located,
        Class::Reported,
        Class::Conditional,
        Class::Harm,
        Class::Future,
        Class::Response,
        Class::Benefit,
        Class::Official,
    ];

    fn name(self) -> &'static str {
        match self {
            Class::Aux => "aux",
            Class::Be => "be",
            Class::Boundary => "boundary",
            Class::Subordinator => "subordinator",
            Class::Adjunct => "adjunct",
            Class::Opener => "opener",
            Class::Listener => "listener",
            Class::Subject => "subject",
            Class::Complement => "complement",
            Class::Label => "label",
            Class::ObjectEnd => "object_end",
            Class::Determiner => "determiner",
            Class::Negation => "negation",
            Class::Stop => "stop",
            Class::Time => "time",
            Class::Naming => "naming",
            Class::Conjunction => "conjunction",
            Class::Temporal => "temporal",
            Class::Dash => "dash",
            Class::Collective => "collective",
            Class::People => "people",
            Class::Heading => "heading",
            Class::Anaphoric => "anaphoric",
            Class::Addressee => "addressee",
            Class::Located => "located",
            Class::Reported => "reported",
            Class::Conditional => "conditional",
            Class::Harm => "harm",
            Class::Future => "future",
            Class::Response => "response",
            Class::Benefit => "benefit",
            Class::Official => "official",
        }
    }
}

static BUILT_IN: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon = Lexicon::default();
    for (kind, frame, forms) in data_rows(include_str!("../../../assets/lexicon/claim_cues.tsv"))
        .filter_map(|r| Some((parse_kind(r.first()?)?, parse_frame(r.get(1)?)?, *r.get(2)?)))
    {
        for form in forms.split(',') {
            lexicon.cues.insert(form, Cue { kind, frame });
        }
    }
    // after the hand-made cues, which keep their own kind and frame
    let frame = Frame::Complement;
    for (kind, forms) in data_rows(include_str!("../../../assets/lexicon/claim_verbs.tsv"))
        .filter_map(|r| Some((parse_kind(r.first()?)?, *r.get(2)?)))
    {
        for form in forms.split(',') {
            lexicon.cues.insert(form, Cue { kind, frame });
        }
    }
    for line in data_rows(include_str!("../../../assets/lexicon/hedges.txt")) {
        if let Some(phrase) = line.first() {
            lexicon.hedges.insert(phrase, ());
        }
    }
    for row in data_rows(include_str!("../../../assets/lexicon/claim_words.tsv")) {
        if let [name, words, ..] = row[..]
            && let Some(class) = Class::ALL.into_iter().find(|c| c.name() == name)
        {
            let set = &mut lexicon.classes[class as usize];
            set.extend(words.split_whitespace().map(str::to_lowercase));
        }
    }
    lexicon
});

fn parse_kind(s: &str) -> Option<ClaimKind> {
    Some(match s {
        "assertion" => ClaimKind::Assertion,
        "denial" => ClaimKind::Denial,
        "estimate" => ClaimKind::Estimate,
        "assessment" => ClaimKind::Assessment,
        "warning" => ClaimKind::Warning,
        "prediction" => ClaimKind::Prediction,
        "other" => ClaimKind::Other,
        _ => return None,
    })
}

fn parse_frame(s: &str) -> Option<Frame> {
    Some(match s {
        "speech" => Frame::Speech,
        "clause" => Frame::Clause,
        "tell" => Frame::Tell,
        "object" => Frame::Object,
        "according" => Frame::According,
        "adverb" => Frame::Adverb,
        "extend" => Frame::Extend,
        "noun" => Frame::Noun,
        _ => return None,
    })
}

impl Lexicon {
    /// The built-in lists plus the analyst's own cues and hedges (borrowed when there are none).
    pub fn with_user(user: &UserLexicon) -> std::borrow::Cow<'static, Lexicon> {
        if user.cues.is_empty() && user.hedges.is_empty() {
            return std::borrow::Cow::Borrowed(&BUILT_IN);
        }
        let mut lexicon = BUILT_IN.clone();
        for cue in &user.cues {
            let value = Cue {
                kind: ClaimKind::Assertion,
                frame: Frame::Speech,
            };
            lexicon.cues.insert(cue, value);
        }
        for hedge in &user.hedges {
            lexicon.hedges.insert(hedge, ());
        }
        std::borrow::Cow::Owned(lexicon)
    }

    /// The longest cue starting at `words[i]` (lower-cased words).
    pub fn cue_at<S: AsRef<str>>(&self, words: &[S], i: usize) -> Option<(usize, Cue)> {
        self.cues.longest_at(words, i)
    }

    /// The length of the longest hedge starting at `words[i]`.
    pub fn hedge_at<S: AsRef<str>>(&self, words: &[S], i: usize) -> Option<usize> {
        self.hedges.longest_at(words, i).map(|(len, ())| len)
    }

    pub fn is(&self, class: Class, word: &str) -> bool {
        self.classes[class as usize].contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_cue_wins_and_kinds_come_from_the_list() {
        let lexicon = Lexicon::with_user(&UserLexicon::default());
        let words = ["officials", "warned", "of", "risks"];
        let (len, cue) = lexicon.cue_at(&words, 1).unwrap();
        assert_eq!((len, cue.kind), (2, ClaimKind::Warning));
        let (len, cue) = lexicon.cue_at(&["according", "to"], 0).unwrap();
        assert_eq!((len, cue.frame), (2, Frame::According));
        assert!(lexicon.cue_at(&["walked"], 0).is_none());
        // a learned verb; a hand-made cue keeps its own frame
        let (_, cue) = lexicon.cue_at(&["intimated"], 0).unwrap();
        assert_eq!(cue.frame, Frame::Complement);
        assert_eq!(lexicon.cue_at(&["said"], 0).unwrap().1.frame, Frame::Speech);
        assert!(lexicon.is(Class::Aux, "has"));
        assert_eq!(lexicon.hedge_at(&["is", "believed", "to"], 0), Some(2));
    }

    #[test]
    fn every_class_is_listed_in_order() {
        assert!(Class::ALL.iter().enumerate().all(|(i, &c)| c as usize == i));
    }

    #[test]
    fn user_cues_and_hedges_are_added() {
        let user = UserLexicon {
            cues: vec!["intimated".into()],
            hedges: vec!["Purportedly".into()],
            ..UserLexicon::default()
        };
        let lexicon = Lexicon::with_user(&user);
        assert_eq!(lexicon.cue_at(&["intimated"], 0).map(|c| c.0), Some(1));
        assert_eq!(lexicon.hedge_at(&["purportedly"], 0), Some(1));
    }
}
