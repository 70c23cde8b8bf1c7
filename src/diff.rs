//! Stage 3c: `diff A B` — aligned clause pairs with their field-level
//! differences and a word redline, plus the clauses only one side has.

use std::time::Duration;

use serde::Serialize;

use crate::align::{self, Alignment};
use crate::catalog::Catalog;
use crate::describe;
use crate::gaps::{Column, column};
use crate::model::{Agreement, Clause};
use crate::render::{Cell, Grid, Tone};
use crate::words::{self, Redline};

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClauseRef {
    pub id: String,
    pub locator: String,
    pub kind: &'static str,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FieldDiff {
    pub field: &'static str,
    pub a: String,
    pub b: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PairDiff {
    pub a: ClauseRef,
    pub b: ClauseRef,
    pub score: f64,
    pub reasons: Vec<String>,
    /// Fields whose values differ; empty when the clauses agree.
    pub fields: Vec<FieldDiff>,
    pub redline: Redline,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DiffReport {
    pub a: Column,
    pub b: Column,
    pub pairs: Vec<PairDiff>,
    pub only_in_a: Vec<ClauseRef>,
    pub only_in_b: Vec<ClauseRef>,
}

impl DiffReport {
    pub fn has_differences(&self) -> bool {
        !self.only_in_a.is_empty()
            || !self.only_in_b.is_empty()
            || self
                .pairs
                .iter()
                .any(|p| !p.fields.is_empty() || !p.redline.is_identical())
    }
}

fn clause_ref(c: &Clause) -> ClauseRef {
    ClauseRef {
        id: c.id.clone(),
        locator: c.locator.clone(),
        kind: c.kind.label(),
        text: c.text.clone(),
    }
}

pub fn diff(catalog: &Catalog, a: &Agreement, b: &Agreement) -> DiffReport {
    let Alignment {
        pairs,
        only_a,
        only_b,
    } = align::align(catalog, a, b);
    let pairs = pairs
        .into_iter()
        .map(|pair| {
            let (ca, cb) = (&a.clauses[pair.a], &b.clauses[pair.b]);
            PairDiff {
                a: clause_ref(ca),
                b: clause_ref(cb),
                score: pair.score,
                reasons: pair.reasons,
                fields: field_diffs(catalog, a, ca, b, cb),
                redline: words::redline(&ca.text, &cb.text, Duration::from_millis(500)),
            }
        })
        .collect();
    DiffReport {
        a: column(a),
        b: column(b),
        pairs,
        only_in_a: only_a
            .into_iter()
            .map(|i| clause_ref(&a.clauses[i]))
            .collect(),
        only_in_b: only_b
            .into_iter()
            .map(|j| clause_ref(&b.clauses[j]))
            .collect(),
    }
}

/// Each field rendered as words, so a difference reads as the reader sees it.
fn fields(catalog: &Catalog, agreement: &Agreement, c: &Clause) -> Vec<(&'static str, String)> {
    let actors = |ids: &[String]| {
        if ids.is_empty() {
            "not stated".to_string()
        } else {
            ids.iter()
                .map(|id| catalog.actor_label(id))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let list = |items: Vec<String>, empty: &str| {
        if items.is_empty() {
            empty.to_string()
        } else {
            items.join(", ")
        }
    };
    vec![
        ("kind", c.kind.label().to_string()),
        ("obligors", actors(&c.obligors)),
        ("beneficiaries", actors(&c.beneficiaries)),
        (
            "reciprocal",
            if c.reciprocal { "yes" } else { "no" }.to_string(),
        ),
        (
            "topics",
            list(
                c.topics.iter().map(|t| catalog.topic_label(t)).collect(),
                "none",
            ),
        ),
        (
            "groups",
            list(
                c.groups.iter().map(|g| catalog.group_label(g)).collect(),
                "none named",
            ),
        ),
        (
            "territory",
            c.territory
                .as_ref()
                .map_or_else(|| "not stated".to_string(), |t| t.description.clone()),
        ),
        ("enforcement", describe::enforcement(&c.enforcement)),
        ("monitoring", describe::monitoring(catalog, &c.monitoring)),
        ("deadline", describe::deadline(agreement, c)),
        (
            "conditions",
            list(
                c.conditions.iter().map(|k| k.text.clone()).collect(),
                "none stated",
            ),
        ),
        (
            "figures",
            list(
                c.quantities
                    .iter()
                    .map(|q| {
                        let bound = match q.bound {
                            Some(crate::model::Bound::AtMost) => "at most ",
                            Some(crate::model::Bound::AtLeast) => "at least ",
                            Some(crate::model::Bound::Exactly) | None => "",
                        };
                        format!("{bound}{} {}", q.value, q.unit)
                    })
                    .collect(),
                "none",
            ),
        ),
        (
            "basis",
            match c.basis {
                crate::model::Basis::Text => "the text",
                crate::model::Basis::Reporting => "reporting, not the text",
            }
            .to_string(),
        ),
        ("certainty", c.certainty.label().to_string()),
    ]
}

fn field_diffs(
    catalog: &Catalog,
    a: &Agreement,
    ca: &Clause,
    b: &Agreement,
    cb: &Clause,
) -> Vec<FieldDiff> {
    fields(catalog, a, ca)
        .into_iter()
        .zip(fields(catalog, b, cb))
        .filter(|((_, x), (_, y))| x != y)
        .map(|((field, x), (_, y))| FieldDiff { field, a: x, b: y })
        .collect()
}

pub fn to_grids(report: &DiffReport) -> Vec<Grid> {
    let (na, nb) = (&report.a.short_title, &report.b.short_title);
    let mut pairs = Grid {
        title: Some(format!("Aligned clauses: {na} vs {nb}")),
        header: vec![
            format!("{na} clause"),
            format!("{nb} clause"),
            "score".into(),
            "why matched".into(),
            "field differences".into(),
            "text redline".into(),
        ],
        rows: Vec::new(),
        notes: vec![
            "Redline: [-removed-] {+added+}, from the first agreement's text to the second's."
                .into(),
        ],
        wide_column: Some(5),
    };
    for p in &report.pairs {
        let fields = if p.fields.is_empty() {
            Cell::toned("none", Tone::Good)
        } else {
            Cell::toned(
                p.fields
                    .iter()
                    .map(|f| format!("{}: {} → {}", f.field, f.a, f.b))
                    .collect::<Vec<_>>()
                    .join("\n"),
                Tone::Warn,
            )
        };
        let mut redline = if p.redline.is_identical() {
            "identical".to_string()
        } else {
            p.redline.to_marked()
        };
        if p.redline.approximate {
            redline.push_str("\n(approximate: the word diff timed out)");
        }
        pairs.rows.push(vec![
            Cell::new(format!("{} ({})", p.a.id, p.a.locator)),
            Cell::new(format!("{} ({})", p.b.id, p.b.locator)),
            Cell::new(format!("{:.2}", p.score)),
            Cell::toned(p.reasons.join("; "), Tone::Dim),
            fields,
            Cell::new(redline),
        ]);
    }
    let mut unmatched = Grid {
        title: Some("Clauses without a counterpart".into()),
        header: vec![
            "only in".into(),
            "clause".into(),
            "locator".into(),
            "kind".into(),
            "text".into(),
        ],
        rows: Vec::new(),
        notes: Vec::new(),
        wide_column: Some(4),
    };
    for (name, list) in [(na, &report.only_in_a), (nb, &report.only_in_b)] {
        for c in list {
            unmatched.rows.push(vec![
                Cell::toned(name.clone(), Tone::Warn),
                Cell::new(c.id.clone()),
                Cell::new(c.locator.clone()),
                Cell::new(c.kind),
                Cell::new(c.text.clone()),
            ]);
        }
    }
    vec![pairs, unmatched]
}
