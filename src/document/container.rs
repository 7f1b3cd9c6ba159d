//! Files that hold several briefings: a feed (its items), an mbox (its messages), a message
//! with briefings attached (the message, then each attachment that is a PDF, Word,
//! OpenDocument, web page or text file). Each is an [`Item`]; the library lists them one by
//! one, `brief extract` prints a line for each, and `PATH#N` names the N-th.

use super::frontmatter::Meta;
use super::{IngestError, Warning, feed, mail, mbox};

/// One briefing of a file that holds several.
#[derive(Debug, Clone)]
pub struct Item {
    pub part: Part,
}

#[derive(Debug, Clone)]
pub enum Part {
    /// A feed item's HTML content, and what the feed says of it.
    Html(String, Meta),
    /// A feed item's text.
    Text(String, Meta),
    /// A message, read as an .eml file is (its attachments not opened again).
    Message(Vec<u8>),
    /// An attached file, read as a file of its own; the metadata fills what it lacks (its
    /// file name as title, the message's sender and date).
    Attached(Vec<u8>, Meta),
}

/// What a file's bytes hold when they are a file of several briefings: a feed, an mbox, or
/// a message with briefings attached. None for a file of one briefing.
pub fn items(bytes: &[u8], warnings: &mut Vec<Warning>) -> Option<Result<Vec<Item>, IngestError>> {
    if feed::is_feed(bytes) {
        return Some(feed::items(bytes, warnings));
    }
    if mbox::is_mbox(bytes) {
        return Some(mbox::messages(bytes).map(|messages| {
            messages
                .into_iter()
                .flat_map(|message| with_attachments(message.to_vec()))
                .collect()
        }));
    }
    if mail::is_message(bytes) {
        let items = with_attachments(bytes.to_vec());
        return (items.len() > 1).then_some(Ok(items));
    }
    None
}

/// A message, then the briefings attached to it.
fn with_attachments(message: Vec<u8>) -> Vec<Item> {
    let attached = mail::attachments(&message);
    std::iter::once(Part::Message(message))
        .chain(
            attached
                .into_iter()
                .map(|(bytes, meta)| Part::Attached(bytes, meta)),
        )
        .map(|part| Item { part })
        .collect()
}
