//! A self-contained HTML page: inline CSS, no scripts, no external requests
//! (a Content-Security-Policy says so to the browser as well). Every piece
//! of data goes through `escape::html`; the only attributes we write are
//! our own classes and anchor ids (`old-N`, `new-N`), never data.
//! Unchanged provisions are folded in `<details>`, so nothing is lost and
//! no script is needed. Moved provisions link to the marker at their old
//! place, and the marker links back.

use std::io::{self, Write};

use std::borrow::Cow;

use crate::escape;
use crate::redline::model::{OpTag, Slot, Status, new_anchor, old_anchor};
use crate::redline::render::{View, status_label};

const STYLE: &str = "
body { font: 16px/1.5 Georgia, 'Times New Roman', serif; margin: 0 auto; max-width: 60rem; padding: 1rem 2rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
.files { color: #555; margin-top: 0; }
table.summary { border-collapse: collapse; margin: 1rem 0; }
table.summary td, table.summary th { border: 1px solid #ccc; padding: .2rem .6rem; text-align: left; }
table.summary td.n { text-align: right; font-variant-numeric: tabular-nums; }
.provision { border-top: 1px solid #ddd; padding: .5rem 0; }
.provision h2, .provision summary { font-size: 1.05rem; margin: .25rem 0; }
.provision summary { cursor: pointer; color: #555; font-weight: normal; }
.badge { display: inline-block; font: 600 .75rem/1.6 system-ui, sans-serif; border-radius: .3rem; padding: 0 .4rem; margin-right: .5rem; vertical-align: middle; background: #eee; }
.changed .badge { background: #fff1c2; }
.moved .badge, .moved_changed .badge { background: #dbe9ff; }
.added .badge { background: #d6f5d6; }
.removed .badge { background: #fbd5d5; }
.meta { color: #555; font-size: .9rem; margin: 0 0 .5rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
del { background: #fbd5d5; color: #7a1010; text-decoration: line-through; }
ins { background: #d6f5d6; color: #0d5a0d; text-decoration: none; }
.moved-away { color: #555; font-style: italic; border-top: 1px dashed #ccc; padding: .4rem 0; }
.approx { color: #8a5a00; }
";

/// Escapes data for HTML. Control characters and bidi overrides are first
/// made visible (`\u{1b}`) as in the terminal, since a browser would let
/// U+202E reorder the text a reader sees. Carriage returns stay: HTML
/// reads CR LF as a line break anyway.
fn esc(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| (c.is_control() && !matches!(c, '\n' | '\t' | '\r')) || is_bidi(c))
    {
        return escape::html(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (k, piece) in text.split('\r').enumerate() {
        if k > 0 {
            out.push('\r');
        }
        out.push_str(&escape::html(&escape::terminal(piece, true)));
    }
    Cow::Owned(out)
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

pub(crate) fn write(view: &View<'_>, out: &mut dyn Write) -> io::Result<()> {
    let s = &view.redline.summary;
    let (old_name, new_name) = (esc(&view.old.name), esc(&view.new.name));
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Redline: {old_name} → {new_name}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>Redline</h1>\n<p class=\"files\">Old: <code>{old_name}</code> → New: <code>{new_name}</code></p>\n"
    )?;
    writeln!(
        out,
        "<table class=\"summary\">\n<tr><th>provisions</th><th>count</th></tr>"
    )?;
    for (label, n) in s.counts() {
        writeln!(out, "<tr><td>{label}</td><td class=\"n\">{n}</td></tr>")?;
    }
    writeln!(out, "</table>")?;
    writeln!(
        out,
        "<p>Text reuse: <strong>{}</strong> of the new text's words ({} of {}) come from the old text.</p>",
        view.reuse_percent(),
        s.reused_words,
        s.new_words
    )?;
    if s.approximate > 0 {
        writeln!(
            out,
            "<p class=\"approx\">The word diff of {} provision(s) hit its time limit and is approximate.</p>",
            s.approximate
        )?;
    }
    writeln!(out, "<main>")?;
    for slot in &view.redline.layout {
        match *slot {
            Slot::MovedAway(e) => {
                let entry = &view.redline.entries[e];
                let (Some(i), Some(j)) = (entry.old, entry.new) else {
                    continue;
                };
                writeln!(
                    out,
                    "<p class=\"moved-away\" id=\"{}\">{} was here in the old text; moved to <a href=\"#{}\">{}</a>.</p>",
                    old_anchor(i),
                    esc(&view.old.provisions[i].heading()),
                    new_anchor(j),
                    esc(&view.new.provisions[j].locator),
                )?;
            }
            Slot::Entry(e) => entry(view, e, out)?,
        }
    }
    writeln!(out, "</main>\n</body>\n</html>")
}

fn entry(view: &View<'_>, index: usize, out: &mut dyn Write) -> io::Result<()> {
    let entry = &view.redline.entries[index];
    let shown = view.shown(entry);
    let id = match entry.new {
        Some(j) => new_anchor(j),
        None => old_anchor(entry.old.expect("an entry has at least one side")),
    };
    let class = entry.status.name();
    let folded = entry.status == Status::Unchanged;
    if folded {
        write!(
            out,
            "<details class=\"provision {class}\" id=\"{id}\"><summary>"
        )?;
    } else {
        write!(
            out,
            "<section class=\"provision {class}\" id=\"{id}\">\n<h2>"
        )?;
    }
    write!(
        out,
        "<span class=\"badge\">{}</span>{}",
        status_label(entry.status),
        esc(&shown.locator)
    )?;
    let title = View::for_reading(view.title(entry));
    if !title.is_empty() && shown.title != shown.locator {
        out.write_all(b": ")?;
        pieces(out, &title)?;
    }
    out.write_all(if folded { b"</summary>\n" } else { b"</h2>\n" })?;

    let mut meta = Vec::new();
    if let (Some(old), Some(new)) = (view.old_provision(entry), view.new_provision(entry))
        && old.locator != new.locator
    {
        meta.push(format!("was {}", esc(&old.locator)));
    }
    if entry.status.is_moved()
        && let Some(i) = entry.old
    {
        meta.push(format!(
            "moved from <a href=\"#{}\">its old place</a>",
            old_anchor(i)
        ));
    }
    if entry.approximate() {
        meta.push(
            "<span class=\"approx\">approximate word diff (time limit reached)</span>".into(),
        );
    }
    if !meta.is_empty() {
        writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" · "))?;
    }
    out.write_all(b"<div class=\"text\">")?;
    pieces(out, &View::for_reading(view.body(entry)))?;
    out.write_all(b"</div>\n")?;
    out.write_all(if folded {
        b"</details>\n"
    } else {
        b"</section>\n"
    })
}

fn pieces(out: &mut dyn Write, pieces: &[(OpTag, &str)]) -> io::Result<()> {
    for &(tag, text) in pieces {
        let text = esc(text);
        match tag {
            OpTag::Equal => out.write_all(text.as_bytes())?,
            OpTag::Delete => write!(out, "<del>{text}</del>")?,
            OpTag::Insert => write!(out, "<ins>{text}</ins>")?,
        }
    }
    Ok(())
}
