//! Quick add: the foods a person added lately and the ones they starred, each kept with the
//! portion and quantity to add again in one tap; the meal a quick add goes to by the time of
//! day; and the versioned format both lists are saved in.
//!
//! The lists live under their own storage key, apart from the settings and the plans, so that
//! neither of those formats changes for them.

use serde::{Deserialize, Serialize};

use super::plan::{Meal, PortionOption, QuantityError, Serving};
use super::saved::{DecodeError, from_json, open_versioned, to_json};

/// How many recent foods are kept: enough for a day's usual foods, few enough to scan at a
/// glance on a phone.
pub const RECENT_LIMIT: usize = 8;

/// How many favourites a person may keep; starring one more is refused until one is unstarred.
pub const FAVOURITE_LIMIT: usize = 24;

/// The version [`encode_quick_foods`] writes and the newest [`decode_quick_foods`] reads.
pub const QUICK_FOODS_VERSION: u64 = 1;

/// The most items of either list accepted from storage: far above what the planner keeps, so
/// only damaged or hand-made data is refused.
const MAX_STORED_ITEMS: usize = 100;

/// A food to add again: which food, in which portion, and how many of it.
#[derive(Clone, Debug, PartialEq)]
pub struct QuickFood {
    /// The food's SR28 NDB number.
    pub ndb: u32,
    /// The portion, kept whole (label and weight) as a plan entry keeps it.
    pub portion: PortionOption,
    /// How many portions; always accepted by [`super::plan::check_quantity`].
    pub quantity: f64,
}

impl QuickFood {
    /// A quick food after checking its portion weight and quantity as a plan entry's are.
    pub fn new(ndb: u32, portion: PortionOption, quantity: f64) -> Result<Self, QuantityError> {
        Serving::new(portion, quantity).map(|serving| Self::of(ndb, serving))
    }

    /// A quick food from a serving that is already checked.
    pub fn of(ndb: u32, serving: Serving) -> Self {
        let (portion, quantity) = serving.into_parts();
        Self {
            ndb,
            portion,
            quantity,
        }
    }

    /// Its portion and quantity as a checked serving (the fields are public, so checked again).
    pub fn serving(&self) -> Result<Serving, QuantityError> {
        Serving::new(self.portion.clone(), self.quantity)
    }

    /// What the food weighs in this portion and quantity, in grams.
    pub fn grams(&self) -> f64 {
        self.quantity * self.portion.grams
    }
}

/// Why a food could not be starred.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FavouriteError {
    /// There are already [`FAVOURITE_LIMIT`] favourites.
    Full {
        /// The limit that was reached.
        limit: usize,
    },
}

/// The recent foods, most recent first, and the favourites, in the order they were starred.
/// Each food appears at most once in each list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuickFoods {
    recent: Vec<QuickFood>,
    favourites: Vec<QuickFood>,
}

impl QuickFoods {
    /// The recent foods, most recent first, at most [`RECENT_LIMIT`] of them once anything has
    /// been added in this version.
    pub fn recent(&self) -> &[QuickFood] {
        &self.recent
    }

    /// The favourites, in the order they were starred.
    pub fn favourites(&self) -> &[QuickFood] {
        &self.favourites
    }

    /// Notes that `food` was just added or changed in a plan: it goes to the front of the
    /// recent foods with this portion and quantity, replacing its earlier place, and the
    /// oldest beyond [`RECENT_LIMIT`] drop off.
    pub fn record_use(&mut self, food: QuickFood) {
        self.recent.retain(|f| f.ndb != food.ndb);
        self.recent.insert(0, food);
        self.recent.truncate(RECENT_LIMIT);
    }

    /// Whether the food with this NDB number is a favourite.
    pub fn is_favourite(&self, ndb: u32) -> bool {
        self.favourites.iter().any(|f| f.ndb == ndb)
    }

    /// Stars `food` (keeping its place, with this portion and quantity, if it was starred
    /// already) or unstars the food with its NDB number.
    pub fn set_favourite(
        &mut self,
        food: QuickFood,
        favourite: bool,
    ) -> Result<(), FavouriteError> {
        if !favourite {
            self.favourites.retain(|f| f.ndb != food.ndb);
            return Ok(());
        }
        if let Some(kept) = self.favourites.iter_mut().find(|f| f.ndb == food.ndb) {
            *kept = food;
            return Ok(());
        }
        if self.favourites.len() >= FAVOURITE_LIMIT {
            return Err(FavouriteError::Full {
                limit: FAVOURITE_LIMIT,
            });
        }
        self.favourites.push(food);
        Ok(())
    }
}

/// The meal a quick add goes to at `hour` o'clock local time (0 to 23; larger numbers wrap
/// around the day). Each boundary hour belongs to the meal it starts:
///
/// | from  | to    | meal      |
/// |-------|-------|-----------|
/// | 05:00 | 10:59 | breakfast |
/// | 11:00 | 14:59 | lunch     |
/// | 15:00 | 16:59 | snacks    |
/// | 17:00 | 21:59 | dinner    |
/// | 22:00 | 04:59 | snacks    |
pub fn meal_for_hour(hour: u32) -> Meal {
    match hour % 24 {
        5..=10 => Meal::Breakfast,
        11..=14 => Meal::Lunch,
        17..=21 => Meal::Dinner,
        _ => Meal::Snacks,
    }
}

/// One food of either list as stored in version 1.
#[derive(Serialize, Deserialize)]
struct StoredQuickFoodV1 {
    ndb: u32,
    portion_label: String,
    portion_grams: f64,
    quantity: f64,
}

/// Both lists as stored in version 1.
#[derive(Serialize, Deserialize)]
struct StoredQuickFoodsV1 {
    #[serde(default)]
    recent: Vec<StoredQuickFoodV1>,
    #[serde(default)]
    favourites: Vec<StoredQuickFoodV1>,
}

fn stored(foods: &[QuickFood]) -> Vec<StoredQuickFoodV1> {
    // A plain loop rather than an adapter chain, which the wasm would hold a copy of.
    let mut list = Vec::with_capacity(foods.len());
    for f in foods {
        list.push(StoredQuickFoodV1 {
            ndb: f.ndb,
            portion_label: f.portion.label.clone(),
            portion_grams: f.portion.grams,
            quantity: f.quantity,
        });
    }
    list
}

/// Writes both lists in the current format: `{"version": 1, "data": {"recent": [...],
/// "favourites": [...]}}`, each food as its NDB number, portion label and weight, and quantity.
pub fn encode_quick_foods(foods: &QuickFoods) -> String {
    to_json(
        QUICK_FOODS_VERSION,
        StoredQuickFoodsV1 {
            recent: stored(&foods.recent),
            favourites: stored(&foods.favourites),
        },
    )
}

/// Reads both lists, checking every portion and quantity as a plan's are and refusing a food
/// listed twice in one list.
pub fn decode_quick_foods(text: &str) -> Result<QuickFoods, DecodeError> {
    let (_, data) = open_versioned(text, QUICK_FOODS_VERSION)?;
    let stored: StoredQuickFoodsV1 = from_json(data)?;
    Ok(QuickFoods {
        recent: read_list("recent", stored.recent)?,
        favourites: read_list("favourites", stored.favourites)?,
    })
}

fn read_list(which: &str, stored: Vec<StoredQuickFoodV1>) -> Result<Vec<QuickFood>, DecodeError> {
    if stored.len() > MAX_STORED_ITEMS {
        return Err(DecodeError::WrongShape(format!(
            "more than {MAX_STORED_ITEMS} {which} foods"
        )));
    }
    let mut foods: Vec<QuickFood> = Vec::with_capacity(stored.len());
    for item in stored {
        let bad =
            |what: &str| DecodeError::WrongShape(format!("{which} food {}: {what}", item.ndb));
        if foods.iter().any(|f| f.ndb == item.ndb) {
            return Err(bad("listed twice"));
        }
        let portion = PortionOption {
            label: item.portion_label.clone(),
            grams: item.portion_grams,
        };
        let food =
            QuickFood::new(item.ndb, portion, item.quantity).map_err(|e| bad(&e.to_string()))?;
        foods.push(food);
    }
    Ok(foods)
}
