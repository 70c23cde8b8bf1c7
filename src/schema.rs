//! The JSON Schema of the file format, generated from the model types.

use crate::model::{ActorRegistry, Agreement, Checklist, GroupRegistry, TopicRegistry};

/// Which file the schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SchemaKind {
    #[default]
    Agreement,
    Actors,
    Groups,
    Topics,
    Checklist,
}

/// The schema as pretty JSON with a trailing newline.
pub fn schema_json(kind: SchemaKind) -> String {
    let schema = match kind {
        SchemaKind::Agreement => schemars::schema_for!(Agreement),
        SchemaKind::Actors => schemars::schema_for!(ActorRegistry),
        SchemaKind::Groups => schemars::schema_for!(GroupRegistry),
        SchemaKind::Topics => schemars::schema_for!(TopicRegistry),
        SchemaKind::Checklist => schemars::schema_for!(Checklist),
    };
    crate::render::to_json(&schema)
}
