//! Supplement forms: every elemental fraction, computed from its formula, matches the reference
//! table; each form's default is the salt as sold; the tolerance notes follow the sources; an
//! elemental amount that looks like a bottle's compound weight gets a hint; doses convert both
//! ways; bad doses are refused with a reason.

use magnesium_planner::domain::chemistry::{FormulaError, parse_formula};
use magnesium_planner::domain::supplements::{
    DoseBasis, DoseError, FORMS, LABEL_CHECK_MAX_FRACTION, LABEL_CHECK_MIN_MG,
    MAX_DOSE_ELEMENTAL_MG, SupplementForm, Tolerance, elemental_dose, form, label_check,
    parse_amount_mg,
};
use proptest::prelude::*;

/// (form id, variant id, g/mol, % Mg) from shared/reference/magnesium.md, typed in by hand.
const REFERENCE: &[(&str, &str, f64, f64)] = &[
    ("oxide", "anhydrous", 40.30, 60.3),
    ("hydroxide", "anhydrous", 58.32, 41.7),
    ("carbonate", "anhydrous", 84.31, 28.8),
    // "Which variant is sold": the basic carbonate, about 4MgCO3·Mg(OH)2·5H2O.
    ("carbonate", "basic", 485.6, 25.0),
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

/// (form id, the variant sold, its % Mg) from shared/reference/magnesium.md, "Which variant is
/// sold" and "Supplement salts", typed in by hand: one row per form.
const SOLD: &[(&str, &str, f64)] = &[
    ("citrate", "anhydrous", 16.2),
    ("bisglycinate", "anhydrous", 14.1),
    ("oxide", "anhydrous", 60.3),
    ("hydroxide", "anhydrous", 41.7),
    ("carbonate", "basic", 25.0),
    ("malate", "anhydrous", 15.5),
    ("chloride", "hexahydrate", 12.0),
    ("lactate", "dihydrate", 10.2),
    ("sulfate", "heptahydrate", 9.9),
    ("gluconate", "dihydrate", 5.4),
    ("threonate", "anhydrous", 8.3),
    ("taurate", "anhydrous", 8.9),
    ("orotate", "dihydrate", 6.6),
    ("aspartate", "dihydrate", 7.5),
    ("pidolate", "anhydrous", 8.7),
];

fn fraction_of(f: &SupplementForm) -> f64 {
    f.default_variant()
        .elemental_fraction()
        .unwrap_or_else(|e| panic!("{}: {e}", f.id))
}

#[test]
fn every_default_is_the_salt_as_sold() {
    assert_eq!(SOLD.len(), FORMS.len(), "one row per form");
    for &(form_id, variant_id, percent) in SOLD {
        let f = form(form_id).unwrap_or_else(|| panic!("{form_id} exists"));
        assert_eq!(f.default_variant().id, variant_id, "{form_id}");
        let fraction = fraction_of(f);
        assert!(
            (fraction * 100.0 - percent).abs() <= 0.1,
            "{form_id}: {:.2} %",
            fraction * 100.0
        );
    }
    // USP basic carbonate is 40.0–43.5 % as MgO, i.e. 24.1–26.2 % magnesium.
    let basic = form("carbonate").map(fraction_of).unwrap_or_default();
    assert!((0.241..=0.262).contains(&basic), "{basic}");
    // USP magnesium citrate holds 14.5–16.4 % magnesium: the anhydrous salt, not the hydrate.
    let citrate = form("citrate").map(fraction_of).unwrap_or_default();
    assert!((0.145..=0.164).contains(&citrate), "{citrate}");
    // The variants that were once the default stay selectable, so saved doses keep them.
    for (form_id, kept) in [
        ("chloride", "anhydrous"),
        ("lactate", "anhydrous"),
        ("gluconate", "anhydrous"),
        ("carbonate", "anhydrous"),
        ("citrate", "nonahydrate"),
    ] {
        assert!(
            form(form_id).and_then(|f| f.variant(kept)).is_some(),
            "{form_id}/{kept}"
        );
    }
    // Gluconate's note says it has the least magnesium per gram of the forms listed.
    let least = FORMS
        .iter()
        .min_by(|a, b| fraction_of(a).total_cmp(&fraction_of(b)))
        .map(|f| f.id);
    assert_eq!(least, Some("gluconate"));
}

#[test]
fn tolerance_follows_the_sources() {
    let with = |tolerance: Tolerance| -> Vec<&str> {
        let mut ids: Vec<&str> = FORMS
            .iter()
            .filter(|f| f.notes.tolerance == tolerance)
            .map(|f| f.id)
            .collect();
        ids.sort_unstable();
        ids
    };
    // NIH ODS: "most commonly reported to cause diarrhea include magnesium carbonate,
    // chloride, gluconate, and oxide."
    assert_eq!(
        with(Tolerance::MostReportedForDiarrhoea),
        ["carbonate", "chloride", "gluconate", "oxide"]
    );
    assert_eq!(
        with(Tolerance::SoldAsLaxative),
        ["citrate", "hydroxide", "sulfate"]
    );
    assert_eq!(with(Tolerance::NotDescribed).len(), FORMS.len() - 7);
    // No note calls a form non-laxative, gentle or free of side effects in its own voice.
    for f in FORMS {
        for note in [f.notes.absorption, f.notes.sold_as] {
            let lower = note.to_lowercase();
            for banned in [
                "not a laxative",
                "not laxative",
                "non-laxative",
                "not one of the forms sold as laxatives",
                "reference summary",
            ] {
                assert!(!lower.contains(banned), "{}: {note}", f.id);
            }
            if lower.contains("gentle") {
                assert!(
                    lower.contains("marketed") && lower.contains("claim"),
                    "{note}"
                );
            }
        }
    }
}

#[test]
fn each_note_cites_a_source_only_for_the_forms_it_covers() {
    // Which forms each source speaks of, in shared/reference/magnesium.md.
    let covers: &[(&str, &[&str])] = &[
        (
            "Firoz & Graber 2001",
            &["oxide", "chloride", "lactate", "aspartate"],
        ),
        ("Walker et al. 2003", &["citrate", "oxide"]),
        ("Kappeler et al. 2017", &["citrate", "oxide"]),
        (
            "NIH ODS",
            &[
                "aspartate",
                "citrate",
                "lactate",
                "chloride",
                "oxide",
                "sulfate",
            ],
        ),
        ("European Pharmacopoeia", &["lactate"]),
        ("US Pharmacopeia", &["gluconate"]),
        ("USP", &["citrate"]),
    ];
    for f in FORMS {
        for note in [f.notes.absorption, f.notes.sold_as] {
            for (source, forms) in covers {
                if note.contains(source) {
                    assert!(forms.contains(&f.id), "{} cites {source}: {note}", f.id);
                }
            }
        }
    }
    // The findings the reference gives are there, each with its source.
    let absorption = |id: &str| form(id).map(|f| f.notes.absorption).unwrap_or_default();
    assert!(absorption("oxide").contains("4 %") && absorption("oxide").contains("Firoz"));
    assert!(absorption("citrate").contains("Walker et al. 2003"));
    assert!(absorption("citrate").contains("Kappeler et al. 2017"));
    assert!(absorption("sulfate").contains("NIH ODS"));
}

#[test]
fn a_large_elemental_amount_of_a_low_share_form_gets_a_label_hint() {
    let glycinate = form("bisglycinate").unwrap_or_else(|| panic!());
    let salt = glycinate.default_variant();
    assert_eq!(
        label_check(
            glycinate,
            salt,
            LABEL_CHECK_MIN_MG - 0.1,
            DoseBasis::Elemental
        ),
        None,
        "just under the threshold"
    );
    assert_eq!(
        label_check(glycinate, salt, 100.0, DoseBasis::Elemental),
        None
    );
    let hint = label_check(glycinate, salt, 500.0, DoseBasis::Elemental)
        .unwrap_or_else(|| panic!("500 mg elemental glycinate is questioned"));
    // 500 mg of bisglycinate at 14.1 % is 70 mg of magnesium.
    assert_eq!(hint.elemental_mg_if_compound.round(), 70.0);
    assert!((hint.fraction - 0.141).abs() < 0.001);
    // The compound basis is what the hint suggests: never questioned.
    assert_eq!(
        label_check(glycinate, salt, 500.0, DoseBasis::Compound),
        None
    );
    for bad in [f64::NAN, f64::INFINITY, -500.0] {
        assert_eq!(
            label_check(glycinate, salt, bad, DoseBasis::Elemental),
            None
        );
    }

    // Both sides of the share threshold, over every form's salt as sold.
    for f in FORMS {
        let hinted = label_check(f, f.default_variant(), 1000.0, DoseBasis::Elemental).is_some();
        assert_eq!(
            hinted,
            fraction_of(f) < LABEL_CHECK_MAX_FRACTION,
            "{}",
            f.id
        );
    }
    for id in ["oxide", "hydroxide", "carbonate"] {
        let f = form(id).unwrap_or_else(|| panic!());
        assert!(fraction_of(f) >= LABEL_CHECK_MAX_FRACTION, "{id}");
    }
    for id in ["citrate", "chloride", "sulfate", "gluconate"] {
        let f = form(id).unwrap_or_else(|| panic!());
        assert!(fraction_of(f) < LABEL_CHECK_MAX_FRACTION, "{id}");
    }

    // The threshold follows the salt as sold; the figure follows the salt chosen.
    let chloride = form("chloride").unwrap_or_else(|| panic!());
    let anhydrous = chloride.variant("anhydrous").unwrap_or_else(|| panic!());
    let hint = label_check(chloride, anhydrous, 1000.0, DoseBasis::Elemental)
        .unwrap_or_else(|| panic!("chloride is sold at 12 %"));
    assert_eq!(hint.elemental_mg_if_compound.round(), 255.0);
}

#[test]
fn the_table_covers_every_form_and_variant() {
    let listed: usize = FORMS.iter().map(|f| f.variants.len()).sum();
    assert_eq!(listed, REFERENCE.len());
    assert_eq!(FORMS.len(), 15);
    for f in FORMS {
        assert!(!f.variants.is_empty(), "{} has a variant", f.id);
        assert!(!f.notes.absorption.is_empty() && !f.notes.sold_as.is_empty());
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
fn multi_part_formulas_take_a_coefficient_on_every_part() {
    // The basic carbonate: 4 MgCO3, 1 Mg(OH)2 and 5 H2O.
    let basic = parse_formula("4MgCO3·Mg(OH)2·5H2O").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (
            basic.count("Mg"),
            basic.count("C"),
            basic.count("O"),
            basic.count("H")
        ),
        (5, 4, 19, 12)
    );
    let mass = basic
        .molar_mass_g_per_mol()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!((mass - 485.6).abs() < 0.1, "{mass}");
    // The same formula with the other dots people write.
    for written in ["4MgCO3.Mg(OH)2.5H2O", "4MgCO3•Mg(OH)2•5H2O"] {
        assert_eq!(parse_formula(written), Ok(basic.clone()), "{written}");
    }
    // A coefficient on the first part alone, as in "2MgO", doubles everything.
    let two = parse_formula("2MgO").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((two.count("Mg"), two.count("O")), (2, 2));
    // A part that is only a number, or a count of 0 or beyond u32, is refused with its place.
    assert_eq!(parse_formula("MgO·4"), Err(FormulaError::Empty));
    assert_eq!(parse_formula("0MgO"), Err(FormulaError::BadCount(0)));
    assert_eq!(parse_formula("MgO·0H2O"), Err(FormulaError::BadCount(5)));
    assert_eq!(parse_formula("Mg0"), Err(FormulaError::BadCount(2)));
    assert_eq!(
        parse_formula("Mg99999999999"),
        Err(FormulaError::BadCount(2))
    );
    assert!(matches!(
        parse_formula("4000000000Mg2"),
        Err(FormulaError::BadCount(_))
    ));
    assert!(matches!(
        parse_formula("(Mg65536)65536"),
        Err(FormulaError::BadCount(_))
    ));
    // Offsets count from the start of the whole formula, past a two-byte middle dot.
    assert_eq!(
        parse_formula("MgO·H2 O"),
        Err(FormulaError::Unexpected(' ', 7))
    );
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
    fn formula_like_text_is_read_or_refused_without_panicking(
        text in "[0-9]{0,12}(Mg|O|H|C|\\(|\\)|[0-9]{1,11}|·|\\.){0,12}"
    ) {
        if let Ok(composition) = parse_formula(&text) {
            prop_assert!(composition.molar_mass_g_per_mol().is_ok_and(|m| m > 0.0));
        }
    }

    #[test]
    fn the_label_check_never_questions_a_compound_weight_and_only_lowers_the_figure(
        amount in 0.0f64..10_000.0,
        index in 0usize..15,
        variant in any::<prop::sample::Index>(),
    ) {
        let f = &FORMS[index];
        let salt = variant.get(f.variants);
        prop_assert_eq!(label_check(f, salt, amount, DoseBasis::Compound), None);
        match label_check(f, salt, amount, DoseBasis::Elemental) {
            Some(hint) => {
                prop_assert!(amount >= LABEL_CHECK_MIN_MG);
                prop_assert!(hint.elemental_mg_if_compound < amount);
            }
            None => prop_assert!(
                amount < LABEL_CHECK_MIN_MG || fraction_of(f) >= LABEL_CHECK_MAX_FRACTION
            ),
        }
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
