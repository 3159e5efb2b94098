//! Reading typed numbers: the planner's own decimal reader against Rust's float parser, which
//! it replaces to keep the wasm small.

use magnesium_planner::domain::input::{NumberError, parse_decimal, read_decimal};
use proptest::prelude::*;

#[test]
fn reads_what_people_type() {
    assert_eq!(read_decimal("550"), Some(550.0));
    assert_eq!(read_decimal("28.35"), Some(28.35));
    assert_eq!(read_decimal("0.5"), Some(0.5));
    assert_eq!(read_decimal(".5"), Some(0.5));
    assert_eq!(read_decimal("5."), Some(5.0));
    assert_eq!(read_decimal("+2"), Some(2.0));
    assert_eq!(read_decimal("-0.25"), Some(-0.25));
    assert_eq!(read_decimal("2.5E-2"), Some(0.025));
    assert_eq!(read_decimal("1e3"), Some(1000.0));
    assert_eq!(read_decimal("000000000000000000000000000042"), Some(42.0));
}

#[test]
fn refuses_what_is_not_a_plain_decimal() {
    for text in [
        "", " ", ".", "-", "+", "e5", "1e", "1e+", "1.2.3", "1,5", "NaN", "inf", "infinity",
        "0x10", "1 000", "١٢", "½", "5−2", "--1", "1e5.5",
    ] {
        assert_eq!(read_decimal(text), None, "{text:?}");
    }
}

#[test]
fn huge_and_tiny_exponents_saturate_instead_of_failing() {
    assert_eq!(read_decimal("1e999"), Some(f64::INFINITY));
    assert_eq!(
        read_decimal("-1e99999999999999999999999"),
        Some(f64::NEG_INFINITY)
    );
    assert_eq!(read_decimal("1e-999"), Some(0.0));
    assert_eq!(read_decimal(&"9".repeat(400)), Some(f64::INFINITY));
    // Seventeen digits are past the exact range: a few units of rounding may tip f64::MAX
    // over into infinity, and either is "far too large" to every caller.
    let largest = read_decimal("1.7976931348623157e308").unwrap_or(0.0);
    assert!(largest >= 1.797e308, "{largest}");
}

#[test]
fn typed_numbers_take_a_decimal_comma_and_report_why_they_are_refused() {
    assert_eq!(parse_decimal(" 0,5 "), Ok(0.5));
    assert_eq!(parse_decimal("1.5"), Ok(1.5));
    assert_eq!(parse_decimal("   "), Err(NumberError::Empty));
    assert_eq!(parse_decimal("NaN"), Err(NumberError::NotANumber));
    assert_eq!(parse_decimal("1,000.5"), Err(NumberError::NotANumber));
}

/// Decimal text of up to 15 significant digits with an exponent that keeps the value within
/// the range where the reader promises exact agreement.
fn short_decimal() -> impl Strategy<Value = String> {
    (
        prop::bool::ANY,
        0_u64..1_000_000_000_000_000,
        0_usize..16,
        prop::option::of(-6_i32..7),
    )
        .prop_map(|(negative, digits, point_from_right, exponent)| {
            let digits = digits.to_string();
            let point = digits.len().saturating_sub(point_from_right);
            let mut text = String::new();
            if negative {
                text.push('-');
            }
            text.push_str(&digits[..point]);
            text.push('.');
            text.push_str(&digits[point..]);
            if let Some(exponent) = exponent {
                text.push_str(&format!("e{exponent}"));
            }
            text
        })
}

proptest! {
    #[test]
    fn agrees_exactly_with_rusts_parser_on_short_decimals(text in short_decimal()) {
        let expected: f64 = text.parse().map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(read_decimal(&text), Some(expected), "{}", text);
    }

    #[test]
    fn accepts_exactly_what_rusts_parser_accepts(text in "[-+0-9.eE]{0,12}") {
        prop_assert_eq!(read_decimal(&text).is_some(), text.parse::<f64>().is_ok(), "{}", text);
    }

    #[test]
    fn long_or_extreme_numbers_stay_within_a_few_units_in_the_last_place(
        text in "[1-9][0-9]{0,30}(\\.[0-9]{0,30})?(e-?[0-9]{1,3})?"
    ) {
        let expected: f64 = text.parse().map_err(|e| TestCaseError::fail(format!("{e}")))?;
        let read = read_decimal(&text).ok_or_else(|| TestCaseError::fail("refused"))?;
        if !(f64::MIN_POSITIVE..=1.79e308).contains(&expected) {
            // At the very edges of the range a few units of rounding may tip a value over into
            // infinity or down to zero; both readers must still call it huge or tiny.
            prop_assert!(
                (expected > 1.79e308) == (read > 1.79e308) && (expected < f64::MIN_POSITIVE) == (read < 1.01 * f64::MIN_POSITIVE),
                "{} read {} expected {}", text, read, expected
            );
        } else {
            prop_assert!((read - expected).abs() <= expected.abs() * 1e-14, "{} read {} expected {}", text, read, expected);
        }
    }
}
