//! The app's layering, checked from its sources (ARCHITECTURE.md, "the pages never import each
//! other" and "no import cycle"): the pages (`landing`, `person`, `org`, `staff`, `list`) never name one
//! another, and nothing below them names a page; only `shell` (the pages' roots) and the entry points
//! in `bin/` and `main.rs` sit above them; and the crate root only declares modules. Tests at the end
//! of a file (`#[cfg(test)] mod tests`) may use anything. That no file's imports form a cycle (through
//! `crate::`, `super::` or a child module) is checked for every crate, this one included, by
//! `xtask/tests/cycles.rs`.

use std::collections::BTreeSet;
use std::path::Path;

const PAGES: [&str; 5] = ["landing", "person", "org", "staff", "list"];
const ABOVE_PAGES: [&str; 2] = ["shell", "main"];

/// Each source file's top-level module (`person/results.rs` → `person`, `lib.rs` → `lib`) and its
/// code before its tests module.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "rs")
                // This file is a test: its strings name modules on purpose.
                && !path.ends_with("architecture.rs")
            {
                let relative = path.strip_prefix(root).unwrap_or(&path);
                let first = relative
                    .components()
                    .next()
                    .map(|c| {
                        c.as_os_str()
                            .to_string_lossy()
                            .trim_end_matches(".rs")
                            .to_string()
                    })
                    .unwrap_or_default();
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let code = text
                    .split("#[cfg(test)]\nmod tests")
                    .next()
                    .unwrap_or_default()
                    .to_string();
                out.push((first, code));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    walk(&root, &root, &mut out);
    out
}

/// The top-level modules a piece of code names: `crate::x…` and each name in `use crate::{x, y::z}`.
fn named_modules(code: &str) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inside = group.split('}').next().unwrap_or_default();
            for item in inside.split(',') {
                let first = item.trim().split("::").next().unwrap_or_default();
                named.insert(first.trim().to_string());
            }
        } else {
            let first: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            named.insert(first);
        }
    }
    named
}

#[test]
fn pages_never_import_each_other_and_nothing_below_imports_a_page() {
    let files = sources();
    assert!(files.len() > 20, "sources found: {}", files.len());
    let mut wrong = Vec::new();
    for (module, code) in &files {
        if module == "bin" || ABOVE_PAGES.contains(&module.as_str()) {
            continue;
        }
        for named in named_modules(code) {
            if PAGES.contains(&named.as_str()) && named != *module {
                wrong.push(format!("{module} names the page {named}"));
            }
        }
    }
    assert_eq!(wrong, Vec::<String>::new());
}

#[test]
fn the_check_sees_a_planted_import() {
    assert!(named_modules("use crate::person::results;").contains("person"));
    assert!(named_modules("use crate::{focus_later, org::hash};").contains("org"));
    assert!(named_modules("let x = crate::staff::StaffPage;").contains("staff"));
}

/// The top-level modules (directories and files under src/, without `lib`, `main`, `bin`).
fn modules(files: &[(String, String)]) -> BTreeSet<String> {
    files
        .iter()
        .map(|(module, _)| module.clone())
        .filter(|m| !["lib", "main", "bin"].contains(&m.as_str()))
        .collect()
}

#[test]
fn the_root_only_declares_modules() {
    let files = sources();
    let modules = modules(&files);
    let mut root_items = Vec::new();
    for (module, code) in &files {
        for named in named_modules(code) {
            if !modules.contains(&named) {
                // `crate::x` where x is no module: an item of the crate root, which every module
                // could then need, and which would need them back.
                root_items.push(format!("{module} names crate::{named}"));
            }
        }
    }
    assert_eq!(root_items, Vec::<String>::new());
}
