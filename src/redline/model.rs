//! Plain data types that flow through the redline pipeline: the documents
//! going in, and the redline coming out. Nothing here computes anything
//! beyond trivial accessors, so other stages (and other crates) can build
//! these values by hand.

use std::ops::Range;

/// The input format of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Decide from the file extension and the content.
    #[default]
    Auto,
    /// Plain text, segmented by heading lines (`ARTICLE 1.1: Title`, `Part Two`, …).
    Text,
    /// Markdown: `#` headings plus the plain-text heading lines.
    Markdown,
    /// ToTA treaty XML: `treaty/body/chapter/article`.
    Tota,
}

impl InputFormat {
    /// The lower-case name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Auto => "auto",
            InputFormat::Text => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::Tota => "tota",
        }
    }
}

/// One unit of comparison: an article, a chapter heading, a part, the preamble.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provision {
    /// Where the provision sits in its source, as written: `ARTICLE 1.1`,
    /// `Part Two`, `Preamble`. Shown to the reader; never compared, so a
    /// renumbered provision still aligns by content.
    pub locator: String,
    /// The heading's title without its number (`Establishment Of A Free
    /// Trade Area`); may be empty. Compared like the body.
    pub title: String,
    /// The text after the heading up to the next heading, trimmed of the
    /// blank lines around it.
    pub body: String,
    /// 1-based line of the heading in the source file; 0 when unknown.
    pub line: usize,
}

impl Provision {
    /// The heading as a reader would write it: `ARTICLE 1.1: Title`.
    pub fn heading(&self) -> String {
        match (self.locator.is_empty(), self.title.is_empty()) {
            (_, true) => self.locator.clone(),
            (true, false) => self.title.clone(),
            (false, false) if self.locator == self.title => self.locator.clone(),
            (false, false) => format!("{}: {}", self.locator, self.title),
        }
    }
}

/// A document split into provisions, in source order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// A name for the reader (usually the path as given).
    pub name: String,
    /// The format the provisions were read from.
    pub format: InputFormat,
    pub provisions: Vec<Provision>,
}

/// Status of one aligned (or unaligned) provision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Unchanged,
    Changed,
    Moved,
    MovedChanged,
    Added,
    Removed,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Unchanged => "unchanged",
            Status::Changed => "changed",
            Status::Moved => "moved",
            Status::MovedChanged => "moved_changed",
            Status::Added => "added",
            Status::Removed => "removed",
        }
    }

    pub fn is_moved(self) -> bool {
        matches!(self, Status::Moved | Status::MovedChanged)
    }

    pub fn is_changed(self) -> bool {
        matches!(self, Status::Changed | Status::MovedChanged)
    }
}

/// Kind of a word operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OpTag {
    Equal,
    Delete,
    Insert,
}

impl OpTag {
    pub fn name(self) -> &'static str {
        match self {
            OpTag::Equal => "equal",
            OpTag::Delete => "delete",
            OpTag::Insert => "insert",
        }
    }
}

/// One operation of a word-level redline, as byte ranges into the old and
/// the new text. `Equal` covers text present in both (the two ranges hold
/// the same bytes), `Delete` only old text (the new range is empty, at the
/// position where it would have been), `Insert` only new text.
///
/// Ranges are `u32` to halve the size of large redlines; inputs are capped
/// well below 4 GiB (see `RedlineOptions::max_input_bytes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordOp {
    pub tag: OpTag,
    pub old: Range<u32>,
    pub new: Range<u32>,
}

impl WordOp {
    /// The text this op shows: old text for `Delete`, new text otherwise.
    pub fn text<'a>(&self, old: &'a str, new: &'a str) -> &'a str {
        match self.tag {
            OpTag::Delete => &old[self.old.start as usize..self.old.end as usize],
            OpTag::Equal | OpTag::Insert => &new[self.new.start as usize..self.new.end as usize],
        }
    }
}

/// The word-level comparison of one text pair (a title or a body).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextDiff {
    /// Operations in order; concatenating equal+delete texts gives the old
    /// text, equal+insert the new. Empty when both texts are byte-identical
    /// (renderers then show the text whole).
    pub ops: Vec<WordOp>,
    /// Some non-whitespace token was deleted or inserted.
    pub changed: bool,
    /// The diff hit its deadline, so it may be longer than the shortest one.
    pub approximate: bool,
    /// Words (tokens with a letter or digit) of the new text kept from the old.
    pub equal_words: u32,
}

/// One row of the redline: a provision on one side or an aligned pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub status: Status,
    /// Index into the old document's provisions.
    pub old: Option<usize>,
    /// Index into the new document's provisions.
    pub new: Option<usize>,
    pub title: TextDiff,
    pub body: TextDiff,
    /// Content similarity of an aligned pair (Dice coefficient over words,
    /// 0..=1); 1 for identical pairs, 0 for one-sided entries.
    pub similarity: f32,
}

impl Entry {
    pub fn approximate(&self) -> bool {
        self.title.approximate || self.body.approximate
    }
}

/// What to show at one place in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The entry with this index into `Redline::entries`.
    Entry(usize),
    /// The old position of the moved entry with this index: renderers show
    /// a "moved to" marker here that links to the entry.
    MovedAway(usize),
}

/// Counts of provisions by status, and how much of NEW comes from OLD.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Summary {
    /// Aligned, in order, no word changed.
    pub unchanged: usize,
    /// Aligned pairs with a changed word, whether moved or not.
    pub changed: usize,
    /// Aligned pairs out of order, whether changed or not.
    pub moved: usize,
    pub added: usize,
    pub removed: usize,
    /// Entries whose word diff hit the deadline.
    pub approximate: usize,
    /// Words in the old document (titles and bodies).
    pub old_words: u64,
    /// Words in the new document (titles and bodies).
    pub new_words: u64,
    /// Words of NEW found in equal runs of aligned pairs.
    pub reused_words: u64,
}

impl Summary {
    /// The provision counts with their labels, in the order every format
    /// shows them.
    pub fn counts(&self) -> [(&'static str, usize); 5] {
        [
            ("unchanged", self.unchanged),
            ("changed", self.changed),
            ("moved", self.moved),
            ("added", self.added),
            ("removed", self.removed),
        ]
    }

    /// Share of NEW's words carried over from OLD, 0..=1 (1 for an empty NEW).
    pub fn text_reuse(&self) -> f64 {
        if self.new_words == 0 {
            1.0
        } else {
            self.reused_words as f64 / self.new_words as f64
        }
    }

    /// True when the documents differ in any provision.
    pub fn has_differences(&self) -> bool {
        self.changed + self.moved + self.added + self.removed > 0
    }
}

/// The result of comparing two documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Redline {
    /// Entries in reading order: NEW's order, with removed provisions placed
    /// after the aligned provision that preceded them in OLD.
    pub entries: Vec<Entry>,
    /// Reading order for renderers that mark where moved provisions came
    /// from: every entry once, plus one `MovedAway` per moved entry.
    pub layout: Vec<Slot>,
    pub summary: Summary,
}

/// Anchor id of an old-side position (removed provision or moved-away marker).
pub fn old_anchor(index: usize) -> String {
    format!("old-{}", index + 1)
}

/// Anchor id of a new-side provision.
pub fn new_anchor(index: usize) -> String {
    format!("new-{}", index + 1)
}
