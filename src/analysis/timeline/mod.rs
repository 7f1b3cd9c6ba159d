//! The timeline: the article's events in chronological order, each with a short label from
//! the text, its date when it has one, and the actors its clause names. Undated events are
//! placed by tense and connectives (see `order`).

mod attach;
mod events;
mod lexicon;
mod order;
mod same;

use super::claims::Sentence;
use super::mentions::MentionIndex;
use super::model::{Claim, Event, Timex};
use super::syntax::Syntax;
use super::tokens::{Token, TokenKind, lowercase};
use crate::document::Document;

pub use attach::wants_parse;

pub fn build(
    doc: &Document,
    tokens: &[Token],
    sentences: &[Sentence],
    times: &[Timex],
    syntax: &Syntax,
    claims: &[Claim],
    mentions: &MentionIndex,
) -> Vec<Event> {
    let reports = report_edges(claims);
    let cx = events::Context {
        times,
        reports: &reports,
        syntax,
    };
    let (found, mut actors): (Vec<_>, Vec<_>) = same::fold(
        events::find(doc, tokens, sentences, &cx),
        times,
        &doc.text,
        |span| mentions.mentions_inside(span),
    )
    .into_iter()
    .unzip();
    // a report that says what day it speaks as of is read from that day
    let body = found
        .iter()
        .map(|f| f.span.start)
        .min()
        .unwrap_or(usize::MAX);
    let today = reference_day(doc, tokens, sentences, times, body).or(doc.meta.published);
    let mut within = order::bounds(&found, times, today);
    order::chronological(&found, times, today)
        .into_iter()
        .map(|i| {
            let f = &found[i];
            Event {
                label: f.label.clone(),
                span: f.span,
                time: f.time,
                actors: std::mem::take(&mut actors[i]),
                within: within[i].take(),
                given: None,
                id: None,
            }
        })
        .collect()
}

/// The day of a line that says what day the report speaks as of, "As of 3 May 2024": its
/// words before the date all `reference_lead`, nothing after it but punctuation, and the
/// line before the first event (at `body`): a heading's, not a paragraph's far down that
/// would redate what was told before it.
fn reference_day(
    doc: &Document,
    tokens: &[Token],
    sentences: &[Sentence],
    times: &[Timex],
    body: usize,
) -> Option<jiff::civil::Date> {
    let before_body = |s: &&Sentence| {
        tokens[s.words.clone()]
            .first()
            .is_none_or(|t| t.span.start <= body)
    };
    sentences.iter().take_while(before_body).find_map(|s| {
        let words = &tokens[s.words.clone()];
        let lead_word = |t: &Token| {
            t.is_word() && lexicon::is(lexicon::REFERENCE_LEAD, &lowercase(t.text(&doc.text)))
        };
        let (first, last) = (words.first().filter(|t| lead_word(t))?, words.last()?);
        let span = crate::document::Span::new(first.span.start, last.span.end);
        let date = &times[attach::dates(times, span).next()?];
        let lead = words.iter().take_while(|t| t.span.end <= date.span.start);
        let (start, end) = date.value.interval()?;
        let only_punctuation = words
            .iter()
            .skip_while(|t| t.span.start < date.span.end)
            .all(|t| t.kind == TokenKind::Punct);
        (lead.clone().all(lead_word) && only_punctuation && start == end).then_some(start)
    })
}

/// Where what is reported begins or ends beside its report, by the claims (which read the
/// parse): "The army said Wednesday | it had shelled the airport". The timeline cuts its
/// clauses there, so a time in the report dates the report and not what is reported, and
/// the reported event without a time of its own is not given the report's.
fn report_edges(claims: &[Claim]) -> Vec<usize> {
    let mut edges: Vec<usize> = claims
        .iter()
        .filter_map(|c| {
            let cue = c.cue?;
            if cue.end <= c.span.start {
                Some(c.span.start)
            } else {
                (cue.start >= c.span.end).then_some(c.span.end)
            }
        })
        .collect();
    edges.sort_unstable();
    edges.dedup();
    edges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::model::TimexType;
    use crate::analysis::times::Edge;
    use crate::analysis::tokens::tokenize;
    use crate::document::{Meta, Span};

    /// The timeline's labels and values for `text`, with its time expressions given as
    /// (words, value) rather than found by the tagger, so that only the timeline is tested.
    fn timeline(
        text: &str,
        published: Option<&str>,
        times: &[(&str, &str)],
    ) -> Vec<(String, Option<String>)> {
        let meta = Meta {
            published: published.map(|p| p.parse().unwrap()),
            ..Meta::default()
        };
        let (doc, _) = Document::from_text(text, meta);
        let times: Vec<Timex> = times
            .iter()
            .map(|(words, value)| {
                let start = text.find(words).unwrap();
                // "2024-02 END": the value and the edge its words name
                let (value, edge) = match value.split_once(' ') {
                    Some((value, edge)) => (value, Edge::from_code(edge)),
                    None => (*value, None),
                };
                Timex {
                    span: Span::new(start, start + words.len()),
                    kind: TimexType::Date,
                    value: value.parse().unwrap(),
                    edge,
                }
            })
            .collect();
        let tokens = tokenize(&doc);
        let syntax = Syntax::of(&doc, &tokens);
        let sentences = crate::analysis::claims::sentences(&doc.text, &tokens);
        let mentions = MentionIndex::new(&[]);
        build(&doc, &tokens, &sentences, &times, &syntax, &[], &mentions)
            .into_iter()
            .map(|e| (e.label, e.time.map(|t| times[t].value.to_string())))
            .collect()
    }

    fn labels(events: &[(String, Option<String>)]) -> Vec<&str> {
        events.iter().map(|(l, _)| l.as_str()).collect()
    }

    #[test]
    fn undated_background_goes_before_the_news_and_after_older_dates() {
        let events = timeline(
            "Troops have been sent to the border, officials said. The minister met reporters on Friday. The war began in February 2022.",
            Some("2024-11-23"),
            &[("Friday", "2024-11-22"), ("February 2022", "2022-02")],
        );
        assert_eq!(
            events,
            vec![
                ("The war began".to_string(), Some("2022-02".to_string())),
                ("Troops have been sent to the border".to_string(), None),
                (
                    "The minister met reporters".to_string(),
                    Some("2024-11-22".to_string())
                ),
            ]
        );
    }

    #[test]
    fn an_acronym_in_brackets_splits_no_clause_and_a_dates_preposition_goes_with_it() {
        let events = timeline(
            "Clashes between the Guard (HG) and rebels intensified over the weekend.",
            Some("2024-11-23"),
            &[("the weekend", "2024-W47-WE")],
        );
        assert_eq!(
            events,
            vec![(
                "Clashes between the Guard (HG) and rebels intensified".to_string(),
                Some("2024-W47-WE".to_string())
            )]
        );
    }

    #[test]
    fn an_edge_word_places_a_date_within_its_period() {
        let events = timeline(
            "The talks collapsed in late February. Troops arrived in early February. The army withdrew by the end of the month. The envoy resigned in mid-February.",
            Some("2024-11-23"),
            &[
                ("late February", "2024-02 END"),
                ("early February", "2024-02 START"),
                ("the end of the month", "2024-02 END"),
                ("mid-February", "2024-02 MID"),
            ],
        );
        assert_eq!(
            labels(&events),
            vec![
                "Troops arrived",
                "The envoy resigned",
                "The talks collapsed",
                "The army withdrew"
            ]
        );
    }

    #[test]
    fn a_run_of_prepositions_before_a_date_leaves_the_label_with_it() {
        let events = timeline(
            "The depot was struck at about 3 a.m. on Monday.",
            Some("2024-11-23"),
            &[("3 a.m.", "2024-11-18")],
        );
        assert_eq!(labels(&events), vec!["The depot was struck on Monday"]);
    }

    #[test]
    fn a_label_leaves_out_the_dates_preposition_and_the_part_of_the_day_it_names() {
        for (text, date, label) in [
            (
                "Rain is due toward the end of the week.",
                "the end of the week",
                "Rain is due",
            ),
            (
                "Prices rose amid the talks and fell past midnight.",
                "midnight",
                "Prices rose amid the talks and fell",
            ),
            (
                "On the morning of 12 March the bridge fell.",
                "12 March",
                "the bridge fell",
            ),
            (
                "The mine closed in the early hours of Monday.",
                "Monday",
                "The mine closed",
            ),
            (
                "Output fell in the latter part of 2023.",
                "2023",
                "Output fell",
            ),
        ] {
            let events = timeline(text, Some("2024-03-05"), &[(date, "2024-03-04")]);
            assert_eq!(labels(&events), vec![label], "{text}");
        }
    }

    #[test]
    fn a_capitalised_verb_form_in_a_name_or_before_a_noun_is_no_event() {
        for (text, date, label) in [
            (
                "The Royal Armed Forces, speaking on Monday, said nothing.",
                "Monday",
                "The Royal Armed Forces said nothing",
            ),
            (
                "The United States Armed Forces, on Friday, announced new drills.",
                "Friday",
                "The United States Armed Forces announced new drills",
            ),
            (
                "Armed men, on Wednesday, attacked a convoy.",
                "Wednesday",
                "Armed men attacked a convoy",
            ),
            (
                "Airbus unveiled plans on Monday.",
                "Monday",
                "Airbus unveiled plans",
            ),
        ] {
            let events = timeline(text, Some("2024-03-05"), &[(date, "2024-03-04")]);
            assert_eq!(labels(&events), vec![label], "{text}");
        }
    }

    #[test]
    fn an_opener_inside_a_time_expression_opens_no_clause() {
        let events = timeline(
            "The report came out the week before last.",
            Some("2024-03-05"),
            &[("the week before last", "2024-W08")],
        );
        assert_eq!(
            events,
            vec![(
                "The report came out".to_string(),
                Some("2024-W08".to_string())
            )]
        );
    }

    #[test]
    fn a_date_standing_alone_dates_no_verbless_name() {
        // the clause after the date has a date of its own; the one before is a name, whose
        // word in -ed is no verb, and an event noun in a name states nothing
        for subject in [
            "The Philippine armed forces chief",
            "The Flood Disaster Agency (FDA)",
        ] {
            let text = format!("{subject}, speaking on Monday, said the troops left on Sunday.");
            let events = timeline(
                &text,
                Some("2024-11-23"),
                &[("Monday", "2024-11-18"), ("Sunday", "2024-11-17")],
            );
            assert!(
                events.iter().all(|(label, _)| label != subject),
                "{subject}: {events:?}"
            );
            let events = timeline(
                &format!("{subject}, speaking on Monday, warned of floods."),
                Some("2024-11-23"),
                &[("Monday", "2024-11-18")],
            );
            let warned = format!("{subject} warned of floods");
            assert_eq!(labels(&events), vec![warned.as_str()]);
            // in the whole analysis, which splits the report from what it reports, the name
            // is the subject of the verb after it, which the date dates
            let events = analysed(&text);
            let said =
                |e: &&(String, Option<String>, Option<String>)| e.0 == format!("{subject} said");
            let said = events.iter().find(said);
            assert_eq!(
                said.and_then(|e| e.1.as_deref()),
                Some("2024-11-18"),
                "{subject}: {events:?}"
            );
        }
    }

    #[test]
    fn an_edge_word_does_not_move_the_news_peg() {
        for (date, value) in [("late November", "2024-11 END"), ("November", "2024-11")] {
            let events = timeline(
                &format!("The talks collapsed in {date}. The army had withdrawn its troops."),
                Some("2024-11-23"),
                &[(date, value)],
            );
            assert_eq!(
                labels(&events),
                vec!["The talks collapsed", "The army had withdrawn its troops"],
                "{date}"
            );
        }
    }

    #[test]
    fn a_date_that_modifies_an_object_or_is_a_comparisons_base_dates_no_event() {
        let events = timeline(
            "Acme lowered its 2025 outlook on Tuesday. Sales rose to $5 billion, a 30 percent increase on a year earlier. The 2024 election was held peacefully.",
            Some("2024-11-23"),
            &[
                ("2025", "2025"),
                ("Tuesday", "2024-11-19"),
                ("a year earlier", "2023"),
                ("2024", "2024"),
            ],
        );
        assert_eq!(
            events,
            vec![
                (
                    "The election was held peacefully".to_string(),
                    Some("2024".to_string())
                ),
                ("Sales rose to $5 billion".to_string(), None),
                (
                    "Acme lowered its 2025 outlook".to_string(),
                    Some("2024-11-19".to_string())
                ),
            ]
        );
    }

    #[test]
    fn a_date_after_a_preposition_without_a_comparison_dates_its_event() {
        for (text, date, value) in [
            (
                "Rebels attacked the town over last weekend.",
                "last weekend",
                "2024-W46-WE",
            ),
            (
                "The army took control of the port on last Monday.",
                "last Monday",
                "2024-11-18",
            ),
            (
                "Rebels attacked the town on the day before.",
                "the day before",
                "2024-11-22",
            ),
        ] {
            let events = timeline(text, Some("2024-11-23"), &[(date, value)]);
            assert_eq!(events.len(), 1, "{text}: {events:?}");
            assert_eq!(events[0].1.as_deref(), Some(value), "{text}");
        }
    }

    #[test]
    fn a_date_before_a_noun_dates_the_event_unless_the_noun_is_a_plan() {
        let dated = |text: &str, times: &[(&str, &str)]| {
            timeline(text, Some("2024-11-23"), times)
                .into_iter()
                .map(|(_, time)| time)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            dated(
                "Kenya hosted the 2023 climate summit in Nairobi.",
                &[("2023", "2023")]
            ),
            vec![Some("2023".to_string())]
        );
        assert_eq!(
            dated(
                "The party won the 2019 election by a landslide.",
                &[("2019", "2019")]
            ),
            vec![Some("2019".to_string())]
        );
        assert_eq!(
            dated(
                "Acme raised its 2025 growth forecast on Monday.",
                &[("2025", "2025"), ("Monday", "2024-11-18")]
            ),
            vec![Some("2024-11-18".to_string())]
        );
    }

    #[test]
    fn a_label_leaves_out_the_dates_joined_to_its_date() {
        let events = timeline(
            "Similar rules were announced in September and October 2023.",
            Some("2024-11-23"),
            &[("September", "2023-09"), ("October 2023", "2023-10")],
        );
        assert_eq!(
            events,
            vec![(
                "Similar rules were announced".to_string(),
                Some("2023-09".to_string())
            )]
        );
    }

    #[test]
    fn a_possessive_date_stays_in_its_label() {
        let events = timeline(
            "The senators clashed at Tuesday's debate.",
            Some("2024-11-23"),
            &[("Tuesday", "2024-11-19")],
        );
        assert_eq!(
            events,
            vec![(
                "The senators clashed at Tuesday's debate".to_string(),
                Some("2024-11-19".to_string())
            )]
        );
    }

    #[test]
    fn a_label_closes_the_quotation_it_opens() {
        let events = timeline(
            "On Monday the mayor called the plan “reckless.” On Friday the council called the new budget “a sensible and overdue correction to years of drift in the city's finances and planning” in a vote.",
            Some("2024-11-23"),
            &[("Monday", "2024-11-18"), ("Friday", "2024-11-22")],
        );
        assert_eq!(
            labels(&events),
            vec![
                "the mayor called the plan “reckless”",
                "the council called the new budget “a sensible…”"
            ]
        );
    }

    #[test]
    fn a_lone_verb_takes_the_sentence_subject_and_a_lone_undated_word_is_no_event() {
        let events = timeline(
            "Ana Ruiz, the envoy, warned on Saturday that the truce was fragile. The photo shows Ruiz (left).",
            Some("2024-11-23"),
            &[("Saturday", "2024-11-23")],
        );
        assert_eq!(
            events,
            vec![(
                "Ana Ruiz warned".to_string(),
                Some("2024-11-23".to_string())
            )]
        );
    }

    #[test]
    fn connectives_place_undated_events_after_what_they_name() {
        let events = timeline(
            "The talks collapsed on Friday. Russia has faced sanctions following its invasion of Ukraine. Prices rose. The invasion of Ukraine began in February 2022.",
            Some("2024-11-23"),
            &[("Friday", "2024-11-22"), ("February 2022", "2022-02")],
        );
        assert_eq!(
            labels(&events),
            vec![
                "The invasion of Ukraine began",
                "Russia has faced sanctions",
                "Prices rose",
                "The talks collapsed"
            ]
        );
        let events = timeline(
            "Before the vote took place in March 2020, protesters marched. Riots erupted since the vote.",
            Some("2021-01-10"),
            &[("March 2020", "2020-03")],
        );
        assert_eq!(
            labels(&events),
            vec!["protesters marched", "the vote took place", "Riots erupted"]
        );
    }

    #[test]
    fn negated_and_hypothetical_events_are_not_events_and_the_future_comes_last() {
        let events = timeline(
            "Officials will meet in Geneva. Russia has not sent troops. North Korea could send troops. Rebels seized the airport.",
            Some("2024-11-23"),
            &[],
        );
        assert_eq!(
            labels(&events),
            vec!["Rebels seized the airport", "Officials will meet in Geneva"]
        );
    }

    #[test]
    fn without_a_published_date_a_weekday_goes_with_the_news_after_the_texts_dates() {
        let events = timeline(
            "The ministers met on Friday. The treaty was signed in October 2020. The talks \
             failed in 2019. Elections will take place.",
            None,
            &[
                ("Friday", "XXXX-WXX-5"),
                ("October 2020", "2020-10"),
                ("2019", "2019"),
            ],
        );
        assert_eq!(
            labels(&events),
            vec![
                "The talks failed",
                "The treaty was signed",
                "The ministers met",
                "Elections will take place"
            ]
        );
    }

    #[test]
    fn without_a_published_date_the_undated_past_is_not_put_before_a_background_date() {
        let text = "Rebels seized the airport. Troops have been sent to the border. The war \
                    began in February 2022.";
        let events = timeline(text, None, &[("February 2022", "2022-02")]);
        assert_eq!(
            labels(&events),
            vec![
                "The war began",
                "Rebels seized the airport",
                "Troops have been sent to the border"
            ]
        );
        let meta = Meta::default();
        let (doc, _) = Document::from_text(text, meta);
        let analysis = crate::analysis::analyze(&doc, &crate::analysis::UserLexicon::default());
        assert!(
            analysis.timeline.iter().all(|e| e.within.is_none()),
            "{:?}",
            analysis.timeline
        );
    }

    #[test]
    fn a_participle_describing_the_subject_takes_the_tense_of_the_clauses_verb() {
        let events = analysed(
            "The number of people killed is likely to rise. Troops deployed in the east are \
             expected to withdraw. Rebels attacked in the night and were repelled. Crowds \
             marched around the square chanting “We will stay”. Fighting escalated in the \
             north as talks were stalled. Rebels shelled in the night but were repelled.",
        );
        let within = |label: &str| event(&events, label).2.as_deref();
        for future in ["people killed is likely to rise", "Troops deployed"] {
            assert_eq!(within(future), Some("after 23 Nov 2024"));
        }
        for past in [
            "Rebels attacked",
            "Crowds marched",
            "Fighting escalated",
            "Rebels shelled",
        ] {
            assert_eq!(within(past), Some("before 23 Nov 2024"));
        }
    }

    #[test]
    fn labels_are_short_and_end_on_a_content_word() {
        let events = timeline(
            "More than 10,000 soldiers from the northern provinces have been sent to the eastern front to assist with various operations.",
            Some("2024-11-23"),
            &[],
        );
        let label = &events[0].0;
        assert!(label.chars().count() <= 64, "{label}");
        assert_eq!(
            label,
            "More than 10,000 soldiers from the northern provinces"
        );
    }

    #[test]
    fn nouns_and_adjectives_that_look_like_verbs_are_not_events() {
        let events = timeline(
            "These supplies are seen as part of a plan. Sanctions remain in place for increased security. Russia supplies the rebels.",
            Some("2024-11-23"),
            &[],
        );
        assert_eq!(labels(&events), vec!["Russia supplies the rebels"]);
    }

    #[test]
    fn long_labels_are_cut_where_a_phrase_ends() {
        let events = timeline(
            "Rebels have seized the airport and three government buildings in the northern province.",
            Some("2024-11-23"),
            &[],
        );
        assert_eq!(
            labels(&events),
            vec!["Rebels have seized the airport and three government buildings"]
        );
    }

    #[test]
    fn a_published_line_is_not_an_event() {
        let events =
            analysed("Published 14 October 2025\n\nThe river flooded 40 villages on Sunday.");
        assert_eq!(events.len(), 1, "{events:?}");
        assert_eq!(events[0].0, "The river flooded 40 villages");
    }

    #[test]
    fn a_participle_that_is_also_a_dateline_label_is_an_event_in_a_sentence() {
        let events = analysed("The hostages, released on Friday, returned home.");
        assert!(
            events.iter().any(|e| e.1.as_deref() == Some("2024-11-22")),
            "{events:?}"
        );
    }

    #[test]
    fn a_copula_in_its_base_form_takes_the_tense_of_the_auxiliary_before_it() {
        let events = analysed(
            "The crossings remain closed.\n\nThe bridge will remain closed.\n\nThe port did not remain closed.",
        );
        let within = |label: &str| {
            let event = events.iter().find(|e| e.0.contains(label));
            event.map(|e| e.2.clone())
        };
        assert_eq!(
            within("crossings"),
            Some(Some("as of 23 Nov 2024".into())),
            "{events:?}"
        );
        assert_eq!(
            within("bridge"),
            Some(Some("after 23 Nov 2024".into())),
            "{events:?}"
        );
        assert_eq!(within("port"), None, "{events:?}");
    }

    #[test]
    fn a_dateline_is_not_an_event() {
        let events = timeline(
            "BRUSSELS 1996-08-22\n\nThe Commission met.",
            Some("1996-08-22"),
            &[("1996-08-22", "1996-08-22")],
        );
        assert_eq!(labels(&events), vec!["The Commission met"]);
    }

    #[test]
    fn a_wire_dateline_and_a_list_mark_are_no_part_of_an_event() {
        let events = analysed(
            "TIRANA, March 4 (Newswire) - Rebels seized the airport on Friday, the government \
             said.\n\n- Troops were sent to the border on Thursday.",
        );
        assert_eq!(
            labels_and_values(&events),
            vec![
                ("Troops were sent to the border", Some("2024-11-21")),
                ("Rebels seized the airport", Some("2024-11-22")),
            ]
        );
        // a range's dash is no dateline's
        let events = analysed("November 3-9 Talks were held in Doha.");
        assert_eq!(
            dated(&events, "Talks were held in Doha"),
            Some("2024-11-03")
        );
    }

    /// Each event's label and value, in order.
    fn labels_and_values(
        events: &[(String, Option<String>, Option<String>)],
    ) -> Vec<(&str, Option<&str>)> {
        events
            .iter()
            .map(|e| (e.0.as_str(), e.1.as_deref()))
            .collect()
    }

    /// The whole analysis of `text` published on Saturday 23 November 2024: each event's
    /// label, value and known interval in words.
    fn analysed(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let meta = Meta {
            published: Some(jiff::civil::date(2024, 11, 23)),
            ..Meta::default()
        };
        let (doc, _) = Document::from_text(text, meta);
        let analysis = crate::analysis::analyze(&doc, &crate::analysis::UserLexicon::default());
        analysis
            .timeline
            .iter()
            .map(|e| {
                (
                    e.label.clone(),
                    e.time.map(|t| analysis.times[t].value.to_string()),
                    e.within.map(|w| w.words()),
                )
            })
            .collect()
    }

    #[test]
    fn an_undated_event_shows_the_interval_it_lies_in() {
        let events = analysed(
            "The invasion began in February 2022. The army has lost thousands of tanks since the invasion. \
             The minister met reporters on Friday. Troops have been sent to the border. \
             The ministry will open new talks.",
        );
        let within = |label: &str| {
            events
                .iter()
                .find(|e| e.0.contains(label))
                .unwrap_or_else(|| panic!("{label} in {events:?}"))
                .2
                .clone()
        };
        // what has gone on since goes on up to publication
        assert_eq!(
            within("lost thousands of tanks").as_deref(),
            Some("between Feb 2022 and 23 Nov 2024")
        );
        assert_eq!(
            within("Troops have been sent").as_deref(),
            Some("before 22 Nov 2024")
        );
        assert_eq!(
            within("will open new talks").as_deref(),
            Some("after 23 Nov 2024")
        );
        assert_eq!(
            within("The invasion began"),
            None,
            "a dated event has its date"
        );
    }

    #[test]
    fn a_state_told_in_the_present_holds_as_of_publication() {
        let events = analysed(
            "Fighting reached the western districts on Tuesday. The response plan is only \
             16 per cent funded, the agency said. The main border crossing remains closed.",
        );
        let at = |label: &str| {
            events
                .iter()
                .position(|e| e.0.contains(label))
                .unwrap_or_else(|| panic!("{label} in {events:?}"))
        };
        for state in ["16 per cent funded", "remains closed"] {
            assert_eq!(
                events[at(state)].2.as_deref(),
                Some("as of 23 Nov 2024"),
                "{events:?}"
            );
            assert!(at("Fighting reached") < at(state), "{events:?}");
        }
        // a share of a past event is still past
        let events = analysed("Only 40 per cent of the aid was delivered.");
        assert_eq!(events[0].2.as_deref(), Some("before 23 Nov 2024"));
        // a perfect since the published day lies within that day, and is no present state
        let events = analysed("Since 23 November, at least 200 people have been killed.");
        assert_eq!(
            events[0].2.as_deref(),
            Some("during 23 Nov 2024"),
            "{events:?}"
        );
    }

    #[test]
    fn since_a_date_an_event_lies_between_it_and_publication() {
        for text in [
            "Since 10 May, at least 200 civilians have been killed in the city. Aid workers \
             were evacuated on Friday.",
            "At least 200 civilians have been killed in the city since 10 May. Aid workers \
             were evacuated on Friday.",
        ] {
            let events = analysed(text);
            let (label, value, within) = &events[0];
            assert!(
                label.ends_with("civilians have been killed in the city"),
                "{text}: {events:?}"
            );
            assert_eq!(value, &None);
            assert_eq!(
                within.as_deref(),
                Some("between 10 May 2024 and 23 Nov 2024"),
                "{text}: {events:?}"
            );
            assert_eq!(events[1].1.as_deref(), Some("2024-11-22"));
        }
        // an approximate date is still one
        let events = analysed("Russia has been arming the rebels since at least 2021.");
        assert_eq!(
            events[0].2.as_deref(),
            Some("between 2021 and 23 Nov 2024"),
            "{events:?}"
        );
        // until a date: before it
        let events = analysed("Until March, aid was delivered through the port.");
        assert_eq!(
            events[0].2.as_deref(),
            Some("before Mar 2024"),
            "{events:?}"
        );
    }

    /// The first event of `events` whose label holds `words`.
    fn event<'a>(
        events: &'a [(String, Option<String>, Option<String>)],
        words: &str,
    ) -> &'a (String, Option<String>, Option<String>) {
        events
            .iter()
            .find(|e| e.0.contains(words))
            .unwrap_or_else(|| panic!("{words} in {events:?}"))
    }

    /// The value of the event of `events` whose label holds `words`.
    fn dated<'a>(
        events: &'a [(String, Option<String>, Option<String>)],
        words: &str,
    ) -> Option<&'a str> {
        event(events, words).1.as_deref()
    }

    #[test]
    fn a_time_in_a_report_dates_the_report_not_what_it_reports() {
        let events = analysed(
            "The army said Wednesday it had shelled the airport. \
             A newspaper reported on Friday that police raided the office on Sept. 2. \
             Rebels seized the depot on Monday, the ministry said on Thursday.",
        );
        assert_eq!(dated(&events, "The army said"), Some("2024-11-20"));
        assert_eq!(dated(&events, "shelled the airport"), None, "{events:?}");
        assert_eq!(dated(&events, "A newspaper reported"), Some("2024-11-22"));
        assert_eq!(
            dated(&events, "police raided the office"),
            Some("2024-09-02")
        );
        assert_eq!(
            dated(&events, "Rebels seized the depot"),
            Some("2024-11-18")
        );
        assert_eq!(dated(&events, "the ministry said"), Some("2024-11-21"));
        // what the report tells in the past lies before it, and is placed just before it
        let shelled = events.iter().position(|e| e.0.contains("shelled")).unwrap();
        assert_eq!(events[shelled].2.as_deref(), Some("before 20 Nov 2024"));
        assert!(
            events[shelled + 1].0.contains("The army said"),
            "{events:?}"
        );
        let events = analysed(
            "The ministry said on Monday that troops had left the town. Rebels seized the \
             depot on Monday, and officials said the rebels had looted it. Talks resumed on \
             Thursday.",
        );
        let within = |label: &str| {
            events
                .iter()
                .find(|e| e.0.contains(label))
                .unwrap()
                .2
                .clone()
        };
        assert_eq!(
            within("troops had left").as_deref(),
            Some("before 18 Nov 2024")
        );
        // a dated event before a report that is no event is not the report: the looting is
        // bounded by the news peg (Thursday), not by Monday's seizure
        assert_eq!(
            within("had looted").as_deref(),
            Some("before 21 Nov 2024"),
            "{events:?}"
        );
        // an object and infinitive is no clause of its own: the order is the event
        let events = analysed("On Monday the court ordered the operator to release more water.");
        assert_eq!(
            dated(
                &events,
                "the court ordered the operator to release more water"
            ),
            Some("2024-11-18")
        );
    }

    #[test]
    fn a_relative_clause_set_off_by_commas_gives_its_antecedent_to_both_verbs() {
        let events =
            analysed("The president, who took office in 2019, signed the decree on Friday.");
        assert_eq!(
            labels_and_values(&events),
            vec![
                ("The president who took office", Some("2019")),
                ("The president signed the decree", Some("2024-11-22")),
            ]
        );
    }

    #[test]
    fn of_several_dates_an_event_has_the_one_its_verb_carries() {
        let events = analysed("The ministers who met in March signed the treaty on Friday.");
        assert_eq!(
            events,
            vec![(
                "The ministers who met in March signed the treaty".to_string(),
                Some("2024-11-22".to_string()),
                None
            )]
        );
    }

    #[test]
    fn one_happening_stated_twice_is_one_event_dated_by_its_dated_statement() {
        let events = analysed(
            "Russia has provided missiles to North Korea, Seoul says. \
             Russia provided the missiles to North Korea on Monday, officials said.",
        );
        assert_eq!(events.len(), 1, "{events:?}");
        assert_eq!(events[0].1.as_deref(), Some("2024-11-18"));
        let events = analysed(
            "Russia has provided anti-air missiles to North Korea. \
             The missiles have also been provided to North Korea by Russia, officials said.",
        );
        assert_eq!(events.len(), 1, "{events:?}");
        // verbs of one kind, and the actors of the one all among the other's
        let events = analysed(
            "Russia has been supplying anti-air missiles and other military equipment to North \
             Korea for its war in Ukraine. According to the minister, the Russian government \
             has provided significant military aid to North Korea.",
        );
        assert_eq!(events.len(), 1, "{events:?}");
    }

    #[test]
    fn other_happenings_stay_apart() {
        // another verb, other actors, no word in common, another tense
        for text in [
            "Russia has provided missiles to North Korea. Russia has sent missiles to North Korea.",
            "Russia has provided missiles to North Korea. Russia has provided missiles to Syria.",
            "Russia has provided missiles to North Korea. Russia has provided food to North Korea.",
            "Russia has provided missiles to North Korea. Russia will provide missiles to North Korea.",
            "Russia has provided missiles to North Korea. Russia has supplied missiles to Syria and North Korea.",
            "Russia has attacked the port. The army has seized the port.",
        ] {
            assert_eq!(analysed(text).len(), 2, "{text}: {:?}", analysed(text));
        }
    }

    #[test]
    fn a_past_told_in_a_clause_under_a_date_of_an_earlier_era_is_placed_in_it() {
        let events = analysed(
            "North Korea fired a missile on Tuesday. It fired another on Friday. \
             The late leader ruled until 2011, when the country conducted two nuclear tests.",
        );
        let at = |label: &str| {
            events
                .iter()
                .position(|e| e.0.contains(label))
                .unwrap_or_else(|| panic!("{label} in {events:?}"))
        };
        assert!(
            at("conducted two nuclear tests") < at("fired a missile"),
            "{events:?}"
        );
        // a main clause is not of the era a clause inside it names ("the bill that Congress
        // passed in 1994"), nor of the news' own dates
        for text in [
            "North Korea fired a missile on Tuesday. The senator called the bill that Congress \
             passed in 1994 a success. The talks opened on Friday.",
            "North Korea fired a missile on Tuesday. The envoy arrived on Thursday, when he \
             met the press.",
        ] {
            let events = analysed(text);
            let at = |label: &str| events.iter().position(|e| e.0.contains(label));
            let (fired, later) = (at("fired a missile"), at("called").or(at("met the press")));
            assert!(fired < later, "{events:?}");
        }
    }

    #[test]
    fn a_verb_with_a_negative_subject_is_no_event() {
        let events = analysed("Ten rockets were fired on Monday, and none hit the port.");
        assert!(
            !events.iter().any(|e| e.0.contains("hit the port")),
            "{events:?}"
        );
    }

    #[test]
    fn a_date_dates_the_coordinated_verb_phrase_it_is_in() {
        let events = analysed(
            "The ministry reopened the canal, which was built by convicts in the last \
             century and has burst its banks several times, most recently in 2019.",
        );
        assert_eq!(event(&events, "built by convicts").1, None, "{events:?}");
        assert_eq!(event(&events, "burst its banks").1.as_deref(), Some("2019"));
    }

    #[test]
    fn a_date_opening_the_sentence_dates_the_clause_joined_to_the_first() {
        let events = analysed(
            "On 3 March the old bridge collapsed, blocking the river, and hundreds of \
             residents left the valley.",
        );
        let left = event(&events, "residents left the valley");
        assert_eq!(left.1.as_deref(), Some("2024-03-03"), "{events:?}");
        // not a clause in another tense, nor one with no date opening the sentence
        let events = analysed("The old bridge collapsed on 3 March, and residents left.");
        assert_eq!(event(&events, "residents left").1, None, "{events:?}");
        // nor one that says it came after
        let events = analysed("In 1995 the factory opened, and it later closed.");
        assert_eq!(event(&events, "later closed").1, None, "{events:?}");
    }

    #[test]
    fn a_when_clause_after_a_date_happened_then() {
        let events = analysed("The two unions last met in 2017, when the strike ended.");
        assert_eq!(
            event(&events, "the strike ended").1.as_deref(),
            Some("2017")
        );
    }

    #[test]
    fn since_then_follows_the_last_date_before_it() {
        let events = analysed(
            "The two unions last met in 2017. Since then, the companies have cut wages twice.",
        );
        assert_eq!(
            event(&events, "have cut wages").2.as_deref(),
            Some("between 2017 and 23 Nov 2024")
        );
    }

    #[test]
    fn a_line_saying_what_day_a_report_speaks_as_of_is_its_reference() {
        let events =
            analysed("As of 20 November 2024\n\nThe bridge remains closed. Two clinics have shut.");
        let within = |label: &str| event(&events, label).2.clone();
        assert_eq!(
            within("remains closed").as_deref(),
            Some("as of 20 Nov 2024")
        );
        assert_eq!(within("have shut").as_deref(), Some("before 20 Nov 2024"));
        // a line far down, after what it would redate, is none
        let events = analysed("Two clinics have shut.\n\nAs of 20 November 2024\n");
        assert_eq!(
            event(&events, "have shut").2.as_deref(),
            Some("before 23 Nov 2024")
        );
    }

    #[test]
    fn a_date_premodifying_a_noun_gives_way_to_the_verbs_own() {
        let events = analysed("The insurer will publish its third-quarter figures on December 4.");
        let value = events[0].1.clone().unwrap_or_default();
        assert!(value.ends_with("-12-04"), "{events:?}");
    }

    #[test]
    fn a_participle_set_off_after_a_noun_keeps_the_noun_in_its_label() {
        let events = analysed(
            "The merger, agreed in March, will close next year, the bank said on Tuesday.",
        );
        assert!(
            events.iter().any(|e| e.0 == "The merger agreed"),
            "{events:?}"
        );
    }

    #[test]
    fn an_event_told_between_two_dates_lies_between_them() {
        let events = analysed("Mobile teams vaccinated 3,000 children between 2 and 9 June.");
        let vaccinated = event(&events, "vaccinated");
        assert_eq!(vaccinated.1, None, "{events:?}");
        assert_eq!(
            vaccinated.2.as_deref(),
            Some("between 2 Jun 2024 and 9 Jun 2024")
        );
        let events = analysed("The road was shut from 4 March to 20 April.");
        assert_eq!(
            event(&events, "road was shut").2.as_deref(),
            Some("between 4 Mar 2024 and 20 Apr 2024")
        );
        // a date moved from one day to another changes, it does not last
        let events = analysed("The vote was moved from 4 March to 20 April.");
        assert!(event(&events, "vote was moved").1.is_some(), "{events:?}");
    }

    #[test]
    fn a_past_told_over_the_past_hours_lies_between_then_and_publication() {
        let events = analysed("The river fell by a metre over the past 48 hours.");
        assert_eq!(
            event(&events, "river fell").2.as_deref(),
            Some("between 21 Nov 2024 and 23 Nov 2024")
        );
        let events = analysed("Two dams have collapsed in the last two weeks.");
        assert_eq!(
            event(&events, "have collapsed").2.as_deref(),
            Some("between 9 Nov 2024 and 23 Nov 2024")
        );
    }
}
