//! The bundled data agrees with the fact sheet on the figures, dates, groups
//! and certainty the debate turns on. These assertions read the data; if an
//! edit drops or changes a fact, they fail.

use clausediff::catalog::Catalog;
use clausediff::load::{Inputs, load};
use clausediff::model::{
    AgreementStatus, Basis, Certainty, Clause, MonitoringKind, PenaltyKind, SpanUnit,
};

fn catalog() -> Catalog {
    load(&Inputs::default()).catalog
}

fn clause<'a>(clauses: &'a [Clause], id: &str) -> &'a Clause {
    clauses
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no clause {id}"))
}

fn quantities(c: &Clause) -> Vec<(f64, String)> {
    c.quantities
        .iter()
        .map(|q| (q.value, q.unit.clone()))
        .collect()
}

#[test]
fn the_five_agreements_are_bundled_with_their_aliases() {
    let catalog = catalog();
    let ids: Vec<&str> = catalog
        .agreements
        .iter()
        .map(|e| e.value.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "afg-pak-ceasefire-2025",
            "afg-pak-geneva-1988",
            "afg-pak-proposal-2026",
            "us-afghanistan-2020",
            "us-taliban-2020"
        ]
    );
    assert_eq!(
        catalog.agreement("doha").unwrap().value.id,
        "us-taliban-2020"
    );
    assert_eq!(
        catalog
            .agreement("us-taliban-2020")
            .unwrap()
            .value
            .pax_agt_id,
        Some(2271)
    );
    assert_eq!(
        catalog
            .agreement("us-afghanistan-2020")
            .unwrap()
            .value
            .pax_agt_id,
        Some(2272)
    );
}

#[test]
fn doha_figures_and_dates() {
    let catalog = catalog();
    let doha = &catalog.agreement("doha").unwrap().value;
    assert_eq!(doha.date.unwrap().to_string(), "2020-02-29");
    assert_eq!(doha.status, AgreementStatus::Signed);
    let parties: Vec<&str> = doha.parties.iter().map(|p| p.actor.as_str()).collect();
    assert!(parties.contains(&"usa") && parties.contains(&"taliban"));

    let a1 = clause(&doha.clauses, "p1-a1");
    assert!(quantities(a1).iter().any(|(v, _)| *v == 8600.0));
    let within = a1.deadline.as_ref().unwrap().within.unwrap();
    assert_eq!((within.amount, within.unit), (135.0, SpanUnit::Days));

    let a2 = clause(&doha.clauses, "p1-a2");
    assert!(
        quantities(a2)
            .iter()
            .any(|(v, unit)| *v == 5.0 && unit.contains("bases"))
    );
    assert_eq!(a2.deadline.as_ref().unwrap().within.unwrap().amount, 135.0);

    let b1 = clause(&doha.clauses, "p1-b1");
    let deadline = b1.deadline.as_ref().unwrap();
    assert_eq!(deadline.within.unwrap().amount, 14.0);
    assert!(deadline.text.as_deref().unwrap().contains("9.5 months"));
    // Part One B depends on the Taliban's Part Two obligations.
    let on: Vec<&str> = b1
        .conditions
        .iter()
        .flat_map(|c| c.on.iter().map(String::as_str))
        .collect();
    assert!(on.iter().any(|id| id.starts_with("p2")), "{on:?}");

    let c = clause(&doha.clauses, "p1-c");
    let figures = quantities(c);
    assert!(
        figures.iter().any(|(v, _)| *v == 5000.0) && figures.iter().any(|(v, _)| *v == 1000.0),
        "{figures:?}"
    );
    assert_eq!(
        c.deadline.as_ref().unwrap().date.unwrap().to_string(),
        "2020-03-10"
    );

    assert_eq!(
        clause(&doha.clauses, "p1-d")
            .deadline
            .as_ref()
            .unwrap()
            .date
            .unwrap()
            .to_string(),
        "2020-08-27"
    );
    assert_eq!(
        clause(&doha.clauses, "p1-e")
            .deadline
            .as_ref()
            .unwrap()
            .date
            .unwrap()
            .to_string(),
        "2020-05-29"
    );
    for id in [
        "p1-a1", "p1-a2", "p1-b1", "p1-b2", "p1-c", "p1-d", "p1-e", "p1-f",
    ] {
        clause(&doha.clauses, id);
    }
    for id in [
        "p2-1", "p2-2", "p2-3", "p2-4", "p2-5", "p3-1", "p3-2", "p3-3", "pre-p1", "pre-p2",
        "pre-p3", "pre-p4", "scope",
    ] {
        clause(&doha.clauses, id);
    }
}

#[test]
fn doha_names_only_al_qaida_and_has_no_monitor_or_penalty_in_its_text() {
    let catalog = catalog();
    let doha = &catalog.agreement("doha").unwrap().value;
    let groups: std::collections::BTreeSet<&str> = doha
        .clauses
        .iter()
        .flat_map(|c| c.groups.iter().map(String::as_str))
        .collect();
    assert_eq!(groups.into_iter().collect::<Vec<_>>(), ["al-qaida"]);
    for c in doha.clauses.iter().filter(|c| c.basis == Basis::Text) {
        assert!(
            matches!(
                c.monitoring.kind,
                MonitoringKind::None | MonitoringKind::NotStated
            ),
            "{} has a monitor in the text",
            c.id
        );
        assert!(
            matches!(
                c.enforcement.penalty.kind,
                PenaltyKind::None | PenaltyKind::NotStated
            ),
            "{} has a penalty in the text",
            c.id
        );
    }
    // The classified annexes are a reported fact, kept apart from the text.
    assert!(
        doha.clauses
            .iter()
            .any(|c| c.basis == Basis::Reporting && c.locator.to_lowercase().contains("annex"))
    );
}

#[test]
fn doha_keeps_the_fact_sheet_uncertainty() {
    let catalog = catalog();
    let doha = &catalog.agreement("doha").unwrap().value;
    // Part One F's letter is [R] on the sheet; Part Three 1's wording is [R].
    assert_ne!(clause(&doha.clauses, "p1-f").certainty, Certainty::Verified);
    assert_ne!(clause(&doha.clauses, "p3-1").certainty, Certainty::Verified);
    // Whether the sanctions targets were met is UNVERIFIED.
    for id in ["p1-d", "p1-e"] {
        let record = clause(&doha.clauses, id)
            .implementation
            .last()
            .expect("an implementation record");
        assert_eq!(record.certainty, Certainty::Unverified, "{id}");
    }
    // The troop cut and five bases were announced on 14 July 2020 [V].
    let a1 = clause(&doha.clauses, "p1-a1")
        .implementation
        .last()
        .unwrap();
    assert_eq!(
        (a1.date.to_string().as_str(), a1.certainty),
        ("2020-07-14", Certainty::Verified)
    );
}

#[test]
fn the_proposal_is_reciprocal_names_isis_and_ttp_and_leaves_monitor_penalty_deadline_open() {
    let catalog = catalog();
    let proposal = &catalog.agreement("afg-pak-proposal-2026").unwrap().value;
    assert_eq!(proposal.status, AgreementStatus::Proposed);
    assert_eq!(proposal.date.unwrap().to_string(), "2026-01-07");
    let core = proposal
        .clauses
        .iter()
        .find(|c| c.reciprocal)
        .expect("a reciprocal clause");
    assert_eq!(core.obligors, ["afg", "pak"]);
    let mut groups = core.groups.clone();
    groups.sort();
    assert_eq!(groups, ["isis", "ttp"]);
    assert!(
        proposal
            .clauses
            .iter()
            .any(|c| c.monitoring.kind == MonitoringKind::ThirdPartyUnspecified)
    );
    assert!(proposal.clauses.iter().all(|c| c.deadline.is_none()));
    assert!(
        proposal
            .clauses
            .iter()
            .all(|c| !matches!(c.enforcement.penalty.kind, PenaltyKind::Specified))
    );
}

#[test]
fn the_taliban_act_for_afghanistan_from_15_august_2021() {
    let catalog = catalog();
    let before = clausediff::date::Date::parse("2020-02-29").unwrap();
    let after = clausediff::date::Date::parse("2026-01-07").unwrap();
    assert_eq!(catalog.state_of("taliban", Some(before)), None);
    assert_eq!(
        catalog.state_of("taliban", Some(after)).as_deref(),
        Some("afg")
    );
    assert!(
        catalog
            .actor("taliban")
            .unwrap()
            .recognition
            .as_deref()
            .unwrap()
            .contains("not")
    );
}

#[test]
fn geneva_and_the_2025_ceasefire() {
    let catalog = catalog();
    let geneva = &catalog.agreement("afg-pak-geneva-1988").unwrap().value;
    assert_eq!(geneva.date.unwrap().to_string(), "1988-04-14");
    assert!(
        geneva
            .clauses
            .iter()
            .any(|c| c.monitoring.kind == MonitoringKind::NamedBody
                && c.monitoring.by == ["ungomap"])
    );
    let ceasefire = &catalog.agreement("afg-pak-ceasefire-2025").unwrap().value;
    assert_eq!(ceasefire.status, AgreementStatus::AgreedInPrinciple);
    assert!(
        ceasefire
            .clauses
            .iter()
            .any(|c| c.enforcement.penalty.kind == PenaltyKind::Unspecified)
    );
    assert!(ceasefire.clauses.iter().any(|c| {
        c.deadline
            .as_ref()
            .and_then(|d| d.date)
            .is_some_and(|d| d.to_string() == "2025-11-06")
    }));
}
