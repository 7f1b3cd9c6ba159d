//! `brief parse`: the real binary, its CoNLL-U of briefings and of CoNLL-U given on stdin.

#[path = "common/cli.rs"]
mod cli;

use std::process::Output;

use cli::{brief, stderr};

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "failed: {}", stderr(out));
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The word lines of each sentence, split into columns.
fn sentences(conllu: &str) -> Vec<Vec<Vec<String>>> {
    conllu
        .split("\n\n")
        .filter(|b| !b.trim().is_empty())
        .map(|b| {
            b.lines()
                .filter(|l| {
                    l.split('\t')
                        .next()
                        .is_some_and(|id| id.parse::<u32>().is_ok())
                })
                .map(|l| l.split('\t').map(String::from).collect())
                .collect()
        })
        .collect()
}

#[test]
fn a_briefing_is_parsed_with_its_own_tokens_and_offsets() {
    let text = "Café owners said on Friday that prices rose.\n\nThe ministry denied it.\n";
    let out = stdout(&brief(&["parse", "-"], Some(text.as_bytes())));
    assert!(out.starts_with(
        "# newdoc id = -\n# sent_id = 1\n# text = Café owners said on Friday that prices rose.\n"
    ));
    assert!(out.contains("# sent_id = 2\n# text = The ministry denied it.\n"));
    let chars: Vec<char> = text.chars().collect();
    let sents = sentences(&out);
    assert_eq!(sents.len(), 2);
    for words in &sents {
        // one root, every head a word of the sentence, every token where MISC says
        assert_eq!(words.iter().filter(|w| w[6] == "0").count(), 1);
        for w in words {
            assert_eq!(w.len(), 10);
            let head: usize = w[6].parse().unwrap();
            assert!(head <= words.len());
            let range = w[9]
                .split('|')
                .next()
                .unwrap()
                .strip_prefix("TokenRange=")
                .unwrap();
            let (start, end) = range.split_once(':').unwrap();
            let (start, end): (usize, usize) = (start.parse().unwrap(), end.parse().unwrap());
            assert_eq!(chars[start..end].iter().collect::<String>(), w[1]);
            assert!(
                w[3].chars().all(|c| c.is_ascii_uppercase()),
                "a UPOS tag: {}",
                w[3]
            );
        }
    }
    let last = &sents[0][sents[0].len() - 2];
    assert_eq!(
        (last[1].as_str(), last[9].ends_with("|SpaceAfter=No")),
        ("rose", true)
    );
}

#[test]
fn conllu_on_stdin_keeps_its_sentences_words_and_comments() {
    let input = "# sent_id = a-1\n# text = They don't know.\n1\tThey\t_\t_\t_\t_\t_\t_\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n4\tknow\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n# sent_id = a-2\n1\tYes\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
    let out = stdout(&brief(&["parse", "--conllu", "-"], Some(input.as_bytes())));
    let lines: Vec<&str> = out.lines().collect();
    let expected: Vec<&str> = input.lines().collect();
    assert_eq!(lines.len(), expected.len());
    for (got, want) in lines.iter().zip(&expected) {
        let (g, w): (Vec<&str>, Vec<&str>) =
            (got.split('\t').collect(), want.split('\t').collect());
        if want.starts_with('#') || want.is_empty() || w[0].contains('-') {
            assert_eq!(got, want);
        } else {
            // id, form and MISC kept; tags and tree filled
            assert_eq!((g[0], g[1], g[9]), (w[0], w[1], w[9]));
            assert!(g[3] != "_" && g[6] != "_" && g[7] != "_");
        }
    }
    // parsing its own output again gives the same
    let again = stdout(&brief(&["parse", "--conllu", "-"], Some(out.as_bytes())));
    assert_eq!(again, out);
}

#[test]
fn bad_conllu_is_one_line_naming_where() {
    let out = brief(&["parse", "--conllu", "-"], Some(b"1\tA\t_\n"));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "brief: -: not CoNLL-U: line 1: 3 columns, not 10\n"
    );
    let out = brief(&["parse", "--conllu"], None);
    assert_eq!(out.status.code(), Some(2));
}
