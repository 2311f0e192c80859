//! The portal's browser app: pages and components over rules-core, browser glue only.
//!
//! Every policy fact on screen (benefit names, counts, clauses, amounts, documents, question
//! wording) comes from `rules_core`; this crate only arranges and words the interface around it.
//!
//! Screens live in the URL fragment ([`route::Route`]). An `as-of` query parameter
//! (`/?as-of=2025-06-20#/person/q`) fixes the evaluation date for links and tests; otherwise it is
//! today from the browser, changeable in the settings panel.

#[cfg(test)]
mod architecture;
pub mod chrome;
pub mod clipboard;
pub mod dom;
pub mod download;
pub mod fetched;
pub mod format;
pub mod html;
pub mod json;
pub mod judgement;
pub mod landing;
pub mod link;
pub mod list;
pub mod org;
pub mod person;
pub mod route;
pub mod session;
pub mod settings;
pub mod shell;
pub mod staff;
pub mod state;
pub mod storage;
pub mod ui;

#[cfg(test)]
mod tests {
    use crate::route::{audience_from_hash, hash_for};
    use rules_core::catalogue;
    use rules_core::Audience;

    #[test]
    fn hash_round_trips_every_audience() {
        for audience in Audience::ALL {
            assert_eq!(audience_from_hash(&hash_for(audience)), Some(audience));
        }
    }

    #[test]
    fn odd_hashes_select_nothing_and_never_panic() {
        for hash in [
            "",
            "#",
            "#/",
            "#/nobody",
            "#/PERSON",
            "#/人",
            "#/person\u{0}",
        ] {
            assert_eq!(audience_from_hash(hash), None, "{hash:?}");
        }
        assert_eq!(
            audience_from_hash("#/employer/hiring-subsidy"),
            Some(Audience::Employer)
        );
        assert_eq!(audience_from_hash("person"), Some(Audience::Person));
    }

    #[test]
    fn citation_names_the_notice_and_clause() {
        let entry = catalogue::for_audience(Audience::Agency)
            .next()
            .expect("the catalogue has an agency benefit");
        assert_eq!(
            entry.citation(),
            format!("渝人社〔2021〕237号 {}", entry.clause)
        );
    }
}
