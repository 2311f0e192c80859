//! Links into the app. Staff put presets in the query (`/?district=wanzhou#/person`) on posters
//! and in articles; the page reads them once at start. Presets are never personal data: answers
//! travel only in a fragment the user explicitly asked for ([`answers_fragment`]), which browsers
//! never send to a server.

use rules_core::catalogue;
use rules_core::districts;
use rules_core::{Audience, Date};

/// What a link's query asks for, and a sentence for everything it could not use.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Presets {
    /// `as-of=2025-06-20`: the day to evaluate on.
    pub as_of: Option<Date>,
    /// `district=wanzhou`: preselected in every 区县 question (the user still confirms it).
    pub district: Option<&'static str>,
    /// Gentle notices for unknown or unreadable parts (ignored, never fatal).
    pub notes: Vec<String>,
}

/// Query keys that chat apps and trackers add to links shared through them (WeChat adds `from`
/// and `isappinstalled`): ignored without a notice, since the user did nothing wrong.
const ADDED_BY_APPS: &[&str] = &[
    "from",
    "isappinstalled",
    "scene",
    "clicktime",
    "enterid",
    "nsukey",
    "share_source",
    "sharer_shareid",
    "sharer_sharetime",
    "wxwork_userid",
];

/// Reads the query part of the page's address (with or without the leading `?`). Unknown keys and
/// unreadable values are ignored with a notice; `day` resolves old district ids.
pub fn read_query(search: &str, day: Date) -> Presets {
    let mut presets = Presets::default();
    let mut unknown = Vec::new();
    let pairs = || {
        search
            .trim_start_matches('?')
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
    };
    // The date first, whatever the order: it decides how an old district id reads.
    for (_, value) in pairs().filter(|(key, _)| *key == "as-of") {
        match Date::parse(value) {
            Ok(date) => presets.as_of = Some(date),
            Err(_) => presets
                .notes
                .push("链接中的查询日期无法识别，已按今天计算。".to_string()),
        }
    }
    for (key, value) in pairs() {
        match key {
            "as-of" => {}
            "district" => match districts::resolve(value, presets.as_of.unwrap_or(day)) {
                Some(resolved) => {
                    presets.district = Some(resolved.district.id);
                    presets.notes.extend(resolved.note);
                }
                None => presets
                    .notes
                    .push("链接中的区县无法识别，已忽略，答题时请自己选择区县。".to_string()),
            },
            key if ADDED_BY_APPS.contains(&key) || key.starts_with("utm_") => {}
            key => unknown.push(shorten(key)),
        }
    }
    if !unknown.is_empty() {
        // Three names are enough to recognise a typo; a long list would bury the page.
        let more = if unknown.len() > 3 { "等" } else { "" };
        unknown.truncate(3);
        presets.notes.push(format!(
            "链接中有无法识别的内容（{}{more}），已忽略。",
            unknown.join("、")
        ));
    }
    presets
}

/// The query `search` with its `as-of` set to `day` (or removed for `None`), other parts kept in
/// their order: how a date chosen in the settings travels to the page a route hands over to.
pub fn with_as_of(search: &str, day: Option<Date>) -> String {
    let mut parts: Vec<String> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some("as-of"))
        .map(str::to_string)
        .collect();
    if let Some(day) = day {
        parts.push(format!("as-of={day}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// At most 16 characters of something a link carried, for a notice.
fn shorten(text: &str) -> String {
    let short: String = text.chars().take(16).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// What a staff link opens: an audience's page, a benefit's page, with or without a district.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Target {
    pub audience: Option<Audience>,
    pub district: Option<&'static str>,
    pub benefit: Option<&'static str>,
}

/// The link for `target` under the site's address `base` (e.g. `https://example.gov.cn/zc/`):
/// a benefit opens its page, else an audience opens its part of the landing page.
pub fn build(base: &str, target: Target) -> String {
    let base = base.split(['?', '#']).next().unwrap_or_default();
    let benefit = target.benefit.and_then(catalogue::find);
    let mut link = base.to_string();
    if benefit.is_some() {
        link.push_str(crate::route::POLICY_PAGE);
    }
    if let Some(district) = target.district.and_then(districts::find) {
        link.push_str("?district=");
        link.push_str(district.id);
    }
    match (benefit, target.audience) {
        (Some(entry), _) => {
            link.push('#');
            link.push_str(entry.id);
        }
        (None, Some(audience)) => link.push_str(&crate::route::hash_for(audience)),
        (None, None) => link.push_str("#/"),
    }
    link
}

/// The site's root address from a page's address: `https://h/zc/staff.html?x#y` → `https://h/zc/`.
pub fn site_root(href: &str) -> String {
    let page = href.split(['?', '#']).next().unwrap_or_default();
    match page.rfind('/') {
        Some(slash) => page[..=slash].to_string(),
        None => page.to_string(),
    }
}

/// What a shared-answers link that cannot be read says (broken escapes or unreadable answers).
pub const SHARED_DAMAGED: &str = "分享链接中的回答已损坏，无法打开。请让对方重新复制链接。";

/// Ends the fragment of a way back from org.html's next steps to the results
/// (`#/person/results?continue`): the saved answers are the user's own, so no 继续上次 prompt.
pub const CONTINUE_MARK: &str = "?continue";

/// The fragment key that carries shared answers (`#/person/results?answers=…`).
pub const ANSWERS_KEY: &str = "answers=";

/// `#/person/results?answers=<saved answers, percent-encoded>`: only ever built after the user
/// ticks 包含我的回答 and reads the warning.
pub fn answers_fragment(saved_json: &str) -> String {
    format!(
        "#/person/results?{ANSWERS_KEY}{}",
        percent_encode(saved_json)
    )
}

/// A shared link whose answers are far larger than any this app writes.
pub const SHARED_TOO_LONG: &str = "分享链接里的回答太长，不像本网站生成的链接，已忽略。";

/// The shared answers a fragment carries, decoded; `None` when there are none.
pub fn answers_in_fragment(hash: &str) -> Option<Result<String, String>> {
    let (_, query) = hash.split_once('?')?;
    let value = query
        .split('&')
        .find_map(|pair| pair.strip_prefix(ANSWERS_KEY))?;
    // Percent-encoding at most triples the text: longer is never a link this app wrote.
    if value.len() > 3 * crate::session::MAX_SAVED_BYTES {
        return Some(Err(SHARED_TOO_LONG.to_string()));
    }
    Some(percent_decode(value).ok_or_else(|| SHARED_DAMAGED.to_string()))
}

/// The answers of a shared link, once decoded: read as saved answers; a document over the size any
/// saved answers reach says it is too long, anything else unreadable that it is damaged.
pub fn read_shared(json: &str) -> Result<crate::session::Saved, String> {
    crate::session::Saved::from_json(json).map_err(|_| {
        if json.len() > crate::session::MAX_SAVED_BYTES {
            SHARED_TOO_LONG.to_string()
        } else {
            SHARED_DAMAGED.to_string()
        }
    })
}

/// Percent-encodes everything except unreserved ASCII (RFC 3986), so the text survives chat apps.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Undoes [`percent_encode`] (and `+` as used by forms is kept as is); `None` on a broken escape
/// or bytes that are not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: Date = Date::ymd(2025, 6, 20);

    #[test]
    fn a_shared_answer_too_long_says_so_and_a_broken_one_is_damaged() {
        // 48 KB of answers (a crafted link, percent-encoded under the fragment's own limit).
        let long = format!(
            "{{\"v\":1,\"facts\":{{\"audience\":\"person\"}},\"step\":\"results\",\"pad\":\"{}\"}}",
            "x".repeat(48 * 1024)
        );
        let fragment = answers_fragment(&long);
        let decoded = answers_in_fragment(&fragment).and_then(Result::ok);
        assert_eq!(decoded.as_deref(), Some(long.as_str()));
        assert_eq!(read_shared(&long), Err(SHARED_TOO_LONG.to_string()));
        assert_eq!(
            read_shared("{\"v\":1,\"facts\":"),
            Err(SHARED_DAMAGED.to_string())
        );
    }

    #[test]
    fn the_order_of_a_links_parameters_does_not_matter() {
        let one = read_query("?district=jiangbei&as-of=2025-06-01", DAY);
        let other = read_query("?as-of=2025-06-01&district=jiangbei", DAY);
        assert_eq!(one, other);
        assert_eq!(one.district, Some("jiangbei"));
    }

    #[test]
    fn a_chosen_date_travels_in_the_query() {
        assert_eq!(with_as_of("", Some(DAY)), format!("?as-of={DAY}"));
        assert_eq!(
            with_as_of("?district=wanzhou&as-of=2020-01-01", Some(DAY)),
            format!("?district=wanzhou&as-of={DAY}")
        );
        assert_eq!(with_as_of("?as-of=2020-01-01", None), "");
        assert_eq!(with_as_of("?district=wanzhou", None), "?district=wanzhou");
        assert_eq!(
            read_query(&with_as_of("?x", Some(DAY)), DAY).as_of,
            Some(DAY)
        );
    }

    #[test]
    fn presets_are_read_and_apps_parameters_ignored_quietly() {
        let p = read_query(
            "?district=wanzhou&as-of=2025-06-20&from=singlemessage&isappinstalled=0&utm_source=x",
            DAY,
        );
        assert_eq!(p.district, Some("wanzhou"));
        assert_eq!(p.as_of, Some(DAY));
        assert!(p.notes.is_empty(), "{:?}", p.notes);
        assert_eq!(read_query("", DAY), Presets::default());
        assert_eq!(
            read_query("?x=1&as-of=2026-02-01", DAY).as_of,
            Some(Date::ymd(2026, 2, 1))
        );
        assert_eq!(read_query("?as-of=2025-02-30", DAY).as_of, None);
    }

    #[test]
    fn unknown_and_malformed_parts_are_ignored_with_a_notice() {
        let p = read_query("?district=atlantis&colour=blue&as-of=2025-13-01&&=", DAY);
        assert_eq!(p.district, None);
        assert_eq!(p.as_of, None);
        let notes = p.notes.join(" ");
        assert!(notes.contains("区县无法识别"), "{notes}");
        assert!(notes.contains("查询日期无法识别"), "{notes}");
        assert!(notes.contains("colour"), "{notes}");
        let long = read_query(&format!("?{}", "x".repeat(500)), DAY);
        assert!(long.notes[0].chars().count() < 60, "{:?}", long.notes);
        let many = read_query(&"&a".repeat(400), DAY);
        assert!(many.notes[0].chars().count() < 80, "{:?}", many.notes);
    }

    #[test]
    fn old_district_ids_map_to_their_successor_with_a_note() {
        let p = read_query("?as-of=2026-03-01&district=jiangbei", DAY);
        assert_eq!(p.district, Some("liangjiang"));
        assert_eq!(p.notes.len(), 1, "{:?}", p.notes);
    }

    #[test]
    fn links_name_the_benefit_or_the_audience_and_never_carry_answers() {
        let base = "https://example.gov.cn/zc/staff.html?x=1#/a";
        let root = site_root(base);
        assert_eq!(root, "https://example.gov.cn/zc/");
        let link = |audience, district, benefit| {
            build(
                &root,
                Target {
                    audience,
                    district,
                    benefit,
                },
            )
        };
        assert_eq!(link(None, None, None), "https://example.gov.cn/zc/#/");
        assert_eq!(
            link(Some(Audience::Person), Some("wanzhou"), None),
            "https://example.gov.cn/zc/?district=wanzhou#/person"
        );
        let benefit = catalogue::CATALOGUE[0].id;
        assert_eq!(
            link(Some(Audience::Person), None, Some(benefit)),
            format!("https://example.gov.cn/zc/policy.html#{benefit}")
        );
        // Unknown ids are dropped rather than put into a printed poster.
        assert_eq!(
            link(Some(Audience::Employer), Some("atlantis"), Some("nothing")),
            "https://example.gov.cn/zc/#/employer"
        );
        // A built link reads back as the same presets, without notices.
        let p = read_query("?district=wanzhou", DAY);
        assert_eq!((p.district, p.notes.len()), (Some("wanzhou"), 0));
    }

    #[test]
    fn shared_answers_round_trip_through_the_fragment() {
        let json = r#"{"v":1,"answers":{"age":"35","hukou-district":"万州 & co?#"}}"#;
        let fragment = answers_fragment(json);
        assert!(fragment.starts_with("#/person/results?answers="));
        assert!(!fragment[1..].contains(['#', '&', ' ', '"']), "{fragment}");
        assert_eq!(answers_in_fragment(&fragment), Some(Ok(json.to_string())));
        assert_eq!(answers_in_fragment("#/person/results"), None);
        assert!(matches!(
            answers_in_fragment("#/person/results?answers=%E4%B"),
            Some(Err(_))
        ));
        assert!(matches!(
            answers_in_fragment("#/x?answers=%FF%FE"),
            Some(Err(_))
        ));
    }
}
