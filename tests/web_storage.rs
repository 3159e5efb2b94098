//! Browser storage for real: settings survive a remount, unreadable data is kept aside and the
//! person is told, and nothing is written over it.
#![cfg(target_arch = "wasm32")]

mod web_support;

use magnesium_planner::domain::{AgeYears, Authority, Profile, Settings, Sex, Stage};
use magnesium_planner::storage::{
    BACKUP_KEY_PREFIX, SETTINGS_KEY, StorageNotice, load_settings, save_settings,
};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_support::{clear_storage, find, local_storage, mount_app, text_of};

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
