//! Supplement forms: every elemental fraction, computed from its formula, matches the reference
//! table; doses convert both ways; bad doses are refused with a reason.

use magnesium_planner::domain::chemistry::{FormulaError, parse_formula};
use magnesium_planner::domain::supplements::{
    DoseBasis, DoseError, FORMS, MAX_DOSE_ELEMENTAL_MG, elemental_dose, form, parse_amount_mg,
};
use proptest::prelude::*;

/// (form id, variant id, g/mol, % Mg) from shared/reference/magnesium.md, typed in by hand.
const REFERENCE: &[(&str, &str, f64, f64)] = &[
    ("oxide", "anhydrous", 40.30, 60.3),
    ("hydroxide", "anhydrous", 58.32, 41.7),
    ("carbonate", "anhydrous", 84.31, 28.8),
    ("citrate", "anhydrous", 451.1, 16.2),
    ("citrate", "nonahydrate", 613.3, 11.9),
    ("bisglycinate", "anhydrous", 172.4, 14.1),
    ("malate", "anhydrous", 156.4, 15.5),
    ("malate", "trihydrate", 210.4, 11.6),
    ("chloride", "anhydrous", 95.2, 25.5),
    ("chloride", "hexahydrate", 203.3, 12.0),
    ("lactate", "anhydrous", 202.4, 12.0),
    ("lactate", "dihydrate", 238.5, 10.2),
    ("sulfate", "anhydrous", 120.4, 20.2),
    ("sulfate", "heptahydrate", 246.5, 9.9),
    ("gluconate", "anhydrous", 414.6, 5.9),
    ("gluconate", "dihydrate", 450.6, 5.4),
    ("threonate", "anhydrous", 294.5, 8.3),
    ("taurate", "anhydrous", 272.6, 8.9),
    ("orotate", "anhydrous", 334.5, 7.3),
    ("orotate", "dihydrate", 370.5, 6.6),
    ("aspartate", "anhydrous", 288.5, 8.4),
    ("aspartate", "dihydrate", 324.5, 7.5),
    ("pidolate", "anhydrous", 280.5, 8.7),
];

#[test]
fn every_fraction_matches_the_reference_table() {
    for &(form_id, variant_id, molar_mass, percent) in REFERENCE {
        let variant = form(form_id)
            .and_then(|f| f.variant(variant_id))
            .unwrap_or_else(|| panic!("{form_id}/{variant_id} exists"));
        let composition = parse_formula(variant.formula).unwrap_or_else(|e| panic!("{e}"));
        let mass = composition
            .molar_mass_g_per_mol()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            (mass - molar_mass).abs() < 0.1,
            "{form_id}/{variant_id}: {mass:.2} g/mol"
        );
        let fraction = variant
            .elemental_fraction()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            (fraction * 100.0 - percent).abs() <= 0.1,
            "{form_id}/{variant_id}: {:.2} %",
            fraction * 100.0
        );
    }
}

#[test]
fn the_table_covers_every_form_and_variant() {
    let listed: usize = FORMS.iter().map(|f| f.variants.len()).sum();
    assert_eq!(listed, REFERENCE.len());
    assert_eq!(FORMS.len(), 15);
    for f in FORMS {
        assert!(!f.variants.is_empty(), "{} has a variant", f.id);
        assert!(!f.notes.absorption.is_empty() && !f.notes.laxative.is_empty());
    }
    assert_eq!(
        form("bisglycinate").map(|f| f.name),
        Some("Magnesium glycinate (bisglycinate)")
    );
}

#[test]
fn formulas_parse_with_groups_and_hydrates() {
    let epsom = parse_formula("MgSO4·7H2O").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (epsom.count("Mg"), epsom.count("O"), epsom.count("H")),
        (1, 11, 14)
    );
    let citrate = parse_formula("Mg3(C6H5O7)2").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((citrate.count("Mg"), citrate.count("C")), (3, 12));
    assert!(matches!(
        parse_formula("MgXe"),
        Err(FormulaError::UnknownElement(_))
    ));
    assert_eq!(
        parse_formula("Mg(OH2"),
        Err(FormulaError::UnbalancedParentheses)
    );
    assert_eq!(
        parse_formula("MgOH)2"),
        Err(FormulaError::UnbalancedParentheses)
    );
    assert_eq!(parse_formula(""), Err(FormulaError::Empty));
    assert_eq!(parse_formula("MgO·"), Err(FormulaError::Empty));
    assert!(matches!(
        parse_formula("Mg O"),
        Err(FormulaError::Unexpected(' ', 2))
    ));
}

#[test]
fn doses_convert_both_ways() {
    let citrate = form("citrate")
        .map(|f| *f.default_variant())
        .unwrap_or_else(|| panic!());
    let from_compound =
        elemental_dose(1000.0, DoseBasis::Compound, &citrate).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_compound.elemental_mg.round(), 162.0);
    assert!(
        from_compound
            .assumption
            .contains("trimagnesium dicitrate, anhydrous, 16.2 %")
    );
    let from_elemental = elemental_dose(from_compound.elemental_mg, DoseBasis::Elemental, &citrate)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!((from_elemental.compound_mg - 1000.0).abs() < 1e-9);
    assert!(from_elemental.assumption.contains("as entered"));
    // The label's elemental amount wins: the form does not change it.
    let oxide = form("oxide")
        .map(|f| *f.default_variant())
        .unwrap_or_else(|| panic!());
    let label =
        elemental_dose(250.0, DoseBasis::Elemental, &oxide).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(label.elemental_mg, 250.0);
}

#[test]
fn bad_doses_are_refused() {
    let oxide = form("oxide")
        .map(|f| *f.default_variant())
        .unwrap_or_else(|| panic!());
    assert_eq!(parse_amount_mg(""), Err(DoseError::Empty));
    assert_eq!(parse_amount_mg("two hundred"), Err(DoseError::NotANumber));
    assert_eq!(parse_amount_mg("NaN"), Err(DoseError::NotANumber));
    assert_eq!(parse_amount_mg("200,5"), Ok(200.5));
    assert_eq!(
        elemental_dose(0.0, DoseBasis::Elemental, &oxide),
        Err(DoseError::NotPositive)
    );
    assert_eq!(
        elemental_dose(-5.0, DoseBasis::Compound, &oxide),
        Err(DoseError::NotPositive)
    );
    assert_eq!(
        elemental_dose(f64::NAN, DoseBasis::Compound, &oxide),
        Err(DoseError::NotANumber)
    );
    assert_eq!(
        elemental_dose(f64::INFINITY, DoseBasis::Elemental, &oxide),
        Err(DoseError::NotANumber)
    );
    assert!(matches!(
        elemental_dose(MAX_DOSE_ELEMENTAL_MG + 1.0, DoseBasis::Elemental, &oxide),
        Err(DoseError::TooLarge { .. })
    ));
    // 10 g of oxide is over 6 g of magnesium: refused on its elemental content.
    assert!(matches!(
        elemental_dose(10_000.0, DoseBasis::Compound, &oxide),
        Err(DoseError::TooLarge { .. })
    ));
    assert!(elemental_dose(MAX_DOSE_ELEMENTAL_MG, DoseBasis::Elemental, &oxide).is_ok());
}

proptest! {
    #[test]
    fn any_text_is_read_or_refused_without_panicking(text in "\\PC{0,16}") {
        let _ = parse_amount_mg(&text);
        let _ = parse_formula(&text);
    }

    #[test]
    fn accepted_doses_are_never_nan_and_stay_in_range(
        amount in -1e6f64..1e6,
        index in 0usize..15,
        compound in any::<bool>(),
    ) {
        let basis = if compound { DoseBasis::Compound } else { DoseBasis::Elemental };
        let variant = FORMS[index].default_variant();
        if let Ok(dose) = elemental_dose(amount, basis, variant) {
            prop_assert!(dose.elemental_mg > 0.0 && dose.elemental_mg <= MAX_DOSE_ELEMENTAL_MG);
            prop_assert!(dose.compound_mg >= dose.elemental_mg);
        }
    }
}
