//! The person's own foods: a food the USDA table lacks (a protein bar, the baker's bread) made
//! from its label, in mg or as a % of the US Daily Value or the EU NRV, kept for every plan and
//! found by the food search; each one editable and removable. Days keep the copy they were
//! given, so editing or removing a food never changes a day already planned.

use yew::prelude::*;

use crate::components::{
    ChoiceField, ChoiceLabel, NumberField, NumberText, TextField, amount_refusal, choice_field,
    escaped, focus_by_id, number_field, text_field, text_refusal,
};
use crate::domain::decimal_text::plain;
use crate::domain::library::{
    CustomFood, CustomFoodText, EU_NRV_MG, LabelUnit, MAX_KCAL_PER_SERVING, MAX_OWN_FOODS,
    MAX_SERVING_GRAMS, OwnFoodError, US_DAILY_VALUE_MG, own_food_fits,
};
use crate::domain::plan::mg_text;
use crate::state::{Action, use_planner};

impl ChoiceLabel for LabelUnit {
    fn label(self) -> AttrValue {
        AttrValue::Static(match self {
            LabelUnit::Mg => "mg",
            LabelUnit::UsDailyValuePercent => "% Daily Value (US label)",
            LabelUnit::EuNrvPercent => "% NRV (EU label)",
        })
    }
}

/// The form's fields as typed.
#[derive(Clone, Default, PartialEq)]
struct Typed {
    name: String,
    serving: String,
    grams: NumberText,
    magnesium: NumberText,
    unit: LabelUnit,
    kcal: NumberText,
}

/// What the form refused, each shown beside its field.
#[derive(Clone, Default, PartialEq)]
struct Refusals {
    name: Option<String>,
    serving: Option<String>,
    grams: Option<String>,
    magnesium: Option<String>,
    kcal: Option<String>,
}

impl Refusals {
    /// The id of the first refused field, in the form's order, for the focus to go to.
    fn first_id(&self) -> Option<&'static str> {
        [
            (self.name.is_some(), "custom-food-name"),
            (self.serving.is_some(), "custom-food-serving"),
            (self.grams.is_some(), "custom-food-serving-g"),
            (self.magnesium.is_some(), "custom-food-mg"),
            (self.kcal.is_some(), "custom-food-kcal"),
        ]
        .into_iter()
        .find_map(|(refused, id)| refused.then_some(id))
    }
}

/// Reads the form, every field at once: the food, or each field's reason.
fn read(typed: &Typed) -> Result<CustomFood, Refusals> {
    // Text the browser cannot read as a number is empty in `text`; it is read as "?" so that
    // it is refused as not a number rather than as missing.
    let unreadable = |text: &NumberText| {
        if text.unreadable {
            "?".to_owned()
        } else {
            text.text.clone()
        }
    };
    let (grams, magnesium, kcal) = (
        unreadable(&typed.grams),
        unreadable(&typed.magnesium),
        unreadable(&typed.kcal),
    );
    CustomFood::from_text(&CustomFoodText {
        name: &typed.name,
        serving_words: &typed.serving,
        serving_grams: &grams,
        magnesium: &magnesium,
        magnesium_unit: Some(typed.unit),
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
        Refusals {
            name: errors
                .name
                .map(|e| text_refusal(e, "Give the food the name you will search for.")),
            serving: errors
                .serving_words
                .map(|e| text_refusal(e, "Say what one serving is, such as “1 bar”.")),
            grams: amount("serving_grams", "g"),
            magnesium: amount("magnesium", magnesium_unit_words(typed.unit)),
            kcal: amount("kcal", "kcal"),
        }
    })
}

/// The unit the magnesium figure's refusal names.
fn magnesium_unit_words(unit: LabelUnit) -> &'static str {
    match unit {
        LabelUnit::Mg => "mg",
        LabelUnit::UsDailyValuePercent | LabelUnit::EuNrvPercent => "%",
    }
}

/// The text a kept food fills the form with for editing: its figures in mg.
fn typed_from(food: &CustomFood) -> Typed {
    Typed {
        name: food.name.clone(),
        serving: food.serving_words.clone(),
        grams: NumberText::new(plain(food.serving_grams)),
        magnesium: NumberText::new(plain(food.magnesium_mg_per_serving)),
        unit: LabelUnit::Mg,
        kcal: NumberText::new(food.kcal_per_serving.map(plain).unwrap_or_default()),
    }
}

/// The list of the person's own foods and the form that makes or edits one.
#[function_component(MyFoods)]
pub fn my_foods() -> Html {
    let state = use_planner();
    let typed = use_state(Typed::default);
    let editing = use_state(|| None::<u32>);
    let refusals = use_state(Refusals::default);
    let status = use_state(|| None::<String>);
    let foods = &state.settings.foods;

    let set = |change: fn(&mut Typed, NumberText)| {
        let typed = typed.clone();
        Callback::from(move |text: NumberText| {
            let mut next = (*typed).clone();
            change(&mut next, text);
            typed.set(next);
        })
    };
    let set_text = |change: fn(&mut Typed, String)| {
        let typed = typed.clone();
        Callback::from(move |text: String| {
            let mut next = (*typed).clone();
            change(&mut next, text);
            typed.set(next);
        })
    };
    let on_save = {
        let (state, typed, editing, refusals, status) = (
            state.clone(),
            typed.clone(),
            editing.clone(),
            refusals.clone(),
            status.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let mut refused = Refusals::default();
            let food = read(&typed).map_err(|r| refused = r);
            let fits = match &food {
                Ok(food) => Some(own_food_fits(&state.settings.foods, *editing, &food.name)),
                Err(()) => None,
            };
            match (food, fits) {
                (Ok(food), Some(Ok(()))) => {
                    let name = food.name.clone();
                    match *editing {
                        Some(id) => state.dispatch(Action::EditOwnFood { id, food }),
                        None => state.dispatch(Action::AddOwnFood(food)),
                    }
                    status.set(Some(match *editing {
                        Some(_) => format!(
                            "Saved the changes to “{name}”. Days you added it to before keep it as it was then."
                        ),
                        None => format!(
                            "Kept “{name}”: type its name in Find a food to add it to a day."
                        ),
                    }));
                    typed.set(Typed::default());
                    editing.set(None);
                    refusals.set(Refusals::default());
                }
                (Ok(food), Some(Err(error))) => {
                    refused.name = Some(match error {
                        OwnFoodError::NameTaken => format!(
                            "You keep a food named “{}” already: give this one another name, or edit that one.",
                            food.name
                        ),
                        OwnFoodError::ListFull => format!(
                            "You keep {MAX_OWN_FOODS} foods already: remove one you no longer eat first."
                        ),
                    });
                    focus_by_id("custom-food-name");
                    refusals.set(refused);
                }
                _ => {
                    if let Some(id) = refused.first_id() {
                        focus_by_id(id);
                    }
                    refusals.set(refused);
                }
            }
        })
    };
    let on_cancel = {
        let (typed, editing, refusals) = (typed.clone(), editing.clone(), refusals.clone());
        Callback::from(move |_: MouseEvent| {
            typed.set(Typed::default());
            editing.set(None);
            refusals.set(Refusals::default());
        })
    };

    let grams = number_field(NumberField {
        id: "custom-food-serving-g".into(),
        tested: true,
        label: "Grams (or mL) in one serving".into(),
        hide_label: false,
        bare: false,
        unit: Some("g".into()),
        hint: None,
        described_by: None,
        value: typed.grams.clone(),
        error: refusals.grams.clone().map(AttrValue::from),
        whole: false,
        max: Some(plain(MAX_SERVING_GRAMS).into()),
        placeholder: None,
        on_input: set(|t, v| t.grams = v),
    });
    let magnesium = number_field(NumberField {
        id: "custom-food-mg".into(),
        tested: true,
        label: "Magnesium in one serving".into(),
        hide_label: false,
        bare: false,
        unit: None,
        hint: None,
        described_by: Some("custom-food-mg-hint".into()),
        value: typed.magnesium.clone(),
        error: refusals.magnesium.clone().map(AttrValue::from),
        whole: false,
        max: None,
        placeholder: None,
        on_input: set(|t, v| t.magnesium = v),
    });
    let kcal = number_field(NumberField {
        id: "custom-food-kcal".into(),
        tested: false,
        label: "Energy in one serving (optional)".into(),
        hide_label: false,
        bare: false,
        unit: Some("kcal".into()),
        hint: None,
        described_by: None,
        value: typed.kcal.clone(),
        error: refusals.kcal.clone().map(AttrValue::from),
        whole: false,
        max: Some(plain(MAX_KCAL_PER_SERVING).into()),
        placeholder: None,
        on_input: set(|t, v| t.kcal = v),
    });
    let unit = {
        let typed = typed.clone();
        Callback::from(move |unit: LabelUnit| {
            typed.set(Typed {
                unit,
                ..(*typed).clone()
            })
        })
    };
    let editing_name = editing
        .and_then(|id| foods.iter().find(|f| f.id == id))
        .map(|f| f.food.name.clone());

    html! {
        <section class="card my-foods" aria-labelledby="my-foods-heading">
            <h2 id="my-foods-heading">{ "Your own foods" }</h2>
            if foods.is_empty() {
                <p class="hint">{ "A food the USDA table lacks (a protein bar, your baker's bread) can be made here from its label, and is then found by Find a food like any other." }</p>
            } else {
                <ul class="entries">
                    { for foods.iter().map(|own| {
                        let id = own.id;
                        let on_edit = {
                            let (typed, editing, refusals, food) =
                                (typed.clone(), editing.clone(), refusals.clone(), own.food.clone());
                            Callback::from(move |_: MouseEvent| {
                                typed.set(typed_from(&food));
                                editing.set(Some(id));
                                refusals.set(Refusals::default());
                                focus_by_id("custom-food-name");
                            })
                        };
                        let on_remove = {
                            let (state, status, name) = (state.clone(), status.clone(), own.food.name.clone());
                            Callback::from(move |_: MouseEvent| {
                                state.dispatch(Action::RemoveOwnFood(id));
                                status.set(Some(format!(
                                    "Removed “{name}” from your foods. Days you added it to keep it."
                                )));
                                focus_by_id("my-foods-heading");
                            })
                        };
                        let food = &own.food;
                        html! {
                            <li class="plan-entry own-food">
                                { Html::from_html_unchecked(format!(
                                    r#"<span class="entry-name">{}</span><span class="entry-mg">{}</span><span class="entry-amount">{} ({} g)</span>"#,
                                    escaped(&food.name),
                                    mg_text(food.magnesium_mg_per_serving),
                                    escaped(&food.serving_words),
                                    plain(food.serving_grams),
                                ).into()) }
                                <span class="entry-actions">
                                    <button type="button" class="secondary" onclick={on_edit}
                                        aria-label={format!("Edit {}", food.name)}>{ "Edit" }</button>
                                    <button type="button" class="remove" onclick={on_remove}
                                        aria-label={format!("Remove {} from your foods", food.name)}>{ "Remove" }</button>
                                </span>
                            </li>
                        }
                    }) }
                </ul>
                <p class="hint">{ "Editing or removing a food changes only what you add from then on: the days you added it to keep it as it was." }</p>
            }
            <form class="own-food-form" onsubmit={on_save} novalidate=true>
                <h3>{ match &editing_name {
                    Some(name) => format!("Edit “{name}”"),
                    None => "Make a food from its label".to_owned(),
                } }</h3>
                { text_field(TextField {
                    id: "custom-food-name",
                    tested: true,
                    label: "Name".into(),
                    value: typed.name.clone(),
                    placeholder: Some("Protein bar, peanut".into()),
                    error: refusals.name.clone(),
                    on_input: set_text(|t, v| t.name = v),
                }) }
                <div class="field-row">
                    { text_field(TextField {
                        id: "custom-food-serving",
                        tested: true,
                        label: "One serving is".into(),
                        value: typed.serving.clone(),
                        placeholder: Some("1 bar".into()),
                        error: refusals.serving.clone(),
                        on_input: set_text(|t, v| t.serving = v),
                    }) }
                    { grams.field }
                </div>
                { grams.refusal }
                <div class="field-row">
                    { magnesium.field }
                    { choice_field(ChoiceField {
                        id: "custom-food-mg-unit",
                        tested: true,
                        label: "Given as".into(),
                        selected: typed.unit,
                        disabled: &[],
                        invalid: false,
                        described_by: Some("custom-food-mg-hint".into()),
                        on_change: unit,
                    }) }
                </div>
                <p id="custom-food-mg-hint" class="hint">
                    { format!(
                        "As on the label: mg, or a percentage of the US Daily Value ({} mg) or of the EU Nutrient Reference Value ({} mg).",
                        plain(US_DAILY_VALUE_MG),
                        plain(EU_NRV_MG)
                    ) }
                </p>
                { magnesium.refusal }
                { kcal.field }
                { kcal.refusal }
                <div class="plan-buttons">
                    <button type="submit" class="primary" data-testid="save-custom-food">
                        { if editing.is_some() { "Save changes" } else { "Save food" } }
                    </button>
                    if editing.is_some() {
                        <button type="button" class="secondary" onclick={on_cancel}>{ "Cancel" }</button>
                    }
                </div>
            </form>
            if let Some(message) = &*status {
                <p class="hint" role="status">{ message }</p>
            }
        </section>
    }
}
