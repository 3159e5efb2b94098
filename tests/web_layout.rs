//! The page's sections and quick add in a real browser: the day first, the bar of sections with
//! `aria-current` and the back button, the profile in one line once chosen, the totals while the
//! food table loads, recent foods and favourites added in one tap, undone, and kept in storage.
#![cfg(target_arch = "wasm32")]

mod web_support;

use magnesium_planner::domain::choice::Choice;
use magnesium_planner::domain::plan::Meal;
use magnesium_planner::domain::quick::{decode_quick_foods, meal_for_hour};
use magnesium_planner::storage::{PLAN_KEY, QUICK_FOODS_KEY, load_quick_foods};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::{
    choose, choose_portion, clear_storage, click, find, find_all, local_storage, mount_app,
    mount_app_with, mount_first_screen, pick, show_section, text_of, type_into,
};
use web_sys::{Element, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Whether this test window is wide enough for the side-by-side layout (1000 CSS pixels, as
/// `WIDE_MIN_WIDTH_PX` in src/app/navigation.rs).
fn wide() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= 1000.0)
}

/// The `nav-` hooks marked as the current section.
fn current_nav(root: &Element) -> Vec<String> {
    let Ok(list) = root.query_selector_all("[data-testid^=nav-][aria-current=page]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .filter_map(|e| e.get_attribute("data-testid"))
        .collect()
}

fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Goes back one step in the history, as the browser's back button does, and waits until the
/// page has handled it.
async fn go_back() {
    let window = web_sys::window().expect("a window");
    let arrived = js_sys::Promise::new(&mut |resolve, _| {
        gloo_events::EventListener::once(&window, "popstate", move |_| {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        })
        .forget();
    });
    window
        .history()
        .expect("a history")
        .back()
        .expect("back works");
    wasm_bindgen_futures::JsFuture::from(arrived)
        .await
        .expect("the page went back");
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn the_first_render_holds_the_first_screen_and_the_rest_follows_after_a_paint() {
    clear_storage();
    let root = mount_first_screen(web_support::food_catalog()).await;
    assert!(
        find(&root, "food-search").is_some(),
        "the search box is in the first render"
    );
    assert!(find(&root, "total-mg").is_some());
    assert!(
        find(&root, "water-mg-per-l").is_none(),
        "the water form, below the first screen, waits"
    );
    magnesium_planner::browser::after_paint().await;
    yew::scheduler::flush().await;
    assert!(
        find(&root, "water-mg-per-l").is_some(),
        "and follows after a paint"
    );
    assert!(find(&root, "custom-food-name").is_some());
}

#[wasm_bindgen_test]
async fn the_page_opens_on_the_day_and_every_section_is_a_link_away() {
    clear_storage();
    let root = mount_app().await;
    assert!(find(&root, "food-search").is_some(), "the day is first");
    assert!(find(&root, "total-mg").is_some());
    assert_eq!(current_nav(&root), vec!["nav-day"]);
    if !wide() {
        // Only the section on screen is rendered.
        assert!(find(&root, "supplement-form").is_none());
        assert!(find(&root, "profile-age").is_none());
        assert!(find(&root, "plan-select").is_none());
    }
    for (section, hook) in [
        ("supplements", "supplement-form"),
        ("profile", "profile-age"),
        ("plans", "plan-select"),
        ("guide", "nav-guide"),
        ("day", "food-search"),
    ] {
        let link = find(&root, &format!("nav-{section}")).expect("a nav link");
        assert_eq!(
            link.get_attribute("href").as_deref(),
            Some(format!("#view={section}").as_str()),
            "a real link"
        );
        show_section(&root, section).await;
        assert_eq!(current_nav(&root), vec![format!("nav-{section}")]);
        assert_eq!(hash(), format!("#view={section}"));
        assert!(find(&root, hook).is_some(), "{section} shows {hook}");
    }
    assert!(
        root.text_content()
            .unwrap_or_default()
            .contains("Taking magnesium well")
            || !wide(),
        "a wide screen keeps the last side section (the guide) beside the day"
    );
}

#[wasm_bindgen_test]
async fn the_back_button_returns_to_the_section_before() {
    clear_storage();
    let root = mount_app().await;
    show_section(&root, "profile").await;
    show_section(&root, "plans").await;
    assert_eq!(current_nav(&root), vec!["nav-plans"]);
    go_back().await;
    assert_eq!(current_nav(&root), vec!["nav-profile"]);
    assert!(find(&root, "profile-age").is_some());
    go_back().await;
    assert_eq!(current_nav(&root), vec!["nav-day"]);
    assert!(find(&root, "food-search").is_some());
}

#[wasm_bindgen_test]
async fn the_profile_shows_in_one_line_once_chosen() {
    clear_storage();
    let root = mount_app().await;
    if wide() {
        // The profile itself is beside the day until another side section is chosen.
        assert!(find(&root, "profile-line").is_none());
        show_section(&root, "plans").await;
    }
    let line = text_of(&root, "profile-line");
    assert_eq!(
        line,
        "Showing values for: Woman, 30 · US values · Set your profile"
    );
    show_section(&root, "profile").await;
    assert!(
        find(&root, "profile-line").is_none(),
        "not beside the profile"
    );
    type_into(&root, "profile-age", "52").await;
    show_section(&root, "plans").await;
    let line = text_of(&root, "profile-line");
    assert!(
        line.starts_with(
            "Woman, 52 · US values · aim 320 mg · supplements at most 350 mg · Change"
        ),
        "{line}"
    );
    // "Change" goes to the profile.
    click(&root, "change-profile").await;
    assert_eq!(current_nav(&root), vec!["nav-profile"]);
    assert!(find(&root, "profile-age").is_some());
    assert!(
        local_storage()
            .get_item("magnesium-planner.settings")
            .ok()
            .flatten()
            .is_some(),
        "a chosen profile is saved"
    );
}

#[wasm_bindgen_test]
async fn a_first_visit_saves_no_settings_until_one_changes() {
    clear_storage();
    let root = mount_app().await;
    assert!(find(&root, "food-search").is_some());
    assert_eq!(
        local_storage()
            .get_item("magnesium-planner.settings")
            .ok()
            .flatten(),
        None
    );
}

#[wasm_bindgen_test]
async fn while_the_food_table_loads_the_totals_say_so() {
    use magnesium_planner::food_data::CatalogState;
    clear_storage();
    local_storage()
        .set_item(
            PLAN_KEY,
            r#"{"version":1,"data":{"next_id":1,"entries":[{"id":0,"ndb":12016,"portion_label":"1 oz (28.35 g)","portion_grams":28.35,"quantity":1.0,"meal":"snacks"}]}}"#,
        )
        .expect("the test can write");
    let root = mount_app_with(CatalogState::Loading).await;
    for hook in ["total-food-mg", "total-mg"] {
        let text = text_of(&root, hook);
        assert!(text.contains("Loading"), "{hook}: {text}");
        assert!(!text.contains("at least"), "{hook}: {text}");
    }
    let entry = text_of(&root, "plan-entry");
    assert!(!entry.contains("no data"), "{entry}");
    assert!(
        !root
            .text_content()
            .unwrap_or_default()
            .contains("at least 0 mg")
    );
}

/// Adds 2 × 1 oz of almonds (153 mg) to dinner through the search and the add form.
async fn add_almonds_by_search(root: &Element) {
    pick(root, "almonds", "Nuts, almonds").await;
    let select: HtmlSelectElement = find(root, "portion-select")
        .and_then(|e| e.dyn_into().ok())
        .expect("the portion select");
    assert_eq!(
        select
            .selected_options()
            .item(0)
            .and_then(|o| o.text_content())
            .as_deref(),
        Some("1 cup, whole (143 g)"),
        "a picked food starts from its first household measure"
    );
    choose_portion(root, "1 oz (28.35 g)").await;
    type_into(root, "quantity-input", "2").await;
    choose(root, "meal-select", "dinner").await;
    click(root, "add-food").await;
}

#[wasm_bindgen_test]
async fn a_recent_food_is_added_again_in_one_tap_with_its_portion_and_can_be_undone() {
    clear_storage();
    let root = mount_app().await;
    assert!(find_all(&root, "recent-food").is_empty());
    add_almonds_by_search(&root).await;
    assert_eq!(find_all(&root, "plan-entry").len(), 1);
    let recent = find_all(&root, "recent-food");
    assert_eq!(recent.len(), 1);
    assert!(
        recent[0].inner_text().contains("2 × 1 oz"),
        "{}",
        recent[0].inner_text()
    );

    let meal = meal_for_hour(js_sys::Date::new_0().get_hours());
    recent[0].click();
    yew::scheduler::flush().await;
    let entries = find_all(&root, "plan-entry");
    assert_eq!(entries.len(), 2);
    assert_eq!(
        entries[0].inner_text(),
        entries[1].inner_text(),
        "the same food, portion, quantity and magnesium"
    );
    let status = text_of(&root, "quick-add-status");
    assert!(status.starts_with("Added 2 × 1 oz"), "{status}");
    assert!(
        status.ends_with(&format!("of Nuts, almonds to {}.", meal.label())),
        "{status}"
    );
    if meal != Meal::Dinner {
        let heading = root
            .query_selector(&format!("#meal-{}", meal.value()))
            .ok()
            .flatten()
            .expect("the meal's heading");
        let section = heading.parent_element().expect("the meal");
        assert_eq!(
            section
                .query_selector_all("[data-testid=plan-entry]")
                .map(|l| l.length())
                .unwrap_or(0),
            1,
            "it went to {meal:?}"
        );
    }

    click(&root, "undo-add").await;
    assert_eq!(find_all(&root, "plan-entry").len(), 1);
    assert!(find(&root, "undo-add").is_none());
    assert!(text_of(&root, "quick-add-status").contains("out of"));

    // The recent foods were saved under their own key.
    let stored = local_storage()
        .get_item(QUICK_FOODS_KEY)
        .ok()
        .flatten()
        .expect("quick foods are saved");
    let quick = decode_quick_foods(&stored).expect("they read back");
    assert_eq!(quick.recent().len(), 1);
    assert_eq!(quick.recent()[0].quantity, 2.0);
}

#[wasm_bindgen_test]
async fn a_favourite_is_starred_on_an_entry_and_survives_a_remount() {
    clear_storage();
    let root = mount_app().await;
    add_almonds_by_search(&root).await;
    let star = root
        .query_selector("[data-testid=plan-entry] [data-testid=favourite-toggle]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .expect("the entry's star");
    assert_eq!(star.get_attribute("aria-pressed").as_deref(), Some("false"));
    star.click();
    yew::scheduler::flush().await;
    let star = root
        .query_selector("[data-testid=plan-entry] [data-testid=favourite-toggle]")
        .ok()
        .flatten()
        .expect("the entry's star");
    assert_eq!(star.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(find_all(&root, "favourite-food").len(), 1);

    let again = mount_app().await;
    let favourites = find_all(&again, "favourite-food");
    assert_eq!(favourites.len(), 1);
    assert!(favourites[0].inner_text().contains("Nuts, almonds"));
    favourites[0].click();
    yew::scheduler::flush().await;
    assert_eq!(find_all(&again, "plan-entry").len(), 2);
    assert_eq!(
        load_quick_foods()
            .value
            .map(|q| q.favourites().len())
            .unwrap_or(0),
        1
    );
}

#[wasm_bindgen_test]
async fn unreadable_quick_foods_are_kept_aside_and_reported() {
    clear_storage();
    local_storage()
        .set_item(QUICK_FOODS_KEY, "{\"version\":1,\"data\":{\"recent\":oops")
        .expect("the test can write");
    let root = mount_app().await;
    let notice = text_of(&root, "storage-notice");
    assert!(
        notice.contains("recent and favourite foods could not be read"),
        "{notice}"
    );
    assert_eq!(
        local_storage()
            .get_item("magnesium-planner.unreadable.1")
            .ok()
            .flatten()
            .as_deref(),
        Some("{\"version\":1,\"data\":{\"recent\":oops")
    );
    // Quick add still works and saves afresh.
    add_almonds_by_search(&root).await;
    assert_eq!(find_all(&root, "recent-food").len(), 1);
}

/// A plan named with the characters HTML gives meaning to reads as typed in the plan picker,
/// whose choices are written as HTML text: escaped, never read as markup.
#[wasm_bindgen_test]
async fn a_plan_named_with_markup_characters_reads_as_typed() {
    clear_storage();
    let root = mount_app().await;
    show_section(&root, "plans").await;
    let name = r#"<b>Week</b> & "rest""#;
    type_into(&root, "plan-name", name).await;
    let select: HtmlSelectElement = find(&root, "plan-select")
        .and_then(|e| e.dyn_into().ok())
        .expect("the plan picker");
    let chosen = select
        .selected_options()
        .item(0)
        .and_then(|option| option.text_content());
    assert_eq!(chosen.as_deref(), Some(name));
    assert!(
        select.query_selector("b").ok().flatten().is_none(),
        "no markup from the name"
    );
    clear_storage();
}

/// Favourites another tab saves after this page has read its own and before it listens (Yew
/// may give the browser a turn between the first render and its effects) are taken up.
#[wasm_bindgen_test]
async fn favourites_another_tab_saves_while_the_page_starts_are_taken_up() {
    clear_storage();
    let other = mount_app().await;
    add_almonds_by_search(&other).await;
    click(&other, "favourite-toggle").await;
    let other_tabs = local_storage()
        .get_item(QUICK_FOODS_KEY)
        .ok()
        .flatten()
        .expect("the other tab's favourite is saved");
    other.remove();
    clear_storage();
    local_storage()
        .set_item(QUICK_FOODS_KEY, &other_tabs)
        .expect("storage");
    // The page's first read of the quick foods finds none, as before the other tab saved; the
    // stand-in then puts the real reader back itself.
    js_sys::Function::new_no_args(&format!(
        "const real = Storage.prototype.getItem;
         Storage.prototype.getItem = function (key) {{
           if (key !== '{QUICK_FOODS_KEY}') return real.call(this, key);
           Storage.prototype.getItem = real;
           return null;
         }};"
    ))
    .call0(&wasm_bindgen::JsValue::NULL)
    .expect("the stand-in is set");

    let root = mount_app().await;
    assert_eq!(find_all(&root, "favourite-food").len(), 1, "taken up");
    assert_eq!(
        local_storage().get_item(QUICK_FOODS_KEY).ok().flatten(),
        Some(other_tabs),
        "not written over"
    );
    clear_storage();
}
