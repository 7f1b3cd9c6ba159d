//! Where the reader was in a briefing: kept by the store beside the review
//! (`<name>.view.json`), so that a briefing opened again comes back there. Quietly: losing
//! it costs nothing but a scroll, so a failure is never reported.

use serde::{Deserialize, Serialize};

use super::{BriefingKey, Session, Store};

/// The reading position: the article's top line, the focused pane and the selected claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The article's top line, as a byte of the text.
    pub top: usize,
    /// The focused pane, by its number (1 article .. 4 timeline).
    pub pane: usize,
    /// The claim selected, by index into the analysis.
    pub claim: Option<usize>,
}

impl Store {
    fn position_name(key: &BriefingKey) -> String {
        key.file_name().replace(".json", ".view.json")
    }

    /// The position kept for a briefing, if any.
    pub fn position(&self, key: &BriefingKey) -> Option<Position> {
        let bytes = std::fs::read(self.dir().join(Self::position_name(key))).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Keeps a briefing's position, atomically, under the review's lock, so that a
    /// temporary file a killed reader left is removed by the next save.
    pub fn keep_position(&self, key: &BriefingKey, position: &Position) {
        let Ok(json) = serde_json::to_vec(position) else {
            return;
        };
        let _ = std::fs::create_dir_all(self.dir());
        if let Ok(_lock) = self.lock(key) {
            let _ = self.replace(&Self::position_name(key), &json);
        }
    }
}

impl Session {
    /// The position kept beside this review (none when it lives in memory only).
    pub fn position(&self) -> Option<Position> {
        self.store.as_ref()?.position(&self.key)
    }

    pub fn keep_position(&self, position: &Position) {
        if let Some(store) = &self.store {
            store.keep_position(&self.key, position);
        }
    }
}
