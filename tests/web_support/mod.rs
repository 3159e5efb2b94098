//! Helpers shared by the browser tests: a fresh mount point, clean storage, and reading what the
//! page shows through the UI contract's `data-testid` hooks.

use magnesium_planner::App;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Storage};

/// The browser's `localStorage`; the tests run in a real page where it always exists.
pub fn local_storage() -> Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("the test page has localStorage")
}

/// Empties `localStorage` so that one test's saved data cannot leak into another.
pub fn clear_storage() {
    local_storage()
        .clear()
        .expect("localStorage can be cleared");
}

/// Mounts a fresh App in its own element, waits until it has rendered, and returns the element.
pub async fn mount_app() -> Element {
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
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
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
