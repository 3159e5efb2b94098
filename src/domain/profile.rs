//! Who a plan is for: age, sex and life stage, validated from what the person typed.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::choice::{Choice, saved_as_choice_value};
use super::decimal_text::plain;
use super::input::{NumberError, parse_decimal};

/// The oldest age the planner accepts; anything larger is almost certainly a typing slip.
pub const MAX_AGE_YEARS: f64 = 120.0;

/// The youngest age at which pregnancy and lactation are offered. Below it the choice is hidden,
/// because no authority gives values for younger children and offering it would only confuse.
pub const MIN_PREGNANCY_AGE_YEARS: f64 = 10.0;

/// Months in a year, for the authorities that draw infant bands in months.
const MONTHS_PER_YEAR: f64 = 12.0;

/// Up to this many months (the first birthday), a person is an infant: no authority sets a
/// supplement limit, and their magnesium comes from milk, formula and food (IOM, via NIH ODS).
pub const INFANT_UNTIL_MONTHS: u32 = 12;

/// Decimal years rarely convert to whole months exactly (7/12 is 0.58333…), so an age within
/// this many months of a band's edge counts as having reached it.
const MONTH_TOLERANCE: f64 = 1e-6;

/// An age in years that has passed validation: finite, not negative, at most [`MAX_AGE_YEARS`].
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct AgeYears(f64);

/// Why a typed age was refused; its `Display` text is what the person reads beside the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgeError {
    /// Nothing was typed.
    Empty,
    /// The text is not a number (letters, "NaN", "inf", stray symbols).
    NotANumber,
    /// A number below zero.
    Negative,
    /// A number above [`MAX_AGE_YEARS`].
    TooOld,
}

impl fmt::Display for AgeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AgeError::Empty => "Enter an age in years.",
            AgeError::NotANumber => {
                "Enter the age as a number of years, for example 34, or 0.5 for six months."
            }
            AgeError::Negative => "Age cannot be negative.",
            AgeError::TooOld => "Enter an age of 120 years or less.",
        })
    }
}

impl std::error::Error for AgeError {}

impl AgeYears {
    /// Accepts a number of years if it is finite and within 0 to [`MAX_AGE_YEARS`].
    pub fn new(years: f64) -> Result<Self, AgeError> {
        if !years.is_finite() {
            Err(AgeError::NotANumber)
        } else if years < 0.0 {
            Err(AgeError::Negative)
        } else if years > MAX_AGE_YEARS {
            Err(AgeError::TooOld)
        } else {
            // `-0.0` would print as "-0"; store a plain zero.
            Ok(Self(years + 0.0))
        }
    }

    /// Reads an age as typed (decimal comma accepted).
    pub fn parse(text: &str) -> Result<Self, AgeError> {
        let years = parse_decimal(text).map_err(|error| match error {
            NumberError::Empty => AgeError::Empty,
            NumberError::NotANumber => AgeError::NotANumber,
        })?;
        if years.is_infinite() {
            return Err(if years > 0.0 {
                AgeError::TooOld
            } else {
                AgeError::Negative
            });
        }
        Self::new(years)
    }

    /// The age in years, as typed.
    pub fn years(self) -> f64 {
        self.0
    }

    /// The age in months, for bands that are drawn in months.
    pub fn months(self) -> f64 {
        self.0 * MONTHS_PER_YEAR
    }

    /// Whether this age is at or past `months` from birth, forgiving the rounding of decimal
    /// years: every age band and the infant rule use this one test, so they agree at each edge.
    pub fn has_reached_months(self, months: u32) -> bool {
        self.months() + MONTH_TOLERANCE >= f64::from(months)
    }

    /// Under the first birthday ([`INFANT_UNTIL_MONTHS`]).
    pub fn is_infant(self) -> bool {
        !self.has_reached_months(INFANT_UNTIL_MONTHS)
    }
}

impl TryFrom<f64> for AgeYears {
    type Error = AgeError;

    fn try_from(years: f64) -> Result<Self, Self::Error> {
        Self::new(years)
    }
}

impl From<AgeYears> for f64 {
    fn from(age: AgeYears) -> f64 {
        age.0
    }
}

impl fmt::Display for AgeYears {
    /// Whole years print without decimals; fractions keep up to two places ("0.5").
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rounded = (self.0 * 100.0).round() / 100.0;
        f.write_str(&plain(rounded))
    }
}

/// Sex as the reference tables distinguish it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    /// Female values; pregnancy and lactation may apply.
    Female,
    /// Male values.
    Male,
}

/// In the order the form lists them; the value is the one in saved data.
impl Choice for Sex {
    const ALL: &'static [Self] = &[Sex::Female, Sex::Male];

    fn value(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
        }
    }
}

saved_as_choice_value!(Sex);

impl Sex {
    /// The word a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Sex::Female => "Female",
            Sex::Male => "Male",
        }
    }
}

/// Pregnancy and lactation, which raise some authorities' reference intakes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Neither pregnant nor breastfeeding (page value `none`).
    Neither,
    /// Pregnant.
    Pregnant,
    /// Breastfeeding.
    Lactating,
}

/// In the order the form lists them; the value is the one in saved data.
impl Choice for Stage {
    const ALL: &'static [Self] = &[Stage::Neither, Stage::Pregnant, Stage::Lactating];

    fn value(self) -> &'static str {
        match self {
            Stage::Neither => "none",
            Stage::Pregnant => "pregnant",
            Stage::Lactating => "lactating",
        }
    }
}

saved_as_choice_value!(Stage);

impl Stage {
    /// The words a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Neither => "Neither",
            Stage::Pregnant => "Pregnant",
            Stage::Lactating => "Breastfeeding",
        }
    }

    /// Whether pregnancy and lactation can be chosen for this sex and age at all.
    pub fn is_offered(sex: Sex, age: AgeYears) -> bool {
        sex == Sex::Female && age.years() >= MIN_PREGNANCY_AGE_YEARS
    }
}

/// The person a plan is for. Build it with [`Profile::new`] so its rules always hold.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Profile {
    /// Age in years; decimals for infants.
    pub age: AgeYears,
    /// Sex as the reference tables use it.
    pub sex: Sex,
    /// Pregnant, breastfeeding or neither, as chosen; see [`Profile::effective_stage`].
    pub stage: Stage,
}

impl Default for Profile {
    /// An adult woman: the planner's most common user, and a profile every authority covers.
    fn default() -> Self {
        Self {
            age: AgeYears(30.0),
            sex: Sex::Female,
            stage: Stage::Neither,
        }
    }
}

impl Profile {
    /// Builds a profile. Pregnancy and breastfeeding are dropped for a male, but kept for a child
    /// under [`MIN_PREGNANCY_AGE_YEARS`]: the age may only be passing through a small number
    /// while it is retyped ("2" on the way to "28"), and [`Profile::effective_stage`] ignores it
    /// meanwhile.
    pub fn new(age: AgeYears, sex: Sex, stage: Stage) -> Self {
        let stage = if sex == Sex::Male {
            Stage::Neither
        } else {
            stage
        };
        Self { age, sex, stage }
    }

    /// The stage the reference values use: the chosen one where it is offered, otherwise none.
    pub fn effective_stage(&self) -> Stage {
        if Stage::is_offered(self.sex, self.age) {
            self.stage
        } else {
            Stage::Neither
        }
    }

    /// The same profile at another age.
    pub fn with_age(self, age: AgeYears) -> Self {
        Self::new(age, self.sex, self.stage)
    }

    /// The same profile with another sex.
    pub fn with_sex(self, sex: Sex) -> Self {
        Self::new(self.age, sex, self.stage)
    }

    /// The same profile in another life stage.
    pub fn with_stage(self, stage: Stage) -> Self {
        Self::new(self.age, self.sex, stage)
    }
}
