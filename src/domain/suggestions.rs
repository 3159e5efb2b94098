//! Closing the gap: when a day is below its magnesium target, the foods that would make up the
//! rest with the fewest calories, each in a portion a person would actually eat.
//!
//! It runs on every render over the whole table, so it makes one pass that keeps only plain
//! numbers and references, sorts that, and allocates labels only for the handful it returns.
//! What is left out, and why, is in the constants below: supplements, ingredients, condiments,
//! baby foods, raw meat and fish, and whatever the search ranks as restaurant, branded or mixed.

use std::cmp::Ordering;

use super::foods::{Food, FoodTable};
use super::plan::PortionOption;
use super::search::{is_class_prefix, prior};

/// How many of a food's typical portion a suggestion may be, smallest first: half a cup is a
/// helping, two cups still is, and finer steps would read as false precision.
pub const QUANTITY_STEPS: [f64; 4] = [0.5, 1.0, 1.5, 2.0];

/// How many suggestions the page shows.
pub const DEFAULT_LIMIT: usize = 5;

/// Typical portions lighter than this, in grams, are a pinch of spice or a teaspoon of powder:
/// nobody closes a gap with a teaspoon of dried basil.
pub const MIN_PORTION_GRAMS: f64 = 5.0;

/// Typical portions heavier than this, in grams, are a whole melon or a family pack, not a
/// serving.
pub const MAX_PORTION_GRAMS: f64 = 500.0;

/// SR28's Baby Foods group: never suggested to the adults and children the planner serves.
pub const BABY_FOODS_GROUP: u16 = 300;

/// SR28's Soups, Sauces, and Gravies group. Its search prior is at or just above [`MIN_PRIOR`],
/// yet its magnesium-rich members are condiments: two tablespoons of fish sauce would top the
/// list for a 50 mg gap, with more than a day's recommended sodium.
pub const SOUPS_SAUCES_GROUP: u16 = 600;

/// Groups that are never suggested, whatever a person hides.
pub const EXCLUDED_GROUPS: [u16; 2] = [BABY_FOODS_GROUP, SOUPS_SAUCES_GROUP];

/// Groups of meat, poultry and fish: SR28 lists them raw and cooked, and only the cooked form is
/// what one eats ("Mollusks, snail, raw" would otherwise be suggested).
pub const COOKED_BEFORE_EATING_GROUPS: [u16; 6] = [500, 700, 1000, 1300, 1500, 1700];

/// Foods whose search [`prior`] is below this are restaurant and fast food, mixed dishes and
/// brand-name products: not something one adds to a day to make up magnesium.
pub const MIN_PRIOR: f32 = -0.1;

/// Words (matched case-insensitively anywhere in a description) that mark supplements and
/// engineered products in SR28. Their magnesium is added by the manufacturer, so they would top
/// every list while being exactly what a food suggestion should not be:
///
/// - `supplement`: "Protein supplement, milk based, Muscle Milk", "Meal supplement drink".
/// - `formula`: "Formulated bar" (Snickers Marathon, Power Bar, Luna) and "Nuts, formulated,
///   wheat-based"; infant formulas are all Baby Foods, but would be caught here too.
/// - `protein powder`, `protein shake`, `protein concentrate`, `isolate`: whey and soy protein
///   products.
/// - `meal replacement`, `shake mix`, `nutritional`: SlimFast, Ensure, Boost and similar drinks.
/// - `with added nutrients`: drink mixes and juice drinks with vitamins and minerals added.
/// - `mineral fortified`: peanut butter "vitamin and mineral fortified", 355 mg per 100 g against
///   plain peanut butter's 168.
///
/// "Fortified" alone is not on the list: SR28 says it of plain milk, yogurt and oats that are
/// fortified with vitamins, not magnesium, and those are fair suggestions.
pub const SUPPLEMENT_WORDS: &[&str] = &[
    "supplement",
    "formula",
    "protein powder",
    "protein shake",
    "protein concentrate",
    "isolate",
    "meal replacement",
    "shake mix",
    "nutritional",
    "with added nutrients",
    "mineral fortified",
];

/// Ingredients rather than foods, for which SR28 also lists the form that is eaten, in the same
/// case-insensitive match as [`SUPPLEMENT_WORDS`]:
///
/// - `mature seeds, raw`: dry pulses ("Beans, black, mature seeds, raw"); a cup of them dry is
///   three cups cooked, and the cooked entries are suggested instead.
/// - `dry powder`: cocoa powder, whose first portion is a cup (86 g) of it.
pub const INGREDIENT_WORDS: &[&str] = &["mature seeds, raw", "dry powder"];

/// Words that make a food's kind ([`food_kind`]) an ingredient, matched as whole words so that
/// "Oatmeal" stays: "Soy flour", "Peanut flour", "Seeds, cottonseed meal".
pub const INGREDIENT_KIND_WORDS: &[&str] = &["flour", "meal"];

/// A food that would make up some or all of the day's missing magnesium.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion<'a> {
    /// The food, from the table suggested from.
    pub food: &'a Food,
    /// The food's typical portion: its first USDA household measure.
    pub portion: PortionOption,
    /// How many of `portion`: one of [`QUANTITY_STEPS`].
    pub quantity: f64,
    /// Magnesium in `quantity` of `portion`, in mg.
    pub magnesium_mg: f64,
    /// Energy in `quantity` of `portion`, in kcal.
    pub kcal: f64,
    /// Whether `magnesium_mg` reaches the gap; if not, this is the most the food gives in
    /// [`QUANTITY_STEPS`]' largest step.
    pub closes_gap: bool,
}

impl Suggestion<'_> {
    /// What the suggestion weighs, in grams.
    pub fn grams(&self) -> f64 {
        self.quantity * self.portion.grams
    }
}

/// A food whose numbers qualify, worked out for the gap, before it is ranked.
#[derive(Clone, Copy)]
struct Candidate<'a> {
    food: &'a Food,
    quantity: f64,
    magnesium_mg: f64,
    kcal: f64,
    closes_gap: bool,
}

/// Up to `limit` foods that would make up `gap_mg` of magnesium, one per kind of food
/// ([`food_kind`]), leaving out the groups in `hidden_groups`, [`EXCLUDED_GROUPS`], foods
/// without magnesium, energy or a typical portion of [`MIN_PORTION_GRAMS`] to
/// [`MAX_PORTION_GRAMS`], and whatever [`is_suggestible`] refuses.
///
/// Foods that close the gap come first, fewest calories first; then foods that would not even in
/// two portions, most magnesium first. Ties go to the lower NDB number, so the list is the same
/// on every render. A gap that is not above zero, or is not finite, gets no suggestions.
pub fn suggest_foods<'a>(
    table: &'a FoodTable,
    gap_mg: f64,
    hidden_groups: &[u16],
    limit: usize,
) -> Vec<Suggestion<'a>> {
    if !gap_mg.is_finite() || gap_mg <= 0.0 || limit == 0 {
        return Vec::new();
    }
    let mut candidates: Vec<Candidate<'a>> = table
        .foods()
        .iter()
        .filter(|food| !hidden_groups.contains(&food.group_code))
        .filter_map(|food| candidate(food, gap_mg))
        .collect();
    candidates.sort_unstable_by(rank);

    // Run over the whole table, the text checks took a hundred times as long as everything
    // else (50 ms against 0.5 ms natively), so they run on the ranked list and stop as soon as
    // there are enough kinds.
    let mut kinds: Vec<&str> = Vec::with_capacity(limit.min(candidates.len()));
    let mut chosen: Vec<Suggestion<'a>> = Vec::with_capacity(kinds.capacity());
    for candidate in candidates {
        if chosen.len() >= limit {
            break;
        }
        let food = candidate.food;
        let kind = food_kind(&food.description);
        if kinds.iter().any(|seen| seen.eq_ignore_ascii_case(kind)) || !is_suggestible(food) {
            continue;
        }
        let Some(portion) = food.portions.first() else {
            continue;
        };
        kinds.push(kind);
        chosen.push(Suggestion {
            food,
            portion: PortionOption {
                label: portion.label(),
                grams: portion.grams,
            },
            quantity: candidate.quantity,
            magnesium_mg: candidate.magnesium_mg,
            kcal: candidate.kcal,
            closes_gap: candidate.closes_gap,
        });
    }
    chosen
}

/// The food's numbers for this gap, or `None` if its data or its typical portion rule it out.
fn candidate(food: &Food, gap_mg: f64) -> Option<Candidate<'_>> {
    // Without magnesium a food cannot help; without energy it cannot be ranked by it.
    let mg_per_100g = food.magnesium_mg_per_100g.filter(|mg| *mg > 0.0)?;
    let kcal_per_100g = food.kcal_per_100g?;
    let portion_grams = food.portions.first()?.grams;
    if !(MIN_PORTION_GRAMS..=MAX_PORTION_GRAMS).contains(&portion_grams)
        || EXCLUDED_GROUPS.contains(&food.group_code)
    {
        return None;
    }
    let mg_per_portion = mg_per_100g * portion_grams / 100.0;
    let closing = QUANTITY_STEPS
        .iter()
        .copied()
        .find(|quantity| quantity * mg_per_portion >= gap_mg);
    let quantity = closing.unwrap_or(QUANTITY_STEPS[QUANTITY_STEPS.len() - 1]);
    let grams = quantity * portion_grams;
    Some(Candidate {
        food,
        quantity,
        magnesium_mg: quantity * mg_per_portion,
        kcal: kcal_per_100g * grams / 100.0,
        closes_gap: closing.is_some(),
    })
}

/// Whether the food's name makes it something one adds to a day: not a restaurant dish, brand or
/// mixed dish ([`MIN_PRIOR`]), not a supplement, not an ingredient, and not raw meat or fish.
pub fn is_suggestible(food: &Food) -> bool {
    let description = food.description.as_str();
    let raw_meat_or_fish = COOKED_BEFORE_EATING_GROUPS.contains(&food.group_code)
        && contains_ignore_ascii_case(description, ", raw");
    !(prior(description, food.group_code, food.portions.len()) < MIN_PRIOR
        || is_supplement_like(description)
        || is_ingredient(description)
        || raw_meat_or_fish)
}

/// Closing foods first, by fewest calories; then the rest by most magnesium; NDB last so the
/// order never depends on the sort's whims.
fn rank(a: &Candidate<'_>, b: &Candidate<'_>) -> Ordering {
    b.closes_gap
        .cmp(&a.closes_gap)
        .then_with(|| {
            if a.closes_gap {
                a.kcal.total_cmp(&b.kcal)
            } else {
                b.magnesium_mg.total_cmp(&a.magnesium_mg)
            }
        })
        .then(a.food.ndb.cmp(&b.food.ndb))
}

/// Whether a description names a supplement or engineered product ([`SUPPLEMENT_WORDS`]).
pub fn is_supplement_like(description: &str) -> bool {
    SUPPLEMENT_WORDS
        .iter()
        .any(|word| contains_ignore_ascii_case(description, word))
}

/// Whether a description names an ingredient rather than a food one eats as it is
/// ([`INGREDIENT_WORDS`], [`INGREDIENT_KIND_WORDS`]).
pub fn is_ingredient(description: &str) -> bool {
    let kind = food_kind(description);
    INGREDIENT_WORDS
        .iter()
        .any(|word| contains_ignore_ascii_case(description, word))
        || kind
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| {
                INGREDIENT_KIND_WORDS
                    .iter()
                    .any(|ingredient| ingredient.eq_ignore_ascii_case(word))
            })
}

/// `needle` (ASCII) anywhere in `haystack`, ignoring ASCII case, without lower-casing a copy.
fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let needle = needle.as_bytes();
    needle.is_empty()
        || haystack
            .as_bytes()
            .windows(needle.len())
            .any(|window| window.eq_ignore_ascii_case(needle))
}

/// Which kind of food a description names, as a slice of it: the first comma-separated part
/// ("Spinach" for "Spinach, raw" and "Spinach, frozen"), or the first two where the first is only
/// a class ("Nuts, almonds" and "Nuts, cashew nuts" are two kinds). Compare kinds without case.
pub fn food_kind(description: &str) -> &str {
    let mut commas = description.match_indices(',').map(|(at, _)| at);
    let Some(first_end) = commas.next() else {
        return description.trim();
    };
    let first = description.get(..first_end).unwrap_or(description).trim();
    if !is_class_prefix(first) {
        return first;
    }
    let second_end = commas.next().unwrap_or(description.len());
    description.get(..second_end).unwrap_or(description).trim()
}
