//! Loading: read bytes, refuse what is not text, pick the format, and hand
//! the text to the segmenter or the XML reader.

use std::io::Read;
use std::path::Path;

use crate::redline::error::{RedlineError, line_column};
use crate::redline::model::{Document, InputFormat};
use crate::redline::segment::{Rules, segment};
use crate::redline::{RedlineOptions, parallel, tota};

/// Reads and segments a file. The size limit is checked before reading, so
/// an oversized input costs nothing.
pub fn load_document(path: &Path, opts: &RedlineOptions) -> Result<Document, RedlineError> {
    let io_error = |source| RedlineError::Io {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io_error)?;
    let size = file.metadata().map_err(io_error)?.len();
    let limit = max_bytes(opts);
    if size > limit {
        return Err(RedlineError::TooLarge {
            path: path.to_owned(),
            size,
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize + 1);
    // `take` guards against a file that grows while we read it.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    parse_document(path, &bytes, opts)
}

/// Loads OLD and NEW, both at once on two threads when they are large.
pub fn load_pair(
    old: &Path,
    new: &Path,
    opts: &RedlineOptions,
) -> Result<(Document, Document), RedlineError> {
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len() as usize);
    let parallel = parallel::threads(opts.threads, size(old) + size(new)) > 1;
    let (old, new) = parallel::join(
        parallel,
        || load_document(old, opts),
        || load_document(new, opts),
    );
    Ok((old?, new?))
}

/// Segments bytes already in memory; `path` names them in errors and output
/// and its extension guides format detection.
pub fn parse_document(
    path: &Path,
    bytes: &[u8],
    opts: &RedlineOptions,
) -> Result<Document, RedlineError> {
    let limit = max_bytes(opts);
    if bytes.len() as u64 > limit {
        return Err(RedlineError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit,
        });
    }
    let text = check_text(path, bytes)?;
    let name = path.display().to_string();
    let format = match opts.input_format {
        InputFormat::Auto => detect_format(path, text),
        forced => forced,
    };
    if let Some(regex) = &opts.split
        && format != InputFormat::Tota
    {
        return Ok(segment(&name, text, Rules::Custom(regex)));
    }
    match format {
        InputFormat::Tota => tota::parse(path, &name, text),
        InputFormat::Markdown => Ok(segment(&name, text, Rules::Markdown)),
        InputFormat::Text | InputFormat::Auto => Ok(segment(&name, text, Rules::Text)),
    }
}

/// The size limit in force: word operations store byte offsets as `u32`,
/// so no limit goes past 4 GiB.
fn max_bytes(opts: &RedlineOptions) -> u64 {
    opts.max_input_bytes.min(u64::from(u32::MAX))
}

/// Refuses binary data, invalid UTF-8 and empty files; strips a BOM.
fn check_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, RedlineError> {
    // NUL never occurs in text and almost always in binaries; checking the
    // whole input costs a memchr pass.
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(RedlineError::Binary {
            path: path.to_owned(),
            offset: offset as u64,
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.valid_up_to();
            let (line, column) = line_column(bytes, offset);
            return Err(RedlineError::InvalidUtf8 {
                path: path.to_owned(),
                offset: offset as u64,
                line,
                column,
            });
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(RedlineError::Empty {
            path: path.to_owned(),
        });
    }
    Ok(text)
}

/// Extension first (`.xml`, `.md`, `.txt`), then content: an XML prolog or
/// a `<treaty>` root means ToTA, an ATX heading line means Markdown.
pub fn detect_format(path: &Path, text: &str) -> InputFormat {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("xml") => return InputFormat::Tota,
        Some("md" | "markdown") => return InputFormat::Markdown,
        _ => {}
    }
    let head = text.trim_start();
    if head.starts_with("<?xml") || head.starts_with("<treaty") {
        return InputFormat::Tota;
    }
    if ext.as_deref() == Some("txt") {
        return InputFormat::Text;
    }
    let looks_markdown = text.lines().take(2000).any(|line| {
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t'])
    });
    if looks_markdown {
        InputFormat::Markdown
    } else {
        InputFormat::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8]) -> Result<Document, RedlineError> {
        parse_document(Path::new("x.txt"), bytes, &RedlineOptions::default())
    }

    #[test]
    fn refuses_binary_invalid_and_empty() {
        assert!(matches!(
            parse(b"abc\0def"),
            Err(RedlineError::Binary { offset: 3, .. })
        ));
        match parse(b"line one\nab\xffcd") {
            Err(RedlineError::InvalidUtf8 {
                offset,
                line,
                column,
                ..
            }) => assert_eq!((offset, line, column), (11, 2, 3)),
            other => panic!("{other:?}"),
        }
        assert!(matches!(parse(b""), Err(RedlineError::Empty { .. })));
        assert!(matches!(parse(b" \n\t\n"), Err(RedlineError::Empty { .. })));
    }

    #[test]
    fn size_limit_is_a_clear_refusal() {
        let opts = RedlineOptions {
            max_input_bytes: 4,
            ..RedlineOptions::default()
        };
        let err = parse_document(Path::new("big.txt"), b"12345", &opts).unwrap_err();
        assert!(
            err.to_string().contains("over the limit of 4 bytes"),
            "{err}"
        );
    }

    #[test]
    fn detects_formats() {
        use InputFormat::*;
        assert_eq!(detect_format(Path::new("a.xml"), "x"), Tota);
        assert_eq!(
            detect_format(Path::new("a"), "  <?xml version='1.0'?><treaty/>"),
            Tota
        );
        assert_eq!(detect_format(Path::new("a.MD"), "x"), Markdown);
        assert_eq!(
            detect_format(Path::new("a"), "intro\n## Article 1\n"),
            Markdown
        );
        assert_eq!(detect_format(Path::new("a.txt"), "## Article 1\n"), Text);
        assert_eq!(
            detect_format(Path::new("a"), "#hashtag\nARTICLE 1: X\n"),
            Text
        );
    }
}
