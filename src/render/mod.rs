//! The last stage: turn a command's result into bytes in one output format.
//!
//! Every tabular result becomes a [`Grid`] (title, header, rows, notes), and
//! one function per format renders a grid — so escaping is done in exactly one
//! place per format. JSON output is the exception: each command serialises its
//! own typed result, documented in docs/json.md, because a JSON consumer wants
//! structure, not a table.

mod csv_out;
mod markdown;
mod table;

use std::fmt;

use serde::Serialize;

/// The output formats of the comparison commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// A terminal table fitted to the width.
    #[default]
    Table,
    /// GitHub pipe tables.
    Markdown,
    Csv,
    Json,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Table => "table",
            Self::Markdown => "markdown",
            Self::Csv => "csv",
            Self::Json => "json",
        })
    }
}

/// How to render, decided by the binary from flags and the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    pub format: Format,
    /// Colour in terminal tables (never in files, pipes or with NO_COLOR).
    pub color: bool,
    /// Width to fit terminal tables to.
    pub width: u16,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            format: Format::Table,
            color: false,
            width: 120,
        }
    }
}

/// A cell's emphasis, shown as colour in terminal tables only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Plain,
    /// Something present in one agreement and missing in another.
    Warn,
    /// Missing everywhere: the gap a report should name.
    Alert,
    /// Present and matching.
    Good,
    /// Secondary information (evidence).
    Dim,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub tone: Tone,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            tone: Tone::Plain,
        }
    }

    pub fn toned(text: impl Into<String>, tone: Tone) -> Self {
        Self {
            text: text.into(),
            tone,
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Self::new(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

/// One table of a result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grid {
    pub title: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Lines printed under the table (legends, caveats).
    pub notes: Vec<String>,
    /// A column of running text that terminal tables keep wide (a third of
    /// the width at least), so prose does not wrap word by word.
    pub wide_column: Option<usize>,
}

/// Renders grids in a non-JSON format. CSV output holds the first grid's
/// columns; later grids follow after a blank line with their own header.
pub fn render_grids(grids: &[Grid], options: &RenderOptions) -> String {
    let mut out = String::new();
    for (i, grid) in grids.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match options.format {
            Format::Table => table::render(grid, options, &mut out),
            Format::Markdown => markdown::render(grid, &mut out),
            Format::Csv | Format::Json => csv_out::render(grid, &mut out),
        }
    }
    out
}

/// Serialises a result as pretty JSON with a trailing newline.
pub fn to_json<T: Serialize>(value: &T) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|err| {
        // Our result types serialise infallibly (no maps with non-string keys);
        // keep the output valid JSON even so.
        format!("{{\"error\": {:?}}}", err.to_string())
    });
    text.push('\n');
    text
}
