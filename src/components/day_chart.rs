//! How the day adds up, below the meals: the chart of the day against the target and the
//! supplements against their limit, and the foods that would close a gap.
//!
//! It sits below the first screen, so it waits its turn: the chart is drawn in a task of its own
//! after the page has first painted, and the suggestions, which read the whole food table, in
//! another after the table has arrived. No single task of starting the page grows by them.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::yield_to_browser;
use crate::components::{GapSuggestionsProps, TotalsChart, gap_suggestions, totals_chart};
use crate::domain::choice::Choice;
use crate::domain::foods::FoodTable;
use crate::domain::guidance::supplement_warning;
use crate::domain::plan::{DayTotals, MagnesiumTotal, Meal};
use crate::domain::reference_values;
use crate::food_data::CatalogState;
use crate::state::use_planner;

/// The chart and the gap suggestions.
#[function_component(DayChart)]
pub fn day_chart() -> Html {
    let state = use_planner();
    let catalog = use_context::<CatalogState>().unwrap_or(CatalogState::Loading);
    let drawn = use_state_eq(|| false);
    let suggesting = use_state_eq(|| false);
    // One effect for both turns rather than one each (each costs the wasm its hook code): at
    // the start it draws the chart, and once the table is there, in a task after that, it
    // suggests.
    {
        let (drawn, suggesting) = (drawn.clone(), suggesting.clone());
        use_effect_with(catalog.ready().is_some(), move |&ready| {
            wasm_bindgen_futures::spawn_local(async move {
                if !*drawn {
                    yield_to_browser().await;
                    drawn.set(true);
                }
                if ready {
                    yield_to_browser().await;
                    suggesting.set(true);
                }
            });
        });
    }
    let plan = state.plan();
    let fallback = FoodTable::default();
    let ready = catalog.ready().cloned();
    let table = ready.as_ref().map_or(&fallback, |c| c.table());
    let settings = &state.settings;
    let values = reference_values(settings.authority, &settings.profile);
    let totals = DayTotals::of(plan, table);
    let complete = totals.food.is_complete();
    let target_mg = values.intake.as_ref().map(|i| i.mg);
    let gap_mg = target_mg.map_or(0.0, |target| totals.gap_mg(target));
    // The suggestions are worked out again only when what they depend on changes: ranking
    // every food of the table took 10–22 ms of a phone's render (BENCHMARKS.md, issue 15), and
    // the planner's state changes far more often than the gap (a day switch, a keystroke).
    let suggestions = {
        let (state, catalog) = (state.clone(), ready.clone().filter(|_| *suggesting));
        let inputs = (
            catalog.as_ref().map(|c| Rc::as_ptr(c) as usize),
            gap_mg.to_bits(),
            complete,
            settings.profile.age,
            settings.kidney_disease,
            settings.hidden_groups.clone(),
        );
        use_memo(inputs, move |_| {
            let catalog = catalog.filter(|_| gap_mg > 0.0)?;
            Some(gap_suggestions(
                &state,
                &GapSuggestionsProps {
                    catalog,
                    gap_mg,
                    at_most: !complete,
                },
            ))
        })
    };
    if !*drawn {
        return Html::default();
    }
    // While the table loads, foods cannot be counted yet: a chart of them would be wrong.
    if matches!(catalog, CatalogState::Loading) && !plan.entries.is_empty() {
        return Html::default();
    }
    let warned = supplement_warning(
        totals.supplement_mg,
        values.effective_limit,
        settings.profile.age,
        settings.kidney_disease,
    )
    .is_some();

    html! {
        <section class="card day-chart" aria-labelledby="chart-heading">
            <h2 id="chart-heading">{ "How your day adds up" }</h2>
            { totals_chart(&TotalsChart {
                food_by_meal_mg: Meal::ALL
                    .iter()
                    .map(|&meal| MagnesiumTotal::of(plan.meal_entries(meal), table).known_mg)
                    .collect(),
                water_mg: totals.water_mg,
                supplement_mg: totals.supplement_mg,
                target_mg,
                limit_mg: values.effective_limit.mg(),
                warned,
                food_complete: complete,
            }) }
            if let Some(suggestions) = (*suggestions).clone() {
                { suggestions }
            }
        </section>
    }
}
