//! What the benefits paid per roster group share (hiring, 公益性岗位, placement): how one group
//! stands for one benefit, the roster condition over all groups, and the estimate summed per group.

use crate::engine::facts::Q;
use crate::engine::logic::Tri;
use crate::engine::report::*;
use crate::engine::roster::{HireGroup, RosterTerm};
use crate::engine::rule::*;
use crate::vocabulary::money::{format_yuan, Unit};
use crate::vocabulary::source::Source;
use rust_decimal::Decimal;

/// How one roster group stands for one benefit.
pub enum GroupOutcome {
    /// Everyone in the group qualifies now.
    Qualifies,
    /// Everyone qualifies, but the sources give no amount for them: why, and whether the district
    /// sets it (otherwise it is unpublished).
    QualifiesUnpriced { why: String, by_district: bool },
    /// Not yet: what they still need.
    Pending(String),
    /// Never, for this benefit: why.
    Excluded(String),
    /// A term of the group is missing: which box of the roster.
    Unknown(RosterTerm),
}

/// The result of a per-group benefit: the condition over the roster and the estimate.
pub struct RosterResult {
    pub condition: Tri,
    pub not_met: String,
    /// Which rows lack a term, when the condition is unknown although the roster was given.
    pub missing: String,
    /// The total of the priced groups.
    pub total: Decimal,
    pub lines: Vec<GroupLine>,
    /// Qualifying heads with an amount, and without one.
    pub priced_heads: u32,
    pub unpriced_heads: u32,
    /// Some unpriced group's amount is set by the district (not merely unpublished).
    pub unpriced_by_district: bool,
    /// The organisation is not one the benefit is for: the roster was not judged.
    pub for_other_org: bool,
}

impl RosterResult {
    /// No roster judged (none given, or the benefit is not for this organisation).
    fn empty(condition: Tri) -> RosterResult {
        RosterResult {
            condition,
            not_met: String::new(),
            missing: String::new(),
            total: Decimal::ZERO,
            lines: Vec::new(),
            priced_heads: 0,
            unpriced_heads: 0,
            unpriced_by_district: false,
            for_other_org: false,
        }
    }
}

/// Applies `judge` to every group, for an organisation the benefit is for (`for_org` holds; while
/// that is unknown, its questions come first). The rows of any other organisation are not judged, so
/// nothing is asked of them: they may lack boxes this benefit would need, and the benefit is decided
/// by the kind of organisation anyway. The roster condition is met when somebody qualifies, unknown
/// while a group's terms are missing, and not met otherwise (with the reasons).
pub fn per_group(
    for_org: &Tri,
    roster: Option<&Vec<HireGroup>>,
    mut judge: impl FnMut(&HireGroup) -> (GroupOutcome, Decimal),
) -> RosterResult {
    match for_org {
        Tri::Yes => {}
        Tri::No => {
            let mut result = RosterResult::empty(Tri::No);
            result.for_other_org = true;
            return result;
        }
        Tri::Unknown(asks) => return RosterResult::empty(Tri::Unknown(asks.clone())),
    }
    let Some(groups) = roster else {
        return RosterResult::empty(Tri::unknown(Q::Roster));
    };
    let mut result = RosterResult::empty(Tri::No);
    let mut any_unknown = false;
    let mut reasons = Vec::new();
    let mut missing = Vec::new();
    for (index, group) in groups.iter().enumerate() {
        let (outcome, per_head) = judge(group);
        let mut line = GroupLine {
            row: index + 1,
            group: group.identity.label(),
            heads: group.count,
            qualifying: 0,
            per_head,
            subtotal: Decimal::ZERO,
            still_needed: String::new(),
            missing: None,
            unpriced: String::new(),
        };
        match outcome {
            GroupOutcome::Qualifies => {
                line.qualifying = group.count;
                line.subtotal = per_head * Decimal::from(group.count);
                result.priced_heads = result.priced_heads.saturating_add(group.count);
            }
            GroupOutcome::QualifiesUnpriced { why, by_district } => {
                line.qualifying = group.count;
                line.per_head = Decimal::ZERO;
                line.unpriced = why;
                result.unpriced_heads = result.unpriced_heads.saturating_add(group.count);
                result.unpriced_by_district |= by_district;
            }
            GroupOutcome::Pending(what) | GroupOutcome::Excluded(what) => line.still_needed = what,
            GroupOutcome::Unknown(term) => {
                any_unknown = true;
                line.still_needed = term.request();
                line.missing = Some(term);
                missing.push(format!(
                    "第 {} 行（{}）{}",
                    index + 1,
                    group.identity.label(),
                    line.still_needed
                ));
            }
        }
        if line.qualifying == 0 && !line.still_needed.is_empty() {
            reasons.push(format!("{}：{}", group.identity.label(), line.still_needed));
        }
        result.total += line.subtotal;
        result.lines.push(line);
    }
    let any_qualifies = result.lines.iter().any(|line| line.qualifying > 0);
    result.condition = if any_qualifies {
        Tri::Yes
    } else if any_unknown {
        Tri::unknown(Q::Roster)
    } else {
        Tri::No
    };
    result.not_met = if reasons.is_empty() {
        "名单中还没有符合条件的人员".to_string()
    } else {
        format!("暂无符合条件的人员。{}", reasons.join("；"))
    };
    result.missing = missing.join("；");
    result
}

impl RosterResult {
    /// The roster condition's report: when rows lack terms, it says which, rather than asking for the
    /// roster again. None for an organisation the benefit is not for (its kind decides).
    pub fn report(&self, condition: Condition, met: &str) -> Option<ConditionReport> {
        if self.for_other_org {
            return None;
        }
        let explain = condition.explains();
        let mut report = condition.check(
            self.condition.clone(),
            || met.to_string(),
            || self.not_met.clone(),
        );
        if explain && report.outcome == Outcome::Unknown && !self.missing.is_empty() {
            report.message = format!("还需补充：{}", self.missing).into();
        }
        Some(report)
    }
}

/// An estimate from a roster result: the total with one step per group. Groups without an amount are
/// named and left out of the total; when nobody qualifying has an amount, the value says why (set by
/// the district, or unpublished) instead of a sum.
pub fn roster_estimate(
    result: &RosterResult,
    unit: Unit,
    source: &'static Source,
    note: &'static str,
) -> Estimate {
    if let (Tri::Unknown(asks), true) = (&result.condition, result.lines.is_empty()) {
        return Estimate::other(
            Value::NeedsAnswers { asks: asks.clone() },
            source,
            "填写招用人员后可估算",
        );
    }
    let mut steps: Vec<String> = result
        .lines
        .iter()
        .filter(|line| line.qualifying > 0 && line.unpriced.is_empty())
        .map(|line| {
            format!(
                "{}：{} {} × {} 人 = {} 元",
                line.group,
                format_yuan(line.per_head),
                unit.label(),
                line.qualifying,
                format_yuan(line.subtotal)
            )
        })
        .collect();
    let left_out = if result.priced_heads > 0 {
        "，未计入合计"
    } else {
        ""
    };
    steps.extend(
        result
            .lines
            .iter()
            .filter(|line| line.qualifying > 0 && !line.unpriced.is_empty())
            .map(|line| {
                format!(
                    "{} {} 人：{}{left_out}",
                    line.group, line.qualifying, line.unpriced
                )
            }),
    );
    steps.extend(
        result
            .lines
            .iter()
            .filter(|line| line.qualifying == 0 && !line.still_needed.is_empty())
            .map(|line| format!("{} {} 人：{}", line.group, line.heads, line.still_needed)),
    );
    let mut estimate = if result.unpriced_heads > 0 && result.priced_heads == 0 {
        let value = if result.unpriced_by_district {
            Value::SetByDistrict
        } else {
            Value::Unpublished
        };
        let mut estimate = Estimate::other(value, source, note);
        estimate.steps = steps;
        estimate
    } else {
        steps.push(format!("合计 {} 元", format_yuan(result.total)));
        Estimate::amount(result.total, Unit::Yuan, steps, source, note)
    };
    estimate.breakdown = result.lines.clone();
    estimate
}
