//! Usual meals (issue 13, item 4): a meal kept as a named template and added to any day, and a
//! meal or a whole day copied from another plan into the one on screen, after what it has,
//! each copy with a fresh id; names refused with a reason; the templates in settings format 3
//! and export files, checked on reading as plan foods are.

use std::sync::OnceLock;

use magnesium_planner::domain::diary::CalendarDate;
use magnesium_planner::domain::foods::FoodTable;
use magnesium_planner::domain::library::{
    Kept, MAX_NAME_CHARS, TextError, Water, add_missing_by_name,
};
use magnesium_planner::domain::plan::{
    Copied, DayTotals, DoseInput, Meal, Plan, PlanPart, PortionOption, TimeOfDay, WaterDrunk,
    mg_text, portion_options,
};
use magnesium_planner::domain::plan_book::{CopyError, PlanBook};
use magnesium_planner::domain::saved::{SETTINGS_VERSION, decode_settings, encode_settings};
use magnesium_planner::domain::supplements::DoseBasis;
use magnesium_planner::domain::templates::{
    FoodsError, MAX_TEMPLATE_FOODS, MAX_TEMPLATES, MealTemplate, TemplateErrors, find_template,
    forget_template, save_template, saving_outcome,
};
use magnesium_planner::domain::transfer::{decode_export, encode_export};
use magnesium_planner::domain::{Authority, Settings};
use proptest::prelude::*;

/// The clock of these tests, in ms since the epoch.
const T: f64 = 1_750_000_000_000.0;

fn table() -> &'static FoodTable {
    static TABLE: OnceLock<FoodTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        FoodTable::parse(include_str!("../data/foods.tsv")).unwrap_or_else(|e| panic!("{e}"))
    })
}

fn date(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

fn grams(n: f64) -> PortionOption {
    PortionOption {
        label: format!("{n} g"),
        grams: n,
    }
}

/// The USDA portion of `ndb` labelled `label`.
fn portion(ndb: u32, label: &str) -> PortionOption {
    let food = table()
        .by_ndb(ndb)
        .unwrap_or_else(|| panic!("{ndb} is in the table"));
    portion_options(food)
        .into_iter()
        .find(|p| p.label == label)
        .unwrap_or_else(|| panic!("{ndb} has a portion {label}"))
}

fn add(book: &mut PlanBook, ndb: u32, meal: Meal, now_ms: f64) {
    book.change_current(now_ms, |plan| {
        plan.add_food(ndb, grams(100.0), 1.0, meal)
            .unwrap_or_else(|e| panic!("{e}"));
    });
}

fn citrate(elemental_mg: f64) -> DoseInput {
    DoseInput {
        product: None,
        form_id: "citrate".to_owned(),
        variant_id: "anhydrous".to_owned(),
        basis: DoseBasis::Elemental,
        amount_mg: elemental_mg,
        units: 1.0,
        time: Some(TimeOfDay::Bedtime),
    }
}

fn water(name: &str, mg_per_litre: f64, litres: f64) -> WaterDrunk {
    let water = Water::check(name, mg_per_litre).unwrap_or_else(|e| panic!("{e:?}"));
    WaterDrunk::new(water, litres).unwrap_or_else(|e| panic!("{e:?}"))
}

fn template(name: &str, ndbs: &[u32]) -> MealTemplate {
    let mut plan = Plan::default();
    for &ndb in ndbs {
        plan.add_food(ndb, grams(50.0), 2.0, Meal::Breakfast)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    MealTemplate::from_meal(name, &plan, Meal::Breakfast).unwrap_or_else(|e| panic!("{e:?}"))
}

/// Every id of the plan is different from every other.
fn ids_unique(plan: &Plan) -> bool {
    let ids: Vec<u64> = plan.ids().collect();
    ids.iter()
        .enumerate()
        .all(|(i, id)| !ids[..i].contains(id) && *id < plan.next_id)
}

#[test]
fn a_template_adds_a_whole_breakfast_to_another_day() {
    // Monday's breakfast: an ounce of pumpkin seeds (156 mg) and a cup of boiled spinach.
    let mut book = PlanBook::default();
    book.open_day(date("2025-03-03"), T);
    book.change_current(T + 1.0, |plan| {
        plan.add_food(
            12016,
            portion(12016, "1 oz (28.35 g)"),
            1.0,
            Meal::Breakfast,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        plan.add_food(11458, portion(11458, "1 cup (180 g)"), 1.0, Meal::Breakfast)
            .unwrap_or_else(|e| panic!("{e}"));
        plan.add_food(11090, grams(100.0), 1.0, Meal::Dinner)
            .unwrap_or_else(|e| panic!("{e}"));
    });
    let monday = book.current_plan().plan.clone();
    let breakfast_mg = DayTotals::of(
        &Plan {
            entries: monday.meal_entries(Meal::Breakfast).cloned().collect(),
            ..Plan::default()
        },
        table(),
    )
    .food
    .known_mg;
    assert_eq!(mg_text(breakfast_mg), "313 mg");

    let kept = MealTemplate::from_meal("  Usual   breakfast ", &monday, Meal::Breakfast)
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(kept.name, "Usual breakfast");
    assert_eq!(kept.foods.len(), 2, "dinner stays out");
    assert_eq!(
        kept.foods.iter().map(|f| f.id).collect::<Vec<_>>(),
        vec![0, 1],
        "ids in a template are its places"
    );

    // Tuesday already has a snack; the template goes into its breakfast after it.
    book.open_day(date("2025-03-04"), T + 2.0);
    add(&mut book, 12061, Meal::Snacks, T + 3.0);
    let snack_id = book.current_plan().plan.entries[0].id;
    book.change_current(T + 4.0, |plan| {
        assert_eq!(plan.add_food_copies(&kept.foods, Some(Meal::Breakfast)), 2);
    });
    let tuesday = &book.current_plan().plan;
    assert_eq!(tuesday.entries.len(), 3);
    assert_eq!(tuesday.entries[0].id, snack_id, "what the day had stays");
    let added: Vec<_> = tuesday.meal_entries(Meal::Breakfast).collect();
    assert_eq!(
        added
            .iter()
            .map(|e| (e.ndb, e.portion.clone(), e.quantity))
            .collect::<Vec<_>>(),
        monday
            .meal_entries(Meal::Breakfast)
            .map(|e| (e.ndb, e.portion.clone(), e.quantity))
            .collect::<Vec<_>>()
    );
    // Fresh ids from the clock-led counter: none is a template's place or Monday's id.
    assert!(added.iter().all(|e| e.id >= T as u64));
    assert!(ids_unique(tuesday));
    let tuesday_breakfast = DayTotals::of(
        &Plan {
            entries: added.into_iter().cloned().collect(),
            ..Plan::default()
        },
        table(),
    );
    assert_eq!(tuesday_breakfast.food.display(), "313 mg");
    // Monday is untouched, and the template can go into any meal.
    assert_eq!(book.day(date("2025-03-03")).map(|p| &p.plan), Some(&monday));
    book.change_current(T + 5.0, |plan| {
        plan.add_food_copies(&kept.foods, Some(Meal::Snacks));
    });
    assert_eq!(
        book.current_plan().plan.meal_entries(Meal::Snacks).count(),
        3
    );
    assert!(ids_unique(&book.current_plan().plan));
}

#[test]
fn names_are_cleaned_or_refused_with_a_reason() {
    let foods = template("x", &[1001]).foods;
    let named = |name: &str| MealTemplate::check(name, foods.clone()).map(|t| t.name);
    assert_eq!(
        named(""),
        Err(TemplateErrors {
            name: Some(TextError::Empty),
            foods: None
        })
    );
    assert_eq!(
        named(" \t\n ").map_err(|e| e.name),
        Err(Some(TextError::Empty))
    );
    // Invisible characters alone are no name.
    assert_eq!(
        named("\u{200B}\u{FEFF}\u{202E}").map_err(|e| e.name),
        Err(Some(TextError::Empty))
    );
    assert_eq!(
        named(&"x".repeat(10_000)).map_err(|e| e.name),
        Err(Some(TextError::TooLong {
            max_chars: MAX_NAME_CHARS
        }))
    );
    assert_eq!(
        named(&"é".repeat(MAX_NAME_CHARS)).map(|n| n.chars().count()),
        Ok(80)
    );
    // A bidirectional override cannot make the name read backwards; emoji and scripts stay.
    assert_eq!(named("Frühstück \u{202E}🥣"), Ok("Frühstück 🥣".to_owned()));
    assert_eq!(named("朝ごはん"), Ok("朝ごはん".to_owned()));
}

#[test]
fn an_empty_meal_or_one_of_too_many_foods_cannot_be_kept_and_every_reason_is_given() {
    let empty = Plan::default();
    assert_eq!(
        MealTemplate::from_meal("", &empty, Meal::Lunch),
        Err(TemplateErrors {
            name: Some(TextError::Empty),
            foods: Some(FoodsError::Empty),
        })
    );
    let mut big = Plan::default();
    for ndb in 0..=MAX_TEMPLATE_FOODS as u32 {
        big.add_food(1001 + ndb, grams(10.0), 1.0, Meal::Dinner)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(
        MealTemplate::from_meal("Feast", &big, Meal::Dinner).map_err(|e| e.foods),
        Err(Some(FoodsError::TooMany {
            max: MAX_TEMPLATE_FOODS
        }))
    );
    big.remove_food(big.entries[0].id);
    assert!(MealTemplate::from_meal("Feast", &big, Meal::Dinner).is_ok());
}

#[test]
fn a_name_is_kept_once_and_the_list_holds_at_most_thirty() {
    let mut saved = Vec::new();
    assert_eq!(
        save_template(&mut saved, template("Breakfast", &[1001])),
        Kept::Added
    );
    assert_eq!(saving_outcome(&saved, "BREAKFAST"), Kept::Replaced);
    assert_eq!(
        save_template(&mut saved, template("BREAKFAST", &[1002, 1003])),
        Kept::Replaced
    );
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].name, "BREAKFAST");
    assert_eq!(saved[0].foods.len(), 2);

    for i in 1..MAX_TEMPLATES {
        assert_eq!(
            save_template(&mut saved, template(&format!("Meal {i}"), &[1001])),
            Kept::Added
        );
    }
    assert_eq!(saved.len(), MAX_TEMPLATES);
    let before = saved.clone();
    assert_eq!(saving_outcome(&saved, "One more"), Kept::ListFull);
    assert_eq!(
        save_template(&mut saved, template("One more", &[1001])),
        Kept::ListFull
    );
    assert_eq!(saved, before, "a full list is left alone");
    // Replacing needs no room.
    assert_eq!(
        save_template(&mut saved, template("meal 3", &[1004])),
        Kept::Replaced
    );
    assert_eq!(
        find_template(&saved, "Meal 3").map(|t| t.foods[0].ndb),
        Some(1004)
    );

    forget_template(&mut saved, "MEAL 4");
    assert_eq!(
        saved.len(),
        MAX_TEMPLATES,
        "forgetting needs the exact name"
    );
    forget_template(&mut saved, "Meal 4");
    assert_eq!(saved.len(), MAX_TEMPLATES - 1);
    assert!(find_template(&saved, "meal 4").is_none());
}

#[test]
fn an_import_adds_only_templates_the_person_lacks_by_name_while_there_is_room() {
    let mut saved = vec![template("Breakfast", &[1001])];
    let incoming = vec![
        template("breakfast", &[1002]),
        template("Lunch", &[1003]),
        template("Dinner", &[1004]),
    ];
    assert_eq!(add_missing_by_name(&mut saved, &incoming, MAX_TEMPLATES), 2);
    assert_eq!(
        saved.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        vec!["Breakfast", "Lunch", "Dinner"]
    );
    assert_eq!(saved[0].foods[0].ndb, 1001, "the person's own stays");
    assert_eq!(add_missing_by_name(&mut saved, &incoming, MAX_TEMPLATES), 0);

    let mut full: Vec<MealTemplate> = (0..MAX_TEMPLATES)
        .map(|i| template(&format!("T{i}"), &[1001]))
        .collect();
    assert_eq!(add_missing_by_name(&mut full, &incoming, MAX_TEMPLATES), 0);
    assert_eq!(full.len(), MAX_TEMPLATES);
}

/// A book with a day of foods in two meals, a dose and a water (2025-03-01), and the day on
/// screen (2025-03-02) with a breakfast of its own.
fn two_days() -> (PlanBook, u64) {
    let mut book = PlanBook::default();
    let source = book.open_day(date("2025-03-01"), T);
    add(&mut book, 1001, Meal::Lunch, T + 1.0);
    add(&mut book, 1002, Meal::Lunch, T + 2.0);
    add(&mut book, 1003, Meal::Dinner, T + 3.0);
    book.change_current(T + 4.0, |plan| {
        plan.add_dose(citrate(150.0))
            .unwrap_or_else(|e| panic!("{e}"));
        plan.add_water(water("Tap", 12.0, 2.0));
    });
    book.open_day(date("2025-03-02"), T + 5.0);
    add(&mut book, 1004, Meal::Breakfast, T + 6.0);
    (book, source)
}

#[test]
fn lunch_is_copied_from_another_day_after_what_the_day_has() {
    let (mut book, source) = two_days();
    let before = book.current_plan().plan.clone();
    let source_plan = book
        .plans
        .iter()
        .find(|p| p.id == source)
        .map(|p| p.plan.clone())
        .unwrap_or_default();
    assert_eq!(
        book.copy_check(source, PlanPart::Meal(Meal::Lunch)),
        Ok(Copied {
            foods: 2,
            doses: 0,
            waters: 0
        })
    );
    let copied = book.copy_part_into_current(source, PlanPart::Meal(Meal::Lunch), T + 10.0);
    assert_eq!(copied.map(|c| c.foods), Ok(2));
    let day = book.current_plan();
    assert_eq!(day.updated_at_ms, T + 10.0);
    assert_eq!(
        day.plan.entries[0], before.entries[0],
        "the breakfast stays"
    );
    let lunch: Vec<_> = day.plan.meal_entries(Meal::Lunch).collect();
    assert_eq!(
        lunch.iter().map(|e| e.ndb).collect::<Vec<_>>(),
        vec![1001, 1002]
    );
    assert!(lunch.iter().all(|e| e.id >= (T + 10.0) as u64));
    assert!(day.plan.doses.is_empty() && day.plan.waters.is_empty());
    assert!(ids_unique(&day.plan));
    // The source is untouched.
    assert_eq!(
        book.plans.iter().find(|p| p.id == source).map(|p| &p.plan),
        Some(&source_plan)
    );

    // Copying again adds again (appends, never replaces), with new ids again.
    book.copy_part_into_current(source, PlanPart::Meal(Meal::Lunch), T + 11.0)
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        book.current_plan().plan.meal_entries(Meal::Lunch).count(),
        4
    );
    assert!(ids_unique(&book.current_plan().plan));
    assert!(
        book.current_plan().removed.is_empty(),
        "nothing counts as removed"
    );
    assert_eq!(book.merge(&book), book);
}

#[test]
fn a_whole_day_brings_its_foods_doses_and_waters() {
    let (mut book, source) = two_days();
    let copied = book
        .copy_part_into_current(source, PlanPart::WholeDay, T + 10.0)
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        copied,
        Copied {
            foods: 3,
            doses: 1,
            waters: 1
        }
    );
    let plan = &book.current_plan().plan;
    assert_eq!(plan.entries.len(), 4);
    assert_eq!(plan.entries[0].ndb, 1004);
    assert_eq!(
        plan.entries
            .iter()
            .map(|e| (e.ndb, e.meal))
            .collect::<Vec<_>>(),
        vec![
            (1004, Meal::Breakfast),
            (1001, Meal::Lunch),
            (1002, Meal::Lunch),
            (1003, Meal::Dinner)
        ],
        "each food keeps its meal"
    );
    assert_eq!(plan.supplement_mg(), 150.0);
    assert_eq!(plan.water_mg(), 24.0);
    assert!(ids_unique(plan));
    assert!(plan.ids().skip(1).all(|id| id >= (T + 10.0) as u64));
    assert_eq!(book.current_date(), Some(date("2025-03-02")));
}

#[test]
fn a_copy_that_would_add_nothing_is_refused_with_its_reason_and_changes_nothing() {
    let (mut book, source) = two_days();
    let before = book.clone();
    let current = book.current;
    for (from, part, why) in [
        (current, PlanPart::WholeDay, CopyError::SamePlan),
        (
            source,
            PlanPart::Meal(Meal::Breakfast),
            CopyError::NothingThere,
        ),
        (
            source,
            PlanPart::Meal(Meal::Snacks),
            CopyError::NothingThere,
        ),
        (999, PlanPart::WholeDay, CopyError::UnknownPlan),
    ] {
        assert_eq!(book.copy_check(from, part), Err(why));
        assert_eq!(book.copy_part_into_current(from, part, T + 20.0), Err(why));
        assert_eq!(book, before);
    }
    // A day with only a dose has a whole day to copy but no meal.
    let mut dose_only = PlanBook::default();
    let id = dose_only.open_day(date("2025-04-01"), T);
    dose_only.change_current(T, |plan| {
        plan.add_dose(citrate(100.0))
            .unwrap_or_else(|e| panic!("{e}"));
    });
    dose_only.open_day(date("2025-04-02"), T + 1.0);
    assert_eq!(
        dose_only.copy_check(id, PlanPart::Meal(Meal::Lunch)),
        Err(CopyError::NothingThere)
    );
    assert_eq!(
        dose_only
            .copy_check(id, PlanPart::WholeDay)
            .map(|c| c.doses),
        Ok(1)
    );
}

#[test]
fn two_tabs_that_each_copy_keep_both_copies_when_merged() {
    let (base, source) = two_days();
    let (mut a, mut b) = (base.clone(), base);
    // Ids follow the clock in ms and a copy takes one per food, so tabs acting a second
    // apart never meet (two within as many ms as foods copied could, as any two additions can).
    a.copy_part_into_current(source, PlanPart::Meal(Meal::Lunch), T + 10_000.0)
        .unwrap_or_else(|e| panic!("{e:?}"));
    b.copy_part_into_current(source, PlanPart::Meal(Meal::Dinner), T + 11_000.0)
        .unwrap_or_else(|e| panic!("{e:?}"));
    let merged = a.merge(&b);
    let plan = &merged.current_plan().plan;
    assert_eq!(plan.meal_entries(Meal::Lunch).count(), 2);
    assert_eq!(plan.meal_entries(Meal::Dinner).count(), 1);
    assert_eq!(plan.entries.len(), 4);
    assert!(ids_unique(plan));
}

fn settings_with_templates() -> Settings {
    Settings {
        authority: Authority::Uk,
        templates: vec![
            template("Usual breakfast", &[1001, 12016]),
            template("Frühstück 🥣", &[11458]),
        ],
        ..Settings::default()
    }
}

#[test]
fn templates_round_trip_through_the_settings_format() {
    assert_eq!(SETTINGS_VERSION, 4);
    let settings = settings_with_templates();
    let text = encode_settings(&settings);
    assert!(text.starts_with(r#"{"version":4,"#), "{text}");
    assert!(
        text.contains(r#""templates":[{"name":"Usual breakfast","foods":[{"id":0,"ndb":1001,"portion_label":"50 g","portion_grams":50.0,"quantity":2.0,"meal":"breakfast"},{"id":1,"#),
        "{text}"
    );
    assert_eq!(decode_settings(&text), Ok(settings));
    // None are left out.
    assert!(!encode_settings(&Settings::default()).contains("templates"));
}

/// Settings exactly as version 2 wrote them, before templates. Never edit this.
const SETTINGS_V2_FIXTURE: &str = r#"{"version":2,"data":{"profile":{"age_years":54.0,"sex":"female","stage":"none"},"authority":"us","kidney_disease":false,"hidden_groups":[1200],"medicines":[]}}"#;

#[test]
fn version_2_settings_read_with_no_templates() {
    let settings = decode_settings(SETTINGS_V2_FIXTURE).unwrap_or_else(|e| panic!("{e}"));
    assert!(settings.templates.is_empty());
    assert_eq!(settings.hidden_groups, vec![1200]);
}

#[test]
fn bad_stored_templates_are_refused_rather_than_guessed_at() {
    let text = encode_settings(&settings_with_templates());
    assert!(decode_settings(&text).is_ok());
    for (from, to) in [
        (r#""name":"Usual breakfast""#, r#""name":"""#),
        (r#""name":"Usual breakfast""#, r#""name":"  \u200b ""#),
        (r#""name":"Frühstück 🥣""#, r#""name":"usual BREAKFAST""#),
        (r#""quantity":2.0"#, r#""quantity":0.0"#),
        (r#""quantity":2.0"#, r#""quantity":-1.0"#),
        (r#""quantity":2.0"#, r#""quantity":1e300"#),
        (r#""portion_grams":50.0"#, r#""portion_grams":0.0"#),
        (r#""meal":"breakfast""#, r#""meal":"brunch""#),
        (r#""id":1,"#, r#""id":0,"#),
        (r#""id":0,"#, r#""id":9007199254740993,"#),
        (
            r#""foods":[{"id":0,"ndb":11458"#,
            r#""foods":[],"x":[{"id":0,"ndb":11458"#,
        ),
        (
            r#""name":"Frühstück 🥣","foods":"#,
            r#""name":"Frühstück 🥣","foods":7,"y":"#,
        ),
    ] {
        let bad = text.replacen(from, to, 1);
        assert_ne!(bad, text, "{from} is in the text");
        assert!(decode_settings(&bad).is_err(), "{to} was read");
    }
    let long_name = text.replacen("Usual breakfast", &"x".repeat(10_000), 1);
    assert!(decode_settings(&long_name).is_err());

    let too_many = Settings {
        templates: (0..=MAX_TEMPLATES)
            .map(|i| template(&format!("T{i}"), &[1001]))
            .collect(),
        ..Settings::default()
    };
    assert!(decode_settings(&encode_settings(&too_many)).is_err());
    let too_big = Settings {
        templates: vec![MealTemplate {
            name: "Feast".to_owned(),
            foods: (0..=MAX_TEMPLATE_FOODS)
                .flat_map(|_| template("x", &[1001]).foods)
                .zip(0..)
                .map(|(food, id)| magnesium_planner::domain::plan::FoodEntry { id, ..food })
                .collect(),
        }],
        ..Settings::default()
    };
    assert!(decode_settings(&encode_settings(&too_big)).is_err());
}

#[test]
fn an_export_carries_the_templates() {
    let settings = settings_with_templates();
    let text = encode_export(&settings, &PlanBook::default(), T);
    let imported = decode_export(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.settings.templates, settings.templates);
    let mut fresh = vec![template("usual BREAKFAST", &[1005])];
    assert_eq!(
        add_missing_by_name(&mut fresh, &imported.settings.templates, MAX_TEMPLATES),
        1
    );
    assert_eq!(fresh.len(), 2);
}

proptest! {
    /// Whatever is typed as a name, checking it never panics, and a name it keeps is tidy:
    /// trimmed, of at most 80 characters, and free of direction overrides.
    #[test]
    fn any_typed_name_is_cleaned_or_refused(name in "\\PC{0,100}|[ \\t\\u{200B}\\u{202E}a-z]{0,90}") {
        let foods = template("x", &[1001]).foods;
        match MealTemplate::check(&name, foods) {
            Ok(kept) => {
                prop_assert!(kept.name.chars().count() <= MAX_NAME_CHARS);
                prop_assert_eq!(kept.name.trim(), kept.name.as_str());
                prop_assert!(!kept.name.contains('\u{202E}'), "a direction override stayed");
            }
            Err(errors) => {
                prop_assert!(errors.name.is_some());
                prop_assert!(errors.foods.is_none());
            }
        }
    }

    /// Any meal kept as a template and added to any day puts the same foods, in the same order,
    /// into the chosen meal after what the day had, each with a new id of its own.
    #[test]
    fn a_template_always_adds_exactly_its_foods_with_fresh_ids(
        foods in prop::collection::vec((1001u32..1100, 1u32..500, 1u32..40), 1..=MAX_TEMPLATE_FOODS),
        day_before in 0usize..5,
        meal in 0usize..4,
    ) {
        let mut source = Plan::default();
        for &(ndb, grams_each, tenths) in &foods {
            source.add_food(ndb, grams(f64::from(grams_each)), f64::from(tenths) / 10.0, Meal::Lunch)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        let kept = MealTemplate::from_meal("Usual", &source, Meal::Lunch)
            .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let mut book = PlanBook::default();
        for n in 0..day_before {
            add(&mut book, 2000 + n as u32, Meal::Snacks, T + n as f64);
        }
        let before = book.current_plan().plan.clone();
        let into = [Meal::Breakfast, Meal::Lunch, Meal::Dinner, Meal::Snacks][meal];
        book.change_current(T + 100.0, |plan| {
            plan.add_food_copies(&kept.foods, Some(into));
        });
        let plan = &book.current_plan().plan;
        prop_assert_eq!(&plan.entries[..before.entries.len()], &before.entries[..]);
        let added = &plan.entries[before.entries.len()..];
        prop_assert_eq!(added.len(), foods.len());
        for (copy, original) in added.iter().zip(&source.entries) {
            prop_assert_eq!(copy.ndb, original.ndb);
            prop_assert_eq!(&copy.portion, &original.portion);
            prop_assert_eq!(copy.quantity, original.quantity);
            prop_assert_eq!(copy.meal, into);
            prop_assert!(copy.id >= before.next_id);
        }
        prop_assert!(ids_unique(plan));
        // And it is kept and read back unchanged.
        let settings = Settings { templates: vec![kept], ..Settings::default() };
        prop_assert_eq!(decode_settings(&encode_settings(&settings)), Ok(settings));
    }
}
