//! Front matter: TOML between `+++` lines, or `key: value` lines between `---` lines.
//! A leading `---` not followed by `key: value` is a Markdown rule and stays in the text.

use jiff::civil::Date;

use super::{IngestError, Warning};

/// What the briefing says about itself. Unknown keys are accepted and ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
    /// Where `published` came from.
    pub published_from: Option<DateSource>,
    pub author: Option<String>,
    /// The briefing's own date and where it came from, while the review's is put over it
    /// ([`Meta::review_published`]), so that clearing the review's brings it back.
    pub own_published: Option<(Date, DateSource)>,
}

/// Where a briefing's published date came from: given with it, its metadata, or its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// `--published`, or a batch line's "published".
    Given,
    FrontMatter,
    /// A saved web page's `<meta>` or `<time>`.
    Page,
    /// A PDF's, Word or OpenDocument file's own properties.
    Properties,
    /// An e-mail's Date header.
    Header,
    /// A feed item's date.
    Feed,
    /// The article's own dateline (`dateline.rs`).
    Dateline,
    /// Set by the analyst in the review.
    Review,
}

impl DateSource {
    /// The contract's `document.published_from`.
    pub fn name(self) -> &'static str {
        match self {
            DateSource::Given => "option",
            DateSource::FrontMatter => "front matter",
            DateSource::Page => "page metadata",
            DateSource::Properties => "document properties",
            DateSource::Header => "message header",
            DateSource::Feed => "feed",
            DateSource::Dateline => "dateline",
            DateSource::Review => "review",
        }
    }
}

impl Meta {
    /// The date given with the briefing (`--published`, a batch line's), over its own.
    pub fn give_published(&mut self, date: Option<Date>) {
        if date.is_some() {
            self.published = date;
            self.published_from = Some(DateSource::Given);
        }
    }

    /// The date the analyst set in the review (none: cleared) over the briefing's own,
    /// under a date given with it, which wins. `true` when the date or its source changed.
    pub fn review_published(&mut self, date: Option<Date>) -> bool {
        let before = (self.published, self.published_from);
        match (self.published_from, date) {
            (Some(DateSource::Given), _) => {}
            (Some(DateSource::Review), Some(date)) => self.published = Some(date),
            (_, Some(date)) => {
                self.own_published = self.published.zip(self.published_from);
                self.published = Some(date);
                self.published_from = Some(DateSource::Review);
            }
            (Some(DateSource::Review), None) => {
                let own = self.own_published.take();
                (self.published, self.published_from) = own.unzip();
            }
            (_, None) => {}
        }
        (self.published, self.published_from) != before
    }
}

/// Splits the text into its metadata and the body that follows the closing fence.
pub fn split<'a>(
    text: &'a str,
    warnings: &mut Vec<Warning>,
) -> Result<(Meta, &'a str), IngestError> {
    let first_line = text.split('\n').next().unwrap_or("");
    match first_line.trim_end() {
        "+++" => toml_block(text, warnings),
        "---" if starts_key_value(text) => yaml_block(text, warnings),
        _ => Ok((Meta::default(), text)),
    }
}

/// Numbered lines (the opening fence is line 1).
type Lines<'a> = Vec<(usize, &'a str)>;

/// The lines after the opening fence up to the closing one, with the body after it.
fn fenced<'a>(text: &'a str, fence: &'static str) -> Result<(Lines<'a>, &'a str), IngestError> {
    let mut lines = Vec::new();
    let mut pos = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut number = 2;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = &text[pos..end];
        let next = (end + 1).min(text.len());
        if line.trim_end() == fence {
            return Ok((lines, &text[next..]));
        }
        lines.push((number, line));
        number += 1;
        pos = next;
    }
    Err(IngestError::UnterminatedFrontMatter { fence, line: 1 })
}

fn starts_key_value(text: &str) -> bool {
    text.split('\n')
        .nth(1)
        .is_some_and(|line| key_value(line).is_some())
}

fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let valid = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    (valid && (value.is_empty() || value.starts_with([' ', '\t'])))
        .then(|| (key, unquote(value.trim())))
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

fn yaml_block<'a>(
    text: &'a str,
    warnings: &mut Vec<Warning>,
) -> Result<(Meta, &'a str), IngestError> {
    let (lines, body) = fenced(text, "---")?;
    let mut meta = Meta::default();
    for (number, line) in lines {
        // YAML lists and continuation lines belong to keys brief does not read.
        if let Some((key, value)) = key_value(line) {
            set(&mut meta, key, value.to_string(), number, warnings);
        }
    }
    Ok((meta, body))
}

fn toml_block<'a>(
    text: &'a str,
    warnings: &mut Vec<Warning>,
) -> Result<(Meta, &'a str), IngestError> {
    let (lines, body) = fenced(text, "+++")?;
    let source: String = lines.iter().map(|(_, l)| format!("{l}\n")).collect();
    let table: toml::Table = source.parse().map_err(|e: toml::de::Error| {
        let line = e
            .span()
            .map_or(0, |s| source[..s.start].matches('\n').count());
        IngestError::BadFrontMatter {
            line: line + 2,
            why: e.message().to_string(),
        }
    })?;
    let mut meta = Meta::default();
    for (key, value) in table {
        let line = lines
            .iter()
            .find(|(_, l)| l.trim_start().starts_with(key.as_str()))
            .map_or(1, |(n, _)| *n);
        let value = match value {
            toml::Value::String(s) => s,
            toml::Value::Datetime(d) => d.to_string(),
            other => other.to_string(),
        };
        set(&mut meta, &key, value, line, warnings);
    }
    Ok((meta, body))
}

fn set(meta: &mut Meta, key: &str, value: String, line: usize, warnings: &mut Vec<Warning>) {
    let value = value.trim().to_string();
    if value.is_empty() {
        return;
    }
    match key.to_ascii_lowercase().as_str() {
        "title" => meta.title = Some(value),
        "source" => meta.source = Some(value),
        "url" => meta.url = Some(value),
        "author" => meta.author = Some(value),
        "published" | "date" => match published_date(&value).ok() {
            Some(date) => {
                meta.published = Some(date);
                meta.published_from = Some(DateSource::FrontMatter);
            }
            None => warnings.push(Warning(format!(
                "front matter line {line}: {key} {value:?} is not a YYYY-MM-DD date from the year {FIRST_YEAR} on; ignored"
            ))),
        },
        _ => {}
    }
}

/// `YYYY-MM-DD`, also as the start of a timestamp (`2024-11-23T09:00:00Z`).
/// The first year a published date may have: TIMEX3 values have four-digit years, and the
/// week or year before a date in year 0 would not.
pub const FIRST_YEAR: i16 = 1000;

/// A briefing's published date from any of the places that give one (the command line, a
/// batch line, front matter, a page's metadata), or why it is not one: the wrong form, a
/// day that is not one, or a year before [`FIRST_YEAR`]. A time after the day is allowed.
pub fn published_date(value: &str) -> Result<Date, String> {
    let Some(date) = parse_date(value) else {
        let form = value.get(..10).is_some_and(|head| {
            head.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            })
        });
        return Err(if form {
            format!("{} is not a day", &value[..10])
        } else {
            format!("'{value}' is not a date of the form YYYY-MM-DD")
        });
    };
    if date.year() < FIRST_YEAR {
        return Err(format!("{value} is before the year {FIRST_YEAR}"));
    }
    Ok(date)
}

pub fn parse_date(value: &str) -> Option<Date> {
    let head = value.get(..10)?;
    let rest = &value[10..];
    if !(rest.is_empty() || rest.starts_with(['T', ' ', 't'])) {
        return None;
    }
    head.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<(Meta, &str), IngestError> {
        split(text, &mut Vec::new())
    }

    #[test]
    fn the_reviews_date_goes_over_the_briefings_own_and_under_a_given_one() {
        let day = |s: &str| s.parse::<Date>().unwrap();
        let mut meta = Meta {
            published: Some(day("2024-11-23")),
            published_from: Some(DateSource::Dateline),
            ..Meta::default()
        };
        assert!(meta.review_published(Some(day("2024-11-25"))));
        assert_eq!(meta.published_from, Some(DateSource::Review));
        assert!(
            !meta.review_published(Some(day("2024-11-25"))),
            "already so"
        );
        assert!(meta.review_published(Some(day("2024-11-26"))));
        // cleared: the briefing's own comes back
        assert!(meta.review_published(None));
        assert_eq!(
            (meta.published, meta.published_from),
            (Some(day("2024-11-23")), Some(DateSource::Dateline))
        );
        assert!(!meta.review_published(None));
        meta.give_published(Some(day("2024-01-01")));
        assert!(
            !meta.review_published(Some(day("2024-11-25"))),
            "--published wins"
        );
        let mut none = Meta::default();
        assert!(none.review_published(Some(day("2024-11-25"))));
        assert!(none.review_published(None));
        assert_eq!((none.published, none.published_from), (None, None));
    }

    #[test]
    fn yaml_style_front_matter() {
        let (meta, body) = parse(
            "---\ntitle: \"Seoul: Moscow arms Pyongyang\"\ndate: 2024-11-23\nlang: en\n---\nBody\n",
        )
        .unwrap();
        assert_eq!(meta.title.as_deref(), Some("Seoul: Moscow arms Pyongyang"));
        assert_eq!(meta.published, Some(jiff::civil::date(2024, 11, 23)));
        assert_eq!(meta.published_from, Some(DateSource::FrontMatter));
        assert_eq!(body, "Body\n");
    }

    #[test]
    fn toml_front_matter() {
        let (meta, body) = parse(
            "+++\ntitle = \"A title\"\npublished = 2024-11-23\nsource = \"Wire\"\ntags = [\"x\"]\n+++\nBody",
        )
        .unwrap();
        assert_eq!(meta.title.as_deref(), Some("A title"));
        assert_eq!(meta.source.as_deref(), Some("Wire"));
        assert_eq!(meta.published, Some(jiff::civil::date(2024, 11, 23)));
        assert_eq!(body, "Body");
    }

    #[test]
    fn a_leading_rule_is_not_front_matter() {
        let text = "---\n\nJust a rule above a paragraph.\n";
        assert_eq!(parse(text).unwrap(), (Meta::default(), text));
    }

    #[test]
    fn unterminated_front_matter_names_its_line() {
        assert_eq!(
            parse("---\ntitle: x\nbody never closed\n"),
            Err(IngestError::UnterminatedFrontMatter {
                fence: "---",
                line: 1
            })
        );
        assert!(matches!(
            parse("+++\ntitle = \"x\"\n"),
            Err(IngestError::UnterminatedFrontMatter { fence: "+++", .. })
        ));
    }

    #[test]
    fn invalid_toml_names_its_line_and_bad_dates_warn() {
        assert!(matches!(
            parse("+++\ntitle = \"x\"\ntitle = = 3\n+++\nBody"),
            Err(IngestError::BadFrontMatter { line: 3, .. })
        ));
        let mut warnings = Vec::new();
        let (meta, _) = split("---\ndate: next Tuesday\n---\nBody", &mut warnings).unwrap();
        assert_eq!(meta.published, None);
        assert!(warnings[0].0.contains("line 2"), "{}", warnings[0]);
    }
}
