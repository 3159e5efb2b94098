//! The day's meals: each meal's foods and subtotal, and the day's food total.
//! (`total-food-mg` itself is in the day summary, so the contract's hook appears once.)

use yew::prelude::*;

use crate::components::{PlanEntryRow, escaped};
use crate::domain::choice::Choice;
use crate::domain::foods::FoodTable;
use crate::domain::plan::{MagnesiumTotal, Meal};
use crate::food_data::CatalogState;
use crate::state::PlannerContext;

/// Breakfast, lunch, dinner and snacks with their foods, and the food total.
///
/// A plain function rather than a component, called with App's state: each component costs the
/// wasm Yew's per-component code (BENCHMARKS.md, "Size budgets").
pub fn meal_list(state: &PlannerContext, catalog: &CatalogState) -> Html {
    // Without the table (loading, or failed) the entries still show, as "no data", so they can
    // be seen and removed.
    let fallback = FoodTable::default();
    let table = catalog.ready().map_or(&fallback, |c| c.table());
    let plan = state.plan();
    let day = MagnesiumTotal::of(&plan.entries, table);
    // Foods cannot be counted before the table arrives; "at least 0 mg" would be wrong.
    let loading = matches!(catalog, CatalogState::Loading) && !plan.entries.is_empty();

    // The food total and its note are read-only: written as HTML text, as History's chart is,
    // which costs the wasm less than an `html!` tree. Food names are escaped.
    let mut total = format!(
        r#"<p class="day-total">Magnesium from food: <strong>{}</strong></p>"#,
        if loading {
            "loading…".to_owned()
        } else {
            day.display()
        }
    );
    if !day.is_complete() && !loading {
        total.push_str(&format!(
            r#"<p class="note">USDA SR28 has no magnesium value for {}, so the real total is higher.</p>"#,
            escaped(&day.missing.join("; "))
        ));
    }

    html! {
        <div class="meals">
            { Html::from_html_unchecked(total.into()) }
            { for Meal::ALL.iter().map(|&meal| {
                let entries: Vec<_> = plan.meal_entries(meal).collect();
                let subtotal = MagnesiumTotal::of(entries.iter().copied(), table);
                let heading_id = format!("meal-{}", meal.value());
                html! {
                    <section class="meal" aria-labelledby={heading_id.clone()}>
                        <h3 id={heading_id} tabindex="-1">
                            { meal.label() }
                            <span class="subtotal">
                                { if loading && !entries.is_empty() { "…".to_owned() } else { subtotal.display() } }
                            </span>
                        </h3>
                        if entries.is_empty() {
                            <p class="hint">{ "Nothing yet." }</p>
                        } else {
                            <ul class="entries">
                                // Unkeyed: a day switch patches the rows in place instead of
                                // building every one anew, which kept it from fitting in one
                                // frame; a row keeps what was typed only for its own entry.
                                { for entries.iter().map(|entry| html! {
                                    <PlanEntryRow
                                        plan={state.book.current}
                                        entry={(*entry).clone()}
                                        food={entry.food(table)}
                                        {loading}
                                    />
                                }) }
                            </ul>
                        }
                    </section>
                }
            }) }
        </div>
    }
}
