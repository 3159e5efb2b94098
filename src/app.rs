//! The root component: owns the reducer, provides it to the components, and saves the settings
//! after every change.

use yew::prelude::*;

use crate::components::{ProfilePanel, ReferenceSummary, StorageNoticeBanner};
use crate::state::{Action, AppState, PlannerContext};
use crate::storage;

/// The whole planner page.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| AppState::from_loaded(storage::load_settings()));

    {
        let dispatcher = state.dispatcher();
        let may_save = state.may_save;
        // Saving is an effect of the settings changing, never a side effect inside the reducer.
        use_effect_with(state.settings, move |settings| {
            if may_save && let Err(notice) = storage::save_settings(settings) {
                dispatcher.dispatch(Action::SaveFailed(notice));
            }
        });
    }

    html! {
        <ContextProvider<PlannerContext> context={state}>
            <StorageNoticeBanner />
            <div class="layout">
                <ProfilePanel />
                <ReferenceSummary />
            </div>
        </ContextProvider<PlannerContext>>
    }
}
