//! Keeps the installed app current: registers the service worker (release builds only, so
//! development never serves stale code), notices when a newer build has been installed beside
//! the running one, and switches to it when the person chooses to reload.

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};
use yew::Callback;

/// What the page can offer.
#[derive(Clone, Debug, PartialEq)]
pub enum Update {
    /// A newer build is installed and waiting for this page to let it take over.
    Waiting(ServiceWorker),
    /// Another tab let a newer build take over; this page still runs the old code.
    TakenOver,
}

thread_local! {
    /// Set when this page asked the waiting build to take over, so it reloads itself when that
    /// happens rather than offering to.
    static RELOAD_REQUESTED: Cell<bool> = const { Cell::new(false) };
}

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

/// Registers the service worker and calls `on_update` when a newer build is waiting, or has
/// taken over from another tab. Does nothing in development builds.
pub fn register(on_update: Callback<Update>) {
    let Some(container) = container() else {
        return;
    };
    // The first worker taking control of a page is an install, not an update.
    let had_controller = Rc::new(Cell::new(container.controller().is_some()));
    {
        let on_update = on_update.clone();
        EventListener::new(&container, "controllerchange", move |_| {
            if RELOAD_REQUESTED.with(Cell::get) {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            } else if had_controller.replace(true) {
                on_update.emit(Update::TakenOver);
            }
        })
        .forget();
    }
    let on_update_ready = on_update.reform(Update::Waiting);
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

/// Switches to the newer build: a waiting one is asked to take over (the page reloads when it
/// has); one already in charge needs only a reload. Saved plans live in the browser's storage,
/// not in the cache, so they carry over untouched.
pub fn apply(update: &Update) {
    let waiting = match update {
        Update::Waiting(worker) => worker,
        Update::TakenOver => {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
            return;
        }
    };
    RELOAD_REQUESTED.with(|requested| requested.set(true));
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &message,
        &JsValue::from_str("type"),
        &JsValue::from_str("SKIP_WAITING"),
    );
    let _ = waiting.post_message(&message);
}
