//! Where the person's copies stand: when the plans were last exported, whether the browser has
//! promised to keep them, how full its storage is, and, once enough days are in no file, an
//! offer to export them now.

use crate::domain::decimal_text::fixed;
use yew::prelude::*;

use crate::browser::local_date_at;
use crate::components::date_words;
use crate::components::plan_transfer::{Outcome, export_on_click, outcome_line};
use crate::domain::backup::{BackupState, storage_warning};
use crate::state::PlannerContext;
use crate::storage::saved_plan_bytes;

/// What the last export from a backup status's offer did, kept by whatever shows that status
/// (one per place it is shown).
#[derive(Clone)]
pub struct BackupMessage(UseStateHandle<Option<Outcome>>);

impl BackupMessage {
    /// Forgets what the last export did, as a backup status shown anew would not know it.
    pub fn forget(&self) {
        if self.0.is_some() {
            self.0.set(None);
        }
    }
}

/// A place for a backup status's message, for the component that shows the status.
#[hook]
pub fn use_backup_message() -> BackupMessage {
    BackupMessage(use_state(Option::default))
}

/// The status line of the plans' copies, with the export offer when one is due.
///
/// With `reminder_only`, only the reminder, and only when an export is due: the day column
/// shows it this way, so that it appears where the person records their days and is otherwise
/// out of the way.
///
/// A plain function rather than a component (each component costs the wasm Yew's
/// per-component code): the caller keeps `message`.
pub fn backup_status(state: &PlannerContext, message: &BackupMessage, reminder_only: bool) -> Html {
    let message = &message.0;
    let backup = BackupState::of(&state.book, state.last_export_ms);
    if reminder_only && !backup.export_due() {
        return html! {};
    }
    let on_export = export_on_click(state, message);
    let days = |n: usize| {
        if n == 1 {
            "1 day".to_owned()
        } else {
            format!("{n} days")
        }
    };
    let last_export = match backup.last_export_ms.and_then(local_date_at) {
        Some(date) => format!("Last exported on {}.", date_words(date)),
        None => "Your plans have not been exported from this browser; unless you keep a copy elsewhere, this browser holds the only one.".to_owned(),
    };
    let changed = match (backup.last_export_ms, backup.days_not_exported) {
        (_, 0) => String::new(),
        (Some(_), n) => format!(" {} with entries changed since.", days(n)),
        (None, _) => String::new(),
    };
    let kept = match state.storage_kept {
        Some(true) => {
            " The browser has agreed not to clear them on its own when space runs low; clearing its data, or closing a private window, still removes them."
        }
        Some(false) => {
            " The browser may clear them when its space runs low, so keep an exported copy."
        }
        None => "",
    };
    let bytes = saved_plan_bytes();
    let full = storage_warning(bytes).then(|| {
        format!(
            "Your plans take {} MB; browsers keep about 5 MB for a site. Export them, then delete plans you no longer need, before the browser refuses to save more.",
            fixed(bytes as f64 / 1e6, 1)
        )
    });

    html! {
        <div class="backup-status" role="group" aria-label="Your copies">
            if !reminder_only {
                // Read-only: HTML text, cheaper in the wasm than an `html!` element. The planner's
                // words, a date and a count.
                { Html::from_html_unchecked(format!(r#"<p class="hint" data-testid="backup-status">{last_export}{changed}{kept}</p>"#).into()) }
            }
            if let Some(full) = full {
                <p class="field-error" role="alert">{ full }</p>
            }
            if backup.export_due() {
                <p class="backup-due">
                    { format!("{} with entries have changed since your last export, or were never exported. ", days(backup.days_not_exported)) }
                    <button type="button" class="secondary" data-testid="export-now" onclick={on_export}>
                        { "Export now" }
                    </button>
                </p>
            }
            { outcome_line(message) }
        </div>
    }
}
