//! What a share link opens: the shared plan, read from the address, shown before anything is
//! kept, with the offer to save it as a new plan.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use std::fmt::Write;

use crate::browser;
use crate::components::escaped;
use crate::domain::decimal_text::plain;
use crate::domain::foods::FoodTable;
use crate::domain::library::same_name;
use crate::domain::plan::{DayTotals, Plan, mg_text};
use crate::domain::transfer::{SHARE_PREFIX, ShareError, decode_share};
use crate::food_data::CatalogState;
use crate::state::{Action, PlannerContext};

/// `names` with each named once, as keeping them compares names ([`same_name`]), in order.
fn distinct_names<'a>(names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut distinct: Vec<&str> = Vec::new();
    for name in names {
        if !distinct.iter().any(|kept| same_name(kept, name)) {
            distinct.push(name);
        }
    }
    distinct
}

/// What the offer remembers between renders: the shared plan read from the address once (or
/// why it could not be), the name it was saved under, and whether to keep the sharer's foods
/// and products. Kept by the page: a component of its own would cost the wasm Yew's
/// per-component code (BENCHMARKS.md, "Size budgets").
#[derive(Clone)]
pub struct SharedPlanOfferState {
    offer: UseStateHandle<Option<Result<(String, Plan), ShareError>>>,
    saved: UseStateHandle<Option<String>>,
    keep_library: UseStateHandle<bool>,
}

impl SharedPlanOfferState {
    /// Forgets the offer and what was done with it, as the page did when the doctor's summary
    /// replaced the sections (and with them the offer): the address then holds the summary's
    /// section, not the link.
    pub fn forget(&self) {
        if self.offer.is_some() {
            self.offer.set(None);
        }
        if self.saved.is_some() {
            self.saved.set(None);
        }
        if !*self.keep_library {
            self.keep_library.set(true);
        }
    }
}

/// The offer's state, for [`shared_plan_offer`], kept by App; reads the address's share link.
#[hook]
pub fn use_shared_plan_offer_state() -> SharedPlanOfferState {
    SharedPlanOfferState {
        offer: use_state(|| {
            browser::shared_code_in_url(SHARE_PREFIX).map(|code| decode_share(&code))
        }),
        saved: use_state(Option::default),
        keep_library: use_state(|| true),
    }
}

/// The shared plan, or why the link could not be opened; nothing when the address has no link.
pub fn shared_plan_offer(
    state: &PlannerContext,
    catalog: &CatalogState,
    offer_state: &SharedPlanOfferState,
) -> Html {
    let SharedPlanOfferState {
        offer,
        saved,
        keep_library,
    } = offer_state;

    let dismiss = {
        let offer = offer.clone();
        Callback::from(move |_: MouseEvent| {
            browser::clear_fragment();
            offer.set(None);
        })
    };
    if let Some(name) = (**saved).clone() {
        return html! {
            <p class="card shared-plan" role="status">{ format!("Saved “{name}” as a new plan. It is the plan on screen now.") }</p>
        };
    }
    let Some(result) = (**offer).clone() else {
        return Html::default();
    };
    match result {
        Err(reason) => html! {
            <div class="card shared-plan warning" role="alert" data-testid="shared-plan">
                <p>{ format!("This share link could not be opened. {reason} Nothing was changed.") }</p>
                <button type="button" class="secondary" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
        },
        Ok((name, plan)) => {
            let on_save = {
                let (state, offer, saved) = (state.clone(), offer.clone(), saved.clone());
                let (name, plan, keep_library) = (name.clone(), plan.clone(), **keep_library);
                Callback::from(move |_: MouseEvent| {
                    state.dispatch(Action::SaveSharedPlan {
                        name: name.clone(),
                        plan: plan.clone(),
                        keep_library,
                    });
                    browser::clear_fragment();
                    offer.set(None);
                    saved.set(Some(name.clone()));
                })
            };
            let table = catalog.ready().map(|c| c.table());
            // The plan's foods, doses and waters, read-only, written as HTML text as History's chart is
            // (cheaper in the wasm than an `html!` tree). Food names come from the table and
            // portions from the link, so everything but numbers is escaped.
            let mut items = String::from("<ul>");
            let fallback = FoodTable::default();
            let names_table = table.unwrap_or(&fallback);
            for entry in &plan.entries {
                let mg = match (
                    &catalog,
                    table
                        .or(entry.own.is_some().then_some(&fallback))
                        .and_then(|t| entry.magnesium_mg(t)),
                ) {
                    (_, Some(mg)) => mg_text(mg),
                    // Not "no data": the table has simply not arrived yet.
                    (CatalogState::Loading, None) => "…".to_owned(),
                    _ => "no data".to_owned(),
                };
                let _ = write!(
                    items,
                    "<li>{}, {} × {} ({}): {mg}</li>",
                    escaped(&entry.name(names_table)),
                    plain(entry.quantity),
                    escaped(&entry.portion.label),
                    escaped(entry.meal.label()),
                );
            }
            for dose in &plan.doses {
                let _ = write!(
                    items,
                    "<li>{}: {}</li>",
                    escaped(dose.input.name()),
                    mg_text(dose.elemental_mg)
                );
            }
            for drunk in &plan.waters {
                let _ = write!(
                    items,
                    "<li>{}, {} L: {}</li>",
                    escaped(&drunk.water.name),
                    plain(drunk.litres),
                    mg_text(drunk.magnesium_mg())
                );
            }
            items.push_str("</ul>");
            // The sharer's own foods and products the plan uses, for the offer to keep them.
            let own_names = distinct_names(
                plan.entries
                    .iter()
                    .filter_map(|e| e.own.as_deref().map(|own| own.name.as_str())),
            );
            let product_names = distinct_names(
                plan.doses
                    .iter()
                    .filter_map(|d| d.input.product.as_deref().map(|p| p.name.as_str())),
            );
            let mut offered = Vec::new();
            for (names, one, many) in [
                (&own_names, "own food", "own foods"),
                (&product_names, "product", "products"),
            ] {
                if !names.is_empty() {
                    let kind = if names.len() == 1 { one } else { many };
                    offered.push(format!("{kind} ({})", names.join(", ")));
                }
            }
            let them = if own_names.len() + product_names.len() == 1 {
                "it"
            } else {
                "them"
            };
            let on_keep = {
                let keep_library = keep_library.clone();
                Callback::from(move |event: Event| {
                    let input: HtmlInputElement = event.target_unchecked_into();
                    keep_library.set(input.checked());
                })
            };
            html! {
                <section class="card shared-plan" aria-labelledby="shared-heading" data-testid="shared-plan">
                    <h2 id="shared-heading">{ format!("A plan shared with you: {name}") }</h2>
                    { Html::from_html_unchecked(items.into()) }
                    { match (&catalog, table) {
                        (_, Some(table)) => html! {
                            <p><strong>{ format!("Total: {}", DayTotals::of(&plan, table).total_display()) }</strong></p>
                        },
                        (CatalogState::Failed(reason), _) => html! {
                            <p class="hint">{ format!("The foods cannot be named or counted: {reason}.") }</p>
                        },
                        _ => html! {
                            <p class="hint" role="status">{ "Loading the food table to show the foods and totals…" }</p>
                        },
                    } }
                    if !offered.is_empty() {
                        <div class="field check-field">
                            <label class="check">
                                <input type="checkbox" checked={**keep_library} onchange={on_keep} />
                                { format!("Also keep the sharer's {} with yours, to use {them} on other days. Where you already keep one of the same name, yours stays as it is.", offered.join(" and ")) }
                            </label>
                        </div>
                    }
                    <p class="hint">{ "Nothing is kept until you save it; your own plans are not changed." }</p>
                    <div class="plan-buttons">
                        <button type="button" class="primary" data-testid="save-shared-plan" onclick={on_save}>{ "Save as a new plan" }</button>
                        <button type="button" class="secondary" onclick={dismiss}>{ "Dismiss" }</button>
                    </div>
                </section>
            }
        }
    }
}
