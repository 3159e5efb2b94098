//! The root component: owns the reducer, loads the food table, provides both to the
//! components, and saves after every change.

use yew::prelude::*;

use crate::components::{
    DaySummary, FoodPanel, FormCompare, GuidancePanel, MealList, PlanBar, ProfilePanel,
    ReferenceSummary, SharedPlanOffer, StorageNoticeBanner, SupplementList, SupplementPicker,
    UpdateBanner,
};
use crate::food_data::{CatalogState, FoodSource, fetch_catalog};
use crate::state::{Action, AppState, PlannerContext};
use crate::storage::{self, ChangedElsewhere};

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
        use_reducer(|| AppState::from_loaded(storage::load_settings(), storage::load_plan_book()));
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
        use_effect_with(state.book.clone(), move |book| {
            match storage::save_plan_book(book) {
                // Another tab had saved newer copies of some plans: show them here too.
                Ok(Some(merged)) => dispatcher.dispatch(Action::MergeBook(merged)),
                Ok(None) => {}
                Err(notice) => dispatcher.dispatch(Action::SaveFailed(notice)),
            }
        });
    }
    // Another tab's changes appear here without a reload.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = storage::watch_other_tabs(move |changed| match changed {
                ChangedElsewhere::Plans => {
                    if let Some(book) = storage::peek_plan_book() {
                        dispatcher.dispatch(Action::MergeBook(book));
                    }
                }
                ChangedElsewhere::Settings => {
                    if let Some(settings) = storage::peek_settings() {
                        dispatcher.dispatch(Action::ReplaceSettings(settings));
                    }
                }
            });
            move || drop(listener)
        });
    }

    html! {
        <ContextProvider<PlannerContext> context={state}>
            <ContextProvider<CatalogState> context={(*catalog).clone()}>
                <UpdateBanner />
                <StorageNoticeBanner />
                <SharedPlanOffer />
                <div class="layout">
                    <ProfilePanel />
                    <ReferenceSummary />
                </div>
                <PlanBar />
                <DaySummary />
                <crate::components::DayPicker />
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
                        <crate::components::MedicineList />
                        <FormCompare />
                    </section>
                </div>
                <section class="card diary" aria-labelledby="diary-heading">
                    <h2 id="diary-heading">{ "Nights and history" }</h2>
                    <crate::components::NightRecordPanel />
                    <crate::components::WeekAverage />
                    <crate::components::HistoryChart />
                    <crate::components::PeriodComparison />
                </section>
                <GuidancePanel />
            </ContextProvider<CatalogState>>
        </ContextProvider<PlannerContext>>
    }
}
