//! The day's plan: portions, quantities and totals, checked against the real food table.

use std::sync::OnceLock;

use magnesium_planner::domain::foods::FoodTable;
use magnesium_planner::domain::plan::{
    GRAMS_PER_OUNCE, MagnesiumTotal, Meal, Plan, QuantityError, parse_quantity, portion_options,
};
use proptest::prelude::*;

const PUMPKIN_SEEDS_ROASTED: u32 = 12016;
const SPINACH_BOILED: u32 = 11458;

fn table() -> &'static FoodTable {
    static TABLE: OnceLock<FoodTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        FoodTable::parse(include_str!("../data/foods.tsv")).unwrap_or_else(|e| panic!("{e}"))
    })
}

fn portion(ndb: u32, label: &str) -> magnesium_planner::domain::plan::PortionOption {
    let food = table().by_ndb(ndb).unwrap_or_else(|| panic!("food {ndb}"));
    portion_options(food)
        .into_iter()
        .find(|p| p.label == label)
        .unwrap_or_else(|| panic!("{ndb} has a {label} portion"))
}

#[test]
fn an_ounce_of_roasted_pumpkin_seeds_has_156_mg() {
    let mut plan = Plan::default();
    let id = plan
        .add_food(
            PUMPKIN_SEEDS_ROASTED,
            portion(PUMPKIN_SEEDS_ROASTED, "1 oz (28.35 g)"),
            1.0,
            Meal::Snacks,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let entry = plan
        .entries
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("added"));
    assert_eq!(entry.magnesium_mg(table()).map(f64::round), Some(156.0));
}

#[test]
fn half_a_cup_of_boiled_spinach_has_78_mg() {
    let cup = portion(SPINACH_BOILED, "1 cup (180 g)");
    let mut plan = Plan::default();
    plan.add_food(SPINACH_BOILED, cup, 0.5, Meal::Dinner)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.entries[0].grams(), 90.0);
    assert_eq!(
        plan.entries[0].magnesium_mg(table()).map(f64::round),
        Some(78.0)
    );
}

#[test]
fn every_food_also_offers_grams_and_ounces() {
    let options = portion_options(table().by_ndb(SPINACH_BOILED).unwrap_or_else(|| panic!()));
    let labels: Vec<&str> = options.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(labels, ["1 cup (180 g)", "100 g", "1 g", "1 oz (28.35 g)"]);
    assert_eq!(options[3].grams, GRAMS_PER_OUNCE);
}

#[test]
fn totals_add_up_by_meal_and_never_count_missing_data_as_zero() {
    let mut plan = Plan::default();
    let seeds = portion(PUMPKIN_SEEDS_ROASTED, "1 oz (28.35 g)");
    plan.add_food(PUMPKIN_SEEDS_ROASTED, seeds.clone(), 2.0, Meal::Breakfast)
        .unwrap_or_else(|e| panic!("{e}"));
    plan.add_food(
        SPINACH_BOILED,
        portion(SPINACH_BOILED, "100 g"),
        1.0,
        Meal::Dinner,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let breakfast = MagnesiumTotal::of(plan.meal_entries(Meal::Breakfast), table());
    assert_eq!(breakfast.display(), "312 mg");
    let day = MagnesiumTotal::of(&plan.entries, table());
    assert_eq!(day.display(), "399 mg");
    assert!(day.is_complete());

    let no_data = table()
        .foods()
        .iter()
        .find(|f| f.magnesium_mg_per_100g.is_none())
        .unwrap_or_else(|| panic!("some food lacks magnesium data"));
    plan.add_food(no_data.ndb, portion(no_data.ndb, "100 g"), 1.0, Meal::Lunch)
        .unwrap_or_else(|e| panic!("{e}"));
    let day = MagnesiumTotal::of(&plan.entries, table());
    assert_eq!(day.display(), "at least 399 mg");
    assert_eq!(
        day.missing.as_slice(),
        std::slice::from_ref(&no_data.description)
    );
}

#[test]
fn entries_can_be_edited_and_removed() {
    let mut plan = Plan::default();
    let seeds = portion(PUMPKIN_SEEDS_ROASTED, "1 oz (28.35 g)");
    let first = plan
        .add_food(PUMPKIN_SEEDS_ROASTED, seeds.clone(), 1.0, Meal::Snacks)
        .unwrap_or_else(|e| panic!("{e}"));
    let second = plan
        .add_food(
            SPINACH_BOILED,
            portion(SPINACH_BOILED, "1 cup (180 g)"),
            1.0,
            Meal::Dinner,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(first, second);
    plan.edit_food(first, portion(PUMPKIN_SEEDS_ROASTED, "100 g"), 0.5)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.entries[0].grams(), 50.0);
    assert_eq!(
        plan.edit_food(first, seeds, -1.0),
        Err(QuantityError::NotPositive)
    );
    assert_eq!(
        plan.entries[0].grams(),
        50.0,
        "a refused edit changes nothing"
    );
    plan.remove_food(first);
    assert_eq!(plan.entries.len(), 1);
    plan.remove_food(999);
    assert_eq!(plan.entries.len(), 1);
    let third = plan
        .add_food(
            SPINACH_BOILED,
            portion(SPINACH_BOILED, "1 g"),
            5.0,
            Meal::Lunch,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(third > second, "ids are never reused");
}

#[test]
fn bad_quantities_are_refused_with_a_reason() {
    assert_eq!(parse_quantity("", 100.0), Err(QuantityError::Empty));
    assert_eq!(
        parse_quantity("half", 100.0),
        Err(QuantityError::NotANumber)
    );
    assert_eq!(parse_quantity("NaN", 100.0), Err(QuantityError::NotANumber));
    assert_eq!(parse_quantity("0", 100.0), Err(QuantityError::NotPositive));
    assert_eq!(parse_quantity("-2", 100.0), Err(QuantityError::NotPositive));
    assert!(matches!(
        parse_quantity("1001", 100.0),
        Err(QuantityError::TooMuch { .. })
    ));
    assert!(matches!(
        parse_quantity("1e400", 1.0),
        Err(QuantityError::TooMuch { .. })
    ));
    assert_eq!(parse_quantity("1000", 100.0), Ok(1000.0));
    assert_eq!(parse_quantity("0,5", 180.0), Ok(0.5));
    let mut plan = Plan::default();
    let seeds = portion(PUMPKIN_SEEDS_ROASTED, "1 oz (28.35 g)");
    assert!(
        plan.add_food(PUMPKIN_SEEDS_ROASTED, seeds, f64::NAN, Meal::Lunch)
            .is_err()
    );
    assert!(plan.entries.is_empty(), "a refused add changes nothing");
}

proptest! {
    #[test]
    fn accepted_quantities_give_finite_totals(text in "\\PC{0,12}", grams in 0.1f64..2000.0) {
        if let Ok(quantity) = parse_quantity(&text, grams) {
            prop_assert!(quantity > 0.0 && quantity * grams <= 100_000.0);
        }
    }
}

#[test]
fn amounts_read_as_whole_mg_and_never_minus_zero() {
    use magnesium_planner::domain::plan::mg_text;
    let nothing: f64 = std::iter::empty::<f64>().sum();
    assert_eq!(mg_text(nothing), "0 mg");
    assert_eq!(mg_text(-0.0), "0 mg");
    assert_eq!(mg_text(155.5), "156 mg", "halves round away from zero");
    assert_eq!(mg_text(155.49), "155 mg");
}

#[test]
fn plan_names_stay_within_the_limit_when_made_unique() {
    use magnesium_planner::domain::plan_book::{MAX_PLAN_NAME_CHARS, PlanBook};
    use magnesium_planner::domain::{decode_plan_book, encode_plan_book};
    let long = "x".repeat(MAX_PLAN_NAME_CHARS);
    let mut book = PlanBook::default();
    book.rename_current(&long, 1.0)
        .unwrap_or_else(|e| panic!("{e}"));
    book.duplicate_current(2.0);
    book.add(&long, Plan::default(), 3.0);
    for plan in &book.plans {
        assert!(
            plan.name.chars().count() <= MAX_PLAN_NAME_CHARS,
            "{}",
            plan.name
        );
    }
    let names: Vec<&str> = book.plans.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names.len(), 3);
    assert!(names[1] != names[2] && names[0] != names[2]);
    assert_eq!(decode_plan_book(&encode_plan_book(&book)), Ok(book));
}

#[test]
fn plans_added_at_the_same_moment_in_two_tabs_keep_apart() {
    use magnesium_planner::domain::plan_book::PlanBook;
    let start = PlanBook::default();
    let (mut tab_a, mut tab_b) = (start.clone(), start.clone());
    tab_a.add("Monday", Plan::default(), 1_700_000_000_000.0);
    tab_b.add("Tuesday", Plan::default(), 1_700_000_000_001.0);
    let merged = tab_a.merge(&tab_b);
    let names: Vec<&str> = merged.plans.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["My day", "Monday", "Tuesday"]);
    assert_eq!(
        merged.merge(&tab_a),
        merged,
        "merging again changes nothing"
    );
}

#[test]
fn a_dose_time_is_set_or_cleared_in_place_and_nothing_else_changes() {
    use magnesium_planner::domain::clock::ClockTime;
    use magnesium_planner::domain::plan::{DoseInput, TimeOfDay};
    use magnesium_planner::domain::supplements::DoseBasis;
    let mut plan = Plan::default();
    let id = plan
        .add_dose(DoseInput {
            product: None,
            form_id: "oxide".to_owned(),
            variant_id: "anhydrous".to_owned(),
            basis: DoseBasis::Elemental,
            amount_mg: 100.0,
            units: 1.0,
            time: Some(TimeOfDay::Bedtime),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let before = plan.clone();
    let eleven = ClockTime::from_hm(11, 0).map(TimeOfDay::At);
    plan.set_dose_time(id, eleven);
    assert_eq!(plan.doses[0].input.time, eleven);
    assert_eq!(plan.doses[0].elemental_mg, before.doses[0].elemental_mg);
    assert_eq!(plan.next_id, before.next_id);
    plan.set_dose_time(id, None);
    assert_eq!(plan.doses[0].input.time, None);
    let unchanged = plan.clone();
    plan.set_dose_time(id + 1, eleven);
    assert_eq!(plan, unchanged, "an unknown id changes nothing");
}
