//! How the night after the day on screen went: a 0–10 rating of the legs, whether cramps woke
//! the person, and a short note.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::{NumberField, NumberText, TextField, number_field, text_field};
use crate::domain::diary::{
    MAX_NIGHT_NOTE_CHARS, MAX_NIGHT_RATING, NightRating, NightRecord, NoteError, RatingError,
    clean_note,
};
use crate::state::{Action, use_planner};

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

/// The night's rating, the cramps box and the note, for a plan that is a day.
#[function_component(NightRecordPanel)]
pub fn night_record_panel() -> Html {
    let state = use_planner();
    let current = state.book.current_plan();
    let night = current.night.clone();
    let typed = use_state(|| Typed {
        rating_text: rating_text(night.rating),
        rating_error: None,
        note_text: night.note.clone(),
        note_error: None,
    });
    // Another day, or another tab's change: show what is stored, unless the field already says
    // it (so "05" is not rewritten to "5").
    {
        let typed = typed.clone();
        use_effect_with(
            (current.id, night.rating, night.note.clone()),
            move |(_, rating, note)| {
                let mut next = (*typed).clone();
                let shown = NightRating::parse(&next.rating_text.text).ok();
                let blank = next.rating_text.text.trim().is_empty();
                if shown != *rating || (blank && rating.is_some()) {
                    next.rating_text = rating_text(*rating);
                    next.rating_error = None;
                }
                if clean_note(&next.note_text).ok().as_ref() != Some(note) {
                    next.note_text = note.clone();
                    next.note_error = None;
                }
                if next != *typed {
                    typed.set(next);
                }
            },
        );
    }
    if current.date.is_none() {
        return html! {};
    }

    let on_rating = {
        let (state, night, typed) = (state.clone(), night.clone(), typed.clone());
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
            typed.set(Typed {
                rating_text,
                rating_error: rating.err(),
                ..(*typed).clone()
            });
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
        Callback::from(move |note_text: String| {
            let note = clean_note(&note_text);
            let note_error = note.as_ref().err().copied();
            if let Ok(note) = note {
                state.dispatch(Action::SetNight(NightRecord {
                    note,
                    ..night.clone()
                }));
            }
            typed.set(Typed {
                note_text,
                note_error,
                ..(*typed).clone()
            });
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
        value: typed.rating_text.clone(),
        error: typed.rating_error.map(|error| {
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
        value: typed.note_text.clone(),
        placeholder: None,
        error: typed.note_error.map(|_| {
            format!(
                "Keep the note to {MAX_NIGHT_NOTE_CHARS} characters; it has {}. The day keeps its \
                 note as it was.",
                typed.note_text.trim().chars().count()
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
