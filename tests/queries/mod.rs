//! The everyday queries of `benches/everyday-queries.tsv` and the foods they mean, shared by the
//! search quality test (`domain_search.rs`) and the search benchmark (`bench_search.rs`), so
//! both judge a result the same way.

/// Each query with the starts of the USDA descriptions that count as right: any one of them in
/// the top three passes ("milk" may fairly mean whole or 2 % milk).
pub fn everyday_queries() -> Vec<(&'static str, Vec<&'static str>)> {
    include_str!("../../benches/everyday-queries.tsv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| line.split_once('\t'))
        .map(|(query, meant)| (query, meant.split('|').collect()))
        .collect()
}
