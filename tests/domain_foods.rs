//! The committed USDA SR28 food table: it parses, holds what SR28 holds, and the examples the
//! planner quotes come out right; damaged table text is refused with a line number, never a panic.

use magnesium_planner::domain::catalog::CatalogBuilder;
use magnesium_planner::domain::foods::{Food, FoodTable, FoodTableError, FoodTableProblem};
use proptest::prelude::*;

const FOODS_TSV: &str = include_str!("../data/foods.tsv");

/// A small table in the committed file's format, to damage one piece at a time.
const SMALL: &str = "# A test table.\n\
G\t1100\tVegetables and Vegetable Products\n\
G\t1200\tNut and Seed Products\n\
F\t11458\t1100\t87\t23\tSpinach, cooked, boiled, drained, without salt\t\t1|cup|180\n\
F\t12016\t1200\t550\t574\tSeeds, pumpkin and squash seed kernels, roasted, without salt\tpepitas\t1|cup|118;1|oz|28.35\n\
F\t12017\t1200\t\t\tSeeds, no values\t\t\n";

fn table() -> FoodTable {
    FoodTable::parse(FOODS_TSV).unwrap_or_else(|e| panic!("{e}"))
}

fn food(table: &FoodTable, ndb: u32) -> &Food {
    table
        .by_ndb(ndb)
        .unwrap_or_else(|| panic!("NDB {ndb} missing"))
}

/// Why `text` is refused, and on which line; the page's builder, which reads the text in
/// slices of three lines, must refuse it the same way.
fn problem(text: &str) -> (usize, FoodTableProblem) {
    let refusal = match FoodTable::parse(text) {
        Ok(_) => panic!("parsed, but should not have: {text:?}"),
        Err(error) => error,
    };
    let mut builder = CatalogBuilder::new(text.to_owned());
    let sliced = loop {
        match builder.step(3) {
            Ok(Some(_)) => panic!("built, but should not have: {text:?}"),
            Ok(None) => {}
            Err(error) => break error,
        }
    };
    assert_eq!(sliced, refusal, "{text:?}");
    let FoodTableError { line, problem } = refusal;
    (line, problem)
}

#[test]
fn the_committed_table_holds_all_of_sr28() {
    let table = table();
    assert_eq!(table.foods().len(), 8789);
    let without_magnesium = table
        .foods()
        .iter()
        .filter(|f| f.magnesium_mg_per_100g.is_none())
        .count();
    assert_eq!(without_magnesium, 739);
    assert_eq!(table.foods().len() - without_magnesium, 8050);
    assert_eq!(table.groups().len(), 25);
    assert!(table.foods().iter().all(|f| f.kcal_per_100g.is_some()));
    let portions: usize = table.foods().iter().map(|f| f.portions.len()).sum();
    assert_eq!(portions, 15438);
    assert!(
        table
            .foods()
            .windows(2)
            .all(|pair| pair[0].ndb < pair[1].ndb)
    );
    assert!(table.foods().iter().all(|f| table.group_of(f).is_some()));
}

#[test]
fn the_committed_table_is_plain_lf_utf8_with_its_header() {
    assert!(!FOODS_TSV.contains('\r'));
    assert!(FOODS_TSV.ends_with('\n'));
    assert!(FOODS_TSV.starts_with("# "));
    assert!(FOODS_TSV.contains("do not edit by hand"));
    // The one non-ASCII character SR28's files have that reaches the table (Latin-1 0xE9).
    assert!(FOODS_TSV.contains("1|Entrée|269"));
}

#[test]
fn roasted_pumpkin_seeds_match_the_reference_example() {
    let table = table();
    let seeds = food(&table, 12016);
    assert_eq!(
        seeds.description,
        "Seeds, pumpkin and squash seed kernels, roasted, without salt"
    );
    assert_eq!(seeds.common_name, "pepitas");
    assert_eq!(seeds.magnesium_mg_per_100g, Some(550.0));
    assert_eq!(seeds.kcal_per_100g, Some(574.0));
    let labels: Vec<String> = seeds.portions.iter().map(|p| p.label()).collect();
    assert_eq!(labels, ["1 cup (118 g)", "1 oz (28.35 g)"]);
    let ounce = &seeds.portions[1];
    let mg = seeds.magnesium_mg_in_grams(ounce.grams).map(f64::round);
    assert_eq!(mg, Some(156.0));
    let group = table.group_of(seeds).map(|g| (g.code, g.name.as_str()));
    assert_eq!(group, Some((1200, "Nut and Seed Products")));
}

#[test]
fn boiled_spinach_gives_78_mg_in_half_a_cup() {
    let table = table();
    let spinach = food(&table, 11458);
    assert_eq!(
        spinach.description,
        "Spinach, cooked, boiled, drained, without salt"
    );
    assert_eq!(spinach.magnesium_mg_per_100g, Some(87.0));
    // SR28 lists only "1 cup" (180 g); half a cup is therefore 90 g.
    let labels: Vec<String> = spinach.portions.iter().map(|p| p.label()).collect();
    assert_eq!(labels, ["1 cup (180 g)"]);
    let half_cup_grams = spinach.portions[0].grams * 0.5;
    assert_eq!(half_cup_grams, 90.0);
    let mg = spinach
        .magnesium_mg_in_grams(half_cup_grams)
        .map(f64::round);
    assert_eq!(mg, Some(78.0));
}

#[test]
fn labels_use_the_shortest_form_of_each_number() {
    let table = FoodTable::parse(
        "G\t0100\tDairy and Egg Products\nF\t01001\t0100\t2\t717\tButter, salted\t\t0.5|pat (1\" sq, 1/3\" high)|2.5;1|tbsp|14.2\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let labels: Vec<String> = table.foods()[0]
        .portions
        .iter()
        .map(|p| p.label())
        .collect();
    assert_eq!(
        labels,
        ["0.5 pat (1\" sq, 1/3\" high) (2.5 g)", "1 tbsp (14.2 g)"]
    );
}

#[test]
fn magnesium_is_none_without_a_value_or_a_sensible_weight() {
    let table = FoodTable::parse(SMALL).unwrap_or_else(|e| panic!("{e}"));
    let no_values = food(&table, 12017);
    assert_eq!(no_values.magnesium_mg_in_grams(100.0), None);
    assert_eq!(no_values.kcal_per_100g, None);
    assert!(no_values.portions.is_empty());
    let spinach = food(&table, 11458);
    assert_eq!(spinach.magnesium_mg_in_grams(0.0), Some(0.0));
    assert_eq!(spinach.magnesium_mg_in_grams(-1.0), None);
    assert_eq!(spinach.magnesium_mg_in_grams(f64::NAN), None);
    assert_eq!(spinach.magnesium_mg_in_grams(f64::INFINITY), None);
    assert!(table.by_ndb(99999).is_none());
    assert!(table.group(1500).is_none());
}

#[test]
fn crlf_line_ends_read_the_same() {
    let crlf = SMALL.replace('\n', "\r\n");
    assert_eq!(FoodTable::parse(&crlf), FoodTable::parse(SMALL));
}

#[test]
fn a_stray_carriage_return_is_refused_by_both_readers_alike() {
    // One CR is a line end's; a second is part of the line, and the page's sliced reader must
    // see it exactly as the whole-text reader does (`problem` checks both).
    let doubled = SMALL.replacen("Products\n", "Products\r\r\n", 1);
    assert_eq!(problem(&doubled).0, 2);
}

#[test]
fn empty_or_header_only_text_is_refused() {
    assert_eq!(problem(""), (1, FoodTableProblem::NoGroups));
    assert_eq!(
        problem("# only a header\n"),
        (2, FoodTableProblem::NoGroups)
    );
    assert_eq!(
        problem("G\t0100\tDairy and Egg Products\n"),
        (2, FoodTableProblem::NoFoods)
    );
}

#[test]
fn a_wrong_column_count_is_refused_with_its_line() {
    let missing = SMALL.replace("\t\t1|cup|180", "\t1|cup|180");
    assert_eq!(
        problem(&missing),
        (
            4,
            FoodTableProblem::ColumnCount {
                expected: 8,
                found: 7
            }
        )
    );
    let extra = SMALL.replace("Nut and Seed Products", "Nut and Seed\tProducts");
    assert_eq!(
        problem(&extra),
        (
            3,
            FoodTableProblem::ColumnCount {
                expected: 3,
                found: 4
            }
        )
    );
}

#[test]
fn bad_numbers_are_refused() {
    for bad in [
        "5.5.0", "-87", "1e2", "inf", "NaN", "８７", "87 ", ".", "+87",
    ] {
        let text = SMALL.replace("\t87\t", &format!("\t{bad}\t"));
        assert_eq!(
            problem(&text),
            (
                4,
                FoodTableProblem::BadNumber {
                    column: "magnesium_mg_per_100g",
                    text: bad.to_owned()
                }
            ),
            "{bad:?}"
        );
    }
    let huge = SMALL.replace("\t87\t", &format!("\t{}\t", "9".repeat(400)));
    assert!(matches!(
        problem(&huge),
        (4, FoodTableProblem::BadNumber { .. })
    ));
    let zero_grams = SMALL.replace("1|cup|180", "1|cup|0");
    assert!(matches!(
        problem(&zero_grams),
        (4, FoodTableProblem::BadNumber { .. })
    ));
}

#[test]
fn bad_codes_are_refused() {
    for bad in ["1458", "114580", "1145a", "１１４５８", "-1458"] {
        let text = SMALL.replace("F\t11458\t", &format!("F\t{bad}\t"));
        assert!(
            matches!(problem(&text), (4, FoodTableProblem::BadCode { .. })),
            "{bad:?}"
        );
    }
}

#[test]
fn an_unknown_group_or_a_food_before_its_group_is_refused() {
    let unknown = SMALL.replace("F\t12016\t1200", "F\t12016\t1300");
    assert_eq!(
        problem(&unknown),
        (5, FoodTableProblem::UnknownGroup { code: 1300 })
    );
    let food_first = "F\t11458\t1100\t87\t23\tSpinach\t\t\nG\t1100\tVegetables\n";
    assert_eq!(
        problem(food_first),
        (1, FoodTableProblem::UnknownGroup { code: 1100 })
    );
    let group_late = format!("{SMALL}G\t2500\tSnacks\n");
    assert_eq!(problem(&group_late), (7, FoodTableProblem::GroupAfterFoods));
}

#[test]
fn order_and_structure_are_enforced() {
    let swapped = SMALL.replace("F\t12017", "F\t12015");
    assert_eq!(
        problem(&swapped),
        (6, FoodTableProblem::FoodOutOfOrder { ndb: 12015 })
    );
    let groups_swapped = SMALL.replace("G\t1200", "G\t1000");
    assert_eq!(
        problem(&groups_swapped),
        (3, FoodTableProblem::GroupOutOfOrder { code: 1000 })
    );
    let blank = SMALL.replace("\nG\t1200", "\n\nG\t1200");
    assert_eq!(problem(&blank), (3, FoodTableProblem::UnknownLineKind));
    let late_comment = format!("{SMALL}# trailing\n");
    assert_eq!(
        problem(&late_comment),
        (7, FoodTableProblem::CommentAfterHeader)
    );
    let bad_portion = SMALL.replace("1|oz|28.35", "1|oz");
    assert_eq!(
        problem(&bad_portion),
        (5, FoodTableProblem::BadPortion { position: 2 })
    );
    let empty_description = SMALL.replace("Seeds, no values", "");
    assert_eq!(
        problem(&empty_description),
        (
            6,
            FoodTableProblem::EmptyText {
                column: "description"
            }
        )
    );
}

#[test]
fn odd_unicode_is_refused_or_kept_never_a_panic() {
    let bom = format!("\u{feff}{SMALL}");
    assert_eq!(problem(&bom), (1, FoodTableProblem::UnknownLineKind));
    let control = SMALL.replace("pepitas", "pepi\u{0092}tas");
    assert_eq!(
        problem(&control),
        (
            5,
            FoodTableProblem::ControlCharacter {
                column: "common name"
            }
        )
    );
    let multibyte_code = SMALL.replace("G\t1100", "G\t11é");
    assert!(matches!(
        problem(&multibyte_code),
        (2, FoodTableProblem::BadCode { .. })
    ));
    let accents_and_emoji = SMALL.replace("Seeds, no values", "Entrée 🥬, naïve\u{301}");
    let table = FoodTable::parse(&accents_and_emoji).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(food(&table, 12017).description, "Entrée 🥬, naïve\u{301}");
}

#[test]
fn errors_read_plainly() {
    let error = FoodTable::parse("G\t0100\tDairy\nF\t01001\t0100\tlots\t\tButter\t\t\n")
        .map(|_| ())
        .map_err(|e| e.to_string());
    assert_eq!(
        error,
        Err(
            "food table, line 2: magnesium_mg_per_100g is not a plain decimal number in range: \"lots\""
                .to_owned()
        )
    );
}

/// Pieces the format is made of, so random text often comes close to a valid table.
fn table_like_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("G\t".to_owned()),
        Just("F\t".to_owned()),
        Just("# ".to_owned()),
        Just("\t".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("|".to_owned()),
        Just(";".to_owned()),
        Just(".".to_owned()),
        Just("1100".to_owned()),
        Just("11458".to_owned()),
        Just("87".to_owned()),
        Just("é".to_owned()),
        Just("\u{feff}".to_owned()),
        "[0-9]{1,6}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = FoodTable::parse(&text);
    }

    #[test]
    fn table_like_text_never_panics(text in table_like_text()) {
        if let Err(error) = FoodTable::parse(&text) {
            prop_assert!(error.line >= 1);
            prop_assert!(!error.to_string().is_empty());
        }
    }

    #[test]
    fn a_damaged_line_of_a_valid_table_never_panics(
        line in 0_usize..6,
        at in 0_usize..200,
        insert in any::<char>(),
    ) {
        let mut lines: Vec<String> = SMALL.lines().map(str::to_owned).collect();
        let target = &mut lines[line];
        let boundary = target
            .char_indices()
            .map(|(i, _)| i)
            .chain([target.len()])
            .nth(at % (target.chars().count() + 1))
            .unwrap_or(0);
        target.insert(boundary, insert);
        let _ = FoodTable::parse(&lines.join("\n"));
    }
}
