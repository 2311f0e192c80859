//! Why an answers line or document cannot be read, in plain Chinese, naming the key and quoting at
//! most [`QUOTE_CHARS`] characters of a bad value: a 5 MB value must not come back whole in a message.
//! Only bad input comes here, so the work done to find the culprit costs nothing on good lines.

use rules_core::facts::AnswerKind;
use rules_core::{Date, Facts, Q};
use serde_json::error::Category;
use serde_json::{Map, Value};

/// The most characters of a value a message quotes.
pub const QUOTE_CHARS: usize = 40;
/// The most characters of a message passed on from the JSON reader.
const MESSAGE_CHARS: usize = 200;

/// `text`, cut to [`QUOTE_CHARS`] characters with "…" when longer.
pub fn clip(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// A JSON value as it was written, clipped.
fn quote(value: &Value) -> String {
    clip(&value.to_string())
}

/// Why the answers (one line or one document) cannot be read. `text` is the whole input being
/// parsed; `day` picks the options a message lists; `document_from_line` is the input line a
/// multi-line document starts on (positions then name the line too).
pub fn why_unreadable(text: &str, day: Date, document_from_line: Option<u64>) -> Option<String> {
    let text = text.trim_start();
    if !text.starts_with('{') {
        return Some(not_an_object(text));
    }
    let error = serde_json::from_str::<Facts>(text).err()?;
    Some(match error.classify() {
        Category::Syntax | Category::Eof => syntax(&error, document_from_line),
        Category::Data => data(text, &error, day),
        Category::Io => clip_quoted(&error.to_string()),
    })
}

/// The answers are one JSON object; a list, a number or a bare string is refused by name (serde would
/// otherwise read `[35, "person"]` positionally as the first fields).
fn not_an_object(text: &str) -> String {
    let what = match text.chars().next() {
        Some('[') => "一个数组 [ … ]",
        Some('"') => "一个字符串",
        Some('-' | '0'..='9') => "一个数字",
        Some('t' | 'f') => "true/false",
        Some('n') => "null",
        _ => "不是 JSON",
    };
    format!(
        "回答必须是一个 JSON 对象 {{ … }}，键是问题 id（例如 {{\"audience\":\"person\",\"age\":35}}），这里是{what}：{}",
        clip(text.trim_end())
    )
}

fn syntax(error: &serde_json::Error, document_from_line: Option<u64>) -> String {
    let message = error.to_string();
    let why = [
        ("EOF while parsing a string", "字符串没有结束（缺少右引号）"),
        ("EOF while parsing", "JSON 没有结束（缺少 } 或 ]）"),
        ("trailing characters", "对象结束后还有多余的字符"),
        ("trailing comma", "最后一项后面多了逗号"),
        ("expected `,` or `}`", "缺少逗号或 }"),
        ("expected `,` or `]`", "缺少逗号或 ]"),
        ("expected `:`", "键后面缺少冒号"),
        ("key must be a string", "键要用双引号括起来"),
        ("control character", "字符串里有未转义的控制字符（如换行）"),
        ("invalid escape", "字符串里有无效的转义（\\）"),
        ("invalid unicode", "字符串里有无效的 \\u 转义"),
        ("number out of range", "数字超出范围"),
        ("recursion limit", "嵌套太深"),
        ("expected ident", "无法识别的词（true、false、null 要小写）"),
    ]
    .into_iter()
    .find(|(english, _)| message.starts_with(english))
    .map_or("JSON 格式不对", |(_, chinese)| chinese);
    if error.classify() == Category::Eof {
        return format!("{why}：输入在此之前就结束了");
    }
    match document_from_line {
        // serde counts from the document's first line, which may follow blank lines.
        Some(first) => format!(
            "{why}（第 {} 行第 {} 列附近）",
            first + error.line() as u64 - 1,
            error.column()
        ),
        None => format!("{why}（第 {} 列附近）", error.column()),
    }
}

/// A well-formed object with a bad key or value: find the key by reading each one alone.
fn data(text: &str, error: &serde_json::Error, day: Date) -> String {
    if let Ok(object) = serde_json::from_str::<Map<String, Value>>(text) {
        for (key, value) in &object {
            let alone = Map::from_iter([(key.clone(), value.clone())]);
            if let Err(error) = serde_json::from_value::<Facts>(Value::Object(alone)) {
                return bad_answer(key, value, &error, day);
            }
        }
    }
    // Every key reads alone, so the object as a whole is wrong (a key written twice).
    translate(&without_position(error))
}

fn bad_answer(key: &str, value: &Value, error: &serde_json::Error, day: Date) -> String {
    if key == "version" {
        return format!(
            "“version”（数据版本）应为整数 {}，这里是 {}",
            rules_core::facts::FACTS_VERSION,
            quote(value)
        );
    }
    let Some(q) = Q::from_id(key) else {
        return format!(
            "不认识的键“{}”：键必须是问题 id（`subsidy-check catalogue` 的 questions 列出全部）",
            clip(key)
        );
    };
    let question = rules_core::questions::wording(q).text;
    if q.kind() == AnswerKind::Roster {
        return bad_roster(value, question);
    }
    let reader_says = without_position(error);
    // rules-core's own readers (dates) explain in Chinese already; serde's generic ones do not.
    let why = if reader_says.chars().any(is_chinese) {
        clip_quoted(&reader_says)
    } else {
        format!("需要{}", expected(q, day))
    };
    format!("“{key}”（{question}）的回答 {} 无效：{why}", quote(value))
}

/// Which group of the roster is wrong, and what serde says of it.
fn bad_roster(value: &Value, question: &str) -> String {
    let Value::Array(groups) = value else {
        return format!(
            "“roster”（{question}）应为分组的数组，例如 [{{\"identity\":\"poverty\",\"count\":2}}]，这里是 {}",
            quote(value)
        );
    };
    for (index, group) in groups.iter().enumerate() {
        let alone = Map::from_iter([("roster".to_string(), Value::Array(vec![group.clone()]))]);
        if let Err(error) = serde_json::from_value::<Facts>(Value::Object(alone)) {
            return format!(
                "“roster”第 {} 组 {} 无效：{}",
                index + 1,
                quote(group),
                translate(&without_position(&error))
            );
        }
    }
    "“roster”无法读取".to_string()
}

/// What an answer to `q` looks like.
fn expected(q: Q, day: Date) -> String {
    match q.kind() {
        AnswerKind::YesNo => "true 或 false".to_string(),
        AnswerKind::Choice => {
            let ids: Vec<&str> = rules_core::questions::options(q, day)
                .iter()
                .map(|option| option.id)
                .collect();
            format!("以下选项 id 之一：{}", ids.join("、"))
        }
        AnswerKind::District => {
            "区县 id，例如 \"wanzhou\"（`subsidy-check catalogue` 的 districts 列出全部）"
                .to_string()
        }
        AnswerKind::Count => "不小于 0 的整数，例如 35".to_string(),
        AnswerKind::Money => "金额（元），写成字符串，例如 \"1500.50\"".to_string(),
        AnswerKind::Date => format!(
            "日期，写成字符串，例如 \"{}\"",
            rules_core::input::ISO_DATE_EXAMPLE
        ),
        AnswerKind::Roster => "分组的数组".to_string(),
    }
}

/// serde's messages for a value of the wrong kind, in Chinese; quoted parts clipped.
fn translate(message: &str) -> String {
    let quoted = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(clip)
    };
    if let Some(name) = quoted("unknown field `") {
        return format!("不认识的键“{name}”");
    }
    if let Some(name) = quoted("missing field `") {
        return format!("缺少“{name}”");
    }
    if let Some(name) = quoted("duplicate field `") {
        return format!("键“{name}”写了两次");
    }
    if let Some(name) = quoted("unknown variant `") {
        return format!("不认识的选项“{name}”");
    }
    // "invalid type: string \"x\", expected u32": the value, then what was expected.
    let wrong = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "));
    if let Some((value, wanted)) = wrong.and_then(|rest| rest.rsplit_once(", expected ")) {
        return format!("{} 不对，需要{}", unexpected(value), expectation(wanted));
    }
    clip_quoted(message)
}

/// serde's description of the value it got (`integer \`-1\``, `string "x"`, `map`), as written.
fn unexpected(value: &str) -> String {
    let written = [
        "integer ",
        "floating point ",
        "boolean ",
        "string ",
        "character ",
    ]
    .iter()
    .find_map(|kind| value.strip_prefix(kind))
    .map(|quoted| quoted.trim_matches('`'));
    match (written, value) {
        (Some(written), _) => clip(written),
        (None, "map") => "对象 { … }".to_string(),
        (None, "sequence") => "数组 [ … ]".to_string(),
        (None, "null" | "unit") => "null".to_string(),
        (None, other) => clip(other),
    }
}

/// serde's description of what it wanted, in Chinese where it is one of the usual ones.
fn expectation(wanted: &str) -> String {
    match wanted {
        "u32" | "u16" | "u8" | "u64" => "不小于 0 的整数".to_string(),
        "a boolean" => "true 或 false".to_string(),
        "a string" => "字符串".to_string(),
        "a sequence" => "数组 [ … ]".to_string(),
        other if other.starts_with("struct ") => "对象 { … }".to_string(),
        other if other.contains("decimal") || other.contains("Decimal") => {
            "金额，写成字符串，例如 \"1500.50\"".to_string()
        }
        other => clip_quoted(other),
    }
}

fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(at) if error.line() > 0 => message[..at].to_string(),
        _ => message,
    }
}

fn is_chinese(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// `message` with every quoted part ("…", `…`, “…”) clipped and the whole kept short.
pub fn clip_quoted(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(start) = rest.find(['"', '`', '“']) {
        let (before, from_quote) = rest.split_at(start);
        out.push_str(before);
        let Some(open) = from_quote.chars().next() else {
            break;
        };
        let close = if open == '“' { '”' } else { open };
        let inside = &from_quote[open.len_utf8()..];
        let end = closing_quote(inside, close).unwrap_or(inside.len());
        out.push(open);
        out.push_str(&clip(&inside[..end]));
        out.push(close);
        rest = inside.get(end + close.len_utf8()..).unwrap_or("");
    }
    out.push_str(rest);
    clip_to(&out, MESSAGE_CHARS)
}

/// Where the quote closing at `close` is, skipping `\"` escapes inside JSON-style strings.
fn closing_quote(inside: &str, close: char) -> Option<usize> {
    let mut escaped = false;
    for (at, c) in inside.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if close == '"' => escaped = true,
            _ if c == close => return Some(at),
            _ => {}
        }
    }
    None
}

fn clip_to(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: Date = Date::ymd(2025, 6, 1);

    fn why(text: &str) -> String {
        why_unreadable(text, DAY, None).unwrap_or_default()
    }

    #[test]
    fn good_answers_have_nothing_to_say() {
        assert_eq!(why_unreadable(r#"{"age": 35}"#, DAY, None), None);
    }

    #[test]
    fn names_the_key_and_what_it_needs() {
        assert!(why(r#"{"agee": 3}"#).contains("不认识的键“agee”"));
        let age = why(r#"{"audience":"person","age": -3}"#);
        assert!(
            age.contains("“age”") && age.contains("-3") && age.contains("整数"),
            "{age}"
        );
        let choice = why(r#"{"poverty-status": "zzz"}"#);
        assert!(choice.contains("alleviated"), "{choice}");
        let date = why(r#"{"work-since": "2025-13-45"}"#);
        assert!(date.contains("没有“2025-13-45”这一天"), "{date}");
        let twice = why(r#"{"age": 1, "age": 2}"#);
        assert!(twice.contains("写了两次"), "{twice}");
        let roster = why(r#"{"roster": [{"identity":"poverty","count":1}, {"count": 2}]}"#);
        assert!(
            roster.contains("第 2 组") && roster.contains("identity"),
            "{roster}"
        );
        let count = why(r#"{"roster": [{"identity":"poverty","count":-1}]}"#);
        assert!(count.contains("-1 不对，需要不小于 0 的整数"), "{count}");
        assert!(why(r#"{"age": 1"#).contains("没有结束"));
    }

    #[test]
    fn refuses_what_is_not_an_object() {
        assert!(why("[]").contains("数组"));
        assert!(why("[35, \"person\"]").contains("数组"));
        assert!(why("42").contains("数字"));
    }

    #[test]
    fn quotes_only_a_short_prefix() {
        let long = "x".repeat(5_000_000);
        for text in [
            format!(r#"{{"work-since": "{long}"}}"#),
            format!(r#"{{"age": "{long}"}}"#),
            format!(r#"{{"{long}": 1}}"#),
            format!(r#"["{long}"]"#),
            format!(r#"{{"roster": [{{"identity": "{long}", "count": 1}}]}}"#),
        ] {
            let message = why(&text);
            let longest_run = message.split(|c| c != 'x').map(str::len).max();
            assert!(longest_run <= Some(QUOTE_CHARS), "{message}");
            assert!(message.chars().count() < 400, "{message}");
        }
    }
}
