//! Loads the USDA food table the app ships and builds the searchable catalog, once.
//!
//! Releases fetch `foods.tsv` (Trunk copies `data/foods.tsv` beside the wasm) rather than
//! embedding it: the wasm stays small, the page is usable before the table arrives, and the table
//! is cached apart from the code. BENCHMARKS.md has the figures for both ways.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::browser::yield_to_browser;
use crate::domain::catalog::{Catalog, CatalogBuilder};
use crate::domain::foods::{FoodTable, FoodTableError};

/// Where the release build serves the food table, relative to the page so sub-paths work.
pub const FOOD_TABLE_URL: &str = "foods.tsv";

/// Where the app gets its food table.
#[derive(Clone, Debug, PartialEq)]
pub enum FoodSource {
    /// Fetch the table from this URL at start-up.
    Fetch(&'static str),
    /// Use a catalog that is already built (browser tests, the embedded variant).
    Ready(CatalogState),
}

impl Default for FoodSource {
    fn default() -> Self {
        #[cfg(feature = "embedded-food-table")]
        {
            FoodSource::Ready(catalog_from_text(include_str!("../data/foods.tsv")))
        }
        #[cfg(not(feature = "embedded-food-table"))]
        {
            FoodSource::Fetch(FOOD_TABLE_URL)
        }
    }
}

/// The food catalog as the page sees it while it loads.
#[derive(Clone, Debug)]
pub enum CatalogState {
    /// Still on its way.
    Loading,
    /// Loaded and indexed.
    Ready(Rc<Catalog>),
    /// Could not be loaded; the text says why, for the person.
    Failed(String),
}

impl PartialEq for CatalogState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (CatalogState::Loading, CatalogState::Loading) => true,
            (CatalogState::Ready(a), CatalogState::Ready(b)) => Rc::ptr_eq(a, b),
            (CatalogState::Failed(a), CatalogState::Failed(b)) => a == b,
            _ => false,
        }
    }
}

impl CatalogState {
    /// The catalog, once it is ready.
    pub fn ready(&self) -> Option<&Rc<Catalog>> {
        match self {
            CatalogState::Ready(catalog) => Some(catalog),
            _ => None,
        }
    }
}

/// Parses and indexes the table's text.
pub fn catalog_from_text(text: &str) -> CatalogState {
    match FoodTable::parse(text) {
        Ok(table) => CatalogState::Ready(Rc::new(Catalog::new(table))),
        Err(error) => damaged(&error),
    }
}

/// Lines or foods read per slice of work. The whole table is about 17,600 lines and foods and
/// takes 50–100 ms in a desktop browser, so a slice is a few milliseconds there and stays under
/// a 50 ms "long task" on a phone four times slower.
const WORK_UNITS_PER_SLICE: usize = 400;

/// Fetches the table from `url` and builds the catalog in slices, letting the page answer
/// and paint between them.
pub async fn fetch_catalog(url: &str) -> CatalogState {
    let text = match fetch_text(url).await {
        Ok(text) => text,
        Err(reason) => return CatalogState::Failed(reason),
    };
    let mut builder = CatalogBuilder::new(text);
    loop {
        match builder.step(WORK_UNITS_PER_SLICE) {
            Ok(Some(catalog)) => return CatalogState::Ready(Rc::new(catalog)),
            Ok(None) => yield_to_browser().await,
            Err(error) => return damaged(&error),
        }
    }
}

/// What the page says when the table's text is damaged.
fn damaged(error: &FoodTableError) -> CatalogState {
    CatalogState::Failed(format!("the food table is damaged ({error})"))
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("there is no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the food table could not be downloaded (are you offline?)".to_owned())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "the browser gave an unexpected answer".to_owned())?;
    if !response.ok() {
        return Err(format!(
            "the server answered {} for the food table",
            response.status()
        ));
    }
    let text = response
        .text()
        .map_err(|_| "the food table could not be read".to_owned())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|value| value.as_string())
        .ok_or_else(|| "the food table could not be read".to_owned())
}
