//! The person's questionnaire state, without any browser API: the rules-core answers, the questions
//! answered 不清楚, the order questions were answered in, and the saved form of all that.
//!
//! The app owns no data model of its own (ARCHITECTURE.md): answers are `rules_core::Facts`; the
//! session only adds what the questionnaire needs to move back and forth.

use crate::json::{self, quote, Json};
use rules_core::evaluate::Report;
use rules_core::facts::{AnswerKind, FACTS_VERSION, SAVED_BY_NEWER_VERSION};
use rules_core::input::{parse_count, parse_money};
use rules_core::questions::Question;
use rules_core::Date;
use rules_core::{Answer, Audience, Facts, Q};

/// A set of questions, in the order they joined it. A list, not a tree: it holds a few dozen
/// questions at most, and a `BTreeSet` costs kilobytes of the first load.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QSet(Vec<Q>);

impl QSet {
    pub fn new() -> QSet {
        QSet(Vec::new())
    }

    pub fn contains(&self, q: &Q) -> bool {
        self.0.contains(q)
    }

    /// Adds `q` unless it is there already.
    pub fn insert(&mut self, q: Q) {
        if !self.contains(&q) {
            self.0.push(q);
        }
    }

    pub fn remove(&mut self, q: &Q) {
        self.0.retain(|known| known != q);
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Q> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<Q> for QSet {
    fn from_iter<I: IntoIterator<Item = Q>>(items: I) -> QSet {
        let mut set = QSet::new();
        for q in items {
            set.insert(q);
        }
        set
    }
}

/// Version of the saved format below; anything else is discarded with a notice.
pub const SAVE_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// The answers, exactly as rules-core reads them.
    pub facts: Facts,
    /// Questions answered 不清楚: left unknown and not asked again.
    pub skipped: QSet,
    /// Questions in the order they were first answered or skipped (back button, the answers list).
    pub history: Vec<Q>,
    /// A question opened again to change its answer; `None` follows the rules' next question.
    pub editing: Option<Q>,
}

impl Default for Session {
    fn default() -> Session {
        Session {
            facts: Facts {
                audience: Some(Audience::Person),
                ..Facts::default()
            },
            skipped: QSet::new(),
            history: Vec::new(),
            editing: None,
        }
    }
}

impl Session {
    /// The question to show: the one being changed, else the rules' most decisive open question
    /// that was not answered 不清楚.
    pub fn current(&self, report: &Report) -> Option<Question> {
        if let Some(q) = self.editing {
            let decides = report
                .next_questions
                .iter()
                .find(|question| question.id == q)
                .map(|question| question.decides.clone())
                .unwrap_or_default();
            return Some(rules_core::questions::question(q, report.as_of, decides));
        }
        self.next(report).cloned()
    }

    /// The rules' next question, skipping those answered 不清楚.
    pub fn next<'r>(&self, report: &'r Report) -> Option<&'r Question> {
        report
            .next_questions
            .iter()
            .find(|question| !self.skipped.contains(&question.id))
    }

    /// Records an answer. A wrong kind of answer is refused with rules-core's message.
    pub fn answer(&mut self, q: Q, answer: &Answer) -> Result<(), String> {
        self.facts.set(q, Some(answer))?;
        self.skipped.remove(&q);
        self.record(q);
        Ok(())
    }

    /// 不清楚: the fact stays unknown and the question is not asked again.
    pub fn skip(&mut self, q: Q) {
        // Clearing an answer cannot fail.
        let _ = self.facts.set(q, None);
        self.skipped.insert(q);
        self.record(q);
    }

    fn record(&mut self, q: Q) {
        if !self.history.contains(&q) {
            self.history.push(q);
        }
        self.editing = None;
    }

    /// Opens the question before the one on screen again, keeping every answer. `false` when
    /// there is nothing before it (the caller leaves the questionnaire).
    pub fn back(&mut self) -> bool {
        let position = match self.editing {
            Some(q) => self
                .history
                .iter()
                .position(|h| *h == q)
                .unwrap_or(self.history.len()),
            None => self.history.len(),
        };
        match position.checked_sub(1).and_then(|i| self.history.get(i)) {
            Some(previous) => {
                self.editing = Some(*previous);
                true
            }
            None => false,
        }
    }

    /// Opens one question to change its answer.
    pub fn edit(&mut self, q: Q) {
        self.editing = Some(q);
    }

    /// The number of the question on screen, counting from 1: its place among the questions
    /// answered so far, or the next place for a new question.
    pub fn question_number(&self) -> usize {
        let place = self
            .editing
            .and_then(|q| self.history.iter().position(|h| *h == q));
        place.unwrap_or(self.history.len()) + 1
    }

    /// About how many questions are left after the one on screen (rules-core's estimate: answers
    /// may settle several benefits at once or open a follow-up, hence 约).
    pub fn questions_left(&self, as_of: Date, asks: fn(&Facts, Date) -> Report) -> usize {
        let skipped = |q| self.skipped.contains(&q) || Some(q) == self.editing;
        let left = rules_core::evaluate::questions_left(&self.facts, as_of, skipped, asks);
        if self.editing.is_some() {
            left
        } else {
            left.saturating_sub(1)
        }
    }

    /// How many questions have a real answer (不清楚 not counted).
    pub fn answered(&self) -> usize {
        self.facts.answered().filter(|q| *q != Q::Audience).count()
    }

    /// Nothing answered or skipped yet.
    pub fn is_empty(&self) -> bool {
        self.history.is_empty() && self.answered() == 0
    }
}

/// Which of the person's screens the user was on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Questions,
    Results,
}

/// What is kept in localStorage, as JSON:
/// The most a saved or shared answers document may weigh (every question answered, a long roster and
/// history take under 8 KB).
pub const MAX_SAVED_BYTES: usize = 32 * 1024;

/// `{"v":1,"facts":{…rules-core Facts as serde writes them…},"skipped":[ids],"history":[ids],"step":"results"}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub v: u32,
    pub facts: Facts,
    pub skipped: QSet,
    pub history: Vec<Q>,
    pub step: Step,
}

impl Saved {
    pub fn of(session: &Session, step: Step) -> Saved {
        Saved {
            v: SAVE_VERSION,
            facts: session.facts.clone(),
            skipped: session.skipped.clone(),
            history: session.history.clone(),
            step,
        }
    }

    pub fn to_json(&self) -> String {
        let facts: Vec<String> = std::iter::once(format!("\"version\":{}", self.facts.version))
            .chain(Q::ALL.iter().filter_map(|q| {
                let value = match self.facts.get(*q)? {
                    Answer::Bool(b) => b.to_string(),
                    Answer::Choice(id) => quote(&id),
                    Answer::Count(n) => n.to_string(),
                    Answer::Money(amount) => quote(&amount.to_string()),
                    Answer::Date(date) => quote(&date.to_string()),
                    Answer::Roster(_) => return None,
                };
                Some(format!("{}:{value}", quote(q.id())))
            }))
            .collect();
        let ids = |qs: &mut dyn Iterator<Item = &Q>| {
            qs.map(|q| quote(q.id())).collect::<Vec<_>>().join(",")
        };
        format!(
            "{{\"v\":{},\"facts\":{{{}}},\"skipped\":[{}],\"history\":[{}],\"step\":\"{}\"}}",
            self.v,
            facts.join(","),
            ids(&mut self.skipped.iter()),
            ids(&mut self.history.iter()),
            match self.step {
                Step::Questions => "questions",
                Step::Results => "results",
            }
        )
    }

    /// Reads saved data; anything damaged, from another version or not a person's answers is
    /// refused with a sentence for the user.
    pub fn from_json(text: &str) -> Result<Saved, String> {
        Saved::read(text, true)
    }

    /// Reads the answers the residents' page hands to the results' bundle (its own `to_json`, on the
    /// same page): as [`Saved::from_json`], but answers not yet marked as a person's are taken too,
    /// as the page shows them.
    pub fn from_page(text: &str) -> Result<Saved, String> {
        Saved::read(text, false)
    }

    fn read(text: &str, person_only: bool) -> Result<Saved, String> {
        // Real answers take a few kilobytes; anything far larger is damage or a crafted link, and
        // would make every later start slow.
        if text.len() > MAX_SAVED_BYTES {
            return Err("保存或分享的回答超出大小限制，无法读取，已忽略。请重新回答。".to_string());
        }
        let damaged = || "本机保存的回答已损坏，无法读取，已清除。请重新回答。".to_string();
        let doc = json::parse(text).ok_or_else(damaged)?;
        match saved_version(&doc) {
            Version::Current => {}
            Version::Newer => return Err(SAVED_BY_NEWER_VERSION.to_string()),
            Version::Older => {
                return Err("本机保存的回答来自旧版本，已无法读取，已清除。请重新回答。".to_string())
            }
        }
        let Some(Json::Object(fields)) = doc.get("facts") else {
            return Err(damaged());
        };
        let mut facts = Facts::default();
        for (key, value) in fields {
            if key == "version" {
                facts.version = match value {
                    Json::Number(n) => n.parse().map_err(|_| damaged())?,
                    _ => return Err(damaged()),
                };
                continue;
            }
            let q = Q::from_id(key).ok_or_else(damaged)?;
            if *value == Json::Null {
                continue;
            }
            let answer = read_answer(q, value).ok_or_else(damaged)?;
            facts.set(q, Some(&answer)).map_err(|_| damaged())?;
        }
        facts.check_version()?;
        if facts.version != FACTS_VERSION
            || (person_only && facts.audience != Some(Audience::Person))
        {
            return Err(damaged());
        }
        let ids = |key: &str| question_ids(&doc, key).ok_or_else(damaged);
        let step = match doc.get("step") {
            Some(Json::String(s)) if s == "questions" => Step::Questions,
            Some(Json::String(s)) if s == "results" => Step::Results,
            _ => return Err(damaged()),
        };
        if let Json::Object(top) = &doc {
            let known = ["v", "facts", "skipped", "history", "step"];
            if top.iter().any(|(k, _)| !known.contains(&k.as_str())) {
                return Err(damaged());
            }
        }
        Ok(Saved {
            v: SAVE_VERSION,
            facts,
            skipped: ids("skipped")?.into_iter().collect(),
            history: ids("history")?,
            step,
        })
    }

    pub fn session(&self) -> Session {
        Session {
            facts: self.facts.clone(),
            skipped: self.skipped.clone(),
            history: self.history.clone(),
            editing: None,
        }
    }
}

/// How a saved document's `"v"` compares with [`SAVE_VERSION`]; anything not a version number is
/// older (damaged data says 旧版本, as before).
pub(crate) enum Version {
    Older,
    Current,
    Newer,
}

pub(crate) fn saved_version(doc: &Json) -> Version {
    match doc.get("v") {
        Some(Json::Number(n)) => match n.parse::<u64>() {
            Ok(v) if v == u64::from(SAVE_VERSION) => Version::Current,
            Ok(v) if v > u64::from(SAVE_VERSION) => Version::Newer,
            _ => Version::Older,
        },
        _ => Version::Older,
    }
}

/// The question ids listed under `key` (none when absent); `None` when the list is damaged.
pub(crate) fn question_ids(doc: &Json, key: &str) -> Option<Vec<Q>> {
    match doc.get(key) {
        None => Some(Vec::new()),
        Some(Json::Array(items)) => items
            .iter()
            .map(|item| match item {
                Json::String(id) => Q::from_id(id),
                _ => None,
            })
            .collect(),
        Some(_) => None,
    }
}

/// One answer as JSON holds it, read by the question's kind (rosters are read by `org::store`).
pub(crate) fn read_answer(q: Q, value: &Json) -> Option<Answer> {
    match (q.kind(), value) {
        (AnswerKind::YesNo, Json::Bool(b)) => Some(Answer::Bool(*b)),
        (AnswerKind::Choice | AnswerKind::District, Json::String(id)) => {
            Some(Answer::Choice(id.clone()))
        }
        (AnswerKind::Count, Json::Number(n)) => parse_count(n).ok().map(Answer::Count),
        (AnswerKind::Money, Json::String(n) | Json::Number(n)) => {
            parse_money(n).ok().map(Answer::Money)
        }
        (AnswerKind::Date, Json::String(d)) => Date::parse(d).ok().map(Answer::Date),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules_core::evaluate;

    const DAY: Date = Date::ymd(2025, 6, 20);

    #[test]
    fn answering_and_skipping_move_on_and_back_reopens() {
        let mut s = Session::default();
        let first = s
            .current(&evaluate(&s.facts, DAY))
            .expect("a first question");
        s.skip(first.id);
        let second = s
            .current(&evaluate(&s.facts, DAY))
            .expect("a second question");
        assert_ne!(first.id, second.id);
        assert!(!s.facts.is_answered(first.id));
        assert_eq!(s.answered(), 0);

        assert!(s.back());
        assert_eq!(
            s.current(&evaluate(&s.facts, DAY)).map(|q| q.id),
            Some(first.id)
        );
        assert!(!s.back(), "nothing before the first question");
        s.answer(first.id, &Answer::Choice("none".into())).ok();
        assert_eq!(s.history, vec![first.id]);
        assert!(!s.skipped.contains(&first.id));
        assert!(s.editing.is_none());
    }

    #[test]
    fn the_progress_line_counts_from_one_and_reaches_zero_left() {
        let mut s = Session::default();
        assert_eq!(s.question_number(), 1);
        let mut guard = 0;
        while let Some(q) = s.current(&evaluate(&s.facts, DAY)) {
            let left = s.questions_left(DAY, rules_core::evaluate::asks);
            s.skip(q.id);
            if s.current(&evaluate(&s.facts, DAY)).is_none() {
                assert_eq!(left, 0, "the last question says none are left");
            }
            guard += 1;
            assert!(guard < 80);
        }
        assert_eq!(s.question_number(), s.history.len() + 1);
        s.edit(s.history[0]);
        assert_eq!(
            s.question_number(),
            1,
            "changing the first answer is question 1 again"
        );
    }

    #[test]
    fn saved_data_round_trips_and_bad_data_is_refused() {
        let mut s = Session::default();
        s.answer(Q::Age, &Answer::Count(30)).expect("age");
        s.skip(Q::PovertyStatus);
        let saved = Saved::of(&s, Step::Results);
        let back = Saved::from_json(&saved.to_json()).expect("round trip");
        assert_eq!(back, saved);
        assert_eq!(back.session(), s);

        // Every kind of answer a person gives survives, in the JSON serde writes for Facts.
        let mut s = Session::default();
        s.answer(Q::Dibao, &Answer::Bool(false)).expect("bool");
        s.answer(Q::HukouDistrict, &Answer::Choice("wanzhou".into()))
            .expect("district");
        s.answer(
            Q::LoanAmount,
            &Answer::Money(parse_money("300000.5").expect("money")),
        )
        .expect("money");
        s.answer(Q::WorkSince, &Answer::Date(Date::ymd(2025, 1, 10)))
            .expect("date");
        let text = Saved::of(&s, Step::Questions).to_json();
        assert!(text.contains("\"loan-amount\":\"300000.5\""), "{text}");
        assert!(text.contains("\"work-since\":\"2025-01-10\""), "{text}");
        assert_eq!(Saved::from_json(&text).expect("round trip").session(), s);

        // Newer data says so (the saved document's "v", or the answers' "version"), never 旧版本.
        for newer in [
            "{\"v\":99,\"facts\":{},\"step\":\"results\"}",
            "{\"v\":1,\"facts\":{\"audience\":\"person\",\"version\":99},\"step\":\"results\"}",
        ] {
            let message = Saved::from_json(newer).expect_err(newer);
            assert!(
                message.contains("较新的版本") && !message.contains("旧版本"),
                "{newer}: {message}"
            );
        }
        let old = Saved::from_json("{\"v\":0,\"facts\":{},\"step\":\"results\"}");
        assert!(old.is_err_and(|m| m.contains("旧版本")));

        for bad in [
            "",
            "{",
            "null",
            "[]",
            "{\"v\":0}",
            "{\"v\":2,\"facts\":{},\"step\":\"results\"}",
            "{\"v\":1,\"facts\":{\"audience\":\"person\",\"age\":-3},\"step\":\"results\"}",
            "{\"v\":1,\"facts\":{\"audience\":\"person\",\"version\":0},\"step\":\"results\"}",
            "{\"v\":1,\"facts\":{\"audience\":\"employer\"},\"step\":\"results\"}",
            "{\"v\":1,\"facts\":{\"audience\":\"person\"},\"skipped\":[\"no-such\"],\"step\":\"q\"}",
            "{\"v\":1,\"facts\":{\"audience\":\"person\"},\"step\":\"results\",\"x\":1}",
        ] {
            assert!(Saved::from_json(bad).is_err(), "{bad}");
        }
    }
}
