//! The one shared sort: ranks of numbers and the stable order of equal ranks.

use magnesium_planner::domain::order::{
    ascending, descending, last_if_none, sort_by_rank, sort_with, sorted_positions,
};
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

#[test]
fn sort_with_is_stable() {
    let mut items = vec![("b", 1), ("a", 2), ("b", 3), ("a", 4), ("c", 5)];
    sort_with(&mut items, |x, y| x.0.cmp(y.0));
    assert_eq!(items, [("a", 2), ("a", 4), ("b", 1), ("b", 3), ("c", 5)]);
}

#[test]
fn sorted_positions_orders_positions_not_items() {
    let words = ["pear", "apple", "fig", "apple"];
    let positions = sorted_positions(words.len(), &|a, b| words[a].cmp(words[b]));
    assert_eq!(positions, [1, 3, 2, 0]);
}

proptest! {
    #[test]
    fn sort_with_matches_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..60)) {
        let mut ours = items.clone();
        sort_with(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut theirs = items;
        theirs.sort_by_key(|item| item.0);
        prop_assert_eq!(ours, theirs);
    }
}
