//! Property: loading and checking arbitrary bytes never panics, and anything
//! that is not a valid agreement yields at least one error naming the file.

use clausediff::load::{Inputs, load};
use clausediff::validate::validate;
use proptest::prelude::*;

fn check_bytes(name: &str, bytes: &[u8]) -> Vec<clausediff::diagnostic::Diagnostic> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let loaded = load(&Inputs {
        paths: vec![path],
        ..Inputs::default()
    });
    let mut diagnostics = loaded.diagnostics;
    diagnostics.extend(validate(&loaded.catalog));
    // Rendering is part of `check`: it must not panic either.
    for d in &diagnostics {
        let _ = d.to_string();
    }
    // Only this file's errors count: the bundled data is checked elsewhere.
    diagnostics
        .into_iter()
        .filter(|d| d.is_error() && d.file.ends_with(name))
        .collect()
}

/// Strings built from the characters TOML and JSON care about, so the
/// parsers see near-miss documents, not only noise.
fn structured_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("id = ".to_string()),
            Just("[[clause]]\n".to_string()),
            Just("\"".to_string()),
            Just("{".to_string()),
            Just("}".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just(",".to_string()),
            Just(":".to_string()),
            Just("\n".to_string()),
            Just("\\u00".to_string()),
            Just("2020-02-30".to_string()),
            "[a-z_]{1,8}".prop_map(|s| s),
            any::<char>().prop_map(|c| c.to_string()),
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let errors = check_bytes("x.toml", &bytes);
        prop_assert!(!errors.is_empty());
    }

    #[test]
    fn near_miss_toml_never_panics(text in structured_text()) {
        let errors = check_bytes("y.toml", text.as_bytes());
        prop_assert!(!errors.is_empty());
    }

    #[test]
    fn near_miss_json_never_panics(text in structured_text()) {
        let errors = check_bytes("z.json", text.as_bytes());
        prop_assert!(!errors.is_empty());
    }
}
