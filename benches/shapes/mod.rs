//! Pathological input shapes (issue 17), each at about `n` bytes: what a hostile or broken
//! briefing looks like, for `scripts/shapes.sh`, which times each at n, 2n and 4n.

/// The shapes' names, in the order the script runs them, each with what `brief` is given:
/// `"file"` a briefing file, `"html"` a saved web page, `"batch"` JSON lines on stdin.
pub const SHAPES: &[(&str, &str)] = &[
    ("quotes", "file"),
    ("parens", "file"),
    ("capitalised-run", "file"),
    ("dates-in-one-sentence", "file"),
    ("number-words", "file"),
    ("one-sentence", "file"),
    ("one-word-lines", "file"),
    ("markdown-nesting", "file"),
    ("html-deep", "html"),
    ("html-attributes", "html"),
    ("html-formatting", "html"),
    ("html-table-cells", "html"),
    ("html-comments", "html"),
    ("html-cloned-formatting", "html"),
    ("batch-one-line", "batch"),
];

const SENTENCE: &str = "Officials in Oslo said on Monday that talks would resume. ";

fn fill(unit: &str, n: usize) -> String {
    unit.repeat(n / unit.len().max(1) + 1)
}

/// The shape `name` at about `n` bytes, or None for an unknown name.
pub fn shape(name: &str, n: usize) -> Option<String> {
    let english = SENTENCE.repeat(4);
    Some(match name {
        // 100k quote marks and brackets: quotation and clause scanners
        "quotes" => format!("{english}\n\n{}", fill("\"", n)),
        "parens" => format!("{english}\n\n{}", fill("(", n)),
        // names without a full stop: the actor scanner's runs
        "capitalised-run" => fill("Russia North Korea Ukraine ", n),
        // dates in one sentence: the time tagger and the timeline
        "dates-in-one-sentence" => {
            format!(
                "{english}\n\nThe talks were held on {}and on 2 March 2024.",
                fill("5 March 2024, ", n)
            )
        }
        // number words and time modifiers the time grammar reads on from each of them
        "number-words" => format!("{english}\n\n{}", fill("one two ", n)),
        // a 5 MB sentence: no full stop anywhere
        "one-sentence" => format!(
            "Officials said {}",
            fill("that the talks would resume and ", n)
        ),
        // a million one-word lines
        "one-word-lines" => format!("{english}\n{}", fill("Oslo\n", n)),
        // deep Markdown nesting: quotes in lists in quotes
        "markdown-nesting" => format!("{english}\n\n{}text\n", fill("> - ", n)),
        "html-deep" => {
            let open = fill("<div>", n / 2);
            format!("<!DOCTYPE html><html><body>{open}<p>{english}</p></body></html>")
        }
        "html-attributes" => {
            let k = n / 10;
            let attributes: String = (0..k).map(|i| format!(" a{i}=x")).collect();
            format!("<!DOCTYPE html><html><body><p{attributes}>{english}</p></body></html>")
        }
        // formatting elements closed out of order: the tree builder's adoption agency
        "html-formatting" => format!(
            "<!DOCTYPE html><html><body>{}<p>{english}</p></body></html>",
            fill("<b><i><p>x</b></i>", n)
        ),
        // cells never closed
        "html-table-cells" => format!(
            "<!DOCTYPE html><html><body><table>{}</table><p>{english}</p></body></html>",
            fill("<tr><td>Oslo<td>said", n)
        ),
        // comments that end only one of their two ways: each was searched to the page's end
        "html-comments" => format!(
            "<!DOCTYPE html><html><body><p>{english}</p>{}</body></html>",
            fill("<!-- c -->", n)
        ),
        // formatting elements left open by a closed block: the tree builder clones them
        // all for each new block's text
        "html-cloned-formatting" => {
            let open: String = (0..250).map(|i| format!("<b id={i}>")).collect();
            format!(
                "<!DOCTYPE html><html><body><div>{open}</div>{}<p>{english}</p></body></html>",
                fill("<div>x</div>", n)
            )
        }
        // one batch line of n bytes
        "batch-one-line" => {
            let text = fill(SENTENCE, n);
            format!("{{\"id\": 1, \"text\": \"{text}\"}}\n")
        }
        _ => return None,
    })
}
