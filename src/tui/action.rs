//! What a key can ask the reader to do. The names are the contract's action names, so a
//! `[keys]` table in the configuration maps straight onto them.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    Back,
    NextPane,
    PrevPane,
    FocusArticle,
    FocusClaims,
    FocusActors,
    FocusTimeline,
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Open,
    Search,
    NextMatch,
    PrevMatch,
    NextClaim,
    PrevClaim,
    ToggleMouse,
    OpenLibrary,
    SearchLibrary,
    Sort,
    Rescan,
    MarkSupported,
    MarkDisputed,
    MarkUnverified,
    MarkRejected,
    ClearStatus,
    Grade,
    Note,
    Filter,
    Undo,
    Export,
    NoteInEditor,
    Copy,
    Select,
    AddClaim,
    MergeActor,
    Notes,
    SelectNextWord,
    SelectPreviousWord,
    SelectOtherEnd,
}

impl Action {
    /// The contract's name, as written in `[keys]`.
    pub fn name(self) -> &'static str {
        use Action::*;
        match self {
            Quit => "quit",
            Help => "help",
            Back => "back",
            NextPane => "next_pane",
            PrevPane => "prev_pane",
            FocusArticle => "focus_article",
            FocusClaims => "focus_claims",
            FocusActors => "focus_actors",
            FocusTimeline => "focus_timeline",
            Down => "down",
            Up => "up",
            Top => "top",
            Bottom => "bottom",
            PageDown => "page_down",
            PageUp => "page_up",
            HalfPageDown => "half_page_down",
            HalfPageUp => "half_page_up",
            Open => "open",
            Search => "search",
            NextMatch => "next_match",
            PrevMatch => "prev_match",
            NextClaim => "next_claim",
            PrevClaim => "prev_claim",
            ToggleMouse => "toggle_mouse",
            OpenLibrary => "open_library",
            SearchLibrary => "search_library",
            Sort => "sort",
            Rescan => "rescan",
            MarkSupported => "mark_supported",
            MarkDisputed => "mark_disputed",
            MarkUnverified => "mark_unverified",
            MarkRejected => "mark_rejected",
            ClearStatus => "clear_status",
            Grade => "grade",
            Note => "note",
            Filter => "filter",
            Undo => "undo",
            Export => "export",
            NoteInEditor => "note_in_editor",
            Copy => "copy",
            Select => "select",
            AddClaim => "add_claim",
            MergeActor => "merge_actor",
            Notes => "notes",
            SelectNextWord => "select_next_word",
            SelectPreviousWord => "select_previous_word",
            SelectOtherEnd => "select_other_end",
        }
    }

    /// Whether the action only does something in a library (a folder or several files).
    pub fn for_library(self) -> bool {
        use Action::*;
        matches!(self, OpenLibrary | SearchLibrary | Sort | Rescan)
    }

    /// A few words for the help overlay and the status bar.
    pub fn describe(self) -> &'static str {
        use Action::*;
        match self {
            Quit => "quit",
            Help => "this help",
            Back => "back one step",
            NextPane => "next pane",
            PrevPane => "previous pane",
            FocusArticle => "article",
            FocusClaims => "claims",
            FocusActors => "actors",
            FocusTimeline => "timeline",
            Down => "down",
            Up => "up",
            Top => "top",
            Bottom => "bottom",
            PageDown => "page down",
            PageUp => "page up",
            HalfPageDown => "half page down",
            HalfPageUp => "half page up",
            Open => "open",
            Search => "search",
            NextMatch => "next match",
            PrevMatch => "previous match",
            NextClaim => "next claim",
            PrevClaim => "previous claim",
            ToggleMouse => "mouse on/off",
            OpenLibrary => "library",
            SearchLibrary => "search library",
            Sort => "library order",
            Rescan => "rescan the folder",
            MarkSupported => "supported",
            MarkDisputed => "disputed",
            MarkUnverified => "unverified",
            MarkRejected => "not a claim",
            ClearStatus => "clear status",
            Grade => "grade",
            Note => "note",
            Filter => "filter by status",
            Undo => "undo",
            Export => "export",
            NoteInEditor => "note in $EDITOR",
            Copy => "copy claim",
            Select => "select a passage",
            AddClaim => "selection as claim",
            MergeActor => "merge actor",
            Notes => "notes and orphans",
            SelectNextWord => "select word on",
            SelectPreviousWord => "select word back",
            SelectOtherEnd => "select other end",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_deserialise_from_their_contract_names() {
        #[derive(Deserialize)]
        struct Keys {
            a: Action,
        }
        for action in crate::tui::keymap::Keymap::default().actions() {
            let toml = format!("a = \"{}\"", action.name());
            let keys: Keys = toml::from_str(&toml).unwrap();
            assert_eq!(keys.a, action);
        }
    }
}
