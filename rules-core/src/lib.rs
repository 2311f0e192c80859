//! The policy as code. Pure: no IO, no clock, no floats for money.

pub mod catalogue;

pub use catalogue::{Audience, CatalogueEntry, CATALOGUE};
