//! Magnesium Planner: plan a day's magnesium from foods and supplements against official
//! reference values, in the browser, with nothing leaving the device.
//!
//! Layout: [`domain`] is pure Rust; [`state`] holds the one reducer whose actions call the
//! domain; [`storage`] is the only door to the browser's storage; [`components`] show state and
//! send actions; [`app`] ties them together.

pub mod app;
pub mod browser;
pub mod components;
pub mod domain;
pub mod food_data;
pub mod state;
pub mod storage;
pub mod updates;

use std::rc::Rc;

pub use app::App;

/// Talc instead of the standard library's dlmalloc as the wasm's allocator: 3.1 KB less gzip
/// for the same work (BENCHMARKS.md, "Size budgets"). Set here rather than in `main.rs`, so
/// the browser tests, which link the library, run on the allocator the app ships with.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The id of the element `index.html` gives the app; it holds the static shell until then.
pub const ROOT_ELEMENT_ID: &str = "app";

/// Replaces the static shell in `index.html` with the running app: reads the saved plans in a
/// task after the one that started the wasm, and renders in the task after that.
pub fn start() {
    // Starting the wasm (the browser finishes compiling it in the same task), reading a year of
    // saved plans (75 to 140 ms at 4x CPU slowdown) and the first render (65 to 160 ms with a
    // day of twelve foods) made one task of about 450 ms when done together: a tap waited for
    // all of it. Apart, the browser answers input in between (BENCHMARKS.md, "Start-up in
    // three tasks").
    wasm_bindgen_futures::spawn_local(async {
        browser::yield_to_browser().await;
        let saved_plans = Rc::new(storage::load_plan_book());
        browser::yield_to_browser().await;
        let props = app::AppProps {
            saved_plans: Some(saved_plans),
            ..app::AppProps::default()
        };
        let root = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id(ROOT_ELEMENT_ID));
        match root {
            Some(root) => {
                // The shell painted before the wasm arrived; the app replaces it rather than
                // rendering beside it.
                root.set_inner_html("");
                yew::Renderer::<App>::with_root_and_props(root, props).render();
            }
            None => {
                yew::Renderer::<App>::with_props(props).render();
            }
        }
    });
}
