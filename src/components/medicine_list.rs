//! "Your medicines": the medicines the person takes, by group, with the time of day they take
//! each; kept with the profile. Beside them: what each group's rule is, what to ask the doctor
//! for the groups without one, and the warnings about the day's doses
//! ([`super::interaction_warnings`]).

use yew::prelude::*;

use crate::components::form_kit::FormState;

use super::interaction_warnings::interaction_warnings;
use crate::components::medicine_text::{
    SOURCES_AND_PHARMACIST, advice, effect, group_label, rule_source, rule_words, source_name,
};
use crate::components::{
    ChoiceField, TimeField, TimeText, choice_field, escaped, time_error_message, time_field,
};
use crate::domain::choice::Choice;
use crate::domain::clock::ClockTimeError;
use crate::domain::medicines::{
    MAX_MEDICINES, Medicine, MedicineError, MedicineGroup, Rule, add_medicine,
};
use crate::state::{Action, PlannerContext};

const SELECT_ERROR_ID: &str = "medicine-select-error";

/// Why the form's medicine cannot be added yet.
#[derive(Clone, Copy)]
enum Problem {
    /// The time field holds something that is not a time.
    Time(ClockTimeError),
    /// The medicine needs a time.
    Medicine(MedicineError),
}

/// Why a medicine was not added, in words.
fn medicine_error_message(error: MedicineError) -> String {
    match error {
        MedicineError::TimeNeeded => {
            "Enter the time you take it: the timing rule is counted from it.".to_owned()
        }
        MedicineError::AlreadyListed => {
            "That medicine is already in your list at that time.".to_owned()
        }
        MedicineError::TooMany => format!("The list holds at most {MAX_MEDICINES} medicines."),
    }
}

/// One listed medicine: its name, time, and its rule or what happens; with a remove button when
/// `on_remove` is given (the doctor's summary lists medicines without one).
pub(super) fn entry(medicine: Medicine, on_remove: Option<Callback<Medicine>>) -> Html {
    let name = group_label(medicine.group);
    let time = medicine
        .time
        .map_or_else(|| "no time given".to_owned(), |t| t.to_string());
    let detail = match medicine.group.rule().rule {
        Rule::Separate(rule) => format!(
            "{} To keep them apart, {} ({}).",
            effect(medicine.group),
            rule_words(medicine.group, rule),
            rule_source(medicine.group)
        ),
        // What to ask the doctor is said once per group, below the list.
        Rule::Advice(_) => effect(medicine.group).to_owned(),
    };
    // The name, time and rule are read-only: written as HTML text, as History's chart is,
    // which costs the wasm less than `html!` trees; the planner's own words and a clock time.
    let about = format!(
        r#"<span class="entry-name">{}<span class="hint"> · {}</span></span>"#,
        escaped(&name),
        escaped(&time)
    );
    let detail = format!(r#"<p class="hint assumption">{}</p>"#, escaped(&detail));
    html! {
        <li class="plan-entry medicine-entry" data-testid="medicine-entry">
            { Html::from_html_unchecked(about.into()) }
            if let Some(on_remove) = on_remove {
                <button
                    type="button"
                    class="remove"
                    data-testid="remove-medicine"
                    aria-label={format!("Remove {name} at {time}")}
                    onclick={Callback::from(move |_: MouseEvent| on_remove.emit(medicine))}
                >
                    { "Remove" }
                </button>
            }
            { Html::from_html_unchecked(detail.into()) }
        </li>
    }
}

/// What to ask the doctor, once for each listed group that has advice rather than a timing rule;
/// read-only, so written as HTML text like [`entry`]'s name and rule, in one piece for all groups.
pub(super) fn medicine_advice(medicines: &[Medicine]) -> Html {
    use std::fmt::Write;
    let mut text = String::new();
    for (at, medicine) in medicines.iter().enumerate() {
        let group = medicine.group;
        // Said once, for the first medicine of its group.
        let said = medicines[..at].iter().any(|earlier| earlier.group == group);
        if let (false, Rule::Advice(what)) = (said, group.rule().rule) {
            let _ = write!(
                text,
                r#"<p class="advice" data-testid="medicine-advice"><strong>{}: </strong>{} {} ({}.)</p>"#,
                escaped(&group_label(group)),
                escaped(effect(group)),
                escaped(advice(what)),
                escaped(source_name(group.rule().source))
            );
        }
    }
    Html::from_html_unchecked(text.into())
}

/// What the add-a-medicine form holds, in one state: each `use_state` of its own costs the wasm
/// its hook code.
#[derive(Clone, PartialEq)]
pub struct Draft {
    group: MedicineGroup,
    time_text: TimeText,
    /// Whether Add has been pressed since the medicine was chosen or last added: a missing time
    /// is an error only then.
    tried: bool,
    /// What the last Add added, for the status line.
    added: String,
}

/// What the add-a-medicine form holds, kept by whatever shows the form ([`use_form_state`](crate::components::use_form_state)).
pub type MedicineDraft = FormState<Draft>;

/// The person's medicines, the form that adds one, and what they mean for the day's doses.
///
/// A plain function rather than a component (each component costs the wasm Yew's
/// per-component code): the caller keeps `draft` ([`use_form_state`](crate::components::use_form_state)).
pub fn medicine_list(state: &PlannerContext, draft: &MedicineDraft) -> Html {
    let draft = draft.handle();
    let Draft {
        group,
        time_text,
        tried,
        added,
    } = &**draft;
    let medicines = &state.settings.medicines;

    let candidate = time_text
        .parse()
        .map_err(Problem::Time)
        .and_then(|time| Medicine::new(*group, time).map_err(Problem::Medicine));
    // The list's own rules, checked here to say so at once; the reducer checks them again.
    let refusal = candidate
        .ok()
        .and_then(|medicine| add_medicine(&mut medicines.clone(), medicine).err());
    let time_error = match candidate {
        Err(Problem::Time(error)) => Some(time_error_message(error).to_owned()),
        // A missing time is only an error once the person has tried to add without one.
        Err(Problem::Medicine(error)) if *tried => Some(medicine_error_message(error)),
        _ => None,
    };
    let list_error = if *tried { refusal } else { None }
        .or(state.medicine_error)
        .map(medicine_error_message);

    let on_group = {
        let draft = draft.clone();
        Callback::from(move |group: MedicineGroup| {
            draft.set(Draft {
                group,
                tried: false,
                ..(*draft).clone()
            });
        })
    };
    let on_time = {
        let draft = draft.clone();
        Callback::from(move |time_text: TimeText| {
            draft.set(Draft {
                time_text,
                added: String::new(),
                ..(*draft).clone()
            });
        })
    };
    let on_submit = {
        let (state, draft) = (state.clone(), draft.clone());
        let ready = match (candidate, refusal) {
            (Ok(medicine), None) => Some(medicine),
            _ => None,
        };
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            draft.set(match ready {
                Some(medicine) => {
                    state.dispatch(Action::AddMedicine(medicine));
                    Draft {
                        time_text: TimeText::default(),
                        tried: false,
                        added: format!("Added {}.", group_label(medicine.group)),
                        ..(*draft).clone()
                    }
                }
                None => Draft {
                    tried: true,
                    ..(*draft).clone()
                },
            });
        })
    };
    let on_remove = {
        let state = state.clone();
        Callback::from(move |medicine: Medicine| state.dispatch(Action::RemoveMedicine(medicine)))
    };

    let advice = medicine_advice(medicines);
    let time_label = if group.separation().is_some() {
        "Time you take it"
    } else {
        "Time you take it (optional)"
    };

    // The heading and the note under it never change: HTML text, as above.
    let intro = format!(
        r#"<h3 id="medicines-heading">Your medicines</h3><p class="hint">Magnesium can reduce how well some medicines are absorbed, and some medicines change how much magnesium the body keeps. List yours, with the time you take them, and every dose with a time is checked against them. {}</p>"#,
        escaped(SOURCES_AND_PHARMACIST)
    );

    html! {
        <section class="medicine-list" aria-labelledby="medicines-heading">
            { Html::from_html_unchecked(intro.into()) }
            { interaction_warnings(medicines, &state.plan().doses) }
            if !medicines.is_empty() {
                <ul class="entries">
                    { for medicines.iter().map(|&m| entry(m, Some(on_remove.clone()))) }
                </ul>
            }
            { advice }
            <form class="medicine-form" onsubmit={on_submit} aria-label="Add a medicine">
                <div class="dose-fields">
                    { choice_field(ChoiceField {
                        id: "medicine-select",
                        tested: true,
                        label: "Medicine".into(),
                        selected: *group,
                        disabled: &[],
                        invalid: list_error.is_some(),
                        described_by: list_error.is_some().then_some(SELECT_ERROR_ID.into()),
                        on_change: on_group,
                    }) }
                    { time_field(TimeField {
                        id: "medicine-time".into(),
                        test_id: Some("medicine-time".into()),
                        label: time_label.into(),
                        hide_label: false,
                        value: time_text.clone(),
                        error: time_error.map(AttrValue::from),
                        on_change: on_time,
                    }) }
                </div>
                if let Some(message) = list_error {
                    <p id={SELECT_ERROR_ID} class="field-error" role="alert">{ message }</p>
                }
                <button type="submit" class="primary" data-testid="add-medicine">{ "Add medicine" }</button>
                <p class="visually-hidden" role="status">{ added.clone() }</p>
            </form>
        </section>
    }
}

/// The add-a-medicine form as it starts.
impl Default for Draft {
    fn default() -> Self {
        Draft {
            group: MedicineGroup::ALL[0],
            time_text: TimeText::default(),
            tried: false,
            added: String::new(),
        }
    }
}
