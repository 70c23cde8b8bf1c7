//! `clausediff redline`: exit codes, messages, `-o`, `--split`, standard
//! input, and encoded agreements as inputs.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

fn clausediff() -> Command {
    let mut cmd = Command::cargo_bin("clausediff").unwrap();
    cmd.env("NO_COLOR", "1").timeout(Duration::from_secs(60));
    cmd
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn exit_codes_and_plain_markers() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "ARTICLE 1: Scope\nThe Parties shall cooperate.\n",
    );
    let b = write(
        dir.path(),
        "b.txt",
        "ARTICLE 1: Scope\nThe Parties may cooperate.\n",
    );
    clausediff()
        .arg("redline")
        .args([&a, &a])
        .arg("--exit-code")
        .assert()
        .code(0);
    let differ = clausediff()
        .arg("redline")
        .args([&a, &b])
        .arg("--exit-code")
        .output()
        .unwrap();
    assert_eq!(differ.status.code(), Some(1));
    let stdout = String::from_utf8(differ.stdout).unwrap();
    assert!(
        stdout.contains("[-shall-]{+may+}"),
        "plain markers when not a terminal: {stdout}"
    );
    assert!(!stdout.contains('\x1b'));
    // Without --exit-code, differences are still success.
    clausediff().arg("redline").args([&a, &b]).assert().code(0);

    let missing = clausediff()
        .arg("redline")
        .arg(&a)
        .arg(dir.path().join("nope.txt"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    let stderr = String::from_utf8(missing.stderr).unwrap();
    assert!(
        stderr.contains("nope.txt") && stderr.contains("no such file"),
        "{stderr}"
    );

    clausediff()
        .arg("redline")
        .args([&a, &b])
        .args(["--format", "pdf"])
        .assert()
        .code(2);
    let bad_split = clausediff()
        .arg("redline")
        .args([&a, &b])
        .args(["--split", "("])
        .output()
        .unwrap();
    assert_eq!(bad_split.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad_split.stderr)
            .contains("--split is not a valid regular expression")
    );
}

#[test]
fn output_file_appears_whole() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.md",
        "# Part One\nalpha beta\n# Part Two\ngamma\n",
    );
    let b = write(
        dir.path(),
        "b.md",
        "# Part Two\ngamma\n# Part One\nalpha beta\n",
    );
    let out = dir.path().join("redline.html");
    clausediff()
        .arg("redline")
        .args([&a, &b])
        .args(["--format", "html", "-o"])
        .arg(&out)
        .assert()
        .code(0)
        .stdout("");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert!(html.contains("moved"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 3, "no temporary file left behind: {names:?}");
}

#[test]
fn split_regex_and_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "§ 1 Scope\nalpha\n§ 2 Terms\nbeta\n");
    let out = clausediff()
        .arg("redline")
        .arg(&a)
        .arg("-")
        .args(["--split", r"^§\s*(\d+)", "--format", "json"])
        .write_stdin("§ 1 Scope\nalpha\n§ 2 Terms\ngamma\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["changed"], 1);
    assert_eq!(json["summary"]["unchanged"], 1);
    assert_eq!(json["provisions"][1]["new"]["locator"], "2");
    assert_eq!(json["provisions"][1]["new"]["title"], "Terms");
}

#[test]
fn encoded_agreements_redline_clause_by_clause() {
    let out = clausediff()
        .args(["redline", "doha", "doha", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let summary = &json["summary"];
    assert_eq!(summary["changed"], 0);
    assert_eq!(summary["added"], 0);
    assert_eq!(
        summary["unchanged"].as_u64().unwrap(),
        json["provisions"].as_array().unwrap().len() as u64
    );

    let out = clausediff()
        .args(["redline", "doha", "us-afghanistan-2020", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let provisions = json["provisions"].as_array().unwrap();
    // The Joint Declaration's preamble part (1) is the Doha preamble part 1, reworded.
    let part_one = provisions
        .iter()
        .find(|p| {
            p["new"]["locator"]
                .as_str()
                .is_some_and(|l| l.contains("(pre-1)"))
        })
        .expect("pre-1 in the redline");
    assert_eq!(part_one["status"], "changed");
    assert!(
        part_one["old"]["locator"]
            .as_str()
            .unwrap()
            .contains("(pre-p1)")
    );
}

#[test]
fn redline_html_is_deterministic() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/text");
    if !corpus.exists() {
        eprintln!("skipping: ../shared/corpus not found");
        return;
    }
    let run = || {
        clausediff()
            .arg("redline")
            .arg(corpus.join("pta_156.txt"))
            .arg(corpus.join("pta_342.txt"))
            .args(["--format", "html"])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run(), run());
}

#[test]
fn input_errors_are_located() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", "ARTICLE 1: Scope\nalpha\n");
    let xml = write(
        dir.path(),
        "bad.xml",
        "<treaty><body><chapter><article>x</chapter></body></treaty>",
    );
    let out = clausediff()
        .arg("redline")
        .arg(&xml)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:1:34", xml.display())),
        "{stderr}"
    );
    assert!(stderr.contains("malformed XML"), "{stderr}");

    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"ARTICLE 1: x\nabc \xff def\n").unwrap();
    let out = clausediff()
        .arg("redline")
        .arg(&latin1)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:2:5", latin1.display())),
        "{stderr}"
    );
    assert!(stderr.contains("byte offset 17"), "{stderr}");
}
