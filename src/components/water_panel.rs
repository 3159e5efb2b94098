//! The water drunk in the day on screen: each water with its magnesium, a form to add one
//! (mg per litre from the label or the water supplier, litres or glasses), and the waters the
//! person keeps for reuse. Water counts as food, never toward a supplement limit; the note
//! under the form says what the chosen authority's limit covers.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::{
    ChoiceField, ChoiceLabel, NumberField, NumberText, SelectField, SelectOption, TextField,
    amount_refusal, choice_field, escaped, focus_by_id, number_field, select_field, text_field,
    text_refusal,
};
use crate::domain::decimal_text::plain;
use crate::domain::guidelines::EffectiveLimit;
use crate::domain::library::{
    AmountError, MAX_SAVED_WATERS, MAX_WATER_MG_PER_LITRE, Water, WaterUnit, read_water_amount,
    same_name,
};
use crate::domain::plan::{WaterDrunk, mg_text};
use crate::domain::{Authority, reference_values};
use crate::state::{Action, use_planner};

impl ChoiceLabel for WaterUnit {
    fn label(self) -> AttrValue {
        AttrValue::Static(match self {
            WaterUnit::Litres => "litres",
            WaterUnit::Glasses => "glasses of 250 mL",
        })
    }
}

/// What the limit the page compares supplements with counts of water, in its source's terms
/// (`shared/reference/magnesium.md`): the IOM's UL covers supplements and medicines, not
/// magnesium naturally present in food and water; the SCF's 250 mg (EFSA, D-A-CH, from 4 years)
/// readily dissociable salts in supplements, water and fortified foods; the EVM's guidance
/// level adults' supplements. Chosen by the limit that applies, since for a child the page may
/// use the IOM's level instead of the authority's, and for an infant none.
fn counting_note(authority: Authority, limit: EffectiveLimit) -> &'static str {
    match (limit, authority) {
        (EffectiveLimit::Infant, _) => {
            "Water counts with food here. No authority sets a supplement limit for infants."
        }
        (EffectiveLimit::IomFallback { .. }, _) => {
            "Water counts with food here. For this age the limit shown is the IOM's upper \
             level, which is for supplements and medicines only: magnesium naturally present \
             in food and water has no upper level."
        }
        (EffectiveLimit::Own { .. }, Authority::Us) => {
            "Water counts with food here. The US upper level is for supplements and medicines \
             only: magnesium naturally present in food and water has no upper level."
        }
        (EffectiveLimit::Own { .. }, Authority::Uk) => {
            "Water counts with food here. The UK guidance level is for adults' supplements \
             only: water is outside it."
        }
        (EffectiveLimit::Own { .. }, Authority::Eu | Authority::Dach) => {
            "Water counts with food here; the planner does not add it to the supplement limit. \
             The 250 mg upper level (Scientific Committee on Food) covers magnesium salts in \
             supplements, water and fortified foods, so to compare with it as the Committee \
             does, add your water's magnesium to your supplements' total yourself."
        }
    }
}

/// What the form's fields refused, each shown beside its field.
#[derive(Clone, Default, PartialEq)]
struct Refusals {
    name: Option<String>,
    mg_per_litre: Option<String>,
    amount: Option<String>,
    keep: Option<String>,
}

/// The water section of the day.
#[function_component(WaterPanel)]
pub fn water_panel() -> Html {
    let state = use_planner();
    let name = use_state(String::new);
    let mg_text_typed = use_state(NumberText::default);
    let amount = use_state(NumberText::default);
    let unit = use_state(WaterUnit::default);
    let keep = use_state(|| false);
    let refusals = use_state(Refusals::default);
    let saved = &state.settings.waters;

    // The kept water last chosen, which Forget forgets; none once it is forgotten.
    let chosen = use_state(|| None::<String>);
    let chosen_name = chosen
        .as_ref()
        .filter(|name| saved.iter().any(|w| &w.name == *name))
        .cloned();
    let on_saved = {
        let (state, name, mg_text_typed, chosen) = (
            state.clone(),
            name.clone(),
            mg_text_typed.clone(),
            chosen.clone(),
        );
        Callback::from(move |value: String| {
            let picked = state.settings.waters.iter().find(|w| w.name == value);
            if let Some(water) = picked {
                name.set(water.name.clone());
                mg_text_typed.set(NumberText::new(plain(water.mg_per_litre)));
            }
            chosen.set(picked.map(|w| w.name.clone()));
        })
    };
    let on_forget = {
        let (state, chosen) = (state.clone(), chosen.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(name) = (*chosen).clone() {
                state.dispatch(Action::ForgetWater(name));
            }
            chosen.set(None);
            focus_by_id("saved-water");
        })
    };
    let on_keep = {
        let keep = keep.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            keep.set(input.checked());
        })
    };
    let on_add = {
        let (state, refusals) = (state.clone(), refusals.clone());
        let (name, mg_text_typed, amount, unit, keep) = (
            name.clone(),
            mg_text_typed.clone(),
            amount.clone(),
            unit.clone(),
            keep.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let mut refused = Refusals::default();
            let mg = mg_text_typed.read(|text| Ok(text.to_owned()), AmountError::NotANumber);
            let water = match mg {
                Ok(mg) => Water::from_text(&name, &mg).map_err(|errors| {
                    // An empty name is allowed ("Water"), so only length is ever refused.
                    refused.name = errors
                        .name
                        .map(|e| text_refusal(e, "Give the water a name."));
                    refused.mg_per_litre = errors
                        .amounts
                        .first()
                        .map(|&(_, error)| amount_refusal(error, "mg/L"));
                }),
                Err(error) => {
                    refused.mg_per_litre = Some(amount_refusal(error, "mg/L"));
                    Err(())
                }
            };
            let litres = amount
                .read(
                    |text| read_water_amount(text, *unit),
                    AmountError::NotANumber,
                )
                .map_err(|error| refused.amount = Some(amount_refusal(error, "")));
            if let Ok(water) = &water {
                let known = saved_has(&state.settings.waters, &water.name);
                if *keep && !known && state.settings.waters.len() >= MAX_SAVED_WATERS {
                    refused.keep = Some(format!(
                        "You keep {MAX_SAVED_WATERS} waters already: forget one first, or \
                         add this one without keeping it."
                    ));
                }
            }
            let drunk = match (water, litres) {
                (Ok(water), Ok(litres)) if refused.keep.is_none() => {
                    WaterDrunk::new(water, litres).ok()
                }
                _ => None,
            };
            match drunk {
                Some(drunk) => {
                    state.dispatch(Action::AddWater { drunk, keep: *keep });
                    amount.set(NumberText::default());
                    refusals.set(Refusals::default());
                }
                None => {
                    focus_first_refused(&refusals_ids(&refused));
                    refusals.set(refused);
                }
            }
        })
    };

    let plan = state.plan();
    let limit = reference_values(state.settings.authority, &state.settings.profile).effective_limit;
    let mg_field = number_field(NumberField {
        id: "water-mg-per-l".into(),
        tested: true,
        label: "Magnesium in the water".into(),
        hide_label: false,
        bare: false,
        unit: Some("mg/L".into()),
        hint: Some(
            "From a mineral water's label (given in mg/L), or your water supplier if it \
             publishes the figure; tap water typically has 1–50 mg/L."
                .into(),
        ),
        described_by: None,
        value: (*mg_text_typed).clone(),
        error: refusals.mg_per_litre.clone().map(AttrValue::from),
        whole: false,
        max: Some(plain(MAX_WATER_MG_PER_LITRE).into()),
        placeholder: None,
        on_input: {
            let mg_text_typed = mg_text_typed.clone();
            Callback::from(move |typed| mg_text_typed.set(typed))
        },
    });
    let amount_field = number_field(NumberField {
        id: "water-litres".into(),
        tested: true,
        label: "How much you drank".into(),
        hide_label: false,
        bare: false,
        unit: None,
        hint: None,
        described_by: None,
        value: (*amount).clone(),
        error: refusals.amount.clone().map(AttrValue::from),
        whole: false,
        max: None,
        placeholder: None,
        on_input: {
            let amount = amount.clone();
            Callback::from(move |typed| amount.set(typed))
        },
    });

    html! {
        <section class="meal water" aria-labelledby="water-heading">
            <h3 id="water-heading" tabindex="-1">
                { "Water" }
                <span class="subtotal">{ mg_text(plan.water_mg()) }</span>
            </h3>
            if !plan.waters.is_empty() {
                <ul class="entries">
                    { for plan.waters.iter().map(|entry| {
                        let id = entry.id;
                        let on_remove = {
                            let state = state.clone();
                            Callback::from(move |_: MouseEvent| {
                                state.dispatch(Action::RemoveWater(id));
                                focus_by_id("water-heading");
                            })
                        };
                        let water = &entry.water;
                        html! {
                            <li class="plan-entry water-entry" data-testid="water-entry">
                                { Html::from_html_unchecked(format!(
                                    r#"<span class="entry-name">{}</span><span class="entry-mg">{}</span><span class="entry-amount">{} L × {} mg/L</span>"#,
                                    escaped(&water.name),
                                    mg_text(entry.magnesium_mg()),
                                    plain(entry.litres),
                                    plain(water.mg_per_litre),
                                ).into()) }
                                <button type="button" class="remove" data-testid="remove-entry"
                                    aria-label={format!("Remove {}", water.name)} onclick={on_remove}>
                                    { "Remove" }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            <form class="water-form" onsubmit={on_add} novalidate=true>
                if !saved.is_empty() {
                    <div class="field-row">
                        { select_field(
                            SelectField {
                                id: "saved-water",
                                tested: false,
                                label: "A water you keep".into(),
                                invalid: false,
                                described_by: Some("saved-water-hint".into()),
                            },
                            std::iter::once(SelectOption {
                                value: "".into(),
                                label: "Choose one".into(),
                                selected: chosen_name.is_none(),
                                disabled: false,
                            })
                            .chain(saved.iter().map(|w| SelectOption {
                                value: w.name.clone().into(),
                                label: format!("{} ({} mg/L)", w.name, plain(w.mg_per_litre)).into(),
                                selected: chosen_name.as_ref() == Some(&w.name),
                                disabled: false,
                            }))
                            .collect(),
                            on_saved,
                        ) }
                        if chosen_name.is_some() {
                            <button type="button" class="secondary" onclick={on_forget}>{ "Forget this water" }</button>
                        }
                    </div>
                    <p id="saved-water-hint" class="hint">
                        { format!("Choosing one fills in its name and mg/L. You keep {} of at most {MAX_SAVED_WATERS}; forgetting one leaves the days you drank it as they are.", saved.len()) }
                    </p>
                }
                { text_field(TextField {
                    id: "water-name",
                    tested: false,
                    label: "Which water (optional)".into(),
                    value: (*name).clone(),
                    placeholder: Some("Tap water".into()),
                    error: refusals.name.clone(),
                    on_input: {
                        let name = name.clone();
                        Callback::from(move |typed| name.set(typed))
                    },
                }) }
                { mg_field.field }
                { mg_field.refusal }
                <div class="field-row">
                    { amount_field.field }
                    { choice_field(ChoiceField {
                        id: "water-unit",
                        tested: false,
                        label: "Unit".into(),
                        selected: *unit,
                        disabled: &[],
                        invalid: false,
                        described_by: None,
                        on_change: {
                            let unit = unit.clone();
                            Callback::from(move |chosen| unit.set(chosen))
                        },
                    }) }
                </div>
                { amount_field.refusal }
                <div class="field check-field">
                    <label class="check">
                        <input id="water-keep" type="checkbox" checked={*keep} onchange={on_keep}
                            aria-invalid={refusals.keep.is_some().to_string()}
                            aria-describedby={refusals.keep.as_ref().map(|_| "water-keep-error")} />
                        { "Keep this water for next time" }
                    </label>
                    if let Some(message) = &refusals.keep {
                        <p id="water-keep-error" class="field-error" role="alert">{ message }</p>
                    }
                </div>
                <button type="submit" data-testid="add-water">{ "Add water" }</button>
            </form>
            <p class="hint">{ counting_note(state.settings.authority, limit) }</p>
        </section>
    }
}

/// Whether a water of this name (case and accents aside) is kept already, so keeping it again
/// replaces it rather than needing room.
fn saved_has(saved: &[Water], name: &str) -> bool {
    saved.iter().any(|w| same_name(&w.name, name))
}

/// The ids of the refused fields, in the form's order.
fn refusals_ids(refusals: &Refusals) -> Vec<&'static str> {
    [
        (refusals.name.is_some(), "water-name"),
        (refusals.mg_per_litre.is_some(), "water-mg-per-l"),
        (refusals.amount.is_some(), "water-litres"),
        (refusals.keep.is_some(), "water-keep"),
    ]
    .into_iter()
    .filter_map(|(refused, id)| refused.then_some(id))
    .collect()
}

/// Moves focus to the first refused field, so a keyboard or screen-reader user lands on it.
fn focus_first_refused(ids: &[&str]) {
    if let Some(id) = ids.first() {
        focus_by_id(id);
    }
}
