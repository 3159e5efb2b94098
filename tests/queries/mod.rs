//! The everyday queries of `benches/everyday-queries.tsv` and the foods they mean, shared by the
//! search quality test (`domain_search.rs`) and the search benchmark (`bench_search.rs`), so
//! both judge a result the same way.

/// One everyday query and the foods a person means by it.
pub struct EverydayQuery {
    /// What the person types.
    pub query: &'static str,
    /// Starts of the USDA descriptions that count as right: any one of them in the top three
    /// passes ("milk" may fairly mean whole or 2 % milk).
    pub meant: Vec<&'static str>,
    /// Whole USDA descriptions, one of which must be the first result: the food as people eat
    /// it ("brown rice" is the cooked rice). Empty where only the top three is judged.
    pub first: Vec<&'static str>,
}

impl EverydayQuery {
    /// Whether a result with this description is one the person means.
    pub fn is_meant(&self, description: &str) -> bool {
        self.meant.iter().any(|m| description.starts_with(m))
    }

    /// Whether a first result with this description is right; always true where the table
    /// sets no first result.
    pub fn is_right_first(&self, description: &str) -> bool {
        self.first.is_empty() || self.first.contains(&description)
    }
}

/// Every query of the table, in its order.
pub fn everyday_queries() -> Vec<EverydayQuery> {
    include_str!("../../benches/everyday-queries.tsv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let mut columns = line.split('\t');
            let query = columns.next()?;
            let meant = columns.next()?.split('|').collect();
            let first = columns
                .next()
                .map_or_else(Vec::new, |first| first.split('|').collect());
            Some(EverydayQuery {
                query,
                meant,
                first,
            })
        })
        .collect()
}
