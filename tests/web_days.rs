//! Days in a real browser: pick a date, add a food, rate the night, switch dates, and read the
//! week's average and the history chart, through the UI contract's hooks.
#![cfg(target_arch = "wasm32")]

mod web_support;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::{
    add_an_ounce_of_pumpkin_seeds, clear_storage, click, find, first_entry_quantity, mount_app,
    show_section, text_of, type_into,
};
use web_sys::HtmlInputElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Sets a date field as the browser's picker does (a `change` event) and waits for the page.
async fn pick_date(root: &web_sys::Element, test_id: &str, date: &str) {
    let input: HtmlInputElement = find(root, test_id)
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| panic!("{test_id} is an input"));
    input.set_value(date);
    let event = web_sys::Event::new("change").expect("a change event");
    input.dispatch_event(&event).expect("the event dispatches");
    yew::scheduler::flush().await;
}

fn value_of(root: &web_sys::Element, test_id: &str) -> String {
    find(root, test_id)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_else(|| panic!("{test_id} is an input"))
}

#[wasm_bindgen_test]
async fn a_dated_day_keeps_its_food_and_night_and_the_week_averages_days_with_entries() {
    clear_storage();
    let root = mount_app().await;
    pick_date(&root, "day-date", "2025-03-01").await;
    assert!(text_of(&root, "day-on-screen").contains("Saturday 1 March 2025"));
    add_an_ounce_of_pumpkin_seeds(&root).await;
    assert_eq!(text_of(&root, "total-food-mg"), "156 mg");

    type_into(&root, "symptom-rating", "11").await;
    let rating = find(&root, "symptom-rating").expect("the rating field");
    assert_eq!(
        rating.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert!(root.query_selector("[role=alert]").ok().flatten().is_some());
    type_into(&root, "symptom-rating", "4").await;
    let rating = find(&root, "symptom-rating").expect("the rating field");
    assert_eq!(
        rating.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );

    pick_date(&root, "day-date", "2025-03-02").await;
    assert_eq!(text_of(&root, "total-food-mg"), "0 mg");
    assert_eq!(value_of(&root, "symptom-rating"), "", "empty until rated");
    show_section(&root, "history").await;
    assert_eq!(
        text_of(&root, "week-average-mg"),
        "156 mg a day over 1 day with entries"
    );
    // An SVG element is not an HtmlElement, so it is looked up directly.
    let chart = root
        .query_selector("[data-testid=history-chart]")
        .ok()
        .flatten()
        .expect("the chart");
    assert_eq!(
        chart
            .query_selector_all("g.day-bar")
            .map(|l| l.length())
            .ok(),
        Some(1)
    );
    let dot = chart
        .query_selector("circle.rating-dot")
        .ok()
        .flatten()
        .expect("the night's dot");
    assert_eq!(dot.get_attribute("data-rating").as_deref(), Some("4"));
    assert_eq!(
        dot.get_attribute("data-date").as_deref(),
        Some("2025-03-01")
    );

    show_section(&root, "day").await;
    click(&root, "day-before").await;
    assert_eq!(value_of(&root, "day-date"), "2025-03-01");
    assert_eq!(text_of(&root, "total-food-mg"), "156 mg");
    assert_eq!(value_of(&root, "symptom-rating"), "4");

    // The day after starts from it.
    click(&root, "day-after").await;
    click(&root, "copy-yesterday").await;
    assert_eq!(text_of(&root, "total-food-mg"), "156 mg");
    show_section(&root, "history").await;
    assert_eq!(
        text_of(&root, "week-average-mg"),
        "156 mg a day over 2 days with entries"
    );
    clear_storage();
}

#[wasm_bindgen_test]
async fn a_row_reused_for_another_day_shows_that_days_entry_not_what_was_typed_before() {
    clear_storage();
    let root = mount_app().await;
    pick_date(&root, "day-date", "2025-04-01").await;
    add_an_ounce_of_pumpkin_seeds(&root).await;
    // The next day starts as a copy: its entry keeps the same id in another plan.
    click(&root, "day-after").await;
    click(&root, "copy-yesterday").await;
    web_support::type_into_input(&first_entry_quantity(&root), "-1").await;
    assert_eq!(first_entry_quantity(&root).value(), "-1");
    assert!(
        root.query_selector("[data-testid=plan-entry] [role=alert]")
            .ok()
            .flatten()
            .is_some(),
        "the refusal shows"
    );
    // The day before reuses the row: it shows its own entry, without the refusal.
    click(&root, "day-before").await;
    assert_eq!(value_of(&root, "day-date"), "2025-04-01");
    assert_eq!(first_entry_quantity(&root).value(), "1");
    assert!(
        root.query_selector("[data-testid=plan-entry] [role=alert]")
            .ok()
            .flatten()
            .is_none()
    );
    // Back on the copy, the row starts again from the entry's quantity, as a new row would.
    click(&root, "day-after").await;
    assert_eq!(first_entry_quantity(&root).value(), "1");
    clear_storage();
}
