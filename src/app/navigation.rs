//! The doors to the browser that moving between sections needs: the address fragment that names
//! the section on screen (`#view=plans`), the history that the back button walks, the screen's
//! width, and where keyboard focus goes after a move.
//!
//! The section lives in the fragment, like a share link's `#share=…`: the two prefixes cannot
//! be mistaken for each other, a share link is never made with a section in it (links are built
//! from the page's path and query), and a static host never sees either.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;

use crate::components::Section;

/// The narrowest window, in CSS pixels, that shows several sections side by side. The same
/// number is the `min-width` of the wide layout's media queries in style/main.css.
pub const WIDE_MIN_WIDTH_PX: f64 = 1000.0;

/// The section the address names, if it names one.
pub fn section_in_address() -> Option<Section> {
    let hash = web_sys::window()?.location().hash().ok()?;
    Section::from_fragment(hash.strip_prefix('#').unwrap_or(&hash))
}

/// What the address says after the back or forward button: the section it names, the day for
/// an address without a fragment (where the page started), and `None` for any other fragment
/// (a skip link's `#main`, a share link), which leaves the section on screen as it is.
fn section_after_history_move() -> Option<Section> {
    let hash = web_sys::window()?.location().hash().ok()?;
    match hash.strip_prefix('#').unwrap_or(&hash) {
        "" => Some(Section::Day),
        fragment => Section::from_fragment(fragment),
    }
}

/// Adds a history entry for `section`, so that the back button returns to the section before.
/// Nothing is added when the address already names it.
pub fn push_section(section: Section) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    if section_in_address() == Some(section) {
        return;
    }
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}#{}", section.fragment())),
        );
    }
}

/// Calls `on_move` with the section the address names after the back or forward button, or
/// after the fragment was changed by hand. Keep the returned listeners for as long as the calls
/// are wanted.
pub fn watch_history(on_move: impl Fn(Section) + 'static) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let on_move = std::rc::Rc::new(on_move);
    // Browsers differ in which of the two a fragment change fires; reading the address makes a
    // second call harmless.
    // A plain loop rather than an adapter chain, which the wasm would hold a copy of.
    let mut listeners = Vec::with_capacity(2);
    for name in ["popstate", "hashchange"] {
        let on_move = on_move.clone();
        listeners.push(EventListener::new(&window, name, move |_| {
            if let Some(section) = section_after_history_move() {
                on_move(section);
            }
        }));
    }
    listeners
}

/// Whether the window is wide enough for several sections at once.
pub fn is_wide() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|width| width.as_f64())
        .is_some_and(|width| width >= WIDE_MIN_WIDTH_PX)
}

/// Calls `on_resize` whenever the window changes size; keep the listener while it is wanted.
pub fn watch_width(on_resize: impl Fn() + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "resize", move |_| on_resize()))
}

/// Back to the top of the page, where a newly shown section starts.
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Moves keyboard focus to the heading with this id, so that a screen reader announces the
/// section a person went to and Tab continues from there. Headings are not focusable by
/// themselves; `tabindex="-1"` makes them focusable by script only.
pub fn focus_heading(id: &str) {
    let Some(heading) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if !heading.has_attribute("tabindex") {
        let _ = heading.set_attribute("tabindex", "-1");
    }
    let _ = heading.focus();
}
