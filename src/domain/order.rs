//! One way to sort, shared by every list the planner orders, because each `sort_by` closure
//! puts its own copy of the standard library's sort into the download (several KB of wasm
//! apiece): every list is ordered through [`sorted_positions`], the one sort in the app.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` puts them, equal ones in their present order
/// (a stable sort). Not generic and never inlined, so however many lists use it, the download
/// holds one copy of the sort.
#[inline(never)]
pub fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    // Positions are unique, so breaking ties by them makes the unstable sort stable.
    positions.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    positions
}

/// Puts `items` in the order of `positions`, a permutation of their indices.
///
/// Plain loops rather than adapter chains: this is generic, so the wasm holds a copy for each
/// type sorted, and a chain's copies are larger.
fn arrange<T>(items: &mut Vec<T>, positions: &[usize]) {
    let mut slots: Vec<Option<T>> = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        slots.push(Some(item));
    }
    for &position in positions {
        if let Some(item) = slots.get_mut(position).and_then(Option::take) {
            items.push(item);
        }
    }
}

/// Sorts `items` by `compare`, keeping equal items in their present order (a stable sort).
pub fn sort_with<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let positions = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    arrange(items, &positions);
}

/// Orders `items` by `rank`, smallest first, keeping equal ranks in their present order (a
/// stable sort).
pub fn sort_by_rank<T>(items: &mut Vec<T>, rank: impl Fn(&T) -> u64) {
    // A plain loop rather than an adapter chain (a copy of each per type sorted).
    let mut ranks: Vec<u64> = Vec::with_capacity(items.len());
    for item in items.iter() {
        ranks.push(rank(item));
    }
    let positions = sorted_positions(ranks.len(), &|a, b| ranks[a].cmp(&ranks[b]));
    arrange(items, &positions);
}

/// A rank that orders numbers from the smallest up (IEEE 754 total order: -0 before +0, NaN
/// with the sign bit clear after every number).
pub fn ascending(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

/// A rank that orders numbers from the largest down.
pub fn descending(x: f64) -> u64 {
    !ascending(x)
}

/// A rank that puts items without a number after all those with one.
pub fn last_if_none(rank: Option<u64>) -> u64 {
    rank.unwrap_or(u64::MAX)
}
