//! Short, sourced guidance on taking magnesium, the kidney warning when it applies, and the
//! plain statement that the planner is not medical advice.

use yew::prelude::*;

use crate::domain::guidance::{GUIDANCE, KIDNEY_WARNING, NOT_MEDICAL_ADVICE};
use crate::state::use_planner;

/// The guidance panel.
#[function_component(GuidancePanel)]
pub fn guidance_panel() -> Html {
    let state = use_planner();
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
