//! Golden tests on the real ToTA pair: US–Peru (pta_156) against
//! US–Colombia (pta_342), as XML and as plain text. The expected counts
//! and articles were checked by reading both files:
//!
//! - ARTICLE 2.12 (Distinctive Products): "Peru shall recognize Bourbon
//!   Whiskey" becomes "Colombia shall …", and the paragraph recognising
//!   “Pisco Perú” with its footnote is gone from the Colombia text.
//! - ARTICLE 12.8 (Senior Management): the Colombia text drops footnote 2
//!   ("nothing in Article 12.6 prevents …"); nothing is added.
//! - ARTICLE 8.4 (Notification and Consultation): in the Peru files its
//!   heading is OCR-merged into Article 8.3 and its body is missing, so it
//!   is added in the Colombia file.
//! - In the Peru XML, Article 23.4's text is merged into Article 23.3; the
//!   Colombia XML has them apart: 23.3 ↔ 23.3 changed, 23.4 added.
//! - No article moved: both follow one template in one order.

#[path = "redline_common/mod.rs"]
mod common;

use clausediff::redline::{self, Format, OpTag, RedlineOptions, Status};

use common::{corpus, counts, entry_for_new, rebuild};

fn load_pair(a: &str, b: &str) -> Option<(redline::Document, redline::Document)> {
    let (a, b) = (corpus(a)?, corpus(b)?);
    let opts = RedlineOptions::default();
    Some((
        redline::load_document(&a, &opts).expect("old loads"),
        redline::load_document(&b, &opts).expect("new loads"),
    ))
}

fn ops_text(
    entry: &redline::Entry,
    old: &redline::Document,
    new: &redline::Document,
    tag: OpTag,
) -> String {
    let o = &old.provisions[entry.old.expect("paired")].body;
    let n = &new.provisions[entry.new.expect("paired")].body;
    entry
        .body
        .ops
        .iter()
        .filter(|w| w.tag == tag)
        .map(|w| w.text(o, n))
        .collect()
}

#[test]
fn tota_xml_pair_golden() {
    let Some((old, new)) = load_pair("tota/pta_156.xml", "tota/pta_342.xml") else {
        return;
    };
    assert_eq!(old.provisions.len(), 302, "23 chapters + 279 articles");
    assert_eq!(new.provisions.len(), 305, "23 chapters + 282 articles");
    let r = redline::redline(&old, &new, &RedlineOptions::default());
    assert_eq!(
        counts(&r),
        (238, 64, 0, 3, 0),
        "(unchanged, changed, moved, added, removed)"
    );
    assert_eq!(r.summary.approximate, 0);
    let reuse = r.summary.text_reuse();
    assert!((0.97..0.98).contains(&reuse), "text reuse {reuse}");

    let distinctive = entry_for_new(&r, &new, "ARTICLE 2.12");
    assert_eq!(distinctive.status, Status::Changed);
    let deleted = ops_text(distinctive, &old, &new, OpTag::Delete);
    let inserted = ops_text(distinctive, &old, &new, OpTag::Insert);
    assert!(deleted.contains("Pisco Perú"), "{deleted}");
    assert!(deleted.contains("Peru"), "{deleted}");
    assert!(inserted.contains("Colombia"), "{inserted}");
    assert!(!inserted.contains("Pisco"), "{inserted}");

    let management = entry_for_new(&r, &new, "ARTICLE 12.8");
    assert_eq!(management.status, Status::Changed);
    assert!(ops_text(management, &old, &new, OpTag::Delete).contains("nothing in Article 12.6"));
    assert_eq!(ops_text(management, &old, &new, OpTag::Insert), "");

    let notification = entry_for_new(&r, &new, "ARTICLE 8.4");
    assert_eq!(notification.status, Status::Added);
    assert_eq!(
        new.provisions[notification.new.unwrap()].title,
        "Notification And Consultation"
    );

    let amendment = entry_for_new(&r, &new, "ARTICLE 23.3");
    assert_eq!(amendment.status, Status::Changed);
    assert_eq!(
        old.provisions[amendment.old.unwrap()].locator,
        "ARTICLE 23.3"
    );
    assert_eq!(
        entry_for_new(&r, &new, "ARTICLE 23.4").status,
        Status::Added
    );

    // Untouched articles stay unchanged, including long ones.
    assert_eq!(
        entry_for_new(&r, &new, "ARTICLE 1.1").status,
        Status::Unchanged
    );
    assert_eq!(
        entry_for_new(&r, &new, "CHAPTER TEN").status,
        Status::Unchanged
    );
}

#[test]
fn text_pair_golden() {
    let Some((old, new)) = load_pair("text/pta_156.txt", "text/pta_342.txt") else {
        return;
    };
    let r = redline::redline(&old, &new, &RedlineOptions::default());
    assert_eq!(
        counts(&r),
        (240, 64, 0, 1, 1),
        "(unchanged, changed, moved, added, removed)"
    );
    // The Peru text has only the OCR-mangled heading "Article 8.4:⊥ …"
    // with no body; the Colombia text has the article.
    let removed: Vec<_> = r
        .entries
        .iter()
        .filter(|e| e.status == Status::Removed)
        .map(|e| old.provisions[e.old.unwrap()].locator.as_str())
        .collect();
    assert_eq!(removed, ["Article 8.4"]);
    assert_eq!(entry_for_new(&r, &new, "ARTICLE 8.4").status, Status::Added);
    // Renumbered articles align by content: Peru's 8.9 is Colombia's 8.7.
    let definitions = entry_for_new(&r, &new, "ARTICLE 8.7");
    assert_eq!(
        old.provisions[definitions.old.unwrap()].locator,
        "ARTICLE 8.9"
    );
    let distinctive = entry_for_new(&r, &new, "ARTICLE 2.12");
    assert!(ops_text(distinctive, &old, &new, OpTag::Delete).contains("Pisco Perú"));
}

#[test]
fn real_pair_ops_rebuild_both_texts() {
    let Some((old, new)) = load_pair("text/pta_156.txt", "text/pta_342.txt") else {
        return;
    };
    let r = redline::redline(&old, &new, &RedlineOptions::default());
    for (k, e) in r.entries.iter().enumerate() {
        let (o, n) = rebuild(&r, &old, &new, k);
        if let Some(i) = e.old {
            assert_eq!(o, old.provisions[i].body);
        }
        if let Some(j) = e.new {
            assert_eq!(n, new.provisions[j].body);
        }
    }
}

#[test]
fn json_rebuilds_both_documents_and_is_deterministic() {
    let Some((old, new)) = load_pair("text/pta_156.txt", "text/pta_342.txt") else {
        return;
    };
    let render = |threads: usize| {
        let opts = RedlineOptions {
            threads,
            ..RedlineOptions::default()
        };
        let r = redline::redline(&old, &new, &opts);
        let mut out = Vec::new();
        redline::render(&r, &old, &new, Format::Json, &mut out, false).unwrap();
        out
    };
    let json = render(0);
    assert_eq!(json, render(1), "output does not depend on threads or runs");
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let summary = &value["summary"];
    for key in ["unchanged", "changed", "moved", "added", "removed"] {
        assert!(summary[key].is_u64(), "{key} is an integer");
    }
    let provisions = value["provisions"].as_array().unwrap();
    let mut old_bodies = vec![None; old.provisions.len()];
    let mut new_bodies = vec![None; new.provisions.len()];
    for p in provisions {
        let text = |keep: &str| -> String {
            p["ops"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|op| op["op"] == "equal" || op["op"] == keep)
                .map(|op| op["text"].as_str().unwrap())
                .collect()
        };
        if let Some(i) = p["old"]["index"].as_u64() {
            old_bodies[i as usize] = Some(text("delete"));
        }
        if let Some(j) = p["new"]["index"].as_u64() {
            new_bodies[j as usize] = Some(text("insert"));
        }
    }
    for (i, body) in old_bodies.iter().enumerate() {
        assert_eq!(
            body.as_deref(),
            Some(old.provisions[i].body.as_str()),
            "old {i}"
        );
    }
    for (j, body) in new_bodies.iter().enumerate() {
        assert_eq!(
            body.as_deref(),
            Some(new.provisions[j].body.as_str()),
            "new {j}"
        );
    }
}

#[test]
fn every_format_renders_the_real_pair_deterministically() {
    let Some((old, new)) = load_pair("tota/pta_156.xml", "tota/pta_342.xml") else {
        return;
    };
    let r = redline::redline(&old, &new, &RedlineOptions::default());
    for format in [
        Format::Terminal,
        Format::Markdown,
        Format::Html,
        Format::Json,
    ] {
        let mut a = Vec::new();
        let mut b = Vec::new();
        redline::render(&r, &old, &new, format, &mut a, false).unwrap();
        redline::render(&r, &old, &new, format, &mut b, false).unwrap();
        assert_eq!(a, b, "{format:?}");
        let text = String::from_utf8(a).unwrap();
        let reuse = if format == Format::Json {
            "\"text_reuse\":0.975"
        } else {
            "97.5%"
        };
        assert!(text.contains(reuse), "{format:?} reports text reuse");
    }
}
