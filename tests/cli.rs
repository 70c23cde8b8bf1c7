//! The command line: exit codes, aliases and files, user data overriding
//! bundled data, `-o` writing whole files, and the list/show commands.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

fn clausediff() -> Command {
    let mut cmd = Command::cargo_bin("clausediff").unwrap();
    cmd.env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .timeout(Duration::from_secs(30));
    cmd
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn list_shows_the_five_bundled_agreements_from_any_directory() {
    let dir = tempfile::tempdir().unwrap();
    let text = stdout(
        clausediff()
            .current_dir(dir.path())
            .args(["list", "--format", "csv"]),
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let ids: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "afg-pak-ceasefire-2025",
            "afg-pak-geneva-1988",
            "afg-pak-proposal-2026",
            "us-afghanistan-2020",
            "us-taliban-2020"
        ]
    );
    let table = stdout(
        clausediff()
            .current_dir(dir.path())
            .env("COLUMNS", "400")
            .arg("list"),
    );
    for needle in [
        "doha",
        "Agreement for Bringing Peace to Afghanistan",
        "signed",
        "2020-02-29",
        "proposed",
    ] {
        assert!(table.contains(needle), "{needle} missing in\n{table}");
    }
}

#[test]
fn show_json_is_the_normalised_record() {
    let text = stdout(clausediff().args(["show", "doha", "--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["id"], "us-taliban-2020");
    assert_eq!(value["pax_agt_id"], 2271);
    let clauses = value["clause"].as_array().unwrap();
    assert!(clauses.iter().any(|c| c["id"] == "p1-a1"));
    // Defaults are written out, so "not stated" is explicit in the record.
    assert!(
        clauses
            .iter()
            .all(|c| c["enforcement"]["kind"].is_string() && c["monitoring"]["kind"].is_string())
    );
}

#[test]
fn exit_codes_follow_the_documentation() {
    // 0: success, even when the agreements differ.
    clausediff()
        .args(["gaps", "doha", "afg-pak-proposal-2026"])
        .assert()
        .code(0);
    // 1: differences, with --exit-code.
    clausediff()
        .args(["gaps", "doha", "afg-pak-proposal-2026", "--exit-code"])
        .assert()
        .code(1);
    clausediff()
        .args(["diff", "doha", "us-afghanistan-2020", "--exit-code"])
        .assert()
        .code(1);
    // An agreement against itself has no differences.
    clausediff()
        .args(["diff", "doha", "us-taliban-2020", "--exit-code"])
        .assert()
        .code(0);
    // 2: usage and input errors.
    clausediff().args(["gaps", "doha"]).assert().code(2);
    clausediff()
        .args(["gaps", "doha", "nonesuch"])
        .assert()
        .code(2);
    clausediff()
        .args(["show", "doha", "--format", "yaml"])
        .assert()
        .code(2);
    clausediff().args(["frobnicate"]).assert().code(2);
}

#[test]
fn unknown_agreement_names_the_known_ones() {
    let out = clausediff()
        .args(["gaps", "doha", "dohaa"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("unknown agreement `dohaa`"), "{stderr}");
    assert!(stderr.contains("afg-pak-proposal-2026"), "{stderr}");
}

#[test]
fn agreements_are_named_by_id_alias_or_file() {
    let by_alias = stdout(clausediff().args(["gaps", "doha", "proposal-2026", "--format", "json"]));
    let by_id = stdout(clausediff().args([
        "gaps",
        "us-taliban-2020",
        "afg-pak-proposal-2026",
        "--format",
        "json",
    ]));
    assert_eq!(by_alias, by_id);
    let file = fixture("valid/mini-accord.toml");
    let text = stdout(
        clausediff()
            .args(["gaps", "doha"])
            .arg(&file)
            .args(["--format", "json"]),
    );
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["agreements"][1]["id"], "mini-accord");
}

#[test]
fn a_user_agreement_with_a_bundled_id_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("valid/mini-accord.toml"))
        .unwrap()
        .replace("id = \"mini-accord\"", "id = \"afg-pak-proposal-2026\"")
        .replace("aliases = [\"mini\"]", "aliases = []");
    std::fs::write(dir.path().join("override.toml"), text).unwrap();
    let out = stdout(clausediff().arg("--agreements").arg(dir.path()).args([
        "show",
        "afg-pak-proposal-2026",
        "--format",
        "json",
    ]));
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["short_title"], "Mini 2030");
    // Without the folder, the bundled agreement is back.
    let out = stdout(clausediff().args(["show", "afg-pak-proposal-2026", "--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["short_title"], "Proposal 2026");
}

#[test]
fn checklist_can_be_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my-checklist.toml");
    std::fs::write(
        &path,
        "[[item]]\nid = \"prisoners\"\nlabel = \"Prisoner release\"\ntopics = [\"prisoner-release\"]\n",
    )
    .unwrap();
    let text = stdout(
        clausediff()
            .args([
                "gaps",
                "doha",
                "afg-pak-proposal-2026",
                "--format",
                "csv",
                "--checklist",
            ])
            .arg(&path),
    );
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let checklist: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.unwrap())
        .filter(|r| &r[0] == "checklist")
        .collect();
    assert_eq!(checklist.len(), 1, "{checklist:?}");
    assert_eq!(&checklist[0][1], "Prisoner release");
    assert!(
        checklist[0][2].starts_with("addressed (p1-c"),
        "{:?}",
        checklist[0]
    );
    assert_eq!(&checklist[0][3], "not addressed");
}

#[test]
fn output_file_is_written_whole_and_matches_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("gaps.md");
    clausediff()
        .args([
            "gaps",
            "doha",
            "afg-pak-proposal-2026",
            "--format",
            "markdown",
            "-o",
        ])
        .arg(&target)
        .assert()
        .code(0)
        .stdout("");
    let written = std::fs::read_to_string(&target).unwrap();
    let printed = stdout(clausediff().args([
        "gaps",
        "doha",
        "afg-pak-proposal-2026",
        "--format",
        "markdown",
    ]));
    assert_eq!(written, printed);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
}

#[test]
fn failed_output_leaves_no_file_and_input_errors_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no-such-folder").join("out.csv");
    let out = clausediff()
        .args(["gaps", "doha", "afg-pak-proposal-2026", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write output"));
    assert!(!target.exists());
    let target = dir.path().join("out.csv");
    clausediff()
        .args(["gaps", "doha", "nonesuch", "-o"])
        .arg(&target)
        .assert()
        .code(2);
    assert!(!target.exists(), "no output file on an input error");
}

#[test]
fn inputs_are_never_modified() {
    let file = fixture("valid/mini-accord.toml");
    let before = std::fs::read(&file).unwrap();
    stdout(clausediff().arg("check").arg(&file));
    stdout(clausediff().args(["gaps", "doha"]).arg(&file));
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let text = std::fs::read_to_string(fixture("valid/mini-json.json")).unwrap();
    let out = clausediff()
        .args(["show", "-", "--format", "json"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["id"], "mini-json");
}

#[test]
fn colour_appears_only_when_asked_for_and_never_in_files() {
    let plain = stdout(clausediff().args(["gaps", "doha", "afg-pak-proposal-2026"]));
    assert!(!plain.contains('\u{1b}'), "no colour in a pipe");
    let coloured =
        stdout(clausediff().args(["--color", "always", "gaps", "doha", "afg-pak-proposal-2026"]));
    assert!(coloured.contains("\u{1b}["), "colour with --color always");
}

#[test]
fn matrix_cells_carry_pax_depth_and_clause_ids() {
    let text = stdout(clausediff().args([
        "matrix",
        "doha",
        "afg-pak-geneva-1988",
        "afg-pak-proposal-2026",
        "--format",
        "json",
    ]));
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let rows = value["rows"].as_array().unwrap();
    let withdrawal = rows
        .iter()
        .find(|r| r["pax"] == "SsrFf")
        .expect("a SsrFf row");
    assert!(withdrawal["cells"][0]["level"].as_u64().unwrap() >= 2);
    assert!(
        withdrawal["cells"][0]["clauses"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "p1-a1")
    );
    assert_eq!(
        withdrawal["cells"][2]["level"], 0,
        "the proposal says nothing of foreign forces"
    );
    let women = rows
        .iter()
        .find(|r| r["pax"] == "GeWom")
        .expect("a GeWom row");
    assert!(
        women["cells"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["level"] == 0)
    );
}

#[test]
fn readme_worked_example_matches_the_output() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme
        .find("<!-- gaps-example:start -->\n")
        .expect("start marker")
        + "<!-- gaps-example:start -->\n".len();
    let end = readme
        .find("<!-- gaps-example:end -->")
        .expect("end marker");
    let printed = stdout(clausediff().args([
        "gaps",
        "doha",
        "afg-pak-proposal-2026",
        "--format",
        "markdown",
    ]));
    assert!(
        readme[start..end] == printed,
        "README's worked example is stale: regenerate it from `clausediff gaps doha afg-pak-proposal-2026 --format markdown`"
    );
}

#[test]
fn readme_quick_start_has_the_two_commands() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = &readme[readme.find("## Quick start").unwrap()..];
    let block = section.split("```").nth(1).unwrap();
    let commands: Vec<&str> = block
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(
        commands,
        [
            "cargo run --release -- gaps doha afg-pak-proposal-2026",
            "cargo test"
        ]
    );
}

#[test]
fn readme_walkthrough_works_as_written() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let after = &readme[readme
        .find("<!-- walkthrough:toml -->")
        .expect("walkthrough marker")..];
    let toml = after
        .split("```toml\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("my-accord.toml"), toml).unwrap();
    let run = |args: &[&str]| {
        let out = clausediff()
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (_, stderr) = run(&["check", "my-accord.toml"]);
    assert!(stderr.contains(" 0 errors"), "{stderr}");
    assert!(
        !stderr.contains("my-accord.toml:"),
        "the example itself draws no warning: {stderr}"
    );
    let (gaps, _) = run(&[
        "gaps",
        "afg-pak-proposal-2026",
        "my-accord.toml",
        "--format",
        "markdown",
    ]);
    assert!(gaps.contains("| checklist | A named monitor | not addressed | addressed (art-1) | only in My accord |"), "{gaps}");
    run(&[
        "report",
        "afg-pak-proposal-2026",
        "my-accord.toml",
        "-o",
        "my-report.html",
    ]);
    let page = std::fs::read_to_string(dir.path().join("my-report.html")).unwrap();
    assert!(page.contains("<svg class=\"dyads\"") && page.contains("My accord"));
}

#[test]
fn completions_and_man_page_generate() {
    let bash = stdout(clausediff().args(["completions", "bash"]));
    assert!(
        bash.contains("_clausediff") && bash.contains("gaps"),
        "bash completion script"
    );
    let zsh = stdout(clausediff().args(["completions", "zsh"]));
    assert!(zsh.contains("#compdef clausediff"));
    let man = stdout(clausediff().arg("man"));
    assert!(
        man.starts_with(".ie") || man.contains(".TH clausediff"),
        "{}",
        &man[..man.len().min(200)]
    );
    assert!(man.contains("gaps"));
}

#[test]
fn every_command_help_ends_with_an_example() {
    for command in [
        "list",
        "show",
        "check",
        "schema",
        "gaps",
        "diff",
        "matrix",
        "report",
        "completions",
        "man",
    ] {
        let help = stdout(clausediff().args([command, "--help"]));
        assert!(
            help.contains("Example:\n  clausediff "),
            "{command} --help has no example:\n{help}"
        );
    }
}

#[test]
fn report_is_deterministic_and_self_contained() {
    let first = stdout(clausediff().args(["report", "doha", "afg-pak-proposal-2026"]));
    let second = stdout(clausediff().args(["report", "doha", "afg-pak-proposal-2026"]));
    assert_eq!(first, second);
    assert!(first.starts_with("<!DOCTYPE html>"));
    for external in ["<script", "<link", "src=\"http", "url(http", "@import"] {
        assert!(
            !first.contains(external),
            "external or active content: {external}"
        );
    }
    assert!(first.contains("@media print") && first.contains("size: A4"));
    assert!(first.contains(&format!("clausediff {}", env!("CARGO_PKG_VERSION"))));
    // A SHA-256 per agreement file in the provenance footer.
    let doha = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("agreements/us-taliban-2020.toml"),
    )
    .unwrap();
    assert!(first.contains(&clausediff::report::sha256_hex(&doha)));
}
