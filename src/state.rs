//! The one place the person's state lives: [`AppState`], changed only by [`Action`]s, each of
//! which calls into the domain.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::now_ms;
use crate::domain::diary::{CalendarDate, NightRecord};
use crate::domain::library::{
    CustomFood, Product, add_own_food, add_product, edit_own_food, edit_product, is_own_food,
    keep_water,
};
use crate::domain::medicines::{Medicine, MedicineError, add_medicine, remove_medicine};
use crate::domain::order::sort_by_rank;
use crate::domain::plan::{
    CheckedDose, EntryId, Meal, Plan, PlanPart, Serving, TimeOfDay, WaterDrunk,
};
use crate::domain::plan_book::{NameError, PlanBook, PlanId};
use crate::domain::quick::{QuickFood, QuickFoods};
use crate::domain::templates::{MealTemplate, forget_template, save_template};
use crate::domain::transfer::{Imported, add_imported, add_imported_days};
use crate::domain::{AgeError, AgeYears, Authority, Profile, Settings, Sex, Stage};
use crate::storage::{Loaded, StorageNotice};

/// Everything the page shows that the person can change.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The last valid settings; what the reference values are computed from.
    pub settings: Settings,
    /// The age field exactly as typed, which may not be valid yet (empty while the browser holds
    /// text it cannot read as a number; see [`Action::RejectAge`]).
    pub age_text: String,
    /// Why `age_text` was refused, if it was; the last valid age stays in `settings`.
    pub age_error: Option<AgeError>,
    /// All the person's plans; the one on screen is `book.current_plan()`.
    pub book: PlanBook,
    /// Why the last typed plan name was refused, if it was.
    pub name_error: Option<NameError>,
    /// Why the last medicine was not added (already listed, list full), if it was not; cleared
    /// by the next change to the list.
    pub medicine_error: Option<MedicineError>,
    /// What the person must be told about saved data, oldest first, each once.
    pub storage_notices: Vec<StorageNotice>,
    /// Goes up by one whenever the book changes, so that figures worked out from the whole
    /// book (the history) are recomputed only then, without comparing or copying the book.
    pub book_revision: u64,
    /// The recent and favourite foods of quick add, saved under their own key.
    pub quick: QuickFoods,
    /// The last food added by quick add, which its Undo takes out again.
    pub last_quick_add: Option<QuickAdded>,
    /// When the plans were last exported from this browser, if ever (saved under its own key).
    pub last_export_ms: Option<f64>,
    /// Whether the browser has agreed to keep the saved data when space runs low; `None` until
    /// it has answered, or where it cannot be asked.
    pub storage_kept: Option<bool>,
}

/// A food quick add put into a plan: what the person is told, and what Undo removes.
#[derive(Clone, Debug, PartialEq)]
pub struct QuickAdded {
    /// The plan it went into.
    pub plan: PlanId,
    /// Its entry in that plan.
    pub entry: EntryId,
    /// The food, portion and quantity.
    pub food: QuickFood,
    /// The meal it went to.
    pub meal: Meal,
}

impl AppState {
    /// The state the page starts in, from what storage found.
    pub fn from_loaded(settings: Loaded<Settings>, book: Loaded<PlanBook>) -> Self {
        let mut storage_notices = Vec::new();
        for notice in [settings.notice, book.notice].into_iter().flatten() {
            if !storage_notices.contains(&notice) {
                storage_notices.push(notice);
            }
        }
        let settings = settings.value.unwrap_or_default();
        Self {
            age_text: settings.profile.age.to_string(),
            settings,
            age_error: None,
            book: book.value.unwrap_or_default(),
            name_error: None,
            medicine_error: None,
            storage_notices,
            book_revision: 0,
            quick: QuickFoods::default(),
            last_quick_add: None,
            last_export_ms: None,
            storage_kept: None,
        }
    }

    /// The same state with the time of the last export storage found, and its notice.
    pub fn with_last_export(mut self, loaded: Loaded<f64>) -> Self {
        if let Some(notice) = loaded.notice
            && !self.storage_notices.contains(&notice)
        {
            self.storage_notices.push(notice);
        }
        self.last_export_ms = loaded.value;
        self
    }

    /// The same state with the recent and favourite foods storage found, and its notice.
    pub fn with_quick_foods(mut self, loaded: Loaded<QuickFoods>) -> Self {
        if let Some(notice) = loaded.notice
            && !self.storage_notices.contains(&notice)
        {
            self.storage_notices.push(notice);
        }
        self.quick = loaded.value.unwrap_or_default();
        self
    }

    /// Adds a food to the plan on screen and makes it the most recent food of quick add;
    /// returns the new state and the entry's id.
    /// A food of the person's own is added with a copy of it as it is now; one they no longer
    /// keep (quick add remembered it) is not added at all.
    fn adding_food(&self, ndb: u32, serving: Serving, meal: Meal) -> Option<(Self, EntryId)> {
        let own = if is_own_food(ndb) {
            Some(self.settings.foods.iter().find(|f| f.id == ndb)?)
        } else {
            None
        };
        let mut next = self.clone();
        let mut added = 0;
        next.book.change_current(now_ms(), |plan| {
            added = match own {
                Some(own) => plan.add_own_serving(own, serving.clone(), meal),
                None => plan.add_serving(ndb, serving.clone(), meal),
            };
        });
        next.quick.record_use(QuickFood::of(ndb, serving));
        Some((next, added))
    }

    fn with_settings(&self, change: impl FnOnce(&mut Settings)) -> Self {
        let mut next = self.clone();
        change(&mut next.settings);
        next
    }

    fn with_profile(&self, profile: Profile) -> Self {
        self.with_settings(|settings| settings.profile = profile)
    }

    /// The plan on screen.
    pub fn plan(&self) -> &Plan {
        &self.book.current_plan().plan
    }

    fn with_plan(&self, change: impl FnOnce(&mut Plan)) -> Self {
        let mut next = self.clone();
        next.book.change_current(now_ms(), change);
        next
    }

    fn with_book(&self, change: impl FnOnce(&mut PlanBook)) -> Self {
        let mut next = self.clone();
        change(&mut next.book);
        next.name_error = None;
        next
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::from_loaded(Loaded::nothing(), Loaded::nothing())
    }
}

/// Everything the person can do to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The age field changed; valid text updates the profile, invalid text only the message.
    EditAge(String),
    /// The browser holds text in the age field that it cannot read as a number. Its `value` is
    /// then empty, and so becomes `age_text`: the page renders the field with the value the
    /// browser reports and so leaves the typed text on screen; the message says why.
    RejectAge(AgeError),
    /// A sex was chosen.
    SetSex(Sex),
    /// A life stage was chosen.
    SetStage(Stage),
    /// An authority was chosen.
    SetAuthority(Authority),
    /// The kidney disease switch was turned on or off.
    SetKidneyDisease(bool),
    /// A food group was hidden from suggestions, or shown again.
    HideGroup {
        /// The SR28 group code.
        code: u16,
        /// True to hide it.
        hidden: bool,
    },
    /// A supplement dose was added, checked by the form.
    AddDose(CheckedDose),
    /// A dose was changed.
    EditDose {
        /// The dose.
        id: EntryId,
        /// What it is now, checked by the form.
        dose: CheckedDose,
    },
    /// A dose was removed.
    RemoveDose(EntryId),
    /// A dose's time was set (a clock time) or cleared.
    SetDoseTime {
        /// The dose.
        id: EntryId,
        /// When it is taken now.
        time: Option<TimeOfDay>,
    },
    /// A medicine the person takes was added; [`Medicine::new`] checked it, and the list's own
    /// rules (not twice, not too many) are checked here.
    AddMedicine(Medicine),
    /// A medicine was removed from the person's list.
    RemoveMedicine(Medicine),
    /// A food was added.
    AddFood {
        /// The food's NDB number.
        ndb: u32,
        /// The chosen portion and how many of it, checked by the form.
        serving: Serving,
        /// Which meal.
        meal: Meal,
    },
    /// An entry's portion or quantity was changed.
    EditFood {
        /// The entry.
        id: EntryId,
        /// The new portion and quantity, checked by the form.
        serving: Serving,
    },
    /// An entry was removed.
    RemoveFood(EntryId),
    /// Water was drunk: it goes into the day on screen and, if `keep`, into the saved waters
    /// (the form has checked there is room, or that the name is saved already).
    AddWater {
        /// The water and the litres, checked by the form.
        drunk: WaterDrunk,
        /// Whether to keep the water for reuse.
        keep: bool,
    },
    /// A water was taken out of the day on screen.
    RemoveWater(EntryId),
    /// A saved water is no longer wanted; days that drank it keep their own copy.
    ForgetWater(String),
    /// A food of the person's own was made; the form has checked that it fits
    /// ([`crate::domain::library::own_food_fits`]).
    AddOwnFood(CustomFood),
    /// A food of the person's own was changed; days it was added to keep their copy.
    EditOwnFood {
        /// Its id.
        id: u32,
        /// What it is now, checked by the form.
        food: CustomFood,
    },
    /// A food of the person's own is no longer kept; days it was added to keep their copy.
    RemoveOwnFood(u32),
    /// A product was made, or product `id` changed (doses of it keep their copy); the form has
    /// checked that it fits ([`crate::domain::library::product_fits`]).
    SaveProduct {
        /// The product's id when it is edited; `None` for a new one.
        id: Option<u32>,
        /// What it is now, checked by the form.
        product: Product,
    },
    /// A product is no longer kept; doses of it keep their copy.
    RemoveProduct(u32),
    /// A meal's foods or a whole day were copied from another plan into the one on screen,
    /// after what it has (the form checked with [`PlanBook::copy_check`] that there is
    /// something to copy; if another tab deleted the plan meanwhile, nothing changes).
    CopyFromPlan {
        /// The plan copied from.
        from: PlanId,
        /// A meal, or the whole day.
        part: PlanPart,
    },
    /// A meal was kept as a template, checked by [`MealTemplate::check`]; one of the same name
    /// is replaced (the form has refused a full list).
    SaveTemplate(MealTemplate),
    /// A template's foods go into a meal of the day on screen.
    AddTemplate {
        /// The template, as kept.
        template: MealTemplate,
        /// The meal they go into.
        meal: Meal,
    },
    /// A template is no longer wanted; days it was added to keep their foods.
    ForgetTemplate(String),
    /// A new empty plan was asked for.
    NewPlan,
    /// The current plan is to be copied.
    DuplicatePlan,
    /// The current plan's name was typed.
    RenamePlan(String),
    /// The current plan is to be deleted (the page has asked for confirmation).
    DeletePlan,
    /// Another plan was chosen.
    SwitchPlan(PlanId),
    /// A file was imported: its plans are added beside the existing ones, its days merged
    /// into the book by date, and the foods, products, waters and templates it brings that the
    /// person lacks by name are kept ([`Imported::keep_library`]); the plan on screen stays.
    Import(Imported),
    /// A calendar day was chosen: its plan is shown, made (empty) if there is none.
    OpenDay(CalendarDate),
    /// The night after the day on screen was recorded; the rating and note are already
    /// checked ([`crate::domain::diary::NightRating::parse`], [`crate::domain::diary::clean_note`]).
    SetNight(NightRecord),
    /// The day on screen starts from the day before's foods and doses, replacing its own (the
    /// page has asked first if it had any).
    CopyDayBefore,
    /// A plan from a share link is kept as a new plan and shown.
    SaveSharedPlan {
        /// Its name in the link.
        name: String,
        /// The plan.
        plan: Plan,
        /// Whether the sharer's own foods and products in it are kept with the person's own
        /// too.
        keep_library: bool,
    },
    /// Another copy of the book (another tab's, or storage's after a save) is merged in.
    MergeBook(PlanBook),
    /// Another tab changed the settings.
    ReplaceSettings(Settings),
    /// Saving failed; tell the person and keep working in memory.
    SaveFailed(StorageNotice),
    /// A recent or favourite food was picked: it goes into the plan on screen, in the meal the
    /// time of day chose, and can be undone.
    QuickAdd {
        /// The food, portion and quantity, as kept by quick add.
        food: QuickFood,
        /// The meal.
        meal: Meal,
    },
    /// The last quick add is taken out of its plan again.
    UndoQuickAdd,
    /// A food was starred or unstarred.
    SetFavourite {
        /// The food, with the portion and quantity a tap on the favourite adds.
        food: QuickFood,
        /// True to star it.
        favourite: bool,
    },
    /// Another tab changed the recent or favourite foods.
    ReplaceQuickFoods(QuickFoods),
    /// Every plan was just exported to a file, at this time (ms since the epoch).
    Exported(f64),
    /// The browser answered whether it keeps the saved data when space runs low.
    StorageKept(bool),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let profile = self.settings.profile;
        let next = match action {
            Action::EditAge(text) => match AgeYears::parse(&text) {
                Ok(age) => Self {
                    age_text: text,
                    age_error: None,
                    ..self.with_profile(profile.with_age(age))
                },
                Err(error) => Self {
                    age_text: text,
                    age_error: Some(error),
                    ..(*self).clone()
                },
            },
            Action::RejectAge(error) => Self {
                age_text: String::new(),
                age_error: Some(error),
                ..(*self).clone()
            },
            Action::SetSex(sex) => self.with_profile(profile.with_sex(sex)),
            Action::SetStage(stage) => self.with_profile(profile.with_stage(stage)),
            Action::SetAuthority(authority) => self.with_settings(|s| s.authority = authority),
            Action::SetKidneyDisease(yes) => self.with_settings(|s| s.kidney_disease = yes),
            Action::HideGroup { code, hidden } => self.with_settings(|s| {
                s.hidden_groups.retain(|&c| c != code);
                if hidden {
                    s.hidden_groups.push(code);
                    sort_by_rank(&mut s.hidden_groups, |&code| u64::from(code));
                }
            }),
            Action::AddDose(dose) => self.with_plan(|plan| {
                plan.add_checked_dose(dose);
            }),
            Action::EditDose { id, dose } => {
                self.with_plan(|plan| plan.edit_checked_dose(id, dose))
            }
            Action::RemoveDose(id) => self.with_plan(|plan| plan.remove_dose(id)),
            Action::SetDoseTime { id, time } => self.with_plan(|plan| plan.set_dose_time(id, time)),
            Action::AddMedicine(medicine) => {
                let mut next = (*self).clone();
                next.medicine_error = add_medicine(&mut next.settings.medicines, medicine).err();
                next
            }
            Action::RemoveMedicine(medicine) => {
                let mut next = self.with_settings(|s| remove_medicine(&mut s.medicines, medicine));
                next.medicine_error = None;
                next
            }
            Action::AddFood { ndb, serving, meal } => match self.adding_food(ndb, serving, meal) {
                Some((next, _)) => Self {
                    last_quick_add: None,
                    ..next
                },
                None => return self,
            },
            Action::EditFood { id, serving } => {
                let mut next = self.with_plan(|plan| plan.edit_serving(id, serving.clone()));
                // The amount a person corrects an entry to is the one they use now.
                if let Some(entry) = next.plan().entries.iter().find(|e| e.id == id) {
                    next.quick.record_use(QuickFood::of(entry.ndb, serving));
                }
                next
            }
            Action::RemoveFood(id) => self.with_plan(|plan| plan.remove_food(id)),
            Action::AddWater { drunk, keep } => {
                let water = drunk.water().clone();
                let next = self.with_plan(|plan| {
                    plan.add_water(drunk);
                });
                if keep {
                    // The form refused a full list before dispatching; a full list here (another
                    // tab filled it meanwhile) keeps the day's water and leaves the list alone.
                    next.with_settings(|s| {
                        keep_water(&mut s.waters, water);
                    })
                } else {
                    next
                }
            }
            Action::RemoveWater(id) => self.with_plan(|plan| plan.remove_water(id)),
            Action::ForgetWater(name) => {
                self.with_settings(|s| s.waters.retain(|w| w.name != name))
            }
            // The form checked that the food fits; if another tab took the name or the last
            // place meanwhile, nothing is kept rather than a second food of that name.
            Action::AddOwnFood(food) => self.with_settings(|s| {
                let _ = add_own_food(&mut s.foods, food);
            }),
            Action::EditOwnFood { id, food } => self.with_settings(|s| {
                let _ = edit_own_food(&mut s.foods, id, food);
            }),
            Action::RemoveOwnFood(id) => self.with_settings(|s| s.foods.retain(|f| f.id != id)),
            // As with own foods: a name another tab took meanwhile keeps nothing.
            Action::SaveProduct { id, product } => self.with_settings(|s| {
                let _ = match id {
                    Some(id) => edit_product(&mut s.products, id, product),
                    None => add_product(&mut s.products, product).map(|_| ()),
                };
            }),
            Action::RemoveProduct(id) => self.with_settings(|s| s.products.retain(|p| p.id != id)),
            Action::CopyFromPlan { from, part } => self.with_book(|book| {
                // Refused copies change nothing; the form said why before dispatching.
                let _ = book.copy_part_into_current(from, part, now_ms());
            }),
            Action::SaveTemplate(template) => self.with_settings(|s| {
                save_template(&mut s.templates, template);
            }),
            Action::AddTemplate { template, meal } => self.with_plan(|plan| {
                plan.add_food_copies(&template.foods, Some(meal));
            }),
            Action::ForgetTemplate(name) => {
                self.with_settings(|s| forget_template(&mut s.templates, &name))
            }
            Action::NewPlan => self.with_book(|book| {
                book.add_empty(now_ms());
            }),
            Action::DuplicatePlan => self.with_book(|book| {
                book.duplicate_current(now_ms());
            }),
            Action::RenamePlan(text) => {
                let mut next = (*self).clone();
                next.name_error = next.book.rename_current(&text, now_ms()).err();
                next
            }
            Action::DeletePlan => self.with_book(|book| book.delete_current(now_ms())),
            Action::SwitchPlan(id) => self.with_book(|book| book.switch_to(id)),
            Action::Import(mut imported) => {
                let mut next = (*self).clone();
                imported.keep_library(&mut next.settings);
                let now = now_ms();
                next.book = add_imported(&next.book, imported.plans, now).0;
                next.book = add_imported_days(&next.book, imported.days, now).0;
                next.name_error = None;
                next
            }
            Action::OpenDay(date) => self.with_book(|book| {
                book.open_day(date, now_ms());
            }),
            Action::SetNight(night) => self.with_book(|book| book.set_night(night, now_ms())),
            Action::CopyDayBefore => self.with_book(|book| {
                if let Some(source) = book.day_before_current().map(|p| p.plan.clone()) {
                    book.copy_into_current(&source, now_ms());
                }
            }),
            Action::SaveSharedPlan {
                name,
                mut plan,
                keep_library,
            } => {
                let mut next = if keep_library {
                    self.with_settings(|s| {
                        plan.keep_own_foods(&mut s.foods);
                        plan.keep_products(&mut s.products);
                    })
                } else {
                    (*self).clone()
                };
                next.book.add(&name, plan, now_ms());
                next.name_error = None;
                next
            }
            Action::MergeBook(other) => self.with_book(|book| *book = book.merge(&other)),
            Action::ReplaceSettings(settings) => Self {
                age_text: settings.profile.age.to_string(),
                age_error: None,
                settings,
                ..(*self).clone()
            },
            Action::SaveFailed(notice) => {
                if self.storage_notices.contains(&notice) {
                    return self;
                }
                let mut next = (*self).clone();
                next.storage_notices.push(notice);
                next
            }
            Action::QuickAdd { food, meal } => {
                // Quick foods are checked when read from storage; their fields are public, so
                // the serving is checked again, and one that fails adds nothing.
                let Ok(serving) = food.serving() else {
                    return self;
                };
                let Some((mut next, entry)) = self.adding_food(food.ndb, serving, meal) else {
                    return self;
                };
                next.last_quick_add = Some(QuickAdded {
                    plan: self.book.current,
                    entry,
                    food,
                    meal,
                });
                next
            }
            Action::UndoQuickAdd => {
                let Some(added) = &self.last_quick_add else {
                    return self;
                };
                let mut next = if added.plan == self.book.current {
                    self.with_plan(|plan| plan.remove_food(added.entry))
                } else {
                    (*self).clone()
                };
                next.last_quick_add = None;
                next
            }
            Action::SetFavourite { food, favourite } => {
                let mut next = (*self).clone();
                // The star refuses a favourite beyond the limit before dispatching.
                let _ = next.quick.set_favourite(food, favourite);
                next
            }
            Action::ReplaceQuickFoods(quick) => Self {
                quick,
                ..(*self).clone()
            },
            Action::Exported(at_ms) => Self {
                last_export_ms: Some(at_ms),
                ..(*self).clone()
            },
            Action::StorageKept(kept) => Self {
                storage_kept: Some(kept),
                ..(*self).clone()
            },
        };
        let mut next = next;
        if next.book != self.book {
            next.book_revision = self.book_revision.wrapping_add(1);
        }
        // Yew 0.23 skips re-rendering when the same Rc comes back, so unchanged state does.
        if next == *self { self } else { Rc::new(next) }
    }
}

/// The handle components use to read the state and dispatch actions.
pub type PlannerContext = UseReducerHandle<AppState>;

/// The planner's state and dispatcher, for any component inside [`crate::App`].
#[hook]
pub fn use_planner() -> PlannerContext {
    // Every component is rendered under App's ContextProvider; missing it is a programming
    // error that the browser tests catch, not something a person can cause.
    use_context::<PlannerContext>().expect("rendered inside App's ContextProvider")
}
