//! Helpers shared by the browser tests: a fresh mount point, clean storage, and reading what the
//! page shows through the UI contract's `data-testid` hooks.
// Each test binary includes this module and uses only some of it.
#![allow(dead_code)]

use std::sync::OnceLock;

use magnesium_planner::App;
use magnesium_planner::app::AppProps;
use magnesium_planner::food_data::{CatalogState, FoodSource, catalog_from_text};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Storage};

/// The browser's `localStorage`; the tests run in a real page where it always exists. Plans
/// that an App is about to save (after the next paint) are written first, as leaving the page
/// would write them, so a test reads what the page will have saved.
pub fn local_storage() -> Storage {
    magnesium_planner::storage::save_unsaved_plans();
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("the test page has localStorage")
}

/// The text saved under `key`, or empty when nothing is (pending saves written first).
pub fn stored(key: &str) -> String {
    local_storage()
        .get_item(key)
        .ok()
        .flatten()
        .unwrap_or_default()
}

/// Empties `localStorage` so that one test's saved data cannot leak into another.
pub fn clear_storage() {
    local_storage()
        .clear()
        .expect("localStorage can be cleared");
}

/// Takes the section out of the page's address (`#view=…`), so that the next App mounted opens
/// on the day as a first visit does, whatever an earlier test chose.
pub fn reset_address() {
    let window = web_sys::window().expect("the test page has a window");
    let location = window.location();
    let (path, search) = (
        location.pathname().expect("a path"),
        location.search().expect("a query"),
    );
    window
        .history()
        .expect("the test page has a history")
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        )
        .expect("the address can be replaced");
}

/// Shows the page's section `name` ("day", "supplements", "profile", "plans", "guide") as a
/// person would, through its `nav-` link, and waits for the page to render.
pub async fn show_section(root: &Element, name: &str) {
    click(root, &format!("nav-{name}")).await;
}

/// Mounts a fresh App in its own element, waits until it has rendered, and returns the element.
/// The food table is built in (the test server does not serve `foods.tsv`).
pub async fn mount_app() -> Element {
    mount_app_with(food_catalog()).await
}

/// Mounts a fresh App whose food table is `catalog` (ready, still loading, or failed), waits
/// until it has rendered all of it, and returns its element.
pub async fn mount_app_with(catalog: CatalogState) -> Element {
    let root = mount_first_screen(catalog).await;
    // The page renders its first screen first and the rest after that has been painted.
    magnesium_planner::browser::after_paint().await;
    yew::scheduler::flush().await;
    root
}

/// Mounts a fresh App and returns its element once its first render is done, before the part
/// below the first screen follows.
pub async fn mount_first_screen(catalog: CatalogState) -> Element {
    mount_first_screen_with_props(AppProps {
        food_source: FoodSource::Ready(catalog),
        ..AppProps::default()
    })
    .await
}

/// [`mount_first_screen`] with the props given, as the page gives its own.
pub async fn mount_first_screen_with_props(props: AppProps) -> Element {
    // What an earlier App was about to save is written first, as a reload writes it.
    magnesium_planner::storage::save_unsaved_plans();
    reset_address();
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("the test page has a document");
    let root = document
        .create_element("div")
        .expect("a div can be created");
    document
        .body()
        .expect("the test page has a body")
        .append_child(&root)
        .expect("the div can be attached");
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

/// Searches for `query` and clicks the result whose name is exactly `name`.
pub async fn pick(root: &Element, query: &str, name: &str) {
    type_into(root, "food-search", query).await;
    let result = find_all(root, "food-result")
        .into_iter()
        .find(|r| {
            r.query_selector(".result-name")
                .ok()
                .flatten()
                .and_then(|n| n.text_content())
                .as_deref()
                == Some(name)
        })
        .unwrap_or_else(|| panic!("{query:?} lists {name:?}"));
    result.click();
    yew::scheduler::flush().await;
}

/// The element with `data-testid="{test_id}"` inside `root`, if there is one.
pub fn find(root: &Element, test_id: &str) -> Option<HtmlElement> {
    root.query_selector(&format!("[data-testid=\"{test_id}\"]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
}

/// The text of the element with that `data-testid`, panicking with its name if it is missing.
pub fn text_of(root: &Element, test_id: &str) -> String {
    find(root, test_id)
        .unwrap_or_else(|| panic!("no element with data-testid={test_id}"))
        .inner_text()
}

/// The real food table, parsed once per test binary.
pub fn food_catalog() -> CatalogState {
    thread_local! {
        static CATALOG: OnceLock<CatalogState> = const { OnceLock::new() };
    }
    CATALOG.with(|c| {
        c.get_or_init(|| catalog_from_text(include_str!("../../data/foods.tsv")))
            .clone()
    })
}

/// Types `text` into the input with that `data-testid` as a person would, and waits for the
/// page to render.
pub async fn type_into(root: &Element, test_id: &str, text: &str) {
    let input: web_sys::HtmlInputElement = find(root, test_id)
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| panic!("{test_id} is an input"));
    type_into_input(&input, text).await;
}

/// Types `text` into `input` as a person would, and waits for the page to render.
pub async fn type_into_input(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    let event = web_sys::InputEvent::new("input").expect("an input event");
    input.dispatch_event(&event).expect("the event dispatches");
    yew::scheduler::flush().await;
}

/// The quantity field of the first food of the day on screen.
pub fn first_entry_quantity(root: &Element) -> web_sys::HtmlInputElement {
    root.query_selector("[data-testid=plan-entry] input[type=number]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
        .expect("a food of the day with its quantity field")
}

/// Chooses `value` in the select with that `data-testid` and waits for the page to render.
pub async fn choose(root: &Element, test_id: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = find(root, test_id)
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| panic!("{test_id} is a select"));
    select.set_value(value);
    let event = web_sys::Event::new("change").expect("a change event");
    select.dispatch_event(&event).expect("the event dispatches");
    yew::scheduler::flush().await;
}

/// Clicks the element with that `data-testid` and waits for the page to render.
pub async fn click(root: &Element, test_id: &str) {
    find(root, test_id)
        .unwrap_or_else(|| panic!("no element with data-testid={test_id}"))
        .click();
    yew::scheduler::flush().await;
}

/// Every element with that `data-testid`, in document order.
pub fn find_all(root: &Element, test_id: &str) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(&format!("[data-testid=\"{test_id}\"]")) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// Chooses the option of `portion-select` whose text is `label` ("1 oz (28.35 g)").
pub async fn choose_portion(root: &Element, label: &str) {
    let select: web_sys::HtmlSelectElement = find(root, "portion-select")
        .and_then(|e| e.dyn_into().ok())
        .expect("the portion select");
    let options = select.options();
    let value = (0..options.length())
        .filter_map(|i| options.item(i))
        .filter_map(|o| o.dyn_into::<web_sys::HtmlOptionElement>().ok())
        .find(|o| o.text() == label)
        .map(|o| o.value())
        .unwrap_or_else(|| panic!("a {label} portion"));
    choose(root, "portion-select", &value).await;
}

/// Adds 1 oz of roasted pumpkin seed kernels (156 mg) to the meal the form has chosen.
pub async fn add_an_ounce_of_pumpkin_seeds(root: &Element) {
    add_an_ounce_of_pumpkin_seeds_to(root, None).await;
}

/// Adds 1 oz of roasted pumpkin seed kernels (156 mg) to `meal` (a `meal-select` value), or to
/// the meal the form has chosen.
pub async fn add_an_ounce_of_pumpkin_seeds_to(root: &Element, meal: Option<&str>) {
    pick(
        root,
        "pumpkin seeds",
        "Seeds, pumpkin and squash seed kernels, roasted, without salt",
    )
    .await;
    choose_portion(root, "1 oz (28.35 g)").await;
    if let Some(meal) = meal {
        choose(root, "meal-select", meal).await;
    }
    click(root, "add-food").await;
}
