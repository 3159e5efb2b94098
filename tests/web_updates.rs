//! Development and test builds register no service worker, so they never serve stale code;
//! only release builds do (see src/updates.rs and tests/e2e/offline.test.mjs).
#![cfg(target_arch = "wasm32")]

mod web_support;

use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::{clear_storage, mount_app};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_development_build_never_tries_to_register_a_service_worker() {
    clear_storage();
    // Count every attempt, successful or not: this test page has no sw.js, so a failed attempt
    // would otherwise look the same as none.
    js_sys::Function::new_no_args(
        "window.__registerCalls = 0;
         const real = ServiceWorkerContainer.prototype.register;
         ServiceWorkerContainer.prototype.register = function (...args) {
           window.__registerCalls += 1;
           return real.apply(this, args);
         };",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .expect("the test script runs");
    let _root = mount_app().await;
    // Registration, where it happens, starts from an effect after the first render.
    yew::scheduler::flush().await;
    let calls = js_sys::Reflect::get(
        &web_sys::window().expect("a window"),
        &wasm_bindgen::JsValue::from_str("__registerCalls"),
    )
    .ok()
    .and_then(|v| v.as_f64());
    assert_eq!(calls, Some(0.0));
    let container = web_sys::window()
        .expect("a window")
        .navigator()
        .service_worker();
    let registrations = JsFuture::from(container.get_registrations())
        .await
        .expect("the browser lists registrations");
    assert_eq!(js_sys::Array::from(&registrations).length(), 0);
}
