//! Forms written as HTML text: the fields of a form whose fields need no state of their own
//! between keystrokes, written once as markup, read from the page when the form is sent, and
//! marked refused in place.
//!
//! Why: a form built with `html!` costs the wasm code for every element and attribute, and one
//! with a hook per field more (BENCHMARKS.md, "Size budgets"); the same form as text is a few
//! hundred bytes of data. The text stays the same from one render to the next, so Yew leaves
//! those elements alone and the browser keeps what the person typed, exactly as typed. The
//! page reads each field when the form is sent, and a refusal is written beside its field with
//! `aria-invalid` and `role="alert"`, as the other fields of the form kit do.

use std::fmt::Write;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::NumberText;
use crate::components::escaped;
use crate::domain::decimal_text::plain;

/// What kind of control a written field is.
pub enum Control<'a> {
    /// One line of text, with an example shown while it is empty.
    Text {
        /// The example.
        placeholder: &'a str,
    },
    /// A number, with its unit after it if the label does not say it.
    Number {
        /// The unit shown after the number.
        unit: Option<&'a str>,
        /// The largest value the browser's spinner offers.
        max: Option<f64>,
    },
    /// A choice of values, the first chosen at first: (value, words) each.
    Choice(&'a [(&'a str, &'a str)]),
    /// A box to tick.
    Check,
}

/// One field of a written form.
pub struct Written<'a> {
    /// The control's id, which its label names; its refusal's id is `{id}-error`.
    pub id: &'a str,
    /// Whether the control carries `data-testid` equal to its id (the UI contract's hooks).
    pub tested: bool,
    /// The label.
    pub label: &'a str,
    /// A note under the control, which it names as its description.
    pub hint: Option<&'a str>,
    /// The control.
    pub control: Control<'a>,
}

/// Appends the markup of `fields` to `out`: each a label, its control, its hint, and an empty,
/// hidden refusal that [`show_refusal`] fills and makes an alert. Labels, hints and choices are the planner's own words
/// and are escaped all the same.
pub fn write_fields(out: &mut String, fields: &[Written<'_>]) {
    for field in fields {
        let id = field.id;
        let tested = if field.tested {
            format!(r#" data-testid="{id}""#)
        } else {
            String::new()
        };
        let hint_id = field.hint.map_or(String::new(), |_| format!(" {id}-hint"));
        let described = format!(r#"aria-invalid="false" aria-describedby="{id}-error{hint_id}""#);
        let label = escaped(field.label);
        match &field.control {
            Control::Check => {
                let _ = write!(
                    out,
                    r#"<div class="field check-field"><label class="check"><input id="{id}"{tested} type="checkbox" {described}> {label}</label>"#
                );
            }
            Control::Choice(choices) => {
                let _ = write!(
                    out,
                    r#"<div class="field"><label for="{id}">{label}</label><select id="{id}"{tested} {described}>"#
                );
                for (value, words) in *choices {
                    let _ = write!(
                        out,
                        r#"<option value="{}">{}</option>"#,
                        escaped(value),
                        escaped(words)
                    );
                }
                out.push_str("</select>");
            }
            Control::Text { placeholder } => {
                let _ = write!(
                    out,
                    r#"<div class="field"><label for="{id}">{label}</label><input id="{id}"{tested} type="text" autocomplete="off" placeholder="{}" {described}>"#,
                    escaped(placeholder)
                );
            }
            Control::Number { unit, max } => {
                let max = max.map_or(String::new(), |max| format!(r#" max="{}""#, plain(max)));
                let input = format!(
                    r#"<input id="{id}"{tested} type="number" autocomplete="off" inputmode="decimal" min="0" step="any"{max} {described}>"#
                );
                let _ = write!(
                    out,
                    r#"<div class="field"><label for="{id}">{label}</label>"#
                );
                match unit {
                    Some(unit) => {
                        let _ = write!(
                            out,
                            r#"<span class="with-unit">{input}<span class="unit" aria-hidden="true">{}</span></span>"#,
                            escaped(unit)
                        );
                    }
                    None => out.push_str(&input),
                }
            }
        }
        if let Some(hint) = field.hint {
            let _ = write!(
                out,
                r#"<p id="{id}-hint" class="hint">{}</p>"#,
                escaped(hint)
            );
        }
        let _ = write!(
            out,
            r#"<p id="{id}-error" class="field-error" hidden></p></div>"#
        );
    }
}

/// The control `id` inside `form`. Looked up within the form, not the document, so that two
/// copies of a form (the browser tests mount the page more than once) never read each other.
fn element(form: &Element, id: &str) -> Option<Element> {
    form.query_selector(&format!("#{id}")).ok().flatten()
}

fn input(form: &Element, id: &str) -> Option<HtmlInputElement> {
    element(form, id).and_then(|e| e.dyn_into().ok())
}

/// The form an event happened in: the form itself, or the one its target is in.
pub fn form_of(event: &web_sys::Event) -> Option<Element> {
    event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| e.closest("form").ok().flatten())
}

/// What a written text field holds, as typed; empty when it is not in the form.
pub fn typed_text(form: &Element, id: &str) -> String {
    input(form, id).map(|i| i.value()).unwrap_or_default()
}

/// What a written number field holds, as the browser reports it (see [`NumberText`]).
pub fn typed_number(form: &Element, id: &str) -> NumberText {
    input(form, id)
        .map(|i| NumberText {
            unreadable: i.validity().bad_input(),
            text: i.value(),
        })
        .unwrap_or_default()
}

/// Whether a written box is ticked.
pub fn ticked(form: &Element, id: &str) -> bool {
    input(form, id).is_some_and(|i| i.checked())
}

/// The value chosen in a written choice; empty when it is not in the form.
pub fn chosen(form: &Element, id: &str) -> String {
    element(form, id)
        .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        .map(|select| select.value())
        .unwrap_or_default()
}

/// Puts `text` into a written text or number field, as choosing a kept item or starting afresh
/// does; a field the person is typing in is never written to otherwise.
pub fn set_text(form: &Element, id: &str, text: &str) {
    if let Some(input) = input(form, id) {
        input.set_value(text);
    }
}

/// Shows why a written field is refused beside it, marking it `aria-invalid`, or clears both.
pub fn show_refusal(form: &Element, id: &str, refusal: Option<&str>) {
    if let Some(control) = element(form, id) {
        let invalid = if refusal.is_some() { "true" } else { "false" };
        let _ = control.set_attribute("aria-invalid", invalid);
    }
    // The message is an alert only while it says something, so that the page holds no empty
    // alerts: a screen reader announces it as it becomes one.
    if let Some(message) = element(form, &format!("{id}-error")) {
        message.set_text_content(refusal);
        let _ = if refusal.is_some() {
            message
                .remove_attribute("hidden")
                .and_then(|()| message.set_attribute("role", "alert"))
        } else {
            message
                .remove_attribute("role")
                .and_then(|()| message.set_attribute("hidden", ""))
        };
    }
}
