//! Properties of clause alignment: one-to-one, every clause accounted for,
//! and an agreement compared with itself shows no difference.

use clausediff::catalog::Catalog;
use clausediff::load::{Inputs, load};
use clausediff::model::{
    Agreement, AgreementStatus, Certainty, Clause, ClauseKind, Party, PartyRole, Source,
};
use clausediff::{align, diff};
use proptest::prelude::*;

fn catalog() -> Catalog {
    load(&Inputs::default()).catalog
}

const TOPICS: &[&str] = &[
    "counter-terrorism",
    "ceasefire",
    "prisoner-release",
    "human-rights",
    "sanctions-relief",
];
const ACTORS: &[&str] = &["afg", "pak", "usa", "taliban"];
const WORDS: &[&str] = &[
    "the",
    "party",
    "shall",
    "not",
    "allow",
    "territory",
    "groups",
    "release",
    "within",
    "days",
];

/// (topics, obligors, beneficiaries, words, kind) as indices into the tables above.
type ClauseSpec = (Vec<usize>, Vec<usize>, Vec<usize>, Vec<usize>, u8);

fn clause_strategy() -> impl Strategy<Value = (Vec<usize>, Vec<usize>, Vec<usize>, Vec<usize>, u8)>
{
    (
        proptest::collection::vec(0..TOPICS.len(), 0..3),
        proptest::collection::vec(0..ACTORS.len(), 1..3),
        proptest::collection::vec(0..ACTORS.len(), 0..2),
        proptest::collection::vec(0..WORDS.len(), 1..12),
        0u8..3,
    )
}

fn agreement(id: &str, specs: &[ClauseSpec]) -> Agreement {
    let clauses = specs
        .iter()
        .enumerate()
        .map(
            |(i, (topics, obligors, beneficiaries, words, kind))| Clause {
                id: format!("c{i}"),
                locator: format!("Article {i}"),
                text: words
                    .iter()
                    .map(|&w| WORDS[w])
                    .collect::<Vec<_>>()
                    .join(" "),
                text_form: Default::default(),
                kind: [
                    ClauseKind::Commitment,
                    ClauseKind::Principle,
                    ClauseKind::Mechanism,
                ][*kind as usize],
                basis: Default::default(),
                obligors: obligors.iter().map(|&a| ACTORS[a].to_string()).collect(),
                beneficiaries: beneficiaries
                    .iter()
                    .map(|&a| ACTORS[a].to_string())
                    .collect(),
                reciprocal: false,
                topics: topics.iter().map(|&t| TOPICS[t].to_string()).collect(),
                groups: Vec::new(),
                territory: None,
                enforcement: Default::default(),
                monitoring: Default::default(),
                deadline: None,
                conditions: Vec::new(),
                quantities: Vec::new(),
                links: Vec::new(),
                certainty: Certainty::Verified,
                sources: vec!["s".into()],
                note: None,
                implementation: Vec::new(),
            },
        )
        .collect();
    Agreement {
        id: id.into(),
        aliases: Vec::new(),
        title: id.into(),
        short_title: id.into(),
        status: AgreementStatus::Signed,
        date: None,
        place: None,
        pax_agt_id: None,
        parties: vec![Party {
            actor: "afg".into(),
            role: PartyRole::Signatory,
            note: None,
        }],
        sources: vec![Source {
            id: "s".into(),
            title: "s".into(),
            url: None,
        }],
        notes: Vec::new(),
        clauses,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn alignment_is_one_to_one_and_complete(
        a in proptest::collection::vec(clause_strategy(), 0..12),
        b in proptest::collection::vec(clause_strategy(), 0..12),
    ) {
        let catalog = catalog();
        let (a, b) = (agreement("a", &a), agreement("b", &b));
        let alignment = align::align(&catalog, &a, &b);
        let mut seen_a = vec![0; a.clauses.len()];
        let mut seen_b = vec![0; b.clauses.len()];
        for pair in &alignment.pairs {
            seen_a[pair.a] += 1;
            seen_b[pair.b] += 1;
            prop_assert!(pair.score >= align::MIN_SCORE);
        }
        for &i in &alignment.only_a { seen_a[i] += 1; }
        for &j in &alignment.only_b { seen_b[j] += 1; }
        prop_assert!(seen_a.iter().all(|&n| n == 1), "every clause of A exactly once: {:?}", seen_a);
        prop_assert!(seen_b.iter().all(|&n| n == 1), "every clause of B exactly once: {:?}", seen_b);
    }

    #[test]
    fn an_agreement_compared_with_itself_has_no_difference(
        a in proptest::collection::vec(clause_strategy(), 0..12),
    ) {
        let catalog = catalog();
        let a = agreement("a", &a);
        let report = diff::diff(&catalog, &a, &a);
        prop_assert!(!report.has_differences(), "{:#?}", report);
        prop_assert_eq!(report.pairs.len(), a.clauses.len());
    }
}

#[test]
fn every_bundled_agreement_compared_with_itself_has_no_difference() {
    let catalog = catalog();
    for entry in &catalog.agreements {
        let report = diff::diff(&catalog, &entry.value, &entry.value);
        assert!(!report.has_differences(), "{}", entry.value.id);
        assert!(
            report.pairs.iter().all(|p| p.a.id == p.b.id),
            "{}: clauses pair with themselves",
            entry.value.id
        );
    }
}

#[test]
fn explicit_links_align_the_withdrawal_clauses_of_doha_and_the_joint_declaration() {
    let catalog = catalog();
    let doha = &catalog.agreement("doha").unwrap().value;
    let jd = &catalog.agreement("us-afghanistan-2020").unwrap().value;
    let report = diff::diff(&catalog, doha, jd);
    let pair = report
        .pairs
        .iter()
        .find(|p| p.a.id == "p1-a1")
        .expect("p1-a1 aligned");
    assert_eq!(pair.score, 1.0);
    assert_eq!(pair.reasons, vec!["explicit link in the data".to_string()]);
    // The Joint Declaration conditions the first phase on Taliban performance; Doha does not.
    assert!(
        pair.fields
            .iter()
            .any(|f| f.field == "enforcement" && f.b.contains("conditionality")),
        "{:#?}",
        pair.fields
    );
    assert!(report.has_differences());
}
