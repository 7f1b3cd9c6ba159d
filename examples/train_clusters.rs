//! Trains the word clusters of the tagger and parser (`assets/syntax/clusters.txt`):
//!
//! ```text
//! cargo run --release --example train_clusters -- --out assets/syntax/clusters.txt \
//!     ewt-train.conllu gum-free.conllu wordnet/yaml
//! ```
//!
//! Inputs by their names: `*.conllu` (the FORM of syntactic words), `*.jsonl` (the `text` of
//! each line, cut into words), a folder of Open English WordNet YAML (the definitions and
//! examples of its synset files, cut into words). Options: `--leaves N` (256), `--min-count N`
//! (3), `--cased` (keep case; the default folds words to lower case as the loader does).

use std::path::{Path, PathBuf};
use std::time::Instant;

use brief::analysis::syntax::clusters::{self, corpus, train};

fn main() {
    let mut out: Option<PathBuf> = None;
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut params = train::Params {
        leaves: 256,
        min_count: 3,
    };
    let mut cased = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| fail(&format!("{name} needs a value")))
        };
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(value("--out"))),
            "--leaves" => params.leaves = number(&value("--leaves")),
            "--min-count" => params.min_count = number(&value("--min-count")) as u32,
            "--cased" => cased = true,
            _ if arg.starts_with("--") => fail(&format!("unknown option {arg}")),
            _ => inputs.push(PathBuf::from(arg)),
        }
    }
    let out = out.unwrap_or_else(|| fail("--out FILE is required"));
    if inputs.is_empty() {
        fail("no input files");
    }
    let started = Instant::now();
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for input in &inputs {
        let before = sentences.len();
        read(input, &mut sentences);
        let words: usize = sentences[before..].iter().map(Vec::len).sum();
        eprintln!(
            "{}: {} sentences, {words} words",
            input.display(),
            sentences.len() - before
        );
    }
    if !cased {
        for word in sentences.iter_mut().flatten() {
            *word = clusters::normalise(word).into_owned();
        }
    }
    let read_time = started.elapsed();
    let result = train::train(&sentences, params);
    let train_time = started.elapsed() - read_time;
    let mut text = String::new();
    for entry in &result.entries {
        text.push_str(&entry.word);
        text.push('\t');
        text.push_str(&entry.path);
        text.push('\n');
    }
    std::fs::write(&out, &text).unwrap_or_else(|e| fail(&format!("{}: {e}", out.display())));
    eprintln!(
        "{} tokens, {} types, {} words clustered (count >= {}), {} leaves, deepest path {} bits; \
         read {:.1} s, trained {:.1} s; {} bytes to {}",
        result.tokens,
        result.types,
        result.vocabulary,
        params.min_count,
        params.leaves,
        result.depth,
        read_time.as_secs_f64(),
        train_time.as_secs_f64(),
        text.len(),
        out.display()
    );
}

fn read(input: &Path, sentences: &mut Vec<Vec<String>>) {
    if input.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(input)
            .unwrap_or_else(|e| fail(&format!("{}: {e}", input.display())))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                // synset files: noun.animal.yaml, not entries-a.yaml or frames.yaml
                name.ends_with(".yaml") && name.contains('.') && name.matches('.').count() == 2
            })
            .collect();
        files.sort();
        for file in files {
            for text in corpus::wordnet_texts(&load(&file)) {
                sentences.extend(corpus::tokenize(&text));
            }
        }
        return;
    }
    let text = load(input);
    match input.extension().and_then(|e| e.to_str()) {
        Some("conllu") => sentences.extend(corpus::conllu_sentences(&text)),
        Some("jsonl") => {
            for doc in corpus::jsonl_texts(&text) {
                sentences.extend(corpus::tokenize(&doc));
            }
        }
        Some("yaml") => {
            for text in corpus::wordnet_texts(&text) {
                sentences.extend(corpus::tokenize(&text));
            }
        }
        _ => {
            for line in text.lines() {
                sentences.extend(corpus::tokenize(line));
            }
        }
    }
}

fn load(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())))
}

fn number(text: &str) -> usize {
    text.parse()
        .unwrap_or_else(|_| fail(&format!("not a number: {text}")))
}

fn fail(message: &str) -> ! {
    eprintln!("train_clusters: {message}");
    std::process::exit(2)
}
