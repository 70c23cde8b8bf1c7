//! Stage 3b: align the clauses of two agreements one-to-one.
//!
//! Explicit links in the data win. Every other pair gets a score from three
//! signals — shared topics, the same obligation shape (who owes whom, and the
//! clause kind) and word similarity of the texts — and pairs are taken
//! greedily from the best score down, each clause at most once. Ties break on
//! clause order, so the result is deterministic.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::{Agreement, Clause};
use crate::words;

/// Pairs scoring below this are not aligned.
pub const MIN_SCORE: f64 = 0.4;

const TOPIC_WEIGHT: f64 = 0.4;
const SHAPE_WEIGHT: f64 = 0.3;
const TEXT_WEIGHT: f64 = 0.3;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Pair {
    /// Index of the clause in agreement A.
    pub a: usize,
    /// Index of the clause in agreement B.
    pub b: usize,
    pub score: f64,
    /// Why the clauses were matched, in words.
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Alignment {
    pub pairs: Vec<Pair>,
    /// Indices of A's clauses with no partner.
    pub only_a: Vec<usize>,
    /// Indices of B's clauses with no partner.
    pub only_b: Vec<usize>,
}

pub fn align(catalog: &Catalog, a: &Agreement, b: &Agreement) -> Alignment {
    let mut candidates: Vec<Pair> = Vec::new();
    for (i, ca) in a.clauses.iter().enumerate() {
        for (j, cb) in b.clauses.iter().enumerate() {
            if links(a, ca, b, cb) {
                candidates.push(Pair {
                    a: i,
                    b: j,
                    score: 1.0,
                    reasons: vec!["explicit link in the data".into()],
                });
                continue;
            }
            let (score, reasons) = score(catalog, a, ca, b, cb);
            if score >= MIN_SCORE {
                candidates.push(Pair {
                    a: i,
                    b: j,
                    score,
                    reasons,
                });
            }
        }
    }
    // Linked pairs first, then by score; ties by position.
    candidates.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let mut used_a = vec![false; a.clauses.len()];
    let mut used_b = vec![false; b.clauses.len()];
    let mut pairs = Vec::new();
    for pair in candidates {
        if !used_a[pair.a] && !used_b[pair.b] {
            used_a[pair.a] = true;
            used_b[pair.b] = true;
            pairs.push(pair);
        }
    }
    pairs.sort_by_key(|p| (p.a, p.b));
    Alignment {
        pairs,
        only_a: (0..a.clauses.len()).filter(|&i| !used_a[i]).collect(),
        only_b: (0..b.clauses.len()).filter(|&j| !used_b[j]).collect(),
    }
}

fn links(a: &Agreement, ca: &Clause, b: &Agreement, cb: &Clause) -> bool {
    let points_at = |from: &Clause, agreement: &Agreement, clause: &Clause| {
        from.links.iter().any(|link| {
            link.split_once('#').is_some_and(|(ag, cl)| {
                (ag == agreement.id || agreement.aliases.iter().any(|x| x == ag)) && cl == clause.id
            })
        })
    };
    points_at(ca, b, cb) || points_at(cb, a, ca)
}

fn jaccard<T: Ord>(x: &BTreeSet<T>, y: &BTreeSet<T>) -> f64 {
    if x.is_empty() && y.is_empty() {
        return 0.0;
    }
    x.intersection(y).count() as f64 / x.union(y).count() as f64
}

/// The parties (states where an actor acts for one) of a list of actors.
fn parties(catalog: &Catalog, agreement: &Agreement, actors: &[String]) -> BTreeSet<String> {
    actors
        .iter()
        .map(|id| {
            catalog
                .state_of(id, agreement.date)
                .unwrap_or_else(|| id.clone())
        })
        .collect()
}

fn score(
    catalog: &Catalog,
    a: &Agreement,
    ca: &Clause,
    b: &Agreement,
    cb: &Clause,
) -> (f64, Vec<String>) {
    let mut reasons = Vec::new();
    let ta: BTreeSet<&String> = ca.topics.iter().collect();
    let tb: BTreeSet<&String> = cb.topics.iter().collect();
    let topic = jaccard(&ta, &tb);
    if topic > 0.0 {
        let shared: Vec<String> = ta
            .intersection(&tb)
            .map(|t| catalog.topic_label(t))
            .collect();
        reasons.push(format!("shared topics: {}", shared.join(", ")));
    }
    let oa = parties(catalog, a, &ca.obligors);
    let ob = parties(catalog, b, &cb.obligors);
    let ba = parties(catalog, a, &ca.beneficiaries);
    let bb = parties(catalog, b, &cb.beneficiaries);
    let same_kind = ca.kind == cb.kind;
    let direction = (jaccard(&oa, &ob) + jaccard(&ba, &bb)) / 2.0;
    let shape = 0.5 * direction + 0.5 * f64::from(u8::from(same_kind));
    if direction > 0.0 {
        reasons.push(format!(
            "same obligation direction ({:.0}% overlap)",
            direction * 100.0
        ));
    }
    if same_kind {
        reasons.push(format!("both {}", ca.kind.label()));
    }
    let text = words::similarity(&ca.text, &cb.text);
    if text >= 0.2 {
        reasons.push(format!("text similarity {text:.2}"));
    }
    let total = TOPIC_WEIGHT * topic + SHAPE_WEIGHT * shape + TEXT_WEIGHT * text;
    // A pair sharing neither a topic nor words is a coincidence of shape; a
    // pair with no party in common needs strong content evidence.
    let total = if direction == 0.0 && total < 0.5 {
        total.min(MIN_SCORE - 0.01)
    } else {
        total
    };
    // A pair sharing neither a topic nor words is a coincidence of shape.
    let total = if topic == 0.0 && text < 0.2 {
        total.min(MIN_SCORE - 0.01)
    } else {
        total
    };
    ((total * 1000.0).round() / 1000.0, reasons)
}
