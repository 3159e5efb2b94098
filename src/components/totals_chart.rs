//! The day's magnesium as a picture: one bar for the whole day against the target, split by
//! meal, water and supplements, and one for supplements against their limit. Inline SVG drawn here,
//! with the same facts in words for screen readers.

use yew::prelude::*;

use crate::domain::choice::Choice;
use crate::domain::decimal_text::plain;
use crate::domain::plan::{Meal, mg_text};

/// What the chart shows.
pub struct TotalsChart {
    /// Magnesium from each meal, in the order of [`Meal::ALL`], in mg.
    pub food_by_meal_mg: Vec<f64>,
    /// Magnesium from water, in mg: counted as food, drawn as its own part of the day's bar.
    pub water_mg: f64,
    /// Elemental magnesium from supplements, in mg.
    pub supplement_mg: f64,
    /// The day's reference intake, if the authority gives one.
    pub target_mg: Option<u32>,
    /// The supplement limit that applies (the authority's, or the IOM's where the authority sets
    /// none for the age); `None` for an infant, for whom any supplement is warned about.
    pub limit_mg: Option<u32>,
    /// True while the page shows `ul-warning`: the supplement bar is then drawn as over.
    pub warned: bool,
    /// False when some food has no magnesium value, so the day's total is a lower bound.
    pub food_complete: bool,
}

const WIDTH: f64 = 320.0;
// The legend's swatches repeat these colours in style/main.css (.swatch.meal-N), because the
// Content Security Policy allows no inline styles.
const MEAL_COLOURS: [&str; 4] = ["#1f5f50", "#2f7d66", "#4b9a80", "#74b59c"];
const WATER_COLOUR: &str = "#8cc7e6";
const SUPPLEMENT_COLOUR: &str = "#1a56db";
const OVER_COLOUR: &str = "#a1261b";

/// Scales mg to chart units so that the larger of `a` and `b` fills 90% of the width.
fn scale(a: f64, b: f64) -> impl Fn(f64) -> f64 {
    let most = a.max(b).max(1.0);
    move |mg| (mg / most * WIDTH * 0.9).max(0.0)
}

/// The chart and its legend. A plain function rather than a component: it has no state, and
/// each component costs the wasm about 2 KB of Yew's machinery (BENCHMARKS.md, "Size budgets").
/// Written as HTML text, as History's chart is: the figure is read-only, and the text cost
/// less wasm than a tree of elements built one by one. Everything in it is a number or the
/// planner's own words.
pub fn totals_chart(props: &TotalsChart) -> Html {
    use std::fmt::Write;
    let food_mg: f64 = props.food_by_meal_mg.iter().sum::<f64>() + props.water_mg;
    let total_mg = food_mg + props.supplement_mg;
    let target = props.target_mg.map(f64::from);
    let day_x = scale(total_mg, target.unwrap_or(0.0));

    let limit = props.limit_mg.map(f64::from);
    let over = props.warned;
    let supplement_x = scale(props.supplement_mg, limit.unwrap_or(0.0));

    // A plain loop rather than an adapter chain, which the wasm would hold a copy of.
    let mut meals_words: Vec<String> = Vec::with_capacity(Meal::ALL.len() + 1);
    for (meal, mg) in Meal::ALL.iter().zip(&props.food_by_meal_mg) {
        meals_words.push(format!(
            "{} {}",
            meal.label().to_ascii_lowercase(),
            mg_text(*mg)
        ));
    }
    if props.water_mg > 0.0 {
        meals_words.push(format!("water {}", mg_text(props.water_mg)));
    }
    let description = format!(
        "Total {}{}{}: {}, supplements {}. Supplements {}{}.",
        if props.food_complete { "" } else { "at least " },
        mg_text(total_mg),
        props
            .target_mg
            .map_or(String::new(), |t| format!(" of a {t} mg target")),
        meals_words.join(", "),
        mg_text(props.supplement_mg),
        mg_text(props.supplement_mg),
        props.limit_mg.map_or(
            " (infants: magnesium from milk, formula and food only)".to_owned(),
            |l| { format!(" of a {l} mg limit{}", if over { ", above it" } else { "" }) }
        ),
    );

    let mut figure = String::with_capacity(2000);
    let _ = write!(
        figure,
        r#"<figure class="totals-chart"><svg viewBox="0 0 {} 124" role="img" aria-labelledby="chart-title chart-desc" preserveAspectRatio="xMinYMin meet"><title id="chart-title">Magnesium today against the target and the supplement limit</title><desc id="chart-desc">{description}</desc><text x="0" y="18" class="chart-label">Day: {}{}</text><rect x="0" y="26" width="{}" height="26" class="chart-track"/>"#,
        plain(WIDTH),
        if props.food_complete { "" } else { "≥ " },
        mg_text(total_mg),
        plain(WIDTH * 0.9),
    );
    // Segments of the day bar: each meal, water, then supplements.
    let mut x = 0.0;
    let segments = props
        .food_by_meal_mg
        .iter()
        .enumerate()
        .map(|(i, mg)| (*mg, MEAL_COLOURS[i % 4]))
        .chain([
            (props.water_mg, WATER_COLOUR),
            (props.supplement_mg, SUPPLEMENT_COLOUR),
        ]);
    for (mg, colour) in segments {
        let width = day_x(mg);
        let _ = write!(
            figure,
            r#"<rect x="{}" y="26" width="{}" height="26" fill="{colour}"/>"#,
            plain(x),
            plain(width)
        );
        x += width;
    }
    if let Some(target) = target {
        let at = plain(day_x(target));
        // Under the bar, reading away from the middle, so it never runs into the day's total
        // above the bar, however far past the target the day is.
        let anchor = if day_x(target) > WIDTH * 0.45 {
            "end"
        } else {
            "start"
        };
        let _ = write!(
            figure,
            r#"<line x1="{at}" x2="{at}" y1="20" y2="58" class="chart-marker"/><text x="{at}" y="70" class="chart-label" text-anchor="{anchor}">target {}</text>"#,
            plain(target)
        );
    }
    let _ = write!(
        figure,
        r#"<text x="0" y="88" class="chart-label">Supplements: {}</text><rect x="0" y="96" width="{}" height="16" class="chart-track"/><rect x="0" y="96" width="{}" height="16" fill="{}"/>"#,
        mg_text(props.supplement_mg),
        plain(WIDTH * 0.9),
        plain(supplement_x(props.supplement_mg)),
        if over { OVER_COLOUR } else { SUPPLEMENT_COLOUR },
    );
    if let Some(limit) = limit {
        let at = plain(supplement_x(limit));
        let _ = write!(
            figure,
            r#"<line x1="{at}" x2="{at}" y1="92" y2="116" class="chart-marker limit"/><text x="{at}" y="88" text-anchor="end" class="chart-label">limit {}</text>"#,
            plain(limit)
        );
    }
    figure.push_str(r#"</svg><figcaption><ul class="legend">"#);
    for (i, (meal, mg)) in Meal::ALL.iter().zip(&props.food_by_meal_mg).enumerate() {
        let _ = write!(
            figure,
            r#"<li><span class="swatch meal-{i}"></span>{} {}</li>"#,
            meal.label(),
            mg_text(*mg)
        );
    }
    if props.water_mg > 0.0 {
        let _ = write!(
            figure,
            r#"<li><span class="swatch water"></span>Water {}</li>"#,
            mg_text(props.water_mg)
        );
    }
    let _ = write!(
        figure,
        r#"<li><span class="swatch supplements"></span>Supplements {}</li></ul></figcaption></figure>"#,
        mg_text(props.supplement_mg)
    );
    Html::from_html_unchecked(figure.into())
}
