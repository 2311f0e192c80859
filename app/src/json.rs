//! A small JSON reader and writer for the saved answers.
//!
//! Why not serde_json: instantiating serde for `rules_core::Facts` (60-odd optional fields) cost
//! 33.6 KB brotli in the release build, a fifth of the first-load budget. The saved text is still
//! the same JSON serde writes for `Facts` (question ids as keys, `true`, `"id"`, `35`, `"1500.5"`,
//! `"2025-06-30"`), read back through rules-core's own `Facts::set`, so the CLI reads it unchanged.
//! The reader never panics: anything unexpected is an error.

/// A parsed JSON value. Numbers keep their text.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Parses a whole document; `None` for anything that is not JSON (trailing text included).
/// Nesting is limited to keep the stack safe.
pub fn parse(text: &str) -> Option<Json> {
    let mut p = Parser {
        chars: text.chars().collect(),
        at: 0,
    };
    let value = p.value(0).ok()?;
    p.blank();
    (p.at == p.chars.len()).then_some(value)
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        self.at += 1;
        c
    }

    fn blank(&mut self) {
        while matches!(self.peek(), Some(' ' | '\n' | '\r' | '\t')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, word: &str) -> Result<(), ()> {
        for c in word.chars() {
            if self.next() != Some(c) {
                return Err(());
            }
        }
        Ok(())
    }

    fn value(&mut self, depth: u32) -> Result<Json, ()> {
        if depth > 16 {
            return Err(());
        }
        self.blank();
        match self.peek().ok_or(())? {
            'n' => self.expect("null").map(|_| Json::Null),
            't' => self.expect("true").map(|_| Json::Bool(true)),
            'f' => self.expect("false").map(|_| Json::Bool(false)),
            '"' => self.string().map(Json::String),
            '[' => {
                self.at += 1;
                let mut items = Vec::new();
                self.blank();
                if self.peek() == Some(']') {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.blank();
                    match self.next() {
                        Some(',') => continue,
                        Some(']') => return Ok(Json::Array(items)),
                        _ => return Err(()),
                    }
                }
            }
            '{' => {
                self.at += 1;
                let mut fields = Vec::new();
                self.blank();
                if self.peek() == Some('}') {
                    self.at += 1;
                    return Ok(Json::Object(fields));
                }
                loop {
                    self.blank();
                    let key = self.string()?;
                    self.blank();
                    self.expect(":")?;
                    fields.push((key, self.value(depth + 1)?));
                    self.blank();
                    match self.next() {
                        Some(',') => continue,
                        Some('}') => return Ok(Json::Object(fields)),
                        _ => return Err(()),
                    }
                }
            }
            c if c == '-' || c.is_ascii_digit() => {
                let start = self.at;
                while matches!(self.peek(), Some('0'..='9' | '-' | '+' | '.' | 'e' | 'E')) {
                    self.at += 1;
                }
                Ok(Json::Number(self.chars[start..self.at].iter().collect()))
            }
            _ => Err(()),
        }
    }

    fn string(&mut self) -> Result<String, ()> {
        self.expect("\"")?;
        let mut out = String::new();
        loop {
            match self.next().ok_or(())? {
                '"' => return Ok(out),
                '\\' => match self.next().ok_or(())? {
                    '"' => out.push('"'),
                    '\\' => out.push('\\'),
                    '/' => out.push('/'),
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'u' => {
                        let mut code = 0u32;
                        for _ in 0..4 {
                            code = code * 16 + self.next().and_then(|c| c.to_digit(16)).ok_or(())?;
                        }
                        out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                    }
                    _ => return Err(()),
                },
                c => out.push(c),
            }
        }
    }
}

/// `"text"` with JSON escapes.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_it_needs_and_refuses_the_rest() {
        let doc = parse(r#" {"v":1,"a":[true,false,null,"x\"\u4e2d"],"n":-12.5e1,"o":{}} "#)
            .expect("valid");
        assert_eq!(doc.get("v"), Some(&Json::Number("1".into())));
        assert_eq!(
            doc.get("a"),
            Some(&Json::Array(vec![
                Json::Bool(true),
                Json::Bool(false),
                Json::Null,
                Json::String("x\"中".into())
            ]))
        );
        assert_eq!(doc.get("o"), Some(&Json::Object(vec![])));
        for bad in [
            "",
            "{",
            "[1,",
            "{\"a\" 1}",
            "tru",
            "\"\\u12\"",
            "{} x",
            "[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]",
            "'a'",
        ] {
            assert!(parse(bad).is_none(), "{bad}");
        }
        assert_eq!(
            parse(&quote("a\"b\\c\n")),
            Some(Json::String("a\"b\\c\n".into()))
        );
    }
}
