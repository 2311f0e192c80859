//! The size profile of each page's wasm: its largest functions and data segments, and bytes by
//! crate (rules-core by module), read from the name section of the build before wasm-bindgen and
//! wasm-opt (`target/wasm32-unknown-unknown/release/<bin>.wasm`, where names are kept). The figures
//! are raw bytes before wasm-opt, which shrinks code by about a third: they rank and compare, the
//! size report's brotli figures count.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One function or data segment.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub name: String,
    pub bytes: usize,
}

/// What a wasm holds, by name.
#[derive(Debug, Default)]
pub struct Contents {
    pub functions: Vec<Item>,
    pub data: Vec<Item>,
    /// Bytes of UTF-8 text (runs of 4 or more printable characters) in the data, and of them the
    /// bytes in runs with Chinese.
    pub text_bytes: usize,
    pub chinese_text_bytes: usize,
}

fn leb(bytes: &[u8], at: &mut usize) -> Option<usize> {
    let mut value = 0usize;
    let mut shift = 0;
    loop {
        let b = *bytes.get(*at)?;
        *at += 1;
        value |= usize::from(b & 0x7f).checked_shl(shift)?;
        if b < 0x80 {
            return Some(value);
        }
        shift += 7;
    }
}

fn name_at(bytes: &[u8], at: &mut usize) -> Option<String> {
    let len = leb(bytes, at)?;
    let s = bytes.get(*at..*at + len)?;
    *at += len;
    Some(String::from_utf8_lossy(s).into_owned())
}

/// Reads a wasm module's functions (with their names), data segments and texts. `None` for a file
/// that is not a wasm module this reader understands.
pub fn read(wasm: &[u8]) -> Option<Contents> {
    if wasm.get(..4)? != b"\0asm" {
        return None;
    }
    let mut at = 8;
    let mut sections: Vec<(u8, std::ops::Range<usize>)> = Vec::new();
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let len = leb(wasm, &mut at)?;
        sections.push((id, at..at + len));
        at += len;
    }
    // Imported functions come first in the function index space.
    let mut imported = 0;
    let mut names = Names::default();
    for (id, range) in &sections {
        let body = wasm.get(range.clone())?;
        match id {
            2 => imported = count_imported_functions(body)?,
            0 => read_names(body, &mut names)?,
            _ => {}
        }
    }
    let mut contents = Contents::default();
    for (id, range) in &sections {
        let body = wasm.get(range.clone())?;
        match id {
            10 => read_functions(body, imported, &names, &mut contents)?,
            11 => read_data(body, &names, &mut contents)?,
            _ => {}
        }
    }
    contents
        .functions
        .sort_by(|a, b| b.bytes.cmp(&a.bytes).then(a.name.cmp(&b.name)));
    contents
        .data
        .sort_by(|a, b| b.bytes.cmp(&a.bytes).then(a.name.cmp(&b.name)));
    Some(contents)
}

/// The name section's function and data segment names, by index.
#[derive(Default)]
struct Names {
    functions: BTreeMap<usize, String>,
    data: BTreeMap<usize, String>,
}

/// The import section's imported functions (they come first in the function index space).
fn count_imported_functions(body: &[u8]) -> Option<usize> {
    let mut p = 0;
    let mut imported = 0;
    for _ in 0..leb(body, &mut p)? {
        name_at(body, &mut p)?;
        name_at(body, &mut p)?;
        let kind = *body.get(p)?;
        p += 1;
        match kind {
            0 => {
                leb(body, &mut p)?;
                imported += 1;
            }
            // A table: its element type, then limits.
            1 => {
                p += 1;
                skip_limits(body, &mut p)?;
            }
            2 => skip_limits(body, &mut p)?,
            3 => p += 2,
            _ => return None,
        }
    }
    Some(imported)
}

/// Limits: flags, minimum, and a maximum when flag 1 is set.
fn skip_limits(body: &[u8], p: &mut usize) -> Option<()> {
    let flags = *body.get(*p)?;
    *p += 1;
    leb(body, p)?;
    if flags & 1 == 1 {
        leb(body, p)?;
    }
    Some(())
}

/// A custom section: when it is the name section, its function (1) and data (9) names.
fn read_names(body: &[u8], names: &mut Names) -> Option<()> {
    let mut p = 0;
    if name_at(body, &mut p)? != "name" {
        return Some(());
    }
    while p < body.len() {
        let sub = body[p];
        p += 1;
        let len = leb(body, &mut p)?;
        let end = p + len;
        let table = match sub {
            1 => Some(&mut names.functions),
            9 => Some(&mut names.data),
            _ => None,
        };
        if let Some(table) = table {
            let mut q = p;
            for _ in 0..leb(body, &mut q)? {
                let index = leb(body, &mut q)?;
                table.insert(index, name_at(body, &mut q)?);
            }
        }
        p = end;
    }
    Some(())
}

/// The code section: each function's size under its demangled name.
fn read_functions(
    body: &[u8],
    imported: usize,
    names: &Names,
    contents: &mut Contents,
) -> Option<()> {
    let mut p = 0;
    for i in 0..leb(body, &mut p)? {
        let start = p;
        let len = leb(body, &mut p)?;
        p += len;
        let name = names
            .functions
            .get(&(imported + i))
            .map_or_else(|| format!("function {}", imported + i), |n| demangle(n));
        contents.functions.push(Item {
            name,
            bytes: p - start,
        });
    }
    Some(())
}

/// The data section: each segment's size and the text in it.
fn read_data(body: &[u8], names: &Names, contents: &mut Contents) -> Option<()> {
    let mut p = 0;
    for i in 0..leb(body, &mut p)? {
        let start = p;
        let flags = leb(body, &mut p)?;
        if flags == 2 {
            leb(body, &mut p)?;
        }
        if flags != 1 {
            // The offset: a constant expression ending in `end` (0x0b).
            while *body.get(p)? != 0x0b {
                p += 1;
            }
            p += 1;
        }
        let len = leb(body, &mut p)?;
        let data = body.get(p..p + len)?;
        p += len;
        let (text, chinese) = texts(data);
        contents.text_bytes += text;
        contents.chinese_text_bytes += chinese;
        contents.data.push(Item {
            name: names
                .data
                .get(&i)
                .cloned()
                .unwrap_or_else(|| format!("segment {i}")),
            bytes: p - start,
        });
    }
    Some(())
}

/// Bytes of UTF-8 text in `data` (runs of at least 4 printable characters), and of them those in
/// runs with a Chinese character.
fn texts(data: &[u8]) -> (usize, usize) {
    let (mut text, mut chinese) = (0, 0);
    let mut rest = data;
    while !rest.is_empty() {
        let valid = match std::str::from_utf8(rest) {
            Ok(s) => s,
            Err(e) => std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or_default(),
        };
        for run in valid.split(|c: char| c.is_control()) {
            if run.chars().count() >= 4 {
                text += run.len();
                if run.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                    chinese += run.len();
                }
            }
        }
        rest = &rest[(valid.len() + 1).min(rest.len())..];
    }
    (text, chinese)
}

/// A Rust symbol as written in source (`app::shell::shell`), from the legacy mangling (`_ZN…E`,
/// the hash dropped); other names are returned as they are.
pub fn demangle(symbol: &str) -> String {
    let Some(mut rest) = symbol.strip_prefix("_ZN") else {
        return symbol.to_string();
    };
    let mut parts = Vec::new();
    while let Some(digits) = rest.find(|c: char| !c.is_ascii_digit()).filter(|&n| n > 0) {
        let Ok(len) = rest[..digits].parse::<usize>() else {
            break;
        };
        let Some(part) = rest.get(digits..digits + len) else {
            break;
        };
        parts.push(part);
        rest = &rest[digits + len..];
    }
    if parts.is_empty() {
        return symbol.to_string();
    }
    if parts.last().is_some_and(|p| {
        p.len() == 17 && p.starts_with('h') && p[1..].chars().all(|c| c.is_ascii_hexdigit())
    }) {
        parts.pop();
    }
    let mut out = parts.join("::");
    for (code, text) in [
        ("$LT$", "<"),
        ("$GT$", ">"),
        ("$RF$", "&"),
        ("$BP$", "*"),
        ("$C$", ","),
        ("$SP$", "@"),
        ("$u20$", " "),
        ("$u27$", "'"),
        ("$u5b$", "["),
        ("$u5d$", "]"),
        ("$u7b$", "{"),
        ("$u7d$", "}"),
        ("$u3b$", ";"),
        ("$u2b$", "+"),
        ("$u21$", "!"),
        ("$u22$", "\""),
        ("..", "::"),
    ] {
        out = out.replace(code, text);
    }
    // A part that starts with an escape is written with a leading `_` (`_$LT$impl…`).
    out.replace("::_<", "::<")
        .replace("::_{", "::{")
        .trim_start_matches('_')
        .to_string()
}

/// The group a function's bytes count under: its crate (the first one its name mentions other than
/// core, alloc and std, so `drop_in_place<leptos::…>` is Leptos'), Leptos' crates together, and
/// rules-core's and the app's by module.
pub fn group(name: &str) -> String {
    if name.starts_with("__wbindgen") || name.starts_with("__wbg") {
        return "wasm-bindgen (exports)".to_string();
    }
    // A v0-mangled name (`_R…`): its crate names are `<length><name>` after `C<disambiguator>_`.
    let mut crates: Vec<&str> = Vec::new();
    if let Some(v0) = name.strip_prefix("_R") {
        let mut at = 0;
        while let Some(found) = v0[at..].find("Cs") {
            let start = at + found + 2;
            let Some(under) = v0[start..].find('_') else {
                break;
            };
            let after = &v0[start + under + 1..];
            let digits = after
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(after.len());
            if let (Ok(len), Some(ident)) = (
                after[..digits].parse::<usize>(),
                after.get(digits..digits + after[..digits].parse::<usize>().unwrap_or(0)),
            ) {
                if len > 0 {
                    crates.push(ident);
                }
            }
            at = start + under + 1;
        }
    } else {
        let mut at = 0;
        while let Some(found) = name[at..].find("::") {
            let end = at + found;
            let start = name[..end]
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .map_or(0, |i| i + 1);
            // A path's first segment names its crate; later ones are modules and types.
            if !name[..start].ends_with("::") {
                crates.push(&name[start..end]);
            }
            at = end + 2;
        }
    }
    let first_std = crates.first().copied();
    let chosen = crates
        .iter()
        .copied()
        .find(|c| !matches!(*c, "core" | "alloc" | "std" | "" | "impl"));
    let Some(krate) = chosen.or(first_std) else {
        return "other".to_string();
    };
    match krate {
        "leptos" | "leptos_dom" | "tachys" | "reactive_graph" | "any_spawner" | "throw_error"
        | "or_poisoned" | "send_wrapper" | "slotmap" | "leptos_macro" | "oco_ref"
        | "next_tuple" | "guardian" | "hydration_context" | "leptos_server" | "server_fn"
        | "futures" | "futures_util" | "futures_channel" | "futures_executor" | "futures_core" => {
            format!("leptos ({krate})")
        }
        "rules_core" | "app" => {
            let mut modules = name
                .split(&format!("{krate}::"))
                .nth(1)
                .unwrap_or_default()
                .split("::")
                .map(|segment| {
                    segment
                        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                        .next()
                        .unwrap_or_default()
                });
            let module = modules.next().unwrap_or_default();
            // rules-core's layers are folders: name the module inside the layer too.
            const LAYERS: [&str; 5] = ["vocabulary", "engine", "benefits", "registry", "views"];
            match modules.next() {
                Some(inner) if krate == "rules_core" && LAYERS.contains(&module) => {
                    format!("{krate}::{module}::{inner}")
                }
                _ => format!("{krate}::{module}"),
            }
        }
        other => other.to_string(),
    }
}

/// The profile as text: the `top` largest functions and data segments, the bytes by group, the
/// texts in the data.
pub fn text(page: &str, contents: &Contents, top: usize) -> String {
    let mut out = String::new();
    let functions: Vec<&Item> = contents
        .functions
        .iter()
        .filter(|f| !f.name.starts_with("__wbindgen_describe"))
        .collect();
    let code: usize = functions.iter().map(|f| f.bytes).sum();
    let data: usize = contents.data.iter().map(|d| d.bytes).sum();
    let _ = writeln!(
        out,
        "{page}: code {code} B in {} functions, data {data} B (raw, before wasm-bindgen and wasm-opt; wasm-bindgen's describe functions left out)",
        functions.len()
    );
    let _ = writeln!(out, "  largest functions:");
    for f in functions.iter().take(top) {
        let _ = writeln!(out, "  {:>8}  {}", f.bytes, shorten(&f.name, 110));
    }
    let _ = writeln!(out, "  largest data segments:");
    for d in contents.data.iter().take(top) {
        let _ = writeln!(out, "  {:>8}  {}", d.bytes, d.name);
    }
    let _ = writeln!(
        out,
        "  texts in the data: {} B of UTF-8 text, {} B of it in runs with Chinese",
        contents.text_bytes, contents.chinese_text_bytes
    );
    let mut groups: BTreeMap<String, usize> = BTreeMap::new();
    for f in &functions {
        *groups.entry(group(&f.name)).or_default() += f.bytes;
    }
    let mut groups: Vec<(String, usize)> = groups.into_iter().collect();
    groups.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let _ = writeln!(out, "  code by crate (rules-core and app by module):");
    let shown = 30;
    for (name, bytes) in groups.iter().take(shown) {
        let _ = writeln!(out, "  {bytes:>8}  {name}");
    }
    let rest: usize = groups.iter().skip(shown).map(|g| g.1).sum();
    if rest > 0 {
        let _ = writeln!(
            out,
            "  {rest:>8}  {} smaller groups",
            groups.len().saturating_sub(shown)
        );
    }
    out
}

fn shorten(name: &str, chars: usize) -> String {
    if name.chars().count() <= chars {
        return name.to_string();
    }
    let mut s: String = name.chars().take(chars).collect();
    s.push('…');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demangles_legacy_symbols_and_groups_them_by_crate() {
        let name = demangle("_ZN3app5shell5shell17h2d8fe0d54be2f69fE");
        assert_eq!(name, "app::shell::shell");
        assert_eq!(group(&name), "app::shell");
        let generic = demangle("_ZN4core3ptr52drop_in_place$LT$tachys..view..any_view..AnyView$GT$17h0123456789abcdefE");
        assert_eq!(
            generic,
            "core::ptr::drop_in_place<tachys::view::any_view::AnyView>"
        );
        assert_eq!(group(&generic), "leptos (tachys)");
        assert_eq!(
            group(&demangle(
                "_ZN10rules_core16entrepreneurship9loan_rule17h94acfd6bd4abb0a9E"
            )),
            "rules_core::entrepreneurship"
        );
        assert_eq!(
            group(&demangle(
                "_ZN10rules_core8benefits16entrepreneurship9loan_rule17h94acfd6bd4abb0a9E"
            )),
            "rules_core::benefits::entrepreneurship"
        );
        assert_eq!(
            group("_RNvMs0_NtCsjqx8TIyZbP9_8dlmalloc8dlmallocINtB5_8DlmallocNtNtB7_3sys6SystemE6mallocCsebHcaeoSrxy_3std"),
            "dlmalloc"
        );
        assert_eq!(demangle("memcpy"), "memcpy");
    }

    #[test]
    fn reads_functions_names_and_data_of_a_module() {
        // (module (func $f) (func $g nop nop) (data "你好世界 text")) with a name section.
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend([1, 4, 1, 0x60, 0, 0]); // type section: one () -> ()
        wasm.extend([3, 3, 2, 0, 0]); // two functions
        wasm.extend([5, 3, 1, 0, 1]); // memory
        let code = [2u8, 2, 0, 0x0b, 4, 0, 1, 1, 0x0b];
        wasm.push(10);
        wasm.push(code.len() as u8);
        wasm.extend(code);
        let text = "你好世界 text".as_bytes();
        let mut data = vec![1u8, 0, 0x41, 0, 0x0b, text.len() as u8];
        data.extend(text);
        wasm.push(11);
        wasm.push(data.len() as u8);
        wasm.extend(&data);
        let mut names = vec![4u8];
        names.extend(b"name");
        let sub = [2u8, 0, 1, b'f', 1, 1, b'g'];
        names.push(1);
        names.push(sub.len() as u8);
        names.extend(sub);
        wasm.push(0);
        wasm.push(names.len() as u8);
        wasm.extend(names);
        let contents = read(&wasm).expect("a module");
        assert_eq!(
            contents.functions,
            [
                Item {
                    name: "g".into(),
                    bytes: 5
                },
                Item {
                    name: "f".into(),
                    bytes: 3
                }
            ]
        );
        assert_eq!(contents.data.len(), 1);
        assert_eq!(contents.text_bytes, text.len());
        assert_eq!(contents.chinese_text_bytes, text.len());
        assert!(read(b"not wasm").is_none());
    }
}
