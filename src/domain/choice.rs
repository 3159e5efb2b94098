//! A closed set of choices (meals, sexes, stages, authorities, medicine groups, …) and the one
//! stable value each choice is known by, in the page's `<option value>` and, for the choices
//! that are saved, in stored data.
//!
//! Each enum says its choices and their values once, by implementing [`Choice`]; reading a value
//! back, listing the options of a `<select>` and (through [`serialize`] and [`deserialize`])
//! saving come from that one table. The words a person reads beside each value are not here:
//! they belong to the components (`components::form_kit::ChoiceLabel`).

use serde::{Deserialize, Deserializer, Serializer, de};

/// An enum whose every variant is one of a fixed list of choices, each with a stable value.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every choice, in the order the page offers them.
    const ALL: &'static [Self];

    /// The stable value: the page's `<option value>` and, where the choice is saved, the text
    /// in stored data. Never changes once published.
    fn value(self) -> &'static str;

    /// The choice whose [`Choice::value`] is `value`, if any; anything else, including a value
    /// differing only in case or white space, is `None`.
    fn from_value(value: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|choice| choice.value() == value)
    }
}

/// Writes a choice as its value, for `#[serde(serialize_with)]` or a hand-written `Serialize`:
/// the same JSON string a `rename_all` derive would write for the same names.
pub fn serialize<C: Choice, S: Serializer>(choice: &C, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(choice.value())
}

/// Reads a choice from its value; any other string is refused with the list of values known.
pub fn deserialize<'de, C: Choice, D: Deserializer<'de>>(deserializer: D) -> Result<C, D::Error> {
    // A `Cow` rather than `&str`: a value with an escape in it ("f\u0065male") arrives owned.
    let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
    C::from_value(&text)
        .ok_or_else(|| de::Error::invalid_value(de::Unexpected::Str(&text), &"a known choice"))
}

/// Saves a [`Choice`] as its value through [`serialize`] and [`deserialize`], so that the
/// stored names are the ones the choice already lists rather than a second copy in serde
/// attributes.
macro_rules! saved_as_choice_value {
    ($choice:ty) => {
        impl serde::Serialize for $choice {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $crate::domain::choice::serialize(self, serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for $choice {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::domain::choice::deserialize(deserializer)
            }
        }
    };
}
pub(crate) use saved_as_choice_value;
