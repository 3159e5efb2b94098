//! Every closed choice of the domain ([`Choice`]): each value reads back as its own variant, no
//! two share a value, and the choices that are saved keep the exact JSON they always had.

use magnesium_planner::domain::Authority;
use magnesium_planner::domain::catalog::SortOrder;
use magnesium_planner::domain::choice::Choice;
use magnesium_planner::domain::library::LabelUnit;
use magnesium_planner::domain::medicines::MedicineGroup;
use magnesium_planner::domain::plan::Meal;
use magnesium_planner::domain::profile::{Sex, Stage};
use magnesium_planner::domain::supplements::DoseBasis;
use std::collections::HashSet;
use std::fmt::Debug;

/// Checks the whole table of one choice, and returns its values in order.
fn values_of<C: Choice + Debug>() -> Vec<&'static str> {
    let values: Vec<&str> = C::ALL.iter().map(|c| c.value()).collect();
    assert!(!values.is_empty());
    let unique: HashSet<&str> = values.iter().copied().collect();
    assert_eq!(unique.len(), values.len(), "values are unique: {values:?}");
    for &choice in C::ALL {
        assert_eq!(C::from_value(choice.value()), Some(choice));
        assert_eq!(
            C::ALL.iter().filter(|&&c| c == choice).count(),
            1,
            "{choice:?} listed once"
        );
        // Values are matched exactly: no case folding, no trimming.
        assert_eq!(C::from_value(&choice.value().to_uppercase()), None);
        assert_eq!(C::from_value(&format!(" {}", choice.value())), None);
    }
    assert_eq!(C::from_value(""), None);
    assert_eq!(C::from_value("other"), None);
    values
}

#[test]
fn every_choice_reads_back_its_own_values() {
    // The page's option values and the saved words: the UI contract and stored formats name
    // them, so they are spelled out here rather than derived.
    assert_eq!(
        values_of::<Meal>(),
        ["breakfast", "lunch", "dinner", "snacks"]
    );
    assert_eq!(values_of::<Sex>(), ["female", "male"]);
    assert_eq!(values_of::<Stage>(), ["none", "pregnant", "lactating"]);
    assert_eq!(values_of::<Authority>(), ["us", "eu", "uk", "dach"]);
    assert_eq!(
        values_of::<DoseBasis>(),
        ["elemental", "compound", "servings"]
    );
    assert_eq!(values_of::<LabelUnit>(), ["mg", "dv", "nrv"]);
    assert_eq!(
        values_of::<SortOrder>(),
        ["relevance", "per-portion", "per-100g", "per-100kcal"]
    );
    assert_eq!(
        values_of::<MedicineGroup>(),
        [
            "bisphosphonates",
            "tetracyclines",
            "quinolones",
            "levothyroxine",
            "gabapentin",
            "hiv-integrase-inhibitors",
            "oral-iron",
            "loop-thiazide-diuretics",
            "potassium-sparing-diuretics",
            "proton-pump-inhibitors",
        ]
    );
}

/// Serialises through the trait and reads back, checking the JSON is the bare value.
fn saved_as_value<C>()
where
    C: Choice + Debug + serde::Serialize + serde::de::DeserializeOwned,
{
    for &choice in C::ALL {
        let json = serde_json::to_string(&choice).expect("a choice serialises");
        assert_eq!(json, format!("\"{}\"", choice.value()));
        assert_eq!(serde_json::from_str::<C>(&json).ok(), Some(choice));
        // An escaped spelling of the same value is the same string to JSON.
        let escaped = format!(
            "\"\\u{:04x}{}\"",
            choice.value().as_bytes()[0],
            &choice.value()[1..]
        );
        assert_eq!(
            serde_json::from_str::<C>(&escaped).ok(),
            Some(choice),
            "{escaped}"
        );
    }
    for refused in ["\"\"", "\"Other\"", "1", "null", "{}", "[\"us\"]"] {
        assert!(serde_json::from_str::<C>(refused).is_err(), "{refused}");
    }
}

#[test]
fn saved_choices_keep_their_json() {
    saved_as_value::<Sex>();
    saved_as_value::<Stage>();
    saved_as_value::<Authority>();
}
