//! Where the organisation's questions go next: the question to show, the roster's fields, whether
//! the audience has a roster. Both the questions (`mod.rs`) and the results screen (`results.rs`)
//! use it, so neither needs the other's items.

use super::roster::Fields;
use crate::session::Session;
use rules_core::choices::OrgKind;
use rules_core::evaluate::Report;
use rules_core::questions::{self, Question};
use rules_core::{Audience, Q};

/// The question to show: one being changed; else the kind, then the district, unless answered or
/// skipped; else rules-core's most decisive open question. The roster, once filled in, is edited on
/// the results screen and not asked again. The kinds offered are those of this audience.
pub fn current_question(
    session: &Session,
    report: &Report,
    audience: Audience,
) -> Option<Question> {
    let day = report.as_of;
    let decides = |q: Q| {
        report
            .next_questions
            .iter()
            .find(|question| question.id == q)
            .map(|question| question.decides.clone())
            .unwrap_or_default()
    };
    let first = [Q::OrgKind, Q::OrgDistrict]
        .into_iter()
        .find(|q| !session.facts.is_answered(*q) && !session.skipped.contains(q));
    let question = match (session.editing, first) {
        (Some(_), _) => session.current(report),
        (None, Some(q)) => Some(questions::question(q, day, decides(q))),
        (None, None) => report
            .next_questions
            .iter()
            .find(|question| {
                let roster_done = question.id == Q::Roster && session.history.contains(&Q::Roster);
                !roster_done && !session.skipped.contains(&question.id)
            })
            .cloned(),
    };
    question.map(|mut question| {
        if question.id == Q::OrgKind {
            question
                .options
                .retain(|o| OrgKind::from_id(o.id).is_some_and(|kind| kind.audience() == audience));
        }
        question
    })
}

/// The fields a roster row asks for, from the audience, the kind given and the evaluation date.
pub fn roster_fields(audience: Audience, session: &Session, day: rules_core::Date) -> Fields {
    Fields::for_org(audience, session.facts.org_kind, day)
}

/// True when this audience's benefits use a roster (employers and agencies).
pub fn uses_roster(audience: Audience) -> bool {
    matches!(audience, Audience::Employer | Audience::Agency)
}
