//! The engine: a person's or organisation's facts, the questions that fill them, the three-valued
//! conditions rules are written in, validation, the documents a benefit needs, the report, and the
//! running of a list of benefits over facts on a day. Knows no benefit by name.

pub mod documents;
pub mod facts;
pub mod logic;
pub mod questions;
pub mod report;
pub mod roster;
pub mod rule;
pub mod run;
pub mod validate;
