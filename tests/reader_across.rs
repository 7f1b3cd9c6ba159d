//! The reader on a library with an index, in a pseudo-terminal: a claim says which other
//! briefings report it and which contradict it (worked out in the background once the
//! briefing is read), `F` opens the other briefing at that claim, and Esc comes back.

#[path = "common/pty.rs"]
mod pty;

use pty::Session;

#[test]
fn a_claim_reported_elsewhere_is_followed_there_and_back() {
    let dir = tempfile::tempdir().expect("a folder");
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "a.md",
        "---\ntitle: Turbines for Ostland\npublished: 2025-02-10\n---\n\n\
         Norvania has supplied jet engines to Ostland, said Ilse Brandt, the trade minister.\n",
    );
    write(
        "b.md",
        "---\ntitle: The engine deal\npublished: 2025-02-11\n---\n\n\
         Norvania sent turbine engines to Ostland, according to Ilse Brandt.\n",
    );
    write(
        "c.md",
        "---\ntitle: A denial\npublished: 2025-02-12\n---\n\n\
         The government of Norvania denied reports that Norvania had supplied engines to Ostland.\n",
    );
    let mut session = Session::start(&[dir.path().to_str().expect("a UTF-8 path")]);
    session.wait("the library", |s| s.contains("3 briefings"));
    // the oldest is last
    session.step("G\r", "the first briefing", |s| {
        s.contains("Norvania has supplied jet engines to Ostland, said")
    });
    session.step("2", "what the library says of its claim", |s| {
        s.contains("+1 (1 src)")
    });
    session.step("F", "the other briefings' claims", |s| {
        s.contains("in other briefings")
            && s.contains("also: The engine deal")
            && s.contains("against: A denial")
    });
    session.step("\r", "the other briefing, at the claim", |s| {
        s.contains("Norvania sent turbine engines to Ostland, according")
            && s.contains("+1 (1 src)")
    });
    session.step("\x1b", "back at the first", |s| {
        s.contains("Norvania has supplied jet engines to Ostland, said")
    });
    session.step("\x1b", "then the list", |s| s.contains("3 briefings"));
    session.quit();
}
