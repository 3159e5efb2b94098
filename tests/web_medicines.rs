//! Medicines in a real browser: listing them with their times, a warning for a dose too close to
//! one that goes when the dose moves, the time that fits every rule, doses that need a time,
//! advice for the groups without a timing rule, and the list kept with the settings.
#![cfg(target_arch = "wasm32")]

mod web_support;

use magnesium_planner::domain::saved::{PLAN_BOOK_VERSION, SETTINGS_VERSION};
use magnesium_planner::storage::{PLAN_KEY, SETTINGS_KEY};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::{
    choose, clear_storage, click, find, find_all, local_storage, mount_app, show_section, text_of,
    type_into,
};

wasm_bindgen_test_configure!(run_in_browser);

async fn add_medicine(root: &web_sys::Element, group: &str, time: &str) {
    choose(root, "medicine-select", group).await;
    type_into(root, "medicine-time", time).await;
    click(root, "add-medicine").await;
}

async fn add_dose(root: &web_sys::Element, amount: &str, time: &str) {
    choose(root, "supplement-form", "citrate").await;
    type_into(root, "supplement-amount", amount).await;
    choose(root, "supplement-basis", "elemental").await;
    type_into(root, "supplement-time", time).await;
    click(root, "add-supplement").await;
}

fn texts(root: &web_sys::Element, test_id: &str) -> Vec<String> {
    find_all(root, test_id)
        .iter()
        .map(|e| e.inner_text())
        .collect()
}

#[wasm_bindgen_test]
async fn the_select_offers_every_group_with_its_examples() {
    clear_storage();
    let root = mount_app().await;
    show_section(&root, "supplements").await;
    let select: web_sys::HtmlSelectElement = find(&root, "medicine-select")
        .and_then(|e| e.dyn_into().ok())
        .expect("a select");
    let options: Vec<String> = (0..select.length())
        .filter_map(|i| select.item(i))
        .map(|o| o.text_content().unwrap_or_default())
        .collect();
    assert_eq!(options.len(), 10, "{options:?}");
    assert!(options.contains(&"Tetracycline antibiotics (doxycycline, minocycline)".to_owned()));
    assert!(
        options.contains(&"Bisphosphonates (alendronate, risedronate, ibandronate)".to_owned())
    );
    let time = find(&root, "medicine-time").expect("a time field");
    assert_eq!(time.get_attribute("type").as_deref(), Some("time"));
    let dose_time = find(&root, "supplement-time").expect("the dose's time field");
    assert_eq!(dose_time.get_attribute("type").as_deref(), Some("time"));
    // Nothing is said about medicines until one is listed.
    assert!(find(&root, "interaction-warning").is_none());
    assert!(find(&root, "magnesium-times").is_none());
}

#[wasm_bindgen_test]
async fn a_dose_too_close_to_a_medicine_warns_until_it_moves() {
    clear_storage();
    let root = mount_app().await;
    show_section(&root, "supplements").await;
    add_medicine(&root, "tetracyclines", "08:00").await;
    let entries = texts(&root, "medicine-entry");
    assert_eq!(entries.len(), 1);
    assert!(
        entries[0].contains("Tetracycline antibiotics"),
        "{}",
        entries[0]
    );
    assert!(entries[0].contains("08:00"), "{}", entries[0]);
    assert!(
        text_of(&root, "magnesium-times").contains("from 10:00 to 02:00"),
        "{}",
        text_of(&root, "magnesium-times")
    );

    add_dose(&root, "200", "09:00").await;
    let row = text_of(&root, "supplement-entry");
    assert!(row.contains("09:00"), "the dose shows its time: {row}");
    let warnings = texts(&root, "interaction-warning");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let warning = &warnings[0];
    for expected in [
        "200 mg dose of magnesium citrate at 09:00 is 1 hour after your tetracycline antibiotic at 08:00",
        "take magnesium at least 2 hours after",
        "NIH Office of Dietary Supplements",
        "4–6 hours",
        "take magnesium from 10:00",
    ] {
        assert!(
            warning.to_lowercase().contains(&expected.to_lowercase()),
            "{expected:?} in {warning}"
        );
    }

    // Moving the dose to 11:00 in place ends the warning.
    type_into(&root, "dose-time", "11:00").await;
    assert!(find(&root, "interaction-warning").is_none());
    assert!(text_of(&root, "supplement-entry").contains("11:00"));
    // Back to 09:30, and the warning is back; then the medicine goes, and so does the warning.
    type_into(&root, "dose-time", "09:30").await;
    assert_eq!(find_all(&root, "interaction-warning").len(), 1);
    click(&root, "remove-medicine").await;
    assert!(find(&root, "medicine-entry").is_none());
    assert!(find(&root, "interaction-warning").is_none());
}

#[wasm_bindgen_test]
async fn two_morning_medicines_give_one_time_that_fits_both() {
    clear_storage();
    let root = mount_app().await;
    show_section(&root, "supplements").await;
    add_medicine(&root, "tetracyclines", "08:00").await;
    add_medicine(&root, "bisphosphonates", "07:00").await;
    add_dose(&root, "200", "08:30").await;
    let warnings = texts(&root, "interaction-warning");
    assert_eq!(warnings.len(), 2, "one per medicine: {warnings:?}");
    assert!(
        warnings[1].contains("bisphosphonate at 07:00"),
        "{}",
        warnings[1]
    );
    assert!(
        warnings[1].contains("take magnesium at least 2 hours before or after the bisphosphonate"),
        "{}",
        warnings[1]
    );
    for warning in &warnings {
        assert!(
            warning.contains("take magnesium from 10:00 to 02:00"),
            "{warning}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_dose_without_a_clock_time_says_that_the_time_matters() {
    clear_storage();
    let root = mount_app().await;
    show_section(&root, "supplements").await;
    add_dose(&root, "150", "").await;
    assert!(find(&root, "dose-time-needed").is_none(), "no medicine yet");
    add_medicine(&root, "gabapentin", "21:00").await;
    let note = text_of(&root, "dose-time-needed");
    assert!(note.contains("no clock time"), "{note}");
    assert!(note.contains("the time matters"), "{note}");
    assert!(find(&root, "interaction-warning").is_none());
    type_into(&root, "dose-time", "20:00").await;
    assert!(find(&root, "dose-time-needed").is_none());
    let warning = text_of(&root, "interaction-warning");
    assert!(
        warning.contains("take magnesium at least 2 hours before gabapentin"),
        "{warning}"
    );
    assert!(warning.contains("gabapentin label"), "{warning}");
}

#[wasm_bindgen_test]
async fn a_part_of_the_day_saved_by_an_earlier_version_is_kept_and_shown() {
    clear_storage();
    let v2 = r#"{"version":2,"data":{"current":0,"next_id":1,"plans":[{"id":0,"name":"My day","updated_at_ms":1700000000000.0,"next_id":1,"entries":[],"doses":[{"id":0,"form":"citrate","variant":"anhydrous","basis":"elemental","amount_mg":200.0,"units":1.0,"time":"bedtime"}]}],"tombstones":[]}}"#;
    local_storage()
        .set_item(PLAN_KEY, v2)
        .expect("the test can write");
    let root = mount_app().await;
    show_section(&root, "supplements").await;
    assert!(text_of(&root, "supplement-entry").contains("Bedtime"));
    add_medicine(&root, "levothyroxine", "07:00").await;
    let note = text_of(&root, "dose-time-needed");
    assert!(note.contains("Bedtime"), "{note}");
    // Saved again in the current format with the word unchanged.
    let stored = local_storage()
        .get_item(PLAN_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(
        stored.starts_with(&format!(r#"{{"version":{PLAN_BOOK_VERSION},"#)),
        "{stored}"
    );
    assert!(stored.contains(r#""time":"bedtime""#), "{stored}");
}

#[wasm_bindgen_test]
async fn a_timed_medicine_needs_its_time_and_is_not_listed_twice() {
    clear_storage();
    let root = mount_app().await;
    show_section(&root, "supplements").await;
    choose(&root, "medicine-select", "levothyroxine").await;
    click(&root, "add-medicine").await;
    assert!(find(&root, "medicine-entry").is_none());
    let time = find(&root, "medicine-time").expect("a time field");
    assert_eq!(time.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(
        root.query_selector("#medicine-time-error[role=alert]")
            .ok()
            .flatten()
            .is_some()
    );

    add_medicine(&root, "levothyroxine", "06:30").await;
    assert_eq!(find_all(&root, "medicine-entry").len(), 1);
    add_medicine(&root, "levothyroxine", "06:30").await;
    assert_eq!(find_all(&root, "medicine-entry").len(), 1);
    let select = find(&root, "medicine-select").expect("the select");
    assert_eq!(
        select.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    let message = root
        .query_selector("#medicine-select-error[role=alert]")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(message.contains("already in your list"), "{message}");
    // The same medicine at another time is another dose of it.
    add_medicine(&root, "levothyroxine", "18:30").await;
    assert_eq!(find_all(&root, "medicine-entry").len(), 2);
}

#[wasm_bindgen_test]
async fn groups_without_a_timing_rule_give_advice_not_warnings() {
    clear_storage();
    let root = mount_app().await;
    show_section(&root, "supplements").await;
    choose(&root, "medicine-select", "proton-pump-inhibitors").await;
    click(&root, "add-medicine").await;
    assert_eq!(find_all(&root, "medicine-entry").len(), 1, "no time needed");
    let advice = texts(&root, "medicine-advice");
    assert_eq!(advice.len(), 1);
    assert!(advice[0].contains("FDA"), "{}", advice[0]);
    add_medicine(&root, "loop-thiazide-diuretics", "08:00").await;
    add_medicine(&root, "loop-thiazide-diuretics", "20:00").await;
    let advice = texts(&root, "medicine-advice");
    assert_eq!(advice.len(), 2, "one per group: {advice:?}");
    assert!(advice[1].contains("blood test"), "{}", advice[1]);
    add_dose(&root, "200", "08:00").await;
    assert!(find(&root, "interaction-warning").is_none());
    assert!(find(&root, "dose-time-needed").is_none());
    assert!(find(&root, "magnesium-times").is_none());
}

#[wasm_bindgen_test]
async fn medicines_are_kept_with_the_settings_and_come_back() {
    clear_storage();
    let root = mount_app().await;
    show_section(&root, "supplements").await;
    add_medicine(&root, "tetracyclines", "08:00").await;
    let stored = local_storage()
        .get_item(SETTINGS_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(
        stored.starts_with(&format!(r#"{{"version":{SETTINGS_VERSION},"#)),
        "{stored}"
    );
    assert!(
        stored.contains(r#""medicines":[{"group":"tetracyclines","time":"08:00"}]"#),
        "{stored}"
    );
    // A new plan is another day: the medicines stay, since they belong to the person.
    show_section(&root, "plans").await;
    click(&root, "new-plan").await;
    show_section(&root, "supplements").await;
    assert_eq!(find_all(&root, "medicine-entry").len(), 1);

    let again = mount_app().await;
    show_section(&again, "supplements").await;
    let entries = texts(&again, "medicine-entry");
    assert_eq!(entries.len(), 1);
    assert!(entries[0].contains("08:00"), "{}", entries[0]);
}
