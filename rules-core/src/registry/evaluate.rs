//! The public evaluation: every encoded benefit (or the person's only) over one person's facts.
//! The report's types and the engine that runs the rules live in [`crate::engine`]; they are
//! re-exported here so that `rules_core::evaluate::Report` names them wherever a report is read.

pub use crate::engine::report::*;
pub use crate::engine::rule::{Benefit, Ctx};
pub use crate::engine::run::questions_left;

use crate::engine::facts::Facts;
use crate::engine::run::run;
use crate::registry::lists::{benefits, PERSON_BENEFITS};
use crate::vocabulary::date::Date;

/// Evaluates every encoded benefit for `facts` on `as_of`.
pub fn evaluate(facts: &Facts, as_of: Date) -> Report {
    run(benefits(), facts, as_of, true, true)
}

/// [`evaluate`] without the words, for batches that keep only the outcomes (`subsidy-check evaluate
/// --summary`): the same rules give the same statuses, standings, values, asks and findings, but
/// condition messages, formula steps, notes and roster lines' explanations are left empty and
/// `next_questions` is not computed. Property-tested to agree with [`evaluate`].
pub fn evaluate_brief(facts: &Facts, as_of: Date) -> Report {
    run(benefits(), facts, as_of, false, false)
}

/// [`evaluate`] for the person's benefits only: the same reports for them, and none for the
/// organisations' benefits (which are never for a person). The residents' page uses it so that its
/// bundle carries no organisation rules.
pub fn evaluate_person(facts: &Facts, as_of: Date) -> Report {
    run(PERSON_BENEFITS.iter(), facts, as_of, true, true)
}

/// [`evaluate_person`] without the words ([`evaluate_brief`] for the person's benefits): the staff
/// list screening, which keeps only statuses, values, asks and findings per person.
pub fn evaluate_person_brief(facts: &Facts, as_of: Date) -> Report {
    run(PERSON_BENEFITS.iter(), facts, as_of, false, false)
}

/// The statuses, asks and next questions of [`evaluate`] without the words (as [`evaluate_brief`]),
/// for [`questions_left`], which evaluates many times per answer.
pub fn asks(facts: &Facts, as_of: Date) -> Report {
    run(benefits(), facts, as_of, false, true)
}

/// [`asks`] over the person benefits only (as [`evaluate_person`]).
pub fn asks_person(facts: &Facts, as_of: Date) -> Report {
    run(PERSON_BENEFITS.iter(), facts, as_of, false, true)
}
