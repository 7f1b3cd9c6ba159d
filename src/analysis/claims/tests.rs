use super::*;
use crate::analysis::tokens::tokenize;
use crate::document::Meta;

/// (source, cue, content pieces, kind, hedges) of each claim, as text.
#[derive(Debug, PartialEq)]
struct Seen {
    source: Option<String>,
    cue: Option<String>,
    content: Vec<String>,
    kind: ClaimKind,
    hedges: Vec<String>,
    contradicts: Vec<usize>,
}

fn claims(text: &str) -> Vec<Seen> {
    let (doc, _) = Document::from_text(text, Meta::default());
    let tokens = tokenize(&doc);
    let cut = |s: Span| doc.slice(s).to_string();
    let syntax = Syntax::of(&doc, &tokens);
    extract(
        &doc,
        &tokens,
        &sentences(&doc.text, &tokens),
        &syntax,
        &MentionIndex::new(&[]),
        &UserLexicon::default(),
    )
    .into_iter()
    .map(|c| Seen {
        source: c.source.map(|s| cut(s.span)),
        cue: c.cue.map(cut),
        content: c
            .fragments
            .unwrap_or(vec![c.span])
            .into_iter()
            .map(cut)
            .collect(),
        kind: c.kind,
        hedges: c.hedges.into_iter().map(cut).collect(),
        contradicts: c.contradicts,
    })
    .collect()
}

fn one(text: &str) -> Seen {
    let mut all = claims(text);
    assert_eq!(all.len(), 1, "{all:#?}");
    all.remove(0)
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn direct_quote_before_its_source() {
    let c = one("“The bridge will reopen in May,” the mayor said on Tuesday.");
    assert_eq!(c.source, some("the mayor"));
    assert_eq!(c.cue, some("said"));
    assert_eq!(c.content, vec!["“The bridge will reopen in May,”"]);
    assert_eq!(c.kind, ClaimKind::Prediction);
    assert!(c.hedges.is_empty());
}

#[test]
fn inverted_source_after_the_cue() {
    let c = one("\"We have no comment at this time\", said Ruth Mbeki, a spokeswoman.");
    assert_eq!(c.source, some("Ruth Mbeki, a spokeswoman"));
    assert_eq!(c.content, vec!["\"We have no comment at this time\""]);
}

#[test]
fn colon_quote_runs_over_sentences() {
    let c = one("The coach said: “We played badly. We lost.” Fans left early.");
    assert_eq!(c.source, some("The coach"));
    assert_eq!(c.content, vec!["“We played badly. We lost.”"]);
}

#[test]
fn split_quote_has_fragments() {
    let c = one("“Prices are rising,” she said, “and wages are not.”");
    assert_eq!(c.source, some("she"));
    assert_eq!(
        c.content,
        vec!["“Prices are rising,”", "“and wages are not.”"]
    );
}

#[test]
fn parenthetical_source_splits_indirect_content() {
    let c = one("The harvest, farmers said, was the worst in a decade.");
    assert_eq!(c.source, some("farmers"));
    assert_eq!(c.content, vec!["The harvest", "was the worst in a decade"]);
}

#[test]
fn indirect_speech_with_apposition_and_auxiliaries() {
    let c = one("Maria Duarte, the port's director, has repeatedly said that cargo volumes fell.");
    assert_eq!(c.source, some("Maria Duarte, the port's director"));
    assert_eq!(c.cue, some("has repeatedly said"));
    assert_eq!(c.content, vec!["that cargo volumes fell"]);
}

#[test]
fn told_skips_its_listener() {
    let c = one("The minister told reporters the talks had stalled.");
    assert_eq!(c.source, some("The minister"));
    assert_eq!(c.content, vec!["the talks had stalled"]);
}

#[test]
fn according_to_leading_and_trailing() {
    let c = one("According to the census office, the city grew by 4 percent.");
    assert_eq!(c.source, some("the census office"));
    assert_eq!(c.content, vec!["the city grew by 4 percent"]);
    let c = one("The city grew by 4 percent, according to the census office.");
    assert_eq!(c.source, some("the census office"));
    assert_eq!(c.content, vec!["The city grew by 4 percent"]);
}

#[test]
fn sourceless_reports_keep_their_hedges() {
    let c = one("The factory has reportedly closed its doors.");
    assert_eq!(c.source, None);
    assert_eq!(c.cue, some("reportedly"));
    assert_eq!(
        c.content,
        vec!["The factory has reportedly closed its doors"]
    );
    assert_eq!(c.hedges, vec!["reportedly"]);
    let c = one("It is estimated that 300 homes may have flooded.");
    assert_eq!(c.source, None);
    assert_eq!(c.cue, some("It is estimated"));
    assert_eq!(c.content, vec!["that 300 homes may have flooded"]);
    assert_eq!(c.kind, ClaimKind::Estimate);
    assert_eq!(c.hedges, vec!["It is estimated", "may"]);
    let c = one("The reform is seen as a test for the government.");
    assert_eq!(c.source, None);
    assert_eq!(c.kind, ClaimKind::Assessment);
}

#[test]
fn kinds_come_from_cues() {
    let kinds: Vec<ClaimKind> = claims(
        "Engineers warned that the dam could fail. Experts believe the plan works. \
         The union estimated that 900 jobs went. The firm dismissed the report as false.",
    )
    .into_iter()
    .map(|c| c.kind)
    .collect();
    use ClaimKind::*;
    assert_eq!(kinds, vec![Warning, Assessment, Estimate, Denial]);
}

#[test]
fn participle_takes_the_main_subject_and_ends_the_earlier_content() {
    let all = claims("The governor rejected the bill, saying that it was unfair to farmers.");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[0].content, vec!["the bill"]);
    assert_eq!(all[1].source, some("The governor"));
    assert_eq!(all[1].content, vec!["that it was unfair to farmers"]);
}

#[test]
fn negated_claim_denies_an_earlier_one() {
    let all = claims(
        "Inspectors said the company had dumped chemical waste into the river. \
         The company insisted that it had not dumped any chemical waste into the river.",
    );
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1].kind, ClaimKind::Denial);
    assert_eq!(all[1].contradicts, vec![0]);
    assert!(all[0].contradicts.is_empty());
}

#[test]
fn nouns_and_names_are_not_cues() {
    assert!(claims("The report was long. Grace Hope arrived late.").is_empty());
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "said",
        "“",
        "According to",
        ", said .",
        "He said: “",
        "🙂 said 🙂 “x”",
    ] {
        claims(text);
    }
    // run-on text with a cue every few words is read in linear time (quadratic would hang
    // here), and no content is longer than a claim can be
    let run_on = "x said, y reportedly told ".repeat(20_000);
    let longest = claims(&run_on)
        .iter()
        .map(|c| c.content.concat().len())
        .max();
    assert!(longest.unwrap_or(0) < 5_000);
}

#[test]
fn a_quote_with_a_titled_speaker_of_its_own_is_no_continuation() {
    let found = claims(
        "The ministry denied that the ship had entered the bay. “Nobody should doubt our \
         resolve,” Defence Minister Lena Vos said.",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].content, vec!["that the ship had entered the bay"]);
    assert_eq!(found[1].source, some("Defence Minister Lena Vos"));
    assert_eq!(found[1].content, vec!["“Nobody should doubt our resolve,”"]);
}

#[test]
fn according_to_after_a_quote_and_its_speaker_leaves_the_quote_to_the_speaker() {
    let c = one("“We are ready,” the captain said, according to the harbour agency.");
    assert_eq!(c.source, some("the captain"));
    assert_eq!(c.cue, some("said"));
    assert_eq!(c.content, vec!["“We are ready,”"]);
}

#[test]
fn a_quote_continues_into_the_next_sentence() {
    let c = one("“We are ready,” the captain said. “The crew has trained for months.”");
    assert_eq!(
        c.content,
        vec!["“We are ready,”", "“The crew has trained for months.”"]
    );
}

#[test]
fn headline_name_and_colon() {
    let c = one("Mayor: Bridge Repairs Will Take Two Years");
    assert_eq!(c.source, some("Mayor"));
    assert_eq!(c.cue, some(":"));
    assert_eq!(c.content, vec!["Bridge Repairs Will Take Two Years"]);
    assert!(claims("The Latest: Mayor wins a second term in Lyon.").is_empty());
}

#[test]
fn a_title_and_its_subtitle_state_nothing() {
    let text = "The Ninth Ward: The Long Road from the River\n\nPolice: The driver fled the scene.";
    let claims = claims(text);
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(claims[0].source, some("Police"));
}

#[test]
fn a_heading_in_title_case_with_no_verb_states_nothing() {
    let text = "# Lowland: Flash Update No. 4 – Port Area\n\nOfficials said the port was closed.";
    let claims = claims(text);
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(claims[0].cue, some("said"));
    // a heading that states something keeps its claim
    let c = one("## Mayor: Bridge Repairs Will Take Two Years");
    assert_eq!(c.source, some("Mayor"));
}

#[test]
fn a_source_begins_with_its_own_words() {
    // not the conjunction joining its clause to the one before
    let c = one("And the mayor said the bridge would reopen in May.");
    assert_eq!(c.source, some("the mayor"));
    // nor a fronted time or participle phrase the parse hangs on the verb
    let c = one("Last month, the mayor said the bridge would reopen in May.");
    assert_eq!(c.source, some("the mayor"));
    let c = one("Speaking in Lyon on Friday, the mayor said the bridge would reopen in May.");
    assert_eq!(c.source, some("the mayor"));
    // a name and its apposition stay whole
    let c = one("Jo Ames, a lawyer for the city, said the bridge would reopen in May.");
    assert_eq!(c.source, some("Jo Ames, a lawyer for the city"));
}

#[test]
fn object_verbs_take_their_object() {
    let c = one("The senator endorsed the governor on Monday after a long delay.");
    assert_eq!(c.source, some("The senator"));
    assert_eq!(c.content, vec!["the governor on Monday"]);
}

#[test]
fn reported_questions_have_no_source() {
    let c = one("The minister was asked whether the tax would rise.");
    assert_eq!(c.source, None);
    assert_eq!(c.content, vec!["whether the tax would rise"]);
}

#[test]
fn inverted_source_in_the_middle_and_a_quote_ending_its_sentence() {
    let c = one("The new budget, said Ana Ruiz, will cut school spending.");
    assert_eq!(c.source, some("Ana Ruiz"));
    assert_eq!(
        c.content,
        vec!["The new budget", "will cut school spending"]
    );
    let c = one("“Nobody saw it coming!” the coach said with a grin.");
    assert_eq!(c.source, some("the coach"));
    assert_eq!(c.content, vec!["“Nobody saw it coming!”"]);
}

#[test]
fn a_list_of_names_is_one_source() {
    let c = one("Chile, Peru, and the two unions have long argued that tariffs hurt exports.");
    assert_eq!(c.source, some("Chile, Peru, and the two unions"));
    assert_eq!(c.cue, some("have long argued"));
}

#[test]
fn a_denial_sharing_only_names_contradicts_nothing() {
    let all = claims(
        "Officials said Chile had sent grain to Peru. \
         Chile denied any plan to close its border with Peru.",
    );
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1].kind, ClaimKind::Denial);
    assert!(all[1].contradicts.is_empty());
}

#[test]
fn a_scare_quote_belongs_to_its_clause() {
    let c = one("The mayor will call it a \"reset,\" an aide said.");
    assert_eq!(c.source, some("an aide"));
    assert_eq!(c.content, vec!["The mayor will call it a \"reset,\""]);
    let all = claims("Lee, who calls the plan a “trap,” said he would vote against it.");
    let said = all.iter().find(|c| c.cue == some("said")).unwrap();
    assert_eq!(said.source, some("Lee"));
    assert_eq!(said.content, vec!["he would vote against it"]);
}

#[test]
fn a_dateline_is_not_content() {
    let seen = claims("ROME, May 2 (Wire) - Italy and Spain agreed on Monday to share data.");
    assert!(
        seen.iter().all(|s| s.content != vec!["ROME".to_string()]),
        "{seen:?}"
    );
}

#[test]
fn a_wire_dateline_is_neither_source_nor_content() {
    let openings = [
        "TALCA, April 2, 2023 (Wire) - ",
        "TALCA, April 2, 2023 - ",
        "Talca, Chile, April 2 -- ",
        "TALCA (Wire) — ",
        "Talca (wire) – ",
        "TALCA, Chile, Sunday – ",
        "TALCA—",
        "Vines wilt across the valley\nTALCA (Wire) - ",
    ];
    for opening in openings {
        let c = one(&format!(
            "{opening}Chile's farm minister Ana Soto said the harvest failed."
        ));
        assert_eq!(
            c.source,
            some("Chile's farm minister Ana Soto"),
            "{opening}"
        );
        assert_eq!(c.content, vec!["the harvest failed"]);
        let c = one(&format!(
            "{opening}The harvest failed, the farm minister said."
        ));
        assert_eq!(c.source, some("the farm minister"), "{opening}");
        assert_eq!(c.content, vec!["The harvest failed"], "{opening}");
    }
    // a name and a dash is no dateline, nor is a name with a year
    let c = one("Ana Soto - the farm minister - said the harvest failed.");
    assert_eq!(c.source, some("Ana Soto - the farm minister -"));
    let c = one("Expo 2030 - Talca hosts the fair, the farm minister said.");
    assert_eq!(c.content, vec!["Expo 2030 - Talca hosts the fair"]);
}

#[test]
fn markdown_block_marks_are_neither_source_nor_content() {
    for mark in [
        "# ", "### ", "- ", "* ", "+ ", "> ", "1. ", "12) ", "> - ", "• ",
    ] {
        let c = one(&format!("{mark}Farmers say the harvest failed."));
        assert_eq!(c.source, some("Farmers"), "{mark}");
        assert_eq!(c.content, vec!["the harvest failed"], "{mark}");
        let text = format!("Harvest report\n\n{mark}The harvest failed, farmers said.");
        let c = one(&text);
        assert_eq!(c.source, some("farmers"), "{mark}");
        assert_eq!(c.content, vec!["The harvest failed"], "{mark}");
    }
    // a list item with a dateline; a heading as a web page's text gives it
    let c = one("- TALCA (Wire) - Farmers say the harvest failed.");
    assert_eq!(c.source, some("Farmers"));
    let (doc, _) = Document::from_bytes(
        b"<html><body><h2>Harvest failed, farmers say</h2><p>Rain fell.</p></body></html>",
    )
    .unwrap();
    let tokens = tokenize(&doc);
    let found = extract(
        &doc,
        &tokens,
        &sentences(&doc.text, &tokens),
        &Syntax::of(&doc, &tokens),
        &MentionIndex::new(&[]),
        &UserLexicon::default(),
    );
    assert_eq!(doc.slice(found[0].span), "Harvest failed");
    // no mark: emphasis and a negative number stay
    let c = one("-5C was the low, farmers said.");
    assert_eq!(c.content, vec!["-5C was the low"]);
}

#[test]
fn a_report_inside_reported_words_is_one_claim() {
    for text in [
        "A closure was announced overnight, the coast guard said.",
        "A closure was announced at dawn on Sunday, the coast guard said later.",
        "The coast guard said a closure was announced overnight.",
        "It is feared that the pier collapsed, the coast guard said.",
    ] {
        let c = one(text);
        let source = c.source.unwrap_or_default().to_lowercase();
        assert_eq!(source, "the coast guard", "{text}");
        assert_eq!(c.cue, some("said"));
    }
    // a passive report of the writer's own stays
    let c = one("A closure was announced overnight.");
    assert_eq!((c.source, c.cue), (None, some("was announced")));
}

#[test]
fn a_time_between_cue_and_content() {
    let c = one("The minister said on Friday he would resign.");
    assert_eq!(c.source, some("The minister"));
    assert_eq!(c.content, vec!["he would resign"]);
    let c = one("Ames said Thursday the bridge was unsafe.");
    assert_eq!(c.content, vec!["the bridge was unsafe"]);
}

#[test]
fn a_question_opening_the_sentence_has_no_source() {
    let all = claims("Asked whether the talks had failed, Ames said they would go on.");
    assert_eq!(all[0].source, None);
    assert_eq!(all[0].content, vec!["whether the talks had failed"]);
    assert_eq!(all[1].source, some("Ames"));
    assert_eq!(all[1].content, vec!["they would go on"]);
}

#[test]
fn an_apposition_between_dashes_belongs_to_the_source() {
    let c = one("Jo Ames — a teacher from Leeds — says the school will close.");
    assert_eq!(c.source, some("Jo Ames — a teacher from Leeds —"));
    assert_eq!(c.content, vec!["the school will close"]);
}

#[test]
fn a_quoted_title_before_the_source_is_not_content() {
    let c = one("On “Morning News Hour,” Jo Ames said the plan had failed.");
    assert_eq!(c.source, some("Jo Ames"));
    assert_eq!(c.content, vec!["the plan had failed"]);
}

#[test]
fn a_second_verb_after_but_keeps_the_subject() {
    let all = claims("The envoy declined to name the buyers but said the sale went ahead.");
    let said = all.iter().find(|c| c.cue == some("said")).unwrap();
    assert_eq!(said.source, some("The envoy"));
    assert_eq!(said.content, vec!["the sale went ahead"]);
}

#[test]
fn a_quote_continues_up_to_a_new_paragraph() {
    let c = claims("“We lost,” Ames said. “We will be back.”\n\nLee said nothing more.");
    assert_eq!(c[0].content, vec!["“We lost,”", "“We will be back.”"]);
}

#[test]
fn wishes_and_refusals_take_their_object() {
    let c = one("The union wants a new contract.");
    assert_eq!(
        (c.source, c.content),
        (some("The union"), vec!["a new contract".into()])
    );
    let c = one("The mayor refused to comment.");
    assert_eq!(c.content, vec!["to comment"]);
}

#[test]
fn nouns_after_a_possessive_and_infinitives_are_not_cues() {
    assert!(claims("Kim's plans were shelved in March.").is_empty());
    assert!(claims("Aid groups went to vote for the first time.").is_empty());
}

#[test]
fn an_inverted_source_may_start_lower_case() {
    let c = one("“The road is closed,” said former police chief Ana Ruiz.");
    assert_eq!(c.source, some("former police chief Ana Ruiz"));
}

#[test]
fn content_after_the_cue_and_a_comma() {
    let c = one("She said, if elected, she would cut taxes.");
    assert_eq!(c.source, some("She"));
    assert_eq!(c.content, vec!["if elected, she would cut taxes"]);
}

#[test]
fn reported_speech_ends_at_a_new_clause_of_the_writer() {
    let c = one("Ames said the deal was fair, but the vote was delayed.");
    assert_eq!(c.content, vec!["the deal was fair"]);
    let c = one("Ames said the deal was fair, and he left the room.");
    assert_eq!(c.content, vec!["the deal was fair"]);
}

#[test]
fn an_adverb_before_the_cue_is_not_the_source() {
    let c = one("The governor has vocally called for a recount.");
    assert_eq!(c.source, some("The governor"));
    assert_eq!(c.content, vec!["a recount"]);
}

#[test]
fn a_name_and_colon_after_a_dash() {
    let c = one("Turnout fell sharply - Ana Ruiz: “Voters stayed home in droves.”");
    assert_eq!(c.source, some("Ana Ruiz"));
    assert_eq!(c.content, vec!["“Voters stayed home in droves.”"]);
}

#[test]
fn an_object_ends_at_its_comma() {
    let c = one("Ames praised the plan, which passed in May.");
    assert_eq!(c.content, vec!["the plan"]);
}

#[test]
fn a_claim_inside_another_claims_content_is_left_out() {
    let c = one("Ames said the union wants a new contract.");
    assert_eq!(c.cue, some("said"));
    assert_eq!(c.content, vec!["the union wants a new contract"]);
}

#[test]
fn a_cue_word_in_a_noun_phrase_is_no_cue() {
    let found = claims("The agency has made clear progress on the new port.");
    assert!(found.is_empty(), "{found:?}");
    let found = claims(
        "Lena Moss, an analyst at a Washington think tank that studies trade, said exports would fall.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].cue.as_deref(), Some("said"));
    assert_eq!(found[0].content, ["exports would fall"]);
}

#[test]
fn a_relative_that_stands_for_its_antecedent() {
    let found = claims("The council backed a group that says the river is polluted.");
    let says = found
        .iter()
        .find(|c| c.cue.as_deref() == Some("says"))
        .expect("a claim of says");
    assert_eq!(says.source.as_deref(), Some("a group"));
    assert_eq!(says.content, ["the river is polluted"]);
}

#[test]
fn the_reporting_clause_after_the_content_gives_the_source() {
    let c = one("Paris will host the talks, the office of the prime minister said.");
    assert_eq!(
        c.source.as_deref(),
        Some("the office of the prime minister")
    );
    assert_eq!(c.content, ["Paris will host the talks"]);
}

#[test]
fn a_noun_of_saying_with_its_that_clause() {
    let found = claims("Officials issued a warning that the river could flood.");
    let warning = found
        .iter()
        .find(|c| c.cue.as_deref() == Some("warning"))
        .expect("a claim of the warning");
    assert_eq!(warning.content, ["that the river could flood"]);
    assert_eq!(warning.kind, ClaimKind::Warning);
    let found = claims("Traders cited the ministry's statement that the port would close.");
    let statement = found
        .iter()
        .find(|c| c.cue.as_deref() == Some("statement"))
        .expect("a claim of the statement");
    assert_eq!(statement.source.as_deref(), Some("the ministry"));
    assert_eq!(statement.content, ["that the port would close"]);
}

#[test]
fn a_statement_over_two_sentences_keeps_its_source() {
    let c = one("Lee said the talks had failed. \"We will try again next week.\"");
    assert_eq!(c.source.as_deref(), Some("Lee"));
    assert_eq!(
        c.content,
        ["the talks had failed", "\"We will try again next week.\""]
    );
}

#[test]
fn as_someone_puts_it() {
    let c = one("Prices will rise, as one trader puts it.");
    assert_eq!(c.source.as_deref(), Some("one trader"));
    assert_eq!(c.cue.as_deref(), Some("puts it"));
    assert_eq!(c.content, ["Prices will rise"]);
    assert!(claims("She put it on the table.").is_empty());
}

#[test]
fn a_relative_clause_describing_the_source_is_part_of_it() {
    let c =
        one("Mira Olsen, who served as envoy to Peru until last year, said the talks had stalled.");
    assert_eq!(
        c.source.as_deref(),
        Some("Mira Olsen, who served as envoy to Peru until last year")
    );
    assert_eq!(c.content, ["the talks had stalled"]);
    let c = one("\"The plan is dead,\" said Tom Berg, who heads the trade office.");
    assert_eq!(
        c.source.as_deref(),
        Some("Tom Berg, who heads the trade office")
    );
    let c = one(
        "Farm groups, including the national grange, have urged lawmakers to keep the program.",
    );
    assert_eq!(
        c.source.as_deref(),
        Some("Farm groups, including the national grange")
    );
    // a cue in the subject's own relative clause does not cut the subject short
    let said = claims("Officials who have opposed the plan said it would fail.")
        .into_iter()
        .find(|c| c.cue.as_deref() == Some("said"))
        .expect("a claim of said");
    assert_eq!(
        said.source.as_deref(),
        Some("Officials who have opposed the plan")
    );
}

#[test]
fn a_fronted_adjunct_is_not_part_of_the_source() {
    for (text, source) in [
        ("On September 27 they said the talks had failed.", "they"),
        ("Even now at 86 she says the war was a mistake.", "she"),
        (
            "Secretary of State Jo Kerry said the talks had failed.",
            "Secretary of State Jo Kerry",
        ),
    ] {
        assert_eq!(one(text).source.as_deref(), Some(source), "{text}");
    }
}

#[test]
fn a_participle_takes_the_subject_of_the_verb_it_hangs_on() {
    for (text, source) in [
        (
            "Jo Ames, a lawyer for the family, left the court on Friday, saying the ruling was unjust.",
            "Jo Ames, a lawyer for the family",
        ),
        (
            "Hours later, the minister returned to the capital, telling reporters the deal was done.",
            "the minister",
        ),
        // not the subject of the clause it reports, nor of a subordinate clause
        (
            "The mayor argued that the bridge would hold, saying it had been inspected twice.",
            "The mayor",
        ),
        (
            "The envoy left early after the talks ended, saying nothing more could be done.",
            "The envoy",
        ),
    ] {
        let all = claims(text);
        let participle = all
            .iter()
            .find(|c| c.cue.as_deref().is_some_and(|c| c.ends_with("ing")))
            .unwrap_or_else(|| panic!("{text}: {all:#?}"));
        assert_eq!(participle.source.as_deref(), Some(source), "{text}");
    }
}

#[test]
fn an_apposition_before_a_progressive_is_the_sources() {
    let c = one("Tom Berg, 53, a security guard at a casino, is backing the mayor this year.");
    assert_eq!(
        c.source.as_deref(),
        Some("Tom Berg, 53, a security guard at a casino")
    );
}

#[test]
fn a_participle_naming_a_noun_is_no_cue() {
    for text in [
        "Jo Ames now runs a program called Safe Streets.",
        "A new group called Farm Votes, led by two strategists, is raising money.",
        "He set up a website called Farm Watch last year.",
    ] {
        let all = claims(text);
        assert!(
            all.iter()
                .all(|c| !matches!(c.cue.as_deref(), Some("called" | "dubbed"))),
            "{text}: {all:#?}"
        );
    }
    assert_eq!(
        one("The mayor called the plan a disaster.").content,
        ["the plan a disaster"]
    );
}

#[test]
fn according_to_source_by_the_parse() {
    let c = one(
        "According to documents from Diane Blair, a close friend of the senator who died in 2000, the candidate was worried about rumors.",
    );
    assert_eq!(
        c.source,
        some("documents from Diane Blair, a close friend of the senator who died in 2000")
    );
    assert_eq!(c.content, vec!["the candidate was worried about rumors"]);
}

#[test]
fn noun_of_saying_with_a_possessive_pronoun() {
    let all =
        claims("Jo Ames spoke. His assertion that the vote was rigged was rejected by the court.");
    let c = all
        .iter()
        .find(|c| c.cue == some("assertion"))
        .expect("the noun's claim");
    assert_eq!(c.source, some("His"));
    assert_eq!(c.content, vec!["that the vote was rigged"]);
}

#[test]
fn a_passive_cue_takes_its_agent_as_source() {
    let c = one("The closure was first reported by the Harbour Gazette on Friday.");
    assert_eq!(c.source, some("the Harbour Gazette"));
    assert_eq!(c.cue, some("was first reported"));
    let c = one("The mayor has been criticised by some of his rivals for the delay.");
    assert_eq!(c.source, some("some of his rivals"));
    // without an agent, still no source
    assert_eq!(one("The reform is seen as a test.").source, None);
}

#[test]
fn a_subject_after_the_cue_is_the_source() {
    let c = one(
        "Behind the scenes, the mayor is \"calling in favours,\" said Jo Ames, the campaign's director.",
    );
    assert_eq!(c.source, some("Jo Ames, the campaign's director"));
    assert_eq!(
        c.content,
        vec!["Behind the scenes, the mayor is \"calling in favours,\""]
    );
    let c = one("But, said Ames, \"we will not give up the harbour.\"");
    assert_eq!(c.source, some("Ames"));
    assert_eq!(c.content, vec!["\"we will not give up the harbour.\""]);
}

#[test]
fn a_question_then_asked_and_its_source() {
    let c = one("\"Is the harbour closing?\" asked Jo Ames, a councillor from the coast.");
    assert_eq!(c.source, some("Jo Ames, a councillor from the coast"));
    assert_eq!(c.cue, some("asked"));
    assert_eq!(c.content, vec!["\"Is the harbour closing?\""]);
}

#[test]
fn a_learned_verb_with_a_complement_clause_is_a_cue() {
    // "imagined", "figure", "surmised": not in the hand-made cues, learned from WordNet and
    // the treebanks
    let c = one("He imagined the talks would fail.");
    assert_eq!(c.source, some("He"));
    assert_eq!(c.cue, some("imagined"));
    assert_eq!(c.content, vec!["the talks would fail"]);
    assert_eq!(c.kind, ClaimKind::Assessment);
    let c = one("Officials figure the reform will pass before the summer.");
    assert_eq!((c.source, c.cue), (some("Officials"), some("figure")));
    assert_eq!(c.content, vec!["the reform will pass before the summer"]);
    let c = one("Jo Ames surmised that the talks had failed.");
    assert_eq!((c.source, c.cue), (some("Jo Ames"), some("surmised")));
    assert_eq!(c.content, vec!["that the talks had failed"]);
    // no complement clause, no claim: a noun, or a verb with an object
    assert!(claims("He figured on rain. The guess was wrong.").is_empty());
    assert!(claims("They figured the total on a napkin.").is_empty());
}

#[test]
fn a_cue_and_colon_closing_its_line_reports_the_paragraph_below() {
    let text = "The harbour stayed shut all week.\n\nThe mayor added:\n\n\
                \"We will reopen the docks when the storm has passed. Not before.\"\n\n\
                Traders were not convinced.";
    let c = one(text);
    assert_eq!(c.source, some("The mayor"));
    assert_eq!(c.cue, some("added"));
    assert_eq!(
        c.content,
        vec!["\"We will reopen the docks when the storm has passed. Not before.\""]
    );
    // a paragraph in running words, too, and only that paragraph
    let text =
        "Jo Ames wrote:\n\nThe plan has no money behind it. Nobody will build it.\n\nIt was May.";
    let c = one(text);
    assert_eq!(
        c.content,
        vec!["The plan has no money behind it. Nobody will build it."]
    );
    // hard-wrapped lines run on; a list item's mark is not the content's
    let c =
        one("Jo Ames wrote:\n\nThe plan has no money and\nnobody will build it.\n\nIt was May.");
    assert_eq!(
        c.content,
        vec!["The plan has no money and\nnobody will build it."]
    );
    let c = one("The ministry said:\n\n- Forty people died.\n- The port is shut.");
    assert_eq!(c.content, vec!["Forty people died."]);
}

#[test]
fn a_heading_or_a_clause_before_a_colon_is_no_source() {
    // the words before the colon are no name: a lower-case word in them
    assert!(claims("Situation report: flooding in the region").is_empty());
    assert!(claims("Two questions: why did the ferry leave, and who paid for it?").is_empty());
    assert!(claims("Relief for Farmers: The harvest failed in three provinces.").is_empty());
    // a speaker's claim after a heading is no longer swallowed by it
    let c = one("Anger in the valley: Farmers say the dam has dried their wells.");
    assert_eq!(c.source, some("Farmers"));
    assert_eq!(c.content, vec!["the dam has dried their wells"]);
    // the connectors names keep inside them are no such word
    let c = one("Lena van der Berg: The dam will be finished within the year.");
    assert_eq!(c.source, some("Lena van der Berg"));
}

#[test]
fn a_clause_cue_takes_the_complement_clause_the_parse_gives_it() {
    let c = one("One study found the levy would raise prices for most families.");
    assert_eq!((c.source, c.cue), (some("One study"), some("found")));
    assert_eq!(
        c.content,
        vec!["the levy would raise prices for most families"]
    );
    // an object is no clause
    assert!(claims("The police found a car near the bridge.").is_empty());
}

#[test]
fn a_passive_cue_with_an_agent_reports_its_subject() {
    let c = one("The closure was first reported by the Harbour Gazette.");
    assert_eq!(c.source, some("the Harbour Gazette"));
    assert_eq!(c.content, vec!["The closure"]);
    let c = one("The new budget has been endorsed by the farmers' union.");
    assert_eq!(c.content, vec!["The new budget"]);
    // without an agent the clause stays the content
    let c = one("The reform is seen as a test.");
    assert_eq!(c.content, vec!["The reform is seen as a test"]);
    // with a predicate after the agent, the clause is what the agent says
    let c = one("The deal was described by officials as a breakthrough.");
    assert_eq!(c.source, some("officials"));
    assert_eq!(
        c.content,
        vec!["The deal was described by officials as a breakthrough"]
    );
}

#[test]
fn a_split_quote_goes_on_after_a_participle_or_but() {
    let c = one(
        "\"Each time you say that,\" Lena Moss said, pointing at the chart, \"you prove our point.\"",
    );
    assert_eq!(c.source, some("Lena Moss"));
    assert_eq!(
        c.content,
        vec!["\"Each time you say that,\"", "\"you prove our point.\""]
    );
    let c = one("\"I like the plan,\" he said, but \"the money is not there.\"");
    assert_eq!(
        c.content,
        vec!["\"I like the plan,\"", "\"the money is not there.\""]
    );
}

#[test]
fn a_noun_phrase_after_the_cue_is_the_source_of_the_clauses_before() {
    let c = one(
        "Lee's refusal to answer did not go over well with the council, and the meeting soured \
         from there, said one aide in the room.",
    );
    assert_eq!(c.source, some("one aide in the room"));
    assert_eq!(
        c.content,
        vec![
            "Lee's refusal to answer did not go over well with the council, and the meeting \
             soured from there"
        ]
    );
    // a name with its apposition before the comma is the source, its object no source
    let c = one("Jo Ames, who heads the bureau, wrote a letter to the council.");
    assert_eq!(c.source, some("Jo Ames, who heads the bureau"));
}

#[test]
fn a_time_owning_the_next_word_is_no_trailing_adjunct() {
    let c = one("The party chairman called Friday's ruling a \"clear win for tenants.\"");
    assert_eq!(c.source, some("The party chairman"));
    assert_eq!(
        c.content,
        vec!["Friday's ruling a \"clear win for tenants.\""]
    );
}

#[test]
fn a_source_with_a_relative_clause_before_a_comma_and_a_quote() {
    let c = one("Lena Moss, a historian who was there, recalled, \"We did nothing.\"");
    assert_eq!(c.source, some("Lena Moss, a historian who was there"));
    assert_eq!(c.content, vec!["\"We did nothing.\""]);
    let c = one("Jo Ames, who chairs the board, said, \"The fund is empty.\"");
    assert_eq!(c.source, some("Jo Ames, who chairs the board"));
}

#[test]
fn a_listener_the_parse_gives_told_is_no_content() {
    let c =
        one("Jo Ames told his radio audience on Monday, \"The plan is dead. Nobody wants it.\"");
    assert_eq!(c.source, some("Jo Ames"));
    assert_eq!(c.content, vec!["\"The plan is dead. Nobody wants it.\""]);
}

#[test]
fn a_noun_phrase_after_a_verb_in_a_series_is_no_source() {
    // "said a few words" between two verbs of one subject
    let all = claims("The minister paused, said a few words, and left the hall.");
    assert!(
        all.iter()
            .all(|c| c.source.as_deref() != Some("a few words")),
        "{all:#?}"
    );
    // a relative clause the parse makes the root is no clause of its own before the cue
    let all =
        claims("The union, which refused to sign the accord, accused the board of bad faith.");
    let accused = all.iter().find(|c| c.cue.as_deref() == Some("accused"));
    assert!(
        accused.is_some_and(|c| c.source.as_deref() != Some("the board of bad faith")),
        "{all:#?}"
    );
}

#[test]
fn as_someone_puts_it_before_the_clause() {
    let c = one("As one trader puts it, the market has priced in a cut.");
    assert_eq!(c.source, some("one trader"));
    assert_eq!(c.cue, some("puts it"));
    assert_eq!(c.content, vec!["the market has priced in a cut"]);
}

#[test]
fn a_gerund_after_a_preposition_takes_the_main_subject() {
    let c = one("The governor stopped short of saying that the levy would be scrapped.");
    assert_eq!(c.source, some("The governor"));
    assert_eq!(c.content, vec!["that the levy would be scrapped"]);
}

#[test]
fn a_passive_cue_saying_when_is_no_claim() {
    assert_eq!(
        claims("Crowds filled the square before the final results were announced on Monday."),
        vec![]
    );
}

#[test]
fn a_passive_cue_keeps_its_whole_subject() {
    let c = one("In the north, 1,240 suspected cases of measles were reported last month.");
    assert_eq!(
        c.content,
        vec!["1,240 suspected cases of measles were reported last month"]
    );
}

#[test]
fn an_object_keeps_its_list() {
    let c = one("The ministry announced new limits on tin, nickel and cobalt last week.");
    assert_eq!(c.content, vec!["new limits on tin, nickel and cobalt"]);
}

#[test]
fn a_cue_word_as_the_object_of_a_verb_after_a_comma_is_no_cue() {
    let all = claims("Officials said the army shelled the port, prompting fears of a siege.");
    assert!(
        all.iter().all(|c| c.cue.as_deref() != Some("fears")),
        "{all:#?}"
    );
    let all = claims("The firm said it would cut 500 jobs, blaming weak demand.");
    let blaming = all.iter().find(|c| c.cue.as_deref() == Some("blaming"));
    assert_eq!(
        blaming.map(|c| c.content.clone()),
        Some(vec!["weak demand".to_string()]),
        "{all:#?}"
    );
}

#[test]
fn a_source_after_a_clause_joined_by_and_starts_after_it() {
    for (text, source) in [
        (
            "Grain prices are rising, and farmers in the north said they had lost their crops.",
            "farmers in the north",
        ),
        (
            "The spring rains failed again and herders in the valley said they had sold their goats.",
            "herders in the valley",
        ),
        // a list of names is one source
        (
            "Kenya, Uganda and Tanzania said they would share the cost.",
            "Kenya, Uganda and Tanzania",
        ),
    ] {
        let c = one(text);
        assert_eq!(c.source, some(source), "{text}");
        assert_eq!(c.cue, some("said"), "{text}");
    }
}

#[test]
fn a_participle_before_its_noun_is_no_cue() {
    assert_eq!(
        claims("Clinics recorded 812 suspected typhoid cases between May and July."),
        vec![]
    );
    assert_eq!(
        claims("Villagers fled after the alleged raid on the market."),
        vec![]
    );
}

#[test]
fn a_clause_joined_after_an_inverted_source_is_not_part_of_it() {
    let c = one("\"We will not back down,\" said the mayor, and the audience applauded.");
    assert_eq!(c.source, some("the mayor"));
    assert_eq!(c.content, vec!["\"We will not back down,\""]);
    let c = one("The bridge will open in May, said the engineer, but drivers were sceptical.");
    assert_eq!(c.source, some("the engineer"));
    assert_eq!(c.content, vec!["The bridge will open in May"]);
}

#[test]
fn a_gerund_after_for_is_the_object_s_saying() {
    let c = one("The police detained a reporter for claiming that the vote was rigged.");
    assert_eq!(c.source, some("a reporter"));
    let c = one("The mayor stopped short of saying the plan had failed.");
    assert_eq!(c.source, some("The mayor"));
}

#[test]
fn as_inside_a_clause_is_no_fronted_as_someone_puts_it() {
    let all = claims("Bond yields climbed as economists had predicted, and the euro slipped.");
    assert!(
        all.iter().all(|c| c.content != ["and the euro slipped"]),
        "{all:#?}"
    );
}

#[test]
fn names_and_relative_clauses_before_and_are_no_clause_of_their_own() {
    let c = one("Doctors Without Borders and Oxfam said the clinics were overwhelmed.");
    assert_eq!(c.source, some("Doctors Without Borders and Oxfam"));
    let c = one("Those who were evacuated and their families said the shelters were cold.");
    assert_eq!(
        c.source,
        some("Those who were evacuated and their families")
    );
}

#[test]
fn a_speech_tag_inside_a_clause_leaves_the_clause_whole() {
    let c = one("The budget, Ames said, called for deep cuts in spending.");
    assert_eq!(c.source, some("Ames"));
    assert_eq!(c.cue, some("said"));
    assert_eq!(
        c.content,
        vec!["The budget", "called for deep cuts in spending"]
    );
    // a participle after the tag's comma goes on with the tag, a cue of its own
    let all = claims("The talks failed, Ames said, adding that he would try again.");
    assert!(all.iter().any(|c| c.cue == some("adding")), "{all:#?}");
}

#[test]
fn a_transcript_turn_runs_over_its_sentences_to_the_line_end() {
    let all =
        claims("LEE: We met twice. Nothing came of it.\n\"KIM: I was there too. It went badly.");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[0].source, some("LEE"));
    assert_eq!(all[0].content, vec!["We met twice. Nothing came of it"]);
    assert_eq!(all[1].source, some("KIM"));
    assert_eq!(all[1].content, vec!["I was there too. It went badly"]);
    // a name in running case speaks one sentence, as a headline's does
    let c = claims("Jo Ames: The bridge will reopen. Traffic was light today.");
    assert_eq!(c[0].content, vec!["The bridge will reopen"]);
}

#[test]
fn a_heading_or_dateline_in_capitals_is_no_transcript_turn() {
    let text = "LONDON: The dam leaked again on Monday. Officials said repairs would start soon.";
    let all = claims(text);
    assert!(
        all.iter().all(|c| c.content
            != vec!["The dam leaked again on Monday. Officials said repairs would start soon"]),
        "{all:#?}"
    );
    assert!(
        all.iter().any(|c| c.source == some("Officials")),
        "{all:#?}"
    );
    for heading in ["BACKGROUND", "KEY POINTS", "BREAKING NEWS", "WHAT WE KNOW"] {
        let all = claims(&format!(
            "{heading}: The river rose overnight in the north. Police said two roads were shut."
        ));
        assert!(
            all.iter().any(|c| c.source == some("Police")),
            "{heading}: {all:#?}"
        );
    }
    // one speaker's line in capitals makes no transcript
    let all = claims("LEE: We met twice. Nothing came of it.\nThe talks resume next week.");
    assert_eq!(all[0].content, vec!["We met twice"], "{all:#?}");
}

#[test]
fn a_quotation_signed_after_a_dash_is_its_signer_s() {
    let all =
        claims("“The rent doubled. We had to move.” — Ana Ruiz\n“Nobody listened.” ― Jo M. Ames.");
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[0].source, some("Ana Ruiz"));
    assert_eq!(all[0].cue, some("—"));
    assert_eq!(all[0].content, vec!["“The rent doubled. We had to move.”"]);
    assert_eq!(all[1].source, some("Jo M. Ames"));
    // a dash before a clause signs nothing
    assert!(claims("“Nobody listened” — and then the rain came.").is_empty());
}

#[test]
fn a_dash_after_a_quote_inside_a_line_or_before_a_headline_or_place_signs_nothing() {
    for text in [
        "Photo caption: Children queue in “the driest year” — Northern Kenya",
        "“Unacceptable” — EU Condemns Strike On Port",
        "Read next: “Floods hit the capital again” - Reuters",
    ] {
        let all = claims(text);
        assert!(
            all.iter().all(|c| c.cue != some("—") && c.cue != some("-")),
            "{text}: {all:#?}"
        );
    }
}

#[test]
fn a_paragraph_of_quotation_alone_goes_on_with_the_quote_before() {
    let c = one("“We lost,” Ames said.\n\n“We will be back. Next year is ours.”");
    assert_eq!(
        c.content,
        vec!["“We lost,”", "“We will be back. Next year is ours.”"]
    );
    // not after reported words that are no quotation
    let all = claims("Ames said the vote was lost.\n\n“We will be back.”");
    assert_eq!(all[0].content, vec!["the vote was lost"], "{all:#?}");
}

#[test]
fn an_answer_a_reply_or_a_quoted_title_is_no_continuation() {
    for text in [
        "“Why did you resign?” the reporter asked Ames.\n\n“Because nobody listened.”",
        "“We lost,” Ames told Lee.\n\n“You will win next time.”",
        "“We lost,” Ames said.\n\n“The Road Back”",
    ] {
        let all = claims(text);
        assert!(all.iter().all(|c| c.content.len() == 1), "{text}: {all:#?}");
    }
}

#[test]
fn a_clause_set_off_by_commas_before_the_cue_ends_its_own_cue_s_content() {
    let all = claims(
        "A senior engineer at the water board, who asked not to be identified because she \
         was not cleared to talk to reporters, said the pumps had failed twice.",
    );
    let said = all.iter().find(|c| c.cue == some("said")).expect("said");
    assert_eq!(said.source, some("A senior engineer at the water board"));
    assert_eq!(said.content, vec!["the pumps had failed twice"]);
    // what the relative clause's cue reports ends at its comma
    assert!(
        all.iter()
            .all(|c| c.content.iter().all(|p| !p.contains("pumps")) || c.cue == some("said"))
    );
}

#[test]
fn the_content_begins_at_that_after_a_time_word_or_what_describes_the_cue_s_noun() {
    let c = one(
        "The mayor said in a letter published by the city council that the bridge would reopen.",
    );
    assert_eq!(c.cue, some("said in a letter"));
    assert_eq!(c.content, vec!["that the bridge would reopen"]);
    let c = one("The coach said then that the team needed a new keeper.");
    assert_eq!(c.content, vec!["that the team needed a new keeper"]);
}

#[test]
fn a_source_runs_over_with_after_its_noun_or_adjective() {
    let c = one("A man familiar with the negotiations said the deal was nearly done.");
    assert_eq!(c.source, some("A man familiar with the negotiations"));
    assert_eq!(c.content, vec!["the deal was nearly done"]);
}

#[test]
fn a_cue_in_a_relative_clause_of_the_source_s_apposition_leaves_the_main_verb_its_own() {
    let all = claims(
        "Greenfield, a bakery chain that had announced plans to open twelve shops, said it \
         had not been consulted about the levy.",
    );
    let said = all.iter().find(|c| c.cue == some("said")).expect("said");
    assert_eq!(
        said.source,
        some("Greenfield, a bakery chain that had announced plans to open twelve shops")
    );
    assert_eq!(
        said.content,
        vec!["it had not been consulted about the levy"]
    );
}

#[test]
fn denying_the_report_contradicts_the_claim_the_report_made() {
    let all = claims(
        "A report in the Daily Ledger said that the factory would close. Acme denied the report.",
    );
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[1].kind, ClaimKind::Denial);
    assert_eq!(all[1].contradicts, vec![0]);
    // with an adjunct after the noun too
    let all = claims(
        "A report in the Daily Ledger said that the factory would close. Acme denied the report \
         on Monday.",
    );
    assert_eq!(all[1].contradicts, vec![0], "{all:#?}");
}

#[test]
fn a_list_item_s_one_word_label_is_no_source() {
    let all = claims("Supplies:\n\n- Water: The agency has trucked supplies to 4,000 homes.\n");
    assert!(all.iter().all(|c| c.source != some("Water")), "{all:#?}");
    // a dash before the label is no number's mark (and no panic)
    let all = claims("— Water: The agency has trucked supplies to 4,000 homes.\n");
    assert!(all.iter().all(|c| c.source != some("— Water")), "{all:#?}");
}

#[test]
fn an_amount_sought_or_pledged_and_a_request_not_answered_state_nothing() {
    assert!(claims("The appeal seeks $20 million.").is_empty());
    assert!(claims("Donors have pledged $3 million so far.").is_empty());
    assert!(claims("The ministry did not respond to a request for comment.").is_empty());
    // an estimate of an amount is a claim
    assert_eq!(
        one("Officials estimated 300 deaths.").kind,
        ClaimKind::Estimate
    );
}

#[test]
fn an_estimate_opening_a_sentence_and_a_plural_report_are_claims() {
    let c = one("An estimated 9,000 families have lost their homes.");
    assert_eq!((c.source, c.kind), (None, ClaimKind::Estimate));
    assert_eq!(
        c.content,
        vec!["An estimated 9,000 families have lost their homes"]
    );
    // not an object's ("flooding an estimated 3,400 homes")
    assert!(claims("The river rose, flooding an estimated 3,400 homes.").is_empty());
    let c = one("Aid groups report that roads to the valley are blocked.");
    assert_eq!(c.source, some("Aid groups"));
    assert_eq!(c.content, vec!["that roads to the valley are blocked"]);
}

#[test]
fn conditional_threats_and_harm_warn_and_futures_in_the_past_predict() {
    let c = one("The general said: “We will strike back if they cross the river again.”");
    assert_eq!(c.kind, ClaimKind::Warning);
    let c = one("The nurse said that every day of waiting will cost lives.");
    assert_eq!(c.kind, ClaimKind::Warning);
    // a condition on what is no threat, and harm avoided, only predict
    let c = one("The bank said it will raise its dividend if profits grow.");
    assert_eq!(c.kind, ClaimKind::Prediction);
    let c = one("The minister said the new drug will save thousands of lives.");
    assert_eq!(c.kind, ClaimKind::Prediction);
    let c = one("The firm had said the new phone would ship in June.");
    assert_eq!(c.kind, ClaimKind::Prediction);
    let c = one("She said that the firm expected the model to make up half of its sales.");
    assert_eq!(c.kind, ClaimKind::Prediction);
}

#[test]
fn a_modal_of_an_embedded_clause_hedges_no_claim() {
    let c = one("Analysts said the drill was intended to show it could reach the port.");
    assert!(c.hedges.is_empty(), "{c:#?}");
    let c = one("The engineer said repairs could take six weeks.");
    assert_eq!(c.hedges, vec!["could"]);
}
