//! Running the rules: a list of benefits over one person's facts on one day ([`run`]), what to ask
//! next, and how many questions are left.

use crate::engine::facts::{Answer, AnswerKind, Facts, Q};
use crate::engine::questions::{self, Question};
use crate::engine::report::*;
use crate::engine::rule::{evaluate_benefit, Benefit, Ctx};
use crate::vocabulary::catalogue::Audience;
use crate::vocabulary::date::Date;
use rust_decimal::Decimal;

/// Runs `benefits`' rules over `facts` on `as_of`: with `explain`, every message and formula step is
/// written; with `ask`, the next questions are computed.
pub fn run(
    benefits: impl Iterator<Item = &'static Benefit>,
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
        notice_ended: as_of > crate::vocabulary::source::NOTICE_END,
        findings,
        benefits,
        next_questions,
    }
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
                let mut group = crate::engine::roster::HireGroup::new(
                    crate::vocabulary::choices::HireIdentity::Poverty,
                    3,
                );
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
            ids.push(benefit.entry.id);
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
