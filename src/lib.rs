//! brief: a terminal workstation for analysts who read news briefings.
//!
//! Data flows one way: [`document`] (read, decode, sanitise, segment) -> [`analysis`] (pure:
//! actors, claims, times, timeline) -> front ends ([`extract`] and the JSON [`schema`]).
//! `docs/ARCHITECTURE.md` walks through the modules.

pub mod across;
pub mod analysis;
pub mod briefing;
pub mod cli;
pub mod config;
pub mod document;
pub mod escape;
pub mod export;
pub mod extract;
pub mod fetch;
pub mod index;
pub mod limits;
pub mod output;
pub mod parse;
pub mod review;
pub mod schema;
pub mod tui;
mod wordlist;

/// The bundled sample briefing, opened when no PATH is given.
pub const SAMPLE: &[u8] = include_bytes!("../assets/sample.md");

/// An I/O error as the `<why>` of `brief: <what>: <why>`: lower case, no "(os error 2)".
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or folder".into(),
        PermissionDenied => "permission denied".into(),
        IsADirectory => "is a folder, not a briefing".into(),
        _ => {
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = text.chars();
            chars
                .next()
                .map_or(String::new(), |c| c.to_lowercase().chain(chars).collect())
        }
    }
}
