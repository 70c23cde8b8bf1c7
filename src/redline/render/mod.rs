//! One renderer per output format. Renderers only read the redline and the
//! two documents, write to the given writer, and escape every piece of data
//! with `crate::escape`.

mod html;
mod json;
mod markdown;
mod terminal;

use std::io::{self, BufWriter, Write};

use crate::redline::model::{Document, Entry, OpTag, Provision, Redline, Status, TextDiff};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text with `[-deleted-]{+inserted+}` markers, or colours.
    Terminal,
    /// Markdown with `<del>`/`<ins>`.
    Markdown,
    /// A self-contained HTML page (inline CSS, no scripts, no requests).
    Html,
    /// Machine-readable; enough to rebuild both texts.
    Json,
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "terminal" | "text" => Ok(Format::Terminal),
            "markdown" | "md" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            "json" => Ok(Format::Json),
            other => Err(format!(
                "unknown output format {other:?} (expected terminal, markdown, html or json)"
            )),
        }
    }
}

/// Writes `redline` (computed from `old` and `new`) in `format`. `color`
/// applies to the terminal format only. Output is buffered here, so any
/// writer will do.
pub fn render(
    redline: &Redline,
    old: &Document,
    new: &Document,
    format: Format,
    out: &mut dyn Write,
    color: bool,
) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(64 * 1024, out);
    let view = View { redline, old, new };
    match format {
        Format::Terminal => terminal::write(&view, &mut out, color)?,
        Format::Markdown => markdown::write(&view, &mut out)?,
        Format::Html => html::write(&view, &mut out)?,
        Format::Json => json::write(&view, &mut out)?,
    }
    out.flush()
}

/// What every renderer reads.
pub(crate) struct View<'a> {
    pub redline: &'a Redline,
    pub old: &'a Document,
    pub new: &'a Document,
}

impl<'a> View<'a> {
    pub fn old_provision(&self, entry: &Entry) -> Option<&'a Provision> {
        entry.old.map(|i| &self.old.provisions[i])
    }

    pub fn new_provision(&self, entry: &Entry) -> Option<&'a Provision> {
        entry.new.map(|j| &self.new.provisions[j])
    }

    /// The provision to name an entry by: the new one, else the old one.
    pub fn shown(&self, entry: &Entry) -> &'a Provision {
        self.new_provision(entry)
            .or_else(|| self.old_provision(entry))
            .expect("an entry has at least one side")
    }

    /// The pieces of an entry's body, in order.
    pub fn body(&self, entry: &Entry) -> Vec<(OpTag, &'a str)> {
        self.pieces(entry, &entry.body, |p| &p.body)
    }

    /// The pieces of an entry's title, in order. A one-sided entry's title
    /// is plain: its status already says it was added or removed.
    pub fn title(&self, entry: &Entry) -> Vec<(OpTag, &'a str)> {
        let mut pieces = self.pieces(entry, &entry.title, |p| &p.title);
        if entry.old.is_none() || entry.new.is_none() {
            for piece in &mut pieces {
                piece.0 = OpTag::Equal;
            }
        }
        pieces
    }

    fn pieces(
        &self,
        entry: &Entry,
        diff: &TextDiff,
        field: fn(&'a Provision) -> &'a String,
    ) -> Vec<(OpTag, &'a str)> {
        let old = self.old_provision(entry).map(|p| field(p).as_str());
        let new = self.new_provision(entry).map(|p| field(p).as_str());
        let whole = |tag, text: &'a str| {
            if text.is_empty() {
                Vec::new()
            } else {
                vec![(tag, text)]
            }
        };
        match (old, new) {
            (Some(_), Some(n)) if diff.ops.is_empty() => whole(OpTag::Equal, n),
            (Some(o), Some(n)) => diff.ops.iter().map(|op| (op.tag, op.text(o, n))).collect(),
            (Some(o), None) => whole(OpTag::Delete, o),
            (None, Some(n)) => whole(OpTag::Insert, n),
            (None, None) => Vec::new(),
        }
    }

    /// The pieces people read: whitespace-only deletions and insertions
    /// (re-wrapped lines) are not changes, so the new whitespace shows as
    /// plain text and the old is dropped. JSON keeps them all.
    pub fn for_reading(pieces: Vec<(OpTag, &'a str)>) -> Vec<(OpTag, &'a str)> {
        pieces
            .into_iter()
            .filter_map(|(tag, text)| {
                let blank = text.chars().all(char::is_whitespace);
                match tag {
                    OpTag::Delete if blank => None,
                    OpTag::Insert if blank => Some((OpTag::Equal, text)),
                    _ => Some((tag, text)),
                }
            })
            .collect()
    }

    /// Percentage with one decimal, for people: rounded down, so that
    /// 99.96% does not read as a complete 100.0%.
    pub fn reuse_percent(&self) -> String {
        let tenths = (self.redline.summary.text_reuse() * 1000.0).floor() / 10.0;
        format!("{tenths:.1}%")
    }
}

/// Human label of a status.
pub(crate) fn status_label(status: Status) -> &'static str {
    match status {
        Status::Unchanged => "unchanged",
        Status::Changed => "changed",
        Status::Moved => "moved",
        Status::MovedChanged => "moved and changed",
        Status::Added => "added",
        Status::Removed => "removed",
    }
}
