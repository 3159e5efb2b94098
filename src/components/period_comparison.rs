//! "Did it help?": two periods of the diary side by side (by default the 14 days before the
//! first supplement dose and the 14 days from it), with what a diary can and cannot say.

use crate::domain::decimal_text::fixed;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::history_chart::HistoryChoices;
use crate::components::date_words;
use crate::domain::diary::{
    BAD_NIGHT_FROM, CalendarDate, DayRecord, FEW_NIGHTS, Period, PeriodError, PeriodStats,
    before_and_after, compare,
};
use crate::domain::plan::mg_text;

/// How long each default period is, in days.
const DEFAULT_DAYS: u16 = 14;

/// Which end of which period a date field sets.
#[derive(Clone, Copy, PartialEq)]
enum End {
    BeforeFirst,
    BeforeLast,
    AfterFirst,
    AfterLast,
}

impl End {
    fn testid(self) -> &'static str {
        match self {
            End::BeforeFirst => "compare-before-first",
            End::BeforeLast => "compare-before-last",
            End::AfterFirst => "compare-after-first",
            End::AfterLast => "compare-after-last",
        }
    }
}

fn period_error_text(error: PeriodError) -> &'static str {
    match error {
        PeriodError::EndsBeforeItStarts => "A period must end on or after the day it starts.",
        PeriodError::TooLong => "Choose periods of at most three years.",
    }
}

fn mean_text(mg: Option<f64>, incomplete: bool, none: &str) -> String {
    match mg {
        Some(mg) if incomplete => format!("at least {}", mg_text(mg)),
        Some(mg) => mg_text(mg),
        None => none.to_owned(),
    }
}

/// One period's figures under `title`; the doctor's summary shows its period with the same.
/// Written as text, as the history's chart and table are: a list of a dozen figures built node
/// by node cost more wasm than the text it makes. `title` is the planner's own words, and the
/// rest are dates and numbers.
pub(super) fn column(title: &str, stats: &PeriodStats) -> Html {
    use std::fmt::Write;
    let mut text = format!(
        r#"<div class="period"><h4>{title}</h4><p class="hint">{} to {}</p><dl>"#,
        date_words(stats.period.first()),
        date_words(stats.period.last())
    );
    // Each figure written as it comes rather than gathered in a list first, whose type would
    // bring its own dropping code.
    let mut row = |term: &str, value: &str| {
        let _ = write!(text, "<dt>{term}</dt><dd>{value}</dd>");
    };
    row(
        "From food, mean a day",
        &mean_text(stats.mean_food_mg, stats.food_incomplete, "no food entered"),
    );
    row(
        "From supplements, mean a day",
        &mean_text(stats.mean_supplement_mg, false, "no days with entries"),
    );
    row(
        "Total, mean a day",
        &mean_text(
            stats.mean_total_mg(),
            stats.food_incomplete,
            "no food entered",
        ),
    );
    row("Days with entries", &stats.days_with_entries.to_string());
    row(
        "Of them, days with food entered",
        &stats.days_with_food.to_string(),
    );
    row(
        "Mean night rating",
        &stats.mean_rating.map_or("no nights rated".to_owned(), |r| {
            format!("{} of 10", fixed(r, 1))
        }),
    );
    row(
        &format!("Nights rated {BAD_NIGHT_FROM} or more"),
        &stats.bad_nights.to_string(),
    );
    row("Nights rated", &stats.nights_rated.to_string());
    row("Nights woken by cramps", &stats.cramp_nights.to_string());
    text.push_str("</dl></div>");
    Html::from_html_unchecked(text.into())
}

/// What "Did it help?" says before any dose is recorded; HTML text, as it never changes.
const NOTHING_TO_COMPARE: &str = r#"<div class="period-comparison" data-testid="period-comparison"><h3>Did it help?</h3><p class="hint">Once a supplement dose is recorded, the 14 days before the first day with a dose and the 14 days from it can be compared here.</p></div>"#;

/// What a diary cannot show, under the comparison; HTML text, as it never changes.
const CAVEAT: &str = r#"<p class="hint caveat">A diary is not a trial. Leg symptoms come and go on their own, and expecting a supplement to help can make nights feel better (the placebo effect), so a difference here does not show that magnesium caused it, and the planner does not test whether it is more than chance. Talk to your doctor about what you see.</p>"#;

/// The periods the person has chosen, if any, and why the last date typed was refused, if it
/// was; one state rather than two `use_state`s, each of which costs the wasm its hook code.
#[derive(Clone, Copy, Default, PartialEq)]
pub(super) struct Chosen {
    periods: Option<(Period, Period)>,
    error: Option<PeriodError>,
}

/// The two periods, their dates editable, side by side.
pub fn period_comparison(records: &[DayRecord], choices: &HistoryChoices) -> Html {
    let chosen = &choices.chosen;
    let error = chosen.error;
    let Some((before, after)) = chosen
        .periods
        .or_else(|| before_and_after(records, DEFAULT_DAYS))
    else {
        return Html::from_html_unchecked(AttrValue::Static(NOTHING_TO_COMPARE));
    };
    let comparison = compare(records, before, after);
    let field = |end: End, label: &str, value: CalendarDate| {
        let invalid = error.is_some().to_string();
        let chosen = chosen.clone();
        let on_change = Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Ok(date) = CalendarDate::parse(&input.value()) else {
                return;
            };
            let (mut b, mut a) = (
                (before.first(), before.last()),
                (after.first(), after.last()),
            );
            match end {
                End::BeforeFirst => b.0 = date,
                End::BeforeLast => b.1 = date,
                End::AfterFirst => a.0 = date,
                End::AfterLast => a.1 = date,
            }
            chosen.set(match (Period::new(b.0, b.1), Period::new(a.0, a.1)) {
                (Ok(b), Ok(a)) => Chosen {
                    periods: Some((b, a)),
                    error: None,
                },
                (Err(e), _) | (_, Err(e)) => Chosen {
                    error: Some(e),
                    ..*chosen
                },
            });
        });
        html! {
            <div class="field">
                { Html::from_html_unchecked(format!(r#"<label for="{}">{label}</label>"#, end.testid()).into()) }
                <input id={end.testid()} data-testid={end.testid()} type="date" value={value.to_string()}
                    onchange={on_change} aria-invalid={invalid} />
            </div>
        }
    };

    html! {
        <div class="period-comparison" data-testid="period-comparison">
            <h3>{ "Did it help?" }</h3>
            <div class="period-fields">
                { field(End::BeforeFirst, "Before: from", before.first()) }
                { field(End::BeforeLast, "to", before.last()) }
                { field(End::AfterFirst, "After: from", after.first()) }
                { field(End::AfterLast, "to", after.last()) }
            </div>
            if let Some(e) = error {
                <p class="field-error" role="alert">{ format!("{} The comparison keeps the periods it had.", period_error_text(e)) }</p>
            }
            <div class="periods">
                { column("Before", &comparison.before) }
                { column("After", &comparison.after) }
            </div>
            if comparison.too_few_nights {
                // HTML text, cheaper in the wasm than an `html!` element.
                { Html::from_html_unchecked(format!(
                    r#"<p class="hint" role="status" data-testid="too-few-nights">Fewer than {FEW_NIGHTS} nights are rated in at least one period: too few to compare at all.</p>"#
                ).into()) }
            }
            { Html::from_html_unchecked(AttrValue::Static(CAVEAT)) }
        </div>
    }
}
