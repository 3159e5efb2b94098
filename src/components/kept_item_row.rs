//! One row of a list of the person's own things (a food, a product): what it is, and the Edit
//! and Remove buttons that the food list and the product list share.

use yew::prelude::*;

/// What a row shows and does.
pub struct KeptItemRow<'a> {
    /// The row's class beside `plan-entry` ("own-food", "own-product"), for the page's style.
    pub class: &'static str,
    /// The name, figure and details, as HTML text whose person's words are already escaped
    /// (read-only text is cheaper in the wasm than an `html!` tree).
    pub about_html: String,
    /// The item's name as the person wrote it, for the buttons' accessible names.
    pub name: &'a str,
    /// Which list it is in, as the Remove button names it ("your foods").
    pub list_words: &'static str,
    /// Fills the form with the item to edit it.
    pub on_edit: Callback<MouseEvent>,
    /// Removes the item from the list.
    pub on_remove: Callback<MouseEvent>,
}

/// The `<li>` of one kept item.
pub fn kept_item_row(row: KeptItemRow<'_>) -> Html {
    html! {
        <li class={classes!("plan-entry", row.class)}>
            { Html::from_html_unchecked(row.about_html.into()) }
            <span class="entry-actions">
                <button type="button" class="secondary" onclick={row.on_edit}
                    aria-label={format!("Edit {}", row.name)}>{ "Edit" }</button>
                <button type="button" class="remove" onclick={row.on_remove}
                    aria-label={format!("Remove {} from {}", row.name, row.list_words)}>{ "Remove" }</button>
            </span>
        </li>
    }
}
