//! One import-cycle check for every crate of the workspace, file by file (issue 30).
//!
//! For each member of the workspace (read from the root `Cargo.toml`, so a crate added later is
//! checked too) and each of its crate roots (`src/lib.rs`, `src/main.rs`, `src/bin/*`, `tests/*`,
//! `benches/*`, `examples/*`), the module tree is followed from `mod x;` declarations, and every file
//! gets an edge to each file it imports from:
//!
//! - `use` trees (`use crate::a::{b, c::D}`, `use super::x`, `use self::y`, `use child::Z`), and
//! - paths in code, macros included (`crate::a::f()`, `super::g()`, `<child::View/>`).
//!
//! A path goes to the deepest module it names (`crate::org::results::X` → `org/results.rs`,
//! `crate::Audience` → `lib.rs`). `super::` is read relative to the module of the file (and of the
//! inline module it is written in). A parent's `mod x;` alone is no edge: a parent and its child
//! form a cycle only when the parent uses the child (`use results::X`, `results::f()`) and the
//! child uses the parent (`super::g`). Comments, string and char literals, and `#[cfg(test)]` items
//! (a tests module, inline or in its own file) are not read.
//!
//! A cycle is reported as the set of files that reach each other (a strongly connected component),
//! one loop through them, and each edge inside it with the paths that make it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

// ------------------------------------------------------------------------------------------------
// Tokens: identifiers, `::` and single punctuation; comments and literals are dropped.

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Ident(String),
    Colons,
    Punct(char),
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Skips a string body starting after its opening quote; `raw_hashes` is `Some(n)` for `r#…"`.
fn skip_string(chars: &[char], mut i: usize, raw_hashes: Option<usize>) -> usize {
    while i < chars.len() {
        match (chars[i], raw_hashes) {
            ('\\', None) => i += 2,
            ('"', None) => return i + 1,
            ('"', Some(n)) => {
                let closing = (1..=n).all(|k| chars.get(i + k) == Some(&'#'));
                if closing {
                    return i + 1 + n;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    i
}

fn lex(source: &str) -> Vec<Tok> {
    let chars: Vec<char> = source.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == '"' {
            i = skip_string(&chars, i + 1, None);
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{4e2d}') or a lifetime ('a, 'static).
            if next == Some('\\') {
                // The backslash and the character it escapes (which may be a quote), then the rest.
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
                while i < chars.len() && is_ident_char(chars[i]) {
                    i += 1;
                }
            }
        } else if is_ident_start(c) {
            let start = i;
            while i < chars.len() && is_ident_char(chars[i]) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let prefix = matches!(word.as_str(), "b" | "c" | "r" | "br" | "cr");
            let after = chars.get(i).copied();
            if prefix && after == Some('"') {
                let raw = word.contains('r').then_some(0);
                i = skip_string(&chars, i + 1, raw);
            } else if prefix && word.ends_with('r') && after == Some('#') {
                let mut hashes = 0;
                while chars.get(i + hashes) == Some(&'#') {
                    hashes += 1;
                }
                if chars.get(i + hashes) == Some(&'"') {
                    i = skip_string(&chars, i + hashes + 1, Some(hashes));
                } else {
                    // A raw identifier, `r#type`: the identifier follows.
                    i += 1;
                }
            } else if word == "b" && after == Some('\'') {
                // A byte literal b'x' / b'\n': the quote is read as a char literal next.
            } else {
                toks.push(Tok::Ident(word));
            }
        } else if c.is_ascii_digit() {
            while i < chars.len() && is_ident_char(chars[i]) {
                i += 1;
            }
        } else if c == ':' && next == Some(':') {
            toks.push(Tok::Colons);
            i += 2;
        } else {
            toks.push(Tok::Punct(c));
            i += 1;
        }
    }
    toks
}

fn ident(tok: Option<&Tok>) -> Option<&str> {
    match tok {
        Some(Tok::Ident(s)) => Some(s),
        _ => None,
    }
}

/// The index just past the bracketed group opening at `i` (`(`, `[` or `{`).
fn skip_group(toks: &[Tok], mut i: usize) -> usize {
    let mut depth = 0i32;
    while i < toks.len() {
        match toks[i] {
            Tok::Punct('(' | '[' | '{') => depth += 1,
            Tok::Punct(')' | ']' | '}') => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    i
}

/// `#[cfg(test)]` at `i`? (`#`, `[`, `cfg`, `(`, `test`, `)`, `]`)
fn is_cfg_test(toks: &[Tok], i: usize) -> bool {
    let want = [
        Tok::Punct('#'),
        Tok::Punct('['),
        Tok::Ident("cfg".into()),
        Tok::Punct('('),
        Tok::Ident("test".into()),
        Tok::Punct(')'),
        Tok::Punct(']'),
    ];
    toks.get(i..i + want.len()) == Some(&want[..])
}

/// The tokens without `#[cfg(test)]` items (and the names of `#[cfg(test)] mod x;` children), or
/// `None` when the whole file is test-only (`#![cfg(test)]`).
fn without_test_items(toks: &[Tok]) -> Option<(Vec<Tok>, Vec<String>)> {
    let inner = [Tok::Punct('#'), Tok::Punct('!')];
    if toks.get(..2) == Some(&inner[..]) && is_cfg_test(&[&toks[..1], &toks[2..]].concat(), 0) {
        return None;
    }
    let mut kept = Vec::new();
    let mut test_children = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !is_cfg_test(toks, i) {
            kept.push(toks[i].clone());
            i += 1;
            continue;
        }
        i += 7;
        // Further attributes of the same item.
        while toks.get(i) == Some(&Tok::Punct('#')) && toks.get(i + 1) == Some(&Tok::Punct('[')) {
            i = skip_group(toks, i + 1);
        }
        // The item: up to a `;` outside brackets, or through its first `{…}` block.
        let start = i;
        while i < toks.len() {
            match toks[i] {
                Tok::Punct(';') => {
                    i += 1;
                    break;
                }
                Tok::Punct('{') => {
                    i = skip_group(toks, i);
                    break;
                }
                Tok::Punct('(' | '[') => i = skip_group(toks, i),
                _ => i += 1,
            }
        }
        let item = &toks[start..i];
        if let Some(at) = item.iter().position(|t| *t == Tok::Ident("mod".into())) {
            if let (Some(name), Some(Tok::Punct(';'))) = (ident(item.get(at + 1)), item.get(at + 2))
            {
                test_children.push(name.to_string());
            }
        }
    }
    Some((kept, test_children))
}

// ------------------------------------------------------------------------------------------------
// The module tree of one crate root.

type ModPath = Vec<String>;

#[derive(Default)]
struct Tree {
    /// Every module (files' and inline ones) → the file it is written in.
    modules: BTreeMap<ModPath, PathBuf>,
    /// Each file's module path and its code (test items removed).
    files: BTreeMap<PathBuf, (ModPath, Vec<Tok>)>,
    /// Files of `#[cfg(test)] mod x;` children (and their folders), not read.
    test_only: Vec<PathBuf>,
}

/// The file of child `name` of a module written in `file` (inside inline modules `inline`).
fn child_file(file: &Path, inline: &[String], name: &str) -> Option<PathBuf> {
    let parent = file.parent()?;
    let stem = file.file_stem()?.to_string_lossy();
    // mod.rs's children sit beside it; x.rs's in the folder x/.
    let mut dir = if stem == "mod" {
        parent.to_path_buf()
    } else {
        parent.join(stem.as_ref())
    };
    for m in inline {
        dir = dir.join(m);
    }
    let flat = dir.join(format!("{name}.rs"));
    let nested = dir.join(name).join("mod.rs");
    [flat, nested].into_iter().find(|p| p.is_file())
}

fn read_module(tree: &mut Tree, file: &Path, module: ModPath, is_root: bool) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let Some((toks, test_children)) = without_test_items(&lex(&text)) else {
        tree.test_only.push(file.to_path_buf());
        return Ok(());
    };
    tree.modules.insert(module.clone(), file.to_path_buf());
    for name in test_children {
        // A crate root's children sit beside it (src/lib.rs → src/x.rs), as mod.rs's do.
        let inline: Vec<String> = Vec::new();
        if let Some(child) = root_aware_child(file, is_root, &inline, &name) {
            tree.test_only.push(child.with_extension(""));
            tree.test_only.push(child);
        }
    }
    // Inline modules (with their brace depth) and `mod x;` children.
    let mut inline: Vec<(String, i32)> = Vec::new();
    let mut depth = 0;
    let mut children = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                depth -= 1;
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            Tok::Ident(kw) if kw == "mod" => {
                if let Some(name) = ident(toks.get(i + 1)) {
                    let names: Vec<String> = inline.iter().map(|(n, _)| n.clone()).collect();
                    let mut path = module.clone();
                    path.extend(names.iter().cloned());
                    path.push(name.to_string());
                    match toks.get(i + 2) {
                        Some(Tok::Punct(';')) => children.push((path, names, name.to_string())),
                        Some(Tok::Punct('{')) => {
                            tree.modules.insert(path, file.to_path_buf());
                            inline.push((name.to_string(), depth));
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    tree.files
        .insert(file.to_path_buf(), (module.clone(), toks));
    for (path, names, name) in children {
        let child = root_aware_child(file, is_root, &names, &name)
            .ok_or_else(|| format!("{}: `mod {name};` has no file", file.display()))?;
        read_module(tree, &child, path, false)?;
    }
    Ok(())
}

/// Like [`child_file`], but a crate root's children live beside it even when it is not named
/// lib.rs or main.rs (`src/bin/org.rs` → `src/bin/org/x.rs` is the non-root rule; roots such as
/// `tests/cli.rs` keep theirs in `tests/`).
fn root_aware_child(file: &Path, is_root: bool, inline: &[String], name: &str) -> Option<PathBuf> {
    if !is_root {
        return child_file(file, inline, name);
    }
    let mut dir = file.parent()?.to_path_buf();
    for m in inline {
        dir = dir.join(m);
    }
    let flat = dir.join(format!("{name}.rs"));
    let nested = dir.join(name).join("mod.rs");
    [flat, nested].into_iter().find(|p| p.is_file())
}

// ------------------------------------------------------------------------------------------------
// Paths: `use` trees and paths in code, resolved to the module (and file) they name.

/// The full paths of a `use` tree starting at `toks[i]` (after `use`), and the index after it.
fn use_paths(toks: &[Tok], mut i: usize, prefix: Vec<String>) -> (Vec<Vec<String>>, usize) {
    let mut path = prefix;
    loop {
        match toks.get(i) {
            Some(Tok::Colons) => i += 1,
            Some(Tok::Ident(s)) => {
                path.push(s.clone());
                i += 1;
                if toks.get(i) == Some(&Tok::Colons) {
                    i += 1;
                    continue;
                }
                if ident(toks.get(i)) == Some("as") {
                    i += 2;
                }
                return (vec![path], i);
            }
            Some(Tok::Punct('*')) => return (vec![path], i + 1),
            Some(Tok::Punct('{')) => {
                i += 1;
                let mut all = Vec::new();
                while i < toks.len() && toks[i] != Tok::Punct('}') {
                    if toks[i] == Tok::Punct(',') {
                        i += 1;
                        continue;
                    }
                    let (paths, next) = use_paths(toks, i, path.clone());
                    all.extend(paths);
                    i = next.max(i + 1);
                }
                return (all, i + 1);
            }
            _ => return (vec![path], i),
        }
    }
}

/// The module a path names, seen from module `current`: `None` for other crates.
fn resolve(tree: &Tree, current: &[String], path: &[String]) -> Option<ModPath> {
    let first = path.first()?;
    let (mut base, rest): (ModPath, &[String]) = match first.as_str() {
        "crate" => (Vec::new(), &path[1..]),
        "self" => (current.to_vec(), &path[1..]),
        "super" => {
            let ups = path.iter().take_while(|s| *s == "super").count();
            let keep = current.len().checked_sub(ups)?;
            (current[..keep].to_vec(), &path[ups..])
        }
        child => {
            let mut module = current.to_vec();
            module.push(child.to_string());
            if !tree.modules.contains_key(&module) {
                return None;
            }
            (module, &path[1..])
        }
    };
    for segment in rest {
        if segment == "self" {
            continue;
        }
        let mut next = base.clone();
        next.push(segment.clone());
        if tree.modules.contains_key(&next) {
            base = next;
        } else {
            break;
        }
    }
    Some(base)
}

/// Every path a file's code names, each with the module it is written in (inline modules
/// included).
fn paths_of(module: &[String], toks: &[Tok], tree: &Tree) -> Vec<(ModPath, Vec<String>)> {
    let mut found = Vec::new();
    let mut inline: Vec<(String, i32)> = Vec::new();
    let mut depth = 0;
    let current = |inline: &[(String, i32)]| {
        let mut m = module.to_vec();
        m.extend(inline.iter().map(|(n, _)| n.clone()));
        m
    };
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                depth -= 1;
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            Tok::Ident(kw) if kw == "mod" && toks.get(i + 2) == Some(&Tok::Punct('{')) => {
                if let Some(name) = ident(toks.get(i + 1)) {
                    inline.push((name.to_string(), depth));
                }
            }
            Tok::Ident(kw) if kw == "use" => {
                let (paths, next) = use_paths(toks, i + 1, Vec::new());
                let here = current(&inline);
                found.extend(paths.into_iter().map(|p| (here.clone(), p)));
                i = next;
                continue;
            }
            Tok::Ident(first) if toks.get(i + 1) == Some(&Tok::Colons) => {
                let starts = i == 0 || toks[i - 1] != Tok::Colons;
                let here = current(&inline);
                let mut child = here.clone();
                child.push(first.clone());
                let local = matches!(first.as_str(), "crate" | "super" | "self")
                    || tree.modules.contains_key(&child);
                if starts && local {
                    let mut path = vec![first.clone()];
                    let mut j = i + 1;
                    while toks.get(j) == Some(&Tok::Colons) {
                        match ident(toks.get(j + 1)) {
                            Some(s) => path.push(s.to_string()),
                            None => break,
                        }
                        j += 2;
                    }
                    found.push((here, path));
                    i = j;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    found
}

// ------------------------------------------------------------------------------------------------
// The graph and its cycles.

/// File → file it imports from → the paths that make the edge.
type Graph = BTreeMap<PathBuf, BTreeMap<PathBuf, BTreeSet<String>>>;

fn graph(tree: &Tree) -> Graph {
    let mut edges: Graph = BTreeMap::new();
    for (file, (module, toks)) in &tree.files {
        edges.entry(file.clone()).or_default();
        for (here, path) in paths_of(module, toks, tree) {
            let Some(target) = resolve(tree, &here, &path) else {
                continue;
            };
            let Some(to) = tree.modules.get(&target) else {
                continue;
            };
            if to != file {
                edges
                    .entry(file.clone())
                    .or_default()
                    .entry(to.clone())
                    .or_default()
                    .insert(path.join("::"));
            }
        }
    }
    edges
}

/// The strongly connected components with more than one file (Tarjan's algorithm).
fn cycles(graph: &Graph) -> Vec<BTreeSet<PathBuf>> {
    struct State<'g> {
        graph: &'g Graph,
        index: BTreeMap<&'g PathBuf, usize>,
        low: BTreeMap<&'g PathBuf, usize>,
        stack: Vec<&'g PathBuf>,
        on_stack: BTreeSet<&'g PathBuf>,
        found: Vec<BTreeSet<PathBuf>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g PathBuf) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        let graph = s.graph;
        for w in graph.get(v).into_iter().flat_map(|e| e.keys()) {
            if !graph.contains_key(w) {
                continue;
            }
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = BTreeSet::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.insert(w.clone());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                s.found.push(component);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.found.sort();
    s.found
}

/// One loop through a component: from its first file, the shortest way back to it.
fn one_loop(graph: &Graph, component: &BTreeSet<PathBuf>) -> Vec<PathBuf> {
    let Some(start) = component.iter().next() else {
        return Vec::new();
    };
    let mut came_from: BTreeMap<&PathBuf, &PathBuf> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for w in graph.get(v).into_iter().flat_map(|e| e.keys()) {
            if w == start {
                let mut path = vec![start.clone()];
                let mut at = v;
                let mut back = vec![v.clone()];
                while at != start {
                    at = came_from[at];
                    back.push(at.clone());
                }
                back.pop();
                back.reverse();
                path.extend(back);
                path.push(start.clone());
                return path;
            }
            if component.contains(w) && !came_from.contains_key(w) && w != start {
                came_from.insert(w, v);
                queue.push_back(w);
            }
        }
    }
    Vec::new()
}

// ------------------------------------------------------------------------------------------------
// The workspace.

/// The workspace's member folders, from `members = [...]` in its Cargo.toml (`dir/*` globs too).
fn members(workspace: &Path) -> Vec<PathBuf> {
    let manifest = std::fs::read_to_string(workspace.join("Cargo.toml")).unwrap_or_default();
    let Some(list) = manifest
        .split_once("members")
        .and_then(|(_, rest)| rest.split_once('['))
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(list, _)| list)
    else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in list.split(',') {
        let name = entry.trim().trim_matches('"');
        if name.is_empty() {
            continue;
        }
        if let Some(dir) = name.strip_suffix("/*") {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(workspace.join(dir))
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.join("Cargo.toml").is_file())
                .collect();
            inside.sort();
            found.extend(inside);
        } else {
            found.push(workspace.join(name));
        }
    }
    found
}

/// The crate roots of a package: lib, main, bins, tests, benches, examples.
fn roots(package: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = ["src/lib.rs", "src/main.rs"]
        .iter()
        .map(|r| package.join(r))
        .filter(|p| p.is_file())
        .collect();
    for dir in ["src/bin", "tests", "benches", "examples"] {
        let mut inside: Vec<PathBuf> = std::fs::read_dir(package.join(dir))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter_map(|p| {
                if p.extension().is_some_and(|e| e == "rs") {
                    Some(p)
                } else {
                    Some(p.join("main.rs")).filter(|m| m.is_file())
                }
            })
            .collect();
        inside.sort();
        found.extend(inside);
    }
    found
}

/// What the check found in one package.
struct PackageReport {
    name: String,
    files: usize,
    edges: usize,
    /// Each cycle, written out for the failure message.
    cycles: Vec<String>,
    /// `.rs` files under src/ that no root reaches (and no `#[cfg(test)] mod` names).
    unread: Vec<PathBuf>,
}

fn rel(path: &Path, package: &Path) -> String {
    path.strip_prefix(package)
        .unwrap_or(path)
        .display()
        .to_string()
}

fn check_package(package: &Path) -> Result<PackageReport, String> {
    let name = package
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut report = PackageReport {
        name,
        files: 0,
        edges: 0,
        cycles: Vec::new(),
        unread: Vec::new(),
    };
    let mut reached = BTreeSet::new();
    let mut test_only = Vec::new();
    let mut seen_cycles = BTreeSet::new();
    for root in roots(package) {
        let mut tree = Tree::default();
        read_module(&mut tree, &root, Vec::new(), true)?;
        let graph = graph(&tree);
        report.files += tree.files.len();
        report.edges += graph.values().map(BTreeMap::len).sum::<usize>();
        reached.extend(tree.files.keys().cloned());
        test_only.extend(tree.test_only.iter().cloned());
        for component in cycles(&graph) {
            if !seen_cycles.insert(component.clone()) {
                continue;
            }
            let files: Vec<String> = component.iter().map(|f| rel(f, package)).collect();
            let lp: Vec<String> = one_loop(&graph, &component)
                .iter()
                .map(|f| rel(f, package))
                .collect();
            let mut text = format!(
                "{}: a cycle of {} files (from {}): {}\n  one loop: {}\n  its edges:",
                report.name,
                component.len(),
                rel(&root, package),
                files.join(", "),
                lp.join(" → ")
            );
            for from in &component {
                for (to, why) in graph.get(from).into_iter().flatten() {
                    if component.contains(to) {
                        let why: Vec<&str> = why.iter().map(String::as_str).collect();
                        text.push_str(&format!(
                            "\n    {} → {}: {}",
                            rel(from, package),
                            rel(to, package),
                            why.join(", ")
                        ));
                    }
                }
            }
            report.cycles.push(text);
        }
    }
    let mut all = Vec::new();
    rs_files(&package.join("src"), &mut all);
    report.unread = all
        .into_iter()
        .filter(|f| !reached.contains(f) && !test_only.iter().any(|t| f.starts_with(t) || f == t))
        .collect();
    Ok(report)
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn check_workspace(workspace: &Path) -> Vec<PackageReport> {
    members(workspace)
        .iter()
        .map(|package| {
            check_package(package).unwrap_or_else(|e| PackageReport {
                name: package.display().to_string(),
                files: 0,
                edges: 0,
                cycles: vec![format!("could not be read: {e}")],
                unread: Vec::new(),
            })
        })
        .collect()
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

#[test]
fn no_crate_of_the_workspace_has_a_file_import_cycle() {
    let reports = check_workspace(&workspace());
    let names: Vec<&str> = reports.iter().map(|r| r.name.as_str()).collect();
    for expected in ["rules-core", "app", "xtask"] {
        assert!(names.contains(&expected), "members found: {names:?}");
    }
    let mut failures = Vec::new();
    for report in &reports {
        println!(
            "{}: {} files, {} file-to-file imports, {} cycle(s)",
            report.name,
            report.files,
            report.edges,
            report.cycles.len()
        );
        assert!(report.files > 0, "{}: no file read", report.name);
        if !report.unread.is_empty() {
            failures.push(format!(
                "{}: files under src/ that no crate root reaches: {:?}",
                report.name, report.unread
            ));
        }
        failures.extend(report.cycles.iter().cloned());
    }
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n\n"));
}

// ------------------------------------------------------------------------------------------------
// The check on planted trees.

/// A workspace in a fresh temporary folder with one crate `plant` made of `files`.
struct Planted(PathBuf);

impl Planted {
    fn new(tag: &str, files: &[(&str, &str)]) -> Planted {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let dir =
            std::env::temp_dir().join(format!("xtask-cycles-{tag}-{}-{nanos}", std::process::id()));
        let write = |path: &str, text: &str| {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
            std::fs::write(&path, text).expect("write");
        };
        write("Cargo.toml", "[workspace]\nmembers = [\"plant\"]\n");
        write("plant/Cargo.toml", "[package]\nname = \"plant\"\n");
        for (path, text) in files {
            write(&format!("plant/{path}"), text);
        }
        Planted(dir)
    }
}

impl Drop for Planted {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A crate without a cycle, with everything that must not count as an import: comments, strings,
/// a test module, a parent naming a child that uses it (`mod` alone), a child used by its parent
/// that does not use the parent, an external crate's path, visibility `pub(super)`.
const CLEAN: [(&str, &str); 6] = [
    (
        "src/lib.rs",
        "//! Uses crate::a::A in a comment only.\npub mod a;\npub mod b;\npub mod p;\n\
         pub use b::B;\n",
    ),
    (
        "src/a.rs",
        "use crate::b::B;\n/* crate::p::f() */\npub struct A(pub B);\n\
         pub fn name() -> &'static str { \"crate::lib and super::x\" }\n\
         pub fn raw() -> &'static str { r#\"crate::p::q\"# }\n",
    ),
    (
        "src/b.rs",
        "pub struct B;\npub(super) fn helper() -> [char; 2] { ['\"', '\\''] }\n\
         pub fn ext() -> String { std::string::String::new() }\n\
         #[cfg(test)]\nmod tests {\n    use crate::a::A;\n    use super::*;\n}\n",
    ),
    (
        "src/p/mod.rs",
        "mod q;\nmod r;\npub use r::R;\npub fn f() -> u8 { 1 }\n\
         #[cfg(test)]\nmod t;\n",
    ),
    // q names its parent, but the parent never uses q: no cycle.
    ("src/p/q.rs", "use super::f;\npub fn g() -> u8 { f() }\n"),
    ("src/p/r.rs", "pub struct R;\n"),
];

#[test]
fn a_tree_without_cycles_reports_none_and_reads_every_file() {
    let mut files = CLEAN.to_vec();
    files.push(("src/p/t.rs", "use super::*;\n"));
    let planted = Planted::new("clean", &files);
    let reports = check_workspace(&planted.0);
    assert_eq!(reports.len(), 1);
    let report = &reports[0];
    assert_eq!(report.cycles, Vec::<String>::new());
    assert_eq!(report.unread, Vec::<PathBuf>::new());
    // lib → b (pub use), a → b, p/mod.rs → p/r.rs, p/q.rs → p/mod.rs.
    assert_eq!((report.files, report.edges), (6, 4));
}

#[test]
fn a_planted_cycle_through_crate_paths_is_reported_with_its_files() {
    let mut files = CLEAN.to_vec();
    // b names a (in code, not in a `use`), a uses b: a cycle through `crate::`.
    files[2] = (
        "src/b.rs",
        "pub struct B;\npub fn back() -> usize { std::mem::size_of::<crate::a::A>() }\n",
    );
    let planted = Planted::new("crate", &files);
    let report = &check_workspace(&planted.0)[0];
    assert_eq!(report.cycles.len(), 1, "{:?}", report.cycles);
    let cycle = &report.cycles[0];
    assert!(cycle.contains("a cycle of 2 files"), "{cycle}");
    assert!(cycle.contains("src/a.rs, src/b.rs"), "{cycle}");
    assert!(
        cycle.contains("src/b.rs → src/a.rs: crate::a::A"),
        "{cycle}"
    );
    assert!(
        cycle.contains("src/a.rs → src/b.rs: crate::b::B"),
        "{cycle}"
    );
}

#[test]
fn a_planted_cycle_through_super_is_reported_with_its_files() {
    let mut files = CLEAN.to_vec();
    // The parent now uses q, and q uses its parent through `super::`.
    files[3] = (
        "src/p/mod.rs",
        "mod q;\nmod r;\npub use r::R;\npub fn f() -> u8 { q::g() }\n",
    );
    let planted = Planted::new("super", &files);
    let report = &check_workspace(&planted.0)[0];
    assert_eq!(report.cycles.len(), 1, "{:?}", report.cycles);
    let cycle = &report.cycles[0];
    assert!(cycle.contains("src/p/mod.rs, src/p/q.rs"), "{cycle}");
    assert!(
        cycle.contains("src/p/q.rs → src/p/mod.rs: super::f"),
        "{cycle}"
    );
    assert!(cycle.contains("src/p/mod.rs → src/p/q.rs: q::g"), "{cycle}");
}

#[test]
fn super_in_a_nested_module_and_in_an_inline_module_resolve_to_the_right_file() {
    let files = [
        ("src/main.rs", "mod x;\nfn main() { x::y::z(); }\n"),
        ("src/x/mod.rs", "pub mod y;\npub fn top() {}\n"),
        // y's `super::super` is the crate root (main.rs); its inline module's `super` is y itself.
        (
            "src/x/y.rs",
            "pub fn z() { super::top() }\nmod inner {\n    pub fn w() { super::z() }\n}\n\
             pub fn root() { super::super::helper() }\n",
        ),
    ];
    let planted = Planted::new("nested", &files);
    let report = &check_workspace(&planted.0)[0];
    // main → y (x::y::z), y → x/mod.rs (super::top), y → main (super::super): main ↔ y.
    assert_eq!(report.cycles.len(), 1, "{:?}", report.cycles);
    let cycle = &report.cycles[0];
    assert!(cycle.contains("src/main.rs, src/x/y.rs"), "{cycle}");
    assert!(
        cycle.contains("src/x/y.rs → src/main.rs: super::super::helper"),
        "{cycle}"
    );
    assert!(!cycle.contains("x/mod.rs"), "{cycle}");
}

#[test]
fn use_trees_expand_to_every_path() {
    let toks = lex("crate::{a, b::{self, c as d}, e::*};");
    let (paths, _) = use_paths(&toks, 0, Vec::new());
    let joined: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        joined,
        ["crate::a", "crate::b::self", "crate::b::c", "crate::e"]
    );
}
