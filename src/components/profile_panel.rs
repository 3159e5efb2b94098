//! The "Who is this plan for?" form: age, sex, pregnancy or breastfeeding, and whose reference
//! values to use.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::domain::decimal_text::plain;
use crate::domain::{AgeError, Authority, MAX_AGE_YEARS, Sex, Stage};
use crate::state::{Action, PlannerContext};

/// The id of the element that explains a refused age; the field names it in `aria-describedby`.
const AGE_ERROR_ID: &str = "profile-age-error";

/// The profile form.
///
/// A plain function rather than a component, called with App's state: each component costs the
/// wasm Yew's per-component code (BENCHMARKS.md, "Size budgets").
pub fn profile_panel(state: &PlannerContext) -> Html {
    let profile = state.settings.profile;
    let authority = state.settings.authority;

    let on_age_input = {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            // A number field whose text the browser cannot parse reports an empty value; the
            // text is still on screen, so only the message should change.
            if input.validity().bad_input() {
                state.dispatch(Action::RejectAge(AgeError::NotANumber));
            } else {
                state.dispatch(Action::EditAge(input.value()));
            }
        })
    };
    let on_sex_change = select_callback(state, |value| Sex::from_value(value).map(Action::SetSex));
    let on_stage_change = select_callback(state, |value| {
        Stage::from_value(value).map(Action::SetStage)
    });
    let on_authority_change = select_callback(state, |value| {
        Authority::from_value(value).map(Action::SetAuthority)
    });

    let on_kidney_change = {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            state.dispatch(Action::SetKidneyDisease(input.checked()));
        })
    };

    let stage_offered = Stage::is_offered(profile.sex, profile.age);
    let age_invalid = state.age_error.is_some();

    html! {
        <section class="card profile-panel" aria-labelledby="profile-heading">
            <h2 id="profile-heading">{ "Who is this plan for?" }</h2>
            <div class="field">
                <label for="profile-age">{ "Age in years" }</label>
                <input
                    id="profile-age"
                    data-testid="profile-age"
                    type="number"
                    autocomplete="off"
                    inputmode="decimal"
                    min="0"
                    max={plain(MAX_AGE_YEARS)}
                    step="any"
                    value={state.age_text.clone()}
                    aria-invalid={age_invalid.to_string()}
                    aria-describedby={age_invalid.then_some(AGE_ERROR_ID)}
                    oninput={on_age_input}
                />
                <p class="hint">{ "Use decimals for babies: 0.5 is six months." }</p>
                if let Some(error) = state.age_error {
                    <p id={AGE_ERROR_ID} class="field-error" role="alert">
                        { error.to_string() }
                        { format!(" Still showing values for age {}.", profile.age) }
                    </p>
                }
            </div>
            <div class="field">
                <label for="profile-sex">{ "Sex" }</label>
                <select id="profile-sex" data-testid="profile-sex" onchange={on_sex_change}>
                    { for Sex::ALL.iter().map(|&sex| html! {
                        <option value={sex.value()} selected={sex == profile.sex}>{ sex.label() }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="profile-stage">{ "Pregnant or breastfeeding" }</label>
                <select
                    id="profile-stage"
                    data-testid="profile-stage"
                    aria-describedby="profile-stage-hint"
                    onchange={on_stage_change}
                >
                    { for Stage::ALL.iter().map(|&stage| html! {
                        <option
                            value={stage.value()}
                            selected={stage == profile.effective_stage()}
                            disabled={stage != Stage::Neither && !stage_offered}
                        >
                            { stage.label() }
                        </option>
                    }) }
                </select>
                <p id="profile-stage-hint" class="hint">
                    { if stage_offered {
                        "Some authorities raise the target in pregnancy or while breastfeeding."
                    } else {
                        "Offered for women and girls from 10 years."
                    } }
                </p>
            </div>
            <div class="field check-field">
                <label class="check" for="kidney-disease">
                    <input
                        id="kidney-disease"
                        data-testid="kidney-switch"
                        type="checkbox"
                        checked={state.settings.kidney_disease}
                        onchange={on_kidney_change}
                    />
                    { "I have kidney disease" }
                </label>
                <p class="hint">{ "Then the planner asks you, wherever supplements come up, to talk to your doctor before taking any." }</p>
            </div>
            <div class="field">
                <label for="guideline-select">{ "Reference values from" }</label>
                <select id="guideline-select" data-testid="guideline-select" onchange={on_authority_change}>
                    { for Authority::ALL.iter().map(|&a| html! {
                        <option value={a.value()} selected={a == authority}>{ a.label() }</option>
                    }) }
                </select>
            </div>
        </section>
    }
}

/// A `<select>` change handler that turns the chosen value into an action, ignoring values the
/// page never offers.
fn select_callback(
    state: &crate::state::PlannerContext,
    to_action: fn(&str) -> Option<Action>,
) -> Callback<Event> {
    let state = state.clone();
    Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        if let Some(action) = to_action(&select.value()) {
            state.dispatch(action);
        }
    })
}
