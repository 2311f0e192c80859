//! `cargo bench -p rules-core --bench evaluate`: full evaluations per second for a typical and a
//! fully-answered profile, brief ones (`evaluate_brief`, as for `--summary`) for the typical, and how
//! many questions the questionnaire asks. Fails when one evaluation
//! takes longer than the budget (DESIGN.md §5: well under 1 ms natively).

use rules_core::{evaluate, evaluate_brief, Audience, Date, Facts, Report};
use std::hint::black_box;
use std::time::{Duration, Instant};

const BUDGET: Duration = Duration::from_millis(1);

fn typical() -> Facts {
    serde_json::from_str(
        r#"{"audience":"person","poverty-status":"alleviated","hukou-chongqing":true,"hukou-district":"wanzhou",
            "age":42,"activity":"employee","work-place":"other-province","work-since":"2025-02-01"}"#,
    )
    .expect("typical profile")
}

fn full() -> Facts {
    serde_json::from_str(
        r#"{"audience":"person","poverty-status":"alleviated","hukou-chongqing":true,"hukou-district":"chengkou",
        "age":45,"activity":"own-business","sex":"female","labour-capacity":"full","work-place":"other-district",
        "work-since":"2024-01-01","job-search-received":false,"transport-received":false,"has-tickets":true,
        "ticket-fare":"260","organised-transfer":false,"dibao":true,"tekun":false,"zero-employment-family":false,
        "disabled":false,"family-disabled":false,"relocated":true,"veteran":false,"registered-unemployed":false,
        "unemployed-since":"2023-01-01","school-level":"other","full-time-study":false,"school-year":1,
        "school-in-chongqing":true,"final-year":false,"graduated-on":"2000-07-01","student-loan":false,
        "cq-tuition-aid":false,"flexible-insured":true,"flexible-contributions":"8000","flexible-subsidy-years":1,
        "training-kind":"skills","training-days":20,"training-certificate":true,"training-subsidised":false,
        "receiving-ui":false,"business-kind":"individual","business-since":"2023-06-01","first-business":true,
        "business-employees":3,"unemployed-before-start":true,"startup-subsidy-received":false,
        "business-in-chongqing":true,"loan-amount":"300000","loan-term-years":3,"other-loans":false,
        "bad-credit":false,"ui-years":5,"involuntary-unemployment":false,"insured-district":"chengkou",
        "family-on-post":false,"looking-for-work":true}"#,
    )
    .expect("full profile")
}

fn per_second(facts: &Facts, as_of: Date, evaluate: fn(&Facts, Date) -> Report) -> (f64, Duration) {
    // Warm up, then time enough runs for a stable figure.
    for _ in 0..200 {
        black_box(evaluate(black_box(facts), as_of));
    }
    let runs = 20_000u32;
    let start = Instant::now();
    for _ in 0..runs {
        black_box(evaluate(black_box(facts), as_of));
    }
    let elapsed = start.elapsed();
    (f64::from(runs) / elapsed.as_secs_f64(), elapsed / runs)
}

/// Questions asked when the person knows every answer of `facts` and follows `next_questions`.
fn questions_asked(facts: &Facts, as_of: Date) -> usize {
    let mut answers = Facts {
        audience: Some(Audience::Person),
        ..Facts::default()
    };
    let mut asked = 0;
    while let Some(next) = evaluate(&answers, as_of)
        .next_questions
        .first()
        .map(|q| q.id)
    {
        let answer = facts.get(next);
        if answer.is_none() || asked > 100 {
            break;
        }
        let _ = answers.set(next, answer.as_ref());
        asked += 1;
    }
    asked
}

fn main() {
    let as_of = Date::ymd(2025, 6, 1);
    let mut over_budget = false;
    for (name, facts) in [("typical", typical()), ("full", full())] {
        let (rate, each) = per_second(&facts, as_of, evaluate);
        println!(
            "bench evaluate/{name}: {rate:.0} evaluations/s, {:.1} µs each (budget {} µs)",
            each.as_secs_f64() * 1e6,
            BUDGET.as_micros()
        );
        over_budget |= each > BUDGET;
    }
    // `evaluate --summary`'s evaluation: the same rules without their words.
    let (rate, each) = per_second(&typical(), as_of, evaluate_brief);
    println!(
        "bench evaluate-brief/typical: {rate:.0} evaluations/s, {:.1} µs each (the rules without their words, as for --summary)",
        each.as_secs_f64() * 1e6
    );
    // "还剩约 M 题" on the residents' page: the rest of the questionnaire simulated after each answer,
    // for a person who has answered only that she is a person (the longest simulation).
    let fresh = Facts {
        audience: Some(Audience::Person),
        ..Facts::default()
    };
    let runs = 200u32;
    let start = Instant::now();
    let mut left = 0;
    for _ in 0..runs {
        left = rules_core::evaluate::questions_left(
            black_box(&fresh),
            as_of,
            |_| false,
            rules_core::evaluate::asks_person,
        );
    }
    let each = start.elapsed() / runs;
    println!(
        "bench questions-left/fresh-person: {:.2} ms each ({left} questions estimated; once per answer, on the question screen)",
        each.as_secs_f64() * 1e3
    );
    let full = full();
    println!(
        "bench questionnaire/full: {} questions to decide all {} benefits (of {} possible questions)",
        questions_asked(&full, as_of),
        rules_core::benefits().count(),
        rules_core::Q::ALL.len()
    );
    if over_budget {
        eprintln!(
            "bench: an evaluation took longer than the {} ms budget",
            BUDGET.as_millis()
        );
        std::process::exit(1);
    }
}
