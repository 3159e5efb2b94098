//! The USDA SR28 food table the app ships: foods, food groups and household portions.
//!
//! [`FoodTableReader`] reads the text of `data/foods.tsv` (written by `tools/food-table`; format
//! in `data/README.md`: a block of lines per column, one line per food in each) a line at a
//! time, and [`FoodTable::parse`] runs it over the whole text. It runs in the browser on every
//! start, so it makes one pass over the text, borrows slices instead of splitting into vectors,
//! and allocates only the strings it keeps. The text is data, not code: every malformed line is
//! an error naming its line number, never a panic.

use std::fmt;

use super::decimal_text::plain;

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
        // The shortest text that reads back as the same number (what f64's Display writes), so
        // the label shows 28.35 and 0.5, never 28.349999 or 0.50.
        format!(
            "{} {} ({} g)",
            plain(self.amount),
            self.description,
            plain(self.grams)
        )
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
    /// How one of this food's portions reads: "1 oz (28.35 g)". A food of the person's own has
    /// one portion, its serving in their own words with their own count ("1 bar", "2
    /// biscuits"), so no amount is put before it: "1 bar (45 g)".
    pub fn portion_label(&self, portion: &Portion) -> String {
        if super::library::is_own_food(self.ndb) {
            format!("{} ({} g)", portion.description, plain(portion.grams))
        } else {
            portion.label()
        }
    }

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
    /// The table declares no food groups.
    NoGroups,
    /// The table declares no foods.
    NoFoods,
    /// A line other than the one the format has in this place: a block's title line
    /// (`@groups`, `@foods`, `@ndb`, ...) is missing or out of order, or the table goes on after
    /// its last block.
    UnexpectedLine {
        /// What the format has here, such as `@ndb`, or "the end of the table".
        expected: &'static str,
        /// The line found, shortened.
        text: String,
    },
    /// The table ends before the lines its blocks declare.
    EndsEarly {
        /// The block that is cut short or missing, such as `@portions`.
        block: &'static str,
    },
    /// A line that is not UTF-8 text.
    NotUtf8,
    /// A line with the wrong number of tab-separated columns.
    ColumnCount {
        /// How many the line's kind has.
        expected: usize,
        /// How many it had.
        found: usize,
    },
    /// A group code, NDB number or count that is not the right kind of digits.
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
    /// A description part, portion or measure given by its number in `@frequent_parts`,
    /// `@frequent_portions` or `@frequent_measures` is past the end of that list.
    NotListed {
        /// The list's title, such as `@frequent_measures`.
        list: &'static str,
        /// The number found.
        number: u32,
    },
    /// A description line does not start with the one-digit count of the parts it shares with
    /// the previous food's description, or counts more parts than that description has.
    SharedParts {
        /// The line found, shortened.
        text: String,
    },
    /// A portion is neither `amount|measure|grams` nor `measure|grams`.
    BadPortion {
        /// The portion's 1-based position in the line.
        position: usize,
    },
    /// Group codes must strictly increase: this one repeats or goes back.
    GroupOutOfOrder {
        /// The code found.
        code: u16,
    },
    /// NDB numbers must strictly increase: a step of zero, or past 99999.
    FoodOutOfOrder {
        /// The step found.
        step: u32,
    },
    /// A food names a group that the groups block did not declare.
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
            Self::UnexpectedLine { expected, text } => {
                write!(f, "expected {expected}, found {text:?}")
            }
            Self::EndsEarly { block } => write!(f, "the table ends before block {block} does"),
            Self::NotUtf8 => f.write_str("the line is not UTF-8 text"),
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
            Self::NotListed { list, number } => write!(f, "{list} has no number {number}"),
            Self::SharedParts { text } => write!(
                f,
                "description does not start with how many parts of the previous one it shares: {text:?}"
            ),
            Self::BadPortion { position } => {
                write!(
                    f,
                    "portion {position} is not amount|measure|grams or measure|grams"
                )
            }
            Self::GroupOutOfOrder { code } => {
                write!(f, "food group {code:04} repeats or is out of order")
            }
            Self::FoodOutOfOrder { step } => {
                write!(f, "NDB step {step} repeats a number or goes past 99999")
            }
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

/// Columns of a group line: code, name.
const GROUP_COLUMNS: usize = 2;
/// Offending text is cut to this many characters, so a damaged line cannot flood the message.
const QUOTED_TEXT_CHARS: usize = 40;
/// NDB numbers have five digits, so no table can hold more foods (or groups) than this; a
/// larger count is damage, and must not make the reader reserve memory for it.
const MAX_COUNT: u32 = 99_999;
/// The title of the list of the parts that descriptions repeat, which `@description` refers to.
const FREQUENT_PARTS: &str = "@frequent_parts";
/// The title of the list of measures that many foods' portions share, which `@portions` refers to.
const FREQUENT_MEASURES: &str = "@frequent_measures";
/// The title of the list of whole portions that many foods share, which `@portions` refers to.
const FREQUENT_PORTIONS: &str = "@frequent_portions";
/// What [`FoodTableProblem::UnexpectedLine`] says is expected after the last block.
const END_OF_TABLE: &str = "the end of the table";

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
    Ok(digits_value(text))
}

fn digits_value(text: &str) -> u32 {
    text.bytes()
        .fold(0, |value, digit| value * 10 + u32::from(digit - b'0'))
}

/// Reads a whole number of one to five ASCII digits without a leading zero (`0` itself is
/// allowed): the counts of the blocks and the steps of the NDB column. One spelling per value.
fn parse_whole(text: &str, column: &'static str) -> Result<u32, FoodTableProblem> {
    let plain = (1..=5).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    if !plain {
        return Err(FoodTableProblem::BadCode {
            column,
            text: quoted(text),
        });
    }
    Ok(digits_value(text))
}

/// Reads a block's opening line, `<title><tab><count>`, and gives the count.
fn parse_block_start(line: &str, title: &'static str) -> Result<u32, FoodTableProblem> {
    let unexpected = || FoodTableProblem::UnexpectedLine {
        expected: title,
        text: quoted(line),
    };
    let count = line
        .strip_prefix(title)
        .and_then(|rest| rest.strip_prefix('\t'))
        .ok_or_else(unexpected)?;
    match parse_whole(count, title)? {
        count if count <= MAX_COUNT => Ok(count),
        _ => Err(FoodTableProblem::BadCode {
            column: title,
            text: quoted(count),
        }),
    }
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

/// The largest energy the reader takes, in kcal per 100 g: pure fat has about 900, so anything
/// near this is damage.
const MAX_KCAL_PER_100G: u32 = 99_999;

/// Reads a `@kcal_per_100g_steps` line, the step from the last energy before (`-12`, `574`),
/// and gives the energy it leads to, which must be a whole number from 0 to
/// [`MAX_KCAL_PER_100G`]. Whole numbers: SR28 gives energy so, and integer steps are exact.
fn kcal_after_step(last_kcal: u32, line: &str) -> Result<u32, FoodTableProblem> {
    let bad = || FoodTableProblem::BadNumber {
        column: "kcal_per_100g",
        text: quoted(line),
    };
    let (negative, digits) = match line.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, line),
    };
    let size = parse_whole(digits, "kcal_per_100g").map_err(|_| bad())?;
    let kcal = if negative {
        // "-0" is refused: zero has one spelling.
        if size == 0 {
            return Err(bad());
        }
        last_kcal.checked_sub(size)
    } else {
        last_kcal.checked_add(size)
    };
    kcal.filter(|&kcal| kcal <= MAX_KCAL_PER_100G)
        .ok_or_else(bad)
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

/// The parts of a description, what lies between `, `: as `text.split(", ")`, without setting
/// up a substring search for every description.
fn description_parts(text: &str) -> impl Iterator<Item = &str> {
    let mut left = Some(text);
    std::iter::from_fn(move || {
        let text = left?;
        let part = match text.as_bytes().windows(2).position(|pair| pair == b", ") {
            Some(at) => {
                left = text.get(at + 2..);
                text.get(..at)
            }
            None => {
                left = None;
                Some(text)
            }
        };
        // Both cuts are next to ASCII bytes, so they are always on character boundaries.
        part
    })
}

/// Takes exactly `N` tab-separated columns without allocating.
fn split_columns<const N: usize>(line: &str) -> Result<[&str; N], FoodTableProblem> {
    let mut columns = [""; N];
    let mut found = 0;
    for column in line.split('\t') {
        if let Some(slot) = columns.get_mut(found) {
            *slot = column;
        }
        found += 1;
    }
    if found != N {
        return Err(FoodTableProblem::ColumnCount { expected: N, found });
    }
    Ok(columns)
}

/// The lists of what many descriptions and portions repeat, which `@description` and
/// `@portions` lines give by number.
#[derive(Debug, Default)]
struct FrequentLists {
    /// `@frequent_parts`: parts of descriptions such as `cooked`.
    parts: Vec<String>,
    /// `@frequent_measures`: measures such as `cup`.
    measures: Vec<String>,
    /// `@frequent_portions`: whole portions such as `3 oz (85 g)`.
    portions: Vec<Portion>,
}

impl FrequentLists {
    /// Reads a food's portions: each is written out, or is its number in the list of frequent
    /// portions, which is what a portion without `|` is.
    fn parse_portions(&self, text: &str) -> Result<Vec<Portion>, FoodTableProblem> {
        if text.is_empty() {
            return Ok(Vec::new());
        }
        let mut portions = Vec::with_capacity(text.bytes().filter(|&b| b == b';').count() + 1);
        for (index, part) in text.split(';').enumerate() {
            let portion = if part.contains('|') {
                self.parse_portion(part, index + 1)?
            } else {
                listed(&self.portions, part, FREQUENT_PORTIONS)?.clone()
            };
            portions.push(portion);
        }
        Ok(portions)
    }

    /// Reads one portion written out, `amount|measure|grams` or `measure|grams`, where a
    /// measure of digits alone is its number in the list of frequent measures; `position` is
    /// the portion's 1-based place in its line, for the error.
    fn parse_portion(&self, part: &str, position: usize) -> Result<Portion, FoodTableProblem> {
        let (amount, measure, grams) =
            split_portion(part).ok_or(FoodTableProblem::BadPortion { position })?;
        let description = if !measure.is_empty() && measure.bytes().all(|b| b.is_ascii_digit()) {
            listed(&self.measures, measure, FREQUENT_MEASURES)?.clone()
        } else {
            check_text(measure, "portion measure", true)?;
            measure.to_owned()
        };
        Ok(Portion {
            amount: match amount {
                Some(amount) => parse_positive_decimal(amount, "portion amount")?,
                None => 1.0,
            },
            description,
            grams: parse_positive_decimal(grams, "portion grams")?,
        })
    }
}

/// The entry of `list` (titled `title`) whose number, counted from 0, `text` is.
fn listed<'l, T>(
    list: &'l [T],
    text: &str,
    title: &'static str,
) -> Result<&'l T, FoodTableProblem> {
    let number = parse_whole(text, title)?;
    list.get(number as usize)
        .ok_or(FoodTableProblem::NotListed {
            list: title,
            number,
        })
}

/// A portion's amount (`None` where the table leaves out an amount of 1, as it does for three
/// portions in four), measure and grams.
fn split_portion(part: &str) -> Option<(Option<&str>, &str, &str)> {
    let mut pieces = part.split('|');
    let portion = match [pieces.next(), pieces.next(), pieces.next(), pieces.next()] {
        [Some(measure), Some(grams), None, None] => (None, measure, grams),
        [Some(amount), Some(measure), Some(grams), None] => (Some(amount), measure, grams),
        _ => return None,
    };
    Some(portion)
}

fn parse_group(line: &str) -> Result<FoodGroup, FoodTableProblem> {
    let [code, name] = split_columns::<GROUP_COLUMNS>(line)?;
    let code = parse_code(code, 4, "group code")?;
    check_text(name, "group name", true)?;
    Ok(FoodGroup {
        // Four decimal digits always fit a u16.
        code: u16::try_from(code).unwrap_or(u16::MAX),
        name: name.to_owned(),
    })
}

/// The foods' columns, one block of lines each, in the order the table gives them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Ndb,
    Group,
    Description,
    CommonName,
    Portions,
    Magnesium,
    Kcal,
}

impl Column {
    /// The block's title line.
    fn title(self) -> &'static str {
        match self {
            Column::Ndb => "@ndb",
            Column::Group => "@group",
            Column::Magnesium => "@magnesium_mg_per_100g",
            Column::Kcal => "@kcal_per_100g_steps",
            Column::Description => "@description",
            Column::CommonName => "@common_name",
            Column::Portions => "@portions",
        }
    }

    /// The block after this one, if any.
    fn next(self) -> Option<Column> {
        match self {
            Column::Ndb => Some(Column::Group),
            Column::Group => Some(Column::Description),
            Column::Description => Some(Column::CommonName),
            Column::CommonName => Some(Column::Portions),
            // The numbers last, where they compress best (BENCHMARKS.md).
            Column::Portions => Some(Column::Magnesium),
            Column::Magnesium => Some(Column::Kcal),
            Column::Kcal => None,
        }
    }
}

/// The lists of what descriptions and portions repeat, in the order the table gives them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum List {
    Parts,
    Measures,
    Portions,
}

impl List {
    /// The list's title.
    fn title(self) -> &'static str {
        match self {
            List::Parts => FREQUENT_PARTS,
            List::Measures => FREQUENT_MEASURES,
            List::Portions => FREQUENT_PORTIONS,
        }
    }

    /// Where the table goes on after the list.
    fn next(self) -> Place {
        match self {
            List::Parts => Place::ColumnTitle(Column::Description),
            List::Measures => Place::ListStart(List::Portions),
            List::Portions => Place::ColumnTitle(Column::Portions),
        }
    }
}

/// Where in the table the next line belongs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Place {
    /// `# ` lines, until `@groups`.
    #[default]
    Header,
    /// Group lines, this many still to come.
    Groups { left: u32 },
    /// The line `@foods<tab><count>`.
    FoodsStart,
    /// A column's title line.
    ColumnTitle(Column),
    /// A column's lines; `food` is the index of the food the next one belongs to.
    ColumnLines { column: Column, food: usize },
    /// A list's line `<title><tab><count>`: `@frequent_parts` comes just before
    /// `@description`, and the lists of measures and portions just before `@portions`.
    ListStart(List),
    /// A list's lines, this many still to come.
    ListLines { list: List, left: u32 },
    /// Past the last line of the last block.
    End,
}

/// Reads the text of `data/foods.tsv` a line at a time, so that a caller can spread the work
/// over several turns of the browser's event loop instead of blocking the page for one long
/// task. [`FoodTable::parse`] is the same reader run over the whole text at once.
#[derive(Debug, Default)]
pub struct FoodTableReader {
    groups: Vec<FoodGroup>,
    foods: Vec<Food>,
    /// How many foods `@foods` declared.
    food_count: usize,
    place: Place,
    line_count: usize,
    /// What `@description` and `@portions` lines refer to by number.
    frequent: FrequentLists,
    /// The energy of the last food with one, which the next step starts from.
    last_kcal: u32,
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
        let line_number = self.line_count;
        self.place = self
            .read_at(self.place, line)
            .map_err(|problem| FoodTableError {
                line: line_number,
                problem,
            })?;
        Ok(())
    }

    /// Reads `line` at `place` and says where the next line belongs.
    fn read_at(&mut self, place: Place, line: &str) -> Result<Place, FoodTableProblem> {
        Ok(match place {
            Place::Header if line.starts_with("# ") => Place::Header,
            Place::Header => match parse_block_start(line, "@groups")? {
                0 => return Err(FoodTableProblem::NoGroups),
                left => Place::Groups { left },
            },
            Place::Groups { left } => {
                let group = parse_group(line)?;
                if self
                    .groups
                    .last()
                    .is_some_and(|last| last.code >= group.code)
                {
                    return Err(FoodTableProblem::GroupOutOfOrder { code: group.code });
                }
                self.groups.push(group);
                match left.saturating_sub(1) {
                    0 => Place::FoodsStart,
                    left => Place::Groups { left },
                }
            }
            Place::FoodsStart => match parse_block_start(line, "@foods")? {
                0 => return Err(FoodTableProblem::NoFoods),
                count => {
                    // At most MAX_COUNT, so this never reserves more than a real table needs.
                    self.food_count = count as usize;
                    self.foods.reserve_exact(self.food_count);
                    Place::ColumnTitle(Column::Ndb)
                }
            },
            Place::ColumnTitle(column) => {
                if line != column.title() {
                    return Err(FoodTableProblem::UnexpectedLine {
                        expected: column.title(),
                        text: quoted(line),
                    });
                }
                Place::ColumnLines { column, food: 0 }
            }
            Place::ColumnLines { column, food } => {
                self.read_value(column, food, line)?;
                if food + 1 < self.food_count {
                    Place::ColumnLines {
                        column,
                        food: food + 1,
                    }
                } else {
                    match column.next() {
                        // The lists that `@description` and `@portions` refer to come just
                        // before them.
                        Some(Column::Description) => Place::ListStart(List::Parts),
                        Some(Column::Portions) => Place::ListStart(List::Measures),
                        next => next.map_or(Place::End, Place::ColumnTitle),
                    }
                }
            }
            Place::ListStart(list) => match parse_block_start(line, list.title())? {
                0 => list.next(),
                left => Place::ListLines { list, left },
            },
            Place::ListLines { list, left } => {
                match list {
                    List::Parts => {
                        check_text(line, "frequent part", true)?;
                        self.frequent.parts.push(line.to_owned());
                    }
                    List::Measures => {
                        check_text(line, "frequent measure", true)?;
                        self.frequent.measures.push(line.to_owned());
                    }
                    // One portion written out, never a list (`;`) or a number (which
                    // parse_portion refuses): those are for `@portions` lines.
                    List::Portions if line.contains(';') => {
                        return Err(FoodTableProblem::BadPortion { position: 1 });
                    }
                    List::Portions => {
                        let portion = self.frequent.parse_portion(line, 1)?;
                        self.frequent.portions.push(portion);
                    }
                }
                match left.saturating_sub(1) {
                    0 => list.next(),
                    left => Place::ListLines { list, left },
                }
            }
            Place::End => {
                return Err(FoodTableProblem::UnexpectedLine {
                    expected: END_OF_TABLE,
                    text: quoted(line),
                });
            }
        })
    }

    /// Reads food number `index`'s value in `column`. The `@ndb` block comes first and makes
    /// the foods; the later blocks fill them in.
    fn read_value(
        &mut self,
        column: Column,
        index: usize,
        line: &str,
    ) -> Result<(), FoodTableProblem> {
        if column == Column::Ndb {
            let ndb = self.read_ndb(line)?;
            self.foods.push(Food {
                ndb,
                group_code: 0,
                description: String::new(),
                common_name: String::new(),
                magnesium_mg_per_100g: None,
                kcal_per_100g: None,
                portions: Vec::new(),
            });
            return Ok(());
        }
        let description = if column == Column::Description {
            let description = self.expand_description(index, line)?;
            check_text(&description, "description", true)?;
            description
        } else {
            String::new()
        };
        let group_code = if column == Column::Group {
            // An empty line is the previous food's group: foods come in long runs of one group.
            let previous = index
                .checked_sub(1)
                .and_then(|before| self.foods.get(before));
            match previous {
                Some(food) if line.is_empty() => food.group_code,
                _ => {
                    let code =
                        u16::try_from(parse_code(line, 4, "group code")?).unwrap_or(u16::MAX);
                    if self.group(code).is_none() {
                        return Err(FoodTableProblem::UnknownGroup { code });
                    }
                    code
                }
            }
        } else {
            0
        };
        // Always a food: the @ndb block made one for every index the later blocks reach.
        let Some(food) = self.foods.get_mut(index) else {
            return Ok(());
        };
        match column {
            Column::Ndb => {}
            Column::Group => food.group_code = group_code,
            Column::Magnesium => {
                food.magnesium_mg_per_100g = parse_optional_decimal(line, "magnesium_mg_per_100g")?;
            }
            Column::Kcal => {
                if !line.is_empty() {
                    self.last_kcal = kcal_after_step(self.last_kcal, line)?;
                    food.kcal_per_100g = Some(f64::from(self.last_kcal));
                }
            }
            Column::Description => food.description = description,
            Column::CommonName => {
                check_text(line, "common name", false)?;
                food.common_name = line.to_owned();
            }
            Column::Portions => {
                food.portions = self.frequent.parse_portions(line)?;
            }
        }
        Ok(())
    }

    /// A `@description` line is one digit, how many leading `, `-separated parts the food's
    /// description shares with the previous food's, then the rest of it: after "Spinach, raw",
    /// `1cooked` is "Spinach, cooked". A part of the rest that is digits alone is its number in
    /// `@frequent_parts`: `1cooked, 1` is "Spinach, cooked, raw" if `raw` is number 1 there.
    /// Neighbours in NDB order share many words, and whole parts compress better than a count
    /// of shared bytes would (BENCHMARKS.md).
    fn expand_description(&self, index: usize, line: &str) -> Result<String, FoodTableProblem> {
        let bad = || FoodTableProblem::SharedParts { text: quoted(line) };
        let shared = match line.as_bytes().first() {
            Some(digit @ b'0'..=b'9') => usize::from(digit - b'0'),
            _ => return Err(bad()),
        };
        // The digit is one byte, so the rest starts on a character boundary.
        let rest = line.get(1..).unwrap_or_default();
        let prefix = if shared == 0 {
            ""
        } else {
            let previous = index
                .checked_sub(1)
                .and_then(|before| self.foods.get(before))
                .map_or("", |food| food.description.as_str());
            // An empty previous description (there is none before the first food) has no parts
            // to share.
            if previous.is_empty() {
                return Err(bad());
            }
            let mut parts = description_parts(previous);
            let mut prefix_len = 0;
            for part in 0..shared {
                let Some(text) = parts.next() else {
                    return Err(bad());
                };
                prefix_len += text.len() + if part == 0 { 0 } else { 2 };
            }
            previous.get(..prefix_len).unwrap_or_default()
        };
        // Room for the prefix and the rest with a few of its parts given by number.
        let mut description = String::with_capacity(prefix.len() + 2 + rest.len() + 32);
        description.push_str(prefix);
        // Most rests hold no digit at all, so no part of them is a number.
        if !rest.bytes().any(|b| b.is_ascii_digit()) {
            if shared > 0 {
                description.push_str(", ");
            }
            description.push_str(rest);
            return Ok(description);
        }
        for (number, part) in description_parts(rest).enumerate() {
            if number > 0 || shared > 0 {
                description.push_str(", ");
            }
            if !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) {
                description.push_str(listed(&self.frequent.parts, part, FREQUENT_PARTS)?);
            } else {
                description.push_str(part);
            }
        }
        Ok(description)
    }

    /// The first line of `@ndb` is the first food's NDB number, each later one the step from
    /// the previous food's: numbers rise by small steps, which cost little to send.
    fn read_ndb(&self, line: &str) -> Result<u32, FoodTableProblem> {
        // An empty line is the step nearly every food takes, 1; never the first food's number.
        let value = match (line, self.foods.last()) {
            ("", Some(_)) => 1,
            _ => parse_whole(line, "NDB number")?,
        };
        let Some(previous) = self.foods.last() else {
            return match value {
                0 => Err(FoodTableProblem::BadCode {
                    column: "NDB number",
                    text: quoted(line),
                }),
                ndb => Ok(ndb),
            };
        };
        match previous.ndb + value {
            ndb if value > 0 && ndb <= MAX_COUNT => Ok(ndb),
            _ => Err(FoodTableProblem::FoodOutOfOrder { step: value }),
        }
    }

    fn group(&self, code: u16) -> Option<&FoodGroup> {
        self.groups
            .binary_search_by_key(&code, |group| group.code)
            .ok()
            .and_then(|index| self.groups.get(index))
    }

    /// The error for a next line that is not UTF-8, which only a reader of bytes can meet.
    pub fn not_utf8(&self) -> FoodTableError {
        FoodTableError {
            line: self.line_count + 1,
            problem: FoodTableProblem::NotUtf8,
        }
    }

    /// The table, once every line has been read; refused if it has no groups or no foods, or
    /// ends before the lines its blocks declare.
    pub fn finish(self) -> Result<FoodTable, FoodTableError> {
        let problem = match self.place {
            Place::End => {
                return Ok(FoodTable {
                    groups: self.groups,
                    foods: self.foods,
                });
            }
            Place::Header => FoodTableProblem::NoGroups,
            Place::FoodsStart => FoodTableProblem::NoFoods,
            Place::ListStart(list) | Place::ListLines { list, .. } => FoodTableProblem::EndsEarly {
                block: list.title(),
            },
            Place::Groups { .. } => FoodTableProblem::EndsEarly { block: "@groups" },
            Place::ColumnTitle(column) | Place::ColumnLines { column, .. } => {
                FoodTableProblem::EndsEarly {
                    block: column.title(),
                }
            }
        };
        Err(FoodTableError {
            line: self.line_count + 1,
            problem,
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
