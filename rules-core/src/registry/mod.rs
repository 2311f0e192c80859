//! The registry: the only layer that names every benefit family. The benefit lists ([`lists`]),
//! the catalogue built from them, every parameter, the roster fields an organisation is asked for,
//! and the public evaluation.

pub mod catalogue;
pub mod evaluate;
pub mod guides;
pub mod lists;
pub mod parameters;
pub mod roster_fields;
