//! The evaluation: facts and a date in, a [`Report`] out. Never fails, never panics; unknown facts give
//! "needs answers" with the questions that would decide.

use crate::catalogue::Audience;
use crate::choices::*;
use crate::date::Date;
use crate::documents::{DocumentNeed, HowToApply};
use crate::facts::{Answer, AnswerKind, Facts, Q};
use crate::logic::{fact, Tri};
use crate::money::Unit;
use crate::questions::{self, Question};
use crate::source::{Confidence, Source, NOTICE};
use crate::validate::Finding;
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
        use crate::money::format_yuan;
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
    pub missing: Option<crate::roster::RosterTerm>,
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
                amount: crate::money::round_fen(amount),
                unit,
            },
            steps,
            confidence: source.confidence,
            sources: Sources::one(source),
            note: note.text(),
            breakdown: Vec::new(),
            refine: Vec::new(),
        }
    }

    pub fn other(value: Value, source: &'static Source, note: impl Text) -> Estimate {
        Estimate {
            value,
            steps: Vec::new(),
            confidence: source.confidence,
            sources: Sources::one(source),
            note: note.text(),
            breakdown: Vec::new(),
            refine: Vec::new(),
        }
    }

    pub fn with_confidence(mut self, confidence: Confidence) -> Estimate {
        self.confidence = self.confidence.max(confidence);
        self
    }

    pub fn with_source(mut self, source: &'static Source) -> Estimate {
        self.confidence = self.confidence.max(source.confidence);
        self.sources.push(source);
        self
    }
}

pub use crate::standing::{Standing, Validity, ASK_HR};

/// The policy's description of one benefit: its rule, documents and procedure.
pub struct Benefit {
    /// Its line of the catalogue: id, name, audience and clause, declared here and nowhere else.
    pub entry: crate::catalogue::CatalogueEntry,
    pub validity: Validity,
    pub documents: &'static [DocumentNeed],
    pub apply: &'static HowToApply,
    /// Benefit ids this one cannot be combined with (the app must not add them together).
    pub not_combined_with: &'static [&'static str],
    pub rule: fn(&Ctx) -> RuleResult,
}

/// What a benefit's rule returns.
pub struct RuleResult {
    pub conditions: Vec<ConditionReport>,
    pub estimate: Estimate,
}

/// A benefit as evaluated for one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BenefitReport {
    pub id: &'static str,
    pub name: &'static str,
    pub audience: Audience,
    pub clause: &'static str,
    pub status: Status,
    pub conditions: Vec<ConditionReport>,
    pub estimate: Estimate,
    pub documents: &'static [DocumentNeed],
    pub apply: &'static HowToApply,
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
        self.benefits.iter().find(|b| b.id == id)
    }

    pub fn count(&self, status: Status) -> usize {
        self.benefits.iter().filter(|b| b.status == status).count()
    }
}

/// The facts being evaluated, with derived tests shared by many rules.
pub struct Ctx<'a> {
    pub facts: &'a Facts,
    /// The day whose rules apply: the evaluation date, or the last day of a basis that ran out.
    pub as_of: Date,
    /// The day the person's situation is measured on (months worked, time since graduating or
    /// since a business started): always the evaluation date, so that a benefit no longer in force
    /// tells where the person stands today under the rules of its last day.
    pub today: Date,
    /// Whether the texts are written (condition messages, formula steps, notes). False only in
    /// [`evaluate_brief`]: the rules decide exactly as they do with it, only the words are left out.
    pub explain: bool,
}

impl Ctx<'_> {
    /// A condition of a benefit's rule, explained as this evaluation asks ([`Ctx::explain`]).
    pub const fn condition(
        &self,
        id: &'static str,
        requirement: &'static str,
        clause: &'static str,
    ) -> Condition {
        Condition {
            explain: self.explain,
            ..condition(id, requirement, clause)
        }
    }

    /// A formula step when texts are written, else nothing (nobody reads it).
    pub fn step(&self, step: impl FnOnce() -> String) -> String {
        if self.explain {
            step()
        } else {
            String::new()
        }
    }

    /// Formula steps when texts are written, else none.
    pub fn steps(&self, steps: impl FnOnce() -> Vec<String>) -> Vec<String> {
        if self.explain {
            steps()
        } else {
            Vec::new()
        }
    }

    /// 脱贫人口（含未消除风险监测对象）: [`Facts::poverty`].
    pub fn poverty(&self) -> Tri {
        self.facts.poverty()
    }

    pub fn chongqing_hukou(&self) -> Tri {
        crate::logic::yes(self.facts.hukou_chongqing, Q::HukouChongqing)
    }

    pub fn age_at_least(&self, years: u32) -> Tri {
        fact(self.facts.age, Q::Age, |age| age >= years)
    }

    pub fn activity_is(&self, test: impl FnOnce(Activity) -> bool) -> Tri {
        fact(self.facts.activity, Q::Activity, test)
    }

    /// A student at a 高校 (高职, 大专 or 本科): school type is asked of students only.
    pub fn college_student(&self) -> Tri {
        self.activity_is(|a| a == Activity::Student).and_then(|| {
            fact(
                self.facts.school_level,
                Q::SchoolLevel,
                crate::choices::SchoolLevel::is_higher_education,
            )
        })
    }

    /// Months of the current, continuous work up to the evaluation date.
    pub fn months_worked(&self) -> Option<u32> {
        self.facts
            .work_since
            .map(|since| since.whole_months_until(self.today))
    }

    /// Whole months from `since` to the day the situation is measured on ([`Ctx::today`]).
    pub fn months_since(&self, since: Option<Date>) -> Option<u32> {
        since.map(|since| since.whole_months_until(self.today))
    }

    /// A 高校 (university, 大专 or 高职) graduate whose graduation day is at most `months` before the
    /// evaluation date. Asked in two steps: first the plain yes/no [`Q::CollegeGraduate`] (graduated
    /// within 10 years, the widest window of any rule: the guaranteed loan's from 2024), and only then
    /// the day. No age bound is applied: the sources give none.
    pub fn college_graduate_within(&self, months: u32) -> Tri {
        crate::logic::yes(self.facts.college_graduate, Q::CollegeGraduate).and_then(|| {
            fact(self.facts.graduated_on, Q::GraduatedOn, |day| {
                self.today <= day.add_months(months)
            })
        })
    }

    /// Where the person works or, running a business, where it operates is in Chongqing. "Own
    /// district" is in Chongqing only for a Chongqing 户籍.
    pub fn works_in_chongqing(&self) -> Tri {
        match self.facts.work_place {
            None => Tri::unknown(Q::WorkPlace),
            Some(WorkPlace::OwnDistrict) => self.chongqing_hukou(),
            Some(place) => Tri::from_bool(!place.outside_chongqing()),
        }
    }

    pub fn org_kind_is(&self, test: impl FnOnce(OrgKind) -> bool) -> Tri {
        fact(self.facts.org_kind, Q::OrgKind, test)
    }

    /// "4050": women aged 40+ and men aged 50+ (就业困难人员 definition).
    pub fn is_4050(&self) -> Tri {
        fact(self.facts.age, Q::Age, |age| age >= 50).or_else(|| {
            fact(self.facts.age, Q::Age, |age| age >= 40)
                .and_then(|| fact(self.facts.sex, Q::Sex, |sex| sex == Sex::Female))
        })
    }

    pub fn district(
        &self,
        id: &Option<crate::facts::DistrictId>,
    ) -> Option<&'static crate::districts::District> {
        id.as_ref().and_then(|d| crate::districts::find(&d.0))
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

/// Builds a condition report from a test.
pub struct Condition {
    pub id: &'static str,
    pub requirement: &'static str,
    pub clause: &'static str,
    /// Whether the message is written ([`Ctx::explain`]).
    pub explain: bool,
}

impl Condition {
    /// Evaluates with messages for the met and the not-met cases; only the outcome's is written.
    /// Generic only in choosing the message (inlined at each rule); the rest is [`Condition::judge`].
    #[inline]
    pub fn check(self, test: Tri, met: impl Text, not_met: impl Text) -> ConditionReport {
        let message = match test {
            Tri::Yes if self.explain => Some(met.text()),
            Tri::No if self.explain => Some(not_met.text()),
            _ => None,
        };
        self.judge(test, message)
    }

    fn judge(self, test: Tri, message: Option<Cow<'static, str>>) -> ConditionReport {
        let (outcome, message, asks) = match test {
            Tri::Yes => (Outcome::Met, message, Vec::new()),
            Tri::No => (Outcome::NotMet, message, Vec::new()),
            Tri::Unknown(asks) => (
                Outcome::Unknown,
                self.explain.then(|| Cow::Owned(still_to_confirm(&asks))),
                asks,
            ),
        };
        self.report(outcome, message, asks)
    }

    /// A condition the sources cannot settle for this person: undecided, with no question that would
    /// decide it (only the office can), and the reason in `message`. Put it after the conditions that
    /// can still ask, so that it does not hold their questions back.
    pub fn unsettled(self, message: impl Text) -> ConditionReport {
        let message = self.explain.then(|| message.text());
        self.report(Outcome::Unknown, message, Vec::new())
    }

    fn report(
        self,
        outcome: Outcome,
        message: Option<Cow<'static, str>>,
        asks: Vec<Q>,
    ) -> ConditionReport {
        ConditionReport {
            id: self.id,
            requirement: self.requirement,
            clause: self.clause,
            outcome,
            message: message.unwrap_or(Cow::Borrowed("")),
            asks,
        }
    }
}

/// "还需确认：" and the questions' wording.
fn still_to_confirm(asks: &[Q]) -> String {
    let mut message = String::from("还需确认：");
    for (i, q) in asks.iter().enumerate() {
        if i > 0 {
            message.push('；');
        }
        message.push_str(questions::wording(*q).text);
    }
    message
}

/// A condition that is always explained (tests, and texts outside an evaluation); a rule uses
/// [`Ctx::condition`].
pub const fn condition(
    id: &'static str,
    requirement: &'static str,
    clause: &'static str,
) -> Condition {
    Condition {
        id,
        requirement,
        clause,
        explain: true,
    }
}

/// The audience condition every benefit starts with.
fn audience_condition(ctx: &Ctx, audience: Audience) -> ConditionReport {
    let (met, not_met) = match audience {
        Audience::Person => ("面向个人", "此项面向个人"),
        Audience::Employer => ("面向用人单位", "此项面向用人单位"),
        Audience::Agency => (
            "面向人力资源服务机构和劳务经纪人",
            "此项面向人力资源服务机构和劳务经纪人",
        ),
        Audience::Carrier => ("面向创业孵化基地等载体", "此项面向创业孵化基地等载体"),
    };
    ctx.condition("audience", "面向对象", "").check(
        fact(ctx.facts.audience, Q::Audience, |a| a == audience),
        met,
        not_met,
    )
}

/// Conditions are asked in order: while one is undecided, the questions of the later ones wait (their
/// outcome still counts, so a later "not met" still decides early). This keeps "since when?" from being
/// asked before "do you work?", and never changes a status.
fn defer_later_questions(conditions: &mut [ConditionReport]) {
    let mut open = false;
    for condition in conditions.iter_mut() {
        if open {
            condition.asks.clear();
        }
        open |= condition.outcome == Outcome::Unknown;
    }
}

fn evaluate_benefit(benefit: &Benefit, today: &Ctx) -> BenefitReport {
    let entry = &benefit.entry;
    let standing = benefit.validity.standing_on(today.as_of);
    // A benefit whose basis ran out is judged by its rule as it stood on its last day, for reference.
    let ctx = &Ctx {
        facts: today.facts,
        as_of: benefit.validity.rules_day(today.as_of),
        today: today.as_of,
        explain: today.explain,
    };
    let audience = audience_condition(ctx, entry.audience);
    let not_for_audience = audience.outcome == Outcome::NotMet;
    let (conditions, estimate) = if not_for_audience {
        (
            vec![audience],
            Estimate::other(Value::NotApplicable, &NOTICE, "此项不面向您所选的对象"),
        )
    } else {
        let result = (benefit.rule)(ctx);
        let mut conditions = result.conditions;
        if audience.outcome == Outcome::Unknown {
            conditions.insert(0, audience);
        }
        defer_later_questions(&mut conditions);
        (conditions, result.estimate)
    };
    let by_conditions = if conditions.iter().any(|c| c.outcome == Outcome::NotMet) {
        Status::NotEligible
    } else if conditions.iter().any(|c| c.outcome == Outcome::Unknown) {
        Status::NeedsAnswers
    } else {
        Status::Eligible
    };
    let (status, status_on_last_day) = match standing {
        _ if not_for_audience => (Status::NotForAudience, None),
        Standing::InForce => (by_conditions, None),
        Standing::Ended => (Status::PolicyEnded, Some(by_conditions)),
        Standing::Unconfirmed => (Status::ContinuationUnknown, Some(by_conditions)),
    };
    let (mut conditions, mut estimate) = (conditions, estimate);
    // An unconfirmed benefit keeps asking (after the claimable ones, see `next_questions`): the
    // person learns where they would stand if it continues. An ended one asks nothing.
    if standing == Standing::Ended && !not_for_audience {
        stop_asking(&mut conditions, &mut estimate, today.explain);
    }
    BenefitReport {
        id: entry.id,
        name: entry.name,
        audience: entry.audience,
        clause: entry.clause,
        status,
        conditions,
        estimate,
        documents: benefit.documents,
        apply: benefit.apply,
        validity: benefit.validity,
        standing,
        rules_on: ctx.as_of,
        status_on_last_day,
        not_combined_with: benefit.not_combined_with,
    }
}

/// A benefit no longer in force asks nothing: nobody can claim it now, the questionnaire never asks
/// for it, and every question a page shows must be one that page can take. Its undecided conditions
/// and roster rows say that the old rule could not be settled, without asking for the missing answer.
fn stop_asking(conditions: &mut [ConditionReport], estimate: &mut Estimate, explain: bool) {
    for c in conditions
        .iter_mut()
        .filter(|c| c.outcome == Outcome::Unknown)
    {
        c.asks.clear();
        if explain {
            c.message = Cow::Borrowed("按原规定，这一条还不能确定；此项现在不受理，不必再补充");
        }
    }
    for line in &mut estimate.breakdown {
        if let Some(term) = line.missing.take() {
            if explain {
                line.still_needed = format!(
                    "按原规定还要看“{}”；此项现在不受理，不必再填写",
                    term.label()
                );
            }
        }
    }
    estimate.refine.clear();
    if let Value::NeedsAnswers { asks } = &mut estimate.value {
        asks.clear();
    }
}

/// Evaluates every encoded benefit for `facts` on `as_of`.
pub fn evaluate(facts: &Facts, as_of: Date) -> Report {
    evaluate_these(crate::benefits(), facts, as_of, true)
}

/// [`evaluate`] without the words, for batches that keep only the outcomes (`subsidy-check evaluate
/// --summary`): the same rules give the same statuses, standings, values, asks and findings, but
/// condition messages, formula steps, notes and roster lines' explanations are left empty and
/// `next_questions` is not computed. Property-tested to agree with [`evaluate`].
pub fn evaluate_brief(facts: &Facts, as_of: Date) -> Report {
    evaluate_these(crate::benefits(), facts, as_of, false)
}

/// [`evaluate`] for the person's benefits only: the same reports for them, and none for the
/// organisations' benefits (which are never for a person). The residents' page uses it so that its
/// bundle carries no organisation rules.
pub fn evaluate_person(facts: &Facts, as_of: Date) -> Report {
    evaluate_these(crate::PERSON_BENEFITS.iter(), facts, as_of, true)
}

/// [`evaluate_person`] without the words ([`evaluate_brief`] for the person's benefits): the staff
/// list screening, which keeps only statuses, values, asks and findings per person.
pub fn evaluate_person_brief(facts: &Facts, as_of: Date) -> Report {
    evaluate_these(crate::PERSON_BENEFITS.iter(), facts, as_of, false)
}

fn evaluate_these<'b>(
    benefits: impl Iterator<Item = &'b Benefit>,
    facts: &Facts,
    as_of: Date,
    explain: bool,
) -> Report {
    evaluate_with(benefits, facts, as_of, explain, explain)
}

fn evaluate_with<'b>(
    benefits: impl Iterator<Item = &'b Benefit>,
    facts: &Facts,
    as_of: Date,
    explain: bool,
    ask: bool,
) -> Report {
    let (facts, findings) = facts.validated(as_of);
    let ctx = Ctx {
        facts: &facts,
        as_of,
        today: as_of,
        explain,
    };
    // Collected from a `map` over an exactly sized list: one allocation of the right size.
    let benefits: Vec<BenefitReport> = benefits
        .map(|benefit| evaluate_benefit(benefit, &ctx))
        .collect();
    let next_questions = if ask {
        next_questions(&benefits, as_of)
    } else {
        Vec::new()
    };
    Report {
        as_of,
        notice_ended: as_of > crate::source::NOTICE_END,
        findings,
        benefits,
        next_questions,
    }
}

/// The statuses, asks and next questions of [`evaluate`] without the words (as [`evaluate_brief`]),
/// for [`questions_left`], which evaluates many times per answer.
pub fn asks(facts: &Facts, as_of: Date) -> Report {
    evaluate_with(crate::benefits(), facts, as_of, false, true)
}

/// [`asks`] over the person benefits only (as [`evaluate_person`]).
pub fn asks_person(facts: &Facts, as_of: Date) -> Report {
    evaluate_with(crate::PERSON_BENEFITS.iter(), facts, as_of, false, true)
}

/// About (约) how many more questions the questionnaire will ask this person, for "还剩约 N 题",
/// counting the question on screen: it follows the questionnaire forward from `facts`, as the pages
/// do (the next question not `skipped`), answering each yes/no or choice question with the answer
/// that leaves the most questions open (so a gate such as "自己开办了个体工商户" counts the loan
/// questions it opens; one branch at a time, never all at once), and passing over
/// numbers, dates and districts (they settle, they rarely open); a roster is one person of the
/// commonest group, and an organisation's counts, loan and dates a typical value. Someone who answered 不清楚 more often than not is assumed to go on so. Questions whose answer cannot
/// change a result are never asked, so they are never counted. 0 exactly when nothing is left.
/// `run`: [`asks_person`] on the residents' page (its bundle links no organisation rules), else
/// [`asks`].
pub fn questions_left(
    facts: &Facts,
    as_of: Date,
    skipped: impl Fn(Q) -> bool,
    run: fn(&Facts, Date) -> Report,
) -> usize {
    let person = facts.audience == Some(Audience::Person);
    let run = |facts: &Facts| run(facts, as_of);
    let mut facts = facts.clone();
    let mut passed: Vec<Q> = Vec::new();
    let open = |report: &Report, passed: &[Q]| -> Vec<Q> {
        report
            .next_questions
            .iter()
            .map(|n| n.id)
            .filter(|q| !skipped(*q) && !passed.contains(q))
            .collect()
    };
    // Someone who has answered 不清楚 more often than not is likely to go on so: their answers open
    // nothing, and the estimate counts only the questions already in reach.
    let skipped_so_far = Q::ALL.iter().filter(|q| skipped(**q)).count();
    let answered = facts.answered().filter(|q| *q != Q::Audience).count();
    let unsure = skipped_so_far > answered;
    let mut report = run(&facts);
    let mut count = 0;
    // A journey never asks more than there are questions; the bound keeps any loop finite.
    while let Some(&q) = open(&report, &passed).first() {
        count += 1;
        if count >= Q::ALL.len() {
            break;
        }
        let answers: Vec<Answer> = match q.kind() {
            _ if unsure => Vec::new(),
            AnswerKind::YesNo => vec![Answer::Bool(true), Answer::Bool(false)],
            AnswerKind::Choice => questions::options(q, as_of)
                .into_iter()
                .map(|o| Answer::Choice(o.id.to_string()))
                .collect(),
            // Three people of the commonest group on a year's contract: the roster opens the
            // organisation's questions.
            AnswerKind::Roster => {
                let mut group =
                    crate::roster::HireGroup::new(crate::choices::HireIdentity::Poverty, 3);
                group.contract_months = Some(12);
                group.full_time = Some(true);
                group.insured_months = Some(6);
                group.still_insured = Some(true);
                vec![Answer::Roster(vec![group])]
            }
            // An organisation's head count and loan open its award and loan questions.
            AnswerKind::Count if !person => vec![Answer::Count(3), Answer::Count(25)],
            AnswerKind::Money if !person => vec![Answer::Money(Decimal::from(500_000))],
            AnswerKind::Date if !person => vec![Answer::Date(as_of)],
            _ => Vec::new(),
        };
        let mut tried: Vec<(usize, Facts, Report)> = Vec::new();
        for answer in answers {
            let mut next = facts.clone();
            if next.set(q, Some(&answer)).is_ok() {
                let next_report = run(&next);
                tried.push((open(&next_report, &passed).len(), next, next_report));
            }
        }
        if tried.is_empty() {
            passed.push(q);
            continue;
        }
        // Insertion sort by the questions left open (a library sort costs kilobytes of the first load).
        for i in 1..tried.len() {
            let mut j = i;
            while j > 0 && tried[j].0 < tried[j - 1].0 {
                tried.swap(j, j - 1);
                j -= 1;
            }
        }
        let widest = tried.len() - 1;
        let (_, next, next_report) = tried.swap_remove(widest);
        facts = next;
        report = next_report;
        // Asked once: a roster that still misses terms is not counted again.
        passed.push(q);
    }
    count
}

/// The unanswered questions of benefits still open (undecided, or decided but with an estimate that
/// needs a figure), most decisive first: first the questions of benefits one can claim now, then
/// those that decide only leads (benefits whose continuation is unconfirmed: where the person would
/// stand under the rules of their last day). Within each, a question that concerns more benefits
/// comes first; ties keep the questionnaire's fixed order ([`Q::ALL`]).
fn next_questions(benefits: &[BenefitReport], as_of: Date) -> Vec<Question> {
    // (question, benefits in force it decides, leads it decides)
    let mut tally: Vec<(Q, Vec<&'static str>, usize)> = Vec::new();
    for benefit in benefits {
        // Undecided benefits ask for their conditions; decided eligible ones for their estimate's
        // figures; a lead the same, by where it would stand under its last day's rules.
        let (standing_status, lead) = match (benefit.status, benefit.status_on_last_day) {
            (Status::ContinuationUnknown, Some(last_day)) => (last_day, true),
            (status, _) => (status, false),
        };
        let asks = match standing_status {
            Status::NeedsAnswers => benefit
                .conditions
                .iter()
                .flat_map(|c| c.asks.clone())
                .collect(),
            Status::Eligible => benefit.open_questions(),
            _ => Vec::new(),
        };
        for q in asks {
            let at = match tally.iter().position(|(known, _, _)| *known == q) {
                Some(at) => at,
                None => {
                    tally.push((q, Vec::new(), 0));
                    tally.len() - 1
                }
            };
            let (_, ids, leads) = &mut tally[at];
            ids.push(benefit.id);
            if lead {
                *leads += 1;
            }
        }
    }
    // A question's weight: the benefits in force it decides, then the leads.
    let weight = |(_, ids, leads): &(Q, Vec<&'static str>, usize)| (ids.len() - leads, *leads);
    // Insertion sort: a few dozen entries at most, and a library sort costs kilobytes of the app's
    // first load. The order is total (ties broken by question order), so stability is moot.
    for i in 1..tally.len() {
        let mut j = i;
        while j > 0 && {
            let (later, earlier) = (&tally[j], &tally[j - 1]);
            weight(later) > weight(earlier)
                || (weight(later) == weight(earlier) && later.0 < earlier.0)
        } {
            tally.swap(j, j - 1);
            j -= 1;
        }
    }
    tally
        .into_iter()
        .map(|(q, decides, _)| questions::question(q, as_of, decides))
        .collect()
}
