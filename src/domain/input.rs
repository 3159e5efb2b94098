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

/// Reads a decimal number (possibly infinite, never NaN). A decimal comma ("0,5") is accepted
/// because many of the planner's users write decimals that way; digits other than ASCII are not.
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
    // "1e999" reads as infinity: a number, only far too large, which callers' range checks
    // report as such.
    read_decimal(&normalised).ok_or(NumberError::NotANumber)
}

/// Powers of ten that an `f64` holds exactly (10^22 is the last: 5^22 < 2^53).
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Significant digits kept; more cannot change an amount of food or magnesium.
const MAX_SIGNIFICANT_DIGITS: u32 = 19;

/// Reads a plain decimal in the grammar of Rust's float parser minus its words: an optional
/// sign, digits with at most one point (`5`, `5.`, `.5`, `28.35`) and an optional exponent
/// (`1e3`, `2.5E-2`). "inf" and "NaN" are not numbers here. Too large gives infinity.
///
/// Why not `str::parse::<f64>`: its correctly-rounded algorithm brings about 14 KB of
/// tables and code into the wasm, a tenth of what this app may send. This reader is exact
/// (equal to `str::parse`) for up to 15 significant digits with a decimal exponent within
/// ±22, which covers every number in the food table and anything a person types; beyond
/// that it is within a few units in the last place.
pub fn read_decimal(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let negative = take_sign(bytes, &mut at);
    let mut mantissa = 0_u64;
    let mut kept_digits = 0_u32;
    let mut any_digit = false;
    let mut exponent = 0_i64;
    let mut seen_point = false;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'0'..=b'9' => {
                any_digit = true;
                let digit = u64::from(byte - b'0');
                if kept_digits < MAX_SIGNIFICANT_DIGITS {
                    if mantissa > 0 || digit > 0 {
                        kept_digits += 1;
                    }
                    mantissa = mantissa * 10 + digit;
                    if seen_point {
                        exponent -= 1;
                    }
                } else if !seen_point {
                    // A dropped digit before the point still multiplies the value by ten.
                    exponent += 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        at += 1;
    }
    if !any_digit {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(at) {
        at += 1;
        let exponent_negative = take_sign(bytes, &mut at);
        let start = at;
        let mut written = 0_i64;
        while let Some(&byte) = bytes.get(at).filter(|b| b.is_ascii_digit()) {
            // Saturating: "1e99999999999999999999" is simply infinite.
            written = (written * 10 + i64::from(byte - b'0')).min(1_000_000);
            at += 1;
        }
        if at == start {
            return None;
        }
        exponent += if exponent_negative { -written } else { written };
    }
    if at != bytes.len() {
        return None;
    }
    let magnitude = scale_by_power_of_ten(mantissa, exponent);
    Some(if negative { -magnitude } else { magnitude })
}

/// Steps over an optional `+` or `-` at `at`; true for `-`.
fn take_sign(bytes: &[u8], at: &mut usize) -> bool {
    match bytes.get(*at) {
        Some(b'-') => {
            *at += 1;
            true
        }
        Some(b'+') => {
            *at += 1;
            false
        }
        _ => false,
    }
}

/// `mantissa × 10^exponent`, exactly rounded when both factors are exact `f64`s (Clinger's
/// fast path), otherwise by repeated exact powers.
fn scale_by_power_of_ten(mantissa: u64, exponent: i64) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    let value = mantissa as f64;
    let exact_mantissa = mantissa <= 1 << 53;
    match usize::try_from(exponent.unsigned_abs()) {
        Ok(power) if exact_mantissa && power < EXACT_POWERS_OF_TEN.len() => {
            if exponent < 0 {
                value / EXACT_POWERS_OF_TEN[power]
            } else {
                value * EXACT_POWERS_OF_TEN[power]
            }
        }
        // A 19-digit mantissa times 10^330 is infinite, and over 10^-345 it is zero, so the
        // loops below never run long.
        _ if exponent > 330 => f64::INFINITY,
        _ if exponent < -345 => 0.0,
        _ => {
            let mut result = value;
            let mut remaining = exponent;
            while remaining > 22 {
                result *= 1e22;
                remaining -= 22;
            }
            while remaining < -22 {
                // Dividing keeps subnormal results closer than multiplying by 1e-22 would.
                result /= 1e22;
                remaining += 22;
            }
            let last = EXACT_POWERS_OF_TEN[remaining.unsigned_abs() as usize];
            if remaining < 0 {
                result / last
            } else {
                result * last
            }
        }
    }
}
