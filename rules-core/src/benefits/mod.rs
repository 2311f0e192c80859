//! The benefit families, one module per family, named after what it is. Each declares its
//! benefits ([`crate::engine::rule::Benefit`]: entry, rule, documents, how to apply) and its dated
//! tables. A family imports the vocabulary and the engine, and only the shared helpers here
//! ([`groups`], [`loans`]) of the other families.

pub mod carriers;
pub mod entrepreneurship;
pub mod groups;
pub mod hiring;
pub mod loans;
pub mod migrant_work;
pub mod placement;
pub mod public_posts;
pub mod social_insurance;
pub mod students;
pub mod training;
pub mod unemployment;
pub mod workshops;
