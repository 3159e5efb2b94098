//! Every supplement form side by side for one elemental amount: how much of the salt it takes,
//! its share of magnesium, what is known of its absorption and tolerance, and, once a bottle's
//! price and count are entered, what 100 mg of magnesium costs; and the same cost for each of
//! the person's products that has a price and servings per bottle. Sortable.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::components::form_kit::FormState;

use crate::components::{SelectField, SelectOption, escaped, select_field};
use crate::domain::decimal_text::{fixed, plain};
use crate::domain::guidance::KIDNEY_WARNING;
use crate::domain::library::OwnProduct;
use crate::domain::order::{ascending, last_if_none, sorted_positions};
use crate::domain::plan::mg_text;
use crate::domain::supplements::{
    FORMS, SupplementForm, Tolerance, compound_mg_for, cost_per_100mg_elemental, parse_amount_mg,
};
use crate::state::PlannerContext;

/// The elemental amount compared until the person picks another.
const DEFAULT_ELEMENTAL_MG: f64 = 200.0;

/// What the sources say about a form's tolerance, in words (`shared/reference/magnesium.md`,
/// "Absorption and tolerance"; the last sentence is NIH ODS's about every supplement).
fn tolerance_text(tolerance: Tolerance) -> &'static str {
    match tolerance {
        Tolerance::MostReportedForDiarrhoea => {
            "One of the forms NIH ODS names as most commonly reported to cause diarrhoea: carbonate, chloride, gluconate and oxide."
        }
        Tolerance::SoldAsLaxative => "Sold as a laxative.",
        Tolerance::NotDescribed => {
            "The sources this app uses say nothing about this form's tolerance. Any magnesium supplement can cause diarrhoea above the upper level (NIH ODS)."
        }
    }
}

/// How the forms are ordered.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    Listed,
    LeastSalt,
    Cheapest,
}

/// The end of each bottle field's id, and its label: the bottle's price, how many capsules it
/// holds, and the mg of magnesium in each. The fields are one `html!` in a loop rather than three
/// copies, each of which cost the wasm its own markup code.
const BOTTLE_FIELDS: [(&str, &str); 3] = [
    ("price", "Bottle price"),
    ("count", "Capsules"),
    ("mg", "mg magnesium each (label)"),
];

/// Whether a typed bottle field is refused: something typed that is not a number above 0.
fn refused(text: &str) -> bool {
    !text.trim().is_empty() && !parse_amount_mg(text).is_ok_and(|n| n > 0.0)
}

/// The person's products with what 100 mg of magnesium costs from each, the cheapest first and
/// those without a price or servings per bottle last, as read-only HTML text.
fn products_cost(products: &[OwnProduct]) -> String {
    use std::fmt::Write;
    if products.is_empty() {
        return String::new();
    }
    // A plain loop rather than an adapter chain, which the wasm would hold a copy of.
    let mut ranks = Vec::with_capacity(products.len());
    for own in products {
        ranks.push(last_if_none(own.product.cost_per_100mg().map(ascending)));
    }
    let mut out = String::from(
        r#"<h4>Your products</h4><ul class="product-costs" data-testid="product-costs">"#,
    );
    for at in sorted_positions(ranks.len(), &|a, b| ranks[a].cmp(&ranks[b])) {
        let product = &products[at].product;
        let _ = write!(
            out,
            "<li><strong>{}</strong>: {}</li>",
            escaped(&product.name),
            match product.cost_per_100mg() {
                Some(cost) => format!(
                    "{} per 100 mg of magnesium ({} for {} servings of {})",
                    fixed(cost, 2),
                    plain(product.price.unwrap_or_default()),
                    plain(product.servings_per_bottle.unwrap_or_default()),
                    mg_text(product.elemental_mg_per_serving())
                ),
                None => "give its price and servings per bottle under Your products to see the \
                         cost per 100 mg"
                    .to_owned(),
            }
        );
    }
    out.push_str("</ul>");
    out
}

/// The fields of the bottle typed for the form at `form_at` in [`FORMS`], in [`BOTTLE_FIELDS`]'
/// order.
fn bottle(bottles: &[String], form_at: usize) -> &[String] {
    &bottles[form_at * BOTTLE_FIELDS.len()..][..BOTTLE_FIELDS.len()]
}

/// What 100 mg of magnesium costs from a bottle as typed, once all three fields are numbers.
fn cost_per_100mg(bottle: &[String]) -> Option<f64> {
    let number = |at: usize| parse_amount_mg(&bottle[at]).ok();
    cost_per_100mg_elemental(number(0)?, number(1)?, number(2)?)
}

/// What the person has typed and chosen, in one state rather than a `use_state` each (each
/// costs the wasm its hook code).
#[derive(Clone, PartialEq)]
pub struct Choices {
    /// Whether the comparison is open: closed, only its summary is rendered, as the usual
    /// meals' is (its fifteen forms are about 290 elements, which opening the supplements
    /// built for nothing while they were hidden).
    open: bool,
    amount_text: String,
    order: Order,
    /// Every form's bottle as typed: [`BOTTLE_FIELDS`] for each form in [`FORMS`]' order, in
    /// one list of texts (see [`bottle`]), a type the rest of the app already has, rather than a
    /// list of bottles whose copying and dropping would be in the wasm for this form alone.
    bottles: Vec<String>,
}

/// What the comparison has been given, kept by whatever shows it ([`use_form_state`](crate::components::use_form_state)).
pub type CompareChoices = FormState<Choices>;

/// The comparison.
///
/// A plain function rather than a component (each component costs the wasm Yew's
/// per-component code): the caller keeps `choices` ([`use_form_state`](crate::components::use_form_state)).
pub fn form_compare(state: &PlannerContext, choices: &CompareChoices) -> Html {
    let choices = choices.handle();
    let Choices {
        open,
        amount_text,
        order,
        bottles,
    } = &**choices;
    let on_toggle = {
        let choices = choices.clone();
        Callback::from(move |event: Event| {
            choices.set(Choices {
                open: browser::details_opened(&event),
                ..(*choices).clone()
            });
        })
    };
    // Read-only parts are written as HTML text, as History's chart is: an element built through
    // `html!` costs the wasm more than its markup (BENCHMARKS.md, "Size budgets").
    let mut summary = String::from("<summary>Compare supplement forms</summary>");
    if state.settings.kidney_disease {
        summary.push_str(r#"<p class="warning" role="note">"#);
        summary.push_str(&escaped(KIDNEY_WARNING));
        summary.push_str("</p>");
    }
    let summary = Html::from_html_unchecked(summary.into());
    if !*open {
        return html! {
            <details class="form-compare" ontoggle={on_toggle}>{ summary }</details>
        };
    }

    let elemental_mg = parse_amount_mg(amount_text)
        .ok()
        .filter(|mg| *mg > 0.0 && *mg <= 5000.0);
    let salt_mg = |f: &SupplementForm| {
        elemental_mg.and_then(|mg| compound_mg_for(mg, f.default_variant()).ok())
    };

    // The forms' ranks in the order chosen (none as listed), and their positions in that order
    // from the app's one sort: positions rather than a sorted copy of the list, which would put
    // a rearranging function of its own in the wasm.
    let ranks: Vec<u64> = FORMS
        .iter()
        .enumerate()
        .map(|(at, f)| match order {
            Order::Listed => 0,
            // A form whose share cannot be computed comes first, as it always has (None before
            // Some).
            Order::LeastSalt => salt_mg(f).map_or(0, ascending),
            // Forms without a bottle's figures go last.
            Order::Cheapest => last_if_none(cost_per_100mg(bottle(bottles, at)).map(ascending)),
        })
        .collect();
    let forms = sorted_positions(ranks.len(), &|a, b| ranks[a].cmp(&ranks[b]));

    let on_amount = {
        let choices = choices.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            choices.set(Choices {
                amount_text: input.value(),
                ..(*choices).clone()
            });
        })
    };
    let on_order = {
        let choices = choices.clone();
        Callback::from(move |value: String| {
            let order = match value.as_str() {
                "salt" => Order::LeastSalt,
                "cost" => Order::Cheapest,
                _ => Order::Listed,
            };
            choices.set(Choices {
                order,
                ..(*choices).clone()
            });
        })
    };
    // The form kit's select, so its markup is in the wasm once.
    // A plain loop rather than an adapter chain, which the wasm would hold a copy of.
    let mut order_options = Vec::with_capacity(3);
    for (value, label, listed) in [
        ("listed", "As listed", Order::Listed),
        ("salt", "Least salt to swallow", Order::LeastSalt),
        ("cost", "Cheapest per 100 mg", Order::Cheapest),
    ] {
        order_options.push(SelectOption {
            value: value.into(),
            label: label.into(),
            selected: *order == listed,
            disabled: false,
        });
    }
    let order_field = select_field(
        SelectField {
            id: "compare-order",
            tested: false,
            label: "Order".into(),
            invalid: false,
            described_by: None,
        },
        order_options,
        on_order,
    );
    // The field at `at` in the list of bottles.
    let bottle_field = |at: usize| {
        let choices = choices.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let mut next = (*choices).clone();
            next.bottles[at] = input.value();
            choices.set(next);
        })
    };

    html! {
        <details class="form-compare" open=true ontoggle={on_toggle}>
            { summary }
            <div class="compare-options">
                <div class="field">
                    { Html::from_html_unchecked(AttrValue::Static(r#"<label for="compare-amount">Elemental magnesium to compare (mg)</label>"#)) }
                    <input id="compare-amount" type="number" inputmode="decimal" min="0" step="any"
                        value={amount_text.clone()} oninput={on_amount}
                        aria-invalid={elemental_mg.is_none().to_string()} />
                </div>
                { order_field }
            </div>
            if elemental_mg.is_none() {
                { Html::from_html_unchecked(AttrValue::Static(r#"<p class="field-error" role="alert">Enter an amount of magnesium above 0 and up to 5,000 mg.</p>"#)) }
            }
            { Html::from_html_unchecked(products_cost(&state.settings.products).into()) }
            <ul class="compare-list">
                { for forms.iter().map(|&at| {
                    let f = &FORMS[at];
                    let variant = f.default_variant();
                    let percent = variant.elemental_fraction().map(|x| format!("{} %", fixed(x * 100.0, 1))).unwrap_or_default();
                    let bottle = bottle(bottles, at);
                    let id = |what: &str| format!("compare-{}-{what}", f.id);
                    let mut cost = String::new();
                    if bottle.iter().any(|t| refused(t)) {
                        cost.push_str(r#"<p class="field-error" role="alert">Price, capsules and mg each must be numbers above 0.</p>"#);
                    }
                    cost.push_str(r#"<p class="cost">"#);
                    match cost_per_100mg(bottle) {
                        Some(c) => {
                            cost.push_str(&fixed(c, 2));
                            cost.push_str(" per 100 mg of magnesium");
                        }
                        None => cost.push_str("Enter price, capsules and mg each to see the cost per 100 mg."),
                    }
                    cost.push_str("</p>");
                    // The form's name, figures and notes are read-only: written as HTML text, as
                    // History's chart is, which costs the wasm less than an `html!` tree.
                    let about = format!(
                        r#"<h4>{}</h4><p class="compare-figures"><strong>{percent}</strong> magnesium{}</p><dl class="notes"><dt>Absorption</dt><dd>{}</dd><dt>Tolerance</dt><dd>{}</dd><dt>On the shelf</dt><dd>{}</dd></dl>"#,
                        escaped(f.name),
                        salt_mg(f).map(|mg| format!(" · {} of {} for {}", mg_text(mg), escaped(variant.description), mg_text(elemental_mg.unwrap_or_default()))).unwrap_or_default(),
                        escaped(f.notes.absorption),
                        escaped(tolerance_text(f.notes.tolerance)),
                        escaped(f.notes.sold_as),
                    );
                    html! {
                        <li class="compare-form" data-testid="compare-form">
                            { Html::from_html_unchecked(about.into()) }
                            <div class="bottle">
                                { for BOTTLE_FIELDS.iter().zip(bottle).enumerate().map(|(field, (&(what, label), text))| html! {
                                    <>
                                        { Html::from_html_unchecked(format!(r#"<label for="{}">{label}</label>"#, id(what)).into()) }
                                        <input id={id(what)} type="number" inputmode="decimal" min="0" step="any"
                                            value={text.clone()} aria-invalid={refused(text).to_string()}
                                            oninput={bottle_field(at * BOTTLE_FIELDS.len() + field)} />
                                    </>
                                }) }
                            </div>
                            { Html::from_html_unchecked(cost.into()) }
                        </li>
                    }
                }) }
            </ul>
        </details>
    }
}

/// The comparison as it starts.
impl Default for Choices {
    fn default() -> Self {
        Choices {
            open: false,
            amount_text: plain(DEFAULT_ELEMENTAL_MG),
            order: Order::Listed,
            bottles: vec![String::new(); FORMS.len() * BOTTLE_FIELDS.len()],
        }
    }
}
