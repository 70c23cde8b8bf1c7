//! Writes an edited copy of a treaty text for benchmarks against git and
//! wdiff: `cargo run --release --example edited_copy -- IN OUT [SEED]`.
//! The edits are those of `tests/redline_common::edited_copy` (3 moves, 2
//! removals, 2 insertions, 25 one-word edits).

#[path = "../tests/redline_common/mod.rs"]
mod common;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: edited_copy IN OUT [SEED]");
        std::process::exit(2);
    }
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(449);
    let text = std::fs::read_to_string(&args[1]).expect("readable UTF-8 input");
    std::fs::write(&args[2], common::edited_copy(&text, seed)).expect("writable output");
}
