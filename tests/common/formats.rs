//! Word, OpenDocument and PDF files made by the tests themselves: a zip of the XML parts
//! each format needs (written with the zip crate), a PDF of positioned lines in a standard
//! font (written with lopdf). Text they are given is XML-escaped by the caller where needed.
#![allow(dead_code)]

use std::io::Write;

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, ObjectId, Stream, dictionary};

/// A zip of `(name, text)` parts, deflated, the first stored (OpenDocument's mimetype).
pub fn zip(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (i, (name, text)) in parts.iter().enumerate() {
        let method = if i == 0 && *name == "mimetype" {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        out.start_file(*name, options).unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A .docx of `body` (the children of `w:body`), with heading and list styles, a bullet
/// list (numId 1) and a numbered one (numId 2), the footnotes given (id, text), and
/// core properties when `core` is given (the children of `cp:coreProperties`).
pub fn docx(body: &str, footnotes: &[(u32, &str)], core: Option<&str>) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    );
    let styles = format!(
        r#"<?xml version="1.0"?><w:styles {W}>
        <w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
        <w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/></w:style>
        <w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
        </w:styles>"#
    );
    let numbering = format!(
        r#"<?xml version="1.0"?><w:numbering {W}>
        <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl>
          <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
        <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        </w:numbering>"#
    );
    let notes: String = footnotes
        .iter()
        .map(|(id, text)| {
            format!(r#"<w:footnote w:id="{id}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>"#)
        })
        .collect();
    let footnotes = format!(
        r#"<?xml version="1.0"?><w:footnotes {W}>
        <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
        {notes}</w:footnotes>"#
    );
    let mut parts = vec![
        ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.to_string()),
        ("word/document.xml", document),
        ("word/styles.xml", styles),
        ("word/numbering.xml", numbering),
        ("word/footnotes.xml", footnotes),
    ];
    if let Some(core) = core {
        parts.push((
            "docProps/core.xml",
            format!(
                r#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">{core}</cp:coreProperties>"#
            ),
        ));
    }
    let parts: Vec<(&str, &str)> = parts.iter().map(|(n, t)| (*n, t.as_str())).collect();
    zip(&parts)
}

/// A Word paragraph of one run, with a style when given.
pub fn w_p(style: Option<&str>, text: &str) -> String {
    let style = style.map_or(String::new(), |s| {
        format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#)
    });
    format!(r#"<w:p>{style}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// A Word list item of list `num` at `level`.
pub fn w_item(num: u32, level: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

const ODT_NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0""#;

/// An .odt of `text` (the children of `office:text`), with a numbered list style "Num"
/// and a bullet one "Bul", and meta.xml when `meta` is given (the children of
/// `office:meta`).
pub fn odt(text: &str, meta: Option<&str>) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}>
        <office:automatic-styles>
          <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>
          <text:list-style style:name="Num"><text:list-level-style-number text:level="1"/><text:list-level-style-bullet text:level="2"/></text:list-style>
          <text:list-style style:name="Bul"><text:list-level-style-bullet text:level="1"/></text:list-style>
        </office:automatic-styles>
        <office:body><office:text>{text}</office:text></office:body></office:document-content>"#
    );
    let mut parts = vec![
        (
            "mimetype",
            "application/vnd.oasis.opendocument.text".to_string(),
        ),
        ("content.xml", content),
    ];
    if let Some(meta) = meta {
        parts.push((
            "meta.xml",
            format!(
                r#"<?xml version="1.0"?><office:document-meta {ODT_NS}><office:meta>{meta}</office:meta></office:document-meta>"#
            ),
        ));
    }
    let parts: Vec<(&str, &str)> = parts.iter().map(|(n, t)| (*n, t.as_str())).collect();
    zip(&parts)
}

/// A line of a PDF page: where its baseline starts (from the page's bottom left, in
/// points), its size, its text (Latin-1).
#[derive(Clone)]
pub struct PdfLine<'a> {
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub text: &'a str,
}

pub fn at(x: f64, y: f64, size: f64, text: &str) -> PdfLine<'_> {
    PdfLine { x, y, size, text }
}

/// A letter-size PDF of `pages`, in Helvetica (WinAnsiEncoding), with an Info dictionary
/// of the `(key, value)`s given.
pub fn pdf(pages: &[Vec<PdfLine<'_>>], info: &[(&str, &str)]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut kids = Vec::new();
    for lines in pages {
        let mut operations = Vec::new();
        for line in lines {
            let latin1: Vec<u8> = line.text.chars().map(|c| c as u32 as u8).collect();
            operations.extend([
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), line.size.into()]),
                Operation::new("Td", vec![line.x.into(), line.y.into()]),
                Operation::new("Tj", vec![Object::string_literal(latin1)]),
                Operation::new("ET", vec![]),
            ]);
        }
        let content = Content { operations }.encode().unwrap();
        let content = doc.add_object(Stream::new(dictionary! {}, content));
        kids.push(
            doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            })
            .into(),
        );
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count,
            "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    if !info.is_empty() {
        let mut dict = lopdf::Dictionary::new();
        for (key, value) in info {
            dict.set(
                key.as_bytes().to_vec(),
                Object::string_literal(value.as_bytes().to_vec()),
            );
        }
        let info = doc.add_object(dict);
        doc.trailer.set("Info", info);
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A one-page PDF drawing `content`, its page's resources and parent (none: the pages
/// node, whose id `make` is given) made by `make`, which may add objects.
pub fn pdf_page(
    content: &[u8],
    make: impl FnOnce(&mut Document, ObjectId) -> (lopdf::Dictionary, Option<ObjectId>),
) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let (resources, parent) = make(&mut doc, pages_id);
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => parent.unwrap_or(pages_id), "Contents" => content,
        "Resources" => resources,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A PDF whose one drawing (form XObject) draws itself.
pub fn pdf_drawing_itself() -> Vec<u8> {
    pdf_page(b"/X Do", |doc, _| {
        let id = doc.new_object_id();
        let names = || dictionary! { "XObject" => dictionary! { "X" => id } };
        let form = Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()], "Resources" => names(),
            },
            b"/X Do".to_vec(),
        );
        doc.objects.insert(id, Object::Stream(form));
        (names(), None)
    })
}

/// A PDF whose page's parents loop (its resources looked up through them for ever).
pub fn pdf_parents_looping() -> Vec<u8> {
    pdf_page(b"", |doc, _| {
        let (a, b) = (doc.new_object_id(), doc.new_object_id());
        doc.objects.insert(
            a,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Parent" => b }),
        );
        doc.objects.insert(
            b,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Parent" => a }),
        );
        (lopdf::Dictionary::new(), Some(a))
    })
}

/// A scanned page: an image drawn, no text.
pub fn pdf_scan() -> Vec<u8> {
    pdf_page(b"q 612 0 0 792 0 0 cm /Im1 Do Q", |doc, _| {
        let image = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => 2, "Height" => 2,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
            },
            vec![0, 255, 255, 0],
        ));
        (
            dictionary! { "XObject" => dictionary! { "Im1" => image } },
            None,
        )
    })
}
