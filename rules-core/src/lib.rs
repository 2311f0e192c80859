//! The Chongqing employment-assistance policy (渝人社〔2021〕237号 and the documents that implement it)
//! as pure code: facts in, an explained report out.
//!
//! Pure by construction: no IO, no clock (the evaluation date is an input), no browser APIs, no
//! randomness, no floats for money. It compiles natively and to wasm32 and never panics on any input.
//!
//! In layers, each folder one layer, each importing only the layers above it in this list
//! (ARCHITECTURE.md, "rules-core's layers"; a test reads the imports):
//! - [`vocabulary`]: dates, money, sources, districts, the catalogue's entry types, answer choices,
//!   dated parameters, standings;
//! - [`engine`]: facts, questions, conditions ([`engine::logic::Tri`]), validation, documents, the
//!   report and the running of rules;
//! - [`benefits`]: one module per family of benefits, each declaring its rules and tables;
//! - [`registry`]: the one module that names every family: the benefit lists, the catalogue, every
//!   parameter, roster fields, and the public `evaluate*`;
//! - [`views`] and [`sheet`]: what is built on a report or reads lists of people (checklists,
//!   descriptions, leads, totals, organisations' kinds; registers' headers and cells).
//!
//! The modules are re-exported at the root under their short names (`rules_core::evaluate`,
//! `rules_core::facts` …), the paths every other crate uses.

pub mod benefits;
pub mod engine;
pub mod registry;
pub mod sheet;
pub mod views;
pub mod vocabulary;

pub use benefits::{
    carriers, entrepreneurship, hiring, loans, migrant_work, placement, public_posts,
    social_insurance, students, training, unemployment, workshops,
};
pub use engine::{documents, facts, logic, questions, roster, validate};
pub use registry::{catalogue, evaluate, guides, parameters};
pub use views::{checklist, describe, leads, org, totals};
pub use vocabulary::{choices, date, districts, input, money, notice, source, standing};

pub use engine::facts::{Answer, Facts, Q};
pub use engine::report::{BenefitReport, Outcome, Report, Status, Value};
pub use registry::catalogue::CATALOGUE;
pub use registry::evaluate::{evaluate, evaluate_brief, evaluate_person};
pub use registry::lists::benefits;
pub use registry::roster_fields::RosterFields;
pub use vocabulary::catalogue::{Audience, CatalogueEntry};
pub use vocabulary::date::Date;
pub use vocabulary::standing::Standing;
