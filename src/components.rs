//! The things a person sees, one component per file; each reads the planner's state through
//! [`crate::state::use_planner`] and changes it only by dispatching actions.

mod add_food_form;
mod food_panel;
mod food_search;
mod meal_list;
mod plan_entry_row;
mod profile_panel;
mod reference_summary;
mod storage_notice_banner;

pub use add_food_form::AddFoodForm;
pub use food_panel::FoodPanel;
pub use food_search::FoodSearch;
pub use meal_list::MealList;
pub use plan_entry_row::PlanEntryRow;
pub use profile_panel::ProfilePanel;
pub use reference_summary::ReferenceSummary;
pub use storage_notice_banner::StorageNoticeBanner;
