//! A number field: label, `<input type="number">`, an optional unit, an optional hint, and the
//! refusal message that marks it `aria-invalid` and is announced with `role="alert"`.
//!
//! It never rewrites what the person is typing. A number field whose text the browser cannot
//! read ("1e" on the way to "1e9", "12abc" in Firefox) reports an empty `value` and
//! `validity.badInput`; [`NumberText`] keeps that empty value, so the field is rendered with the
//! very value the browser reports and Yew, which writes `value` whenever the two differ, leaves
//! the typed text alone. The form shows why it cannot use the text instead.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::decimal_text::plain;
use crate::domain::library::AmountError;

/// What a number field holds, as the browser reports it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NumberText {
    /// The field's `value`: what was typed, or empty when `unreadable`.
    pub text: String,
    /// The browser holds text it cannot read as a number; `text` is then empty, while the typed
    /// text stays on screen.
    pub unreadable: bool,
}

impl NumberText {
    /// A field holding `text`, as a form starts or resets it.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            unreadable: false,
        }
    }

    /// Reads the text with `parse`, or gives `unreadable` when the browser could not read it.
    pub fn read<T, E>(
        &self,
        parse: impl FnOnce(&str) -> Result<T, E>,
        unreadable: E,
    ) -> Result<T, E> {
        if self.unreadable {
            Err(unreadable)
        } else {
            parse(&self.text)
        }
    }
}

/// What a number field needs.
#[derive(Clone, PartialEq)]
pub struct NumberField {
    /// The input's id, which its label names; the ids of its refusal and hint derive from it.
    pub id: AttrValue,
    /// Whether the input carries `data-testid` equal to its id (the UI contract's hooks).
    pub tested: bool,
    /// The label, visible unless `hide_label`.
    pub label: AttrValue,
    /// Keeps the label for screen readers only, where the row around the field says what it is.
    pub hide_label: bool,
    /// Rendered without the `.field` box, for a field inside a row of other controls.
    pub bare: bool,
    /// The unit shown after the number ("mg", "mg/L"), if the label does not already say it.
    pub unit: Option<AttrValue>,
    /// A note under the field that the input names as its description.
    pub hint: Option<AttrValue>,
    /// Ids of other elements that describe the field (a hint elsewhere in the form).
    pub described_by: Option<AttrValue>,
    /// What it holds.
    pub value: NumberText,
    /// Why what it holds is refused, if it is: the field is then `aria-invalid` and names the
    /// message, which [`NumberParts::refusal`] shows.
    pub error: Option<AttrValue>,
    /// Whole numbers only (a rating): a numeric keypad and steps of 1 instead of decimals.
    pub whole: bool,
    /// The largest value the browser's spinner offers, if there is one.
    pub max: Option<AttrValue>,
    /// An example shown while the field is empty.
    pub placeholder: Option<AttrValue>,
    /// Called on every keystroke with what the field now holds.
    pub on_input: Callback<NumberText>,
}

/// A number field, and its refusal message for the form to place where it reads best (under
/// the row of fields it belongs to, rather than squeezed into one narrow column).
pub struct NumberParts {
    /// The label, input, unit and hint.
    pub field: Html,
    /// The `role="alert"` message with the reason, or nothing.
    pub refusal: Html,
}

/// Builds a number field.
pub fn number_field(field: NumberField) -> NumberParts {
    let error_id = format!("{}-error", field.id);
    let hint_id = format!("{}-hint", field.id);
    let unit_id = format!("{}-unit", field.id);
    // Joined by a plain loop rather than an adapter chain, which the wasm would hold a copy of.
    let mut described_by = String::new();
    for id in [
        field.error.as_ref().map(|_| error_id.as_str()),
        field.hint.as_ref().map(|_| hint_id.as_str()),
        field.unit.as_ref().map(|_| unit_id.as_str()),
        field.described_by.as_deref(),
    ]
    .into_iter()
    .flatten()
    {
        if !described_by.is_empty() {
            described_by.push(' ');
        }
        described_by.push_str(id);
    }
    let described_by = (!described_by.is_empty()).then_some(described_by);
    let oninput = field.on_input.reform(|event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        NumberText {
            unreadable: input.validity().bad_input(),
            text: input.value(),
        }
    });
    let input = html! {
        <input
            id={field.id.clone()}
            data-testid={field.tested.then(|| field.id.clone())}
            type="number"
            autocomplete="off"
            inputmode={if field.whole { "numeric" } else { "decimal" }}
            min="0"
            max={field.max}
            step={if field.whole { "1" } else { "any" }}
            placeholder={field.placeholder}
            value={field.value.text}
            aria-invalid={field.error.is_some().to_string()}
            aria-describedby={described_by}
            {oninput}
        />
    };
    let contents = html! {
        <>
            <label for={field.id.clone()} class={field.hide_label.then_some("visually-hidden")}>
                { field.label }
            </label>
            if let Some(unit) = field.unit {
                <span class="with-unit">{ input }<span id={unit_id} class="unit">{ unit }</span></span>
            } else {
                { input }
            }
            if let Some(hint) = field.hint {
                <p id={hint_id} class="hint">{ hint }</p>
            }
        </>
    };
    NumberParts {
        field: if field.bare {
            contents
        } else {
            html! { <div class="field">{ contents }</div> }
        },
        refusal: match field.error {
            Some(message) => html! {
                <p id={error_id} class="field-error" role="alert">{ message }</p>
            },
            None => Html::default(),
        },
    }
}

/// Why an amount was refused, in words for the refusal message; `unit` follows the largest
/// amount accepted ("mg/L"), or nothing when the field's own unit varies.
pub fn amount_refusal(error: AmountError, unit: &str) -> String {
    match error {
        AmountError::Empty => "Enter a number.".to_owned(),
        AmountError::NotANumber => "Type a number, such as 1.5.".to_owned(),
        AmountError::TooSmall { zero_allowed: true } => "Enter 0 or more.".to_owned(),
        AmountError::TooSmall {
            zero_allowed: false,
        } => "Enter more than 0.".to_owned(),
        AmountError::TooLarge { max } => {
            let unit = if unit.is_empty() {
                String::new()
            } else {
                format!(" {unit}")
            };
            format!("That is more than {}{unit}: check the figure.", plain(max))
        }
    }
}
