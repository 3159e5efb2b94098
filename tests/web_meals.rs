//! Building a day of meals in a real browser: search, pick, choose a portion, add, edit in
//! place, remove, and read the totals, through the UI contract's hooks.
#![cfg(target_arch = "wasm32")]

mod web_support;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::{
    add_an_ounce_of_pumpkin_seeds, choose, choose_portion, clear_storage, click, find, find_all,
    mount_app, pick, text_of, type_into,
};
use web_sys::HtmlInputElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Two foods, each with its own portion, quantity and meal, add up to the day's total.
#[wasm_bindgen_test]
async fn a_day_of_meals_adds_up() {
    clear_storage();
    let root = mount_app().await;
    assert_eq!(text_of(&root, "total-food-mg"), "0 mg");

    pick(
        &root,
        "pumpkin seeds",
        "Seeds, pumpkin and squash seed kernels, roasted, without salt",
    )
    .await;
    choose_portion(&root, "1 oz (28.35 g)").await;
    type_into(&root, "quantity-input", "1").await;
    choose(&root, "meal-select", "snacks").await;
    click(&root, "add-food").await;

    pick(
        &root,
        "spinach boiled",
        "Spinach, cooked, boiled, drained, without salt",
    )
    .await;
    choose_portion(&root, "1 cup (180 g)").await;
    type_into(&root, "quantity-input", "0.5").await;
    choose(&root, "meal-select", "dinner").await;
    click(&root, "add-food").await;

    let entries = find_all(&root, "plan-entry");
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().any(|e| e.inner_text().contains("78 mg")));
    assert!(entries.iter().any(|e| e.inner_text().contains("156 mg")));
    assert_eq!(text_of(&root, "total-food-mg"), "234 mg");
}

#[wasm_bindgen_test]
async fn entries_are_edited_in_place_and_removed() {
    clear_storage();
    let root = mount_app().await;
    add_an_ounce_of_pumpkin_seeds(&root).await;
    assert_eq!(text_of(&root, "total-food-mg"), "156 mg");

    web_support::type_into_input(&web_support::first_entry_quantity(&root), "2").await;
    assert_eq!(text_of(&root, "total-food-mg"), "312 mg");

    click(&root, "remove-entry").await;
    assert!(find_all(&root, "plan-entry").is_empty());
    assert_eq!(text_of(&root, "total-food-mg"), "0 mg");
}

/// A row's portion is changed in place: the row offers the food's portions with its own first
/// and chosen, the totals follow the new one, and the row then offers that one first.
#[wasm_bindgen_test]
async fn a_rows_portion_is_changed_in_place() {
    clear_storage();
    let root = mount_app().await;
    add_an_ounce_of_pumpkin_seeds(&root).await;
    let row_select = || -> web_sys::HtmlSelectElement {
        find(&root, "plan-entry")
            .and_then(|row| row.query_selector("select").ok().flatten())
            .and_then(|e| e.dyn_into().ok())
            .expect("the row's portion select")
    };
    let labels = |select: &web_sys::HtmlSelectElement| -> Vec<String> {
        let options = select.options();
        (0..options.length())
            .filter_map(|i| options.item(i))
            .filter_map(|o| o.dyn_into::<web_sys::HtmlOptionElement>().ok())
            .map(|o| o.text())
            .collect()
    };
    let select = row_select();
    let offered = labels(&select);
    assert_eq!(offered.first().map(String::as_str), Some("1 oz (28.35 g)"));
    assert_eq!(select.selected_index(), 0);
    let hundred_grams = offered
        .iter()
        .position(|label| label == "100 g")
        .expect("100 g is offered");

    select.set_value(&hundred_grams.to_string());
    let event = web_sys::Event::new("change").expect("a change event");
    select.dispatch_event(&event).expect("the event dispatches");
    yew::scheduler::flush().await;

    assert_eq!(text_of(&root, "total-food-mg"), "550 mg");
    let select = row_select();
    let offered_now = labels(&select);
    assert_eq!(offered_now.first().map(String::as_str), Some("100 g"));
    assert_eq!(select.selected_index(), 0);
    assert!(offered_now.iter().any(|label| label == "1 oz (28.35 g)"));
    assert_eq!(offered_now.len(), offered.len());
}

#[wasm_bindgen_test]
async fn a_refused_quantity_adds_nothing() {
    clear_storage();
    let root = mount_app().await;
    pick(&root, "almonds", "Nuts, almonds").await;
    for bad in ["", "0", "-1", "100000"] {
        type_into(&root, "quantity-input", bad).await;
        click(&root, "add-food").await;
        let field = find(&root, "quantity-input").expect("the quantity field");
        assert_eq!(
            field.get_attribute("aria-invalid").as_deref(),
            Some("true"),
            "{bad:?}"
        );
        assert!(
            root.query_selector("[role=alert]").ok().flatten().is_some(),
            "{bad:?}"
        );
        assert!(
            find_all(&root, "plan-entry").is_empty(),
            "{bad:?} added nothing"
        );
    }
}

/// Types `text` into the focused field one character at a time through the browser's own
/// editing (as a keyboard does), so a number field holds text it cannot read on the way, which
/// setting `value` from script never gives.
async fn type_keys(text: &str) {
    let insert = js_sys::Function::new_with_args(
        "text",
        "return document.execCommand('insertText', false, text)",
    );
    for key in text.chars() {
        let inserted = insert
            .call1(&wasm_bindgen::JsValue::NULL, &key.to_string().into())
            .expect("execCommand runs");
        assert_eq!(inserted.as_bool(), Some(true), "the browser typed {key:?}");
        yew::scheduler::flush().await;
    }
}

/// Typing "1e9" once left "19" in the field and added 19 portions without a word (issue 13):
/// the field keeps exactly what was typed, says why it is refused, and nothing is added.
#[wasm_bindgen_test]
async fn a_quantity_it_cannot_take_stays_as_typed_and_adds_nothing() {
    clear_storage();
    let root = mount_app().await;
    pick(&root, "almonds", "Nuts, almonds").await;
    let field = || -> HtmlInputElement {
        find(&root, "quantity-input")
            .and_then(|e| e.dyn_into().ok())
            .expect("the quantity field")
    };
    type_into(&root, "quantity-input", "").await;
    field().focus().expect("the field takes focus");
    // Half-way, "1e" is text the browser cannot read: it reports an empty value, and the page
    // must not write its last number back ("1", which the "9" then made "19").
    type_keys("1e").await;
    assert_eq!(
        field().get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    let alert = root
        .query_selector("#quantity-input-error[role=alert]")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(alert.contains("as a number"), "{alert:?}");
    type_keys("9").await;
    assert_eq!(field().value(), "1e9");
    assert_eq!(
        field().get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    let described_by = field()
        .get_attribute("aria-describedby")
        .unwrap_or_default();
    let alert = root
        .query_selector(&format!("#{described_by}[role=alert]"))
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(alert.contains("more than the 100 kg"), "{alert:?}");

    click(&root, "add-food").await;
    assert!(find_all(&root, "plan-entry").is_empty());
    assert_eq!(text_of(&root, "total-food-mg"), "0 mg");
    assert_eq!(field().value(), "1e9", "pressing Add leaves the text alone");

    // A quantity it can take clears the refusal and is added as typed.
    type_into(&root, "quantity-input", "2").await;
    assert_eq!(
        field().get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert!(
        root.query_selector("#quantity-input-error")
            .ok()
            .flatten()
            .is_none()
    );
    click(&root, "add-food").await;
    assert_eq!(find_all(&root, "plan-entry").len(), 1);
}

#[wasm_bindgen_test]
async fn foods_without_data_make_the_total_a_lower_bound() {
    clear_storage();
    let root = mount_app().await;
    add_an_ounce_of_pumpkin_seeds(&root).await;
    // Search results mark foods without a magnesium value.
    pick(
        &root,
        "mayonnaise soybean",
        "Salad dressing, mayonnaise, soybean oil, without salt",
    )
    .await;
    let listed = find_all(&root, "food-result")
        .into_iter()
        .any(|r| r.inner_text().contains("no data"));
    assert!(listed, "search results mark the food as having no data");
    click(&root, "add-food").await;
    assert_eq!(text_of(&root, "total-food-mg"), "at least 156 mg");
    assert!(
        root.text_content()
            .unwrap_or_default()
            .contains("so the real total is higher")
    );
}

/// The name of the first search result.
fn first_result_name(root: &web_sys::Element) -> Option<String> {
    find_all(root, "food-result")
        .first()
        .and_then(|r| r.query_selector(".result-name").ok().flatten())
        .and_then(|n| n.text_content())
}

#[wasm_bindgen_test]
async fn staples_come_cooked_and_a_cup_of_the_uncooked_one_says_so() {
    clear_storage();
    let root = mount_app().await;
    type_into(&root, "food-search", "brown rice").await;
    assert_eq!(
        first_result_name(&root).as_deref(),
        Some("Rice, brown, long-grain, cooked")
    );

    // The cooked rice by the cup: nothing to point out.
    pick(&root, "brown rice", "Rice, brown, long-grain, cooked").await;
    choose_portion(&root, "1 cup (202 g)").await;
    assert!(find(&root, "uncooked-note").is_none());

    // The raw rice by the cup: the note says it is the uncooked measure.
    pick(&root, "raw brown rice", "Rice, brown, long-grain, raw").await;
    choose_portion(&root, "1 cup (185 g)").await;
    let note = text_of(&root, "uncooked-note");
    assert!(note.contains("uncooked"), "{note}");
    assert!(note.contains("choose the cooked food"), "{note}");
    // By weight there is nothing to point out.
    choose_portion(&root, "100 g").await;
    assert!(find(&root, "uncooked-note").is_none());
}

/// While the food table loads, a saved entry says that its name is coming rather than "no
/// data": the row is told by the meal list, which knows the table's state.
#[wasm_bindgen_test]
async fn a_saved_entry_says_its_name_is_loading_until_the_table_arrives() {
    clear_storage();
    let root = mount_app().await;
    add_an_ounce_of_pumpkin_seeds(&root).await;
    // The plan is saved once the change has been painted.
    magnesium_planner::browser::after_paint().await;
    yew::scheduler::flush().await;
    let root =
        web_support::mount_app_with(magnesium_planner::food_data::CatalogState::Loading).await;
    let rows = find_all(&root, "plan-entry");
    assert_eq!(rows.len(), 1, "the saved entry shows while the table loads");
    let text = rows[0].text_content().unwrap_or_default();
    assert!(text.contains("Loading the food's name…"), "{text}");
    assert!(!text.contains("no data"), "{text}");
}
