//! "A new version is ready: reload", shown when a newer build of the planner has been installed
//! in the background.

use web_sys::ServiceWorker;
use yew::prelude::*;

use crate::updates;

/// Registers the service worker on mount and offers the update once one is waiting.
#[function_component(UpdateBanner)]
pub fn update_banner() -> Html {
    let waiting = use_state(|| None::<ServiceWorker>);
    {
        let waiting = waiting.clone();
        use_effect_with((), move |_| {
            updates::register(Callback::from(move |worker| waiting.set(Some(worker))));
        });
    }
    let Some(worker) = (*waiting).clone() else {
        return Html::default();
    };
    let on_reload = Callback::from(move |_: MouseEvent| updates::apply(&worker));
    html! {
        <div class="update-banner" role="status" data-testid="update-ready">
            <span>{ "A new version of the planner is ready. Your plans stay as they are." }</span>
            <button type="button" class="primary" data-testid="update-reload" onclick={on_reload}>
                { "Reload" }
            </button>
        </div>
    }
}
