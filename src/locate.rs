//! Maps a value's path in a parsed file (`clause[3].obligors[1]`) to the byte
//! range it came from, so that semantic errors found after deserialisation
//! (an unknown actor id, a dangling clause reference) point at the exact
//! spot in the user's file. TOML spans come from `toml`'s spanned document
//! tree; JSON spans from a small scanner, run only on JSON that `serde_json`
//! has already accepted.

use std::collections::HashMap;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

#[derive(Debug, Default, Clone)]
pub struct SpanIndex {
    spans: HashMap<String, Range<usize>>,
}

impl SpanIndex {
    /// The span of `path`, or of its nearest recorded ancestor.
    pub fn find(&self, path: &str) -> Option<Range<usize>> {
        let mut path = path;
        loop {
            if let Some(span) = self.spans.get(path) {
                return Some(span.clone());
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }

    pub fn from_toml(text: &str) -> Self {
        let mut index = Self::default();
        if let Ok(document) = DeTable::parse(text) {
            index.walk_toml_table(String::new(), document.get_ref());
        }
        index
    }

    fn walk_toml_table(&mut self, prefix: String, table: &DeTable<'_>) {
        for (key, value) in table.iter() {
            let path = join_key(&prefix, key.get_ref());
            // Point at the key for tables (their span can be the whole
            // section) and at the value for scalars and arrays.
            self.walk_toml_value(path, value.get_ref(), value.span(), key.span());
        }
    }

    fn walk_toml_value(
        &mut self,
        path: String,
        value: &DeValue<'_>,
        span: Range<usize>,
        key_span: Range<usize>,
    ) {
        match value {
            DeValue::Table(table) => {
                self.spans.insert(path.clone(), key_span);
                self.walk_toml_table(path, table);
            }
            DeValue::Array(items) => {
                self.spans.insert(path.clone(), span.clone());
                for (i, item) in items.iter().enumerate() {
                    let item_path = format!("{path}[{i}]");
                    self.walk_toml_value(item_path, item.get_ref(), item.span(), item.span());
                }
            }
            _ => {
                self.spans.insert(path, span);
            }
        }
    }

    pub fn from_json(text: &str) -> Self {
        let mut index = Self::default();
        let mut scanner = JsonScanner {
            bytes: text.as_bytes(),
            pos: 0,
            index: &mut index,
        };
        scanner.skip_ws();
        scanner.value(String::new(), 0);
        index
    }
}

fn join_key(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

/// A span-recording walk over valid JSON. It gives up quietly on anything
/// unexpected: spans are a convenience for error messages, never a parser.
struct JsonScanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    index: &'a mut SpanIndex,
}

impl JsonScanner<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.bytes.len() && self.bytes[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn value(&mut self, path: String, depth: usize) -> Option<()> {
        if depth > 256 {
            return None;
        }
        let start = self.pos;
        match *self.bytes.get(self.pos)? {
            b'{' => {
                self.index.spans.insert(path.clone(), start..start + 1);
                self.pos += 1;
                loop {
                    self.skip_ws();
                    match *self.bytes.get(self.pos)? {
                        b'}' => {
                            self.pos += 1;
                            return Some(());
                        }
                        b',' => {
                            self.pos += 1;
                            continue;
                        }
                        b'"' => {
                            let key_start = self.pos;
                            self.string()?;
                            let raw = std::str::from_utf8(&self.bytes[key_start..self.pos]).ok()?;
                            let key: String = serde_json::from_str(raw).ok()?;
                            self.skip_ws();
                            if self.bytes.get(self.pos) != Some(&b':') {
                                return None;
                            }
                            self.pos += 1;
                            self.skip_ws();
                            self.value(join_key(&path, &key), depth + 1)?;
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.index.spans.insert(path.clone(), start..start + 1);
                self.pos += 1;
                let mut i = 0;
                loop {
                    self.skip_ws();
                    match *self.bytes.get(self.pos)? {
                        b']' => {
                            self.pos += 1;
                            return Some(());
                        }
                        b',' => self.pos += 1,
                        _ => {
                            self.value(format!("{path}[{i}]"), depth + 1)?;
                            i += 1;
                        }
                    }
                }
            }
            b'"' => {
                self.string()?;
                self.index.spans.insert(path, start..self.pos);
                Some(())
            }
            _ => {
                while self.pos < self.bytes.len()
                    && !matches!(self.bytes[self.pos], b',' | b'}' | b']')
                    && !self.bytes[self.pos].is_ascii_whitespace()
                {
                    self.pos += 1;
                }
                self.index.spans.insert(path, start..self.pos);
                Some(())
            }
        }
    }

    fn string(&mut self) -> Option<()> {
        self.pos += 1; // opening quote
        while self.pos < self.bytes.len() {
            match self.bytes[self.pos] {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => self.pos += 1,
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_paths_point_at_values() {
        let text = "id = \"x\"\n[[clause]]\nid = \"a\"\nobligors = [\"usa\", \"talibn\"]\n";
        let index = SpanIndex::from_toml(text);
        let span = index.find("clause[0].obligors[1]").unwrap();
        assert_eq!(&text[span], "\"talibn\"");
        // An unknown deeper path falls back to its nearest ancestor.
        let span = index.find("clause[0].obligors[1].nothing").unwrap();
        assert_eq!(&text[span], "\"talibn\"");
    }

    #[test]
    fn json_paths_point_at_values() {
        let text = r#"{"id": "x", "clause": [{"id": "a", "obligors": ["usa", "tali\"bn"]}]}"#;
        let index = SpanIndex::from_json(text);
        let span = index.find("clause[0].obligors[1]").unwrap();
        assert_eq!(&text[span], r#""tali\"bn""#);
        assert_eq!(&text[index.find("id").unwrap()], "\"x\"");
    }
}
