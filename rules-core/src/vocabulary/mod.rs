//! The vocabulary: the words every other layer speaks. Dates, money, sources and their confidence,
//! the notice's text, districts, standings, input parsing, answer choices, the catalogue's entry
//! types and the dated parameters shared by several benefits. Imports nothing else of the crate.

pub mod catalogue;
pub mod choices;
pub mod date;
pub mod districts;
pub mod input;
pub mod money;
pub mod notice;
pub mod parameters;
pub mod source;
pub mod standing;
