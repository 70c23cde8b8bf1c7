//! Errors from loading a document. Every variant names the file, and where
//! it can, the place in it, so the CLI can print a located message.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RedlineError {
    #[error("{path}: cannot read: {source}", path = path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{path}: file is empty (nothing to compare)", path = path.display())]
    Empty { path: PathBuf },

    #[error(
        "{path}: looks like a binary file (NUL byte at byte offset {offset}); redline compares text",
        path = path.display()
    )]
    Binary { path: PathBuf, offset: u64 },

    #[error(
        "{path}: not valid UTF-8 at byte offset {offset} (line {line}, column {column}); \
         convert the file to UTF-8 first",
        path = path.display()
    )]
    InvalidUtf8 {
        path: PathBuf,
        offset: u64,
        line: usize,
        column: usize,
    },

    #[error(
        "{path}: {size} bytes is over the limit of {limit} bytes per input; \
         split the document",
        path = path.display()
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },

    #[error("{path}:{line}:{column}: malformed XML: {message}", path = path.display())]
    Xml {
        path: PathBuf,
        offset: u64,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("{path}: not a ToTA treaty: {message}", path = path.display())]
    NotTota { path: PathBuf, message: String },
}

impl RedlineError {
    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            RedlineError::Io { path, .. }
            | RedlineError::Empty { path }
            | RedlineError::Binary { path, .. }
            | RedlineError::InvalidUtf8 { path, .. }
            | RedlineError::TooLarge { path, .. }
            | RedlineError::Xml { path, .. }
            | RedlineError::NotTota { path, .. } => path,
        }
    }
}

/// 1-based line and column (in characters) of a byte offset, for messages.
/// Bytes before `offset` need not be valid UTF-8: invalid bytes count as one
/// column each.
pub(crate) fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(bytes.len());
    let before = &bytes[..offset];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters() {
        let text = "ab\ncé\nxyz".as_bytes();
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        // 'é' is two bytes but one column.
        assert_eq!(line_column(text, 6), (2, 3));
        assert_eq!(line_column(text, 8), (3, 2));
    }
}
