//! The one shared sort: ranks of numbers and the stable order of equal ranks.

use magnesium_planner::domain::order::{ascending, descending, last_if_none, sort_by_rank};
use proptest::prelude::*;

#[test]
fn equal_ranks_keep_their_order() {
    let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (1, 'd'), (2, 'e')];
    sort_by_rank(&mut items, |&(rank, _)| rank);
    assert_eq!(items, [(1, 'b'), (1, 'd'), (2, 'e'), (3, 'a'), (3, 'c')]);
}

#[test]
fn numbers_rank_in_order_and_missing_ones_last() {
    let mut values = vec![
        Some(2.5),
        None,
        Some(-1.0),
        Some(0.0),
        Some(-0.0),
        Some(100.0),
    ];
    sort_by_rank(&mut values, |v| last_if_none(v.map(ascending)));
    assert_eq!(
        values,
        [
            Some(-1.0),
            Some(-0.0),
            Some(0.0),
            Some(2.5),
            Some(100.0),
            None
        ]
    );
    sort_by_rank(&mut values, |v| last_if_none(v.map(descending)));
    assert_eq!(
        values,
        [
            Some(100.0),
            Some(2.5),
            Some(0.0),
            Some(-0.0),
            Some(-1.0),
            None
        ]
    );
}

proptest! {
    #[test]
    fn ranks_follow_the_numbers(a in -1e12f64..1e12, b in -1e12f64..1e12) {
        prop_assert_eq!(ascending(a).cmp(&ascending(b)), a.total_cmp(&b));
        prop_assert_eq!(descending(a).cmp(&descending(b)), b.total_cmp(&a));
    }

    #[test]
    fn it_sorts_as_a_stable_sort_by_key_does(items in proptest::collection::vec((0u64..5, 0u32..1000), 0..60)) {
        let mut expected = items.clone();
        expected.sort_by_key(|&(rank, _)| rank);
        let mut sorted = items;
        sort_by_rank(&mut sorted, |&(rank, _)| rank);
        prop_assert_eq!(sorted, expected);
    }
}
