//! Keeps the installed app current: registers the service worker (release builds only, so
//! development never serves stale code), notices when a newer build has been installed beside
//! the running one, and switches to it when the person chooses to reload.

use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};
use yew::Callback;

/// Where the release build's service worker is, relative to the page.
const SERVICE_WORKER_URL: &str = "sw.js";

/// The browser's service-worker container, if this is a release build in a browser that has
/// one (insecure pages and some private modes do not).
fn container() -> Option<ServiceWorkerContainer> {
    if cfg!(debug_assertions) {
        return None;
    }
    let navigator = web_sys::window()?.navigator();
    let supported =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    supported.then(|| navigator.service_worker())
}

/// Registers the service worker and calls `on_update_ready` with a newer build's worker once it
/// is installed and waiting. Does nothing in development builds.
pub fn register(on_update_ready: Callback<ServiceWorker>) {
    let Some(container) = container() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register(SERVICE_WORKER_URL)).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        // Only a worker that would replace a running one is an update; the first install of
        // all just starts working.
        let is_update = {
            let container = container.clone();
            move || container.controller().is_some()
        };
        if let Some(waiting) = registration.waiting()
            && is_update()
        {
            on_update_ready.emit(waiting);
        }
        let found = registration.clone();
        EventListener::new(&registration, "updatefound", move |_| {
            let Some(installing) = found.installing() else {
                return;
            };
            let (worker, on_ready, is_update) = (
                installing.clone(),
                on_update_ready.clone(),
                is_update.clone(),
            );
            EventListener::new(&installing, "statechange", move |_| {
                if worker.state() == ServiceWorkerState::Installed && is_update() {
                    on_ready.emit(worker.clone());
                }
            })
            .forget();
        })
        .forget();
        // Look for a newer build whenever the planner comes back into view.
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let watched = document.clone();
            EventListener::new(&document, "visibilitychange", move |_| {
                if watched.visibility_state() == web_sys::VisibilityState::Visible {
                    let _ = registration.update();
                }
            })
            .forget();
        }
    });
}

/// Lets the waiting build take over, then reloads the page once it has. Saved plans live in
/// the browser's storage, not in the cache, so they carry over untouched.
pub fn apply(waiting: &ServiceWorker) {
    let Some(container) = container() else {
        return;
    };
    EventListener::once(&container, "controllerchange", |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    })
    .forget();
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &message,
        &JsValue::from_str("type"),
        &JsValue::from_str("SKIP_WAITING"),
    );
    let _ = waiting.post_message(&message);
}
