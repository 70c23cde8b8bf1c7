//! `list` and `show`: the loaded agreements and their clauses as tables, and
//! `show --format json`'s normalised record.

use serde::Serialize;

use crate::catalog::{Catalog, Entry};
use crate::model::{Agreement, Clause, MonitoringKind};
use crate::render::{Cell, Grid, Tone};

/// One row of `clausediff list --format json`.
#[derive(Debug, Serialize)]
pub struct ListRow<'a> {
    pub id: &'a str,
    pub aliases: &'a [String],
    pub title: &'a str,
    pub status: crate::model::AgreementStatus,
    pub date: Option<String>,
    pub parties: Vec<String>,
    pub clauses: usize,
    pub bundled: bool,
    pub file: &'a str,
}

pub fn list_rows(catalog: &Catalog) -> Vec<ListRow<'_>> {
    catalog
        .agreements
        .iter()
        .map(|entry| {
            let a = &entry.value;
            ListRow {
                id: &a.id,
                aliases: &a.aliases,
                title: &a.title,
                status: a.status,
                date: a.date.map(|d| d.to_string()),
                parties: a
                    .parties
                    .iter()
                    .map(|p| format!("{} ({})", catalog.actor_label(&p.actor), p.role.label()))
                    .collect(),
                clauses: a.clauses.len(),
                bundled: entry.file.bundled,
                file: &entry.file.name,
            }
        })
        .collect()
}

pub fn list_grid(catalog: &Catalog) -> Grid {
    Grid {
        title: None,
        header: [
            "id", "aliases", "title", "status", "date", "parties", "clauses",
        ]
        .map(String::from)
        .to_vec(),
        rows: list_rows(catalog)
            .into_iter()
            .map(|row| {
                vec![
                    Cell::new(row.id),
                    Cell::new(row.aliases.join(", ")),
                    Cell::new(row.title),
                    Cell::new(row.status.label()),
                    Cell::new(row.date.unwrap_or_else(|| "not stated".into())),
                    Cell::new(row.parties.join("\n")),
                    Cell::new(row.clauses.to_string()),
                ]
            })
            .collect(),
        notes: Vec::new(),
        wide_column: None,
    }
}

/// The clauses of one agreement, one row each.
pub fn show_grids(catalog: &Catalog, entry: &Entry<Agreement>) -> Vec<Grid> {
    let a = &entry.value;
    let mut head = vec![format!("{} — {}", a.id, a.title)];
    head.push(format!(
        "status: {}; date: {}; place: {}",
        a.status.label(),
        a.date
            .map_or_else(|| "not stated".into(), |d| d.to_string()),
        a.place.as_deref().unwrap_or("not stated"),
    ));
    if a.status.is_reported_statement() {
        head.push("Not a signed text: every clause is a reported statement.".into());
    }
    let rows = a
        .clauses
        .iter()
        .map(|c| clause_row(catalog, a, c))
        .collect();
    vec![Grid {
        title: Some(head.join("\n")),
        header: [
            "id",
            "locator",
            "kind",
            "who → whom",
            "text",
            "groups",
            "territory",
            "deadline",
            "enforcement",
            "monitoring",
            "certainty",
        ]
        .map(String::from)
        .to_vec(),
        rows,
        notes: a.notes.clone(),
        wide_column: Some(4),
    }]
}

fn clause_row(catalog: &Catalog, agreement: &Agreement, c: &Clause) -> Vec<Cell> {
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| catalog.actor_label(id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let direction = if c.obligors.is_empty() && c.beneficiaries.is_empty() {
        "—".to_string()
    } else if c.reciprocal {
        format!("{} (each toward the other)", names(&c.obligors))
    } else {
        format!(
            "{} → {}",
            if c.obligors.is_empty() {
                "not stated".into()
            } else {
                names(&c.obligors)
            },
            if c.beneficiaries.is_empty() {
                "not stated".into()
            } else {
                names(&c.beneficiaries)
            },
        )
    };
    let text = match c.text_form {
        crate::model::TextForm::Quote => format!("“{}” (quote)", c.text),
        crate::model::TextForm::Paraphrase => c.text.clone(),
    };
    let groups = c
        .groups
        .iter()
        .map(|g| catalog.group_label(g))
        .collect::<Vec<_>>()
        .join(", ");
    let territory = c
        .territory
        .as_ref()
        .map_or_else(|| "not stated".to_string(), |t| t.description.clone());
    let certainty = c.certainty.label().to_string();
    let tone = if c.certainty.is_settled() {
        Tone::Plain
    } else {
        Tone::Warn
    };
    vec![
        Cell::new(c.id.clone()),
        Cell::new(c.locator.clone()),
        Cell::new(c.kind.label()),
        Cell::new(direction),
        Cell::new(text),
        Cell::new(if groups.is_empty() {
            "—".into()
        } else {
            groups
        }),
        Cell::new(territory),
        Cell::new(crate::describe::deadline(agreement, c)),
        Cell::new(crate::describe::enforcement(&c.enforcement)),
        Cell::new(crate::describe::monitoring(catalog, &c.monitoring)),
        Cell::toned(certainty, tone),
    ]
}

/// Whether the monitoring names someone who checks compliance.
pub fn has_named_monitor(kind: MonitoringKind) -> bool {
    matches!(kind, MonitoringKind::NamedBody | MonitoringKind::Party)
}
