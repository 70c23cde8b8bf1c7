//! The page's only stylesheet: inline, static (no data in it), with a print
//! stylesheet so the browser's Print to PDF gives a clean A4 document.

pub(super) const CSS: &str = r#"
:root { --ink: #111; --muted: #555; --line: #d0d7de; --accent: #1f4e79; --bad: #c0392b; --warn: #b9770e; --good: #1e8449; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 24px; line-height: 1.45; font-size: 14px; }
h1 { font-size: 24px; margin: 0 0 8px; }
h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 18px 0 8px; }
.lede, .explain { color: var(--muted); }
.cards { display: flex; flex-wrap: wrap; gap: 16px; }
.card { flex: 1 1 340px; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; }
.card dl { display: grid; grid-template-columns: 80px 1fr; gap: 4px 10px; margin: 0; }
.card dt { color: var(--muted); }
.card dd { margin: 0; }
.card ul { margin: 0; padding-left: 18px; }
dd.sources { font-size: 11px; color: var(--muted); }
.full-title { font-style: italic; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 5px 7px; vertical-align: top; text-align: left; overflow-wrap: break-word; }
thead th { background: #f3f6f9; position: sticky; top: 0; }
td.dim { color: var(--muted); white-space: nowrap; }
td.item { font-weight: 600; min-width: 150px; }
td.cell { min-width: 170px; }
td.cell.absent { color: var(--muted); background: #fbfbfb; }
td.verdict { font-weight: 600; white-space: nowrap; }
td.verdict.absent { color: var(--bad); }
td.verdict.differs { color: var(--warn); }
td.verdict.same { color: var(--good); }
td.evidence { font-size: 12px; min-width: 220px; max-width: 320px; }
a { color: var(--accent); }
a.ev { white-space: nowrap; }
.caveat { color: var(--warn); font-size: 12px; margin-top: 3px; }
.cert { display: inline-block; font-size: 11px; padding: 0 5px; border-radius: 8px; border: 1px solid; white-space: nowrap; }
.cert.verified { color: var(--good); border-color: var(--good); }
.cert.partially_verified { color: var(--warn); border-color: var(--warn); }
.cert.reported, .cert.unverified { color: var(--bad); border-color: var(--bad); font-weight: 600; }
.panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 16px; }
.panel { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
.panel svg { width: 100%; height: auto; }
figcaption { text-align: center; color: var(--muted); }
svg.timeline { width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }
td.level0 { color: #aaa; }
td.level1 { background: #fdf6e3; }
td.level2 { background: #e8f1fb; }
td.level3 { background: #e3f4e8; }
.pair { border-left: 3px solid var(--line); padding-left: 10px; margin: 12px 0; }
.pairhead { font-size: 12px; color: var(--muted); }
.redline del { background: #fbe3e1; color: #8e1b10; text-decoration: line-through; }
.redline ins { background: #e0f3e5; color: #145a32; text-decoration: none; border-bottom: 1px solid #145a32; }
table.fields th { width: 120px; color: var(--muted); }
.clause { border-top: 1px solid var(--line); padding: 6px 0; }
.clause:target { background: #fff8dc; }
.clausehead { margin: 0; font-size: 12px; color: var(--muted); }
.note { color: var(--muted); font-size: 12px; }
.facts { font-size: 12px; }
footer { margin-top: 40px; font-size: 12px; color: var(--muted); }
footer code { overflow-wrap: anywhere; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  thead th { position: static; }
  tr, .card, .panel, .pair, .clause { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .panels { display: block; }
  .panel { margin-bottom: 8mm; }
}
"#;
