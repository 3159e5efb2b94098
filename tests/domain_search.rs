//! Search over the real food table: the everyday queries people type find the food they mean in
//! the top three, and the search behaves as promised (word order, prefixes, plurals, one typo).

use std::sync::OnceLock;

use magnesium_planner::domain::catalog::{
    Catalog, CatalogBuilder, SortOrder, magnesium_mg_per_100kcal,
};
use magnesium_planner::domain::foods::{Food, FoodTable};
use magnesium_planner::domain::search::{stem, within_one_edit, words};
use proptest::prelude::*;

mod queries;
use queries::everyday_queries;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let table = FoodTable::parse(include_str!("../data/foods.tsv"))
            .unwrap_or_else(|e| panic!("the committed table parses: {e}"));
        Catalog::new(table)
    })
}

fn top(query: &str, n: usize) -> Vec<&'static Food> {
    catalog()
        .search(query, None, SortOrder::Relevance)
        .into_iter()
        .take(n)
        .collect()
}

#[test]
fn everyday_queries_find_the_food_people_mean_in_the_top_three() {
    let queries = everyday_queries();
    let mut misses = Vec::new();
    for (query, meant) in &queries {
        let found = top(query, 3);
        if !found
            .iter()
            .any(|f| meant.iter().any(|m| f.description.starts_with(m)))
        {
            let names: Vec<&str> = found.iter().map(|f| f.description.as_str()).collect();
            misses.push(format!("{query:?} -> {names:?}"));
        }
    }
    assert!(
        misses.is_empty(),
        "missed {} of {}:\n{}",
        misses.len(),
        queries.len(),
        misses.join("\n")
    );
    assert!(queries.len() >= 30);
}

#[test]
fn everyday_foods_come_before_baby_restaurant_and_mixed_dishes() {
    const UNLIKELY_GROUPS: [u16; 4] = [300, 2100, 2200, 3600];
    for query in [
        "spinach", "carrots", "apple", "banana", "chicken", "peas", "pears", "rice", "beef",
        "turkey", "cheese", "oats", "potato", "squash",
    ] {
        let first = top(query, 1);
        let Some(food) = first.first() else {
            panic!("{query} finds something")
        };
        assert!(
            !UNLIKELY_GROUPS.contains(&food.group_code),
            "{query} -> {}",
            food.description
        );
        assert!(
            !food.description.starts_with("Babyfood"),
            "{query} -> {}",
            food.description
        );
    }
}

#[test]
fn word_order_case_and_plurals_do_not_matter() {
    let ids = |q: &str| top(q, 10).iter().map(|f| f.ndb).collect::<Vec<_>>();
    assert_eq!(ids("pumpkin seeds"), ids("seeds pumpkin"));
    assert_eq!(ids("ALMONDS"), ids("almonds"));
    assert_eq!(ids("  Almonds, "), ids("almonds"));
    let almond = ids("almond");
    assert!(almond.contains(&12061), "almond finds almonds");
    assert!(ids("berry").iter().any(|n| ids("berries").contains(n)));
}

#[test]
fn prefixes_and_single_typos_match_but_not_short_words() {
    assert_eq!(top("pumpk", 1).first().map(|f| f.ndb), Some(11422));
    assert_eq!(top("spinnach", 1).first().map(|f| f.ndb), Some(11457));
    assert_eq!(
        top("sipnach", 1).first().map(|f| f.ndb),
        Some(11457),
        "a swap"
    );
    // Four letters is too short for a typo: "kall" must not find kale.
    assert!(
        top("kall", 20)
            .iter()
            .all(|f| !f.description.starts_with("Kale"))
    );
}

#[test]
fn empty_and_odd_queries_find_nothing_without_panicking() {
    for query in ["", "   ", ",,,", "🙂", "\u{202e}", "\0", "zzzzqqq"] {
        assert!(
            catalog()
                .search(query, None, SortOrder::Relevance)
                .is_empty(),
            "{query:?}"
        );
    }
}

#[test]
fn the_group_filter_and_sort_orders_work() {
    let nuts = catalog().search("salted", Some(1200), SortOrder::Relevance);
    assert!(!nuts.is_empty() && nuts.iter().all(|f| f.group_code == 1200));
    let by_100g = catalog().search("seeds", None, SortOrder::MagnesiumPer100g);
    let values: Vec<Option<f64>> = by_100g.iter().map(|f| f.magnesium_mg_per_100g).collect();
    let known: Vec<f64> = values.iter().flatten().copied().collect();
    assert!(known.windows(2).all(|w| w[0] >= w[1]), "descending");
    let first_unknown = values
        .iter()
        .position(Option::is_none)
        .unwrap_or(values.len());
    assert!(
        values[first_unknown..].iter().all(Option::is_none),
        "foods without data come last"
    );
    let by_kcal = catalog().search("spinach", None, SortOrder::MagnesiumPer100kcal);
    let densities: Vec<f64> = by_kcal
        .iter()
        .filter_map(|f| magnesium_mg_per_100kcal(f))
        .collect();
    assert!(densities.windows(2).all(|w| w[0] >= w[1]));
    assert!(
        catalog()
            .search("seeds", None, SortOrder::MagnesiumPerPortion)
            .len()
            == by_100g.len()
    );
}

#[test]
fn text_is_folded_and_stemmed_as_promised() {
    assert_eq!(
        words("Crème Brûlée, 2%").collect::<Vec<_>>(),
        ["creme", "brulee", "2"]
    );
    // Capitals without a plain-letter fold lower-case too; punctuation beyond ASCII
    // separates; other scripts stay words (which find nothing) rather than vanishing.
    assert_eq!(
        words("ÆBLE\u{a0}«ÞORN» — ÉPINARDS…µg").collect::<Vec<_>>(),
        ["æble", "þorn", "epinards", "µg"]
    );
    assert_eq!(words("шпинат 菠菜").collect::<Vec<_>>(), ["шпинат", "菠菜"]);
    assert!(
        catalog()
            .search("菠菜", None, SortOrder::Relevance)
            .is_empty()
    );
    assert!(
        !catalog()
            .search("SPÍNACH, RAW", None, SortOrder::Relevance)
            .is_empty()
    );
    assert_eq!(stem("berries"), stem("berry"));
    assert_eq!(stem("potatoes"), "potato");
    assert_eq!(stem("peaches"), "peach");
    assert_eq!(stem("almonds"), "almond");
    assert_eq!(stem("hummus"), "hummus");
    let chars = |s: &str| s.chars().collect::<Vec<_>>();
    assert!(within_one_edit(&chars("spinach"), &chars("spinnach")));
    assert!(within_one_edit(&chars("spinach"), &chars("sipnach")));
    assert!(!within_one_edit(&chars("spinach"), &chars("spniahc")));
}

proptest! {
    #[test]
    fn any_query_is_answered_without_panicking(query in "\\PC{0,30}") {
        let results = catalog().search(&query, None, SortOrder::MagnesiumPerPortion);
        prop_assert!(results.len() <= catalog().table().foods().len());
    }
}

#[test]
fn a_pasted_paragraph_is_searched_without_overflowing() {
    let long = "milk ".repeat(300);
    let found = catalog().search(&long, None, SortOrder::Relevance);
    assert!(
        found
            .iter()
            .take(3)
            .any(|f| f.description.starts_with("Milk"))
    );
}

/// The catalog as the page builds it: `work_units` lines or foods at a time.
fn built_in_slices(work_units: usize) -> Catalog {
    let mut builder = CatalogBuilder::new(include_str!("../data/foods.tsv").to_owned());
    loop {
        match builder.step(work_units) {
            Ok(Some(catalog)) => return catalog,
            Ok(None) => {}
            Err(error) => panic!("the committed table builds: {error}"),
        }
    }
}

proptest! {
    // Each case builds the whole catalog; a few slice sizes are enough to find a seam.
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn building_in_slices_finds_exactly_what_building_at_once_finds(work_units in 1_usize..3000) {
        let sliced = built_in_slices(work_units);
        prop_assert_eq!(sliced.table().foods().len(), catalog().table().foods().len());
        for (query, _) in everyday_queries() {
            let ndbs = |c: &Catalog| -> Vec<u32> {
                c.search(query, None, SortOrder::Relevance).iter().map(|f| f.ndb).collect()
            };
            prop_assert_eq!(ndbs(&sliced), ndbs(catalog()), "{}", query);
        }
    }
}
