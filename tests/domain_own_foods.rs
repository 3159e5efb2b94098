//! The person's own foods (issue 13, item 1): made from a label in mg, % DV or % NRV, kept once
//! for every plan, found by name, added with their serving as a portion, and carried by every
//! format with the copy each day keeps, so editing or removing a food never changes a day.

use std::rc::Rc;

use magnesium_planner::domain::Settings;
use magnesium_planner::domain::diary::CalendarDate;
use magnesium_planner::domain::foods::FoodTable;
use magnesium_planner::domain::library::{
    CustomFood, CustomFoodText, FieldErrors, LabelUnit, MAX_OWN_FOODS, MAX_PRODUCTS,
    OWN_FOOD_ID_BASE, OwnFood, OwnFoodError, OwnProduct, Product, ProductForm, Water, add_own_food,
    add_product, edit_own_food, food_by_id, matching_own_foods, own_food_fits,
};
use magnesium_planner::domain::plan::{DayTotals, DoseInput, Meal, Plan, Serving, portion_options};
use magnesium_planner::domain::plan_book::PlanBook;
use magnesium_planner::domain::saved::{
    decode_plan_book, decode_settings, encode_plan_book, encode_settings,
};
use magnesium_planner::domain::supplements::DoseBasis;
use magnesium_planner::domain::transfer::{
    LibraryAdded, add_imported_days, decode_export, decode_share, encode_export, encode_share,
};
use proptest::prelude::*;

fn from_label(name: &str, serving: &str, grams: &str, mg: &str, unit: LabelUnit) -> CustomFood {
    CustomFood::from_text(&CustomFoodText {
        name,
        serving_words: serving,
        serving_grams: grams,
        magnesium: mg,
        magnesium_unit: Some(unit),
        kcal: "",
    })
    .unwrap_or_else(|e| panic!("{e:?}"))
}

fn protein_bar() -> CustomFood {
    // "Magnesium 15 % DV" on a US label: 63 mg.
    from_label(
        "Protein bar, peanut",
        "1 bar",
        "45",
        "15",
        LabelUnit::UsDailyValuePercent,
    )
}

fn kept(foods: &mut Vec<OwnFood>, food: CustomFood) -> OwnFood {
    let id = add_own_food(foods, food).unwrap_or_else(|e| panic!("{e:?}"));
    foods
        .iter()
        .find(|f| f.id == id)
        .cloned()
        .unwrap_or_else(|| panic!("food {id} was kept"))
}

fn one_serving(food: &OwnFood) -> Serving {
    let portion = portion_options(&food.food.as_food(food.id))
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("a serving portion"));
    Serving::new(portion, 1.0).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn label_percentages_become_mg() {
    assert_eq!(protein_bar().magnesium_mg_per_serving, 63.0);
    let bread = from_label("Rye bread", "1 slice", "40", "15", LabelUnit::EuNrvPercent);
    assert_eq!(bread.magnesium_mg_per_serving, 56.25);
    let mg = from_label("Cereal", "1 bowl (30 g)", "30", "56", LabelUnit::Mg);
    assert_eq!(mg.magnesium_mg_per_serving, 56.0);
    assert!((mg.magnesium_mg_per_100g() - 186.666_666).abs() < 1e-3);
}

#[test]
fn bad_labels_are_refused_field_by_field() {
    let refused = |text: CustomFoodText<'_>| -> FieldErrors {
        CustomFood::from_text(&text).expect_err("refused")
    };
    let errors = refused(CustomFoodText {
        name: "   ",
        serving_words: &"x".repeat(10_000),
        serving_grams: "0",
        magnesium: "1001",
        magnesium_unit: Some(LabelUnit::UsDailyValuePercent),
        kcal: "-5",
    });
    assert!(errors.name.is_some());
    assert!(errors.serving_words.is_some());
    let fields: Vec<&str> = errors.amounts.iter().map(|(f, _)| *f).collect();
    assert_eq!(fields, ["serving_grams", "magnesium", "kcal"]);
    let nan = refused(CustomFoodText {
        name: "Bar",
        serving_words: "1 bar",
        serving_grams: "NaN",
        magnesium: "",
        magnesium_unit: None,
        kcal: "",
    });
    assert_eq!(nan.amounts.len(), 2);
    assert!(CustomFood::check("Bar", "1 bar", f64::INFINITY, 10.0, None).is_err());
    assert!(CustomFood::check("Bar", "1 bar", 40.0, -1.0, None).is_err());
}

#[test]
fn a_name_is_kept_once_ids_are_never_the_usda_s_and_the_list_has_a_limit() {
    let mut foods = Vec::new();
    let bar = kept(&mut foods, protein_bar());
    assert_eq!(bar.id, OWN_FOOD_ID_BASE);
    assert_eq!(
        add_own_food(
            &mut foods,
            from_label("PROTEIN BAR, Peanut", "1 bar", "45", "60", LabelUnit::Mg)
        ),
        Err(OwnFoodError::NameTaken)
    );
    let bread = kept(
        &mut foods,
        from_label("Rye bread", "1 slice", "40", "30", LabelUnit::Mg),
    );
    assert_eq!(bread.id, OWN_FOOD_ID_BASE + 1);
    // Editing may keep the food's own name but not take another's.
    assert_eq!(own_food_fits(&foods, Some(bread.id), "rye BREAD"), Ok(()));
    assert_eq!(
        edit_own_food(&mut foods, bread.id, protein_bar()),
        Err(OwnFoodError::NameTaken)
    );
    for i in foods.len()..MAX_OWN_FOODS {
        kept(
            &mut foods,
            from_label(&format!("Food {i}"), "1", "10", "1", LabelUnit::Mg),
        );
    }
    assert_eq!(
        add_own_food(
            &mut foods,
            from_label("One too many", "1", "10", "1", LabelUnit::Mg)
        ),
        Err(OwnFoodError::ListFull)
    );
}

#[test]
fn the_search_finds_them_by_the_start_of_their_words() {
    let mut foods = Vec::new();
    kept(&mut foods, protein_bar());
    kept(
        &mut foods,
        from_label("Bäcker's rye bread", "1 slice", "40", "30", LabelUnit::Mg),
    );
    let names = |query: &str| -> Vec<String> {
        matching_own_foods(&foods, query)
            .iter()
            .map(|f| f.food.name.clone())
            .collect()
    };
    assert_eq!(names("prot"), ["Protein bar, peanut"]);
    assert_eq!(names("peanut BAR"), ["Protein bar, peanut"]);
    assert_eq!(names("bäck rye"), ["Bäcker's rye bread"]);
    assert!(names("ein").is_empty(), "only the start of a word matches");
    assert!(names("   ").is_empty());
}

#[test]
fn its_serving_is_its_portion_and_a_day_counts_it_from_its_own_copy() {
    let mut foods = Vec::new();
    let bar = kept(&mut foods, protein_bar());
    let options = portion_options(&bar.food.as_food(bar.id));
    assert_eq!(options[0].label, "1 bar (45 g)");
    assert_eq!(options[1].label, "100 g");

    let mut plan = Plan::default();
    plan.add_own_serving(&bar, one_serving(&bar), Meal::Snacks);
    let table = FoodTable::default();
    assert_eq!(DayTotals::of(&plan, &table).food.known_mg, 63.0);
    assert_eq!(plan.entries[0].name(&table), "Protein bar, peanut");

    // Editing the food, then removing it, leaves the day as it was.
    edit_own_food(
        &mut foods,
        bar.id,
        from_label(
            "Protein bar, peanut",
            "1 bar",
            "45",
            "20",
            LabelUnit::UsDailyValuePercent,
        ),
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(DayTotals::of(&plan, &table).food.known_mg, 63.0);
    foods.clear();
    assert_eq!(DayTotals::of(&plan, &table).food.known_mg, 63.0);
    assert!(food_by_id(&table, &foods, bar.id).is_none());
}

fn a_day_with_a_bar() -> (Vec<OwnFood>, PlanBook) {
    let mut foods = Vec::new();
    let bar = kept(&mut foods, protein_bar());
    let mut book = PlanBook::default();
    book.open_day(
        CalendarDate::parse("2026-11-30").unwrap_or_else(|e| panic!("{e:?}")),
        1.0,
    );
    book.change_current(2.0, |plan| {
        plan.add_own_serving(&bar, one_serving(&bar), Meal::Breakfast);
    });
    (foods, book)
}

#[test]
fn plans_and_settings_round_trip_the_foods_and_refuse_broken_ones() {
    let (foods, book) = a_day_with_a_bar();
    let text = encode_plan_book(&book);
    assert!(text.contains(r#""own":{"name":"Protein bar, peanut","serving":"1 bar","serving_grams":45.0,"mg_per_serving":63.0}"#), "{text}");
    let back = decode_plan_book(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.current_plan(), book.current_plan());
    // An own food's number without its values, or the values on a USDA number, is refused.
    let without = text.replacen(
        r#","own":{"name":"Protein bar, peanut","serving":"1 bar","serving_grams":45.0,"mg_per_serving":63.0}"#,
        "",
        1,
    );
    assert!(decode_plan_book(&without).is_err());
    let on_usda = text.replacen(r#""ndb":1000000"#, r#""ndb":12016"#, 1);
    assert!(decode_plan_book(&on_usda).is_err());
    let bad_mg = text.replacen(r#""mg_per_serving":63.0"#, r#""mg_per_serving":-63.0"#, 1);
    assert!(decode_plan_book(&bad_mg).is_err());

    let settings = Settings {
        foods: foods.clone(),
        ..Settings::default()
    };
    let stored = encode_settings(&settings);
    assert!(
        stored.contains(r#""foods":[{"id":1000000,"name":"Protein bar, peanut""#),
        "{stored}"
    );
    assert_eq!(decode_settings(&stored), Ok(settings));
    let twice = stored.replacen(r#""foods":[{"#, r#""foods":[{"id":1000001,"name":"protein BAR, peanut","serving":"1","serving_grams":1.0,"mg_per_serving":1.0},{"#, 1);
    assert!(decode_settings(&twice).is_err());
    let low_id = stored.replacen(r#""id":1000000"#, r#""id":12016"#, 1);
    assert!(decode_settings(&low_id).is_err());
}

#[test]
fn an_export_brings_the_foods_and_the_same_day_totals_into_a_fresh_profile() {
    let (foods, book) = a_day_with_a_bar();
    let settings = Settings {
        foods,
        ..Settings::default()
    };
    let imported =
        decode_export(&encode_export(&settings, &book, 3.0)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.settings.foods, settings.foods);
    let (fresh, _) = add_imported_days(&PlanBook::default(), imported.days, 4.0);
    let day = fresh
        .plans
        .iter()
        .find(|p| p.date.is_some())
        .unwrap_or_else(|| panic!("the day came in"));
    let table = FoodTable::default();
    assert_eq!(
        DayTotals::of(&day.plan, &table).total_mg(),
        DayTotals::of(&book.current_plan().plan, &table).total_mg()
    );
}

#[test]
fn a_share_link_carries_the_food_and_keeping_it_renumbers_a_clash() {
    let (_, book) = a_day_with_a_bar();
    let (_, mut shared) = decode_share(&encode_share("Bar day", &book.current_plan().plan))
        .unwrap_or_else(|e| panic!("{e}"));
    let table = FoodTable::default();
    assert_eq!(DayTotals::of(&shared, &table).food.known_mg, 63.0);

    // The receiver keeps another food under the sharer's id: the bar gets a new id of its own.
    let mut mine = Vec::new();
    kept(
        &mut mine,
        from_label("Oat biscuit", "2 biscuits", "25", "20", LabelUnit::Mg),
    );
    assert_eq!(shared.keep_own_foods(&mut mine), 1);
    assert_eq!(mine.len(), 2);
    assert_eq!(shared.entries[0].ndb, OWN_FOOD_ID_BASE + 1);
    assert_eq!(mine[1].food.name, "Protein bar, peanut");
    // Kept again (a second link), nothing is added twice.
    let mut again = shared.clone();
    assert_eq!(again.keep_own_foods(&mut mine), 0);
    assert_eq!(again.entries[0].ndb, OWN_FOOD_ID_BASE + 1);
    assert!(Rc::ptr_eq(
        again.entries[0]
            .own
            .as_ref()
            .unwrap_or_else(|| panic!("a copy")),
        shared.entries[0]
            .own
            .as_ref()
            .unwrap_or_else(|| panic!("a copy"))
    ));
}

proptest! {
    /// Any label a person can type is read or refused, never a panic, and what is read is in
    /// range.
    #[test]
    fn any_label_is_read_or_refused(
        name in "\\PC{0,30}",
        serving in "\\PC{0,10}",
        grams in "\\PC{0,8}",
        mg in "\\PC{0,8}",
        dv in any::<bool>(),
    ) {
        let unit = if dv { LabelUnit::UsDailyValuePercent } else { LabelUnit::Mg };
        if let Ok(food) = CustomFood::from_text(&CustomFoodText {
            name: &name,
            serving_words: &serving,
            serving_grams: &grams,
            magnesium: &mg,
            magnesium_unit: Some(unit),
            kcal: "",
        }) {
            prop_assert!(food.serving_grams > 0.0);
            prop_assert!(food.magnesium_mg_per_serving >= 0.0);
            prop_assert!(food.magnesium_mg_per_100g().is_finite());
        }
    }
}

/// A product of one form, as a person keeps it.
fn one_form_product(name: &str, mg: f64) -> Product {
    let form =
        ProductForm::new("citrate", mg, DoseBasis::Elemental).unwrap_or_else(|e| panic!("{e:?}"));
    Product::new(name, 1.0, vec![form], None, None).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn an_import_keeps_what_the_person_lacks_by_name_and_points_the_days_at_it() {
    // The file's person: a bar, a product, a water, and a day using the bar and the product.
    let (foods, mut book) = a_day_with_a_bar();
    let product = Rc::new(one_form_product("Night citrate", 150.0));
    book.change_current(3.0, |plan| {
        plan.add_dose(DoseInput::of_product(&product, 1.0, None))
            .unwrap_or_else(|e| panic!("{e:?}"));
    });
    let mut products = Vec::new();
    add_product(&mut products, (*product).clone()).unwrap_or_else(|e| panic!("{e:?}"));
    let sender = Settings {
        foods,
        products,
        waters: vec![Water::check("Spa", 4.0).unwrap_or_else(|e| panic!("{e:?}"))],
        ..Settings::default()
    };
    let mut imported =
        decode_export(&encode_export(&sender, &book, 4.0)).unwrap_or_else(|e| panic!("{e}"));

    // The receiver keeps another food under the sender's id, a product of the same name with
    // other figures, and a water of the same name.
    let mut mine = Settings {
        waters: vec![Water::check("SPA", 9.0).unwrap_or_else(|e| panic!("{e:?}"))],
        ..Settings::default()
    };
    kept(
        &mut mine.foods,
        from_label("Oat biscuit", "2 biscuits", "25", "20", LabelUnit::Mg),
    );
    add_product(&mut mine.products, one_form_product("NIGHT CITRATE", 100.0))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let before = mine.clone();

    let added = imported.keep_library(&mut mine);
    assert_eq!(
        added,
        LibraryAdded {
            foods: 1,
            ..LibraryAdded::default()
        }
    );
    assert_eq!(mine.foods.len(), 2);
    assert_eq!(mine.foods[1].food.name, "Protein bar, peanut");
    assert_eq!(mine.products, before.products, "a name kept stays as saved");
    assert_eq!(mine.waters, before.waters, "a name kept stays as saved");
    // The day's bar now goes by the receiver's id for it, and its total is unchanged.
    let day = &imported.days[0].plan;
    assert_eq!(day.entries[0].ndb, mine.foods[1].id);
    assert_ne!(day.entries[0].ndb, mine.foods[0].id);
    let table = FoodTable::default();
    assert_eq!(
        DayTotals::of(day, &table).total_mg(),
        DayTotals::of(&book.current_plan().plan, &table).total_mg()
    );

    // Into a fresh profile everything comes; a second import of the same file adds nothing.
    let mut fresh = Settings::default();
    let again =
        decode_export(&encode_export(&sender, &book, 4.0)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        again.clone().keep_library(&mut fresh),
        LibraryAdded {
            foods: 1,
            products: 1,
            waters: 1,
            templates: 0
        }
    );
    assert_eq!(
        again.clone().keep_library(&mut fresh),
        LibraryAdded::default()
    );
}

#[test]
fn a_shared_plan_offers_its_products_and_keeps_each_once() {
    let product = Rc::new(one_form_product("Night citrate", 150.0));
    let mut plan = Plan::default();
    plan.add_dose(DoseInput::of_product(&product, 1.0, None))
        .unwrap_or_else(|e| panic!("{e:?}"));
    plan.add_dose(DoseInput::of_product(&product, 2.0, None))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let (_, shared) =
        decode_share(&encode_share("Nights", &plan)).unwrap_or_else(|e| panic!("{e}"));
    let mut mine = Vec::new();
    assert_eq!(shared.keep_products(&mut mine), 1, "two doses, one product");
    assert_eq!(mine[0].product.name, "Night citrate");
    assert_eq!(shared.keep_products(&mut mine), 0);
    let mut full: Vec<OwnProduct> = Vec::new();
    for i in 0..MAX_PRODUCTS {
        add_product(&mut full, one_form_product(&format!("P{i}"), 10.0))
            .unwrap_or_else(|e| panic!("{e:?}"));
    }
    assert_eq!(
        shared.keep_products(&mut full),
        0,
        "a full list keeps nothing"
    );
    assert_eq!(full.len(), MAX_PRODUCTS);
}
