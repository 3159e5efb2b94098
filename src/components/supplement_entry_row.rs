//! One supplement dose in the day: its elemental magnesium, what it is, the assumption behind
//! the number, its amount and time editable in place, and a button to remove it.

use yew::prelude::*;

use crate::components::form_kit::FormState;
use crate::components::{
    NumberField, NumberText, TimeField, TimeText, escaped, number_field, time_error_message,
    time_field,
};
use crate::domain::decimal_text::plain;
use crate::domain::input::parse_decimal;
use crate::domain::plan::{
    CheckedDose, DoseInput, EntryId, Plan, SupplementDose, TimeOfDay, mg_text,
};
use crate::domain::plan_book::PlanId;
use crate::domain::supplements::{DoseBasis, DoseError, parse_amount_mg};
use crate::state::{Action, PlannerContext};

/// What one row's fields hold as typed; a row nothing was typed in has none, and shows what is
/// saved.
#[derive(Clone, PartialEq)]
struct Typed {
    /// The row's dose.
    id: EntryId,
    /// The amount as typed, why it is refused if it is, and the saved amount it was typed over.
    /// Once the saved amount changes to one the text does not say (another tab changed it), the
    /// field shows the saved amount again ([`DoseRows::after_render`]).
    amount: Option<(NumberText, Option<String>, f64)>,
    /// What was typed in the time field, with the saved time it was typed over. Once the saved
    /// time changes (the typed time was saved, or another tab changed it) the field shows the
    /// saved time again; until then it keeps what was typed, even what cannot be read.
    time: Option<(Option<TimeOfDay>, TimeText)>,
}

/// What the rows of the day's doses hold as typed: the plan on screen and a [`Typed`] for each
/// row typed in, as each row's own state did when the rows were components.
#[derive(Clone, Default, PartialEq)]
pub struct Rows {
    /// The plan the rows were typed in.
    plan: PlanId,
    /// The rows typed in.
    typed: Vec<Typed>,
}

/// What the rows of the day's doses hold, kept by whatever shows them
/// ([`use_form_state`](crate::components::use_form_state)), which calls
/// [`DoseRows::after_render`] after each render.
pub type DoseRows = FormState<Rows>;

impl DoseRows {
    /// After each render, with whether the rows are on screen and the plan on screen: what was
    /// typed goes with its row, as a row's own state went when it left the page (the column
    /// gone, another plan shown, the dose removed); an amount changed elsewhere replaces the text
    /// unless the text already says it (so "2.50" is not rewritten to "2.5").
    pub fn after_render(&self, shown: bool, plan: PlanId, doses: &Plan) {
        let rows = self.handle();
        if !shown || rows.plan != plan {
            self.forget();
            return;
        }
        let mut next = Vec::with_capacity(rows.typed.len());
        for row in &rows.typed {
            let Some(dose) = doses.doses.iter().find(|d| d.id == row.id) else {
                continue;
            };
            let saved = typed_amount(&dose.input);
            let mut row = row.clone();
            if let Some((text, _, over)) = &mut row.amount
                && *over != saved
            {
                if parse_decimal(&text.text).ok() == Some(saved) {
                    *over = saved;
                } else {
                    row.amount = None;
                }
            }
            next.push(row);
        }
        if next != rows.typed {
            rows.set(Rows { plan, typed: next });
        }
    }
}

/// What the row's field edits: a product's servings, or any other dose's mg per capsule.
fn typed_amount(input: &DoseInput) -> f64 {
    match input.basis {
        DoseBasis::Servings => input.units,
        _ => input.amount_mg,
    }
}

/// The rows as the next change starts from them, afresh in a plan other than theirs, and where
/// in them the dose's row is, added with nothing typed when it had no row.
fn row_of(rows: &Rows, plan: PlanId, id: EntryId) -> (Rows, usize) {
    let mut next = if rows.plan == plan {
        rows.clone()
    } else {
        Rows {
            plan,
            typed: Vec::new(),
        }
    };
    let at = match next.typed.iter().position(|row| row.id == id) {
        Some(at) => at,
        None => {
            next.typed.push(Typed {
                id,
                amount: None,
                time: None,
            });
            next.typed.len() - 1
        }
    };
    (next, at)
}

/// A `supplement-entry`: one dose of the plan on screen.
///
/// A plain function rather than a component (each component costs the wasm Yew's
/// per-component code): what its fields hold as typed is kept in `rows`.
pub fn supplement_entry_row(
    state: &PlannerContext,
    dose: &SupplementDose,
    rows: &DoseRows,
) -> Html {
    let rows = rows.handle();
    let plan = state.book.current;
    let saved = typed_amount(&dose.input);
    let typed = rows
        .typed
        .iter()
        .find(|row| rows.plan == plan && row.id == dose.id);
    // The amount as typed while it still stands for the saved one (see `DoseRows::after_render`).
    let (amount_text, amount_error) = match typed.and_then(|row| row.amount.as_ref()) {
        Some((text, error, over))
            if *over == saved || parse_decimal(&text.text).ok() == Some(saved) =>
        {
            (text.clone(), error.clone())
        }
        _ => (NumberText::new(plain(saved)), None),
    };
    let time_text = match typed.and_then(|row| row.time.as_ref()) {
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
        let (state, rows) = (state.clone(), rows.clone());
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
            // The text stands for the amount saved now: the one it gave, or the one it could not
            // replace.
            let (amount_error, over) = match edited {
                Ok(dose) => {
                    let over = typed_amount(dose.input());
                    state.dispatch(Action::EditDose { id, dose });
                    (None, over)
                }
                Err(reason) => (Some(reason.to_string()), saved),
            };
            let (mut next, at) = row_of(&rows, plan, id);
            next.typed[at].amount = Some((amount_text, amount_error, over));
            rows.set(next);
        })
    };
    let on_time = {
        let (state, rows, id, saved) = (state.clone(), rows.clone(), dose.id, dose.input.time);
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
            let (mut next, at) = row_of(&rows, plan, id);
            next.typed[at].time = Some((saved, text));
            rows.set(next);
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
        value: amount_text,
        error: amount_error.map(AttrValue::from),
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
        <li key={format!("{plan}-{}", dose.id)} class="plan-entry supplement-entry" data-testid="supplement-entry">
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
