//! The things a person sees, one component per file; each reads the planner's state through
//! [`crate::state::use_planner`] and changes it only by dispatching actions.

mod profile_panel;
mod reference_summary;
mod storage_notice_banner;

pub use profile_panel::ProfilePanel;
pub use reference_summary::ReferenceSummary;
pub use storage_notice_banner::StorageNoticeBanner;
