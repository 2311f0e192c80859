//! Which terms an organisation's roster row asks for on a day. In the registry because it reads a
//! benefit's standing (以工代训, [`WORK_FOR_TRAINING`]), and only the registry names the families.

use crate::benefits::hiring::WORK_FOR_TRAINING;
use crate::engine::roster::RosterTerm;
use crate::vocabulary::catalogue::Audience;
use crate::vocabulary::choices::OrgKind;
use crate::vocabulary::date::Date;
use crate::vocabulary::standing::Standing;

/// Which terms a roster row asks for: every term the rules of this organisation's benefits read on
/// that day, and no other (a test checks it against the reports: each term a report asks for has its
/// box). Pages offer one box per term shown. Employers: contract,
/// full-time, social insurance and the employer's contributions, and while 以工代训 is in force
/// (2021) whether a 脱贫人口 already had it; 公益性岗位 developers: whether the post is one, its kind,
/// the contract, full-time or the hours, and the months already subsidised with the near-retirement
/// extension (employers too: their social-insurance subsidy has the same 3-year limit); agencies: placed free, 劳务派遣, contract, full-time, public post and months in the job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RosterFields {
    pub contract: bool,
    pub insurance: bool,
    pub contributions: bool,
    pub placement: bool,
    pub public_post: bool,
    /// Post kind, hours of part-time posts and the 脱贫人口's 户籍 (developers).
    pub post_terms: bool,
    /// Months already subsidised and near retirement: the 3-year limit of the 公益性岗位 subsidy
    /// (developers) and of the employer's social-insurance subsidy (employers).
    pub subsidy_limit: bool,
    pub work_for_training: bool,
}

impl RosterFields {
    pub fn for_org(audience: Audience, kind: Option<OrgKind>, day: Date) -> RosterFields {
        let developer = kind == Some(OrgKind::PublicPostDeveloper);
        // A producer while the 以工代训 subsidy is in force (or a kind not yet given).
        let work_for_training = kind.is_none_or(OrgKind::is_producer)
            && WORK_FOR_TRAINING.validity.standing_on(day) == Standing::InForce;
        match audience {
            Audience::Agency => RosterFields {
                contract: true,
                insurance: true,
                contributions: false,
                placement: true,
                public_post: true,
                post_terms: false,
                subsidy_limit: false,
                work_for_training: false,
            },
            _ if developer => RosterFields {
                contract: true,
                insurance: false,
                contributions: false,
                placement: false,
                public_post: true,
                post_terms: true,
                subsidy_limit: true,
                work_for_training: false,
            },
            _ => RosterFields {
                contract: true,
                insurance: true,
                contributions: true,
                placement: false,
                public_post: false,
                post_terms: false,
                subsidy_limit: true,
                work_for_training,
            },
        }
    }

    /// Whether a row offers the box for `term`.
    pub fn shows(&self, term: RosterTerm) -> bool {
        match term {
            RosterTerm::ContractMonths => self.contract,
            RosterTerm::FullTime => true,
            RosterTerm::InsuredMonths | RosterTerm::StillInsured => self.insurance,
            RosterTerm::EmployerContributions => self.contributions,
            RosterTerm::PlacedFree | RosterTerm::Dispatched => self.placement,
            RosterTerm::PublicPost => self.public_post,
            RosterTerm::MonthlyHours | RosterTerm::PostKind | RosterTerm::ChongqingHukou => {
                self.post_terms
            }
            RosterTerm::SubsidisedMonths | RosterTerm::NearRetirement => self.subsidy_limit,
            RosterTerm::WorkForTrainingReceived => self.work_for_training,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::roster::HireGroup;
    use crate::registry::evaluate::evaluate;
    use crate::vocabulary::choices::HireIdentity;

    /// Every roster box a report asks for is one the page offers for that organisation on that day,
    /// and a benefit no longer in force asks for nothing (issue 16: an enterprise was asked whether a
    /// post is a 公益性岗位, and an ended item whether a hire had 以工代训, with no box for either).
    #[test]
    fn every_roster_term_a_report_asks_for_has_a_box() {
        let bare: Vec<HireGroup> = HireIdentity::ALL
            .iter()
            .map(|identity| HireGroup::new(*identity, 2))
            .collect();
        // Each term given in turn, so that the terms asked after it show up too.
        let mut rosters = vec![bare.clone()];
        let mut filled = bare;
        for group in &mut filled {
            group.public_post = Some(true);
            group.placed_free = Some(true);
            group.dispatched = Some(false);
        }
        rosters.push(filled.clone());
        for group in &mut filled {
            group.contract_months = Some(12);
            group.full_time = Some(true);
            group.insured_months = Some(40);
            group.post_kind = Some(crate::vocabulary::choices::PostKind::Urban);
            group.subsidised_months = Some(40);
        }
        rosters.push(filled);
        let days = [
            Date::ymd(2021, 6, 1),
            Date::ymd(2023, 1, 1),
            Date::ymd(2025, 6, 1),
            Date::ymd(2026, 12, 1),
        ];
        for audience in [Audience::Employer, Audience::Agency] {
            let kinds = OrgKind::ALL
                .iter()
                .copied()
                .filter(|k| k.audience() == audience)
                .map(Some)
                .chain([None]);
            for kind in kinds {
                for day in days {
                    let fields = RosterFields::for_org(audience, kind, day);
                    for roster in &rosters {
                        let facts = crate::engine::facts::Facts {
                            audience: Some(audience),
                            org_kind: kind,
                            work_for_training_run: Some(true),
                            roster: Some(roster.clone()),
                            ..crate::engine::facts::Facts::default()
                        };
                        let report = evaluate(&facts, day);
                        for b in report.benefits.iter().filter(|b| {
                            b.entry.audience == audience
                                && b.status != crate::engine::report::Status::NotForAudience
                        }) {
                            // An ended benefit asks nothing; one in force or unconfirmed (a lead) asks.
                            let asks = b.standing != crate::vocabulary::standing::Standing::Ended;
                            for line in &b.estimate.breakdown {
                                if let Some(term) = line.missing {
                                    assert!(
                                        asks && fields.shows(term),
                                        "{}: {kind:?} on {day} asks for {term:?}, no box",
                                        b.entry.id
                                    );
                                }
                            }
                            if !asks {
                                assert!(b.open_questions().is_empty(), "{} asks", b.entry.id);
                            }
                        }
                    }
                }
            }
        }
    }
}
