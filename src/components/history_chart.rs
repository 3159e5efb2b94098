//! The days as a picture: magnesium from food and supplements per day against the target, and
//! the night ratings on the same time axis, over the last 7, 30 or 90 days; with the same facts
//! in a table for screen readers.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::local_today;
use crate::components::{
    SelectField, SelectOption, date_words, escaped, select_field, short_date_words,
};
use crate::domain::diary::{
    CalendarDate, DayRecord, HistoryPoint, MAX_NIGHT_RATING, Period, history,
};
use crate::domain::plan::mg_text;
use crate::domain::reference_values;
use crate::state::PlannerContext;

use super::period_comparison::Chosen;

/// The lengths of history the chart offers, in days.
const SPANS: [u16; 3] = [7, 30, 90];

/// Every dated plan's record, as the app works it out once per change of the book or the food
/// table while History or the summary is on screen (`src/app.rs`), shared by all their parts.
#[derive(Default)]
pub struct DayRecords(pub Rc<Vec<DayRecord>>);

/// What History's chart and comparison remember while History is on screen: the span the
/// chart shows and the periods compared. Kept by App, which shows them, so that they can be
/// plain functions rather than components (each component costs the wasm Yew's per-component
/// code).
#[derive(Clone)]
pub struct HistoryChoices {
    span: UseStateHandle<u16>,
    pub(super) chosen: UseStateHandle<Chosen>,
}

impl HistoryChoices {
    /// Goes back to the first span and the default periods, as History shown anew starts.
    pub fn forget(&self) {
        if *self.span != SPANS[0] {
            self.span.set(SPANS[0]);
        }
        if *self.chosen != Chosen::default() {
            self.chosen.set(Chosen::default());
        }
    }
}

/// A place for History's choices, for the component that shows History.
#[hook]
pub fn use_history_choices() -> HistoryChoices {
    HistoryChoices {
        span: use_state(|| SPANS[0]),
        chosen: use_state(Chosen::default),
    }
}

/// The day the history ends on: the day on screen, or today when the plan on screen is not a
/// day.
pub fn history_end(date: Option<CalendarDate>) -> Option<CalendarDate> {
    date.or_else(local_today)
}

const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 200.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 26.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 22.0;
const FOOD_COLOUR: &str = "#2f7d66";
const SUPPLEMENT_COLOUR: &str = "#1a56db";
const RATING_COLOUR: &str = "#a1261b";

/// The chart of the chosen span ending on the day on screen.
pub fn history_chart(
    state: &PlannerContext,
    records: &[DayRecord],
    choices: &HistoryChoices,
) -> Html {
    let span = &choices.span;
    let values = reference_values(state.settings.authority, &state.settings.profile);
    let target_mg = values.intake.as_ref().map(|i| f64::from(i.mg));
    let Some(end) = history_end(state.book.current_date()) else {
        return html! {};
    };
    let Some(period) = Period::ending_on(end, **span) else {
        return html! {};
    };
    let points = history(records, period);

    let on_span = {
        let span = span.clone();
        Callback::from(move |value: String| {
            if let Some(days) = SPANS.into_iter().find(|d| d.to_string() == value) {
                span.set(days);
            }
        })
    };
    // A plain loop rather than an adapter chain, which the wasm would hold a copy of.
    let mut span_options = Vec::with_capacity(SPANS.len());
    for d in SPANS {
        span_options.push(SelectOption {
            value: d.to_string().into(),
            label: format!("Last {d} days").into(),
            selected: d == **span,
            disabled: false,
        });
    }
    // The form kit's select, so its markup is in the wasm once.
    let span_field = select_field(
        SelectField {
            id: "history-span",
            tested: true,
            label: "Days shown".into(),
            invalid: false,
            described_by: None,
        },
        span_options,
        on_span,
    );

    html! {
        <div class="history">
            { span_field }
            { history_figure(&points, period, target_mg) }
        </div>
    }
}

/// The chart of `points` over `period` against `target_mg`, with its legend and a table of the
/// same facts for screen readers; a plain function so the doctor's summary draws the same
/// chart without the span select.
pub(super) fn history_figure(
    points: &[HistoryPoint],
    period: Period,
    target_mg: Option<f64>,
) -> Html {
    // Counted in one pass, which the chart's `data-` attributes use too.
    let (mut days_with_entries, mut nights_rated) = (0, 0);
    for point in points {
        days_with_entries += usize::from(point.intake.is_some());
        nights_rated += usize::from(point.rating.is_some());
    }
    let summary = format!(
        "Magnesium per day and night ratings, {} to {}: {} of {} days have entries, {} nights rated.",
        date_words(period.first()),
        date_words(period.last()),
        days_with_entries,
        points.len(),
        nights_rated
    );

    let mut figure = chart_svg(points, period, target_mg, &summary, days_with_entries);
    figure.push_str(LEGEND);
    figure.push_str(&history_table(points, &summary));
    Html::from_html_unchecked(figure.into())
}

/// The chart's legend and its note on blank days, written as text like the chart: it never
/// changes, and as an `html!` tree it cost more wasm than its words.
const LEGEND: &str = r#"<ul class="legend"><li><span class="swatch food-swatch" aria-hidden="true"></span>food (mg, left scale)</li><li><span class="swatch supplement-swatch" aria-hidden="true"></span>supplements (mg, left scale)</li><li>dashed line: your daily target, food and supplements together</li><li><span class="swatch rating-swatch" aria-hidden="true"></span>night rating (0 none – 10 worst imaginable, right scale)</li></ul><p class="hint">Days without entries are left blank, not counted as zero.</p>"#;

/// The chart as SVG markup, in tenths of the drawing's units so that every coordinate is a
/// whole number. Written as text rather than through `html!`: a tree of a few hundred SVG
/// elements built element by element took 12 KB of wasm, and the text is what the browser
/// parses anyway. Every value written is a number, a date or `summary`, which is escaped;
/// `days_with_entries` is how many of `points` have entries.
fn chart_svg(
    points: &[HistoryPoint],
    period: Period,
    target_mg: Option<f64>,
    summary: &str,
    days_with_entries: usize,
) -> String {
    use std::fmt::Write;
    let (left, right, top, bottom) = (LEFT * 10.0, RIGHT * 10.0, TOP * 10.0, BOTTOM * 10.0);
    let (width, height) = (WIDTH * 10.0, HEIGHT * 10.0);
    let plot_w = width - left - right;
    let plot_h = height - top - bottom;
    // A plain loop rather than an adapter chain, which the wasm would hold a copy of.
    let mut most = target_mg.map_or(100.0_f64, |target| target.max(100.0));
    for point in points {
        if let Some(intake) = point.intake {
            most = most.max(intake.total_mg());
        }
    }
    let most = most * 1.1;
    // Whole tenths of a unit; `as` saturates, and every input here is finite.
    let at = |value: f64| value.round() as i64;
    let y = |mg: f64| at(top + plot_h - (mg / most * plot_h).max(0.0));
    let slot = plot_w / points.len().max(1) as f64;
    let bar_w = (slot * 0.7).max(10.0);
    let x = |index: usize| at(left + slot * index as f64 + (slot - bar_w) / 2.0);
    let rating_y =
        |points: u8| at(top + plot_h - f64::from(points) / f64::from(MAX_NIGHT_RATING) * plot_h);
    let base = y(0.0);
    let (x_left, x_right) = (at(left), at(width - right));
    let mut svg = String::with_capacity(200 * points.len() + 1500);
    let _ = write!(
        svg,
        r##"<svg class="history-chart" data-testid="history-chart" viewBox="0 0 {} {}" role="img" aria-label="{}" data-days="{}" data-days-with-entries="{}" font-size="100">"##,
        at(width),
        at(height),
        escaped(summary),
        points.len(),
        days_with_entries,
    );
    let _ = write!(
        svg,
        r##"<line x1="{x_left}" y1="{base}" x2="{x_right}" y2="{base}" stroke="#6b7280" stroke-width="10"/><text x="{}" y="{base}" text-anchor="end" fill="#374151">0</text><text x="{}" y="{}" fill="{RATING_COLOUR}">0</text><text x="{}" y="{}" fill="{RATING_COLOUR}">{MAX_NIGHT_RATING}</text>"##,
        x_left - 40,
        x_right + 40,
        rating_y(0),
        x_right + 40,
        rating_y(MAX_NIGHT_RATING) + 80,
    );
    let bar = at(bar_w);
    for (index, point) in points.iter().enumerate() {
        let Some(intake) = point.intake else { continue };
        let (food_top, total_top) = (y(intake.food_mg), y(intake.total_mg()));
        let _ = write!(
            svg,
            r##"<g class="day-bar" data-date="{}"><rect x="{}" y="{food_top}" width="{bar}" height="{}" fill="{FOOD_COLOUR}"/><rect x="{}" y="{total_top}" width="{bar}" height="{}" fill="{SUPPLEMENT_COLOUR}"/></g>"##,
            point.date,
            x(index),
            (base - food_top).max(0),
            x(index),
            (food_top - total_top).max(0),
        );
    }
    if let Some(target) = target_mg {
        let line_y = y(target);
        let _ = write!(
            svg,
            r##"<line class="target-line" x1="{x_left}" y1="{line_y}" x2="{x_right}" y2="{line_y}" stroke="#111827" stroke-width="15" stroke-dasharray="40 30"/><text x="{}" y="{}" text-anchor="end" fill="#111827">{} mg</text>"##,
            x_left - 40,
            line_y + 30,
            at(target),
        );
    }
    for (index, point) in points.iter().enumerate() {
        let Some(rating) = point.rating else { continue };
        let _ = write!(
            svg,
            r##"<circle class="rating-dot" data-date="{}" data-rating="{}" cx="{}" cy="{}" r="35" fill="#ffffff" stroke="{RATING_COLOUR}" stroke-width="20"/>"##,
            point.date,
            rating.points(),
            x(index) + bar / 2,
            rating_y(rating.points()),
        );
    }
    let _ = write!(
        svg,
        r##"<text x="{x_left}" y="{}" fill="#374151">{}</text><text x="{x_right}" y="{}" text-anchor="end" fill="#374151">{}</text></svg>"##,
        at(height - 60.0),
        short_date_words(period.first()),
        at(height - 60.0),
        short_date_words(period.last()),
    );
    svg
}

/// The same facts as the chart, as a table for screen readers, in a hidden box rather than a
/// hidden table (a table grows to fit its rows whatever its width, which made the page scroll
/// sideways on a phone). Written as text like the chart; dates, figures and the escaped
/// `summary` are all it holds.
fn history_table(points: &[HistoryPoint], summary: &str) -> String {
    use std::fmt::Write;
    let mut table = String::with_capacity(120 * points.len() + 400);
    let _ = write!(
        table,
        r#"<div class="visually-hidden"><table data-testid="history-table"><caption>{}</caption><thead><tr><th scope="col">Day</th><th scope="col">From food</th><th scope="col">From supplements</th><th scope="col">Total</th><th scope="col">Night rating</th></tr></thead><tbody>"#,
        escaped(summary)
    );
    for point in points {
        let rating = point
            .rating
            .map_or("not rated".to_owned(), |r| format!("{} of 10", r.points()));
        let _ = write!(
            table,
            r#"<tr><th scope="row">{}</th>"#,
            date_words(point.date)
        );
        let _ = match point.intake {
            Some(intake) if intake.food_entered => {
                let at_least = if intake.food_complete {
                    ""
                } else {
                    "at least "
                };
                write!(
                    table,
                    "<td>{at_least}{}</td><td>{}</td><td>{at_least}{}</td>",
                    mg_text(intake.food_mg),
                    mg_text(intake.supplement_mg),
                    mg_text(intake.total_mg())
                )
            }
            Some(intake) => write!(
                table,
                "<td>no food entered</td><td>{}</td><td>supplements only</td>",
                mg_text(intake.supplement_mg)
            ),
            None => write!(table, r#"<td colspan="3">no entries</td>"#),
        };
        let _ = write!(table, "<td>{rating}</td></tr>");
    }
    table.push_str("</tbody></table></div>");
    table
}
