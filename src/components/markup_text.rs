//! Parts of the page written as HTML text rather than through `html!`: the history's chart and
//! table and the periods' figures, where a tree built node by node cost the wasm more than the
//! text it makes (BENCHMARKS.md, "Size budgets"), and long lists of choices (the plans, a food
//! row's portions), which the browser attaches far faster as one piece of text. Everything such
//! text holds that did not come from the planner's own words goes through [`escaped`].

/// `text` made safe inside a double-quoted attribute or between tags.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Appends to `markup` an `<option>` of `value` that reads `label` (escaped here), chosen or
/// not: for the selects whose choices are written as HTML text, one piece of text rather than
/// an element each (the plans, a food row's portions).
pub fn push_option(markup: &mut String, value: u64, label: &str, selected: bool) {
    use std::fmt::Write;
    let selected = if selected { " selected" } else { "" };
    let _ = write!(
        markup,
        r#"<option value="{value}"{selected}>{}</option>"#,
        escaped(label)
    );
}
