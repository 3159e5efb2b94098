//! Search over the real food table: the everyday queries people type find the food they mean in
//! the top three, staples come first in the state people eat them (and in the state a query asks
//! for), and the search behaves as promised (word order, prefixes, plurals, one typo).

use std::sync::OnceLock;

use magnesium_planner::domain::catalog::{
    Catalog, CatalogBuilder, SortOrder, magnesium_mg_per_100kcal,
};
use magnesium_planner::domain::foods::{Food, FoodTable};
use magnesium_planner::domain::search::{
    FoodState, food_state, is_volume_measure, state_as_eaten_prior, stem, uncooked_by_volume,
    within_one_edit, words,
};
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

fn first(query: &str) -> &'static Food {
    top(query, 1)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{query:?} finds something"))
}

fn by_description(description: &str) -> &'static Food {
    catalog()
        .table()
        .foods()
        .iter()
        .find(|f| f.description == description)
        .unwrap_or_else(|| panic!("the table has {description:?}"))
}

#[test]
fn everyday_queries_find_the_food_people_mean_in_the_top_three() {
    let queries = everyday_queries();
    let mut misses = Vec::new();
    for q in &queries {
        let found = top(q.query, 3);
        if !found.iter().any(|f| q.is_meant(&f.description)) {
            let names: Vec<&str> = found.iter().map(|f| f.description.as_str()).collect();
            misses.push(format!("{:?} -> {names:?}", q.query));
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
fn staples_come_first_as_people_eat_them() {
    let queries = everyday_queries();
    let judged: Vec<_> = queries.iter().filter(|q| !q.first.is_empty()).collect();
    let mut misses = Vec::new();
    for q in &judged {
        let found = first(q.query);
        if !q.is_right_first(&found.description) {
            misses.push(format!("{:?} -> {:?}", q.query, found.description));
        }
    }
    assert!(
        misses.is_empty(),
        "wrong first result for {} of {}:\n{}",
        misses.len(),
        judged.len(),
        misses.join("\n")
    );
    // The staples, not counting the queries that name a state ("dry lentils").
    let staples = judged
        .iter()
        .filter(|q| q.query.split(' ').all(|w| !STATE_WORDS.contains(&w)))
        .count();
    assert!(staples >= 30, "{staples} staples have a first result");
}

/// Words a query uses to name a state.
const STATE_WORDS: [&str; 6] = ["dry", "dried", "raw", "uncooked", "decaf", "instant"];

#[test]
fn the_table_of_everyday_queries_is_well_formed() {
    let text = include_str!("../benches/everyday-queries.tsv");
    let rows = text
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty());
    for line in rows {
        let columns = line.split('\t').count();
        assert!((2..=3).contains(&columns), "{line:?} has {columns} columns");
    }
    let queries = everyday_queries();
    assert_eq!(
        queries.len(),
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count()
    );
    for q in &queries {
        for description in &q.first {
            // A first result names a real food, and one the top-three column accepts too.
            by_description(description);
            assert!(
                q.is_meant(description),
                "{:?}: {description:?} is not meant",
                q.query
            );
        }
    }
}

#[test]
fn staples_eaten_cooked_come_cooked_unless_the_query_names_a_raw_or_dry_state() {
    for staple in [
        "brown rice",
        "white rice",
        "wild rice",
        "black beans",
        "kidney beans",
        "pinto beans",
        "navy beans",
        "lentils",
        "chickpeas",
        "split peas",
        "quinoa",
        "pasta",
        "barley",
        "couscous",
        "bulgur",
        "millet",
        "oats",
    ] {
        let plain = first(staple);
        assert_eq!(
            food_state(&plain.description),
            Some(FoodState::Cooked),
            "{staple} -> {}",
            plain.description
        );
        // The dry form is still among the results the page shows for the plain query.
        assert!(
            top(staple, 30).iter().any(|f| matches!(
                food_state(&f.description),
                Some(FoodState::Raw | FoodState::Dry)
            )),
            "{staple} lists a dry or raw form"
        );
        for state in ["dry", "dried", "raw", "uncooked"] {
            for query in [format!("{state} {staple}"), format!("{staple} {state}")] {
                let found = first(&query);
                assert!(
                    matches!(
                        food_state(&found.description),
                        Some(FoodState::Raw | FoodState::Dry)
                    ),
                    "{query} -> {}",
                    found.description
                );
                // The dry food, not fresh sprouts ("raw" may fairly mean either).
                if state != "raw" {
                    assert_eq!(
                        found.group_code, plain.group_code,
                        "{query} -> {}",
                        found.description
                    );
                }
            }
        }
        let cooked = first(&format!("cooked {staple}"));
        assert_eq!(food_state(&cooked.description), Some(FoodState::Cooked));
    }
}

#[test]
fn dry_forms_stay_findable_when_asked_for() {
    for (query, expected) in [
        ("dry lentils", "Lentils, raw"),
        ("lentils dry", "Lentils, raw"),
        ("uncooked quinoa", "Quinoa, uncooked"),
        ("raw quinoa", "Quinoa, uncooked"),
        ("raw brown rice", "Rice, brown, long-grain, raw"),
        ("uncooked brown rice", "Rice, brown, long-grain, raw"),
        ("dry pasta", "Pasta, dry, enriched"),
        ("uncooked pasta", "Pasta, dry, enriched"),
        (
            "dried chickpeas",
            "Chickpeas (garbanzo beans, bengal gram), mature seeds, raw",
        ),
        ("dry black beans", "Beans, black, mature seeds, raw"),
        (
            "rolled oats dry",
            "Cereals, oats, regular and quick, not fortified, dry",
        ),
        (
            "coffee powder",
            "Beverages, coffee, instant, regular, powder",
        ),
        ("raw egg", "Egg, whole, raw, fresh"),
        (
            "decaffeinated tea",
            "Beverages, tea, black, brewed, prepared with tap water, decaffeinated",
        ),
        ("dried figs", "Figs, dried, uncooked"),
        ("raw figs", "Figs, raw"),
    ] {
        assert_eq!(first(query).description, expected, "{query}");
    }
    // Decaffeinated coffee, brewed or instant, made up as drunk rather than the powder.
    for query in [
        "decaf coffee",
        "decaffeinated coffee",
        "coffee decaffeinated",
    ] {
        let found = first(query);
        assert!(
            found.description.contains("decaffeinated")
                && food_state(&found.description) == Some(FoodState::Cooked),
            "{query} -> {}",
            found.description
        );
    }
}

#[test]
fn regular_brewed_coffee_and_tea_come_before_decaffeinated_and_powder() {
    for (query, regular) in [
        (
            "coffee",
            "Beverages, coffee, brewed, prepared with tap water",
        ),
        (
            "tea",
            "Beverages, tea, black, brewed, prepared with tap water",
        ),
        (
            "black tea",
            "Beverages, tea, black, brewed, prepared with tap water",
        ),
        ("green tea", "Beverages, tea, green, brewed, regular"),
    ] {
        let found = top(query, 30);
        let at = |description: &str| found.iter().position(|f| f.description == description);
        let regular_at = at(regular).unwrap_or_else(|| panic!("{query} finds {regular}"));
        assert_eq!(regular_at, 0, "{query}");
        for other in &found {
            let words: Vec<String> = words(&other.description).collect();
            if words.iter().any(|w| w == "decaffeinated" || w == "powder") {
                assert!(regular_at < at(&other.description).unwrap_or(usize::MAX));
            }
        }
    }
}

#[test]
fn a_cut_without_its_animal_means_the_usual_one() {
    // Steak is beef, chops are pork, when the query names no animal.
    for (query, animal) in [
        ("steak", "Beef"),
        ("steaks", "Beef"),
        ("chops", "Pork"),
        ("ribs", "Beef"),
    ] {
        for food in top(query, 5) {
            assert!(
                food.description.starts_with(animal),
                "{query} -> {}",
                food.description
            );
        }
    }
    // Naming the animal wins over the usual one.
    for (query, animal) in [
        ("pork steak", "Pork"),
        ("lamb chop", "Lamb"),
        ("veal ribs", "Veal"),
    ] {
        assert!(
            first(query).description.starts_with(animal),
            "{query} -> {}",
            first(query).description
        );
    }
    // A cut shared about equally ("loin": beef 152, pork 127 foods) favours neither.
    let loin: Vec<&str> = top("loin", 40)
        .iter()
        .map(|f| f.description.as_str())
        .collect();
    assert!(
        loin.iter().any(|d| d.starts_with("Beef")) && loin.iter().any(|d| d.starts_with("Pork"))
    );
}

#[test]
fn food_state_reads_the_last_state_word_of_a_usda_name() {
    for (description, state) in [
        ("Rice, brown, long-grain, raw", Some(FoodState::Raw)),
        ("Rice, brown, long-grain, cooked", Some(FoodState::Cooked)),
        ("Quinoa, uncooked", Some(FoodState::Raw)),
        ("Pasta, dry, enriched", Some(FoodState::Dry)),
        (
            "Beverages, coffee, instant, regular, powder",
            Some(FoodState::Dry),
        ),
        (
            "Beverages, coffee, brewed, prepared with tap water",
            Some(FoodState::Cooked),
        ),
        ("Figs, dried, uncooked", Some(FoodState::Dry)),
        ("Figs, dried, stewed", Some(FoodState::Cooked)),
        ("Buckwheat groats, roasted, dry", Some(FoodState::Dry)),
        (
            "Peanuts, all types, dry-roasted, with salt",
            Some(FoodState::Cooked),
        ),
        (
            "Fish, salmon, Atlantic, farmed, cooked, dry heat",
            Some(FoodState::Cooked),
        ),
        ("Spinach, frozen, chopped or leaf, unprepared", None),
        ("Oats", None),
        ("Nuts, almonds", None),
        ("", None),
    ] {
        assert_eq!(food_state(description), state, "{description}");
    }
}

#[test]
fn the_state_as_eaten_prior_favours_only_cooked_foods_of_kinds_eaten_cooked() {
    let prior = |description: &str| {
        state_as_eaten_prior(description, by_description(description).group_code)
    };
    assert!(prior("Rice, brown, long-grain, cooked") > prior("Rice, brown, long-grain, raw"));
    assert!(prior("Beans, black, mature seeds, cooked, boiled, without salt") > 0.0);
    assert!(prior("Egg, whole, cooked, hard-boiled") > prior("Egg, whole, raw, fresh"));
    assert!(
        prior("Beverages, coffee, brewed, prepared with tap water")
            > prior("Beverages, coffee, brewed, prepared with tap water, decaffeinated")
    );
    // Raw and dry forms lose nothing, so a query naming the state ranks them as before.
    assert_eq!(prior("Lentils, raw"), 0.0);
    assert_eq!(prior("Pasta, dry, enriched"), 0.0);
    // Vegetables and fruit are eaten raw too; milk "canned" and a canned drink are not cooked
    // as eaten; a can's whole contents come after the drained or boiled food.
    for unfavoured in [
        "Spinach, cooked, boiled, drained, without salt",
        "Milk, canned, evaporated, with added vitamin D and without added vitamin A",
        "Beverages, grape juice drink, canned",
        "Chickpeas (garbanzo beans, bengal gram), mature seeds, canned, solids and liquids",
        "Nuts, almonds, dry roasted, without salt added",
    ] {
        assert_eq!(prior(unfavoured), 0.0, "{unfavoured}");
    }
}

#[test]
fn measuring_an_uncooked_grain_or_legume_by_volume_is_pointed_out() {
    let state = |description: &str, measure: &str| {
        uncooked_by_volume(description, by_description(description).group_code, measure)
    };
    assert_eq!(
        state("Rice, brown, long-grain, raw", "cup"),
        Some(FoodState::Raw)
    );
    assert_eq!(state("Quinoa, uncooked", "cup"), Some(FoodState::Raw));
    assert_eq!(state("Lentils, raw", "tablespoon"), Some(FoodState::Raw));
    assert_eq!(
        state("Pasta, dry, enriched", "cup spaghetti"),
        Some(FoodState::Dry)
    );
    assert_eq!(
        state(
            "Cereals, oats, regular and quick, not fortified, dry",
            "cup"
        ),
        Some(FoodState::Dry)
    );
    // A weight is a weight, cooked food is what is on the plate, and foods not cooked in
    // water (raw peanuts, flour, raw vegetables, heat-and-eat products) are left alone.
    for (description, measure) in [
        ("Rice, brown, long-grain, raw", "oz"),
        ("Rice, brown, long-grain, cooked", "cup"),
        ("Peanuts, all types, raw", "cup"),
        ("Soy flour, full-fat, raw", "cup, stirred"),
        ("Spinach, raw", "cup"),
        (
            "MORNINGSTAR FARMS Chipotle Black Bean Crumbles, frozen, unprepared",
            "cup",
        ),
    ] {
        assert_eq!(
            state(description, measure),
            None,
            "{description}, {measure}"
        );
    }
    assert!(
        is_volume_measure("fl oz")
            && is_volume_measure("Tbsp")
            && is_volume_measure("cup, chopped")
    );
    assert!(!is_volume_measure("oz") && !is_volume_measure("slice") && !is_volume_measure(""));
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
        for q in everyday_queries() {
            let ndbs = |c: &Catalog| -> Vec<u32> {
                c.search(q.query, None, SortOrder::Relevance).iter().map(|f| f.ndb).collect()
            };
            prop_assert_eq!(ndbs(&sliced), ndbs(catalog()), "{}", q.query);
        }
    }
}
