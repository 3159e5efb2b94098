//! The person's own things: foods the USDA table lacks, the waters they drink and the
//! supplement products in their cupboard. Each is checked once, when it is made, so that plans
//! and actions only ever hold valid ones.
//!
//! Label figures, per `shared/reference/magnesium.md` ("Labels"): the US Daily Value for
//! magnesium is 420 mg (21 CFR 101.9, 2016 rule, adults and children 4 years and over), the EU
//! Nutrient Reference Value 375 mg (Regulation (EU) No 1169/2011, Annex XIII); natural mineral
//! waters state magnesium in mg per litre (Directive 2009/54/EC).

use super::choice::Choice;
use super::foods::{Food, FoodTable, Portion};
use super::input::{NumberError, parse_decimal};
use super::search::{folded, folded_words};
use super::supplements::{DoseBasis, MAX_DOSE_ELEMENTAL_MG, SaltVariant, SupplementForm, form};

/// The US Daily Value for magnesium (adults and children 4+), mg: what "% DV" on a US label is
/// a share of.
pub const US_DAILY_VALUE_MG: f64 = 420.0;

/// The EU Nutrient Reference Value for magnesium, mg: what "% NRV" on an EU label is a share of.
pub const EU_NRV_MG: f64 = 375.0;

/// The largest percentage of a reference value the planner accepts from a label; more is a
/// typing slip (10 times the daily value in one serving).
pub const MAX_LABEL_PERCENT: f64 = 1000.0;

/// The most magnesium a litre of water may hold before the planner calls it a typing slip. The
/// richest mineral waters sold hold a few hundred mg per litre.
pub const MAX_WATER_MG_PER_LITRE: f64 = 2000.0;

/// The most water one entry may hold, litres: far more than anyone drinks in a day.
pub const MAX_WATER_LITRES: f64 = 10.0;

/// What a glass of water is taken to hold, litres (250 mL).
pub const LITRES_PER_GLASS: f64 = 0.25;

/// The longest name of a food, water or product, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// The longest description of a serving ("1 bar", "2 slices"), in characters.
pub const MAX_SERVING_WORDS_CHARS: usize = 40;

/// The heaviest serving accepted, grams or mL.
pub const MAX_SERVING_GRAMS: f64 = 5000.0;

/// The most energy one serving may state, kcal.
pub const MAX_KCAL_PER_SERVING: f64 = 10_000.0;

/// The most units (capsules, tablets, scoops) one serving of a product may have.
pub const MAX_UNITS_PER_SERVING: f64 = 100.0;

/// The most forms one product may blend.
pub const MAX_FORMS_PER_PRODUCT: usize = 8;

/// The most servings a bottle may hold, and the highest price, for cost comparisons.
pub const MAX_SERVINGS_PER_BOTTLE: f64 = 10_000.0;

/// The highest price of one bottle accepted, in the person's currency.
pub const MAX_PRICE: f64 = 100_000.0;

/// Why typed text was refused as a name or a serving's description.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextError {
    /// Nothing printable.
    Empty,
    /// Longer than allowed.
    TooLong {
        /// The most characters allowed.
        max_chars: usize,
    },
}

/// Characters that change how text around them is drawn without being seen themselves:
/// bidirectional embeddings, overrides and isolates. Pasted into a name they can make it read
/// backwards on the page, so they are dropped.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters with no width of their own: zero-width spaces and joiners, the word joiner, the
/// byte-order mark and the soft hyphen. They may stay inside a name (joiners shape some
/// scripts and emoji) but a name of nothing else is empty.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    ) || is_bidi_control(c)
}

/// Tidies typed text: trimmed, inner runs of white space and control characters made single
/// spaces, bidirectional controls dropped; refused when nothing visible is left or when longer
/// than `max_chars`.
pub fn clean_text(text: &str, max_chars: usize) -> Result<String, TextError> {
    // Controls go first, so that one between spaces leaves no double or edge space behind.
    let cleaned = text
        .replace(is_bidi_control, "")
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if cleaned.chars().all(|c| is_invisible(c) || c == ' ') {
        Err(TextError::Empty)
    } else if cleaned.chars().count() > max_chars {
        Err(TextError::TooLong { max_chars })
    } else {
        Ok(cleaned)
    }
}

/// Why a typed amount was refused.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AmountError {
    /// Nothing typed where a number is needed.
    Empty,
    /// Not a number.
    NotANumber,
    /// Below zero, or zero where the amount must be more.
    TooSmall {
        /// Whether zero itself is allowed.
        zero_allowed: bool,
    },
    /// More than the largest the field accepts.
    TooLarge {
        /// The largest accepted.
        max: f64,
    },
}

/// Reads a typed amount within `0..=max` (or `0 < x <= max` when zero is not allowed).
pub fn read_amount(text: &str, zero_allowed: bool, max: f64) -> Result<f64, AmountError> {
    let value = parse_decimal(text).map_err(|e| match e {
        NumberError::Empty => AmountError::Empty,
        NumberError::NotANumber => AmountError::NotANumber,
    })?;
    check_amount(value, zero_allowed, max)
}

/// Checks an amount already read (from storage, a file or a link) against the same bounds.
pub fn check_amount(value: f64, zero_allowed: bool, max: f64) -> Result<f64, AmountError> {
    if value.is_nan() {
        Err(AmountError::NotANumber)
    } else if value < 0.0 || (value == 0.0 && !zero_allowed) {
        Err(AmountError::TooSmall { zero_allowed })
    } else if value > max {
        Err(AmountError::TooLarge { max })
    } else {
        // -0.0 passes `value < 0.0`; adding 0.0 keeps it from ever showing as "-0".
        Ok(value + 0.0)
    }
}

/// What a label's magnesium figure is given as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LabelUnit {
    /// Milligrams.
    #[default]
    Mg,
    /// Percent of the US Daily Value ([`US_DAILY_VALUE_MG`]).
    UsDailyValuePercent,
    /// Percent of the EU Nutrient Reference Value ([`EU_NRV_MG`]).
    EuNrvPercent,
}

/// In the order the page offers them; the values are the UI contract's `mg`, `dv`, `nrv`, and
/// the ones in saved data.
impl Choice for LabelUnit {
    const ALL: &'static [Self] = &[
        LabelUnit::Mg,
        LabelUnit::UsDailyValuePercent,
        LabelUnit::EuNrvPercent,
    ];

    fn value(self) -> &'static str {
        match self {
            LabelUnit::Mg => "mg",
            LabelUnit::UsDailyValuePercent => "dv",
            LabelUnit::EuNrvPercent => "nrv",
        }
    }
}

impl LabelUnit {
    /// The mg that 100 % stands for, or `None` for plain mg.
    pub fn reference_mg(self) -> Option<f64> {
        match self {
            LabelUnit::Mg => None,
            LabelUnit::UsDailyValuePercent => Some(US_DAILY_VALUE_MG),
            LabelUnit::EuNrvPercent => Some(EU_NRV_MG),
        }
    }
}

/// Reads a label's magnesium figure as typed and converts it to mg per serving: "15" % DV is
/// 63 mg, "15" % NRV 56.25 mg. Zero is allowed (a food with no magnesium is still a food).
pub fn label_mg(text: &str, unit: LabelUnit) -> Result<f64, AmountError> {
    match unit.reference_mg() {
        None => read_amount(text, true, MAX_DOSE_ELEMENTAL_MG),
        Some(reference_mg) => {
            read_amount(text, true, MAX_LABEL_PERCENT).map(|percent| percent * reference_mg / 100.0)
        }
    }
}

/// A food of the person's own, from its label.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomFood {
    /// The name the person finds it by.
    pub name: String,
    /// What one serving is, in words ("1 bar").
    pub serving_words: String,
    /// What one serving weighs, grams (or mL for a drink).
    pub serving_grams: f64,
    /// Magnesium in one serving, mg.
    pub magnesium_mg_per_serving: f64,
    /// Energy in one serving, kcal, if the person gave it.
    pub kcal_per_serving: Option<f64>,
}

/// Which field of a custom food, product or water was refused, and why: the page shows each
/// reason beside its field and saves nothing until all are right.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldErrors {
    /// The name.
    pub name: Option<TextError>,
    /// The serving's description.
    pub serving_words: Option<TextError>,
    /// A number field, by its name in the form, and why.
    pub amounts: Vec<(&'static str, AmountError)>,
}

impl FieldErrors {
    /// Whether every field was accepted.
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.serving_words.is_none() && self.amounts.is_empty()
    }
}

/// A custom food's fields as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CustomFoodText<'a> {
    /// The name field.
    pub name: &'a str,
    /// The serving's description.
    pub serving_words: &'a str,
    /// Grams (or mL) in one serving.
    pub serving_grams: &'a str,
    /// The magnesium figure from the label.
    pub magnesium: &'a str,
    /// What that figure is given as.
    pub magnesium_unit: Option<LabelUnit>,
    /// kcal in one serving, or empty.
    pub kcal: &'a str,
}

impl CustomFood {
    /// Checks every field at once, so the page can show every reason together.
    pub fn from_text(fields: &CustomFoodText<'_>) -> Result<Self, FieldErrors> {
        Self::from_parts(
            fields.name,
            fields.serving_words,
            read_amount(fields.serving_grams, false, MAX_SERVING_GRAMS),
            label_mg(
                fields.magnesium,
                fields.magnesium_unit.unwrap_or(LabelUnit::Mg),
            ),
            if fields.kcal.trim().is_empty() {
                Ok(None)
            } else {
                read_amount(fields.kcal, true, MAX_KCAL_PER_SERVING).map(Some)
            },
        )
    }

    /// The food from its words and its figures already read, with every reason at once.
    fn from_parts(
        name: &str,
        serving_words: &str,
        serving_grams: Result<f64, AmountError>,
        magnesium_mg: Result<f64, AmountError>,
        kcal: Result<Option<f64>, AmountError>,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = clean_text(name, MAX_NAME_CHARS).map_err(|e| errors.name = Some(e));
        let serving_words = clean_text(serving_words, MAX_SERVING_WORDS_CHARS)
            .map_err(|e| errors.serving_words = Some(e));
        let mut amount = |field: &'static str, result: Result<f64, AmountError>| {
            result.map_err(|e| errors.amounts.push((field, e))).ok()
        };
        let serving_grams = amount("serving_grams", serving_grams);
        let magnesium_mg = amount("magnesium", magnesium_mg);
        let kcal = match kcal {
            Ok(kcal) => Some(kcal),
            Err(e) => amount("kcal", Err(e)).map(Some),
        };
        match (name, serving_words, serving_grams, magnesium_mg, kcal) {
            (Ok(name), Ok(serving_words), Some(serving_grams), Some(mg), Some(kcal)) => {
                Ok(CustomFood {
                    name,
                    serving_words,
                    serving_grams,
                    magnesium_mg_per_serving: mg,
                    kcal_per_serving: kcal,
                })
            }
            _ => Err(errors),
        }
    }

    /// Magnesium per 100 g, so the food sorts and compares beside the USDA's.
    pub fn magnesium_mg_per_100g(&self) -> f64 {
        self.magnesium_mg_per_serving / self.serving_grams * 100.0
    }

    /// Magnesium in `servings` servings, mg.
    pub fn magnesium_mg(&self, servings: f64) -> f64 {
        self.magnesium_mg_per_serving * servings
    }

    /// Checks a food read from storage, a file or a link, with the bounds typing it has.
    pub fn check(
        name: &str,
        serving_words: &str,
        serving_grams: f64,
        magnesium_mg_per_serving: f64,
        kcal_per_serving: Option<f64>,
    ) -> Result<Self, FieldErrors> {
        Self::from_parts(
            name,
            serving_words,
            check_amount(serving_grams, false, MAX_SERVING_GRAMS),
            check_amount(magnesium_mg_per_serving, true, MAX_DOSE_ELEMENTAL_MG),
            kcal_per_serving
                .map(|kcal| check_amount(kcal, true, MAX_KCAL_PER_SERVING))
                .transpose(),
        )
    }

    /// The food as the food table's kind, under `id`, so that search results, the add form and
    /// the day's rows show it like any other: its serving is its one household portion.
    pub fn as_food(&self, id: u32) -> Food {
        Food {
            ndb: id,
            group_code: OWN_FOODS_GROUP_CODE,
            description: self.name.clone(),
            common_name: String::new(),
            magnesium_mg_per_100g: Some(self.magnesium_mg_per_100g()),
            kcal_per_100g: self
                .kcal_per_serving
                .map(|k| k / self.serving_grams * 100.0),
            portions: vec![Portion {
                amount: 1.0,
                description: self.serving_words.clone(),
                grams: self.serving_grams,
            }],
        }
    }
}

/// The first id of the person's own foods. SR28's NDB numbers stay below 100,000, so an id from
/// here on is always the person's, and a food entry can say which table it came from by its id.
pub const OWN_FOOD_ID_BASE: u32 = 1_000_000;

/// The group code the person's own foods carry: no SR28 group has it.
pub const OWN_FOODS_GROUP_CODE: u16 = 0;

/// How many foods of their own a person may keep.
pub const MAX_OWN_FOODS: usize = 200;

/// Whether `id` is one of the person's own foods rather than SR28's.
pub fn is_own_food(id: u32) -> bool {
    id >= OWN_FOOD_ID_BASE
}

/// One of the person's own foods, under its id.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnFood {
    /// From [`OWN_FOOD_ID_BASE`] up, never reused while the food is kept.
    pub id: u32,
    /// The food, shared with every day it was added to (each keeps this copy, so editing the
    /// food later changes only what is added from then on).
    pub food: std::rc::Rc<CustomFood>,
}

/// Why a food of one's own was not kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnFoodError {
    /// [`MAX_OWN_FOODS`] are kept already.
    ListFull,
    /// Another of the person's foods has this name (ignoring case): two would look alike in
    /// the search.
    NameTaken,
}

/// Whether two names are the same to a person: case and Latin accents aside, as the search
/// compares them. (`str::to_lowercase` would bring Unicode's case tables into the wasm.)
pub fn same_name(a: &str, b: &str) -> bool {
    folded(a) == folded(b)
}

/// Something the person keeps in a list under a name, one per name (a water, a meal
/// template): saving a name again replaces the old one in its place, so the list never holds
/// two that look alike.
pub trait KeptByName: Clone {
    /// The name it is kept under, compared with [`same_name`].
    fn kept_name(&self) -> &str;
}

/// What keeping something by name did to its list, or would do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// It was added at the end.
    Added,
    /// One of the same name ([`same_name`]) was there; this one took its place.
    Replaced,
    /// The list was full and held nothing of this name; nothing changed.
    ListFull,
}

/// What keeping something named `name` in `saved`, which holds at most `max`, would do,
/// without keeping it: a form says so before it sends anything.
pub fn keeping_outcome<T: KeptByName>(saved: &[T], name: &str, max: usize) -> Kept {
    if saved.iter().any(|t| same_name(t.kept_name(), name)) {
        Kept::Replaced
    } else if saved.len() >= max {
        Kept::ListFull
    } else {
        Kept::Added
    }
}

/// Keeps `item` in `saved` (at most `max`): in the place of one of the same name, else at the
/// end while there is room.
pub fn keep_by_name<T: KeptByName>(saved: &mut Vec<T>, item: T, max: usize) -> Kept {
    let same = saved
        .iter()
        .position(|t| same_name(t.kept_name(), item.kept_name()));
    match same {
        Some(at) => {
            saved[at] = item;
            Kept::Replaced
        }
        None if saved.len() >= max => Kept::ListFull,
        None => {
            saved.push(item);
            Kept::Added
        }
    }
}

/// The items of `incoming` (from an import) that `saved` lacks by name, added while it holds
/// fewer than `max`; returns how many were added. A name already kept stays as the person
/// saved it: an import never silently changes what they saved.
pub fn add_missing_by_name<T: KeptByName>(saved: &mut Vec<T>, incoming: &[T], max: usize) -> usize {
    let mut added = 0;
    for item in incoming {
        if keeping_outcome(saved, item.kept_name(), max) == Kept::Added {
            saved.push(item.clone());
            added += 1;
        }
    }
    added
}

/// The id for a new item of a list whose ids are `ids`: one above the highest and at least
/// `base`, so an id is never given twice while the item holding it is kept.
fn next_id(ids: impl Iterator<Item = u32>, base: u32) -> u32 {
    ids.map(|id| id.saturating_add(1))
        .max()
        .unwrap_or(base)
        .max(base)
}

/// Whether a food named `name` can be kept: as a new food (`editing` is `None`), or as food
/// `editing` under a new name. The form asks before it sends anything, so nothing is kept
/// half-way.
pub fn own_food_fits(
    foods: &[OwnFood],
    editing: Option<u32>,
    name: &str,
) -> Result<(), OwnFoodError> {
    let kept = foods.iter().map(|f| (f.id, f.food.name.as_str()));
    fits_by_name(kept, MAX_OWN_FOODS, editing, name)
}

/// Whether `name` can join a list whose entries are `kept` (each id and name), which holds at
/// most `max`: as a new entry (`editing` is `None`), or as entry `editing` under a new name.
/// The rule of the person's foods and products alike: one per name, and a full list refused.
fn fits_by_name<'a>(
    kept: impl ExactSizeIterator<Item = (u32, &'a str)>,
    max: usize,
    editing: Option<u32>,
    name: &str,
) -> Result<(), OwnFoodError> {
    let full = kept.len() >= max;
    let mut kept = kept;
    if kept.any(|(id, kept_name)| Some(id) != editing && same_name(kept_name, name)) {
        Err(OwnFoodError::NameTaken)
    } else if editing.is_none() && full {
        Err(OwnFoodError::ListFull)
    } else {
        Ok(())
    }
}

/// Keeps a new food of the person's own; returns its id.
pub fn add_own_food(foods: &mut Vec<OwnFood>, food: CustomFood) -> Result<u32, OwnFoodError> {
    own_food_fits(foods, None, &food.name)?;
    let id = next_id(foods.iter().map(|f| f.id), OWN_FOOD_ID_BASE);
    foods.push(OwnFood {
        id,
        food: std::rc::Rc::new(food),
    });
    Ok(id)
}

/// Replaces food `id` with its edited version; days it was added to keep their copy. An
/// unknown id changes nothing.
pub fn edit_own_food(foods: &mut [OwnFood], id: u32, food: CustomFood) -> Result<(), OwnFoodError> {
    own_food_fits(foods, Some(id), &food.name)?;
    if let Some(own) = foods.iter_mut().find(|f| f.id == id) {
        own.food = std::rc::Rc::new(food);
    }
    Ok(())
}

/// The person's foods whose name holds every word of `query` at the start of one of its words,
/// ignoring case, in the order they were kept; none for an empty query.
pub fn matching_own_foods<'a>(foods: &'a [OwnFood], query: &str) -> Vec<&'a OwnFood> {
    let words = folded_words(query);
    if words.is_empty() {
        return Vec::new();
    }
    foods
        .iter()
        .filter(|own| {
            let name_words = folded_words(&own.food.name);
            words
                .iter()
                .all(|word| name_words.iter().any(|n| n.starts_with(word.as_str())))
        })
        .collect()
}

/// The food with this id: one of the person's own from `own`, or else SR28's from `table`.
pub fn food_by_id<'a>(
    table: &'a FoodTable,
    own: &[OwnFood],
    id: u32,
) -> Option<std::borrow::Cow<'a, Food>> {
    if is_own_food(id) {
        let own = own.iter().find(|f| f.id == id)?;
        Some(std::borrow::Cow::Owned(own.food.as_food(id)))
    } else {
        table.by_ndb(id).map(std::borrow::Cow::Borrowed)
    }
}

/// A water the person drinks.
#[derive(Clone, Debug, PartialEq)]
pub struct Water {
    /// Its name ("Our tap water", a mineral water's brand).
    pub name: String,
    /// Magnesium per litre, mg, as on the bottle or the water supplier's report.
    pub mg_per_litre: f64,
}

impl Water {
    /// Checks a water's fields; the name may be left empty and is then "Water".
    pub fn from_text(name: &str, mg_per_litre: &str) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = match clean_text(name, MAX_NAME_CHARS) {
            Ok(name) => Some(name),
            Err(TextError::Empty) => Some("Water".to_owned()),
            Err(e) => {
                errors.name = Some(e);
                None
            }
        };
        let mg = read_amount(mg_per_litre, true, MAX_WATER_MG_PER_LITRE)
            .map_err(|e| errors.amounts.push(("mg_per_litre", e)))
            .ok();
        match (name, mg) {
            (Some(name), Some(mg_per_litre)) => Ok(Water { name, mg_per_litre }),
            _ => Err(errors),
        }
    }

    /// Checks a water read from storage, a file or a link, as typing it would be: the name
    /// must be clean and the mg per litre in range.
    pub fn check(name: &str, mg_per_litre: f64) -> Result<Self, FieldErrors> {
        let mg = check_amount(mg_per_litre, true, MAX_WATER_MG_PER_LITRE);
        match (clean_text(name, MAX_NAME_CHARS), mg) {
            (Ok(name), Ok(mg_per_litre)) => Ok(Water { name, mg_per_litre }),
            (name, mg) => Err(FieldErrors {
                name: name.err(),
                amounts: mg.err().map(|e| ("mg_per_litre", e)).into_iter().collect(),
                ..FieldErrors::default()
            }),
        }
    }

    /// Magnesium in `litres` of it, mg.
    pub fn magnesium_mg(&self, litres: f64) -> f64 {
        self.mg_per_litre * litres
    }
}

/// How the person gives the amount of water drunk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WaterUnit {
    /// Litres.
    #[default]
    Litres,
    /// Glasses of [`LITRES_PER_GLASS`].
    Glasses,
}

/// In the order the page offers them, litres first.
impl Choice for WaterUnit {
    const ALL: &'static [Self] = &[WaterUnit::Litres, WaterUnit::Glasses];

    fn value(self) -> &'static str {
        match self {
            WaterUnit::Litres => "litres",
            WaterUnit::Glasses => "glasses",
        }
    }
}

impl WaterUnit {
    /// Litres in one of this unit.
    pub fn litres_each(self) -> f64 {
        match self {
            WaterUnit::Litres => 1.0,
            WaterUnit::Glasses => LITRES_PER_GLASS,
        }
    }
}

/// Reads an amount of water as typed in `unit` and gives it in litres; zero is refused
/// (nothing to add), and so is more than [`MAX_WATER_LITRES`] (40 glasses).
pub fn read_water_amount(text: &str, unit: WaterUnit) -> Result<f64, AmountError> {
    let each = unit.litres_each();
    read_amount(text, false, MAX_WATER_LITRES / each).map(|amount| amount * each)
}

/// Checks litres read from storage, a file or a link, with the bounds of
/// [`read_water_amount`].
pub fn check_litres(litres: f64) -> Result<f64, AmountError> {
    check_amount(litres, false, MAX_WATER_LITRES)
}

/// How many waters the person may keep for reuse: a short list to pick from, not a database.
pub const MAX_SAVED_WATERS: usize = 20;

impl KeptByName for Water {
    fn kept_name(&self) -> &str {
        &self.name
    }
}

/// Keeps `water` for reuse: saving "Tap water" again with a new figure replaces the old one.
pub fn keep_water(saved: &mut Vec<Water>, water: Water) -> Kept {
    keep_by_name(saved, water, MAX_SAVED_WATERS)
}

/// One form in a product, with the elemental magnesium one serving gives from it.
#[derive(Clone, Debug, PartialEq)]
pub struct ProductForm {
    /// The form's id in [`super::supplements::FORMS`].
    pub form_id: &'static str,
    /// Elemental magnesium per serving from this form, mg (converted from the salt's weight
    /// when the label gave that instead).
    pub elemental_mg_per_serving: f64,
    /// The salt whose weight the label gave, converted by its formula; `None` when the label
    /// gave the elemental magnesium, as Supplement Facts do.
    pub converted_from: Option<&'static SaltVariant>,
}

impl ProductForm {
    /// A form of a product from the label's figure: elemental mg as Supplement Facts give it, or
    /// the salt's weight, converted with the form as it is sold (its first variant).
    pub fn new(form_id: &str, amount_mg: f64, basis: DoseBasis) -> Result<Self, ProductError> {
        let form: &'static SupplementForm = form(form_id).ok_or(ProductError::UnknownForm)?;
        match basis {
            DoseBasis::Elemental => Self::checked(form.id, amount_mg, None),
            DoseBasis::Compound => Self::from_salt(form.id, form.default_variant().id, amount_mg),
            DoseBasis::Servings => Err(ProductError::UnknownForm),
        }
    }

    /// A form of a product from the weight of one salt of it (`variant_id`: "Which salt" on
    /// the page), converted by the salt's formula.
    pub fn from_salt(form_id: &str, variant_id: &str, salt_mg: f64) -> Result<Self, ProductError> {
        let form: &'static SupplementForm = form(form_id).ok_or(ProductError::UnknownForm)?;
        let salt = form.variant(variant_id).ok_or(ProductError::UnknownForm)?;
        let fraction = salt
            .elemental_fraction()
            .map_err(|_| ProductError::UnknownForm)?;
        Self::checked(form.id, salt_mg * fraction, Some(salt.id))
    }

    /// A form of a product from its elemental mg per serving as kept (saved data, a link), with
    /// the id of the salt it was converted from, if any; checked as [`ProductForm::new`] checks
    /// it.
    pub fn checked(
        form_id: &str,
        elemental_mg: f64,
        converted_from: Option<&str>,
    ) -> Result<Self, ProductError> {
        let form: &'static SupplementForm = form(form_id).ok_or(ProductError::UnknownForm)?;
        let converted_from = match converted_from {
            Some(id) => Some(form.variant(id).ok_or(ProductError::UnknownForm)?),
            None => None,
        };
        check_amount(elemental_mg, false, MAX_DOSE_ELEMENTAL_MG).map_err(ProductError::Amount)?;
        Ok(ProductForm {
            form_id: form.id,
            elemental_mg_per_serving: elemental_mg,
            converted_from,
        })
    }
}

/// Why a product could not be made.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ProductError {
    /// A form the planner does not know.
    UnknownForm,
    /// An amount out of range.
    Amount(AmountError),
    /// No form given.
    NoForms,
    /// More than [`MAX_FORMS_PER_PRODUCT`] forms.
    TooManyForms,
    /// The same form twice: its amounts belong in one line.
    FormTwice,
    /// The name is empty, too long or holds characters that cannot be shown.
    Name(TextError),
    /// One serving of all forms together holds more than
    /// [`MAX_DOSE_ELEMENTAL_MG`].
    ServingTooLarge,
}

/// A supplement product as sold: one or more forms per serving of some units.
#[derive(Clone, Debug, PartialEq)]
pub struct Product {
    /// The name on the bottle.
    pub name: String,
    /// Capsules, tablets or scoops in one serving.
    pub units_per_serving: f64,
    /// Its forms, each with its elemental magnesium per serving.
    pub forms: Vec<ProductForm>,
    /// What a bottle costs, if the person gave it.
    pub price: Option<f64>,
    /// Servings in a bottle, if the person gave it.
    pub servings_per_bottle: Option<f64>,
    /// A medicine (an antacid or laxative such as milk of magnesia) rather than a supplement:
    /// said beside it, and counted toward the supplement limit all the same, since the US upper
    /// level covers "supplements and medications" (`shared/reference/magnesium.md`, "Labels").
    pub medicine: bool,
}

impl Product {
    /// A product from its parts: the name cleaned as every name is; refuses an empty, long or
    /// repeated list of forms, a serving of more than [`MAX_DOSE_ELEMENTAL_MG`] and figures out
    /// of range. Not a medicine; set [`Product::medicine`] for one.
    pub fn new(
        name: &str,
        units_per_serving: f64,
        forms: Vec<ProductForm>,
        price: Option<f64>,
        servings_per_bottle: Option<f64>,
    ) -> Result<Self, ProductError> {
        if forms.is_empty() {
            return Err(ProductError::NoForms);
        }
        if forms.len() > MAX_FORMS_PER_PRODUCT {
            return Err(ProductError::TooManyForms);
        }
        if forms
            .iter()
            .enumerate()
            .any(|(i, f)| forms[..i].iter().any(|g| g.form_id == f.form_id))
        {
            return Err(ProductError::FormTwice);
        }
        let name = clean_text(name, MAX_NAME_CHARS).map_err(ProductError::Name)?;
        check_amount(units_per_serving, false, MAX_UNITS_PER_SERVING)
            .map_err(ProductError::Amount)?;
        let per_serving_mg: f64 = forms.iter().map(|f| f.elemental_mg_per_serving).sum();
        if per_serving_mg > MAX_DOSE_ELEMENTAL_MG {
            return Err(ProductError::ServingTooLarge);
        }
        for optional in [
            price.map(|p| check_amount(p, false, MAX_PRICE)),
            servings_per_bottle.map(|s| check_amount(s, false, MAX_SERVINGS_PER_BOTTLE)),
        ]
        .into_iter()
        .flatten()
        {
            optional.map_err(ProductError::Amount)?;
        }
        Ok(Product {
            name,
            units_per_serving,
            forms,
            price,
            servings_per_bottle,
            medicine: false,
        })
    }

    /// Elemental magnesium in one serving, all forms together, mg.
    pub fn elemental_mg_per_serving(&self) -> f64 {
        self.forms.iter().map(|f| f.elemental_mg_per_serving).sum()
    }

    /// Each form's elemental magnesium in `servings` servings, mg, in the product's order:
    /// what a dose of it adds to the supplement total and the chart, form by form.
    pub fn elemental_mg_by_form(&self, servings: f64) -> Vec<(&'static str, f64)> {
        self.forms
            .iter()
            .map(|f| (f.form_id, f.elemental_mg_per_serving * servings))
            .collect()
    }

    /// What 100 mg of elemental magnesium costs from this product, where price and servings
    /// per bottle are both known.
    pub fn cost_per_100mg(&self) -> Option<f64> {
        let per_bottle_mg = self.servings_per_bottle? * self.elemental_mg_per_serving();
        let price = self.price?;
        (per_bottle_mg > 0.0).then(|| price / per_bottle_mg * 100.0)
    }
}

/// How many products a person may keep.
pub const MAX_PRODUCTS: usize = 30;

/// One of the person's products, under its id.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnProduct {
    /// From 1 up, never reused while the product is kept: the `supplement-form` option's
    /// `product-<id>`.
    pub id: u32,
    /// The product, shared with every dose of it (each keeps this copy, so editing the product
    /// later changes only the doses added from then on).
    pub product: std::rc::Rc<Product>,
}

/// Whether a product named `name` can be kept: as a new one (`editing` is `None`), or as
/// product `editing` under a new name. Same reasons as a food's: one per name, and a full list.
pub fn product_fits(
    products: &[OwnProduct],
    editing: Option<u32>,
    name: &str,
) -> Result<(), OwnFoodError> {
    let kept = products.iter().map(|p| (p.id, p.product.name.as_str()));
    fits_by_name(kept, MAX_PRODUCTS, editing, name)
}

/// Keeps a new product; returns its id.
pub fn add_product(products: &mut Vec<OwnProduct>, product: Product) -> Result<u32, OwnFoodError> {
    product_fits(products, None, &product.name)?;
    let id = next_id(products.iter().map(|p| p.id), 1);
    products.push(OwnProduct {
        id,
        product: std::rc::Rc::new(product),
    });
    Ok(id)
}

/// Replaces product `id` with its edited version; doses of it keep their copy. An unknown id
/// changes nothing.
pub fn edit_product(
    products: &mut [OwnProduct],
    id: u32,
    product: Product,
) -> Result<(), OwnFoodError> {
    product_fits(products, Some(id), &product.name)?;
    if let Some(own) = products.iter_mut().find(|p| p.id == id) {
        own.product = std::rc::Rc::new(product);
    }
    Ok(())
}
