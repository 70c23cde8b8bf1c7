//! CSV through the csv crate, with formula-like cells defused.

use super::Grid;
use crate::escape;

pub(super) fn render(grid: &Grid, out: &mut String) {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header: Vec<_> = grid.header.iter().map(|h| escape::csv_cell(h)).collect();
    // Writing to a Vec cannot fail; a failure would only drop the row.
    let _ = writer.write_record(header.iter().map(|c| c.as_ref()));
    for row in &grid.rows {
        let cells: Vec<_> = row.iter().map(|c| escape::csv_cell(&c.text)).collect();
        let _ = writer.write_record(cells.iter().map(|c| c.as_ref()));
    }
    if let Ok(bytes) = writer.into_inner() {
        out.push_str(&String::from_utf8_lossy(&bytes));
    }
}
