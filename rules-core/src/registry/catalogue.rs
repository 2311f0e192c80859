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

/// True for the guaranteed loans: their figure is the interest the government pays, not money paid
/// to the borrower, and it is never added to a total of subsidies.
pub fn is_loan(id: &str) -> bool {
    find(id).is_some_and(|entry| entry.kind == AmountKind::InterestSubsidy)
}

/// What a benefit's headline figure is ([`AmountKind::label`]); `补贴` for an unknown id.
pub fn amount_kind(id: &str) -> &'static str {
    find(id).map_or(AmountKind::Subsidy.label(), |entry| entry.kind.label())
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
        assert_eq!(CATALOGUE.len(), 32);
        assert_eq!(for_audience(Audience::Person).count(), 17);
    }

    #[test]
    fn loans_and_amount_kinds_name_real_benefits() {
        let loans: Vec<_> = CATALOGUE.iter().filter(|e| is_loan(e.id)).collect();
        assert_eq!(loans.len(), 2);
        assert!(loans.iter().all(|e| e.name.contains("贷款")));
        assert_eq!(amount_kind("startup-guaranteed-loan"), "贴息");
        assert_eq!(amount_kind("labour-brand-award"), "奖补");
        assert_eq!(amount_kind("job-search-subsidy"), "补贴");
    }
}
