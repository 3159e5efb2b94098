//! The food table together with its search index: what the search box asks, with the food-group
//! filter and the sort orders a person can choose.

use std::cmp::Ordering;

use super::foods::{Food, FoodTable};
use super::search::{SearchEntry, SearchIndex, prior};

/// Grams in the reference amount that SR28 values are given per.
const REFERENCE_GRAMS: f64 = 100.0;

/// How results are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Best match first.
    #[default]
    Relevance,
    /// Most magnesium in the food's typical portion first.
    MagnesiumPerPortion,
    /// Most magnesium per 100 g first.
    MagnesiumPer100g,
    /// Most magnesium per 100 kcal first: more magnesium without more calories.
    MagnesiumPer100kcal,
}

impl SortOrder {
    /// Every order, as the picker lists them.
    pub const ALL: [SortOrder; 4] = [
        SortOrder::Relevance,
        SortOrder::MagnesiumPerPortion,
        SortOrder::MagnesiumPer100g,
        SortOrder::MagnesiumPer100kcal,
    ];

    /// The page's `<option value>`.
    pub fn value(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::MagnesiumPerPortion => "per-portion",
            SortOrder::MagnesiumPer100g => "per-100g",
            SortOrder::MagnesiumPer100kcal => "per-100kcal",
        }
    }

    /// What a person reads.
    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Relevance => "Best match",
            SortOrder::MagnesiumPerPortion => "Magnesium per portion",
            SortOrder::MagnesiumPer100g => "Magnesium per 100 g",
            SortOrder::MagnesiumPer100kcal => "Magnesium per 100 kcal",
        }
    }

    /// The inverse of [`SortOrder::value`].
    pub fn from_value(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.value() == value)
    }
}

/// The food table, searchable.
#[derive(Debug)]
pub struct Catalog {
    table: FoodTable,
    index: SearchIndex,
}

impl Catalog {
    /// Builds the search index over every food of `table`.
    pub fn new(table: FoodTable) -> Self {
        let entries: Vec<SearchEntry<'_>> = table
            .foods()
            .iter()
            .map(|food| SearchEntry {
                description: &food.description,
                common_name: &food.common_name,
                prior: prior(&food.description, food.group_code, food.portions.len()),
            })
            .collect();
        let index = SearchIndex::new(&entries);
        Self { table, index }
    }

    /// The underlying table.
    pub fn table(&self) -> &FoodTable {
        &self.table
    }

    /// Foods matching `query`, optionally only from one food group, in the chosen order.
    pub fn search(&self, query: &str, group_code: Option<u16>, order: SortOrder) -> Vec<&Food> {
        let foods = self.table.foods();
        let mut found: Vec<&Food> = self
            .index
            .search(query)
            .into_iter()
            .filter_map(|hit| foods.get(hit.index))
            .filter(|food| group_code.is_none_or(|code| food.group_code == code))
            .collect();
        let key: fn(&Food) -> Option<f64> = match order {
            SortOrder::Relevance => return found,
            SortOrder::MagnesiumPerPortion => |f| magnesium_mg_per_typical_portion(f),
            SortOrder::MagnesiumPer100g => |f| f.magnesium_mg_per_100g,
            SortOrder::MagnesiumPer100kcal => magnesium_mg_per_100kcal,
        };
        // Stable: among equals, the better match stays first. Foods without a value go last.
        found.sort_by(|a, b| match (key(a), key(b)) {
            (Some(x), Some(y)) => y.partial_cmp(&x).unwrap_or(Ordering::Equal),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        });
        found
    }
}

/// The portion a result shows: SR28's first household measure, which is its usual serving, or
/// 100 g for foods that have none.
pub fn typical_portion_grams(food: &Food) -> (String, f64) {
    match food.portions.first() {
        Some(portion) => (portion.label(), portion.grams),
        None => (format!("{REFERENCE_GRAMS} g"), REFERENCE_GRAMS),
    }
}

/// Magnesium in the food's typical portion, in mg.
pub fn magnesium_mg_per_typical_portion(food: &Food) -> Option<f64> {
    food.magnesium_mg_in_grams(typical_portion_grams(food).1)
}

/// Magnesium per 100 kcal of the food, in mg; `None` without both values or without calories.
pub fn magnesium_mg_per_100kcal(food: &Food) -> Option<f64> {
    let mg = food.magnesium_mg_per_100g?;
    let kcal = food.kcal_per_100g?;
    (kcal > 0.0).then(|| mg / kcal * 100.0)
}
