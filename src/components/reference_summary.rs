//! "Your daily reference values": the day's intake target and the supplement limit for the
//! profile, each with the name of its source and what it means.

use yew::prelude::*;

use crate::domain::{SupplementLimit, reference_values};
use crate::state::use_planner;

/// The reference values panel.
#[function_component(ReferenceSummary)]
pub fn reference_summary() -> Html {
    let state = use_planner();
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
    let (limit_text, limit_detail) = match &values.supplement_limit {
        SupplementLimit::Established { mg, kind } => (
            format!("{mg} mg"),
            format!("{} for supplements and medicines", kind.title()),
        ),
        SupplementLimit::NotEstablished { reason } => {
            ("not established".to_owned(), (*reason).to_owned())
        }
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
                    <p class="source">{ "Source: " }<cite>{ authority.limit_source() }</cite></p>
                </div>
            </div>
            <p class="explainer">
                { "The supplement limit counts magnesium from supplements and medicines only, never \
                   the magnesium in food and drinking water. Above it, the usual effect is diarrhoea, \
                   which is why it was set." }
            </p>
            { for values.notes.iter().map(|note| html! { <p class="note">{ note }</p> }) }
        </section>
    }
}
