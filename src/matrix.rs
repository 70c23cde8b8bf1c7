//! Stage 3d: `matrix` — topics × agreements, each cell with a PA-X-style
//! depth (mentioned / concrete / detailed and enforceable) and the clauses.

use serde::Serialize;

use crate::catalog::{Catalog, Entry};
use crate::gaps::{Column, column, coverage_label, coverage_score};
use crate::model::{Agreement, Clause};
use crate::render::{Cell, Grid, Tone};

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MatrixCell {
    /// 0 not covered, 1 mentioned, 2 concrete, 3 detailed and enforceable.
    pub level: u8,
    pub label: &'static str,
    pub clauses: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MatrixRow {
    pub topic: String,
    pub label: String,
    pub pax: Option<String>,
    pub pam: Option<String>,
    pub cells: Vec<MatrixCell>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Matrix {
    pub agreements: Vec<Column>,
    pub rows: Vec<MatrixRow>,
}

impl Matrix {
    /// Whether coverage differs between agreements on any topic.
    pub fn has_differences(&self) -> bool {
        self.rows
            .iter()
            .any(|row| row.cells.windows(2).any(|w| w[0].level != w[1].level))
    }
}

/// Every topic of the taxonomy, in label order, against each agreement.
pub fn matrix(catalog: &Catalog, agreements: &[&Entry<Agreement>]) -> Matrix {
    let mut topics: Vec<_> = catalog.topics.values().map(|e| &e.value).collect();
    topics.sort_by(|x, y| x.label.cmp(&y.label).then(x.id.cmp(&y.id)));
    let rows = topics
        .into_iter()
        .map(|topic| MatrixRow {
            topic: topic.id.clone(),
            label: topic.label.clone(),
            pax: topic.pax.clone(),
            pam: topic.pam.clone(),
            cells: agreements
                .iter()
                .map(|entry| {
                    let clauses: Vec<&Clause> = entry
                        .value
                        .clauses
                        .iter()
                        .filter(|c| c.topics.contains(&topic.id))
                        .collect();
                    let level = coverage_score(&clauses);
                    MatrixCell {
                        level,
                        label: coverage_label(level),
                        clauses: clauses.iter().map(|c| c.id.clone()).collect(),
                    }
                })
                .collect(),
        })
        .collect();
    Matrix {
        agreements: agreements.iter().map(|e| column(&e.value)).collect(),
        rows,
    }
}

pub fn to_grid(m: &Matrix) -> Grid {
    let mut header = vec!["topic".to_string(), "PA-X".to_string()];
    header.extend(m.agreements.iter().map(|a| a.short_title.clone()));
    Grid {
        title: Some(
            "Coverage matrix (PA-X-style depth: mentioned / concrete / detailed and enforceable)"
                .into(),
        ),
        header,
        rows: m
            .rows
            .iter()
            .map(|row| {
                let mut cells = vec![
                    Cell::new(row.label.clone()),
                    Cell::new(row.pax.clone().unwrap_or_else(|| "—".into())),
                ];
                cells.extend(row.cells.iter().map(|c| {
                    if c.level == 0 {
                        Cell::toned("—", Tone::Dim)
                    } else {
                        Cell::toned(
                            format!("{} ({})", c.label, c.clauses.join(", ")),
                            if c.level >= 3 {
                                Tone::Good
                            } else {
                                Tone::Plain
                            },
                        )
                    }
                }));
                cells
            })
            .collect(),
        notes: Vec::new(),
        wide_column: None,
    }
}
