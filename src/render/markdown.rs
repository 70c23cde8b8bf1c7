//! GitHub pipe tables that paste into a report as they are.

use super::Grid;
use crate::escape;

pub(super) fn render(grid: &Grid, out: &mut String) {
    if let Some(title) = &grid.title {
        out.push_str("### ");
        out.push_str(&escape::markdown_cell(title));
        out.push_str("\n\n");
    }
    let row = |cells: &mut dyn Iterator<Item = &str>, out: &mut String| {
        out.push('|');
        for cell in cells {
            out.push(' ');
            out.push_str(&escape::markdown_cell(cell));
            out.push_str(" |");
        }
        out.push('\n');
    };
    row(&mut grid.header.iter().map(String::as_str), out);
    out.push('|');
    for _ in &grid.header {
        out.push_str(" --- |");
    }
    out.push('\n');
    for cells in &grid.rows {
        row(&mut cells.iter().map(|c| c.text.as_str()), out);
    }
    if !grid.notes.is_empty() {
        out.push('\n');
        for note in &grid.notes {
            out.push_str(&escape::markdown_text(note));
            out.push_str("\n\n");
        }
        out.pop();
    }
}
