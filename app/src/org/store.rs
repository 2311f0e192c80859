//! The organisation's answers on the phone: one localStorage key per audience, holding
//! `{"v":1,"facts":{…the JSON serde writes for rules-core Facts, roster included…},"skipped":[ids],"history":[ids]}`,
//! written and read with the app's small JSON module (crate::json). Damaged or foreign data is
//! removed with a sentence for the user; storage failures only lose the saved copy.

use crate::json::{self, quote, Json};
use crate::session::{Session, Version, SAVE_VERSION};
use crate::storage;
use rules_core::choices::{HireIdentity, PostKind};
use rules_core::facts::{AnswerKind, FACTS_VERSION, SAVED_BY_NEWER_VERSION};
use rules_core::input::{parse_count, parse_money};
use rules_core::money::format_yuan;
use rules_core::roster::HireGroup;
use rules_core::{Answer, Audience, Facts, Q};

/// Where an organisation audience's answers are kept (the key is storage's).
pub fn key(audience: Audience) -> String {
    storage::org_key(audience)
}

/// A fresh session for an organisation audience.
pub fn fresh(audience: Audience) -> Session {
    Session {
        facts: Facts {
            audience: Some(audience),
            ..Facts::default()
        },
        ..Session::default()
    }
}

/// What was found: a session, nothing, or a sentence saying saved data was unreadable and removed.
pub fn load(audience: Audience) -> Result<Option<Session>, String> {
    let Some(text) = storage::get(&key(audience)) else {
        return Ok(None);
    };
    match from_json(&text, audience) {
        Ok(session) => Ok(Some(session)),
        Err(message) => {
            storage::remove(&key(audience));
            Err(message)
        }
    }
}

pub fn save(audience: Audience, session: &Session) {
    let _ = storage::set(&key(audience), &to_json(session));
}

/// Forgets one organisation's answers, and its checklist's ticks and picks.
pub fn clear(audience: Audience) {
    storage::remove(&key(audience));
    storage::remove(&storage::checklist_key(audience));
}

fn group_json(g: &HireGroup) -> String {
    let mut fields = vec![
        format!("\"identity\":{}", quote(g.identity.id())),
        format!("\"count\":{}", g.count),
    ];
    let mut number = |key: &str, n: Option<u32>| {
        if let Some(n) = n {
            fields.push(format!("{}:{n}", quote(key)));
        }
    };
    number("contract-months", g.contract_months);
    number("insured-months", g.insured_months);
    number("monthly-hours", g.monthly_hours);
    number("subsidised-months", g.subsidised_months);
    if let Some(kind) = g.post_kind {
        fields.push(format!("\"post-kind\":{}", quote(kind.id())));
    }
    for (key, value) in [
        ("full-time", g.full_time),
        ("still-insured", g.still_insured),
        ("placed-free", g.placed_free),
        ("dispatched", g.dispatched),
        ("public-post", g.public_post),
        ("work-for-training-received", g.work_for_training_received),
        ("near-retirement", g.near_retirement),
        ("chongqing-hukou", g.chongqing_hukou),
    ] {
        if let Some(b) = value {
            fields.push(format!("{}:{b}", quote(key)));
        }
    }
    if let Some(money) = g.employer_contributions {
        fields.push(format!(
            "\"employer-contributions\":{}",
            quote(&format_yuan(money))
        ));
    }
    format!("{{{}}}", fields.join(","))
}

pub fn to_json(session: &Session) -> String {
    let facts: Vec<String> = std::iter::once(format!("\"version\":{}", session.facts.version))
        .chain(Q::ALL.iter().filter_map(|q| {
            let value = match session.facts.get(*q)? {
                Answer::Bool(b) => b.to_string(),
                Answer::Choice(id) => quote(&id),
                Answer::Count(n) => n.to_string(),
                Answer::Money(amount) => quote(&amount.to_string()),
                Answer::Date(date) => quote(&date.to_string()),
                Answer::Roster(groups) => format!(
                    "[{}]",
                    groups.iter().map(group_json).collect::<Vec<_>>().join(",")
                ),
            };
            Some(format!("{}:{value}", quote(q.id())))
        }))
        .collect();
    let ids = |qs: &mut dyn Iterator<Item = &Q>| qs.map(|q| quote(q.id())).collect::<Vec<_>>();
    format!(
        "{{\"v\":{},\"facts\":{{{}}},\"skipped\":[{}],\"history\":[{}]}}",
        SAVE_VERSION,
        facts.join(","),
        ids(&mut session.skipped.iter()).join(","),
        ids(&mut session.history.iter()).join(","),
    )
}

fn read_group(value: &Json) -> Option<HireGroup> {
    let Json::Object(fields) = value else {
        return None;
    };
    let identity = match value.get("identity")? {
        Json::String(id) => HireIdentity::from_id(id)?,
        _ => return None,
    };
    let count = match value.get("count")? {
        Json::Number(n) => parse_count(n).ok()?,
        _ => return None,
    };
    let mut g = HireGroup::new(identity, count);
    for (key, v) in fields {
        match (key.as_str(), v) {
            ("identity" | "count", _) => {}
            ("contract-months", Json::Number(n)) => g.contract_months = parse_count(n).ok(),
            ("insured-months", Json::Number(n)) => g.insured_months = parse_count(n).ok(),
            ("monthly-hours", Json::Number(n)) => g.monthly_hours = parse_count(n).ok(),
            ("subsidised-months", Json::Number(n)) => g.subsidised_months = parse_count(n).ok(),
            ("post-kind", Json::String(id)) => g.post_kind = Some(PostKind::from_id(id)?),
            ("near-retirement", Json::Bool(b)) => g.near_retirement = Some(*b),
            ("chongqing-hukou", Json::Bool(b)) => g.chongqing_hukou = Some(*b),
            ("full-time", Json::Bool(b)) => g.full_time = Some(*b),
            ("still-insured", Json::Bool(b)) => g.still_insured = Some(*b),
            ("placed-free", Json::Bool(b)) => g.placed_free = Some(*b),
            ("dispatched", Json::Bool(b)) => g.dispatched = Some(*b),
            ("public-post", Json::Bool(b)) => g.public_post = Some(*b),
            ("work-for-training-received", Json::Bool(b)) => {
                g.work_for_training_received = Some(*b)
            }
            ("employer-contributions", Json::String(n) | Json::Number(n)) => {
                g.employer_contributions = Some(parse_money(n).ok()?)
            }
            _ => return None,
        }
    }
    Some(g)
}

/// One answer as JSON holds it: rosters here, every other kind as the person's saved answers are read.
fn read_answer(q: Q, value: &Json) -> Option<Answer> {
    match (q.kind(), value) {
        (AnswerKind::Roster, Json::Array(items)) => items
            .iter()
            .map(read_group)
            .collect::<Option<Vec<_>>>()
            .map(Answer::Roster),
        _ => crate::session::read_answer(q, value),
    }
}

/// Reads saved data for `audience`; anything damaged, from another version or for another
/// audience is refused with a sentence.
pub fn from_json(text: &str, audience: Audience) -> Result<Session, String> {
    let damaged = || "本机保存的单位填写内容已损坏，无法读取，已清除。请重新填写。".to_string();
    let doc = json::parse(text).ok_or_else(damaged)?;
    match crate::session::saved_version(&doc) {
        Version::Current => {}
        Version::Newer => return Err(SAVED_BY_NEWER_VERSION.to_string()),
        Version::Older => {
            return Err(
                "本机保存的单位填写内容来自旧版本，已无法读取，已清除。请重新填写。".to_string(),
            )
        }
    }
    let Some(Json::Object(fields)) = doc.get("facts") else {
        return Err(damaged());
    };
    let mut session = fresh(audience);
    for (key, value) in fields {
        if key == "version" {
            match value {
                Json::Number(n) if *n == FACTS_VERSION.to_string() => {}
                Json::Number(n) if n.parse::<u64>().is_ok_and(|v| v > u64::from(FACTS_VERSION)) => {
                    return Err(SAVED_BY_NEWER_VERSION.to_string())
                }
                _ => return Err(damaged()),
            }
            continue;
        }
        let q = Q::from_id(key).ok_or_else(damaged)?;
        let answer = read_answer(q, value).ok_or_else(damaged)?;
        session.facts.set(q, Some(&answer)).map_err(|_| damaged())?;
    }
    if session.facts.audience != Some(audience) {
        return Err(damaged());
    }
    let ids = |key: &str| crate::session::question_ids(&doc, key).ok_or_else(damaged);
    session.skipped = ids("skipped")?.into_iter().collect();
    session.history = ids("history")?;
    Ok(session)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_and_roster_round_trip_and_bad_data_is_refused() {
        let mut session = fresh(Audience::Employer);
        session.facts = super::super::estimate::tests_support::enterprise();
        if let Some(groups) = session.facts.roster.as_mut() {
            groups[2].dispatched = Some(false);
            groups[2].monthly_hours = Some(80);
            groups[2].employer_contributions = parse_money("8800.5").ok();
            groups[1].post_kind = Some(PostKind::Rural);
            groups[1].subsidised_months = Some(40);
            groups[1].near_retirement = Some(true);
            groups[1].work_for_training_received = Some(false);
        }
        session.skip(Q::OrgNoArrears);
        session.history.push(Q::Roster);
        let text = to_json(&session);
        assert!(
            text.contains("\"roster\":[{\"identity\":\"poverty\",\"count\":4,"),
            "{text}"
        );
        assert!(
            text.contains("\"employer-contributions\":\"8800.5\""),
            "{text}"
        );
        assert_eq!(from_json(&text, Audience::Employer), Ok(session));

        for bad in [
            "",
            "{",
            "{\"v\":2,\"facts\":{}}",
            "{\"v\":1,\"facts\":{\"audience\":\"person\"}}",
            "{\"v\":1,\"facts\":{\"audience\":\"employer\",\"roster\":[{\"identity\":\"x\",\"count\":1}]}}",
            "{\"v\":1,\"facts\":{\"audience\":\"employer\",\"roster\":[{\"identity\":\"poverty\"}]}}",
            "{\"v\":1,\"facts\":{\"audience\":\"employer\",\"roster\":[{\"identity\":\"poverty\",\"count\":1,\"x\":1}]}}",
            "{\"v\":1,\"facts\":{\"audience\":\"employer\"},\"history\":[\"no-such\"]}",
        ] {
            assert!(from_json(bad, Audience::Employer).is_err(), "{bad}");
        }
        assert!(from_json(&text, Audience::Agency).is_err());
        for newer in [
            "{\"v\":99,\"facts\":{}}",
            "{\"v\":1,\"facts\":{\"audience\":\"employer\",\"version\":99}}",
        ] {
            assert_eq!(
                from_json(newer, Audience::Employer),
                Err(SAVED_BY_NEWER_VERSION.to_string()),
                "{newer}"
            );
        }
    }
}
