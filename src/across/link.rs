//! One actor across briefings: every actor of every briefing belongs to exactly one library
//! actor, the briefings' actors that are the same joined by links, each with its reason.
//!
//! Names are compared in a normal form (`normal`: case, dots, "the", a possessive, a
//! company's legal ending and a plural's s set aside), made once for each actor, through
//! hash maps, so the cost grows with the number of names. In order of strength:
//! - the same name, or one's name another's alias (the briefing's own merges: "GM" in a
//!   briefing that calls it "General Motors"), not a place and a country (a capital where
//!   something happens, and its country where a briefing makes the capital stand for it);
//! - one name, not a person's, of one kind written apart, together or hyphened, one way
//!   hyphened or with a part of one letter or capitals ("Mac OS X", "Mac OSX");
//! - an acronym and the one name whose initials it is ("USAF", "United States Air Force";
//!   "S&P", "Standard & Poor's"), or else the one name of its own briefing whose initials
//!   begin it (a name cut short: "European Aeronautic Defence" beside "EADS") when no name
//!   spells it in full and it is with no name of several words yet;
//! - a short name and the one longer name it begins or ends: a person's surname ("Jobs",
//!   "Steve Jobs"; "Shin", "Shin Wonsik", a name written family name first), an organisation's first word ("Northrop", "Northrop Grumman", also for a
//!   lone word taken for a person, not a person's first name); not a person a briefing names
//!   apart, nor a country or place (China is not China Eastern Airlines); a product's model
//!   ("A380", "Airbus A380"), whose maker's name never stands for it;
//! - a name of several words and the one longer name it ends ("Air Force", "United States
//!   Air Force"), not one a briefing names apart unless what the longer adds is a country or
//!   place ("Mac App Store" and "App Store" are two; "United States Air Force" and "the Air
//!   Force" one);
//! - the analyst's: a link accepted in the library review joins, one rejected is never made.
//!
//! An acronym or a short name that fits more than one actor is left alone (a wrong link
//! hides an actor, a missing one only splits it), unless the others' names all hold the
//! shortest of them, or, for an acronym or an ending, its own briefing names one of them
//! ("the Air Force" beside "United States Air Force", with a Royal Air Force elsewhere), or
//! one of them has the short name's role ("Sullivan", national security adviser): then it
//! goes to that one.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use super::{Library, Strings, Sym};

use super::review::{Decision, LibraryReview, LinkDecision};

/// Why two briefings' actors are one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Why {
    #[serde(rename = "same name")]
    SameName,
    #[serde(rename = "alias")]
    Alias,
    #[serde(rename = "acronym")]
    Acronym,
    #[serde(rename = "surname")]
    Surname,
    #[serde(rename = "short name")]
    ShortName,
    #[serde(rename = "ending")]
    Ending,
    #[serde(rename = "role")]
    Role,
    #[serde(rename = "same briefing")]
    Briefing,
    #[serde(rename = "analyst")]
    Analyst,
}

/// A link of a library actor: two names, why they are one, how many times it was made,
/// and the analyst's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub names: [String; 2],
    pub why: Why,
    pub links: usize,
    pub decision: Option<Decision>,
}

/// A briefing's actor: its briefing and its place in that briefing's actors.
pub type Member = (usize, usize);

/// One actor across the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryActor {
    /// A1, A2 ... by its first member.
    pub id: String,
    /// The name most of its members go by.
    pub name: String,
    pub kind: String,
    /// Every other name its members go by.
    pub aliases: Vec<String>,
    pub members: Vec<Member>,
    pub reasons: Vec<Reason>,
}

/// The library's actors, and which one each briefing's actor belongs to.
#[derive(Debug, Clone, Default)]
pub struct Linked {
    pub actors: Vec<LibraryActor>,
    /// For each briefing, the library actor of each of its actors.
    pub of: Vec<Vec<usize>>,
}

impl Linked {
    /// The library actor `name` names: its name, else an alias, compared in normal form.
    pub fn find(&self, name: &str) -> Option<usize> {
        let want = normal(name);
        let named = |a: &LibraryActor| normal(&a.name) == want;
        self.actors.iter().position(named).or_else(|| {
            self.actors
                .iter()
                .position(|a| a.aliases.iter().any(|n| normal(n) == want))
        })
    }
}

/// Words a company's name may end in that do not tell companies apart.
const LEGAL: &[&str] = &[
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "plc",
    "corp",
    "corporation",
    "co",
    "llc",
    "nv",
    "sa",
    "ag",
    "gmbh",
    "group",
    "company",
];

/// Endings that make a name into a modifier.
const HYPHENED: &[&str] = &[
    "-led", "-based", "-owned", "-backed", "-run", "-made", "-built",
];

/// Words an acronym skips.
const SMALL: &[&str] = &[
    "of", "and", "the", "for", "&", "de", "du", "des", "la", "le",
];

/// A name as links compare it: lower case, without dots, a leading "the", a possessive, a
/// company's legal ending, the s of a plural on its last word.
pub fn normal(name: &str) -> String {
    let bare = name.replace(['.', '\u{2019}', '\''], "");
    let mut words: Vec<&str> = bare.split_whitespace().collect();
    let is = |word: &str, list: &[&str]| list.contains(&word.to_lowercase().as_str());
    // "EADS-led", "Paris-based": the name, not what it leads
    if let Some(last) = words.last_mut() {
        *last = HYPHENED
            .iter()
            .find_map(|end| {
                let cut = last.len().checked_sub(end.len())?;
                let (word, ending) = (last.get(..cut)?, last.get(cut..)?);
                (!word.is_empty() && ending.eq_ignore_ascii_case(end)).then_some(word)
            })
            .unwrap_or(last);
    }
    if words.len() > 1 && is(words[0], &["the"]) {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|w| is(w, LEGAL)) {
        words.pop();
    }
    let mut out = words.join(" ").to_lowercase();
    let last = words.last().copied().unwrap_or("");
    // an acronym's S is its own ("EADS")
    let acronym = last.chars().all(|c| !c.is_lowercase());
    if last.chars().count() > 3 && out.ends_with('s') && !out.ends_with("ss") && !acronym {
        out.pop();
    }
    out
}

/// A name in normal form without its spaces and hyphens, so that one name written apart,
/// together or hyphened is one ("Mac OS X", "Mac OSX"; "Wal-Mart", "Walmart").
fn joined(key: &str) -> std::borrow::Cow<'_, str> {
    if key.contains([' ', '-']) {
        std::borrow::Cow::Owned(key.chars().filter(|c| !matches!(c, ' ' | '-')).collect())
    } else {
        std::borrow::Cow::Borrowed(key)
    }
}

/// A name whose writing shows it may be written otherwise: hyphened, or with a part of one
/// letter or of capitals ("Wal-Mart", "Mac OS X").
fn written_apart(name: &str) -> bool {
    name.contains('-')
        || name.split_whitespace().any(|part| {
            part.chars().count() == 1
                || part.chars().all(|c| c.is_uppercase()) && part.chars().count() > 1
        })
}

/// The initials of a name of several capitalised words ("United States Air Force": usaf).
fn initials(name: &str) -> Option<String> {
    let mut words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !SMALL.contains(&w.to_lowercase().as_str()))
        .collect();
    // "European Aeronautic Defence and Space NV" is EADS
    while words.len() > 2
        && words
            .last()
            .is_some_and(|w| LEGAL.contains(&w.replace('.', "").to_lowercase().as_str()))
    {
        words.pop();
    }
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (words.len() >= 2 && capitalised).then(|| {
        words
            .iter()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect()
    })
}

/// A name written as an acronym ("USAF", "U.S.", "S&P"): its letters, lower case.
fn acronym(name: &str) -> Option<String> {
    // "S&P", "AT&T": the initials of "Standard & Poor's", whose "&" they skip
    let letters: String = name.chars().filter(|c| !matches!(c, '.' | '&')).collect();
    let n = letters.chars().count();
    ((2..=6).contains(&n) && letters.chars().all(|c| c.is_ascii_uppercase()))
        .then(|| letters.to_lowercase())
}

fn place_like(kind: &str) -> bool {
    matches!(kind, "country" | "place")
}

/// A union-find over 0..n.
pub(super) struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    pub(super) fn new(n: usize) -> Sets {
        Sets {
            parent: (0..n).collect(),
        }
    }

    pub(super) fn root(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`; whether they were apart.
    pub(super) fn join(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return false;
        }
        let (keep, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[child] = keep;
        true
    }
}

/// One actor of one briefing, as the linking sees it, its names put in normal form once
/// for each name of the library (`Normals`).
struct Node<'a> {
    member: Member,
    name: &'a str,
    /// Its name in normal form.
    key: &'a str,
    kind: &'a str,
    /// The person's title or role in its briefing, in normal form ("national security director").
    role: Option<&'a str>,
    aliases: Vec<&'a str>,
    /// Its aliases in normal form.
    alias_keys: Vec<&'a str>,
}

/// The library's names (its actors' names, aliases and roles) in normal form, each made once.
#[derive(Default)]
struct Normals {
    forms: Strings,
    of: HashMap<Sym, Sym>,
}

impl Normals {
    fn add(&mut self, library: &Library, name: Sym) {
        if !self.of.contains_key(&name) {
            let form = self.forms.add(&normal(library.str(name)));
            self.of.insert(name, form);
        }
    }

    fn get(&self, name: Sym) -> &str {
        self.forms.get(self.of[&name])
    }
}

struct Linker<'a> {
    nodes: Vec<Node<'a>>,
    /// Each briefing's nodes (a briefing's actors are one run of nodes).
    runs: Vec<std::ops::Range<usize>>,
    sets: Sets,
    /// The pairs of names in normal form the analyst rejected, each in order: the first's
    /// seconds.
    rejected: HashMap<&'a str, HashSet<&'a str>>,
    /// The links made: two nodes and why.
    edges: Vec<(usize, usize, Why)>,
}

impl Linker<'_> {
    /// Links two nodes unless the analyst rejected the link between their names.
    fn link(&mut self, a: usize, b: usize, why: Why) {
        if why != Why::Analyst && !self.rejected.is_empty() {
            let (ka, kb) = (self.nodes[a].key, self.nodes[b].key);
            let (first, second) = if ka <= kb { (ka, kb) } else { (kb, ka) };
            if self
                .rejected
                .get(first)
                .is_some_and(|seconds| seconds.contains(second))
            {
                return;
            }
        }
        if self.sets.join(a, b) {
            self.edges.push((a, b, why));
        }
    }
}

/// The most names a short name may fit and still be told apart by nesting or role.
const FEW: usize = 16;

impl Linker<'_> {
    /// Links `i` to the one set `holders` belong to; when they are several, to the one set
    /// of the shortest name when every other holder's name begins or ends with it
    /// ("Northrop": "Northrop Grumman", not "Northrop Grumman KC-45"), else to the one set
    /// of those `i`'s own briefing names, for an acronym or an ending ("the Air Force" beside
    /// "United States Air Force"), else to the one set of those that have `i`'s role
    /// ("Sullivan", national security adviser), if any.
    fn link_one(&mut self, i: usize, holders: &[usize], why: Why) {
        if let Some(one) = only_set(&mut self.sets, holders) {
            return self.link(i, one, why);
        }
        // a short name that fits this many names is not told apart by either (and reading
        // them all for every such name would grow with the square of the library)
        if holders.len() > FEW {
            return;
        }
        let key = |h: usize| self.nodes[h].key;
        if let Some(shortest) = holders.iter().map(|&h| key(h)).min_by_key(|n| n.len()) {
            let within = |n: &str| {
                n == shortest
                    || n.strip_prefix(shortest).is_some_and(|r| r.starts_with(' '))
                    || n.strip_suffix(shortest).is_some_and(|r| r.ends_with(' '))
            };
            let nearest: Vec<usize> = holders
                .iter()
                .copied()
                .filter(|&h| key(h) == shortest)
                .collect();
            if holders.iter().all(|&h| within(key(h)))
                && let Some(one) = only_set(&mut self.sets, &nearest)
            {
                return self.link(i, one, why);
            }
        }
        // an acronym or an ending beside the one longer name in its own briefing is its short
        // form there (an ending named apart from a longer one is not among its holders); a
        // lone word beside a longer name it begins is as often another ("MacBook", "MacBook
        // Pro") as the same
        let own = self.runs[self.nodes[i].member.0].clone();
        if matches!(why, Why::Acronym | Why::Ending)
            && let Some(one) = self.named_in(own, i, holders)
        {
            return self.link(i, one, Why::Briefing);
        }
        let Some(role) = self.nodes[i].role else {
            return;
        };
        let same: Vec<usize> = holders
            .iter()
            .copied()
            .filter(|&h| self.nodes[h].role == Some(role))
            .collect();
        if let Some(one) = only_set(&mut self.sets, &same) {
            self.link(i, one, Why::Role);
        }
    }
}

impl Linker<'_> {
    /// The one set of `holders` that a node of `run` (the briefing of `i`) is in, if one.
    fn named_in(
        &mut self,
        run: std::ops::Range<usize>,
        i: usize,
        holders: &[usize],
    ) -> Option<usize> {
        let here: Vec<usize> = run.filter(|&j| j != i).map(|j| self.sets.root(j)).collect();
        let named: Vec<usize> = holders
            .iter()
            .copied()
            .filter(|&h| here.contains(&self.sets.root(h)))
            .collect();
        only_set(&mut self.sets, &named)
    }
}

/// Links the actors of `briefings`, with the analyst's decisions in `review`.
pub fn link(briefings: &Library, review: &LibraryReview) -> Linked {
    let mut normals = Normals::default();
    for actor in briefings.iter().flat_map(|b| &b.actors) {
        let names = std::iter::once(actor.name).chain(actor.role);
        for name in names.chain(actor.aliases.iter().copied()) {
            normals.add(briefings, name);
        }
    }
    let normals = &normals;
    let mut nodes: Vec<Node> = Vec::new();
    let mut runs = Vec::with_capacity(briefings.len());
    for (b, briefing) in briefings.iter().enumerate() {
        let first = nodes.len();
        nodes.extend(briefing.actors.iter().enumerate().map(|(a, actor)| Node {
            member: (b, a),
            name: briefings.str(actor.name),
            key: normals.get(actor.name),
            kind: briefings.str(actor.kind),
            role: actor.role.map(|r| normals.get(r)).filter(|r| !r.is_empty()),
            aliases: actor.aliases.iter().map(|&a| briefings.str(a)).collect(),
            alias_keys: actor.aliases.iter().map(|&a| normals.get(a)).collect(),
        }));
        runs.push(first..nodes.len());
    }
    let n = nodes.len();
    let decisions = review.links_in_force();
    let mut rejected: HashMap<&str, HashSet<&str>> = HashMap::new();
    for ((first, second), _) in decisions
        .iter()
        .filter(|(_, d)| d.decision == Some(Decision::Rejected))
    {
        rejected.entry(first).or_default().insert(second);
    }
    let mut linker = Linker {
        nodes,
        runs,
        sets: Sets::new(n),
        rejected,
        edges: Vec::new(),
    };

    // the same name, or an alias: the first node holding each normal form; not a place
    // and a country, one the other's alias ("Moscow" where talks were held, and Russia,
    // "Moscow" where it acts)
    let mut named: HashMap<&str, usize> = HashMap::new();
    // one name of a kind other than a person's written apart, together or hyphened, where
    // one way of writing it shows that it may be ("Mac OS X", "Wal-Mart"), not "Li Na" and
    // "Lina"
    let mut spelled: HashMap<(&str, std::borrow::Cow<str>), usize> = HashMap::new();
    let mut known: HashMap<&str, usize> = HashMap::new();
    let nodes = &linker.nodes;
    let mut same: Vec<(usize, usize, Why)> = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        match named.get(node.key) {
            Some(&first) => same.push((i, first, Why::SameName)),
            None => {
                named.insert(node.key, i);
            }
        }
        if node.kind != "person" {
            match spelled.get(&(node.kind, joined(node.key))) {
                Some(&first)
                    if nodes[first].key != node.key
                        && (written_apart(node.name) || written_apart(nodes[first].name)) =>
                {
                    same.push((i, first, Why::SameName));
                }
                Some(_) => {}
                None => {
                    spelled.insert((node.kind, joined(node.key)), i);
                }
            }
        }
        for &key in std::iter::once(&node.key).chain(&node.alias_keys) {
            match known.get(key) {
                Some(&first) if !place_and_country(node.kind, nodes[first].kind) => {
                    same.push((i, first, Why::Alias));
                }
                Some(_) => {}
                None => {
                    known.insert(key, i);
                }
            }
        }
    }
    for (i, first, why) in same {
        linker.link(i, first, why);
    }

    // an acronym and the one set whose names' initials it is
    let mut by_initials = Holders::default();
    for (i, node) in linker.nodes.iter().enumerate() {
        for &name in std::iter::once(&node.name).chain(&node.aliases) {
            if let Some(key) = initials(name) {
                by_initials.hold(key, node, i);
            }
        }
    }
    for i in 0..n {
        let Some(key) = acronym(linker.nodes[i].name) else {
            continue;
        };
        let Some(holders) = by_initials.get(&key) else {
            continue;
        };
        linker.link_one(i, holders, Why::Acronym);
    }

    // an acronym and the one name of its own briefing whose initials begin it: the name
    // cut short ("European Aeronautic Defence" of "European Aeronautic Defence and Space
    // Company (EADS)", which the extraction ends at "and"); not an acronym a name's
    // initials spell in full ("USAF" beside "United States Army" is the Air Force's), nor
    // one whose set already holds a name of several words (two named organisations)
    let mut worded = vec![false; n];
    for i in 0..n {
        if initials(linker.nodes[i].name).is_some() {
            let root = linker.sets.root(i);
            worded[root] = true;
        }
    }
    for run in linker.runs.clone() {
        for i in run.clone() {
            let Some(letters) = acronym(linker.nodes[i].name) else {
                continue;
            };
            if by_initials.get(&letters).is_some() || worded[linker.sets.root(i)] {
                continue;
            }
            let begins = |j: usize| {
                let node = &linker.nodes[j];
                j != i
                    && !place_like(node.kind)
                    && initials(node.name).is_some_and(|cut| {
                        cut.len() >= 3 && cut.len() < letters.len() && letters.starts_with(&cut)
                    })
            };
            let cut: Vec<usize> = run.clone().filter(|&j| begins(j)).collect();
            if let Some(one) = only_set(&mut linker.sets, &cut) {
                linker.link(i, one, Why::Acronym);
                let root = linker.sets.root(i);
                worded[root] = true;
            }
        }
    }

    // a short name and the one longer name it ends (a person's) or begins (else); brief
    // merges a person's surname with the full name within a briefing, and an organisation's
    // first word (`actors::cluster`, by `normal`): only two persons named apart in one
    // briefing are apart (a lone word taken for an organisation beside a full name taken for
    // a person says nothing)
    let mut apart: HashSet<(&str, &str)> = HashSet::new();
    for run in &linker.runs {
        let actors = &linker.nodes[run.clone()];
        // a name of several words and a longer one it ends, both named in one briefing,
        // unless what the longer adds is a country or place ("United States Air Force" and
        // "the Air Force", "Mac App Store" and "App Store")
        let names: HashSet<&str> = actors.iter().map(|a| a.key).collect();
        for actor in actors {
            let long = actor.key;
            for ending in endings(long).filter(|e| names.contains(e)) {
                let added = long[..long.len() - ending.len()].trim_end();
                if !is_place_name(added) {
                    apart.insert((ending, long));
                }
            }
        }
        let short: HashSet<&str> = actors
            .iter()
            .filter(|a| a.kind == "person" && !a.key.contains(' '))
            .map(|a| a.key)
            .collect();
        for actor in actors.iter().filter(|a| a.kind == "person") {
            let long = actor.key;
            // the family name of a name written family name first is not merged within a
            // briefing: alone there, it says nothing
            let first = long.split(' ').next().filter(|_| !family_first(actor.name));
            for word in [first, long.rsplit(' ').next()].into_iter().flatten() {
                if long.contains(' ') && short.contains(word) {
                    apart.insert((word, long));
                }
            }
        }
    }
    let mut by_word = Holders::default();
    for (i, node) in linker.nodes.iter().enumerate() {
        let long = node.key;
        if !long.contains(' ') || place_like(node.kind) {
            continue;
        }
        let person = node.kind == "person";
        // a name of kind other (a product, a vessel, a facility) is held by its last word
        // only, a product's model ("A380" of "Airbus A380"); its first may be its maker's
        let product = node.kind == "other";
        let first = long.split(' ').next().unwrap_or_default();
        let last = long.rsplit(' ').next().unwrap_or_default();
        // a name that looks written family name first may be a given name the census lists
        // as a surname before a rare one ("Lee Iacocca"): both words stand for it
        let family = (person && family_first(node.name)).then_some((first, true));
        for (word, last_word) in [(first, false), (last, true)].into_iter().chain(family) {
            let held = if product {
                last_word
            } else {
                person || !last_word
            };
            if !held || apart.contains(&(word, long)) {
                continue;
            }
            by_word.hold((word, last_word), node, i);
        }
    }
    // a name of several words and the one longer name it ends ("Air Force", "United States
    // Air Force"; "Shin Wonsik", "National Security Director Shin Wonsik")
    let mut by_ending = Holders::default();
    for (i, node) in linker.nodes.iter().enumerate() {
        if place_like(node.kind) {
            continue;
        }
        for ending in endings(node.key) {
            if !apart.contains(&(ending, node.key)) {
                by_ending.hold(ending, node, i);
            }
        }
    }
    for i in 0..n {
        let node = &linker.nodes[i];
        let short = node.key;
        if short.contains(' ') || short.chars().count() < 3 || place_like(node.kind) {
            continue;
        }
        let person = node.kind == "person";
        // a person's surname, a product's model: the last word of a longer name of its kind
        // (any name of kind other)
        let surnamed = by_word
            .get(&(short, true))
            .filter(|_| person || node.kind == "other")
            .map(|holders| {
                let nodes = &linker.nodes;
                let fit: Vec<usize> = holders
                    .iter()
                    .copied()
                    .filter(|&h| nodes[h].kind == node.kind)
                    .collect();
                (fit, if person { Why::Surname } else { Why::ShortName })
            })
            .filter(|(fit, _)| !fit.is_empty());
        // a lone word brief took for a person may be an organisation's short name: tried
        // against organisations when no person's surname it is
        let (holders, why) = match surnamed {
            Some(found) => found,
            None => {
                let Some(holders) = by_word.get(&(short, false)) else {
                    continue;
                };
                let nodes = &linker.nodes;
                let fit: Vec<usize> = holders
                    .iter()
                    .copied()
                    .filter(|&h| !person || nodes[h].kind != "person")
                    .collect();
                (fit, Why::ShortName)
            }
        };
        linker.link_one(i, &holders, why);
    }

    // the endings linked after the short names
    for i in 0..n {
        let node = &linker.nodes[i];
        if !node.key.contains(' ') || place_like(node.kind) {
            continue;
        }
        if let Some(holders) = by_ending.get(&node.key) {
            let holders = holders.clone();
            linker.link_one(i, &holders, Why::Ending);
        }
    }

    // the analyst's links; a rejected one is shown on the first name's actor, to be taken back
    let mut rejected = Vec::new();
    for decision in decisions.values() {
        let [a, b] = &decision.names;
        let (Some(&x), Some(&y)) = (known.get(normal(a).as_str()), known.get(normal(b).as_str()))
        else {
            continue;
        };
        match decision.decision {
            Some(Decision::Accepted) => linker.link(x, y, Why::Analyst),
            Some(Decision::Rejected) => rejected.push((x, decision.names.clone())),
            None => {}
        }
    }

    let mut linked = gather(briefings, &mut linker, &decisions);
    for (x, names) in rejected {
        let at = linked.of[linker.nodes[x].member.0][linker.nodes[x].member.1];
        linked.actors[at].reasons.push(Reason {
            names,
            why: Why::Analyst,
            links: 0,
            decision: Some(Decision::Rejected),
        });
    }
    linked
}

/// Whether a name in normal form is a country's, its people's or a place's in the
/// gazetteer ("us", "russian", "new york").
fn is_place_name(name: &str) -> bool {
    use crate::analysis::actors::gazetteer::{Entry, GAZETTEER, key};
    let entry = GAZETTEER.lookup(&key(name));
    matches!(
        entry,
        Some(Entry::Country(_) | Entry::Seat(_) | Entry::Demonym(_) | Entry::Place)
    )
}

/// Whether a person's name is written family name first ("Shin Wonsik", "Kim Jong Un"): of
/// two or three words, the first a surname of the census list and none of the others a
/// first name or a surname there.
fn family_first(name: &str) -> bool {
    use crate::analysis::actors::gazetteer::GAZETTEER;
    let words: Vec<&str> = name.split_whitespace().collect();
    let known = |w: &&str| GAZETTEER.first_names.contains(w) || GAZETTEER.last_names.contains(w);
    (2..=3).contains(&words.len())
        && GAZETTEER.last_names.contains(words[0])
        && !words[1..].iter().any(known)
}

/// Whether one of two kinds is a place and the other a country: a capital where something
/// happens is not its country (a briefing makes it the country's alias where it acts).
fn place_and_country(a: &str, b: &str) -> bool {
    matches!((a, b), ("place", "country") | ("country", "place"))
}

/// The nodes that hold each key (an acronym's letters, a word, an ending), one for each
/// name, kind and role: nodes alike in those are already one set by their name, so a key's
/// list grows with the names that hold it, not with the briefings.
struct Holders<'a, K> {
    nodes: HashMap<K, Vec<usize>>,
    seen: HashSet<(K, &'a str, &'a str, Option<&'a str>)>,
}

impl<K> Default for Holders<'_, K> {
    fn default() -> Self {
        Holders {
            nodes: HashMap::new(),
            seen: HashSet::new(),
        }
    }
}

impl<'a, K: std::hash::Hash + Eq + Clone> Holders<'a, K> {
    fn hold(&mut self, key: K, node: &Node<'a>, i: usize) {
        let alike = (key.clone(), node.key, node.kind, node.role);
        if self.seen.insert(alike) {
            self.nodes.entry(key).or_default().push(i);
        }
    }

    fn get(&self, key: &K) -> Option<&Vec<usize>> {
        self.nodes.get(key)
    }
}

/// The endings of two words or more of a name in normal form, shorter than the name.
fn endings(name: &str) -> impl Iterator<Item = &str> {
    name.match_indices(' ')
        .map(|(at, _)| &name[at + 1..])
        .filter(|ending| ending.contains(' '))
}

/// The one set `holders` all belong to, if there is exactly one.
fn only_set(sets: &mut Sets, holders: &[usize]) -> Option<usize> {
    let first = sets.root(*holders.first()?);
    holders
        .iter()
        .all(|&h| sets.root(h) == first)
        .then_some(first)
}

/// The sets as library actors, numbered by their first member, with their reasons and the
/// analyst's decisions on the links between their names.
fn gather(
    briefings: &Library,
    linker: &mut Linker,
    decisions: &BTreeMap<(String, String), &LinkDecision>,
) -> Linked {
    let n = linker.nodes.len();
    let mut number: HashMap<usize, usize> = HashMap::new();
    let mut actors: Vec<LibraryActor> = Vec::new();
    let mut of: Vec<Vec<usize>> = briefings.iter().map(|b| vec![0; b.actors.len()]).collect();
    for i in 0..n {
        let root = linker.sets.root(i);
        let next = actors.len();
        let at = *number.entry(root).or_insert(next);
        if at == next {
            actors.push(LibraryActor {
                id: format!("A{}", next + 1),
                name: String::new(),
                kind: String::new(),
                aliases: Vec::new(),
                members: Vec::new(),
                reasons: Vec::new(),
            });
        }
        let (b, a) = linker.nodes[i].member;
        actors[at].members.push((b, a));
        of[b][a] = at;
    }
    // a reason (its library actor, two names, why): how many links, and one of them, whose
    // names' normal forms its decision is under
    type Made<'a> = (usize, &'a str, &'a str, Why);
    let mut reasons: HashMap<Made, (usize, usize, usize)> = HashMap::new();
    for &(a, b, why) in &linker.edges {
        let at = number[&linker.sets.root(a)];
        let (na, nb) = (linker.nodes[a].name, linker.nodes[b].name);
        let (na, nb) = if na <= nb { (na, nb) } else { (nb, na) };
        reasons.entry((at, na, nb, why)).or_insert((0, a, b)).0 += 1;
    }
    for ((at, na, nb, why), (links, a, b)) in reasons {
        let (ka, kb) = (
            linker.nodes[a].key.to_string(),
            linker.nodes[b].key.to_string(),
        );
        let key = if ka <= kb { (ka, kb) } else { (kb, ka) };
        actors[at].reasons.push(Reason {
            names: [na.to_string(), nb.to_string()],
            why,
            links,
            decision: decisions.get(&key).and_then(|d| d.decision),
        });
    }
    for actor in &mut actors {
        name_of(briefings, actor);
        actor
            .reasons
            .sort_by(|x, y| (x.why, &x.names).cmp(&(y.why, &y.names)));
    }
    Linked { actors, of }
}

/// A library actor's name and kind: those most of its members have (the longer name, then
/// the first in order, on a tie); its aliases every other name.
fn name_of(briefings: &Library, actor: &mut LibraryActor) {
    let mut names: Vec<(&str, usize)> = Vec::new();
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    fn tally<'a>(list: &mut Vec<(&'a str, usize)>, item: &'a str) {
        match list.iter_mut().find(|(n, _)| *n == item) {
            Some((_, c)) => *c += 1,
            None => list.push((item, 1)),
        }
    }
    let mut aliases: Vec<&str> = Vec::new();
    for &(b, a) in &actor.members {
        let member = &briefings[b].actors[a];
        tally(&mut names, briefings.str(member.name));
        tally(&mut kinds, briefings.str(member.kind));
        aliases.extend(member.aliases.iter().map(|&n| briefings.str(n)));
    }
    let best = |list: &[(&str, usize)]| {
        list.iter()
            .enumerate()
            .max_by_key(|(i, (n, c))| (*c, n.chars().count(), std::cmp::Reverse(*i)))
            .map(|(_, (n, _))| n.to_string())
            .unwrap_or_default()
    };
    actor.name = best(&names);
    actor.kind = best(&kinds);
    let mut seen = HashSet::from([actor.name.clone()]);
    actor.aliases = names
        .iter()
        .map(|(n, _)| *n)
        .chain(aliases)
        .filter(|n| seen.insert(n.to_string()))
        .map(str::to_string)
        .collect();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::across::stored::Draft;

    fn lib(drafts: &[Draft]) -> Library {
        Library::of(drafts.iter().cloned())
    }

    #[test]
    fn names_compare_without_case_dots_legal_endings_and_plurals() {
        assert_eq!(normal("U.S."), "us");
        assert_eq!(normal("Apple Inc."), "apple");
        assert_eq!(normal("Aer Lingus Group PLC"), normal("Aer Lingus"));
        assert_eq!(normal("Dreamliners"), normal("Dreamliner"));
        assert_eq!(normal("The Pentagon"), "pentagon");
        assert_eq!(normal("Congress"), "congress");
        assert_eq!(normal("EADS-led"), "eads");
        assert_eq!(initials("United States Air Force").as_deref(), Some("usaf"));
        assert_eq!(initials("Bank of England").as_deref(), Some("be"));
        assert_eq!(acronym("U.S.").as_deref(), Some("us"));
        assert_eq!(acronym("Boeing"), None);
        assert_eq!(
            initials("European Aeronautic Defence and Space NV").as_deref(),
            Some("eads")
        );
    }

    /// A briefing of `(name, kind, role)` actors.
    fn briefing(n: usize, actors: &[(&str, &str, Option<&str>)]) -> Draft {
        Draft {
            actors: actors
                .iter()
                .enumerate()
                .map(|(i, (name, kind, role))| super::super::stored::Actor {
                    id: format!("a{}", i + 1),
                    name: name.to_string(),
                    kind: kind.to_string(),
                    role: role.map(str::to_string),
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                })
                .collect(),
            ..Draft::blank(n)
        }
    }

    /// The library actor of each briefing's actors, by name.
    fn together(briefings: &[Draft], a: (usize, usize), b: (usize, usize)) -> bool {
        let linked = link(&lib(briefings), &LibraryReview::default());
        linked.of[a.0][a.1] == linked.of[b.0][b.1]
    }

    #[test]
    fn a_name_of_several_words_joins_the_one_longer_name_it_ends() {
        let one = briefing(1, &[("United States Air Force", "organization", None)]);
        let two = briefing(2, &[("Air Force", "organization", None)]);
        assert!(together(&[one.clone(), two.clone()], (0, 0), (1, 0)));
        // two air forces: which one is not known
        let three = briefing(3, &[("Royal Air Force", "organization", None)]);
        assert!(!together(&[one, two, three], (0, 0), (1, 0)));
    }

    #[test]
    fn an_ending_named_apart_in_one_briefing_is_another_actor() {
        let one = briefing(
            1,
            &[
                ("App Store", "organization", None),
                ("Mac App Store", "organization", None),
            ],
        );
        let two = briefing(2, &[("Mac App Store", "organization", None)]);
        assert!(!together(&[one, two], (0, 0), (1, 0)));
    }

    #[test]
    fn an_ending_beside_its_name_with_a_country_is_that_name() {
        // "the Air Force" in a briefing that names the United States Air Force is it, even
        // with another air force in the library
        let briefings = [
            briefing(
                1,
                &[
                    ("United States Air Force", "organization", None),
                    ("Air Force", "organization", None),
                ],
            ),
            briefing(2, &[("Royal Air Force", "organization", None)]),
            briefing(3, &[("Air Force", "organization", None)]),
        ];
        assert!(together(&briefings, (0, 1), (0, 0)));
        let linked = link(&lib(&briefings), &LibraryReview::default());
        let why: Vec<Why> = linked.actors[0].reasons.iter().map(|r| r.why).collect();
        assert!(why.contains(&Why::Briefing), "{why:?}");
        // elsewhere, which air force is not known
        assert!(!together(&briefings, (2, 0), (1, 0)));
        // a country's demonym too: "Pacific Fleet" beside "Russian Pacific Fleet"
        let fleets = [
            briefing(
                1,
                &[
                    ("Pacific Fleet", "organization", None),
                    ("Russian Pacific Fleet", "organization", None),
                ],
            ),
            briefing(2, &[("Russian Pacific Fleet", "organization", None)]),
        ];
        assert!(together(&fleets, (0, 0), (1, 0)));
    }

    #[test]
    fn a_city_where_things_happen_is_not_the_country_it_stands_for_elsewhere() {
        let mut acts = briefing(1, &[("Russia", "country", None)]);
        acts.actors[0].aliases = vec!["Moscow".into(), "Russian".into()];
        let hosts = briefing(2, &[("Moscow", "place", None), ("Russia", "country", None)]);
        let briefings = [acts, hosts];
        assert!(!together(&briefings, (0, 0), (1, 0)));
        assert!(together(&briefings, (0, 0), (1, 1)));
    }

    #[test]
    fn an_acronym_with_an_ampersand_is_the_initials_it_skips_it_in() {
        assert_eq!(acronym("S&P").as_deref(), Some("sp"));
        let briefings = [
            briefing(1, &[("Standard & Poor's", "organization", None)]),
            briefing(2, &[("S&P", "organization", None)]),
            briefing(3, &[("AT&T", "organization", None)]),
            briefing(
                4,
                &[("American Telephone and Telegraph", "organization", None)],
            ),
        ];
        assert!(together(&briefings, (0, 0), (1, 0)));
        assert!(together(&briefings, (2, 0), (3, 0)));
    }

    #[test]
    fn one_name_written_apart_together_or_hyphened_is_one() {
        let briefings = [
            briefing(1, &[("Harbor OS X", "other", None)]),
            briefing(2, &[("Harbor OSX", "other", None)]),
            briefing(3, &[("Kestrel-Line", "organization", None)]),
            briefing(4, &[("Kestrelline", "organization", None)]),
            briefing(5, &[("Kestrel", "organization", None)]),
        ];
        assert!(together(&briefings, (0, 0), (1, 0)));
        assert!(together(&briefings, (2, 0), (3, 0)));
        assert!(!together(&briefings, (2, 0), (4, 0)));
    }

    #[test]
    fn names_of_people_written_apart_or_together_are_two() {
        let briefings = [
            briefing(1, &[("Mo Ren", "person", None)]),
            briefing(2, &[("Moren", "person", None)]),
            // nor two of other kinds, nor one whose writing shows nothing
            briefing(3, &[("Tal-Ven", "organization", None)]),
            briefing(4, &[("Talven", "place", None)]),
            briefing(5, &[("Sun Ray", "organization", None)]),
            briefing(6, &[("Sunray", "organization", None)]),
        ];
        assert!(!together(&briefings, (0, 0), (1, 0)));
        assert!(!together(&briefings, (2, 0), (3, 0)));
        assert!(!together(&briefings, (4, 0), (5, 0)));
    }

    #[test]
    fn a_name_cut_short_whose_initials_begin_an_acronym_beside_it_is_that_acronym() {
        // "Northern Ridge Mining and Smelting Company (NRMS)" read as "Northern Ridge Mining"
        let briefings = [
            briefing(
                1,
                &[
                    ("Northern Ridge Mining", "person", None),
                    ("NRMS", "organization", None),
                ],
            ),
            briefing(2, &[("NRMS", "organization", None)]),
            // initials too short say nothing
            briefing(
                3,
                &[
                    ("North Ridge", "organization", None),
                    ("NRXY", "organization", None),
                ],
            ),
        ];
        assert!(together(&briefings, (0, 0), (1, 0)));
        let linked = link(&lib(&briefings), &LibraryReview::default());
        assert_eq!(linked.of[0][0], linked.of[0][1]);
        assert!(!together(&briefings, (2, 0), (2, 1)));
    }

    #[test]
    fn an_acronym_a_name_spells_in_full_is_not_the_name_it_begins() {
        let briefings = [
            briefing(
                1,
                &[
                    ("USAF", "organization", None),
                    ("United States Army", "organization", None),
                ],
            ),
            briefing(2, &[("United States Air Force", "organization", None)]),
            // alone in the library, the acronym still is not the Army's
            briefing(
                3,
                &[
                    ("QRSV", "organization", None),
                    ("Quill River Service", "organization", None),
                    ("Quill River Station Volunteers", "organization", None),
                ],
            ),
        ];
        assert!(together(&briefings, (0, 0), (1, 0)));
        assert!(!together(&briefings, (0, 1), (1, 0)));
        assert!(!together(&briefings, (0, 0), (0, 1)));
        assert!(!together(&briefings, (2, 0), (2, 1)));
        assert!(together(&briefings, (2, 0), (2, 2)));
    }

    #[test]
    fn a_short_name_takes_the_nearest_of_the_longer_names_it_begins() {
        let briefings = [
            briefing(1, &[("Northwind Shipping", "organization", None)]),
            briefing(
                2,
                &[("Northwind Shipping Tanker Line", "organization", None)],
            ),
            briefing(3, &[("Northwind", "organization", None)]),
            // taken for a person beside "Northwind" taken for an organisation: not apart
            briefing(
                4,
                &[
                    ("Northwind Shipping", "person", None),
                    ("Northwind", "organization", None),
                ],
            ),
        ];
        assert!(together(&briefings, (2, 0), (0, 0)));
        assert!(!together(&briefings, (2, 0), (1, 0)));
        assert!(together(&briefings, (3, 1), (0, 0)));
    }

    #[test]
    fn a_models_number_is_its_product_and_its_makers_name_is_not() {
        let briefings = [
            briefing(
                1,
                &[
                    ("Airbus A380", "other", None),
                    ("Airbus", "organization", None),
                ],
            ),
            briefing(2, &[("A380s", "other", None)]),
            briefing(3, &[("Airbus", "organization", None)]),
            briefing(4, &[("Northwind A380", "person", None)]),
        ];
        assert!(together(&briefings, (1, 0), (0, 0)));
        assert!(!together(&briefings, (2, 0), (0, 0)));
        assert!(together(&briefings, (2, 0), (0, 1)));
        // a person's name is no product's
        assert!(!together(&briefings, (3, 0), (1, 0)));
    }

    #[test]
    fn a_family_name_written_first_is_the_surname() {
        assert!(family_first("Shin Wonsik") && family_first("Kim Jong Un"));
        assert!(!family_first("Maria Olsen") && !family_first("Shin"));
        // named beside the full name in its briefing, as brief does not merge it there
        let briefings = [
            briefing(
                1,
                &[("Shin Wonsik", "person", None), ("Shin", "person", None)],
            ),
            briefing(2, &[("Shin Wonsik", "person", None)]),
            briefing(3, &[("Lee Iacocca", "person", None)]),
            briefing(4, &[("Iacocca", "person", None)]),
        ];
        assert!(together(&briefings, (0, 1), (1, 0)));
        // a given name before a surname the census lacks: the last word still the surname
        assert!(together(&briefings, (3, 0), (2, 0)));
    }

    #[test]
    fn a_role_tells_apart_two_full_names_a_surname_could_be() {
        let role = Some("National Security Adviser");
        let briefings = [
            briefing(1, &[("Jake Sullivan", "person", role)]),
            briefing(2, &[("Andrew Sullivan", "person", Some("columnist"))]),
            briefing(3, &[("Sullivan", "person", role)]),
        ];
        assert!(together(&briefings, (2, 0), (0, 0)));
        assert!(!together(&briefings, (2, 0), (1, 0)));
        let unknown = [
            briefings[0].clone(),
            briefings[1].clone(),
            briefing(3, &[("Sullivan", "person", None)]),
        ];
        assert!(!together(&unknown, (2, 0), (0, 0)));
        assert!(!together(&unknown, (2, 0), (1, 0)));
        let reasons = &link(&lib(&briefings), &LibraryReview::default()).actors[0].reasons;
        assert_eq!(reasons[0].why, Why::Role);
    }

    #[test]
    fn the_newest_of_a_pairs_decisions_is_the_one_in_force() {
        let briefings = [
            briefing(1, &[("Northwind Shipping", "organization", None)]),
            briefing(2, &[("Northwind", "organization", None)]),
        ];
        let decided = |names: [&str; 2], decision, second: i64| LinkDecision {
            names: names.map(str::to_string),
            decision: Some(decision),
            updated: jiff::Timestamp::from_second(1_700_000_000 + second).unwrap(),
        };
        // one pair written two ways (as an older brief, or a hand, may have left it)
        let older = decided(["Northwind", "Northwind Shipping"], Decision::Rejected, 0);
        let newer = decided(
            ["NORTHWIND", "Northwind Shipping Inc."],
            Decision::Accepted,
            60,
        );
        for links in [vec![older.clone(), newer.clone()], vec![newer, older]] {
            let review = LibraryReview {
                links,
                ..LibraryReview::default()
            };
            let linked = link(&lib(&briefings), &review);
            assert_eq!(linked.of[0][0], linked.of[1][0]);
            let decisions: Vec<_> = linked.actors[0]
                .reasons
                .iter()
                .map(|r| r.decision)
                .collect();
            assert_eq!(decisions, [Some(Decision::Accepted)]);
        }
        let review = LibraryReview {
            links: vec![
                decided(["Northwind", "Northwind Shipping"], Decision::Accepted, 0),
                decided(["Northwind.", "Northwind Shipping"], Decision::Rejected, 60),
            ],
            ..LibraryReview::default()
        };
        let linked = link(&lib(&briefings), &review);
        assert_ne!(linked.of[0][0], linked.of[1][0]);
        let shown: Vec<_> = linked.actors.iter().flat_map(|a| &a.reasons).collect();
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].decision, Some(Decision::Rejected));
    }
}
