//! Who the plan is for, in one line at the top of the page ("Woman, 52 · US values · aim
//! 320 mg · supplements at most 350 mg · Change"), so the profile need not fill the first
//! screen once it has been chosen.

use yew::prelude::*;

use super::section_nav::section_link_click;
use crate::components::Section;
use crate::domain::decimal_text::plain;
use crate::domain::guidelines::EffectiveLimit;
use crate::domain::{Authority, Profile, Settings, Sex, Stage, reference_values};
use crate::state::PlannerContext;

/// What the line needs.
pub struct ProfileLineProps {
    /// True once the person has changed the profile or another setting at least once; until
    /// then the line says whose values are shown and asks for the person's own.
    pub chosen: bool,
    /// Called when the person follows "Change" to the profile.
    pub on_choose: Callback<Section>,
}

/// "Woman, 52", "Girl, 9", "Boy, 6 months", with the pregnancy or breastfeeding that counts.
fn person(profile: &Profile) -> String {
    let years = profile.age.years();
    let noun = match (profile.sex, years >= 18.0) {
        (Sex::Female, true) => "Woman",
        (Sex::Male, true) => "Man",
        (Sex::Female, false) => "Girl",
        (Sex::Male, false) => "Boy",
    };
    let age = if years < 1.0 {
        match profile.age.months().round() {
            1.0 => "1 month".to_owned(),
            months => format!("{} months", plain(months)),
        }
    } else {
        profile.age.to_string()
    };
    let stage = match profile.effective_stage() {
        Stage::Neither => "",
        Stage::Pregnant => ", pregnant",
        Stage::Lactating => ", breastfeeding",
    };
    format!("{noun}, {age}{stage}")
}

/// The authority in two words.
fn values_of(authority: Authority) -> &'static str {
    match authority {
        Authority::Us => "US values",
        Authority::Eu => "EU values",
        Authority::Uk => "UK values",
        Authority::Dach => "D-A-CH values",
    }
}

/// The profile's parts as the line shows them: who, whose values, the target, the supplement
/// limit and the kidney switch. The doctor's summary shows the same words.
pub(super) fn profile_parts(settings: &Settings) -> Vec<String> {
    let values = reference_values(settings.authority, &settings.profile);
    let mut parts = vec![
        person(&settings.profile),
        values_of(settings.authority).to_owned(),
        values.intake.as_ref().map_or_else(
            || "no daily target for this age".to_owned(),
            |intake| format!("aim {} mg", intake.mg),
        ),
        // Never "no limit": where the authority sets none, the IOM's is the one that applies,
        // and a baby takes none without a doctor (shared/reference/magnesium.md, "Children").
        match values.effective_limit {
            EffectiveLimit::Own { mg, .. } => format!("supplements at most {mg} mg"),
            EffectiveLimit::IomFallback { mg, .. } => format!("supplements at most {mg} mg (IOM)"),
            EffectiveLimit::Infant => "no supplements without a doctor".to_owned(),
        },
    ];
    if settings.kidney_disease {
        parts.push("kidney disease".to_owned());
    }
    parts
}

/// The profile in one line, with a link to change it.
///
/// A plain function rather than a component, called with App's state: each component costs the
/// wasm Yew's per-component code (BENCHMARKS.md, "Size budgets").
pub fn profile_line(state: &PlannerContext, props: &ProfileLineProps) -> Html {
    let settings = &state.settings;
    let parts = profile_parts(settings);
    let (who, whose) = (person(&settings.profile), values_of(settings.authority));
    let onclick = section_link_click(&props.on_choose, Section::Profile);
    let link = |text: &'static str, label: &'static str| {
        html! {
            <a
                href={format!("#{}", Section::Profile.fragment())}
                data-testid="change-profile"
                aria-label={label}
                onclick={onclick.clone()}
            >
                { text }
            </a>
        }
    };
    // Before a profile is chosen the totals already show the target and the limit: the line
    // only says whose they are, short enough for two lines on a phone.
    html! {
        <p class="profile-line" data-testid="profile-line">
            // The words before the link are HTML text, cheaper in the wasm than `html!` nodes:
            // the planner's own words and numbers.
            if props.chosen {
                { Html::from_html_unchecked(format!("{} · ", parts.join(" · ")).into()) }
                { link("Change", "Change who this plan is for") }
            } else {
                { Html::from_html_unchecked(format!(r#"<span class="profile-line-start">Showing values for: </span>{who} · {whose} · "#).into()) }
                { link("Set your profile", "Set your profile: who this plan is for") }
            }
        </p>
    }
}
