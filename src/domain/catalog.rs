//! The food table together with its search index: what the search box asks, with the food-group
//! filter and the sort orders a person can choose.

use super::choice::Choice;
use super::decimal_text::plain;
use super::foods::{Food, FoodTable, FoodTableError, FoodTableReader};
use super::order::{descending, last_if_none, sorted_positions};
use super::search::{SearchEntry, SearchIndex, SearchIndexBuilder, prior};

/// What the search index needs to know of a food.
fn search_entry(food: &Food) -> SearchEntry<'_> {
    SearchEntry {
        description: &food.description,
        common_name: &food.common_name,
        prior: prior(&food.description, food.group_code, food.portions.len()),
    }
}

/// Turns the table's text into a [`Catalog`] a slice at a time, from the whole text or from
/// its bytes as they arrive.
///
/// Reading and indexing the whole table takes a few tens of milliseconds on a desktop and
/// several times that on a cheap phone; done in one go it freezes the page (and costs most of
/// Lighthouse's "total blocking time"). The page calls [`CatalogBuilder::step`] and lets the
/// browser breathe between calls. Fed with [`CatalogBuilder::receive`] while the download is
/// still under way, it reads each line as soon as it is complete, so that little is left to
/// do when the last byte arrives.
#[derive(Debug)]
pub struct CatalogBuilder {
    /// Bytes received and not yet read: whole lines, then the start of one still arriving.
    pending: Vec<u8>,
    /// Where the next unread line starts in `pending`.
    read_at: usize,
    /// Whether every byte of the table has been received.
    input_ended: bool,
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

/// What one line of work found in the pending bytes.
enum NextLine {
    /// A line starts at `read_at`: this long, and whether an LF ends it.
    Complete(usize, bool),
    /// The rest has no LF yet; more bytes are on their way.
    Incomplete,
    /// Every byte has been read.
    Finished,
}

impl CatalogBuilder {
    /// A builder over the whole text of `data/foods.tsv`.
    pub fn new(text: String) -> Self {
        Self {
            pending: text.into_bytes(),
            read_at: 0,
            input_ended: true,
            stage: BuildStage::Reading(FoodTableReader::new()),
        }
    }

    /// A builder that will be given the table's bytes as they arrive, by
    /// [`CatalogBuilder::receive`] and then [`CatalogBuilder::end_of_input`].
    pub fn receiving() -> Self {
        Self {
            input_ended: false,
            ..Self::new(String::new())
        }
    }

    /// Adds the next bytes of the table. A chunk may end anywhere, even inside a character.
    pub fn receive(&mut self, bytes: &[u8]) {
        // Drops what has been read, so only the start of an unfinished line is ever moved.
        self.pending.drain(..self.read_at.min(self.pending.len()));
        self.read_at = 0;
        self.pending.extend_from_slice(bytes);
    }

    /// Says that every byte of the table has been received.
    pub fn end_of_input(&mut self) {
        self.input_ended = true;
    }

    /// Whether the builder can do nothing more until it receives more bytes.
    pub fn wants_input(&self) -> bool {
        matches!(self.stage, BuildStage::Reading(_))
            && matches!(self.next_line(), NextLine::Incomplete)
    }

    /// Whether the next unit of work is the last: ordering the index's vocabulary, which is
    /// done in one piece, so the page may give it a slice of its own.
    pub fn finishes_next(&self) -> bool {
        matches!(&self.stage, BuildStage::Indexing { table, next_food, .. } if *next_food >= table.foods().len())
    }

    fn next_line(&self) -> NextLine {
        let rest = self.pending.get(self.read_at..).unwrap_or_default();
        match rest.iter().position(|&byte| byte == b'\n') {
            Some(length) => NextLine::Complete(length, true),
            None if !self.input_ended => NextLine::Incomplete,
            // Like `str::lines`: a last line without its LF still counts.
            None if !rest.is_empty() => NextLine::Complete(rest.len(), false),
            None => NextLine::Finished,
        }
    }

    /// Does at most `work_units` lines or foods of work. Returns the catalog when it is
    /// complete, `None` while there is more to do or more bytes to wait for
    /// ([`CatalogBuilder::wants_input`] tells which), and the table's problem if it is damaged.
    /// After the catalog or an error it has nothing more to give and returns `None`.
    pub fn step(&mut self, work_units: usize) -> Result<Option<Catalog>, FoodTableError> {
        for _ in 0..work_units.max(1) {
            match std::mem::replace(&mut self.stage, BuildStage::Spent) {
                BuildStage::Reading(mut reader) => match self.next_line() {
                    NextLine::Complete(length, with_lf) => {
                        let start = self.read_at;
                        self.read_at += length + 1;
                        let mut bytes = self.pending.get(start..start + length).unwrap_or_default();
                        // Exactly what `str::lines` gives, so every reader sees the same lines:
                        // a CR is part of the line end only when an LF follows it.
                        if with_lf {
                            bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
                        }
                        match std::str::from_utf8(bytes) {
                            Ok(line) => reader.read_line(line)?,
                            Err(_) => return Err(reader.not_utf8()),
                        }
                        self.stage = BuildStage::Reading(reader);
                    }
                    NextLine::Incomplete => {
                        self.stage = BuildStage::Reading(reader);
                        return Ok(None);
                    }
                    NextLine::Finished => {
                        self.pending = Vec::new();
                        self.stage = BuildStage::Indexing {
                            table: reader.finish()?,
                            index: SearchIndexBuilder::new(),
                            next_food: 0,
                        };
                    }
                },
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

/// As the picker lists them.
impl Choice for SortOrder {
    const ALL: &'static [Self] = &[
        SortOrder::Relevance,
        SortOrder::MagnesiumPerPortion,
        SortOrder::MagnesiumPer100g,
        SortOrder::MagnesiumPer100kcal,
    ];

    fn value(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::MagnesiumPerPortion => "per-portion",
            SortOrder::MagnesiumPer100g => "per-100g",
            SortOrder::MagnesiumPer100kcal => "per-100kcal",
        }
    }
}

impl SortOrder {
    /// What a person reads.
    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Relevance => "Best match",
            SortOrder::MagnesiumPerPortion => "Magnesium per portion",
            SortOrder::MagnesiumPer100g => "Magnesium per 100 g",
            SortOrder::MagnesiumPer100kcal => "Magnesium per 100 kcal",
        }
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
        // A plain loop rather than an adapter chain, which the wasm would hold a copy of.
        let mut found: Vec<&Food> = Vec::new();
        for hit in self.index.search(query) {
            if let Some(food) = foods.get(hit.index)
                && group_code.is_none_or(|code| food.group_code == code)
            {
                found.push(food);
            }
        }
        let key: fn(&Food) -> Option<f64> = match order {
            SortOrder::Relevance => return found,
            SortOrder::MagnesiumPerPortion => |f| magnesium_mg_per_typical_portion(f),
            SortOrder::MagnesiumPer100g => |f| f.magnesium_mg_per_100g,
            SortOrder::MagnesiumPer100kcal => magnesium_mg_per_100kcal,
        };
        // Stable: among equals, the better match stays first. Foods without a value go last.
        // Read in the order of their positions rather than rearranged by `sort_by_rank`, which
        // would put a rearranging function of its own in the wasm for this list alone.
        let mut ranks = Vec::with_capacity(found.len());
        for food in &found {
            ranks.push(last_if_none(key(food).map(descending)));
        }
        let mut sorted = Vec::with_capacity(found.len());
        for at in sorted_positions(ranks.len(), &|a, b| ranks[a].cmp(&ranks[b])) {
            sorted.push(found[at]);
        }
        sorted
    }
}

/// The portion a result shows: SR28's first household measure, which is its usual serving, or
/// 100 g for foods that have none.
pub fn typical_portion_grams(food: &Food) -> (String, f64) {
    match food.portions.first() {
        Some(portion) => (food.portion_label(portion), portion.grams),
        None => (format!("{} g", plain(REFERENCE_GRAMS)), REFERENCE_GRAMS),
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
