//! When the person should be reminded to export a copy of their days, and when saved data is
//! growing towards what a browser lets one site keep.
//!
//! A browser may clear a site's storage (when space runs low, or when the person clears their
//! history), so the only copy that is truly the person's is an exported file. The planner
//! reminds them after [`EXPORT_REMINDER_DAYS`] days with entries that no export holds yet.

use serde::{Deserialize, Serialize};

use super::plan_book::{NamedPlan, PlanBook};
use super::saved::{DecodeError, from_json, open_versioned, to_json};

/// The version [`encode_last_export`] writes, under `magnesium-planner.backup`:
/// - 1: `last_export_ms`, when the plans were last exported from this browser.
pub const BACKUP_VERSION: u64 = 1;

/// How many days with entries may pile up after the last export (or since the first day, if
/// there never was one) before the planner offers an export: issue 14 asks for 14.
pub const EXPORT_REMINDER_DAYS: usize = 14;

/// The most text the planner lets its saved plans reach before it warns, in UTF-16 code units
/// (what `localStorage` counts). The smallest common limit is 5 MiB a site (5,242,880 code
/// units in Firefox, whose `dom.storage.default_quota` is 5,120 KiB; Chromium's is 10 MiB of
/// bytes, the same 5,242,880 code units at two bytes each). Warning at 2,000,000, well under
/// half of it, leaves room for years more (a year of full days is measured in BENCHMARKS.md).
pub const STORAGE_WARNING_UNITS: usize = 2_000_000;

/// The smallest limit on a site's `localStorage` that the warning is measured against, in
/// UTF-16 code units (see [`STORAGE_WARNING_UNITS`]).
pub const STORAGE_LIMIT_UNITS: usize = 5 * 1024 * 1024;

/// Where the person's copies stand.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BackupState {
    /// When the plans were last exported from this browser, in ms since the epoch; `None` if
    /// they never were.
    pub last_export_ms: Option<f64>,
    /// Days with foods, doses or a night record changed since that export (or ever, if there
    /// was none): what an export now would save that no file holds.
    pub days_not_exported: usize,
}

impl BackupState {
    /// Works out what the book holds that the last export does not.
    pub fn of(book: &PlanBook, last_export_ms: Option<f64>) -> Self {
        let since_ms = last_export_ms.unwrap_or(f64::NEG_INFINITY);
        let mut days_not_exported = 0;
        for plan in &book.plans {
            days_not_exported += usize::from(
                plan.date.is_some() && has_record(plan) && plan.updated_at_ms > since_ms,
            );
        }
        Self {
            last_export_ms,
            days_not_exported,
        }
    }

    /// Whether to offer an export now: enough days would be lost with this browser's storage.
    pub fn export_due(self) -> bool {
        self.days_not_exported >= EXPORT_REMINDER_DAYS
    }
}

/// Whether a plan holds anything the person entered: foods, water, doses or a night record.
fn has_record(plan: &NamedPlan) -> bool {
    !plan.plan.is_empty() || !plan.night.is_empty()
}

/// Whether the book holds anything worth asking the browser to keep: any plan with foods,
/// doses or a night record. An empty first visit asks nothing of the browser.
pub fn worth_keeping(book: &PlanBook) -> bool {
    book.plans.iter().any(|p| has_record(p))
}

/// Whether saved text of `units` UTF-16 code units is large enough to warn about.
pub fn storage_warning(units: usize) -> bool {
    units >= STORAGE_WARNING_UNITS
}

/// The record of the last export as stored.
#[derive(Serialize, Deserialize)]
struct StoredBackupV1 {
    last_export_ms: f64,
}

/// Writes when the plans were last exported.
pub fn encode_last_export(last_export_ms: f64) -> String {
    to_json(BACKUP_VERSION, StoredBackupV1 { last_export_ms })
}

/// Reads when the plans were last exported; a time that is not a finite, non-negative number
/// of milliseconds is refused rather than believed.
pub fn decode_last_export(text: &str) -> Result<f64, DecodeError> {
    let (_, data) = open_versioned(text, BACKUP_VERSION)?;
    let stored: StoredBackupV1 = from_json(data)?;
    if stored.last_export_ms.is_finite() && stored.last_export_ms >= 0.0 {
        Ok(stored.last_export_ms)
    } else {
        Err(DecodeError::WrongShape("no time of the last export".into()))
    }
}
