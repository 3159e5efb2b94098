//! Loads the USDA food table the app ships and builds the searchable catalog, once.
//!
//! Releases fetch `foods.tsv` (Trunk copies `data/foods.tsv` beside the wasm) rather than
//! embedding it: the wasm stays small, the page is usable before the table arrives, and the table
//! is cached apart from the code. BENCHMARKS.md has the figures for both ways. The table is read
//! as its bytes arrive, a slice of work at a time, so no task of the page is long and little is
//! left to do when the download ends.

use std::rc::Rc;

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::browser::yield_to_browser;
use crate::domain::catalog::{Catalog, CatalogBuilder};
use crate::domain::foods::{FoodTable, FoodTableError};

/// Where the food table is when the page does not say (tests): beside the page, relative to it
/// so sub-paths work. Release builds rename it for its content (`foods-<hash>.tsv`, by
/// scripts/pwa-post-build.mjs) and give the name in the element below.
pub const FOOD_TABLE_URL: &str = "foods.tsv";

/// The `<meta>` in index.html's head whose `content` is the food table's address.
const FOOD_TABLE_META: &str = "meta[name=food-table]";

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

/// Lines or foods per call of [`CatalogBuilder::step`]: well under a millisecond of work even on
/// a slow phone, so the clock is looked at often enough.
const WORK_UNITS_PER_STEP: usize = 64;

/// How long a slice of work may run before the page gets the browser back, in ms: a fifth of
/// the 50 ms that makes a "long task", measured on the device itself, so a phone four times
/// slower than a desktop does a quarter of the work per slice rather than a longer slice.
const SLICE_BUDGET_MS: f64 = 10.0;

/// The food table's address: the one index.html names, or [`FOOD_TABLE_URL`].
fn food_table_url(default_url: &str) -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector(FOOD_TABLE_META).ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_else(|| default_url.to_owned())
}

/// Fetches the table (from where index.html names it, else from `url`) and builds the catalog
/// while its bytes arrive, in slices of at most [`SLICE_BUDGET_MS`], letting the page answer
/// and paint between them.
pub async fn fetch_catalog(url: &str) -> CatalogState {
    let mut body = match TableBody::fetch(&food_table_url(url)).await {
        Ok(body) => body,
        Err(reason) => return CatalogState::Failed(reason),
    };
    let mut builder = CatalogBuilder::receiving();
    let mut slice_started_ms = js_sys::Date::now();
    let mut finish_has_own_slice = false;
    loop {
        if builder.wants_input() {
            match body.next_chunk().await {
                Ok(Some(chunk)) => builder.receive(&chunk),
                Ok(None) => builder.end_of_input(),
                Err(reason) => return CatalogState::Failed(reason),
            }
            continue;
        }
        // Ordering the vocabulary is one piece of work: it starts a slice of its own.
        if builder.finishes_next() && !finish_has_own_slice {
            finish_has_own_slice = true;
            yield_to_browser().await;
            slice_started_ms = js_sys::Date::now();
        }
        match builder.step(WORK_UNITS_PER_STEP) {
            Ok(Some(catalog)) => {
                // The page re-renders with the catalog: in a task of its own, not at the end
                // of the last slice.
                yield_to_browser().await;
                return CatalogState::Ready(Rc::new(catalog));
            }
            Ok(None) => {}
            Err(error) => return damaged(&error),
        }
        if js_sys::Date::now() - slice_started_ms >= SLICE_BUDGET_MS {
            yield_to_browser().await;
            slice_started_ms = js_sys::Date::now();
        }
    }
}

/// What the page says when the table's text is damaged.
fn damaged(error: &FoodTableError) -> CatalogState {
    CatalogState::Failed(format!("the food table is damaged ({error})"))
}

/// What the page says when the download breaks off.
const UNREADABLE: &str = "the food table could not be read";

#[wasm_bindgen]
extern "C" {
    /// A fetch `Response` seen for its `body` stream (web-sys has it only behind a feature this
    /// one getter does not justify).
    type StreamingResponse;
    #[wasm_bindgen(method, getter)]
    fn body(this: &StreamingResponse) -> Option<BodyStream>;

    /// The `ReadableStream` of a response's bytes.
    type BodyStream;
    #[wasm_bindgen(method, catch, js_name = getReader)]
    fn get_reader(this: &BodyStream) -> Result<BodyReader, JsValue>;

    /// A `ReadableStreamDefaultReader` over a response's bytes.
    type BodyReader;
    #[wasm_bindgen(method)]
    fn read(this: &BodyReader) -> Promise;

    /// What one `read()` gives: a chunk of bytes, or `done`.
    type ReadResult;
    #[wasm_bindgen(method, getter)]
    fn done(this: &ReadResult) -> bool;
    #[wasm_bindgen(method, getter)]
    fn value(this: &ReadResult) -> JsValue;
}

/// The table's bytes as the network delivers them: copied into the wasm a chunk at a time
/// (a few kilobytes to 64 KB each), never as one long copy of the whole text.
enum TableBody {
    /// Read from the response's stream.
    Streaming(BodyReader),
    /// A browser without response streams: the whole body at once, then nothing.
    Whole(Option<web_sys::Response>),
}

impl TableBody {
    async fn fetch(url: &str) -> Result<Self, String> {
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
        let stream = response.unchecked_ref::<StreamingResponse>().body();
        Ok(match stream.map(|stream| stream.get_reader()) {
            Some(Ok(reader)) => TableBody::Streaming(reader),
            _ => TableBody::Whole(Some(response)),
        })
    }

    /// The next chunk of bytes, or `None` once every byte has come.
    async fn next_chunk(&mut self) -> Result<Option<Vec<u8>>, String> {
        match self {
            TableBody::Streaming(reader) => {
                let result: ReadResult = JsFuture::from(reader.read())
                    .await
                    .map_err(|_| UNREADABLE.to_owned())?
                    .unchecked_into();
                if result.done() {
                    return Ok(None);
                }
                let chunk: Uint8Array = result
                    .value()
                    .dyn_into()
                    .map_err(|_| UNREADABLE.to_owned())?;
                Ok(Some(chunk.to_vec()))
            }
            TableBody::Whole(response) => {
                let Some(response) = response.take() else {
                    return Ok(None);
                };
                let buffer = response.array_buffer().map_err(|_| UNREADABLE.to_owned())?;
                let buffer = JsFuture::from(buffer)
                    .await
                    .map_err(|_| UNREADABLE.to_owned())?;
                Ok(Some(Uint8Array::new(&buffer).to_vec()))
            }
        }
    }
}
