//! One food in the day: its name and magnesium, its portion and quantity editable in place, a
//! star to keep it among the favourites, and a button to remove it.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::{
    FavouriteToggle, NumberField, NumberText, favourite_toggle, number_field, push_option,
};
use crate::domain::choice::Choice;
use crate::domain::decimal_text::plain;
use crate::domain::foods::Food;
use crate::domain::plan::{
    EntryId, FoodEntry, PortionOption, QuantityError, Serving, mg_text, portion_options,
};
use crate::domain::plan_book::PlanId;
use crate::domain::quick::QuickFood;
use crate::state::{Action, use_planner};

/// What a row needs.
#[derive(Clone, PartialEq, Properties)]
pub struct PlanEntryRowProps {
    /// The plan the entry is in: a copied day's entries keep their ids, so an entry is known
    /// by both.
    pub plan: PlanId,
    /// The entry.
    pub entry: FoodEntry,
    /// Its food, if the table has it.
    pub food: Option<Food>,
    /// True while the food table loads: until it arrives a food can be neither named nor
    /// counted, and "no data" would be wrong.
    pub loading: bool,
}

/// What was typed in a row and why it was refused, for the entry it was typed for: one state
/// rather than two (each hook costs the wasm its code).
#[derive(Clone)]
struct Typed {
    of: (PlanId, EntryId),
    text: NumberText,
    refusal: Option<String>,
}

/// A `plan-entry`: name, magnesium, editable amount, star, remove button.
#[function_component(PlanEntryRow)]
pub fn plan_entry_row(props: &PlanEntryRowProps) -> Html {
    let state = use_planner();
    let loading = props.loading;
    let entry = &props.entry;
    // What was typed and why it was refused, for the entry they were typed for: the meal
    // reuses its rows by position, so that a day switch patches them rather than building them
    // anew, and a row showing another entry starts from that entry's quantity.
    let shown = (props.plan, entry.id);
    let typed = use_state(|| Typed {
        of: shown,
        text: NumberText::new(plain(entry.quantity)),
        refusal: None,
    });
    // The food the star was refused for.
    let star_refused = use_state(Option::<u32>::default);
    let (quantity_text, error) = if typed.of == shown {
        (typed.text.clone(), typed.refusal.clone())
    } else {
        (NumberText::new(plain(entry.quantity)), None)
    };
    // A quantity changed elsewhere (another tab) replaces the text, unless the text already
    // says the same number in other words ("1.50").
    {
        let typed = typed.clone();
        use_effect_with((shown, entry.quantity), move |&(shown, quantity)| {
            if typed.of == shown
                && crate::domain::input::parse_decimal(&typed.text.text).ok() != Some(quantity)
            {
                typed.set(Typed {
                    of: shown,
                    text: NumberText::new(plain(quantity)),
                    refusal: None,
                });
            }
        });
    }
    let name = match &props.food {
        Some(food) => food.description.clone(),
        None if loading => "Loading the food's name…".to_owned(),
        None => format!("Food {}", entry.ndb),
    };

    // The entry's own portion first (it may predate the current table), then the food's others.
    let mut options = vec![entry.portion.clone()];
    if let Some(food) = &props.food {
        options.extend(
            portion_options(food)
                .into_iter()
                .filter(|o| *o != entry.portion),
        );
    }

    let on_quantity = {
        let (state, typed_text) = (state.clone(), typed.clone());
        let (id, portion) = (entry.id, entry.portion.clone());
        Callback::from(move |text: NumberText| {
            let refusal = match text.read(
                |text| Serving::parse(portion.clone(), text),
                QuantityError::NotANumber,
            ) {
                Ok(serving) => {
                    state.dispatch(Action::EditFood { id, serving });
                    None
                }
                Err(reason) => Some(reason.to_string()),
            };
            typed_text.set(Typed {
                of: shown,
                text,
                refusal,
            });
        })
    };
    let on_portion = {
        let (state, typed) = (state.clone(), typed.clone());
        let (id, quantity, options) = (entry.id, entry.quantity, options.clone());
        let text = quantity_text.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let Some(portion) = select
                .value()
                .parse::<usize>()
                .ok()
                .and_then(|i| options.get(i).cloned())
            else {
                return;
            };
            match Serving::new(portion, quantity) {
                Ok(serving) => state.dispatch(Action::EditFood { id, serving }),
                Err(reason) => typed.set(Typed {
                    of: shown,
                    text: text.clone(),
                    refusal: Some(reason.to_string()),
                }),
            }
        })
    };
    let on_remove = {
        let (state, id, meal) = (state.clone(), entry.id, entry.meal);
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::RemoveFood(id));
            // The focused button is about to go; the meal's heading keeps keyboard users in place.
            focus_by_id(&format!("meal-{}", meal.value()));
        })
    };

    let mg = props
        .food
        .as_ref()
        .and_then(|f| f.magnesium_mg_in_grams(entry.grams()));
    let portion_id = format!("entry-{}-portion", entry.id);
    let quantity = number_field(NumberField {
        id: format!("entry-{}-quantity", entry.id).into(),
        tested: false,
        label: format!("Quantity of {name}").into(),
        hide_label: true,
        bare: true,
        unit: None,
        hint: None,
        described_by: None,
        value: quantity_text,
        error: error.map(AttrValue::from),
        whole: false,
        max: None,
        placeholder: None,
        on_input: on_quantity,
    });
    html! {
        <li class="plan-entry" data-testid="plan-entry">
            <span class="entry-name">{ &name }</span>
            <span class="entry-mg">
                { match mg {
                    Some(mg) => mg_text(mg),
                    None if loading => "…".to_owned(),
                    None => "no data".to_owned(),
                } }
            </span>
            if let Ok(favourite) = QuickFood::new(entry.ndb, entry.portion.clone(), entry.quantity) {
                { favourite_toggle(&state, FavouriteToggle {
                    food: favourite,
                    name: AttrValue::from(name.clone()),
                    compact: true,
                }, &star_refused) }
            }
            <span class="entry-amount">
                { quantity.field }
                <span aria-hidden="true">{ "×" }</span>
                <label class="visually-hidden" for={portion_id.clone()}>{ format!("Portion of {name}") }</label>
                <select id={portion_id} onchange={on_portion}>
                    { Html::from_html_unchecked(AttrValue::from(portion_options_markup(&options))) }
                </select>
            </span>
            <button
                type="button"
                class="remove"
                data-testid="remove-entry"
                aria-label={format!("Remove {name}")}
                onclick={on_remove}
            >
                { Html::from_html_unchecked(AttrValue::Static(REMOVE_ICON_AND_LABEL)) }
            </button>
            { quantity.refusal }
        </li>
    }
}

/// The portion choices as HTML text, the entry's own (the first) selected, each valued by its
/// place. A day of twelve foods has about a hundred of them: attached as one piece of text they
/// cost the first render of a returning visit far less than as many elements built one by one
/// (BENCHMARKS.md, "Start-up in three tasks").
fn portion_options_markup(options: &[PortionOption]) -> String {
    let mut markup = String::new();
    for (at, option) in (0u64..).zip(options) {
        push_option(&mut markup, at, &option.label, at == 0);
    }
    markup
}

/// The remove button's bin and word: on a phone only the bin shows, leaving the portion room
/// (style/main.css). HTML text, as it never changes.
const REMOVE_ICON_AND_LABEL: &str = r#"<svg class="remove-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3"/></svg><span class="remove-label">Remove</span>"#;

/// Moves keyboard focus to the element with this id, if there is one.
pub fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}
