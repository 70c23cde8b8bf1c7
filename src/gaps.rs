//! Stage 3a: the gap table — what each agreement says on each dimension a
//! report needs, a verdict across agreements, and the clauses that are the
//! evidence. Every cell is computed from the data; no row text is written
//! here about any particular agreement.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::catalog::{Catalog, Entry};
use crate::describe;
use crate::model::{
    Agreement, AgreementStatus, Certainty, Checklist, ChecklistItem, Clause, ClauseKind,
    EnforcementKind, MonitoringKind, PenaltyKind,
};

/// The agreements compared, as they head the columns.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Column {
    pub id: String,
    pub short_title: String,
    pub status: AgreementStatus,
    pub date: Option<String>,
    /// True when the text is unsigned (proposed, agreed in principle,
    /// reported): its clauses are reported statements.
    pub reported_statement: bool,
}

/// A clause cited as evidence.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Evidence {
    pub agreement: String,
    pub clause: String,
    pub locator: String,
    pub certainty: Certainty,
}

/// What one agreement says on one row.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct GapCell {
    pub text: String,
    /// Whether the agreement addresses the row at all.
    pub present: bool,
    /// Strength on rows that have an order (enforcement, monitoring, penalty);
    /// higher is stronger.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strength: Option<u8>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum VerdictKind {
    /// Addressed by exactly one agreement.
    OnlyIn,
    /// Addressed by some agreements but not all (three or more compared).
    InSome,
    /// Addressed by all, the same way.
    Same,
    /// Addressed by all, differently.
    Differs,
    /// Addressed by all, more strongly by the listed ones.
    StrongerIn,
    /// Addressed by none.
    AbsentInAll,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Verdict {
    pub kind: VerdictKind,
    /// The agreements the verdict names (for only_in, in_some, stronger_in).
    pub agreements: Vec<String>,
    /// The verdict in words, as the tables show it.
    pub text: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct GapRow {
    /// The dimension family: topics, checklist, dyads, groups, territory …
    pub dimension: &'static str,
    /// What the row is about ("Afghanistan/Taliban ↔ Pakistan").
    pub item: String,
    /// One cell per compared agreement, in column order.
    pub cells: Vec<GapCell>,
    pub verdict: Verdict,
    pub evidence: Vec<Evidence>,
    /// Warnings about the evidence: unverified or reported facts, unsigned texts.
    pub caveats: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct GapReport {
    pub agreements: Vec<Column>,
    pub rows: Vec<GapRow>,
}

impl GapReport {
    /// Whether any row shows the agreements differ (for `--exit-code`).
    pub fn has_differences(&self) -> bool {
        self.rows.iter().any(|row| {
            !matches!(
                row.verdict.kind,
                VerdictKind::Same | VerdictKind::AbsentInAll
            )
        })
    }
}

/// Builds the gap table for two or more agreements.
pub fn gaps(
    catalog: &Catalog,
    agreements: &[&Entry<Agreement>],
    checklist: &Checklist,
) -> GapReport {
    let ctx = Ctx {
        catalog,
        agreements: agreements.iter().map(|e| &e.value).collect(),
    };
    // Who is bound to whom comes first, then how the obligations are made
    // to hold, then what is covered at all: the order a report argues in.
    let mut rows = Vec::new();
    ctx.dyad_rows(&mut rows);
    ctx.beneficiary_row(&mut rows);
    ctx.undefined_actor_row(&mut rows);
    ctx.reciprocity_row(&mut rows);
    ctx.group_rows(&mut rows);
    ctx.territory_row(&mut rows);
    ctx.enforcement_rows(&mut rows);
    ctx.monitoring_row(&mut rows);
    ctx.deadline_row(&mut rows);
    ctx.conditionality_row(&mut rows);
    ctx.checklist_rows(checklist, &mut rows);
    ctx.topic_rows(&mut rows);
    ctx.certainty_row(&mut rows);
    ctx.implementation_row(&mut rows);
    GapReport {
        agreements: agreements.iter().map(|e| column(&e.value)).collect(),
        rows,
    }
}

pub fn column(a: &Agreement) -> Column {
    Column {
        id: a.id.clone(),
        short_title: a.short_title.clone(),
        status: a.status,
        date: a.date.map(|d| d.to_string()),
        reported_statement: a.status.is_reported_statement(),
    }
}

struct Ctx<'a> {
    catalog: &'a Catalog,
    agreements: Vec<&'a Agreement>,
}

/// Clauses that bind someone: commitments and principles with obligors.
fn is_obligation(c: &Clause) -> bool {
    matches!(c.kind, ClauseKind::Commitment | ClauseKind::Principle) && !c.obligors.is_empty()
}

fn evidence(a: &Agreement, c: &Clause) -> Evidence {
    Evidence {
        agreement: a.id.clone(),
        clause: c.id.clone(),
        locator: c.locator.clone(),
        certainty: c.certainty,
    }
}

/// Clause ids for a cell; clauses known only from reporting say so, so a
/// reader never mistakes them for the agreement's text.
fn ids(clauses: &[&Clause]) -> String {
    clauses
        .iter()
        .map(|c| match c.basis {
            crate::model::Basis::Text => c.id.clone(),
            crate::model::Basis::Reporting => format!("{} [from reporting]", c.id),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn from_reporting(c: &Clause) -> bool {
    c.basis == crate::model::Basis::Reporting
}

impl<'a> Ctx<'a> {
    /// Assembles a row: the verdict from the cells, caveats from the evidence.
    fn row(
        &self,
        dimension: &'static str,
        item: String,
        cells: Vec<GapCell>,
        evidence: Vec<(usize, &Clause)>,
    ) -> GapRow {
        let verdict = self.verdict(&cells);
        let mut caveats = BTreeSet::new();
        let mut cited = Vec::new();
        for (index, clause) in &evidence {
            let agreement = self.agreements[*index];
            if !clause.certainty.is_settled() {
                caveats.insert(format!(
                    "{} {} is {}",
                    agreement.short_title,
                    clause.id,
                    clause.certainty.label()
                ));
            }
            if clause.basis == crate::model::Basis::Reporting {
                caveats.insert(format!(
                    "{} {} is known from reporting, not the text",
                    agreement.short_title, clause.id
                ));
            }
            if agreement.status.is_reported_statement() {
                caveats.insert(format!(
                    "{} is {}: a reported statement, not a signed text",
                    agreement.short_title,
                    agreement.status.label()
                ));
            }
            cited.push(evidence_of(agreement, clause));
        }
        cited.sort_by_key(|e| {
            (
                self.agreements.iter().position(|a| a.id == e.agreement),
                self.agreements
                    .iter()
                    .find(|a| a.id == e.agreement)
                    .and_then(|a| a.clauses.iter().position(|c| c.id == e.clause)),
            )
        });
        cited.dedup();
        GapRow {
            dimension,
            item,
            cells,
            verdict,
            evidence: cited,
            caveats: caveats.into_iter().collect(),
        }
    }

    /// Builds a row from one cell per agreement: `cell` returns the clauses
    /// (with their agreement's index) the cell rests on, and the cell.
    fn each(
        &self,
        dimension: &'static str,
        item: impl Into<String>,
        mut cell: impl FnMut(usize, &'a Agreement) -> (Vec<(usize, &'a Clause)>, GapCell),
    ) -> GapRow {
        let mut cells = Vec::new();
        let mut cited = Vec::new();
        for (i, a) in self.agreements.iter().enumerate() {
            let (evidence, value) = cell(i, a);
            cited.extend(evidence);
            cells.push(value);
        }
        self.row(dimension, item.into(), cells, cited)
    }

    fn name(&self, index: usize) -> &str {
        &self.agreements[index].short_title
    }

    fn verdict(&self, cells: &[GapCell]) -> Verdict {
        let present: Vec<usize> = (0..cells.len()).filter(|&i| cells[i].present).collect();
        let names = |indices: &[usize]| {
            indices
                .iter()
                .map(|&i| self.name(i).to_string())
                .collect::<Vec<_>>()
        };
        let ids = |indices: &[usize]| {
            indices
                .iter()
                .map(|&i| self.agreements[i].id.clone())
                .collect::<Vec<_>>()
        };
        if present.is_empty() {
            return Verdict {
                kind: VerdictKind::AbsentInAll,
                agreements: Vec::new(),
                text: "absent in all".into(),
            };
        }
        if present.len() < cells.len() {
            let absent: Vec<usize> = (0..cells.len()).filter(|i| !present.contains(i)).collect();
            return if present.len() == 1 {
                Verdict {
                    kind: VerdictKind::OnlyIn,
                    agreements: ids(&present),
                    text: format!("only in {}", names(&present)[0]),
                }
            } else {
                Verdict {
                    kind: VerdictKind::InSome,
                    agreements: ids(&present),
                    text: format!(
                        "in {}; not in {}",
                        names(&present).join(", "),
                        names(&absent).join(", ")
                    ),
                }
            };
        }
        let strengths: Vec<Option<u8>> = cells.iter().map(|c| c.strength).collect();
        if strengths.iter().all(Option::is_some) {
            let max = strengths.iter().flatten().max().copied().unwrap_or(0);
            let min = strengths.iter().flatten().min().copied().unwrap_or(0);
            if max != min {
                let strongest: Vec<usize> = (0..cells.len())
                    .filter(|&i| strengths[i] == Some(max))
                    .collect();
                return Verdict {
                    kind: VerdictKind::StrongerIn,
                    agreements: ids(&strongest),
                    text: format!("stronger in {}", names(&strongest).join(", ")),
                };
            }
        }
        if strengths.iter().all(Option::is_some) && cells.windows(2).any(|w| w[0].text != w[1].text)
        {
            // Equal strength, different wording: the same level reached by other clauses.
            return Verdict {
                kind: VerdictKind::Same,
                agreements: Vec::new(),
                text: "same level".into(),
            };
        }
        if cells.windows(2).all(|w| w[0].text == w[1].text) {
            Verdict {
                kind: VerdictKind::Same,
                agreements: Vec::new(),
                text: "same".into(),
            }
        } else {
            Verdict {
                kind: VerdictKind::Differs,
                agreements: Vec::new(),
                text: "differs".into(),
            }
        }
    }

    fn topic_rows(&self, rows: &mut Vec<GapRow>) {
        let mut covered: BTreeSet<&str> = BTreeSet::new();
        for a in &self.agreements {
            for c in &a.clauses {
                covered.extend(c.topics.iter().map(String::as_str));
            }
        }
        // Rows in taxonomy order (by label) so related agreements line up.
        let mut topics: Vec<&str> = covered.into_iter().collect();
        topics.sort_by_key(|t| self.catalog.topic_label(t));
        for topic in topics {
            let label = self.catalog.topic_label(topic);
            let item = match self
                .catalog
                .topics
                .get(topic)
                .and_then(|t| t.value.pax.clone())
            {
                Some(pax) => format!("{label} [PA-X {pax}]"),
                None => label,
            };
            let row = self.each("topic", item, |i, a| {
                let mut cited = Vec::new();
                let clauses: Vec<&Clause> = a
                    .clauses
                    .iter()
                    .filter(|c| c.topics.iter().any(|t| t == topic))
                    .collect();
                cited.extend(clauses.iter().map(|c| (i, *c)));
                (
                    cited,
                    GapCell {
                        text: if clauses.is_empty() {
                            "not covered".into()
                        } else {
                            format!("{} ({})", coverage_level(&clauses), ids(&clauses))
                        },
                        present: !clauses.is_empty(),
                        // Depth orders topic rows: equal depth reads "same depth".
                        strength: Some(coverage_score(&clauses)),
                    },
                )
            });
            rows.push(row);
        }
    }

    fn checklist_rows(&self, checklist: &Checklist, rows: &mut Vec<GapRow>) {
        for item in &checklist.items {
            let row = self.each("checklist", item.label.clone(), |i, a| {
                let mut cited = Vec::new();
                let clauses: Vec<&Clause> = a.clauses.iter().filter(|c| covers(item, c)).collect();
                cited.extend(clauses.iter().map(|c| (i, *c)));
                (
                    cited,
                    GapCell {
                        text: if clauses.is_empty() {
                            "not addressed".into()
                        } else {
                            format!("addressed ({})", ids(&clauses))
                        },
                        present: !clauses.is_empty(),
                        strength: None,
                    },
                )
            });
            rows.push(row);
        }
    }

    /// The party an actor stands for in an agreement: its state when it acts
    /// for one on the agreement's date, otherwise itself.
    fn party_of(&self, a: &Agreement, actor: &str) -> String {
        party_of(self.catalog, a, actor)
    }

    fn directed(&self, a: &'a Agreement) -> BTreeMap<(String, String), Vec<&'a Clause>> {
        directed_obligations(self.catalog, a)
    }

    /// "Afghanistan/Taliban": a state with the actors who act for it on the
    /// dates of the given agreements, or an actor's short name.
    fn party_label(&self, party: &str, dates_of: &[usize]) -> String {
        let mut label = self.catalog.actor_label(party);
        let mut acting = BTreeSet::new();
        // Only non-state actors are named: a state's own government is its
        // ordinary voice, a de facto authority (the Taliban) is the news.
        for &i in dates_of {
            acting.extend(
                self.catalog
                    .acting_for(party, self.agreements[i].date)
                    .into_iter()
                    .filter(|id| {
                        self.catalog
                            .actor(id)
                            .is_some_and(|a| a.kind == crate::model::ActorKind::NonState)
                    }),
            );
        }
        for actor in acting {
            label.push('/');
            label.push_str(&self.catalog.actor_label(&actor));
        }
        if self.catalog.actor(party).is_some_and(|a| !a.defined) {
            label.push_str(" (undefined)");
        }
        label
    }

    fn dyad_rows(&self, rows: &mut Vec<GapRow>) {
        let per_agreement: Vec<_> = self.agreements.iter().map(|a| self.directed(a)).collect();
        let mut pairs: BTreeSet<(String, String)> = BTreeSet::new();
        for edges in &per_agreement {
            for (x, y) in edges.keys() {
                let key = if x <= y {
                    (x.clone(), y.clone())
                } else {
                    (y.clone(), x.clone())
                };
                pairs.insert(key);
            }
        }
        for (x, y) in pairs {
            // Name who acted for a state in the agreements that bind it here.
            let binding: Vec<usize> = (0..per_agreement.len())
                .filter(|&i| {
                    per_agreement[i].contains_key(&(x.clone(), y.clone()))
                        || per_agreement[i].contains_key(&(y.clone(), x.clone()))
                })
                .collect();
            let (lx, ly) = (
                self.party_label(&x, &binding),
                self.party_label(&y, &binding),
            );
            let mut cells = Vec::new();
            let mut cited = Vec::new();
            for (i, edges) in per_agreement.iter().enumerate() {
                let forward = edges.get(&(x.clone(), y.clone()));
                let backward = edges.get(&(y.clone(), x.clone()));
                for clause in forward.into_iter().chain(backward).flatten() {
                    cited.push((i, *clause));
                }
                let ids_of = |list: Option<&Vec<&Clause>>| list.map(|l| ids(l)).unwrap_or_default();
                let text = match (forward, backward) {
                    (Some(_), Some(_)) if ids_of(forward) == ids_of(backward) => {
                        format!("both directions, reciprocal ({})", ids_of(forward))
                    }
                    (Some(_), Some(_)) => format!(
                        "both directions ({lx} → {ly}: {}; {ly} → {lx}: {})",
                        ids_of(forward),
                        ids_of(backward)
                    ),
                    (Some(_), None) => format!("{lx} → {ly} only ({})", ids_of(forward)),
                    (None, Some(_)) => format!("{ly} → {lx} only ({})", ids_of(backward)),
                    (None, None) => "none".into(),
                };
                cells.push(GapCell {
                    present: forward.is_some() || backward.is_some(),
                    strength: None,
                    text,
                });
            }
            rows.push(self.row("dyad", format!("{lx} ↔ {ly}"), cells, cited));
        }
    }

    fn beneficiary_row(&self, rows: &mut Vec<GapRow>) {
        let row = self.each("protected party", "who the obligations protect", |i, a| {
            let mut cited = Vec::new();
            let mut protected = BTreeSet::new();
            for c in a.clauses.iter().filter(|c| is_obligation(c)) {
                if c.reciprocal {
                    protected.insert("each party (reciprocal)".to_string());
                    cited.push((i, c));
                }
                for b in &c.beneficiaries {
                    protected.insert(self.party_label(&self.party_of(a, b), &[i]));
                    cited.push((i, c));
                }
            }
            (
                cited,
                GapCell {
                    present: !protected.is_empty(),
                    strength: None,
                    text: if protected.is_empty() {
                        "not stated".into()
                    } else {
                        protected.into_iter().collect::<Vec<_>>().join("; ")
                    },
                },
            )
        });
        rows.push(row);
    }

    fn undefined_actor_row(&self, rows: &mut Vec<GapRow>) {
        let row = self.each("vague parties", "parties the text never defines", |i, a| {
            let mut cited = Vec::new();
            let mut vague = BTreeSet::new();
            for c in &a.clauses {
                let mentioned = c
                    .obligors
                    .iter()
                    .chain(&c.beneficiaries)
                    .chain(&c.monitoring.by);
                let mut hit = false;
                for id in mentioned {
                    if self.catalog.actor(id).is_some_and(|actor| !actor.defined) {
                        vague.insert(self.catalog.actor_label(id));
                        hit = true;
                    }
                }
                if hit {
                    cited.push((i, c));
                }
            }
            (
                cited,
                GapCell {
                    present: !vague.is_empty(),
                    strength: None,
                    text: if vague.is_empty() {
                        "none".into()
                    } else {
                        vague.into_iter().collect::<Vec<_>>().join("; ")
                    },
                },
            )
        });
        rows.push(row);
    }

    fn group_rows(&self, rows: &mut Vec<GapRow>) {
        let mut all: BTreeSet<&str> = BTreeSet::new();
        let row = self.each("named groups", "armed groups named", |i, a| {
            let mut cited = Vec::new();
            let mut named = BTreeSet::new();
            for c in a.clauses.iter().filter(|c| !c.groups.is_empty()) {
                named.extend(c.groups.iter().map(|g| self.catalog.group_label(g)));
                all.extend(c.groups.iter().map(String::as_str));
                cited.push((i, c));
            }
            (
                cited,
                GapCell {
                    present: !named.is_empty(),
                    strength: None,
                    text: if named.is_empty() {
                        "none named".into()
                    } else {
                        named.into_iter().collect::<Vec<_>>().join(", ")
                    },
                },
            )
        });
        rows.push(row);
        for group in all {
            let row = self.each("named groups", self.catalog.group_label(group), |i, a| {
                let mut cited = Vec::new();
                let clauses: Vec<&Clause> = a
                    .clauses
                    .iter()
                    .filter(|c| c.groups.iter().any(|g| g == group))
                    .collect();
                cited.extend(clauses.iter().map(|c| (i, *c)));
                (
                    cited,
                    GapCell {
                        present: !clauses.is_empty(),
                        strength: None,
                        text: if clauses.is_empty() {
                            "not named".into()
                        } else {
                            format!("named ({})", ids(&clauses))
                        },
                    },
                )
            });
            rows.push(row);
        }
    }

    fn territory_row(&self, rows: &mut Vec<GapRow>) {
        let row = self.each("territory", "territorial scope", |i, a| {
            let mut cited = Vec::new();
            let mut scopes = BTreeSet::new();
            for c in a.clauses.iter() {
                if let Some(t) = &c.territory {
                    let mut text = t.description.clone();
                    if let Some(limit) = &t.limited_to
                        && !text.contains(limit.as_str())
                    {
                        text = format!("{text} (limited to {limit})");
                    }
                    scopes.insert(text);
                    cited.push((i, c));
                }
            }
            (
                cited,
                GapCell {
                    present: !scopes.is_empty(),
                    strength: None,
                    text: if scopes.is_empty() {
                        "not stated".into()
                    } else {
                        scopes.into_iter().collect::<Vec<_>>().join("; ")
                    },
                },
            )
        });
        rows.push(row);
    }

    fn reciprocity_row(&self, rows: &mut Vec<GapRow>) {
        let row = self.each("reciprocity", "mutual (reciprocal) commitments", |i, a| {
            let mut cited = Vec::new();
            let obligations: Vec<&Clause> = a.clauses.iter().filter(|c| is_obligation(c)).collect();
            let mutual: Vec<&Clause> = obligations
                .iter()
                .copied()
                .filter(|c| c.reciprocal)
                .collect();
            cited.extend(mutual.iter().map(|c| (i, *c)));
            let mut one_sided: BTreeMap<String, usize> = BTreeMap::new();
            for c in obligations.iter().filter(|c| !c.reciprocal) {
                let from = c
                    .obligors
                    .iter()
                    .map(|o| self.catalog.actor_label(o))
                    .collect::<Vec<_>>()
                    .join(" + ");
                *one_sided.entry(from).or_default() += 1;
            }
            let sided = one_sided
                .iter()
                .map(|(who, n)| format!("{who}: {n}"))
                .collect::<Vec<_>>()
                .join(", ");
            let text = match (mutual.is_empty(), one_sided.is_empty()) {
                (true, true) => "no obligations".to_string(),
                (true, false) => format!("one-sided only ({sided})"),
                (false, true) => format!("mutual ({} reciprocal)", ids(&mutual)),
                (false, false) => format!("mutual ({}) and one-sided ({sided})", ids(&mutual)),
            };
            (
                cited,
                GapCell {
                    present: !mutual.is_empty(),
                    strength: None,
                    text,
                },
            )
        });
        rows.push(row);
    }

    fn enforcement_rows(&self, rows: &mut Vec<GapRow>) {
        // Enforcement mechanism, strongest per agreement.
        let row = self.each("enforcement", "enforcement mechanism", |i, a| {
            let mut cited = Vec::new();
            let obligations: Vec<&Clause> = a
                .clauses
                .iter()
                .filter(|c| is_obligation(c) || c.kind == ClauseKind::Mechanism)
                .collect();
            let enforced: Vec<&Clause> = obligations
                .iter()
                .copied()
                .filter(|c| enforcement_strength(c.enforcement.kind) > 0)
                .collect();
            cited.extend(enforced.iter().map(|c| (i, *c)));
            let strength = enforced
                .iter()
                .map(|c| enforcement_strength(c.enforcement.kind))
                .max()
                .unwrap_or(0);
            let text = if enforced.is_empty() {
                absence_text(
                    obligations
                        .iter()
                        .map(|c| c.enforcement.kind == EnforcementKind::None),
                )
            } else {
                let kinds: BTreeSet<&str> = enforced
                    .iter()
                    .map(|c| c.enforcement.kind.label())
                    .collect();
                format!(
                    "{} ({}); other obligations: {}",
                    kinds.into_iter().collect::<Vec<_>>().join(", "),
                    ids(&enforced),
                    absence_text(
                        obligations
                            .iter()
                            .filter(|c| enforcement_strength(c.enforcement.kind) == 0)
                            .map(|c| c.enforcement.kind == EnforcementKind::None)
                    )
                )
            };
            (
                cited,
                GapCell {
                    present: !enforced.is_empty(),
                    strength: Some(strength),
                    text,
                },
            )
        });
        rows.push(row);

        // Penalty for breach.
        let row = self.each("enforcement", "penalty for breach", |i, a| {
            let mut cited = Vec::new();
            let with_penalty: Vec<&Clause> = a
                .clauses
                .iter()
                .filter(|c| {
                    matches!(
                        c.enforcement.penalty.kind,
                        PenaltyKind::Specified | PenaltyKind::Unspecified
                    )
                })
                .collect();
            cited.extend(with_penalty.iter().map(|c| (i, *c)));
            let strength = with_penalty
                .iter()
                .map(|c| match c.enforcement.penalty.kind {
                    PenaltyKind::Specified => 2,
                    _ => 1,
                })
                .max()
                .unwrap_or(0);
            let text =
                if with_penalty.is_empty() {
                    absence_text(
                        a.clauses
                            .iter()
                            .filter(|c| is_obligation(c) || c.kind == ClauseKind::Mechanism)
                            .map(|c| c.enforcement.penalty.kind == PenaltyKind::None),
                    )
                } else {
                    with_penalty
                        .iter()
                        .map(|c| {
                            let what =
                                c.enforcement.penalty.detail.clone().unwrap_or_else(|| {
                                    c.enforcement.penalty.kind.label().to_string()
                                });
                            format!("{what} ({}, {})", c.enforcement.penalty.kind.label(), c.id)
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                };
            (
                cited,
                GapCell {
                    present: !with_penalty.is_empty(),
                    strength: Some(strength),
                    text,
                },
            )
        });
        rows.push(row);
    }

    fn monitoring_row(&self, rows: &mut Vec<GapRow>) {
        let row = self.each("monitoring", "monitoring and verification", |i, a| {
            let mut cited = Vec::new();
            let monitored: Vec<&Clause> = a
                .clauses
                .iter()
                .filter(|c| monitoring_strength(c.monitoring.kind) > 0)
                .collect();
            cited.extend(monitored.iter().map(|c| (i, *c)));
            let strength = monitored
                .iter()
                .map(|c| monitoring_strength(c.monitoring.kind))
                .max()
                .unwrap_or(0);
            let text = if monitored.is_empty() {
                absence_text(
                    a.clauses
                        .iter()
                        .filter(|c| is_obligation(c) || c.kind == ClauseKind::Mechanism)
                        .map(|c| c.monitoring.kind == MonitoringKind::None),
                )
            } else {
                let mut kinds = BTreeSet::new();
                for c in &monitored {
                    kinds.insert(describe::monitoring(self.catalog, &c.monitoring));
                }
                let mut text = format!(
                    "{} ({})",
                    kinds.into_iter().collect::<Vec<_>>().join("; "),
                    ids(&monitored)
                );
                if monitored.iter().all(|c| from_reporting(c)) {
                    let in_text = absence_text(
                        a.clauses
                            .iter()
                            .filter(|c| {
                                (is_obligation(c) || c.kind == ClauseKind::Mechanism)
                                    && !from_reporting(c)
                            })
                            .map(|c| c.monitoring.kind == MonitoringKind::None),
                    );
                    text.push_str(&format!("; in the text: {in_text}"));
                }
                text
            };
            (
                cited,
                GapCell {
                    present: !monitored.is_empty(),
                    strength: Some(strength),
                    text,
                },
            )
        });
        rows.push(row);
    }

    fn deadline_row(&self, rows: &mut Vec<GapRow>) {
        let row = self.each("deadlines", "deadlines", |i, a| {
            let mut cited = Vec::new();
            let dated: Vec<&Clause> = a.clauses.iter().filter(|c| c.deadline.is_some()).collect();
            let obligations = a.clauses.iter().filter(|c| is_obligation(c)).count();
            cited.extend(dated.iter().map(|c| (i, *c)));
            let text = if dated.is_empty() {
                "no deadline stated".to_string()
            } else {
                let list = dated
                    .iter()
                    .map(|c| format!("{}: {}", c.id, describe::deadline(a, c)))
                    .collect::<Vec<_>>()
                    .join("; ");
                let dated_obligations = dated.iter().filter(|c| is_obligation(c)).count();
                format!(
                    "{} dated ({dated_obligations} of {obligations} obligations) — {list}",
                    if dated.len() == 1 {
                        "1 clause".to_string()
                    } else {
                        format!("{} clauses", dated.len())
                    }
                )
            };
            (
                cited,
                GapCell {
                    present: !dated.is_empty(),
                    strength: None,
                    text,
                },
            )
        });
        rows.push(row);
    }

    fn conditionality_row(&self, rows: &mut Vec<GapRow>) {
        let row = self.each("conditionality", "conditions and dependencies", |i, a| {
            let mut cited = Vec::new();
            let conditional: Vec<&Clause> = a
                .clauses
                .iter()
                .filter(|c| !c.conditions.is_empty())
                .collect();
            cited.extend(conditional.iter().map(|c| (i, *c)));
            let text = if conditional.is_empty() {
                "none stated".to_string()
            } else {
                conditional
                    .iter()
                    .map(|c| {
                        let on: BTreeSet<&str> = c
                            .conditions
                            .iter()
                            .flat_map(|k| k.on.iter().map(String::as_str))
                            .collect();
                        if on.is_empty() {
                            format!(
                                "{}: {}",
                                c.id,
                                c.conditions
                                    .iter()
                                    .map(|k| k.text.as_str())
                                    .collect::<Vec<_>>()
                                    .join("; ")
                            )
                        } else {
                            format!(
                                "{} depends on {}",
                                c.id,
                                on.into_iter().collect::<Vec<_>>().join(", ")
                            )
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            (
                cited,
                GapCell {
                    present: !conditional.is_empty(),
                    strength: None,
                    text,
                },
            )
        });
        rows.push(row);
    }

    fn certainty_row(&self, rows: &mut Vec<GapRow>) {
        let mut row = self.each(
            "certainty",
            "facts not settled (reported, unverified, unsigned)",
            |i, a| {
                let mut cited = Vec::new();
                let unsettled: Vec<&Clause> = a
                    .clauses
                    .iter()
                    .filter(|c| !c.certainty.is_settled())
                    .collect();
                let from_reporting: Vec<&Clause> = a
                    .clauses
                    .iter()
                    .filter(|c| c.basis == crate::model::Basis::Reporting)
                    .collect();
                cited.extend(unsettled.iter().map(|c| (i, *c)));
                let mut parts = Vec::new();
                if a.status.is_reported_statement() {
                    parts.push(format!(
                        "{} text: every clause is a reported statement",
                        a.status.label()
                    ));
                }
                if unsettled.is_empty() {
                    parts.push(format!("all {} clauses verified", a.clauses.len()));
                } else {
                    let mut by_level: BTreeMap<&str, Vec<&Clause>> = BTreeMap::new();
                    for c in &unsettled {
                        by_level.entry(c.certainty.label()).or_default().push(c);
                    }
                    parts.push(format!(
                        "{} of {} clauses not fully verified: {}",
                        unsettled.len(),
                        a.clauses.len(),
                        by_level
                            .iter()
                            .map(|(level, cs)| format!("{level} {}", ids(cs)))
                            .collect::<Vec<_>>()
                            .join("; ")
                    ));
                }
                if !from_reporting.is_empty() {
                    parts.push(format!(
                        "outside the text, from reporting: {}",
                        ids(&from_reporting)
                    ));
                }
                (
                    cited,
                    GapCell {
                        present: !unsettled.is_empty() || a.status.is_reported_statement(),
                        strength: None,
                        text: parts.join("; "),
                    },
                )
            },
        );
        // This row is about certainty itself; its verdict names where the
        // uncertainty lies, and the caveat list would only repeat the cells.
        row.caveats.clear();
        rows.push(row);
    }

    fn implementation_row(&self, rows: &mut Vec<GapRow>) {
        let mut row = self.each(
            "implementation",
            "implementation record (latest status)",
            |i, a| {
                let mut cited = Vec::new();
                let recorded: Vec<&Clause> = a
                    .clauses
                    .iter()
                    .filter(|c| !c.implementation.is_empty())
                    .collect();
                cited.extend(recorded.iter().map(|c| (i, *c)));
                let text = if recorded.is_empty() {
                    "none encoded".to_string()
                } else {
                    recorded
                        .iter()
                        .filter_map(|c| {
                            let last = c.implementation.last()?;
                            let mark = if last.certainty.is_settled() {
                                String::new()
                            } else {
                                format!(" — {}", last.certainty.label())
                            };
                            Some(format!(
                                "{}: {} ({}){mark}",
                                c.id,
                                last.status.label(),
                                last.date
                            ))
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                (
                    cited,
                    GapCell {
                        present: !recorded.is_empty(),
                        strength: None,
                        text,
                    },
                )
            },
        );
        // The clauses' own certainty is not what this row rests on: each
        // record carries its certainty, shown in the cell. Keep the caveats
        // about unsigned texts and facts known only from reporting.
        row.caveats
            .retain(|c| !CERTAINTY_SUFFIXES.iter().any(|s| c.ends_with(s)));
        rows.push(row);
    }
}

/// The party an actor stands for in an agreement: its state when it acts
/// for one on the agreement's date, otherwise itself.
pub fn party_of(catalog: &Catalog, a: &Agreement, actor: &str) -> String {
    catalog
        .state_of(actor, a.date)
        .unwrap_or_else(|| actor.to_string())
}

/// Directed obligations (obligor party → beneficiary party) with the clauses
/// that create them. A reciprocal clause binds each obligor toward each other.
pub fn directed_obligations<'a>(
    catalog: &Catalog,
    a: &'a Agreement,
) -> BTreeMap<(String, String), Vec<&'a Clause>> {
    let mut edges: BTreeMap<(String, String), Vec<&Clause>> = BTreeMap::new();
    for c in a.clauses.iter().filter(|c| is_obligation(c)) {
        let obligors: BTreeSet<String> =
            c.obligors.iter().map(|o| party_of(catalog, a, o)).collect();
        let mut pairs = BTreeSet::new();
        if c.reciprocal {
            for x in &obligors {
                for y in &obligors {
                    if x != y {
                        pairs.insert((x.clone(), y.clone()));
                    }
                }
            }
        }
        for o in &obligors {
            for b in &c.beneficiaries {
                let b = party_of(catalog, a, b);
                if *o != b {
                    pairs.insert((o.clone(), b));
                }
            }
        }
        for pair in pairs {
            edges.entry(pair).or_default().push(c);
        }
    }
    edges
}

/// Endings of the caveats that report a clause's own certainty.
const CERTAINTY_SUFFIXES: [&str; 3] = [" is partially verified", " is reported", " is unverified"];

fn evidence_of(a: &Agreement, c: &Clause) -> Evidence {
    evidence(a, c)
}

/// "explicitly none" when the data says so for every obligation, "not stated"
/// when it is silent for all, and a mix otherwise.
fn absence_text(explicit: impl Iterator<Item = bool>) -> String {
    let (mut none, mut silent) = (0, 0);
    for is_none in explicit {
        if is_none {
            none += 1;
        } else {
            silent += 1;
        }
    }
    match (none, silent) {
        (0, 0) => "not stated".into(),
        (_, 0) => "explicitly none".into(),
        (0, _) => "not stated".into(),
        (n, s) => format!("explicitly none ({n}), not stated ({s})"),
    }
}

fn enforcement_strength(kind: EnforcementKind) -> u8 {
    match kind {
        EnforcementKind::NotStated | EnforcementKind::None => 0,
        EnforcementKind::Conditionality | EnforcementKind::Other => 1,
        EnforcementKind::Sanctions | EnforcementKind::Penalty => 2,
        EnforcementKind::DisputeBody => 3,
    }
}

fn monitoring_strength(kind: MonitoringKind) -> u8 {
    match kind {
        MonitoringKind::NotStated | MonitoringKind::None => 0,
        MonitoringKind::Party => 1,
        MonitoringKind::ThirdPartyUnspecified => 2,
        MonitoringKind::NamedBody => 3,
    }
}

/// PA-X-style depth of a topic's coverage: "mentioned" (1), "concrete" (2) —
/// an obligation or mechanism with a date, figure, named group or named
/// monitor — or "detailed and enforceable" (3) — concrete and with an
/// enforcement mechanism, penalty or third-party monitor.
pub fn coverage_score(clauses: &[&Clause]) -> u8 {
    clauses
        .iter()
        .map(|c| {
            // A clause known only from reporting (a classified annex) is
            // evidence that the topic came up, not of what the text provides.
            if from_reporting(c) {
                return 1;
            }
            let binding = is_obligation(c) || c.kind == ClauseKind::Mechanism;
            let concrete = binding
                && (c.deadline.is_some()
                    || !c.quantities.is_empty()
                    || !c.groups.is_empty()
                    || matches!(
                        c.monitoring.kind,
                        MonitoringKind::NamedBody | MonitoringKind::ThirdPartyUnspecified
                    )
                    || c.kind == ClauseKind::Mechanism);
            let enforceable = enforcement_strength(c.enforcement.kind) > 0
                || matches!(c.enforcement.penalty.kind, PenaltyKind::Specified)
                || c.monitoring.kind == MonitoringKind::NamedBody;
            match (concrete, enforceable) {
                (true, true) => 3,
                (true, false) => 2,
                _ => 1,
            }
        })
        .max()
        .unwrap_or(0)
}

pub fn coverage_label(score: u8) -> &'static str {
    match score {
        0 => "not covered",
        1 => "mentioned",
        2 => "concrete",
        _ => "detailed and enforceable",
    }
}

fn coverage_level(clauses: &[&Clause]) -> &'static str {
    coverage_label(coverage_score(clauses))
}

/// Whether a clause satisfies any of a checklist item's tests.
pub fn covers(item: &ChecklistItem, c: &Clause) -> bool {
    item.topics.iter().any(|t| c.topics.contains(t))
        || item.monitoring.contains(&c.monitoring.kind)
        || item.enforcement.contains(&c.enforcement.kind)
        || item.penalty.contains(&c.enforcement.penalty.kind)
}

/// The gap table as a grid for the table, Markdown and CSV renderers. The
/// compact form (terminal tables) cites clause ids without locators and
/// shortens caveats, so the table stays readable at terminal width.
pub fn to_grid(report: &GapReport, compact: bool) -> crate::render::Grid {
    use crate::render::{Cell, Grid, Tone};
    let mut header = vec!["dimension".to_string(), "item".to_string()];
    header.extend(report.agreements.iter().map(|a| a.short_title.clone()));
    header.extend(["verdict", "evidence", "caveats"].map(String::from));
    let rows = report
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![Cell::new(row.dimension), Cell::new(row.item.clone())];
            cells.extend(row.cells.iter().map(|c| Cell::new(c.text.clone())));
            let tone = match row.verdict.kind {
                VerdictKind::AbsentInAll => Tone::Alert,
                VerdictKind::Same => Tone::Good,
                _ => Tone::Warn,
            };
            cells.push(Cell::toned(row.verdict.text.clone(), tone));
            let evidence = if row.evidence.is_empty() {
                "—".to_string()
            } else {
                // Grouped by agreement: "Doha 2020: p2-1 (Part Two, 1), p2-3 (Part Two, 3)".
                report
                    .agreements
                    .iter()
                    .filter_map(|a| {
                        let cited: Vec<String> = row
                            .evidence
                            .iter()
                            .filter(|e| e.agreement == a.id)
                            .map(|e| {
                                if compact {
                                    e.clause.clone()
                                } else {
                                    format!("{} ({})", e.clause, e.locator)
                                }
                            })
                            .collect();
                        (!cited.is_empty())
                            .then(|| format!("{}: {}", a.short_title, cited.join(", ")))
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            cells.push(Cell::toned(evidence, Tone::Dim));
            let caveats = if row.caveats.is_empty() {
                "—".to_string()
            } else if compact {
                compact_caveats(report, row)
            } else {
                row.caveats.join("; ")
            };
            let caveat_tone = if row.caveats.is_empty() {
                Tone::Plain
            } else {
                Tone::Warn
            };
            cells.push(Cell::toned(caveats, caveat_tone));
            cells
        })
        .collect();
    let mut notes = Vec::new();
    for a in &report.agreements {
        if a.reported_statement {
            notes.push(format!(
                "Note: {} ({}) is {}, not a signed text; its clauses are reported statements.",
                a.short_title,
                a.id,
                a.status.label()
            ));
        }
    }
    if compact {
        notes.push(
            "Evidence cites clause ids; `clausediff show ID` gives their locators and texts."
                .into(),
        );
    }
    Grid {
        title: Some(format!(
            "Gap table: {}",
            report
                .agreements
                .iter()
                .map(|a| format!(
                    "{} ({}, {})",
                    a.short_title,
                    a.status.label(),
                    a.date.as_deref().unwrap_or("undated")
                ))
                .collect::<Vec<_>>()
                .join(" vs ")
        )),
        header,
        rows,
        notes,
        wide_column: None,
    }
}

/// "p3-2 partially verified; annexes from reporting; Proposal 2026 unsigned":
/// the row's caveats, shortened for terminal tables.
fn compact_caveats(report: &GapReport, row: &GapRow) -> String {
    let mut parts = Vec::new();
    for caveat in &row.caveats {
        let unsigned = report.agreements.iter().find(|a| {
            caveat.starts_with(&format!("{} is ", a.short_title))
                && caveat.ends_with("not a signed text")
        });
        if let Some(a) = unsigned {
            parts.push(format!("{} unsigned", a.short_title));
        } else if let Some(clause) = caveat.strip_suffix(" is known from reporting, not the text") {
            parts.push(format!(
                "{} from reporting",
                clause.rsplit(' ').next().unwrap_or(clause)
            ));
        } else if let Some((subject, level)) = caveat.rsplit_once(" is ") {
            parts.push(format!(
                "{} {level}",
                subject.rsplit(' ').next().unwrap_or(subject)
            ));
        } else {
            parts.push(caveat.clone());
        }
    }
    parts.join("; ")
}
