//! Usual meals: a meal saved under a name (a template) to be added to any day in one step. The
//! copies from another plan into the one on screen are [`super::plan::PlanPart`] and
//! [`super::plan_book::PlanBook::copy_part_into_current`].
//!
//! A template is checked once, when it is made (from the page or from saved data), so settings
//! and actions only ever hold valid ones. Results are typed; the words a person reads are made
//! by the components.

use super::library::{
    Kept, KeptByName, MAX_NAME_CHARS, TextError, clean_text, keep_by_name, keeping_outcome,
    same_name,
};
use super::plan::{FoodEntry, Meal, Plan};

/// How many templates a person may keep: a short list to pick from, not a recipe book.
pub const MAX_TEMPLATES: usize = 30;

/// The most foods one template may hold; a meal of more is surely a slip (a whole week pasted
/// into one meal).
pub const MAX_TEMPLATE_FOODS: usize = 40;

/// A meal kept under a name. Its foods keep their portion and quantity; their ids are their
/// places in the template (0, 1, …) and mean nothing outside it: a day the template is added to
/// gives each food a fresh id of its own.
#[derive(Clone, Debug, PartialEq)]
pub struct MealTemplate {
    /// The person's name for it ("Usual breakfast"), cleaned by [`clean_text`].
    pub name: String,
    /// The foods, in the order they were in the meal; never empty, at most
    /// [`MAX_TEMPLATE_FOODS`].
    pub foods: Vec<FoodEntry>,
}

/// Why a template's foods were refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoodsError {
    /// The meal has no food: there is nothing to keep.
    Empty,
    /// More foods than [`MAX_TEMPLATE_FOODS`].
    TooMany {
        /// The most allowed.
        max: usize,
    },
}

/// Which part of a template was refused, and why; both are checked at once so the page can
/// show every reason together, each beside its field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TemplateErrors {
    /// The name.
    pub name: Option<TextError>,
    /// The foods (the meal they come from).
    pub foods: Option<FoodsError>,
}

impl MealTemplate {
    /// Checks a name as typed and a list of foods (already checked as plan entries are); the
    /// foods are renumbered 0, 1, … in their order.
    pub fn check(name: &str, foods: Vec<FoodEntry>) -> Result<Self, TemplateErrors> {
        let name = clean_text(name, MAX_NAME_CHARS);
        let foods_error = if foods.is_empty() {
            Some(FoodsError::Empty)
        } else if foods.len() > MAX_TEMPLATE_FOODS {
            Some(FoodsError::TooMany {
                max: MAX_TEMPLATE_FOODS,
            })
        } else {
            None
        };
        match (name, foods_error) {
            (Ok(name), None) => Ok(Self {
                name,
                foods: foods
                    .into_iter()
                    .zip(0..)
                    .map(|(food, id)| FoodEntry { id, ..food })
                    .collect(),
            }),
            (name, foods) => Err(TemplateErrors {
                name: name.err(),
                foods,
            }),
        }
    }

    /// The foods of `meal` in `plan` as a template named `name` (as typed).
    pub fn from_meal(name: &str, plan: &Plan, meal: Meal) -> Result<Self, TemplateErrors> {
        Self::check(name, plan.meal_entries(meal).cloned().collect())
    }
}

/// The kept template named `name` (ignoring case and Latin accents, as every kept name is
/// compared: [`same_name`]), if there is one.
pub fn find_template<'a>(saved: &'a [MealTemplate], name: &str) -> Option<&'a MealTemplate> {
    saved.iter().find(|t| same_name(&t.name, name))
}

impl KeptByName for MealTemplate {
    fn kept_name(&self) -> &str {
        &self.name
    }
}

/// What saving a template named `name` would do, without saving: the page says it before it is
/// done and refuses a full list beside the name field.
pub fn saving_outcome(saved: &[MealTemplate], name: &str) -> Kept {
    keeping_outcome(saved, name, MAX_TEMPLATES)
}

/// Keeps `template`: saving "breakfast" again replaces "Breakfast" in its place.
pub fn save_template(saved: &mut Vec<MealTemplate>, template: MealTemplate) -> Kept {
    keep_by_name(saved, template, MAX_TEMPLATES)
}

/// Deletes the template named exactly `name`; days it was added to keep their foods.
pub fn forget_template(saved: &mut Vec<MealTemplate>, name: &str) {
    saved.retain(|t| t.name != name);
}
