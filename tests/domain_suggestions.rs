//! Closing the gap over the real food table: the suggestions close it with the fewest calories,
//! in realistic portions, one per kind of food, never from hidden groups, baby foods or
//! supplements, and never panic whatever the gap.

use std::collections::HashSet;
use std::sync::OnceLock;

use magnesium_planner::domain::foods::{Food, FoodTable};
use magnesium_planner::domain::search::prior;
use magnesium_planner::domain::suggestions::{
    BABY_FOODS_GROUP, DEFAULT_LIMIT, EXCLUDED_GROUPS, INGREDIENT_WORDS, MAX_PORTION_GRAMS,
    MIN_PORTION_GRAMS, MIN_PRIOR, QUANTITY_STEPS, SUPPLEMENT_WORDS, Suggestion, food_kind,
    is_ingredient, is_suggestible, is_supplement_like, suggest_foods,
};
use proptest::prelude::*;

const NUT_AND_SEED_PRODUCTS: u16 = 1200;
const VEGETABLES: u16 = 1100;

fn table() -> &'static FoodTable {
    static TABLE: OnceLock<FoodTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        FoodTable::parse(include_str!("../data/foods.tsv"))
            .unwrap_or_else(|e| panic!("the committed table parses: {e}"))
    })
}

fn suggest(gap_mg: f64, hidden: &[u16]) -> Vec<Suggestion<'static>> {
    suggest_foods(table(), gap_mg, hidden, DEFAULT_LIMIT)
}

fn names<'a>(found: &[Suggestion<'a>]) -> Vec<&'a str> {
    found.iter().map(|s| s.food.description.as_str()).collect()
}

/// Everything every answer must satisfy, whatever was asked.
fn check_invariants(found: &[Suggestion<'_>], gap_mg: f64, hidden: &[u16], limit: usize) {
    let listed = names(found);
    assert!(
        found.len() <= limit,
        "{} > {limit}: {listed:?}",
        found.len()
    );
    if !gap_mg.is_finite() || gap_mg <= 0.0 {
        assert!(found.is_empty(), "gap {gap_mg}: {listed:?}");
    }
    let mut kinds = HashSet::new();
    for s in found {
        let food = s.food;
        let name = &food.description;
        assert!(!hidden.contains(&food.group_code), "hidden group: {name}");
        assert!(
            !EXCLUDED_GROUPS.contains(&food.group_code),
            "excluded group: {name}"
        );
        assert_ne!(food.group_code, BABY_FOODS_GROUP, "baby food: {name}");
        assert!(!is_supplement_like(name), "supplement: {name}");
        assert!(!is_ingredient(name), "ingredient: {name}");
        assert!(is_suggestible(food), "not suggestible: {name}");
        assert!(
            prior(name, food.group_code, food.portions.len()) >= MIN_PRIOR,
            "restaurant, branded or mixed: {name}"
        );
        assert!(
            kinds.insert(food_kind(name).to_lowercase()),
            "two of kind {:?}: {listed:?}",
            food_kind(name)
        );

        let mg_per_100g = food
            .magnesium_mg_per_100g
            .unwrap_or_else(|| panic!("no mg: {name}"));
        let kcal_per_100g = food
            .kcal_per_100g
            .unwrap_or_else(|| panic!("no kcal: {name}"));
        let first = food
            .portions
            .first()
            .unwrap_or_else(|| panic!("no portion: {name}"));
        assert_eq!(s.portion.label, first.label(), "{name}");
        assert_eq!(s.portion.grams, first.grams, "{name}");
        assert!(
            (MIN_PORTION_GRAMS..=MAX_PORTION_GRAMS).contains(&s.portion.grams),
            "{name}: {}",
            s.portion.label
        );
        assert!(
            QUANTITY_STEPS.contains(&s.quantity),
            "{name}: {}",
            s.quantity
        );
        assert_eq!(s.grams(), s.quantity * s.portion.grams);
        let expected_mg = mg_per_100g * s.grams() / 100.0;
        let expected_kcal = kcal_per_100g * s.grams() / 100.0;
        assert!((s.magnesium_mg - expected_mg).abs() < 1e-9, "{name}");
        assert!((s.kcal - expected_kcal).abs() < 1e-9, "{name}");
        assert!(s.magnesium_mg > 0.0, "{name}");

        // The quantity is the smallest step that closes the gap, or the largest if none does.
        let per_portion = mg_per_100g * s.portion.grams / 100.0;
        if s.closes_gap {
            assert!(
                s.magnesium_mg >= gap_mg,
                "{name}: {} < {gap_mg}",
                s.magnesium_mg
            );
            let smaller = QUANTITY_STEPS.iter().filter(|q| **q < s.quantity);
            for q in smaller {
                assert!(q * per_portion < gap_mg, "{name}: {q} portions would do");
            }
        } else {
            assert_eq!(
                s.quantity,
                QUANTITY_STEPS[QUANTITY_STEPS.len() - 1],
                "{name}"
            );
            assert!(s.magnesium_mg < gap_mg, "{name}");
        }
    }

    // Closing ones first, fewest calories first; then the rest, most magnesium first.
    let closing = found.iter().take_while(|s| s.closes_gap).count();
    assert!(
        found[closing..].iter().all(|s| !s.closes_gap),
        "a closing food after one that does not: {listed:?}"
    );
    for pair in found[..closing].windows(2) {
        assert!(pair[0].kcal <= pair[1].kcal, "not by kcal: {listed:?}");
    }
    for pair in found[closing..].windows(2) {
        assert!(
            pair[0].magnesium_mg >= pair[1].magnesium_mg,
            "not by magnesium: {listed:?}"
        );
    }
}

#[test]
fn everyday_gaps_get_five_foods_that_close_them_cheapest_first() {
    for gap in [1.0, 25.0, 50.0, 100.0, 150.0, 200.0, 300.0, 420.0] {
        let found = suggest(gap, &[]);
        check_invariants(&found, gap, &[], DEFAULT_LIMIT);
        assert_eq!(found.len(), DEFAULT_LIMIT, "gap {gap}: {:?}", names(&found));
        assert!(
            found.iter().all(|s| s.closes_gap),
            "gap {gap}: {:?}",
            names(&found)
        );
    }
}

/// Whether `food` could be suggested at all, worked out from the public rules alone.
fn eligible(food: &Food) -> Option<(f64, f64)> {
    let mg = food.magnesium_mg_per_100g.filter(|mg| *mg > 0.0)?;
    let kcal = food.kcal_per_100g?;
    let grams = food.portions.first()?.grams;
    let ok = (MIN_PORTION_GRAMS..=MAX_PORTION_GRAMS).contains(&grams)
        && !EXCLUDED_GROUPS.contains(&food.group_code)
        && is_suggestible(food);
    ok.then_some((mg * grams / 100.0, kcal * grams / 100.0))
}

#[test]
fn no_food_left_out_would_close_the_gap_with_fewer_calories() {
    for gap in [50.0, 150.0, 300.0] {
        let found = suggest(gap, &[]);
        let last_kcal = found.last().map_or(f64::INFINITY, |s| s.kcal);
        for food in table().foods() {
            let Some((mg_per_portion, kcal_per_portion)) = eligible(food) else {
                continue;
            };
            let Some(quantity) = QUANTITY_STEPS
                .into_iter()
                .find(|q| q * mg_per_portion >= gap)
            else {
                continue;
            };
            let kcal = quantity * kcal_per_portion;
            let kind = food_kind(&food.description);
            match found
                .iter()
                .find(|s| food_kind(&s.food.description).eq_ignore_ascii_case(kind))
            {
                // The shown food of its kind is the cheapest of that kind.
                Some(shown) => assert!(
                    shown.kcal <= kcal,
                    "gap {gap}: {} ({kcal} kcal) beats {}",
                    food.description,
                    shown.food.description
                ),
                None => assert!(
                    kcal >= last_kcal,
                    "gap {gap}: {} ({kcal} kcal) was left out of {:?}",
                    food.description,
                    names(&found)
                ),
            }
        }
    }
}

#[test]
fn hidden_groups_are_never_suggested() {
    let nuts_hidden = suggest(300.0, &[NUT_AND_SEED_PRODUCTS]);
    check_invariants(&nuts_hidden, 300.0, &[NUT_AND_SEED_PRODUCTS], DEFAULT_LIMIT);
    assert_eq!(nuts_hidden.len(), DEFAULT_LIMIT);

    // With the two groups that fill most lists hidden, the list still fills from the others.
    let hidden = [VEGETABLES, NUT_AND_SEED_PRODUCTS];
    for gap in [50.0, 150.0, 300.0, 5000.0] {
        let found = suggest(gap, &hidden);
        check_invariants(&found, gap, &hidden, DEFAULT_LIMIT);
        assert_eq!(found.len(), DEFAULT_LIMIT, "gap {gap}: {:?}", names(&found));
    }

    // The huge gap's list is seeds and nuts when nothing is hidden; hiding them changes it.
    let open = suggest(5000.0, &[]);
    assert!(
        open.iter()
            .any(|s| s.food.group_code == NUT_AND_SEED_PRODUCTS),
        "{:?}",
        names(&open)
    );
    let closed = suggest(5000.0, &[NUT_AND_SEED_PRODUCTS]);
    assert!(
        closed
            .iter()
            .all(|s| s.food.group_code != NUT_AND_SEED_PRODUCTS)
    );

    // Hiding every group leaves nothing to suggest.
    let every_group: Vec<u16> = table().groups().iter().map(|g| g.code).collect();
    assert!(suggest(150.0, &every_group).is_empty());
}

#[test]
fn a_gap_that_is_not_above_zero_or_not_finite_gets_nothing() {
    for gap in [
        0.0,
        -0.0,
        -1.0,
        -500.0,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ] {
        assert!(suggest(gap, &[]).is_empty(), "gap {gap}");
    }
    assert!(suggest_foods(table(), 150.0, &[], 0).is_empty());
}

#[test]
fn a_gap_no_food_can_close_gets_the_foods_that_come_closest() {
    let gap = 5000.0;
    let found = suggest(gap, &[]);
    check_invariants(&found, gap, &[], DEFAULT_LIMIT);
    assert_eq!(found.len(), DEFAULT_LIMIT);
    assert!(found.iter().all(|s| !s.closes_gap && s.quantity == 2.0));
    for pair in found.windows(2) {
        assert!(
            pair[0].magnesium_mg >= pair[1].magnesium_mg,
            "{:?}",
            names(&found)
        );
    }
    // Any number at all, however large or small, is answered without a panic.
    for gap in [f64::MAX, f64::MIN_POSITIVE, 1e-300, 1e300] {
        check_invariants(&suggest(gap, &[]), gap, &[], DEFAULT_LIMIT);
    }
}

#[test]
fn a_gap_between_gets_closing_foods_then_the_closest_others() {
    // Few foods close 1000 mg in two portions: those come first, then partial ones.
    let gap = 1000.0;
    let found = suggest_foods(table(), gap, &[], 20);
    check_invariants(&found, gap, &[], 20);
    assert!(found.iter().any(|s| s.closes_gap), "{:?}", names(&found));
    assert!(found.iter().any(|s| !s.closes_gap), "{:?}", names(&found));
}

#[test]
fn the_limit_is_respected_and_the_answer_is_the_same_every_time() {
    for limit in [1, 2, 3, DEFAULT_LIMIT, 12, 40] {
        let found = suggest_foods(table(), 150.0, &[], limit);
        check_invariants(&found, 150.0, &[], limit);
        assert_eq!(found.len(), limit);
        assert_eq!(found, suggest_foods(table(), 150.0, &[], limit));
        // A longer list starts with the shorter one.
        let longer = suggest_foods(table(), 150.0, &[], limit + 3);
        assert_eq!(found[..], longer[..limit]);
    }
}

#[test]
fn no_suggestion_is_a_supplement_a_baby_food_or_without_data() {
    let mut seen = 0;
    for gap in [5.0, 50.0, 150.0, 300.0, 600.0, 5000.0] {
        let found = suggest_foods(table(), gap, &[], 50);
        check_invariants(&found, gap, &[], 50);
        seen += found.len();
    }
    assert!(seen > 200);
}

#[test]
fn supplements_and_ingredients_are_recognised_by_name() {
    for name in [
        "Protein supplement, milk based, Muscle Milk, powder",
        "Beverages, UNILEVER, SLIMFAST Shake Mix, powder, 3-2-1 Plan",
        "Beverages, ABBOTT, ENSURE, Nutritional Shake, Ready-to-Drink",
        "Beverages, Whey protein powder isolate",
        "Soy protein isolate",
        "Peanut butter, smooth, vitamin and mineral fortified",
        "Nuts, formulated, wheat-based, unflavored, with salt added",
    ] {
        assert!(is_supplement_like(name), "{name}");
    }
    for name in [
        "Milk, nonfat, fluid, protein fortified, with added vitamin A and vitamin D (fat free and skim)",
        "Cereals, oats, instant, fortified, plain, prepared with water (boiling water added or microwaved)",
        "Peanut butter, smooth style, without salt",
        "Nuts, almonds",
    ] {
        assert!(!is_supplement_like(name), "{name}");
    }
    for name in [
        "Soy flour, defatted",
        "Seeds, cottonseed meal, partially defatted (glandless)",
        "Beans, black, mature seeds, raw",
        "Cocoa, dry powder, unsweetened",
    ] {
        assert!(is_ingredient(name), "{name}");
    }
    for name in [
        "Beans, black, mature seeds, cooked, boiled, without salt",
        "Cereals, oatmeal, cooked with water",
        "Chicken, broilers or fryers, breast, meat and skin, cooked, fried, flour",
        "Wheat bran, crude",
    ] {
        assert!(!is_ingredient(name), "{name}");
    }
    // Every word still matches something in the table, so none is dead weight.
    for word in SUPPLEMENT_WORDS.iter().chain(INGREDIENT_WORDS) {
        assert!(
            table()
                .foods()
                .iter()
                .any(|f| f.description.to_lowercase().contains(word)),
            "{word}"
        );
    }
}

#[test]
fn raw_meat_and_fish_are_not_suggested_but_raw_vegetables_are() {
    let is = |ndb: u32| {
        let food = table()
            .by_ndb(ndb)
            .unwrap_or_else(|| panic!("food {ndb} is in the table"));
        is_suggestible(food)
    };
    assert!(!is(90560), "Mollusks, snail, raw");
    assert!(!is(15078), "Fish, salmon, chinook, raw");
    assert!(is(11457), "Spinach, raw");
}

#[test]
fn kinds_are_the_food_named_not_how_it_was_prepared() {
    assert_eq!(food_kind("Spinach, raw"), "Spinach");
    assert_eq!(
        food_kind("Spinach, frozen, chopped or leaf, unprepared"),
        "Spinach"
    );
    assert_eq!(food_kind("Nuts, almonds"), "Nuts, almonds");
    assert_eq!(
        food_kind("Nuts, almonds, dry roasted, with salt added"),
        "Nuts, almonds"
    );
    assert_eq!(food_kind("Nuts, cashew nuts, raw"), "Nuts, cashew nuts");
    assert_eq!(
        food_kind("Seeds, pumpkin and squash seed kernels, roasted, without salt"),
        "Seeds, pumpkin and squash seed kernels"
    );
    assert_eq!(
        food_kind("Cereals ready-to-eat, wheat, puffed, fortified"),
        "Cereals ready-to-eat, wheat"
    );
    assert_eq!(food_kind("Molasses"), "Molasses");
    assert_eq!(food_kind("Nuts"), "Nuts");
    assert_eq!(food_kind(""), "");
}

/// Any gap at all: ordinary ones, tiny and huge ones, and the special values.
fn any_gap() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => 0.0..600.0f64,
        1 => 600.0..20_000.0f64,
        1 => any::<f64>(),
        1 => prop::sample::select(vec![
            0.0,
            -0.0,
            -1.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            f64::MAX,
        ]),
    ]
}

/// A random set of the table's group codes, sometimes with codes no group has.
fn any_hidden() -> impl Strategy<Value = Vec<u16>> {
    let codes: Vec<u16> = table().groups().iter().map(|g| g.code).collect();
    prop_oneof![
        3 => prop::sample::subsequence(codes.clone(), 0..=codes.len()),
        1 => prop::collection::vec(any::<u16>(), 0..6),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_gap_and_hidden_groups_give_a_sound_answer(
        gap in any_gap(),
        hidden in any_hidden(),
        limit in 0usize..12,
    ) {
        let found = suggest_foods(table(), gap, &hidden, limit);
        check_invariants(&found, gap, &hidden, limit);
    }
}
