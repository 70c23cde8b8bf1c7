//! Terminal tables with comfy-table, fitted to the width.

use comfy_table::{
    Cell as TableCell, Color, ColumnConstraint, ContentArrangement, Table, Width,
    presets::UTF8_FULL_CONDENSED,
};

use super::{Grid, RenderOptions, Tone};
use crate::escape;

pub(super) fn render(grid: &Grid, options: &RenderOptions, out: &mut String) {
    if let Some(title) = &grid.title {
        out.push_str(&escape::terminal(title, true));
        out.push('\n');
    }
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(options.width.max(40));
    if options.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.set_header(
        grid.header
            .iter()
            .map(|h| TableCell::new(escape::terminal(h, true))),
    );
    if let Some(index) = grid.wide_column
        && let Some(column) = table.column_mut(index)
    {
        column.set_constraint(ColumnConstraint::LowerBoundary(Width::Percentage(25)));
    }
    for row in &grid.rows {
        table.add_row(row.iter().map(|cell| {
            let content = TableCell::new(escape::terminal(&cell.text, true));
            match (options.color, cell.tone) {
                (true, Tone::Warn) => content.fg(Color::Yellow),
                (true, Tone::Alert) => content.fg(Color::Red),
                (true, Tone::Good) => content.fg(Color::Green),
                (true, Tone::Dim) => content.fg(Color::DarkGrey),
                _ => content,
            }
        }));
    }
    out.push_str(&table.to_string());
    out.push('\n');
    for note in &grid.notes {
        out.push_str(&escape::terminal(note, false));
        out.push('\n');
    }
}
