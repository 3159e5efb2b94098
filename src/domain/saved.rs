//! The formats the planner saves, as versioned JSON envelopes (`{"version": N, "data": …}`),
//! and how old versions are read.
//!
//! Every format ever released must stay readable: when a version changes, add a migration from
//! the previous one and keep a fixture of the old text in the tests (`tests/domain_saved.rs`,
//! `tests/domain_transfer.rs`). A version newer than a build knows is refused by that build,
//! never half read, so an older tab cannot write over what a newer one saved.
//!
//! # Format history
//!
//! Settings, under `magnesium-planner.settings`:
//! - 1: the profile (age, sex, stage) and the authority; the kidney switch and the hidden food
//!   groups were added later with defaults, so a file without them still reads.
//! - 2: the person's medicines, each a group and an optional `HH:MM` time. Version 1 reads as
//!   version 2 with no medicines.
//! - 3: the waters the person keeps for reuse (`waters`: a `name` and `mg_per_litre` each),
//!   their own foods (`foods`: an `id` from 1,000,000 and the fields of a plan's `own`, below)
//!   and their meal templates (`templates`: a `name` and `foods`, each food stored as a plan's
//!   food is, with its place in the template as its `id`), and their products (`products`: an
//!   `id` from 1 and the fields of a dose's `product`, below), each left out when there are
//!   none. Versions 1 and 2 read as version 3 with none.
//! - 4: a product's form entered as a salt's weight names the salt (`variant`, as the form's
//!   variant ids in `supplements.rs`: "Which salt" on the page). Version 3 wrote none and had
//!   converted with the form's first variant, so a form without one reads as that.
//!
//! Plans, under `magnesium-planner.plan`:
//! - 1: a single plan: foods and supplement doses, a dose's time a part of the day (`morning`,
//!   `midday`, `evening`, `bedtime`). Read as a book holding that plan, named "My day".
//! - 2: the book of named plans, with each plan's last change and recent deletions (for merging
//!   tabs).
//! - 3: a dose's time may be a clock time (`HH:MM`). The part-of-day words of versions 1 and 2
//!   still read and are written back unchanged.
//! - 4: a plan may be a calendar day (`date`, `YYYY-MM-DD`) with a night record (`night`: an
//!   optional `rating` 0–10, `cramps_woke`, a `note`), and remembers the ids of entries removed
//!   from it (`removed`, for merging). All three are left out when empty. Versions 1–3 read as
//!   plans that are not days.
//! - 5: a plan may hold the waters drunk that day (`waters`: an `id` from the plan's counter,
//!   the water's `name` and `mg_per_litre` copied whole, and `litres`), left out when there
//!   are none; and a food entry of the person's own food (an `ndb` from 1,000,000) carries the
//!   food as it was when added (`own`: `name`, `serving`, `serving_grams`, `mg_per_serving` and
//!   optionally `kcal_per_serving`); and a dose of one of the person's products (basis
//!   `servings`, `units` the servings) carries the product as it was when added (`product`:
//!   `name`, `units_per_serving`, `forms` (each `form`, elemental `mg` per serving and the
//!   `basis` it was entered as), optionally `price` and `servings_per_bottle`, and `medicine`
//!   when it is one). Versions 1–4 read as plans without any.
//! - 6: a product's form entered as a salt's weight names the salt (`variant`), as settings 4
//!   do. Version 5 reads as settings 3 do.
//!
//! Export files and share codes carry the same stored parts; their own versions are listed in
//! `transfer.rs`.
//!
//! # Adding the next version
//!
//! The shape that keeps this clean, as days (plan book 4) and waters (plan book 5, settings 3) did: the
//! current stored struct (`StoredSettings`, `StoredNamedPlanV2`) gains the new fields with
//! `#[serde(default)]`, so the versions before read through the same struct with them empty;
//! the version constant goes up by one, with a line in the history above, a fixture of the
//! version it replaces, and (for settings) a new export version in `transfer.rs`, which the
//! build demands. Where a version changes the meaning of a field rather than adding one, the
//! reader's `match` on the version gets an arm that migrates it.

use std::fmt;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::choice::Choice;
use super::clock::ClockTime;
use super::diary::{CalendarDate, MAX_NIGHT_NOTE_CHARS, NightRating, NightRecord, clean_note};
use super::guidelines::Authority;
use super::library::{
    CustomFood, FieldErrors, MAX_OWN_FOODS, MAX_PRODUCTS, MAX_SAVED_WATERS, OwnFood, OwnProduct,
    Product, ProductError, ProductForm, Water, check_litres, is_own_food, same_name,
};
use super::medicines::{Medicine, MedicineError, MedicineGroup, medicine_list};
use super::order::sort_by_rank;
use super::plan::{
    DoseInput, EntryId, FoodEntry, Meal, Plan, PortionOption, SupplementDose, TimeOfDay,
    WaterEntry, check_quantity,
};
use super::plan_book::{DEFAULT_PLAN_NAME, NamedPlan, PlanBook, Tombstone, clean_name};
use super::profile::{AgeYears, Profile, Sex, Stage};
use super::supplements::{DoseBasis, form};
use super::templates::{FoodsError, MAX_TEMPLATES, MealTemplate, find_template};

mod objects_only;
pub(super) use objects_only::from_str as read_json;

/// The largest id counter accepted from saved data, files or links: whole numbers up to 2^53
/// survive every JSON reader exactly, and counters far below `u64::MAX` can never overflow.
const MAX_STORED_ID: u64 = 1 << 53;

/// The version [`encode_settings`] writes and the newest [`decode_settings`] understands (see
/// the format history above).
pub const SETTINGS_VERSION: u64 = 4;

/// The version [`encode_plan_book`] writes and the newest [`decode_plan_book`] understands (see
/// the format history above). Version 1 under the same storage key was a single plan; it is
/// migrated on reading.
pub const PLAN_BOOK_VERSION: u64 = 6;

/// The person's settings, saved once and shared by every plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    /// Who the plans are for.
    pub profile: Profile,
    /// Whose reference values apply.
    pub authority: Authority,
    /// The person has kidney disease: the planner never suggests a supplement and says to ask
    /// a doctor first.
    pub kidney_disease: bool,
    /// Food groups (SR28 codes) the person never wants suggested, such as nuts.
    pub hidden_groups: Vec<u16>,
    /// The medicines the person takes, in the order added; checked by
    /// [`super::medicines::add_medicine`].
    pub medicines: Vec<Medicine>,
    /// The waters the person keeps for reuse, in the order saved; at most
    /// [`MAX_SAVED_WATERS`], kept by [`super::library::keep_water`].
    pub waters: Vec<Water>,
    /// The person's own foods, in the order kept; at most [`MAX_OWN_FOODS`], kept by
    /// [`super::library::add_own_food`].
    pub foods: Vec<OwnFood>,
    /// The person's meal templates, in the order saved; at most [`MAX_TEMPLATES`], kept by
    /// [`super::templates::save_template`].
    pub templates: Vec<MealTemplate>,
    /// The person's products, in the order kept; at most [`MAX_PRODUCTS`], kept by
    /// [`super::library::add_product`].
    pub products: Vec<OwnProduct>,
}

/// The profile as stored: plain fields, so that [`Profile::new`]'s rules run on reading.
#[derive(Serialize, Deserialize)]
struct StoredProfile {
    age_years: AgeYears,
    sex: Sex,
    stage: Stage,
}

/// The settings as stored in the current version, 3. Versions 1 and 2 are the same without
/// `medicines` (1), `waters` and `templates` (1 and 2), so they read through this struct with
/// none.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredSettings {
    profile: StoredProfile,
    authority: Authority,
    #[serde(default)]
    kidney_disease: bool,
    #[serde(default)]
    hidden_groups: Vec<u16>,
    /// Added in version 2.
    #[serde(default)]
    medicines: Vec<StoredMedicine>,
    /// Added in version 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    waters: Vec<StoredWater>,
    /// Added in version 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    foods: Vec<StoredOwnFood>,
    /// Added in version 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    templates: Vec<StoredTemplate>,
    /// Added in version 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    products: Vec<StoredProduct>,
}

/// A product as stored: in settings with its `id`, and within a dose of it (plan book version
/// 5, export version 4, share version 3) without it.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredProduct {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<u32>,
    name: String,
    units_per_serving: f64,
    forms: Vec<StoredProductForm>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    price: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    servings_per_bottle: Option<f64>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    medicine: bool,
}

/// One form of a stored product: its id, elemental mg per serving, and how it was entered.
#[derive(Serialize, Deserialize)]
struct StoredProductForm {
    form: String,
    mg: f64,
    basis: String,
    /// The salt's variant id when `basis` is "compound" (since issue 13's "Which salt"); a
    /// form without it was converted with the form's first variant, as products then were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    variant: Option<String>,
}

impl StoredProduct {
    pub(super) fn of(product: &Product, id: Option<u32>) -> Self {
        Self {
            id,
            name: product.name.clone(),
            units_per_serving: product.units_per_serving,
            forms: product
                .forms
                .iter()
                .map(|f| StoredProductForm {
                    form: f.form_id.to_owned(),
                    mg: f.elemental_mg_per_serving,
                    basis: match f.converted_from {
                        Some(_) => DoseBasis::Compound,
                        None => DoseBasis::Elemental,
                    }
                    .value()
                    .to_owned(),
                    variant: f.converted_from.map(|salt| salt.id.to_owned()),
                })
                .collect(),
            price: product.price,
            servings_per_bottle: product.servings_per_bottle,
            medicine: product.medicine,
        }
    }

    /// The product, checked as entering it would be; `Err` says what is wrong.
    pub(super) fn checked(&self) -> Result<Product, String> {
        let problem = |_| {
            "a product has an empty or too long name, an unknown form or a figure out of range"
                .to_owned()
        };
        let forms = self
            .forms
            .iter()
            .map(|f| {
                let salt = match DoseBasis::from_value(&f.basis) {
                    Some(DoseBasis::Elemental) => None,
                    Some(DoseBasis::Compound) => Some(match &f.variant {
                        Some(id) => id.as_str(),
                        None => form(&f.form).map_or("", |known| known.default_variant().id),
                    }),
                    _ => return Err(ProductError::UnknownForm),
                };
                ProductForm::checked(&f.form, f.mg, salt)
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(problem)?;
        let mut product = Product::new(
            &self.name,
            self.units_per_serving,
            forms,
            self.price,
            self.servings_per_bottle,
        )
        .map_err(problem)?;
        product.medicine = self.medicine;
        Ok(product)
    }
}

/// A food of the person's own as stored: in settings with its `id`, and within a food entry
/// (plan book version 5, export version 4, share version 3) without it.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredOwnFood {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) id: Option<u32>,
    pub(super) name: String,
    pub(super) serving: String,
    pub(super) serving_grams: f64,
    pub(super) mg_per_serving: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) kcal_per_serving: Option<f64>,
}

impl StoredOwnFood {
    pub(super) fn of(food: &CustomFood, id: Option<u32>) -> Self {
        Self {
            id,
            name: food.name.clone(),
            serving: food.serving_words.clone(),
            serving_grams: food.serving_grams,
            mg_per_serving: food.magnesium_mg_per_serving,
            kcal_per_serving: food.kcal_per_serving,
        }
    }

    /// The food, checked as typing it would be; `Err` says what is wrong.
    pub(super) fn checked(&self) -> Result<CustomFood, String> {
        CustomFood::check(
            &self.name,
            &self.serving,
            self.serving_grams,
            self.mg_per_serving,
            self.kcal_per_serving,
        )
        .map_err(|_| {
            "a food of one's own has an empty or too long name or serving, or a figure out of range"
                .to_owned()
        })
    }
}

/// A meal template as stored (settings version 3): its name and its foods, each as a plan's
/// food is stored, so that it is read and checked by the same code.
#[derive(Serialize, Deserialize)]
struct StoredTemplate {
    name: String,
    foods: Vec<StoredEntryV1>,
}

/// A water as stored: kept for reuse in settings (version 3) as its `name` and `mg_per_litre`,
/// and drunk in a plan (plan book version 5, export version 4) with its `id` in the plan and
/// the `litres` drunk as well. One struct for both: each struct's serialiser and deserialiser
/// cost the wasm about 1 KB of gzip.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredWater {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) id: Option<EntryId>,
    pub(super) name: String,
    pub(super) mg_per_litre: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) litres: Option<f64>,
}

impl StoredWater {
    pub(super) fn of(water: &Water) -> Self {
        Self {
            id: None,
            name: water.name.clone(),
            mg_per_litre: water.mg_per_litre,
            litres: None,
        }
    }

    /// The water, checked as typing it would be; `Err` says what is wrong.
    pub(super) fn checked(&self) -> Result<Water, String> {
        Water::check(&self.name, self.mg_per_litre).map_err(|errors| water_problem(&errors))
    }
}

/// What a refused stored water is, in saved data's words.
fn water_problem(errors: &FieldErrors) -> String {
    if errors.name.is_some() {
        "a water's name is empty or too long".to_owned()
    } else {
        "a water's magnesium per litre is out of range".to_owned()
    }
}

/// A medicine as stored (settings version 2): its group's value and its `HH:MM` time.
#[derive(Serialize, Deserialize)]
struct StoredMedicine {
    group: String,
    #[serde(default)]
    time: Option<String>,
}

/// The wrapper every saved value travels in.
#[derive(Serialize)]
struct Envelope<T> {
    version: u64,
    data: T,
}

/// Why saved text could not be read; shown to the person, so it speaks plainly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The text is not JSON at all.
    NotJson(String),
    /// JSON, but not a planner envelope, or its fields are missing or out of range.
    WrongShape(String),
    /// Written by a newer version of the planner than this one.
    NewerVersion {
        /// The version found in the data.
        found: u64,
        /// The newest version this build reads.
        newest_known: u64,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(detail) => write!(f, "it is not valid JSON ({detail})"),
            DecodeError::WrongShape(detail) => {
                write!(f, "it does not have the shape the planner saves ({detail})")
            }
            DecodeError::NewerVersion {
                found,
                newest_known,
            } => write!(
                f,
                "it was saved by a newer version of the planner (format {found}; this one reads up to {newest_known})"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// The settings as the current format stores them (saved data and export files alike).
pub(super) fn stored_settings(settings: &Settings) -> StoredSettings {
    StoredSettings {
        profile: StoredProfile {
            age_years: settings.profile.age,
            sex: settings.profile.sex,
            stage: settings.profile.stage,
        },
        authority: settings.authority,
        kidney_disease: settings.kidney_disease,
        hidden_groups: settings.hidden_groups.clone(),
        medicines: settings
            .medicines
            .iter()
            .map(|m| StoredMedicine {
                group: m.group.value().to_owned(),
                time: m.time.map(|t| t.to_string()),
            })
            .collect(),
        waters: settings.waters.iter().map(StoredWater::of).collect(),
        foods: settings
            .foods
            .iter()
            .map(|own| StoredOwnFood::of(&own.food, Some(own.id)))
            .collect(),
        products: settings
            .products
            .iter()
            .map(|own| StoredProduct::of(&own.product, Some(own.id)))
            .collect(),
        templates: settings
            .templates
            .iter()
            .map(|t| StoredTemplate {
                name: t.name.clone(),
                foods: stored_entries(&t.foods),
            })
            .collect(),
    }
}

/// Writes settings in the current format.
pub fn encode_settings(settings: &Settings) -> String {
    to_json(SETTINGS_VERSION, stored_settings(settings))
}

/// Reads settings saved by this or any earlier version of the planner, checking the medicines
/// as adding them would.
pub fn decode_settings(text: &str) -> Result<Settings, DecodeError> {
    let (version, data) = open_versioned(text, SETTINGS_VERSION)?;
    settings_from_stored(version, data)
}

/// Reads the data of settings of `version` (one this build reads), as stored under the settings
/// key or carried in an export file, whose settings have no version of their own but the one
/// its export version implies.
pub(super) fn settings_from_stored(version: u64, data: &RawValue) -> Result<Settings, DecodeError> {
    let stored: StoredSettings = match version {
        // Version 1 had no medicines, 1 and 2 no waters, and 3 no salts named: the struct's
        // defaults give the empty lists and the first variants they imply.
        1..=4 => from_json(data)?,
        _ => unreachable_version(version)?,
    };
    Ok(Settings {
        profile: Profile::new(
            stored.profile.age_years,
            stored.profile.sex,
            stored.profile.stage,
        ),
        authority: stored.authority,
        kidney_disease: stored.kidney_disease,
        hidden_groups: stored.hidden_groups,
        medicines: medicines_from_stored(stored.medicines)?,
        waters: waters_from_stored(&stored.waters)?,
        foods: own_foods_from_stored(&stored.foods)?,
        templates: templates_from_stored(stored.templates)?,
        products: products_from_stored(&stored.products)?,
    })
}

/// The person's products, checked as keeping them would be: each id from 1 and used once,
/// each name once, and no more than [`MAX_PRODUCTS`].
fn products_from_stored(stored: &[StoredProduct]) -> Result<Vec<OwnProduct>, DecodeError> {
    let bad = |what: &str| DecodeError::WrongShape(what.to_owned());
    if stored.len() > MAX_PRODUCTS {
        return Err(bad("more products than the planner keeps"));
    }
    let mut products: Vec<OwnProduct> = Vec::with_capacity(stored.len());
    for own in stored {
        let product = own.checked().map_err(DecodeError::WrongShape)?;
        let id = own
            .id
            .filter(|&id| id >= 1)
            .ok_or_else(|| bad("a product has no id"))?;
        let clash = products
            .iter()
            .any(|p| p.id == id || same_name(&p.product.name, &product.name));
        if clash {
            return Err(bad("a product is kept twice"));
        }
        products.push(OwnProduct {
            id,
            product: Rc::new(product),
        });
    }
    Ok(products)
}

/// The person's own foods, checked as keeping them would be: each id in range and used once,
/// each name once, and no more than [`MAX_OWN_FOODS`].
fn own_foods_from_stored(stored: &[StoredOwnFood]) -> Result<Vec<OwnFood>, DecodeError> {
    let bad = |what: &str| DecodeError::WrongShape(what.to_owned());
    if stored.len() > MAX_OWN_FOODS {
        return Err(bad("more foods of one's own than the planner keeps"));
    }
    let mut foods: Vec<OwnFood> = Vec::with_capacity(stored.len());
    for own in stored {
        let food = own.checked().map_err(DecodeError::WrongShape)?;
        let id = own
            .id
            .filter(|&id| is_own_food(id))
            .ok_or_else(|| bad("a food of one's own has no id in its range"))?;
        let clash = foods
            .iter()
            .any(|f| f.id == id || same_name(&f.food.name, &food.name));
        if clash {
            return Err(bad("a food of one's own is kept twice"));
        }
        foods.push(OwnFood {
            id,
            food: Rc::new(food),
        });
    }
    Ok(foods)
}

/// The saved templates, each food checked exactly as a plan's food is on reading
/// ([`plan_from_stored`]) and each template as saving it would be: more than
/// [`MAX_TEMPLATES`], two of one name, an empty one or one of too many foods cannot be saved,
/// so they are refused rather than guessed at.
fn templates_from_stored(stored: Vec<StoredTemplate>) -> Result<Vec<MealTemplate>, DecodeError> {
    if stored.len() > MAX_TEMPLATES {
        return Err(DecodeError::WrongShape(
            "more meal templates than the planner keeps".into(),
        ));
    }
    let mut templates: Vec<MealTemplate> = Vec::with_capacity(stored.len());
    for (index, template) in stored.into_iter().enumerate() {
        let bad = |what: &str| DecodeError::WrongShape(format!("template {}: {what}", index + 1));
        let foods = plan_from_stored(StoredPlanV1 {
            // Ids in a template are only places; any unique ones read.
            next_id: MAX_STORED_ID,
            entries: template.foods,
            doses: Vec::new(),
            waters: Vec::new(),
        })
        .map_err(|e| match e {
            DecodeError::WrongShape(detail) => bad(&detail),
            other => other,
        })?
        .entries;
        let template = MealTemplate::check(&template.name, foods).map_err(|errors| {
            bad(match errors.foods {
                Some(FoodsError::Empty) => "no foods",
                Some(FoodsError::TooMany { .. }) => "more foods than a template keeps",
                None => "the name is empty or too long",
            })
        })?;
        if find_template(&templates, &template.name).is_some() {
            return Err(bad("a template of that name is saved already"));
        }
        templates.push(template);
    }
    Ok(templates)
}

/// The saved waters, checked as saving them would be: two of one name or more than
/// [`MAX_SAVED_WATERS`] cannot be saved, so they are refused rather than guessed at.
fn waters_from_stored(stored: &[StoredWater]) -> Result<Vec<Water>, DecodeError> {
    if stored.len() > MAX_SAVED_WATERS {
        return Err(DecodeError::WrongShape(
            "more saved waters than the planner keeps".into(),
        ));
    }
    let mut waters: Vec<Water> = Vec::with_capacity(stored.len());
    for water in stored {
        let water = water.checked().map_err(DecodeError::WrongShape)?;
        if waters.iter().any(|w| same_name(&w.name, &water.name)) {
            return Err(DecodeError::WrongShape("a water is saved twice".into()));
        }
        waters.push(water);
    }
    Ok(waters)
}

/// A version that [`open_versioned`] let through but no reader handles: a programming error
/// (a version constant raised without a reader), reported as unreadable data, not a panic.
fn unreachable_version<T>(version: u64) -> Result<T, DecodeError> {
    Err(DecodeError::WrongShape(format!(
        "format {version} has no reader"
    )))
}

/// An exact `HH:MM` as the planner writes it; `None` for anything else, so that a stored time
/// reads back one way only.
fn stored_clock_time(text: &str) -> Option<ClockTime> {
    ClockTime::parse(text)
        .ok()
        .filter(|time| time.to_string() == text)
}

fn medicines_from_stored(stored: Vec<StoredMedicine>) -> Result<Vec<Medicine>, DecodeError> {
    let mut medicines = Vec::with_capacity(stored.len());
    for (index, medicine) in stored.into_iter().enumerate() {
        let bad = |what: &str| DecodeError::WrongShape(format!("medicine {}: {what}", index + 1));
        let group = MedicineGroup::from_value(&medicine.group)
            .ok_or_else(|| bad("unknown medicine group"))?;
        let time = match medicine.time.as_deref() {
            None => None,
            Some(text) => Some(stored_clock_time(text).ok_or_else(|| bad("unreadable time"))?),
        };
        medicines.push(Medicine { group, time });
    }
    medicine_list(medicines).map_err(|error| {
        DecodeError::WrongShape(
            match error {
                MedicineError::TimeNeeded => "a medicine with a timing rule has no time",
                MedicineError::AlreadyListed => "a medicine is listed twice",
                MedicineError::TooMany => "more medicines than the planner keeps",
            }
            .to_owned(),
        )
    })
}

/// An envelope as read: its data stays unparsed text until the version says how to read it.
///
/// Why not `serde_json::Value`: reading through `Value` puts a second copy of every stored
/// type's deserialiser into the wasm (about 15 KB); raw text is read by the same one.
#[derive(Deserialize)]
struct RawEnvelope<'a> {
    version: Option<u64>,
    #[serde(borrow)]
    data: Option<&'a RawValue>,
}

/// Reads JSON text as `T`, as the planner's saved data or part of it; a failure is saved
/// data of the wrong shape.
pub(super) fn from_json<'a, T: Deserialize<'a>>(raw: &'a RawValue) -> Result<T, DecodeError> {
    read_json(raw.get()).map_err(|e| DecodeError::WrongShape(e.to_string()))
}

/// Why text could not be read as a JSON object of the expected fields.
pub(super) enum ObjectError {
    /// Not JSON at all.
    NotJson(String),
    /// JSON, but an array or a plain value.
    NotAnObject,
    /// An object whose fields do not fit (a key written twice, a field of the wrong type).
    WrongFields(String),
}

/// Reads `text` as a JSON object into `T`, whose parts may stay raw text. Only an object is
/// accepted, the one shape the planner writes at the top level; any other JSON is told apart as
/// not an object rather than as an object of the wrong fields.
pub(super) fn read_object<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, ObjectError> {
    let is_object = text.trim_start().starts_with('{');
    let wrong_fields = match read_json(text) {
        Ok(object) if is_object => return Ok(object),
        Ok(_) => None,
        Err(e) if e.is_syntax() || e.is_eof() => return Err(ObjectError::NotJson(e.to_string())),
        Err(e) => Some(e.to_string()),
    };
    // The reader stops at the first value of the wrong shape (an array where a struct belongs)
    // before it has seen the rest of the text, so whether the text is JSON at all is read
    // through here: broken text such as `[1,` is still told apart as not JSON.
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        return Err(ObjectError::NotJson(e.to_string()));
    }
    match wrong_fields {
        Some(detail) if is_object => Err(ObjectError::WrongFields(detail)),
        _ => Err(ObjectError::NotAnObject),
    }
}

/// Checks the envelope and returns its version and data, refusing versions newer than
/// `newest_known`.
pub(super) fn open_versioned(
    text: &str,
    newest_known: u64,
) -> Result<(u64, &RawValue), DecodeError> {
    let envelope: RawEnvelope<'_> = read_object(text).map_err(|e| match e {
        ObjectError::NotJson(detail) => DecodeError::NotJson(detail),
        ObjectError::NotAnObject => DecodeError::WrongShape("expected an object".into()),
        ObjectError::WrongFields(detail) => DecodeError::WrongShape(detail),
    })?;
    let version = envelope
        .version
        .ok_or_else(|| DecodeError::WrongShape("no version number".into()))?;
    if version > newest_known {
        return Err(DecodeError::NewerVersion {
            found: version,
            newest_known,
        });
    }
    if version == 0 {
        return Err(DecodeError::WrongShape(
            "version 0 was never written".into(),
        ));
    }
    let data = envelope
        .data
        .ok_or_else(|| DecodeError::WrongShape("no data".into()))?;
    Ok((version, data))
}

/// A food entry as stored in version 1.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredEntryV1 {
    pub(super) id: EntryId,
    pub(super) ndb: u32,
    pub(super) portion_label: String,
    pub(super) portion_grams: f64,
    pub(super) quantity: f64,
    pub(super) meal: String,
    /// From plan book version 5: the person's own food as it was when added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) own: Option<StoredOwnFood>,
}

/// A supplement dose as stored since version 1. Only what the person entered is kept; the
/// elemental amount is recomputed on reading, so a corrected formula corrects old plans too.
/// `time` is a [`TimeOfDay::value`]: a part of the day's word, or (from plan book version 3 and
/// share code version 2) `HH:MM`.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredDoseV1 {
    pub(super) id: EntryId,
    pub(super) form: String,
    pub(super) variant: String,
    pub(super) basis: String,
    pub(super) amount_mg: f64,
    pub(super) units: f64,
    pub(super) time: Option<String>,
    /// From plan book version 5: the product as it was when added, for a dose of one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) product: Option<StoredProduct>,
}

/// A plan as stored in version 1, and its foods, doses and (from plan book version 5) waters
/// in every later format.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredPlanV1 {
    pub(super) next_id: EntryId,
    pub(super) entries: Vec<StoredEntryV1>,
    #[serde(default)]
    pub(super) doses: Vec<StoredDoseV1>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) waters: Vec<StoredWater>,
}

/// A plan's contents as stored, in every format that holds plans.
pub(super) fn stored_plan(plan: &Plan) -> StoredPlanV1 {
    StoredPlanV1 {
        next_id: plan.next_id,
        entries: stored_entries(&plan.entries),
        doses: plan
            .doses
            .iter()
            .map(|d| StoredDoseV1 {
                id: d.id,
                form: d.input.form_id.clone(),
                variant: d.input.variant_id.clone(),
                basis: d.input.basis.value().to_owned(),
                amount_mg: d.input.amount_mg,
                units: d.input.units,
                time: d.input.time.map(TimeOfDay::value),
                product: d
                    .input
                    .product
                    .as_deref()
                    .map(|p| StoredProduct::of(p, None)),
            })
            .collect(),
        waters: plan
            .waters
            .iter()
            .map(|w| StoredWater {
                id: Some(w.id),
                litres: Some(w.litres),
                ..StoredWater::of(&w.water)
            })
            .collect(),
    }
}

/// Foods in the stored shape, in every format that holds foods (plans and templates).
fn stored_entries(entries: &[FoodEntry]) -> Vec<StoredEntryV1> {
    entries
        .iter()
        .map(|e| StoredEntryV1 {
            id: e.id,
            ndb: e.ndb,
            portion_label: e.portion.label.clone(),
            portion_grams: e.portion.grams,
            quantity: e.quantity,
            meal: e.meal.value().to_owned(),
            own: e.own.as_deref().map(|own| StoredOwnFood::of(own, None)),
        })
        .collect()
}

/// Serialises an envelope; plain structs of numbers and strings always serialise, and NaN
/// cannot occur because every number passed its check.
pub(super) fn to_json<T: Serialize>(version: u64, data: T) -> String {
    serde_json::to_string(&Envelope { version, data }).unwrap_or_default()
}

/// Writes one plan on its own, in the plan key's current format: a book holding just that plan,
/// as "My day". (Version 1 stored a single plan; a single plan is now a book of one.)
pub fn encode_plan(plan: &Plan) -> String {
    encode_plan_book(&PlanBook::with_plan(DEFAULT_PLAN_NAME, plan.clone(), 0.0))
}

/// Reads the plan on screen from anything the plan key ever held (see [`decode_plan_book`]),
/// checking every number is in range.
pub fn decode_plan(text: &str) -> Result<Plan, DecodeError> {
    decode_plan_book(text).map(|book| book.current_plan().plan.clone())
}

pub(super) fn plan_from_stored(stored: StoredPlanV1) -> Result<Plan, DecodeError> {
    if stored.next_id > MAX_STORED_ID {
        return Err(DecodeError::WrongShape(
            "the id counter is out of range".into(),
        ));
    }
    let mut entries = Vec::with_capacity(stored.entries.len());
    for entry in stored.entries {
        let bad = |what: &str| DecodeError::WrongShape(format!("entry {}: {what}", entry.id));
        let meal = Meal::from_value(&entry.meal).ok_or_else(|| bad("unknown meal"))?;
        if !(entry.portion_grams.is_finite() && entry.portion_grams > 0.0) {
            return Err(bad("portion weight out of range"));
        }
        let quantity =
            check_quantity(entry.quantity, entry.portion_grams).map_err(|e| bad(&e.to_string()))?;
        if entry.id >= stored.next_id || entries.iter().any(|e: &FoodEntry| e.id == entry.id) {
            return Err(bad("duplicate or out-of-order id"));
        }
        // An own food's number always comes with its values, and only an own food's does.
        let own = match (&entry.own, is_own_food(entry.ndb)) {
            (Some(own), true) => Some(Rc::new(own.checked().map_err(|e| bad(&e))?)),
            (None, false) => None,
            _ => return Err(bad("a food of one's own without its values")),
        };
        entries.push(FoodEntry {
            id: entry.id,
            ndb: entry.ndb,
            portion: PortionOption {
                label: entry.portion_label,
                grams: entry.portion_grams,
            },
            quantity,
            meal,
            own,
        });
    }
    let mut doses: Vec<SupplementDose> = Vec::with_capacity(stored.doses.len());
    for dose in stored.doses {
        let bad = |what: &str| DecodeError::WrongShape(format!("dose {}: {what}", dose.id));
        let taken =
            entries.iter().any(|e| e.id == dose.id) || doses.iter().any(|d| d.id == dose.id);
        if dose.id >= stored.next_id || taken {
            return Err(bad("duplicate or out-of-order id"));
        }
        let time = match &dose.time {
            None => None,
            Some(value) => Some(TimeOfDay::from_value(value).ok_or_else(|| bad("unknown time"))?),
        };
        let product = match &dose.product {
            Some(product) => Some(Rc::new(product.checked().map_err(|e| bad(&e))?)),
            None => None,
        };
        let input = DoseInput {
            product,
            basis: DoseBasis::from_value(&dose.basis).ok_or_else(|| bad("unknown basis"))?,
            form_id: dose.form,
            variant_id: dose.variant,
            amount_mg: dose.amount_mg,
            units: dose.units,
            time,
        };
        let elemental = input.elemental().map_err(|e| bad(&e.to_string()))?;
        doses.push(SupplementDose {
            id: dose.id,
            input,
            elemental_mg: elemental.elemental_mg,
            assumption: elemental.assumption,
        });
    }
    let mut waters: Vec<WaterEntry> = Vec::with_capacity(stored.waters.len());
    for (index, drunk) in stored.waters.iter().enumerate() {
        let bad = |what: &str| DecodeError::WrongShape(format!("water {}: {what}", index + 1));
        let id = drunk.id.ok_or_else(|| bad("no id"))?;
        let taken = entries.iter().any(|e| e.id == id)
            || doses.iter().any(|d| d.id == id)
            || waters.iter().any(|w| w.id == id);
        if id >= stored.next_id || taken {
            return Err(bad("duplicate or out-of-order id"));
        }
        let water = drunk.checked().map_err(|e| bad(&e))?;
        let litres = drunk
            .litres
            .and_then(|litres| check_litres(litres).ok())
            .ok_or_else(|| bad("litres missing or out of range"))?;
        waters.push(WaterEntry { id, water, litres });
    }
    Ok(Plan {
        entries,
        doses,
        waters,
        next_id: stored.next_id,
    })
}

/// A named plan as stored in plan book versions 2 to 5 and in export files (the day's fields
/// came in plan book version 4 and export version 3, the waters in 5 and 4): its id (the book's only; an export leaves
/// it out), name and time, the fields of a [`StoredPlanV1`] and those of a [`StoredDay`]. One
/// struct for both, written out rather than `#[serde(flatten)]`, which reads the same JSON
/// through a buffered copy of every value: each serialiser and deserialiser of its own costs
/// the wasm about 1 KB of gzip.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredNamedPlanV2 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) id: Option<u64>,
    pub(super) name: String,
    pub(super) updated_at_ms: f64,
    next_id: EntryId,
    entries: Vec<StoredEntryV1>,
    #[serde(default)]
    doses: Vec<StoredDoseV1>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    waters: Vec<StoredWater>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    night: Option<StoredNight>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    removed: Vec<u64>,
}

impl StoredNamedPlanV2 {
    /// `plan` in the stored shape, under `id` (or none, in an export), `name` and `updated_at_ms`.
    pub(super) fn of(plan: &NamedPlan, id: Option<u64>, name: String, updated_at_ms: f64) -> Self {
        let stored = stored_plan(&plan.plan);
        let day = stored_day(plan);
        Self {
            id,
            name,
            updated_at_ms,
            next_id: stored.next_id,
            entries: stored.entries,
            doses: stored.doses,
            waters: stored.waters,
            date: day.date,
            night: day.night,
            removed: day.removed,
        }
    }

    /// The foods and doses, and the day's fields, as their own stored parts, to be checked.
    pub(super) fn into_parts(self) -> (StoredPlanV1, StoredDay) {
        (
            StoredPlanV1 {
                next_id: self.next_id,
                entries: self.entries,
                doses: self.doses,
                waters: self.waters,
            },
            StoredDay {
                date: self.date,
                night: self.night,
                removed: self.removed,
            },
        )
    }
}

/// What makes a plan a day, as stored from plan book version 4 and export version 3; every
/// part is left out when empty, and reads as empty when missing.
#[derive(Serialize, Deserialize, Default)]
pub(super) struct StoredDay {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) night: Option<StoredNight>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) removed: Vec<u64>,
}

/// A night record as stored.
#[derive(Serialize, Deserialize)]
pub(super) struct StoredNight {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rating: Option<u8>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    cramps_woke: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    note: String,
}

/// A plan's day fields in the stored shape.
pub(super) fn stored_day(named: &NamedPlan) -> StoredDay {
    StoredDay {
        date: named.date.map(|d| d.to_string()),
        night: (!named.night.is_empty()).then(|| StoredNight {
            rating: named.night.rating.map(NightRating::points),
            cramps_woke: named.night.cramps_woke,
            note: named.night.note.clone(),
        }),
        removed: named.removed.clone(),
    }
}

/// The date, night and removals as stored, checked as typing them would be.
pub(super) fn day_from_stored(
    stored: StoredDay,
) -> Result<(Option<CalendarDate>, NightRecord, Vec<u64>), String> {
    let date = match stored.date.as_deref() {
        None => None,
        Some(text) => Some(
            CalendarDate::parse(text)
                .ok()
                .filter(|d| d.to_string() == text)
                .ok_or("unreadable date")?,
        ),
    };
    let night = match stored.night {
        None => NightRecord::default(),
        Some(night) => {
            let rating = match night.rating {
                None => None,
                Some(points) => Some(NightRating::new(points).map_err(|_| "rating out of range")?),
            };
            let note = clean_note(&night.note)
                .map_err(|_| format!("night note longer than {MAX_NIGHT_NOTE_CHARS} characters"))?;
            NightRecord {
                rating,
                cramps_woke: night.cramps_woke,
                note,
            }
        }
    };
    let mut removed = stored.removed;
    if removed.iter().any(|&id| id > MAX_STORED_ID) {
        return Err("a removed id is out of range".into());
    }
    sort_by_rank(&mut removed, |&id| id);
    removed.dedup();
    Ok((date, night, removed))
}

/// A deletion as stored in versions 2 and 3.
#[derive(Serialize, Deserialize)]
struct StoredTombstoneV2 {
    id: u64,
    deleted_at_ms: f64,
}

/// The plan book as stored in versions 2 to 5 (3 only widened a dose's time; 4 added days, 5
/// waters).
#[derive(Deserialize)]
struct StoredPlanBookV2 {
    current: u64,
    next_id: u64,
    plans: Vec<StoredNamedPlanV2>,
    #[serde(default)]
    tombstones: Vec<StoredTombstoneV2>,
}

/// The plan book as written: each plan's JSON already made, so that unchanged plans are not
/// serialised again (see [`PlanBookEncoder`]).
#[derive(Serialize)]
struct WrittenPlanBook<'a> {
    current: u64,
    next_id: u64,
    plans: Vec<&'a RawValue>,
    tombstones: Vec<StoredTombstoneV2>,
}

/// Writes plan books in the current format again and again, as storage does after every
/// change, serialising only the plans that changed since the last time. With a year of days a
/// change touches one plan, and serialising all 365 took most of a day switch (BENCHMARKS.md,
/// "A year of days"). Its text is always what [`encode_plan_book`] writes.
#[derive(Default)]
pub struct PlanBookEncoder {
    /// Each plan last written, with its JSON, in the book's order.
    written: Vec<(Rc<NamedPlan>, Box<RawValue>)>,
}

impl PlanBookEncoder {
    /// The book's text, reusing the JSON of every plan equal to the one last written.
    pub fn encode(&mut self, book: &PlanBook) -> String {
        let mut before = std::mem::take(&mut self.written);
        for (index, plan) in book.plans.iter().enumerate() {
            // Plans keep their order, so the one last written at this place is tried first.
            let found = match before.get(index) {
                Some((old, _)) if old.id == plan.id => Some(index),
                _ => before.iter().position(|(old, _)| old.id == plan.id),
            };
            let reused = found
                .map(|at| before.swap_remove(at))
                .filter(|(old, _)| Rc::ptr_eq(old, plan) || old == plan);
            let entry = match reused {
                Some(entry) => entry,
                None => match serde_json::value::to_raw_value(&stored_named_plan(plan)) {
                    Ok(json) => (Rc::clone(plan), json),
                    // Plain numbers and strings always serialise; see `to_json`.
                    Err(_) => return String::new(),
                },
            };
            self.written.push(entry);
        }
        to_json(
            PLAN_BOOK_VERSION,
            WrittenPlanBook {
                current: book.current,
                next_id: book.next_id,
                plans: self.written.iter().map(|(_, json)| &**json).collect(),
                tombstones: book
                    .tombstones
                    .iter()
                    .map(|t| StoredTombstoneV2 {
                        id: t.id,
                        deleted_at_ms: t.deleted_at_ms,
                    })
                    .collect(),
            },
        )
    }
}

fn stored_named_plan(p: &NamedPlan) -> StoredNamedPlanV2 {
    StoredNamedPlanV2::of(p, Some(p.id), p.name.clone(), p.updated_at_ms)
}

/// Writes the plan book in the current format.
pub fn encode_plan_book(book: &PlanBook) -> String {
    PlanBookEncoder::default().encode(book)
}

/// Reads the plan book from any version ever stored under the plan key: version 1 (one plan)
/// becomes a book holding it as "My day"; versions 2 to 6 are read and checked.
pub fn decode_plan_book(text: &str) -> Result<PlanBook, DecodeError> {
    let (version, data) = open_versioned(text, PLAN_BOOK_VERSION)?;
    match version {
        1 => Ok(migrate_plan_v1_to_book(plan_from_stored(from_json(data)?)?)),
        // Version 3 only widened what a dose's time may hold, version 4 added the day's fields,
        // version 5 the waters and copies, and version 6 the salts named, which read as empty
        // (or the first variant) when missing: one reader takes all five.
        2..=6 => book_from_v2(data),
        _ => unreachable_version(version),
    }
}

/// Version 1 kept one plan with no name or time; it becomes the book's only plan.
fn migrate_plan_v1_to_book(plan: Plan) -> PlanBook {
    PlanBook::with_plan(DEFAULT_PLAN_NAME, plan, 0.0)
}

fn book_from_v2(data: &RawValue) -> Result<PlanBook, DecodeError> {
    let stored: StoredPlanBookV2 = from_json(data)?;
    if stored.next_id > MAX_STORED_ID {
        return Err(DecodeError::WrongShape(
            "the plan counter is out of range".into(),
        ));
    }
    let mut plans: Vec<NamedPlan> = Vec::with_capacity(stored.plans.len());
    for named in stored.plans {
        let id = named
            .id
            .ok_or_else(|| DecodeError::WrongShape("a plan without an id".into()))?;
        let bad = |what: &str| DecodeError::WrongShape(format!("plan {id}: {what}"));
        if id >= stored.next_id || plans.iter().any(|p| p.id == id) {
            return Err(bad("duplicate or out-of-order id"));
        }
        let updated_at_ms = named.updated_at_ms;
        if !updated_at_ms.is_finite() || updated_at_ms < 0.0 {
            return Err(bad("time out of range"));
        }
        // A bad name is tidied rather than refused: refusing it would set aside every plan.
        let name = clean_name(&named.name).unwrap_or_else(|_| tidy_name(&named.name));
        let (plan, day) = named.into_parts();
        let (date, night, removed) = day_from_stored(day).map_err(|e| bad(&e))?;
        plans.push(NamedPlan {
            date,
            night,
            removed,
            ..NamedPlan::new(id, name, updated_at_ms, plan_from_stored(plan)?)
        });
    }
    if plans.is_empty() {
        return Err(DecodeError::WrongShape("no plans".into()));
    }
    if !plans.iter().any(|p| p.id == stored.current) {
        return Err(DecodeError::WrongShape(
            "the current plan is missing".into(),
        ));
    }
    let tombstones = stored
        .tombstones
        .into_iter()
        .filter(|t| t.deleted_at_ms.is_finite())
        .map(|t| Tombstone {
            id: t.id,
            deleted_at_ms: t.deleted_at_ms,
        })
        .collect();
    let book = PlanBook {
        plans: plans.into_iter().map(Rc::new).collect(),
        current: stored.current,
        next_id: stored.next_id,
        tombstones,
    };
    // Two plans for one date (written by hand, say) are folded as merging would, rather than
    // refused, which would set every plan aside.
    let mut dates: Vec<_> = book.plans.iter().filter_map(|p| p.date).collect();
    let count = dates.len();
    sort_by_rank(&mut dates, |d| d.rank());
    dates.dedup();
    Ok(if dates.len() == count {
        book
    } else {
        book.merge(&book)
    })
}

/// A stored name that [`clean_name`] refuses, made usable: cut to the longest allowed, or a
/// placeholder when nothing printable is left.
fn tidy_name(raw: &str) -> String {
    let cut: String = raw
        .chars()
        .filter(|c| !c.is_control())
        .take(super::plan_book::MAX_PLAN_NAME_CHARS)
        .collect();
    clean_name(&cut).unwrap_or_else(|_| "Untitled plan".to_owned())
}
