//! Quick add: recent foods and favourites keep their portion and quantity, stay de-duplicated
//! and within their limits, pick the meal by the hour at every boundary, and their saved format
//! round-trips and keeps reading what version 1 wrote.

use magnesium_planner::domain::DecodeError;
use magnesium_planner::domain::plan::{Meal, PortionOption, QuantityError};
use magnesium_planner::domain::quick::{
    FAVOURITE_LIMIT, FavouriteError, QuickFood, QuickFoods, RECENT_LIMIT, decode_quick_foods,
    encode_quick_foods, meal_for_hour,
};
use proptest::prelude::*;

fn portion(label: &str, grams: f64) -> PortionOption {
    PortionOption {
        label: label.to_owned(),
        grams,
    }
}

fn food(ndb: u32, label: &str, grams: f64, quantity: f64) -> QuickFood {
    QuickFood::new(ndb, portion(label, grams), quantity).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_hour_of_the_day_has_its_meal_and_each_boundary_belongs_to_the_meal_it_starts() {
    let expected = [
        (0, Meal::Snacks),
        (4, Meal::Snacks),
        (5, Meal::Breakfast),
        (10, Meal::Breakfast),
        (11, Meal::Lunch),
        (14, Meal::Lunch),
        (15, Meal::Snacks),
        (16, Meal::Snacks),
        (17, Meal::Dinner),
        (21, Meal::Dinner),
        (22, Meal::Snacks),
        (23, Meal::Snacks),
    ];
    for (hour, meal) in expected {
        assert_eq!(meal_for_hour(hour), meal, "{hour}:00");
    }
    // The whole day, hour by hour, changes meal exactly at the documented boundaries.
    let changes: Vec<u32> = (1..24)
        .filter(|&h| meal_for_hour(h) != meal_for_hour(h - 1))
        .collect();
    assert_eq!(changes, vec![5, 11, 15, 17, 22]);
    // Past midnight wraps around.
    assert_eq!(meal_for_hour(24 + 12), Meal::Lunch);
}

#[test]
fn recent_foods_are_most_recent_first_without_duplicates_and_keep_the_last_portion() {
    let mut quick = QuickFoods::default();
    quick.record_use(food(12061, "1 oz (28.35 g)", 28.35, 1.0));
    quick.record_use(food(11458, "1 cup (180 g)", 180.0, 0.5));
    quick.record_use(food(12061, "1 cup, whole (143 g)", 143.0, 2.0));
    let ndbs: Vec<u32> = quick.recent().iter().map(|f| f.ndb).collect();
    assert_eq!(ndbs, vec![12061, 11458]);
    assert_eq!(quick.recent()[0].portion.label, "1 cup, whole (143 g)");
    assert_eq!(quick.recent()[0].quantity, 2.0);
    assert_eq!(quick.recent()[0].grams(), 286.0);
}

#[test]
fn recent_foods_stop_at_the_limit_dropping_the_oldest() {
    let mut quick = QuickFoods::default();
    for ndb in 0..(RECENT_LIMIT as u32 + 3) {
        quick.record_use(food(ndb, "100 g", 100.0, 1.0));
    }
    assert_eq!(quick.recent().len(), RECENT_LIMIT);
    assert_eq!(quick.recent()[0].ndb, RECENT_LIMIT as u32 + 2);
    assert!(
        quick.recent().iter().all(|f| f.ndb >= 3),
        "the three oldest dropped off"
    );
}

#[test]
fn favourites_toggle_keep_their_place_and_refuse_one_beyond_the_limit() {
    let mut quick = QuickFoods::default();
    assert_eq!(
        quick.set_favourite(food(1, "100 g", 100.0, 1.0), true),
        Ok(())
    );
    assert_eq!(
        quick.set_favourite(food(2, "100 g", 100.0, 1.0), true),
        Ok(())
    );
    // Starring again updates the portion in place.
    assert_eq!(quick.set_favourite(food(1, "1 g", 1.0, 30.0), true), Ok(()));
    assert_eq!(
        quick.favourites().iter().map(|f| f.ndb).collect::<Vec<_>>(),
        vec![1, 2]
    );
    assert_eq!(quick.favourites()[0].portion.label, "1 g");
    assert!(quick.is_favourite(2));
    assert_eq!(
        quick.set_favourite(food(2, "100 g", 100.0, 1.0), false),
        Ok(())
    );
    assert!(!quick.is_favourite(2));

    for ndb in 100..(100 + FAVOURITE_LIMIT as u32 - 1) {
        assert_eq!(
            quick.set_favourite(food(ndb, "100 g", 100.0, 1.0), true),
            Ok(())
        );
    }
    assert_eq!(quick.favourites().len(), FAVOURITE_LIMIT);
    assert_eq!(
        quick.set_favourite(food(7, "100 g", 100.0, 1.0), true),
        Err(FavouriteError::Full {
            limit: FAVOURITE_LIMIT
        })
    );
    assert!(!quick.is_favourite(7));
    // A food already starred can still be updated, and any can be unstarred.
    assert_eq!(
        quick.set_favourite(food(1, "100 g", 100.0, 2.0), true),
        Ok(())
    );
    assert_eq!(
        quick.set_favourite(food(1, "100 g", 100.0, 2.0), false),
        Ok(())
    );
    assert_eq!(quick.favourites().len(), FAVOURITE_LIMIT - 1);
}

#[test]
fn quick_foods_refuse_what_a_plan_entry_would_refuse() {
    assert_eq!(
        QuickFood::new(1, portion("1 cup", 100.0), 0.0),
        Err(QuantityError::NotPositive)
    );
    assert!(matches!(
        QuickFood::new(1, portion("1 cup", 100.0), 5_000.0),
        Err(QuantityError::TooMuch { .. })
    ));
    assert!(QuickFood::new(1, portion("nothing", 0.0), 1.0).is_err());
    assert!(QuickFood::new(1, portion("NaN", f64::NAN), 1.0).is_err());
    assert!(QuickFood::new(1, portion("1 cup", 100.0), f64::NAN).is_err());
}

/// Both lists exactly as version 1 of the quick-add format wrote them. Never edit this: add a
/// fixture per new version instead.
const QUICK_FOODS_V1_FIXTURE: &str = r#"{"version":1,"data":{"recent":[{"ndb":20037,"portion_label":"1 cup (195 g)","portion_grams":195.0,"quantity":1.0},{"ndb":12061,"portion_label":"1 oz (28.35 g)","portion_grams":28.35,"quantity":0.5}],"favourites":[{"ndb":11458,"portion_label":"1 cup (180 g)","portion_grams":180.0,"quantity":2.0}]}}"#;

#[test]
fn version_1_fixture_still_reads_and_round_trips() {
    let quick = decode_quick_foods(QUICK_FOODS_V1_FIXTURE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        quick.recent(),
        &[
            food(20037, "1 cup (195 g)", 195.0, 1.0),
            food(12061, "1 oz (28.35 g)", 28.35, 0.5)
        ]
    );
    assert_eq!(
        quick.favourites(),
        &[food(11458, "1 cup (180 g)", 180.0, 2.0)]
    );
    assert_eq!(encode_quick_foods(&quick), QUICK_FOODS_V1_FIXTURE);
}

#[test]
fn either_list_may_be_missing() {
    let quick = decode_quick_foods(r#"{"version":1,"data":{}}"#).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(quick, QuickFoods::default());
}

#[test]
fn damaged_or_newer_quick_foods_are_refused_with_a_reason() {
    for (from, to) in [
        ("\"quantity\":1.0", "\"quantity\":-1.0"),
        ("\"quantity\":1.0", "\"quantity\":1e9"),
        ("\"portion_grams\":195.0", "\"portion_grams\":0"),
        ("\"ndb\":12061", "\"ndb\":20037"),
        ("\"ndb\":20037", "\"ndb\":\"20037\""),
        ("\"recent\":[", "\"recent\":{"),
    ] {
        let bad = QUICK_FOODS_V1_FIXTURE.replacen(from, to, 1);
        assert_ne!(bad, QUICK_FOODS_V1_FIXTURE, "{from} is in the fixture");
        assert!(
            matches!(
                decode_quick_foods(&bad),
                Err(DecodeError::WrongShape(_) | DecodeError::NotJson(_))
            ),
            "{to}"
        );
    }
    assert!(matches!(
        decode_quick_foods("{oops"),
        Err(DecodeError::NotJson(_))
    ));
    assert!(matches!(
        decode_quick_foods("[]"),
        Err(DecodeError::WrongShape(_))
    ));
    let too_many = format!(
        r#"{{"version":1,"data":{{"recent":[{}]}}}}"#,
        (0..101)
            .map(|n| format!(
                r#"{{"ndb":{n},"portion_label":"100 g","portion_grams":100,"quantity":1}}"#
            ))
            .collect::<Vec<_>>()
            .join(",")
    );
    assert!(matches!(
        decode_quick_foods(&too_many),
        Err(DecodeError::WrongShape(_))
    ));
    assert_eq!(
        decode_quick_foods(r#"{"version":2,"data":{}}"#),
        Err(DecodeError::NewerVersion {
            found: 2,
            newest_known: 1
        })
    );
}

/// Weights and quantities with at most two decimals, as the food table and typed quantities
/// have them (JSON reading is exact for those; arbitrary binary fractions are not the question).
fn any_quick_food() -> impl Strategy<Value = QuickFood> {
    (0u32..40, "[a-z0-9 ()]{1,20}", 10u32..50_000, 10u32..5_000).prop_map(
        |(ndb, label, centigrams, centiquantity)| {
            let (grams, quantity) = (
                f64::from(centigrams) / 100.0,
                f64::from(centiquantity) / 100.0,
            );
            QuickFood::new(ndb, portion(&label, grams), quantity).unwrap_or_else(|e| panic!("{e}"))
        },
    )
}

proptest! {
    #[test]
    fn any_sequence_of_uses_and_stars_round_trips_and_keeps_the_rules(
        steps in prop::collection::vec((any_quick_food(), 0u8..3), 0..60)
    ) {
        let mut quick = QuickFoods::default();
        for (food, what) in steps {
            match what {
                0 => quick.record_use(food.clone()),
                1 => { let _ = quick.set_favourite(food.clone(), true); }
                _ => { let _ = quick.set_favourite(food.clone(), false); }
            }
            if what == 0 {
                prop_assert_eq!(&quick.recent()[0], &food);
            }
        }
        prop_assert!(quick.recent().len() <= RECENT_LIMIT);
        prop_assert!(quick.favourites().len() <= FAVOURITE_LIMIT);
        for list in [quick.recent(), quick.favourites()] {
            let mut ndbs: Vec<u32> = list.iter().map(|f| f.ndb).collect();
            ndbs.sort_unstable();
            ndbs.dedup();
            prop_assert_eq!(ndbs.len(), list.len());
        }
        prop_assert_eq!(decode_quick_foods(&encode_quick_foods(&quick)), Ok(quick));
    }
}
