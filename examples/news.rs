//! Prints a generated news-like briefing of about N bytes (default 1 MB), as the benchmarks
//! use; `scripts/perf.sh` measures whole processes on it.
//! `cargo run --release --example news -- 10000000 [--one-line] > big.md`
//! With `--library DIR`, writes N briefings of about 3 kB instead (default 1,000), each with
//! its own title, date and text, as the index's benchmarks use:
//! `cargo run --release --example news -- --library lib 1000`

#[path = "../benches/library/mod.rs"]
mod library;

use library::news;

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bytes = args
        .iter()
        .find_map(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    if let Some(at) = args.iter().position(|a| a == "--library") {
        let dir = std::path::Path::new(args.get(at + 1).expect("--library DIR"));
        let count = args.iter().skip(at + 2).find_map(|a| a.parse().ok());
        library::write(dir, count.unwrap_or(1_000));
        return;
    }
    let one_line = args.iter().any(|a| a == "--one-line");
    let text = news::briefing(bytes, one_line);
    std::io::stdout()
        .write_all(text.as_bytes())
        .expect("stdout takes the briefing");
}
