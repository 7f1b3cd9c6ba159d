//! The briefing's claims as the library sees them: which other briefings report the same
//! claim or contradict it (`across::related`, made from the index on a thread of its own and
//! handed over by the shell), shown in the claims pane and the claim's detail, and `F`, which
//! goes to one of those claims (a picker when there are several). The shell opens the other
//! briefing and brings the analyst back with Esc.

use std::path::PathBuf;
use std::sync::Arc;

use super::overlay::{Choice, Pick};
use super::{Item, Pane, Reader};
use crate::across::related::{Across, Related, how};

/// What the library says of this briefing's claims.
#[derive(Debug, Clone, Default)]
pub enum LibraryClaims {
    /// The briefing is in no indexed library.
    #[default]
    None,
    /// Being worked out.
    Pending,
    /// The library's claims, and this briefing's path as the index keys it.
    Ready(Arc<Related>, PathBuf),
}

impl Reader {
    /// What the library says of claim `i`, once known; none when it says nothing.
    pub fn across(&self, i: usize) -> Option<&Across> {
        let LibraryClaims::Ready(related, path) = &self.library_claims else {
            return None;
        };
        let claim = self.analysis.as_ref()?.claims.get(i)?;
        let quote = self.doc.as_ref()?.slice(claim.span);
        related.of(path)?.get(quote)
    }

    /// `F`: the selected claim in another briefing that reports or contradicts it; a picker
    /// when there are several.
    pub(super) fn other_briefings(&mut self) {
        let Some(claim) = self.target_claim() else {
            self.message = Some("select a claim first (Claims pane, or ] in the article)".into());
            return;
        };
        let said = match &self.library_claims {
            LibraryClaims::None => Some("this briefing is in no indexed library"),
            LibraryClaims::Pending => Some("the library's claims are still being compared"),
            LibraryClaims::Ready(..) => None,
        };
        if let Some(said) = said {
            self.message = Some(said.into());
            return;
        }
        let Some(across) = self.across(claim) else {
            self.message = Some("no other briefing reports or contradicts this claim".into());
            return;
        };
        let choices: Vec<(Choice, String)> = across
            .others()
            .enumerate()
            .map(|(k, (relation, other))| {
                let line = format!("{}: {}: {}", how(relation), other.briefing(), other.quote);
                (Choice::Other(k), line)
            })
            .collect();
        if choices.len() == 1 {
            self.follow_to(claim, 0);
        } else {
            self.open_picker(Pick::Other { claim }, choices, None);
        }
    }

    /// The `k`-th other claim of claim `claim` chosen: the shell opens it.
    pub(super) fn follow_to(&mut self, claim: usize, k: usize) {
        let other = self.across(claim).and_then(|a| a.others().nth(k));
        if let Some((_, other)) = other {
            self.follow = Some((other.path.clone(), other.quote.clone()));
        }
    }

    /// Opened at the claim of these words (one followed to, or come back to): selected in
    /// the claims pane and shown in the article.
    pub fn land_on(&mut self, quote: &str) {
        let (Some(doc), Some(analysis)) = (&self.doc, &self.analysis) else {
            return;
        };
        let Some(i) =
            (0..analysis.claims.len()).find(|&i| doc.slice(analysis.claims[i].span) == quote)
        else {
            self.message = Some("the claim is no longer in this briefing".into());
            return;
        };
        if let Some(k) = self.claim_view.iter().position(|&c| c == i) {
            self.claims.selected = k;
        }
        self.focus = Pane::Claims;
        self.current = Some(Item::Claim(i));
        self.refresh_focus();
        if let Some(at) = self.focus_spans.first().map(|s| s.start) {
            self.jump(at);
        }
    }

    /// The words of the claim selected, to come back to.
    pub fn claim_words(&self) -> Option<String> {
        let i = self.target_claim()?;
        let claim = self.analysis.as_ref()?.claims.get(i)?;
        Some(self.doc.as_ref()?.slice(claim.span).to_string())
    }
}
