//! Trains the name recogniser (`analysis::actors::recogniser`) and writes its weights.
//!
//! ```text
//! cargo run --release --example train_entities -- --out assets/entities/names.bin \
//!     [--dev UNER-DEV.iob2] [--epochs N] [--keep N] [--seed N] TRAIN.iob2... GUM.jsonl...
//! ```
//!
//! `.iob2` files are UNER English EWT rows (`ID FORM TAG - ANNOTATOR`, a `# text = ` line
//! before each sentence; OTH is read as O). `.jsonl` files are GUM documents (`text` and
//! char-offset `entities`): the text is cut into words and sentences by brief's own
//! tokeniser, and person, organization and place entities become PER, ORG and LOC (the
//! outermost of nested ones, cut at a comma and to the words from the first with a capital
//! to the last, unless longer than eight words). The shipped weights come from UNER English EWT train and the GUM
//! documents of shared/eval/tune/gum_all.jsonl (see assets/syntax/ATTRIBUTION.md); the same
//! files always give the same weights. `--dev` scores the new model on a UNER file (never a
//! test split).

use std::path::PathBuf;
use std::process::ExitCode;

use brief::analysis::actors::recogniser::{self, Evidence, LABELS};
use brief::analysis::syntax::features::Word;
use brief::analysis::syntax::learn::Perceptron;
use brief::analysis::syntax::train::Rng;
use brief::analysis::syntax::weights::{self, Relative};
use brief::analysis::tokens::{Token, tokenize};
use brief::analysis::{actors, times};
use brief::document::{Document, Meta};

/// A sentence ready to learn from.
struct Example {
    words: Vec<Word>,
    evidence: Vec<Evidence>,
    scored: Vec<bool>,
    labels: Vec<u8>,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_entities: {e}");
            ExitCode::FAILURE
        }
    }
}

fn label_index(tag: &str) -> u8 {
    LABELS.iter().position(|l| *l == tag).unwrap_or(0) as u8
}

fn example(text: &str, spans: &[(usize, usize)], labels: Vec<u8>, rules: &[u64]) -> Example {
    let forms: Vec<&str> = spans.iter().map(|&(a, b)| &text[a..b]).collect();
    let flags: Vec<u32> = forms.iter().map(|f| recogniser::word_flags(f)).collect();
    let mut evidence = recogniser::evidence(text, spans, &vec![true; spans.len()], &flags);
    for (e, &r) in evidence.iter_mut().zip(rules) {
        e.rule = r;
    }
    Example {
        words: forms.iter().map(|f| Word::new(f)).collect(),
        evidence,
        scored: recogniser::scored(&forms),
        labels,
    }
}

/// What the rules find in a document: a code for each of brief's tokens.
fn rules(doc: &Document) -> (Vec<Token>, Vec<u64>) {
    let tokens = tokenize(doc);
    let times = times::extract(doc, &tokens);
    let codes = actors::rule_evidence(doc, &tokens, &times);
    (tokens, codes)
}

/// The rules' code of each word (byte ranges of the document): that of the token it starts in.
fn codes_of(tokens: &[Token], codes: &[u64], words: &[(usize, usize)]) -> Vec<u64> {
    words
        .iter()
        .map(|&(a, _)| {
            let k = tokens.partition_point(|t| t.span.end <= a);
            match tokens.get(k) {
                Some(t) if t.span.start <= a => codes[k],
                _ => 0,
            }
        })
        .collect()
}

/// A UNER sentence: its text, its words (byte ranges of the text; None when they cannot be
/// found in it) and its rows (form and label).
type Sentence = (String, Option<Vec<(usize, usize)>>, Vec<(String, u8)>);

/// UNER rows: each sentence's words found in its `# text` in order (written with single
/// spaces when a word cannot be found there, and then without the rules' evidence); the
/// rules read each document's sentences joined by spaces.
fn read_iob2(path: &PathBuf) -> Result<Vec<Example>, String> {
    let input = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rows: Vec<(String, u8)> = Vec::new();
    let mut document: Vec<Sentence> = Vec::new();
    let sentence = |text: &str, rows: &mut Vec<(String, u8)>, document: &mut Vec<_>| {
        if rows.is_empty() {
            return;
        }
        let mut spans = Vec::with_capacity(rows.len());
        let mut at = 0;
        for (form, _) in rows.iter() {
            match text[at..].find(form.as_str()) {
                Some(k) => {
                    spans.push((at + k, at + k + form.len()));
                    at += k + form.len();
                }
                None => break,
            }
        }
        let found = (spans.len() == rows.len()).then_some(spans);
        document.push((text.to_string(), found, std::mem::take(rows)));
    };
    let mut flush = |document: &mut Vec<Sentence>| {
        let joined: Vec<&str> = document.iter().map(|d| d.0.as_str()).collect();
        let joined = joined.join(" ");
        let (doc, _) = Document::from_text(&joined, Meta::default());
        let (tokens, codes) = rules(&doc);
        let mut offset = 0;
        for (text, found, rows) in document.drain(..) {
            let labels: Vec<u8> = rows.iter().map(|r| r.1).collect();
            match found {
                Some(spans) => {
                    let codes = if doc.text == joined {
                        let moved: Vec<(usize, usize)> = spans
                            .iter()
                            .map(|&(a, b)| (a + offset, b + offset))
                            .collect();
                        codes_of(&tokens, &codes, &moved)
                    } else {
                        vec![0; spans.len()]
                    };
                    out.push(example(&text, &spans, labels, &codes));
                }
                None => {
                    let forms: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
                    let words = forms.join(" ");
                    let mut spans = Vec::new();
                    let mut at = 0;
                    for form in forms {
                        spans.push((at, at + form.len()));
                        at += form.len() + 1;
                    }
                    let none = vec![0; spans.len()];
                    out.push(example(&words, &spans, labels, &none));
                }
            }
            offset += text.len() + 1;
        }
    };
    for line in input.lines() {
        if let Some(t) = line.strip_prefix("# text = ") {
            text = t.to_string();
        } else if line.starts_with("# newdoc") {
            sentence(&text, &mut rows, &mut document);
            flush(&mut document);
        } else if line.starts_with('#') {
            continue;
        } else if line.trim().is_empty() {
            sentence(&text, &mut rows, &mut document);
        } else {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 {
                return Err(format!(
                    "{}: a row of {} columns",
                    path.display(),
                    cols.len()
                ));
            }
            let tag = cols[2].replace("-OTH", "-X");
            rows.push((cols[1].to_string(), label_index(&tag)));
        }
    }
    sentence(&text, &mut rows, &mut document);
    flush(&mut document);
    Ok(out)
}

/// GUM documents: brief's tokens, labelled from the typed entities.
fn read_gum(path: &PathBuf) -> Result<Vec<Example>, String> {
    let input = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for line in input.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}: {e}", path.display()))?;
        let text = v["text"].as_str().unwrap_or_default();
        let (doc, _) = Document::from_text(text, Meta::default());
        if doc.text != text {
            eprintln!(
                "{}: {} changed by cleaning, left out",
                path.display(),
                v["id"]
            );
            continue;
        }
        // char offsets to byte offsets
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        let (tokens, codes) = rules(&doc);
        let word = |t: usize| tokens[t].text(&doc.text);
        let mut spans = Vec::new();
        for e in v["entities"].as_array().into_iter().flatten() {
            let label = match e["type"].as_str() {
                Some("person") => 1,
                Some("organization") => 3,
                Some("place") => 5,
                _ => continue,
            };
            let (Some(s), Some(t)) = (e["start"].as_u64(), e["end"].as_u64()) else {
                continue;
            };
            let (s, t) = (bytes[s as usize], bytes[t as usize]);
            // the name itself: up to a comma ("University of Portsmouth, United Kingdom"),
            // without the words before and after it that have no capital ("the",
            // "sociologist William Graham Sumner", "present-day Łódź")
            let mut inside: Vec<usize> = (0..tokens.len())
                .filter(|&k| tokens[k].span.start >= s && tokens[k].span.end <= t)
                .collect();
            if let Some(comma) = inside.iter().position(|&k| word(k) == ",") {
                inside.truncate(comma);
            }
            let capital = |k: &usize| word(*k).chars().any(char::is_uppercase);
            let (Some(first), Some(last)) = (
                inside.iter().copied().find(capital),
                inside.iter().copied().rfind(capital),
            ) else {
                continue;
            };
            if last + 1 - first > 8 || tokens[first].sentence != tokens[last].sentence {
                continue;
            }
            spans.push((first, last + 1, label));
        }
        // outermost first; ties by position
        spans.sort_by_key(|&(a, b, _)| (std::cmp::Reverse(b - a), a));
        let mut labels = vec![0u8; tokens.len()];
        for (a, b, l) in spans {
            if labels[a..b].iter().all(|&x| x == 0) {
                labels[a] = l;
                labels[a + 1..b].fill(l + 1);
            }
        }
        let mut first = 0;
        for sentence in tokens.chunk_by(|a, b| a.sentence == b.sentence) {
            let spans: Vec<(usize, usize)> = sentence
                .iter()
                .map(|t| (t.span.start, t.span.end))
                .collect();
            let l = labels[first..first + sentence.len()].to_vec();
            let c = &codes[first..first + sentence.len()];
            out.push(example(&doc.text, &spans, l, c));
            first += sentence.len();
        }
    }
    Ok(out)
}

/// Exact typed span precision, recall and F1 of a model on labelled sentences.
fn score(model: &Relative, sentences: &[Example]) -> (f64, f64, f64) {
    let (mut tp, mut pred, mut gold) = (0usize, 0usize, 0usize);
    for s in sentences {
        let guess = recogniser::names(&recogniser::label(model, &s.words, &s.evidence, &s.scored));
        let truth = recogniser::names(&s.labels);
        pred += guess.len();
        gold += truth.len();
        tp += guess.iter().filter(|g| truth.contains(g)).count();
    }
    let p = tp as f64 / pred.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    (p, r, 2.0 * p * r / (p + r).max(1e-9))
}

fn run() -> Result<(), String> {
    let mut out = PathBuf::from("assets/entities/names.bin");
    let mut dev = None;
    let mut inputs = Vec::new();
    let (mut epochs, mut keep, mut seed) = (6usize, 30_000usize, 20_261_206u64);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--out" => out = PathBuf::from(value()?),
            "--dev" => dev = Some(PathBuf::from(value()?)),
            "--epochs" => epochs = value()?.parse().map_err(|_| "a number")?,
            "--keep" => keep = value()?.parse().map_err(|_| "a number")?,
            "--seed" => seed = value()?.parse().map_err(|_| "a number")?,
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => inputs.push(PathBuf::from(a)),
        }
    }
    if inputs.is_empty() {
        return Err("name the training files (.iob2, .jsonl)".into());
    }
    let start = std::time::Instant::now();
    let mut data = Vec::new();
    for path in &inputs {
        let read = if path.extension().is_some_and(|e| e == "jsonl") {
            read_gum(path)?
        } else {
            read_iob2(path)?
        };
        eprintln!("{}: {} sentences", path.display(), read.len());
        data.extend(read);
    }
    let dev = match &dev {
        Some(path) => read_iob2(path)?,
        None => Vec::new(),
    };
    let mut model = Perceptron::new(LABELS.len());
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        let batch: Vec<recogniser::Sentence> = order
            .iter()
            .map(|&k| {
                let s = &data[k];
                (&s.words[..], &s.evidence[..], &s.scored[..], &s.labels[..])
            })
            .collect();
        recogniser::learn(&mut model, &batch);
        if !dev.is_empty() && (epoch % 2 == 0 || epoch == epochs) {
            let bytes = weights::write_relative(&names(), &model.averaged(keep));
            let w = Relative::from_bytes(&bytes).map_err(|e| e.to_string())?;
            let (p, r, f) = score(&w, &dev);
            eprintln!(
                "{:>6.1}s epoch {epoch}: dev P {:.3} R {:.3} F1 {:.3} ({} kB)",
                start.elapsed().as_secs_f64(),
                p,
                r,
                f,
                bytes.len() / 1000
            );
        }
    }
    let bytes = weights::write_relative(&names(), &model.averaged(keep));
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("{}: {} bytes", out.display(), bytes.len());
    Ok(())
}

fn names() -> Vec<String> {
    LABELS.iter().map(|l| l.to_string()).collect()
}
