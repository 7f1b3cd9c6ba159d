//! The analysis, stage by stage and whole, on generated news at growing sizes (cost must grow
//! linearly) and on one long line. `cargo bench --bench analysis`; throughput is in bytes.

use brief::analysis::{
    UserLexicon, actors, analyze, claims, mentions, syntax, timeline, times, tokens,
};
use brief::document::Document;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

#[path = "news/mod.rs"]
mod news;

fn main() {
    divan::main();
}

/// The sizes each step runs at, to show its cost growing linearly.
const SIZES: &[usize] = &[10_000, 100_000, 1_000_000];

fn document(bytes: usize) -> Document {
    Document::from_bytes(news::briefing(bytes, false).as_bytes())
        .expect("generated text is a briefing")
        .0
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn document_ingest(bencher: Bencher, size: usize) {
    let text = news::briefing(size, false);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| Document::from_bytes(black_box(text.as_bytes())));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn tokens(bencher: Bencher, size: usize) {
    let doc = document(size);
    bencher
        .counter(BytesCount::new(doc.text.len()))
        .bench(|| tokens::tokenize(black_box(&doc)));
}

/// Tagging and parsing every sentence; the counter is words (tokens), as parsers are compared.
#[divan::bench(args = SIZES, sample_count = 10)]
fn syntax(bencher: Bencher, size: usize) {
    let doc = document(size);
    let tokens = tokens::tokenize(&doc);
    brief::analysis::syntax::parse(&["warm", "up"]);
    bencher
        .counter(divan::counter::ItemsCount::new(tokens.len()))
        .bench(|| brief::analysis::syntax::Syntax::of(black_box(&doc), &tokens));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn times(bencher: Bencher, size: usize) {
    let doc = document(size);
    let tokens = tokens::tokenize(&doc);
    bencher
        .counter(BytesCount::new(doc.text.len()))
        .bench(|| times::extract(black_box(&doc), &tokens));
}

/// A briefing with the stages before the one measured already run (outside the timing).
struct Stages {
    doc: Document,
    lexicon: UserLexicon,
    tokens: Vec<tokens::Token>,
    times: Vec<brief::analysis::Timex>,
    /// The sentences the actors read the parse of, parsed.
    parsed: syntax::Syntax,
    actors: Vec<brief::analysis::Actor>,
}

impl Stages {
    fn new(size: usize) -> Stages {
        let doc = document(size);
        let lexicon = UserLexicon::default();
        let tokens = tokens::tokenize(&doc);
        let times = times::extract(&doc, &tokens);
        let parsed = syntax::Syntax::of_sentences(&doc, &tokens, actors::wants_parse(&doc.text));
        let actors = actors::extract(&doc, &tokens, &times, &parsed, &lexicon);
        Stages {
            doc,
            lexicon,
            tokens,
            times,
            parsed,
            actors,
        }
    }

    fn bytes(&self) -> BytesCount {
        BytesCount::new(self.doc.text.len())
    }
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn actors(bencher: Bencher, size: usize) {
    let s = Stages::new(size);
    bencher.counter(s.bytes()).bench(|| {
        actors::extract(
            black_box(&s.doc),
            &s.tokens,
            &s.times,
            &s.parsed,
            &s.lexicon,
        )
    });
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn claims(bencher: Bencher, size: usize) {
    let s = Stages::new(size);
    let mentions = mentions::MentionIndex::new(&s.actors);
    let syntax = syntax::Syntax::of(&s.doc, &s.tokens);
    bencher.counter(s.bytes()).bench(|| {
        let sentences = claims::sentences(&s.doc.text, &s.tokens);
        claims::extract(
            black_box(&s.doc),
            &s.tokens,
            &sentences,
            &syntax,
            &mentions,
            &s.lexicon,
        )
    });
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn timeline(bencher: Bencher, size: usize) {
    let s = Stages::new(size);
    let mentions = mentions::MentionIndex::new(&s.actors);
    let syntax = syntax::Syntax::of(&s.doc, &s.tokens);
    let sentences = claims::sentences(&s.doc.text, &s.tokens);
    let claims = claims::extract(
        &s.doc, &s.tokens, &sentences, &syntax, &mentions, &s.lexicon,
    );
    bencher.counter(s.bytes()).bench(|| {
        timeline::build(
            black_box(&s.doc),
            &s.tokens,
            &sentences,
            &s.times,
            &syntax,
            &claims,
            &mentions,
        )
    });
}

/// Ingest, analysis and the contract's JSON: what `brief extract` does to one briefing.
#[divan::bench(args = SIZES, sample_count = 10)]
fn pipeline(bencher: Bencher, size: usize) {
    let text = news::briefing(size, false);
    let lexicon = UserLexicon::default();
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let doc = Document::from_bytes(black_box(text.as_bytes()))
            .expect("a briefing")
            .0;
        brief::extract::write_analysis(std::io::sink(), &doc, Vec::new(), &lexicon, false)
    });
}

/// The same pipeline on a body that is one line of 1 MB: no step may be quadratic in a line.
#[divan::bench(sample_count = 10)]
fn pipeline_one_long_line(bencher: Bencher) {
    let text = news::briefing(1_000_000, true);
    let lexicon = UserLexicon::default();
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let doc = Document::from_bytes(black_box(text.as_bytes()))
            .expect("a briefing")
            .0;
        analyze(&doc, &lexicon)
    });
}
