//! The HTML report in a real browser: the gap table and the pictures render,
//! and hostile clause text stays inert text — nothing executes, nothing is
//! lost. Needs headless Chromium (Debian's `chromium`; `.ci/run` installs it).

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use support::browser;

fn clausediff() -> Command {
    let mut cmd = Command::cargo_bin("clausediff").unwrap();
    cmd.env("NO_COLOR", "1").timeout(Duration::from_secs(60));
    cmd
}

fn report(args: &[&str], target: &Path) {
    clausediff()
        .arg("report")
        .args(args)
        .arg("-o")
        .arg(target)
        .assert()
        .code(0);
}

/// Each payload marks the page (`data-pwned` on <body>) if it ever runs.
const PAYLOADS: &[&str] = &[
    "<script>document.body.dataset.pwned='script'</script>",
    "<img src=x onerror=\"document.body.dataset.pwned='onerror'\">",
    "<a href=\"javascript:document.body.dataset.pwned='link'\">click</a>",
    "</style><script>document.body.dataset.pwned='style'</script>",
    "</title><script>document.body.dataset.pwned='title'</script>",
    "</textarea><script>document.body.dataset.pwned='textarea'</script>",
    "<iframe srcdoc=\"<script>parent.document.body.dataset.pwned='iframe'</script>\"></iframe>",
    "<svg onload=\"document.body.dataset.pwned='svg'\"></svg>",
];

fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn hostile_agreement(dir: &Path) -> PathBuf {
    let all = PAYLOADS.join(" ");
    let text = format!(
        r#"id = "hostile"
title = {title}
short_title = {short}
status = "proposed"
date = "2026-02-01"
place = {place}
parties = [{{ actor = "afg", role = "party", note = {note} }}, {{ actor = "pak", role = "party" }}]
notes = [{all}]

[[sources]]
id = "evil"
title = {source_title}

[[sources]]
id = "good"
title = "A real link"
url = "https://example.org/source"

[[clause]]
id = "c1"
locator = {locator}
text = {all}
kind = "commitment"
obligors = ["afg", "pak"]
reciprocal = true
topics = ["counter-terrorism", "ceasefire"]
groups = ["isis"]
territory = {{ description = {all} }}
enforcement = {{ kind = "other", detail = {all} }}
monitoring = {{ kind = "third_party_unspecified", detail = {all} }}
deadline = {{ within = {{ amount = 30, unit = "days" }}, from = {{ event = "signing" }} }}
certainty = "reported"
sources = ["evil", "good"]
note = {all}
"#,
        title = toml_string(&format!("Hostile {}", PAYLOADS[4])),
        short = toml_string(&format!("Hostile {}", PAYLOADS[0])),
        place = toml_string(PAYLOADS[5]),
        note = toml_string(PAYLOADS[1]),
        source_title = toml_string(PAYLOADS[2]),
        locator = toml_string(PAYLOADS[3]),
        all = toml_string(&all),
    );
    let path = dir.join("hostile.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// Undoes the escaping `--dump-dom` applies to text, to compare with the data.
fn unescape(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// No payload ran (none marked <body>), no live element came from data, and
/// every payload is on the page as text.
fn assert_inert_and_kept(dom: &str) {
    let body_tag = &dom[dom.find("<body").expect("a body")..];
    let body_tag = &body_tag[..body_tag.find('>').unwrap()];
    assert!(!body_tag.contains("pwned"), "a payload ran: {body_tag}");
    for element in [
        "<script",
        "<iframe",
        "<img",
        "<textarea",
        "<a href=\"javascript:",
    ] {
        if let Some(at) = dom.find(element) {
            let context = &dom[at.saturating_sub(200)..(at + 200).min(dom.len())];
            panic!("the DOM holds a live `{element}`: …{context}…");
        }
    }
    let text = unescape(dom);
    for payload in PAYLOADS {
        assert!(
            text.contains(payload),
            "payload lost from the page: {payload}"
        );
    }
}

#[test]
fn hostile_text_in_the_report_is_inert_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = hostile_agreement(dir.path());
    clausediff().arg("check").arg(&hostile).assert().code(0);
    let page = dir.path().join("hostile.html");
    report(&["doha", hostile.to_str().unwrap()], &page);

    let dom = browser::dump_dom(&page);
    assert_inert_and_kept(&dom);
    // The only links are the safe ones.
    assert!(dom.contains("href=\"https://example.org/source\""));
    // The title is whole and escaped, not cut by `</title>`.
    let title = &dom[dom.find("<title>").unwrap()..dom.find("</title>").unwrap()];
    assert!(unescape(title).contains(PAYLOADS[0]), "{title}");
}

#[test]
fn the_report_renders_the_gap_table_and_both_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    report(&["doha", "afg-pak-proposal-2026"], &page);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        !html.contains("http://") || !html.contains("<link"),
        "no external resources"
    );
    assert!(!html.contains("<script"), "no scripts in the page");

    let dom = browser::dump_dom(&page);
    assert!(dom.contains("<table class=\"gaps\">"));
    let rows = dom.matches("<td class=\"dim\">").count();
    assert!(rows > 30, "gap rows rendered: {rows}");
    assert!(dom.contains("Afghanistan/Taliban ↔ Pakistan"));
    assert_eq!(
        dom.matches("<svg class=\"dyads\"").count(),
        2,
        "one dyad panel per agreement"
    );
    assert_eq!(dom.matches("<svg class=\"timeline\"").count(), 1);

    // Rendered pixels: the dyad arrows (#1f4e79) and the missing-edge dashes
    // (#c0392b) must be painted, not just present in the markup.
    let shot = dir.path().join("report.png");
    browser::screenshot(&format!("file://{}", page.display()), 1280, 2600, &shot);
    let (_, _, pixels) = browser::pixels(&shot);
    let count = |rgb: [u8; 3]| {
        pixels
            .iter()
            .filter(|p| p[..3].iter().zip(rgb).all(|(a, b)| a.abs_diff(b) <= 12))
            .count()
    };
    let arrows = count([0x1f, 0x4e, 0x79]);
    let missing = count([0xc0, 0x39, 0x2b]);
    let deadlines = count([0xd3, 0x54, 0x00]);
    assert!(arrows > 500, "dyad arrows painted: {arrows} pixels");
    assert!(
        missing > 100,
        "missing Afghanistan–Pakistan edge painted: {missing} pixels"
    );
    assert!(
        deadlines > 50,
        "timeline deadlines painted: {deadlines} pixels"
    );
}

/// Regenerates docs/report-screenshot.png for the README:
/// `cargo test --test browser -- --ignored`.
#[test]
#[ignore]
fn make_readme_screenshot() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    report(&["doha", "afg-pak-proposal-2026"], &page);
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report-screenshot.png");
    browser::screenshot(&format!("file://{}", page.display()), 1200, 1700, &target);
}

#[test]
fn hostile_text_in_a_redline_page_is_inert_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let old_text = format!(
        "ARTICLE 1: Scope\nThe Parties agree. {}\n\nARTICLE 2: Moved\n{}\n\nARTICLE 3: Kept\nUnchanged text {}.\n",
        PAYLOADS[0..4].join(" "),
        PAYLOADS[4..].join(" "),
        PAYLOADS[7]
    );
    let new_text = format!(
        "ARTICLE 1: Scope\nThe Parties disagree. {}\n\nARTICLE 3: Kept\nUnchanged text {}.\n\nARTICLE 2: Moved\n{}\n",
        PAYLOADS[0..4].join(" "),
        PAYLOADS[7],
        PAYLOADS[4..].join(" ")
    );
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    std::fs::write(&old, &old_text).unwrap();
    std::fs::write(&new, &new_text).unwrap();
    let page = dir.path().join("redline.html");
    clausediff()
        .args(["redline", "--format", "html", "-o"])
        .arg(&page)
        .arg(&old)
        .arg(&new)
        .assert()
        .code(0);

    let dom = browser::dump_dom(&page);
    assert_inert_and_kept(&dom);
    assert!(
        dom.contains("<del>") && dom.contains("<ins>"),
        "the word change is marked"
    );
    assert!(dom.contains("moved"), "the moved article is marked");
}
