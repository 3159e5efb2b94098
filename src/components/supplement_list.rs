//! The day's supplement doses.

use yew::prelude::*;

use crate::components::SupplementEntryRow;
use crate::state::use_planner;

/// Every dose of the day, or a line saying there are none.
#[function_component(SupplementList)]
pub fn supplement_list() -> Html {
    let state = use_planner();
    let doses = &state.plan().doses;
    html! {
        <section class="supplement-list" aria-labelledby="doses-heading">
            <h3 id="doses-heading" tabindex="-1">{ "Today's doses" }</h3>
            if doses.is_empty() {
                <p class="hint">{ "No supplements yet." }</p>
            } else {
                <ul class="entries">
                    { for doses.iter().map(|dose| html! {
                        <SupplementEntryRow key={format!("{}-{}", state.book.current, dose.id)} dose={dose.clone()} />
                    }) }
                </ul>
            }
        </section>
    }
}
