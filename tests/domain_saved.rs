//! Saved settings: the current format round-trips, every released format stays readable, and
//! unreadable text is refused with a reason instead of being guessed at.

use magnesium_planner::domain::{
    AgeYears, Authority, DecodeError, Profile, Settings, Sex, Stage, decode_settings,
    encode_settings,
};

/// Settings exactly as version 1 of the planner wrote them. Never edit this: add a fixture per
/// new version instead.
const SETTINGS_V1_FIXTURE: &str = r#"{"version":1,"data":{"profile":{"age_years":16.5,"sex":"female","stage":"lactating"},"authority":"uk"}}"#;

#[test]
fn version_1_fixture_still_reads() {
    let settings = decode_settings(SETTINGS_V1_FIXTURE);
    let age = AgeYears::new(16.5).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        settings,
        Ok(Settings {
            profile: Profile::new(age, Sex::Female, Stage::Lactating),
            authority: Authority::Uk,
            ..Settings::default()
        })
    );
}

#[test]
fn current_format_round_trips() {
    let age = AgeYears::new(0.75).unwrap_or_else(|e| panic!("{e}"));
    let settings = Settings {
        profile: Profile::new(age, Sex::Male, Stage::Neither),
        authority: Authority::Dach,
        kidney_disease: true,
        hidden_groups: vec![1200, 1600],
    };
    assert_eq!(
        decode_settings(&encode_settings(&settings)),
        Ok(settings.clone())
    );
    assert_eq!(encode_settings(&settings), encode_settings(&settings));
}

#[test]
fn unreadable_text_is_refused_with_a_reason() {
    assert!(matches!(
        decode_settings("{not json"),
        Err(DecodeError::NotJson(_))
    ));
    assert!(matches!(decode_settings(""), Err(DecodeError::NotJson(_))));
    assert!(matches!(
        decode_settings("[1,2]"),
        Err(DecodeError::WrongShape(_))
    ));
    assert!(matches!(
        decode_settings(r#"{"data":{}}"#),
        Err(DecodeError::WrongShape(_))
    ));
    assert!(matches!(
        decode_settings(r#"{"version":0,"data":{}}"#),
        Err(DecodeError::WrongShape(_))
    ));
    assert!(matches!(
        decode_settings(r#"{"version":1,"data":{}}"#),
        Err(DecodeError::WrongShape(_))
    ));
    let negative_age = SETTINGS_V1_FIXTURE.replace("16.5", "-3");
    assert!(matches!(
        decode_settings(&negative_age),
        Err(DecodeError::WrongShape(_))
    ));
    let unknown_authority = SETTINGS_V1_FIXTURE.replace("\"uk\"", "\"mars\"");
    assert!(matches!(
        decode_settings(&unknown_authority),
        Err(DecodeError::WrongShape(_))
    ));
    assert_eq!(
        decode_settings(r#"{"version":2,"data":{}}"#),
        Err(DecodeError::NewerVersion {
            found: 2,
            newest_known: 1
        })
    );
}

#[test]
fn a_stored_pregnant_male_is_corrected_on_reading() {
    let odd = SETTINGS_V1_FIXTURE.replace("\"female\"", "\"male\"");
    let settings = decode_settings(&odd).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(settings.profile.stage, Stage::Neither);
}

/// A plan exactly as version 1 of the planner wrote it. Never edit this: add a fixture per new
/// version instead.
const PLAN_V1_FIXTURE: &str = r#"{"version":1,"data":{"next_id":3,"entries":[{"id":0,"ndb":12016,"portion_label":"1 oz (28.35 g)","portion_grams":28.35,"quantity":1.0,"meal":"snacks"},{"id":2,"ndb":11458,"portion_label":"1 cup (180 g)","portion_grams":180.0,"quantity":0.5,"meal":"dinner"}]}}"#;

#[test]
fn plan_version_1_fixture_still_reads_and_round_trips() {
    use magnesium_planner::domain::plan::Meal;
    use magnesium_planner::domain::{decode_plan, encode_plan};
    let plan = decode_plan(PLAN_V1_FIXTURE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.next_id, 3);
    assert_eq!(plan.entries.len(), 2);
    assert_eq!(plan.entries[1].meal, Meal::Dinner);
    assert_eq!(plan.entries[1].grams(), 90.0);
    assert_eq!(decode_plan(&encode_plan(&plan)), Ok(plan));
}

#[test]
fn plans_with_bad_numbers_or_ids_are_refused() {
    use magnesium_planner::domain::decode_plan;
    for (from, to) in [
        ("\"quantity\":1.0", "\"quantity\":-1.0"),
        ("\"quantity\":1.0", "\"quantity\":1e9"),
        ("\"portion_grams\":28.35", "\"portion_grams\":0"),
        ("\"meal\":\"snacks\"", "\"meal\":\"elevenses\""),
        ("\"id\":2", "\"id\":0"),
        ("\"next_id\":3", "\"next_id\":1"),
        ("\"ndb\":12016", "\"ndb\":\"12016\""),
    ] {
        let bad = PLAN_V1_FIXTURE.replacen(from, to, 1);
        assert_ne!(bad, PLAN_V1_FIXTURE, "{from} is in the fixture");
        assert!(
            matches!(decode_plan(&bad), Err(DecodeError::WrongShape(_))),
            "{to}"
        );
    }
    assert!(matches!(
        decode_plan(r#"{"version":9,"data":{}}"#),
        Err(DecodeError::NewerVersion { .. })
    ));
}

#[test]
fn id_counters_beyond_exact_json_numbers_are_refused() {
    use magnesium_planner::domain::decode_plan;
    let huge = PLAN_V1_FIXTURE.replace("\"next_id\":3", "\"next_id\":18446744073709551615");
    assert!(matches!(
        decode_plan(&huge),
        Err(DecodeError::WrongShape(_))
    ));
}
