//! The reader's four panes.

use super::action::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Article,
    Claims,
    Actors,
    Timeline,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Article, Pane::Claims, Pane::Actors, Pane::Timeline];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Article => "Article",
            Pane::Claims => "Claims",
            Pane::Actors => "Actors",
            Pane::Timeline => "Timeline",
        }
    }

    pub fn index(self) -> usize {
        Pane::ALL.iter().position(|&p| p == self).unwrap_or(0)
    }

    /// The actions worth showing in the status bar while this pane has the focus.
    pub fn actions(self) -> &'static [Action] {
        use Action::*;
        match self {
            Pane::Article => &[
                Down,
                Up,
                NextClaim,
                PrevClaim,
                Search,
                NextMatch,
                PrevMatch,
                MarkSupported,
                MarkDisputed,
                Note,
            ],
            Pane::Claims => &[
                Down,
                Up,
                Open,
                MarkSupported,
                MarkDisputed,
                MarkUnverified,
                Grade,
                Note,
                NextUnreviewed,
                Tags,
                SetKind,
                SetSource,
                Filter,
                Undo,
                Notes,
                Export,
            ],
            Pane::Actors => &[
                Down,
                Up,
                Open,
                MergeActor,
                RenameActor,
                SetKind,
                RemoveActor,
                SplitActor,
            ],
            Pane::Timeline => &[Down, Up, Open, SetDate, RemoveActor, Undo],
        }
    }
}
