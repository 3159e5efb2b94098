//! Molar masses from chemical formulas, so that a salt's share of elemental magnesium is
//! computed from its formula rather than typed in.
//!
//! Formulas are written as on a label or in a reference table: element symbols with counts,
//! parenthesised groups with a multiplier, and further parts after a middle dot, each of which
//! may start with a coefficient: hydrate water (`Mg3(C6H5O7)2·9H2O`) and the pharmacopoeias'
//! basic carbonate, whose first part has one too (`4MgCO3·Mg(OH)2·5H2O`).

use std::fmt;

/// IUPAC standard atomic weights (abridged, as used in `shared/reference/magnesium.md`), in
/// g/mol, for every element that occurs in the supplement salts.
const ATOMIC_WEIGHTS_G_PER_MOL: &[(&str, f64)] = &[
    ("Mg", 24.305),
    ("C", 12.011),
    ("H", 1.008),
    ("N", 14.007),
    ("O", 15.999),
    ("S", 32.06),
    ("Cl", 35.45),
];

/// Why a formula could not be read. Formulas are written by developers, not users, but a
/// mistake should still name its place rather than panic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormulaError {
    /// An element symbol missing from [`ATOMIC_WEIGHTS_G_PER_MOL`].
    UnknownElement(String),
    /// A character that has no place in a formula, at this byte offset.
    Unexpected(char, usize),
    /// A `(` without its `)`, or the reverse.
    UnbalancedParentheses,
    /// A count or coefficient of 0, or too large to hold, at this byte offset.
    BadCount(usize),
    /// Nothing to weigh: an empty formula, or a part with no atoms ("MgO·", "MgO·4").
    Empty,
}

impl fmt::Display for FormulaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormulaError::UnknownElement(symbol) => write!(f, "unknown element {symbol}"),
            FormulaError::Unexpected(c, at) => write!(f, "unexpected {c:?} at byte {at}"),
            FormulaError::UnbalancedParentheses => f.write_str("unbalanced parentheses"),
            FormulaError::BadCount(at) => write!(f, "a count of 0 or too large at byte {at}"),
            FormulaError::Empty => f.write_str("empty formula"),
        }
    }
}

impl std::error::Error for FormulaError {}

/// How many atoms of each element a formula holds, in first-seen order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Composition {
    atoms: Vec<(String, u32)>,
}

impl Composition {
    /// Adds `count` atoms; `None` when the total would not fit (only a nonsense formula does
    /// that, and it must be refused rather than overflow).
    fn add(&mut self, symbol: &str, count: u32) -> Option<()> {
        match self.atoms.iter_mut().find(|(s, _)| s == symbol) {
            Some((_, n)) => *n = n.checked_add(count)?,
            None => self.atoms.push((symbol.to_owned(), count)),
        }
        Some(())
    }

    fn absorb(&mut self, other: &Composition, times: u32) -> Option<()> {
        for (symbol, count) in &other.atoms {
            self.add(symbol, count.checked_mul(times)?)?;
        }
        Some(())
    }

    /// The number of atoms of `symbol` (0 if absent).
    pub fn count(&self, symbol: &str) -> u32 {
        self.atoms
            .iter()
            .find(|(s, _)| s == symbol)
            .map_or(0, |(_, n)| *n)
    }

    /// The molar mass in g/mol.
    pub fn molar_mass_g_per_mol(&self) -> Result<f64, FormulaError> {
        self.atoms.iter().try_fold(0.0, |sum, (symbol, count)| {
            Ok(sum + atomic_weight_g_per_mol(symbol)? * f64::from(*count))
        })
    }

    /// The share of the molar mass that is `symbol`, from 0 to 1.
    pub fn mass_fraction(&self, symbol: &str) -> Result<f64, FormulaError> {
        let total = self.molar_mass_g_per_mol()?;
        if total <= 0.0 {
            return Err(FormulaError::Empty);
        }
        Ok(atomic_weight_g_per_mol(symbol)? * f64::from(self.count(symbol)) / total)
    }
}

/// The standard atomic weight of an element in g/mol.
pub fn atomic_weight_g_per_mol(symbol: &str) -> Result<f64, FormulaError> {
    ATOMIC_WEIGHTS_G_PER_MOL
        .iter()
        .find(|(s, _)| *s == symbol)
        .map(|(_, weight)| *weight)
        .ok_or_else(|| FormulaError::UnknownElement(symbol.to_owned()))
}

/// Reads a formula such as `Mg(OH)2`, `MgCl2·6H2O` or `4MgCO3·Mg(OH)2·5H2O` into its atoms.
pub fn parse_formula(formula: &str) -> Result<Composition, FormulaError> {
    let mut total = Composition::default();
    let mut part_start = 0;
    // Every part, the first included, may start with a coefficient ("9H2O", "4MgCO3"). The
    // parts are found by hand rather than with `split` and a pattern, whose searcher costs the
    // wasm more than this loop.
    loop {
        let rest = &formula[part_start..];
        let separator = rest
            .char_indices()
            .find(|&(_, c)| matches!(c, '·' | '.' | '•'));
        let part = separator.map_or(rest, |(at, _)| &rest[..at]);
        let (times, rest) =
            leading_number(part, 0).map_err(|at| FormulaError::BadCount(part_start + at))?;
        let mut cursor = Cursor {
            text: part,
            at: rest,
        };
        let composition = cursor.group().map_err(|e| shift(e, part_start))?;
        if cursor.at != part.len() {
            return Err(match part[cursor.at..].chars().next() {
                Some(')') => FormulaError::UnbalancedParentheses,
                Some(c) => FormulaError::Unexpected(c, part_start + cursor.at),
                None => FormulaError::Empty,
            });
        }
        if composition.atoms.is_empty() {
            return Err(FormulaError::Empty);
        }
        total
            .absorb(&composition, times.unwrap_or(1))
            .ok_or(FormulaError::BadCount(part_start))?;
        // The separator after this part is one character, of whatever width.
        let Some((_, separator)) = separator else {
            return Ok(total);
        };
        part_start += part.len() + separator.len_utf8();
    }
}

/// Moves an error's byte offset from its part to the whole formula.
fn shift(error: FormulaError, part_start: usize) -> FormulaError {
    match error {
        FormulaError::Unexpected(c, at) => FormulaError::Unexpected(c, part_start + at),
        FormulaError::BadCount(at) => FormulaError::BadCount(part_start + at),
        other => other,
    }
}

/// Reads digits at `at`: the number, if there are any, and the offset after them; `Err(at)`
/// for a count of 0 or one too large to hold, which no real formula has.
fn leading_number(text: &str, at: usize) -> Result<(Option<u32>, usize), usize> {
    let digits = text[at..].bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return Ok((None, at));
    }
    // Digits only, so the one way to fail is a number too large for a u32; read by hand, as
    // `str::parse` would bring its own integer reader into the wasm for this alone.
    let mut number: u32 = 0;
    for digit in text[at..at + digits].bytes() {
        number = number
            .checked_mul(10)
            .and_then(|n| n.checked_add(u32::from(digit - b'0')))
            .ok_or(at)?;
    }
    if number == 0 {
        return Err(at);
    }
    Ok((Some(number), at + digits))
}

struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl Cursor<'_> {
    /// Reads elements and parenthesised groups until a `)` or the end.
    fn group(&mut self) -> Result<Composition, FormulaError> {
        let mut composition = Composition::default();
        while let Some(c) = self.text[self.at..].chars().next() {
            match c {
                'A'..='Z' => {
                    let start = self.at;
                    self.at += 1;
                    self.at += self.text[self.at..]
                        .bytes()
                        .take_while(u8::is_ascii_lowercase)
                        .count();
                    let symbol = &self.text[start..self.at];
                    atomic_weight_g_per_mol(symbol)?;
                    let (count, after) =
                        leading_number(self.text, self.at).map_err(FormulaError::BadCount)?;
                    self.at = after;
                    composition
                        .add(symbol, count.unwrap_or(1))
                        .ok_or(FormulaError::BadCount(start))?;
                }
                '(' => {
                    self.at += 1;
                    let inner = self.group()?;
                    if !self.text[self.at..].starts_with(')') {
                        return Err(FormulaError::UnbalancedParentheses);
                    }
                    self.at += 1;
                    let (count, after) =
                        leading_number(self.text, self.at).map_err(FormulaError::BadCount)?;
                    composition
                        .absorb(&inner, count.unwrap_or(1))
                        .ok_or(FormulaError::BadCount(self.at))?;
                    self.at = after;
                }
                ')' => break,
                other => return Err(FormulaError::Unexpected(other, self.at)),
            }
        }
        Ok(composition)
    }
}
