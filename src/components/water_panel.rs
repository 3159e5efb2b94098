//! The water drunk in the day on screen: each water with its magnesium, a form to add one
//! (mg per litre from the label or the water supplier, litres or glasses), and the waters the
//! person keeps for reuse. Water counts as food, never toward a supplement limit; the note
//! under the form says what the chosen authority's limit covers.

use std::fmt::Write;

use yew::prelude::*;

use web_sys::Element;

use crate::components::form_kit::{
    Control, Written, chosen, form_of, set_text, show_refusal, ticked, typed_number, typed_text,
    write_fields,
};
use crate::components::{amount_refusal, escaped, focus_by_id, text_refusal};
use crate::domain::choice::Choice;
use crate::domain::decimal_text::plain;
use crate::domain::guidelines::EffectiveLimit;
use crate::domain::library::{
    AmountError, MAX_SAVED_WATERS, MAX_WATER_MG_PER_LITRE, Water, WaterUnit, read_water_amount,
    same_name,
};
use crate::domain::plan::{WaterDrunk, mg_text};
use crate::domain::{Authority, reference_values};
use crate::state::{Action, PlannerContext};

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

/// The ids of the form's refusable fields, in its order: the focus goes to the first refused.
const FIELD_IDS: [&str; 4] = ["water-name", "water-mg-per-l", "water-litres", "water-keep"];

/// The form's fields, written as text once (see [`write_fields`]): the name, the mg per litre,
/// the amount and its unit, and whether to keep the water.
fn form_fields() -> String {
    let units: Vec<(&str, &str)> = WaterUnit::ALL
        .iter()
        .map(|&unit| (unit.value(), unit_words(unit)))
        .collect();
    let mut out = String::with_capacity(2500);
    write_fields(
        &mut out,
        &[
            Written {
                id: "water-name",
                tested: false,
                label: "Which water (optional)",
                hint: None,
                control: Control::Text {
                    placeholder: "Tap water",
                },
            },
            Written {
                id: "water-mg-per-l",
                tested: true,
                label: "Magnesium in the water",
                hint: Some(
                    "From a mineral water's label (given in mg/L), or your water supplier if it \
                     publishes the figure; tap water typically has 1–50 mg/L.",
                ),
                control: Control::Number {
                    unit: Some("mg/L"),
                    max: Some(MAX_WATER_MG_PER_LITRE),
                },
            },
        ],
    );
    out.push_str(r#"<div class="field-row">"#);
    write_fields(
        &mut out,
        &[
            Written {
                id: "water-litres",
                tested: true,
                label: "How much you drank",
                hint: None,
                control: Control::Number {
                    unit: None,
                    max: None,
                },
            },
            Written {
                id: "water-unit",
                tested: false,
                label: "Unit",
                hint: None,
                control: Control::Choice(&units),
            },
        ],
    );
    out.push_str("</div>");
    write_fields(
        &mut out,
        &[Written {
            id: "water-keep",
            tested: false,
            label: "Keep this water for next time",
            hint: None,
            control: Control::Check,
        }],
    );
    out
}

/// The words of a unit of water, as the unit choice shows them.
fn unit_words(unit: WaterUnit) -> &'static str {
    match unit {
        WaterUnit::Litres => "litres",
        WaterUnit::Glasses => "glasses of 250 mL",
    }
}

/// The kept waters to choose from, written as text: it changes only when they do, so the rest
/// of the form keeps what was typed.
fn saved_choice(saved: &[Water]) -> String {
    let mut out = String::from(
        r#"<div class="field"><label for="saved-water">A water you keep</label><select id="saved-water" aria-describedby="saved-water-hint"><option value="">Choose one</option>"#,
    );
    for water in saved {
        let name = escaped(&water.name);
        let _ = write!(
            out,
            r#"<option value="{name}">{name} ({} mg/L)</option>"#,
            plain(water.mg_per_litre)
        );
    }
    let _ = write!(
        out,
        r#"</select></div><p id="saved-water-hint" class="hint">Choosing one fills in its name and mg/L. You keep {} of at most {MAX_SAVED_WATERS}; forgetting one leaves the days you drank it as they are.</p>"#,
        saved.len()
    );
    out
}

/// Reads the form: the water drunk and whether to keep it, or each field's refusal.
fn read_form(form: &Element, saved: &[Water]) -> Result<(WaterDrunk, bool), [Option<String>; 4]> {
    let mut refused: [Option<String>; 4] = Default::default();
    let mg = typed_number(form, "water-mg-per-l");
    let water = match mg.read(|text| Ok(text.to_owned()), AmountError::NotANumber) {
        Ok(mg) => Water::from_text(&typed_text(form, "water-name"), &mg).map_err(|errors| {
            // An empty name is allowed ("Water"), so only length is ever refused.
            refused[0] = errors
                .name
                .map(|e| text_refusal(e, "Give the water a name."));
            refused[1] = errors
                .amounts
                .first()
                .map(|&(_, error)| amount_refusal(error, "mg/L"));
        }),
        Err(error) => {
            refused[1] = Some(amount_refusal(error, "mg/L"));
            Err(())
        }
    };
    let unit = WaterUnit::from_value(&chosen(form, "water-unit")).unwrap_or_default();
    let litres = typed_number(form, "water-litres")
        .read(
            |text| read_water_amount(text, unit),
            AmountError::NotANumber,
        )
        .map_err(|error| refused[2] = Some(amount_refusal(error, "")));
    let keep = ticked(form, "water-keep");
    if let Ok(water) = &water {
        let known = saved.iter().any(|w| same_name(&w.name, &water.name));
        if keep && !known && saved.len() >= MAX_SAVED_WATERS {
            refused[3] = Some(format!(
                "You keep {MAX_SAVED_WATERS} waters already: forget one first, or add this one \
                 without keeping it."
            ));
        }
    }
    match (water, litres) {
        (Ok(water), Ok(litres)) if refused[3].is_none() => WaterDrunk::new(water, litres)
            .map(|drunk| (drunk, keep))
            .map_err(|error| {
                refused[2] = Some(amount_refusal(error, ""));
                refused
            }),
        _ => Err(refused),
    }
}

/// The water section of the day.
///
/// A plain function rather than a component: its form keeps what is typed in the page itself
/// (see [`write_fields`]), so it needs no state of its own.
pub fn water_panel(state: &PlannerContext) -> Html {
    let saved = &state.settings.waters;
    let plan = state.plan();
    let limit = reference_values(state.settings.authority, &state.settings.profile).effective_limit;

    let on_add = {
        let state = state.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(form) = form_of(&event) else { return };
            let refused = match read_form(&form, &state.settings.waters) {
                Ok((drunk, keep)) => {
                    state.dispatch(Action::AddWater { drunk, keep });
                    set_text(&form, "water-litres", "");
                    Default::default()
                }
                Err(refused) => refused,
            };
            for (id, refusal) in FIELD_IDS.iter().zip(&refused) {
                show_refusal(&form, id, refusal.as_deref());
            }
            if let Some(id) = FIELD_IDS.iter().zip(&refused).find(|(_, r)| r.is_some()) {
                focus_by_id(id.0);
            }
        })
    };
    // Choosing a kept water fills in its name and mg per litre, as typing them would.
    let on_change = {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let is_choice = event
                .target_dyn_into::<Element>()
                .is_some_and(|e| e.id() == "saved-water");
            let Some(form) = form_of(&event).filter(|_| is_choice) else {
                return;
            };
            let name = chosen(&form, "saved-water");
            if let Some(water) = state.settings.waters.iter().find(|w| w.name == name) {
                set_text(&form, "water-name", &water.name);
                set_text(&form, "water-mg-per-l", &plain(water.mg_per_litre));
            }
        })
    };
    let on_forget = {
        let state = state.clone();
        Callback::from(move |event: MouseEvent| {
            let name = form_of(&event).map(|form| chosen(&form, "saved-water"));
            if let Some(name) = name.filter(|name| !name.is_empty()) {
                state.dispatch(Action::ForgetWater(name));
            }
            focus_by_id("saved-water");
        })
    };

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
            <form class="water-form" onsubmit={on_add} onchange={on_change} novalidate=true>
                if !saved.is_empty() {
                    <div class="field-row">
                        { Html::from_html_unchecked(saved_choice(saved).into()) }
                        <button type="button" class="secondary field-end" onclick={on_forget}>{ "Forget the chosen water" }</button>
                    </div>
                }
                { Html::from_html_unchecked(form_fields().into()) }
                <button type="submit" data-testid="add-water">{ "Add water" }</button>
            </form>
            <p class="hint">{ counting_note(state.settings.authority, limit) }</p>
        </section>
    }
}
