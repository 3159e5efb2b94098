//! The checked values actions carry: a [`Serving`] (a portion and how many of it) and a
//! [`CheckedDose`]. Anything finite, above 0 and within the limits is taken as given; NaN,
//! infinities, 0, negatives and amounts over the limits are refused with their reason, and the
//! plan takes a checked value without checking it again.

use magnesium_planner::domain::plan::{
    CheckedDose, DoseInput, MAX_ENTRY_GRAMS, Meal, Plan, PortionOption, QuantityError, Serving,
};
use magnesium_planner::domain::supplements::{DoseBasis, DoseError, FORMS, MAX_DOSE_ELEMENTAL_MG};
use proptest::prelude::*;

fn portion(grams: f64) -> PortionOption {
    PortionOption {
        label: format!("{grams} g"),
        grams,
    }
}

fn elemental(amount_mg: f64) -> DoseInput {
    DoseInput {
        product: None,
        form_id: FORMS[0].id.to_owned(),
        variant_id: FORMS[0].default_variant().id.to_owned(),
        basis: DoseBasis::Elemental,
        amount_mg,
        units: 1.0,
        time: None,
    }
}

/// Numbers that are never a quantity or an amount.
fn never_taken() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(0.0),
        Just(-0.0),
        (f64::MIN_POSITIVE..1e12).prop_map(|n| -n),
    ]
}

proptest! {
    #[test]
    fn any_finite_positive_quantity_within_the_limit_is_a_serving(
        grams in 0.01..1_000.0_f64,
        share in 1e-9..0.999_999_f64,
    ) {
        let quantity = MAX_ENTRY_GRAMS / grams * share;
        let serving = Serving::new(portion(grams), quantity);
        prop_assert!(serving.is_ok(), "{quantity} × {grams} g: {serving:?}");
        let serving = serving.unwrap_or_else(|e| panic!("{e}"));
        prop_assert_eq!(serving.quantity(), quantity);
        prop_assert_eq!(serving.portion().grams, grams);
        prop_assert!(serving.grams() <= MAX_ENTRY_GRAMS * (1.0 + 1e-12));

        // The plan takes it as it is.
        let mut plan = Plan::default();
        let id = plan.add_serving(7, serving.clone(), Meal::Lunch);
        prop_assert_eq!(plan.entries.len(), 1);
        prop_assert_eq!(plan.entries[0].id, id);
        prop_assert_eq!(plan.entries[0].quantity, quantity);
        prop_assert_eq!(&plan.entries[0].portion, serving.portion());
    }

    #[test]
    fn nan_infinite_zero_and_negative_quantities_are_refused(
        grams in 0.01..1_000.0_f64,
        quantity in never_taken(),
    ) {
        let refused = Serving::new(portion(grams), quantity);
        prop_assert!(refused.is_err(), "{quantity}: {refused:?}");
        let mut plan = Plan::default();
        prop_assert!(plan.add_food(7, portion(grams), quantity, Meal::Lunch).is_err());
        prop_assert!(plan.entries.is_empty());
    }

    #[test]
    fn a_quantity_over_the_limit_is_refused_as_too_much(
        grams in 0.01..1_000.0_f64,
        over in 1.0001..1e6_f64,
    ) {
        let quantity = MAX_ENTRY_GRAMS / grams * over;
        prop_assert!(
            matches!(
                Serving::new(portion(grams), quantity),
                Err(QuantityError::TooMuch { .. })
            ),
            "{quantity} × {grams} g"
        );
    }

    #[test]
    fn a_portion_that_weighs_nothing_is_no_serving(grams in never_taken(), quantity in 0.1..10.0_f64) {
        prop_assert_eq!(
            Serving::new(portion(grams), quantity),
            Err(QuantityError::NotPositive)
        );
    }

    #[test]
    fn any_finite_positive_elemental_dose_within_the_limit_is_checked(
        amount_mg in 1e-6..=MAX_DOSE_ELEMENTAL_MG,
    ) {
        let dose = CheckedDose::new(elemental(amount_mg));
        prop_assert!(dose.is_ok(), "{amount_mg} mg: {dose:?}");
        let dose = dose.unwrap_or_else(|e| panic!("{e}"));
        prop_assert_eq!(dose.input().amount_mg, amount_mg);
        prop_assert_eq!(dose.elemental().elemental_mg, amount_mg);

        let mut plan = Plan::default();
        plan.add_checked_dose(dose);
        prop_assert_eq!(plan.supplement_mg(), amount_mg);
    }

    #[test]
    fn doses_that_are_not_finite_positive_or_are_too_large_are_refused(
        amount_mg in prop_oneof![
            never_taken(),
            (MAX_DOSE_ELEMENTAL_MG * 1.000_001..1e12),
        ],
    ) {
        let refused = CheckedDose::new(elemental(amount_mg));
        prop_assert!(
            matches!(
                refused,
                Err(DoseError::NotANumber | DoseError::NotPositive | DoseError::TooLarge { .. })
            ),
            "{amount_mg}: {refused:?}"
        );
        let mut plan = Plan::default();
        prop_assert!(plan.add_dose(elemental(amount_mg)).is_err());
        prop_assert!(plan.doses.is_empty());
    }
}

#[test]
fn typed_quantities_are_read_then_checked() {
    let cup = portion(143.0);
    assert_eq!(
        Serving::parse(cup.clone(), "0,5").map(|s| s.quantity()),
        Ok(0.5)
    );
    assert_eq!(Serving::parse(cup.clone(), ""), Err(QuantityError::Empty));
    assert_eq!(
        Serving::parse(cup.clone(), "1e"),
        Err(QuantityError::NotANumber)
    );
    assert_eq!(
        Serving::parse(cup.clone(), "NaN"),
        Err(QuantityError::NotANumber)
    );
    assert!(matches!(
        Serving::parse(cup, "1e9"),
        Err(QuantityError::TooMuch { .. })
    ));
}

#[test]
fn a_checked_edit_replaces_the_entry_and_an_unknown_id_changes_nothing() {
    let mut plan = Plan::default();
    let id = plan.add_serving(
        7,
        Serving::new(portion(28.0), 1.0).unwrap_or_else(|e| panic!("{e}")),
        Meal::Snacks,
    );
    let two_cups = Serving::new(portion(143.0), 2.0).unwrap_or_else(|e| panic!("{e}"));
    plan.edit_serving(id, two_cups.clone());
    assert_eq!(plan.entries[0].quantity, 2.0);
    assert_eq!(plan.entries[0].portion.grams, 143.0);
    let before = plan.clone();
    plan.edit_serving(
        id + 1,
        Serving::new(portion(1.0), 3.0).unwrap_or_else(|e| panic!("{e}")),
    );
    assert_eq!(plan, before);

    let dose_id =
        plan.add_checked_dose(CheckedDose::new(elemental(200.0)).unwrap_or_else(|e| panic!("{e}")));
    plan.edit_checked_dose(
        dose_id,
        CheckedDose::new(elemental(300.0)).unwrap_or_else(|e| panic!("{e}")),
    );
    assert_eq!(plan.supplement_mg(), 300.0);
}
