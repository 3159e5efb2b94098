//! Closing the gap: when a day is below its magnesium target, everyday foods that would make up
//! the rest with the fewest calories, each in a portion a person would actually eat; and for
//! whom no foods are suggested at all (infants).
//!
//! "Everyday" has two parts. The search's [`prior`] keeps out restaurant dishes, brands, baby
//! foods and mixed dishes, but it knows only a food's group, capitals and portion count, so it
//! cannot tell purslane from spinach. [`EVERYDAY_FOODS`] does that: the foods that dietitians'
//! lists of magnesium sources name, as people buy and eat them. On top of both, whatever a rule
//! below refuses is never suggested, whichever list it is on: wild greens, names of toxic
//! look-alikes, canning liquid, crude bran, raw sprouts, dry or unprepared forms, supplements,
//! ingredients and raw meat or fish ([`Refusal`]).
//!
//! It runs on every render over the whole table, so it makes one pass that keeps only plain
//! numbers and references, sorts that, and allocates labels only for the handful it returns.

use std::sync::OnceLock;

use super::foods::{Food, FoodTable, Portion};
use super::order::{ascending, descending, sorted_positions};
use super::plan::PortionOption;
use super::profile::AgeYears;
use super::search::{is_class_prefix, prior};

/// How many of a food's usual portion a suggestion may be, smallest first: half a cup is a
/// helping, two cups still is, and finer steps would read as false precision.
pub const QUANTITY_STEPS: [f64; 4] = [0.5, 1.0, 1.5, 2.0];

/// How many suggestions the page shows.
pub const DEFAULT_LIMIT: usize = 5;

/// Usual portions lighter than this, in grams, are a pinch of spice or a teaspoon of powder:
/// nobody closes a gap with a teaspoon of dried basil.
pub const MIN_PORTION_GRAMS: f64 = 5.0;

/// Usual portions heavier than this, in grams, are a whole melon or a family pack, not a
/// serving.
pub const MAX_PORTION_GRAMS: f64 = 500.0;

/// Foods with at least this much energy per 100 g (nuts, seeds, nut butters, dark chocolate)
/// are eaten by the handful, not by the cup that SR28 often lists first: for them the usual
/// portion is the household measure nearest [`HANDFUL_GRAMS`].
pub const ENERGY_DENSE_KCAL_PER_100G: f64 = 400.0;

/// The most energy one suggestion may carry, in kcal: it is a side dish or a snack, about 15 %
/// of the 2,000 kcal day that US labels' Daily Values assume. Without it the largest step of a
/// dense food (two cups of dried figs, 740 kcal) would be offered to close a big gap.
pub const MAX_SUGGESTION_KCAL: f64 = 300.0;

/// A handful: the FDA's reference amount customarily consumed for nuts and seeds (30 g,
/// 21 CFR 101.12(b)), and about the "1 oz" portion of NIH ODS's table of food sources.
pub const HANDFUL_GRAMS: f64 = 30.0;

/// SR28's Baby Foods group: never suggested to the adults and children the planner serves.
pub const BABY_FOODS_GROUP: u16 = 300;

/// SR28's Soups, Sauces, and Gravies group. Its magnesium-rich members are condiments: two
/// tablespoons of fish sauce would top the list for a 50 mg gap, with more than a day's
/// recommended sodium.
pub const SOUPS_SAUCES_GROUP: u16 = 600;

/// Groups that are never suggested, whatever a person hides.
pub const EXCLUDED_GROUPS: [u16; 2] = [BABY_FOODS_GROUP, SOUPS_SAUCES_GROUP];

/// Groups of meat, poultry and fish: SR28 lists them raw and cooked, and only the cooked form is
/// what one eats ("Mollusks, snail, raw" would otherwise be suggested).
pub const COOKED_BEFORE_EATING_GROUPS: [u16; 6] = [500, 700, 1000, 1300, 1500, 1700];

/// SR28's Cereal Grains and Pasta group, whose raw or uncooked entries are the dry grain.
pub const GRAINS_GROUP: u16 = 2000;

/// Foods whose search [`prior`] is below this carry its penalty for restaurant and fast food,
/// mixed dishes, baby food or a brand name: not something one adds to a day to make up
/// magnesium. Plain foods have a prior of 0 or a little more.
pub const MIN_PRIOR: f32 = 0.0;

/// The foods suggested, one a line, as the start of their USDA description (matched without
/// case): a food whose description starts with one of these is on the list, unless a
/// [`Refusal`] rule rules it out. One text rather than a table of texts, because a table costs
/// the download eight bytes a line more; [`everyday_foods`] reads it.
///
/// Sources: NIH Office of Dietary Supplements, Magnesium fact sheet for health professionals,
/// Table 2 "Magnesium Content of Selected Foods" (pumpkin and chia seeds, almonds, spinach,
/// cashews, peanuts and peanut butter, soymilk, black and kidney beans, edamame, potato baked
/// with skin, brown rice, plain yogurt, oatmeal, banana, salmon, halibut, milk, raisins,
/// whole-wheat bread, avocado, broccoli); and Dietitians of Canada, "Food Sources of Magnesium"
/// (Swiss chard, okra, quinoa, toasted wheat germ cereal, tofu, tempeh, soy nuts,
/// black-eyed peas, lentils, chickpeas, navy, pinto and white beans, and more nuts and seeds).
/// Each is sold in ordinary shops and eaten as listed; the prefixes name the cooked or
/// ready-to-eat form where SR28 also lists the dry one. Left out on purpose: Brazil nuts (an
/// ounce gives more selenium than the adult upper level, NIH ODS selenium fact sheet), prickly
/// pears (on Dietitians of Canada's list, but few shops outside the Americas sell them), and
/// cocoa powder, bran and wheat germ by the cup (eaten by the spoonful).
pub const EVERYDAY_FOODS: &str = concat!(
    // Vegetables.
    "Spinach, raw\n",
    "Spinach, cooked\n",
    "Spinach, frozen\n",
    "Spinach, canned\n",
    "Chard, swiss, \n",
    "Beet greens, \n",
    "Kale, \n",
    "Collards, \n",
    "Broccoli, raw\n",
    "Broccoli, cooked\n",
    "Broccoli, frozen\n",
    "Okra, \n",
    "Artichokes, (globe or french), \n",
    "Brussels sprouts, \n",
    "Peas, green, \n",
    "Edamame, \n",
    "Soybeans, green, cooked\n",
    "Lima beans, immature seeds, \n",
    "Potatoes, baked, flesh and skin\n",
    "Sweet potato, cooked\n",
    "Squash, winter, acorn, cooked\n",
    // Fruit.
    "Avocados, raw\n",
    "Bananas, raw\n",
    "Figs, dried\n",
    "Raisins, \n",
    "Plums, dried (prunes)\n",
    // Beans, peas, lentils and soy.
    "Beans, black, mature seeds, cooked\n",
    "Beans, black, mature seeds, canned\n",
    "Beans, black turtle, mature seeds, cooked\n",
    "Beans, black turtle, mature seeds, canned\n",
    "Beans, kidney, \n",
    "Beans, pinto, mature seeds, cooked\n",
    "Beans, pinto, mature seeds, canned\n",
    "Beans, pinto, canned\n",
    "Beans, navy, mature seeds, cooked\n",
    "Beans, navy, mature seeds, canned\n",
    "Beans, great northern, mature seeds, cooked\n",
    "Beans, great northern, mature seeds, canned\n",
    "Beans, white, mature seeds, cooked\n",
    "Beans, white, mature seeds, canned\n",
    "Beans, baked, canned, plain or vegetarian\n",
    "Beans, baked, canned, no salt added\n",
    "Chickpeas (garbanzo beans, bengal gram), mature seeds, cooked\n",
    "Chickpeas (garbanzo beans, bengal gram), mature seeds, canned\n",
    "Lentils, mature seeds, cooked\n",
    "Cowpeas, common (blackeyes, crowder, southern), mature seeds, cooked\n",
    "Cowpeas, common (blackeyes, crowder, southern), mature seeds, canned, plain\n",
    "Soybeans, mature cooked\n",
    "Soybeans, mature seeds, cooked\n",
    "Soybeans, mature seeds, dry roasted\n",
    "Soybeans, mature seeds, roasted\n",
    "Tofu, raw, \n",
    "Tofu, firm, \n",
    "Tofu, soft, \n",
    "Tofu, extra firm, \n",
    "Tofu, hard, \n",
    "Tempeh\n",
    "Hummus, \n",
    "Soymilk\n",
    "Peanuts, all types, dry-roasted\n",
    "Peanuts, all types, oil-roasted\n",
    "Peanut butter, \n",
    // Nuts and seeds.
    "Nuts, almonds\n",
    "Nuts, almond butter\n",
    "Nuts, cashew nuts\n",
    "Nuts, cashew butter\n",
    "Nuts, mixed nuts\n",
    "Nuts, walnuts, english\n",
    "Nuts, pistachio nuts\n",
    "Nuts, pecans\n",
    "Nuts, hazelnuts or filberts\n",
    "Nuts, pine nuts, dried\n",
    "Nuts, macadamia nuts\n",
    "Seeds, pumpkin and squash seed kernels\n",
    "Seeds, sunflower seed kernels\n",
    "Seeds, chia seeds\n",
    "Seeds, flaxseed\n",
    "Seeds, sesame seeds, whole\n",
    "Seeds, sesame seed kernels\n",
    "Seeds, sesame butter, tahini\n",
    "Seeds, hemp seed, hulled\n",
    // Grains, bread and breakfast cereals.
    "Rice, brown, long-grain, cooked\n",
    "Rice, brown, medium-grain, cooked\n",
    "Wild rice, cooked\n",
    "Quinoa, cooked\n",
    "Buckwheat groats, roasted, cooked\n",
    "Bulgur, cooked\n",
    "Millet, cooked\n",
    "Barley, pearled, cooked\n",
    "Oat bran, cooked\n",
    "Pasta, whole-wheat, cooked\n",
    "Cereals, oats, regular and quick, unenriched, cooked\n",
    "Cereals, oats, regular and quick and instant, unenriched, cooked\n",
    "Cereals, oats, instant, fortified, plain, prepared\n",
    "Cereals ready-to-eat, wheat germ, toasted, plain\n",
    "Bread, whole-wheat, commercially prepared\n",
    // Milk and yogurt.
    "Milk, whole, \n",
    "Milk, reduced fat, fluid\n",
    "Milk, lowfat, fluid\n",
    "Milk, nonfat, fluid\n",
    "Yogurt, plain, \n",
    "Yogurt, Greek, plain\n",
    // Fish.
    "Fish, salmon, \n",
    "Fish, halibut, \n",
    "Fish, mackerel, \n",
    "Fish, tuna, \n",
    // Sweets.
    "Chocolate, dark, \n",
);

/// Raw wild greens, and the leaves and tips of plants grown for another part, that most shops
/// do not sell (dock, purslane and lambsquarters among them): matched as whole words, so "dock"
/// never matches "Haddock".
pub const WILD_GREENS: &[&str] = &[
    "dock",
    "sourdock",
    "purslane",
    "lambsquarters",
    "nettles",
    "fireweed",
    "dandelion",
    "borage",
    "jute",
    "cardoon",
    "leafy tips",
    "leaves",
];

/// Names that suggest a toxic plant or a toxic look-alike, matched as whole words: skunk cabbage
/// (SR28's "swamp cabbage" is water spinach, but the name it adds is a poisonous plant's),
/// pokeberry (poisonous raw), wild mushrooms with deadly look-alikes (morels, chanterelles),
/// fiddleheads and tree fern (bracken), and raw elderberries.
pub const TOXIC_LOOK_ALIKES: &[&str] = &[
    "skunk cabbage",
    "swamp cabbage",
    "pokeberry",
    "poke",
    "morel",
    "chanterelle",
    "fiddlehead",
    "tree fern",
    "elderberries",
];

/// Canned food counted with the liquid it was canned in, which nobody eats by the cup ("Spinach,
/// canned, regular pack, solids and liquids").
pub const CANNING_LIQUID: &[&str] = &[
    "solids and liquids",
    "solids and liquid",
    "bone and liquid",
    "total can contents",
];

/// Comma-separated parts of a description that mark a form not eaten as it is: dry milk, dry
/// oats, frozen vegetables before cooking ("Okra, frozen, unprepared").
pub const NOT_AS_EATEN_PARTS: &[&str] = &["dry", "dry form", "unprepared", "as purchased"];

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

/// Why a food is never suggested. A food may have several reasons; [`refusal`] gives the first
/// in this order, most specific first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A name of [`TOXIC_LOOK_ALIKES`].
    ToxicLookAlike,
    /// One of [`WILD_GREENS`].
    WildGreen,
    /// Counted with its canning liquid ([`CANNING_LIQUID`]).
    CanningLiquid,
    /// Crude bran or germ, or raw bran: eaten by the spoonful, not by the cup SR28 lists.
    CrudeBran,
    /// Raw sprouted seeds or beans: not cooked, so not a food to add by the cup.
    RawSprouts,
    /// A dry or unprepared form ([`NOT_AS_EATEN_PARTS`]), or raw or uncooked grain.
    NotAsEaten,
    /// A supplement or engineered product ([`SUPPLEMENT_WORDS`]).
    Supplement,
    /// An ingredient rather than a food ([`INGREDIENT_WORDS`], [`INGREDIENT_KIND_WORDS`]).
    Ingredient,
    /// Raw meat, poultry or fish ([`COOKED_BEFORE_EATING_GROUPS`]).
    RawMeatOrFish,
    /// Baby food, or a soup, sauce or gravy ([`EXCLUDED_GROUPS`]).
    ExcludedGroup,
    /// Carries the search's penalty for restaurant, mixed, baby or branded food ([`MIN_PRIOR`]).
    RestaurantOrBrand,
    /// Not one of [`EVERYDAY_FOODS`].
    NotEveryday,
}

/// What the page offers to close a gap, and for whom.
#[derive(Clone, Debug, PartialEq)]
pub enum GapOffer<'a> {
    /// Everyday foods (none, if the person has hidden every group that has one).
    Foods {
        /// The foods, as [`suggest_foods`] ranks them.
        suggestions: Vec<Suggestion<'a>>,
        /// The person said they have kidney disease: kidney diets often limit potassium and
        /// phosphorus, which many of these foods are rich in, so the page says to ask the renal
        /// team. The suggestions stay food-only, as they always are.
        kidney_diet: bool,
    },
    /// Under 1 year no foods are suggested: an infant's magnesium comes from breast milk or
    /// formula and, from about 6 months, food (IOM, `shared/reference/magnesium.md`, "Children
    /// and infants"), chosen with those who look after the baby, not by a planner.
    Infant,
}

/// What to offer a person of `age` whose day lacks `gap_mg`: no foods for an infant
/// ([`AgeYears::is_infant`]), otherwise [`suggest_foods`], with a note for kidney disease.
pub fn offer_for_gap<'a>(
    table: &'a FoodTable,
    age: AgeYears,
    kidney_disease: bool,
    gap_mg: f64,
    hidden_groups: &[u16],
    limit: usize,
) -> GapOffer<'a> {
    if age.is_infant() {
        return GapOffer::Infant;
    }
    let suggestions = if age.has_reached_months(WHOLE_NUTS_FROM_MONTHS) {
        suggest_foods(table, gap_mg, hidden_groups, limit)
    } else {
        suggest_foods_where(table, gap_mg, hidden_groups, limit, |food| {
            !is_whole_nut_or_seed(&food.description)
        })
    };
    GapOffer::Foods {
        suggestions,
        kidney_diet: kidney_disease,
    }
}

/// Young children are offered no whole nuts or seeds: NHS and UK childcare guidance on choking
/// says not to give whole nuts (and large seeds) to children under 5. Nut and seed butters stay.
/// The planner only leaves these foods out; it makes no claim about them on the page.
pub const WHOLE_NUTS_FROM_MONTHS: u32 = 60;

/// Whether SR28 describes whole nuts or seeds (not a butter or paste made of them).
pub fn is_whole_nut_or_seed(description: &str) -> bool {
    let whole_class = ["Nuts, ", "Seeds, ", "Peanuts, "]
        .iter()
        .any(|class| description.starts_with(class));
    let spread = ["butter", "tahini", "paste"]
        .iter()
        .any(|word| description.contains(word));
    whole_class && !spread
}

/// A food that would make up some or all of the day's missing magnesium.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion<'a> {
    /// The food, from the table suggested from.
    pub food: &'a Food,
    /// The food's usual portion ([`usual_portion`]).
    pub portion: PortionOption,
    /// How many of `portion`: one of [`QUANTITY_STEPS`].
    pub quantity: f64,
    /// Magnesium in `quantity` of `portion`, in mg.
    pub magnesium_mg: f64,
    /// Energy in `quantity` of `portion`, in kcal.
    pub kcal: f64,
    /// Whether `magnesium_mg` reaches the gap; if not, this is the most the food gives in the
    /// largest of [`QUANTITY_STEPS`] within [`MAX_SUGGESTION_KCAL`].
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
    portion: &'a Portion,
    quantity: f64,
    magnesium_mg: f64,
    kcal: f64,
    closes_gap: bool,
}

/// Up to `limit` everyday foods that would make up `gap_mg` of magnesium, one per kind of food
/// ([`food_kind`]), leaving out the groups in `hidden_groups`, foods without magnesium, energy or
/// a usual portion of [`MIN_PORTION_GRAMS`] to [`MAX_PORTION_GRAMS`], and whatever [`refusal`]
/// refuses. This says nothing of who the foods are for: [`offer_for_gap`] does.
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
    suggest_foods_where(table, gap_mg, hidden_groups, limit, |_| true)
}

/// [`suggest_foods`] among the foods `allowed` keeps.
fn suggest_foods_where<'a>(
    table: &'a FoodTable,
    gap_mg: f64,
    hidden_groups: &[u16],
    limit: usize,
    allowed: impl Fn(&Food) -> bool,
) -> Vec<Suggestion<'a>> {
    if !gap_mg.is_finite() || gap_mg <= 0.0 || limit == 0 {
        return Vec::new();
    }
    // A plain loop rather than an adapter chain, which the wasm would hold a copy of.
    let mut candidates: Vec<Candidate<'a>> = Vec::new();
    let mut ranks: Vec<u64> = Vec::new();
    for food in table.foods() {
        if !hidden_groups.contains(&food.group_code)
            && allowed(food)
            && let Some(found) = candidate(food, gap_mg)
        {
            ranks.push(rank(&found));
            candidates.push(found);
        }
    }
    // Read in the order of their positions rather than rearranged by `sort_by_rank`, which
    // would put a rearranging function of its own in the wasm for this list alone.
    let ranked = sorted_positions(ranks.len(), &|a, b| ranks[a].cmp(&ranks[b]));

    // Run over the whole table, the text checks took a hundred times as long as everything
    // else (50 ms against 0.5 ms natively), so they run on the ranked list and stop as soon as
    // there are enough kinds.
    let mut kinds: Vec<&str> = Vec::with_capacity(limit.min(candidates.len()));
    let mut chosen: Vec<Suggestion<'a>> = Vec::with_capacity(kinds.capacity());
    for at in ranked {
        let candidate = candidates[at];
        if chosen.len() >= limit {
            break;
        }
        let food = candidate.food;
        let kind = food_kind(&food.description);
        if kinds.iter().any(|seen| seen.eq_ignore_ascii_case(kind)) || !is_suggestible(food) {
            continue;
        }
        kinds.push(kind);
        chosen.push(Suggestion {
            food,
            portion: PortionOption {
                label: candidate.portion.label(),
                grams: candidate.portion.grams,
            },
            quantity: candidate.quantity,
            magnesium_mg: candidate.magnesium_mg,
            kcal: candidate.kcal,
            closes_gap: candidate.closes_gap,
        });
    }
    chosen
}

/// The food's numbers for this gap, or `None` if its data, its usual portion or the everyday
/// list rule it out. The list is checked here, before ranking, because it is a cheap prefix test
/// that leaves a few hundred of 8,789 foods; the word rules run on the ranked list only.
fn candidate(food: &Food, gap_mg: f64) -> Option<Candidate<'_>> {
    // Without magnesium a food cannot help; without energy it cannot be ranked by it.
    let mg_per_100g = food.magnesium_mg_per_100g.filter(|mg| *mg > 0.0)?;
    let kcal_per_100g = food.kcal_per_100g?;
    if EXCLUDED_GROUPS.contains(&food.group_code) || !is_everyday(&food.description) {
        return None;
    }
    let portion = usual_portion(food)?;
    if !(MIN_PORTION_GRAMS..=MAX_PORTION_GRAMS).contains(&portion.grams) {
        return None;
    }
    let mg_per_portion = mg_per_100g * portion.grams / 100.0;
    let kcal_per_portion = kcal_per_100g * portion.grams / 100.0;
    let steps = QUANTITY_STEPS
        .iter()
        .copied()
        .take_while(|quantity| quantity * kcal_per_portion <= MAX_SUGGESTION_KCAL);
    let largest = steps.clone().last()?;
    let closing = steps
        .clone()
        .find(|quantity| quantity * mg_per_portion >= gap_mg);
    let quantity = closing.unwrap_or(largest);
    Some(Candidate {
        food,
        portion,
        quantity,
        magnesium_mg: quantity * mg_per_portion,
        kcal: quantity * kcal_per_portion,
        closes_gap: closing.is_some(),
    })
}

/// The portion a suggestion counts in: for an energy-dense food
/// ([`ENERGY_DENSE_KCAL_PER_100G`]) the household measure nearest a handful ([`HANDFUL_GRAMS`]);
/// otherwise one "medium" piece where SR28 gives one (a banana, a baked potato), else the first
/// household measure. `None` for a food without portions.
pub fn usual_portion(food: &Food) -> Option<&Portion> {
    let energy_dense = food
        .kcal_per_100g
        .is_some_and(|kcal| kcal >= ENERGY_DENSE_KCAL_PER_100G);
    if energy_dense {
        let from_handful = |p: &Portion| (p.grams - HANDFUL_GRAMS).abs();
        return food
            .portions
            .iter()
            .filter(|p| p.grams >= MIN_PORTION_GRAMS)
            .min_by(|a, b| from_handful(a).total_cmp(&from_handful(b)))
            .or_else(|| food.portions.first());
    }
    food.portions
        .iter()
        .find(|p| p.amount == 1.0 && has_words(&p.description, "medium"))
        .or_else(|| food.portions.first())
}

/// Whether the description starts with one of [`EVERYDAY_FOODS`], ignoring ASCII case.
pub fn is_everyday(description: &str) -> bool {
    let description = description.as_bytes();
    let Some(first) = description.first() else {
        return false;
    };
    // This runs over the whole table on every render; comparing only with the prefixes that
    // share the first letter takes it from about 130 comparisons a food to about 10.
    everyday_by_first_letter()[usize::from(first.to_ascii_lowercase())]
        .iter()
        .any(|prefix| {
            // Byte by byte, so that most comparisons stop at the second or third letter.
            prefix.len() <= description.len()
                && prefix
                    .iter()
                    .zip(description)
                    .all(|(p, d)| p.eq_ignore_ascii_case(d))
        })
}

/// The prefixes of [`EVERYDAY_FOODS`], in order.
pub fn everyday_foods() -> impl Iterator<Item = &'static str> {
    EVERYDAY_FOODS.lines().filter(|line| !line.is_empty())
}

/// [`EVERYDAY_FOODS`] as bytes, filed under their first byte in lower case; built once.
fn everyday_by_first_letter() -> &'static [Vec<&'static [u8]>; 256] {
    static INDEX: OnceLock<[Vec<&'static [u8]>; 256]> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: [Vec<&'static [u8]>; 256] = std::array::from_fn(|_| Vec::new());
        for prefix in everyday_foods() {
            let bytes = prefix.as_bytes();
            if let Some(first) = bytes.first() {
                index[usize::from(first.to_ascii_lowercase())].push(bytes);
            }
        }
        index
    })
}

/// Whether the food may be suggested at all: [`refusal`] finds nothing against it.
pub fn is_suggestible(food: &Food) -> bool {
    refusal(food).is_none()
}

/// Why the food is never suggested, or `None` if it may be. The rules hold for every food, on
/// [`EVERYDAY_FOODS`] or not, so that a prefix added to the list can never bring in what they
/// refuse.
pub fn refusal(food: &Food) -> Option<Refusal> {
    let description = food.description.as_str();
    let words = words_of(description);
    let has = |phrase: &str| words_contain(&words, phrase);
    let has_any = |phrases: &[&str]| phrases.iter().any(|phrase| has(phrase));
    let has_part = |wanted: &str| {
        description
            .split(',')
            .any(|part| part.trim().eq_ignore_ascii_case(wanted))
    };
    if has_any(TOXIC_LOOK_ALIKES) {
        Some(Refusal::ToxicLookAlike)
    } else if has_any(WILD_GREENS) {
        Some(Refusal::WildGreen)
    } else if has_any(CANNING_LIQUID) {
        Some(Refusal::CanningLiquid)
    } else if has("crude") || (has("bran") && has_part("raw")) {
        Some(Refusal::CrudeBran)
    } else if has("sprouted") && !has("cooked") {
        Some(Refusal::RawSprouts)
    } else if NOT_AS_EATEN_PARTS.iter().any(|part| has_part(part))
        || (food.group_code == GRAINS_GROUP && (has("raw") || has("uncooked")))
    {
        Some(Refusal::NotAsEaten)
    } else if is_supplement_like(description) {
        Some(Refusal::Supplement)
    } else if is_ingredient(description) {
        Some(Refusal::Ingredient)
    } else if COOKED_BEFORE_EATING_GROUPS.contains(&food.group_code) && has_part("raw") {
        Some(Refusal::RawMeatOrFish)
    } else if EXCLUDED_GROUPS.contains(&food.group_code) {
        Some(Refusal::ExcludedGroup)
    } else if prior(description, food.group_code, food.portions.len()) < MIN_PRIOR {
        Some(Refusal::RestaurantOrBrand)
    } else if !is_everyday(description) {
        Some(Refusal::NotEveryday)
    } else {
        None
    }
}

/// Whether `phrase`'s words occur in `text` one after another as whole words, ignoring ASCII
/// case: "dock" is in "Dock, raw" but not in "Haddock", and "skunk cabbage" is in
/// "Swamp cabbage (skunk  cabbage)".
pub fn has_words(text: &str, phrase: &str) -> bool {
    words_contain(&words_of(text), phrase)
}

/// The ASCII words of a text, in order; SR28's descriptions are ASCII.
fn words_of(text: &str) -> Vec<&str> {
    // A plain loop rather than an adapter chain, which the wasm would hold a copy of.
    let mut words = Vec::new();
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

/// Whether `phrase`'s words occur in `words` one after another, ignoring ASCII case.
fn words_contain(words: &[&str], phrase: &str) -> bool {
    let mut wanted = phrase
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty());
    let Some(first) = wanted.next() else {
        return false;
    };
    words.iter().enumerate().any(|(at, word)| {
        word.eq_ignore_ascii_case(first)
            && wanted.clone().enumerate().all(|(after, want)| {
                words
                    .get(at + 1 + after)
                    .is_some_and(|word| word.eq_ignore_ascii_case(want))
            })
    })
}

/// Closing foods first, by fewest calories; then the rest by most magnesium; among equals the
/// table's (NDB) order, so the order never depends on the sort's whims.
fn rank(candidate: &Candidate<'_>) -> u64 {
    // The top bit puts the foods that close the gap first; the other 63 hold the number that
    // orders them (the lowest bit of its rank dropped). Equal ranks keep the table's order,
    // which is by NDB number.
    if candidate.closes_gap {
        ascending(candidate.kcal) >> 1
    } else {
        (1 << 63) | (descending(candidate.magnesium_mg) >> 1)
    }
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
    let Some(first) = needle.first() else {
        return true;
    };
    // The first byte rules out nearly every window before the whole needle is compared.
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|window| window[0].eq_ignore_ascii_case(first) && window.eq_ignore_ascii_case(needle))
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
