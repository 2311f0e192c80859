//! What is built on the registry's reports: the documents checklist, the plain descriptions of a
//! benefit, leads (benefits whose continuation is unconfirmed), totals, and organisations' kinds.

pub mod checklist;
pub mod describe;
pub mod leads;
pub mod org;
pub mod totals;
