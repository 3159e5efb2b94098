//! A benchmark, not a test (it asserts nothing about time): how long the search takes per
//! keystroke in the browser over the whole table, typing each query of `benches/everyday-queries.tsv`
//! one letter at a time, side by side with Fuse.js 7.5.0 (two setups) over the same foods in the
//! same page, with the top-three and first-result accuracy of each judged as
//! `tests/domain_search.rs` judges ours.
//! Run by `scripts/bench.sh` in release mode (about 45 s in the page, so the runner needs a
//! `WASM_BINDGEN_TEST_TIMEOUT` well above its default 20 s); `scripts/test.sh` skips it.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, JSON, Object, Promise, Reflect};
use magnesium_planner::domain::catalog::{Catalog, SortOrder};
use magnesium_planner::domain::foods::{Food, FoodTable};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

mod queries;
use queries::{EverydayQuery, everyday_queries};

wasm_bindgen_test_configure!(run_in_browser);

/// Chromium rounds `performance.now()` to 0.1 ms here, so each keystroke's search is repeated
/// and the mean taken.
const REPEATS: u32 = 20;

/// Fuse.js takes tens of milliseconds per keystroke, where the 0.1 ms rounding does not matter,
/// and 20 repeats of it would take minutes; so it runs once per keystroke.
const FUSE_REPEATS: u32 = 1;

const FUSE_CJS: &str = include_str!("../node_modules/fuse.js/dist/fuse.cjs");

/// How a JS developer would set Fuse up for these foods:
/// - keys: the USDA description matters most; the common name ("pepitas") and the food group
///   ("Nut and Seed Products") are searched too, with less weight, as our own search also reads
///   the common name and uses the group to rank;
/// - `ignoreLocation`: USDA descriptions are long, comma-separated lists ("Seeds, pumpkin and
///   squash seed kernels, roasted, ..."), and by default Fuse only looks near the start of the
///   text (within `distance` 100 characters of `location` 0) and scores later matches worse;
/// - `threshold` 0.3 instead of the permissive default 0.6: about one wrong letter in three is
///   still a match (enough for "spinnach" or "almnds"), while a short word no longer matches
///   half the table;
/// - `ignoreDiacritics`, as our search folds accents ("creme brulee").
const FUSE_CLASSIC: &str = r#"{
    "keys": [
        { "name": "description", "weight": 3 },
        { "name": "commonName", "weight": 1 },
        { "name": "group", "weight": 0.5 }
    ],
    "ignoreLocation": true,
    "threshold": 0.3,
    "ignoreDiacritics": true
}"#;

/// The same, with Fuse 7.5's token search, which matches each query word on its own (so word
/// order stops mattering, as in ours) and ranks rare words higher; `tokenMatch: "all"` keeps
/// only foods that match every word, as ours does.
const FUSE_TOKEN: &str = r#"{
    "keys": [
        { "name": "description", "weight": 3 },
        { "name": "commonName", "weight": 1 },
        { "name": "group", "weight": 0.5 }
    ],
    "ignoreLocation": true,
    "threshold": 0.3,
    "ignoreDiacritics": true,
    "useTokenSearch": true,
    "tokenMatch": "all"
}"#;

/// Fuse's classic fuzzy (Bitap) search is what most projects use; token search is its newer
/// answer to multi-word queries. Both are measured so neither reading of "Fuse" is unfair to it.
const FUSE_SETUPS: [(&str, &str); 2] = [("classic", FUSE_CLASSIC), ("token", FUSE_TOKEN)];

#[wasm_bindgen]
extern "C" {
    /// An instance of Fuse.js with its index built.
    type FuseIndex;

    /// Every match, best first, as `{ item, refIndex, score }`.
    #[wasm_bindgen(method)]
    fn search(this: &FuseIndex, query: &str) -> Array;
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).copied().unwrap_or(f64::NAN)
}

fn sorted(mut values: Vec<f64>) -> Vec<f64> {
    values.sort_by(f64::total_cmp);
    values
}

/// Lets the browser breathe between queries, so the test runner's polling of the page is
/// answered while the benchmark runs for tens of seconds.
async fn yield_to_browser() {
    let promise = Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// The `Fuse` class, from the embedded CommonJS build.
fn fuse_class() -> Function {
    let module = Object::new();
    Reflect::set(&module, &"exports".into(), &Object::new()).expect("a plain object takes a key");
    let factory = Function::new_with_args("module", &format!("{FUSE_CJS}\nreturn module.exports;"));
    factory
        .call1(&JsValue::NULL, &module)
        .expect("the Fuse.js build evaluates")
        .unchecked_into()
}

/// The foods as the JS objects a Fuse user would hand it: the same text our index reads.
fn fuse_documents(table: &FoodTable) -> Array {
    table
        .foods()
        .iter()
        .map(|food| {
            let doc = Object::new();
            let group = table.group_of(food).map_or("", |g| g.name.as_str());
            for (key, value) in [
                ("description", food.description.as_str()),
                ("commonName", food.common_name.as_str()),
                ("group", group),
            ] {
                Reflect::set(&doc, &key.into(), &value.into()).expect("a plain object takes a key");
            }
            JsValue::from(doc)
        })
        .collect()
}

/// The table indices of Fuse's first `n` results.
fn fuse_top(fuse: &FuseIndex, query: &str, n: usize) -> Vec<usize> {
    fuse.search(query)
        .iter()
        .take(n)
        .filter_map(|hit| Reflect::get(&hit, &"refIndex".into()).ok()?.as_f64())
        .map(|index| index as usize)
        .collect()
}

/// Whether a query with a first-result expectation got it; queries without one are not counted.
fn is_right_first(query: &EverydayQuery, first: Option<&Food>) -> bool {
    !query.first.is_empty() && first.is_some_and(|f| query.is_right_first(&f.description))
}

/// One Fuse setup with its index built, and what was measured of it.
struct FuseRun {
    name: &'static str,
    fuse: FuseIndex,
    index_ms: f64,
    keystroke_ms: Vec<f64>,
    misses: Vec<String>,
    /// How many queries with a first-result expectation it got right.
    first_right: usize,
}

#[wasm_bindgen_test]
async fn search_per_keystroke_over_the_whole_table_against_fuse() {
    let text = include_str!("../data/foods.tsv");
    let start = now_ms();
    let table = FoodTable::parse(text).expect("the committed table parses");
    let parsed = now_ms();
    let catalog = Catalog::new(table);
    let indexed = now_ms();

    let documents = fuse_documents(catalog.table());
    let fuse_class = fuse_class();
    let mut fuse_runs: Vec<FuseRun> = FUSE_SETUPS
        .iter()
        .map(|&(name, options)| {
            let options = JSON::parse(options).expect("the Fuse options are JSON");
            let before = now_ms();
            let fuse = Reflect::construct(&fuse_class, &Array::of2(&documents, &options))
                .expect("Fuse builds its index")
                .unchecked_into();
            FuseRun {
                name,
                fuse,
                index_ms: now_ms() - before,
                keystroke_ms: Vec::new(),
                misses: Vec::new(),
                first_right: 0,
            }
        })
        .collect();

    let queries = everyday_queries();
    let mut ours_ms = Vec::new();
    for q in &queries {
        let query = q.query;
        for (end, _) in query.char_indices().skip(1).chain([(query.len(), ' ')]) {
            let typed = &query[..end];
            let before = now_ms();
            for _ in 0..REPEATS {
                let found = catalog.search(typed, None, SortOrder::Relevance);
                std::hint::black_box(found.len());
            }
            ours_ms.push((now_ms() - before) / f64::from(REPEATS));
            for run in &mut fuse_runs {
                let before = now_ms();
                for _ in 0..FUSE_REPEATS {
                    std::hint::black_box(run.fuse.search(typed).length());
                }
                run.keystroke_ms
                    .push((now_ms() - before) / f64::from(FUSE_REPEATS));
            }
        }
        yield_to_browser().await;
    }

    let foods = catalog.table().foods();
    let mut ours_right = 0;
    let mut ours_first_right = 0;
    let with_first = queries.iter().filter(|q| !q.first.is_empty()).count();
    for q in &queries {
        let ours = catalog.search(q.query, None, SortOrder::Relevance);
        if is_right_first(q, ours.first().copied()) {
            ours_first_right += 1;
        }
        if ours.into_iter().take(3).any(|f| q.is_meant(&f.description)) {
            ours_right += 1;
        }
        for run in &mut fuse_runs {
            let theirs: Vec<&Food> = fuse_top(&run.fuse, q.query, 3)
                .iter()
                .filter_map(|&i| foods.get(i))
                .collect();
            if is_right_first(q, theirs.first().copied()) {
                run.first_right += 1;
            }
            if !theirs.iter().any(|f| q.is_meant(&f.description)) {
                run.misses.push(format!("{:?}", q.query));
            }
        }
    }

    let keystrokes = ours_ms.len();
    let ours_sorted_ms = sorted(ours_ms.clone());
    let ours_median_ms = percentile(&ours_sorted_ms, 0.5);
    console_log!(
        "BENCH search_per_keystroke queries={} keystrokes={} median_ms={:.3} p95_ms={:.3} max_ms={:.3} parse_ms={:.1} index_ms={:.1}",
        queries.len(),
        keystrokes,
        ours_median_ms,
        percentile(&ours_sorted_ms, 0.95),
        percentile(&ours_sorted_ms, 1.0),
        parsed - start,
        indexed - parsed
    );
    for run in &fuse_runs {
        // Keystrokes ours ran too fast to measure at all (0 ms) have no ratio.
        let ratios = sorted(
            ours_ms
                .iter()
                .zip(&run.keystroke_ms)
                .filter(|(ours, _)| **ours > 0.0)
                .map(|(ours, fuse)| fuse / ours)
                .collect(),
        );
        let ratio_of_totals = run.keystroke_ms.iter().sum::<f64>() / ours_ms.iter().sum::<f64>();
        let fuse_sorted_ms = sorted(run.keystroke_ms.clone());
        console_log!(
            "BENCH fuse_per_keystroke fuse=7.5.0 setup={} keystrokes={} repeats={FUSE_REPEATS} (ours {REPEATS}) median_ms={:.3} p95_ms={:.3} max_ms={:.3} index_ms={:.1}",
            run.name,
            keystrokes,
            percentile(&fuse_sorted_ms, 0.5),
            percentile(&fuse_sorted_ms, 0.95),
            percentile(&fuse_sorted_ms, 1.0),
            run.index_ms
        );
        console_log!(
            "BENCH fuse_over_ours setup={} median_of_keystroke_ratios={:.0}x (over {} keystrokes) ratio_of_medians={:.0}x ratio_of_totals={:.0}x",
            run.name,
            percentile(&ratios, 0.5),
            ratios.len(),
            percentile(&fuse_sorted_ms, 0.5) / ours_median_ms,
            ratio_of_totals
        );
    }
    let accuracy: Vec<String> = fuse_runs
        .iter()
        .map(|run| {
            format!(
                "fuse_{}={}/{}",
                run.name,
                queries.len() - run.misses.len(),
                queries.len()
            )
        })
        .collect();
    console_log!(
        "BENCH top3_accuracy queries={} ours={ours_right}/{} {}",
        queries.len(),
        queries.len(),
        accuracy.join(" ")
    );
    let first_accuracy: Vec<String> = fuse_runs
        .iter()
        .map(|run| format!("fuse_{}={}/{with_first}", run.name, run.first_right))
        .collect();
    console_log!(
        "BENCH first_accuracy queries={with_first} ours={ours_first_right}/{with_first} {}",
        first_accuracy.join(" ")
    );
    for run in &fuse_runs {
        console_log!(
            "BENCH fuse_misses setup={} {}",
            run.name,
            run.misses.join(" ")
        );
    }
}
