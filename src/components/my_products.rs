//! The person's supplement products and magnesium medicines: a name, the units in one serving,
//! one or more forms with the elemental mg per serving from the label (or the salt's weight,
//! converted), and optionally the price and servings per bottle. Each is then offered by the
//! dose form, counted in servings. Doses keep the copy they were given, so editing or removing
//! a product never changes a day already planned.

use yew::prelude::*;

use super::kept_item_row::{KeptItemRow, kept_item_row};
use super::supplement_picker::{form_options, variant_options};

use crate::components::form_kit::FormState;
use crate::components::{
    ChoiceField, NumberField, NumberText, SelectField, TextField, amount_refusal, choice_field,
    escaped, focus_by_id, number_field, select_field, text_field, text_refusal,
};
use crate::domain::decimal_text::plain;
use crate::domain::library::{
    MAX_FORMS_PER_PRODUCT, MAX_NAME_CHARS, MAX_PRICE, MAX_PRODUCTS, MAX_SERVINGS_PER_BOTTLE,
    MAX_UNITS_PER_SERVING, OwnFoodError, Product, ProductError, ProductForm, clean_text,
    product_fits, read_amount,
};
use crate::domain::plan::mg_text;
use crate::domain::supplements::{DoseBasis, FORMS, MAX_DOSE_ELEMENTAL_MG, form};
use crate::state::{Action, PlannerContext};

/// The form's fields as typed, with the forms kept so far by `add-product-form`.
#[derive(Clone, PartialEq)]
struct Typed {
    name: String,
    serving: NumberText,
    form_id: String,
    mg: NumberText,
    basis: DoseBasis,
    /// "Which salt": the variant of the form whose weight `mg` is, when `basis` says so.
    variant_id: String,
    price: NumberText,
    bottle: NumberText,
    medicine: bool,
    forms: Vec<ProductForm>,
}

impl Default for Typed {
    fn default() -> Self {
        Self {
            name: String::new(),
            serving: NumberText::new("1"),
            form_id: FORMS[0].id.to_owned(),
            mg: NumberText::default(),
            basis: DoseBasis::Elemental,
            variant_id: FORMS[0].default_variant().id.to_owned(),
            price: NumberText::default(),
            bottle: NumberText::default(),
            medicine: false,
            forms: Vec::new(),
        }
    }
}

/// What the form refused, each shown beside its field.
#[derive(Clone, Default, PartialEq)]
struct Refusals {
    name: Option<String>,
    serving: Option<String>,
    mg: Option<String>,
    price: Option<String>,
    bottle: Option<String>,
}

impl Refusals {
    /// The id of the first refused field, in the form's order, for the focus to go to.
    fn first_id(&self) -> Option<&'static str> {
        [
            (self.name.is_some(), "product-name"),
            (self.serving.is_some(), "product-serving"),
            (self.mg.is_some(), "product-mg"),
            (self.price.is_some(), "product-price"),
            (self.bottle.is_some(), "product-bottle"),
        ]
        .into_iter()
        .find_map(|(refused, id)| refused.then_some(id))
    }
}

/// What a number field holds for reading: text the browser cannot read is "?", refused as not
/// a number rather than as missing.
fn text_of(text: &NumberText) -> &str {
    if text.unreadable { "?" } else { &text.text }
}

/// Why a product's form or its mg were refused, in words.
fn product_refusal(error: ProductError) -> String {
    match error {
        ProductError::Amount(e) => amount_refusal(e, "mg"),
        ProductError::UnknownForm => "Choose a form from the list.".to_owned(),
        ProductError::NoForms => "Enter the magnesium in one serving.".to_owned(),
        ProductError::TooManyForms => {
            format!("A product can hold up to {MAX_FORMS_PER_PRODUCT} forms.")
        }
        ProductError::FormTwice => {
            "That form is in the list already: put its whole amount in one line.".to_owned()
        }
        ProductError::ServingTooLarge | ProductError::Name(_) => format!(
            "One serving would give more than {} of magnesium: check the amounts and their unit.",
            mg_text(MAX_DOSE_ELEMENTAL_MG)
        ),
    }
}

/// The form and mg in the fields as a product's form; `None` when the mg field is empty.
fn typed_form(typed: &Typed) -> Option<Result<ProductForm, String>> {
    let text = text_of(&typed.mg);
    (!text.trim().is_empty()).then(|| {
        read_amount(text, false, MAX_DOSE_ELEMENTAL_MG)
            .map_err(|e| amount_refusal(e, "mg"))
            .and_then(|mg| {
                match typed.basis {
                    DoseBasis::Compound => {
                        ProductForm::from_salt(&typed.form_id, &typed.variant_id, mg)
                    }
                    basis => ProductForm::new(&typed.form_id, mg, basis),
                }
                .map_err(product_refusal)
            })
    })
}

/// An optional figure: empty is `None`.
fn optional(text: &NumberText, max: f64, unit: &str) -> Result<Option<f64>, String> {
    let text = text_of(text);
    if text.trim().is_empty() {
        return Ok(None);
    }
    read_amount(text, false, max)
        .map(Some)
        .map_err(|e| amount_refusal(e, unit))
}

/// Reads the whole form, every field at once: the product, or each field's reason.
fn read(typed: &Typed) -> Result<Product, Refusals> {
    let name = clean_text(&typed.name, MAX_NAME_CHARS)
        .map_err(|e| text_refusal(e, "Give the product the name on its bottle."));
    let serving = read_amount(text_of(&typed.serving), false, MAX_UNITS_PER_SERVING)
        .map_err(|e| amount_refusal(e, "capsules"));
    let mut forms = typed.forms.clone();
    let mg = match typed_form(typed) {
        Some(Ok(f)) => {
            forms.push(f);
            Ok(())
        }
        Some(Err(reason)) => Err(reason),
        None => Ok(()),
    };
    let price = optional(&typed.price, MAX_PRICE, "");
    let bottle = optional(&typed.bottle, MAX_SERVINGS_PER_BOTTLE, "servings");
    match (name, serving, mg, price, bottle) {
        (Ok(name), Ok(serving), Ok(()), Ok(price), Ok(bottle)) => {
            Product::new(&name, serving, forms, price, bottle)
                .map(|product| Product {
                    medicine: typed.medicine,
                    ..product
                })
                .map_err(|e| Refusals {
                    mg: Some(product_refusal(e)),
                    ..Refusals::default()
                })
        }
        (name, serving, mg, price, bottle) => Err(Refusals {
            name: name.err(),
            serving: serving.err(),
            mg: mg.err(),
            price: price.err(),
            bottle: bottle.err(),
        }),
    }
}

/// The text a kept product fills the form with for editing: its forms in the list, in mg.
fn typed_from(product: &Product) -> Typed {
    let figure = |n: Option<f64>| NumberText::new(n.map(plain).unwrap_or_default());
    Typed {
        name: product.name.clone(),
        serving: NumberText::new(plain(product.units_per_serving)),
        price: figure(product.price),
        bottle: figure(product.servings_per_bottle),
        medicine: product.medicine,
        forms: product.forms.clone(),
        ..Typed::default()
    }
}

/// A product's forms as read-only HTML text: "200 mg Magnesium glycinate + 50 mg …".
fn forms_text(forms: &[ProductForm]) -> String {
    // A plain loop rather than an adapter chain, which the wasm would hold a copy of.
    let mut text = String::new();
    for f in forms {
        if !text.is_empty() {
            text.push_str(" + ");
        }
        text.push_str(&mg_text(f.elemental_mg_per_serving));
        text.push_str(" magnesium from ");
        text.push_str(&escaped(
            form(f.form_id).map_or(f.form_id, |known| known.name),
        ));
        if let Some(salt) = f.converted_from {
            text.push_str(" (converted from the weight of ");
            text.push_str(&salt.with_share());
            text.push(')');
        }
    }
    text
}

/// A callback that changes the fields as typed with `change`, given what the field sent. The
/// draft it starts from is the one on screen, which Yew renders again after every event.
fn edit<T: 'static>(draft: &UseStateHandle<Draft>, change: fn(&mut Typed, T)) -> Callback<T> {
    let draft = draft.clone();
    Callback::from(move |value: T| {
        let mut next = (*draft).clone();
        change(&mut next.typed, value);
        draft.set(next);
    })
}

/// Everything the products' form holds, in one state rather than a `use_state` each (each costs
/// the wasm its hook code).
#[derive(Clone, Default, PartialEq)]
pub struct Draft {
    /// The fields as typed.
    typed: Typed,
    /// The id of the product being edited, if one is.
    editing: Option<u32>,
    /// What the last Save or Add another form refused.
    refusals: Refusals,
    /// What the last step did, for the status line.
    status: String,
}

/// What the products' form holds, kept by whatever shows the form ([`use_form_state`](crate::components::use_form_state)).
pub type ProductDraft = FormState<Draft>;

/// The list of the person's products and the form that makes or edits one.
///
/// A plain function rather than a component (each component costs the wasm Yew's
/// per-component code): the caller keeps `draft` ([`use_form_state`](crate::components::use_form_state)).
pub fn my_products(state: &PlannerContext, draft: &ProductDraft) -> Html {
    let draft = draft.handle();
    let Draft {
        typed,
        editing,
        refusals,
        status,
    } = &**draft;
    let products = &state.settings.products;
    let chosen_form = form(&typed.form_id);

    let on_add_form = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*draft).clone();
            let added = match typed_form(&draft.typed) {
                Some(Ok(f)) if next.typed.forms.iter().any(|g| g.form_id == f.form_id) => {
                    Err(product_refusal(ProductError::FormTwice))
                }
                Some(Ok(_)) if next.typed.forms.len() >= MAX_FORMS_PER_PRODUCT => {
                    Err(product_refusal(ProductError::TooManyForms))
                }
                Some(Ok(f)) => Ok(f),
                Some(Err(reason)) => Err(reason),
                None => Err(product_refusal(ProductError::NoForms)),
            };
            match added {
                Ok(f) => {
                    next.status = format!(
                        "Kept {} in the list; enter the next form or save the product.",
                        mg_text(f.elemental_mg_per_serving)
                    );
                    let typed = &mut next.typed;
                    typed.forms.push(f);
                    typed.mg = NumberText::default();
                    typed.form_id = FORMS[0].id.to_owned();
                    typed.variant_id = FORMS[0].default_variant().id.to_owned();
                    next.refusals = Refusals::default();
                }
                Err(reason) => {
                    next.refusals = Refusals {
                        mg: Some(reason),
                        ..Refusals::default()
                    }
                }
            }
            draft.set(next);
            focus_by_id("product-mg");
        })
    };
    let on_save = {
        let (state, draft) = (state.clone(), draft.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let editing = draft.editing;
            let checked = read(&draft.typed).and_then(|product| {
                match product_fits(&state.settings.products, editing, &product.name) {
                    Ok(()) => Ok(product),
                    Err(error) => Err(Refusals {
                        name: Some(match error {
                            OwnFoodError::NameTaken => format!(
                                "You keep a product named “{}” already: give this one another name, or edit that one.",
                                product.name
                            ),
                            OwnFoodError::ListFull => format!(
                                "You keep {MAX_PRODUCTS} products already: remove one you no longer take first."
                            ),
                        }),
                        ..Refusals::default()
                    }),
                }
            });
            match checked {
                Ok(product) => {
                    let status = match editing {
                        Some(_) => format!(
                            "Saved the changes to “{}”. Doses you added before keep it as it was then.",
                            product.name
                        ),
                        None => format!(
                            "Kept “{}”: choose it under Form in Add a supplement dose.",
                            product.name
                        ),
                    };
                    state.dispatch(Action::SaveProduct {
                        id: editing,
                        product,
                    });
                    draft.set(Draft {
                        status,
                        ..Draft::default()
                    });
                }
                Err(refused) => {
                    if let Some(id) = refused.first_id() {
                        focus_by_id(id);
                    }
                    draft.set(Draft {
                        refusals: refused,
                        ..(*draft).clone()
                    });
                }
            }
        })
    };

    let number = |id: &'static str,
                  label: &'static str,
                  value: &NumberText,
                  error: &Option<String>,
                  max: f64,
                  on_input: Callback<NumberText>| {
        number_field(NumberField {
            id: id.into(),
            tested: true,
            label: label.into(),
            hide_label: false,
            bare: false,
            unit: None,
            hint: None,
            described_by: None,
            value: value.clone(),
            error: error.clone().map(AttrValue::from),
            whole: false,
            max: Some(plain(max).into()),
            placeholder: None,
            on_input,
        })
    };
    let serving = number(
        "product-serving",
        "Capsules, tablets or scoops in one serving",
        &typed.serving,
        &refusals.serving,
        MAX_UNITS_PER_SERVING,
        edit(draft, |t, v| t.serving = v),
    );
    let mg = number(
        "product-mg",
        "Amount in one serving, mg",
        &typed.mg,
        &refusals.mg,
        MAX_DOSE_ELEMENTAL_MG,
        edit(draft, |t, v| t.mg = v),
    );
    let price = number(
        "product-price",
        "Price of a bottle (optional)",
        &typed.price,
        &refusals.price,
        MAX_PRICE,
        edit(draft, |t, v| t.price = v),
    );
    let bottle = number(
        "product-bottle",
        "Servings in a bottle (optional)",
        &typed.bottle,
        &refusals.bottle,
        MAX_SERVINGS_PER_BOTTLE,
        edit(draft, |t, v| t.bottle = v),
    );
    let on_basis = edit(draft, |t, basis| t.basis = basis);
    let on_medicine = edit(draft, |t, _: Event| t.medicine = !t.medicine);

    html! {
        <section class="card my-products" aria-labelledby="my-products-heading">
            <h2 id="my-products-heading" tabindex="-1">{ "Your products" }</h2>
            if products.is_empty() {
                <p class="hint">{ "A supplement or a medicine with magnesium (an antacid, a laxative such as milk of magnesia) can be made here from its label, and is then offered under Form when you add a dose." }</p>
            } else {
                <ul class="entries">
                    { for products.iter().map(|own| {
                        let id = own.id;
                        let on_edit = {
                            let (draft, product) = (draft.clone(), own.product.clone());
                            Callback::from(move |_: MouseEvent| {
                                draft.set(Draft {
                                    typed: typed_from(&product),
                                    editing: Some(id),
                                    refusals: Refusals::default(),
                                    status: draft.status.clone(),
                                });
                                focus_by_id("product-name");
                            })
                        };
                        let on_remove = {
                            let (state, draft, name) = (state.clone(), draft.clone(), own.product.name.clone());
                            Callback::from(move |_: MouseEvent| {
                                state.dispatch(Action::RemoveProduct(id));
                                draft.set(Draft {
                                    status: format!(
                                        "Removed “{name}” from your products. Doses you added keep it."
                                    ),
                                    ..(*draft).clone()
                                });
                                focus_by_id("my-products-heading");
                            })
                        };
                        let product = &own.product;
                        kept_item_row(KeptItemRow {
                            class: "own-product",
                            about_html: format!(
                                r#"<span class="entry-name">{}{}</span><span class="entry-mg">{}</span><span class="entry-amount">per {} units: {}</span>"#,
                                escaped(&product.name),
                                if product.medicine { " (medicine)" } else { "" },
                                mg_text(product.elemental_mg_per_serving()),
                                plain(product.units_per_serving),
                                forms_text(&product.forms),
                            ),
                            name: &product.name,
                            list_words: "your products",
                            on_edit,
                            on_remove,
                        })
                    }) }
                </ul>
                <p class="hint">{ "Editing or removing a product changes only the doses you add from then on: the days you took it keep it as it was." }</p>
            }
            <form class="own-food-form" onsubmit={on_save} novalidate=true>
                <h3>{ if editing.is_some() { "Edit the product" } else { "Make a product from its label" } }</h3>
                { text_field(TextField {
                    id: "product-name",
                    tested: true,
                    label: "Name".into(),
                    value: typed.name.clone(),
                    placeholder: Some("Night blend".into()),
                    error: refusals.name.clone(),
                    on_input: edit(draft, |t, v| t.name = v),
                }) }
                { serving.field }
                { serving.refusal }
                if !typed.forms.is_empty() {
                    <p class="hint" data-testid="product-forms">
                        { Html::from_html_unchecked(format!("In one serving: {}", forms_text(&typed.forms)).into()) }
                    </p>
                }
                <div class="field-row">
                    { select_field(
                        SelectField {
                            id: "product-form",
                            tested: true,
                            label: "Form on the label".into(),
                            invalid: false,
                            described_by: None,
                        },
                        form_options(&typed.form_id, 0),
                        edit(draft, |t, v| {
                            // A new form starts from the salt it is sold as.
                            t.variant_id = form(&v)
                                .map_or_else(String::new, |f| f.default_variant().id.to_owned());
                            t.form_id = v;
                        }),
                    ) }
                    { mg.field }
                    { choice_field(ChoiceField {
                        id: "product-mg-basis",
                        tested: false,
                        label: "That amount is".into(),
                        selected: typed.basis,
                        disabled: &[DoseBasis::Servings],
                        invalid: false,
                        described_by: None,
                        on_change: on_basis,
                    }) }
                </div>
                if let Some(salts) = chosen_form
                    .filter(|f| typed.basis == DoseBasis::Compound && f.variants.len() > 1)
                    .map(|f| f.variants)
                {
                    { select_field(
                        SelectField {
                            id: "product-variant",
                            tested: false,
                            label: "Which salt".into(),
                            invalid: false,
                            described_by: None,
                        },
                        variant_options(salts, &typed.variant_id),
                        edit(draft, |t, v| t.variant_id = v),
                    ) }
                    <p class="hint field-end">{ "Keep the first one unless the label names another salt: it is the one the planner assumes." }</p>
                }
                { mg.refusal }
                <button type="button" class="secondary field-end" data-testid="add-product-form" onclick={on_add_form}>
                    { "Add another form" }
                </button>
                <div class="field-row">
                    { price.field }
                    { bottle.field }
                </div>
                { price.refusal }
                { bottle.refusal }
                <div class="field check-field">
                    <label class="check">
                        <input type="checkbox" checked={typed.medicine} onchange={on_medicine} />
                        { " A medicine (an antacid or laxative). The planner counts its magnesium toward the supplement limit shown; the US upper level covers “supplements and medications”." }
                    </label>
                    <p class="hint">{ "If the label gives the salt's weight (milk of magnesia: magnesium hydroxide, about 1,200 mg in a 15 mL adult dose, which is 500 mg of magnesium), choose Magnesium hydroxide and Weight of the salt." }</p>
                </div>
                <div class="plan-buttons">
                    <button type="submit" class="primary" data-testid="save-product">
                        { if editing.is_some() { "Save changes" } else { "Save product" } }
                    </button>
                </div>
            </form>
            <p class="hint" role="status">{ status.clone() }</p>
        </section>
    }
}
