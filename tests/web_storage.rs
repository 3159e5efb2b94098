//! Browser storage for real: settings survive a remount, unreadable data is kept aside and the
//! person is told, and nothing is written over it.
#![cfg(target_arch = "wasm32")]

mod web_support;

use magnesium_planner::domain::saved::SETTINGS_VERSION;
use magnesium_planner::domain::{AgeYears, Authority, Profile, Settings, Sex, Stage};
use magnesium_planner::storage::{
    BACKUP_KEY_PREFIX, SETTINGS_KEY, StorageNotice, load_settings, save_settings,
};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::{clear_storage, find, local_storage, mount_app, show_section, text_of};

wasm_bindgen_test_configure!(run_in_browser);

fn stored(key: &str) -> Option<String> {
    local_storage().get_item(key).ok().flatten()
}

#[wasm_bindgen_test]
fn settings_round_trip_through_local_storage() {
    clear_storage();
    let age = AgeYears::new(62.0).expect("a valid age");
    let settings = Settings {
        profile: Profile::new(age, Sex::Male, Stage::Neither),
        authority: Authority::Dach,
        ..Settings::default()
    };
    assert_eq!(save_settings(&settings), Ok(()));
    let loaded = load_settings();
    assert_eq!(loaded.value, Some(settings));
    assert_eq!(loaded.notice, None);
}

#[wasm_bindgen_test]
async fn saved_settings_come_back_on_the_next_visit() {
    clear_storage();
    let age = AgeYears::new(70.0).expect("a valid age");
    let settings = Settings {
        profile: Profile::new(age, Sex::Male, Stage::Neither),
        authority: Authority::Uk,
        ..Settings::default()
    };
    assert_eq!(save_settings(&settings), Ok(()));
    let root = mount_app().await;
    show_section(&root, "profile").await;
    assert_eq!(text_of(&root, "target-mg"), "300 mg");
    assert_eq!(text_of(&root, "supplement-ul-mg"), "400 mg");
    assert!(find(&root, "storage-notice").is_none());
}

#[wasm_bindgen_test]
async fn unreadable_settings_are_kept_aside_and_reported() {
    clear_storage();
    let garbage = "{\"version\":1,\"data\":{\"profile\":oops";
    local_storage()
        .set_item(SETTINGS_KEY, garbage)
        .expect("the test can write");
    let root = mount_app().await;
    show_section(&root, "profile").await;
    let notice = text_of(&root, "storage-notice");
    assert!(notice.contains("could not be read"), "{notice}");
    assert!(notice.contains("Nothing was overwritten"), "{notice}");
    let backup_key = format!("{BACKUP_KEY_PREFIX}1");
    assert_eq!(stored(&backup_key).as_deref(), Some(garbage));
    // The page still works on defaults.
    assert_eq!(text_of(&root, "target-mg"), "310 mg");
}

#[wasm_bindgen_test]
fn a_second_unreadable_value_never_replaces_the_first_backup() {
    clear_storage();
    local_storage()
        .set_item(SETTINGS_KEY, "first")
        .expect("write");
    let first = load_settings();
    local_storage()
        .set_item(SETTINGS_KEY, "second")
        .expect("write");
    let second = load_settings();
    let key = |loaded: &magnesium_planner::storage::Loaded<Settings>| match &loaded.notice {
        Some(StorageNotice::Unreadable { backup_key, .. }) => backup_key.clone(),
        other => panic!("expected an unreadable notice, got {other:?}"),
    };
    let (first_key, second_key) = (key(&first), key(&second));
    assert_ne!(first_key, second_key);
    assert_eq!(first_key.and_then(|k| stored(&k)).as_deref(), Some("first"));
    assert_eq!(
        second_key.and_then(|k| stored(&k)).as_deref(),
        Some("second")
    );
}

/// Runs `body` (JavaScript) in the page; the tests use it to break storage on purpose.
fn run_js(body: &str) {
    js_sys::Function::new_no_args(body)
        .call0(&wasm_bindgen::JsValue::NULL)
        .expect("the test script runs");
}

#[wasm_bindgen_test]
async fn a_full_storage_is_reported_and_the_planner_keeps_working() {
    clear_storage();
    run_js(
        "window.__realSetItem = Storage.prototype.setItem;
         Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    );
    let root = mount_app().await;
    show_section(&root, "profile").await;
    web_support::type_into(&root, "profile-age", "45").await;
    web_support::choose(&root, "profile-sex", "male").await;
    run_js("Storage.prototype.setItem = window.__realSetItem;");
    let notice = text_of(&root, "storage-notice");
    assert!(notice.contains("QuotaExceededError"), "{notice}");
    assert!(notice.contains("Everything still works"), "{notice}");
    assert_eq!(
        text_of(&root, "target-mg"),
        "420 mg",
        "changes still apply in memory"
    );
}

#[wasm_bindgen_test]
async fn a_browser_that_refuses_storage_entirely_still_runs_the_planner() {
    clear_storage();
    run_js(
        "Object.defineProperty(window, 'localStorage', {
           configurable: true,
           get() { throw new DOMException('denied', 'SecurityError'); },
         });",
    );
    let root = mount_app().await;
    show_section(&root, "profile").await;
    web_support::type_into(&root, "profile-age", "45").await;
    run_js("delete window.localStorage;");
    assert!(text_of(&root, "storage-notice").contains("not letting the planner save"));
    assert_eq!(text_of(&root, "target-mg"), "320 mg");
}

#[wasm_bindgen_test]
fn a_single_plan_saved_by_version_1_is_migrated_into_the_book() {
    clear_storage();
    let v1 = r#"{"version":1,"data":{"next_id":1,"entries":[{"id":0,"ndb":12016,"portion_label":"1 oz (28.35 g)","portion_grams":28.35,"quantity":1.0,"meal":"snacks"}]}}"#;
    local_storage()
        .set_item(magnesium_planner::storage::PLAN_KEY, v1)
        .expect("the test can write");
    let loaded = magnesium_planner::storage::load_plan_book();
    assert_eq!(loaded.notice, None);
    let book = loaded.value.expect("the old plan reads");
    assert_eq!(book.plans.len(), 1);
    assert_eq!(book.current_plan().plan.entries.len(), 1);
    assert_eq!(book.current_plan().name, "My day");
}

#[wasm_bindgen_test]
async fn settings_saved_by_version_1_load_and_are_saved_again_as_version_2() {
    clear_storage();
    let v1 = r#"{"version":1,"data":{"profile":{"age_years":70.0,"sex":"male","stage":"none"},"authority":"uk"}}"#;
    local_storage()
        .set_item(SETTINGS_KEY, v1)
        .expect("the test can write");
    let root = mount_app().await;
    web_support::show_section(&root, "profile").await;
    assert_eq!(text_of(&root, "target-mg"), "300 mg");
    assert!(find(&root, "storage-notice").is_none());
    web_support::show_section(&root, "supplements").await;
    assert!(find(&root, "medicine-entry").is_none());
    // The first change is saved in the current format, the profile kept and no medicines added.
    web_support::choose(&root, "medicine-select", "proton-pump-inhibitors").await;
    web_support::click(&root, "add-medicine").await;
    let saved = stored(SETTINGS_KEY).unwrap_or_default();
    assert!(
        saved.starts_with(&format!(r#"{{"version":{SETTINGS_VERSION},"#)),
        "{saved}"
    );
    assert!(saved.contains(r#""age_years":70.0"#), "{saved}");
    assert!(saved.contains(r#""authority":"uk""#), "{saved}");
    assert!(
        saved.contains(r#""medicines":[{"group":"proton-pump-inhibitors","time":null}]"#),
        "{saved}"
    );
}

/// Another tab's text that this one cannot read (a newer version's) is looked at when its
/// `storage` event arrives, but never taken for this tab's own copy: the next save still leaves
/// it alone instead of writing over it.
#[wasm_bindgen_test]
async fn a_newer_tab_s_plans_seen_through_its_storage_event_are_not_written_over() {
    clear_storage();
    let root = mount_app().await;
    web_support::pick(&root, "almonds", "Nuts, almonds").await;
    web_support::click(&root, "add-food").await;
    let newer = r#"{"version":99,"data":{}}"#;
    local_storage()
        .set_item(magnesium_planner::storage::PLAN_KEY, newer)
        .expect("storage");
    assert_eq!(magnesium_planner::storage::peek_plan_book(), None);
    web_support::type_into(&root, "quantity-input", "2").await;
    web_support::click(&root, "add-food").await;
    assert_eq!(
        stored(magnesium_planner::storage::PLAN_KEY).as_deref(),
        Some(newer),
        "a newer version's plans are never written over"
    );
    clear_storage();
}

/// The plans as `localStorage` holds them right now, without writing what waits first (as
/// [`local_storage`] does).
fn plans_in_storage_now() -> Option<String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| {
            s.get_item(magnesium_planner::storage::PLAN_KEY)
                .ok()
                .flatten()
        })
}

#[wasm_bindgen_test]
async fn plans_are_written_after_the_change_is_painted_or_when_the_page_is_left() {
    clear_storage();
    let root = mount_app().await;
    web_support::add_an_ounce_of_pumpkin_seeds(&root).await;
    assert_eq!(
        plans_in_storage_now(),
        None,
        "not yet: the frame comes first"
    );
    magnesium_planner::browser::after_paint().await;
    magnesium_planner::browser::after_paint().await;
    let saved = plans_in_storage_now().expect("written once the change was painted");
    assert!(saved.contains("\"ndb\":12016"), "{saved}");

    // Leaving the page writes at once what is waiting.
    web_support::click(&root, "day-before").await;
    let before = plans_in_storage_now();
    let window = web_sys::window().expect("a window");
    window
        .dispatch_event(&web_sys::Event::new("pagehide").expect("a pagehide event"))
        .expect("the event dispatches");
    assert_ne!(plans_in_storage_now(), before, "written on pagehide");
    clear_storage();
}

/// Plans another tab saves while this page starts, after the page has read the plans and before
/// its first render listens for changes ([`magnesium_planner::start`]), still appear: the first
/// save finds storage no longer holds what was read, and merges it in.
#[wasm_bindgen_test]
async fn plans_another_tab_saves_while_the_page_starts_appear() {
    clear_storage();
    // The other tab's plans: a day with a food in it, as a page writes them.
    let other = mount_app().await;
    web_support::add_an_ounce_of_pumpkin_seeds(&other).await;
    let other_tabs_plans = web_support::stored(magnesium_planner::storage::PLAN_KEY);
    other.remove();
    clear_storage();

    let read_before = std::rc::Rc::new(magnesium_planner::storage::load_plan_book());
    assert_eq!(
        read_before.value, None,
        "nothing was saved when the page read"
    );
    local_storage()
        .set_item(magnesium_planner::storage::PLAN_KEY, &other_tabs_plans)
        .expect("storage");

    let root = web_support::mount_first_screen_with_props(magnesium_planner::app::AppProps {
        food_source: magnesium_planner::food_data::FoodSource::Ready(web_support::food_catalog()),
        saved_plans: Some(read_before),
    })
    .await;
    assert!(
        web_support::find_all(&root, "plan-entry").is_empty(),
        "the first render shows what was read"
    );
    // The first save waits for the first screen to be painted.
    magnesium_planner::browser::after_paint().await;
    magnesium_planner::browser::after_paint().await;
    yew::scheduler::flush().await;
    assert_eq!(
        web_support::find_all(&root, "plan-entry").len(),
        1,
        "the other tab's food is shown"
    );
    clear_storage();
}

/// Settings another tab saves after this page has read its own and before it listens (Yew may
/// give the browser a turn between the first render and its effects) are taken up, never
/// written over with the copy read before them.
#[wasm_bindgen_test]
async fn settings_another_tab_saves_while_the_page_starts_are_taken_up() {
    clear_storage();
    let age = |years| AgeYears::new(years).expect("a valid age");
    let read_first = Settings {
        profile: Profile::new(age(30.0), Sex::Female, Stage::Neither),
        ..Settings::default()
    };
    let other_tabs = Settings {
        profile: Profile::new(age(70.0), Sex::Male, Stage::Neither),
        authority: Authority::Uk,
        ..Settings::default()
    };
    assert_eq!(save_settings(&read_first), Ok(()));
    let read_first_text = stored(SETTINGS_KEY).expect("settings were saved");
    assert_eq!(save_settings(&other_tabs), Ok(()));
    // The page's first read of the settings finds them as they were before the other tab saved
    // (the stand-in then puts the real reader back itself), and every write of them is noted.
    run_js(&format!(
        "const realGet = Storage.prototype.getItem;
         Storage.prototype.getItem = function (key) {{
           if (key !== '{SETTINGS_KEY}') return realGet.call(this, key);
           Storage.prototype.getItem = realGet;
           return {read_first_text:?};
         }};
         const realSet = Storage.prototype.setItem;
         window.__settingsWritten = [];
         Storage.prototype.setItem = function (key, value) {{
           if (key === '{SETTINGS_KEY}') window.__settingsWritten.push(value);
           return realSet.call(this, key, value);
         }};
         window.__restoreSetItem = () => {{ Storage.prototype.setItem = realSet; }};"
    ));
    let root = mount_app().await;
    run_js("window.__restoreSetItem();");
    let written = js_sys::Reflect::get(
        &web_sys::window().expect("a window"),
        &"__settingsWritten".into(),
    )
    .ok()
    .map(|list| js_sys::Array::from(&list))
    .expect("the writes were noted");
    assert!(
        !written.includes(&read_first_text.clone().into(), 0),
        "the copy read before the other tab saved is never written back"
    );

    assert_eq!(load_settings().value, Some(other_tabs), "not written over");
    show_section(&root, "profile").await;
    assert_eq!(
        text_of(&root, "target-mg"),
        "300 mg",
        "the other tab's profile is shown"
    );
    clear_storage();
}
