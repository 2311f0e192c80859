//! A benefit's rule: the [`Benefit`] a family declares, the [`Ctx`] its rule reads and the
//! [`Condition`]s it reports, and how one benefit is evaluated on one day ([`evaluate_benefit`]).

use crate::engine::facts::{Facts, Q};
use crate::engine::logic::{fact, Tri};
use crate::engine::questions::{self};
use crate::engine::report::*;
use crate::vocabulary::catalogue::Audience;
use crate::vocabulary::choices::*;
use crate::vocabulary::date::Date;
use crate::vocabulary::source::NOTICE;
use std::borrow::Cow;

pub use crate::vocabulary::source::TEXTS;
pub use crate::vocabulary::standing::{Standing, Validity, ASK_HR};

/// The policy's description of one benefit: its catalogue line, standing and rule. Its documents and
/// procedure are its [`crate::engine::documents::Guide`], declared beside it.
pub struct Benefit {
    /// Its line of the catalogue: id, name, audience and clause, declared here and nowhere else.
    pub entry: crate::vocabulary::catalogue::CatalogueEntry,
    pub validity: Validity,
    /// Benefit ids this one cannot be combined with (the app must not add them together).
    pub not_combined_with: &'static [&'static str],
    pub rule: fn(&Ctx) -> RuleResult,
}

/// What a benefit's rule returns.
pub struct RuleResult {
    pub conditions: Vec<ConditionReport>,
    pub estimate: Estimate,
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
    /// Whether this evaluation writes its texts: asked for ([`Ctx::explain`]) and built in
    /// ([`TEXTS`]).
    #[inline]
    pub const fn explains(&self) -> bool {
        TEXTS && self.explain
    }

    /// A condition of a benefit's rule, explained as this evaluation asks ([`Ctx::explains`]).
    #[inline]
    pub const fn condition(
        &self,
        id: &'static str,
        requirement: &'static str,
        clause: &'static str,
    ) -> Condition {
        // Without texts the words are never stored, so no rule keeps them in the build.
        let (requirement, clause) = if TEXTS {
            (requirement, clause)
        } else {
            ("", "")
        };
        Condition {
            explain: self.explain,
            ..condition(id, requirement, clause)
        }
    }

    /// A formula step when texts are written, else nothing (nobody reads it).
    pub fn step(&self, step: impl FnOnce() -> String) -> String {
        if self.explains() {
            step()
        } else {
            String::new()
        }
    }

    /// Formula steps when texts are written, else none.
    pub fn steps(&self, steps: impl FnOnce() -> Vec<String>) -> Vec<String> {
        if self.explains() {
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
        crate::engine::logic::yes(self.facts.hukou_chongqing, Q::HukouChongqing)
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
                crate::vocabulary::choices::SchoolLevel::is_higher_education,
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
        crate::engine::logic::yes(self.facts.college_graduate, Q::CollegeGraduate).and_then(|| {
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
        id: &Option<crate::engine::facts::DistrictId>,
    ) -> Option<&'static crate::vocabulary::districts::District> {
        id.as_ref()
            .and_then(|d| crate::vocabulary::districts::find(&d.0))
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
    /// Whether its message is written: asked for and built in ([`TEXTS`]).
    #[inline]
    pub const fn explains(&self) -> bool {
        TEXTS && self.explain
    }

    /// Evaluates with messages for the met and the not-met cases; only the outcome's is written.
    /// Generic only in choosing the message (inlined at each rule); the rest is [`Condition::judge`].
    #[inline]
    pub fn check(self, test: Tri, met: impl Text, not_met: impl Text) -> ConditionReport {
        let message = match test {
            Tri::Yes if self.explains() => Some(met.text()),
            Tri::No if self.explains() => Some(not_met.text()),
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
                self.explains().then(|| Cow::Owned(still_to_confirm(&asks))),
                asks,
            ),
        };
        self.report(outcome, message, asks)
    }

    /// A condition the sources cannot settle for this person: undecided, with no question that would
    /// decide it (only the office can), and the reason in `message`. Put it after the conditions that
    /// can still ask, so that it does not hold their questions back.
    pub fn unsettled(self, message: impl Text) -> ConditionReport {
        let message = self.explains().then(|| message.text());
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

pub(crate) fn evaluate_benefit(benefit: &'static Benefit, today: &Ctx) -> BenefitReport {
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
        let mut result = (benefit.rule)(ctx);
        if !TEXTS {
            // The rules that build their estimates' words themselves: a build without texts keeps
            // none, whichever way a rule writes them.
            let estimate = &mut result.estimate;
            estimate.steps.clear();
            estimate.note = Cow::Borrowed("");
            estimate.sources = Sources::Many(Vec::new());
        }
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
        stop_asking(&mut conditions, &mut estimate, today.explains());
    }
    BenefitReport {
        entry,
        status,
        conditions,
        estimate,
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
