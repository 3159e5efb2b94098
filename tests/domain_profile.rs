//! Reading ages as people type them, and the rules a profile keeps.

use magnesium_planner::domain::choice::Choice;
use magnesium_planner::domain::{
    AgeError, AgeYears, Authority, Profile, Sex, Stage, reference_values,
};
use proptest::prelude::*;

fn years(text: &str) -> Result<f64, AgeError> {
    AgeYears::parse(text).map(AgeYears::years)
}

#[test]
fn reads_plain_and_decimal_ages() {
    assert_eq!(years("34"), Ok(34.0));
    assert_eq!(years(" 0.5 "), Ok(0.5));
    assert_eq!(years("0,5"), Ok(0.5));
    assert_eq!(years("120"), Ok(120.0));
    assert_eq!(years("0"), Ok(0.0));
    assert_eq!(years("-0"), Ok(0.0));
}

#[test]
fn refuses_bad_ages_with_a_reason() {
    assert_eq!(years(""), Err(AgeError::Empty));
    assert_eq!(years("   "), Err(AgeError::Empty));
    assert_eq!(years("-1"), Err(AgeError::Negative));
    assert_eq!(years("120.01"), Err(AgeError::TooOld));
    assert_eq!(years("1e300"), Err(AgeError::TooOld));
    for text in [
        "NaN", "nan", "inf", "-inf", "infinity", "abc", "3 4", "٣٤", "３４", "1.2.3", "12🙂", "--1",
    ] {
        assert_eq!(years(text), Err(AgeError::NotANumber), "{text:?}");
    }
    for error in [
        AgeError::Empty,
        AgeError::NotANumber,
        AgeError::Negative,
        AgeError::TooOld,
    ] {
        assert!(
            error.to_string().ends_with('.'),
            "{error:?} reads as a sentence"
        );
    }
}

#[test]
fn ages_print_as_people_write_them() {
    let show = |y: f64| AgeYears::new(y).map(|a| a.to_string());
    assert_eq!(show(34.0), Ok("34".to_owned()));
    assert_eq!(show(0.5), Ok("0.5".to_owned()));
    assert_eq!(show(-0.0), Ok("0".to_owned()));
}

proptest! {
    #[test]
    fn parsing_any_text_never_panics(text in "\\PC{0,24}") {
        let _ = AgeYears::parse(&text);
    }

    #[test]
    fn every_valid_age_round_trips_through_its_text(hundredths in 0u32..=12_000) {
        let age = AgeYears::new(f64::from(hundredths) / 100.0).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(AgeYears::parse(&age.to_string()), Ok(age));
    }

    #[test]
    fn every_profile_gets_values_from_every_authority(
        hundredths in 0u32..=12_000,
        female in any::<bool>(),
        stage in prop::sample::select(Stage::ALL.to_vec()),
        authority in prop::sample::select(Authority::ALL.to_vec()),
    ) {
        let age = AgeYears::new(f64::from(hundredths) / 100.0).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let sex = if female { Sex::Female } else { Sex::Male };
        let profile = Profile::new(age, sex, stage);
        let values = reference_values(authority, &profile);
        match values.intake {
            Some(intake) => prop_assert!(intake.mg >= 24 && intake.mg <= 420),
            None => {
                // Only EFSA leaves a gap, and only before 7 months.
                prop_assert_eq!(authority, Authority::Eu);
                prop_assert!(age.months() < 7.0);
                prop_assert!(values.intake_missing_reason.is_some());
            }
        }
        if let Some(mg) = values.supplement_limit.mg() {
            prop_assert!(age.years() >= 1.0 && mg >= 65);
        }
    }
}
