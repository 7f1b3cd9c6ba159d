//! Prints a generated news-like briefing of about N bytes (default 1 MB), as the benchmarks
//! use; `scripts/perf.sh` measures whole processes on it.
//! `cargo run --release --example news -- 10000000 [--one-line] > big.md`

#[path = "../benches/news/mod.rs"]
mod news;

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bytes = args
        .iter()
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let one_line = args.iter().any(|a| a == "--one-line");
    let text = news::briefing(bytes, one_line);
    std::io::stdout()
        .write_all(text.as_bytes())
        .expect("stdout takes the briefing");
}
