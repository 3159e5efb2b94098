//! The food table together with its search index: what the search box asks, with the food-group
//! filter and the sort orders a person can choose.

use std::cmp::Ordering;

use super::foods::{Food, FoodTable, FoodTableError, FoodTableReader};
use super::search::{SearchEntry, SearchIndex, SearchIndexBuilder, prior};

/// What the search index needs to know of a food.
fn search_entry(food: &Food) -> SearchEntry<'_> {
    SearchEntry {
        description: &food.description,
        common_name: &food.common_name,
        prior: prior(&food.description, food.group_code, food.portions.len()),
    }
}

/// Turns the table's text into a [`Catalog`] a slice at a time.
///
/// Reading and indexing the whole table takes a few tens of milliseconds on a desktop and
/// several times that on a cheap phone; done in one go it freezes the page (and costs most of
/// Lighthouse's "total blocking time"). The page calls [`CatalogBuilder::step`] and lets the
/// browser breathe between calls.
#[derive(Debug)]
pub struct CatalogBuilder {
    text: String,
    /// Byte offset of the next line to read.
    next_line_at: usize,
    stage: BuildStage,
}

#[derive(Debug)]
enum BuildStage {
    Reading(FoodTableReader),
    Indexing {
        table: FoodTable,
        index: SearchIndexBuilder,
        next_food: usize,
    },
    /// Finished or failed: nothing more to do.
    Spent,
}

impl CatalogBuilder {
    /// A builder over the text of `data/foods.tsv`.
    pub fn new(text: String) -> Self {
        Self {
            text,
            next_line_at: 0,
            stage: BuildStage::Reading(FoodTableReader::new()),
        }
    }

    /// Does at most `work_units` lines or foods of work. Returns the catalog when it is
    /// complete, `None` while there is more to do, and the table's problem if it is damaged.
    /// After the catalog or an error it has nothing more to give and returns `None`.
    pub fn step(&mut self, work_units: usize) -> Result<Option<Catalog>, FoodTableError> {
        for _ in 0..work_units.max(1) {
            match std::mem::replace(&mut self.stage, BuildStage::Spent) {
                BuildStage::Reading(mut reader) => {
                    let rest = self.text.get(self.next_line_at..).unwrap_or_default();
                    if rest.is_empty() {
                        self.stage = BuildStage::Indexing {
                            table: reader.finish()?,
                            index: SearchIndexBuilder::new(),
                            next_food: 0,
                        };
                        continue;
                    }
                    let line_len = rest.find('\n').unwrap_or(rest.len());
                    // Exactly what `str::lines` gives, so both readers see the same lines.
                    let line = &rest[..line_len];
                    reader.read_line(line.strip_suffix('\r').unwrap_or(line))?;
                    self.next_line_at += line_len + 1;
                    self.stage = BuildStage::Reading(reader);
                }
                BuildStage::Indexing {
                    table,
                    mut index,
                    next_food,
                } => match table.foods().get(next_food) {
                    Some(food) => {
                        index.add(&search_entry(food));
                        self.stage = BuildStage::Indexing {
                            table,
                            index,
                            next_food: next_food + 1,
                        };
                    }
                    None => {
                        self.text = String::new();
                        return Ok(Some(Catalog {
                            table,
                            index: index.finish(),
                        }));
                    }
                },
                BuildStage::Spent => return Ok(None),
            }
        }
        Ok(None)
    }
}

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
        let mut index = SearchIndexBuilder::new();
        for food in table.foods() {
            index.add(&search_entry(food));
        }
        Self {
            index: index.finish(),
            table,
        }
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
