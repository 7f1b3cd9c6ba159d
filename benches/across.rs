//! The work across briefings as the library grows: every briefing's actors linked into library
//! actors (`across::link`) for 1,000 to 8,000 generated briefings, so that a cost growing
//! faster than n log n shows as more than doubling from one size to the next. The briefings'
//! actors are generated here (invented people, some by surname alone or with a title,
//! organisations with their acronyms), not analysed: the analysis is `benches/index.rs`'s.
//! `cargo bench --bench across`.

use std::sync::OnceLock;

use brief::across::Library;
use brief::across::link::link;
use brief::across::review::LibraryReview;
use brief::across::stored::{Actor, Draft};

fn main() {
    divan::main();
}

const SIZES: [usize; 4] = [1_000, 2_000, 4_000, 8_000];
/// Actors a briefing names.
const ACTORS: usize = 15;

const FIRST: &[&str] = &[
    "Maria", "James", "Amina", "Oleg", "Chen", "Fatima", "Lars", "Priya", "Tomas", "Ngozi",
];
const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ren", "tu", "sa", "vel", "dor", "ba", "nek", "or", "ish",
];
const BODIES: &[&str] = &[
    "Ministry",
    "Agency",
    "Council",
    "Institute",
    "Bank",
    "Fleet",
];
const ROLES: &[&str] = &["spokeswoman", "director", "minister", "analyst"];

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
}

/// An invented word of three syllables, capitalised: one of 1,728.
fn word(rng: &mut Rng) -> String {
    let mut w: String = (0..3)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect();
    w[..1].make_ascii_uppercase();
    w
}

fn actor(i: usize, name: String, kind: &str, role: Option<&str>) -> Actor {
    Actor {
        id: format!("a{}", i + 1),
        name,
        kind: kind.into(),
        role: role.map(str::to_string),
        aliases: Vec::new(),
        mentions: Vec::new(),
    }
}

/// Briefing `b`'s actors: people (some by surname alone, some with a role), organisations
/// (some by their initials), a country.
fn briefing(b: usize, rng: &mut Rng) -> Draft {
    let actors = (0..ACTORS)
        .map(|i| {
            let surname = word(rng);
            match rng.below(6) {
                0 => actor(i, surname, "person", Some(ROLES[rng.below(ROLES.len())])),
                1 | 2 => {
                    let first = FIRST[rng.below(FIRST.len())];
                    actor(i, format!("{first} {surname}"), "person", None)
                }
                3 => {
                    let body = BODIES[rng.below(BODIES.len())];
                    actor(i, format!("{surname} {body}"), "organization", None)
                }
                4 => {
                    let body = BODIES[rng.below(BODIES.len())];
                    let initials = format!("{}{}", &surname[..1], &body[..1]);
                    actor(i, initials, "organization", None)
                }
                _ => actor(i, surname, "country", None),
            }
        })
        .collect();
    Draft {
        path: format!("{b:05}.md").into(),
        actors,
        ..Draft::default()
    }
}

/// The library of the first `n` briefings, for each of `SIZES`.
fn library(n: usize) -> &'static Library {
    static LIBRARIES: OnceLock<Vec<Library>> = OnceLock::new();
    let libraries = LIBRARIES.get_or_init(|| {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let drafts: Vec<Draft> = (0..SIZES[SIZES.len() - 1])
            .map(|b| briefing(b, &mut rng))
            .collect();
        SIZES
            .iter()
            .map(|&n| Library::of(drafts[..n].iter().cloned()))
            .collect()
    });
    &libraries[SIZES.iter().position(|&s| s == n).expect("one of SIZES")]
}

#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn link_actors(n: usize) -> usize {
    link(library(n), &LibraryReview::default()).actors.len()
}
