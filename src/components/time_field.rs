//! A clock-time field (`<input type="time">`, `HH:MM`) with its label and, when what it holds
//! cannot be used, the reason beside it; shared by the dose form, the dose rows and the
//! medicines form. A plain function rather than a component, because every Yew component adds
//! a few kilobytes of wasm and this one needs no state of its own.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::clock::{ClockTime, ClockTimeError};

/// What a time field holds, as the browser reports it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimeText {
    /// The field's value: `HH:MM`, or empty. Browsers without a time picker show a text field,
    /// so it can also be anything typed.
    pub text: String,
    /// The browser holds a time it cannot read yet (hours without minutes); `text` is then
    /// empty.
    pub incomplete: bool,
}

impl TimeText {
    /// The time, `None` when the field is empty, or why it cannot be read.
    pub fn parse(&self) -> Result<Option<ClockTime>, ClockTimeError> {
        if self.incomplete {
            Err(ClockTimeError::Incomplete)
        } else {
            ClockTime::parse_optional(&self.text)
        }
    }
}

/// Why a time cannot be used, in words.
pub fn time_error_message(error: ClockTimeError) -> &'static str {
    match error {
        ClockTimeError::Empty => "Enter the time, for example 08:00.",
        ClockTimeError::Incomplete => "Enter both the hours and the minutes, for example 08:00.",
        ClockTimeError::NotATime => {
            "Enter the time as hours and minutes on the 24-hour clock, for example 08:00 or 21:30."
        }
        ClockTimeError::OutOfRange => {
            "That is not a time of day: hours go from 00 to 23 and minutes from 00 to 59."
        }
    }
}

/// What a time field needs.
#[derive(Clone, PartialEq)]
pub struct TimeField {
    /// The input's id, which its label names.
    pub id: AttrValue,
    /// Its `data-testid`, if it has one.
    pub test_id: Option<AttrValue>,
    /// The label, visible unless `hide_label`.
    pub label: AttrValue,
    /// Keeps the label for screen readers only, where the row around the field says what it is.
    pub hide_label: bool,
    /// What it holds.
    pub value: TimeText,
    /// Why what it holds cannot be used, if it cannot; shown beside it as an alert.
    pub error: Option<AttrValue>,
    /// Called on every change with what it now holds.
    pub on_change: Callback<TimeText>,
}

/// A labelled `<input type="time">` with its error.
pub fn time_field(field: TimeField) -> Html {
    let error_id = format!("{}-error", field.id);
    let oninput = {
        let on_change = field.on_change.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_change.emit(TimeText {
                incomplete: input.validity().bad_input(),
                text: input.value(),
            });
        })
    };
    html! {
        <div class="field">
            <label
                for={field.id.clone()}
                class={field.hide_label.then_some("visually-hidden")}
            >
                { field.label.clone() }
            </label>
            <input
                id={field.id.clone()}
                data-testid={field.test_id.clone()}
                type="time"
                value={field.value.text.clone()}
                aria-invalid={field.error.is_some().to_string()}
                aria-describedby={field.error.is_some().then(|| error_id.clone())}
                {oninput}
            />
            if let Some(message) = field.error.clone() {
                <p id={error_id} class="field-error" role="alert">{ message }</p>
            }
        </div>
    }
}
