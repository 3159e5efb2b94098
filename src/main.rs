//! The browser entry point: everything lives in the library so it can be tested.

fn main() {
    magnesium_planner::start();
}
