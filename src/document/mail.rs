//! E-mail (an .eml file, RFC 5322 with MIME; mail-parser reads it): the subject as title,
//! the sender as source, the Date header as published, the text part (else the HTML part,
//! as text), and a quoted reply kept apart, after the new text.

use mail_parser::{MessageParser, MimeHeaders};

use super::IngestError;
use super::frontmatter::{DateSource, Meta};
use super::office;

const FORMAT: &str = "e-mail";

/// Headers past this are no message's.
const MAX_HEADER: usize = 256 << 10;

/// Whether `bytes` begin as a message does: lines of `Name: value` (or their folded
/// continuations) up to a blank line, among them From and Date and one of the headers
/// only mail has. A note that merely opens with "From:" is no message.
pub fn is_message(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(MAX_HEADER)];
    let head = match std::str::from_utf8(head) {
        Ok(head) => head,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default(),
    };
    let mut names = Vec::new();
    for line in head.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) && !names.is_empty() {
            continue;
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic()) {
            return false;
        }
        names.push(name.to_ascii_lowercase());
    }
    let has = |name: &str| names.iter().any(|n| n == name);
    has("from")
        && has("date")
        && ["message-id", "received", "mime-version", "return-path"]
            .iter()
            .any(|n| has(n))
}

pub fn read(bytes: &[u8]) -> Result<(String, Meta), IngestError> {
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| office::bad(FORMAT, "its headers cannot be read".into()))?;
    let body = message.body_text(0).unwrap_or_default();
    let text = apart(&body.replace("\r\n", "\n"));
    let sender = message.from().and_then(|from| from.first());
    let source = sender.and_then(|s| match (s.name(), s.address()) {
        (Some(name), Some(address)) => Some(format!("{name} <{address}>")),
        (name, address) => name.or(address).map(str::to_string),
    });
    let published = message.date().and_then(|d| {
        jiff::civil::Date::new(i16::try_from(d.year).ok()?, d.month as i8, d.day as i8).ok()
    });
    let meta = Meta {
        title: message
            .subject()
            .map(office::tidy)
            .filter(|s| !s.is_empty()),
        source,
        author: sender.and_then(|s| s.name()).map(str::to_string),
        published,
        published_from: published.map(|_| DateSource::Header),
        ..Meta::default()
    };
    Ok((text, meta))
}

/// The extensions (and the content types without a file name) of the attachments that are
/// briefings.
const BRIEFINGS: [&str; 9] = [
    "pdf", "docx", "odt", "html", "htm", "txt", "md", "markdown", "eml",
];

/// The briefings attached to a message (a PDF, Word, OpenDocument, web page, text or
/// message), each with its file name as title and the message's sender and date, for what
/// the file itself does not say. A message that cannot be parsed has none.
pub fn attachments(bytes: &[u8]) -> Vec<(Vec<u8>, Meta)> {
    let Some(message) = MessageParser::default().parse(bytes) else {
        return Vec::new();
    };
    let Ok((_, meta)) = read(bytes) else {
        return Vec::new();
    };
    message
        .attachments()
        .filter_map(|part| {
            let name = part.attachment_name().map(office::tidy);
            let kind = part
                .content_type()
                .map(|t| format!("{}/{}", t.ctype(), t.subtype().unwrap_or_default()));
            let by_name = name
                .as_deref()
                .and_then(|n| n.rsplit_once('.'))
                .is_some_and(|(_, ext)| BRIEFINGS.iter().any(|b| b.eq_ignore_ascii_case(ext)));
            let by_kind = matches!(
                kind.as_deref(),
                Some(
                    "application/pdf"
                        | "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                        | "application/vnd.oasis.opendocument.text"
                )
            );
            // a forwarded message, when it is one (not bare MIME parts nested in each other)
            let message = (part.is_message() || kind.as_deref() == Some("message/rfc822"))
                && is_message(part.contents());
            (by_name || by_kind || message).then(|| {
                let meta = Meta {
                    title: name,
                    url: None,
                    ..meta.clone()
                };
                (part.contents().to_vec(), meta)
            })
        })
        .filter(|(bytes, _)| !bytes.is_empty())
        .collect()
}

/// The new text first, the reply it quotes (its "On ... wrote:" line, its `>` lines, or
/// all after an "-----Original Message-----") after a rule, so that the analysis and the
/// reader see what the sender wrote apart from what was sent before.
fn apart(body: &str) -> String {
    let mut new = Vec::new();
    let mut quoted = Vec::new();
    let mut lines = body.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if trimmed.starts_with("-----Original Message-----")
            || trimmed.starts_with("-------- Original Message --------")
        {
            quoted.extend(
                std::iter::once(line)
                    .chain(lines.by_ref())
                    .map(|l| format!("> {l}")),
            );
            break;
        }
        let attribution = trimmed.ends_with("wrote:")
            && lines
                .peek()
                .is_some_and(|next| next.starts_with('>') || next.trim().is_empty());
        if line.starts_with('>') {
            quoted.push(line.to_string());
        } else if attribution {
            quoted.push(format!("> {line}"));
        } else {
            new.push(line);
        }
    }
    let mut text = new.join("\n").trim().to_string();
    // the lines taken out leave blank lines together
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    if !quoted.is_empty() {
        text.push_str("\n\n---\n\nQuoted:\n\n");
        text.push_str(&quoted.join("\n"));
    }
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_known_by_its_headers() {
        assert!(is_message(
            b"From: Ada <ada@example.org>\r\nDate: Sat, 23 Nov 2024 10:00:00 +0100\r\n\
              Message-ID: <1@x>\r\nSubject: Harbour\r\n\r\nBody."
        ));
        assert!(!is_message(
            b"From: the council\nDate: Friday\n\nThe council voted."
        ));
        assert!(!is_message(b"The council voted.\nFrom: x\n"));
    }

    #[test]
    fn the_quoted_reply_goes_after_the_new_text() {
        let body = "We agree.\n\nOn Fri, Ada wrote:\n> The council voted.\n> Moscow denied it.\n\nThanks.\n";
        assert_eq!(
            apart(body),
            "We agree.\n\nThanks.\n\n---\n\nQuoted:\n\n> On Fri, Ada wrote:\n> The council voted.\n> Moscow denied it.\n"
        );
    }
}
