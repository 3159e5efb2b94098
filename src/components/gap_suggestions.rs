//! "Closing the gap": up to five everyday foods, each in a usual portion, that would bring the
//! day up to its target with the fewest calories, each added with one click; food groups the
//! person avoids can be hidden. For a baby under 1 year it says why no foods are suggested, and
//! with kidney disease it adds that kidney diets often limit potassium and phosphorus.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::plan_bar::dispatch_on_click;
use crate::components::escaped;
use crate::domain::catalog::Catalog;
use crate::domain::decimal_text::{fixed, plain};
use crate::domain::plan::{Meal, Serving, mg_text};
use crate::domain::suggestions::{DEFAULT_LIMIT, EXCLUDED_GROUPS, GapOffer, offer_for_gap};
use crate::state::{Action, PlannerContext};

/// What the suggestions need.
pub struct GapSuggestionsProps {
    /// The food table.
    pub catalog: Rc<Catalog>,
    /// How much magnesium the day still lacks, in mg.
    pub gap_mg: f64,
    /// True when some food has no data, so the day may lack less than `gap_mg`.
    pub at_most: bool,
}

/// What the section says for a baby instead of foods, as HTML text (it never changes).
const FOR_AN_INFANT: &str = r#"<section class="gap-suggestions" aria-labelledby="gap-heading"><h3 id="gap-heading">No foods suggested for a baby</h3><p class="hint">An infant's magnesium should come from breast milk, formula and, from about 6 months, food only (IOM). The planner suggests no foods under 1 year.</p></section>"#;

/// The suggestions and the food-group filter.
///
/// A plain function rather than a component, called with App's state: each component costs the
/// wasm Yew's per-component code (BENCHMARKS.md, "Size budgets").
pub fn gap_suggestions(state: &PlannerContext, props: &GapSuggestionsProps) -> Html {
    let table = props.catalog.table();
    let settings = &state.settings;
    let hidden = &settings.hidden_groups;
    let (suggestions, kidney_diet) = match offer_for_gap(
        table,
        settings.profile.age,
        settings.kidney_disease,
        props.gap_mg,
        hidden,
        DEFAULT_LIMIT,
    ) {
        GapOffer::Foods {
            suggestions,
            kidney_diet,
        } => (suggestions, kidney_diet),
        GapOffer::Infant => return Html::from_html_unchecked(AttrValue::Static(FOR_AN_INFANT)),
    };

    // The read-only part above the list, written as HTML text as History's chart is (cheaper
    // in the wasm than an `html!` tree): numbers and the planner's own words.
    let mut intro = format!(
        r#"<h3 id="gap-heading">{}{} to go: foods that would close the gap</h3><p class="hint">Everyday foods, each in a usual portion, fewest calories first. Added to snacks; move it by removing and adding again.</p>"#,
        if props.at_most { "Up to " } else { "" },
        mg_text(props.gap_mg)
    );
    if kidney_diet {
        intro.push_str(r#"<p class="note" role="note">You said you have kidney disease: kidney diets often limit potassium and phosphorus. Ask your renal team before adding these foods.</p>"#);
    }
    if suggestions.is_empty() {
        intro.push_str(
            r#"<p class="hint">No food in the table fits with the groups you have hidden.</p>"#,
        );
    }

    html! {
        <section class="gap-suggestions" aria-labelledby="gap-heading">
            { Html::from_html_unchecked(intro.into()) }
            if !suggestions.is_empty() {
                <ul class="suggestions">
                    // Every suggestion is a usual portion of a listed food, so its serving passes;
                    // one that did not could not be added and is not offered.
                    { for suggestions.iter().filter_map(|s| {
                        let action = Action::AddFood {
                            ndb: s.food.ndb,
                            serving: Serving::new(s.portion.clone(), s.quantity).ok()?,
                            meal: Meal::Snacks,
                        };
                        let onclick = dispatch_on_click(state, action);
                        let amount = if s.quantity == 1.0 {
                            s.portion.label.clone()
                        } else {
                            format!("{} × {}", plain(s.quantity), s.portion.label)
                        };
                        // The food and its figures are read-only: HTML text, cheaper in the wasm
                        // than `html!` elements; the table's words are escaped.
                        let about = format!(
                            r#"<span class="entry-name">{}</span><span class="hint">{}: {}, {} kcal{}</span>"#,
                            escaped(&s.food.description),
                            escaped(&amount),
                            mg_text(s.magnesium_mg),
                            fixed(s.kcal, 0),
                            if s.closes_gap { "" } else { " (part of the gap)" }
                        );
                        Some(html! {
                            <li class="suggestion" data-testid="gap-suggestion">
                                { Html::from_html_unchecked(about.into()) }
                                <button type="button" class="secondary" {onclick}
                                    aria-label={format!("Add {} to snacks", s.food.description)}>
                                    { "Add" }
                                </button>
                            </li>
                        })
                    }) }
                </ul>
            }
            <details class="hide-groups">
                { Html::from_html_unchecked(format!("<summary>Hide food groups you avoid ({} hidden)</summary>", hidden.len()).into()) }
                <div class="group-checks">
                    // Groups never suggested anyway (baby foods, soups) are not offered.
                    { for table.groups().iter().filter(|g| !EXCLUDED_GROUPS.contains(&g.code)).map(|group| {
                        let code = group.code;
                        let checked = hidden.contains(&code);
                        let id = format!("hide-group-{code}");
                        let onchange = {
                            let state = state.clone();
                            Callback::from(move |event: Event| {
                                let input: HtmlInputElement = event.target_unchecked_into();
                                state.dispatch(Action::HideGroup { code, hidden: input.checked() });
                            })
                        };
                        html! {
                            <label for={id.clone()} class="check">
                                <input type="checkbox" id={id} {checked} {onchange} />
                                { &group.name }
                            </label>
                        }
                    }) }
                </div>
            </details>
        </section>
    }
}
