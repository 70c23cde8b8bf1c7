//! Everything loaded, merged and indexed: agreements by id and alias, and the
//! actor, group and topic registries and the checklist. User files override
//! bundled entries with the same id.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::load::{Parsed, SourceFile, parse_file};
use crate::model::{Actor, ActorKind, Agreement, Checklist, ChecklistItem, Group, Topic};

/// A registry or agreement entry together with where it was read from.
#[derive(Debug, Clone)]
pub struct Entry<T> {
    pub value: T,
    pub file: Arc<SourceFile>,
    /// The entry's path inside its file (`actor[3]`), for locating problems.
    pub path: String,
}

impl<T> Entry<T> {
    pub fn locate(&self, field: &str) -> Option<crate::diagnostic::Location> {
        let path = match (self.path.is_empty(), field.is_empty()) {
            (true, _) => field.to_string(),
            (false, true) => self.path.clone(),
            (false, false) => format!("{}.{field}", self.path),
        };
        self.file.locate(&path)
    }
}

#[derive(Debug, Default)]
pub struct Catalog {
    /// Agreements sorted by id.
    pub agreements: Vec<Entry<Agreement>>,
    pub actors: BTreeMap<String, Entry<Actor>>,
    pub groups: BTreeMap<String, Entry<Group>>,
    pub topics: BTreeMap<String, Entry<Topic>>,
    /// Checklist items in file order (bundled first, then user additions).
    pub checklist: Vec<Entry<ChecklistItem>>,
}

impl Catalog {
    /// Parses every file and merges the results. Files that fail to parse
    /// add a diagnostic and are left out.
    pub fn build(files: Vec<SourceFile>, diagnostics: &mut Vec<Diagnostic>) -> Self {
        let mut catalog = Self::default();
        let mut agreements: BTreeMap<String, Entry<Agreement>> = BTreeMap::new();
        for file in files {
            let (parsed, file) = match parse_file(file) {
                Ok(done) => done,
                Err(diag) => {
                    diagnostics.push(diag);
                    continue;
                }
            };
            match parsed {
                Parsed::Agreement(agreement) => {
                    let id = agreement.id.clone();
                    let entry = Entry {
                        value: *agreement,
                        file: file.clone(),
                        path: String::new(),
                    };
                    if let Some(previous) = agreements.get(&id)
                        && !previous.file.bundled
                    {
                        diagnostics.push(
                            Diagnostic::error(
                                &file.name,
                                format!(
                                    "agreement id `{id}` is already used by {}",
                                    previous.file.name
                                ),
                            )
                            .at(file.locate("id"))
                            .with_hint("give each agreement its own id"),
                        );
                        continue;
                    }
                    agreements.insert(id, entry);
                }
                Parsed::Actors(registry) => merge(
                    &mut catalog.actors,
                    registry.actors,
                    &file,
                    "actor",
                    |a| &a.id,
                    diagnostics,
                ),
                Parsed::Groups(registry) => merge(
                    &mut catalog.groups,
                    registry.groups,
                    &file,
                    "group",
                    |g| &g.id,
                    diagnostics,
                ),
                Parsed::Topics(registry) => merge(
                    &mut catalog.topics,
                    registry.topics,
                    &file,
                    "topic",
                    |t| &t.id,
                    diagnostics,
                ),
                Parsed::Checklist(list) => {
                    for (i, item) in list.items.into_iter().enumerate() {
                        let entry = Entry {
                            value: item,
                            file: file.clone(),
                            path: format!("item[{i}]"),
                        };
                        match catalog
                            .checklist
                            .iter_mut()
                            .find(|e| e.value.id == entry.value.id)
                        {
                            Some(existing) if existing.file.name == file.name => diagnostics
                                .push(duplicate(&entry, "checklist item", &entry.value.id)),
                            Some(existing) => *existing = entry,
                            None => catalog.checklist.push(entry),
                        }
                    }
                }
            }
        }
        catalog.agreements = agreements.into_values().collect();
        catalog
    }

    /// Finds an agreement by id or alias.
    pub fn agreement(&self, name: &str) -> Option<&Entry<Agreement>> {
        self.agreements
            .iter()
            .find(|e| e.value.id == name)
            .or_else(|| {
                self.agreements
                    .iter()
                    .find(|e| e.value.aliases.iter().any(|a| a == name))
            })
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.get(id).map(|e| &e.value)
    }

    /// The short display name of an actor, or its id when unknown.
    pub fn actor_label(&self, id: &str) -> String {
        match self.actor(id) {
            Some(actor) => actor.short.clone().unwrap_or_else(|| actor.name.clone()),
            None => id.to_string(),
        }
    }

    pub fn group_label(&self, id: &str) -> String {
        self.groups
            .get(id)
            .map_or_else(|| id.to_string(), |g| g.value.name.clone())
    }

    pub fn topic_label(&self, id: &str) -> String {
        self.topics
            .get(id)
            .map_or_else(|| id.to_string(), |t| t.value.label.clone())
    }

    /// The state an actor stands for on `date`: a state stands for itself;
    /// another actor for the state it acts for on that date, if any.
    pub fn state_of(&self, actor_id: &str, date: Option<Date>) -> Option<String> {
        let actor = self.actor(actor_id)?;
        if actor.kind == ActorKind::State {
            return Some(actor.id.clone());
        }
        let date = date?;
        actor
            .acts_for
            .iter()
            .find(|period| {
                period.from.is_none_or(|from| from <= date)
                    && period.until.is_none_or(|until| date < until)
            })
            .map(|period| period.state.clone())
    }

    /// Who acts for `state` on `date` besides the state itself (the Taliban
    /// for Afghanistan after 15 August 2021).
    pub fn acting_for(&self, state: &str, date: Option<Date>) -> Vec<String> {
        let Some(date) = date else { return Vec::new() };
        self.actors
            .values()
            .filter(|e| {
                e.value.acts_for.iter().any(|p| {
                    p.state == state
                        && p.from.is_none_or(|from| from <= date)
                        && p.until.is_none_or(|until| date < until)
                })
            })
            .map(|e| e.value.id.clone())
            .collect()
    }

    /// The checklist as plain items.
    pub fn checklist(&self) -> Checklist {
        Checklist {
            items: self.checklist.iter().map(|e| e.value.clone()).collect(),
        }
    }

    /// Every agreement id and alias, for "did you mean" hints.
    pub fn agreement_names(&self) -> Vec<&str> {
        let mut names = Vec::new();
        for entry in &self.agreements {
            names.push(entry.value.id.as_str());
            names.extend(entry.value.aliases.iter().map(String::as_str));
        }
        names
    }
}

fn merge<T>(
    map: &mut BTreeMap<String, Entry<T>>,
    items: Vec<T>,
    file: &Arc<SourceFile>,
    what: &str,
    id: impl Fn(&T) -> &String,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for (i, item) in items.into_iter().enumerate() {
        let key = id(&item).clone();
        let entry = Entry {
            value: item,
            file: file.clone(),
            path: format!("{what}[{i}]"),
        };
        if let Some(existing) = map.get(&key)
            && existing.file.name == file.name
        {
            diagnostics.push(duplicate(&entry, what, &key));
            continue;
        }
        map.insert(key, entry);
    }
}

fn duplicate<T>(entry: &Entry<T>, what: &str, id: &str) -> Diagnostic {
    Diagnostic::error(&entry.file.name, format!("duplicate {what} id `{id}`"))
        .at(entry.locate("id"))
        .with_hint(format!("each {what} id may appear only once in a file"))
}
