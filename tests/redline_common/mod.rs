//! Helpers shared by the integration tests (and the benchmarks).
#![allow(dead_code)]

use std::path::PathBuf;

use clausediff::redline::{Document, OpTag, Provision, Redline, Status};

/// `../shared/corpus/<rel>` next to the crate, or `None` (with a message)
/// when the corpus is not there.
pub fn corpus(rel: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipping: ../shared/corpus not found ({})", path.display());
        None
    }
}

/// Rebuilds the old and new texts of one entry's body from its ops.
pub fn rebuild(redline: &Redline, old: &Document, new: &Document, e: usize) -> (String, String) {
    let entry = &redline.entries[e];
    let op = entry.old.map(|i| old.provisions[i].body.as_str());
    let np = entry.new.map(|j| new.provisions[j].body.as_str());
    match (op, np) {
        (Some(o), Some(n)) if entry.body.ops.is_empty() => {
            assert_eq!(o, n, "no ops means identical bodies");
            (o.to_owned(), n.to_owned())
        }
        (Some(o), Some(n)) => {
            let (mut ro, mut rn) = (String::new(), String::new());
            for w in &entry.body.ops {
                let text = w.text(o, n);
                match w.tag {
                    OpTag::Equal => {
                        ro.push_str(text);
                        rn.push_str(text);
                    }
                    OpTag::Delete => ro.push_str(text),
                    OpTag::Insert => rn.push_str(text),
                }
            }
            (ro, rn)
        }
        (Some(o), None) => (o.to_owned(), String::new()),
        (None, Some(n)) => (String::new(), n.to_owned()),
        (None, None) => panic!("entry without sides"),
    }
}

/// Counts of statuses as (unchanged, changed, moved, added, removed), from
/// the summary.
pub fn counts(r: &Redline) -> (usize, usize, usize, usize, usize) {
    let s = &r.summary;
    (s.unchanged, s.changed, s.moved, s.added, s.removed)
}

pub fn entry_for_new<'r>(
    r: &'r Redline,
    new: &Document,
    locator: &str,
) -> &'r clausediff::redline::Entry {
    r.entries
        .iter()
        .find(|e| e.new.is_some_and(|j| new.provisions[j].locator == locator))
        .unwrap_or_else(|| panic!("no entry for new {locator}"))
}

pub fn statuses(r: &Redline) -> Vec<Status> {
    r.entries.iter().map(|e| e.status).collect()
}

/// A small deterministic generator (xorshift), so tests and benchmarks need
/// no extra dependency and give the same documents every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A synthetic agreement of `n` provisions with distinctive random words
/// (from a 5,000-word vocabulary), 40–120 words each.
pub fn synthetic(n: usize, seed: u64) -> Document {
    let mut rng = Rng::new(seed);
    let provisions = (0..n)
        .map(|k| {
            let len = 40 + rng.below(80);
            let words: Vec<String> = (0..len).map(|_| format!("w{}", rng.below(5000))).collect();
            Provision {
                locator: format!("Article {}", k + 1),
                title: format!("Title {}", rng.below(100_000)),
                body: words.join(" "),
                line: 0,
            }
        })
        .collect();
    Document {
        name: format!("synthetic-{n}-{seed}"),
        provisions,
        ..Document::default()
    }
}

/// NEW from OLD with known edits: `moves` provisions moved far away,
/// `edits` with one word replaced, `removals` removed, `additions` new
/// ones inserted. Touched provisions are distinct. Returns the document.
pub fn perturb(
    old: &Document,
    moves: usize,
    edits: usize,
    removals: usize,
    additions: usize,
    seed: u64,
) -> Document {
    let mut rng = Rng::new(seed);
    let n = old.provisions.len();
    let mut picked = std::collections::BTreeSet::new();
    // Picks an unused provision in `range`.
    let mut pick = |rng: &mut Rng, range: std::ops::Range<usize>| loop {
        let k = range.start + rng.below(range.len());
        if picked.insert(k) {
            return k;
        }
    };
    // Even moves take a provision from the first half to the end, odd ones
    // from the second half to the start: either way it jumps over at least
    // half the document, so it cannot stay in the longest in-order run.
    let moved: Vec<usize> = (0..moves)
        .map(|m| {
            if m % 2 == 0 {
                pick(&mut rng, 0..n / 2)
            } else {
                pick(&mut rng, n / 2..n)
            }
        })
        .collect();
    let edited: Vec<usize> = (0..edits).map(|_| pick(&mut rng, 0..n)).collect();
    let removed: Vec<usize> = (0..removals).map(|_| pick(&mut rng, 0..n)).collect();
    let mut provisions: Vec<Provision> = Vec::new();
    for (k, p) in old.provisions.iter().enumerate() {
        if moved.contains(&k) || removed.contains(&k) {
            continue;
        }
        let mut p = p.clone();
        if edited.contains(&k) {
            p.body = p.body.replacen(' ', " edited-word ", 1);
        }
        provisions.push(p);
    }
    for (m, &k) in moved.iter().enumerate() {
        let at = if m % 2 == 0 { provisions.len() } else { 0 };
        provisions.insert(at, old.provisions[k].clone());
    }
    for a in 0..additions {
        let words: Vec<String> = (0..60)
            .map(|_| format!("fresh{}", rng.below(100_000)))
            .collect();
        let at = rng.below(provisions.len() + 1);
        provisions.insert(
            at,
            Provision {
                locator: format!("New article {a}"),
                title: format!("Added {a}"),
                body: words.join(" "),
                line: 0,
            },
        );
    }
    Document {
        name: format!("{}-perturbed", old.name),
        provisions,
        ..Document::default()
    }
}

/// The text split into blocks, each starting at a line that begins with
/// `ARTICLE ` or `CHAPTER `; the first block is what comes before.
pub fn blocks(text: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for line in text.split_inclusive('\n') {
        if line.starts_with("ARTICLE ") || line.starts_with("CHAPTER ") {
            out.push(String::new());
        }
        out.last_mut().unwrap().push_str(line);
    }
    out
}

/// An edited copy of a treaty text (one heading line per article): three
/// articles moved far away, two removed, two new ones inserted, and one
/// word changed in 25 others — all different articles, so a redline must
/// report exactly 25 changed, 3 moved, 2 added and 2 removed.
/// Deterministic for a given seed.
pub fn edited_copy(text: &str, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let b = blocks(text);
    let articles: Vec<usize> = (0..b.len())
        .filter(|&k| b[k].starts_with("ARTICLE "))
        .collect();
    let half = articles.len() / 2;
    let mut taken = std::collections::BTreeSet::new();
    let mut pick = |rng: &mut Rng, from: &[usize], ok: &dyn Fn(usize) -> bool| loop {
        let k = from[rng.below(from.len())];
        if ok(k) && taken.insert(k) {
            return k;
        }
    };
    let edits: Vec<usize> = (0..25)
        .map(|_| pick(&mut rng, &articles, &|k| b[k].contains(" shall ")))
        .collect();
    let removals: Vec<usize> = (0..2)
        .map(|_| pick(&mut rng, &articles, &|_| true))
        .collect();
    // Moves jump at least half the articles: from the first half to the
    // end, or from the second half to the front.
    let to_end: Vec<usize> = (0..2)
        .map(|_| pick(&mut rng, &articles[..half], &|_| true))
        .collect();
    let to_front = pick(&mut rng, &articles[half..], &|_| true);
    let inserted_before: Vec<usize> = (0..2)
        .map(|_| pick(&mut rng, &articles, &|_| true))
        .collect();

    let mut out = Vec::new();
    for (k, block) in b.iter().enumerate() {
        if k == 1 {
            out.push(b[to_front].clone());
        }
        if let Some(a) = inserted_before.iter().position(|&i| i == k) {
            out.push(format!(
                "ARTICLE 99.{a}: Inserted Article\n\nThe Parties shall review the operation of this Agreement every {} years.\n\n",
                a + 3
            ));
        }
        if removals.contains(&k) || to_end.contains(&k) || k == to_front {
            continue;
        }
        if edits.contains(&k) {
            out.push(block.replacen(" shall ", " must ", 1));
        } else {
            out.push(block.clone());
        }
    }
    out.extend(to_end.iter().map(|&k| b[k].clone()));
    out.concat()
}
