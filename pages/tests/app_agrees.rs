//! The app writes the shared page parts itself (see `src/parts.rs` on why it does not link this
//! crate): these checks read both crates' sources and fail when a template or a sentence the static
//! pages share with the app changes on one side only.

use std::path::PathBuf;

/// A source file with its string continuations joined (`"…\` at a line's end, then the next
/// line's indentation), so a template wrapped over lines reads as one literal.
fn source(path: &str) -> String {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path);
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let mut joined = String::with_capacity(text.len());
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        match line.strip_suffix('\\') {
            // An escaped backslash (`\\`) at the end is not a continuation.
            Some(before) if !before.ends_with('\\') => {
                joined.push_str(before);
                if let Some(next) = lines.peek_mut() {
                    *next = next.trim_start();
                }
            }
            _ => {
                joined.push_str(line);
                joined.push('\n');
            }
        }
    }
    joined
}

/// The first string literal after `marker` in `src`, as written in the source (escapes kept).
fn literal_after(src: &str, marker: &str) -> String {
    let at = src
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not found"));
    let rest = &src[at + marker.len()..];
    let start = rest.find('"').expect("a string literal") + 1;
    let mut end = start;
    let bytes = rest.as_bytes();
    while bytes[end] != b'"' {
        end += if bytes[end] == b'\\' { 2 } else { 1 };
    }
    rest[start..end].to_string()
}

#[test]
fn the_app_writes_the_same_templates() {
    let parts = source("pages/src/parts.rs");
    let chrome = source("app/src/chrome.rs");
    for (marker, app, file) in [
        ("pub fn masthead() -> Html {", &chrome, "app/src/chrome.rs"),
        // The footer's template after who decides (both write it with rules_core::reviewed_by!).
        ("rules_core::reviewed_by!(),", &chrome, "app/src/chrome.rs"),
        ("footer.raw(", &chrome, "app/src/chrome.rs"),
    ] {
        let template = literal_after(&parts, marker);
        assert!(template.len() > 10, "{marker}: {template}");
        assert!(
            app.contains(&format!("\"{template}\"")),
            "{file} does not write pages::parts' template {template}"
        );
    }
    let landing = source("app/src/landing.rs");
    let item = literal_after(&parts, "let close = open(&mut h, audience);");
    assert!(
        item.starts_with("<span class=") && landing.contains(&item),
        "{item}"
    );
}

#[test]
fn the_app_says_the_same_words() {
    use pages::{list, org, parts, staff};
    let checks: [(&str, &[&str]); 9] = [
        ("app/src/chrome.rs", &["rules_core::reviewed_by!()"]),
        ("app/src/landing.rs", &[parts::ASK_WHO]),
        ("app/src/settings.rs", &[parts::SETTINGS_LABEL]),
        (
            "app/src/ui/question.rs",
            &[parts::UNKNOWN, parts::UNKNOWN_HINT],
        ),
        (
            "app/src/org/mod.rs",
            &[org::ESTIMATOR, org::BACK, org::TO_RESULTS],
        ),
        (
            "app/src/staff/mod.rs",
            &[
                staff::TITLE,
                staff::FORM_HEADING,
                staff::FORM_HINT,
                staff::AUDIENCE_LEGEND,
                staff::DISTRICT_LABEL,
                staff::ANY_DISTRICT,
                staff::BENEFIT_LABEL,
                staff::NO_BENEFIT,
            ],
        ),
        // The staff pages' header and navigation.
        (
            "app/src/chrome.rs",
            &[staff::NAV_HOME, staff::NAV_LINKS, staff::NAV_LIST],
        ),
        ("app/src/route.rs", &[staff::STAFF_PAGE, staff::LIST_PAGE]),
        ("app/src/list/mod.rs", &[list::TITLE]),
    ];
    let list_screen = [
        ("app/src/list/screen.rs", list::PRIVACY),
        ("app/src/list/load.rs", list::LOAD_HEADING),
        ("app/src/list/load.rs", list::LOAD_HINT),
        ("app/src/list/load.rs", list::FILE_LABEL),
    ];
    for (file, words) in list_screen {
        assert!(source(file).contains(words), "{file} does not say {words}");
    }
    for (file, words) in checks {
        let app = source(file);
        for word in words {
            assert!(app.contains(word), "{file} does not say {word}");
        }
    }
    // The organisation's kinds: the app keeps the same filter as the static screen.
    let org = source("app/src/org/flow.rs");
    assert!(org.contains(
        ".retain(|o| OrgKind::from_id(o.id).is_some_and(|kind| kind.audience() == audience))"
    ));
    let staff = source("app/src/staff/mod.rs");
    for function in [
        "pub fn district_choices(day: Date)",
        "pub fn not_in_force(benefit: Option<&str>, day: Date)",
        "fn option_label(entry: &catalogue::CatalogueEntry, day: Date)",
    ] {
        assert!(staff.contains(function), "{function}");
    }
}

#[test]
fn the_checks_find_a_changed_template() {
    let src = "fn a() { x(\"<p class=\\\"b\\\">{}</p>\", y) }";
    assert_eq!(literal_after(src, "fn a()"), "<p class=\\\"b\\\">{}</p>");
    let changed = src.replace("<p", "<div");
    assert!(!changed.contains(&format!("\"{}\"", literal_after(src, "fn a()"))));
}
