//! Small doors to the browser besides storage: saving a file to the person's device, the URL
//! fragment that carries a shared plan, the clock, and yielding to the browser between slices
//! of long work. Nothing here talks to a network.

use wasm_bindgen::JsCast;

/// Offers `text` as a file called `file_name` for the person to save.
pub fn download_text(file_name: &str, text: &str, mime_type: &str) -> Result<(), String> {
    let failed = |_| "the browser would not create the file".to_owned();
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| "the browser would not create the file".to_owned())?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // The click has handed the file to the browser; the object URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Today's date as `YYYY-MM-DD`, for file names.
pub fn today_iso() -> String {
    let iso = js_sys::Date::new_0().to_iso_string();
    String::from(iso).chars().take(10).collect()
}

/// Today's date on the person's own clock (their local calendar date, not UTC's), or `None`
/// if the browser's clock gives a year the diary does not accept.
pub fn local_today() -> Option<crate::domain::diary::CalendarDate> {
    let now = js_sys::Date::new_0();
    // getMonth counts from 0; the other parts are whole numbers in range for a valid clock.
    let month = u8::try_from(now.get_month() + 1).ok()?;
    let day = u8::try_from(now.get_date()).ok()?;
    crate::domain::diary::CalendarDate::new(now.get_full_year() as i32, month, day).ok()
}

/// The calendar date on the person's own clock at `at_ms` (ms since the epoch).
pub fn local_date_at(at_ms: f64) -> Option<crate::domain::diary::CalendarDate> {
    let at = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms));
    let month = u8::try_from(at.get_month() + 1).ok()?;
    let day = u8::try_from(at.get_date()).ok()?;
    crate::domain::diary::CalendarDate::new(at.get_full_year() as i32, month, day).ok()
}

/// Asks the browser to keep this site's storage even when space runs low
/// (`navigator.storage.persist()`), unless it already does; resolves to whether it does.
/// `None` where the browser offers no such promise (older Safari, some private modes).
pub async fn keep_storage() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let ask = |promise: Result<js_sys::Promise, wasm_bindgen::JsValue>| async move {
        wasm_bindgen_futures::JsFuture::from(promise.ok()?)
            .await
            .ok()?
            .as_bool()
    };
    if ask(storage.persisted()).await? {
        return Some(true);
    }
    ask(storage.persist()).await
}

/// The time now in ms since the epoch; 0 outside a browser (native tests), where only the order
/// of changes within one test matters.
pub fn now_ms() -> f64 {
    if cfg!(target_arch = "wasm32") {
        js_sys::Date::now()
    } else {
        0.0
    }
}

/// The code after `#share=` in the page's address, if there is one.
pub fn shared_code_in_url(prefix: &str) -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.strip_prefix('#')?
        .strip_prefix(prefix)
        .map(str::to_owned)
}

/// Removes the fragment from the address without reloading, so a reload does not offer the
/// shared plan again.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
}

/// The address of this page with `fragment` after `#`.
pub fn link_with_fragment(fragment: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let (origin, path, search) = (
        location.origin().ok()?,
        location.pathname().ok()?,
        location.search().ok()?,
    );
    Some(format!("{origin}{path}{search}#{fragment}"))
}

/// Calls `on_hide` whenever the page is being left or put away (`pagehide`, and
/// `visibilitychange` to hidden, the last event a phone may give before it discards a page),
/// for as long as the returned listeners are kept.
pub fn on_page_hide(
    on_hide: impl Fn() + Clone + 'static,
) -> Option<[gloo_events::EventListener; 2]> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let on_leave = on_hide.clone();
    let leave = gloo_events::EventListener::new(&window, "pagehide", move |_| on_leave());
    let watched = document.clone();
    let hide = gloo_events::EventListener::new(&document, "visibilitychange", move |_| {
        if watched.hidden() {
            on_hide();
        }
    });
    Some([leave, hide])
}

/// Resolves once the browser has painted the next frame: in the task after that frame's
/// animation callbacks, which run just before it paints. In a hidden page, which paints nothing
/// and runs no animation callbacks, it resolves at once.
pub async fn after_paint() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if window.document().is_none_or(|d| d.hidden()) {
        return;
    }
    let frame = js_sys::Promise::new(&mut |resolve, _reject| {
        if window.request_animation_frame(&resolve).is_err() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    yield_to_browser().await;
}

/// Lets the browser handle input and paint before the caller goes on: resolves in a new task
/// of the event loop. A message to ourselves is used rather than `setTimeout(0)`, which
/// browsers stretch to 4 ms once such calls nest. If the channel cannot be made, it resolves
/// at once, which only makes the caller's work one longer task.
pub async fn yield_to_browser() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return;
    };
    let port = channel.port2();
    let arrived = js_sys::Promise::new(&mut |resolve, _reject| {
        channel.port1().set_onmessage(Some(&resolve));
    });
    if port.post_message(&wasm_bindgen::JsValue::NULL).is_ok() {
        // The promise resolves with the message event; only its arrival matters.
        let _ = wasm_bindgen_futures::JsFuture::from(arrived).await;
    }
}

/// Whether the `<details>` element a `toggle` event came from is open now: the browser opens
/// and closes it itself, and the event says only that it did one of the two.
pub fn details_opened(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|details| details.has_attribute("open"))
}
