//! "A new version is ready: reload", shown when a newer build of the planner has been installed
//! in the background.

use yew::prelude::*;

use crate::updates::{self, Update};

/// Registers the service worker on mount and offers the update once one is waiting.
#[function_component(UpdateBanner)]
pub fn update_banner() -> Html {
    let update = use_state(|| None::<Update>);
    {
        let update = update.clone();
        use_effect_with((), move |_| {
            updates::register(Callback::from(move |found| update.set(Some(found))));
        });
    }
    let Some(found) = (*update).clone() else {
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
