//! The summary for a doctor: one printable page (two at most) with who the plans are for, their
//! target and limit, the 30 days ending on the day on screen (means from food and supplements,
//! days with entries, night ratings, and the history chart), the supplements and their times,
//! the medicines and their warnings, and what the guidance says to ask. Everything comes from the
//! parts the rest of the page shows (the profile line, "Did it help?"'s period figures, the
//! history chart, the medicine list, the guidance), so the summary says nothing the page does
//! not and adds little code; printing is the browser's, on the device.

use yew::prelude::*;

use super::history_chart::history_figure;
use super::interaction_warnings::interaction_warnings;
use super::medicine_list::{entry, medicine_advice};
use super::period_comparison::column;
use super::profile_line::profile_parts;
use super::section_nav::section_link_click;
use crate::components::{DayRecords, Section, date_words, escaped, history_end};
use crate::domain::diary::{MAX_NIGHT_RATING, Period, history, period_stats};
use crate::domain::guidance::{IRON_STUDIES, KIDNEY_WARNING, NOT_MEDICAL_ADVICE};
use crate::domain::guidelines::EffectiveLimit;
use crate::domain::plan::mg_text;
use crate::domain::{Authority, reference_values};
use crate::state::PlannerContext;

/// How many days the summary covers, ending on the day on screen (or today).
pub const SUMMARY_DAYS: u16 = 30;

/// The link in History that opens the summary: a real link (`#view=summary`), so it also opens
/// in a new tab.
pub fn doctor_summary_link(on_choose: &Callback<Section>) -> Html {
    html! {
        <p>
            <a href={format!("#{}", Section::Summary.fragment())} data-testid="doctor-summary"
                onclick={section_link_click(on_choose, Section::Summary)}>{ "Summary for your doctor (to print)" }</a>
        </p>
    }
}

/// What the summary needs besides App's state.
pub struct DoctorSummaryProps {
    /// Called when the person goes back to History.
    pub on_choose: Callback<Section>,
    /// Whether the person has chosen a profile; if not, the summary says the values are the
    /// planner's default's, not theirs.
    pub profile_chosen: bool,
}

/// The page to print for a doctor; its only controls (back, print) are not printed. A plain
/// function called with App's state and day records, as parts without state of their own are
/// (BENCHMARKS.md, "Size budgets").
pub fn doctor_summary(
    state: &PlannerContext,
    records: &DayRecords,
    props: &DoctorSummaryProps,
) -> Html {
    use std::fmt::Write;
    let records = &records.0;
    let settings = &state.settings;
    let Some(period) =
        history_end(state.book.current_date()).and_then(|d| Period::ending_on(d, SUMMARY_DAYS))
    else {
        return html! {};
    };
    let stats = period_stats(records, period);
    let values = reference_values(settings.authority, &settings.profile);
    // The doses as they stand at the end of the period; the plan on screen when no day of it
    // has any (a template, or days before the first dose).
    let dosed_day = state.book.last_day_with_doses(period);
    let doses = dosed_day.map_or(&state.plan().doses, |d| &d.plan.doses);
    // Where the chosen authority sets no limit for the age, the IOM's applies (as the profile
    // line says); the reference values panel names the same source.
    let limit_words = match values.effective_limit {
        EffectiveLimit::Own { .. } => settings.authority.limit_source().to_owned(),
        EffectiveLimit::IomFallback { .. } => Authority::Us.limit_source().to_owned(),
        EffectiveLimit::Infant => "none set for infants (IOM); an infant's magnesium should come from milk, formula and food only".to_owned(),
    };
    let target_words = if values.intake.is_some() {
        settings.authority.intake_source()
    } else {
        "no daily target for this age"
    };
    let profile = if props.profile_chosen {
        profile_parts(settings).join(" · ")
    } else {
        format!(
            "Profile not set: the values are the planner's default's ({}).",
            profile_parts(settings).join(" · ")
        )
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            // Printing is only offered: a browser that refuses leaves the page as it was.
            let _ = window.print();
        }
    });

    // The read-only parts are written as HTML text, as History's chart is: cheaper in the wasm
    // than `html!` trees. Words from outside this file are escaped.
    let head = format!(
        r#"<h1 id="doctor-summary-heading" tabindex="-1">Magnesium and nights: a summary for the doctor</h1><p data-testid="summary-profile">{}</p><p class="hint" data-testid="summary-sources">Target: {}. Supplement limit: {}; it applies to each day, so a mean below it does not mean every day was. Days without entries are left out, not counted as zero, and a day with doses but no food entered counts for supplements only. Night ratings: how bad the legs were (cramps, restlessness) in the night after each day, on the planner's own scale (0 none, {MAX_NIGHT_RATING} worst imaginable), not the IRLS.</p>"#,
        escaped(&profile),
        escaped(target_words),
        escaped(&limit_words),
    );
    let mut supplements = String::from("<h2>Supplements</h2>");
    if doses.is_empty() {
        supplements.push_str("<p>None entered.</p>");
    } else {
        let _ = write!(
            supplements,
            r#"<p class="hint">{}</p><ul>"#,
            dosed_day.and_then(|d| d.date).map_or_else(
                || "As in the plan on screen.".to_owned(),
                |d| format!("As entered on {}.", date_words(d))
            )
        );
        for dose in doses {
            let _ = write!(
                supplements,
                r#"<li data-testid="summary-dose">{}: {} of magnesium · {}</li>"#,
                escaped(dose.input.name()),
                mg_text(dose.elemental_mg),
                // Not lower-cased: that would bring in Unicode's case tables (11 KB).
                escaped(
                    &dose
                        .input
                        .time
                        .map_or_else(|| "no time given".to_owned(), |t| t.label())
                ),
            );
        }
        supplements.push_str("</ul>");
    }
    let mut questions = String::from("<h2>To ask the doctor</h2>");
    if settings.kidney_disease {
        let _ = write!(
            questions,
            r#"<p class="warning">{}</p>"#,
            escaped(KIDNEY_WARNING)
        );
    }
    let _ = write!(
        questions,
        r#"<p data-testid="summary-question">{} <span class="source">({})</span></p><p class="hint">{}</p>"#,
        escaped(IRON_STUDIES.text),
        escaped(IRON_STUDIES.source),
        escaped(NOT_MEDICAL_ADVICE),
    );

    html! {
        <article class="doctor-summary" data-testid="summary" aria-labelledby="doctor-summary-heading">
            <p class="summary-controls">
                <a href={format!("#{}", Section::History.fragment())} data-testid="summary-back"
                    onclick={section_link_click(&props.on_choose, Section::History)}>{ "← Back to History" }</a>
                <button type="button" class="primary" data-testid="summary-print" onclick={on_print}>{ "Print" }</button>
            </p>
            { Html::from_html_unchecked(head.into()) }
            { column(&format!("The {SUMMARY_DAYS} days"), &stats) }
            { history_figure(&history(records, period), period, values.intake.as_ref().map(|i| f64::from(i.mg))) }
            { Html::from_html_unchecked(supplements.into()) }
            <h2>{ "Medicines" }</h2>
            if settings.medicines.is_empty() {
                <p>{ "None listed." }</p>
            } else {
                <ul class="entries">
                    { for settings.medicines.iter().map(|&m| entry(m, None)) }
                </ul>
                { interaction_warnings(&settings.medicines, doses) }
                { medicine_advice(&settings.medicines) }
            }
            { Html::from_html_unchecked(questions.into()) }
        </article>
    }
}
