//! Usual meals, under the day's meals: copy a meal or a whole day from another plan or day into
//! the one on screen in one step, keep a meal as a named template, and add a template to any
//! meal. Closed at first and built only while open, so that the first screen and a day switch
//! (with a year of days to list) pay nothing for it.

use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

use crate::components::{
    ChoiceField, SelectField, SelectOption, choice_field, date_words, focus_by_id, select_field,
};
use crate::domain::choice::Choice;
use crate::domain::library::{MAX_NAME_CHARS, TextError};
use crate::domain::order::sort_by_rank;
use crate::domain::plan::{Copied, Meal, PlanPart};
use crate::domain::plan_book::{CopyError, NamedPlan, PlanId};
use crate::domain::templates::{
    FoodsError, MAX_TEMPLATE_FOODS, MAX_TEMPLATES, MealTemplate, TemplateSaved, find_template,
    saving_outcome,
};
use crate::state::{Action, use_planner};

/// What the forms refused (each beside its field, by the field's id) and what the last step
/// did, in words.
#[derive(Clone, Default, PartialEq)]
struct Said {
    refused: Vec<(&'static str, String)>,
    done: Option<String>,
}

impl Said {
    fn done(words: String) -> Self {
        Self {
            done: Some(words),
            ..Self::default()
        }
    }

    /// The reason `id` was refused, if it was.
    fn about(&self, id: &str) -> Option<&str> {
        self.refused
            .iter()
            .find(|(field, _)| *field == id)
            .map(|(_, why)| why.as_str())
    }

    /// The field's refusal beside it, announced, and the attributes that tie the two.
    fn refusal(&self, id: &'static str) -> (bool, Option<AttrValue>, Html) {
        match self.about(id) {
            Some(why) => (
                true,
                Some(format!("{id}-error").into()),
                html! { <p id={format!("{id}-error")} class="field-error" role="alert">{ why }</p> },
            ),
            None => (false, None, Html::default()),
        }
    }
}

/// "1 food", "3 foods".
fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// What a copy adds, in words: "3 foods, 1 dose and 1 water", leaving out kinds it has none of.
fn copied_words(copied: Copied) -> String {
    let mut parts: Vec<String> = [
        (copied.foods, "food", "foods"),
        (copied.doses, "dose", "doses"),
        (copied.waters, "water", "waters"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| counted(n, one, many))
    .collect();
    let last = parts.pop().unwrap_or_default();
    if parts.is_empty() {
        last
    } else {
        format!("{} and {last}", parts.join(", "))
    }
}

/// A plan as the copy form names it: a day by its date, another plan by its name.
fn plan_words(plan: &NamedPlan) -> String {
    plan.date.map_or_else(|| plan.name.clone(), date_words)
}

/// The value of "the whole day" among the meals' values in the copy form's second select.
const WHOLE_DAY: &str = "day";

fn part_value(part: PlanPart) -> &'static str {
    match part {
        PlanPart::WholeDay => WHOLE_DAY,
        PlanPart::Meal(meal) => meal.value(),
    }
}

fn copy_refusal(error: CopyError, part: PlanPart, from: &str) -> String {
    match (error, part) {
        (CopyError::NothingThere, PlanPart::Meal(meal)) => {
            format!("{} of {from} has no foods: there is nothing to copy.", meal.label())
        }
        (CopyError::NothingThere, PlanPart::WholeDay) => {
            format!("{from} has nothing in it to copy.")
        }
        (CopyError::SamePlan, _) => {
            "That is the plan on screen: choose another to copy from.".to_owned()
        }
        (CopyError::UnknownPlan, _) => {
            "That plan is no longer there (deleted in another tab?): choose another.".to_owned()
        }
    }
}

fn name_refusal(error: TextError) -> String {
    match error {
        TextError::Empty => "Give the template a name, such as “Usual breakfast”.".to_owned(),
        TextError::TooLong { .. } => format!("Keep the name to {MAX_NAME_CHARS} characters."),
    }
}

fn foods_refusal(error: FoodsError, meal: Meal) -> String {
    match error {
        FoodsError::Empty => format!(
            "{} has no foods on this day: add them first, then keep the meal.",
            meal.label()
        ),
        FoodsError::TooMany { .. } => format!(
            "{} has more than {MAX_TEMPLATE_FOODS} foods; a template keeps at most {MAX_TEMPLATE_FOODS}.",
            meal.label()
        ),
    }
}

/// Copy from another plan, keep a meal as a template, add a template to a meal.
#[function_component(UsualMeals)]
pub fn usual_meals() -> Html {
    let state = use_planner();
    let open = use_state_eq(|| false);
    let source = use_state_eq(|| None::<PlanId>);
    let part = use_state_eq(|| PlanPart::WholeDay);
    let keep_meal = use_state_eq(|| Meal::Breakfast);
    let name = use_state_eq(String::new);
    let picked = use_state_eq(|| None::<String>);
    let into = use_state_eq(|| None::<Meal>);
    let said = use_state_eq(Said::default);

    let on_toggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            let details: Element = event.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    let summary = html! { <summary>{ "Copy or reuse a meal" }</summary> };
    if !*open {
        return html! {
            <details class="usual-meals" ontoggle={on_toggle}>{ summary }</details>
        };
    }

    let book = &state.book;
    // Plans and days with something in them, other than the one on screen: days the latest
    // first, then plans in the order they were made.
    let mut sources: Vec<&NamedPlan> = book
        .plans
        .iter()
        .map(|p| &**p)
        .filter(|p| p.id != book.current && !p.is_empty())
        .collect();
    sort_by_rank(&mut sources, |p| {
        p.date.map_or(u64::MAX, |d| u64::MAX - 1 - d.rank())
    });
    // The day before is the likeliest source, as for "Copy yesterday".
    let from = (*source)
        .filter(|id| sources.iter().any(|p| p.id == *id))
        .or_else(|| book.day_before_current().map(|p| p.id))
        .or_else(|| sources.first().map(|p| p.id));

    let templates = &state.settings.templates;
    let template = picked
        .as_deref()
        .and_then(|name| find_template(templates, name))
        .or_else(|| templates.first());
    // A template goes back into the meal it was kept from unless another is chosen.
    let into_meal = (*into)
        .or_else(|| template.and_then(|t| t.foods.first()).map(|f| f.meal))
        .unwrap_or(Meal::Breakfast);

    let on_copy = {
        let (state, said, part) = (state.clone(), said.clone(), *part);
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(from) = from else { return };
            let words = state
                .book
                .plans
                .iter()
                .find(|p| p.id == from)
                .map(|p| plan_words(p))
                .unwrap_or_default();
            match state.book.copy_check(from, part) {
                Ok(copied) => {
                    state.dispatch(Action::CopyFromPlan { from, part });
                    said.set(Said::done(match part {
                        PlanPart::Meal(meal) => format!(
                            "Added {} to {} from {words}.",
                            copied_words(copied),
                            meal.label()
                        ),
                        PlanPart::WholeDay => {
                            format!("Added {} from {words}.", copied_words(copied))
                        }
                    }));
                }
                Err(error) => {
                    said.set(Said {
                        refused: vec![("copy-part", copy_refusal(error, part, &words))],
                        done: None,
                    });
                    focus_by_id("copy-part");
                }
            }
        })
    };
    let on_keep = {
        let (state, said, name, picked, into) = (
            state.clone(),
            said.clone(),
            name.clone(),
            picked.clone(),
            into.clone(),
        );
        let meal = *keep_meal;
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let mut refused = Vec::new();
            match MealTemplate::from_meal(&name, state.plan(), meal) {
                Ok(template) => {
                    let outcome = saving_outcome(&state.settings.templates, &template.name);
                    if outcome == TemplateSaved::ListFull {
                        refused.push((
                            "template-name",
                            format!(
                                "You keep {MAX_TEMPLATES} templates already: delete one first, \
                                 or use the name of one to replace it."
                            ),
                        ));
                    } else {
                        let foods = counted(template.foods.len(), "food", "foods");
                        let words = if outcome == TemplateSaved::Replaced {
                            format!(
                                "Replaced the template “{}” with {}'s {foods}.",
                                template.name,
                                meal.label()
                            )
                        } else {
                            format!(
                                "Kept {}'s {foods} as the template “{}”.",
                                meal.label(),
                                template.name
                            )
                        };
                        picked.set(Some(template.name.clone()));
                        into.set(None);
                        state.dispatch(Action::SaveTemplate(template));
                        name.set(String::new());
                        said.set(Said::done(words));
                        return;
                    }
                }
                Err(errors) => {
                    if let Some(error) = errors.foods {
                        refused.push(("template-meal", foods_refusal(error, meal)));
                    }
                    if let Some(error) = errors.name {
                        refused.push(("template-name", name_refusal(error)));
                    }
                }
            }
            if let Some((id, _)) = refused.first() {
                focus_by_id(id);
            }
            said.set(Said {
                refused,
                done: None,
            });
        })
    };
    let on_add = {
        let (state, said) = (state.clone(), said.clone());
        let template = template.cloned();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(template) = template.clone() else {
                return;
            };
            let words = format!(
                "Added {} from “{}” to {}.",
                counted(template.foods.len(), "food", "foods"),
                template.name,
                into_meal.label()
            );
            state.dispatch(Action::AddTemplate {
                template,
                meal: into_meal,
            });
            said.set(Said::done(words));
        })
    };
    let on_forget = {
        let (state, said, picked, into) =
            (state.clone(), said.clone(), picked.clone(), into.clone());
        let name = template.map(|t| t.name.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(name) = name.clone() else { return };
            said.set(Said::done(format!(
                "Deleted the template “{name}”. Days it was added to keep their foods."
            )));
            state.dispatch(Action::ForgetTemplate(name));
            picked.set(None);
            into.set(None);
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            name.set(input.value());
        })
    };

    let (part_invalid, part_described, part_refusal) = said.refusal("copy-part");
    let (meal_invalid, meal_described, meal_refusal) = said.refusal("template-meal");
    let (name_invalid, name_described, name_refusal_html) = said.refusal("template-name");
    let part_options = std::iter::once((WHOLE_DAY, "The whole day (foods, doses, water)"))
        .chain(Meal::ALL.iter().map(|m| (m.value(), m.label())))
        .map(|(value, label)| SelectOption {
            value: value.into(),
            label: label.into(),
            selected: value == part_value(*part),
            disabled: false,
        })
        .collect();

    html! {
        <details class="usual-meals" open=true ontoggle={on_toggle}>
            { summary }
            if sources.is_empty() {
                <p class="hint">{ "Other plans and days with something in them are offered here to copy from." }</p>
            } else {
                <form onsubmit={on_copy} novalidate=true>
                    <fieldset>
                    <legend>{ "Copy into this plan" }</legend>
                    { select_field(
                        SelectField { id: "copy-source", tested: true, label: "From".into(), invalid: false, described_by: None },
                        sources.iter().map(|p| SelectOption {
                            value: p.id.to_string().into(),
                            label: plan_words(p).into(),
                            selected: Some(p.id) == from,
                            disabled: false,
                        }).collect(),
                        {
                            let (source, said) = (source.clone(), said.clone());
                            Callback::from(move |value: String| {
                                source.set(value.parse().ok());
                                said.set(Said::default());
                            })
                        },
                    ) }
                    { select_field(
                        SelectField { id: "copy-part", tested: true, label: "What".into(), invalid: part_invalid, described_by: part_described },
                        part_options,
                        {
                            let (part, said) = (part.clone(), said.clone());
                            Callback::from(move |value: String| {
                                part.set(Meal::from_value(&value).map_or(PlanPart::WholeDay, PlanPart::Meal));
                                said.set(Said::default());
                            })
                        },
                    ) }
                    <button type="submit" class="secondary" data-testid="copy-plan">{ "Copy" }</button>
                    { part_refusal }
                    </fieldset>
                </form>
            }
            <form onsubmit={on_keep} novalidate=true>
                <fieldset>
                <legend>{ "Keep a meal as a template" }</legend>
                { choice_field(ChoiceField {
                    id: "template-meal",
                    tested: true,
                    label: "Meal of this day".into(),
                    selected: *keep_meal,
                    disabled: &[],
                    invalid: meal_invalid,
                    described_by: meal_described,
                    on_change: {
                        let (keep_meal, said) = (keep_meal.clone(), said.clone());
                        Callback::from(move |meal| {
                            keep_meal.set(meal);
                            said.set(Said::default());
                        })
                    },
                }) }
                <div class="field">
                    <label for="template-name">{ "Template name" }</label>
                    <input id="template-name" data-testid="template-name" type="text" autocomplete="off"
                        placeholder="Usual breakfast" value={(*name).clone()} oninput={on_name}
                        aria-invalid={name_invalid.to_string()} aria-describedby={name_described} />
                </div>
                { meal_refusal }
                { name_refusal_html }
                <button type="submit" class="secondary" data-testid="save-template">{ "Save as template" }</button>
                </fieldset>
            </form>
            if let Some(template) = template {
                <form onsubmit={on_add} novalidate=true>
                    <fieldset>
                    <legend>{ format!("Your templates ({} of {MAX_TEMPLATES})", templates.len()) }</legend>
                    { select_field(
                        SelectField { id: "template-pick", tested: true, label: "Template".into(), invalid: false, described_by: None },
                        templates.iter().map(|t| SelectOption {
                            value: t.name.clone().into(),
                            label: format!("{} ({})", t.name, counted(t.foods.len(), "food", "foods")).into(),
                            selected: t.name == template.name,
                            disabled: false,
                        }).collect(),
                        {
                            let (picked, into, said) = (picked.clone(), into.clone(), said.clone());
                            Callback::from(move |value: String| {
                                picked.set(Some(value));
                                into.set(None);
                                said.set(Said::default());
                            })
                        },
                    ) }
                    { choice_field(ChoiceField {
                        id: "template-into",
                        tested: true,
                        label: "Add to".into(),
                        selected: into_meal,
                        disabled: &[],
                        invalid: false,
                        described_by: None,
                        on_change: {
                            let into = into.clone();
                            Callback::from(move |meal| into.set(Some(meal)))
                        },
                    }) }
                    <div class="usual-buttons">
                        <button type="submit" class="secondary" data-testid="add-template">{ "Add" }</button>
                        <button type="button" class="remove" data-testid="delete-template" onclick={on_forget}
                            aria-label={format!("Delete template {}", template.name)}>{ "Delete template" }</button>
                    </div>
                    </fieldset>
                </form>
            }
            <p class="hint" role="status" data-testid="usual-meals-status">{ said.done.clone().unwrap_or_default() }</p>
        </details>
    }
}
