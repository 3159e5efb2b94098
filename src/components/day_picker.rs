//! The day on screen: a date field, today, the day before and after, and "copy yesterday",
//! so that recording a day is one step away, in one row so the food search stays in the first
//! screen of a phone.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser::local_today;
use crate::domain::diary::{CalendarDate, DateError};
use crate::state::{Action, PlannerContext};

const DATE_ERROR_ID: &str = "day-date-error";

/// Weekday names, from Sunday, as `weekday_index` counts.
const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// Month names, from January.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as a person reads it: "Tuesday 4 March 2025".
pub fn date_words(date: CalendarDate) -> String {
    // 1970-01-01 was a Thursday (index 4 from Sunday).
    let weekday = (date.days_since_epoch() + 4).rem_euclid(7) as usize;
    format!(
        "{} {} {} {}",
        WEEKDAYS[weekday],
        date.day(),
        MONTHS[usize::from(date.month().clamp(1, 12) - 1)],
        date.year()
    )
}

/// A short date for tight spaces: "4 Mar".
pub fn short_date_words(date: CalendarDate) -> String {
    let month = MONTHS[usize::from(date.month().clamp(1, 12) - 1)];
    format!("{} {}", date.day(), &month[..3])
}

fn date_error_text(error: DateError) -> &'static str {
    match error {
        DateError::Malformed => "Choose a whole date: day, month and year.",
        DateError::YearOutOfRange => "Choose a date between the years 1900 and 2999.",
        DateError::NoSuchDay => "That day is not in the calendar; choose another.",
    }
}

/// The date field and the buttons that move between days.
///
/// A plain function rather than a component (each component costs the wasm Yew's
/// per-component code): `error` is the caller's state for why the date typed was refused.
pub fn day_picker(state: &PlannerContext, error: &UseStateHandle<Option<DateError>>) -> Html {
    let book = &state.book;
    let current = book.current_plan();
    let date = current.date;

    let on_date = {
        let (state, error) = (state.clone(), error.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            match CalendarDate::parse(&input.value()) {
                Ok(date) => {
                    error.set(None);
                    state.dispatch(Action::OpenDay(date));
                }
                Err(reason) => error.set(Some(reason)),
            }
        })
    };
    let go = |target: Option<CalendarDate>| {
        let (state, error) = (state.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(date) = target {
                error.set(None);
                state.dispatch(Action::OpenDay(date));
            }
        })
    };
    let today = local_today();
    // Without a day on screen, the day before and after count from today.
    let base = date.or(today);
    let on_today = go(today);
    let on_before = go(base.and_then(|d| d.add_days(-1)));
    let on_after = go(base.and_then(|d| d.add_days(1)));
    html! {
        <div class="day-picker" role="group" aria-labelledby="day-picker-label">
            <div class="day-row">
                <button type="button" class="secondary day-step" data-testid="day-before" onclick={on_before}
                    disabled={base.is_none()} aria-label="Day before">{ "←" }</button>
                <label id="day-picker-label" class="visually-hidden" for="day-date">{ "Day" }</label>
                <input
                    id="day-date"
                    data-testid="day-date"
                    type="date"
                    min="1900-01-01"
                    max="2999-12-31"
                    value={date.map(|d| d.to_string()).unwrap_or_default()}
                    aria-invalid={error.is_some().to_string()}
                    aria-describedby={if error.is_some() { DATE_ERROR_ID } else { "day-on-screen" }}
                    onchange={on_date}
                />
                <button type="button" class="secondary day-step" data-testid="day-after" onclick={on_after}
                    disabled={base.is_none()} aria-label="Day after">{ "→" }</button>
                <button type="button" class="secondary" data-testid="day-today" onclick={on_today}
                    disabled={today.is_none() || date == today}>{ "Today" }</button>
            </div>
            if let Some(reason) = **error {
                <p id={DATE_ERROR_ID} class="field-error" role="alert">{ date_error_text(reason) }</p>
            }
            // Read-only: HTML text, cheaper in the wasm than an `html!` element. A date in words,
            // or the planner's words.
            { Html::from_html_unchecked(format!(
                r#"<p class="hint" id="day-on-screen" data-testid="day-on-screen">{}</p>"#,
                match date {
                    Some(date) if Some(date) == today => format!("Today, {}.", date_words(date)),
                    Some(date) => format!("{}.", date_words(date)),
                    None => "The plan on screen is not a day (a template or a what-if). Pick a date to record a day.".to_owned(),
                }
            ).into()) }
        </div>
    }
}

/// "Copy yesterday": starts the day on screen from the foods and doses of the day before. Shown
/// beside the meals, and only when the day before has something to copy. A plain function
/// called with App's state, as parts without state of their own are (BENCHMARKS.md).
pub fn copy_yesterday(state: &PlannerContext) -> Html {
    let current = state.book.current_plan();
    let Some(source) = state.book.day_before_current().and_then(|p| p.date) else {
        return html! {};
    };
    let on_copy = {
        let state = state.clone();
        let replacing = current.plan.entries.len() + current.plan.doses.len();
        Callback::from(move |_: MouseEvent| {
            let confirmed = replacing == 0
                || web_sys::window()
                    .and_then(|w| {
                        w.confirm_with_message(&format!(
                            "Replace this day's {replacing} {} (foods and doses) with those of {}? Its night record stays.",
                            if replacing == 1 { "entry" } else { "entries" },
                            date_words(source)
                        ))
                        .ok()
                    })
                    .unwrap_or(false);
            if confirmed {
                state.dispatch(Action::CopyDayBefore);
            }
        })
    };
    html! {
        <button type="button" class="secondary copy-yesterday" data-testid="copy-yesterday" onclick={on_copy}
            title="Start this day from the foods and doses of the day before">
            { "Copy yesterday" }
        </button>
    }
}
