//! Stage 2: semantic checks on what loaded — ids that must exist, references
//! that must resolve, fields that must agree with each other. Every problem
//! becomes a located diagnostic; nothing stops at the first one.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{Catalog, Entry};
use crate::diagnostic::Diagnostic;
use crate::escape;
use crate::model::{
    ActorKind, Agreement, AnchorEvent, ChecklistItem, Clause, ClauseKind, EnforcementKind,
    MonitoringKind, PenaltyKind,
};

/// Runs every check over the catalog.
pub fn validate(catalog: &Catalog) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_registries(catalog, &mut out);
    check_agreement_names(catalog, &mut out);
    for entry in &catalog.agreements {
        check_agreement(catalog, entry, &mut out);
    }
    out
}

struct Reporter<'a, T> {
    entry: &'a Entry<T>,
    out: &'a mut Vec<Diagnostic>,
}

impl<T> Reporter<'_, T> {
    fn error(&mut self, path: &str, message: String, hint: Option<String>) {
        let mut diag =
            Diagnostic::error(&self.entry.file.name, message).at(self.entry.locate(path));
        if let Some(hint) = hint {
            diag = diag.with_hint(hint);
        }
        self.out.push(diag);
    }

    fn warning(&mut self, path: &str, message: String, hint: String) {
        self.out.push(
            Diagnostic::warning(&self.entry.file.name, message)
                .at(self.entry.locate(path))
                .in_bundled(self.entry.file.bundled)
                .with_hint(hint),
        );
    }
}

fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        && !text.starts_with('-')
}

const ID_HINT: &str = "ids use lower-case letters, digits, `-` and `.` (e.g. `p1-a1`)";

fn check_registries(catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    for entry in catalog.actors.values() {
        let actor = &entry.value;
        let mut r = Reporter { entry, out };
        if !is_id(&actor.id) {
            r.error(
                "id",
                format!("`{}` is not a valid actor id", actor.id),
                Some(ID_HINT.into()),
            );
        }
        if actor.name.trim().is_empty() {
            r.error("name", "actor name is empty".into(), None);
        }
        match (&actor.iso3, actor.kind) {
            (Some(code), _)
                if !(code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())) =>
            {
                r.error(
                    "iso3",
                    format!("`{code}` is not an ISO 3166 alpha-3 code"),
                    Some("use three upper-case letters, e.g. AFG".into()),
                );
            }
            (None, ActorKind::State) => r.error(
                "id",
                format!("state `{}` has no iso3 code", actor.id),
                Some("add iso3 = \"XXX\" (ISO 3166 alpha-3)".into()),
            ),
            _ => {}
        }
        for (i, member) in actor.members.iter().enumerate() {
            if catalog.actor(member).is_none() {
                r.error(
                    &format!("members[{i}]"),
                    format!("unknown actor `{member}`"),
                    suggest(member, catalog.actors.keys().map(String::as_str)),
                );
            }
        }
        for (i, period) in actor.acts_for.iter().enumerate() {
            match catalog.actor(&period.state) {
                Some(state) if state.kind == ActorKind::State => {}
                Some(_) => r.error(
                    &format!("acts_for[{i}].state"),
                    format!("`{}` is not a state", period.state),
                    Some("acts_for names the state the actor acts for".into()),
                ),
                None => r.error(
                    &format!("acts_for[{i}].state"),
                    format!("unknown actor `{}`", period.state),
                    suggest(&period.state, catalog.actors.keys().map(String::as_str)),
                ),
            }
            if let (Some(from), Some(until)) = (period.from, period.until)
                && until <= from
            {
                r.error(
                    &format!("acts_for[{i}].until"),
                    format!("period ends ({until}) before it starts ({from})"),
                    None,
                );
            }
        }
    }
    for entry in catalog.groups.values() {
        let mut r = Reporter { entry, out };
        if !is_id(&entry.value.id) {
            r.error(
                "id",
                format!("`{}` is not a valid group id", entry.value.id),
                Some(ID_HINT.into()),
            );
        }
    }
    for entry in catalog.topics.values() {
        let mut r = Reporter { entry, out };
        if !is_id(&entry.value.id) {
            r.error(
                "id",
                format!("`{}` is not a valid topic id", entry.value.id),
                Some(ID_HINT.into()),
            );
        }
    }
    out.extend(check_checklist(catalog, &catalog.checklist));
}

/// Checks checklist items: known topics, and at least one test each. Used for
/// the bundled checklist and for one given with `gaps --checklist`.
pub fn check_checklist(catalog: &Catalog, items: &[Entry<ChecklistItem>]) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let out = &mut diagnostics;
    for entry in items {
        let item = &entry.value;
        let mut r = Reporter { entry, out };
        for (i, topic) in item.topics.iter().enumerate() {
            if !catalog.topics.contains_key(topic) {
                r.error(
                    &format!("topics[{i}]"),
                    format!("unknown topic `{topic}`"),
                    suggest(topic, catalog.topics.keys().map(String::as_str)),
                );
            }
        }
        if item.topics.is_empty()
            && item.monitoring.is_empty()
            && item.enforcement.is_empty()
            && item.penalty.is_empty()
        {
            r.error(
                "id",
                format!("checklist item `{}` has no test", item.id),
                Some(
                    "give it topics, monitoring, enforcement or penalty kinds that cover it".into(),
                ),
            );
        }
    }
    diagnostics
}

fn check_agreement_names(catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for entry in &catalog.agreements {
        seen.insert(entry.value.id.as_str(), entry.value.id.as_str());
    }
    for entry in &catalog.agreements {
        for (i, alias) in entry.value.aliases.iter().enumerate() {
            if let Some(owner) = seen.get(alias.as_str())
                && *owner != entry.value.id
            {
                out.push(
                    Diagnostic::error(
                        &entry.file.name,
                        format!("alias `{alias}` is already the id or an alias of `{owner}`"),
                    )
                    .at(entry.locate(&format!("aliases[{i}]")))
                    .with_hint("aliases must name one agreement only"),
                );
            } else {
                seen.insert(alias.as_str(), entry.value.id.as_str());
            }
        }
    }
}

fn check_agreement(catalog: &Catalog, entry: &Entry<Agreement>, out: &mut Vec<Diagnostic>) {
    let agreement = &entry.value;
    let mut r = Reporter { entry, out };
    if !is_id(&agreement.id) {
        r.error(
            "id",
            format!("`{}` is not a valid agreement id", agreement.id),
            Some(ID_HINT.into()),
        );
    }
    for (field, value) in [
        ("title", &agreement.title),
        ("short_title", &agreement.short_title),
    ] {
        if value.trim().is_empty() {
            r.error(field, format!("{field} is empty"), None);
        }
    }
    if agreement.parties.is_empty() {
        r.error(
            "parties",
            "an agreement needs at least one party".into(),
            None,
        );
    }
    for (i, party) in agreement.parties.iter().enumerate() {
        check_actor(
            catalog,
            &mut r,
            &format!("parties[{i}].actor"),
            &party.actor,
        );
    }
    let mut source_ids = BTreeSet::new();
    for (i, source) in agreement.sources.iter().enumerate() {
        if !source_ids.insert(source.id.as_str()) {
            r.error(
                &format!("sources[{i}].id"),
                format!("duplicate source id `{}`", source.id),
                None,
            );
        }
        if let Some(url) = &source.url
            && escape::safe_url(url).is_none()
        {
            r.error(
                &format!("sources[{i}].url"),
                format!("`{url}` is not an http or https address"),
                Some("links must start with http:// or https://".into()),
            );
        }
    }
    if agreement.clauses.is_empty() {
        r.error(
            "clause",
            "an agreement needs at least one [[clause]]".into(),
            None,
        );
    }
    let mut clause_ids = BTreeSet::new();
    for (i, clause) in agreement.clauses.iter().enumerate() {
        if !clause_ids.insert(clause.id.as_str()) {
            r.error(
                &format!("clause[{i}].id"),
                format!("duplicate clause id `{}`", clause.id),
                Some("clause ids must be unique within an agreement".into()),
            );
        }
    }
    for (i, clause) in agreement.clauses.iter().enumerate() {
        check_clause(
            catalog,
            agreement,
            &clause_ids,
            &source_ids,
            &mut r,
            &format!("clause[{i}]"),
            clause,
        );
    }
}

fn check_actor<T>(catalog: &Catalog, r: &mut Reporter<'_, T>, path: &str, id: &str) {
    if catalog.actor(id).is_none() {
        r.error(
            path,
            format!("unknown actor `{id}`"),
            suggest(id, catalog.actors.keys().map(String::as_str))
                .or_else(|| Some("actors are defined in agreements/actors.toml".into())),
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn check_clause(
    catalog: &Catalog,
    agreement: &Agreement,
    clause_ids: &BTreeSet<&str>,
    source_ids: &BTreeSet<&str>,
    r: &mut Reporter<'_, Agreement>,
    at: &str,
    clause: &Clause,
) {
    let p = |field: &str| format!("{at}.{field}");
    if !is_id(&clause.id) {
        r.error(
            &p("id"),
            format!("`{}` is not a valid clause id", clause.id),
            Some(ID_HINT.into()),
        );
    }
    if clause.text.trim().is_empty() {
        r.error(
            &p("text"),
            format!("clause `{}` has empty text", clause.id),
            Some("give the clause's content: a faithful paraphrase or a quote".into()),
        );
    }
    if clause.locator.trim().is_empty() {
        r.error(
            &p("locator"),
            format!("clause `{}` has an empty locator", clause.id),
            Some("say where the clause sits in the source, e.g. \"Part One, A.1\"".into()),
        );
    }
    for (list, field) in [
        (&clause.obligors, "obligors"),
        (&clause.beneficiaries, "beneficiaries"),
    ] {
        for (i, id) in list.iter().enumerate() {
            check_actor(catalog, r, &p(&format!("{field}[{i}]")), id);
        }
    }
    if clause.reciprocal && clause.obligors.len() < 2 {
        r.error(
            &p("reciprocal"),
            format!(
                "clause `{}` is reciprocal but has fewer than two obligors",
                clause.id
            ),
            Some("a reciprocal clause binds each obligor toward the others".into()),
        );
    }
    for (i, topic) in clause.topics.iter().enumerate() {
        if !catalog.topics.contains_key(topic) {
            r.error(
                &p(&format!("topics[{i}]")),
                format!("unknown topic `{topic}`"),
                suggest(topic, catalog.topics.keys().map(String::as_str))
                    .or_else(|| Some("topics are defined in agreements/topics.toml".into())),
            );
        }
    }
    for (i, group) in clause.groups.iter().enumerate() {
        if !catalog.groups.contains_key(group) {
            r.error(
                &p(&format!("groups[{i}]")),
                format!("unknown armed group `{group}`"),
                suggest(group, catalog.groups.keys().map(String::as_str))
                    .or_else(|| Some("groups are defined in agreements/groups.toml".into())),
            );
        }
    }
    if let Some(territory) = &clause.territory {
        for (i, id) in territory.of.iter().enumerate() {
            check_actor(catalog, r, &p(&format!("territory.of[{i}]")), id);
        }
    }
    for (i, id) in clause.monitoring.by.iter().enumerate() {
        check_actor(catalog, r, &p(&format!("monitoring.by[{i}]")), id);
    }
    if matches!(
        clause.monitoring.kind,
        MonitoringKind::Party | MonitoringKind::NamedBody
    ) && clause.monitoring.by.is_empty()
    {
        r.error(
            &p("monitoring.kind"),
            format!(
                "monitoring kind `{}` needs `by`",
                snake(&clause.monitoring.kind)
            ),
            Some("name the monitor's actor id, or use third_party_unspecified".into()),
        );
    }
    if let Some(deadline) = &clause.deadline {
        if deadline.date.is_none() && deadline.within.is_none() && deadline.text.is_none() {
            r.error(
                &p("deadline"),
                "deadline has neither a date, a `within` duration nor text".into(),
                Some("give date = \"YYYY-MM-DD\" or within = { amount, unit } with from".into()),
            );
        }
        if let Some(span) = deadline.within {
            if !(span.amount.is_finite() && span.amount > 0.0) {
                r.error(
                    &p("deadline.within.amount"),
                    "duration must be a positive number".into(),
                    None,
                );
            }
            if deadline.from.is_none() {
                r.error(
                    &p("deadline.within"),
                    "a `within` duration needs `from`, the event it counts from".into(),
                    Some("e.g. from = { event = \"signing\" }".into()),
                );
            }
        }
        if let Some(anchor) = &deadline.from {
            match anchor.event {
                AnchorEvent::Clause => match &anchor.clause {
                    Some(id) if !clause_ids.contains(id.as_str()) => r.error(
                        &p("deadline.from.clause"),
                        format!(
                            "deadline counts from clause `{id}`, which this agreement does not have"
                        ),
                        suggest(id, clause_ids.iter().copied()),
                    ),
                    Some(_) => {}
                    None => r.error(
                        &p("deadline.from"),
                        "anchor event `clause` needs `clause = \"ID\"`".into(),
                        None,
                    ),
                },
                AnchorEvent::Other if anchor.label.is_none() => r.error(
                    &p("deadline.from"),
                    "anchor event `other` needs a `label` naming the event".into(),
                    None,
                ),
                AnchorEvent::Signing if agreement.date.is_none() => r.error(
                    &p("deadline.from"),
                    "deadline counts from signing, but the agreement has no date".into(),
                    Some("add date = \"YYYY-MM-DD\" to the agreement".into()),
                ),
                _ => {}
            }
        }
    }
    for (i, condition) in clause.conditions.iter().enumerate() {
        if condition.text.trim().is_empty() {
            r.error(
                &p(&format!("conditions[{i}].text")),
                "condition text is empty".into(),
                None,
            );
        }
        for (j, id) in condition.on.iter().enumerate() {
            if !clause_ids.contains(id.as_str()) {
                r.error(
                    &p(&format!("conditions[{i}].on[{j}]")),
                    format!(
                        "condition refers to clause `{id}`, which this agreement does not have"
                    ),
                    suggest(id, clause_ids.iter().copied()),
                );
            } else if id == &clause.id {
                r.error(
                    &p(&format!("conditions[{i}].on[{j}]")),
                    format!("clause `{id}` cannot depend on itself"),
                    None,
                );
            }
        }
    }
    for (i, link) in clause.links.iter().enumerate() {
        let path = p(&format!("links[{i}]"));
        match link.split_once('#') {
            None => r.error(
                &path,
                format!("link `{link}` is not of the form AGREEMENT#CLAUSE"),
                Some("e.g. \"us-afghanistan-2020#withdrawal\"".into()),
            ),
            Some((other, clause_id)) => match catalog.agreement(other) {
                None => r.error(
                    &path,
                    format!("link names agreement `{other}`, which is not loaded"),
                    suggest(other, catalog.agreement_names().into_iter()),
                ),
                Some(target) if !target.value.clauses.iter().any(|c| c.id == clause_id) => r.error(
                    &path,
                    format!(
                        "agreement `{}` has no clause `{clause_id}`",
                        target.value.id
                    ),
                    suggest(
                        clause_id,
                        target.value.clauses.iter().map(|c| c.id.as_str()),
                    ),
                ),
                Some(_) => {}
            },
        }
    }
    if clause.sources.is_empty() {
        r.error(
            &p("sources"),
            format!("clause `{}` cites no source", clause.id),
            Some(
                "every fact needs a source: add the id of one of the agreement's [[sources]]"
                    .into(),
            ),
        );
    }
    for (i, source) in clause.sources.iter().enumerate() {
        if !source_ids.contains(source.as_str()) {
            r.error(
                &p(&format!("sources[{i}]")),
                format!("unknown source `{source}`"),
                suggest(source, source_ids.iter().copied())
                    .or_else(|| Some("cite the id of one of the agreement's [[sources]]".into())),
            );
        }
    }
    for (i, record) in clause.implementation.iter().enumerate() {
        if !source_ids.contains(record.source.as_str()) {
            r.error(
                &p(&format!("implementation[{i}].source")),
                format!("unknown source `{}`", record.source),
                suggest(&record.source, source_ids.iter().copied()),
            );
        }
        if record.evidence.trim().is_empty() {
            r.error(
                &p(&format!("implementation[{i}].evidence")),
                "evidence is empty".into(),
                None,
            );
        }
    }
    if clause
        .implementation
        .windows(2)
        .any(|pair| pair[1].date < pair[0].date)
    {
        r.error(
            &p("implementation"),
            format!(
                "implementation records of `{}` are not in date order",
                clause.id
            ),
            Some("list records oldest first".into()),
        );
    }
    if clause.enforcement.kind == EnforcementKind::Penalty
        && clause.enforcement.penalty.kind == PenaltyKind::NotStated
    {
        r.error(
            &p("enforcement.penalty"),
            "enforcement kind `penalty` but the penalty is not stated".into(),
            Some("set penalty = { kind = \"specified\" | \"unspecified\" }".into()),
        );
    }
    if clause.kind == ClauseKind::Commitment {
        if clause.enforcement.kind == EnforcementKind::NotStated {
            r.warning(
                &p("id"),
                format!("commitment `{}` does not state its enforcement", clause.id),
                "if the source establishes there is none, say enforcement = { kind = \"none\" }"
                    .into(),
            );
        }
        if clause.monitoring.kind == MonitoringKind::NotStated {
            r.warning(
                &p("id"),
                format!("commitment `{}` does not state who monitors it", clause.id),
                "if the source establishes there is no monitor, say monitoring = { kind = \"none\" }".into(),
            );
        }
    }
}

/// The value as written in files (`named_body`), for messages.
fn snake<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// "did you mean" from the closest known name, when one is close enough.
fn suggest<'a>(wrong: &str, known: impl Iterator<Item = &'a str>) -> Option<String> {
    let best = known
        .map(|candidate| (edit_distance(wrong, candidate), candidate))
        .min()?;
    let limit = (wrong.chars().count() / 3).max(2);
    (best.0 <= limit).then(|| format!("did you mean `{}`?", best.1))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let known = ["taliban", "usa", "pak"];
        assert_eq!(
            suggest("talibn", known.into_iter()).as_deref(),
            Some("did you mean `taliban`?")
        );
        assert_eq!(suggest("zzzzzzzz", known.into_iter()), None);
    }
}
