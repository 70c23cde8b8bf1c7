//! One-to-one alignment of provisions, and which aligned pairs moved.
//!
//! No pair is compared unless something cheap says it might match:
//! 1. byte-identical provisions are paired (by locator, then in order,
//!    when a text occurs several times); then provisions with the same
//!    full heading (locator and title) found once on each side; then those
//!    with the same sequence of words (which differ only in whitespace,
//!    case or punctuation);
//! 2. for the rest, an inverted index of MinHash sketches (the 64 smallest
//!    hashes of each provision's word 3-shingles; entries found in many
//!    provisions are skipped as boilerplate) proposes a few candidates per
//!    provision, plus any with the same locator or title; candidates are
//!    scored by the shingle Dice coefficient estimated from the sketches
//!    (and, for the best candidate or one with the same heading, by the
//!    bag-of-words Dice coefficient), and accepted greedily, best first.
//!
//! Cost is linear in the text plus a bounded number of candidates per
//! unmatched provision: 20,000 × 20,000 synthetic provisions align in
//! about 35 ms. Word diffs run later, only on accepted pairs.

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};

use crate::redline::model::Provision;
use crate::redline::tokens::word_byte_mask16;

/// Sketch entries shared by more unmatched provisions than this say
/// nothing about which one matches ("the Parties shall").
const MAX_POSTINGS: usize = 16;
/// Candidates proposed by the sketch index per provision.
const SHINGLE_CANDIDATES: usize = 4;
/// Size of the MinHash sketch indexed per provision.
const SKETCH: usize = 64;
/// Candidates proposed by an equal locator or title per provision.
const NAME_CANDIDATES: usize = 2;

/// Hash of the exact title and body: the common case of an untouched
/// provision, hashed in bulk.
pub(crate) fn exact_hash(p: &Provision) -> u64 {
    let mut h = FxHasher::default();
    h.write(p.title.as_bytes());
    h.write_u8(0xff); // not in UTF-8: separates title and body
    h.write(p.body.as_bytes());
    h.finish()
}

/// Word features of one unmatched provision.
struct Features {
    /// Hash of the whole word sequence: equal for provisions that differ
    /// only in whitespace, case or punctuation.
    sequence: u64,
    /// Lower-case word hashes, in order (title, then body).
    words: Vec<u64>,
    /// Bottom-k MinHash sketch: the smallest distinct hashes of the word
    /// 3-shingles, sorted. The share of common entries among the k smallest
    /// of two sketches' union estimates the Jaccard similarity of the
    /// shingle sets (exactly, for texts shorter than k shingles), at a cost
    /// that does not grow with the length of the texts.
    sketch: Vec<u64>,
    /// Number of shingles (the sketch keeps only the smallest).
    shingles: usize,
    locator: String,
    title: String,
}

const MIX: u64 = 0x517c_c1b7_2722_0a95;

fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(MIX)
}

/// Hashes of the lower-cased words of `text`, appended to `out`. A word is
/// a run of letters and digits: close to UAX #29 words and much cheaper,
/// and similarity estimates need nothing finer. Word boundaries come from
/// 16-byte masks (a branch per word, not per byte).
fn word_hashes(text: &str, out: &mut Vec<u64>) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut word_start: Option<usize> = None;
    let mut block = 0;
    while block < n {
        let mask = if block + 16 <= n {
            let chunk: &[u8; 16] = bytes[block..block + 16].try_into().unwrap_or(&[0; 16]);
            word_byte_mask16(chunk)
        } else {
            let mut chunk = [b' '; 16];
            chunk[..n - block].copy_from_slice(&bytes[block..]);
            word_byte_mask16(&chunk)
        };
        let mut k = 0u32;
        while k < 16 {
            match word_start {
                Some(start) => {
                    let rest = (!mask & 0xffff) >> k;
                    if rest == 0 {
                        break;
                    }
                    k += rest.trailing_zeros();
                    hash_word(text, start, block + k as usize, out);
                    word_start = None;
                }
                None => {
                    let rest = mask >> k;
                    if rest == 0 {
                        break;
                    }
                    k += rest.trailing_zeros();
                    word_start = Some(block + k as usize);
                }
            }
        }
        block += 16;
    }
    if let Some(start) = word_start {
        hash_word(text, start, n, out);
    }
}

fn hash_word(text: &str, start: usize, end: usize, out: &mut Vec<u64>) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let bytes = text.as_bytes();
    let load = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or([0; 8]));
    // ASCII letters and digits lower-case by setting bit 5, so the word
    // hashes 8 bytes at a time; a set high bit means non-ASCII.
    let mut h = 0x9e37_79b9 ^ (end - start) as u64;
    let mut high = 0u64;
    let mut p = start;
    while p + 8 <= end {
        let x = load(p);
        high |= x;
        h = mix(h, x | LOWER);
        p += 8;
    }
    if p < end {
        let keep = u64::MAX >> (8 * (8 - (end - p)));
        let x = if p + 8 <= bytes.len() {
            load(p) & keep
        } else {
            bytes[p..end]
                .iter()
                .rev()
                .fold(0u64, |x, &b| (x << 8) | u64::from(b))
        };
        high |= x;
        h = mix(h, (x | LOWER) & keep);
    }
    if high & HIGH != 0 {
        // Word runs are bounded by ASCII bytes or the ends: char boundaries.
        unicode_word_hashes(&text[start..end], out);
    } else {
        out.push(h);
    }
}

/// The slow path: split at characters that are not alphanumeric (curly
/// quotes, dashes) and lower-case properly.
fn unicode_word_hashes(text: &str, out: &mut Vec<u64>) {
    let mut h = 0u64;
    let mut len = 0u64;
    for c in text.chars() {
        if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                h = mix(h, u64::from(u32::from(lower)));
            }
            len += 1;
        } else if len > 0 {
            out.push(h ^ 0x8000_0000_0000_0000);
            (h, len) = (0, 0);
        }
    }
    if len > 0 {
        out.push(h ^ 0x8000_0000_0000_0000);
    }
}

fn features(p: &Provision) -> Features {
    let mut words = Vec::new();
    word_hashes(&p.title, &mut words);
    let title_words = words.len() as u64;
    word_hashes(&p.body, &mut words);
    let sequence = words
        .iter()
        .fold(mix(0x5eed, title_words), |h, &w| mix(h, w));
    let mut shingles: Vec<u64> = if words.len() < 3 {
        words.clone()
    } else {
        words
            .windows(3)
            .map(|w| {
                let mut h = FxHasher::default();
                h.write_u64(w[0]);
                h.write_u64(w[1]);
                h.write_u64(w[2]);
                h.finish()
            })
            .collect()
    };
    // Counted before deduplication: repeats are rare in running text, and
    // the count only feeds a containment estimate.
    let count = shingles.len();
    bottom_k(&mut shingles, SKETCH);
    Features {
        sequence,
        words,
        sketch: shingles,
        shingles: count,
        locator: p.locator.to_lowercase(),
        title: p
            .title
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
    }
}

/// Keeps the `k` smallest distinct values of `v`, sorted. Selection first,
/// so long provisions cost linear time, not a full sort.
fn bottom_k(v: &mut Vec<u64>, k: usize) {
    // Twice k leaves room for repeated phrases; if repeats eat all of it,
    // sort everything.
    let keep = 2 * k;
    if v.len() > keep {
        v.select_nth_unstable(keep - 1);
        let mut head = v[..keep].to_vec();
        head.sort_unstable();
        head.dedup();
        if head.len() >= k {
            head.truncate(k);
            *v = head;
            return;
        }
    }
    v.sort_unstable();
    v.dedup();
    v.truncate(k);
}

/// Jaccard estimate from two bottom-k sketches: among the k smallest
/// entries of their union, the share found in both.
fn sketch_jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut seen, mut both) = (0, 0, 0usize, 0usize);
    while seen < SKETCH && (i < a.len() || j < b.len()) {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                both += 1;
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => i += 1,
            (Some(_), None) => i += 1,
            _ => j += 1,
        }
        seen += 1;
    }
    if seen == 0 {
        1.0
    } else {
        both as f64 / seen as f64
    }
}

fn sorted(words: &[u64]) -> Vec<u64> {
    let mut bag = words.to_vec();
    bag.sort_unstable();
    bag
}

/// Size of the intersection of two sorted lists (as multisets).
fn intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn dice(common: usize, a: usize, b: usize) -> f64 {
    if a + b == 0 {
        1.0
    } else {
        2.0 * common as f64 / (a + b) as f64
    }
}

struct Candidate {
    score: f64,
    old: usize,
    new: usize,
}

/// Pairs old and new provisions (index, key) with equal keys. A key shared
/// by several provisions (boilerplate articles repeated in every chapter)
/// pairs equal locators first, then the rest in order; pairing repeats
/// purely in order would shift the whole chain when one of them is edited
/// or removed, and report each link as moved.
fn pair_equal(
    old: &[Provision],
    new: &[Provision],
    olds: impl Iterator<Item = (usize, u64)>,
    news: impl Iterator<Item = (usize, u64)>,
    old_match: &mut [Option<usize>],
    new_match: &mut [Option<usize>],
) {
    let mut groups: FxHashMap<u64, (Vec<usize>, Vec<usize>)> = FxHashMap::default();
    for (i, key) in olds {
        groups.entry(key).or_default().0.push(i);
    }
    if groups.is_empty() {
        return;
    }
    let mut repeated = Vec::new();
    for (j, key) in news {
        if let Some((olds, news)) = groups.get_mut(&key) {
            if olds.len() == 1 && news.is_empty() {
                // The common case, settled at once (may be undone below if
                // the key turns out to repeat on the new side).
                old_match[olds[0]] = Some(j);
                new_match[j] = Some(olds[0]);
            } else if news.len() == 1 && old_match[olds[0]] == Some(news[0]) {
                old_match[olds[0]] = None;
                new_match[news[0]] = None;
                repeated.push(key);
            } else if news.is_empty() {
                repeated.push(key);
            }
            news.push(j);
        }
    }
    repeated.sort_unstable();
    repeated.dedup();
    for key in repeated {
        let (olds, news) = &groups[&key];
        let mut old_free: Vec<usize> = olds.clone();
        let mut new_free: Vec<usize> = Vec::new();
        for &j in news {
            match old_free
                .iter()
                .position(|&i| old[i].locator == new[j].locator)
            {
                Some(k) => {
                    let i = old_free.remove(k);
                    old_match[i] = Some(j);
                    new_match[j] = Some(i);
                }
                None => new_free.push(j),
            }
        }
        for (i, j) in old_free.into_iter().zip(new_free) {
            old_match[i] = Some(j);
            new_match[j] = Some(i);
        }
    }
}

/// Pairs provisions whose heading (locator and a non-empty title) is the
/// same and occurs once among the unmatched on each side: "ARTICLE 10.28:
/// Definitions" is still that article however much its text changed,
/// which is how a reader pairs them. A locator alone is not enough:
/// renumbering reuses numbers for other articles.
fn pair_same_heading(
    old: &[Provision],
    new: &[Provision],
    old_rest: &[usize],
    new_rest: &[usize],
    old_match: &mut [Option<usize>],
    new_match: &mut [Option<usize>],
) {
    fn key(p: &Provision) -> (&str, &str) {
        (p.locator.trim(), p.title.trim())
    }
    let mut count: FxHashMap<(&str, &str), (usize, usize, usize)> = FxHashMap::default();
    for &i in old_rest {
        if !old[i].title.trim().is_empty() {
            let e = count.entry(key(&old[i])).or_insert((0, 0, i));
            e.0 += 1;
            e.2 = i;
        }
    }
    for &j in new_rest {
        if let Some(e) = count.get_mut(&key(&new[j])) {
            e.1 += 1;
        }
    }
    for &j in new_rest {
        if let Some(&(1, 1, i)) = count.get(&key(&new[j])) {
            old_match[i] = Some(j);
            new_match[j] = Some(i);
        }
    }
}

/// Aligns provisions one-to-one. Returns `(old, new)` index pairs sorted
/// by `new`. `parallel` lets the two sides' features be computed on two
/// threads.
pub(crate) fn align(old: &[Provision], new: &[Provision], parallel: bool) -> Vec<(usize, usize)> {
    let mut old_match: Vec<Option<usize>> = vec![None; old.len()];
    let mut new_match: Vec<Option<usize>> = vec![None; new.len()];

    // Stage 1: byte-identical provisions, hashed in bulk.
    pair_equal(
        old,
        new,
        old.iter().map(exact_hash).enumerate(),
        new.iter().map(exact_hash).enumerate(),
        &mut old_match,
        &mut new_match,
    );
    // Stage 1c: the same full heading, once on each side among the rest.
    let old_rest: Vec<usize> = (0..old.len()).filter(|&i| old_match[i].is_none()).collect();
    let new_rest: Vec<usize> = (0..new.len()).filter(|&j| new_match[j].is_none()).collect();
    pair_same_heading(
        old,
        new,
        &old_rest,
        &new_rest,
        &mut old_match,
        &mut new_match,
    );
    let old_rest: Vec<usize> = old_rest
        .into_iter()
        .filter(|&i| old_match[i].is_none())
        .collect();
    let new_rest: Vec<usize> = new_rest
        .into_iter()
        .filter(|&j| new_match[j].is_none())
        .collect();
    if !old_rest.is_empty() && !new_rest.is_empty() {
        let (old_features, new_features): (Vec<Features>, Vec<Features>) =
            crate::redline::parallel::join(
                parallel,
                || old_rest.iter().map(|&i| features(&old[i])).collect(),
                || new_rest.iter().map(|&j| features(&new[j])).collect(),
            );
        // Stage 1b: the same words (re-wrapped lines, case, punctuation).
        pair_equal(
            old,
            new,
            old_rest
                .iter()
                .zip(&old_features)
                .map(|(&i, f)| (i, f.sequence)),
            new_rest
                .iter()
                .zip(&new_features)
                .map(|(&j, f)| (j, f.sequence)),
            &mut old_match,
            &mut new_match,
        );
        // Stage 2: similar content among the rest.
        let keep = |rest: &[usize], features: Vec<Features>, matched: &[Option<usize>]| {
            rest.iter()
                .zip(features)
                .filter(|(i, _)| matched[**i].is_none())
                .map(|(&i, f)| (i, f))
                .unzip::<usize, Features, Vec<usize>, Vec<Features>>()
        };
        let (old_rest, old_features) = keep(&old_rest, old_features, &old_match);
        let (new_rest, new_features) = keep(&new_rest, new_features, &new_match);
        if !old_rest.is_empty() && !new_rest.is_empty() {
            for (i, j) in similar_pairs(&old_features, &new_features, &old_rest, &new_rest) {
                old_match[i] = Some(j);
                new_match[j] = Some(i);
            }
        }
    }

    new_match
        .iter()
        .enumerate()
        .filter_map(|(j, m)| m.map(|i| (i, j)))
        .collect()
}

fn similar_pairs(
    old_features: &[Features],
    new_features: &[Features],
    old_rest: &[usize],
    new_rest: &[usize],
) -> Vec<(usize, usize)> {
    // Sorted word bags are needed only when shingles disagree: built lazily.
    let mut old_bags: Vec<Option<Vec<u64>>> = vec![None; old_features.len()];

    let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    let mut by_locator: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
    let mut by_title: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
    for (k, f) in old_features.iter().enumerate() {
        for &s in &f.sketch {
            postings.entry(s).or_default().push(k as u32);
        }
        if !f.locator.is_empty() {
            by_locator.entry(&f.locator).or_default().push(k as u32);
        }
        if !f.title.is_empty() {
            by_title.entry(&f.title).or_default().push(k as u32);
        }
    }

    let mut candidates = Vec::new();
    let mut shared = vec![0u32; old_features.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut proposed: Vec<u32> = Vec::new();
    for (n, nf) in new_features.iter().enumerate() {
        for &s in &nf.sketch {
            if let Some(list) = postings.get(&s)
                && list.len() <= MAX_POSTINGS
            {
                for &k in list {
                    if shared[k as usize] == 0 {
                        touched.push(k);
                    }
                    shared[k as usize] += 1;
                }
            }
        }
        // Most shared sketch entries first; ties go to the earlier
        // provision so the choice does not depend on hash order.
        touched
            .sort_unstable_by(|&a, &b| shared[b as usize].cmp(&shared[a as usize]).then(a.cmp(&b)));
        let best = touched.first().copied();
        proposed.clear();
        proposed.extend(touched.iter().take(SHINGLE_CANDIDATES));
        for (map, key) in [(&by_locator, &nf.locator), (&by_title, &nf.title)] {
            if let Some(list) = map.get(key.as_str()) {
                proposed.extend(list.iter().take(NAME_CANDIDATES));
            }
        }
        proposed.sort_unstable();
        proposed.dedup();
        let mut new_bag: Option<Vec<u64>> = None;
        for &k in &proposed {
            let of = &old_features[k as usize];
            let j = sketch_jaccard(&of.sketch, &nf.sketch);
            let same_title = !nf.title.is_empty() && of.title == nf.title;
            let same_locator = !nf.locator.is_empty() && of.locator == nf.locator;
            let named = same_title || same_locator;
            let mut shingle = 2.0 * j / (1.0 + j);
            if same_title && same_locator {
                // Same heading: also accept containment, so an article
                // split in two (or OCR-merged with the next) stays with the
                // part that kept its heading. |A∩B| ≈ J/(1+J)·(|A|+|B|).
                let (a, b) = (of.shingles as f64, nf.shingles as f64);
                let common = j / (1.0 + j) * (a + b);
                shingle = shingle.max((common / a.min(b).max(1.0)).min(1.0));
            }
            // Shingles see word order and catch lightly edited text; the
            // bag of words catches heavier rewording and is worth computing
            // only for the best candidate or one with the same heading. A
            // shared heading lowers the bar: a rewritten "Article 8:
            // Definitions" is still Article 8.
            let bag = if shingle >= 0.3 || !(named || Some(k) == best) {
                0.0
            } else {
                let ob = old_bags[k as usize].get_or_insert_with(|| sorted(&of.words));
                let nb = new_bag.get_or_insert_with(|| sorted(&nf.words));
                dice(intersection(ob, nb), ob.len(), nb.len())
            };
            if shingle >= 0.3 || bag >= 0.6 || (named && bag >= 0.3) {
                let bonus = 0.15 * f64::from(u8::from(same_title))
                    + 0.1 * f64::from(u8::from(same_locator));
                candidates.push(Candidate {
                    score: shingle.max(bag) + bonus,
                    old: old_rest[k as usize],
                    new: new_rest[n],
                });
            }
        }
        for &k in &touched {
            shared[k as usize] = 0;
        }
        touched.clear();
    }

    candidates.sort_unstable_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.new.cmp(&b.new))
            .then(a.old.cmp(&b.old))
    });
    let mut old_taken = vec![false; old_rest.iter().max().map_or(0, |m| m + 1)];
    let mut new_taken = vec![false; new_rest.iter().max().map_or(0, |m| m + 1)];
    let mut pairs = Vec::new();
    for c in candidates {
        if !old_taken[c.old] && !new_taken[c.new] {
            old_taken[c.old] = true;
            new_taken[c.new] = true;
            pairs.push((c.old, c.new));
        }
    }
    pairs
}

/// Marks the pairs that moved: those outside a longest increasing
/// subsequence of new positions taken in old order. Moving one article
/// therefore moves one article, not everything it jumped over.
/// `pairs` may be in any order; the result is indexed like `pairs`.
pub(crate) fn moved(pairs: &[(usize, usize)]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_unstable_by_key(|&k| pairs[k].0);
    // Patience-sorting LIS over new positions, with back links.
    let mut tails: Vec<usize> = Vec::new(); // positions in `order`
    let mut prev: Vec<Option<usize>> = vec![None; order.len()];
    for (pos, &k) in order.iter().enumerate() {
        let value = pairs[k].1;
        let at = tails.partition_point(|&t| pairs[order[t]].1 < value);
        prev[pos] = at.checked_sub(1).map(|a| tails[a]);
        if at == tails.len() {
            tails.push(pos);
        } else {
            tails[at] = pos;
        }
    }
    let mut moved = vec![true; pairs.len()];
    let mut cursor = tails.last().copied();
    while let Some(pos) = cursor {
        moved[order[pos]] = false;
        cursor = prev[pos];
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference_word_hashes(text: &str) -> Vec<u64> {
        // Same words, found one character at a time.
        let mut out = Vec::new();
        let mut word = String::new();
        for c in text.chars().chain([' ']) {
            if c.is_ascii_alphanumeric() || !c.is_ascii() {
                word.push(c);
            } else if !word.is_empty() {
                out.extend(hashes_of_word(&word));
                word.clear();
            }
        }
        out
    }

    fn hashes_of_word(word: &str) -> Vec<u64> {
        let mut out = Vec::new();
        hash_word(word, 0, word.len(), &mut out);
        out
    }

    proptest! {
        #[test]
        fn word_hashes_match_a_simple_scan(text in "([a-zA-Z0-9 ,.\n]|é|’|日本){0,120}") {
            let mut fast = Vec::new();
            word_hashes(&text, &mut fast);
            prop_assert_eq!(fast, reference_word_hashes(&text));
        }
    }

    fn prov(locator: &str, body: &str) -> Provision {
        Provision {
            locator: locator.into(),
            body: body.into(),
            ..Provision::default()
        }
    }

    #[test]
    fn one_move_is_one_move() {
        // Article at old position 1 moved to the end.
        let pairs = [(0, 0), (1, 4), (2, 1), (3, 2), (4, 3)];
        assert_eq!(moved(&pairs), vec![false, true, false, false, false]);
        assert_eq!(moved(&[]), Vec::<bool>::new());
        let reversed = [(0, 2), (1, 1), (2, 0)];
        assert_eq!(moved(&reversed).iter().filter(|&&m| m).count(), 2);
    }

    #[test]
    fn exact_content_aligns_despite_renumbering_and_rewrapping() {
        let old = [
            prov("Article 1", "alpha beta\ngamma"),
            prov("Article 2", "delta"),
        ];
        let new = [
            prov("Article 7", "delta"),
            prov("Article 9", "alpha  beta gamma"),
        ];
        assert_eq!(align(&old, &new, false), vec![(1, 0), (0, 1)]);
    }

    #[test]
    fn same_heading_pairs_but_same_number_alone_does_not() {
        let titled = |l: &str, t: &str, b: &str| Provision {
            title: t.into(),
            ..prov(l, b)
        };
        let old = [
            titled("Article 5", "Definitions", "alpha beta gamma"),
            titled("Article 6", "Scope", "delta"),
        ];
        let new = [
            titled("Article 5", "Definitions", "entirely rewritten text"),
            titled("Article 6", "Range", "omega"),
        ];
        assert_eq!(align(&old, &new, false), vec![(0, 0)]);
    }

    #[test]
    fn edited_text_aligns_unrelated_text_does_not() {
        let text = "Each Party shall accord national treatment to the goods of another Party in accordance with Article III of the GATT 1994";
        let old = [
            prov("Article 1", text),
            prov(
                "Article 2",
                "Customs duties on textiles shall be eliminated within ten years",
            ),
        ];
        let edited = text.replace("another Party", "the other Party");
        let new = [
            prov("Article 1", &edited),
            prov(
                "Article 2",
                "Disputes go to a panel of three arbitrators chosen by lot",
            ),
        ];
        assert_eq!(align(&old, &new, false), vec![(0, 0)]);
    }

    #[test]
    fn duplicates_pair_in_order() {
        let old = [
            prov("A", "[Reserved]"),
            prov("B", "x"),
            prov("C", "[Reserved]"),
        ];
        let new = [prov("A", "[Reserved]"), prov("C", "[Reserved]")];
        assert_eq!(align(&old, &new, false), vec![(0, 0), (2, 1)]);
    }
}
