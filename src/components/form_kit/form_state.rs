//! What a form holds between renders when the part of the page that shows it is a plain
//! function rather than a component: a hook of the caller's (App), which forgets it when the part
//! leaves the screen, as a component's state went when it unmounted. One type for every such
//! form, instead of a newtype, a `forget` and a hook each.

use yew::prelude::*;

/// A form's state, kept by whatever shows the form.
pub struct FormState<T: 'static>(UseStateHandle<T>);

// Not derived: a derive would ask `T: Clone`, and cloning the handle never clones the state.
impl<T> Clone for FormState<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T: PartialEq + Default + 'static> FormState<T> {
    /// Goes back to a fresh form, as one shown anew starts; a fresh form is left alone, so that
    /// forgetting asks for no render.
    pub fn forget(&self) {
        let fresh = T::default();
        if *self.0 != fresh {
            self.0.set(fresh);
        }
    }

    /// The state itself, to read and to set.
    pub fn handle(&self) -> &UseStateHandle<T> {
        &self.0
    }
}

/// A place for a form's state, starting fresh, for the part that shows the form.
#[hook]
pub fn use_form_state<T: Default + 'static>() -> FormState<T> {
    FormState(use_state(T::default))
}
