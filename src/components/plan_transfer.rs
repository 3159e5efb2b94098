//! Moving plans: export them all to a file, import such a file, and share one plan as a link
//! whose plan travels in the part of the address that is never sent to a server.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::domain::decimal_text::fixed;
use crate::domain::transfer::{
    DaysImported, LibraryAdded, MAX_IMPORT_BYTES, SHARE_PREFIX, add_imported_days, decode_export,
    encode_export, encode_share,
};
use crate::state::{Action, PlannerContext};

/// What the last import, export or share did, for the person to read: what was done, or why
/// it was refused. The backup status's export offer says the same of its export.
pub(super) type Outcome = Result<String, String>;

/// What the controls remember between renders: what the last import, export or share did, and
/// the share link once made. Kept by the plans bar, which shows the controls: a component of
/// their own would cost the wasm Yew's per-component code (BENCHMARKS.md, "Size budgets").
#[derive(Clone)]
pub struct TransferState {
    outcome: UseStateHandle<Option<Outcome>>,
    share_link: UseStateHandle<Option<String>>,
}

/// The controls' state, for the component that shows them.
#[hook]
pub fn use_transfer_state() -> TransferState {
    TransferState {
        outcome: use_state(|| None),
        share_link: use_state(|| None),
    }
}

/// Export, import and share controls.
pub fn plan_transfer(state: &PlannerContext, transfer: &TransferState) -> Html {
    let TransferState {
        outcome,
        share_link,
    } = transfer;

    let on_export = export_on_click(state, outcome);
    let on_import = {
        let (state, outcome) = (state.clone(), outcome.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Let the same file be chosen again after fixing it.
            input.set_value("");
            if file.size() > MAX_IMPORT_BYTES as f64 {
                outcome.set(Some(Err(format!(
                    "“{}” is too large for a plans file ({} MB; the limit is {} MB). Nothing was changed.",
                    file.name(),
                    fixed(file.size() / 1e6, 1),
                    fixed(MAX_IMPORT_BYTES as f64 / 1e6, 0)
                ))));
                return;
            }
            let (state, outcome) = (state.clone(), outcome.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|value| value.as_string());
                let result = match text {
                    None => Err("The file could not be read. Nothing was changed.".to_owned()),
                    Some(text) => match decode_export(&text) {
                        Ok(imported) => {
                            // What the import will do, worked out on copies and said before it
                            // is done.
                            let count = imported.plans.len();
                            let days = add_imported_days(&state.book, imported.days.clone(), 0.0).1;
                            let kept = imported.clone().keep_library(&mut state.settings.clone());
                            state.dispatch(Action::Import(imported));
                            Ok(import_message(count, days, kept, &file.name()))
                        }
                        Err(reason) => Err(format!("{reason} Nothing was changed.")),
                    },
                };
                outcome.set(Some(result));
            });
        })
    };
    let on_share = {
        let (state, share_link) = (state.clone(), share_link.clone());
        Callback::from(move |_: MouseEvent| {
            let current = state.book.current_plan();
            let code = encode_share(&current.name, &current.plan);
            share_link.set(browser::link_with_fragment(&format!(
                "{SHARE_PREFIX}{code}"
            )));
        })
    };

    html! {
        <div class="plan-transfer">
            <div class="plan-buttons">
                <button type="button" class="secondary" data-testid="export-plan" onclick={on_export}>
                    { "Export all plans" }
                </button>
                <label class="file-label" for="import-plan">{ "Import plans from a file" }</label>
                <input
                    id="import-plan"
                    data-testid="import-plan"
                    type="file"
                    accept="application/json,.json"
                    onchange={on_import}
                />
                <button type="button" class="secondary" data-testid="share-plan" onclick={on_share}>
                    { "Share this plan as a link" }
                </button>
            </div>
            if let Some(link) = (**share_link).clone() {
                <div class="field share-link">
                    <label for="share-link">{ "Link to this plan" }</label>
                    <input id="share-link" data-testid="share-link" type="text" readonly=true value={link}
                        aria-describedby="share-link-hint" />
                    <p id="share-link-hint" class="hint">
                        { "The link carries this one plan, not your profile, your medicines or other plans. The plan is inside the \
                           link itself and is never sent to a server, but anyone you give the link to can read it." }
                    </p>
                </div>
            }
            { outcome_line(outcome) }
        </div>
    }
}

/// What the last import, export or share did: said politely when done, as an alert when
/// refused. Shared with the backup status's export offer.
pub(super) fn outcome_line(outcome: &Option<Outcome>) -> Html {
    let (class, role, message) = match outcome {
        None => return Html::default(),
        Some(Ok(message)) => ("hint", "status", message),
        Some(Err(message)) => ("field-error", "alert", message),
    };
    html! { <p {class} {role}>{ message.clone() }</p> }
}

/// What a click on an export button does: exports every plan and keeps what to say in
/// `outcome`. One function for the plans bar's button and the backup status's, so the wasm
/// holds one copy of the handler.
pub(super) fn export_on_click(
    state: &PlannerContext,
    outcome: &UseStateHandle<Option<Outcome>>,
) -> Callback<MouseEvent> {
    let (state, outcome) = (state.clone(), outcome.clone());
    Callback::from(move |_: MouseEvent| outcome.set(Some(export_all(&state))))
}

/// Exports every plan to a file and records when, for the backup status; returns what to tell
/// the person, or why it failed.
pub fn export_all(state: &PlannerContext) -> Result<String, String> {
    let now_ms = browser::now_ms();
    let text = encode_export(&state.settings, &state.book, now_ms);
    let file_name = format!("magnesium-plans-{}.json", browser::today_iso());
    browser::download_text(&file_name, &text, "application/json")
        .map_err(|reason| format!("Could not export: {reason}."))?;
    state.dispatch(Action::Exported(now_ms));
    Ok(format!(
        "Your browser is downloading {file_name}: {} plans and days, with your profile, medicines, night ratings and notes. Keep it somewhere other than this browser.",
        state.book.plans.len()
    ))
}

/// What an import did, in words: the plans added beside the person's own, the days added, the
/// days that gained entries, the days kept as they were, and the own foods, products, waters
/// and meal templates kept for reuse.
fn import_message(plans: usize, days: DaysImported, kept: LibraryAdded, file_name: &str) -> String {
    let plural = |n: u32, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let mut parts = Vec::new();
    if plans > 0 {
        parts.push(format!(
            "added {} beside your own (a plan whose name was taken got a number)",
            plural(plans as u32, "plan", "plans")
        ));
    }
    if days.added_days > 0 {
        parts.push(format!(
            "added {}",
            plural(days.added_days, "new day", "new days")
        ));
    }
    if days.merged_days > 0 {
        parts.push(format!(
            "merged {} with your own {} ({} added)",
            plural(days.merged_days, "day", "days"),
            if days.merged_days == 1 {
                "copy of the same date"
            } else {
                "copies of the same dates"
            },
            plural(days.entries_added, "entry", "entries")
        ));
    }
    if days.unchanged_days > 0 {
        parts.push(format!(
            "kept {} as you had {} (the file had nothing new for {})",
            plural(days.unchanged_days, "day", "days"),
            if days.unchanged_days == 1 {
                "it"
            } else {
                "them"
            },
            if days.unchanged_days == 1 {
                "it"
            } else {
                "them"
            }
        ));
    }
    let mut lists = Vec::new();
    for (count, one, many) in [
        (kept.foods, "own food", "own foods"),
        (kept.products, "product", "products"),
        (kept.waters, "water", "waters"),
        (kept.templates, "meal template", "meal templates"),
    ] {
        if count > 0 {
            lists.push(plural(count as u32, one, many));
        }
    }
    if let Some((last, first)) = lists.split_last() {
        let listed = if first.is_empty() {
            last.clone()
        } else {
            format!("{} and {last}", first.join(", "))
        };
        parts.push(format!(
            "kept {listed} for reuse (where you already keep one of the same name, yours stays as it was; a full list keeps no more)"
        ));
    }
    if parts.is_empty() {
        return format!("“{file_name}” held nothing new. Nothing was changed.");
    }
    format!("From “{file_name}”: {}.", parts.join("; "))
}
