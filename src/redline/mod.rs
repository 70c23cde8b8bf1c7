//! Text redline: segment two agreement texts into provisions, align them
//! (moves, renumbering, additions, removals), and redline each aligned pair
//! word by word.
//!
//! The pipeline reads left to right and each stage is a module:
//! `input` (bytes → text, format detection) → `segment` / `tota`
//! (text → `Document`) → `align` (provision pairs, moves) → `words`
//! (word diffs) → `compare` (entries, reading order, summary) → `render`.
//!
//! ```no_run
//! use clausediff::redline::{self, Format, RedlineOptions};
//! let opts = RedlineOptions::default();
//! let old = redline::load_document("old.txt".as_ref(), &opts)?;
//! let new = redline::load_document("new.txt".as_ref(), &opts)?;
//! let result = redline::redline(&old, &new, &opts);
//! redline::render(&result, &old, &new, Format::Json, &mut std::io::stdout().lock(), false)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod align;
mod compare;
mod error;
mod heading;
mod input;
mod model;
mod parallel;
pub mod render;
mod segment;
mod tokens;
mod tota;
mod words;

use std::time::Duration;

use regex::Regex;

pub use compare::redline;

/// Aligns provisions one-to-one by content (the first stage of `redline`):
/// `(old, new)` index pairs sorted by `new`. Useful on its own, e.g. to
/// pair clauses, and to benchmark alignment apart from word diffs.
pub fn align_provisions(old: &[Provision], new: &[Provision]) -> Vec<(usize, usize)> {
    align::align(old, new, false)
}

/// Word-level diff of two short texts (clause texts, titles) with the
/// engine that redlines provisions: Unicode word tokens, whitespace compared
/// between words, common lines stripped first. Past `deadline` the result is
/// coarser and marked approximate. Empty `ops` means the texts are identical.
pub fn word_diff(old: &str, new: &str, deadline: Option<std::time::Instant>) -> TextDiff {
    words::WordDiffer::new().diff(old, new, count_words(new), deadline)
}

/// Which of the `pairs` moved: those outside a longest increasing
/// subsequence of new positions taken in old order (indexed like `pairs`).
pub fn moved_pairs(pairs: &[(usize, usize)]) -> Vec<bool> {
    align::moved(pairs)
}
pub use error::RedlineError;
pub use input::{detect_format, load_document, load_pair, parse_document};
pub use model::{
    Document, Entry, InputFormat, OpTag, Provision, Redline, Slot, Status, Summary, TextDiff,
    WordOp, new_anchor, old_anchor,
};
pub use render::{Format, render};
pub use tokens::{TokenKind, count_words, for_each_token};

/// Inputs larger than this are refused by default. 128 MiB is far above
/// any treaty (the 1 MB TPP is among the longest) yet lets 100 MB inputs
/// through: peak memory is about twice the two inputs together (≈ 430 MB
/// for two 110 MB texts, 1.4 s; see BENCHMARKS.md).
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 128 * 1024 * 1024;

/// Everything the redline engine needs to know; built by the CLI.
#[derive(Debug, Clone)]
pub struct RedlineOptions {
    /// Input format of both documents (`Auto` detects each one).
    pub input_format: InputFormat,
    /// A line matching this regex starts a provision, replacing the built-in
    /// heading rules (not used for ToTA XML). The locator is the named group
    /// `locator` or group 1 (else the whole match); the title is the named
    /// group `title` or group 2 (else the rest of the line).
    pub split: Option<Regex>,
    /// Time allowed for the word diff of one provision pair; past it the
    /// pair's redline is marked approximate.
    pub word_timeout: Duration,
    /// Time allowed for all word diffs together.
    pub total_timeout: Duration,
    /// Inputs larger than this many bytes are refused with `TooLarge`
    /// (never more than 4 GiB: word operations store `u32` offsets).
    pub max_input_bytes: u64,
    /// Threads to use; 0 (auto) uses every core for inputs over 4 MiB and
    /// one thread below, where threads cost more than they save. The
    /// result never depends on it.
    pub threads: usize,
}

impl Default for RedlineOptions {
    fn default() -> Self {
        RedlineOptions {
            input_format: InputFormat::Auto,
            split: None,
            word_timeout: Duration::from_millis(500),
            total_timeout: Duration::from_secs(20),
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            threads: 0,
        }
    }
}

impl std::str::FromStr for InputFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "auto" => Ok(InputFormat::Auto),
            "text" | "txt" => Ok(InputFormat::Text),
            "markdown" | "md" => Ok(InputFormat::Markdown),
            "tota" | "xml" => Ok(InputFormat::Tota),
            other => Err(format!(
                "unknown input format {other:?} (expected auto, text, markdown or tota)"
            )),
        }
    }
}
