//! The committed `agreements/schema.json` must equal what `clausediff schema`
//! prints, so editors validate against the format the code actually reads.

use std::path::Path;

#[test]
fn committed_schema_matches_the_model() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("agreements/schema.json");
    let committed = std::fs::read_to_string(&path).expect("agreements/schema.json exists");
    let generated = clausediff::schema::schema_json(clausediff::schema::SchemaKind::Agreement);
    assert!(
        committed == generated,
        "agreements/schema.json is stale: run `cargo run -- schema > agreements/schema.json`"
    );
}

#[test]
fn schema_describes_the_clause_fields_and_rejects_unknown_keys() {
    let schema: serde_json::Value = serde_json::from_str(&clausediff::schema::schema_json(
        clausediff::schema::SchemaKind::Agreement,
    ))
    .unwrap();
    assert_eq!(schema["additionalProperties"], serde_json::json!(false));
    let clause = &schema["$defs"]["Clause"];
    assert_eq!(clause["additionalProperties"], serde_json::json!(false));
    for field in [
        "id",
        "locator",
        "text",
        "text_form",
        "kind",
        "obligors",
        "beneficiaries",
        "topics",
        "groups",
        "territory",
        "enforcement",
        "monitoring",
        "deadline",
        "conditions",
        "certainty",
        "sources",
        "implementation",
    ] {
        assert!(
            clause["properties"].get(field).is_some(),
            "Clause schema lacks `{field}`"
        );
    }
    let required: Vec<&str> = clause["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    for field in ["id", "locator", "text", "kind", "certainty", "sources"] {
        assert!(required.contains(&field), "`{field}` should be required");
    }
}
