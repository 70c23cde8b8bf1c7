//! `clausediff report`: one self-contained HTML page — inline CSS and SVG, no
//! scripts, no external requests — with the gap table, the pictures, the
//! coverage matrix, the aligned clauses with their redlines and a provenance
//! footer. Built with maud, which escapes every interpolated value; links are
//! emitted only for http and https addresses.

mod dyads;
mod style;
mod timeline;

use maud::{DOCTYPE, Markup, PreEscaped, html};
use sha2::{Digest, Sha256};

use crate::catalog::{Catalog, Entry};
use crate::diff::{self, DiffReport};
use crate::escape;
use crate::gaps::{self, GapReport, VerdictKind};
use crate::matrix::{self, Matrix};
use crate::model::{Agreement, Certainty, Checklist};
use crate::words::OpKind;

/// Everything the page shows, computed before any markup is written.
pub struct ReportData<'a> {
    pub catalog: &'a Catalog,
    pub agreements: Vec<&'a Entry<Agreement>>,
    pub gaps: GapReport,
    pub matrix: Matrix,
    /// The first agreement against each of the others.
    pub diffs: Vec<DiffReport>,
}

impl<'a> ReportData<'a> {
    pub fn new(
        catalog: &'a Catalog,
        agreements: Vec<&'a Entry<Agreement>>,
        checklist: &Checklist,
    ) -> Self {
        let gaps = gaps::gaps(catalog, &agreements, checklist);
        let matrix = matrix::matrix(catalog, &agreements);
        let diffs = agreements[1..]
            .iter()
            .map(|other| diff::diff(catalog, &agreements[0].value, &other.value))
            .collect();
        Self {
            catalog,
            agreements,
            gaps,
            matrix,
            diffs,
        }
    }
}

/// The anchor of a clause, so gap rows can link to it.
pub fn clause_anchor(agreement: &str, clause: &str) -> String {
    format!("clause-{agreement}-{clause}")
}

/// SHA-256 of a file's bytes, as lower-case hex.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Renders the whole page.
pub fn render(data: &ReportData<'_>) -> String {
    let names: Vec<&str> = data
        .agreements
        .iter()
        .map(|e| e.value.short_title.as_str())
        .collect();
    let title = format!("clausediff report: {}", names.join(" vs "));
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                // No scripts, no remote anything: the page must work offline.
                meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:";
                title { (title) }
                style { (PreEscaped(style::CSS)) }
            }
            body {
                header {
                    h1 { (title) }
                    p.lede {
                        "Who owes what to whom, by when, enforced how and checked by whom — and where the agreements differ. "
                        "Every cell comes from the encoded data; every row links to the clauses it rests on."
                    }
                    (legend())
                }
                (title_block(data))
                section id="dyads" {
                    h2 { "Who owes whom" }
                    p.explain {
                        "One panel per agreement. An arrow runs from the party that owes an obligation to the party it is owed to. "
                        "A dashed red line marks a pair of parties with no obligation between them here although they are bound elsewhere "
                        "(both directions elsewhere, or both parties active here)."
                    }
                    (dyads::render(data))
                }
                section id="timeline" {
                    h2 { "Deadlines and implementation" }
                    p.explain {
                        "Deadlines on a calendar (relative deadlines computed from their anchor date), with implementation "
                        "status where it is encoded."
                    }
                    (timeline::render(data))
                }
                (gap_table(data))
                (matrix_table(&data.matrix))
                (clause_pairs(data))
                (clause_index(data))
                (footer(data))
            }
        }
    };
    page.into_string()
}

fn legend() -> Markup {
    html! {
        p.legend {
            "Certainty: "
            span.cert.verified { "verified" } " "
            span.cert.partially_verified { "partially verified" } " "
            span.cert.reported { "reported" } " "
            span.cert.unverified { "unverified" }
            " — anything but verified is a claim, not a settled fact."
        }
    }
}

fn certainty_badge(certainty: Certainty) -> Markup {
    let class = match certainty {
        Certainty::Verified => "cert verified",
        Certainty::PartiallyVerified => "cert partially_verified",
        Certainty::Reported => "cert reported",
        Certainty::Unverified => "cert unverified",
    };
    html! { span class=(class) { (certainty.label()) } }
}

fn link(url: Option<&str>, text: &str) -> Markup {
    match url.and_then(escape::safe_url) {
        Some(url) => html! { a href=(url) rel="noopener noreferrer" { (text) } },
        None => html! { (text) },
    }
}

fn title_block(data: &ReportData<'_>) -> Markup {
    html! {
        section id="agreements" {
            h2 { "The agreements" }
            div.cards {
                @for entry in &data.agreements {
                    @let a = &entry.value;
                    article.card {
                        h3 { (a.short_title) }
                        p.full-title { (a.title) }
                        dl {
                            dt { "id" } dd { code { (a.id) } @if !a.aliases.is_empty() { " (" (a.aliases.join(", ")) ")" } }
                            dt { "status" } dd {
                                (a.status.label())
                                @if a.status.is_reported_statement() { " — " strong { "not a signed text; its clauses are reported statements" } }
                            }
                            dt { "date" } dd { (a.date.map_or_else(|| "not stated".to_string(), |d| d.to_string())) }
                            dt { "place" } dd { (a.place.as_deref().unwrap_or("not stated")) }
                            @if let Some(pax) = a.pax_agt_id { dt { "PA-X" } dd { "AgtId " (pax) } }
                            dt { "parties" } dd {
                                ul {
                                    @for p in &a.parties {
                                        li {
                                            (data.catalog.actor_label(&p.actor)) " — " (p.role.label())
                                            @if let Some(note) = &p.note { span.note { " (" (note) ")" } }
                                        }
                                    }
                                }
                            }
                            dt { "sources" } dd.sources {
                                @for (i, s) in a.sources.iter().enumerate() {
                                    @if i > 0 { " · " }
                                    (link(s.url.as_deref(), &s.title))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn gap_table(data: &ReportData<'_>) -> Markup {
    let report = &data.gaps;
    html! {
        section id="gaps" {
            h2 { "Gap table" }
            table.gaps {
                thead {
                    tr {
                        th { "dimension" } th { "item" }
                        @for a in &report.agreements { th { (a.short_title) } }
                        th { "verdict" } th { "evidence" }
                    }
                }
                tbody {
                    @for row in &report.rows {
                        @let verdict_class = match row.verdict.kind {
                            VerdictKind::AbsentInAll => "verdict absent",
                            VerdictKind::Same => "verdict same",
                            _ => "verdict differs",
                        };
                        tr {
                            td.dim { (row.dimension) }
                            td.item { (row.item) }
                            @for cell in &row.cells {
                                td class=(if cell.present { "cell present" } else { "cell absent" }) { (cell.text) }
                            }
                            td class=(verdict_class) { (row.verdict.text) }
                            td.evidence {
                                @if row.evidence.is_empty() { "—" }
                                @for e in &row.evidence {
                                    a.ev href=(format!("#{}", clause_anchor(&e.agreement, &e.clause))) title=(e.locator) {
                                        (short(data, &e.agreement)) " " (e.clause)
                                    }
                                    @if e.certainty != Certainty::Verified { " " (certainty_badge(e.certainty)) }
                                    " "
                                }
                                @for caveat in &row.caveats { div.caveat { "⚠ " (caveat) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn short<'a>(data: &'a ReportData<'_>, id: &str) -> &'a str {
    data.agreements
        .iter()
        .find(|e| e.value.id == id)
        .map_or("?", |e| e.value.short_title.as_str())
}

fn matrix_table(m: &Matrix) -> Markup {
    html! {
        section id="matrix" {
            h2 { "Coverage matrix" }
            p.explain { "PA-X-style depth of each topic: mentioned, concrete, or detailed and enforceable." }
            table.matrix {
                thead { tr { th { "topic" } th { "PA-X" } @for a in &m.agreements { th { (a.short_title) } } } }
                tbody {
                    @for row in &m.rows {
                        tr {
                            td { (row.label) }
                            td { code { (row.pax.as_deref().unwrap_or("—")) } }
                            @for (i, cell) in row.cells.iter().enumerate() {
                                td class=(format!("level{}", cell.level)) {
                                    @if cell.level == 0 { "—" } @else {
                                        (cell.label) br;
                                        @for c in &cell.clauses {
                                            a href=(format!("#{}", clause_anchor(&m.agreements[i].id, c))) { (c) } " "
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn clause_pairs(data: &ReportData<'_>) -> Markup {
    html! {
        section id="pairs" {
            h2 { "Aligned clauses" }
            @for d in &data.diffs {
                h3 { (d.a.short_title) " vs " (d.b.short_title) }
                @if d.pairs.is_empty() { p { "No clauses align." } }
                @for p in &d.pairs {
                    article.pair {
                        p.pairhead {
                            a href=(format!("#{}", clause_anchor(&d.a.id, &p.a.id))) { (d.a.short_title) " " (p.a.id) }
                            " (" (p.a.locator) ") ↔ "
                            a href=(format!("#{}", clause_anchor(&d.b.id, &p.b.id))) { (d.b.short_title) " " (p.b.id) }
                            " (" (p.b.locator) ") — score " (format!("{:.2}", p.score)) ": " (p.reasons.join("; "))
                        }
                        p.redline {
                            @for op in &p.redline.ops {
                                @match op.op {
                                    OpKind::Equal => (op.text),
                                    OpKind::Delete => del { (op.text) },
                                    OpKind::Insert => ins { (op.text) },
                                }
                            }
                            @if p.redline.approximate { span.note { " (approximate: the word diff timed out)" } }
                        }
                        @if !p.fields.is_empty() {
                            table.fields {
                                @for f in &p.fields { tr { th { (f.field) } td { (f.a) } td { "→" } td { (f.b) } } }
                            }
                        }
                    }
                }
                @if !d.only_in_a.is_empty() || !d.only_in_b.is_empty() {
                    p.unmatched {
                        "Only in " (d.a.short_title) ": "
                        @for c in &d.only_in_a { a href=(format!("#{}", clause_anchor(&d.a.id, &c.id))) { (c.id) } " " }
                        br;
                        "Only in " (d.b.short_title) ": "
                        @for c in &d.only_in_b { a href=(format!("#{}", clause_anchor(&d.b.id, &c.id))) { (c.id) } " " }
                    }
                }
            }
        }
    }
}

fn clause_index(data: &ReportData<'_>) -> Markup {
    html! {
        section id="clauses" {
            h2 { "Clauses" }
            @for entry in &data.agreements {
                @let a = &entry.value;
                h3 { (a.short_title) }
                @for c in &a.clauses {
                    article.clause id=(clause_anchor(&a.id, &c.id)) {
                        p.clausehead {
                            code { (c.id) } " — " (c.locator) " — " (c.kind.label()) " "
                            (certainty_badge(c.certainty))
                            @if c.basis == crate::model::Basis::Reporting { " " span.cert.reported { "from reporting, not the text" } }
                        }
                        p.text {
                            @match c.text_form {
                                crate::model::TextForm::Quote => { "“" (c.text) "” " span.note { "(quote)" } },
                                crate::model::TextForm::Paraphrase => { (c.text) " " span.note { "(paraphrase)" } },
                            }
                        }
                        p.facts {
                            "Enforcement: " (crate::describe::enforcement(&c.enforcement)) ". "
                            "Monitoring: " (crate::describe::monitoring(data.catalog, &c.monitoring)) ". "
                            "Deadline: " (crate::describe::deadline(a, c)) "."
                        }
                        @if let Some(note) = &c.note { p.note { (note) } }
                        @for r in &c.implementation {
                            p.impl {
                                "Implementation " (r.date.to_string()) ": " strong { (r.status.label()) } " — " (r.evidence) " "
                                (certainty_badge(r.certainty))
                            }
                        }
                    }
                }
            }
        }
    }
}

fn footer(data: &ReportData<'_>) -> Markup {
    let mut registries: Vec<(&str, String)> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for entry in data
        .catalog
        .actors
        .values()
        .map(|e| &e.file)
        .chain(data.catalog.topics.values().map(|e| &e.file))
    {
        if seen.insert(entry.name.clone()) {
            registries.push((entry.name.as_str(), sha256_hex(&entry.text)));
        }
    }
    html! {
        footer {
            h2 { "Provenance" }
            p { "Made with clausediff " (env!("CARGO_PKG_VERSION")) ". SHA-256 of the data each table rests on:" }
            ul.hashes {
                @for entry in &data.agreements {
                    li { code { (entry.value.id) } " (" (entry.file.name) "): " code { (sha256_hex(&entry.file.text)) } }
                }
                @for (name, hash) in &registries {
                    li { (name) ": " code { (hash) } }
                }
            }
        }
    }
}
