//! The organisation estimator's roster editor and estimate table, mounted in a real (headless)
//! browser. Expected figures come from rules-core itself.
#![cfg(target_arch = "wasm32")]

use app::org::estimate::totals;
use app::org::results::{EstimateTable, OrgResults, OrgTotals};
use app::org::roster::{Fields, Roster, RosterEditor};
use app::org::{org_state, store};
use app::session::Session;
use app::state::AppState;
use leptos::prelude::*;
use rules_core::input::parse_count;
use rules_core::money::format_yuan;
use rules_core::{evaluate, Audience, Date, Facts, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::{count, find, host, text};

wasm_bindgen_test_configure!(run_in_browser);

const DAY: Date = Date::ymd(2025, 7, 1);

async fn type_into(root: &web_sys::Element, selector: &str, typed: &str) {
    let input: web_sys::HtmlInputElement = find(root, selector).unchecked_into();
    input.set_value(typed);
    input
        .dispatch_event(&web_sys::Event::new("input").expect("event"))
        .expect("dispatch");
    leptos::task::tick().await;
}

async fn choose(root: &web_sys::Element, selector: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = find(root, selector).unchecked_into();
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").expect("event"))
        .expect("dispatch");
    leptos::task::tick().await;
}

/// The README's organisation example (also the basis of tests/golden/organisations/hiring-subsidy.json).
fn enterprise() -> Facts {
    let json = include_str!("../../tests/examples/enterprise.json");
    serde_json::from_str(json).expect("valid facts")
}

fn employer_state(facts: Facts) -> AppState {
    let outer = AppState::new(DAY, DAY);
    org_state(
        outer,
        Session {
            facts,
            ..store::fresh(Audience::Employer)
        },
    )
}

#[wasm_bindgen_test]
async fn roster_editor_adds_edits_removes_and_explains_bad_numbers() {
    let roster = Roster::new(&[]);
    let fields = Fields::for_org(
        Audience::Employer,
        Some(rules_core::choices::OrgKind::Enterprise),
        rules_core::Date::ymd(2025, 6, 1),
    );
    let host = host();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <RosterEditor roster=roster fields=fields/> }
    });
    assert_eq!(count(&host, "fieldset.roster-row"), 0);
    assert_eq!(text(&host, "#roster-totals"), "共 0 组，0 人");

    find(&host, "#roster-add").click();
    leptos::task::tick().await;
    find(&host, "#roster-add").click();
    leptos::task::tick().await;
    assert_eq!(count(&host, "fieldset.roster-row"), 2);
    assert_eq!(text(&host, "#roster-1-legend"), "第 1 组");
    assert_eq!(text(&host, "#roster-2-legend"), "第 2 组");
    assert_eq!(text(&host, "#roster-totals"), "共 2 组，2 人");
    // An employer's row asks for the contract, insurance and contributions, not agency terms.
    assert_eq!(count(&host, "#roster-1-contract"), 1);
    assert_eq!(count(&host, "#roster-1-contrib"), 1);
    assert_eq!(count(&host, "#roster-1-dispatched"), 0);

    // Bad input: rules-core's message beside the box, the row left out of the totals.
    type_into(&host, "#roster-1-count", "abc").await;
    let expected = parse_count("abc").expect_err("abc is not a number");
    assert_eq!(text(&host, "#roster-1-count-error"), expected);
    assert_eq!(
        find(&host, "#roster-1-count").get_attribute("aria-invalid"),
        Some("true".into())
    );
    assert_eq!(
        text(&host, "#roster-totals"),
        "共 1 组，1 人（1 行有填写问题，见红字提示）"
    );

    // Full-width digits are understood; totals follow as you type.
    type_into(&host, "#roster-1-count", "１２").await;
    assert_eq!(text(&host, "#roster-1-count-error"), "");
    assert_eq!(
        find(&host, "#roster-1-count").get_attribute("aria-invalid"),
        Some("false".into())
    );
    assert_eq!(text(&host, "#roster-totals"), "共 2 组，13 人");
    type_into(&host, "#roster-1-contract", "２４ 个月").await;
    type_into(&host, "#roster-1-contrib", "9,000.5").await;
    choose(&host, "#roster-1-still", "yes").await;
    choose(&host, "#roster-2-identity", "graduate").await;
    let groups = roster.groups();
    assert_eq!(groups[0].count, 12);
    assert_eq!(groups[0].contract_months, Some(24));
    assert_eq!(groups[0].still_insured, Some(true));
    assert_eq!(
        groups[0].employer_contributions.map(format_yuan).as_deref(),
        Some("9000.5")
    );
    assert_eq!(groups[1].identity.id(), "graduate");

    // Remove the first row: the second becomes 第 1 组 and keeps its answers.
    find(&host, "#roster-1-remove").click();
    leptos::task::tick().await;
    assert_eq!(count(&host, "fieldset.roster-row"), 1);
    assert_eq!(text(&host, "#roster-2-legend"), "第 1 组");
    assert_eq!(text(&host, "#roster-totals"), "共 1 组，1 人");
    assert_eq!(roster.groups()[0].identity.id(), "graduate");
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn estimate_table_and_totals_show_rules_core_figures() {
    let facts = enterprise();
    let report = evaluate(&facts, DAY);
    let state = employer_state(facts);
    let host = host();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(state);
        view! { <OrgTotals audience=Audience::Employer/><EstimateTable audience=Audience::Employer/> }
    });

    let hiring = report.benefit("hiring-subsidy").expect("hiring subsidy");
    let block = format!("[data-benefit={}]", hiring.entry.id);
    for line in &hiring.estimate.breakdown {
        let row = format!("{block} tr[data-row='{}']:not(.still-needed)", line.row);
        assert_eq!(
            text(&host, &format!("{row} td.subtotal")),
            format_yuan(line.subtotal)
        );
        if !line.still_needed.is_empty() {
            let needed = text(
                &host,
                &format!("{block} tr.still-needed[data-row='{}']", line.row),
            );
            assert!(needed.contains(&line.still_needed), "{needed}");
        }
    }
    let Value::Amount { amount, .. } = hiring.estimate.value else {
        panic!("an amount")
    };
    assert!(text(&host, &format!("{block} .org-headline")).contains(&format_yuan(amount)));

    // One total per unit; each equals rules-core's figures, none mixes units.
    let expected = totals(&report, Audience::Employer);
    assert_eq!(count(&host, ".total-row"), expected.totals.len() as u32);
    assert_eq!(expected.totals.len(), 2);
    for total in &expected.totals {
        let row = find(
            &host,
            &format!(".total-row[data-unit='{}']", total.unit.label()),
        );
        assert_eq!(
            row.get_attribute("data-amount"),
            Some(rules_core::money::format_yuan(total.amount))
        );
        assert!(row.text_content().unwrap_or_default().contains("预估"));
    }
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn editing_the_roster_on_the_results_updates_the_estimate() {
    let facts = enterprise();
    let state = employer_state(facts);
    let host = host();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(state);
        view! { <OrgResults audience=Audience::Employer/> }
    });
    leptos::task::tick().await;
    // The second group (2 people, 10 months) now has paid 12 months.
    type_into(&host, "#roster-2-insured", "１２").await;
    leptos::task::tick().await;
    let facts = state.session.with_untracked(|s| s.facts.clone());
    assert_eq!(
        facts.roster.as_ref().map(|r| r[1].insured_months),
        Some(Some(12))
    );
    let report = evaluate(&facts, DAY);
    let expected = totals(&report, Audience::Employer);
    let one_off = find(&host, ".total-row[data-unit='元']");
    assert_eq!(
        one_off.get_attribute("data-amount"),
        Some(rules_core::money::format_yuan(expected.totals[0].amount))
    );
    assert_eq!(
        rules_core::money::format_yuan(expected.totals[0].amount),
        "42000"
    );
    // Bad input in the results' roster: rules-core's message; that term becomes unknown.
    type_into(&host, "#roster-2-insured", "abc").await;
    assert!(text(&host, "#roster-2-insured-error").contains("abc"));
    drop(handle);
    host.remove();
}
