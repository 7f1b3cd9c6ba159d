//! Merging the names that stand for one actor: a country with its capital, seat of
//! government and demonym (all given by the tables), "the North" with the one country of the
//! text named North-something, a person's full name with later surname-only mentions, an
//! organisation's name with its acronym.

use foldhash::{HashMap, HashMapExt, HashSet};

use super::gazetteer::{self, GAZETTEER};
use super::mentions::{Candidate, ending_at, is_acronym, is_mixed_acronym};
use crate::across::link::normal;
use crate::analysis::model::{Actor, ActorKind, Mention};
use crate::analysis::tokens::Token;

/// The actors, in order of first mention, and the actor of each candidate (none when a
/// candidate was dropped).
pub struct Clustered {
    pub actors: Vec<Actor>,
    pub actor_of: Vec<Option<usize>>,
}

/// A name as written, with its whitespace made single spaces.
pub fn surface(text: &str, c: &Candidate) -> String {
    let name = &text[c.span.start..c.span.end];
    if gazetteer::is_plain(name) {
        return name.to_string(); // most names: nothing to change
    }
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn cluster(text: &str, tokens: &[Token], cands: &[Candidate]) -> Clustered {
    let surfaces: Vec<String> = cands.iter().map(|c| surface(text, c)).collect();
    let words = |c: &Candidate| -> Vec<&str> {
        tokens[c.tokens.0..c.tokens.1]
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.text(text))
            .collect()
    };
    // full names by a word that may later stand alone: a person's surname or census first
    // name ("Smith", "Hillary"), an organisation's last word ("the Post")
    let mut people: HashMap<&str, usize> = HashMap::new();
    let mut orgs: HashMap<&str, usize> = HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        let w = words(c);
        if w.len() < 2 || c.canonical.is_some() {
            continue;
        }
        let (first, last) = (w[0], w[w.len() - 1]);
        match c.kind {
            Some(ActorKind::Person) | None => {
                people.entry(last).or_insert(i);
                if GAZETTEER.first_names.contains(first) {
                    people.entry(first).or_insert(i);
                }
            }
            Some(ActorKind::Organization) => {
                orgs.entry(last).or_insert(i);
            }
            _ => {}
        }
    }
    let firsts = first_words(&surfaces, cands, &words);
    let by_initials = initials(text, tokens, cands);
    let countries = countries(cands);
    let mut keys: Vec<Option<String>> = Vec::with_capacity(cands.len());
    for (i, c) in cands.iter().enumerate() {
        let key = if c.compass {
            compass_country(text, c, &countries)
        } else if let Some(name) = &c.canonical {
            Some(name.clone())
        } else {
            let w = words(c);
            let single = w.len() == 1;
            let lone = single.then(|| w[0]);
            let full = lone.and_then(|w| match c.kind {
                Some(ActorKind::Person) => people.get(w),
                // "Garland" after "Merrick Garland" is the person, not the town; "Bremen"
                // after "Werder Bremen" (no first name) is the town
                Some(ActorKind::Place) => people.get(w).filter(|&&j| {
                    cands[j].kind == Some(ActorKind::Person)
                        || words(&cands[j])
                            .first()
                            .is_some_and(|f| GAZETTEER.first_names.contains(f))
                }),
                Some(ActorKind::Organization) => orgs.get(w),
                None => people.get(w).or_else(|| orgs.get(w)),
                _ => None,
            });
            // "Kestrel" after "Kestrel Research": an organisation's first word (a lone word
            // taken for a person too, when no census name)
            let g = &*GAZETTEER;
            let full = full.or_else(|| {
                let w = lone?;
                let person = c.kind == Some(ActorKind::Person);
                let census = g.first_names.contains(w) || g.last_names.contains(w);
                let j = firsts.get(&normal(w)).and_then(Option::as_ref)?;
                // a person's vote would make the organisation one: only a typed one takes it
                let typed = cands[*j].kind == Some(ActorKind::Organization);
                let fits = matches!(c.kind, None | Some(ActorKind::Organization))
                    || person && !census && typed;
                (fits && !model_like(w)).then_some(j)
            });
            // a model's designation ("OS-900", kind other) is no acronym of its maker
            let acronym = lone
                .filter(|w| {
                    c.kind != Some(ActorKind::Other) && (is_acronym(w) || is_mixed_acronym(w))
                })
                .and_then(|w| expansion(text, tokens, cands, &by_initials, i, w));
            match (full, acronym) {
                (Some(&j), _) => Some(surfaces[j].clone()),
                (None, Some(j)) if j < i => keys[j].clone(),
                // an acronym before its expansion (a headline's): the expansion's own key
                (None, Some(j)) => cands[j]
                    .canonical
                    .clone()
                    .or_else(|| Some(surfaces[j].clone())),
                // a place in capitals (a wire dateline's "ATHENS") is the one named later
                (None, None) if c.kind == Some(ActorKind::Place) => Some(title_case(&surfaces[i])),
                (None, None) => Some(article_capitalised(&surfaces[i])),
            }
        };
        keys.push(key);
    }
    group(cands, &surfaces, &keys)
}

/// Organisations' names of several words by their first word in the library's normal form
/// (`across::link::normal`, which links such short names across briefings), none when two
/// names begin with it.
fn first_words<'t>(
    surfaces: &[String],
    cands: &'t [Candidate],
    words: &impl Fn(&'t Candidate) -> Vec<&'t str>,
) -> HashMap<String, Option<usize>> {
    let mut out: HashMap<String, Option<usize>> = HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        let w = words(c);
        let org = match c.kind {
            Some(ActorKind::Organization) => true,
            None => default_kind(&surfaces[i]) == ActorKind::Organization,
            _ => false,
        };
        if w.len() < 2 || c.canonical.is_some() || !org || w.iter().any(|w| model_like(w)) {
            continue;
        }
        let full = normal(&surfaces[i]);
        out.entry(normal(w[0]))
            .and_modify(|held| {
                if held.is_some_and(|j| normal(&surfaces[j]) != full) {
                    *held = None;
                }
            })
            .or_insert(Some(i));
    }
    out
}

/// A word written as products' names are, not organisations': with a digit, capitals inside
/// ("MacBook", "iPhone") or all in capitals ("Mac OSX"), so that "MacBook" and "MacBook Pro",
/// a product line and one of its models, stay two.
fn model_like(word: &str) -> bool {
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    word.chars().any(|c| c.is_ascii_digit()) || upper > 1
}

/// A name opening with the lower-case article of an Arabic name as written at a sentence's
/// start ("al-Shabaab" as "Al-Shabaab"), so that both are one actor.
fn article_capitalised(name: &str) -> String {
    match name.split_once('-') {
        Some((article, _)) if GAZETTEER.connectors.contains(article) => {
            let mut chars = name.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        _ => name.to_string(),
    }
}

/// A name in capitals as it is written in running text: "NEW DELHI" as "New Delhi" (a name
/// in running case stays as it is).
fn title_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    let word = |w: &str| {
        let mut chars = w.chars();
        chars.next().map_or(String::new(), |first| {
            first
                .to_uppercase()
                .chain(chars.flat_map(char::to_lowercase))
                .collect()
        })
    };
    name.split(' ').map(word).collect::<Vec<_>>().join(" ")
}

/// The countries the text names, each once.
fn countries(cands: &[Candidate]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for c in cands.iter().filter(|c| c.kind == Some(ActorKind::Country)) {
        if let Some(name) = c.canonical.as_deref().filter(|n| !out.contains(n)) {
            out.push(name);
        }
    }
    out
}

/// "the North": the one country of the text whose name starts with the compass word.
fn compass_country(text: &str, c: &Candidate, countries: &[&str]) -> Option<String> {
    let word = text[c.span.start..c.span.end].split_whitespace().last()?;
    let prefix = format!("{word} ");
    let mut named = countries.iter().filter(|n| n.starts_with(&prefix));
    match (named.next(), named.next()) {
        (Some(name), None) => Some(name.to_string()),
        _ => None,
    }
}

/// The organisation an acronym stands for: the name just before it in brackets ("Korea
/// Broadcasting System (KBS)"), or a name of the text whose initials it is.
fn expansion(
    text: &str,
    tokens: &[Token],
    cands: &[Candidate],
    by_initials: &HashMap<String, usize>,
    i: usize,
    acronym: &str,
) -> Option<usize> {
    let (s, _) = cands[i].tokens;
    let by_letters = by_initials.get(&letters(acronym)).copied();
    // a mixed-case acronym ("SoDMA") only by its capitals, which might be anything else
    if s >= 2
        && tokens[s - 1].text(text) == "("
        && let Some(j) = ending_at(&cands[..i], s - 1)
        && (is_acronym(acronym) || by_letters == Some(j))
    {
        return Some(j);
    }
    by_letters
}

/// An acronym's letters, its dots and ampersands left out ("U.S." -> "US"); a mixed-case
/// one's capitals ("SoDMA" -> "SDMA").
pub(super) fn letters(acronym: &str) -> String {
    let mixed = is_mixed_acronym(acronym);
    acronym
        .chars()
        .filter(|c| c.is_alphabetic() && (!mixed || c.is_uppercase()))
        .collect()
}

/// The capital initials of a name's words ("Korea Broadcasting System" -> "KBS").
pub(super) fn initials_of<'t>(words: impl Iterator<Item = &'t str>) -> String {
    words
        .filter_map(|w| w.chars().next())
        .filter(|f| f.is_uppercase())
        .collect()
}

/// Organisations and other non-person names of two words or more by their initials
/// ("Korea Broadcasting System" -> "KBS"), first mention first.
fn initials(text: &str, tokens: &[Token], cands: &[Candidate]) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        if c.kind == Some(ActorKind::Person) {
            continue;
        }
        let words = tokens[c.tokens.0..c.tokens.1].iter().map(|t| t.text(text));
        let initials = initials_of(words);
        if initials.chars().count() >= 2 {
            out.entry(initials).or_insert(i);
        }
    }
    out
}

fn group(cands: &[Candidate], surfaces: &[String], keys: &[Option<String>]) -> Clustered {
    let g = &*GAZETTEER;
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut actor_of = vec![None; cands.len()];
    for (i, key) in keys.iter().enumerate() {
        let Some(key) = key else { continue };
        let a = *index.entry(key.as_str()).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[a].push(i);
        actor_of[i] = Some(a);
    }
    let mut actors = Vec::with_capacity(members.len());
    for ms in &members {
        let key = keys[ms[0]].as_deref().unwrap_or_default();
        let canonical = ms.iter().find_map(|&m| cands[m].canonical.clone());
        let kind = canonical
            .as_deref()
            .and_then(|n| g.lookup(&gazetteer::key(n)))
            .map(|e| e.kind())
            .or_else(|| vote(ms.iter().filter_map(|&m| cands[m].kind)))
            .unwrap_or_else(|| default_kind(key));
        // the fullest form names the actor ("Shin Wonsik", not "Shin"), in running case
        // rather than capitals ("Athens", not a dateline's "ATHENS") when it can
        let name = canonical.unwrap_or_else(|| {
            let fullness = |s: &str| (s.split(' ').count(), s.chars().any(char::is_lowercase));
            ms.iter()
                .map(|&m| &surfaces[m])
                .reduce(|best, s| {
                    if fullness(s) > fullness(best) {
                        s
                    } else {
                        best
                    }
                })
                .cloned()
                .unwrap_or_else(|| key.to_string())
        });
        let mut seen: HashSet<&str> = [name.as_str()].into_iter().collect();
        let aliases: Vec<String> = ms
            .iter()
            .map(|&m| surfaces[m].as_str())
            .filter(|s| seen.insert(s))
            .map(str::to_string)
            .collect();
        let mentions = ms
            .iter()
            .map(|&m| Mention::new(cands[m].span, cands[m].form))
            .collect();
        actors.push(Actor {
            name,
            kind,
            role: None,
            affiliation: None,
            aliases,
            mentions,
            id: None,
        });
    }
    Clustered { actors, actor_of }
}

fn vote(kinds: impl Iterator<Item = ActorKind>) -> Option<ActorKind> {
    let mut counts: Vec<(ActorKind, usize)> = Vec::new();
    for k in kinds {
        match counts.iter_mut().find(|(c, _)| *c == k) {
            Some((_, n)) => *n += 1,
            None => counts.push((k, 1)),
        }
    }
    // first-seen wins ties
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(k, _)| k)
}

/// A capitalised name with no other evidence: most such names of two or more words in news
/// are people's, but not those that start with no first name and end with a place ("Werder
/// Bremen", a club) or an ordinary word that is no census name ("Lam Research", "Applied
/// Materials"); a single word is more often an organisation's.
fn default_kind(name: &str) -> ActorKind {
    let g = &*GAZETTEER;
    let mut words = name.split(' ');
    let first = words.next().unwrap_or_default();
    let Some(last) = words.next_back() else {
        return if g.last_names.contains(name) || g.first_names.contains(name) {
            ActorKind::Person
        } else {
            ActorKind::Organization
        };
    };
    // a city, not a capital: "Valeska Paris" may be a woman
    let place = g.lookup(&gazetteer::key(last)) == Some(gazetteer::Entry::Place);
    if place && !g.first_names.contains(first) || g.ends_ordinary(first, last) {
        ActorKind::Organization
    } else {
        ActorKind::Person
    }
}
