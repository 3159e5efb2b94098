//! What the person's medicines mean for the day's doses: a warning for each dose too close to a
//! medicine, naming both, the rule and its source, with the next time that fits every rule; a
//! note for each dose without a clock time while a timing rule applies; and the times of day
//! that fit all the rules. Part of [`super::MedicineList`]: a plain function rather than a
//! component of its own, because every Yew component adds a few kilobytes of wasm.

use yew::prelude::*;

use crate::components::escaped;
use crate::components::medicine_text::{
    NO_SAFE_TIME, duration, medicine_at, period_words, rule_source, rule_words,
};
use crate::domain::medicines::{
    Conflict, Medicine, Side, conflicts, doses_needing_a_time, safe_period_from, safe_periods,
    timing_matters,
};
use crate::domain::plan::{SupplementDose, mg_text};

/// "Your 200 mg dose of Magnesium citrate", to start a sentence.
fn dose_words(dose: &SupplementDose) -> String {
    let name = dose.input.name();
    format!("Your {} dose of {name}", mg_text(dose.elemental_mg))
}

/// Where the dose falls against the medicine: "1 hour after", "at the same time as".
fn placement(conflict: &Conflict) -> String {
    let apart = duration(conflict.minutes_apart());
    match conflict.side() {
        Side::SameTime => "at the same time as".to_owned(),
        Side::Before => format!("{apart} before"),
        Side::After => format!("{apart} after"),
    }
}

/// Warnings and notes about the day's doses and the person's medicines; nothing when no
/// medicine has a timing rule.
pub fn interaction_warnings(medicines: &[Medicine], doses: &[SupplementDose]) -> Html {
    if !timing_matters(medicines) {
        return html! {};
    }
    let dose = |id| doses.iter().find(|d| d.id == id);
    let found = conflicts(doses, medicines);
    let untimed = doses_needing_a_time(doses, medicines);
    let periods = safe_periods(medicines);

    let warning = |conflict: &Conflict| {
        let Some(dose) = dose(conflict.dose_id) else {
            return html! {};
        };
        let offer = match safe_period_from(medicines, conflict.dose_time) {
            Some(period) => format!(
                "The next time that fits all your medicines: take magnesium {}.",
                period_words(period)
            ),
            None => NO_SAFE_TIME.to_owned(),
        };
        html! {
            <div class="warning" role="alert" data-testid="interaction-warning">
                <strong>{ format!(
                    "{} at {} is {} {}:",
                    dose_words(dose),
                    conflict.dose_time,
                    placement(conflict),
                    medicine_at(conflict.group, &conflict.medicine_time.to_string()),
                ) }</strong>
                { format!(
                    " {} ({}). {offer}",
                    rule_words(conflict.group, conflict.separation),
                    rule_source(conflict.group),
                ) }
            </div>
        }
    };
    // The notes below the warnings are read-only and not alerts: written as HTML text, as
    // History's chart is, which costs the wasm less than `html!` elements. A dose's name is the
    // planner's; its saved time is a clock time or the planner's word for a part of the day.
    let mut notes = String::new();
    for dose in untimed.into_iter().filter_map(dose) {
        let saved_as = dose
            .input
            .time
            .map(|t| format!(" (it is saved as \u{201c}{}\u{201d})", t.label()))
            .unwrap_or_default();
        notes.push_str(r#"<p class="advice" data-testid="dose-time-needed">"#);
        notes.push_str(&escaped(&format!(
            "{} has no clock time{saved_as}. With your medicines the time matters: give the dose \
             a time so that it can be checked against their rules.",
            dose_words(dose),
        )));
        notes.push_str("</p>");
    }
    notes.push_str(r#"<p class="hint" data-testid="magnesium-times">"#);
    if periods.is_empty() {
        notes.push_str(NO_SAFE_TIME);
    } else {
        notes.push_str("Times that fit all your medicines' rules: ");
        for (at, &period) in periods.iter().enumerate() {
            if at > 0 {
                notes.push_str(", ");
            }
            notes.push_str(&period_words(period));
        }
        notes.push('.');
    }
    notes.push_str("</p>");

    html! {
        <div class="interactions">
            { for found.iter().map(warning) }
            { Html::from_html_unchecked(notes.into()) }
        </div>
    }
}
