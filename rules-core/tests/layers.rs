//! rules-core's layers (ARCHITECTURE.md, "rules-core's layers"), read from its sources: each folder
//! of `src/` is a layer, and a file imports (`crate::…`) only its own layer and those below it:
//! vocabulary → engine → benefits → registry → views and sheet. A benefit family names no other
//! family, only the shared helpers (`groups`, `loans`); only the registry names every family. Tests
//! (`#[cfg(test)]` to the end of a file) may use anything. The workspace's cycle check is in xtask.

mod common;

use common::files;
use std::path::Path;

const LAYERS: [&str; 6] = [
    "vocabulary",
    "engine",
    "benefits",
    "registry",
    "views",
    "sheet",
];
const SHARED_FAMILY_HELPERS: [&str; 2] = ["groups", "loans"];

fn rank(layer: &str) -> Option<usize> {
    // views and sheet stand side by side at the top.
    LAYERS.iter().position(|l| *l == layer).map(|at| at.min(4))
}

/// The code of a file before its tests, without line comments.
fn code(text: &str) -> String {
    let before_tests = text.split("#[cfg(test)]").next().unwrap_or_default();
    before_tests
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `crate::a::b` paths a file names (first two segments), including those inside
/// `use crate::{a::b, c::d}` groups.
fn crate_paths(code: &str) -> Vec<(String, String)> {
    let mut paths = Vec::new();
    let segments = |rest: &str| -> (String, String) {
        let mut parts = rest.split("::").map(|s| {
            s.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        });
        (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        )
    };
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The group's top-level items, up to its matching brace.
            let (mut depth, mut item) = (0, String::new());
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        paths.push(segments(item.trim()));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            if !item.trim().is_empty() {
                paths.push(segments(item.trim()));
            }
        } else {
            paths.push(segments(rest));
        }
    }
    paths
}

/// Every violation of the layering in the tree at `src`.
fn violations(src: &Path) -> Vec<String> {
    let mut all = Vec::new();
    files(src, &mut all);
    let mut found = Vec::new();
    for file in all {
        let relative = file.strip_prefix(src).unwrap_or(&file);
        let mut components = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy());
        let (Some(layer), Some(module)) = (components.next(), components.next()) else {
            continue; // lib.rs, sheet.rs: the root declares and re-exports only.
        };
        let module = module.trim_end_matches(".rs").to_string();
        let Some(own) = rank(&layer) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (to_layer, to_module) in crate_paths(&code(&text)) {
            let name = format!("{} → crate::{to_layer}::{to_module}", relative.display());
            match rank(&to_layer) {
                Some(to) if to > own => found.push(format!("{name}: imports a layer above it")),
                None if layer != "sheet" || to_layer != "sheet" => {
                    found.push(format!("{name}: not through a layer's folder"))
                }
                _ => {}
            }
            if layer == "benefits"
                && to_layer == "benefits"
                && to_module != module
                && !SHARED_FAMILY_HELPERS.contains(&to_module.as_str())
                && !SHARED_FAMILY_HELPERS.contains(&module.as_str())
            {
                found.push(format!("{name}: a family names another family"));
            }
            if to_layer == "benefits" && layer != "benefits" && layer != "registry" {
                found.push(format!("{name}: only the registry names the families"));
            }
        }
    }
    found
}

#[test]
fn every_file_imports_only_its_layer_and_those_below() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = violations(&src);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The check finds what it is for: a vocabulary module that reads the engine, a family that names
/// another, and a view that reaches into a family, planted in a copy of the tree.
#[test]
fn a_planted_violation_is_reported() {
    let plant = std::env::temp_dir().join(format!("rules-core-layers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&plant);
    for (file, text) in [
        ("vocabulary/date.rs", "use crate::engine::facts::Q;\n"),
        ("benefits/placement.rs", "use crate::benefits::hiring::X;\n"),
        (
            "views/leads.rs",
            "fn f() { crate::benefits::students::Y; }\n",
        ),
        (
            "engine/facts.rs",
            "use crate::{vocabulary::date::{Date, Day}, engine::logic::Tri};\n",
        ),
        (
            "engine/rule.rs",
            "use crate::{engine::report::{A, B}, registry::lists::L};\n",
        ),
    ] {
        let path = plant.join(file);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(path, text).unwrap();
    }
    let found = violations(&plant);
    let _ = std::fs::remove_dir_all(&plant);
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(found[..]
        .iter()
        .any(|f| f.contains("date.rs") && f.contains("above")));
    assert!(found.iter().any(|f| f.contains("names another family")));
    assert!(found.iter().any(|f| f.contains("only the registry")));
    assert!(found
        .iter()
        .any(|f| f.contains("rule.rs") && f.contains("registry")));
}
