//! A title for a briefing that comes without one: its first line, when that line reads as a
//! headline. A pasted article usually opens with one: short, on a line of its own (a blank
//! line, its date or its byline after it), with no full stop, and the story after it. Only
//! the reader's title bar and the export names use the title; the analysis never reads it.

use super::dateline;

/// Longer than this, a first line is a paragraph, not a headline.
const MAX_CHARS: usize = 150;

/// The headline opening `text`, if it has one.
pub fn find(text: &str) -> Option<String> {
    let mut lines = text.split('\n').skip_while(|l| l.trim().is_empty());
    let first = lines.next()?;
    // a hard-wrapped paragraph goes on on the next line; a headline stands alone
    let next = lines.next()?;
    let alone = next.trim().is_empty()
        || next.trim_start().starts_with("By ")
        || dateline::find(next).is_some();
    let story = lines.any(|l| !l.trim().is_empty());
    // "# Headline" in Markdown
    let line = first.trim().trim_start_matches('#').trim();
    let words = line.split_whitespace().count();
    let headline = alone
        && story
        && (2..=25).contains(&words)
        && line.chars().count() <= MAX_CHARS
        && line.chars().any(char::is_alphabetic)
        // a sentence, a dateline's lead-in ("WASHINGTON (AP) —"), a quote, a list, markup
        && !line.ends_with(['.', ',', ';', ':', '-', '—', '–', '(', ')'])
        && !line.starts_with(['>', '-', '*', '|', '<', '"', '“'])
        && !line.starts_with("By ")
        && dateline::find(line).is_none();
    headline.then(|| line.to_string())
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn a_short_first_line_standing_alone_is_the_headline() {
        let story = "\n\nThe council voted on Thursday to approve the plan.\n";
        assert_eq!(
            find(&format!("Harbour plan approved after long fight{story}")).as_deref(),
            Some("Harbour plan approved after long fight")
        );
        assert_eq!(
            find("# Harbour plan approved\n\nThe council voted.\n").as_deref(),
            Some("Harbour plan approved")
        );
        assert_eq!(
            find("Harbour plan approved\nFriday, July 21, 2017\n\nThe council voted.\n").as_deref(),
            Some("Harbour plan approved")
        );
    }

    #[test]
    fn sentences_wrapped_paragraphs_datelines_and_bylines_are_not() {
        assert_eq!(
            find("The council voted on Thursday.\n\nIt met again.\n"),
            None
        );
        assert_eq!(
            find("The council voted on Thursday to approve the\nharbour plan, officials said.\n"),
            None
        );
        assert_eq!(find("Friday, July 21, 2017\n\nThe council voted.\n"), None);
        assert_eq!(find("By Ada Writer\n\nThe council voted.\n"), None);
        assert_eq!(find("WASHINGTON (AP) —\n\nThe council voted.\n"), None);
        // a headline with no story after it is the whole text, not a title
        assert_eq!(find("Harbour plan approved\n"), None);
    }
}
