//! The days as a picture: magnesium from food and supplements per day against the target, and
//! the night ratings on the same time axis, over the last 7, 30 or 90 days; with the same facts
//! in a table for screen readers.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::browser::local_today;
use crate::components::{date_words, short_date_words};
use crate::domain::diary::{
    CalendarDate, DayRecord, HistoryPoint, MAX_NIGHT_RATING, Period, history,
};
use crate::domain::plan::mg_text;
use crate::domain::reference_values;
use crate::state::use_planner;

/// The lengths of history the chart offers, in days.
const SPANS: [u16; 3] = [7, 30, 90];

/// Every dated plan's record, as the app works it out once per change of the book or the food
/// table while History or the summary is on screen (`src/app.rs`), shared by all their parts.
#[derive(Clone, Default)]
pub struct DayRecords(pub Rc<Vec<DayRecord>>);

impl PartialEq for DayRecords {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The day records the app provides; none outside it.
#[hook]
pub fn use_day_records() -> Rc<Vec<DayRecord>> {
    use_context::<DayRecords>().unwrap_or_default().0
}

/// The day the history ends on: the day on screen, or today when the plan on screen is not a
/// day.
pub fn history_end(date: Option<CalendarDate>) -> Option<CalendarDate> {
    date.or_else(local_today)
}

const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 200.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 26.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 22.0;
const FOOD_COLOUR: &str = "#2f7d66";
const SUPPLEMENT_COLOUR: &str = "#1a56db";
const RATING_COLOUR: &str = "#a1261b";

/// The chart of the chosen span ending on the day on screen.
#[function_component(HistoryChart)]
pub fn history_chart() -> Html {
    let state = use_planner();
    let records = use_day_records();
    let span = use_state(|| SPANS[0]);
    let values = reference_values(state.settings.authority, &state.settings.profile);
    let target_mg = values.intake.as_ref().map(|i| f64::from(i.mg));
    let Some(end) = history_end(state.book.current_date()) else {
        return html! {};
    };
    let Some(period) = Period::ending_on(end, *span) else {
        return html! {};
    };
    let points = history(&records, period);

    let on_span = {
        let span = span.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Some(days) = SPANS.into_iter().find(|d| d.to_string() == select.value()) {
                span.set(days);
            }
        })
    };

    html! {
        <div class="history">
            <div class="field">
                <label for="history-span">{ "Days shown" }</label>
                <select id="history-span" data-testid="history-span" onchange={on_span}>
                    { for SPANS.iter().map(|d| html! {
                        <option value={d.to_string()} selected={*d == *span}>{ format!("Last {d} days") }</option>
                    }) }
                </select>
            </div>
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
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let most = points
        .iter()
        .filter_map(|p| p.intake.map(|i| i.total_mg()))
        .chain(target_mg)
        .fold(100.0_f64, f64::max)
        * 1.1;
    let y = |mg: f64| TOP + plot_h - (mg / most * plot_h).max(0.0);
    let slot = plot_w / points.len().max(1) as f64;
    let bar_w = (slot * 0.7).max(1.0);
    let x = |index: usize| LEFT + slot * index as f64 + (slot - bar_w) / 2.0;
    let rating_y =
        |points: u8| TOP + plot_h - f64::from(points) / f64::from(MAX_NIGHT_RATING) * plot_h;
    let days_with_entries = points.iter().filter(|p| p.intake.is_some()).count();
    let nights_rated = points.iter().filter(|p| p.rating.is_some()).count();
    let summary = format!(
        "Magnesium per day and night ratings, {} to {}: {} of {} days have entries, {} nights rated.",
        date_words(period.first()),
        date_words(period.last()),
        days_with_entries,
        points.len(),
        nights_rated
    );

    html! {
        <>
            <svg
                class="history-chart"
                data-testid="history-chart"
                viewBox={format!("0 0 {WIDTH} {HEIGHT}")}
                role="img"
                aria-label={summary.clone()}
                data-days={points.len().to_string()}
                data-days-with-entries={days_with_entries.to_string()}
            >
                <line x1={LEFT.to_string()} y1={y(0.0).to_string()} x2={(WIDTH - RIGHT).to_string()} y2={y(0.0).to_string()} stroke="#6b7280" stroke-width="1" />
                <text x={(LEFT - 4.0).to_string()} y={y(0.0).to_string()} text-anchor="end" font-size="10" fill="#374151">{ "0" }</text>
                <text x={(WIDTH - RIGHT + 4.0).to_string()} y={rating_y(0).to_string()} font-size="10" fill={RATING_COLOUR}>{ "0" }</text>
                <text x={(WIDTH - RIGHT + 4.0).to_string()} y={(rating_y(MAX_NIGHT_RATING) + 8.0).to_string()} font-size="10" fill={RATING_COLOUR}>{ MAX_NIGHT_RATING.to_string() }</text>
                { for points.iter().enumerate().filter_map(|(index, point)| {
                    let intake = point.intake?;
                    let food_top = y(intake.food_mg);
                    let total_top = y(intake.total_mg());
                    Some(html! {
                        <g class="day-bar" data-date={point.date.to_string()}>
                            <rect x={x(index).to_string()} y={food_top.to_string()} width={bar_w.to_string()}
                                height={(y(0.0) - food_top).max(0.0).to_string()} fill={FOOD_COLOUR} />
                            <rect x={x(index).to_string()} y={total_top.to_string()} width={bar_w.to_string()}
                                height={(food_top - total_top).max(0.0).to_string()} fill={SUPPLEMENT_COLOUR} />
                        </g>
                    })
                }) }
                if let Some(target) = target_mg {
                    <line class="target-line" x1={LEFT.to_string()} y1={y(target).to_string()} x2={(WIDTH - RIGHT).to_string()} y2={y(target).to_string()}
                        stroke="#111827" stroke-width="1.5" stroke-dasharray="4 3" />
                    <text x={(LEFT - 4.0).to_string()} y={(y(target) + 3.0).to_string()} text-anchor="end" font-size="10" fill="#111827">{ format!("{target} mg") }</text>
                }
                { for points.iter().enumerate().filter_map(|(index, point)| {
                    let rating = point.rating?;
                    Some(html! {
                        <circle class="rating-dot" data-date={point.date.to_string()} data-rating={rating.points().to_string()}
                            cx={(x(index) + bar_w / 2.0).to_string()} cy={rating_y(rating.points()).to_string()}
                            r="3.5" fill="#ffffff" stroke={RATING_COLOUR} stroke-width="2" />
                    })
                }) }
                <text x={LEFT.to_string()} y={(HEIGHT - 6.0).to_string()} font-size="10" fill="#374151">{ short_date_words(period.first()) }</text>
                <text x={(WIDTH - RIGHT).to_string()} y={(HEIGHT - 6.0).to_string()} text-anchor="end" font-size="10" fill="#374151">{ short_date_words(period.last()) }</text>
            </svg>
            <ul class="legend">
                <li><span class="swatch food-swatch" aria-hidden="true"></span>{ "food (mg, left scale)" }</li>
                <li><span class="swatch supplement-swatch" aria-hidden="true"></span>{ "supplements (mg, left scale)" }</li>
                <li>{ "dashed line: your daily target, food and supplements together" }</li>
                <li><span class="swatch rating-swatch" aria-hidden="true"></span>{ "night rating (0 none – 10 worst imaginable, right scale)" }</li>
            </ul>
            <p class="hint">{ "Days without entries are left blank, not counted as zero." }</p>
            // Hidden in a box rather than hiding the table itself: a table grows to fit its rows
            // whatever its width, which made the page scroll sideways on a phone.
            <div class="visually-hidden">
                <table data-testid="history-table">
                    <caption>{ summary }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Day" }</th>
                            <th scope="col">{ "From food" }</th>
                            <th scope="col">{ "From supplements" }</th>
                            <th scope="col">{ "Total" }</th>
                            <th scope="col">{ "Night rating" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for points.iter().map(history_row) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

fn history_row(point: &HistoryPoint) -> Html {
    let rating = point
        .rating
        .map_or("not rated".to_owned(), |r| format!("{} of 10", r.points()));
    match point.intake {
        Some(intake) => {
            let at_least = if intake.food_complete {
                ""
            } else {
                "at least "
            };
            html! {
                <tr>
                    <th scope="row">{ date_words(point.date) }</th>
                    if intake.food_entered {
                        <td>{ format!("{at_least}{}", mg_text(intake.food_mg)) }</td>
                        <td>{ mg_text(intake.supplement_mg) }</td>
                        <td>{ format!("{at_least}{}", mg_text(intake.total_mg())) }</td>
                    } else {
                        <td>{ "no food entered" }</td>
                        <td>{ mg_text(intake.supplement_mg) }</td>
                        <td>{ "supplements only" }</td>
                    }
                    <td>{ rating }</td>
                </tr>
            }
        }
        None => html! {
            <tr>
                <th scope="row">{ date_words(point.date) }</th>
                <td colspan="3">{ "no entries" }</td>
                <td>{ rating }</td>
            </tr>
        },
    }
}
