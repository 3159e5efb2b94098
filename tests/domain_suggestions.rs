//! Closing the gap over the real food table: everyday foods that close it with the fewest
//! calories, in usual portions, one per kind of food, never from hidden groups, never wild
//! greens, canning liquid, crude bran, raw sprouts, dry forms, baby foods or supplements, none
//! for infants, and never a panic whatever the gap. The table of profiles at the end is what a
//! dietitian would accept, written from NIH ODS's and Dietitians of Canada's lists of food
//! sources rather than from the code's own list.

use std::collections::HashSet;
use std::sync::OnceLock;

use magnesium_planner::domain::foods::{Food, FoodTable};
use magnesium_planner::domain::search::prior;
use magnesium_planner::domain::suggestions::{
    BABY_FOODS_GROUP, DEFAULT_LIMIT, EXCLUDED_GROUPS, GapOffer, INGREDIENT_WORDS,
    MAX_PORTION_GRAMS, MAX_SUGGESTION_KCAL, MIN_PORTION_GRAMS, MIN_PRIOR, QUANTITY_STEPS, Refusal,
    SUPPLEMENT_WORDS, Suggestion, everyday_foods, food_kind, has_words, is_everyday, is_ingredient,
    is_suggestible, is_supplement_like, offer_for_gap, refusal, suggest_foods, usual_portion,
};
use magnesium_planner::domain::{AgeYears, Authority, Profile, Sex, Stage, reference_values};
use proptest::prelude::*;

const DAIRY: u16 = 100;
const POULTRY: u16 = 500;
const SAUSAGES: u16 = 700;
const FRUITS: u16 = 900;
const PORK: u16 = 1000;
const VEGETABLES: u16 = 1100;
const NUT_AND_SEED_PRODUCTS: u16 = 1200;
const BEEF: u16 = 1300;
const FISH: u16 = 1500;
const LEGUMES: u16 = 1600;
const LAMB_AND_GAME: u16 = 1700;

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

fn food_named(description: &str) -> &'static Food {
    table()
        .foods()
        .iter()
        .find(|f| f.description == description)
        .unwrap_or_else(|| panic!("{description:?} is in the table"))
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
        assert_eq!(refusal(food), None, "refused: {name}");
        assert!(is_everyday(name), "not everyday: {name}");
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
        let usual = usual_portion(food).unwrap_or_else(|| panic!("no portion: {name}"));
        assert_eq!(s.portion.label, usual.label(), "{name}");
        assert_eq!(s.portion.grams, usual.grams, "{name}");
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
        assert!(s.kcal <= MAX_SUGGESTION_KCAL, "{name}: {} kcal", s.kcal);

        // The quantity is the smallest step that closes the gap, or the largest within the
        // energy cap if none does.
        let per_portion_mg = mg_per_100g * s.portion.grams / 100.0;
        let per_portion_kcal = kcal_per_100g * s.portion.grams / 100.0;
        if s.closes_gap {
            assert!(
                s.magnesium_mg >= gap_mg,
                "{name}: {} < {gap_mg}",
                s.magnesium_mg
            );
            let smaller = QUANTITY_STEPS.iter().filter(|q| **q < s.quantity);
            for q in smaller {
                assert!(q * per_portion_mg < gap_mg, "{name}: {q} portions would do");
            }
        } else {
            assert!(s.magnesium_mg < gap_mg, "{name}");
            let larger = QUANTITY_STEPS.iter().filter(|q| **q > s.quantity);
            for q in larger {
                assert!(
                    q * per_portion_kcal > MAX_SUGGESTION_KCAL,
                    "{name}: {q} portions were allowed"
                );
            }
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
    for gap in [1.0, 25.0, 50.0, 100.0, 150.0] {
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

/// Whether `food` could be suggested at all, worked out from the public rules alone: its
/// magnesium and energy per usual portion.
fn eligible(food: &Food) -> Option<(f64, f64)> {
    let mg = food.magnesium_mg_per_100g.filter(|mg| *mg > 0.0)?;
    let kcal = food.kcal_per_100g?;
    let grams = usual_portion(food)?.grams;
    let ok = (MIN_PORTION_GRAMS..=MAX_PORTION_GRAMS).contains(&grams)
        && !EXCLUDED_GROUPS.contains(&food.group_code)
        && is_suggestible(food);
    ok.then_some((mg * grams / 100.0, kcal * grams / 100.0))
}

#[test]
fn no_food_left_out_would_close_the_gap_with_fewer_calories() {
    for gap in [50.0, 150.0, 250.0] {
        let found = suggest(gap, &[]);
        let last_kcal = found.last().map_or(f64::INFINITY, |s| s.kcal);
        for food in table().foods() {
            let Some((mg_per_portion, kcal_per_portion)) = eligible(food) else {
                continue;
            };
            let Some(quantity) = QUANTITY_STEPS
                .into_iter()
                .find(|q| q * mg_per_portion >= gap && q * kcal_per_portion <= MAX_SUGGESTION_KCAL)
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

    // The huge gap's list has seeds when nothing is hidden; hiding them changes it.
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
    assert!(found.iter().all(|s| !s.closes_gap));
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
    // Few foods close 300 mg within a snack's energy: those come first, then partial ones.
    let gap = 300.0;
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
        check_dietitian_would_accept(&found, &format!("gap {gap}, up to 50"));
        seen += found.len();
    }
    assert!(seen > 200);
}

#[test]
fn the_issue_s_foods_are_refused_for_the_reason_they_are_wrong() {
    for (description, why) in [
        ("Dock, raw", Refusal::WildGreen),
        ("Purslane, raw", Refusal::WildGreen),
        (
            "Purslane, cooked, boiled, drained, without salt",
            Refusal::WildGreen,
        ),
        ("Lambsquarters, raw", Refusal::WildGreen),
        ("Amaranth leaves, raw", Refusal::WildGreen),
        (
            "Cowpeas, leafy tips, cooked, boiled, drained, without salt",
            Refusal::WildGreen,
        ),
        (
            "Swamp cabbage, (skunk cabbage), raw",
            Refusal::ToxicLookAlike,
        ),
        (
            "Swamp cabbage (skunk  cabbage), cooked, boiled, drained, without salt",
            Refusal::ToxicLookAlike,
        ),
        ("Pokeberry shoots, (poke), raw", Refusal::ToxicLookAlike),
        ("Fiddlehead ferns, raw", Refusal::ToxicLookAlike),
        ("Mushrooms, morel, raw", Refusal::ToxicLookAlike),
        (
            "Spinach, canned, regular pack, solids and liquids",
            Refusal::CanningLiquid,
        ),
        (
            "Beans, pinto, mature seeds, canned, solids and liquids",
            Refusal::CanningLiquid,
        ),
        ("Wheat bran, crude", Refusal::CrudeBran),
        ("Rice bran, crude", Refusal::CrudeBran),
        ("Wheat germ, crude", Refusal::CrudeBran),
        ("Oat bran, raw", Refusal::CrudeBran),
        ("Alfalfa seeds, sprouted, raw", Refusal::RawSprouts),
        (
            "Beans, navy, mature seeds, sprouted, raw",
            Refusal::RawSprouts,
        ),
        (
            "Mung beans, mature seeds, sprouted, raw",
            Refusal::RawSprouts,
        ),
        ("Quinoa, uncooked", Refusal::NotAsEaten),
        ("Rice, brown, long-grain, raw", Refusal::NotAsEaten),
        ("Wild rice, raw", Refusal::NotAsEaten),
        ("Buckwheat groats, roasted, dry", Refusal::NotAsEaten),
        (
            "Cereals, oats, regular and quick, not fortified, dry",
            Refusal::NotAsEaten,
        ),
        ("Okra, frozen, unprepared", Refusal::NotAsEaten),
        ("Beans, black, mature seeds, raw", Refusal::Ingredient),
        ("Cocoa, dry powder, unsweetened", Refusal::Ingredient),
        ("Fish, salmon, chinook, raw", Refusal::RawMeatOrFish),
        ("Nuts, brazilnuts, dried, unblanched", Refusal::NotEveryday),
        (
            "Balsam-pear (bitter gourd), leafy tips, cooked, boiled, drained, with salt",
            Refusal::WildGreen,
        ),
        ("Nopales, raw", Refusal::NotEveryday),
        (
            "Seeds, sisymbrium sp. seeds, whole, dried",
            Refusal::NotEveryday,
        ),
        (
            "Yogurt, Greek, nonfat, vanilla, CHOBANI",
            Refusal::RestaurantOrBrand,
        ),
    ] {
        assert_eq!(refusal(food_named(description)), Some(why), "{description}");
    }
    // Whole words only: haddock is not dock, Brussels sprouts are not raw sprouts, and dried
    // fruit sold "uncooked" is eaten as it is.
    for description in [
        "Fish, haddock, cooked, dry heat",
        "Brussels sprouts, raw",
        "Figs, dried, uncooked",
        "Spinach, cooked, boiled, drained, without salt",
        "Spinach, canned, regular pack, drained solids",
        "Tofu, raw, firm, prepared with calcium sulfate",
        "Soybeans, mature seeds, dry roasted",
        "Oat bran, cooked",
    ] {
        let food = food_named(description);
        assert!(
            !matches!(
                refusal(food),
                Some(
                    Refusal::WildGreen
                        | Refusal::ToxicLookAlike
                        | Refusal::RawSprouts
                        | Refusal::NotAsEaten
                        | Refusal::CrudeBran
                        | Refusal::CanningLiquid
                )
            ),
            "{description}: {:?}",
            refusal(food)
        );
    }
    assert!(has_words("Swamp cabbage (skunk  cabbage)", "skunk cabbage"));
    assert!(!has_words("Fish, haddock, raw", "dock"));
    assert!(!has_words("anything", ""));
}

#[test]
fn every_everyday_prefix_names_a_food_that_can_be_suggested() {
    // A prefix that matches nothing, or only refused forms, is a typing slip or dead weight.
    for prefix in everyday_foods() {
        assert!(
            table().foods().iter().any(|f| is_everyday(&f.description)
                && f.description
                    .to_lowercase()
                    .starts_with(&prefix.to_lowercase())
                && eligible(f).is_some()),
            "{prefix:?}"
        );
    }
}

#[test]
fn nuts_and_seeds_come_by_the_handful_and_a_banana_whole() {
    let portion = |description: &str| {
        usual_portion(food_named(description))
            .map(|p| p.label())
            .unwrap_or_default()
    };
    assert_eq!(
        portion("Seeds, pumpkin and squash seed kernels, roasted, without salt"),
        "1 oz (28.35 g)"
    );
    assert_eq!(
        portion("Nuts, almonds"),
        "1 oz (23 whole kernels) (28.35 g)"
    );
    assert_eq!(
        portion("Peanut butter, smooth style, without salt"),
        "2 tbsp (32 g)"
    );
    assert!(
        portion("Bananas, raw").contains("medium"),
        "{}",
        portion("Bananas, raw")
    );
    assert_eq!(
        portion("Spinach, cooked, boiled, drained, without salt"),
        "1 cup (180 g)"
    );
}

/// A description, lower-cased, that no dietitian would accept as a way to close a gap, with why.
fn dietitian_refuses(description: &str, group_code: u16) -> Option<&'static str> {
    let d = description.to_lowercase();
    let words: Vec<&str> = d
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let word = |w: &str| words.contains(&w);
    let part = |p: &str| d.split(',').any(|x| x.trim() == p);
    let checks: [(bool, &'static str); 14] = [
        (
            [
                "dock",
                "purslane",
                "lambsquarters",
                "nettles",
                "fireweed",
                "borage",
                "jute",
            ]
            .iter()
            .any(|w| word(w)),
            "a wild green",
        ),
        (
            d.contains("skunk") || word("poke") || word("pokeberry"),
            "a toxic look-alike",
        ),
        (
            d.contains("leafy tips") || word("leaves"),
            "leaves shops do not sell",
        ),
        (
            d.contains("and liquid") || d.contains("total can contents"),
            "canning liquid",
        ),
        (word("crude"), "crude bran or germ"),
        (word("bran") && part("raw"), "raw bran by the cup"),
        (word("sprouted") && !word("cooked"), "raw sprouts"),
        (
            part("dry") || part("unprepared") || part("uncooked") && group_code != FRUITS,
            "not as eaten",
        ),
        (group_code == 2000 && word("raw"), "raw grain"),
        (d.contains("mature seeds, raw"), "dry pulses"),
        (word("brazilnuts"), "too much selenium"),
        (word("cocoa") || word("powder"), "a powder"),
        (
            [POULTRY, SAUSAGES, PORK, BEEF, FISH, LAMB_AND_GAME].contains(&group_code)
                && part("raw"),
            "raw meat or fish",
        ),
        (
            group_code == BABY_FOODS_GROUP || is_supplement_like(description),
            "baby food or a supplement",
        ),
    ];
    checks
        .iter()
        .find(|(refused, _)| *refused)
        .map(|(_, why)| *why)
}

/// Kinds of food ([`food_kind`], lower-cased) a dietitian would accept to close a magnesium gap:
/// the foods named by NIH ODS's Table 2 and Dietitians of Canada's "Food Sources of Magnesium",
/// and their near relatives sold in the same shops.
const DIETITIAN_ACCEPTS: &[&str] = &[
    "spinach",
    "chard",
    "beet greens",
    "kale",
    "collards",
    "broccoli",
    "okra",
    "artichokes",
    "brussels sprouts",
    "peas",
    "edamame",
    "soybeans",
    "lima beans",
    "potatoes",
    "sweet potato",
    "squash",
    "avocados",
    "bananas",
    "prickly pears",
    "figs",
    "raisins",
    "plums",
    "beans",
    "chickpeas (garbanzo beans",
    "lentils",
    "cowpeas",
    "tofu",
    "tempeh",
    "hummus",
    "soymilk",
    "soymilk (all flavors)",
    "peanuts",
    "peanut butter",
    "nuts, almonds",
    "nuts, almond butter",
    "nuts, cashew nuts",
    "nuts, cashew butter",
    "nuts, mixed nuts",
    "nuts, walnuts",
    "nuts, pistachio nuts",
    "nuts, pecans",
    "nuts, hazelnuts or filberts",
    "nuts, pine nuts",
    "nuts, macadamia nuts",
    "seeds, pumpkin and squash seed kernels",
    "seeds, sunflower seed kernels",
    "seeds, sunflower seed kernels from shell",
    "seeds, chia seeds",
    "seeds, flaxseed",
    "seeds, sesame seeds",
    "seeds, sesame seed kernels",
    "seeds, sesame butter",
    "seeds, hemp seed",
    "rice",
    "wild rice",
    "quinoa",
    "buckwheat groats",
    "bulgur",
    "millet",
    "barley",
    "oat bran",
    "pasta",
    "cereals, oats",
    "cereals ready-to-eat, wheat germ",
    "bread",
    "milk",
    "yogurt",
    "fish, salmon",
    "fish, halibut",
    "fish, mackerel",
    "fish, tuna",
    "chocolate",
];

/// Every suggestion is a kind a dietitian accepts and nothing a dietitian refuses.
fn check_dietitian_would_accept(found: &[Suggestion<'_>], case: &str) {
    for s in found {
        let name = &s.food.description;
        assert_eq!(
            dietitian_refuses(name, s.food.group_code),
            None,
            "{case}: {name}"
        );
        let kind = food_kind(name).to_lowercase();
        assert!(
            DIETITIAN_ACCEPTS.contains(&kind.as_str()),
            "{case}: {name} (kind {kind:?}) is not a food a dietitian would suggest"
        );
    }
}

/// One person and day, and what a dietitian expects of the foods offered.
struct Case {
    what: &'static str,
    age_years: f64,
    sex: Sex,
    stage: Stage,
    authority: Authority,
    kidney_disease: bool,
    hidden: &'static [u16],
    /// Magnesium already eaten, mg.
    eaten_mg: f64,
    /// `None`: no foods at all (an infant). Otherwise the kinds of which at least one must be
    /// offered, and how many of the offered foods must close the gap.
    expect: Option<(&'static [&'static str], usize)>,
}

const GREENS: &[&str] = &["spinach", "chard", "beet greens", "kale"];
const SEEDS: &[&str] = &[
    "seeds, pumpkin and squash seed kernels",
    "seeds, hemp seed",
    "seeds, chia seeds",
];
const GRAINS_AND_BEANS: &[&str] = &[
    "quinoa",
    "buckwheat groats",
    "oat bran",
    "beans",
    "soybeans",
    "cowpeas",
    "rice",
    "cereals ready-to-eat, wheat germ",
    "tofu",
    "tempeh",
];
const PLANTS_NOT_GREEN: &[&str] = &[
    "quinoa",
    "buckwheat groats",
    "oat bran",
    "cereals ready-to-eat, wheat germ",
    "prickly pears",
    "figs",
    "chocolate",
    "rice",
    "bread",
];

#[rustfmt::skip]
const CASES: &[Case] = &[
    Case { what: "a woman of 30, nothing eaten", age_years: 30.0, sex: Sex::Female, stage: Stage::Neither, authority: Authority::Us, kidney_disease: false, hidden: &[], eaten_mg: 0.0, expect: Some((GREENS, 2)) },
    Case { what: "a man of 45 with a 220 mg gap", age_years: 45.0, sex: Sex::Male, stage: Stage::Neither, authority: Authority::Us, kidney_disease: false, hidden: &[], eaten_mg: 200.0, expect: Some((GREENS, 4)) },
    Case { what: "pregnant at 25, 250 mg to go", age_years: 25.0, sex: Sex::Female, stage: Stage::Pregnant, authority: Authority::Us, kidney_disease: false, hidden: &[], eaten_mg: 100.0, expect: Some((GREENS, 4)) },
    Case { what: "breastfeeding at 30 under UK values, 20 mg to go", age_years: 30.0, sex: Sex::Female, stage: Stage::Lactating, authority: Authority::Uk, kidney_disease: false, hidden: &[], eaten_mg: 300.0, expect: Some((GREENS, 5)) },
    Case { what: "a boy of 15 under EFSA values who eats no vegetables", age_years: 15.0, sex: Sex::Male, stage: Stage::Neither, authority: Authority::Eu, kidney_disease: false, hidden: &[VEGETABLES], eaten_mg: 50.0, expect: Some((SEEDS, 2)) },
    Case { what: "a girl of 6 under UK values", age_years: 6.0, sex: Sex::Female, stage: Stage::Neither, authority: Authority::Uk, kidney_disease: false, hidden: &[], eaten_mg: 0.0, expect: Some((GREENS, 5)) },
    Case { what: "a child of 2 under D-A-CH values", age_years: 2.0, sex: Sex::Male, stage: Stage::Neither, authority: Authority::Dach, kidney_disease: false, hidden: &[], eaten_mg: 60.0, expect: Some((GREENS, 5)) },
    Case { what: "a baby of six months", age_years: 0.5, sex: Sex::Female, stage: Stage::Neither, authority: Authority::Us, kidney_disease: false, hidden: &[], eaten_mg: 0.0, expect: None },
    Case { what: "a baby of three months under UK values", age_years: 0.25, sex: Sex::Male, stage: Stage::Neither, authority: Authority::Uk, kidney_disease: false, hidden: &[], eaten_mg: 0.0, expect: None },
    Case { what: "a baby of eleven months under EFSA values", age_years: 11.0 / 12.0, sex: Sex::Female, stage: Stage::Neither, authority: Authority::Eu, kidney_disease: false, hidden: &[], eaten_mg: 10.0, expect: None },
    Case { what: "a first birthday is no longer infancy", age_years: 1.0, sex: Sex::Male, stage: Stage::Neither, authority: Authority::Us, kidney_disease: false, hidden: &[], eaten_mg: 0.0, expect: Some((GREENS, 5)) },
    Case { what: "a woman of 70 with kidney disease", age_years: 70.0, sex: Sex::Female, stage: Stage::Neither, authority: Authority::Us, kidney_disease: true, hidden: &[], eaten_mg: 150.0, expect: Some((GREENS, 5)) },
    Case { what: "a man of 80 with kidney disease under UK values, no vegetables", age_years: 80.0, sex: Sex::Male, stage: Stage::Neither, authority: Authority::Uk, kidney_disease: true, hidden: &[VEGETABLES], eaten_mg: 0.0, expect: Some((SEEDS, 1)) },
    Case { what: "a man of 40 under D-A-CH values with a nut, seed and legume allergy", age_years: 40.0, sex: Sex::Male, stage: Stage::Neither, authority: Authority::Dach, kidney_disease: false, hidden: &[NUT_AND_SEED_PRODUCTS, LEGUMES], eaten_mg: 0.0, expect: Some((GREENS, 0)) },
    Case { what: "a vegan woman of 35 under EFSA values", age_years: 35.0, sex: Sex::Female, stage: Stage::Neither, authority: Authority::Eu, kidney_disease: false, hidden: &[DAIRY, POULTRY, SAUSAGES, PORK, BEEF, FISH, LAMB_AND_GAME], eaten_mg: 0.0, expect: Some((GREENS, 3)) },
    Case { what: "a girl of 12 who eats no fruit", age_years: 12.0, sex: Sex::Female, stage: Stage::Neither, authority: Authority::Us, kidney_disease: false, hidden: &[FRUITS], eaten_mg: 40.0, expect: Some((GREENS, 4)) },
    Case { what: "a woman of 50 who eats no vegetables, nuts, seeds or legumes", age_years: 50.0, sex: Sex::Female, stage: Stage::Neither, authority: Authority::Uk, kidney_disease: false, hidden: &[VEGETABLES, NUT_AND_SEED_PRODUCTS, LEGUMES], eaten_mg: 100.0, expect: Some((PLANTS_NOT_GREEN, 2)) },
    Case { what: "a man of 19 who eats no vegetables, with a big gap", age_years: 19.0, sex: Sex::Male, stage: Stage::Neither, authority: Authority::Us, kidney_disease: false, hidden: &[VEGETABLES], eaten_mg: 0.0, expect: Some((GRAINS_AND_BEANS, 0)) },
];

#[test]
fn a_dietitian_would_accept_every_suggestion_for_every_profile() {
    assert!(CASES.len() >= 12);
    for case in CASES {
        let age = AgeYears::new(case.age_years).unwrap_or_else(|e| panic!("{}: {e}", case.what));
        let profile = Profile::new(age, case.sex, case.stage);
        let target = reference_values(case.authority, &profile)
            .intake
            .map_or(0.0, |i| f64::from(i.mg));
        let gap = target - case.eaten_mg;
        let offer = offer_for_gap(
            table(),
            age,
            case.kidney_disease,
            gap,
            case.hidden,
            DEFAULT_LIMIT,
        );
        match (case.expect, offer) {
            (None, GapOffer::Infant) => {}
            (None, other) => panic!("{}: no foods for an infant, got {other:?}", case.what),
            (Some(_), GapOffer::Infant) => panic!("{}: foods expected", case.what),
            (
                Some((one_of, closing)),
                GapOffer::Foods {
                    suggestions,
                    kidney_diet,
                },
            ) => {
                let listed = names(&suggestions);
                assert_eq!(kidney_diet, case.kidney_disease, "{}", case.what);
                check_invariants(&suggestions, gap, case.hidden, DEFAULT_LIMIT);
                check_dietitian_would_accept(&suggestions, case.what);
                assert_eq!(
                    suggestions.len(),
                    DEFAULT_LIMIT,
                    "{}: {listed:?}",
                    case.what
                );
                assert!(
                    suggestions.iter().filter(|s| s.closes_gap).count() >= closing,
                    "{} (gap {gap}): fewer than {closing} close it: {listed:?}",
                    case.what
                );
                assert!(
                    suggestions.iter().any(|s| one_of
                        .contains(&food_kind(&s.food.description).to_lowercase().as_str())),
                    "{}: none of {one_of:?} in {listed:?}",
                    case.what
                );
            }
        }
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
        check_dietitian_would_accept(&found, "any gap");
    }
}

#[test]
fn children_under_five_are_offered_no_whole_nuts_or_seeds() {
    use magnesium_planner::domain::AgeYears;
    use magnesium_planner::domain::suggestions::{GapOffer, is_whole_nut_or_seed, offer_for_gap};
    assert!(is_whole_nut_or_seed("Nuts, almonds"));
    assert!(is_whole_nut_or_seed(
        "Seeds, pumpkin and squash seed kernels, roasted, without salt"
    ));
    assert!(is_whole_nut_or_seed(
        "Peanuts, all types, dry-roasted, without salt"
    ));
    assert!(!is_whole_nut_or_seed(
        "Nuts, almond butter, plain, without salt added"
    ));
    assert!(!is_whole_nut_or_seed(
        "Seeds, sesame butter, tahini, from roasted and toasted kernels (most common type)"
    ));
    assert!(!is_whole_nut_or_seed(
        "Spinach, cooked, boiled, drained, without salt"
    ));
    let table = table();
    let foods_for = |years: f64| match offer_for_gap(
        table,
        AgeYears::new(years).unwrap(),
        false,
        200.0,
        &[],
        5,
    ) {
        GapOffer::Foods { suggestions, .. } => suggestions
            .iter()
            .map(|s| s.food.description.clone())
            .collect::<Vec<_>>(),
        GapOffer::Infant => panic!("a child of {years} is not an infant"),
    };
    for years in [1.0, 2.5, 4.9] {
        let foods = foods_for(years);
        assert!(
            !foods.is_empty(),
            "a child of {years} still gets suggestions"
        );
        assert!(
            foods.iter().all(|d| !is_whole_nut_or_seed(d)),
            "a child of {years} was offered {foods:?}"
        );
    }
    assert!(
        foods_for(30.0).iter().any(|d| is_whole_nut_or_seed(d)),
        "adults may still be offered nuts and seeds"
    );
}
