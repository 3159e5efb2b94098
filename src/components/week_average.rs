//! The mean magnesium of the week ending on the day on screen, over the days that have entries.

use yew::prelude::*;

use super::history_chart::{DayRecords, history_end};
use crate::components::date_words;
use crate::domain::diary::{Period, period_stats};
use crate::domain::plan::mg_text;
use crate::state::PlannerContext;

/// "312 mg a day over 5 days with entries", for the 7 days ending on the day on screen.
///
/// A plain function rather than a component, called with App's state and day records: each
/// component costs the wasm Yew's per-component code (BENCHMARKS.md, "Size budgets"). Written
/// as HTML text, as History's chart is (read-only, and cheaper so); it holds only numbers, dates
/// and the planner's own words.
pub fn week_average(state: &PlannerContext, records: &DayRecords) -> Html {
    let records = &records.0;
    let Some(period) = history_end(state.book.current_date()).and_then(|d| Period::ending_on(d, 7))
    else {
        return html! {};
    };
    let stats = period_stats(records, period);
    let text = match stats.mean_total_mg() {
        Some(mean) => format!(
            "{}{} a day over {} day{} with entries",
            if stats.food_incomplete {
                "at least "
            } else {
                ""
            },
            mg_text(mean),
            stats.days_with_entries,
            if stats.days_with_entries == 1 {
                ""
            } else {
                "s"
            }
        ),
        None => "No days with food entered in these 7 days".to_owned(),
    };
    Html::from_html_unchecked(
        format!(
            r#"<div class="week-average"><h3>The week</h3><p><span class="value-number small" data-testid="week-average-mg">{text}</span></p><p class="hint">Mean magnesium a day from food and supplements together, over the days with entries among the 7 days from {} to {}; days without entries are left out, not counted as zero, and a day with doses but no food entered counts for supplements only.</p></div>"#,
            date_words(period.first()),
            date_words(period.last())
        )
        .into(),
    )
}
