//! Native Criterion benchmarks of the pure domain: reading the food table (whole, and as the page
//! does, from chunks of bytes), food search over the whole table (and building its index), a
//! day's totals for a large plan, and decoding what an import reads (an export file
//! of a realistic plan book, and a share code). Run with `cargo bench --bench domain`; it prints
//! figures and asserts nothing. Measurement times are kept short so the whole run takes about a
//! minute on two cores.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};
use magnesium_planner::domain::Settings;
use magnesium_planner::domain::catalog::{Catalog, CatalogBuilder, SortOrder};
use magnesium_planner::domain::choice::Choice;
use magnesium_planner::domain::foods::FoodTable;
use magnesium_planner::domain::plan::{
    DayTotals, DoseInput, MagnesiumTotal, Meal, Plan, TimeOfDay, portion_options,
};
use magnesium_planner::domain::plan_book::PlanBook;
use magnesium_planner::domain::supplements::{DoseBasis, form};
use magnesium_planner::domain::transfer::{
    decode_export, decode_share, encode_export, encode_share,
};

/// A handful of `benches/everyday-queries.tsv`: whole words, a prefix, typos, two words in
/// either order, and a single letter (the first keystroke, which matches the most words).
const QUERIES: [&str; 8] = [
    "almonds",
    "pumpk",
    "spinnach",
    "pumpkin seeds",
    "seeds pumpkin",
    "milk",
    "whole wheat bread",
    "s",
];

/// A fixed clock for the plans' change times (late 2025), in ms since the epoch.
const NOW_MS: f64 = 1_764_000_000_000.0;

fn table() -> FoodTable {
    FoodTable::parse(include_str!("../data/foods.tsv"))
        .expect("the committed data/foods.tsv parses")
}

/// The foods people actually look for: the first result of every everyday query, so that plans
/// are made of real foods with real portions.
fn everyday_ndbs(catalog: &Catalog) -> Vec<u32> {
    include_str!("everyday-queries.tsv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| line.split('\t').next())
        .filter_map(|query| {
            let found = catalog.search(query, None, SortOrder::Relevance);
            found.first().map(|food| food.ndb)
        })
        .collect()
}

/// A plan of `food_count` entries spread over the four meals, in each food's first portion and
/// varied quantities, plus three supplement doses (label amount, salt weight, two capsules).
fn plan_of(catalog: &Catalog, ndbs: &[u32], food_count: usize) -> Plan {
    let mut plan = Plan::default();
    for (i, &ndb) in ndbs.iter().cycle().take(food_count).enumerate() {
        let food = catalog
            .table()
            .by_ndb(ndb)
            .expect("a food found by search is in the table");
        let portion = portion_options(food)
            .into_iter()
            .next()
            .expect("every food has at least the weight portions");
        let quantity = 0.5 + (i % 4) as f64 * 0.5;
        let meal = Meal::ALL[i % Meal::ALL.len()];
        plan.add_food(ndb, portion, quantity, meal)
            .expect("a quantity of at most two portions is accepted");
    }
    let doses = [
        (
            "citrate",
            DoseBasis::Elemental,
            150.0,
            1.0,
            TimeOfDay::Morning,
        ),
        (
            "bisglycinate",
            DoseBasis::Compound,
            500.0,
            1.0,
            TimeOfDay::Evening,
        ),
        (
            "oxide",
            DoseBasis::Elemental,
            100.0,
            2.0,
            TimeOfDay::Bedtime,
        ),
    ];
    for (form_id, basis, amount_mg, units, time) in doses {
        let variant = form(form_id)
            .expect("a form the planner lists")
            .default_variant();
        plan.add_dose(DoseInput {
            product: None,
            form_id: form_id.to_owned(),
            variant_id: variant.id.to_owned(),
            basis,
            amount_mg,
            units,
            time: Some(time),
        })
        .expect("an everyday dose is accepted");
    }
    plan
}

fn configured() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
}

/// Reading `data/foods.tsv` into a table: at once, and as the page reads a download, in chunks of
/// 16 KB through `CatalogBuilder` (which then also builds the search index).
fn food_table(c: &mut Criterion) {
    let text = include_str!("../data/foods.tsv");
    let mut group = c.benchmark_group("food table");
    group.sampling_mode(SamplingMode::Flat).sample_size(20);
    group.bench_function(format!("read, {} KB", text.len() / 1000), |b| {
        b.iter(|| FoodTable::parse(black_box(text)).map(|t| t.foods().len()));
    });
    group.bench_function("read from 16 KB chunks and index", |b| {
        b.iter(|| {
            let mut builder = CatalogBuilder::receiving();
            let mut chunks = text.as_bytes().chunks(16_384);
            loop {
                if builder.wants_input() {
                    match chunks.next() {
                        Some(chunk) => builder.receive(chunk),
                        None => builder.end_of_input(),
                    }
                } else if let Some(catalog) = builder.step(64).expect("the committed table reads") {
                    break catalog.table().foods().len();
                }
            }
        });
    });
    group.finish();
}

fn search(c: &mut Criterion) {
    let table = table();
    let mut group = c.benchmark_group("search");
    // Building takes milliseconds: flat sampling keeps the iteration count, and the time, low.
    group.sampling_mode(SamplingMode::Flat).sample_size(20);
    group.bench_function("build index, 8,789 foods", |b| {
        b.iter_batched(|| table.clone(), Catalog::new, BatchSize::LargeInput);
    });
    group.sampling_mode(SamplingMode::Auto).sample_size(30);
    let catalog = Catalog::new(table);
    for query in QUERIES {
        group.bench_function(format!("query {query:?}"), |b| {
            b.iter(|| {
                catalog
                    .search(black_box(query), None, SortOrder::Relevance)
                    .len()
            });
        });
    }
    group.finish();
}

fn totals(c: &mut Criterion) {
    let catalog = Catalog::new(table());
    let ndbs = everyday_ndbs(&catalog);
    let plan = plan_of(&catalog, &ndbs, 100);
    let mut group = c.benchmark_group("totals");
    group.bench_function("day totals, 100 foods and 3 doses", |b| {
        b.iter(|| DayTotals::of(black_box(&plan), catalog.table()).total_mg());
    });
    // What the page adds up per meal for its subtotals.
    group.bench_function("meal subtotals, 100 foods", |b| {
        b.iter(|| {
            Meal::ALL
                .iter()
                .map(|&meal| {
                    MagnesiumTotal::of(black_box(&plan).meal_entries(meal), catalog.table())
                        .known_mg
                })
                .sum::<f64>()
        });
    });
    group.finish();
}

fn import(c: &mut Criterion) {
    let catalog = Catalog::new(table());
    let ndbs = everyday_ndbs(&catalog);
    // A realistic book: a month of days, each of a dozen foods and three doses; the foods
    // differ from day to day because each day starts further along the list.
    let mut book = PlanBook::with_plan("Day 1", plan_of(&catalog, &ndbs, 12), NOW_MS);
    for day in 2..=30 {
        let rotated: Vec<u32> = ndbs
            .iter()
            .cycle()
            .skip(day * 7)
            .take(12)
            .copied()
            .collect();
        book.add(
            &format!("Day {day}"),
            plan_of(&catalog, &rotated, 12),
            NOW_MS,
        );
    }
    let export = encode_export(&Settings::default(), &book, NOW_MS);
    let day_code = encode_share("Day 1", &book.plans[0].plan);
    let big_code = encode_share("Big day", &plan_of(&catalog, &ndbs, 100));

    let mut group = c.benchmark_group("import");
    group.bench_function(
        format!(
            "export file, 30 plans of 12 foods ({} KB)",
            export.len() / 1000
        ),
        |b| b.iter(|| decode_export(black_box(&export)).map(|i| i.plans.len())),
    );
    group.bench_function(
        format!("share code, 12 foods ({} chars)", day_code.len()),
        |b| b.iter(|| decode_share(black_box(&day_code)).map(|(_, p)| p.entries.len())),
    );
    group.bench_function(
        format!("share code, 100 foods ({} chars)", big_code.len()),
        |b| b.iter(|| decode_share(black_box(&big_code)).map(|(_, p)| p.entries.len())),
    );
    group.finish();
}

criterion_group! {
    name = domain;
    config = configured();
    targets = food_table, search, totals, import
}
criterion_main!(domain);
