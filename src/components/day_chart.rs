//! How the day adds up, below the meals: the chart of the day against the target and the
//! supplements against their limit, and the foods that would close a gap.

use yew::prelude::*;

use crate::components::{GapSuggestions, TotalsChart};
use crate::domain::foods::FoodTable;
use crate::domain::plan::{DayTotals, MagnesiumTotal, Meal};
use crate::domain::reference_values;
use crate::food_data::CatalogState;
use crate::state::use_planner;

/// The chart and the gap suggestions.
#[function_component(DayChart)]
pub fn day_chart() -> Html {
    let state = use_planner();
    let catalog = use_context::<CatalogState>().unwrap_or(CatalogState::Loading);
    let plan = state.plan();
    // While the table loads, foods cannot be counted yet: a chart of them would be wrong.
    if matches!(catalog, CatalogState::Loading) && !plan.entries.is_empty() {
        return Html::default();
    }
    let fallback = FoodTable::default();
    let ready = catalog.ready().cloned();
    let table = ready.as_ref().map_or(&fallback, |c| c.table());
    let settings = &state.settings;
    let values = reference_values(settings.authority, &settings.profile);
    let totals = DayTotals::of(plan, table);
    let complete = totals.food.is_complete();
    let target_mg = values.intake.as_ref().map(|i| i.mg);

    html! {
        <section class="card day-chart" aria-labelledby="chart-heading">
            <h2 id="chart-heading">{ "How your day adds up" }</h2>
            <TotalsChart
                food_by_meal_mg={Meal::ALL.iter().map(|&meal| {
                    MagnesiumTotal::of(plan.meal_entries(meal), table).known_mg
                }).collect::<Vec<f64>>()}
                supplement_mg={totals.supplement_mg}
                target_mg={target_mg}
                limit_mg={values.supplement_limit.mg()}
                food_complete={complete}
            />
            if let (Some(target), Some(catalog)) = (target_mg, ready) {
                if totals.gap_mg(target) > 0.0 {
                    <GapSuggestions catalog={catalog} gap_mg={totals.gap_mg(target)} at_most={!complete} />
                }
            }
        </section>
    }
}
