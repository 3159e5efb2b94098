//! Usual meals in a real browser: the "Copy or reuse a meal" panel keeps a breakfast as a
//! template in the saved settings and adds it to another day, copies a whole day (foods, doses
//! and water) after what the day has, and refuses a bad name or an empty meal beside its field
//! with nothing saved.
#![cfg(target_arch = "wasm32")]

mod web_support;

use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::{
    add_an_ounce_of_pumpkin_seeds_to, choose, clear_storage, click, find, find_all, local_storage,
    mount_app, show_section, text_of, type_into,
};
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn stored(key: &str) -> String {
    local_storage()
        .get_item(key)
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// Sets the day's date as the browser's picker does (a `change` event) and waits for the page.
async fn pick_date(root: &Element, date: &str) {
    let input: HtmlInputElement = find(root, "day-date")
        .and_then(|e| e.dyn_into().ok())
        .expect("the day's date field");
    input.set_value(date);
    let event = web_sys::Event::new("change").expect("a change event");
    input.dispatch_event(&event).expect("the event dispatches");
    yew::scheduler::flush().await;
}

/// Opens "Copy or reuse a meal" as a person does, by its summary. The browser tells the page
/// in a `toggle` event of its own task, so this waits for it.
async fn open_panel(root: &Element) {
    let summary: HtmlElement = root
        .query_selector("details.usual-meals > summary")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .expect("the panel's summary");
    summary.click();
    for _ in 0..50 {
        yew::platform::time::sleep(Duration::from_millis(10)).await;
        yew::scheduler::flush().await;
        if find(root, "usual-meals-status").is_some() {
            return;
        }
    }
    panic!("the panel opened");
}

fn by_id(id: &str) -> Option<HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into().ok())
}

#[wasm_bindgen_test]
async fn a_breakfast_kept_as_a_template_is_added_whole_to_another_day() {
    clear_storage();
    let root = mount_app().await;
    pick_date(&root, "2025-03-03").await;
    add_an_ounce_of_pumpkin_seeds_to(&root, Some("breakfast")).await;
    add_an_ounce_of_pumpkin_seeds_to(&root, Some("breakfast")).await;
    assert_eq!(text_of(&root, "total-food-mg"), "312 mg");
    // Closed, the panel holds nothing but its summary.
    assert!(find(&root, "save-template").is_none());

    open_panel(&root).await;
    choose(&root, "template-meal", "breakfast").await;
    type_into(&root, "template-name", "Seed breakfast").await;
    click(&root, "save-template").await;
    assert_eq!(
        text_of(&root, "usual-meals-status"),
        "Kept Breakfast's 2 foods as the template “Seed breakfast”."
    );
    let settings = stored("magnesium-planner.settings");
    assert!(
        settings.contains(r#""templates":[{"name":"Seed breakfast","foods":[{"id":0,"ndb":12016,"portion_label":"1 oz (28.35 g)""#),
        "{settings}"
    );

    pick_date(&root, "2025-03-04").await;
    assert_eq!(text_of(&root, "total-food-mg"), "0 mg");
    choose(&root, "template-into", "dinner").await;
    click(&root, "add-template").await;
    assert_eq!(text_of(&root, "total-food-mg"), "312 mg");
    assert_eq!(
        text_of(&root, "usual-meals-status"),
        "Added 2 foods from “Seed breakfast” to Dinner."
    );
    let dinner = root
        .query_selector_all("#meal-dinner ~ ul [data-testid=plan-entry]")
        .map(|list| list.length())
        .unwrap_or(0);
    assert_eq!(dinner, 2, "both foods went into dinner");
    let plans = stored("magnesium-planner.plan");
    assert_eq!(plans.matches(r#""meal":"dinner""#).count(), 2, "{plans}");

    // Deleting the template leaves the days alone.
    click(&root, "delete-template").await;
    assert!(find(&root, "template-pick").is_none());
    assert!(!stored("magnesium-planner.settings").contains("templates"));
    assert_eq!(text_of(&root, "total-food-mg"), "312 mg");
}

#[wasm_bindgen_test]
async fn a_whole_day_is_copied_after_what_the_day_has_doses_and_water_included() {
    clear_storage();
    let root = mount_app().await;
    pick_date(&root, "2025-03-01").await;
    add_an_ounce_of_pumpkin_seeds_to(&root, Some("snacks")).await;
    type_into(&root, "water-mg-per-l", "100").await;
    type_into(&root, "water-litres", "1").await;
    click(&root, "add-water").await;
    show_section(&root, "supplements").await;
    choose(&root, "supplement-form", "citrate").await;
    type_into(&root, "supplement-amount", "200").await;
    choose(&root, "supplement-basis", "elemental").await;
    click(&root, "add-supplement").await;
    show_section(&root, "day").await;
    assert_eq!(text_of(&root, "total-food-mg"), "256 mg");
    assert_eq!(text_of(&root, "total-supplement-mg"), "200 mg");

    pick_date(&root, "2025-03-02").await;
    add_an_ounce_of_pumpkin_seeds_to(&root, Some("snacks")).await;
    open_panel(&root).await;
    choose(&root, "copy-part", "day").await;
    click(&root, "copy-plan").await;
    assert_eq!(
        text_of(&root, "usual-meals-status"),
        "Added 1 food, 1 dose and 1 water from Saturday 1 March 2025."
    );
    assert_eq!(text_of(&root, "total-food-mg"), "412 mg");
    assert_eq!(text_of(&root, "total-supplement-mg"), "200 mg");
    assert_eq!(find_all(&root, "plan-entry").len(), 2);
    assert_eq!(find_all(&root, "water-entry").len(), 1);
    show_section(&root, "supplements").await;
    assert_eq!(find_all(&root, "supplement-entry").len(), 1);
    show_section(&root, "day").await;
    // The day copied from is unchanged.
    pick_date(&root, "2025-03-01").await;
    assert_eq!(text_of(&root, "total-food-mg"), "256 mg");
}

#[wasm_bindgen_test]
async fn a_bad_name_or_an_empty_meal_is_refused_beside_its_field_and_nothing_is_kept() {
    clear_storage();
    let root = mount_app().await;
    pick_date(&root, "2025-03-05").await;
    add_an_ounce_of_pumpkin_seeds_to(&root, Some("lunch")).await;
    open_panel(&root).await;

    let long = "é".repeat(10_000);
    for (name, reason) in [
        ("", "Give the template a name"),
        ("\u{200B}\u{202E} \u{FEFF}", "Give the template a name"),
        (long.as_str(), "Keep it to 80 characters"),
    ] {
        choose(&root, "template-meal", "lunch").await;
        type_into(&root, "template-name", name).await;
        click(&root, "save-template").await;
        let field = find(&root, "template-name").expect("the name field");
        assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
        assert_eq!(
            field.get_attribute("aria-describedby").as_deref(),
            Some("template-name-error")
        );
        let error = by_id("template-name-error").expect("the name's refusal");
        assert_eq!(error.get_attribute("role").as_deref(), Some("alert"));
        assert!(
            error.inner_text().contains(reason),
            "{}",
            error.inner_text()
        );
        assert!(find(&root, "template-pick").is_none());
    }

    // A good name for an empty meal is refused beside the meal.
    choose(&root, "template-meal", "snacks").await;
    type_into(&root, "template-name", "Snacks").await;
    click(&root, "save-template").await;
    let meal = find(&root, "template-meal").expect("the meal select");
    assert_eq!(meal.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error = by_id("template-meal-error").expect("the meal's refusal");
    assert!(error.inner_text().contains("Snacks has no foods yet"));
    assert!(by_id("template-name-error").is_none(), "the name is fine");
    assert!(!stored("magnesium-planner.settings").contains("templates"));

    // Nothing to copy from on a first day: the copy form is not offered.
    assert!(find(&root, "copy-plan").is_none());
}
