//! Markdown output for reports: a summary table, then a section per
//! changed, moved, added or removed provision with `<del>`/`<ins>` marks
//! (GitHub and most renderers show them; `~~`/`**` break on the leading and
//! trailing spaces that word diffs produce). Runs of unchanged provisions
//! collapse to one line listing their locators.

use std::io::{self, Write};

use crate::escape::{markdown_cell, markdown_text};
use crate::redline::model::{OpTag, Slot, Status};
use crate::redline::render::{View, status_label};

pub(crate) fn write(view: &View<'_>, out: &mut dyn Write) -> io::Result<()> {
    let s = &view.redline.summary;
    writeln!(
        out,
        "# Redline: {} → {}\n",
        markdown_cell(&view.old.name),
        markdown_cell(&view.new.name)
    )?;
    writeln!(out, "| provisions | count |\n| --- | ---: |")?;
    for (label, n) in s.counts() {
        writeln!(out, "| {label} | {n} |")?;
    }
    writeln!(
        out,
        "\nText reuse: {} of the new text's words ({} of {}) come from the old text.",
        view.reuse_percent(),
        s.reused_words,
        s.new_words
    )?;
    if s.approximate > 0 {
        writeln!(
            out,
            "\n> Note: the word diff of {} provision(s) hit its time limit and is approximate.",
            s.approximate
        )?;
    }

    let mut unchanged_run: Vec<String> = Vec::new();
    let flush = |run: &mut Vec<String>, out: &mut dyn Write| -> io::Result<()> {
        if !run.is_empty() {
            writeln!(out, "\n*Unchanged: {}*", run.join(", "))?;
            run.clear();
        }
        Ok(())
    };
    for slot in &view.redline.layout {
        let entry_index = match *slot {
            Slot::Entry(e) | Slot::MovedAway(e) => e,
        };
        let entry = &view.redline.entries[entry_index];
        if matches!(slot, Slot::Entry(_)) && entry.status == Status::Unchanged {
            unchanged_run.push(markdown_cell(&view.shown(entry).locator));
            continue;
        }
        flush(&mut unchanged_run, out)?;
        if let Slot::MovedAway(_) = slot {
            let old = view
                .old_provision(entry)
                .expect("moved entries have an old side");
            writeln!(
                out,
                "\n*{} was here in the old text; moved to {}.*",
                markdown_cell(&old.heading()),
                markdown_cell(&view.shown(entry).locator)
            )?;
            continue;
        }
        let shown = view.shown(entry);
        write!(out, "\n## {}", markdown_cell(&shown.locator))?;
        let title = View::for_reading(view.title(entry));
        if !title.is_empty() && shown.title != shown.locator {
            write!(out, ": ")?;
            for (tag, text) in title {
                inline(out, tag, &markdown_cell(text))?;
            }
        }
        let mut notes = vec![status_label(entry.status).to_owned()];
        if let (Some(old), Some(new)) = (view.old_provision(entry), view.new_provision(entry))
            && old.locator != new.locator
        {
            notes.push(format!("was {}", markdown_cell(&old.locator)));
        }
        if entry.approximate() {
            notes.push("approximate".into());
        }
        writeln!(out, " ({})\n", notes.join("; "))?;
        if entry.status != Status::Moved {
            body(out, &View::for_reading(view.body(entry)))?;
        }
    }
    flush(&mut unchanged_run, out)?;
    Ok(())
}

fn inline(out: &mut dyn Write, tag: OpTag, escaped: &str) -> io::Result<()> {
    match tag {
        OpTag::Equal => out.write_all(escaped.as_bytes()),
        OpTag::Delete => write!(out, "<del>{escaped}</del>"),
        OpTag::Insert => write!(out, "<ins>{escaped}</ins>"),
    }
}

/// Writes body pieces line by line: marks are closed at each line break
/// (an inline tag cannot span a paragraph), and each line's start is
/// guarded so data cannot open a heading, list, quote or code block.
fn body(out: &mut dyn Write, pieces: &[(OpTag, &str)]) -> io::Result<()> {
    let mut at_line_start = true;
    for &(tag, text) in pieces {
        let mut lines = text.split('\n').peekable();
        while let Some(line) = lines.next() {
            let line = if at_line_start {
                line.trim_start_matches([' ', '\t'])
            } else {
                line
            };
            if !line.is_empty() {
                let mut escaped = markdown_text(line);
                if at_line_start {
                    guard_line_start(&mut escaped);
                }
                inline(out, tag, &escaped)?;
                at_line_start = false;
            }
            if lines.peek().is_some() {
                out.write_all(b"\n")?;
                at_line_start = true;
            }
        }
    }
    out.write_all(b"\n")
}

/// `markdown_text` escapes inline markup; a few block markers only matter
/// at the start of a line (`#`, `+`, `-`, `=`, `1.`, `1)`), so they are
/// escaped here. Leading indentation is dropped by the caller, since four
/// spaces would start a code block.
fn guard_line_start(line: &mut String) {
    let first = line.as_bytes().first().copied();
    match first {
        Some(b'#' | b'+' | b'-' | b'=' | b'~') => line.insert(0, '\\'),
        Some(b'0'..=b'9') => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            if matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
                line.insert(digits, '\\');
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(pieces: &[(OpTag, &str)]) -> String {
        let mut out = Vec::new();
        body(&mut out, pieces).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn marks_close_at_line_breaks_and_lines_are_guarded() {
        assert_eq!(
            rendered(&[
                (OpTag::Equal, "a "),
                (OpTag::Insert, "b\n\n# c"),
                (OpTag::Equal, " d")
            ]),
            "a <ins>b</ins>\n\n<ins>\\# c</ins> d\n"
        );
        assert_eq!(
            rendered(&[(OpTag::Equal, "1. First\n    - item <b>|x|</b>")]),
            "1\\. First\n\\- item &lt;b&gt;\\|x\\|&lt;/b&gt;\n"
        );
    }
}
