//! The gap table on the bundled agreements: the rows the public debate turns
//! on, with evidence; snapshots of each format; a three-way comparison.

use clausediff::catalog::Catalog;
use clausediff::gaps::{self, GapReport, GapRow, VerdictKind};
use clausediff::load::{Inputs, load};
use clausediff::render::{self, Format, RenderOptions};

fn catalog() -> Catalog {
    let loaded = load(&Inputs::default());
    let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    loaded.catalog
}

fn report(names: &[&str]) -> GapReport {
    let catalog = catalog();
    let entries: Vec<_> = names
        .iter()
        .map(|n| catalog.agreement(n).expect(n))
        .collect();
    gaps::gaps(&catalog, &entries, &catalog.checklist())
}

fn row<'a>(report: &'a GapReport, dimension: &str, item: &str) -> &'a GapRow {
    report
        .rows
        .iter()
        .find(|r| r.dimension == dimension && r.item == item)
        .unwrap_or_else(|| {
            let items: Vec<_> = report
                .rows
                .iter()
                .map(|r| format!("{}: {}", r.dimension, r.item))
                .collect();
            panic!("no row {dimension}: {item}; rows are {items:#?}")
        })
}

fn cited(row: &GapRow, agreement: &str) -> Vec<String> {
    row.evidence
        .iter()
        .filter(|e| e.agreement == agreement)
        .map(|e| e.clause.clone())
        .collect()
}

#[test]
fn afghanistan_pakistan_dyad_is_absent_in_doha_and_mutual_in_the_proposal() {
    let r = report(&["doha", "afg-pak-proposal-2026"]);
    let dyad = row(&r, "dyad", "Afghanistan/Taliban ↔ Pakistan");
    assert_eq!(dyad.cells[0].text, "none");
    assert!(!dyad.cells[0].present);
    assert!(
        dyad.cells[1].text.starts_with("both directions"),
        "{}",
        dyad.cells[1].text
    );
    assert_eq!(dyad.verdict.kind, VerdictKind::OnlyIn);
    assert_eq!(
        dyad.verdict.agreements,
        vec!["afg-pak-proposal-2026".to_string()]
    );
    assert!(cited(dyad, "us-taliban-2020").is_empty());
    assert!(!cited(dyad, "afg-pak-proposal-2026").is_empty());
    assert!(
        dyad.caveats.iter().any(|c| c.contains("proposed")),
        "{:?}",
        dyad.caveats
    );
}

#[test]
fn named_groups_are_al_qaida_in_doha_and_isis_ttp_in_the_proposal() {
    let r = report(&["doha", "afg-pak-proposal-2026"]);
    let groups = row(&r, "named groups", "armed groups named");
    assert_eq!(groups.cells[0].text, "al-Qa'ida");
    assert!(
        groups.cells[1].text.contains("ISIS")
            && groups.cells[1].text.contains("Tehrik-i-Taliban Pakistan")
    );
    assert_eq!(groups.verdict.kind, VerdictKind::Differs);
    let al_qaida = r
        .rows
        .iter()
        .find(|r| r.dimension == "named groups" && r.item.starts_with("al-Qa"))
        .unwrap();
    assert_eq!(al_qaida.verdict.kind, VerdictKind::OnlyIn);
    assert!(
        cited(al_qaida, "us-taliban-2020")
            .iter()
            .any(|c| c.starts_with("p2"))
    );
}

#[test]
fn territory_is_afghan_soil_under_taliban_control_versus_each_state() {
    let r = report(&["doha", "afg-pak-proposal-2026"]);
    let territory = row(&r, "territory", "territorial scope");
    assert!(
        territory.cells[0].text.contains("Taliban control"),
        "{}",
        territory.cells[0].text
    );
    assert!(
        territory.cells[1].text.contains("each state"),
        "{}",
        territory.cells[1].text
    );
    assert_eq!(territory.verdict.kind, VerdictKind::Differs);
}

#[test]
fn monitoring_is_none_in_doha_text_and_an_unnamed_third_party_in_the_proposal() {
    let r = report(&["doha", "afg-pak-proposal-2026"]);
    let monitoring = row(&r, "monitoring", "monitoring and verification");
    assert!(
        monitoring.cells[0]
            .text
            .contains("in the text: explicitly none"),
        "{}",
        monitoring.cells[0].text
    );
    assert!(
        monitoring.cells[1].text.contains("third party, unnamed"),
        "{}",
        monitoring.cells[1].text
    );
    let named = row(&r, "checklist", "A named monitor");
    assert_eq!(named.verdict.kind, VerdictKind::AbsentInAll);
}

#[test]
fn human_rights_women_and_penalties_are_absent_in_all() {
    let r = report(&["doha", "afg-pak-proposal-2026"]);
    for item in [
        "Human rights",
        "Women and girls",
        "Penalty for breach",
        "Dispute resolution",
    ] {
        let gap = row(&r, "checklist", item);
        assert_eq!(gap.verdict.kind, VerdictKind::AbsentInAll, "{item}");
        assert_eq!(gap.verdict.text, "absent in all");
        assert!(gap.evidence.is_empty());
    }
    let penalty = row(&r, "enforcement", "penalty for breach");
    assert_eq!(penalty.verdict.kind, VerdictKind::AbsentInAll);
    assert!(
        penalty.cells[0].text.contains("explicitly none"),
        "{}",
        penalty.cells[0].text
    );
    assert_eq!(
        penalty.cells[1].text, "not stated",
        "the proposal is silent, not explicit"
    );
}

#[test]
fn reciprocity_protected_party_and_deadlines() {
    let r = report(&["doha", "afg-pak-proposal-2026"]);
    let reciprocity = row(&r, "reciprocity", "mutual (reciprocal) commitments");
    assert!(reciprocity.cells[0].text.starts_with("one-sided only"));
    assert!(reciprocity.cells[1].text.starts_with("mutual"));
    let protected = row(&r, "protected party", "who the obligations protect");
    assert!(
        protected.cells[0]
            .text
            .contains("US and allies (undefined)"),
        "{}",
        protected.cells[0].text
    );
    assert!(protected.cells[1].text.contains("each party"));
    let deadlines = row(&r, "deadlines", "deadlines");
    for date in [
        "2020-03-10",
        "2020-05-29",
        "2020-08-27",
        "135 days",
        "14 months",
    ] {
        assert!(
            deadlines.cells[0].text.contains(date),
            "{date} missing: {}",
            deadlines.cells[0].text
        );
    }
    assert_eq!(deadlines.cells[1].text, "no deadline stated");
    let vague = row(&r, "vague parties", "parties the text never defines");
    assert!(
        vague.cells[1].text.contains("third party"),
        "{}",
        vague.cells[1].text
    );
}

#[test]
fn certainty_row_and_caveats_flag_unverified_evidence() {
    let r = report(&["doha", "afg-pak-proposal-2026"]);
    let certainty = row(
        &r,
        "certainty",
        "facts not settled (reported, unverified, unsigned)",
    );
    assert!(
        certainty.cells[0].text.contains("not fully verified"),
        "{}",
        certainty.cells[0].text
    );
    assert!(
        certainty.cells[1].text.contains("reported statement"),
        "{}",
        certainty.cells[1].text
    );
    // Every row citing a not-fully-verified Doha clause says so.
    for gap in &r.rows {
        for e in gap.evidence.iter().filter(|e| !e.certainty.is_settled()) {
            if gap.dimension == "certainty" || gap.dimension == "implementation" {
                continue;
            }
            assert!(
                gap.caveats.iter().any(|c| c.contains(&e.clause)),
                "row {}: {} is {} but no caveat: {:?}",
                gap.item,
                e.clause,
                e.certainty.label(),
                gap.caveats
            );
        }
    }
}

#[test]
fn three_way_comparison_of_doha_geneva_and_the_proposal() {
    let r = report(&["doha", "afg-pak-geneva-1988", "afg-pak-proposal-2026"]);
    assert_eq!(r.agreements.len(), 3);
    assert!(r.rows.iter().all(|row| row.cells.len() == 3));
    let dyad = r
        .rows
        .iter()
        .find(|row| {
            row.dimension == "dyad"
                && row.item.starts_with("Afghanistan")
                && row.item.ends_with("↔ Pakistan")
        })
        .expect("an Afghanistan ↔ Pakistan dyad row");
    assert!(
        !dyad.cells[0].present,
        "Doha has no Afghanistan–Pakistan commitment"
    );
    assert!(dyad.cells[1].present && dyad.cells[2].present);
    assert_eq!(dyad.verdict.kind, VerdictKind::InSome);
    assert!(
        dyad.verdict.text.contains("not in Doha 2020"),
        "{}",
        dyad.verdict.text
    );
    let monitoring = row(&r, "monitoring", "monitoring and verification");
    assert!(
        monitoring.cells[1].text.contains("UNGOMAP"),
        "{}",
        monitoring.cells[1].text
    );
    let named = row(&r, "checklist", "A named monitor");
    assert_eq!(named.verdict.kind, VerdictKind::OnlyIn);
    assert_eq!(
        named.verdict.agreements,
        vec!["afg-pak-geneva-1988".to_string()]
    );
    let rights = row(&r, "checklist", "Women and girls");
    assert_eq!(rights.verdict.kind, VerdictKind::AbsentInAll);
}

fn render(format: Format) -> String {
    let r = report(&["doha", "afg-pak-proposal-2026"]);
    match format {
        Format::Json => render::to_json(&r),
        _ => render::render_grids(
            &[gaps::to_grid(&r, format == Format::Table)],
            &RenderOptions {
                format,
                color: false,
                width: 160,
            },
        ),
    }
}

#[test]
fn snapshot_markdown() {
    insta::assert_snapshot!("doha_vs_proposal_markdown", render(Format::Markdown));
}

#[test]
fn snapshot_csv() {
    insta::assert_snapshot!("doha_vs_proposal_csv", render(Format::Csv));
}

#[test]
fn snapshot_json() {
    insta::assert_snapshot!("doha_vs_proposal_json", render(Format::Json));
}

#[test]
fn snapshot_table() {
    insta::assert_snapshot!("doha_vs_proposal_table", render(Format::Table));
}

#[test]
fn every_format_parses() {
    let csv_text = render(Format::Csv);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let width = reader.headers().unwrap().len();
    let rows: Vec<_> = reader.records().map(|r| r.unwrap()).collect();
    assert!(rows.len() > 20);
    assert!(rows.iter().all(|r| r.len() == width));

    let json: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
    assert_eq!(json["agreements"][0]["id"], "us-taliban-2020");
    assert_eq!(json["rows"].as_array().unwrap().len(), rows.len());

    let markdown = render(Format::Markdown);
    let table: Vec<&str> = markdown.lines().filter(|l| l.starts_with('|')).collect();
    let columns = |line: &str| line.replace("\\|", "").matches('|').count();
    assert_eq!(
        table.len(),
        rows.len() + 2,
        "header, separator, one line per row"
    );
    assert!(table.iter().all(|l| columns(l) == columns(table[0])));
    assert!(table[1].starts_with("| --- |"));
}

#[test]
fn output_is_deterministic() {
    for format in [Format::Table, Format::Markdown, Format::Csv, Format::Json] {
        assert_eq!(render(format), render(format), "{format}");
    }
}
