//! Word-level redline of two short texts (clause texts) with `similar`,
//! split on Unicode word boundaries, with a timeout.

use std::time::{Duration, Instant};

use serde::Serialize;
use similar::TextDiff;

/// One run of the redline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordOp {
    pub op: OpKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OpKind {
    Equal,
    Delete,
    Insert,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Redline {
    pub ops: Vec<WordOp>,
    /// True when the diff hit its timeout and fell back to a coarser result.
    pub approximate: bool,
}

impl Redline {
    pub fn is_identical(&self) -> bool {
        self.ops.iter().all(|op| op.op == OpKind::Equal)
    }

    /// `[-removed-]{+added+}` markers, as wdiff prints them.
    pub fn to_marked(&self) -> String {
        let mut out = String::new();
        for op in &self.ops {
            match op.op {
                OpKind::Equal => out.push_str(&op.text),
                OpKind::Delete => {
                    out.push_str("[-");
                    out.push_str(&op.text);
                    out.push_str("-]");
                }
                OpKind::Insert => {
                    out.push_str("{+");
                    out.push_str(&op.text);
                    out.push_str("+}");
                }
            }
        }
        out
    }
}

/// Diffs two texts word by word with the redline engine's word differ, so a
/// clause pair and a treaty provision are redlined the same way.
pub fn redline(old: &str, new: &str, timeout: Duration) -> Redline {
    use crate::redline::OpTag;
    let diff = crate::redline::word_diff(old, new, Some(Instant::now() + timeout));
    if diff.ops.is_empty() {
        // Identical texts: one equal run (none for two empty texts).
        let ops = if old.is_empty() {
            Vec::new()
        } else {
            vec![WordOp {
                op: OpKind::Equal,
                text: old.to_string(),
            }]
        };
        return Redline {
            ops,
            approximate: false,
        };
    }
    let ops = diff
        .ops
        .iter()
        .map(|op| {
            let (kind, text) = match op.tag {
                OpTag::Equal => (
                    OpKind::Equal,
                    &old[op.old.start as usize..op.old.end as usize],
                ),
                OpTag::Delete => (
                    OpKind::Delete,
                    &old[op.old.start as usize..op.old.end as usize],
                ),
                OpTag::Insert => (
                    OpKind::Insert,
                    &new[op.new.start as usize..op.new.end as usize],
                ),
            };
            WordOp {
                op: kind,
                text: text.to_string(),
            }
        })
        .collect();
    Redline {
        ops,
        approximate: diff.approximate,
    }
}

/// Texts longer than this are compared on their first this-many bytes, so
/// similarity stays exact and deterministic without a timeout.
const SIMILARITY_PREFIX: usize = 16 * 1024;

/// Similarity of two texts in [0, 1] (share of matching words). No timeout:
/// alignment must not depend on how fast the machine is.
pub fn similarity(old: &str, new: &str) -> f64 {
    if old == new {
        return 1.0;
    }
    f64::from(TextDiff::from_unicode_words(prefix(old), prefix(new)).ratio())
}

fn prefix(text: &str) -> &str {
    let mut end = text.len().min(SIMILARITY_PREFIX);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redline_rebuilds_both_texts() {
        let old = "The US will withdraw 8,600 troops within 135 days.";
        let new = "The US will reduce to 8,600 troops within 135 days, subject to conditions.";
        let r = redline(old, new, Duration::from_secs(1));
        let rebuilt_old: String = r
            .ops
            .iter()
            .filter(|o| o.op != OpKind::Insert)
            .map(|o| o.text.as_str())
            .collect();
        let rebuilt_new: String = r
            .ops
            .iter()
            .filter(|o| o.op != OpKind::Delete)
            .map(|o| o.text.as_str())
            .collect();
        assert_eq!(rebuilt_old, old);
        assert_eq!(rebuilt_new, new);
        assert!(
            r.to_marked().contains("[-withdraw-]{+reduce to+}"),
            "{}",
            r.to_marked()
        );
    }

    #[test]
    fn identical_texts_have_no_changes() {
        let r = redline("same words", "same words", Duration::from_secs(1));
        assert!(r.is_identical());
        assert_eq!(similarity("a b", "a b"), 1.0);
        assert!(similarity("a b c d", "a b x y") < 1.0);
    }

    #[test]
    fn alternating_word_edits_read_as_one_replacement() {
        let r = redline("keep a b c keep", "keep x y z keep", Duration::from_secs(1));
        assert_eq!(r.to_marked(), "keep [-a b c-]{+x y z+} keep");
    }
}
