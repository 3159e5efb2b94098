//! One way to sort, shared by every list the planner orders, because each `sort_by` closure
//! puts its own copy of the standard library's sort into the download (several KB of wasm
//! apiece): here every list is ordered through one sort of plain `(rank, position)` pairs.

/// Orders `items` by `rank`, smallest first, keeping equal ranks in their present order (a
/// stable sort).
pub fn sort_by_rank<T>(items: &mut Vec<T>, rank: impl Fn(&T) -> u64) {
    let mut ranked: Vec<(u64, usize)> = items
        .iter()
        .enumerate()
        .map(|(position, item)| (rank(item), position))
        .collect();
    // Positions are unique, so the unstable sort of pairs is a stable sort of the items.
    ranked.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        ranked
            .iter()
            .filter_map(|&(_, position)| slots.get_mut(position).and_then(Option::take)),
    );
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
