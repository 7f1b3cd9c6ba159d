//! What a screen asks of the shell after an action: the one answer the reader and the
//! library give, which the shell acts on, or hands to the event loop when only the loop can
//! do it (it owns the terminal).

use crate::document::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// To the clipboard, with OSC 52 (the event loop writes it).
    Copy(String),
    /// Claim `claim`'s note, to edit in `$VISUAL`/`$EDITOR` (the event loop gives the
    /// terminal up around it).
    EditNote { claim: usize, text: String },
    /// Open the library's entry; with a hit, at the query's match there.
    Open(usize, Option<(String, Span)>),
    /// Back to the library's list, where it was left.
    Library,
    /// Back where the reader came from: the briefing a claim was followed from (`F`), else
    /// the library's list.
    Previous,
    /// Mark the library's entry read (true) or unread.
    MarkRead(usize, bool),
    /// Back to the library, searching across it.
    SearchLibrary,
}
