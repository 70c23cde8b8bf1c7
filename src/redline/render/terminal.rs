//! Terminal output: a summary, then one block per provision. Deleted and
//! inserted words are coloured when asked, and otherwise marked like
//! `wdiff`/`git --word-diff=plain` (`[-old-]{+new+}`), so the output also
//! reads well in a file. Unchanged provisions get one line each.

use std::io::{self, Write};

use crate::escape::terminal as esc;
use crate::redline::model::{OpTag, Slot, Status};
use crate::redline::render::{View, status_label};

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const CYAN: &str = "\x1b[36m";
const RESET: &str = "\x1b[0m";

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_owned()
        }
    }

    fn piece(&self, out: &mut dyn Write, tag: OpTag, text: &str) -> io::Result<()> {
        let text = esc(text, true);
        match (tag, self.color) {
            (OpTag::Equal, _) => out.write_all(text.as_bytes()),
            (OpTag::Delete, true) => write!(out, "{RED}\x1b[9m{text}{RESET}"),
            (OpTag::Insert, true) => write!(out, "{GREEN}\x1b[4m{text}{RESET}"),
            (OpTag::Delete, false) => write!(out, "[-{text}-]"),
            (OpTag::Insert, false) => write!(out, "{{+{text}+}}"),
        }
    }
}

pub(crate) fn write(view: &View<'_>, out: &mut dyn Write, color: bool) -> io::Result<()> {
    let style = Style { color };
    let s = &view.redline.summary;
    writeln!(
        out,
        "{}",
        style.paint(
            BOLD,
            &format!(
                "Redline: {} → {}",
                esc(&view.old.name, false),
                esc(&view.new.name, false)
            )
        )
    )?;
    writeln!(
        out,
        "Provisions: {} unchanged, {} changed, {} moved, {} added, {} removed",
        s.unchanged, s.changed, s.moved, s.added, s.removed
    )?;
    writeln!(
        out,
        "Text reuse: {} of the new text's words ({} of {}) come from the old text",
        view.reuse_percent(),
        s.reused_words,
        s.new_words
    )?;
    if s.approximate > 0 {
        writeln!(
            out,
            "Note: the word diff of {} provision(s) hit its time limit and is approximate",
            s.approximate
        )?;
    }

    for slot in &view.redline.layout {
        writeln!(out)?;
        match *slot {
            Slot::MovedAway(e) => {
                let entry = &view.redline.entries[e];
                let old = view
                    .old_provision(entry)
                    .expect("moved entries have an old side");
                let new = view.shown(entry);
                let line = format!(
                    "~~ {} was here in the old text; moved to {}",
                    esc(&old.heading(), false),
                    esc(&new.locator, false)
                );
                writeln!(out, "{}", style.paint(CYAN, &line))?;
            }
            Slot::Entry(e) => {
                let entry = &view.redline.entries[e];
                let shown = view.shown(entry);
                if entry.status == Status::Unchanged {
                    let line = format!("== {} (unchanged)", esc(&shown.heading(), false));
                    writeln!(out, "{}", style.paint(DIM, &line))?;
                    continue;
                }
                // Heading: the locator, then the title with its own redline.
                write!(
                    out,
                    "{}",
                    style.paint(BOLD, &format!("## {}", esc(&shown.locator, false)))
                )?;
                let title = View::for_reading(view.title(entry));
                if !title.is_empty() && shown.title != shown.locator {
                    write!(out, ": ")?;
                    for (tag, text) in title {
                        style.piece(out, tag, &text.replace('\n', " "))?;
                    }
                }
                let mut notes = vec![status_label(entry.status).to_owned()];
                if let (Some(old), Some(new)) =
                    (view.old_provision(entry), view.new_provision(entry))
                    && old.locator != new.locator
                {
                    notes.push(format!("was {}", esc(&old.locator, false)));
                }
                if entry.approximate() {
                    notes.push("approximate".into());
                }
                writeln!(
                    out,
                    "  {}",
                    style.paint(CYAN, &format!("[{}]", notes.join("; ")))
                )?;
                // A provision that only moved reads the same as before: its
                // marker at the old place is enough.
                if entry.status != Status::Moved {
                    for (tag, text) in View::for_reading(view.body(entry)) {
                        style.piece(out, tag, text)?;
                    }
                    writeln!(out)?;
                }
            }
        }
    }
    Ok(())
}
