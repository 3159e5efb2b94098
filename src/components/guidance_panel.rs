//! Short, sourced guidance on taking magnesium, the kidney warning when it applies, and the
//! plain statement that the planner is not medical advice.

use yew::prelude::*;

use crate::domain::guidance::{GUIDANCE, KIDNEY_WARNING, NOT_MEDICAL_ADVICE};
use crate::state::PlannerContext;

/// The guidance panel.
///
/// A plain function rather than a component, called with App's state: each component costs the
/// wasm Yew's per-component code (BENCHMARKS.md, "Size budgets").
pub fn guidance_panel(state: &PlannerContext) -> Html {
    html! {
        <section class="card guidance" aria-labelledby="guidance-heading">
            <h2 id="guidance-heading">{ "Taking magnesium well" }</h2>
            if state.settings.kidney_disease {
                <p class="warning" role="note" data-testid="kidney-warning">{ KIDNEY_WARNING }</p>
            }
            <ul>
                { for GUIDANCE.iter().map(|item| html! {
                    <li>{ item.text }{ " " }<span class="source">{ format!("({})", item.source) }</span></li>
                }) }
            </ul>
            <p><strong>{ NOT_MEDICAL_ADVICE }</strong></p>
        </section>
    }
}
