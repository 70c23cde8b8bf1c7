//! `clausediff check`: every error class gives a located message and exit 2;
//! hostile files give a clear error naming the file, quickly, with no crash.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn clausediff() -> Command {
    let mut cmd = Command::cargo_bin("clausediff").unwrap();
    cmd.env("NO_COLOR", "1").timeout(Duration::from_secs(30));
    cmd
}

/// Runs `check PATH` and returns (exit code, stderr).
fn check(path: &Path) -> (i32, String) {
    let out = clausediff().arg("check").arg(path).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Asserts that `check` fails on the fixture with `message` located at
/// `file:line:column`, and shows the offending snippet.
fn assert_located(name: &str, line_col: &str, message: &str, snippet: &str) {
    let path = fixture(&format!("check/{name}"));
    let (code, stderr) = check(&path);
    assert_eq!(code, 2, "{name}: expected exit 2\n{stderr}");
    let location = format!("{}:{line_col}", path.display());
    let at = stderr
        .find(&location)
        .unwrap_or_else(|| panic!("{name}: no `{location}` in\n{stderr}"));
    let before = &stderr[..at];
    let header = before
        .rfind("error: ")
        .expect("an error line before the location");
    assert!(
        before[header..].contains(message),
        "{name}: expected `{message}` in\n{}",
        &stderr[header..]
    );
    assert!(
        stderr[at..].contains(snippet),
        "{name}: expected snippet `{snippet}` in\n{stderr}"
    );
}

#[test]
fn bundled_agreements_check_clean() {
    let out = clausediff().arg("check").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains(" 0 errors"), "{stderr}");
    assert!(!stderr.contains("error:"), "{stderr}");
}

#[test]
fn valid_user_files_check_clean_in_toml_and_json() {
    for name in ["valid/mini-accord.toml", "valid/mini-json.json"] {
        let (code, stderr) = check(&fixture(name));
        assert_eq!(code, 0, "{name}\n{stderr}");
    }
    let out = clausediff()
        .arg("check")
        .arg(fixture("valid"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("(7 agreements)"),
        "two user agreements besides the five bundled: {stderr}"
    );
}

#[test]
fn toml_syntax_error_is_located() {
    assert_located(
        "syntax-error.toml",
        "20:21",
        "invalid basic string",
        "locator = \"Section 1",
    );
}

#[test]
fn wrong_type_is_located() {
    assert_located(
        "wrong-type.toml",
        "24:14",
        "invalid type: string \"yes\", expected a boolean",
        "^^^^^",
    );
}

#[test]
fn unknown_key_is_located_and_lists_the_keys() {
    assert_located(
        "unknown-key.toml",
        "39:1",
        "unknown field `obligor`, expected one of",
        "obligor = [\"afg\"]",
    );
}

#[test]
fn unknown_ids_are_located_with_suggestions() {
    assert_located(
        "unknown-actor.toml",
        "23:20",
        "unknown actor `pakistn`",
        "\"pakistn\"",
    );
    assert_located(
        "unknown-group.toml",
        "26:11",
        "unknown armed group `ttpp`",
        "did you mean `ttp`?",
    );
    assert_located(
        "unknown-topic.toml",
        "25:11",
        "unknown topic `counter-terror`",
        "did you mean `counter-terrorism`?",
    );
}

#[test]
fn duplicate_clause_id_is_located() {
    assert_located(
        "duplicate-clause-id.toml",
        "35:6",
        "duplicate clause id `c1`",
        "id = \"c1\"",
    );
}

#[test]
fn dangling_clause_reference_is_located() {
    assert_located(
        "dangling-reference.toml",
        "42:55",
        "refers to clause `c9`",
        "did you mean `c1`?",
    );
}

#[test]
fn impossible_date_is_located() {
    assert_located(
        "impossible-date.toml",
        "7:8",
        "2030-02-30 is not a real calendar date",
        "date = \"2030-02-30\"",
    );
}

#[test]
fn empty_text_is_located() {
    assert_located(
        "empty-text.toml",
        "21:8",
        "clause `c1` has empty text",
        "text = \"  \"",
    );
}

#[test]
fn json_duplicate_keys_and_trailing_garbage_are_located() {
    assert_located(
        "duplicate-key.json",
        "6:27",
        "duplicate field `title`",
        "\"title\": \"first\"",
    );
    assert_located(
        "trailing-garbage.json",
        "103:1",
        "trailing characters",
        "} extra garbage",
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let out = clausediff()
        .arg("check")
        .arg(fixture("check/unknown-group.toml"))
        .arg(fixture("check/unknown-topic.toml"))
        .arg(fixture("check/empty-text.toml"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    for needle in [
        "unknown armed group `ttpp`",
        "unknown topic `counter-terror`",
        "has empty text",
        "3 errors",
    ] {
        assert!(stderr.contains(needle), "missing `{needle}` in\n{stderr}");
    }
}

#[test]
fn commitment_without_enforcement_or_monitoring_is_a_warning_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("valid/mini-accord.toml"))
        .unwrap()
        .replace(
            "enforcement = { kind = \"none\", penalty = { kind = \"none\" } }\n",
            "",
        )
        .replace("monitoring = { kind = \"third_party_unspecified\" }\n", "");
    let path = dir.path().join("silent.toml");
    std::fs::write(&path, text).unwrap();
    let (code, stderr) = check(&path);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: commitment `c1` does not state its enforcement"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: commitment `c1` does not state who monitors it"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{}:19:6", path.display())),
        "{stderr}"
    );
}

/// Writes a hostile file, checks it, and asserts a quick, clean failure that
/// names the file and says what is wrong.
fn assert_hostile(name: &str, bytes: &[u8], expected: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let started = Instant::now();
    let (code, stderr) = check(&path);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{name} took {:?}",
        started.elapsed()
    );
    assert_eq!(code, 2, "{name}\n{stderr}");
    assert!(
        stderr.contains(&path.display().to_string()),
        "{name}: file not named in\n{stderr}"
    );
    assert!(
        stderr.contains(expected),
        "{name}: expected `{expected}` in\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn hostile_files_fail_cleanly() {
    assert_hostile("empty.toml", b"", "file is empty");
    assert_hostile("blank.json", b"  \n\t\n", "file is empty");
    assert_hostile(
        "latin1.toml",
        b"id = \"caf\xe9\"\n",
        "invalid UTF-8 at byte offset 9",
    );
    assert_hostile("nul.toml", b"id = \"a\0b\"\n", "NUL byte at byte offset 7");
    let deep_toml = format!("a = {}{}", "[".repeat(20_000), "]".repeat(20_000));
    assert_hostile("deep.toml", deep_toml.as_bytes(), "recursion");
    let deep_json = format!("{{\"id\": {}{}}}", "[".repeat(20_000), "]".repeat(20_000));
    assert_hostile(
        "deep.json",
        deep_json.as_bytes(),
        "recursion limit exceeded",
    );
    assert_hostile("dup.toml", b"id = \"a\"\nid = \"b\"\n", "duplicate key");
}

#[test]
fn a_60_megabyte_random_file_is_refused_quickly() {
    // A cheap deterministic generator: the content only has to be arbitrary.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes: Vec<u8> = (0..60 * 1024 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    assert_hostile("random.toml", &bytes, "larger than 8 MiB");
}

#[test]
fn a_missing_path_is_named() {
    let (code, stderr) = check(Path::new("/nonexistent/clausediff/agreement.toml"));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("/nonexistent/clausediff/agreement.toml"),
        "{stderr}"
    );
    assert!(stderr.contains("no such file or folder"), "{stderr}");
}

#[test]
fn terminal_control_sequences_in_files_are_not_echoed_raw() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ansi.toml");
    std::fs::write(&path, "id = \"\x1b[31mred\x1b[0m\"\nbogus = 1\n").unwrap();
    let (code, stderr) = check(&path);
    assert_eq!(code, 2);
    assert!(!stderr.contains('\x1b'), "raw escape in {stderr:?}");
}
