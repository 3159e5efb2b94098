//! The form for adding a supplement dose: which form (and hydrate), how much, whether that is
//! elemental magnesium or the salt's weight, how many capsules, and at what time (optional; the
//! time is what a medicine's timing rule is checked against).

use yew::prelude::*;

use crate::components::form_kit::FormState;

use crate::components::{
    ChoiceField, ChoiceLabel, NumberField, NumberText, SelectField, SelectOption, TimeField,
    TimeText, choice_field, escaped, number_field, select_field, time_error_message, time_field,
};
use crate::domain::decimal_text::fixed;
use crate::domain::guidance::KIDNEY_WARNING;
use crate::domain::plan::{CheckedDose, DoseInput, TimeOfDay, mg_text};
use crate::domain::supplements::{
    DoseBasis, DoseError, FORMS, LabelHint, SaltVariant, form, label_check, parse_amount_mg,
};
use crate::state::{Action, PlannerContext};

const LABEL_HINT_ID: &str = "supplement-label-hint";

/// How a product's `supplement-form` option value starts; its id follows.
pub const PRODUCT_OPTION: &str = "product-";

/// The `supplement-basis` options' words.
impl ChoiceLabel for DoseBasis {
    fn label(self) -> AttrValue {
        AttrValue::Static(match self {
            DoseBasis::Elemental => "Elemental (as on label)",
            DoseBasis::Compound => "Weight of the salt",
            DoseBasis::Servings => "Servings of your product",
        })
    }
}

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

/// The options of a select of [`FORMS`], `chosen` selected, with room for `more` after them.
/// The dose form and the product form share it, and it is a plain loop rather than an adapter
/// chain: the wasm holds one copy.
pub(super) fn form_options(chosen: &str, more: usize) -> Vec<SelectOption> {
    let mut options = Vec::with_capacity(FORMS.len() + more);
    for f in FORMS {
        options.push(SelectOption {
            value: f.id.into(),
            label: f.name.into(),
            selected: f.id == chosen,
            disabled: false,
        });
    }
    options
}

/// The options of a "Which salt" select, `chosen` selected; as [`form_options`].
pub(super) fn variant_options(variants: &[SaltVariant], chosen: &str) -> Vec<SelectOption> {
    let mut options = Vec::with_capacity(variants.len());
    for v in variants {
        options.push(SelectOption {
            value: v.id.into(),
            label: v.description.into(),
            selected: v.id == chosen,
            disabled: false,
        });
    }
    options
}

/// Everything the form holds, in one state: each `use_state` of its own costs the wasm its hook
/// code, and the form has eight fields.
#[derive(Clone, PartialEq)]
pub struct Draft {
    form_id: String,
    variant_id: String,
    amount_text: NumberText,
    basis: DoseBasis,
    units_text: NumberText,
    time_text: TimeText,
    /// Whether Add has been pressed since the last dose was added: an empty amount is refused
    /// only then.
    tried: bool,
    /// What the last Add added, for the status line.
    added: String,
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            form_id: FORMS[0].id.to_owned(),
            variant_id: FORMS[0].default_variant().id.to_owned(),
            amount_text: NumberText::default(),
            basis: DoseBasis::Elemental,
            units_text: NumberText::new("1"),
            time_text: TimeText::default(),
            tried: false,
            added: String::new(),
        }
    }
}

/// A callback that changes the draft with `change`, given what the field sent. The draft it
/// starts from is the one on screen, which Yew renders again after every event.
fn edit<T: 'static>(draft: &UseStateHandle<Draft>, change: fn(&mut Draft, T)) -> Callback<T> {
    let draft = draft.clone();
    Callback::from(move |value: T| {
        let mut next = (*draft).clone();
        change(&mut next, value);
        draft.set(next);
    })
}

/// What the add-a-dose form holds, kept by whatever shows the form ([`use_form_state`](crate::components::use_form_state)).
pub type SupplementDraft = FormState<Draft>;

/// The add-a-dose form.
///
/// A plain function rather than a component (each component costs the wasm Yew's
/// per-component code): the caller keeps `draft` ([`use_form_state`](crate::components::use_form_state)).
pub fn supplement_picker(state: &PlannerContext, draft: &SupplementDraft) -> Html {
    let draft = draft.handle();
    let Draft {
        form_id,
        variant_id,
        amount_text,
        basis,
        units_text,
        time_text,
        tried,
        added,
    } = &**draft;

    // One of the person's products (`product-<id>`), while it is still kept.
    let product = form_id
        .strip_prefix(PRODUCT_OPTION)
        .and_then(|id| id.parse::<u32>().ok())
        .and_then(|id| state.settings.products.iter().find(|p| p.id == id));
    let chosen_form = form(form_id).unwrap_or(&FORMS[0]);
    let amount = amount_text.read(parse_amount_mg, DoseError::NotANumber);
    let units = units_text.read(parse_amount_mg, DoseError::NotANumber);
    // A hint, not a refusal: the field stays valid and the amount stays as typed.
    let chosen_variant = chosen_form
        .variant(variant_id)
        .unwrap_or(chosen_form.default_variant());
    let label_hint = amount
        .as_ref()
        .ok()
        .filter(|_| product.is_none())
        .and_then(|&amount_mg| {
            label_check(chosen_form, chosen_variant, amount_mg, *basis)
                .map(|hint| label_hint_text(amount_mg, hint))
        });
    let time = time_text.parse();
    let time_error = time.err().map(|e| AttrValue::from(time_error_message(e)));
    let input = match (&amount, &units, time, product) {
        (Ok(servings), _, Ok(time), Some(own)) => Some(DoseInput::of_product(
            &own.product,
            *servings,
            time.map(TimeOfDay::At),
        )),
        (Ok(amount_mg), Ok(units), Ok(time), None) => Some(DoseInput {
            product: None,
            form_id: chosen_form.id.to_owned(),
            variant_id: chosen_variant.id.to_owned(),
            basis: *basis,
            amount_mg: *amount_mg,
            units: *units,
            time: time.map(TimeOfDay::At),
        }),
        _ => None,
    };
    let converted = input.map(CheckedDose::new);
    // An empty amount is only an error once the person has tried to add it.
    let amount_error = match (&amount, &converted) {
        (Err(DoseError::Empty), _) if !tried => None,
        // Servings have words of their own; a dose too large keeps the mg it would be.
        (Err(_), _) | (Ok(_), Some(Err(DoseError::NotPositive))) if product.is_some() => {
            Some("Enter how many servings, more than 0, for example 1.".to_owned())
        }
        (Err(e), _) => Some(e.to_string()),
        (Ok(_), Some(Err(e))) => Some(e.to_string()),
        _ => None,
    };
    // A product's servings are the amount: it has no capsules field.
    let units_error = match units {
        _ if product.is_some() => None,
        Err(_) => Some("Enter how many capsules or tablets, for example 1 or 2."),
        Ok(units) if units <= 0.0 => Some("The number of capsules must be more than 0."),
        Ok(_) => None,
    };

    let on_form = edit(draft, |draft, id: String| {
        if let Some(chosen) = form(&id) {
            draft.variant_id = chosen.default_variant().id.to_owned();
            if draft.basis == DoseBasis::Servings {
                draft.basis = DoseBasis::Elemental;
            }
            draft.form_id = id;
        } else if id.starts_with(PRODUCT_OPTION) {
            // A product is counted in servings and nothing else.
            draft.basis = DoseBasis::Servings;
            draft.form_id = id;
        }
    });
    let on_variant = edit(draft, |draft, id| draft.variant_id = id);
    let on_amount = edit(draft, |draft, text| {
        draft.added.clear();
        draft.amount_text = text;
    });
    let on_basis = edit(draft, |draft, chosen| draft.basis = chosen);
    let on_units = edit(draft, |draft, text| draft.units_text = text);
    let on_time = edit(draft, |draft, text| draft.time_text = text);
    let on_submit = {
        let (state, draft) = (state.clone(), draft.clone());
        let ready = match (&converted, &units_error) {
            (Some(Ok(dose)), None) => Some(dose.clone()),
            _ => None,
        };
        let name: AttrValue = match product {
            Some(own) => own.product.name.clone().into(),
            None => chosen_form.name.into(),
        };
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let mut next = (*draft).clone();
            match ready.clone() {
                Some(dose) => {
                    let elemental_mg = dose.elemental().elemental_mg;
                    state.dispatch(Action::AddDose(dose));
                    next.added = format!("Added {} of {name}.", mg_text(elemental_mg));
                    next.amount_text = NumberText::default();
                    next.tried = false;
                }
                None => next.tried = true,
            }
            draft.set(next);
        })
    };

    let explanation = match &converted {
        Some(Ok(dose)) => format!(
            "= {} elemental magnesium ({})",
            mg_text(dose.elemental().elemental_mg),
            dose.elemental().assumption
        ),
        _ if product.is_some() => "Each serving counts every form in the product.".to_owned(),
        _ => match basis {
            DoseBasis::Elemental => {
                "Use the elemental amount on the label's Supplement Facts when you have it."
                    .to_owned()
            }
            DoseBasis::Compound | DoseBasis::Servings => {
                "The salt's weight is converted with its share of magnesium.".to_owned()
            }
        },
    };

    let amount = number_field(NumberField {
        id: "supplement-amount".into(),
        tested: true,
        label: if product.is_some() {
            "Servings"
        } else {
            "Amount in mg"
        }
        .into(),
        hide_label: false,
        bare: false,
        unit: None,
        hint: None,
        described_by: label_hint
            .as_ref()
            .map(|_| AttrValue::Static(LABEL_HINT_ID)),
        value: amount_text.clone(),
        error: amount_error.map(AttrValue::from),
        whole: false,
        max: None,
        placeholder: Some(if product.is_some() { "1" } else { "200" }.into()),
        on_input: on_amount,
    });
    let units = number_field(NumberField {
        id: "supplement-units".into(),
        tested: false,
        label: "Capsules per dose".into(),
        hide_label: false,
        bare: false,
        unit: None,
        hint: None,
        described_by: None,
        value: units_text.clone(),
        error: units_error.map(AttrValue::Static),
        whole: false,
        max: None,
        placeholder: None,
        on_input: on_units,
    });

    // The read-only parts are written as HTML text, as History's chart is: an element built
    // through `html!` costs the wasm more than its markup (BENCHMARKS.md, "Size budgets"). What
    // the domain and the person wrote is escaped.
    let mut heading = String::from(r#"<h3 id="supplement-heading">Add a supplement dose</h3>"#);
    if state.settings.kidney_disease {
        heading.push_str(r#"<p class="note" role="note">"#);
        heading.push_str(&escaped(KIDNEY_WARNING));
        heading.push_str("</p>");
    }
    let label_hint = label_hint.map(|message| {
        format!(
            r#"<p id="{LABEL_HINT_ID}" class="hint label-hint" data-testid="label-hint"><strong>{LABEL_HINT_LEAD}</strong>{}</p>"#,
            escaped(&message)
        )
    });
    // The submit button has no handler of its own (the form's is `onsubmit`), so it is text too.
    let explanation = format!(
        r#"<p class="hint">{}</p><button type="submit" class="primary" data-testid="add-supplement">Add dose</button>"#,
        escaped(&explanation)
    );

    let mut form_options = form_options(form_id, state.settings.products.len());
    for own in &state.settings.products {
        let value = format!("{PRODUCT_OPTION}{}", own.id);
        form_options.push(SelectOption {
            selected: value == *form_id,
            value: value.into(),
            label: format!(
                "{} ({})",
                own.product.name,
                if own.product.medicine {
                    "your medicine"
                } else {
                    "your product"
                }
            )
            .into(),
            disabled: false,
        });
    }

    html! {
        <form class="supplement-picker" onsubmit={on_submit} aria-labelledby="supplement-heading">
            { Html::from_html_unchecked(heading.into()) }
            { select_field(
                SelectField {
                    id: "supplement-form",
                    tested: true,
                    label: "Form".into(),
                    invalid: false,
                    described_by: None,
                },
                form_options,
                on_form,
            ) }
            if chosen_form.variants.len() > 1 && product.is_none() {
                { select_field(
                    SelectField {
                        id: "supplement-variant",
                        tested: false,
                        label: "Which salt".into(),
                        invalid: false,
                        described_by: None,
                    },
                    variant_options(chosen_form.variants, variant_id),
                    on_variant,
                ) }
            }
            <div class="dose-fields">
                { amount.field }
                { choice_field(ChoiceField {
                    id: "supplement-basis",
                    tested: true,
                    label: "That amount is".into(),
                    selected: *basis,
                    disabled: if product.is_some() {
                        &[DoseBasis::Elemental, DoseBasis::Compound]
                    } else {
                        &[DoseBasis::Servings]
                    },
                    invalid: false,
                    described_by: None,
                    on_change: on_basis,
                }) }
                if product.is_none() {
                    { units.field }
                }
                { time_field(TimeField {
                    id: "supplement-time".into(),
                    test_id: Some("supplement-time".into()),
                    label: "Time taken (optional)".into(),
                    hide_label: false,
                    value: time_text.clone(),
                    error: time_error,
                    on_change: on_time,
                }) }
            </div>
            { amount.refusal }
            if let Some(hint) = label_hint {
                { Html::from_html_unchecked(hint.into()) }
            }
            { units.refusal }
            { Html::from_html_unchecked(explanation.into()) }
            <p class="visually-hidden" role="status">{ added.clone() }</p>
        </form>
    }
}
