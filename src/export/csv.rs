//! `csv`: one row per claim in the contract's columns, RFC 4180 quoting, CRLF line ends.
//! A cell a spreadsheet would read as a formula is neutralised with a leading apostrophe.

use super::{Briefing, status, word};

/// The contract's columns, then the extensions, after them so that the contract's keep
/// their places: `contradicts`, and the briefing's title, published date and path on every
/// row, so that the rows of many briefings can be pasted into one sheet; then who reviewed
/// the claim, its tags, and the page (from 1) the claim begins on, for a PDF (empty for a
/// briefing without pages).
const COLUMNS: [&str; 18] = [
    "id",
    "status",
    "grade",
    "kind",
    "source",
    "cue",
    "claim",
    "hedges",
    "note",
    "start",
    "end",
    "contradicts",
    "title",
    "published",
    "path",
    "reviewer",
    "tags",
    "page",
];

pub fn render(b: &Briefing) -> String {
    let mut out = String::new();
    row(&mut out, COLUMNS.iter().map(|c| c.to_string()));
    let doc = b.doc;
    let published = doc.meta.published.map_or(String::new(), |d| d.to_string());
    let ids = b.ids();
    for (id, claim, review) in b.claims() {
        let hedges: Vec<&str> = claim.hedges.iter().map(|&h| doc.slice(h)).collect();
        let contradicts = ids.of(&claim.contradicts);
        row(
            &mut out,
            [
                id,
                status(review).to_string(),
                review
                    .and_then(|r| r.grade)
                    .map_or(String::new(), |g| g.to_string()),
                word(claim.kind),
                b.source(claim).unwrap_or_default().to_string(),
                claim.cue.map_or("", |c| doc.slice(c)).to_string(),
                doc.slice(claim.span).to_string(),
                hedges.join("; "),
                review.and_then(|r| r.note.clone()).unwrap_or_default(),
                doc.char_offset(claim.span.start).to_string(),
                doc.char_offset(claim.span.end).to_string(),
                contradicts.join("; "),
                b.title().to_string(),
                published.clone(),
                b.path.clone().unwrap_or_default(),
                review
                    .map(|r| b.reviewer_of(r.reviewer.as_deref()).to_string())
                    .unwrap_or_default(),
                review.map(|r| r.tags.join("; ")).unwrap_or_default(),
                doc.page_at(claim.span.start)
                    .map_or(String::new(), |p| p.to_string()),
            ],
        );
    }
    out
}

fn row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell_text(&cell));
    }
    out.push_str("\r\n");
}

pub(crate) fn cell_text(cell: &str) -> String {
    let neutral = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

#[cfg(test)]
mod tests {
    use super::cell_text;

    #[test]
    fn quoting_and_formula_injection() {
        assert_eq!(cell_text("plain"), "plain");
        assert_eq!(cell_text("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(cell_text("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell_text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        for risky in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(
                cell_text(risky).trim_start_matches('"').starts_with('\''),
                "{risky}"
            );
        }
    }
}
