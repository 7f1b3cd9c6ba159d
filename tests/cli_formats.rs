//! Briefings as analysts receive them: Word, OpenDocument and PDF files, made by the tests,
//! read through the same commands as text.

#[path = "common/cli.rs"]
mod cli;
#[path = "common/formats.rs"]
mod formats;

use cli::{assert_offsets_slice_the_text, brief, json, stderr, write};
use formats::{at, docx, odt, pdf, w_item, w_p};
use serde_json::Value;

fn extract(name: &str, bytes: &[u8]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, bytes);
    let out = brief(&["extract", &path], None);
    assert_eq!(stderr(&out), "", "{name}");
    let value = json(&out);
    assert_offsets_slice_the_text(&value);
    value
}

#[test]
fn a_word_file_gives_its_headings_lists_footnotes_and_properties() {
    let body = [
        w_p(Some("Titel"), "Harbour plan approved"),
        r#"<w:p><w:r><w:t xml:space="preserve">The council voted on Thursday to approve the plan, officials said.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#.to_string(),
        w_p(Some("berschrift2"), "What comes next"),
        w_item(1, 0, "Dredging starts in May."),
        w_item(1, 1, "The port &amp; the city share the cost."),
        w_item(1, 1, "Fishermen are paid for lost days."),
        w_item(2, 0, "First step."),
        w_item(2, 0, "Second step."),
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>".into(),
        // a text box drawn twice: the choice is read, its fallback is not
        r#"<w:p><w:r><mc:AlternateContent xmlns:mc="m"><mc:Choice><w:txbxContent><w:p><w:r><w:t>Boxed.</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>Boxed.</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>"#.into(),
    ]
    .concat();
    let core = "<dc:title>Harbour briefing</dc:title><dc:creator>Ada Writer</dc:creator>\
                <dcterms:created>2024-11-20T09:00:00Z</dcterms:created>\
                <dcterms:modified>2024-11-23T10:00:00Z</dcterms:modified>";
    let value = extract(
        "harbour.docx",
        &docx(
            &body,
            &[(1, "Minutes of the council, 21 November.")],
            Some(core),
        ),
    );
    let document = &value["document"];
    assert_eq!(
        document["text"],
        "# Harbour plan approved\n\n\
         The council voted on Thursday to approve the plan, officials said.[^1]\n\n\
         ## What comes next\n\n\
         - Dredging starts in May.\n  1. The port & the city share the cost.\n  2. Fishermen are paid for lost days.\n\
         1. First step.\n2. Second step.\n\n\
         A cell\n\nBoxed.\n\n---\n\n[^1]: Minutes of the council, 21 November.\n"
    );
    assert_eq!(document["title"], "Harbour briefing");
    assert_eq!(document["published"], "2024-11-23");
    assert_eq!(document["published_from"], "document properties");
    assert!(document.get("pages").is_none(), "no pages in a Word file");
    let claims = value["claims"].as_array().unwrap();
    assert!(
        claims
            .iter()
            .any(|c| c["text"].as_str().unwrap().contains("approve the plan")),
        "{claims:?}"
    );
}

#[test]
fn an_opendocument_file_gives_its_headings_lists_notes_and_metadata() {
    let text = r#"<text:p text:style-name="P1">Harbour plan approved</text:p>
        <text:p>The council voted<text:s text:c="2"/>on Thursday.<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Minutes of the council.</text:p></text:note-body></text:note></text:p>
        <text:h text:outline-level="2">What comes next</text:h>
        <text:list text:style-name="Num"><text:list-item><text:p>Dredging starts.</text:p>
          <text:list><text:list-item><text:p>The port pays.</text:p></text:list-item></text:list></text:list-item>
          <text:list-item><text:p>Fishermen are paid.</text:p></text:list-item></text:list>
        <text:table-of-content><text:index-body><text:p>What comes next 1</text:p></text:index-body></text:table-of-content>
        <text:p>Done<office:annotation><text:p>a comment</text:p></office:annotation>.</text:p>"#;
    let meta = "<dc:title>Harbour briefing</dc:title><meta:initial-creator>Ada Writer</meta:initial-creator>\
                <dc:creator>Bo Editor</dc:creator><dc:date>2024-11-23T10:00:00</dc:date>";
    let value = extract("harbour.odt", &odt(text, Some(meta)));
    let document = &value["document"];
    assert_eq!(
        document["text"],
        "# Harbour plan approved\n\nThe council voted on Thursday.[^1]\n\n## What comes next\n\n\
         1. Dredging starts.\n  - The port pays.\n2. Fishermen are paid.\n\nDone.\n\n---\n\n\
         [^1]: Minutes of the council.\n"
    );
    assert_eq!(document["title"], "Harbour briefing");
    assert_eq!(document["published"], "2024-11-23");
}

/// Three pages with a running header and a page-number footer, a word hyphenated across a
/// line and a sentence running on to the next page.
fn three_pages() -> Vec<u8> {
    let page = |n: usize, body: &[(f64, &'static str)]| {
        let mut lines = vec![
            at(72.0, 750.0, 9.0, "Harbour Situation Report"),
            at(300.0, 40.0, 9.0, ["1", "2", "3"][n]),
        ];
        lines.extend(body.iter().map(|(y, text)| at(72.0, *y, 11.0, text)));
        lines
    };
    pdf(
        &[
            page(
                0,
                &[
                    (700.0, "The council voted on Thursday to ap-"),
                    (686.0, "prove the harbour plan, officials said."),
                    (650.0, "Moscow denied that its ships had entered"),
                ],
            ),
            page(
                1,
                &[
                    (700.0, "the harbour in November."),
                    (660.0, "Seoul said on Friday that it had evidence."),
                ],
            ),
            page(2, &[(700.0, "The port will reopen on 1 March 2025.")]),
        ],
        &[
            ("Title", "Harbour situation report"),
            ("Author", "Ada Writer"),
            ("CreationDate", "D:20241123103000+01'00'"),
        ],
    )
}

/// A body line that ends the text on two pages of three, above the page number, is no
/// running footer: it is not the page's last line, nor set apart from the body.
#[test]
fn a_pdf_keeps_a_body_line_repeated_at_the_foot_of_its_text() {
    let page = |n: usize, body: [&'static str; 2]| {
        vec![
            at(72.0, 700.0, 11.0, body[0]),
            at(72.0, 686.0, 11.0, body[1]),
            at(300.0, 40.0, 9.0, ["1", "2", "3"][n]),
        ]
    };
    let file = pdf(
        &[
            page(0, ["The ferries stopped on the morning", "of 3 November."]),
            page(1, ["The trains stopped in the evening", "of 3 November."]),
            page(2, ["The buses ran again on Friday.", "Officials said so."]),
        ],
        &[],
    );
    let value = extract("ferries.pdf", &file);
    let text = value["document"]["text"].as_str().unwrap();
    assert_eq!(text.matches("of 3 November.").count(), 2, "{text}");
    assert!(!text.lines().any(|l| l.trim() == "2"), "{text}");
}

/// A heading set in the body's size, on a line of its own, is a paragraph of its own.
#[test]
fn a_pdf_keeps_a_heading_in_the_bodys_size_apart() {
    let file = pdf(
        &[vec![
            at(72.0, 700.0, 11.0, "The ferries stopped on Monday morning."),
            at(72.0, 670.0, 11.0, "Background"),
            at(
                72.0,
                656.0,
                11.0,
                "The operator and the council have argued",
            ),
            at(72.0, 642.0, 11.0, "over the harbour fees since March."),
        ]],
        &[],
    );
    let value = extract("ferries.pdf", &file);
    assert_eq!(
        value["document"]["text"],
        "The ferries stopped on Monday morning.\n\nBackground\n\n\
         The operator and the council have argued over the harbour fees since March.\n"
    );
}

#[test]
fn a_pdf_gives_its_text_in_order_with_pages_and_metadata() {
    let value = extract("report.pdf", &three_pages());
    let document = &value["document"];
    let text = document["text"].as_str().unwrap();
    assert_eq!(
        text,
        "The council voted on Thursday to approve the harbour plan, officials said.\n\n\
         Moscow denied that its ships had entered the harbour in November.\n\n\
         Seoul said on Friday that it had evidence.\n\n\
         The port will reopen on 1 March 2025.\n"
    );
    assert_eq!(document["title"], "Harbour situation report");
    assert_eq!(document["published"], "2024-11-23");
    assert_eq!(document["published_from"], "document properties");
    let pages: Vec<usize> = document["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_u64().unwrap() as usize)
        .collect();
    assert_eq!(pages.len(), 3);
    let chars: Vec<char> = text.chars().collect();
    let from = |at: usize| chars[at..].iter().collect::<String>();
    assert_eq!(pages[0], 0);
    assert!(
        from(pages[1]).starts_with("the harbour in November."),
        "{pages:?}"
    );
    assert!(
        from(pages[2]).starts_with("The port will reopen"),
        "{pages:?}"
    );
}

#[test]
fn an_export_cites_the_page_of_each_claim() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "report.pdf", &three_pages());
    let out = brief(&["export", "--format", "md", "-o", "-", &path], None);
    assert_eq!(stderr(&out), "");
    let note = String::from_utf8(out.stdout).unwrap();
    assert!(note.contains("p. 2"), "{note}");
    // the CSV's last column is the page a claim begins on
    let out = brief(&["export", "--format", "csv", "-o", "-", &path], None);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",path,reviewer,tags,page"),
        "{csv}"
    );
    assert!(
        csv.lines()
            .skip(1)
            .any(|row| row.ends_with(&format!(",{path},,,2"))),
        "{csv}"
    );
}

/// An encrypted PDF opens when its user password is empty (only the owner's is set, to
/// limit printing or copying); one that needs a password is one line.
#[test]
fn an_encrypted_pdf_opens_with_an_empty_user_password_and_else_says_so() {
    use lopdf::encryption::{EncryptionState, EncryptionVersion, Permissions};
    let encrypted = |user: &str| {
        let mut doc = lopdf::Document::load_mem(&three_pages()).unwrap();
        let id = lopdf::Object::string_literal("0123456789abcdef");
        doc.trailer
            .set("ID", lopdf::Object::Array(vec![id.clone(), id]));
        let version = EncryptionVersion::V2 {
            document: &doc,
            owner_password: "owner",
            user_password: user,
            key_length: 128,
            permissions: Permissions::default(),
        };
        let state = EncryptionState::try_from(version).unwrap();
        doc.encrypt(&state).unwrap();
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        bytes
    };
    let value = extract("open.pdf", &encrypted(""));
    assert!(value["document"]["pages"].as_array().unwrap().len() == 3);
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "locked.pdf", &encrypted("secret"));
    let out = brief(&["extract", &path], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "brief: {path}: PDF file that cannot be read: it is encrypted, and brief opens no PDF that needs a password\n"
        )
    );
}

/// Hostile and damaged files of each format: one line on stderr and status 1 (a deep
/// nesting that is still a document, read: status 0), never a panic or a hang.
#[test]
fn every_bad_document_file_has_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    // 30 MB of empty paragraphs, deflated to about 30 kB: past the 19 MB the file earns
    let bomb = formats::zip(&[("word/document.xml", &"<w:p/>".repeat(5 << 20))]);
    assert!(bomb.len() < 200_000, "{}", bomb.len());
    let deep = format!(
        "{}<w:p><w:r><w:t>The council voted.</w:t></w:r></w:p>{}",
        "<w:sdt><w:sdtContent>".repeat(100_000),
        "</w:sdtContent></w:sdt>".repeat(100_000)
    );
    let report = three_pages();
    // a message in a message ... 10,000 deep: read without overflow, its text (the
    // innermost, an attachment) not taken
    let nested = format!(
        "From: a@example.org\r\nDate: Sat, 23 Nov 2024 10:00:00 +0100\r\nMIME-Version: 1.0\r\n{}\r\nThe council voted.\r\n",
        "Content-Type: message/rfc822\r\n\r\n".repeat(10_000)
    );
    let cases: [(&str, Vec<u8>, i32, &str); 10] = [
        ("nested.eml", nested.into_bytes(), 1, "empty briefing"),
        ("zip bomb", bomb, 1, "zip bomb"),
        ("deep nesting.docx", docx(&deep, &[], None), 0, ""),
        (
            "other zip",
            formats::zip(&[("notes.txt", "Moscow denied it.")]),
            1,
            "holds no Word",
        ),
        (
            "cut zip.docx",
            docx(&w_p(None, "x"), &[], None)[..60].to_vec(),
            1,
            "damaged zip",
        ),
        (
            "cut.pdf",
            report[..report.len() / 2].to_vec(),
            1,
            "PDF file that cannot be read",
        ),
        (
            "cyclic.pdf",
            formats::pdf_drawing_itself(),
            1,
            "cyclic object graph",
        ),
        (
            "looping parents.pdf",
            formats::pdf_parents_looping(),
            1,
            "cyclic object graph",
        ),
        ("scan.pdf", formats::pdf_scan(), 1, "no text layer"),
        (
            "many pages.pdf",
            pdf(&vec![vec![]; 10_001], &[]),
            1,
            "more than brief reads",
        ),
    ];
    for (name, bytes, status, says) in cases {
        let path = write(dir.path(), name, &bytes);
        let out = brief(&["extract", &path], None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(status), "{name}: {err}");
        if status == 0 {
            assert_eq!(err, "", "{name}");
            assert_offsets_slice_the_text(&json(&out));
            continue;
        }
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(
            err.starts_with("brief: ") && err.contains(says),
            "{name}: {err}"
        );
        assert!(out.stdout.is_empty(), "{name}");
    }
}

#[test]
fn an_e_mail_gives_its_text_part_with_the_quoted_reply_apart() {
    let message = "From: Ada Writer <ada@example.org>\r\n\
        To: desk@example.org\r\n\
        Subject: =?UTF-8?Q?Harbour_plan_=E2=80=93_update?=\r\n\
        Date: Sat, 23 Nov 2024 10:00:00 +0100\r\n\
        Message-ID: <1@example.org>\r\n\
        MIME-Version: 1.0\r\n\
        Content-Type: multipart/alternative; boundary=\"b\"\r\n\
        \r\n\
        --b\r\n\
        Content-Type: text/plain; charset=utf-8\r\n\
        \r\n\
        The council voted on Thursday to approve the plan, officials said.\r\n\
        \r\n\
        On Fri, 22 Nov 2024, Bo Editor wrote:\r\n\
        > Moscow denied that its ships had entered the harbour.\r\n\
        --b\r\n\
        Content-Type: text/html; charset=utf-8\r\n\
        \r\n\
        <p>HTML copy of the text.</p>\r\n\
        --b--\r\n";
    let value = extract("update.eml", message.as_bytes());
    let document = &value["document"];
    assert_eq!(
        document["text"],
        "The council voted on Thursday to approve the plan, officials said.\n\n---\n\nQuoted:\n\n\
         > On Fri, 22 Nov 2024, Bo Editor wrote:\n> Moscow denied that its ships had entered the harbour.\n"
    );
    assert_eq!(document["title"], "Harbour plan – update");
    assert_eq!(document["source"], "Ada Writer <ada@example.org>");
    assert_eq!(document["published"], "2024-11-23");
    assert_eq!(document["published_from"], "message header");
}
