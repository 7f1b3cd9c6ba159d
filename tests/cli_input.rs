//! What the binary makes of awkward input: other encodings, control characters, a saved web
//! page, a one-megabyte line, text that is not English.

#[path = "common/cli.rs"]
mod cli;

use cli::{assert_offsets_slice_the_text, brief, json, stderr, write};

#[test]
fn decoding_warnings_and_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = write(
        dir.path(),
        "latin1.txt",
        b"Caf\xe9 owners in Montr\xe9al said so.",
    );
    let out = brief(&["extract", &latin1], None);
    let analysis = json(&out);
    assert_eq!(
        analysis["document"]["text"],
        "Caf\u{FFFD} owners in Montr\u{FFFD}al said so."
    );
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1);
    assert!(
        err.starts_with("brief: warning: ") && err.contains("invalid UTF-8"),
        "{err}"
    );

    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Tokyo said “yes”."
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let path = write(dir.path(), "utf16.txt", &utf16);
    assert_eq!(
        json(&brief(&["extract", &path], None))["document"]["text"],
        "Tokyo said “yes”."
    );
    // UTF-32 with its byte-order mark, both orders, decoded (it was read as garbage)
    for (name, mark, unit) in [
        (
            "le.txt",
            [0xFF, 0xFE, 0, 0],
            u32::to_le_bytes as fn(u32) -> [u8; 4],
        ),
        ("be.txt", [0, 0, 0xFE, 0xFF], u32::to_be_bytes),
    ] {
        let bytes: Vec<u8> = mark
            .into_iter()
            .chain("Genève said “yes”.".chars().flat_map(|c| unit(c as u32)))
            .collect();
        let out = brief(&["extract", &write(dir.path(), name, &bytes)], None);
        assert_eq!(json(&out)["document"]["text"], "Genève said “yes”.");
        assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    }
}

#[test]
fn terminal_control_characters_never_reach_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "ansi.txt",
        b"\x1b[2J\x1b[31mAlarm\x1b[0m in \x1b]0;pwned\x07Oslo\x08 said.\x9b",
    );
    let out = brief(&["extract", &path], None);
    let text = json(&out)["document"]["text"].as_str().unwrap().to_string();
    assert!(
        !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "{text:?}"
    );
    assert!(text.starts_with("Alarm in Oslo said."), "{text:?}");
    assert!(stderr(&out).contains("warning"));
}

#[test]
fn a_saved_web_page_is_read_as_its_article() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "story.html",
        b"<!doctype html><html><head><title>Envoys meet</title>\
          <meta property=\"article:published_time\" content=\"2024-05-03\"></head>\
          <body><nav>Home | World</nav><article><p>Envoys from Chile met in Lima on Friday, \
          officials said.</p></article><footer>(c) Site</footer></body></html>",
    );
    let analysis = json(&brief(&["extract", &page], None));
    assert_eq!(analysis["document"]["title"], "Envoys meet");
    assert_eq!(analysis["document"]["published"], "2024-05-03");
    assert_eq!(analysis["document"]["published_from"], "page metadata");
    assert_eq!(
        analysis["document"]["text"],
        "Envoys from Chile met in Lima on Friday, officials said."
    );
    assert_offsets_slice_the_text(&analysis);

    let empty = write(
        dir.path(),
        "empty.html",
        b"<html><body><nav>Home</nav><script>x()</script></body></html>",
    );
    let out = brief(&["extract", &empty], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no readable article text"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_one_megabyte_line_and_mixed_scripts_are_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let line: String = "Officials in Cairo said on Monday that talks would resume, "
        .repeat(18_000)
        .chars()
        .take(1_000_000)
        .collect();
    let long = write(dir.path(), "long.txt", line.as_bytes());
    let analysis = json(&brief(
        &["extract", &long, "--published", "2024-03-06"],
        None,
    ));
    assert_eq!(
        analysis["document"]["text"]
            .as_str()
            .unwrap()
            .chars()
            .count(),
        1_000_000
    );
    assert!(!analysis["claims"].as_array().unwrap().is_empty());
    assert_offsets_slice_the_text(&analysis);

    let mixed = "قال المتحدث إن المحادثات ستستأنف. Officials in Cairo said on Monday that \
                 talks would resume. \u{202e}reversed\u{202c} 東京 said nothing. שלום.\n";
    let path = write(dir.path(), "mixed.txt", mixed.as_bytes());
    let analysis = json(&brief(
        &["extract", &path, "--published", "2024-03-06"],
        None,
    ));
    assert_eq!(analysis["document"]["text"], mixed);
    assert_offsets_slice_the_text(&analysis);
}

#[test]
fn text_that_is_not_english_is_reported_not_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "es.txt",
        "El Ministerio de Defensa dijo el viernes que las conversaciones con Moscú se \
         reanudarían en Ginebra la próxima semana, según funcionarios presentes en la reunión."
            .as_bytes(),
    );
    let out = brief(&["extract", &path], None);
    let analysis = json(&out);
    assert_eq!(analysis["document"]["language"], "und");
    for key in ["actors", "claims", "timeline"] {
        assert!(analysis[key].as_array().unwrap().is_empty(), "{key}");
    }
    assert!(
        analysis["warnings"][0]
            .as_str()
            .unwrap()
            .contains("not look like English")
    );
    assert!(
        stderr(&out).starts_with("brief: warning: "),
        "{}",
        stderr(&out)
    );
    let sample = json(&brief(&["extract"], None));
    assert_eq!(sample["document"]["language"], "en");
}
