//! The catalogue: every benefit's entry, in catalogue order, and the lookups by id and audience.
//! The entry types are the vocabulary's ([`crate::vocabulary::catalogue`]), re-exported here.

pub use crate::vocabulary::catalogue::*;

use crate::engine::rule::Benefit;
use crate::registry::lists::{ORGANISATION_BENEFIT_LIST, PERSON_BENEFIT_LIST};

/// Every benefit of the notice, in catalogue order: the entries declared beside each rule (the
/// benefit modules' `Benefit::entry`), gathered at compile time from [`crate::registry::lists`]' two lists,
/// so no rule is linked into a build that only reads the catalogue.
pub const CATALOGUE: &[CatalogueEntry] = &entries_of::<
    { PERSON_BENEFIT_LIST.len() + ORGANISATION_BENEFIT_LIST.len() },
>(PERSON_BENEFIT_LIST, ORGANISATION_BENEFIT_LIST);

/// The entries of `first` then `second` (`N`, their total length, is computed, never typed).
const fn entries_of<const N: usize>(first: &[Benefit], second: &[Benefit]) -> [CatalogueEntry; N] {
    assert!(first.len() + second.len() == N, "the catalogue's length");
    let mut out = [entry("", "", Audience::Person, ""); N];
    let mut i = 0;
    while i < N {
        out[i] = if i < first.len() {
            first[i].entry
        } else {
            second[i - first.len()].entry
        };
        i += 1;
    }
    out
}

/// The catalogue entries for one audience, in catalogue order.
pub fn for_audience(audience: Audience) -> impl Iterator<Item = &'static CatalogueEntry> {
    CATALOGUE.iter().filter(move |e| e.audience == audience)
}

/// Looks a benefit up by its stable id.
pub fn find(id: &str) -> Option<&'static CatalogueEntry> {
    CATALOGUE.iter().find(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case() {
        let mut seen = std::collections::BTreeSet::new();
        for e in CATALOGUE {
            assert!(seen.insert(e.id), "duplicate id {}", e.id);
            assert!(
                e.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{} is not kebab-case",
                e.id
            );
        }
        // The catalogue is the benefits' own entries, in the lists' order, persons first.
        let entries: Vec<_> = crate::registry::lists::benefits()
            .map(|b| b.entry)
            .collect();
        assert_eq!(CATALOGUE, &entries[..]);
        let persons = crate::registry::lists::PERSON_BENEFITS.len();
        assert!(CATALOGUE[..persons]
            .iter()
            .all(|e| e.audience == Audience::Person));
        assert_eq!(for_audience(Audience::Person).count(), persons);
    }

    #[test]
    fn loans_and_amount_kinds_name_real_benefits() {
        let loans: Vec<_> = CATALOGUE.iter().filter(|e| e.is_loan()).collect();
        assert_eq!(loans.len(), 2);
        assert!(loans.iter().all(|e| e.name.contains("贷款")));
        let kind = |id| find(id).map(|e| e.kind.label());
        assert_eq!(kind("startup-guaranteed-loan"), Some("贴息"));
        assert_eq!(kind("labour-brand-award"), Some("奖补"));
        assert_eq!(kind("job-search-subsidy"), Some("补贴"));
    }
}
