//! The evaluation: facts and a date in, a [`Report`] out. Never fails, never panics; unknown facts give
//! "needs answers" with the questions that would decide.

use crate::engine::facts::Q;
use crate::engine::questions::Question;
use crate::engine::validate::Finding;
use crate::vocabulary::catalogue::CatalogueEntry;
use crate::vocabulary::date::Date;
use crate::vocabulary::money::Unit;
use crate::vocabulary::source::{Confidence, Source, TEXTS};
pub use crate::vocabulary::standing::{Standing, Validity, ASK_HR};
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;

/// Outcome of one condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Met,
    NotMet,
    Unknown,
}

/// One condition of one benefit, as evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConditionReport {
    pub id: &'static str,
    /// What the rule requires, in plain Chinese.
    pub requirement: &'static str,
    /// The notice section and/or implementing document it comes from.
    pub clause: &'static str,
    pub outcome: Outcome,
    /// Why, in plain Chinese, for this person (a fixed text is borrowed, never copied). Empty in
    /// [`evaluate_brief`].
    pub message: Cow<'static, str>,
    /// The questions that would decide it, when unknown.
    pub asks: Vec<Q>,
}

/// Where a benefit stands for this person on this date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Eligible,
    NeedsAnswers,
    /// Its basis ran out and no source says whether it continues: never claimable, shown with the
    /// rule as it stood on its last day and whom to ask.
    ContinuationUnknown,
    NotEligible,
    PolicyEnded,
    NotForAudience,
}

impl Status {
    /// Its stable id, as serialised (`needs-answers` …).
    pub fn id(self) -> &'static str {
        match self {
            Status::Eligible => "eligible",
            Status::NeedsAnswers => "needs-answers",
            Status::ContinuationUnknown => "continuation-unknown",
            Status::NotEligible => "not-eligible",
            Status::PolicyEnded => "policy-ended",
            Status::NotForAudience => "not-for-audience",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Eligible => "可以申请",
            Status::NeedsAnswers => "还需确认",
            Status::ContinuationUnknown => "延续情况未公布",
            Status::NotEligible => "暂不符合",
            Status::PolicyEnded => "政策已到期",
            Status::NotForAudience => "不适用",
        }
    }
}

/// What a benefit is worth, as far as the sources allow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Value {
    /// A computed amount.
    Amount { amount: Decimal, unit: Unit },
    /// Up to a cap; the district decides the amount within it.
    UpTo { max: Decimal, unit: Unit },
    /// The district sets it (由区县确定); no municipal figure exists.
    SetByDistrict,
    /// No source publishes it (金额未公布).
    Unpublished,
    /// A free service or an in-kind benefit, not money.
    NotMoney,
    /// Computable once the listed questions are answered.
    NeedsAnswers { asks: Vec<Q> },
    /// The benefit is not for this audience.
    NotApplicable,
}

impl Value {
    /// How every page words it: `800 元/人`, `最高 500000 元`, `由区县确定`, `金额未公布` …
    pub fn text(&self) -> String {
        use crate::vocabulary::money::format_yuan;
        match self {
            Value::Amount { amount, unit } => format!("{} {}", format_yuan(*amount), unit.label()),
            Value::UpTo { max, unit } => format!("最高 {} {}", format_yuan(*max), unit.label()),
            Value::SetByDistrict => "由区县确定".to_string(),
            Value::Unpublished => "金额未公布".to_string(),
            Value::NotMoney => "免费服务或非现金支持".to_string(),
            Value::NeedsAnswers { .. } => "回答相关问题后可估算".to_string(),
            Value::NotApplicable => String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Estimate {
    pub value: Value,
    /// Formula steps, e.g. "100 元/天 × 30 天（上限 30 天）= 3000 元".
    pub steps: Vec<String>,
    /// The weakest confidence among the figures used.
    pub confidence: Confidence,
    pub sources: Sources,
    /// A plain sentence on what the figure means or why it is missing (a fixed text is borrowed).
    pub note: Cow<'static, str>,
    /// Per group of a roster: heads, qualifying heads, amount, and what the others still need.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub breakdown: Vec<GroupLine>,
    /// Questions that would make the figure exact; it is computed without them (from a stated
    /// default), so they never hold up the status.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub refine: Vec<Q>,
}

/// The sources of an estimate's figures, as a list: most estimates have one, held without a heap
/// allocation (32 estimates per evaluation).
#[derive(Debug, Clone, Eq)]
pub enum Sources {
    One([&'static Source; 1]),
    Many(Vec<&'static Source>),
}

impl Sources {
    pub const fn one(source: &'static Source) -> Sources {
        Sources::One([source])
    }

    pub fn push(&mut self, source: &'static Source) {
        match self {
            Sources::One([first]) => *self = Sources::Many(vec![*first, source]),
            Sources::Many(sources) => sources.push(source),
        }
    }
}

impl std::ops::Deref for Sources {
    type Target = [&'static Source];

    fn deref(&self) -> &Self::Target {
        match self {
            Sources::One(one) => one,
            Sources::Many(many) => many,
        }
    }
}

impl<'a> IntoIterator for &'a Sources {
    type Item = &'a &'static Source;
    type IntoIter = std::slice::Iter<'a, &'static Source>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl From<Vec<&'static Source>> for Sources {
    fn from(sources: Vec<&'static Source>) -> Sources {
        Sources::Many(sources)
    }
}

impl PartialEq for Sources {
    fn eq(&self, other: &Sources) -> bool {
        **self == **other
    }
}

impl Serialize for Sources {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

/// One row of an organisation's estimate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupLine {
    /// The roster row (1-based) and its identity.
    pub row: usize,
    pub group: &'static str,
    pub heads: u32,
    pub qualifying: u32,
    pub per_head: Decimal,
    pub subtotal: Decimal,
    /// Why the others do not qualify yet, and what they still need; empty when all qualify.
    pub still_needed: String,
    /// The roster box this group still lacks, when that is why it is undecided: every page that shows
    /// the line must offer the box.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<crate::engine::roster::RosterTerm>,
    /// Why the qualifying people have no amount (set by the district, or unpublished on that date);
    /// empty when `per_head` is their amount.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub unpriced: String,
}

impl Estimate {
    pub fn amount(
        amount: Decimal,
        unit: Unit,
        steps: Vec<String>,
        source: &'static Source,
        note: impl Text,
    ) -> Estimate {
        Estimate {
            value: Value::Amount {
                amount: crate::vocabulary::money::round_fen(amount),
                unit,
            },
            steps,
            confidence: source_confidence(source),
            sources: sources_of(source),
            note: note_text(note),
            breakdown: Vec::new(),
            refine: Vec::new(),
        }
    }

    pub fn other(value: Value, source: &'static Source, note: impl Text) -> Estimate {
        Estimate {
            value,
            steps: Vec::new(),
            confidence: source_confidence(source),
            sources: sources_of(source),
            note: note_text(note),
            breakdown: Vec::new(),
            refine: Vec::new(),
        }
    }

    pub fn with_confidence(mut self, confidence: Confidence) -> Estimate {
        self.confidence = self.confidence.max(confidence);
        self
    }

    pub fn with_source(mut self, source: &'static Source) -> Estimate {
        if TEXTS {
            self.confidence = self.confidence.max(source.confidence);
            self.sources.push(source);
        }
        self
    }
}

// An estimate's words and sources are kept only in a build with texts ([`TEXTS`]): without them the
// arguments are unused, and the compiler drops the notes and the sources' pages.

fn source_confidence(source: &'static Source) -> Confidence {
    if TEXTS {
        source.confidence
    } else {
        Confidence::Official
    }
}

fn sources_of(source: &'static Source) -> Sources {
    if TEXTS {
        Sources::one(source)
    } else {
        Sources::Many(Vec::new())
    }
}

#[inline]
fn note_text(note: impl Text) -> Cow<'static, str> {
    if TEXTS {
        note.text()
    } else {
        Cow::Borrowed("")
    }
}

/// A benefit as evaluated for one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenefitReport {
    /// Its catalogue line (id, name, audience, clause, kind of figure): a renderer reads what it
    /// needs here and never looks the benefit up again by id.
    pub entry: &'static CatalogueEntry,
    pub status: Status,
    pub conditions: Vec<ConditionReport>,
    pub estimate: Estimate,
    pub validity: Validity,
    /// In force, ended or unconfirmed on the evaluation date.
    pub standing: Standing,
    /// The day whose rules were applied: the evaluation date, or the last day of an ended basis.
    pub rules_on: Date,
    /// For a benefit no longer in force: where the person would have stood under its rule on its last
    /// day (eligible, needs answers or not eligible); `None` while it is in force.
    pub status_on_last_day: Option<Status>,
    pub not_combined_with: &'static [&'static str],
}

impl BenefitReport {
    /// The sentence on its standing that every page shows ([`Validity::describe`]).
    pub fn standing_summary(&self) -> String {
        self.validity.describe(self.standing)
    }

    /// The questions that would decide this benefit, then those its estimate still needs.
    pub fn open_questions(&self) -> Vec<Q> {
        let mut asks: Vec<Q> = Vec::new();
        let estimate_asks = match &self.estimate.value {
            Value::NeedsAnswers { asks } => asks.as_slice(),
            _ => &[],
        };
        let condition_asks = self.conditions.iter().flat_map(|c| c.asks.iter());
        let refine = self.estimate.refine.iter();
        for q in condition_asks.chain(estimate_asks).chain(refine) {
            if !asks.contains(q) {
                asks.push(*q);
            }
        }
        asks
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub as_of: Date,
    /// True once the notice's own period (to 2025-12-31) is over.
    pub notice_ended: bool,
    pub findings: Vec<Finding>,
    pub benefits: Vec<BenefitReport>,
    /// What to ask next, most decisive first.
    pub next_questions: Vec<Question>,
}

impl Report {
    pub fn benefit(&self, id: &str) -> Option<&BenefitReport> {
        self.benefits.iter().find(|b| b.entry.id == id)
    }

    pub fn count(&self, status: Status) -> usize {
        self.benefits.iter().filter(|b| b.status == status).count()
    }
}

/// A text of a report: fixed (`&'static str`, borrowed as it is), already written (`String`), or
/// written only when asked for (a closure, e.g. `|| format!(…)`), so that the message of the outcome
/// not taken, or any message in [`evaluate_brief`], costs nothing.
pub trait Text {
    fn text(self) -> Cow<'static, str>;
}

impl Text for &'static str {
    #[inline]
    fn text(self) -> Cow<'static, str> {
        Cow::Borrowed(self)
    }
}

impl Text for String {
    #[inline]
    fn text(self) -> Cow<'static, str> {
        Cow::Owned(self)
    }
}

impl<F: FnOnce() -> String> Text for F {
    #[inline]
    fn text(self) -> Cow<'static, str> {
        Cow::Owned(self())
    }
}
