//! The form for adding a supplement dose: which form (and hydrate), how much, whether that is
//! elemental magnesium or the salt's weight, how many capsules, and at what time (optional; the
//! time is what a medicine's timing rule is checked against).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::{TimeField, TimeText, time_error_message, time_field};
use crate::domain::decimal_text::fixed;
use crate::domain::plan::{DoseInput, TimeOfDay, mg_text};
use crate::domain::supplements::{DoseBasis, FORMS, LabelHint, form, label_check, parse_amount_mg};
use crate::state::{Action, use_planner};

const AMOUNT_ERROR_ID: &str = "supplement-amount-error";
const UNITS_ERROR_ID: &str = "supplement-units-error";
const LABEL_HINT_ID: &str = "supplement-label-hint";

/// The label hint's lead, set in bold so the note stands apart from the line below it.
const LABEL_HINT_LEAD: &str = "Check the label: ";

/// Where a label's elemental figure is, for an elemental amount that looks like the compound
/// weight on the front of a bottle (`shared/reference/magnesium.md`, "Labels"); follows
/// [`LABEL_HINT_LEAD`].
fn label_hint_text(amount_mg: f64, hint: LabelHint) -> String {
    format!(
        "the front of a bottle often shows the weight of the salt (for example \"Magnesium Glycinate 500 mg\"), while the Supplement Facts line gives the magnesium itself (\"Magnesium (as magnesium glycinate) 120 mg\"). If {} is the weight of the salt, choose \"Weight of the salt\": it would count as {} ({} % magnesium).",
        mg_text(amount_mg),
        mg_text(hint.elemental_mg_if_compound),
        fixed(hint.fraction * 100.0, 1)
    )
}

/// Reads a `<select>`'s value from its change event.
fn select_value(event: &Event) -> String {
    let select: HtmlSelectElement = event.target_unchecked_into();
    select.value()
}

/// The add-a-dose form.
#[function_component(SupplementPicker)]
pub fn supplement_picker() -> Html {
    let state = use_planner();
    let form_id = use_state(|| FORMS[0].id.to_owned());
    let variant_id = use_state(|| FORMS[0].default_variant().id.to_owned());
    let amount_text = use_state(String::new);
    let amount_unreadable = use_state(|| false);
    let basis = use_state(|| DoseBasis::Elemental);
    let units_text = use_state(|| "1".to_owned());
    let time_text = use_state(TimeText::default);
    let tried = use_state(|| false);
    let added = use_state(String::new);

    let chosen_form = form(&form_id).unwrap_or(&FORMS[0]);
    let amount = if *amount_unreadable {
        Err(crate::domain::supplements::DoseError::NotANumber)
    } else {
        parse_amount_mg(&amount_text)
    };
    let units = parse_amount_mg(&units_text);
    // A hint, not a refusal: the field stays valid and the amount stays as typed.
    let chosen_variant = chosen_form
        .variant(&variant_id)
        .unwrap_or(chosen_form.default_variant());
    let label_hint = amount.as_ref().ok().and_then(|&amount_mg| {
        label_check(chosen_form, chosen_variant, amount_mg, *basis)
            .map(|hint| label_hint_text(amount_mg, hint))
    });
    let time = time_text.parse();
    let time_error = time.err().map(|e| AttrValue::from(time_error_message(e)));
    let input = match (&amount, &units, time) {
        (Ok(amount_mg), Ok(units), Ok(time)) => Some(DoseInput {
            form_id: (*form_id).clone(),
            variant_id: (*variant_id).clone(),
            basis: *basis,
            amount_mg: *amount_mg,
            units: *units,
            time: time.map(TimeOfDay::At),
        }),
        _ => None,
    };
    let converted = input.as_ref().map(DoseInput::elemental);
    // An empty amount is only an error once the person has tried to add it.
    let amount_error = match (&amount, &converted) {
        (Err(crate::domain::supplements::DoseError::Empty), _) if !*tried => None,
        (Err(e), _) => Some(e.to_string()),
        (Ok(_), Some(Err(e))) => Some(e.to_string()),
        _ => None,
    };
    let amount_described_by = [
        amount_error.as_ref().map(|_| AMOUNT_ERROR_ID),
        label_hint.as_ref().map(|_| LABEL_HINT_ID),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let amount_described_by = (!amount_described_by.is_empty()).then_some(amount_described_by);
    let units_error = units
        .err()
        .map(|_| "Enter how many capsules or tablets, for example 1 or 2.".to_owned())
        .or_else(|| {
            units
                .ok()
                .filter(|u| *u <= 0.0)
                .map(|_| "The number of capsules must be more than 0.".to_owned())
        });

    let on_form = {
        let (form_id, variant_id) = (form_id.clone(), variant_id.clone());
        Callback::from(move |event: Event| {
            let id = select_value(&event);
            if let Some(chosen) = form(&id) {
                variant_id.set(chosen.default_variant().id.to_owned());
                form_id.set(id);
            }
        })
    };
    let on_variant = {
        let variant_id = variant_id.clone();
        Callback::from(move |event: Event| variant_id.set(select_value(&event)))
    };
    let on_amount = {
        let (amount_text, amount_unreadable, added) = (
            amount_text.clone(),
            amount_unreadable.clone(),
            added.clone(),
        );
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            added.set(String::new());
            // A number field whose text the browser cannot read reports an empty value.
            amount_unreadable.set(input.validity().bad_input());
            amount_text.set(input.value());
        })
    };
    let on_basis = {
        let basis = basis.clone();
        Callback::from(move |event: Event| {
            if let Some(chosen) = DoseBasis::from_value(&select_value(&event)) {
                basis.set(chosen);
            }
        })
    };
    let on_units = {
        let units_text = units_text.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            units_text.set(input.value());
        })
    };
    let on_time = {
        let time_text = time_text.clone();
        Callback::from(move |text: TimeText| time_text.set(text))
    };
    let on_submit = {
        let (state, tried, added, amount_text) = (
            state.clone(),
            tried.clone(),
            added.clone(),
            amount_text.clone(),
        );
        let ready = match (&input, &converted, &units_error) {
            (Some(input), Some(Ok(dose)), None) => Some((input.clone(), dose.elemental_mg)),
            _ => None,
        };
        let name = chosen_form.name;
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            tried.set(true);
            if let Some((input, elemental_mg)) = ready.clone() {
                state.dispatch(Action::AddDose(input));
                added.set(format!("Added {} of {name}.", mg_text(elemental_mg)));
                amount_text.set(String::new());
                tried.set(false);
            }
        })
    };

    let explanation = match &converted {
        Some(Ok(dose)) => format!(
            "= {} elemental magnesium ({})",
            mg_text(dose.elemental_mg),
            dose.assumption
        ),
        _ => match *basis {
            DoseBasis::Elemental => {
                "Use the elemental amount on the label's Supplement Facts when you have it."
                    .to_owned()
            }
            DoseBasis::Compound => {
                "The salt's weight is converted with its share of magnesium.".to_owned()
            }
        },
    };

    html! {
        <form class="supplement-picker" onsubmit={on_submit} aria-labelledby="supplement-heading">
            <h3 id="supplement-heading">{ "Add a supplement dose" }</h3>
            if state.settings.kidney_disease {
                <p class="note" role="note">{ crate::domain::guidance::KIDNEY_WARNING }</p>
            }
            <div class="field">
                <label for="supplement-form">{ "Form" }</label>
                <select id="supplement-form" data-testid="supplement-form" onchange={on_form}>
                    { for FORMS.iter().map(|f| html! {
                        <option value={f.id} selected={f.id == *form_id}>{ f.name }</option>
                    }) }
                </select>
            </div>
            if chosen_form.variants.len() > 1 {
                <div class="field">
                    <label for="supplement-variant">{ "Which salt" }</label>
                    <select id="supplement-variant" onchange={on_variant}>
                        { for chosen_form.variants.iter().map(|v| html! {
                            <option value={v.id} selected={v.id == *variant_id}>{ v.description }</option>
                        }) }
                    </select>
                </div>
            }
            <div class="dose-fields">
                <div class="field">
                    <label for="supplement-amount">{ "Amount in mg" }</label>
                    <input
                        id="supplement-amount"
                        data-testid="supplement-amount"
                        type="number"
                        inputmode="decimal"
                        min="0"
                        step="any"
                        placeholder="200"
                        value={(*amount_text).clone()}
                        aria-invalid={amount_error.is_some().to_string()}
                        aria-describedby={amount_described_by}
                        oninput={on_amount}
                    />
                </div>
                <div class="field">
                    <label for="supplement-basis">{ "That amount is" }</label>
                    <select id="supplement-basis" data-testid="supplement-basis" onchange={on_basis}>
                        <option value="elemental" selected={*basis == DoseBasis::Elemental}>
                            { "Elemental (as on label)" }
                        </option>
                        <option value="compound" selected={*basis == DoseBasis::Compound}>
                            { "Weight of the salt" }
                        </option>
                    </select>
                </div>
                <div class="field">
                    <label for="supplement-units">{ "Capsules per dose" }</label>
                    <input
                        id="supplement-units"
                        type="number"
                        inputmode="decimal"
                        min="0"
                        step="any"
                        value={(*units_text).clone()}
                        aria-invalid={units_error.is_some().to_string()}
                        aria-describedby={units_error.is_some().then_some(UNITS_ERROR_ID)}
                        oninput={on_units}
                    />
                </div>
                { time_field(TimeField {
                    id: "supplement-time".into(),
                    test_id: Some("supplement-time".into()),
                    label: "Time taken (optional)".into(),
                    hide_label: false,
                    value: (*time_text).clone(),
                    error: time_error,
                    on_change: on_time,
                }) }
            </div>
            if let Some(message) = amount_error {
                <p id={AMOUNT_ERROR_ID} class="field-error" role="alert">{ message }</p>
            }
            if let Some(message) = label_hint {
                <p id={LABEL_HINT_ID} class="hint label-hint" data-testid="label-hint">
                    <strong>{ LABEL_HINT_LEAD }</strong>{ message }
                </p>
            }
            if let Some(message) = units_error {
                <p id={UNITS_ERROR_ID} class="field-error" role="alert">{ message }</p>
            }
            <p class="hint">{ explanation }</p>
            <button type="submit" class="primary" data-testid="add-supplement">{ "Add dose" }</button>
            <p class="visually-hidden" role="status">{ (*added).clone() }</p>
        </form>
    }
}
