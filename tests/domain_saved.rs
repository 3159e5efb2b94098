//! Saved settings and plans: the current formats round-trip, every released format stays
//! readable through its fixture, and unreadable text is refused with a reason instead of being
//! guessed at.

use magnesium_planner::domain::clock::ClockTime;
use magnesium_planner::domain::medicines::{Medicine, MedicineGroup};
use magnesium_planner::domain::plan::TimeOfDay;
use magnesium_planner::domain::saved::{PLAN_BOOK_VERSION, SETTINGS_VERSION};
use magnesium_planner::domain::{
    AgeYears, Authority, DecodeError, Profile, Settings, Sex, Stage, decode_plan_book,
    decode_settings, encode_plan_book, encode_settings,
};

fn at(text: &str) -> ClockTime {
    ClockTime::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

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

/// Settings exactly as version 2 wrote them: version 1's fields and the person's medicines.
/// Never edit this: add a fixture per new version instead.
const SETTINGS_V2_FIXTURE: &str = r#"{"version":2,"data":{"profile":{"age_years":54.0,"sex":"female","stage":"none"},"authority":"us","kidney_disease":false,"hidden_groups":[1200],"medicines":[{"group":"tetracyclines","time":"08:00"},{"group":"proton-pump-inhibitors","time":null},{"group":"gabapentin","time":"21:30"}]}}"#;

fn v2_settings() -> Settings {
    let age = AgeYears::new(54.0).unwrap_or_else(|e| panic!("{e}"));
    Settings {
        profile: Profile::new(age, Sex::Female, Stage::Neither),
        authority: Authority::Us,
        kidney_disease: false,
        hidden_groups: vec![1200],
        medicines: vec![
            Medicine {
                group: MedicineGroup::Tetracyclines,
                time: Some(at("08:00")),
            },
            Medicine {
                group: MedicineGroup::ProtonPumpInhibitors,
                time: None,
            },
            Medicine {
                group: MedicineGroup::Gabapentin,
                time: Some(at("21:30")),
            },
        ],
        waters: Vec::new(),
        foods: Vec::new(),
        templates: Vec::new(),
        products: Vec::new(),
    }
}

#[test]
fn version_2_fixture_reads_and_is_written_again_as_the_current_version_unchanged() {
    assert_eq!(SETTINGS_VERSION, 4);
    assert_eq!(decode_settings(SETTINGS_V2_FIXTURE), Ok(v2_settings()));
    // Versions 3 and 4 only add lists and fields left out when there are none.
    assert_eq!(
        encode_settings(&v2_settings()),
        SETTINGS_V2_FIXTURE.replacen(r#"{"version":2,"#, r#"{"version":4,"#, 1)
    );
}

#[test]
fn version_1_settings_read_with_no_medicines_and_are_written_as_the_current_version() {
    let settings = decode_settings(SETTINGS_V1_FIXTURE).unwrap_or_else(|e| panic!("{e}"));
    assert!(settings.medicines.is_empty());
    let written = encode_settings(&settings);
    assert!(written.starts_with(r#"{"version":4,"#), "{written}");
    assert!(written.contains(r#""medicines":[]"#), "{written}");
    assert_eq!(decode_settings(&written), Ok(settings));
}

#[test]
fn stored_medicines_are_checked_as_adding_them_would_be() {
    for (from, to, reason) in [
        ("\"tetracyclines\"", "\"aspirin\"", "unknown medicine group"),
        ("\"08:00\"", "\"8:00\"", "unreadable time"),
        ("\"08:00\"", "\"24:00\"", "unreadable time"),
        ("\"08:00\"", "null", "timing rule has no time"),
        ("\"21:30\"", "\"08:00\"", ""),
        (
            r#"{"group":"gabapentin","time":"21:30"}"#,
            r#"{"group":"tetracyclines","time":"08:00"}"#,
            "listed twice",
        ),
    ] {
        let bad = SETTINGS_V2_FIXTURE.replacen(from, to, 1);
        assert_ne!(bad, SETTINGS_V2_FIXTURE, "{from} is in the fixture");
        match decode_settings(&bad) {
            Err(DecodeError::WrongShape(detail)) => assert!(detail.contains(reason), "{detail}"),
            // Gabapentin at 08:00 beside the antibiotic at 08:00 is a fine list.
            Ok(settings) if reason.is_empty() => assert_eq!(settings.medicines.len(), 3),
            other => panic!("{to}: {other:?}"),
        }
    }
    let too_many = format!(
        r#"{{"version":2,"data":{{"profile":{{"age_years":54.0,"sex":"female","stage":"none"}},"authority":"us","medicines":[{}]}}}}"#,
        (0..31)
            .map(|m| format!(r#"{{"group":"oral-iron","time":"10:{m:02}"}}"#))
            .collect::<Vec<_>>()
            .join(",")
    );
    assert!(matches!(
        decode_settings(&too_many),
        Err(DecodeError::WrongShape(detail)) if detail.contains("more medicines")
    ));
}

#[test]
fn current_format_round_trips() {
    let age = AgeYears::new(0.75).unwrap_or_else(|e| panic!("{e}"));
    let settings = Settings {
        profile: Profile::new(age, Sex::Male, Stage::Neither),
        authority: Authority::Dach,
        kidney_disease: true,
        hidden_groups: vec![1200, 1600],
        medicines: vec![
            Medicine {
                group: MedicineGroup::Levothyroxine,
                time: Some(at("06:15")),
            },
            Medicine {
                group: MedicineGroup::LoopAndThiazideDiuretics,
                time: Some(at("23:59")),
            },
        ],
        waters: Vec::new(),
        foods: Vec::new(),
        templates: Vec::new(),
        products: Vec::new(),
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
    assert!(matches!(
        decode_settings(r#"{"version":2,"data":{}}"#),
        Err(DecodeError::WrongShape(_))
    ));
    // A newer version is refused as newer, never half read; version 1 readers refused version
    // 2 the same way.
    assert_eq!(
        decode_settings(r#"{"version":5,"data":{}}"#),
        Err(DecodeError::NewerVersion {
            found: 5,
            newest_known: 4
        })
    );
}

#[test]
fn a_struct_written_as_an_array_is_refused() {
    // The planner writes every struct as an object; serde alone would also read one from an
    // array of its fields, which saved data never holds (`saved/objects_only.rs`).
    let as_array = SETTINGS_V1_FIXTURE.replace(
        r#"{"age_years":16.5,"sex":"female","stage":"lactating"}"#,
        r#"[16.5,"female","lactating"]"#,
    );
    assert_ne!(as_array, SETTINGS_V1_FIXTURE);
    assert!(matches!(
        decode_settings(&as_array),
        Err(DecodeError::WrongShape(_))
    ));
    assert!(decode_settings(SETTINGS_V1_FIXTURE).is_ok());
}

/// Broken text is said to be broken even where it starts as an array or a struct is of the
/// wrong shape before the break: the reader stops at the wrong shape first.
#[test]
fn broken_json_is_not_json_whatever_comes_before_the_break() {
    for text in ["[", "[1,", "[1] x", r#"{"version":1,"data":{"profile":[1,"#] {
        assert!(
            matches!(decode_settings(text), Err(DecodeError::NotJson(_))),
            "{text}"
        );
    }
    assert!(matches!(
        decode_settings("[1]"),
        Err(DecodeError::WrongShape(_))
    ));
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
    assert_eq!(decode_plan(&encode_plan(&plan)), Ok(plan.clone()));
    // The plan key's version 1 read as a book: one plan, "My day".
    let book = decode_plan_book(PLAN_V1_FIXTURE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(book.plans.len(), 1);
    assert_eq!(book.current_plan().name, "My day");
    assert_eq!(book.current_plan().plan, plan);
}

/// The plan book exactly as version 2 wrote it: two plans (one with a part-of-day dose and one
/// with none), and a deletion. Never edit this: add a fixture per new version instead.
const PLAN_BOOK_V2_FIXTURE: &str = r#"{"version":2,"data":{"current":1700000100000,"next_id":1700000100001,"plans":[{"id":0,"name":"Weekday","updated_at_ms":1700000000000.0,"next_id":3,"entries":[{"id":0,"ndb":12016,"portion_label":"1 oz (28.35 g)","portion_grams":28.35,"quantity":1.0,"meal":"snacks"}],"doses":[{"id":1,"form":"citrate","variant":"anhydrous","basis":"compound","amount_mg":500.0,"units":2.0,"time":"bedtime"},{"id":2,"form":"oxide","variant":"anhydrous","basis":"elemental","amount_mg":100.0,"units":1.0,"time":null}]},{"id":1700000100000,"name":"Rest day","updated_at_ms":1700000100000.0,"next_id":0,"entries":[],"doses":[]}],"tombstones":[{"id":5,"deleted_at_ms":1700000050000.0}]}}"#;

#[test]
fn plan_book_version_2_fixture_reads_and_keeps_its_parts_of_the_day() {
    let book = decode_plan_book(PLAN_BOOK_V2_FIXTURE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(book.plans.len(), 2);
    assert_eq!(book.current_plan().name, "Rest day");
    let weekday = &book.plans[0].plan;
    assert_eq!(weekday.doses[0].input.time, Some(TimeOfDay::Bedtime));
    assert_eq!(weekday.doses[1].input.time, None);
    assert_eq!(book.tombstones.len(), 1);
    // Written again as the current version, nothing is lost or changed: only the version
    // number (the day's fields and the waters are left out when empty).
    assert_eq!(PLAN_BOOK_VERSION, 6);
    assert!(
        book.plans
            .iter()
            .all(|p| p.date.is_none() && p.night.is_empty())
    );
    assert_eq!(
        encode_plan_book(&book),
        PLAN_BOOK_V2_FIXTURE.replacen(r#"{"version":2,"#, r#"{"version":6,"#, 1)
    );
}

/// The plan book exactly as version 3 writes it: a dose with a clock time beside one with a
/// part of the day. Never edit this: add a fixture per new version instead.
const PLAN_BOOK_V3_FIXTURE: &str = r#"{"version":3,"data":{"current":0,"next_id":1,"plans":[{"id":0,"name":"My day","updated_at_ms":1700000000000.0,"next_id":2,"entries":[],"doses":[{"id":0,"form":"citrate","variant":"anhydrous","basis":"elemental","amount_mg":200.0,"units":1.0,"time":"21:30"},{"id":1,"form":"oxide","variant":"anhydrous","basis":"elemental","amount_mg":100.0,"units":1.0,"time":"morning"}]}],"tombstones":[]}}"#;

#[test]
fn plan_book_version_3_fixture_reads_clock_times_and_round_trips() {
    let book = decode_plan_book(PLAN_BOOK_V3_FIXTURE).unwrap_or_else(|e| panic!("{e}"));
    let doses = &book.current_plan().plan.doses;
    assert_eq!(doses[0].input.time, Some(TimeOfDay::At(at("21:30"))));
    assert_eq!(doses[1].input.time, Some(TimeOfDay::Morning));
    assert!(
        book.plans.iter().all(|p| p.date.is_none()),
        "read as plans that are not days"
    );
    assert_eq!(
        encode_plan_book(&book),
        PLAN_BOOK_V3_FIXTURE.replacen(r#""version":3"#, r#""version":6"#, 1)
    );
    for bad in ["21:60", "9:30", "21:30:00", "teatime", ""] {
        let text = PLAN_BOOK_V3_FIXTURE.replacen("21:30", bad, 1);
        assert!(
            matches!(decode_plan_book(&text), Err(DecodeError::WrongShape(ref d)) if d.contains("unknown time")),
            "{bad}"
        );
    }
    assert_eq!(
        decode_plan_book(&PLAN_BOOK_V3_FIXTURE.replacen(r#""version":3"#, r#""version":7"#, 1)),
        Err(DecodeError::NewerVersion {
            found: 7,
            newest_known: 6
        })
    );
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

/// The plan book and export files share one stored plan, whose id only the book writes: a book
/// plan without one is refused, not given an id.
#[test]
fn a_book_plan_without_an_id_is_refused() {
    let text = PLAN_BOOK_V3_FIXTURE.replacen(r#"{"id":0,"name""#, r#"{"name""#, 1);
    assert_ne!(text, PLAN_BOOK_V3_FIXTURE, "the fixture's plan lost its id");
    assert_eq!(
        decode_plan_book(&text),
        Err(DecodeError::WrongShape("a plan without an id".into()))
    );
}
