//! The banner that tells the person their saved data could not be read or written.

use yew::prelude::*;

use crate::state::PlannerContext;

/// Shows `storage-notice` while there is something to say about saved data, and nothing else.
///
/// A plain function rather than a component, called with App's state: each component costs the
/// wasm Yew's per-component code (BENCHMARKS.md, "Size budgets").
pub fn storage_notice_banner(state: &PlannerContext) -> Html {
    if state.storage_notices.is_empty() {
        return Html::default();
    }
    html! {
        <div class="storage-notice" role="alert" data-testid="storage-notice">
            <strong>{ "About your saved data" }</strong>
            { for state.storage_notices.iter().map(|notice| html! { <p>{ notice.message() }</p> }) }
        </div>
    }
}
