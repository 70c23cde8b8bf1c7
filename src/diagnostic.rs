//! Located problems in input files, rendered the way compilers do:
//!
//! ```text
//! error: unknown actor `talibn`
//!   --> agreements/x.toml:12:15
//!    |
//! 12 | obligors = ["talibn"]
//!    |             ^^^^^^^^
//!    = hint: did you mean `taliban`?
//! ```

use std::fmt;
use std::ops::Range;

use crate::escape;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// A position in a file, 1-based, with the text of its line for the snippet.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    /// The whole source line the problem is on (without its newline).
    pub line_text: String,
    /// How many characters of `line_text` to underline, from `column`.
    pub width: usize,
}

impl Location {
    /// Locates a byte range of `text`. Columns count characters, not bytes.
    pub fn of_span(text: &str, span: Range<usize>) -> Self {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = text[..start].bytes().filter(|&b| b == b'\n').count() + 1;
        let column = text[line_start..start].chars().count() + 1;
        let underline_end = end.min(line_end);
        let width = text[start..underline_end].chars().count().max(1);
        let line_text = text[line_start..line_end]
            .trim_end_matches('\r')
            .to_string();
        Self {
            line,
            column,
            line_text,
            width,
        }
    }

    /// Locates a 1-based line and column (as serde_json reports them).
    pub fn of_line_column(text: &str, line: usize, column: usize) -> Self {
        let line_text = text
            .split('\n')
            .nth(line.saturating_sub(1))
            .unwrap_or("")
            .trim_end_matches('\r')
            .to_string();
        Self {
            line: line.max(1),
            column: column.max(1),
            line_text,
            width: 1,
        }
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as the user named it, or `agreements/NAME` for bundled data.
    pub file: String,
    /// Boxed: most diagnostics travel through `Result`s, which stay small.
    pub location: Option<Box<Location>>,
    pub message: String,
    pub hint: Option<String>,
    /// True for problems in the bundled data rather than the user's files.
    pub in_bundled_data: bool,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            file: file.into(),
            location: None,
            message: message.into(),
            hint: None,
            in_bundled_data: false,
        }
    }

    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(file, message)
        }
    }

    pub fn at(mut self, location: Option<Location>) -> Self {
        self.location = location.map(Box::new);
        self
    }

    pub fn in_bundled(mut self, bundled: bool) -> Self {
        self.in_bundled_data = bundled;
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Sort key: file, then position, then message, so output is stable.
    pub fn sort_key(&self) -> (String, usize, usize, String) {
        let (line, column) = self
            .location
            .as_ref()
            .map_or((0, 0), |l| (l.line, l.column));
        (self.file.clone(), line, column, self.message.clone())
    }
}

impl fmt::Display for Diagnostic {
    /// Renders the diagnostic; every piece of file content is passed through
    /// the terminal escaper, since hostile files must not reach the terminal raw.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{label}: {}", escape::terminal(&self.message, false))?;
        let file = escape::terminal(&self.file, false);
        match &self.location {
            Some(loc) => {
                let number = loc.line.to_string();
                let pad = " ".repeat(number.len());
                writeln!(f, "{pad}--> {file}:{}:{}", loc.line, loc.column)?;
                writeln!(f, "{pad} |")?;
                let shown = snippet(&loc.line_text);
                writeln!(f, "{number} | {shown}")?;
                let before: String = loc
                    .line_text
                    .chars()
                    .take(loc.column.saturating_sub(1))
                    .collect();
                let indent = snippet(&before).chars().count();
                if indent < 200 {
                    let width = loc.width.clamp(1, 200usize.saturating_sub(indent).max(1));
                    writeln!(f, "{pad} | {}{}", " ".repeat(indent), "^".repeat(width))?;
                }
                if let Some(hint) = &self.hint {
                    writeln!(f, "{pad} = hint: {}", escape::terminal(hint, false))?;
                }
            }
            None => {
                writeln!(f, "  --> {file}")?;
                if let Some(hint) = &self.hint {
                    writeln!(f, "   = hint: {}", escape::terminal(hint, false))?;
                }
            }
        }
        Ok(())
    }
}

/// A source line made safe and short enough to print.
fn snippet(line: &str) -> String {
    let shown: String = line.chars().take(200).collect();
    let mut out = escape::terminal(&shown.replace('\t', " "), false).into_owned();
    if line.chars().count() > 200 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_spans_by_line_and_character_column() {
        let text = "a = 1\nbé = \"x\"\n";
        let start = text.find("\"x\"").unwrap();
        let loc = Location::of_span(text, start..start + 3);
        assert_eq!((loc.line, loc.column, loc.width), (2, 6, 3));
        assert_eq!(loc.line_text, "bé = \"x\"");
    }

    #[test]
    fn renders_file_line_column_snippet_and_hint() {
        let text = "obligors = [\"talibn\"]\n";
        let d = Diagnostic::error("x.toml", "unknown actor `talibn`")
            .at(Some(Location::of_span(text, 12..20)))
            .with_hint("did you mean `taliban`?");
        let shown = d.to_string();
        assert!(shown.contains("--> x.toml:1:13"), "{shown}");
        assert!(shown.contains("1 | obligors = [\"talibn\"]"), "{shown}");
        assert!(shown.contains("^^^^^^^^"), "{shown}");
        assert!(shown.contains("hint: did you mean `taliban`?"), "{shown}");
    }
}
