//! Where every policy fact comes from, how sure we are of it, and values that hold between dates.

use crate::vocabulary::date::Date;
use serde::Serialize;

/// How much a figure can be trusted (policy/research.md's legend).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Confidence {
    /// H: an official government page.
    #[serde(rename = "H")]
    Official,
    /// M: mainstream news, or an official text reposted by a known outlet.
    #[serde(rename = "M")]
    Secondary,
    /// L: an aggregator or mirror, or a value computed or inferred from sourced inputs.
    #[serde(rename = "L")]
    Weak,
}

impl Confidence {
    pub fn letter(self) -> &'static str {
        match self {
            Confidence::Official => "H",
            Confidence::Secondary => "M",
            Confidence::Weak => "L",
        }
    }

    /// The app shows "待核实" next to anything not from an official page.
    pub fn needs_checking(self) -> bool {
        self != Confidence::Official
    }

    /// What kind of page it comes from, in plain words: 政府官网, 新闻报道, 其他网站，待核实.
    pub fn source_kind(self) -> &'static str {
        match self {
            Confidence::Official => "政府官网",
            Confidence::Secondary => "新闻报道",
            Confidence::Weak => "其他网站，待核实",
        }
    }

    /// "来源：政府官网" (every page that shows how sure a figure is says it this way).
    pub fn source_line(self) -> String {
        format!("来源：{}", self.source_kind())
    }

    pub fn label(self) -> &'static str {
        match self {
            Confidence::Official => "官方来源",
            Confidence::Secondary => "新闻或转载，待核实",
            Confidence::Weak => "非官方或推算，待核实",
        }
    }
}

/// Whether this build writes the rules' words at all: messages, requirements, formula steps, notes,
/// sources and the standing's sentences (rules-core's `texts` feature, on by default). A build
/// without it (the residents' first load, which only picks the next question and counts statuses)
/// decides exactly the same, and the compiler drops the words, which are never stored.
pub const TEXTS: bool = cfg!(feature = "texts");

/// A rule's words, or none in a build without texts ([`TEXTS`]): used in constants, it is computed
/// at compile time, so such a build links none of them.
pub const fn words(text: &'static str) -> &'static str {
    if TEXTS {
        text
    } else {
        ""
    }
}

/// A figure's or a standing's source, or [`NO_SOURCE`] in a build without texts ([`words`]).
pub const fn source_named(source: &'static Source) -> &'static Source {
    if TEXTS {
        source
    } else {
        &NO_SOURCE
    }
}

/// The source an estimate, a table row or a standing names in a build without texts ([`TEXTS`]).
pub static NO_SOURCE: Source = Source {
    document: "",
    url: "",
    confidence: Confidence::Official,
    date: None,
};

/// A document or page a fact rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The 文号 or title, e.g. `渝人社〔2021〕237号`.
    pub document: &'static str,
    /// The public page it was read on; empty when only the 文号 is known.
    pub url: &'static str,
    pub confidence: Confidence,
    /// The date of the page as read (its publication date, from the page or its address), so a reader
    /// sees how fresh a figure is; `None` where the page shows no date.
    pub date: Option<Date>,
}

/// The site's name, on every page and in the static landing of index.html.
pub const SITE_TITLE: &str = "重庆就业帮扶政策自助查询";

/// The line under the site's name.
pub fn site_lede() -> String {
    format!("依据{NOTICE_NUMBER}及其配套文件，帮您预估能享受哪些就业帮扶政策。结果仅供参考；您填写的内容只保存在本机，不会上传。")
}

impl Source {
    /// "（2023年7月28日）", or nothing when the page shows no date.
    pub fn dated(&self) -> String {
        self.date
            .map(|d| format!("（{}）", d.chinese()))
            .unwrap_or_default()
    }
}

/// A value valid from a date, until a date (inclusive), with its source.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Dated<T: 'static> {
    pub from: Date,
    pub until: Option<Date>,
    pub value: T,
    pub source: &'static Source,
    /// Why the value is what it is, where the source needs a word (computed, inferred, conflicting).
    pub note: &'static str,
}

impl<T> Dated<T> {
    pub fn covers(&self, day: Date) -> bool {
        self.from <= day && self.until.is_none_or(|end| day <= end)
    }
}

/// The entry of a dated table in force on `day`, if any.
pub fn in_force<T>(table: &'static [Dated<T>], day: Date) -> Option<&'static Dated<T>> {
    table.iter().rev().find(|entry| entry.covers(day))
}

/// The last entry that started on or before `day` (for "last known" values such as the LPR).
pub fn last_known<T>(table: &'static [Dated<T>], day: Date) -> Option<&'static Dated<T>> {
    table.iter().rev().find(|entry| entry.from <= day)
}

/// The notice itself.
pub const NOTICE: Source = Source {
    document: concat!(
        notice_number!(),
        "《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的通知》"
    ),
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hqbt/202307/t20230728_12195337.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};

/// The notice's number as a literal, for `concat!` in constants: the one place it is written.
/// [`notice_clause!`] cites a clause of it.
macro_rules! notice_number {
    () => {
        "渝人社〔2021〕237号"
    };
}
pub(crate) use notice_number;

/// "渝人社〔2021〕237号 一（一）" and longer citations that start with a clause of the notice, as a
/// literal: `notice_clause!("一（一）；渝就发〔2021〕25号")`.
macro_rules! notice_clause {
    ($clause:literal) => {
        concat!($crate::vocabulary::source::notice_number!(), " ", $clause)
    };
}
pub(crate) use notice_clause;

/// The service hotline's number as a literal (12333), for sentences built with `concat!`; the
/// constants [`crate::engine::documents::HOTLINE_NUMBER`] and `HOTLINE` are made from it.
macro_rules! hotline_number {
    () => {
        "12333"
    };
}
pub(crate) use hotline_number;

/// The notice's last day in words as a literal, for sentences built with `concat!`; a test holds it
/// equal to [`NOTICE_END`] in words.
macro_rules! notice_end_words {
    () => {
        "2025年12月31日"
    };
}
pub(crate) use notice_end_words;

/// Who decides in the end, said under every figure ("以区县人力社保部门审核为准"), as a literal for
/// `concat!` and for the pages' templates (`markup::to_html!(concat!(…, rules_core::reviewed_by!(),
/// …))`): written here once, exported for the app and the static pages.
#[macro_export]
macro_rules! reviewed_by {
    () => {
        "以区县人力社保部门审核为准"
    };
}

/// [`reviewed_by!`] as a constant.
pub const REVIEWED_BY: &str = reviewed_by!();

/// The notice's number, as pages cite it.
pub const NOTICE_NUMBER: &str = notice_number!();

/// The notice runs "截止2025年12月31日".
pub const NOTICE_END: Date = Date::ymd(2025, 12, 31);

/// The day the policy information was last checked against the sources (`policy/after-2025.md`'s
/// reference date). The footer and policy.html say "政策信息核实至 …" from it.
pub const POLICY_CHECKED: Date = Date::ymd(2026, 12, 1);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_number_is_the_start_of_its_title() {
        assert!(NOTICE.document.starts_with(NOTICE_NUMBER));
    }

    #[test]
    fn the_notice_end_in_words_is_its_date() {
        assert_eq!(notice_end_words!(), NOTICE_END.chinese());
    }
}
