//! The summary for a doctor: one printable page (two at most) with who the plans are for, the
//! 30 days ending on the day on screen, the mean magnesium from food and supplements against the
//! target and the limit, the supplements and their times, the medicines and their warnings, the
//! nights as a chart, and what the guidance says to ask. Everything comes from the parts the rest
//! of the page shows (the history chart, the medicine list, the profile line, the guidance), so
//! the summary never says anything the page does not; printing is the browser's, on the device.

use yew::prelude::*;

use super::history_chart::history_figure;
use super::interaction_warnings::interaction_warnings;
use super::medicine_list::{entry, medicine_advice};
use super::profile_line::profile_parts;
use super::section_nav::section_link_click;
use crate::components::{Section, date_words, history_end, use_day_records};
use crate::domain::diary::{MAX_NIGHT_RATING, Period, history, period_stats};
use crate::domain::guidance::{IRON_STUDIES, KIDNEY_WARNING, NOT_MEDICAL_ADVICE};
use crate::domain::plan::mg_text;
use crate::domain::reference_values;
use crate::domain::supplements::form;
use crate::state::use_planner;

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

/// What the summary needs.
#[derive(Clone, PartialEq, Properties)]
pub struct DoctorSummaryProps {
    /// Called when the person goes back to History.
    pub on_choose: Callback<Section>,
}

/// The page to print for a doctor; its only controls (back, print) are not printed.
#[function_component(DoctorSummary)]
pub fn doctor_summary(props: &DoctorSummaryProps) -> Html {
    let state = use_planner();
    let records = use_day_records();
    let settings = &state.settings;
    let Some(period) =
        history_end(state.book.current_date()).and_then(|d| Period::ending_on(d, SUMMARY_DAYS))
    else {
        return html! {};
    };
    let stats = period_stats(&records, period);
    let values = reference_values(settings.authority, &settings.profile);
    let target_mg = values.intake.as_ref().map(|i| i.mg);
    // The doses as they stand at the end of the period; the plan on screen when no day of it
    // has any (a template, or days before the first dose).
    let dosed_day = state.book.last_day_with_doses(period);
    let doses = dosed_day.map_or(&state.plan().doses, |d| &d.plan.doses);
    let at_least = if stats.food_incomplete {
        "at least "
    } else {
        ""
    };
    let mean = |mg: Option<f64>| mg.map_or_else(|| "–".to_owned(), mg_text);
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            // Printing is only offered: a browser that refuses leaves the page as it was.
            let _ = window.print();
        }
    });

    html! {
        <article class="doctor-summary" data-testid="summary" aria-labelledby="doctor-summary-heading">
            <p class="summary-controls">
                <a href={format!("#{}", Section::History.fragment())} data-testid="summary-back"
                    onclick={section_link_click(&props.on_choose, Section::History)}>{ "← Back to History" }</a>
                <button type="button" class="primary" data-testid="summary-print" onclick={on_print}>{ "Print" }</button>
            </p>
            <h1 id="doctor-summary-heading" tabindex="-1">{ "Magnesium and nights: a summary for the doctor" }</h1>
            <p data-testid="summary-profile">{ profile_parts(settings).join(" · ") }</p>
            <p data-testid="summary-period">
                { format!(
                    "The {SUMMARY_DAYS} days from {} to {}: {} day{} with entries, {} night{} rated. \
                     Days without entries are not counted as zero.",
                    date_words(period.first()),
                    date_words(period.last()),
                    stats.days_with_entries,
                    if stats.days_with_entries == 1 { "" } else { "s" },
                    stats.nights_rated,
                    if stats.nights_rated == 1 { "" } else { "s" },
                ) }
            </p>

            <h2>{ "Magnesium a day, mean over the days with entries" }</h2>
            <table class="summary-table">
                <tbody>
                    <tr>
                        <th scope="row">{ "From food" }</th>
                        <td data-testid="summary-food-mg">{ format!("{at_least}{}", mean(stats.mean_food_mg)) }</td>
                        <td></td>
                    </tr>
                    <tr>
                        <th scope="row">{ "From supplements" }</th>
                        <td data-testid="summary-supplement-mg">{ mean(stats.mean_supplement_mg) }</td>
                        <td>{ values.effective_limit.mg().map_or_else(String::new, |mg| format!(
                            "limit {mg} mg ({})", settings.authority.limit_source())) }</td>
                    </tr>
                    <tr>
                        <th scope="row">{ "Total" }</th>
                        <td data-testid="summary-total-mg">{ format!("{at_least}{}", mean(stats.mean_total_mg())) }</td>
                        <td>{ target_mg.map_or_else(String::new, |mg| format!(
                            "target {mg} mg ({})", settings.authority.intake_source())) }</td>
                    </tr>
                </tbody>
            </table>

            <h2>{ "Supplements" }</h2>
            if doses.is_empty() {
                <p>{ "None entered." }</p>
            } else {
                <p class="hint">{ dosed_day.and_then(|d| d.date).map_or_else(
                    || "As in the plan on screen.".to_owned(),
                    |d| format!("As entered on {}.", date_words(d))) }</p>
                <ul>
                    { for doses.iter().map(|dose| html! {
                        <li data-testid="summary-dose">{ format!(
                            "{}: {} of magnesium, {}",
                            form(&dose.input.form_id).map_or("Magnesium", |f| f.name),
                            mg_text(dose.elemental_mg),
                            dose.input.time.map_or_else(|| "no time given".to_owned(), |t| t.label().to_lowercase()),
                        ) }</li>
                    }) }
                </ul>
            }

            <h2>{ "Medicines" }</h2>
            if settings.medicines.is_empty() {
                <p>{ "None listed." }</p>
            } else {
                <ul class="entries">
                    { for settings.medicines.iter().map(|&m| entry(m, None)) }
                </ul>
                { interaction_warnings(&settings.medicines, doses) }
                { for medicine_advice(&settings.medicines) }
            }

            <h2>{ "Nights" }</h2>
            <p data-testid="summary-nights">
                { match stats.mean_rating {
                    Some(rating) => format!(
                        "Mean night rating {rating:.1} of {MAX_NIGHT_RATING} over {} rated night{}; {} rated 5 or more.",
                        stats.nights_rated,
                        if stats.nights_rated == 1 { "" } else { "s" },
                        stats.bad_nights,
                    ),
                    None => "No nights rated.".to_owned(),
                } }
                { format!(" The planner's own scale: 0 none, {MAX_NIGHT_RATING} worst imaginable; not the IRLS.") }
            </p>
            { history_figure(&history(&records, period), period, target_mg.map(f64::from)) }

            <h2>{ "To ask the doctor" }</h2>
            if settings.kidney_disease {
                <p class="warning">{ KIDNEY_WARNING }</p>
            }
            <p data-testid="summary-question">{ IRON_STUDIES.text }{ " " }<span class="source">{ format!("({})", IRON_STUDIES.source) }</span></p>
            <p class="hint">{ NOT_MEDICAL_ADVICE }</p>
        </article>
    }
}
