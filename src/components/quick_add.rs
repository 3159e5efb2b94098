//! Quick add, under the search box: the favourites and the recent foods, each added again with
//! one tap in its kept portion and quantity to the meal that fits the time of day, with word of
//! what was added and an Undo.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::plan_entry_row::focus_by_id;
use crate::domain::catalog::Catalog;
use crate::domain::decimal_text::plain;
use crate::domain::library::food_by_id;
use crate::domain::plan::{Meal, mg_text};
use crate::domain::quick::{QuickFood, RECENT_LIMIT, meal_for_hour};
use crate::state::{Action, PlannerContext};

/// What quick add remembers: word of the last undo, and the recent foods in the order they
/// are shown. Kept by App, which forgets it when quick add goes.
#[derive(Clone)]
pub struct QuickAddState {
    undone: UseStateHandle<Option<String>>,
    shown_order: Rc<RefCell<Vec<u32>>>,
}

impl QuickAddState {
    /// Forgets the word of an undo, as quick add shown anew starts without it, and the order the
    /// recent foods were shown in.
    pub fn forget(&self) {
        self.quick_add_made();
        self.shown_order.borrow_mut().clear();
    }

    /// Word of an undo lasts until the next quick add: App calls this when one is made.
    pub fn quick_add_made(&self) {
        if self.undone.is_some() {
            self.undone.set(None);
        }
    }
}

/// A place for quick add's state, for the component that shows it.
#[hook]
pub fn use_quick_add_state() -> QuickAddState {
    QuickAddState {
        undone: use_state(Option::default),
        shown_order: use_mut_ref(Vec::new),
    }
}

/// "1 cup (195 g)" for one portion, "2 × 1 oz (28.35 g)" for more or less.
pub fn amount_text(food: &QuickFood) -> String {
    if food.quantity == 1.0 {
        food.portion.label.clone()
    } else {
        format!("{} × {}", plain(food.quantity), food.portion.label)
    }
}

/// The hour of the day on this device's clock, 0 to 23.
fn local_hour() -> u32 {
    js_sys::Date::new_0().get_hours()
}

/// The favourites and recent foods as one-tap buttons, and what the last tap did.
///
/// A plain function rather than a component (each component costs the wasm Yew's
/// per-component code): the caller keeps `quick` ([`use_quick_add_state`]).
pub fn quick_add(state: &PlannerContext, catalog: &Catalog, quick: &QuickAddState) -> Html {
    let QuickAddState {
        undone,
        // The recent foods in the order they are shown. A tap makes its food the most recent
        // (so an everyday food never drops off the list), but the buttons stay where they are
        // while the person is tapping: the order shown changes only when a food joins or leaves
        // the list.
        shown_order,
    } = quick;
    let table = catalog.table();
    // The meal shown is the meal a tap adds to: both are read at the same moment.
    let meal = meal_for_hour(local_hour());

    let item = |food: &QuickFood, test_id: &'static str| -> Html {
        let Some(found) = food_by_id(table, &state.settings.foods, food.ndb) else {
            // A food a later table no longer has, or one of the person's own they no longer
            // keep, cannot be named or counted: it is not offered.
            return Html::default();
        };
        let onclick = {
            let (state, food) = (state.clone(), food.clone());
            Callback::from(move |_: MouseEvent| {
                state.dispatch(Action::QuickAdd {
                    food: food.clone(),
                    meal,
                })
            })
        };
        let mg = found
            .magnesium_mg_in_grams(food.grams())
            .map_or_else(|| "no data".to_owned(), mg_text);
        html! {
            <li>
                <button type="button" class="quick-item" data-testid={test_id} {onclick}>
                    <span class="visually-hidden">{ "Add " }</span>
                    <span class="quick-name">{ &found.description }</span>
                    <span class="quick-meta">{ format!("{} · {mg}", amount_text(food)) }</span>
                </button>
            </li>
        }
    };

    let favourites = state.quick.favourites();
    let recent = &state.quick.recent()[..state.quick.recent().len().min(RECENT_LIMIT)];
    let recent: Vec<&QuickFood> = {
        let mut order = shown_order.borrow_mut();
        let same_foods =
            order.len() == recent.len() && recent.iter().all(|f| order.contains(&f.ndb));
        // Plain loops rather than adapter chains, each of which the wasm would hold a copy of.
        if !same_foods {
            order.clear();
            for food in recent {
                order.push(food.ndb);
            }
        }
        let mut shown = Vec::with_capacity(order.len());
        for ndb in order.iter() {
            if let Some(food) = recent.iter().find(|f| f.ndb == *ndb) {
                shown.push(food);
            }
        }
        shown
    };
    // What the last tap did, while its food is still in the plan on screen.
    let added = state.last_quick_add.as_ref().filter(|added| {
        added.plan == state.book.current && state.plan().entries.iter().any(|e| e.id == added.entry)
    });
    let status = match (added, &**undone) {
        (Some(added), _) => food_by_id(table, &state.settings.foods, added.food.ndb).map(|food| {
            format!(
                "Added {} of {} to {}.",
                amount_text(&added.food),
                food.description,
                added.meal.label()
            )
        }),
        (None, Some(text)) => Some(text.clone()),
        (None, None) => None,
    };
    let on_undo = {
        let (state, undone) = (state.clone(), undone.clone());
        let words = added.and_then(|added| {
            food_by_id(table, &state.settings.foods, added.food.ndb).map(|food| {
                format!(
                    "Took {} out of {} again.",
                    food.description,
                    added.meal.label()
                )
            })
        });
        Callback::from(move |_: MouseEvent| {
            undone.set(words.clone());
            state.dispatch(Action::UndoQuickAdd);
            // The Undo button goes; the search box is where the next food is found.
            focus_by_id("food-search");
        })
    };

    html! {
        <section class="quick-add" aria-labelledby="quick-add-heading" data-testid="quick-add">
            <h3 id="quick-add-heading">
                { "Quick add" }
                <span class="quick-meal">{ format!(" to {}", meal_label_in_sentence(meal)) }</span>
            </h3>
            if favourites.is_empty() && recent.is_empty() {
                <p class="hint">
                    { "Foods you add appear here, to add again with one tap. Star a food to keep it here." }
                </p>
            }
            if !favourites.is_empty() {
                <h4 id="favourite-foods-heading">{ "Favourites" }</h4>
                <ul class="quick-list" aria-labelledby="favourite-foods-heading">
                    { for favourites.iter().map(|food| item(food, "favourite-food")) }
                </ul>
            }
            if !recent.is_empty() {
                <h4 id="recent-foods-heading">{ "Recent" }</h4>
                <ul class="quick-list" aria-labelledby="recent-foods-heading">
                    { for recent.iter().map(|food| item(food, "recent-food")) }
                </ul>
            }
            <div class="quick-status">
                <p role="status" data-testid="quick-add-status">{ status.unwrap_or_default() }</p>
                if added.is_some() {
                    <button type="button" class="secondary" data-testid="undo-add" onclick={on_undo}>
                        { "Undo" }
                    </button>
                }
            </div>
        </section>
    }
}

/// The meal as it reads inside a sentence ("to lunch", "to snacks"), by the time of day.
fn meal_label_in_sentence(meal: Meal) -> String {
    format!("{}, by the time of day", meal.label().to_ascii_lowercase())
}
