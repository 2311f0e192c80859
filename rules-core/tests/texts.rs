//! Every dated table row keeps its words only in a build with texts (rules-core's `texts` feature):
//! a row stores its source through `source_named(…)` and its note through `words(…)`, so the
//! residents' first load, built without texts, links none of the sources' pages. Read from the
//! sources, as the layers test is; a planted row without them is caught.

mod common;

use common::files;
use std::path::Path;

/// The body of every `Dated { … }` literal in `code` (up to its closing brace).
fn dated_rows(code: &str) -> Vec<&str> {
    let mut rows = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("Dated {") {
        let body = &rest[at + "Dated {".len()..];
        let mut depth = 0usize;
        let mut end = body.len();
        for (i, c) in body.char_indices() {
            match c {
                '{' | '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                '}' if depth == 0 => {
                    end = i;
                    break;
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
        rows.push(&body[..end]);
        rest = &body[end..];
    }
    rows
}

/// The rows of `code` whose source or note is stored as written.
fn rows_keeping_words(code: &str) -> Vec<String> {
    dated_rows(code)
        .into_iter()
        .filter(|row| !(row.contains("source_named(") && row.contains("words(")))
        .map(|row| row.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn every_dated_row_keeps_its_words_only_with_texts() {
    let mut all = Vec::new();
    files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut all);
    let mut rows = 0;
    let mut problems = Vec::new();
    for path in all {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        rows += dated_rows(code).len();
        for row in rows_keeping_words(code) {
            problems.push(format!("{}: {row}", path.display()));
        }
    }
    assert!(
        rows > 30,
        "only {rows} dated rows found: is the scan still reading them?"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_row_written_as_is_is_caught() {
    let planted = r#"pub const X: &[Dated<Decimal>] = &[Dated {
        from: Date::ymd(2021, 1, 1),
        until: None,
        value: yuan(500),
        source: &X_SOURCE,
        note: "",
    }];"#;
    assert_eq!(rows_keeping_words(planted).len(), 1);
    let kept = planted
        .replace("&X_SOURCE", "source_named(&X_SOURCE)")
        .replace("note: \"\"", "note: words(\"\")");
    assert!(rows_keeping_words(&kept).is_empty());
}
