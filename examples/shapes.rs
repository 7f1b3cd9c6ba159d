//! Prints a pathological input shape of about N bytes (`benches/shapes/mod.rs`), for
//! `scripts/shapes.sh`; `--list` prints the shapes and what each is fed as.
//! `cargo run --release --example shapes -- quotes 1000000 > quotes.md`

#[path = "../benches/shapes/mod.rs"]
mod shapes;

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "--list") {
        for (name, kind) in shapes::SHAPES {
            println!("{name} {kind}");
        }
        return;
    }
    let name = args.first().map_or("quotes", String::as_str);
    let bytes = args
        .get(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let Some(text) = shapes::shape(name, bytes) else {
        eprintln!("shapes: no shape {name:?} (--list lists them)");
        std::process::exit(2);
    };
    std::io::stdout()
        .write_all(text.as_bytes())
        .expect("stdout takes the shape");
}
