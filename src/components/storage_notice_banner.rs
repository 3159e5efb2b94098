//! The banner that tells the person their saved data could not be read or written.

use yew::prelude::*;

use crate::state::use_planner;

/// Shows `storage-notice` while there is something to say about saved data, and nothing else.
#[function_component(StorageNoticeBanner)]
pub fn storage_notice_banner() -> Html {
    let state = use_planner();
    match &state.storage_notice {
        Some(notice) => html! {
            <div class="storage-notice" role="alert" data-testid="storage-notice">
                <strong>{ "Saved data: " }</strong>
                { notice.message() }
            </div>
        },
        None => Html::default(),
    }
}
