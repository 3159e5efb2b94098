//! Writing numbers as text: the same characters as Rust's `{}` and `{:.N}` for `f64`, in far
//! less WebAssembly.
//!
//! `core`'s float formatting (Grisu with a Dragon fallback, its bignums and tables) cost the
//! wasm 5.8 KB of gzip (BENCHMARKS.md, "Size budgets"), and one `{}` of an `f64` anywhere in
//! the app brings all of it back. [`plain`] takes the shortest digits from `zmij`, which
//! serde_json already links for writing saved data, and [`fixed`] rounds exactly in integers.
//! `tests/domain_decimal_text.rs` holds both to the standard library's output for every `f64`.

/// The number as Rust's `{}` writes an `f64`: the shortest digits that read back as the same
/// number, never an exponent, no trailing `.0` (`1`, `0.1`, `-0`, `1000000000000000000000`,
/// `0.0000001`, `NaN`, `inf`).
pub fn plain(x: f64) -> String {
    if !x.is_finite() {
        return non_finite(x).to_owned();
    }
    let mut buffer = zmij::Buffer::new();
    let written = buffer.format_finite(x);
    let (negative, unsigned) = match written.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, written),
    };
    let (mantissa, exponent) = match unsigned.split_once('e') {
        Some((mantissa, exponent)) => (mantissa, read_exponent(exponent)),
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The digits without their point, and where the point goes (digits before it; negative
    // for zeros after it).
    // Plain loops and slice methods rather than adapter chains, which the wasm would hold copies
    // of.
    let mut digits: Vec<u8> = Vec::with_capacity(whole.len() + fraction.len());
    digits.extend_from_slice(whole.as_bytes());
    digits.extend_from_slice(fraction.as_bytes());
    let mut point = whole.len() as i32 + exponent;
    let mut leading_zeros = 0;
    while digits.get(leading_zeros) == Some(&b'0') {
        leading_zeros += 1;
    }
    point -= leading_zeros as i32;
    let digits = &digits[leading_zeros..];
    let mut significant = digits.len();
    while significant > 0 && digits[significant - 1] == b'0' {
        significant -= 1;
    }
    let mut digits = digits[..significant].to_vec();
    // Where two shortest answers are equally near, zmij takes the even one and Rust the one
    // further from zero; the even one never ends in 0 (that would make a shorter answer), so
    // the last digit goes up by one without a carry.
    if halfway_above(x, &digits, point - significant as i32)
        && let Some(last) = digits.last_mut()
    {
        *last += 1;
    }
    let digits = &digits[..];

    let mut text = String::with_capacity(digits.len() + 8);
    if negative {
        text.push('-');
    }
    if digits.is_empty() {
        text.push('0');
    } else if point <= 0 {
        text.push_str("0.");
        push_zeros(&mut text, point.unsigned_abs() as usize);
        push_digits(&mut text, digits);
    } else if point as usize >= digits.len() {
        push_digits(&mut text, digits);
        push_zeros(&mut text, point as usize - digits.len());
    } else {
        let (before, after) = digits.split_at(point as usize);
        push_digits(&mut text, before);
        text.push('.');
        push_digits(&mut text, after);
    }
    text
}

/// The number as Rust's `{:.N}` writes an `f64` with `decimals` digits after the point: the
/// exact binary value rounded half to even (`0.25` to one place is `0.2`, `0.35` is `0.3`
/// because its binary value lies below), a `-` for every negative value and `-0.0`.
pub fn fixed(x: f64, decimals: u32) -> String {
    if !x.is_finite() {
        return non_finite(x).to_owned();
    }
    let bits = x.to_bits();
    let biased_exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction_bits = bits & ((1 << 52) - 1);
    // x = mantissa · 2^exponent exactly.
    let (mantissa, exponent) = if biased_exponent == 0 {
        (fraction_bits, -1074)
    } else {
        (fraction_bits | (1 << 52), biased_exponent - 1075)
    };
    // The answer is round(x · 10^decimals) with the point put back `decimals` places in.
    let mut scaled = Digits::from(mantissa);
    for _ in 0..decimals {
        scaled.multiply(10);
    }
    if exponent >= 0 {
        for _ in 0..exponent {
            scaled.multiply(2);
        }
    } else {
        scaled.halve_rounding_to_even(exponent.unsigned_abs());
    }

    let digits = scaled.decimal();
    let decimals = decimals as usize;
    let mut text = String::with_capacity(digits.len() + decimals + 3);
    if x.is_sign_negative() {
        text.push('-');
    }
    if digits.len() > decimals {
        let (whole, fraction) = digits.split_at(digits.len() - decimals);
        push_digits(&mut text, whole);
        if decimals > 0 {
            text.push('.');
            push_digits(&mut text, fraction);
        }
    } else {
        text.push('0');
        if decimals > 0 {
            text.push('.');
            push_zeros(&mut text, decimals - digits.len());
            push_digits(&mut text, &digits);
        }
    }
    text
}

/// Whether |x| is exactly halfway between `digits` · 10^`exponent` and the next number of as
/// many digits up.
fn halfway_above(x: f64, digits: &[u8], exponent: i32) -> bool {
    let Some((mantissa, binary_exponent)) = odd_mantissa(x) else {
        return false;
    };
    // The halfway point is (10·digits + 5) · 10^(exponent − 1); its factors of 2 are those of
    // 10^(exponent − 1), so x can only equal it with the same binary exponent. Dividing both
    // by 2^(exponent − 1) leaves integers to compare.
    if binary_exponent != exponent - 1 || digits.len() > 18 {
        return false;
    }
    let halfway = digits
        .iter()
        .fold(0u128, |n, &d| n * 10 + u128::from(d - b'0'))
        * 10
        + 5;
    let fives = (exponent - 1).unsigned_abs();
    let power = 5u128.checked_pow(fives);
    match power {
        Some(power) if exponent >= 1 => halfway.checked_mul(power) == Some(u128::from(mantissa)),
        Some(power) => u128::from(mantissa).checked_mul(power) == Some(halfway),
        None => false,
    }
}

/// |x| as an odd integer times a power of two; `None` for zero.
fn odd_mantissa(x: f64) -> Option<(u64, i32)> {
    let bits = x.to_bits();
    let biased_exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction_bits = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = if biased_exponent == 0 {
        (fraction_bits, -1074)
    } else {
        (fraction_bits | (1 << 52), biased_exponent - 1075)
    };
    if mantissa == 0 {
        return None;
    }
    let zeros = mantissa.trailing_zeros();
    Some((mantissa >> zeros, exponent + zeros as i32))
}

/// What Rust writes for NaN and the infinities.
fn non_finite(x: f64) -> &'static str {
    if x.is_nan() {
        "NaN"
    } else if x > 0.0 {
        "inf"
    } else {
        "-inf"
    }
}

/// `zmij`'s exponent (`+16`, `-7`).
fn read_exponent(text: &str) -> i32 {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let value = digits
        .bytes()
        .fold(0i32, |n, d| n * 10 + i32::from(d - b'0'));
    if negative { -value } else { value }
}

fn push_digits(text: &mut String, digits: &[u8]) {
    text.extend(digits.iter().map(|&d| char::from(d)));
}

fn push_zeros(text: &mut String, count: usize) {
    text.extend(std::iter::repeat_n('0', count));
}

/// A non-negative integer of any size, in base-10^9 limbs, least significant first: enough
/// arithmetic to scale an `f64` exactly.
struct Digits {
    limbs: Vec<u32>,
}

const LIMB: u64 = 1_000_000_000;

impl From<u64> for Digits {
    fn from(mut n: u64) -> Self {
        let mut limbs = Vec::with_capacity(4);
        while n > 0 {
            limbs.push((n % LIMB) as u32);
            n /= LIMB;
        }
        Digits { limbs }
    }
}

impl Digits {
    fn multiply(&mut self, factor: u64) {
        let mut carry = 0;
        for limb in &mut self.limbs {
            let product = u64::from(*limb) * factor + carry;
            *limb = (product % LIMB) as u32;
            carry = product / LIMB;
        }
        while carry > 0 {
            self.limbs.push((carry % LIMB) as u32);
            carry /= LIMB;
        }
    }

    /// Divides by 2^`shift`, rounding half to even.
    fn halve_rounding_to_even(&mut self, shift: u32) {
        // Whether a 1 bit was dropped before the last one: then a last dropped bit of 1 means
        // more than a half, not a tie.
        let mut dropped = false;
        for step in 1..=shift {
            if self.limbs.is_empty() {
                return;
            }
            let odd = self.halve();
            if step < shift {
                dropped |= odd;
            } else if odd && (dropped || self.limbs.first().is_some_and(|l| l % 2 == 1)) {
                self.add_one();
            }
        }
    }

    /// Halves in place; returns whether the number was odd.
    fn halve(&mut self) -> bool {
        let mut remainder = 0u64;
        for limb in self.limbs.iter_mut().rev() {
            let value = remainder * LIMB + u64::from(*limb);
            *limb = (value / 2) as u32;
            remainder = value % 2;
        }
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
        remainder == 1
    }

    fn add_one(&mut self) {
        for limb in &mut self.limbs {
            if u64::from(*limb) + 1 < LIMB {
                *limb += 1;
                return;
            }
            *limb = 0;
        }
        self.limbs.push(1);
    }

    /// The decimal digits, most significant first, as ASCII; empty for zero.
    fn decimal(&self) -> Vec<u8> {
        let mut digits = Vec::with_capacity(self.limbs.len() * 9);
        for (i, limb) in self.limbs.iter().rev().enumerate() {
            let mut chunk = [b'0'; 9];
            let mut n = *limb;
            for slot in chunk.iter_mut().rev() {
                *slot = b'0' + (n % 10) as u8;
                n /= 10;
            }
            let start = if i == 0 {
                chunk.iter().take_while(|&&d| d == b'0').count()
            } else {
                0
            };
            digits.extend_from_slice(&chunk[start..]);
        }
        digits
    }
}
