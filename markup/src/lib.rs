//! HTML as a type, shared by the app's HTML-text parts and the CLI's generated pages.
//!
//! [`Html`] can only grow by markup written as a string literal in the source ([`html!`]'s template
//! and [`Html::raw`], which takes `&'static str`) or by values that go through [`Piece`]: text is
//! always escaped, and only another `Html` goes in as it is. So no text a user typed, a URL carried or
//! rules-core worded can become markup by forgetting to escape it.
//!
//! ```
//! use markup::{html, Html};
//! let name = "<b>张三</b>";
//! let mut page = Html::new();
//! html!(page, "<p class=\"who\" data-id=\"{}\">{}</p>", 7, name);
//! assert_eq!(page.as_str(), "<p class=\"who\" data-id=\"7\">&lt;b&gt;张三&lt;/b&gt;</p>");
//! ```

use std::fmt::{self, Display, Write};

/// HTML text whose every piece was escaped or written as a literal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    pub const fn new() -> Html {
        Html(String::new())
    }

    /// Markup as written in the source: a string literal (or a `const`), never a runtime string.
    pub fn raw(&mut self, markup: &'static str) -> &mut Html {
        self.0.push_str(markup);
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Html {
        // Through the one escaping writer ([`Escaped`]'s `Display`): one copy of it in a wasm bundle.
        let _ = write!(self.0, "{}", Escaped(text));
        self
    }

    /// Another piece of HTML, as it is.
    pub fn push(&mut self, html: &Html) -> &mut Html {
        self.0.push_str(&html.0);
        self
    }

    /// Writes a template whose arguments are already [`Piece`]s; use [`html!`].
    #[doc(hidden)]
    pub fn write_template(&mut self, args: fmt::Arguments<'_>) {
        let _ = self.0.write_fmt(args);
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Puts `markup` (a literal) in place of the `len` bytes where `find` points, if it finds a
    /// place: for a finishing touch on a whole part, such as saying the first abbreviation in full.
    pub fn replace_found(
        &mut self,
        find: impl Fn(&str) -> Option<usize>,
        len: usize,
        markup: &'static str,
    ) {
        if let Some(at) = find(&self.0) {
            if self.0.is_char_boundary(at)
                && self.0.is_char_boundary(at + len)
                && at + len <= self.0.len()
            {
                self.0.replace_range(at..at + len, markup);
            }
        }
    }
}

/// Read-only access to the text (tests search it; pages hand it to the DOM).
impl std::ops::Deref for Html {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl Display for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Text that is escaped as it is written.
pub struct Escaped<'a>(pub &'a str);

impl Display for Escaped<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut start = 0;
        for (at, c) in self.0.char_indices() {
            let entity = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => continue,
            };
            out.write_str(&self.0[start..at])?;
            out.write_str(entity)?;
            start = at + c.len_utf8();
        }
        out.write_str(&self.0[start..])
    }
}

/// A value that may go into a template: text is escaped, numbers are written, `Html` goes in as is.
pub trait Piece {
    fn piece(&self) -> impl Display + '_;
}

impl Piece for str {
    fn piece(&self) -> impl Display + '_ {
        Escaped(self)
    }
}

impl Piece for String {
    fn piece(&self) -> impl Display + '_ {
        Escaped(self)
    }
}

/// rules-core's texts (a condition's message, an estimate's note) are borrowed when fixed.
impl Piece for std::borrow::Cow<'_, str> {
    fn piece(&self) -> impl Display + '_ {
        Escaped(self)
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn piece(&self) -> impl Display + '_ {
        (**self).piece()
    }
}

impl Piece for Html {
    fn piece(&self) -> impl Display + '_ {
        &self.0
    }
}

macro_rules! numbers_are_pieces {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn piece(&self) -> impl Display + '_ {
                self
            }
        }
    )*};
}
numbers_are_pieces!(u8, u16, u32, u64, usize, i32, i64);

/// Appends a template to an [`Html`]: the template is a string literal (markup); each `{}` takes a
/// [`Piece`] (text escaped, `Html` as is). `html!(h, "<li>{}</li>", name)`.
#[macro_export]
macro_rules! html {
    // `$template` is a literal or a macro that expands to one (`concat!`): `format_args!` refuses
    // anything else, so markup still comes only from string literals.
    ($out:expr, $template:expr $(, $arg:expr)* $(,)?) => {
        $out.write_template(format_args!($template $(, $crate::Piece::piece(&$arg))*))
    };
}

/// A new [`Html`] from a template: `let item = markup::to_html!("<li>{}</li>", name);`.
#[macro_export]
macro_rules! to_html {
    ($template:expr $(, $arg:expr)* $(,)?) => {{
        let mut out = $crate::Html::new();
        $crate::html!(out, $template $(, $arg)*);
        out
    }};
}

/// `text`, escaped, with every `number` in it a tap-to-call link (`<a href="tel:12333">12333</a>`).
pub fn with_call_links(text: &str, number: &str) -> Html {
    let mut out = Html::new();
    // A plain scan (no substring searcher): this runs in the residents' bundle.
    let (mut start, mut at) = (0, 0);
    while at < text.len() {
        if text.as_bytes()[at..].starts_with(number.as_bytes()) && text.is_char_boundary(at) {
            out.text(&text[start..at]);
            html!(out, "<a href=\"tel:{}\">{}</a>", number, number);
            at += number.len();
            start = at;
        } else {
            at += 1;
        }
    }
    out.text(&text[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_html_is_not() {
        let inner = to_html!("<b>{}</b>", "a&b");
        let mut page = Html::new();
        html!(
            page,
            "<p title=\"{}\">{}{}</p>",
            "\"x\" 'y'",
            inner,
            String::from("<i>")
        );
        assert_eq!(
            page.as_str(),
            "<p title=\"&quot;x&quot; &#39;y&#39;\"><b>a&amp;b</b>&lt;i&gt;</p>"
        );
        page.raw("<hr>").text("1 < 2");
        assert!(page.as_str().ends_with("<hr>1 &lt; 2"));
    }

    #[test]
    fn numbers_become_call_links_and_the_rest_stays_text() {
        assert_eq!(
            with_call_links("请拨打 12333 或 <12333>", "12333").as_str(),
            "请拨打 <a href=\"tel:12333\">12333</a> 或 &lt;<a href=\"tel:12333\">12333</a>&gt;"
        );
        assert_eq!(with_call_links("无", "12333").as_str(), "无");
        assert_eq!(
            with_call_links("电话：12333。", "12333").as_str(),
            "电话：<a href=\"tel:12333\">12333</a>。"
        );
        assert_eq!(
            with_call_links("话", "\u{8bdd}").as_str(),
            "<a href=\"tel:话\">话</a>"
        );
    }

    #[test]
    fn replace_found_touches_only_the_place_found() {
        let mut page = to_html!("{} {}", "LPR", "LPR");
        page.replace_found(|s| s.find("LPR"), 3, "<abbr>LPR</abbr>");
        assert_eq!(page.as_str(), "<abbr>LPR</abbr> LPR");
        page.replace_found(|_| Some(1000), 3, "x");
        page.replace_found(|_| None, 3, "x");
        assert_eq!(page.as_str(), "<abbr>LPR</abbr> LPR");
    }
}
