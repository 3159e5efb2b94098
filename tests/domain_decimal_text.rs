//! Writing numbers: the planner's own `{}` and `{:.N}` for `f64` against the standard library's,
//! which they replace to keep the wasm small. Any difference would change what a page shows.

use magnesium_planner::domain::decimal_text::{fixed, plain};
use proptest::prelude::*;

/// Values the planner writes (amounts, shares, sizes), the edges of `f64` and the halfway cases
/// that decide rounding.
const EXAMPLES: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.1,
    0.2,
    0.3,
    0.05,
    0.15,
    0.25,
    0.35,
    0.45,
    0.5,
    1.5,
    2.5,
    -0.5,
    -2.5,
    -0.04,
    0.005,
    0.015,
    0.125,
    0.375,
    9.95,
    9.995,
    99.5,
    999.95,
    28.35,
    60.3,
    120.7,
    200.0,
    350.0,
    4.2,
    12.345,
    1e-7,
    1.5e-10,
    123456.789,
    1e15,
    1e16,
    1e17,
    1e20,
    1e21,
    1e22,
    1e23,
    9007199254740992.0,
    9007199254740994.0,
    1e300,
    -1e300,
    f64::MAX,
    f64::MIN,
    f64::MIN_POSITIVE,
    5e-324,
    -5e-324,
    f64::EPSILON,
    1.0 / 3.0,
    2.0 / 3.0,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
];

#[test]
fn plain_writes_what_display_writes() {
    for &x in EXAMPLES {
        assert_eq!(plain(x), x.to_string(), "{x:e}");
    }
}

#[test]
fn fixed_writes_what_precision_writes() {
    for &x in EXAMPLES {
        for decimals in 0..=4 {
            assert_eq!(
                fixed(x, decimals),
                format!("{x:.*}", decimals as usize),
                "{x:e} to {decimals}"
            );
        }
    }
}

#[test]
fn fixed_rounds_ties_to_even_and_the_rest_by_the_binary_value() {
    assert_eq!(fixed(0.25, 1), "0.2");
    assert_eq!(fixed(0.75, 1), "0.8");
    assert_eq!(fixed(0.35, 1), "0.3");
    assert_eq!(fixed(0.05, 1), "0.1");
    assert_eq!(fixed(2.5, 0), "2");
    assert_eq!(fixed(-0.04, 1), "-0.0");
    assert_eq!(fixed(12.0, 2), "12.00");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn plain_matches_display_for_every_f64(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assert_eq!(plain(x), x.to_string());
    }

    #[test]
    fn plain_matches_display_for_amounts(x in -100_000.0f64..100_000.0) {
        prop_assert_eq!(plain(x), x.to_string());
    }

    #[test]
    fn plain_matches_display_for_typed_decimals(whole in 0u32..100_000, hundredths in 0u32..100) {
        let x = f64::from(whole) + f64::from(hundredths) / 100.0;
        prop_assert_eq!(plain(x), x.to_string());
    }

    #[test]
    fn fixed_matches_precision_for_amounts(x in -100_000.0f64..100_000.0, decimals in 0u32..4) {
        prop_assert_eq!(fixed(x, decimals), format!("{x:.*}", decimals as usize));
    }

    #[test]
    fn fixed_matches_precision_near_ties(whole in 0u32..10_000, tenths in 0u32..10, decimals in 0u32..3) {
        // n.n5 and n.5 sit on or next to a tie at one and no decimal places.
        let x = f64::from(whole) + f64::from(tenths) / 10.0 + 0.05;
        prop_assert_eq!(fixed(x, decimals), format!("{x:.*}", decimals as usize));
        let y = f64::from(whole) + 0.5;
        prop_assert_eq!(fixed(y, decimals), format!("{y:.*}", decimals as usize));
    }

    #[test]
    fn fixed_matches_precision_for_every_f64(bits in any::<u64>(), decimals in 0u32..3) {
        let x = f64::from_bits(bits);
        prop_assert_eq!(fixed(x, decimals), format!("{x:.*}", decimals as usize));
    }
}
