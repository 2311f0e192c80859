//! The organisation estimator (enterprises and workshops, HR agencies and labour brokers, incubators
//! and other carriers): the organisation's kind and district first, then only what its benefits
//! need, one question per screen as rules-core's next questions order them; the roster of hires as
//! one question with its own editor; then the estimate per benefit and per group, the totals, the
//! loan panel, and the print and CSV exports.
//!
//! The organisation's answers are a `Session` of their own (the person's stays untouched), kept on
//! the phone per audience (`store`). The screens run inside a copy of [`AppState`] whose session and
//! report are the organisation's, so the person flow's question card and progress line work as they
//! are.

pub mod action;
pub mod estimate;
pub mod export;
pub mod flow;
pub mod results;
pub mod roster;
pub mod store;
pub mod table;

use crate::route::{org_hash as hash, OrgStep, Route};
use crate::session::Session;
use crate::state::{judged, AppState};
use crate::ui::question::{Progress, QuestionCard, QUESTION_HEADING_ID};
use flow::{current_question, roster_fields};
use leptos::prelude::*;
use roster::{Roster, RosterEditor};
use rules_core::evaluate::Report;
use rules_core::questions::Question;
use rules_core::{evaluate, Answer, Audience, Q};

/// Sets up the organisation's session and report (from the phone, or fresh) and provides the
/// [`AppState`] copy the screens run in. Returns it, for tests.
pub fn provide_org_state(audience: Audience) -> AppState {
    let outer = expect_context::<AppState>();
    let initial = match store::load(audience) {
        Ok(Some(session)) => session,
        Ok(None) => store::fresh(audience),
        Err(message) => {
            outer.notice.set(Some(message));
            store::fresh(audience)
        }
    };
    let state = org_state(outer, initial);
    // Keep the answers on the phone as they change.
    Effect::new(move |_| {
        state.session.with(|session| {
            if !session.is_empty() {
                store::save(audience, session);
            }
        })
    });
    provide_context(state);
    state
}

/// A copy of `outer` whose session is `session` and whose report and judgement evaluate it (same
/// date, route, settings).
pub fn org_state(outer: AppState, session: Session) -> AppState {
    let session = RwSignal::new(session);
    let as_of = outer.as_of;
    // A new report always counts as a change, as in the person's state (comparing costs code).
    let report: Memo<Report> = Memo::new_with_compare(
        move |_| session.with(|s| evaluate(&s.facts, as_of.get())),
        |_, _| true,
    );
    AppState {
        session,
        report,
        judgement: judged(report, session, rules_core::evaluate::asks),
        ..outer
    }
}

/// `#/employer/estimate`, `#/agency/results` …: the estimator for one organisation audience.
#[component]
pub fn OrgEstimator(audience: Audience) -> impl IntoView {
    let state = provide_org_state(audience);
    let step = Memo::new(move |_| match state.route.get() {
        Route::Org(_, step) => step,
        _ => OrgStep::Questions,
    });
    view! {
        <div class="org" data-audience=audience.id()>
            // On the results the title says it, and what to do comes first.
            {move || (step.get() != OrgStep::Results).then(|| view! {
                <p class="org-who">{format!("单位补贴测算 · {}", audience.label())}</p>
            })}
            {move || match step.get() {
                OrgStep::Questions => view! { <OrgQuestions audience=audience/> }.into_any(),
                OrgStep::Results => view! { <results::OrgResults audience=audience/> }.into_any(),
                OrgStep::Checklist => view! { <crate::ui::checklist::ChecklistPage/> }.into_any(),
            }}
        </div>
    }
}

/// One question per screen: the kind, the district, then what the benefits need.
#[component]
pub fn OrgQuestions(audience: Audience) -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = Memo::new(move |_| {
        state
            .report
            .with(|r| state.session.with(|s| current_question(s, r, audience)))
    });
    Effect::new(move |_| {
        if current.with(Option::is_none)
            && state.route.get_untracked() == Route::Org(audience, OrgStep::Questions)
        {
            state.redirect(Route::Org(audience, OrgStep::Results));
        }
    });
    Effect::new(move |_| {
        current.track();
        crate::dom::focus_later(QUESTION_HEADING_ID);
    });
    let back = move |_| {
        let mut moved = false;
        state.session.update(|s| moved = s.back());
        if !moved {
            state.go(Route::Landing(Some(audience)));
        }
    };
    view! {
        <section class="questionnaire" aria-labelledby=QUESTION_HEADING_ID>
            <Progress/>
            {move || current.get().map(|question| {
                if question.id == Q::Roster {
                    view! { <RosterQuestion question=question audience=audience/> }.into_any()
                } else {
                    view! { <QuestionCard question=question/> }.into_any()
                }
            })}
            <div class="q-nav no-print">
                <button type="button" class="secondary" id="q-back" on:click=back>"上一题"</button>
                <a class="button secondary" id="q-to-results" href=hash(audience, OrgStep::Results)>
                    "查看目前测算结果"
                </a>
            </div>
        </section>
    }
}

/// The roster as one question: the editor, 确定 and 不清楚.
#[component]
fn RosterQuestion(question: Question, audience: Audience) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (groups, fields) = state.session.with_untracked(|s| {
        (
            s.facts.roster.clone().unwrap_or_default(),
            roster_fields(audience, s, state.as_of.get_untracked()),
        )
    });
    let roster = Roster::new(&groups);
    if groups.is_empty() {
        roster.add();
    }
    let error = RwSignal::new(None::<String>);
    let confirm = move |_| {
        if roster.rows_with_errors() > 0 {
            error.set(Some("请先改正红字提示的内容".to_string()));
            return;
        }
        let groups = roster.groups();
        if groups.is_empty() {
            error.set(Some("请至少填写一组人员，或选“不清楚”".to_string()));
            return;
        }
        error.set(None);
        let mut refused = None;
        state.session.update(|s| {
            refused = s.answer(Q::Roster, &Answer::Roster(groups)).err();
        });
        error.set(refused);
    };
    let skip = move |_| state.session.update(|s| s.skip(Q::Roster));
    view! {
        <div class="question" id="question" data-question=question.id.id() data-kind="Roster">
            <h2 id=QUESTION_HEADING_ID tabindex="-1">{question.text}</h2>
            <p class="help" id="q-help">{question.help}</p>
            <RosterEditor roster=roster fields=fields/>
            <p class="error" id="q-error" role="alert">{move || error.get()}</p>
            <button type="button" class="primary" id="q-confirm" on:click=confirm>"确定，下一步"</button>
            <button type="button" class="answer unknown" data-answer="unknown" id="q-unknown" on:click=skip>
                "不清楚"
                <span class="answer-hint">"先跳过名单，结果中会提示还需填写什么"</span>
            </button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route::route_from;
    use rules_core::choices::OrgKind;
    use rules_core::Date;

    #[test]
    fn routes_name_the_audience_and_step() {
        for audience in [Audience::Employer, Audience::Agency, Audience::Carrier] {
            for step in [OrgStep::Questions, OrgStep::Results, OrgStep::Checklist] {
                let h = hash(audience, step);
                let mut parts = h.trim_start_matches("#/").split('/');
                let first = parts.next().unwrap_or_default();
                let second = parts.next().unwrap_or_default();
                assert_eq!(
                    route_from(Audience::from_id(first), second, parts.next()),
                    Some(Route::Org(audience, step))
                );
            }
        }
        assert_eq!(route_from(Some(Audience::Person), "estimate", None), None);
        assert_eq!(route_from(Some(Audience::Employer), "q", None), None);
        assert_eq!(
            route_from(Some(Audience::Employer), "results", Some("x")),
            None
        );
        assert_eq!(route_from(None, "results", None), None);
    }

    #[test]
    fn kind_and_district_come_first_then_the_rules_and_the_roster_once() {
        let day = Date::ymd(2025, 7, 1);
        let mut s = store::fresh(Audience::Agency);
        let q = current_question(&s, &evaluate(&s.facts, day), Audience::Agency).expect("kind");
        assert_eq!(q.id, Q::OrgKind);
        assert!(q
            .options
            .iter()
            .all(|o| OrgKind::from_id(o.id).is_some_and(|k| k.audience() == Audience::Agency)));
        assert!(!q.options.is_empty());
        s.answer(Q::OrgKind, &Answer::Choice("hr-agency".into()))
            .expect("kind");
        let q = current_question(&s, &evaluate(&s.facts, day), Audience::Agency).expect("district");
        assert_eq!(q.id, Q::OrgDistrict);
        s.skip(Q::OrgDistrict);
        let mut seen = Vec::new();
        for _ in 0..20 {
            let Some(q) = current_question(&s, &evaluate(&s.facts, day), Audience::Agency) else {
                break;
            };
            assert!(!seen.contains(&q.id), "{:?} asked twice", q.id);
            seen.push(q.id);
            if q.id == Q::Roster {
                // A row without terms: the rules still want them, but the roster is not asked again.
                let group = rules_core::roster::HireGroup::new(
                    rules_core::choices::HireIdentity::Poverty,
                    2,
                );
                s.answer(Q::Roster, &Answer::Roster(vec![group]))
                    .expect("roster");
            } else if q.kind == rules_core::facts::AnswerKind::YesNo {
                s.answer(q.id, &Answer::Bool(true)).expect("yes");
            } else {
                s.skip(q.id);
            }
        }
        assert!(seen.contains(&Q::Roster), "{seen:?}");
    }
}
