//! Reading one person's answers and writing their report, in full or as a one-line summary.
//! Everything printed comes from rules-core's values; nothing here decides policy.

use crate::messages;
use rules_core::leads::{self, Lead};
use rules_core::totals::{totals, Totals};
use rules_core::{evaluate, evaluate_brief, Audience, Date, Facts, Report, Status, Value, Q};
#[cfg(test)]
use rules_core::{validate::Finding, Standing};
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
    let start = out.len();
    let written = match (form, pretty) {
        (ReportForm::Full, false) => {
            serde_json::to_writer(&mut *out, &Full::of(facts, &evaluate(facts, as_of)))
        }
        (ReportForm::Full, true) => {
            serde_json::to_writer_pretty(&mut *out, &Full::of(facts, &evaluate(facts, as_of)))
        }
        // The summary prints no words, so its evaluation writes none (same rules, same outcomes).
        (ReportForm::Summary, _) => write_summary(&evaluate_brief(facts, as_of), out),
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

/// Writes the [`Summary`] of `report` as serde_json would, byte for byte (a test compares them), but
/// without building it: the ids, statuses and questions are fixed ASCII names written as they are.
/// A batch of summaries spent a third of its time serialising before.
pub fn write_summary(report: &Report, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
    out.extend_from_slice(b"{\"findings\":");
    serde_json::to_writer(&mut *out, &report.findings)?;
    out.extend_from_slice(b",\"benefits\":[");
    let mut asks = Vec::new();
    let shown = report
        .benefits
        .iter()
        .filter(|benefit| benefit.status != Status::NotForAudience);
    for (i, benefit) in shown.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"id\":");
        name(out, benefit.entry.id)?;
        out.extend_from_slice(b",\"status\":");
        name(out, benefit.status.id())?;
        out.extend_from_slice(b",\"standing\":");
        name(out, benefit.standing.id())?;
        if let Some(status) = benefit.status_on_last_day {
            out.extend_from_slice(b",\"status_on_last_day\":");
            name(out, status.id())?;
        }
        out.extend_from_slice(b",\"value\":");
        write_value(&benefit.estimate.value, out)?;
        out.extend_from_slice(b",\"asks\":[");
        open_questions(benefit, &mut asks);
        for (i, q) in asks.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            name(out, q.id())?;
        }
        out.extend_from_slice(b"]}");
    }
    out.extend_from_slice(b"]}");
    Ok(())
}

/// rules-core's `Value` as serde_json writes it (tagged by `kind`, kebab-case; amounts as strings).
fn write_value(value: &Value, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
    let (kind, figure) = match value {
        Value::Amount { amount, unit } => ("amount", Some(("amount", amount, unit))),
        Value::UpTo { max, unit } => ("up-to", Some(("max", max, unit))),
        Value::SetByDistrict => ("set-by-district", None),
        Value::Unpublished => ("unpublished", None),
        Value::NotMoney => ("not-money", None),
        Value::NeedsAnswers { .. } => ("needs-answers", None),
        Value::NotApplicable => ("not-applicable", None),
    };
    out.extend_from_slice(b"{\"kind\":");
    name(out, kind)?;
    if let Some((key, figure, unit)) = figure {
        out.push(b',');
        name(out, key)?;
        out.push(b':');
        serde_json::to_writer(&mut *out, figure)?;
        out.extend_from_slice(b",\"unit\":");
        name(out, unit.label())?;
    }
    if let Value::NeedsAnswers { asks } = value {
        out.extend_from_slice(b",\"asks\":[");
        for (i, q) in asks.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            name(out, q.id())?;
        }
        out.push(b']');
    }
    out.push(b'}');
    Ok(())
}

/// A fixed name or label as a JSON string: as it is when nothing in it needs escaping (serde_json
/// escapes only quotes, backslashes and control characters), else through serde_json.
fn name(out: &mut Vec<u8>, text: &str) -> Result<(), serde_json::Error> {
    // Without an early exit, so that the test runs over whole words at a time.
    let plain = !text.bytes().fold(false, |escape, b| {
        escape | (b < 0x20) | (b == b'"') | (b == b'\\')
    });
    if plain {
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
        Ok(())
    } else {
        serde_json::to_writer(&mut *out, text)
    }
}

/// [`rules_core::BenefitReport::open_questions`] into `asks`, whose memory serves every benefit of
/// the report: the conditions' questions, then the estimate's, each once, in that order.
fn open_questions(benefit: &rules_core::BenefitReport, asks: &mut Vec<Q>) {
    asks.clear();
    let estimate_asks = match &benefit.estimate.value {
        Value::NeedsAnswers { asks } => asks.as_slice(),
        _ => &[],
    };
    let all = benefit
        .conditions
        .iter()
        .flat_map(|c| c.asks.iter())
        .chain(estimate_asks)
        .chain(&benefit.estimate.refine);
    for q in all {
        if !asks.contains(q) {
            asks.push(*q);
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
    /// The benefits whose continuation is unconfirmed, with where the person would stand under their
    /// last rules and, for each, the words the results page shows (rules-core's `leads`).
    leads: Vec<LeadOut>,
}

/// One lead as the results page shows it.
#[derive(Serialize)]
struct LeadOut {
    id: &'static str,
    lead: &'static str,
    figure_label: String,
    whom_to_ask: String,
    ask: String,
}

impl<'a> Full<'a> {
    fn of(facts: &Facts, report: &'a Report) -> Full<'a> {
        let audience = facts.audience.unwrap_or(Audience::Person);
        let leads = report
            .benefits
            .iter()
            .filter_map(|b| {
                let lead = Lead::of(b)?;
                Some(LeadOut {
                    id: b.entry.id,
                    lead: lead.id(),
                    figure_label: leads::figure_label(b),
                    whom_to_ask: leads::whom_to_ask(b),
                    ask: leads::ask_sentence(b, facts, report.as_of),
                })
            })
            .collect();
        Full {
            report,
            totals: totals(report, audience),
            leads,
        }
    }
}

/// `evaluate --summary`: what a caseworker's list needs per person, at a fraction of the full
/// report's size (serialising the full report is most of a batch's time). The form's definition:
/// [`write_summary`] writes exactly its serde_json text, which the tests check.
#[cfg(test)]
#[derive(Serialize)]
pub struct Summary<'a> {
    /// Bad or contradictory answers (the value was treated as unknown), as in the full report.
    findings: &'a [Finding],
    /// Every benefit for this audience, in catalogue order; those for other audiences are left out.
    benefits: Vec<BenefitSummary<'a>>,
}

#[cfg(test)]
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

#[cfg(test)]
impl<'a> Summary<'a> {
    pub fn of(report: &'a Report) -> Summary<'a> {
        Summary {
            findings: &report.findings,
            benefits: report
                .benefits
                .iter()
                .filter(|benefit| benefit.status != Status::NotForAudience)
                .map(|benefit| BenefitSummary {
                    id: benefit.entry.id,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Answers lines of every audience, varied by a fixed xorshift sequence: persons with every
    /// identity, activity and place, some answers missing or absurd, and organisations with rosters.
    fn profiles(count: usize) -> Vec<String> {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |below: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % below
        };
        let pick = |options: &[&'static str], n: u64| options[n as usize % options.len()];
        (0..count)
            .map(|_| {
                let mut fields: Vec<String> = Vec::new();
                let audience = pick(&["person", "employer", "agency", "carrier", ""], next(5));
                if !audience.is_empty() {
                    fields.push(format!("\"audience\":\"{audience}\""));
                }
                let person = [
                    ("poverty-status", "\"alleviated\"|\"monitored\"|\"none\""),
                    ("hukou-chongqing", "true|false"),
                    ("hukou-district", "\"wanzhou\"|\"chengkou\"|\"yuzhong\"|\"nowhere\""),
                    ("age", "17|35|45|55|400"),
                    ("sex", "\"female\"|\"male\""),
                    ("activity", "\"employee\"|\"flexible\"|\"own-business\"|\"public-welfare-post\"|\"student\"|\"not-working\""),
                    ("work-place", "\"own-district\"|\"other-district\"|\"shandong\"|\"other-province\""),
                    ("work-since", "\"2021-03-01\"|\"2024-11-20\"|\"2025-06-01\"|\"2030-01-01\""),
                    ("job-search-received", "true|false"),
                    ("has-tickets", "true|false"),
                    ("ticket-fare", "\"260\"|\"1500.5\""),
                    ("labour-capacity", "\"full\"|\"none\""),
                    ("college-graduate", "true|false"),
                    ("graduated-on", "\"2024-07-01\"|\"2020-06-30\""),
                    ("training-kind", "\"skills\""),
                    ("training-days", "20|400"),
                    ("flexible-insured", "true|false"),
                    ("flexible-contributions", "\"8000\""),
                    ("loan-amount", "\"300000\""),
                    ("loan-term-years", "3"),
                    ("business-kind", "\"individual\""),
                    ("business-since", "\"2023-06-01\""),
                    ("ui-years", "0|5"),
                    ("dibao", "true|false"),
                    ("school-level", "\"other\""),
                ];
                for (key, values) in person {
                    if next(3) == 0 {
                        continue;
                    }
                    let values: Vec<&str> = values.split('|').collect();
                    fields.push(format!("\"{key}\":{}", pick(&values, next(16))));
                }
                if audience != "person" && next(2) == 0 {
                    fields.push(format!(
                        r#""org-kind":"enterprise","org-size":"small","org-district":"fuling","org-staff":{},"org-no-arrears":true,"roster":[{{"identity":"{}","count":{},"contract-months":{},"insured-months":{},"still-insured":true}}]"#,
                        next(300),
                        pick(&["poverty", "graduate", "four-fifty", "other"], next(4)),
                        1 + next(10),
                        next(36),
                        next(24)
                    ));
                }
                format!("{{{}}}", fields.join(","))
            })
            .collect()
    }

    #[test]
    fn the_summary_is_written_as_serde_writes_it_from_the_full_evaluation() {
        let days = [
            Date::ymd(2021, 6, 1),
            Date::ymd(2024, 3, 15),
            Date::ymd(2025, 6, 20),
            Date::ymd(2026, 12, 1),
        ];
        let mut checked = 0;
        for (n, line) in profiles(1500).iter().enumerate() {
            let Ok(facts) = read_answers(line, days[0], None) else {
                continue;
            };
            let day = days[n % days.len()];
            let expected = serde_json::to_string(&Summary::of(&evaluate(&facts, day))).unwrap();
            let mut written = Vec::new();
            write_summary(&evaluate_brief(&facts, day), &mut written).unwrap();
            assert_eq!(
                String::from_utf8(written).unwrap(),
                expected,
                "{line} on {day:?}"
            );
            checked += 1;
        }
        assert!(checked > 1000, "only {checked} profiles read");
    }

    #[test]
    fn names_are_written_as_serde_writes_them() {
        use rules_core::Standing;
        for status in [
            Status::Eligible,
            Status::NeedsAnswers,
            Status::ContinuationUnknown,
            Status::NotEligible,
            Status::PolicyEnded,
            Status::NotForAudience,
        ] {
            assert_eq!(
                serde_json::to_string(&status).unwrap(),
                format!("\"{}\"", status.id())
            );
        }
        for standing in [Standing::InForce, Standing::Ended, Standing::Unconfirmed] {
            assert_eq!(
                serde_json::to_string(&standing).unwrap(),
                format!("\"{}\"", standing.id())
            );
        }
        for q in Q::ALL {
            assert_eq!(serde_json::to_string(q).unwrap(), format!("\"{}\"", q.id()));
        }
        use rules_core::money::Unit;
        let units = [
            Unit::Yuan,
            Unit::YuanPerPerson,
            Unit::YuanPerHousehold,
            Unit::YuanPerMonth,
            Unit::YuanPerYear,
            Unit::YuanPerDay,
        ];
        let amount = rules_core::money::yuan(1234) + rules_core::money::bp(5600);
        let mut values = vec![
            Value::SetByDistrict,
            Value::Unpublished,
            Value::NotMoney,
            Value::NotApplicable,
            Value::NeedsAnswers { asks: vec![] },
            Value::NeedsAnswers {
                asks: vec![Q::TrainingDays, Q::Age],
            },
        ];
        for unit in units {
            values.push(Value::Amount { amount, unit });
            values.push(Value::UpTo { max: amount, unit });
        }
        for value in values {
            let mut out = Vec::new();
            write_value(&value, &mut out).unwrap();
            assert_eq!(out, serde_json::to_vec(&value).unwrap());
        }
        let mut out = Vec::new();
        name(&mut out, "a\"b\\c\n").unwrap();
        assert_eq!(out, serde_json::to_vec("a\"b\\c\n").unwrap());
    }
}
