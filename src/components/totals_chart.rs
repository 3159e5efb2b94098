//! The day's magnesium as a picture: one bar for the whole day against the target, split by
//! meal and supplements, and one for supplements against their limit. Inline SVG drawn here,
//! with the same facts in words for screen readers.

use yew::prelude::*;

use crate::domain::choice::Choice;
use crate::domain::decimal_text::plain;
use crate::domain::plan::{Meal, mg_text};

/// What the chart shows.
pub struct TotalsChart {
    /// Magnesium from each meal, in the order of [`Meal::ALL`], in mg.
    pub food_by_meal_mg: Vec<f64>,
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
const SUPPLEMENT_COLOUR: &str = "#1a56db";
const OVER_COLOUR: &str = "#a1261b";

/// Scales mg to chart units so that the larger of `a` and `b` fills 90% of the width.
fn scale(a: f64, b: f64) -> impl Fn(f64) -> f64 {
    let most = a.max(b).max(1.0);
    move |mg| (mg / most * WIDTH * 0.9).max(0.0)
}

/// The chart and its legend. A plain function rather than a component: it has no state, and
/// each component costs the wasm about 2 KB of Yew's machinery (BENCHMARKS.md, "Size budgets").
pub fn totals_chart(props: &TotalsChart) -> Html {
    let food_mg: f64 = props.food_by_meal_mg.iter().sum();
    let total_mg = food_mg + props.supplement_mg;
    let target = props.target_mg.map(f64::from);
    let day_x = scale(total_mg, target.unwrap_or(0.0));

    // Segments of the day bar: each meal, then supplements.
    let mut segments = Vec::new();
    let mut x = 0.0;
    for (i, mg) in props.food_by_meal_mg.iter().enumerate() {
        let width = day_x(*mg);
        segments.push(html! { <rect x={plain(x)} y="26" width={plain(width)} height="26" fill={MEAL_COLOURS[i % 4]} /> });
        x += width;
    }
    let supplement_width = day_x(props.supplement_mg);
    segments.push(html! { <rect x={plain(x)} y="26" width={plain(supplement_width)} height="26" fill={SUPPLEMENT_COLOUR} /> });

    let limit = props.limit_mg.map(f64::from);
    let over = props.warned;
    let supplement_x = scale(props.supplement_mg, limit.unwrap_or(0.0));

    let meals_words: Vec<String> = Meal::ALL
        .iter()
        .zip(&props.food_by_meal_mg)
        .map(|(meal, mg)| format!("{} {}", meal.label().to_ascii_lowercase(), mg_text(*mg)))
        .collect();
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

    html! {
        <figure class="totals-chart">
            <svg
                viewBox={format!("0 0 {} 124", plain(WIDTH))}
                role="img"
                aria-labelledby="chart-title chart-desc"
                preserveAspectRatio="xMinYMin meet"
            >
                <title id="chart-title">{ "Magnesium today against the target and the supplement limit" }</title>
                <desc id="chart-desc">{ description.clone() }</desc>
                <text x="0" y="18" class="chart-label">{ format!("Day: {}{}", if props.food_complete { "" } else { "≥ " }, mg_text(total_mg)) }</text>
                <rect x="0" y="26" width={plain(WIDTH * 0.9)} height="26" class="chart-track" />
                { for segments }
                if let Some(target) = target {
                    <line x1={plain(day_x(target))} x2={plain(day_x(target))} y1="20" y2="58" class="chart-marker" />
                    // Under the bar, reading away from the middle, so it never runs into the
                    // day's total above the bar, however far past the target the day is.
                    <text x={plain(day_x(target))} y="70" class="chart-label"
                        text-anchor={if day_x(target) > WIDTH * 0.45 { "end" } else { "start" }}>{ format!("target {}", plain(target)) }</text>
                }
                <text x="0" y="88" class="chart-label">{ format!("Supplements: {}", mg_text(props.supplement_mg)) }</text>
                <rect x="0" y="96" width={plain(WIDTH * 0.9)} height="16" class="chart-track" />
                <rect x="0" y="96" width={plain(supplement_x(props.supplement_mg))} height="16"
                    fill={if over { OVER_COLOUR } else { SUPPLEMENT_COLOUR }} />
                if let Some(limit) = limit {
                    <line x1={plain(supplement_x(limit))} x2={plain(supplement_x(limit))} y1="92" y2="116" class="chart-marker limit" />
                    <text x={plain(supplement_x(limit))} y="88" text-anchor="end" class="chart-label">{ format!("limit {}", plain(limit)) }</text>
                }
            </svg>
            <figcaption>
                <ul class="legend">
                    { for Meal::ALL.iter().zip(&props.food_by_meal_mg).enumerate().map(|(i, (meal, mg))| html! {
                        <li><span class={classes!("swatch", format!("meal-{i}"))}></span>{ format!("{} {}", meal.label(), mg_text(*mg)) }</li>
                    }) }
                    <li><span class="swatch supplements"></span>{ format!("Supplements {}", mg_text(props.supplement_mg)) }</li>
                </ul>
            </figcaption>
        </figure>
    }
}
