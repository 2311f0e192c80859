//! Every dated, sourced parameter: the shared tables of the vocabulary and each family's own.
//! The types and shared tables are re-exported from [`crate::vocabulary::parameters`].

pub use crate::vocabulary::parameters::*;

use crate::registry::lists::benefit_parameters;

/// Every dated table, for the catalogue output.
pub fn all() -> Vec<Parameter> {
    let mut tables = shared();
    tables.extend(benefit_parameters());
    tables
}
