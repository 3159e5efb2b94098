//! Finding a food and adding it to the day: the search, the picked food's form and its star,
//! and quick add's recent and favourite foods.

use yew::prelude::*;

use crate::components::{
    AddFoodDraft, FavouriteToggle, FoodSearchState, OWN_FOODS_GROUP_NAME, QuickAddState,
    add_food_form, favourite_toggle, food_search, new_food_picked, quick_add,
    use_food_search_state, use_form_state, use_quick_add_state,
};
use crate::domain::foods::{Food, FoodTable};
use crate::domain::library::{food_by_id, is_own_food};
use crate::domain::plan::portion_options;
use crate::domain::quick::QuickFood;
use crate::food_data::CatalogState;
use crate::state::PlannerContext;

/// Below this window width (the phone layout's, in style/main.css) the results need the
/// screen: typing in the search box brings its card to the top.
const PHONE_MAX_WIDTH_PX: f64 = 700.0;

/// Scrolls the search's card to the top of a phone's screen once a person types in the search
/// box, so the results have the room below it rather than the last few lines of the screen.
fn make_room_for_results(event: InputEvent) {
    let Some(input) = event.target_dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let narrow = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w < PHONE_MAX_WIDTH_PX);
    if input.id() == "food-search"
        && narrow
        && let Ok(Some(card)) = input.closest(".find-food")
    {
        card.scroll_into_view();
    }
}

/// What the panel remembers: the food picked, what its add form holds, the food its star was
/// refused for, the search's state and quick add's. Kept by App, which forgets it when the
/// panel goes.
#[derive(Clone)]
pub struct FoodPanelState {
    picked: UseStateHandle<Option<u32>>,
    add_form: AddFoodDraft,
    star_refused: UseStateHandle<Option<u32>>,
    /// The search's.
    pub search: FoodSearchState,
    /// Quick add's, below the search.
    pub quick: QuickAddState,
}

impl FoodPanelState {
    /// Forgets the food picked, its add form, the star's refusal, the search and quick add's
    /// state, as a panel shown anew starts.
    pub fn forget(&self) {
        for handle in [&self.picked, &self.star_refused] {
            if handle.is_some() {
                handle.set(None);
            }
        }
        self.add_form.forget();
        self.search.forget();
        self.quick.forget();
    }
}

/// A place for the panel's state, for the component that shows it.
#[hook]
pub fn use_food_panel_state() -> FoodPanelState {
    FoodPanelState {
        // `Option::default` rather than a closure each: the same function for both (and the
        // food rows' star), so the hook's code is in the wasm once.
        picked: use_state(Option::default),
        add_form: use_form_state(),
        star_refused: use_state(Option::default),
        search: use_food_search_state(),
        quick: use_quick_add_state(),
    }
}

/// The search, the add form with its star, and quick add; while the food table loads, a
/// search box that says so, in the same place.
///
/// A plain function rather than a component (each component costs the wasm Yew's
/// per-component code): the caller keeps `panel` ([`use_food_panel_state`]).
pub fn food_panel(state: &PlannerContext, catalog: &CatalogState, panel: &FoodPanelState) -> Html {
    let FoodPanelState {
        picked,
        add_form,
        star_refused,
        search,
        quick,
    } = panel;
    match catalog {
        // The search and quick add are drawn as they will be, disabled, so that nothing on the
        // screen moves when the table arrives (index.html's static shell has the same shape).
        CatalogState::Loading => waiting(
            !state.quick.favourites().is_empty(),
            !state.quick.recent().is_empty(),
        ),
        CatalogState::Failed(reason) => html! {
            <p class="field-error" role="alert">
                { format!("Food search is not available: {reason}. Reload the page to try again.") }
            </p>
        },
        CatalogState::Ready(catalog) => {
            let table = catalog.table();
            let food = picked.and_then(|id| food_by_id(table, &state.settings.foods, id));
            let food = food.as_deref();
            // Another food starts its form over, as the form's effect did when it was a
            // component; the same food picked again leaves it as it is.
            let on_pick = {
                let (picked, add_form, shown) = (picked.clone(), add_form.clone(), food.is_some());
                Callback::from(move |ndb: u32| {
                    if *picked != Some(ndb) || !shown {
                        new_food_picked(&add_form, shown);
                        picked.set(Some(ndb));
                    }
                })
            };
            // The star keeps the food as quick add last used it, or else in its first portion.
            let favourite = food.and_then(|food| {
                state
                    .quick
                    .recent()
                    .iter()
                    .find(|f| f.ndb == food.ndb)
                    .cloned()
                    .or_else(|| {
                        let portion = portion_options(food).into_iter().next()?;
                        QuickFood::new(food.ndb, portion, 1.0).ok()
                    })
            });
            html! {
                <div class="food-panel" oninput={Callback::from(make_room_for_results)}>
                    { food_search(catalog, &state.settings.foods, on_pick, search) }
                    if let Some(food) = food {
                        <div class="picked-food">
                            { add_food_form(state, food, &group_name(table, food), add_form) }
                            if let Some(favourite) = favourite {
                                { favourite_toggle(state, FavouriteToggle {
                                    food: favourite,
                                    name: AttrValue::from(food.description.clone()),
                                    compact: false,
                                }, star_refused) }
                            }
                        </div>
                    }
                    { quick_add(state, catalog, quick) }
                </div>
            }
        }
    }
}

/// The name of the food's group as the add form shows it; the person's own foods are theirs.
fn group_name(table: &FoodTable, food: &Food) -> String {
    if is_own_food(food.ndb) {
        OWN_FOODS_GROUP_NAME.to_owned()
    } else {
        table
            .group_of(food)
            .map(|g| g.name.clone())
            .unwrap_or_default()
    }
}

/// The search, its options and quick add while the table loads: the same shape, nothing to
/// press yet. Static markup, so it is written as such rather than built element by element
/// (which costs several KB of code for what is a constant).
fn waiting(favourites: bool, recent: bool) -> Html {
    // A row of quick add: the height of the foods it will hold.
    const ROW: &str = r#"<div class="quick-list" aria-hidden="true"><div class="quick-item quick-waiting"><span class="quick-name">…</span><span class="quick-meta">…</span></div></div>"#;
    let hint = if favourites || recent {
        r#"<p class="visually-hidden" role="status">The USDA food table is loading.</p>"#
    } else {
        r#"<p class="hint" role="status">The USDA food table is loading; then your recent and favourite foods appear here.</p>"#
    };
    let rows = |shown: bool, heading: &str| {
        if shown {
            format!("<h4>{heading}</h4>{ROW}")
        } else {
            String::new()
        }
    };
    Html::from_html_unchecked(AttrValue::from(format!(
        r#"<div class="food-panel"><div class="food-search"><div class="field"><label for="food-search-waiting">Find a food</label><input id="food-search-waiting" type="search" disabled autocomplete="off" placeholder="Loading the food table…"><p class="hint" aria-hidden="true"></p></div><div class="search-options"><div class="field"><label for="food-group-waiting">Food group</label><select id="food-group-waiting" disabled><option>All food groups</option></select></div><div class="field"><label for="food-sort-waiting">Sort by</label><select id="food-sort-waiting" disabled><option>Best match</option></select></div></div></div><section class="quick-add" aria-labelledby="quick-add-heading"><h3 id="quick-add-heading">Quick add</h3>{hint}{}{}</section></div>"#,
        rows(favourites, "Favourites"),
        rows(recent, "Recent"),
    )))
}
