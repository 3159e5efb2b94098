//! The only door to the browser's storage: loads and saves the planner's data through
//! `gloo-storage`, keeps unreadable data aside instead of overwriting it, and reports every
//! failure as a [`StorageNotice`] rather than panicking.

use std::cell::{Cell, RefCell};

use gloo_events::EventListener;
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use crate::domain::backup::{decode_last_export, encode_last_export};
use crate::domain::plan_book::PlanBook;
use crate::domain::quick::{QuickFoods, decode_quick_foods, encode_quick_foods};
use crate::domain::saved::PlanBookEncoder;
use crate::domain::{
    DecodeError, Settings, decode_plan_book, decode_settings, encode_plan_book, encode_settings,
};

/// Where the settings live in `localStorage`.
pub const SETTINGS_KEY: &str = "magnesium-planner.settings";

/// Where the plans live in `localStorage` (format 1 held one plan; format 2 the book).
pub const PLAN_KEY: &str = "magnesium-planner.plan";

/// Where the recent and favourite foods of quick add live in `localStorage`, in their own
/// versioned format (`src/domain/quick.rs`), apart from the settings and the plans.
pub const QUICK_FOODS_KEY: &str = "magnesium-planner.quick-foods";

/// When the plans were last exported from this browser (`src/domain/backup.rs`), kept apart
/// from the plans so that exporting never changes them.
pub const LAST_EXPORT_KEY: &str = "magnesium-planner.last-export";

/// The prefix of keys that hold unreadable data kept aside; a counter follows it so that one
/// backup never replaces another.
pub const BACKUP_KEY_PREFIX: &str = "magnesium-planner.unreadable.";

/// How many backup slots to try before giving up on keeping another copy.
const MAX_BACKUPS: u32 = 100;

thread_local! {
    /// Keys holding unreadable text that could not be copied aside: writing them would destroy
    /// the only copy, so this session never does.
    static PROTECTED_KEYS: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
    /// The length in UTF-8 bytes of the plans' text as last read or written: never fewer than
    /// the UTF-16 code units `localStorage` counts, so warnings on it come early, not late.
    static PLAN_TEXT_BYTES: Cell<usize> = const { Cell::new(0) };
    /// The plans' text exactly as this tab last loaded (and could read) or wrote it. While
    /// storage still holds it, no other tab has saved since, so a save need not read, check
    /// and merge it again: that is what keeps a day switch within a frame with a year of days
    /// (BENCHMARKS.md).
    static PLAN_TEXT_SEEN: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Writes the plans, serialising again only the plans that changed since the last save.
    static PLAN_ENCODER: RefCell<PlanBookEncoder> = RefCell::new(PlanBookEncoder::default());
    /// The newest plans waiting to be written by [`save_plan_book_soon`], with what to call
    /// with the outcome.
    static UNSAVED_PLANS: RefCell<Option<(PlanBook, SaveOutcome)>> = const { RefCell::new(None) };
}

/// What is called with the outcome of a save: [`save_plan_book`]'s result.
pub type SaveOutcome = Box<dyn FnOnce(Result<Option<PlanBook>, StorageNotice>)>;

/// Saves the plans once the change is on screen: `localStorage.setItem` of a year of days takes
/// 4 to 13 ms in Chromium, which kept a day switch from fitting in one frame (BENCHMARKS.md, "A
/// year of days"). Changes made before then are written once, the newest; `on_saved` gets
/// [`save_plan_book`]'s result. A page being left writes at once ([`save_unsaved_plans`]).
pub fn save_plan_book_soon(book: PlanBook, on_saved: SaveOutcome) {
    let waiting = UNSAVED_PLANS.with(|unsaved| unsaved.borrow_mut().replace((book, on_saved)));
    if waiting.is_none() {
        wasm_bindgen_futures::spawn_local(async {
            crate::browser::after_paint().await;
            save_unsaved_plans();
        });
    }
}

/// Writes the plans [`save_plan_book_soon`] holds, if any, now.
pub fn save_unsaved_plans() {
    if let Some((book, on_saved)) = UNSAVED_PLANS.with(RefCell::take) {
        on_saved(save_plan_book(&book));
    }
}

/// Something the person must be told about their saved data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// Saved data could not be read. It was left where it was and, where possible, copied to
    /// `backup_key`; nothing will be written over it unless a copy was kept.
    Unreadable {
        /// What it was ("settings", "plan").
        what: &'static str,
        /// Why it could not be read.
        reason: String,
        /// Where a copy of the raw text was kept, if the copy could be written.
        backup_key: Option<String>,
    },
    /// The browser refused to store data (storage disabled, private mode, quota); the planner
    /// keeps working in memory.
    Unavailable {
        /// What the browser said.
        reason: String,
    },
}

impl StorageNotice {
    /// The sentence shown in the page's `storage-notice`.
    pub fn message(&self) -> String {
        match self {
            StorageNotice::Unreadable {
                what,
                reason,
                backup_key: Some(key),
            } => format!(
                "Your saved {what} could not be read: {reason}. Nothing was overwritten: the original text is kept under \"{key}\" in this browser's storage, and the planner started afresh."
            ),
            StorageNotice::Unreadable {
                what,
                reason,
                backup_key: None,
            } => format!(
                "Your saved {what} could not be read: {reason}. Nothing was overwritten: the planner will not save over it in this session, and started afresh."
            ),
            StorageNotice::Unavailable { reason } => format!(
                "This browser is not letting the planner save ({reason}). Everything still works, but changes will be lost when you close the page. Nothing saved earlier was overwritten."
            ),
        }
    }
}

/// What loading one key found.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded<T> {
    /// The saved value, or `None` if there was none or it was unreadable.
    pub value: Option<T>,
    /// What the person must be told, if anything.
    pub notice: Option<StorageNotice>,
}

impl<T> Loaded<T> {
    /// Nothing saved and nothing to say: a first visit.
    pub fn nothing() -> Self {
        Self {
            value: None,
            notice: None,
        }
    }
}

/// Whether `localStorage` can be used at all. Some privacy modes throw on merely touching it,
/// and gloo-storage would panic there, so this asks web-sys first.
fn storage_available() -> Result<(), StorageNotice> {
    let unavailable = |reason: &str| StorageNotice::Unavailable {
        reason: reason.to_owned(),
    };
    let window = web_sys::window().ok_or_else(|| unavailable("no window"))?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(unavailable("storage is switched off")),
        Err(_) => Err(unavailable("storage access was refused")),
    }
}

/// Reads the raw text under `key`, or `None` if there is nothing there.
fn read_raw(key: &str) -> Result<Option<String>, StorageNotice> {
    storage_available()?;
    let raw = LocalStorage::raw()
        .get_item(key)
        .map_err(|_| StorageNotice::Unavailable {
            reason: "reading was refused".to_owned(),
        })?;
    if key == PLAN_KEY {
        PLAN_TEXT_BYTES.set(raw.as_ref().map_or(0, String::len));
    }
    Ok(raw)
}

/// Writes `text` under `key`.
fn write_raw(key: &str, text: &str) -> Result<(), StorageNotice> {
    storage_available()?;
    LocalStorage::raw()
        .set_item(key, text)
        .map_err(|error| StorageNotice::Unavailable {
            reason: error_name(&error)
                .map(|name| format!("the browser said {name}"))
                .unwrap_or_else(|| "writing was refused".to_owned()),
        })
}

/// The `name` of a thrown DOMException ("QuotaExceededError"), if it has one.
fn error_name(error: &wasm_bindgen::JsValue) -> Option<String> {
    error
        .dyn_ref::<web_sys::DomException>()
        .map(web_sys::DomException::name)
        .or_else(|| error.as_string())
}

/// Copies unreadable text to the first free backup key and returns that key; text already kept
/// (loading and the next save both meet it) is not copied twice.
fn keep_aside(raw: &str) -> Option<String> {
    let mut free = None;
    for key in (1..=MAX_BACKUPS).map(|n| format!("{BACKUP_KEY_PREFIX}{n}")) {
        match read_raw(&key) {
            Ok(Some(kept)) if kept == raw => return Some(key),
            Ok(None) if free.is_none() => free = Some(key),
            _ => {}
        }
    }
    free.filter(|key| write_raw(key, raw).is_ok())
}

/// Loads and decodes one key. Unreadable text is copied aside before anything else is written;
/// if it cannot be, the key is protected from writes for the rest of the session.
fn load<T>(
    key: &'static str,
    what: &'static str,
    decode: fn(&str) -> Result<T, DecodeError>,
) -> Loaded<T> {
    if key == PLAN_KEY {
        // What this tab's book grows from is what it reads now: nothing, until it reads
        // something it understands (below).
        PLAN_TEXT_SEEN.with(|seen| seen.borrow_mut().take());
    }
    let raw = match read_raw(key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::nothing(),
        Err(notice) => {
            return Loaded {
                value: None,
                notice: Some(notice),
            };
        }
    };
    match decode(&raw) {
        Ok(value) => {
            // Only text this tab has read and understood is what its book grows from; text
            // merely looked at (another tab's, perhaps unreadable) must still be guarded.
            if key == PLAN_KEY {
                PLAN_TEXT_SEEN.with(|seen| *seen.borrow_mut() = Some(raw));
            }
            Loaded {
                value: Some(value),
                notice: None,
            }
        }
        Err(error) => Loaded {
            value: None,
            notice: Some(set_aside(key, what, &raw, &error, false)),
        },
    }
}

/// What to do with unreadable text found under `key`, for [`load`] and
/// [`guard_before_writing`] alike: it is copied aside, and the key is protected from writes for
/// the rest of the session when no copy could be kept, or, `before_writing`, when a newer
/// version wrote it. Not generic and never inlined, so the wasm holds it once rather than once
/// per kind of saved value.
#[inline(never)]
fn set_aside(
    key: &'static str,
    what: &'static str,
    raw: &str,
    error: &DecodeError,
    before_writing: bool,
) -> StorageNotice {
    let newer = matches!(error, DecodeError::NewerVersion { .. });
    let backup_key = keep_aside(raw);
    if (before_writing && newer) || backup_key.is_none() {
        PROTECTED_KEYS.with(|keys| keys.borrow_mut().push(key));
    }
    StorageNotice::Unreadable {
        what,
        reason: error.to_string(),
        backup_key,
    }
}

/// Writes `text` under `key` unless the key is protected (see [`load`]); the person was told
/// about a protected key when it was loaded.
fn save(key: &'static str, text: &str) -> Result<(), StorageNotice> {
    if is_protected(key) {
        return Ok(());
    }
    write_raw(key, text)
}

/// Loads the settings.
pub fn load_settings() -> Loaded<Settings> {
    load(SETTINGS_KEY, "settings", decode_settings)
}

/// Checks what is stored under `key` before it is overwritten: text this tab cannot read (a
/// newer version's, or edited by hand since it loaded) is copied aside first, and a newer
/// version's is never overwritten at all. Returns what was stored, when it could be read.
fn guard_before_writing<T>(
    key: &'static str,
    what: &'static str,
    decode: fn(&str) -> Result<T, DecodeError>,
) -> Result<Option<T>, StorageNotice> {
    let Some(raw) = read_raw(key)? else {
        return Ok(None);
    };
    match decode(&raw) {
        Ok(value) => Ok(Some(value)),
        Err(error) => Err(set_aside(key, what, &raw, &error, true)),
    }
}

/// Saves the settings in the current format, unless what is stored could not be read and
/// must not be overwritten (see [`guard_before_writing`]).
pub fn save_settings(settings: &Settings) -> Result<(), StorageNotice> {
    if is_protected(SETTINGS_KEY) {
        return Ok(());
    }
    let guarded = guard_before_writing(SETTINGS_KEY, "settings", decode_settings);
    if is_protected(SETTINGS_KEY) {
        return guarded.map(|_| ());
    }
    save(SETTINGS_KEY, &encode_settings(settings))?;
    guarded.map(|_| ())
}

fn is_protected(key: &str) -> bool {
    PROTECTED_KEYS.with(|keys| keys.borrow().contains(&key))
}

/// Loads the plans (migrating a single plan saved by an earlier version).
pub fn load_plan_book() -> Loaded<PlanBook> {
    load(PLAN_KEY, "plans", decode_plan_book)
}

/// Saves the plans. What storage holds is merged in first, because another tab may have saved
/// a newer copy of some plan since this one last read it; returns the merged book when it
/// differs from `book`, so the caller can show what the other tab did. Stored text that cannot
/// be read is copied aside before it is written over, and a newer version's is left alone.
pub fn save_plan_book(book: &PlanBook) -> Result<Option<PlanBook>, StorageNotice> {
    if is_protected(PLAN_KEY) {
        return Ok(None);
    }
    let seen = PLAN_TEXT_SEEN.with(RefCell::take);
    if seen.is_some() && read_raw(PLAN_KEY).ok() == Some(seen) {
        // What storage holds is this tab's own last copy, which `book` has grown from.
        write_plan_text(encode_again(book))?;
        return Ok(None);
    }
    let stored = match guard_before_writing(PLAN_KEY, "plans", decode_plan_book) {
        Ok(stored) => stored,
        Err(notice) => {
            if !is_protected(PLAN_KEY) {
                save(PLAN_KEY, &encode_plan_book(book))?;
            }
            return Err(notice);
        }
    };
    let merged = match stored {
        Some(stored) => book.merge(&stored),
        None => book.clone(),
    };
    write_plan_text(encode_again(&merged))?;
    Ok((merged != *book).then_some(merged))
}

/// The book's text, through the encoder that keeps the plans written last time.
fn encode_again(book: &PlanBook) -> String {
    PLAN_ENCODER.with(|encoder| encoder.borrow_mut().encode(book))
}

/// Writes the plans' text and remembers it as the copy this tab last saw.
fn write_plan_text(text: String) -> Result<(), StorageNotice> {
    save(PLAN_KEY, &text)?;
    PLAN_TEXT_BYTES.set(text.len());
    PLAN_TEXT_SEEN.with(|seen| *seen.borrow_mut() = Some(text));
    Ok(())
}

/// The plans as another tab just saved them, read without keeping copies or raising notices
/// (this tab's next save does that if they cannot be read).
pub fn peek_plan_book() -> Option<PlanBook> {
    decode_plan_book(&read_raw(PLAN_KEY).ok()??).ok()
}

/// The settings as another tab just saved them; see [`peek_plan_book`].
pub fn peek_settings() -> Option<Settings> {
    decode_settings(&read_raw(SETTINGS_KEY).ok()??).ok()
}

/// Which saved value another tab changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangedElsewhere {
    /// The settings.
    Settings,
    /// The plans.
    Plans,
    /// The recent and favourite foods.
    QuickFoods,
}

/// Calls `on_change` whenever another tab of this site changes the settings, the plans or the
/// recent and favourite foods (the browser's `storage` event, which never fires in the tab that
/// wrote). Keep the returned listener alive for as long as the calls are wanted.
pub fn watch_other_tabs(on_change: impl Fn(ChangedElsewhere) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        match event.key().as_deref() {
            Some(SETTINGS_KEY) => on_change(ChangedElsewhere::Settings),
            Some(PLAN_KEY) => on_change(ChangedElsewhere::Plans),
            Some(QUICK_FOODS_KEY) => on_change(ChangedElsewhere::QuickFoods),
            _ => {}
        }
    }))
}

/// Whether the settings have ever been saved in this browser: the person has changed the
/// profile (or another setting) from the defaults at least once. A first visit saves nothing
/// until then, so this needs no field of its own in the stored format.
pub fn has_saved_settings() -> bool {
    matches!(read_raw(SETTINGS_KEY), Ok(Some(_)))
}

/// Whether any plans have ever been saved in this browser; a first visit saves none until the
/// person changes something, so that starting the page writes nothing.
pub fn has_saved_plans() -> bool {
    matches!(read_raw(PLAN_KEY), Ok(Some(_)))
}

/// Loads the recent and favourite foods.
pub fn load_quick_foods() -> Loaded<QuickFoods> {
    load(
        QUICK_FOODS_KEY,
        "recent and favourite foods",
        decode_quick_foods,
    )
}

/// Saves the recent and favourite foods, unless what is stored could not be read and must not
/// be overwritten (see [`guard_before_writing`]). Like the settings, the last tab to change them
/// wins.
pub fn save_quick_foods(foods: &QuickFoods) -> Result<(), StorageNotice> {
    if is_protected(QUICK_FOODS_KEY) {
        return Ok(());
    }
    let guarded = guard_before_writing(
        QUICK_FOODS_KEY,
        "recent and favourite foods",
        decode_quick_foods,
    );
    if is_protected(QUICK_FOODS_KEY) {
        return guarded.map(|_| ());
    }
    save(QUICK_FOODS_KEY, &encode_quick_foods(foods))?;
    guarded.map(|_| ())
}

/// The recent and favourite foods as another tab just saved them; see [`peek_plan_book`].
pub fn peek_quick_foods() -> Option<QuickFoods> {
    decode_quick_foods(&read_raw(QUICK_FOODS_KEY).ok()??).ok()
}

/// How much room the saved plans take, in UTF-8 bytes of their text as last read or written
/// (see [`crate::domain::backup::storage_warning`]).
pub fn saved_plan_bytes() -> usize {
    PLAN_TEXT_BYTES.get()
}

/// When the plans were last exported from this browser, if they ever were.
pub fn load_last_export() -> Loaded<f64> {
    load(
        LAST_EXPORT_KEY,
        "time of the last export",
        decode_last_export,
    )
}

/// Records when the plans were exported. Only this tab's own time is written: an older time
/// from another tab would not make a copy less recent.
pub fn save_last_export(at_ms: f64) -> Result<(), StorageNotice> {
    save(LAST_EXPORT_KEY, &encode_last_export(at_ms))
}
