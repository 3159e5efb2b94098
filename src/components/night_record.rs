//! How the night after the day on screen went: a 0–10 rating of the legs, whether cramps woke
//! the person, and a short note.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::{NumberField, NumberText, TextField, number_field, text_field};
use crate::domain::diary::{
    MAX_NIGHT_NOTE_CHARS, MAX_NIGHT_RATING, NightRating, NightRecord, NoteError, RatingError,
    clean_note,
};
use crate::domain::plan_book::{NamedPlan, PlanId};
use crate::state::{Action, PlannerContext};

fn rating_error_text(error: RatingError) -> String {
    match error {
        RatingError::NotAWholeNumber => {
            format!("Rate the night with a whole number from 0 to {MAX_NIGHT_RATING}.")
        }
        RatingError::OutOfRange => {
            format!("The scale runs from 0 (none) to {MAX_NIGHT_RATING} (worst imaginable).")
        }
    }
}

/// What the rating and note fields hold, as typed, and why each is refused if it is; one state
/// rather than a `use_state` each, which costs the wasm its hook code four times.
#[derive(Clone, PartialEq)]
struct Typed {
    rating_text: NumberText,
    rating_error: Option<RatingError>,
    note_text: String,
    note_error: Option<NoteError>,
}

/// The rating field's text for a stored rating.
fn rating_text(rating: Option<NightRating>) -> NumberText {
    NumberText::new(rating.map(|r| r.points().to_string()).unwrap_or_default())
}

/// The fields as a panel shown anew has them: what is stored.
fn fresh_typed(night: &NightRecord) -> Typed {
    Typed {
        rating_text: rating_text(night.rating),
        rating_error: None,
        note_text: night.note.clone(),
        note_error: None,
    }
}

/// A day and its stored night, as the fields were last checked against: the plan, the rating
/// and the note.
type CheckedAgainst = (PlanId, Option<NightRating>, String);

/// What the panel remembers: the fields as typed (none while they say what is stored, as a
/// panel shown anew does), and the day and night they were last checked against. Kept by App,
/// which calls [`NightRecordState::after_render`] after each render.
#[derive(Clone)]
pub struct NightRecordState {
    typed: UseStateHandle<Option<Typed>>,
    checked_against: Rc<RefCell<Option<CheckedAgainst>>>,
}

impl NightRecordState {
    /// After each render, with whether the panel is on screen and the plan on screen: another
    /// day, or another tab's change, shows what is stored, unless the field already says it (so
    /// "05" is not rewritten to "5"); a panel no longer shown forgets what was typed.
    pub fn after_render(&self, shown: bool, current: &NamedPlan) {
        if !shown {
            if self.checked_against.borrow_mut().take().is_some() && self.typed.is_some() {
                self.typed.set(None);
            }
            return;
        }
        let night = &current.night;
        let now = (current.id, night.rating, night.note.clone());
        if self.checked_against.borrow().as_ref() == Some(&now) {
            return;
        }
        *self.checked_against.borrow_mut() = Some(now);
        let Some(typed) = &*self.typed else {
            return;
        };
        let mut next = typed.clone();
        let shown = NightRating::parse(&next.rating_text.text).ok();
        let blank = next.rating_text.text.trim().is_empty();
        if shown != night.rating || (blank && night.rating.is_some()) {
            next.rating_text = rating_text(night.rating);
            next.rating_error = None;
        }
        if clean_note(&next.note_text).ok().as_ref() != Some(&night.note) {
            next.note_text = night.note.clone();
            next.note_error = None;
        }
        if next != *typed {
            self.typed.set(Some(next));
        }
    }
}

/// A place for the panel's state, for the component that shows it.
#[hook]
pub fn use_night_record_state() -> NightRecordState {
    NightRecordState {
        typed: use_state(Option::default),
        checked_against: use_mut_ref(Option::default),
    }
}

/// The night's rating, the cramps box and the note, for a plan that is a day.
///
/// A plain function rather than a component (each component costs the wasm Yew's
/// per-component code): the caller keeps `kept` ([`use_night_record_state`]).
pub fn night_record_panel(state: &PlannerContext, kept: &NightRecordState) -> Html {
    let current = state.book.current_plan();
    let night = current.night.clone();
    let typed = &kept.typed;
    let shown_typed = (**typed).clone().unwrap_or_else(|| fresh_typed(&night));
    if current.date.is_none() {
        return html! {};
    }

    let on_rating = {
        let (state, night, typed) = (state.clone(), night.clone(), typed.clone());
        let before = shown_typed.clone();
        Callback::from(move |rating_text: NumberText| {
            let rating = rating_text.read(
                |text| {
                    if text.trim().is_empty() {
                        Ok(None)
                    } else {
                        NightRating::parse(text).map(Some)
                    }
                },
                RatingError::NotAWholeNumber,
            );
            if let Ok(rating) = rating {
                state.dispatch(Action::SetNight(NightRecord {
                    rating,
                    ..night.clone()
                }));
            }
            typed.set(Some(Typed {
                rating_text,
                rating_error: rating.err(),
                ..before.clone()
            }));
        })
    };
    let on_cramps = {
        let (state, night) = (state.clone(), night.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            state.dispatch(Action::SetNight(NightRecord {
                cramps_woke: input.checked(),
                ..night.clone()
            }));
        })
    };
    let on_note = {
        let (state, night, typed) = (state.clone(), night.clone(), typed.clone());
        let before = shown_typed.clone();
        Callback::from(move |note_text: String| {
            let note = clean_note(&note_text);
            let note_error = note.as_ref().err().copied();
            if let Ok(note) = note {
                state.dispatch(Action::SetNight(NightRecord {
                    note,
                    ..night.clone()
                }));
            }
            typed.set(Some(Typed {
                note_text,
                note_error,
                ..before.clone()
            }));
        })
    };

    let rating = number_field(NumberField {
        id: "symptom-rating".into(),
        tested: true,
        label: "How bad were your legs (cramps, restlessness)?".into(),
        hide_label: false,
        bare: false,
        unit: None,
        hint: Some(
            format!(
                "0 = none, {MAX_NIGHT_RATING} = worst imaginable; leave it empty until you rate \
                 the night. This is the planner's own simple scale, not the IRLS (the \
                 International Restless Legs Scale, a licensed questionnaire)."
            )
            .into(),
        ),
        described_by: None,
        value: shown_typed.rating_text.clone(),
        error: shown_typed.rating_error.map(|error| {
            format!(
                "{} The night keeps {}.",
                rating_error_text(error),
                night.rating.map_or("no rating".to_owned(), |r| format!(
                    "the rating {}",
                    r.points()
                ))
            )
            .into()
        }),
        whole: true,
        max: Some(MAX_NIGHT_RATING.to_string().into()),
        placeholder: None,
        on_input: on_rating,
    });

    // The form kit's text field, so its markup is in the wasm once.
    let note = text_field(TextField {
        id: "night-note",
        tested: true,
        label: "Note (optional)".into(),
        value: shown_typed.note_text.clone(),
        placeholder: None,
        error: shown_typed.note_error.map(|_| {
            format!(
                "Keep the note to {MAX_NIGHT_NOTE_CHARS} characters; it has {}. The day keeps its \
                 note as it was.",
                shown_typed.note_text.trim().chars().count()
            )
        }),
        on_input: on_note,
    });

    html! {
        <fieldset class="card night-record">
            // Written as HTML text: cheaper in the wasm than an `html!` element.
            { Html::from_html_unchecked(AttrValue::Static("<legend>The night after this day</legend>")) }
            { rating.field }
            { rating.refusal }
            <div class="field check-field">
                <label class="check">
                    <input type="checkbox" data-testid="cramps-woke" checked={night.cramps_woke} onchange={on_cramps} />
                    { "Cramps woke me" }
                </label>
            </div>
            { note }
        </fieldset>
    }
}
