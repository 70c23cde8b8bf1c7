//! Perturb a real treaty (US–Peru, pta_156.txt) with known moves, edits,
//! deletions, insertions and renumbering, at the level of its text, and
//! check that the redline reports exactly those, and nothing else.

#[path = "redline_common/mod.rs"]
mod common;

use clausediff::redline::{self, Document, RedlineOptions, Status};

use common::{corpus, counts, entry_for_new};

fn find(blocks: &[String], heading: &str) -> usize {
    let found: Vec<usize> = (0..blocks.len())
        .filter(|&k| blocks[k].starts_with(heading))
        .collect();
    assert_eq!(found.len(), 1, "exactly one block starts with {heading:?}");
    found[0]
}

fn parse(name: &str, text: &str) -> Document {
    let opts = RedlineOptions::default();
    redline::parse_document(name.as_ref(), text.as_bytes(), &opts).expect("parses")
}

fn original() -> Option<(String, Document)> {
    let path = corpus("text/pta_156.txt")?;
    let text = std::fs::read_to_string(path).unwrap();
    let doc = parse("pta_156.txt", &text);
    Some((text, doc))
}

#[test]
fn one_move_one_edit_one_deletion_one_insertion() {
    let Some((text, old)) = original() else {
        return;
    };
    let mut b = common::blocks(&text);
    // Edit: one word in Article 3.3.
    let edit = find(&b, "ARTICLE 3.3:");
    b[edit] = b[edit].replacen(" shall ", " must ", 1);
    // Delete Article 5.2.
    b.remove(find(&b, "ARTICLE 5.2:"));
    // Insert a new article before Article 10.1.
    let at = find(&b, "ARTICLE 10.1:");
    b.insert(
        at,
        "ARTICLE 10.0: Test Insertion\n\nEach Party shall notify the other Party of new tariff quotas within thirty days.\n\n".into(),
    );
    // Move Article 2.5 to just after Article 20.1 (far from home).
    let moved = b.remove(find(&b, "ARTICLE 2.5:"));
    let after = find(&b, "ARTICLE 20.1:") + 1;
    b.insert(after, moved);
    let new = parse("perturbed.txt", &b.concat());

    let r = redline::redline(&old, &new, &RedlineOptions::default());
    let total = old.provisions.len();
    assert_eq!(
        counts(&r),
        (total - 3, 1, 1, 1, 1),
        "(unchanged, changed, moved, added, removed)"
    );
    assert_eq!(
        entry_for_new(&r, &new, "ARTICLE 3.3").status,
        Status::Changed
    );
    assert_eq!(entry_for_new(&r, &new, "ARTICLE 2.5").status, Status::Moved);
    assert_eq!(
        entry_for_new(&r, &new, "ARTICLE 10.0").status,
        Status::Added
    );
    let removed = r
        .entries
        .iter()
        .find(|e| e.status == Status::Removed)
        .unwrap();
    assert_eq!(old.provisions[removed.old.unwrap()].locator, "ARTICLE 5.2");
    // Everything between Article 2.5's old and new places stays unchanged:
    // one move, not a shift of everything it jumped over.
    assert_eq!(
        entry_for_new(&r, &new, "ARTICLE 10.1").status,
        Status::Unchanged
    );
}

#[test]
fn moved_and_changed_counts_in_both() {
    let Some((text, old)) = original() else {
        return;
    };
    let mut b = common::blocks(&text);
    let k = find(&b, "ARTICLE 17.5:");
    let moved = b.remove(k).replacen(" shall ", " will ", 1);
    b.insert(find(&b, "ARTICLE 4.1:"), moved);
    let new = parse("perturbed.txt", &b.concat());

    let r = redline::redline(&old, &new, &RedlineOptions::default());
    let total = old.provisions.len();
    assert_eq!(counts(&r), (total - 1, 1, 1, 0, 0));
    assert_eq!(
        entry_for_new(&r, &new, "ARTICLE 17.5").status,
        Status::MovedChanged
    );
}

#[test]
fn renumbered_articles_align_by_content() {
    let Some((text, old)) = original() else {
        return;
    };
    // Renumber every article of chapter 4: "ARTICLE 4.x" → "ARTICLE 40.x".
    let renumbered = text.replace("\nARTICLE 4.", "\nARTICLE 40.");
    let new = parse("renumbered.txt", &renumbered);
    let r = redline::redline(&old, &new, &RedlineOptions::default());
    assert_eq!(counts(&r), (old.provisions.len(), 0, 0, 0, 0));
    let entry = entry_for_new(&r, &new, "ARTICLE 40.2");
    assert_eq!(old.provisions[entry.old.unwrap()].locator, "ARTICLE 4.2");
}

#[test]
fn swapping_neighbours_is_one_move() {
    let Some((text, old)) = original() else {
        return;
    };
    let mut b = common::blocks(&text);
    let k = find(&b, "ARTICLE 4.5:");
    b.swap(k, k + 1);
    let new = parse("swapped.txt", &b.concat());
    let r = redline::redline(&old, &new, &RedlineOptions::default());
    assert_eq!(counts(&r), (old.provisions.len() - 1, 0, 1, 0, 0));
}

#[test]
fn many_synthetic_edits_are_counted_exactly() {
    // The same on a generated agreement, at a larger scale.
    let old = common::synthetic(3000, 11);
    let new = common::perturb(&old, 12, 40, 25, 30, 11);
    let r = redline::redline(&old, &new, &RedlineOptions::default());
    assert_eq!(counts(&r), (3000 - 12 - 40 - 25, 40, 12, 30, 25));
}

#[test]
fn edited_tpp_copy_reports_exactly_its_edits() {
    let Some(path) = corpus("text/pta_449.txt") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    for seed in [449, 1, 2, 3, 4, 5] {
        let old = parse("pta_449.txt", &text);
        let new = parse("edited.txt", &common::edited_copy(&text, seed));
        let r = redline::redline(&old, &new, &RedlineOptions::default());
        let total = old.provisions.len();
        assert_eq!(counts(&r), (total - 25 - 3 - 2, 25, 3, 2, 2), "seed {seed}");
    }
}
