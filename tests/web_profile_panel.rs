//! The profile panel in a real browser: it renders the contract's fields, changing them updates
//! the reference values, a refused age keeps the last valid result, and children and infants get
//! the limit that applies to them.
#![cfg(target_arch = "wasm32")]

mod web_support;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::{
    choose, clear_storage, click, find, find_all, mount_app, show_section, text_of, type_into,
};

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
    // EFSA sets none under 4: "not established", then the IOM's 65 mg, never the first alone.
    let limit = text_of(&root, "supplement-ul-mg");
    assert!(limit.contains("not established"), "{limit}");
    assert!(limit.contains("IOM") && limit.contains("65 mg"), "{limit}");
}

fn has_class(element: &web_sys::HtmlElement, class: &str) -> bool {
    element.class_name().split_whitespace().any(|c| c == class)
}

async fn add_dose(root: &web_sys::Element, amount: &str) {
    choose(root, "supplement-form", "citrate").await;
    type_into(root, "supplement-amount", amount).await;
    choose(root, "supplement-basis", "elemental").await;
    click(root, "add-supplement").await;
}

/// Waits, up to about two seconds, until `ready` holds: the day's chart and suggestions are
/// drawn in tasks of their own after the page, so one flush is not enough for them.
async fn wait_until(mut ready: impl FnMut() -> bool) -> bool {
    for _ in 0..100 {
        if ready() {
            return true;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
        yew::scheduler::flush().await;
    }
    ready()
}

#[wasm_bindgen_test]
async fn an_infant_with_any_supplement_is_warned_and_offered_no_foods() {
    clear_storage();
    let root = mount_app().await;
    // An adult below target is offered foods.
    show_section(&root, "day").await;
    assert!(wait_until(|| !find_all(&root, "gap-suggestion").is_empty()).await);
    show_section(&root, "profile").await;
    type_into(&root, "profile-age", "0.5").await;
    let limit = text_of(&root, "supplement-ul-mg");
    assert!(limit.contains("not established"), "{limit}");
    assert!(limit.contains("milk, formula and food"), "{limit}");
    show_section(&root, "day").await;
    let says_why = || {
        root.text_content()
            .unwrap_or_default()
            .contains("breast milk, formula")
    };
    assert!(wait_until(says_why).await, "says why there are no foods");
    assert!(find(&root, "ul-warning").is_none(), "no supplement yet");
    assert!(find_all(&root, "gap-suggestion").is_empty());

    show_section(&root, "supplements").await;
    add_dose(&root, "50").await;
    let warning = text_of(&root, "ul-warning");
    assert!(warning.contains("under 1 year"), "{warning}");
    assert!(warning.contains("doctor"), "{warning}");
    show_section(&root, "day").await;
    assert!(wait_until(says_why).await);
    assert!(find_all(&root, "gap-suggestion").is_empty());
}

#[wasm_bindgen_test]
async fn far_above_the_limit_the_warning_names_toxicity_and_louder_with_kidney_disease() {
    clear_storage();
    let root = mount_app().await;
    show_section(&root, "profile").await;
    type_into(&root, "profile-age", "6").await;
    choose(&root, "guideline-select", "uk").await;
    show_section(&root, "supplements").await;
    add_dose(&root, "200").await;
    let warning = text_of(&root, "ul-warning");
    assert!(
        warning.contains("IOM") && warning.contains("110 mg"),
        "{warning}"
    );
    assert!(warning.contains("diarrhoea"), "{warning}");
    assert!(!warning.contains("medical help"), "{warning}");

    add_dose(&root, "400").await;
    let far = find(&root, "ul-warning").expect("the warning");
    let text = far.inner_text();
    assert!(text.contains("medical help"), "{text}");
    assert!(text.contains("toxicity"), "{text}");
    assert!(has_class(&far, "ul-far"));
    assert!(!has_class(&far, "ul-kidney"));

    show_section(&root, "profile").await;
    click(&root, "kidney-switch").await;
    show_section(&root, "supplements").await;
    let loud = find(&root, "ul-warning").expect("the warning");
    assert!(has_class(&loud, "ul-kidney"));
    assert!(
        loud.inner_text().contains("kidney"),
        "{}",
        loud.inner_text()
    );
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
