//! Three-valued logic over answers: every test of a fact is yes, no, or unknown because of named
//! questions. Combinators follow Kleene's rules, so answering more questions can only turn unknown into
//! yes or no, never a decided result back into unknown (a property test checks this).

use crate::engine::facts::{Facts, Q};
use crate::vocabulary::choices::PovertyStatus;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tri {
    Yes,
    No,
    /// Undecided; these questions would decide it.
    Unknown(Vec<Q>),
}

impl Tri {
    pub fn from_bool(value: bool) -> Tri {
        if value {
            Tri::Yes
        } else {
            Tri::No
        }
    }

    pub fn unknown(q: Q) -> Tri {
        Tri::Unknown(vec![q])
    }

    /// Both must hold; a known "no" on either side decides.
    pub fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::No, _) | (_, Tri::No) => Tri::No,
            (Tri::Yes, Tri::Yes) => Tri::Yes,
            (Tri::Unknown(a), Tri::Yes) | (Tri::Yes, Tri::Unknown(a)) => Tri::Unknown(a),
            (Tri::Unknown(mut a), Tri::Unknown(b)) => {
                merge(&mut a, b);
                Tri::Unknown(a)
            }
        }
    }

    /// Either suffices; a known "yes" on either side decides.
    pub fn or(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::Yes, _) | (_, Tri::Yes) => Tri::Yes,
            (Tri::No, Tri::No) => Tri::No,
            (Tri::Unknown(a), Tri::No) | (Tri::No, Tri::Unknown(a)) => Tri::Unknown(a),
            (Tri::Unknown(mut a), Tri::Unknown(b)) => {
                merge(&mut a, b);
                Tri::Unknown(a)
            }
        }
    }

    /// Like [`Tri::and`], but asks the second test's questions only once the first is known to hold,
    /// so the questionnaire never asks "since when?" before "do you?".
    pub fn and_then(self, next: impl FnOnce() -> Tri) -> Tri {
        match self {
            Tri::Yes => next(),
            Tri::No => Tri::No,
            unknown => match next() {
                Tri::No => Tri::No,
                _ => unknown,
            },
        }
    }

    /// Holds when the first test fails, or else the second holds ("if A then B").
    pub fn implies(self, then: impl FnOnce() -> Tri) -> Tri {
        self.not().or_else(then)
    }

    /// Like [`Tri::or`], asking the second test's questions only once the first is known to fail.
    pub fn or_else(self, next: impl FnOnce() -> Tri) -> Tri {
        match self {
            Tri::Yes => Tri::Yes,
            Tri::No => next(),
            unknown => match next() {
                Tri::Yes => Tri::Yes,
                _ => unknown,
            },
        }
    }

    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Tri {
        match self {
            Tri::Yes => Tri::No,
            Tri::No => Tri::Yes,
            unknown => unknown,
        }
    }

    pub fn is_yes(&self) -> bool {
        *self == Tri::Yes
    }
}

fn merge(into: &mut Vec<Q>, more: Vec<Q>) {
    for q in more {
        if !into.contains(&q) {
            into.push(q);
        }
    }
}

/// Tests an answer: unknown (asking `q`) when it is missing.
pub fn fact<T: Copy>(value: Option<T>, q: Q, test: impl FnOnce(T) -> bool) -> Tri {
    match value {
        Some(v) => Tri::from_bool(test(v)),
        None => Tri::unknown(q),
    }
}

/// A yes/no answer as a test.
pub fn yes(value: Option<bool>, q: Q) -> Tri {
    fact(value, q, |v| v)
}

/// The negation of a yes/no answer as a test ("has no other loans").
pub fn no(value: Option<bool>, q: Q) -> Tri {
    fact(value, q, |v| !v)
}

/// The poverty group, read one way by every rule and document test: in the logic layer because it
/// answers in [`Tri`], which names the questions that would decide.
impl Facts {
    /// 脱贫人口（含未消除风险监测对象）: a member of a 脱贫户 (原建档立卡户), or a 监测对象 whose risk is not
    /// marked eliminated. A 监测对象 whose risk is eliminated counts only when the household is also a
    /// 脱贫户, which is asked. Every rule and every document test reads the group here, one way.
    pub fn poverty(&self) -> Tri {
        self.poverty_with(PovertyStatus::settles_poverty)
    }

    /// A member of a 脱贫户 (原建档立卡户), whatever the 监测 status: the group of the grants sourced for
    /// 建档立卡（脱贫）students only. A 监测对象 is asked whether the household is also a 脱贫户.
    pub fn poverty_household(&self) -> Tri {
        self.poverty_with(PovertyStatus::settles_poverty_household)
    }

    fn poverty_with(&self, settles: fn(PovertyStatus) -> Option<bool>) -> Tri {
        match self.poverty_status {
            None => Tri::unknown(Q::PovertyStatus),
            Some(status) => match settles(status) {
                Some(known) => Tri::from_bool(known),
                None => yes(self.poverty_household, Q::PovertyHousehold),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kleene_tables() {
        let u = || Tri::unknown(Q::Age);
        assert_eq!(Tri::No.and(u()), Tri::No);
        assert_eq!(Tri::Yes.and(u()), u());
        assert_eq!(Tri::Yes.or(u()), Tri::Yes);
        assert_eq!(Tri::No.or(u()), u());
        assert_eq!(
            u().and(Tri::unknown(Q::Sex)),
            Tri::Unknown(vec![Q::Age, Q::Sex])
        );
    }

    #[test]
    fn sequential_forms_ask_the_first_question_first() {
        let t = Tri::unknown(Q::Activity).and_then(|| Tri::unknown(Q::WorkSince));
        assert_eq!(t, Tri::unknown(Q::Activity));
        let t = Tri::unknown(Q::Activity).and_then(|| Tri::No);
        assert_eq!(t, Tri::No);
        let t = Tri::unknown(Q::Dibao).or_else(|| Tri::Yes);
        assert_eq!(t, Tri::Yes);
        assert_eq!(Tri::No.implies(|| Tri::No), Tri::Yes);
    }
}
