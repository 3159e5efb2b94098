//! The planner's pure domain: profiles, reference values and (later) foods, supplements, plans
//! and totals. Nothing here knows about Yew, the DOM or browser storage, so it is tested natively.

pub mod guidelines;
pub mod foods;
pub mod profile;
pub mod saved;

pub use guidelines::{
    Authority, IntakeKind, LimitKind, ReferenceIntake, ReferenceValues, SupplementLimit,
    reference_values,
};
pub use profile::{AgeError, AgeYears, MAX_AGE_YEARS, Profile, Sex, Stage};
pub use saved::{DecodeError, Settings, decode_settings, encode_settings};
