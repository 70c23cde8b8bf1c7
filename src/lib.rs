//! clausediff: compare international agreements clause by clause.
//!
//! The pipeline reads left to right: [`load`] → [`validate`] → [`align`] →
//! [`gaps`] / [`diff`] → [`render`]. The library never prints; the binary in
//! `main.rs` turns command-line arguments into calls on these modules.
//!
//! ```
//! use clausediff::load::{Inputs, load};
//!
//! // The bundled agreements are compiled in; user folders and files add to them.
//! let catalog = load(&Inputs::default()).catalog;
//! let doha = catalog.agreement("doha").unwrap();
//! let proposal = catalog.agreement("afg-pak-proposal-2026").unwrap();
//! let report = clausediff::gaps::gaps(&catalog, &[doha, proposal], &catalog.checklist());
//! let dyad = report.rows.iter().find(|r| r.item == "Afghanistan/Taliban ↔ Pakistan").unwrap();
//! assert_eq!(dyad.cells[0].text, "none");
//! assert_eq!(dyad.verdict.text, "only in Proposal 2026");
//! ```

pub mod align;
pub mod catalog;
pub mod date;
pub mod describe;
pub mod diagnostic;
pub mod diff;
pub mod escape;
pub mod gaps;
pub mod listing;
pub mod load;
pub mod locate;
pub mod matrix;
pub mod model;
pub mod output;
pub mod redline;
pub mod render;
pub mod report;
pub mod schema;
pub mod validate;
pub mod words;
