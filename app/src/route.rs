//! Screens and their URL fragments. The fragment is the whole route, so links, reload and
//! back/forward work on any static host without server rewrites. Anything unknown falls back to the
//! nearest sensible screen and never panics.

use rules_core::{catalogue, Audience};

/// One screen of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// `#/`, or `#/<audience>`: the landing page, with an audience chosen or not.
    Landing(Option<Audience>),
    /// `#/person/q`: the person's questionnaire.
    PersonQuestions,
    /// `#/person/results`: the person's results.
    PersonResults,
    /// `#/person/checklist`: the merged document checklist for the benefits picked.
    PersonChecklist,
    /// `#/person/share`: 分享给别人 (a link, with the answers only when asked).
    PersonShare,
    /// `#/policy`: every benefit of the notice.
    Policy,
    /// `#/policy/<benefit-id>`: one benefit in detail.
    PolicyBenefit(&'static str),
    /// `#/<organisation audience>/estimate` or `/results`: the organisation estimator.
    Org(Audience, OrgStep),
}

impl Route {
    /// The fragment for this screen, e.g. `#/person/q`.
    pub fn hash(self) -> String {
        match self {
            Route::Landing(None) => "#/".to_string(),
            Route::Landing(Some(audience)) => hash_for(audience),
            Route::PersonQuestions => "#/person/q".to_string(),
            Route::PersonResults => "#/person/results".to_string(),
            Route::PersonChecklist => "#/person/checklist".to_string(),
            Route::PersonShare => "#/person/share".to_string(),
            Route::Policy => "#/policy".to_string(),
            Route::PolicyBenefit(id) => format!("#/policy/{id}"),
            Route::Org(audience, step) => org_hash(audience, step),
        }
    }

    /// The screen a fragment names. Unknown parts fall back: `#/person/zzz` is the person landing,
    /// `#/policy/zzz` the policy list, anything else the plain landing page.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '&']).next().unwrap_or_default();
        let mut parts = path.split('/');
        let first = parts.next().unwrap_or_default();
        let second = parts.next().unwrap_or_default();
        let rest = parts.next();
        if first == "policy" {
            return match (second, rest) {
                ("", None) => Route::Policy,
                (id, None) => catalogue::find(id)
                    .map(|entry| Route::PolicyBenefit(entry.id))
                    .unwrap_or(Route::Policy),
                _ => Route::Policy,
            };
        }
        let audience = Audience::from_id(first);
        if let Some(route) = route_from(audience, second, rest) {
            return route;
        }
        match (audience, second, rest) {
            // `#/person/q/<n>`: each question is its own history entry (Back and Forward walk
            // the questions).
            (Some(Audience::Person), "q", _) => Route::PersonQuestions,
            (Some(Audience::Person), "results", None) => Route::PersonResults,
            (Some(Audience::Person), "checklist", None) => Route::PersonChecklist,
            (Some(Audience::Person), "share", None) => Route::PersonShare,
            (audience, _, _) => Route::Landing(audience),
        }
    }

    /// The step a `#/person/q/<n>` fragment names: the n-th question of this questionnaire (1 for
    /// the first). A number, never the question's id: which questions came up would tell something of
    /// the answers to anyone who sees the address.
    pub fn step_in(hash: &str) -> Option<usize> {
        let path = hash.trim_start_matches('#').split(['?', '&']).next()?;
        let step: usize = path.strip_prefix("/person/q/")?.parse().ok()?;
        (step > 0).then_some(step)
    }

    /// The fragment of the questionnaire's n-th question.
    pub fn step_hash(step: usize) -> String {
        format!("{}/{step}", Route::PersonQuestions.hash())
    }

    /// True for the person's own screens (questions, results, checklist, share).
    pub fn is_person_flow(self) -> bool {
        matches!(
            self,
            Route::PersonQuestions
                | Route::PersonResults
                | Route::PersonChecklist
                | Route::PersonShare
        )
    }
}

/// The estimator's two screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgStep {
    /// `#/<audience>/estimate`: the questions.
    Questions,
    /// `#/<audience>/results`: the estimate.
    Results,
    /// `#/<audience>/checklist`: 准备申请材料 for the benefits picked.
    Checklist,
}

/// The fragment of a screen, e.g. `#/employer/estimate`.
pub fn org_hash(audience: Audience, step: OrgStep) -> String {
    let step = match step {
        OrgStep::Questions => "estimate",
        OrgStep::Results => "results",
        OrgStep::Checklist => "checklist",
    };
    format!("#/{}/{step}", audience.id())
}

/// The estimator's route for the parts of a fragment after `#/`, if they name one: an organisation
/// audience, then `estimate` or `results`, and nothing more.
pub fn route_from(audience: Option<Audience>, second: &str, rest: Option<&str>) -> Option<Route> {
    let audience = audience.filter(|a| *a != Audience::Person)?;
    let step = match (second, rest) {
        ("estimate", None) => OrgStep::Questions,
        ("results", None) => OrgStep::Results,
        ("checklist", None) => OrgStep::Checklist,
        _ => return None,
    };
    Some(Route::Org(audience, step))
}

/// The URL fragment that selects an audience, e.g. `#/person`.
pub fn hash_for(audience: Audience) -> String {
    format!("#/{}", audience.id())
}

/// The audience a URL fragment selects. Anything unknown or malformed selects none.
pub fn audience_from_hash(hash: &str) -> Option<Audience> {
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    let id = path.split(['/', '?', '&']).next().unwrap_or_default();
    Audience::from_id(id)
}

/// The policy itself (every benefit: the notice's words, conditions, amounts, documents, where to
/// apply, sources) is the static page policy.html, generated from rules-core at build time: it
/// loads at once, works without WebAssembly and offline, and keeps the app's bundles for the
/// self-check. `#/policy` and `#/policy/<id>` (older links, printed posters) open it.
pub const POLICY_PAGE: &str = "policy.html";

/// The address of one benefit on the policy page, e.g. `policy.html#startup-subsidy`.
pub fn policy_href(id: &str) -> String {
    format!("{POLICY_PAGE}#{id}")
}

/// The organisation estimator's page, beside index.html.
pub const ORG_PAGE: &str = "org.html";

/// The staff's link, QR code and poster builder.
pub const STAFF_PAGE: &str = "staff.html";

/// The staff's list screening, its own page and bundle (its old address, `staff.html#/list`, is
/// sent there by public/boot.js).
pub const LIST_PAGE: &str = "list.html";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_round_trips() {
        let mut routes = vec![
            Route::Landing(None),
            Route::PersonQuestions,
            Route::PersonResults,
            Route::PersonChecklist,
            Route::PersonShare,
            Route::Policy,
        ];
        routes.extend(Audience::ALL.map(|a| Route::Landing(Some(a))));
        routes.extend(
            catalogue::CATALOGUE
                .iter()
                .map(|e| Route::PolicyBenefit(e.id)),
        );
        for route in routes {
            assert_eq!(Route::parse(&route.hash()), route, "{}", route.hash());
        }
    }

    #[test]
    fn each_question_has_its_own_fragment_naming_only_its_number() {
        for step in [1, 2, 17, 80] {
            let hash = Route::step_hash(step);
            assert_eq!(hash, format!("#/person/q/{step}"));
            assert_eq!(Route::parse(&hash), Route::PersonQuestions);
            assert_eq!(Route::step_in(&hash), Some(step));
        }
        for odd in [
            "#/person/q",
            "#/person/q/0",
            "#/person/q/age",
            "#/person/q/-1",
            "#/person/q/9999999999999999999999",
        ] {
            assert_eq!(Route::step_in(odd), None, "{odd}");
        }
    }

    #[test]
    fn unknown_fragments_fall_back_gracefully() {
        for (hash, route) in [
            ("", Route::Landing(None)),
            ("#", Route::Landing(None)),
            ("#//", Route::Landing(None)),
            ("#/nobody", Route::Landing(None)),
            ("#/%3Cscript%3E", Route::Landing(None)),
            ("#/person/../../x", Route::Landing(Some(Audience::Person))),
            ("#/person/q/extra", Route::PersonQuestions),
            ("#/person/q/3", Route::PersonQuestions),
            ("#/person/zzz", Route::Landing(Some(Audience::Person))),
            ("#/employer/q", Route::Landing(Some(Audience::Employer))),
            ("#/policy/no-such-benefit", Route::Policy),
            ("#/policy/job-search-subsidy/x", Route::Policy),
            ("#/policy/", Route::Policy),
            ("#/person/results?x=1", Route::PersonResults),
        ] {
            assert_eq!(Route::parse(hash), route, "{hash:?}");
        }
    }
}
