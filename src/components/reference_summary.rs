//! "Your daily reference values": the day's intake target and the supplement limit for the
//! profile, each with the name of its source and what it means.

use yew::prelude::*;

use crate::domain::guidelines::{AgeBand, EffectiveLimit, capitalised};
use crate::domain::{Authority, reference_values};
use crate::state::PlannerContext;

/// Who sets an authority's supplement limit, as a sentence names them.
pub(super) fn limit_setter(authority: Authority) -> &'static str {
    match authority {
        Authority::Us => "the IOM",
        Authority::Eu => "the EU's Scientific Committee on Food",
        Authority::Uk => "the UK's Expert Group on Vitamins and Minerals",
        Authority::Dach => "Germany's BfR",
    }
}

/// An IOM age band in words: "ages 4–8", "ages 9 and over".
pub(super) fn age_band_words(band: AgeBand) -> String {
    match band.until_years {
        Some(until) => format!("ages {}–{}", band.from_years, until.saturating_sub(1)),
        None => format!("ages {} and over", band.from_years),
    }
}

/// Why the chosen authority's limit does not apply, and what does instead.
pub(super) fn fallback_words(
    authority: Authority,
    mg: u32,
    band: AgeBand,
    authority_limit_from_years: u32,
) -> String {
    let setter = limit_setter(authority);
    let setter_capitalised = capitalised(setter);
    format!(
        "{setter_capitalised} sets a supplement limit from age {authority_limit_from_years} only. \
         The IOM's upper level for {}, {mg} mg a day, is the only published limit for this age, \
         and the page warns above it.",
        age_band_words(band)
    )
}

/// What each authority's own limit covers, in its source's terms (reference, "United States",
/// "European Union", "United Kingdom"): the IOM's UL covers supplements and medicines, the
/// SCF's (used by EFSA and the BfR) readily dissociable salts in supplements, water and
/// fortified foods, and the EVM's guidance level supplements for adults.
fn limit_scope_words(authority: Authority) -> &'static str {
    match authority {
        Authority::Us => "Upper level for supplements and medicines",
        Authority::Eu | Authority::Dach => {
            "Upper level for magnesium salts in supplements, water and fortified foods"
        }
        Authority::Uk => "Guidance level for supplements (adults)",
    }
}

/// What the page says about supplements for a baby under 1 year.
pub(super) const INFANT_LIMIT_WORDS: &str = "None of these four authorities sets a supplement limit for \
     infants. \
     A baby's magnesium should come from breast milk, formula and, from about 6 months, food only \
     (IOM). Give a magnesium supplement only on a doctor's advice.";

/// The reference values panel.
///
/// A plain function rather than a component, called with App's state: each component costs the
/// wasm Yew's per-component code (BENCHMARKS.md, "Size budgets").
pub fn reference_summary(state: &PlannerContext) -> Html {
    let settings = &state.settings;
    let values = reference_values(settings.authority, &settings.profile);
    let authority = values.authority;

    let (target_text, target_detail) = match &values.intake {
        Some(intake) => (
            format!("{} mg", intake.mg),
            html! {
                <>
                    <abbr title={intake.kind.full_name()} tabindex="0">{ intake.kind.abbreviation() }</abbr>
                    { format!(" · {}", intake.group) }
                </>
            },
        ),
        None => (
            "No value for this age".to_owned(),
            html! { values.intake_missing_reason.unwrap_or_default() },
        ),
    };
    // "Not established" is never shown alone: it is always followed by the limit that applies
    // (the only published one) or, for an infant, by the infant rule.
    let (limit_text, limit_detail, limit_source) = match values.effective_limit {
        EffectiveLimit::Own { mg, .. } => (
            html! { format!("{mg} mg") },
            limit_scope_words(authority).to_owned(),
            authority.limit_source(),
        ),
        EffectiveLimit::IomFallback {
            mg,
            band,
            authority_limit_from_years,
        } => (
            html! {
                <>
                    <span class="not-established">{ "not established · " }</span>
                    { format!("IOM: {mg} mg") }
                </>
            },
            fallback_words(authority, mg, band, authority_limit_from_years),
            Authority::Us.limit_source(),
        ),
        EffectiveLimit::Infant => (
            html! {
                <span class="not-established">{ "not established for infants: their magnesium should come from milk, formula and food only" }</span>
            },
            INFANT_LIMIT_WORDS.to_owned(),
            Authority::Us.limit_source(),
        ),
    };

    html! {
        <section class="card reference-summary" aria-labelledby="reference-heading" aria-live="polite">
            <h2 id="reference-heading">{ "Daily reference values" }</h2>
            <div class="values">
                <div class="value">
                    <h3 class="value-label">{ "Magnesium to aim for each day" }</h3>
                    <p class="value-number" data-testid="target-mg">{ target_text }</p>
                    <p class="value-detail">{ target_detail }</p>
                    <p class="source">{ "Source: " }<cite>{ authority.intake_source() }</cite></p>
                </div>
                <div class="value">
                    <h3 class="value-label">{ "Most from supplements each day" }</h3>
                    <p class="value-number" data-testid="supplement-ul-mg">{ limit_text }</p>
                    <p class="value-detail">{ limit_detail }</p>
                    <p class="source">{ "Source: " }<cite>{ limit_source }</cite></p>
                </div>
            </div>
            <p class="explainer">
                { "The US upper level is for magnesium from supplements and medicines, not the \
                   magnesium naturally present in food; the planner counts any medicine you enter \
                   against the limit shown. Above it, the usual effects are diarrhoea, nausea and \
                   cramps (NIH ODS); the IOM set its level to avoid diarrhoea." }
            </p>
            { for values.notes.iter().map(|note| html! { <p class="note">{ note }</p> }) }
        </section>
    }
}
