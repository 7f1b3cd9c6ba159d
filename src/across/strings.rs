//! Strings held once for the whole library, by number: 10,000 briefings name the same
//! actors, kinds, ids, labels and dates over and over, and a string of its own for each
//! took most of the memory of the work across briefings.

use std::num::NonZeroU32;

use indexmap::IndexSet;

/// A string of [`Strings`], by its number (never zero, so an `Option<Sym>` takes four bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sym(NonZeroU32);

impl Sym {
    /// Its number, for a list that holds other numbers too.
    pub fn raw(self) -> u32 {
        self.0.get()
    }

    /// The string numbered `raw` (what [`Sym::raw`] gave).
    pub fn from_raw(raw: u32) -> Sym {
        Sym(NonZeroU32::new(raw).expect("a number Sym::raw gave"))
    }
}

/// The numbered strings.
#[derive(Debug, Clone, Default)]
pub struct Strings(IndexSet<Box<str>, foldhash::fast::RandomState>);

impl Strings {
    /// The number of `s`, given it if it has none yet.
    pub fn add(&mut self, s: &str) -> Sym {
        let at = match self.0.get_index_of(s) {
            Some(at) => at,
            None => self.0.insert_full(s.into()).0,
        };
        Sym(NonZeroU32::new(at as u32 + 1).expect("fewer than 4 billion strings"))
    }

    /// The number of `s`, if it has one.
    pub fn find(&self, s: &str) -> Option<Sym> {
        let at = self.0.get_index_of(s)?;
        NonZeroU32::new(at as u32 + 1).map(Sym)
    }

    /// The string numbered `sym`.
    pub fn get(&self, sym: Sym) -> &str {
        &self.0[sym.0.get() as usize - 1]
    }
}

impl std::ops::Index<Sym> for Strings {
    type Output = str;

    fn index(&self, sym: Sym) -> &str {
        self.get(sym)
    }
}
