//! The doctor's summary in a real browser: two dated days with food, a dose and a medicine too
//! close to it, then `doctor-summary` from History shows the means over the days with entries,
//! the dose with its time and the medicine's warning, without the page's navigation.
#![cfg(target_arch = "wasm32")]

mod web_support;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::{
    add_an_ounce_of_pumpkin_seeds, choose, clear_storage, click, find, find_all, mount_app,
    show_section, text_of, type_into,
};
use web_sys::HtmlInputElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Sets the day on screen as the browser's date picker does (a `change` event).
async fn pick_date(root: &web_sys::Element, date: &str) {
    let input: HtmlInputElement = find(root, "day-date")
        .and_then(|e| e.dyn_into().ok())
        .expect("the date field");
    input.set_value(date);
    let event = web_sys::Event::new("change").expect("a change event");
    input.dispatch_event(&event).expect("the event dispatches");
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn the_summary_shows_the_means_a_dose_and_a_medicine_warning() {
    clear_storage();
    let root = mount_app().await;
    pick_date(&root, "2025-03-01").await;
    add_an_ounce_of_pumpkin_seeds(&root).await;
    type_into(&root, "symptom-rating", "6").await;
    show_section(&root, "supplements").await;
    choose(&root, "medicine-select", "tetracyclines").await;
    type_into(&root, "medicine-time", "08:00").await;
    click(&root, "add-medicine").await;
    choose(&root, "supplement-form", "citrate").await;
    type_into(&root, "supplement-amount", "200").await;
    choose(&root, "supplement-basis", "elemental").await;
    type_into(&root, "supplement-time", "09:00").await;
    click(&root, "add-supplement").await;

    // The second day has food only: the means are 156 mg from food and 100 mg from supplements
    // over 2 days, and the empty days of the 30 are not counted as zero.
    show_section(&root, "day").await;
    pick_date(&root, "2025-03-02").await;
    add_an_ounce_of_pumpkin_seeds(&root).await;
    type_into(&root, "symptom-rating", "2").await;
    show_section(&root, "history").await;
    click(&root, "doctor-summary").await;

    assert!(find(&root, "summary").is_some(), "the summary is on screen");
    assert!(
        find(&root, "nav-day").is_none() && find(&root, "food-search").is_none(),
        "the summary is alone on the page"
    );
    // The means and counts, in the same figures as "Did it help?" shows a period.
    let figures = root
        .query_selector("[data-testid=summary] .period")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|e| e.inner_text())
        .expect("the period's figures");
    for expected in [
        "Saturday 1 February 2025 to Sunday 2 March 2025",
        "From food, mean a day\n156 mg",
        "From supplements, mean a day\n100 mg",
        "Total, mean a day\n256 mg",
        "Days with entries\n2",
        "Mean night rating\n4.0 of 10",
        "Nights rated 5 or more\n1",
        "Nights rated\n2",
    ] {
        assert!(figures.contains(expected), "{expected:?} in {figures:?}");
    }
    let doses: Vec<String> = find_all(&root, "summary-dose")
        .iter()
        .map(|d| d.inner_text())
        .collect();
    assert_eq!(
        doses,
        vec!["Magnesium citrate: 200 mg of magnesium · 09:00".to_owned()]
    );
    let warnings = find_all(&root, "interaction-warning");
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0]
            .inner_text()
            .contains("1 hour after your tetracycline antibiotic at 08:00"),
        "{}",
        warnings[0].inner_text()
    );
    assert!(text_of(&root, "medicine-entry").contains("Tetracycline antibiotics"));
    assert!(find(&root, "remove-medicine").is_none(), "no controls");
    assert!(text_of(&root, "summary-question").contains("ferritin"));

    click(&root, "summary-back").await;
    assert!(find(&root, "doctor-summary").is_some(), "back in History");
    clear_storage();
}

#[wasm_bindgen_test]
async fn where_the_authority_sets_no_limit_for_the_age_the_summary_names_the_iom_s() {
    clear_storage();
    let root = mount_app().await;
    show_section(&root, "profile").await;
    choose(&root, "guideline-select", "eu").await;
    type_into(&root, "profile-age", "2").await;
    show_section(&root, "history").await;
    click(&root, "doctor-summary").await;
    let profile = text_of(&root, "summary-profile");
    assert!(
        profile.contains("supplements at most 65 mg (IOM)"),
        "{profile}"
    );
    let sources = find(&root, "summary-sources").map(|e| e.inner_text());
    let sources = sources.expect("the sources line");
    assert!(
        sources.contains("Supplement limit: IOM Tolerable Upper Intake Level (1997)"),
        "{sources}"
    );
    assert!(sources.contains("Target: EFSA"), "{sources}");
    clear_storage();
}
