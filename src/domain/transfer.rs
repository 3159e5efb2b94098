//! Moving plans out of the browser and back in: an export file holding every plan and the
//! settings, and a share link carrying one plan in the URL's `#` fragment, which browsers never
//! send to a server. Everything read is checked in full before anything is changed, with the
//! same checks as the planner's own saved data.
//!
//! # Format history
//!
//! Export files (`"format": "magnesium-planner-export"`):
//! - 1: the settings as settings format 1 stores them, and every plan as plan book format 2
//!   stores it, with its name and last change.
//! - 2: the settings as settings format 2 (with the person's medicines); a dose's time may be
//!   `HH:MM`, as in plan book format 3.
//! - 3: a plan may be a day, with `date`, `night` and `removed` as in plan book format 4. An
//!   older planner refuses the file rather than import days as plans without dates.
//! - 4: the settings as settings format 3 (with the saved waters, the person's own foods and
//!   products), and a plan's `waters`, entries' `own` and doses' `product` as in plan book
//!   format 5.
//! - 5: the settings as settings format 4, and doses as plan book format 6: a product's form
//!   entered as a salt's weight names the salt (`variant`).
//!
//! Share codes:
//! - 1: one plan's name, foods and doses; a dose's time a part of the day.
//! - 2: the same shape; a dose's time may be `HH:MM`. A planner that reads only version 1 says
//!   it is too old instead of calling the link damaged.
//! - 3: a fourth element, the waters drunk: name, mg per litre and litres each; and a food of
//!   the sharer's own carries a sixth element, the food: name, serving in words, its grams, mg
//!   of magnesium in it, and kcal or `null`; and a dose of one of the sharer's products (basis
//!   `servings`) carries a seventh element, the product as a plan book's dose stores it
//!   (`saved.rs`). Versions 1 and 2 read with none of these.
//! - 4: the same shape; a product's form entered as a salt's weight names the salt (`variant`),
//!   as in plan book format 6. A planner that reads only up to version 3 says it is too old
//!   instead of dropping the salt.

use std::fmt;

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::choice::Choice;
use super::decimal_text::fixed;
use super::library::{MAX_SAVED_WATERS, add_missing_by_name, add_own_food, add_product};
use super::plan::{EntryId, Plan, TimeOfDay};
use super::plan_book::{
    DEFAULT_PLAN_NAME, MAX_PLAN_NAME_CHARS, NameError, NamedPlan, PlanBook, clean_name, fold,
};
use super::saved::{
    DecodeError, ObjectError, SETTINGS_VERSION, Settings, StoredDoseV1, StoredEntryV1,
    StoredNamedPlanV2, StoredOwnFood, StoredPlanV1, StoredProduct, StoredSettings, StoredWater,
    day_from_stored, from_json, plan_from_stored, read_json, read_object, settings_from_stored,
    stored_settings,
};
use super::templates::MAX_TEMPLATES;

/// The marker that tells an export file from any other JSON.
pub const EXPORT_FORMAT: &str = "magnesium-planner-export";

/// The version [`encode_export`] writes and the newest [`decode_export`] understands (see the
/// format history above).
pub const EXPORT_VERSION: u64 = 5;

/// The largest file [`decode_export`] reads, in bytes: room for about 1,500 days of ten foods
/// (each about 2.6 kB), while a larger file, which is surely not an export, cannot stall the
/// page.
pub const MAX_IMPORT_BYTES: usize = 4_000_000;

/// The settings format that an export version carries. The export holds the settings' data
/// without their own version number, so the export's version must imply it.
const fn settings_version_in_export(export_version: u64) -> u64 {
    match export_version {
        1 => 1,
        2 | 3 => 2,
        4 => 3,
        _ => 4,
    }
}

// A new settings format changes what an export holds: it then needs a new export version, and
// the older export versions keep reading their settings as the settings version they carried.
// This stops the build until it has one.
const _: () = assert!(
    settings_version_in_export(EXPORT_VERSION) == SETTINGS_VERSION,
    "the settings format changed: add an export version"
);

/// The text after `#` that marks a share link; the code follows it.
pub const SHARE_PREFIX: &str = "share=";

/// The version [`encode_share`] writes and the newest [`decode_share`] understands (see the
/// format history above).
pub const SHARE_VERSION: u8 = 4;

/// The longest share code [`decode_share`] looks at, in characters: about 75 kB of plan, far
/// more than any real day, and short enough that decoding stays instant.
pub const MAX_SHARE_CODE_CHARS: usize = 100_000;

/// An export file as written.
#[derive(Serialize)]
struct ExportFile {
    format: &'static str,
    version: u64,
    exported_at_ms: f64,
    settings: StoredSettings,
    plans: Vec<StoredNamedPlanV2>,
}

/// An export file as read: each part stays unparsed text until the format and version say
/// how to read it.
#[derive(Deserialize)]
struct RawExportFile<'a> {
    #[serde(borrow)]
    format: Option<&'a RawValue>,
    #[serde(borrow)]
    version: Option<&'a RawValue>,
    #[serde(borrow)]
    settings: Option<&'a RawValue>,
    #[serde(borrow)]
    plans: Option<&'a RawValue>,
}

/// Writes every plan and the settings as one readable, versioned JSON document.
pub fn encode_export(settings: &Settings, book: &PlanBook, exported_at_ms: f64) -> String {
    let file = ExportFile {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exported_at_ms: time_or_zero(exported_at_ms),
        // What stored settings hold, so the two stay in one format, whatever it becomes.
        settings: stored_settings(settings),
        plans: book
            .plans
            .iter()
            .map(|named| {
                // A name the import would refuse would make the whole file unimportable.
                StoredNamedPlanV2::of(
                    named,
                    None,
                    fitting_name(&named.name),
                    time_or_zero(named.updated_at_ms),
                )
            })
            .collect(),
    };
    // Plain structs of checked numbers and strings always serialise.
    indented(&serde_json::to_string(&file).unwrap_or_default())
}

/// Compact JSON laid out as `serde_json::to_string_pretty` lays it out: one value per line,
/// two spaces per level, `": "` after keys, and `[]` and `{}` kept whole. serde_json's own
/// pretty writer would put a second copy of every saved format's serialiser into the wasm
/// (about 1 KB of gzip) for this one file.
fn indented(compact: &str) -> String {
    let mut text = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            text.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                text.push(c);
            }
            '{' | '[' => {
                text.push(c);
                match chars.next_if(|next| matches!(next, '}' | ']')) {
                    Some(close) => text.push(close),
                    None => {
                        depth += 1;
                        new_line(&mut text, depth);
                    }
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                new_line(&mut text, depth);
                text.push(c);
            }
            ',' => {
                text.push(',');
                new_line(&mut text, depth);
            }
            ':' => text.push_str(": "),
            _ => text.push(c),
        }
    }
    text
}

fn new_line(text: &mut String, depth: usize) {
    text.push('\n');
    text.extend(std::iter::repeat_n("  ", depth));
}

/// JSON has no NaN or infinity (serde writes `null`, which the import refuses), and a time
/// before 1970 is refused too; such a time can only come from a broken clock.
fn time_or_zero(ms: f64) -> f64 {
    if ms.is_finite() && ms >= 0.0 { ms } else { 0.0 }
}

/// What an export file holds, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The settings in the file; applying them is the person's choice, not the import's.
    pub settings: Settings,
    /// The plans that are not days, in the file's order, under their names in the file.
    pub plans: Vec<(String, Plan)>,
    /// The days, in the file's order, each with its date, night, removals and last change
    /// (the ids are the file's positions; [`add_imported_days`] gives them their place).
    pub days: Vec<NamedPlan>,
}

/// How many of the person's own foods, products, saved waters and meal templates an import
/// added to their lists; the page says so.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LibraryAdded {
    /// Own foods.
    pub foods: usize,
    /// Products.
    pub products: usize,
    /// Saved waters.
    pub waters: usize,
    /// Meal templates.
    pub templates: usize,
}

impl Imported {
    /// Keeps in `settings` what the file's person kept and `settings` lacks by name: their own
    /// foods, products, saved waters and meal templates, and the foods and products the file's
    /// plans and days use, while each list has room. A name already kept stays as the person
    /// saved it. The plans' and days' entries then go by the ids their foods have in
    /// `settings`, so one cannot be taken for another of the person's foods; every entry and
    /// dose keeps its own copy, so no total changes. The file's profile and medicines are not
    /// applied: that stays the person's choice.
    pub fn keep_library(&mut self, settings: &mut Settings) -> LibraryAdded {
        let (foods, products) = (settings.foods.len(), settings.products.len());
        for own in &self.settings.foods {
            // A name taken or a full list keeps nothing, as the form would refuse it.
            let _ = add_own_food(&mut settings.foods, (*own.food).clone());
        }
        for own in &self.settings.products {
            let _ = add_product(&mut settings.products, (*own.product).clone());
        }
        let days = self.days.iter_mut().map(|day| &mut day.plan);
        for plan in self.plans.iter_mut().map(|(_, plan)| plan).chain(days) {
            plan.keep_own_foods(&mut settings.foods);
            plan.keep_products(&mut settings.products);
        }
        LibraryAdded {
            foods: settings.foods.len() - foods,
            products: settings.products.len() - products,
            waters: add_missing_by_name(
                &mut settings.waters,
                &self.settings.waters,
                MAX_SAVED_WATERS,
            ),
            templates: add_missing_by_name(
                &mut settings.templates,
                &self.settings.templates,
                MAX_TEMPLATES,
            ),
        }
    }
}

/// Why a file was not imported; shown to the person, so it speaks plainly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_IMPORT_BYTES`]; refused before it is read.
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// Not JSON at all.
    NotJson(String),
    /// JSON, but not a planner export.
    NotAnExport,
    /// Exported by a newer version of the planner.
    NewerVersion {
        /// The export version found in the file.
        found: u64,
    },
    /// An export, but something in it is missing or out of range; says what and where.
    WrongShape(String),
    /// An export without a single plan.
    NoPlans,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "This file is {} MB. A Magnesium Planner export is never more than {} MB, so this is not one.",
                fixed(*bytes as f64 / 1e6, 1),
                fixed(MAX_IMPORT_BYTES as f64 / 1e6, 0)
            ),
            ImportError::NotJson(detail) => write!(
                f,
                "This file is not a Magnesium Planner export: it cannot be read as JSON ({detail})."
            ),
            ImportError::NotAnExport => f.write_str(
                "This file is not a Magnesium Planner export. Choose a file the planner exported.",
            ),
            ImportError::NewerVersion { found } => write!(
                f,
                "This file was exported by a newer version of Magnesium Planner (export format {found}; this one reads up to {EXPORT_VERSION}). Reload the page to update the planner, then import it again."
            ),
            ImportError::WrongShape(detail) => write!(
                f,
                "This export is damaged or was changed by hand, so it cannot be imported ({detail})."
            ),
            ImportError::NoPlans => {
                f.write_str("This export holds no plans, so there is nothing to import.")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads an export file, checking its size before reading it and every plan, name and number
/// in it before returning any of it.
pub fn decode_export(text: &str) -> Result<Imported, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let file: RawExportFile<'_> = read_object(text).map_err(|e| match e {
        ObjectError::NotJson(detail) => ImportError::NotJson(detail),
        ObjectError::NotAnObject => ImportError::NotAnExport,
        // A key written twice, say: an export, perhaps, but damaged.
        ObjectError::WrongFields(detail) => ImportError::WrongShape(detail),
    })?;
    let format = file.format.and_then(|raw| from_json::<String>(raw).ok());
    if format.as_deref() != Some(EXPORT_FORMAT) {
        return Err(ImportError::NotAnExport);
    }
    let shape = |detail: &str| ImportError::WrongShape(detail.to_owned());
    let version = file
        .version
        .and_then(|raw| from_json::<u64>(raw).ok())
        .ok_or_else(|| shape("no version number"))?;
    if version > EXPORT_VERSION {
        return Err(ImportError::NewerVersion { found: version });
    }
    if version == 0 {
        return Err(shape("version 0 was never written"));
    }
    let settings =
        settings_from_export(version, file.settings.ok_or_else(|| shape("no settings"))?)?;
    let plans: Vec<&RawValue> = file
        .plans
        .and_then(|raw| from_json(raw).ok())
        .ok_or_else(|| shape("no list of plans"))?;
    if plans.is_empty() {
        return Err(ImportError::NoPlans);
    }
    let mut imported = Imported {
        settings,
        plans: Vec::new(),
        days: Vec::new(),
    };
    for (index, value) in plans.into_iter().enumerate() {
        let named = plan_from_export(index + 1, value)?;
        if named.date.is_some() {
            imported.days.push(named);
        } else {
            imported.plans.push((named.name, named.plan));
        }
    }
    Ok(imported)
}

/// Reads the settings through the same reader as stored settings, as the settings version
/// that `export_version` carries, so an export's settings are migrated exactly as stored ones
/// would be.
fn settings_from_export(export_version: u64, data: &RawValue) -> Result<Settings, ImportError> {
    settings_from_stored(settings_version_in_export(export_version), data)
        .map_err(|e| ImportError::WrongShape(format!("settings: {}", problem(&e))))
}

/// Reads the plan numbered `number` (from 1, as a person counts) with saved data's checks.
fn plan_from_export(number: usize, raw: &RawValue) -> Result<NamedPlan, ImportError> {
    let bad = |detail: &str| ImportError::WrongShape(format!("plan {number}: {detail}"));
    // An id in the file (there is none in exports) is ignored: plans get new ids on import.
    let exported: StoredNamedPlanV2 = from_json(raw).map_err(|e| bad(&problem(&e)))?;
    let name = clean_name(&exported.name).map_err(|e| bad(name_problem(e)))?;
    let updated_at_ms = exported.updated_at_ms;
    if !updated_at_ms.is_finite() || updated_at_ms < 0.0 {
        return Err(bad("time out of range"));
    }
    let (stored, day) = exported.into_parts();
    let plan = plan_from_stored(stored).map_err(|e| {
        ImportError::WrongShape(format!(
            "plan {number}, \u{201c}{name}\u{201d}: {}",
            problem(&e)
        ))
    })?;
    let (date, night, removed) = day_from_stored(day).map_err(|e| bad(&e))?;
    Ok(NamedPlan {
        date,
        night,
        removed,
        ..NamedPlan::new(number as u64, name, updated_at_ms, plan)
    })
}

/// The detail of a saved-data refusal, without the sentence around it that fits storage.
fn problem(error: &DecodeError) -> String {
    match error {
        DecodeError::NotJson(detail) | DecodeError::WrongShape(detail) => detail.clone(),
        DecodeError::NewerVersion { found, .. } => {
            format!("format {found} is newer than this planner reads")
        }
    }
}

/// Why a name was refused, as part of a longer message.
fn name_problem(error: NameError) -> &'static str {
    match error {
        NameError::Empty => "it has no name",
        NameError::TooLong => "its name is longer than the planner allows",
    }
}

/// A name the planner accepts: cleaned, cut to [`MAX_PLAN_NAME_CHARS`], or the default name
/// when nothing is left.
fn fitting_name(name: &str) -> String {
    let start = name.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
    let cut: String = start.chars().take(MAX_PLAN_NAME_CHARS).collect();
    clean_name(&cut).unwrap_or_else(|_| DEFAULT_PLAN_NAME.to_owned())
}

/// Adds imported plans beside the existing ones and returns the new book with the names the
/// plans got. Each gets a fresh id and a unique name and is stamped `now_ms`; no existing plan
/// changes, and the current plan stays current.
pub fn add_imported(
    book: &PlanBook,
    plans: Vec<(String, Plan)>,
    now_ms: f64,
) -> (PlanBook, Vec<String>) {
    let mut book = book.clone();
    let current = book.current;
    let mut names = Vec::with_capacity(plans.len());
    for (name, plan) in plans {
        // A name the book has already gets a number, the end of a long one giving way to it
        // (`PlanBook::unique_name`), since saved data refuses names over
        // `MAX_PLAN_NAME_CHARS`.
        book.add(&fitting_name(&name), plan, now_ms);
        names.push(book.current_plan().name.clone());
    }
    book.switch_to(current);
    (book, names)
}

/// What importing days did, for the page to say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DaysImported {
    /// Days the book did not have, added as they were in the file.
    pub added_days: u32,
    /// Days the book had, that gained foods, doses or a night record from the file.
    pub merged_days: u32,
    /// Foods, doses and waters the merged days gained.
    pub entries_added: u32,
    /// Days the book had that the file added nothing to; the book's copy was kept.
    pub unchanged_days: u32,
}

/// Merges imported days into the book by date, as two tabs merge (see
/// [`super::plan_book`]'s rule): a date the book has gains the file's foods and doses that it
/// lacks (an entry either copy removed stays removed); a new date is added. The current plan
/// stays current.
pub fn add_imported_days(
    book: &PlanBook,
    days: Vec<NamedPlan>,
    now_ms: f64,
) -> (PlanBook, DaysImported) {
    let mut book = book.clone();
    let current = book.current;
    let mut report = DaysImported::default();
    for day in days {
        let Some(date) = day.date else { continue };
        match book.plans.iter().position(|p| p.date == Some(date)) {
            Some(index) => {
                let existing = &book.plans[index];
                let merged = fold(existing, &day);
                if merged.plan == existing.plan && merged.night == existing.night {
                    report.unchanged_days += 1;
                } else {
                    let had = |id: EntryId| existing.plan.ids().any(|old| old == id);
                    report.entries_added += merged.plan.ids().filter(|&id| !had(id)).count() as u32;
                    report.merged_days += 1;
                    book.plans[index] = Rc::new(NamedPlan {
                        updated_at_ms: now_ms.max(merged.updated_at_ms),
                        ..merged
                    });
                }
            }
            None => {
                let id = book.add(&fitting_name(&day.name), day.plan, now_ms);
                if let Some(added) = book.plans.iter_mut().find(|p| p.id == id).map(Rc::make_mut) {
                    added.date = day.date;
                    added.night = day.night;
                    added.removed = day.removed;
                }
                report.added_days += 1;
            }
        }
    }
    book.switch_to(current);
    (book, report)
}

/// A food entry in a share code: NDB number, portion label, portion grams, quantity, meal, and
/// (from version 3, for a food of the sharer's own only) the food.
#[derive(Serialize, Deserialize)]
struct SharedEntry(
    u32,
    String,
    f64,
    f64,
    String,
    #[serde(default, skip_serializing_if = "Option::is_none")] Option<SharedOwnFood>,
);

/// A food of the sharer's own in a share code: name, serving in words, its grams, mg of
/// magnesium in it, and kcal in it if known.
type SharedOwnFood = (String, String, f64, f64, Option<f64>);

/// A dose in a share code: form, variant, basis, amount in mg, units, time (a
/// [`TimeOfDay::value`]) and (from version 3, for a dose of a product only) the product.
#[derive(Serialize, Deserialize)]
struct SharedDose(
    String,
    String,
    String,
    f64,
    f64,
    Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")] Option<StoredProduct>,
);

/// A water drunk in a share code: the water's name, mg per litre, and litres.
type SharedWater = (String, f64, f64);

/// A plan in a share code: a JSON array of name, entries, doses and (from version 3) waters.
/// Ids are left out and numbered afresh on reading; the plan gets a new id in the book anyway.
#[derive(Serialize, Deserialize)]
struct SharedPlanV1(
    String,
    Vec<SharedEntry>,
    Vec<SharedDose>,
    #[serde(default)] Vec<SharedWater>,
);

/// Why a share link was not opened; shown to the person, so it speaks plainly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Not a share code: wrong characters, too short or too long.
    Malformed,
    /// The checksum does not match: the link was cut short or changed after it was made.
    Tampered,
    /// Made by a newer version of the planner.
    NewerVersion,
    /// Intact, but the plan in it is out of range; says what.
    WrongShape(String),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Malformed => f.write_str(
                "This link does not hold a plan the planner can read. Check that the whole link was copied.",
            ),
            ShareError::Tampered => f.write_str(
                "This link was cut short or changed after it was made, so the plan in it cannot be trusted. Ask for the link again.",
            ),
            ShareError::NewerVersion => f.write_str(
                "This link was made by a newer version of Magnesium Planner. Reload the page to update the planner, then open the link again.",
            ),
            ShareError::WrongShape(detail) => write!(
                f,
                "The plan in this link cannot be used ({detail}). Ask for the link again."
            ),
        }
    }
}

impl std::error::Error for ShareError {}

/// Encodes one plan as a share code for a `#share=` fragment, using only `A–Z a–z 0–9 - _`.
///
/// The code is base64url without padding of: a 4-byte big-endian FNV-1a checksum of what
/// follows, the version byte, then the plan as a compact JSON array. The checksum comes first
/// so every version can be checked for damage before its version is trusted.
pub fn encode_share(name: &str, plan: &Plan) -> String {
    let shared = SharedPlanV1(
        fitting_name(name),
        plan.entries
            .iter()
            .map(|e| {
                SharedEntry(
                    e.ndb,
                    e.portion.label.clone(),
                    e.portion.grams,
                    e.quantity,
                    e.meal.value().to_owned(),
                    e.own.as_deref().map(|own| {
                        (
                            own.name.clone(),
                            own.serving_words.clone(),
                            own.serving_grams,
                            own.magnesium_mg_per_serving,
                            own.kcal_per_serving,
                        )
                    }),
                )
            })
            .collect(),
        plan.doses
            .iter()
            .map(|d| {
                SharedDose(
                    d.input.form_id.clone(),
                    d.input.variant_id.clone(),
                    d.input.basis.value().to_owned(),
                    d.input.amount_mg,
                    d.input.units,
                    d.input.time.map(TimeOfDay::value),
                    d.input
                        .product
                        .as_deref()
                        .map(|p| StoredProduct::of(p, None)),
                )
            })
            .collect(),
        plan.waters
            .iter()
            .map(|w| (w.water.name.clone(), w.water.mg_per_litre, w.litres))
            .collect(),
    );
    // Tuples of checked numbers and strings always serialise.
    let json = serde_json::to_string(&shared).unwrap_or_default();
    let mut body = Vec::with_capacity(json.len() + 1);
    body.push(SHARE_VERSION);
    body.extend_from_slice(json.as_bytes());
    let mut framed = fnv1a_32(&body).to_be_bytes().to_vec();
    framed.extend_from_slice(&body);
    base64url_encode(&framed)
}

/// Reads a share code (without `#share=`; surrounding white space is ignored). A damaged code
/// is refused, never read as a different plan, and every number passes saved data's checks.
pub fn decode_share(code: &str) -> Result<(String, Plan), ShareError> {
    let code = code.trim();
    if code.len() > MAX_SHARE_CODE_CHARS {
        return Err(ShareError::Malformed);
    }
    let framed = base64url_decode(code).ok_or(ShareError::Malformed)?;
    let (checksum, body) = framed
        .split_first_chunk::<4>()
        .ok_or(ShareError::Malformed)?;
    let (&version, json) = body.split_first().ok_or(ShareError::Malformed)?;
    if u32::from_be_bytes(*checksum) != fnv1a_32(body) {
        return Err(ShareError::Tampered);
    }
    if version > SHARE_VERSION {
        return Err(ShareError::NewerVersion);
    }
    let shape = |detail: &str| ShareError::WrongShape(detail.to_owned());
    if version == 0 {
        return Err(shape("version 0 was never written"));
    }
    // Read as text rather than bytes, so that the same deserialiser reads links and storage.
    let json = std::str::from_utf8(json).map_err(|e| shape(&e.to_string()))?;
    let SharedPlanV1(name, entries, doses, waters) =
        read_json(json).map_err(|e| shape(&e.to_string()))?;
    let name = clean_name(&name).map_err(|e| shape(name_problem(e)))?;
    // Rebuilt in saved data's shape so the very same checks read it.
    let first_dose_id = entries.len();
    let first_water_id = first_dose_id + doses.len();
    let stored = StoredPlanV1 {
        next_id: (first_water_id + waters.len()) as u64,
        entries: entries
            .into_iter()
            .enumerate()
            .map(
                |(id, SharedEntry(ndb, portion_label, portion_grams, quantity, meal, own))| {
                    StoredEntryV1 {
                        id: id as u64,
                        ndb,
                        portion_label,
                        portion_grams,
                        quantity,
                        meal,
                        own: own.map(|(name, serving, serving_grams, mg_per_serving, kcal)| {
                            StoredOwnFood {
                                id: None,
                                name,
                                serving,
                                serving_grams,
                                mg_per_serving,
                                kcal_per_serving: kcal,
                            }
                        }),
                    }
                },
            )
            .collect(),
        doses: doses
            .into_iter()
            .enumerate()
            .map(
                |(index, SharedDose(form, variant, basis, amount_mg, units, time, product))| {
                    StoredDoseV1 {
                        id: (first_dose_id + index) as u64,
                        form,
                        variant,
                        basis,
                        amount_mg,
                        units,
                        time,
                        product,
                    }
                },
            )
            .collect(),
        waters: waters
            .into_iter()
            .enumerate()
            .map(|(index, (name, mg_per_litre, litres))| StoredWater {
                id: Some((first_water_id + index) as u64),
                name,
                mg_per_litre,
                litres: Some(litres),
            })
            .collect(),
    };
    let plan = plan_from_stored(stored).map_err(|e| ShareError::WrongShape(problem(&e)))?;
    Ok((name, plan))
}

/// The share code in a URL fragment (`#share=…` or `share=…`), if the fragment holds one.
pub fn share_code_in_fragment(fragment: &str) -> Option<&str> {
    fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .strip_prefix(SHARE_PREFIX)
}

/// 32-bit FNV-1a: a single changed byte always changes it, which is what catches a mistyped or
/// edited link; it is no defence against someone forging one on purpose, nor meant to be.
fn fnv1a_32(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash, &byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// The URL- and filename-safe base64 alphabet of RFC 4648, section 5.
const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Encodes bytes as base64url without padding (RFC 4648, section 5): `=` would need escaping
/// in a URL and says nothing the length does not.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk.iter().enumerate().fold(0u32, |group, (i, &byte)| {
            group | (u32::from(byte) << (16 - 8 * i))
        });
        // 1 byte needs 2 digits, 2 need 3, 3 need 4.
        for i in 0..=chunk.len() {
            let digit = (group >> (18 - 6 * i)) & 0x3f;
            out.push(char::from(BASE64URL[digit as usize]));
        }
    }
    out
}

/// Decodes base64url without padding, or `None` for anything else: other characters, a
/// length no byte string encodes to, or stray bits after the last byte. Being strict means
/// every byte string has exactly one code, so an edited character is never silently ignored.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let digits = text
        .bytes()
        .map(base64url_digit)
        .collect::<Option<Vec<u8>>>()?;
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() / 4 * 3 + 2);
    for chunk in digits.chunks(4) {
        let group = chunk.iter().enumerate().fold(0u32, |group, (i, &digit)| {
            group | (u32::from(digit) << (18 - 6 * i))
        });
        let byte_count = chunk.len() - 1;
        if group & (0x00ff_ffff >> (8 * byte_count)) != 0 {
            return None;
        }
        let [_, first, second, third] = group.to_be_bytes();
        out.extend_from_slice(&[first, second, third][..byte_count]);
    }
    Some(out)
}

fn base64url_digit(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}
