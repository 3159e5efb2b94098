//! A food of one's own in a real browser: made from a % NRV label through the contract's hooks,
//! kept in the saved settings, found by the search, added in its serving with a copy kept in
//! the saved plan, and refused field by field when the label is wrong.
#![cfg(target_arch = "wasm32")]

mod web_support;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::{
    choose, clear_storage, click, find, find_all, mount_app, pick, stored, text_of, type_into,
};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_food_from_an_nrv_label_is_kept_found_and_added_with_its_copy() {
    clear_storage();
    let root = mount_app().await;
    type_into(&root, "custom-food-name", "Roggenbrot").await;
    type_into(&root, "custom-food-serving", "1 slice").await;
    type_into(&root, "custom-food-serving-g", "50").await;
    type_into(&root, "custom-food-mg", "20").await;
    choose(&root, "custom-food-mg-unit", "nrv").await;
    click(&root, "save-custom-food").await;

    // 20 % of the EU NRV (375 mg) is 75 mg.
    let settings = stored("magnesium-planner.settings");
    assert!(
        settings.contains(r#""foods":[{"id":1000000,"name":"Roggenbrot","serving":"1 slice","serving_grams":50.0,"mg_per_serving":75.0}]"#),
        "{settings}"
    );

    pick(&root, "roggen", "Roggenbrot").await;
    click(&root, "add-food").await;
    assert_eq!(text_of(&root, "total-food-mg"), "75 mg");
    let plans = stored("magnesium-planner.plan");
    assert!(plans.contains(r#""ndb":1000000"#), "{plans}");
    assert!(plans.contains(r#""own":{"name":"Roggenbrot""#), "{plans}");
    assert_eq!(find_all(&root, "plan-entry").len(), 1);
}

#[wasm_bindgen_test]
async fn a_wrong_label_is_refused_field_by_field_and_nothing_is_kept() {
    clear_storage();
    let root = mount_app().await;
    type_into(&root, "custom-food-name", "Bar").await;
    type_into(&root, "custom-food-serving", "1 bar").await;
    type_into(&root, "custom-food-serving-g", "-4").await;
    type_into(&root, "custom-food-mg", "1200").await;
    choose(&root, "custom-food-mg-unit", "dv").await;
    click(&root, "save-custom-food").await;
    for id in ["custom-food-serving-g", "custom-food-mg"] {
        let field = find(&root, id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(
            field.get_attribute("aria-invalid").as_deref(),
            Some("true"),
            "{id}"
        );
    }
    let name = find(&root, "custom-food-name").expect("the name field");
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("false"));
    assert!(!stored("magnesium-planner.settings").contains("foods"));
}

/// A serving named with the characters HTML gives meaning to is shown as typed in the row's
/// portion choices, which are written as HTML text: escaped, never read as markup.
#[wasm_bindgen_test]
async fn a_serving_named_with_markup_characters_reads_as_typed() {
    clear_storage();
    let root = mount_app().await;
    let serving = r#"1 "thick" <b>slice</b> & crust"#;
    type_into(&root, "custom-food-name", "Roggenbrot").await;
    type_into(&root, "custom-food-serving", serving).await;
    type_into(&root, "custom-food-serving-g", "50").await;
    type_into(&root, "custom-food-mg", "40").await;
    click(&root, "save-custom-food").await;
    pick(&root, "roggen", "Roggenbrot").await;
    click(&root, "add-food").await;

    let select = find(&root, "plan-entry")
        .and_then(|row| row.query_selector("select").ok().flatten())
        .expect("the row's portion select");
    let first = select
        .first_element_child()
        .expect("the row offers its portion");
    assert_eq!(first.tag_name(), "OPTION");
    assert!(
        first
            .text_content()
            .unwrap_or_default()
            .starts_with(serving),
        "{:?}",
        first.text_content()
    );
    assert!(
        select.query_selector("b").ok().flatten().is_none(),
        "no markup from the name"
    );
}
