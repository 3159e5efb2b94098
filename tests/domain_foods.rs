//! The committed USDA SR28 food table: it parses, gives back every value exactly as SR28 has it,
//! and the examples the planner quotes come out right; damaged table text is refused with a line
//! number, never a panic, whether it is read whole, in slices or as bytes arriving in chunks.

use magnesium_planner::domain::catalog::CatalogBuilder;
use magnesium_planner::domain::foods::{Food, FoodTable, FoodTableError, FoodTableProblem};
use proptest::prelude::*;

const FOODS_TSV: &str = include_str!("../data/foods.tsv");

/// Writes a table in the committed file's format (data/README.md) from one row per food,
/// `[ndb, group, magnesium, kcal, description, common name, portions]`, so that tests read as
/// rows while the text is in columns.
fn table_text(groups: &[(&str, &str)], foods: &[[&str; 7]]) -> String {
    let mut text = format!("# A test table.\n@groups\t{}\n", groups.len());
    for (code, name) in groups {
        text.push_str(&format!("{code}\t{name}\n"));
    }
    text.push_str(&format!("@foods\t{}\n", foods.len()));
    let titles = [
        "@ndb",
        "@group",
        "@magnesium_mg_per_100g",
        "@kcal_per_100g_steps",
        "@description",
        "@common_name",
        "@portions",
    ];
    // The numbers come last, after the portions (data/README.md).
    for column in [0, 1, 4, 5, 6, 2, 3] {
        let title = titles[column];
        if column == 4 {
            // Every description part is written out, so the list of frequent ones is empty.
            text.push_str("@frequent_parts\t0\n");
        }
        if column == 6 {
            // Every portion is written out, so the lists of frequent ones are empty.
            text.push_str("@frequent_measures\t0\n@frequent_portions\t0\n");
        }
        text.push_str(title);
        text.push('\n');
        let mut previous = 0_u32;
        let mut previous_description = "";
        let mut previous_kcal = 0_i64;
        for food in foods {
            if column == 0 {
                let ndb: u32 = food[0].parse().unwrap_or_else(|e| panic!("{e}"));
                if previous == 0 || ndb - previous != 1 {
                    text.push_str(&(ndb - previous).to_string());
                }
                previous = ndb;
            } else if column == 3 && !food[3].is_empty() {
                let kcal: i64 = food[3].parse().unwrap_or_else(|e| panic!("{e}"));
                text.push_str(&(kcal - previous_kcal).to_string());
                previous_kcal = kcal;
            } else if column == 4 {
                text.push_str(&shared_parts_coded(previous_description, food[4]));
                previous_description = food[4];
            } else if column == 6 {
                text.push_str(&amount_one_left_out(food[6]));
            } else {
                text.push_str(food[column]);
            }
            text.push('\n');
        }
    }
    text
}

/// A description as the `@description` block writes it: one digit, how many leading `, `-separated
/// parts it shares with the previous description (never all of its own), then the rest.
fn shared_parts_coded(previous: &str, description: &str) -> String {
    let parts: Vec<&str> = description.split(", ").collect();
    // Before the first food there is no description, not an empty one with one empty part.
    let before = previous.split(", ").filter(|_| !previous.is_empty());
    let shared = parts
        .iter()
        .zip(before)
        .take((parts.len() - 1).min(9))
        .take_while(|(part, before)| **part == *before)
        .count();
    format!("{shared}{}", parts[shared..].join(", "))
}

/// Portions as the `@portions` block writes them: `1|oz|28.35` as `oz|28.35`.
fn amount_one_left_out(portions: &str) -> String {
    portions
        .split(';')
        .map(|portion| portion.strip_prefix("1|").unwrap_or(portion))
        .collect::<Vec<_>>()
        .join(";")
}

/// A small table in the committed file's format, to damage one piece at a time. Its lines:
/// 1 comment, 2 `@groups`, 3-4 groups, 5 `@foods`, 6 `@ndb`, 7-9, 10 `@group`, 11-13,
/// 14 `@frequent_parts`, 15 `@description`, 16-18, 19 `@common_name`, 20-22,
/// 23 `@frequent_measures`, 24 `@frequent_portions`, 25 `@portions`, 26-28,
/// 29 `@magnesium_mg_per_100g`, 30-32, 33 `@kcal_per_100g_steps`, 34-36.
fn small() -> String {
    table_text(
        &[
            ("1100", "Vegetables and Vegetable Products"),
            ("1200", "Nut and Seed Products"),
        ],
        &[
            [
                "11458",
                "1100",
                "87",
                "23",
                "Spinach, cooked, boiled, drained, without salt",
                "",
                "1|cup|180",
            ],
            [
                "12016",
                "1200",
                "550",
                "574",
                "Seeds, pumpkin and squash seed kernels, roasted, without salt",
                "pepitas",
                "1|cup|118;1|oz|28.35",
            ],
            ["12017", "1200", "", "", "Seeds, no values", "", ""],
        ],
    )
}

/// `small()` with its line `number` (1-based) replaced by `line`.
fn small_with_line(number: usize, line: &str) -> String {
    let mut lines: Vec<&str> = small().lines().map(|_| "").collect();
    let text = small();
    for (i, original) in text.lines().enumerate() {
        lines[i] = if i + 1 == number { line } else { original };
    }
    lines.iter().map(|l| format!("{l}\n")).collect()
}

fn table() -> FoodTable {
    FoodTable::parse(FOODS_TSV).unwrap_or_else(|e| panic!("{e}"))
}

fn food(table: &FoodTable, ndb: u32) -> &Food {
    table
        .by_ndb(ndb)
        .unwrap_or_else(|| panic!("NDB {ndb} missing"))
}

/// What the page's builder makes of `bytes` received in chunks of `chunk` bytes, read in
/// slices of three lines or foods.
fn build_from_chunks(bytes: &[u8], chunk: usize) -> Result<FoodTable, FoodTableError> {
    let mut builder = CatalogBuilder::receiving();
    let mut chunks = bytes.chunks(chunk.max(1));
    loop {
        if builder.wants_input() {
            match chunks.next() {
                Some(next) => builder.receive(next),
                None => builder.end_of_input(),
            }
            continue;
        }
        if let Some(catalog) = builder.step(3)? {
            return Ok(catalog.table().clone());
        }
    }
}

/// Why `text` is refused, and on which line; the page's builder, which reads the text in
/// slices of three lines, whole or arriving in chunks, must refuse it the same way.
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
    for chunk in [1, 7, 4096] {
        assert_eq!(
            build_from_chunks(text.as_bytes(), chunk),
            Err(refusal.clone()),
            "{text:?} in chunks of {chunk}"
        );
    }
    let FoodTableError { line, problem } = refusal;
    (line, problem)
}

/// The 64-bit FNV-1a hash the table's header gives for its plain rendering.
fn fnv1a_64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// One line per group and per food with every value as SR28 writes it (tools/food-table's
/// `plain_rendering`): numbers through `f64`'s shortest round-trip form, which for SR28's few
/// digits is exactly SR28's own shortest form.
fn plain_rendering(table: &FoodTable) -> String {
    let number = |value: Option<f64>| value.map(|v| v.to_string()).unwrap_or_default();
    let mut out = String::new();
    for group in table.groups() {
        out.push_str(&format!("{:04}\t{}\n", group.code, group.name));
    }
    for food in table.foods() {
        let portions: Vec<String> = food
            .portions
            .iter()
            .map(|p| format!("{}|{}|{}", p.amount, p.description, p.grams))
            .collect();
        out.push_str(&format!(
            "{:05}\t{:04}\t{}\t{}\t{}\t{}\t{}\n",
            food.ndb,
            food.group_code,
            number(food.magnesium_mg_per_100g),
            number(food.kcal_per_100g),
            food.description,
            food.common_name,
            portions.join(";")
        ));
    }
    out
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
fn every_value_of_the_committed_table_reads_back_exactly_as_sr28_gives_it() {
    // tools/food-table hashes its rendering of SR28's own digits into the header; the same
    // rendering of what the app read must hash the same, or some value came back different.
    let header = FOODS_TSV
        .lines()
        .find_map(|line| line.strip_prefix("# Check: FNV-1a 64 of the plain rendering "))
        .unwrap_or_else(|| panic!("the header has no check line"));
    let rendered = plain_rendering(&table());
    assert_eq!(format!("{:016x}", fnv1a_64(rendered.as_bytes())), header);
    // And the rendering is what the generator renders: one line per group and per food.
    assert_eq!(rendered.lines().count(), 25 + 8789);
    assert!(rendered.contains(
        "12016\t1200\t550\t574\tSeeds, pumpkin and squash seed kernels, roasted, without salt\tpepitas\t1|cup|118;1|oz|28.35\n"
    ));
}

#[test]
fn the_committed_table_is_plain_lf_utf8_with_its_header() {
    assert!(!FOODS_TSV.contains('\r'));
    assert!(FOODS_TSV.ends_with('\n'));
    assert!(FOODS_TSV.starts_with("# "));
    assert!(FOODS_TSV.contains("do not edit by hand"));
    // The one non-ASCII character SR28's files have that reaches the table (Latin-1 0xE9).
    assert!(FOODS_TSV.contains("\nEntrée|269\n"));
}

#[test]
fn the_committed_table_reads_the_same_arriving_in_chunks() {
    // Chunks that split lines and the two bytes of "é" anywhere.
    for chunk in [1_000, 4_096, 65_536] {
        let streamed = build_from_chunks(FOODS_TSV.as_bytes(), chunk);
        assert!(streamed == Ok(table()), "chunks of {chunk}");
    }
}

#[test]
fn the_builder_says_when_its_next_step_is_the_last() {
    // The page gives that step (ordering the vocabulary) a slice of its own.
    let mut builder = CatalogBuilder::new(small());
    let mut flagged_steps = 0;
    loop {
        let flagged = builder.finishes_next();
        match builder.step(1) {
            Ok(Some(_)) => {
                assert!(flagged, "the step that made the catalog was flagged");
                flagged_steps += 1;
                break;
            }
            Ok(None) => assert!(!flagged, "a flagged step finishes"),
            Err(error) => panic!("{error}"),
        }
    }
    assert_eq!(flagged_steps, 1);
    assert!(!builder.finishes_next());
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
    let text = table_text(
        &[("0100", "Dairy and Egg Products")],
        &[[
            "01001",
            "0100",
            "2",
            "717",
            "Butter, salted",
            "",
            "0.5|pat (1\" sq, 1/3\" high)|2.5;1|tbsp|14.2",
        ]],
    );
    let table = FoodTable::parse(&text).unwrap_or_else(|e| panic!("{e}"));
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
fn a_portion_without_an_amount_is_one_of_its_measure() {
    let small = small();
    assert!(small.lines().any(|l| l == "cup|118;oz|28.35"), "{small}");
    let table = FoodTable::parse(&small).unwrap_or_else(|e| panic!("{e}"));
    let labels: Vec<String> = food(&table, 12016)
        .portions
        .iter()
        .map(|p| p.label())
        .collect();
    assert_eq!(labels, ["1 cup (118 g)", "1 oz (28.35 g)"]);
    // The amount written out reads the same.
    let written = FoodTable::parse(&small.replace("cup|118;oz", "1|cup|118;1|oz"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(written, table);
}

/// `small()` with `listed` as its frequent portions and `portions` as the pumpkin seeds' line.
fn small_with_frequent(listed: &[&str], portions: &str) -> String {
    let list: String = listed.iter().map(|p| format!("{p}\n")).collect();
    small()
        .replace(
            "@frequent_portions\t0\n",
            &format!("@frequent_portions\t{}\n{list}", listed.len()),
        )
        .replace("\ncup|118;oz|28.35\n", &format!("\n{portions}\n"))
}

#[test]
fn portions_that_many_foods_share_are_given_by_their_number_in_a_list() {
    let table = FoodTable::parse(&small()).unwrap_or_else(|e| panic!("{e}"));
    let listed = small_with_frequent(&["oz|28.35", "3|oz|85", "cup|118"], "2;0");
    assert_eq!(FoodTable::parse(&listed), Ok(table.clone()));
    assert_eq!(build_from_chunks(listed.as_bytes(), 7), Ok(table));
    // With one listed: 24 `@frequent_portions`, 25 the list, 26 `@portions`, 27-29.
    assert_eq!(
        problem(&small_with_frequent(&["oz|28.35"], "cup|118;1")),
        (
            28,
            FoodTableProblem::NotListed {
                list: "@frequent_portions",
                number: 1
            }
        )
    );
    for bad in ["01", "-1", "1.0", " 0"] {
        assert!(
            matches!(
                problem(&small_with_frequent(
                    &["oz|28.35"],
                    &format!("cup|118;{bad}")
                )),
                (28, FoodTableProblem::BadCode { .. })
            ),
            "{bad:?}"
        );
    }
    // The list holds portions written out, one a line: never a number or a list.
    for bad in ["0", "cup|118;oz|28.35", "oz"] {
        assert_eq!(
            problem(&small_with_frequent(&[bad], "cup|118;0")),
            (25, FoodTableProblem::BadPortion { position: 1 }),
            "{bad:?}"
        );
    }
    assert!(matches!(
        problem(&small_with_frequent(&["oz|0"], "cup|118;0")),
        (25, FoodTableProblem::BadNumber { .. })
    ));
}

#[test]
fn measures_that_many_portions_share_are_given_by_their_number_in_a_list() {
    let table = FoodTable::parse(&small()).unwrap_or_else(|e| panic!("{e}"));
    let with_measures = |listed: &str, portions: &str| {
        small()
            .replace("@frequent_measures\t0\n", listed)
            .replace("\ncup|180\n", "\n0|180\n")
            .replace("\ncup|118;oz|28.35\n", &format!("\n{portions}\n"))
    };
    let listed = with_measures("@frequent_measures\t2\ncup\noz\n", "0|118;1|28.35");
    assert_eq!(FoodTable::parse(&listed), Ok(table.clone()));
    assert_eq!(build_from_chunks(listed.as_bytes(), 3), Ok(table.clone()));
    // With an amount too.
    let amount = with_measures("@frequent_measures\t2\ncup\n1 oz\n", "1|0|118;1|28.35");
    let read = FoodTable::parse(&amount).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(food(&read, 12016).portions[1].label(), "1 1 oz (28.35 g)");
    // Lines: 23 `@frequent_measures`, 24 cup, 25 `@frequent_portions`, 26 `@portions`, 27-29.
    assert_eq!(
        problem(&with_measures(
            "@frequent_measures\t1\ncup\n",
            "0|118;1|28.35"
        )),
        (
            28,
            FoodTableProblem::NotListed {
                list: "@frequent_measures",
                number: 1
            }
        )
    );
    assert!(matches!(
        problem(&with_measures("@frequent_measures\t1\ncup\n", "00|118")),
        (28, FoodTableProblem::BadCode { .. })
    ));
    assert_eq!(
        problem(&with_measures("@frequent_measures\t1\n\n", "0|118")),
        (
            24,
            FoodTableProblem::EmptyText {
                column: "frequent measure"
            }
        )
    );
}

#[test]
fn the_small_table_reads_as_its_rows() {
    let table = FoodTable::parse(&small()).unwrap_or_else(|e| panic!("{e}"));
    let ndbs: Vec<u32> = table.foods().iter().map(|f| f.ndb).collect();
    assert_eq!(ndbs, [11458, 12016, 12017]);
    let groups: Vec<u16> = table.foods().iter().map(|f| f.group_code).collect();
    assert_eq!(groups, [1100, 1200, 1200]);
    assert_eq!(food(&table, 12016).common_name, "pepitas");
    assert_eq!(food(&table, 12016).portions.len(), 2);
    assert_eq!(food(&table, 11458).kcal_per_100g, Some(23.0));
}

#[test]
fn magnesium_is_none_without_a_value_or_a_sensible_weight() {
    let table = FoodTable::parse(&small()).unwrap_or_else(|e| panic!("{e}"));
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
    let crlf = small().replace('\n', "\r\n");
    assert_eq!(FoodTable::parse(&crlf), FoodTable::parse(&small()));
    assert_eq!(
        build_from_chunks(crlf.as_bytes(), 5),
        FoodTable::parse(&small())
    );
}

#[test]
fn a_stray_carriage_return_is_refused_by_every_reader_alike() {
    // One CR is a line end's; a second is part of the line, and the page's sliced and chunked
    // readers must see it exactly as the whole-text reader does (`problem` checks all three).
    let doubled = small().replacen("Products\n", "Products\r\r\n", 1);
    assert_eq!(
        problem(&doubled),
        (
            3,
            FoodTableProblem::ControlCharacter {
                column: "group name"
            }
        )
    );
}

#[test]
fn bytes_that_are_not_utf8_are_refused_with_their_line() {
    let mut bytes = small().into_bytes();
    let at = small()
        .find("pepitas")
        .unwrap_or_else(|| panic!("no pepitas"));
    bytes[at] = 0xff;
    for chunk in [1, 3, 1024] {
        assert_eq!(
            build_from_chunks(&bytes, chunk),
            Err(FoodTableError {
                line: 21,
                problem: FoodTableProblem::NotUtf8
            })
        );
    }
}

#[test]
fn empty_or_header_only_text_is_refused() {
    assert_eq!(problem(""), (1, FoodTableProblem::NoGroups));
    assert_eq!(
        problem("# only a header\n"),
        (2, FoodTableProblem::NoGroups)
    );
    assert_eq!(
        problem("@groups\t1\n0100\tDairy and Egg Products\n"),
        (3, FoodTableProblem::NoFoods)
    );
    assert_eq!(problem("@groups\t0\n"), (1, FoodTableProblem::NoGroups));
    assert_eq!(
        problem("@groups\t1\n0100\tDairy\n@foods\t0\n"),
        (3, FoodTableProblem::NoFoods)
    );
}

#[test]
fn a_table_cut_short_is_refused_with_the_block_it_ends_in() {
    let text = small();
    let lines: Vec<&str> = text.lines().collect();
    let cut = |keep: usize| {
        lines[..keep]
            .iter()
            .map(|l| format!("{l}\n"))
            .collect::<String>()
    };
    assert_eq!(
        problem(&cut(3)),
        (4, FoodTableProblem::EndsEarly { block: "@groups" })
    );
    assert_eq!(
        problem(&cut(5)),
        (6, FoodTableProblem::EndsEarly { block: "@ndb" })
    );
    assert_eq!(
        problem(&cut(22)),
        (
            23,
            FoodTableProblem::EndsEarly {
                block: "@frequent_measures"
            }
        )
    );
    assert_eq!(
        problem(&cut(23)),
        (
            24,
            FoodTableProblem::EndsEarly {
                block: "@frequent_portions"
            }
        )
    );
    assert_eq!(
        problem(&cut(27)),
        (28, FoodTableProblem::EndsEarly { block: "@portions" })
    );
    assert_eq!(
        problem(&cut(35)),
        (
            36,
            FoodTableProblem::EndsEarly {
                block: "@kcal_per_100g_steps"
            }
        )
    );
}

#[test]
fn blocks_out_of_place_or_lines_past_the_end_are_refused() {
    let swapped = small()
        .replace("@magnesium_mg_per_100g", "@x")
        .replace("@kcal_per_100g_steps", "@magnesium_mg_per_100g")
        .replace("@x", "@kcal_per_100g_steps");
    assert_eq!(
        problem(&swapped),
        (
            29,
            FoodTableProblem::UnexpectedLine {
                expected: "@magnesium_mg_per_100g",
                text: "@kcal_per_100g_steps".to_owned()
            }
        )
    );
    let late = format!("{}# trailing\n", small());
    assert_eq!(
        problem(&late),
        (
            37,
            FoodTableProblem::UnexpectedLine {
                expected: "the end of the table",
                text: "# trailing".to_owned()
            }
        )
    );
    let blank = small().replacen("@groups", "\n@groups", 1);
    assert!(matches!(
        problem(&blank),
        (
            2,
            FoodTableProblem::UnexpectedLine {
                expected: "@groups",
                ..
            }
        )
    ));
    for bad_count in ["@foods\tthree", "@foods\t03", "@foods\t100000", "@foods 3"] {
        let text = small_with_line(5, bad_count);
        assert!(
            matches!(
                problem(&text),
                (
                    5,
                    FoodTableProblem::BadCode { .. } | FoodTableProblem::UnexpectedLine { .. }
                )
            ),
            "{bad_count:?}"
        );
    }
}

#[test]
fn a_wrong_column_count_in_a_group_line_is_refused() {
    let extra = small().replace("Nut and Seed Products", "Nut and Seed\tProducts");
    assert_eq!(
        problem(&extra),
        (
            4,
            FoodTableProblem::ColumnCount {
                expected: 2,
                found: 3
            }
        )
    );
}

#[test]
fn bad_numbers_are_refused() {
    for bad in [
        "5.5.0", "-87", "1e2", "inf", "NaN", "８７", "87 ", ".", "+87",
    ] {
        assert_eq!(
            problem(&small_with_line(30, bad)),
            (
                30,
                FoodTableProblem::BadNumber {
                    column: "magnesium_mg_per_100g",
                    text: bad.to_owned()
                }
            ),
            "{bad:?}"
        );
    }
    let huge = small_with_line(30, &"9".repeat(400));
    assert!(matches!(
        problem(&huge),
        (30, FoodTableProblem::BadNumber { .. })
    ));
    let zero_grams = small().replace("cup|180", "cup|0");
    assert!(matches!(
        problem(&zero_grams),
        (26, FoodTableProblem::BadNumber { .. })
    ));
}

#[test]
fn an_empty_ndb_line_is_a_step_of_one() {
    let text = small();
    let steps: Vec<&str> = text.lines().skip(6).take(3).collect();
    assert_eq!(steps, ["11458", "558", ""]);
    // Written out, a step of 1 reads the same.
    assert_eq!(
        FoodTable::parse(&small_with_line(9, "1")),
        FoodTable::parse(&text)
    );
    // The first food's line is its number, never empty.
    assert!(matches!(
        problem(&small_with_line(7, "")),
        (7, FoodTableProblem::BadCode { .. })
    ));
}

#[test]
fn an_empty_group_line_is_the_previous_foods_group() {
    let text = small();
    let groups: Vec<&str> = text.lines().skip(10).take(3).collect();
    assert_eq!(groups, ["1100", "1200", "1200"]);
    // The generator writes a group like the previous food's as an empty line; both read the same.
    assert_eq!(
        FoodTable::parse(&small_with_line(13, "")),
        FoodTable::parse(&text)
    );
    let carried = FoodTable::parse(&small_with_line(12, "")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(food(&carried, 12016).group_code, 1100);
    assert_eq!(food(&carried, 12017).group_code, 1200);
    // The first food has no previous one, so its line is a code, never empty.
    assert!(matches!(
        problem(&small_with_line(11, "")),
        (11, FoodTableProblem::BadCode { .. })
    ));
}

#[test]
fn energy_is_read_as_steps_from_the_last_value_before() {
    let text = small();
    // 23 kcal, then 574, then none.
    let steps: Vec<&str> = text.lines().skip(33).take(3).collect();
    assert_eq!(steps, ["23", "551", ""]);
    let down = FoodTable::parse(&small_with_line(35, "-3")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(food(&down, 12016).kcal_per_100g, Some(20.0));
    let to_zero = FoodTable::parse(&small_with_line(35, "-23")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(food(&to_zero, 12016).kcal_per_100g, Some(0.0));
    // A food without energy does not reset the count: the next step starts from 574.
    let after_none = small().replace("\n551\n\n", "\n\n551\n");
    let table = FoodTable::parse(&after_none).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(food(&table, 12016).kcal_per_100g, None);
    assert_eq!(food(&table, 12017).kcal_per_100g, Some(574.0));
    for bad in [
        "-24", "-0", "+5", "05", "5.5", "-", "--1", "99999", "1e2", " 5",
    ] {
        assert_eq!(
            problem(&small_with_line(35, bad)),
            (
                35,
                FoodTableProblem::BadNumber {
                    column: "kcal_per_100g",
                    text: bad.to_owned()
                }
            ),
            "{bad:?}"
        );
    }
}

#[test]
fn bad_codes_are_refused() {
    for bad in ["011458", "114580", "1145a", "１１４５８", "-1458", "", "0"] {
        assert!(
            matches!(
                problem(&small_with_line(7, bad)),
                (7, FoodTableProblem::BadCode { .. })
            ),
            "{bad:?}"
        );
    }
    for bad in ["110", "11000", "11a0", "-100"] {
        assert!(
            matches!(
                problem(&small_with_line(11, bad)),
                (11, FoodTableProblem::BadCode { .. })
            ),
            "{bad:?}"
        );
    }
}

#[test]
fn an_unknown_group_is_refused() {
    assert_eq!(
        problem(&small_with_line(12, "1300")),
        (12, FoodTableProblem::UnknownGroup { code: 1300 })
    );
}

#[test]
fn order_and_structure_are_enforced() {
    assert_eq!(
        problem(&small_with_line(9, "0")),
        (9, FoodTableProblem::FoodOutOfOrder { step: 0 })
    );
    assert_eq!(
        problem(&small_with_line(9, "99999")),
        (9, FoodTableProblem::FoodOutOfOrder { step: 99999 })
    );
    let groups_swapped = small().replace("1200\tNut", "1000\tNut");
    assert_eq!(
        problem(&groups_swapped),
        (4, FoodTableProblem::GroupOutOfOrder { code: 1000 })
    );
    for bad in ["1|oz|28.35|x", "|||"] {
        let bad_portion = small().replace("oz|28.35", bad);
        assert_eq!(
            problem(&bad_portion),
            (27, FoodTableProblem::BadPortion { position: 2 }),
            "{bad:?}"
        );
    }
    // Without a `|`, a portion is a number in the list of frequent ones.
    for bad in ["oz", ""] {
        let bad_portion = small().replace("oz|28.35", bad);
        assert_eq!(
            problem(&bad_portion),
            (
                27,
                FoodTableProblem::BadCode {
                    column: "@frequent_portions",
                    text: bad.to_owned()
                }
            ),
            "{bad:?}"
        );
    }
    assert_eq!(
        problem(&small_with_line(18, "0")),
        (
            18,
            FoodTableProblem::EmptyText {
                column: "description"
            }
        )
    );
}

#[test]
fn descriptions_share_leading_parts_with_the_previous_one() {
    let small = small();
    // "Seeds, no values" follows "Seeds, pumpkin and squash seed kernels, roasted, without
    // salt", so it is written as the one part it shares and the rest.
    assert!(small.lines().any(|l| l == "1no values"), "{small}");
    let table = FoodTable::parse(&small).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(food(&table, 12017).description, "Seeds, no values");
    let four = small_with_line(18, "4no values");
    let table = FoodTable::parse(&four).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        food(&table, 12017).description,
        "Seeds, pumpkin and squash seed kernels, roasted, without salt, no values"
    );
    // Sharing an empty rest is still a description: the shared parts and ", ".
    let empty_rest = FoodTable::parse(&small_with_line(18, "1")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(food(&empty_rest, 12017).description, "Seeds, ");
    for bad in ["5no values", "no values", "", "-1no values", "１no values"] {
        assert_eq!(
            problem(&small_with_line(18, bad)),
            (
                18,
                FoodTableProblem::SharedParts {
                    text: bad.to_owned()
                }
            ),
            "{bad:?}"
        );
    }
    // The first food has no previous description to share with.
    assert_eq!(
        problem(&small_with_line(16, "1Spinach")),
        (
            16,
            FoodTableProblem::SharedParts {
                text: "1Spinach".to_owned()
            }
        )
    );
}

#[test]
fn description_parts_that_many_share_are_given_by_their_number_in_a_list() {
    let table = FoodTable::parse(&small()).unwrap_or_else(|e| panic!("{e}"));
    let with_parts = |listed: &str, seeds: &str| {
        small()
            .replace("@frequent_parts\t0\n", listed)
            .replace(
                "\n0Spinach, cooked, boiled, drained, without salt\n",
                "\n0Spinach, 1, boiled, drained, 0\n",
            )
            .replace(
                "\n0Seeds, pumpkin and squash seed kernels, roasted, without salt\n",
                &format!("\n{seeds}\n"),
            )
    };
    let listed = with_parts(
        "@frequent_parts\t2\nwithout salt\ncooked\n",
        "0Seeds, pumpkin and squash seed kernels, roasted, 0",
    );
    assert_eq!(FoodTable::parse(&listed), Ok(table.clone()));
    assert_eq!(build_from_chunks(listed.as_bytes(), 4), Ok(table));
    // Lines: 14 `@frequent_parts`, 15-16 the list, 17 `@description`, 18-20.
    assert_eq!(
        problem(&with_parts(
            "@frequent_parts\t2\nwithout salt\ncooked\n",
            "0Seeds, 2"
        )),
        (
            19,
            FoodTableProblem::NotListed {
                list: "@frequent_parts",
                number: 2
            }
        )
    );
    for bad in ["0Seeds, 01", "0Seeds, 99999999"] {
        assert!(
            matches!(
                problem(&with_parts(
                    "@frequent_parts\t2\nwithout salt\ncooked\n",
                    bad
                )),
                (19, FoodTableProblem::BadCode { .. })
            ),
            "{bad:?}"
        );
    }
    assert_eq!(
        problem(&with_parts("@frequent_parts\t1\n\n", "0Seeds")),
        (
            15,
            FoodTableProblem::EmptyText {
                column: "frequent part"
            }
        )
    );
}

#[test]
fn odd_unicode_is_refused_or_kept_never_a_panic() {
    let bom = format!("\u{feff}{}", small());
    assert!(matches!(
        problem(&bom),
        (1, FoodTableProblem::UnexpectedLine { .. })
    ));
    let control = small().replace("pepitas", "pepi\u{0092}tas");
    assert_eq!(
        problem(&control),
        (
            21,
            FoodTableProblem::ControlCharacter {
                column: "common name"
            }
        )
    );
    let multibyte_code = small().replace("\n1100\tVeg", "\n11é\tVeg");
    assert!(matches!(
        problem(&multibyte_code),
        (3, FoodTableProblem::BadCode { .. })
    ));
    let accents_and_emoji = small().replace("\n1no values\n", "\n0Entrée 🥬, naïve\u{301}\n");
    let table = FoodTable::parse(&accents_and_emoji).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(food(&table, 12017).description, "Entrée 🥬, naïve\u{301}");
}

#[test]
fn errors_read_plainly() {
    let error = FoodTable::parse(&small_with_line(30, "lots"))
        .map(|_| ())
        .map_err(|e| e.to_string());
    assert_eq!(
        error,
        Err(
            "food table, line 30: magnesium_mg_per_100g is not a plain decimal number in range: \"lots\""
                .to_owned()
        )
    );
    let cut = FoodTable::parse("@groups\t1\n0100\tDairy\n@foods\t1\n@ndb\n1001\n")
        .map(|_| ())
        .map_err(|e| e.to_string());
    assert_eq!(
        cut,
        Err("food table, line 6: the table ends before block @group does".to_owned())
    );
}

/// NDB numbers for generated tables, one a food.
const NDBS: [&str; 8] = [
    "11001", "11002", "11003", "11004", "11005", "11006", "11007", "11008",
];

/// Pieces the format is made of, so random text often comes close to a valid table.
fn table_like_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("@groups\t1\n".to_owned()),
        Just("@foods\t1\n".to_owned()),
        Just("@ndb\n".to_owned()),
        Just("@group\n".to_owned()),
        Just("@portions\n".to_owned()),
        Just("@kcal_per_100g_steps\n".to_owned()),
        Just("@frequent_parts\t1\n".to_owned()),
        Just("@frequent_measures\t1\n".to_owned()),
        Just("@frequent_portions\t1\n".to_owned()),
        Just(", ".to_owned()),
        Just("-".to_owned()),
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
    fn table_like_text_never_panics_and_every_reader_agrees(
        text in table_like_text(),
        chunk in 1_usize..40,
    ) {
        let whole = FoodTable::parse(&text);
        if let Err(error) = &whole {
            prop_assert!(error.line >= 1);
            prop_assert!(!error.to_string().is_empty());
        }
        prop_assert_eq!(build_from_chunks(text.as_bytes(), chunk), whole);
    }

    #[test]
    fn arbitrary_bytes_in_chunks_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        chunk in 1_usize..50,
    ) {
        let _ = build_from_chunks(&bytes, chunk);
    }

    #[test]
    fn descriptions_sharing_parts_read_back_as_written(
        descriptions in prop::collection::vec(
            prop::collection::vec(
                prop::sample::select(vec!["Beef", "raw", "1 cup", "2%", "a,b", "", "é"]),
                1..12,
            ),
            1..8,
        ),
    ) {
        let descriptions: Vec<String> = descriptions
            .iter()
            .map(|parts| parts.join(", "))
            .filter(|d| !d.is_empty())
            .collect();
        prop_assume!(!descriptions.is_empty());
        let foods: Vec<[&str; 7]> = descriptions
            .iter()
            .enumerate()
            .map(|(i, d)| [NDBS[i], "1100", "", "", d.as_str(), "", ""])
            .collect();
        let text = table_text(&[("1100", "Vegetables")], &foods);
        let table = FoodTable::parse(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let read: Vec<&str> = table.foods().iter().map(|f| f.description.as_str()).collect();
        prop_assert_eq!(read, descriptions.iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn a_valid_table_reads_the_same_in_any_chunks(chunk in 1_usize..200) {
        prop_assert_eq!(
            build_from_chunks(small().as_bytes(), chunk),
            FoodTable::parse(&small())
        );
    }

    #[test]
    fn a_damaged_line_of_a_valid_table_never_panics(
        line in 0_usize..36,
        at in 0_usize..200,
        insert in any::<char>(),
    ) {
        let mut lines: Vec<String> = small().lines().map(str::to_owned).collect();
        let target = &mut lines[line];
        let boundary = target
            .char_indices()
            .map(|(i, _)| i)
            .chain([target.len()])
            .nth(at % (target.chars().count() + 1))
            .unwrap_or(0);
        target.insert(boundary, insert);
        let damaged = lines.join("\n");
        let whole = FoodTable::parse(&damaged);
        prop_assert_eq!(build_from_chunks(damaged.as_bytes(), 5), whole);
    }
}
