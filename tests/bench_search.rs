//! A benchmark, not a test (it asserts nothing about time): how long the search takes per
//! keystroke in the browser over the whole table, typing each query of `benches/everyday-queries.tsv`
//! one letter at a time. Run by `scripts/bench.sh` in release mode; `scripts/test.sh` skips it.
#![cfg(target_arch = "wasm32")]

use magnesium_planner::domain::catalog::{Catalog, SortOrder};
use magnesium_planner::domain::foods::FoodTable;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Chromium rounds `performance.now()` to 0.1 ms here, so each keystroke's search is repeated
/// and the mean taken.
const REPEATS: u32 = 20;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).copied().unwrap_or(f64::NAN)
}

#[wasm_bindgen_test]
fn search_per_keystroke_over_the_whole_table() {
    let text = include_str!("../data/foods.tsv");
    let start = now_ms();
    let table = FoodTable::parse(text).expect("the committed table parses");
    let parsed = now_ms();
    let catalog = Catalog::new(table);
    let indexed = now_ms();

    let queries: Vec<&str> = include_str!("../benches/everyday-queries.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        .collect();
    let mut times_ms = Vec::new();
    for query in &queries {
        for (end, _) in query.char_indices().skip(1).chain([(query.len(), ' ')]) {
            let typed = &query[..end];
            let before = now_ms();
            for _ in 0..REPEATS {
                let found = catalog.search(typed, None, SortOrder::Relevance);
                std::hint::black_box(found.len());
            }
            times_ms.push((now_ms() - before) / f64::from(REPEATS));
        }
    }
    times_ms.sort_by(f64::total_cmp);
    console_log!(
        "BENCH search_per_keystroke queries={} keystrokes={} median_ms={:.3} p95_ms={:.3} max_ms={:.3} parse_ms={:.1} index_ms={:.1}",
        queries.len(),
        times_ms.len(),
        percentile(&times_ms, 0.5),
        percentile(&times_ms, 0.95),
        percentile(&times_ms, 1.0),
        parsed - start,
        indexed - parsed
    );
}
