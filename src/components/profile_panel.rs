//! The "Who is this plan for?" form: age, sex, pregnancy or breastfeeding, and whose reference
//! values to use.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::{ChoiceField, NumberField, NumberText, choice_field, number_field};
use crate::domain::decimal_text::plain;
use crate::domain::{AgeError, MAX_AGE_YEARS, Stage};
use crate::state::{Action, PlannerContext};

/// The profile form.
///
/// A plain function rather than a component, called with App's state: each component costs the
/// wasm Yew's per-component code (BENCHMARKS.md, "Size budgets").
pub fn profile_panel(state: &PlannerContext) -> Html {
    let profile = state.settings.profile;
    let authority = state.settings.authority;

    let on_age_input = {
        let state = state.clone();
        Callback::from(move |typed: NumberText| {
            // Text the browser cannot read stays on screen (the field's value is then empty);
            // only the message changes.
            if typed.unreadable {
                state.dispatch(Action::RejectAge(AgeError::NotANumber));
            } else {
                state.dispatch(Action::EditAge(typed.text));
            }
        })
    };
    let on_kidney_change = {
        let state = state.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            state.dispatch(Action::SetKidneyDisease(input.checked()));
        })
    };

    let dispatch = state.dispatcher().to_callback();
    let stage_offered = Stage::is_offered(profile.sex, profile.age);
    let age = number_field(NumberField {
        id: "profile-age".into(),
        tested: true,
        label: "Age in years".into(),
        hide_label: false,
        bare: false,
        unit: None,
        hint: Some("Use decimals for babies: 0.5 is six months.".into()),
        described_by: None,
        value: NumberText::new(state.age_text.clone()),
        error: state
            .age_error
            .map(|error| format!("{error} Still showing values for age {}.", profile.age).into()),
        whole: false,
        max: Some(plain(MAX_AGE_YEARS).into()),
        placeholder: None,
        on_input: on_age_input,
    });

    html! {
        <section class="card profile-panel" aria-labelledby="profile-heading">
            <h2 id="profile-heading">{ "Who is this plan for?" }</h2>
            { age.field }
            { age.refusal }
            { choice_field(ChoiceField {
                id: "profile-sex",
                tested: true,
                label: "Sex".into(),
                selected: profile.sex,
                disabled: &[],
                invalid: false,
                described_by: None,
                on_change: dispatch.reform(Action::SetSex),
            }) }
            { choice_field(ChoiceField {
                id: "profile-stage",
                tested: true,
                label: "Pregnant or breastfeeding".into(),
                selected: profile.effective_stage(),
                disabled: if stage_offered { &[] } else { &[Stage::Pregnant, Stage::Lactating] },
                invalid: false,
                described_by: Some("profile-stage-hint".into()),
                on_change: dispatch.reform(Action::SetStage),
            }) }
            // Read-only: HTML text, cheaper in the wasm than an `html!` element.
            { Html::from_html_unchecked(AttrValue::Static(if stage_offered {
                r#"<p id="profile-stage-hint" class="hint">Some authorities raise the target in pregnancy or while breastfeeding.</p>"#
            } else {
                r#"<p id="profile-stage-hint" class="hint">Offered for women and girls from 10 years.</p>"#
            })) }
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
            { choice_field(ChoiceField {
                id: "guideline-select",
                tested: true,
                label: "Reference values from".into(),
                selected: authority,
                disabled: &[],
                invalid: false,
                described_by: None,
                on_change: dispatch.reform(Action::SetAuthority),
            }) }
        </section>
    }
}
