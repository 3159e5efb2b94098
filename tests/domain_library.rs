//! The person's own foods, waters and products: label conversions, checks and blends.

use magnesium_planner::domain::choice::Choice;
use magnesium_planner::domain::library::{
    AmountError, CustomFood, CustomFoodText, EU_NRV_MG, LabelUnit, MAX_LABEL_PERCENT,
    MAX_NAME_CHARS, MAX_WATER_MG_PER_LITRE, Product, ProductError, ProductForm, TextError,
    US_DAILY_VALUE_MG, Water, WaterUnit, check_amount, clean_text, label_mg, read_water_amount,
};
use magnesium_planner::domain::supplements::{DoseBasis, form};
use proptest::prelude::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn label_percentages_convert_with_the_us_daily_value_and_the_eu_nrv() {
    assert!(close(
        label_mg("15", LabelUnit::UsDailyValuePercent).unwrap(),
        63.0
    ));
    assert!(close(
        label_mg("15", LabelUnit::EuNrvPercent).unwrap(),
        56.25
    ));
    assert!(close(
        label_mg("10", LabelUnit::UsDailyValuePercent).unwrap(),
        42.0
    ));
    assert!(close(
        label_mg("10", LabelUnit::EuNrvPercent).unwrap(),
        37.5
    ));
    assert!(close(label_mg("56", LabelUnit::Mg).unwrap(), 56.0));
    assert!(close(label_mg("0", LabelUnit::Mg).unwrap(), 0.0));
    assert!(close(
        label_mg("12,5", LabelUnit::EuNrvPercent).unwrap(),
        46.875
    ));
    assert_eq!(
        label_mg("1001", LabelUnit::UsDailyValuePercent),
        Err(AmountError::TooLarge {
            max: MAX_LABEL_PERCENT
        })
    );
    assert_eq!(US_DAILY_VALUE_MG, 420.0);
    assert_eq!(EU_NRV_MG, 375.0);
    assert_eq!(
        LabelUnit::ALL.iter().map(|u| u.value()).collect::<Vec<_>>(),
        ["mg", "dv", "nrv"],
        "the UI contract's option values"
    );
}

#[test]
fn amounts_refuse_empty_negative_nan_and_huge() {
    assert_eq!(label_mg("", LabelUnit::Mg), Err(AmountError::Empty));
    assert_eq!(label_mg("NaN", LabelUnit::Mg), Err(AmountError::NotANumber));
    assert_eq!(
        label_mg("12 mg", LabelUnit::Mg),
        Err(AmountError::NotANumber)
    );
    assert_eq!(
        label_mg("-5", LabelUnit::Mg),
        Err(AmountError::TooSmall { zero_allowed: true })
    );
    assert!(matches!(
        label_mg("1e9", LabelUnit::Mg),
        Err(AmountError::TooLarge { .. })
    ));
    assert!(matches!(
        label_mg("1e999", LabelUnit::Mg),
        Err(AmountError::TooLarge { .. })
    ));
    assert_eq!(
        read_water_amount("0", WaterUnit::Litres),
        Err(AmountError::TooSmall {
            zero_allowed: false
        })
    );
    assert_eq!(
        check_amount(-0.0, true, 1.0).map(f64::to_bits),
        Ok(0.0f64.to_bits())
    );
}

#[test]
fn names_are_tidied_and_bounded() {
    assert_eq!(
        clean_text("  Protein \t bar\n", MAX_NAME_CHARS).unwrap(),
        "Protein bar"
    );
    assert_eq!(
        clean_text(" \u{7}\u{200b}\u{feff} ", 10),
        Err(TextError::Empty),
        "nothing visible"
    );
    assert_eq!(
        clean_text("\u{202e}rab nietorP", MAX_NAME_CHARS).unwrap(),
        "rab nietorP",
        "a right-to-left override is dropped"
    );
    assert_eq!(
        clean_text("👩\u{200d}🍳 soup", MAX_NAME_CHARS).unwrap(),
        "👩\u{200d}🍳 soup"
    );
    assert_eq!(clean_text("   ", MAX_NAME_CHARS), Err(TextError::Empty));
    assert_eq!(
        clean_text(&"x".repeat(10_000), MAX_NAME_CHARS),
        Err(TextError::TooLong {
            max_chars: MAX_NAME_CHARS
        })
    );
    // Characters, not bytes: 80 accented letters fit.
    assert!(clean_text(&"é".repeat(MAX_NAME_CHARS), MAX_NAME_CHARS).is_ok());
}

#[test]
fn a_custom_food_from_a_dv_label_counts_per_serving_and_per_100g() {
    let bar = CustomFood::from_text(&CustomFoodText {
        name: "Nut bar",
        serving_words: "1 bar",
        serving_grams: "40",
        magnesium: "15",
        magnesium_unit: Some(LabelUnit::UsDailyValuePercent),
        kcal: "",
    })
    .unwrap();
    assert!(close(bar.magnesium_mg_per_serving, 63.0));
    assert!(close(bar.magnesium_mg_per_100g(), 157.5));
    assert!(close(bar.magnesium_mg(2.0), 126.0));
    assert_eq!(bar.kcal_per_serving, None);
}

#[test]
fn every_bad_field_of_a_custom_food_is_reported_at_once() {
    let errors = CustomFood::from_text(&CustomFoodText {
        name: "",
        serving_words: &"y".repeat(100),
        serving_grams: "0",
        magnesium: "-1",
        magnesium_unit: Some(LabelUnit::Mg),
        kcal: "lots",
    })
    .unwrap_err();
    assert_eq!(errors.name, Some(TextError::Empty));
    assert!(matches!(
        errors.serving_words,
        Some(TextError::TooLong { .. })
    ));
    let fields: Vec<&str> = errors.amounts.iter().map(|(field, _)| *field).collect();
    assert_eq!(fields, ["serving_grams", "magnesium", "kcal"]);
}

#[test]
fn water_counts_mg_per_litre_times_litres() {
    let water = Water::from_text("Mineral water", "100").unwrap();
    assert!(close(water.magnesium_mg(1.5), 150.0));
    assert!(close(
        water.magnesium_mg(2.0 * WaterUnit::Glasses.litres_each()),
        50.0
    ));
    assert_eq!(Water::from_text("", "12").unwrap().name, "Water");
    let errors = Water::from_text("Tap", "2001").unwrap_err();
    assert_eq!(
        errors.amounts,
        [(
            "mg_per_litre",
            AmountError::TooLarge {
                max: MAX_WATER_MG_PER_LITRE
            }
        )]
    );
}

#[test]
fn a_blend_counts_each_form_per_serving() {
    let night = Product::new(
        "Night Magnesium",
        2.0,
        vec![
            ProductForm::new("bisglycinate", 200.0, DoseBasis::Elemental).unwrap(),
            ProductForm::new("citrate", 50.0, DoseBasis::Elemental).unwrap(),
        ],
        Some(20.0),
        Some(30.0),
    )
    .unwrap();
    assert!(close(night.elemental_mg_per_serving(), 250.0));
    assert_eq!(
        night.elemental_mg_by_form(1.0),
        [("bisglycinate", 200.0), ("citrate", 50.0)]
    );
    assert_eq!(night.elemental_mg_by_form(0.5)[0].1, 100.0);
    // 20 for 30 servings of 250 mg: 7,500 mg for 20, so 100 mg costs 0.2667.
    assert!(close(
        night.cost_per_100mg().unwrap(),
        20.0 / 7500.0 * 100.0
    ));
}

#[test]
fn a_product_form_by_salt_weight_uses_the_form_as_sold() {
    let oxide = ProductForm::new("oxide", 500.0, DoseBasis::Compound).unwrap();
    let fraction = form("oxide")
        .unwrap()
        .default_variant()
        .elemental_fraction()
        .unwrap();
    assert!(close(oxide.elemental_mg_per_serving, 500.0 * fraction));
    assert_eq!(
        oxide.converted_from,
        Some(form("oxide").unwrap().default_variant())
    );
}

#[test]
fn bad_products_are_refused() {
    let citrate = || ProductForm::new("citrate", 100.0, DoseBasis::Elemental).unwrap();
    assert_eq!(
        ProductForm::new("unobtainium", 100.0, DoseBasis::Elemental),
        Err(ProductError::UnknownForm)
    );
    assert!(matches!(
        ProductForm::new("citrate", f64::NAN, DoseBasis::Elemental),
        Err(ProductError::Amount(AmountError::NotANumber))
    ));
    assert_eq!(
        Product::new("P", 1.0, vec![], None, None),
        Err(ProductError::NoForms)
    );
    assert_eq!(
        Product::new("P", 1.0, vec![citrate(), citrate()], None, None),
        Err(ProductError::FormTwice)
    );
    assert!(matches!(
        Product::new("P", 0.0, vec![citrate()], None, None),
        Err(ProductError::Amount(_))
    ));
    assert!(matches!(
        Product::new("P", 1.0, vec![citrate()], Some(-1.0), None),
        Err(ProductError::Amount(_))
    ));
    let no_price = Product::new("P", 1.0, vec![citrate()], None, Some(60.0)).unwrap();
    assert_eq!(no_price.cost_per_100mg(), None);
}

proptest! {
    #[test]
    fn percent_labels_scale_linearly(percent in 0.0f64..=1000.0) {
        let text = format!("{percent}");
        let dv = label_mg(&text, LabelUnit::UsDailyValuePercent).unwrap();
        let nrv = label_mg(&text, LabelUnit::EuNrvPercent).unwrap();
        prop_assert!((dv - percent * 4.2).abs() < 1e-6);
        prop_assert!((nrv - percent * 3.75).abs() < 1e-6);
    }

    #[test]
    fn any_text_is_read_or_refused_without_panicking(text in "\\PC{0,20}") {
        let _ = label_mg(&text, LabelUnit::EuNrvPercent);
        let _ = read_water_amount(&text, WaterUnit::Glasses);
        if let Ok(name) = clean_text(&text, MAX_NAME_CHARS) {
            prop_assert!(!name.is_empty());
            prop_assert_eq!(name.trim(), name.as_str());
        }
    }
}
