//! The star that keeps a food among the favourites of quick add, on the food just picked and on
//! every food of the day: a toggle button whose `aria-pressed` says whether it is a favourite.

use yew::prelude::*;

use crate::domain::quick::{FAVOURITE_LIMIT, QuickFood};
use crate::state::{Action, PlannerContext};

/// What the star needs.
pub struct FavouriteToggle {
    /// The food, with the portion and quantity a tap on the favourite will add.
    pub food: QuickFood,
    /// The food's name, for the button's accessible name.
    pub name: AttrValue,
    /// Only the star, for tight rows; otherwise the star and the word "Favourite".
    pub compact: bool,
}

/// The star, hidden from screen readers (the button's label names it). SVG text: as an
/// `html!` tree it cost the wasm more than its markup (BENCHMARKS.md, "Size budgets").
const STAR: &str = r#"<svg class="star" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z"/></svg>"#;

/// A star toggle; refuses one favourite beyond the limit with a message beside it.
///
/// A plain function rather than a component (each component costs the wasm Yew's per-component
/// code): `refused` is the caller's state for the food the star was last refused for, so that a
/// row reused for another food (a day switch) shows no refusal of the one before.
pub fn favourite_toggle(
    state: &PlannerContext,
    props: FavouriteToggle,
    refused: &UseStateHandle<Option<u32>>,
) -> Html {
    let pressed = state.quick.is_favourite(props.food.ndb);
    let full = state.quick.favourites().len() >= FAVOURITE_LIMIT;
    let onclick = {
        let (state, refused, food) = (state.clone(), refused.clone(), props.food.clone());
        Callback::from(move |_: MouseEvent| {
            if !pressed && full {
                refused.set(Some(food.ndb));
                return;
            }
            refused.set(None);
            state.dispatch(Action::SetFavourite {
                food: food.clone(),
                favourite: !pressed,
            });
        })
    };
    html! {
        <span class="favourite">
            <button
                type="button"
                class={classes!("favourite-toggle", props.compact.then_some("compact"))}
                data-testid="favourite-toggle"
                aria-pressed={pressed.to_string()}
                aria-label={format!("Favourite: {}", props.name)}
                {onclick}
            >
                { Html::from_html_unchecked(AttrValue::Static(STAR)) }
                if !props.compact {
                    <span>{ "Favourite" }</span>
                }
            </button>
            if **refused == Some(props.food.ndb) && !pressed {
                <span class="field-error" role="alert">
                    { format!("{FAVOURITE_LIMIT} favourites is the most the planner keeps: unstar one first.") }
                </span>
            }
        </span>
    }
}
