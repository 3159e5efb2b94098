//! The backup status: when an export is offered, what counts as worth keeping, the storage
//! warning, and the stored time of the last export.

use magnesium_planner::domain::DecodeError;
use magnesium_planner::domain::backup::{
    BackupState, EXPORT_REMINDER_DAYS, STORAGE_LIMIT_UNITS, STORAGE_WARNING_UNITS,
    decode_last_export, encode_last_export, storage_warning, worth_keeping,
};
use magnesium_planner::domain::diary::{CalendarDate, NightRating, NightRecord};
use magnesium_planner::domain::plan::{Meal, PortionOption};
use magnesium_planner::domain::plan_book::PlanBook;

const T: f64 = 1_750_000_000_000.0;
const DAY_MS: f64 = 86_400_000.0;

/// A book with `days` consecutive days from 1 March 2025, each with one food, the n-th changed
/// at `T + n days`.
fn book_of_days(days: usize) -> PlanBook {
    let mut book = PlanBook::default();
    let first = CalendarDate::parse("2025-03-01").unwrap_or_else(|e| panic!("{e:?}"));
    for n in 0..days {
        let now_ms = T + n as f64 * DAY_MS;
        let date = first
            .add_days(n as i64)
            .unwrap_or_else(|| panic!("day {n}"));
        book.open_day(date, now_ms);
        book.change_current(now_ms, |plan| {
            let portion = PortionOption {
                label: "100 g".to_owned(),
                grams: 100.0,
            };
            plan.add_food(12014, portion, 1.0, Meal::Lunch)
                .unwrap_or_else(|e| panic!("{e}"));
        });
    }
    book
}

#[test]
fn an_export_is_offered_after_fourteen_days_with_entries_in_no_file() {
    let book = book_of_days(EXPORT_REMINDER_DAYS - 1);
    let state = BackupState::of(&book, None);
    assert_eq!(state.days_not_exported, EXPORT_REMINDER_DAYS - 1);
    assert!(!state.export_due());
    let book = book_of_days(EXPORT_REMINDER_DAYS);
    assert!(BackupState::of(&book, None).export_due());
}

#[test]
fn an_export_covers_the_days_changed_before_it() {
    let book = book_of_days(20);
    // Exported just after the 10th day's change: the 10 later days are in no file.
    let state = BackupState::of(&book, Some(T + 9.5 * DAY_MS));
    assert_eq!(state.days_not_exported, 10);
    assert!(!state.export_due());
    assert_eq!(
        BackupState::of(&book, Some(T + 100.0 * DAY_MS)).days_not_exported,
        0
    );
}

#[test]
fn empty_days_and_plans_that_are_not_days_do_not_count() {
    let mut book = PlanBook::default();
    for n in 0..20 {
        let date = CalendarDate::parse("2025-03-01")
            .ok()
            .and_then(|d| d.add_days(n))
            .unwrap_or_else(|| panic!("day {n}"));
        book.open_day(date, T);
    }
    assert!(!worth_keeping(&book), "days opened but empty");
    assert_eq!(BackupState::of(&book, None).days_not_exported, 0);
    // A rated night is worth keeping even without foods.
    book.set_night(
        NightRecord {
            rating: NightRating::new(3).ok(),
            ..NightRecord::default()
        },
        T + 1.0,
    );
    assert!(worth_keeping(&book));
    assert_eq!(BackupState::of(&book, None).days_not_exported, 1);
}

#[test]
fn the_storage_warning_comes_well_before_the_smallest_limit() {
    const { assert!(STORAGE_WARNING_UNITS * 2 < STORAGE_LIMIT_UNITS) };
    assert!(!storage_warning(STORAGE_WARNING_UNITS - 1));
    assert!(storage_warning(STORAGE_WARNING_UNITS));
}

#[test]
fn the_last_export_round_trips_and_bad_times_are_refused() {
    let text = encode_last_export(T);
    assert_eq!(
        text,
        r#"{"version":1,"data":{"last_export_ms":1750000000000.0}}"#
    );
    assert_eq!(decode_last_export(&text), Ok(T));
    for bad in [
        r#"{"version":1,"data":{"last_export_ms":-1.0}}"#,
        r#"{"version":1,"data":{"last_export_ms":"soon"}}"#,
        r#"{"version":1,"data":{}}"#,
        "not json",
    ] {
        assert!(decode_last_export(bad).is_err(), "{bad}");
    }
    assert_eq!(
        decode_last_export(r#"{"version":2,"data":{"last_export_ms":1.0}}"#),
        Err(DecodeError::NewerVersion {
            found: 2,
            newest_known: 1
        })
    );
}
