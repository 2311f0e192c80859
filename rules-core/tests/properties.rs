//! Property tests: evaluation never panics, amounts stay within their caps, answering a question never
//! turns a decided benefit back into undecided, and following the questionnaire's next questions
//! reaches the same result as knowing every answer up front.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rules_core::choices::HireIdentity;
use rules_core::facts::AnswerKind;
use rules_core::questions::options;
use rules_core::roster::HireGroup;
use rules_core::{evaluate, Answer, Date, Facts, Report, Status, Value, Q};
use rust_decimal::Decimal;

fn date_from(seed: u64, first_year: u64, years: u64) -> Date {
    let year = first_year + seed % years;
    let month = (seed / 7 % 12) + 1;
    let day = (seed / 97 % 28) + 1;
    Date::new(year as u16, month as u8, day as u8).expect("day ≤ 28 always exists")
}

/// A valid answer to `q`, chosen by `seed`.
fn valid_answer(q: Q, seed: u64, day: Date) -> Answer {
    match q.kind() {
        AnswerKind::YesNo => Answer::Bool(seed.is_multiple_of(2)),
        AnswerKind::Choice | AnswerKind::District => {
            let choices = options(q, day);
            Answer::Choice(choices[(seed as usize) % choices.len()].id.to_string())
        }
        AnswerKind::Count if q == Q::Age => Answer::Count((seed % 100) as u32),
        AnswerKind::Count if matches!(q, Q::SchoolYear | Q::LoanTermYears) => {
            Answer::Count(1 + (seed % 8) as u32)
        }
        AnswerKind::Count => Answer::Count((seed % 40) as u32),
        // A percentage the LPR question accepts: 0.01 to 20.00.
        AnswerKind::Money if q == Q::LoanLpr => {
            Answer::Money(Decimal::new(1 + (seed % 2000) as i64, 2))
        }
        // Up to 20000.00 元, within every money question's validation bound.
        AnswerKind::Money => Answer::Money(Decimal::new((seed % 2_000_001) as i64, 2)),
        // A loan contract from 2020 (the rules' first year), up to the evaluation date.
        AnswerKind::Date if q == Q::LoanContractDate => {
            Answer::Date(date_from(seed, 2020, 6).min(day))
        }
        // Past dates only: a date after the evaluation date is refused by validation.
        AnswerKind::Date => Answer::Date(date_from(seed, 2015, 12).min(day)),
        AnswerKind::Roster => Answer::Roster(roster(seed, 50)),
    }
}

/// One to three roster groups with terms derived from `seed`; counts below `max_count`.
fn roster(seed: u64, max_count: u64) -> Vec<HireGroup> {
    let identities = HireIdentity::ALL;
    (0..1 + seed % 3)
        .map(|i| {
            let s = seed.rotate_left(7 * i as u32 + 3);
            let mut group = HireGroup::new(
                identities[(s % identities.len() as u64) as usize],
                (s % max_count) as u32,
            );
            group.contract_months = Some((s / 3 % 40) as u32);
            group.full_time = Some(s.is_multiple_of(5));
            group.insured_months = Some((s / 11 % 30) as u32);
            group.still_insured = Some(!s.is_multiple_of(7));
            group.employer_contributions = Some(Decimal::new((s % 2_000_000) as i64, 2));
            group.placed_free = Some(!s.is_multiple_of(13));
            group.dispatched = Some(s.is_multiple_of(17));
            group.public_post = Some(s.is_multiple_of(19));
            group.monthly_hours = Some((s % 200) as u32);
            group.work_for_training_received = Some(s.is_multiple_of(23));
            group.post_kind = Some(if s.is_multiple_of(29) {
                rules_core::choices::PostKind::Rural
            } else {
                rules_core::choices::PostKind::Urban
            });
            group.subsidised_months = Some((s / 13 % 70) as u32);
            group.near_retirement = Some(s.is_multiple_of(31));
            group
        })
        .collect()
}

/// Any answer at all, including absurd and invalid ones.
fn wild_answer(q: Q, seed: u64, day: Date) -> Answer {
    match seed % 4 {
        0 => valid_answer(q, seed / 4, day),
        1 => Answer::Count((seed >> 8) as u32),
        2 => Answer::Money(Decimal::new(
            (seed as i64).wrapping_mul(-7),
            (seed % 29) as u32,
        )),
        _ => match q.kind() {
            AnswerKind::Date => Answer::Date(date_from(seed, 1900, 300)),
            AnswerKind::Choice | AnswerKind::District => Answer::Choice(format!("no-such-{seed}")),
            AnswerKind::Roster => Answer::Roster(roster(seed, u64::from(u32::MAX))),
            _ => Answer::Bool(seed.is_multiple_of(3)),
        },
    }
}

fn profile(seeds: &[u64], day: Date, answer: fn(Q, u64, Date) -> Answer) -> Facts {
    let mut facts = Facts::default();
    for (q, seed) in Q::ALL.iter().zip(seeds) {
        // Wrong-kind answers are refused by `set`; that is part of what is being tested.
        let _ = facts.set(*q, Some(&answer(*q, *seed, day)));
    }
    facts
}

/// JSON values of every shape, including ones of the wrong type for the key they land on.
fn json_value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|n| if n.is_finite() {
            n.to_string()
        } else {
            "1e999".into()
        }),
        "\"[0-9０-９./-]{0,12}\"",
        "\"[a-z-]{0,16}\"",
        Just("true".to_string()),
        Just("null".to_string()),
        Just("[{\"identity\": \"poverty\", \"count\": 4294967295}]".to_string()),
        Just("[{\"identity\": \"poverty\", \"count\": -1}]".to_string()),
        Just("{}".to_string()),
    ]
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000)
}

fn decided(status: Status) -> bool {
    status != Status::NeedsAnswers
}

/// The highest yearly share of a loan the treasury pays: 4 % under the pre-2024 rules, or half of
/// (the LPR + 0.5 %) from 2025, with the highest LPR in the table (3.85 %) or the one entered.
fn subsidised_rate(facts: &Facts) -> Decimal {
    let lpr = facts
        .loan_lpr
        .map(|percent| percent / Decimal::ONE_HUNDRED)
        .unwrap_or_default()
        .max(Decimal::new(385, 4));
    ((lpr + Decimal::new(5, 3)) / Decimal::TWO).max(Decimal::new(4, 2))
}

/// The largest value `parameter`'s dated table ever gives ([`rules_core::parameters::all`]).
fn most(parameter: &str) -> Decimal {
    let table = rules_core::parameters::all()
        .into_iter()
        .find(|p| p.id == parameter);
    assert!(table.is_some(), "no parameter {parameter}");
    table
        .into_iter()
        .flat_map(|p| p.values.iter().map(|dated| dated.value))
        .max()
        .unwrap_or_default()
}

/// The largest fixed sum a person or head is paid under `benefit` (its tables in 元/人, 元/户 or
/// 元/年), from [`rules_core::parameters::all`]; zero for a benefit without such a table.
fn most_paid(benefit: &str) -> Decimal {
    let tables: Vec<_> = rules_core::parameters::all()
        .into_iter()
        .filter(|p| p.benefits.contains(&benefit) && ["元/人", "元/户", "元/年"].contains(&p.unit))
        .collect();
    tables
        .iter()
        .flat_map(|p| p.values.iter().map(|dated| dated.value))
        .max()
        .unwrap_or_default()
}

/// The most any benefit can pay, from the dated tables (the figures are never restated here) and
/// the validation bounds; for roster benefits, per head of the roster.
fn cap(benefit: &str, facts: &Facts) -> Decimal {
    let yuan = Decimal::from;
    let heads: Decimal = facts
        .roster
        .iter()
        .flatten()
        .map(|g| Decimal::from(g.count))
        .sum();
    let audience = rules_core::catalogue::find(benefit).map(|e| e.audience);
    match benefit {
        // Real-name fares are paid as they are; validation refuses fares above 20000 元.
        "cross-region-transport-subsidy" => yuan(20_000),
        // 2/3 of at most 200000 元 of contributions (validation bound).
        "flexible-employment-social-insurance-subsidy" => yuan(133_333) + Decimal::new(34, 2),
        // The largest principal (alone, or partners together) × the highest subsidised rate (4 %
        // before 2024; from 2025 half of the LPR, as the contract may give it, plus 0.5 %) × 3 years.
        "startup-guaranteed-loan" => {
            let principal = if facts.loan_partners.unwrap_or(1) > 1 {
                most("startup-loan-cap-partnership-total")
            } else {
                most("startup-loan-cap-individual")
            };
            principal * subsidised_rate(facts) * yuan(3)
        }
        // The day's allowance × at most 30 days.
        "training-living-allowance" => most("training-living-allowance-per-day") * yuan(30),
        // The highest minimum wage × the key counties' share × 24 months.
        "unemployment-insurance-benefit" => {
            most("min-wage-tier1-monthly")
                * most("unemployment-benefit-share-key-counties")
                * yuan(24)
        }
        // The employer's own contributions, at most the validation bound a head.
        "employer-social-insurance-subsidy" => {
            Decimal::from(rules_core::roster::MAX_CONTRIBUTIONS) * heads
        }
        // The largest loan × the highest subsidised rate × 2 years.
        "enterprise-guaranteed-loan" => {
            most("enterprise-loan-cap") * subsidised_rate(facts) * yuan(2)
        }
        // A month's minimum wage, or at most the validation's hours × the hourly minimum wage.
        "public-welfare-post-subsidy" => {
            let hourly =
                most("min-wage-tier1-hourly") * Decimal::from(rules_core::roster::MAX_HOURS);
            hourly.max(most("min-wage-tier1-monthly")) * heads
        }
        "workshop-construction-grant" => most("workshop-construction-cap"),
        // No table: the award's tiers are the district's (优秀 10 万 the highest, workshops.rs).
        "workshop-employment-award" => yuan(100_000),
        // The one-off sum + the highest yearly award (30 万, prose in carriers.rs) + the national
        // demonstration's.
        "incubator-subsidy" => {
            most("incubator-one-off") + yuan(300_000) + most("incubator-national")
        }
        // Any other benefit pays at most its largest sum a person, or a head of the roster: a new
        // benefit with a table of sums needs no line here.
        _ if audience == Some(rules_core::Audience::Person) => most_paid(benefit),
        _ => most_paid(benefit) * heads,
    }
}

fn check_amounts(report: &Report, facts: &Facts) -> Result<(), TestCaseError> {
    for benefit in &report.benefits {
        let (amount, label) = match &benefit.estimate.value {
            Value::Amount { amount, .. } => (*amount, "amount"),
            Value::UpTo { max, .. } => (*max, "max"),
            _ => continue,
        };
        let cap = cap(benefit.entry.id, facts);
        prop_assert!(
            !amount.is_sign_negative(),
            "{}: negative {label} {amount}",
            benefit.entry.id
        );
        prop_assert!(
            amount <= cap,
            "{}: {label} {amount} above cap {cap}",
            benefit.entry.id
        );
    }
    Ok(())
}

fn amount_of(report: &Report, id: &str) -> Option<Decimal> {
    match report.benefit(id).map(|b| &b.estimate.value) {
        Some(Value::Amount { amount, .. }) => Some(*amount),
        _ => None,
    }
}

proptest! {
    // `cargo xtask fuzz` raises the count through PROPTEST_CASES.
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn any_json_text_is_refused_cleanly_or_evaluated(
        text in prop_oneof![
            any::<String>(),
            prop::collection::vec((0..Q::ALL.len(), json_value()), 0..10).prop_map(|pairs| {
                let body: Vec<String> = pairs
                    .iter()
                    .map(|(q, value)| format!("\"{}\": {value}", Q::ALL[*q].id()))
                    .collect();
                format!("{{{}}}", body.join(", "))
            }),
        ],
        day_seed in any::<u64>(),
    ) {
        // The saved-state and CLI decoders are serde_json over `Facts`: a bad document is an error
        // value, never a panic, and whatever decodes evaluates.
        if let Ok(facts) = serde_json::from_str::<Facts>(&text) {
            let _ = facts.check_version();
            let report = evaluate(&facts, date_from(day_seed, 1990, 60));
            check_amounts(&report, &facts)?;
        }
    }

    #[test]
    fn never_panics_and_amounts_stay_within_caps(
        seeds in prop::collection::vec(any::<u64>(), Q::ALL.len()),
        keep in prop::collection::vec(any::<bool>(), Q::ALL.len()),
        day_seed in any::<u64>(),
    ) {
        let as_of = date_from(day_seed, 1990, 60);
        let mut facts = profile(&seeds, as_of, wild_answer);
        for (q, kept) in Q::ALL.iter().zip(&keep) {
            if !kept {
                facts.set(*q, None).expect("clearing always works");
            }
        }
        let report = evaluate(&facts, as_of);
        prop_assert_eq!(report.benefits.len(), rules_core::benefits().count());
        check_amounts(&report, &facts)?;
    }

    #[test]
    fn the_brief_evaluation_decides_like_the_full_one(
        seeds in prop::collection::vec(any::<u64>(), Q::ALL.len()),
        keep in prop::collection::vec(any::<bool>(), Q::ALL.len()),
        wild in any::<bool>(),
        day_seed in any::<u64>(),
    ) {
        // `evaluate_brief` (the CLI's --summary) runs the same rules without writing their words:
        // everything but the texts must be what `evaluate` gives, for every audience, with unknowns.
        let as_of = date_from(day_seed, 2019, 10);
        let answer = if wild { wild_answer } else { valid_answer };
        let mut facts = profile(&seeds, as_of, answer);
        for (q, kept) in Q::ALL.iter().zip(&keep) {
            if !kept {
                facts.set(*q, None).expect("clearing always works");
            }
        }
        let full = evaluate(&facts, as_of);
        let brief = rules_core::evaluate_brief(&facts, as_of);
        prop_assert_eq!(&brief.findings, &full.findings);
        prop_assert_eq!(brief.as_of, full.as_of);
        prop_assert_eq!(brief.notice_ended, full.notice_ended);
        prop_assert_eq!(brief.benefits.len(), full.benefits.len());
        for (b, f) in brief.benefits.iter().zip(&full.benefits) {
            prop_assert_eq!(b.entry.id, f.entry.id);
            prop_assert_eq!(b.status, f.status, "{}", f.entry.id);
            prop_assert_eq!(b.standing, f.standing);
            prop_assert_eq!(b.status_on_last_day, f.status_on_last_day);
            prop_assert_eq!(b.rules_on, f.rules_on);
            prop_assert_eq!(&b.estimate.value, &f.estimate.value, "{}", f.entry.id);
            prop_assert_eq!(&b.estimate.refine, &f.estimate.refine);
            prop_assert_eq!(b.estimate.confidence, f.estimate.confidence);
            prop_assert_eq!(&b.estimate.sources, &f.estimate.sources);
            prop_assert_eq!(b.open_questions(), f.open_questions(), "{}", f.entry.id);
            let conditions = |r: &rules_core::BenefitReport| -> Vec<_> {
                r.conditions.iter().map(|c| (c.id, c.outcome, c.asks.clone())).collect()
            };
            prop_assert_eq!(conditions(b), conditions(f), "{}", f.entry.id);
            let lines = |r: &rules_core::BenefitReport| -> Vec<_> {
                r.estimate
                    .breakdown
                    .iter()
                    .map(|l| (l.row, l.heads, l.qualifying, l.per_head, l.subtotal, l.missing))
                    .collect()
            };
            prop_assert_eq!(lines(b), lines(f), "{}", f.entry.id);
        }
    }

    #[test]
    fn the_person_evaluator_agrees_with_the_full_one(
        seeds in prop::collection::vec(any::<u64>(), Q::ALL.len()),
        day_seed in any::<u64>(),
    ) {
        let as_of = date_from(day_seed, 2019, 10);
        let mut facts = profile(&seeds, as_of, wild_answer);
        facts.audience = Some(rules_core::Audience::Person);
        let full = evaluate(&facts, as_of);
        let person = rules_core::evaluate_person(&facts, as_of);
        let persons: Vec<_> = full
            .benefits
            .iter()
            .filter(|b| {
                rules_core::catalogue::find(b.entry.id).map(|e| e.audience)
                    == Some(rules_core::Audience::Person)
            })
            .cloned()
            .collect();
        prop_assert_eq!(&person.benefits, &persons);
        prop_assert_eq!(&person.next_questions, &full.next_questions);
        prop_assert_eq!(&person.findings, &full.findings);
    }

    #[test]
    fn adding_a_hire_never_lowers_a_total(
        seed in any::<u64>(),
        kind_seed in any::<u64>(),
        row in 0usize..3,
        day_seed in any::<u64>(),
    ) {
        let as_of = date_from(day_seed, 2021, 6);
        let kinds = rules_core::choices::OrgKind::ALL;
        let mut facts = Facts {
            org_kind: Some(kinds[(kind_seed % kinds.len() as u64) as usize]),
            org_district: Some(rules_core::facts::DistrictId("chengkou".into())),
            agency_licensed: Some(true),
            roster: Some(roster(seed, 50)),
            ..Facts::default()
        };
        facts.audience = facts.org_kind.map(|k| k.audience());
        let before = evaluate(&facts, as_of);
        if let Some(groups) = facts.roster.as_mut() {
            let index = row % groups.len();
            groups[index].count += 1;
        }
        let after = evaluate(&facts, as_of);
        for id in ["hiring-subsidy", "employer-social-insurance-subsidy", "placement-subsidy", "public-welfare-post-subsidy"] {
            if let (Some(old), Some(new)) = (amount_of(&before, id), amount_of(&after, id)) {
                prop_assert!(new >= old, "{id}: {old} → {new} after adding a hire");
            }
        }
        check_amounts(&after, &facts)?;
    }

    #[test]
    fn answering_never_undecides(
        seeds in prop::collection::vec(any::<u64>(), Q::ALL.len()),
        keep in prop::collection::vec(any::<bool>(), Q::ALL.len()),
        extra in 0usize..1000,
        day_seed in any::<u64>(),
    ) {
        let as_of = date_from(day_seed, 2021, 6);
        let full = profile(&seeds, as_of, valid_answer);
        let mut partial = full.clone();
        let mut missing = Vec::new();
        for (q, kept) in Q::ALL.iter().zip(&keep) {
            if !kept {
                partial.set(*q, None).expect("clearing always works");
                missing.push(*q);
            }
        }
        prop_assume!(!missing.is_empty());
        let q = missing[extra % missing.len()];
        let mut more = partial.clone();
        more.set(q, full.get(q).as_ref()).expect("copying a valid answer");
        let before = evaluate(&partial, as_of);
        let after = evaluate(&more, as_of);
        for (b, a) in before.benefits.iter().zip(&after.benefits) {
            if decided(b.status) {
                prop_assert!(decided(a.status), "{} undecided after answering {}", b.entry.id, q.id());
                // Refining is fine (e.g. not eligible → not for this audience); flipping is not.
                let flipped = matches!(
                    (b.status, a.status),
                    (Status::Eligible, Status::NotEligible) | (Status::NotEligible, Status::Eligible)
                );
                prop_assert!(!flipped, "{} flipped {:?} → {:?} after answering {}", b.entry.id, b.status, a.status, q.id());
            }
        }
    }

    #[test]
    fn following_next_questions_decides_like_knowing_everything(
        seeds in prop::collection::vec(any::<u64>(), Q::ALL.len()),
        day_seed in any::<u64>(),
    ) {
        let as_of = date_from(day_seed, 2021, 6);
        let mut everything = profile(&seeds, as_of, valid_answer);
        everything.audience = Some(rules_core::Audience::Person);
        let target = evaluate(&everything, as_of);
        let mut answers = Facts { audience: Some(rules_core::Audience::Person), ..Facts::default() };
        let mut asked = 0;
        loop {
            let report = evaluate(&answers, as_of);
            let Some(next) = report.next_questions.first() else {
                for (got, want) in report.benefits.iter().zip(&target.benefits) {
                    prop_assert_eq!(got.status, want.status, "{} after {} questions", got.entry.id, asked);
                }
                break;
            };
            prop_assert!(!answers.is_answered(next.id), "asked {} twice", next.id.id());
            answers.set(next.id, everything.get(next.id).as_ref()).expect("valid answer");
            asked += 1;
            prop_assert!(asked <= Q::ALL.len(), "questionnaire does not end");
        }
    }
}
