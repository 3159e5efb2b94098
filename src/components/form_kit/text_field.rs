//! A text field: label, `<input type="text">`, and the refusal message that marks it
//! `aria-invalid` and is announced with `role="alert"`. What is typed is kept as typed; the form
//! cleans it when it reads it.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::library::TextError;

/// What a text field needs.
pub struct TextField {
    /// The input's id, which its label names; the refusal's id derives from it.
    pub id: &'static str,
    /// Whether the input carries `data-testid` equal to its id (the UI contract's hooks).
    pub tested: bool,
    /// The label.
    pub label: AttrValue,
    /// What it holds, as typed.
    pub value: String,
    /// An example shown while the field is empty.
    pub placeholder: Option<AttrValue>,
    /// Why what it holds is refused, if it is.
    pub error: Option<String>,
    /// Called on every keystroke with what the field now holds.
    pub on_input: Callback<String>,
}

/// Builds a text field, its refusal under it.
pub fn text_field(field: TextField) -> Html {
    let error_id = format!("{}-error", field.id);
    let oninput = field.on_input.reform(|event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        input.value()
    });
    html! {
        <div class="field">
            <label for={field.id}>{ field.label }</label>
            <input
                id={field.id}
                data-testid={field.tested.then_some(field.id)}
                type="text"
                autocomplete="off"
                placeholder={field.placeholder}
                value={field.value}
                aria-invalid={field.error.is_some().to_string()}
                aria-describedby={field.error.as_ref().map(|_| error_id.clone())}
                {oninput}
            />
            if let Some(message) = field.error {
                <p id={error_id} class="field-error" role="alert">{ message }</p>
            }
        </div>
    }
}

/// Why typed text was refused, in words; `empty` is what to say when nothing was typed.
pub fn text_refusal(error: TextError, empty: &str) -> String {
    match error {
        TextError::Empty => empty.to_owned(),
        TextError::TooLong { max_chars } => format!("Keep it to {max_chars} characters."),
    }
}
