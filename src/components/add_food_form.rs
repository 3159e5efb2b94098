//! The form for the food just picked: its portion, how many, which meal, and the add button.

use yew::prelude::*;

use crate::components::{
    ChoiceField, FormState, NumberField, NumberText, SelectField, SelectOption, choice_field,
    escaped, number_field, select_field,
};
use crate::domain::foods::Food;
use crate::domain::plan::{Meal, QuantityError, Serving, mg_text, portion_options};
use crate::domain::search::{FoodState, uncooked_by_volume};
use crate::state::{Action, PlannerContext};

const UNCOOKED_NOTE_ID: &str = "uncooked-note";

/// What the form holds, in one state rather than a `use_state` each (each costs the wasm its
/// hook code).
#[derive(Clone, PartialEq)]
pub struct Draft {
    /// The chosen entry of the food's portion options.
    portion_index: usize,
    quantity_text: NumberText,
    meal: Meal,
    /// What the last Add added, for the status line.
    added: Option<String>,
}

impl Default for Draft {
    /// A form shown anew: the first portion, one of it, breakfast.
    fn default() -> Self {
        Self {
            portion_index: 0,
            quantity_text: NumberText::new("1"),
            meal: Meal::Breakfast,
            added: None,
        }
    }
}

/// What [`add_food_form`] holds, kept by the food panel's state.
pub type AddFoodDraft = FormState<Draft>;

/// Starts the form over for a newly picked food: from its first portion and one of it, the
/// meal and the word of the last add kept while the form stays on screen (`shown`), everything
/// fresh when it was not, as the form's own state went when it was a component.
pub fn new_food_picked(draft: &AddFoodDraft, shown: bool) {
    let draft = draft.handle();
    let fresh = Draft::default();
    let next = if shown {
        Draft {
            portion_index: fresh.portion_index,
            quantity_text: fresh.quantity_text,
            ..(**draft).clone()
        }
    } else {
        fresh
    };
    if **draft != next {
        draft.set(next);
    }
}

/// Portion, quantity and meal for the picked `food` of the group `group_name`, and the button
/// that adds it.
///
/// A plain function rather than a component (each component costs the wasm Yew's
/// per-component code): the caller keeps `draft`, and calls [`new_food_picked`] when another
/// food is picked.
pub fn add_food_form(
    state: &PlannerContext,
    food: &Food,
    group_name: &str,
    draft: &AddFoodDraft,
) -> Html {
    let options = portion_options(food);
    let draft = draft.handle();
    let Draft {
        portion_index,
        quantity_text,
        meal,
        added,
    } = &**draft;

    let chosen = if *portion_index < options.len() {
        *portion_index
    } else {
        0
    };
    let portion = options.get(chosen).cloned();
    // The first options are the food's own household measures, in order; the weights follow.
    let uncooked = food
        .portions
        .get(chosen)
        .and_then(|p| uncooked_by_volume(&food.description, food.group_code, &p.description));
    // What cannot be read or is refused is explained as soon as it is typed, not only when Add
    // is pressed.
    let serving = portion.as_ref().map(|p| {
        quantity_text.read(
            |text| Serving::parse(p.clone(), text),
            QuantityError::NotANumber,
        )
    });
    let shown_error = match &serving {
        Some(Err(reason)) => Some(AttrValue::from(reason.to_string())),
        _ => None,
    };

    let on_portion = {
        let draft = draft.clone();
        Callback::from(move |value: String| {
            draft.set(Draft {
                portion_index: value.parse().unwrap_or(0),
                ..(*draft).clone()
            });
        })
    };
    let on_quantity = {
        let draft = draft.clone();
        Callback::from(move |quantity_text: NumberText| {
            draft.set(Draft {
                quantity_text,
                added: None,
                ..(*draft).clone()
            });
        })
    };
    let on_meal = {
        let draft = draft.clone();
        Callback::from(move |meal: Meal| {
            draft.set(Draft {
                meal,
                ..(*draft).clone()
            })
        })
    };

    let on_add = {
        let (state, draft, meal) = (state.clone(), draft.clone(), *meal);
        let ready = serving.clone().and_then(Result::ok);
        let (ndb, name) = (food.ndb, food.description.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(serving) = ready.clone() {
                state.dispatch(Action::AddFood { ndb, serving, meal });
                draft.set(Draft {
                    added: Some(format!("Added {name} to {}.", meal.label())),
                    ..(*draft).clone()
                });
            }
        })
    };

    let preview = match &serving {
        Some(Ok(serving)) => food.magnesium_mg_in_grams(serving.grams()).map_or_else(
            || "USDA SR28 has no magnesium value for this food.".to_owned(),
            |mg| format!("This adds {}.", mg_text(mg)),
        ),
        _ => String::new(),
    };

    // A plain loop rather than an adapter chain, which the wasm would hold a copy of.
    let mut portion_choices = Vec::with_capacity(options.len());
    for (i, option) in options.iter().enumerate() {
        portion_choices.push(SelectOption {
            value: i.to_string().into(),
            label: option.label.clone().into(),
            selected: i == *portion_index,
            disabled: false,
        });
    }
    let refused = shown_error.is_some();
    let quantity = number_field(NumberField {
        id: "quantity-input".into(),
        tested: true,
        label: "How many".into(),
        hide_label: false,
        bare: false,
        unit: None,
        hint: None,
        described_by: None,
        value: quantity_text.clone(),
        error: shown_error,
        whole: false,
        max: None,
        placeholder: None,
        on_input: on_quantity,
    });

    // Read-only parts are written as HTML text, as History's chart is: an element built through
    // `html!` costs the wasm more than its markup (BENCHMARKS.md, "Size budgets"). A food's
    // name may be the person's own, so it is escaped like every word from the table.
    let heading = format!(
        r#"<h3 id="picked-food">{}</h3><p class="hint">{} · {}</p>"#,
        escaped(&food.description),
        escaped(group_name),
        food.magnesium_mg_per_100g.map_or_else(
            || "no magnesium data in USDA SR28".to_owned(),
            |mg| format!("{} per 100 g", mg_text(mg))
        )
    );
    // The submit button has no handler of its own (the form's is `onsubmit`), so it is text too.
    let add_button = format!(
        r#"<button type="submit" class="primary" data-testid="add-food">Add to {}</button>"#,
        meal.label().to_ascii_lowercase()
    );

    html! {
        <form class="add-food" onsubmit={on_add} aria-labelledby="picked-food">
            { Html::from_html_unchecked(heading.into()) }
            <div class="add-food-fields">
                { select_field(
                    SelectField {
                        id: "portion-select",
                        tested: true,
                        label: "Portion".into(),
                        invalid: false,
                        described_by: uncooked.is_some().then_some(UNCOOKED_NOTE_ID.into()),
                    },
                    portion_choices,
                    on_portion,
                ) }
                { quantity.field }
                { choice_field(ChoiceField {
                    id: "meal-select",
                    tested: true,
                    label: "Meal".into(),
                    selected: *meal,
                    disabled: &[],
                    invalid: false,
                    described_by: None,
                    on_change: on_meal,
                }) }
                { Html::from_html_unchecked(add_button.into()) }
            </div>
            if let Some(state) = uncooked {
                { Html::from_html_unchecked(format!(
                    r#"<p id="{UNCOOKED_NOTE_ID}" class="hint uncooked-note" data-testid="uncooked-note">{}</p>"#,
                    uncooked_note(state)
                ).into()) }
            }
            if refused {
                { quantity.refusal }
            } else {
                { Html::from_html_unchecked(format!(r#"<p class="hint">{preview}</p>"#).into()) }
            }
            <p class="visually-hidden" role="status">{ added.clone().unwrap_or_default() }</p>
        </form>
    }
}

/// What the form says when a raw or dry grain, pasta or dried legume is measured by volume: that
/// the magnesium is for the uncooked measure, and what to choose instead.
fn uncooked_note(state: FoodState) -> String {
    let adjective = match state {
        FoodState::Raw => "raw",
        // `uncooked_by_volume` gives only Raw or Dry.
        FoodState::Dry | FoodState::Cooked => "dry",
    };
    format!(
        "This is the {adjective}, uncooked food: the magnesium shown is for this measure before \
         cooking. Grains, pasta and dried beans take up water as they cook, so a cup of them \
         uncooked is not a cup cooked. If you measured it cooked, choose the cooked food instead."
    )
}
