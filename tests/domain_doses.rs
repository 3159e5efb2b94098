//! Supplement doses in the day's plan, the day's totals, the upper-level check per authority and
//! age, when a dose is worth splitting, and doses saved before the defaults became the salts as
//! sold.

use std::sync::OnceLock;

use magnesium_planner::domain::foods::FoodTable;
use magnesium_planner::domain::guidance::{doses_worth_splitting, exceeded_limit};
use magnesium_planner::domain::plan::{
    DayTotals, DoseInput, Meal, Plan, TimeOfDay, portion_options,
};
use magnesium_planner::domain::supplements::{
    DoseBasis, DoseError, compound_mg_for, cost_per_100mg_elemental, form,
};
use magnesium_planner::domain::transfer::{decode_share, encode_share};
use magnesium_planner::domain::{
    AgeYears, Authority, LimitKind, Profile, Sex, Stage, decode_plan, decode_plan_book,
    encode_plan, reference_values,
};

fn table() -> &'static FoodTable {
    static TABLE: OnceLock<FoodTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        FoodTable::parse(include_str!("../data/foods.tsv")).unwrap_or_else(|e| panic!("{e}"))
    })
}

fn dose(form_id: &str, basis: DoseBasis, amount_mg: f64, units: f64) -> DoseInput {
    let variant = form(form_id)
        .map(|f| f.default_variant().id)
        .unwrap_or("anhydrous");
    DoseInput {
        product: None,
        form_id: form_id.to_owned(),
        variant_id: variant.to_owned(),
        basis,
        amount_mg,
        units,
        time: Some(TimeOfDay::Bedtime),
    }
}

#[test]
fn compound_and_elemental_doses_convert_and_add_up() {
    let mut plan = Plan::default();
    let citrate = plan
        .add_dose(dose("citrate", DoseBasis::Compound, 500.0, 3.0))
        .unwrap_or_else(|e| panic!("{e}"));
    plan.add_dose(dose("bisglycinate", DoseBasis::Elemental, 100.0, 2.0))
        .unwrap_or_else(|e| panic!("{e}"));
    let citrate_dose = plan
        .doses
        .iter()
        .find(|d| d.id == citrate)
        .unwrap_or_else(|| panic!());
    // 3 x 500 mg of trimagnesium dicitrate at 16.2 % is 242 mg of magnesium.
    assert_eq!(citrate_dose.elemental_mg.round(), 242.0);
    assert!(citrate_dose.assumption.contains("16.2 %"));
    assert_eq!(plan.supplement_mg().round(), 442.0);

    plan.edit_dose(citrate, dose("citrate", DoseBasis::Elemental, 100.0, 1.0))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.supplement_mg(), 300.0);
    assert_eq!(
        plan.edit_dose(citrate, dose("citrate", DoseBasis::Elemental, -1.0, 1.0)),
        Err(DoseError::NotPositive)
    );
    assert_eq!(
        plan.supplement_mg(),
        300.0,
        "a refused edit changes nothing"
    );
    plan.remove_dose(citrate);
    assert_eq!(plan.supplement_mg(), 200.0);
}

#[test]
fn bad_doses_are_refused_and_change_nothing() {
    let mut plan = Plan::default();
    for bad in [
        dose("oxide", DoseBasis::Elemental, 0.0, 1.0),
        dose("oxide", DoseBasis::Elemental, f64::NAN, 1.0),
        dose("oxide", DoseBasis::Elemental, 200.0, 0.0),
        dose("oxide", DoseBasis::Elemental, 200.0, -1.0),
        dose("oxide", DoseBasis::Elemental, 2600.0, 2.0),
        dose("unobtainium", DoseBasis::Elemental, 200.0, 1.0),
    ] {
        assert!(plan.add_dose(bad.clone()).is_err(), "{bad:?}");
    }
    assert!(plan.doses.is_empty());
    assert_eq!(plan.next_id, 0, "refusals use no ids");
}

#[test]
fn day_totals_with_and_without_doses() {
    let mut plan = Plan::default();
    let seeds = table().by_ndb(12016).unwrap_or_else(|| panic!());
    let ounce = portion_options(seeds)
        .into_iter()
        .find(|p| p.label == "1 oz (28.35 g)")
        .unwrap_or_else(|| panic!());
    plan.add_food(12016, ounce, 1.0, Meal::Snacks)
        .unwrap_or_else(|e| panic!("{e}"));
    let food_only = DayTotals::of(&plan, table());
    assert_eq!(food_only.total_display(), "156 mg");
    assert_eq!(food_only.percent_of(310), Some(50.0));
    assert_eq!(food_only.gap_mg(310).round(), 154.0);

    plan.add_dose(dose("oxide", DoseBasis::Elemental, 200.0, 1.0))
        .unwrap_or_else(|e| panic!("{e}"));
    let both = DayTotals::of(&plan, table());
    assert_eq!(both.total_display(), "356 mg");
    assert_eq!(both.supplement_mg, 200.0);
    assert_eq!(both.gap_mg(310), 0.0);
    assert_eq!(both.percent_of(0), None);
}

fn limit_exceeded(authority: Authority, age: f64, supplement_mg: f64) -> Option<(u32, LimitKind)> {
    let age = AgeYears::new(age).unwrap_or_else(|e| panic!("{e}"));
    let values = reference_values(authority, &Profile::new(age, Sex::Female, Stage::Neither));
    exceeded_limit(supplement_mg, &values.supplement_limit)
}

#[test]
fn the_upper_level_check_follows_authority_and_age() {
    assert_eq!(
        limit_exceeded(Authority::Us, 30.0, 350.0),
        None,
        "at the level is not above it"
    );
    assert_eq!(
        limit_exceeded(Authority::Us, 30.0, 351.0),
        Some((350, LimitKind::UpperLevel))
    );
    assert_eq!(
        limit_exceeded(Authority::Us, 2.0, 66.0),
        Some((65, LimitKind::UpperLevel))
    );
    assert_eq!(limit_exceeded(Authority::Us, 6.0, 100.0), None);
    assert_eq!(
        limit_exceeded(Authority::Us, 6.0, 111.0),
        Some((110, LimitKind::UpperLevel))
    );
    assert_eq!(
        limit_exceeded(Authority::Us, 0.5, 1000.0),
        None,
        "no level for infants"
    );
    assert_eq!(
        limit_exceeded(Authority::Eu, 30.0, 251.0),
        Some((250, LimitKind::UpperLevel))
    );
    assert_eq!(limit_exceeded(Authority::Eu, 3.0, 251.0), None);
    assert_eq!(
        limit_exceeded(Authority::Dach, 30.0, 300.0),
        Some((250, LimitKind::UpperLevel))
    );
    assert_eq!(
        limit_exceeded(Authority::Uk, 30.0, 401.0),
        Some((400, LimitKind::GuidanceLevel))
    );
    assert_eq!(limit_exceeded(Authority::Uk, 12.0, 401.0), None);
}

#[test]
fn only_large_single_doses_are_worth_splitting() {
    let mut plan = Plan::default();
    plan.add_dose(dose("citrate", DoseBasis::Elemental, 250.0, 1.0))
        .unwrap_or_else(|e| panic!("{e}"));
    plan.add_dose(dose("citrate", DoseBasis::Elemental, 200.0, 1.0))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        doses_worth_splitting(&plan).is_empty(),
        "two doses of 250 and 200 are already split"
    );
    let big = plan
        .add_dose(dose("oxide", DoseBasis::Elemental, 150.0, 2.0))
        .unwrap_or_else(|e| panic!("{e}"));
    let flagged: Vec<_> = doses_worth_splitting(&plan).iter().map(|d| d.id).collect();
    assert_eq!(flagged, [big]);
}

#[test]
fn doses_survive_saving_and_are_rechecked_on_reading() {
    let mut plan = Plan::default();
    plan.add_dose(dose("sulfate", DoseBasis::Compound, 1000.0, 1.0))
        .unwrap_or_else(|e| panic!("{e}"));
    let text = encode_plan(&plan);
    assert_eq!(decode_plan(&text), Ok(plan));
    let absurd = text.replace("\"amount_mg\":1000.0", "\"amount_mg\":1e9");
    assert_ne!(absurd, text);
    assert!(decode_plan(&absurd).is_err());
    let unknown = text.replace("\"sulfate\"", "\"kryptonite\"");
    assert!(decode_plan(&unknown).is_err());
}

#[test]
fn the_comparison_gives_salt_weights_and_costs() {
    let oxide = form("oxide")
        .map(|f| *f.default_variant())
        .unwrap_or_else(|| panic!());
    assert_eq!(compound_mg_for(200.0, &oxide).map(f64::round), Ok(332.0));
    // 30 capsules of 250 mg for 9.00: 100 mg costs 0.12.
    assert_eq!(
        cost_per_100mg_elemental(9.0, 30.0, 250.0).map(|c| (c * 100.0).round()),
        Some(12.0)
    );
    assert_eq!(cost_per_100mg_elemental(9.0, 0.0, 250.0), None);
    assert_eq!(cost_per_100mg_elemental(f64::NAN, 30.0, 250.0), None);
}

#[test]
fn a_new_chloride_dose_by_the_salts_weight_counts_the_hexahydrate() {
    let mut plan = Plan::default();
    let id = plan
        .add_dose(dose("chloride", DoseBasis::Compound, 1000.0, 1.0))
        .unwrap_or_else(|e| panic!("{e}"));
    let chloride = plan
        .doses
        .iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!());
    assert_eq!(chloride.input.variant_id, "hexahydrate");
    // 1,000 mg of MgCl2·6H2O at 12.0 % is 120 mg of magnesium, not the anhydrous 255 mg.
    assert_eq!(chloride.elemental_mg.round(), 120.0);
    assert!(
        chloride
            .assumption
            .contains("magnesium chloride hexahydrate, 12.0 %"),
        "{}",
        chloride.assumption
    );
    // Lactate, gluconate and carbonate likewise count the salt as sold.
    for (form_id, expected_mg) in [
        ("lactate", 102.0),
        ("gluconate", 54.0),
        ("carbonate", 250.0),
    ] {
        let id = plan
            .add_dose(dose(form_id, DoseBasis::Compound, 1000.0, 1.0))
            .unwrap_or_else(|e| panic!("{e}"));
        let mg = plan
            .doses
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.elemental_mg);
        assert_eq!(mg.map(f64::round), Some(expected_mg), "{form_id}");
    }
}

/// One plan as format 1 stored it, with a chloride dose saved while anhydrous MgCl2 was the
/// default. Never edit this.
const CHLORIDE_ANHYDROUS_PLAN_V1: &str = r#"{"version":1,"data":{"next_id":1,"entries":[],"doses":[{"id":0,"form":"chloride","variant":"anhydrous","basis":"compound","amount_mg":1000.0,"units":1.0,"time":null}]}}"#;

/// The book of plans as format 2 stored it, with the same dose. Never edit this.
const CHLORIDE_ANHYDROUS_BOOK_V2: &str = r#"{"version":2,"data":{"current":1,"next_id":2,"plans":[{"id":1,"name":"My day","updated_at_ms":1700000000000.0,"next_id":1,"entries":[],"doses":[{"id":0,"form":"chloride","variant":"anhydrous","basis":"compound","amount_mg":1000.0,"units":1.0,"time":"bedtime"}]}],"tombstones":[]}}"#;

#[test]
fn a_dose_saved_as_anhydrous_chloride_keeps_its_number() {
    // No stored number changes silently: the dose keeps the variant it was entered with.
    let plan = decode_plan(CHLORIDE_ANHYDROUS_PLAN_V1).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.doses[0].input.variant_id, "anhydrous");
    assert_eq!(plan.doses[0].elemental_mg.round(), 255.0);
    assert!(plan.doses[0].assumption.contains("anhydrous, 25.5 %"));
    assert_eq!(decode_plan(&encode_plan(&plan)), Ok(plan.clone()));

    let book = decode_plan_book(CHLORIDE_ANHYDROUS_BOOK_V2).unwrap_or_else(|e| panic!("{e}"));
    let stored = &book.plans[0].plan;
    assert_eq!(stored.doses[0].input.variant_id, "anhydrous");
    assert_eq!(stored.supplement_mg().round(), 255.0);

    // A share link carries the variant too.
    let (_, shared) =
        decode_share(&encode_share("My day", &plan)).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(shared.doses[0].input.variant_id, "anhydrous");
    assert_eq!(shared.supplement_mg().round(), 255.0);

    // Editing the saved dose's amount keeps its variant: 500 mg is 128 mg.
    let mut edited = plan.clone();
    let id = edited.doses[0].id;
    let input = DoseInput {
        product: None,
        amount_mg: 500.0,
        ..edited.doses[0].input.clone()
    };
    edited
        .edit_dose(id, input)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(edited.supplement_mg().round(), 128.0);
}
