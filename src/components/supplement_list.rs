//! The day's supplement doses.

use yew::prelude::*;

use crate::components::{DoseRows, supplement_entry_row};
use crate::state::PlannerContext;

/// Every dose of the day, or a line saying there are none; what the rows' fields hold as typed
/// is kept in `rows`.
///
/// A plain function rather than a component, called with App's state: each component costs the
/// wasm Yew's per-component code (BENCHMARKS.md, "Size budgets").
pub fn supplement_list(state: &PlannerContext, rows: &DoseRows) -> Html {
    let doses = &state.plan().doses;
    html! {
        <section class="supplement-list" aria-labelledby="doses-heading">
            <h3 id="doses-heading" tabindex="-1">{ "Today's doses" }</h3>
            if doses.is_empty() {
                <p class="hint">{ "No supplements yet." }</p>
            } else {
                <ul class="entries">
                    { for doses.iter().map(|dose| supplement_entry_row(state, dose, rows)) }
                </ul>
            }
        </section>
    }
}
