//! The things a person sees, one per file: mostly plain functions that App calls with its
//! state (and with the state of their own that App keeps for them), a few Yew components that
//! read it through [`crate::state::use_planner`]; all change it only by dispatching actions.

mod add_food_form;
mod backup_status;
mod day_chart;
mod day_picker;
mod day_summary;
mod doctor_summary;
mod favourite_toggle;
mod food_panel;
mod food_search;
mod form_compare;
mod form_kit;
mod gap_suggestions;
mod guidance_panel;
mod history_chart;
mod interaction_warnings;
mod kept_item_row;
mod markup_text;
mod meal_list;
mod medicine_list;
mod medicine_text;
mod my_foods;
mod my_products;
mod night_record;
mod period_comparison;
mod plan_bar;
mod plan_entry_row;
mod plan_transfer;
mod profile_line;
mod profile_panel;
mod quick_add;
mod reference_summary;
mod section_nav;
mod shared_plan_offer;
mod storage_notice_banner;
mod supplement_entry_row;
mod supplement_list;
mod supplement_picker;
mod time_field;
mod totals_chart;
mod update_banner;
mod usual_meals;
mod water_panel;
mod week_average;

pub use add_food_form::{AddFoodDraft, add_food_form, new_food_picked};
pub use backup_status::{BackupMessage, backup_status, use_backup_message};
pub use day_chart::{DayChartState, day_chart, use_day_chart_state};
pub use day_picker::{copy_yesterday, date_words, day_picker, short_date_words};
pub use day_summary::day_summary;
pub use doctor_summary::{DoctorSummaryProps, doctor_summary, doctor_summary_link};
pub use favourite_toggle::{FavouriteToggle, favourite_toggle};
pub use food_panel::{FoodPanelState, food_panel, use_food_panel_state};
pub use food_search::{FoodSearchState, OWN_FOODS_GROUP_NAME, food_search, use_food_search_state};
pub use form_compare::{CompareChoices, form_compare};
pub use form_kit::{
    ChoiceField, ChoiceLabel, FormState, NumberField, NumberParts, NumberText, SelectField,
    SelectOption, TextField, amount_refusal, choice_field, number_field, select_field, text_field,
    text_refusal, use_form_state,
};
pub use gap_suggestions::{GapSuggestionsProps, gap_suggestions};
pub use guidance_panel::guidance_panel;
pub use history_chart::{
    DayRecords, HistoryChoices, history_chart, history_end, use_history_choices,
};
pub use markup_text::{escaped, push_option};
pub use meal_list::meal_list;
pub use medicine_list::{MedicineDraft, medicine_list};
pub use my_foods::{MyFoodsState, my_foods};
pub use my_products::{ProductDraft, my_products};
pub use night_record::{NightRecordState, night_record_panel, use_night_record_state};
pub use period_comparison::period_comparison;
pub use plan_bar::PlanBar;
pub use plan_entry_row::{PlanEntryRow, focus_by_id};
pub use profile_line::{ProfileLineProps, profile_line};
pub use profile_panel::profile_panel;
pub use quick_add::{QuickAddState, quick_add, use_quick_add_state};
pub use reference_summary::reference_summary;
pub use section_nav::{Section, SectionNav, section_nav};
pub use shared_plan_offer::{SharedPlanOfferState, shared_plan_offer, use_shared_plan_offer_state};
pub use storage_notice_banner::storage_notice_banner;
pub use supplement_entry_row::{DoseRows, supplement_entry_row};
pub use supplement_list::supplement_list;
pub use supplement_picker::{SupplementDraft, supplement_picker};
pub use time_field::{TimeField, TimeText, time_error_message, time_field};
pub use totals_chart::{TotalsChart, totals_chart};
pub use update_banner::update_banner;
pub use usual_meals::{UsualMealsForm, usual_meals};
pub use water_panel::water_panel;
pub use week_average::week_average;
