//! Bad input gives a clear, located error naming the file — never a panic.

use std::io::Write;
use std::time::Duration;

use clausediff::redline::{self, Document, InputFormat, Provision, RedlineError, RedlineOptions};

fn file(bytes: &[u8], suffix: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(suffix).tempfile().unwrap();
    f.write_all(bytes).unwrap();
    f.flush().unwrap();
    f
}

fn load(bytes: &[u8], suffix: &str) -> Result<Document, RedlineError> {
    let f = file(bytes, suffix);
    redline::load_document(f.path(), &RedlineOptions::default())
}

#[test]
fn binary_files_are_refused_with_the_offset() {
    let err = load(b"ARTICLE 1: X\nsome text\0\x01\x02", ".txt").unwrap_err();
    assert!(
        matches!(err, RedlineError::Binary { offset: 22, .. }),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(message.contains("NUL byte at byte offset 22"), "{message}");
    assert!(message.contains(".txt"), "names the file: {message}");
}

#[test]
fn invalid_utf8_reports_byte_offset_line_and_column() {
    let err = load(
        "ARTICLE 1: Préambule\nabc\u{e9}"
            .as_bytes()
            .iter()
            .copied()
            .chain([0xff, b'x'])
            .collect::<Vec<_>>()
            .as_slice(),
        ".txt",
    )
    .unwrap_err();
    match &err {
        RedlineError::InvalidUtf8 {
            offset,
            line,
            column,
            ..
        } => {
            assert_eq!((*offset, *line, *column), (27, 2, 5));
        }
        other => panic!("{other:?}"),
    }
    assert!(
        err.to_string()
            .contains("byte offset 27 (line 2, column 5)"),
        "{err}"
    );
}

#[test]
fn empty_and_blank_files_are_refused() {
    assert!(matches!(load(b"", ".txt"), Err(RedlineError::Empty { .. })));
    assert!(matches!(
        load(b"\n \t\r\n", ".md"),
        Err(RedlineError::Empty { .. })
    ));
    assert!(matches!(
        load("\u{feff}".as_bytes(), ".txt"),
        Err(RedlineError::Empty { .. })
    ));
}

#[test]
fn text_without_headings_is_one_provision() {
    let doc = load(b"Just a letter.\nNo articles here.\n", ".txt").unwrap();
    assert_eq!(doc.provisions.len(), 1);
    assert_eq!(doc.provisions[0].body, "Just a letter.\nNo articles here.");
    let other = load(b"Just a letter.\nNo articles there.\n", ".txt").unwrap();
    let r = redline::redline(&doc, &other, &RedlineOptions::default());
    assert_eq!((r.summary.changed, r.summary.unchanged), (1, 0));
}

#[test]
fn oversized_inputs_are_refused_before_reading() {
    // A sparse 200 MB file of NUL bytes: refused for its size, so it was
    // never read (reading it would have found a NUL byte).
    let f = tempfile::NamedTempFile::new().unwrap();
    f.as_file().set_len(200 * 1024 * 1024).unwrap();
    let started = std::time::Instant::now();
    let err = redline::load_document(f.path(), &RedlineOptions::default()).unwrap_err();
    assert!(
        matches!(
            err,
            RedlineError::TooLarge {
                size: 209_715_200,
                limit: 134_217_728,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("over the limit"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_100_mb_input_is_accepted_by_default() {
    // 100 MB is under the default limit: it is read (and here refused for
    // its NUL bytes, which proves it was read), not refused for its size.
    let f = tempfile::NamedTempFile::new().unwrap();
    f.as_file().set_len(100 * 1024 * 1024).unwrap();
    let err = redline::load_document(f.path(), &RedlineOptions::default()).unwrap_err();
    assert!(
        matches!(err, RedlineError::Binary { offset: 0, .. }),
        "{err:?}"
    );
}

#[test]
fn malformed_xml_is_located() {
    let xml = b"<?xml version=\"1.0\"?>\n<treaty><body>\n<chapter number=\"1\">\n<article number=\"1.1\">text</chapter>\n</body></treaty>";
    let err = load(xml, ".xml").unwrap_err();
    match &err {
        RedlineError::Xml { line, .. } => assert_eq!(*line, 4, "{err}"),
        other => panic!("{other:?}"),
    }
    let message = err.to_string();
    assert!(message.contains(".xml:4:"), "path:line:column: {message}");
    assert!(message.contains("malformed XML"), "{message}");

    let truncated = load(b"<treaty><body><chapter name=\"x\"><article>abc", ".xml").unwrap_err();
    assert!(
        matches!(truncated, RedlineError::Xml { .. }),
        "{truncated:?}"
    );
    let entity = load(
        b"<treaty><body><chapter><article>&bogus;</article></chapter></body></treaty>",
        ".xml",
    )
    .unwrap_err();
    assert!(
        entity.to_string().contains("unknown entity &bogus;"),
        "{entity}"
    );
}

#[test]
fn xml_that_is_not_tota_is_refused() {
    let err = load(b"<html><body>hi</body></html>", ".xml").unwrap_err();
    assert!(matches!(err, RedlineError::NotTota { .. }), "{err:?}");
    assert!(err.to_string().contains("expected <treaty>"), "{err}");
}

#[test]
fn missing_files_and_directories_are_io_errors() {
    let opts = RedlineOptions::default();
    let err = redline::load_document("/nonexistent/agreement.txt".as_ref(), &opts).unwrap_err();
    assert!(matches!(err, RedlineError::Io { .. }));
    assert!(
        err.to_string()
            .starts_with("/nonexistent/agreement.txt: cannot read"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        redline::load_document(dir.path(), &opts),
        Err(RedlineError::Io { .. })
    ));
}

#[test]
fn forced_formats_are_obeyed() {
    let f = file(b"# Title\n## Article 1: A\ntext\n", ".txt");
    let as_text = redline::load_document(f.path(), &RedlineOptions::default()).unwrap();
    assert_eq!(
        as_text.provisions.len(),
        1,
        "a .txt file is plain text: '#' lines are not headings"
    );
    let opts = RedlineOptions {
        input_format: InputFormat::Markdown,
        ..RedlineOptions::default()
    };
    let as_md = redline::load_document(f.path(), &opts).unwrap();
    assert_eq!(as_md.provisions.len(), 2);
    let opts = RedlineOptions {
        input_format: InputFormat::Tota,
        ..RedlineOptions::default()
    };
    assert!(matches!(
        redline::load_document(f.path(), &opts),
        Err(RedlineError::Xml { .. } | RedlineError::NotTota { .. })
    ));
}

#[test]
fn expired_deadlines_give_approximate_but_valid_redlines() {
    // Very different long texts with no time at all: the result is marked
    // approximate and still rebuilds both texts.
    let words = |seed: u64, n: usize| -> String {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                format!("w{}", x % 300)
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let doc = |body: String| Document {
        name: "x".into(),
        provisions: vec![Provision {
            locator: "Whole text".into(),
            body,
            ..Provision::default()
        }],
        ..Document::default()
    };
    let (old, new) = (doc(words(1, 20_000)), doc(words(2, 20_000)));
    let opts = RedlineOptions {
        word_timeout: Duration::ZERO,
        ..RedlineOptions::default()
    };
    let r = redline::redline(&old, &new, &opts);
    assert_eq!(r.summary.approximate, 1);
    assert!(r.entries[0].approximate());
    let rebuilt: String = r.entries[0]
        .body
        .ops
        .iter()
        .filter(|w| w.tag != redline::OpTag::Delete)
        .map(|w| w.text(&old.provisions[0].body, &new.provisions[0].body))
        .collect();
    assert_eq!(rebuilt, new.provisions[0].body);
    let mut out = Vec::new();
    redline::render(&r, &old, &new, redline::Format::Terminal, &mut out, false).unwrap();
    assert!(String::from_utf8(out).unwrap().contains("approximate"));
}

#[test]
fn large_input_without_headings_finishes() {
    // A 4 MB single provision with scattered edits: bounded work through
    // the line-level diff, no timeout needed.
    let line = |k: usize| {
        format!("Paragraph {k}: the Parties shall cooperate on matter {k} in good faith.\n")
    };
    let old: String = (0..60_000).map(line).collect();
    let new = old
        .replace("matter 1000 ", "subject 1000 ")
        .replace("matter 45000 ", "subject 45000 ");
    let (a, b) = (file(old.as_bytes(), ".txt"), file(new.as_bytes(), ".txt"));
    let opts = RedlineOptions::default();
    let (old, new) = redline::load_pair(a.path(), b.path(), &opts).unwrap();
    let r = redline::redline(&old, &new, &opts);
    assert_eq!((r.summary.changed, r.summary.approximate), (1, 0));
    let inserted: Vec<_> = r.entries[0]
        .body
        .ops
        .iter()
        .filter(|w| w.tag == redline::OpTag::Insert)
        .map(|w| w.text(&old.provisions[0].body, &new.provisions[0].body))
        .collect();
    assert_eq!(inserted, ["subject", "subject"]);
}
