//! The one place the person's state lives: [`AppState`], changed only by [`Action`]s, each of
//! which calls into the domain.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::{AgeError, AgeYears, Authority, Profile, Settings, Sex, Stage};
use crate::storage::StorageNotice;

/// Everything the page shows that the person can change.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The last valid settings; what the reference values are computed from.
    pub settings: Settings,
    /// The age field exactly as typed, which may not be valid yet.
    pub age_text: String,
    /// Why `age_text` was refused, if it was; the last valid age stays in `settings`.
    pub age_error: Option<AgeError>,
    /// What the person must be told about saved data, if anything.
    pub storage_notice: Option<StorageNotice>,
    /// False while saving would overwrite unreadable data that could not be copied aside.
    pub may_save: bool,
}

impl AppState {
    /// The state the page starts in, from what storage found.
    pub fn from_loaded(loaded: crate::storage::Loaded<Settings>) -> Self {
        let settings = loaded.value.unwrap_or_default();
        Self {
            settings,
            age_text: settings.profile.age.to_string(),
            age_error: None,
            storage_notice: loaded.notice,
            may_save: loaded.may_save,
        }
    }

    fn with_profile(&self, profile: Profile) -> Self {
        Self {
            settings: Settings {
                profile,
                ..self.settings
            },
            ..self.clone()
        }
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::from_loaded(crate::storage::Loaded {
            value: None,
            notice: None,
            may_save: true,
        })
    }
}

/// Everything the person can do to the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The age field changed; valid text updates the profile, invalid text only the message.
    EditAge(String),
    /// The browser holds text in the age field that it cannot read as a number (its `value`
    /// is then empty), so the text is left alone and only the message changes.
    RejectAge(AgeError),
    /// A sex was chosen.
    SetSex(Sex),
    /// A life stage was chosen.
    SetStage(Stage),
    /// An authority was chosen.
    SetAuthority(Authority),
    /// Saving failed; tell the person and keep working in memory.
    SaveFailed(StorageNotice),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let profile = self.settings.profile;
        let next = match action {
            Action::EditAge(text) => match AgeYears::parse(&text) {
                Ok(age) => Self {
                    age_text: text,
                    age_error: None,
                    ..self.with_profile(profile.with_age(age))
                },
                Err(error) => Self {
                    age_text: text,
                    age_error: Some(error),
                    ..(*self).clone()
                },
            },
            Action::RejectAge(error) => Self {
                age_error: Some(error),
                ..(*self).clone()
            },
            Action::SetSex(sex) => self.with_profile(profile.with_sex(sex)),
            Action::SetStage(stage) => self.with_profile(profile.with_stage(stage)),
            Action::SetAuthority(authority) => Self {
                settings: Settings {
                    authority,
                    ..self.settings
                },
                ..(*self).clone()
            },
            Action::SaveFailed(notice) => {
                if self.storage_notice.is_some() {
                    // The first notice already says the planner is not saving; keep it, and
                    // hand back the same Rc so nothing re-renders.
                    return self;
                }
                Self {
                    storage_notice: Some(notice),
                    ..(*self).clone()
                }
            }
        };
        if next == *self { self } else { Rc::new(next) }
    }
}

/// The handle components use to read the state and dispatch actions.
pub type PlannerContext = UseReducerHandle<AppState>;

/// The planner's state and dispatcher, for any component inside [`crate::App`].
#[hook]
pub fn use_planner() -> PlannerContext {
    // Every component is rendered under App's ContextProvider; missing it is a programming
    // error that the browser tests catch, not something a person can cause.
    use_context::<PlannerContext>().expect("rendered inside App's ContextProvider")
}
