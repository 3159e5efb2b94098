//! Short, sourced guidance on taking magnesium, the kidney warning when it applies, and the
//! plain statement that the planner is not medical advice.

use yew::prelude::*;

use crate::components::escaped;
use crate::domain::guidance::{GUIDANCE, KIDNEY_WARNING, NOT_MEDICAL_ADVICE};
use crate::state::PlannerContext;

/// The guidance panel.
///
/// A plain function rather than a component, called with App's state: each component costs the
/// wasm Yew's per-component code (BENCHMARKS.md, "Size budgets"). Written as HTML text, as
/// History's chart is: the panel is read-only, and cheaper so. The domain's sentences are
/// escaped, so a later "<" or "&" in them cannot break the markup.
pub fn guidance_panel(state: &PlannerContext) -> Html {
    use std::fmt::Write;
    let mut panel = String::from(
        r#"<section class="card guidance" aria-labelledby="guidance-heading"><h2 id="guidance-heading">Taking magnesium well</h2>"#,
    );
    if state.settings.kidney_disease {
        let _ = write!(
            panel,
            r#"<p class="warning" role="note" data-testid="kidney-warning">{}</p>"#,
            escaped(KIDNEY_WARNING)
        );
    }
    panel.push_str("<ul>");
    for item in GUIDANCE {
        let _ = write!(
            panel,
            r#"<li>{} <span class="source">({})</span></li>"#,
            escaped(item.text),
            escaped(item.source)
        );
    }
    let _ = write!(
        panel,
        "</ul><p><strong>{}</strong></p></section>",
        escaped(NOT_MEDICAL_ADVICE)
    );
    Html::from_html_unchecked(panel.into())
}
