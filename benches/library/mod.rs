//! A generated library of news briefings for the index's benchmarks and
//! `examples/news.rs --library`: each about 3 kB, with a title, a date and a text of its own.

#[path = "../news/mod.rs"]
pub mod news;

/// Briefing `i`: dated 2020-01-01 onwards, a day a briefing (months of 28 days).
pub fn numbered(i: usize) -> String {
    let text = news::briefing(2_500 + 3 * i, false);
    let body = text.splitn(3, "---\n").nth(2).unwrap_or(&text);
    let (year, month, day) = (2020 + i / 336, 1 + (i / 28) % 12, 1 + i % 28);
    format!("---\ntitle: Briefing {i}\npublished: {year}-{month:02}-{day:02}\n---\n{body}")
}

/// Writes briefings `0..count` into `dir` as `00000.md` ...
pub fn write(dir: &std::path::Path, count: usize) {
    std::fs::create_dir_all(dir).expect("the library's folder can be made");
    for i in 0..count {
        std::fs::write(dir.join(format!("{i:05}.md")), numbered(i))
            .expect("a briefing can be written");
    }
}
