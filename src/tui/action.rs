//! What a key can ask the reader to do. The names are the contract's action names, so a
//! `[keys]` table in the configuration maps straight onto them; strum derives the name
//! (`quit`, `next_pane`), its parsing and the few words the help shows for each.

use strum::{EnumMessage, EnumString, IntoStaticStr};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, IntoStaticStr, EnumString, EnumMessage)]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    #[strum(message = "quit")]
    Quit,
    #[strum(message = "this help")]
    Help,
    #[strum(message = "back one step")]
    Back,
    #[strum(message = "next pane")]
    NextPane,
    #[strum(message = "previous pane")]
    PrevPane,
    #[strum(message = "article")]
    FocusArticle,
    #[strum(message = "claims")]
    FocusClaims,
    #[strum(message = "actors")]
    FocusActors,
    #[strum(message = "timeline")]
    FocusTimeline,
    #[strum(message = "down")]
    Down,
    #[strum(message = "up")]
    Up,
    #[strum(message = "top")]
    Top,
    #[strum(message = "bottom")]
    Bottom,
    #[strum(message = "page down")]
    PageDown,
    #[strum(message = "page up")]
    PageUp,
    #[strum(message = "half page down")]
    HalfPageDown,
    #[strum(message = "half page up")]
    HalfPageUp,
    #[strum(message = "open")]
    Open,
    #[strum(message = "search")]
    Search,
    #[strum(message = "next match")]
    NextMatch,
    #[strum(message = "previous match")]
    PrevMatch,
    #[strum(message = "next claim")]
    NextClaim,
    #[strum(message = "previous claim")]
    PrevClaim,
    #[strum(message = "mouse on/off")]
    ToggleMouse,
    #[strum(message = "library")]
    OpenLibrary,
    #[strum(message = "search library")]
    SearchLibrary,
    #[strum(message = "library order")]
    Sort,
    #[strum(message = "rescan the folder")]
    Rescan,
    #[strum(message = "next unread")]
    NextUnread,
    #[strum(message = "read/unread")]
    ToggleRead,
    #[strum(message = "actors across briefings")]
    LibraryActors,
    #[strum(message = "timeline across briefings")]
    LibraryTimeline,
    #[strum(message = "claims across briefings")]
    LibraryClaims,
    #[strum(message = "sources and their reliability")]
    LibrarySources,
    #[strum(message = "supported")]
    MarkSupported,
    #[strum(message = "disputed")]
    MarkDisputed,
    #[strum(message = "unverified")]
    MarkUnverified,
    #[strum(message = "not a claim")]
    MarkRejected,
    #[strum(message = "clear status")]
    ClearStatus,
    #[strum(message = "grade")]
    Grade,
    #[strum(message = "note")]
    Note,
    #[strum(message = "filter by status")]
    Filter,
    #[strum(message = "undo")]
    Undo,
    #[strum(message = "export")]
    Export,
    #[strum(message = "note in $EDITOR")]
    NoteInEditor,
    #[strum(message = "copy claim")]
    Copy,
    #[strum(message = "select a passage")]
    Select,
    #[strum(message = "selection as claim")]
    AddClaim,
    #[strum(message = "merge actor")]
    MergeActor,
    #[strum(message = "claim's or actor's kind")]
    SetKind,
    #[strum(message = "claim's source")]
    SetSource,
    #[strum(message = "rename actor")]
    RenameActor,
    #[strum(message = "remove actor or event")]
    RemoveActor,
    #[strum(message = "event's date")]
    SetDate,
    #[strum(message = "selection as event")]
    AddEvent,
    #[strum(message = "selection as part of the claim")]
    ClaimPart,
    #[strum(message = "split an alias or move a mention")]
    SplitActor,
    #[strum(message = "next unreviewed claim")]
    NextUnreviewed,
    #[strum(message = "previous unreviewed claim")]
    PrevUnreviewed,
    #[strum(message = "claim in full")]
    ClaimDetail,
    #[strum(message = "the claim in other briefings")]
    OtherBriefings,
    #[strum(message = "published date")]
    SetPublished,
    #[strum(message = "claim's tags")]
    Tags,
    #[strum(message = "notes and orphans")]
    Notes,
    #[strum(message = "select word on")]
    SelectNextWord,
    #[strum(message = "select word back")]
    SelectPreviousWord,
    #[strum(message = "select other end")]
    SelectOtherEnd,
}

impl Action {
    /// The contract's name, as written in `[keys]`.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The action of a contract name, as written in `[keys]`.
    pub fn from_name(name: &str) -> Option<Action> {
        name.parse().ok()
    }

    /// Whether the action only does something in a library (a folder or several files).
    pub fn for_library(self) -> bool {
        use Action::*;
        matches!(
            self,
            OpenLibrary
                | SearchLibrary
                | Sort
                | Rescan
                | NextUnread
                | ToggleRead
                | LibraryActors
                | LibraryTimeline
                | LibraryClaims
                | LibrarySources
        )
    }

    /// A few words for the help overlay and the status bar.
    pub fn describe(self) -> &'static str {
        self.get_message().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_its_contract_name_and_words() {
        for action in crate::tui::keymap::Keymap::default().actions() {
            assert_eq!(Action::from_name(action.name()), Some(action));
            assert!(!action.describe().is_empty(), "{action:?}");
        }
        assert_eq!(Action::NextPane.name(), "next_pane");
        assert_eq!(Action::SelectOtherEnd.name(), "select_other_end");
        assert_eq!(Action::from_name("NextPane"), None);
    }
}
