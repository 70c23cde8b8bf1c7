//! clausediff: compare international agreements clause by clause.
//!
//! The pipeline reads left to right: [`load`] → [`validate`] → [`align`] →
//! [`gaps`] / [`diff`] → [`render`]. The library never prints; the binary in
//! `main.rs` turns command-line arguments into calls on these modules.

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
pub mod render;
pub mod report;
pub mod schema;
pub mod validate;
pub mod words;
