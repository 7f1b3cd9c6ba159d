//! An mbox: messages one after another, each opened by a `From ` line at the start of the
//! file or after a blank line (the envelope, dropped); a body line escaped as `>From ` (mboxrd)
//! loses one `>`.

use super::IngestError;
use super::feed::MAX_ITEMS;
use super::office;

/// Whether `bytes` begin as an mbox does: a `From ` envelope line, then a message's headers.
pub fn is_mbox(bytes: &[u8]) -> bool {
    let Some(rest) = bytes.strip_prefix(b"From ") else {
        return false;
    };
    let Some(end) = rest.iter().position(|&b| b == b'\n') else {
        return false;
    };
    super::mail::is_message(&rest[end + 1..])
}

/// The messages, each without its envelope line and with its escaped `From ` lines undone.
pub fn messages(bytes: &[u8]) -> Result<Vec<Vec<u8>>, IngestError> {
    let mut messages: Vec<Vec<u8>> = Vec::new();
    let mut blank_before = true;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        if blank_before && line.starts_with(b"From ") {
            if messages.len() == MAX_ITEMS {
                return Err(office::bad(
                    "mbox",
                    format!(
                        "more than {MAX_ITEMS} messages: brief reads mboxes of up to {MAX_ITEMS}"
                    ),
                ));
            }
            messages.push(Vec::new());
            blank_before = false;
            continue;
        }
        blank_before = line == b"\n" || line == b"\r\n";
        let Some(message) = messages.last_mut() else {
            continue;
        };
        let unquoted = line
            .iter()
            .position(|&b| b != b'>')
            .filter(|&quotes| quotes > 0 && line[quotes..].starts_with(b"From "));
        message.extend_from_slice(if unquoted.is_some() { &line[1..] } else { line });
    }
    Ok(messages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_mbox_is_split_at_its_envelope_lines() {
        let mbox = b"From ada@example.org Sat Nov 23 10:00:00 2024\n\
            From: Ada <ada@example.org>\nDate: Sat, 23 Nov 2024 10:00:00 +0000\nMessage-ID: <1@x>\n\n\
            The council voted.\n>From the harbour, nothing.\n\n\
            From bo@example.org Sun Nov 24 10:00:00 2024\n\
            From: Bo <bo@example.org>\nDate: Sun, 24 Nov 2024 10:00:00 +0000\nMessage-ID: <2@x>\n\nSecond.\n";
        assert!(is_mbox(mbox));
        assert!(!is_mbox(b"From here on, the council voted.\n"));
        let messages = messages(mbox).unwrap();
        assert_eq!(messages.len(), 2);
        let first = String::from_utf8_lossy(&messages[0]);
        assert!(first.starts_with("From: Ada"), "{first}");
        assert!(first.contains("\nFrom the harbour, nothing.\n"), "{first}");
        assert!(String::from_utf8_lossy(&messages[1]).ends_with("Second.\n"));
    }
}
