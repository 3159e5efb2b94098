//! The planner's pure domain: profiles, reference values, foods, supplement forms, medicines
//! and saved formats. Nothing here knows about Yew, the DOM or browser storage, so it is tested
//! natively.

pub mod backup;
pub mod catalog;
pub mod chemistry;
pub mod choice;
pub mod clock;
pub mod decimal_text;
pub mod diary;
pub mod foods;
pub mod guidance;
pub mod guidelines;
pub mod input;
pub mod library;
pub mod medicines;
pub mod order;
pub mod plan;
pub mod plan_book;
pub mod profile;
pub mod quick;
pub mod saved;
pub mod search;
pub mod suggestions;
pub mod supplements;
pub mod templates;
pub mod transfer;

pub use guidelines::{
    Authority, IntakeKind, LimitKind, ReferenceIntake, ReferenceValues, SupplementLimit,
    reference_values,
};
pub use profile::{AgeError, AgeYears, MAX_AGE_YEARS, Profile, Sex, Stage};
pub use saved::{
    DecodeError, Settings, decode_plan, decode_plan_book, decode_settings, encode_plan,
    encode_plan_book, encode_settings,
};
