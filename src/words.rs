//! Word-level redline of two short texts (clause texts) with `similar`,
//! split on Unicode word boundaries, with a timeout.

use std::time::{Duration, Instant};

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

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

/// Diffs two texts word by word; adjacent changes of one kind are merged.
pub fn redline(old: &str, new: &str, timeout: Duration) -> Redline {
    let started = Instant::now();
    let diff = TextDiff::configure()
        .timeout(timeout)
        .diff_unicode_words(old, new);
    let approximate = started.elapsed() >= timeout;
    let mut ops: Vec<WordOp> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => OpKind::Equal,
            ChangeTag::Delete => OpKind::Delete,
            ChangeTag::Insert => OpKind::Insert,
        };
        let text = change.value();
        match ops.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => ops.push(WordOp {
                op,
                text: text.to_string(),
            }),
        }
    }
    Redline {
        ops: coalesce(ops),
        approximate,
    }
}

/// Folds whitespace-only runs that sit between two changes into the change,
/// so "[-and enforcement mechanisms-]{+that Afghan soil+}" reads as one
/// replacement instead of alternating one-word edits.
fn coalesce(ops: Vec<WordOp>) -> Vec<WordOp> {
    let mut out: Vec<WordOp> = Vec::with_capacity(ops.len());
    let (mut deleted, mut inserted) = (String::new(), String::new());
    let mut in_change = false;
    let flush = |out: &mut Vec<WordOp>, deleted: &mut String, inserted: &mut String| {
        if !deleted.is_empty() {
            out.push(WordOp {
                op: OpKind::Delete,
                text: std::mem::take(deleted),
            });
        }
        if !inserted.is_empty() {
            out.push(WordOp {
                op: OpKind::Insert,
                text: std::mem::take(inserted),
            });
        }
    };
    let mut iter = ops.into_iter().peekable();
    while let Some(op) = iter.next() {
        match op.op {
            OpKind::Delete => {
                deleted.push_str(&op.text);
                in_change = true;
            }
            OpKind::Insert => {
                inserted.push_str(&op.text);
                in_change = true;
            }
            OpKind::Equal => {
                let bridges = in_change
                    && op.text.chars().all(char::is_whitespace)
                    && iter.peek().is_some_and(|next| next.op != OpKind::Equal);
                if bridges {
                    deleted.push_str(&op.text);
                    inserted.push_str(&op.text);
                } else {
                    flush(&mut out, &mut deleted, &mut inserted);
                    in_change = false;
                    out.push(op);
                }
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
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
