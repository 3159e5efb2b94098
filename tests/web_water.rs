//! Water in a real browser: the form adds to the day on screen and to the saved plans, keeps a
//! water for reuse in the saved settings, refuses bad figures beside their fields without
//! changing what was typed, and removes a water again.
#![cfg(target_arch = "wasm32")]

mod web_support;

use magnesium_planner::domain::saved::PLAN_BOOK_VERSION;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::{clear_storage, click, find, find_all, mount_app, stored, text_of, type_into};
use web_sys::{HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The element with this id inside `root` (the tests mount the page more than once, so the
/// document may hold an earlier copy with the same ids).
fn by_id<T: JsCast>(root: &web_sys::Element, id: &str) -> T {
    root.query_selector(&format!("#{id}"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| panic!("#{id} is on the page"))
}

#[wasm_bindgen_test]
async fn a_water_adds_to_food_only_and_a_kept_one_is_saved_for_next_time() {
    clear_storage();
    let root = mount_app().await;
    let name: HtmlInputElement = by_id(&root, "water-name");
    web_support::type_into_input(&name, "Our tap water").await;
    type_into(&root, "water-mg-per-l", "12").await;
    type_into(&root, "water-litres", "8").await;
    let unit: HtmlSelectElement = by_id(&root, "water-unit");
    unit.set_value("glasses");
    let change = web_sys::Event::new("change").expect("a change event");
    unit.dispatch_event(&change).expect("the event dispatches");
    let keep: HtmlInputElement = by_id(&root, "water-keep");
    keep.click();
    yew::scheduler::flush().await;
    click(&root, "add-water").await;

    // 8 glasses of 250 mL is 2 L: 24 mg, as food.
    assert_eq!(find_all(&root, "water-entry").len(), 1);
    assert!(text_of(&root, "water-entry").contains("24 mg"));
    assert_eq!(text_of(&root, "total-food-mg"), "24 mg");
    assert_eq!(text_of(&root, "total-supplement-mg"), "0 mg");
    assert_eq!(
        find(&root, "water-litres")
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            .map(|i| i.value())
            .as_deref(),
        Some(""),
        "the amount is cleared for the next water"
    );

    let plans = stored("magnesium-planner.plan");
    assert!(
        plans.starts_with(&format!(r#"{{"version":{PLAN_BOOK_VERSION},"#)),
        "{plans}"
    );
    assert!(plans.contains(r#""waters":[{"#), "{plans}");
    assert!(plans.contains(r#""litres":2.0"#), "{plans}");
    let settings = stored("magnesium-planner.settings");
    assert!(
        settings.contains(r#""waters":[{"name":"Our tap water","mg_per_litre":12.0}]"#),
        "{settings}"
    );

    // Removing it takes its magnesium out and keeps the kept water.
    let remove = root
        .query_selector("[data-testid=water-entry] [data-testid=remove-entry]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("the water's remove button");
    remove.click();
    yew::scheduler::flush().await;
    assert!(find_all(&root, "water-entry").is_empty());
    assert_eq!(text_of(&root, "total-food-mg"), "0 mg");
    assert!(stored("magnesium-planner.settings").contains("Our tap water"));
}

#[wasm_bindgen_test]
async fn a_refused_figure_is_named_beside_its_field_and_nothing_is_added() {
    clear_storage();
    let root = mount_app().await;
    type_into(&root, "water-mg-per-l", "2500").await;
    type_into(&root, "water-litres", "-1").await;
    click(&root, "add-water").await;
    let mg = find(&root, "water-mg-per-l").expect("the mg/L field");
    assert_eq!(mg.get_attribute("aria-invalid").as_deref(), Some("true"));
    let mg_error: web_sys::HtmlElement = by_id(&root, "water-mg-per-l-error");
    assert_eq!(mg_error.get_attribute("role").as_deref(), Some("alert"));
    assert!(mg_error.inner_text().contains("2000"));
    let litres_error: web_sys::HtmlElement = by_id(&root, "water-litres-error");
    assert!(litres_error.inner_text().contains("more than 0"));
    // Typed text stays as typed, and the day is unchanged.
    let typed = mg
        .dyn_into::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default();
    assert_eq!(typed, "2500");
    assert!(find_all(&root, "water-entry").is_empty());
    assert_eq!(text_of(&root, "total-food-mg"), "0 mg");
}
