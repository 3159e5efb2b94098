//! A product of one's own in a real browser: a two-form blend made through the contract's
//! hooks, kept in the saved settings, offered by the dose form with servings as its basis, and
//! taken as one serving counting both forms, with the product's copy in the saved plan.
#![cfg(target_arch = "wasm32")]

mod web_support;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::{
    choose, clear_storage, click, find, mount_app, show_section, stored, text_of, type_into,
};
use web_sys::HtmlSelectElement;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_two_form_blend_taken_as_one_serving_counts_both_forms() {
    clear_storage();
    let root = mount_app().await;
    show_section(&root, "supplements").await;
    type_into(&root, "product-name", "Night blend").await;
    type_into(&root, "product-serving", "2").await;
    choose(&root, "product-form", "bisglycinate").await;
    type_into(&root, "product-mg", "200").await;
    click(&root, "add-product-form").await;
    choose(&root, "product-form", "citrate").await;
    type_into(&root, "product-mg", "50").await;
    click(&root, "save-product").await;

    let settings = stored("magnesium-planner.settings");
    assert!(settings.contains(r#""name":"Night blend""#), "{settings}");
    assert!(
        settings.contains("bisglycinate") && settings.contains("citrate"),
        "{settings}"
    );

    // The dose form offers it, its text starting with its name, and counts it in servings.
    let select: HtmlSelectElement = find(&root, "supplement-form")
        .and_then(|e| e.dyn_into().ok())
        .expect("the form select");
    let options = select.options();
    let value = (0..options.length())
        .filter_map(|i| options.item(i))
        .filter_map(|o| o.dyn_into::<web_sys::HtmlOptionElement>().ok())
        .find(|o| o.text().starts_with("Night blend"))
        .map(|o| o.value())
        .expect("the product is offered");
    assert!(value.starts_with("product-"), "{value}");
    choose(&root, "supplement-form", &value).await;
    let basis: HtmlSelectElement = find(&root, "supplement-basis")
        .and_then(|e| e.dyn_into().ok())
        .expect("the basis select");
    assert_eq!(basis.value(), "servings");
    type_into(&root, "supplement-amount", "1").await;
    click(&root, "add-supplement").await;

    assert_eq!(text_of(&root, "total-supplement-mg"), "250 mg");
    let plans = stored("magnesium-planner.plan");
    assert!(plans.contains(r#""basis":"servings""#), "{plans}");
    assert!(plans.contains("Night blend"), "{plans}");
}
