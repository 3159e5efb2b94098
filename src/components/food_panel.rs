//! Finding a food and adding it to the day: the search and, once a food is picked, its form.

use yew::prelude::*;

use crate::components::{AddFoodForm, FoodSearch};
use crate::food_data::CatalogState;

/// The search and the add form, or word of the food table still loading or failing.
#[function_component(FoodPanel)]
pub fn food_panel() -> Html {
    let catalog = use_context::<CatalogState>().unwrap_or(CatalogState::Loading);
    let picked = use_state(|| None::<u32>);
    let on_pick = {
        let picked = picked.clone();
        Callback::from(move |ndb: u32| picked.set(Some(ndb)))
    };
    match catalog {
        CatalogState::Loading => html! {
            <p class="hint" role="status">{ "Loading the USDA food table…" }</p>
        },
        CatalogState::Failed(reason) => html! {
            <p class="field-error" role="alert">
                { format!("Food search is not available: {reason}. Reload the page to try again.") }
            </p>
        },
        CatalogState::Ready(catalog) => {
            let table = catalog.table();
            let food = picked.and_then(|ndb| table.by_ndb(ndb));
            html! {
                <div class="food-panel">
                    <FoodSearch catalog={catalog.clone()} {on_pick} />
                    if let Some(food) = food {
                        <AddFoodForm
                            food={food.clone()}
                            group_name={AttrValue::from(table.group_of(food).map(|g| g.name.clone()).unwrap_or_default())}
                        />
                    }
                </div>
            }
        }
    }
}
