//! Days in the plan book: one plan per date, nights, copying the day before, and merging two
//! copies (two tabs, an import) by date without losing anyone's entries.

use magnesium_planner::domain::diary::{CalendarDate, NightRating, NightRecord, Period};
use magnesium_planner::domain::plan::{DoseInput, Meal, PortionOption, TimeOfDay};
use magnesium_planner::domain::plan_book::PlanBook;
use magnesium_planner::domain::saved::PLAN_BOOK_VERSION;
use magnesium_planner::domain::supplements::DoseBasis;
use magnesium_planner::domain::transfer::{add_imported_days, decode_export, encode_export};
use magnesium_planner::domain::{Settings, decode_plan_book, encode_plan_book};
use proptest::prelude::*;

fn date(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

fn portion() -> PortionOption {
    PortionOption {
        label: "100 g".to_owned(),
        grams: 100.0,
    }
}

fn add_food(book: &mut PlanBook, ndb: u32, now_ms: f64) {
    book.change_current(now_ms, |plan| {
        plan.add_food(ndb, portion(), 1.0, Meal::Lunch)
            .unwrap_or_else(|e| panic!("{e}"));
    });
}

fn ndbs(book: &PlanBook, day: &str) -> Vec<u32> {
    let mut ndbs: Vec<u32> = book
        .day(date(day))
        .map(|p| p.plan.entries.iter().map(|e| e.ndb).collect())
        .unwrap_or_default();
    ndbs.sort_unstable();
    ndbs
}

const T: f64 = 1_750_000_000_000.0;

fn add_dose(book: &mut PlanBook, elemental_mg: f64, now_ms: f64) {
    book.change_current(now_ms, |plan| {
        plan.add_dose(DoseInput {
            product: None,
            form_id: "citrate".to_owned(),
            variant_id: "anhydrous".to_owned(),
            basis: DoseBasis::Elemental,
            amount_mg: elemental_mg,
            units: 1.0,
            time: Some(TimeOfDay::Bedtime),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    });
}

#[test]
fn the_last_day_with_doses_is_the_latest_in_the_period_that_has_any() {
    let mut book = PlanBook::default();
    // The undated plan's dose never counts: it is not a day.
    add_dose(&mut book, 400.0, T);
    book.open_day(date("2025-03-01"), T + 1.0);
    add_dose(&mut book, 100.0, T + 2.0);
    book.open_day(date("2025-03-03"), T + 3.0);
    add_dose(&mut book, 200.0, T + 4.0);
    // A later day with food only, and a day after the period with a dose.
    book.open_day(date("2025-03-04"), T + 5.0);
    add_food(&mut book, 12016, T + 6.0);
    book.open_day(date("2025-03-09"), T + 7.0);
    add_dose(&mut book, 300.0, T + 8.0);

    let period = |first: &str, last: &str| {
        Period::new(date(first), date(last)).unwrap_or_else(|e| panic!("{e:?}"))
    };
    let found = book.last_day_with_doses(period("2025-03-01", "2025-03-05"));
    assert_eq!(found.and_then(|p| p.date), Some(date("2025-03-03")));
    assert_eq!(
        found.map(|p| p
            .plan
            .doses
            .iter()
            .map(|d| d.elemental_mg.round())
            .sum::<f64>()),
        Some(200.0)
    );
    let found = book.last_day_with_doses(period("2025-03-01", "2025-03-02"));
    assert_eq!(found.and_then(|p| p.date), Some(date("2025-03-01")));
    assert!(
        book.last_day_with_doses(period("2025-03-04", "2025-03-08"))
            .is_none()
    );
}

#[test]
fn a_date_has_at_most_one_plan_and_opening_it_again_shows_it() {
    let mut book = PlanBook::default();
    let first = book.open_day(date("2025-03-01"), T);
    add_food(&mut book, 12016, T + 1.0);
    let other = book.open_day(date("2025-03-02"), T + 2.0);
    assert_ne!(first, other);
    assert_eq!(book.open_day(date("2025-03-01"), T + 3.0), first);
    assert_eq!(book.current, first);
    assert_eq!(
        book.plans.len(),
        3,
        "the undated plan stays beside two days"
    );
    assert_eq!(ndbs(&book, "2025-03-01"), vec![12016]);
}

#[test]
fn new_entries_take_their_ids_from_the_clock_and_removals_are_remembered() {
    let mut book = PlanBook::default();
    book.open_day(date("2025-03-01"), T);
    add_food(&mut book, 1, T + 10.0);
    add_food(&mut book, 2, T + 10.0);
    let ids: Vec<u64> = book
        .current_plan()
        .plan
        .entries
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(ids, vec![T as u64 + 10, T as u64 + 11]);
    book.change_current(T + 20.0, |plan| plan.remove_food(ids[0]));
    assert_eq!(book.current_plan().removed, vec![ids[0]]);
    // A change that changes nothing leaves the plan and its time alone.
    let before = book.clone();
    book.change_current(T + 30.0, |plan| plan.remove_food(12345));
    assert_eq!(book, before);
}

#[test]
fn the_night_is_recorded_and_stamped() {
    let mut book = PlanBook::default();
    book.open_day(date("2025-03-01"), T);
    let night = NightRecord {
        rating: Some(NightRating::new(6).unwrap()),
        cramps_woke: true,
        note: "woke at 3".to_owned(),
    };
    book.set_night(night.clone(), T + 5.0);
    assert_eq!(book.current_plan().night, night);
    assert_eq!(book.current_plan().updated_at_ms, T + 5.0);
}

#[test]
fn copying_the_day_before_replaces_the_day_and_keeps_ids_where_it_can() {
    let mut book = PlanBook::default();
    book.open_day(date("2025-03-01"), T);
    add_food(&mut book, 1, T + 1.0);
    add_food(&mut book, 2, T + 2.0);
    book.open_day(date("2025-03-02"), T + 3.0);
    let source = book.day_before_current().map(|p| p.plan.clone()).unwrap();
    book.copy_into_current(&source, T + 4.0);
    assert_eq!(ndbs(&book, "2025-03-02"), vec![1, 2]);
    let ids = |b: &PlanBook, d: &str| -> Vec<u64> {
        b.day(date(d))
            .unwrap()
            .plan
            .entries
            .iter()
            .map(|e| e.id)
            .collect()
    };
    assert_eq!(ids(&book, "2025-03-02"), ids(&book, "2025-03-01"));
    // Copying again replaces: the earlier copies count as removed, the new ones get new ids.
    book.copy_into_current(&source, T + 5.0);
    assert_eq!(ndbs(&book, "2025-03-02"), vec![1, 2]);
    let again = ids(&book, "2025-03-02");
    assert!(
        again
            .iter()
            .all(|id| !book.current_plan().removed.contains(id))
    );
    assert_eq!(book.current_plan().removed.len(), 2);
    // A merge with itself keeps exactly that.
    assert_eq!(book.merge(&book), book);
}

#[test]
fn the_same_date_made_in_two_tabs_folds_into_one_with_both_sides_entries() {
    let base = PlanBook::default();
    let (mut a, mut b) = (base.clone(), base.clone());
    let id_a = a.open_day(date("2025-03-01"), T);
    add_food(&mut a, 1, T + 2.0);
    let id_b = b.open_day(date("2025-03-01"), T + 1.0);
    add_food(&mut b, 2, T + 3.0);
    b.set_night(
        NightRecord {
            rating: Some(NightRating::new(4).unwrap()),
            ..NightRecord::default()
        },
        T + 4.0,
    );
    let merged = a.merge(&b);
    assert_eq!(ndbs(&merged, "2025-03-01"), vec![1, 2]);
    let day = merged.day(date("2025-03-01")).unwrap();
    assert_eq!(day.id, id_a.min(id_b), "the lower id keeps");
    assert_eq!(day.night.rating.map(NightRating::points), Some(4));
    assert_eq!(merged.plans.iter().filter(|p| p.date.is_some()).count(), 1);
    // Tab b, showing the folded plan, now shows the one it was folded into.
    assert_eq!(b.merge(&a).current, id_a.min(id_b));
    // Folding is idempotent: merging either side in again changes nothing.
    assert_eq!(merged.merge(&a), merged);
    assert_eq!(merged.merge(&b), merged);
    assert_eq!(merged.merge(&merged), merged);
}

#[test]
fn the_newer_copy_wins_but_the_older_copys_additions_stay_unless_removed() {
    let mut base = PlanBook::default();
    base.open_day(date("2025-03-01"), T);
    add_food(&mut base, 1, T + 1.0);
    let (mut a, mut b) = (base.clone(), base.clone());
    add_food(&mut a, 2, T + 2.0);
    let first = base.current_plan().plan.entries[0].id;
    b.change_current(T + 3.0, |plan| plan.remove_food(first));
    add_food(&mut b, 3, T + 4.0);
    let merged = a.merge(&b);
    assert_eq!(
        ndbs(&merged, "2025-03-01"),
        vec![2, 3],
        "1 was removed in b"
    );
    assert_eq!(ndbs(&b.merge(&a), "2025-03-01"), vec![2, 3]);
}

#[test]
fn version_4_round_trips_days_nights_and_removals() {
    let mut book = PlanBook::default();
    book.open_day(date("2024-02-29"), T);
    add_food(&mut book, 12016, T + 1.0);
    let id = book.current_plan().plan.entries[0].id;
    add_food(&mut book, 11458, T + 2.0);
    book.change_current(T + 3.0, |plan| plan.remove_food(id));
    book.set_night(
        NightRecord {
            rating: Some(NightRating::new(0).unwrap()),
            cramps_woke: false,
            note: "calm".to_owned(),
        },
        T + 4.0,
    );
    let text = encode_plan_book(&book);
    assert!(text.starts_with(&format!("{{\"version\":{PLAN_BOOK_VERSION},")));
    assert!(text.contains(r#""date":"2024-02-29""#));
    assert!(
        text.contains(r#""night":{"rating":0,"note":"calm"}"#),
        "{text}"
    );
    assert_eq!(decode_plan_book(&text), Ok(book));
}

#[test]
fn stored_days_with_bad_fields_are_refused_and_duplicate_dates_folded() {
    let mut book = PlanBook::default();
    book.open_day(date("2025-03-01"), T);
    add_food(&mut book, 1, T + 1.0);
    book.set_night(
        NightRecord {
            rating: Some(NightRating::new(3).unwrap()),
            ..NightRecord::default()
        },
        T + 2.0,
    );
    let text = encode_plan_book(&book);
    for (from, to) in [
        (r#""date":"2025-03-01""#, r#""date":"2025-02-30""#),
        (r#""date":"2025-03-01""#, r#""date":"2025-3-1""#),
        (r#""rating":3"#, r#""rating":11"#),
    ] {
        let bad = text.replacen(from, to, 1);
        assert_ne!(bad, text);
        assert!(decode_plan_book(&bad).is_err(), "{to}");
    }
    // Two plans of one date, written by hand: folded, not refused.
    let mut two = PlanBook::default();
    two.open_day(date("2025-03-01"), T);
    add_food(&mut two, 1, T + 1.0);
    two.open_day(date("2025-03-02"), T + 2.0);
    add_food(&mut two, 2, T + 3.0);
    let text = encode_plan_book(&two).replace("2025-03-02", "2025-03-01");
    let read = decode_plan_book(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ndbs(&read, "2025-03-01"), vec![1, 2]);
}

#[test]
fn an_export_carries_days_and_importing_merges_them_by_date() {
    let mut mine = PlanBook::default();
    mine.open_day(date("2025-03-01"), T);
    add_food(&mut mine, 1, T + 1.0);
    let mut theirs = mine.clone();
    add_food(&mut theirs, 2, T + 2.0);
    theirs.open_day(date("2025-03-02"), T + 3.0);
    add_food(&mut theirs, 3, T + 4.0);
    theirs.open_day(date("2025-03-03"), T + 5.0); // an empty day
    let file = encode_export(&Settings::default(), &theirs, T + 6.0);
    let imported = decode_export(&file).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.plans.len(), 1, "the undated plan");
    assert_eq!(imported.days.len(), 3);
    let (merged, report) = add_imported_days(&mine, imported.days.clone(), T + 7.0);
    assert_eq!(ndbs(&merged, "2025-03-01"), vec![1, 2]);
    assert_eq!(ndbs(&merged, "2025-03-02"), vec![3]);
    assert_eq!(report.merged_days, 1);
    assert_eq!(report.entries_added, 1);
    assert_eq!(report.added_days, 2);
    assert_eq!(merged.current, mine.current);
    // Importing the same file again adds nothing and keeps every day.
    let (again, report) = add_imported_days(&merged, imported.days, T + 8.0);
    assert_eq!(report.unchanged_days, 3);
    assert_eq!(report.added_days + report.merged_days, 0);
    assert_eq!(again, merged);
}

/// One thing a tab does.
#[derive(Clone, Debug)]
enum Op {
    Open(u8),
    Add(u32),
    RemoveFirst,
    Rate(u8),
    NewPlan,
    Delete,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u8..4).prop_map(Op::Open),
        (1u32..50).prop_map(Op::Add),
        Just(Op::RemoveFirst),
        (0u8..=10).prop_map(Op::Rate),
        Just(Op::NewPlan),
        Just(Op::Delete),
    ]
}

fn apply(book: &mut PlanBook, op: &Op, now_ms: f64) {
    match op {
        Op::Open(d) => {
            book.open_day(date("2025-03-01").add_days(i64::from(*d)).unwrap(), now_ms);
        }
        Op::Add(ndb) => add_food(book, *ndb, now_ms),
        Op::RemoveFirst => book.change_current(now_ms, |plan| {
            if let Some(id) = plan.entries.first().map(|e| e.id) {
                plan.remove_food(id);
            }
        }),
        Op::Rate(points) => book.set_night(
            NightRecord {
                rating: Some(NightRating::new(*points).unwrap()),
                ..book.current_plan().night.clone()
            },
            now_ms,
        ),
        Op::NewPlan => {
            book.add_empty(now_ms);
        }
        Op::Delete => book.delete_current(now_ms),
    }
}

/// Two tabs that start from one book and each do some things, their clocks interleaved.
fn two_tabs(base_ops: &[Op], a_ops: &[Op], b_ops: &[Op]) -> (PlanBook, PlanBook) {
    let mut base = PlanBook::default();
    let mut now = T;
    for op in base_ops {
        now += 1.0;
        apply(&mut base, op, now);
    }
    let (mut a, mut b) = (base.clone(), base);
    for index in 0..a_ops.len().max(b_ops.len()) {
        if let Some(op) = a_ops.get(index) {
            now += 1.0;
            apply(&mut a, op, now);
        }
        if let Some(op) = b_ops.get(index) {
            now += 1.0;
            apply(&mut b, op, now);
        }
    }
    (a, b)
}

fn content(book: &PlanBook) -> (Vec<String>, Vec<String>, u64) {
    (
        book.plans.iter().map(|p| format!("{p:?}")).collect(),
        book.tombstones.iter().map(|t| format!("{t:?}")).collect(),
        book.next_id,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn merging_is_commutative_in_content_and_idempotent(
        base in prop::collection::vec(op(), 0..8),
        a_ops in prop::collection::vec(op(), 0..12),
        b_ops in prop::collection::vec(op(), 0..12),
    ) {
        let (a, b) = two_tabs(&base, &a_ops, &b_ops);
        let ab = a.merge(&b);
        let ba = b.merge(&a);
        prop_assert_eq!(content(&ab), content(&ba));
        prop_assert_eq!(ab.merge(&ab), ab.clone());
        prop_assert_eq!(content(&ab.merge(&a)), content(&ab));
        prop_assert_eq!(content(&ab.merge(&b)), content(&ab));
        let dates: Vec<_> = ab.plans.iter().filter_map(|p| p.date).collect();
        let mut unique = dates.clone();
        unique.dedup();
        unique.sort_unstable();
        unique.dedup();
        prop_assert_eq!(unique.len(), dates.len(), "one plan per date");
    }

    #[test]
    fn merging_never_loses_a_days_entry_that_neither_side_removed(
        base in prop::collection::vec(op(), 0..8),
        a_ops in prop::collection::vec(op(), 0..12),
        b_ops in prop::collection::vec(op(), 0..12),
    ) {
        let (a, b) = two_tabs(&base, &a_ops, &b_ops);
        let merged = a.merge(&b);
        let removed: Vec<u64> = a.plans.iter().chain(&b.plans).flat_map(|p| p.removed.clone()).collect();
        for side in [&a, &b] {
            for plan in &side.plans {
                // A plan the person deleted takes its entries with it.
                let Some(day) = plan.date else { continue };
                let deleted = a.tombstones.iter().chain(&b.tombstones).any(|t| {
                    t.id == plan.id && t.deleted_at_ms >= plan.updated_at_ms
                });
                if deleted {
                    continue;
                }
                for entry in &plan.plan.entries {
                    if removed.contains(&entry.id) {
                        continue;
                    }
                    let kept = merged.day(day).is_some_and(|m| m.plan.entries.iter().any(|e| e.id == entry.id));
                    prop_assert!(kept, "entry {} of {} lost", entry.id, day);
                }
            }
        }
    }
}

/// The encoder storage keeps across saves writes exactly what a fresh encoding writes, after
/// every kind of change: a day opened, a food added, a night rated, plans reordered by a merge,
/// a plan deleted.
#[test]
fn the_reusing_encoder_writes_what_a_fresh_encoding_writes() {
    use magnesium_planner::domain::saved::PlanBookEncoder;
    let mut encoder = PlanBookEncoder::default();
    let mut book = PlanBook::default();
    let mut step = |book: &PlanBook, what: &str| {
        assert_eq!(encoder.encode(book), encode_plan_book(book), "after {what}");
    };
    step(&book, "nothing");
    for (n, day) in ["2025-03-01", "2025-03-02", "2025-03-03"]
        .into_iter()
        .enumerate()
    {
        book.open_day(date(day), T + n as f64);
        step(&book, "opening a day");
        add_food(&mut book, 12014 + n as u32, T + n as f64 + 0.5);
        step(&book, "adding a food");
    }
    book.open_day(date("2025-03-01"), T + 10.0);
    step(&book, "switching days");
    book.set_night(
        NightRecord {
            rating: NightRating::new(7).ok(),
            cramps_woke: true,
            note: "woke at 3".to_owned(),
        },
        T + 11.0,
    );
    step(&book, "rating the night");
    let mut other = book.clone();
    other.open_day(date("2025-02-27"), T + 12.0);
    add_food(&mut other, 11457, T + 13.0);
    book = book.merge(&other);
    step(&book, "merging another copy");
    book.delete_current(T + 14.0);
    step(&book, "deleting a day");
}

/// Found by the property above: tab A rates the night of a day that tab B has opened on its
/// own and added a food to. Folding the two keeps the rating under B's plan, with B's time;
/// merging that with B's own copy again (the same time, no rating) must keep the rating.
#[test]
fn a_night_rated_in_one_tab_survives_meeting_the_other_tabs_copy_again() {
    use Op::{Add, Open, Rate};
    let (a, b) = two_tabs(
        &[],
        &[Add(1), Add(1), Open(3), Rate(10)],
        &[Open(3), Open(3), Open(3), Add(1)],
    );
    let day = date("2025-03-04");
    let folded = a.merge(&b);
    let rated = |book: &PlanBook| {
        book.day(day)
            .and_then(|p| p.night.rating)
            .map(|r| r.points())
    };
    assert_eq!(rated(&folded), Some(10));
    assert_eq!(rated(&folded.merge(&b)), Some(10));
    assert_eq!(rated(&b.merge(&folded)), Some(10));
    assert_eq!(rated(&folded.merge(&a)), Some(10));
}
