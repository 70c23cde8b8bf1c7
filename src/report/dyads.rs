//! The dyad graph: one SVG panel per agreement, parties on a circle (the same
//! positions in every panel), an arrow for each directed obligation, and a
//! dashed red line for a pair bound elsewhere but not here — so the missing
//! Afghanistan ↔ Pakistan edge in the Doha Agreement stands out.

use std::collections::{BTreeMap, BTreeSet};
use std::f64::consts::PI;

use maud::{Markup, html};

use super::ReportData;
use crate::gaps::directed_obligations;
use crate::model::ActorKind;

const WIDTH: f64 = 420.0;
const HEIGHT: f64 = 340.0;
const RADIUS: f64 = 115.0;

pub(super) fn render(data: &ReportData<'_>) -> Markup {
    let edges: Vec<BTreeMap<(String, String), Vec<String>>> = data
        .agreements
        .iter()
        .map(|e| {
            directed_obligations(data.catalog, &e.value)
                .into_iter()
                .map(|(pair, clauses)| (pair, clauses.iter().map(|c| c.id.clone()).collect()))
                .collect()
        })
        .collect();
    let mut nodes: BTreeSet<String> = BTreeSet::new();
    let mut pairs: BTreeSet<(String, String)> = BTreeSet::new();
    for panel in &edges {
        for (x, y) in panel.keys() {
            nodes.insert(x.clone());
            nodes.insert(y.clone());
            pairs.insert(if x <= y {
                (x.clone(), y.clone())
            } else {
                (y.clone(), x.clone())
            });
        }
    }
    let nodes: Vec<String> = nodes.into_iter().collect();
    let position = |id: &str| -> (f64, f64) {
        let i = nodes.iter().position(|n| n == id).unwrap_or(0) as f64;
        let angle = -PI / 2.0 + 2.0 * PI * i / nodes.len().max(1) as f64;
        (
            WIDTH / 2.0 + RADIUS * angle.cos(),
            HEIGHT / 2.0 + RADIUS * angle.sin() * 0.85,
        )
    };
    html! {
        div.panels {
            @for (index, entry) in data.agreements.iter().enumerate() {
                @let panel = &edges[index];
                figure.panel {
                    svg.dyads xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {WIDTH} {HEIGHT}")) role="img"
                        aria-label=(format!("Who owes whom in {}", entry.value.short_title)) {
                        defs {
                            marker id=(format!("arrow-{index}")) viewBox="0 0 10 10" refX="9" refY="5"
                                markerWidth="7" markerHeight="7" orient="auto-start-reverse" {
                                path d="M 0 0 L 10 5 L 0 10 z" fill="#1f4e79" {}
                            }
                        }
                        // Pairs bound in another agreement but not in this one — drawn
                        // when both parties are bound here, or the pair is bound both
                        // ways elsewhere, so the picture shows the gaps that matter
                        // without a web of lines.
                        @for (x, y) in &pairs {
                            @if missing(panel, &edges, x, y) {
                                @let ((x1, y1), (x2, y2)) = (position(x), position(y));
                                line.missing x1=(f(x1)) y1=(f(y1)) x2=(f(x2)) y2=(f(y2)) stroke="#c0392b"
                                    stroke-width="2.5" stroke-dasharray="7 5" {}
                                text.missing x=(f((x1 + x2) / 2.0)) y=(f((y1 + y2) / 2.0 - 4.0)) text-anchor="middle"
                                    fill="#c0392b" font-size="11" { "none" }
                            }
                        }
                        @for ((x, y), clauses) in panel {
                            @let ((x1, y1), (x2, y2)) = (position(x), position(y));
                            @let (x1, y1, x2, y2) = offset(x1, y1, x2, y2, panel.contains_key(&(y.clone(), x.clone())));
                            line.edge x1=(f(x1)) y1=(f(y1)) x2=(f(x2)) y2=(f(y2)) stroke="#1f4e79" stroke-width="2"
                                marker-end=(format!("url(#arrow-{index})")) {
                                title { (label(data, x, index)) " → " (label(data, y, index)) ": " (clauses.join(", ")) }
                            }
                        }
                        @for node in &nodes {
                            @let (x, y) = position(node);
                            @let bound = panel.keys().any(|(a, b)| a == node || b == node);
                            circle cx=(f(x)) cy=(f(y)) r="7" fill=(if bound { "#1f4e79" } else { "#bbbbbb" }) {}
                            text x=(f(x)) y=(f(if y < HEIGHT / 2.0 { y - 12.0 } else { y + 20.0 })) text-anchor="middle"
                                font-size="12" fill=(if bound { "#111111" } else { "#888888" }) {
                                (label(data, node, index))
                            }
                        }
                    }
                    figcaption {
                        strong { (entry.value.short_title) }
                        " — " (panel.len()) " directed obligation"
                        @if panel.len() != 1 { "s" }
                    }
                }
            }
        }
    }
}

/// Whether to mark the pair `x`–`y` as missing from `panel`.
fn missing(
    panel: &BTreeMap<(String, String), Vec<String>>,
    all: &[BTreeMap<(String, String), Vec<String>>],
    x: &str,
    y: &str,
) -> bool {
    let bound = |p: &BTreeMap<(String, String), Vec<String>>, a: &str, b: &str| {
        p.contains_key(&(a.to_string(), b.to_string()))
    };
    if bound(panel, x, y) || bound(panel, y, x) {
        return false;
    }
    let active = |node: &str| panel.keys().any(|(a, b)| a == node || b == node);
    let both_active = active(x) && active(y);
    let mutual_elsewhere = all.iter().any(|p| bound(p, x, y) && bound(p, y, x));
    both_active || mutual_elsewhere
}

/// Coordinates with two decimals, so output is stable and compact.
fn f(value: f64) -> String {
    format!("{value:.2}")
}

/// Shortens a line so the arrowhead stops at the node, and moves it aside
/// when the pair is bound both ways, so the two arrows do not overlap.
fn offset(x1: f64, y1: f64, x2: f64, y2: f64, both: bool) -> (f64, f64, f64, f64) {
    let (dx, dy) = (x2 - x1, y2 - y1);
    let length = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / length, dy / length);
    let shift = if both { 5.0 } else { 0.0 };
    let (px, py) = (-uy * shift, ux * shift);
    (
        x1 + ux * 10.0 + px,
        y1 + uy * 10.0 + py,
        x2 - ux * 12.0 + px,
        y2 - uy * 12.0 + py,
    )
}

/// A party's name, with the non-state actor acting for it on the agreement's
/// date ("Afghanistan (Taliban)").
fn label(data: &ReportData<'_>, party: &str, index: usize) -> String {
    let agreement = &data.agreements[index].value;
    let mut name = data.catalog.actor_label(party);
    let acting: Vec<String> = data
        .catalog
        .acting_for(party, agreement.date)
        .into_iter()
        .filter(|id| {
            data.catalog
                .actor(id)
                .is_some_and(|a| a.kind == ActorKind::NonState)
        })
        .map(|id| data.catalog.actor_label(&id))
        .collect();
    if !acting.is_empty() {
        name = format!("{name} ({})", acting.join(", "));
    }
    name
}
