//! The day at a glance: magnesium from food and supplements against the target, and the
//! warnings about supplements. The chart and the foods that would close a gap are in
//! [`crate::components::DayChart`], below the meals.

use yew::prelude::*;

use super::reference_summary::{INFANT_LIMIT_WORDS, age_band_words, limit_setter};
use crate::components::escaped;
use crate::domain::decimal_text::plain;
use crate::domain::foods::FoodTable;
use crate::domain::guidance::{
    ExcessLevel, SPLIT_DOSE_ABOVE_MG, SupplementWarning, doses_worth_splitting, supplement_warning,
};
use crate::domain::guidelines::EffectiveLimit;
use crate::domain::plan::{DayTotals, SupplementDose, mg_text};
use crate::domain::{Authority, reference_values};
use crate::food_data::CatalogState;
use crate::state::PlannerContext;

/// Totals and warnings for the day.
///
/// A plain function rather than a component, called with App's state: each component costs the
/// wasm Yew's per-component code (BENCHMARKS.md, "Size budgets").
pub fn day_summary(state: &PlannerContext, catalog: &CatalogState) -> Html {
    // Supplements need no food table: with it still loading, or failed, the totals and the
    // warnings still show, and every food counts as "no data" until it arrives.
    let fallback = FoodTable::default();
    let table = catalog.ready().map_or(&fallback, |c| c.table());
    let table_status = match &catalog {
        // The search box says the table is loading, and the totals wait for it if foods do.
        CatalogState::Loading => None,
        CatalogState::Failed(reason) => Some(format!(
            "The food table could not be loaded ({reason}), so foods count as no data. Reload to try again."
        )),
        CatalogState::Ready(_) => None,
    };
    let settings = &state.settings;
    let values = reference_values(settings.authority, &settings.profile);
    let totals = DayTotals::of(state.plan(), table);
    let complete = totals.food.is_complete();
    let at_least = if complete { "" } else { "at least " };
    // Foods are counted once the table is here; until then the totals say so rather than
    // showing "at least 0 mg". Supplements need no table.
    let loading = matches!(catalog, CatalogState::Loading) && !state.plan().entries.is_empty();
    let target_mg = values.intake.as_ref().map(|i| i.mg);
    let warning = supplement_warning(
        totals.supplement_mg,
        values.effective_limit,
        settings.profile.age,
        settings.kidney_disease,
    );
    let to_split = doses_worth_splitting(state.plan());

    // The three totals are read-only: written as HTML text, as History's chart is, which costs
    // the wasm less than an `html!` tree. They hold numbers and the planner's own words.
    let totals_text = format!(
        r#"<div class="totals"><div class="total total-main"><h3>Total magnesium</h3><p class="value-number" data-testid="total-mg">{}</p><p class="value-detail">{}</p></div><div class="total"><h3>{}</h3><p class="value-number small" data-testid="total-food-mg">{}</p>{}</div><div class="total"><h3>From supplements</h3><p class="value-number small" data-testid="total-supplement-mg">{}</p><p class="value-detail">{}</p></div></div>"#,
        if loading {
            "Loading…".to_owned()
        } else {
            totals.total_display()
        },
        match (target_mg, target_mg.and_then(|t| totals.percent_of(t))) {
            (Some(target), _) if loading => {
                format!("Counting the foods; your target is {target} mg")
            }
            (Some(target), Some(percent)) => {
                format!("{at_least}{}% of your {target} mg target", plain(percent))
            }
            _ => "No reference intake for this age".to_owned(),
        },
        if state.plan().waters.is_empty() {
            "From food"
        } else {
            "From food and water"
        },
        if loading {
            "Loading…".to_owned()
        } else {
            totals.food.display()
        },
        if state.plan().waters.is_empty() {
            String::new()
        } else {
            format!(
                r#"<p class="value-detail">{} from water</p>"#,
                mg_text(totals.water_mg)
            )
        },
        mg_text(totals.supplement_mg),
        match values.effective_limit {
            EffectiveLimit::Own { mg, .. } => format!("limit {mg} mg"),
            EffectiveLimit::IomFallback { mg, .. } => format!("IOM limit {mg} mg"),
            EffectiveLimit::Infant => "infants: from milk, formula and food only".to_owned(),
        },
    );

    html! {
        <section class="card day-summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{ "Your day at a glance" }</h2>
            if let Some(status) = table_status {
                <p class="hint" role="status">{ status }</p>
            }
            { Html::from_html_unchecked(totals_text.into()) }
            if let Some(warning) = warning {
                { ul_warning(warning, settings.authority, totals.supplement_mg) }
            }
            if !to_split.is_empty() {
                { split_advice(&to_split) }
            }
        </section>
    }
}

/// The advice to split the doses of more than [`SPLIT_DOSE_ABOVE_MG`]: read-only, so HTML text
/// (cheaper in the wasm than an `html!` tree), the doses' names escaped (a product's is the
/// person's own), joined by a plain loop rather than a collected list.
fn split_advice(to_split: &[&SupplementDose]) -> Html {
    let mut text = String::from(r#"<div class="advice" data-testid="split-dose-advice">"#);
    for (at, dose) in to_split.iter().enumerate() {
        if at > 0 {
            text.push_str(", ");
        }
        text.push_str(&escaped(dose.input.name()));
    }
    text.push_str(&format!(
        ": more than {} mg in one dose. The BfR (2017) advises splitting a supplement into at \
         least two doses.</div>",
        plain(SPLIT_DOSE_ABOVE_MG)
    ));
    Html::from_html_unchecked(text.into())
}

/// The `ul-warning` box: what limit the day's supplements passed, how far, and, louder, what that
/// means with kidney disease. Every sentence is from `shared/reference/magnesium.md` ("Too much
/// magnesium", "Children and infants", "Absorption and tolerance") or the issue's wording.
/// Where the warning's limit and effects come from: the authority's own limit names its
/// setter (SCF, BfR, EVM or IOM); the IOM's fallback and the infant rule are the IOM's.
fn warning_source(limit: EffectiveLimit, authority: Authority) -> String {
    match limit {
        EffectiveLimit::Own { .. } => format!(
            "Source: {}; NIH Office of Dietary Supplements",
            authority.limit_source()
        ),
        EffectiveLimit::IomFallback { .. } | EffectiveLimit::Infant => {
            "Source: NIH Office of Dietary Supplements; IOM (1997)".to_owned()
        }
    }
}

fn ul_warning(warning: SupplementWarning, authority: Authority, supplement_mg: f64) -> Html {
    let far = warning.level == ExcessLevel::FarAbove;
    let class = classes!(
        "warning",
        far.then_some("ul-far"),
        warning.kidney_disease.then_some("ul-kidney")
    );
    let given = format!("Today's supplements give {}.", mg_text(supplement_mg));
    let headline = match (warning.limit, far) {
        (EffectiveLimit::Own { mg, kind }, false) => {
            format!("Supplements are above the {} of {mg} mg.", kind.label())
        }
        (EffectiveLimit::Own { mg, kind }, true) => {
            format!("Supplements are far above the {} of {mg} mg.", kind.label())
        }
        (EffectiveLimit::IomFallback { mg, band, .. }, far) => format!(
            "Supplements are {}above {mg} mg, the IOM's upper level for {}.",
            if far { "far " } else { "" },
            age_band_words(band)
        ),
        (EffectiveLimit::Infant, _) => "Supplements for a baby under 1 year.".to_owned(),
    };
    let context = match warning.limit {
        EffectiveLimit::Own { .. } => None,
        EffectiveLimit::IomFallback {
            authority_limit_from_years,
            ..
        } => Some(format!(
            "No limit for this age from {}, which sets one from age {authority_limit_from_years}: \
             the IOM's is the only published one.",
            limit_setter(authority)
        )),
        EffectiveLimit::Infant => Some(INFANT_LIMIT_WORDS.to_owned()),
    };
    let effects = if far {
        Some(
            "Very large amounts of magnesium from laxatives and antacids, typically more than 5,000 mg \
         a day, have caused magnesium toxicity: low blood pressure, nausea, vomiting, facial \
         flushing, urine retention, ileus (the gut stops moving), depression and lethargy, then \
         muscle weakness, difficulty breathing, irregular heartbeat and cardiac arrest.",
        )
    } else if warning.limit == EffectiveLimit::Infant {
        // The infant rule already says all there is: supplements are not for babies.
        None
    } else {
        Some(
            "Above the limit, the usual effects are diarrhoea, nausea and cramps. The US upper level \
             counts supplements and medicines, not the magnesium naturally present in food; the \
             planner counts any medicine you enter against the limit shown.",
        )
    };
    // The words inside are read-only and the planner's own, so they are HTML text (cheaper in
    // the wasm than an `html!` tree); the alert itself stays an element, so that it is the same
    // live region from render to render.
    let mut text = format!("<p><strong>{headline}</strong> {given}</p>");
    for paragraph in [context.as_deref(), effects].into_iter().flatten() {
        text.push_str(&format!("<p>{paragraph}</p>"));
    }
    if far {
        text.push_str(r#"<p class="ul-urgent"><strong>If anyone has taken this much, or has these signs, get medical help now.</strong></p>"#);
    }
    if warning.kidney_disease {
        text.push_str(
            r#"<p class="ul-urgent"><strong>You said you have kidney disease.</strong> Magnesium is cleared by the kidneys, and the risk of toxicity is highest with reduced kidney function: do not take magnesium supplements without your doctor.</p>"#,
        );
    }
    text.push_str(&format!(
        r#"<p class="source">{}</p>"#,
        warning_source(warning.limit, authority)
    ));
    html! {
        <div class={class} role="alert" data-testid="ul-warning">
            { Html::from_html_unchecked(text.into()) }
        </div>
    }
}
