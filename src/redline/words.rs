//! Word-level diff of one text pair, in the way git's word diff works:
//! strip the common prefix and suffix (snapped to line starts), diff lines
//! when what is left is large, and diff words only inside the changed line
//! hunks. Tokens are interned to `u32` ids so `similar` compares integers.
//!
//! Every diff runs under a deadline; when it has passed by the time the
//! diff returns, `similar` may have given up on finding the shortest edit
//! script, and the result is marked approximate (it is still a correct
//! script: applying it to OLD gives NEW).

use std::ops::Range;
use std::time::Instant;

use rustc_hash::FxHashMap;
use similar::{Algorithm, capture_diff_slices_deadline};

use crate::redline::model::{OpTag, TextDiff, WordOp};
use crate::redline::tokens::{Interner, TokenKind, count_words, for_each_token, has_content};

/// Middles up to this many bytes (both sides together) are diffed word by
/// word directly; larger ones are diffed by lines first, as git does.
/// Word-level Myers costs O(N·D) in tokens, so long provisions with moved
/// paragraphs (renumbered footnotes) dominate the run time without the
/// line level; short ones read slightly better without it. On the US–Peru
/// / US–Colombia pair every status is the same either way and the count of
/// kept words differs by under 0.1%.
const DIRECT_WORD_LIMIT: usize = 4096;

/// Reusable state for diffing many pairs of texts that live as long as `'a`.
#[derive(Default)]
pub struct WordDiffer<'a> {
    tokens: Interner<'a>,
    lines: FxHashMap<&'a str, u32>,
    old_side: Side,
    new_side: Side,
}

/// Collects ops, merging neighbours of the same kind.
struct Ops {
    ops: Vec<WordOp>,
    changed: bool,
    inserted_words: u32,
}

impl Ops {
    fn push(&mut self, tag: OpTag, old: Range<usize>, new: Range<usize>) {
        let (old, new) = (to_u32(old), to_u32(new));
        if old.is_empty() && new.is_empty() {
            return;
        }
        if let Some(last) = self.ops.last_mut()
            && last.tag == tag
            && last.old.end == old.start
            && last.new.end == new.start
        {
            last.old.end = old.end;
            last.new.end = new.end;
            return;
        }
        self.ops.push(WordOp { tag, old, new });
    }
}

fn to_u32(range: Range<usize>) -> Range<u32> {
    // Loaded inputs are capped below 4 GiB (see `input::max_bytes`).
    range.start as u32..range.end as u32
}

impl<'a> WordDiffer<'a> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Diffs `old` against `new`. `new_words` is `count_words(new)`, known
    /// to the caller, so that kept words are counted as "all minus inserted"
    /// without tokenising the unchanged text.
    pub fn diff(
        &mut self,
        old: &'a str,
        new: &'a str,
        new_words: u32,
        deadline: Option<Instant>,
    ) -> TextDiff {
        if old == new {
            return TextDiff {
                ops: Vec::new(),
                changed: false,
                approximate: false,
                equal_words: new_words,
            };
        }
        let mut out = Ops {
            ops: Vec::new(),
            changed: false,
            inserted_words: 0,
        };
        let prefix = common_line_prefix(old, new);
        let suffix = common_line_suffix(&old[prefix..], &new[prefix..]);
        let (old_end, new_end) = (old.len() - suffix, new.len() - suffix);
        out.push(OpTag::Equal, 0..prefix, 0..prefix);
        let middle = (old_end - prefix) + (new_end - prefix);
        if middle <= DIRECT_WORD_LIMIT {
            self.word_region(
                old,
                new,
                prefix..old_end,
                prefix..new_end,
                deadline,
                &mut out,
            );
        } else {
            self.line_region(
                old,
                new,
                prefix..old_end,
                prefix..new_end,
                deadline,
                &mut out,
            );
        }
        out.push(OpTag::Equal, old_end..old.len(), new_end..new.len());
        let approximate = deadline.is_some_and(|d| Instant::now() > d);
        TextDiff {
            ops: out.ops,
            changed: out.changed,
            approximate,
            equal_words: new_words.saturating_sub(out.inserted_words),
        }
    }

    /// Diffs lines, then words inside each changed hunk. Blank lines are
    /// left out of the line sequence, like whitespace tokens at the word
    /// level: as anchors they would cut a re-flowed paragraph into separate
    /// hunks (words moved across a blank line would show as changes), and
    /// as unique lines they would make every blank line an edit.
    fn line_region(
        &mut self,
        old: &'a str,
        new: &'a str,
        old_range: Range<usize>,
        new_range: Range<usize>,
        deadline: Option<Instant>,
        out: &mut Ops,
    ) {
        let old_lines = content_lines(old, old_range.clone());
        let new_lines = content_lines(new, new_range.clone());
        let mut intern = |text: &'a str, spans: &[Range<usize>]| -> Vec<u32> {
            spans
                .iter()
                .map(|s| {
                    let next = self.lines.len() as u32;
                    *self.lines.entry(&text[s.clone()]).or_insert(next)
                })
                .collect()
        };
        let old_ids = intern(old, &old_lines);
        let new_ids = intern(new, &new_lines);
        let ops = capture_diff_slices_deadline(Algorithm::Myers, &old_ids, &new_ids, deadline);

        let (mut po, mut pn) = (old_range.start, new_range.start);
        let mut pending = false; // a changed hunk runs from (po, pn)
        for op in &ops {
            let (tag, o, n) = op.as_tag_tuple();
            if tag != similar::DiffTag::Equal {
                pending = true;
                continue;
            }
            for (ol, nl) in old_lines[o].iter().zip(&new_lines[n]) {
                if pending {
                    self.word_region(old, new, po..ol.start, pn..nl.start, deadline, out);
                    pending = false;
                } else {
                    blank_gap(old, new, po..ol.start, pn..nl.start, out);
                }
                out.push(OpTag::Equal, ol.clone(), nl.clone());
                (po, pn) = (ol.end, nl.end);
            }
        }
        if pending {
            self.word_region(
                old,
                new,
                po..old_range.end,
                pn..new_range.end,
                deadline,
                out,
            );
        } else {
            blank_gap(old, new, po..old_range.end, pn..new_range.end, out);
        }
    }

    /// Diffs the tokens of `old[old_range]` against `new[new_range]`.
    ///
    /// Only significant tokens (words and punctuation) are diffed:
    /// whitespace tokens would otherwise compete with words for the
    /// longest common subsequence, and Myers may keep a space and drop
    /// the word next to it. The whitespace between significant tokens is
    /// compared afterwards, gap by gap.
    fn word_region(
        &mut self,
        old: &'a str,
        new: &'a str,
        old_range: Range<usize>,
        new_range: Range<usize>,
        deadline: Option<Instant>,
        out: &mut Ops,
    ) {
        if old_range.is_empty() || new_range.is_empty() {
            // Pure deletion or insertion: no need to tokenise the deleted side.
            let inserted = &new[new_range.clone()];
            out.changed |= has_content(&old[old_range.clone()]) || has_content(inserted);
            out.inserted_words += count_words(inserted);
            let tag = if old_range.is_empty() {
                OpTag::Insert
            } else {
                OpTag::Delete
            };
            out.push(tag, old_range, new_range);
            return;
        }
        let mut old_side = std::mem::take(&mut self.old_side);
        let mut new_side = std::mem::take(&mut self.new_side);
        old_side.tokenize(&mut self.tokens, old, old_range.clone());
        new_side.tokenize(&mut self.tokens, new, new_range.clone());

        let (os, ns) = (&old_side.ids, &new_side.ids);
        let prefix = os.iter().zip(ns).take_while(|(a, b)| a == b).count();
        let suffix = os[prefix..]
            .iter()
            .rev()
            .zip(ns[prefix..].iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let (old_mid, new_mid) = (prefix..os.len() - suffix, prefix..ns.len() - suffix);
        let mut ops = Vec::with_capacity(8);
        ops.push((similar::DiffTag::Equal, 0..prefix, 0..prefix));
        if !old_mid.is_empty() || !new_mid.is_empty() {
            let mid = capture_diff_slices_deadline(
                Algorithm::Myers,
                &os[old_mid.clone()],
                &ns[new_mid.clone()],
                deadline,
            );
            ops.extend(mid.iter().map(|op| {
                let (tag, o, n) = op.as_tag_tuple();
                (
                    tag,
                    o.start + prefix..o.end + prefix,
                    n.start + prefix..n.end + prefix,
                )
            }));
        }
        ops.push((
            similar::DiffTag::Equal,
            old_mid.end..os.len(),
            new_mid.end..ns.len(),
        ));

        let mut walk = Walk {
            old,
            new,
            old_side: &old_side,
            new_side: &new_side,
            tokens: &self.tokens,
            old_end: old_range.end,
            new_end: new_range.end,
            po: old_range.start,
            pn: new_range.start,
        };
        for (tag, o, n) in ops {
            if tag == similar::DiffTag::Equal {
                for k in 0..o.len() {
                    let (so, sn) = (old_side.spans[o.start + k], new_side.spans[n.start + k]);
                    walk.gap(so.0 as usize, sn.0 as usize, out);
                    out.push(
                        OpTag::Equal,
                        so.0 as usize..so.1 as usize,
                        sn.0 as usize..sn.1 as usize,
                    );
                    (walk.po, walk.pn) = (so.1 as usize, sn.1 as usize);
                }
            } else {
                walk.change(o, n, out);
            }
        }
        walk.gap(old_range.end, new_range.end, out);
        self.old_side = old_side;
        self.new_side = new_side;
    }
}

/// The significant tokens (words and punctuation) of one side of a region;
/// the whitespace between them is compared as bytes.
#[derive(Default)]
struct Side {
    /// Byte span of each significant token.
    spans: Vec<(u32, u32)>,
    /// Interned id of each, the sequence that is diffed.
    ids: Vec<u32>,
}

impl Side {
    fn tokenize<'a>(&mut self, interner: &mut Interner<'a>, text: &'a str, range: Range<usize>) {
        self.spans.clear();
        self.ids.clear();
        let base = range.start;
        for_each_token(&text[range], |s, e, kind| {
            if kind != TokenKind::Space {
                let (s, e) = (base + s, base + e);
                self.ids.push(interner.intern(&text[s..e], kind));
                self.spans.push((s as u32, e as u32));
            }
        });
    }
}

/// Walks both texts in step, turning significant-token ops into byte-range
/// ops; `po`/`pn` are the byte positions reached on each side.
struct Walk<'w, 'a> {
    old: &'a str,
    new: &'a str,
    old_side: &'w Side,
    new_side: &'w Side,
    tokens: &'w Interner<'a>,
    /// Ends of the regions being diffed.
    old_end: usize,
    new_end: usize,
    po: usize,
    pn: usize,
}

impl Walk<'_, '_> {
    /// The whitespace up to old byte `to_old` and new byte `to_new`.
    fn gap(&mut self, to_old: usize, to_new: usize, out: &mut Ops) {
        let (o, n) = (self.po..to_old, self.pn..to_new);
        if self.old.as_bytes()[o.clone()] == self.new.as_bytes()[n.clone()] {
            out.push(OpTag::Equal, o, n);
        } else {
            // Whitespace-only difference: shown, but not a change.
            out.push(OpTag::Delete, o.clone(), n.start..n.start);
            out.push(OpTag::Insert, o.end..o.end, n);
        }
        (self.po, self.pn) = (to_old, to_new);
    }

    /// Significant tokens `o` (old) replaced by `n` (new), with the
    /// whitespace before and between them.
    fn change(&mut self, o: Range<usize>, n: Range<usize>, out: &mut Ops) {
        let (os, ns) = (self.old_side, self.new_side);
        // Where each side's next significant token starts (or its region ends).
        let next =
            |side: &Side, at: usize, end: usize| side.spans.get(at).map_or(end, |s| s.0 as usize);
        let old_end = next(os, o.end, self.old_end);
        let new_end = next(ns, n.end, self.new_end);
        let old_to = if o.is_empty() {
            self.po
        } else {
            os.spans[o.end - 1].1 as usize
        };
        let new_to = if n.is_empty() {
            self.pn
        } else {
            ns.spans[n.end - 1].1 as usize
        };
        // Keep the whitespace before the change outside the marks when it is
        // the same on both sides: "the [-big-]{+small+}"; for a pure
        // insertion (deletion) compare it with the other side's whole gap,
        // so "a b" → "a c b" reads "a {+c +}b", not "a{+ c+} b".
        let old_gap = self.po..if o.is_empty() {
            old_end
        } else {
            os.spans[o.start].0 as usize
        };
        let new_gap = self.pn..if n.is_empty() {
            new_end
        } else {
            ns.spans[n.start].0 as usize
        };
        let same = self.old.as_bytes()[old_gap.clone()] == self.new.as_bytes()[new_gap.clone()];
        let (mut po, mut pn) = (self.po, self.pn);
        if same && !old_gap.is_empty() {
            out.push(OpTag::Equal, old_gap.clone(), new_gap.clone());
            (po, pn) = (old_gap.end, new_gap.end);
        }
        let (old_to, new_to) = (old_to.max(po), new_to.max(pn));
        out.push(OpTag::Delete, po..old_to, pn..pn);
        out.push(OpTag::Insert, old_to..old_to, pn..new_to);
        out.changed |= !o.is_empty() || !n.is_empty();
        for &id in &ns.ids[n] {
            out.inserted_words += u32::from(self.tokens.kind(id) == TokenKind::Word);
        }
        (self.po, self.pn) = (old_to, new_to);
    }
}

/// Spans (each with its '\n') of the lines of `text[range]` that have
/// something other than whitespace.
fn content_lines(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = range.start;
    while start < range.end {
        let end =
            memchr::memchr(b'\n', &bytes[start..range.end]).map_or(range.end, |i| start + i + 1);
        if has_content(&text[start..end]) {
            spans.push(start..end);
        }
        start = end;
    }
    spans
}

/// Blank lines between two equal lines: equal, or a whitespace-only change.
fn blank_gap(old: &str, new: &str, o: Range<usize>, n: Range<usize>, out: &mut Ops) {
    if old.as_bytes()[o.clone()] == new.as_bytes()[n.clone()] {
        out.push(OpTag::Equal, o, n);
    } else {
        out.push(OpTag::Delete, o.clone(), n.start..n.start);
        out.push(OpTag::Insert, o.end..o.end, n);
    }
}

/// Length of the common prefix, cut back to the start of a line so that the
/// rest tokenises exactly as it does in the whole text.
fn common_line_prefix(old: &str, new: &str) -> usize {
    let common = common_prefix_len(old.as_bytes(), new.as_bytes());
    if common == old.len() && common == new.len() {
        return common;
    }
    memchr::memrchr(b'\n', &old.as_bytes()[..common]).map_or(0, |i| i + 1)
}

/// Length of the common suffix, cut so that it starts at a line start in
/// both texts.
fn common_line_suffix(old: &str, new: &str) -> usize {
    let (ob, nb) = (old.as_bytes(), new.as_bytes());
    let common = ob
        .iter()
        .rev()
        .zip(nb.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let at_line_start = |b: &[u8], pos: usize| pos == 0 || b[pos - 1] == b'\n';
    if at_line_start(ob, ob.len() - common) && at_line_start(nb, nb.len() - common) {
        return common;
    }
    // Inside the common part, old and new agree: find its first '\n'.
    let tail = &ob[ob.len() - common..];
    memchr::memchr(b'\n', tail).map_or(0, |i| common - i - 1)
}

fn common_prefix_len(a: &[u8], b: &[u8]) -> usize {
    // Compare in chunks: long common prefixes are the common case.
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 16 <= n && a[i..i + 16] == b[i..i + 16] {
        i += 16;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(old: &str, new: &str, diff: &TextDiff) -> (String, String) {
        let mut o = String::new();
        let mut n = String::new();
        for op in &diff.ops {
            let text = op.text(old, new);
            match op.tag {
                OpTag::Equal => {
                    assert_eq!(&old[op.old.start as usize..op.old.end as usize], text);
                    o.push_str(text);
                    n.push_str(text);
                }
                OpTag::Delete => o.push_str(text),
                OpTag::Insert => n.push_str(text),
            }
        }
        (o, n)
    }

    fn run(old: &str, new: &str) -> TextDiff {
        let mut differ = WordDiffer::new();
        let diff = differ.diff(old, new, count_words(new), None);
        if old != new {
            assert_eq!(apply(old, new, &diff), (old.to_owned(), new.to_owned()));
        }
        diff
    }

    fn shown(old: &str, new: &str) -> String {
        run(old, new)
            .ops
            .iter()
            .map(|op| match op.tag {
                OpTag::Equal => op.text(old, new).to_owned(),
                OpTag::Delete => format!("[-{}-]", op.text(old, new)),
                OpTag::Insert => format!("{{+{}+}}", op.text(old, new)),
            })
            .collect()
    }

    #[test]
    fn word_changes_are_grouped() {
        assert_eq!(
            shown("the big red dog barks", "the small blue dog barks"),
            "the [-big red-]{+small blue+} dog barks"
        );
        assert_eq!(shown("a b", "a c b"), "a {+c +}b");
        assert_eq!(shown("a c b", "a b"), "a [-c -]b");
        assert_eq!(
            shown("one two\nthree", "one  two three"),
            "one[- -]{+  +}two[-\n-]{+ +}three"
        );
    }

    #[test]
    fn whitespace_only_changes_are_not_changes() {
        let diff = run("one two\nthree", "one  two three");
        assert!(!diff.changed);
        assert_eq!(diff.equal_words, 3);
        let diff = run("one, two", "one two");
        assert!(diff.changed);
    }

    #[test]
    fn counts_kept_words() {
        let diff = run(
            "Peru shall apply the measure.",
            "Colombia shall apply the measure.",
        );
        assert!(diff.changed);
        assert_eq!(diff.equal_words, 4);
    }

    #[test]
    fn line_level_path_for_large_texts() {
        let para =
            |i: usize| format!("Paragraph {i} says the Parties shall cooperate on item {i}.\n\n");
        let old: String = (0..3000).map(para).collect();
        let new = old
            .replace("item 1500.", "item 1500 and more.")
            .replace("Paragraph 20 says", "Paragraph 20 said");
        assert!(old.len() > DIRECT_WORD_LIMIT);
        assert_eq!(
            shown(&old, &new).matches("{+").count(),
            2,
            "exactly the two edits show"
        );
        let diff = run(&old, &new);
        assert_eq!(diff.equal_words, count_words(&new) - 3);
    }

    #[test]
    fn prefix_and_suffix_snap_to_lines() {
        assert_eq!(common_line_prefix("ab\ncd", "ab\nce"), 3);
        assert_eq!(common_line_prefix("abc", "abd"), 0);
        assert_eq!(common_line_suffix("x\nsame", "y\nsame"), 4);
        assert_eq!(common_line_suffix("xa\nb", "ya\nb"), 1);
        assert_eq!(common_line_suffix("same", "same"), 4);
        assert_eq!(common_line_suffix("q same", "same"), 0);
    }

    #[test]
    fn expired_deadline_still_gives_a_valid_script() {
        let old = "alpha beta gamma delta ".repeat(200);
        let new = "beta alpha delta gamma ".repeat(200);
        let mut differ = WordDiffer::new();
        let past = Instant::now() - std::time::Duration::from_millis(1);
        let diff = differ.diff(&old, &new, count_words(&new), Some(past));
        assert!(diff.approximate);
        assert_eq!(apply(&old, &new, &diff), (old.clone(), new.clone()));
    }
}
