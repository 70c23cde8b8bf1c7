//! Hostile clause text — pipes, newlines, formula starts, ANSI escapes,
//! markup — cannot break any output format.

use std::path::PathBuf;
use std::time::Duration;

use assert_cmd::Command;

const HOSTILE_LOCATOR: &str =
    "=HYPERLINK(\"http://x\") | pipe\nnew line \u{1b}[31mred\u{1b}[0m <b>bold</b>";

/// A user agreement whose text fields carry every hostile sequence.
fn hostile_agreement(dir: &std::path::Path) -> PathBuf {
    let text = format!(
        r#"id = "hostile"
title = "+SUM(A1) title | with pipe"
short_title = "@Hostile | 2030"
status = "proposed"
date = "2030-01-01"
parties = [{{ actor = "afg", role = "party" }}, {{ actor = "pak", role = "party" }}]

[[sources]]
id = "s"
title = "-fixture"

[[clause]]
id = "c1"
locator = "{locator}"
text = "=cmd|' /C calc'!A0 | and\nnewline \u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\ <script>alert(1)</script>"
kind = "commitment"
obligors = ["afg", "pak"]
reciprocal = true
topics = ["counter-terrorism", "human-rights"]
groups = ["ttp"]
territory = {{ description = "-each | state\nterritory \u001b[2J" }}
enforcement = {{ kind = "none" }}
monitoring = {{ kind = "none" }}
certainty = "verified"
sources = ["s"]
"#,
        locator = toml_escape(HOSTILE_LOCATOR)
    );
    let path = dir.join("hostile.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn toml_escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
        .replace('\u{1b}', "\\u001b")
}

fn run(args: &[&str], file: &std::path::Path) -> String {
    let out = Command::cargo_bin("clausediff")
        .unwrap()
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(30))
        .args(args)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn commands() -> Vec<Vec<&'static str>> {
    vec![
        vec!["gaps", "doha"],
        vec!["diff", "afg-pak-proposal-2026"],
        vec!["matrix", "doha"],
        vec!["show"],
    ]
}

#[test]
fn csv_has_no_formula_cells_and_parses() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_agreement(dir.path());
    for command in commands() {
        let mut args = command.clone();
        args.extend(["--format", "csv"]);
        let text = run(&args, &file);
        assert!(!text.contains('\u{1b}'), "{command:?}: raw ESC in CSV");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut cells = 0;
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                cells += 1;
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{command:?}: formula-like cell {cell:?}"
                );
            }
        }
        assert!(cells > 0);
    }
}

#[test]
fn markdown_cells_stay_in_their_columns() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_agreement(dir.path());
    for command in commands() {
        let mut args = command.clone();
        args.extend(["--format", "markdown"]);
        let text = run(&args, &file);
        assert!(!text.contains('\u{1b}'), "{command:?}: raw ESC in Markdown");
        assert!(
            !text.contains("<script>") && !text.contains("<b>"),
            "{command:?}: raw markup"
        );
        let mut columns = None;
        for line in text.lines() {
            if line.starts_with('|') {
                // Count the cell separators that are not escaped.
                let separators = line
                    .replace("\\\\", "")
                    .replace("\\|", "")
                    .matches('|')
                    .count();
                match columns {
                    None => columns = Some(separators),
                    Some(n) => assert_eq!(separators, n, "{command:?}: broken row {line}"),
                }
            } else if line.is_empty() || line.starts_with("###") {
                columns = None;
            }
        }
    }
}

#[test]
fn terminal_tables_carry_no_control_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_agreement(dir.path());
    for command in commands() {
        let text = run(&command, &file);
        assert!(
            !text.contains('\u{1b}'),
            "{command:?}: raw ESC in table output"
        );
        if command[0] != "matrix" {
            // The matrix shows no locators or texts; the others do.
            assert!(
                text.contains("\\u{1b}"),
                "{command:?}: the escape should be shown, not dropped"
            );
        }
    }
}

#[test]
fn json_keeps_the_text_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_agreement(dir.path());
    let text = run(&["show", "--format", "json"], &file);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["clause"][0]["locator"], HOSTILE_LOCATOR);
    for command in commands() {
        let mut args = command.clone();
        args.extend(["--format", "json"]);
        let text = run(&args, &file);
        assert!(
            !text.contains('\u{1b}'),
            "{command:?}: JSON escapes control characters"
        );
        serde_json::from_str::<serde_json::Value>(&text).unwrap();
    }
}
