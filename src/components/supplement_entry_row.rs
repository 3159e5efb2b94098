//! One supplement dose in the day: its elemental magnesium, what it is, the assumption behind
//! the number, its amount and time editable in place, and a button to remove it.

use yew::prelude::*;

use crate::components::{
    NumberField, NumberText, TimeField, TimeText, escaped, number_field, time_error_message,
    time_field,
};
use crate::domain::decimal_text::plain;
use crate::domain::plan::{CheckedDose, DoseInput, SupplementDose, TimeOfDay, mg_text};
use crate::domain::supplements::{DoseBasis, DoseError, parse_amount_mg};
use crate::state::{Action, use_planner};

/// What a row needs.
#[derive(Clone, PartialEq, Properties)]
pub struct SupplementEntryRowProps {
    /// The dose.
    pub dose: SupplementDose,
}

/// What the row's fields hold as typed, in one state rather than a `use_state` each (each costs
/// the wasm its hook code).
#[derive(Clone, PartialEq)]
struct Typed {
    amount_text: NumberText,
    /// Why the amount typed is refused, if it is.
    amount_error: Option<String>,
    /// What was typed in the time field, with the saved time it was typed over. Once the saved
    /// time changes (the typed time was saved, or another tab changed it) the field shows the
    /// saved time again; until then it keeps what was typed, even what cannot be read.
    time: Option<(Option<TimeOfDay>, TimeText)>,
}

/// What the row's field edits: a product's servings, or any other dose's mg per capsule.
fn typed_amount(input: &DoseInput) -> f64 {
    match input.basis {
        DoseBasis::Servings => input.units,
        _ => input.amount_mg,
    }
}

/// A `supplement-entry`.
#[function_component(SupplementEntryRow)]
pub fn supplement_entry_row(props: &SupplementEntryRowProps) -> Html {
    let state = use_planner();
    let dose = &props.dose;
    let typed = use_state(|| Typed {
        amount_text: NumberText::new(plain(typed_amount(&dose.input))),
        amount_error: None,
        time: None,
    });
    // See PlanEntryRow: an amount changed elsewhere replaces the text.
    {
        let typed = typed.clone();
        use_effect_with(typed_amount(&dose.input), move |&amount_mg| {
            if crate::domain::input::parse_decimal(&typed.amount_text.text).ok() != Some(amount_mg)
            {
                typed.set(Typed {
                    amount_text: NumberText::new(plain(amount_mg)),
                    amount_error: None,
                    ..(*typed).clone()
                });
            }
        });
    }
    let time_text = match &typed.time {
        Some((over, text)) if *over == dose.input.time => text.clone(),
        _ => TimeText {
            text: dose
                .input
                .time
                .and_then(TimeOfDay::clock)
                .map(|t| t.to_string())
                .unwrap_or_default(),
            incomplete: false,
        },
    };
    let name = dose.input.name().to_owned();
    let servings = dose.input.basis == DoseBasis::Servings;
    let units = if servings { 1.0 } else { dose.input.units };
    let basis_words = match dose.input.basis {
        DoseBasis::Elemental => "mg elemental",
        DoseBasis::Compound => "mg of the salt",
        DoseBasis::Servings => "servings",
    };

    let on_amount = {
        let (state, typed) = (state.clone(), typed.clone());
        let (id, input) = (dose.id, dose.input.clone());
        Callback::from(move |amount_text: NumberText| {
            let edited = amount_text
                .read(parse_amount_mg, DoseError::NotANumber)
                .and_then(|amount| {
                    let mut edited = input.clone();
                    match edited.basis {
                        DoseBasis::Servings => edited.units = amount,
                        _ => edited.amount_mg = amount,
                    }
                    CheckedDose::new(edited)
                });
            let amount_error = match edited {
                Ok(dose) => {
                    state.dispatch(Action::EditDose { id, dose });
                    None
                }
                Err(reason) => Some(reason.to_string()),
            };
            typed.set(Typed {
                amount_text,
                amount_error,
                ..(*typed).clone()
            });
        })
    };
    let on_time = {
        let (state, typed, id, saved) = (state.clone(), typed.clone(), dose.id, dose.input.time);
        Callback::from(move |text: TimeText| {
            match text.parse() {
                Ok(Some(time)) => state.dispatch(Action::SetDoseTime {
                    id,
                    time: Some(TimeOfDay::At(time)),
                }),
                // Emptying the field clears a clock time; a part of the day saved by an earlier
                // version, which the field never showed, stays.
                Ok(None) if saved.and_then(TimeOfDay::clock).is_some() => {
                    state.dispatch(Action::SetDoseTime { id, time: None });
                }
                Ok(None) | Err(_) => {}
            }
            typed.set(Typed {
                time: Some((saved, text)),
                ..(*typed).clone()
            });
        })
    };
    let time_error = time_text
        .parse()
        .err()
        .map(|e| AttrValue::from(time_error_message(e)));
    let on_remove = {
        let (state, id) = (state.clone(), dose.id);
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::RemoveDose(id));
            // The focused button is about to go; see PlanEntryRow.
            super::plan_entry_row::focus_by_id("doses-heading");
        })
    };

    let amount = number_field(NumberField {
        id: format!("dose-{}-amount", dose.id).into(),
        tested: false,
        label: format!("Amount of {name} in {basis_words}").into(),
        hide_label: true,
        bare: true,
        unit: None,
        hint: None,
        described_by: None,
        value: typed.amount_text.clone(),
        error: typed.amount_error.clone().map(AttrValue::from),
        whole: false,
        max: None,
        placeholder: None,
        on_input: on_amount,
    });

    // The read-only parts are written as HTML text, as History's chart is: an element built
    // through `html!` costs the wasm more than its markup. A product's name is the person's own
    // text and the assumption the domain's, so both are escaped.
    let mut about = format!(r#"<span class="entry-name">{}"#, escaped(&name));
    if let Some(time) = dose.input.time {
        about.push_str(r#"<span class="hint"> · "#);
        about.push_str(&time.label());
        about.push_str("</span>");
    }
    about.push_str(r#"</span><span class="entry-mg">"#);
    about.push_str(&mg_text(dose.elemental_mg));
    about.push_str("</span>");
    let units = if units == 1.0 {
        String::new()
    } else {
        format!("<span>{} ×</span>", plain(units))
    };
    let assumption = format!(
        r#"<p class="hint assumption">Counted as {}: {}</p>"#,
        mg_text(dose.elemental_mg),
        escaped(&dose.assumption)
    );

    html! {
        <li class="plan-entry supplement-entry" data-testid="supplement-entry">
            { Html::from_html_unchecked(about.into()) }
            <span class="entry-amount">
                { Html::from_html_unchecked(units.into()) }
                { amount.field }
                { Html::from_html_unchecked(format!("<span>{basis_words}</span>").into()) }
            </span>
            <span class="entry-time">
                { time_field(TimeField {
                    id: format!("dose-{}-time", dose.id).into(),
                    test_id: Some("dose-time".into()),
                    label: format!("Time {name} is taken").into(),
                    hide_label: true,
                    value: time_text,
                    error: time_error,
                    on_change: on_time,
                }) }
            </span>
            <button
                type="button"
                class="remove"
                aria-label={format!("Remove {name}")}
                onclick={on_remove}
            >
                { "Remove" }
            </button>
            { Html::from_html_unchecked(assumption.into()) }
            { amount.refusal }
        </li>
    }
}
