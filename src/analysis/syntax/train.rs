//! Training the tagger and the parser from treebanks (`cargo run --release --example
//! train_syntax`). Deterministic: the same files and settings give the same bytes, whatever
//! the machine (one thread; sentences shuffled by a seeded generator; hash maps never
//! iterated except through sorted keys).
//!
//! The parser learns from tags the tagger predicted, not gold ones, as it will meet them:
//! the treebank is cut into folds, and each fold is tagged by a tagger trained on the others
//! (jackknifing).

use super::conllu::{Block, Reader};
use super::features::Word;
use super::learn::{self, Perceptron};
use super::parser::{self, Gold, NO_LABEL, Sentence};
use super::tagger::{self, Dictionary};
use super::weights::{self, Relative, Weights};

/// xorshift64*: small, fast, and the same on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i as u64 + 1) as usize);
        }
    }
}

/// A sentence of a treebank.
pub struct Tree {
    pub forms: Vec<String>,
    /// "UPOS XPOS", as the tagger's classes are named.
    pub tags: Vec<String>,
    /// Each word's head (`forms.len()` for the root).
    pub heads: Vec<u32>,
    pub labels: Vec<String>,
}

/// The words of the tree in a CoNLL-U block.
pub fn tree(block: &Block) -> Option<Tree> {
    let words: Vec<&super::conllu::Word> = block.words().collect();
    let n = words.len();
    let mut t = Tree {
        forms: Vec::with_capacity(n),
        tags: Vec::with_capacity(n),
        heads: Vec::with_capacity(n),
        labels: Vec::with_capacity(n),
    };
    for w in words {
        let head: usize = w.column(6).parse().ok()?;
        t.forms.push(w.column(1).to_string());
        t.tags.push(format!("{} {}", w.column(3), w.column(4)));
        t.heads
            .push(if head == 0 { n as u32 } else { head as u32 - 1 });
        t.labels.push(w.column(7).to_string());
    }
    (n > 0).then_some(t)
}

pub fn read_trees(input: impl std::io::BufRead) -> Result<Vec<Tree>, super::conllu::Error> {
    let mut trees = Vec::new();
    for block in Reader::new(input) {
        trees.extend(tree(&block?));
    }
    Ok(trees)
}

pub struct Settings {
    /// The most features each model keeps (tagger, moves, labels): the strongest.
    pub keep: [usize; 3],
    /// The most the second tagging pass keeps.
    pub keep_second: usize,
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    pub folds: usize,
    pub seed: u64,
}

/// The four models and the tag dictionary, as their files in assets/syntax/.
pub struct Trained {
    pub dictionary: String,
    pub tagger: Vec<u8>,
    /// The second tagging pass.
    pub second: Vec<u8>,
    pub moves: Vec<u8>,
    pub labels: Vec<u8>,
}

/// A treebank made ready: words, and tags and labels as class numbers.
pub struct Prepared {
    tag_names: Vec<String>,
    label_names: Vec<String>,
    words: Vec<Vec<Word>>,
    tags: Vec<Vec<u16>>,
    labels: Vec<Vec<u16>>,
}

fn classes<'a>(values: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut names: Vec<String> = values.cloned().collect();
    names.sort();
    names.dedup();
    names
}

fn index(names: &[String], name: &str) -> u16 {
    names
        .binary_search_by(|n| n.as_str().cmp(name))
        .expect("a known class") as u16
}

fn train_tagger(
    words: &[&[Word]],
    tags: &[&[u16]],
    classes: usize,
    epochs: usize,
    rng: &mut Rng,
) -> Perceptron {
    let mut model = Perceptron::new(classes);
    let mut order: Vec<usize> = (0..words.len()).collect();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        let batch: Vec<(&[Word], &[u16])> = order.iter().map(|&i| (words[i], tags[i])).collect();
        tagger::learn(&mut model, &batch);
    }
    model
}

/// The second tagging pass, learning from the jackknifed first-pass tags (`first`) as it
/// will meet them. Its own generator, so that adding it left the other models as they were.
fn train_second(
    words: &[&[Word]],
    tags: &[&[u16]],
    first: &[Vec<u16>],
    classes: usize,
    settings: &Settings,
) -> Perceptron {
    let mut rng = Rng::new(settings.seed ^ 0x005E_C00D);
    let mut model = Perceptron::new(classes);
    let mut order: Vec<usize> = (0..words.len()).collect();
    for _ in 0..settings.tagger_epochs {
        rng.shuffle(&mut order);
        let batch: Vec<(&[Word], &[u16], &[u16])> = order
            .iter()
            .map(|&i| (words[i], tags[i], first[i].as_slice()))
            .collect();
        tagger::learn_second(&mut model, &batch);
    }
    model
}

/// The treebank made ready once, for [`jackknifed`] and [`train_parser_only`] to share.
pub fn prepare(trees: &[Tree]) -> Prepared {
    let tag_names = classes(trees.iter().flat_map(|t| &t.tags));
    let label_names = classes(
        trees
            .iter()
            .flat_map(|t| t.labels.iter().filter(|l| *l != "root")),
    );
    Prepared {
        words: trees
            .iter()
            .map(|t| t.forms.iter().map(|f| Word::new(f)).collect())
            .collect(),
        tags: trees
            .iter()
            .map(|t| t.tags.iter().map(|x| index(&tag_names, x)).collect())
            .collect(),
        labels: trees
            .iter()
            .map(|t| {
                t.labels
                    .iter()
                    .map(|l| {
                        if l == "root" {
                            NO_LABEL
                        } else {
                            index(&label_names, l)
                        }
                    })
                    .collect()
            })
            .collect(),
        tag_names,
        label_names,
    }
}

/// Tags for the parser to learn from, each fold tagged by a tagger that never saw it.
fn jackknife(
    data: &Prepared,
    settings: &Settings,
    rng: &mut Rng,
    report: &mut dyn FnMut(String),
) -> Vec<Vec<u16>> {
    let folds = settings.folds.max(2);
    let n = data.words.len();
    let mut predicted: Vec<Vec<u16>> = vec![Vec::new(); n];
    for fold in 0..folds {
        let inside = |i: usize| i % folds == fold;
        let (w, t): (Vec<&[Word]>, Vec<&[u16]>) = (0..n)
            .filter(|&i| !inside(i))
            .map(|i| (data.words[i].as_slice(), data.tags[i].as_slice()))
            .unzip();
        let model = train_tagger(&w, &t, data.tag_names.len(), settings.tagger_epochs, rng);
        let frozen = weights::write(&data.tag_names, &model.averaged(settings.keep[0]));
        let frozen = Weights::from_bytes(&frozen).expect("just written");
        let mut right = 0;
        let mut all = 0;
        for i in (0..n).filter(|&i| inside(i)) {
            // without the dictionary, which changes about one tag in 2,500
            predicted[i] = tagger::tag(&frozen, &Dictionary::default(), &data.words[i]);
            right += predicted[i]
                .iter()
                .zip(&data.tags[i])
                .filter(|(a, b)| a == b)
                .count();
            all += predicted[i].len();
        }
        report(format!(
            "fold {fold}: tags {:.2}% right",
            100.0 * right as f64 / all as f64
        ));
    }
    predicted
}

/// A feature's averaged weights by class, as [`Perceptron::averaged_all`] gives them.
type Rows = Vec<(u64, Vec<(u16, f32)>)>;

/// The parser's two models learnt, averaged, every feature kept: not yet frozen, so that
/// two can be merged ([`Learnt::mean`]) before the cut to the strongest.
pub struct Learnt {
    moves: Rows,
    labels: Rows,
}

impl Learnt {
    /// The mean of two parsers' weights, learnt from the same trees with other shuffles.
    pub fn mean(&self, other: &Learnt) -> Learnt {
        Learnt {
            moves: learn::mean(&self.moves, &other.moves),
            labels: learn::mean(&self.labels, &other.labels),
        }
    }

    /// The two models (moves, labels) as their files, each cut to its strongest features.
    pub fn freeze(&self, data: &Prepared, settings: &Settings) -> (Vec<u8>, Vec<u8>) {
        let move_names: Vec<String> = parser::MOVES.iter().map(|m| m.to_string()).collect();
        let moves = learn::cut(self.moves.clone(), settings.keep[1]);
        let moves = weights::relative_of(&weights::write(&move_names, &moves))
            .expect("three moves fit the relative layout");
        let labels = learn::cut(self.labels.clone(), settings.keep[2]);
        let labels = weights::write(&data.label_names, &labels);
        (moves, labels)
    }
}

/// The parser's two models (moves, labels), learnt from the trees with the `predicted` tags.
fn train_parser(
    trees: &[Tree],
    data: &Prepared,
    predicted: &[Vec<u16>],
    settings: &Settings,
    rng: &mut Rng,
    report: &mut dyn FnMut(String),
) -> Learnt {
    let gold: Vec<Gold> = (0..trees.len())
        .map(|i| Gold {
            sentence: Sentence {
                words: &data.words[i],
                tags: &predicted[i],
            },
            heads: &trees[i].heads,
            labels: &data.labels[i],
        })
        .collect();
    let mut moves = Perceptron::new(parser::MOVES.len());
    let mut labels = Perceptron::new(data.label_names.len());
    let mut order: Vec<usize> = (0..gold.len()).collect();
    for epoch in 0..settings.parser_epochs {
        rng.shuffle(&mut order);
        let batch: Vec<Gold> = order.iter().map(|&i| gold[i]).collect();
        parser::learn(&mut moves, &mut labels, &batch, epoch > 0, rng);
        report(format!("parser epoch {}", epoch + 1));
    }
    Learnt {
        moves: moves.averaged_all(),
        labels: labels.averaged_all(),
    }
}

/// The jackknifed tags the training command gives the parser, for trials of the parser
/// alone ([`train_parser_only`]).
pub fn jackknifed(
    data: &Prepared,
    settings: &Settings,
    report: &mut dyn FnMut(String),
) -> Vec<Vec<u16>> {
    jackknife(data, settings, &mut Rng::new(settings.seed), report)
}

/// The settings that decide the [`jackknifed`] tags, and the treebank's size: the first
/// line of a file of them, so that a trial never learns from tags made otherwise.
fn tags_header(data: &Prepared, settings: &Settings) -> String {
    format!(
        "# jackknifed tags: {} folds, {} tagger epochs, {} tagger features, seed {}, {} sentences, {} words",
        settings.folds,
        settings.tagger_epochs,
        settings.keep[0],
        settings.seed,
        data.words.len(),
        data.words.iter().map(Vec::len).sum::<usize>()
    )
}

/// The [`jackknifed`] tags as a file: the header, then a sentence's tag numbers a line.
pub fn write_tags(data: &Prepared, settings: &Settings, tags: &[Vec<u16>]) -> String {
    let line = |t: &Vec<u16>| t.iter().map(u16::to_string).collect::<Vec<_>>().join(" ");
    let mut text = tags_header(data, settings) + "\n";
    text.extend(tags.iter().map(|t| line(t) + "\n"));
    text
}

/// The tags of a file [`write_tags`] wrote with these settings for this treebank; the
/// error says why not in one line.
pub fn read_tags(
    text: &str,
    data: &Prepared,
    settings: &Settings,
) -> Result<Vec<Vec<u16>>, String> {
    let (header, rest) = text.split_once('\n').unwrap_or((text, ""));
    let want = tags_header(data, settings);
    if header != want {
        let had = header
            .strip_prefix("# ")
            .unwrap_or("no header of its settings");
        let want = want.strip_prefix("# jackknifed tags: ").unwrap_or(&want);
        return Err(format!(
            "{had}; these settings want {want}: remove it to make it again"
        ));
    }
    let tags: Vec<Vec<u16>> = rest
        .lines()
        .map(|line| line.split(' ').map(str::parse).collect::<Result<_, _>>())
        .collect::<Result<_, _>>()
        .map_err(|_| "a tag that is not a number")?;
    let fits = tags.len() == data.words.len()
        && tags
            .iter()
            .zip(&data.words)
            .all(|(t, w)| t.len() == w.len());
    fits.then_some(tags)
        .ok_or_else(|| "a sentence's tags do not match the treebank's words".into())
}

/// The parser alone, from the [`jackknifed`] tags, with its own generator seeded by `seed`:
/// a trial of parser settings without training the taggers (so its shuffles are not those
/// of [`train`], which draws them after the taggers').
pub fn train_parser_only(
    trees: &[Tree],
    data: &Prepared,
    predicted: &[Vec<u16>],
    settings: &Settings,
    seed: u64,
    report: &mut dyn FnMut(String),
) -> Learnt {
    let mut rng = Rng::new(seed ^ 0x0000_0BEA_D5EE_D000);
    train_parser(trees, data, predicted, settings, &mut rng, report)
}

/// Trains all four models; `report` hears what happens, a line at a time.
pub fn train(trees: &[Tree], settings: &Settings, report: &mut dyn FnMut(String)) -> Trained {
    let mut rng = Rng::new(settings.seed);
    let data = &prepare(trees);
    let tag_names = &data.tag_names;
    report(format!(
        "{} sentences, {} words, {} tags, {} labels",
        trees.len(),
        data.words.iter().map(Vec::len).sum::<usize>(),
        tag_names.len(),
        data.label_names.len()
    ));
    let predicted = jackknife(data, settings, &mut rng, report);

    let (w, t): (Vec<&[Word]>, Vec<&[u16]>) = data
        .words
        .iter()
        .zip(&data.tags)
        .map(|(w, t)| (w.as_slice(), t.as_slice()))
        .unzip();
    let second = train_second(&w, &t, &predicted, tag_names.len(), settings);
    let second = weights::write(tag_names, &second.averaged(settings.keep_second));
    let tagger_model = train_tagger(&w, &t, tag_names.len(), settings.tagger_epochs, &mut rng);
    let tagger_bytes = weights::write(tag_names, &tagger_model.averaged(settings.keep[0]));
    drop(tagger_model);
    let words = Dictionary::learn(trees.iter().flat_map(|t| {
        let forms = t.forms.iter().map(String::as_str);
        forms.zip(t.tags.iter().map(|x| index(tag_names, x)))
    }));
    let dictionary = Dictionary::write(&words, tag_names);
    report(format!(
        "tagger: {} bytes, second pass {} bytes, a dictionary of {} words",
        tagger_bytes.len(),
        second.len(),
        words.len()
    ));

    let (moves, labels) =
        train_parser(trees, data, &predicted, settings, &mut rng, report).freeze(data, settings);
    let trained = Trained {
        dictionary,
        tagger: tagger_bytes,
        second,
        moves,
        labels,
    };
    report(format!(
        "moves: {} bytes, labels: {} bytes",
        trained.moves.len(),
        trained.labels.len()
    ));
    trained
}

impl Trained {
    /// UPOS, UAS and LAS (universal part of the label) of these models on trees, as
    /// fractions.
    pub fn score(&self, trees: &[Tree]) -> Result<(f64, f64, f64), weights::Damaged> {
        let tagger = Weights::from_bytes(&self.tagger)?;
        let second = Weights::from_bytes(&self.second)?;
        let moves = Relative::from_bytes(&self.moves)?;
        let labels = Weights::from_bytes(&self.labels)?;
        let dictionary = Dictionary::read(&self.dictionary, tagger.names())
            .ok_or(weights::Damaged("the tag dictionary names an unknown tag"))?;
        Ok(score(
            [&tagger, &second],
            &dictionary,
            &moves,
            &labels,
            trees,
        ))
    }
}

fn score(
    [tagger, second]: [&Weights; 2],
    dictionary: &Dictionary,
    moves: &Relative,
    labels: &Weights,
    trees: &[Tree],
) -> (f64, f64, f64) {
    let (tag_names, label_names) = (tagger.names(), labels.names());
    let (mut words, mut upos, mut uas, mut las) = (0usize, 0usize, 0usize, 0usize);
    for t in trees {
        let w: Vec<Word> = t.forms.iter().map(|f| Word::new(f)).collect();
        let tags = tagger::tag_twice(tagger, second, dictionary, &w);
        let st = Sentence {
            words: &w,
            tags: &tags,
        }
        .parse(moves, labels);
        for i in 0..w.len() {
            words += 1;
            let gold_upos = t.tags[i].split(' ').next();
            upos += usize::from(tag_names[tags[i] as usize].split(' ').next() == gold_upos);
            if st.heads[i] == t.heads[i] {
                uas += 1;
                let label = match st.labels[i] {
                    NO_LABEL => "root",
                    l => label_names[l as usize],
                };
                let universal = |l: &str| l.split(':').next().map(str::to_string);
                las += usize::from(universal(label) == universal(&t.labels[i]));
            }
        }
    }
    let n = words.max(1) as f64;
    (upos as f64 / n, uas as f64 / n, las as f64 / n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn treebank() -> Vec<Tree> {
        let text = "\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
4\tit\tit\tPRON\tPRP\t_\t5\tnsubj\t_\t_
5\tfailed\tfail\tVERB\tVBD\t_\t3\tccomp\t_\t_
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_
2\tspokesman\tspokesman\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tdenied\tdeny\tVERB\tVBD\t_\t0\troot\t_\t_
4\tit\tit\tPRON\tPRP\t_\t3\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
";
        // each sentence twice, so that every fold of the jackknife has seen both
        read_trees(format!("{text}\n{text}").as_bytes()).unwrap()
    }

    fn settings() -> Settings {
        Settings {
            keep: [1000; 3],
            keep_second: 1000,
            tagger_epochs: 8,
            parser_epochs: 16,
            folds: 2,
            seed: 7,
        }
    }

    #[test]
    fn training_is_deterministic() {
        let trees = treebank();
        let a = train(&trees, &settings(), &mut |_| {});
        let b = train(&trees, &settings(), &mut |_| {});
        assert!(a.tagger == b.tagger && a.moves == b.moves && a.labels == b.labels);
        assert!(a.second == b.second);
        assert_eq!(a.dictionary, b.dictionary);
    }

    #[test]
    fn a_model_learns_its_training_sentences() {
        let trees = treebank();
        let t = train(&trees, &settings(), &mut |_| {});
        assert_eq!(t.score(&trees).unwrap(), (1.0, 1.0, 1.0));
    }

    #[test]
    fn a_parser_trial_is_deterministic_on_the_jackknifed_tags() {
        let trees = treebank();
        let data = prepare(&trees);
        let tags = jackknifed(&data, &settings(), &mut |_| {});
        let file = write_tags(&data, &settings(), &tags);
        assert_eq!(read_tags(&file, &data, &settings()), Ok(tags.clone()));
        let parser = |seed| {
            train_parser_only(&trees, &data, &tags, &settings(), seed, &mut |_| {})
                .freeze(&data, &settings())
        };
        let (a, b) = (parser(3), parser(3));
        assert!(a == b && !a.0.is_empty() && !a.1.is_empty());
    }

    #[test]
    fn a_parser_merged_with_itself_is_itself() {
        let trees = treebank();
        let data = prepare(&trees);
        let tags = jackknifed(&data, &settings(), &mut |_| {});
        let parser = train_parser_only(&trees, &data, &tags, &settings(), 3, &mut |_| {});
        let merged = parser.mean(&parser).freeze(&data, &settings());
        assert!(merged == parser.freeze(&data, &settings()));
    }

    #[test]
    fn tags_made_with_other_settings_are_refused() {
        let trees = treebank();
        let data = prepare(&trees);
        let tags = jackknifed(&data, &settings(), &mut |_| {});
        let file = write_tags(&data, &settings(), &tags);
        let other = Settings {
            folds: 3,
            ..settings()
        };
        let refusal = read_tags(&file, &data, &other).unwrap_err();
        assert!(
            refusal.contains("2 folds") && refusal.contains("want 3 folds"),
            "{refusal}"
        );
        assert!(!refusal.contains('\n'));
        let headless = file.split_once('\n').unwrap().1;
        let refusal = read_tags(headless, &data, &settings()).unwrap_err();
        assert!(refusal.starts_with("no header"), "{refusal}");
        let short = file.lines().take(2).collect::<Vec<_>>().join("\n");
        assert!(read_tags(&short, &data, &settings()).is_err());
    }
}
