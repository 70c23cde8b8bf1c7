//! The timeline: deadlines on a calendar, one lane per agreement, relative
//! deadlines computed from their anchor date, implementation records as
//! coloured dots. Deadlines that cannot be placed are listed under it.

use maud::{Markup, html};

use super::ReportData;
use crate::date::Date;
use crate::describe;
use crate::model::ImplementationStatus;

const WIDTH: f64 = 960.0;
const LEFT: f64 = 130.0;
const RIGHT: f64 = 30.0;
/// Height of a lane without labels, and of each row of labels.
const LANE_BASE: f64 = 44.0;
const ROW: f64 = 12.0;
const TOP: f64 = 30.0;

enum Mark {
    Signed,
    Deadline,
    Implemented(ImplementationStatus),
}

struct Event {
    lane: usize,
    date: Date,
    label: String,
    mark: Mark,
}

pub(super) fn render(data: &ReportData<'_>) -> Markup {
    let mut events = Vec::new();
    let mut unplaced = Vec::new();
    for (lane, entry) in data.agreements.iter().enumerate() {
        let a = &entry.value;
        if let Some(date) = a.date {
            events.push(Event {
                lane,
                date,
                label: a.status.label().to_string(),
                mark: Mark::Signed,
            });
        }
        for c in &a.clauses {
            if c.deadline.is_some() {
                match describe::resolve(a, c) {
                    Some(date) => events.push(Event {
                        lane,
                        date,
                        label: c.id.clone(),
                        mark: Mark::Deadline,
                    }),
                    None => unplaced.push(format!(
                        "{} {}: {}",
                        a.short_title,
                        c.id,
                        describe::deadline(a, c)
                    )),
                }
            }
            for r in &c.implementation {
                events.push(Event {
                    lane,
                    date: r.date,
                    label: format!("{} {}", c.id, r.status.label()),
                    mark: Mark::Implemented(r.status),
                });
            }
        }
    }
    events.sort_by(|x, y| (x.lane, x.date, &x.label).cmp(&(y.lane, y.date, &y.label)));
    let (first, last) = match (
        events.iter().map(|e| e.date).min(),
        events.iter().map(|e| e.date).max(),
    ) {
        (Some(first), Some(last)) => (first.add_days(-30), last.add_days(30)),
        _ => return html! { p { "No dated events are encoded." } },
    };
    let span = (last.to_days() - first.to_days()).max(1) as f64;
    let x_of =
        |d: Date| LEFT + (WIDTH - LEFT - RIGHT) * (d.to_days() - first.to_days()) as f64 / span;
    // Labels are packed into rows above their lane so none overlaps: each
    // label takes the first row whose last label ends left of it.
    let mut label_row = vec![0usize; events.len()];
    let mut rows_per_lane = vec![1usize; data.agreements.len()];
    let mut row_ends: Vec<Vec<f64>> = vec![Vec::new(); data.agreements.len()];
    for (i, e) in events.iter().enumerate() {
        if matches!(e.mark, Mark::Implemented(_)) {
            continue;
        }
        let width = 6.0 * e.label.chars().count() as f64;
        let start = x_of(e.date) - width / 2.0;
        let ends = &mut row_ends[e.lane];
        let row = ends
            .iter()
            .position(|&end| end + 6.0 < start)
            .unwrap_or(ends.len());
        if row == ends.len() {
            ends.push(0.0);
        }
        ends[row] = start + width;
        label_row[i] = row;
        rows_per_lane[e.lane] = rows_per_lane[e.lane].max(row + 1);
    }
    let mut lane_top = Vec::with_capacity(rows_per_lane.len());
    let mut y = TOP;
    for rows in &rows_per_lane {
        lane_top.push(y);
        y += LANE_BASE + ROW * *rows as f64;
    }
    let height = y + 30.0;
    // The lane's axis sits under its label rows.
    let axis = |lane: usize| lane_top[lane] + ROW * rows_per_lane[lane] as f64 + 14.0;
    let years = f64::from(last.year() - first.year());
    let step = if years > 20.0 {
        5
    } else if years > 8.0 {
        2
    } else {
        1
    };
    let ticks: Vec<Date> = (first.year() + 1..=last.year())
        .filter(|y| y % step == 0)
        .filter_map(|y| Date::new(y, 1, 1))
        .collect();
    html! {
        svg.timeline xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {WIDTH} {height}")) role="img"
            aria-label="Deadlines and implementation on a calendar" {
            @for tick in &ticks {
                line x1=(f(x_of(*tick))) y1=(f(TOP - 10.0)) x2=(f(x_of(*tick))) y2=(f(height - 30.0)) stroke="#dddddd" {}
                text x=(f(x_of(*tick))) y=(f(height - 12.0)) text-anchor="middle" font-size="11" fill="#555555" { (tick.year()) }
            }
            @for (lane, entry) in data.agreements.iter().enumerate() {
                @let y = axis(lane);
                text x="8" y=(f(y + 4.0)) font-size="12" font-weight="bold" fill="#111111" { (entry.value.short_title) }
                line x1=(f(LEFT)) y1=(f(y)) x2=(f(WIDTH - RIGHT)) y2=(f(y)) stroke="#999999" {}
            }
            @for (i, e) in events.iter().enumerate() {
                @let x = x_of(e.date);
                @let y = axis(e.lane);
                @let label_y = y - 12.0 - ROW * label_row[i] as f64;
                @match e.mark {
                    Mark::Signed => {
                        rect x=(f(x - 5.0)) y=(f(y - 5.0)) width="10" height="10" fill="#111111" {
                            title { (e.date.to_string()) ": " (e.label) }
                        }
                    }
                    Mark::Deadline => {
                        path d=(format!("M {} {} l 6 6 l -6 6 l -6 -6 z", f(x), f(y - 6.0))) fill="#d35400" {
                            title { "deadline " (e.date.to_string()) ": " (e.label) }
                        }
                    }
                    Mark::Implemented(status) => {
                        circle cx=(f(x)) cy=(f(y + 14.0)) r="5" fill=(status_colour(status)) {
                            title { (e.date.to_string()) ": " (e.label) }
                        }
                    }
                }
                @if !matches!(e.mark, Mark::Implemented(_)) {
                    text x=(f(x)) y=(f(label_y)) text-anchor="middle" font-size="10" fill="#333333" { (e.label) }
                }
            }
        }
        p.legend {
            span.key style="color:#111111" { "■" } " signed / issued  "
            span.key style="color:#d35400" { "◆" } " deadline  "
            span.key style=(format!("color:{}", status_colour(ImplementationStatus::Full))) { "●" } " implemented in full  "
            span.key style=(format!("color:{}", status_colour(ImplementationStatus::Intermediate))) { "●" } " intermediate  "
            span.key style=(format!("color:{}", status_colour(ImplementationStatus::Minimal))) { "●" } " minimal  "
            span.key style=(format!("color:{}", status_colour(ImplementationStatus::NotInitiated))) { "●" } " not initiated"
        }
        @if !unplaced.is_empty() {
            p.explain { "Deadlines without a calendar date (their anchor event is not dated in the data):" }
            ul.unplaced { @for u in &unplaced { li { (u) } } }
        }
    }
}

fn f(value: f64) -> String {
    format!("{value:.2}")
}

fn status_colour(status: ImplementationStatus) -> &'static str {
    match status {
        ImplementationStatus::Full => "#1e8449",
        ImplementationStatus::Intermediate => "#b7950b",
        ImplementationStatus::Minimal => "#ca6f1e",
        ImplementationStatus::NotInitiated => "#922b21",
    }
}
