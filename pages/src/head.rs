//! The facts in the pages' heads (and manifest), filled in at build time from rules-core: the source
//! pages (index.html, org.html, staff.html, list.html, public/manifest.webmanifest) write
//! `{{SITE_TITLE}}`, `{{NOTICE_NUMBER}}` and `{{HOTLINE}}`, never the title, the 文号 or the number itself. And the
//! two changes every page with a static first screen gets after Trunk's build: the screen after
//! `<body>`, and the wasm fetched only after that screen is painted.

use rules_core::documents::HOTLINE_NUMBER;
use rules_core::source::{NOTICE_NUMBER, SITE_TITLE};

/// Each placeholder and the rules-core value it stands for.
pub const FACTS: [(&str, &str); 3] = [
    ("{{SITE_TITLE}}", SITE_TITLE),
    ("{{NOTICE_NUMBER}}", NOTICE_NUMBER),
    ("{{HOTLINE}}", HOTLINE_NUMBER),
];

/// `text` with every placeholder filled in; an unknown `{{…}}` left over is an error, so a typo in a
/// page never ships.
pub fn fill(text: &str) -> Result<String, String> {
    let mut out = text.to_string();
    for (placeholder, value) in FACTS {
        out = out.replace(placeholder, value);
    }
    match out.find("{{") {
        Some(at) => Err(format!(
            "unknown placeholder {:?}",
            out[at..].chars().take(40).collect::<String>()
        )),
        None => Ok(out),
    }
}

/// `page` with `screen` right after `<body>`.
pub fn insert_first_screen(page: &str, screen: &str) -> Result<String, String> {
    let out = page.replacen("<body>", &format!("<body>{screen}"), 1);
    if out == page {
        return Err("no <body> to put the static first screen in".into());
    }
    Ok(out)
}

/// The name under which a page gives public/boot.js its wasm's SRI hash.
pub const WASM_INTEGRITY: &str = "app-wasm-integrity";

/// Trunk's `<link rel=preload … _bg.wasm integrity=…>` turned into `<meta content=…
/// name=app-wasm-integrity>`. A preload starts the wasm's download at once, and on a slow connection it then
/// shares the line with the stylesheet the static first screen waits for; public/boot.js instead
/// fetches the wasm (with this hash) once that screen is painted.
pub fn wasm_fetched_after_paint(page: &str) -> Result<String, String> {
    let mut from = 0;
    while let Some(at) = page[from..].find("<link").map(|i| i + from) {
        let end = page[at..]
            .find('>')
            .map(|i| at + i + 1)
            .ok_or("an unclosed <link")?;
        let tag = &page[at..end];
        if tag.contains("preload") && tag.contains("_bg.wasm") {
            let hash = attribute(tag, "integrity")
                .ok_or("the wasm's preload tag has no integrity hash")?;
            // Unquoted, as Trunk's minifier writes attributes (a base64 hash has no blank or quote).
            let meta = format!("<meta content={hash} name={WASM_INTEGRITY}>");
            return Ok(format!("{}{meta}{}", &page[..at], &page[end..]));
        }
        from = end;
    }
    Err("no <link rel=preload> of a _bg.wasm".into())
}

/// An attribute's value in a tag as Trunk's minifier writes it (quoted or not).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}="))? + name.len() + 2;
    let rest = &tag[at..];
    match rest.chars().next()? {
        q @ ('"' | '\'') => rest[1..].split(q).next(),
        _ => rest.split([' ', '>']).next(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heads_get_the_rules_facts_and_a_typo_fails() {
        let head =
            "<title>{{SITE_TITLE}}</title><meta content=\"（{{NOTICE_NUMBER}}）\">{{HOTLINE}}";
        let filled = fill(head).expect("known placeholders");
        assert!(filled.contains(SITE_TITLE) && filled.contains(NOTICE_NUMBER));
        assert!(filled.ends_with(HOTLINE_NUMBER) && !filled.contains("{{"));
        assert!(fill("<title>{{SITE_NAME}}</title>").is_err());
        // The values go into attributes and JSON unescaped: they must need no escaping.
        for (_, value) in FACTS {
            assert!(!value.contains(['<', '>', '&', '"', '\'', '\\']), "{value}");
        }
    }

    #[test]
    fn the_wasm_preload_becomes_its_hash() {
        for page in [
            "<head><link as=fetch crossorigin href=./a_bg.wasm integrity=sha384-xy/z rel=preload type=application/wasm></head>",
            "<head><link rel=\"preload\" href=\"./a_bg.wasm\" integrity=\"sha384-xy/z\" as=\"fetch\"></head>",
        ] {
            let out = wasm_fetched_after_paint(page).expect("a preload");
            assert_eq!(
                out,
                "<head><meta content=sha384-xy/z name=app-wasm-integrity></head>"
            );
        }
        let modulepreload = "<link crossorigin href=./a.js integrity=sha384-q rel=modulepreload>";
        assert!(wasm_fetched_after_paint(modulepreload).is_err());
        assert!(insert_first_screen("<body><p>", "<div>").is_ok_and(|p| p == "<body><div><p>"));
        assert!(insert_first_screen("<p>", "<div>").is_err());
    }
}
