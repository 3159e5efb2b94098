//! Water drunk in a day and the waters a person keeps (issue 13, item 2): the amounts, what
//! they add to a day and to nothing else, the formats that carry them (plan book 5, settings
//! 3, export 4, share 3) and the migrations from the versions before, each with a fixture.

use std::rc::Rc;

use magnesium_planner::domain::diary::CalendarDate;
use magnesium_planner::domain::foods::FoodTable;
use magnesium_planner::domain::library::{
    AmountError, Kept, MAX_SAVED_WATERS, MAX_WATER_LITRES, Water, WaterUnit, add_missing_by_name,
    keep_water, read_water_amount,
};
use magnesium_planner::domain::plan::{DayTotals, Meal, Plan, PortionOption, WaterDrunk};
use magnesium_planner::domain::plan_book::PlanBook;
use magnesium_planner::domain::saved::{
    PLAN_BOOK_VERSION, SETTINGS_VERSION, decode_plan_book, decode_settings, encode_plan_book,
    encode_settings,
};
use magnesium_planner::domain::transfer::{
    EXPORT_VERSION, SHARE_VERSION, add_imported_days, decode_export, decode_share, encode_export,
    encode_share,
};
use magnesium_planner::domain::{Authority, Settings};
use proptest::prelude::*;

fn water(name: &str, mg_per_litre: f64) -> Water {
    Water::check(name, mg_per_litre).unwrap_or_else(|e| panic!("{e:?}"))
}

fn drunk(name: &str, mg_per_litre: f64, litres: f64) -> WaterDrunk {
    WaterDrunk::new(water(name, mg_per_litre), litres).unwrap_or_else(|e| panic!("{e:?}"))
}

fn date(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn a_mineral_water_counts_as_food_and_never_as_a_supplement() {
    let mut plan = Plan::default();
    plan.add_water(drunk("Mineral water", 100.0, 1.5));
    let totals = DayTotals::of(&plan, &FoodTable::default());
    assert_eq!(totals.water_mg, 150.0);
    assert_eq!(totals.food.known_mg, 150.0);
    assert_eq!(totals.supplement_mg, 0.0);
    assert_eq!(totals.total_mg(), 150.0);
    assert!(totals.food.is_complete());
}

#[test]
fn amounts_are_read_in_litres_or_glasses_of_250_ml() {
    assert_eq!(read_water_amount("1.5", WaterUnit::Litres), Ok(1.5));
    assert_eq!(read_water_amount("6", WaterUnit::Glasses), Ok(1.5));
    assert_eq!(read_water_amount("1,5", WaterUnit::Litres), Ok(1.5));
    assert_eq!(
        read_water_amount("0", WaterUnit::Glasses),
        Err(AmountError::TooSmall {
            zero_allowed: false
        })
    );
    assert_eq!(
        read_water_amount("", WaterUnit::Litres),
        Err(AmountError::Empty)
    );
    assert_eq!(
        read_water_amount("41", WaterUnit::Glasses),
        Err(AmountError::TooLarge { max: 40.0 })
    );
    assert_eq!(
        read_water_amount("10.5", WaterUnit::Litres),
        Err(AmountError::TooLarge {
            max: MAX_WATER_LITRES
        })
    );
    assert!(WaterDrunk::new(water("Tap", 10.0), f64::NAN).is_err());
    assert!(WaterDrunk::new(water("Tap", 10.0), -1.0).is_err());
}

#[test]
fn waters_are_refused_with_a_reason_for_each_field() {
    let long = "w".repeat(81);
    let refused = Water::from_text(&long, "3000").unwrap_err();
    assert!(refused.name.is_some());
    assert_eq!(refused.amounts.len(), 1);
    assert_eq!(
        Water::from_text("  ", "12").map(|w| w.name),
        Ok("Water".to_owned())
    );
    assert!(Water::check("", 12.0).is_err());
    assert!(Water::check("Tap", f64::INFINITY).is_err());
    assert!(Water::check("Tap", -1.0).is_err());
    assert_eq!(water("Tap \u{202E}water", 0.0).name, "Tap water");
}

#[test]
fn a_name_is_kept_once_and_the_list_has_a_limit() {
    let mut saved = Vec::new();
    assert_eq!(
        keep_water(&mut saved, water("Tap water", 12.0)),
        Kept::Added
    );
    assert_eq!(
        keep_water(&mut saved, water("tap WATER", 14.0)),
        Kept::Replaced
    );
    assert_eq!(saved, [water("tap WATER", 14.0)]);
    for i in 1..MAX_SAVED_WATERS {
        assert_eq!(
            keep_water(&mut saved, water(&format!("Bottle {i}"), 50.0)),
            Kept::Added
        );
    }
    assert_eq!(
        keep_water(&mut saved, water("One more", 1.0)),
        Kept::ListFull
    );
    assert_eq!(saved.len(), MAX_SAVED_WATERS);
}

#[test]
fn an_import_adds_waters_it_lacks_and_never_changes_a_saved_one() {
    let mut saved = vec![water("Tap water", 12.0)];
    let incoming = [water("TAP WATER", 99.0), water("Spa", 4.0)];
    assert_eq!(
        add_missing_by_name(&mut saved, &incoming, MAX_SAVED_WATERS),
        1
    );
    assert_eq!(saved, [water("Tap water", 12.0), water("Spa", 4.0)]);
}

#[test]
fn removing_a_water_is_remembered_so_a_merge_does_not_bring_it_back() {
    let mut book = PlanBook::default();
    book.change_current(1.0, |plan| {
        plan.add_water(drunk("Tap", 10.0, 1.0));
    });
    let before_removal = book.clone();
    let id = book.current_plan().plan.waters[0].id;
    book.change_current(2.0, |plan| plan.remove_water(id));
    assert!(book.current_plan().plan.waters.is_empty());
    assert!(book.current_plan().removed.contains(&id));
    let merged = book.merge(&before_removal);
    assert!(merged.current_plan().plan.waters.is_empty());
}

#[test]
fn two_tabs_that_each_added_a_water_keep_both() {
    let base = PlanBook::default();
    let mut one = base.clone();
    one.change_current(10.0, |plan| {
        plan.add_water(drunk("Tap", 10.0, 1.0));
    });
    let mut other = base.clone();
    other.change_current(20.0, |plan| {
        plan.add_water(drunk("Spa", 100.0, 0.5));
    });
    let merged = one.merge(&other);
    let plan = &merged.current_plan().plan;
    assert_eq!(plan.waters.len(), 2);
    assert_eq!(plan.water_mg(), 60.0);
    // Ids stay unique after the merge, so the next entry cannot collide.
    assert!(plan.ids().all(|id| id < plan.next_id));
}

#[test]
fn copying_the_day_before_copies_its_water() {
    let mut book = PlanBook::default();
    book.open_day(date("2026-11-30"), 1.0);
    book.change_current(2.0, |plan| {
        plan.add_water(drunk("Tap", 10.0, 2.0));
    });
    book.open_day(date("2026-12-01"), 3.0);
    let source = book
        .day_before_current()
        .map(|p| p.plan.clone())
        .unwrap_or_else(|| panic!("a water alone makes a day worth copying"));
    book.copy_into_current(&source, 4.0);
    assert_eq!(book.current_plan().plan.water_mg(), 20.0);
}

/// Plan book version 4 exactly as it was written (a day with a night record and a removal);
/// never edit it, add a fixture per new version instead.
const PLAN_BOOK_V4_FIXTURE: &str = r#"{"version":4,"data":{"current":7,"next_id":8,"plans":[{"id":7,"name":"Monday 30 November","updated_at_ms":1764500000000.0,"next_id":3,"entries":[{"id":0,"ndb":12016,"portion_label":"1 oz (28.35 g)","portion_grams":28.35,"quantity":1.0,"meal":"snacks"},{"id":1,"ndb":11458,"portion_label":"1 cup (180 g)","portion_grams":180.0,"quantity":0.5,"meal":"dinner"}],"doses":[],"date":"2026-11-30","night":{"rating":4,"cramps_woke":true,"note":"woke at 3"},"removed":[2]}],"tombstones":[]}}"#;

#[test]
fn plan_book_version_4_reads_without_water_and_is_written_as_the_current_version() {
    assert_eq!(PLAN_BOOK_VERSION, 6);
    let book = decode_plan_book(PLAN_BOOK_V4_FIXTURE).unwrap_or_else(|e| panic!("{e}"));
    let day = book.current_plan();
    assert_eq!(day.date, Some(date("2026-11-30")));
    assert_eq!(day.plan.entries.len(), 2);
    assert!(day.plan.waters.is_empty());
    assert_eq!(day.removed, [2]);
    // Nothing is lost or changed: versions 5 and 6 write the same fields, and no `waters` when
    // there are none.
    assert_eq!(
        encode_plan_book(&book),
        PLAN_BOOK_V4_FIXTURE.replacen(r#"{"version":4,"#, r#"{"version":6,"#, 1)
    );
}

#[test]
fn plan_book_version_5_round_trips_waters_and_refuses_bad_ones() {
    let mut book = decode_plan_book(PLAN_BOOK_V4_FIXTURE).unwrap_or_else(|e| panic!("{e}"));
    book.change_current(1764500000001.0, |plan| {
        plan.add_water(drunk("Our tap water", 12.0, 1.25));
        plan.add_water(drunk("Spa, \"rood\"", 3.5, 0.5));
    });
    let text = encode_plan_book(&book);
    assert!(text.contains(r#""waters":[{"id":"#), "{text}");
    let back = decode_plan_book(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.current_plan(), book.current_plan());

    for (bad, why) in [
        (r#""litres":1.25"#, r#""litres":0.0"#),
        (r#""litres":1.25"#, r#""litres":-1.0"#),
        (r#""litres":1.25"#, r#""litres":11.0"#),
        (r#""mg_per_litre":12.0"#, r#""mg_per_litre":2001.0"#),
        (r#""name":"Our tap water""#, r#""name":"  ""#),
    ] {
        let edited = text.replacen(bad, why, 1);
        assert_ne!(edited, text);
        assert!(decode_plan_book(&edited).is_err(), "{why} was read");
    }
    // A water's id must be unique across the plan's foods, doses and waters.
    let clash = text.replacen(r#""waters":[{"id":"#, r#""waters":[{"id":0,"x":"#, 1);
    assert!(decode_plan_book(&clash).is_err());
}

/// Settings version 2 exactly as written.
const SETTINGS_V2_FIXTURE: &str = r#"{"version":2,"data":{"profile":{"age_years":30.0,"sex":"female","stage":"none"},"authority":"eu","kidney_disease":false,"hidden_groups":[],"medicines":[]}}"#;

#[test]
fn settings_version_2_read_with_no_saved_waters_and_the_current_version_keeps_them() {
    assert_eq!(SETTINGS_VERSION, 4);
    let settings = decode_settings(SETTINGS_V2_FIXTURE).unwrap_or_else(|e| panic!("{e}"));
    assert!(settings.waters.is_empty());
    assert_eq!(settings.authority, Authority::Eu);
    assert_eq!(
        encode_settings(&settings),
        SETTINGS_V2_FIXTURE.replacen(r#"{"version":2,"#, r#"{"version":4,"#, 1)
    );
    let kept = Settings {
        waters: vec![water("Our tap water", 12.0), water("Contrex", 74.5)],
        ..settings
    };
    let text = encode_settings(&kept);
    assert!(text.contains(r#""waters":[{"name":"Our tap water","mg_per_litre":12.0}"#));
    assert_eq!(decode_settings(&text), Ok(kept.clone()));
    let twice = text.replacen("Contrex", "our TAP water", 1);
    assert!(decode_settings(&twice).is_err());
    let too_many = Settings {
        waters: (0..=MAX_SAVED_WATERS)
            .map(|i| water(&format!("W{i}"), 1.0))
            .collect(),
        ..kept
    };
    assert!(decode_settings(&encode_settings(&too_many)).is_err());
}

/// An export of version 3 exactly as written (one day; settings version 2).
const EXPORT_V3_FIXTURE: &str = r#"{
  "format": "magnesium-planner-export",
  "version": 3,
  "exported_at_ms": 1764600000000.0,
  "settings": {
    "profile": {
      "age_years": 30.0,
      "sex": "female",
      "stage": "none"
    },
    "authority": "eu",
    "kidney_disease": false,
    "hidden_groups": [],
    "medicines": []
  },
  "plans": [
    {
      "name": "Monday 30 November",
      "updated_at_ms": 1764500000000.0,
      "next_id": 3,
      "entries": [
        {
          "id": 0,
          "ndb": 12016,
          "portion_label": "1 oz (28.35 g)",
          "portion_grams": 28.35,
          "quantity": 1.0,
          "meal": "snacks"
        },
        {
          "id": 1,
          "ndb": 11458,
          "portion_label": "1 cup (180 g)",
          "portion_grams": 180.0,
          "quantity": 0.5,
          "meal": "dinner"
        }
      ],
      "doses": [],
      "date": "2026-11-30",
      "night": {
        "rating": 4,
        "cramps_woke": true,
        "note": "woke at 3"
      },
      "removed": [
        2
      ]
    }
  ]
}"#;

#[test]
fn export_version_3_still_imports_its_day() {
    assert_eq!(EXPORT_VERSION, 5);
    let imported = decode_export(EXPORT_V3_FIXTURE).unwrap_or_else(|e| panic!("{e}"));
    assert!(imported.settings.waters.is_empty());
    assert_eq!(imported.days.len(), 1);
    assert_eq!(imported.days[0].plan.entries.len(), 2);
    assert_eq!(imported.days[0].night.rating.map(|r| r.points()), Some(4));
}

#[test]
fn an_export_carries_the_days_waters_and_the_saved_ones_into_a_fresh_profile() {
    let mut book = PlanBook::default();
    book.open_day(date("2026-11-30"), 1.0);
    book.change_current(2.0, |plan| {
        plan.add_food(
            12016,
            PortionOption {
                label: "1 oz (28.35 g)".into(),
                grams: 28.35,
            },
            1.0,
            Meal::Snacks,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        plan.add_water(drunk("Mineral water", 100.0, 1.5));
    });
    let settings = Settings {
        waters: vec![water("Mineral water", 100.0)],
        ..Settings::default()
    };
    let text = encode_export(&settings, &book, 3.0);
    let imported = decode_export(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.settings.waters, settings.waters);
    let (fresh, report) = add_imported_days(&PlanBook::default(), imported.days, 4.0);
    assert_eq!(report.added_days, 1);
    let day = fresh
        .plans
        .iter()
        .find(|p| p.date == Some(date("2026-11-30")))
        .unwrap_or_else(|| panic!("the day was imported"));
    assert_eq!(day.plan, book.current_plan().plan);
}

/// A share code of version 2 as written (two foods, no doses).
const SHARE_V2_FIXTURE: &str = "5jUBqgJbIldlZWtkYXkiLFtbMTIwMTYsIjEgb3ogKDI4LjM1IGcpIiwyOC4zNSwxLjAsInNuYWNrcyJdLFsxMTQ1OCwiMSBjdXAgKDE4MCBnKSIsMTgwLjAsMC41LCJkaW5uZXIiXV0sW11d";

#[test]
fn a_share_code_of_version_2_still_opens_and_the_current_version_carries_water() {
    assert_eq!(SHARE_VERSION, 4);
    let (name, plan) = decode_share(SHARE_V2_FIXTURE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(name, "Weekday");
    assert_eq!(plan.entries.len(), 2);
    assert!(plan.waters.is_empty());

    let mut with_water = plan.clone();
    with_water.add_water(drunk("Tap", 12.0, 2.0));
    let (_, back) =
        decode_share(&encode_share("Weekday", &with_water)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.waters.len(), 1);
    assert_eq!(back.water_mg(), 24.0);
    assert_eq!(back.entries.len(), 2);
    assert!(back.ids().all(|id| id < back.next_id));
}

#[test]
fn a_book_of_one_day_with_water_is_not_empty() {
    let mut book = PlanBook::default();
    book.change_current(1.0, |plan| {
        plan.add_water(drunk("Tap", 0.0, 0.25));
    });
    assert!(!book.current_plan().is_empty());
    let shared = Rc::clone(&book.plans[0]);
    assert_eq!(shared.plan.water_mg(), 0.0);
}

proptest! {
    /// Whatever is typed, reading an amount never panics, and what it accepts is in range.
    #[test]
    fn any_typed_amount_is_read_or_refused(text in "\\PC{0,12}", glasses in any::<bool>()) {
        let unit = if glasses { WaterUnit::Glasses } else { WaterUnit::Litres };
        if let Ok(litres) = read_water_amount(&text, unit) {
            prop_assert!(litres > 0.0 && litres <= MAX_WATER_LITRES);
        }
    }

    /// Any water a person can type (figures of a few decimals, as typed; serde_json reads
    /// some 17-digit floats back a bit apart) survives the plan book's text unchanged.
    #[test]
    fn waters_round_trip_through_storage(
        tenths_mg_per_litre in 0..=20_000u32,
        millilitres in 1..=10_000u32,
        name in "[a-zA-Z0-9 ,.'éü-]{1,40}",
    ) {
        prop_assume!(!name.trim().is_empty());
        let (mg_per_litre, litres) = (f64::from(tenths_mg_per_litre) / 10.0, f64::from(millilitres) / 1000.0);
        let mut book = PlanBook::default();
        let drunk = WaterDrunk::new(
            Water::check(name.trim(), mg_per_litre).map_err(|e| TestCaseError::fail(format!("{e:?}")))?,
            litres,
        ).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        book.change_current(1.0, |plan| { plan.add_water(drunk); });
        let back = decode_plan_book(&encode_plan_book(&book)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back.current_plan(), book.current_plan());
    }
}
