//! Reading numbers as people type them into the planner's fields.

/// Why typed text is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing but white space.
    Empty,
    /// Anything that is not a plain decimal number, including "NaN" and "inf", which Rust's
    /// float parser would otherwise accept.
    NotANumber,
}

/// Reads a decimal number (possibly infinite, never NaN). A decimal comma ("0,5") is accepted because many of the
/// planner's users write decimals that way; digits other than ASCII are not.
pub fn parse_decimal(text: &str) -> Result<f64, NumberError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    let normalised = if trimmed.contains('.') {
        trimmed.to_owned()
    } else {
        trimmed.replacen(',', ".", 1)
    };
    let plain = normalised
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    if !plain {
        return Err(NumberError::NotANumber);
    }
    // "1e999" reads as infinity: a number, only far too large, which callers' range checks
    // report as such.
    normalised.parse().map_err(|_| NumberError::NotANumber)
}
