//! A trained linear model as it ships: read in place from the bytes compiled into the binary
//! (`include_bytes!`), never copied into the heap.
//!
//! Layout (little-endian): the magic `BRIEFPW2`; `classes`, `slots`, `overflow` as u32;
//! `scale` as f32; the byte length of the class names and the names themselves, one a line;
//! zero padding to a multiple of 16; then a table of `slots` slots of 16 bytes (open
//! addressing with linear probing, filled to about 65%; a zero fingerprint marks an empty
//! slot); then `overflow` entries of u32. An entry is a class in the high 16 bits and its
//! weight in the low 16, an i16 that `scale` turns back into a real number. A slot is the
//! feature's 32-bit fingerprint and three entries, zero where the feature has fewer weights;
//! a feature with more has `[fingerprint, count, MORE, first]`, its entries in the overflow.
//! Most features have at most three weights, so scoring one costs one memory fetch.
//!
//! Features are 64-bit hashes ([`super::features`]); the table keeps only those with a
//! weight, so a feature never seen in training costs one probe.

pub const MAGIC: &[u8; 8] = b"BRIEFPW2";

/// The second entry of a slot whose entries are in the overflow.
const MORE: u32 = u32::MAX;
const SLOT: usize = 16;

/// Why a weights file cannot be used (a file built by `train_syntax` is always usable: this
/// guards against a truncated or foreign file in assets/).
#[derive(Debug, thiserror::Error)]
#[error("the syntax weights are damaged: {0}")]
pub struct Damaged(&'static str);

pub struct Weights<'a> {
    classes: usize,
    slots: usize,
    scale: f32,
    names: Vec<&'a str>,
    table: &'a [u8],
    overflow: &'a [u8],
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes"))
}

/// The slot's fingerprint: never zero, so a zero slot is an empty one.
fn fingerprint(feature: u64) -> u32 {
    feature as u32 | 1
}

/// Where a feature's probe starts: the high bits of its hash, scaled to the table (the
/// fingerprint is the low bits).
fn home(feature: u64, slots: usize) -> usize {
    ((u128::from(feature) * slots as u128) >> 64) as usize
}

impl<'a> Weights<'a> {
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Self, Damaged> {
        if bytes.len() < 28 || &bytes[..8] != MAGIC {
            return Err(Damaged("no header"));
        }
        let classes = u32_at(bytes, 8) as usize;
        let slots = u32_at(bytes, 12) as usize;
        let overflow = u32_at(bytes, 16) as usize;
        let scale = f32::from_bits(u32_at(bytes, 20));
        let names_len = u32_at(bytes, 24) as usize;
        if slots == 0 || classes >= u16::MAX as usize {
            return Err(Damaged("impossible sizes"));
        }
        let names_end = 28 + names_len;
        let table_start = names_end.div_ceil(SLOT) * SLOT;
        let overflow_start = table_start + SLOT * slots;
        if bytes.len() != overflow_start + 4 * overflow {
            return Err(Damaged("wrong length"));
        }
        let names = std::str::from_utf8(&bytes[28..names_end])
            .map_err(|_| Damaged("class names are not UTF-8"))?
            .lines()
            .collect::<Vec<_>>();
        if names.len() != classes {
            return Err(Damaged("class names do not match their count"));
        }
        Ok(Weights {
            classes,
            slots,
            scale,
            names,
            table: &bytes[table_start..overflow_start],
            overflow: &bytes[overflow_start..],
        })
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    pub fn names(&self) -> &[&'a str] {
        &self.names
    }

    /// Adds each feature's weights to `scores` (one per class, zeroed by the caller).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        // The table is far larger than the caches, so each feature costs a fetch from
        // memory: ask for all of them first, so that the fetches overlap instead of coming
        // one after another; then likewise for the rows kept in the overflow.
        const BATCH: usize = 64;
        let mut homes = [0usize; BATCH];
        let mut rows = [0u32; BATCH * 2];
        for chunk in features.chunks(BATCH) {
            for (home_of, &feature) in homes.iter_mut().zip(chunk) {
                *home_of = home(feature, self.slots);
                prefetch(&self.table[*home_of * SLOT..]);
            }
            let mut long = 0;
            for (&start, &feature) in homes.iter().zip(chunk) {
                if let Some([count, first]) = self.find(feature, start, scores) {
                    prefetch(&self.overflow[first as usize * 4..]);
                    rows[long..long + 2].copy_from_slice(&[count, first]);
                    long += 2;
                }
            }
            for row in rows[..long].chunks_exact(2) {
                let (count, first) = (row[0] as usize, row[1] as usize);
                for e in self.overflow[first * 4..(first + count) * 4].chunks_exact(4) {
                    self.add(u32::from_le_bytes(e.try_into().expect("4")), scores);
                }
            }
        }
    }

    /// Adds a feature's weights kept in its slot; a row in the overflow is returned (count,
    /// first entry) instead.
    fn find(&self, feature: u64, start: usize, scores: &mut [f32]) -> Option<[u32; 2]> {
        let fp = fingerprint(feature);
        let mut slot = start;
        loop {
            let at = slot * SLOT;
            let found = u32_at(self.table, at);
            if found == 0 {
                return None;
            }
            if found == fp {
                let entries = [4, 8, 12].map(|k| u32_at(self.table, at + k));
                if entries[1] == MORE {
                    return Some([entries[0], entries[2]]);
                }
                for e in entries.into_iter().filter(|e| *e != 0) {
                    self.add(e, scores);
                }
                return None;
            }
            slot += 1;
            if slot == self.slots {
                slot = 0;
            }
        }
    }

    fn add(&self, entry: u32, scores: &mut [f32]) {
        scores[(entry >> 16) as usize] += f32::from(entry as u16 as i16) * self.scale;
    }
}

/// Asks the processor to bring these bytes into the cache (a hint; nothing elsewhere).
#[inline(always)]
fn prefetch(bytes: &[u8]) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        // SAFETY: a prefetch never faults and reads nothing the program sees
        unsafe { _mm_prefetch::<_MM_HINT_T0>(bytes.as_ptr().cast()) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = bytes;
}

/// Writes a model in the layout above: `rows` are (feature, [(class, weight)]) sorted by
/// feature, so the same weights always give the same bytes.
pub fn write(names: &[String], rows: &[(u64, Vec<(u16, f32)>)]) -> Vec<u8> {
    assert!(names.len() < u16::MAX as usize, "too many classes");
    let max = rows
        .iter()
        .flat_map(|(_, r)| r.iter().map(|(_, w)| w.abs()))
        .fold(0f32, f32::max);
    let scale = if max > 0.0 {
        max / f32::from(i16::MAX)
    } else {
        1.0
    };
    let quantised: Vec<(u64, Vec<u32>)> = rows
        .iter()
        .map(|(f, row)| {
            let row = row
                .iter()
                .filter_map(|&(c, w)| {
                    let q = (w / scale).round() as i16;
                    (q != 0).then_some((u32::from(c) << 16) | u32::from(q as u16))
                })
                .collect::<Vec<_>>();
            (*f, row)
        })
        .filter(|(_, row)| !row.is_empty())
        .collect();
    let slots = (quantised.len() * 20 / 13).max(16);
    let mut table = vec![[0u32; 4]; slots];
    let mut overflow = Vec::new();
    for (feature, row) in &quantised {
        let mut slot = home(*feature, slots);
        while table[slot][0] != 0 {
            slot = (slot + 1) % slots;
        }
        table[slot] = if row.len() <= 3 {
            let e = |k: usize| row.get(k).copied().unwrap_or(0);
            [fingerprint(*feature), e(0), e(1), e(2)]
        } else {
            overflow.extend_from_slice(row);
            let first = overflow.len() - row.len();
            [fingerprint(*feature), row.len() as u32, MORE, first as u32]
        };
    }
    let classes = names.len();
    let names = names.join("\n");
    let mut out = Vec::with_capacity(48 + names.len() + slots * SLOT + overflow.len() * 4);
    out.extend_from_slice(MAGIC);
    for n in [classes, slots, overflow.len()] {
        out.extend_from_slice(&(n as u32).to_le_bytes());
    }
    out.extend_from_slice(&scale.to_bits().to_le_bytes());
    out.extend_from_slice(&(names.len() as u32).to_le_bytes());
    out.extend_from_slice(names.as_bytes());
    out.resize(out.len().div_ceil(SLOT) * SLOT, 0);
    for n in table.into_iter().flatten().chain(overflow) {
        out.extend_from_slice(&n.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_weights_score_as_they_were_learned() {
        let names: Vec<String> = ["A", "B", "C", "D"].map(String::from).to_vec();
        let long = (0..4).map(|c| (c, 0.25)).collect();
        let rows = vec![
            (7u64, vec![(0, 1.0), (1, -0.5)]),
            (99u64 << 40 | 8, vec![(1, 2.0)]),
            (5, long),
        ];
        let bytes = write(&names, &rows);
        let w = Weights::from_bytes(&bytes).unwrap();
        assert_eq!(w.names(), ["A", "B", "C", "D"]);
        let mut scores = [0.0; 4];
        w.score(&[7, 99 << 40 | 8, 12345, 5], &mut scores);
        let want = [1.25, 1.75, 0.25, 0.25];
        assert!(
            scores.iter().zip(want).all(|(s, w)| (s - w).abs() < 1e-3),
            "{scores:?}"
        );
        assert!(Weights::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    }
}
