//! The form kit: the few field components every form is built from, so that each kind of field
//! looks, reads and refuses bad input the same way everywhere, and its markup is in the wasm
//! once. A number field ([`number_field`]), a text field ([`text_field`]) and a choice field
//! ([`choice_field`], over the domain's [`crate::domain::choice::Choice`]); the clock-time field is
//! [`crate::components::time_field`].
//!
//! Plain functions rather than Yew components, like the time field: a component adds a few
//! kilobytes of wasm, and these need no state of their own (what a field holds lives in the
//! form that owns it).

mod choice_field;
mod form_state;
mod number_field;
mod text_field;
mod written_form;

pub use choice_field::{
    ChoiceField, ChoiceLabel, SelectField, SelectOption, choice_field, select_field,
};
pub use form_state::{FormState, use_form_state};
pub use number_field::{NumberField, NumberParts, NumberText, amount_refusal, number_field};
pub use text_field::{TextField, text_field, text_refusal};
pub use written_form::{
    Control, Written, chosen, form_of, set_text, show_refusal, ticked, typed_number, typed_text,
    write_fields,
};
