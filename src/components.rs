//! The things a person sees, one component per file; each reads the planner's state through
//! [`crate::state::use_planner`] and changes it only by dispatching actions.

mod add_food_form;
mod day_summary;
mod food_panel;
mod food_search;
mod form_compare;
mod gap_suggestions;
mod guidance_panel;
mod meal_list;
mod plan_bar;
mod plan_entry_row;
mod plan_transfer;
mod profile_panel;
mod reference_summary;
mod shared_plan_offer;
mod storage_notice_banner;
mod supplement_entry_row;
mod supplement_list;
mod supplement_picker;
mod totals_chart;
mod update_banner;

pub use add_food_form::AddFoodForm;
pub use day_summary::DaySummary;
pub use food_panel::FoodPanel;
pub use food_search::FoodSearch;
pub use form_compare::FormCompare;
pub use gap_suggestions::GapSuggestions;
pub use guidance_panel::GuidancePanel;
pub use meal_list::MealList;
pub use plan_bar::PlanBar;
pub use plan_entry_row::PlanEntryRow;
pub use plan_transfer::PlanTransfer;
pub use profile_panel::ProfilePanel;
pub use reference_summary::ReferenceSummary;
pub use shared_plan_offer::SharedPlanOffer;
pub use storage_notice_banner::StorageNoticeBanner;
pub use supplement_entry_row::SupplementEntryRow;
pub use supplement_list::SupplementList;
pub use supplement_picker::SupplementPicker;
pub use totals_chart::TotalsChart;
pub use update_banner::UpdateBanner;
