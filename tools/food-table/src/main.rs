//! Generates the planner's food table from USDA SR28 (work in progress).

fn main() {}
