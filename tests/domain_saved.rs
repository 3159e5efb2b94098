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
        })
    );
}

#[test]
fn current_format_round_trips() {
    let age = AgeYears::new(0.75).unwrap_or_else(|e| panic!("{e}"));
    let settings = Settings {
        profile: Profile::new(age, Sex::Male, Stage::Neither),
        authority: Authority::Dach,
    };
    assert_eq!(decode_settings(&encode_settings(&settings)), Ok(settings));
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
