//! Property tests of the whole engine on generated documents: alignment
//! covers each provision exactly once, word operations rebuild both
//! texts, identical inputs show no change, and results do not depend on
//! threads or repetition.

#[path = "redline_common/mod.rs"]
mod common;

use clausediff::redline::{self, Document, OpTag, Provision, RedlineOptions, Slot, Status};
use proptest::prelude::*;

use common::{Rng, rebuild};

/// Words that make bodies share content, with punctuation, whitespace and
/// non-ASCII text mixed in.
const VOCAB: &[&str] = &[
    "the",
    "Party",
    "Parties",
    "shall",
    "may",
    "not",
    "Article",
    "1.2",
    "(a)",
    "goods",
    "services",
    "Peru",
    "Colombia",
    "Perú",
    "“Pisco”",
    "’s",
    ",",
    ".",
    ";",
    "and",
    "or",
    "\n",
    "\n\n",
    "  ",
    "\t",
    "e.g.",
    "don't",
    "日本",
    "<b>",
    "_x_",
    "—",
    "\r\n",
];

fn text(rng: &mut Rng, words: usize) -> String {
    let mut out = String::new();
    for k in 0..words {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(VOCAB[rng.below(VOCAB.len())]);
    }
    out
}

fn document(seed: u64, n: usize) -> Document {
    let mut rng = Rng::new(seed);
    let provisions = (0..n)
        .map(|k| {
            let len = rng.below(40);
            let title_len = rng.below(4);
            Provision {
                locator: format!("Article {k}"),
                title: text(&mut rng, title_len),
                body: text(&mut rng, len),
                line: k + 1,
            }
        })
        .collect();
    Document {
        name: "generated".into(),
        provisions,
        ..Document::default()
    }
}

/// NEW from OLD: random moves, word edits, deletions and insertions, and
/// character-level edits inside bodies.
fn mutate(old: &Document, seed: u64) -> Document {
    let mut rng = Rng::new(seed ^ 0x5555);
    let mut provisions = old.provisions.clone();
    for _ in 0..rng.below(6) {
        if provisions.is_empty() {
            break;
        }
        let k = rng.below(provisions.len());
        match rng.below(5) {
            0 => {
                let p = provisions.remove(k);
                let at = rng.below(provisions.len() + 1);
                provisions.insert(at, p);
            }
            1 => {
                provisions.remove(k);
            }
            2 => {
                let body = text(&mut rng, 10);
                provisions.insert(
                    k,
                    Provision {
                        locator: "Inserted".into(),
                        title: String::new(),
                        body,
                        line: 0,
                    },
                );
            }
            3 => {
                let body = &mut provisions[k].body;
                let cut: Vec<char> = body.chars().collect();
                if !cut.is_empty() {
                    let at = rng.below(cut.len());
                    let word = VOCAB[rng.below(VOCAB.len())];
                    *body = cut[..at]
                        .iter()
                        .chain(word.chars().collect::<Vec<_>>().iter())
                        .chain(&cut[at..])
                        .collect();
                }
            }
            _ => {
                let p = &mut provisions[k];
                p.title = text(&mut rng, 2);
                p.locator = format!("Renumbered {k}");
            }
        }
    }
    Document {
        name: "mutated".into(),
        provisions,
        ..Document::default()
    }
}

fn check_invariants(old: &Document, new: &Document) {
    let opts = RedlineOptions::default();
    let r = redline::redline(old, new, &opts);

    // Every provision appears exactly once on its side.
    let mut seen_old = vec![0; old.provisions.len()];
    let mut seen_new = vec![0; new.provisions.len()];
    for e in &r.entries {
        if let Some(i) = e.old {
            seen_old[i] += 1;
        }
        if let Some(j) = e.new {
            seen_new[j] += 1;
        }
        match e.status {
            Status::Added => assert!(e.old.is_none() && e.new.is_some()),
            Status::Removed => assert!(e.old.is_some() && e.new.is_none()),
            _ => assert!(e.old.is_some() && e.new.is_some()),
        }
    }
    assert!(
        seen_old.iter().all(|&c| c == 1),
        "old coverage {seen_old:?}"
    );
    assert!(
        seen_new.iter().all(|&c| c == 1),
        "new coverage {seen_new:?}"
    );

    // Applying the word operations gives both texts.
    for (k, e) in r.entries.iter().enumerate() {
        let (o, n) = rebuild(&r, old, new, k);
        if let Some(i) = e.old {
            assert_eq!(o, old.provisions[i].body);
        }
        if let Some(j) = e.new {
            assert_eq!(n, new.provisions[j].body);
        }
        if let (Some(i), Some(j)) = (e.old, e.new) {
            let (ot, nt) = (&old.provisions[i].title, &new.provisions[j].title);
            if !e.title.ops.is_empty() {
                let pick = |keep: OpTag| -> String {
                    e.title
                        .ops
                        .iter()
                        .filter(|w| w.tag == OpTag::Equal || w.tag == keep)
                        .map(|w| w.text(ot, nt))
                        .collect()
                };
                assert_eq!(&pick(OpTag::Delete), ot);
                assert_eq!(&pick(OpTag::Insert), nt);
            }
            // Changed exactly when the words and punctuation (the tokens
            // other than whitespace) differ.
            let tokens = |s: &str| {
                let mut out = Vec::new();
                redline::for_each_token(s, |a, b, kind| {
                    if kind != redline::TokenKind::Space {
                        out.push(s[a..b].to_owned());
                    }
                });
                out
            };
            let differs = tokens(&old.provisions[i].body) != tokens(&new.provisions[j].body)
                || tokens(ot) != tokens(nt);
            assert_eq!(e.status.is_changed(), differs, "{e:?}");
        }
    }

    // Layout shows every entry once, plus one marker per moved entry.
    let shown = r
        .layout
        .iter()
        .filter(|s| matches!(s, Slot::Entry(_)))
        .count();
    let markers = r
        .layout
        .iter()
        .filter(|s| matches!(s, Slot::MovedAway(_)))
        .count();
    assert_eq!(shown, r.entries.len());
    assert_eq!(markers, r.summary.moved);
    let s = &r.summary;
    let moved_and_changed = r
        .entries
        .iter()
        .filter(|e| e.status == Status::MovedChanged)
        .count();
    assert_eq!(
        s.unchanged + s.changed + s.moved - moved_and_changed + s.added + s.removed,
        r.entries.len()
    );
    assert!(s.reused_words <= s.new_words);

    // Same result every time, whatever the number of threads.
    let again = redline::redline(
        old,
        new,
        &RedlineOptions {
            threads: 1,
            ..RedlineOptions::default()
        },
    );
    assert_eq!(again, r);
    let wide = redline::redline(
        old,
        new,
        &RedlineOptions {
            threads: 3,
            ..RedlineOptions::default()
        },
    );
    assert_eq!(wide, r);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn alignment_and_ops_invariants(seed in any::<u64>(), n in 0usize..14) {
        let old = document(seed, n);
        let new = mutate(&old, seed);
        check_invariants(&old, &new);
        check_invariants(&new, &old);
    }

    #[test]
    fn unrelated_documents_keep_invariants(a in any::<u64>(), b in any::<u64>(), n in 0usize..8, m in 0usize..8) {
        check_invariants(&document(a, n), &document(b, m));
    }

    #[test]
    fn identical_inputs_show_no_change(seed in any::<u64>(), n in 0usize..14) {
        let doc = document(seed, n);
        let r = redline::redline(&doc, &doc, &RedlineOptions::default());
        prop_assert!(!r.summary.has_differences());
        prop_assert_eq!(r.summary.unchanged, doc.provisions.len());
        prop_assert!(r.entries.iter().all(|e| e.status == Status::Unchanged && e.body.ops.is_empty()));
        prop_assert_eq!(r.summary.text_reuse(), 1.0);
    }
}

#[test]
fn larger_generated_documents_agree_across_threads() {
    // check_invariants compares 1 and 3 threads (an explicit count is
    // honoured whatever the size).
    let old = common::synthetic(1500, 7);
    let new = common::perturb(&old, 5, 20, 7, 9, 7);
    check_invariants(&old, &new);
}
