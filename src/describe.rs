//! Plain-language descriptions of clause fields, shared by every renderer so
//! that a deadline or a monitor reads the same in a table, a CSV and a report.

use crate::catalog::Catalog;
use crate::date::Date;
use crate::model::{
    Agreement, AnchorEvent, Clause, Enforcement, EnforcementKind, Monitoring, MonitoringKind,
    PenaltyKind, SpanUnit,
};

/// "135 days from signing (2020-07-13)", "by 2020-03-10", or "none stated".
pub fn deadline(agreement: &Agreement, clause: &Clause) -> String {
    let Some(deadline) = &clause.deadline else {
        return "none stated".into();
    };
    let mut parts = Vec::new();
    if let Some(date) = deadline.date {
        parts.push(format!("by {date}"));
    }
    if let (Some(span), Some(anchor)) = (deadline.within, &deadline.from) {
        let from = match anchor.event {
            AnchorEvent::Signing => "signing".to_string(),
            AnchorEvent::Announcement => "announcement".to_string(),
            AnchorEvent::EntryIntoForce => "entry into force".to_string(),
            AnchorEvent::Clause => format!("clause {}", anchor.clause.as_deref().unwrap_or("?")),
            AnchorEvent::Other => anchor.label.clone().unwrap_or_else(|| "an event".into()),
        };
        let mut text = format!("within {span} of {from}");
        if let Some(date) = resolve(agreement, clause) {
            text.push_str(&format!(" (≈ {date})"));
        }
        parts.push(text);
    }
    if parts.is_empty()
        && let Some(text) = &deadline.text
    {
        parts.push(text.clone());
    }
    parts.join("; ")
}

/// The calendar date a deadline falls on, when it can be computed: an
/// absolute date, or a duration from an anchor whose date is known.
pub fn resolve(agreement: &Agreement, clause: &Clause) -> Option<Date> {
    let deadline = clause.deadline.as_ref()?;
    if let Some(date) = deadline.date {
        return Some(date);
    }
    let span = deadline.within?;
    let anchor = deadline.from.as_ref()?;
    let start = anchor.date.or(match anchor.event {
        AnchorEvent::Signing => agreement.date,
        _ => None,
    })?;
    Some(add_span(start, span.amount, span.unit))
}

fn add_span(start: Date, amount: f64, unit: SpanUnit) -> Date {
    match unit {
        SpanUnit::Days => start.add_days(amount.round() as i64),
        SpanUnit::Weeks => start.add_days((amount * 7.0).round() as i64),
        SpanUnit::Months => {
            // Fractional months ("9.5 months"): whole months, then the
            // fraction as days of an average month.
            let whole = amount.trunc() as i64;
            let rest = ((amount - amount.trunc()) * 30.44).round() as i64;
            start.add_months(whole).add_days(rest)
        }
        SpanUnit::Years => {
            let whole = amount.trunc() as i64;
            let rest = ((amount - amount.trunc()) * 365.25).round() as i64;
            start.add_months(whole * 12).add_days(rest)
        }
    }
}

pub fn enforcement(e: &Enforcement) -> String {
    let mut text = e.kind.label().to_string();
    if let Some(detail) = &e.detail
        && e.kind != EnforcementKind::NotStated
    {
        text = format!("{text}: {}", detail.trim_end_matches('.'));
    }
    match e.penalty.kind {
        PenaltyKind::NotStated => text.push_str("; penalty not stated"),
        PenaltyKind::None => text.push_str("; no penalty"),
        PenaltyKind::Unspecified => text.push_str("; penalty mentioned, undefined"),
        PenaltyKind::Specified => {
            text.push_str("; penalty: ");
            text.push_str(e.penalty.detail.as_deref().unwrap_or("specified"));
        }
    }
    text
}

pub fn monitoring(catalog: &Catalog, m: &Monitoring) -> String {
    let mut text = match m.kind {
        MonitoringKind::Party | MonitoringKind::NamedBody if !m.by.is_empty() => {
            m.by.iter()
                .map(|id| catalog.actor_label(id))
                .collect::<Vec<_>>()
                .join(", ")
        }
        kind => kind.label().to_string(),
    };
    if let Some(mandate) = &m.mandate {
        text.push_str(&format!(" ({mandate})"));
    }
    text
}
