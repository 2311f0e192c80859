//! What a questionnaire screen needs from the rules after each answer: the question to show, about
//! how many are left, the interim counts and the answers rules-core questioned. A page that links
//! the rules computes it itself ([`Judgement::of`]); the residents' page gets it from its second
//! fetch, the results' bundle, as a few lines of text ([`Judgement::encode`] there,
//! [`Judgement::decode`] here), so that its first load carries no benefit's rule.

use crate::session::{Saved, Session};
use rules_core::evaluate::Report;
use rules_core::{Date, Facts, Status, Q};

/// The rules' view of a questionnaire session on one day.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Judgement {
    /// The question to show (the one being changed, else the most decisive open one); `None` when
    /// nothing is left to ask.
    pub current: Option<Q>,
    /// About how many questions are left, counting the one on screen (还剩约 M 题).
    pub left: usize,
    /// Benefits one may still qualify for (可以申请 and 还需确认).
    pub possible: usize,
    /// Of them, those one can claim now (可以申请).
    pub sure: usize,
    /// rules-core's messages on answers it dropped or questioned, by question.
    pub findings: Vec<(Q, String)>,
}

impl Judgement {
    /// The judgement of `session` from its `report`; `asks` evaluates the same rules for 还剩约 M
    /// 题, which follows the questionnaire forward.
    pub fn of(report: &Report, session: &Session, asks: fn(&Facts, Date) -> Report) -> Judgement {
        let sure = report.count(Status::Eligible);
        Judgement {
            current: session.current(report).map(|question| question.id),
            left: session.questions_left(report.as_of, asks),
            possible: sure + report.count(Status::NeedsAnswers),
            sure,
            findings: report
                .findings
                .iter()
                .filter_map(|f| Some((f.question?, f.message.clone())))
                .collect(),
        }
    }

    /// The messages on question `q`.
    pub fn findings_on(&self, q: Q) -> Vec<String> {
        self.findings
            .iter()
            .filter(|(on, _)| *on == q)
            .map(|(_, message)| message.clone())
            .collect()
    }

    /// As text, one line each: the current question's id (or empty), left, possible, sure, then
    /// one line per finding, `question-id<TAB>message`.
    pub fn encode(&self) -> String {
        let mut text = format!(
            "{}\n{}\n{}\n{}",
            self.current.map_or("", Q::id),
            self.left,
            self.possible,
            self.sure
        );
        for (q, message) in &self.findings {
            // A message is one line of text; its line breaks would end the line.
            let message = message.replace(['\n', '\t'], " ");
            text.push_str(&format!("\n{}\t{message}", q.id()));
        }
        text
    }

    /// [`Judgement::encode`]'s text read back; `None` for anything else (a bundle of another
    /// version), which the page treats as the rules not having come.
    pub fn decode(text: &str) -> Option<Judgement> {
        let mut lines = text.split('\n');
        let current = match lines.next()? {
            "" => None,
            id => Some(Q::from_id(id)?),
        };
        let mut number = || lines.next()?.parse::<usize>().ok();
        let (left, possible, sure) = (number()?, number()?, number()?);
        let findings = lines
            .map(|line| {
                let (id, message) = line.split_once('\t')?;
                Some((Q::from_id(id)?, message.to_string()))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Judgement {
            current,
            left,
            possible,
            sure,
            findings,
        })
    }
}

/// What the results' bundle answers the residents' page (`bin/results.rs`): the encoded judgement
/// of the answers it hands over (`Saved`'s JSON) on `day` (`YYYY-MM-DD`), `editing` the id of the
/// question being changed or empty. Empty for input the page never writes.
pub fn judge_saved(saved: &str, day: &str, editing: &str) -> String {
    let (Ok(saved), Ok(day)) = (Saved::from_page(saved), Date::parse(day)) else {
        return String::new();
    };
    let mut session = saved.session();
    session.editing = Q::from_id(editing);
    let report = rules_core::evaluate_person(&session.facts, day);
    Judgement::of(&report, &session, rules_core::evaluate::asks_person).encode()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules_core::{Answer, Audience};

    const DAY: Date = Date::ymd(2025, 6, 20);

    /// A person part-way through, with an answer rules-core questions (a work start in the future).
    fn session() -> Session {
        let mut session = Session::default();
        for (q, answer) in [
            (
                Q::Audience,
                Answer::Choice(Audience::Person.id().to_string()),
            ),
            (Q::PovertyStatus, Answer::Choice("alleviated".into())),
            (Q::HukouChongqing, Answer::Bool(true)),
            (Q::Activity, Answer::Choice("employee".into())),
            (Q::WorkPlace, Answer::Choice("shandong".into())),
        ] {
            session.answer(q, &answer).expect("a valid answer");
        }
        session
            .facts
            .set(Q::WorkSince, Some(&Answer::Date(Date::ymd(2030, 1, 1))))
            .expect("a date of the right kind");
        session
    }

    #[test]
    fn the_judgement_of_a_session_says_what_its_report_and_questions_left_say() {
        let session = session();
        let report = rules_core::evaluate_person(&session.facts, DAY);
        let judged = Judgement::of(&report, &session, rules_core::evaluate::asks_person);
        assert_eq!(
            judged.current,
            session.current(&report).map(|question| question.id)
        );
        assert!(judged.current.is_some(), "questions are left");
        assert_eq!(
            judged.left,
            session.questions_left(DAY, rules_core::evaluate::asks_person)
        );
        assert_eq!(judged.sure, report.count(Status::Eligible));
        assert!(judged.possible >= judged.sure && judged.possible > 0);
        assert!(
            !judged.findings_on(Q::WorkSince).is_empty(),
            "the future work start is questioned: {:?}",
            report.findings
        );
    }

    #[test]
    fn a_judgement_reads_back_as_it_was_written() {
        let session = session();
        let report = rules_core::evaluate_person(&session.facts, DAY);
        let judged = Judgement::of(&report, &session, rules_core::evaluate::asks_person);
        assert_eq!(Judgement::decode(&judged.encode()), Some(judged));
        let done = Judgement {
            findings: vec![(Q::Age, "第一行\n第二行\t末尾".to_string())],
            ..Judgement::default()
        };
        let back = Judgement::decode(&done.encode()).expect("reads back");
        assert_eq!(back.current, None);
        assert_eq!(
            back.findings_on(Q::Age),
            vec!["第一行 第二行 末尾".to_string()]
        );
    }

    #[test]
    fn other_text_is_not_a_judgement() {
        for text in [
            "",
            "age",
            "age\n1\n2",
            "age\n1\n2\nthree",
            "no-such-question\n1\n2\n3",
            "age\n1\n2\n3\nno-tab-here",
            "age\n1\n2\n3\nnot-a-question\tmessage",
            "<html>",
        ] {
            assert_eq!(Judgement::decode(text), None, "{text:?}");
        }
        assert_eq!(
            Judgement::decode("age\n3\n5\n1"),
            Some(Judgement {
                current: Some(Q::Age),
                left: 3,
                possible: 5,
                sure: 1,
                findings: Vec::new(),
            })
        );
    }
}
