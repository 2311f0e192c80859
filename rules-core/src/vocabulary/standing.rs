//! Where a benefit stands on a date: in force, ended, or "延续情况未公布" (its basis ran out and no source
//! says whether it continues). One value here decides what the results card, policy.html, the staff
//! page and the CLI say, so they never disagree (`policy/after-2025.md`).

use crate::vocabulary::date::Date;
use crate::vocabulary::source::notice_number;
use crate::vocabulary::source::{hotline_number, notice_end_words};
use crate::vocabulary::source::{source_named, words, Source, POLICY_CHECKED};
use serde::Serialize;

/// What is known of a benefit once its basis has run out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AfterEnd {
    /// A source gives the end date: it cannot be claimed after it.
    Ended,
    /// The basis ran out (the notice, or 衔接资金 items) and no source says whether it continues.
    Unconfirmed,
}

/// A benefit's standing on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// Rests on documents in force on that day.
    InForce,
    /// Ended by a sourced end date.
    Ended,
    /// Its basis ran out; no source says whether it continues.
    Unconfirmed,
}

impl Standing {
    pub fn id(self) -> &'static str {
        match self {
            Standing::InForce => "in-force",
            Standing::Ended => "ended",
            Standing::Unconfirmed => "unconfirmed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Standing::InForce => "现行有效",
            Standing::Ended => "已结束",
            Standing::Unconfirmed => "延续情况未公布",
        }
    }
}

/// How long a benefit runs, what it rests on, and the newest source on its standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Validity {
    /// Last day of its basis; `None` while no end date is known for the documents it rests on.
    pub until: Option<Date>,
    /// What is known after `until` (ignored while `until` is `None`).
    pub after: AfterEnd,
    /// What it rests on, e.g. "渝人社〔2021〕237号"; never its end date, which `until` gives (the
    /// sentence says it once).
    pub basis: &'static str,
    /// The newest source on its standing: the page that last states it in force, or its end.
    pub source: &'static Source,
    /// Whom to ask about it after its basis ran out (or about the current rules).
    pub ask: &'static str,
    /// A sentence more, where the sources need one.
    pub note: &'static str,
}

/// What every page says once the notice's own period is over.
pub const AFTER_NOTICE: &str = concat!(notice_number!(), "的执行期已于", notice_end_words!(), "结束，未查到重庆接续的文件（国家自2026年起转入常态化帮扶）。有其他现行文件依据的政策照常显示；\
    只依据该通知或过渡期资金的，显示为“延续情况未公布”。");

/// The explanation above the results' "延续情况未公布" group.
pub const UNCONFIRMED_GROUP: &str = concat!(
    "这些政策原来依据的文件已经到期，没有查到此后是否延续的文件，所以现在不能确定能否申请。\
     下面按原规定列出，金额是当年的标准，仅供参考。请向区县人力社保局、农业农村部门咨询，或拨打",
    hotline_number!(),
    "。"
);

/// "政策信息核实至2026年12月1日": how fresh the whole policy information is.
pub fn policy_checked() -> String {
    format!("政策信息核实至{}", POLICY_CHECKED.chinese())
}

/// "2025年标准": the label of an amount computed under rules that are no longer in force.
pub fn reference_standard(rules_on: Date) -> String {
    format!("{}年标准", rules_on.year())
}

/// Whom to ask about most benefits.
pub const ASK_HR: &str = concat!("请向区县人力社保局咨询，或拨打", hotline_number!());

impl Validity {
    /// Rests on documents with no end date found.
    pub const fn in_force(basis: &'static str, source: &'static Source) -> Validity {
        Validity {
            until: None,
            after: AfterEnd::Ended,
            basis: words(basis),
            source: source_named(source),
            ask: words(ASK_HR),
            note: "",
        }
    }

    /// Ends on a sourced date.
    pub const fn ends(until: Date, basis: &'static str, source: &'static Source) -> Validity {
        Validity {
            until: Some(until),
            after: AfterEnd::Ended,
            basis: words(basis),
            source: source_named(source),
            ask: words(ASK_HR),
            note: "",
        }
    }

    /// Its basis runs out on `until`; nothing says what follows.
    pub const fn unconfirmed_after(
        until: Date,
        basis: &'static str,
        source: &'static Source,
        ask: &'static str,
    ) -> Validity {
        Validity {
            until: Some(until),
            after: AfterEnd::Unconfirmed,
            basis: words(basis),
            source: source_named(source),
            ask: words(ask),
            note: "",
        }
    }

    pub const fn with_note(mut self, note: &'static str) -> Validity {
        self.note = words(note);
        self
    }

    pub fn standing_on(&self, day: Date) -> Standing {
        match self.until {
            Some(end) if day > end => match self.after {
                AfterEnd::Ended => Standing::Ended,
                AfterEnd::Unconfirmed => Standing::Unconfirmed,
            },
            _ => Standing::InForce,
        }
    }

    /// The day whose rules apply: `day` itself, or the last day of an ended basis (its rule "as it
    /// stood", shown for reference).
    pub fn rules_day(&self, day: Date) -> Date {
        match self.until {
            Some(end) if day > end => end,
            _ => day,
        }
    }

    /// The one sentence every page shows on the benefit's standing on `day`.
    pub fn summary(&self, day: Date) -> String {
        self.describe(self.standing_on(day))
    }

    /// [`Validity::summary`] for a standing already worked out (a report carries it).
    pub fn describe(&self, standing: Standing) -> String {
        let source = format!("{}{}", self.source.document, self.source.dated());
        let end = self.until.map(Date::chinese).unwrap_or_default();
        let mut text = match (standing, self.until) {
            (Standing::InForce, None) => format!(
                "现行有效：依据{}，未查到终止日期（最近一次见于：{source}）。",
                self.basis
            ),
            (Standing::InForce, Some(_)) => {
                format!("执行至{end}（依据：{}；来源：{source}）。", self.basis)
            }
            (Standing::Ended, _) => {
                format!("已于{end}结束，现在不能申请（依据：{source}）。")
            }
            (Standing::Unconfirmed, _) => format!(
                "原依据{}执行至{end}；此后是否延续、标准是否调整，未查到公布的文件（{}）。{}。",
                self.basis,
                policy_checked(),
                self.ask
            ),
        };
        if !self.note.is_empty() {
            text.push_str(self.note);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::source::NOTICE;

    const END: Date = Date::ymd(2025, 12, 31);

    #[test]
    fn standing_turns_on_the_day_after_the_basis_ends() {
        let v = Validity::unconfirmed_after(END, "渝人社〔2021〕237号", &NOTICE, ASK_HR);
        assert_eq!(v.standing_on(END), Standing::InForce);
        assert_eq!(v.standing_on(Date::ymd(2026, 1, 1)), Standing::Unconfirmed);
        assert_eq!(v.rules_day(Date::ymd(2026, 12, 1)), END);
        let ended = Validity::ends(END, "x", &NOTICE);
        assert_eq!(ended.standing_on(Date::ymd(2026, 1, 1)), Standing::Ended);
        let standing = Validity::in_force("x", &NOTICE);
        assert_eq!(
            standing.standing_on(Date::ymd(2030, 1, 1)),
            Standing::InForce
        );
        assert_eq!(
            standing.rules_day(Date::ymd(2030, 1, 1)),
            Date::ymd(2030, 1, 1)
        );
    }

    /// Issue 29, item 13: the standing sentence says a benefit's end date once, never
    /// "（执行至2025年12月31日）执行至2025年12月31日".
    #[test]
    fn every_standing_sentence_says_the_end_date_once() {
        for benefit in crate::benefits() {
            let v = benefit.validity;
            let Some(end) = v.until else { continue };
            for day in [end, end.add_months(1), Date::ymd(2026, 12, 1)] {
                let text = v.summary(day);
                assert!(
                    text.matches("执行至").count() <= 1,
                    "{}: {text}",
                    benefit.entry.id
                );
                assert!(
                    text.matches(&end.chinese()).count() <= 1,
                    "{}: {text}",
                    benefit.entry.id
                );
                assert!(!text.contains("年底"), "{}: {text}", benefit.entry.id);
            }
        }
    }

    #[test]
    fn the_summary_never_says_a_benefit_continues_without_a_source() {
        let v = Validity::unconfirmed_after(END, "渝人社〔2021〕237号", &NOTICE, ASK_HR);
        let text = v.summary(Date::ymd(2026, 12, 1));
        assert!(text.contains("未查到公布的文件"), "{text}");
        assert!(text.contains("12333"), "{text}");
        assert!(
            !text.contains("继续实施") && !text.contains("常设"),
            "{text}"
        );
        let standing = Validity::in_force("渝人社发〔2018〕117号", &NOTICE);
        let text = standing.summary(Date::ymd(2026, 12, 1));
        assert!(text.contains("2023年7月28日"), "{text}");
    }
}
