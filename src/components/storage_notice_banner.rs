//! The banner that tells the person their saved data could not be read or written.

use yew::prelude::*;

use crate::state::use_planner;

/// Shows `storage-notice` while there is something to say about saved data, and nothing else.
#[function_component(StorageNoticeBanner)]
pub fn storage_notice_banner() -> Html {
    let state = use_planner();
    if state.storage_notices.is_empty() {
        return Html::default();
    }
    html! {
        <div class="storage-notice" role="alert" data-testid="storage-notice">
            <strong>{ "About your saved data" }</strong>
            { for state.storage_notices.iter().map(|notice| html! { <p>{ notice.message() }</p> }) }
        </div>
    }
}
