//! Generated news-like briefings for the benchmarks and `scripts/perf.sh`: invented people,
//! real places and bodies, reporting verbs, quotations, hedges and dates, in the shapes news
//! text has (attributions before and after the quote, titles, appositions, acronyms). Every
//! sentence is made here from templates and a seeded generator, so the same size gives the
//! same text; nothing comes from a corpus.

const FIRST: &[&str] = &[
    "Maria", "James", "Amina", "Oleg", "Chen", "Fatima", "Lars", "Priya", "Tomas", "Ngozi",
    "Hiroshi", "Elena", "Kwame", "Sofia", "Rahul", "Ingrid", "Diego", "Leila", "Pavel", "Grace",
];
const LAST: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Haddad",
    "Tanaka",
    "Kowalski",
    "Brennan",
    "Castillo",
    "Osei",
    "Varga",
    "Nakamura",
    "Petrov",
    "Delacroix",
    "Mensah",
    "Albrecht",
    "Ferreira",
];
const TITLE: &[&str] = &[
    "Foreign Minister",
    "President",
    "Prime Minister",
    "Defence Secretary",
    "spokesman",
    "chief executive",
    "Senator",
    "Governor",
    "ambassador",
    "economist",
];
const PLACE: &[&str] = &[
    "France",
    "Brazil",
    "Kenya",
    "Japan",
    "Canada",
    "Poland",
    "Egypt",
    "India",
    "Norway",
    "Mexico",
    "Ukraine",
    "Germany",
    "Nigeria",
    "Australia",
    "Chile",
    "Turkey",
];
const CITY: &[&str] = &[
    "Paris", "Nairobi", "Tokyo", "Ottawa", "Warsaw", "Cairo", "Oslo", "Berlin", "Lagos",
    "Santiago", "Ankara", "Lima", "Geneva", "Brussels",
];
const BODY: &[&str] = &[
    "the United Nations",
    "the World Health Organization",
    "the European Union",
    "the International Monetary Fund",
    "NATO",
    "the central bank",
    "the Red Cross",
    "the finance ministry",
    "the electoral commission",
];
const SAY: &[&str] = &[
    "said",
    "told reporters",
    "announced",
    "warned",
    "claimed",
    "insisted",
    "denied",
    "added",
    "confirmed",
    "argued",
];
const HEDGE: &[&str] = &["may", "could", "is likely to", "appears to", "might"];
const WHEN: &[&str] = &[
    "on Monday",
    "on Tuesday",
    "last week",
    "yesterday",
    "on March 3",
    "in 2021",
    "earlier this month",
    "two days ago",
    "next year",
    "on 14 July 2023",
    "by the end of May",
    "in the spring",
    "this morning",
    "since January",
];
const THING: &[&str] = &[
    "the agreement",
    "the new tariffs",
    "the aid package",
    "the ceasefire",
    "the budget",
    "the vaccine programme",
    "the pipeline",
    "the trade talks",
    "the election results",
    "the border crossing",
    "the port expansion",
    "the peace plan",
];
const HAPPEN: &[&str] = &[
    "collapsed",
    "was signed",
    "was delayed",
    "would be extended",
    "had been approved",
    "was suspended",
    "will resume",
    "was rejected",
    "had failed",
    "would cost billions",
];
const FILLER: &[&str] = &[
    "Officials gave few details about how the money would be spent.",
    "The figures could not be independently verified.",
    "Markets rose slightly after the news, with 1,200 traders reacting within minutes.",
    "Thousands of people gathered in the capital, many carrying flags and banners.",
    "The talks are expected to continue for several more days.",
    "Critics say the measures do not go far enough.",
];

/// A small deterministic generator (xorshift64*), so the benchmarks need no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

fn sentence(rng: &mut Rng, out: &mut String) {
    let person = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
    let s = match rng.next() % 9 {
        0 => format!(
            "{} {} {} {} {} {}.",
            rng.pick(PLACE),
            rng.pick(TITLE),
            person,
            rng.pick(SAY),
            rng.pick(WHEN),
            format_args!("that {} {}", rng.pick(THING), rng.pick(HAPPEN)),
        ),
        1 => format!(
            "\u{201c}We will not accept {} in its present form,\u{201d} {} {}, the {} of {}, {}.",
            rng.pick(THING).trim_start_matches("the "),
            rng.pick(SAY),
            person,
            rng.pick(TITLE),
            rng.pick(PLACE),
            rng.pick(WHEN),
        ),
        2 => format!(
            "According to {}, {} {} {} {}.",
            rng.pick(BODY),
            rng.pick(THING),
            rng.pick(HEDGE),
            "have been agreed in",
            rng.pick(CITY),
        ),
        3 => format!(
            "{} met {} in {} {} to discuss {}.",
            person,
            format_args!("{} {}", rng.pick(FIRST), rng.pick(LAST)),
            rng.pick(CITY),
            rng.pick(WHEN),
            rng.pick(THING).trim_start_matches("the "),
        ),
        4 => format!(
            "Mr. {} {} the claims, saying {} {}.",
            rng.pick(LAST),
            rng.pick(SAY),
            rng.pick(THING),
            rng.pick(HAPPEN),
        ),
        5 => format!(
            "The {} ({}) said {} that about {} people {} affected.",
            "World Trade Organization",
            "WTO",
            rng.pick(WHEN),
            rng.next() % 90_000 + 1_000,
            if rng.next().is_multiple_of(2) {
                "were"
            } else {
                "could be"
            },
        ),
        6 => format!(
            "In {}, {} {} {}, reports suggested.",
            rng.pick(CITY),
            rng.pick(THING),
            rng.pick(HAPPEN),
            rng.pick(WHEN),
        ),
        7 => format!(
            "{}'s government {} it {} {} {} at 10:30 a.m.",
            rng.pick(PLACE),
            rng.pick(SAY),
            rng.pick(HEDGE),
            "review the plan",
            rng.pick(WHEN),
        ),
        _ => rng.pick(FILLER).to_string(),
    };
    out.push_str(&s);
}

/// A briefing of about `bytes` bytes: front matter, a headline and paragraphs of three to six
/// sentences, one a line. With `one_line`, the body is a single line with no newline in it.
pub fn briefing(bytes: usize, one_line: bool) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ bytes as u64);
    let mut out = String::with_capacity(bytes + 512);
    out.push_str("---\ntitle: Talks resume as pressure grows\npublished: 2024-11-23\n---\n");
    while out.len() < bytes {
        let n = 3 + rng.next() % 4;
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            sentence(&mut rng, &mut out);
        }
        out.push(if one_line { ' ' } else { '\n' });
    }
    out
}
