//! Reading one person's answers and writing their report, in full or as a one-line summary.
//! Everything printed comes from rules-core's values; nothing here decides policy.

use crate::messages;
use rules_core::totals::{totals, Totals};
use rules_core::validate::Finding;
use rules_core::{evaluate, Audience, Date, Facts, Report, Standing, Status, Value, Q};
use serde::Serialize;

/// How much of a report `evaluate` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportForm {
    /// Everything: conditions with clauses and messages, formula steps, sources, documents (~60 KB).
    Full,
    /// One compact line: per benefit its status, standing, value and deciding questions.
    Summary,
}

/// The answers in `text` (one JSON object), or why they cannot be read, in Chinese.
/// `document_from_line`: the line of the input a multi-line document starts on, for positions.
pub fn read_answers(
    text: &str,
    as_of: Date,
    document_from_line: Option<u64>,
) -> Result<Facts, String> {
    // The slow path that explains runs only when the fast one fails, and also refuses a top-level
    // array, which serde would otherwise accept as the fields in order.
    let facts = if text.trim_start().starts_with('{') {
        serde_json::from_str::<Facts>(text).ok()
    } else {
        None
    };
    let Some(facts) = facts else {
        return Err(messages::why_unreadable(text, as_of, document_from_line)
            .unwrap_or_else(|| "回答无法读取".to_string()));
    };
    facts.check_version()?;
    Ok(facts)
}

/// Appends the report on `facts` to `out`: compact on one line, or indented for one document.
pub fn write_report(
    facts: &Facts,
    as_of: Date,
    form: ReportForm,
    pretty: bool,
    out: &mut Vec<u8>,
) -> Result<(), String> {
    let report = evaluate(facts, as_of);
    let start = out.len();
    let written = match (form, pretty) {
        (ReportForm::Full, false) => serde_json::to_writer(&mut *out, &Full::of(facts, &report)),
        (ReportForm::Full, true) => {
            serde_json::to_writer_pretty(&mut *out, &Full::of(facts, &report))
        }
        (ReportForm::Summary, _) => serde_json::to_writer(&mut *out, &Summary::of(&report)),
    };
    match written {
        Ok(()) => {
            out.push(b'\n');
            Ok(())
        }
        Err(e) => {
            // Never leave half a report in front of the next line's.
            out.truncate(start);
            Err(format!("无法写出结果：{e}"))
        }
    }
}

/// The full report, and the totals of the asker's benefits (rules-core's, as the organisation page
/// shows them): the report's fields first, then `totals`.
#[derive(Serialize)]
struct Full<'a> {
    #[serde(flatten)]
    report: &'a Report,
    totals: Totals,
}

impl<'a> Full<'a> {
    fn of(facts: &Facts, report: &'a Report) -> Full<'a> {
        let audience = facts.audience.unwrap_or(Audience::Person);
        Full {
            report,
            totals: totals(report, audience),
        }
    }
}

/// `evaluate --summary`: what a caseworker's list needs per person, at a fraction of the full
/// report's size (serialising the full report is most of a batch's time).
#[derive(Serialize)]
pub struct Summary<'a> {
    /// Bad or contradictory answers (the value was treated as unknown), as in the full report.
    findings: &'a [Finding],
    /// Every benefit for this audience, in catalogue order; those for other audiences are left out.
    benefits: Vec<BenefitSummary<'a>>,
}

#[derive(Serialize)]
struct BenefitSummary<'a> {
    id: &'static str,
    status: Status,
    /// The benefit's own standing that day (in force, ended, unconfirmed), whoever asks.
    standing: Standing,
    /// For a benefit no longer in force: how the person would have stood on its last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    status_on_last_day: Option<Status>,
    /// The estimate's value: an amount, a cap, set by the district, unpublished, not money, or the
    /// questions it needs (rules-core's `Value`, with its `kind`).
    value: &'a Value,
    /// The questions that would decide it, then those its amount still needs.
    asks: Vec<Q>,
}

impl<'a> Summary<'a> {
    pub fn of(report: &'a Report) -> Summary<'a> {
        Summary {
            findings: &report.findings,
            benefits: report
                .benefits
                .iter()
                .filter(|benefit| benefit.status != Status::NotForAudience)
                .map(|benefit| BenefitSummary {
                    id: benefit.id,
                    status: benefit.status,
                    standing: benefit.standing,
                    status_on_last_day: benefit.status_on_last_day,
                    value: &benefit.estimate.value,
                    asks: benefit.open_questions(),
                })
                .collect(),
        }
    }
}
