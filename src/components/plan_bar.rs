//! The plans bar: pick a saved plan, name it, start a new one, copy it, delete it, and move
//! plans out of and into the browser.

use crate::domain::order::sorted_positions;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::plan_transfer::{plan_transfer, use_transfer_state};
use crate::components::{backup_status, date_words, push_option, use_backup_message};
use crate::state::{Action, PlannerContext, use_planner};

const NAME_ERROR_ID: &str = "plan-name-error";

/// A click handler that dispatches `action`. One function for every button that only does that,
/// so the wasm holds one copy of the handler rather than one per button.
pub(super) fn dispatch_on_click(state: &PlannerContext, action: Action) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
}

/// Plan picker, name and the buttons that manage plans.
#[function_component(PlanBar)]
pub fn plan_bar() -> Html {
    let state = use_planner();
    let transfer = use_transfer_state();
    let backup_message = use_backup_message();
    let book = &state.book;
    let current = book.current_plan();
    // The plans' positions with the days by date, the latest first (plans that are not days
    // come after them), from the app's one sort: positions rather than a sorted copy, which would
    // put a rearranging function of its own in the wasm.
    let day_rank = |at: usize| book.plans[at].date.map_or(0, |date| date.rank());
    let latest_first = sorted_positions(book.plans.len(), &|a, b| day_rank(b).cmp(&day_rank(a)));
    // The name field shows what the person typed, even while it is refused.
    let name_text = use_state(|| current.name.clone());
    {
        let name_text = name_text.clone();
        use_effect_with((current.id, current.name.clone()), move |(_, name)| {
            name_text.set(name.clone());
        });
    }

    let on_switch = {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            if let Ok(id) = select.value().parse() {
                state.dispatch(Action::SwitchPlan(id));
            }
        })
    };
    let on_name = {
        let (state, name_text) = (state.clone(), name_text.clone());
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            name_text.set(input.value());
            state.dispatch(Action::RenamePlan(input.value()));
        })
    };
    let on_new = dispatch_on_click(&state, Action::NewPlan);
    let on_duplicate = dispatch_on_click(&state, Action::DuplicatePlan);
    let on_delete = {
        let state = state.clone();
        let name = current.name.clone();
        Callback::from(move |_: MouseEvent| {
            // The browser's own dialog: every browser and screen reader knows it, and it
            // cannot be missed.
            let confirmed = web_sys::window()
                .and_then(|w| {
                    w.confirm_with_message(&format!(
                        "Delete the plan “{name}”? This cannot be undone."
                    ))
                    .ok()
                })
                .unwrap_or(false);
            if confirmed {
                state.dispatch(Action::DeletePlan);
            }
        })
    };

    // The select's options, and the parts that never change, are written as HTML text, as
    // History's chart is: an element built through `html!` costs the wasm more than its markup
    // (BENCHMARKS.md, "Size budgets"). Plan names are the person's, so they are escaped.
    let mut options = String::from(r#"<optgroup label="Plans">"#);
    for plan in book.plans.iter().filter(|p| p.date.is_none()) {
        push_option(&mut options, plan.id, &plan.name, plan.id == book.current);
    }
    options.push_str("</optgroup>");
    // Days by date, the latest first.
    if book.plans.iter().any(|p| p.date.is_some()) {
        options.push_str(r#"<optgroup label="Days">"#);
        for plan in latest_first.iter().map(|&at| &book.plans[at]) {
            if let Some(date) = plan.date {
                push_option(
                    &mut options,
                    plan.id,
                    &date_words(date),
                    plan.id == book.current,
                );
            }
        }
        options.push_str("</optgroup>");
    }

    html! {
        <section class="card plan-bar" aria-labelledby="plans-heading">
            { Html::from_html_unchecked(AttrValue::Static(r#"<h2 id="plans-heading">Plans</h2>"#)) }
            <div class="plan-fields">
                <div class="field">
                    { Html::from_html_unchecked(AttrValue::Static(r#"<label for="plan-select">Plan</label>"#)) }
                    <select id="plan-select" data-testid="plan-select" onchange={on_switch}>
                        { Html::from_html_unchecked(options.into()) }
                    </select>
                </div>
                <div class="field">
                    { Html::from_html_unchecked(AttrValue::Static(r#"<label for="plan-name">Name of this plan</label>"#)) }
                    <input
                        id="plan-name"
                        data-testid="plan-name"
                        type="text"
                        autocomplete="off"
                        maxlength="120"
                        value={(*name_text).clone()}
                        aria-invalid={state.name_error.is_some().to_string()}
                        aria-describedby={state.name_error.is_some().then_some(NAME_ERROR_ID)}
                        oninput={on_name}
                    />
                </div>
            </div>
            if let Some(error) = state.name_error {
                <p id={NAME_ERROR_ID} class="field-error" role="alert">
                    { format!("{error} The plan keeps the name “{}”.", current.name) }
                </p>
            }
            <div class="plan-buttons">
                <button type="button" class="secondary" data-testid="new-plan" onclick={on_new}>{ "New plan" }</button>
                <button type="button" class="secondary" data-testid="duplicate-plan" onclick={on_duplicate}>{ "Duplicate" }</button>
                <button type="button" class="remove" data-testid="delete-plan" onclick={on_delete}>{ "Delete plan…" }</button>
            </div>
            { plan_transfer(&state, &transfer) }
            { backup_status(&state, &backup_message, false) }
        </section>
    }
}
