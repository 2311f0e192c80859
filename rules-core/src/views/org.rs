//! What an organisation of one kind is shown: the benefits of its audience that its kind alone rules
//! out (a 就业帮扶车间's awards for an enterprise, an incubator's subsidy for a 非遗工坊) are for another
//! kind of organisation, and the organisation pages leave them out. Decided by the rules themselves:
//! a benefit is for another kind when, knowing nothing but the audience and the kind, it (or, for a
//! benefit no longer in force, its rule on its last day) is already 暂不符合.

use crate::engine::facts::Facts;
use crate::registry::catalogue::Audience;
use crate::registry::evaluate::{evaluate, Report, Status};
use crate::vocabulary::choices::OrgKind;
use crate::vocabulary::date::Date;

/// The ids of `audience`'s benefits that an organisation of `kind` can never have, on `as_of`.
/// Empty while the kind is unknown.
pub fn other_kinds(audience: Audience, kind: Option<OrgKind>, as_of: Date) -> Vec<&'static str> {
    let Some(kind) = kind else {
        return Vec::new();
    };
    let facts = Facts {
        audience: Some(audience),
        org_kind: Some(kind),
        ..Facts::default()
    };
    let report = evaluate(&facts, as_of);
    ruled_out(&report, audience)
}

fn ruled_out(report: &Report, audience: Audience) -> Vec<&'static str> {
    report
        .benefits
        .iter()
        .filter(|b| b.entry.audience == audience)
        .filter(|b| b.status_on_last_day.unwrap_or(b.status) == Status::NotEligible)
        .map(|b| b.entry.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: Date = Date::ymd(2026, 12, 7);

    #[test]
    fn an_enterprise_sees_no_workshop_benefit_and_a_workshop_no_loan() {
        let enterprise = other_kinds(Audience::Employer, Some(OrgKind::Enterprise), DAY);
        for id in [
            "workshop-construction-grant",
            "workshop-employment-award",
            "workshop-fee-relief",
            "public-welfare-post-subsidy",
        ] {
            assert!(enterprise.contains(&id), "{id}: {enterprise:?}");
        }
        assert!(!enterprise.contains(&"hiring-subsidy"));
        assert!(!enterprise.contains(&"enterprise-guaranteed-loan"));
        let workshop = other_kinds(Audience::Employer, Some(OrgKind::Workshop), DAY);
        assert!(
            workshop.contains(&"enterprise-guaranteed-loan"),
            "{workshop:?}"
        );
        assert!(!workshop.contains(&"workshop-fee-relief"));
        assert!(!workshop.contains(&"hiring-subsidy"));
        assert!(other_kinds(Audience::Employer, None, DAY).is_empty());
    }

    #[test]
    fn a_workshop_is_asked_nothing_for_a_loan() {
        let facts = Facts {
            audience: Some(Audience::Employer),
            org_kind: Some(OrgKind::Workshop),
            org_size: Some(crate::vocabulary::choices::OrgSize::Small),
            ..Facts::default()
        };
        let report = evaluate(&facts, DAY);
        for q in &report.next_questions {
            assert!(
                !q.decides.contains(&"enterprise-guaranteed-loan"),
                "{:?} asked for the loan",
                q.id
            );
        }
        // Nor for any benefit its kind rules out, for any kind of any organisation audience.
        for kind in OrgKind::ALL {
            let audience = kind.audience();
            let facts = Facts {
                audience: Some(audience),
                org_kind: Some(*kind),
                ..Facts::default()
            };
            let report = evaluate(&facts, DAY);
            let out = ruled_out(&report, audience);
            for q in &report.next_questions {
                assert!(
                    q.decides.iter().all(|id| !out.contains(id)),
                    "{kind:?}: {:?} decides {:?}",
                    q.id,
                    q.decides
                );
            }
        }
    }
}
