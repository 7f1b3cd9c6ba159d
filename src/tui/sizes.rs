//! The reader's size limits and how its panes share the screen.

/// Below this, only a notice: 40x12 still shows a whole pane.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// How the panes share the screen (`[layout]` in the configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneSizes {
    /// Percent of the width for the right-hand column when the panes sit side by side.
    pub side: u16,
    /// Columns from which the panes sit side by side; below, they are tabs.
    pub wide: u16,
}

impl PaneSizes {
    /// The range `side` may take: each column keeps room to be read.
    pub const SIDE: std::ops::RangeInclusive<u16> = 20..=80;
    /// The range `wide` may take: from the smallest usable terminal up.
    pub const WIDE: std::ops::RangeInclusive<u16> = MIN_WIDTH..=1000;
}

impl Default for PaneSizes {
    fn default() -> Self {
        PaneSizes {
            side: 42,
            wide: 100,
        }
    }
}
