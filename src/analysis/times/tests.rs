//! One test per family of expressions, on sentences written for these tests.

use super::*;
use crate::analysis::tokens::tokenize;
use crate::document::Meta;

/// (text, type, value) of each expression found, with the given published date.
fn tag(text: &str, published: Option<&str>) -> Vec<(String, TimexType, String)> {
    let meta = Meta {
        published: published.and_then(|p| p.parse().ok()),
        ..Meta::default()
    };
    let (doc, _) = Document::from_text(text, meta);
    let tokens = tokenize(&doc);
    extract(&doc, &tokens)
        .into_iter()
        .map(|t| {
            (
                doc.text[t.span.start..t.span.end].to_string(),
                t.kind,
                t.value.to_string(),
            )
        })
        .collect()
}

fn one(text: &str, published: Option<&str>) -> (String, TimexType, String) {
    let mut found = tag(text, published);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found.remove(0)
}

fn check(text: &str, published: Option<&str>, span: &str, kind: TimexType, value: &str) {
    assert_eq!(
        one(text, published),
        (span.to_string(), kind, value.to_string()),
        "{text}"
    );
}

const SAT: Option<&str> = Some("2024-11-23");
use TimexType::{Duration, Set, Time};

#[test]
fn absolute_dates() {
    check(
        "The talks began on Feb. 24, 2022, in Minsk.",
        SAT,
        "Feb. 24, 2022",
        TimexType::Date,
        "2022-02-24",
    );
    check(
        "It opened on 24 February 2022 at last.",
        SAT,
        "24 February 2022",
        TimexType::Date,
        "2022-02-24",
    );
    check(
        "The file is dated 2022-02-24 here.",
        SAT,
        "2022-02-24",
        TimexType::Date,
        "2022-02-24",
    );
    check(
        "Prices rose in February 2022 sharply.",
        SAT,
        "February 2022",
        TimexType::Date,
        "2022-02",
    );
    check(
        "The dam was built in 1998 by engineers.",
        SAT,
        "1998",
        TimexType::Date,
        "1998",
    );
    check(
        "Unrest grew in the 1990s across the region.",
        SAT,
        "the 1990s",
        TimexType::Date,
        "199",
    );
    check(
        "Output should recover by mid-2023, he said.",
        SAT,
        "mid-2023",
        TimexType::Date,
        "2023",
    );
    check(
        "Sales fell in fiscal 1998 overall.",
        SAT,
        "fiscal 1998",
        TimexType::Date,
        "1998",
    );
    check(
        "Profit rose in the third quarter of 2021.",
        SAT,
        "the third quarter of 2021",
        TimexType::Date,
        "2021-Q3",
    );
    check(
        "Snow fell on Friday, July 21, 2017 again.",
        SAT,
        "Friday, July 21, 2017",
        TimexType::Date,
        "2017-07-21",
    );
}

#[test]
fn seasons() {
    check(
        "Crops failed in the summer of 2019.",
        SAT,
        "the summer of 2019",
        TimexType::Date,
        "2019-SU",
    );
    check(
        "Work resumes in early spring.",
        SAT,
        "early spring",
        TimexType::Date,
        "2025-SP",
    );
}

#[test]
fn decades_written_short() {
    check(
        "Crime peaked in the ’90s.",
        SAT,
        "the ’90s",
        TimexType::Date,
        "199",
    );
    check(
        "Talks stalled a week or so ago.",
        SAT,
        "a week or so ago",
        TimexType::Date,
        "2024-W46",
    );
}

#[test]
fn abbreviations_before_a_date() {
    check(
        "It fell on Fri., Nov. 8, 2024.",
        SAT,
        "Fri., Nov. 8, 2024",
        TimexType::Date,
        "2024-11-08",
    );
}

#[test]
fn relative_to_published() {
    check(
        "The minister resigned on Friday.",
        SAT,
        "Friday",
        TimexType::Date,
        "2024-11-22",
    );
    check(
        "The minister will resign on Monday.",
        SAT,
        "Monday",
        TimexType::Date,
        "2024-11-25",
    );
    check(
        "He arrived yesterday with aides.",
        SAT,
        "yesterday",
        TimexType::Date,
        "2024-11-22",
    );
    check(
        "The vote is tomorrow.",
        SAT,
        "tomorrow",
        TimexType::Date,
        "2024-11-24",
    );
    check(
        "Troops moved last week into the town.",
        SAT,
        "last week",
        TimexType::Date,
        "2024-W46",
    );
    check(
        "Exports doubled this month, officials said.",
        SAT,
        "this month",
        TimexType::Date,
        "2024-11",
    );
    check(
        "Elections are due next year.",
        SAT,
        "next year",
        TimexType::Date,
        "2025",
    );
    check(
        "The bridge collapsed two days ago.",
        SAT,
        "two days ago",
        TimexType::Date,
        "2024-11-21",
    );
    check(
        "Prices jumped earlier this year.",
        SAT,
        "earlier this year",
        TimexType::Date,
        "2024",
    );
    check(
        "The army attacked in early March.",
        SAT,
        "early March",
        TimexType::Date,
        "2024-03",
    );
    check(
        "He and his rival talked in June last year.",
        SAT,
        "June last year",
        TimexType::Date,
        "2023-06",
    );
    check(
        "Floods hit the coast last summer.",
        SAT,
        "last summer",
        TimexType::Date,
        "2024-SU",
    );
}

#[test]
fn anaphoric_expressions_follow_the_last_date() {
    let found = tag(
        "The plant opened in 2019. The following year it closed.",
        SAT,
    );
    assert_eq!(
        found[1],
        (
            "The following year".to_string(),
            TimexType::Date,
            "2020".to_string()
        )
    );
    let found = tag(
        "Profit rose in the third quarter of 2021 from a year earlier.",
        SAT,
    );
    assert_eq!(
        found[1],
        (
            "a year earlier".to_string(),
            TimexType::Date,
            "2020-Q3".to_string()
        )
    );
}

#[test]
fn years_in_ranges_and_eras() {
    let found = tag("The assembly sat (1789-1791) and fell in 490 BC.", SAT);
    let values: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
    assert_eq!(values, ["1789", "1791", "BC0490"]);
    check(
        "Talks resume by the end of the year.",
        SAT,
        "the end of the year",
        TimexType::Date,
        "2024",
    );
    check(
        "They will start Monday.",
        SAT,
        "Monday",
        TimexType::Date,
        "2024-11-25",
    );
}

#[test]
fn holidays() {
    check(
        "The ceasefire held over Christmas Eve.",
        SAT,
        "Christmas Eve",
        TimexType::Date,
        "2024-12-24",
    );
    check(
        "Shops closed on Thanksgiving Day.",
        Some("2024-12-10"),
        "Thanksgiving Day",
        TimexType::Date,
        "2024-11-28",
    );
    check(
        "They met on Memorial Day.",
        Some("2024-06-10"),
        "Memorial Day",
        TimexType::Date,
        "2024-05-27",
    );
    // the week the feast falls in: Easter 2024 is Sunday 31 March
    check(
        "Pilgrims arrived as Easter week began.",
        Some("2024-03-25"),
        "Easter week",
        TimexType::Date,
        "2024-W13",
    );
}

#[test]
fn holidays_before_and_after_the_published_day() {
    check(
        "He has lived here since last Thanksgiving.",
        Some("2025-02-10"),
        "last Thanksgiving",
        TimexType::Date,
        "2024-11-28",
    );
    check(
        "She will stay until next Christmas.",
        Some("2025-02-10"),
        "next Christmas",
        TimexType::Date,
        "2025-12-25",
    );
    check(
        "This Christmas was quiet.",
        Some("2025-02-10"),
        "This Christmas",
        TimexType::Date,
        "2024-12-25",
    );
}

#[test]
fn a_future_seen_from_a_report_looks_ahead_for_a_month_only() {
    // Thursday 18 September 2008
    let thursday = Some("2008-09-18");
    check(
        "The company said the plant would reopen in January.",
        thursday,
        "January",
        TimexType::Date,
        "2009-01",
    );
    check(
        "The company said the plant reopened in January.",
        thursday,
        "January",
        TimexType::Date,
        "2008-01",
    );
    // a weekday takes the nearer one: the report may lie days back
    check(
        "The company said the plant would reopen on Friday.",
        thursday,
        "Friday",
        TimexType::Date,
        "2008-09-19",
    );
}

#[test]
fn tense_chooses_the_year_of_a_month() {
    let may = Some("2015-05-07");
    check(
        "The vote is to be held on November 20.",
        may,
        "November 20",
        TimexType::Date,
        "2015-11-20",
    );
    check(
        "The vote was held on November 20.",
        may,
        "November 20",
        TimexType::Date,
        "2014-11-20",
    );
    // the modal before the passive sets the tense, not the participle
    check(
        "Our reporter will be named commander of the small crew for a long mission in \
         December.",
        may,
        "December",
        TimexType::Date,
        "2015-12",
    );
}

#[test]
fn an_adjective_after_an_adverb_sets_no_tense() {
    // "unspecified" qualifies the noun; "would be paid" is the clause's tense
    check(
        "The bonus would be paid on a still unspecified date in January.",
        Some("2015-10-26"),
        "January",
        TimexType::Date,
        "2016-01",
    );
}

#[test]
fn a_month_before_a_ranges_other_end_shares_its_year() {
    assert_eq!(
        tag(
            "Similar rules were announced in September and October 2023.",
            Some("2024-11-23")
        ),
        vec![
            (
                "September".to_string(),
                TimexType::Date,
                "2023-09".to_string()
            ),
            (
                "October 2023".to_string(),
                TimexType::Date,
                "2023-10".to_string()
            ),
        ]
    );
}

#[test]
fn a_day_opening_a_range_takes_the_month_and_year_of_its_other_end() {
    let values = |text: &str| -> Vec<(String, String)> {
        tag(text, SAT)
            .into_iter()
            .map(|(words, _, value)| (words, value))
            .collect()
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        values("The ferry ran between 3 and 17 June."),
        vec![pair("3", "2024-06-03"), pair("17 June", "2024-06-17")]
    );
    assert_eq!(
        values("Polls stay open from 8 to 12 May 2023 in the north."),
        vec![pair("8", "2023-05-08"), pair("12 May 2023", "2023-05-12")]
    );
}

#[test]
fn a_month_later_than_a_ranges_other_end_takes_the_year_before() {
    assert_eq!(
        tag("Heavy snow fell between December and February 2021.", SAT)[0],
        (
            "December".to_string(),
            TimexType::Date,
            "2020-12".to_string()
        )
    );
    assert_eq!(
        tag(
            "Flights were cancelled from 30 December to 2 January 2024.",
            SAT
        )[0],
        (
            "30 December".to_string(),
            TimexType::Date,
            "2023-12-30".to_string()
        )
    );
}

#[test]
fn a_noun_in_ly_is_not_an_adverb_before_a_verb() {
    // "voted" is the clause's verb, past: November before the published May
    for subject in ["The assembly", "The family"] {
        check(
            &format!("{subject} voted on the plan in November."),
            Some("2015-05-07"),
            "November",
            TimexType::Date,
            "2014-11",
        );
    }
}

#[test]
fn an_edge_word_narrows_the_order_not_the_value() {
    let meta = Meta {
        published: "2024-11-23".parse().ok(),
        ..Meta::default()
    };
    let text = "It rained in early February 2024, in mid-February 2024, in late February 2024 \
                and in February 2024.";
    let (doc, _) = Document::from_text(text, meta);
    let tokens = tokenize(&doc);
    let keys: Vec<String> = extract(&doc, &tokens)
        .iter()
        .map(|t| {
            assert_eq!(t.value.to_string(), "2024-02");
            let (start, end) = sort_key_within(&t.value, t.edge, doc.meta.published).unwrap();
            format!("{start}..{end}")
        })
        .collect();
    assert_eq!(
        keys,
        [
            "2024-02-01..2024-02-10",
            "2024-02-11..2024-02-19",
            "2024-02-20..2024-02-29",
            "2024-02-01..2024-02-29"
        ]
    );
}

#[test]
fn without_a_published_date_values_stay_open() {
    check(
        "The minister resigned on Friday.",
        None,
        "Friday",
        TimexType::Date,
        "XXXX-WXX-5",
    );
    check(
        "Prices rose in February.",
        None,
        "February",
        TimexType::Date,
        "XXXX-02",
    );
    check(
        "Troops moved last week.",
        None,
        "last week",
        TimexType::Date,
        "XXXX-WXX",
    );
}

#[test]
fn durations() {
    check(
        "The siege lasted three years.",
        SAT,
        "three years",
        Duration,
        "P3Y",
    );
    check(
        "He spent 18 months in jail.",
        SAT,
        "18 months",
        Duration,
        "P18M",
    );
    check(
        "It took a decade to rebuild.",
        SAT,
        "a decade",
        Duration,
        "P10Y",
    );
    check(
        "Talks could take several weeks.",
        SAT,
        "several weeks",
        Duration,
        "PXW",
    );
    check(
        "Output fell over the past three years.",
        SAT,
        "the past three years",
        Duration,
        "P3Y",
    );
    check(
        "Rebels held the town for nearly five months.",
        SAT,
        "nearly five months",
        Duration,
        "P5M",
    );
    check(
        "She signed a two-year contract.",
        SAT,
        "two-year",
        Duration,
        "P2Y",
    );
}

#[test]
fn durations_and_a_half() {
    check(
        "They lived in camps for 2 1/2 years.",
        SAT,
        "2 1/2 years",
        Duration,
        "P2Y6M",
    );
    check(
        "The flight took an hour and a half.",
        SAT,
        "an hour and a half",
        Duration,
        "PT1H30M",
    );
}

#[test]
fn sets_and_times() {
    check(
        "Inspectors visit every year.",
        SAT,
        "every year",
        Set,
        "P1Y",
    );
    check("The index is published weekly.", SAT, "weekly", Set, "P1W");
    check("Fees are paid each month.", SAT, "each month", Set, "P1M");
    // a unit measuring what follows "of" is a quantity, not a recurring time
    assert_eq!(
        tag("Every day of waiting costs the growers money.", SAT),
        vec![]
    );
    check(
        "Tolls rise every week of the year.",
        SAT,
        "every week",
        Set,
        "P1W",
    );
    check(
        "Shelling began at 10 a.m. local time.",
        SAT,
        "10 a.m. local time",
        Time,
        "2024-11-23T10:00",
    );
    check(
        "The museum opened at 08:00 sharp.",
        SAT,
        "08:00",
        Time,
        "2024-11-23T08:00",
    );
    check(
        "The curfew starts at midnight.",
        SAT,
        "midnight",
        Time,
        "2024-11-23T24:00",
    );
    check(
        "Rockets hit the port Friday morning.",
        SAT,
        "Friday morning",
        Time,
        "2024-11-22TMO",
    );
}

#[test]
fn fuzzy_references() {
    check(
        "The town is now quiet.",
        SAT,
        "now",
        TimexType::Date,
        "PRESENT_REF",
    );
    check(
        "Fighting has recently eased.",
        SAT,
        "recently",
        TimexType::Date,
        "PAST_REF",
    );
    check(
        "Such raids were rare in the past.",
        SAT,
        "the past",
        TimexType::Date,
        "PAST_REF",
    );
    check(
        "Nobody knows the future.",
        SAT,
        "the future",
        TimexType::Date,
        "FUTURE_REF",
    );
    check(
        "Crime fell in recent years.",
        SAT,
        "recent years",
        TimexType::Date,
        "PAST_REF",
    );
    // an adjective or adverb leaves "the" to the noun it qualifies
    check(
        "The recent closure of the mine cost jobs.",
        SAT,
        "recent",
        TimexType::Date,
        "PAST_REF",
    );
    check(
        "The recently signed accord holds.",
        SAT,
        "recently",
        TimexType::Date,
        "PAST_REF",
    );
}

#[test]
fn ordinary_words_are_not_times() {
    for text in [
        "They may march on the capital, and the second time they set off they did.",
        "The army sent 10,000 soldiers and 2000 tanks.",
        "He will set the record straight.",
        "Profit rose as soon as prices fell, and its quarterly dividend grew.",
        "He is 37 years old.",
        "She writes for USA Today in Virginia.",
        "She won gold at the Summer Olympics.",
        "The story ran in The Sun.",
    ] {
        assert_eq!(tag(text, SAT), vec![], "{text}");
    }
}

#[test]
fn odd_text_does_not_panic() {
    let text = "‏مرحبا 2024‑11‑23 🙂 Friday‑morning — 10:30 p.m. ‐ mid‐1990s, ١٩٩٠ last‑";
    let _ = tag(text, SAT);
    let _ = tag(&"a ".repeat(10_000), None);
}

/// Random sentences from time-like fragments: no panic, spans on char boundaries, in order
/// and apart.
#[test]
fn random_fragments_give_ordered_spans() {
    const BITS: &[&str] = &[
        "May",
        "the",
        "last",
        "week",
        "Friday",
        "-",
        "1990s",
        "mid",
        "2022",
        "10:30",
        "p.m.",
        "ago",
        "two",
        "years",
        "early",
        "of",
        ",",
        ".",
        "Nov",
        "24",
        "é",
        "🙂",
        "ق",
        "‐",
        "'s",
        "every",
        "quarter",
        "third",
        "BC",
        "(",
        ")",
        "Christmas",
        "that",
        "day",
        "a",
        "20th",
        "century",
        "until",
        "5pm",
        "GMT",
        "İstanbul",
        "fiscal",
        "1789",
        "–",
        "next",
    ];
    let mut seed: u64 = 7;
    for _ in 0..300 {
        let mut text = String::new();
        for _ in 0..30 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(BITS[(seed >> 33) as usize % BITS.len()]);
            text.push(if seed & 1 == 0 { ' ' } else { '-' });
        }
        for published in [SAT, None] {
            let meta = Meta {
                published: published.and_then(|p| p.parse().ok()),
                ..Meta::default()
            };
            let (doc, _) = Document::from_text(&text, meta);
            let found = extract(&doc, &tokenize(&doc));
            for pair in found.windows(2) {
                assert!(pair[0].span.end <= pair[1].span.start, "{text}");
            }
            for t in &found {
                assert!(
                    doc.text.is_char_boundary(t.span.start)
                        && doc.text.is_char_boundary(t.span.end)
                );
                assert!(t.span.start < t.span.end);
            }
        }
    }
}

#[test]
fn intervals_sort_values() {
    let d = |s: &str| s.parse::<Date>().unwrap();
    let v = |s: &str| s.parse::<TimeValue>().unwrap();
    let interval = |s: &str| v(s).interval();
    let sort_key = |s: &str, published| sort_key(&v(s), published);
    assert_eq!(
        interval("2022-02"),
        Some((d("2022-02-01"), d("2022-02-28")))
    );
    assert_eq!(
        interval("2024-W47"),
        Some((d("2024-11-18"), d("2024-11-24")))
    );
    assert_eq!(
        interval("2024-11-22TMO"),
        Some((d("2024-11-22"), d("2024-11-22")))
    );
    assert_eq!(interval("199"), Some((d("1990-01-01"), d("1999-12-31"))));
    assert_eq!(
        interval("2021-Q3"),
        Some((d("2021-07-01"), d("2021-09-30")))
    );
    // before the common era, and so before any year of it
    let (bc, _) = interval("BC0992").expect("a BC year has an interval");
    assert_eq!((bc.year(), bc.month(), bc.day()), (-991, 1, 1));
    assert!(bc < d("0001-01-01"));
    assert_eq!(interval("PAST_REF"), None);
    assert_eq!(interval("P3Y"), None);
    assert!(sort_key("2022-02", None) < sort_key("2022-02-24", None));
    assert!(
        sort_key("2024-11-22", None) < sort_key("PRESENT_REF", SAT.and_then(|d| d.parse().ok()))
    );
    assert_eq!(sort_key("PAST_REF", None), None);
}

#[test]
fn weekdays_months_and_halves_relative_to_published() {
    check(
        "The envoy left last Friday.",
        SAT,
        "last Friday",
        TimexType::Date,
        "2024-11-22",
    );
    check(
        "The court sits again next March.",
        SAT,
        "next March",
        TimexType::Date,
        "2025-03",
    );
    check(
        "The hearing is set for the week of March 6.",
        Some("2023-02-24"),
        "the week of March 6",
        TimexType::Date,
        "2023-W10",
    );
    check(
        "Revenue fell in the last half of 2022.",
        SAT,
        "the last half of 2022",
        TimexType::Date,
        "2022-H2",
    );
    check(
        "Revenue grew in the first half of 2023.",
        SAT,
        "the first half of 2023",
        TimexType::Date,
        "2023-H1",
    );
    check(
        "The riots of the late 1980s changed the city.",
        SAT,
        "the late 1980s",
        TimexType::Date,
        "198",
    );
    check(
        "The market opens every Friday.",
        SAT,
        "every Friday",
        Set,
        "XXXX-WXX-5",
    );
    check(
        "We ran the story a couple of years back.",
        SAT,
        "a couple of years back",
        TimexType::Date,
        "2022",
    );
    check(
        "A few months back it failed.",
        SAT,
        "A few months back",
        TimexType::Date,
        "PAST_REF",
    );
    // a direction, not a time: "back" goes on with a preposition
    check(
        "She returned two days back from leave.",
        SAT,
        "two days",
        Duration,
        "P2D",
    );
}

#[test]
fn a_noun_is_not_a_tense_cue() {
    // "the plan" is not a future: the announcement was in the past, so this year
    check(
        "The board announced the plan Aug. 21.",
        SAT,
        "Aug. 21",
        TimexType::Date,
        "2024-08-21",
    );
    // "plans to" is a future
    check(
        "The party plans to meet in January.",
        SAT,
        "January",
        TimexType::Date,
        "2025-01",
    );
}

#[test]
fn clock_times_take_their_day() {
    check(
        "The truce began at noon Saturday.",
        Some("2024-11-25"),
        "noon Saturday",
        Time,
        "2024-11-23T12:00",
    );
    let found = tag(
        "The blast happened on Nov. 12. Rescuers arrived at 10 p.m. with dogs.",
        SAT,
    );
    assert_eq!(found[1].2, "2024-11-12T22:00", "{found:?}");
    // a day named long before does not set it
    let found = tag(
        "The blast happened on Nov. 12. Aid came. Talks began. Crowds gathered. \
         Rescuers arrive at 10 p.m. with dogs.",
        SAT,
    );
    assert_eq!(found[1].2, "2024-11-23T22:00", "{found:?}");
    let found = tag("The blast came at 10:35 a.m. (0735 GMT) Friday.", SAT);
    assert_eq!(found[0].0, "10:35 a.m.");
    assert_eq!(found[0].2, "2024-11-22T10:35", "{found:?}");
}

#[test]
fn steps_from_the_last_date_keep_their_unit() {
    let found = tag(
        "She was promoted on May 22, 2015, and the following year she resigned.",
        SAT,
    );
    assert_eq!(found[1].0, "the following year");
    assert_eq!(found[1].2, "2016");
    let found = tag(
        "The mine flooded in 2010 and that same day the owners fled.",
        SAT,
    );
    assert_eq!(found[1].0, "that same day", "{found:?}");
    let found = tag(
        "He was arrested on Nov. 2. He appeared in court the next morning.",
        SAT,
    );
    assert_eq!(found[1].0, "the next morning");
    assert_eq!(found[1].2, "2024-11-03TMO");
    let found = tag(
        "The war began in 2003. Over the following decade it spread.",
        SAT,
    );
    assert_eq!(found[1].2, "201", "{found:?}");
}

#[test]
fn a_newspaper_called_a_daily_is_not_a_set() {
    assert_eq!(tag("The party daily Pravda printed it.", SAT), vec![]);
    check("The paper prints daily.", SAT, "daily", Set, "P1D");
}

#[test]
fn years_read_out_and_written_short() {
    check(
        "The games were held in nineteen ninety-six.",
        SAT,
        "nineteen ninety-six",
        TimexType::Date,
        "1996",
    );
    check(
        "A bomb went off in January nineteen ninety-seven.",
        SAT,
        "January nineteen ninety-seven",
        TimexType::Date,
        "1997-01",
    );
    assert_eq!(tag("Nineteen twenty-year-olds enlisted.", SAT), vec![]);
    // "the year" names the year and is part of the span
    check(
        "He vowed to halve the deficit by the year two thousand.",
        SAT,
        "the year two thousand",
        TimexType::Date,
        "2000",
    );
    check(
        "The fund closes in the year two thousand and twelve.",
        SAT,
        "the year two thousand and twelve",
        TimexType::Date,
        "2012",
    );
    check(
        "Records begin in the year 1850.",
        SAT,
        "the year 1850",
        TimexType::Date,
        "1850",
    );
    assert_eq!(tag("The mill hired two thousand workers.", SAT), vec![]);
    // a determiner before a year and a plural noun: the year's events, not a count
    check(
        "Turnout fell after the 2014 elections.",
        SAT,
        "2014",
        TimexType::Date,
        "2014",
    );
    assert_eq!(tag("He sold 2000 shares to 1500 buyers.", SAT), vec![]);
    let found = tag("She led the expedition of 1957-58 across the ice.", SAT);
    let values: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
    assert_eq!(values, ["1957", "1958"], "{found:?}");
}

#[test]
fn spans_keep_this_past_and_the_mid_decade() {
    check(
        "The plant closed this past spring.",
        SAT,
        "this past spring",
        TimexType::Date,
        "2024-SP",
    );
    check(
        "The rally is this coming Sunday, March eighth.",
        Some("2026-03-05"),
        "this coming Sunday, March eighth",
        TimexType::Date,
        "2026-03-08",
    );
    check(
        "Sales should double by the mid-1990s.",
        Some("1989-10-26"),
        "the mid-1990s",
        TimexType::Date,
        "199",
    );
    check(
        "She made the late-November trip alone.",
        SAT,
        "late-November",
        TimexType::Date,
        "2024-11",
    );
}

#[test]
fn since_looks_back_and_as_planned_does_not_look_ahead() {
    check(
        "Police have searched for him since shortly after the Oct. 23 raid.",
        Some("2025-05-06"),
        "Oct. 23",
        TimexType::Date,
        "2024-10-23",
    );
    check(
        "The offensive began as planned Saturday night.",
        Some("2025-02-25"),
        "Saturday night",
        Time,
        "2025-02-22TNI",
    );
}

#[test]
fn a_year_named_period_in_a_report_is_the_reported_quarter() {
    check(
        "Net income fell in the 2023 period, the company said.",
        Some("2024-10-30"),
        "the 2023 period",
        TimexType::Date,
        "2023-Q3",
    );
    check(
        "Net income fell in the 2023 period, the company said.",
        Some("2024-01-30"),
        "the 2023 period",
        TimexType::Date,
        "2023-Q4",
    );
    check(
        "Net income fell in the 2023 period, the company said.",
        None,
        "the 2023 period",
        TimexType::Date,
        "2023-QX",
    );
}

#[test]
fn steps_from_the_day_last_named() {
    // Saturday 23 November 2024: "the previous Friday" is the one before Tuesday the 19th
    let found = tag(
        "Shares closed lower on Tuesday, Nov. 19, below the previous Friday.",
        SAT,
    );
    assert_eq!(found[1].2, "2024-11-15", "{found:?}");
    let found = tag(
        "The lease ended in October 2023 and the tenants left that same day.",
        SAT,
    );
    assert_eq!(found[1].2, "2023-10-XX", "{found:?}");
}

#[test]
fn reporting_periods_a_year_before() {
    let found = tag(
        "The bank lost $5 million in the quarter ended Sept. 30, against a profit in the \
         year-ago quarter.",
        SAT,
    );
    assert_eq!(
        found.last().map(|f| f.2.as_str()),
        Some("2023-Q3"),
        "{found:?}"
    );
}

#[test]
fn reporting_periods_named_with_a_year_back() {
    let found = tag(
        "The bank lost $5 million in the third quarter. In the quarter a year ago it earned \
         $2 million, and it made $1 million in the same period last year. Its fees for last \
         year's quarter were flat.",
        SAT,
    );
    let spans: Vec<_> = found.iter().map(|f| (f.0.as_str(), f.2.as_str())).collect();
    assert_eq!(
        spans,
        [
            ("the third quarter", "2024-Q3"),
            ("the quarter a year ago", "2023-Q3"),
            ("the same period last year", "2023-Q3"),
            ("last year's quarter", "2023-Q3"),
        ]
    );
}

#[test]
fn a_year_before_several_quarters_is_a_year() {
    let found = tag(
        "Profit rose in the third quarter. For the nine months, profit was $9 million, up \
         from $7 million a year earlier.",
        SAT,
    );
    assert_eq!(
        found.last().map(|f| f.2.as_str()),
        Some("2023"),
        "{found:?}"
    );
}

#[test]
fn a_forecast_is_not_the_period_reported() {
    // published in late October: the quarter reported is the third
    let found = tag(
        "Analysts expect losses through the second quarter of 2025. In the year-ago period, \
         the bank earned $3 million.",
        Some("2024-10-25"),
    );
    assert_eq!(
        found.last().map(|f| f.2.as_str()),
        Some("2023-Q3"),
        "{found:?}"
    );
}

#[test]
fn counts_with_couple_and_more() {
    check(
        "Over the next couple of years we expect growth.",
        SAT,
        "the next couple of years",
        Duration,
        "P2Y",
    );
    check(
        "The base may stay open for 20 more years.",
        SAT,
        "20 more years",
        Duration,
        "P20Y",
    );
    check(
        "Each sample was heated for a couple of seconds.",
        SAT,
        "a couple of seconds",
        Duration,
        "PT2S",
    );
}

#[test]
fn two_days_from_the_published_day() {
    check(
        "The envoy left the day before yesterday.",
        SAT,
        "the day before yesterday",
        TimexType::Date,
        "2024-11-21",
    );
    check(
        "Shops will reopen the day after Christmas.",
        SAT,
        "the day after Christmas",
        TimexType::Date,
        "2024-12-26",
    );
    check(
        "Talks began the day before last Tuesday.",
        SAT,
        "the day before last Tuesday",
        TimexType::Date,
        "2024-11-18",
    );
    // a clause after "the day before" is an event, not a date
    assert_eq!(tag("He left the day before he resigned.", SAT), vec![]);
    check(
        "Talks resume the day after tomorrow.",
        SAT,
        "the day after tomorrow",
        TimexType::Date,
        "2024-11-25",
    );
}

#[test]
fn quarters_of_a_year_named_relatively() {
    let found = tag(
        "Sales in last year's fourth quarter fell. The firm expects a profit in the first \
         quarter of next year and in the second half of this year, after a loss in the third \
         quarter last year.",
        SAT,
    );
    let spans: Vec<_> = found.iter().map(|f| (f.0.as_str(), f.2.as_str())).collect();
    assert_eq!(
        spans,
        [
            ("last year's fourth quarter", "2023-Q4"),
            ("the first quarter of next year", "2025-Q1"),
            ("the second half of this year", "2024-H2"),
            ("the third quarter last year", "2023-Q3"),
        ]
    );
    check(
        "Sales in last year's fourth quarter fell.",
        None,
        "last year's fourth quarter",
        TimexType::Date,
        "XXXX-Q4",
    );
}

#[test]
fn quarters_as_periods_not_parts() {
    check(
        "The firm turned a profit after several quarters of losses.",
        SAT,
        "several quarters",
        Duration,
        "PXQ",
    );
    assert!(tag("Critics in some quarters objected.", SAT).is_empty());
    assert!(tag("Three quarters of the vote went to her.", SAT).is_empty());
    check(
        "Demand should stay weak through the first two quarters of 2025.",
        SAT,
        "the first two quarters of 2025",
        TimexType::Date,
        "2025-H1",
    );
}

#[test]
fn hours_ago_and_year_end() {
    check(
        "The site went down 24 hours ago.",
        SAT,
        "24 hours ago",
        TimexType::Date,
        "2024-11-22",
    );
    check(
        "The site went down three hours ago.",
        SAT,
        "three hours ago",
        TimexType::Date,
        "2024-11-23",
    );
    let march = Some("2024-03-10");
    check(
        "Prices peaked by the end of the year.",
        march,
        "the end of the year",
        TimexType::Date,
        "2023",
    );
    check(
        "Prices will peak by the end of the year.",
        march,
        "the end of the year",
        TimexType::Date,
        "2024",
    );
    // a present clause under "says" speaks of now, not of the past
    check(
        "The agency says it is drafting rules by the end of the year.",
        march,
        "the end of the year",
        TimexType::Date,
        "2024",
    );
}

#[test]
fn past_perfect_plans_and_last_month_days() {
    // Monday 25 November 2024
    let monday = Some("2024-11-25");
    check(
        "The offer had been due to lapse Friday.",
        monday,
        "Friday",
        TimexType::Date,
        "2024-11-22",
    );
    check(
        "The mill closed last Oct. 3 after a fire.",
        monday,
        "last Oct. 3",
        TimexType::Date,
        "2024-10-03",
    );
    check(
        "The mill closed last Dec. 3 after a fire.",
        monday,
        "last Dec. 3",
        TimexType::Date,
        "2023-12-03",
    );
}

#[test]
fn fiscal_quarter_ended() {
    let found = tag(
        "The chain earned $3 million in the quarter ended July 31.",
        SAT,
    );
    assert_eq!(found[0].0, "the quarter", "{found:?}");
    assert_eq!(found[0].2, "2024-Q2", "{found:?}");
    let found = tag("It lost money in the quarter ended Jan. 31, 2024.", SAT);
    assert_eq!(found[0].2, "2023-Q4", "{found:?}");
}

#[test]
fn parts_of_the_day_after_an_edge_word() {
    check(
        "By mid afternoon the shelling had stopped.",
        SAT,
        "mid afternoon",
        Time,
        "2024-11-23TAF",
    );
    assert!(tag("She hates the afternoon traffic.", SAT).is_empty());
}

#[test]
fn financial_short_forms() {
    check(
        "Revenue in Q3 2024 beat forecasts.",
        SAT,
        "Q3 2024",
        TimexType::Date,
        "2024-Q3",
    );
    check(
        "Sales fell in H1 of 2023.",
        SAT,
        "H1 of 2023",
        TimexType::Date,
        "2023-H1",
    );
    check(
        "FY2024 guidance was raised.",
        SAT,
        "FY2024",
        TimexType::Date,
        "2024",
    );
    check(
        "Margins improved in FY23.",
        SAT,
        "FY23",
        TimexType::Date,
        "2023",
    );
    check(
        "Guidance for FY 2025 was cut.",
        SAT,
        "FY 2025",
        TimexType::Date,
        "2025",
    );
    // in capitals only: "q3" and "h1" may be anything
    assert_eq!(tag("Press q3 to open the h1 heading.", SAT), vec![]);
}

#[test]
fn a_time_on_a_day_and_machine_timestamps() {
    let found = tag("The strike began at 6 a.m. local time on Monday.", SAT);
    let values: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
    assert_eq!(values, ["2024-11-18T06:00", "2024-11-18"], "{found:?}");
    check(
        "The log was written at 2024-11-20T14:05:30Z by the server.",
        SAT,
        "2024-11-20T14:05:30Z",
        Time,
        "2024-11-20T14:05",
    );
}

#[test]
fn two_units_back_or_on_and_unbroken_runs() {
    check(
        "The truce collapsed the week before last.",
        SAT,
        "the week before last",
        TimexType::Date,
        "2024-W45",
    );
    check(
        "Elections are due the year after next.",
        SAT,
        "the year after next",
        TimexType::Date,
        "2026",
    );
    check(
        "Protests went on for three straight days.",
        SAT,
        "three straight days",
        Duration,
        "P3D",
    );
}

#[test]
fn movable_feasts_and_shopping_days() {
    check(
        "Shops were busy on Black Friday.",
        SAT,
        "Black Friday",
        TimexType::Date,
        "2024-11-29",
    );
    check(
        "The church was full at Easter 2025.",
        SAT,
        "Easter 2025",
        TimexType::Date,
        "2025-04-20",
    );
    check(
        "The rising began on Easter Monday 1916.",
        SAT,
        "Easter Monday 1916",
        TimexType::Date,
        "1916-04-24",
    );
    check(
        "They fasted on Good Friday.",
        None,
        "Good Friday",
        TimexType::Date,
        "XXXX-XX-XX",
    );
}

#[test]
fn far_back_and_a_clock_after_a_weekend() {
    // 2024 - 3000 is the astronomical year -976: 977 BC
    check(
        "The town was settled 3000 years ago.",
        SAT,
        "3000 years ago",
        TimexType::Date,
        "BC0977",
    );
    // a clock time takes the day just named, not the week of a weekend
    let found = tag("They met on the weekend. At 6 a.m. the doors opened.", SAT);
    assert_eq!(found[1].2, "2024-11-23T06:00", "{found:?}");
}

#[test]
fn an_end_looked_ahead_to_from_a_future_or_a_present_perfect() {
    // Thursday 18 September 2008
    let thu = Some("2008-09-18");
    let date = TimexType::Date;
    check(
        "The banks will stay closed until Friday, the ministry said.",
        thu,
        "Friday",
        date,
        "2008-09-19",
    );
    check(
        "Lenders have until Monday to file their claims.",
        thu,
        "Monday",
        date,
        "2008-09-22",
    );
    check(
        "The committee will have reached a verdict by Tuesday.",
        thu,
        "Tuesday",
        date,
        "2008-09-23",
    );
    check(
        "Its doors will remain shut through March.",
        thu,
        "March",
        date,
        "2009-03",
    );
    // a past auxiliary keeps the end behind
    check(
        "The banks were closed until Monday.",
        thu,
        "Monday",
        date,
        "2008-09-15",
    );
    // a future elsewhere in the sentence, past a comma, does not reach the end
    check(
        "Officials will meet, and trading stayed halted until Tuesday.",
        thu,
        "Tuesday",
        date,
        "2008-09-16",
    );
}

#[test]
fn days_that_do_not_exist_are_no_times_and_years_past_9999_stay_open() {
    let found = tag(
        "Officials said on 30 February 2024 that talks would resume, and again on \
         29 February 2024 and on 31 April.",
        SAT,
    );
    let values: Vec<(&str, &str)> = found
        .iter()
        .map(|(w, _, v)| (w.as_str(), v.as_str()))
        .collect();
    assert_eq!(values, [("29 February 2024", "2024-02-29")], "{found:?}");
    check(
        "The talks resume next year.",
        Some("9999-12-31"),
        "next year",
        TimexType::Date,
        "XXXX",
    );
}

#[test]
fn a_typed_date_resolves_against_the_published_date() {
    let published = "2024-11-23".parse().ok();
    let value = |typed: &str| resolve(typed, published).map(|v| v.to_string());
    assert_eq!(value("2024-11-22").as_deref(), Some("2024-11-22"));
    assert_eq!(value("Nov 2024").as_deref(), Some("2024-11"));
    assert_eq!(value(" last Friday. ").as_deref(), Some("2024-11-22"));
    assert_eq!(value("22 November 2024").as_deref(), Some("2024-11-22"));
    for none in [
        "",
        "three years",
        "every Monday",
        "soon after the talks",
        "Nov 2024 and May",
    ] {
        assert_eq!(value(none), None, "{none}");
    }
}

/// (text, value) of each expression the whole analysis gives, the parse's tense included.
fn analysed(text: &str, published: &str) -> Vec<(String, String)> {
    let meta = Meta {
        published: published.parse().ok(),
        ..Meta::default()
    };
    let (doc, _) = Document::from_text(text, meta);
    crate::analysis::analyze(&doc, &Default::default())
        .times
        .into_iter()
        .map(|t| {
            (
                doc.text[t.span.start..t.span.end].to_string(),
                t.value.to_string(),
            )
        })
        .collect()
}

#[test]
fn a_time_takes_the_tense_of_the_verb_it_hangs_on() {
    let value = |text: &str, published: &str, span: &str| {
        let found = analysed(text, published);
        found
            .iter()
            .find(|(s, _)| s == span)
            .unwrap_or_else(|| panic!("{span} in {found:?}"))
            .1
            .clone()
    };
    // a month before a long fronted phrase: its own verb, a past one
    assert_eq!(
        value(
            "In March, two weeks after the worst storm in a century hit the coast, a fire destroyed the old mill.",
            "2024-11-20",
            "March"
        ),
        "2024-03"
    );
    // "will" ahead, though past participles ("repainted") stand nearer, in a sentence the
    // claims have parsed
    assert_eq!(
        value(
            "The mayor said the old bridge will reopen, repaired and repainted, in March.",
            "2024-10-10",
            "March"
        ),
        "2025-03"
    );
    // a present perfect looks ahead to an end, however far its auxiliary stands
    assert_eq!(
        value(
            "The council has kept the old bridge open to the heaviest lorries and buses through March.",
            "2024-06-10",
            "March"
        ),
        "2025-03"
    );
}

#[test]
fn a_year_after_an_approximate_edge_is_a_date_and_a_count_after_at_least_is_none() {
    check(
        "Russia has armed the rebels since at least 2021.",
        SAT,
        "2021",
        TimexType::Date,
        "2021",
    );
    check(
        "The death toll rose to at least 2000 on Friday.",
        SAT,
        "Friday",
        TimexType::Date,
        "2024-11-22",
    );
    check(
        "The truce collapsed after at least 2000 people died on Friday.",
        SAT,
        "Friday",
        TimexType::Date,
        "2024-11-22",
    );
}
