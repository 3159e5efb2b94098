//! "A new version is ready: reload", shown when a newer build of the planner has been installed
//! in the background.

use yew::prelude::*;

use crate::updates::{self, Update};

/// The offer to reload, once an update has been found (App registers the service worker and
/// keeps what it found).
///
/// A plain function rather than a component: each component costs the wasm Yew's per-component
/// code (BENCHMARKS.md, "Size budgets").
pub fn update_banner(update: Option<Update>) -> Html {
    let Some(found) = update else {
        return Html::default();
    };
    let on_reload = Callback::from(move |_: MouseEvent| updates::apply(&found));
    html! {
        <div class="update-banner" role="status" data-testid="update-ready">
            <span>{ "A new version of the planner is ready. Your plans stay as they are." }</span>
            <button type="button" class="primary" data-testid="update-reload" onclick={on_reload}>
                { "Reload" }
            </button>
        </div>
    }
}
