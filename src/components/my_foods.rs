//! The person's own foods: a food the USDA table lacks (a protein bar, the baker's bread) made
//! from its label, in mg or as a % of the US Daily Value or the EU NRV, kept for every plan and
//! found by the food search; each one editable and removable. Days keep the copy they were
//! given, so editing or removing a food never changes a day already planned.

use std::fmt::Write;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement};
use yew::prelude::*;

use super::kept_item_row::{KeptItemRow, kept_item_row};

use crate::components::form_kit::{
    Control, Written, chosen, set_text, show_refusal, typed_number, typed_text, write_fields,
};
use crate::components::{
    FormState, NumberText, amount_refusal, escaped, focus_by_id, text_refusal,
};
use crate::domain::choice::Choice;
use crate::domain::decimal_text::plain;
use crate::domain::library::{
    CustomFood, CustomFoodText, EU_NRV_MG, LabelUnit, MAX_KCAL_PER_SERVING, MAX_OWN_FOODS,
    MAX_SERVING_GRAMS, OwnFoodError, US_DAILY_VALUE_MG, own_food_fits,
};
use crate::domain::plan::mg_text;
use crate::state::{Action, PlannerContext};

/// The form's refusable fields, in its order: the focus goes to the first refused.
const FIELD_IDS: [&str; 5] = [
    "custom-food-name",
    "custom-food-serving",
    "custom-food-serving-g",
    "custom-food-mg",
    "custom-food-kcal",
];

/// The words of each way a label gives magnesium, as the unit choice shows them.
fn unit_words(unit: LabelUnit) -> &'static str {
    match unit {
        LabelUnit::Mg => "mg",
        LabelUnit::UsDailyValuePercent => "% Daily Value (US label)",
        LabelUnit::EuNrvPercent => "% NRV (EU label)",
    }
}

/// The form's fields, written as text once (see [`write_fields`]).
fn form_fields() -> String {
    let units: Vec<(&str, &str)> = LabelUnit::ALL
        .iter()
        .map(|&unit| (unit.value(), unit_words(unit)))
        .collect();
    let mg_hint = format!(
        "As on the label: mg, or a percentage of the US Daily Value ({} mg) or of the EU \
         Nutrient Reference Value ({} mg).",
        plain(US_DAILY_VALUE_MG),
        plain(EU_NRV_MG)
    );
    let mut out = String::with_capacity(3000);
    let name = Written {
        id: "custom-food-name",
        tested: true,
        label: "Name",
        hint: None,
        control: Control::Text {
            placeholder: "Protein bar, peanut",
        },
    };
    write_fields(&mut out, &[name]);
    out.push_str(r#"<div class="field-row">"#);
    write_fields(
        &mut out,
        &[
            Written {
                id: "custom-food-serving",
                tested: true,
                label: "One serving is",
                hint: None,
                control: Control::Text {
                    placeholder: "1 bar",
                },
            },
            Written {
                id: "custom-food-serving-g",
                tested: true,
                label: "Grams (or mL) in one serving",
                hint: None,
                control: Control::Number {
                    unit: Some("g"),
                    max: Some(MAX_SERVING_GRAMS),
                },
            },
        ],
    );
    out.push_str(r#"</div><div class="field-row">"#);
    write_fields(
        &mut out,
        &[
            Written {
                id: "custom-food-mg",
                tested: true,
                label: "Magnesium in one serving",
                hint: None,
                control: Control::Number {
                    unit: None,
                    max: None,
                },
            },
            Written {
                id: "custom-food-mg-unit",
                tested: true,
                label: "Given as",
                hint: None,
                control: Control::Choice(&units),
            },
        ],
    );
    out.push_str("</div>");
    let _ = write!(out, r#"<p class="hint">{}</p>"#, escaped(&mg_hint));
    write_fields(
        &mut out,
        &[Written {
            id: "custom-food-kcal",
            tested: false,
            label: "Energy in one serving (optional)",
            hint: None,
            control: Control::Number {
                unit: Some("kcal"),
                max: Some(MAX_KCAL_PER_SERVING),
            },
        }],
    );
    out
}

/// Reads the form, every field at once: the food, or each field's refusal.
fn read_form(form: &Element) -> Result<CustomFood, [Option<String>; 5]> {
    // Text the browser cannot read as a number is empty in its value; it is read as "?" so that
    // it is refused as not a number rather than as missing.
    let number = |id: &str| {
        let typed: NumberText = typed_number(form, id);
        if typed.unreadable {
            "?".to_owned()
        } else {
            typed.text
        }
    };
    let unit = LabelUnit::from_value(&chosen(form, "custom-food-mg-unit")).unwrap_or_default();
    let (grams, magnesium, kcal) = (
        number("custom-food-serving-g"),
        number("custom-food-mg"),
        number("custom-food-kcal"),
    );
    CustomFood::from_text(&CustomFoodText {
        name: &typed_text(form, "custom-food-name"),
        serving_words: &typed_text(form, "custom-food-serving"),
        serving_grams: &grams,
        magnesium: &magnesium,
        magnesium_unit: Some(unit),
        kcal: &kcal,
    })
    .map_err(|errors| {
        let amount = |field: &str, unit: &str| {
            errors
                .amounts
                .iter()
                .find(|(name, _)| *name == field)
                .map(|&(_, error)| amount_refusal(error, unit))
        };
        let percent = unit.reference_mg().is_some();
        [
            errors
                .name
                .map(|e| text_refusal(e, "Give the food the name you will search for.")),
            errors
                .serving_words
                .map(|e| text_refusal(e, "Say what one serving is, such as “1 bar”.")),
            amount("serving_grams", "g"),
            amount("magnesium", if percent { "%" } else { "mg" }),
            amount("kcal", "kcal"),
        ]
    })
}

/// Fills the form with `food` (its figures in mg) for editing, or empties it.
fn fill_form(form: &Element, food: Option<&CustomFood>) {
    let figure = |value: Option<f64>| value.map(plain).unwrap_or_default();
    set_text(
        form,
        "custom-food-name",
        food.map_or("", |f| f.name.as_str()),
    );
    set_text(
        form,
        "custom-food-serving",
        food.map_or("", |f| f.serving_words.as_str()),
    );
    set_text(
        form,
        "custom-food-serving-g",
        &figure(food.map(|f| f.serving_grams)),
    );
    set_text(
        form,
        "custom-food-mg",
        &figure(food.map(|f| f.magnesium_mg_per_serving)),
    );
    set_text(
        form,
        "custom-food-kcal",
        &figure(food.and_then(|f| f.kcal_per_serving)),
    );
    if let Ok(Some(select)) = form.query_selector("#custom-food-mg-unit")
        && let Ok(select) = select.dyn_into::<HtmlSelectElement>()
    {
        select.set_value(LabelUnit::Mg.value());
    }
    for id in FIELD_IDS {
        show_refusal(form, id, None);
    }
}

/// What the section holds between renders: the food being edited, if one is, and what the last
/// step did. Kept by App ([`crate::components::use_form_state`]), which forgets it when the day
/// column goes, as the section's own state went when it was a component; the fields themselves
/// are the written form's, in the page.
#[derive(Clone, Default, PartialEq)]
pub struct OwnFoodsForm {
    /// The id of the food the form edits; `None` while it makes a new one.
    editing: Option<u32>,
    /// What the last save or removal did, for the status line.
    status: Option<String>,
}

/// What [`my_foods`] holds, kept by its caller.
pub type MyFoodsState = FormState<OwnFoodsForm>;

/// The section's form, found from an event anywhere in the section (its list's Edit buttons
/// are outside the form).
fn own_food_form(event: &Event) -> Option<Element> {
    event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(".my-foods")
        .ok()??
        .query_selector(".own-food-form")
        .ok()?
}

/// The list of the person's own foods and the form that makes or edits one.
///
/// A plain function rather than a component (each component costs the wasm Yew's
/// per-component code): the caller keeps `kept`.
pub fn my_foods(state: &PlannerContext, kept: &MyFoodsState) -> Html {
    let kept = kept.handle();
    let OwnFoodsForm { editing, status } = &**kept;
    let editing = *editing;
    let foods = &state.settings.foods;

    let on_save = {
        let (state, kept) = (state.clone(), kept.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(form) = own_food_form(&event) else {
                return;
            };
            let mut refused: [Option<String>; 5] = Default::default();
            match read_form(&form) {
                Ok(food) => match own_food_fits(&state.settings.foods, editing, &food.name) {
                    Ok(()) => {
                        let name = food.name.clone();
                        kept.set(OwnFoodsForm {
                            editing: None,
                            status: Some(match editing {
                                Some(_) => format!(
                                    "Saved the changes to “{name}”. Days you added it to before keep it as it was then."
                                ),
                                None => format!(
                                    "Kept “{name}”: type its name in Find a food to add it to a day."
                                ),
                            }),
                        });
                        match editing {
                            Some(id) => state.dispatch(Action::EditOwnFood { id, food }),
                            None => state.dispatch(Action::AddOwnFood(food)),
                        }
                        fill_form(&form, None);
                        return;
                    }
                    Err(error) => {
                        refused[0] = Some(match error {
                            OwnFoodError::NameTaken => format!(
                                "You keep a food named “{}” already: give this one another name, or edit that one.",
                                food.name
                            ),
                            OwnFoodError::ListFull => format!(
                                "You keep {MAX_OWN_FOODS} foods already: remove one you no longer eat first."
                            ),
                        });
                    }
                },
                Err(each) => refused = each,
            }
            for (id, refusal) in FIELD_IDS.iter().zip(&refused) {
                show_refusal(&form, id, refusal.as_deref());
            }
            if let Some((id, _)) = FIELD_IDS.iter().zip(&refused).find(|(_, r)| r.is_some()) {
                focus_by_id(id);
            }
        })
    };
    let on_cancel = {
        let kept = kept.clone();
        Callback::from(move |event: MouseEvent| {
            kept.set(OwnFoodsForm {
                editing: None,
                ..(*kept).clone()
            });
            if let Some(form) = own_food_form(&event) {
                fill_form(&form, None);
            }
        })
    };
    let editing_name = editing
        .and_then(|id| foods.iter().find(|f| f.id == id))
        .map(|f| f.food.name.clone());

    html! {
        <section class="card my-foods" aria-labelledby="my-foods-heading">
            <h2 id="my-foods-heading" tabindex="-1">{ "Your own foods" }</h2>
            if foods.is_empty() {
                <p class="hint">{ "A food the USDA table lacks (a protein bar, your baker's bread) can be made here from its label, and is then found by Find a food like any other." }</p>
            } else {
                <ul class="entries">
                    { for foods.iter().map(|own| {
                        let id = own.id;
                        let on_edit = {
                            let (kept, food) = (kept.clone(), own.food.clone());
                            Callback::from(move |event: MouseEvent| {
                                kept.set(OwnFoodsForm {
                                    editing: Some(id),
                                    ..(*kept).clone()
                                });
                                if let Some(form) = own_food_form(&event) {
                                    fill_form(&form, Some(&food));
                                }
                                focus_by_id("custom-food-name");
                            })
                        };
                        let on_remove = {
                            let (state, kept, name) = (state.clone(), kept.clone(), own.food.name.clone());
                            Callback::from(move |_: MouseEvent| {
                                state.dispatch(Action::RemoveOwnFood(id));
                                kept.set(OwnFoodsForm {
                                    status: Some(format!(
                                        "Removed “{name}” from your foods. Days you added it to keep it."
                                    )),
                                    ..(*kept).clone()
                                });
                                focus_by_id("my-foods-heading");
                            })
                        };
                        let food = &own.food;
                        kept_item_row(KeptItemRow {
                            class: "own-food",
                            about_html: format!(
                                r#"<span class="entry-name">{}</span><span class="entry-mg">{}</span><span class="entry-amount">{} ({} g)</span>"#,
                                escaped(&food.name),
                                mg_text(food.magnesium_mg_per_serving),
                                escaped(&food.serving_words),
                                plain(food.serving_grams),
                            ),
                            name: &food.name,
                            list_words: "your foods",
                            on_edit,
                            on_remove,
                        })
                    }) }
                </ul>
                <p class="hint">{ "Editing or removing a food changes only what you add from then on: the days you added it to keep it as it was." }</p>
            }
            <form class="own-food-form" onsubmit={on_save} novalidate=true>
                <h3>{ match &editing_name {
                    Some(name) => format!("Edit “{name}”"),
                    None => "Make a food from its label".to_owned(),
                } }</h3>
                { Html::from_html_unchecked(form_fields().into()) }
                <div class="plan-buttons">
                    <button type="submit" class="primary" data-testid="save-custom-food">
                        { if editing.is_some() { "Save changes" } else { "Save food" } }
                    </button>
                    if editing.is_some() {
                        <button type="button" class="secondary" onclick={on_cancel}>{ "Cancel" }</button>
                    }
                </div>
            </form>
            if let Some(message) = status {
                <p class="hint" role="status">{ message }</p>
            }
        </section>
    }
}
