//! Trains the tagger and the parser from CoNLL-U treebanks and writes their weights.
//!
//! ```text
//! cargo run --release --example train_syntax -- --out assets/syntax [--dev DEV.conllu] TRAIN.conllu...
//! ```
//!
//! `--parser-only TAGS` is a trial of parser settings: only the parser is trained, from the
//! jackknifed tags the full command would give it (kept in the file TAGS, computed and
//! written when it does not exist yet, under a header of the settings that made them: a
//! file made with others is refused), with its own generator (`--parser-seed N`, by default
//! `--seed`'s, which seeds the jackknife); the dev treebank is tagged by the taggers already
//! in `--out`, a directory of its own holding copies of them (the trial writes its
//! moves.bin and labels.bin there). `--parser-seed N,M,...` trains a parser for each seed
//! and scores on `--dev` each alone and each pair merged (their averaged weights' mean, cut
//! after), writing the first pair's merge.
//!
//! The shipped weights come from UD English EWT train and the freely licensed GUM documents
//! (see assets/syntax/ATTRIBUTION.md); the same files always give the same weights. `--dev`
//! scores the new models on a development treebank (never a test split).

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;
use std::process::ExitCode;

use brief::analysis::syntax::train::{self, Settings};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_syntax: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &PathBuf) -> Result<Vec<train::Tree>, String> {
    let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    train::read_trees(BufReader::new(file)).map_err(|e| format!("{}: {e}", path.display()))
}

fn run() -> Result<(), String> {
    let mut out = PathBuf::from("assets/syntax");
    let mut dev = None;
    let mut inputs = Vec::new();
    let mut settings = Settings {
        keep: [150_000, 380_000, 150_000],
        keep_second: 80_000,
        tagger_epochs: 10,
        parser_epochs: 20,
        folds: 4,
        seed: 20_261_206,
    };
    let mut parser_only = None;
    let mut parser_seeds: Option<Vec<u64>> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--out" => out = PathBuf::from(value()?),
            "--dev" => dev = Some(PathBuf::from(value()?)),
            "--tagger-epochs" => {
                settings.tagger_epochs = value()?.parse().map_err(|_| "a number")?
            }
            "--parser-epochs" => {
                settings.parser_epochs = value()?.parse().map_err(|_| "a number")?
            }
            "--keep-second" => settings.keep_second = value()?.parse().map_err(|_| "a number")?,
            "--folds" => settings.folds = value()?.parse().map_err(|_| "a number")?,
            "--seed" => settings.seed = value()?.parse().map_err(|_| "a number")?,
            "--parser-only" => parser_only = Some(PathBuf::from(value()?)),
            "--parser-seed" => {
                let seeds: Result<Vec<u64>, _> = value()?.split(',').map(str::parse).collect();
                parser_seeds = Some(seeds.map_err(|_| "--parser-seed takes numbers: N or N,M,...")?)
            }
            "--keep" => {
                let v = value()?;
                let n: Vec<usize> = v.split(',').filter_map(|n| n.parse().ok()).collect();
                settings.keep = n
                    .try_into()
                    .map_err(|_| "--keep takes three numbers: tagger,moves,labels")?;
            }
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => inputs.push(PathBuf::from(a)),
        }
    }
    if parser_seeds.is_some() && parser_only.is_none() {
        return Err("--parser-seed is for --parser-only trials".into());
    }
    let parser_seeds = parser_seeds.unwrap_or(vec![settings.seed]);
    if parser_seeds.len() > 1 && dev.is_none() {
        return Err("several parser seeds are scored on --dev: name it".into());
    }
    if inputs.is_empty() {
        return Err("name the training treebanks (CoNLL-U files)".into());
    }
    let mut trees = Vec::new();
    for path in &inputs {
        trees.extend(read(path)?);
    }
    let start = std::time::Instant::now();
    let mut report = |line| eprintln!("{:>6.1}s {line}", start.elapsed().as_secs_f64());
    let trained = match &parser_only {
        Some(tags) => {
            let data = train::prepare(&trees);
            let predicted = match std::fs::read_to_string(tags) {
                Ok(text) => train::read_tags(&text, &data, &settings)
                    .map_err(|e| format!("{}: {e}", tags.display()))?,
                Err(_) => {
                    let predicted = train::jackknifed(&data, &settings, &mut report);
                    std::fs::write(tags, train::write_tags(&data, &settings, &predicted))
                        .map_err(|e| format!("{}: {e}", tags.display()))?;
                    predicted
                }
            };
            let parsers: Vec<train::Learnt> = parser_seeds
                .iter()
                .map(|&seed| {
                    report(format!("parser seed {seed}"));
                    train::train_parser_only(
                        &trees,
                        &data,
                        &predicted,
                        &settings,
                        seed,
                        &mut report,
                    )
                })
                .collect();
            let file = |name: &str| {
                let path = out.join(name);
                std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
            };
            let dictionary = String::from_utf8(file("tag_dictionary.tsv")?)
                .map_err(|_| "tag_dictionary.tsv is not UTF-8")?;
            let with = |(moves, labels)| -> Result<train::Trained, String> {
                Ok(train::Trained {
                    dictionary: dictionary.clone(),
                    tagger: file("tagger.bin")?,
                    second: file("tagger2.bin")?,
                    moves,
                    labels,
                })
            };
            if parsers.len() > 1 {
                let dev = read(dev.as_ref().expect("checked"))?;
                let scored = |name: String, parser: &train::Learnt| -> Result<(), String> {
                    let (upos, uas, las) = with(parser.freeze(&data, &settings))?
                        .score(&dev)
                        .map_err(|e| e.to_string())?;
                    let (upos, uas, las) = (100.0 * upos, 100.0 * uas, 100.0 * las);
                    report(format!("{name}: UPOS {upos:.2} UAS {uas:.2} LAS {las:.2}"));
                    Ok(())
                };
                for (seed, parser) in parser_seeds.iter().zip(&parsers) {
                    scored(format!("seed {seed}"), parser)?;
                }
                for i in 0..parsers.len() {
                    for j in i + 1..parsers.len() {
                        let name =
                            format!("seeds {} and {} merged", parser_seeds[i], parser_seeds[j]);
                        scored(name, &parsers[i].mean(&parsers[j]))?;
                    }
                }
            }
            let parser = match &parsers[..] {
                [one] => one.freeze(&data, &settings),
                [a, b, ..] => a.mean(b).freeze(&data, &settings),
                [] => unreachable!("at least one seed"),
            };
            with(parser)?
        }
        None => train::train(&trees, &settings, &mut report),
    };
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    for (name, bytes) in [
        ("tag_dictionary.tsv", trained.dictionary.as_bytes()),
        ("tagger.bin", trained.tagger.as_slice()),
        ("tagger2.bin", trained.second.as_slice()),
        ("moves.bin", trained.moves.as_slice()),
        ("labels.bin", trained.labels.as_slice()),
    ] {
        let path = out.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if let Some(dev) = dev {
        let trees = read(&dev)?;
        let t = std::time::Instant::now();
        let (upos, uas, las) = trained.score(&trees).map_err(|e| e.to_string())?;
        let words: usize = trees.iter().map(|t| t.forms.len()).sum();
        eprintln!(
            "{}: UPOS {:.2} UAS {:.2} LAS {:.2} ({:.0} words/s)",
            dev.display(),
            100.0 * upos,
            100.0 * uas,
            100.0 * las,
            words as f64 / t.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
