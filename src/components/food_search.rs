//! The food search box and its results, as a WAI-ARIA combobox: type to search the whole USDA
//! table, Down and Up to move through the results, Enter or a click to pick one.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{HtmlInputElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::components::{
    ChoiceField, SelectField, SelectOption, choice_field, escaped, select_field,
};
use crate::domain::catalog::{
    Catalog, SortOrder, magnesium_mg_per_typical_portion, typical_portion_grams,
};
use crate::domain::foods::Food;
use crate::domain::library::{OwnFood, is_own_food, matching_own_foods};
use crate::domain::plan::mg_text;

/// How many results are drawn; more would slow every keystroke and nobody scrolls that far.
const SHOWN_RESULTS: usize = 30;

const LISTBOX_ID: &str = "food-results";

/// What the page calls the person's own foods where SR28 names a food's group.
pub const OWN_FOODS_GROUP_NAME: &str = "Your own food";

fn option_id(ndb: u32) -> String {
    format!("food-result-{ndb}")
}

/// What the search holds, in one state rather than a `use_state` each (each costs the wasm its
/// hook code).
#[derive(Clone, Default, PartialEq)]
struct Search {
    query: String,
    /// The food group filter's code; none is every group.
    group: Option<u16>,
    order: SortOrder,
    /// Which shown result the arrow keys are on.
    highlighted: Option<usize>,
    /// Whether the results are open below the box.
    open: bool,
}

/// What the search remembers: what it holds, and the result the arrow keys are on as last
/// drawn beside the one last scrolled into view. Kept by App (in the food panel's state),
/// which forgets it when the search goes and scrolls after each render.
#[derive(Clone)]
pub struct FoodSearchState {
    search: UseStateHandle<Search>,
    active: Rc<RefCell<(Option<u32>, Option<u32>)>>,
}

impl FoodSearchState {
    /// Goes back to an empty search, as one shown anew starts.
    pub fn forget(&self) {
        if *self.search != Search::default() {
            self.search.set(Search::default());
        }
    }

    /// Keeps the highlighted result in view while arrowing through a long list: after each
    /// render, scrolls to the result the arrow keys are on when it has changed.
    pub fn scroll_active(&self) {
        let (drawn, scrolled) = *self.active.borrow();
        if drawn == scrolled {
            return;
        }
        *self.active.borrow_mut() = (drawn, drawn);
        if let Some(element) = drawn.and_then(|ndb| {
            web_sys::window()?
                .document()?
                .get_element_by_id(&option_id(ndb))
        }) {
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Nearest);
            element.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }
}

/// A place for the search's state, for the component that shows it.
#[hook]
pub fn use_food_search_state() -> FoodSearchState {
    FoodSearchState {
        search: use_state(Search::default),
        active: use_mut_ref(|| (None, None)),
    }
}

/// The search box, its filter and sort controls, and the results: the searchable table, the
/// person's own foods (found beside the table's and listed before them), and what is called
/// with the NDB number of the food the person picks.
///
/// A plain function rather than a component (each component costs the wasm Yew's
/// per-component code): the caller keeps `kept` ([`use_food_search_state`]).
pub fn food_search(
    catalog: &Catalog,
    own_foods: &[OwnFood],
    on_pick: Callback<u32>,
    kept: &FoodSearchState,
) -> Html {
    let search = &kept.search;
    let Search {
        query,
        group,
        order,
        highlighted,
        open,
    } = (**search).clone();

    // The person's own foods first: a food they made is the one they mean. They belong to no
    // SR28 group, so a group filter leaves them out.
    // Plain loops rather than adapter chains, each of which the wasm would hold a copy of.
    let mut own: Vec<Food> = Vec::new();
    if group.is_none() {
        for found in matching_own_foods(own_foods, &query) {
            own.push(found.food.as_food(found.id));
        }
    }
    let mut results: Vec<&Food> = Vec::new();
    for food in &own {
        results.push(food);
    }
    for food in catalog.search(&query, group, order) {
        results.push(food);
    }
    let shown = &results[..results.len().min(SHOWN_RESULTS)];
    let mut shown_ndbs: Vec<u32> = Vec::with_capacity(shown.len());
    for food in shown {
        shown_ndbs.push(food.ndb);
    }
    let expanded = open && !shown.is_empty();

    // Scrolled into view after the render (`FoodSearchState::scroll_active`).
    let drawn = highlighted.and_then(|i| shown_ndbs.get(i).copied());
    kept.active.borrow_mut().0 = drawn;

    let on_input = {
        let search = search.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            search.set(Search {
                query: input.value(),
                highlighted: None,
                open: true,
                ..(*search).clone()
            });
        })
    };
    let pick = {
        let search = search.clone();
        Callback::from(move |ndb: u32| {
            search.set(Search {
                open: false,
                highlighted: None,
                ..(*search).clone()
            });
            on_pick.emit(ndb);
        })
    };
    let on_keydown = {
        let (search, pick) = (search.clone(), pick.clone());
        let shown_ndbs = shown_ndbs.clone();
        Callback::from(move |event: KeyboardEvent| {
            let last = shown_ndbs.len().checked_sub(1);
            let (open, highlighted) = match event.key().as_str() {
                "ArrowDown" => {
                    event.prevent_default();
                    let next = match (search.highlighted, last) {
                        (_, None) => None,
                        (None, Some(_)) => Some(0),
                        (Some(i), Some(last)) => Some((i + 1).min(last)),
                    };
                    (true, next)
                }
                "ArrowUp" => {
                    event.prevent_default();
                    (
                        search.open,
                        search.highlighted.and_then(|i| i.checked_sub(1)),
                    )
                }
                "Enter" => {
                    if let Some(ndb) = search.highlighted.and_then(|i| shown_ndbs.get(i).copied()) {
                        event.prevent_default();
                        pick.emit(ndb);
                    }
                    return;
                }
                "Escape" => (false, None),
                _ => return,
            };
            search.set(Search {
                open,
                highlighted,
                ..(*search).clone()
            });
        })
    };
    let on_group = {
        let search = search.clone();
        Callback::from(move |value: String| {
            search.set(Search {
                group: value.parse().ok(),
                ..(*search).clone()
            })
        })
    };
    let on_order = {
        let search = search.clone();
        Callback::from(move |order: SortOrder| {
            search.set(Search {
                order,
                ..(*search).clone()
            })
        })
    };

    let status = if query.trim().is_empty() {
        String::new()
    } else if results.is_empty() {
        format!("No food matches “{}”.", query.trim())
    } else if results.len() > shown.len() {
        format!(
            "{} foods match; showing the first {}.",
            results.len(),
            shown.len()
        )
    } else {
        format!("{} foods match.", results.len())
    };
    let table = catalog.table();

    // The form kit's select, so its markup is in the wasm once.
    let all_groups = SelectOption {
        value: "".into(),
        label: "All food groups".into(),
        selected: group.is_none(),
        disabled: false,
    };
    let mut group_options = vec![all_groups];
    for g in table.groups() {
        group_options.push(SelectOption {
            value: g.code.to_string().into(),
            label: g.name.clone().into(),
            selected: group == Some(g.code),
            disabled: false,
        });
    }
    let group_field = select_field(
        SelectField {
            id: "food-group-filter",
            tested: false,
            label: "Food group".into(),
            invalid: false,
            described_by: None,
        },
        group_options,
        on_group,
    );

    html! {
        <div class="food-search">
            <div class="search-options">
                { group_field }
                { choice_field(ChoiceField {
                    id: "food-sort",
                    tested: false,
                    label: "Sort by".into(),
                    selected: order,
                    disabled: &[],
                    invalid: false,
                    described_by: None,
                    on_change: on_order,
                }) }
            </div>
            <div class="field">
                <label for="food-search">{ "Find a food" }</label>
                <input
                    id="food-search"
                    data-testid="food-search"
                    type="search"
                    role="combobox"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="almonds, spinach, dark chocolate…"
                    aria-autocomplete="list"
                    aria-controls={LISTBOX_ID}
                    aria-expanded={expanded.to_string()}
                    aria-describedby="food-search-status"
                    aria-activedescendant={highlighted.and_then(|i| shown_ndbs.get(i)).map(|&ndb| option_id(ndb))}
                    value={query.clone()}
                    oninput={on_input}
                    onkeydown={on_keydown}
                />
                <p id="food-search-status" class="hint" role="status">{ status }</p>
            </div>
            <ul id={LISTBOX_ID} class="results" role="listbox" aria-label="Matching foods" hidden={!expanded}>
                { for shown.iter().enumerate().map(|(i, food)| {
                    let ndb = food.ndb;
                    let onclick = pick.reform(move |_: MouseEvent| ndb);
                    let active = highlighted == Some(i);
                    html! {
                        <li
                            id={option_id(ndb)}
                            class={classes!("result", active.then_some("active"))}
                            role="option"
                            aria-selected={active.to_string()}
                            data-testid="food-result"
                            {onclick}
                        >
                            // Read-only text: cheaper in the wasm as HTML text (as History's
                            // chart is); the food's words are escaped.
                            { Html::from_html_unchecked(format!(
                                r#"<span class="result-name">{}</span><span class="result-meta">{}</span>"#,
                                escaped(&food.description),
                                escaped(&result_details(table, food))
                            ).into()) }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

/// "Nut and Seed Products · 1 oz (28.35 g): 156 mg · 550 mg per 100 g", or "no data".
fn result_details(table: &crate::domain::foods::FoodTable, food: &Food) -> String {
    let group = if is_own_food(food.ndb) {
        OWN_FOODS_GROUP_NAME
    } else {
        table.group_of(food).map_or("", |g| g.name.as_str())
    };
    match (
        magnesium_mg_per_typical_portion(food),
        food.magnesium_mg_per_100g,
    ) {
        (Some(portion_mg), Some(per_100g)) => {
            let (portion, _) = typical_portion_grams(food);
            format!(
                "{group} · {portion}: {} · {} per 100 g",
                mg_text(portion_mg),
                mg_text(per_100g)
            )
        }
        _ => format!("{group} · no data: USDA SR28 has no magnesium value"),
    }
}
