//! The root component: owns the reducer, loads the food table, provides both to the
//! components, and saves after every change.

use yew::prelude::*;

use crate::components::{
    DaySummary, FoodPanel, FormCompare, GuidancePanel, MealList, ProfilePanel, ReferenceSummary,
    StorageNoticeBanner, SupplementList, SupplementPicker,
};
use crate::food_data::{CatalogState, FoodSource, fetch_catalog};
use crate::state::{Action, AppState, PlannerContext};
use crate::storage;

/// What the root component can be given; the page itself uses the defaults.
#[derive(Clone, Debug, Default, PartialEq, Properties)]
pub struct AppProps {
    /// Where the food table comes from.
    #[prop_or_default]
    pub food_source: FoodSource,
}

/// The whole planner page.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state =
        use_reducer(|| AppState::from_loaded(storage::load_settings(), storage::load_plan()));
    let catalog = use_state(|| match &props.food_source {
        FoodSource::Ready(catalog) => catalog.clone(),
        FoodSource::Fetch(_) => CatalogState::Loading,
    });
    {
        let catalog = catalog.clone();
        let source = props.food_source.clone();
        use_effect_with((), move |_| {
            if let FoodSource::Fetch(url) = source {
                wasm_bindgen_futures::spawn_local(async move {
                    catalog.set(fetch_catalog(url).await);
                });
            }
        });
    }
    // Saving is an effect of the data changing, never a side effect inside the reducer.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.settings.clone(), move |settings| {
            if let Err(notice) = storage::save_settings(settings) {
                dispatcher.dispatch(Action::SaveFailed(notice));
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.plan.clone(), move |plan| {
            if let Err(notice) = storage::save_plan(plan) {
                dispatcher.dispatch(Action::SaveFailed(notice));
            }
        });
    }

    html! {
        <ContextProvider<PlannerContext> context={state}>
            <ContextProvider<CatalogState> context={(*catalog).clone()}>
                <StorageNoticeBanner />
                <div class="layout">
                    <ProfilePanel />
                    <ReferenceSummary />
                </div>
                <DaySummary />
                <div class="day-columns">
                    <section class="card day" aria-labelledby="day-heading">
                        <h2 id="day-heading">{ "Meals" }</h2>
                        <FoodPanel />
                        <MealList />
                    </section>
                    <section class="card supplements" aria-labelledby="supplements-heading">
                        <h2 id="supplements-heading">{ "Supplements" }</h2>
                        <SupplementPicker />
                        <SupplementList />
                        <FormCompare />
                    </section>
                </div>
                <GuidancePanel />
            </ContextProvider<CatalogState>>
        </ContextProvider<PlannerContext>>
    }
}
