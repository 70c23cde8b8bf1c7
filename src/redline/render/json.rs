//! JSON output, streamed: the serializer walks borrowed views of the
//! redline and the documents, so no value tree of the whole document is
//! built. Shape:
//!
//! ```json
//! { "old": {"name", "format", "provisions", "words"}, "new": {…},
//!   "summary": {"unchanged", "changed", "moved", "added", "removed",
//!               "approximate", "old_words", "new_words", "reused_words", "text_reuse"},
//!   "provisions": [ {"status", "moved", "changed", "approximate", "similarity",
//!                    "old": {"index", "locator", "title", "line"} | null, "new": … | null,
//!                    "title_ops": [...] (only when the titles differ),
//!                    "ops": [{"op": "equal"|"delete"|"insert", "text": "…"}, …]} ] }
//! ```
//!
//! Concatenating the `text` of `equal` and `delete` ops gives the old body,
//! of `equal` and `insert` ops the new body (whitespace included).

use std::io::{self, Write};

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::redline::model::{Document, Entry, OpTag, Provision};
use crate::redline::render::View;

pub(crate) fn write(view: &View<'_>, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &Report(view)).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

struct Report<'v, 'a>(&'v View<'a>);

impl Serialize for Report<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let view = self.0;
        let s = &view.redline.summary;
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("old", &DocMeta(view.old, s.old_words))?;
        map.serialize_entry("new", &DocMeta(view.new, s.new_words))?;
        map.serialize_entry(
            "summary",
            &SummaryJson {
                unchanged: s.unchanged,
                changed: s.changed,
                moved: s.moved,
                added: s.added,
                removed: s.removed,
                approximate: s.approximate,
                old_words: s.old_words,
                new_words: s.new_words,
                reused_words: s.reused_words,
                text_reuse: round(s.text_reuse(), 6),
            },
        )?;
        map.serialize_entry("provisions", &Entries(view))?;
        map.end()
    }
}

/// Rounds for output, so that floating-point noise never shows.
fn round(x: f64, digits: i32) -> f64 {
    let scale = 10f64.powi(digits);
    (x * scale).round() / scale
}

struct DocMeta<'a>(&'a Document, u64);

impl Serialize for DocMeta<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("name", &self.0.name)?;
        map.serialize_entry("format", self.0.format.name())?;
        map.serialize_entry("provisions", &self.0.provisions.len())?;
        map.serialize_entry("words", &self.1)?;
        map.end()
    }
}

#[derive(Serialize)]
struct SummaryJson {
    unchanged: usize,
    changed: usize,
    moved: usize,
    added: usize,
    removed: usize,
    approximate: usize,
    old_words: u64,
    new_words: u64,
    reused_words: u64,
    text_reuse: f64,
}

struct Entries<'v, 'a>(&'v View<'a>);

impl Serialize for Entries<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let view = self.0;
        let mut seq = serializer.serialize_seq(Some(view.redline.entries.len()))?;
        for entry in &view.redline.entries {
            seq.serialize_element(&EntryJson { view, entry })?;
        }
        seq.end()
    }
}

struct EntryJson<'v, 'a> {
    view: &'v View<'a>,
    entry: &'v Entry,
}

impl Serialize for EntryJson<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (view, e) = (self.view, self.entry);
        let old = view.old_provision(e);
        let new = view.new_provision(e);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("status", e.status.name())?;
        map.serialize_entry("moved", &e.status.is_moved())?;
        map.serialize_entry("changed", &e.status.is_changed())?;
        map.serialize_entry("approximate", &e.approximate())?;
        map.serialize_entry("similarity", &round(f64::from(e.similarity), 4))?;
        map.serialize_entry("old", &e.old.zip(old).map(|(i, p)| Side(i, p)))?;
        map.serialize_entry("new", &e.new.zip(new).map(|(j, p)| Side(j, p)))?;
        let titles_differ = match (old, new) {
            (Some(o), Some(n)) => o.title != n.title,
            _ => false,
        };
        if titles_differ {
            map.serialize_entry("title_ops", &Ops(view.title(e)))?;
        }
        map.serialize_entry("ops", &Ops(view.body(e)))?;
        map.end()
    }
}

struct Side<'a>(usize, &'a Provision);

impl Serialize for Side<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("index", &self.0)?;
        map.serialize_entry("locator", &self.1.locator)?;
        map.serialize_entry("title", &self.1.title)?;
        map.serialize_entry("line", &self.1.line)?;
        map.end()
    }
}

struct Ops<'a>(Vec<(OpTag, &'a str)>);

impl Serialize for Ops<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for &(tag, text) in &self.0 {
            seq.serialize_element(&OpJson {
                op: tag.name(),
                text,
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct OpJson<'a> {
    op: &'static str,
    text: &'a str,
}
