//! The profile panel in a real browser: it renders the contract's fields, changing them updates
//! the reference values, and a refused age keeps the last valid result.
#![cfg(target_arch = "wasm32")]

mod web_support;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::{choose, clear_storage, find, mount_app, show_section, text_of, type_into};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn shows_the_default_profile_and_its_values() {
    clear_storage();
    let root = mount_app().await;
    show_section(&root, "profile").await;
    for id in [
        "profile-age",
        "profile-sex",
        "profile-stage",
        "guideline-select",
    ] {
        assert!(find(&root, id).is_some(), "{id} is rendered");
    }
    assert_eq!(text_of(&root, "target-mg"), "310 mg");
    assert_eq!(text_of(&root, "supplement-ul-mg"), "350 mg");
    assert!(
        root.text_content()
            .unwrap_or_default()
            .contains("NIH Office of Dietary Supplements")
    );
}

#[wasm_bindgen_test]
async fn changing_the_profile_updates_the_values() {
    clear_storage();
    let root = mount_app().await;
    show_section(&root, "profile").await;
    type_into(&root, "profile-age", "45").await;
    choose(&root, "profile-sex", "male").await;
    assert_eq!(text_of(&root, "target-mg"), "420 mg");
    choose(&root, "guideline-select", "eu").await;
    assert_eq!(text_of(&root, "target-mg"), "350 mg");
    assert_eq!(text_of(&root, "supplement-ul-mg"), "250 mg");
    type_into(&root, "profile-age", "2").await;
    assert_eq!(text_of(&root, "target-mg"), "170 mg");
    assert!(text_of(&root, "supplement-ul-mg").contains("not established"));
}

#[wasm_bindgen_test]
async fn a_refused_age_keeps_the_last_valid_values() {
    clear_storage();
    let root = mount_app().await;
    show_section(&root, "profile").await;
    type_into(&root, "profile-age", "16").await;
    assert_eq!(text_of(&root, "target-mg"), "360 mg");
    for bad in ["", "-4", "130"] {
        type_into(&root, "profile-age", bad).await;
        let age = find(&root, "profile-age").expect("the age field");
        assert_eq!(
            age.get_attribute("aria-invalid").as_deref(),
            Some("true"),
            "{bad:?}"
        );
        let alert = root
            .query_selector("[role=alert]")
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("an alert for {bad:?}"));
        assert!(!alert.text_content().unwrap_or_default().is_empty());
        assert_eq!(text_of(&root, "target-mg"), "360 mg", "{bad:?}");
    }
    type_into(&root, "profile-age", "40").await;
    assert_eq!(text_of(&root, "target-mg"), "320 mg");
    assert!(root.query_selector("[role=alert]").ok().flatten().is_none());
}

#[wasm_bindgen_test]
async fn pregnancy_is_not_offered_for_a_male_profile() {
    clear_storage();
    let root = mount_app().await;
    show_section(&root, "profile").await;
    type_into(&root, "profile-age", "25").await;
    choose(&root, "profile-stage", "pregnant").await;
    assert_eq!(text_of(&root, "target-mg"), "350 mg");
    choose(&root, "profile-sex", "male").await;
    assert_eq!(text_of(&root, "target-mg"), "400 mg");
    let pregnant = root
        .query_selector("[data-testid=profile-stage] option[value=pregnant]")
        .ok()
        .flatten()
        .expect("the pregnant option");
    assert!(pregnant.has_attribute("disabled"));
}
