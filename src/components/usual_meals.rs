//! Usual meals, under the day's meals: copy a meal or a whole day from another plan or day into
//! the one on screen in one step, keep a meal as a named template, and add a template to any
//! meal. Closed at first and built only while open, so that the first screen and a day switch
//! (with a year of days to list) pay nothing for it.

use yew::prelude::*;

use crate::browser;
use crate::components::{
    FormState, SelectField, SelectOption, TextField, date_words, focus_by_id, select_field,
    text_field, text_refusal,
};
use crate::domain::choice::Choice;
use crate::domain::library::Kept;
use crate::domain::order::sort_by_rank;
use crate::domain::plan::{Copied, Meal, PlanPart};
use crate::domain::plan_book::{CopyError, NamedPlan, PlanId};
use crate::domain::templates::{
    FoodsError, MAX_TEMPLATE_FOODS, MAX_TEMPLATES, MealTemplate, find_template, saving_outcome,
};
use crate::state::{Action, PlannerContext};

/// What the panel holds between renders: whether it is open, the choices and the name as the
/// person left them, what the forms refused (each beside its field, by the field's id) and what
/// the last step did. One state rather than one per field: each kind of state is code of its
/// own in the wasm.
#[derive(Clone, Default, PartialEq)]
pub struct Form {
    open: bool,
    /// The plan to copy from, once chosen.
    source: Option<PlanId>,
    /// The meal to copy, or `None` for the whole day.
    part: Option<Meal>,
    /// The meal to keep (breakfast until another is chosen).
    keep_meal: Option<Meal>,
    name: String,
    /// The template chosen, by name (the first until one is chosen).
    picked: Option<String>,
    /// The meal to add it to (the one it was kept from until another is chosen).
    into: Option<Meal>,
    refused: Vec<(&'static str, String)>,
    done: String,
}

impl Form {
    /// The field's refusal beside it, announced, and whether and by what it is described.
    fn refusal(&self, id: &'static str) -> (bool, Option<AttrValue>, Html) {
        match self.refused.iter().find(|(field, _)| *field == id) {
            Some((_, why)) => (
                true,
                Some(format!("{id}-error").into()),
                html! { <p id={format!("{id}-error")} class="field-error" role="alert">{ why }</p> },
            ),
            None => (false, None, Html::default()),
        }
    }

    /// The same form after a step: what it did, and no refusal left.
    fn said(&self, done: String) -> Self {
        Self {
            refused: Vec::new(),
            done,
            ..self.clone()
        }
    }
}

/// A select over the four meals with `selected` chosen.
fn meal_select(
    field: SelectField,
    selected: &str,
    first: Option<(&'static str, &'static str)>,
    on_change: Callback<String>,
) -> Html {
    // A plain loop rather than an adapter chain, which the wasm would hold a copy of.
    let mut options = Vec::with_capacity(5);
    for (value, label) in first
        .into_iter()
        .chain(Meal::ALL.iter().map(|m| (m.value(), m.label())))
    {
        options.push(SelectOption {
            value: value.into(),
            label: label.into(),
            selected: value == selected,
            disabled: false,
        });
    }
    select_field(field, options, on_change)
}

/// One of the panel's forms: its fields in a group named by `legend`, sent by `on_submit`. One
/// function for the three, so their markup is in the wasm once.
fn usual_form(on_submit: Callback<SubmitEvent>, legend: String, body: Html) -> Html {
    html! {
        <form onsubmit={on_submit.reform(|event: SubmitEvent| { event.prevent_default(); event })} novalidate=true>
            <fieldset>
                <legend>{ legend }</legend>
                { body }
            </fieldset>
        </form>
    }
}

/// A form's submit button with its test hook.
fn submit(test_id: &'static str, label: &'static str) -> Html {
    html! { <button type="submit" class="secondary" data-testid={test_id}>{ label }</button> }
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
    // A plain loop rather than an adapter chain, which the wasm would hold a copy of.
    let mut parts: Vec<String> = Vec::new();
    for (n, one, many) in [
        (copied.foods, "food", "foods"),
        (copied.doses, "dose", "doses"),
        (copied.waters, "water", "waters"),
    ] {
        if n > 0 {
            parts.push(counted(n, one, many));
        }
    }
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

/// The value of "the whole day" beside the meals' values in the copy form's second select.
const WHOLE_DAY: &str = "day";

fn copy_refusal(error: CopyError, part: PlanPart, from: &str) -> String {
    match (error, part) {
        (CopyError::NothingThere, PlanPart::Meal(meal)) => {
            format!(
                "{} of {from} has no foods: there is nothing to copy.",
                meal.label()
            )
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

fn foods_refusal(error: FoodsError, meal: Meal) -> String {
    match error {
        FoodsError::Empty => format!(
            "{} has no foods yet: add them first, then keep the meal.",
            meal.label()
        ),
        FoodsError::TooMany { .. } => format!(
            "{} has more than {MAX_TEMPLATE_FOODS} foods; a template keeps at most {MAX_TEMPLATE_FOODS}.",
            meal.label()
        ),
    }
}

/// What the panel holds, kept by App ([`crate::components::use_form_state`]), which forgets
/// it when the day column goes, as the panel's own state went when it was a component.
pub type UsualMealsForm = FormState<Form>;

/// Copy from another plan, keep a meal as a template, add a template to a meal.
///
/// A plain function rather than a component (each component costs the wasm Yew's
/// per-component code): the caller keeps `form`.
pub fn usual_meals(state: &PlannerContext, form: &UsualMealsForm) -> Html {
    let form = form.handle().clone();
    // Every select and the name field change the form through this one kind of callback.
    let update = |change: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |value: String| {
            let mut next = Form {
                refused: Vec::new(),
                done: String::new(),
                ..(*form).clone()
            };
            change(&mut next, value);
            form.set(next);
        })
    };
    let on_toggle = update(|f, open| f.open = !open.is_empty()).reform(|event: Event| {
        if browser::details_opened(&event) {
            "open".to_owned()
        } else {
            String::new()
        }
    });
    let summary = html! { <summary>{ "Copy or reuse a meal" }</summary> };
    if !form.open {
        return html! {
            <details class="usual-meals" ontoggle={on_toggle}>{ summary }</details>
        };
    }

    let book = &state.book;
    // Plans and days with something in them, other than the one on screen: days the latest
    // first, then plans in the order they were made.
    // Plain loops rather than adapter chains, which the wasm would hold a copy of.
    let mut sources: Vec<&NamedPlan> = Vec::new();
    for plan in &book.plans {
        if plan.id != book.current && !plan.is_empty() {
            sources.push(plan);
        }
    }
    sort_by_rank(&mut sources, |p| {
        p.date.map_or(u64::MAX, |d| u64::MAX - 1 - d.rank())
    });
    // The day before is the likeliest source, as for "Copy yesterday".
    let from = form
        .source
        .filter(|id| sources.iter().any(|p| p.id == *id))
        .or_else(|| book.day_before_current().map(|p| p.id))
        .or_else(|| sources.first().map(|p| p.id));
    let from_words = sources
        .iter()
        .find(|p| Some(p.id) == from)
        .map(|p| plan_words(p))
        .unwrap_or_default();
    let part = form.part.map_or(PlanPart::WholeDay, PlanPart::Meal);
    let keep_meal = form.keep_meal.unwrap_or(Meal::Breakfast);
    let templates = &state.settings.templates;
    let template = form
        .picked
        .as_deref()
        .and_then(|name| find_template(templates, name))
        .or_else(|| templates.first());
    // A template goes back into the meal it was kept from unless another is chosen.
    let into = form
        .into
        .or_else(|| template.and_then(|t| t.foods.first()).map(|f| f.meal))
        .unwrap_or(Meal::Breakfast);

    let on_copy = {
        let (state, form) = (state.clone(), form.clone());
        Callback::from(move |_: SubmitEvent| {
            let Some(from) = from else { return };
            match state.book.copy_check(from, part) {
                Ok(copied) => {
                    state.dispatch(Action::CopyFromPlan { from, part });
                    let what = copied_words(copied);
                    form.set(form.said(match part {
                        PlanPart::Meal(meal) => {
                            format!("Added {what} to {} from {from_words}.", meal.label())
                        }
                        PlanPart::WholeDay => format!("Added {what} from {from_words}."),
                    }));
                }
                Err(error) => {
                    form.set(Form {
                        refused: vec![("copy-part", copy_refusal(error, part, &from_words))],
                        done: String::new(),
                        ..(*form).clone()
                    });
                    focus_by_id("copy-part");
                }
            }
        })
    };
    let on_keep = {
        let (state, form) = (state.clone(), form.clone());
        Callback::from(move |_: SubmitEvent| {
            let mut refused = Vec::new();
            match MealTemplate::from_meal(&form.name, state.plan(), keep_meal) {
                Ok(template) => {
                    let outcome = saving_outcome(&state.settings.templates, &template.name);
                    if outcome == Kept::ListFull {
                        refused.push((
                            "template-name",
                            format!(
                                "You keep {MAX_TEMPLATES} templates already: delete one first, \
                                 or use the name of one to replace it."
                            ),
                        ));
                    } else {
                        let (meal, name) = (keep_meal.label(), template.name.clone());
                        let foods = counted(template.foods.len(), "food", "foods");
                        let done = if outcome == Kept::Replaced {
                            format!("Replaced the template “{name}” with {meal}'s {foods}.")
                        } else {
                            format!("Kept {meal}'s {foods} as the template “{name}”.")
                        };
                        state.dispatch(Action::SaveTemplate(template));
                        form.set(Form {
                            name: String::new(),
                            picked: Some(name),
                            into: None,
                            ..form.said(done)
                        });
                        return;
                    }
                }
                Err(errors) => {
                    if let Some(error) = errors.foods {
                        refused.push(("template-meal", foods_refusal(error, keep_meal)));
                    }
                    if let Some(error) = errors.name {
                        refused.push((
                            "template-name",
                            text_refusal(
                                error,
                                "Give the template a name, such as “Usual breakfast”.",
                            ),
                        ));
                    }
                }
            }
            if let Some((id, _)) = refused.first() {
                focus_by_id(id);
            }
            form.set(Form {
                refused,
                done: String::new(),
                ..(*form).clone()
            });
        })
    };
    let on_add = {
        let (state, form) = (state.clone(), form.clone());
        let template = template.cloned();
        Callback::from(move |_: SubmitEvent| {
            let Some(template) = template.clone() else {
                return;
            };
            let done = format!(
                "Added {} from “{}” to {}.",
                counted(template.foods.len(), "food", "foods"),
                template.name,
                into.label()
            );
            state.dispatch(Action::AddTemplate {
                template,
                meal: into,
            });
            form.set(form.said(done));
        })
    };
    let on_forget = {
        let (state, form) = (state.clone(), form.clone());
        let name = template.map(|t| t.name.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(name) = name.clone() else { return };
            form.set(Form {
                picked: None,
                into: None,
                ..form.said(format!(
                    "Deleted the template “{name}”. Days it was added to keep their foods."
                ))
            });
            // The last template's form goes with it; the focus goes to the name of the next one
            // rather than to the page's start.
            if state.settings.templates.len() == 1 {
                focus_by_id("template-name");
            }
            state.dispatch(Action::ForgetTemplate(name));
        })
    };
    let (part_invalid, part_described, part_refusal) = form.refusal("copy-part");
    let (meal_invalid, meal_described, meal_refusal) = form.refusal("template-meal");
    let name_error = form
        .refused
        .iter()
        .find(|(field, _)| *field == "template-name")
        .map(|(_, why)| why.clone());
    let mut source_choices = Vec::with_capacity(sources.len());
    for plan in &sources {
        source_choices.push(SelectOption {
            value: plan.id.to_string().into(),
            label: plan_words(plan).into(),
            selected: Some(plan.id) == from,
            disabled: false,
        });
    }
    let mut template_choices = Vec::with_capacity(templates.len());
    for kept in templates {
        template_choices.push(SelectOption {
            value: kept.name.clone().into(),
            label: format!(
                "{} ({})",
                kept.name,
                counted(kept.foods.len(), "food", "foods")
            )
            .into(),
            selected: template.is_some_and(|t| t.name == kept.name),
            disabled: false,
        });
    }
    let field =
        |id: &'static str, label: &'static str, invalid: bool, described_by: Option<AttrValue>| {
            SelectField {
                id,
                tested: true,
                label: label.into(),
                invalid,
                described_by,
            }
        };

    html! {
        <details class="usual-meals" open=true ontoggle={on_toggle}>
            { summary }
            if sources.is_empty() {
                <p class="hint">{ "Other plans and days with something in them are offered here to copy from." }</p>
            } else {
                { usual_form(on_copy, "Copy into this plan".into(), html! { <>
                    { select_field(
                        field("copy-source", "From", false, None),
                        source_choices,
                        update(|f, id| f.source = id.parse().ok()),
                    ) }
                    { meal_select(
                        field("copy-part", "What", part_invalid, part_described),
                        form.part.map_or(WHOLE_DAY, Meal::value),
                        Some((WHOLE_DAY, "Whole day")),
                        update(|f, value| f.part = Meal::from_value(&value)),
                    ) }
                    { submit("copy-plan", "Copy") }
                    { part_refusal }
                </> }) }
            }
            { usual_form(on_keep, "Keep a meal as a template".into(), html! { <>
                { meal_select(
                    field("template-meal", "Meal to keep", meal_invalid, meal_described),
                    keep_meal.value(),
                    None,
                    update(|f, value| f.keep_meal = Meal::from_value(&value)),
                ) }
                { text_field(TextField {
                    id: "template-name",
                    tested: true,
                    label: "Template name".into(),
                    value: form.name.clone(),
                    placeholder: Some("Usual breakfast".into()),
                    error: name_error,
                    on_input: update(|f, name| f.name = name),
                }) }
                { meal_refusal }
                { submit("save-template", "Save as template") }
            </> }) }
            if let Some(template) = template {
                { usual_form(on_add, format!("Your templates ({} of {MAX_TEMPLATES})", templates.len()), html! { <>
                    { select_field(
                        field("template-pick", "Template", false, None),
                        template_choices,
                        update(|f, name| {
                            f.picked = Some(name);
                            f.into = None;
                        }),
                    ) }
                    { meal_select(
                        field("template-into", "Add to", false, None),
                        into.value(),
                        None,
                        update(|f, value| f.into = Meal::from_value(&value)),
                    ) }
                    <div class="usual-buttons">
                        { submit("add-template", "Add") }
                        <button type="button" class="remove" data-testid="delete-template" onclick={on_forget}
                            aria-label={format!("Delete template {}", template.name)}>{ "Delete template" }</button>
                    </div>
                </> }) }
            }
            <p class="hint" role="status" data-testid="usual-meals-status">{ form.done.clone() }</p>
        </details>
    }
}
