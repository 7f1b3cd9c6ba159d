//! Claims across briefings: the claims of different briefings that say the same grouped
//! (corroborates), and a claim linked to the claims of other briefings that deny it
//! (contradicts), each group with why it was made and the analyst's decision.
//!
//! A claim is compared by what it is about and what it says: the library actors it names
//! (a mention inside its words, pronouns included, so "Moscow" and "Russia" are one when the
//! actors are linked), each weighing two, and its content words in a base form, each weighing
//! one (`words.rs`: the same word, or synonyms in WordNet; a noun before "of" and a name
//! that only says what kind of place it is, "the city of Dunmere", is the name's). Two claims of different
//! briefings say the same when each has at least three of weight; at least 60% of each's
//! weight and more than half of each's content words (every one when they name no actor in
//! common) are found in the other; they share a content word; neither names an actor the
//! other lacks while the other names one it lacks (another party); the actor named first is
//! the same when both name several (who did what to whom); and a figure of one is in the
//! other when both give figures. They corroborate when both affirm or both deny, and
//! contradict when one denies (a denial, or a negation among its words) what the other says,
//! or when they give other counts for what is otherwise the same and one of them affirms it
//! ("killed 12", "killed 40"; a year that differs, "in 2024", is another happening).
//!
//! Candidates come from an inverted index of the actors, words and concepts, each key's list
//! read only while it is short (a key half the library shares tells nothing), so the cost
//! grows with the number of claims, not its square. Groups are the connected claims;
//! independent sources count a group's claims' sources as library actors (two briefings
//! quoting the same official are one source), a claim without a source as its briefing's own.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::link::{Linked, Sets};
use super::review::{ClaimKey, Decision, LibraryReview, Relation};
use super::{Briefing, Library, Strings, words};

/// One claim of one briefing: the briefing and the claim's place in its claims.
pub type ClaimRef = (usize, usize);

/// A group's claim, with its side in a contradiction ("a" said, "b" denies).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub claim: ClaimRef,
    /// Its words.
    pub quote: String,
    pub side: Option<Side>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    A,
    B,
}

/// Claims of several briefings that say the same, or contradict each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// G1, G2 ... the corroborations first, each by its first claim.
    pub id: String,
    pub relation: Relation,
    pub members: Vec<Member>,
    pub independent_sources: usize,
    pub reason: String,
    /// The analyst's: the decision every link of the group has, else none.
    pub decision: Option<Decision>,
    /// The pairs of claims whose likeness made the group, as the library review keys them.
    pub links: Vec<[ClaimKey; 2]>,
}

impl Group {
    /// The decision every link of the group has in `review`, else none.
    pub fn decided(&self, review: &LibraryReview) -> Option<Decision> {
        let mut decisions: Vec<Option<Decision>> = self
            .links
            .iter()
            .map(|[a, b]| review.claim_decision(self.relation, a, b))
            .collect();
        decisions.dedup();
        if decisions.len() == 1 {
            decisions.into_iter().next().flatten()
        } else {
            None
        }
    }

    /// The briefings its claims come from, each once.
    pub fn briefings(&self) -> BTreeSet<usize> {
        self.members.iter().map(|m| m.claim.0).collect()
    }
}

/// Weights a claim's actors and words are compared by.
const ACTOR: usize = 2;
const WORD: usize = 1;
/// The least weight a claim must have to be compared.
const LEAST: usize = 3;
/// How much of each claim's weight the other must hold, in percent.
const SHARE: usize = 60;
/// How many of each claim's content words the other must hold, more than this in percent:
/// what is said, not only who ("supplied grain" is not "sent fuel").
const WORDS: usize = 50;
/// A key held by more claims than this finds no candidates.
const COMMON: usize = 400;

/// A claim as it is compared: every claim of the library is, at once, so its actors,
/// words and figures are numbers (words and figures in one table of strings, `Strings`),
/// cut from one list ([`Compared`]).
#[derive(Clone, Copy)]
struct Features<'a> {
    claim: ClaimRef,
    /// Its library actors, sorted.
    actors: &'a [u32],
    /// The actor named first (most often the one that acts).
    first: Option<u32>,
    /// Its content words in a base form, in the order of their strings.
    words: &'a [u32],
    /// Its figures, parted once: the years it names ("in 2024") and the rest, its counts,
    /// each in the order of their strings.
    years: &'a [u32],
    counts: &'a [u32],
    negative: bool,
}

impl Features<'_> {
    fn weight(&self) -> usize {
        self.actors.len() * ACTOR + self.words.len() * WORD
    }
}

/// A claim compared, its lists a run of [`Compared`]'s `lists`.
struct Head {
    claim: (u32, u32),
    first: Option<u32>,
    negative: bool,
    at: u32,
    /// How many actors, words, years and counts follow `at`.
    lens: [u32; 4],
}

/// Every claim compared, the numbers of each one's actors, words, years and counts one
/// after another in `lists`: a list of its own for each took a heap block each.
#[derive(Default)]
struct Compared {
    heads: Vec<Head>,
    lists: Vec<u32>,
}

impl Compared {
    fn push(&mut self, claim: ClaimRef, first: Option<u32>, negative: bool, lists: [&[u32]; 4]) {
        let at = self.lists.len() as u32;
        for list in lists {
            self.lists.extend_from_slice(list);
        }
        self.heads.push(Head {
            claim: (claim.0 as u32, claim.1 as u32),
            first,
            negative,
            at,
            lens: lists.map(|l| l.len() as u32),
        });
    }

    fn len(&self) -> usize {
        self.heads.len()
    }

    fn get(&self, i: usize) -> Features<'_> {
        let head = &self.heads[i];
        let mut at = head.at as usize;
        let [actors, words, years, counts] = head.lens.map(|len| {
            let list = &self.lists[at..at + len as usize];
            at += len as usize;
            list
        });
        Features {
            claim: (head.claim.0 as usize, head.claim.1 as usize),
            actors,
            first: head.first,
            words,
            years,
            counts,
            negative: head.negative,
        }
    }
}

/// The keys claims are found by, numbered: an actor's, a word's (itself and its concepts),
/// a figure's; and for each key the claims that have it, until more than `COMMON` do
/// (then none: such a key finds no candidates).
#[derive(Default)]
struct Keys {
    numbers: HashMap<String, u32>,
    /// The keys of each word (false) or figure (true) of the table, and of each actor, made
    /// once.
    of_string: HashMap<(super::Sym, bool), Box<[u32]>>,
    of_actor: HashMap<u32, u32>,
    postings: Vec<Vec<u32>>,
    common: Vec<bool>,
}

impl Keys {
    fn number(&mut self, key: String) -> u32 {
        let next = self.numbers.len() as u32;
        let n = *self.numbers.entry(key).or_insert(next);
        if n == next {
            self.postings.push(Vec::new());
            self.common.push(false);
        }
        n
    }

    /// The keys of a claim, sorted, each once.
    fn of(&mut self, f: &Features, strings: &Strings, out: &mut Vec<u32>) {
        out.clear();
        for &a in f.actors {
            let key = match self.of_actor.get(&a) {
                Some(&key) => key,
                None => {
                    let key = self.number(format!("a:{a}"));
                    self.of_actor.insert(a, key);
                    key
                }
            };
            out.push(key);
        }
        let figures = f.years.iter().chain(f.counts).map(|&n| (n, true));
        for (n, figure) in f.words.iter().map(|&n| (n, false)).chain(figures) {
            let sym = super::Sym::from_raw(n);
            if !self.of_string.contains_key(&(sym, figure)) {
                let keys: Vec<String> = match figure {
                    true => vec![format!("f:{}", strings.get(sym))],
                    false => words::keys(strings.get(sym)),
                };
                let keys = keys.into_iter().map(|k| self.number(k)).collect();
                self.of_string.insert((sym, figure), keys);
            }
            out.extend_from_slice(&self.of_string[&(sym, figure)]);
        }
        out.sort_unstable();
        out.dedup();
    }

    /// Claim `i` added to the postings of its keys.
    fn post(&mut self, i: u32, keys: &[u32]) {
        for &k in keys {
            let k = k as usize;
            if self.common[k] {
                continue;
            }
            let list = &mut self.postings[k];
            list.push(i);
            if list.len() > COMMON {
                *list = Vec::new();
                self.common[k] = true;
            }
        }
    }
}

/// Two claims (places in the list compared) that say the same, and in what.
type Pair = (usize, usize, Evidence);

/// What two claims have in common.
#[derive(Default)]
struct Evidence {
    actors: BTreeSet<usize>,
    words: BTreeSet<String>,
    synonyms: BTreeSet<(String, String)>,
    /// The figures of each claim, when they give different ones for what else is the same
    /// ("killed 12", "killed 40"): a contradiction, whatever each affirms.
    figures: Option<(String, String)>,
}

/// The claim's actors (every library actor a mention inside it is of), content words and
/// figures, and whether it denies, added to `compared`.
fn features(
    briefings: &Library,
    text: &str,
    (b, c): ClaimRef,
    linked: &Linked,
    strings: &mut Strings,
    compared: &mut Compared,
) {
    let briefing = &briefings[b];
    let claim = &briefing.claims[c];
    let (start, end) = (claim.start as usize, claim.end as usize);
    let quote = super::words(text, start, end);
    // a mention's words are its actor
    let spans: Vec<&super::Mention> = (briefing.mentions.iter())
        .filter(|m| (m.start as usize) < end && (m.end as usize) > start)
        .collect();
    let of = |a: u32| linked.of[b][a as usize] as u32;
    let mut actors: Vec<u32> = spans.iter().map(|m| of(m.actor)).collect();
    actors.sort_unstable();
    actors.dedup();
    let first = spans
        .iter()
        .map(|m| (m.start, m.actor))
        .min()
        .map(|(_, a)| of(a));
    let mut negative = briefings.str(claim.kind) == "denial";
    let named = |at: usize| (spans.iter()).any(|m| m.start as usize <= at && at < m.end as usize);
    let all_tokens = tokens(&quote);
    // a noun that says what kind of place the name after "of" is goes with the name ("the
    // city of Dunmere" is "Dunmere")
    let names_kind = |k: usize| {
        let word = |k: usize| all_tokens.get(k).map(|(_, t)| t.to_lowercase());
        words::is_name_noun(&all_tokens[k].1.to_lowercase())
            && word(k + 1).as_deref() == Some("of")
            && all_tokens
                .get(k + 2)
                .is_some_and(|(at, _)| named(start + at))
    };
    let found_words: Vec<(usize, String)> = all_tokens
        .iter()
        .enumerate()
        .filter(|&(k, (at, _))| !named(start + at) && !names_kind(k))
        .map(|(_, (at, token))| (*at, token.to_lowercase().replace('\u{2019}', "'")))
        .collect();
    let spaced: Vec<bool> = quote.chars().map(char::is_whitespace).collect();
    let (mut figures, mut said) = (Vec::new(), Vec::new());
    let mut at = 0;
    while let Some((start, lower)) = found_words.get(at) {
        at += 1;
        if lower.ends_with("n't") || words::is_negation(lower) {
            negative = true;
        } else if lower.chars().any(|c| c.is_ascii_digit()) {
            figures.push(lower.replace(',', ""));
        } else if lower.chars().count() > 1 && !words::is_function(lower) {
            // two words a space apart that are one in the list ("air defence")
            let end = start + lower.chars().count();
            let next = found_words
                .get(at)
                .filter(|(s, _)| *s == end + 1 && spaced.get(end) == Some(&true))
                .and_then(|(_, second)| words::compound(lower, second));
            if let Some(compound) = next {
                said.push(compound);
                at += 1;
            } else {
                said.push(words::base(lower));
            }
        }
    }
    said.sort();
    said.dedup();
    let (years, counts) = parted(figures);
    let mut number =
        |list: &[String]| -> Vec<u32> { list.iter().map(|w| strings.add(w).raw()).collect() };
    let (said, years, counts) = (number(&said), number(&years), number(&counts));
    compared.push((b, c), first, negative, [&actors, &said, &years, &counts]);
}

/// The words of a text with their code-point offsets: letters, digits and the hyphens,
/// apostrophes, commas and dots inside them.
fn tokens(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() {
            let c = chars[i].1;
            let joins = matches!(c, '-' | '\'' | '\u{2019}' | ',' | '.')
                && chars.get(i + 1).is_some_and(|n| n.1.is_alphanumeric())
                && (c != ',' && c != '.' || chars[i - 1].1.is_ascii_digit());
            if !(c.is_alphanumeric() || joins) {
                break;
            }
            i += 1;
        }
        let end = chars.get(i).map_or(text.len(), |c| c.0);
        out.push((start, &text[chars[start].0..end]));
    }
    out
}

/// Whether two claims say the same (whatever each affirms or denies), and in what; their
/// words and figures are `strings`'.
fn likeness(x: &Features, y: &Features, strings: &Strings) -> Option<Evidence> {
    let word = |n: u32| strings.get(super::Sym::from_raw(n));
    if x.weight() < LEAST || y.weight() < LEAST {
        return None;
    }
    // figures that differ: one of another year is another happening; the same happening
    // told with other counts contradicts, if one of them affirms it (two denials of other
    // counts say nothing of each other)
    let apart =
        |a: &[u32], b: &[u32]| !a.is_empty() && !b.is_empty() && !a.iter().any(|f| b.contains(f));
    if apart(x.years, y.years) {
        return None;
    }
    let differ = apart(x.counts, y.counts);
    if differ && x.negative && y.negative {
        return None;
    }
    // the same actors the other way round ("Russia sent ... to North Korea", "North Korea
    // sent ... to Russia") are not the same claim
    if x.actors.len() > 1 && y.actors.len() > 1 && x.first != y.first {
        return None;
    }
    // each naming an actor the other does not: another party ("to Karsk", "to Fennick")
    let apart = |a: &Features, b: &Features| a.actors.iter().any(|x| !b.actors.contains(x));
    if apart(x, y) && apart(y, x) {
        return None;
    }
    let mut evidence = Evidence::default();
    let held = |from: &Features, to: &Features, evidence: &mut Evidence| {
        let (mut weight, mut words) = (0, 0);
        for a in from.actors {
            if to.actors.contains(a) {
                weight += ACTOR;
                evidence.actors.insert(*a as usize);
            }
        }
        for w in from.words.iter().map(|&n| word(n)) {
            let matched = (to.words.iter().map(|&n| word(n)))
                .find_map(|v| words::same(w, v).map(|how| (v, how)));
            match matched {
                // one word of the two spellings ("cease-fire", "ceasefire")
                Some((v, words::Same::Word)) => {
                    evidence.words.insert(w.min(v).to_string());
                }
                Some((v, words::Same::Synonym)) => {
                    let pair = if w <= v { (w, v) } else { (v, w) };
                    evidence
                        .synonyms
                        .insert((pair.0.to_string(), pair.1.to_string()));
                }
                None => continue,
            }
            (weight, words) = (weight + WORD, words + 1);
        }
        // without an actor in common the words are all there is: every one must be found
        let enough = match evidence.actors.is_empty() {
            true => words == from.words.len(),
            false => words * 100 > from.words.len() * WORDS,
        };
        weight * 100 >= from.weight() * SHARE && enough
    };
    let both = held(x, y, &mut evidence) && held(y, x, &mut evidence);
    let worded = !evidence.words.is_empty() || !evidence.synonyms.is_empty();
    if differ {
        let listed = |figures: &[u32]| {
            let figures: Vec<&str> = figures.iter().map(|&n| word(n)).collect();
            figures.join(", ")
        };
        evidence.figures = Some((listed(x.counts), listed(y.counts)));
    }
    (both && worded).then_some(evidence)
}

/// Figures sorted, each once, and parted into years ("in 2024") and the rest, counts.
fn parted(mut figures: Vec<String>) -> (Vec<String>, Vec<String>) {
    figures.sort();
    figures.dedup();
    let year = |f: &String| {
        f.len() == 4
            && (f.starts_with("19") || f.starts_with("20"))
            && f.bytes().all(|c| c.is_ascii_digit())
    };
    figures.into_iter().partition(year)
}

/// The claims of `briefings` grouped across briefings, with the analyst's decisions; `text`
/// gives a briefing's text (from the index), read one briefing at a time, twice (the
/// callers read both from one snapshot, `Index::at_once`). A claim whose text is gone by
/// the second read is left out.
pub fn group(
    briefings: &Library,
    linked: &Linked,
    review: &LibraryReview,
    text: impl Fn(&Briefing) -> Option<String>,
) -> Vec<Group> {
    let mut compared = Compared::default();
    let mut strings = Strings::default();
    for (b, briefing) in briefings.iter().enumerate() {
        let Some(text) = text(briefing).filter(|_| !briefing.claims.is_empty()) else {
            continue;
        };
        for c in 0..briefing.claims.len() {
            let found = (b, c);
            features(briefings, &text, found, linked, &mut strings, &mut compared);
        }
    }
    compared.heads.shrink_to_fit();
    compared.lists.shrink_to_fit();

    // each key numbered once and a key the claims that have it, a claim's keys made again
    // from its words when wanted: the words of a million claims held as strings took
    // gigabytes, and the lists of the common keys, which are never read, most of the rest
    let mut keys = Keys::default();
    let mut found = Vec::new();
    for i in 0..compared.len() {
        keys.of(&compared.get(i), &strings, &mut found);
        keys.post(i as u32, &found);
    }
    let mut pairs: Vec<Pair> = Vec::new();
    let mut candidates: Vec<usize> = Vec::new();
    for i in 0..compared.len() {
        let x = compared.get(i);
        keys.of(&x, &strings, &mut found);
        candidates.clear();
        candidates.extend(
            (found.iter())
                .flat_map(|&k| &keys.postings[k as usize])
                .map(|&j| j as usize)
                .filter(|&j| j > i && compared.get(j).claim.0 != x.claim.0),
        );
        candidates.sort_unstable();
        candidates.dedup();
        for &j in &candidates {
            if let Some(evidence) = likeness(&x, &compared.get(j), &strings) {
                pairs.push((i, j, evidence));
            }
        }
    }
    drop((keys, strings));
    let claim_of = |i: usize| compared.get(i).claim;
    let negative = |i: usize| compared.heads[i].negative;

    // the quotes of the claims paired, read from their texts again: held for every claim
    // they were a third of what the comparison keeps
    let mut paired: Vec<usize> = pairs.iter().flat_map(|p| [p.0, p.1]).collect();
    paired.sort_unstable();
    paired.dedup();
    let mut quotes: HashMap<usize, String> = HashMap::with_capacity(paired.len());
    // the claims compared run briefing by briefing, so a briefing's claims paired are together
    for run in paired.chunk_by(|&x, &y| claim_of(x).0 == claim_of(y).0) {
        let briefing = &briefings[claim_of(run[0]).0];
        let Some(text) = text(briefing) else {
            continue;
        };
        for &i in run {
            let claim = &briefing.claims[claim_of(i).1];
            let (start, end) = (claim.start as usize, claim.end as usize);
            quotes.insert(i, super::words(&text, start, end));
        }
    }
    // a text gone since it was first read takes its claims out: a quote is the key the
    // analyst's decisions are kept under (every claim of a pair kept has one)
    pairs.retain(|(i, j, _)| quotes.contains_key(i) && quotes.contains_key(j));
    let quote = |i: usize| quotes.get(&i).cloned().unwrap_or_default();

    let mut sets = Sets::new(compared.len());
    for (i, j, evidence) in &pairs {
        if negative(*i) == negative(*j) && evidence.figures.is_none() {
            sets.join(*i, *j);
        }
    }
    let mut of_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..compared.len() {
        let root = sets.root(i);
        of_root.entry(root).or_default().push(i);
    }
    let key = |i: usize| ClaimKey {
        path: briefings[claim_of(i).0].path.clone(),
        quote: quote(i),
    };
    let name = |a: usize| linked.actors[a].name.clone();
    let mut groups = Vec::new();
    // corroborations: a set of claims from more than one briefing
    let mut by_root: HashMap<usize, Vec<&Pair>> = HashMap::new();
    let mut against: HashMap<(usize, usize), Vec<&Pair>> = HashMap::new();
    for pair in &pairs {
        let (ri, rj) = (sets.root(pair.0), sets.root(pair.1));
        if ri == rj {
            // two claims of other figures that others join say nothing of each other
            if pair.2.figures.is_none() {
                by_root.entry(ri).or_default().push(pair);
            }
        } else {
            // a: the set that affirms; the first, when their figures differ
            let (a, b) = match (negative(pair.0), negative(pair.1)) {
                (true, false) => (rj, ri),
                (false, true) => (ri, rj),
                _ => (ri.min(rj), ri.max(rj)),
            };
            against.entry((a, b)).or_default().push(pair);
        }
    }
    let made = |relation: Relation, members: Vec<Member>, links: &[&Pair], lead: &str| -> Group {
        let mut evidence = Evidence::default();
        for (_, _, e) in links {
            evidence.actors.extend(&e.actors);
            evidence.words.extend(e.words.iter().cloned());
            evidence.synonyms.extend(e.synonyms.iter().cloned());
        }
        let mut parts = vec![lead.to_string()];
        if !evidence.actors.is_empty() {
            let names: Vec<String> = evidence.actors.iter().map(|&a| name(a)).collect();
            parts.push(format!("the same actors ({})", names.join(", ")));
        }
        if !evidence.words.is_empty() {
            let list: Vec<&str> = evidence.words.iter().map(String::as_str).collect();
            parts.push(format!("the same words ({})", list.join(", ")));
        }
        if !evidence.synonyms.is_empty() {
            let list: Vec<String> = evidence
                .synonyms
                .iter()
                .map(|(a, b)| format!("{a} ~ {b}"))
                .collect();
            parts.push(format!("synonyms ({})", list.join(", ")));
        }
        let sources: BTreeSet<String> = members
            .iter()
            .map(|m| source(&briefings[m.claim.0], m.claim, linked))
            .collect();
        let mut group = Group {
            id: String::new(),
            relation,
            members,
            independent_sources: sources.len(),
            reason: parts.join("; "),
            decision: None,
            links: links.iter().map(|(i, j, _)| [key(*i), key(*j)]).collect(),
        };
        group.decision = group.decided(review);
        group
    };
    let mut roots: Vec<usize> = by_root.keys().copied().collect();
    roots.sort_unstable();
    for root in roots {
        let members: Vec<Member> = of_root[&root]
            .iter()
            .map(|&i| Member {
                claim: claim_of(i),
                quote: quote(i),
                side: None,
            })
            .collect();
        let lead = format!(
            "reported in {} briefings",
            members
                .iter()
                .map(|m| m.claim.0)
                .collect::<BTreeSet<_>>()
                .len()
        );
        groups.push(made(
            Relation::Corroborates,
            members,
            &by_root[&root],
            &lead,
        ));
    }
    let mut sides: Vec<(usize, usize)> = against.keys().copied().collect();
    sides.sort_unstable();
    for (a, b) in sides {
        let links = &against[&(a, b)];
        let denies = links.iter().any(|(i, j, _)| negative(*i) != negative(*j));
        // each link's figures, side a's first
        let figures: BTreeSet<String> = links
            .iter()
            .filter_map(|(i, _, e)| {
                let (x, y) = e.figures.as_ref()?;
                let (fa, fb) = if sets.root(*i) == a { (x, y) } else { (y, x) };
                Some(format!("{fa} against {fb}"))
            })
            .collect();
        let mut lead = Vec::new();
        if denies {
            lead.push("b denies what a says".to_string());
        }
        if !figures.is_empty() {
            let list: Vec<&str> = figures.iter().map(String::as_str).collect();
            lead.push(format!("the figures differ ({})", list.join("; ")));
        }
        let (claim_of, quote) = (&claim_of, &quote);
        let side = |root: usize, side: Side| {
            of_root[&root].iter().map(move |&i| Member {
                claim: claim_of(i),
                quote: quote(i),
                side: Some(side),
            })
        };
        let members: Vec<Member> = side(a, Side::A).chain(side(b, Side::B)).collect();
        groups.push(made(
            Relation::Contradicts,
            members,
            links,
            &lead.join("; "),
        ));
    }
    for (n, g) in groups.iter_mut().enumerate() {
        g.id = format!("G{}", n + 1);
    }
    groups
}

/// Who a claim's source is, as independent sources count: its source actors in the library,
/// else its briefing.
pub fn source(briefing: &Briefing, (b, c): ClaimRef, linked: &Linked) -> String {
    let actors = source_actors(briefing, b, &briefing.claims[c], linked);
    if actors.is_empty() {
        return format!("briefing {b}");
    }
    format!("{actors:?}")
}

/// The library actors of a claim of briefing `b` gives as its source, each once, in order.
pub fn source_actors(
    briefing: &Briefing,
    b: usize,
    claim: &super::Claim,
    linked: &Linked,
) -> Vec<usize> {
    let mut actors: Vec<usize> = (briefing.sources(claim).iter())
        .map(|&a| linked.of[b][a as usize])
        .collect();
    actors.sort_unstable();
    actors.dedup();
    actors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::across::stored::Draft;

    /// Two claims of one actor and these words and figures, compared.
    fn likeness(x: (&str, &[&str], bool), y: (&str, &[&str], bool)) -> Option<Evidence> {
        let (mut compared, mut strings) = (Compared::default(), Strings::default());
        for (words, figures, negative) in [x, y] {
            let mut number = |list: Vec<String>| -> Vec<u32> {
                list.iter().map(|w| strings.add(w).raw()).collect()
            };
            let (years, counts) = parted(figures.iter().map(|f| f.to_string()).collect());
            let words = number(words.split(' ').map(str::to_string).collect());
            let (years, counts) = (number(years), number(counts));
            compared.push((0, 0), Some(0), negative, [&[0], &words, &years, &counts]);
        }
        super::likeness(&compared.get(0), &compared.get(1), &strings)
    }

    #[test]
    fn other_counts_contradict_other_years_and_two_denials_do_not() {
        let counts = likeness(
            ("rebels killed civilians", &["12"], false),
            ("rebels killed civilians", &["40"], false),
        );
        assert_eq!(counts.unwrap().figures, Some(("12".into(), "40".into())));
        // another year is another happening, whatever the counts
        let years = likeness(
            ("floods killed villagers", &["12", "2023"], false),
            ("floods killed villagers", &["40", "2024"], false),
        );
        assert!(years.is_none());
        // the same year and other counts still contradict
        let same_year = likeness(
            ("floods killed villagers", &["12", "2024"], false),
            ("floods killed villagers", &["40", "2024"], false),
        );
        assert_eq!(same_year.unwrap().figures, Some(("12".into(), "40".into())));
        let denials = likeness(
            ("rebels killed civilians", &["12"], true),
            ("rebels killed civilians", &["40"], true),
        );
        assert!(denials.is_none());
    }

    /// A briefing of one claim, its whole text.
    fn briefing(n: usize, text: &str) -> Draft {
        Draft {
            claims: vec![super::super::stored::Claim {
                id: "c1".into(),
                start: 0,
                end: text.chars().count(),
                kind: "assertion".into(),
                source: None,
            }],
            ..Draft::blank(n)
        }
    }

    #[test]
    fn a_claim_whose_text_is_gone_when_quoted_is_left_out() {
        let texts = [
            "Rebels seized the harbour at Dunmere overnight.",
            "The harbour at Dunmere was seized by rebels overnight.",
        ];
        let briefings = Library::of([briefing(1, texts[0]), briefing(2, texts[1])]);
        let review = LibraryReview::default();
        let linked = super::super::link::link(&briefings, &review);
        let b = |briefing: &Briefing| briefings.iter().position(|x| x.path == briefing.path);
        let grouped = group(&briefings, &linked, &review, |x| {
            b(x).map(|i| texts[i].to_string())
        });
        assert_eq!(grouped.len(), 1, "{grouped:?}");
        assert!(grouped[0].members.iter().all(|m| !m.quote.is_empty()));
        // the second briefing's text gone after its features were read: no quote of ""
        let reads = std::cell::Cell::new(0);
        let gone = group(&briefings, &linked, &review, |x| {
            reads.set(reads.get() + 1);
            b(x).filter(|&i| i == 0 || reads.get() <= 2)
                .map(|i| texts[i].to_string())
        });
        assert!(gone.is_empty(), "{gone:?}");
    }
}
