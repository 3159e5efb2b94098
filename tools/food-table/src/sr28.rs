//! Reading the USDA SR28 ASCII files: Latin-1 text, `^`-separated fields, `~`-wrapped text.
//!
//! The layout is that of the SR28 documentation (sr28_doc.pdf, "Relational Files"): every record
//! is one line, fields are separated by `^`, text fields are wrapped in `~` and numeric fields are
//! bare. Nothing here guesses: anything unexpected is an error that names the file and line, so a
//! changed source fails the generator loudly instead of slipping a wrong row into the table.

use std::fmt;

/// What went wrong reading a source file, with where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceError {
    /// The file's name, such as `FOOD_DES.txt`.
    pub file: String,
    /// The 1-based line number, or 0 when the problem concerns the whole file.
    pub line: usize,
    /// What is wrong, in words.
    pub problem: String,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.problem)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.problem)
        }
    }
}

impl std::error::Error for SourceError {}

/// Decodes ISO-8859-1: every byte is the Unicode code point of the same value.
///
/// SR28 declares its files ASCII, yet a few bytes above 0x7F occur (`Entr\xE9e` in WEIGHT.txt),
/// and reading them as UTF-8 would either fail or produce replacement characters.
pub fn decode_latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// One field of a record: text was wrapped in `~`, numbers were bare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The field's content without its tildes.
    pub value: String,
    /// Whether the field was wrapped in `~` (a text field).
    pub is_text: bool,
}

/// One line of a source file, split into fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The 1-based line number it came from, for error messages.
    pub line: usize,
    /// Its fields, in file order.
    pub fields: Vec<Field>,
}

/// Splits one line (without its line end) into fields.
///
/// A `^` inside `~...~` belongs to the text, which is why this does not simply split on `^`.
pub fn split_record(line: &str) -> Result<Vec<Field>, String> {
    let mut fields = Vec::new();
    let mut rest = line;
    loop {
        if let Some(after_open) = rest.strip_prefix('~') {
            let close = after_open
                .find('~')
                .ok_or_else(|| format!("text field not closed by '~': {rest:?}"))?;
            fields.push(Field {
                value: after_open[..close].to_owned(),
                is_text: true,
            });
            rest = &after_open[close + 1..];
            match rest.strip_prefix('^') {
                Some(next) => rest = next,
                None if rest.is_empty() => return Ok(fields),
                None => return Err(format!("expected '^' after a text field, found {rest:?}")),
            }
        } else {
            let end = rest.find('^').unwrap_or(rest.len());
            let value = &rest[..end];
            if value.contains('~') {
                return Err(format!("stray '~' in a numeric field: {value:?}"));
            }
            fields.push(Field {
                value: value.to_owned(),
                is_text: false,
            });
            if end == rest.len() {
                return Ok(fields);
            }
            rest = &rest[end + 1..];
        }
    }
}

/// Reads a whole source file into records of exactly `width` fields.
///
/// Accepts CRLF or LF line ends and a last line with or without one; refuses blank lines,
/// because SR28 has none and one would mean a damaged file.
pub fn read_records(file: &str, bytes: &[u8], width: usize) -> Result<Vec<Record>, SourceError> {
    let text = decode_latin1(bytes);
    let error = |line: usize, problem: String| SourceError {
        file: file.to_owned(),
        line,
        problem,
    };
    let body = text.strip_suffix('\n').unwrap_or(&text);
    if body.is_empty() {
        return Err(error(0, "the file is empty".to_owned()));
    }
    let mut records = Vec::new();
    for (index, raw) in body.split('\n').enumerate() {
        let line = index + 1;
        let content = raw.strip_suffix('\r').unwrap_or(raw);
        if content.is_empty() {
            return Err(error(line, "blank line".to_owned()));
        }
        let fields = split_record(content).map_err(|problem| error(line, problem))?;
        if fields.len() != width {
            return Err(error(
                line,
                format!("expected {width} fields, found {}", fields.len()),
            ));
        }
        records.push(Record { line, fields });
    }
    Ok(records)
}

/// Rewrites a decimal as SR28 stores it (`5.0`, `.5`, `028`) in its shortest exact form
/// (`5`, `0.5`, `28`).
///
/// Works on the digits rather than through `f64`, so nothing is ever rounded: the table says
/// exactly what the source says.
pub fn shortest_decimal(text: &str) -> Result<String, String> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return Err(format!("not a plain non-negative decimal: {text:?}"));
    }
    let whole = whole.trim_start_matches('0');
    let fraction = fraction.trim_end_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    Ok(if fraction.is_empty() {
        whole.to_owned()
    } else {
        format!("{whole}.{fraction}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Field {
        Field {
            value: value.to_owned(),
            is_text: true,
        }
    }

    fn number(value: &str) -> Field {
        Field {
            value: value.to_owned(),
            is_text: false,
        }
    }

    #[test]
    fn splits_text_and_numeric_fields() {
        let fields = split_record("~01001~^1^.5^~pat (1\" sq, 1/3\" high)~^5.0^^");
        assert_eq!(
            fields,
            Ok(vec![
                text("01001"),
                number("1"),
                number(".5"),
                text("pat (1\" sq, 1/3\" high)"),
                number("5.0"),
                number(""),
                number(""),
            ])
        );
    }

    #[test]
    fn empty_text_fields_and_trailing_text_field() {
        assert_eq!(split_record("~~^~0100~"), Ok(vec![text(""), text("0100")]));
    }

    #[test]
    fn a_caret_inside_tildes_is_text() {
        assert_eq!(split_record("~a^b~^2"), Ok(vec![text("a^b"), number("2")]));
    }

    #[test]
    fn malformed_fields_are_refused() {
        assert!(split_record("~unclosed^1").is_err());
        assert!(split_record("~closed~x^1").is_err());
        assert!(split_record("1~^2").is_err());
    }

    #[test]
    fn latin1_bytes_become_their_code_points() {
        assert_eq!(decode_latin1(b"Entr\xe9e"), "Entrée");
        assert_eq!(decode_latin1(b"\xb5g"), "µg");
        assert_eq!(decode_latin1(b"plain"), "plain");
    }

    #[test]
    fn reads_crlf_records_and_checks_their_width() {
        let records = read_records("T.txt", b"~a~^1\r\n~b~^2\r\n", 2);
        assert_eq!(
            records,
            Ok(vec![
                Record {
                    line: 1,
                    fields: vec![text("a"), number("1")]
                },
                Record {
                    line: 2,
                    fields: vec![text("b"), number("2")]
                },
            ])
        );
        assert!(read_records("T.txt", b"~a~^1\n~b~^2", 2).is_ok());
        let too_wide = read_records("T.txt", b"~a~^1\r\n~b~^2^3\r\n", 2);
        assert_eq!(
            too_wide.map_err(|e| e.to_string()),
            Err("T.txt:2: expected 2 fields, found 3".to_owned())
        );
        assert!(read_records("T.txt", b"~a~^1\r\n\r\n~b~^2\r\n", 2).is_err());
        assert!(read_records("T.txt", b"", 2).is_err());
    }

    #[test]
    fn decimals_take_their_shortest_exact_form() {
        for (source, shortest) in [
            ("550", "550"),
            ("28.35", "28.35"),
            (".5", "0.5"),
            ("5.0", "5"),
            ("10", "10"),
            ("0", "0"),
            ("0.000", "0"),
            ("007.250", "7.25"),
            ("1.", "1"),
            (".333", "0.333"),
        ] {
            assert_eq!(
                shortest_decimal(source),
                Ok(shortest.to_owned()),
                "{source}"
            );
        }
    }

    #[test]
    fn non_decimals_are_refused() {
        for bad in ["", ".", "-1", "1e3", "1.2.3", " 1", "inf", "1,5"] {
            assert!(shortest_decimal(bad).is_err(), "{bad:?}");
        }
    }
}
