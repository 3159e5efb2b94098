//! How the day adds up, below the meals: the chart of the day against the target and the
//! supplements against their limit, and the foods that would close a gap.
//!
//! It sits below the first screen, so it waits its turn: the chart is drawn in a task of its own
//! after the page has first painted, and the suggestions, which read the whole food table, in
//! another after the table has arrived. No single task of starting the page grows by them.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::yield_to_browser;
use crate::components::{GapSuggestionsProps, TotalsChart, gap_suggestions, totals_chart};
use crate::domain::choice::Choice;
use crate::domain::foods::FoodTable;
use crate::domain::guidance::supplement_warning;
use crate::domain::plan::{DayTotals, MagnesiumTotal, Meal};
use crate::domain::profile::AgeYears;
use crate::domain::reference_values;
use crate::food_data::CatalogState;
use crate::state::PlannerContext;

/// What the suggestions were last worked out from: the table (by address), the gap's bits,
/// whether the foods were complete, the age, kidney disease and the hidden groups.
type SuggestionInputs = (Option<usize>, u64, bool, AgeYears, bool, Vec<u16>);

/// The suggestions last worked out (none with no gap, or before their turn), with what from.
type KeptSuggestions = Option<(SuggestionInputs, Option<Html>)>;

/// What the chart remembers: whether it has been drawn, whether it suggests foods yet, the
/// food table's readiness its turns were last taken for (none while it is not on screen), and
/// the suggestions with what they were worked out from. Kept by App, which calls
/// [`DayChartState::after_render`] after each render.
#[derive(Clone)]
pub struct DayChartState {
    drawn: UseStateHandle<bool>,
    suggesting: UseStateHandle<bool>,
    turns_for: Rc<RefCell<Option<bool>>>,
    suggestions: Rc<RefCell<KeptSuggestions>>,
}

impl DayChartState {
    /// After each render, with whether the chart is on screen and the table is there: a chart
    /// shown anew draws itself in a task after the page has painted, and suggests in another
    /// once the table is there; one no longer shown forgets all of it, as one shown anew starts.
    pub fn after_render(&self, shown: bool, ready: bool) {
        if !shown {
            if self.turns_for.borrow_mut().take().is_some() {
                self.drawn.set(false);
                self.suggesting.set(false);
                self.suggestions.borrow_mut().take();
            }
            return;
        }
        if self.turns_for.borrow_mut().replace(ready) == Some(ready) {
            return;
        }
        let (drawn, suggesting) = (self.drawn.clone(), self.suggesting.clone());
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
    }
}

/// A place for the chart's state, for the component that shows it.
#[hook]
pub fn use_day_chart_state() -> DayChartState {
    DayChartState {
        // `bool::default` rather than a closure each: the same function for both, so the hook's
        // code is in the wasm once.
        drawn: use_state_eq(bool::default),
        suggesting: use_state_eq(bool::default),
        turns_for: use_mut_ref(Option::default),
        suggestions: use_mut_ref(Option::default),
    }
}

/// The chart and the gap suggestions.
///
/// A plain function rather than a component (each component costs the wasm Yew's
/// per-component code): the caller keeps `chart` ([`use_day_chart_state`]).
pub fn day_chart(state: &PlannerContext, catalog: &CatalogState, chart: &DayChartState) -> Html {
    let (drawn, suggesting) = (*chart.drawn, *chart.suggesting);
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
        let catalog = ready.clone().filter(|_| suggesting);
        let inputs = (
            catalog.as_ref().map(|c| Rc::as_ptr(c) as usize),
            gap_mg.to_bits(),
            complete,
            settings.profile.age,
            settings.kidney_disease,
            settings.hidden_groups.clone(),
        );
        let mut kept = chart.suggestions.borrow_mut();
        match &*kept {
            Some((worked_from, suggestions)) if *worked_from == inputs => suggestions.clone(),
            _ => {
                let suggestions = catalog.filter(|_| gap_mg > 0.0).map(|catalog| {
                    gap_suggestions(
                        state,
                        &GapSuggestionsProps {
                            catalog,
                            gap_mg,
                            at_most: !complete,
                        },
                    )
                });
                *kept = Some((inputs, suggestions.clone()));
                suggestions
            }
        }
    };
    if !drawn {
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

    // A plain loop rather than an adapter chain, which the wasm would hold a copy of.
    let mut food_by_meal_mg = Vec::with_capacity(Meal::ALL.len());
    for &meal in Meal::ALL {
        food_by_meal_mg.push(MagnesiumTotal::of(plan.meal_entries(meal), table).known_mg);
    }

    html! {
        <section class="card day-chart" aria-labelledby="chart-heading">
            <h2 id="chart-heading">{ "How your day adds up" }</h2>
            { totals_chart(&TotalsChart {
                food_by_meal_mg,
                water_mg: totals.water_mg,
                supplement_mg: totals.supplement_mg,
                target_mg,
                limit_mg: values.effective_limit.mg(),
                warned,
                food_complete: complete,
            }) }
            if let Some(suggestions) = suggestions {
                { suggestions }
            }
        </section>
    }
}
