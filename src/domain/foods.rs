//! The USDA SR28 food table the app ships: foods, food groups and household portions.
//!
//! [`FoodTableReader`] reads the text of `data/foods.tsv` (written by `tools/food-table`; format
//! in `data/README.md`) a line at a time, and [`FoodTable::parse`] runs it over the whole text.
//! It runs in the browser on every start, so it makes one pass over the text, borrows slices
//! instead of splitting into vectors, and allocates only the strings it keeps. The text is
//! data, not code: every malformed line is an error naming its line number, never a panic.

use std::fmt;

/// One of SR28's food groups, such as "Nut and Seed Products".
#[derive(Clone, Debug, PartialEq)]
pub struct FoodGroup {
    /// SR28's FdGrp_Cd as a number: `0100` is 100.
    pub code: u16,
    /// The group's name as SR28 gives it.
    pub name: String,
}

/// A household measure of a food and what it weighs, from SR28's WEIGHT file.
#[derive(Clone, Debug, PartialEq)]
pub struct Portion {
    /// How many of the measure: the `0.5` in "0.5 cup".
    pub amount: f64,
    /// The measure, such as `cup`, `oz` or `package (10 oz)`.
    pub description: String,
    /// What `amount` of the measure weighs, in grams.
    pub grams: f64,
}

impl Portion {
    /// The portion as people read it, for example `1 oz (28.35 g)`.
    pub fn label(&self) -> String {
        // f64's Display is the shortest text that reads back as the same number, so the label
        // shows 28.35 and 0.5, never 28.349999 or 0.50.
        format!("{} {} ({} g)", self.amount, self.description, self.grams)
    }
}

/// One food of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Food {
    /// SR28's NDB number: `12016` for roasted pumpkin seed kernels.
    pub ndb: u32,
    /// The code of the food's group; [`FoodTable::group_of`] finds its name.
    pub group_code: u16,
    /// SR28's long description, such as "Spinach, cooked, boiled, drained, without salt".
    pub description: String,
    /// Other names the food goes by ("pepitas"), or empty.
    pub common_name: String,
    /// Magnesium in mg per 100 g of the food; `None` where SR28 has no value.
    pub magnesium_mg_per_100g: Option<f64>,
    /// Energy in kcal per 100 g; `None` where SR28 has no value.
    pub kcal_per_100g: Option<f64>,
    /// Household portions in SR28's order; may be empty.
    pub portions: Vec<Portion>,
}

impl Food {
    /// Magnesium in `grams` of this food, in mg; `None` when SR28 has no magnesium value for it or
    /// `grams` is negative or not finite.
    pub fn magnesium_mg_in_grams(&self, grams: f64) -> Option<f64> {
        if !grams.is_finite() || grams < 0.0 {
            return None;
        }
        self.magnesium_mg_per_100g
            .map(|mg_per_100g| mg_per_100g * grams / 100.0)
    }
}

/// The whole food table, read-only once parsed. The default is an empty table, which the page
/// uses while the real one loads or if it cannot be loaded: every food then counts as "no data".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FoodTable {
    /// Ordered by code.
    groups: Vec<FoodGroup>,
    /// Ordered by NDB number, so lookups can binary-search.
    foods: Vec<Food>,
}

/// Which part of the table text is wrong; see [`FoodTableError`] for where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FoodTableProblem {
    /// The text holds no food group line.
    NoGroups,
    /// The text holds no food line.
    NoFoods,
    /// A line that is neither a `# ` comment, a `G` group nor an `F` food line.
    UnknownLineKind,
    /// A `# ` comment after the first group or food line.
    CommentAfterHeader,
    /// A group line after the first food line.
    GroupAfterFoods,
    /// A line with the wrong number of tab-separated columns.
    ColumnCount {
        /// How many the line's kind has.
        expected: usize,
        /// How many it had.
        found: usize,
    },
    /// A group code or NDB number that is not the right number of ASCII digits.
    BadCode {
        /// The column's name.
        column: &'static str,
        /// The offending text, shortened.
        text: String,
    },
    /// A number that is not a plain decimal such as `28.35`, or is out of range for its column.
    BadNumber {
        /// The column's name.
        column: &'static str,
        /// The offending text, shortened.
        text: String,
    },
    /// A text column that must not be empty is.
    EmptyText {
        /// The column's name.
        column: &'static str,
    },
    /// A text column holds a control character, which would show as nothing or as a box.
    ControlCharacter {
        /// The column's name.
        column: &'static str,
    },
    /// A portion is not `amount|measure|grams`.
    BadPortion {
        /// The portion's 1-based position in the line.
        position: usize,
    },
    /// Group codes must strictly increase: this one repeats or goes back.
    GroupOutOfOrder {
        /// The code found.
        code: u16,
    },
    /// NDB numbers must strictly increase: this one repeats or goes back.
    FoodOutOfOrder {
        /// The NDB number found.
        ndb: u32,
    },
    /// A food names a group that no group line declared.
    UnknownGroup {
        /// The code the food names.
        code: u16,
    },
}

/// Why the table text could not be read, and on which line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoodTableError {
    /// The 1-based line number; for a table that ends too early, the line after its last.
    pub line: usize,
    /// What is wrong there.
    pub problem: FoodTableProblem,
}

impl fmt::Display for FoodTableProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoGroups => f.write_str("the table has no food groups"),
            Self::NoFoods => f.write_str("the table has no foods"),
            Self::UnknownLineKind => {
                f.write_str("the line does not start with \"# \", \"G<tab>\" or \"F<tab>\"")
            }
            Self::CommentAfterHeader => f.write_str("a comment after the table has started"),
            Self::GroupAfterFoods => f.write_str("a food group after the first food"),
            Self::ColumnCount { expected, found } => {
                write!(
                    f,
                    "expected {expected} tab-separated columns, found {found}"
                )
            }
            Self::BadCode { column, text } => {
                write!(
                    f,
                    "{column} is not a code of the right number of digits: {text:?}"
                )
            }
            Self::BadNumber { column, text } => {
                write!(
                    f,
                    "{column} is not a plain decimal number in range: {text:?}"
                )
            }
            Self::EmptyText { column } => write!(f, "{column} is empty"),
            Self::ControlCharacter { column } => write!(f, "{column} holds a control character"),
            Self::BadPortion { position } => {
                write!(f, "portion {position} is not amount|measure|grams")
            }
            Self::GroupOutOfOrder { code } => {
                write!(f, "food group {code:04} repeats or is out of order")
            }
            Self::FoodOutOfOrder { ndb } => write!(f, "food {ndb:05} repeats or is out of order"),
            Self::UnknownGroup { code } => write!(f, "food group {code:04} was not declared"),
        }
    }
}

impl fmt::Display for FoodTableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "food table, line {}: {}", self.line, self.problem)
    }
}

impl std::error::Error for FoodTableError {}

/// Columns of a group line: `G`, code, name.
const GROUP_COLUMNS: usize = 3;
/// Columns of a food line: `F`, NDB, group, magnesium, kcal, description, common name, portions.
const FOOD_COLUMNS: usize = 8;
/// Offending text is cut to this many characters, so a damaged line cannot flood the message.
const QUOTED_TEXT_CHARS: usize = 40;

fn quoted(text: &str) -> String {
    text.chars().take(QUOTED_TEXT_CHARS).collect()
}

/// Reads exactly `digits` ASCII digits; anything else (signs, spaces, other scripts' digits) is
/// refused so that each food has exactly one spelling of its code.
fn parse_code(text: &str, digits: usize, column: &'static str) -> Result<u32, FoodTableProblem> {
    if text.len() != digits || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FoodTableProblem::BadCode {
            column,
            text: quoted(text),
        });
    }
    Ok(text
        .bytes()
        .fold(0, |value, digit| value * 10 + u32::from(digit - b'0')))
}

/// Reads a plain decimal (`550`, `28.35`, `0.5`): ASCII digits with at most one point. The
/// strictness gives each value one spelling: no signs, exponents or words.
fn parse_decimal(text: &str, column: &'static str) -> Result<f64, FoodTableProblem> {
    let bad = || FoodTableProblem::BadNumber {
        column,
        text: quoted(text),
    };
    let mut digits = 0_usize;
    let mut points = 0_usize;
    for byte in text.bytes() {
        match byte {
            b'0'..=b'9' => digits += 1,
            b'.' => points += 1,
            _ => return Err(bad()),
        }
    }
    if digits == 0 || points > 1 {
        return Err(bad());
    }
    // Whole numbers of up to 15 digits are below 2^53, so summing digits is exact, and it skips
    // the general float parser for almost every value in the table.
    if points == 0 && digits <= 15 {
        let whole = text
            .bytes()
            .fold(0_u64, |value, digit| value * 10 + u64::from(digit - b'0'));
        return Ok(whole as f64);
    }
    // Hundreds of digits parse to infinity rather than failing, hence the finiteness check.
    match super::input::read_decimal(text) {
        Some(value) if value.is_finite() => Ok(value),
        _ => Err(bad()),
    }
}

fn parse_optional_decimal(
    text: &str,
    column: &'static str,
) -> Result<Option<f64>, FoodTableProblem> {
    if text.is_empty() {
        Ok(None)
    } else {
        parse_decimal(text, column).map(Some)
    }
}

/// A decimal that must be above zero: a portion of nothing would divide or mislead.
fn parse_positive_decimal(text: &str, column: &'static str) -> Result<f64, FoodTableProblem> {
    match parse_decimal(text, column)? {
        value if value > 0.0 => Ok(value),
        _ => Err(FoodTableProblem::BadNumber {
            column,
            text: quoted(text),
        }),
    }
}

fn check_text(text: &str, column: &'static str, required: bool) -> Result<(), FoodTableProblem> {
    if required && text.is_empty() {
        return Err(FoodTableProblem::EmptyText { column });
    }
    // Nearly every description is ASCII, and checking bytes is much cheaper than decoding chars.
    let has_control = if text.is_ascii() {
        text.bytes().any(|b| b.is_ascii_control())
    } else {
        text.chars().any(char::is_control)
    };
    if has_control {
        return Err(FoodTableProblem::ControlCharacter { column });
    }
    Ok(())
}

/// Takes exactly `N` tab-separated columns without allocating. A plain byte loop rather than
/// `str::split`, which measured a fifth slower in wasm on the full table.
fn split_columns<const N: usize>(line: &str) -> Result<[&str; N], FoodTableProblem> {
    let mut columns = [""; N];
    let mut found = 0;
    let mut start = 0;
    for (position, &byte) in line.as_bytes().iter().enumerate() {
        if byte == b'\t' {
            // A tab is ASCII, so both ends are character boundaries and `get` always succeeds.
            if let (Some(slot), Some(column)) = (columns.get_mut(found), line.get(start..position))
            {
                *slot = column;
            }
            found += 1;
            start = position + 1;
        }
    }
    if let (Some(slot), Some(column)) = (columns.get_mut(found), line.get(start..)) {
        *slot = column;
    }
    found += 1;
    if found != N {
        return Err(FoodTableProblem::ColumnCount { expected: N, found });
    }
    Ok(columns)
}

fn parse_portions(text: &str) -> Result<Vec<Portion>, FoodTableProblem> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let mut portions = Vec::with_capacity(text.bytes().filter(|&b| b == b';').count() + 1);
    for (index, part) in text.split(';').enumerate() {
        let [amount, description, grams] =
            split_portion(part).ok_or(FoodTableProblem::BadPortion {
                position: index + 1,
            })?;
        check_text(description, "portion measure", true)?;
        portions.push(Portion {
            amount: parse_positive_decimal(amount, "portion amount")?,
            description: description.to_owned(),
            grams: parse_positive_decimal(grams, "portion grams")?,
        });
    }
    Ok(portions)
}

fn split_portion(part: &str) -> Option<[&str; 3]> {
    let mut pieces = part.split('|');
    let portion = [pieces.next()?, pieces.next()?, pieces.next()?];
    pieces.next().is_none().then_some(portion)
}

fn parse_group(line: &str) -> Result<FoodGroup, FoodTableProblem> {
    let [_, code, name] = split_columns::<GROUP_COLUMNS>(line)?;
    let code = parse_code(code, 4, "group code")?;
    check_text(name, "group name", true)?;
    Ok(FoodGroup {
        // Four decimal digits always fit a u16.
        code: u16::try_from(code).unwrap_or(u16::MAX),
        name: name.to_owned(),
    })
}

fn parse_food(line: &str, groups: &[FoodGroup]) -> Result<Food, FoodTableProblem> {
    let [
        _,
        ndb,
        group,
        magnesium,
        kcal,
        description,
        common_name,
        portions,
    ] = split_columns::<FOOD_COLUMNS>(line)?;
    let ndb = parse_code(ndb, 5, "NDB number")?;
    let group_code = u16::try_from(parse_code(group, 4, "group code")?).unwrap_or(u16::MAX);
    if groups
        .binary_search_by_key(&group_code, |g| g.code)
        .is_err()
    {
        return Err(FoodTableProblem::UnknownGroup { code: group_code });
    }
    let magnesium_mg_per_100g = parse_optional_decimal(magnesium, "magnesium_mg_per_100g")?;
    let kcal_per_100g = parse_optional_decimal(kcal, "kcal_per_100g")?;
    check_text(description, "description", true)?;
    check_text(common_name, "common name", false)?;
    Ok(Food {
        ndb,
        group_code,
        description: description.to_owned(),
        common_name: common_name.to_owned(),
        magnesium_mg_per_100g,
        kcal_per_100g,
        portions: parse_portions(portions)?,
    })
}

/// Reads the text of `data/foods.tsv` a line at a time, so that a caller can spread the work
/// over several turns of the browser's event loop instead of blocking the page for one long
/// task. [`FoodTable::parse`] is the same reader run over the whole text at once.
#[derive(Debug, Default)]
pub struct FoodTableReader {
    groups: Vec<FoodGroup>,
    foods: Vec<Food>,
    line_count: usize,
}

impl FoodTableReader {
    /// A reader that has seen no lines yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads the next line of the table, without its line end (LF or CRLF), as
    /// [`str::lines`] gives it.
    pub fn read_line(&mut self, line: &str) -> Result<(), FoodTableError> {
        self.line_count += 1;
        let at_line = |problem| FoodTableError {
            line: self.line_count,
            problem,
        };
        if line.starts_with("# ") {
            if !self.groups.is_empty() || !self.foods.is_empty() {
                return Err(at_line(FoodTableProblem::CommentAfterHeader));
            }
        } else if line.starts_with("G\t") {
            if !self.foods.is_empty() {
                return Err(at_line(FoodTableProblem::GroupAfterFoods));
            }
            let group = parse_group(line).map_err(at_line)?;
            if self
                .groups
                .last()
                .is_some_and(|last| last.code >= group.code)
            {
                return Err(at_line(FoodTableProblem::GroupOutOfOrder {
                    code: group.code,
                }));
            }
            self.groups.push(group);
        } else if line.starts_with("F\t") {
            let food = parse_food(line, &self.groups).map_err(at_line)?;
            if self.foods.last().is_some_and(|last| last.ndb >= food.ndb) {
                return Err(at_line(FoodTableProblem::FoodOutOfOrder { ndb: food.ndb }));
            }
            self.foods.push(food);
        } else {
            return Err(at_line(FoodTableProblem::UnknownLineKind));
        }
        Ok(())
    }

    /// The table, once every line has been read; refused if it has no groups or no foods.
    pub fn finish(self) -> Result<FoodTable, FoodTableError> {
        let at_end = |problem| FoodTableError {
            line: self.line_count + 1,
            problem,
        };
        if self.groups.is_empty() {
            return Err(at_end(FoodTableProblem::NoGroups));
        }
        if self.foods.is_empty() {
            return Err(at_end(FoodTableProblem::NoFoods));
        }
        Ok(FoodTable {
            groups: self.groups,
            foods: self.foods,
        })
    }
}

impl FoodTable {
    /// Parses the text of `data/foods.tsv`: `# ` header lines, then `G` lines ordered by code,
    /// then `F` lines ordered by NDB number. LF or CRLF line ends.
    pub fn parse(text: &str) -> Result<FoodTable, FoodTableError> {
        let mut reader = FoodTableReader::new();
        for line in text.lines() {
            reader.read_line(line)?;
        }
        reader.finish()
    }

    /// Every food, ordered by NDB number.
    pub fn foods(&self) -> &[Food] {
        &self.foods
    }

    /// Every food group, ordered by code.
    pub fn groups(&self) -> &[FoodGroup] {
        &self.groups
    }

    /// The food with this NDB number, if the table has it.
    pub fn by_ndb(&self, ndb: u32) -> Option<&Food> {
        self.foods
            .binary_search_by_key(&ndb, |food| food.ndb)
            .ok()
            .and_then(|index| self.foods.get(index))
    }

    /// The group with this code, if the table has it.
    pub fn group(&self, code: u16) -> Option<&FoodGroup> {
        self.groups
            .binary_search_by_key(&code, |group| group.code)
            .ok()
            .and_then(|index| self.groups.get(index))
    }

    /// The group a food belongs to. Always `Some` for a food of this table, because parsing
    /// refuses unknown groups; `None` only for a food from another table with other groups.
    pub fn group_of(&self, food: &Food) -> Option<&FoodGroup> {
        self.group(food.group_code)
    }
}
