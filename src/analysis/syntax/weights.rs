//! A trained linear model as it ships: read in place from the bytes compiled into the binary
//! (`include_bytes!`), never copied into the heap.
//!
//! Layout (little-endian): the magic `BRIEFPW3`; `classes`, `slots`, `stored`, `overflow` as
//! u32; `scale` as f32; the byte length of the class names and the names themselves, one a
//! line; zero padding to a multiple of 16; then a table of `stored` slots of 16 bytes; then
//! `overflow` entries of u32. An entry is a class in the high 16 bits and its weight in the
//! low 16, an i16 that `scale` turns back into a real number. A slot is the feature's 32-bit
//! fingerprint (never zero; zero marks an empty slot) and three entries, zero where the
//! feature has fewer weights; a feature with more has `[fingerprint, count, MORE, first]`,
//! its entries in the overflow. Most features have at most three weights, so scoring one
//! costs one memory fetch.
//!
//! A feature's home slot is its fingerprint scaled to `slots`, so homes rise with
//! fingerprints; the slots hold the features in the order of their fingerprints, each at its
//! home or the first free slot after it (`stored` may pass `slots` by the last spill). A look-up
//! walks from the home only while the fingerprints are smaller than its own: a feature that
//! is not there (most features of an unseen sentence) costs about one probe, and the table
//! can be filled to 80%.
//!
//! Features are 64-bit hashes ([`super::features`]); the table keeps only those with a
//! weight. Two features of one model whose hashes share their high 32 bits share a row
//! (their weights summed), as hashed features do.

pub const MAGIC: &[u8; 8] = b"BRIEFPW3";

/// The second entry of a slot whose entries are in the overflow.
const MORE: u32 = u32::MAX;
const SLOT: usize = 16;
/// The most classes a [`Weights`] model holds (the tagger has 109, the labeller 50): its
/// scores are summed as integers in an array of this size on the stack.
const MAX_CLASSES: usize = 256;

/// Why a weights file cannot be used (a file built by `train_syntax` is always usable: this
/// guards against a truncated or foreign file in assets/).
#[derive(Debug, thiserror::Error)]
#[error("the syntax weights are damaged: {0}")]
pub struct Damaged(pub &'static str);

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

/// The feature's fingerprint: its high 32 bits, never zero (a zero slot is an empty one).
fn fingerprint(feature: u64) -> u32 {
    ((feature >> 32) as u32).max(1)
}

/// Where a fingerprint's walk starts: the fingerprint scaled to the table's `slots`.
fn home(fingerprint: u32, slots: usize) -> usize {
    ((u64::from(fingerprint) * slots as u64) >> 32) as usize
}

const HEADER: usize = 32;

/// What a header gives, both layouts alike.
struct Header {
    classes: usize,
    slots: usize,
    stored: usize,
    overflow: usize,
    scale: f32,
    names_len: usize,
    /// Where the table starts: after the names, at a multiple of a slot.
    table_start: usize,
}

/// Reads a header with `magic`, its sizes checked against `max_classes`.
fn header(bytes: &[u8], magic: &[u8; 8], max_classes: usize) -> Result<Header, Damaged> {
    if bytes.len() < HEADER || &bytes[..8] != magic {
        return Err(Damaged("no header"));
    }
    let [classes, slots, stored, overflow] = [8, 12, 16, 20].map(|at| u32_at(bytes, at) as usize);
    let names_len = u32_at(bytes, 28) as usize;
    if slots == 0 || stored < slots || classes > max_classes {
        return Err(Damaged("impossible sizes"));
    }
    Ok(Header {
        classes,
        slots,
        stored,
        overflow,
        scale: f32::from_bits(u32_at(bytes, 24)),
        names_len,
        table_start: (HEADER + names_len).div_ceil(SLOT) * SLOT,
    })
}

impl<'a> Weights<'a> {
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Self, Damaged> {
        let Header {
            classes,
            slots,
            stored,
            overflow,
            scale,
            names_len,
            table_start,
        } = header(bytes, MAGIC, MAX_CLASSES)?;
        let names_end = HEADER + names_len;
        let overflow_start = table_start + SLOT * stored;
        if bytes.len() != overflow_start + 4 * overflow {
            return Err(Damaged("wrong length"));
        }
        let names = std::str::from_utf8(&bytes[HEADER..names_end])
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
        // The table is larger than the nearer caches, so each feature costs a fetch: each
        // slot is asked for a few features ahead of its look-up (`AHEAD`), so that about as
        // many fetches are in flight as the processor keeps, all the time; a row kept in the
        // overflow is asked for when its slot is read and added after the others.
        // The weights are summed as the integers they are stored as, and scaled once: an
        // integer add per entry instead of a multiply and a dependent float add.
        const BATCH: usize = 64;
        let home_of = |feature: u64| home(fingerprint(feature), self.slots);
        for &feature in features.iter().take(AHEAD) {
            prefetch(&self.table[home_of(feature) * SLOT..]);
        }
        let mut rows = [[0u32; 2]; BATCH];
        let mut long = 0;
        let mut sums = [0i32; MAX_CLASSES];
        for (k, &feature) in features.iter().enumerate() {
            if let Some(&next) = features.get(k + AHEAD) {
                prefetch(&self.table[home_of(next) * SLOT..]);
            }
            if let Some(row) = self.find(fingerprint(feature), home_of(feature), &mut sums) {
                prefetch(&self.overflow[row[1] as usize * 4..]);
                if long == BATCH {
                    self.add_rows(&rows, &mut sums);
                    long = 0;
                }
                rows[long] = row;
                long += 1;
            }
        }
        self.add_rows(&rows[..long], &mut sums);
        for (score, &sum) in scores.iter_mut().zip(&sums) {
            *score += sum as f32 * self.scale;
        }
    }

    /// Adds the entries of rows kept in the overflow, each (count, first entry).
    fn add_rows(&self, rows: &[[u32; 2]], sums: &mut [i32; MAX_CLASSES]) {
        for &[count, first] in rows {
            let (count, first) = (count as usize, first as usize);
            for e in self.overflow[first * 4..(first + count) * 4].chunks_exact(4) {
                add(u32::from_le_bytes(e.try_into().expect("4")), sums);
            }
        }
    }

    /// Adds a feature's weights kept in its slot; a row in the overflow is returned (count,
    /// first entry) instead.
    fn find(&self, fp: u32, start: usize, sums: &mut [i32; MAX_CLASSES]) -> Option<[u32; 2]> {
        let mut at = start;
        while let Some(&slot) = slot_at::<SLOT>(self.table, at) {
            let [found, a, b, c] = [0, 4, 8, 12].map(|k| u32_at(&slot, k));
            if found == fp {
                if b == MORE {
                    return Some([a, c]);
                }
                for e in [a, b, c] {
                    if e != 0 {
                        add(e, sums);
                    }
                }
                return None;
            }
            if found == 0 || found > fp {
                return None;
            }
            at += 1;
        }
        None
    }
}

/// Adds an entry (a class in the high 16 bits, its weight in the low) to the class's sum.
#[inline(always)]
fn add(entry: u32, sums: &mut [i32; MAX_CLASSES]) {
    sums[usize::from((entry >> 16) as u8)] += i32::from(entry as u16 as i16);
}

/// How many features ahead of its look-up a feature's slot is asked for (16 against 64 a
/// batch at once: 8% less CPU time for `brief parse` on EWT dev).
const AHEAD: usize = 16;

/// Slot `at` of a table of `N`-byte slots, as an array (one bounds check, one load).
#[inline(always)]
fn slot_at<const N: usize>(table: &[u8], at: usize) -> Option<&[u8; N]> {
    table.get(at * N..at * N + N)?.try_into().ok()
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

/// `rows` (sorted by feature) merged by fingerprint, in the order of their fingerprints:
/// features that share a fingerprint share a row.
fn by_fingerprint(rows: &[(u64, Vec<(u16, f32)>)]) -> Vec<(u32, Vec<(u16, f32)>)> {
    let mut merged: Vec<(u32, Vec<(u16, f32)>)> = Vec::with_capacity(rows.len());
    let mut sorted: Vec<(u32, &Vec<(u16, f32)>)> =
        rows.iter().map(|(f, row)| (fingerprint(*f), row)).collect();
    sorted.sort_by_key(|(fp, _)| *fp);
    for (fp, row) in sorted {
        match merged.last_mut() {
            Some((last, sum)) if *last == fp => {
                for &(c, w) in row {
                    match sum.iter_mut().find(|(k, _)| *k == c) {
                        Some((_, v)) => *v += w,
                        None => sum.push((c, w)),
                    }
                }
                sum.sort_by_key(|(c, _)| *c);
            }
            _ => merged.push((fp, row.clone())),
        }
    }
    merged
}

/// The slot of each of these rising fingerprints in a table of `slots`: its home or the
/// first free slot after it (the last may pass the end).
fn placed(fingerprints: impl Iterator<Item = u32>, slots: usize) -> impl Iterator<Item = usize> {
    let mut next = 0;
    fingerprints.map(move |fp| {
        let slot = home(fp, slots).max(next);
        next = slot + 1;
        slot
    })
}

/// Writes a model in the layout above: `rows` are (feature, [(class, weight)]) sorted by
/// feature, so the same weights always give the same bytes.
pub fn write(names: &[String], rows: &[(u64, Vec<(u16, f32)>)]) -> Vec<u8> {
    assert!(names.len() <= MAX_CLASSES, "too many classes");
    let merged = by_fingerprint(rows);
    let max = merged
        .iter()
        .flat_map(|(_, r)| r.iter().map(|(_, w)| w.abs()))
        .fold(0f32, f32::max);
    let scale = if max > 0.0 {
        max / f32::from(i16::MAX)
    } else {
        1.0
    };
    let quantised: Vec<(u32, Vec<u32>)> = merged
        .into_iter()
        .map(|(fp, row)| {
            let row = row
                .iter()
                .filter_map(|&(c, w)| {
                    let q = (w / scale).round() as i16;
                    (q != 0).then_some((u32::from(c) << 16) | u32::from(q as u16))
                })
                .collect::<Vec<_>>();
            (fp, row)
        })
        .filter(|(_, row)| !row.is_empty())
        .collect();
    let slots = (quantised.len() * 5 / 4).max(16);
    let mut table: Vec<[u32; 4]> = vec![[0; 4]; slots];
    let mut overflow = Vec::new();
    for ((fp, row), slot) in quantised
        .iter()
        .zip(placed(quantised.iter().map(|r| r.0), slots))
    {
        if slot >= table.len() {
            table.push([0; 4]);
        }
        table[slot] = if row.len() <= 3 {
            let e = |k: usize| row.get(k).copied().unwrap_or(0);
            [*fp, e(0), e(1), e(2)]
        } else {
            overflow.extend_from_slice(row);
            let first = overflow.len() - row.len();
            [*fp, row.len() as u32, MORE, first as u32]
        };
    }
    let classes = names.len();
    let names = names.join("\n");
    let mut out = Vec::with_capacity(64 + names.len() + table.len() * SLOT + overflow.len() * 4);
    out.extend_from_slice(MAGIC);
    for n in [classes, slots, table.len(), overflow.len()] {
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

/// The magic of a [`Relative`] model.
pub const RELATIVE_MAGIC: &[u8; 8] = b"BRIEFPR1";

/// The most classes a [`Relative`] model holds: the first, and six in a slot.
pub const RELATIVE_CLASSES: usize = 7;

/// The bytes of a [`Relative`] slot: a model of at most three classes keeps its two weights
/// in 8 (half the table, so more of it stays in the caches), a larger one six in 16.
fn relative_slot(classes: usize) -> usize {
    if classes <= 3 { 8 } else { SLOT }
}

/// A model of at most seven classes that is only ever asked which class scores best and by
/// how much (a sequence labeller, the parser's moves): each feature's weights are stored less
/// its weight for the first class, which then always scores 0, so that the others fit
/// beside the fingerprint in one slot: no overflow, and a feature costs one probe and at
/// most six integer adds (the layout above decodes each entry). The layout is the one above,
/// with the magic `BRIEFPR1`, no overflow (its count 0), and slots of a fingerprint and one
/// i16 for each class but the first, 8 bytes for up to three classes and 16 for more.
pub struct Relative<'a> {
    classes: usize,
    slots: usize,
    slot: usize,
    scale: f32,
    table: &'a [u8],
}

impl<'a> Relative<'a> {
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Self, Damaged> {
        let h = header(bytes, RELATIVE_MAGIC, RELATIVE_CLASSES)?;
        if h.overflow != 0 || h.classes < 2 {
            return Err(Damaged("impossible sizes"));
        }
        let slot = relative_slot(h.classes);
        if bytes.len() != h.table_start + slot * h.stored {
            return Err(Damaged("wrong length"));
        }
        Ok(Relative {
            classes: h.classes,
            slots: h.slots,
            slot,
            scale: h.scale,
            table: &bytes[h.table_start..],
        })
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Adds each feature's weights, less its weight for the first class, to `scores`.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        let add = |scores: &mut [f32], sums: &[i32]| {
            for (score, sum) in scores.iter_mut().skip(1).zip(sums) {
                *score += *sum as f32 * self.scale;
            }
        };
        if self.slot == SLOT {
            add(
                scores,
                &self.sums::<SLOT, { RELATIVE_CLASSES - 1 }>(features),
            );
        } else {
            add(scores, &self.sums::<8, 2>(features));
        }
    }

    /// The features' summed weights in a table of `N`-byte slots of `K` weights each.
    #[inline(always)]
    fn sums<const N: usize, const K: usize>(&self, features: &[u64]) -> [i32; K] {
        // each slot asked for `AHEAD` features before its look-up, as in `Weights::score`
        let home_of = |feature: u64| home(fingerprint(feature), self.slots);
        for &feature in features.iter().take(AHEAD) {
            prefetch(&self.table[home_of(feature) * N..]);
        }
        let mut sums = [0i32; K];
        for (k, &feature) in features.iter().enumerate() {
            if let Some(&next) = features.get(k + AHEAD) {
                prefetch(&self.table[home_of(next) * N..]);
            }
            let fp = fingerprint(feature);
            let mut at = home_of(feature);
            while let Some(slot) = slot_at::<N>(self.table, at) {
                let found = u32_at(slot, 0);
                if found == fp {
                    for (k, sum) in sums.iter_mut().enumerate() {
                        *sum += i32::from(i16::from_le_bytes([slot[4 + 2 * k], slot[5 + 2 * k]]));
                    }
                }
                if found >= fp || found == 0 {
                    break;
                }
                at += 1;
            }
        }
        sums
    }
}

/// Writes a model in the [`Relative`] layout: `rows` as for [`write`].
pub fn write_relative(names: &[String], rows: &[(u64, Vec<(u16, f32)>)]) -> Vec<u8> {
    assert!(names.len() <= RELATIVE_CLASSES, "too many classes");
    let rows: Vec<(u32, [f32; RELATIVE_CLASSES - 1])> = by_fingerprint(rows)
        .into_iter()
        .map(|(fp, row)| {
            let first = row.iter().find(|(c, _)| *c == 0).map_or(0.0, |(_, w)| *w);
            let mut relative = [-first; RELATIVE_CLASSES - 1];
            for &(c, w) in row.iter().filter(|(c, _)| *c > 0) {
                relative[usize::from(c) - 1] += w;
            }
            (fp, relative)
        })
        .collect();
    let max = rows
        .iter()
        .flat_map(|(_, r)| r.iter().map(|w| w.abs()))
        .fold(0f32, f32::max);
    let scale = if max > 0.0 {
        max / f32::from(i16::MAX)
    } else {
        1.0
    };
    let quantised = rows
        .into_iter()
        .map(|(fp, row)| (fp, row.map(|w| (w / scale).round() as i16)))
        .collect();
    relative_bytes(names, scale, quantised)
}

/// A model in the [`write`] layout of at most [`RELATIVE_CLASSES`] classes, in the
/// [`Relative`] one: each row's weights less the first class's, from the quantised weights
/// (so the training command and a conversion of its earlier output give the same bytes);
/// halved (the scale doubled) where a difference passes an i16.
pub fn relative_of(written: &[u8]) -> Result<Vec<u8>, Damaged> {
    let w = Weights::from_bytes(written)?;
    if w.classes > RELATIVE_CLASSES || !w.overflow.is_empty() {
        return Err(Damaged("too many classes for the relative layout"));
    }
    let rows: Vec<(u32, [i32; RELATIVE_CLASSES - 1])> = w
        .table
        .chunks_exact(SLOT)
        .filter(|slot| u32_at(slot, 0) != 0)
        .map(|slot| {
            let mut full = [0i32; MAX_CLASSES];
            for e in [4, 8, 12]
                .map(|k| u32_at(slot, k))
                .into_iter()
                .filter(|&e| e != 0)
            {
                add(e, &mut full);
            }
            let mut relative = [0; RELATIVE_CLASSES - 1];
            for (r, v) in relative.iter_mut().zip(&full[1..]) {
                *r = v - full[0];
            }
            (u32_at(slot, 0), relative)
        })
        .collect();
    let max = rows
        .iter()
        .flat_map(|(_, r)| r.map(i32::abs))
        .max()
        .unwrap_or(0);
    let halve = max > i32::from(i16::MAX);
    let quantised = rows
        .into_iter()
        .map(|(fp, row)| {
            let q = row.map(|v| {
                if halve {
                    (v as f32 / 2.0).round() as i32
                } else {
                    v
                }
            });
            (fp, q.map(|v| v as i16))
        })
        .collect();
    let names: Vec<String> = w.names.iter().map(|n| n.to_string()).collect();
    let scale = if halve { w.scale * 2.0 } else { w.scale };
    Ok(relative_bytes(&names, scale, quantised))
}

/// The [`Relative`] layout's bytes of quantised rows in fingerprint order (rows all zero
/// left out).
fn relative_bytes(
    names: &[String],
    scale: f32,
    rows: Vec<(u32, [i16; RELATIVE_CLASSES - 1])>,
) -> Vec<u8> {
    let slot_len = relative_slot(names.len());
    let rows: Vec<_> = rows
        .into_iter()
        .filter(|(_, row)| row.iter().any(|&w| w != 0))
        .collect();
    let slots = (rows.len() * 5 / 4).max(16);
    let mut table: Vec<[u8; SLOT]> = vec![[0; SLOT]; slots];
    for ((fp, row), slot) in rows.iter().zip(placed(rows.iter().map(|r| r.0), slots)) {
        if slot >= table.len() {
            table.push([0; SLOT]);
        }
        table[slot][..4].copy_from_slice(&fp.to_le_bytes());
        for (k, w) in row.iter().take(names.len() - 1).enumerate() {
            table[slot][4 + 2 * k..6 + 2 * k].copy_from_slice(&w.to_le_bytes());
        }
    }
    let names = names.join("\n");
    let mut out = Vec::with_capacity(64 + names.len() + table.len() * slot_len);
    out.extend_from_slice(RELATIVE_MAGIC);
    for n in [names.lines().count(), slots, table.len(), 0] {
        out.extend_from_slice(&(n as u32).to_le_bytes());
    }
    out.extend_from_slice(&scale.to_bits().to_le_bytes());
    out.extend_from_slice(&(names.len() as u32).to_le_bytes());
    out.extend_from_slice(names.as_bytes());
    out.resize(out.len().div_ceil(SLOT) * SLOT, 0);
    out.extend(table.iter().flat_map(|slot| &slot[..slot_len]));
    out
}

#[cfg(test)]
mod tests {
    use super::super::features::mix;
    use super::*;

    fn scores(w: &Weights, features: &[u64]) -> Vec<f32> {
        let mut scores = vec![0.0; w.classes()];
        w.score(features, &mut scores);
        scores
    }

    fn near(a: &[f32], b: &[f32]) -> bool {
        a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-3)
    }

    #[test]
    fn written_weights_score_as_they_were_learned() {
        let names: Vec<String> = ["A", "B", "C", "D"].map(String::from).to_vec();
        let long = (0..4).map(|c| (c, 0.25)).collect();
        let rows = vec![
            (7u64 << 40, vec![(0, 1.0), (1, -0.5)]),
            (99u64 << 40 | 8, vec![(1, 2.0)]),
            (5 << 50, long),
        ];
        let bytes = write(&names, &rows);
        let w = Weights::from_bytes(&bytes).unwrap();
        assert_eq!(w.names(), ["A", "B", "C", "D"]);
        let got = scores(&w, &[7 << 40, 99 << 40 | 8, 12345 << 33, 5 << 50]);
        assert!(near(&got, &[1.25, 1.75, 0.25, 0.25]), "{got:?}");
        assert!(Weights::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    }

    #[test]
    fn a_full_table_finds_every_feature_and_nothing_else() {
        let names: Vec<String> = ["A", "B", "C"].map(String::from).to_vec();
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = (0..5000u64)
            .map(|i| (mix(1, i), vec![((i % 3) as u16, 1.0 + (i % 7) as f32)]))
            .collect();
        rows.sort_by_key(|(f, _)| *f);
        let bytes = write(&names, &rows);
        let w = Weights::from_bytes(&bytes).unwrap();
        for (f, row) in &rows {
            let mut want = vec![0.0; 3];
            want[row[0].0 as usize] = row[0].1;
            assert!(near(&scores(&w, &[*f]), &want), "{f:x}");
        }
        let absent: Vec<u64> = (5000..10_000u64).map(|i| mix(1, i)).collect();
        assert!(near(&scores(&w, &absent), &[0.0; 3]));
    }

    #[test]
    fn relative_weights_keep_every_difference_between_classes() {
        let names: Vec<String> = ["O", "B", "I"].map(String::from).to_vec();
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = (0..3000u64)
            .map(|i| {
                (
                    mix(2, i),
                    vec![(0, 0.5), (1 + (i % 2) as u16, 1.0 + (i % 5) as f32)],
                )
            })
            .collect();
        rows.sort_by_key(|(f, _)| *f);
        let bytes = write_relative(&names, &rows);
        let w = Relative::from_bytes(&bytes).unwrap();
        assert_eq!(w.classes(), 3);
        for (f, row) in &rows {
            let mut full = [0.0; 3];
            for &(c, v) in row {
                full[c as usize] += v;
            }
            let mut got = vec![0.0; 3];
            w.score(&[*f], &mut got);
            let want: Vec<f32> = full.iter().map(|v| v - full[0]).collect();
            assert!(near(&got, &want), "{f:x}: {got:?} {want:?}");
        }
        let mut none = vec![0.0; 3];
        w.score(
            &(3000..6000u64).map(|i| mix(2, i)).collect::<Vec<_>>(),
            &mut none,
        );
        assert!(near(&none, &[0.0; 3]));
        assert!(Relative::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Relative::from_bytes(&write(&names, &rows)).is_err());
    }

    #[test]
    fn three_classes_take_eight_bytes_a_slot_and_convert_from_full_weights() {
        let names: Vec<String> = ["shift", "left", "right"].map(String::from).to_vec();
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = (0..4000u64)
            .map(|i| {
                let w = |k: u64| ((i * 7 + k * 3) % 11) as f32 - 5.0;
                (mix(3, i), vec![(0, w(0)), (1, w(1)), (2, w(2))])
            })
            .collect();
        rows.sort_by_key(|(f, _)| *f);
        let full_bytes = write(&names, &rows);
        let full = Weights::from_bytes(&full_bytes).unwrap();
        let bytes = relative_of(&full_bytes).unwrap();
        let relative = Relative::from_bytes(&bytes).unwrap();
        assert!(bytes.len() < full_bytes.len() * 5 / 8, "{}", bytes.len());
        for chunk in rows.chunks(7) {
            let features: Vec<u64> = chunk.iter().map(|(f, _)| *f).collect();
            let want = scores(&full, &features);
            let mut got = vec![0.0; 3];
            relative.score(&features, &mut got);
            // seven features, each off by at most one step of the halved weights
            let close = got
                .iter()
                .zip(&want)
                .all(|(g, w)| (g - (w - want[0])).abs() < 0.01);
            assert!(close, "{got:?} {want:?}");
        }
        let five: Vec<String> = ["A", "B", "C", "D", "E"].map(String::from).to_vec();
        let wide = vec![(1u64 << 40, (0..5).map(|c| (c, 1.0)).collect())];
        assert!(
            relative_of(&write(&five, &wide)).is_err(),
            "rows in the overflow"
        );
    }
}
