//! The day at a glance: magnesium from food and supplements against the target, and the
//! warnings about supplements. The chart and the foods that would close a gap are in
//! [`crate::components::DayChart`], below the meals.

use yew::prelude::*;

use crate::domain::foods::FoodTable;
use crate::domain::guidance::{SPLIT_DOSE_ABOVE_MG, doses_worth_splitting, exceeded_limit};
use crate::domain::plan::{DayTotals, mg_text};
use crate::domain::reference_values;
use crate::domain::supplements::form;
use crate::food_data::CatalogState;
use crate::state::use_planner;

/// Totals and warnings for the day.
#[function_component(DaySummary)]
pub fn day_summary() -> Html {
    let state = use_planner();
    let catalog = use_context::<CatalogState>().unwrap_or(CatalogState::Loading);
    // Supplements need no food table: with it still loading, or failed, the totals and the
    // warnings still show, and every food counts as "no data" until it arrives.
    let fallback = FoodTable::default();
    let table = catalog.ready().map_or(&fallback, |c| c.table());
    let table_status = match &catalog {
        // The search box says the table is loading, and the totals wait for it if foods do.
        CatalogState::Loading => None,
        CatalogState::Failed(reason) => Some(format!(
            "The food table could not be loaded ({reason}), so foods count as no data. Reload to try again."
        )),
        CatalogState::Ready(_) => None,
    };
    let settings = &state.settings;
    let values = reference_values(settings.authority, &settings.profile);
    let totals = DayTotals::of(state.plan(), table);
    let complete = totals.food.is_complete();
    let at_least = if complete { "" } else { "at least " };
    // Foods are counted once the table is here; until then the totals say so rather than
    // showing "at least 0 mg". Supplements need no table.
    let loading = matches!(catalog, CatalogState::Loading) && !state.plan().entries.is_empty();
    let target_mg = values.intake.as_ref().map(|i| i.mg);
    let over = exceeded_limit(totals.supplement_mg, &values.supplement_limit);
    let to_split = doses_worth_splitting(state.plan());

    html! {
        <section class="card day-summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{ "Your day at a glance" }</h2>
            if let Some(status) = table_status {
                <p class="hint" role="status">{ status }</p>
            }
            <div class="totals">
                <div class="total total-main">
                    <h3>{ "Total magnesium" }</h3>
                    <p class="value-number" data-testid="total-mg">
                        { if loading { "Loading…".to_owned() } else { totals.total_display() } }
                    </p>
                    <p class="value-detail">
                        { match (target_mg, target_mg.and_then(|t| totals.percent_of(t))) {
                            (Some(target), _) if loading => format!("Counting the foods; your target is {target} mg"),
                            (Some(target), Some(percent)) => format!("{at_least}{percent}% of your {target} mg target"),
                            _ => "No reference intake for this age".to_owned(),
                        } }
                    </p>
                </div>
                <div class="total">
                    <h3>{ "From food" }</h3>
                    <p class="value-number small" data-testid="total-food-mg">
                        { if loading { "Loading…".to_owned() } else { totals.food.display() } }
                    </p>
                </div>
                <div class="total">
                    <h3>{ "From supplements" }</h3>
                    <p class="value-number small" data-testid="total-supplement-mg">{ mg_text(totals.supplement_mg) }</p>
                    <p class="value-detail">
                        { match values.supplement_limit.mg() {
                            Some(limit) => format!("limit {limit} mg"),
                            None => "no limit set for this age".to_owned(),
                        } }
                    </p>
                </div>
            </div>
            if let Some((limit_mg, kind)) = over {
                <div class="warning" role="alert" data-testid="ul-warning">
                    <strong>{ format!("Supplements are above the {} of {limit_mg} mg.", kind.label()) }</strong>
                    { format!(
                        " Today's supplements give {} of magnesium. Above this amount, supplements and \
                         medicines often cause diarrhoea and stomach cramps; that is what the limit \
                         guards against. It says nothing about the magnesium in food, which has no limit.",
                        mg_text(totals.supplement_mg)
                    ) }
                </div>
            }
            if !to_split.is_empty() {
                <div class="advice" data-testid="split-dose-advice">
                    { format!(
                        "{}: more than {SPLIT_DOSE_ABOVE_MG} mg in one dose. Splitting it into two or \
                         more doses through the day makes diarrhoea less likely (BfR 2017).",
                        to_split
                            .iter()
                            .map(|d| form(&d.input.form_id).map_or("A supplement", |f| f.name))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ) }
                </div>
            }
        </section>
    }
}
