//! A choice field: a labelled `<select>` listing every choice of a
//! [`crate::domain::choice::Choice`] enum, in its order, with its words; and the same select
//! over a list that is not an enum (a food's portions, the supplement forms).

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::domain::Authority;
use crate::domain::catalog::SortOrder;
use crate::domain::choice::Choice;
use crate::domain::plan::Meal;
use crate::domain::profile::{Sex, Stage};

/// A choice as a person reads it. The values come from [`Choice`]; the words live with the
/// components (some enums still carry theirs in the domain, and these impls name those).
pub trait ChoiceLabel: Choice {
    /// The option's text.
    fn label(self) -> AttrValue;
}

/// Choices whose words the domain already holds as an inherent `label`.
macro_rules! labelled_in_domain {
    ($($choice:ty),*) => {
        $(impl ChoiceLabel for $choice {
            fn label(self) -> AttrValue {
                AttrValue::Static(<$choice>::label(self))
            }
        })*
    };
}

labelled_in_domain!(Meal, Sex, Stage, Authority, SortOrder);

/// What a choice field needs.
#[derive(Clone, PartialEq)]
pub struct ChoiceField<C: ChoiceLabel> {
    /// The select's id, which its label names.
    pub id: &'static str,
    /// Whether the select carries `data-testid` equal to its id (the UI contract's hooks).
    pub tested: bool,
    /// The label.
    pub label: AttrValue,
    /// The choice shown as selected.
    pub selected: C,
    /// Choices listed but not offered now (greyed out).
    pub disabled: &'static [C],
    /// Whether the form refuses what the select says (the reason elsewhere, named by
    /// `described_by`).
    pub invalid: bool,
    /// Ids of the elements that describe the select.
    pub described_by: Option<AttrValue>,
    /// Called with the choice picked; values the page never offered are ignored.
    pub on_change: Callback<C>,
}

/// Builds a choice field.
pub fn choice_field<C: ChoiceLabel>(field: ChoiceField<C>) -> Html {
    // A plain loop rather than an adapter chain, which the wasm would hold a copy of for each
    // kind of choice.
    let mut options = Vec::with_capacity(C::ALL.len());
    for &choice in C::ALL {
        options.push(SelectOption {
            value: AttrValue::Static(choice.value()),
            label: choice.label(),
            selected: choice == field.selected,
            disabled: field.disabled.contains(&choice),
        });
    }
    let on_change = field.on_change;
    select_field(
        SelectField {
            id: field.id,
            tested: field.tested,
            label: field.label,
            invalid: field.invalid,
            described_by: field.described_by,
        },
        options,
        Callback::from(move |value: String| {
            if let Some(choice) = C::from_value(&value) {
                on_change.emit(choice);
            }
        }),
    )
}

/// One `<option>` of a [`select_field`].
pub struct SelectOption {
    /// Its value, which the change callback receives.
    pub value: AttrValue,
    /// Its text.
    pub label: AttrValue,
    /// Whether it is the one shown.
    pub selected: bool,
    /// Listed but not offered now (greyed out).
    pub disabled: bool,
}

/// What a [`select_field`] needs besides its options; as [`ChoiceField`].
pub struct SelectField {
    /// The select's id, which its label names.
    pub id: &'static str,
    /// Whether the select carries `data-testid` equal to its id.
    pub tested: bool,
    /// The label.
    pub label: AttrValue,
    /// Whether the form refuses what the select says.
    pub invalid: bool,
    /// Ids of the elements that describe the select.
    pub described_by: Option<AttrValue>,
}

/// A labelled `<select>` over any list; `on_change` receives the chosen option's value. The
/// choice field builds on it, so the markup is in the wasm once rather than once per enum.
pub fn select_field(
    field: SelectField,
    options: Vec<SelectOption>,
    on_change: Callback<String>,
) -> Html {
    let onchange = on_change.reform(|event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        select.value()
    });
    html! {
        <div class="field">
            <label for={field.id}>{ field.label }</label>
            <select
                id={field.id}
                data-testid={field.tested.then_some(field.id)}
                aria-invalid={field.invalid.to_string()}
                aria-describedby={field.described_by}
                {onchange}
            >
                { for options.into_iter().map(|option| html! {
                    <option value={option.value} selected={option.selected} disabled={option.disabled}>
                        { option.label }
                    </option>
                }) }
            </select>
        </div>
    }
}
